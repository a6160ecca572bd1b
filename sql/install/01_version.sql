-- govdisc: the version of the loaded module and of its parser.

CREATE FUNCTION govdisc_version() RETURNS text
AS 'MODULE_PATHNAME', 'govdisc_version'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_version() IS
'the version of the loaded govdisc module and of its parser, as ''0.2 (parser 2)''; the parser version goes up in every release whose documents differ for some input, and stored documents, generated columns and expression indexes made by an older parser must then be made again (docs/reference.md, Upgrading)';

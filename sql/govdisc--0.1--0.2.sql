-- govdisc 0.1 -> 0.2 (ALTER EXTENSION govdisc UPDATE TO '0.2').
-- Must leave exactly the objects of a fresh 0.2 install (sql/install/*.sql):
-- test/stages/upgrade.sh compares the two and names every difference.
-- 0.2's parser returns other documents than 0.1's for some reports:
-- parse stored reports again and REINDEX (docs/reference.md, Upgrading).
\echo Use "ALTER EXTENSION govdisc UPDATE TO '0.2'" to load this file. \quit

-- from sql/install/01_version.sql
CREATE FUNCTION govdisc_version() RETURNS text
AS 'MODULE_PATHNAME', 'govdisc_version'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_version() IS
'the version of the loaded govdisc module and of its parser, as ''0.2 (parser 2)''; the parser version goes up in every release whose documents differ for some input, and stored documents, generated columns and expression indexes made by an older parser must then be made again (docs/reference.md, Upgrading)';


-- from sql/install/40_text.sql
CREATE FUNCTION govdisc_text(bytes bytea) RETURNS text
AS 'MODULE_PATHNAME', 'govdisc_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_text(bytea) IS
'the bytes of a report file as text: UTF-8 or UTF-16 when a byte order mark says so, else UTF-8 when the bytes are valid UTF-8, else GB18030 (GBK, GB2312); an error (SQLSTATE 22021) naming the encodings tried when none reads every byte or the text holds a NUL';

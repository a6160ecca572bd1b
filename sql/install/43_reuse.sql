-- govdisc: copied prose.  How much of one report's prose (its text outside
-- the tables) is copied from another report, e.g. from the same body's
-- report of the year before.

CREATE FUNCTION govdisc_reuse(a text, b text) RETURNS float8
AS 'MODULE_PATHNAME', 'govdisc_reuse'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_reuse(text, text) IS
'the share (0 to 1) of report b''s prose that is copied from report a: the prose is the text outside the tables of parts 二, 三 and 四, as the parser finds them, normalised (NFKC, white space and punctuation dropped, every digit alike); copied means in a passage of at least 24 letters that a also holds; a report against itself scores 1, one body''s consecutive years typically 0.35 or more, different bodies typically 0.25 or less (docs/many-reports.md)';

CREATE FUNCTION govdisc_reuse_passages(a text, b text)
RETURNS TABLE (a_start int, a_length int, b_start int, b_length int, passage text)
AS 'MODULE_PATHNAME', 'govdisc_reuse_passages'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;

COMMENT ON FUNCTION govdisc_reuse_passages(text, text) IS
'the passages of report b''s prose copied from report a, in b''s order: their start and length in characters in a and in b (for substr) and the passage as b prints it; the passages govdisc_reuse counts';

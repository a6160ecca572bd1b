-- govdisc: the rule catalog (勾稽关系 and completeness checks) on one report
-- or on two consecutive reports of one agency.  Each function takes either
-- the report text or the jsonb document govdisc_parse returned.

CREATE FUNCTION govdisc_check(report text)
RETURNS TABLE(rule text, severity text, tbl text, row_key text, col_key text,
              expected numeric, actual numeric, message text)
AS 'MODULE_PATHNAME', 'govdisc_check_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;

COMMENT ON FUNCTION govdisc_check(text) IS
'parses the report text and judges it by the rule catalog: one row per finding (rule id, severity error or warning, table, row and column keys, expected and actual values in counts or yuan, and a message in Chinese naming the place as the report prints it), in catalog order then table, row and column order; a rule with a blank operand is not judged there, the blank cells are listed by completeness.blank_cells';

CREATE FUNCTION govdisc_check(report jsonb)
RETURNS TABLE(rule text, severity text, tbl text, row_key text, col_key text,
              expected numeric, actual numeric, message text)
AS 'MODULE_PATHNAME', 'govdisc_check_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;

COMMENT ON FUNCTION govdisc_check(jsonb) IS
'judges a stored govdisc document (the jsonb govdisc_parse returned) by the rule catalog without re-parsing; same rows as govdisc_check(text), except that prose.requests is not assessable (the document does not keep the prose)';

CREATE FUNCTION govdisc_is_valid(report text) RETURNS boolean
AS 'MODULE_PATHNAME', 'govdisc_is_valid_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_is_valid(text) IS
'parses the report text; false exactly when govdisc_check finds a rule of severity error broken';

CREATE FUNCTION govdisc_is_valid(report jsonb) RETURNS boolean
AS 'MODULE_PATHNAME', 'govdisc_is_valid_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_is_valid(jsonb) IS
'false exactly when govdisc_check finds a rule of severity error broken in the stored document (a cell the report prints unreadably, values.unreadable, is one); runs only the rules of severity error, for use in WHERE clauses and indexes; a value that is not part of the document contract (an unknown key, a wrong type, a count beyond bigint, a published date not of the calendar) raises invalid_parameter_value';

CREATE FUNCTION govdisc_assert_valid(report text) RETURNS boolean
AS 'MODULE_PATHNAME', 'govdisc_assert_valid_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_assert_valid(text) IS
'true when the report text breaks no rule of severity error; otherwise raises check_violation whose detail lists each error finding (rule: message), or says "no report tables found" for text without 表二, 表三 or 表四; for CHECK constraints';

CREATE FUNCTION govdisc_assert_valid(report jsonb) RETURNS boolean
AS 'MODULE_PATHNAME', 'govdisc_assert_valid_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_assert_valid(jsonb) IS
'true when the stored document breaks no rule of severity error; otherwise raises check_violation whose detail lists each error finding (rule: message), or says "no report tables found" for a document stating no row of 表二, 表三 or 表四; for CHECK constraints';

CREATE FUNCTION govdisc_check_pair(previous text, current text)
RETURNS TABLE(rule text, severity text, tbl text, row_key text, col_key text,
              expected numeric, actual numeric, message text)
AS 'MODULE_PATHNAME', 'govdisc_check_pair_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4;

COMMENT ON FUNCTION govdisc_check_pair(text, text) IS
'parses two reports of one agency, the previous year''s and the current, and judges them by the pair rules: pair.carryover (上年结转 = last year''s 结转下年度), pair.in_force, pair.prior_items and pair.year; rows as govdisc_check, placed in the current report';

CREATE FUNCTION govdisc_check_pair(previous jsonb, current jsonb)
RETURNS TABLE(rule text, severity text, tbl text, row_key text, col_key text,
              expected numeric, actual numeric, message text)
AS 'MODULE_PATHNAME', 'govdisc_check_pair_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4;

COMMENT ON FUNCTION govdisc_check_pair(jsonb, jsonb) IS
'judges two stored documents of one agency, the previous year''s and the current, by the pair rules (pair.carryover, pair.in_force, pair.prior_items, pair.year) without re-parsing; rows as govdisc_check, placed in the current report';

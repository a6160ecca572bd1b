-- govdisc: the analyst's surface.  One report as a flat row, its cells and
-- its 表三 rows as sets of rows, its six parts, and its tables rendered
-- again.  Each function takes the report text, or the jsonb document that
-- govdisc_parse returned (no second parse).

CREATE TYPE govdisc_report AS (
	template text,
	agency text,
	year int,
	published date,
	received bigint,
	carried_over bigint,
	granted bigint,
	results_total bigint,
	carried_forward bigint,
	reconsideration_total bigint,
	litigation_total bigint,
	error_count int,
	warning_count int,
	division text,
	province text,
	city text
);

COMMENT ON TYPE govdisc_report IS
'one report in one row: template, agency, year, published; the 总计 column of 表三 rows received (一、本年新收), carried_over (二、上年结转), granted (（一）予以公开), results_total (（七）总计) and carried_forward (四、结转下年度); the 总计 of 表四 行政复议 (reconsideration_total) and of 行政诉讼, its two kinds added with a blank one counting as nothing, null only when both are blank (litigation_total); the number of error and warning findings of govdisc_check; and the administrative division the agency resolves to by govdisc_agency: its code (division; null when no division or several fit the name), province and city (prefecture level), for GROUP BY one body across years or a province or city';

CREATE FUNCTION govdisc_report(body text) RETURNS govdisc_report
AS 'MODULE_PATHNAME', 'govdisc_report_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION govdisc_report(report jsonb) RETURNS govdisc_report
AS 'MODULE_PATHNAME', 'govdisc_report_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_report(text) IS
'parses a report text and returns it as one govdisc_report row: header fields, the key totals of 表三 and 表四, and the counts of error and warning findings';
COMMENT ON FUNCTION govdisc_report(jsonb) IS
'a document returned by govdisc_parse as one govdisc_report row: header fields, the key totals of 表三 and 表四, and the counts of error and warning findings (prose.requests is not assessable on a stored document)';

CREATE FUNCTION govdisc_cells(body text)
RETURNS TABLE (tbl text, row_key text, col_key text, label text, value numeric)
AS 'MODULE_PATHNAME', 'govdisc_cells_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 200;

CREATE FUNCTION govdisc_cells(report jsonb)
RETURNS TABLE (tbl text, row_key text, col_key text, label text, value numeric)
AS 'MODULE_PATHNAME', 'govdisc_cells_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 200;

COMMENT ON FUNCTION govdisc_cells(text) IS
'parses a report text and returns every cell of 表二, 表三 and 表四 in template order, one row each: table, row and column key, the label as the template prints it (row headings, row label and column label joined by " / ") and the value (amounts in yuan, null for a blank cell)';
COMMENT ON FUNCTION govdisc_cells(jsonb) IS
'every cell of 表二, 表三 and 表四 of a govdisc document in template order, one row each: table, row and column key, the label as the template prints it (row headings, row label and column label joined by " / ") and the value (amounts in yuan, null for a blank cell)';

CREATE FUNCTION govdisc_requests(body text)
RETURNS TABLE (row_key text, label text, natural_person bigint, enterprise bigint,
			   research bigint, ngo bigint, legal bigint, other_org bigint, total bigint)
AS 'MODULE_PATHNAME', 'govdisc_requests_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 25;

CREATE FUNCTION govdisc_requests(report jsonb)
RETURNS TABLE (row_key text, label text, natural_person bigint, enterprise bigint,
			   research bigint, ngo bigint, legal bigint, other_org bigint, total bigint)
AS 'MODULE_PATHNAME', 'govdisc_requests_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 25;

COMMENT ON FUNCTION govdisc_requests(text) IS
'parses a report text and returns 表三 收到和处理政府信息公开申请情况, one row per template row in template order: row key, label (with the headings it stands under), and the seven applicant columns (null for a blank cell)';
COMMENT ON FUNCTION govdisc_requests(jsonb) IS
'表三 收到和处理政府信息公开申请情况 of a govdisc document, one row per template row in template order: row key, label (with the headings it stands under), and the seven applicant columns (null for a blank cell)';

CREATE FUNCTION govdisc_sections(source text)
RETURNS TABLE (no int, title text, body text)
AS 'MODULE_PATHNAME', 'govdisc_sections'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 6;

COMMENT ON FUNCTION govdisc_sections(text) IS
'the parts (一 to 六) the parser found in a report text: number, title and the text of the part (substr of the input at the start and length govdisc_parse reports)';

CREATE FUNCTION govdisc_render(report jsonb, format text DEFAULT 'text') RETURNS text
AS 'MODULE_PATHNAME', 'govdisc_render'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_render(jsonb, text) IS
'lays out the three tables of a govdisc document as the standard template (2019 or 2021 form) prints them, under a title line and the headings of parts 二, 三 and 四; format text (as copied from Word), markdown or html; govdisc_parse reads the result back to the same tables';

-- govdisc: the parser.  Every other interface is a view of its document.
\echo Use "CREATE EXTENSION govdisc" to load this file. \quit

CREATE FUNCTION govdisc_parse(body text) RETURNS jsonb
AS 'MODULE_PATHNAME', 'govdisc_parse'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_parse(text) IS
'parses the text of a 政府信息公开工作年度报告 (Word text, web text, HTML, pdftotext or Markdown) into the govdisc document (schema 1): template, agency, year, published, sections, 表二 active, 表三 requests, 表四 review, processing_fees and diagnostics';
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
'false exactly when govdisc_check finds a rule of severity error broken in the stored document; reads only the tables, for use in WHERE clauses and indexes';

CREATE FUNCTION govdisc_assert_valid(report text) RETURNS boolean
AS 'MODULE_PATHNAME', 'govdisc_assert_valid_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_assert_valid(text) IS
'true when the report text breaks no rule of severity error; otherwise raises check_violation whose detail lists each error finding (rule: message), for CHECK constraints';

CREATE FUNCTION govdisc_assert_valid(report jsonb) RETURNS boolean
AS 'MODULE_PATHNAME', 'govdisc_assert_valid_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_assert_valid(jsonb) IS
'true when the stored document breaks no rule of severity error; otherwise raises check_violation whose detail lists each error finding (rule: message), for CHECK constraints';

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
-- govdisc: govdisc_labels, the Chinese labels of the document's keys.
-- The rows are those of src/labels.c (the regression test surface.sql
-- compares them with the labels the C functions print).  Static reference
-- data recreated by CREATE EXTENSION, so not marked for pg_dump.

CREATE TABLE govdisc_labels (
	tbl text NOT NULL CHECK (tbl IN ('active', 'requests', 'review')),
	part text NOT NULL CHECK (part IN ('row', 'column')),
	key text NOT NULL,
	format text NOT NULL CHECK (format IN ('2019', '2021', 'both')),
	ord int NOT NULL,
	label text NOT NULL,
	heading text,
	kind text CHECK (CASE part WHEN 'row' THEN kind IS NULL
						   ELSE kind IN ('count', 'signed', 'amount') END),
	PRIMARY KEY (tbl, part, key, format)
);

INSERT INTO govdisc_labels (tbl, part, key, format, ord, label, heading, kind) VALUES
	('active', 'row', 'rules', 'both', 1, '规章', NULL, NULL),
	('active', 'row', 'normative_documents', '2019', 2, '规范性文件', NULL, NULL),
	('active', 'row', 'normative_documents', '2021', 2, '行政规范性文件', NULL, NULL),
	('active', 'row', 'licensing', 'both', 3, '行政许可', NULL, NULL),
	('active', 'row', 'other_services', '2019', 4, '其他对外管理服务事项', NULL, NULL),
	('active', 'row', 'penalties', 'both', 5, '行政处罚', NULL, NULL),
	('active', 'row', 'coercion', 'both', 6, '行政强制', NULL, NULL),
	('active', 'row', 'fees', 'both', 7, '行政事业性收费', NULL, NULL),
	('active', 'row', 'procurement', '2019', 8, '政府集中采购', NULL, NULL),
	('active', 'column', 'made', '2019', 1, '本年新制作数量', NULL, 'count'),
	('active', 'column', 'published', '2019', 2, '本年新公开数量', NULL, 'count'),
	('active', 'column', 'total', '2019', 3, '对外公开总数量', NULL, 'count'),
	('active', 'column', 'prior', '2019', 1, '上一年项目数量', NULL, 'count'),
	('active', 'column', 'change', '2019', 2, '本年增/减', NULL, 'signed'),
	('active', 'column', 'decisions', '2019', 3, '处理决定数量', NULL, 'count'),
	('active', 'column', 'projects', '2019', 1, '采购项目数量', NULL, 'count'),
	('active', 'column', 'amount_yuan', '2019', 2, '采购总金额', NULL, 'amount'),
	('active', 'column', 'issued', '2021', 1, '本年制发件数', NULL, 'count'),
	('active', 'column', 'repealed', '2021', 2, '本年废止件数', NULL, 'count'),
	('active', 'column', 'in_force', '2021', 3, '现行有效件数', NULL, 'count'),
	('active', 'column', 'decisions', '2021', 1, '本年处理决定数量', NULL, 'count'),
	('active', 'column', 'amount_yuan', '2021', 1, '本年收费金额（单位：万元）', NULL, 'amount'),
	('requests', 'row', 'received', 'both', 1, '一、本年新收政府信息公开申请数量', NULL, NULL),
	('requests', 'row', 'carried_over', 'both', 2, '二、上年结转政府信息公开申请数量', NULL, NULL),
	('requests', 'row', 'granted', 'both', 3, '（一）予以公开', '三、本年度办理结果', NULL),
	('requests', 'row', 'partial', 'both', 4, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '三、本年度办理结果', NULL),
	('requests', 'row', 'denied_secret', 'both', 5, '1.属于国家秘密', '三、本年度办理结果 / （三）不予公开', NULL),
	('requests', 'row', 'denied_law', 'both', 6, '2.其他法律行政法规禁止公开', '三、本年度办理结果 / （三）不予公开', NULL),
	('requests', 'row', 'denied_safety', 'both', 7, '3.危及“三安全一稳定”', '三、本年度办理结果 / （三）不予公开', NULL),
	('requests', 'row', 'denied_third_party', 'both', 8, '4.保护第三方合法权益', '三、本年度办理结果 / （三）不予公开', NULL),
	('requests', 'row', 'denied_internal', 'both', 9, '5.属于三类内部事务信息', '三、本年度办理结果 / （三）不予公开', NULL),
	('requests', 'row', 'denied_process', 'both', 10, '6.属于四类过程性信息', '三、本年度办理结果 / （三）不予公开', NULL),
	('requests', 'row', 'denied_enforcement', 'both', 11, '7.属于行政执法案卷', '三、本年度办理结果 / （三）不予公开', NULL),
	('requests', 'row', 'denied_query', 'both', 12, '8.属于行政查询事项', '三、本年度办理结果 / （三）不予公开', NULL),
	('requests', 'row', 'unavailable_not_held', 'both', 13, '1.本机关不掌握相关政府信息', '三、本年度办理结果 / （四）无法提供', NULL),
	('requests', 'row', 'unavailable_needs_creation', 'both', 14, '2.没有现成信息需要另行制作', '三、本年度办理结果 / （四）无法提供', NULL),
	('requests', 'row', 'unavailable_unclear', 'both', 15, '3.补正后申请内容仍不明确', '三、本年度办理结果 / （四）无法提供', NULL),
	('requests', 'row', 'rejected_complaint', 'both', 16, '1.信访举报投诉类申请', '三、本年度办理结果 / （五）不予处理', NULL),
	('requests', 'row', 'rejected_duplicate', 'both', 17, '2.重复申请', '三、本年度办理结果 / （五）不予处理', NULL),
	('requests', 'row', 'rejected_publication', 'both', 18, '3.要求提供公开出版物', '三、本年度办理结果 / （五）不予处理', NULL),
	('requests', 'row', 'rejected_excessive', 'both', 19, '4.无正当理由大量反复申请', '三、本年度办理结果 / （五）不予处理', NULL),
	('requests', 'row', 'rejected_confirmation', 'both', 20, '5.要求行政机关确认或重新出具已获取信息', '三、本年度办理结果 / （五）不予处理', NULL),
	('requests', 'row', 'other_handling', '2019', 21, '（六）其他处理', '三、本年度办理结果', NULL),
	('requests', 'row', 'other_no_correction', '2021', 22, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '三、本年度办理结果 / （六）其他处理', NULL),
	('requests', 'row', 'other_no_fee', '2021', 23, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '三、本年度办理结果 / （六）其他处理', NULL),
	('requests', 'row', 'other_misc', '2021', 24, '3.其他', '三、本年度办理结果 / （六）其他处理', NULL),
	('requests', 'row', 'total', 'both', 25, '（七）总计', '三、本年度办理结果', NULL),
	('requests', 'row', 'carried_forward', 'both', 26, '四、结转下年度继续办理', NULL, NULL),
	('requests', 'column', 'natural_person', 'both', 1, '自然人', '申请人情况', 'count'),
	('requests', 'column', 'enterprise', 'both', 2, '商业企业', '申请人情况 / 法人或其他组织', 'count'),
	('requests', 'column', 'research', 'both', 3, '科研机构', '申请人情况 / 法人或其他组织', 'count'),
	('requests', 'column', 'ngo', 'both', 4, '社会公益组织', '申请人情况 / 法人或其他组织', 'count'),
	('requests', 'column', 'legal', 'both', 5, '法律服务机构', '申请人情况 / 法人或其他组织', 'count'),
	('requests', 'column', 'other_org', 'both', 6, '其他', '申请人情况 / 法人或其他组织', 'count'),
	('requests', 'column', 'total', 'both', 7, '总计', '申请人情况', 'count'),
	('review', 'row', 'reconsideration', 'both', 1, '行政复议', NULL, NULL),
	('review', 'row', 'litigation_direct', 'both', 2, '未经复议直接起诉', '行政诉讼', NULL),
	('review', 'row', 'litigation_after_reconsideration', 'both', 3, '复议后起诉', '行政诉讼', NULL),
	('review', 'column', 'upheld', 'both', 1, '结果维持', NULL, 'count'),
	('review', 'column', 'corrected', 'both', 2, '结果纠正', NULL, 'count'),
	('review', 'column', 'other', 'both', 3, '其他结果', NULL, 'count'),
	('review', 'column', 'pending', 'both', 4, '尚未审结', NULL, 'count'),
	('review', 'column', 'total', 'both', 5, '总计', NULL, 'count');

GRANT SELECT ON govdisc_labels TO PUBLIC;

COMMENT ON TABLE govdisc_labels IS
'the Chinese labels of every row and column key of the three tables, as the standard templates (国办公开办函〔2019〕60号 and 〔2021〕30号) print them; a cell''s label in govdisc_cells is concat_ws('' / '', row heading, row label, column label)';
COMMENT ON COLUMN govdisc_labels.tbl IS
'the table: active (表二), requests (表三) or review (表四), as the keys of the govdisc document';
COMMENT ON COLUMN govdisc_labels.part IS
'row or column: the kind of key';
COMMENT ON COLUMN govdisc_labels.key IS
'the key in the govdisc document (e.g. denied_secret, natural_person)';
COMMENT ON COLUMN govdisc_labels.format IS
'the template that has this key with this label: 2019, 2021, or both';
COMMENT ON COLUMN govdisc_labels.ord IS
'position in the template: of a row in its table (rows of both formats in one order), of a column in its row';
COMMENT ON COLUMN govdisc_labels.label IS
'the label as the template prints it';
COMMENT ON COLUMN govdisc_labels.heading IS
'the merged headings printed over or beside it, outermost first, joined by '' / ''; null when there are none';
COMMENT ON COLUMN govdisc_labels.kind IS
'for columns, what the values are: count (integer >= 0), signed (本年增/减) or amount (yuan; the 2021 本年收费金额 header says 万元 but the value is in yuan); null for rows';
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
	warning_count int
);

COMMENT ON TYPE govdisc_report IS
'one report in one row: template, agency, year, published; the 总计 column of 表三 rows received (一、本年新收), carried_over (二、上年结转), granted (（一）予以公开), results_total (（七）总计) and carried_forward (四、结转下年度); the 总计 of 表四 行政复议 (reconsideration_total) and of 行政诉讼, its two kinds added with a blank one counting as nothing, null only when both are blank (litigation_total); and the number of error and warning findings of govdisc_check';

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

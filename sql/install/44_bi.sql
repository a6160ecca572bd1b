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

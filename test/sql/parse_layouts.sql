-- govdisc_parse: one report in every layout the parser reads gives one
-- document.  The report is written here as data; each layout is built from
-- it the way the tools that produce that layout lay a table out.
CREATE EXTENSION IF NOT EXISTS govdisc;

CREATE TEMP TABLE t2 (ord int, label text, cells text[]);
INSERT INTO t2 VALUES
	(1, '规章', '{1,0,3}'), (2, '行政规范性文件', '{5,2,4}'),
	(3, '行政许可', '{7}'), (4, '行政处罚', '{4}'), (5, '行政强制', '{0}'),
	(6, '行政事业性收费', '{1.5}');
CREATE TEMP TABLE t3 (ord int, label text, cells text[]);
INSERT INTO t3 VALUES
	(1, '一、本年新收政府信息公开申请数量', '{3,1,0,0,0,0,4}'),
	(2, '二、上年结转政府信息公开申请数量', '{1,0,0,0,0,0,1}'),
	(3, '（一）予以公开', '{2,0,0,0,0,0,2}'),
	(4, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '{1,0,0,0,0,0,1}'),
	(5, '1.属于国家秘密', '{0,0,0,0,0,0,0}'), (6, '2.其他法律行政法规禁止公开', '{0,0,0,0,0,0,0}'),
	(7, '3.危及“三安全一稳定”', '{0,0,0,0,0,0,0}'), (8, '4.保护第三方合法权益', '{0,0,0,0,0,0,0}'),
	(9, '5.属于三类内部事务信息', '{0,0,0,0,0,0,0}'), (10, '6.属于四类过程性信息', '{0,1,0,0,0,0,1}'),
	(11, '7.属于行政执法案卷', '{0,0,0,0,0,0,0}'), (12, '8.属于行政查询事项', '{0,0,0,0,0,0,0}'),
	(13, '1.本机关不掌握相关政府信息', '{0,0,0,0,0,0,0}'), (14, '2.没有现成信息需要另行制作', '{0,0,0,0,0,0,0}'),
	(15, '3.补正后申请内容仍不明确', '{0,0,0,0,0,0,0}'), (16, '1.信访举报投诉类申请', '{0,0,0,0,0,0,0}'),
	(17, '2.重复申请', '{0,0,0,0,0,0,0}'), (18, '3.要求提供公开出版物', '{0,0,0,0,0,0,0}'),
	(19, '4.无正当理由大量反复申请', '{0,0,0,0,0,0,0}'), (20, '5.要求行政机关确认或重新出具已获取信息', '{0,0,0,0,0,0,0}'),
	(21, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '{0,0,0,0,0,0,0}'),
	(22, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '{0,0,0,0,0,0,0}'),
	(23, '3.其他', '{0,0,0,0,0,0,0}'), (24, '（七）总计', '{3,1,0,0,0,0,4}'),
	(25, '四、结转下年度继续办理', '{1,0,0,0,0,0,1}');
CREATE TEMP TABLE t4 (cells text[]);
INSERT INTO t4 VALUES ('{1,0,0,1,2,0,0,0,1,1,0,0,0,0,0}');

-- a layout writes a row from its label and cells; heads and prose are shared
CREATE FUNCTION pg_temp.report(layout text) RETURNS text LANGUAGE sql AS $$
WITH rows AS (
	SELECT tbl, ord, label, cells FROM (
		SELECT 2 AS tbl, ord, label, cells FROM t2
		UNION ALL SELECT 3, ord, label, cells FROM t3
		UNION ALL SELECT 4, 1, NULL, cells FROM t4) r),
written AS (
	SELECT tbl, ord, CASE layout
		WHEN 'word' THEN coalesce(E'\t' || label || E'\n', '') || E'\t' || array_to_string(cells, E'\n\t') || E'\n\n'
		WHEN 'tabs' THEN coalesce(label || E'\t', '') || array_to_string(cells, E'\t') || E'\n'
		WHEN 'pipe' THEN E'| \n' || coalesce(' ' || label || E'  | \n', '') || ' ' || array_to_string(cells, E'  | \n ') || E'  | ||\n'
		WHEN 'markdown' THEN '| ' || coalesce(label || ' | ', '') || array_to_string(cells, ' | ') || E' |\n'
		WHEN 'bars' THEN coalesce(label || ' | ', '') || array_to_string(cells, ' | ') || E'\n'
		WHEN 'box' THEN E'├──┼──┤\n│' || coalesce(label || '│', '') || array_to_string(cells, '│') || E'│\n'
		WHEN 'html' THEN '<tr>' || coalesce('<td>' || label || '</td>', '') || '<td>' || array_to_string(cells, '</td><td>') || E'</td></tr>\n'
		WHEN 'pdflayout' THEN coalesce(rpad(label, 40), '') || (SELECT string_agg(lpad(c, 6), '') FROM unnest(cells) c) || E'\n'
		WHEN 'spaced' THEN coalesce(label || ' ', '') || array_to_string(cells, ' ') || ' '
		WHEN 'runtogether' THEN coalesce(label, '') || array_to_string(cells, '')
		END AS text
	FROM rows),
tbl AS (SELECT tbl, string_agg(text, '' ORDER BY ord) AS body FROM written GROUP BY tbl),
sep AS (SELECT CASE WHEN layout IN ('spaced', 'runtogether') THEN ' ' ELSE E'\n' END AS nl,
			   CASE WHEN layout = 'html' THEN '<table>' ELSE '' END AS open,
			   CASE WHEN layout = 'html' THEN '</table>' ELSE '' END AS close)
SELECT '澄江市测试局2022年政府信息公开工作年度报告' || nl ||
	'一、总体情况' || nl || '本年度，我局依法做好政府信息公开工作。' || nl ||
	'二、主动公开政府信息情况' || nl || open ||
	'信息内容 本年制发件数 本年废止件数 现行有效件数' || nl ||
	(SELECT body FROM tbl WHERE tbl = 2) || close || nl ||
	'三、收到和处理政府信息公开申请情况' || nl || open ||
	'申请人情况 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计' || nl ||
	(SELECT body FROM tbl WHERE tbl = 3) || close || nl ||
	'四、政府信息公开行政复议、行政诉讼情况' || nl || open ||
	'行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计' || nl ||
	(SELECT body FROM tbl WHERE tbl = 4) || close || nl ||
	'五、存在的主要问题及改进情况' || nl || '无。' || nl ||
	'六、其他需要报告的事项' || nl || '本年度未收取信息处理费。' || nl
FROM sep
$$;

CREATE TEMP TABLE parsed AS
SELECT layout, govdisc_parse(pg_temp.report(layout)) AS d
FROM unnest('{word,tabs,pipe,markdown,bars,box,html,pdflayout,spaced,runtogether}'::text[]) layout;

-- the document, as the Word text gives it
SELECT d->>'template' AS template, d->>'agency' AS agency, d->>'year' AS year,
	   d->'processing_fees' AS fees, jsonb_array_length(d->'sections') AS sections
FROM parsed WHERE layout = 'word';
SELECT key, value FROM parsed, jsonb_each(d->'active') WHERE layout = 'word' ORDER BY key;
SELECT key, value FROM parsed, jsonb_each(d->'requests') WHERE layout = 'word'
	AND key IN ('received', 'carried_over', 'granted', 'partial', 'denied_process', 'other_misc', 'total', 'carried_forward')
	ORDER BY key;
SELECT key, value FROM parsed, jsonb_each(d->'review') WHERE layout = 'word' ORDER BY key;
SELECT count(*) AS null_cells
FROM parsed, jsonb_each(d->'requests') r, jsonb_each(r.value) c
WHERE layout = 'word' AND c.value = 'null';

-- every layout gives the same document, and reads every cell with confidence
SELECT p.layout,
	   p.d - 'sections' - 'diagnostics' = w.d - 'sections' - 'diagnostics' AS same_as_word,
	   jsonb_array_length(p.d->'sections') AS sections,
	   (SELECT string_agg(DISTINCT x->>'code', ',') FROM jsonb_array_elements(p.d->'diagnostics') x) AS diagnostics
FROM parsed p, parsed w WHERE w.layout = 'word' ORDER BY p.layout;

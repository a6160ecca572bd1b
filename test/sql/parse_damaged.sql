-- govdisc_parse never fails on content: damaged or foreign text gives a
-- document with nulls and diagnostics.
CREATE EXTENSION IF NOT EXISTS govdisc;

CREATE TEMP TABLE damaged (name text, body text);
INSERT INTO damaged VALUES
	('empty', ''),
	('white space', E' \t\n\r\n　 '),
	('prose only', '本机关全年认真做好政府信息公开工作，没有需要说明的数据。'),
	('numbers only', repeat('0 1 2 3 ', 50)),
	('symbols', repeat('|<>&;#%$@!', 30)),
	('html without tables', '<html><body><p>通知</p><script>var a = "<td>";</script></body></html>'),
	('unclosed html', '<table><tr><td>规章<td>1<td'),
	('table without prose',
	 E'\t信息内容\n\t上一年项目数量\n\t本年增/减\n\t处理决定数量\n\n\t行政许可\n\t3\n\t0\n\t5\n\n'),
	('labels without figures', '一、本年新收政府信息公开申请数量 二、上年结转政府信息公开申请数量 （七）总计'),
	('truncated',
	 E'某区政府2021年政府信息公开工作年度报告\n一、总体情况\n略。\n二、主动公开政府信息情况\n'
	 '\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n\n\t规章\n\t1\n\t0');

SELECT name,
	   d->'schema' AS schema, d->>'template' AS template, d->>'agency' AS agency,
	   jsonb_array_length(d->'sections') AS sections,
	   d->'active' IS NOT NULL AND d->'active' <> 'null' AS active,
	   (SELECT string_agg(DISTINCT x->>'code', ', ' ORDER BY x->>'code')
		FROM jsonb_array_elements(d->'diagnostics') x) AS diagnostics
FROM damaged, govdisc_parse(body) d ORDER BY name;

-- what the table without prose and the truncated report still say
SELECT name, govdisc_parse(body)->'active'->'licensing' AS licensing,
	   govdisc_parse(body)->'active'->'rules' AS rules
FROM damaged WHERE name IN ('table without prose', 'truncated') ORDER BY name;

-- STRICT: null in, null out
SELECT govdisc_parse(NULL) IS NULL AS null_in_null_out;

-- a report repeated until it is 5 MB: read in one pass, the first report counts
SELECT length(body) > 5000000 AS over_5mb,
	   d->>'template' AS template, d->'active'->'rules' AS rules
FROM (SELECT repeat(body || E'\n', 500000) AS body FROM damaged WHERE name = 'truncated') s,
	 govdisc_parse(s.body) d;

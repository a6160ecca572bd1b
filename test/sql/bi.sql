-- govdisc_bi_views: views for BI tools over a table of reports.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS govdisc;
RESET client_min_messages;
SET datestyle = 'ISO, YMD';

CREATE TABLE bi_reports (id int PRIMARY KEY, source text, doc jsonb);
\set body `cat test/samples/reports/word-2021-blank-orgs.txt`
INSERT INTO bi_reports VALUES (1, 'word', govdisc_parse(:'body'));
INSERT INTO bi_reports VALUES (2, 'made-up', '{"schema": 1, "template": "2019", "agency": "淮安市洪泽区人民政府", "year": 2020,
	"review": {"reconsideration": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}}}');

SELECT govdisc_bi_views('bi_reports');
SELECT * FROM bi_reports_reports ORDER BY id;
SELECT id, "机构", "表", count(*) AS cells, count("数值") AS stated, sum("数值") AS total
FROM bi_reports_cells GROUP BY 1, 2, 3 ORDER BY 1, 3;
SELECT "项目", "数值" FROM bi_reports_cells WHERE id = 2 ORDER BY "项目" LIMIT 3;
-- the views are plain relations to a client: their columns as it lists them
SELECT table_name, string_agg(column_name, ', ' ORDER BY ordinal_position) AS columns
FROM information_schema.columns WHERE table_name LIKE 'bi_reports_%' GROUP BY 1 ORDER BY 1;

-- a prefix, a text column, and the errors
CREATE TABLE bi_texts (name text, body text, n int);
INSERT INTO bi_texts VALUES ('a', :'body', 1);
SELECT govdisc_bi_views('bi_texts', 'body', 'panel');
SELECT name, n, "机构", "年度", "本年新收申请" FROM panel_reports;
SELECT govdisc_bi_views('bi_texts', 'nope');
SELECT govdisc_bi_views('bi_texts', 'n');
DROP TABLE bi_texts CASCADE;
DROP TABLE bi_reports CASCADE;

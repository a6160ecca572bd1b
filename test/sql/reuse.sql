-- govdisc_reuse and govdisc_reuse_passages: copied prose, on made-up pairs
-- and on the project's sample reports (read on the client side).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS govdisc;
RESET client_min_messages;

-- four sentences of made-up prose, each well over the 24 letters a
-- passage needs
CREATE TEMP TABLE s (k text PRIMARY KEY, t text);
INSERT INTO s VALUES
('p1', '本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开，持续提升政务公开质量。'),
('p2', '全年通过门户网站主动公开各类政府信息一千余条，及时回应社会关切，切实保障人民群众的知情权、参与权和监督权。'),
('p3', '下一步我们将进一步加强政府信息公开工作人员培训，健全信息发布审核机制，提高公开内容的准确性和规范性。'),
('p4', '今年辖区内新建农村公路二十余公里，完成危桥改造三座，群众出行条件明显改善，获得了沿线村民的一致好评。');

SELECT k, round(govdisc_reuse(a, b)::numeric, 3) AS share
FROM (VALUES
	('itself', (SELECT t FROM s WHERE k = 'p1') || (SELECT t FROM s WHERE k = 'p2'),
			   (SELECT t FROM s WHERE k = 'p1') || (SELECT t FROM s WHERE k = 'p2')),
	-- half of b is a's first sentence
	('half', (SELECT t FROM s WHERE k = 'p1') || (SELECT t FROM s WHERE k = 'p2'),
			 (SELECT t FROM s WHERE k = 'p1') || (SELECT t FROM s WHERE k = 'p4')),
	-- white space, line breaks, full-width letters and other figures do not hide a copy
	('reworded', '本机关坚持以公开为常态、不公开为例外，2022年全面推进决策、执行、管理、服务、结果公开。',
				 E'本机关坚持以公开为常态， 不公开为例外。\n２０２３年全面推进决策、执行、管理、服务、结果公开。'),
	('unrelated', (SELECT t FROM s WHERE k = 'p1'), (SELECT t FROM s WHERE k = 'p3') || (SELECT t FROM s WHERE k = 'p4')),
	-- shorter than a passage: not a copy
	('short', '公开为常态', '公开为常态'),
	('empty a', '', (SELECT t FROM s WHERE k = 'p1')),
	('empty b', (SELECT t FROM s WHERE k = 'p1'), '')) AS v(k, a, b)
ORDER BY k;

-- the passages: where they are in a and in b, and the text b prints
SELECT p.* FROM (SELECT (SELECT t FROM s WHERE k = 'p3') || (SELECT t FROM s WHERE k = 'p1') AS a,
						(SELECT t FROM s WHERE k = 'p1') || (SELECT t FROM s WHERE k = 'p4') AS b) x,
	govdisc_reuse_passages(a, b) p;
-- the positions are substr's: the passage is where they say in both texts
SELECT substr(a, p.a_start, p.a_length) = p.passage AS at_a,
	   substr(b, p.b_start, p.b_length) = p.passage AS at_b
FROM (SELECT E'前言。\n' || (SELECT t FROM s WHERE k = 'p3') || (SELECT t FROM s WHERE k = 'p2') AS a,
			 (SELECT t FROM s WHERE k = 'p4') || E'\n\n' || (SELECT t FROM s WHERE k = 'p2') AS b) x,
	govdisc_reuse_passages(a, b) p;

-- only prose counts: a sentence inside the table of part 二 is not prose
-- (the parser's sections and table regions decide), in a or in b
CREATE TEMP TABLE r AS
SELECT E'一、总体情况\n' || (SELECT t FROM s WHERE k = 'p1') ||
	   E'\n二、主动公开政府信息情况\n第二十条第（一）项\n' || (SELECT t FROM s WHERE k = 'p4') ||
	   E'\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n' ||
	   E'五、存在的主要问题及改进情况\n' || (SELECT t FROM s WHERE k = 'p3') AS report;
SELECT round(govdisc_reuse((SELECT t FROM s WHERE k = 'p4'), report)::numeric, 3) AS table_text_in_b,
	   round(govdisc_reuse(report, (SELECT t FROM s WHERE k = 'p4'))::numeric, 3) AS table_text_in_a,
	   round(govdisc_reuse(report, (SELECT t FROM s WHERE k = 'p3'))::numeric, 3) AS prose_in_a
FROM r;

-- a sample report against itself, and against its copy with every figure
-- changed
\set a `cat test/samples/reports/word-2021-blank-orgs.txt`
SELECT round(govdisc_reuse(:'a', :'a')::numeric, 3) AS itself,
	   round(govdisc_reuse(:'a', regexp_replace(:'a', '\d', '7', 'g'))::numeric, 3) AS figures_changed;
SELECT count(*) > 0 AS has_passages,
	   bool_and(substr(:'a', a_start, a_length) = passage) AS all_at_a
FROM govdisc_reuse_passages(:'a', :'a');

SELECT govdisc_reuse(NULL, 'x') IS NULL AS null_in;

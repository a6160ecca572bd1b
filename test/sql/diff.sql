-- govdisc_diff: the cells in which two documents differ.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS govdisc;
RESET client_min_messages;

\set body `cat test/samples/reports/word-2021-blank-orgs.txt`
CREATE TEMP TABLE d AS SELECT govdisc_parse(:'body') AS a;

-- identical documents: nothing
SELECT count(*) AS rows_for_identical FROM d, govdisc_diff(a, a);

-- three cells changed, one made blank: exactly those four rows, in
-- template order, with change = b - a (null where either is blank)
SELECT x.* FROM d, govdisc_diff(a,
	jsonb_set(jsonb_set(jsonb_set(jsonb_set(a,
		'{requests,received,natural_person}', '130'),
		'{requests,received,total}', '130'),
		'{active,fees,amount_yuan}', '1096200.5'),
		'{review,reconsideration,total}', 'null')) AS x;

-- every row is a cell whose values differ, and every such cell is a row
SELECT count(*) AS differing_cells,
	   count(*) FILTER (WHERE x.a IS DISTINCT FROM x.b) AS rows_that_differ
FROM d, govdisc_diff(a, jsonb_set(a, '{requests,granted}',
	'{"natural_person": 1, "enterprise": 2, "research": 3, "ngo": 4, "legal": 5, "other_org": 6, "total": 21}')) x;

-- documents of the two templates: the cells only one has are listed with
-- a null on the other side
SELECT x.tbl, count(*) AS cells, count(x.a) AS in_a, count(x.b) AS in_b
FROM d, govdisc_diff(a, '{"schema": 1, "template": "2019",
	"active": {"licensing": {"prior": 1, "change": 0, "decisions": 1756}},
	"review": null}') x
GROUP BY x.tbl ORDER BY x.tbl;
SELECT x.* FROM d, govdisc_diff(a, '{"schema": 1, "template": "2019",
	"active": {"licensing": {"prior": 1, "change": 0, "decisions": 1756}},
	"review": null}') x
WHERE x.tbl = 'active' AND x.row_key = 'licensing';

-- a year-on-year panel: one body's consecutive years
SELECT count(*) AS changed FROM d, govdisc_diff(a, jsonb_set(a, '{year}', '2022'));

SELECT govdisc_diff('{"a": 1}', '{"schema": 1}');

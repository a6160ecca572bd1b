-- govdisc_sum: documents added cell by cell, on the project's sample
-- reports (read on the client side) and on made-up documents.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS govdisc;
RESET client_min_messages;

CREATE TEMP TABLE samples (name text PRIMARY KEY, doc jsonb NOT NULL);
\set body `cat test/samples/reports/html-2019-does-not-add-up.html`
INSERT INTO samples VALUES ('html-2019-does-not-add-up', govdisc_parse(:'body'));
\set body `cat test/samples/reports/html-2019-header-unit.html`
INSERT INTO samples VALUES ('html-2019-header-unit', govdisc_parse(:'body'));
\set body `cat test/samples/reports/html-2021-blank-orgs.html`
INSERT INTO samples VALUES ('html-2021-blank-orgs', govdisc_parse(:'body'));
\set body `cat test/samples/reports/markdown-2019-fullwidth-signed.md`
INSERT INTO samples VALUES ('markdown-2019-fullwidth-signed', govdisc_parse(:'body'));
\set body `cat test/samples/reports/markdown-2021-placeholders.md`
INSERT INTO samples VALUES ('markdown-2021-placeholders', govdisc_parse(:'body'));
\set body `cat test/samples/reports/pdflayout-2021.txt`
INSERT INTO samples VALUES ('pdflayout-2021', govdisc_parse(:'body'));
\set body `cat test/samples/reports/pdflayout-mixed.txt`
INSERT INTO samples VALUES ('pdflayout-mixed', govdisc_parse(:'body'));
\set body `cat test/samples/reports/pipe-2019-ascii.txt`
INSERT INTO samples VALUES ('pipe-2019-ascii', govdisc_parse(:'body'));
\set body `cat test/samples/reports/pipe-2021-dparen-units.txt`
INSERT INTO samples VALUES ('pipe-2021-dparen-units', govdisc_parse(:'body'));
\set body `cat test/samples/reports/runtogether-2019-uncertain.txt`
INSERT INTO samples VALUES ('runtogether-2019-uncertain', govdisc_parse(:'body'));
\set body `cat test/samples/reports/runtogether-2021.txt`
INSERT INTO samples VALUES ('runtogether-2021', govdisc_parse(:'body'));
\set body `cat test/samples/reports/spaced-2019-crawler.txt`
INSERT INTO samples VALUES ('spaced-2019-crawler', govdisc_parse(:'body'));
\set body `cat test/samples/reports/spaced-2021-variants.txt`
INSERT INTO samples VALUES ('spaced-2021-variants', govdisc_parse(:'body'));
\set body `cat test/samples/reports/word-2019-blank-review.txt`
INSERT INTO samples VALUES ('word-2019-blank-review', govdisc_parse(:'body'));
\set body `cat test/samples/reports/word-2019-vertical-units.txt`
INSERT INTO samples VALUES ('word-2019-vertical-units', govdisc_parse(:'body'));
\set body `cat test/samples/reports/word-2021-blank-orgs.txt`
INSERT INTO samples VALUES ('word-2021-blank-orgs', govdisc_parse(:'body'));
\set body `cat test/samples/reports/word-2021-circled-fullwidth.txt`
INSERT INTO samples VALUES ('word-2021-circled-fullwidth', govdisc_parse(:'body'));
\set body `cat test/samples/reports/word-2021-does-not-add-up.txt`
INSERT INTO samples VALUES ('word-2021-does-not-add-up', govdisc_parse(:'body'));

SELECT doc->>'template' AS template, count(*) FROM samples GROUP BY 1 ORDER BY 1;

-- Per template, every cell of the sum is the sum of the members' cells
-- (null where no member states it), and rollup.incomplete lists exactly the
-- cells some member left blank, with how many did.
CREATE TEMP TABLE sums AS
SELECT doc->>'template' AS template, govdisc_sum(doc) AS total
FROM samples GROUP BY 1;

SELECT template, total->'rollup'->'members' AS members,
	   total->'rollup'->'templates' AS templates,
	   total->'rollup'->'excluded' AS excluded,
	   total->>'template' AS sum_template, total->'year' AS year,
	   jsonb_array_length(total->'rollup'->'incomplete') AS incomplete_cells
FROM sums ORDER BY 1;

WITH member_cells AS (
	SELECT s.doc->>'template' AS template, c.tbl, c.row_key, c.col_key,
		   sum(c.value) AS total, count(*) FILTER (WHERE c.value IS NULL) AS blank
	FROM samples s, govdisc_cells(s.doc) c
	GROUP BY 1, 2, 3, 4),
sum_cells AS (
	SELECT s.template, c.tbl, c.row_key, c.col_key, c.value
	FROM sums s, govdisc_cells(s.total) c),
listed AS (
	SELECT s.template, i->>'table' AS tbl, i->>'row' AS row_key, i->>'column' AS col_key,
		   (i->>'blank')::int AS blank
	FROM sums s, jsonb_array_elements(s.total->'rollup'->'incomplete') i
	WHERE i->>'table' <> 'processing_fees')
SELECT m.template,
	   count(*) AS cells,
	   count(*) FILTER (WHERE m.total IS NOT DISTINCT FROM sc.value) AS sums_equal,
	   count(*) FILTER (WHERE m.blank > 0) AS blank_somewhere,
	   count(*) FILTER (WHERE m.blank IS NOT DISTINCT FROM coalesce(l.blank, 0)) AS listed_right
FROM member_cells m
FULL JOIN sum_cells sc USING (template, tbl, row_key, col_key)
LEFT JOIN listed l USING (template, tbl, row_key, col_key)
GROUP BY 1 ORDER BY 1;

-- a few cells of the 2021 sum, by hand
SELECT (SELECT sum((doc->'requests'->'received'->>'total')::int) FROM samples
		WHERE doc->>'template' = '2021') AS received_members,
	   total->'requests'->'received'->'total' AS received_sum,
	   total->'processing_fees' AS processing_fees
FROM sums WHERE template = '2021';

-- the sum is a document: every function reads it
SELECT count(*) AS findings FROM sums, govdisc_check(total) WHERE template = '2021';
SELECT (govdisc_report(total)).received, (govdisc_report(total)).template
FROM sums ORDER BY template;
SELECT govdisc_is_valid(total) IS NOT NULL AS judged FROM sums ORDER BY template;

-- made-up documents: two of 2021 (one with a blank cell, one without 表四),
-- one of 2019 (its 表二 and 表三 follow the other format: excluded there)
CREATE TEMP TABLE made (k int, grp text, doc jsonb);
INSERT INTO made VALUES
(1, 'a', '{"schema": 1, "template": "2021", "year": 2023, "agency": "甲",
  "active": {"rules": {"issued": 1, "repealed": 2, "in_force": 3},
			 "licensing": {"decisions": 10}, "fees": {"amount_yuan": 1.5}},
  "requests": {"received": {"natural_person": 4, "enterprise": null, "total": 4},
			   "other_misc": {"total": 1}},
  "review": {"reconsideration": {"upheld": 1, "total": 1}},
  "processing_fees": {"cases": 1, "amount_yuan": 10}}'),
(2, 'a', '{"schema": 1, "template": "2021", "year": 2023, "agency": "乙",
  "active": {"rules": {"issued": 5, "repealed": 0, "in_force": 7},
			 "licensing": {"decisions": 9223372036854775807}, "fees": {"amount_yuan": 0.25}},
  "requests": {"received": {"natural_person": 6, "enterprise": 2, "total": 8},
			   "other_misc": {"total": 0}},
  "processing_fees": null}'),
(3, 'a', '{"schema": 1, "template": "2019", "year": 2022, "agency": "丙",
  "active": {"rules": {"made": 1, "published": 1, "total": 1}},
  "requests": {"received": {"natural_person": 100, "total": 100},
			   "other_handling": {"total": 1}},
  "review": {"reconsideration": {"upheld": 2, "total": 2}}}');

SELECT jsonb_pretty(govdisc_sum(doc) - 'active' - 'requests' - 'review' - 'sections'
					#- '{rollup,incomplete}')
FROM made WHERE k IN (1, 3);
SELECT govdisc_sum(doc)->'active'->'rules' AS rules,
	   govdisc_sum(doc)->'active'->'fees' AS fees,
	   govdisc_sum(doc)->'requests'->'received' AS received,
	   govdisc_sum(doc)->'requests'->'other_misc'->'total' AS other_misc,
	   govdisc_sum(doc)->'requests' ? 'other_handling' AS has_other_handling,
	   govdisc_sum(doc)->'review'->'reconsideration' AS reconsideration
FROM made WHERE k IN (1, 3);
-- the 2021 member and the 2019 one: in 表二 and 表三 the 2019 member is
-- excluded, so only the 2021 member's blanks count; in 表四 both count
SELECT i->>'table' AS tbl, i->>'row' AS row_key, i->>'column' AS col_key, i->'blank' AS blank
FROM (SELECT govdisc_sum(doc) AS s FROM made WHERE k IN (1, 3)) t,
	 jsonb_array_elements(s->'rollup'->'incomplete') i
WHERE i->>'row' IN ('rules', 'licensing', 'received', 'reconsideration', 'litigation_direct')
   OR i->>'table' = 'processing_fees';
SELECT jsonb_array_length(govdisc_sum(doc)->'rollup'->'incomplete') AS incomplete_cells
FROM made WHERE k IN (1, 3);

-- a sum past what a document can hold is an error, never a wrapped number
SELECT govdisc_sum(doc) FROM made WHERE k IN (1, 2);
SELECT govdisc_sum(doc)->'active'->'licensing' FROM made WHERE k = 2;

-- GROUP BY; null documents are no members; no members give null, as sum() does
SELECT grp, govdisc_sum(doc)->'rollup'->'members' AS members, govdisc_sum(doc) IS NULL AS is_null
FROM (SELECT grp, doc FROM made WHERE k <> 2 UNION ALL SELECT 'b', NULL) m
GROUP BY grp ORDER BY grp;
SELECT govdisc_sum(doc) IS NULL AS empty_is_null FROM made WHERE false;

-- a value that is not a document is refused with the reader's message
SELECT govdisc_sum(d) FROM (VALUES ('{"schema": 1, "requests": {"received": {"total": "x"}}}'::jsonb)) v(d);

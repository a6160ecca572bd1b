-- The analyst's surface: govdisc_report, govdisc_cells, govdisc_requests,
-- govdisc_sections and the govdisc_labels table, on hand-made documents.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS govdisc;
RESET client_min_messages;
SET datestyle = 'ISO, YMD';

-- A 2019-format report that adds up, with a blank cell (表三 denied_law, ngo)
-- and a blank row (表四 litigation_direct); a 2021-format report that does
-- not balance; a document with no tables at all.
CREATE TEMP TABLE docs (name text PRIMARY KEY, doc jsonb);
INSERT INTO docs VALUES
('y2019', '{"schema": 1, "template": "2019", "agency": "甲县人民政府办公室", "year": 2020,
  "published": "2021-01-29", "sections": [], "diagnostics": [], "processing_fees": null,
  "active": {
    "rules": {"made": 0, "published": 0, "total": 3},
    "normative_documents": {"made": 1, "published": 1, "total": 12},
    "licensing": {"prior": 8, "change": -2, "decisions": 124},
    "other_services": {"prior": 2, "change": 0, "decisions": 52},
    "penalties": {"prior": 5, "change": 0, "decisions": 0},
    "coercion": {"prior": 0, "change": 0, "decisions": 0},
    "fees": {"prior": 2, "change": 0},
    "procurement": {"projects": 5, "amount_yuan": 2990250, "amount_text": "299.025万"}},
  "requests": {
    "received": {"natural_person": 10, "enterprise": 2, "research": 0, "ngo": 1, "legal": 0, "other_org": 0, "total": 13},
    "carried_over": {"natural_person": 1, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 1},
    "granted": {"natural_person": 5, "enterprise": 1, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 6},
    "partial": {"natural_person": 2, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 2},
    "denied_secret": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 0},
    "denied_law": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": null, "legal": 0, "other_org": 0, "total": 0},
    "denied_safety": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 0},
    "denied_third_party": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 0},
    "denied_internal": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 0},
    "denied_process": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 0},
    "denied_enforcement": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 0},
    "denied_query": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 0},
    "unavailable_not_held": {"natural_person": 1, "enterprise": 1, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 2},
    "unavailable_needs_creation": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 0},
    "unavailable_unclear": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 0},
    "rejected_complaint": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 0},
    "rejected_duplicate": {"natural_person": 1, "enterprise": 0, "research": 0, "ngo": 1, "legal": 0, "other_org": 0, "total": 2},
    "rejected_publication": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 0},
    "rejected_excessive": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 0},
    "rejected_confirmation": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 0},
    "other_handling": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 0},
    "total": {"natural_person": 9, "enterprise": 2, "research": 0, "ngo": 1, "legal": 0, "other_org": 0, "total": 12},
    "carried_forward": {"natural_person": 2, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 2}},
  "review": {
    "reconsideration": {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2},
    "litigation_direct": {"upheld": null, "corrected": null, "other": null, "pending": null, "total": null},
    "litigation_after_reconsideration": {"upheld": 0, "corrected": 1, "other": 0, "pending": 0, "total": 1}}}'),
('y2021', '{"schema": 1, "template": "2021", "agency": "乙市", "year": 2022,
  "published": null, "sections": [], "diagnostics": [], "processing_fees": {"cases": 0, "amount_yuan": 0},
  "active": {
    "rules": {"issued": 3, "repealed": 5, "in_force": 74},
    "normative_documents": {"issued": 564, "repealed": 984, "in_force": 4185},
    "licensing": {"decisions": 11398889},
    "penalties": {"decisions": 6937489},
    "coercion": {"decisions": 166105},
    "fees": {"amount_yuan": 276500}},
  "requests": {
    "received": {"natural_person": 20, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 20},
    "carried_over": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 0},
    "granted": {"natural_person": 15, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 15},
    "other_no_correction": {"natural_person": 1, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 1},
    "other_no_fee": {"natural_person": 0, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 0},
    "other_misc": {"natural_person": 2, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 2},
    "total": {"natural_person": 18, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 18},
    "carried_forward": {"natural_person": 3, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 3}},
  "review": {
    "reconsideration": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0},
    "litigation_direct": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": null},
    "litigation_after_reconsideration": {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": null}}}'),
('empty', '{"schema": 1, "template": null, "agency": null, "year": null, "published": null,
  "sections": [], "active": null, "requests": null, "review": null,
  "processing_fees": null, "diagnostics": []}');

-- govdisc_report: the composite type, one flat row per report
SELECT attnum, attname, format_type(atttypid, atttypmod)
FROM pg_attribute WHERE attrelid = 'govdisc_report'::regclass AND attnum > 0
ORDER BY attnum;

SELECT name, r.*
FROM docs, govdisc_report(doc) AS r
ORDER BY name;

-- the row-expansion form gives the same row
SELECT (govdisc_report(doc)).* FROM docs WHERE name = 'y2019';

-- y2021 breaks requests.balance (20 + 0 is not 18 + 3, in 自然人 and 总计) and
-- leaves rows blank; the counts are govdisc_check's
SELECT d.name, r.error_count, r.warning_count,
       (SELECT count(*) FROM govdisc_check(d.doc) c WHERE c.severity = 'error') AS check_errors,
       (SELECT count(*) FROM govdisc_check(d.doc) c WHERE c.severity = 'warning') AS check_warnings
FROM docs d, govdisc_report(d.doc) r
ORDER BY d.name;

-- litigation_total: the two kinds of 行政诉讼 added, a blank one counting as
-- nothing; null only when both are blank
SELECT v.d, v.a, (govdisc_report(jsonb_set(jsonb_set(doc,
         '{review,litigation_direct,total}', v.d), '{review,litigation_after_reconsideration,total}', v.a))).litigation_total
FROM docs, (VALUES ('4'::jsonb, '5'::jsonb), ('4', 'null'), ('null', '5'), ('null', 'null')) AS v(d, a)
WHERE name = 'y2019';

-- published: a date, or null
SELECT (govdisc_report(jsonb_set(doc, '{published}', '"2021-02-28"'))).published AS published
FROM docs WHERE name = 'y2019';

-- govdisc_cells: every cell, labels as printed, amounts in yuan
SELECT tbl, row_key, col_key, label, value
FROM govdisc_cells((SELECT doc FROM docs WHERE name = 'y2019'))
WHERE tbl <> 'requests' OR row_key IN ('received', 'denied_law', 'other_handling', 'total');

SELECT tbl, count(*) AS cells, count(value) AS filled
FROM govdisc_cells((SELECT doc FROM docs WHERE name = 'y2019'))
GROUP BY tbl ORDER BY tbl;

-- 2021: 表二 columns of that format, 本年收费金额 in yuan (27.65万元),
-- the three （六） rows and no other_handling
SELECT tbl, row_key, col_key, label, value
FROM govdisc_cells((SELECT doc FROM docs WHERE name = 'y2021'))
WHERE tbl = 'active' OR (row_key LIKE 'other%' AND col_key IN ('natural_person', 'total'));

SELECT count(*) FROM govdisc_cells((SELECT doc FROM docs WHERE name = 'y2021'))
WHERE tbl = 'requests';

SELECT count(*) FROM govdisc_cells((SELECT doc FROM docs WHERE name = 'empty'));

-- govdisc_labels agrees with the labels the functions print: every cell's
-- label is concat_ws(' / ', row heading, row label, column label), and every
-- row of the table labels some cell of a 2019 or a 2021 document
CREATE TEMP VIEW labelled AS
SELECT c.tbl, c.row_key, c.col_key, c.label,
       d.doc->>'template' AS format,
       concat_ws(' / ', r.heading, r.label, k.label) AS from_table,
       r.key AS row_found, k.key AS col_found
FROM docs d
CROSS JOIN LATERAL govdisc_cells(d.doc) c
LEFT JOIN govdisc_labels r ON r.tbl = c.tbl AND r.part = 'row' AND r.key = c.row_key
     AND r.format IN (d.doc->>'template', 'both')
LEFT JOIN govdisc_labels k ON k.tbl = c.tbl AND k.part = 'column' AND k.key = c.col_key
     AND k.format IN (d.doc->>'template', 'both');

SELECT count(*) AS cells, count(*) FILTER (WHERE label = from_table) AS agree
FROM labelled;

SELECT * FROM labelled WHERE label IS DISTINCT FROM from_table;

SELECT l.* FROM govdisc_labels l
WHERE NOT EXISTS (SELECT 1 FROM labelled x
                  WHERE x.tbl = l.tbl
                    AND (l.format = 'both' OR l.format = x.format)
                    AND ((l.part = 'row' AND x.row_found = l.key)
                         OR (l.part = 'column' AND x.col_found = l.key)));

-- and its order is the functions' order: rows in the order cells come,
-- columns at their position in the row
SELECT x.tbl, x.row_key, x.col_key, x.col_pos, k.ord AS col_ord, x.row_rank, x.ord_rank
FROM (SELECT c.tbl, c.row_key, c.col_key, d.doc->>'template' AS format,
             row_number() OVER (PARTITION BY d.name, c.tbl, c.row_key ORDER BY c.n) AS col_pos,
             dense_rank() OVER (PARTITION BY d.name, c.tbl ORDER BY r.ord) AS ord_rank,
             (SELECT count(DISTINCT y.row_key) FROM govdisc_cells(d.doc) WITH ORDINALITY AS y(tbl, row_key, col_key, label, value, n)
               WHERE y.tbl = c.tbl AND y.n <= c.n) AS row_rank
      FROM docs d
      CROSS JOIN LATERAL govdisc_cells(d.doc) WITH ORDINALITY AS c(tbl, row_key, col_key, label, value, n)
      JOIN govdisc_labels r ON r.tbl = c.tbl AND r.part = 'row' AND r.key = c.row_key
           AND r.format IN (d.doc->>'template', 'both')) x
JOIN govdisc_labels k ON k.tbl = x.tbl AND k.part = 'column' AND k.key = x.col_key
     AND k.format IN (x.format, 'both')
WHERE x.col_pos <> k.ord OR x.row_rank <> x.ord_rank;

SELECT tbl, part, format, count(*) FROM govdisc_labels GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

-- the template's order and labels of 表三
SELECT key, format, ord, label, heading FROM govdisc_labels
WHERE tbl = 'requests' AND part = 'row' ORDER BY ord;

-- govdisc_requests: 表三 one row per template row, in template order
SELECT * FROM govdisc_requests((SELECT doc FROM docs WHERE name = 'y2019'));

SELECT row_key, label, total FROM govdisc_requests((SELECT doc FROM docs WHERE name = 'y2021'));

SELECT count(*) FROM govdisc_requests((SELECT doc FROM docs WHERE name = 'empty'));

-- requests and cells say the same
SELECT count(*) AS differing
FROM govdisc_requests((SELECT doc FROM docs WHERE name = 'y2019')) q
JOIN govdisc_cells((SELECT doc FROM docs WHERE name = 'y2019')) c
  ON c.tbl = 'requests' AND c.row_key = q.row_key
WHERE c.value IS DISTINCT FROM (CASE c.col_key
        WHEN 'natural_person' THEN q.natural_person WHEN 'enterprise' THEN q.enterprise
        WHEN 'research' THEN q.research WHEN 'ngo' THEN q.ngo WHEN 'legal' THEN q.legal
        WHEN 'other_org' THEN q.other_org ELSE q.total END)
   OR c.label NOT LIKE q.label || ' / %';

-- the text overloads parse the text first, and give what the jsonb
-- overloads give on its document: a report text with its six parts, made
-- from y2019's tables
CREATE TEMP TABLE texts AS
SELECT name, replace(replace(govdisc_render(doc, 'text'),
         E'二、主动公开政府信息情况\n',
         E'一、总体情况\n本机关依法做好政府信息公开工作。\n\n二、主动公开政府信息情况\n'),
         E'2021年1月29日\n',
         E'五、存在的主要问题及改进情况\n培训不够。\n\n六、其他需要报告的事项\n无。\n\n2021年1月29日\n') AS body
FROM docs WHERE name = 'y2019';

SELECT r.* FROM texts, govdisc_report(body) AS r;

SELECT govdisc_report(body) IS NOT DISTINCT FROM govdisc_report(govdisc_parse(body)) AS same_report,
       (SELECT count(*) FROM (SELECT * FROM govdisc_cells(body)
                              EXCEPT ALL SELECT * FROM govdisc_cells(govdisc_parse(body))) x) AS cells_only_in_text,
       (SELECT count(*) FROM (SELECT * FROM govdisc_cells(govdisc_parse(body))
                              EXCEPT ALL SELECT * FROM govdisc_cells(body)) x) AS cells_only_in_doc,
       (SELECT count(*) FROM govdisc_cells(body)) AS cells,
       (SELECT count(*) FROM (SELECT * FROM govdisc_requests(body)
                              EXCEPT ALL SELECT * FROM govdisc_requests(govdisc_parse(body))) x) AS request_rows_differing
FROM texts;

-- govdisc_sections: the six parts, each body the text at the start and
-- length govdisc_parse reports
SELECT s.no, s.title, length(s.body) AS length, regexp_replace(left(s.body, 16), '\s+', ' ', 'g') AS opening
FROM texts, govdisc_sections(body) AS s;

SELECT bool_and(s.body = substr(t.body, (p->>'start')::int, (p->>'length')::int)) AS bodies_are_substr,
       count(*) AS sections
FROM texts t
CROSS JOIN LATERAL govdisc_sections(t.body) AS s
JOIN LATERAL jsonb_array_elements(govdisc_parse(t.body)->'sections') AS p ON (p->>'no')::int = s.no;

SELECT count(*) FROM govdisc_sections('no parts here');

-- strict: null in, null out
SELECT (govdisc_report(NULL::text)).agency IS NULL AS null_in;
SELECT count(*) FROM govdisc_cells(NULL::jsonb);
SELECT count(*) FROM govdisc_sections(NULL);

-- an unknown literal is taken as text (the report), not as jsonb
SELECT count(*) FROM govdisc_cells('no tables here');

-- not a govdisc document
SELECT govdisc_report('{"a": 1}'::jsonb);
SELECT * FROM govdisc_cells('[1, 2]'::jsonb);

-- every object of this surface says what it is
SELECT p.oid::regprocedure AS function
FROM pg_proc p
WHERE p.proname IN ('govdisc_report', 'govdisc_cells', 'govdisc_requests', 'govdisc_sections', 'govdisc_render')
  AND obj_description(p.oid, 'pg_proc') IS NULL;
SELECT obj_description('govdisc_report'::regtype, 'pg_type') IS NOT NULL AS type_comment,
       obj_description('govdisc_labels'::regclass, 'pg_class') IS NOT NULL AS table_comment,
       (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = 'govdisc_labels'::regclass
          AND a.attnum > 0 AND col_description(a.attrelid, a.attnum) IS NULL) AS uncommented_columns;

-- static data, readable by everyone, not dumped
SELECT has_table_privilege('public', 'govdisc_labels', 'SELECT') AS public_select,
       (SELECT extconfig FROM pg_extension WHERE extname = 'govdisc') IS NULL AS not_dumped;

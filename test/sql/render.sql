-- govdisc_render: the three tables laid out as the standard template prints
-- them, as Word-copied text, Markdown and HTML.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS govdisc;
RESET client_min_messages;

-- A 2019-format report with a blank cell (表三 denied_law, ngo), a blank row
-- (表四 litigation_direct), a negative 本年增/减 and 采购总金额 printed in 万;
-- a 2021-format report with rows left out (they render blank) and no 表四.
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
('y2021', '{"schema": 1, "template": "2021", "agency": "乙市<北区> & “新区”|", "year": 2022,
  "published": null, "sections": [], "diagnostics": [], "processing_fees": null,
  "active": {
    "rules": {"issued": 3, "repealed": 5, "in_force": 74},
    "normative_documents": {"issued": 564, "repealed": null, "in_force": 4185},
    "licensing": {"decisions": 11398889},
    "penalties": {"decisions": 6937489},
    "coercion": {"decisions": 166105},
    "fees": {"amount_yuan": 276500}},
  "requests": {
    "received": {"natural_person": 20, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 20},
    "granted": {"natural_person": 15, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 15},
    "other_no_correction": {"natural_person": 1, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 1},
    "other_misc": {"natural_person": 2, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 2},
    "total": {"natural_person": 18, "enterprise": 0, "research": 0, "ngo": 0, "legal": 0, "other_org": 0, "total": 18}},
  "review": null}'),
('empty', '{"schema": 1, "template": null, "agency": null, "year": null, "published": null,
  "sections": [], "active": null, "requests": null, "review": null,
  "processing_fees": null, "diagnostics": []}');

\pset format unaligned
\pset tuples_only on

-- text: one cell per line, indented by a tab, a blank line after each row;
-- a merged cell appears once, an empty cell below a vertically merged one
SELECT govdisc_render(doc, 'text') FROM docs WHERE name = 'y2019';

-- markdown: every grid position a cell, merged ones empty
SELECT govdisc_render(doc, 'markdown') FROM docs WHERE name = 'y2021';

-- html: rowspan and colspan as the template merges, text escaped
SELECT govdisc_render(doc, 'html') FROM docs WHERE name = 'y2021';

-- no tables: the title and the headings
SELECT govdisc_render(doc, 'markdown') FROM docs WHERE name = 'empty';

\pset format aligned
\pset tuples_only off

-- text is the default
SELECT name, govdisc_render(doc) = govdisc_render(doc, 'text') AS text_default
FROM docs ORDER BY name;

-- 2019 html: 三、本年度办理结果 spans 2 + 8 + 3 + 5 + 1 + 1 = 20 rows; 48 rows in all
-- (表二 18, 表三 3 header rows + 23, 表四 3 header rows + 1); three Markdown tables
SELECT (regexp_match(govdisc_render(doc, 'html'), '<td rowspan="(\d+)">三、本年度办理结果'))[1] AS results_rowspan,
       (SELECT count(*) FROM regexp_matches(govdisc_render(doc, 'html'), '<tr>', 'g')) AS html_rows,
       (SELECT count(*) FROM regexp_matches(govdisc_render(doc, 'markdown'), '^\|---', 'gn')) AS markdown_tables
FROM docs WHERE name = 'y2019';

-- every Markdown row of a table has as many cells as its rule
SELECT name, count(DISTINCT cells) AS distinct_widths_per_table
FROM (SELECT name, t, length(regexp_replace(line, '[^|]', '', 'g')) AS cells
      FROM docs, LATERAL (SELECT line, sum(CASE WHEN line LIKE '|%' THEN 0 ELSE 1 END) OVER (ORDER BY n) AS t
                          FROM regexp_split_to_table(govdisc_render(doc, 'markdown'), '\n') WITH ORDINALITY AS l(line, n)) x
      WHERE line LIKE '|%' AND name <> 'empty') y
GROUP BY name, t ORDER BY name, t;

-- strict: null in, null out
SELECT govdisc_render(NULL, 'html') IS NULL AS null_report, govdisc_render(doc, NULL) IS NULL AS null_format
FROM docs WHERE name = 'y2019';

-- formats are text, markdown and html
SELECT govdisc_render(doc, 'pdf') FROM docs WHERE name = 'y2019';
SELECT govdisc_render(doc, 'HTML') FROM docs WHERE name = 'y2019';
SELECT govdisc_render(doc, '') FROM docs WHERE name = 'y2019';

-- not a govdisc document
SELECT govdisc_render('{"requests": 1}');

-- Round trip: govdisc_parse(govdisc_render(d, f)) gives back d's tables
-- (every cell, and 采购总金额 as printed: an empty cell reads as "" where the
-- text was not read at all), template, agency and year.
-- round_trip(d, f) lists what differs; no rows: all came back.
CREATE FUNCTION pg_temp.round_trip(d jsonb, f text)
RETURNS TABLE (what text, sent text, got text) LANGUAGE sql AS $$
  WITH b AS (SELECT govdisc_parse(govdisc_render(d, f)) AS b),
  sent AS (SELECT tbl, row_key, col_key, value FROM govdisc_cells(d)),
  got AS (SELECT tbl, row_key, col_key, value FROM govdisc_cells((SELECT b FROM b)))
  SELECT k, d->>k, b->>k FROM b, unnest(ARRAY['template', 'agency', 'year']) AS k
  WHERE (d->>k) IS DISTINCT FROM (b->>k)
  UNION ALL
  SELECT 'amount_text', d#>>'{active,procurement,amount_text}', b#>>'{active,procurement,amount_text}' FROM b
  WHERE nullif(d#>>'{active,procurement,amount_text}', '') IS DISTINCT FROM nullif(b#>>'{active,procurement,amount_text}', '')
  UNION ALL
  (SELECT concat_ws('.', tbl, row_key, col_key), value::text, NULL FROM (SELECT * FROM sent EXCEPT SELECT * FROM got) x
   UNION ALL
   SELECT concat_ws('.', tbl, row_key, col_key), NULL, value::text FROM (SELECT * FROM got EXCEPT SELECT * FROM sent) x
   ORDER BY 1, 2)
$$;

-- (y2021's agency, made to test escaping, is not one the parser recognises
-- as a reporting body, so it goes round as 乙市北区)
SELECT name, f AS format, r.*
FROM docs, unnest(ARRAY['text', 'markdown', 'html']) AS f,
     pg_temp.round_trip(CASE name WHEN 'y2021' THEN doc || '{"agency": "乙市北区"}' ELSE doc END, f) AS r
ORDER BY name, format, what, sent, got;

-- the same for every sample report of the project (test/samples/reports)
-- and, where it is there, the corpus (../shared/corpus/reports): each is
-- parsed, rendered in each format and parsed again.  The files are read on
-- the client (\copy runs the program here, not in the server), base64 so
-- that no byte of a report needs quoting.
CREATE TEMP TABLE sources (file text, b64 text);
\copy sources FROM PROGRAM 'for d in test/samples/reports ../shared/corpus/reports; do [ -d "$d" ] || continue; for f in "$d"/*; do printf "%s/%s\t" "$(basename "$(dirname "$(dirname "$f")")")" "$(basename "$f")"; base64 -w0 "$f"; echo; done; done'
CREATE TEMP TABLE parsed AS
SELECT file, govdisc_parse(convert_from(decode(b64, 'base64'), 'UTF8')) AS doc FROM sources;

SELECT count(*) FILTER (WHERE file LIKE 'samples/%') > 0 AS have_samples FROM parsed;

SELECT file, f AS format, count(*) AS differences, min(r.what) AS first
FROM parsed, unnest(ARRAY['text', 'markdown', 'html']) AS f, pg_temp.round_trip(doc, f) AS r
GROUP BY file, format
ORDER BY file, format;

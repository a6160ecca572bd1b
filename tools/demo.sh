#!/usr/bin/env bash
# make demo: run inside pg_virtualenv.  Loads the sample reports that ship
# with govdisc (test/samples/reports), parses them and prints per report the
# agency, year, layout, template, headline figures and check findings.
set -euo pipefail
cd "$(dirname "$0")/.."

sql=$(mktemp)
trap 'rm -f "$sql"' EXIT
{
	echo '\set ON_ERROR_STOP 1'
	echo 'CREATE EXTENSION IF NOT EXISTS govdisc;'
	echo 'CREATE TEMP TABLE reports (file text PRIMARY KEY, body text NOT NULL);'
	for f in test/samples/reports/*; do
		echo "\\set body \`cat '$f'\`"
		echo "INSERT INTO reports VALUES ('$(basename "$f")', :'body');"
	done
	cat <<'SQL'
CREATE TEMP TABLE docs AS SELECT file, govdisc_parse(body) AS d FROM reports;

\echo
\echo '== The sample reports, as govdisc reads them'
SELECT file,
       d->>'agency' AS agency,
       (d->>'year')::int AS year,
       CASE WHEN file LIKE '%.html' THEN 'HTML' WHEN file LIKE '%.md' THEN 'Markdown'
            ELSE split_part(file, '-', 1) END AS layout,
       d->>'template' AS format,
       d->'requests'->'received'->'total' AS received,
       d->'requests'->'granted'->'total' AS granted,
       d->'requests'->'total'->'total' AS results,
       d->'requests'->'carried_forward'->'total' AS carried_fwd,
       d->'review'->'reconsideration'->'total' AS reconsid,
       jsonb_array_length(d->'diagnostics') AS diags
FROM docs ORDER BY file;

\echo
\echo '== Check findings (errors and warnings; blank cells summarised)'
-- judged on the text, so that the figures the prose states are compared too
SELECT file, severity, rule, message
FROM reports, govdisc_check(body) c
WHERE rule <> 'completeness.blank_cells'
ORDER BY file, severity, rule, message;

SELECT file, count(*) AS blank_cells
FROM docs, govdisc_check(d) c
WHERE rule = 'completeness.blank_cells'
GROUP BY file ORDER BY file;

\echo
\echo '== Valid reports (no finding of severity error)'
SELECT govdisc_is_valid(d) AS valid, count(*) AS reports FROM docs GROUP BY 1 ORDER BY 1;
SQL
} > "$sql"
psql -X -q -P pager=off -f "$sql"

#!/usr/bin/env bash
# Stage of make test (run inside its throwaway cluster, PGHOST/PGPORT set):
# govdisc_sum gives the same document in a serial plan and in a parallel
# one (partial sums in the workers, serialized, combined in the leader),
# over a few thousand documents: the project's sample reports, each copied
# with cells varied by the copy's number so no two copies are alike.
# Prints "N passed, M failed"; exits non-zero on any failure.
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
DB=govdisc_rollup
COPIES=${GD_ROLLUP_COPIES:-200}

. "$repo/test/tap.sh"

cleanup() { psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1; }
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

out=$(psql -X -q -d postgres -v ON_ERROR_STOP=1 2>&1 <<SQL
DROP DATABASE IF EXISTS $DB;
CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';
SQL
) || die "create database $DB" "$out"
dbpsql() { psql -X -q -d "$DB" -v ON_ERROR_STOP=1 "$@"; }

out=$( {
	echo "CREATE EXTENSION govdisc;"
	echo "CREATE TABLE samples (name text, doc jsonb);"
	for f in "$repo"/test/samples/reports/*; do
		printf "\\\\set body \`cat '%s'\`\n" "$f"
		printf "INSERT INTO samples VALUES ('%s', govdisc_parse(:'body'));\n" "$(basename "$f")"
	done
	cat <<SQL
CREATE TABLE docs AS
SELECT c * 100 + row_number() OVER (PARTITION BY c ORDER BY name) AS id,
	   name, doc->>'template' AS tpl,
	   CASE WHEN doc->'requests'->'received'->'natural_person' = 'null' THEN doc
	   ELSE jsonb_set(doc, '{requests,received,natural_person}',
					  to_jsonb((doc->'requests'->'received'->>'natural_person')::int + c % 7))
	   END AS doc
FROM samples, generate_series(1, $COPIES) AS c;
VACUUM ANALYZE docs;
SQL
} | dbpsql 2>&1) || die "load the documents" "$out"
n=$(dbpsql -At -c "SELECT count(*) FROM docs")
ok "docs table with $n documents"

PARALLEL="SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;"
SERIAL="SET max_parallel_workers_per_gather = 0;"
run() { dbpsql -At -c "$1" -c "$2" 2>&1; }

same() {
	local name=$1 query=$2 plan a b
	plan=$(run "$PARALLEL" "EXPLAIN (ANALYZE, VERBOSE, COSTS OFF, TIMING OFF, SUMMARY OFF) $query")
	if printf '%s\n' "$plan" | grep -q 'Partial .*Aggregate' &&
		printf '%s\n' "$plan" | grep -qE 'Workers Launched: [1-9]' &&
		printf '%s\n' "$plan" | grep -q 'PARTIAL govdisc_sum(doc)'; then
		ok "$name: partial sums in parallel workers"
	else
		notok "$name: no partial govdisc_sum in launched workers" "$plan"
	fi
	a=$(run "$PARALLEL" "$query") || { notok "$name: parallel run" "$a"; return; }
	b=$(run "$SERIAL" "$query") || { notok "$name: serial run" "$b"; return; }
	if [ "$a" = "$b" ] && [ -n "$a" ]; then
		ok "$name: the parallel document equals the serial one ($(printf '%s\n' "$a" | wc -l) groups)"
	else
		notok "$name: parallel and serial differ" "$(diff <(printf '%s\n' "$b") <(printf '%s\n' "$a") | head -20)"
	fi
}

same "all documents" "SELECT md5(govdisc_sum(doc)::text), govdisc_sum(doc)->'rollup'->'members' FROM docs"
same "GROUP BY template" \
	"SELECT tpl, md5(govdisc_sum(doc)::text) FROM docs GROUP BY 1 ORDER BY 1"

# the sum's cells are the members' sums (numeric arithmetic in SQL)
bad=$(dbpsql -At <<'SQL'
WITH s AS (SELECT govdisc_sum(doc) AS total FROM docs WHERE doc->>'template' = '2021'),
m AS (SELECT c.tbl, c.row_key, c.col_key, sum(c.value) AS v
	  FROM docs, govdisc_cells(doc) c WHERE doc->>'template' = '2021' GROUP BY 1, 2, 3)
SELECT count(*) FROM m FULL JOIN (SELECT c.* FROM s, govdisc_cells(s.total) c) c
	USING (tbl, row_key, col_key)
WHERE m.v IS DISTINCT FROM c.value;
SQL
)
if [ "$bad" = 0 ]; then ok "every cell of the 2021 sum is the members' sum"; else notok "cells that differ from the members' sum: $bad"; fi

tap_done

#!/usr/bin/env bash
# Stage of make test (run inside its throwaway cluster, PGHOST/PGPORT set):
# govdisc's functions run in parallel workers.  Over a reports table, with
# parallel plans made free (parallel_setup_cost = parallel_tuple_cost = 0,
# min_parallel_table_scan_size = 0) and the leader kept out of the scan,
# EXPLAIN (ANALYZE, VERBOSE) shows a Gather over a Parallel Seq Scan whose
# filter or output calls govdisc_parse, with workers launched; and each
# query gives the same rows as the serial plan.
# Prints "N passed, M failed[, K skipped]"; exits non-zero on any failure.
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
. "$repo/test/shard/reports.sh"

DB=govdisc_parallel
COPIES=${GD_PARALLEL_COPIES:-20}

. "$repo/test/tap.sh"

tmp=$(mktemp -d)
cleanup() {
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

out=$(psql -X -q -d postgres -v ON_ERROR_STOP=1 2>&1 <<SQL
DROP DATABASE IF EXISTS $DB;
CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';
SQL
) || die "create database $DB" "$out"

dbpsql() { psql -X -q -d "$DB" -v ON_ERROR_STOP=1 "$@"; }

files=$(gd_report_files "$tmp/synthetic")
[ -n "$files" ] || die "report files to load"
mapfile -t filelist <<<"$files"
echo "# loading ${#filelist[@]} report files x $COPIES copies"
out=$( (echo "CREATE EXTENSION govdisc;"; gd_staging_sql "${filelist[@]}") | dbpsql 2>&1) ||
	die "load the report files" "$out"
out=$(dbpsql 2>&1 <<SQL
CREATE TABLE reports AS
	SELECT (c - 1) * 100000 + fileno AS id, name, body
	FROM report_files, generate_series(1, $COPIES) AS c;
-- Without statistics on the grouping expressions the planner guesses 200
-- groups and does not think partial aggregation in the workers worth it.
CREATE STATISTICS reports_agency ON (govdisc_parse(body)->>'agency') FROM reports;
CREATE STATISTICS reports_year ON ((govdisc_parse(body)->>'year')::int) FROM reports;
VACUUM ANALYZE reports;
SQL
) || die "create the reports table" "$out"
n=$(dbpsql -At -c "SELECT count(*) FROM reports")
ok "reports table with $n rows"

PARALLEL="SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0; SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;"
SERIAL="SET max_parallel_workers_per_gather = 0;"

# run SETTINGS QUERY: psql -At output of QUERY after SETTINGS
run() { dbpsql -At -c "$1" -c "$2" 2>&1; }

# parallel NAME QUERY [PATTERN]: the parallel plan runs govdisc_parse in the
# workers (PATTERN, an extended regular expression, matches a line below the
# Gather), and its result equals the serial plan's
parallel() {
	local name=$1 query=$2 pattern=${3:-'^ *(Output|Filter|Group Key):.*govdisc_parse\('} plan below bad="" a b
	plan=$(run "$PARALLEL" "EXPLAIN (ANALYZE, VERBOSE, COSTS OFF, TIMING OFF, SUMMARY OFF) $query") ||
		{ notok "$name: EXPLAIN" "$plan"; return; }
	# Everything below the Gather runs in the workers (the leader takes no
	# part in the scan); the Gather's own Output is the leader's.
	below=$(printf '%s\n' "$plan" | sed -n '/Gather/,$p' | tail -n +2 | sed -n '/->/,$p')
	printf '%s\n' "$below" | grep -q 'Parallel Seq Scan on public.reports' ||
		bad="no Parallel Seq Scan under a Gather"
	printf '%s\n' "$below" | grep -qE "$pattern" ||
		bad="$bad${bad:+; }no /$pattern/ below the Gather"
	printf '%s\n' "$plan" | grep -qE 'Workers Launched: [1-9]' ||
		bad="$bad${bad:+; }no worker was launched"
	if [ -z "$bad" ]; then
		ok "$name: govdisc_parse runs in the parallel workers"
	else
		notok "$name: $bad" "$plan"
	fi

	plan=$(run "$SERIAL" "EXPLAIN (COSTS OFF) $query")
	if printf '%s\n' "$plan" | grep -q 'Gather'; then
		notok "$name: the serial plan has no Gather" "$plan"
		return
	fi
	a=$(run "$PARALLEL" "$query") || { notok "$name: parallel run fails" "$a"; return; }
	b=$(run "$SERIAL" "$query") || { notok "$name: serial run fails" "$b"; return; }
	if [ "$a" = "$b" ]; then
		ok "$name: parallel result equals the serial one ($(printf '%s\n' "$a" | grep -c .) rows)"
	else
		notok "$name: parallel and serial results differ" "$(diff <(printf '%s\n' "$b") <(printf '%s\n' "$a") | head -20)"
	fi
}

parallel "filter on the parsed document" \
	"SELECT count(*), sum(id) FROM reports
	 WHERE govdisc_parse(body)->>'template' IS DISTINCT FROM '2019'"

parallel "表三 totals per agency" \
	"SELECT govdisc_parse(body)->>'agency' AS agency,
	        sum((govdisc_parse(body)->'requests'->'total'->>'total')::int), count(*)
	 FROM reports GROUP BY 1 ORDER BY 1 NULLS FIRST" \
	'^ *Output:.*PARTIAL sum\(.*govdisc_parse\(body\) -> .requests'

parallel "parsed documents" \
	"SELECT id, govdisc_parse(body) FROM reports ORDER BY id"

if [ "$(dbpsql -At -c "SELECT to_regprocedure('govdisc_is_valid(text)') IS NOT NULL")" = t ]; then
	parallel "invalid reports per year" \
		"SELECT (govdisc_parse(body)->>'year')::int AS year,
		        count(*) FILTER (WHERE NOT govdisc_is_valid(body)), count(*)
		 FROM reports GROUP BY 1 ORDER BY 1 NULLS FIRST" \
		'^ *Output:.*PARTIAL count\(\*\) FILTER \(WHERE \(NOT govdisc_is_valid\(body\)\)\)'
else
	skip "invalid reports per year (govdisc_is_valid(text) is not installed yet)"
fi

tap_done

#!/usr/bin/env bash
# Concurrency (make test runs this inside a throwaway cluster): 8 pgbench
# clients insert reports into a table with CHECK (govdisc_is_valid(body))
# for CONCURRENCY_SECONDS (default 5; CI's full run: 60), while the same
# clients now and then judge every candidate again in a parallel plan.
#
# The candidates (test/stages/concurrency/): the reports of test/samples/reports and
# ../shared/corpus/reports (when present), generated ones (tools/gen_reports.c,
# some with figures that do not add up), damaged copies of each (truncated,
# digits shifted, lines shuffled, tags stripped) and garbage.  Each is judged
# once, serially, before the run; every try is recorded.  Afterwards: every
# accepted row was expected valid, every rejected try expected invalid, no
# other error, no client aborted, no backend restarted (a connection held
# open all along survives, the database's commit count did not go back, the
# postmaster is the same) and the parallel judgements all agreed.
# Ends with "N passed, M failed".
set -u
cd "$(dirname "$0")/../.."
shared=../shared
seconds=${CONCURRENCY_SECONDS:-5}
clients=8

TAP_DETAIL_LINES=20
. test/tap.sh
db=govdisc_concurrency
q() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }

tmp=$(mktemp -d)
sentinel=""
cleanup() {
	[ -n "$sentinel" ] && kill "$sentinel" 2>/dev/null
	dropdb --if-exists "$db" 2>/dev/null
	rm -rf "$tmp"
}
cleanup
mkdir -p "$tmp"
trap cleanup EXIT
createdb "$db"
q -c "CREATE EXTENSION govdisc" >/dev/null
q -f test/stages/concurrency/setup.sql >/dev/null

# The candidates.
{
	for f in test/samples/reports/* "$shared"/corpus/reports/*; do
		[ -f "$f" ] || continue
		printf "\\\\set body \`cat '%s'\`\n" "$f"
		printf "INSERT INTO cand (kind, name, body) VALUES ('report', '%s', :'body');\n" "$(basename "$f")"
	done
} > "$tmp/load.sql"
q -f "$tmp/load.sql" >/dev/null
if [ -f tools/gen_reports.c ] && cc -O1 -std=c99 -o "$tmp/gen_reports" tools/gen_reports.c 2>/dev/null; then
	q -c "CREATE TEMP TABLE gen (id int, layout text, body text)" \
		-c "\\copy gen FROM PROGRAM '$tmp/gen_reports --seed 5 --count 24 --copy'" \
		-c "\\copy gen FROM PROGRAM '$tmp/gen_reports --seed 6 --count 8 --break balance,row_sum --copy'" \
		-c "INSERT INTO cand (kind, name, body) SELECT 'report', 'generated ' || layout || ' ' || id, body FROM gen" \
		>/dev/null
fi
q -f test/stages/concurrency/damage.sql >/dev/null

# Judged once, serially: what every try must come to.
if ! out=$(q -c "UPDATE cand SET expected = govdisc_is_valid(body)" 2>&1); then
	notok "govdisc_is_valid(text) judges every candidate" "$out"
	echo "$passed passed, $failed failed"
	exit 1
fi
ok "govdisc_is_valid(text) judges every candidate"
q -c "SELECT kind, count(*) FILTER (WHERE expected), count(*) FILTER (WHERE NOT expected)
	FROM cand GROUP BY kind ORDER BY kind" | while IFS='|' read -r kind v i; do
	printf '# %-16s %3d valid, %3d invalid\n' "$kind" "$v" "$i"
done
read -r ncand nvalid ninvalid <<< "$(q -F ' ' -c "SELECT count(*), count(*) FILTER (WHERE expected),
	count(*) FILTER (WHERE NOT expected) FROM cand")"
[ "$nvalid" -gt 0 ] && [ "$ninvalid" -gt 0 ] &&
	ok "$ncand candidates: $nvalid valid, $ninvalid invalid" ||
	notok "$ncand candidates include valid and invalid ones ($nvalid valid, $ninvalid invalid)"
q -c "SELECT kind, name FROM cand WHERE kind <> 'report' AND expected ORDER BY 1, 2" |
	sed 's/^/# judged valid although damaged: /' | head -10

# The parallel judgement, once, to see the plan it gets.
plan=$(q -c "SET parallel_setup_cost = 0" -c "SET parallel_tuple_cost = 0" \
	-c "SET min_parallel_table_scan_size = 0" -c "SET max_parallel_workers_per_gather = 2" \
	-c "EXPLAIN (COSTS OFF) SELECT count(*) FROM cand WHERE govdisc_is_valid(body) IS DISTINCT FROM expected")
[[ "$plan" == *Gather* ]] && ok "the re-judging query runs in a parallel plan" ||
	notok "the re-judging query runs in a parallel plan" "$plan"

# Before: the postmaster, this database's commits, a connection held open.
before=$(q -c "SELECT pg_postmaster_start_time()")
commits0=$(q -c "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
psql -X -At -d "$db" -c "SET application_name = 'govdisc_sentinel'" \
	-c "SELECT pg_sleep($seconds + 600)" > "$tmp/sentinel.out" 2>&1 &
sentinel=$!

echo "# pgbench: $clients clients, $seconds s"
pgbench -n -c "$clients" -j 2 -T "$seconds" -D ncand="$ncand" \
	-f test/stages/concurrency/insert.pgbench@19 -f test/stages/concurrency/parallel.pgbench@1 "$db" \
	> "$tmp/pgbench.out" 2>&1
rc=$?
grep -E '^(number of transactions actually processed|number of failed|tps|SQL script|latency average)' \
	"$tmp/pgbench.out" | sed 's/^/# /'
if [ "$rc" = 0 ] && ! grep -q aborted "$tmp/pgbench.out"; then
	ok "pgbench: no client aborted"
else
	notok "pgbench: no client aborted (exit $rc)" "$(grep -v '^progress' "$tmp/pgbench.out" | tail -15)"
fi

# No backend restarted.
if kill -0 "$sentinel" 2>/dev/null; then
	ok "a connection held open through the run is still there"
	q -c "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = 'govdisc_sentinel'" >/dev/null
	wait "$sentinel" 2>/dev/null
else
	notok "a connection held open through the run is still there" "$(cat "$tmp/sentinel.out")"
fi
sentinel=""
after=$(q -c "SELECT pg_postmaster_start_time()")
commits1=$(q -c "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
[ "$after" = "$before" ] && ok "the postmaster is the one from before" ||
	notok "the postmaster is the one from before ($before, now $after)"
[ "$commits1" -gt "$commits0" ] && ok "commits went from $commits0 to $commits1 (statistics were not reset by a crash)" ||
	notok "commits went from $commits0 to $commits1: statistics were reset, a backend crashed"

# What every try came to.
q -c "SELECT outcome, count(*), count(DISTINCT cand_id) FROM attempts GROUP BY 1 ORDER BY 1" |
	sed 's/^/# attempts (outcome|tries|distinct candidates): /'
n=$(q -c "SELECT count(*) FROM attempts")
[ "$n" -gt 0 ] && ok "$n tries recorded" || notok "no try recorded"
out=$(q -c "SELECT a.cand_id, c.kind, c.name FROM accepted a JOIN cand c ON c.id = a.cand_id
	WHERE NOT c.expected LIMIT 10")
[ -z "$out" ] && ok "every accepted row was expected valid" || notok "every accepted row was expected valid" "$out"
out=$(q -c "SELECT count(*) FROM accepted a LEFT JOIN cand c ON c.id = a.cand_id WHERE c.id IS NULL
	OR a.body IS DISTINCT FROM c.body")
[ "$out" = 0 ] && ok "every accepted row holds its candidate's body" || notok "$out accepted rows differ from their candidate"
out=$(q -c "SELECT a.cand_id, c.kind, c.name FROM attempts a JOIN cand c ON c.id = a.cand_id
	WHERE a.outcome = 'rejected' AND c.expected LIMIT 10")
[ -z "$out" ] && ok "every rejected try was expected invalid" || notok "every rejected try was expected invalid" "$out"
out=$(q -c "SELECT DISTINCT message FROM attempts WHERE outcome = 'rejected'
	AND message NOT LIKE '%violates check constraint \"body_is_valid\"%'")
[ -z "$out" ] && ok "every rejection is the CHECK's" || notok "every rejection is the CHECK's" "$out"
out=$(q -c "SELECT sqlstate || ': ' || message || ' (' || count(*) || ')' FROM attempts
	WHERE outcome = 'error' GROUP BY sqlstate, message")
[ -z "$out" ] && ok "no other error" || notok "no other error" "$out"
out=$(q -c "SELECT (SELECT count(*) FROM accepted) = (SELECT count(*) FROM attempts WHERE outcome = 'accepted')")
[ "$out" = t ] && ok "as many rows as accepted tries" || notok "as many rows as accepted tries"
out=$(q -c "SELECT count(*) FILTER (WHERE outcome = 'accepted') > 0 AND count(*) FILTER (WHERE outcome = 'rejected') > 0
	FROM attempts")
[ "$out" = t ] && ok "both outcomes occurred" || notok "both outcomes occurred"
read -r runs bad <<< "$(q -F ' ' -c "SELECT count(*), coalesce(sum(bad), 0) FROM parallel_runs")"
[ "$runs" -gt 0 ] && [ "$bad" = 0 ] && ok "$runs parallel re-judgements, none disagreed" ||
	notok "parallel re-judgements: $runs runs, $bad disagreements"
out=$(q -c "SELECT count(*) FROM cand WHERE govdisc_is_valid(body) IS DISTINCT FROM expected")
[ "$out" = 0 ] && ok "judged again afterwards, every candidate comes out the same" ||
	notok "judged again afterwards, $out candidates come out otherwise"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

#!/usr/bin/env bash
# make bench: how fast govdisc parses and checks reports (docs/benchmark.md).
#
# Generates BENCH_N reports (default 100000; both formats, every layout) with
# tools/gen_reports.c, loads them into a throwaway cluster (pg_virtualenv) and
# prints one table.  Every figure is the best of 3 runs in the same session.
# Timing never fails the benchmark; only a broken setup does.
#
#   BENCH_N=2000 bash tools/bench.sh      # a quick run
#   BENCH_SEED=7                         # other reports (default 1)
#   BENCH_CORE_N=20000                   # reports for the core-only figure
#                                        # (default: BENCH_N, at most 20000)
#   BENCH_MEM_ROWS=1000000               # rows parsed in one statement for the
#                                        # memory figure (the table repeated)
#   BENCH_SEED_N=20000                   # copies of the five seed reports in
#                                        # issue 20's own benchmark (needs ../shared)
set -eu
cd "$(dirname "$0")/.."

N=${BENCH_N:-100000}
SEED=${BENCH_SEED:-1}
CORE_N=${BENCH_CORE_N:-$(( N < 20000 ? N : 20000 ))}
REUSE_PAIRS=${BENCH_REUSE_PAIRS:-1000}

if [ -z "${GOVDISC_BENCH_INNER:-}" ]; then
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	cc=${CC:-cc}
	warn="-Wall -Wextra $([ "${WERROR:-}" = 1 ] && echo -Werror || true) -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare -Wno-unused-function"
	# the generator and the core-only benchmark, optimised
	$cc -std=c99 -O2 $warn -o "$work/gen_reports" tools/gen_reports.c
	core_srcs=$(ls src/core/*.c src/core/parse/*.c)
	$cc -std=c99 -D_POSIX_C_SOURCE=200809L -Isrc/core -Isrc/core/parse -O2 $warn -o "$work/bench_core" \
		tools/bench_core.c $core_srcs -licui18n -licuuc -licudata

	if ! pg_config --pkglibdir >/dev/null 2>&1 ||
		[ ! -e "$(pg_config --sharedir)/extension/govdisc.control" ]; then
		echo "bench: the govdisc extension is not installed: run 'make install' first" >&2
		exit 1
	fi

	echo "govdisc benchmark: $N reports (seed $SEED), core-only figure on $CORE_N;" \
		"$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
	core=$("$work/gen_reports" --seed "$SEED" --count "$CORE_N" --copy | "$work/bench_core")
	# -t: a cluster of its own, even as root, so that it never meets a test run's
	GOVDISC_BENCH_INNER=1 GOVDISC_BENCH_WORK=$work GOVDISC_BENCH_CORE=$core \
		pg_virtualenv -t -o 'max_worker_processes=8' -o 'max_parallel_workers=8' bash "$0"
	exit $?
fi

# ---- inside the throwaway cluster ----
work=$GOVDISC_BENCH_WORK
psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

psql_q -c "CREATE EXTENSION govdisc" \
	-c "CREATE TABLE bench_reports (id int PRIMARY KEY, layout text NOT NULL, body text NOT NULL)"
t0=$(date +%s.%N)
"$work/gen_reports" --seed "$SEED" --count "$N" --copy |
	psql_q -c "COPY bench_reports (id, layout, body) FROM STDIN"
t1=$(date +%s.%N)
psql_q -c "VACUUM ANALYZE bench_reports"

# Issue 20's own benchmark: BENCH_SEED_N toasted copies of the five seed
# reports of the team's corpus (when ../shared is there), read on the client
# side like every test.
SEED_N=${BENCH_SEED_N:-20000}
seed_dir=../shared/corpus/reports
seed_files="yichun-civil-air-defense-2020 zhumadian-civil-air-defense-2019 ziyang-emergency-2020 yichun-city-2020 longnan-liren-town-2020"
has_seed=f
if [ -d "$seed_dir" ]; then
	has_seed=t
	psql_q -c "CREATE TABLE bench_seed (id serial PRIMARY KEY, body text NOT NULL)"
	for f in $seed_files; do
		echo "INSERT INTO bench_seed (body) SELECT :'body' FROM generate_series(1, $SEED_N / 5);" |
			psql_q -v body="$(cat "$seed_dir/$f.txt")"
	done
	psql_q -c "VACUUM ANALYZE bench_seed"
fi

has_is_valid=$(psql -X -At -c "SELECT to_regprocedure('govdisc_is_valid(jsonb)') IS NOT NULL")

# One session: every measured query three times, each announced by a marker
# so that the timings can be told apart.
{
	echo '\timing on'
	echo '\pset tuples_only on'
	echo "SET max_parallel_workers_per_gather = 0;"
	echo "SET jit = off;"
	echo "\\echo STAT"
	echo "SELECT count(*), sum(octet_length(body)), sum(length(body)) FROM bench_reports;"
	echo "ALTER TABLE bench_reports SET (parallel_workers = 2);"
	echo "SET parallel_setup_cost = 0;"
	echo "SET parallel_tuple_cost = 0;"
	echo "SET min_parallel_table_scan_size = 0;"
	echo "SET max_parallel_workers_per_gather = 2;"
	echo "\\echo PLAN"
	echo "EXPLAIN (COSTS OFF) SELECT count(govdisc_parse(body)) FROM bench_reports;"
	# the queries a ratio compares take turns, so that the machine's drift
	# during the session falls on both
	for i in 1 2 3; do
		echo "SET max_parallel_workers_per_gather = 0;"
		echo "\\echo MARK length_serial"
		echo "SELECT sum(length(body)) FROM bench_reports;"
		echo "\\echo MARK parse_serial"
		echo "SELECT count(govdisc_parse(body)) FROM bench_reports;"
		echo "SET max_parallel_workers_per_gather = 2;"
		echo "\\echo MARK length_parallel"
		echo "SELECT sum(length(body)) FROM bench_reports;"
		echo "\\echo MARK parse_parallel"
		echo "SELECT count(govdisc_parse(body)) FROM bench_reports;"
	done
	echo "SET max_parallel_workers_per_gather = 0;"
	echo "CREATE TABLE bench_docs AS SELECT id, govdisc_parse(body) AS d FROM bench_reports;"
	echo "VACUUM ANALYZE bench_docs;"
	# a parser that reads nothing is fast: say how much it read
	echo "\\echo READ"
	echo "SELECT count(*) FILTER (WHERE d ->> 'template' IS NOT NULL) || ' ' || count(*) FILTER (WHERE d -> 'requests' -> 'total' ->> 'total' IS NOT NULL) FROM bench_docs;"
	if [ "$has_is_valid" = t ]; then
		for i in 1 2 3; do
			echo "\\echo MARK schema_serial"
			echo "SELECT count(d -> 'schema') FROM bench_docs;"
			echo "\\echo MARK valid_serial"
			echo "SELECT count(*) FILTER (WHERE govdisc_is_valid(d)) FROM bench_docs;"
		done
		echo "\\echo VALIDCOUNT"
		echo "SELECT count(*) FILTER (WHERE govdisc_is_valid(d)) FROM bench_docs;"
	fi
	# many reports at once: govdisc_sum over every stored document (serial and
	# parallel), govdisc_reuse over pairs of consecutive reports
	echo "SET max_parallel_workers_per_gather = 2;"
	echo "ALTER TABLE bench_docs SET (parallel_workers = 2);"
	for i in 1 2 3; do
		echo "SET max_parallel_workers_per_gather = 0;"
		echo "\\echo MARK sum_serial"
		echo "SELECT length(govdisc_sum(d)::text) FROM bench_docs;"
		echo "SET max_parallel_workers_per_gather = 2;"
		echo "\\echo MARK sum_parallel"
		echo "SELECT length(govdisc_sum(d)::text) FROM bench_docs;"
		echo "SET max_parallel_workers_per_gather = 0;"
		echo "\\echo MARK reuse_pairs"
		echo "SELECT sum(govdisc_reuse(a.body, b.body)) FROM bench_reports a JOIN bench_reports b ON b.id = a.id + 1 WHERE a.id < $REUSE_PAIRS + (SELECT min(id) FROM bench_reports);"
	done
	echo "\\echo REUSEPAIRS"
	echo "SELECT count(*) || ' ' || round(avg(govdisc_reuse(a.body, b.body))::numeric, 3) FROM bench_reports a JOIN bench_reports b ON b.id = a.id + 1 WHERE a.id < $REUSE_PAIRS + (SELECT min(id) FROM bench_reports);"
	if [ "$has_seed" = t ]; then
		echo "SET max_parallel_workers_per_gather = 0;"
		echo "\\echo SEEDSTAT"
		echo "SELECT count(*) || ' ' || sum(octet_length(body)) || ' ' || count(*) FILTER (WHERE pg_column_compression(body) IS NOT NULL) FROM bench_seed;"
		for i in 1 2 3; do
			echo "\\echo MARK seed_length"
			echo "SELECT sum(length(body)) FROM bench_seed;"
			echo "\\echo MARK seed_parse"
			echo "SELECT count(govdisc_parse(body)) FROM bench_seed;"
		done
		echo "CREATE TABLE bench_seed_docs AS SELECT id, govdisc_parse(body) AS d FROM bench_seed;"
		echo "VACUUM ANALYZE bench_seed_docs;"
		if [ "$has_is_valid" = t ]; then
			for i in 1 2 3; do
				echo "\\echo MARK seed_schema"
				echo "SELECT count(d -> 'schema') FROM bench_seed_docs;"
				echo "\\echo MARK seed_valid"
				echo "SELECT count(*) FILTER (WHERE govdisc_is_valid(d)) FROM bench_seed_docs;"
			done
			echo "\\echo SEEDVALID"
			echo "SELECT count(*) FILTER (WHERE govdisc_is_valid(d)) || ' ' || round(avg(pg_column_size(d))) FROM bench_seed_docs;"
		fi
	fi
	echo "\\echo HWM"
	echo "SELECT substring(pg_read_file('/proc/self/status') FROM 'VmHWM:\\s*([0-9]+) kB');"
} > "$work/bench.sql"

psql -X -v ON_ERROR_STOP=1 -f "$work/bench.sql" > "$work/bench.out" 2>&1 || {
	echo "bench: the benchmark session failed:" >&2
	tail -20 "$work/bench.out" >&2
	exit 1
}

# Memory: the backend's peak (VmHWM) after parsing BENCH_N rows in one
# statement, and after parsing BENCH_MEM_ROWS rows (the table over and over)
# in one statement, each in a session of its own: bounded if they are alike.
mem_hwm() {	# statement -> "peak_kB ms anon_kB"
	psql -X -v ON_ERROR_STOP=1 -At <<-EOF | awk '/^Time: / { ms = $2 } /^[0-9]+\|[0-9]+$/ { split($1, v, "|"); k = v[1]; a = v[2] } END { print k, ms, a }'
		SET max_parallel_workers_per_gather = 0;
		SET jit = off;
		\\timing on
		$1
		\\timing off
		SELECT substring(pg_read_file('/proc/self/status') FROM 'VmHWM:\\s*([0-9]+) kB') || '|' ||
			substring(pg_read_file('/proc/self/status') FROM 'RssAnon:\\s*([0-9]+) kB');
	EOF
}
rows_n=$(psql -X -At -c "SELECT count(*) FROM bench_reports")
MEM_ROWS=${BENCH_MEM_ROWS:-1000000}
reps=$(( (MEM_ROWS + rows_n - 1) / rows_n ))
read -r hwm_one ms_one anon_one <<< "$(mem_hwm "SELECT count(govdisc_parse(body)) FROM bench_reports;")"
read -r hwm_many ms_many anon_many <<< "$(mem_hwm "SELECT count(govdisc_parse(body)) FROM bench_reports, generate_series(1, $reps);")"

# best (smallest) time in ms of each marker
best() {
	awk -v want="$1" '
		/^MARK / { cur = $2; next }
		/^Time: / && cur == want { t = $2 + 0; if (best == "" || t < best) best = t; cur = "" }
		END { print (best == "" ? "" : best) }' "$work/bench.out"
}
# the first value line after a marker line
after() {
	awk -v want="$1" '$0 == want { grab = 1; next } grab && NF { gsub(/^ +/, ""); print; exit }' "$work/bench.out"
}

stat=$(after STAT)
rows=$(echo "$stat" | awk -F'|' '{gsub(/ /, ""); print $1}')
bytes=$(echo "$stat" | awk -F'|' '{gsub(/ /, ""); print $2}')
chars=$(echo "$stat" | awk -F'|' '{gsub(/ /, ""); print $3}')
workers=$(grep -Eo 'Workers Planned: [0-9]+' "$work/bench.out" | head -1 | awk '{print $3}')
hwm=$(after HWM)

len_s=$(best length_serial)
parse_s=$(best parse_serial)
len_p=$(best length_parallel)
parse_p=$(best parse_parallel)

mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
load_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')

line() { printf '%-44s %12s %12s %10s\n' "$@"; }
rate() {	# ms -> "reports/s MB/s"
	awk -v ms="$1" -v n="$rows" -v b="$bytes" 'BEGIN {
		if (ms == "" || ms <= 0) { print "- -"; exit }
		printf "%.0f %.1f\n", n / (ms / 1000), b / 1e6 / (ms / 1000) }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b <= 0) print "-"; else printf "%.1fx\n", a / b }'; }

echo
echo "reports: $rows, $mb MB of text (mean $(awk -v b="$bytes" -v n="$rows" 'BEGIN { printf "%.1f", b / n / 1024 }') KiB, $chars characters); loaded in ${load_s} s"
echo
line "measure (best of 3)" "reports/s" "MB/s" "time ratio"
line "--------------------------------------------" "------------" "------------" "----------"
read -r r m <<< "$(rate "$len_s")"
line "sum(length(body)), 1 backend" "$r" "$m" "1.0x"
read -r r m <<< "$(rate "$parse_s")"
line "govdisc_parse, 1 backend" "$r" "$m" "$(ratio "$parse_s" "$len_s")"
read -r r m <<< "$(rate "$len_p")"
line "sum(length(body)), ${workers:-?} workers + leader" "$r" "$m" "1.0x"
read -r r m <<< "$(rate "$parse_p")"
line "govdisc_parse, ${workers:-?} workers + leader" "$r" "$m" "$(ratio "$parse_p" "$len_p")"
echo "parallel speed-up of govdisc_parse: $(ratio "$parse_s" "$parse_p"); of sum(length(body)): $(ratio "$len_s" "$len_p");" \
	"govdisc_parse's against length's: $(awk -v a="$parse_s" -v b="$parse_p" -v c="$len_s" -v d="$len_p" 'BEGIN { if (b > 0 && d > 0 && c > 0) printf "%.2f", (a / b) / (c / d); else print "-" }')"
read -r with_tpl with_total <<< "$(after READ)"
echo "documents that name a template: $with_tpl of $rows; with a 表三 （七）总计 total: $with_total of $rows"
if [ "$has_is_valid" = t ]; then
	sch=$(best schema_serial)
	val=$(best valid_serial)
	read -r r m <<< "$(rate "$sch")"
	line "d -> 'schema' over stored jsonb" "$r" "-" "-"
	read -r r m <<< "$(rate "$val")"
	line "govdisc_is_valid(jsonb) over stored jsonb" "$r" "-" "$(ratio "$val" "$sch") of ->"
	echo "valid documents: $(after VALIDCOUNT) of $rows"
else
	echo "govdisc_is_valid(jsonb) does not exist yet: skipped"
fi
sum_s=$(best sum_serial)
sum_p=$(best sum_parallel)
read -r r m <<< "$(rate "$sum_s")"
line "govdisc_sum over $rows documents, 1 backend" "$r" "-" "$(awk -v ms="$sum_s" 'BEGIN { printf "%.0f ms", ms }')"
read -r r m <<< "$(rate "$sum_p")"
line "govdisc_sum, ${workers:-?} workers + leader" "$r" "-" "$(awk -v ms="$sum_p" 'BEGIN { printf "%.0f ms", ms }')"
read -r npairs mean_share <<< "$(after REUSEPAIRS)"
echo "govdisc_reuse: $(awk -v ms="$(best reuse_pairs)" -v n="$npairs" 'BEGIN { if (n > 0) printf "%.3f ms per pair", ms / n; else print "-" }') over $npairs pairs of consecutive generated reports (mean share $mean_share)"
read -r _ cn cmb cs cmbs crps <<< "$(echo "$GOVDISC_BENCH_CORE" | grep '^core ')"
echo "core parser alone (no PostgreSQL): $cn reports, $cmb MB in $cs s: $cmbs MB/s, $crps reports/s"
# each layout's reports parsed on their own: the cost of a byte of each
# layout against that of the cheapest (one layout at a time runs warmer
# than the mix, so these are compared with each other only)
echo "core parser per layout (its reports on their own, best of 3):"
line "  layout" "reports" "us/report" "MB/s"
fastest=$(echo "$GOVDISC_BENCH_CORE" | awk '/^layout / && $6 > m { m = $6 } END { print m + 0 }')
echo "$GOVDISC_BENCH_CORE" | grep '^layout ' | sort -k2,2 |
	while read -r _ name ln kib us lmbs; do
		printf '%-44s %12s %12s %10s  %s\n' "  $name (mean $kib KiB)" "$ln" "$us" "$lmbs" \
			"$(awk -v a="$fastest" -v b="$lmbs" 'BEGIN { if (b > 0) printf "%.2fx per byte of the cheapest", a / b; else print "-" }')"
	done
echo "backend peak memory (VmHWM, includes shared buffers it touched): $(awk -v k="$hwm" 'BEGIN { printf "%.1f MB", k / 1024 }') after the whole session"
mb_of() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
echo "peak memory of one statement parsing $rows_n rows: $(mb_of "$hwm_one"); parsing $(( rows_n * reps )) rows: $(mb_of "$hwm_many") ($(awk -v a="$hwm_many" -v b="$hwm_one" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'), $(awk -v ms="$ms_many" -v n="$(( rows_n * reps ))" 'BEGIN { if (ms > 0) printf "%.0f reports/s", n / (ms / 1000); else print "-" }'))"
# VmHWM counts the shared buffers the scan touched, which vary from run to
# run; the backend's own (anonymous) memory after the statement does not
echo "the backend's own memory (RssAnon) after parsing $rows_n rows: $(mb_of "$anon_one"); after $(( rows_n * reps )) rows: $(mb_of "$anon_many")"

if [ "$has_seed" = t ]; then
	read -r sn sbytes stoasted <<< "$(after SEEDSTAT)"
	echo
	echo "issue 20's benchmark: $sn copies of the five seed reports ($(awk -v b="$sbytes" 'BEGIN { printf "%.1f MB", b / 1e6 }'), $stoasted of them compressed), best of 3:"
	seed_rate() { awk -v ms="$1" -v n="$sn" 'BEGIN { if (ms == "" || ms <= 0) print "-"; else printf "%.0f", n / (ms / 1000) }'; }
	sl=$(best seed_length)
	sp=$(best seed_parse)
	line "sum(length(body)), 1 backend" "$(seed_rate "$sl")" "-" "1.0x"
	line "govdisc_parse, 1 backend" "$(seed_rate "$sp")" "-" "$(ratio "$sp" "$sl")"
	if [ "$has_is_valid" = t ]; then
		read -r svalid ssize <<< "$(after SEEDVALID)"
		ss=$(best seed_schema)
		sv=$(best seed_valid)
		line "d -> 'schema' over stored jsonb" "$(seed_rate "$ss")" "-" "-"
		line "govdisc_is_valid(jsonb) over stored jsonb" "$(seed_rate "$sv")" "-" "$(ratio "$sv" "$ss") of ->"
		echo "valid documents: $svalid of $sn (mean stored size $ssize bytes)"
	fi
fi

# govdisc-load on the published PDFs, beside pdftotext's own time (the floor)
bash tools/bench_loader.sh

#!/usr/bin/env bash
# Memcheck over govdisc, in two parts (not part of make test: it takes
# minutes):
#   1. every core unit test (test/core/unit_*, the plain builds) under
#      valgrind --tool=memcheck;
#   2. the pg_regress suite (make installcheck) against a throwaway cluster
#      whose postgres runs under valgrind --trace-children=yes, so that
#      every backend is checked.  PostgreSQL's own suppressions
#      (src/tools/valgrind.supp of its source) are used when found
#      (VALGRIND_SUPP=path, or beside the server headers); either way an
#      error counts against govdisc only when govdisc.so is on its stack.
#      Errors elsewhere are PostgreSQL's (e.g. padding bytes it writes, which
#      its suppressions would hide) and are only counted.
# Needs: valgrind, the extension installed (make install).
#   bash test/valgrind-regress.sh            both parts
#   bash test/valgrind-regress.sh unit       the unit tests only
# Logs stay in $VALGRIND_LOGS (default: a new directory under /tmp).
# Ends with "N passed, M failed".
set -u
cd "$(dirname "$0")/.."
what=${1:-all}
logs=${VALGRIND_LOGS:-$(mktemp -d /tmp/govdisc-valgrind.XXXX)}
mkdir -p "$logs"
chmod 777 "$logs"

TAP_DETAIL_LINES=40
. test/tap.sh
if ! command -v valgrind >/dev/null; then
	echo "valgrind is not installed (apt-get install valgrind)"
	echo "0 passed, 1 failed"
	exit 1
fi
echo "# valgrind $(valgrind --version), logs in $logs"

# ---------------------------------------------------------------- unit
make -s unit-build >/dev/null || { notok "make unit-build"; }
for t in test/core/unit_*.c; do
	b=${t%.c}
	[ -x "$b" ] || continue
	name=$(basename "$b")
	start=$(date +%s)
	if valgrind --tool=memcheck --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
		--num-callers=30 --log-file="$logs/$name.log" "./$b" > "$logs/$name.out" 2>&1; then
		ok "$name under memcheck ($(($(date +%s) - start)) s): $(grep 'ERROR SUMMARY' "$logs/$name.log" | sed 's/^==[0-9]*== //')"
	else
		notok "$name under memcheck" "$(grep -v '^==[0-9]*== *$' "$logs/$name.log" | sed 's/^==[0-9]*== //' | head -40)"
	fi
done
if [ "$what" = unit ]; then
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
	exit
fi

# ----------------------------------------------------- pg_regress
bindir=$(pg_config --bindir)
supp=${VALGRIND_SUPP:-}
for f in "$(pg_config --includedir-server)/../../src/tools/valgrind.supp" \
	/usr/share/postgresql/*/valgrind.supp /usr/lib/postgresql/*/lib/pgxs/src/tools/valgrind.supp; do
	[ -z "$supp" ] && [ -f "$f" ] && supp=$f
done
supp_opt=()
if [ -n "$supp" ]; then
	supp_opt=(--suppressions="$supp")
	echo "# PostgreSQL's suppressions: $supp"
else
	echo "# PostgreSQL's suppressions not found (set VALGRIND_SUPP): errors outside govdisc are counted, not judged"
fi

run_as=()
user=$(id -un)
if [ "$(id -u)" = 0 ]; then
	run_as=(runuser -u postgres --)
	user=postgres
fi
data=$(mktemp -d /tmp/govdisc-vg-data.XXXX)
chown "$user" "$data" 2>/dev/null
port=$((40000 + RANDOM % 10000))
"${run_as[@]}" "$bindir/initdb" -D "$data/pg" -A trust -U "$user" --encoding=UTF8 --locale=C >/dev/null
"${run_as[@]}" valgrind --tool=memcheck --trace-children=yes --leak-check=no --num-callers=40 \
	--error-limit=no --track-origins=yes --read-var-info=no --gen-suppressions=all "${supp_opt[@]}" \
	--error-markers=VGERROR-BEGIN,VGERROR-END --log-file="$logs/postgres.%p.log" \
	"$bindir/postgres" -D "$data/pg" -p "$port" -k "$data" -c listen_addresses='' \
	-c max_connections=10 -c shared_buffers=16MB -c max_parallel_workers_per_gather=0 \
	-c checkpoint_timeout=30min -c autovacuum=off > "$logs/postgres.out" 2>&1 &
vgpid=$!
for _ in $(seq 240); do
	"$bindir/pg_isready" -q -h "$data" -p "$port" && break
	sleep 1
done
start=$(date +%s)
PGHOST=$data PGPORT=$port PGUSER=$user make -s installcheck > "$logs/installcheck.out" 2>&1
rc=$?
secs=$(($(date +%s) - start))
[ "$rc" = 0 ] && ok "make installcheck under valgrind ($secs s): $(grep -E 'tests passed|All [0-9]+ tests' "$logs/installcheck.out" | head -1 | tr -s ' ')" ||
	notok "make installcheck under valgrind ($secs s)" "$(tail -20 "$logs/installcheck.out")"
"${run_as[@]}" "$bindir/pg_ctl" -D "$data/pg" -m fast -w stop >/dev/null 2>&1
wait "$vgpid" 2>/dev/null
rm -rf "$data"

# One error block per VGERROR marker pair; ours when govdisc.so is on the stack.
ours=0
theirs=0
for f in "$logs"/postgres.*.log; do
	[ -f "$f" ] || continue
	o=$(awk '/VGERROR-BEGIN/ { e = ""; on = 1; next } /VGERROR-END/ { if (e ~ /govdisc/) n++; on = 0 } on { e = e $0 "\n" } END { print n + 0 }' "$f")
	a=$(grep -c VGERROR-BEGIN "$f")
	ours=$((ours + o))
	theirs=$((theirs + a - o))
	if [ "$o" -gt 0 ]; then
		awk '/VGERROR-BEGIN/ { e = ""; on = 1; next } /VGERROR-END/ { if (e ~ /govdisc/) printf "%s\n", e; on = 0 } on { e = e $0 "\n" }' "$f" |
			sed 's/^==[0-9]*== //' > "$logs/govdisc-errors.txt"
	fi
done
nproc=$(ls "$logs"/postgres.*.log 2>/dev/null | wc -l)
echo "# $nproc processes checked; errors with govdisc on the stack: $ours; elsewhere (PostgreSQL): $theirs"
[ "$ours" = 0 ] && ok "no memcheck error in govdisc over the regression suite" ||
	notok "memcheck errors in govdisc over the regression suite ($ours)" "$(head -60 "$logs/govdisc-errors.txt")"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

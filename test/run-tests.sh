#!/usr/bin/env bash
# Runs every test of govdisc (make test): the tree's layout rules, the core
# unit tests, plain and under ASan+UBSan, then the database stages inside
# one throwaway cluster (pg_virtualenv).  Each stage reports "N passed,
# M failed"; the last line is the sum.  Exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
results=$(mktemp)
trap 'rm -f "$results"' EXIT

# record NAME RC OUTPUTFILE: count a stage from its own closing line, or as one
# test.  A stage that ran no test ("0 passed, 0 failed", e.g. without
# ../shared) is "skipped": neither passed nor failed, and listed as such.
record() {
	local name=$1 rc=$2 out=$3 p f line
	line=$(grep -E '^([A-Za-z-]+: )?[0-9]+ passed, [0-9]+ failed' "$out" | tail -1 | sed -E 's/^[A-Za-z-]+: //')
	if [ -n "$line" ]; then
		p=$(echo "$line" | sed -E 's/^([0-9]+) passed, ([0-9]+) failed.*/\1/')
		f=$(echo "$line" | sed -E 's/^([0-9]+) passed, ([0-9]+) failed.*/\2/')
	elif line=$(grep -oE 'All [0-9]+ tests passed' "$out"); then
		p=$(echo "$line" | grep -oE '[0-9]+'); f=0		# pg_regress
	elif line=$(grep -oE '[0-9]+ of [0-9]+ tests failed' "$out"); then
		f=$(echo "$line" | cut -d' ' -f1); p=$(( $(echo "$line" | cut -d' ' -f3) - f ))
	elif [ "$rc" = 0 ]; then p=1; f=0; else p=0; f=1; fi
	[ "$rc" != 0 ] && [ "$f" = 0 ] && f=1
	if [ "$rc" = 0 ] && [ "$p" = 0 ] && [ "$f" = 0 ]; then
		echo "$name skipped" >> "$results"
		printf '== %-28s skipped (no test ran: %s)\n' "$name" \
			"$(grep -m1 -i 'skipped' "$out" | sed -E 's/^[# ]+//' | cut -c1-100)"
		return
	fi
	echo "$name $p $f" >> "$results"
	printf '== %-28s %s\n' "$name" "$([ "$rc" = 0 ] && echo ok || echo FAILED) ($p passed, $f failed)"
}
export -f record
export results

run_stage() {
	local name=$1; shift
	local out; out=$(mktemp)
	echo "== $name: $*"
	"$@" > "$out" 2>&1
	local rc=$?
	if [ "$rc" != 0 ] || [ -n "${VERBOSE:-}" ]; then sed 's/^/   /' "$out" | tail -60; fi
	record "$name" "$rc" "$out"
	rm -f "$out"
}
export -f run_stage

# The tree's rules: includes by layer, no function over 200 lines
run_stage layout bash test/layout.sh

run_stage unit-build make -s unit-build
for t in test/core/unit_*.c; do
	b=${t%.c}
	run_stage "$(basename "$b")" "./$b"
	run_stage "$(basename "$b")-asan" "./${b}_asan"
done

# The semantic fuzzer: a fixed seed set, and the inputs it once got wrong
run_stage semantic-build make -s test/fuzz/semantic_fuzzer
run_stage fuzz-semantic make -s fuzz-semantic-fixed
run_stage fuzz-semantic-replay make -s fuzz-semantic-replay

# Everything that needs a server runs in one throwaway cluster.
pg_virtualenv -t -o 'max_connections=40' bash test/db-tests.sh

# Scale-out: its own coordinator and shards (make test-shard)
run_stage test-shard bash test/shard/run.sh

# The Debian package: build, install, installcheck, purge (root only)
run_stage package bash test/package.sh

tp=0; tf=0; skipped=""
while read -r name p f; do
	if [ "$p" = skipped ]; then skipped="$skipped $name"; continue; fi
	tp=$((tp + p)); tf=$((tf + f))
done < "$results"
# the closing line stays "N passed, M failed" alone (CI reads it)
[ -n "$skipped" ] && echo "stages skipped (counted neither way):$skipped"
echo "$tp passed, $tf failed"
[ "$tf" = 0 ]

#!/usr/bin/env bash
# The database stages of `make test`, run by test/run-tests.sh inside
# pg_virtualenv (PGHOST/PGPORT/PGUSER point at a throwaway cluster).
set -u
cd "$(dirname "$0")/.."
shared=../shared

# skip_stage NAME WHY: a stage that cannot run here, listed as skipped
skip_stage() {
	local out; out=$(mktemp)
	echo "== $1: skipped, $2"
	printf '%s\n0 passed, 0 failed\n' "skipped: $2" > "$out"
	record "$1" 0 "$out"
	rm -f "$out"
}

# pg_regress: test/sql/*.sql against test/expected/*.out, UTF8, no locale
run_stage pg_regress make -s installcheck

# The project's own sample reports, each against its expected document.
# (score-corpus is the team's scorer; the samples and their gold are ours.)
if [ -x "$shared/tools/score-corpus" ] && [ -d test/samples/gold ]; then
	run_stage samples python3 "$shared/tools/score-corpus" --reports test/samples/reports --gold test/samples/gold
else
	skip_stage samples "$shared/tools/score-corpus does not exist"
fi

# The corpus score may only go up: test/corpus/score holds the number of
# corpus reports that must match their gold.
if [ -x "$shared/tools/score-corpus" ]; then
	run_stage corpus-score bash test/corpus/gate.sh
else
	skip_stage corpus-score "$shared does not exist (the corpus is not part of this repository)"
fi

for s in test/stages/*.sh; do
	[ -e "$s" ] || continue
	run_stage "stage-$(basename "$s" .sh)" bash "$s"
done

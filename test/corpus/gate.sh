#!/usr/bin/env bash
# Fails when fewer corpus reports match their gold than test/corpus/score says.
set -u
cd "$(dirname "$0")/../.."
want=$(cat test/corpus/score)
out=$(python3 ../shared/tools/score-corpus)
echo "$out"
got=$(echo "$out" | tail -1 | sed -E 's/^([0-9]+) passed.*/\1/')
if [ "$got" -lt "$want" ]; then
	echo "corpus gate: $got reports match their gold, fewer than the recorded $want"
	echo "0 passed, 1 failed"
	exit 1
fi
[ "$got" -gt "$want" ] && echo "corpus gate: $got match, more than the recorded $want: raise test/corpus/score"
echo "1 passed, 0 failed"

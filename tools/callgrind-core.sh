#!/usr/bin/env bash
# Instructions the core parser runs per report (callgrind), the measure of
# the parser's cost that does not depend on the machine's load:
#   bash tools/callgrind-core.sh [TOP]
# Two inputs: 300 generated reports of every layout (seed 1), and the five
# seed reports of the team's corpus (../shared, when present), the ones
# issue 20's benchmark copies.  Prints Ir per gd_parse call for each, and the
# TOP (default 25) functions by inclusive Ir for the seed reports.
set -eu
cd "$(dirname "$0")/.."
top=${1:-25}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -std=c99 -O2 -w -o "$work/gen" tools/gen_reports.c
cc -std=c99 -D_POSIX_C_SOURCE=200809L -Isrc/core -Isrc/core/parse -O2 -g -w -o "$work/bench_core" \
	tools/bench_core.c $(ls src/core/*.c src/core/parse/*.c) -licui18n -licuuc -licudata

measure() {	# name copy-file
	local out=$work/cg.$1 n calls ir
	n=$(wc -l < "$2")
	valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect=gd_parse \
		"$work/bench_core" < "$2" > /dev/null 2>&1
	ir=$(callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
	# bench_core parses every report three times, then three times more per layout
	calls=$((n * 6))
	printf '%-28s %6d reports  %9d Ir per report\n' "$1" "$n" $((ir / calls))
}
"$work/gen" --seed 1 --count 300 --copy > "$work/generated.copy"
measure generated "$work/generated.copy"
seeds=../shared/corpus/reports
if [ -d "$seeds" ]; then
	python3 - "$seeds" > "$work/seed.copy" <<'PY'
import sys
d = sys.argv[1]
for i, f in enumerate(["yichun-civil-air-defense-2020", "zhumadian-civil-air-defense-2019",
		"ziyang-emergency-2020", "yichun-city-2020", "longnan-liren-town-2020"]):
	t = open(d + "/" + f + ".txt", encoding="utf-8").read()
	t = t.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
	for k in range(4):
		print("%d\tseed\t%s" % (i * 4 + k, t))
PY
	measure "seed reports" "$work/seed.copy"
	callgrind_annotate --inclusive=yes "$work/cg.seed reports" 2>/dev/null |
		grep -E '^ *[0-9,]+ ' | head -n "$top"
fi

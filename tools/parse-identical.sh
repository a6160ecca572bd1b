#!/usr/bin/env bash
# Does the core parser at this tree return exactly what it returned at REV?
#   bash tools/parse-identical.sh [REV]     (default: main)
# Builds tools/parse_dump.c against the core of REV (a temporary checkout)
# and against the working tree's, runs both over the corpus and unlabeled
# reports (../shared, when present), the samples, the fuzz regressions and
# corpus, and 3,000 generated reports of every layout, and compares the
# dumps.  Prints "identical: N inputs" or the first differences; exit 1 then.
set -eu
cd "$(dirname "$0")/.."
rev=${1:-main}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags="-std=c99 -D_POSIX_C_SOURCE=200809L -O1 -w"
libs="-licui18n -licuuc -licudata"

git worktree add -q --detach "$work/base" "$rev"
trap 'git worktree remove --force "$work/base"; rm -rf "$work"' EXIT
build() {	# tree out
	cc $flags -I"$1/src/core" -I"$1/src/core/parse" -o "$2" tools/parse_dump.c \
		$(ls "$1"/src/core/*.c "$1"/src/core/parse/*.c) $libs
}
build "$work/base" "$work/dump_base"
build . "$work/dump_new"
cc -std=c99 -O2 -w -o "$work/gen" tools/gen_reports.c

# a snapshot of the inputs: a running fuzzer changes its corpus
mkdir "$work/in"
i=0
for d in ../shared/corpus/reports ../shared/corpus/unlabeled test/samples/reports \
	test/fuzz/regressions test/fuzz/corpus-parse; do
	[ -d "$d" ] || continue
	for f in "$d"/*; do
		cp "$f" "$work/in/$(printf %06d $i)" 2>/dev/null && i=$((i + 1))
	done
done
n=0
for bin in base new; do
	: > "$work/$bin.out"
	(cd "$work/in" && ls | xargs -n 200 "$work/dump_$bin") >> "$work/$bin.out"
	for layout in word pipe html pdflayout markdown spaced runtogether; do
		"$work/gen" --seed 3 --count 400 --layout "$layout" --format any --copy |
			"$work/dump_$bin" --copy >> "$work/$bin.out"
	done
done
n=$(grep -c '^== ' "$work/new.out")
if cmp -s "$work/base.out" "$work/new.out"; then
	echo "identical: $n inputs"
else
	diff "$work/base.out" "$work/new.out" | head -40
	echo "DIFFERENT (of $n inputs)"
	exit 1
fi

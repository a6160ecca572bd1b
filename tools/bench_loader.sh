#!/usr/bin/env bash
# The loader's figures for make bench (issue 17): govdisc-load's time per PDF
# beside pdftotext's own time on the same files, the floor no loader that
# runs pdftotext can go under; with -j 1 and -j 2, beside pdftotext run one
# and two at a time.  Each figure is the best of 3.  The files are copies of
# the published PDFs in ../shared/corpus/pdf, each with a comment after its
# end (%%EOF) so that its SHA-256 differs while pdftotext reads the same
# pages; skipped where that folder does not exist.  Run by tools/bench.sh
# inside its throwaway cluster (PG* set); never fails on timing.
#
#   BENCH_LOADER_COPIES=25   copies of each PDF (default 25)
set -eu
cd "$(dirname "$0")/.."
pdfdir=../shared/corpus/pdf
copies=${BENCH_LOADER_COPIES:-25}
loader=$(pg_config --bindir)/govdisc-load

if ! ls "$pdfdir"/*.pdf >/dev/null 2>&1; then
	echo "loader: skipped, $pdfdir does not exist"
	exit 0
fi
if [ ! -x "$loader" ]; then
	echo "loader: skipped, $loader is not installed (make install)"
	exit 0
fi
work=$(mktemp -d)
db=govdisc_bench_loader
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
mkdir "$work/pdf"
for f in "$pdfdir"/*.pdf; do
	for i in $(seq 1 "$copies"); do
		{ cat "$f"; printf '%% copy %d\n' "$i"; } > "$work/pdf/$(basename "$f" .pdf)-$i.pdf"
	done
done
n=$(ls "$work/pdf" | wc -l)
createdb "$db"
psql -X -q -d "$db" -c "CREATE EXTENSION govdisc"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { print b - a }'; }
# best TIMES-FILE: the smallest of the seconds in it
best() { sort -g "$1" | head -1; }
floor1() { for f in "$work"/pdf/*.pdf; do pdftotext -layout -enc UTF-8 "$f" - > /dev/null; done; }
floor2() { printf '%s\0' "$work"/pdf/*.pdf | xargs -0 -P 2 -I{} pdftotext -layout -enc UTF-8 {} - > /dev/null; }
load() {
	psql -X -q -d "$db" -c "DROP TABLE IF EXISTS bench_load" 2>/dev/null
	"$loader" -q -d "$db" -t bench_load -j "$1" "$work/pdf"
}
: > "$work/f1"; : > "$work/f2"; : > "$work/j1"; : > "$work/j2"
for round in 1 2 3; do
	# the figures a ratio compares take turns, so that drift falls on both
	t0=$(now); floor1; t1=$(now); elapsed "$t0" "$t1" >> "$work/f1"
	t0=$(now); load 1; t1=$(now); elapsed "$t0" "$t1" >> "$work/j1"
	t0=$(now); floor2; t1=$(now); elapsed "$t0" "$t1" >> "$work/f2"
	t0=$(now); load 2; t1=$(now); elapsed "$t0" "$t1" >> "$work/j2"
done
loaded=$(psql -X -At -d "$db" -c "SELECT count(*) || ' rows, ' || count(*) FILTER (WHERE doc->'requests'->'total'->>'total' IS NOT NULL) || ' with a 表三 total' FROM bench_load")
per() { awk -v s="$1" -v n="$n" 'BEGIN { printf "%.1f", s * 1000 / n }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
f1=$(best "$work/f1"); f2=$(best "$work/f2"); j1=$(best "$work/j1"); j2=$(best "$work/j2")
echo
echo "govdisc-load: $n PDFs ($(ls "$pdfdir"/*.pdf | wc -l) published reports x $copies copies), best of 3; loaded: $loaded"
printf '%-44s %12s %14s\n' "measure" "ms per PDF" "ratio"
printf '%-44s %12s %14s\n' "--------------------------------------------" "------------" "--------------"
printf '%-44s %12s %14s\n' "pdftotext -layout, one at a time (floor)" "$(per "$f1")" "1.00x"
printf '%-44s %12s %14s\n' "govdisc-load -j 1" "$(per "$j1")" "$(ratio "$j1" "$f1") of floor"
printf '%-44s %12s %14s\n' "pdftotext -layout, two at a time (floor)" "$(per "$f2")" "1.00x"
printf '%-44s %12s %14s\n' "govdisc-load -j 2" "$(per "$j2")" "$(ratio "$j2" "$f2") of floor"
echo "govdisc-load speed-up from -j 1 to -j 2: $(ratio "$j1" "$j2") (pdftotext's own: $(ratio "$f1" "$f2"))"

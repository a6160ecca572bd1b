#!/usr/bin/env bash
# The checks on the team's corpus (issue 4's acceptance): the five seed
# reports and hongze-district-2024 are valid; hongze-district-2023 fails
# review.sum twice (行政复议, 复议后起诉) and nothing else at error level, in both
# pdftotext renderings; the pair 2023 -> 2024 has no error.  Skipped where
# ../shared does not exist.  Run by test/db-tests.sh inside pg_virtualenv.
set -u
cd "$(dirname "$0")/../.."
corpus=../shared/corpus/reports
if [ ! -d "$corpus" ]; then
	echo "checks on the corpus: skipped, $corpus does not exist"
	echo "0 passed, 0 failed"
	exit 0
fi
. test/tap.sh
db=govdisc_checks_corpus
createdb "$db" || exit 1
trap 'dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
# sql QUERY [psql -v options]: psql interpolates :'var' only in what it reads
sql() { local query=$1; shift; printf '%s\n' "$query" | q "$@"; }
q -c "CREATE EXTENSION govdisc" >/dev/null || exit 1

for f in yichun-civil-air-defense-2020.txt zhumadian-civil-air-defense-2019.txt \
	ziyang-emergency-2020.txt yichun-city-2020.txt longnan-liren-town-2020.txt \
	hongze-district-2024.layout.txt hongze-district-2024.raw.txt; do
	got=$(sql "SELECT govdisc_is_valid(:'body')" -v body="$(cat "$corpus/$f")")
	[ "$got" = t ] && ok "$f is valid" || notok "$f is valid" "govdisc_is_valid gave $got"
done
for f in hongze-district-2023.layout.txt hongze-district-2023.raw.txt; do
	got=$(sql "SELECT string_agg(rule || ' ' || coalesce(row_key, ''), ', ' ORDER BY row_key)
		FROM govdisc_check(:'body') WHERE severity = 'error'" -v body="$(cat "$corpus/$f")")
	want="review.sum litigation_after_reconsideration, review.sum reconsideration"
	[ "$got" = "$want" ] && ok "$f: errors are exactly $want" || notok "$f: errors are exactly $want" "got: $got"
done
pair=(-v a="$(cat "$corpus/hongze-district-2023.layout.txt")" -v b="$(cat "$corpus/hongze-district-2024.layout.txt")")
got=$(sql "SELECT count(*) FROM govdisc_check_pair(:'a', :'b') WHERE severity = 'error'" "${pair[@]}")
[ "$got" = 0 ] && ok "the pair hongze 2023 -> 2024 has no error" || notok "the pair hongze 2023 -> 2024 has no error" "$got errors"
got=$(sql "SELECT count(*) FROM govdisc_check_pair(govdisc_parse(:'a'), govdisc_parse(:'b')) WHERE severity = 'error'" "${pair[@]}")
[ "$got" = 0 ] && ok "the same pair as stored documents has no error" || notok "the same pair as stored documents has no error" "$got errors"
tap_done

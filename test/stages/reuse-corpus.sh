#!/usr/bin/env bash
# Stage of make test (run inside its throwaway cluster, PGHOST/PGPORT set):
# govdisc_reuse on real reports of the shared corpus (../shared/corpus,
# read on the client side), against the thresholds it promises: a report
# against itself >= 0.95, one body's consecutive years >= 0.35, different
# bodies <= 0.25.  Skipped when the corpus is not there.
# Prints "N passed, M failed[, K skipped]"; exits non-zero on any failure.
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${GOVDISC_SHARED:-$repo/../shared}/corpus
. "$repo/test/tap.sh"

if [ ! -d "$corpus/reports" ] || [ ! -d "$corpus/unlabeled" ]; then
	skip "the corpus is not there ($corpus)"
	tap_done
	exit
fi
DB=govdisc_reuse
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1' EXIT
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8'" >/dev/null 2>&1 ||
	die "create database $DB"

# kind, a, b: same (a body's consecutive years), other (different bodies)
pairs="self reports/hongze-district-2023.raw.txt reports/hongze-district-2023.raw.txt
self unlabeled/pingtan-office-2023.txt unlabeled/pingtan-office-2023.txt
same reports/hongze-district-2023.raw.txt reports/hongze-district-2024.raw.txt
same reports/hongze-district-2023.layout.txt reports/hongze-district-2024.layout.txt
same reports/pingtan-haitan-2022.txt unlabeled/pingtan-haitan-2023.txt
same reports/pingtan-finance-2020.txt unlabeled/pingtan-finance-2023.txt
other reports/pingtan-haitan-2022.txt unlabeled/pingtan-junshan-2022.txt
other unlabeled/pingtan-finance-2023.txt unlabeled/pingtan-haitan-2023.txt
other unlabeled/pingtan-office-2023.txt unlabeled/pingtan-approval-2023.txt
other reports/pingtan-market-2020.txt reports/pingtan-finance-2020.txt
other reports/pingtan-2022.txt reports/pingtan-finance-2020.txt
other reports/hongze-district-2024.raw.txt reports/pingtan-2022.txt
other reports/yichun-city-2020.txt reports/yichun-civil-air-defense-2020.txt"

while read -r kind a b; do
	[ -f "$corpus/$a" ] && [ -f "$corpus/$b" ] || { skip "$a / $b: not in the corpus"; continue; }
	share=$(printf '%s\n' "SET client_min_messages = warning;" "CREATE EXTENSION IF NOT EXISTS govdisc;" \
		"\\set a \`cat '$corpus/$a'\`" "\\set b \`cat '$corpus/$b'\`" \
		"SELECT round(govdisc_reuse(:'a', :'b')::numeric, 3);" |
		psql -X -q -At -d "$DB" -v ON_ERROR_STOP=1 2>&1) ||
		{ notok "$a / $b: govdisc_reuse fails" "$share"; continue; }
	case $kind in
		self) want=">= 0.95"; good=$(awk -v s="$share" "BEGIN { print (s >= 0.95) }") ;;
		same) want=">= 0.35"; good=$(awk -v s="$share" "BEGIN { print (s >= 0.35) }") ;;
		other) want="<= 0.25"; good=$(awk -v s="$share" "BEGIN { print (s <= 0.25) }") ;;
	esac
	if [ "$good" = 1 ]; then ok "$kind: $a / $b: $share $want"; else notok "$kind: $a / $b: $share, expected $want"; fi
done <<<"$pairs"
tap_done

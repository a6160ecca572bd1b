#!/usr/bin/env bash
# stage-cookbook: every snippet of docs/cookbook.md runs, in order, in a fresh
# database, on a folder of sample reports rendered from hand-made documents.
# Run by test/db-tests.sh inside pg_virtualenv (PGHOST/PGPORT set).
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
ext=${GOVDISC_EXTENSION:-govdisc}
db=cookbook_$$
work=$(mktemp -d)
chmod 755 "$work"
trap 'cd /; [ -n "${KEEP:-}" ] || dropdb --if-exists "$db" >/dev/null 2>&1; rm -rf "$work"' EXIT
passed=0 failed=0

createdb "$db" || exit 1
export PGDATABASE=$db
cd "$work" && mkdir reports && chmod 755 reports

# the sample reports: five documents of two agencies over three years
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION IF NOT EXISTS $ext" || exit 1
psql -X -q -v ON_ERROR_STOP=1 -At -f "$repo/test/stages/cookbook-samples.sql" > gen.sh || exit 1
bash gen.sh || exit 1
chmod 644 reports/*

# the snippets, in order: ```sql blocks through psql, ```sh blocks through bash
awk -v dir="$work/blocks" 'BEGIN { system("mkdir -p " dir) }
	/^```(sql|sh)$/ { n++; lang = substr($0, 4); f = sprintf("%s/%02d.%s", dir, n, lang); inb = 1; next }
	/^```$/ { if (inb) { close(f); inb = 0 }; next }
	inb { print > f }' <(sed -n '/^<!-- cookbook:/,/^<!-- end of cookbook -->/p' "$repo/docs/cookbook.md")

for b in "$work"/blocks/*; do
	sed -i -e "s#/srv/govdisc/reports#$work/reports#g" -e "s/EXTENSION IF NOT EXISTS govdisc;/EXTENSION IF NOT EXISTS $ext;/" "$b"
	# a snippet that loads reports is judged on an empty table: each way of
	# loading must load the files by itself
	loads=$(grep -c 'INSERT INTO reports' "$b")
	[ "$loads" != 0 ] && psql -X -q -c 'TRUNCATE reports' >/dev/null 2>&1
	case "$b" in
		*.sql) psql -X -q -v ON_ERROR_STOP=1 -f "$b" > "$b.out" 2>&1 ;;
		*.sh) bash -e "$b" > "$b.out" 2>&1 ;;
	esac
	rc=$?
	if [ "$loads" != 0 ] && [ $rc = 0 ]; then
		loaded=$(psql -X -At -c 'SELECT count(*) FROM reports')
		# the one-file form loads one file, the others the whole folder
		want=5; grep -q '^\\set body' "$b" && want=1
		[ "$loaded" = "$want" ] || { echo "snippet $(basename "$b") loaded $loaded reports, expected $want" >> "$b.out"; rc=1; }
	fi
	if [ $rc = 0 ]; then
		passed=$((passed + 1))
		[ -n "${VERBOSE:-}" ] && { echo "== snippet $(basename "$b")"; cat "$b.out"; }
	else
		failed=$((failed + 1))
		echo "FAILED: snippet $(basename "$b")"; sed 's/^/   /' "$b"; echo "   --"; sed 's/^/   /' "$b.out"
	fi
done

# what the snippets did: every file loaded once, and the Markdown written
check() {
	if [ "$2" = "$3" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1: got '$2', expected '$3'"; fi
}
check "reports loaded" "$(psql -X -At -c 'SELECT count(*) FROM reports')" 5
check "carry-over found" "$(psql -X -At -f "$work"/blocks/07.sql | cut -d'|' -f1-2)" "淮安市洪泽区人民政府|2022"
check "part 五 found" "$(psql -X -At -c 'SELECT count(*) FROM reports r, govdisc_sections(r.body) s WHERE s.no = 5 AND s.body LIKE '"'%培训%'")" 3
check "markdown written" "$(grep -c '^|' jiaxian-2020.md 2>/dev/null)" 51
check "views" "$(psql -X -At -c "SELECT count(*) FROM pg_views WHERE viewname LIKE 'report\_%'")" 4

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

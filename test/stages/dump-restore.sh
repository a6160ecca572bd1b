#!/usr/bin/env bash
# pg_dump / pg_restore round trip (make test runs this inside a throwaway
# cluster).  A table whose CHECK constraints, generated columns and
# expression indexes call govdisc functions is dumped with pg_dump -Fc and
# restored into a fresh database, twice: with the extension in public, and
# in a schema of its own that the database's search_path names.  pg_restore
# runs with an empty search_path, recomputes the generated columns and checks
# the constraints while it copies the rows in, and builds the indexes: all of
# that must work, give the same rows, and the constraints and indexes must
# still work afterwards.  Ends with "N passed, M failed".
set -u
cd "$(dirname "$0")/../.."

TAP_DETAIL_LINES=${TAP_DETAIL_LINES:-30}
. test/tap.sh
q() { local db=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }

dbs="govdisc_dr_src_public govdisc_dr_dst_public govdisc_dr_src_schema govdisc_dr_dst_schema"
cleanup() { for db in $dbs; do dropdb --if-exists "$db" 2>/dev/null; done; }
cleanup
work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT

# The project's samples: the ones that add up go into the table, the ones
# that do not are kept to be refused after the restore.
{
	echo "CREATE TABLE staging (name text PRIMARY KEY, body text NOT NULL);"
	for f in test/samples/reports/*; do
		echo "\\set body \`cat '$f'\`"
		echo "INSERT INTO staging VALUES ('$(basename "$f")', :'body');"
	done
} > "$work/load.sql"

# The table of docs/rules.md's "storing reports" pattern, with every kind of
# place a govdisc function can sit in; $1 is the schema prefix of the calls
# ("" when the database's search_path finds them).
table_sql() {
	local p=$1
	cat <<EOF
CREATE TABLE reports (
	name text PRIMARY KEY,
	body text NOT NULL,
	doc jsonb GENERATED ALWAYS AS (${p}govdisc_parse(body)) STORED,
	received bigint GENERATED ALWAYS AS ((${p}govdisc_report(body)).received) STORED,
	parsed_by text GENERATED ALWAYS AS (${p}govdisc_version()) STORED,
	CONSTRAINT adds_up CHECK (${p}govdisc_assert_valid(body)),
	CONSTRAINT doc_valid CHECK (${p}govdisc_is_valid(doc))
);
CREATE INDEX reports_year ON reports ((${p}govdisc_parse(body) ->> 'year'));
CREATE INDEX reports_errors ON reports (((${p}govdisc_report(doc)).error_count));
CREATE INDEX reports_valid ON reports (name) WHERE ${p}govdisc_is_valid(doc);
INSERT INTO reports (name, body) SELECT name, body FROM staging WHERE ${p}govdisc_is_valid(body);
EOF
}

# the rows, as text, for the comparison
rows="SELECT name, md5(body), doc::text, received, parsed_by FROM reports ORDER BY name"

# round_trip KIND: set up govdisc_dr_src_KIND, dump, restore into _dst_KIND, compare
round_trip() {
	local kind=$1 src=govdisc_dr_src_$1 dst=govdisc_dr_dst_$1 prefix= setup out n
	createdb "$src"
	if [ "$kind" = schema ]; then
		# the extension in a schema of its own, found through the database's search_path
		setup="CREATE SCHEMA gd; CREATE EXTENSION govdisc SCHEMA gd; ALTER DATABASE $src SET search_path = public, gd;"
	else
		setup="CREATE EXTENSION govdisc;"
	fi
	q "$src" -c "$setup" || { notok "$kind: setting up $src"; return; }
	if ! out=$( { cat "$work/load.sql"; table_sql "$prefix"; } | q "$src" 2>&1); then
		notok "$kind: a table with govdisc CHECKs, generated columns and indexes" "$out"; return
	fi
	n=$(q "$src" -c "SELECT count(*) FROM reports")
	[ "$n" -gt 5 ] && ok "$kind: $n reports stored through the CHECKs and generated columns" ||
		notok "$kind: more than 5 sample reports add up and are stored" "$n"

	if ! out=$(pg_dump -Fc -f "$work/$kind.dump" "$src" 2>&1); then
		notok "$kind: pg_dump -Fc" "$out"; return
	fi
	# what pg_restore will run: the calls are schema-qualified by pg_dump
	pg_restore -f - --schema-only "$work/$kind.dump" > "$work/$kind.sql"
	local ns=public; [ "$kind" = schema ] && ns=gd
	out=$(grep -E 'CHECK|GENERATED|CREATE INDEX' "$work/$kind.sql")
	if [ "$(echo "$out" | grep -c "$ns\.govdisc_")" = 8 ] &&
		! echo "$out" | grep -Eq '(^|[^.a-z_])govdisc_(parse|report|is_valid|assert_valid|version)\('; then
		ok "$kind: the dump names every govdisc call $ns.govdisc_* (8 places)"
	else
		notok "$kind: the dump names every govdisc call $ns.govdisc_*" "$out"
	fi

	createdb "$dst"
	if ! out=$(pg_restore --exit-on-error --no-owner -d "$dst" "$work/$kind.dump" 2>&1) || [ -n "$out" ]; then
		notok "$kind: pg_restore into a fresh database, without an error" "$out"; return
	fi
	ok "$kind: pg_restore into a fresh database, without an error"
	[ "$kind" = schema ] && q "$dst" -c "ALTER DATABASE $dst SET search_path = public, gd"

	q "$src" -c "$rows" > "$work/$kind.src.txt"
	q "$dst" -c "$rows" > "$work/$kind.dst.txt"
	if [ -s "$work/$kind.src.txt" ] && cmp -s "$work/$kind.src.txt" "$work/$kind.dst.txt"; then
		ok "$kind: the restored rows (documents and generated columns) are the dumped ones"
	else
		notok "$kind: the restored rows are the dumped ones" "$(diff "$work/$kind.src.txt" "$work/$kind.dst.txt" | cut -c1-200)"
	fi

	# The constraints still refuse: a report that does not add up
	out=$(q "$dst" -c "\\set VERBOSITY default" \
		-c "INSERT INTO reports (name, body) SELECT 'bad ' || name, body FROM staging WHERE name LIKE '%does-not-add-up%'" 2>&1)
	echo "$out" | grep -q 'ERROR:  report does not satisfy the govdisc accounting rules' &&
		ok "$kind: after the restore, the CHECK refuses a report that does not add up" ||
		notok "$kind: after the restore, the CHECK refuses a report that does not add up" "$out"

	# ... and accept one that does, computing its generated columns
	out=$(q "$dst" -c "INSERT INTO reports (name, body) SELECT 'again ' || name, body FROM reports ORDER BY name LIMIT 1" \
		-c "SELECT count(*) FROM reports a JOIN reports b ON b.name = 'again ' || a.name
			WHERE a.doc = b.doc AND a.received IS NOT DISTINCT FROM b.received
			AND b.parsed_by = govdisc_version() AND b.parsed_by LIKE '% (parser %)'" 2>&1)
	[ "$out" = 1 ] && ok "$kind: after the restore, a new row gets its generated columns" ||
		notok "$kind: after the restore, a new row gets its generated columns" "$out"

	# The indexes are there, used, and give the answers of the source
	local year errors
	year=$(q "$src" -c "SELECT govdisc_parse(body) ->> 'year' FROM reports ORDER BY name LIMIT 1")
	local sel="SELECT string_agg(name, ',' ORDER BY name) FROM reports WHERE govdisc_parse(body) ->> 'year' = '$year' AND name NOT LIKE 'again %'"
	out=$(q "$dst" -c "SET enable_seqscan = off" -c "EXPLAIN (COSTS OFF) $sel")
	if echo "$out" | grep -q 'reports_year' && [ "$(q "$dst" -c "SET enable_seqscan = off" -c "$sel")" = "$(q "$src" -c "$sel")" ]; then
		ok "$kind: the expression index on govdisc_parse is restored, used, and gives the source's rows"
	else
		notok "$kind: the expression index on govdisc_parse is restored, used, and gives the source's rows" "$out"
	fi
	out=$(q "$dst" -c "SELECT count(*) FROM pg_indexes WHERE tablename = 'reports' AND indexname IN ('reports_year', 'reports_errors', 'reports_valid')" \
		-c "SELECT count(*) FROM pg_constraint WHERE conrelid = 'public.reports'::regclass AND contype = 'c' AND convalidated")
	[ "$(echo $out)" = "3 2" ] && ok "$kind: three indexes and two validated CHECKs restored" ||
		notok "$kind: three indexes and two validated CHECKs restored" "$(echo $out)"
}

round_trip public
round_trip schema

tap_done

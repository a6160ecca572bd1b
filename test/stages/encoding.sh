#!/usr/bin/env bash
# Databases whose encoding is not UTF8 (make test runs this inside a
# throwaway cluster).  The core reads UTF-8 only; the fmgr layer converts the
# text in and the document's strings out.  For each encoding the extension
# must either work — every report parses to the document it gives in a UTF8
# database, compared as UTF-8 on the client — or refuse with one clear error
# (a message that names the encoding).  Mojibake, a crash or a different
# document is a failure.
#   EUC_CN     (createdb -E EUC_CN -T template0 --locale=C): simplified
#              Chinese, holds nearly every report
#   SQL_ASCII  no conversion at all: bytes reach the core unchecked, so
#              malformed UTF-8 must give a document or an error, not a crash
# Ends with "N passed, M failed".
set -u
cd "$(dirname "$0")/../.."
shared=../shared
export PGCLIENTENCODING=UTF8

TAP_DETAIL_LINES=20
. test/tap.sh
q() { local db=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }
# qv DB SQL [psql options]: SQL from stdin, so that :'var' is interpolated
qv() { local db=$1 sql=$2; shift 2; echo "$sql" | q "$db" "$@"; }

utf8=govdisc_enc_utf8
dbs="$utf8 govdisc_enc_euc_cn govdisc_enc_sql_ascii"
cleanup() { for db in $dbs; do dropdb --if-exists "$db" 2>/dev/null; done; }
cleanup
trap cleanup EXIT

reports=$(ls test/samples/reports/* 2>/dev/null)
[ -z "$reports" ] && reports=$(ls "$shared"/corpus/reports/* 2>/dev/null)
nreports=$(echo "$reports" | grep -c .)
echo "# $nreports reports from $(dirname "$(echo "$reports" | head -1)")"

createdb -E UTF8 -T template0 --locale=C "$utf8"
q "$utf8" -c "CREATE EXTENSION govdisc" >/dev/null

# A clear refusal names the encoding the extension needs or met.  An
# "invalid byte sequence" while installing or parsing valid text is not a
# refusal but a bug: the script or a string was read in the wrong encoding.
clear_error() { [[ "$1" == *ERROR* ]] && [[ "$1" =~ (UTF8|UTF-8|encoding) ]]; }
refusal() { clear_error "$1" && [[ "$1" != *"invalid byte sequence"* ]]; }

# What the UTF8 database says, to compare with.
describe="SELECT pg_catalog.string_agg(p.oid::regprocedure || ': ' || coalesce(obj_description(p.oid, 'pg_proc'), '(none)'), E'\n' ORDER BY p.oid::regprocedure::text)
	FROM pg_proc p WHERE p.proname LIKE 'govdisc%'"
want_describe=$(q "$utf8" -c "$describe")
# (hashed and ordered as UTF-8, which the database's encoding must not change)
labels="SELECT coalesce(md5(convert_to(string_agg(l::text, '|' ORDER BY convert_to(l::text, 'UTF8')), 'UTF8')), 'no table') FROM govdisc_labels l"
want_labels=$(q "$utf8" -c "$labels" 2>/dev/null || echo "no table")

for enc in EUC_CN SQL_ASCII; do
	db=govdisc_enc_$(echo "$enc" | tr 'A-Z' 'a-z')
	echo "# $enc"
	createdb -E "$enc" -T template0 --locale=C "$db"
	if ! out=$(q "$db" -c "CREATE EXTENSION govdisc" 2>&1); then
		if refusal "$out"; then
			ok "$enc: CREATE EXTENSION refuses with a clear error: $out"
		elif [[ "$out" == *"invalid byte sequence"* ]]; then
			notok "$enc: CREATE EXTENSION reads the install script in the database's encoding (govdisc.control needs encoding = UTF8)" "$out"
		else
			notok "$enc: CREATE EXTENSION fails without saying why" "$out"
		fi
		continue
	fi
	ok "$enc: CREATE EXTENSION"
	got=$(q "$db" -c "$describe" 2>&1)
	[ "$got" = "$want_describe" ] && ok "$enc: the functions' comments read as in UTF8" ||
		notok "$enc: the functions' comments read as in UTF8 (is encoding = UTF8 in govdisc.control?)" \
			"$(diff <(echo "$want_describe") <(echo "$got") | head -6)"
	got=$(q "$db" -c "$labels" 2>/dev/null || echo "no table")
	[ "$got" = "$want_labels" ] && ok "$enc: govdisc_labels reads as in UTF8" ||
		notok "$enc: govdisc_labels reads as in UTF8" "UTF8: $want_labels, $enc: $got"

	q "$db" -c "CREATE TABLE r (name text, body text)" >/dev/null
	same=0
	differ=0
	refused=0
	skipped=0
	for f in $reports; do
		name=$(basename "$f")
		if ! out=$(qv "$db" "INSERT INTO r VALUES (:'name', :'body')" \
			-v body="$(cat "$f")" -v name="$name" 2>&1); then
			skipped=$((skipped + 1))	# a character EUC_CN has not
			echo "#   $name: not stored in $enc ($(echo "$out" | head -1))"
			continue
		fi
		want=$(qv "$utf8" "SELECT govdisc_parse(:'body')::text" -v body="$(cat "$f")" 2>&1)
		got=$(qv "$db" "SELECT govdisc_parse(body)::text FROM r WHERE name = :'name'" -v name="$name" 2>&1)
		if [ "$got" = "$want" ]; then
			same=$((same + 1))
		elif refusal "$got"; then
			refused=$((refused + 1))
			echo "#   $name: refused: $got"
		else
			differ=$((differ + 1))
			notok "$enc: $name parses as in UTF8" "$(diff <(echo "$want" | tr ',' '\n') <(echo "$got" | tr ',' '\n') | head -12)"
		fi
	done
	echo "#   $enc: $same reports give the UTF8 document, $refused refused, $differ differ, $skipped not storable"
	if [ "$differ" = 0 ] && [ "$same" -gt 0 ] && [ "$refused" = 0 ]; then
		ok "$enc: all $same storable reports give the document they give in UTF8"
	elif [ "$differ" = 0 ] && [ "$same" = 0 ] && [ "$refused" -gt 0 ]; then
		ok "$enc: every report is refused with a clear error"
	elif [ "$differ" = 0 ]; then
		notok "$enc: works for some reports ($same) and refuses others ($refused)"
	fi

	# Substrings at the document's positions are the same text in both.
	# (Not in SQL_ASCII, where substr counts bytes: positions count characters.)
	[ "$enc" = SQL_ASCII ] && continue
	f=$(echo "$reports" | head -1)
	pos="SELECT string_agg(substr(b, (s->>'start')::int, 8), '|') FROM (SELECT body AS b,
		govdisc_parse(body) AS d FROM r WHERE name = '$(basename "$f")') x, jsonb_array_elements(d->'sections') s"
	want=$(qv "$utf8" "SELECT string_agg(substr(:'body', (s->>'start')::int, 8), '|')
		FROM jsonb_array_elements(govdisc_parse(:'body')->'sections') s" -v body="$(cat "$f")" 2>&1)
	got=$(q "$db" -c "$pos" 2>&1)
	[ "$got" = "$want" ] && ok "$enc: section positions count characters, not bytes (${want:-no sections yet})" ||
		notok "$enc: section positions count characters, not bytes" "UTF8: $want
$enc: $got"
done

# SQL_ASCII passes bytes through: text that is not UTF-8 reaches the core.
db=govdisc_enc_sql_ascii
if q "$db" -c "SELECT 1 FROM pg_extension WHERE extname = 'govdisc'" 2>/dev/null | grep -q 1; then
	# a lone 0xff, a truncated sequence at the end, and GB18030 text
	for hex in fffee8a1 e8a1a8e4b8 b1edc8fd20d2bba1a2b1bec4ead0c2cad5d5feb8aed0c5cfa2b9abbfaac9eac7ebcafdc1bf2037; do
		out=$(q "$db" -c "SELECT jsonb_typeof(govdisc_parse(convert_from('\\x$hex'::bytea, 'SQL_ASCII')))" 2>&1)
		if [ "$out" = object ] || clear_error "$out"; then
			ok "SQL_ASCII: bytes $hex (not UTF-8) give a document or a clear error: $(echo "$out" | head -1)"
		else
			notok "SQL_ASCII: bytes $hex (not UTF-8) give a document or a clear error" "$out"
		fi
	done
	out=$(psql -X -At -d "$db" -c "SELECT 1" 2>&1)
	[ "$out" = 1 ] && ok "SQL_ASCII: the server is still up" || notok "SQL_ASCII: the server is still up" "$out"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

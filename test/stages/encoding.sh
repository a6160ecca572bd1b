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
#   SQL_ASCII  no conversion at all: text is read as UTF-8, and bytes that
#              are not UTF-8 give one clear error (SQLSTATE 22021, a DETAIL
#              saying where), never a crash or garbage
# Beyond the document, every function's answer (govdisc_report, sections,
# cells, requests, render, check messages, assert_valid's message) is
# compared with the UTF8 database's, and clients in GBK and GB18030 get the
# same answers (converted) wherever PostgreSQL converts their encoding.
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

# Every answer about one report, as one text (compared as UTF-8).
fingerprint="CREATE FUNCTION fp(body text) RETURNS text LANGUAGE sql AS \$\$
SELECT concat_ws(E'\\n--\\n',
	govdisc_report(body)::text, govdisc_report(govdisc_parse(body))::text,
	(SELECT string_agg(concat_ws(':', no, title, md5(convert_to(s.body, 'UTF8'))), '|') FROM govdisc_sections(body) s),
	(SELECT string_agg(concat_ws(':', tbl, row_key, col_key, label, value), '|') FROM govdisc_cells(body)),
	(SELECT string_agg(concat_ws(':', tbl, row_key, col_key, label, value), '|') FROM govdisc_cells(govdisc_parse(body))),
	(SELECT string_agg(concat_ws(':', row_key, label, natural_person, total), '|') FROM govdisc_requests(govdisc_parse(body))),
	govdisc_render(govdisc_parse(body), 'text'), govdisc_render(govdisc_parse(body), 'markdown'),
	govdisc_render(govdisc_parse(body), 'html'),
	(SELECT string_agg(concat_ws(':', rule, severity, tbl, row_key, col_key, expected, actual, message), '|') FROM govdisc_check(body)),
	(SELECT string_agg(concat_ws(':', rule, severity, tbl, row_key, col_key, expected, actual, message), '|') FROM govdisc_check(govdisc_parse(body))),
	govdisc_is_valid(body)::text, govdisc_is_valid(govdisc_parse(body))::text)
\$\$"
q "$utf8" -c "$fingerprint" >/dev/null

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
	q "$db" -c "$fingerprint" >/dev/null
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
		want=$(qv "$utf8" "SELECT govdisc_parse(:'body')::text || fp(:'body')" -v body="$(cat "$f")" 2>&1)
		got=$(qv "$db" "SELECT govdisc_parse(body)::text || fp(body) FROM r WHERE name = :'name'" -v name="$name" 2>&1)
		if [ "$got" = "$want" ]; then
			same=$((same + 1))
		elif refusal "$got"; then
			refused=$((refused + 1))
			echo "#   $name: refused: $got"
		else
			differ=$((differ + 1))
			notok "$enc: $name gives every answer it gives in UTF8" "$(diff <(echo "$want" | tr ',|' '\n\n') <(echo "$got" | tr ',|' '\n\n') | head -12)"
		fi
	done
	echo "#   $enc: $same reports give the UTF8 document, $refused refused, $differ differ, $skipped not storable"
	if [ "$differ" = 0 ] && [ "$same" -gt 0 ] && [ "$refused" = 0 ]; then
		ok "$enc: all $same storable reports give the document, agency, sections, cells, renderings and check messages they give in UTF8"
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

# A report that fails: the refusal (assert_valid's message) reads alike.
# (a sample EUC_CN can hold: no — in it)
damaged=$(sed 's/申请数量 128 2/申请数量 12O 2/' test/samples/reports/spaced-2021-variants.txt 2>/dev/null)
if [ -n "$damaged" ]; then
	want=$(qv "$utf8" "SELECT govdisc_assert_valid(:'body')" -v body="$damaged" 2>&1)
	[[ "$want" == *"values.unreadable"*"12O"* ]] && ok "UTF8: a damaged cell (12O) is refused: $(echo "$want" | sed -n 2p)" ||
		notok "UTF8: a damaged cell (12O) is refused" "$want"
	for db in govdisc_enc_euc_cn govdisc_enc_sql_ascii; do
		got=$(qv "$db" "SELECT govdisc_assert_valid(:'body')" -v body="$damaged" 2>&1)
		[ "$got" = "$want" ] && ok "$db: the same refusal as in UTF8" ||
			notok "$db: the same refusal as in UTF8" "$(diff <(echo "$want") <(echo "$got"))"
	done
fi

# Clients in GBK and GB18030: the text goes in converted, the answers come
# back converted, and read as UTF-8 they are the UTF8 client's.  Where
# PostgreSQL has no conversion between the client's and the database's
# encoding (EUC_CN and GBK) it refuses the client encoding itself.
f=test/samples/reports/spaced-2021-variants.txt
for cenc in GBK GB18030; do
	body=$(iconv -f UTF-8 -t "$cenc" "$f" 2>/dev/null) || { skip "$cenc client: $f is not representable"; continue; }
	for db in $utf8 govdisc_enc_euc_cn; do
		want=$(PGCLIENTENCODING=UTF8 qv "$db" "SELECT fp(:'body')" -v body="$(cat "$f")" 2>&1)
		got=$(echo "SELECT fp(:'body')" | PGCLIENTENCODING=$cenc psql -X -q -At -d "$db" -v body="$body" 2>&1 | iconv -f "$cenc" -t UTF-8 2>&1)
		if [ "$got" = "$want" ]; then
			ok "$cenc client, $db: the same answers as a UTF8 client"
		elif [[ "$got" == *"conversion between"*"not supported"* ]]; then
			ok "$cenc client, $db: PostgreSQL refuses the client encoding: $(echo "$got" | head -1)"
		else
			notok "$cenc client, $db: the same answers as a UTF8 client" "$(diff <(echo "$want" | tr '|' '\n') <(echo "$got" | tr '|' '\n') | head -8)"
		fi
	done
	# SQL_ASCII converts nothing: PostgreSQL refuses the non-ASCII bytes of
	# a client whose encoding is not ASCII-safe (GBK) before govdisc sees
	# them; were they stored, they are not UTF-8, and govdisc says so
	got=$(echo "SELECT govdisc_is_valid(:'body')" | PGCLIENTENCODING=$cenc psql -X -q -At -d govdisc_enc_sql_ascii -v body="$body" 2>&1 | iconv -f "$cenc" -t UTF-8 2>&1)
	[[ "$got" == *'ERROR:  invalid byte value for encoding "SQL_ASCII"'* ||
		"$got" == *"ERROR:  report text is not valid UTF-8"*"DETAIL:  The database encoding is SQL_ASCII"* ]] &&
		ok "$cenc client, SQL_ASCII: the text is refused with a clear error: $(echo "$got" | head -1)" ||
		notok "$cenc client, SQL_ASCII: the text is refused with a clear error" "$got"
done

# SQL_ASCII: the error on bytes that are not UTF-8, exactly
db=govdisc_enc_sql_ascii
got=$(psql -X -q -At -d "$db" -v VERBOSITY=verbose -c "\\set VERBOSITY verbose" \
	-c "SELECT govdisc_parse(convert_from('\\xe8a1a8ff20'::bytea, 'SQL_ASCII'))" 2>&1)
want='ERROR:  22021: report text is not valid UTF-8
DETAIL:  The database encoding is SQL_ASCII, where govdisc reads text as UTF-8; the byte sequence 0xff at byte 4 is not UTF-8.'
[[ "$got" == "$want"* ]] && ok "SQL_ASCII: bytes that are not UTF-8 give 22021 with a DETAIL saying where" ||
	notok "SQL_ASCII: bytes that are not UTF-8 give 22021 with a DETAIL saying where" "$got"
# a string of a stored document that is not UTF-8
got=$(psql -X -q -At -d "$db" -c "SELECT govdisc_report(('{\"schema\": 1, \"agency\": \"' || convert_from('\\xb1edc8fd'::bytea, 'SQL_ASCII') || '\"}')::jsonb)" 2>&1)
[[ "$got" == *'ERROR:  string "agency" of the document is not valid UTF-8'*DETAIL* ]] &&
	ok "SQL_ASCII: a document string that is not UTF-8 is refused: $(echo "$got" | head -1)" ||
	notok "SQL_ASCII: a document string that is not UTF-8 is refused" "$got"
# valid UTF-8 is read as such: the agency of a document as stored
got=$(PGCLIENTENCODING=UTF8 psql -X -q -At -d "$db" -c "SELECT (govdisc_report('{\"schema\": 1, \"agency\": \"宜春市人民防空办公室\"}'::jsonb)).agency" 2>&1)
[ "$got" = "宜春市人民防空办公室" ] && ok "SQL_ASCII: a document's agency reads as stored" ||
	notok "SQL_ASCII: a document's agency reads as stored" "$got"
got=$(PGCLIENTENCODING=UTF8 psql -X -q -At -d govdisc_enc_euc_cn -c "SELECT (govdisc_report('{\"schema\": 1, \"agency\": \"宜春市人民防空办公室\"}'::jsonb)).agency" 2>&1)
[ "$got" = "宜春市人民防空办公室" ] && ok "EUC_CN: a document's agency reads as stored" ||
	notok "EUC_CN: a document's agency reads as stored" "$got"
out=$(psql -X -At -d "$db" -c "SELECT 1" 2>&1)
[ "$out" = 1 ] && ok "SQL_ASCII: the server is still up" || notok "SQL_ASCII: the server is still up" "$out"

# Every text the core writes into a document (messages, labels, titles) is
# made of its string literals and the report's own characters: a literal
# with a character EUC_CN has not would make a parse fail in an EUC_CN
# database on any report that draws that message (U+00B7 · did, in a 表四
# message).  The place names of divisions_data.c are data, not messages;
# the dashes and 〇 are marks the parser reads (placeholders, year digits),
# never writes.
grep -oh '"[^"]*"' $(ls src/core/*.c src/core/parse/*.c | grep -v divisions_data) |
	LC_ALL=C grep -P '[\x80-\xff]' | sed 's/^"//; s/"$//' | sort -u > "${TMPDIR:-/tmp}/govdisc_literals.$$"
nlit=$(grep -c . "${TMPDIR:-/tmp}/govdisc_literals.$$")
bad=$(q "$utf8" -c "CREATE TEMP TABLE lit (s text)" \
	-c "\\copy lit FROM '${TMPDIR:-/tmp}/govdisc_literals.$$' WITH (FORMAT text)" \
	-c "DO \$\$ DECLARE r record; b text := ''; BEGIN
		FOR r IN SELECT s FROM lit WHERE s NOT IN ('–', '—', '——', '〇') LOOP
			BEGIN PERFORM convert_to(r.s, 'EUC_CN');
			EXCEPTION WHEN OTHERS THEN b := b || r.s || ' '; END;
		END LOOP;
		RAISE NOTICE 'bad:%', b; END \$\$" 2>&1 | sed -n 's/.*bad://p')
rm -f "${TMPDIR:-/tmp}/govdisc_literals.$$"
[ "$nlit" -gt 100 ] && [ -z "$bad" ] &&
	ok "EUC_CN holds every one of the core's $nlit non-ASCII string literals" ||
	notok "EUC_CN holds every one of the core's $nlit non-ASCII string literals" "not: $bad"

tap_done

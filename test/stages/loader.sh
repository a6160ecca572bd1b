#!/usr/bin/env bash
# govdisc-load (issue 17) on a folder as users have it: the two published
# PDFs (../shared/corpus/pdf, skipped when absent) under a name with spaces
# and Chinese and a name with an apostrophe, nested folders, a .docx the test
# makes itself (with tables and merged cells), a web page in UTF-8 and the
# same page in GBK, a GBK web page named .doc (as portals serve them), Word text as UTF-16 with a BOM, and three bad files: an
# empty one, a truncated PDF and random bytes.  The good files load once
# each, the bad ones are named with their reason, the exit code says so, a
# second run loads nothing new, and every loaded report parses to its gold
# (compared cell by cell as score-corpus does).  Then: batches are whole
# transactions (a run stopped halfway leaves whole batches and the rerun
# loads the rest), a file the table refuses does not keep the others out,
# and usage and connection errors exit 2.  Run by test/db-tests.sh inside
# pg_virtualenv.
set -u
cd "$(dirname "$0")/../.."
here=$PWD
shared=../shared
. test/tap.sh
loader=$(pg_config --bindir)/govdisc-load
[ -x "$loader" ] || die "govdisc-load is installed in $(pg_config --bindir)" "run make install"

db=govdisc_loader
work=$(mktemp -d)
cleanup() { rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1; }
trap cleanup EXIT
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db" || exit 1
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
q -c "CREATE EXTENSION govdisc" || exit 1
# check NAME GOT WANT
check() { [ "$2" = "$3" ] && ok "$1" || notok "$1" "got:    $2
wanted: $3"; }

# ---- the folder ----
top="$work/年报 下载"
mkdir -p "$top/2023/nested/deeper" "$top/word" "$top/web" "$top/bad"
samples=test/samples/reports
have_pdf=0
if [ -f "$shared/corpus/pdf/hongze-district-2023.pdf" ] && [ -f "$shared/corpus/pdf/hongze-district-2024.pdf" ]; then
	have_pdf=1
	cp "$shared/corpus/pdf/hongze-district-2023.pdf" "$top/2023/洪泽区 2023年 政府信息公开年报.pdf"
	cp "$shared/corpus/pdf/hongze-district-2024.pdf" "$top/2023/nested/deeper/hongze's 2024 report.pdf"
else
	skip "the published PDFs: $shared/corpus/pdf does not exist"
fi
python3 test/stages/loader/make_docx.py "$samples/html-2021-blank-orgs.html" "$top/word/云岫县 人社局 2024.docx" ||
	die "make_docx.py builds a .docx"
iconv -f UTF-8 -t UTF-16 "$samples/word-2019-vertical-units.txt" > "$top/word/word text utf16.txt"
cp "$samples/html-2019-header-unit.html" "$top/web/page-utf8.html"
# the same page saved by a GBK site: an old-style http-equiv declaration
sed 's|<meta charset="utf-8">|<meta http-equiv="Content-Type" content="text/html; charset=gb2312">|' \
	"$samples/html-2019-header-unit.html" | iconv -f UTF-8 -t GBK > "$top/web/page-gbk.htm"
grep -q 'charset=gb2312' "$top/web/page-gbk.htm" || die "the GBK page declares its charset"
# what portals serve as .doc is often a web page: this one in GBK
sed 's|<meta charset="utf-8">|<meta charset="GBK">|' "$samples/html-2019-does-not-add-up.html" |
	iconv -f UTF-8 -t GBK > "$top/word/旧版 年报.doc"
: > "$top/bad/empty.pdf"
printf '%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa' > "$top/bad/truncated.pdf"
python3 -c 'import random, sys; sys.stdout.buffer.write(random.Random(17).randbytes(4096))' > "$top/bad/random bytes.txt"
echo "not a report" > "$top/notes.xlsx"
good=$((5 + 2 * have_pdf))

# ---- the first run ----
"$loader" -d "$db" "$top" > "$work/out1" 2> "$work/err1"
rc=$?
check "first run: exit 1 (some files failed)" "$rc" 1
check "first run: three lines on stderr" "$(wc -l < "$work/err1")" 3
check "empty file named with its reason" "$(grep -c "^govdisc-load: $top/bad/empty.pdf: empty file$" "$work/err1")" 1
check "truncated PDF named with its reason" \
	"$(grep -c "^govdisc-load: $top/bad/truncated.pdf: damaged PDF: pdftotext failed (exit 1): " "$work/err1")" 1
check "random bytes named with their reason" \
	"$(grep -cE "^govdisc-load: $top/bad/random bytes.txt: (binary data|not text in UTF-8)" "$work/err1")" 1
check "first run: every good file loaded" "$(grep -c '^loaded ' "$work/out1")" "$good"
check "first run: the .xlsx skipped with its reason" \
	"$(grep -c "^skipped  -        $top/notes.xlsx (not a report format: .xlsx)$" "$work/out1")" 1
check "first run: summary" "$(grep '^[0-9]* loaded, ' "$work/out1")" \
	"$good loaded, 0 already present, 3 failed, 1 skipped (into govdisc_reports)"
check "the table holds each good file once, under its path as given" \
	"$(q -c "SELECT count(*), count(DISTINCT file), count(DISTINCT sha256) FROM govdisc_reports")" "$good|$good|$good"
check "the .docx row" "$(q -c "SELECT format, coalesce(encoding, 'null') FROM govdisc_reports
	WHERE file = '$top/word/云岫县 人社局 2024.docx'")" "docx|null"
check "the web page named .doc is read as a page, in GB18030" \
	"$(q -c "SELECT format, encoding FROM govdisc_reports WHERE file LIKE '%.doc'")" "doc|GB18030"
check "the GBK page is read as GB18030, the UTF-8 page as UTF-8" \
	"$(q -c "SELECT string_agg(encoding, ',' ORDER BY file) FROM govdisc_reports WHERE format = 'html'")" "GB18030,UTF-8"
check "the UTF-16 Word text is read as UTF-16LE" \
	"$(q -c "SELECT encoding FROM govdisc_reports WHERE file LIKE '%utf16.txt'")" "UTF-16LE"
check "sha256 is the SHA-256 of the file's bytes" \
	"$(q -c "SELECT encode(sha256, 'hex') FROM govdisc_reports WHERE file LIKE '%page-utf8.html'")" \
	"$(sha256sum "$top/web/page-utf8.html" | cut -d' ' -f1)"
# (the GBK page's <meta> is longer, so positions in the text differ)
check "the GBK page decodes to the UTF-8 page's text exactly, and parses to the same tables" \
	"$(q -c "SELECT count(DISTINCT replace(body, '<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">', '<meta charset=\"utf-8\">')),
		count(DISTINCT doc - 'sections' - 'diagnostics') FROM govdisc_reports WHERE format = 'html'")" "1|1"
check "the table and its columns are documented" \
	"$(q -c "SELECT obj_description('govdisc_reports'::regclass, 'pg_class') IS NOT NULL,
		(SELECT count(*) FROM pg_attribute WHERE attrelid = 'govdisc_reports'::regclass AND attnum > 0
		   AND NOT attisdropped AND col_description(attrelid, attnum) IS NULL)")" "t|0"

# ---- every loaded report against its gold ----
# gold FILE-PATTERN GOLD.json
gold() {
	local doc
	doc=$(q -c "SELECT doc FROM govdisc_reports WHERE file LIKE '$1'")
	[ -n "$doc" ] || { notok "$1 parses to $(basename "$2")" "no row"; return; }
	out=$(printf '%s' "$doc" | python3 test/stages/loader/compare_gold.py "$2")
	[ $? = 0 ] && ok "$1 parses to $(basename "$2"): $(head -1 <<< "$out")" || notok "$1 parses to $(basename "$2")" "$out"
}
if [ "$have_pdf" = 1 ]; then
	gold "%洪泽区 2023年 政府信息公开年报.pdf" "$shared/corpus/gold/hongze-district-2023.json"
	gold "%hongze''s 2024 report.pdf" "$shared/corpus/gold/hongze-district-2024.json"
	check "the 2023 PDF is reported as not passing the checks (review.sum, as its text does)" \
		"$(grep -c "^  $top/2023/洪泽区 2023年 政府信息公开年报.pdf: review.sum$" "$work/out1")" 1
fi
gold "%.docx" test/samples/gold/html-2021-blank-orgs.json
gold "%page-utf8.html" test/samples/gold/html-2019-header-unit.json
gold "%page-gbk.htm" test/samples/gold/html-2019-header-unit.json
gold "%utf16.txt" test/samples/gold/word-2019-vertical-units.json
gold "%旧版 年报.doc" test/samples/gold/html-2019-does-not-add-up.json

# ---- the second run: nothing new ----
"$loader" -d "$db" -j 1 "$top" > "$work/out2" 2> "$work/err2"
rc=$?
check "second run: exit 1 (the bad files still fail)" "$rc" 1
check "second run: the same three named" "$(wc -l < "$work/err2")" 3
check "second run: nothing loaded" "$(grep '^[0-9]* loaded, ' "$work/out2")" \
	"0 loaded, $good already present, 3 failed, 1 skipped (into govdisc_reports)"
check "second run: says so" "$(grep -c '^nothing new: ' "$work/out2")" 1
check "second run: the table is unchanged" "$(q -c "SELECT count(*) FROM govdisc_reports")" "$good"
"$loader" -d "$db" --quiet "$top/web" "$top/word" > "$work/out3" 2> "$work/err3"
rc=$?
check "good files only, already loaded: exit 0" "$rc" 0
check "--quiet: nothing on stdout or stderr" "$(cat "$work/out3" "$work/err3")" ""
"$loader" -d "$db" -q "$top" > "$work/out4" 2> "$work/err4"
check "--quiet: the errors still on stderr" "$(cat "$work/out4"; wc -l < "$work/err4")" 3

# ---- batches are transactions ----
# 150 distinct reports; each row takes 20 ms in a trigger, so a batch of 64
# takes over a second and the run is stopped while a batch is open.
mkdir "$work/many"
for i in $(seq 1 150); do
	{ cat "$samples/word-2021-blank-orgs.txt"; printf '\n附：第%d号\n' "$i"; } > "$work/many/r$i.txt"
done
q -c "CREATE TABLE slow (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, file text NOT NULL,
		sha256 bytea NOT NULL UNIQUE, format text NOT NULL, encoding text, body text NOT NULL,
		loaded_at timestamptz NOT NULL DEFAULT now(), doc jsonb GENERATED ALWAYS AS (govdisc_parse(body)) STORED)" \
	-c "CREATE FUNCTION slow_down() RETURNS trigger LANGUAGE plpgsql AS \$\$BEGIN PERFORM pg_sleep(0.02); RETURN NEW; END\$\$" \
	-c "CREATE TRIGGER slow BEFORE INSERT ON slow FOR EACH ROW EXECUTE FUNCTION slow_down()"
"$loader" -d "$db" -t public.slow -j 2 "$work/many" > "$work/out5" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
	grep -q '^loaded ' "$work/out5" 2>/dev/null && break
	sleep 0.05
done
kill -TERM "$pid" 2>/dev/null   # (a background job of a script ignores SIGINT)
wait "$pid"
check "a run stopped halfway says so" \
	"$(grep -c '^govdisc-load: interrupted: the files of committed batches are loaded; run the same command again to load the rest$' "$work/out5")" 1
n=$(q -c "SELECT count(*) FROM slow")
[ "$n" -gt 0 ] && [ "$n" -lt 150 ] && [ $((n % 64)) = 0 ] &&
	ok "a run stopped halfway leaves whole batches ($n of 150 files)" ||
	notok "a run stopped halfway leaves whole batches" "$n rows"
check "each row stopped halfway is whole" \
	"$(q -c "SELECT count(*) FROM slow WHERE body NOT LIKE '%附：第' || substring(file from 'r([0-9]+)[.]txt$') || '号' || E'\\n'
		OR doc->>'agency' IS NULL")" 0
q -c "DROP TRIGGER slow ON slow"
"$loader" -d "$db" -t public.slow "$work/many" > "$work/out6" 2>&1
check "the rerun loads the rest" "$(grep '^[0-9]* loaded, ' "$work/out6")" \
	"$((150 - n)) loaded, $n already present, 0 failed, 0 skipped (into public.slow)"
check "all 150, once each" "$(q -c "SELECT count(*), count(DISTINCT body) FROM slow")" "150|150"

# ---- a file the table refuses does not keep the others out ----
q -c "CREATE TABLE picky (LIKE slow INCLUDING ALL)" -c "ALTER TABLE picky ADD CHECK (body NOT LIKE '%附：第7号%')"
"$loader" -d "$db" -t picky "$work/many" > "$work/out7" 2> "$work/err7"
rc=$?
check "a refused file: exit 1" "$rc" 1
check "a refused file: named with the server's reason" \
	"$(grep -c "^govdisc-load: $work/many/r7.txt: cannot load: ERROR:  new row for relation \"picky\" violates check constraint" "$work/err7")" 1
check "a refused file: the other 149 loaded" "$(q -c "SELECT count(*) FROM picky")" 149

# ---- --text: what the parser is given, without a database ----
out=$(PGHOST=/nonexistent "$loader" --text "$top/word/云岫县 人社局 2024.docx")
check "--text: the .docx's text with no server, title first" "$?|$(head -1 <<< "$out")" \
	"0|云岫县人力资源和社会保障局2024年政府信息公开工作年度报告"
check "--text: a table row as Word saves it, a cell per line behind a tab" \
	"$(grep -A3 '^	一、本年新收政府信息公开申请数量$' <<< "$out" | tr '\t\n' '>|')" \
	">一、本年新收政府信息公开申请数量|>300|>|>|"

# ---- usage and connection errors: exit 2 ----
"$loader" -d "$db" > /dev/null 2>&1
check "no path: exit 2" "$?" 2
"$loader" -d "$db" --no-such-option "$top" > /dev/null 2>&1
check "an unknown option: exit 2" "$?" 2
"$loader" -d "$db" -j 0 "$top" > /dev/null 2>&1
check "-j 0: exit 2" "$?" 2
"$loader" -d "$db" -h /nonexistent "$top" > /dev/null 2> "$work/err8"
check "no server: exit 2" "$?" 2
check "no server: libpq's message" "$(grep -c 'connection to server on socket "/nonexistent/' "$work/err8")" 1
createdb "${db}_bare"
"$loader" -d "${db}_bare" "$top" > /dev/null 2> "$work/err9"
check "no extension: exit 2" "$?" 2
check "no extension: says what to do" "$(cat "$work/err9")" \
	"govdisc-load: the govdisc extension is not installed in database \"${db}_bare\" (run CREATE EXTENSION govdisc there first)"
dropdb "${db}_bare"
"$loader" -d "$db" "$work/does not exist" "$top/web" > "$work/out10" 2> "$work/err10"
check "a path that does not exist: named, the rest still read, exit 1" \
	"$?|$(cat "$work/err10")" "1|govdisc-load: $work/does not exist: No such file or directory"
tap_done

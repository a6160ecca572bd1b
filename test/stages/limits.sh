#!/usr/bin/env bash
# Limits (make test runs this inside a throwaway cluster):
#  - time linear in the size of the input and memory bounded by it, for
#    generated reports of LIMITS_SIZES MB (default "1 10 50"; PostgreSQL's
#    text limit is 1 GB: LIMITS_SIZES="1 10 50 200 1000" runs up to it), in
#    two shapes: one report whose part 一 is padded with prose ("prose"), and
#    a report repeated ("repeat");
#  - a long parse answers statement_timeout and pg_cancel_backend promptly
#    (LIMITS_CANCEL_MB, default 200): the core ticks, the backend checks for
#    interrupts in the tick;
#  - hostile HTML (rowspan/colspan of 999999999, nesting 200000 deep) and
#    cells with thousands of digits or values past bigint give a document
#    with diagnostics: no error, no crash, no huge allocation.
# Timings and memory are printed; the bounds asserted are generous.
# Ends with "N passed, M failed".
set -u
cd "$(dirname "$0")/../.."
shared=../shared
sizes=${LIMITS_SIZES:-1 10 50}
cancel_mb=${LIMITS_CANCEL_MB:-200}

TAP_DETAIL_LINES=20
. test/tap.sh
db=govdisc_limits
q() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }
now() { date +%s.%N; }
# fcmp EXPR: true when the awk expression holds
fcmp() { awk "BEGIN { exit !($1) }"; }

tmp=$(mktemp -d)
cleanup() { dropdb --if-exists "$db" 2>/dev/null; rm -rf "$tmp"; }
cleanup
mkdir -p "$tmp"
trap cleanup EXIT
createdb "$db"
q -c "CREATE EXTENSION govdisc" >/dev/null

# The base report: a generated 2021 HTML report (tools/gen_reports.c), else a
# corpus report in HTML.
base=""
if [ -f tools/gen_reports.c ] && cc -O1 -std=c99 -o "$tmp/gen_reports" tools/gen_reports.c 2>/dev/null &&
	"$tmp/gen_reports" --seed 11 --format 2021 --layout html --no-placeholders --no-units \
		--no-fullwidth --no-blank-orgs --name base --reports "$tmp" >/dev/null 2>&1; then
	base=$tmp/base.html
fi
[ -z "$base" ] && base=$(ls "$shared"/corpus/reports/*.html 2>/dev/null | head -1)
if [ -z "$base" ]; then
	notok "no base report: neither tools/gen_reports.c nor $shared/corpus/reports/*.html"
	echo "$passed passed, $failed failed"
	exit 1
fi
echo "# base report: $base ($(wc -c < "$base") bytes)"

# A copy of the base with the first cell after LABEL (in its row) replaced.
with_cell() {
	python3 - "$base" "$1" "$2" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding='utf-8').read()
label, value = sys.argv[2], sys.argv[3]
i = text.index(label)
m = re.compile(r'<td[^>]*>([^<]*)</td>').search(text, text.index('</td>', i) + 5)
sys.stdout.write(text[:m.start(1)] + value + text[m.end(1):])
EOF
}

q <<EOF
\set base \`cat $base\`
CREATE TABLE base (body text);
INSERT INTO base VALUES (:'base');
CREATE TABLE big (shape text, mb int, body text);
ALTER TABLE big ALTER body SET STORAGE EXTERNAL;	-- no compression: detoasting is a copy
CREATE FUNCTION vm(field text) RETURNS bigint LANGUAGE sql AS
\$\$ SELECT substring(pg_read_file('/proc/self/status') from field || ':\s*(\d+)')::bigint \$\$;
-- one parse of a stored value: seconds, growth of the peak RSS in kB, the
-- document.  The peak is reset (Linux: clear_refs) once the value is fetched,
-- so that only what the parse adds counts.
CREATE FUNCTION measure(s text, m int, OUT seconds float8, OUT grew_kb bigint, OUT doc jsonb)
LANGUAGE plpgsql AS \$\$
DECLARE
	b text;
	hwm0 bigint;
	t0 timestamptz;
BEGIN
	SELECT body INTO b FROM big WHERE shape = s AND mb = m;
	BEGIN
		COPY (SELECT 5) TO '/proc/self/clear_refs';
	EXCEPTION WHEN others THEN
		RAISE NOTICE 'peak RSS not reset: %', SQLERRM;
	END;
	hwm0 := vm('VmHWM');
	t0 := clock_timestamp();
	doc := govdisc_parse(b);
	seconds := extract(epoch FROM clock_timestamp() - t0);
	grew_kb := vm('VmHWM') - hwm0;
END \$\$;
EOF

# Does the parser read the base's tables yet?  (The checks on values need it.)
base_doc=$(q -c "SELECT govdisc_parse(body) FROM base")
reads_tables=$(q -c "SELECT (govdisc_parse(body) #> '{requests,received,total}') IS NOT NULL FROM base")
echo "# the parser reads the base's 表三: $reads_tables"

# ------------------------------------------------------------ linear time
pad='<p>本机关坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开，围绕群众关切做好政策解读。</p>'
for mb in $sizes; do
	q -v pad="$pad" -v mb="$mb" >/dev/null <<'EOF'
INSERT INTO big SELECT 'prose', :mb,
	overlay(body placing repeat(:'pad', (:mb * 1048576 / octet_length(:'pad'))::int)
			from strpos(body, '二、') for 0) FROM base;
INSERT INTO big SELECT 'repeat', :mb, repeat(body, (:mb * 1048576 / octet_length(body))::int) FROM base;
EOF
done

declare -A secs grew
for shape in prose repeat; do
	for mb in $sizes; do
		line=$(q -c "SELECT round(seconds::numeric, 3), grew_kb,
				(doc -> 'requests') IS NOT DISTINCT FROM (SELECT govdisc_parse(body) -> 'requests' FROM base),
				jsonb_array_length(doc -> 'diagnostics'), octet_length(doc::text)
			FROM measure('$shape', $mb)" 2>&1)
		if [[ "$line" != *"|"* ]]; then
			notok "$shape $mb MB parses" "$line"
			continue
		fi
		IFS='|' read -r s g same nd docbytes <<< "$line"
		secs[$shape$mb]=$s
		grew[$shape$mb]=$g
		printf '# %-6s %5d MB: %8.3f s  %7.1f MB/s  peak RSS +%d MB  %d diagnostics, document %d bytes\n' \
			"$shape" "$mb" "$s" "$(awk "BEGIN { print $mb / ($s + 0.0001) }")" $((g / 1024)) "$nd" "$docbytes"
		ok "$shape $mb MB parses"
		if [ "$shape" = prose ] && [ "$reads_tables" = t ]; then
			[ "$same" = t ] && ok "prose $mb MB: 表三 as in the base report" ||
				notok "prose $mb MB: 表三 as in the base report"
		fi
		# memory: at most 24 bytes per input byte on top of the input, plus 64 MB
		fcmp "$g <= 24 * $mb * 1024 + 65536" && ok "$shape $mb MB: peak RSS grew by $((g / 1024)) MB" ||
			notok "$shape $mb MB: peak RSS grew by $((g / 1024)) MB, more than 24 x the input + 64 MB"
	done
	# linear: from each size to the next, time grows at most 3 x as fast as the size (+0.5 s)
	prev=""
	for mb in $sizes; do
		if [ -n "$prev" ] && [ -n "${secs[$shape$mb]:-}" ] && [ -n "${secs[$shape$prev]:-}" ]; then
			a=${secs[$shape$prev]} b=${secs[$shape$mb]}
			if fcmp "$b <= 3 * ($mb / $prev) * $a + 0.5"; then
				ok "$shape: $prev -> $mb MB takes $a -> $b s (linear within 3x)"
			else
				notok "$shape: $prev -> $mb MB takes $a -> $b s, more than 3 x ($mb / $prev) x $a + 0.5"
			fi
			ga=${grew[$shape$prev]} gb=${grew[$shape$mb]}
			if fcmp "$gb <= 3 * ($mb / $prev) * $ga + 65536"; then
				ok "$shape: $prev -> $mb MB memory $((ga / 1024)) -> $((gb / 1024)) MB (linear within 3x)"
			else
				notok "$shape: $prev -> $mb MB memory $((ga / 1024)) -> $((gb / 1024)) MB grows faster than the input"
			fi
		fi
		prev=$mb
	done
done
q -c "DELETE FROM big" >/dev/null

# ---------------------------------------------------- cancel and timeout
q -v mb="$cancel_mb" >/dev/null <<'EOF'
INSERT INTO big SELECT 'cancel', :mb, repeat(body, (:mb * 1048576 / octet_length(body))::int) FROM base;
EOF
# secs_of SQL...: wall-clock seconds of one psql run (its output in $tmp/out)
secs_of() {
	local t0
	t0=$(now)
	q "$@" > "$tmp/out" 2>&1
	awk "BEGIN { printf \"%.3f\", $(now) - $t0 }"
}
cancel_sql="SELECT govdisc_parse(body) IS NOT NULL FROM big WHERE shape = 'cancel'"
# Fetching the value (which no tick can shorten) and the whole statement,
# each the faster of two runs: one run alone is off by a third at times.
min_secs() {
	local a b
	a=$(secs_of "$@")
	b=$(secs_of "$@")
	awk "BEGIN { print ($a < $b) ? $a : $b }"
}
fetch=$(min_secs -c "SELECT octet_length(body || 'x') FROM big WHERE shape = 'cancel'")
total=$(min_secs -c "$cancel_sql")
parse=$(awk "BEGIN { printf \"%.3f\", $total - $fetch }")
echo "# $cancel_mb MB: fetching it takes $fetch s, fetching and parsing $total s"
# A cancel that lands mid-parse must end the statement within a quarter of
# the parse; without ticks it would run to the end, half the parse later.
inconclusive=""
fcmp "$parse < 0.8" && inconclusive=" (inconclusive: the parse itself takes only $parse s)"
limit=$(awk "BEGIN { printf \"%.3f\", ($parse / 4 > 0.2) ? $parse / 4 : 0.2 }")

took=$(secs_of -c "SET statement_timeout = '100ms'" -c "$cancel_sql")
if grep -q "canceling statement due to statement timeout" "$tmp/out"; then
	ok "statement_timeout = 100ms stops a $cancel_mb MB parse: canceling statement due to statement timeout, after $took s"
else
	notok "statement_timeout = 100ms stops a $cancel_mb MB parse" "$(cat "$tmp/out")"
fi
at=$(awk "BEGIN { printf \"%d\", ($fetch + $parse / 2) * 1000 }")
took=$(secs_of -c "SET statement_timeout = '${at}ms'" -c "$cancel_sql")
late=$(awk "BEGIN { printf \"%.3f\", $took - $at / 1000 }")
if grep -q "canceling statement due to statement timeout" "$tmp/out" && fcmp "$late < $limit"; then
	ok "statement_timeout = ${at}ms (mid-parse) ends the statement $late s later$inconclusive"
elif [ -n "$inconclusive" ] && grep -q "canceling statement due to statement timeout" "$tmp/out"; then
	ok "statement_timeout = ${at}ms ends the statement $late s later$inconclusive"
elif ! grep -q "canceling statement" "$tmp/out" && { [ -n "$inconclusive" ] || fcmp "$late < 0"; }; then
	# the parse (cut at 64 MB) ended before or as the timeout fell: nothing to judge
	ok "statement_timeout = ${at}ms: inconclusive, the statement finished $late s after it$inconclusive"
else
	notok "statement_timeout = ${at}ms (mid-parse) ends the statement within $limit s (took $late s more)" \
		"$(cat "$tmp/out")"
fi

# cancel_at FRACTION: start the statement, send pg_cancel_backend when
# fetch + FRACTION x parse have passed since the statement started (timed by
# the server's query_start, so psql's start-up does not count), and set
# $took to the seconds from the cancel to the statement's end.
cancel_at() {
	local bg pid="" sent
	psql -X -At -d "$db" -c "SET application_name = 'govdisc_limits_cancel'" -c "$cancel_sql" \
		> "$tmp/cancel.out" 2>&1 &
	bg=$!
	for _ in $(seq 250); do
		pid=$(q -c "SELECT pid FROM pg_stat_activity WHERE application_name = 'govdisc_limits_cancel' AND state = 'active'")
		[ -n "$pid" ] && break
		sleep 0.02
	done
	sent=$(q -c "SELECT pg_sleep(greatest(0, $fetch + $parse * $1 - extract(epoch FROM clock_timestamp() - query_start)))
			FROM pg_stat_activity WHERE pid = '${pid:-0}'" \
		-c "SELECT extract(epoch FROM clock_timestamp()) FROM (SELECT pg_cancel_backend('${pid:-0}')) c")
	wait $bg
	took=$(awk "BEGIN { printf \"%.3f\", $(now) - ${sent##*$'\n'} }")
}
# A machine that runs faster now than when the parse was timed may finish
# before the cancel lands; then try again earlier in the parse.
for frac in 0.5 0.25; do
	cancel_at "$frac"
	grep -q "canceling statement" "$tmp/cancel.out" && break
done
if grep -q "canceling statement due to user request" "$tmp/cancel.out" && fcmp "$took < $limit"; then
	ok "pg_cancel_backend mid-parse ends the statement within $took s$inconclusive"
elif [ -n "$inconclusive" ]; then
	ok "pg_cancel_backend: $(tail -1 "$tmp/cancel.out") after $took s$inconclusive"
elif ! grep -q "canceling statement" "$tmp/cancel.out"; then
	# had ticks been missing, the cancel would still end the statement, late
	ok "pg_cancel_backend: inconclusive, the statement ended before the cancel came, twice"
else
	notok "pg_cancel_backend mid-parse ends the statement within $limit s (took $took s)" "$(cat "$tmp/cancel.out")"
fi
q -c "DELETE FROM big" >/dev/null

# ------------------------------------------------------ hostile inputs
# hostile NAME SQL-EXPRESSION [CELL-PATH]: the expression's text parses to a
# document (no error) within 30 s, the peak RSS grows by less than 256 MB;
# with CELL-PATH (once the parser reads tables) that cell is null and there
# is a diagnostic.
hostile() {
	local name=$1 expr=$2 cell=${3:-} line
	q -c "DELETE FROM big" -c "INSERT INTO big SELECT 'hostile', 0, $expr FROM base" >/dev/null 2>&1 ||
		{ notok "$name: the input could be built"; return; }
	line=$(q -c "SET statement_timeout = '30s'" -c "SELECT round(seconds::numeric, 3), grew_kb,
			jsonb_typeof(doc), jsonb_array_length(doc -> 'diagnostics'),
			coalesce(doc #>> '{$cell}', 'null'), (SELECT octet_length(body) FROM big WHERE shape = 'hostile')
		FROM measure('hostile', 0)" 2>&1)
	if [[ "$line" != *"|object|"* ]]; then
		notok "$name: gives a document" "$line"
		return
	fi
	IFS='|' read -r s g _ nd v bytes <<< "$line"
	ok "$name: a document in $s s ($bytes bytes in, $nd diagnostics)"
	fcmp "$g < 262144" && ok "$name: peak RSS grew by $((g / 1024)) MB" ||
		notok "$name: peak RSS grew by $((g / 1024)) MB (256 MB at most)"
	if [ -n "$cell" ] && [ "$reads_tables" = t ]; then
		[ "$v" = null ] && [ "$nd" -gt 0 ] && ok "$name: $cell is null, with a diagnostic" ||
			notok "$name: $cell is null, with a diagnostic" "$cell = $v, $nd diagnostics"
	fi
}

label='本年新收政府信息公开申请数量'
cellsql() { printf "\$c\$%s\$c\$" "$(with_cell "$1" "$2")"; }

hostile "rowspan and colspan 999999999 on a 表三 header cell" \
	"replace(body, '<td colspan=\"3\">一、', '<td rowspan=\"999999999\" colspan=\"999999999\">一、')"
hostile "rowspan 999999999 on every cell" \
	"replace(replace(body, '<td>', '<td rowspan=\"999999999\">'), '<td ', '<td colspan=\"2147483647\" ')"
hostile "colspan 4294967297 (wraps to 1 in 32 bits)" \
	"replace(body, '<td>', '<td colspan=\"4294967297\">')"
hostile "a table 20000 rows by 100 columns" \
	"'<table>' || repeat('<tr>' || repeat('<td>1</td>', 100) || '</tr>', 20000) || '</table>'"
hostile "tables nested 200000 deep" \
	"repeat('<table><tr><td>', 200000) || '一、$label 7' || repeat('</td></tr></table>', 200000)"
hostile "1000000 unclosed <td>" "repeat('<td>', 1000000)"
# every '<' could be a tag whose '>' is up to 64 KB on: looked for one by one,
# these took about 16 s a megabyte
hostile "2000000 tags that never close (<a<a<a…)" "'<p>x</p>' || repeat('<a', 2000000)"
hostile "800000 tags whose > is quoted (<a\">\"…)" "'<p>x</p>' || repeat('<a\">\"', 800000)"
hostile "1000000 nested （" "repeat('（', 1000000) || '一）'"
hostile "a cell of 5000 digits" "$(cellsql "$label" "$(printf '9%.0s' $(seq 5000))")" \
	"requests,received,natural_person"
hostile "a cell of 1000000 digits" "replace($(cellsql "$label" "@@"), '@@', repeat('9', 1000000))" \
	"requests,received,natural_person"
hostile "a cell of 9223372036854775808 (past bigint)" "$(cellsql "$label" 9223372036854775808)" \
	"requests,received,natural_person"
hostile "a cell of 18446744073709551617 (2^64 + 1)" "$(cellsql "$label" 18446744073709551617)" \
	"requests,received,natural_person"
hostile "a cell of -9223372036854775809" "$(cellsql "$label" -9223372036854775809)" \
	"requests,received,natural_person"
hostile "a fee of 99999999999999999 万元 (past bigint once in 1/10000 yuan)" \
	"$(cellsql '行政事业性收费' 99999999999999999)" "active,fees,amount_yuan"
hostile "a fee of 1e400 万元" "$(cellsql '行政事业性收费' '1e400')" "active,fees,amount_yuan"

# --------------------------------------- fuzz regressions, in the backend
# Every input the fuzzers found (or that was written to break the core) that
# PostgreSQL can hold as text, once and repeated 20 times: a document each.
# After a crash the server restarts; wait for it so the next check runs.
wait_up() { for _ in $(seq 40); do q -c "SELECT 1" >/dev/null 2>&1 && return; sleep 0.5; done; }
for f in test/fuzz/regressions/*; do
	name=$(basename "$f")
	[ "$name" = README ] && continue
	iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || continue	# not text: unit test only
	tr -d '\000' < "$f" | cmp -s - "$f" || continue
	out=$(q 2>&1 <<EOF
\set body \`cat '$f'\`
SET statement_timeout = '10s';
SELECT jsonb_typeof(govdisc_parse(:'body')) || ' ' || jsonb_typeof(govdisc_parse(repeat(:'body', 20)));
EOF
)
	if [ "$out" = "object object" ]; then
		ok "fuzz regression $name, once and 20 times over, gives a document"
	else
		notok "fuzz regression $name, once and 20 times over, gives a document" "$out"
		wait_up
	fi
done

out=$(q -c "SELECT 1")
[ "$out" = 1 ] && ok "the server is still up" || notok "the server is still up" "$out"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

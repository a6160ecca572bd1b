#!/usr/bin/env bash
# layout.sh: the tree's rules (docs/development.md), checked on the sources.
#   - src/core and src/core/parse include no PostgreSQL header: only C
#     standard headers, ICU's unicode/*.h and headers of their own;
#   - no include runs back up a layer: src/core/*.[ch] include nothing of
#     src/core/parse, src/pg nothing of src/core/parse;
#   - no function of src/, test/ or tools/ is longer than 200 lines.
# Each rule is also run on a small tree that breaks it, so that a rule that
# has stopped finding anything fails here too.  Ends with "N passed, M failed".
set -u
cd "$(dirname "$0")/.."
. test/tap.sh

MAX_FUNCTION_LINES=200

# Headers of C99 and POSIX that the core may use.
std_headers='assert|ctype|errno|float|inttypes|limits|math|setjmp|signal|stdarg|stdbool|stddef|stdint|stdio|stdlib|string|time|wchar'

# includes ROOT: "file:line:header" for every #include below ROOT/src/core,
# with the header as written ("x.h" or <x.h>)
includes() {
	grep -rnE --include='*.c' --include='*.h' '^[[:space:]]*#[[:space:]]*include' "$1/src/core" 2>/dev/null |
		sed -E 's/^([^:]*:[0-9]+):[[:space:]]*#[[:space:]]*include[[:space:]]*/\1:/'
}

# core_without_postgres ROOT: prints the includes of src/core that are
# neither standard, nor ICU, nor a header of src/core itself
core_without_postgres() {
	local root=$1 file line hdr name
	includes "$root" | while IFS=: read -r file line hdr; do
		case $hdr in
			\<*\>)
				name=${hdr#<}; name=${name%>}
				echo "$name" | grep -qE "^(($std_headers)\.h|unicode/[a-z0-9_]+\.h)$" ||
					echo "$file:$line: #include $hdr"
				;;
			\"*\")
				name=${hdr#\"}; name=${name%\"}
				# a header of the including file's folder, or of src/core
				[ -f "$(dirname "$file")/$name" ] || [ -f "$root/src/core/$name" ] ||
					echo "$file:$line: #include $hdr"
				;;
			*) echo "$file:$line: #include $hdr" ;;
		esac
	done
}

# no_include_up ROOT: prints the includes of a src/core/parse header from
# src/core/*.[ch] or src/pg
no_include_up() {
	local root=$1 h
	for h in "$root"/src/core/parse/*.h; do
		[ -e "$h" ] || continue
		grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[\"<](parse/)?$(basename "$h")[\">]" \
			"$root"/src/core/*.c "$root"/src/core/*.h "$root"/src/pg/*.c "$root"/src/pg/*.h 2>/dev/null
	done
}

# long_functions ROOT: prints "file:line: name: N lines" for each function
# body ({ to } in column 1, as pgindent writes them) over the limit
long_functions() {
	local root=$1
	find "$root/src" "$root/test" "$root/tools" -name '*.c' -o -name '*.h' 2>/dev/null | sort |
		while read -r f; do
			awk -v f="$f" -v max=$MAX_FUNCTION_LINES '
				/^\{/ { start = NR; name = prev }
				/^\}/ { if (start) { n = NR - start + 1; if (n > max) printf "%s:%d: %s: %d lines\n", f, start, name, n; start = 0 } }
				/^[A-Za-z_]/ { prev = $0 }' "$f"
		done
}

# rule NAME FUNCTION: the rule holds on this tree, and fails on a tree that breaks it
rule() {
	local name=$1 fn=$2 out
	out=$($fn .)
	if [ -z "$out" ]; then ok "$name"; else notok "$name" "$out"; fi
}

rule "src/core includes no PostgreSQL header" core_without_postgres
rule "src/core and src/pg include nothing of src/core/parse" no_include_up
rule "no function over $MAX_FUNCTION_LINES lines" long_functions

# The same rules on a tree made to break each of them once.
bad=$(mktemp -d)
trap 'rm -rf "$bad"' EXIT
mkdir -p "$bad/src/core/parse" "$bad/src/pg" "$bad/test" "$bad/tools"
printf '#include <string.h>\n#include "postgres.h"\n#include "utils/jsonb.h"\n#include <fmgr.h>\n#include "govdisc.h"\n' > "$bad/src/core/bad.c"
printf '/* */\n' > "$bad/src/core/govdisc.h"
printf '#include "parser.h"\n' > "$bad/src/core/render.c"
printf '#include "match.h"\n' > "$bad/src/pg/jsonb_out.c"
printf '/* */\n' > "$bad/src/core/parse/parser.h"
printf '/* */\n' > "$bad/src/core/parse/match.h"
{
	printf 'static void\nlong_one(void)\n{\n'
	for _ in $(seq 1 $MAX_FUNCTION_LINES); do printf '\tx++;\n'; done
	printf '}\n\nstatic void\nshort_one(void)\n{\n}\n'
} > "$bad/tools/long.c"

out=$(core_without_postgres "$bad" | grep 'bad\.c:')
if [ "$(printf '%s\n' "$out" | grep -c .)" = 3 ] && printf '%s\n' "$out" | grep -q 'postgres.h' &&
	printf '%s\n' "$out" | grep -q '<fmgr.h>' && printf '%s\n' "$out" | grep -q 'utils/jsonb.h'; then
	ok "a core file that includes postgres.h, utils/jsonb.h and <fmgr.h> is found (and nothing else)"
else
	notok "a core file that includes postgres.h, utils/jsonb.h and <fmgr.h> is found (and nothing else)" "$out"
fi
out=$(no_include_up "$bad")
if [ "$(printf '%s\n' "$out" | grep -c .)" = 2 ] && printf '%s\n' "$out" | grep -q 'render.c:1:' &&
	printf '%s\n' "$out" | grep -q 'jsonb_out.c:1:'; then
	ok "src/core/render.c including parser.h and src/pg including match.h are found"
else
	notok "src/core/render.c including parser.h and src/pg including match.h are found" "$out"
fi
out=$(long_functions "$bad")
if [ "$out" = "$bad/tools/long.c:3: long_one(void): $((MAX_FUNCTION_LINES + 2)) lines" ]; then
	ok "a function of $((MAX_FUNCTION_LINES + 2)) lines is found, a short one is not"
else
	notok "a function of $((MAX_FUNCTION_LINES + 2)) lines is found, a short one is not" "$out"
fi

tap_done

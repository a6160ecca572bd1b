#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, -fsanitize=fuzzer,address,undefined)
# and runs both side by side for SECONDS each (default 60):
#   bash test/fuzz/run.sh [SECONDS]        (make fuzz FUZZ_SECONDS=...)
# parse_fuzzer: gd_parse on arbitrary bytes, seeded with test/samples/reports,
#   ../shared/corpus/reports (when present) and test/fuzz/regressions;
# check_fuzzer: gd_check and gd_check_pair on reports made from the bytes.
# Working corpora grow in test/fuzz/corpus-parse/ and corpus-check/ (not in
# git).  A crash, timeout or runaway allocation is written straight into
# test/fuzz/regressions/ as parse-crash-<sha1> or check-crash-<sha1>, which
# test/core/unit_fuzz_regressions.c replays from then on: commit it with the fix.
# Ends with "N passed, M failed"; exits non-zero when a fuzzer found something.
set -u
cd "$(dirname "$0")/../.."
seconds=${1:-60}
fz=test/fuzz
shared=../shared

CC_FUZZ=${CC_FUZZ:-clang}
FLAGS="-std=c99 -D_POSIX_C_SOURCE=200809L -Isrc/core -Isrc/core/parse -I$fz -O1 -g -Wall -Wextra $([ "${WERROR:-}" = 1 ] && echo -Werror)
	-Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare -Wno-unused-function
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
LIBS="-licui18n -licuuc -licudata"
core=$(ls src/core/*.c src/core/parse/*.c | sort)

passed=0
failed=0
for h in parse check; do
	echo "== building $fz/${h}_fuzzer"
	# shellcheck disable=SC2086
	if ! $CC_FUZZ $FLAGS -o "$fz/${h}_fuzzer" "$fz/${h}_fuzzer.c" $core $LIBS; then
		echo "${h}_fuzzer: does not build"
		failed=$((failed + 1))
	fi
done
if [ "$failed" != 0 ]; then
	echo "$passed passed, $failed failed"
	exit 1
fi

# The dictionary: the structure tokens plus every label the templates print.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$fz/parse.dict" "$work/parse.dict"
grep -o '"[^"]*"' src/core/labels.c | sort -u | python3 -c '
import sys
for line in sys.stdin:
    s = line.strip()[1:-1].encode()
    if s:
        print("\"" + "".join("\\x%02x" % b for b in s) + "\"")
' >> "$work/parse.dict"

mkdir -p "$fz/corpus-parse" "$fz/corpus-check" "$fz/regressions"
seeds=()
for d in test/samples/reports "$shared/corpus/reports" "$fz/regressions"; do
	[ -d "$d" ] && seeds+=("$d")
done
echo "== parse seeds: ${seeds[*]:-none}"
if ! nm "$fz/check_fuzzer" | grep -q ' T gd_check$'; then
	echo "   (gd_check is not in the core yet: check_fuzzer only exercises what is)"
fi

before=$(ls "$fz/regressions" | sort)
common=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512
	-print_final_stats=1 -close_fd_mask=1)
"$fz/parse_fuzzer" "${common[@]}" -max_len=65536 -dict="$work/parse.dict" \
	-artifact_prefix="$fz/regressions/parse-" "$fz/corpus-parse" "${seeds[@]}" \
	> "$work/parse.log" 2>&1 &
ppid_=$!
"$fz/check_fuzzer" "${common[@]}" -max_len=4096 \
	-artifact_prefix="$fz/regressions/check-" "$fz/corpus-check" "$fz/regressions" \
	> "$work/check.log" 2>&1 &
cpid=$!
wait $ppid_; prc=$?
wait $cpid; crc=$?

for h in parse check; do
	rc=$prc; [ $h = check ] && rc=$crc
	echo "== ${h}_fuzzer: exit $rc"
	grep -E '^(stat::|#[0-9]+ +DONE)' "$work/$h.log" | sed 's/^/   /'
	if [ "$rc" = 0 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		grep -vE '^(#[0-9]+|INFO:)' "$work/$h.log" | tail -40 | sed 's/^/   /'
	fi
done
new=$(comm -13 <(echo "$before") <(ls "$fz/regressions" | sort))
if [ -n "$new" ]; then
	echo "== new regression inputs in $fz/regressions (minimise with ./$fz/NAME_fuzzer -minimize_crash=1 FILE, report, commit):"
	echo "$new" | sed 's/^/   /'
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

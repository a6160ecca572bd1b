# tap.sh: counting checks in the test stages (sourced).  ok/notok/skip count
# and print; notok shows the first lines of what went wrong; tap_done prints
# the closing "N passed, M failed" and returns non-zero on any failure; die
# counts a failure the rest depends on and stops the script.
passed=0
failed=0
skipped=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
notok() {
	failed=$((failed + 1))
	echo "FAILED - $1"
	[ -n "${2:-}" ] && printf '%s\n' "$2" | head -"${TAP_DETAIL_LINES:-30}" | sed 's/^/    /'
	return 0
}
skip() { skipped=$((skipped + 1)); echo "skip - $1"; }
tap_done() {
	local line="$passed passed, $failed failed"
	[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
	echo "$line"
	[ "$failed" = 0 ]
}
die() {
	notok "$1" "${2:-}"
	tap_done
	exit 1
}

# tap.sh: counting checks in the test stages (sourced).  ok/notok count and
# print; notok shows the first lines of what went wrong; tap_done prints the
# closing "N passed, M failed" and returns non-zero on any failure.
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
notok() {
	failed=$((failed + 1))
	echo "FAILED - $1"
	[ -n "${2:-}" ] && printf '%s\n' "$2" | head -"${TAP_DETAIL_LINES:-30}" | sed 's/^/    /'
	return 0
}
tap_done() {
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
}

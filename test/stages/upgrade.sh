#!/usr/bin/env bash
# The upgrade path (make test runs this inside a throwaway cluster): for every
# earlier version whose full script ships (sql/govdisc--V.sql), CREATE
# EXTENSION govdisc VERSION 'V' then ALTER EXTENSION govdisc UPDATE must give
# exactly the objects of a fresh install of the current version: the same
# members, function definitions, aggregates, casts, operators, types, tables,
# views, constraints, indexes, comments, privileges and rows of the
# extension's tables (test/stages/extension-catalog.sql lists them).
#
# When it fails, it names every object that differs.  The usual cause: an
# object was added to sql/install/*.sql and not to the newest upgrade script
# sql/govdisc--A--B.sql (or changed in one and not the other).  Copy the new
# CREATE/COMMENT statements into the upgrade script (CREATE OR REPLACE for a
# changed function, ALTER ... for a changed object) and run the stage again.
#
# Also checks that the upgrade scripts are in git, not hidden by .gitignore.
# Ends with "N passed, M failed".
set -u
cd "$(dirname "$0")/../.."

TAP_DETAIL_LINES=${TAP_DETAIL_LINES:-80}
. test/tap.sh
q() { local db=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }

current=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" govdisc.control)
fresh=govdisc_upg_fresh
up=govdisc_upg_from
ctl=govdisc_upg_control
cleanup() { for db in $fresh $up $ctl; do dropdb --if-exists "$db" 2>/dev/null; done; }
cleanup
work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT

# catalog DB FILE: the extension's objects in DB, a fact a line
catalog() { q "$1" -f test/stages/extension-catalog.sql > "$2"; }

# compare A B WHAT: "" when equal, else which objects differ and the diff
compare() {
	local a=$1 b=$2 what=$3 only_a only_b
	cmp -s "$a" "$b" && return 0
	only_a=$(comm -23 <(grep ' | member$' "$a" | sed 's/ | member$//' | LC_ALL=C sort) \
					  <(grep ' | member$' "$b" | sed 's/ | member$//' | LC_ALL=C sort))
	only_b=$(comm -13 <(grep ' | member$' "$a" | sed 's/ | member$//' | LC_ALL=C sort) \
					  <(grep ' | member$' "$b" | sed 's/ | member$//' | LC_ALL=C sort))
	[ -n "$only_a" ] && printf 'missing after %s (in sql/install, not in the upgrade script):\n%s\n' "$what" "$(printf '%s\n' "$only_a" | sed 's/^/  /')"
	[ -n "$only_b" ] && printf 'only after %s (not in a fresh install):\n%s\n' "$what" "$(printf '%s\n' "$only_b" | sed 's/^/  /')"
	printf 'objects whose facts differ:\n'
	diff "$a" "$b" | grep '^[<>]' | sed -E 's/^[<>] //; s/ \| .*//' | LC_ALL=C sort -u | sed 's/^/  /'
	printf 'diff (- fresh install of %s, + %s):\n' "$current" "$what"
	diff -U0 --label "fresh $current" --label "$what" "$a" "$b" | grep -v '^@@'
}

# ------------------------------------------------------------ fresh install
createdb "$fresh" && q "$fresh" -c "CREATE EXTENSION govdisc" ||
	die "CREATE EXTENSION govdisc (version $current)"
catalog "$fresh" "$work/fresh.txt" || die "listing the objects of a fresh install"
n=$(grep -c ' | member$' "$work/fresh.txt")
[ "$n" -gt 10 ] && ok "a fresh install of $current has $n objects" ||
	notok "a fresh install of $current lists its objects" "$(head -20 "$work/fresh.txt")"

out=$(q "$fresh" -c "SELECT govdisc_version()")
parser=$(sed -n 's/^#define GD_PARSER_VERSION \([0-9]*\)$/\1/p' src/core/govdisc.h)
[ "$out" = "$current (parser $parser)" ] && ok "govdisc_version() is '$out'" ||
	notok "govdisc_version() is '$current (parser $parser)'" "$out"

# ------------------------------------------------ each older version, updated
olds=$(ls sql/govdisc--*.sql | sed -n 's|^sql/govdisc--\([0-9.]*\)\.sql$|\1|p')
[ -n "$olds" ] || notok "sql/ holds the full scripts of earlier versions" "$(ls sql)"
for v in $olds; do
	dropdb --if-exists "$up" 2>/dev/null
	createdb "$up"
	if ! out=$(q "$up" -c "CREATE EXTENSION govdisc VERSION '$v'" 2>&1); then
		notok "CREATE EXTENSION govdisc VERSION '$v'" "$out"; continue
	fi
	ok "CREATE EXTENSION govdisc VERSION '$v'"
	if ! out=$(q "$up" -c "ALTER EXTENSION govdisc UPDATE" -c "SELECT extversion FROM pg_extension WHERE extname = 'govdisc'" 2>&1) ||
		[ "$out" != "$current" ]; then
		notok "ALTER EXTENSION govdisc UPDATE from $v reaches $current" "$out"; continue
	fi
	ok "ALTER EXTENSION govdisc UPDATE from $v reaches $current"
	catalog "$up" "$work/from-$v.txt" || { notok "listing the objects after updating from $v"; continue; }
	d=$(compare "$work/fresh.txt" "$work/from-$v.txt" "$v updated to $current")
	[ -z "$d" ] && ok "$v updated to $current has exactly the objects of a fresh $current ($n objects)" ||
		notok "$v updated to $current has exactly the objects of a fresh $current" "$d"
done

# Every version that ships has a path to the current one.
out=$(q "$fresh" -c "SELECT string_agg(v.version, ', ' ORDER BY v.version) FROM pg_available_extension_versions v
	WHERE v.name = 'govdisc' AND v.version <> '$current'
	AND NOT EXISTS (SELECT FROM pg_extension_update_paths('govdisc') p
					WHERE p.source = v.version AND p.target = '$current' AND p.path IS NOT NULL)")
[ -z "$out" ] && ok "every installed version has an update path to $current" ||
	notok "every installed version has an update path to $current" "no path from: $out"

# ------------------------------------------- the comparison catches changes
# The control: an upgraded install with one comment changed and one function
# too many must be reported by name.
createdb "$ctl"
first=$(echo "$olds" | head -1)
q "$ctl" -c "CREATE EXTENSION govdisc VERSION '$first'" -c "ALTER EXTENSION govdisc UPDATE" \
	-c "COMMENT ON FUNCTION govdisc_version() IS 'changed'" \
	-c "CREATE FUNCTION govdisc_control_extra() RETURNS int LANGUAGE sql IMMUTABLE RETURN 1" \
	-c "ALTER EXTENSION govdisc ADD FUNCTION govdisc_control_extra()" >/dev/null
catalog "$ctl" "$work/control.txt"
d=$(compare "$work/fresh.txt" "$work/control.txt" "control")
if printf '%s\n' "$d" | grep -q '^only after control' &&
	printf '%s\n' "$d" | grep -q '^  function public.govdisc_control_extra()$' &&
	printf '%s\n' "$d" | grep -q "^+function public.govdisc_version() | comment | changed$"; then
	ok "the comparison names an extra function and a changed comment"
else
	notok "the comparison names an extra function and a changed comment" "$d"
fi

# -------------------------------------------- upgrade scripts are in git
if git rev-parse --git-dir >/dev/null 2>&1; then
	bad=
	for f in sql/govdisc--*.sql; do
		git check-ignore -q "$f" && bad="$bad $f (ignored)"
		git ls-files --error-unmatch "$f" >/dev/null 2>&1 || bad="$bad $f (not in git)"
	done
	[ -z "$bad" ] && ok "the old full scripts and upgrade scripts are in git" ||
		notok "the old full scripts and upgrade scripts are in git" "$bad"
else
	skip "not a git clone: the upgrade scripts' presence in git is not checked"
fi

tap_done

#!/usr/bin/env bash
# CREATE EXTENSION govdisc SCHEMA x (make test runs this inside a throwaway
# cluster).  The extension goes wholly into the schema named, fresh or
# upgraded from an earlier version: the same objects as in public (compared
# by test/stages/extension-catalog.sql with the schema's name replaced),
# nothing in public, and every kind of object usable from a session whose
# search_path does not hold the schema.  Ends with "N passed, M failed".
set -u
cd "$(dirname "$0")/../.."

TAP_DETAIL_LINES=${TAP_DETAIL_LINES:-40}
. test/tap.sh
q() { local db=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }

inpublic=govdisc_xs_public
inschema=govdisc_xs_schema
upgraded=govdisc_xs_upgraded
cleanup() { for db in $inpublic $inschema $upgraded; do dropdb --if-exists "$db" 2>/dev/null; done; }
cleanup
work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT

# the objects of the extension, with the schema's name made public's
catalog() {
	q "$1" -f test/stages/extension-catalog.sql | sed 's/\bgovdisc_xs\./public./g' > "$2"
}

createdb "$inpublic" && q "$inpublic" -c "CREATE EXTENSION govdisc" || die "CREATE EXTENSION govdisc"
catalog "$inpublic" "$work/public.txt"

createdb "$inschema"
out=$(q "$inschema" -c "CREATE SCHEMA govdisc_xs" -c "CREATE EXTENSION govdisc SCHEMA govdisc_xs" 2>&1)
[ -z "$out" ] && ok "CREATE EXTENSION govdisc SCHEMA govdisc_xs" ||
	die "CREATE EXTENSION govdisc SCHEMA govdisc_xs" "$out"

catalog "$inschema" "$work/schema.txt"
d=$(diff -U0 --label "in public" --label "in govdisc_xs" "$work/public.txt" "$work/schema.txt")
[ -z "$d" ] && ok "the objects in govdisc_xs are those of an install in public ($(grep -c ' | member$' "$work/schema.txt"))" ||
	notok "the objects in govdisc_xs are those of an install in public" "$d"

out=$(q "$inschema" -c "SELECT count(*) FROM pg_depend d JOIN pg_extension e ON d.refobjid = e.oid
	AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
	WHERE e.extname = 'govdisc' AND pg_describe_object(d.classid, d.objid, d.objsubid) !~ 'govdisc_xs\.'" \
	-c "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace" \
	-c "SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace" \
	-c "SELECT count(*) FROM pg_type WHERE typnamespace = 'public'::regnamespace")
[ "$(echo $out)" = "0 0 0 0" ] && ok "nothing of the extension is outside govdisc_xs, nothing in public" ||
	notok "nothing of the extension is outside govdisc_xs, nothing in public" \
		"(members elsewhere, relations, functions, types in public) = $(echo $out)"

# Every kind of object, called qualified from a search_path without the schema.
report=$(ls test/samples/reports/* | head -1)
calls="SET search_path = public;
\\set body \`cat '$report'\`
SELECT govdisc_xs.govdisc_parse(:'body') ->> 'template';
SELECT (govdisc_xs.govdisc_report(:'body')).received IS NOT NULL;
SELECT govdisc_xs.govdisc_is_valid(govdisc_xs.govdisc_parse(:'body')) = govdisc_xs.govdisc_is_valid(:'body');
SELECT count(*) > 0 FROM govdisc_xs.govdisc_cells(:'body');
SELECT (SELECT count(*) FROM govdisc_xs.govdisc_check(govdisc_xs.govdisc_parse(:'body')))
	= (SELECT count(*) FROM govdisc_xs.govdisc_check(:'body'));
SELECT govdisc_xs.govdisc_parse(govdisc_xs.govdisc_render(govdisc_xs.govdisc_parse(:'body'))) -> 'requests'
	= govdisc_xs.govdisc_parse(:'body') -> 'requests';
SELECT count(*) > 0 FROM govdisc_xs.govdisc_labels;
SELECT govdisc_xs.govdisc_version() LIKE '% (parser %)';"
out=$(echo "$calls" | q "$inschema" 2>&1)
tpl=$(echo "$calls" | sed 's/govdisc_xs\.//g' | q "$inpublic" 2>&1 | head -1)
expect=$(printf '%s\nt\nt\nt\nt\nt\nt\nt' "$tpl")
[ "$out" = "$expect" ] && [ -n "$tpl" ] && ok "every kind of object works qualified, outside the search_path (template $tpl)" ||
	notok "every kind of object works qualified, outside the search_path" "$(diff <(echo "$expect") <(echo "$out"))"

# The upgrade path in a schema of its own.
createdb "$upgraded"
first=$(ls sql/govdisc--*.sql | sed -n 's|^sql/govdisc--\([0-9.]*\)\.sql$|\1|p' | head -1)
out=$(q "$upgraded" -c "CREATE SCHEMA govdisc_xs" -c "CREATE EXTENSION govdisc VERSION '$first' SCHEMA govdisc_xs" \
	-c "ALTER EXTENSION govdisc UPDATE" 2>&1)
catalog "$upgraded" "$work/upgraded.txt"
d=$(diff -U0 --label "fresh, in govdisc_xs" --label "$first updated, in govdisc_xs" "$work/schema.txt" "$work/upgraded.txt")
[ -z "$out" ] && [ -z "$d" ] && ok "$first created in govdisc_xs and updated has the objects of a fresh install there" ||
	notok "$first created in govdisc_xs and updated has the objects of a fresh install there" "$out$d"

# Not relocatable: moving it later is refused, with PostgreSQL's own message.
out=$(q "$inschema" -c "CREATE SCHEMA elsewhere" -c "ALTER EXTENSION govdisc SET SCHEMA elsewhere" 2>&1)
echo "$out" | grep -q 'extension "govdisc" does not support SET SCHEMA' &&
	ok "ALTER EXTENSION govdisc SET SCHEMA is refused (drop and create it again)" ||
	notok "ALTER EXTENSION govdisc SET SCHEMA is refused" "$out"

tap_done

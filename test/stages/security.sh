#!/usr/bin/env bash
# Security of the extension (make test runs this inside a throwaway cluster).
#
# 1. Trusted extension: a role with nothing but CREATE on a database can
#    CREATE EXTENSION govdisc, another plain role can use it, and what the
#    install script creates gives neither anything to abuse: no SECURITY
#    DEFINER, only C (the module itself) and SQL functions whose bodies are
#    bound at creation or run with a fixed search_path, no table anyone but
#    the owner can write, no operator, cast or function that takes over names
#    of built-in types (docs/security.md has the reasoning).
# 2. Hostile search_path: an attacker who owns a database plants look-alikes
#    before the extension is created: in public (which the install script
#    uses) functions that match better than the built-ins, and in a schema
#    evil every function, operator and aggregate an SQL body might use, plus
#    functions named like ours, all raising "evil ... called".  A superuser
#    then creates the extension (naming its schema: without it, it would go
#    into evil, and must fail there without running a trap) and calls every
#    function of it with
#    search_path = evil, public, pg_catalog; each call must give exactly
#    what it gives in a clean database.
#
# Ends with "N passed, M failed".
set -u
cd "$(dirname "$0")/../.."
shared=../shared

TAP_DETAIL_LINES=30
. test/tap.sh
# q DB SQL...: one psql session, stop at the first error, unaligned output
q() { local db=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -At -d "$db" "$@"; }

clean=govdisc_sec_clean
hostile=govdisc_sec_hostile
trusted=govdisc_sec_trusted
cleanup() {
	for db in $clean $hostile $trusted; do dropdb --if-exists "$db" 2>/dev/null; done
	for r in govdisc_sec_alice govdisc_sec_bob govdisc_sec_mallory; do
		psql -X -q -d postgres -c "DROP ROLE IF EXISTS $r" 2>/dev/null
	done
}
cleanup >/dev/null 2>&1
trap cleanup EXIT

# One report for the calls: a sample of ours, else one of the corpus.
report=$(ls test/samples/reports/* 2>/dev/null | head -1)
[ -z "$report" ] && report=$(ls "$shared"/corpus/reports/* 2>/dev/null | head -1)
if [ -z "$report" ]; then
	body_file=$(mktemp)
	printf '某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n' > "$body_file"
	report=$body_file
fi
echo "# report used for the calls: $report"

# pg_virtualenv connects over TCP with a password: the roles get the same one
pw=
[ -n "${PGPASSWORD:-}" ] && pw=" PASSWORD '$PGPASSWORD'"
psql -X -q -d postgres -c "CREATE ROLE govdisc_sec_alice LOGIN$pw" \
	-c "CREATE ROLE govdisc_sec_bob LOGIN$pw" -c "CREATE ROLE govdisc_sec_mallory LOGIN$pw" >/dev/null

# ---------------------------------------------------------------- trusted
createdb "$trusted"
q postgres -c "GRANT CREATE ON DATABASE $trusted TO govdisc_sec_alice" >/dev/null
if out=$(PGUSER=govdisc_sec_alice q "$trusted" -c "CREATE EXTENSION govdisc" 2>&1); then
	ok "a role with only CREATE on the database can CREATE EXTENSION govdisc"
else
	notok "a role with only CREATE on the database can CREATE EXTENSION govdisc" "$out"
fi
out=$(PGUSER=govdisc_sec_bob q "$trusted" -c "SELECT public.govdisc_parse('x') ->> 'schema'" 2>&1)
[ "$out" = 1 ] && ok "another plain role can call govdisc_parse" ||
	notok "another plain role can call govdisc_parse" "$out"
out=$(q "$trusted" -c "SELECT r.rolname, r.rolsuper FROM pg_extension e JOIN pg_roles r ON r.oid = e.extowner
	WHERE e.extname = 'govdisc'" 2>&1)
[ "$out" = "govdisc_sec_alice|f" ] && ok "the extension belongs to the role that created it" ||
	notok "the extension belongs to the role that created it" "$out"

# Everything the install script created, by class.
members="SELECT d.classid, d.objid FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
	WHERE d.refclassid = 'pg_extension'::regclass AND e.extname = 'govdisc' AND d.deptype = 'e'"
echo "# objects of the extension:"
q "$trusted" -c "SELECT pg_describe_object(classid, objid, 0) FROM ($members) m ORDER BY 1" | sed 's/^/#   /'

out=$(q "$trusted" -c "SELECT p.oid::regprocedure FROM pg_proc p WHERE p.oid IN
	(SELECT objid FROM ($members) m WHERE classid = 'pg_proc'::regclass) AND p.prosecdef")
[ -z "$out" ] && ok "no function is SECURITY DEFINER" || notok "no function is SECURITY DEFINER" "$out"

out=$(q "$trusted" -c "SELECT p.oid::regprocedure || ' in ' || l.lanname || coalesce(' from ' || p.probin, '')
	FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
	WHERE p.oid IN (SELECT objid FROM ($members) m WHERE classid = 'pg_proc'::regclass)
	  AND p.prokind <> 'a'	-- an aggregate runs its support functions, checked here too
	  AND NOT (l.lanname = 'c' AND p.probin = '\$libdir/govdisc')
	  AND l.lanname NOT IN ('sql', 'plpgsql')")
[ -z "$out" ] && ok "functions are C in \$libdir/govdisc, or SQL/PL/pgSQL" ||
	notok "functions are C in \$libdir/govdisc, or SQL/PL/pgSQL" "$out"

# An SQL body is safe when parsed at creation (BEGIN ATOMIC / RETURN) or run
# with its own search_path; PL/pgSQL needs the SET.
out=$(q "$trusted" -c "SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
	WHERE p.oid IN (SELECT objid FROM ($members) m WHERE classid = 'pg_proc'::regclass)
	  AND l.lanname IN ('sql', 'plpgsql')
	  AND NOT (l.lanname = 'sql' AND p.prosqlbody IS NOT NULL)
	  AND NOT EXISTS (SELECT FROM unnest(p.proconfig) c WHERE c LIKE 'search\\_path=%')")
[ -z "$out" ] && ok "every SQL/PL/pgSQL function is bound at creation or sets search_path" ||
	notok "every SQL/PL/pgSQL function is bound at creation or sets search_path" "$out"

# Names: a function that is not govdisc_* and takes only built-in types
# would shadow a built-in for a user whose search_path puts public first.
out=$(q "$trusted" -c "SELECT p.oid::regprocedure FROM pg_proc p
	WHERE p.oid IN (SELECT objid FROM ($members) m WHERE classid = 'pg_proc'::regclass)
	  AND p.proname NOT LIKE 'govdisc\\_%'
	  AND NOT EXISTS (SELECT FROM unnest(p.proargtypes::oid[]) t
		WHERE t IN (SELECT objid FROM ($members) m WHERE classid = 'pg_type'::regclass)
		   OR t IN (SELECT reltype FROM pg_class WHERE oid IN
				(SELECT objid FROM ($members) m WHERE classid = 'pg_class'::regclass)))")
[ -z "$out" ] && ok "every function is named govdisc_* or takes a type of the extension" ||
	notok "every function is named govdisc_* or takes a type of the extension" "$out"

out=$(q "$trusted" -c "SELECT pg_describe_object(classid, objid, 0) FROM ($members) m
	WHERE classid IN ('pg_operator'::regclass, 'pg_cast'::regclass, 'pg_event_trigger'::regclass,
					  'pg_trigger'::regclass, 'pg_rewrite'::regclass, 'pg_foreign_data_wrapper'::regclass,
					  'pg_language'::regclass, 'pg_opclass'::regclass)")
[ -z "$out" ] && ok "no operator, cast, trigger, rule, language or wrapper" ||
	notok "no operator, cast, trigger, rule, language or wrapper" "$out"

out=$(q "$trusted" -c "SELECT c.oid::regclass || ': ' || a.privilege_type FROM pg_class c,
	LATERAL aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
	WHERE c.oid IN (SELECT objid FROM ($members) m WHERE classid = 'pg_class'::regclass)
	  AND a.grantee = 0 AND a.privilege_type <> 'SELECT'")
[ -z "$out" ] && ok "PUBLIC may only read the extension's tables" ||
	notok "PUBLIC may only read the extension's tables" "$out"
out=$(PGUSER=govdisc_sec_bob psql -X -q -At -d "$trusted" \
	-c "DELETE FROM public.govdisc_labels" 2>&1)
case "$out" in
	*"permission denied"* | *"does not exist"*) ok "another role cannot change govdisc_labels" ;;
	*) notok "another role cannot change govdisc_labels" "$out" ;;
esac

# ------------------------------------------------------- hostile search_path
createdb "$clean"
q "$clean" -c "CREATE EXTENSION govdisc" >/dev/null
createdb -O govdisc_sec_mallory "$hostile"

# The functions of the extension and how to call them: required arguments
# of type text get the report, jsonb its document.  Others are not called.
calls=$(q "$clean" -c "
	SELECT p.proname, p.oid::regprocedure,
		   'SELECT pg_catalog.md5(pg_catalog.string_agg(t::text, ''|'')), pg_catalog.count(*) FROM public.govdisc_sec_input i, LATERAL public.'
		   || pg_catalog.quote_ident(p.proname) || '('
		   || pg_catalog.array_to_string(ARRAY(
				SELECT CASE a WHEN 'text'::regtype THEN 'i.body' WHEN 'jsonb'::regtype THEN 'i.doc' END
				FROM pg_catalog.unnest(p.proargtypes::oid[]) WITH ORDINALITY u(a, n)
				WHERE n <= p.pronargs - p.pronargdefaults ORDER BY n), ', ')
		   || ') t'
	FROM pg_proc p WHERE p.oid IN (SELECT objid FROM ($members) m WHERE classid = 'pg_proc'::regclass)
	  AND NOT EXISTS (SELECT FROM pg_catalog.unnest(p.proargtypes::oid[]) WITH ORDINALITY u(a, n)
					  WHERE n <= p.pronargs - p.pronargdefaults AND a NOT IN ('text'::regtype, 'jsonb'::regtype))
	ORDER BY 2::text")
echo "# functions called: $(echo "$calls" | cut -d'|' -f2 | tr '\n' ' ')"

# Look-alikes of our own functions, for evil (made from the clean install).
lookalikes=$(q "$clean" -c "
	SELECT 'CREATE FUNCTION evil.' || pg_catalog.quote_ident(p.proname) || '('
		   || pg_catalog.pg_get_function_identity_arguments(p.oid) || ') RETURNS '
		   || CASE WHEN p.proretset THEN 'SETOF text' ELSE 'text' END
		   || ' LANGUAGE plpgsql AS \$f\$BEGIN RAISE EXCEPTION ''evil % called'', '
		   || pg_catalog.quote_literal(p.proname) || '; END\$f\$;'
	FROM pg_proc p WHERE p.oid IN (SELECT objid FROM ($members) m WHERE classid = 'pg_proc'::regclass)
	  -- a function of type internal cannot be called from SQL: nothing to imitate
	  AND NOT 'internal'::regtype = ANY (p.proargtypes::regtype[])")
# In evil an extension type is unknown: text stands in for it.
lookalikes=$(echo "$lookalikes" | sed -E 's/\b(govdisc_[a-z_]+)(\[\])?([,)])/text\2\3/g')

# What mallory plants.  evil.raise() is what every trap calls.
traps=$(cat <<'EOF'
CREATE SCHEMA evil;
CREATE FUNCTION evil.raise(what text) RETURNS void LANGUAGE plpgsql AS
$f$BEGIN RAISE EXCEPTION 'evil % called', what; END$f$;
-- functions and aggregates an SQL body might use, same signatures as pg_catalog's
CREATE FUNCTION evil.jsonb_extract_path(jsonb, VARIADIC text[]) RETURNS jsonb LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb_extract_path'); RETURN NULL; END$f$;
CREATE FUNCTION evil.jsonb_extract_path_text(jsonb, VARIADIC text[]) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb_extract_path_text'); RETURN NULL; END$f$;
CREATE FUNCTION evil.jsonb_array_elements(jsonb) RETURNS SETOF jsonb LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb_array_elements'); END$f$;
CREATE FUNCTION evil.jsonb_array_elements_text(jsonb) RETURNS SETOF text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb_array_elements_text'); END$f$;
CREATE FUNCTION evil.jsonb_each(jsonb, OUT key text, OUT value jsonb) RETURNS SETOF record LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb_each'); END$f$;
CREATE FUNCTION evil.jsonb_each_text(jsonb, OUT key text, OUT value text) RETURNS SETOF record LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb_each_text'); END$f$;
CREATE FUNCTION evil.jsonb_object_keys(jsonb) RETURNS SETOF text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb_object_keys'); END$f$;
CREATE FUNCTION evil.jsonb_typeof(jsonb) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb_typeof'); RETURN NULL; END$f$;
CREATE FUNCTION evil.jsonb_array_length(jsonb) RETURNS int LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb_array_length'); RETURN NULL; END$f$;
CREATE FUNCTION evil.jsonb_strip_nulls(jsonb) RETURNS jsonb LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb_strip_nulls'); RETURN NULL; END$f$;
CREATE FUNCTION evil.to_jsonb(anyelement) RETURNS jsonb LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('to_jsonb'); RETURN NULL; END$f$;
CREATE FUNCTION evil.length(text) RETURNS int LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('length'); RETURN NULL; END$f$;
CREATE FUNCTION evil.lower(text) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('lower'); RETURN NULL; END$f$;
CREATE FUNCTION evil.upper(text) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('upper'); RETURN NULL; END$f$;
CREATE FUNCTION evil.btrim(text) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('btrim'); RETURN NULL; END$f$;
CREATE FUNCTION evil.substr(text, int, int) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('substr'); RETURN NULL; END$f$;
CREATE FUNCTION evil.substr(text, int) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('substr'); RETURN NULL; END$f$;
CREATE FUNCTION evil.replace(text, text, text) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('replace'); RETURN NULL; END$f$;
CREATE FUNCTION evil.split_part(text, text, int) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('split_part'); RETURN NULL; END$f$;
CREATE FUNCTION evil.string_to_array(text, text) RETURNS text[] LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('string_to_array'); RETURN NULL; END$f$;
CREATE FUNCTION evil.array_to_string(anyarray, text) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('array_to_string'); RETURN NULL; END$f$;
CREATE FUNCTION evil.unnest(anyarray) RETURNS SETOF anyelement LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('unnest'); END$f$;
CREATE FUNCTION evil.generate_series(int, int) RETURNS SETOF int LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('generate_series'); END$f$;
CREATE FUNCTION evil.md5(text) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('md5'); RETURN NULL; END$f$;
CREATE FUNCTION evil.sf(state anyelement, v anyelement) RETURNS anyelement LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('an aggregate'); RETURN NULL; END$f$;
CREATE FUNCTION evil.sf_count(state int8) RETURNS int8 LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('count(*)'); RETURN NULL; END$f$;
CREATE AGGREGATE evil.count(*) (sfunc = evil.sf_count, stype = int8);
CREATE AGGREGATE evil.sum(bigint) (sfunc = evil.sf, stype = bigint);
CREATE AGGREGATE evil.sum(integer) (sfunc = evil.sf, stype = integer);
CREATE AGGREGATE evil.max(integer) (sfunc = evil.sf, stype = integer);
CREATE AGGREGATE evil.bool_and(boolean) (sfunc = evil.sf, stype = boolean);
CREATE FUNCTION evil.sf_agg2(state text, v text, d text) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('string_agg'); RETURN NULL; END$f$;
CREATE AGGREGATE evil.string_agg(text, text) (sfunc = evil.sf_agg2, stype = text);
-- operators, same signatures as pg_catalog's
CREATE FUNCTION evil.op_jt(jsonb, text) RETURNS jsonb LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb operator'); RETURN NULL; END$f$;
CREATE FUNCTION evil.op_jtt(jsonb, text) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb ->> operator'); RETURN NULL; END$f$;
CREATE FUNCTION evil.op_ji(jsonb, int) RETURNS jsonb LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb -> int operator'); RETURN NULL; END$f$;
CREATE FUNCTION evil.op_jit(jsonb, int) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb ->> int operator'); RETURN NULL; END$f$;
CREATE FUNCTION evil.op_jp(jsonb, text[]) RETURNS jsonb LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb #> operator'); RETURN NULL; END$f$;
CREATE FUNCTION evil.op_jpt(jsonb, text[]) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb #>> operator'); RETURN NULL; END$f$;
CREATE FUNCTION evil.op_jb(jsonb, jsonb) RETURNS boolean LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb comparison'); RETURN NULL; END$f$;
CREATE FUNCTION evil.op_jtb(jsonb, text) RETURNS boolean LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('jsonb ? operator'); RETURN NULL; END$f$;
CREATE FUNCTION evil.op_tt(text, text) RETURNS boolean LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('text comparison'); RETURN NULL; END$f$;
CREATE FUNCTION evil.op_cat(text, text) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('text ||'); RETURN NULL; END$f$;
CREATE FUNCTION evil.op_ii(int, int) RETURNS boolean LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('integer comparison'); RETURN NULL; END$f$;
CREATE FUNCTION evil.op_ll(bigint, bigint) RETURNS boolean LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('bigint comparison'); RETURN NULL; END$f$;
CREATE FUNCTION evil.op_iplus(int, int) RETURNS int LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('integer +'); RETURN NULL; END$f$;
CREATE FUNCTION evil.op_lplus(bigint, bigint) RETURNS bigint LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('bigint +'); RETURN NULL; END$f$;
CREATE OPERATOR evil.-> (leftarg = jsonb, rightarg = text, function = evil.op_jt);
CREATE OPERATOR evil.->> (leftarg = jsonb, rightarg = text, function = evil.op_jtt);
CREATE OPERATOR evil.-> (leftarg = jsonb, rightarg = int, function = evil.op_ji);
CREATE OPERATOR evil.->> (leftarg = jsonb, rightarg = int, function = evil.op_jit);
CREATE OPERATOR evil.#> (leftarg = jsonb, rightarg = text[], function = evil.op_jp);
CREATE OPERATOR evil.#>> (leftarg = jsonb, rightarg = text[], function = evil.op_jpt);
CREATE OPERATOR evil.@> (leftarg = jsonb, rightarg = jsonb, function = evil.op_jb);
CREATE OPERATOR evil.= (leftarg = jsonb, rightarg = jsonb, function = evil.op_jb);
CREATE OPERATOR evil.? (leftarg = jsonb, rightarg = text, function = evil.op_jtb);
CREATE OPERATOR evil.= (leftarg = text, rightarg = text, function = evil.op_tt);
CREATE OPERATOR evil.<> (leftarg = text, rightarg = text, function = evil.op_tt);
CREATE OPERATOR evil.|| (leftarg = text, rightarg = text, function = evil.op_cat);
CREATE OPERATOR evil.= (leftarg = int, rightarg = int, function = evil.op_ii);
CREATE OPERATOR evil.< (leftarg = int, rightarg = int, function = evil.op_ii);
CREATE OPERATOR evil.> (leftarg = int, rightarg = int, function = evil.op_ii);
CREATE OPERATOR evil.= (leftarg = bigint, rightarg = bigint, function = evil.op_ll);
CREATE OPERATOR evil.+ (leftarg = int, rightarg = int, function = evil.op_iplus);
CREATE OPERATOR evil.+ (leftarg = bigint, rightarg = bigint, function = evil.op_lplus);
-- in public, which the install script runs in: better matches than the built-ins
CREATE FUNCTION public.length(varchar) RETURNS int LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('public.length'); RETURN NULL; END$f$;
CREATE FUNCTION public.lower(varchar) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('public.lower'); RETURN NULL; END$f$;
CREATE FUNCTION public.upper(varchar) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('public.upper'); RETURN NULL; END$f$;
CREATE FUNCTION public.substr(varchar, int) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('public.substr'); RETURN NULL; END$f$;
CREATE FUNCTION public.jsonb_extract_path(jsonb, varchar) RETURNS jsonb LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('public.jsonb_extract_path'); RETURN NULL; END$f$;
CREATE FUNCTION public.jsonb_build_object(text, text) RETURNS jsonb LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('public.jsonb_build_object'); RETURN NULL; END$f$;
CREATE FUNCTION public.format(text, text) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('public.format'); RETURN NULL; END$f$;
CREATE FUNCTION public.concat(text, text) RETURNS text LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('public.concat'); RETURN NULL; END$f$;
CREATE FUNCTION public.op_jv(jsonb, varchar) RETURNS jsonb LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('public jsonb -> varchar'); RETURN NULL; END$f$;
CREATE OPERATOR public.-> (leftarg = jsonb, rightarg = varchar, function = public.op_jv);
CREATE FUNCTION public.op_tv(text, varchar) RETURNS boolean LANGUAGE plpgsql AS $f$BEGIN PERFORM evil.raise('public text = varchar'); RETURN NULL; END$f$;
CREATE OPERATOR public.= (leftarg = text, rightarg = varchar, function = public.op_tv);
EOF
)

if out=$(printf '%s\n%s\n' "$traps" "$lookalikes" | PGUSER=govdisc_sec_mallory q "$hostile" 2>&1); then
	ok "mallory planted $(printf '%s\n%s\n' "$traps" "$lookalikes" | grep -c '^CREATE') look-alikes in public and evil"
else
	notok "mallory planted the look-alikes" "$out"
fi

# The superuser installs under mallory's search_path.  Without SCHEMA an
# extension whose control file fixes none goes into the first schema of the
# search_path, mallory's evil: there her look-alikes of our functions make
# CREATE EXTENSION fail, and none of her traps may run on the way (the
# script's own search_path is pg_catalog, then the target schema).  Naming
# the schema, as docs/security.md says, installs it where it belongs.
out=$(q "$hostile" -c "SET search_path = evil, public, pg_catalog" -c "CREATE EXTENSION govdisc" 2>&1)
where=$(q "$hostile" -c "SELECT extnamespace::regnamespace FROM pg_extension WHERE extname = 'govdisc'")
if [[ "$out" != *called* ]] && { [ -z "$where" ] || [ "$where" = evil ]; }; then
	ok "CREATE EXTENSION without SCHEMA under search_path = evil, ...: no trap runs (${out:-installed in $where})"
else
	notok "CREATE EXTENSION without SCHEMA under search_path = evil, ...: no trap runs" "$out (schema: $where)"
fi
q "$hostile" -c "DROP EXTENSION IF EXISTS govdisc" >/dev/null 2>&1
if out=$(q "$hostile" -c "SET search_path = evil, public, pg_catalog" -c "CREATE EXTENSION govdisc SCHEMA public" 2>&1); then
	ok "CREATE EXTENSION govdisc SCHEMA public succeeds with search_path = evil, public, pg_catalog"
else
	notok "CREATE EXTENSION govdisc SCHEMA public succeeds with search_path = evil, public, pg_catalog" "$out"
fi

# The input, in both databases, written without a search_path to exploit.
for db in $clean $hostile; do
	q "$db" -v body="$(cat "$report")" >/dev/null <<'EOF'
SET search_path = pg_catalog;
CREATE TABLE public.govdisc_sec_input (body text, doc jsonb);
INSERT INTO public.govdisc_sec_input VALUES (:'body', public.govdisc_parse(:'body'));
GRANT SELECT ON public.govdisc_sec_input TO PUBLIC;
EOF
done

ncalls=0
while IFS='|' read -r name sig sql; do
	[ -z "$name" ] && continue
	ncalls=$((ncalls + 1))
	want=$(q "$clean" -c "$sql" 2>&1)
	got=$(q "$hostile" -c "SET search_path = evil, public, pg_catalog" -c "$sql" 2>&1)
	if [ "$got" = "$want" ] && [[ "$got" != *evil* ]]; then
		ok "$sig under search_path = evil, public, pg_catalog"
	else
		notok "$sig under search_path = evil, public, pg_catalog" "clean:   $want
hostile: $got"
	fi
done <<< "$calls"
[ "$ncalls" -gt 0 ] && ok "$ncalls functions called" || notok "no function of the extension could be called"

# The table's contents and comments read the same in both installs (in an
# order that does not depend on which functions evil imitates).
for what in "SELECT pg_catalog.md5(pg_catalog.string_agg(l::text, '|' ORDER BY l::text)) FROM public.govdisc_labels l" \
	"SELECT pg_catalog.md5(pg_catalog.string_agg(pg_catalog.obj_description(p.oid, 'pg_proc'), '|' ORDER BY p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid))) FROM pg_catalog.pg_proc p WHERE p.proname LIKE 'govdisc%'"; do
	want=$(q "$clean" -c "$what" 2>&1)
	got=$(q "$hostile" -c "SET search_path = evil, public, pg_catalog" -c "$what" 2>&1)
	if [ "$got" = "$want" ]; then ok "same in both installs: ${what:0:60}..."
	else notok "same in both installs: ${what:0:60}..." "clean:   $want
hostile: $got"; fi
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

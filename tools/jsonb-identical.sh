#!/usr/bin/env bash
# Does govdisc_parse at this tree write exactly the jsonb it wrote at REV?
#   flock /tmp/govdisc-pg.lock bash tools/jsonb-identical.sh [REV]   (default: main)
# For changes to the fmgr layer (src/pg), where tools/parse-identical.sh, which
# compares the core's GdReport, cannot see the document.  Builds the module at
# REV (a temporary checkout) and at the working tree, and in a throwaway
# cluster (pg_virtualenv; it installs nothing: the two builds are called by
# path) compares, per input, md5(govdisc_parse(body)::text) and
# md5(jsonb_send(govdisc_parse(body))), the document's binary form, of the two
# builds, each in a backend of its own (an error compares as its message).
# Inputs: the corpus and unlabeled
# reports (../shared, when present), the samples, the fuzz regressions and
# corpus that are UTF-8 without NUL, and 2,800 generated reports of every
# layout; in a UTF8, an SQL_ASCII and an EUC_CN database (there, the inputs
# EUC_CN can hold), since strings are written per encoding.
# Prints "identical: N documents" or the differing inputs; exit 1 then.
set -eu
cd "$(dirname "$0")/.."
rev=${1:-main}
if [ -z "${PG_VIRTUALENV_INSIDE:-}" ]; then
	work=$(mktemp -d)
	chmod 755 "$work"
	trap 'rm -rf "$work"' EXIT
	git worktree add -q --detach "$work/base" "$rev"
	trap 'git worktree remove --force "$work/base"; rm -rf "$work"' EXIT
	make -s -C "$work/base" -j2 govdisc.so >/dev/null
	make -s -j2 govdisc.so >/dev/null
	mkdir "$work/lib"
	cp "$work/base/govdisc.so" "$work/lib/base.so"
	cp govdisc.so "$work/lib/new.so"
	cc -std=c99 -O2 -w -o "$work/gen" tools/gen_reports.c

	# the inputs, as COPY text lines: name, body
	python3 - "$work/inputs.copy" ../shared/corpus/reports ../shared/corpus/unlabeled \
		test/samples/reports test/fuzz/regressions test/fuzz/corpus-parse <<'EOF'
import os, sys
out = open(sys.argv[1], 'w', encoding='utf-8')
for d in sys.argv[2:]:
    if not os.path.isdir(d):
        continue
    for f in sorted(os.listdir(d)):
        try:
            s = open(os.path.join(d, f), 'rb').read().decode('utf-8')
        except (UnicodeDecodeError, IsADirectoryError):
            continue
        if '\0' in s:
            continue
        e = s.replace('\\', '\\\\').replace('\n', '\\n').replace('\r', '\\r').replace('\t', '\\t')
        out.write('%s/%s\t%s\n' % (d, f, e))
EOF
	for layout in word pipe html pdflayout markdown spaced runtogether; do
		"$work/gen" --seed 5 --count 400 --layout "$layout" --format any --copy |
			awk -F'\t' -v OFS='\t' '{ print "gen/" $2 "/" $1, $3 }' >> "$work/inputs.copy"
	done
	chmod 644 "$work"/inputs.copy
	PG_VIRTUALENV_INSIDE=$work pg_virtualenv -t bash "$0" "$rev"
	exit $?
fi

# ---- inside the throwaway cluster ----
work=$PG_VIRTUALENV_INSIDE
fail=0
total=0
for enc in UTF8 SQL_ASCII EUC_CN; do
	db=cmp_$(echo "$enc" | tr 'A-Z_' 'a-z')
	createdb -E "$enc" --locale=C -T template0 "$db"
	sql() { PGCLIENTENCODING=UTF8 psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
	for b in base new; do
		sql -c "CREATE SCHEMA $b; CREATE FUNCTION $b.govdisc_parse(text) RETURNS jsonb
			AS '$work/lib/$b.so', 'govdisc_parse' LANGUAGE C IMMUTABLE STRICT"
	done
	# the document's bytes as they are stored (a superuser's cast, this cluster only)
	sql -c "CREATE CAST (jsonb AS bytea) WITHOUT FUNCTION"
	sql -c "CREATE TABLE s (name text, body text)"
	if [ "$enc" = EUC_CN ]; then
		# the inputs EUC_CN can hold, picked in the UTF8 database
		PGCLIENTENCODING=UTF8 psql -X -q -v ON_ERROR_STOP=1 -d cmp_utf8 <<'EOF'
CREATE FUNCTION fits(t text) RETURNS bool LANGUAGE plpgsql AS $f$
BEGIN PERFORM convert_to(t, 'EUC_CN'); RETURN true;
EXCEPTION WHEN others THEN RETURN false; END $f$;
EOF
		PGCLIENTENCODING=UTF8 psql -X -q -v ON_ERROR_STOP=1 -d cmp_utf8 \
			-c "\\copy (SELECT name, body FROM s WHERE fits(body)) TO '$work/euc.copy'"
		sql -c "\\copy s FROM '$work/euc.copy'"
	else
		sql -c "\\copy s FROM '$work/inputs.copy'"
	fi
	# an input a build refuses with an error compares as that error's message
	for b in base new; do
		sql -c "CREATE FUNCTION $b.fp(body text) RETURNS text LANGUAGE plpgsql AS \$f\$
			DECLARE d jsonb;
			BEGIN d := $b.govdisc_parse(body);
				RETURN md5(d::text) || ' ' || md5(jsonb_send(d)) || ' ' || md5(d::bytea);
			EXCEPTION WHEN others THEN RETURN 'error: ' || SQLERRM; END \$f\$"
		sql -c "SET jit = off; CREATE TABLE r_$b AS SELECT name, $b.fp(body) AS f FROM s"
	done
	diff="FROM r_base FULL JOIN r_new USING (name) WHERE r_base.f IS DISTINCT FROM r_new.f"
	n=$(sql -At -c "SELECT count(*) FROM r_new")
	bad=$(sql -At -c "SELECT count(*) $diff")
	echo "$enc: $n documents, $bad different"
	if [ "$bad" != 0 ]; then
		sql -At -c "SELECT name $diff LIMIT 20"
		fail=1
	fi
	total=$((total + n))
done
if [ $fail = 0 ]; then
	echo "identical: $total documents"
else
	echo "DIFFERENT"
	exit 1
fi

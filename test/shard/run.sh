#!/usr/bin/env bash
# make test-shard: govdisc scaled out with postgres_fdw.
#
# Starts a coordinator and two shard servers on 127.0.0.1 (throwaway clusters
# in a temporary directory), installs govdisc on all three, and builds the
# README's recipe (docs/scaling.md): a reports table hash-partitioned by agency
# whose partitions are postgres_fdw foreign tables on the shards.  The same
# rows also go into an ordinary table on the coordinator.  Then:
#   - EXPLAIN (VERBOSE) shows that filters and aggregates over govdisc_parse,
#     govdisc_is_valid and jsonb operators on their results are evaluated on
#     the shards (they are in "Remote SQL", not in a local Filter);
#   - every query gives the same answer as the single-server table, and as
#     the plain single-server way to write it.
# Everything it starts is stopped on exit, whatever happens.
# Prints "N passed, M failed[, K skipped]"; exits non-zero on any failure.
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
. "$repo/test/shard/cluster.sh"
. "$repo/test/shard/reports.sh"

# Each report is loaded this many times (as new rows of the same agency), so
# that every shard has a few hundred parses to do.
COPIES=${GD_SHARD_COPIES:-6}

. "$repo/test/tap.sh"

cleanup() { nodes_stop; }
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

[ -x "$GD_PGBIN/initdb" ] || die "PostgreSQL 15 server binaries in $GD_PGBIN" "initdb is missing: install postgresql-15"
sharedir=$("$GD_PGBIN/pg_config" --sharedir)
[ -f "$sharedir/extension/govdisc.control" ] ||
	die "govdisc is installed" "$sharedir/extension/govdisc.control is missing: run make install first"
[ -f "$sharedir/extension/postgres_fdw.control" ] ||
	die "postgres_fdw is installed" "install postgresql-15 (it ships postgres_fdw)"

gd_pick_user || die "an OS user to run the servers"
gd_make_tmp || die "a temporary directory"
# As root the servers run as another user, who must be able to load govdisc.so
# and to read the temporary directory's parent; both hold on Debian.
for n in coord shard1 shard2; do
	node_init "$n" || die "initdb $n"
	node_start "$n" || die "start $n"
done
echo "# coordinator on port $PORT_coord, shards on $PORT_shard1 and $PORT_shard2 (servers run as $GD_OSUSER)"

# ---------------------------------------------------------------------------
# The recipe (docs/scaling.md shows the same commands).

for n in shard1 shard2; do
	out=$(node_psql "$n" 2>&1 <<'SQL'
CREATE EXTENSION govdisc;
CREATE TABLE reports (id bigint PRIMARY KEY, agency text, name text, body text NOT NULL);
SQL
) || die "set up $n" "$out"
done

out=$(node_psql coord 2>&1 <<SQL
CREATE EXTENSION govdisc;
CREATE EXTENSION postgres_fdw;
CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '127.0.0.1', port '$PORT_shard1', dbname 'postgres',
	         extensions 'govdisc', async_capable 'true', batch_size '50',
	         fdw_tuple_cost '0.2');
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '127.0.0.1', port '$PORT_shard2', dbname 'postgres',
	         extensions 'govdisc', async_capable 'true', batch_size '50',
	         fdw_tuple_cost '0.2');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard2 OPTIONS (user 'postgres');

CREATE TABLE reports (id bigint NOT NULL, agency text, name text, body text NOT NULL)
	PARTITION BY HASH (agency);
CREATE FOREIGN TABLE reports_shard1 PARTITION OF reports
	FOR VALUES WITH (MODULUS 2, REMAINDER 0) SERVER shard1 OPTIONS (table_name 'reports');
CREATE FOREIGN TABLE reports_shard2 PARTITION OF reports
	FOR VALUES WITH (MODULUS 2, REMAINDER 1) SERVER shard2 OPTIONS (table_name 'reports');
ALTER DATABASE postgres SET enable_partitionwise_aggregate = on;

-- the single-server reference
CREATE TABLE reports_local (id bigint PRIMARY KEY, agency text, name text, body text NOT NULL);
SQL
) || die "set up the coordinator" "$out"
ok "coordinator and two shards set up with postgres_fdw (async_capable, extensions 'govdisc')"

# ---------------------------------------------------------------------------
# Load the reports: into a staging table from the client side, then the same
# rows into the sharded table and the local one.  The agency (the partition
# key) is what the parser reads, or, while it reads none, the file's name
# without its year.

files=$(gd_report_files "$GD_TMP/synthetic")
[ -n "$files" ] || die "report files to load"
mapfile -t filelist <<<"$files"
echo "# loading ${#filelist[@]} report files x $COPIES copies"
out=$(gd_staging_sql "${filelist[@]}" | node_psql coord 2>&1) || die "load the report files" "$out"
out=$(node_psql coord 2>&1 <<SQL
ALTER TABLE report_files ADD COLUMN agency text;
UPDATE report_files SET agency = coalesce(govdisc_parse(body)->>'agency',
	regexp_replace(name, '-(19|20)[0-9][0-9].*$', ''));
CREATE VIEW report_rows AS
	SELECT (c - 1) * 100000 + fileno AS id, agency, name, body
	FROM report_files, generate_series(1, $COPIES) AS c;
INSERT INTO reports SELECT * FROM report_rows;
INSERT INTO reports_local SELECT * FROM report_rows;
ANALYZE reports;
ANALYZE reports_local;
SQL
) || die "insert the reports" "$out"

# psql -At on the coordinator
q() { node_psql coord -At -c "$1" 2>&1; }

n_local=$(q "SELECT count(*) FROM reports_local")
n_dist=$(q "SELECT count(*) FROM reports")
if [ "$n_dist" = "$n_local" ] && [ "$n_local" -gt 0 ] 2>/dev/null; then
	ok "$n_dist rows in the sharded table, as in the local one"
else
	notok "row counts: sharded $n_dist, local $n_local"
fi

# The rows are on the shards themselves, spread over both when there is more
# than one agency.
n1=$(node_psql shard1 -At -c "SELECT count(*) FROM reports" 2>&1)
n2=$(node_psql shard2 -At -c "SELECT count(*) FROM reports" 2>&1)
agencies=$(q "SELECT count(DISTINCT agency) FROM reports_local")
if [ "$((n1 + n2))" != "$n_local" ] 2>/dev/null; then
	notok "the shards hold the rows" "shard1: $n1, shard2: $n2, expected $n_local in all"
elif [ "$agencies" -lt 2 ] 2>/dev/null; then
	skip "rows on both shards (only $agencies agency)"
elif [ "$n1" -gt 0 ] && [ "$n2" -gt 0 ]; then
	ok "the shards hold the rows: $n1 on shard1, $n2 on shard2 ($agencies agencies)"
else
	notok "rows on both shards" "shard1: $n1, shard2: $n2"
fi

versions=$(for n in coord shard1 shard2; do
	node_psql "$n" -At -c "SELECT extversion FROM pg_extension WHERE extname = 'govdisc'"
done | sort -u)
if [ "$(printf '%s\n' "$versions" | wc -l)" = 1 ] && [ -n "$versions" ]; then
	ok "the same govdisc version ($versions) on every node"
else
	notok "the same govdisc version on every node" "$versions"
fi

# ---------------------------------------------------------------------------
# Assertions.

# pushed NAME QUERY PATTERN...: EXPLAIN (VERBOSE) of QUERY on the coordinator
# has a Remote SQL line for each shard, each containing every PATTERN (an
# extended regular expression), and no Filter that govdisc is evaluated in
# locally.
pushed() {
	local name=$1 query=$2 plan remote pat bad=""
	shift 2
	plan=$(q "EXPLAIN (VERBOSE, COSTS OFF) $query") || { notok "$name: EXPLAIN" "$plan"; return; }
	remote=$(printf '%s\n' "$plan" | grep 'Remote SQL:')
	if [ "$(printf '%s\n' "$remote" | grep -c 'FROM public.reports')" -lt 2 ]; then
		bad="no Remote SQL on both shards"
	fi
	for pat in "$@"; do
		if printf '%s\n' "$remote" | grep -vqE -- "$pat"; then
			bad="$bad${bad:+; }a Remote SQL without /$pat/"
		fi
	done
	if printf '%s\n' "$plan" | grep -qE '^ *Filter:.*govdisc_'; then
		bad="$bad${bad:+; }govdisc is evaluated on the coordinator (Filter)"
	fi
	if [ -z "$bad" ]; then
		ok "$name: evaluated on the shards"
	else
		notok "$name: $bad" "$plan"
	fi
}

# same NAME QUERY_SHARDED QUERY_SINGLE: both succeed and give the same rows
same() {
	local name=$1 a b
	a=$(q "$2") || { notok "$name: the sharded query fails" "$a"; return; }
	b=$(q "$3") || { notok "$name: the single-server query fails" "$b"; return; }
	if [ "$a" = "$b" ]; then
		ok "$name: same result as on one server ($(printf '%s\n' "$a" | grep -c .) rows)"
	else
		notok "$name: results differ" "$(diff <(printf '%s\n' "$b") <(printf '%s\n' "$a") | head -20)"
	fi
}

# on TABLE QUERY: QUERY with @table@ replaced by TABLE
on() { printf '%s' "${2//@table@/$1}"; }

has_valid=$(q "SELECT to_regprocedure('govdisc_is_valid(text)') IS NOT NULL")

# 1. A filter on the parsed document, with a jsonb subscript.
Q="SELECT id FROM @table@ WHERE (govdisc_parse(body))['template'] = '\"2021\"' ORDER BY id"
pushed "subscript filter" "$(on reports "$Q")" "public\.govdisc_parse\(body\)\)\['template'"
same "subscript filter" "$(on reports "$Q")" "$(on reports_local "$Q")"

# 2. A jsonpath filter (@@) on the parsed document.
Q="SELECT count(*) FROM @table@ WHERE govdisc_parse(body) @@ '\$.schema == 1 && \$.year >= 2021'"
pushed "jsonpath filter" "$(on reports "$Q")" "public\.govdisc_parse\(body\) @@"
same "jsonpath filter" "$(on reports "$Q")" "$(on reports_local "$Q")"

# 3. The sums of the 表三 totals per agency: grouped by the partition key,
#    the whole aggregate runs on the shards.  The jsonpath spelling is the one
#    postgres_fdw can ship (see docs/scaling.md); the single-server side is
#    written the plain way, with -> and ->>.
Q="SELECT agency, sum(jsonb_path_query_first(govdisc_parse(body), '\$.requests.total.total ? (@ != null)')::int), count(*)
   FROM reports GROUP BY agency ORDER BY agency"
pushed "sum of 表三 totals per agency" "$Q" "sum\(jsonb_path_query_first\(public\.govdisc_parse\(body\)" "GROUP BY 1"
same "sum of 表三 totals per agency" "$Q" \
	"SELECT agency, sum((govdisc_parse(body)->'requests'->'total'->>'total')::int), count(*)
	 FROM reports_local GROUP BY agency ORDER BY agency"

# 4. A plain scan of both shards: they run at once.
Q="SELECT id FROM reports WHERE (govdisc_parse(body))['year'] IS NOT NULL"
plan=$(q "EXPLAIN (VERBOSE, COSTS OFF) $Q")
if [ "$(printf '%s\n' "$plan" | grep -c 'Async Foreign Scan')" = 2 ]; then
	ok "async_capable: the two shards are scanned concurrently (Async Foreign Scan)"
else
	notok "async_capable: two Async Foreign Scans" "$plan"
fi

# 5. Invalid reports (govdisc_is_valid), and their number per year: each
#    shard sends one row per agency (the partition key) with the years of its
#    invalid reports; the coordinator counts them per year.
if [ "$has_valid" = t ]; then
	Q="SELECT id FROM @table@ WHERE NOT govdisc_is_valid(body) ORDER BY id"
	pushed "govdisc_is_valid filter" "$(on reports "$Q")" "NOT public\.govdisc_is_valid\(body\)"
	same "govdisc_is_valid filter" "$(on reports "$Q")" "$(on reports_local "$Q")"

	Q="SELECT (y #>> '{}')::int AS year, count(*)::int FROM (
	     SELECT agency, array_agg((govdisc_parse(body))['year']) AS years
	     FROM reports WHERE NOT govdisc_is_valid(body) GROUP BY agency) AS per_agency,
	     unnest(years) AS y
	   GROUP BY 1 ORDER BY 1 NULLS FIRST"
	pushed "invalid reports per year" "$Q" "NOT public\.govdisc_is_valid\(body\)" \
		"array_agg\(\(\(public\.govdisc_parse\(body\)\)\['year'" "GROUP BY 1"
	same "invalid reports per year" "$Q" \
		"SELECT (govdisc_parse(body)->>'year')::int AS year, count(*)::int
		 FROM reports_local WHERE NOT govdisc_is_valid(body) GROUP BY 1 ORDER BY 1 NULLS FIRST"
	n_invalid=$(q "SELECT count(*) FROM reports_local WHERE NOT govdisc_is_valid(body)")
	echo "# $n_invalid of $n_local rows are invalid reports"
else
	skip "govdisc_is_valid filter (govdisc_is_valid(text) is not installed yet)"
	skip "invalid reports per year (govdisc_is_valid(text) is not installed yet)"
fi

# 6. Without the extensions option, postgres_fdw does not ship govdisc's
#    functions: the coordinator parses every report itself.
q "ALTER SERVER shard1 OPTIONS (DROP extensions)" >/dev/null
plan=$(q "EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM reports WHERE govdisc_parse(body) @@ '\$.year >= 2021'")
q "ALTER SERVER shard1 OPTIONS (ADD extensions 'govdisc')" >/dev/null
if printf '%s\n' "$plan" | grep -q 'Remote SQL: SELECT id, body FROM public.reports$' &&
	printf '%s\n' "$plan" | grep -qE '^ *Filter:.*govdisc_parse' &&
	printf '%s\n' "$plan" | grep -q 'Remote SQL:.*public.govdisc_parse'; then
	ok "without extensions 'govdisc' that shard's rows are parsed on the coordinator"
else
	notok "without extensions 'govdisc' that shard's rows are parsed on the coordinator" "$plan"
fi

# 7. Parse once, on the shards: a doc column filled by an UPDATE that each
#    shard runs itself (a direct foreign update), then read by later queries.
out=$(for n in shard1 shard2; do
	node_psql "$n" -c "ALTER TABLE reports ADD COLUMN doc jsonb" || exit 1
done 2>&1) || die "add the doc column on the shards" "$out"
out=$(node_psql coord 2>&1 <<'SQL'
ALTER TABLE reports ADD COLUMN doc jsonb;
ALTER TABLE reports_local ADD COLUMN doc jsonb;
UPDATE reports_local SET doc = govdisc_parse(body);
SQL
) || die "add the doc column on the coordinator" "$out"
Q="UPDATE reports SET doc = govdisc_parse(body)"
plan=$(q "EXPLAIN (VERBOSE, COSTS OFF) $Q")
if [ "$(printf '%s\n' "$plan" | grep -c 'Remote SQL: UPDATE public.reports SET doc = public.govdisc_parse(body)$')" = 2 ]; then
	ok "UPDATE ... SET doc = govdisc_parse(body) runs on the shards (direct foreign update)"
else
	notok "UPDATE ... SET doc = govdisc_parse(body) runs on the shards" "$plan"
fi
out=$(q "$Q") || notok "$Q" "$out"
n_doc=$(node_psql shard1 -At -c "SELECT count(*) FROM reports WHERE doc IS NOT NULL" 2>&1)
if [ "$n_doc" = "$n1" ]; then
	ok "the shards store the documents ($n_doc on shard1)"
else
	notok "the shards store the documents" "shard1 has $n_doc documents for $n1 rows"
fi

Q="SELECT agency, sum(jsonb_path_query_first(doc, '\$.requests.received.total ? (@ != null)')::int),
          count(*) FILTER (WHERE doc @@ '\$.template == \"2021\"')
   FROM reports GROUP BY agency ORDER BY agency"
pushed "sums over the stored documents" "$Q" "sum\(jsonb_path_query_first\(doc" "GROUP BY 1"
same "sums over the stored documents" "$Q" \
	"SELECT agency, sum((doc->'requests'->'received'->>'total')::int),
	        count(*) FILTER (WHERE doc->>'template' = '2021')
	 FROM reports_local GROUP BY agency ORDER BY agency"
if [ "$(q "SELECT to_regprocedure('govdisc_is_valid(jsonb)') IS NOT NULL")" = t ]; then
	Q="SELECT id FROM @table@ WHERE NOT govdisc_is_valid(doc) ORDER BY id"
	pushed "govdisc_is_valid over the stored documents" "$(on reports "$Q")" "NOT public\.govdisc_is_valid\(doc\)"
	same "govdisc_is_valid over the stored documents" "$(on reports "$Q")" \
		"SELECT id FROM reports_local WHERE NOT govdisc_is_valid(body) ORDER BY id"
else
	skip "govdisc_is_valid over the stored documents (govdisc_is_valid(jsonb) is not installed)"
fi

tap_done

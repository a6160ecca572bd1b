# Throwaway PostgreSQL servers for the scale-out test (sourced, not run).
#
# node_init NAME / node_start NAME / nodes_stop: each node is a cluster under
# $GD_TMP/NAME listening on 127.0.0.1 on a free port, with its socket in
# $GD_TMP.  As root the servers run as the postgres OS user (or, without one,
# as a user made for the purpose); otherwise as the current user.  The
# database superuser is always "postgres", authenticated by trust on loopback
# only, so the coordinator's postgres_fdw can reach the shards.

GD_PGBIN=${GD_PGBIN:-/usr/lib/postgresql/15/bin}
GD_NODES=()

# The OS user that owns the clusters.
gd_pick_user() {
	if [ "$(id -u)" != 0 ]; then
		GD_OSUSER=$(id -un)
	elif getent passwd postgres >/dev/null; then
		GD_OSUSER=postgres
	else
		GD_OSUSER=govdisc_shard
		getent passwd "$GD_OSUSER" >/dev/null ||
			useradd --system --no-create-home --shell /usr/sbin/nologin "$GD_OSUSER" ||
			return 1
	fi
}

# as_osuser CMD...: run CMD as the clusters' owner
as_osuser() {
	if [ "$(id -u)" = 0 ] && [ "$GD_OSUSER" != root ]; then
		runuser -u "$GD_OSUSER" -- "$@"
	else
		"$@"
	fi
}

gd_make_tmp() {
	local parent=${TMPDIR:-/tmp}
	# The servers' user must reach the directory: as root, a private TMPDIR
	# (say under /root) will not do, /tmp will.
	if [ "$(id -u)" = 0 ] && ! runuser -u "$GD_OSUSER" -- test -w "$parent" -a -x "$parent"; then
		parent=/tmp
	fi
	GD_TMP=$(mktemp -d "$parent/govdisc-shard.XXXXXX") || return 1
	chmod 700 "$GD_TMP"
	if [ "$(id -u)" = 0 ]; then chown "$GD_OSUSER" "$GD_TMP" || return 1; fi
	return 0
}

# A TCP port on 127.0.0.1 that nothing answers on.  Nodes are started one
# after the other, so an earlier node's port answers by then.
gd_free_port() {
	local p tries=0
	while [ $tries -lt 200 ]; do
		p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
		tries=$((tries + 1))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

node_init() {
	local name=$1
	as_osuser "$GD_PGBIN/initdb" -D "$GD_TMP/$name" -U postgres -A trust \
		-E UTF8 --no-locale --no-sync >"$GD_TMP/$name.initdb.log" 2>&1 || {
		cat "$GD_TMP/$name.initdb.log" >&2
		return 1
	}
	cat >>"$GD_TMP/$name/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$GD_TMP'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 32MB
max_connections = 20
max_worker_processes = 8
max_parallel_workers_per_gather = 2
CONF
}

# node_start NAME: start on a free port (a few tries, in case another process
# takes the port first); sets PORT_<NAME>
node_start() {
	local name=$1 port
	for _ in 1 2 3; do
		port=$(gd_free_port) || return 1
		if as_osuser "$GD_PGBIN/pg_ctl" -D "$GD_TMP/$name" -l "$GD_TMP/$name.log" \
			-o "-p $port" -w -t 60 start >/dev/null 2>&1; then
			GD_NODES+=("$name")
			printf -v "PORT_$name" '%s' "$port"
			return 0
		fi
	done
	echo "could not start node $name:" >&2
	tail -20 "$GD_TMP/$name.log" >&2
	return 1
}

# Stop every node that was started, then remove the directory.
nodes_stop() {
	local name
	for name in "${GD_NODES[@]}"; do
		as_osuser "$GD_PGBIN/pg_ctl" -D "$GD_TMP/$name" -m immediate -w stop >/dev/null 2>&1 ||
			echo "warning: could not stop node $name" >&2
	done
	GD_NODES=()
	[ -n "${GD_TMP:-}" ] && [ -d "$GD_TMP" ] && rm -rf "$GD_TMP"
}

# node_psql NAME [psql options...]: psql as postgres on node NAME
node_psql() {
	local name=$1 port
	shift
	port=PORT_$name
	"$GD_PGBIN/psql" -X -q -h 127.0.0.1 -p "${!port}" -U postgres -d postgres \
		-v ON_ERROR_STOP=1 "$@"
}

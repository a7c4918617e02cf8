#!/usr/bin/env bash
# Starts or stops a private PostgreSQL 15 server for tests, benchmarks and the local
# demo store. Never touches a system-wide server.
#
#   pg-local.sh start DIR [PORT]   initdb (once) and start; prints the connection env
#   pg-local.sh stop DIR           stop the server in DIR
#   pg-local.sh env DIR            print the connection env of a running server
#   pg-local.sh destroy DIR        stop the server and delete DIR
#
# initdb refuses to run as root, so as root the server runs as the 'postgres' user
# (created by the postgresql package); DIR and its parents must be enterable by it.
set -euo pipefail

cmd=${1:-}
dir=${2:-}
port=${3:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop|env|destroy DIR [PORT]" >&2; exit 2; }

pgbin=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
[ -n "$pgbin" ] || { echo "pg-local: PostgreSQL 15 server binaries not found; run scripts/install-deps.sh" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

print_env() {
    echo "PGHOST=$dir/sock"
    echo "PGPORT=$(cat "$dir/port")"
    echo "PGUSER=cronhelm"
    echo "PGDATABASE=cronhelm"
}

case "$cmd" in
start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$dir"
    fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_owner "$pgbin/initdb" -D "$dir/data" -U cronhelm --auth=trust --no-sync \
            -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    as_owner mkdir -p "$dir/sock"
    if [ -z "$port" ]; then
        port=$(cat "$dir/port" 2>/dev/null || echo $((20000 + RANDOM % 20000)))
    fi
    as_owner sh -c "echo $port > '$dir/port'"
    # Test and benchmark servers are thrown away: skip the flushes. A store that keeps
    # someone's jobs (PG_DURABLE=1, the local stack) keeps PostgreSQL's defaults.
    durability="-c fsync=off -c synchronous_commit=off"
    if [ "${PG_DURABLE:-0}" = 1 ]; then
        durability=""
    fi
    if ! as_owner "$pgbin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
            -o "-p $port -k $dir/sock -c listen_addresses='${PG_LISTEN:-}' $durability -c max_connections=200" \
            start >/dev/null || { tail -20 "$dir/server.log" >&2; exit 1; }
        # The client user owns nothing in the cluster yet: give it a database of its own.
        "$pgbin/psql" -h "$dir/sock" -p "$port" -U cronhelm -d postgres -qAtc \
            "SELECT 1 FROM pg_database WHERE datname = 'cronhelm'" | grep -q 1 \
            || "$pgbin/createdb" -h "$dir/sock" -p "$port" -U cronhelm cronhelm
    fi
    print_env
    ;;
stop)
    if [ -f "$dir/data/PG_VERSION" ]; then
        as_owner "$pgbin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
env)
    print_env
    ;;
destroy)
    if [ -f "$dir/data/PG_VERSION" ]; then
        as_owner "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop|env DIR [PORT]" >&2
    exit 2
    ;;
esac

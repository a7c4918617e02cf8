#!/usr/bin/env bash
# Starts or stops a private PostgreSQL 15 server for tests, benchmarks and the local
# demo store. Never touches a system-wide server.
#
#   pg-local.sh start DIR [PORT]   initdb (once) and start; prints the connection env
#   pg-local.sh stop DIR           stop the server in DIR
#   pg-local.sh env DIR            print the connection env of a running server
#   pg-local.sh destroy DIR        stop the server and delete DIR
#
# Who gets in (see docs/security.md). Checked on every start, so that a store made by an
# older version (folders 0755, socket 0777, trust for everyone) is tightened, running or not:
#  - DIR, its socket folder and the socket are the server's OS user's alone (0700; root
#    passes anyway). No other local user can even reach the socket.
#  - The OS user that owns the store logs in as the superuser cronhelm by peer
#    authentication: the kernel says who is calling, no password. The pg_ident map "owner"
#    names the server's OS user and the one running this script (root, as root).
#  - Every other role logs in with its password (scram-sha-256). PostgreSQL 15 cannot map
#    one OS user to any role, so roles made for tests get the random password in DIR/pgpass
#    (0600; `start` and `env` print PGPASSFILE for libpq). cronhelm has it too, for TCP.
#  - Nobody is trusted. PG_LISTEN=ADDRESSES adds a TCP listener (scram-sha-256);
#    PG_TLS_CERT and PG_TLS_KEY (PEM files) turn TLS on and make TCP require it (hostssl).
#
# initdb refuses to run as root, so as root the server runs as $PG_SERVER_USER ('postgres'
# by default, created by the postgresql package); DIR's parents must be enterable by it.
set -euo pipefail

cmd=${1:-}
dir=${2:-}
port=${3:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop|env|destroy DIR [PORT]" >&2; exit 2; }
# The server's user may not enter the caller's working directory (e.g. under /root).
dir=$(realpath -m "$dir")
cd /

pgbin=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
[ -n "$pgbin" ] || { echo "pg-local: PostgreSQL 15 server binaries not found; run scripts/install-deps.sh" >&2; exit 1; }

me=$(id -un)
if [ "$(id -u)" -ne 0 ]; then
    server_user=$me
elif [ -d "$dir/data" ]; then
    server_user=$(stat -c %U "$dir/data")
else
    server_user=${PG_SERVER_USER:-postgres}
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$server_user" -- "$@"
    else
        "$@"
    fi
}

print_env() {
    echo "PGHOST=$dir/sock"
    echo "PGPORT=$(cat "$dir/port")"
    echo "PGUSER=cronhelm"
    echo "PGDATABASE=cronhelm"
    echo "PGPASSFILE=$dir/pgpass"
}

# Writes stdin to FILE (owned by the server's user, mode 0600) unless it holds that already.
# Succeeds (0) when the file changed.
write_owned() {
    local file=$1 content
    content=$(cat)
    if [ -f "$file" ] && [ "$(cat "$file")" = "$content" ]; then
        return 1
    fi
    printf '%s\n' "$content" | as_owner tee "$file" >/dev/null
    as_owner chmod 600 "$file"
    return 0
}

# pg_hba.conf and pg_ident.conf as described above. Succeeds when either changed.
write_access_rules() {
    local changed=1 tcp="host" address
    [ -n "${PG_TLS_CERT:-}" ] && tcp="hostssl"
    {
        echo "# Written by Cronhelm on every start of the server; edits are replaced."
        echo "# Only the owner of the socket folder (0700) reaches this server. No trust."
        echo "# TYPE  DATABASE  USER      ADDRESS  METHOD"
        echo "local   all       cronhelm           peer map=owner"
        echo "local   all       all                scram-sha-256"
        if [ -n "${PG_LISTEN:-}" ]; then
            for address in 127.0.0.1/32 ::1/128; do
                echo "$tcp $(printf '%-9s' all) all       $address scram-sha-256"
            done
        fi
    } | write_owned "$dir/data/pg_hba.conf" && changed=0
    {
        echo "# Written by Cronhelm on every start of the server; edits are replaced."
        echo "# The OS users that log in as cronhelm. MAPNAME SYSTEM-USERNAME PG-USERNAME"
        echo "owner \"$server_user\" cronhelm"
        if [ "$me" != "$server_user" ]; then
            echo "owner \"$me\" cronhelm"
        fi
    } | write_owned "$dir/data/pg_ident.conf" && changed=0
    return $changed
}

psql_owner() {
    "$pgbin/psql" -X -h "$dir/sock" -p "$port" -U cronhelm "$@"
}

case "$cmd" in
start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown "$server_user": "$dir"
    fi
    chmod 700 "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_owner "$pgbin/initdb" -D "$dir/data" -U cronhelm --auth-local=peer \
            --auth-host=scram-sha-256 --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    as_owner mkdir -p "$dir/sock"
    as_owner chmod 700 "$dir/sock"
    if [ -f "$dir/server.log" ]; then
        as_owner chmod 600 "$dir/server.log"
    fi
    if [ -z "$port" ]; then
        port=$(cat "$dir/port" 2>/dev/null || echo $((20000 + RANDOM % 20000)))
    fi
    as_owner sh -c "echo $port > '$dir/port'"
    rules_changed=no
    write_access_rules && rules_changed=yes
    tls=""
    if [ -n "${PG_TLS_CERT:-}" ]; then
        [ -n "${PG_TLS_KEY:-}" ] || { echo "pg-local: PG_TLS_CERT needs PG_TLS_KEY" >&2; exit 2; }
        # The server reads its key only when its own user owns it with mode 0600.
        as_owner mkdir -p "$dir/tls"
        write_owned "$dir/tls/server.crt" <"$PG_TLS_CERT" || true
        write_owned "$dir/tls/server.key" <"$PG_TLS_KEY" || true
        tls="-c ssl=on -c ssl_cert_file=$dir/tls/server.crt -c ssl_key_file=$dir/tls/server.key"
    fi
    # Test and benchmark servers are thrown away: skip the flushes. A store that keeps
    # someone's jobs (PG_DURABLE=1, the local stack) keeps PostgreSQL's defaults.
    durability="-c fsync=off -c synchronous_commit=off"
    # PG_LC_MESSAGES=de_DE.UTF-8: the server's messages in that language (the tests' German
    # error paths); the locale must exist on the system.
    messages=${PG_LC_MESSAGES:+-c lc_messages=$PG_LC_MESSAGES}
    if [ "${PG_DURABLE:-0}" = 1 ]; then
        durability=""
    fi
    if ! as_owner "$pgbin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
            -o "-p $port -k $dir/sock -c unix_socket_permissions=0700 -c listen_addresses='${PG_LISTEN:-}' $tls $durability $messages -c max_connections=200" \
            start >/dev/null || { tail -20 "$dir/server.log" >&2; exit 1; }
    else
        # Started earlier, perhaps by an older version with a socket open to everyone: close
        # it now (its mode is only set at server start) and load the new rules.
        port=$(sed -n 4p "$dir/data/postmaster.pid")
        for socket in "$dir"/sock/.s.PGSQL.*; do
            if [ -S "$socket" ]; then
                as_owner chmod 700 "$socket"
            fi
        done
        if [ "$rules_changed" = yes ]; then
            loaded=$(psql_owner -d postgres -qAtc "SELECT pg_conf_load_time()")
            as_owner "$pgbin/pg_ctl" -D "$dir/data" reload >/dev/null
            for _ in $(seq 200); do
                now=$(psql_owner -d postgres -qAtc "SELECT pg_conf_load_time()")
                [ "$now" != "$loaded" ] && break
                sleep 0.05
            done
            [ "$now" != "$loaded" ] || { echo "pg-local: the server did not reload its access rules" >&2; exit 1; }
        fi
    fi
    # The password of roles made for tests, and of cronhelm over TCP (see above).
    if [ ! -s "$dir/pgpass" ]; then
        password=$(head -c 24 /dev/urandom | base64 | tr -d '+/=')
        (umask 077 && printf '*:*:*:*:%s\n' "$password" >"$dir/pgpass")
        # On stdin, not in an argument other users could see with ps.
        printf "ALTER ROLE cronhelm PASSWORD '%s'" "$password" | psql_owner -d postgres -q -f - \
            >/dev/null
    fi
    chmod 600 "$dir/pgpass"
    # The client user owns nothing in the cluster yet: give it a database of its own.
    psql_owner -d postgres -qAtc "SELECT 1 FROM pg_database WHERE datname = 'cronhelm'" \
        | grep -q 1 || "$pgbin/createdb" -h "$dir/sock" -p "$port" -U cronhelm cronhelm
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

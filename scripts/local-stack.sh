#!/usr/bin/env bash
# A one-machine Cronhelm: a private PostgreSQL for the current user (never a system-wide
# server), the schema, a few sample jobs that work offline, and two cronhelm-node processes
# (an executor and a standby).
#
#   local-stack.sh start    start (or reuse) everything; prints how to connect
#   local-stack.sh stop     stop what start started
#   local-stack.sh env      print CRONHELM_DB for this store
#
# Data lives in $XDG_DATA_HOME/cronhelm (as root: /var/lib/cronhelm-local, because the
# server runs as the unprivileged 'postgres' user, which cannot enter /root).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build_dir=${CRONHELM_BUILD_DIR:-$here/../build}
ctl="$build_dir/app/cronhelmctl/cronhelmctl"
node="$build_dir/app/cronhelm-node/cronhelm-node"

if [ "$(id -u)" -eq 0 ]; then
    data=${CRONHELM_LOCAL_DIR:-/var/lib/cronhelm-local}
else
    data=${CRONHELM_LOCAL_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/cronhelm}
fi
store="$data/store"
port_file="$data/port"

conninfo() {
    echo "host=$store/sock port=$(cat "$port_file") user=cronhelm dbname=cronhelm"
}

add_sample_jobs() {
    local db
    db=$(conninfo)
    if "$ctl" --db "$db" job show "Hello every minute" >/dev/null 2>&1; then
        return
    fi
    "$ctl" --db "$db" job add "Hello every minute" --cron "* * * * *" \
        --shell 'echo "Hello from Cronhelm on $(hostname) at $(date -u +%H:%M:%S) UTC"' \
        --description "A shell job that prints a greeting every minute." --owner "demo" >/dev/null
    "$ctl" --db "$db" job add "Disk space report" --cron "*/5 * * * *" \
        --shell "df -h / | tail -n 1" \
        --description "Every five minutes: how full the root disk is." --owner "ops" >/dev/null
    "$ctl" --db "$db" job add "Weekday morning summary" --cron "30 8 * * MON-FRI" --tz Europe/Berlin \
        --shell 'echo "Good morning: $(uptime)"' \
        --description "At 08:30 Berlin time on weekdays." --owner "business" >/dev/null
    "$ctl" --db "$db" job add "Month-end close" --cron "0 18 LW * *" --tz America/New_York \
        --shell 'echo "Closing the month"' --retries 2 \
        --description "At 18:00 New York time on the last weekday of every month." \
        --owner "finance" >/dev/null
    "$ctl" --db "$db" job add "Flaky example" --cron "*/2 * * * *" \
        --shell 'echo "trying..."; test $(( $(date +%s) / 120 % 2 )) -eq 0' --retries 1 \
        --retry-backoff fixed --retry-delay 10 \
        --description "Fails every other time, to show failures, retries and colours." \
        --owner "demo" >/dev/null
}

start_node() {
    local name=$1
    local pidfile="$data/$name.pid"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        return
    fi
    nohup "$node" --db "$(conninfo)" --node-id "$(hostname)-$name" \
        --log-file "$data/$name.log" >/dev/null 2>&1 &
    echo $! >"$pidfile"
}

case "${1:-}" in
start)
    mkdir -p "$data"
    if [ "$(id -u)" -eq 0 ]; then
        chmod 755 "$data"
    fi
    port=$(cat "$port_file" 2>/dev/null || echo $((40000 + RANDOM % 10000)))
    echo "$port" >"$port_file"
    "$here/pg-local.sh" start "$store" "$port" >/dev/null
    "$ctl" --db "$(conninfo)" migrate
    add_sample_jobs
    start_node node-a
    sleep 1
    start_node node-b
    sleep 1
    echo
    "$ctl" --db "$(conninfo)" status
    echo
    echo "Store:   export CRONHELM_DB=\"$(conninfo)\""
    echo "Logs:    $data/node-a.log, $data/node-b.log"
    echo "Stop:    $0 stop"
    ;;
stop)
    for name in node-a node-b; do
        pidfile="$data/$name.pid"
        if [ -f "$pidfile" ]; then
            kill "$(cat "$pidfile")" 2>/dev/null || true
            rm -f "$pidfile"
        fi
    done
    sleep 1
    "$here/pg-local.sh" stop "$store"
    echo "Stopped the local nodes and store ($data)."
    ;;
env)
    echo "CRONHELM_DB=\"$(conninfo)\""
    ;;
*)
    echo "usage: $0 start|stop|env" >&2
    exit 2
    ;;
esac

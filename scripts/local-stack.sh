#!/usr/bin/env bash
# A one-machine Cronhelm: a private PostgreSQL for the current user (never a system-wide
# server), the schema, a few sample jobs that work offline, two cronhelm-node processes
# (an executor and a standby), and cronhelm-demo-endpoint, a small HTTP endpoint on
# 127.0.0.1 that the sample HTTP jobs call and their notifications go to.
#
#   local-stack.sh start    start (or reuse) everything; prints how to connect
#   local-stack.sh stop     stop what start started
#   local-stack.sh env      print CRONHELM_DB for this store
#
# Data lives in $XDG_DATA_HOME/cronhelm (as root: /var/lib/cronhelm-local, because the
# server runs as the unprivileged 'postgres' user, which cannot enter /root). It is the
# current user's alone: folders 0700 (as root 0710 root:postgres, so that the server can
# pass), logs 0600, and the store lets in no other OS user (scripts/pg-local.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build_dir=${CRONHELM_BUILD_DIR:-$here/../build}
ctl="$build_dir/app/cronhelmctl/cronhelmctl"
node="$build_dir/app/cronhelm-node/cronhelm-node"
endpoint="$build_dir/app/demo-endpoint/cronhelm-demo-endpoint"

if [ "$(id -u)" -eq 0 ]; then
    data=${CRONHELM_LOCAL_DIR:-/var/lib/cronhelm-local}
else
    data=${CRONHELM_LOCAL_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/cronhelm}
fi
store="$data/store"
port_file="$data/port"
# The endpoint's port is kept here: the sample jobs store URLs with it.
endpoint_port_file="$data/demo-endpoint.port"
notifications="$data/demo-notifications.log"
samples_file="$data/samples-added"

conninfo() {
    echo "host=$store/sock port=$(cat "$port_file") user=cronhelm dbname=cronhelm"
}

# add_sample NAME OPTIONS...: adds a sample job once. The names offered are kept in
# $samples_file, so samples added by a later version of this script still reach an existing
# store, while a sample the user deleted stays deleted.
add_sample() {
    local name=$1 db error status=0
    shift
    if grep -qxF -- "$name" "$samples_file" 2>/dev/null; then
        return
    fi
    db=$(conninfo)
    error=$("$ctl" --db "$db" job show "$name" 2>&1 >/dev/null) || status=$?
    case $status in
    0) ;;
    4) "$ctl" --db "$db" job add "$name" "$@" >/dev/null ;;
    *)
        echo "$error" >&2
        exit 1
        ;;
    esac
    echo "$name" >>"$samples_file"
}

demo_url() {
    echo "http://127.0.0.1:$(cat "$endpoint_port_file")$1"
}

add_sample_jobs() {
    add_sample "Hello every minute" --cron "* * * * *" \
        --shell 'echo "Hello from Cronhelm on $(hostname) at $(date -u +%H:%M:%S) UTC"' \
        --description "A shell job that prints a greeting every minute." --owner "demo"
    add_sample "Disk space report" --cron "*/5 * * * *" \
        --shell "df -h / | tail -n 1" \
        --description "Every five minutes: how full the root disk is." --owner "ops"
    add_sample "Weekday morning summary" --cron "30 8 * * MON-FRI" --tz Europe/Berlin \
        --shell 'echo "Good morning: $(uptime)"' \
        --description "At 08:30 Berlin time on weekdays." --owner "business"
    add_sample "Month-end close" --cron "0 18 LW * *" --tz America/New_York \
        --shell 'echo "Closing the month"' --retries 2 \
        --description "At 18:00 New York time on the last weekday of every month." \
        --owner "finance"
    add_sample "Flaky example" --cron "*/2 * * * *" \
        --shell 'echo "trying..."; test $(( $(date +%s) / 120 % 2 )) -eq 0' --retries 1 \
        --retry-backoff fixed --retry-delay 10 \
        --description "Fails every other time, to show failures, retries and colours." \
        --owner "demo"
    if [ -f "$endpoint_port_file" ]; then
        local report="Every two minutes: a report from the demo endpoint (sometimes slow),"
        report+=" with a Slack-style notification after each run (demo-notifications.log)."
        add_sample "Health check" --cron "* * * * *" \
            --http "$(demo_url /health)" --expect-status 200 --timeout 10 \
            --description "Every minute: GET /health on the demo endpoint." --owner "ops"
        add_sample "Sales report" --cron "*/2 * * * *" \
            --http "$(demo_url /report)" --timeout 30 \
            --notify-slack "$(demo_url /notify)" --notify-on success,failure \
            --description "$report" --owner "business"
    fi
}

# Waits until the endpoint with this pid listens on the port in its port file (written
# once it listens); false when it ended instead.
wait_for_endpoint() {
    local pid=$1 port
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || return 1
        port=$(cat "$endpoint_port_file" 2>/dev/null || true)
        if [ -n "$port" ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    return 1
}

# The HTTP endpoint the sample HTTP jobs call. Its port is chosen on the first start and
# kept in $endpoint_port_file, as the jobs store URLs with it.
start_endpoint() {
    local pidfile="$data/demo-endpoint.pid" pid port_option
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        return
    fi
    if [ ! -x "$endpoint" ]; then
        echo "note: $endpoint is not built; skipping the sample HTTP jobs." >&2
        return
    fi
    for _ in 1 2 3 4 5; do
        port_option=()
        if [ ! -f "$endpoint_port_file" ]; then
            # Below the kernel's ephemeral range (32768-60999), so that no outgoing
            # connection holds the port while the endpoint is stopped.
            port_option=(--port $((20000 + RANDOM % 12000)))
        fi
        private_file "$data/demo-endpoint.log"
        private_file "$notifications"
        nohup "$endpoint" "${port_option[@]}" --port-file "$endpoint_port_file" \
            --notifications "$notifications" >>"$data/demo-endpoint.log" 2>&1 &
        pid=$!
        if wait_for_endpoint "$pid"; then
            echo "$pid" >"$pidfile"
            return
        fi
        kill "$pid" 2>/dev/null || true
        # A kept port that is taken: retrying would not help.
        [ -f "$endpoint_port_file" ] && break
    done
    echo "cronhelm-demo-endpoint did not start; see $data/demo-endpoint.log:" >&2
    tail -n 3 "$data/demo-endpoint.log" >&2
    exit 1
}

# Creates FILE readable by the current user only, or makes an existing one so.
private_file() {
    (umask 077 && : >>"$1")
    chmod 600 "$1"
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
        chgrp postgres "$data"
        chmod 710 "$data"
    else
        chmod 700 "$data"
    fi
    port=$(cat "$port_file" 2>/dev/null || echo $((40000 + RANDOM % 10000)))
    echo "$port" >"$port_file"
    # The same durable settings as the desktop app's local store, which may reuse this one.
    PG_DURABLE=1 "$here/pg-local.sh" start "$store" "$port" >/dev/null
    "$ctl" --db "$(conninfo)" migrate
    start_endpoint
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
    if [ -f "$endpoint_port_file" ]; then
        echo "Demo endpoint: $(demo_url /) (log: $data/demo-endpoint.log)"
        echo "Notifications: tail -f $notifications"
    fi
    # A wrapper (scripts/run.sh) names its own stop command, the one its user knows.
    echo "Stop:    ${CRONHELM_STOP_COMMAND:-$0 stop}"
    ;;
stop)
    pids=()
    for name in node-a node-b demo-endpoint; do
        pidfile="$data/$name.pid"
        if [ -f "$pidfile" ]; then
            pid=$(cat "$pidfile")
            if kill "$pid" 2>/dev/null; then
                pids+=("$pid")
            fi
            rm -f "$pidfile"
        fi
    done
    # A node lets running jobs finish first (its shutdown grace: 30 s by default).
    for pid in "${pids[@]}"; do
        for _ in $(seq 400); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
    done
    "$here/pg-local.sh" stop "$store"
    echo "Stopped the local nodes, demo endpoint and store ($data)."
    ;;
env)
    echo "CRONHELM_DB=\"$(conninfo)\""
    ;;
*)
    echo "usage: $0 start|stop|env" >&2
    exit 2
    ;;
esac

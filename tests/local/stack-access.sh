#!/usr/bin/env bash
# local.stackaccess: the one-machine store that scripts/local-stack.sh starts (through
# scripts/pg-local.sh, which the test harness uses too) lets no other OS user in (issue 10:
# `nobody` used to log in as the superuser), keeps its owner able to work, keeps its logs
# private, and closes a store an older version left open, running or stopped.
#
#   stack-access.sh SOURCE_DIR BUILD_DIR
# As root (CI) the attack is tried as the OS user `nobody`; otherwise only the modes and
# the access rules are checked (another user cannot be impersonated).
set -uo pipefail
source_dir=${1:?source dir}
build_dir=${2:?build dir}
fail() { echo "FAIL: $*" >&2; exit 1; }
note() { echo "-- $*"; }

pgbin=/usr/lib/postgresql/15/bin
work=$(mktemp -d /tmp/chs-XXXXXX)
chmod 755 "$work" # the server's user ('postgres' as root) must pass
data="$work/data"
export CRONHELM_LOCAL_DIR=$data CRONHELM_BUILD_DIR=$build_dir
stack() { "$source_dir/scripts/local-stack.sh" "$@"; }
cleanup() {
    stack stop >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT
as_root=no
[ "$(id -u)" -eq 0 ] && as_root=yes

mode() { stat -c %a "$1"; }
expect_mode() {
    local path=$1 want=$2 got
    got=$(mode "$path") || fail "$path is missing"
    [ "$got" = "$want" ] || fail "$path has mode $got, expected $want"
}

# psql as OS user $1 (as the superuser cronhelm unless $2 names another role): prints what
# psql said; succeeds only when it got in.
attempt() {
    local user=$1 role=${2:-cronhelm} out
    out=$(cd / && env -u PGPASSFILE -u PGPASSWORD PGCONNECT_TIMEOUT=5 runuser -u "$user" -- \
        "$pgbin/psql" -X -w -h "$data/store/sock" -p "$(cat "$data/port")" -U "$role" \
        -d cronhelm -Atc "SELECT 'in as ' || current_user" </dev/null 2>&1)
    echo "$out"
    grep -q "^in as " <<<"$out"
}

verify_closed() {
    local label=$1 port out
    port=$(cat "$data/port")
    # The attack: another OS user logs in as the superuser.
    if [ "$as_root" = yes ]; then
        if out=$(attempt nobody); then
            fail "$label: nobody got in: $out"
        fi
        grep -q "Permission denied" <<<"$out" || fail "$label: unexpected refusal: $out"
        note "$label: nobody is refused ($out)"
    fi
    if [ "$as_root" = yes ]; then
        expect_mode "$data" 710
        [ "$(stat -c %G "$data")" = postgres ] || fail "$data is not in group postgres"
    else
        expect_mode "$data" 700
    fi
    expect_mode "$data/store" 700
    expect_mode "$data/store/sock" 700
    expect_mode "$data/store/sock/.s.PGSQL.$port" 700
    expect_mode "$data/store/server.log" 600
    ! grep -v '^#' "$data/store/data/pg_hba.conf" | grep -qw trust || fail "pg_hba.conf still trusts: $(cat "$data/store/data/pg_hba.conf")"
    # The owner works as before.
    "$build_dir/app/cronhelmctl/cronhelmctl" --db "$(stack env | sed -e 's/^CRONHELM_DB="//' -e 's/"$//')" \
        job list >/dev/null || fail "$label: the owner cannot use the store"
}

make_old() {
    # What an older version left: folders 0755, socket 0777, trust for every local login.
    printf 'local all all trust\n' >"$data/store/data/pg_hba.conf"
    : >"$data/store/data/pg_ident.conf"
    chmod 755 "$data" "$data/store" "$data/store/sock"
    chmod 644 "$data/store/server.log"
    local socket
    socket="$data/store/sock/.s.PGSQL.$(cat "$data/port")"
    if [ -S "$socket" ]; then
        chmod 777 "$socket"
        "$pgbin/psql" -X -h "$data/store/sock" -p "$(cat "$data/port")" -U cronhelm -d cronhelm \
            -qAtc "SELECT pg_reload_conf()" >/dev/null || fail "reload failed"
        if [ "$as_root" = yes ]; then
            # The hole being closed: wait until the server trusts again and nobody gets in.
            for _ in $(seq 100); do
                attempt nobody >/dev/null && break
                sleep 0.1
            done
            attempt nobody >/dev/null || fail "the old layout did not let nobody in (test setup)"
            note "old layout: nobody gets in as cronhelm"
        fi
    fi
}

note "local-stack.sh start (data in $data)"
stack start >"$work/start.log" 2>&1 || { cat "$work/start.log" >&2; fail "local-stack.sh start failed"; }
verify_closed "fresh store"
for log in node-a.log node-b.log demo-endpoint.log demo-notifications.log; do
    [ -f "$data/$log" ] && expect_mode "$data/$log" 600
done
expect_mode "$data/node-a.log" 600

if [ "$as_root" = yes ]; then
    # Behind the folders, the server itself trusts nobody: open them and try again.
    chmod 755 "$data" "$data/store" "$data/store/sock"
    chmod 777 "$data/store/sock/.s.PGSQL.$(cat "$data/port")"
    out=$(attempt nobody) && fail "nobody got in as cronhelm through opened folders: $out"
    grep -q "Peer authentication failed" <<<"$out" || fail "unexpected refusal: $out"
    out=$(attempt nobody nobody) && fail "nobody got in as a role of its own: $out"
    note "opened folders: nobody is still refused ($out)"
fi

note "an older store, still running: start again"
make_old
stack start >"$work/start2.log" 2>&1 || { cat "$work/start2.log" >&2; fail "second start failed"; }
verify_closed "older running store"

note "an older store, stopped: start again"
stack stop >/dev/null || fail "local-stack.sh stop failed"
make_old
stack start >"$work/start3.log" 2>&1 || { cat "$work/start3.log" >&2; fail "third start failed"; }
verify_closed "older stopped store"
note "the local stack lets no other OS user in: OK"

#!/usr/bin/env bash
# packaging.install: builds the Debian packages with CPack, installs cronhelm-node and
# cronhelm-cli into THIS machine with dpkg, runs the installed node (as the packaged system
# user) against a private PostgreSQL until it is the executor, stops it with SIGTERM, and
# removes and purges the packages again. The server is its own, run by that system user: the
# harness's lets in no OS user but its owner (issue 10), and so does this one.
#
# Meant for CI (root on a throw-away machine). It leaves the machine as it found it: it
# refuses (skips, exit 77) when not root, when a Cronhelm package is already installed, or
# when files the packages would own already exist; and it removes the system user only if
# it created it.
#
#   install-test.sh CPACK_COMMAND BUILD_DIR WITH_GUI(ON|OFF)
# Environment (from the test harness): CRONHELM_SOURCE_DIR (for scripts/pg-local.sh).
set -uo pipefail

cpack=${1:?cpack command}
build_dir=${2:?build dir}
with_gui=${3:-OFF}
skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
note() { echo "-- $*"; }

[ "$(id -u)" -eq 0 ] || skip "installing packages needs root (CI runs this as root on a throw-away machine)"
for tool in dpkg dpkg-deb dpkg-query dpkg-statoverride setpriv getent file readelf; do
    command -v "$tool" >/dev/null || skip "$tool is not installed"
done
[ -n "${CRONHELM_SOURCE_DIR:-}" ] || fail "CRONHELM_SOURCE_DIR not set (run through ctest)"
pg_local="$CRONHELM_SOURCE_DIR/scripts/pg-local.sh"
[ -f "$build_dir/CPackConfig.cmake" ] || fail "$build_dir/CPackConfig.cmake missing: configure first"

packages=(cronhelm-node cronhelm-cli)
all_packages=(cronhelm-node cronhelm-cli cronhelm)
for p in "${all_packages[@]}"; do
    state=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
    case "$state" in
        "" | "un "*) ;;
        *) skip "package $p is already on this machine (state '$state'); not touching it" ;;
    esac
done
for path in /usr/bin/cronhelm-node /usr/bin/cronhelmctl /etc/cronhelm \
        /lib/systemd/system/cronhelm-node.service /usr/lib/sysusers.d/cronhelm-node.conf; do
    [ -e "$path" ] && skip "$path already exists; not overwriting it"
done

had_user=no
getent passwd cronhelm >/dev/null && had_user=yes
had_group=no
getent group cronhelm >/dev/null && had_group=yes

pgbin=/usr/lib/postgresql/15/bin
[ -x "$pgbin/psql" ] || pgbin=$(dirname "$(command -v psql)")
work=$(mktemp -d /tmp/cronhelm-pkgtest.XXXXXX)
chmod 755 "$work"
dbname="cronhelm_pkgtest_$$"
node_id="pkgtest-$$"
pg_dir="$work/pg"
pg_port=$((20000 + RANDOM % 12000))
db="host=$pg_dir/sock port=$pg_port user=cronhelm dbname=$dbname"
node_pid=
installed=no
pg_started=no

cleanup() {
    local rc=$?
    if [ -n "$node_pid" ] && kill -0 "$node_pid" 2>/dev/null; then
        kill -KILL "$node_pid" 2>/dev/null
        wait "$node_pid" 2>/dev/null
    fi
    if [ "$pg_started" = yes ]; then
        # Before the system user that runs it goes.
        "$pg_local" destroy "$pg_dir" >/dev/null 2>&1
    fi
    if [ "$installed" = yes ]; then
        note "cleanup: purging ${packages[*]}"
        dpkg --purge "${packages[@]}" >/dev/null 2>&1 || rc=1
    fi
    if [ "$had_user" = no ] && getent passwd cronhelm >/dev/null; then
        userdel cronhelm >/dev/null 2>&1 || rc=1
    fi
    if [ "$had_group" = no ] && getent group cronhelm >/dev/null; then
        groupdel cronhelm >/dev/null 2>&1 || rc=1
    fi
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# --- Build the packages ------------------------------------------------------------------
note "cpack -G DEB (output in $work/packages)"
"$cpack" -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/packages" \
    >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
shopt -s nullglob
deb_of() { local f=("$work"/packages/"$1"_*.deb); [ ${#f[@]} -eq 1 ] && echo "${f[0]}"; }
node_deb=$(deb_of cronhelm-node) || fail "no cronhelm-node .deb produced"
cli_deb=$(deb_of cronhelm-cli) || fail "no cronhelm-cli .deb produced"
gui_deb=
if [ "$with_gui" = ON ]; then
    gui_deb=$(deb_of cronhelm) || fail "no cronhelm (desktop app) .deb produced"
fi
for deb in "$node_deb" "$cli_deb" $gui_deb; do
    note "$(basename "$deb"): $(stat -c %s "$deb") bytes; Depends: $(dpkg-deb -f "$deb" Depends)"
done

# Contents of each package (paths inside the .deb).
expect_in() {
    local deb=$1; shift
    local listing
    listing=$(dpkg-deb -c "$deb" | awk '{print $6}')
    for path in "$@"; do
        grep -qx "\./${path#/}" <<<"$listing" || fail "$(basename "$deb") lacks $path"
    done
}
expect_in "$node_deb" /usr/bin/cronhelm-node /lib/systemd/system/cronhelm-node.service \
    /usr/lib/sysusers.d/cronhelm-node.conf /etc/cronhelm/node.conf \
    /usr/share/man/man1/cronhelm-node.1.gz /usr/share/doc/cronhelm-node/copyright \
    /usr/share/doc/cronhelm-node/changelog.gz
expect_in "$cli_deb" /usr/bin/cronhelmctl /usr/share/man/man1/cronhelmctl.1.gz \
    /usr/share/doc/cronhelm-cli/copyright
if [ -n "$gui_deb" ]; then
    expect_in "$gui_deb" /usr/bin/cronhelm /usr/share/applications/org.cronhelm.Cronhelm.desktop \
        /usr/share/metainfo/org.cronhelm.Cronhelm.metainfo.xml \
        /usr/share/icons/hicolor/scalable/apps/org.cronhelm.Cronhelm.svg \
        /usr/share/man/man1/cronhelm.1.gz /usr/share/doc/cronhelm/copyright \
        /usr/share/doc/cronhelm/user-guide.md /usr/share/doc/cronhelm/images/main-window.png
    # Qt's own translations, so the dialogs' standard buttons follow the user's language.
    dpkg-deb -f "$gui_deb" Depends | grep -q 'qt6-translations-l10n' \
        || fail "cronhelm does not depend on qt6-translations-l10n"
fi
dpkg-deb -f "$node_deb" Depends | grep -q 'libpqxx' || fail "cronhelm-node does not depend on libpqxx"
dpkg-deb -f "$cli_deb" Depends | grep -q 'libqt6core6' || fail "cronhelm-cli does not depend on libqt6core6"
dpkg-deb -f "$node_deb" Suggests | grep -q 'postgresql-client' || fail "cronhelm-node does not suggest postgresql-client"
# The shipped binaries are stripped; their debug information is in the -dbgsym package,
# found by the binary's build id as gdb and debuginfod look for it.
dbgsym=("$work"/packages/cronhelm-node-dbgsym_*.ddeb)
[ ${#dbgsym[@]} -eq 1 ] || fail "no cronhelm-node-dbgsym .ddeb produced"
dpkg-deb --fsys-tarfile "$node_deb" | tar -x -C "$work" ./usr/bin/cronhelm-node
file -b "$work/usr/bin/cronhelm-node" | grep -q ', stripped' || fail "cronhelm-node is not stripped"
build_id=$(readelf -n "$work/usr/bin/cronhelm-node" | sed -n 's/.*Build ID: *//p')
[ -n "$build_id" ] || fail "cronhelm-node has no build id"
expect_in "${dbgsym[0]}" "/usr/lib/debug/.build-id/${build_id:0:2}/${build_id:2}.debug"
conffiles=$(dpkg-deb --ctrl-tarfile "$node_deb" | tar -xO ./conffiles)
grep -qx /etc/cronhelm/node.conf <<<"$conffiles" || fail "/etc/cronhelm/node.conf is not a conffile"

# --- Install -----------------------------------------------------------------------------
note "dpkg -i ${packages[*]}"
installed=yes
DEBIAN_FRONTEND=noninteractive dpkg -i "$node_deb" "$cli_deb" >"$work/dpkg.log" 2>&1 \
    || { cat "$work/dpkg.log" >&2; fail "dpkg -i failed (missing dependencies? scripts/install-deps.sh installs them)"; }

for p in "${packages[@]}"; do
    dpkg-query -W -f='${db:Status-Abbrev}' "$p" | grep -q '^ii' || fail "$p is not installed"
done
[ -x /usr/bin/cronhelm-node ] || fail "/usr/bin/cronhelm-node missing"
[ -x /usr/bin/cronhelmctl ] || fail "/usr/bin/cronhelmctl missing"
/usr/bin/cronhelmctl --version | grep -q . || fail "installed cronhelmctl --version prints nothing"
[ -f /lib/systemd/system/cronhelm-node.service ] || fail "systemd unit not installed"
[ -f /usr/lib/sysusers.d/cronhelm-node.conf ] || fail "sysusers.d file not installed"
grep -q '^ExecStart=/usr/bin/cronhelm-node --config /etc/cronhelm/node.conf$' \
    /lib/systemd/system/cronhelm-node.service || fail "unexpected ExecStart in the unit"

# Man pages: `man -w` when man-db is there; a file either way, unless dpkg is configured to
# drop man pages (minimal container images do: path-exclude=/usr/share/man/*).
for page in cronhelm-node cronhelmctl; do
    file=/usr/share/man/man1/$page.1.gz
    if [ -f "$file" ]; then
        if command -v man >/dev/null; then
            found=$(man -w "$page" 2>/dev/null) || fail "man -w $page finds nothing"
            [ "$found" = "$file" ] || fail "man -w $page gives $found, not $file"
        fi
    elif grep -rqs '^path-exclude.*/usr/share/man' /etc/dpkg/dpkg.cfg.d/; then
        note "$file not unpacked: dpkg excludes /usr/share/man on this machine"
        dpkg -L "${page/cronhelmctl/cronhelm-cli}" | grep -qx "$file" || fail "$file not in the package"
    else
        fail "$file not installed"
    fi
done

# The system user, and the config file's owner and mode (set by the postinst).
getent passwd cronhelm >/dev/null || fail "system user cronhelm not created"
getent group cronhelm >/dev/null || fail "group cronhelm not created"
perm=$(stat -c '%a %U:%G' /etc/cronhelm/node.conf)
[ "$perm" = "640 root:cronhelm" ] || fail "/etc/cronhelm/node.conf is '$perm', expected '640 root:cronhelm'"

if command -v systemd-analyze >/dev/null; then
    # Documentation=man:cronhelm-node(1) is checked too, unless man pages are not unpacked.
    verify_args=()
    command -v man >/dev/null && man -w cronhelm-node >/dev/null 2>&1 || verify_args=(--man=no)
    if out=$(systemd-analyze verify "${verify_args[@]}" /lib/systemd/system/cronhelm-node.service 2>&1); then
        note "systemd-analyze verify: clean"
    else
        echo "$out" >&2
        fail "systemd-analyze verify reports problems in the installed unit"
    fi
else
    note "systemd-analyze not available: unit not verified"
fi

# --- Run the installed binaries ------------------------------------------------------------
# The store: a private server run by the system user cronhelm, so that the node (that user)
# and this script (root) both log in by peer authentication, and nobody else.
pg_started=yes
PG_SERVER_USER=cronhelm "$pg_local" start "$pg_dir" "$pg_port" >"$work/pg.log" 2>&1 \
    || { cat "$work/pg.log" >&2; fail "could not start a PostgreSQL server run by user cronhelm"; }
"$pgbin/createdb" -h "$pg_dir/sock" -p "$pg_port" -U cronhelm "$dbname" \
    || fail "createdb $dbname failed"
/usr/bin/cronhelmctl --db "$db" migrate || fail "installed cronhelmctl migrate failed"

# As the service runs it: user cronhelm, the packaged config (which must parse and be
# readable by that user), --db from the command line winning over the config's.
note "starting the installed cronhelm-node as user cronhelm"
(cd "$work" && exec setpriv --reuid=cronhelm --regid=cronhelm --init-groups -- \
    /usr/bin/cronhelm-node --config /etc/cronhelm/node.conf --db "$db" \
    --node-id "$node_id" --lease-ttl 3 --shutdown-grace 5) >"$work/node.log" 2>&1 &
node_pid=$!

executor=no
for _ in $(seq 1 150); do
    kill -0 "$node_pid" 2>/dev/null || { cat "$work/node.log" >&2; fail "cronhelm-node exited early"; }
    status=$(/usr/bin/cronhelmctl --db "$db" status --json 2>/dev/null)
    if grep -Eq "\"executor\": *\"$node_id\"" <<<"$status"; then
        executor=yes
        break
    fi
    sleep 0.2
done
[ "$executor" = yes ] || { cat "$work/node.log" >&2; fail "the node did not become executor within 30 s"; }
note "cronhelmctl status --json shows $node_id as executor"

kill -TERM "$node_pid"
node_rc=0
wait "$node_pid" || node_rc=$?
node_pid=
[ "$node_rc" -eq 0 ] || { cat "$work/node.log" >&2; fail "cronhelm-node exited $node_rc after SIGTERM"; }
status=$(/usr/bin/cronhelmctl --db "$db" status --json) || fail "cronhelmctl status failed"
grep -Eq '"executor": *null' <<<"$status" || { echo "$status" >&2; fail "the lease was not handed over on SIGTERM"; }
note "SIGTERM: node exited 0 and handed the lease over"

# --- Remove ------------------------------------------------------------------------------
dpkg -r "${packages[@]}" >"$work/dpkg-r.log" 2>&1 || { cat "$work/dpkg-r.log" >&2; fail "dpkg -r failed"; }
[ ! -e /usr/bin/cronhelm-node ] && [ ! -e /usr/bin/cronhelmctl ] || fail "binaries left after dpkg -r"
[ -f /etc/cronhelm/node.conf ] || fail "dpkg -r removed the conffile (only purge may)"
dpkg --purge "${packages[@]}" >"$work/dpkg-P.log" 2>&1 || { cat "$work/dpkg-P.log" >&2; fail "dpkg --purge failed"; }
installed=no
[ ! -e /etc/cronhelm ] || fail "/etc/cronhelm left after purge"
! dpkg-statoverride --list /etc/cronhelm/node.conf >/dev/null || fail "statoverride left after purge"
for p in "${packages[@]}"; do
    [ -z "$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | tr -d ' ')" ] \
        || dpkg-query -W -f='${db:Status-Abbrev}' "$p" | grep -q '^un' \
        || fail "$p still known to dpkg after purge"
done
note "installed, ran, removed and purged: OK"

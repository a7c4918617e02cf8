#!/usr/bin/env bash
# packaging.validate: checks the packaging metadata without building or installing
# anything (no root needed):
#  - the .desktop file (desktop-file-validate) and AppStream metainfo (appstreamcli);
#  - the man pages render without warnings and document every option each binary's
#    --help lists (so they stay accurate when options are added);
#  - version numbers in the metainfo, man pages and changelog match the project's;
#  - the systemd unit (systemd-analyze verify, with ExecStart pointed at the built node).
# A tool that is not installed is reported and its check skipped.
#
#   validate.sh SOURCE_DIR VERSION NODE_BIN CTL_BIN [GUI_BIN]
set -uo pipefail

src=${1:?source dir}
version=${2:?version}
node_bin=${3:?cronhelm-node}
ctl_bin=${4:?cronhelmctl}
gui_bin=${5:-}
pkg=$src/packaging
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
note() { echo "-- $*"; }
have() { command -v "$1" >/dev/null 2>&1; }
work=$(mktemp -d /tmp/cronhelm-pkgvalidate.XXXXXX)
trap 'rm -rf "$work"' EXIT

# --- Desktop file and AppStream ------------------------------------------------------------
desktop=$pkg/org.cronhelm.Cronhelm.desktop
metainfo=$pkg/org.cronhelm.Cronhelm.metainfo.xml
if have desktop-file-validate; then
    out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
    [ -z "$out" ] || fail "desktop-file-validate reports: $out"
    note "desktop-file-validate: clean"
else
    note "desktop-file-validate not installed: skipped"
fi
if have appstreamcli; then
    out=$(appstreamcli validate --no-net --no-color "$metainfo" 2>&1) \
        || fail "appstreamcli validate: $out"
    note "appstreamcli validate --no-net: $(tail -1 <<<"$out")"
else
    note "appstreamcli not installed: skipped"
fi
grep -q "<release version=\"$version\"" "$metainfo" \
    || fail "the metainfo has no <release version=\"$version\"> (update its <releases>)"
grep -q "^Icon=org.cronhelm.Cronhelm$" "$desktop" || fail "the desktop file's Icon is not the app id"
grep -q "<launchable type=\"desktop-id\">org.cronhelm.Cronhelm.desktop</launchable>" "$metainfo" \
    || fail "the metainfo's launchable is not org.cronhelm.Cronhelm.desktop"

# --- Man pages ---------------------------------------------------------------------------
# Every long option a binary's --help lists must appear in its man page (as \-\-name).
options_of() { grep -oE -- '(^|[ ,])--[a-z][a-z0-9-]*' | sed 's/^[ ,]*//' | sort -u; }
check_page() {
    local page=$1; shift
    local file=$pkg/man/$page.1
    [ -f "$file" ] || { fail "$file missing"; return; }
    grep -q "^\.TH .*\"Cronhelm $version\"" "$file" || fail "$page.1: .TH does not say Cronhelm $version"
    if have groff; then
        out=$(groff -man -ww -z "$file" 2>&1)
        [ -z "$out" ] || fail "$page.1: groff warnings: $out"
    fi
    if have man; then
        out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$file" 2>&1 >/dev/null)
        [ -z "$out" ] || fail "$page.1: man warnings: $out"
    fi
    local text missing=()
    text=$(sed 's/\\-/-/g' "$file")
    while read -r opt; do
        [ -n "$opt" ] || continue
        grep -qF -- "$opt" <<<"$text" || missing+=("$opt")
    done
    [ ${#missing[@]} -eq 0 ] || fail "$page.1 does not document: ${missing[*]}"
}

"$node_bin" --help >"$work/node.help" 2>&1 || fail "cronhelm-node --help failed"
check_page cronhelm-node < <(options_of <"$work/node.help")

: >"$work/ctl.help"
"$ctl_bin" --help >>"$work/ctl.help" 2>&1 || fail "cronhelmctl --help failed"
for cmd in next migrate status "job add" "job edit" "job list" "job show" "job pause" \
        "job resume" "job delete" "job run-now" "job cancel-once" "runs list" "runs show" \
        "runs log" "runs export" "runs cancel"; do
    # shellcheck disable=SC2086
    "$ctl_bin" $cmd --help >>"$work/ctl.help" 2>&1 || fail "cronhelmctl $cmd --help failed"
done
check_page cronhelmctl < <(options_of <"$work/ctl.help")

if [ -n "$gui_bin" ]; then
    QT_QPA_PLATFORM=offscreen "$gui_bin" --help >"$work/gui.help" 2>&1 || fail "cronhelm --help failed"
    check_page cronhelm < <(options_of <"$work/gui.help")
fi

grep -q "^cronhelm ($version) " "$pkg/changelog.in" \
    || grep -q "^cronhelm (@PROJECT_VERSION@) " "$pkg/changelog.in" \
    || fail "packaging/changelog.in does not describe version $version"

# --- systemd unit ------------------------------------------------------------------------
if have systemd-analyze; then
    # Verified as installed, except that ExecStart runs the built binary (the installed one
    # need not exist here) and man pages are not looked up.
    sed "s#^ExecStart=/usr/bin/cronhelm-node #ExecStart=$node_bin #" \
        "$pkg/cronhelm-node.service" >"$work/cronhelm-node.service"
    if out=$(systemd-analyze verify --man=no "$work/cronhelm-node.service" 2>&1); then
        [ -z "$out" ] || fail "systemd-analyze verify: $out"
        note "systemd-analyze verify: clean"
    else
        fail "systemd-analyze verify: $out"
    fi
else
    note "systemd-analyze not installed: unit not verified"
fi
grep -Eq '^u +cronhelm +- +"[^"]+" +/var/lib/cronhelm +/usr/sbin/nologin$' \
    "$pkg/cronhelm-node.sysusers" || fail "packaging/cronhelm-node.sysusers does not create user cronhelm"

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
note "packaging metadata: OK"

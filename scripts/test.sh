#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs the whole test
# suite (unit, store, CLI, node processes, GUI on the offscreen platform) against a
# private PostgreSQL that the suite starts and removes itself.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
build_dir=${CRONHELM_BUILD_DIR:-build}
# GUI tests need a private runtime dir; nothing may talk to a session bus or a display.
XDG_RUNTIME_DIR=$(mktemp -d /tmp/cronhelm-xdg.XXXXXX)
chmod 700 "$XDG_RUNTIME_DIR"
export XDG_RUNTIME_DIR QT_QPA_PLATFORM=offscreen
unset DBUS_SESSION_BUS_ADDRESS DISPLAY
trap 'rm -rf "$XDG_RUNTIME_DIR"' EXIT
ctest --test-dir "$build_dir" --output-on-failure -j2 --timeout 600 "$@"

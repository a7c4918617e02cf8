#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, starts a private local
# store with sample jobs and two nodes, and opens the desktop app on it. On a machine
# without a display the app runs under Xvfb and a screenshot is written instead.
#   scripts/run.sh          start everything
#   scripts/run.sh stop     stop everything it started
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "stop" ]; then
    exec scripts/local-stack.sh stop
fi
scripts/build.sh
CRONHELM_STOP_COMMAND="scripts/run.sh stop" scripts/local-stack.sh start
build_dir=${CRONHELM_BUILD_DIR:-build}
app="$build_dir/app/cronhelm/cronhelm"
[ -x "$app" ] || exit 0
db=$(scripts/local-stack.sh env | sed -e 's/^CRONHELM_DB="//' -e 's/"$//')
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "Opening the desktop app..."
    exec "$app" --db "$db"
fi
shot=${CRONHELM_SCREENSHOT:-/tmp/cronhelm-screenshot.png}
echo "No display: running the desktop app under Xvfb for a screenshot."
xvfb-run -a -s '-screen 0 1280x800x24' sh -c "
    '$app' --db '$db' & app=\$!
    sleep 6
    import -window root '$shot'
    kill \$app" >/dev/null 2>&1 || true
echo "Screenshot: $shot"
echo "The nodes and the store keep running; use cronhelmctl with the CRONHELM_DB above."
echo "Stop them with: scripts/run.sh stop"

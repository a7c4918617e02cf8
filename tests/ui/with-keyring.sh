#!/bin/sh
# Runs a command with a real, unlocked system keychain of its own: a private D-Bus session
# and gnome-keyring's Secret Service, in a throw-away HOME (see docs: PLATFORM keychain notes).
# Exits 77 (skipped) when gnome-keyring is not installed.
command -v gnome-keyring-daemon >/dev/null 2>&1 || { echo "gnome-keyring is not installed"; exit 77; }
command -v dbus-run-session >/dev/null 2>&1 || { echo "dbus-run-session is not installed"; exit 77; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/.local/share" "$home/.config" "$home/.cache" "$home/run"
chmod 700 "$home/run"
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
    XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home/run"
exec dbus-run-session -- sh -c 'echo -n cronhelm-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' sh "$@"

#!/usr/bin/env bash
# Installs the Debian 12 packages Cronhelm needs to build, run and test.
# Only what is missing is installed; with sudo when not run as root.
set -euo pipefail

# valgrind: a test runs the QFormLayout work-around under memcheck (tests/ui/CMakeLists.txt).
# Keychain tests: gnome-keyring needs a session-bus provider; name dbus-user-session so
# apt never picks dbus-x11, whose autolaunch makes keychain calls hang under Xvfb.
packages=(
    build-essential cmake ninja-build pkg-config ccache clang-format
    qt6-base-dev libqt6sql6-psql qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-svg-dev qtkeychain-qt6-dev libpqxx-dev libspdlog-dev libcurl4-openssl-dev
    qt6-translations-l10n
    postgresql-15 postgresql-client-15
    xvfb xauth imagemagick xdotool
    dbus dbus-user-session gnome-keyring libsecret-tools
    dpkg-dev fakeroot appstream desktop-file-utils file adduser ca-certificates openssl
    locales
    valgrind
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all packages present"
else
    echo "install-deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The German locale: the tests run the app's error paths with LANG=de_DE.UTF-8, where libpq
# and the server translate their messages (no decision may depend on their words).
if ! locale -a 2>/dev/null | grep -qix 'de_DE.utf8'; then
    echo "install-deps: generating the de_DE.UTF-8 locale"
    "${sudo_cmd[@]}" sed -i 's/^# *\(de_DE.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen \
        || echo 'de_DE.UTF-8 UTF-8' | "${sudo_cmd[@]}" tee -a /etc/locale.gen >/dev/null
    "${sudo_cmd[@]}" locale-gen >/dev/null
fi

#!/bin/sh
# Runs lupdate over the app's sources into copies of the committed .ts files, then the
# completeness test on those copies: a new tr() string that nobody translated, or a
# committed .ts file that lupdate would change, fails here instead of shipping in English.
#   check-translations.sh LUPDATE SOURCES.lst TS_DIR TEST_BINARY [TEST_ARGS...]
set -eu
lupdate=$1
sources=$2
ts_dir=$3
test_binary=$4
shift 4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for lang in de fr; do
    cp "$ts_dir/cronhelm_$lang.ts" "$work/"
done
if ! "$lupdate" -no-obsolete -locations none "@$sources" \
    -ts "$work/cronhelm_de.ts" "$work/cronhelm_fr.ts" >"$work/lupdate.log" 2>&1; then
    cat "$work/lupdate.log" >&2
    exit 1
fi
stale=0
for lang in de fr; do
    if ! cmp -s "$ts_dir/cronhelm_$lang.ts" "$work/cronhelm_$lang.ts"; then
        echo "translations/cronhelm_$lang.ts is not up to date with the sources:" >&2
        diff -u "$ts_dir/cronhelm_$lang.ts" "$work/cronhelm_$lang.ts" | head -40 >&2 || true
        stale=1
    fi
done
if [ "$stale" -ne 0 ]; then
    echo "Run 'cmake --build <build-dir> --target update_translations', translate, commit." >&2
fi
# The completeness test names every untranslated message; run it even when stale.
CRONHELM_TS_DIR=$work "$test_binary" "$@" || exit 1
exit "$stale"

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-translations.sh LUPDATE SOURCES_LIST TS…: runs lupdate over the sources into copies of the
# .ts files and fails when any message is unfinished, obsolete or vanished, i.e. when a string was
# added, changed or removed in the code without the translations following.
set -euo pipefail
lupdate=$1 list=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for ts in "$@"; do
    copy=$work/$(basename "$ts")
    cp "$ts" "$copy"
    "$lupdate" -locations none "@$list" -ts "$copy" >"$work/lupdate.log" 2>&1 || { cat "$work/lupdate.log"; exit 1; }
    total=$(grep -c '<message' "$copy" || true)
    unfinished=$(grep -c 'type="unfinished"' "$copy" || true)
    stale=$(grep -cE 'type="(obsolete|vanished)"' "$copy" || true)
    empty=$(grep -cE '<translation( type="[a-z]+")? ?/>|<translation>[[:space:]]*</translation>|<numerusform>[[:space:]]*</numerusform>' "$copy" || true)
    echo "$(basename "$ts"): $total messages, $unfinished unfinished, $stale obsolete, $empty empty"
    if [ "$unfinished" -ne 0 ] || [ "$stale" -ne 0 ] || [ "$empty" -ne 0 ]; then
        status=1
        { grep -B3 -E 'type="(unfinished|obsolete|vanished)"|<translation>[[:space:]]*</translation>' "$copy" || true; } \
            | grep -E '<source>' | head -20 | sed 's/^/    /' || true
    fi
done
if [ "$status" -ne 0 ]; then
    echo "translations are behind the code: run 'cmake --build build --target update_translations' and translate" >&2
fi
exit $status

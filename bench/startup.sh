#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/startup.sh BUILD_DIR [RUNS]: time from process start to the first painted main window,
# keyward (welcome page, fresh settings, no profile: nothing touches the network or keychain)
# against the floor (a minimal QMainWindow + QTableView), on the offscreen platform and, when
# xvfb-run exists, on Xvfb. Prints medians of the in-process figure and of the whole process
# (fork, exec, dynamic linking, first paint, exit), and keyward's ratio to the floor.
set -euo pipefail
build=${1:?usage: bench/startup.sh BUILD_DIR [RUNS]}
runs=${2:-21}
app=$build/app/keyward
floor=$build/bench/startup/keyward-bench-startup-floor
[ -x "$app" ] && [ -x "$floor" ] || { echo "build keyward and keyward-bench-startup-floor first" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# measure LABEL PLATFORM CMD…: prints "paint wall" medians in ms.
measure() {
    local label=$1 platform=$2; shift 2
    : >"$tmp/paint"; : >"$tmp/wall"
    for i in $(seq "$runs"); do
        local start end out
        start=$(date +%s%N)
        out=$(env XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" QT_QPA_PLATFORM="$platform" \
              KEYWARD_EXIT_AFTER_FIRST_PAINT=1 DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent "$@" 2>/dev/null)
        end=$(date +%s%N)
        [ "$i" -eq 1 ] && continue # warm the page cache; not counted
        sed -n 's/^first-paint-ms //p' <<<"$out" >>"$tmp/paint"
        awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", (e - s) / 1e6 }' >>"$tmp/wall"
    done
    printf '%s %s\n' "$(median <"$tmp/paint")" "$(median <"$tmp/wall")"
}

report() {
    local platform=$1
    read -r fp fw < <(measure floor "$platform" "$floor")
    read -r kp kw < <(measure keyward "$platform" "$app")
    printf '%-10s floor %7s ms paint %7s ms process | keyward %7s ms paint %7s ms process | ratio %s (paint) %s (process)\n' \
        "$platform" "$fp" "$fw" "$kp" "$kw" \
        "$(awk -v a="$kp" -v b="$fp" 'BEGIN { printf "%.2f", a / b }')" \
        "$(awk -v a="$kw" -v b="$fw" 'BEGIN { printf "%.2f", a / b }')"
}

if [ "${KEYWARD_BENCH_INSIDE_XVFB:-}" = 1 ]; then
    report xcb
    exit 0
fi
echo "runs per row: $((runs - 1)) (after one warm-up), medians"
report offscreen
if command -v xvfb-run >/dev/null; then
    KEYWARD_BENCH_INSIDE_XVFB=1 xvfb-run -a -s '-screen 0 1400x900x24' "$0" "$build" "$runs"
fi

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Loopback load benchmark of keyward-server: requests/second of GET /health, GET /me and
# GET /payments (the latter two key-authenticated), and of GET /me authenticated with an ES256
# JWT access token, warm (session cache on) and cold (session cache off, a second server on the
# same database), each as a percentage of /health.
#
# Usage: bench/load.sh [BUILD_DIR] [SECONDS_PER_ENDPOINT]     (defaults: build, 5)
# Needs wrk (Debian package "wrk") and curl; HTTP/1.1 keep-alive, 1 thread, 8 connections.
set -euo pipefail

BUILD_DIR=${1:-build}
DURATION=${2:-5}
CONNECTIONS=8
THREADS=1
KB_NAME=load.sh
# Both servers sign and check tokens under this issuer, so one access token works on both.
KB_ISSUER=http://bench.keyward.test
BENCH_EMAIL=bench@example.com
# shellcheck source=bench/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[[ $DURATION =~ ^[1-9][0-9]*$ ]] || kb_die "SECONDS_PER_ENDPOINT must be a positive whole number (got \"$DURATION\")"
for tool in wrk curl openssl timeout; do
    command -v "$tool" >/dev/null 2>&1 || kb_die "$tool is not installed (Debian: apt-get install wrk curl openssl coreutils)"
done

KB_SERVER=$BUILD_DIR/server/keyward-server
[[ -x $KB_SERVER ]] || kb_die "no server binary at $KB_SERVER; build it first (see bench/README.md)"
KB_SERVER=$(cd "$(dirname "$KB_SERVER")" && pwd)/$(basename "$KB_SERVER")

umask 077   # the password, the cookie jar and the token stay readable by this user only
KB_TMP=$(mktemp -d "${TMPDIR:-/tmp}/keyward-bench.XXXXXX")

cleanup() {
    local status=$?
    kb_stop_all_servers
    rm -rf "$KB_TMP"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

kb_write_config "$KB_TMP/warm.json"
kb_write_config "$KB_TMP/cold.json" '"session_cache_s": 0'

DB="sqlite:$KB_TMP/bench.db"

# The bench user, added before either server starts; a random password that is never printed.
kb_add_user "$DB" "$BENCH_EMAIL"

# The warm server (session cache on, default 900 s) and the cold one (same database,
# "session_cache_s": 0).
kb_start_server warm "$DB" "$KB_TMP/warm.json"
WARM_PID=$KB_PID
WARM_BASE="http://127.0.0.1:$KB_PORT"
kb_start_server cold "$DB" "$KB_TMP/cold.json"
COLD_PID=$KB_PID
COLD_BASE="http://127.0.0.1:$KB_PORT"

KEY=$("$KB_SERVER" key create --database "$DB" --note bench --permissions payments:read 2>"$KB_TMP/key.err") \
    || { cat "$KB_TMP/key.err" >&2; kb_die "key create failed"; }
[[ -n $KEY ]] || kb_die "key create printed no key"

# An access token by the authorization code flow with PKCE against the warm server.
kb_get_token "$WARM_BASE" "$BENCH_EMAIL"
TOKEN=$KB_TOKEN

# The one token must be accepted by both servers before anything is measured.
printf '%s\n' "$TOKEN" >"$KB_TMP/token"
for base in "$WARM_BASE" "$COLD_BASE"; do
    kb_check_credential "$base" "$KB_TMP/token"
done

# Rows: label, server (warm or cold), path, credential (none, key or token).
ROWS=(
    "GET /health|warm|/health|none"
    "GET /me (key)|warm|/me|key"
    "GET /payments|warm|/payments|key"
    "GET /me (JWT, warm)|warm|/me|token"
    "GET /me (JWT, cold)|cold|/me|token"
)
declare -A RPS CPU_US
CLK_TCK=$(getconf CLK_TCK)

# utime + stime of a server process (all threads), in clock ticks.
server_ticks() {
    sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

run_wrk() {
    local label=$1 which=$2 path=$3 credential=$4 index=$5
    local out="$KB_TMP/wrk$index.txt" pid base
    if [[ $which == cold ]]; then pid=$COLD_PID base=$COLD_BASE; else pid=$WARM_PID base=$WARM_BASE; fi
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s)
    case $credential in
        key) args+=(-H "Authorization: Bearer $KEY") ;;
        token) args+=(-H "Authorization: Bearer $TOKEN") ;;
    esac
    local ticks_before ticks_after
    ticks_before=$(server_ticks "$pid")
    if ! timeout $((DURATION + 15)) wrk "${args[@]}" "$base$path" >"$out" 2>&1; then
        cat "$out" >&2
        kb_die "wrk failed on $label"
    fi
    if grep -q 'Non-2xx or 3xx responses' "$out"; then
        grep 'Non-2xx or 3xx responses' "$out" >&2
        kb_die "$label answered with non-2xx responses"
    fi
    if grep -q 'Socket errors' "$out"; then
        grep 'Socket errors' "$out" >&2
        kb_die "$label had socket errors"
    fi
    local rps
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    [[ $rps =~ ^[0-9]+(\.[0-9]+)?$ ]] || { cat "$out" >&2; kb_die "no Requests/sec figure for $label"; }
    awk -v r="$rps" 'BEGIN { exit !(r > 0) }' || kb_die "$label served no requests"
    ticks_after=$(server_ticks "$pid")
    local requests
    requests=$(awk '/requests in/ { print $1 }' "$out")
    RPS[$label]=$rps
    # Server CPU time per request: steadier than requests/s when other work shares the cores.
    CPU_US[$label]=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$CLK_TCK" -v n="$requests" \
        'BEGIN { if (n > 0) printf "%.1f", t / hz * 1e6 / n; else print "n/a" }')
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
index=0
for row in "${ROWS[@]}"; do
    IFS='|' read -r label which path credential <<<"$row"
    run_wrk "$label" "$which" "$path" "$credential" "$index"
    index=$((index + 1))
done

echo "keyward-server load benchmark: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s per endpoint, 127.0.0.1, $(nproc) CPU(s)"
echo "load average before the runs: $LOAD_BEFORE (anything else busy on the machine skews the figures)"
printf '%-22s %12s %10s %18s\n' "endpoint" "requests/s" "% /health" "server CPU us/req"
for row in "${ROWS[@]}"; do
    IFS='|' read -r label _ <<<"$row"
    printf '%-22s %12.0f %9.1f%% %18s\n' "$label" "${RPS[$label]}" \
        "$(awk -v a="${RPS[$label]}" -v b="${RPS[GET /health]}" 'BEGIN { printf "%.4f", 100 * a / b }')" "${CPU_US[$label]}"
done
echo "GET /me with the access token, warm / cold: $(awk -v w="${RPS[GET /me (JWT, warm)]}" -v c="${RPS[GET /me (JWT, cold)]}" \
    'BEGIN { printf "%.1f", w / c }')x requests/s (cold: a second server on the same database, \"session_cache_s\": 0)"

# Clean stop: SIGTERM, then each server must exit 0 on its own.
kb_stop_server cold "$COLD_PID"
kb_stop_server warm "$WARM_PID"

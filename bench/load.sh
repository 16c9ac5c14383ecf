#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Loopback load benchmark of keyward-server: requests/second of GET /health, GET /me and
# GET /payments (the latter two key-authenticated), each as a percentage of /health.
#
# Usage: bench/load.sh [BUILD_DIR] [SECONDS_PER_ENDPOINT]     (defaults: build, 5)
# Needs wrk (Debian package "wrk"); HTTP/1.1 keep-alive, 1 thread, 8 connections.
set -euo pipefail

BUILD_DIR=${1:-build}
DURATION=${2:-5}
CONNECTIONS=8
THREADS=1
STARTUP_TIMEOUT=30   # seconds to wait for the "listening" line
STOP_TIMEOUT=20      # seconds to wait for a clean exit after SIGTERM

die() {
    echo "load.sh: $*" >&2
    exit 1
}

[[ $DURATION =~ ^[1-9][0-9]*$ ]] || die "SECONDS_PER_ENDPOINT must be a positive whole number (got \"$DURATION\")"
command -v wrk >/dev/null 2>&1 || die "wrk is not installed (Debian: apt-get install wrk)"
command -v timeout >/dev/null 2>&1 || die "timeout (coreutils) is missing"

SERVER=$BUILD_DIR/server/keyward-server
[[ -x $SERVER ]] || die "no server binary at $SERVER; build it first (see bench/README.md)"
SERVER=$(cd "$(dirname "$SERVER")" && pwd)/$(basename "$SERVER")

TMP=$(mktemp -d "${TMPDIR:-/tmp}/keyward-bench.XXXXXX")
SERVER_PID=""

cleanup() {
    local status=$?
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 $((STOP_TIMEOUT * 10))); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cat >"$TMP/config.json" <<'EOF'
{
  "rate_limits": {
    "free": {"limit": 100000000, "window_seconds": 60},
    "pro": {"limit": 100000000, "window_seconds": 60},
    "enterprise": {"limit": 100000000, "window_seconds": 60},
    "anonymous": {"limit": 100000000, "window_seconds": 60}
  }
}
EOF

DB="sqlite:$TMP/bench.db"
"$SERVER" serve --listen 127.0.0.1:0 --database "$DB" --config "$TMP/config.json" \
    >"$TMP/server.out" 2>"$TMP/server.err" &
SERVER_PID=$!

PORT=""
for _ in $(seq 1 $((STARTUP_TIMEOUT * 10))); do
    if [[ -s $TMP/server.out ]]; then
        first=$(head -n 1 "$TMP/server.out")
        if [[ $first =~ ^keyward-server\ listening\ on\ http://127\.0\.0\.1:([0-9]+)$ ]]; then
            PORT=${BASH_REMATCH[1]}
            break
        fi
        # A partial line may still be on its way; anything else complete is unexpected.
        [[ $(wc -l <"$TMP/server.out") -ge 1 ]] && die "unexpected first line from the server: $first"
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/server.err" >&2; die "the server exited during start-up"; }
    sleep 0.1
done
[[ -n $PORT ]] || die "the server did not report its port within ${STARTUP_TIMEOUT}s"

KEY=$("$SERVER" key create --database "$DB" --note bench --permissions payments:read 2>"$TMP/key.err") \
    || { cat "$TMP/key.err" >&2; die "key create failed"; }
[[ -n $KEY ]] || die "key create printed no key"

BASE="http://127.0.0.1:$PORT"
ENDPOINTS=(/health /me /payments)
declare -A RPS CPU_US
CLK_TCK=$(getconf CLK_TCK)

# utime + stime of the server process (all threads), in clock ticks.
server_ticks() {
    sed 's/.*) //' "/proc/$SERVER_PID/stat" | awk '{ print $12 + $13 }'
}

run_wrk() {
    local path=$1
    local out="$TMP/wrk${path//\//_}.txt"
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s)
    if [[ $path != /health ]]; then
        args+=(-H "Authorization: Bearer $KEY")
    fi
    local ticks_before ticks_after
    ticks_before=$(server_ticks)
    if ! timeout $((DURATION + 15)) wrk "${args[@]}" "$BASE$path" >"$out" 2>&1; then
        cat "$out" >&2
        die "wrk failed on $path"
    fi
    if grep -q 'Non-2xx or 3xx responses' "$out"; then
        grep 'Non-2xx or 3xx responses' "$out" >&2
        die "$path answered with non-2xx responses"
    fi
    if grep -q 'Socket errors' "$out"; then
        grep 'Socket errors' "$out" >&2
        die "$path had socket errors"
    fi
    local rps
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    [[ $rps =~ ^[0-9]+(\.[0-9]+)?$ ]] || { cat "$out" >&2; die "no Requests/sec figure for $path"; }
    awk -v r="$rps" 'BEGIN { exit !(r > 0) }' || die "$path served no requests"
    ticks_after=$(server_ticks)
    local requests
    requests=$(awk '/requests in/ { print $1 }' "$out")
    RPS[$path]=$rps
    # Server CPU time per request: steadier than requests/s when other work shares the cores.
    CPU_US[$path]=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$CLK_TCK" -v n="$requests" \
        'BEGIN { if (n > 0) printf "%.1f", t / hz * 1e6 / n; else print "n/a" }')
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
for path in "${ENDPOINTS[@]}"; do
    run_wrk "$path"
done

echo "keyward-server load benchmark: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s per endpoint, 127.0.0.1, $(nproc) CPU(s)"
echo "load average before the runs: $LOAD_BEFORE (anything else busy on the machine skews the figures)"
printf '%-16s %12s %10s %18s\n' "endpoint" "requests/s" "% /health" "server CPU us/req"
for path in "${ENDPOINTS[@]}"; do
    printf '%-16s %12.0f %9.1f%% %18s\n' "GET $path" "${RPS[$path]}" \
        "$(awk -v a="${RPS[$path]}" -v b="${RPS[/health]}" 'BEGIN { printf "%.4f", 100 * a / b }')" "${CPU_US[$path]}"
done

# Clean stop: SIGTERM, then the server must exit 0 on its own.
kill -TERM "$SERVER_PID"
for _ in $(seq 1 $((STOP_TIMEOUT * 10))); do
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$SERVER_PID" 2>/dev/null; then
    die "the server did not stop within ${STOP_TIMEOUT}s of SIGTERM"
fi
set +e
wait "$SERVER_PID"
SERVER_STATUS=$?
set -e
SERVER_PID=""
if [[ $SERVER_STATUS -ne 0 ]]; then
    cat "$TMP/server.err" >&2
    die "the server exited with status $SERVER_STATUS after SIGTERM"
fi

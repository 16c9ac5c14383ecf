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
STARTUP_TIMEOUT=30   # seconds to wait for the "listening" line
STOP_TIMEOUT=20      # seconds to wait for a clean exit after SIGTERM
CURL_TIMEOUT=30      # seconds for any one step of the sign-in (the password check is Argon2id)
# Both servers sign and check tokens under this issuer, so one access token works on both.
ISSUER=http://bench.keyward.test
BENCH_EMAIL=bench@example.com
CLIENT_ID=keyward-desktop
REDIRECT_URI=http://127.0.0.1:5555/cb   # never contacted: the code is read from the 302

die() {
    echo "load.sh: $*" >&2
    exit 1
}

[[ $DURATION =~ ^[1-9][0-9]*$ ]] || die "SECONDS_PER_ENDPOINT must be a positive whole number (got \"$DURATION\")"
for tool in wrk curl openssl timeout; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (Debian: apt-get install wrk curl openssl coreutils)"
done

SERVER=$BUILD_DIR/server/keyward-server
[[ -x $SERVER ]] || die "no server binary at $SERVER; build it first (see bench/README.md)"
SERVER=$(cd "$(dirname "$SERVER")" && pwd)/$(basename "$SERVER")

umask 077   # the password, the cookie jar and the token stay readable by this user only
TMP=$(mktemp -d "${TMPDIR:-/tmp}/keyward-bench.XXXXXX")
WARM_PID=""   # the normal server (session cache on, default 900 s)
COLD_PID=""   # the same database with "session_cache_s": 0

# SIGTERM, wait up to STOP_TIMEOUT, then SIGKILL; for the trap only.
kill_server() {
    local pid=$1
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((STOP_TIMEOUT * 10))); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    local status=$?
    kill_server "$COLD_PID"
    kill_server "$WARM_PID"
    rm -rf "$TMP"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# write_config FILE [EXTRA_JSON_LINE]
write_config() {
    cat >"$1" <<JSON
{
  "rate_limits": {
    "free": {"limit": 100000000, "window_seconds": 60},
    "pro": {"limit": 100000000, "window_seconds": 60},
    "enterprise": {"limit": 100000000, "window_seconds": 60},
    "anonymous": {"limit": 100000000, "window_seconds": 60}
  },${2:+
  $2,}
  "access_token_lifetime_s": 3600
}
JSON
}
write_config "$TMP/warm.json"
write_config "$TMP/cold.json" '"session_cache_s": 0'

DB="sqlite:$TMP/bench.db"

# The bench user, added before either server starts; a random password that is never printed.
openssl rand -hex 24 | tr -d '\n' >"$TMP/password"
"$SERVER" user add --database "$DB" --email "$BENCH_EMAIL" --name Bench --role admin --password-stdin \
    <"$TMP/password" >"$TMP/user.out" 2>"$TMP/user.err" \
    || { cat "$TMP/user.err" >&2; die "user add failed"; }

# start_server NAME CONFIG: starts the warm or the cold server in the background, sets WARM_PID or
# COLD_PID at once (so that the trap stops it whatever happens next) and STARTED_PID and STARTED_PORT.
start_server() {
    local name=$1 config=$2
    "$SERVER" serve --listen 127.0.0.1:0 --database "$DB" --config "$config" --issuer "$ISSUER" \
        >"$TMP/$name.out" 2>"$TMP/$name.err" &
    STARTED_PID=$!
    printf -v "${name^^}_PID" '%s' "$STARTED_PID"
    STARTED_PORT=""
    local first
    for _ in $(seq 1 $((STARTUP_TIMEOUT * 10))); do
        if [[ -s $TMP/$name.out ]]; then
            first=$(head -n 1 "$TMP/$name.out")
            if [[ $first =~ ^keyward-server\ listening\ on\ http://127\.0\.0\.1:([0-9]+)$ ]]; then
                STARTED_PORT=${BASH_REMATCH[1]}
                return 0
            fi
            # A partial line may still be on its way; anything else complete is unexpected.
            [[ $(wc -l <"$TMP/$name.out") -ge 1 ]] && die "unexpected first line from the $name server: $first"
        fi
        kill -0 "$STARTED_PID" 2>/dev/null || { cat "$TMP/$name.err" >&2; die "the $name server exited during start-up"; }
        sleep 0.1
    done
    die "the $name server did not report its port within ${STARTUP_TIMEOUT}s"
}

start_server warm "$TMP/warm.json"
WARM_BASE="http://127.0.0.1:$STARTED_PORT"
start_server cold "$TMP/cold.json"
COLD_BASE="http://127.0.0.1:$STARTED_PORT"

KEY=$("$SERVER" key create --database "$DB" --note bench --permissions payments:read 2>"$TMP/key.err") \
    || { cat "$TMP/key.err" >&2; die "key create failed"; }
[[ -n $KEY ]] || die "key create printed no key"

# curl on loopback only: no proxy, bounded in time, no retries.
kcurl() {
    curl --silent --show-error --noproxy '*' --max-time "$CURL_TIMEOUT" "$@"
}

# An access token by the authorization code flow with PKCE against the warm server.
get_token() {
    local verifier challenge page request_id csrf_token status code
    verifier=$(openssl rand 32 | base64 | tr -d '\n' | tr '+/' '-_' | tr -d '=')
    challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64 | tr -d '\n' | tr '+/' '-_' | tr -d '=')
    [[ ${#verifier} -eq 43 && ${#challenge} -eq 43 ]] || die "could not make a PKCE verifier and challenge"

    page=$TMP/authorize.html
    status=$(kcurl -c "$TMP/cookies" -o "$page" -w '%{http_code}' \
        "$WARM_BASE/oauth/authorize?response_type=code&client_id=$CLIENT_ID&redirect_uri=$REDIRECT_URI&state=s&code_challenge=$challenge&code_challenge_method=S256") \
        || die "GET /oauth/authorize failed"
    [[ $status == 200 ]] || die "GET /oauth/authorize answered $status, not the sign-in page"
    request_id=$(sed -n 's/.*name="request_id" value="\([^"]*\)".*/\1/p' "$page" | head -n 1)
    csrf_token=$(sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' "$page" | head -n 1)
    [[ -n $request_id && -n $csrf_token ]] || die "no request_id or csrf_token on the sign-in page"

    status=$(kcurl -b "$TMP/cookies" -D "$TMP/login.headers" -o /dev/null -w '%{http_code}' -X POST \
        --data-urlencode "request_id=$request_id" --data-urlencode "csrf_token=$csrf_token" \
        --data-urlencode "email=$BENCH_EMAIL" --data-urlencode "password@$TMP/password" --data action=login \
        "$WARM_BASE/oauth/authorize") || die "POST /oauth/authorize failed"
    [[ $status == 302 ]] || die "signing in answered $status, not a 302 to the client"
    code=$(tr -d '\r' <"$TMP/login.headers" | sed -n 's/^[Ll]ocation:.*[?&]code=\([^&]*\).*/\1/p' | head -n 1)
    [[ $code =~ ^[A-Za-z0-9_-]+$ ]] || die "the sign-in redirect carried no authorization code"

    status=$(kcurl -o "$TMP/token.json" -w '%{http_code}' -X POST \
        -d grant_type=authorization_code -d "code=$code" --data-urlencode "redirect_uri=$REDIRECT_URI" \
        -d "client_id=$CLIENT_ID" -d "code_verifier=$verifier" "$WARM_BASE/oauth/token") \
        || die "POST /oauth/token failed"
    [[ $status == 200 ]] || die "POST /oauth/token answered $status"
    TOKEN=$(sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p' "$TMP/token.json" | head -n 1)
    [[ $TOKEN =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]] || die "the token response had no JWT access_token"
}
TOKEN=""
get_token

# The one token must be accepted by both servers before anything is measured.
for base in "$WARM_BASE" "$COLD_BASE"; do
    status=$(kcurl -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$base/me") \
        || die "GET /me with the access token failed on $base"
    [[ $status == 200 ]] || die "GET /me with the access token answered $status on $base"
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
    local out="$TMP/wrk$index.txt" pid base
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
        die "wrk failed on $label"
    fi
    if grep -q 'Non-2xx or 3xx responses' "$out"; then
        grep 'Non-2xx or 3xx responses' "$out" >&2
        die "$label answered with non-2xx responses"
    fi
    if grep -q 'Socket errors' "$out"; then
        grep 'Socket errors' "$out" >&2
        die "$label had socket errors"
    fi
    local rps
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    [[ $rps =~ ^[0-9]+(\.[0-9]+)?$ ]] || { cat "$out" >&2; die "no Requests/sec figure for $label"; }
    awk -v r="$rps" 'BEGIN { exit !(r > 0) }' || die "$label served no requests"
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
stop_server() {
    local name=$1 pid=$2 status
    kill -TERM "$pid"
    for _ in $(seq 1 $((STOP_TIMEOUT * 10))); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        die "the $name server did not stop within ${STOP_TIMEOUT}s of SIGTERM"
    fi
    set +e
    wait "$pid"
    status=$?
    set -e
    if [[ $status -ne 0 ]]; then
        cat "$TMP/$name.err" >&2
        die "the $name server exited with status $status after SIGTERM"
    fi
}
stop_server cold "$COLD_PID"
COLD_PID=""
stop_server warm "$WARM_PID"
WARM_PID=""

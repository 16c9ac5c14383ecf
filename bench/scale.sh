#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Scaling out: the same mixed load (keyward-bench-loadmix) against
#   sqlite  one keyward-server on SQLite
#   pg1     one keyward-server on PostgreSQL
#   pg2     two keyward-server instances on one PostgreSQL database, the clients split over both
# each on a fresh database with the rate limits raised out of the way, each followed by the tool's
# checks (keys listed exactly once, revoked keys refused on every instance, the audit chain
# verifies). Prints one row per setup and the ratio of pg2 to pg1 in requests per second.
#
# Usage: bench/scale.sh BUILD_DIR [SECONDS] [CLIENTS]        (defaults: build, 10, 16)
#   KEYWARD_SCALE_SETUPS="pg2"       run only some setups (default "sqlite pg1 pg2")
#   KEYWARD_SCALE_PG_URL_FILE=FILE   use the running cluster whose URL (postgresql://user@host:port)
#                                    is in FILE instead of starting one (CTest's shared cluster);
#                                    the databases made here are dropped at the end
#   KEYWARD_SCALE_MAX_REQUESTS=M     the tool's request bound (default 1000000; the time bound applies too)
#   KEYWARD_SCALE_MIX=WEIGHTS        the tool's --mix (default create=2,list=2,revoke=1,payments=6,jwt=3)
# Otherwise it starts its own PostgreSQL cluster (tests/support/pg-cluster.sh, fsync on) and always
# stops it, and the servers, however it ends. Needs curl, openssl, psql and Debian's postgresql.
# About 3 × (SECONDS + 8) s plus a few seconds for the cluster: under a minute by default.
set -euo pipefail

BUILD_DIR=${1:-build}
DURATION=${2:-10}
CLIENTS=${3:-16}
SETUPS=${KEYWARD_SCALE_SETUPS:-sqlite pg1 pg2}
MAX_REQUESTS=${KEYWARD_SCALE_MAX_REQUESTS:-1000000}
MIX=${KEYWARD_SCALE_MIX:-}
KB_NAME=scale.sh
KB_ISSUER=http://bench.keyward.test
BENCH_EMAIL=bench@example.com
ADMIN_PERMISSIONS=secret_keys:write,secret_keys:read,payments:read,audit_log:read
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=bench/common.sh
source "$HERE/common.sh"
PG_CLUSTER=$HERE/../tests/support/pg-cluster.sh

[[ $DURATION =~ ^[1-9][0-9]*$ ]] || kb_die "SECONDS must be a positive whole number (got \"$DURATION\")"
[[ $CLIENTS =~ ^[1-9][0-9]*$ ]] || kb_die "CLIENTS must be a positive whole number (got \"$CLIENTS\")"
[[ $MAX_REQUESTS =~ ^[1-9][0-9]*$ ]] || kb_die "KEYWARD_SCALE_MAX_REQUESTS must be a positive whole number"
for setup in $SETUPS; do
    [[ $setup =~ ^(sqlite|pg1|pg2)$ ]] || kb_die "unknown setup \"$setup\" (sqlite, pg1, pg2)"
done
for tool in curl openssl timeout; do
    command -v "$tool" >/dev/null 2>&1 || kb_die "$tool is not installed"
done
[[ $SETUPS == *pg* ]] && { command -v psql >/dev/null 2>&1 || kb_die "psql is not installed (Debian: postgresql-client)"; }

KB_SERVER=$BUILD_DIR/server/keyward-server
TOOL=$BUILD_DIR/bench/loadmix/keyward-bench-loadmix
[[ -x $KB_SERVER ]] || kb_die "no server binary at $KB_SERVER; build it first (see bench/README.md)"
[[ -x $TOOL ]] || kb_die "no load tool at $TOOL; build keyward-bench-loadmix first (see bench/README.md)"
KB_SERVER=$(cd "$(dirname "$KB_SERVER")" && pwd)/$(basename "$KB_SERVER")

umask 077   # passwords, keys and tokens stay readable by this user only
KB_TMP=$(mktemp -d "${TMPDIR:-/tmp}/keyward-scale.XXXXXX")
PG_STATE=""       # set while this script's own cluster runs
PG_URL=""         # postgresql://user@host:port of the cluster
PG_DATA=""        # its data folder, when known (for its CPU time)
PG_DATABASES=()   # made here, dropped at the end when the cluster is not ours

cleanup() {
    local status=$?
    kb_stop_all_servers
    if [[ -n $PG_STATE ]]; then
        "$PG_CLUSTER" stop "$PG_STATE" >/dev/null 2>&1 || true
    elif [[ -n $PG_URL ]]; then
        local db
        for db in "${PG_DATABASES[@]}"; do
            timeout 30 psql -X -q -v ON_ERROR_STOP=1 "$PG_URL/postgres" -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" \
                >/dev/null 2>&1 || true
        done
    fi
    rm -rf "$KB_TMP"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ $SETUPS == *pg* ]]; then
    if [[ -n ${KEYWARD_SCALE_PG_URL_FILE:-} ]]; then
        [[ -r $KEYWARD_SCALE_PG_URL_FILE ]] || kb_die "cannot read KEYWARD_SCALE_PG_URL_FILE ($KEYWARD_SCALE_PG_URL_FILE)"
        PG_URL=$(head -n 1 "$KEYWARD_SCALE_PG_URL_FILE")
        PG_NOTE="a running cluster (fsync as it was started)"
        # A pg-cluster.sh state folder also names the data folder: PostgreSQL's CPU time is known then.
        PG_DATA=$(cat "$(dirname "$KEYWARD_SCALE_PG_URL_FILE")/data-dir" 2>/dev/null || true)
    else
        # pg-cluster.sh keeps its data under the system's temporary folder, reachable by the postgres user.
        PG_STATE=$KB_TMP/pg
        KEYWARD_PG_FSYNC=on "$PG_CLUSTER" start "$PG_STATE" >"$KB_TMP/pg-start.log" 2>&1 \
            || { cat "$KB_TMP/pg-start.log" >&2; PG_STATE=""; kb_die "could not start a PostgreSQL cluster"; }
        PG_URL=$(cat "$PG_STATE/url")
        PG_DATA=$(cat "$PG_STATE/data-dir")
        PG_NOTE="its own cluster, fsync on"
    fi
    [[ $PG_URL =~ ^postgresql://[A-Za-z0-9_]+@127\.0\.0\.1:[0-9]+$ ]] || kb_die "not a loopback cluster URL: $PG_URL"
    PG_VERSION=$(timeout 30 psql -X -A -t "$PG_URL/postgres" -c 'SHOW server_version' 2>/dev/null | head -n 1 || true)
fi

# new_database SETUP: prints the database URL for the setup, fresh.
new_database() {
    local setup=$1 name
    if [[ $setup == sqlite ]]; then
        echo "sqlite:$KB_TMP/$setup.db"
        return
    fi
    name="kw_scale_${setup}_$$_$RANDOM"
    timeout 30 psql -X -q -v ON_ERROR_STOP=1 "$PG_URL/postgres" -c "CREATE DATABASE \"$name\"" >"$KB_TMP/psql.log" 2>&1 \
        || { cat "$KB_TMP/psql.log" >&2; kb_die "could not create database $name"; }
    PG_DATABASES+=("$name")
    echo "$PG_URL/$name"
}

declare -A ROW_RPS ROW_LINE
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
FAILED=0

# run_setup SETUP INSTANCES LABEL
run_setup() {
    local setup=$1 instances=$2 label=$3 database i bases=() pids=() cpu=() summary status
    echo
    echo "== $label =="
    database=$(new_database "$setup")
    rm -f "$KB_TMP/password"
    kb_add_user "$database" "$BENCH_EMAIL"
    "$KB_SERVER" key create --database "$database" --note "loadmix admin" --permissions "$ADMIN_PERMISSIONS" \
        >"$KB_TMP/admin.key" 2>"$KB_TMP/key.err" || { cat "$KB_TMP/key.err" >&2; kb_die "key create failed"; }
    [[ -s $KB_TMP/admin.key ]] || kb_die "key create printed no key"
    kb_write_config "$KB_TMP/$setup.json"
    for i in $(seq 1 "$instances"); do
        kb_start_server "$setup-$i" "$database" "$KB_TMP/$setup.json"
        bases+=("http://127.0.0.1:$KB_PORT")
        pids+=("$KB_PID")
        cpu+=(--cpu-pid "server=$KB_PID")
    done
    kb_get_token "${bases[0]}" "$BENCH_EMAIL"
    printf '%s\n' "$KB_TOKEN" >"$KB_TMP/token"
    KB_TOKEN=""
    for i in "${!bases[@]}"; do
        kb_check_credential "${bases[$i]}" "$KB_TMP/token"
        kb_check_credential "${bases[$i]}" "$KB_TMP/admin.key"
    done
    if [[ $setup != sqlite && -n $PG_DATA ]]; then
        # The postmaster and its backends (the servers' connections), for the CPU line.
        local pg_pid
        pg_pid=$(head -n 1 "$PG_DATA/pgdata/postmaster.pid" 2>/dev/null || true)
        [[ $pg_pid =~ ^[0-9]+$ ]] && cpu+=(--cpu-pid "postgres=$pg_pid")
    fi
    local mix=()
    [[ -n $MIX ]] && mix=(--mix "$MIX")
    set +e
    timeout $((DURATION + 600)) "$TOOL" "${bases[@]/#/--base=}" --clients "$CLIENTS" --seconds "$DURATION" \
        --max-requests "$MAX_REQUESTS" --admin-key-file "$KB_TMP/admin.key" --token-file "$KB_TMP/token" \
        "${mix[@]}" "${cpu[@]}" >"$KB_TMP/$setup.log" 2>&1
    status=$?
    set -e
    sed 's/^/  /' "$KB_TMP/$setup.log"
    for i in "${!pids[@]}"; do
        kb_stop_server "$setup-$((i + 1))" "${pids[$i]}"
    done
    summary=$(grep '^loadmix-summary:' "$KB_TMP/$setup.log" | tail -n 1 || true)
    if [[ $status -ne 0 || -z $summary ]]; then
        FAILED=1
        echo "$KB_NAME: $label: keyward-bench-loadmix exited with status $status" >&2
    fi
    field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$summary"; }
    ROW_RPS[$setup]=$(field rps)
    local requests cpu_server cpu_postgres per_request
    requests=$(field requests)
    cpu_server=$(field cpu_server)
    cpu_postgres=$(field cpu_postgres)
    # Server and PostgreSQL CPU time per request, in µs (PostgreSQL's only when the cluster is ours).
    per_request=$(awk -v s="${cpu_server:-0}" -v p="${cpu_postgres:-0}" -v n="${requests:-0}" \
        'BEGIN { if (n > 0) printf "%.0f", (s + p) * 1e6 / n; else print "n/a" }')
    ROW_LINE[$setup]=$(printf '| %-27s | %8s | %6s | %6s | %6s | %4s | %5s / %5s | %6s | %6s | %6s | %3s %% | %-6s |' \
        "$label" "$(field rps)" "$(field p50_ms)" "$(field p99_ms)" "$(field errors)" "$(field rate_limited)" \
        "$(field keys_created)" "$(field keys_revoked)" "${cpu_server:-–}" "${cpu_postgres:-–}" "$per_request" \
        "$(field machine_busy_pct)" "$( [[ $status -eq 0 ]] && field verify || echo FAILED)")
}

for setup in $SETUPS; do
    case $setup in
        sqlite) run_setup sqlite 1 "(a) SQLite, 1 instance" ;;
        pg1) run_setup pg1 1 "(b) PostgreSQL, 1 instance" ;;
        pg2) run_setup pg2 2 "(c) PostgreSQL, 2 instances" ;;
    esac
done

echo
echo "keyward-server scaling: keyward-bench-loadmix, $CLIENTS clients, ${DURATION}s per setup (at most $MAX_REQUESTS requests), mix ${MIX:-default}, 127.0.0.1, $(nproc) CPU(s)"
echo "load average before the runs: $LOAD_BEFORE; the servers, PostgreSQL and the load tool share the same CPUs"
[[ -n $PG_URL ]] && echo "PostgreSQL ${PG_VERSION:-?}: $PG_NOTE"
echo "| setup                       |    req/s | p50 ms | p99 ms | errors |  429 | keys made / revoked | server CPU s | PG CPU s | CPU µs/req | busy | verify |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for setup in $SETUPS; do
    echo "${ROW_LINE[$setup]}"
done
if [[ -n ${ROW_RPS[pg1]:-} && -n ${ROW_RPS[pg2]:-} ]]; then
    echo "(c) ÷ (b), requests/s: $(awk -v c="${ROW_RPS[pg2]}" -v b="${ROW_RPS[pg1]}" 'BEGIN { if (b > 0) printf "%.2f", c / b; else print "n/a" }')"
fi
[[ $FAILED -eq 0 ]] || kb_die "at least one setup failed its checks or had unexpected answers (see above)"

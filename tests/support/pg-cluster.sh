#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A throw-away PostgreSQL cluster for the suites' PostgreSQL runs (CTest fixture pg_cluster).
#
#   pg-cluster.sh start STATE_DIR   initdb + pg_ctl start on 127.0.0.1 and a free port; writes
#                                   STATE_DIR/url ("postgresql://postgres@127.0.0.1:PORT")
#   pg-cluster.sh stop STATE_DIR    stops it and removes its files
#   pg-cluster.sh halt STATE_DIR    stops the server (fast shutdown), keeping its data and port
#   pg-cluster.sh crash STATE_DIR   stops it as a crash would (immediate: no checkpoint)
#   pg-cluster.sh resume STATE_DIR  starts a halted or crashed cluster again on the same port
#
# The cluster lives in its own folder under the system's temporary directory (PostgreSQL's
# user must be able to reach it, and a build folder inside a private clone may not be). As root
# it runs as the "postgres" user, since initdb and postgres refuse root. Trust authentication on
# loopback only. Needs Debian's postgresql package.
set -euo pipefail

command=${1:?usage: pg-cluster.sh start|stop STATE_DIR}
state=${2:?usage: pg-cluster.sh start|stop STATE_DIR}

bindir=""
for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && bindir=$d
done
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
    as_pg=(runuser -u postgres --)
fi

stop_cluster() {
    if [ -f "$state/data-dir" ]; then
        local data
        data=$(cat "$state/data-dir")
        if [ -n "$bindir" ] && [ -f "$data/pgdata/postmaster.pid" ]; then
            "${as_pg[@]}" "$bindir/pg_ctl" -D "$data/pgdata" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
        fi
        case "$data" in
            */keyward-pg.*) rm -rf "$data" ;;
        esac
    fi
    rm -f "$state/url" "$state/data-dir" "$state/port"
}

# fsync stays on unless KEYWARD_PG_FSYNC=off (the fixture's shared cluster): crash tests need it.
start_server() {
    local data=$1 port=$2 fsync=${KEYWARD_PG_FSYNC:-on}
    "${as_pg[@]}" "$bindir/pg_ctl" -D "$data/pgdata" -l "$data/server.log" -w -t 60 \
        -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=$fsync -c synchronous_commit=$fsync -c full_page_writes=$fsync -c max_connections=400 -c shared_buffers=64MB" \
        start >/dev/null 2>&1
}

case "$command" in
    halt|crash)
        data=$(cat "$state/data-dir")
        mode=fast
        [ "$command" = crash ] && mode=immediate
        "${as_pg[@]}" "$bindir/pg_ctl" -D "$data/pgdata" -m $mode -w -t 60 stop >/dev/null
        ;;
    resume)
        data=$(cat "$state/data-dir")
        start_server "$data" "$(cat "$state/port")" || { tail -n 20 "$data/server.log" >&2; exit 1; }
        ;;
    start)
        [ -n "$bindir" ] || { echo "pg-cluster.sh: no PostgreSQL server found (install the postgresql package)" >&2; exit 1; }
        mkdir -p "$state"
        stop_cluster
        data=$(mktemp -d "${TMPDIR:-/tmp}/keyward-pg.XXXXXX")
        echo "$data" >"$state/data-dir"
        chmod 0755 "$data"
        if [ ${#as_pg[@]} -gt 0 ]; then
            chown postgres: "$data"
        fi
        "${as_pg[@]}" "$bindir/initdb" -D "$data/pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
            --no-sync >"$data/initdb.log" 2>&1 || { cat "$data/initdb.log" >&2; exit 1; }
        for attempt in $(seq 1 20); do
            port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
            if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
                continue # taken
            fi
            if start_server "$data" "$port"; then
                echo "postgresql://postgres@127.0.0.1:$port" >"$state/url"
                echo "$port" >"$state/port"
                echo "PostgreSQL test cluster on 127.0.0.1:$port ($data)"
                exit 0
            fi
            echo "pg-cluster.sh: attempt $attempt on port $port failed" >&2
        done
        tail -n 20 "$data/server.log" >&2 || true
        exit 1
        ;;
    stop)
        stop_cluster
        ;;
    *)
        echo "usage: pg-cluster.sh start|stop STATE_DIR" >&2
        exit 2
        ;;
esac

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one command against a private, throw-away Secret Service, so keychain tests never touch the
# user's real keyring, settings or session bus.
#
#   tests/support/keyring-session.sh MODE COMMAND [ARGS…]
#
#   unlocked  a private D-Bus session with gnome-keyring-daemon and an unlocked login keyring
#   locked    the same, but the login keyring is locked again before COMMAND starts, and nothing can
#             prompt for its password (no display, no D-Bus activation of a prompter)
#   missing   no Secret Service at all: the session bus address points at a socket that does not exist
#
# HOME, XDG_RUNTIME_DIR (mode 700), XDG_DATA_HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME point into a
# temporary directory that is removed afterwards. The rest of the environment is passed through.
# Exits with COMMAND's exit code, or 2 when the session itself cannot be set up. Every daemon it
# starts is stopped before it returns; D-Bus activation is off, so nothing else gets started.
set -euo pipefail

readonly keyring_password=keyward-test-keyring
readonly ready_timeout_s=10

me=$(basename "$0")
die() {
    printf '%s: %s\n' "$me" "$*" >&2
    exit 2
}

if [ $# -lt 2 ]; then
    die "usage: $me unlocked|locked|missing COMMAND [ARGS…]"
fi
mode=$1
shift
case $mode in
unlocked | locked | missing) ;;
*) die "unknown mode '$mode' (expected unlocked, locked or missing)" ;;
esac

need() {
    command -v "$1" >/dev/null 2>&1 || die "$1 not found: install the '$2' package"
}
need mktemp coreutils
need timeout coreutils
if [ "$mode" != missing ]; then
    need dbus-run-session dbus-daemon
    need dbus-send dbus-bin
    need gnome-keyring-daemon gnome-keyring
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/keyward-keyring.XXXXXXXX") || die "cannot create a temporary directory"
bus_pid_file=$tmp/dbus-daemon.pid
child=       # the pid run() waits for
signalled=() # pids forward() passed a signal to
# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
    set +e # never let cleaning up change the exit code
    # dbus-run-session sends SIGTERM to its bus when COMMAND ends but neither waits for nor reaps
    # it: the daemon is handed to init. Wait (bounded) until it, and whatever a forwarded signal
    # ended, has exited and been reaped, so nothing of ours is still listed when we return.
    local pids=("${signalled[@]}") pid deadline=$((SECONDS + 5))
    if [ -s "$bus_pid_file" ]; then
        pids+=("$(<"$bus_pid_file")")
    fi
    for pid in "${pids[@]}"; do
        while [ -e "/proc/$pid" ] && [ "$SECONDS" -lt "$deadline" ]; do
            sleep 0.1
        done
    done
    # A daemon started by COMMAND itself may still write into HOME for a moment: retry once.
    rm -rf "$tmp" 2>/dev/null || { sleep 0.5; rm -rf "$tmp"; }
}
trap cleanup EXIT

# The pids of a process and all its descendants, parents first (read from /proc: procps may be
# missing).
# shellcheck disable=SC2317 # used by the traps
process_tree() {
    local -A children=()
    local stat line pid rest
    for stat in /proc/[0-9]*/stat; do
        read -r line <"$stat" 2>/dev/null || continue
        pid=${line%% *}
        rest=${line##*) } # after "pid (comm) ": "state ppid …"
        rest=${rest#* }
        children[${rest%% *}]+=" $pid"
    done
    local -a todo=("$1")
    while [ ${#todo[@]} -gt 0 ]; do
        pid=${todo[0]}
        todo=("${todo[@]:1}")
        echo "$pid"
        # shellcheck disable=SC2206 # pids: split on purpose
        todo+=(${children[$pid]-})
    done
}

# HUP, INT and TERM sent to this script go on to COMMAND and what the session started (bash would
# otherwise hold them until COMMAND ended). In a bus session dbus-run-session and the bus are
# spared: they end on their own once the inner shell has stopped the keyring and exited.
# shellcheck disable=SC2317 # run by the traps
forward() { # signal exit-status
    if [ -z "$child" ]; then
        exit "$2"
    fi
    local bus=
    [ -s "$bus_pid_file" ] && bus=$(<"$bus_pid_file")
    local pid
    for pid in $(process_tree "$child"); do
        if [ "$mode" != missing ] && { [ "$pid" = "$child" ] || [ "$pid" = "$bus" ]; }; then
            continue
        fi
        signalled+=("$pid")
        kill -s "$1" "$pid" 2>/dev/null || true
    done
}
trap 'forward HUP 129' HUP
# Processes started in the background ignore SIGINT (bash sets that up without job control): ask
# them to stop with SIGTERM instead.
trap 'forward TERM 130' INT
trap 'forward TERM 143' TERM

# Runs its arguments as our child, with our standard input, and returns their exit status.
run() {
    exec 3<&0 # a background job would otherwise read /dev/null
    "$@" <&3 3<&- &
    child=$!
    exec 3<&-
    local rc
    set +e
    while kill -0 "$child" 2>/dev/null; do
        wait "$child" # returns early when a trapped signal arrives
    done
    wait "$child" # bash keeps the status of a finished child
    rc=$?
    set -e
    child=
    return "$rc"
}

mkdir -p "$tmp/home/.local/share" "$tmp/home/.config" "$tmp/home/.cache" "$tmp/run"
chmod 700 "$tmp/home" "$tmp/run"
export HOME=$tmp/home
export XDG_RUNTIME_DIR=$tmp/run
export XDG_DATA_HOME=$HOME/.local/share
export XDG_CONFIG_HOME=$HOME/.config
export XDG_CACHE_HOME=$HOME/.cache
# Nothing of the caller's session may leak in (a running keyring daemon, its agents, a bus).
unset GNOME_KEYRING_CONTROL GNOME_KEYRING_PID SSH_AUTH_SOCK DBUS_STARTER_ADDRESS DBUS_STARTER_BUS_TYPE
unset DBUS_SESSION_BUS_ADDRESS

if [ "$mode" = missing ]; then
    # A real session bus could D-Bus-activate gnome-keyring by itself: give no bus at all.
    export DBUS_SESSION_BUS_ADDRESS=unix:path=$XDG_RUNTIME_DIR/no-such-bus
    rc=0
    run "$@" || rc=$?
    exit "$rc"
fi

# A session bus like the standard one, but with no service directories: no D-Bus activation, so
# neither a second gnome-keyring-daemon nor a prompter can be started behind our back.
cat >"$tmp/session.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir=$XDG_RUNTIME_DIR</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF

# Runs inside the bus session: mode, temporary directory, keyring password, readiness timeout in
# seconds, then COMMAND [ARGS…].
# shellcheck disable=SC2016 # expanded by the inner shell
inner='
set -euo pipefail
mode=$1 tmp=$2 password=$3 ready_timeout_s=$4
shift 4
me=keyring-session.sh

# dbus-run-session is our parent; its only other child is the bus daemon. Note its pid so the
# outer shell can wait for it (read from /proc: procps may not be installed).
for stat in /proc/[0-9]*/stat; do
    read -r pid comm _ ppid _ <"$stat" 2>/dev/null || continue
    if [ "$ppid" = "$PPID" ] && [ "$comm" = "(dbus-daemon)" ]; then
        echo "$pid" >"$tmp/dbus-daemon.pid"
    fi
done

gkd_pid=
stop_keyring() {
    if [ -n "$gkd_pid" ]; then
        kill "$gkd_pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$gkd_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$gkd_pid" 2>/dev/null || true
        wait "$gkd_pid" 2>/dev/null || true
        gkd_pid=
    fi
}
trap stop_keyring EXIT
trap "exit 129" HUP
trap "exit 130" INT
trap "exit 143" TERM

collection=/org/freedesktop/secrets/collection/login
bus_call() { # path interface.method args…: the literal reply, bounded
    timeout 5 dbus-send --session --print-reply=literal --reply-timeout=4000 \
        --dest=org.freedesktop.secrets "$@"
}
login_locked() { # prints true or false, nothing while the keyring is not there yet
    local reply
    reply=$(bus_call "$collection" org.freedesktop.DBus.Properties.Get \
        string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null) || return 0
    case $reply in
    *"boolean true"*) echo true ;;
    *"boolean false"*) echo false ;;
    esac
}

if [ "$mode" = locked ]; then
    # No display: an unlock prompt has nowhere to appear (and no prompter can be activated).
    unset DISPLAY WAYLAND_DISPLAY
fi

# In the foreground mode as our own child, so we know its pid and stop it ourselves. --unlock
# creates the login keyring in the fresh HOME, makes it the default and unlocks it.
printf %s "$password" | gnome-keyring-daemon --foreground --unlock --components=secrets \
    >"$tmp/gnome-keyring.log" 2>&1 &
gkd_pid=$!
deadline=$((SECONDS + ready_timeout_s))
until [ "$(login_locked)" = false ]; do
    if ! kill -0 "$gkd_pid" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
        echo "$me: gnome-keyring-daemon gave no unlocked login keyring within ${ready_timeout_s} s" >&2
        cat "$tmp/gnome-keyring.log" >&2 || true
        exit 2
    fi
    sleep 0.05
done

if [ "$mode" = locked ]; then
    # Locking needs no prompt; unlocking again would, so the keyring stays locked.
    bus_call /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock \
        "array:objpath:$collection" >/dev/null || true
    if [ "$(login_locked)" != true ]; then
        echo "$me: could not lock the login keyring" >&2
        exit 2
    fi
fi

set +e
"$@"
rc=$?
set -e
stop_keyring
exit "$rc"
'

rc=0
run dbus-run-session --config-file="$tmp/session.conf" -- \
    bash -c "$inner" keyring-session "$mode" "$tmp" "$keyring_password" "$ready_timeout_s" "$@" || rc=$?
exit "$rc"

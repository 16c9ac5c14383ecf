#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# installer/test-packages.sh BUILD_DIR: the Debian packages, end to end, on this machine.
#
# Builds keyward and keyward-server .debs with CPack in BUILD_DIR (the binaries must be built),
# checks them with lintian, installs them, runs both programs, starts the installed server the way
# keyward-server.service would (its user, settings, umask and MemoryDenyWriteExecute; there is no
# running systemd here), asks /health, stops it, purges both packages and checks that nothing is
# left. Whatever fails, the packages are purged on the way out: the machine is left as it was.
#
# Needs root (or sudo -n); without, it exits with 77 (skipped). It never touches a keyward or
# keyward-server installation it did not make: then it exits with 77 as well.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -f "$1/CMakeCache.txt" ]; then
    echo "usage: installer/test-packages.sh BUILD_DIR (a configured build with keyward and keyward-server built)" >&2
    exit 2
fi
build_dir=$(cd "$1" && pwd)
started=$SECONDS

step() { printf '\033[1m--> %s\033[0m\n' "$*" >&2; }
fail() { printf 'test-packages: FAIL: %s\n' "$*" >&2; exit 1; }
skip() { printf 'test-packages: SKIPPED: %s\n' "$*" >&2; exit 77; }

if [ "$(id -u)" -eq 0 ]; then
    root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    root=(sudo -n)
else
    skip "installing packages needs root: run as root or with password-less sudo"
fi
for tool in cpack dpkg dpkg-deb dpkg-shlibdeps fakeroot lintian curl setpriv flock; do
    command -v "$tool" >/dev/null || fail "$tool is missing (scripts/dev deps installs it)"
done

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")
[ -n "$version" ] || fail "no CMAKE_PROJECT_VERSION in $build_dir/CMakeCache.txt"
arch=$(dpkg --print-architecture)
packages=(keyward keyward-server)
unit=/lib/systemd/system/keyward-server.service
state=/var/lib/keyward-server
# Written before installing, removed after purging: a run that was killed half-way is recognised
# by the next one, which cleans up after it instead of refusing to touch "someone's" install.
marker=/var/tmp/keyward-test-packages.installed

# One run at a time on this machine (the packages and the system user are machine-wide).
exec 9>/tmp/keyward-test-packages.lock
flock -w 900 9 || fail "another test-packages.sh run holds the lock"

work=$(mktemp -d "${TMPDIR:-/tmp}/keyward-test-packages.XXXXXX")
chmod 0755 "$work"
installed=0
server_pid=""
pulled_in=()

is_installed() { # any trace in dpkg's database: installed, half-installed, or config files left
    local status
    status=$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)
    [ -n "$status" ] && [ "$status" != "not-installed" ]
}

# dpkg and apt wait for a lock that another session's apt-get may hold for a while.
dpkg_retry() {
    local deadline=$((SECONDS + 600)) out rc
    while :; do
        rc=0
        out=$("${root[@]}" env DEBIAN_FRONTEND=noninteractive dpkg "$@" 2>&1) || rc=$?
        printf '%s\n' "$out" >>"$work/dpkg.log"
        if [ $rc -ne 0 ] && grep -q 'lock' <<<"$out" && [ $SECONDS -lt $deadline ]; then
            sleep 3
            continue
        fi
        [ $rc -eq 0 ] || printf '%s\n' "$out" >&2
        return $rc
    done
}
apt_get() {
    "${root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -y -q "$@"
}

purge_packages() {
    local present=()
    for p in "${packages[@]}"; do
        if is_installed "$p"; then present+=("$p"); fi
    done
    if [ ${#present[@]} -gt 0 ]; then
        dpkg_retry --purge "${present[@]}" >/dev/null
    fi
}

cleanup() {
    local rc=$?
    set +e
    if [ -n "$server_pid" ] && "${root[@]}" kill -0 "$server_pid" 2>/dev/null; then
        "${root[@]}" kill -TERM "$server_pid" 2>/dev/null
        for _ in $(seq 1 100); do "${root[@]}" kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        "${root[@]}" kill -KILL "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
    fi
    if [ $installed -eq 1 ]; then
        [ $rc -eq 0 ] || step "cleaning up: purging ${packages[*]}"
        purge_packages || printf 'test-packages: could not purge %s: remove them by hand\n' "${packages[*]}" >&2
        if [ ${#pulled_in[@]} -gt 0 ]; then
            apt_get purge "${pulled_in[@]}" >/dev/null || true
        fi
        "${root[@]}" rm -f "$marker"
    fi
    "${root[@]}" rm -rf "$work"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the packages ---------------------------------------------------------------------------------
step "building the packages (cpack in $build_dir)"
rm -f "$build_dir"/packages/*.deb
(cd "$build_dir" && cpack --config CPackConfig.cmake) >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
debs=()
for p in "${packages[@]}"; do
    deb=$(find "$build_dir/packages" -maxdepth 1 -name "${p}_${version}-*_${arch}.deb" | head -n 1)
    [ -n "$deb" ] || fail "cpack made no ${p}_${version}-*_${arch}.deb in $build_dir/packages"
    debs+=("$deb")
    printf '    %s (%s KiB)\n' "$deb" "$(( $(stat -c %s "$deb") / 1024 ))" >&2
done

step "lintian"
# Overrides with their reasons ship in the packages (/usr/share/lintian/overrides); an E: or W:
# that none of them explains fails the test. Lintian prefers not to run as root.
mkdir "$work/debs"
cp "${debs[@]}" "$work/debs/"
lintian_as=()
if [ "$(id -u)" -eq 0 ]; then
    lintian_as=(setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$work")
fi
lintian_rc=0
# From $work: the unprivileged user may not enter the folder the test was started from (a clone
# under a private mktemp folder, say), and lintian changes back to it.
(cd "$work" && "${lintian_as[@]}" lintian --fail-on none --display-info --show-overrides "$work"/debs/*.deb) \
    >"$work/lintian.txt" 2>&1 || lintian_rc=$?
sed 's/^/    /' "$work/lintian.txt" >&2
[ $lintian_rc -eq 0 ] || fail "lintian did not run (exit $lintian_rc)"
if grep -q '^[EW]: ' "$work/lintian.txt"; then
    fail "lintian: errors or warnings without an override (see above and installer/README.md)"
fi

# --- install ----------------------------------------------------------------------------------------
for p in "${packages[@]}"; do
    if is_installed "$p"; then
        if [ -e "$marker" ]; then
            step "purging $p left installed by an earlier run of this test"
            installed=1
            purge_packages
        else
            skip "$p is installed on this machine and this test did not install it: not touching it"
        fi
    fi
done
if getent passwd keyward-server >/dev/null || [ -e "$state" ]; then
    skip "a keyward-server user or $state exists without the package: not touching them"
fi

step "installing ${debs[*]##*/}"
"${root[@]}" touch "$marker"
installed=1
before=$(dpkg-query -W -f='${Package}\n' | sort)
if ! dpkg_retry --install "${debs[@]}"; then
    step "dpkg reported missing dependencies: apt-get -f install"
    apt_get -f install --no-install-recommends >/dev/null
fi
mapfile -t pulled_in < <(comm -13 <(echo "$before") <(dpkg-query -W -f='${Package}\n' | sort) \
                           | grep -vx -e keyward -e keyward-server || true)
[ ${#pulled_in[@]} -eq 0 ] || printf '    pulled in: %s (removed again at the end)\n' "${pulled_in[*]}" >&2
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p")
    [ "$status" = "ii " ] || fail "$p is not installed properly (dpkg status '$status')"
done

# --- what got installed -----------------------------------------------------------------------------
step "checking the installed files"
[ "$(/usr/bin/keyward --version)" = "keyward $version" ] || fail "keyward --version: $(/usr/bin/keyward --version)"
[ "$(/usr/bin/keyward-server --version)" = "keyward-server $version" ] \
    || fail "keyward-server --version: $(/usr/bin/keyward-server --version)"
for f in /usr/share/man/man1/keyward.1.gz /usr/share/man/man1/keyward-server.1.gz "$unit" \
         /etc/default/keyward-server /etc/keyward-server/config.json; do
    [ -f "$f" ] || fail "$f is missing"
done
if command -v readelf >/dev/null; then
    for b in /usr/bin/keyward /usr/bin/keyward-server; do
        dynamic=$(readelf -d "$b") sections=$(readelf -S "$b")
        if grep -q -E 'RPATH|RUNPATH' <<<"$dynamic"; then fail "$b has a RUNPATH"; fi
        if grep -q '\.debug_' <<<"$sections"; then fail "$b is not stripped"; fi
    done
fi
conffiles=$(dpkg-query -W -f='${Conffiles}' keyward-server)
for f in /etc/default/keyward-server /etc/keyward-server/config.json; do
    grep -q " $f " <<<"$conffiles " || fail "$f is not a conffile"
done
IFS=: read -r _ _ uid _ _ home shell < <(getent passwd keyward-server) || fail "no keyward-server user"
[ "$uid" -lt 1000 ] || fail "keyward-server is not a system user (uid $uid)"
[ "$home" = "$state" ] || fail "keyward-server's home is $home"
[ "$shell" = /usr/sbin/nologin ] || fail "keyward-server's shell is $shell"
[ "$(stat -c '%U:%G %a' "$state")" = "keyward-server:keyward-server 750" ] \
    || fail "$state is $(stat -c '%U:%G %a' "$state")"

step "the service is installed disabled"
if command -v systemctl >/dev/null; then
    enabled=$(systemctl is-enabled keyward-server.service 2>/dev/null || true)
    [ "$enabled" = disabled ] || fail "systemctl is-enabled keyward-server.service says '$enabled'"
fi
links=$(find /etc/systemd/system -name keyward-server.service 2>/dev/null || true)
[ -z "$links" ] || fail "the service is enabled: $links"
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify "$unit" || fail "systemd-analyze verify $unit"
    systemd-analyze security --offline=yes "$unit" 2>/dev/null | tail -n 1 | sed 's/^/    /' >&2 || true
fi

# --- run it as the unit would -----------------------------------------------------------------------
step "starting the installed server as keyward-server.service would"
unit_value() { sed -n "s/^$1=//p" "$unit" | tail -n 1; }
exec_start_pre=$(unit_value ExecStartPre)
exec_start=$(unit_value ExecStart)
env_file=$(unit_value EnvironmentFile)
user=$(unit_value User)
group=$(unit_value Group)
umask_value=$(unit_value UMask)
workdir=$(unit_value WorkingDirectory)
if [ -z "$exec_start_pre" ] || [ -z "$exec_start" ] || [ -z "$env_file" ] || [ -z "$user" ]; then
    fail "$unit lacks ExecStartPre, ExecStart, EnvironmentFile or User"
fi
case "$exec_start_pre$exec_start" in [-+!@:]*) fail "the test does not know the ExecStart prefixes in $unit" ;; esac
# The unit's own settings, except the port: 127.0.0.1:0 lets the system pick a free one (8787 may be
# taken by a developer's server on this shared machine).
listen=127.0.0.1:0
printf '    User=%s, no capabilities, no new privileges, UMask=%s, EnvironmentFile=%s\n' \
    "$user" "${umask_value:-0022}" "$env_file" >&2
printf '    ExecStartPre=%s\n    ExecStart=%s\n    (KEYWARD_LISTEN=%s instead of the file'"'"'s value)\n' \
    "$exec_start_pre" "$exec_start" "$listen" >&2
# Run by bash as the service user: bash expands ${VAR} and $VAR as systemd does for values without
# spaces ($VAR splitting into words), which is all the environment file holds. MemoryDenyWriteExecute
# is the kernel's PR_SET_MDWE (Linux 6.3 and later), which survives exec like systemd's filter.
cat >"$work/run-unit.sh" <<'SH'
set -euo pipefail
umask "$UNIT_UMASK"
cd "$UNIT_WORKDIR"
set -a
. "$UNIT_ENV_FILE"
set +a
KEYWARD_LISTEN=$UNIT_LISTEN
eval "$UNIT_EXEC_START_PRE"
eval "exec $UNIT_EXEC_START"
SH
mdwe=()
if grep -qx 'MemoryDenyWriteExecute=yes' "$unit"; then
    if perl -e 'require "syscall.ph"; syscall(&SYS_prctl, 65, 1, 0, 0, 0) == 0 or exit 1' 2>/dev/null; then
        mdwe=(perl -e 'require "syscall.ph"; syscall(&SYS_prctl, 65, 1, 0, 0, 0) == 0 or die "PR_SET_MDWE: $!\n"; exec @ARGV or die "exec: $!\n"')
        printf '    MemoryDenyWriteExecute=yes: under PR_SET_MDWE\n' >&2
    else
        printf '    MemoryDenyWriteExecute=yes: NOT checked (PR_SET_MDWE needs Linux 6.3 and perl'"'"'s syscall.ph)\n' >&2
    fi
fi
"${root[@]}" setpriv --reuid="$user" --regid="${group:-$user}" --init-groups --no-new-privs \
        --bounding-set=-all --inh-caps=-all \
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME="$state" \
        LANG=C.UTF-8 USER="$user" LOGNAME="$user" \
        UNIT_UMASK="${umask_value:-0022}" UNIT_WORKDIR="${workdir:-/}" UNIT_ENV_FILE="$env_file" \
        UNIT_LISTEN="$listen" UNIT_EXEC_START_PRE="$exec_start_pre" UNIT_EXEC_START="$exec_start" \
    "${mdwe[@]}" bash "$work/run-unit.sh" >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
url=""
for _ in $(seq 1 300); do
    url=$(sed -n 's/^keyward-server listening on //p' "$work/server.out" | head -n 1)
    [ -n "$url" ] && break
    "${root[@]}" kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$url" ]; then
    cat "$work/server.out" "$work/server.err" >&2
    fail "the installed keyward-server did not start"
fi
sed 's/^/    /' "$work/server.out" >&2
grep -q '^initialised sqlite:/var/lib/keyward-server/keyward.db' "$work/server.out" \
    || fail "ExecStartPre (init) did not initialise the database in $state"
health=$(curl -fsS --max-time 10 "$url/health") || fail "GET $url/health failed"
printf '    GET %s/health: %s\n' "$url" "$health" >&2
grep -q '"status":"ok"' <<<"$health" || fail "/health did not say ok"
grep -q "\"version\":\"$version\"" <<<"$health" || fail "/health did not name version $version"
db=$state/keyward.db
[ "$(stat -c '%U %a' "$db")" = "keyward-server 600" ] || fail "$db is $(stat -c '%U %a' "$db"), not keyward-server 600"

step "stopping it (SIGTERM)"
"${root[@]}" kill -TERM "$server_pid"
server_rc=0
wait "$server_pid" || server_rc=$?
server_pid=""
[ $server_rc -eq 0 ] || { cat "$work/server.err" >&2; fail "keyward-server exited with $server_rc after SIGTERM"; }
grep -q 'keyward.server: stopped' "$work/server.err" || { cat "$work/server.err" >&2; fail "no graceful stop"; }
if pgrep -u keyward-server >/dev/null; then fail "processes of keyward-server are still running"; fi

# --- purge ------------------------------------------------------------------------------------------
step "purging ${packages[*]}"
purge_packages
for p in "${packages[@]}"; do
    ! is_installed "$p" || fail "$p is still known to dpkg after the purge"
done
leftovers=()
for f in /usr/bin/keyward /usr/bin/keyward-server "$unit" /etc/keyward-server /etc/default/keyward-server \
         "$state" /usr/share/doc/keyward /usr/share/doc/keyward-server \
         /usr/share/man/man1/keyward.1.gz /usr/share/man/man1/keyward-server.1.gz \
         /var/lib/systemd/deb-systemd-helper-enabled/keyward-server.service.dsh-also \
         /var/lib/systemd/deb-systemd-helper-masked/keyward-server.service; do
    if [ -e "$f" ]; then leftovers+=("$f"); fi
done
[ ${#leftovers[@]} -eq 0 ] || fail "left after the purge: ${leftovers[*]}"
if getent passwd keyward-server >/dev/null || getent group keyward-server >/dev/null; then
    fail "the keyward-server user or group is left after the purge"
fi
if [ ${#pulled_in[@]} -gt 0 ]; then
    apt_get purge "${pulled_in[@]}" >/dev/null
    pulled_in=()
fi
"${root[@]}" rm -f "$marker"
installed=0

printf 'test-packages: %s and %s %s built, lintian-clean, installed, served /health, purged without a trace (%d s)\n' \
    "${packages[@]}" "$version" $((SECONDS - started))

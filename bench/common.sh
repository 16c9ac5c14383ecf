# SPDX-License-Identifier: GPL-3.0-or-later
# Shell functions shared by bench/load.sh and bench/scale.sh (sourced, not run): start and stop
# keyward-server instances on loopback, raise the rate limits out of the way, and sign in by the
# OAuth authorization code flow with PKCE to get an access token. Nothing here prints a secret.
#
# The sourcing script sets, before calling these:
#   KB_NAME     its name, for messages
#   KB_TMP      a private temporary folder (umask 077) for logs, passwords and tokens
#   KB_SERVER   the absolute path of keyward-server
#   KB_ISSUER   the --issuer every server gets, so that one access token works on all of them
# and calls kb_stop_all_servers from its EXIT trap.

KB_STARTUP_TIMEOUT=${KB_STARTUP_TIMEOUT:-30}  # seconds to wait for the "listening" line
KB_STOP_TIMEOUT=${KB_STOP_TIMEOUT:-20}        # seconds to wait for a clean exit after SIGTERM
KB_CURL_TIMEOUT=${KB_CURL_TIMEOUT:-30}        # seconds for any one step of the sign-in (Argon2id)
KB_CLIENT_ID=keyward-desktop
KB_REDIRECT_URI=http://127.0.0.1:5555/cb      # never contacted: the code is read from the 302
KB_SERVER_PIDS=()                             # started and not yet stopped cleanly

kb_die() {
    echo "$KB_NAME: $*" >&2
    exit 1
}

# kb_write_config FILE [EXTRA_JSON_LINE]: every rate limit at 100,000,000 a minute, tokens that
# outlive any run; EXTRA_JSON_LINE ('"key": value') is added as is.
kb_write_config() {
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

# kb_start_server NAME DATABASE_URL CONFIG: starts `serve --listen 127.0.0.1:0` in the background
# (logs in KB_TMP/NAME.out and .err), registers it for kb_stop_all_servers at once, and sets
# KB_PID and KB_PORT once it reports its port.
kb_start_server() {
    local name=$1 database=$2 config=$3 first
    "$KB_SERVER" serve --listen 127.0.0.1:0 --database "$database" --config "$config" --issuer "$KB_ISSUER" \
        >"$KB_TMP/$name.out" 2>"$KB_TMP/$name.err" &
    KB_PID=$!
    KB_SERVER_PIDS+=("$KB_PID")
    KB_PORT=""
    for _ in $(seq 1 $((KB_STARTUP_TIMEOUT * 10))); do
        if [[ -s $KB_TMP/$name.out ]]; then
            first=$(head -n 1 "$KB_TMP/$name.out")
            if [[ $first =~ ^keyward-server\ listening\ on\ http://127\.0\.0\.1:([0-9]+)$ ]]; then
                KB_PORT=${BASH_REMATCH[1]}
                return 0
            fi
            # A partial line may still be on its way; anything else complete is unexpected.
            [[ $(wc -l <"$KB_TMP/$name.out") -ge 1 ]] && kb_die "unexpected first line from the $name server: $first"
        fi
        kill -0 "$KB_PID" 2>/dev/null || { cat "$KB_TMP/$name.err" >&2; kb_die "the $name server exited during start-up"; }
        sleep 0.1
    done
    kb_die "the $name server did not report its port within ${KB_STARTUP_TIMEOUT}s"
}

kb_forget_pid() {
    local pid=$1 kept=() p
    for p in "${KB_SERVER_PIDS[@]}"; do
        [[ $p == "$pid" ]] || kept+=("$p")
    done
    KB_SERVER_PIDS=("${kept[@]}")
}

# kb_kill_server PID: SIGTERM, up to KB_STOP_TIMEOUT, then SIGKILL; for traps (no status check).
kb_kill_server() {
    local pid=$1
    kb_forget_pid "$pid"
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((KB_STOP_TIMEOUT * 10))); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

kb_stop_all_servers() {
    local pid
    for pid in "${KB_SERVER_PIDS[@]}"; do
        kb_kill_server "$pid"
    done
}

# kb_stop_server NAME PID: the clean stop: SIGTERM, then the server must exit 0 on its own.
kb_stop_server() {
    local name=$1 pid=$2 status
    kill -TERM "$pid"
    for _ in $(seq 1 $((KB_STOP_TIMEOUT * 10))); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        kb_die "the $name server did not stop within ${KB_STOP_TIMEOUT}s of SIGTERM"
    fi
    set +e
    wait "$pid"
    status=$?
    set -e
    kb_forget_pid "$pid"
    if [[ $status -ne 0 ]]; then
        cat "$KB_TMP/$name.err" >&2
        kb_die "the $name server exited with status $status after SIGTERM"
    fi
}

# curl on loopback only: no proxy, bounded in time, no retries.
kb_curl() {
    curl --silent --show-error --noproxy '*' --max-time "$KB_CURL_TIMEOUT" "$@"
}

# kb_add_user DATABASE_URL EMAIL: an admin member with a random password (KB_TMP/password, never
# printed); before any server starts on that database.
kb_add_user() {
    local database=$1 email=$2
    [[ -s $KB_TMP/password ]] || openssl rand -hex 24 | tr -d '\n' >"$KB_TMP/password"
    "$KB_SERVER" user add --database "$database" --email "$email" --name Bench --role admin --password-stdin \
        <"$KB_TMP/password" >"$KB_TMP/user.out" 2>"$KB_TMP/user.err" \
        || { cat "$KB_TMP/user.err" >&2; kb_die "user add failed"; }
}

# kb_get_token BASE_URL EMAIL: an access token by the authorization code flow with PKCE, signed
# in with KB_TMP/password; sets KB_TOKEN.
kb_get_token() {
    local base=$1 email=$2 verifier challenge page request_id csrf_token status code
    verifier=$(openssl rand 32 | base64 | tr -d '\n' | tr '+/' '-_' | tr -d '=')
    challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64 | tr -d '\n' | tr '+/' '-_' | tr -d '=')
    [[ ${#verifier} -eq 43 && ${#challenge} -eq 43 ]] || kb_die "could not make a PKCE verifier and challenge"

    page=$KB_TMP/authorize.html
    rm -f "$KB_TMP/cookies"
    status=$(kb_curl -c "$KB_TMP/cookies" -o "$page" -w '%{http_code}' \
        "$base/oauth/authorize?response_type=code&client_id=$KB_CLIENT_ID&redirect_uri=$KB_REDIRECT_URI&state=s&code_challenge=$challenge&code_challenge_method=S256") \
        || kb_die "GET /oauth/authorize failed"
    [[ $status == 200 ]] || kb_die "GET /oauth/authorize answered $status, not the sign-in page"
    request_id=$(sed -n 's/.*name="request_id" value="\([^"]*\)".*/\1/p' "$page" | head -n 1)
    csrf_token=$(sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' "$page" | head -n 1)
    [[ -n $request_id && -n $csrf_token ]] || kb_die "no request_id or csrf_token on the sign-in page"

    status=$(kb_curl -b "$KB_TMP/cookies" -D "$KB_TMP/login.headers" -o /dev/null -w '%{http_code}' -X POST \
        --data-urlencode "request_id=$request_id" --data-urlencode "csrf_token=$csrf_token" \
        --data-urlencode "email=$email" --data-urlencode "password@$KB_TMP/password" --data action=login \
        "$base/oauth/authorize") || kb_die "POST /oauth/authorize failed"
    [[ $status == 302 ]] || kb_die "signing in answered $status, not a 302 to the client"
    code=$(tr -d '\r' <"$KB_TMP/login.headers" | sed -n 's/^[Ll]ocation:.*[?&]code=\([^&]*\).*/\1/p' | head -n 1)
    [[ $code =~ ^[A-Za-z0-9_-]+$ ]] || kb_die "the sign-in redirect carried no authorization code"

    status=$(kb_curl -o "$KB_TMP/token.json" -w '%{http_code}' -X POST \
        -d grant_type=authorization_code -d "code=$code" --data-urlencode "redirect_uri=$KB_REDIRECT_URI" \
        -d "client_id=$KB_CLIENT_ID" -d "code_verifier=$verifier" "$base/oauth/token") \
        || kb_die "POST /oauth/token failed"
    [[ $status == 200 ]] || kb_die "POST /oauth/token answered $status"
    KB_TOKEN=$(sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p' "$KB_TMP/token.json" | head -n 1)
    rm -f "$KB_TMP/token.json"
    [[ $KB_TOKEN =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]] || kb_die "the token response had no JWT access_token"
}

# kb_check_credential BASE_URL CREDENTIAL_FILE: GET /me with it must answer 200.
kb_check_credential() {
    local base=$1 file=$2 status
    status=$(kb_curl -o /dev/null -w '%{http_code}' -H @<(printf 'Authorization: Bearer %s\n' "$(cat "$file")") "$base/me") \
        || kb_die "GET /me failed on $base"
    [[ $status == 200 ]] || kb_die "GET /me with $(basename "$file") answered $status on $base"
}

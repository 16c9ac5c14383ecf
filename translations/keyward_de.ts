<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApiFailure</name>
    <message>
        <source>a list without data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list page without a cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an answer that is not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (request id: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept your sign-in: %1 Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server is rate limiting requests: %1 It accepts more in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The server is rate limiting requests: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept your sign-in. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 has no such address (HTTP 404). Check the API URL of this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server is rate limiting requests. It accepts more in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The server is rate limiting requests. Wait a moment and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 had a problem (HTTP %2). Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 rejected the request (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1: nothing is listening there. Is the server running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server name %1 could not be found. Check the profile&apos;s address and your network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 closed the connection before answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2. Its certificate may be invalid, expired or self-signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network is unavailable. Check your connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy refused or dropped the connection to %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unreadable answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent %1 that Keyward cannot read (HTTP %2). Is this the right API address?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an identity without an id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more audit events than asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an audit event without its id, time, action or hashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a page of audit events whose cursor is not an event id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an audit histogram without buckets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an audit histogram with an unknown bucket size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an audit histogram with a malformed bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a denied-requests summary without groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a denied-requests summary with a malformed group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a signed audit head that is incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a piece of the audit chain without data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a piece of the audit chain without a cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more of the audit chain than asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an entry of the audit chain without its id or hashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a key without an id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new key without its secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a publishable key without an id or value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of publishable keys that does not end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a new publishable key without an id or value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <source>Keyward: the desktop console for API keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a local keyward-server with demo data and sign in to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the saved profile &lt;name&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the API at &lt;url&gt; for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in at the OAuth/OpenID Connect issuer &lt;url&gt; (default: the API URL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth client id for --api (default: keyward-desktop).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth scopes for --api (default: keys).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the browser sign-in at launch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the language &lt;code&gt; (e.g. de, fr) instead of the system&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2
Try &apos;%1 --help&apos; for more information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sandbox cannot be combined with --profile, --api or --issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--profile cannot be combined with --api or --issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--issuer, --client-id and --scopes need --api</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown language &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditEventFormat</name>
    <message>
        <source>denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied: revoked key used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied: expired key used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied: deleted key used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied: unknown key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied: unknown, revoked or deleted key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied: malformed key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied: no credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied: malformed Authorization header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied: not a member of the organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied: missing permission %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created key (rotation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rotated key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created publishable key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted publishable key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enabled user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set up two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reset two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed organisation settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anonymous client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any secret key change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any publishable key change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any sign-in or denial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any user change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditVerification</name>
    <message numerus="yes">
        <source>Verified: %n event(s), chain intact, head signed by the server.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verified: %n event(s), each matching its hash; the chain between them is not checked yet.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verified: %n event(s), each matching its hash and linked to the one before; not yet checked against the signed head.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Verification failed at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification could not finish: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Verification cancelled after %n event(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChainLinker</name>
    <message>
        <source>the chain holds an entry without an event id where %1 should be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain skips from %1 to %2: events are missing or out of order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it comes again after %1: the chain is out of order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its prev_hash is not the genesis hash: the log does not start here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its prev_hash is not the hash of %1: an event before it was removed, inserted or reordered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a redacted entry without a valid hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a redacted entry that carries content which cannot be verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its content does not match its hash: the event was altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list shows this event, but the chain says it belongs to another organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its content as listed does not match its hash: the event was altered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list shows another version of this event than the chain holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain holds this event, but the list left it out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list holds an entry without an event id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is listed after %1: the list is out of order.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadVerifier</name>
    <message>
        <source>The signature is not a compact JWS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature is not valid base64url.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature&apos;s header is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head is signed with %1, not ES256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head is signed by key %1 but comes with key %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head&apos;s public key is not an EC P-256 key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head&apos;s public key is not a point on the P-256 curve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head&apos;s signature is not a 64-byte ES256 signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head&apos;s signature does not verify with its public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signed payload is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signed head says something else than the head it came with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head is signed by a key this profile has not seen before (%1); the recorded key is %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>Give the profile a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile name is longer than 80 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API URL must be an http:// or https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The issuer URL must be an http:// or https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use https:// for the API URL; plain http is only allowed on this computer (127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use https:// for the issuer URL; plain http is only allowed on this computer (127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the client id registered with the sign-in server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::ApiClient</name>
    <message numerus="yes">
        <source>Rate limited by the server: retrying in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyward::AuditEventDetails</name>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor type and id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target type and id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User agent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the request id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the full hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all events of this key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all events by this actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the key in the keys list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) selected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select an event to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous event&apos;s hash: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another organisation&apos;s event: only its place in the chain can be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event carries no hash to check its content against.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content matches its hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content does not match its hash: this event was altered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event&apos;s content, hashed with the previous event&apos;s hash, is compared with the hash the chain holds for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request with a revoked key was refused (%1). Repeated attempts from the same address suggest the key leaked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request with a deleted key was refused (%1). Repeated attempts from the same address suggest the key leaked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request with an expired key was refused (%1). Whatever still sends it needs a current key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request with a key this server does not know was refused (%1). Many such attempts from one address are someone guessing keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request with an unknown, revoked or deleted key was refused (%1). Repeated attempts from the same address suggest a leaked key or someone guessing keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request with a credential that is not a Keyward key was refused (%1). This is usually a scanner or a misconfigured client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request without credentials was refused (%1). This is usually a scanner, or a client that lost its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request whose Authorization header was not &quot;Bearer &lt;key&gt;&quot; was refused (%1). The client is misconfigured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone who is not a member of the organisation signed in; their request was refused (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key lacks the %1 permission, so its request was refused (%2). Grant it if the key needs it; otherwise find out why the key asks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller&apos;s role does not include the %1 permission, so the request was refused (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request from a disabled user was refused (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request from a session that was signed out was refused (%1). A token kept after signing out is being used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request was refused (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request was refused (%1): %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Before it, %n more refused request(s) from the same address were counted but not recorded one by one.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyward::AuditExport</name>
    <message>
        <source>An export is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::AuditLogModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s list of audit events does not move on past %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server no longer lists %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::AuditLogPage</name>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People and settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>altered · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust the new signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if the server&apos;s signing key was replaced on purpose (keyward-server signing-key rotate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify entire log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every event of the log against its hash chain and the server&apos;s signed head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the events of the current filter to a CSV or JSON Lines file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search actor, key, action or details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key id, e.g. key_…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user or key id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;IP:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary of denied requests could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timeline could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Verifying %n event(s) against the hash chain…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying the entire log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification of the entire log cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export audit events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The events could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events match this filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events to verify in this view.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::AuditTimeline</name>
    <message>
        <source>Event timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 – %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no events</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>keys %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign-ins %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event timeline unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1, no events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, most at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, most on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>per %n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>per %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::AuthService</name>
    <message>
        <source>No answer came back from the browser in time. Start the sign-in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign-in settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the sign-in settings of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server calls itself “%1”, not “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it names no authorization or token endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it does not support PKCE with S256, which Keyward requires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it names an endpoint without https://, where codes and tokens would travel in clear text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in server %1 cannot be used: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward could not open a local port for the browser to return to: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can close this tab and return to Keyward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in not expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward is not waiting for a sign-in. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser returned an answer that does not belong to this sign-in (the state did not match), so Keyward stopped for safety. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This answer does not belong to the sign-in Keyward started. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in answer came from “%1” instead of “%2”, so Keyward stopped for safety.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unnamed server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer came from an unexpected server. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was cancelled or refused in the browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in server reported an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in did not complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser returned without an authorization code. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to Keyward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in server did not accept the sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in server answered with unusable tokens: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a token answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token type %1 instead of Bearer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with the browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your previous session could not be resumed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your previous session has ended. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::ChainVerifier</name>
    <message>
        <source>the server&apos;s signed head does not verify. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is newer than the newest event the server signed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the log is empty but the signed head is not the genesis hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain reaches hash %1 here, but the server signed %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>some events of the list are not in the chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain ends before it, short of the signed head %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::CreateKeyDialog</name>
    <message>
        <source>New secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::CreatePublishableKeyDialog</name>
    <message>
        <source>New publishable key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone who loads your web page or app can read a publishable key, so it needs no secrecy. Say where it will be used, so the key can be recognized and deleted later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where is it used? For example: checkout page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note that says where the key is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is %1 characters long; at most %2 fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note cannot contain control characters such as tabs or line breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of at most %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::DeniedSummaryView</name>
    <message>
        <source>Denied requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied requests could not be summarised: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Show all denied requests (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all denied requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>from %n addresses (%1)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Revoked key “%1” used %n time(s) %2, last %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Expired key “%1” used %n time(s) %2, last %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Deleted key “%1” used %n time(s) %2, last %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 for key “%2”: %n time(s) %3, last %4</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n time(s) %2, last %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>First %1, last %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show these requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::KeyCommands</name>
    <message>
        <source>&amp;New key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key you signed in with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing keys needs the owner or admin role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a secret key (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A revoked key cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the note, permissions or expiry (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A revoked key cannot be rotated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the key without an outage (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected keys now; they stay listed as revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected key (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s first answer was lost on the way, so Keyward revoked the key it had created (%1): nobody saw its secret. This is a fresh key in its place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was used %2 from %3: requests still using it will fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n key(s) now? From this moment the server answers 401 to them; they stay listed as revoked.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke and re&amp;place…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a replacement with the same note and permissions, then revoke this key at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1” (%2)? It stops working and disappears from the list; the audit log keeps its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was last used %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::KeyDetailsPanel</name>
    <message>
        <source>Key details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter saves the note, Esc puts it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the masked key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the key&apos;s id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests, last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the note in place (F2); Enter saves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A revoked key cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) selected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select a key to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading usage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked %1; it answers 401.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked; it answers 401.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired; it answers 401.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never. Keys that never expire stay dangerous when they leak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read and write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note that says what the key is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is %1 characters long; at most %2 fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::KeyForm</name>
    <message>
        <source>What is this key for, and where is it deployed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read &amp;only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ull access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In 365 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot grant “%2” on %3: a key never gets more than its creator holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing %1, created %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged (never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note that says what the key is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is %1 characters long; at most %2 fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read and change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After saving, this key will be able to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key will be able to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one permission. Grant only what the key&apos;s application needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has changed yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::KeyListModel</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full access</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · being replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
from %2
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::KeysPage</name>
    <message>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by note, key, permission or creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked and expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the keys from the server (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show audit &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything the audit log holds about the selected key (Ctrl+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a secret key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secret keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publishable keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing keys needs the owner or admin role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can see keys but not change them: creating, rotating and revoking keys needs the owner or admin role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (request id: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Request id: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the organization&apos;s secret keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret keys yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys your applications use to call the API will be listed here, masked, with their permissions and last use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) loaded</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unused for 90 days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expiring within 14 days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with write access to everything</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n never expiring</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyward::MainWindow</name>
    <message>
        <source>Keyward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser could not be opened. Copy the link and paste it into a browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign In with Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out and revoke this session on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage &amp;Profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Keyward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rofile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server you are working with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in link copied. Paste it into a browser to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming your session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the sign-in remembered for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacting the sign-in server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the sign-in settings of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue in your browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward opened the sign-in page of %1 in your web browser. Sign in there; this window continues by itself. If no browser appeared, open it again or copy the link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchanging the browser&apos;s answer for a session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading your account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1 who you are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Keyward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward could not store your sign-in in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry after unlocking the keychain, or keep this session in memory only: you will need to sign in again next time. Keyward never stores tokens in a plain file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep in &amp;memory only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Keyward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Keyward %1&lt;/h3&gt;&lt;p&gt;The desktop console for API keys: list them masked, create keys with the least permissions they need, rotate without an outage, revoke leaked keys at once, and review the audit log.&lt;/p&gt;&lt;p&gt;Built with Qt %2. Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::OverviewPage</name>
    <message>
        <source>Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Developer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create, rotate, revoke and delete keys; manage users and organization settings; read the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create, rotate, revoke and delete keys; read the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See keys (masked) and read the audit log. Changing keys needs an admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only what this credential&apos;s permissions allow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sign-in cannot be renewed; sign in again when it expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in memory only: you will sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remembered in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not stored in the system keychain yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::ProfileStore</name>
    <message>
        <source>A profile named “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::ProfilesDialog</name>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile is a server you manage: its API address and where you sign in. Tokens are kept in the system keychain, never in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OAuth 2.0 / OpenID Connect issuer where you sign in: keyward-server itself, or your company&apos;s provider if the server trusts it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;API URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issuer URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;copes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (this run only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the profile “%1”? Keyward forgets its address; the server and its keys are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::PublishableKeyModel</name>
    <message>
        <source>%1
Public by design: safe to put in web pages and apps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::PublishableKeysPanel</name>
    <message>
        <source>Publishable keys identify your account in client-side code such as web pages and mobile apps. They are public by design: anyone can read them there, so they cannot call the endpoints that need a secret key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New publishable key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the publishable keys from the server (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publishable keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a &amp;publishable key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can see and copy publishable keys but not change them: creating and deleting them needs the owner or admin role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Request id: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not refresh the publishable keys. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see the organization&apos;s publishable keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the publishable keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No publishable keys yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create one for each web page or app that calls the API from the client side. Publishable keys can be shown and copied at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An owner or admin of the organization can create them. Once they exist you can see and copy them here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading publishable keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the organization&apos;s publishable keys from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating and deleting publishable keys needs the owner or admin role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a publishable key (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected key to the clipboard (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected key (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied “%1” to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the publishable key. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete publishable key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the publishable key “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Web pages and apps that still use it stop working with it. The audit log keeps its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete “%1”. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::ReasonPage</name>
    <message>
        <source>Why rotate this key?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward creates a replacement, watches your application switch to it, and only then retires the old key, so no request fails along the way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scheduled rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspected &amp;leak: the secret may be known to someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &amp;person who knew the secret left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Policy or audit requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the secret leaked, every minute the old key keeps working is a minute someone else can use it. The emergency path revokes it as soon as the replacement exists: requests from your own application fail until it runs with the new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke the old key as soon as the replacement exists (accept the outage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key to replace: “%1” (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::ReplacementPage</name>
    <message>
        <source>The replacement key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It starts as a copy of the old key&apos;s note and permissions. Grant only what the application needs: a rotation is a good moment to narrow them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create the replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old key can write. If the application only reads, choose Read here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the replacement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replacement was not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoking the old key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old key was NOT revoked: %1. It still works; retire it after the new key is deployed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::RetirePage</name>
    <message>
        <source>Retire the old key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replacement carries the traffic. Choose how the old key stops working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let it &amp;expire after a grace period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke it now: it answers 401 at once and stays listed as revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete it now: it stops working and leaves the list; the audit log keeps its history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retire the old key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old key may still be in use, so the safest choice is a grace period: requests keep working for a while, and the key then expires by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new key carries the traffic and the old key is quiet. A short grace period costs nothing; revoke now if the old secret may have leaked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until %1 (%2) both keys work, so anything you missed keeps running. Then the old key answers 401 by itself and the audit log records that it expired. You can still revoke it sooner from the keys page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the moment you click, every request with the old key answers 401. It stays in the list as revoked, so its history is easy to find.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the moment you click, every request with the old key answers 401 and the key leaves the list. The audit log keeps its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old key was not retired: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting the old key&apos;s expiry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoking the old key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the old key…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::RevealPage</name>
    <message>
        <source>Copy the new secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the only time it is shown. Put it where the application reads its key (a secret manager, the deployment&apos;s environment) before you go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old key %1 is revoked: it answers 401 from now on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::RotationLauncher</name>
    <message>
        <source>copying the new secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retiring the old key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deploying and verifying the new key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key %1 no longer exists: it was deleted, so the rotation has nothing left to retire. Keyward forgets it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rotation cannot go on yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replacement %1 was revoked, deleted or has expired, so this rotation cannot go on. The old key %2 is unchanged; rotate it again when you are ready.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::RotationResumeBar</name>
    <message>
        <source>Resu&amp;me rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forge&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reminding me. Both keys keep working; Rotate on the old key still finds the replacement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Unfinished rotation:&lt;/b&gt; “%1” &lt;tt&gt;%2&lt;/tt&gt; → &lt;tt&gt;%3&lt;/tt&gt;, stopped while %4 on %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more rotation(s) are unfinished.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checking both keys…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::RotationWizard</name>
    <message>
        <source>Rotate “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rotation was started earlier, on this computer or another, and its new secret cannot be shown again. Make sure the new key is deployed, then watch it take over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed the rotation started %1. Keyward closed before you confirmed that the new secret was stored, and it cannot be shown again: if you did not store it, stop here, revoke the new key, and rotate again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed the rotation started %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop rotating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new key “%1” (%2) already exists. Revoke it now, or keep both keys working?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old key is already revoked: without the new key nothing can call the API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep both if the new key is already deployed anywhere. Keyward remembers where the rotation stopped and offers to go on from the keys page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke the new key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep both, finish later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue rotating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new key was not revoked: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::SandboxServer</name>
    <message>
        <source>The sandbox server %1 could not be started: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox server crashed while starting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox server stopped while starting (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The sandbox server did not start within %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>keyward-server was not found next to Keyward or on the PATH, so the sandbox cannot start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox server said something unexpected: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::SecretRevealDialog</name>
    <message>
        <source>Your new secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm first that the key is stored: it cannot be shown again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::SecretRevealPanel</name>
    <message>
        <source>Copy the key now: you will not see it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was created. Store its secret where the application reads it (a secret manager, your deployment&apos;s environment). Keyward and the server keep only a fingerprint; if the secret is lost, create a new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copy to the clipboard, marked as secret, and clear it after %n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>I have stored this key somewhere safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Clipboard cleared.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::StatusPage</name>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the browser again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy sign-in &amp;link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the sign-in address to paste into a browser yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::SummaryPage</name>
    <message>
        <source>Rotation complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replacement carries the traffic and the old key is on its way out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Permissions: %3&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;%4&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted elsewhere while the rotation ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked as soon as the replacement existed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires %1 (%2), then answers 401.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked: it answers 401.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted: it answers 401 and has left the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The traffic check was skipped: watch the application&apos;s errors for a while.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After Finish, the new key is selected in the list with its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading both keys&apos; events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role cannot read the audit log, so the trail is not shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::TokenStore</name>
    <message>
        <source>The system keychain is locked or refused access, so Keyward cannot keep you signed in between sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available (such as GNOME Keyring or KWallet), so Keyward cannot keep you signed in between sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain reported an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::UsageSparkline</name>
    <message>
        <source>Requests per day, last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usage figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No requests in the last %n day(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in the last %2 days; busiest %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::VerifyPage</name>
    <message>
        <source>Deploy the new key and watch it take over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyward asks the server about both keys every few seconds. Go on once the new key carries the traffic and the old key has gone quiet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old key &amp;quiet for at least:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go on &amp;anyway: requests that still use the old key will fail once it is retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the new key where “%1” is used (the note says where it is deployed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart or reload that application so it reads the new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch below until the new key is in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch below until the new key is in use and the old key is quiet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the first answer from the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not ask the server about %1: %2 Trying again in a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new key %1 no longer exists: it was deleted elsewhere. The rotation cannot go on; the old key keeps working. Cancel, then rotate again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>New key %1: last used %2; %Ln request(s) in the last 5 minutes.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>New key %1: not used yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old key %1: deleted elsewhere; it answers 401.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old key %1: %2; it answers 401.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old key %1: never used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Old key %1: last used %2; %Ln request(s) in the last 5 minutes.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not yet: the new key has not been used. Deploy it and restart the application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Almost: the new key is in use, but the old key was used %1. Something still runs with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Done: the new key is in use (%Ln request(s) in the last 5 minutes).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Safe to retire: the new key is in use (%Ln request(s) in the last 5 minutes) and the old key has been quiet for %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyward::WelcomePage</name>
    <message>
        <source>Welcome to Keyward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep your organization&apos;s API keys under control: see every key masked with its permissions and last use, create keys with the least access they need and see their secret exactly once, rotate without an outage, revoke a leaked key at once, and review who did what in a tamper-evident audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in with browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens your web browser at the server&apos;s sign-in page; Keyward continues when you are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Manage profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a profile with the address of your API and its sign-in server, or start Keyward with --sandbox to try it against a local demo server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add a profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyward::Workspace</name>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who you are signed in as and what you can do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organization&apos;s secret keys, masked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who did what to which key, when and from where</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>keyward: no profile named &apos;%1&apos; (profiles: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the sandbox server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local keyward-server with a demo organization is starting on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

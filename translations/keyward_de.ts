<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApiFailure</name>
    <message>
        <source>a list without data</source>
        <translation>eine Liste ohne Daten</translation>
    </message>
    <message>
        <source>a list page without a cursor</source>
        <translation>eine Listenseite ohne Cursor</translation>
    </message>
    <message>
        <source>an answer that is not JSON</source>
        <translation>eine Antwort, die kein JSON ist</translation>
    </message>
    <message>
        <source>%1 (request id: %2)</source>
        <translation>%1 (Anfrage-ID: %2)</translation>
    </message>
    <message>
        <source>The server did not accept your sign-in: %1 Sign in again.</source>
        <translation>Der Server hat Ihre Anmeldung nicht akzeptiert: %1 Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You are not allowed to do this: %1</source>
        <translation>Dazu sind Sie nicht berechtigt: %1</translation>
    </message>
    <message numerus="yes">
        <source>The server is rate limiting requests: %1 It accepts more in %n second(s).</source>
        <translation>
            <numerusform>Der Server begrenzt die Anfragerate: %1 Weitere Anfragen sind in %n Sekunde möglich.</numerusform>
            <numerusform>Der Server begrenzt die Anfragerate: %1 Weitere Anfragen sind in %n Sekunden möglich.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server is rate limiting requests: %1</source>
        <translation>Der Server begrenzt die Anfragerate: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The server did not accept your sign-in. Sign in again.</source>
        <translation>Der Server hat Ihre Anmeldung nicht akzeptiert. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>Ihr Konto ist dazu nicht berechtigt.</translation>
    </message>
    <message>
        <source>The server at %1 has no such address (HTTP 404). Check the API URL of this profile.</source>
        <translation>Der Server %1 kennt diese Adresse nicht (HTTP 404). Prüfen Sie die API-URL dieses Profils.</translation>
    </message>
    <message numerus="yes">
        <source>The server is rate limiting requests. It accepts more in %n second(s).</source>
        <translation>
            <numerusform>Der Server begrenzt die Anfragerate. Weitere Anfragen sind in %n Sekunde möglich.</numerusform>
            <numerusform>Der Server begrenzt die Anfragerate. Weitere Anfragen sind in %n Sekunden möglich.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server is rate limiting requests. Wait a moment and try again.</source>
        <translation>Der Server begrenzt die Anfragerate. Warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server at %1 had a problem (HTTP %2). Try again in a moment.</source>
        <translation>Beim Server %1 ist ein Problem aufgetreten (HTTP %2). Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The server at %1 rejected the request (HTTP %2).</source>
        <translation>Der Server %1 hat die Anfrage abgelehnt (HTTP %2).</translation>
    </message>
    <message>
        <source>Could not connect to %1: nothing is listening there. Is the server running?</source>
        <translation>Keine Verbindung zu %1 möglich: Dort wartet kein Dienst auf Verbindungen. Läuft der Server?</translation>
    </message>
    <message>
        <source>The server name %1 could not be found. Check the profile&apos;s address and your network.</source>
        <translation>Der Servername %1 wurde nicht gefunden. Prüfen Sie die Adresse im Profil und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>The server at %1 closed the connection before answering.</source>
        <translation>Der Server %1 hat die Verbindung geschlossen, bevor er geantwortet hat.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer in time.</source>
        <translation>Der Server %1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2. Its certificate may be invalid, expired or self-signed.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2. Das Zertifikat ist möglicherweise ungültig, abgelaufen oder selbstsigniert.</translation>
    </message>
    <message>
        <source>The network is unavailable. Check your connection.</source>
        <translation>Das Netzwerk ist nicht verfügbar. Prüfen Sie Ihre Verbindung.</translation>
    </message>
    <message>
        <source>The proxy refused or dropped the connection to %1: %2.</source>
        <translation>Der Proxy hat die Verbindung zu %1 abgelehnt oder getrennt: %2.</translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2.</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <source>an unreadable answer</source>
        <translation>eine unlesbare Antwort</translation>
    </message>
    <message>
        <source>The server sent %1 that Keyward cannot read (HTTP %2). Is this the right API address?</source>
        <translation>Der Server hat etwas gesendet, das Keyward nicht lesen kann: %1 (HTTP %2). Ist dies die richtige API-Adresse?</translation>
    </message>
    <message>
        <source>an identity without an id</source>
        <translation>eine Identität ohne ID</translation>
    </message>
    <message>
        <source>more audit events than asked for</source>
        <translation>mehr Audit-Ereignisse als angefordert</translation>
    </message>
    <message>
        <source>an audit event without its id, time, action or hashes</source>
        <translation>ein Audit-Ereignis ohne ID, Zeit, Aktion oder Hashes</translation>
    </message>
    <message>
        <source>a page of audit events whose cursor is not an event id</source>
        <translation>eine Seite mit Audit-Ereignissen, deren Cursor keine Ereignis-ID ist</translation>
    </message>
    <message>
        <source>an audit histogram without buckets</source>
        <translation>ein Audit-Histogramm ohne Intervalle</translation>
    </message>
    <message>
        <source>an audit histogram with an unknown bucket size</source>
        <translation>ein Audit-Histogramm mit unbekannter Intervallgröße</translation>
    </message>
    <message>
        <source>an audit histogram with a malformed bucket</source>
        <translation>ein Audit-Histogramm mit einem fehlerhaften Intervall</translation>
    </message>
    <message>
        <source>a denied-requests summary without groups</source>
        <translation>eine Übersicht abgelehnter Anfragen ohne Gruppen</translation>
    </message>
    <message>
        <source>a denied-requests summary with a malformed group</source>
        <translation>eine Übersicht abgelehnter Anfragen mit einer fehlerhaften Gruppe</translation>
    </message>
    <message>
        <source>a signed audit head that is incomplete</source>
        <translation>ein unvollständiger signierter Kettenkopf des Audit-Logs</translation>
    </message>
    <message>
        <source>a piece of the audit chain without data</source>
        <translation>ein Teil der Audit-Kette ohne Daten</translation>
    </message>
    <message>
        <source>a piece of the audit chain without a cursor</source>
        <translation>ein Teil der Audit-Kette ohne Cursor</translation>
    </message>
    <message>
        <source>more of the audit chain than asked for</source>
        <translation>mehr von der Audit-Kette als angefordert</translation>
    </message>
    <message>
        <source>an entry of the audit chain without its id or hashes</source>
        <translation>ein Eintrag der Audit-Kette ohne ID oder Hashes</translation>
    </message>
    <message>
        <source>a key without an id</source>
        <translation>ein Schlüssel ohne ID</translation>
    </message>
    <message>
        <source>a new key without its secret</source>
        <translation>ein neuer Schlüssel ohne sein Geheimnis</translation>
    </message>
    <message>
        <source>a publishable key without an id or value</source>
        <translation>ein veröffentlichbarer Schlüssel ohne ID oder Wert</translation>
    </message>
    <message>
        <source>a list of publishable keys that does not end</source>
        <translation>eine Liste veröffentlichbarer Schlüssel, die nicht endet</translation>
    </message>
    <message>
        <source>a new publishable key without an id or value</source>
        <translation>ein neuer veröffentlichbarer Schlüssel ohne ID oder Wert</translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <source>Keyward: the desktop console for API keys.</source>
        <translation>Keyward: die Desktop-Konsole für API-Schlüssel.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Die Version anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Start a local keyward-server with demo data and sign in to it.</source>
        <translation>Einen lokalen keyward-server mit Demodaten starten und sich dort anmelden.</translation>
    </message>
    <message>
        <source>Use the saved profile &lt;name&gt;.</source>
        <translation>Das gespeicherte Profil &lt;Name&gt; verwenden.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Use the API at &lt;url&gt; for this run only.</source>
        <translation>Die API unter &lt;URL&gt; nur für diesen Start verwenden.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Sign in at the OAuth/OpenID Connect issuer &lt;url&gt; (default: the API URL).</source>
        <translation>Beim OAuth-/OpenID-Connect-Aussteller &lt;URL&gt; anmelden (Standard: die API-URL).</translation>
    </message>
    <message>
        <source>OAuth client id for --api (default: keyward-desktop).</source>
        <translation>OAuth-Client-ID für --api (Standard: keyward-desktop).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>OAuth scopes for --api (default: keys).</source>
        <translation>OAuth-Scopes für --api (Standard: keys).</translation>
    </message>
    <message>
        <source>scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>Start the browser sign-in at launch.</source>
        <translation>Die Anmeldung im Browser direkt beim Start beginnen.</translation>
    </message>
    <message>
        <source>Use the language &lt;code&gt; (e.g. de, fr) instead of the system&apos;s.</source>
        <translation>Die Sprache &lt;Code&gt; (z. B. de, fr) statt der Systemsprache verwenden.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>%1: %2
Try &apos;%1 --help&apos; for more information.</source>
        <translation>%1: %2
„%1 --help“ liefert weitere Informationen.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>--issuer, --client-id and --scopes need --api</source>
        <translation>--issuer, --client-id und --scopes erfordern --api</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>unknown language &apos;%1&apos;</source>
        <translation>unbekannte Sprache „%1“</translation>
    </message>
    <message>
        <source>--sandbox cannot be combined with --profile, --api, --issuer, --client-id or --scopes</source>
        <translation>--sandbox kann nicht mit --profile, --api, --issuer, --client-id oder --scopes kombiniert werden</translation>
    </message>
    <message>
        <source>--profile cannot be combined with --api, --issuer, --client-id or --scopes</source>
        <translation>--profile kann nicht mit --api, --issuer, --client-id oder --scopes kombiniert werden</translation>
    </message>
</context>
<context>
    <name>AuditEventFormat</name>
    <message>
        <source>denied</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>denied: revoked key used</source>
        <translation>abgelehnt: widerrufener Schlüssel verwendet</translation>
    </message>
    <message>
        <source>denied: expired key used</source>
        <translation>abgelehnt: abgelaufener Schlüssel verwendet</translation>
    </message>
    <message>
        <source>denied: deleted key used</source>
        <translation>abgelehnt: gelöschter Schlüssel verwendet</translation>
    </message>
    <message>
        <source>denied: unknown key</source>
        <translation>abgelehnt: unbekannter Schlüssel</translation>
    </message>
    <message>
        <source>denied: unknown, revoked or deleted key</source>
        <translation>abgelehnt: unbekannter, widerrufener oder gelöschter Schlüssel</translation>
    </message>
    <message>
        <source>denied: malformed key</source>
        <translation>abgelehnt: fehlerhafter Schlüssel</translation>
    </message>
    <message>
        <source>denied: no credentials</source>
        <translation>abgelehnt: keine Anmeldedaten</translation>
    </message>
    <message>
        <source>denied: malformed Authorization header</source>
        <translation>abgelehnt: fehlerhafter Authorization-Header</translation>
    </message>
    <message>
        <source>denied: missing permission %1</source>
        <translation>abgelehnt: Berechtigung %1 fehlt</translation>
    </message>
    <message>
        <source>denied: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <source>created key</source>
        <translation>Schlüssel erstellt</translation>
    </message>
    <message>
        <source>created key (rotation)</source>
        <translation>Schlüssel erstellt (Rotation)</translation>
    </message>
    <message>
        <source>updated key</source>
        <translation>Schlüssel geändert</translation>
    </message>
    <message>
        <source>revoked key</source>
        <translation>Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>deleted key</source>
        <translation>Schlüssel gelöscht</translation>
    </message>
    <message>
        <source>key expired</source>
        <translation>Schlüssel abgelaufen</translation>
    </message>
    <message>
        <source>rotated key</source>
        <translation>Schlüssel rotiert</translation>
    </message>
    <message>
        <source>created publishable key</source>
        <translation>veröffentlichbarer Schlüssel erstellt</translation>
    </message>
    <message>
        <source>deleted publishable key</source>
        <translation>veröffentlichbarer Schlüssel gelöscht</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>angemeldet</translation>
    </message>
    <message>
        <source>sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>added user</source>
        <translation>Benutzer hinzugefügt</translation>
    </message>
    <message>
        <source>disabled user</source>
        <translation>Benutzer deaktiviert</translation>
    </message>
    <message>
        <source>enabled user</source>
        <translation>Benutzer aktiviert</translation>
    </message>
    <message>
        <source>changed role</source>
        <translation>Rolle geändert</translation>
    </message>
    <message>
        <source>set up two-step sign-in</source>
        <translation>zweistufige Anmeldung eingerichtet</translation>
    </message>
    <message>
        <source>reset two-step sign-in</source>
        <translation>zweistufige Anmeldung zurückgesetzt</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <source>anonymous client</source>
        <translation>anonymer Client</translation>
    </message>
    <message>
        <source>Keyward server</source>
        <translation>Keyward-Server</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>Sitzung %1</translation>
    </message>
    <message>
        <source>any secret key change</source>
        <translation>alle Änderungen an geheimen Schlüsseln</translation>
    </message>
    <message>
        <source>any publishable key change</source>
        <translation>alle Änderungen an veröffentlichbaren Schlüsseln</translation>
    </message>
    <message>
        <source>any sign-in or denial</source>
        <translation>alle Anmeldungen und Ablehnungen</translation>
    </message>
    <message>
        <source>denied request</source>
        <translation>abgelehnte Anfrage</translation>
    </message>
    <message>
        <source>any user change</source>
        <translation>alle Benutzeränderungen</translation>
    </message>
    <message>
        <source>denied: not a member of the organization</source>
        <translation>abgelehnt: kein Mitglied der Organisation</translation>
    </message>
    <message>
        <source>changed organization settings</source>
        <translation>Organisationseinstellungen geändert</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>Organisation</translation>
    </message>
</context>
<context>
    <name>AuditVerification</name>
    <message numerus="yes">
        <source>Verified: %n event(s), chain intact, head signed by the server.</source>
        <translation>
            <numerusform>Geprüft: %n Ereignis, Kette intakt, Kettenkopf vom Server signiert.</numerusform>
            <numerusform>Geprüft: %n Ereignisse, Kette intakt, Kettenkopf vom Server signiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verified: %n event(s), each matching its hash; the chain between them is not checked yet.</source>
        <translation>
            <numerusform>Geprüft: %n Ereignis, passend zu seinem Hash; die Kette ist noch nicht geprüft.</numerusform>
            <numerusform>Geprüft: %n Ereignisse, jedes passend zu seinem Hash; die Kette zwischen ihnen ist noch nicht geprüft.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verified: %n event(s), each matching its hash and linked to the one before; not yet checked against the signed head.</source>
        <translation>
            <numerusform>Geprüft: %n Ereignis, passend zu seinem Hash und mit dem vorherigen verknüpft; noch nicht mit dem signierten Kettenkopf abgeglichen.</numerusform>
            <numerusform>Geprüft: %n Ereignisse, jedes passend zu seinem Hash und mit dem vorherigen verknüpft; noch nicht mit dem signierten Kettenkopf abgeglichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verification failed at %1: %2</source>
        <translation>Prüfung bei %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Verification failed: %1</source>
        <translation>Prüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Verification could not finish: %1</source>
        <translation>Prüfung konnte nicht abgeschlossen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Verification cancelled after %n event(s).</source>
        <translation>
            <numerusform>Prüfung nach %n Ereignis abgebrochen.</numerusform>
            <numerusform>Prüfung nach %n Ereignissen abgebrochen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChainLinker</name>
    <message>
        <source>the chain holds an entry without an event id where %1 should be.</source>
        <translation>die Kette enthält einen Eintrag ohne Ereignis-ID, wo %1 stehen sollte.</translation>
    </message>
    <message>
        <source>the chain skips from %1 to %2: events are missing or out of order.</source>
        <translation>die Kette springt von %1 zu %2: Ereignisse fehlen oder stehen in falscher Reihenfolge.</translation>
    </message>
    <message>
        <source>it comes again after %1: the chain is out of order.</source>
        <translation>es kommt nach %1 noch einmal vor: Die Kette steht in falscher Reihenfolge.</translation>
    </message>
    <message>
        <source>its prev_hash is not the genesis hash: the log does not start here.</source>
        <translation>sein prev_hash ist nicht der Genesis-Hash: Das Log beginnt nicht hier.</translation>
    </message>
    <message>
        <source>its prev_hash is not the hash of %1: an event before it was removed, inserted or reordered.</source>
        <translation>sein prev_hash ist nicht der Hash von %1: Ein Ereignis davor wurde entfernt, eingefügt oder umsortiert.</translation>
    </message>
    <message>
        <source>it is a redacted entry without a valid hash.</source>
        <translation>es ist ein geschwärzter Eintrag ohne gültigen Hash.</translation>
    </message>
    <message>
        <source>it is a redacted entry that carries content which cannot be verified.</source>
        <translation>es ist ein geschwärzter Eintrag mit Inhalt, der sich nicht prüfen lässt.</translation>
    </message>
    <message>
        <source>its content does not match its hash: the event was altered.</source>
        <translation>sein Inhalt passt nicht zu seinem Hash: Das Ereignis wurde verändert.</translation>
    </message>
    <message>
        <source>its content as listed does not match its hash: the event was altered.</source>
        <translation>sein Inhalt laut Liste passt nicht zu seinem Hash: Das Ereignis wurde verändert.</translation>
    </message>
    <message>
        <source>the list shows another version of this event than the chain holds.</source>
        <translation>die Liste zeigt eine andere Version dieses Ereignisses als die Kette.</translation>
    </message>
    <message>
        <source>the chain holds this event, but the list left it out.</source>
        <translation>die Kette enthält dieses Ereignis, aber die Liste lässt es aus.</translation>
    </message>
    <message>
        <source>the list holds an entry without an event id.</source>
        <translation>die Liste enthält einen Eintrag ohne Ereignis-ID.</translation>
    </message>
    <message>
        <source>it is listed after %1: the list is out of order.</source>
        <translation>es steht in der Liste nach %1: Die Liste steht in falscher Reihenfolge.</translation>
    </message>
    <message>
        <source>the list shows this event, but the chain says it belongs to another organization.</source>
        <translation>die Liste zeigt dieses Ereignis, aber laut Kette gehört es zu einer anderen Organisation.</translation>
    </message>
</context>
<context>
    <name>HeadVerifier</name>
    <message>
        <source>The signature is not a compact JWS.</source>
        <translation>Die Signatur ist keine kompakte JWS.</translation>
    </message>
    <message>
        <source>The signature is not valid base64url.</source>
        <translation>Die Signatur ist kein gültiges base64url.</translation>
    </message>
    <message>
        <source>The signature&apos;s header is not a JSON object.</source>
        <translation>Der Header der Signatur ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The head is signed with %1, not ES256.</source>
        <translation>Der Kettenkopf ist mit %1 signiert, nicht mit ES256.</translation>
    </message>
    <message>
        <source>no algorithm</source>
        <translation>kein Algorithmus</translation>
    </message>
    <message>
        <source>The head is signed by key %1 but comes with key %2.</source>
        <translation>Der Kettenkopf ist mit dem Schlüssel %1 signiert, wird aber mit dem Schlüssel %2 geliefert.</translation>
    </message>
    <message>
        <source>The head&apos;s public key is not an EC P-256 key.</source>
        <translation>Der öffentliche Schlüssel des Kettenkopfs ist kein EC-P-256-Schlüssel.</translation>
    </message>
    <message>
        <source>The head&apos;s public key is not a point on the P-256 curve.</source>
        <translation>Der öffentliche Schlüssel des Kettenkopfs ist kein Punkt auf der Kurve P-256.</translation>
    </message>
    <message>
        <source>The head&apos;s signature is not a 64-byte ES256 signature.</source>
        <translation>Die Signatur des Kettenkopfs ist keine 64-Byte-ES256-Signatur.</translation>
    </message>
    <message>
        <source>The head&apos;s signature does not verify with its public key.</source>
        <translation>Die Signatur des Kettenkopfs lässt sich mit seinem öffentlichen Schlüssel nicht verifizieren.</translation>
    </message>
    <message>
        <source>The signed payload is not a JSON object.</source>
        <translation>Die signierten Nutzdaten sind kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The signed head says something else than the head it came with.</source>
        <translation>Der signierte Kettenkopf weicht von dem Kettenkopf ab, mit dem er geliefert wurde.</translation>
    </message>
    <message>
        <source>The head is signed by a key this profile has not seen before (%1); the recorded key is %2.</source>
        <translation>Der Kettenkopf ist mit einem Schlüssel signiert, den dieses Profil noch nicht kennt (%1); gespeichert ist der Schlüssel %2.</translation>
    </message>
</context>
<context>
    <name>PermissionCatalog</name>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>Charges taken from customers.</source>
        <translation>Von Kunden eingezogene Beträge.</translation>
    </message>
    <message>
        <source>List and view payments.</source>
        <translation>Zahlungen auflisten und ansehen.</translation>
    </message>
    <message>
        <source>Create payments.</source>
        <translation>Zahlungen erstellen.</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>The people and companies you bill.</source>
        <translation>Die Personen und Unternehmen, denen Sie Rechnungen stellen.</translation>
    </message>
    <message>
        <source>List and view customers.</source>
        <translation>Kunden auflisten und ansehen.</translation>
    </message>
    <message>
        <source>Create, change and remove customers.</source>
        <translation>Kunden anlegen, ändern und entfernen.</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <source>Money returned to customers.</source>
        <translation>An Kunden zurückgezahltes Geld.</translation>
    </message>
    <message>
        <source>List and view refunds.</source>
        <translation>Erstattungen auflisten und ansehen.</translation>
    </message>
    <message>
        <source>Issue refunds.</source>
        <translation>Erstattungen veranlassen.</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Endpoints that receive event notifications.</source>
        <translation>Endpunkte, die Ereignisbenachrichtigungen empfangen.</translation>
    </message>
    <message>
        <source>List webhook endpoints and deliveries.</source>
        <translation>Webhook-Endpunkte und Zustellungen auflisten.</translation>
    </message>
    <message>
        <source>Add, change and remove webhook endpoints.</source>
        <translation>Webhook-Endpunkte hinzufügen, ändern und entfernen.</translation>
    </message>
    <message>
        <source>Secret keys</source>
        <translation>Geheime Schlüssel</translation>
    </message>
    <message>
        <source>The organisation&apos;s secret API keys (always shown masked).</source>
        <translation>Die geheimen API-Schlüssel der Organisation (immer maskiert angezeigt).</translation>
    </message>
    <message>
        <source>List secret keys, masked, with their last use.</source>
        <translation>Geheime Schlüssel maskiert mit ihrer letzten Verwendung auflisten.</translation>
    </message>
    <message>
        <source>Create, change, revoke and delete secret keys.</source>
        <translation>Geheime Schlüssel erstellen, ändern, widerrufen und löschen.</translation>
    </message>
    <message>
        <source>Publishable keys</source>
        <translation>Veröffentlichbare Schlüssel</translation>
    </message>
    <message>
        <source>Public keys for client-side code.</source>
        <translation>Öffentliche Schlüssel für clientseitigen Code.</translation>
    </message>
    <message>
        <source>List publishable keys.</source>
        <translation>Veröffentlichbare Schlüssel auflisten.</translation>
    </message>
    <message>
        <source>Create and delete publishable keys.</source>
        <translation>Veröffentlichbare Schlüssel erstellen und löschen.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Log</translation>
    </message>
    <message>
        <source>The tamper-evident record of who did what.</source>
        <translation>Die manipulationssichere Aufzeichnung, wer was getan hat.</translation>
    </message>
    <message>
        <source>Read audit events and the signed chain head.</source>
        <translation>Audit-Ereignisse und den signierten Kettenkopf lesen.</translation>
    </message>
    <message>
        <source>Reserved: the audit log is append-only; nothing can change it.</source>
        <translation>Reserviert: Das Audit-Log wird nur ergänzt; nichts kann es ändern.</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>The profile name is longer than 80 characters.</source>
        <translation>Der Profilname ist länger als 80 Zeichen.</translation>
    </message>
    <message>
        <source>The API URL must be an http:// or https:// address.</source>
        <translation>Die API-URL muss eine http://- oder https://-Adresse sein.</translation>
    </message>
    <message>
        <source>The issuer URL must be an http:// or https:// address.</source>
        <translation>Die Aussteller-URL muss eine http://- oder https://-Adresse sein.</translation>
    </message>
    <message>
        <source>Use https:// for the API URL; plain http is only allowed on this computer (127.0.0.1).</source>
        <translation>Verwenden Sie https:// für die API-URL; unverschlüsseltes http ist nur auf diesem Computer (127.0.0.1) zulässig.</translation>
    </message>
    <message>
        <source>Use https:// for the issuer URL; plain http is only allowed on this computer (127.0.0.1).</source>
        <translation>Verwenden Sie https:// für die Aussteller-URL; unverschlüsseltes http ist nur auf diesem Computer (127.0.0.1) zulässig.</translation>
    </message>
    <message>
        <source>Enter the client id registered with the sign-in server.</source>
        <translation>Geben Sie die beim Anmeldeserver registrierte Client-ID ein.</translation>
    </message>
</context>
<context>
    <name>keyward::ApiClient</name>
    <message numerus="yes">
        <source>Rate limited by the server: retrying in %n second(s).</source>
        <translation>
            <numerusform>Anfragerate vom Server begrenzt: neuer Versuch in %n Sekunde.</numerusform>
            <numerusform>Anfragerate vom Server begrenzt: neuer Versuch in %n Sekunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyward::AuditEventDetails</name>
    <message>
        <source>Not recorded</source>
        <translation>Nicht erfasst</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>Ereignisdetails</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Action name</source>
        <translation>Aktionsname</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Integrität</translation>
    </message>
    <message>
        <source>What was refused</source>
        <translation>Was abgelehnt wurde</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>How long ago</source>
        <translation>Vergangene Zeit</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Wann:</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Actor type and id</source>
        <translation>Typ und ID des Akteurs</translation>
    </message>
    <message>
        <source>Actor:</source>
        <translation>Akteur:</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Target type and id</source>
        <translation>Typ und ID des Ziels</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>IP address:</source>
        <translation>IP-Adresse:</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>User-Agent</translation>
    </message>
    <message>
        <source>User agent:</source>
        <translation>User-Agent:</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>Anfrage-ID</translation>
    </message>
    <message>
        <source>Copy the request id</source>
        <translation>Anfrage-ID kopieren</translation>
    </message>
    <message>
        <source>Request ID:</source>
        <translation>Anfrage-ID:</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>Ereignis-ID</translation>
    </message>
    <message>
        <source>Event ID:</source>
        <translation>Ereignis-ID:</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Copy the full hash</source>
        <translation>Vollständigen Hash kopieren</translation>
    </message>
    <message>
        <source>Hash:</source>
        <translation>Hash:</translation>
    </message>
    <message>
        <source>Copy feedback</source>
        <translation>Rückmeldung zum Kopieren</translation>
    </message>
    <message>
        <source>Show all events of this key</source>
        <translation>Alle Ereignisse dieses Schlüssels anzeigen</translation>
    </message>
    <message>
        <source>Show all events by this actor</source>
        <translation>Alle Ereignisse dieses Akteurs anzeigen</translation>
    </message>
    <message>
        <source>Show the key in the keys list</source>
        <translation>Schlüssel in der Schlüsselliste anzeigen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>No details.</source>
        <translation>Keine Details.</translation>
    </message>
    <message>
        <source>Details as JSON</source>
        <translation>Details als JSON</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) selected.</source>
        <translation>
            <numerusform>%n Ereignis ausgewählt.</numerusform>
            <numerusform>%n Ereignisse ausgewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an event to see its details.</source>
        <translation>Wählen Sie ein Ereignis aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Loading the event…</source>
        <translation>Ereignis wird geladen…</translation>
    </message>
    <message>
        <source>The event could not be loaded.</source>
        <translation>Das Ereignis konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>The event could not be loaded: %1</source>
        <translation>Das Ereignis konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Unknown action</source>
        <translation>Unbekannte Aktion</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Hash: %1</source>
        <translation>Hash: %1</translation>
    </message>
    <message>
        <source>Previous event&apos;s hash: %1</source>
        <translation>Hash des vorherigen Ereignisses: %1</translation>
    </message>
    <message>
        <source>This event carries no hash to check its content against.</source>
        <translation>Dieses Ereignis enthält keinen Hash, anhand dessen sich sein Inhalt prüfen ließe.</translation>
    </message>
    <message>
        <source>Content matches its hash</source>
        <translation>Inhalt passt zu seinem Hash</translation>
    </message>
    <message>
        <source>Content does not match its hash: this event was altered</source>
        <translation>Inhalt passt nicht zu seinem Hash: Dieses Ereignis wurde verändert</translation>
    </message>
    <message>
        <source>The event&apos;s content, hashed with the previous event&apos;s hash, is compared with the hash the chain holds for it.</source>
        <translation>Der Inhalt des Ereignisses wird zusammen mit dem Hash des vorherigen Ereignisses gehasht und mit dem Hash verglichen, den die Kette dafür enthält.</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>A request with a revoked key was refused (%1). Repeated attempts from the same address suggest the key leaked.</source>
        <translation>Eine Anfrage mit einem widerrufenen Schlüssel wurde abgelehnt (%1). Wiederholte Versuche von derselben Adresse deuten darauf hin, dass der Schlüssel kompromittiert ist.</translation>
    </message>
    <message>
        <source>A request with a deleted key was refused (%1). Repeated attempts from the same address suggest the key leaked.</source>
        <translation>Eine Anfrage mit einem gelöschten Schlüssel wurde abgelehnt (%1). Wiederholte Versuche von derselben Adresse deuten darauf hin, dass der Schlüssel kompromittiert ist.</translation>
    </message>
    <message>
        <source>A request with an expired key was refused (%1). Whatever still sends it needs a current key.</source>
        <translation>Eine Anfrage mit einem abgelaufenen Schlüssel wurde abgelehnt (%1). Was auch immer ihn noch sendet, braucht einen gültigen Schlüssel.</translation>
    </message>
    <message>
        <source>A request with a key this server does not know was refused (%1). Many such attempts from one address are someone guessing keys.</source>
        <translation>Eine Anfrage mit einem Schlüssel, den dieser Server nicht kennt, wurde abgelehnt (%1). Viele solcher Versuche von einer Adresse bedeuten, dass jemand Schlüssel errät.</translation>
    </message>
    <message>
        <source>A request with an unknown, revoked or deleted key was refused (%1). Repeated attempts from the same address suggest a leaked key or someone guessing keys.</source>
        <translation>Eine Anfrage mit einem unbekannten, widerrufenen oder gelöschten Schlüssel wurde abgelehnt (%1). Wiederholte Versuche von derselben Adresse deuten auf einen kompromittierten Schlüssel hin oder darauf, dass jemand Schlüssel errät.</translation>
    </message>
    <message>
        <source>A request with a credential that is not a Keyward key was refused (%1). This is usually a scanner or a misconfigured client.</source>
        <translation>Eine Anfrage mit Anmeldedaten, die kein Keyward-Schlüssel sind, wurde abgelehnt (%1). Meist ist das ein Scanner oder ein falsch konfigurierter Client.</translation>
    </message>
    <message>
        <source>A request without credentials was refused (%1). This is usually a scanner, or a client that lost its key.</source>
        <translation>Eine Anfrage ohne Anmeldedaten wurde abgelehnt (%1). Meist ist das ein Scanner oder ein Client, der seinen Schlüssel verloren hat.</translation>
    </message>
    <message>
        <source>A request whose Authorization header was not &quot;Bearer &lt;key&gt;&quot; was refused (%1). The client is misconfigured.</source>
        <translation>Eine Anfrage, deren Authorization-Header nicht &quot;Bearer &lt;key&gt;&quot; lautete, wurde abgelehnt (%1). Der Client ist falsch konfiguriert.</translation>
    </message>
    <message>
        <source>The key lacks the %1 permission, so its request was refused (%2). Grant it if the key needs it; otherwise find out why the key asks.</source>
        <translation>Dem Schlüssel fehlt die Berechtigung %1, daher wurde seine Anfrage abgelehnt (%2). Erteilen Sie sie, wenn der Schlüssel sie braucht; andernfalls finden Sie heraus, warum der Schlüssel sie anfordert.</translation>
    </message>
    <message>
        <source>The caller&apos;s role does not include the %1 permission, so the request was refused (%2).</source>
        <translation>Die Rolle des Aufrufers umfasst die Berechtigung %1 nicht, daher wurde die Anfrage abgelehnt (%2).</translation>
    </message>
    <message>
        <source>A request from a disabled user was refused (%1).</source>
        <translation>Eine Anfrage eines deaktivierten Benutzers wurde abgelehnt (%1).</translation>
    </message>
    <message>
        <source>A request from a session that was signed out was refused (%1). A token kept after signing out is being used.</source>
        <translation>Eine Anfrage aus einer abgemeldeten Sitzung wurde abgelehnt (%1). Jemand verwendet ein Token, das nach der Abmeldung aufbewahrt wurde.</translation>
    </message>
    <message>
        <source>A request was refused (%1).</source>
        <translation>Eine Anfrage wurde abgelehnt (%1).</translation>
    </message>
    <message>
        <source>A request was refused (%1): %2.</source>
        <translation>Eine Anfrage wurde abgelehnt (%1): %2.</translation>
    </message>
    <message numerus="yes">
        <source>Before it, %n more refused request(s) from the same address were counted but not recorded one by one.</source>
        <translation>
            <numerusform>Davor wurde %n weitere abgelehnte Anfrage von derselben Adresse gezählt, aber nicht einzeln erfasst.</numerusform>
            <numerusform>Davor wurden %n weitere abgelehnte Anfragen von derselben Adresse gezählt, aber nicht einzeln erfasst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Another organization&apos;s event: only its place in the chain can be checked.</source>
        <translation>Ereignis einer anderen Organisation: Nur seine Position in der Kette lässt sich prüfen.</translation>
    </message>
    <message>
        <source>Someone who is not a member of the organization signed in; their request was refused (%1).</source>
        <translation>Jemand, der kein Mitglied der Organisation ist, hat sich angemeldet; seine Anfrage wurde abgelehnt (%1).</translation>
    </message>
</context>
<context>
    <name>keyward::AuditExport</name>
    <message>
        <source>An export is already running.</source>
        <translation>Es läuft bereits ein Export.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>keyward::AuditLogModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>User-Agent</translation>
    </message>
    <message>
        <source>The server&apos;s list of audit events does not move on past %1.</source>
        <translation>Die Liste der Audit-Ereignisse des Servers kommt nicht über %1 hinaus.</translation>
    </message>
    <message>
        <source>The server no longer lists %1.</source>
        <translation>Der Server führt %1 nicht mehr auf.</translation>
    </message>
</context>
<context>
    <name>keyward::AuditLogPage</name>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Key changes</source>
        <translation>Schlüsseländerungen</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>Denied requests</source>
        <translation>Abgelehnte Anfragen</translation>
    </message>
    <message>
        <source>People and settings</source>
        <translation>Benutzer und Einstellungen</translation>
    </message>
    <message>
        <source>altered · %1</source>
        <translation>verändert · %1</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Log</translation>
    </message>
    <message>
        <source>&amp;Trust the new signing key</source>
        <translation>Neuem Signaturschlüssel &amp;vertrauen</translation>
    </message>
    <message>
        <source>Only if the server&apos;s signing key was replaced on purpose (keyward-server signing-key rotate)</source>
        <translation>Nur wenn der Signaturschlüssel des Servers absichtlich ersetzt wurde (keyward-server signing-key rotate)</translation>
    </message>
    <message>
        <source>Check every event of the log against its hash chain and the server&apos;s signed head</source>
        <translation>Jedes Ereignis des Logs anhand seiner Hash-Kette und des signierten Kettenkopfs des Servers prüfen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Write the events of the current filter to a CSV or JSON Lines file</source>
        <translation>Die Ereignisse des aktuellen Filters in eine CSV- oder JSON-Lines-Datei schreiben</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Audit-Ereignisse</translation>
    </message>
    <message>
        <source>Kind of event</source>
        <translation>Ereignisart</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Search actor, key, action or details</source>
        <translation>Akteur, Schlüssel, Aktion oder Details suchen</translation>
    </message>
    <message>
        <source>Search events</source>
        <translation>Ereignisse durchsuchen</translation>
    </message>
    <message>
        <source>key id, e.g. key_…</source>
        <translation>Schlüssel-ID, z. B. key_…</translation>
    </message>
    <message>
        <source>&amp;Actor:</source>
        <translation>Ak&amp;teur:</translation>
    </message>
    <message>
        <source>user or key id</source>
        <translation>Benutzer-/Schlüssel-ID</translation>
    </message>
    <message>
        <source>&amp;IP:</source>
        <translation>&amp;IP:</translation>
    </message>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Loading events…</source>
        <translation>Ereignisse werden geladen…</translation>
    </message>
    <message>
        <source>The summary of denied requests could not be loaded: %1</source>
        <translation>Die Übersicht der abgelehnten Anfragen konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The timeline could not be loaded: %1</source>
        <translation>Die Zeitleiste konnte nicht geladen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Verifying %n event(s) against the hash chain…</source>
        <translation>
            <numerusform>%n Ereignis wird anhand der Hash-Kette geprüft…</numerusform>
            <numerusform>%n Ereignisse werden anhand der Hash-Kette geprüft…</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying the entire log…</source>
        <translation>Gesamtes Log wird geprüft…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Verification of the entire log cancelled.</source>
        <translation>Prüfung des gesamten Logs abgebrochen.</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export audit events</source>
        <translation>Audit-Ereignisse exportieren</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1.</source>
        <translation>
            <numerusform>%n Ereignis nach %1 exportiert.</numerusform>
            <numerusform>%n Ereignisse nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Sign in to see the audit log.</source>
        <translation>Melden Sie sich an, um das Audit-Log zu sehen.</translation>
    </message>
    <message>
        <source>The events could not be loaded: %1</source>
        <translation>Die Ereignisse konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No events match this filter.</source>
        <translation>Keine Ereignisse entsprechen diesem Filter.</translation>
    </message>
    <message>
        <source>No events to verify in this view.</source>
        <translation>In dieser Ansicht gibt es keine Ereignisse zu prüfen.</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Ve&amp;rify entire log</source>
        <translation>Gesamtes Log &amp;prüfen</translation>
    </message>
    <message>
        <source>Reload the events</source>
        <translation>Ereignisse neu laden</translation>
    </message>
    <message>
        <source>Ke&amp;y:</source>
        <translation>Sch&amp;lüssel:</translation>
    </message>
    <message>
        <source>Check passed: %1</source>
        <translation>Prüfung bestanden: %1</translation>
    </message>
    <message>
        <source>Check failed: %1</source>
        <translation>Prüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>keyward::AuditTimeline</name>
    <message>
        <source>Event timeline</source>
        <translation>Ereignis-Zeitleiste</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1, %2–%3</source>
        <translation>%1, %2–%3</translation>
    </message>
    <message>
        <source>%1 %2 – %3 %4</source>
        <translation>%1 %2 – %3 %4</translation>
    </message>
    <message>
        <source>%1: no events</source>
        <translation>%1: keine Ereignisse</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln Ereignis</numerusform>
            <numerusform>%Ln Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>keys %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <source>sign-ins %1</source>
        <translation>Anmeldungen %1</translation>
    </message>
    <message>
        <source>denied %1</source>
        <translation>Abgelehnt %1</translation>
    </message>
    <message>
        <source>other %1</source>
        <translation>Sonstige %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Event timeline unavailable: %1</source>
        <translation>Ereignis-Zeitleiste nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Loading events.</source>
        <translation>Ereignisse werden geladen.</translation>
    </message>
    <message>
        <source>No events shown.</source>
        <translation>Keine Ereignisse angezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s)</source>
        <translation>
            <numerusform>%Ln Stunde</numerusform>
            <numerusform>%Ln Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln Tag</numerusform>
            <numerusform>%Ln Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, no events</source>
        <translation>%1, keine Ereignisse</translation>
    </message>
    <message>
        <source>%1, %2, most at %3</source>
        <translation>%1, %2, die meisten am %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, %2, most on %3</source>
        <translation>%1, %2, die meisten am %3</translation>
    </message>
    <message>
        <source>Loading events…</source>
        <translation>Ereignisse werden geladen…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No events in this period</source>
        <translation>Keine Ereignisse in diesem Zeitraum</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>pro Stunde</translation>
    </message>
    <message numerus="yes">
        <source>per %n hour(s)</source>
        <translation>
            <numerusform>pro %n Stunde</numerusform>
            <numerusform>pro %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>per day</source>
        <translation>pro Tag</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>pro Woche</translation>
    </message>
    <message numerus="yes">
        <source>per %n day(s)</source>
        <translation>
            <numerusform>pro %n Tag</numerusform>
            <numerusform>pro %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>time range filter %1 to %2</source>
        <translation>Zeitfilter %1 bis %2</translation>
    </message>
    <message>
        <source>marked %1</source>
        <translation>markiert: %1</translation>
    </message>
    <message>
        <source>bar %1</source>
        <translation>Balken %1</translation>
    </message>
    <message>
        <source>under the pointer %1</source>
        <translation>unter dem Mauszeiger: %1</translation>
    </message>
    <message>
        <source>the arrow keys move from bar to bar</source>
        <translation>die Pfeiltasten wechseln von Balken zu Balken</translation>
    </message>
</context>
<context>
    <name>keyward::AuthService</name>
    <message>
        <source>No answer came back from the browser in time. Start the sign-in again.</source>
        <translation>Vom Browser kam nicht rechtzeitig eine Antwort. Starten Sie die Anmeldung erneut.</translation>
    </message>
    <message>
        <source>sign-in settings</source>
        <translation>Anmeldeeinstellungen</translation>
    </message>
    <message>
        <source>Could not read the sign-in settings of %1: %2</source>
        <translation>Die Anmeldeeinstellungen von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the server calls itself “%1”, not “%2”</source>
        <translation>der Server nennt sich „%1“, nicht „%2“</translation>
    </message>
    <message>
        <source>it names no authorization or token endpoint</source>
        <translation>er nennt keinen Autorisierungs- oder Token-Endpunkt</translation>
    </message>
    <message>
        <source>it does not support PKCE with S256, which Keyward requires</source>
        <translation>er unterstützt kein PKCE mit S256, das Keyward voraussetzt</translation>
    </message>
    <message>
        <source>it names an endpoint without https://, where codes and tokens would travel in clear text</source>
        <translation>er nennt einen Endpunkt ohne https://, über den Codes und Tokens im Klartext übertragen würden</translation>
    </message>
    <message>
        <source>The sign-in server %1 cannot be used: %2.</source>
        <translation>Der Anmeldeserver %1 kann nicht verwendet werden: %2.</translation>
    </message>
    <message>
        <source>Keyward could not open a local port for the browser to return to: %1</source>
        <translation>Keyward konnte keinen lokalen Port öffnen, zu dem der Browser zurückkehren kann: %1</translation>
    </message>
    <message>
        <source>You can close this tab and return to Keyward.</source>
        <translation>Sie können diesen Tab schließen und zu Keyward zurückkehren.</translation>
    </message>
    <message>
        <source>Sign-in not expected</source>
        <translation>Anmeldung nicht erwartet</translation>
    </message>
    <message>
        <source>Keyward is not waiting for a sign-in. %1</source>
        <translation>Keyward wartet auf keine Anmeldung. %1</translation>
    </message>
    <message>
        <source>The browser returned an answer that does not belong to this sign-in (the state did not match), so Keyward stopped for safety. Sign in again.</source>
        <translation>Der Browser hat eine Antwort zurückgegeben, die nicht zu dieser Anmeldung gehört (der state-Wert stimmte nicht überein). Keyward hat daher aus Sicherheitsgründen abgebrochen. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Sign-in stopped</source>
        <translation>Anmeldung abgebrochen</translation>
    </message>
    <message>
        <source>This answer does not belong to the sign-in Keyward started. %1</source>
        <translation>Diese Antwort gehört nicht zu der Anmeldung, die Keyward gestartet hat. %1</translation>
    </message>
    <message>
        <source>The sign-in answer came from “%1” instead of “%2”, so Keyward stopped for safety.</source>
        <translation>Die Anmeldeantwort kam von „%1“ statt von „%2“. Keyward hat daher aus Sicherheitsgründen abgebrochen.</translation>
    </message>
    <message>
        <source>an unnamed server</source>
        <translation>einem unbenannten Server</translation>
    </message>
    <message>
        <source>The answer came from an unexpected server. %1</source>
        <translation>Die Antwort kam von einem unerwarteten Server. %1</translation>
    </message>
    <message>
        <source>The sign-in was cancelled or refused in the browser.</source>
        <translation>Die Anmeldung wurde im Browser abgebrochen oder abgelehnt.</translation>
    </message>
    <message>
        <source>The sign-in server reported an error: %1</source>
        <translation>Der Anmeldeserver hat einen Fehler gemeldet: %1</translation>
    </message>
    <message>
        <source>Sign-in did not complete</source>
        <translation>Anmeldung nicht abgeschlossen</translation>
    </message>
    <message>
        <source>The browser returned without an authorization code. Sign in again.</source>
        <translation>Der Browser ist ohne Autorisierungscode zurückgekehrt. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Signed in to Keyward</source>
        <translation>Bei Keyward angemeldet</translation>
    </message>
    <message>
        <source>The sign-in server did not accept the sign-in</source>
        <translation>Der Anmeldeserver hat die Anmeldung nicht akzeptiert</translation>
    </message>
    <message>
        <source>The sign-in server answered with unusable tokens: %1</source>
        <translation>Der Anmeldeserver hat mit unbrauchbaren Tokens geantwortet: %1</translation>
    </message>
    <message>
        <source>a token answer</source>
        <translation>eine Token-Antwort</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no access token</source>
        <translation>kein Zugriffstoken</translation>
    </message>
    <message>
        <source>token type %1 instead of Bearer</source>
        <translation>Tokentyp %1 statt Bearer</translation>
    </message>
    <message>
        <source>Your session has ended</source>
        <translation>Ihre Sitzung ist beendet</translation>
    </message>
    <message>
        <source>Sign in again.</source>
        <translation>Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Sign in with the browser.</source>
        <translation>Melden Sie sich über den Browser an.</translation>
    </message>
    <message>
        <source>Your previous session could not be resumed: %1</source>
        <translation>Ihre vorherige Sitzung konnte nicht fortgesetzt werden: %1</translation>
    </message>
    <message>
        <source>Your previous session has ended. Sign in again.</source>
        <translation>Ihre vorherige Sitzung ist beendet. Melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>keyward::ChainVerifier</name>
    <message>
        <source>the server&apos;s signed head does not verify. %1</source>
        <translation>der signierte Kettenkopf des Servers lässt sich nicht verifizieren. %1</translation>
    </message>
    <message>
        <source>it is newer than the newest event the server signed (%1).</source>
        <translation>es ist neuer als das neueste vom Server signierte Ereignis (%1).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>the log is empty but the signed head is not the genesis hash.</source>
        <translation>das Log ist leer, aber der signierte Kettenkopf ist nicht der Genesis-Hash.</translation>
    </message>
    <message>
        <source>the chain reaches hash %1 here, but the server signed %2.</source>
        <translation>die Kette erreicht hier den Hash %1, der Server hat aber %2 signiert.</translation>
    </message>
    <message>
        <source>some events of the list are not in the chain.</source>
        <translation>einige Ereignisse der Liste sind nicht in der Kette.</translation>
    </message>
    <message>
        <source>the chain ends before it, short of the signed head %1.</source>
        <translation>die Kette endet vor ihm, ohne den signierten Kettenkopf %1 zu erreichen.</translation>
    </message>
</context>
<context>
    <name>keyward::CreateKeyDialog</name>
    <message>
        <source>New secret key</source>
        <translation>Neuer geheimer Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation>&amp;Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>Änderungen &amp;speichern</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt…</translation>
    </message>
</context>
<context>
    <name>keyward::CreatePublishableKeyDialog</name>
    <message>
        <source>New publishable key</source>
        <translation>Neuer veröffentlichbarer Schlüssel</translation>
    </message>
    <message>
        <source>Anyone who loads your web page or app can read a publishable key, so it needs no secrecy. Say where it will be used, so the key can be recognized and deleted later.</source>
        <translation>Jeder, der Ihre Webseite oder App lädt, kann einen veröffentlichbaren Schlüssel lesen; er muss also nicht geheim bleiben. Geben Sie an, wo er verwendet wird, damit er sich später wiedererkennen und löschen lässt.</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Where is it used? For example: checkout page</source>
        <translation>Wo wird er verwendet? Zum Beispiel: Bezahlseite</translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation>&amp;Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Write a note that says where the key is used.</source>
        <translation>Schreiben Sie in die Notiz, wo der Schlüssel verwendet wird.</translation>
    </message>
    <message>
        <source>The note is %1 characters long; at most %2 fit.</source>
        <translation>Die Notiz ist %1 Zeichen lang; höchstens %2 sind möglich.</translation>
    </message>
    <message>
        <source>The note cannot contain control characters such as tabs or line breaks.</source>
        <translation>Die Notiz darf keine Steuerzeichen wie Tabulatoren oder Zeilenumbrüche enthalten.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 of at most %2 characters</source>
        <translation>%1 von höchstens %2 Zeichen</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt…</translation>
    </message>
</context>
<context>
    <name>keyward::DeniedSummaryView</name>
    <message>
        <source>Denied requests</source>
        <translation>Abgelehnte Anfragen</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Show all denied requests (%1)</source>
        <translation>Alle abgelehnten Anfragen anzeigen (%1)</translation>
    </message>
    <message>
        <source>Show all denied requests</source>
        <translation>Alle abgelehnten Anfragen anzeigen</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>von %1</translation>
    </message>
    <message numerus="yes">
        <source>from %n addresses (%1)</source>
        <translation>
            <numerusform>von %n Adresse (%1)</numerusform>
            <numerusform>von %n Adressen (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Revoked key “%1” used %n time(s) %2, last %3</source>
        <translation>
            <numerusform>⚠ Widerrufener Schlüssel „%1“ %n-mal %2 verwendet, zuletzt %3</numerusform>
            <numerusform>⚠ Widerrufener Schlüssel „%1“ %n-mal %2 verwendet, zuletzt %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Expired key “%1” used %n time(s) %2, last %3</source>
        <translation>
            <numerusform>⚠ Abgelaufener Schlüssel „%1“ %n-mal %2 verwendet, zuletzt %3</numerusform>
            <numerusform>⚠ Abgelaufener Schlüssel „%1“ %n-mal %2 verwendet, zuletzt %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Deleted key “%1” used %n time(s) %2, last %3</source>
        <translation>
            <numerusform>⚠ Gelöschter Schlüssel „%1“ %n-mal %2 verwendet, zuletzt %3</numerusform>
            <numerusform>⚠ Gelöschter Schlüssel „%1“ %n-mal %2 verwendet, zuletzt %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 for key “%2”: %n time(s) %3, last %4</source>
        <translation>
            <numerusform>%1 für Schlüssel „%2“: %n-mal %3, zuletzt %4</numerusform>
            <numerusform>%1 für Schlüssel „%2“: %n-mal %3, zuletzt %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n time(s) %2, last %3</source>
        <translation>
            <numerusform>%1: %n-mal %2, zuletzt %3</numerusform>
            <numerusform>%1: %n-mal %2, zuletzt %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n request(s)</source>
        <translation>
            <numerusform>%1: %n Anfrage</numerusform>
            <numerusform>%1: %n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>First %1, last %2</source>
        <translation>Erstmals %1, zuletzt %2</translation>
    </message>
    <message>
        <source>Show these requests</source>
        <translation>Diese Anfragen anzeigen</translation>
    </message>
    <message>
        <source>Open key</source>
        <translation>Schlüssel öffnen</translation>
    </message>
    <message>
        <source>Denied requests could not be summarized: %1</source>
        <translation>Abgelehnte Anfragen konnten nicht zusammengefasst werden: %1</translation>
    </message>
</context>
<context>
    <name>keyward::KeyCommands</name>
    <message>
        <source>&amp;New key…</source>
        <translation>&amp;Neuer Schlüssel…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <translation>R&amp;otieren…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>The key you signed in with</source>
        <translation>Der Schlüssel, mit dem Sie angemeldet sind</translation>
    </message>
    <message>
        <source>Your role (%1)</source>
        <translation>Ihre Rolle (%1)</translation>
    </message>
    <message>
        <source>Changing keys needs the owner or admin role.</source>
        <translation>Zum Ändern von Schlüsseln ist die Rolle Inhaber oder Administrator erforderlich.</translation>
    </message>
    <message>
        <source>A revoked key cannot be changed.</source>
        <translation>Ein widerrufener Schlüssel kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>A revoked key cannot be rotated.</source>
        <translation>Ein widerrufener Schlüssel kann nicht rotiert werden.</translation>
    </message>
    <message>
        <source>Stop the selected keys now; they stay listed as revoked</source>
        <translation>Die ausgewählten Schlüssel sofort sperren; sie bleiben als widerrufen in der Liste</translation>
    </message>
    <message>
        <source>New secret key</source>
        <translation>Neuer geheimer Schlüssel</translation>
    </message>
    <message>
        <source>Resume rotation</source>
        <translation>Rotation fortsetzen</translation>
    </message>
    <message>
        <source>The server&apos;s first answer was lost on the way, so Keyward revoked the key it had created (%1): nobody saw its secret. This is a fresh key in its place.</source>
        <translation>Die erste Antwort des Servers ging unterwegs verloren, daher hat Keyward den erstellten Schlüssel (%1) widerrufen: Niemand hat sein Geheimnis gesehen. Dies ist ein neuer Schlüssel an seiner Stelle.</translation>
    </message>
    <message>
        <source>Edit key</source>
        <translation>Schlüssel bearbeiten</translation>
    </message>
    <message>
        <source>Rotate key</source>
        <translation>Schlüssel rotieren</translation>
    </message>
    <message>
        <source>“%1” was used %2 from %3: requests still using it will fail.</source>
        <translation>„%1“ wurde %2 von %3 verwendet: Anfragen, die ihn noch verwenden, schlagen fehl.</translation>
    </message>
    <message>
        <source>an unknown address</source>
        <translation>einer unbekannten Adresse</translation>
    </message>
    <message>
        <source>Revoke keys</source>
        <translation>Schlüssel widerrufen</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n key(s) now? From this moment the server answers 401 to them; they stay listed as revoked.</source>
        <translation>
            <numerusform>%n Schlüssel jetzt widerrufen? Ab sofort antwortet der Server darauf mit 401; er bleibt als widerrufen in der Liste.</numerusform>
            <numerusform>%n Schlüssel jetzt widerrufen? Ab sofort antwortet der Server darauf mit 401; sie bleiben als widerrufen in der Liste.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>Revoke and re&amp;place…</source>
        <translation>Widerrufen und &amp;ersetzen…</translation>
    </message>
    <message>
        <source>Create a replacement with the same note and permissions, then revoke this key at once</source>
        <translation>Einen Ersatz mit derselben Notiz und denselben Berechtigungen erstellen und diesen Schlüssel dann sofort widerrufen</translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation>Schlüssel löschen</translation>
    </message>
    <message>
        <source>Delete “%1” (%2)? It stops working and disappears from the list; the audit log keeps its history.</source>
        <translation>„%1“ (%2) löschen? Er funktioniert dann nicht mehr und verschwindet aus der Liste; das Audit-Log behält seinen Verlauf.</translation>
    </message>
    <message>
        <source>It was last used %1.</source>
        <translation>Er wurde zuletzt %1 verwendet.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Create a secret key (%1)</source>
        <translation>Geheimen Schlüssel erstellen (%1)</translation>
    </message>
    <message>
        <source>Change the note, permissions or expiry (%1)</source>
        <translation>Notiz, Berechtigungen oder Ablauf ändern (%1)</translation>
    </message>
    <message>
        <source>Replace the key without an outage (%1)</source>
        <translation>Schlüssel ohne Ausfall ersetzen (%1)</translation>
    </message>
    <message>
        <source>Delete the selected key (%1)</source>
        <translation>Ausgewählten Schlüssel löschen (%1)</translation>
    </message>
</context>
<context>
    <name>keyward::KeyDetailsPanel</name>
    <message>
        <source>Key details</source>
        <translation>Schlüsseldetails</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Enter saves the note, Esc puts it back.</source>
        <translation>Enter speichert die Notiz, Esc stellt sie wieder her.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>Copy the masked key</source>
        <translation>Maskierten Schlüssel kopieren</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Copy the key&apos;s id</source>
        <translation>ID des Schlüssels kopieren</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>Last used:</source>
        <translation>Zuletzt verwendet:</translation>
    </message>
    <message>
        <source>Requests, last 30 days</source>
        <translation>Anfragen, letzte 30 Tage</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Edit the note in place (F2); Enter saves</source>
        <translation>Notiz direkt bearbeiten (F2); Enter speichert</translation>
    </message>
    <message>
        <source>A revoked key cannot be changed.</source>
        <translation>Ein widerrufener Schlüssel kann nicht geändert werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) selected.</source>
        <translation>
            <numerusform>%n Schlüssel ausgewählt.</numerusform>
            <numerusform>%n Schlüssel ausgewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a key to see its details.</source>
        <translation>Wählen Sie einen Schlüssel aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Loading usage…</source>
        <translation>Nutzung wird geladen…</translation>
    </message>
    <message>
        <source>Could not load the usage: %1</source>
        <translation>Die Nutzung konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Revoked %1; it answers 401.</source>
        <translation>Widerrufen (%1); antwortet mit 401.</translation>
    </message>
    <message>
        <source>Revoked; it answers 401.</source>
        <translation>Widerrufen; antwortet mit 401.</translation>
    </message>
    <message>
        <source>Expired; it answers 401.</source>
        <translation>Abgelaufen; antwortet mit 401.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Never. Keys that never expire stay dangerous when they leak.</source>
        <translation>Nie. Schlüssel ohne Ablaufdatum bleiben gefährlich, wenn sie kompromittiert werden.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>read and write</source>
        <translation>Lesen und Schreiben</translation>
    </message>
    <message>
        <source>read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Write a note that says what the key is for.</source>
        <translation>Schreiben Sie in die Notiz, wofür der Schlüssel dient.</translation>
    </message>
    <message>
        <source>The note is %1 characters long; at most %2 fit.</source>
        <translation>Die Notiz ist %1 Zeichen lang; höchstens %2 sind möglich.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>Notiz gespeichert.</translation>
    </message>
    <message>
        <source>The note was not saved: %1</source>
        <translation>Die Notiz wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>keyward::KeyForm</name>
    <message>
        <source>What is this key for, and where is it deployed?</source>
        <translation>Wofür ist dieser Schlüssel, und wo wird er eingesetzt?</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Presets:</source>
        <translation>Vorlagen:</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No access</source>
        <translation>Kein Zugriff</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>In 30 days</source>
        <translation>In 30 Tagen</translation>
    </message>
    <message>
        <source>In 90 days</source>
        <translation>In 90 Tagen</translation>
    </message>
    <message>
        <source>In 365 days</source>
        <translation>In 365 Tagen</translation>
    </message>
    <message>
        <source>On a date…</source>
        <translation>Bestimmtes Datum…</translation>
    </message>
    <message>
        <source>&amp;Expires:</source>
        <translation>&amp;Ablauf:</translation>
    </message>
    <message>
        <source>%1 cannot grant “%2” on %3: a key never gets more than its creator holds.</source>
        <translation>%1 kann „%2“ für %3 nicht gewähren: Ein Schlüssel erhält nie mehr Rechte, als sein Ersteller besitzt.</translation>
    </message>
    <message>
        <source>Editing %1, created %2</source>
        <translation>%1 wird bearbeitet, erstellt am %2</translation>
    </message>
    <message>
        <source>Unchanged (%1)</source>
        <translation>Unverändert (%1)</translation>
    </message>
    <message>
        <source>Unchanged (never)</source>
        <translation>Unverändert (nie)</translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation>Läuft nie ab</translation>
    </message>
    <message>
        <source>Write a note that says what the key is for.</source>
        <translation>Schreiben Sie in die Notiz, wofür der Schlüssel dient.</translation>
    </message>
    <message>
        <source>The note is %1 characters long; at most %2 fit.</source>
        <translation>Die Notiz ist %1 Zeichen lang; höchstens %2 sind möglich.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Read %1</source>
        <translation>%1 lesen</translation>
    </message>
    <message>
        <source>Read and change %1</source>
        <translation>%1 lesen und ändern</translation>
    </message>
    <message>
        <source>After saving, this key will be able to:</source>
        <translation>Nach dem Speichern kann dieser Schlüssel:</translation>
    </message>
    <message>
        <source>This key will be able to:</source>
        <translation>Dieser Schlüssel kann:</translation>
    </message>
    <message>
        <source>Choose at least one permission. Grant only what the key&apos;s application needs.</source>
        <translation>Wählen Sie mindestens eine Berechtigung aus. Erteilen Sie nur, was die Anwendung des Schlüssels braucht.</translation>
    </message>
    <message>
        <source>Choose at least one permission.</source>
        <translation>Wählen Sie mindestens eine Berechtigung aus.</translation>
    </message>
    <message>
        <source>Nothing has changed yet.</source>
        <translation>Noch nichts geändert.</translation>
    </message>
    <message>
        <source>None</source>
        <comment>permission preset: grant nothing</comment>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Read &amp;only</source>
        <comment>permission preset</comment>
        <translation>Nur &amp;lesen</translation>
    </message>
    <message>
        <source>F&amp;ull access</source>
        <comment>permission preset</comment>
        <translation>&amp;Vollzugriff</translation>
    </message>
    <message>
        <source>None</source>
        <comment>access level column</comment>
        <translation>Kein Zugriff</translation>
    </message>
    <message>
        <source>Read</source>
        <comment>access level column</comment>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Write</source>
        <comment>access level column</comment>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Ablaufdatum</translation>
    </message>
    <message>
        <source>%1 of at most %2 characters</source>
        <translation>%1 von höchstens %2 Zeichen</translation>
    </message>
</context>
<context>
    <name>keyward::KeyListModel</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n Minute</numerusform>
            <numerusform>in %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n Stunde</numerusform>
            <numerusform>in %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>vor %n Monat</numerusform>
            <numerusform>vor %n Monaten</numerusform>
        </translation>
    </message>
    <message>
        <source>No permissions</source>
        <translation>Keine Berechtigungen</translation>
    </message>
    <message>
        <source>Full access</source>
        <translation>Vollzugriff</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weitere</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · being replaced</source>
        <translation>%1 · wird ersetzt</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Expires today</source>
        <translation>Läuft heute ab</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n day(s)</source>
        <translation>
            <numerusform>Läuft in %n Tag ab</numerusform>
            <numerusform>Läuft in %n Tagen ab</numerusform>
        </translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Never used</source>
        <translation>Nie verwendet</translation>
    </message>
    <message>
        <source>%1
from %2
%3</source>
        <translation>%1
von %2
%3</translation>
    </message>
    <message>
        <source>an unknown address</source>
        <translation>einer unbekannten Adresse</translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation>Läuft nie ab</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>The server answers 401 to this key.</source>
        <translation>Der Server antwortet auf diesen Schlüssel mit 401.</translation>
    </message>
    <message>
        <source>Works until %1.</source>
        <translation>Funktioniert bis %1.</translation>
    </message>
    <message>
        <source>Never expires: works until it is revoked.</source>
        <translation>Läuft nie ab: funktioniert, bis er widerrufen wird.</translation>
    </message>
    <message>
        <source>Expires within 14 days.</source>
        <translation>Läuft innerhalb von 14 Tagen ab.</translation>
    </message>
    <message>
        <source>Unused for 90 days.</source>
        <translation>Seit 90 Tagen nicht verwendet.</translation>
    </message>
    <message>
        <source>Write access to everything.</source>
        <translation>Schreibzugriff auf alles.</translation>
    </message>
    <message>
        <source>Key ending in %1</source>
        <translation>Schlüssel endet auf %1</translation>
    </message>
</context>
<context>
    <name>keyward::KeysPage</name>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Filter by note, key, permission or creator</source>
        <translation>Nach Notiz, Schlüssel, Berechtigung oder Ersteller filtern</translation>
    </message>
    <message>
        <source>Filter keys</source>
        <translation>Schlüssel filtern</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Bald ablaufend</translation>
    </message>
    <message>
        <source>Revoked and expired</source>
        <translation>Widerrufen und abgelaufen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>Reload the keys from the server (F5)</source>
        <translation>Schlüssel neu vom Server laden (F5)</translation>
    </message>
    <message>
        <source>Show audit &amp;history</source>
        <translation>&amp;Im Audit-Log anzeigen</translation>
    </message>
    <message>
        <source>&amp;Secret keys</source>
        <translation>&amp;Geheime Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Publishable keys</source>
        <translation>&amp;Veröffentlichbare Schlüssel</translation>
    </message>
    <message>
        <source>Changing keys needs the owner or admin role.</source>
        <translation>Zum Ändern von Schlüsseln ist die Rolle Inhaber oder Administrator erforderlich.</translation>
    </message>
    <message>
        <source>You can see keys but not change them: creating, rotating and revoking keys needs the owner or admin role.</source>
        <translation>Sie können Schlüssel sehen, aber nicht ändern: Zum Erstellen, Rotieren und Widerrufen von Schlüsseln ist die Rolle Inhaber oder Administrator erforderlich.</translation>
    </message>
    <message>
        <source>%1 (request id: %2)</source>
        <translation>%1 (Anfrage-ID: %2)</translation>
    </message>
    <message>
        <source>Could not load the keys</source>
        <translation>Die Schlüssel konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>%1
Request id: %2</source>
        <translation>%1
Anfrage-ID: %2</translation>
    </message>
    <message>
        <source>Loading keys…</source>
        <translation>Schlüssel werden geladen…</translation>
    </message>
    <message>
        <source>Fetching the organization&apos;s secret keys.</source>
        <translation>Die geheimen Schlüssel der Organisation werden abgerufen.</translation>
    </message>
    <message>
        <source>No secret keys yet</source>
        <translation>Noch keine geheimen Schlüssel</translation>
    </message>
    <message>
        <source>Keys your applications use to call the API will be listed here, masked, with their permissions and last use.</source>
        <translation>Hier erscheinen die Schlüssel, mit denen Ihre Anwendungen die API aufrufen – maskiert, mit ihren Berechtigungen und ihrer letzten Verwendung.</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) loaded</source>
        <translation>
            <numerusform>%n Schlüssel geladen</numerusform>
            <numerusform>%n Schlüssel geladen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unused for 90 days</source>
        <translation>
            <numerusform>%n seit 90 Tagen ungenutzt</numerusform>
            <numerusform>%n seit 90 Tagen ungenutzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expiring within 14 days</source>
        <translation>
            <numerusform>%n läuft innerhalb von 14 Tagen ab</numerusform>
            <numerusform>%n laufen innerhalb von 14 Tagen ab</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with write access to everything</source>
        <translation>
            <numerusform>%n mit Schreibzugriff auf alles</numerusform>
            <numerusform>%n mit Schreibzugriff auf alles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n never expiring</source>
        <translation>
            <numerusform>%n läuft nie ab</numerusform>
            <numerusform>%n laufen nie ab</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything the audit log holds about the selected key (%1)</source>
        <translation>Alles, was das Audit-Log über den ausgewählten Schlüssel enthält (%1)</translation>
    </message>
    <message>
        <source>Secret keys</source>
        <translation>Geheime Schlüssel</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Create a secret key…</source>
        <translation>Geheimen Schlüssel &amp;erstellen…</translation>
    </message>
    <message>
        <source>Edit the note of the selected key</source>
        <translation>Notiz des ausgewählten Schlüssels bearbeiten</translation>
    </message>
</context>
<context>
    <name>keyward::MainWindow</name>
    <message>
        <source>Keyward</source>
        <translation>Keyward</translation>
    </message>
    <message>
        <source>The browser could not be opened. Copy the link and paste it into a browser.</source>
        <translation>Der Browser konnte nicht geöffnet werden. Kopieren Sie den Link und fügen Sie ihn in einen Browser ein.</translation>
    </message>
    <message>
        <source>&amp;Sign In with Browser</source>
        <translation>Mit Browser &amp;anmelden</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Sign out and revoke this session on the server</source>
        <translation>Abmelden und diese Sitzung auf dem Server widerrufen</translation>
    </message>
    <message>
        <source>Manage &amp;Profiles…</source>
        <translation>&amp;Profile verwalten…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Keyward</source>
        <translation>Ü&amp;ber Keyward</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>The server you are working with</source>
        <translation>Der Server, mit dem Sie arbeiten</translation>
    </message>
    <message>
        <source>Could not load your account</source>
        <translation>Ihr Konto konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>Sign-in link copied. Paste it into a browser to continue.</source>
        <translation>Anmeldelink kopiert. Fügen Sie ihn in einen Browser ein, um fortzufahren.</translation>
    </message>
    <message>
        <source>Resuming your session…</source>
        <translation>Sitzung wird fortgesetzt…</translation>
    </message>
    <message>
        <source>Checking the sign-in remembered for %1.</source>
        <translation>Die gespeicherte Anmeldung für %1 wird geprüft.</translation>
    </message>
    <message>
        <source>Contacting the sign-in server…</source>
        <translation>Verbindung zum Anmeldeserver wird hergestellt…</translation>
    </message>
    <message>
        <source>Reading the sign-in settings of %1.</source>
        <translation>Die Anmeldeeinstellungen von %1 werden gelesen.</translation>
    </message>
    <message>
        <source>Continue in your browser</source>
        <translation>Im Browser fortfahren</translation>
    </message>
    <message>
        <source>Keyward opened the sign-in page of %1 in your web browser. Sign in there; this window continues by itself. If no browser appeared, open it again or copy the link.</source>
        <translation>Keyward hat die Anmeldeseite von %1 in Ihrem Webbrowser geöffnet. Melden Sie sich dort an; dieses Fenster fährt danach von selbst fort. Falls kein Browser erschienen ist, öffnen Sie ihn erneut oder kopieren Sie den Link.</translation>
    </message>
    <message>
        <source>Finishing sign-in…</source>
        <translation>Anmeldung wird abgeschlossen…</translation>
    </message>
    <message>
        <source>Exchanging the browser&apos;s answer for a session.</source>
        <translation>Die Antwort des Browsers wird gegen eine Sitzung eingetauscht.</translation>
    </message>
    <message>
        <source>Loading your account…</source>
        <translation>Ihr Konto wird geladen…</translation>
    </message>
    <message>
        <source>Asking %1 who you are.</source>
        <translation>%1 wird gefragt, wer Sie sind.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2</source>
        <translation>Bei %1 angemeldet als %2</translation>
    </message>
    <message>
        <source>%1 — Keyward</source>
        <translation>%1 — Keyward</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <source>Keyward could not store your sign-in in the system keychain.</source>
        <translation>Keyward konnte Ihre Anmeldung nicht im System-Schlüsselbund speichern.</translation>
    </message>
    <message>
        <source>Retry after unlocking the keychain, or keep this session in memory only: you will need to sign in again next time. Keyward never stores tokens in a plain file.</source>
        <translation>Versuchen Sie es erneut, nachdem Sie den Schlüsselbund entsperrt haben, oder behalten Sie diese Sitzung nur im Arbeitsspeicher: Dann müssen Sie sich beim nächsten Mal erneut anmelden. Keyward speichert Tokens nie in einer unverschlüsselten Datei.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Keep in &amp;memory only</source>
        <translation>Nur im &amp;Arbeitsspeicher behalten</translation>
    </message>
    <message>
        <source>About Keyward</source>
        <translation>Über Keyward</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Keyward %1&lt;/h3&gt;&lt;p&gt;The desktop console for API keys: list them masked, create keys with the least permissions they need, rotate without an outage, revoke leaked keys at once, and review the audit log.&lt;/p&gt;&lt;p&gt;Built with Qt %2. Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Keyward %1&lt;/h3&gt;&lt;p&gt;Die Desktop-Konsole für API-Schlüssel: Schlüssel maskiert auflisten, Schlüssel mit den minimal nötigen Berechtigungen erstellen, ohne Ausfall rotieren, kompromittierte Schlüssel sofort widerrufen und das Audit-Log prüfen.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2. Lizenziert unter der GNU GPL, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Profil&amp;e:</source>
        <translation>P&amp;rofil:</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>&amp;Tastenkürzel…</translation>
    </message>
</context>
<context>
    <name>keyward::OverviewPage</name>
    <message>
        <source>Email:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>You can:</source>
        <translation>Sie können:</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>API server:</source>
        <translation>API-Server:</translation>
    </message>
    <message>
        <source>Signed in at:</source>
        <translation>Angemeldet bei:</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Sitzung:</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Create, rotate, revoke and delete keys; manage users and organization settings; read the audit log.</source>
        <translation>Schlüssel erstellen, rotieren, widerrufen und löschen; Benutzer und Organisationseinstellungen verwalten; das Audit-Log lesen.</translation>
    </message>
    <message>
        <source>Create, rotate, revoke and delete keys; read the audit log.</source>
        <translation>Schlüssel erstellen, rotieren, widerrufen und löschen; das Audit-Log lesen.</translation>
    </message>
    <message>
        <source>See keys (masked) and read the audit log. Changing keys needs an admin.</source>
        <translation>Schlüssel (maskiert) sehen und das Audit-Log lesen. Zum Ändern von Schlüsseln ist ein Administrator nötig.</translation>
    </message>
    <message>
        <source>Only what this credential&apos;s permissions allow.</source>
        <translation>Nur das, was die Berechtigungen dieser Anmeldedaten erlauben.</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1, %2 plan</source>
        <translation>%1, Tarif %2</translation>
    </message>
    <message>
        <source>This sign-in cannot be renewed; sign in again when it expires.</source>
        <translation>Diese Anmeldung kann nicht verlängert werden; melden Sie sich erneut an, wenn sie abläuft.</translation>
    </message>
    <message>
        <source>Kept in memory only: you will sign in again next time.</source>
        <translation>Nur im Arbeitsspeicher: Beim nächsten Mal melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Remembered in the system keychain.</source>
        <translation>Im System-Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Not stored in the system keychain yet.</source>
        <translation>Noch nicht im System-Schlüsselbund gespeichert.</translation>
    </message>
</context>
<context>
    <name>keyward::ProfileStore</name>
    <message>
        <source>A profile named “%1” already exists.</source>
        <translation>Ein Profil namens „%1“ existiert bereits.</translation>
    </message>
</context>
<context>
    <name>keyward::ProfilesDialog</name>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>A profile is a server you manage: its API address and where you sign in. Tokens are kept in the system keychain, never in the profile.</source>
        <translation>Ein Profil ist ein Server, den Sie verwalten: seine API-Adresse und die Stelle, an der Sie sich anmelden. Tokens werden im System-Schlüsselbund gespeichert, nie im Profil.</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Same as the API URL</source>
        <translation>Wie die API-URL</translation>
    </message>
    <message>
        <source>The OAuth 2.0 / OpenID Connect issuer where you sign in: keyward-server itself, or your company&apos;s provider if the server trusts it.</source>
        <translation>Der OAuth-2.0-/OpenID-Connect-Aussteller, bei dem Sie sich anmelden: keyward-server selbst oder der Identitätsanbieter Ihres Unternehmens, sofern der Server ihm vertraut.</translation>
    </message>
    <message>
        <source>&amp;API URL:</source>
        <translation>A&amp;PI-URL:</translation>
    </message>
    <message>
        <source>&amp;Issuer URL:</source>
        <translation>&amp;Aussteller-URL:</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Use this profile</source>
        <translation>Dieses Profil &amp;verwenden</translation>
    </message>
    <message>
        <source>%1 (this run only)</source>
        <translation>%1 (nur für diesen Start)</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove the profile “%1”? Keyward forgets its address; the server and its keys are not touched.</source>
        <translation>Das Profil „%1“ entfernen? Keyward vergisst seine Adresse; der Server und seine Schlüssel bleiben unberührt.</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>Sco&amp;pes:</source>
        <translation>Sc&amp;opes:</translation>
    </message>
</context>
<context>
    <name>keyward::PublishableKeyModel</name>
    <message>
        <source>%1
Public by design: safe to put in web pages and apps.</source>
        <translation>%1
Absichtlich öffentlich: Er kann gefahrlos in Webseiten und Apps eingebunden werden.</translation>
    </message>
    <message>
        <source>Unknown time</source>
        <translation>Unbekannte Zeit</translation>
    </message>
    <message>
        <source>%1
by %2</source>
        <translation>%1
von %2</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1, von %2</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>keyward::PublishableKeysPanel</name>
    <message>
        <source>Publishable keys identify your account in client-side code such as web pages and mobile apps. They are public by design: anyone can read them there, so they cannot call the endpoints that need a secret key.</source>
        <translation>Veröffentlichbare Schlüssel identifizieren Ihr Konto in clientseitigem Code wie Webseiten und mobilen Apps. Sie sind absichtlich öffentlich: Dort kann sie jeder lesen, daher können sie keine Endpunkte aufrufen, die einen geheimen Schlüssel erfordern.</translation>
    </message>
    <message>
        <source>&amp;New publishable key…</source>
        <translation>&amp;Neuer veröffentlichbarer Schlüssel…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>Reload the publishable keys from the server (%1)</source>
        <translation>Veröffentlichbare Schlüssel neu vom Server laden (%1)</translation>
    </message>
    <message>
        <source>Publishable keys</source>
        <translation>Veröffentlichbare Schlüssel</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>You can see and copy publishable keys but not change them: creating and deleting them needs the owner or admin role.</source>
        <translation>Sie können veröffentlichbare Schlüssel sehen und kopieren, aber nicht ändern: Zum Erstellen und Löschen ist die Rolle Inhaber oder Administrator erforderlich.</translation>
    </message>
    <message>
        <source>%1
Request id: %2</source>
        <translation>%1
Anfrage-ID: %2</translation>
    </message>
    <message>
        <source>Could not refresh the publishable keys. %1</source>
        <translation>Die veröffentlichbaren Schlüssel konnten nicht aktualisiert werden. %1</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Sign in to see the organization&apos;s publishable keys.</source>
        <translation>Melden Sie sich an, um die veröffentlichbaren Schlüssel der Organisation zu sehen.</translation>
    </message>
    <message>
        <source>Could not load the publishable keys</source>
        <translation>Die veröffentlichbaren Schlüssel konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>No publishable keys yet</source>
        <translation>Noch keine veröffentlichbaren Schlüssel</translation>
    </message>
    <message>
        <source>Create one for each web page or app that calls the API from the client side. Publishable keys can be shown and copied at any time.</source>
        <translation>Erstellen Sie einen für jede Webseite oder App, die die API clientseitig aufruft. Veröffentlichbare Schlüssel lassen sich jederzeit anzeigen und kopieren.</translation>
    </message>
    <message>
        <source>An owner or admin of the organization can create them. Once they exist you can see and copy them here.</source>
        <translation>Ein Inhaber oder Administrator der Organisation kann sie erstellen. Sobald es welche gibt, können Sie sie hier sehen und kopieren.</translation>
    </message>
    <message>
        <source>Loading publishable keys…</source>
        <translation>Veröffentlichbare Schlüssel werden geladen…</translation>
    </message>
    <message>
        <source>Fetching the organization&apos;s publishable keys from the server.</source>
        <translation>Die veröffentlichbaren Schlüssel der Organisation werden vom Server abgerufen.</translation>
    </message>
    <message>
        <source>Creating and deleting publishable keys needs the owner or admin role.</source>
        <translation>Zum Erstellen und Löschen veröffentlichbarer Schlüssel ist die Rolle Inhaber oder Administrator erforderlich.</translation>
    </message>
    <message>
        <source>Create a publishable key (%1)</source>
        <translation>Veröffentlichbaren Schlüssel erstellen (%1)</translation>
    </message>
    <message>
        <source>Copy the selected key to the clipboard (%1)</source>
        <translation>Ausgewählten Schlüssel in die Zwischenablage kopieren (%1)</translation>
    </message>
    <message>
        <source>Delete the selected key (%1)</source>
        <translation>Ausgewählten Schlüssel löschen (%1)</translation>
    </message>
    <message>
        <source>Copied “%1” to the clipboard.</source>
        <translation>„%1“ in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Could not create the publishable key. %1</source>
        <translation>Der veröffentlichbare Schlüssel konnte nicht erstellt werden. %1</translation>
    </message>
    <message>
        <source>Delete publishable key</source>
        <translation>Veröffentlichbaren Schlüssel löschen</translation>
    </message>
    <message>
        <source>Delete the publishable key “%1”?</source>
        <translation>Den veröffentlichbaren Schlüssel „%1“ löschen?</translation>
    </message>
    <message>
        <source>%1

Web pages and apps that still use it stop working with it. The audit log keeps its history.</source>
        <translation>%1

Webseiten und Apps, die ihn noch verwenden, funktionieren damit nicht mehr. Das Audit-Log behält seinen Verlauf.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Could not delete “%1”. %2</source>
        <translation>„%1“ konnte nicht gelöscht werden. %2</translation>
    </message>
    <message>
        <source>Create a publishable ke&amp;y…</source>
        <translation>Veröffentlichbaren Schlüssel e&amp;rstellen…</translation>
    </message>
</context>
<context>
    <name>keyward::ReasonPage</name>
    <message>
        <source>Why rotate this key?</source>
        <translation>Warum soll dieser Schlüssel rotiert werden?</translation>
    </message>
    <message>
        <source>Keyward creates a replacement, watches your application switch to it, and only then retires the old key, so no request fails along the way.</source>
        <translation>Keyward erstellt einen Ersatz, beobachtet, wie Ihre Anwendung darauf umstellt, und legt erst dann den alten Schlüssel still – so schlägt unterwegs keine Anfrage fehl.</translation>
    </message>
    <message>
        <source>&amp;Scheduled rotation</source>
        <translation>&amp;Geplante Rotation</translation>
    </message>
    <message>
        <source>Suspected &amp;leak: the secret may be known to someone else</source>
        <translation>Verdacht auf &amp;Kompromittierung: Das Geheimnis ist möglicherweise jemand anderem bekannt</translation>
    </message>
    <message>
        <source>&amp;Policy or audit requirement</source>
        <translation>&amp;Richtlinie oder Audit-Anforderung</translation>
    </message>
    <message>
        <source>If the secret leaked, every minute the old key keeps working is a minute someone else can use it. The emergency path revokes it as soon as the replacement exists: requests from your own application fail until it runs with the new key.</source>
        <translation>Wenn das Geheimnis kompromittiert ist, ist jede Minute, in der der alte Schlüssel noch funktioniert, eine Minute, in der ihn jemand anderes verwenden kann. Der Notfallweg widerruft ihn, sobald der Ersatz existiert: Anfragen Ihrer eigenen Anwendung schlagen fehl, bis sie mit dem neuen Schlüssel läuft.</translation>
    </message>
    <message>
        <source>&amp;Revoke the old key as soon as the replacement exists (accept the outage)</source>
        <translation>Alten Schlüssel &amp;sofort widerrufen, sobald der Ersatz existiert (Ausfall in Kauf nehmen)</translation>
    </message>
    <message>
        <source>Key to replace: “%1” (%2).</source>
        <translation>Zu ersetzender Schlüssel: „%1“ (%2).</translation>
    </message>
    <message>
        <source>Last used %1.</source>
        <translation>Zuletzt verwendet %1.</translation>
    </message>
    <message>
        <source>A person who &amp;knew the secret left</source>
        <translation>Eine &amp;Person, die das Geheimnis kannte, ist ausgeschieden</translation>
    </message>
</context>
<context>
    <name>keyward::ReplacementPage</name>
    <message>
        <source>The replacement key</source>
        <translation>Der Ersatzschlüssel</translation>
    </message>
    <message>
        <source>It starts as a copy of the old key&apos;s note and permissions. Grant only what the application needs: a rotation is a good moment to narrow them.</source>
        <translation>Er beginnt als Kopie der Notiz und der Berechtigungen des alten Schlüssels. Erteilen Sie nur, was die Anwendung braucht: Eine Rotation ist ein guter Moment, die Berechtigungen einzuschränken.</translation>
    </message>
    <message>
        <source>&amp;Create the replacement</source>
        <translation>&amp;Ersatz erstellen</translation>
    </message>
    <message>
        <source>The old key can write. If the application only reads, choose Read here.</source>
        <translation>Der alte Schlüssel hat Schreibzugriff. Wenn die Anwendung nur liest, wählen Sie hier „Lesen“.</translation>
    </message>
    <message>
        <source>Creating the replacement…</source>
        <translation>Ersatz wird erstellt…</translation>
    </message>
    <message>
        <source>The replacement was not created: %1</source>
        <translation>Der Ersatz wurde nicht erstellt: %1</translation>
    </message>
    <message>
        <source>Revoking the old key…</source>
        <translation>Alter Schlüssel wird widerrufen…</translation>
    </message>
    <message>
        <source>The old key was NOT revoked: %1. It still works; retire it after the new key is deployed.</source>
        <translation>Der alte Schlüssel wurde NICHT widerrufen: %1. Er funktioniert weiterhin; legen Sie ihn still, sobald der neue Schlüssel bereitgestellt ist.</translation>
    </message>
</context>
<context>
    <name>keyward::RetirePage</name>
    <message>
        <source>Retire the old key</source>
        <translation>Alten Schlüssel stilllegen</translation>
    </message>
    <message>
        <source>The replacement carries the traffic. Choose how the old key stops working.</source>
        <translation>Der Ersatz übernimmt den Datenverkehr. Wählen Sie, wie der alte Schlüssel außer Betrieb geht.</translation>
    </message>
    <message>
        <source>Let it &amp;expire after a grace period:</source>
        <translation>Nach einer Übergangsfrist &amp;ablaufen lassen:</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation>Bis zu einem Datum…</translation>
    </message>
    <message>
        <source>&amp;Delete it now: it stops working and leaves the list; the audit log keeps its history</source>
        <translation>Jetzt &amp;löschen: Er funktioniert nicht mehr und verschwindet aus der Liste; das Audit-Log behält seinen Verlauf</translation>
    </message>
    <message>
        <source>&amp;Retire the old key</source>
        <translation>Alten Schlüssel &amp;stilllegen</translation>
    </message>
    <message>
        <source>The old key may still be in use, so the safest choice is a grace period: requests keep working for a while, and the key then expires by itself.</source>
        <translation>Der alte Schlüssel wird möglicherweise noch verwendet, daher ist eine Übergangsfrist am sichersten: Anfragen funktionieren noch eine Weile, danach läuft der Schlüssel von selbst ab.</translation>
    </message>
    <message>
        <source>The new key carries the traffic and the old key is quiet. A short grace period costs nothing; revoke now if the old secret may have leaked.</source>
        <translation>Der neue Schlüssel übernimmt den Datenverkehr, und der alte wird nicht mehr verwendet. Eine kurze Übergangsfrist kostet nichts; widerrufen Sie sofort, falls das alte Geheimnis kompromittiert sein könnte.</translation>
    </message>
    <message>
        <source>Until %1 (%2) both keys work, so anything you missed keeps running. Then the old key answers 401 by itself and the audit log records that it expired. You can still revoke it sooner from the keys page.</source>
        <translation>Bis %1 (%2) funktionieren beide Schlüssel, sodass alles weiterläuft, was Sie übersehen haben. Danach antwortet der alte Schlüssel von selbst mit 401, und das Audit-Log vermerkt seinen Ablauf. Sie können ihn auf der Schlüsselseite auch früher widerrufen.</translation>
    </message>
    <message>
        <source>From the moment you click, every request with the old key answers 401. It stays in the list as revoked, so its history is easy to find.</source>
        <translation>Ab dem Moment Ihres Klicks wird jede Anfrage mit dem alten Schlüssel mit 401 beantwortet. Er bleibt als widerrufen in der Liste, sodass sein Verlauf leicht zu finden ist.</translation>
    </message>
    <message>
        <source>From the moment you click, every request with the old key answers 401 and the key leaves the list. The audit log keeps its history.</source>
        <translation>Ab dem Moment Ihres Klicks wird jede Anfrage mit dem alten Schlüssel mit 401 beantwortet, und der Schlüssel verschwindet aus der Liste. Das Audit-Log behält seinen Verlauf.</translation>
    </message>
    <message>
        <source>The old key was not retired: %1</source>
        <translation>Der alte Schlüssel wurde nicht stillgelegt: %1</translation>
    </message>
    <message>
        <source>Setting the old key&apos;s expiry…</source>
        <translation>Ablauf des alten Schlüssels wird festgelegt…</translation>
    </message>
    <message>
        <source>Revoking the old key…</source>
        <translation>Alter Schlüssel wird widerrufen…</translation>
    </message>
    <message>
        <source>Deleting the old key…</source>
        <translation>Alter Schlüssel wird gelöscht…</translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>Übergangsfrist</translation>
    </message>
    <message>
        <source>End of the grace period</source>
        <translation>Ende der Übergangsfrist</translation>
    </message>
    <message>
        <source>Re&amp;voke it now: it answers 401 at once and stays listed as revoked</source>
        <translation>&amp;Jetzt widerrufen: Er antwortet sofort mit 401 und bleibt als widerrufen in der Liste</translation>
    </message>
</context>
<context>
    <name>keyward::RevealPage</name>
    <message>
        <source>Copy the new secret</source>
        <translation>Neues Geheimnis kopieren</translation>
    </message>
    <message>
        <source>This is the only time it is shown. Put it where the application reads its key (a secret manager, the deployment&apos;s environment) before you go on.</source>
        <translation>Es wird nur dieses eine Mal angezeigt. Hinterlegen Sie es dort, wo die Anwendung ihren Schlüssel liest (ein Secret-Manager, die Umgebung der Bereitstellung), bevor Sie fortfahren.</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>The old key %1 is revoked: it answers 401 from now on.</source>
        <translation>Der alte Schlüssel %1 ist widerrufen: Er antwortet ab jetzt mit 401.</translation>
    </message>
</context>
<context>
    <name>keyward::RotationLauncher</name>
    <message>
        <source>copying the new secret</source>
        <translation>Kopieren des neuen Geheimnisses</translation>
    </message>
    <message>
        <source>retiring the old key</source>
        <translation>Stilllegen des alten Schlüssels</translation>
    </message>
    <message>
        <source>deploying and verifying the new key</source>
        <translation>Bereitstellen und Prüfen des neuen Schlüssels</translation>
    </message>
    <message>
        <source>Resume rotation</source>
        <translation>Rotation fortsetzen</translation>
    </message>
    <message>
        <source>The key %1 no longer exists: it was deleted, so the rotation has nothing left to retire. Keyward forgets it.</source>
        <translation>Der Schlüssel %1 existiert nicht mehr: Er wurde gelöscht, daher gibt es für die Rotation nichts mehr stillzulegen. Keyward vergisst sie.</translation>
    </message>
    <message>
        <source>The rotation cannot go on yet: %1</source>
        <translation>Die Rotation kann noch nicht fortgesetzt werden: %1</translation>
    </message>
    <message>
        <source>The replacement %1 was revoked, deleted or has expired, so this rotation cannot go on. The old key %2 is unchanged; rotate it again when you are ready.</source>
        <translation>Der Ersatz %1 wurde widerrufen, gelöscht oder ist abgelaufen, daher kann diese Rotation nicht fortgesetzt werden. Der alte Schlüssel %2 ist unverändert; rotieren Sie ihn erneut, wenn Sie bereit sind.</translation>
    </message>
</context>
<context>
    <name>keyward::RotationResumeBar</name>
    <message>
        <source>Resu&amp;me rotation</source>
        <translation>Rotation &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Forge&amp;t</source>
        <translation>Vergesse&amp;n</translation>
    </message>
    <message>
        <source>Stop reminding me. Both keys keep working; Rotate on the old key still finds the replacement.</source>
        <translation>Nicht mehr daran erinnern. Beide Schlüssel funktionieren weiterhin; „Rotieren“ beim alten Schlüssel findet den Ersatz auch später noch.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unfinished rotation:&lt;/b&gt; “%1” &lt;tt&gt;%2&lt;/tt&gt; → &lt;tt&gt;%3&lt;/tt&gt;, stopped while %4 on %5.</source>
        <translation>&lt;b&gt;Unvollständige Rotation:&lt;/b&gt; „%1“ &lt;tt&gt;%2&lt;/tt&gt; → &lt;tt&gt;%3&lt;/tt&gt;, angehalten am %5 beim %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n more rotation(s) are unfinished.</source>
        <translation>
            <numerusform>%n weitere Rotation ist unvollständig.</numerusform>
            <numerusform>%n weitere Rotationen sind unvollständig.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking both keys…</source>
        <translation>Beide Schlüssel werden geprüft…</translation>
    </message>
</context>
<context>
    <name>keyward::RotationWizard</name>
    <message>
        <source>Rotate “%1”</source>
        <translation>„%1“ rotieren</translation>
    </message>
    <message>
        <source>This rotation was started earlier, on this computer or another, and its new secret cannot be shown again. Make sure the new key is deployed, then watch it take over.</source>
        <translation>Diese Rotation wurde früher gestartet, auf diesem oder einem anderen Computer, und ihr neues Geheimnis kann nicht erneut angezeigt werden. Stellen Sie sicher, dass der neue Schlüssel bereitgestellt ist, und beobachten Sie dann, wie er übernimmt.</translation>
    </message>
    <message>
        <source>Resumed the rotation started %1. Keyward closed before you confirmed that the new secret was stored, and it cannot be shown again: if you did not store it, stop here, revoke the new key, and rotate again.</source>
        <translation>Die am %1 gestartete Rotation wurde fortgesetzt. Keyward wurde beendet, bevor Sie bestätigt hatten, dass das neue Geheimnis gespeichert ist, und es kann nicht erneut angezeigt werden: Falls Sie es nicht gespeichert haben, brechen Sie hier ab, widerrufen Sie den neuen Schlüssel und rotieren Sie erneut.</translation>
    </message>
    <message>
        <source>Resumed the rotation started %1.</source>
        <translation>Die am %1 gestartete Rotation wurde fortgesetzt.</translation>
    </message>
    <message>
        <source>Stop rotating</source>
        <translation>Rotation abbrechen</translation>
    </message>
    <message>
        <source>The new key “%1” (%2) already exists. Revoke it now, or keep both keys working?</source>
        <translation>Der neue Schlüssel „%1“ (%2) existiert bereits. Jetzt widerrufen oder beide Schlüssel weiter funktionieren lassen?</translation>
    </message>
    <message>
        <source>The old key is already revoked: without the new key nothing can call the API.</source>
        <translation>Der alte Schlüssel ist bereits widerrufen: Ohne den neuen Schlüssel kann nichts die API aufrufen.</translation>
    </message>
    <message>
        <source>Keep both if the new key is already deployed anywhere. Keyward remembers where the rotation stopped and offers to go on from the keys page.</source>
        <translation>Behalten Sie beide, wenn der neue Schlüssel bereits irgendwo bereitgestellt ist. Keyward merkt sich, wo die Rotation angehalten wurde, und bietet auf der Schlüsselseite an, sie fortzusetzen.</translation>
    </message>
    <message>
        <source>&amp;Revoke the new key</source>
        <translation>&amp;Neuen Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>&amp;Keep both, finish later</source>
        <translation>&amp;Beide behalten, später abschließen</translation>
    </message>
    <message>
        <source>&amp;Continue rotating</source>
        <translation>Rotation &amp;fortsetzen</translation>
    </message>
    <message>
        <source>The new key was not revoked: %1</source>
        <translation>Der neue Schlüssel wurde nicht widerrufen: %1</translation>
    </message>
</context>
<context>
    <name>keyward::SandboxServer</name>
    <message>
        <source>The sandbox server %1 could not be started: %2</source>
        <translation>Der Sandbox-Server %1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The sandbox server crashed while starting.</source>
        <translation>Der Sandbox-Server ist beim Start abgestürzt.</translation>
    </message>
    <message>
        <source>The sandbox server stopped while starting (exit code %1).</source>
        <translation>Der Sandbox-Server wurde beim Start beendet (Exit-Code %1).</translation>
    </message>
    <message numerus="yes">
        <source>The sandbox server did not start within %n second(s).</source>
        <translation>
            <numerusform>Der Sandbox-Server ist nicht innerhalb von %n Sekunde gestartet.</numerusform>
            <numerusform>Der Sandbox-Server ist nicht innerhalb von %n Sekunden gestartet.</numerusform>
        </translation>
    </message>
    <message>
        <source>keyward-server was not found next to Keyward or on the PATH, so the sandbox cannot start.</source>
        <translation>keyward-server wurde weder neben Keyward noch im PATH gefunden, daher kann die Sandbox nicht starten.</translation>
    </message>
    <message>
        <source>The sandbox server said something unexpected: %1</source>
        <translation>Der Sandbox-Server hat etwas Unerwartetes gemeldet: %1</translation>
    </message>
</context>
<context>
    <name>keyward::SecretRevealDialog</name>
    <message>
        <source>Your new secret key</source>
        <translation>Ihr neuer geheimer Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Fertig</translation>
    </message>
    <message>
        <source>Confirm first that the key is stored: it cannot be shown again.</source>
        <translation>Bestätigen Sie zuerst, dass der Schlüssel gespeichert ist: Er kann nicht erneut angezeigt werden.</translation>
    </message>
</context>
<context>
    <name>keyward::SecretRevealPanel</name>
    <message>
        <source>Copy the key now: you will not see it again</source>
        <translation>Kopieren Sie den Schlüssel jetzt: Sie sehen ihn nicht wieder</translation>
    </message>
    <message>
        <source>“%1” was created. Store its secret where the application reads it (a secret manager, your deployment&apos;s environment). Keyward and the server keep only a fingerprint; if the secret is lost, create a new key.</source>
        <translation>„%1“ wurde erstellt. Speichern Sie sein Geheimnis dort, wo die Anwendung es liest (ein Secret-Manager, die Umgebung Ihrer Bereitstellung). Keyward und der Server bewahren nur einen Fingerabdruck auf; geht das Geheimnis verloren, erstellen Sie einen neuen Schlüssel.</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Copy to the clipboard, marked as secret, and clear it after %n second(s)</source>
        <translation>
            <numerusform>In die Zwischenablage kopieren, als geheim markiert, und sie nach %n Sekunde leeren</numerusform>
            <numerusform>In die Zwischenablage kopieren, als geheim markiert, und sie nach %n Sekunden leeren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Kopiert. Die Zwischenablage wird in %n Sekunde geleert.</numerusform>
            <numerusform>Kopiert. Die Zwischenablage wird in %n Sekunden geleert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clipboard cleared.</source>
        <translation>Zwischenablage geleert.</translation>
    </message>
    <message>
        <source>I have &amp;stored this key somewhere safe</source>
        <translation>Ich habe diesen Schlüssel an einem sicheren Ort ge&amp;speichert</translation>
    </message>
    <message>
        <source>Copy the secret</source>
        <translation>Geheimnis kopieren</translation>
    </message>
</context>
<context>
    <name>keyward::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>An action, a key or a page</source>
        <translation>Eine Aktion, eine Taste oder eine Seite</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>No shortcut matches.</source>
        <translation>Kein Tastenkürzel passt.</translation>
    </message>
    <message>
        <source>Main window</source>
        <translation>Hauptfenster</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Überall</translation>
    </message>
    <message>
        <source>Next or previous control</source>
        <translation>Nächstes oder vorheriges Bedienelement</translation>
    </message>
    <message>
        <source>Go to the control with that letter underlined</source>
        <translation>Zum Bedienelement mit diesem unterstrichenen Buchstaben</translation>
    </message>
    <message>
        <source>Alt+underlined letter</source>
        <translation>Alt+unterstrichener Buchstabe</translation>
    </message>
    <message>
        <source>Press the default button of a dialog</source>
        <translation>Standardschaltfläche eines Dialogs drücken</translation>
    </message>
    <message>
        <source>Close a dialog, or cancel it</source>
        <translation>Dialog schließen oder abbrechen</translation>
    </message>
    <message>
        <source>Lists and tables</source>
        <translation>Listen und Tabellen</translation>
    </message>
    <message>
        <source>Move through the rows</source>
        <translation>Durch die Zeilen bewegen</translation>
    </message>
    <message>
        <source>Select the current row</source>
        <translation>Aktuelle Zeile auswählen</translation>
    </message>
    <message>
        <source>Extend the selection</source>
        <translation>Auswahl erweitern</translation>
    </message>
    <message>
        <source>Add or remove the current row</source>
        <translation>Aktuelle Zeile hinzufügen oder entfernen</translation>
    </message>
    <message>
        <source>Secret key list</source>
        <translation>Liste der geheimen Schlüssel</translation>
    </message>
    <message>
        <source>Edit the selected key</source>
        <translation>Ausgewählten Schlüssel bearbeiten</translation>
    </message>
    <message>
        <source>Note in the key details</source>
        <translation>Notiz in den Schlüsseldetails</translation>
    </message>
    <message>
        <source>Save the edited note</source>
        <translation>Bearbeitete Notiz speichern</translation>
    </message>
    <message>
        <source>Put the saved note back</source>
        <translation>Gespeicherte Notiz wiederherstellen</translation>
    </message>
    <message>
        <source>Usage chart in the key details</source>
        <translation>Nutzungsdiagramm in den Schlüsseldetails</translation>
    </message>
    <message>
        <source>Previous or next day</source>
        <translation>Vorheriger oder nächster Tag</translation>
    </message>
    <message>
        <source>First or last day</source>
        <translation>Erster oder letzter Tag</translation>
    </message>
    <message>
        <source>New secret, shown once</source>
        <translation>Neues Geheimnis, einmalig angezeigt</translation>
    </message>
    <message>
        <source>Copy the secret (cleared from the clipboard after 30 seconds)</source>
        <translation>Geheimnis kopieren (nach 30 Sekunden aus der Zwischenablage gelöscht)</translation>
    </message>
    <message>
        <source>Audit timeline</source>
        <translation>Audit-Zeitleiste</translation>
    </message>
    <message>
        <source>Previous or next bar</source>
        <translation>Vorheriger oder nächster Balken</translation>
    </message>
    <message>
        <source>First or last bar</source>
        <translation>Erster oder letzter Balken</translation>
    </message>
    <message>
        <source>Mark a range of bars</source>
        <translation>Bereich von Balken markieren</translation>
    </message>
    <message>
        <source>Show the events of the bar, or of the marked range</source>
        <translation>Ereignisse des Balkens oder des markierten Bereichs anzeigen</translation>
    </message>
    <message>
        <source>Drop the marked range</source>
        <translation>Markierten Bereich verwerfen</translation>
    </message>
    <message>
        <source>Links in the audit log</source>
        <translation>Links im Audit-Log</translation>
    </message>
    <message>
        <source>Follow the focused link</source>
        <translation>Fokussiertem Link folgen</translation>
    </message>
</context>
<context>
    <name>keyward::StatusPage</name>
    <message>
        <source>Working</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>&amp;Open the browser again</source>
        <translation>Browser erneut ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Copy sign-in &amp;link</source>
        <translation>Anmelde&amp;link kopieren</translation>
    </message>
    <message>
        <source>Copy the sign-in address to paste into a browser yourself.</source>
        <translation>Die Anmeldeadresse kopieren, um sie selbst in einen Browser einzufügen.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abbre&amp;chen</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>Anfrage-ID: %1</translation>
    </message>
</context>
<context>
    <name>keyward::SummaryPage</name>
    <message>
        <source>Rotation complete</source>
        <translation>Rotation abgeschlossen</translation>
    </message>
    <message>
        <source>The replacement carries the traffic and the old key is on its way out.</source>
        <translation>Der Ersatz übernimmt den Datenverkehr, und der alte Schlüssel wird außer Betrieb genommen.</translation>
    </message>
    <message>
        <source>In the audit log</source>
        <translation>Im Audit-Log</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Neuer Schlüssel</translation>
    </message>
    <message>
        <source>“%1” &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Permissions: %3&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;%4&lt;/span&gt;</source>
        <translation>„%1“ &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Berechtigungen: %3&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;%4&lt;/span&gt;</translation>
    </message>
    <message>
        <source>deleted elsewhere while the rotation ran.</source>
        <translation>wurde anderswo gelöscht, während die Rotation lief.</translation>
    </message>
    <message>
        <source>revoked as soon as the replacement existed.</source>
        <translation>wurde widerrufen, sobald der Ersatz existierte.</translation>
    </message>
    <message>
        <source>expires %1 (%2), then answers 401.</source>
        <translation>läuft am %1 ab (%2) und antwortet dann mit 401.</translation>
    </message>
    <message>
        <source>revoked: it answers 401.</source>
        <translation>widerrufen: antwortet mit 401.</translation>
    </message>
    <message>
        <source>deleted: it answers 401 and has left the list.</source>
        <translation>gelöscht: antwortet mit 401 und ist aus der Liste verschwunden.</translation>
    </message>
    <message>
        <source>already revoked.</source>
        <translation>bereits widerrufen.</translation>
    </message>
    <message>
        <source>Old key</source>
        <translation>Alter Schlüssel</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>The traffic check was skipped: watch the application&apos;s errors for a while.</source>
        <translation>Die Prüfung des Datenverkehrs wurde übersprungen: Beobachten Sie eine Weile die Fehler der Anwendung.</translation>
    </message>
    <message>
        <source>After Finish, the new key is selected in the list with its details.</source>
        <translation>Nach „Abschließen“ ist der neue Schlüssel in der Liste ausgewählt und seine Details werden angezeigt.</translation>
    </message>
    <message>
        <source>Reading both keys&apos; events…</source>
        <translation>Ereignisse beider Schlüssel werden gelesen…</translation>
    </message>
    <message>
        <source>Your role cannot read the audit log, so the trail is not shown here.</source>
        <translation>Ihre Rolle darf das Audit-Log nicht lesen, daher werden die Einträge hier nicht angezeigt.</translation>
    </message>
    <message>
        <source>The audit trail could not be read: %1</source>
        <translation>Die Audit-Einträge konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No events yet.</source>
        <translation>Noch keine Ereignisse.</translation>
    </message>
</context>
<context>
    <name>keyward::TokenStore</name>
    <message>
        <source>The system keychain is locked or refused access, so Keyward cannot keep you signed in between sessions.</source>
        <translation>Der System-Schlüsselbund ist gesperrt oder hat den Zugriff verweigert, daher kann Keyward Sie nicht über Sitzungen hinweg angemeldet halten.</translation>
    </message>
    <message>
        <source>No system keychain is available (such as GNOME Keyring or KWallet), so Keyward cannot keep you signed in between sessions.</source>
        <translation>Es ist kein System-Schlüsselbund verfügbar (etwa GNOME Keyring oder KWallet), daher kann Keyward Sie nicht über Sitzungen hinweg angemeldet halten.</translation>
    </message>
    <message>
        <source>The system keychain reported an error: %1</source>
        <translation>Der System-Schlüsselbund hat einen Fehler gemeldet: %1</translation>
    </message>
</context>
<context>
    <name>keyward::UsageSparkline</name>
    <message>
        <source>Requests per day, last 30 days</source>
        <translation>Anfragen pro Tag, letzte 30 Tage</translation>
    </message>
    <message>
        <source>No usage figures.</source>
        <translation>Keine Nutzungszahlen.</translation>
    </message>
    <message numerus="yes">
        <source>No requests in the last %n day(s).</source>
        <translation>
            <numerusform>Keine Anfragen innerhalb von %n Tag.</numerusform>
            <numerusform>Keine Anfragen in den letzten %n Tagen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln Anfrage</numerusform>
            <numerusform>%Ln Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 in the last %Ln day(s); busiest %2 (%3)</source>
        <translation>
            <numerusform>%1 am letzten Tag; Spitzenwert am %2 (%3)</numerusform>
            <numerusform>%1 in den letzten %Ln Tagen; Spitzenwert am %2 (%3)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
</context>
<context>
    <name>keyward::VerifyPage</name>
    <message>
        <source>Deploy the new key and watch it take over</source>
        <translation>Neuen Schlüssel bereitstellen und Übernahme beobachten</translation>
    </message>
    <message>
        <source>Keyward asks the server about both keys every few seconds. Go on once the new key carries the traffic and the old key has gone quiet.</source>
        <translation>Keyward fragt den Server alle paar Sekunden nach beiden Schlüsseln. Fahren Sie fort, sobald der neue Schlüssel den Datenverkehr übernimmt und der alte nicht mehr verwendet wird.</translation>
    </message>
    <message>
        <source>Old key &amp;quiet for at least:</source>
        <translation>Alter Schlüssel &amp;ungenutzt seit mindestens:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Go on &amp;anyway: requests that still use the old key will fail once it is retired</source>
        <translation>&amp;Trotzdem fortfahren: Anfragen, die noch den alten Schlüssel verwenden, schlagen fehl, sobald er stillgelegt ist</translation>
    </message>
    <message>
        <source>Put the new key where “%1” is used (the note says where it is deployed).</source>
        <translation>Hinterlegen Sie den neuen Schlüssel dort, wo „%1“ verwendet wird (die Notiz sagt, wo er eingesetzt ist).</translation>
    </message>
    <message>
        <source>Restart or reload that application so it reads the new key.</source>
        <translation>Starten Sie diese Anwendung neu oder laden Sie sie neu, damit sie den neuen Schlüssel liest.</translation>
    </message>
    <message>
        <source>Watch below until the new key is in use.</source>
        <translation>Beobachten Sie die Anzeige unten, bis der neue Schlüssel verwendet wird.</translation>
    </message>
    <message>
        <source>Watch below until the new key is in use and the old key is quiet.</source>
        <translation>Beobachten Sie die Anzeige unten, bis der neue Schlüssel verwendet wird und der alte ungenutzt bleibt.</translation>
    </message>
    <message>
        <source>Waiting for the first answer from the server…</source>
        <translation>Warten auf die erste Antwort des Servers…</translation>
    </message>
    <message>
        <source>Could not ask the server about %1: %2 Trying again in a few seconds.</source>
        <translation>Der Server konnte nicht zu %1 befragt werden: %2 Neuer Versuch in wenigen Sekunden.</translation>
    </message>
    <message>
        <source>The new key %1 no longer exists: it was deleted elsewhere. The rotation cannot go on; the old key keeps working. Cancel, then rotate again.</source>
        <translation>Der neue Schlüssel %1 existiert nicht mehr: Er wurde anderswo gelöscht. Die Rotation kann nicht fortgesetzt werden; der alte Schlüssel funktioniert weiterhin. Brechen Sie ab und rotieren Sie erneut.</translation>
    </message>
    <message numerus="yes">
        <source>New key %1: last used %2; %Ln request(s) in the last 5 minutes.</source>
        <translation>
            <numerusform>Neuer Schlüssel %1: zuletzt verwendet %2; %Ln Anfrage in den letzten 5 Minuten.</numerusform>
            <numerusform>Neuer Schlüssel %1: zuletzt verwendet %2; %Ln Anfragen in den letzten 5 Minuten.</numerusform>
        </translation>
    </message>
    <message>
        <source>New key %1: not used yet.</source>
        <translation>Neuer Schlüssel %1: noch nicht verwendet.</translation>
    </message>
    <message>
        <source>Old key %1: deleted elsewhere; it answers 401.</source>
        <translation>Alter Schlüssel %1: anderswo gelöscht; antwortet mit 401.</translation>
    </message>
    <message>
        <source>Old key %1: never used.</source>
        <translation>Alter Schlüssel %1: nie verwendet.</translation>
    </message>
    <message numerus="yes">
        <source>Old key %1: last used %2; %Ln request(s) in the last 5 minutes.</source>
        <translation>
            <numerusform>Alter Schlüssel %1: zuletzt verwendet %2; %Ln Anfrage in den letzten 5 Minuten.</numerusform>
            <numerusform>Alter Schlüssel %1: zuletzt verwendet %2; %Ln Anfragen in den letzten 5 Minuten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not yet: the new key has not been used. Deploy it and restart the application.</source>
        <translation>Noch nicht: Der neue Schlüssel wurde noch nicht verwendet. Stellen Sie ihn bereit und starten Sie die Anwendung neu.</translation>
    </message>
    <message>
        <source>Almost: the new key is in use, but the old key was used %1. Something still runs with it.</source>
        <translation>Fast: Der neue Schlüssel wird verwendet, aber der alte wurde %1 verwendet. Etwas läuft noch damit.</translation>
    </message>
    <message numerus="yes">
        <source>Done: the new key is in use (%Ln request(s) in the last 5 minutes).</source>
        <translation>
            <numerusform>Fertig: Der neue Schlüssel wird verwendet (%Ln Anfrage in den letzten 5 Minuten).</numerusform>
            <numerusform>Fertig: Der neue Schlüssel wird verwendet (%Ln Anfragen in den letzten 5 Minuten).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Safe to retire: the new key is in use (%Ln request(s) in the last 5 minutes) and the old key has been quiet for %1.</source>
        <translation>
            <numerusform>Bereit zum Stilllegen: Der neue Schlüssel wird verwendet (%Ln Anfrage in den letzten 5 Minuten), und der alte ist seit %1 ungenutzt.</numerusform>
            <numerusform>Bereit zum Stilllegen: Der neue Schlüssel wird verwendet (%Ln Anfragen in den letzten 5 Minuten), und der alte ist seit %1 ungenutzt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Old key %1: revoked; it answers 401.</source>
        <translation>Alter Schlüssel %1: widerrufen; antwortet mit 401.</translation>
    </message>
    <message>
        <source>Old key %1: expired; it answers 401.</source>
        <translation>Alter Schlüssel %1: abgelaufen; antwortet mit 401.</translation>
    </message>
</context>
<context>
    <name>keyward::WelcomePage</name>
    <message>
        <source>Welcome to Keyward</source>
        <translation>Willkommen bei Keyward</translation>
    </message>
    <message>
        <source>Keep your organization&apos;s API keys under control: see every key masked with its permissions and last use, create keys with the least access they need and see their secret exactly once, rotate without an outage, revoke a leaked key at once, and review who did what in a tamper-evident audit log.</source>
        <translation>Behalten Sie die API-Schlüssel Ihrer Organisation im Griff: Sehen Sie jeden Schlüssel maskiert mit seinen Berechtigungen und seiner letzten Verwendung, erstellen Sie Schlüssel mit den minimal nötigen Rechten und sehen Sie ihr Geheimnis genau einmal, rotieren Sie ohne Ausfall, widerrufen Sie einen kompromittierten Schlüssel sofort und prüfen Sie in einem manipulationserkennenden Audit-Log, wer was getan hat.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>&amp;Sign in with browser</source>
        <translation>Mit Browser an&amp;melden</translation>
    </message>
    <message>
        <source>Opens your web browser at the server&apos;s sign-in page; Keyward continues when you are done.</source>
        <translation>Öffnet Ihren Webbrowser mit der Anmeldeseite des Servers; Keyward fährt fort, sobald Sie fertig sind.</translation>
    </message>
    <message>
        <source>&amp;Manage profiles…</source>
        <translation>&amp;Profile verwalten…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>No server yet</source>
        <translation>Noch kein Server</translation>
    </message>
    <message>
        <source>Add a profile with the address of your API and its sign-in server, or start Keyward with --sandbox to try it against a local demo server.</source>
        <translation>Fügen Sie ein Profil mit der Adresse Ihrer API und ihres Anmeldeservers hinzu, oder starten Sie Keyward mit --sandbox, um es mit einem lokalen Demo-Server auszuprobieren.</translation>
    </message>
    <message>
        <source>&amp;Add a profile…</source>
        <translation>Profil hin&amp;zufügen…</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API: %1</translation>
    </message>
    <message>
        <source>Sign-in: %1</source>
        <translation>Anmeldung: %1</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>Anfrage-ID: %1</translation>
    </message>
</context>
<context>
    <name>keyward::Workspace</name>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Who you are signed in as and what you can do</source>
        <translation>Mit welchem Konto Sie angemeldet sind und was Sie tun dürfen</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>The organization&apos;s secret keys, masked</source>
        <translation>Die geheimen Schlüssel der Organisation, maskiert</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Log</translation>
    </message>
    <message>
        <source>Who did what to which key, when and from where</source>
        <translation>Wer hat wann und von wo was mit welchem Schlüssel getan</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>keyward: no profile named &apos;%1&apos; (profiles: %2)</source>
        <translation>keyward: kein Profil namens „%1“ (Profile: %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Starting the sandbox server…</source>
        <translation>Sandbox-Server wird gestartet…</translation>
    </message>
    <message>
        <source>A local keyward-server with a demo organization is starting on this computer.</source>
        <translation>Auf diesem Computer startet ein lokaler keyward-server mit einer Demo-Organisation.</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <source>Keyward is already running with this profile; its window was brought to the front.</source>
        <translation>Keyward läuft bereits mit diesem Profil; sein Fenster wurde in den Vordergrund geholt.</translation>
    </message>
    <message>
        <source>Keyward is already running with this profile but does not answer. Close it and try again.</source>
        <translation>Keyward läuft bereits mit diesem Profil, antwortet aber nicht. Schließen Sie es und versuchen Sie es erneut.</translation>
    </message>
</context>
</TS>

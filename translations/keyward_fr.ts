<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ApiFailure</name>
    <message>
        <source>a list without data</source>
        <translation>une liste sans données</translation>
    </message>
    <message>
        <source>a list page without a cursor</source>
        <translation>une page de liste sans curseur</translation>
    </message>
    <message>
        <source>an answer that is not JSON</source>
        <translation>une réponse qui n’est pas du JSON</translation>
    </message>
    <message>
        <source>%1 (request id: %2)</source>
        <translation>%1 (ID de requête&#xa0;: %2)</translation>
    </message>
    <message>
        <source>The server did not accept your sign-in: %1 Sign in again.</source>
        <translation>Le serveur n’a pas accepté votre connexion&#xa0;: %1 Reconnectez-vous.</translation>
    </message>
    <message>
        <source>You are not allowed to do this: %1</source>
        <translation>Vous n’êtes pas autorisé à effectuer cette action&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>The server is rate limiting requests: %1 It accepts more in %n second(s).</source>
        <translation>
            <numerusform>Le serveur limite le débit des requêtes&#xa0;: %1 Il en acceptera de nouvelles dans %n seconde.</numerusform>
            <numerusform>Le serveur limite le débit des requêtes&#xa0;: %1 Il en acceptera de nouvelles dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server is rate limiting requests: %1</source>
        <translation>Le serveur limite le débit des requêtes&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server did not accept your sign-in. Sign in again.</source>
        <translation>Le serveur n’a pas accepté votre connexion. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>Votre compte n’est pas autorisé à effectuer cette action.</translation>
    </message>
    <message>
        <source>The server at %1 has no such address (HTTP 404). Check the API URL of this profile.</source>
        <translation>Le serveur %1 ne connaît pas cette adresse (HTTP 404). Vérifiez l’URL de l’API de ce profil.</translation>
    </message>
    <message numerus="yes">
        <source>The server is rate limiting requests. It accepts more in %n second(s).</source>
        <translation>
            <numerusform>Le serveur limite le débit des requêtes. Il en acceptera de nouvelles dans %n seconde.</numerusform>
            <numerusform>Le serveur limite le débit des requêtes. Il en acceptera de nouvelles dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server is rate limiting requests. Wait a moment and try again.</source>
        <translation>Le serveur limite le débit des requêtes. Patientez un instant, puis réessayez.</translation>
    </message>
    <message>
        <source>The server at %1 had a problem (HTTP %2). Try again in a moment.</source>
        <translation>Le serveur %1 a rencontré un problème (HTTP %2). Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The server at %1 rejected the request (HTTP %2).</source>
        <translation>Le serveur %1 a rejeté la requête (HTTP %2).</translation>
    </message>
    <message>
        <source>Could not connect to %1: nothing is listening there. Is the server running?</source>
        <translation>Impossible de se connecter à %1&#xa0;: aucun service n’écoute à cette adresse. Le serveur est-il démarré&#x202f;?</translation>
    </message>
    <message>
        <source>The server name %1 could not be found. Check the profile&apos;s address and your network.</source>
        <translation>Le nom de serveur %1 est introuvable. Vérifiez l’adresse du profil et votre réseau.</translation>
    </message>
    <message>
        <source>The server at %1 closed the connection before answering.</source>
        <translation>Le serveur %1 a fermé la connexion avant de répondre.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer in time.</source>
        <translation>Le serveur %1 n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>La requête a été annulée.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2. Its certificate may be invalid, expired or self-signed.</source>
        <translation>La connexion sécurisée à %1 a échoué&#xa0;: %2. Son certificat est peut-être non valide, expiré ou autosigné.</translation>
    </message>
    <message>
        <source>The network is unavailable. Check your connection.</source>
        <translation>Le réseau n’est pas disponible. Vérifiez votre connexion.</translation>
    </message>
    <message>
        <source>The proxy refused or dropped the connection to %1: %2.</source>
        <translation>Le proxy a refusé ou interrompu la connexion à %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2.</source>
        <translation>La connexion à %1 a échoué&#xa0;: %2.</translation>
    </message>
    <message>
        <source>an unreadable answer</source>
        <translation>une réponse illisible</translation>
    </message>
    <message>
        <source>The server sent %1 that Keyward cannot read (HTTP %2). Is this the right API address?</source>
        <translation>Le serveur a envoyé %1 que Keyward ne sait pas lire (HTTP %2). S’agit-il de la bonne adresse d’API&#x202f;?</translation>
    </message>
    <message>
        <source>an identity without an id</source>
        <translation>une identité sans ID</translation>
    </message>
    <message>
        <source>more audit events than asked for</source>
        <translation>plus d’événements d’audit que demandé</translation>
    </message>
    <message>
        <source>an audit event without its id, time, action or hashes</source>
        <translation>un événement d’audit sans son ID, son horodatage, son action ou ses hachages</translation>
    </message>
    <message>
        <source>a page of audit events whose cursor is not an event id</source>
        <translation>une page d’événements d’audit dont le curseur n’est pas un ID d’événement</translation>
    </message>
    <message>
        <source>an audit histogram without buckets</source>
        <translation>un histogramme d’audit sans intervalles</translation>
    </message>
    <message>
        <source>an audit histogram with an unknown bucket size</source>
        <translation>un histogramme d’audit avec une taille d’intervalle inconnue</translation>
    </message>
    <message>
        <source>an audit histogram with a malformed bucket</source>
        <translation>un histogramme d’audit avec un intervalle mal formé</translation>
    </message>
    <message>
        <source>a denied-requests summary without groups</source>
        <translation>un résumé des requêtes refusées sans groupes</translation>
    </message>
    <message>
        <source>a denied-requests summary with a malformed group</source>
        <translation>un résumé des requêtes refusées avec un groupe mal formé</translation>
    </message>
    <message>
        <source>a signed audit head that is incomplete</source>
        <translation>une tête de chaîne d’audit signée incomplète</translation>
    </message>
    <message>
        <source>a piece of the audit chain without data</source>
        <translation>un segment de la chaîne d’audit sans données</translation>
    </message>
    <message>
        <source>a piece of the audit chain without a cursor</source>
        <translation>un segment de la chaîne d’audit sans curseur</translation>
    </message>
    <message>
        <source>more of the audit chain than asked for</source>
        <translation>une plus grande partie de la chaîne d’audit que demandé</translation>
    </message>
    <message>
        <source>an entry of the audit chain without its id or hashes</source>
        <translation>une entrée de la chaîne d’audit sans son ID ou ses hachages</translation>
    </message>
    <message>
        <source>a key without an id</source>
        <translation>une clé sans ID</translation>
    </message>
    <message>
        <source>a new key without its secret</source>
        <translation>une nouvelle clé sans son secret</translation>
    </message>
    <message>
        <source>a publishable key without an id or value</source>
        <translation>une clé publiable sans ID ou sans valeur</translation>
    </message>
    <message>
        <source>a list of publishable keys that does not end</source>
        <translation>une liste de clés publiables sans fin</translation>
    </message>
    <message>
        <source>a new publishable key without an id or value</source>
        <translation>une nouvelle clé publiable sans ID ou sans valeur</translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <source>Keyward: the desktop console for API keys.</source>
        <translation>Keyward&#xa0;: la console de bureau pour les clés API.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Afficher cette aide et quitter.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Afficher la version et quitter.</translation>
    </message>
    <message>
        <source>Start a local keyward-server with demo data and sign in to it.</source>
        <translation>Démarrer un keyward-server local avec des données de démonstration et s’y connecter.</translation>
    </message>
    <message>
        <source>Use the saved profile &lt;name&gt;.</source>
        <translation>Utiliser le profil enregistré &lt;nom&gt;.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Use the API at &lt;url&gt; for this run only.</source>
        <translation>Utiliser l’API à l’adresse &lt;url&gt; pour cette exécution uniquement.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Sign in at the OAuth/OpenID Connect issuer &lt;url&gt; (default: the API URL).</source>
        <translation>Se connecter auprès de l’émetteur OAuth/OpenID Connect &lt;url&gt; (par défaut&#xa0;: l’URL de l’API).</translation>
    </message>
    <message>
        <source>OAuth client id for --api (default: keyward-desktop).</source>
        <translation>ID client OAuth pour --api (par défaut&#xa0;: keyward-desktop).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>OAuth scopes for --api (default: keys).</source>
        <translation>Étendues (scopes) OAuth pour --api (par défaut&#xa0;: keys).</translation>
    </message>
    <message>
        <source>scopes</source>
        <translation>étendues</translation>
    </message>
    <message>
        <source>Start the browser sign-in at launch.</source>
        <translation>Lancer la connexion dans le navigateur au démarrage.</translation>
    </message>
    <message>
        <source>Use the language &lt;code&gt; (e.g. de, fr) instead of the system&apos;s.</source>
        <translation>Utiliser la langue &lt;code&gt; (p. ex. de, fr) au lieu de celle du système.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>%1: %2
Try &apos;%1 --help&apos; for more information.</source>
        <translation>%1&#xa0;: %2
Saisissez «&#xa0;%1 --help&#xa0;» pour plus d’informations.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>argument inattendu «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--issuer, --client-id and --scopes need --api</source>
        <translation>--issuer, --client-id et --scopes nécessitent --api</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Ligne de commande</translation>
    </message>
    <message>
        <source>unknown language &apos;%1&apos;</source>
        <translation>langue inconnue «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>--sandbox cannot be combined with --profile, --api, --issuer, --client-id or --scopes</source>
        <translation>--sandbox ne peut pas être combiné avec --profile, --api, --issuer, --client-id ou --scopes</translation>
    </message>
    <message>
        <source>--profile cannot be combined with --api, --issuer, --client-id or --scopes</source>
        <translation>--profile ne peut pas être combiné avec --api, --issuer, --client-id ou --scopes</translation>
    </message>
</context>
<context>
    <name>AuditEventFormat</name>
    <message>
        <source>denied</source>
        <translation>accès refusé</translation>
    </message>
    <message>
        <source>denied: revoked key used</source>
        <translation>accès refusé&#xa0;: clé révoquée utilisée</translation>
    </message>
    <message>
        <source>denied: expired key used</source>
        <translation>accès refusé&#xa0;: clé expirée utilisée</translation>
    </message>
    <message>
        <source>denied: deleted key used</source>
        <translation>accès refusé&#xa0;: clé supprimée utilisée</translation>
    </message>
    <message>
        <source>denied: unknown key</source>
        <translation>accès refusé&#xa0;: clé inconnue</translation>
    </message>
    <message>
        <source>denied: unknown, revoked or deleted key</source>
        <translation>accès refusé&#xa0;: clé inconnue, révoquée ou supprimée</translation>
    </message>
    <message>
        <source>denied: malformed key</source>
        <translation>accès refusé&#xa0;: clé mal formée</translation>
    </message>
    <message>
        <source>denied: no credentials</source>
        <translation>accès refusé&#xa0;: aucun identifiant</translation>
    </message>
    <message>
        <source>denied: malformed Authorization header</source>
        <translation>accès refusé&#xa0;: en-tête Authorization mal formé</translation>
    </message>
    <message>
        <source>denied: missing permission %1</source>
        <translation>accès refusé&#xa0;: autorisation %1 manquante</translation>
    </message>
    <message>
        <source>denied: %1</source>
        <translation>accès refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>created key</source>
        <translation>clé créée</translation>
    </message>
    <message>
        <source>created key (rotation)</source>
        <translation>clé créée (rotation)</translation>
    </message>
    <message>
        <source>updated key</source>
        <translation>clé modifiée</translation>
    </message>
    <message>
        <source>revoked key</source>
        <translation>clé révoquée</translation>
    </message>
    <message>
        <source>deleted key</source>
        <translation>clé supprimée</translation>
    </message>
    <message>
        <source>key expired</source>
        <translation>clé expirée</translation>
    </message>
    <message>
        <source>rotated key</source>
        <translation>rotation de la clé</translation>
    </message>
    <message>
        <source>created publishable key</source>
        <translation>clé publiable créée</translation>
    </message>
    <message>
        <source>deleted publishable key</source>
        <translation>clé publiable supprimée</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>connexion</translation>
    </message>
    <message>
        <source>sign-in failed</source>
        <translation>échec de connexion</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>déconnexion</translation>
    </message>
    <message>
        <source>added user</source>
        <translation>utilisateur ajouté</translation>
    </message>
    <message>
        <source>disabled user</source>
        <translation>utilisateur désactivé</translation>
    </message>
    <message>
        <source>enabled user</source>
        <translation>utilisateur activé</translation>
    </message>
    <message>
        <source>changed role</source>
        <translation>rôle modifié</translation>
    </message>
    <message>
        <source>set up two-step sign-in</source>
        <translation>validation en deux étapes configurée</translation>
    </message>
    <message>
        <source>reset two-step sign-in</source>
        <translation>validation en deux étapes réinitialisée</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>clé %1</translation>
    </message>
    <message>
        <source>anonymous client</source>
        <translation>client anonyme</translation>
    </message>
    <message>
        <source>Keyward server</source>
        <translation>serveur Keyward</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>session %1</source>
        <translation>session %1</translation>
    </message>
    <message>
        <source>any secret key change</source>
        <translation>toute modification de clé secrète</translation>
    </message>
    <message>
        <source>any publishable key change</source>
        <translation>toute modification de clé publiable</translation>
    </message>
    <message>
        <source>any sign-in or denial</source>
        <translation>toute connexion ou tout refus</translation>
    </message>
    <message>
        <source>denied request</source>
        <translation>requête refusée</translation>
    </message>
    <message>
        <source>any user change</source>
        <translation>toute modification d’utilisateur</translation>
    </message>
    <message>
        <source>denied: not a member of the organization</source>
        <translation>accès refusé&#xa0;: non membre de l’organisation</translation>
    </message>
    <message>
        <source>changed organization settings</source>
        <translation>paramètres de l’organisation modifiés</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>organisation</translation>
    </message>
</context>
<context>
    <name>AuditVerification</name>
    <message numerus="yes">
        <source>Verified: %n event(s), chain intact, head signed by the server.</source>
        <translation>
            <numerusform>Vérification réussie&#xa0;: %n événement, chaîne intacte, tête de chaîne signée par le serveur.</numerusform>
            <numerusform>Vérification réussie&#xa0;: %n événements, chaîne intacte, tête de chaîne signée par le serveur.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verified: %n event(s), each matching its hash; the chain between them is not checked yet.</source>
        <translation>
            <numerusform>Vérification réussie&#xa0;: %n événement, conforme à son hachage&#x202f;; son lien dans la chaîne n’est pas encore vérifié.</numerusform>
            <numerusform>Vérification réussie&#xa0;: %n événements, chacun conforme à son hachage&#x202f;; la chaîne qui les relie n’est pas encore vérifiée.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verified: %n event(s), each matching its hash and linked to the one before; not yet checked against the signed head.</source>
        <translation>
            <numerusform>Vérification réussie&#xa0;: %n événement, conforme à son hachage et relié au précédent&#x202f;; pas encore comparé à la tête de chaîne signée.</numerusform>
            <numerusform>Vérification réussie&#xa0;: %n événements, chacun conforme à son hachage et relié au précédent&#x202f;; pas encore comparés à la tête de chaîne signée.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verification failed at %1: %2</source>
        <translation>Échec de la vérification à %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Verification failed: %1</source>
        <translation>Échec de la vérification&#xa0;: %1</translation>
    </message>
    <message>
        <source>Verification could not finish: %1</source>
        <translation>La vérification n’a pas pu aboutir&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Verification cancelled after %n event(s).</source>
        <translation>
            <numerusform>Vérification annulée après %n événement.</numerusform>
            <numerusform>Vérification annulée après %n événements.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChainLinker</name>
    <message>
        <source>the chain holds an entry without an event id where %1 should be.</source>
        <translation>la chaîne contient une entrée sans ID d’événement à l’emplacement de %1.</translation>
    </message>
    <message>
        <source>the chain skips from %1 to %2: events are missing or out of order.</source>
        <translation>la chaîne saute de %1 à %2&#xa0;: des événements manquent ou ne sont pas dans l’ordre.</translation>
    </message>
    <message>
        <source>it comes again after %1: the chain is out of order.</source>
        <translation>cet événement réapparaît après %1&#xa0;: la chaîne n’est pas dans l’ordre.</translation>
    </message>
    <message>
        <source>its prev_hash is not the genesis hash: the log does not start here.</source>
        <translation>son prev_hash n’est pas le hachage de genèse&#xa0;: le journal ne commence pas ici.</translation>
    </message>
    <message>
        <source>its prev_hash is not the hash of %1: an event before it was removed, inserted or reordered.</source>
        <translation>son prev_hash n’est pas le hachage de %1&#xa0;: un événement antérieur a été supprimé, inséré ou déplacé.</translation>
    </message>
    <message>
        <source>it is a redacted entry without a valid hash.</source>
        <translation>il s’agit d’une entrée caviardée sans hachage valide.</translation>
    </message>
    <message>
        <source>it is a redacted entry that carries content which cannot be verified.</source>
        <translation>il s’agit d’une entrée caviardée qui comporte un contenu invérifiable.</translation>
    </message>
    <message>
        <source>its content does not match its hash: the event was altered.</source>
        <translation>son contenu ne correspond pas à son hachage&#xa0;: l’événement a été modifié.</translation>
    </message>
    <message>
        <source>its content as listed does not match its hash: the event was altered.</source>
        <translation>son contenu tel que listé ne correspond pas à son hachage&#xa0;: l’événement a été modifié.</translation>
    </message>
    <message>
        <source>the list shows another version of this event than the chain holds.</source>
        <translation>la liste affiche une autre version de cet événement que celle de la chaîne.</translation>
    </message>
    <message>
        <source>the chain holds this event, but the list left it out.</source>
        <translation>la chaîne contient cet événement, mais la liste l’a omis.</translation>
    </message>
    <message>
        <source>the list holds an entry without an event id.</source>
        <translation>la liste contient une entrée sans ID d’événement.</translation>
    </message>
    <message>
        <source>it is listed after %1: the list is out of order.</source>
        <translation>cet événement est listé après %1&#xa0;: la liste n’est pas dans l’ordre.</translation>
    </message>
    <message>
        <source>the list shows this event, but the chain says it belongs to another organization.</source>
        <translation>la liste affiche cet événement, mais la chaîne indique qu’il appartient à une autre organisation.</translation>
    </message>
</context>
<context>
    <name>HeadVerifier</name>
    <message>
        <source>The signature is not a compact JWS.</source>
        <translation>La signature n’est pas un JWS compact.</translation>
    </message>
    <message>
        <source>The signature is not valid base64url.</source>
        <translation>La signature n’est pas en base64url valide.</translation>
    </message>
    <message>
        <source>The signature&apos;s header is not a JSON object.</source>
        <translation>L’en-tête de la signature n’est pas un objet JSON.</translation>
    </message>
    <message>
        <source>The head is signed with %1, not ES256.</source>
        <translation>La tête de chaîne est signée avec %1, et non avec ES256.</translation>
    </message>
    <message>
        <source>no algorithm</source>
        <translation>aucun algorithme</translation>
    </message>
    <message>
        <source>The head is signed by key %1 but comes with key %2.</source>
        <translation>La tête de chaîne est signée par la clé %1 mais accompagnée de la clé %2.</translation>
    </message>
    <message>
        <source>The head&apos;s public key is not an EC P-256 key.</source>
        <translation>La clé publique de la tête de chaîne n’est pas une clé EC P-256.</translation>
    </message>
    <message>
        <source>The head&apos;s public key is not a point on the P-256 curve.</source>
        <translation>La clé publique de la tête de chaîne n’est pas un point de la courbe P-256.</translation>
    </message>
    <message>
        <source>The head&apos;s signature is not a 64-byte ES256 signature.</source>
        <translation>La signature de la tête de chaîne n’est pas une signature ES256 de 64 octets.</translation>
    </message>
    <message>
        <source>The head&apos;s signature does not verify with its public key.</source>
        <translation>La signature de la tête de chaîne ne se vérifie pas avec sa clé publique.</translation>
    </message>
    <message>
        <source>The signed payload is not a JSON object.</source>
        <translation>La charge utile signée n’est pas un objet JSON.</translation>
    </message>
    <message>
        <source>The signed head says something else than the head it came with.</source>
        <translation>La tête de chaîne signée ne correspond pas à la tête de chaîne qui l’accompagne.</translation>
    </message>
    <message>
        <source>The head is signed by a key this profile has not seen before (%1); the recorded key is %2.</source>
        <translation>La tête de chaîne est signée par une clé que ce profil n’a jamais vue (%1)&#x202f;; la clé enregistrée est %2.</translation>
    </message>
</context>
<context>
    <name>PermissionCatalog</name>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Charges taken from customers.</source>
        <translation>Sommes prélevées auprès des clients.</translation>
    </message>
    <message>
        <source>List and view payments.</source>
        <translation>Lister et consulter les paiements.</translation>
    </message>
    <message>
        <source>Create payments.</source>
        <translation>Créer des paiements.</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>The people and companies you bill.</source>
        <translation>Les personnes et entreprises que vous facturez.</translation>
    </message>
    <message>
        <source>List and view customers.</source>
        <translation>Lister et consulter les clients.</translation>
    </message>
    <message>
        <source>Create, change and remove customers.</source>
        <translation>Créer, modifier et supprimer des clients.</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <source>Money returned to customers.</source>
        <translation>Sommes rendues aux clients.</translation>
    </message>
    <message>
        <source>List and view refunds.</source>
        <translation>Lister et consulter les remboursements.</translation>
    </message>
    <message>
        <source>Issue refunds.</source>
        <translation>Effectuer des remboursements.</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Endpoints that receive event notifications.</source>
        <translation>Points de terminaison qui reçoivent les notifications d’événements.</translation>
    </message>
    <message>
        <source>List webhook endpoints and deliveries.</source>
        <translation>Lister les points de terminaison webhook et leurs envois.</translation>
    </message>
    <message>
        <source>Add, change and remove webhook endpoints.</source>
        <translation>Ajouter, modifier et supprimer des points de terminaison webhook.</translation>
    </message>
    <message>
        <source>Secret keys</source>
        <translation>Clés secrètes</translation>
    </message>
    <message>
        <source>The organisation&apos;s secret API keys (always shown masked).</source>
        <translation>Les clés API secrètes de l’organisation (toujours affichées masquées).</translation>
    </message>
    <message>
        <source>List secret keys, masked, with their last use.</source>
        <translation>Lister les clés secrètes, masquées, avec leur dernière utilisation.</translation>
    </message>
    <message>
        <source>Create, change, revoke and delete secret keys.</source>
        <translation>Créer, modifier, révoquer et supprimer des clés secrètes.</translation>
    </message>
    <message>
        <source>Publishable keys</source>
        <translation>Clés publiables</translation>
    </message>
    <message>
        <source>Public keys for client-side code.</source>
        <translation>Clés publiques pour le code côté client.</translation>
    </message>
    <message>
        <source>List publishable keys.</source>
        <translation>Lister les clés publiables.</translation>
    </message>
    <message>
        <source>Create and delete publishable keys.</source>
        <translation>Créer et supprimer des clés publiables.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>The tamper-evident record of who did what.</source>
        <translation>L’enregistrement infalsifiable de qui a fait quoi.</translation>
    </message>
    <message>
        <source>Read audit events and the signed chain head.</source>
        <translation>Lire les événements d’audit et la tête de chaîne signée.</translation>
    </message>
    <message>
        <source>Reserved: the audit log is append-only; nothing can change it.</source>
        <translation>Réservé&#xa0;: le journal d’audit n’accepte que des ajouts&#x202f;; rien ne peut le modifier.</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>Give the profile a name.</source>
        <translation>Donnez un nom au profil.</translation>
    </message>
    <message>
        <source>The profile name is longer than 80 characters.</source>
        <translation>Le nom du profil dépasse 80 caractères.</translation>
    </message>
    <message>
        <source>The API URL must be an http:// or https:// address.</source>
        <translation>L’URL de l’API doit être une adresse http:// ou https://.</translation>
    </message>
    <message>
        <source>The issuer URL must be an http:// or https:// address.</source>
        <translation>L’URL de l’émetteur doit être une adresse http:// ou https://.</translation>
    </message>
    <message>
        <source>Use https:// for the API URL; plain http is only allowed on this computer (127.0.0.1).</source>
        <translation>Utilisez https:// pour l’URL de l’API&#x202f;; le http non chiffré n’est autorisé que sur cet ordinateur (127.0.0.1).</translation>
    </message>
    <message>
        <source>Use https:// for the issuer URL; plain http is only allowed on this computer (127.0.0.1).</source>
        <translation>Utilisez https:// pour l’URL de l’émetteur&#x202f;; le http non chiffré n’est autorisé que sur cet ordinateur (127.0.0.1).</translation>
    </message>
    <message>
        <source>Enter the client id registered with the sign-in server.</source>
        <translation>Saisissez l’ID client enregistré auprès du serveur de connexion.</translation>
    </message>
</context>
<context>
    <name>keyward::ApiClient</name>
    <message numerus="yes">
        <source>Rate limited by the server: retrying in %n second(s).</source>
        <translation>
            <numerusform>Débit limité par le serveur&#xa0;: nouvelle tentative dans %n seconde.</numerusform>
            <numerusform>Débit limité par le serveur&#xa0;: nouvelle tentative dans %n secondes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>keyward::AuditEventDetails</name>
    <message>
        <source>Not recorded</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>Détails de l’événement</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Action name</source>
        <translation>Nom de l’action</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Intégrité</translation>
    </message>
    <message>
        <source>What was refused</source>
        <translation>Ce qui a été refusé</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>How long ago</source>
        <translation>Temps écoulé</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Date&#xa0;:</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <source>Actor type and id</source>
        <translation>Type et ID de l’acteur</translation>
    </message>
    <message>
        <source>Actor:</source>
        <translation>Acteur&#xa0;:</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Target type and id</source>
        <translation>Type et ID de la cible</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Cible&#xa0;:</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Adresse IP</translation>
    </message>
    <message>
        <source>IP address:</source>
        <translation>Adresse IP&#xa0;:</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>Agent utilisateur</translation>
    </message>
    <message>
        <source>User agent:</source>
        <translation>Agent utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>ID de requête</translation>
    </message>
    <message>
        <source>Copy the request id</source>
        <translation>Copier l’ID de requête</translation>
    </message>
    <message>
        <source>Request ID:</source>
        <translation>ID de requête&#xa0;:</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>ID d’événement</translation>
    </message>
    <message>
        <source>Event ID:</source>
        <translation>ID d’événement&#xa0;:</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hachage</translation>
    </message>
    <message>
        <source>Copy the full hash</source>
        <translation>Copier le hachage complet</translation>
    </message>
    <message>
        <source>Hash:</source>
        <translation>Hachage&#xa0;:</translation>
    </message>
    <message>
        <source>Copy feedback</source>
        <translation>Confirmation de copie</translation>
    </message>
    <message>
        <source>Show all events of this key</source>
        <translation>Afficher tous les événements de cette clé</translation>
    </message>
    <message>
        <source>Show all events by this actor</source>
        <translation>Afficher tous les événements de cet acteur</translation>
    </message>
    <message>
        <source>Show the key in the keys list</source>
        <translation>Afficher la clé dans la liste des clés</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>No details.</source>
        <translation>Aucun détail.</translation>
    </message>
    <message>
        <source>Details as JSON</source>
        <translation>Détails au format JSON</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) selected.</source>
        <translation>
            <numerusform>%n événement sélectionné.</numerusform>
            <numerusform>%n événements sélectionnés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an event to see its details.</source>
        <translation>Sélectionnez un événement pour en voir les détails.</translation>
    </message>
    <message>
        <source>Loading the event…</source>
        <translation>Chargement de l’événement…</translation>
    </message>
    <message>
        <source>The event could not be loaded.</source>
        <translation>Impossible de charger l’événement.</translation>
    </message>
    <message>
        <source>The event could not be loaded: %1</source>
        <translation>Impossible de charger l’événement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Unknown action</source>
        <translation>Action inconnue</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Hash: %1</source>
        <translation>Hachage&#xa0;: %1</translation>
    </message>
    <message>
        <source>Previous event&apos;s hash: %1</source>
        <translation>Hachage de l’événement précédent&#xa0;: %1</translation>
    </message>
    <message>
        <source>This event carries no hash to check its content against.</source>
        <translation>Cet événement ne comporte aucun hachage permettant de vérifier son contenu.</translation>
    </message>
    <message>
        <source>Content matches its hash</source>
        <translation>Contenu conforme à son hachage</translation>
    </message>
    <message>
        <source>Content does not match its hash: this event was altered</source>
        <translation>Contenu non conforme à son hachage&#xa0;: cet événement a été modifié</translation>
    </message>
    <message>
        <source>The event&apos;s content, hashed with the previous event&apos;s hash, is compared with the hash the chain holds for it.</source>
        <translation>Le contenu de l’événement, haché avec le hachage de l’événement précédent, est comparé au hachage que la chaîne contient pour cet événement.</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>A request with a revoked key was refused (%1). Repeated attempts from the same address suggest the key leaked.</source>
        <translation>Une requête avec une clé révoquée a été refusée (%1). Des tentatives répétées depuis la même adresse laissent penser que la clé a fuité.</translation>
    </message>
    <message>
        <source>A request with a deleted key was refused (%1). Repeated attempts from the same address suggest the key leaked.</source>
        <translation>Une requête avec une clé supprimée a été refusée (%1). Des tentatives répétées depuis la même adresse laissent penser que la clé a fuité.</translation>
    </message>
    <message>
        <source>A request with an expired key was refused (%1). Whatever still sends it needs a current key.</source>
        <translation>Une requête avec une clé expirée a été refusée (%1). Tout ce qui l’envoie encore doit recevoir une clé valide.</translation>
    </message>
    <message>
        <source>A request with a key this server does not know was refused (%1). Many such attempts from one address are someone guessing keys.</source>
        <translation>Une requête avec une clé inconnue de ce serveur a été refusée (%1). De nombreuses tentatives de ce type depuis une même adresse indiquent que quelqu’un essaie de deviner des clés.</translation>
    </message>
    <message>
        <source>A request with an unknown, revoked or deleted key was refused (%1). Repeated attempts from the same address suggest a leaked key or someone guessing keys.</source>
        <translation>Une requête avec une clé inconnue, révoquée ou supprimée a été refusée (%1). Des tentatives répétées depuis la même adresse laissent penser à une clé divulguée ou à quelqu’un qui essaie de deviner des clés.</translation>
    </message>
    <message>
        <source>A request with a credential that is not a Keyward key was refused (%1). This is usually a scanner or a misconfigured client.</source>
        <translation>Une requête avec un identifiant qui n’est pas une clé Keyward a été refusée (%1). Il s’agit généralement d’un scanner ou d’un client mal configuré.</translation>
    </message>
    <message>
        <source>A request without credentials was refused (%1). This is usually a scanner, or a client that lost its key.</source>
        <translation>Une requête sans identifiants a été refusée (%1). Il s’agit généralement d’un scanner, ou d’un client qui a perdu sa clé.</translation>
    </message>
    <message>
        <source>A request whose Authorization header was not &quot;Bearer &lt;key&gt;&quot; was refused (%1). The client is misconfigured.</source>
        <translation>Une requête dont l’en-tête Authorization n’était pas &quot;Bearer &lt;key&gt;&quot; a été refusée (%1). Le client est mal configuré.</translation>
    </message>
    <message>
        <source>The key lacks the %1 permission, so its request was refused (%2). Grant it if the key needs it; otherwise find out why the key asks.</source>
        <translation>La clé ne dispose pas de l’autorisation %1, sa requête a donc été refusée (%2). Accordez-la si la clé en a besoin&#x202f;; sinon, cherchez pourquoi la clé la demande.</translation>
    </message>
    <message>
        <source>The caller&apos;s role does not include the %1 permission, so the request was refused (%2).</source>
        <translation>Le rôle de l’appelant n’inclut pas l’autorisation %1, la requête a donc été refusée (%2).</translation>
    </message>
    <message>
        <source>A request from a disabled user was refused (%1).</source>
        <translation>Une requête d’un utilisateur désactivé a été refusée (%1).</translation>
    </message>
    <message>
        <source>A request from a session that was signed out was refused (%1). A token kept after signing out is being used.</source>
        <translation>Une requête d’une session déconnectée a été refusée (%1). Un jeton conservé après la déconnexion est en cours d’utilisation.</translation>
    </message>
    <message>
        <source>A request was refused (%1).</source>
        <translation>Une requête a été refusée (%1).</translation>
    </message>
    <message>
        <source>A request was refused (%1): %2.</source>
        <translation>Une requête a été refusée (%1)&#xa0;: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Before it, %n more refused request(s) from the same address were counted but not recorded one by one.</source>
        <translation>
            <numerusform>Auparavant, %n autre requête refusée depuis la même adresse a été comptée, mais pas enregistrée individuellement.</numerusform>
            <numerusform>Auparavant, %n autres requêtes refusées depuis la même adresse ont été comptées, mais pas enregistrées une par une.</numerusform>
        </translation>
    </message>
    <message>
        <source>Another organization&apos;s event: only its place in the chain can be checked.</source>
        <translation>Événement d’une autre organisation&#xa0;: seule sa place dans la chaîne peut être vérifiée.</translation>
    </message>
    <message>
        <source>Someone who is not a member of the organization signed in; their request was refused (%1).</source>
        <translation>Une personne qui n’est pas membre de l’organisation s’est connectée&#x202f;; sa requête a été refusée (%1).</translation>
    </message>
</context>
<context>
    <name>keyward::AuditExport</name>
    <message>
        <source>An export is already running.</source>
        <translation>Un export est déjà en cours.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
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
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>Adresse IP</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>Agent utilisateur</translation>
    </message>
    <message>
        <source>The server&apos;s list of audit events does not move on past %1.</source>
        <translation>La liste des événements d’audit du serveur ne progresse pas au-delà de %1.</translation>
    </message>
    <message>
        <source>The server no longer lists %1.</source>
        <translation>Le serveur ne liste plus %1.</translation>
    </message>
</context>
<context>
    <name>keyward::AuditLogPage</name>
    <message>
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <source>Key changes</source>
        <translation>Modifications de clés</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Denied requests</source>
        <translation>Requêtes refusées</translation>
    </message>
    <message>
        <source>People and settings</source>
        <translation>Utilisateurs et paramètres</translation>
    </message>
    <message>
        <source>altered · %1</source>
        <translation>modifié · %1</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>&amp;Trust the new signing key</source>
        <translation>&amp;Faire confiance à la nouvelle clé de signature</translation>
    </message>
    <message>
        <source>Only if the server&apos;s signing key was replaced on purpose (keyward-server signing-key rotate)</source>
        <translation>Uniquement si la clé de signature du serveur a été remplacée volontairement (keyward-server signing-key rotate)</translation>
    </message>
    <message>
        <source>Check every event of the log against its hash chain and the server&apos;s signed head</source>
        <translation>Vérifier chaque événement du journal par rapport à sa chaîne de hachage et à la tête de chaîne signée par le serveur</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Write the events of the current filter to a CSV or JSON Lines file</source>
        <translation>Écrire les événements du filtre actuel dans un fichier CSV ou JSON Lines</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Événements d’audit</translation>
    </message>
    <message>
        <source>Kind of event</source>
        <translation>Type d’événement</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Depuis le début</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personnalisée…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Search actor, key, action or details</source>
        <translation>Rechercher un acteur, une clé, une action ou des détails</translation>
    </message>
    <message>
        <source>Search events</source>
        <translation>Rechercher des événements</translation>
    </message>
    <message>
        <source>key id, e.g. key_…</source>
        <translation>ID de clé, p. ex. key_…</translation>
    </message>
    <message>
        <source>&amp;Actor:</source>
        <translation>&amp;Acteur&#xa0;:</translation>
    </message>
    <message>
        <source>user or key id</source>
        <translation>ID d’utilisateur ou de clé</translation>
    </message>
    <message>
        <source>&amp;IP:</source>
        <translation>I&amp;P&#xa0;:</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>&amp;Effacer les filtres</translation>
    </message>
    <message>
        <source>Loading events…</source>
        <translation>Chargement des événements…</translation>
    </message>
    <message>
        <source>The summary of denied requests could not be loaded: %1</source>
        <translation>Impossible de charger le résumé des requêtes refusées&#xa0;: %1</translation>
    </message>
    <message>
        <source>The timeline could not be loaded: %1</source>
        <translation>Impossible de charger la chronologie&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Verifying %n event(s) against the hash chain…</source>
        <translation>
            <numerusform>Vérification de %n événement par rapport à la chaîne de hachage…</numerusform>
            <numerusform>Vérification de %n événements par rapport à la chaîne de hachage…</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying the entire log…</source>
        <translation>Vérification de tout le journal…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Verification of the entire log cancelled.</source>
        <translation>Vérification de tout le journal annulée.</translation>
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
        <translation>Exporter les événements d’audit</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 événements</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1.</source>
        <translation>
            <numerusform>%n événement exporté vers %1.</numerusform>
            <numerusform>%n événements exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export annulé&#x202f;; aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l’export&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sign in to see the audit log.</source>
        <translation>Connectez-vous pour voir le journal d’audit.</translation>
    </message>
    <message>
        <source>The events could not be loaded: %1</source>
        <translation>Impossible de charger les événements&#xa0;: %1</translation>
    </message>
    <message>
        <source>No events match this filter.</source>
        <translation>Aucun événement ne correspond à ce filtre.</translation>
    </message>
    <message>
        <source>No events to verify in this view.</source>
        <translation>Aucun événement à vérifier dans cette vue.</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Ve&amp;rify entire log</source>
        <translation>&amp;Vérifier tout le journal</translation>
    </message>
    <message>
        <source>Reload the events</source>
        <translation>Recharger les événements</translation>
    </message>
    <message>
        <source>Ke&amp;y:</source>
        <translation>C&amp;lé&#xa0;:</translation>
    </message>
    <message>
        <source>Check passed: %1</source>
        <translation>Vérification réussie&#xa0;: %1</translation>
    </message>
    <message>
        <source>Check failed: %1</source>
        <translation>Échec de la vérification&#xa0;: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>keyward::AuditTimeline</name>
    <message>
        <source>Event timeline</source>
        <translation>Chronologie des événements</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Clés</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Refus</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
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
        <translation>%1&#xa0;: aucun événement</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln événement</numerusform>
            <numerusform>%Ln événements</numerusform>
        </translation>
    </message>
    <message>
        <source>keys %1</source>
        <translation>clés %1</translation>
    </message>
    <message>
        <source>sign-ins %1</source>
        <translation>connexions %1</translation>
    </message>
    <message>
        <source>denied %1</source>
        <translation>refus %1</translation>
    </message>
    <message>
        <source>other %1</source>
        <translation>autres %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Event timeline unavailable: %1</source>
        <translation>Chronologie des événements indisponible&#xa0;: %1</translation>
    </message>
    <message>
        <source>Loading events.</source>
        <translation>Chargement des événements.</translation>
    </message>
    <message>
        <source>No events shown.</source>
        <translation>Aucun événement affiché.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s)</source>
        <translation>
            <numerusform>%Ln heure</numerusform>
            <numerusform>%Ln heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln jour</numerusform>
            <numerusform>%Ln jours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, no events</source>
        <translation>%1, aucun événement</translation>
    </message>
    <message>
        <source>%1, %2, most at %3</source>
        <translation>%1, %2, pic&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, %2, most on %3</source>
        <translation>%1, %2, pic&#xa0;: %3</translation>
    </message>
    <message>
        <source>Loading events…</source>
        <translation>Chargement des événements…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>No events in this period</source>
        <translation>Aucun événement sur cette période</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>par heure</translation>
    </message>
    <message numerus="yes">
        <source>per %n hour(s)</source>
        <translation>
            <numerusform>par tranche de %n heure</numerusform>
            <numerusform>par tranche de %n heures</numerusform>
        </translation>
    </message>
    <message>
        <source>per day</source>
        <translation>par jour</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>par semaine</translation>
    </message>
    <message numerus="yes">
        <source>per %n day(s)</source>
        <translation>
            <numerusform>par tranche de %n jour</numerusform>
            <numerusform>par tranche de %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>time range filter %1 to %2</source>
        <translation>filtre de période du %1 au %2</translation>
    </message>
    <message>
        <source>marked %1</source>
        <translation>sélection&#xa0;: %1</translation>
    </message>
    <message>
        <source>bar %1</source>
        <translation>barre %1</translation>
    </message>
    <message>
        <source>under the pointer %1</source>
        <translation>sous le pointeur&#xa0;: %1</translation>
    </message>
    <message>
        <source>the arrow keys move from bar to bar</source>
        <translation>les touches fléchées passent d’une barre à l’autre</translation>
    </message>
</context>
<context>
    <name>keyward::AuthService</name>
    <message>
        <source>No answer came back from the browser in time. Start the sign-in again.</source>
        <translation>Aucune réponse n’est revenue du navigateur à temps. Relancez la connexion.</translation>
    </message>
    <message>
        <source>sign-in settings</source>
        <translation>des paramètres de connexion</translation>
    </message>
    <message>
        <source>Could not read the sign-in settings of %1: %2</source>
        <translation>Impossible de lire les paramètres de connexion de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>the server calls itself “%1”, not “%2”</source>
        <translation>le serveur se présente comme «&#xa0;%1&#xa0;» et non «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <source>it names no authorization or token endpoint</source>
        <translation>il n’indique aucun point de terminaison d’autorisation ou de jeton</translation>
    </message>
    <message>
        <source>it does not support PKCE with S256, which Keyward requires</source>
        <translation>il ne prend pas en charge PKCE avec S256, que Keyward exige</translation>
    </message>
    <message>
        <source>it names an endpoint without https://, where codes and tokens would travel in clear text</source>
        <translation>il indique un point de terminaison sans https://, par lequel les codes et les jetons circuleraient en clair</translation>
    </message>
    <message>
        <source>The sign-in server %1 cannot be used: %2.</source>
        <translation>Le serveur de connexion %1 ne peut pas être utilisé&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Keyward could not open a local port for the browser to return to: %1</source>
        <translation>Keyward n’a pas pu ouvrir de port local pour le retour du navigateur&#xa0;: %1</translation>
    </message>
    <message>
        <source>You can close this tab and return to Keyward.</source>
        <translation>Vous pouvez fermer cet onglet et revenir à Keyward.</translation>
    </message>
    <message>
        <source>Sign-in not expected</source>
        <translation>Connexion inattendue</translation>
    </message>
    <message>
        <source>Keyward is not waiting for a sign-in. %1</source>
        <translation>Keyward n’attend aucune connexion. %1</translation>
    </message>
    <message>
        <source>The browser returned an answer that does not belong to this sign-in (the state did not match), so Keyward stopped for safety. Sign in again.</source>
        <translation>Le navigateur a renvoyé une réponse qui n’appartient pas à cette connexion (le paramètre state ne correspondait pas)&#xa0;: Keyward s’est arrêté par sécurité. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>Sign-in stopped</source>
        <translation>Connexion interrompue</translation>
    </message>
    <message>
        <source>This answer does not belong to the sign-in Keyward started. %1</source>
        <translation>Cette réponse n’appartient pas à la connexion lancée par Keyward. %1</translation>
    </message>
    <message>
        <source>The sign-in answer came from “%1” instead of “%2”, so Keyward stopped for safety.</source>
        <translation>La réponse de connexion provient de «&#xa0;%1&#xa0;» au lieu de «&#xa0;%2&#xa0;»&#xa0;: Keyward s’est arrêté par sécurité.</translation>
    </message>
    <message>
        <source>an unnamed server</source>
        <translation>un serveur sans nom</translation>
    </message>
    <message>
        <source>The answer came from an unexpected server. %1</source>
        <translation>La réponse provient d’un serveur inattendu. %1</translation>
    </message>
    <message>
        <source>The sign-in was cancelled or refused in the browser.</source>
        <translation>La connexion a été annulée ou refusée dans le navigateur.</translation>
    </message>
    <message>
        <source>The sign-in server reported an error: %1</source>
        <translation>Le serveur de connexion a signalé une erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sign-in did not complete</source>
        <translation>La connexion n’a pas abouti</translation>
    </message>
    <message>
        <source>The browser returned without an authorization code. Sign in again.</source>
        <translation>Le navigateur est revenu sans code d’autorisation. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>Signed in to Keyward</source>
        <translation>Connecté à Keyward</translation>
    </message>
    <message>
        <source>The sign-in server did not accept the sign-in</source>
        <translation>Le serveur de connexion n’a pas accepté la connexion</translation>
    </message>
    <message>
        <source>The sign-in server answered with unusable tokens: %1</source>
        <translation>Le serveur de connexion a répondu avec des jetons inutilisables&#xa0;: %1</translation>
    </message>
    <message>
        <source>a token answer</source>
        <translation>une réponse de jeton</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>no access token</source>
        <translation>aucun jeton d’accès</translation>
    </message>
    <message>
        <source>token type %1 instead of Bearer</source>
        <translation>type de jeton %1 au lieu de Bearer</translation>
    </message>
    <message>
        <source>Your session has ended</source>
        <translation>Votre session a pris fin</translation>
    </message>
    <message>
        <source>Sign in again.</source>
        <translation>Reconnectez-vous.</translation>
    </message>
    <message>
        <source>Sign in with the browser.</source>
        <translation>Connectez-vous avec le navigateur.</translation>
    </message>
    <message>
        <source>Your previous session could not be resumed: %1</source>
        <translation>Impossible de reprendre votre session précédente&#xa0;: %1</translation>
    </message>
    <message>
        <source>Your previous session has ended. Sign in again.</source>
        <translation>Votre session précédente a pris fin. Reconnectez-vous.</translation>
    </message>
</context>
<context>
    <name>keyward::ChainVerifier</name>
    <message>
        <source>the server&apos;s signed head does not verify. %1</source>
        <translation>la tête de chaîne signée par le serveur ne se vérifie pas. %1</translation>
    </message>
    <message>
        <source>it is newer than the newest event the server signed (%1).</source>
        <translation>cet événement est plus récent que le dernier événement signé par le serveur (%1).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>the log is empty but the signed head is not the genesis hash.</source>
        <translation>le journal est vide, mais la tête de chaîne signée n’est pas le hachage de genèse.</translation>
    </message>
    <message>
        <source>the chain reaches hash %1 here, but the server signed %2.</source>
        <translation>la chaîne atteint ici le hachage %1, mais le serveur a signé %2.</translation>
    </message>
    <message>
        <source>some events of the list are not in the chain.</source>
        <translation>certains événements de la liste ne figurent pas dans la chaîne.</translation>
    </message>
    <message>
        <source>the chain ends before it, short of the signed head %1.</source>
        <translation>la chaîne s’arrête avant cet événement, sans atteindre la tête de chaîne signée %1.</translation>
    </message>
</context>
<context>
    <name>keyward::CreateKeyDialog</name>
    <message>
        <source>New secret key</source>
        <translation>Nouvelle clé secrète</translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation>&amp;Créer la clé</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>Modifier «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Enregistrer les modifications</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
</context>
<context>
    <name>keyward::CreatePublishableKeyDialog</name>
    <message>
        <source>New publishable key</source>
        <translation>Nouvelle clé publiable</translation>
    </message>
    <message>
        <source>Anyone who loads your web page or app can read a publishable key, so it needs no secrecy. Say where it will be used, so the key can be recognized and deleted later.</source>
        <translation>Toute personne qui charge votre page web ou votre application peut lire une clé publiable&#xa0;: elle n’a donc rien de secret. Indiquez où elle sera utilisée, afin de pouvoir la reconnaître et la supprimer plus tard.</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
    <message>
        <source>Where is it used? For example: checkout page</source>
        <translation>Où est-elle utilisée&#x202f;? Par exemple&#xa0;: page de paiement</translation>
    </message>
    <message>
        <source>&amp;Create key</source>
        <translation>&amp;Créer la clé</translation>
    </message>
    <message>
        <source>Write a note that says where the key is used.</source>
        <translation>Rédigez une note indiquant où la clé est utilisée.</translation>
    </message>
    <message>
        <source>The note is %1 characters long; at most %2 fit.</source>
        <translation>La note fait %1 caractères&#x202f;; %2 au maximum sont autorisés.</translation>
    </message>
    <message>
        <source>The note cannot contain control characters such as tabs or line breaks.</source>
        <translation>La note ne peut pas contenir de caractères de contrôle tels que des tabulations ou des sauts de ligne.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 of at most %2 characters</source>
        <translation>%1 caractères sur %2 au maximum</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
</context>
<context>
    <name>keyward::DeniedSummaryView</name>
    <message>
        <source>Denied requests</source>
        <translation>Requêtes refusées</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Mise à jour…</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>et %n autre</numerusform>
            <numerusform>et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Show all denied requests (%1)</source>
        <translation>Afficher toutes les requêtes refusées (%1)</translation>
    </message>
    <message>
        <source>Show all denied requests</source>
        <translation>Afficher toutes les requêtes refusées</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>depuis %1</translation>
    </message>
    <message numerus="yes">
        <source>from %n addresses (%1)</source>
        <translation>
            <numerusform>depuis %n adresse (%1)</numerusform>
            <numerusform>depuis %n adresses (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Revoked key “%1” used %n time(s) %2, last %3</source>
        <translation>
            <numerusform>⚠ Clé révoquée «&#xa0;%1&#xa0;» utilisée %n fois %2, dernière fois %3</numerusform>
            <numerusform>⚠ Clé révoquée «&#xa0;%1&#xa0;» utilisée %n fois %2, dernière fois %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Expired key “%1” used %n time(s) %2, last %3</source>
        <translation>
            <numerusform>⚠ Clé expirée «&#xa0;%1&#xa0;» utilisée %n fois %2, dernière fois %3</numerusform>
            <numerusform>⚠ Clé expirée «&#xa0;%1&#xa0;» utilisée %n fois %2, dernière fois %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ Deleted key “%1” used %n time(s) %2, last %3</source>
        <translation>
            <numerusform>⚠ Clé supprimée «&#xa0;%1&#xa0;» utilisée %n fois %2, dernière fois %3</numerusform>
            <numerusform>⚠ Clé supprimée «&#xa0;%1&#xa0;» utilisée %n fois %2, dernière fois %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 for key “%2”: %n time(s) %3, last %4</source>
        <translation>
            <numerusform>%1 pour la clé «&#xa0;%2&#xa0;»&#xa0;: %n fois %3, dernière fois %4</numerusform>
            <numerusform>%1 pour la clé «&#xa0;%2&#xa0;»&#xa0;: %n fois %3, dernière fois %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n time(s) %2, last %3</source>
        <translation>
            <numerusform>%1&#xa0;: %n fois %2, dernière fois %3</numerusform>
            <numerusform>%1&#xa0;: %n fois %2, dernière fois %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n request(s)</source>
        <translation>
            <numerusform>%1&#xa0;: %n requête</numerusform>
            <numerusform>%1&#xa0;: %n requêtes</numerusform>
        </translation>
    </message>
    <message>
        <source>First %1, last %2</source>
        <translation>Première le %1, dernière le %2</translation>
    </message>
    <message>
        <source>Show these requests</source>
        <translation>Afficher ces requêtes</translation>
    </message>
    <message>
        <source>Open key</source>
        <translation>Ouvrir la clé</translation>
    </message>
    <message>
        <source>Denied requests could not be summarized: %1</source>
        <translation>Impossible de résumer les requêtes refusées&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>keyward::KeyCommands</name>
    <message>
        <source>&amp;New key…</source>
        <translation>&amp;Nouvelle clé…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <translation>Effectuer une r&amp;otation…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Ré&amp;voquer…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>S&amp;upprimer…</translation>
    </message>
    <message>
        <source>The key you signed in with</source>
        <translation>La clé avec laquelle vous êtes connecté</translation>
    </message>
    <message>
        <source>Your role (%1)</source>
        <translation>Votre rôle (%1)</translation>
    </message>
    <message>
        <source>Changing keys needs the owner or admin role.</source>
        <translation>La modification des clés nécessite le rôle de propriétaire ou d’administrateur.</translation>
    </message>
    <message>
        <source>A revoked key cannot be changed.</source>
        <translation>Une clé révoquée ne peut pas être modifiée.</translation>
    </message>
    <message>
        <source>A revoked key cannot be rotated.</source>
        <translation>Une clé révoquée ne peut pas faire l’objet d’une rotation.</translation>
    </message>
    <message>
        <source>Stop the selected keys now; they stay listed as revoked</source>
        <translation>Désactiver immédiatement les clés sélectionnées&#x202f;; elles restent listées comme révoquées</translation>
    </message>
    <message>
        <source>New secret key</source>
        <translation>Nouvelle clé secrète</translation>
    </message>
    <message>
        <source>Resume rotation</source>
        <translation>Reprendre la rotation</translation>
    </message>
    <message>
        <source>The server&apos;s first answer was lost on the way, so Keyward revoked the key it had created (%1): nobody saw its secret. This is a fresh key in its place.</source>
        <translation>La première réponse du serveur s’est perdue en route&#xa0;: Keyward a donc révoqué la clé qu’il avait créée (%1), dont personne n’a vu le secret. Voici une nouvelle clé à sa place.</translation>
    </message>
    <message>
        <source>Edit key</source>
        <translation>Modifier la clé</translation>
    </message>
    <message>
        <source>Rotate key</source>
        <translation>Rotation de la clé</translation>
    </message>
    <message>
        <source>“%1” was used %2 from %3: requests still using it will fail.</source>
        <translation>«&#xa0;%1&#xa0;» a été utilisée %2 depuis %3&#xa0;: les requêtes qui l’utilisent encore échoueront.</translation>
    </message>
    <message>
        <source>an unknown address</source>
        <translation>une adresse inconnue</translation>
    </message>
    <message>
        <source>Revoke keys</source>
        <translation>Révoquer des clés</translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n key(s) now? From this moment the server answers 401 to them; they stay listed as revoked.</source>
        <translation>
            <numerusform>Révoquer %n clé maintenant&#x202f;? Dès cet instant, le serveur répondra 401 aux requêtes qui l’utilisent&#x202f;; elle restera listée comme révoquée.</numerusform>
            <numerusform>Révoquer %n clés maintenant&#x202f;? Dès cet instant, le serveur répondra 401 aux requêtes qui les utilisent&#x202f;; elles resteront listées comme révoquées.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Révoquer</translation>
    </message>
    <message>
        <source>Revoke and re&amp;place…</source>
        <translation>Révoquer et rem&amp;placer…</translation>
    </message>
    <message>
        <source>Create a replacement with the same note and permissions, then revoke this key at once</source>
        <translation>Créer une clé de remplacement avec la même note et les mêmes autorisations, puis révoquer immédiatement cette clé</translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation>Supprimer la clé</translation>
    </message>
    <message>
        <source>Delete “%1” (%2)? It stops working and disappears from the list; the audit log keeps its history.</source>
        <translation>Supprimer «&#xa0;%1&#xa0;» (%2)&#x202f;? Elle cessera de fonctionner et disparaîtra de la liste&#x202f;; le journal d’audit conserve son historique.</translation>
    </message>
    <message>
        <source>It was last used %1.</source>
        <translation>Elle a été utilisée pour la dernière fois %1.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Create a secret key (%1)</source>
        <translation>Créer une clé secrète (%1)</translation>
    </message>
    <message>
        <source>Change the note, permissions or expiry (%1)</source>
        <translation>Modifier la note, les autorisations ou l’expiration (%1)</translation>
    </message>
    <message>
        <source>Replace the key without an outage (%1)</source>
        <translation>Remplacer la clé sans interruption de service (%1)</translation>
    </message>
    <message>
        <source>Delete the selected key (%1)</source>
        <translation>Supprimer la clé sélectionnée (%1)</translation>
    </message>
</context>
<context>
    <name>keyward::KeyDetailsPanel</name>
    <message>
        <source>Key details</source>
        <translation>Détails de la clé</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Enter saves the note, Esc puts it back.</source>
        <translation>Entrée enregistre la note, Esc la rétablit.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clé&#xa0;:</translation>
    </message>
    <message>
        <source>Copy the masked key</source>
        <translation>Copier la clé masquée</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID&#xa0;:</translation>
    </message>
    <message>
        <source>Copy the key&apos;s id</source>
        <translation>Copier l’ID de la clé</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Création&#xa0;:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Expiration&#xa0;:</translation>
    </message>
    <message>
        <source>Last used:</source>
        <translation>Dernière utilisation&#xa0;:</translation>
    </message>
    <message>
        <source>Requests, last 30 days</source>
        <translation>Requêtes, 30 derniers jours</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Autorisations</translation>
    </message>
    <message>
        <source>Edit the note in place (F2); Enter saves</source>
        <translation>Modifier la note sur place (F2)&#x202f;; Entrée enregistre</translation>
    </message>
    <message>
        <source>A revoked key cannot be changed.</source>
        <translation>Une clé révoquée ne peut pas être modifiée.</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) selected.</source>
        <translation>
            <numerusform>%n clé sélectionnée.</numerusform>
            <numerusform>%n clés sélectionnées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a key to see its details.</source>
        <translation>Sélectionnez une clé pour en voir les détails.</translation>
    </message>
    <message>
        <source>Loading usage…</source>
        <translation>Chargement de l’utilisation…</translation>
    </message>
    <message>
        <source>Could not load the usage: %1</source>
        <translation>Impossible de charger l’utilisation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Revoked %1; it answers 401.</source>
        <translation>Révoquée %1&#x202f;; elle renvoie 401.</translation>
    </message>
    <message>
        <source>Revoked; it answers 401.</source>
        <translation>Révoquée&#x202f;; elle renvoie 401.</translation>
    </message>
    <message>
        <source>Expired; it answers 401.</source>
        <translation>Expirée&#x202f;; elle renvoie 401.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>Never. Keys that never expire stay dangerous when they leak.</source>
        <translation>Jamais. Une clé qui n’expire jamais reste dangereuse en cas de fuite.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>depuis %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>read and write</source>
        <translation>lecture et écriture</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lecture</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>Write a note that says what the key is for.</source>
        <translation>Rédigez une note indiquant à quoi sert la clé.</translation>
    </message>
    <message>
        <source>The note is %1 characters long; at most %2 fit.</source>
        <translation>La note fait %1 caractères&#x202f;; %2 au maximum sont autorisés.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>Note enregistrée.</translation>
    </message>
    <message>
        <source>The note was not saved: %1</source>
        <translation>La note n’a pas été enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Copié dans le presse-papiers.</translation>
    </message>
</context>
<context>
    <name>keyward::KeyForm</name>
    <message>
        <source>What is this key for, and where is it deployed?</source>
        <translation>À quoi sert cette clé, et où est-elle déployée&#x202f;?</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note&#xa0;:</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Autorisations</translation>
    </message>
    <message>
        <source>Presets:</source>
        <translation>Préréglages&#xa0;:</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Écriture</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>No access</source>
        <translation>Aucun accès</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>In 30 days</source>
        <translation>Dans 30 jours</translation>
    </message>
    <message>
        <source>In 90 days</source>
        <translation>Dans 90 jours</translation>
    </message>
    <message>
        <source>In 365 days</source>
        <translation>Dans 365 jours</translation>
    </message>
    <message>
        <source>On a date…</source>
        <translation>À une date…</translation>
    </message>
    <message>
        <source>&amp;Expires:</source>
        <translation>E&amp;xpiration&#xa0;:</translation>
    </message>
    <message>
        <source>%1 cannot grant “%2” on %3: a key never gets more than its creator holds.</source>
        <translation>%1 ne peut pas accorder «&#xa0;%2&#xa0;» sur %3&#xa0;: une clé n’obtient jamais plus que ce que détient son créateur.</translation>
    </message>
    <message>
        <source>Editing %1, created %2</source>
        <translation>Modification de %1, créée le %2</translation>
    </message>
    <message>
        <source>Unchanged (%1)</source>
        <translation>Inchangée (%1)</translation>
    </message>
    <message>
        <source>Unchanged (never)</source>
        <translation>Inchangée (jamais)</translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation>N’expire jamais</translation>
    </message>
    <message>
        <source>Write a note that says what the key is for.</source>
        <translation>Rédigez une note indiquant à quoi sert la clé.</translation>
    </message>
    <message>
        <source>The note is %1 characters long; at most %2 fit.</source>
        <translation>La note fait %1 caractères&#x202f;; %2 au maximum sont autorisés.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Read %1</source>
        <translation>Lire %1</translation>
    </message>
    <message>
        <source>Read and change %1</source>
        <translation>Lire et modifier %1</translation>
    </message>
    <message>
        <source>After saving, this key will be able to:</source>
        <translation>Après l’enregistrement, cette clé pourra&#xa0;:</translation>
    </message>
    <message>
        <source>This key will be able to:</source>
        <translation>Cette clé pourra&#xa0;:</translation>
    </message>
    <message>
        <source>Choose at least one permission. Grant only what the key&apos;s application needs.</source>
        <translation>Choisissez au moins une autorisation. N’accordez que ce dont l’application de la clé a besoin.</translation>
    </message>
    <message>
        <source>Choose at least one permission.</source>
        <translation>Choisissez au moins une autorisation.</translation>
    </message>
    <message>
        <source>Nothing has changed yet.</source>
        <translation>Rien n’a encore été modifié.</translation>
    </message>
    <message>
        <source>None</source>
        <comment>permission preset: grant nothing</comment>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Read &amp;only</source>
        <comment>permission preset</comment>
        <translation>&amp;Lecture seule</translation>
    </message>
    <message>
        <source>F&amp;ull access</source>
        <comment>permission preset</comment>
        <translation>Accès co&amp;mplet</translation>
    </message>
    <message>
        <source>None</source>
        <comment>access level column</comment>
        <translation>Aucun accès</translation>
    </message>
    <message>
        <source>Read</source>
        <comment>access level column</comment>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Write</source>
        <comment>access level column</comment>
        <translation>Écriture</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Date d’expiration</translation>
    </message>
    <message>
        <source>%1 of at most %2 characters</source>
        <translation>%1 sur %2 caractères au maximum</translation>
    </message>
</context>
<context>
    <name>keyward::KeyListModel</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>dans %n minute</numerusform>
            <numerusform>dans %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>dans %n heure</numerusform>
            <numerusform>dans %n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>dans %n jour</numerusform>
            <numerusform>dans %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>il y a %n minute</numerusform>
            <numerusform>il y a %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>il y a %n heure</numerusform>
            <numerusform>il y a %n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>il y a %n mois</numerusform>
            <numerusform>il y a %n mois</numerusform>
        </translation>
    </message>
    <message>
        <source>No permissions</source>
        <translation>Aucune autorisation</translation>
    </message>
    <message>
        <source>Full access</source>
        <translation>Accès complet</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 et %n autre</numerusform>
            <numerusform>%1 et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · being replaced</source>
        <translation>%1 · en cours de remplacement</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Révoquée</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Expires today</source>
        <translation>Expire aujourd’hui</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n day(s)</source>
        <translation>
            <numerusform>Expire dans %n jour</numerusform>
            <numerusform>Expire dans %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>Never used</source>
        <translation>Jamais utilisée</translation>
    </message>
    <message>
        <source>%1
from %2
%3</source>
        <translation>%1
depuis %2
%3</translation>
    </message>
    <message>
        <source>an unknown address</source>
        <translation>une adresse inconnue</translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation>N’expire jamais</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Autorisations</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Dernière utilisation</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>The server answers 401 to this key.</source>
        <translation>Le serveur répond 401 à cette clé.</translation>
    </message>
    <message>
        <source>Works until %1.</source>
        <translation>Fonctionne jusqu’au %1.</translation>
    </message>
    <message>
        <source>Never expires: works until it is revoked.</source>
        <translation>N’expire jamais&#xa0;: fonctionne jusqu’à sa révocation.</translation>
    </message>
    <message>
        <source>Expires within 14 days.</source>
        <translation>Expire dans les 14 jours.</translation>
    </message>
    <message>
        <source>Unused for 90 days.</source>
        <translation>Inutilisée depuis 90 jours.</translation>
    </message>
    <message>
        <source>Write access to everything.</source>
        <translation>Accès en écriture à tout.</translation>
    </message>
    <message>
        <source>Key ending in %1</source>
        <translation>Clé se terminant par %1</translation>
    </message>
</context>
<context>
    <name>keyward::KeysPage</name>
    <message>
        <source>API keys</source>
        <translation>Clés API</translation>
    </message>
    <message>
        <source>Filter by note, key, permission or creator</source>
        <translation>Filtrer par note, clé, autorisation ou créateur</translation>
    </message>
    <message>
        <source>Filter keys</source>
        <translation>Filtrer les clés</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtre d’état</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actives</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Expirant bientôt</translation>
    </message>
    <message>
        <source>Revoked and expired</source>
        <translation>Révoquées et expirées</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Reload the keys from the server (F5)</source>
        <translation>Recharger les clés depuis le serveur (F5)</translation>
    </message>
    <message>
        <source>Show audit &amp;history</source>
        <translation>Afficher l&apos;&amp;historique d’audit</translation>
    </message>
    <message>
        <source>&amp;Secret keys</source>
        <translation>Clés s&amp;ecrètes</translation>
    </message>
    <message>
        <source>&amp;Publishable keys</source>
        <translation>Clés &amp;publiables</translation>
    </message>
    <message>
        <source>Changing keys needs the owner or admin role.</source>
        <translation>La modification des clés nécessite le rôle de propriétaire ou d’administrateur.</translation>
    </message>
    <message>
        <source>You can see keys but not change them: creating, rotating and revoking keys needs the owner or admin role.</source>
        <translation>Vous pouvez voir les clés, mais pas les modifier&#xa0;: la création, la rotation et la révocation de clés nécessitent le rôle de propriétaire ou d’administrateur.</translation>
    </message>
    <message>
        <source>%1 (request id: %2)</source>
        <translation>%1 (ID de requête&#xa0;: %2)</translation>
    </message>
    <message>
        <source>Could not load the keys</source>
        <translation>Impossible de charger les clés</translation>
    </message>
    <message>
        <source>%1
Request id: %2</source>
        <translation>%1
ID de requête&#xa0;: %2</translation>
    </message>
    <message>
        <source>Loading keys…</source>
        <translation>Chargement des clés…</translation>
    </message>
    <message>
        <source>Fetching the organization&apos;s secret keys.</source>
        <translation>Récupération des clés secrètes de l’organisation.</translation>
    </message>
    <message>
        <source>No secret keys yet</source>
        <translation>Aucune clé secrète pour l’instant</translation>
    </message>
    <message>
        <source>Keys your applications use to call the API will be listed here, masked, with their permissions and last use.</source>
        <translation>Les clés utilisées par vos applications pour appeler l’API apparaîtront ici, masquées, avec leurs autorisations et leur dernière utilisation.</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) loaded</source>
        <translation>
            <numerusform>%n clé chargée</numerusform>
            <numerusform>%n clés chargées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unused for 90 days</source>
        <translation>
            <numerusform>%n inutilisée depuis 90 jours</numerusform>
            <numerusform>%n inutilisées depuis 90 jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expiring within 14 days</source>
        <translation>
            <numerusform>%n expire dans les 14 jours</numerusform>
            <numerusform>%n expirent dans les 14 jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with write access to everything</source>
        <translation>
            <numerusform>%n avec accès en écriture à tout</numerusform>
            <numerusform>%n avec accès en écriture à tout</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n never expiring</source>
        <translation>
            <numerusform>%n n’expire jamais</numerusform>
            <numerusform>%n n’expirent jamais</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything the audit log holds about the selected key (%1)</source>
        <translation>Tout ce que le journal d’audit contient sur la clé sélectionnée (%1)</translation>
    </message>
    <message>
        <source>Secret keys</source>
        <translation>Clés secrètes</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>&amp;Create a secret key…</source>
        <translation>&amp;Créer une clé secrète…</translation>
    </message>
    <message>
        <source>Edit the note of the selected key</source>
        <translation>Modifier la note de la clé sélectionnée</translation>
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
        <translation>Impossible d’ouvrir le navigateur. Copiez le lien et collez-le dans un navigateur.</translation>
    </message>
    <message>
        <source>&amp;Sign In with Browser</source>
        <translation>Se co&amp;nnecter avec le navigateur</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Sign out and revoke this session on the server</source>
        <translation>Se déconnecter et révoquer cette session sur le serveur</translation>
    </message>
    <message>
        <source>Manage &amp;Profiles…</source>
        <translation>Gérer les &amp;profils…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Clés</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;About Keyward</source>
        <translation>À &amp;propos de Keyward</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>The server you are working with</source>
        <translation>Le serveur sur lequel vous travaillez</translation>
    </message>
    <message>
        <source>Could not load your account</source>
        <translation>Impossible de charger votre compte</translation>
    </message>
    <message>
        <source>Sign-in link copied. Paste it into a browser to continue.</source>
        <translation>Lien de connexion copié. Collez-le dans un navigateur pour continuer.</translation>
    </message>
    <message>
        <source>Resuming your session…</source>
        <translation>Reprise de votre session…</translation>
    </message>
    <message>
        <source>Checking the sign-in remembered for %1.</source>
        <translation>Vérification de la connexion mémorisée pour %1.</translation>
    </message>
    <message>
        <source>Contacting the sign-in server…</source>
        <translation>Contact du serveur de connexion…</translation>
    </message>
    <message>
        <source>Reading the sign-in settings of %1.</source>
        <translation>Lecture des paramètres de connexion de %1.</translation>
    </message>
    <message>
        <source>Continue in your browser</source>
        <translation>Continuez dans votre navigateur</translation>
    </message>
    <message>
        <source>Keyward opened the sign-in page of %1 in your web browser. Sign in there; this window continues by itself. If no browser appeared, open it again or copy the link.</source>
        <translation>Keyward a ouvert la page de connexion de %1 dans votre navigateur web. Connectez-vous-y&#x202f;; cette fenêtre poursuivra d’elle-même. Si aucun navigateur ne s’est ouvert, rouvrez-le ou copiez le lien.</translation>
    </message>
    <message>
        <source>Finishing sign-in…</source>
        <translation>Finalisation de la connexion…</translation>
    </message>
    <message>
        <source>Exchanging the browser&apos;s answer for a session.</source>
        <translation>Échange de la réponse du navigateur contre une session.</translation>
    </message>
    <message>
        <source>Loading your account…</source>
        <translation>Chargement de votre compte…</translation>
    </message>
    <message>
        <source>Asking %1 who you are.</source>
        <translation>Demande de votre identité à %1.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2</source>
        <translation>Connecté à %1 en tant que %2</translation>
    </message>
    <message>
        <source>%1 — Keyward</source>
        <translation>%1 — Keyward</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>Trousseau de clés indisponible</translation>
    </message>
    <message>
        <source>Keyward could not store your sign-in in the system keychain.</source>
        <translation>Keyward n’a pas pu enregistrer votre connexion dans le trousseau de clés du système.</translation>
    </message>
    <message>
        <source>Retry after unlocking the keychain, or keep this session in memory only: you will need to sign in again next time. Keyward never stores tokens in a plain file.</source>
        <translation>Réessayez après avoir déverrouillé le trousseau de clés, ou conservez cette session en mémoire uniquement&#xa0;: vous devrez vous reconnecter la prochaine fois. Keyward n’enregistre jamais de jetons dans un fichier en clair.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Keep in &amp;memory only</source>
        <translation>Conserver en &amp;mémoire uniquement</translation>
    </message>
    <message>
        <source>About Keyward</source>
        <translation>À propos de Keyward</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Keyward %1&lt;/h3&gt;&lt;p&gt;The desktop console for API keys: list them masked, create keys with the least permissions they need, rotate without an outage, revoke leaked keys at once, and review the audit log.&lt;/p&gt;&lt;p&gt;Built with Qt %2. Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Keyward %1&lt;/h3&gt;&lt;p&gt;La console de bureau pour les clés API&#xa0;: listez-les masquées, créez des clés avec les autorisations minimales nécessaires, effectuez des rotations sans interruption de service, révoquez immédiatement les clés compromises et consultez le journal d’audit.&lt;/p&gt;&lt;p&gt;Conçu avec Qt %2. Distribué sous licence GNU GPL, version 3 ou ultérieure.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Profil&amp;e:</source>
        <translation>Pr&amp;ofil&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>&amp;Raccourcis clavier…</translation>
    </message>
</context>
<context>
    <name>keyward::OverviewPage</name>
    <message>
        <source>Email:</source>
        <translation>E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>You can:</source>
        <translation>Vous pouvez&#xa0;:</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>Organisation&#xa0;:</translation>
    </message>
    <message>
        <source>API server:</source>
        <translation>Serveur d’API&#xa0;:</translation>
    </message>
    <message>
        <source>Signed in at:</source>
        <translation>Connecté via&#xa0;:</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Session&#xa0;:</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>Développeur</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Create, rotate, revoke and delete keys; manage users and organization settings; read the audit log.</source>
        <translation>Créer des clés, en effectuer la rotation, les révoquer et les supprimer&#x202f;; gérer les utilisateurs et les paramètres de l’organisation&#x202f;; consulter le journal d’audit.</translation>
    </message>
    <message>
        <source>Create, rotate, revoke and delete keys; read the audit log.</source>
        <translation>Créer des clés, en effectuer la rotation, les révoquer et les supprimer&#x202f;; consulter le journal d’audit.</translation>
    </message>
    <message>
        <source>See keys (masked) and read the audit log. Changing keys needs an admin.</source>
        <translation>Voir les clés (masquées) et consulter le journal d’audit. La modification des clés nécessite un administrateur.</translation>
    </message>
    <message>
        <source>Only what this credential&apos;s permissions allow.</source>
        <translation>Uniquement ce que permettent les autorisations de cet identifiant.</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>%1, %2 plan</source>
        <translation>%1, offre %2</translation>
    </message>
    <message>
        <source>This sign-in cannot be renewed; sign in again when it expires.</source>
        <translation>Cette connexion ne peut pas être renouvelée&#x202f;; reconnectez-vous à son expiration.</translation>
    </message>
    <message>
        <source>Kept in memory only: you will sign in again next time.</source>
        <translation>Conservée en mémoire uniquement&#xa0;: vous devrez vous reconnecter la prochaine fois.</translation>
    </message>
    <message>
        <source>Remembered in the system keychain.</source>
        <translation>Mémorisée dans le trousseau de clés du système.</translation>
    </message>
    <message>
        <source>Not stored in the system keychain yet.</source>
        <translation>Pas encore enregistrée dans le trousseau de clés du système.</translation>
    </message>
</context>
<context>
    <name>keyward::ProfileStore</name>
    <message>
        <source>A profile named “%1” already exists.</source>
        <translation>Un profil nommé «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
</context>
<context>
    <name>keyward::ProfilesDialog</name>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>A profile is a server you manage: its API address and where you sign in. Tokens are kept in the system keychain, never in the profile.</source>
        <translation>Un profil correspond à un serveur que vous administrez&#xa0;: l’adresse de son API et l’endroit où vous vous connectez. Les jetons sont conservés dans le trousseau de clés du système, jamais dans le profil.</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Same as the API URL</source>
        <translation>Identique à l’URL de l’API</translation>
    </message>
    <message>
        <source>The OAuth 2.0 / OpenID Connect issuer where you sign in: keyward-server itself, or your company&apos;s provider if the server trusts it.</source>
        <translation>L’émetteur OAuth 2.0 / OpenID Connect auprès duquel vous vous connectez&#xa0;: keyward-server lui-même, ou le fournisseur d’identité de votre entreprise si le serveur lui fait confiance.</translation>
    </message>
    <message>
        <source>&amp;API URL:</source>
        <translation>URL de l&apos;&amp;API&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Issuer URL:</source>
        <translation>URL de l’é&amp;metteur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>ID &amp;client&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Use this profile</source>
        <translation>&amp;Utiliser ce profil</translation>
    </message>
    <message>
        <source>%1 (this run only)</source>
        <translation>%1 (cette exécution uniquement)</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Supprimer le profil</translation>
    </message>
    <message>
        <source>Remove the profile “%1”? Keyward forgets its address; the server and its keys are not touched.</source>
        <translation>Supprimer le profil «&#xa0;%1&#xa0;»&#x202f;? Keyward oublie son adresse&#x202f;; le serveur et ses clés ne sont pas modifiés.</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>N&amp;om&#xa0;:</translation>
    </message>
    <message>
        <source>Sco&amp;pes:</source>
        <translation>É&amp;tendues (scopes)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>keyward::PublishableKeyModel</name>
    <message>
        <source>%1
Public by design: safe to put in web pages and apps.</source>
        <translation>%1
Publique par conception&#xa0;: peut figurer sans risque dans des pages web et des applications.</translation>
    </message>
    <message>
        <source>Unknown time</source>
        <translation>Date inconnue</translation>
    </message>
    <message>
        <source>%1
by %2</source>
        <translation>%1
par %2</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1, par %2</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Création</translation>
    </message>
</context>
<context>
    <name>keyward::PublishableKeysPanel</name>
    <message>
        <source>Publishable keys identify your account in client-side code such as web pages and mobile apps. They are public by design: anyone can read them there, so they cannot call the endpoints that need a secret key.</source>
        <translation>Les clés publiables identifient votre compte dans le code côté client, comme les pages web et les applications mobiles. Elles sont publiques par conception&#xa0;: n’importe qui peut les y lire, c’est pourquoi elles ne peuvent pas appeler les points de terminaison qui exigent une clé secrète.</translation>
    </message>
    <message>
        <source>&amp;New publishable key…</source>
        <translation>&amp;Nouvelle clé publiable…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Copie&amp;r</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>S&amp;upprimer…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Reload the publishable keys from the server (%1)</source>
        <translation>Recharger les clés publiables depuis le serveur (%1)</translation>
    </message>
    <message>
        <source>Publishable keys</source>
        <translation>Clés publiables</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>You can see and copy publishable keys but not change them: creating and deleting them needs the owner or admin role.</source>
        <translation>Vous pouvez voir et copier les clés publiables, mais pas les modifier&#xa0;: leur création et leur suppression nécessitent le rôle de propriétaire ou d’administrateur.</translation>
    </message>
    <message>
        <source>%1
Request id: %2</source>
        <translation>%1
ID de requête&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not refresh the publishable keys. %1</source>
        <translation>Impossible d’actualiser les clés publiables. %1</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Sign in to see the organization&apos;s publishable keys.</source>
        <translation>Connectez-vous pour voir les clés publiables de l’organisation.</translation>
    </message>
    <message>
        <source>Could not load the publishable keys</source>
        <translation>Impossible de charger les clés publiables</translation>
    </message>
    <message>
        <source>No publishable keys yet</source>
        <translation>Aucune clé publiable pour l’instant</translation>
    </message>
    <message>
        <source>Create one for each web page or app that calls the API from the client side. Publishable keys can be shown and copied at any time.</source>
        <translation>Créez-en une pour chaque page web ou application qui appelle l’API côté client. Les clés publiables peuvent être affichées et copiées à tout moment.</translation>
    </message>
    <message>
        <source>An owner or admin of the organization can create them. Once they exist you can see and copy them here.</source>
        <translation>Un propriétaire ou un administrateur de l’organisation peut les créer. Une fois qu’elles existent, vous pouvez les voir et les copier ici.</translation>
    </message>
    <message>
        <source>Loading publishable keys…</source>
        <translation>Chargement des clés publiables…</translation>
    </message>
    <message>
        <source>Fetching the organization&apos;s publishable keys from the server.</source>
        <translation>Récupération des clés publiables de l’organisation depuis le serveur.</translation>
    </message>
    <message>
        <source>Creating and deleting publishable keys needs the owner or admin role.</source>
        <translation>La création et la suppression de clés publiables nécessitent le rôle de propriétaire ou d’administrateur.</translation>
    </message>
    <message>
        <source>Create a publishable key (%1)</source>
        <translation>Créer une clé publiable (%1)</translation>
    </message>
    <message>
        <source>Copy the selected key to the clipboard (%1)</source>
        <translation>Copier la clé sélectionnée dans le presse-papiers (%1)</translation>
    </message>
    <message>
        <source>Delete the selected key (%1)</source>
        <translation>Supprimer la clé sélectionnée (%1)</translation>
    </message>
    <message>
        <source>Copied “%1” to the clipboard.</source>
        <translation>Clé «&#xa0;%1&#xa0;» copiée dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Could not create the publishable key. %1</source>
        <translation>Impossible de créer la clé publiable. %1</translation>
    </message>
    <message>
        <source>Delete publishable key</source>
        <translation>Supprimer la clé publiable</translation>
    </message>
    <message>
        <source>Delete the publishable key “%1”?</source>
        <translation>Supprimer la clé publiable «&#xa0;%1&#xa0;»&#x202f;?</translation>
    </message>
    <message>
        <source>%1

Web pages and apps that still use it stop working with it. The audit log keeps its history.</source>
        <translation>%1

Les pages web et les applications qui l’utilisent encore cesseront de fonctionner avec elle. Le journal d’audit conserve son historique.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Could not delete “%1”. %2</source>
        <translation>Impossible de supprimer «&#xa0;%1&#xa0;». %2</translation>
    </message>
    <message>
        <source>Create a publishable ke&amp;y…</source>
        <translation>Créer une clé pu&amp;bliable…</translation>
    </message>
</context>
<context>
    <name>keyward::ReasonPage</name>
    <message>
        <source>Why rotate this key?</source>
        <translation>Pourquoi effectuer la rotation de cette clé&#x202f;?</translation>
    </message>
    <message>
        <source>Keyward creates a replacement, watches your application switch to it, and only then retires the old key, so no request fails along the way.</source>
        <translation>Keyward crée une clé de remplacement, observe votre application basculer dessus, et seulement ensuite retire l’ancienne clé&#xa0;: aucune requête n’échoue en cours de route.</translation>
    </message>
    <message>
        <source>&amp;Scheduled rotation</source>
        <translation>Rotation &amp;planifiée</translation>
    </message>
    <message>
        <source>Suspected &amp;leak: the secret may be known to someone else</source>
        <translation>&amp;Fuite suspectée&#xa0;: le secret est peut-être connu d’un tiers</translation>
    </message>
    <message>
        <source>&amp;Policy or audit requirement</source>
        <translation>&amp;Exigence d’une politique ou d’un audit</translation>
    </message>
    <message>
        <source>If the secret leaked, every minute the old key keeps working is a minute someone else can use it. The emergency path revokes it as soon as the replacement exists: requests from your own application fail until it runs with the new key.</source>
        <translation>Si le secret a fuité, chaque minute pendant laquelle l’ancienne clé fonctionne encore est une minute pendant laquelle quelqu’un d’autre peut l’utiliser. La procédure d’urgence la révoque dès que la clé de remplacement existe&#xa0;: les requêtes de votre propre application échouent jusqu’à ce qu’elle utilise la nouvelle clé.</translation>
    </message>
    <message>
        <source>&amp;Revoke the old key as soon as the replacement exists (accept the outage)</source>
        <translation>&amp;Révoquer l’ancienne clé dès que la clé de remplacement existe (accepter l’interruption de service)</translation>
    </message>
    <message>
        <source>Key to replace: “%1” (%2).</source>
        <translation>Clé à remplacer&#xa0;: «&#xa0;%1&#xa0;» (%2).</translation>
    </message>
    <message>
        <source>Last used %1.</source>
        <translation>Utilisée pour la dernière fois %1.</translation>
    </message>
    <message>
        <source>A person who &amp;knew the secret left</source>
        <translation>&amp;Départ d’une personne qui connaissait le secret</translation>
    </message>
</context>
<context>
    <name>keyward::ReplacementPage</name>
    <message>
        <source>The replacement key</source>
        <translation>La clé de remplacement</translation>
    </message>
    <message>
        <source>It starts as a copy of the old key&apos;s note and permissions. Grant only what the application needs: a rotation is a good moment to narrow them.</source>
        <translation>Elle reprend au départ la note et les autorisations de l’ancienne clé. N’accordez que ce dont l’application a besoin&#xa0;: une rotation est le bon moment pour les restreindre.</translation>
    </message>
    <message>
        <source>&amp;Create the replacement</source>
        <translation>&amp;Créer la clé de remplacement</translation>
    </message>
    <message>
        <source>The old key can write. If the application only reads, choose Read here.</source>
        <translation>L’ancienne clé peut écrire. Si l’application ne fait que lire, choisissez Lecture ici.</translation>
    </message>
    <message>
        <source>Creating the replacement…</source>
        <translation>Création de la clé de remplacement…</translation>
    </message>
    <message>
        <source>The replacement was not created: %1</source>
        <translation>La clé de remplacement n’a pas été créée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Revoking the old key…</source>
        <translation>Révocation de l’ancienne clé…</translation>
    </message>
    <message>
        <source>The old key was NOT revoked: %1. It still works; retire it after the new key is deployed.</source>
        <translation>L’ancienne clé n’a PAS été révoquée&#xa0;: %1. Elle fonctionne toujours&#x202f;; retirez-la une fois la nouvelle clé déployée.</translation>
    </message>
</context>
<context>
    <name>keyward::RetirePage</name>
    <message>
        <source>Retire the old key</source>
        <translation>Retirer l’ancienne clé</translation>
    </message>
    <message>
        <source>The replacement carries the traffic. Choose how the old key stops working.</source>
        <translation>La clé de remplacement prend en charge le trafic. Choisissez comment l’ancienne clé cesse de fonctionner.</translation>
    </message>
    <message>
        <source>Let it &amp;expire after a grace period:</source>
        <translation>La laisser &amp;expirer après un délai de grâce&#xa0;:</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 heure</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 heures</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 jours</translation>
    </message>
    <message>
        <source>Until a date…</source>
        <translation>Jusqu’à une date…</translation>
    </message>
    <message>
        <source>&amp;Delete it now: it stops working and leaves the list; the audit log keeps its history</source>
        <translation>La &amp;supprimer maintenant&#xa0;: elle cesse de fonctionner et quitte la liste&#x202f;; le journal d’audit conserve son historique</translation>
    </message>
    <message>
        <source>&amp;Retire the old key</source>
        <translation>Re&amp;tirer l’ancienne clé</translation>
    </message>
    <message>
        <source>The old key may still be in use, so the safest choice is a grace period: requests keep working for a while, and the key then expires by itself.</source>
        <translation>L’ancienne clé est peut-être encore utilisée&#xa0;: le choix le plus sûr est donc un délai de grâce. Les requêtes continuent de fonctionner pendant un moment, puis la clé expire d’elle-même.</translation>
    </message>
    <message>
        <source>The new key carries the traffic and the old key is quiet. A short grace period costs nothing; revoke now if the old secret may have leaked.</source>
        <translation>La nouvelle clé prend en charge le trafic et l’ancienne est inactive. Un court délai de grâce ne coûte rien&#x202f;; révoquez-la maintenant si l’ancien secret a pu fuiter.</translation>
    </message>
    <message>
        <source>Until %1 (%2) both keys work, so anything you missed keeps running. Then the old key answers 401 by itself and the audit log records that it expired. You can still revoke it sooner from the keys page.</source>
        <translation>Jusqu’au %1 (%2), les deux clés fonctionnent&#xa0;: tout ce que vous auriez oublié continue de tourner. Ensuite, l’ancienne clé renvoie 401 d’elle-même et le journal d’audit enregistre son expiration. Vous pouvez toujours la révoquer plus tôt depuis la page des clés.</translation>
    </message>
    <message>
        <source>From the moment you click, every request with the old key answers 401. It stays in the list as revoked, so its history is easy to find.</source>
        <translation>Dès que vous cliquez, toute requête avec l’ancienne clé reçoit une réponse 401. Elle reste dans la liste comme révoquée&#xa0;: son historique est donc facile à retrouver.</translation>
    </message>
    <message>
        <source>From the moment you click, every request with the old key answers 401 and the key leaves the list. The audit log keeps its history.</source>
        <translation>Dès que vous cliquez, toute requête avec l’ancienne clé reçoit une réponse 401 et la clé quitte la liste. Le journal d’audit conserve son historique.</translation>
    </message>
    <message>
        <source>The old key was not retired: %1</source>
        <translation>L’ancienne clé n’a pas été retirée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Setting the old key&apos;s expiry…</source>
        <translation>Définition de l’expiration de l’ancienne clé…</translation>
    </message>
    <message>
        <source>Revoking the old key…</source>
        <translation>Révocation de l’ancienne clé…</translation>
    </message>
    <message>
        <source>Deleting the old key…</source>
        <translation>Suppression de l’ancienne clé…</translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>Délai de grâce</translation>
    </message>
    <message>
        <source>End of the grace period</source>
        <translation>Fin du délai de grâce</translation>
    </message>
    <message>
        <source>Re&amp;voke it now: it answers 401 at once and stays listed as revoked</source>
        <translation>La ré&amp;voquer maintenant&#xa0;: elle renvoie 401 immédiatement et reste listée comme révoquée</translation>
    </message>
</context>
<context>
    <name>keyward::RevealPage</name>
    <message>
        <source>Copy the new secret</source>
        <translation>Copier le nouveau secret</translation>
    </message>
    <message>
        <source>This is the only time it is shown. Put it where the application reads its key (a secret manager, the deployment&apos;s environment) before you go on.</source>
        <translation>C’est la seule fois qu’il est affiché. Placez-le là où l’application lit sa clé (un gestionnaire de secrets, l’environnement du déploiement) avant de continuer.</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>The old key %1 is revoked: it answers 401 from now on.</source>
        <translation>L’ancienne clé %1 est révoquée&#xa0;: elle renvoie 401 à partir de maintenant.</translation>
    </message>
</context>
<context>
    <name>keyward::RotationLauncher</name>
    <message>
        <source>copying the new secret</source>
        <translation>la copie du nouveau secret</translation>
    </message>
    <message>
        <source>retiring the old key</source>
        <translation>le retrait de l’ancienne clé</translation>
    </message>
    <message>
        <source>deploying and verifying the new key</source>
        <translation>le déploiement et la vérification de la nouvelle clé</translation>
    </message>
    <message>
        <source>Resume rotation</source>
        <translation>Reprendre la rotation</translation>
    </message>
    <message>
        <source>The key %1 no longer exists: it was deleted, so the rotation has nothing left to retire. Keyward forgets it.</source>
        <translation>La clé %1 n’existe plus&#xa0;: elle a été supprimée, la rotation n’a donc plus rien à retirer. Keyward l’oublie.</translation>
    </message>
    <message>
        <source>The rotation cannot go on yet: %1</source>
        <translation>La rotation ne peut pas encore se poursuivre&#xa0;: %1</translation>
    </message>
    <message>
        <source>The replacement %1 was revoked, deleted or has expired, so this rotation cannot go on. The old key %2 is unchanged; rotate it again when you are ready.</source>
        <translation>La clé de remplacement %1 a été révoquée, supprimée ou a expiré&#xa0;: cette rotation ne peut donc pas se poursuivre. L’ancienne clé %2 est inchangée&#x202f;; relancez sa rotation quand vous serez prêt.</translation>
    </message>
</context>
<context>
    <name>keyward::RotationResumeBar</name>
    <message>
        <source>Resu&amp;me rotation</source>
        <translation>Reprendre la ro&amp;tation</translation>
    </message>
    <message>
        <source>Forge&amp;t</source>
        <translation>Ou&amp;blier</translation>
    </message>
    <message>
        <source>Stop reminding me. Both keys keep working; Rotate on the old key still finds the replacement.</source>
        <translation>Ne plus me le rappeler. Les deux clés continuent de fonctionner&#x202f;; «&#xa0;Effectuer une rotation&#xa0;» sur l’ancienne clé retrouvera toujours la clé de remplacement.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unfinished rotation:&lt;/b&gt; “%1” &lt;tt&gt;%2&lt;/tt&gt; → &lt;tt&gt;%3&lt;/tt&gt;, stopped while %4 on %5.</source>
        <translation>&lt;b&gt;Rotation inachevée&#xa0;:&lt;/b&gt; «&#xa0;%1&#xa0;» &lt;tt&gt;%2&lt;/tt&gt; → &lt;tt&gt;%3&lt;/tt&gt;, interrompue pendant %4 le %5.</translation>
    </message>
    <message numerus="yes">
        <source>%n more rotation(s) are unfinished.</source>
        <translation>
            <numerusform>%n autre rotation est inachevée.</numerusform>
            <numerusform>%n autres rotations sont inachevées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking both keys…</source>
        <translation>Vérification des deux clés…</translation>
    </message>
</context>
<context>
    <name>keyward::RotationWizard</name>
    <message>
        <source>Rotate “%1”</source>
        <translation>Rotation de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>This rotation was started earlier, on this computer or another, and its new secret cannot be shown again. Make sure the new key is deployed, then watch it take over.</source>
        <translation>Cette rotation a été lancée précédemment, sur cet ordinateur ou un autre, et son nouveau secret ne peut plus être affiché. Assurez-vous que la nouvelle clé est déployée, puis vérifiez qu’elle prend le relais.</translation>
    </message>
    <message>
        <source>Resumed the rotation started %1. Keyward closed before you confirmed that the new secret was stored, and it cannot be shown again: if you did not store it, stop here, revoke the new key, and rotate again.</source>
        <translation>Reprise de la rotation lancée le %1. Keyward s’est fermé avant que vous ne confirmiez l’enregistrement du nouveau secret, qui ne peut plus être affiché&#xa0;: si vous ne l’avez pas enregistré, arrêtez-vous ici, révoquez la nouvelle clé et relancez la rotation.</translation>
    </message>
    <message>
        <source>Resumed the rotation started %1.</source>
        <translation>Reprise de la rotation lancée le %1.</translation>
    </message>
    <message>
        <source>Stop rotating</source>
        <translation>Arrêter la rotation</translation>
    </message>
    <message>
        <source>The new key “%1” (%2) already exists. Revoke it now, or keep both keys working?</source>
        <translation>La nouvelle clé «&#xa0;%1&#xa0;» (%2) existe déjà. La révoquer maintenant, ou conserver les deux clés actives&#x202f;?</translation>
    </message>
    <message>
        <source>The old key is already revoked: without the new key nothing can call the API.</source>
        <translation>L’ancienne clé est déjà révoquée&#xa0;: sans la nouvelle clé, plus rien ne peut appeler l’API.</translation>
    </message>
    <message>
        <source>Keep both if the new key is already deployed anywhere. Keyward remembers where the rotation stopped and offers to go on from the keys page.</source>
        <translation>Conservez les deux si la nouvelle clé est déjà déployée quelque part. Keyward mémorise où la rotation s’est arrêtée et propose de la poursuivre depuis la page des clés.</translation>
    </message>
    <message>
        <source>&amp;Revoke the new key</source>
        <translation>&amp;Révoquer la nouvelle clé</translation>
    </message>
    <message>
        <source>&amp;Keep both, finish later</source>
        <translation>&amp;Conserver les deux, terminer plus tard</translation>
    </message>
    <message>
        <source>&amp;Continue rotating</source>
        <translation>&amp;Poursuivre la rotation</translation>
    </message>
    <message>
        <source>The new key was not revoked: %1</source>
        <translation>La nouvelle clé n’a pas été révoquée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>keyward::SandboxServer</name>
    <message>
        <source>The sandbox server %1 could not be started: %2</source>
        <translation>Impossible de démarrer le serveur bac à sable %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The sandbox server crashed while starting.</source>
        <translation>Le serveur bac à sable a planté au démarrage.</translation>
    </message>
    <message>
        <source>The sandbox server stopped while starting (exit code %1).</source>
        <translation>Le serveur bac à sable s’est arrêté au démarrage (code de sortie %1).</translation>
    </message>
    <message numerus="yes">
        <source>The sandbox server did not start within %n second(s).</source>
        <translation>
            <numerusform>Le serveur bac à sable n’a pas démarré dans un délai de %n seconde.</numerusform>
            <numerusform>Le serveur bac à sable n’a pas démarré dans un délai de %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>keyward-server was not found next to Keyward or on the PATH, so the sandbox cannot start.</source>
        <translation>keyward-server est introuvable à côté de Keyward ou dans le PATH&#xa0;: le bac à sable ne peut pas démarrer.</translation>
    </message>
    <message>
        <source>The sandbox server said something unexpected: %1</source>
        <translation>Le serveur bac à sable a répondu quelque chose d’inattendu&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>keyward::SecretRevealDialog</name>
    <message>
        <source>Your new secret key</source>
        <translation>Votre nouvelle clé secrète</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Terminé</translation>
    </message>
    <message>
        <source>Confirm first that the key is stored: it cannot be shown again.</source>
        <translation>Confirmez d’abord que la clé est enregistrée&#xa0;: elle ne pourra plus être affichée.</translation>
    </message>
</context>
<context>
    <name>keyward::SecretRevealPanel</name>
    <message>
        <source>Copy the key now: you will not see it again</source>
        <translation>Copiez la clé maintenant&#xa0;: vous ne la reverrez plus</translation>
    </message>
    <message>
        <source>“%1” was created. Store its secret where the application reads it (a secret manager, your deployment&apos;s environment). Keyward and the server keep only a fingerprint; if the secret is lost, create a new key.</source>
        <translation>«&#xa0;%1&#xa0;» a été créée. Enregistrez son secret là où l’application le lit (un gestionnaire de secrets, l’environnement de votre déploiement). Keyward et le serveur n’en conservent qu’une empreinte&#x202f;; si le secret est perdu, créez une nouvelle clé.</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Clé secrète</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message numerus="yes">
        <source>Copy to the clipboard, marked as secret, and clear it after %n second(s)</source>
        <translation>
            <numerusform>Copier dans le presse-papiers (marqué comme secret), puis le vider après %n seconde</numerusform>
            <numerusform>Copier dans le presse-papiers (marqué comme secret), puis le vider après %n secondes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Copiée. Le presse-papiers sera vidé dans %n seconde.</numerusform>
            <numerusform>Copiée. Le presse-papiers sera vidé dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clipboard cleared.</source>
        <translation>Presse-papiers vidé.</translation>
    </message>
    <message>
        <source>I have &amp;stored this key somewhere safe</source>
        <translation>J’ai enregistré cette c&amp;lé en lieu sûr</translation>
    </message>
    <message>
        <source>Copy the secret</source>
        <translation>Copier le secret</translation>
    </message>
</context>
<context>
    <name>keyward::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>An action, a key or a page</source>
        <translation>Une action, une touche ou une page</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>No shortcut matches.</source>
        <translation>Aucun raccourci ne correspond.</translation>
    </message>
    <message>
        <source>Main window</source>
        <translation>Fenêtre principale</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Partout</translation>
    </message>
    <message>
        <source>Next or previous control</source>
        <translation>Contrôle suivant ou précédent</translation>
    </message>
    <message>
        <source>Go to the control with that letter underlined</source>
        <translation>Aller au contrôle dont cette lettre est soulignée</translation>
    </message>
    <message>
        <source>Alt+underlined letter</source>
        <translation>Alt+lettre soulignée</translation>
    </message>
    <message>
        <source>Press the default button of a dialog</source>
        <translation>Activer le bouton par défaut d’une boîte de dialogue</translation>
    </message>
    <message>
        <source>Close a dialog, or cancel it</source>
        <translation>Fermer ou annuler une boîte de dialogue</translation>
    </message>
    <message>
        <source>Lists and tables</source>
        <translation>Listes et tableaux</translation>
    </message>
    <message>
        <source>Move through the rows</source>
        <translation>Parcourir les lignes</translation>
    </message>
    <message>
        <source>Select the current row</source>
        <translation>Sélectionner la ligne courante</translation>
    </message>
    <message>
        <source>Extend the selection</source>
        <translation>Étendre la sélection</translation>
    </message>
    <message>
        <source>Add or remove the current row</source>
        <translation>Ajouter ou retirer la ligne courante</translation>
    </message>
    <message>
        <source>Secret key list</source>
        <translation>Liste des clés secrètes</translation>
    </message>
    <message>
        <source>Edit the selected key</source>
        <translation>Modifier la clé sélectionnée</translation>
    </message>
    <message>
        <source>Note in the key details</source>
        <translation>Note dans le détail de la clé</translation>
    </message>
    <message>
        <source>Save the edited note</source>
        <translation>Enregistrer la note modifiée</translation>
    </message>
    <message>
        <source>Put the saved note back</source>
        <translation>Rétablir la note enregistrée</translation>
    </message>
    <message>
        <source>Usage chart in the key details</source>
        <translation>Graphique d’utilisation dans le détail de la clé</translation>
    </message>
    <message>
        <source>Previous or next day</source>
        <translation>Jour précédent ou suivant</translation>
    </message>
    <message>
        <source>First or last day</source>
        <translation>Premier ou dernier jour</translation>
    </message>
    <message>
        <source>New secret, shown once</source>
        <translation>Nouveau secret, affiché une seule fois</translation>
    </message>
    <message>
        <source>Copy the secret (cleared from the clipboard after 30 seconds)</source>
        <translation>Copier le secret (effacé du presse-papiers après 30 secondes)</translation>
    </message>
    <message>
        <source>Audit timeline</source>
        <translation>Chronologie d’audit</translation>
    </message>
    <message>
        <source>Previous or next bar</source>
        <translation>Barre précédente ou suivante</translation>
    </message>
    <message>
        <source>First or last bar</source>
        <translation>Première ou dernière barre</translation>
    </message>
    <message>
        <source>Mark a range of bars</source>
        <translation>Sélectionner une plage de barres</translation>
    </message>
    <message>
        <source>Show the events of the bar, or of the marked range</source>
        <translation>Afficher les événements de la barre ou de la plage sélectionnée</translation>
    </message>
    <message>
        <source>Drop the marked range</source>
        <translation>Abandonner la plage sélectionnée</translation>
    </message>
    <message>
        <source>Links in the audit log</source>
        <translation>Liens du journal d’audit</translation>
    </message>
    <message>
        <source>Follow the focused link</source>
        <translation>Suivre le lien actif</translation>
    </message>
</context>
<context>
    <name>keyward::StatusPage</name>
    <message>
        <source>Working</source>
        <translation>Traitement en cours</translation>
    </message>
    <message>
        <source>&amp;Open the browser again</source>
        <translation>Rou&amp;vrir le navigateur</translation>
    </message>
    <message>
        <source>Copy sign-in &amp;link</source>
        <translation>Copier le &amp;lien de connexion</translation>
    </message>
    <message>
        <source>Copy the sign-in address to paste into a browser yourself.</source>
        <translation>Copier l’adresse de connexion pour la coller vous-même dans un navigateur.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>ID de requête&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>keyward::SummaryPage</name>
    <message>
        <source>Rotation complete</source>
        <translation>Rotation terminée</translation>
    </message>
    <message>
        <source>The replacement carries the traffic and the old key is on its way out.</source>
        <translation>La clé de remplacement prend en charge le trafic et l’ancienne clé est en cours de retrait.</translation>
    </message>
    <message>
        <source>In the audit log</source>
        <translation>Dans le journal d’audit</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Nouvelle clé</translation>
    </message>
    <message>
        <source>“%1” &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Permissions: %3&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;%4&lt;/span&gt;</source>
        <translation>«&#xa0;%1&#xa0;» &lt;tt&gt;%2&lt;/tt&gt;&lt;br&gt;Autorisations&#xa0;: %3&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;%4&lt;/span&gt;</translation>
    </message>
    <message>
        <source>deleted elsewhere while the rotation ran.</source>
        <translation>supprimée ailleurs pendant la rotation.</translation>
    </message>
    <message>
        <source>revoked as soon as the replacement existed.</source>
        <translation>révoquée dès que la clé de remplacement a existé.</translation>
    </message>
    <message>
        <source>expires %1 (%2), then answers 401.</source>
        <translation>expire le %1 (%2), puis renverra 401.</translation>
    </message>
    <message>
        <source>revoked: it answers 401.</source>
        <translation>révoquée&#xa0;: elle renvoie 401.</translation>
    </message>
    <message>
        <source>deleted: it answers 401 and has left the list.</source>
        <translation>supprimée&#xa0;: elle renvoie 401 et a quitté la liste.</translation>
    </message>
    <message>
        <source>already revoked.</source>
        <translation>déjà révoquée.</translation>
    </message>
    <message>
        <source>Old key</source>
        <translation>Ancienne clé</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>The traffic check was skipped: watch the application&apos;s errors for a while.</source>
        <translation>La vérification du trafic a été ignorée&#xa0;: surveillez les erreurs de l’application pendant un moment.</translation>
    </message>
    <message>
        <source>After Finish, the new key is selected in the list with its details.</source>
        <translation>Après avoir cliqué sur Terminer, vous retrouverez la nouvelle clé sélectionnée dans la liste, avec ses détails.</translation>
    </message>
    <message>
        <source>Reading both keys&apos; events…</source>
        <translation>Lecture des événements des deux clés…</translation>
    </message>
    <message>
        <source>Your role cannot read the audit log, so the trail is not shown here.</source>
        <translation>Votre rôle ne permet pas de consulter le journal d’audit&#xa0;: l’historique n’est donc pas affiché ici.</translation>
    </message>
    <message>
        <source>The audit trail could not be read: %1</source>
        <translation>Impossible de lire la piste d’audit&#xa0;: %1</translation>
    </message>
    <message>
        <source>No events yet.</source>
        <translation>Aucun événement pour l’instant.</translation>
    </message>
</context>
<context>
    <name>keyward::TokenStore</name>
    <message>
        <source>The system keychain is locked or refused access, so Keyward cannot keep you signed in between sessions.</source>
        <translation>Le trousseau de clés du système est verrouillé ou a refusé l’accès&#xa0;: Keyward ne peut pas vous garder connecté d’une session à l’autre.</translation>
    </message>
    <message>
        <source>No system keychain is available (such as GNOME Keyring or KWallet), so Keyward cannot keep you signed in between sessions.</source>
        <translation>Aucun trousseau de clés système n’est disponible (comme le trousseau de clés GNOME ou KWallet)&#xa0;: Keyward ne peut pas vous garder connecté d’une session à l’autre.</translation>
    </message>
    <message>
        <source>The system keychain reported an error: %1</source>
        <translation>Le trousseau de clés du système a signalé une erreur&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>keyward::UsageSparkline</name>
    <message>
        <source>Requests per day, last 30 days</source>
        <translation>Requêtes par jour, 30 derniers jours</translation>
    </message>
    <message>
        <source>No usage figures.</source>
        <translation>Aucune donnée d’utilisation.</translation>
    </message>
    <message numerus="yes">
        <source>No requests in the last %n day(s).</source>
        <translation>
            <numerusform>Aucune requête sur %n jour.</numerusform>
            <numerusform>Aucune requête sur les %n derniers jours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln requête</numerusform>
            <numerusform>%Ln requêtes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 in the last %Ln day(s); busiest %2 (%3)</source>
        <translation>
            <numerusform>%1 au cours du dernier jour&#x202f;; pic le %2 (%3)</numerusform>
            <numerusform>%1 au cours des %Ln derniers jours&#x202f;; pic le %2 (%3)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1&#x202f;; %2</translation>
    </message>
</context>
<context>
    <name>keyward::VerifyPage</name>
    <message>
        <source>Deploy the new key and watch it take over</source>
        <translation>Déployer la nouvelle clé et vérifier qu’elle prend le relais</translation>
    </message>
    <message>
        <source>Keyward asks the server about both keys every few seconds. Go on once the new key carries the traffic and the old key has gone quiet.</source>
        <translation>Keyward interroge le serveur sur les deux clés toutes les quelques secondes. Continuez une fois que la nouvelle clé prend en charge le trafic et que l’ancienne est devenue inactive.</translation>
    </message>
    <message>
        <source>Old key &amp;quiet for at least:</source>
        <translation>Ancienne clé &amp;inactive depuis au moins&#xa0;:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Go on &amp;anyway: requests that still use the old key will fail once it is retired</source>
        <translation>&amp;Continuer malgré tout&#xa0;: les requêtes qui utilisent encore l’ancienne clé échoueront une fois celle-ci retirée</translation>
    </message>
    <message>
        <source>Put the new key where “%1” is used (the note says where it is deployed).</source>
        <translation>Placez la nouvelle clé là où «&#xa0;%1&#xa0;» est utilisée (la note indique où elle est déployée).</translation>
    </message>
    <message>
        <source>Restart or reload that application so it reads the new key.</source>
        <translation>Redémarrez ou rechargez cette application pour qu’elle lise la nouvelle clé.</translation>
    </message>
    <message>
        <source>Watch below until the new key is in use.</source>
        <translation>Surveillez ci-dessous jusqu’à ce que la nouvelle clé soit utilisée.</translation>
    </message>
    <message>
        <source>Watch below until the new key is in use and the old key is quiet.</source>
        <translation>Surveillez ci-dessous jusqu’à ce que la nouvelle clé soit utilisée et que l’ancienne soit inactive.</translation>
    </message>
    <message>
        <source>Waiting for the first answer from the server…</source>
        <translation>En attente de la première réponse du serveur…</translation>
    </message>
    <message>
        <source>Could not ask the server about %1: %2 Trying again in a few seconds.</source>
        <translation>Impossible d’interroger le serveur sur %1&#xa0;: %2 Nouvelle tentative dans quelques secondes.</translation>
    </message>
    <message>
        <source>The new key %1 no longer exists: it was deleted elsewhere. The rotation cannot go on; the old key keeps working. Cancel, then rotate again.</source>
        <translation>La nouvelle clé %1 n’existe plus&#xa0;: elle a été supprimée ailleurs. La rotation ne peut pas se poursuivre&#x202f;; l’ancienne clé continue de fonctionner. Annulez, puis relancez la rotation.</translation>
    </message>
    <message numerus="yes">
        <source>New key %1: last used %2; %Ln request(s) in the last 5 minutes.</source>
        <translation>
            <numerusform>Nouvelle clé %1&#xa0;: dernière utilisation %2&#x202f;; %Ln requête au cours des 5 dernières minutes.</numerusform>
            <numerusform>Nouvelle clé %1&#xa0;: dernière utilisation %2&#x202f;; %Ln requêtes au cours des 5 dernières minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>New key %1: not used yet.</source>
        <translation>Nouvelle clé %1&#xa0;: pas encore utilisée.</translation>
    </message>
    <message>
        <source>Old key %1: deleted elsewhere; it answers 401.</source>
        <translation>Ancienne clé %1&#xa0;: supprimée ailleurs&#x202f;; elle renvoie 401.</translation>
    </message>
    <message>
        <source>Old key %1: never used.</source>
        <translation>Ancienne clé %1&#xa0;: jamais utilisée.</translation>
    </message>
    <message numerus="yes">
        <source>Old key %1: last used %2; %Ln request(s) in the last 5 minutes.</source>
        <translation>
            <numerusform>Ancienne clé %1&#xa0;: dernière utilisation %2&#x202f;; %Ln requête au cours des 5 dernières minutes.</numerusform>
            <numerusform>Ancienne clé %1&#xa0;: dernière utilisation %2&#x202f;; %Ln requêtes au cours des 5 dernières minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not yet: the new key has not been used. Deploy it and restart the application.</source>
        <translation>Pas encore&#xa0;: la nouvelle clé n’a pas été utilisée. Déployez-la et redémarrez l’application.</translation>
    </message>
    <message>
        <source>Almost: the new key is in use, but the old key was used %1. Something still runs with it.</source>
        <translation>Presque&#xa0;: la nouvelle clé est utilisée, mais l’ancienne l’a été %1. Quelque chose l’utilise encore.</translation>
    </message>
    <message numerus="yes">
        <source>Done: the new key is in use (%Ln request(s) in the last 5 minutes).</source>
        <translation>
            <numerusform>Terminé&#xa0;: la nouvelle clé est utilisée (%Ln requête au cours des 5 dernières minutes).</numerusform>
            <numerusform>Terminé&#xa0;: la nouvelle clé est utilisée (%Ln requêtes au cours des 5 dernières minutes).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Safe to retire: the new key is in use (%Ln request(s) in the last 5 minutes) and the old key has been quiet for %1.</source>
        <translation>
            <numerusform>Retrait sans risque&#xa0;: la nouvelle clé est utilisée (%Ln requête au cours des 5 dernières minutes) et l’ancienne est inactive depuis %1.</numerusform>
            <numerusform>Retrait sans risque&#xa0;: la nouvelle clé est utilisée (%Ln requêtes au cours des 5 dernières minutes) et l’ancienne est inactive depuis %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Old key %1: revoked; it answers 401.</source>
        <translation>Ancienne clé %1&#xa0;: révoquée&#x202f;; elle renvoie 401.</translation>
    </message>
    <message>
        <source>Old key %1: expired; it answers 401.</source>
        <translation>Ancienne clé %1&#xa0;: expirée&#x202f;; elle renvoie 401.</translation>
    </message>
</context>
<context>
    <name>keyward::WelcomePage</name>
    <message>
        <source>Welcome to Keyward</source>
        <translation>Bienvenue dans Keyward</translation>
    </message>
    <message>
        <source>Keep your organization&apos;s API keys under control: see every key masked with its permissions and last use, create keys with the least access they need and see their secret exactly once, rotate without an outage, revoke a leaked key at once, and review who did what in a tamper-evident audit log.</source>
        <translation>Gardez le contrôle des clés API de votre organisation&#xa0;: voyez chaque clé masquée avec ses autorisations et sa dernière utilisation, créez des clés avec le minimum d’accès nécessaire et consultez leur secret une seule fois, effectuez des rotations sans interruption de service, révoquez immédiatement une clé compromise et vérifiez qui a fait quoi dans un journal d’audit qui révèle toute falsification.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>&amp;Sign in with browser</source>
        <translation>Se co&amp;nnecter avec le navigateur</translation>
    </message>
    <message>
        <source>Opens your web browser at the server&apos;s sign-in page; Keyward continues when you are done.</source>
        <translation>Ouvre votre navigateur web sur la page de connexion du serveur&#x202f;; Keyward reprend la main une fois que vous avez terminé.</translation>
    </message>
    <message>
        <source>&amp;Manage profiles…</source>
        <translation>&amp;Gérer les profils…</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>No server yet</source>
        <translation>Aucun serveur pour l’instant</translation>
    </message>
    <message>
        <source>Add a profile with the address of your API and its sign-in server, or start Keyward with --sandbox to try it against a local demo server.</source>
        <translation>Ajoutez un profil avec l’adresse de votre API et de son serveur de connexion, ou lancez Keyward avec --sandbox pour l’essayer avec un serveur de démonstration local.</translation>
    </message>
    <message>
        <source>&amp;Add a profile…</source>
        <translation>&amp;Ajouter un profil…</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sign-in: %1</source>
        <translation>Connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>Request id: %1</source>
        <translation>ID de requête&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>keyward::Workspace</name>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source>Who you are signed in as and what you can do</source>
        <translation>Votre identité de connexion et ce que vous pouvez faire</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Clés</translation>
    </message>
    <message>
        <source>The organization&apos;s secret keys, masked</source>
        <translation>Les clés secrètes de l’organisation, masquées</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>Who did what to which key, when and from where</source>
        <translation>Qui a fait quoi sur quelle clé, quand et d’où</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>keyward: no profile named &apos;%1&apos; (profiles: %2)</source>
        <translation>keyward&#xa0;: aucun profil nommé «&#xa0;%1&#xa0;» (profils&#xa0;: %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Starting the sandbox server…</source>
        <translation>Démarrage du serveur bac à sable…</translation>
    </message>
    <message>
        <source>A local keyward-server with a demo organization is starting on this computer.</source>
        <translation>Un keyward-server local avec une organisation de démonstration démarre sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>Bac à sable</translation>
    </message>
    <message>
        <source>Keyward is already running with this profile; its window was brought to the front.</source>
        <translation>Keyward est déjà ouvert avec ce profil&#x202f;; sa fenêtre a été mise au premier plan.</translation>
    </message>
    <message>
        <source>Keyward is already running with this profile but does not answer. Close it and try again.</source>
        <translation>Keyward est déjà ouvert avec ce profil mais ne répond pas. Fermez-le et réessayez.</translation>
    </message>
</context>
</TS>

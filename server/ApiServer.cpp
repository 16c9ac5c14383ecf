// SPDX-License-Identifier: GPL-3.0-or-later
#include "ApiServer.h"

#include "AccessTokens.h"
#include "ApiExchange.h"
#include "AuditLog.h"
#include "ChangeListener.h"
#include "ConnectionGuard.h"
#include "Database.h"
#include "ExternalIssuers.h"
#include "GuardedTcpServer.h"
#include "JsonInput.h"
#include "KeyFormat.h"
#include "KeyStore.h"
#include "LoginPage.h"
#include "LoginThrottle.h"
#include "OAuthStore.h"
#include "ServerSecrets.h"
#include "Timestamps.h"
#include "UserStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QUrlQuery>

#include <openssl/crypto.h>

Q_LOGGING_CATEGORY(lcAccess, "keyward.server.access", QtWarningMsg)
Q_LOGGING_CATEGORY(lcServer, "keyward.server", QtInfoMsg)

namespace keyward::server {


Reply Reply::json(int status, const QJsonObject &object)
{
    Reply r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

Reply Reply::html(int status, const QByteArray &page, const QString &nonce)
{
    Reply r;
    r.status = status;
    r.body = page;
    r.contentType = "text/html; charset=utf-8";
    r.headers = {{QByteArray("Content-Security-Policy"), LoginPage::contentSecurityPolicy(nonce)},
                 {QByteArray("X-Frame-Options"), QByteArray("DENY")},
                 {QByteArray("X-Content-Type-Options"), QByteArray("nosniff")},
                 {QByteArray("Referrer-Policy"), QByteArray("no-referrer")},
                 {QByteArray("Cache-Control"), QByteArray("no-store")}};
    return r;
}

Reply Reply::redirect(const QUrl &location)
{
    Reply r;
    r.status = 302;
    r.contentType = "text/plain; charset=utf-8";
    r.headers = {{QByteArray("Location"), location.toEncoded()},
                 {QByteArray("Cache-Control"), QByteArray("no-store")},
                 {QByteArray("Referrer-Policy"), QByteArray("no-referrer")}};
    return r;
}

ApiServer::ApiServer(Database &database, ServerSecrets &secrets, Organization org, ServerConfig config,
                     QObject *parent)
    : QObject(parent)
    , m_db(database)
    , m_secrets(secrets)
    , m_org(std::move(org))
    , m_config(std::move(config))
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_readPool.setMaxThreadCount(m_config.databaseThreads);
    m_readPool.setExpiryTimeout(-1); // threads keep their database connections
    m_writePool.setMaxThreadCount(1);
    m_writePool.setExpiryTimeout(-1);
    m_hashPool.setMaxThreadCount(2);
    m_hashPool.setExpiryTimeout(-1);
    m_loginThrottle = std::make_unique<LoginThrottle>();
    m_orgJson = QJsonDocument(QJsonObject {{QStringLiteral("id"), m_org.id},
                                           {QStringLiteral("name"), m_org.name},
                                           {QStringLiteral("tier"), m_org.tier},
                                           {QStringLiteral("key_format"), KeyFormat::flavorName(m_org.keyFormat)}})
                    .toJson(QJsonDocument::Compact);
    if (!m_config.trustedIssuers.isEmpty())
        m_external = new ExternalIssuers(m_config.trustedIssuers, m_config.trustedAudiences, m_config.jwksRefetchSeconds, this);
    m_orgRateSubject = QStringLiteral("org:") + m_org.id;
    m_orgRateLimit = m_config.limitForTier(m_org.tier);
    m_routes = routes();
    m_http.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        dispatch(request, std::move(responder));
    });
    connect(&m_usageTimer, &QTimer::timeout, this, &ApiServer::flushUsage);
    m_usageTimer.start(m_config.usageFlushMs);
    m_expiryCheckedUntilMs = m_now();
    connect(&m_expiryTimer, &QTimer::timeout, this, &ApiServer::sweepExpired);
    m_expiryTimer.start(m_config.expirySweepMs);
    connect(&m_changeTimer, &QTimer::timeout, this, &ApiServer::checkChanges);
    m_changeTimer.start(ChangeCheckMs);
    if (m_db.isPostgres()) {
        m_changeListener = std::make_unique<ChangeListener>(m_db);
        connect(m_changeListener.get(), &ChangeListener::changed, this, &ApiServer::checkChanges);
        m_changeListener->start();
        m_sharedRateLimits = true;
        connect(&m_rateSyncTimer, &QTimer::timeout, this, &ApiServer::syncRateLimits);
        m_rateSyncTimer.start(RateSyncMs);
    }
}

ApiServer::~ApiServer()
{
    m_changeListener.reset();
    // Sockets go first, while the members their signals reach still exist.
    delete m_tcp;
    m_tcp = nullptr;
    m_hashPool.waitForDone();
    m_readPool.waitForDone();
    m_writePool.waitForDone();
}

quint16 ApiServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    m_tcp = new GuardedTcpServer(m_config, this);
    if (!m_tcp->listen(address, port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(m_tcp->errorString());
        return 0;
    }
    m_http.bind(m_tcp);
    QString issuer = m_config.issuer;
    if (issuer.isEmpty()) {
        const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
            ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
            : address.toString();
        issuer = QStringLiteral("http://%1:%2").arg(host).arg(m_tcp->serverPort());
    }
    while (issuer.endsWith(QLatin1Char('/')))
        issuer.chop(1);
    m_tokens = std::make_unique<AccessTokens>(m_secrets, issuer, m_config.accessTokenLifetimeSeconds,
                                              m_config.accessTokenLeewaySeconds);
    m_expiryCheckedUntilMs = m_now(); // nothing was cached before this
    QMetaObject::invokeMethod(this, &ApiServer::sweepExpired, Qt::QueuedConnection);
    QMetaObject::invokeMethod(this, &ApiServer::checkChanges, Qt::QueuedConnection);
    if (m_external)
        m_external->fetchAll();
    return m_tcp->serverPort();
}

QList<ApiServer::Route> ApiServer::routes()
{
    using A = Permission::Access;
    auto perm = [](const char *resource, A access) { return Permission {QLatin1String(resource), access}; };
    auto p = [](const char *path) { return QString::fromLatin1(path).split(QLatin1Char('/'), Qt::SkipEmptyParts); };
    return {
        {"GET", p("health"), false, std::nullopt, &ApiServer::getHealth},
        {"GET", p("me"), true, std::nullopt, &ApiServer::getMe},
        {"GET", p("permissions"), true, std::nullopt, &ApiServer::getPermissions},
        {"GET", p("secret-keys"), true, perm("secret_keys", A::Read), &ApiServer::listSecretKeys},
        {"POST", p("secret-keys"), true, perm("secret_keys", A::Write), &ApiServer::createSecretKey},
        {"GET", p("secret-keys/*"), true, perm("secret_keys", A::Read), &ApiServer::getSecretKey},
        {"POST", p("secret-keys/*"), true, perm("secret_keys", A::Write), &ApiServer::updateSecretKey},
        {"POST", p("secret-keys/*/revoke"), true, perm("secret_keys", A::Write), &ApiServer::revokeSecretKey},
        {"POST", p("secret-keys/*/delete"), true, perm("secret_keys", A::Write), &ApiServer::deleteSecretKey},
        {"GET", p("publishable-keys"), true, perm("publishable_keys", A::Read), &ApiServer::listPublishableKeys},
        {"POST", p("publishable-keys"), true, perm("publishable_keys", A::Write), &ApiServer::createPublishableKey},
        {"POST", p("publishable-keys/*/delete"), true, perm("publishable_keys", A::Write),
         &ApiServer::deletePublishableKey},
        {"GET", p("payments"), true, perm("payments", A::Read), &ApiServer::listPayments},
        {"POST", p("payments"), true, perm("payments", A::Write), &ApiServer::createPayment},
        {"GET", p("audit-events"), true, perm("audit_log", A::Read), &ApiServer::listAuditEvents},
        {"GET", p("audit-events/histogram"), true, perm("audit_log", A::Read), &ApiServer::getAuditHistogram},
        {"GET", p("audit-events/denied-summary"), true, perm("audit_log", A::Read), &ApiServer::getAuditDeniedSummary},
        {"GET", p("audit-events/chain"), true, perm("audit_log", A::Read), &ApiServer::getAuditChain},
        {"GET", p("audit-events/head"), true, perm("audit_log", A::Read), &ApiServer::getAuditHead},
        {"GET", p("users"), true, perm("audit_log", A::Read), &ApiServer::listUsers},
        {"GET", p(".well-known/jwks.json"), false, std::nullopt, &ApiServer::getJwks},
        {"GET", p(".well-known/oauth-authorization-server"), false, std::nullopt, &ApiServer::getAuthorizationServerMetadata},
        {"GET", p(".well-known/openid-configuration"), false, std::nullopt, &ApiServer::getAuthorizationServerMetadata},
        {"GET", p("oauth/authorize"), false, std::nullopt, &ApiServer::getAuthorize},
        {"POST", p("oauth/authorize"), false, std::nullopt, &ApiServer::postAuthorize},
        {"POST", p("oauth/token"), false, std::nullopt, &ApiServer::postToken},
        {"POST", p("oauth/revoke"), false, std::nullopt, &ApiServer::postRevoke},
    };
}

QList<ApiServer::RouteInfo> ApiServer::routeTable()
{
    QList<RouteInfo> out;
    for (const Route &route : routes()) {
        QStringList segments = route.pattern;
        for (QString &segment : segments) {
            if (segment == QLatin1String("*"))
                segment = QStringLiteral("{id}");
        }
        out.append({route.method, QLatin1Char('/') + segments.join(QLatin1Char('/')), route.authenticated,
                    route.permission});
    }
    return out;
}

namespace {
QString newRequestId()
{
    static constexpr char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    QString id = QStringLiteral("req_");
    quint64 r = QRandomGenerator::global()->generate64();
    for (int i = 0; i < 12; ++i) {
        id += QLatin1Char(alphabet[r % 36]);
        r /= 36;
    }
    return id;
}

bool hasControlCharacter(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

} // namespace

void ApiServer::dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    auto ex = std::make_shared<Exchange>(std::move(responder));
    ex->timer.start();
    ex->receivedAtMs = m_now();
    ex->socket = ex->responder.socket();
    ex->requestId = newRequestId();
    if (QTcpSocket *socket = ex->socket) {
        auto it = m_order.find(socket);
        if (it == m_order.end()) {
            it = m_order.insert(socket, {});
            connect(socket, &QObject::destroyed, this, [this, socket] { m_order.remove(socket); });
        }
        ex->orderOnConnection = it->assigned++;
    }
    ++m_inFlight;

    switch (request.method()) {
    case QHttpServerRequest::Method::Get: ex->method = "GET"; break;
    case QHttpServerRequest::Method::Post: ex->method = "POST"; break;
    case QHttpServerRequest::Method::Put: ex->method = "PUT"; break;
    case QHttpServerRequest::Method::Delete: ex->method = "DELETE"; break;
    case QHttpServerRequest::Method::Patch: ex->method = "PATCH"; break;
    case QHttpServerRequest::Method::Head: ex->method = "HEAD"; break;
    case QHttpServerRequest::Method::Options: ex->method = "OPTIONS"; break;
    default: ex->method = "OTHER"; break;
    }
    const QUrl url = request.url();
    ex->path = url.path(QUrl::FullyEncoded);
    ex->query = QUrlQuery(url.query(QUrl::FullyEncoded));
    ex->body = request.body();
    ex->authorization = request.value("authorization");
    ex->apiKey = request.value("api-key");
    ex->idempotencyKey = request.value("idempotency-key");
    ex->cookie = request.value("cookie");
    ex->contentType = request.value("content-type");
    ex->userAgent = QString::fromUtf8(request.value("user-agent")).left(512);
    ex->ip = request.remoteAddress().toString();

    if (m_shuttingDown) {
        finish(ex, error(ex, ApiError::Code::Unavailable, QStringLiteral("The server is shutting down.")));
        return;
    }

    // Route: split the encoded path so an encoded slash stays inside its segment.
    QStringList segments;
    for (const QString &raw : ex->path.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        segments.append(QUrl::fromPercentEncoding(raw.toLatin1()));
    // No id, path or query parameter holds a control character; a NUL (%00) would reach the
    // database, which PostgreSQL refuses in text (a 500).
    bool control = false;
    for (const QString &segment : std::as_const(segments))
        control = control || hasControlCharacter(segment);
    for (const auto &item : ex->query.queryItems(QUrl::FullyDecoded))
        control = control || hasControlCharacter(item.first) || hasControlCharacter(item.second);
    if (control) {
        if (!checkRate(ex, QStringLiteral("ip:") + ex->ip, m_config.anonymousLimit))
            return;
        finish(ex, error(ex, ApiError::Code::BadRequest,
                         QStringLiteral("The path or query holds a control character (such as %00).")));
        return;
    }
    QByteArrayList allowed;
    const Route *match = nullptr;
    QStringList args;
    for (const Route &route : std::as_const(m_routes)) {
        if (route.pattern.size() != segments.size())
            continue;
        QStringList captured;
        bool same = true;
        for (qsizetype i = 0; i < segments.size() && same; ++i) {
            if (route.pattern.at(i) == QLatin1String("*")) {
                // A literal route segment elsewhere wins ("/audit-events/head" over an id).
                captured.append(segments.at(i));
            } else {
                same = route.pattern.at(i) == segments.at(i);
            }
        }
        if (!same)
            continue;
        if (route.method == ex->method) {
            // Prefer the route with fewer wildcards when several match.
            if (!match || route.pattern.count(QStringLiteral("*")) < match->pattern.count(QStringLiteral("*"))) {
                match = &route;
                args = captured;
            }
        } else if (!allowed.contains(route.method)) {
            allowed.append(route.method);
        }
    }

    if (!match) {
        if (!checkRate(ex, QStringLiteral("ip:") + ex->ip, m_config.anonymousLimit))
            return;
        if (allowed.isEmpty()) {
            finish(ex, error(ex, ApiError::Code::NotFound, QStringLiteral("There is no %1 endpoint.")
                                                               .arg(QUrl::fromPercentEncoding(ex->path.toLatin1()))));
        } else {
            Reply r = error(ex, ApiError::Code::MethodNotAllowed,
                            QStringLiteral("%1 does not accept %2; use %3.")
                                .arg(ex->path, QString::fromLatin1(ex->method),
                                     QString::fromLatin1(allowed.join(", "))));
            r.headers.append({QByteArray("Allow"), allowed.join(", ")});
            finish(ex, r);
        }
        return;
    }
    ex->route = match;
    ex->args = args;
    if (ex->idempotencyKey.size() > 255) {
        finish(ex, validationError(ex, {{QStringLiteral("Idempotency-Key"),
                                         QStringLiteral("Must be at most 255 characters.")}}));
        return;
    }
    if (!match->authenticated) {
        if (!checkRate(ex, QStringLiteral("ip:") + ex->ip, m_config.anonymousLimit))
            return;
        (this->*match->handler)(ex);
        return;
    }
    authenticate(ex);
}

bool ApiServer::checkRate(const ExchangePtr &ex, const QString &subject, const RateLimit &limit)
{
    ex->rate = m_rateLimiter.check(subject, limit, m_now());
    ex->hasRate = true;
    if (ex->rate.allowed)
        return true;
    refuseRate(ex, limit);
    return false;
}

void ApiServer::refuseRate(const ExchangePtr &ex, const RateLimit &limit)
{
    Reply r = error(ex, ApiError::Code::RateLimited,
                    QStringLiteral("Too many requests: the limit is %1 per %2 seconds. Try again in %3 seconds.")
                        .arg(limit.limit)
                        .arg(limit.windowSeconds)
                        .arg(ex->rate.retryAfterSeconds));
    r.headers.append({QByteArray("Retry-After"), QByteArray::number(ex->rate.retryAfterSeconds)});
    finish(ex, r);
}

void ApiServer::authenticate(const ExchangePtr &ex)
{
    QByteArray credential;
    if (!ex->authorization.isEmpty()) {
        const QByteArray auth = ex->authorization.trimmed();
        if (auth.size() > 7 && auth.left(7).toLower() == "bearer ")
            credential = auth.mid(7).trimmed();
        else {
            if (!checkRate(ex, QStringLiteral("ip:") + ex->ip, m_config.anonymousLimit))
                return;
            deny(ex, 401, QStringLiteral("The Authorization header must be \"Bearer <key>\"."),
                 QStringLiteral("malformed authorization header"));
            return;
        }
    } else if (!ex->apiKey.isEmpty()) {
        credential = ex->apiKey.trimmed();
    }
    if (credential.isEmpty()) {
        if (!checkRate(ex, QStringLiteral("ip:") + ex->ip, m_config.anonymousLimit))
            return;
        deny(ex, 401, QStringLiteral("Missing credentials: send \"Authorization: Bearer <key>\" or \"api-key: <key>\"."),
             QStringLiteral("missing credentials"));
        return;
    }
    // A cached credential was well formed when it was cached; check the format only on a miss,
    // and reject a malformed key there without touching the database.
    const QByteArray hash = m_secrets.keyedHash(credential);
    if (const auto cached = m_authCache.find(hash)) {
        // A cached entry past its expiry is never the last word: the database decides (another
        // server process may have moved the expiry), and proceedAuthenticated refuses it if due.
        const qint64 now = m_now();
        if ((cached->cacheUntilMs == 0 || now < cached->cacheUntilMs)
            && (cached->expiresAtMs == 0 || now < cached->expiresAtMs)) {
            proceedAuthenticated(ex, *cached);
            return;
        }
    }
    // An address over its anonymous budget gets no more lookups or signature checks until the
    // window ends: without this a guesser would still have every guess checked (and a right one
    // answered) at full speed, only the refusals turning from 401 into 429.
    if (m_rateLimiter.isExhausted(QStringLiteral("ip:") + ex->ip, m_config.anonymousLimit, m_now())
        && !checkRate(ex, QStringLiteral("ip:") + ex->ip, m_config.anonymousLimit))
        return;
    if (AccessTokens::looksLikeJwt(credential)) {
        authenticateUserToken(ex, credential, hash);
        return;
    }
    if (!KeyFormat::isWellFormedSecret(QString::fromLatin1(credential))) {
        if (!checkRate(ex, QStringLiteral("ip:") + ex->ip, m_config.anonymousLimit))
            return;
        deny(ex, 401, QStringLiteral("Invalid or expired authentication token"), QStringLiteral("malformed key"));
        return;
    }
    const quint64 generation = m_authCache.generation();
    QPointer<ApiServer> self(this);
    m_readPool.start([this, self, ex, hash, generation] {
        std::optional<KeyStore::Credential> found;
        Failure failed = Failure::None;
        try {
            QSqlDatabase db = m_db.connection();
            found = KeyStore::credentialForHash(db, hash);
            if (found && found->canAuthenticate())
                found->principal.meJson = meBody(found->principal);
        } catch (const std::exception &e) {
            failed = failureOf(e, "credential lookup failed");
        }
        QMetaObject::invokeMethod(self, [this, ex, hash, generation, found, failed] {
            if (failed != Failure::None) {
                finish(ex, failureReply(ex, failed, QStringLiteral("The server could not check the key.")));
                return;
            }
            if (!found || !found->canAuthenticate()) {
                if (!checkRate(ex, QStringLiteral("ip:") + ex->ip, m_config.anonymousLimit))
                    return;
                const QString reason = !found ? QStringLiteral("unknown key")
                    : found->deleted          ? QStringLiteral("deleted key")
                                                   : QStringLiteral("revoked key");
                deny(ex, 401, QStringLiteral("Invalid or expired authentication token"), reason,
                     found ? found->principal.actor() : Actor {});
                return;
            }
            m_authCache.insert(hash, found->principal, generation);
            proceedAuthenticated(ex, found->principal);
        }, Qt::QueuedConnection);
    });
}

void ApiServer::authenticateUserToken(const ExchangePtr &ex, const QByteArray &token, const QByteArray &hash)
{
    // Signature checks cost tens of microseconds and the user lookup touches the database:
    // both run on the reader pool; the validated session is cached for later calls.
    const quint64 generation = m_authCache.generation();
    QPointer<ApiServer> self(this);
    const QString claimedIssuer = ExternalIssuers::unverifiedIssuer(token);
    const bool external = m_external && claimedIssuer != m_tokens->issuer() && m_external->trusts(claimedIssuer);
    m_readPool.start([this, self, ex, token, hash, generation, external] {
        std::optional<Principal> principal;
        QString why;
        int status = 401;
        Failure failed = Failure::None;
        try {
            const qint64 now = m_now();
            std::optional<User> user;
            qint64 expiresAtMs = 0;
            QString sessionId;
            bool valid = false;
            QSqlDatabase db = m_db.connection();
            if (external) {
                // A company's own identity provider: its verified email (or subject) names the member.
                if (const auto id = m_external->validate(token, now, &why)) {
                    valid = true;
                    expiresAtMs = id->expiresAtMs;
                    if (!id->email.isEmpty())
                        user = UserStore::findByEmail(db, id->email);
                    if (!user && !id->subject.isEmpty())
                        user = UserStore::findById(db, id->subject);
                    if (!user && id->subject.contains(QLatin1Char('@')))
                        user = UserStore::findByEmail(db, id->subject);
                    if (!user) {
                        status = 403;
                        why = QStringLiteral("%1 is not a member of %2; ask an owner or admin to add you.")
                                  .arg(id->email.isEmpty() ? id->subject : id->email, m_org.name);
                    }
                }
            } else if (const auto claims = m_tokens->validate(token, now, &why)) {
                valid = true;
                expiresAtMs = claims->expiresAtMs;
                sessionId = claims->sessionId;
                user = UserStore::findById(db, claims->userId);
                if (!user)
                    why = QStringLiteral("unknown user");
            }
            if (valid && user) {
                if (user->disabled)
                    why = QStringLiteral("disabled user");
                else if (user->orgId != m_org.id)
                    why = QStringLiteral("user of another organisation");
                else if (!sessionId.isEmpty() && OAuthStore::isFamilyRevoked(db, sessionId))
                    why = QStringLiteral("signed out");
                else {
                    Principal p;
                    p.type = QStringLiteral("user");
                    p.id = user->id;
                    p.display = user->display();
                    p.orgId = user->orgId;
                    p.role = User::roleName(user->role);
                    p.email = user->email;
                    p.note = user->name;
                    p.permissions = User::permissionsFor(user->role);
                    p.expiresAtMs = expiresAtMs;
                    p.cacheUntilMs = qMin(expiresAtMs, now + qint64(m_config.sessionCacheSeconds) * 1000);
                    p.meJson = meBody(p);
                    principal = p;
                }
            }
        } catch (const std::exception &e) {
            failed = failureOf(e, "access token check failed");
        }
        QMetaObject::invokeMethod(self, [this, ex, hash, generation, principal, why, status, failed] {
            if (failed != Failure::None) {
                finish(ex, failureReply(ex, failed, QStringLiteral("The server could not check the token.")));
                return;
            }
            if (!principal) {
                if (!checkRate(ex, QStringLiteral("ip:") + ex->ip, m_config.anonymousLimit))
                    return;
                if (status == 403)
                    deny(ex, 403, why, QStringLiteral("not a member"));
                else
                    deny(ex, 401, QStringLiteral("Invalid or expired authentication token"), why);
                return;
            }
            if (m_config.sessionCacheSeconds > 0)
                m_authCache.insert(hash, *principal, generation);
            proceedAuthenticated(ex, *principal);
        }, Qt::QueuedConnection);
    });
}

void ApiServer::checkChanges()
{
    if (m_shuttingDown)
        return;
    if (m_changeCheckRunning) {
        m_changeCheckAgain = true; // a wake-up during a check: check once more after it
        return;
    }
    m_changeCheckRunning = true;
    m_changeCheckAgain = false;
    QPointer<ApiServer> self(this);
    const qint64 afterSeq = m_changeSeq;
    m_readPool.start([this, self, afterSeq] {
        QString stamp;
        ChangeBatch changes;
        bool failed = false;
        try {
            QSqlDatabase db = m_db.connection();
            stamp = UserStore::changeStamp(db);
            changes = readChanges(db, afterSeq);
        } catch (const std::exception &e) {
            failed = true;
            if (!m_changeCheckFailing.exchange(true))
                qCWarning(lcServer) << "cannot check for changes made elsewhere:" << e.what();
        }
        if (!failed && m_changeCheckFailing.exchange(false))
            qCInfo(lcServer) << "checking for changes made elsewhere again";
        QMetaObject::invokeMethod(self, [this, stamp, changes] {
            m_changeCheckRunning = false;
            applyChanges(changes);
            if (!stamp.isEmpty() && stamp != m_userChangeStamp) {
                // A role change, a disabled user or a new password elsewhere: sessions validate again.
                if (!m_userChangeStamp.isEmpty())
                    m_authCache.invalidateType(QStringLiteral("user"));
                m_userChangeStamp = stamp;
            }
            if (m_changeCheckAgain)
                checkChanges();
        }, Qt::QueuedConnection);
    });
}

ApiServer::ChangeBatch ApiServer::readChanges(QSqlDatabase &db, qint64 afterSeq)
{
    ChangeBatch batch;
    batch.read = true;
    if (afterSeq < 0) {
        // First look: what is there already was never cached here.
        Sql q(db, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM invalidations"));
        q.exec();
        batch.lastSeq = q.next() ? q.integer(0) : 0;
        return batch;
    }
    batch.lastSeq = afterSeq;
    Sql q(db, QStringLiteral("SELECT seq, target FROM invalidations WHERE seq > ? ORDER BY seq LIMIT ?"));
    q.bind(afterSeq).bind(MaxChangesPerCheck + 1).exec();
    while (q.next()) {
        if (batch.targets.size() == MaxChangesPerCheck) {
            batch.clearAll = true; // too many to go through one by one: drop everything
            break;
        }
        batch.lastSeq = q.integer(0);
        batch.targets.append(q.text(1));
    }
    return batch;
}

void ApiServer::applyChanges(const ChangeBatch &changes)
{
    if (!changes.read)
        return;
    if (changes.clearAll)
        m_authCache.clear();
    for (const QString &target : changes.targets)
        m_authCache.invalidateKey(target);
    m_changeSeq = changes.lastSeq;
}

void ApiServer::syncRateLimits()
{
    if (m_rateSyncRunning || m_shuttingDown)
        return;
    const QList<RateLimiter::Delta> deltas = m_rateLimiter.takeDeltas(m_now());
    if (deltas.isEmpty())
        return;
    m_rateSyncRunning = true;
    QPointer<ApiServer> self(this);
    m_readPool.start([this, self, deltas] {
        QList<qint64> totals;
        try {
            QSqlDatabase db = m_db.connection();
            // One statement per subject, each atomic on its own: no write lock, no transaction.
            Sql add(db, QStringLiteral("INSERT INTO rate_windows (subject, window_start, count) VALUES (?, ?, ?) "
                                       "ON CONFLICT (subject, window_start) DO UPDATE SET count = rate_windows.count "
                                       "+ excluded.count RETURNING count"));
            for (const RateLimiter::Delta &d : deltas) {
                add.bind(d.subject).bind(d.windowStartMs).bind(d.count).exec();
                totals.append(add.next() ? add.integer(0) : -1);
            }
        } catch (const std::exception &e) {
            qCDebug(lcServer) << "cannot share rate-limit counts:" << e.what();
        }
        QMetaObject::invokeMethod(self, [this, deltas, totals] {
            m_rateSyncRunning = false;
            m_rateLimiter.applyTotals(deltas, totals);
        }, Qt::QueuedConnection);
    });
}

void ApiServer::recordChange(QSqlDatabase &db, const QString &principalId)
{
    // In the writer's transaction: other instances see the change and the note of it together.
    Sql(db, QStringLiteral("INSERT INTO invalidations (at, kind, target) VALUES (?, 'principal', ?)"))
        .bind(m_now()).bind(principalId).exec();
    if (isPostgres(db))
        Sql(db, QStringLiteral("SELECT pg_notify('%1', '')").arg(QLatin1String(ChangeListener::Channel))).exec();
}

void ApiServer::proceedAuthenticated(const ExchangePtr &ex, const Principal &principal)
{
    const qint64 now = m_now();
    if (principal.expiresAtMs > 0 && now >= principal.expiresAtMs) {
        if (!checkRate(ex, QStringLiteral("ip:") + ex->ip, m_config.anonymousLimit))
            return;
        deny(ex, 401, QStringLiteral("Invalid or expired authentication token"), QStringLiteral("expired key"),
             principal.actor());
        return;
    }
    ex->principal = principal;
    if (m_sharedRateLimits) {
        // Several instances: the organisation's budget is leased from the database.
        checkSharedRate(ex);
        return;
    }
    if (!checkRate(ex, m_orgRateSubject, m_orgRateLimit))
        return;
    proceedWithinRate(ex);
}

void ApiServer::checkSharedRate(const ExchangePtr &ex)
{
    RateLimiter::Decision d;
    switch (m_rateLimiter.checkLeased(m_orgRateSubject, m_orgRateLimit, m_now(), &d)) {
    case RateLimiter::LeaseCheck::Allowed:
        ex->rate = d;
        ex->hasRate = true;
        proceedWithinRate(ex);
        return;
    case RateLimiter::LeaseCheck::Refused:
        ex->rate = d;
        ex->hasRate = true;
        refuseRate(ex, m_orgRateLimit);
        return;
    case RateLimiter::LeaseCheck::NeedLease:
        break;
    }
    m_leaseWaiting.append(ex);
    const auto request = m_rateLimiter.leaseRequest(m_orgRateSubject, m_orgRateLimit, m_now());
    if (!request)
        return; // one is out already; its answer serves this request too
    QPointer<ApiServer> self(this);
    m_readPool.start([this, self, request = *request] {
        int granted = -1;
        qint64 total = 0;
        try {
            QSqlDatabase db = m_db.connection();
            // Row-locked for the few statements it takes: the instances take shares one at a
            // time and the total never passes the limit.
            QSqlQuery begin(db);
            if (!begin.exec(QStringLiteral("BEGIN")))
                Sql::fail(db, begin.lastError(), "cannot begin a lease");
            try {
                Sql(db, QStringLiteral("INSERT INTO rate_windows (subject, window_start, count) VALUES (?, ?, 0) "
                                       "ON CONFLICT (subject, window_start) DO NOTHING"))
                    .bind(request.subject).bind(request.windowStartMs).exec();
                Sql current(db, QStringLiteral("SELECT count FROM rate_windows WHERE subject = ? AND window_start = ? "
                                               "FOR UPDATE"));
                current.bind(request.subject).bind(request.windowStartMs).exec();
                const qint64 used = current.next() ? current.integer(0) : 0;
                granted = int(qBound(qint64(0), qint64(request.limit) - used, qint64(request.want)));
                total = used + granted;
                if (granted > 0)
                    Sql(db, QStringLiteral("UPDATE rate_windows SET count = ? WHERE subject = ? AND window_start = ?"))
                        .bind(total).bind(request.subject).bind(request.windowStartMs).exec();
                QSqlQuery commit(db);
                if (!commit.exec(QStringLiteral("COMMIT")))
                    throw DatabaseError("cannot commit a lease: " + commit.lastError().text().toStdString());
            } catch (...) {
                QSqlQuery rollback(db);
                rollback.exec(QStringLiteral("ROLLBACK"));
                throw;
            }
        } catch (const std::exception &e) {
            granted = -1;
            qCWarning(lcServer) << "cannot lease rate-limit budget; counting alone meanwhile:" << e.what();
        }
        QMetaObject::invokeMethod(self, [this, request, granted, total] {
            m_rateLimiter.leaseAnswered(request, granted, total);
            // The waiting requests go on in order; any left over ask for the next share.
            const QList<ExchangePtr> waiting = std::exchange(m_leaseWaiting, {});
            for (const ExchangePtr &w : waiting)
                checkSharedRate(w);
        }, Qt::QueuedConnection);
    });
}

void ApiServer::proceedWithinRate(const ExchangePtr &ex)
{
    const Principal &principal = ex->principal;
    const qint64 now = m_now();
    if (principal.type == QLatin1String("secret_key"))
        m_usage.record(principal.id, now, ex->ip, ex->userAgent); // last use is a key's, not a person's
    if (ex->route->permission && !principal.permissions.allows(*ex->route->permission)) {
        const QString needed = ex->route->permission->toString();
        const QString method = QString::fromLatin1(ex->method);
        deny(ex, 403,
             principal.type == QLatin1String("user")
                 ? QStringLiteral("Your role (%1) does not allow %2 %3: it needs %4.").arg(principal.role, method, ex->path, needed)
                 : QStringLiteral("This key lacks the %1 permission needed for %2 %3.").arg(needed, method, ex->path),
             QStringLiteral("missing permission %1").arg(ex->route->permission->toString()), principal.actor());
        return;
    }
    (this->*ex->route->handler)(ex);
}

void ApiServer::deny(const ExchangePtr &ex, int status, const QString &message, const QString &reason,
                     const Actor &target)
{
    Reply r = error(ex, status == 403 ? ApiError::Code::Forbidden : ApiError::Code::Unauthorized, message);
    if (status == 401)
        r.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"keyward\"")});
    finish(ex, r);
    recordDeniedAsync(ex, status, reason, target);
}

void ApiServer::recordDeniedAsync(const ExchangePtr &ex, int status, const QString &reason, const Actor &credential)
{
    if (m_shuttingDown)
        return;
    // At most N denied events per client address per minute; the rest are counted and the
    // count travels with the next event that is written.
    const qint64 now = m_now();
    DeniedWindow &w = m_deniedByIp[ex->ip];
    if (now - w.startMs >= 60'000) {
        w.startMs = now;
        w.count = 0;
    }
    if (w.count >= m_config.deniedAuditPerMinutePerIp) {
        ++w.suppressed;
        return;
    }
    ++w.count;
    QJsonObject details {{QStringLiteral("status"), status},
                         {QStringLiteral("reason"), reason},
                         {QStringLiteral("method"), QString::fromLatin1(ex->method)},
                         {QStringLiteral("path"), ex->path}};
    if (w.suppressed > 0) {
        details.insert(QStringLiteral("suppressed_before"), w.suppressed);
        w.suppressed = 0;
    }
    if (m_deniedByIp.size() > 4096)
        m_deniedByIp.removeIf([&](const auto &it) { return now - it.value().startMs > 120'000; });
    Actor actor = credential.type.isEmpty() ? Actor {QStringLiteral("anonymous"), QString(), QStringLiteral("anonymous client")}
                                            : credential;
    AuditEvent event = eventFor(ex, QStringLiteral("auth.denied"),
                                {QStringLiteral("endpoint"), QString(),
                                 QString::fromLatin1(ex->method) + QLatin1Char(' ') + ex->path},
                                details);
    event.actor = actor;
    const QString orgId = m_org.id;
    m_writePool.start([this, event, orgId] {
        try {
            m_db.write([&](QSqlDatabase &db) { AuditLog::append(db, orgId, event); });
        } catch (const std::exception &e) {
            qCWarning(lcServer) << "could not record a denied request:" << e.what();
        }
    });
}

AuditEvent ApiServer::eventFor(const ExchangePtr &ex, const QString &action, const Actor &target,
                               const QJsonObject &details) const
{
    AuditEvent e;
    e.atMs = m_now();
    e.actor = ex->principal.actor();
    e.action = action;
    e.target = target;
    e.ip = ex->ip;
    e.userAgent = ex->userAgent;
    e.requestId = ex->requestId;
    e.details = details;
    return e;
}

Reply ApiServer::error(const ExchangePtr &ex, ApiError::Code code, const QString &message,
                       const QJsonObject &details) const
{
    ApiError e;
    e.code = code;
    e.message = message;
    e.details = details;
    e.requestId = ex->requestId;
    e.timestamp = toRfc3339Ms(m_now());
    return Reply::json(ApiError::httpStatus(code), e.toJson());
}

ApiServer::Failure ApiServer::failureOf(const std::exception &e, const char *what)
{
    qCWarning(lcServer) << what << e.what();
    return dynamic_cast<const DatabaseUnavailable *>(&e) ? Failure::Unavailable : Failure::Internal;
}

Reply ApiServer::failureReply(const ExchangePtr &ex, Failure failure, const QString &internalMessage) const
{
    if (failure != Failure::Unavailable)
        return error(ex, ApiError::Code::Internal, internalMessage);
    // Nothing was committed: the client may send the same request again (with its
    // Idempotency-Key, if it had one) once the database is back.
    Reply r = error(ex, ApiError::Code::Unavailable,
                    QStringLiteral("The server's database is unavailable; nothing was changed. Try again in %1 "
                                   "seconds.").arg(DatabaseRetryAfterSeconds));
    r.headers.append({QByteArray("Retry-After"), QByteArray::number(DatabaseRetryAfterSeconds)});
    return r;
}

Reply ApiServer::validationError(const ExchangePtr &ex, const QJsonObject &details) const
{
    return error(ex, ApiError::Code::ValidationFailed, QStringLiteral("Some fields are not valid; see details."),
                 details);
}

bool ApiServer::readBody(const ExchangePtr &ex, JsonInput &input, bool allowEmpty)
{
    switch (input.parse(ex->body)) {
    case JsonInput::ParseResult::Ok:
        return true;
    case JsonInput::ParseResult::Empty:
        if (allowEmpty)
            return true;
        finish(ex, error(ex, ApiError::Code::BadRequest, QStringLiteral("The request body must be a JSON object.")));
        return false;
    case JsonInput::ParseResult::Malformed:
        finish(ex, error(ex, ApiError::Code::BadRequest, input.parseErrorMessage()));
        return false;
    case JsonInput::ParseResult::NotAnObject:
        finish(ex, error(ex, ApiError::Code::BadRequest, QStringLiteral("The request body must be a JSON object.")));
        return false;
    }
    return false;
}

bool ApiServer::checkQuery(const ExchangePtr &ex, const QStringList &allowed)
{
    QJsonObject details;
    for (const auto &item : ex->query.queryItems()) {
        if (!allowed.contains(item.first))
            details.insert(item.first, QStringLiteral("Unknown query parameter."));
    }
    if (details.isEmpty())
        return true;
    finish(ex, validationError(ex, details));
    return false;
}

std::optional<int> ApiServer::limitParam(const ExchangePtr &ex, int defaultLimit, int maxLimit)
{
    if (!ex->query.hasQueryItem(QStringLiteral("limit")))
        return defaultLimit;
    bool ok = false;
    const int limit = ex->query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1 || limit > maxLimit) {
        finish(ex, validationError(ex, {{QStringLiteral("limit"),
                                         QStringLiteral("Must be a whole number from 1 to %1.").arg(maxLimit)}}));
        return std::nullopt;
    }
    return limit;
}

void ApiServer::runOn(QThreadPool &pool, const ExchangePtr &ex, std::function<Reply(QSqlDatabase &)> work)
{
    QPointer<ApiServer> self(this);
    pool.start([this, self, ex, work = std::move(work)] {
        Reply reply;
        try {
            QSqlDatabase db = m_db.connection();
            reply = work(db);
            if (!reply.invalidateKeyId.isEmpty())
                m_authCache.invalidateKey(reply.invalidateKeyId); // after the commit, before the answer leaves
        } catch (const std::exception &e) {
            qCWarning(lcServer) << "request" << ex->requestId << "failed:" << e.what();
            if (dynamic_cast<const DatabaseCommitUnknown *>(&e))
                reply = error(ex, ApiError::Code::Internal,
                              QStringLiteral("The database connection broke while the change was being saved, so it "
                                             "may or may not have been saved. Send the same request again with the "
                                             "same Idempotency-Key to find out."));
            else
                reply = failureReply(ex, dynamic_cast<const DatabaseUnavailable *>(&e) ? Failure::Unavailable : Failure::Internal,
                                     QStringLiteral("The server could not complete the request; quote the request id."));
        }
        QMetaObject::invokeMethod(self, [this, ex, reply] { finish(ex, reply); }, Qt::QueuedConnection);
    });
}

void ApiServer::runRead(const ExchangePtr &ex, std::function<Reply(QSqlDatabase &)> work)
{
    runOn(m_readPool, ex, std::move(work));
}

void ApiServer::runOnHashPool(const ExchangePtr &ex, std::function<Reply(QSqlDatabase &)> work)
{
    runOn(m_hashPool, ex, std::move(work));
}

void ApiServer::runWrite(const ExchangePtr &ex, std::function<Reply(QSqlDatabase &)> work)
{
    // One transaction on the writer thread: the idempotency record, the change and its audit event.
    runOn(m_writePool, ex, [this, ex, work = std::move(work)](QSqlDatabase &) -> Reply {
        const QByteArray idemKey = ex->idempotencyKey;
        const QString credential = ex->principal.type + QLatin1Char(':') + ex->principal.id;
        const QByteArray bodyHash =
            QCryptographicHash::hash(ex->method + ' ' + ex->path.toUtf8() + '\n' + ex->body,
                                     QCryptographicHash::Sha256).toHex();
        return m_db.write([&](QSqlDatabase &db) -> Reply {
            if (!idemKey.isEmpty()) {
                Sql q(db, QStringLiteral("SELECT body_hash, status, response FROM idempotency_keys "
                                         "WHERE credential_id = ? AND idem_key = ? AND created_at > ?"));
                q.bind(credential).bind(QString::fromUtf8(idemKey)).bind(m_now() - 24 * 3600 * 1000).exec();
                if (q.next()) {
                    if (q.text(0).toLatin1() != bodyHash)
                        return error(ex, ApiError::Code::Conflict,
                                     QStringLiteral("This Idempotency-Key was already used with a different "
                                                    "request; use a new key for a new request."));
                    Reply replay;
                    replay.status = int(q.integer(1));
                    replay.body = q.text(2).toUtf8();
                    replay.headers.append({QByteArray("Idempotent-Replayed"), QByteArray("true")});
                    return replay;
                }
            }
            Reply r = work(db);
            if (!r.invalidateKeyId.isEmpty())
                recordChange(db, r.invalidateKeyId);
            if (!idemKey.isEmpty() && r.status >= 200 && r.status < 300) {
                // Any stored answer for this key is older than a day here (the lookup above
                // found none newer): replace it.
                Sql store(db, QStringLiteral("INSERT INTO idempotency_keys (credential_id, idem_key, method, path, "
                                             "body_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                             "ON CONFLICT (credential_id, idem_key) DO UPDATE SET method = "
                                             "excluded.method, path = excluded.path, body_hash = excluded.body_hash, "
                                             "status = excluded.status, response = excluded.response, created_at = "
                                             "excluded.created_at"));
                store.bind(credential).bind(QString::fromUtf8(idemKey)).bind(QString::fromLatin1(ex->method))
                    .bind(ex->path).bind(QString::fromLatin1(bodyHash)).bind(r.status)
                    .bind(QString::fromUtf8(r.replayBody.isEmpty() ? r.body : r.replayBody)).bind(m_now()).exec();
            }
            return r;
        });
    });
}

void ApiServer::finish(const ExchangePtr &ex, Reply reply)
{
    if (ex->finished)
        return;
    ex->finished = true;
    --m_inFlight;
    qCInfo(lcAccess).noquote() << ex->ip << ex->method << ex->path << reply.status << ex->timer.elapsed() << "ms"
                               << ex->requestId;
    QTcpSocket *socket = ex->socket;
    if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
        qCDebug(lcServer) << "client gone before the answer to" << ex->requestId;
        if (reply.sensitive && !reply.body.isEmpty())
            OPENSSL_cleanse(reply.body.data(), size_t(reply.body.size()));
        return;
    }
    ResponseOrder &order = m_order[socket];
    if (ex->orderOnConnection != order.written) {
        order.waiting.insert(ex->orderOnConnection, {ex, std::move(reply)});
        return;
    }
    write(ex, reply);
    ++order.written;
    while (!order.waiting.isEmpty() && order.waiting.firstKey() == order.written) {
        auto next = order.waiting.take(order.written);
        write(next.first, next.second);
        ++order.written;
    }
}

void ApiServer::write(const ExchangePtr &ex, Reply &reply)
{
    QHttpServerResponder &out = ex->responder;
    out.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
    out.writeHeader("Content-Type", reply.contentType);
    out.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    out.writeHeader("X-Request-Id", ex->requestId.toLatin1());
    if (ex->hasRate) {
        out.writeHeader("X-RateLimit-Limit", QByteArray::number(ex->rate.limit));
        out.writeHeader("X-RateLimit-Remaining", QByteArray::number(ex->rate.remaining));
        out.writeHeader("X-RateLimit-Reset", QByteArray::number(ex->rate.resetEpochSeconds));
    }
    if (reply.sensitive) {
        out.writeHeader("Cache-Control", "no-store");
        out.writeHeader("Pragma", "no-cache");
    }
    for (const auto &h : std::as_const(reply.headers))
        out.writeHeader(h.first, h.second);
    // The answer to HEAD has no content (RFC 9110 9.3.2): a client reads none, so any sent would
    // be taken for the start of the next answer on the connection.
    out.writeBody(ex->method == "HEAD" ? QByteArray() : reply.body);
    if (auto *guard = ConnectionGuard::of(ex->socket))
        guard->responseWritten();
    if (reply.sensitive && !reply.body.isEmpty())
        OPENSSL_cleanse(reply.body.data(), size_t(reply.body.size()));
}

QByteArray ApiServer::meBody(const Principal &principal) const
{
    QJsonObject me {
        {QStringLiteral("object"), QStringLiteral("principal")},
        {QStringLiteral("type"), principal.type},
        {QStringLiteral("id"), principal.id},
        {QStringLiteral("display"), principal.display},
        {QStringLiteral("role"), principal.role.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(principal.role)},
        {QStringLiteral("permissions"), QJsonArray::fromStringList(principal.permissions.toStringList())},
        {QStringLiteral("organization"), QJsonDocument::fromJson(m_orgJson).object()},
    };
    if (principal.type == QLatin1String("user")) {
        me.insert(QStringLiteral("user"), QJsonObject {{QStringLiteral("id"), principal.id},
                                                       {QStringLiteral("email"), principal.email},
                                                       {QStringLiteral("name"), principal.note}});
    } else {
        me.insert(QStringLiteral("key"), QJsonObject {{QStringLiteral("id"), principal.id},
                                                      {QStringLiteral("note"), principal.note},
                                                      {QStringLiteral("masked"), principal.masked},
                                                      {QStringLiteral("expires_at"),
                                                       principal.expiresAtMs ? QJsonValue(toRfc3339Ms(principal.expiresAtMs))
                                                                             : QJsonValue(QJsonValue::Null)}});
    }
    return QJsonDocument(me).toJson(QJsonDocument::Compact);
}

void ApiServer::flushUsage()
{
    if (m_usage.isEmpty())
        return;
    auto batch = std::make_shared<UsageRecorder::Batch>(m_usage.take());
    m_writePool.start([this, batch] {
        try {
            m_db.write([&](QSqlDatabase &db) { UsageRecorder::flush(db, *batch); });
        } catch (const std::exception &e) {
            qCWarning(lcServer) << "could not record key usage:" << e.what();
        }
    });
}

void ApiServer::sweepExpired()
{
    // One sweep waiting for the writer at a time: a busy writer must not pile them up.
    if (m_sweepQueued.exchange(true))
        return;
    m_writePool.start([this] {
        m_sweepQueued = false;
        try {
            const qint64 now = m_now();
            QStringList passed;
            m_db.write([&](QSqlDatabase &db) {
                // Exactly one secret_key.expired per expiry, whichever thread or process sweeps
                // first: the claim is a conditional UPDATE in the same transaction as the event.
                for (const KeyStore::DueExpiry &due : KeyStore::dueForExpiry(db, now, 500)) {
                    if (!KeyStore::claimExpiry(db, due.key.id, due.key.expiresAt, now))
                        continue;
                    AuditEvent e;
                    e.atMs = now;
                    e.actor = {QStringLiteral("system"), QString(), QStringLiteral("keyward-server")};
                    e.action = QStringLiteral("secret_key.expired");
                    e.target = {QStringLiteral("secret_key"), due.key.id,
                                KeyStore::displayFor(due.key.note, due.key.masked())};
                    e.details = {{QStringLiteral("expires_at"), toRfc3339(due.key.expiresAt)}};
                    AuditLog::append(db, due.orgId, e);
                }
                Sql(db, QStringLiteral("DELETE FROM idempotency_keys WHERE created_at <= ?"))
                    .bind(now - 24 * 3600 * 1000).exec();
                // Every instance reads these within seconds; an hour covers one that was away.
                Sql(db, QStringLiteral("DELETE FROM invalidations WHERE at <= ?")).bind(now - 3600 * 1000).exec();
                Sql(db, QStringLiteral("DELETE FROM rate_windows WHERE window_start <= ?")).bind(now - 2 * 3600 * 1000).exec();
                UsageRecorder::prune(db, UsageRecorder::minuteStart(now) - UsageRecorder::RetainMinutesMs);
                passed = KeyStore::expiredBetween(db, m_expiryCheckedUntilMs, now);
            });
            // A credential cached with an older expiry (changed by another process) goes too.
            m_expiryCheckedUntilMs = now;
            for (const QString &id : std::as_const(passed))
                m_authCache.invalidateKey(id);
        } catch (const std::exception &e) {
            qCWarning(lcServer) << "expiry sweep failed:" << e.what();
        }
    });
}

void ApiServer::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    qCInfo(lcServer) << "shutting down: no new connections; finishing" << m_inFlight << "request(s)";
    if (m_tcp)
        m_tcp->close();
    m_expiryTimer.stop();
    m_changeTimer.stop();
    m_rateSyncTimer.stop();
    if (m_changeListener)
        m_changeListener->stop();
    auto *poll = new QTimer(this);
    QElapsedTimer waited;
    waited.start();
    connect(poll, &QTimer::timeout, this, [this, poll, waited] {
        if ((m_inFlight > 0 || m_readPool.activeThreadCount() > 0 || m_hashPool.activeThreadCount() > 0)
            && waited.elapsed() < m_config.shutdownGraceMs)
            return;
        poll->stop();
        m_usageTimer.stop();
        flushUsage();
        m_hashPool.waitForDone();
        m_readPool.waitForDone();
        m_writePool.waitForDone();
        qCInfo(lcServer) << "stopped";
        Q_EMIT stopped();
    });
    poll->start(20);
}

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
// ApiServer: the OAuth 2.0 authorization server — metadata (RFC 8414), the authorization code
// flow with PKCE S256 (RFC 6749, 7636, 9207), refresh rotation with reuse detection, and
// revocation (RFC 7009). Native clients redirect to loopback addresses (RFC 8252).
#include "ApiExchange.h"

#include "AccessTokens.h"
#include "AuditLog.h"
#include "Database.h"
#include "LoginPage.h"
#include "LoginThrottle.h"
#include "OAuthStore.h"
#include "Organization.h"
#include "PasswordHasher.h"
#include "Totp.h"
#include "ServerSecrets.h"
#include "UserStore.h"

#include <QJsonArray>
#include <QUrlQuery>

#include <openssl/crypto.h>

namespace keyward::server {

namespace {
constexpr qint64 PendingLifetimeMs = 10 * 60 * 1000;
const QString DefaultScope = QStringLiteral("keys");

QUrlQuery formBody(const QByteArray &body)
{
    QByteArray b = body;
    b.replace('+', "%20"); // application/x-www-form-urlencoded spells spaces as '+'
    return QUrlQuery(QString::fromLatin1(b));
}

// A form field's value, never a null string (a missing email was bound as NULL into the audit
// event of the failed sign-in: a 500). A value holding NUL (%00) counts as absent: nothing valid
// holds one, and PostgreSQL refuses it in text.
QString formValue(const QUrlQuery &q, const char *name)
{
    const QString value = q.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    return value.isNull() || value.contains(QChar(0)) ? QStringLiteral("") : value;
}

QString cookieValue(const QByteArray &header, const QByteArray &name)
{
    for (const QByteArray &part : header.split(';')) {
        const QByteArray p = part.trimmed();
        if (p.startsWith(name + '='))
            return QString::fromLatin1(p.mid(name.size() + 1));
    }
    return {};
}

bool equalConstantTime(const QString &a, const QString &b)
{
    const QByteArray x = a.toUtf8();
    const QByteArray y = b.toUtf8();
    return !x.isEmpty() && x.size() == y.size() && CRYPTO_memcmp(x.constData(), y.constData(), size_t(x.size())) == 0;
}

QString newNonce()
{
    return QString::fromLatin1(ServerSecrets::base64Url(ServerSecrets::randomBytes(16)));
}

QUrl withQuery(const QString &redirectUri, const QList<std::pair<QString, QString>> &items)
{
    QUrl url(redirectUri);
    QUrlQuery q(url);
    for (const auto &item : items) {
        if (!item.second.isNull())
            q.addQueryItem(item.first, QString::fromLatin1(QUrl::toPercentEncoding(item.second)));
    }
    url.setQuery(q);
    return url;
}
} // namespace

Reply ApiServer::oauthError(const ExchangePtr &ex, int status, const QString &error, const QString &description) const
{
    Reply r = Reply::json(status, {{QStringLiteral("error"), error},
                                   {QStringLiteral("error_description"), description},
                                   {QStringLiteral("request_id"), ex->requestId}});
    r.headers.append({QByteArray("Cache-Control"), QByteArray("no-store")});
    r.headers.append({QByteArray("Pragma"), QByteArray("no-cache")});
    return r;
}

Reply ApiServer::signInPage(const ExchangePtr &ex, int status, const PendingAuthorization &pending,
                            const QString &email, const QString &error) const
{
    Q_UNUSED(ex);
    const QString nonce = newNonce();
    LoginPage::Login page;
    page.organization = m_org.name;
    page.client = pending.clientName;
    page.requestId = pending.requestId;
    page.csrfToken = pending.csrfToken;
    page.email = email;
    page.error = error;
    page.demoHint = m_config.signInHint;
    Reply r = Reply::html(status, LoginPage::login(page, nonce), nonce);
    // Secure whenever the server is published over https (plain http only on loopback set-ups).
    const QByteArray secure = m_tokens->issuer().startsWith(QLatin1String("https://")) ? "; Secure" : "";
    r.headers.append({QByteArray("Set-Cookie"), "kw_csrf=" + pending.csrfToken.toLatin1()
                                                    + "; Path=/oauth; HttpOnly; SameSite=Strict; Max-Age=600" + secure});
    return r;
}

void ApiServer::getAuthorizationServerMetadata(const ExchangePtr &ex)
{
    const QString issuer = m_tokens->issuer();
    Reply r = Reply::json(200, {
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("authorization_endpoint"), issuer + QStringLiteral("/oauth/authorize")},
        {QStringLiteral("token_endpoint"), issuer + QStringLiteral("/oauth/token")},
        {QStringLiteral("revocation_endpoint"), issuer + QStringLiteral("/oauth/revoke")},
        {QStringLiteral("jwks_uri"), issuer + QStringLiteral("/.well-known/jwks.json")},
        {QStringLiteral("response_types_supported"), QJsonArray {QStringLiteral("code")}},
        {QStringLiteral("response_modes_supported"), QJsonArray {QStringLiteral("query")}},
        {QStringLiteral("grant_types_supported"), QJsonArray {QStringLiteral("authorization_code"), QStringLiteral("refresh_token")}},
        {QStringLiteral("code_challenge_methods_supported"), QJsonArray {QStringLiteral("S256")}},
        {QStringLiteral("token_endpoint_auth_methods_supported"), QJsonArray {QStringLiteral("none")}},
        {QStringLiteral("revocation_endpoint_auth_methods_supported"), QJsonArray {QStringLiteral("none")}},
        {QStringLiteral("scopes_supported"), QJsonArray {DefaultScope}},
        {QStringLiteral("subject_types_supported"), QJsonArray {QStringLiteral("public")}},
        {QStringLiteral("id_token_signing_alg_values_supported"), QJsonArray {QStringLiteral("ES256")}},
        {QStringLiteral("authorization_response_iss_parameter_supported"), true},
    });
    r.headers.append({QByteArray("Cache-Control"), QByteArray("public, max-age=300")});
    finish(ex, r);
}

void ApiServer::getAuthorize(const ExchangePtr &ex)
{
    auto item = [&](const char *name) { return ex->query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded); };
    PendingAuthorization p;
    p.clientId = item("client_id");
    p.redirectUri = item("redirect_uri");
    p.state = ex->query.hasQueryItem(QStringLiteral("state")) ? item("state") : QString();
    p.codeChallenge = item("code_challenge");
    p.scope = item("scope").isEmpty() ? DefaultScope : item("scope");
    const QString responseType = item("response_type");
    const QString method = item("code_challenge_method");
    runRead(ex, [this, ex, p, responseType, method](QSqlDatabase &db) mutable {
        const QString nonce = newNonce();
        const auto client = OAuthStore::client(db, p.clientId);
        // Until the client and its redirect are known good, errors stay on this page (RFC 6749 §4.1.2.1).
        if (!client)
            return Reply::html(400, LoginPage::error(QStringLiteral("Unknown application"),
                                                     QStringLiteral("The application that sent you here is not registered with this server."),
                                                     nonce), nonce);
        if (!client->acceptsRedirect(QUrl(p.redirectUri, QUrl::StrictMode)))
            return Reply::html(400, LoginPage::error(QStringLiteral("Invalid redirect"),
                                                     QStringLiteral("The application asked to return to an address this server does not trust, so sign-in stops here."),
                                                     nonce), nonce);
        const QString iss = m_tokens->issuer();
        auto redirectError = [&](const QString &error, const QString &description) {
            return Reply::redirect(withQuery(p.redirectUri, {{QStringLiteral("error"), error},
                                                             {QStringLiteral("error_description"), description},
                                                             {QStringLiteral("state"), p.state},
                                                             {QStringLiteral("iss"), iss}}));
        };
        if (responseType != QLatin1String("code"))
            return redirectError(QStringLiteral("unsupported_response_type"), QStringLiteral("Only response_type=code is supported."));
        if (p.codeChallenge.isEmpty() || method != QLatin1String("S256"))
            return redirectError(QStringLiteral("invalid_request"),
                                 QStringLiteral("PKCE is required: send code_challenge with code_challenge_method=S256."));
        if (p.codeChallenge.size() != 43)
            return redirectError(QStringLiteral("invalid_request"), QStringLiteral("code_challenge must be 43 base64url characters."));
        p.clientName = client->name;
        p.requestId = QString::fromLatin1(ServerSecrets::base64Url(ServerSecrets::randomBytes(18)));
        p.csrfToken = QString::fromLatin1(ServerSecrets::base64Url(ServerSecrets::randomBytes(24)));
        p.createdAtMs = m_now();
        {
            QMutexLocker lock(&m_pendingMutex);
            const qint64 now = p.createdAtMs;
            if (m_pending.size() > 10'000)
                m_pending.removeIf([&](const auto &it) { return now - it.value().createdAtMs > PendingLifetimeMs; });
            m_pending.insert(p.requestId, p);
        }
        return signInPage(ex, 200, p, QString(), QString());
    });
}

void ApiServer::postAuthorize(const ExchangePtr &ex)
{
    const QUrlQuery form = formBody(ex->body);
    const QString requestId = formValue(form, "request_id");
    std::optional<PendingAuthorization> pending;
    {
        QMutexLocker lock(&m_pendingMutex);
        const auto it = m_pending.constFind(requestId);
        if (it != m_pending.cend() && m_now() - it->createdAtMs <= PendingLifetimeMs)
            pending = *it;
    }
    const QString nonce = newNonce();
    if (!pending) {
        finish(ex, Reply::html(400, LoginPage::error(QStringLiteral("Sign-in expired"),
                                                     QStringLiteral("This sign-in page is too old or unknown. Start again from the application."),
                                                     nonce), nonce));
        return;
    }
    // Double-submit CSRF check: the form's token, the cookie and the server's record must agree.
    const QString formToken = formValue(form, "csrf_token");
    if (!equalConstantTime(formToken, pending->csrfToken)
        || !equalConstantTime(cookieValue(ex->cookie, "kw_csrf"), pending->csrfToken)) {
        finish(ex, Reply::html(400, LoginPage::error(QStringLiteral("Sign-in refused"),
                                                     QStringLiteral("The form could not be verified (missing or wrong security token). Start again from the application."),
                                                     nonce), nonce));
        return;
    }
    const QString iss = m_tokens->issuer();
    if (formValue(form, "action") == QLatin1String("cancel")) {
        {
            QMutexLocker lock(&m_pendingMutex);
            m_pending.remove(requestId);
        }
        finish(ex, Reply::redirect(withQuery(pending->redirectUri, {{QStringLiteral("error"), QStringLiteral("access_denied")},
                                                                    {QStringLiteral("error_description"), QStringLiteral("The user cancelled the sign-in.")},
                                                                    {QStringLiteral("state"), pending->state},
                                                                    {QStringLiteral("iss"), iss}})));
        return;
    }
    if (pending->stage != PendingAuthorization::Stage::Password) {
        verifySecondFactor(ex, *pending, formValue(form, "code"));
        return;
    }
    const QString email = formValue(form, "email").trimmed().left(254);
    QByteArray password = formValue(form, "password").toUtf8();
    const QStringList throttleKeys {QStringLiteral("acct:") + UserStore::normalizeEmail(email), QStringLiteral("ip:") + ex->ip};
    const qint64 wait = m_loginThrottle->beginAttempt(throttleKeys, m_now());
    if (wait > 0) {
        OPENSSL_cleanse(password.data(), size_t(password.size()));
        Reply r = signInPage(ex, 429, *pending, email,
                             QStringLiteral("Too many failed sign-ins. Try again in %1 seconds.").arg((wait + 999) / 1000));
        r.headers.append({QByteArray("Retry-After"), QByteArray::number((wait + 999) / 1000)});
        finish(ex, r);
        return;
    }
    runOnHashPool(ex, [this, ex, pending = *pending, email, password, throttleKeys, iss](QSqlDatabase &db) mutable {
        const qint64 now = m_now();
        const auto user = UserStore::findByEmail(db, email);
        const QString hash = user ? UserStore::passwordHash(db, user->id) : QString();
        // Verify even for unknown users so that timing does not reveal which emails exist.
        static const QString dummy = PasswordHasher::hash("keyward-timing-equaliser");
        const bool passwordOk = PasswordHasher::verify(hash.isEmpty() ? dummy : hash, password) && !hash.isEmpty();
        const bool ok = passwordOk && user && !user->disabled;
        if (ok && PasswordHasher::needsRehash(hash)) {
            const QString upgraded = PasswordHasher::hash(password);
            m_db.write([&](QSqlDatabase &w) { UserStore::setPasswordHash(w, user->id, upgraded, now); });
        }
        OPENSSL_cleanse(password.data(), size_t(password.size()));
        if (!ok) {
            m_db.write([&](QSqlDatabase &w) {
                AuditEvent e = eventFor(ex, QStringLiteral("auth.login_failed"),
                                        {QStringLiteral("user"), user ? user->id : QString(),
                                         user ? user->display() : email},
                                        {{QStringLiteral("reason"), !user ? QStringLiteral("unknown email")
                                                                    : user->disabled ? QStringLiteral("disabled user")
                                                                                     : QStringLiteral("wrong password")},
                                         {QStringLiteral("client_id"), pending.clientId}});
                e.actor = {QStringLiteral("anonymous"), QString(), QStringLiteral("anonymous client")};
                AuditLog::append(w, m_org.id, e);
            });
            return signInPage(ex, 401, pending, email, QStringLiteral("The email or password is not right."));
        }
        // Password accepted. A TOTP code is still owed when the user has one, and an enrolment
        // when the organisation requires MFA and the user has none yet.
        const bool requireMfa = Organization::load(db).value_or(m_org).requireMfa;
        PendingAuthorization next = pending;
        next.userId = user->id;
        next.userEmail = user->email;
        if (user->hasMfa || requireMfa) {
            m_loginThrottle->succeeded(throttleKeys); // the code step counts its own attempts
            next.stage = user->hasMfa ? PendingAuthorization::Stage::Mfa : PendingAuthorization::Stage::Enrol;
            if (next.stage == PendingAuthorization::Stage::Enrol)
                next.enrolSecret = Totp::newSecret();
            {
                QMutexLocker lock(&m_pendingMutex);
                m_pending.insert(next.requestId, next);
            }
            return mfaPage(200, next, QString());
        }
        m_loginThrottle->succeeded(throttleKeys);
        return issueCode(ex, next, *user, QStringLiteral("password"));
    });
}

Reply ApiServer::mfaPage(int status, const PendingAuthorization &pending, const QString &error) const
{
    const QString nonce = newNonce();
    LoginPage::Mfa page;
    page.organization = m_org.name;
    page.email = pending.userEmail;
    page.requestId = pending.requestId;
    page.csrfToken = pending.csrfToken;
    page.error = error;
    if (pending.stage == PendingAuthorization::Stage::Enrol) {
        const QString uri = Totp::otpauthUri(m_org.name, pending.userEmail, pending.enrolSecret);
        page.enrolQrSvg = Totp::qrSvg(uri);
        // Groups of four, as authenticator apps show keys typed by hand.
        const QString key = Totp::base32(pending.enrolSecret);
        for (qsizetype i = 0; i < key.size(); i += 4)
            page.enrolSecret += (i ? QStringLiteral(" ") : QString()) + key.mid(i, 4);
    }
    return Reply::html(status, LoginPage::mfa(page, nonce), nonce);
}

Reply ApiServer::issueCode(const ExchangePtr &ex, const PendingAuthorization &pending, const User &user,
                           const QString &method)
{
    const qint64 now = m_now();
    const QByteArray code = m_db.write([&](QSqlDatabase &w) {
        const QByteArray c = OAuthStore::createCode(w, pending.clientId, user.id, pending.redirectUri,
                                                    pending.codeChallenge, pending.scope, now,
                                                    qint64(m_config.authorizationCodeLifetimeSeconds) * 1000);
        AuditEvent e = eventFor(ex, QStringLiteral("auth.login"), {QStringLiteral("client"), pending.clientId, pending.clientName},
                                {{QStringLiteral("method"), method}});
        e.actor = {QStringLiteral("user"), user.id, user.display()};
        AuditLog::append(w, m_org.id, e);
        return c;
    });
    {
        QMutexLocker lock(&m_pendingMutex);
        m_pending.remove(pending.requestId);
    }
    return Reply::redirect(withQuery(pending.redirectUri, {{QStringLiteral("code"), QString::fromLatin1(code)},
                                                           {QStringLiteral("state"), pending.state},
                                                           {QStringLiteral("iss"), m_tokens->issuer()}}));
}

void ApiServer::verifySecondFactor(const ExchangePtr &ex, const PendingAuthorization &pending, const QString &code)
{
    const QStringList throttleKeys {QStringLiteral("acct:") + UserStore::normalizeEmail(pending.userEmail),
                                    QStringLiteral("ip:") + ex->ip};
    const qint64 wait = m_loginThrottle->beginAttempt(throttleKeys, m_now());
    if (wait > 0) {
        Reply r = mfaPage(429, pending, QStringLiteral("Too many failed attempts. Try again in %1 seconds.").arg((wait + 999) / 1000));
        r.headers.append({QByteArray("Retry-After"), QByteArray::number((wait + 999) / 1000)});
        finish(ex, r);
        return;
    }
    runOnHashPool(ex, [this, ex, pending, code, throttleKeys](QSqlDatabase &db) {
        const qint64 now = m_now();
        const auto user = UserStore::findById(db, pending.userId);
        if (!user || user->disabled)
            return mfaPage(401, pending, QStringLiteral("This account cannot sign in."));
        const bool enrol = pending.stage == PendingAuthorization::Stage::Enrol;
        // Check and record the code in one transaction, so one code cannot pass twice.
        const bool accepted = m_db.write([&](QSqlDatabase &w) {
            const UserStore::TotpState state = UserStore::totpState(w, user->id);
            const QByteArray secret = enrol ? pending.enrolSecret : state.secret;
            const auto step = Totp::verify(secret, code, now / 1000, enrol ? 0 : state.lastStep);
            if (!step) {
                AuditEvent e = eventFor(ex, QStringLiteral("auth.login_failed"), {QStringLiteral("user"), user->id, user->display()},
                                        {{QStringLiteral("reason"), QStringLiteral("wrong or reused code")},
                                         {QStringLiteral("client_id"), pending.clientId}});
                e.actor = {QStringLiteral("anonymous"), QString(), QStringLiteral("anonymous client")};
                AuditLog::append(w, m_org.id, e);
                return false;
            }
            if (enrol) {
                UserStore::setTotpSecret(w, user->id, secret, now);
                AuditEvent e = eventFor(ex, QStringLiteral("user.mfa_enrolled"), {QStringLiteral("user"), user->id, user->display()}, {});
                e.actor = {QStringLiteral("user"), user->id, user->display()};
                AuditLog::append(w, m_org.id, e);
            }
            UserStore::setTotpLastStep(w, user->id, *step);
            return true;
        });
        if (!accepted)
            return mfaPage(401, pending, QStringLiteral("That code is not right, or was already used. Wait for the next one."));
        m_loginThrottle->succeeded(throttleKeys);
        return issueCode(ex, pending, *user, QStringLiteral("password+totp"));
    });
}

void ApiServer::postToken(const ExchangePtr &ex)
{
    const QUrlQuery form = formBody(ex->body);
    const QString grantType = formValue(form, "grant_type");
    if (grantType.isEmpty()) {
        finish(ex, oauthError(ex, 400, QStringLiteral("invalid_request"), QStringLiteral("grant_type is required.")));
        return;
    }
    if (grantType != QLatin1String("authorization_code") && grantType != QLatin1String("refresh_token")) {
        finish(ex, oauthError(ex, 400, QStringLiteral("unsupported_grant_type"),
                              QStringLiteral("Use authorization_code or refresh_token.")));
        return;
    }
    const QString clientId = formValue(form, "client_id");
    if (clientId.isEmpty()) {
        finish(ex, oauthError(ex, 400, QStringLiteral("invalid_request"), QStringLiteral("client_id is required.")));
        return;
    }
    auto tokenResponse = [this](const User &user, const QString &client, const QString &scope, const QString &family,
                                const QByteArray &refresh, qint64 now) {
        Reply r = Reply::json(200, {{QStringLiteral("access_token"),
                                     QString::fromLatin1(m_tokens->issue(user, client, scope, now, family))},
                                    {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                    {QStringLiteral("expires_in"), m_tokens->lifetimeSeconds()},
                                    {QStringLiteral("refresh_token"), QString::fromLatin1(refresh)},
                                    {QStringLiteral("scope"), scope}});
        r.sensitive = true;
        return r;
    };
    if (grantType == QLatin1String("authorization_code")) {
        const QByteArray code = formValue(form, "code").toLatin1();
        const QString redirectUri = formValue(form, "redirect_uri");
        const QByteArray verifier = formValue(form, "code_verifier").toLatin1();
        if (code.isEmpty() || redirectUri.isEmpty() || verifier.isEmpty()) {
            finish(ex, oauthError(ex, 400, QStringLiteral("invalid_request"),
                                  QStringLiteral("code, redirect_uri and code_verifier are required.")));
            return;
        }
        runWrite(ex, [this, ex, code, redirectUri, verifier, clientId, tokenResponse](QSqlDatabase &db) {
            const qint64 now = m_now();
            const auto grant = OAuthStore::findCode(db, code);
            if (!grant)
                return oauthError(ex, 400, QStringLiteral("invalid_grant"), QStringLiteral("The code is not valid."));
            if (grant->usedAtMs) {
                // A replayed code: whatever it issued may be in the wrong hands.
                if (!grant->familyId.isEmpty())
                    OAuthStore::revokeFamily(db, grant->familyId, QStringLiteral("authorization code replayed"), now);
                Reply r = oauthError(ex, 400, QStringLiteral("invalid_grant"),
                                     QStringLiteral("The code was already used; the sign-in it started is revoked."));
                r.invalidateKeyId = grant->userId;
                return r;
            }
            if (now > grant->expiresAtMs)
                return oauthError(ex, 400, QStringLiteral("invalid_grant"), QStringLiteral("The code expired."));
            if (grant->clientId != clientId)
                return oauthError(ex, 400, QStringLiteral("invalid_grant"), QStringLiteral("The code was issued to another client."));
            if (grant->redirectUri != redirectUri)
                return oauthError(ex, 400, QStringLiteral("invalid_grant"), QStringLiteral("redirect_uri does not match the authorization request."));
            if (!OAuthStore::verifierMatches(verifier, grant->codeChallenge))
                return oauthError(ex, 400, QStringLiteral("invalid_grant"), QStringLiteral("The code_verifier does not match the code_challenge."));
            const auto user = UserStore::findById(db, grant->userId);
            if (!user || user->disabled)
                return oauthError(ex, 400, QStringLiteral("invalid_grant"), QStringLiteral("The user can no longer sign in."));
            const QString family = OAuthStore::createFamily(db, user->id, clientId, grant->scope, now);
            OAuthStore::markCodeUsed(db, code, family, now);
            const QByteArray refresh = OAuthStore::createRefreshToken(db, family, now);
            return tokenResponse(*user, clientId, grant->scope, family, refresh, now);
        });
        return;
    }
    const QByteArray refresh = formValue(form, "refresh_token").toLatin1();
    if (refresh.isEmpty()) {
        finish(ex, oauthError(ex, 400, QStringLiteral("invalid_request"), QStringLiteral("refresh_token is required.")));
        return;
    }
    runWrite(ex, [this, ex, refresh, clientId, tokenResponse](QSqlDatabase &db) {
        const qint64 now = m_now();
        const auto grant = OAuthStore::findRefreshToken(db, refresh);
        if (!grant)
            return oauthError(ex, 400, QStringLiteral("invalid_grant"), QStringLiteral("The refresh token is not valid."));
        if (grant->familyRevoked)
            return oauthError(ex, 400, QStringLiteral("invalid_grant"), QStringLiteral("This sign-in was revoked."));
        if (grant->usedAtMs) {
            // Reuse of a rotated token: someone holds a copy. End the whole sign-in.
            OAuthStore::revokeFamily(db, grant->familyId, QStringLiteral("refresh token reused"), now);
            AuditEvent e = eventFor(ex, QStringLiteral("auth.logout"), {QStringLiteral("session"), grant->familyId, grant->clientId},
                                    {{QStringLiteral("reason"), QStringLiteral("refresh token reused")}});
            e.actor = {QStringLiteral("system"), QString(), QStringLiteral("keyward-server")};
            AuditLog::append(db, m_org.id, e);
            Reply r = oauthError(ex, 400, QStringLiteral("invalid_grant"),
                                 QStringLiteral("The refresh token was already used; the sign-in is revoked."));
            r.invalidateKeyId = grant->userId;
            return r;
        }
        if (now > grant->expiresAtMs)
            return oauthError(ex, 400, QStringLiteral("invalid_grant"), QStringLiteral("The refresh token expired."));
        if (grant->clientId != clientId)
            return oauthError(ex, 400, QStringLiteral("invalid_grant"), QStringLiteral("The refresh token belongs to another client."));
        const auto user = UserStore::findById(db, grant->userId);
        if (!user || user->disabled)
            return oauthError(ex, 400, QStringLiteral("invalid_grant"), QStringLiteral("The user can no longer sign in."));
        OAuthStore::markRefreshUsed(db, refresh, now);
        const QByteArray next = OAuthStore::createRefreshToken(db, grant->familyId, now);
        return tokenResponse(*user, clientId, grant->scope, grant->familyId, next, now);
    });
}

void ApiServer::postRevoke(const ExchangePtr &ex)
{
    const QUrlQuery form = formBody(ex->body);
    const QByteArray token = formValue(form, "token").toLatin1();
    if (token.isEmpty()) {
        finish(ex, oauthError(ex, 400, QStringLiteral("invalid_request"), QStringLiteral("token is required.")));
        return;
    }
    runWrite(ex, [this, ex, token](QSqlDatabase &db) {
        const qint64 now = m_now();
        QString family;
        QString userId;
        if (const auto grant = OAuthStore::findRefreshToken(db, token)) {
            family = grant->familyId;
            userId = grant->userId;
        } else if (AccessTokens::looksLikeJwt(token)) {
            QString why;
            if (const auto claims = m_tokens->validate(token, now, &why)) {
                family = claims->sessionId;
                userId = claims->userId;
            }
        }
        Reply r;
        r.status = 200;
        r.body = "{}";
        if (family.isEmpty() || OAuthStore::isFamilyRevoked(db, family))
            return r; // RFC 7009: unknown or already revoked tokens are not an error
        OAuthStore::revokeFamily(db, family, QStringLiteral("signed out"), now);
        const auto user = UserStore::findById(db, userId);
        AuditEvent e = eventFor(ex, QStringLiteral("auth.logout"), {QStringLiteral("session"), family, QStringLiteral("sign-in")},
                                {{QStringLiteral("reason"), QStringLiteral("signed out")}});
        e.actor = {QStringLiteral("user"), userId, user ? user->display() : userId};
        AuditLog::append(db, m_org.id, e);
        r.invalidateKeyId = userId;
        return r;
    });
}

} // namespace keyward::server

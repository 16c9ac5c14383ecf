// SPDX-License-Identifier: GPL-3.0-or-later
#include "OAuthStore.h"

#include "Database.h"
#include "KeyStore.h"
#include "ServerSecrets.h"

#include <QCryptographicHash>
#include <QHostAddress>

#include <openssl/crypto.h>

namespace keyward::server {

bool OAuthClient::isLoopbackRedirect(const QUrl &uri)
{
    // RFC 8252 §7.3: http on a loopback IP literal, any port; never "localhost" (resolvable).
    if (!uri.isValid() || uri.scheme() != QLatin1String("http") || !uri.userInfo().isEmpty() || uri.hasFragment())
        return false;
    const QHostAddress host(uri.host());
    return !host.isNull() && (host == QHostAddress(QHostAddress::LocalHost) || host == QHostAddress(QHostAddress::LocalHostIPv6))
        && uri.port() > 0;
}

bool OAuthClient::acceptsRedirect(const QUrl &uri) const
{
    if (redirectPolicy == QLatin1String("loopback"))
        return isLoopbackRedirect(uri);
    return redirectUris.contains(uri.toString(QUrl::FullyEncoded));
}

std::optional<OAuthClient> OAuthStore::client(QSqlDatabase &db, const QString &clientId)
{
    Sql q(db, QStringLiteral("SELECT client_id, name, redirect_policy, redirect_uris FROM oauth_clients WHERE client_id = ?"));
    q.bind(clientId).exec();
    if (!q.next())
        return std::nullopt;
    return OAuthClient {q.text(0), q.text(1), q.text(2), q.text(3).split(QLatin1Char(' '), Qt::SkipEmptyParts)};
}

void OAuthStore::addClient(QSqlDatabase &db, const OAuthClient &client, qint64 nowMs)
{
    Sql(db, QStringLiteral("INSERT INTO oauth_clients (client_id, name, redirect_policy, redirect_uris, created_at) "
                           "VALUES (?, ?, ?, ?, ?)"))
        .bind(client.clientId).bind(client.name).bind(client.redirectPolicy)
        .bind(client.redirectUris.isEmpty() ? QStringLiteral("") : client.redirectUris.join(QLatin1Char(' '))) // NOT NULL
        .bind(nowMs).exec();
}

QByteArray OAuthStore::tokenHash(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

bool OAuthStore::verifierMatches(const QByteArray &verifier, const QString &challenge)
{
    // RFC 7636: 43 to 128 characters of [A-Za-z0-9-._~].
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    for (char c : verifier) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' || c == '~'))
            return false;
    }
    const QByteArray computed = ServerSecrets::base64Url(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256));
    const QByteArray expected = challenge.toLatin1();
    return computed.size() == expected.size()
        && CRYPTO_memcmp(computed.constData(), expected.constData(), size_t(computed.size())) == 0;
}

QByteArray OAuthStore::createCode(QSqlDatabase &db, const QString &clientId, const QString &userId,
                                  const QString &redirectUri, const QString &codeChallenge, const QString &scope,
                                  qint64 nowMs, qint64 lifetimeMs)
{
    const QByteArray code = ServerSecrets::base64Url(ServerSecrets::randomBytes(32));
    Sql(db, QStringLiteral("INSERT INTO oauth_codes (code_hash, client_id, user_id, redirect_uri, code_challenge, "
                           "scope, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"))
        .bind(tokenHash(code)).bind(clientId).bind(userId).bind(redirectUri).bind(codeChallenge).bind(scope)
        .bind(nowMs + lifetimeMs).exec();
    Sql(db, QStringLiteral("DELETE FROM oauth_codes WHERE expires_at < ?")).bind(nowMs - 24 * 3600 * 1000).exec();
    return code;
}

std::optional<OAuthStore::CodeGrant> OAuthStore::findCode(QSqlDatabase &db, const QByteArray &code)
{
    Sql q(db, QStringLiteral("SELECT client_id, user_id, redirect_uri, code_challenge, scope, expires_at, used_at, "
                             "family_id FROM oauth_codes WHERE code_hash = ?"));
    q.bind(tokenHash(code)).exec();
    if (!q.next())
        return std::nullopt;
    return CodeGrant {q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.integer(5),
                      q.isNull(6) ? 0 : q.integer(6), q.text(7)};
}

void OAuthStore::markCodeUsed(QSqlDatabase &db, const QByteArray &code, const QString &familyId, qint64 nowMs)
{
    Sql(db, QStringLiteral("UPDATE oauth_codes SET used_at = ?, family_id = ? WHERE code_hash = ?"))
        .bind(nowMs).bind(familyId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(familyId))
        .bind(tokenHash(code)).exec();
}

QString OAuthStore::createFamily(QSqlDatabase &db, const QString &userId, const QString &clientId,
                                 const QString &scope, qint64 nowMs)
{
    const QString id = KeyStore::newId("sid_");
    Sql(db, QStringLiteral("INSERT INTO oauth_families (id, user_id, client_id, scope, created_at) VALUES (?, ?, ?, ?, ?)"))
        .bind(id).bind(userId).bind(clientId).bind(scope).bind(nowMs).exec();
    return id;
}

void OAuthStore::revokeFamily(QSqlDatabase &db, const QString &familyId, const QString &reason, qint64 nowMs)
{
    Sql(db, QStringLiteral("UPDATE oauth_families SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL"))
        .bind(nowMs).bind(reason).bind(familyId).exec();
}

bool OAuthStore::isFamilyRevoked(QSqlDatabase &db, const QString &familyId)
{
    Sql q(db, QStringLiteral("SELECT revoked_at FROM oauth_families WHERE id = ?"));
    q.bind(familyId).exec();
    return !q.next() || !q.isNull(0);
}

QByteArray OAuthStore::createRefreshToken(QSqlDatabase &db, const QString &familyId, qint64 nowMs)
{
    const QByteArray token = "kwr_" + ServerSecrets::base64Url(ServerSecrets::randomBytes(32));
    Sql(db, QStringLiteral("INSERT INTO oauth_refresh_tokens (token_hash, family_id, created_at, expires_at) "
                           "VALUES (?, ?, ?, ?)"))
        .bind(tokenHash(token)).bind(familyId).bind(nowMs).bind(nowMs + RefreshLifetimeMs).exec();
    return token;
}

std::optional<OAuthStore::RefreshGrant> OAuthStore::findRefreshToken(QSqlDatabase &db, const QByteArray &token)
{
    Sql q(db, QStringLiteral("SELECT t.family_id, f.user_id, f.client_id, f.scope, t.expires_at, t.used_at, f.revoked_at "
                             "FROM oauth_refresh_tokens t JOIN oauth_families f ON f.id = t.family_id "
                             "WHERE t.token_hash = ?"));
    q.bind(tokenHash(token)).exec();
    if (!q.next())
        return std::nullopt;
    return RefreshGrant {q.text(0), q.text(1), q.text(2), q.text(3), q.integer(4), q.isNull(5) ? 0 : q.integer(5),
                         !q.isNull(6)};
}

void OAuthStore::markRefreshUsed(QSqlDatabase &db, const QByteArray &token, qint64 nowMs)
{
    Sql(db, QStringLiteral("UPDATE oauth_refresh_tokens SET used_at = ? WHERE token_hash = ?"))
        .bind(nowMs).bind(tokenHash(token)).exec();
}

} // namespace keyward::server

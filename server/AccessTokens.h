// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace keyward::server {

class ServerSecrets;
struct User;

// OAuth access tokens as JWTs (RFC 9068 profile): ES256-signed by the server's newest key,
// claims iss, sub, aud, exp, iat, nbf, jti, client_id, scope, org, role, email. Validation pins the
// algorithm, requires one of our key ids, and checks iss, aud, exp and nbf with a bounded leeway.
class AccessTokens
{
public:
    static constexpr int DefaultLifetimeSeconds = 600;
    static constexpr int DefaultLeewaySeconds = 60;
    // Expiry times past 9999-12-31 count as that day (so that milliseconds fit in qint64).
    static constexpr qint64 MaxExpirySeconds = 253402300799;
    static QString audience() { return QStringLiteral("keyward-api"); }

    AccessTokens(const ServerSecrets &secrets, QString issuer, int lifetimeSeconds = DefaultLifetimeSeconds,
                 int leewaySeconds = DefaultLeewaySeconds);

    QString issuer() const { return m_issuer; }
    int lifetimeSeconds() const { return m_lifetime; }

    // sessionId: the sign-in (refresh family) the token belongs to; revoking it ends the token.
    QByteArray issue(const User &user, const QString &clientId, const QString &scope, qint64 nowMs,
                     const QString &sessionId = {}) const;

    struct Claims
    {
        QString userId;
        QString orgId;
        QString clientId;
        QString scope;
        QString jti;
        QString sessionId;
        qint64 expiresAtMs = 0;
    };
    std::optional<Claims> validate(QByteArrayView token, qint64 nowMs, QString *why) const;

    // Three base64url parts whose header starts like a JSON object: not a secret key.
    static bool looksLikeJwt(QByteArrayView credential);

private:
    const ServerSecrets &m_secrets;
    QString m_issuer;
    int m_lifetime;
    int m_leeway = DefaultLeewaySeconds;
};

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccessTokens.h"

#include "ServerSecrets.h"
#include "UserStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace keyward::server {

AccessTokens::AccessTokens(const ServerSecrets &secrets, QString issuer, int lifetimeSeconds, int leewaySeconds)
    : m_secrets(secrets)
    , m_issuer(std::move(issuer))
    , m_lifetime(lifetimeSeconds)
    , m_leeway(leewaySeconds)
{
}

bool AccessTokens::looksLikeJwt(QByteArrayView credential)
{
    return credential.startsWith("eyJ") && credential.count('.') == 2;
}

QByteArray AccessTokens::issue(const User &user, const QString &clientId, const QString &scope, qint64 nowMs,
                               const QString &sessionId) const
{
    const qint64 now = nowMs / 1000;
    QJsonObject claims {
        {QStringLiteral("iss"), m_issuer},
        {QStringLiteral("sub"), user.id},
        {QStringLiteral("aud"), audience()},
        {QStringLiteral("iat"), now},
        {QStringLiteral("nbf"), now},
        {QStringLiteral("exp"), now + m_lifetime},
        {QStringLiteral("jti"), QString::fromLatin1(ServerSecrets::base64Url(ServerSecrets::randomBytes(16)))},
        {QStringLiteral("client_id"), clientId},
        {QStringLiteral("scope"), scope},
        {QStringLiteral("org"), user.orgId},
        {QStringLiteral("role"), User::roleName(user.role)},
    };
    // Identity claims (RFC 9068 §2.2.1), so another keyward-server that trusts this one as its
    // OpenID Connect provider (--trust-issuer) can map the user by email. Accounts are created
    // by the organization's admins, who vouch for the address.
    if (!user.email.isEmpty()) {
        claims.insert(QStringLiteral("email"), user.email);
        claims.insert(QStringLiteral("email_verified"), true);
    }
    if (!sessionId.isEmpty())
        claims.insert(QStringLiteral("sid"), sessionId);
    return m_secrets.signJws(QJsonDocument(claims).toJson(QJsonDocument::Compact), "at+jwt");
}

std::optional<AccessTokens::Claims> AccessTokens::validate(QByteArrayView token, qint64 nowMs, QString *why) const
{
    const auto jws = m_secrets.verifyJws(token, why);
    if (!jws)
        return std::nullopt;
    const QJsonObject &c = jws->payload;
    const qint64 now = nowMs / 1000;
    if (c.value(QStringLiteral("iss")).toString() != m_issuer) {
        *why = QStringLiteral("wrong issuer");
        return std::nullopt;
    }
    const QJsonValue aud = c.value(QStringLiteral("aud"));
    const bool audienceOk = aud.isArray() ? aud.toArray().contains(audience()) : aud.toString() == audience();
    if (!audienceOk) {
        *why = QStringLiteral("wrong audience");
        return std::nullopt;
    }
    // Compared with the leeway on now's side: exp and nbf may be anywhere in qint64.
    const QJsonValue exp = c.value(QStringLiteral("exp"));
    if (!exp.isDouble() || exp.toInteger() < now - m_leeway) {
        *why = QStringLiteral("expired token");
        return std::nullopt;
    }
    const QJsonValue nbf = c.value(QStringLiteral("nbf"));
    if (nbf.isDouble() && nbf.toInteger() > now + m_leeway) {
        *why = QStringLiteral("token not yet valid");
        return std::nullopt;
    }
    Claims out;
    out.userId = c.value(QStringLiteral("sub")).toString();
    out.orgId = c.value(QStringLiteral("org")).toString();
    out.clientId = c.value(QStringLiteral("client_id")).toString();
    out.scope = c.value(QStringLiteral("scope")).toString();
    out.jti = c.value(QStringLiteral("jti")).toString();
    out.sessionId = c.value(QStringLiteral("sid")).toString();
    out.expiresAtMs = (qMin(exp.toInteger(), MaxExpirySeconds) + m_leeway) * 1000;
    if (out.userId.isEmpty()) {
        *why = QStringLiteral("token names no subject");
        return std::nullopt;
    }
    return out;
}

} // namespace keyward::server

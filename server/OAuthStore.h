// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QUrl>

#include <optional>

namespace keyward::server {

struct OAuthClient
{
    QString clientId;
    QString name;
    QString redirectPolicy; // "loopback" (RFC 8252 native apps) or "exact"
    QStringList redirectUris;

    bool acceptsRedirect(const QUrl &uri) const;
    static bool isLoopbackRedirect(const QUrl &uri);
};

// Authorization codes, sign-in families and refresh tokens. Codes and refresh tokens are stored
// only as SHA-256 hashes. A family is one sign-in: every refresh token and access token issued
// from it carries its id, and revoking the family (sign-out, a replayed code, a reused refresh
// token) ends them all.
class OAuthStore
{
public:
    static constexpr qint64 RefreshLifetimeMs = 30LL * 24 * 3600 * 1000;

    static std::optional<OAuthClient> client(QSqlDatabase &db, const QString &clientId);
    static void addClient(QSqlDatabase &db, const OAuthClient &client, qint64 nowMs);

    // Returns the plaintext code for the redirect.
    static QByteArray createCode(QSqlDatabase &db, const QString &clientId, const QString &userId,
                                 const QString &redirectUri, const QString &codeChallenge, const QString &scope,
                                 qint64 nowMs, qint64 lifetimeMs);

    struct CodeGrant
    {
        QString clientId;
        QString userId;
        QString redirectUri;
        QString codeChallenge;
        QString scope;
        qint64 expiresAtMs = 0;
        qint64 usedAtMs = 0;
        QString familyId;
    };
    static std::optional<CodeGrant> findCode(QSqlDatabase &db, const QByteArray &code);
    static void markCodeUsed(QSqlDatabase &db, const QByteArray &code, const QString &familyId, qint64 nowMs);

    static QString createFamily(QSqlDatabase &db, const QString &userId, const QString &clientId, const QString &scope,
                                qint64 nowMs);
    static void revokeFamily(QSqlDatabase &db, const QString &familyId, const QString &reason, qint64 nowMs);
    static bool isFamilyRevoked(QSqlDatabase &db, const QString &familyId);

    // Returns the plaintext refresh token.
    static QByteArray createRefreshToken(QSqlDatabase &db, const QString &familyId, qint64 nowMs);

    struct RefreshGrant
    {
        QString familyId;
        QString userId;
        QString clientId;
        QString scope;
        qint64 expiresAtMs = 0;
        qint64 usedAtMs = 0;
        bool familyRevoked = false;
    };
    static std::optional<RefreshGrant> findRefreshToken(QSqlDatabase &db, const QByteArray &token);
    static void markRefreshUsed(QSqlDatabase &db, const QByteArray &token, qint64 nowMs);

    static QByteArray tokenHash(const QByteArray &token);
    // base64url(SHA-256(verifier)) == challenge, compared in constant time (RFC 7636 S256).
    static bool verifierMatches(const QByteArray &verifier, const QString &challenge);
};

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QSqlDatabase>

#include <memory>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;

namespace keyward::server {

// The server's own secrets, created once by `init` and kept in the database: the pepper for
// the keyed hash of secret keys, and the ES256 keys that sign the audit head and access tokens
// (the newest signs; older ones stay published in the JWKS so their tokens still verify).
// Thread-safe after load: everything here is read-only.
class ServerSecrets
{
public:
    ServerSecrets();
    ~ServerSecrets();
    ServerSecrets(const ServerSecrets &) = delete;
    ServerSecrets &operator=(const ServerSecrets &) = delete;

    // Creates missing secrets inside the caller's write transaction, then loads them.
    void ensure(QSqlDatabase &db, qint64 nowMs);
    // Loads existing secrets; false when init has not run.
    bool load(QSqlDatabase &db);

    // HMAC-SHA-256(pepper, secret): 32 bytes, the only form of a secret key the server keeps.
    QByteArray keyedHash(QByteArrayView secret) const;

    // Compact JWS (ES256) over payload with the newest key; its id goes in the header.
    QByteArray signJws(const QByteArray &payload, const QByteArray &type = "JWT") const;
    // Checks a compact JWS: header alg must be exactly ES256 (no "none", no HMAC confusion) and
    // kid one of ours; returns the header and payload JSON objects, or nullopt with *why set.
    struct VerifiedJws
    {
        QJsonObject header;
        QJsonObject payload;
    };
    std::optional<VerifiedJws> verifyJws(QByteArrayView token, QString *why) const;
    QJsonObject publicJwk() const;    // the newest key
    QJsonObject jwks() const;         // {"keys": [...]} every published key
    QString keyId() const;

    // Adds a new newest signing key (inside the caller's write transaction).
    static QString rotateSigningKey(QSqlDatabase &db, qint64 nowMs);

    // ES256 (raw R||S) or RS256 (PKCS #1 v1.5, keys of 2048 bits or more) over input.
    static bool verifySignature(EVP_PKEY *key, const QByteArray &alg, const QByteArray &input, const QByteArray &signature);

    static QByteArray randomBytes(int count);
    static QByteArray base64Url(const QByteArray &data);
    // Strict base64url (RFC 7515): the canonical spelling only, so that a token has exactly one
    // encoding that verifies (no padding, no set bits past the data, no other characters).
    static std::optional<QByteArray> decodeBase64Url(QByteArrayView text);

private:
    struct SigningKey
    {
        QString kid;
        EVP_PKEY *key = nullptr;
        QJsonObject jwk;
    };
    static std::optional<SigningKey> loadSigningKey(const QByteArray &pem);
    const SigningKey *findKey(const QString &kid) const;

    QByteArray m_pepper;
    QList<SigningKey> m_keys; // oldest first; the last one signs
};

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QSqlDatabase>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace keyward::server {

// The server's own secrets, created once by `init` and kept in the database: the pepper for
// the keyed hash of secret keys, and the ES256 key that signs the audit head (and, later,
// access tokens). Thread-safe after load: everything here is read-only.
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

    // Compact JWS (ES256) over payload, with the key id in the header.
    QByteArray signJws(const QByteArray &payload) const;
    QJsonObject publicJwk() const;
    QString keyId() const { return m_kid; }

    static QByteArray randomBytes(int count);
    static QByteArray base64Url(const QByteArray &data);

private:
    void loadSigningKey(const QByteArray &pem);

    QByteArray m_pepper;
    EVP_PKEY *m_signingKey = nullptr;
    QJsonObject m_jwk;
    QString m_kid;
};

} // namespace keyward::server

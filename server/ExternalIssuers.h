// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;

namespace keyward::server {

// OpenID Connect providers whose access tokens the API accepts besides its own (the Odin
// Scan/Clerk model): discovery and the JWKS are fetched and cached, fetched again when a token
// names an unknown key (at most once per interval), and tokens are checked for an RS256 or
// ES256 signature, iss, aud, exp and nbf. validate() is thread-safe; fetching runs on the
// thread that owns this object.
class ExternalIssuers : public QObject
{
    Q_OBJECT
public:
    ExternalIssuers(const QStringList &issuers, const QStringList &audiences, int refetchIntervalSeconds,
                    QObject *parent = nullptr);
    ~ExternalIssuers() override;

    bool isEmpty() const { return m_issuers.isEmpty(); }
    bool trusts(const QString &issuer) const { return m_issuers.contains(issuer); }
    void fetchAll();

    struct Identity
    {
        QString issuer;
        QString subject;
        QString email; // empty unless the provider vouches for it (email_verified not false)
        qint64 expiresAtMs = 0;
    };
    std::optional<Identity> validate(const QByteArray &token, qint64 nowMs, QString *why);

    // The "iss" claim of a JWT, unverified: only to pick which issuer's keys to check it with.
    static QString unverifiedIssuer(const QByteArray &token);

Q_SIGNALS:
    void keysChanged(const QString &issuer);

private:
    using Key = std::shared_ptr<EVP_PKEY>;
    struct State
    {
        QHash<QString, Key> keys; // by kid
        qint64 lastFetchMs = 0;
        bool fetching = false;
    };
    void fetch(const QString &issuer);
    void requestRefetch(const QString &issuer);
    static Key keyFromJwk(const QJsonObject &jwk);

    QStringList m_issuers;
    QStringList m_audiences;
    int m_refetchIntervalMs;
    QMutex m_mutex;
    QHash<QString, State> m_states;
    QNetworkAccessManager m_nam;
};

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExternalIssuers.h"

#include "AccessTokens.h"
#include "ServerSecrets.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkReply>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

Q_LOGGING_CATEGORY(lcTrust, "keyward.server.trust", QtInfoMsg)

namespace keyward::server {

namespace {
QByteArray fromB64Url(const QString &s)
{
    return QByteArray::fromBase64(s.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
} // namespace

ExternalIssuers::ExternalIssuers(const QStringList &issuers, const QStringList &audiences, int refetchIntervalSeconds,
                                 QObject *parent)
    : QObject(parent)
    , m_issuers(issuers)
    , m_audiences(audiences)
    , m_refetchIntervalMs(refetchIntervalSeconds * 1000)
{
    for (const QString &issuer : issuers)
        m_states.insert(issuer, {});
}

ExternalIssuers::~ExternalIssuers() = default;

QString ExternalIssuers::unverifiedIssuer(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    return QJsonDocument::fromJson(fromB64Url(QString::fromLatin1(parts.at(1)))).object()
        .value(QStringLiteral("iss")).toString();
}

void ExternalIssuers::fetchAll()
{
    for (const QString &issuer : std::as_const(m_issuers))
        fetch(issuer);
}

void ExternalIssuers::requestRefetch(const QString &issuer)
{
    QMetaObject::invokeMethod(this, [this, issuer] {
        {
            QMutexLocker lock(&m_mutex);
            State &s = m_states[issuer];
            if (s.fetching || QDateTime::currentMSecsSinceEpoch() - s.lastFetchMs < m_refetchIntervalMs)
                return; // rate-limited: an attacker's made-up kids must not make us hammer the provider
        }
        fetch(issuer);
    }, Qt::QueuedConnection);
}

void ExternalIssuers::fetch(const QString &issuer)
{
    {
        QMutexLocker lock(&m_mutex);
        State &s = m_states[issuer];
        if (s.fetching)
            return;
        s.fetching = true;
        s.lastFetchMs = QDateTime::currentMSecsSinceEpoch();
    }
    auto done = [this, issuer](const QHash<QString, Key> &keys, const QString &problem) {
        QMutexLocker lock(&m_mutex);
        State &s = m_states[issuer];
        s.fetching = false;
        if (!problem.isEmpty()) {
            qCWarning(lcTrust).noquote() << "cannot refresh the keys of" << issuer << ":" << problem;
            return;
        }
        s.keys = keys;
        lock.unlock();
        qCInfo(lcTrust).noquote() << "trusting" << keys.size() << "key(s) of" << issuer;
        Q_EMIT keysChanged(issuer);
    };
    QString base = issuer;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QNetworkRequest discovery(QUrl(base + QStringLiteral("/.well-known/openid-configuration")));
    discovery.setTransferTimeout(10000);
    QNetworkReply *reply = m_nam.get(discovery);
    connect(reply, &QNetworkReply::finished, this, [this, reply, issuer, done] {
        reply->deleteLater();
        const QJsonObject meta = QJsonDocument::fromJson(reply->readAll()).object();
        if (reply->error() != QNetworkReply::NoError) {
            done({}, reply->errorString());
            return;
        }
        if (meta.value(QStringLiteral("issuer")).toString() != issuer) {
            done({}, QStringLiteral("the discovery document names another issuer"));
            return;
        }
        QNetworkRequest jwks(QUrl(meta.value(QStringLiteral("jwks_uri")).toString()));
        jwks.setTransferTimeout(10000);
        QNetworkReply *keysReply = m_nam.get(jwks);
        connect(keysReply, &QNetworkReply::finished, this, [keysReply, done] {
            keysReply->deleteLater();
            if (keysReply->error() != QNetworkReply::NoError) {
                done({}, keysReply->errorString());
                return;
            }
            QHash<QString, Key> keys;
            const QJsonArray list = QJsonDocument::fromJson(keysReply->readAll()).object().value(QStringLiteral("keys")).toArray();
            for (const QJsonValue &v : list) {
                const QJsonObject jwk = v.toObject();
                if (jwk.value(QStringLiteral("use")).toString() == QLatin1String("enc"))
                    continue;
                if (Key k = keyFromJwk(jwk))
                    keys.insert(jwk.value(QStringLiteral("kid")).toString(), k);
            }
            done(keys, keys.isEmpty() ? QStringLiteral("the JWKS holds no usable signing key") : QString());
        });
    });
}

ExternalIssuers::Key ExternalIssuers::keyFromJwk(const QJsonObject &jwk)
{
    const QString kty = jwk.value(QStringLiteral("kty")).toString();
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    BIGNUM *n = nullptr;
    BIGNUM *e = nullptr;
    QByteArray pub;
    const char *type = nullptr;
    if (kty == QLatin1String("EC") && jwk.value(QStringLiteral("crv")).toString() == QLatin1String("P-256")) {
        const QByteArray x = fromB64Url(jwk.value(QStringLiteral("x")).toString());
        const QByteArray y = fromB64Url(jwk.value(QStringLiteral("y")).toString());
        if (x.size() != 32 || y.size() != 32) {
            OSSL_PARAM_BLD_free(bld);
            return {};
        }
        pub = QByteArray("\x04", 1) + x + y;
        OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, "P-256", 0);
        OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pub.constData(), size_t(pub.size()));
        type = "EC";
    } else if (kty == QLatin1String("RSA")) {
        const QByteArray nb = fromB64Url(jwk.value(QStringLiteral("n")).toString());
        const QByteArray eb = fromB64Url(jwk.value(QStringLiteral("e")).toString());
        n = BN_bin2bn(reinterpret_cast<const unsigned char *>(nb.constData()), int(nb.size()), nullptr);
        e = BN_bin2bn(reinterpret_cast<const unsigned char *>(eb.constData()), int(eb.size()), nullptr);
        OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n);
        OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e);
        type = "RSA";
    } else {
        OSSL_PARAM_BLD_free(bld);
        return {};
    }
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
    EVP_PKEY *key = nullptr;
    if (ctx && EVP_PKEY_fromdata_init(ctx) == 1)
        EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params);
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(n);
    BN_free(e);
    return key ? Key(key, EVP_PKEY_free) : Key();
}

std::optional<ExternalIssuers::Identity> ExternalIssuers::validate(const QByteArray &token, qint64 nowMs, QString *why)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || token.size() > 16384) {
        *why = QStringLiteral("not a compact JWS");
        return std::nullopt;
    }
    // Strictly: a lenient decoder skips characters it does not know, so junk in the signature
    // would make many spellings of one token that all verify.
    const auto headerBytes = ServerSecrets::decodeBase64Url(parts.at(0));
    const auto claimBytes = ServerSecrets::decodeBase64Url(parts.at(1));
    const auto signature = ServerSecrets::decodeBase64Url(parts.at(2));
    if (!headerBytes || !claimBytes || !signature) {
        *why = QStringLiteral("bad base64url");
        return std::nullopt;
    }
    const QJsonObject header = QJsonDocument::fromJson(*headerBytes).object();
    const QJsonObject claims = QJsonDocument::fromJson(*claimBytes).object();
    const QString issuer = claims.value(QStringLiteral("iss")).toString();
    if (!trusts(issuer)) {
        *why = QStringLiteral("untrusted issuer");
        return std::nullopt;
    }
    const QByteArray alg = header.value(QStringLiteral("alg")).toString().toLatin1();
    if (alg != "RS256" && alg != "ES256") {
        *why = QStringLiteral("algorithm not allowed");
        return std::nullopt;
    }
    Key key;
    {
        QMutexLocker lock(&m_mutex);
        key = m_states.value(issuer).keys.value(header.value(QStringLiteral("kid")).toString());
    }
    if (!key) {
        requestRefetch(issuer);
        *why = QStringLiteral("unknown key id of a trusted issuer (keys are being refreshed)");
        return std::nullopt;
    }
    if (!ServerSecrets::verifySignature(key.get(), alg, parts.at(0) + '.' + parts.at(1), *signature)) {
        *why = QStringLiteral("bad signature");
        return std::nullopt;
    }
    const QJsonValue aud = claims.value(QStringLiteral("aud"));
    QStringList audiences;
    if (aud.isArray()) {
        for (const QJsonValue &a : aud.toArray())
            audiences.append(a.toString());
    } else {
        audiences.append(aud.toString());
    }
    bool audienceOk = false;
    for (const QString &a : std::as_const(audiences))
        audienceOk = audienceOk || m_audiences.contains(a);
    if (!audienceOk) {
        *why = QStringLiteral("wrong audience");
        return std::nullopt;
    }
    const qint64 now = nowMs / 1000;
    const QJsonValue exp = claims.value(QStringLiteral("exp"));
    if (!exp.isDouble() || exp.toInteger() < now - AccessTokens::DefaultLeewaySeconds) {
        *why = QStringLiteral("expired token");
        return std::nullopt;
    }
    const QJsonValue nbf = claims.value(QStringLiteral("nbf"));
    if (nbf.isDouble() && nbf.toInteger() > now + AccessTokens::DefaultLeewaySeconds) {
        *why = QStringLiteral("token not yet valid");
        return std::nullopt;
    }
    Identity id;
    id.issuer = issuer;
    id.subject = claims.value(QStringLiteral("sub")).toString();
    if (claims.value(QStringLiteral("email_verified")) != QJsonValue(false))
        id.email = claims.value(QStringLiteral("email")).toString();
    id.expiresAtMs = (qMin(exp.toInteger(), AccessTokens::MaxExpirySeconds) + AccessTokens::DefaultLeewaySeconds) * 1000;
    return id;
}

} // namespace keyward::server

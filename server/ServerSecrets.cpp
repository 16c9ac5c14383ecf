// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerSecrets.h"

#include "Database.h"
#include "CanonicalJson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

namespace keyward::server {

namespace {
// One keyed HMAC context per thread and pepper: OpenSSL 3's one-shot HMAC() fetches the algorithm
// and builds a context on every call, which cost more than the rest of key authentication.
struct ThreadMac
{
    const void *owner = nullptr;
    EVP_MAC *mac = nullptr;
    EVP_MAC_CTX *ctx = nullptr;
    ~ThreadMac()
    {
        EVP_MAC_CTX_free(ctx);
        EVP_MAC_free(mac);
    }
};
thread_local ThreadMac t_mac;
} // namespace

namespace {
const QString PepperName = QStringLiteral("hmac_pepper");
const QString SigningKeyName = QStringLiteral("es256_signing_key");

QByteArray readSecret(QSqlDatabase &db, const QString &name)
{
    Sql q(db, QStringLiteral("SELECT value FROM server_secrets WHERE name = ?"));
    q.bind(name).exec();
    return q.next() ? q.value(0).toByteArray() : QByteArray();
}

QByteArray generatePrivateKeyPem()
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    if (!key)
        throw DatabaseError("cannot generate the ES256 signing key");
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, len);
    BIO_free(bio);
    EVP_PKEY_free(key);
    return pem;
}

QByteArray bnParam(EVP_PKEY *key, const char *name)
{
    BIGNUM *bn = nullptr;
    if (!EVP_PKEY_get_bn_param(key, name, &bn))
        return {};
    QByteArray out(32, Qt::Uninitialized);
    BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(out.data()), 32);
    BN_free(bn);
    return out;
}
} // namespace

ServerSecrets::ServerSecrets() = default;

ServerSecrets::~ServerSecrets()
{
    if (t_mac.owner == this)
        t_mac.owner = nullptr;
    if (!m_pepper.isEmpty())
        OPENSSL_cleanse(m_pepper.data(), size_t(m_pepper.size()));
    for (SigningKey &k : m_keys)
        EVP_PKEY_free(k.key);
}

QByteArray ServerSecrets::randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        qFatal("OpenSSL's CSPRNG failed; refusing to continue without secure randomness");
    return out;
}

QByteArray ServerSecrets::base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> ServerSecrets::decodeBase64Url(QByteArrayView text)
{
    const auto decoded = QByteArray::fromBase64Encoding(text.toByteArray(), QByteArray::Base64UrlEncoding
                                                                                | QByteArray::AbortOnBase64DecodingErrors);
    // Only the one spelling base64Url() writes: no padding, no stray bits in the last character.
    if (!decoded || QByteArrayView(base64Url(decoded.decoded)) != text)
        return std::nullopt;
    return decoded.decoded;
}

void ServerSecrets::ensure(QSqlDatabase &db, qint64 nowMs)
{
    auto insert = [&](const QString &name, const QByteArray &value) {
        Sql q(db, QStringLiteral("INSERT INTO server_secrets (name, value, created_at) VALUES (?, ?, ?)"));
        q.bind(name).bind(value).bind(nowMs).exec();
    };
    if (readSecret(db, PepperName).isEmpty())
        insert(PepperName, randomBytes(32));
    if (readSecret(db, SigningKeyName).isEmpty())
        insert(SigningKeyName, generatePrivateKeyPem());
    if (!load(db))
        throw DatabaseError("the server secrets could not be loaded after creation");
}

bool ServerSecrets::load(QSqlDatabase &db)
{
    const QByteArray pepper = readSecret(db, PepperName);
    if (pepper.size() < 32)
        return false;
    Sql q(db, QStringLiteral("SELECT value FROM server_secrets WHERE name = ? OR name LIKE ? ORDER BY created_at, name"));
    q.bind(SigningKeyName).bind(SigningKeyName + QStringLiteral(":%")).exec();
    QList<SigningKey> keys;
    while (q.next()) {
        if (auto k = loadSigningKey(q.value(0).toByteArray()))
            keys.append(*k);
    }
    if (keys.isEmpty())
        return false;
    for (SigningKey &k : m_keys)
        EVP_PKEY_free(k.key);
    m_keys = keys;
    m_pepper = pepper;
    return true;
}

QString ServerSecrets::rotateSigningKey(QSqlDatabase &db, qint64 nowMs)
{
    const QByteArray pem = generatePrivateKeyPem();
    Sql(db, QStringLiteral("INSERT INTO server_secrets (name, value, created_at) VALUES (?, ?, ?)"))
        .bind(SigningKeyName + QLatin1Char(':') + QString::number(nowMs)).bind(pem).bind(nowMs).exec();
    auto k = loadSigningKey(pem);
    const QString kid = k ? k->kid : QString();
    if (k)
        EVP_PKEY_free(k->key);
    return kid;
}

std::optional<ServerSecrets::SigningKey> ServerSecrets::loadSigningKey(const QByteArray &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!key)
        return std::nullopt;
    const QByteArray x = bnParam(key, OSSL_PKEY_PARAM_EC_PUB_X);
    const QByteArray y = bnParam(key, OSSL_PKEY_PARAM_EC_PUB_Y);
    // RFC 7638 thumbprint as the key id.
    const QJsonObject required {{QStringLiteral("crv"), QStringLiteral("P-256")},
                                {QStringLiteral("kty"), QStringLiteral("EC")},
                                {QStringLiteral("x"), QString::fromLatin1(base64Url(x))},
                                {QStringLiteral("y"), QString::fromLatin1(base64Url(y))}};
    SigningKey k;
    k.key = key;
    k.kid = QString::fromLatin1(base64Url(
        QCryptographicHash::hash(keyward::CanonicalJson::serialize(required), QCryptographicHash::Sha256)));
    k.jwk = required;
    k.jwk.insert(QStringLiteral("kid"), k.kid);
    k.jwk.insert(QStringLiteral("alg"), QStringLiteral("ES256"));
    k.jwk.insert(QStringLiteral("use"), QStringLiteral("sig"));
    return k;
}

const ServerSecrets::SigningKey *ServerSecrets::findKey(const QString &kid) const
{
    for (const SigningKey &k : m_keys) {
        if (k.kid == kid)
            return &k;
    }
    return nullptr;
}

QString ServerSecrets::keyId() const
{
    return m_keys.isEmpty() ? QString() : m_keys.last().kid;
}

QJsonObject ServerSecrets::jwks() const
{
    QJsonArray keys;
    for (auto it = m_keys.crbegin(); it != m_keys.crend(); ++it)
        keys.append(it->jwk);
    return {{QStringLiteral("keys"), keys}};
}

QByteArray ServerSecrets::keyedHash(QByteArrayView secret) const
{
    if (t_mac.owner != this || !t_mac.ctx) {
        EVP_MAC_CTX_free(t_mac.ctx);
        if (!t_mac.mac)
            t_mac.mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
        t_mac.ctx = EVP_MAC_CTX_new(t_mac.mac);
        char digest[] = "SHA256";
        const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                     OSSL_PARAM_construct_end()};
        if (!t_mac.ctx
            || EVP_MAC_init(t_mac.ctx, reinterpret_cast<const unsigned char *>(m_pepper.constData()),
                            size_t(m_pepper.size()), params) != 1)
            qFatal("cannot set up HMAC-SHA-256");
        t_mac.owner = this;
    } else if (EVP_MAC_init(t_mac.ctx, nullptr, 0, nullptr) != 1) { // same key, fresh state
        qFatal("cannot reset HMAC-SHA-256");
    }
    QByteArray out(32, Qt::Uninitialized);
    size_t len = 0;
    EVP_MAC_update(t_mac.ctx, reinterpret_cast<const unsigned char *>(secret.data()), size_t(secret.size()));
    EVP_MAC_final(t_mac.ctx, reinterpret_cast<unsigned char *>(out.data()), &len, size_t(out.size()));
    return out;
}

QJsonObject ServerSecrets::publicJwk() const
{
    return m_keys.isEmpty() ? QJsonObject() : m_keys.last().jwk;
}

QByteArray ServerSecrets::signJws(const QByteArray &payload, const QByteArray &type) const
{
    const SigningKey &signer = m_keys.last();
    const QJsonObject header {{QStringLiteral("alg"), QStringLiteral("ES256")},
                              {QStringLiteral("typ"), QString::fromLatin1(type)},
                              {QStringLiteral("kid"), signer.kid}};
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(payload);
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t derLen = 0;
    QByteArray der;
    if (EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, signer.key) == 1
        && EVP_DigestSign(ctx, nullptr, &derLen, reinterpret_cast<const unsigned char *>(signingInput.constData()),
                          size_t(signingInput.size())) == 1) {
        der.resize(qsizetype(derLen));
        if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(der.data()), &derLen,
                           reinterpret_cast<const unsigned char *>(signingInput.constData()),
                           size_t(signingInput.size())) != 1)
            der.clear();
        der.resize(qsizetype(derLen));
    }
    EVP_MD_CTX_free(ctx);
    if (der.isEmpty())
        throw DatabaseError("ES256 signing failed");
    // JWS wants the raw R||S form, not DER.
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &p, long(der.size()));
    QByteArray raw(64, Qt::Uninitialized);
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char *>(raw.data()), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char *>(raw.data()) + 32, 32);
    ECDSA_SIG_free(sig);
    return signingInput + '.' + base64Url(raw);
}

bool ServerSecrets::verifySignature(EVP_PKEY *key, const QByteArray &alg, const QByteArray &input,
                                    const QByteArray &signature)
{
    QByteArray der;
    if (alg == "ES256") {
        // JWS carries ECDSA signatures as raw R||S; OpenSSL wants DER.
        if (signature.size() != 64 || EVP_PKEY_get_base_id(key) != EVP_PKEY_EC)
            return false;
        ECDSA_SIG *sig = ECDSA_SIG_new();
        ECDSA_SIG_set0(sig, BN_bin2bn(reinterpret_cast<const unsigned char *>(signature.constData()), 32, nullptr),
                       BN_bin2bn(reinterpret_cast<const unsigned char *>(signature.constData()) + 32, 32, nullptr));
        unsigned char *buf = nullptr;
        const int len = i2d_ECDSA_SIG(sig, &buf);
        if (len > 0)
            der = QByteArray(reinterpret_cast<const char *>(buf), len);
        OPENSSL_free(buf);
        ECDSA_SIG_free(sig);
    } else if (alg == "RS256") {
        if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA || EVP_PKEY_get_bits(key) < 2048)
            return false;
        der = signature;
    } else {
        return false;
    }
    if (der.isEmpty())
        return false;
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    const bool ok = EVP_DigestVerifyInit(md, nullptr, EVP_sha256(), nullptr, key) == 1
        && EVP_DigestVerify(md, reinterpret_cast<const unsigned char *>(der.constData()), size_t(der.size()),
                            reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size())) == 1;
    EVP_MD_CTX_free(md);
    return ok;
}

std::optional<ServerSecrets::VerifiedJws> ServerSecrets::verifyJws(QByteArrayView token, QString *why) const
{
    const QByteArray t = token.toByteArray();
    const QList<QByteArray> parts = t.split('.');
    if (parts.size() != 3 || t.size() > 8192) {
        *why = QStringLiteral("not a compact JWS");
        return std::nullopt;
    }
    const auto headerBytes = decodeBase64Url(parts.at(0));
    const auto payloadBytes = decodeBase64Url(parts.at(1));
    const auto signature = decodeBase64Url(parts.at(2));
    if (!headerBytes || !payloadBytes || !signature) {
        *why = QStringLiteral("bad base64url");
        return std::nullopt;
    }
    VerifiedJws out;
    out.header = QJsonDocument::fromJson(*headerBytes).object();
    // The algorithm is pinned: whatever the header says, only ES256 with one of our keys counts.
    if (out.header.value(QStringLiteral("alg")).toString() != QLatin1String("ES256")) {
        *why = QStringLiteral("algorithm not allowed");
        return std::nullopt;
    }
    const SigningKey *key = findKey(out.header.value(QStringLiteral("kid")).toString());
    if (!key) {
        *why = QStringLiteral("unknown key id");
        return std::nullopt;
    }
    const QByteArray input = parts.at(0) + '.' + parts.at(1);
    const bool ok = verifySignature(key->key, "ES256", input, *signature);
    if (!ok) {
        *why = QStringLiteral("bad signature");
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument payload = QJsonDocument::fromJson(*payloadBytes, &error);
    if (!payload.isObject()) {
        *why = QStringLiteral("payload is not a JSON object");
        return std::nullopt;
    }
    out.payload = payload.object();
    return out;
}

} // namespace keyward::server

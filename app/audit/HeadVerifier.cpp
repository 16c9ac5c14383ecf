// SPDX-License-Identifier: GPL-3.0-or-later
#include "HeadVerifier.h"

#include "CanonicalJson.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <memory>

namespace keyward {

namespace {

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using PKeyCtx = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using ParamBld = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;
using EcdsaSig = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG, ECDSA_SIG_free>>;

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

std::optional<QByteArray> fromBase64Url(const QByteArray &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

// The coordinates of an EC P-256 public JWK, each exactly 32 bytes.
bool coordinates(const QJsonObject &jwk, QByteArray *x, QByteArray *y)
{
    if (jwk.value(QStringLiteral("kty")).toString() != QLatin1String("EC")
        || jwk.value(QStringLiteral("crv")).toString() != QLatin1String("P-256") || jwk.contains(QStringLiteral("d")))
        return false;
    const auto dx = fromBase64Url(jwk.value(QStringLiteral("x")).toString().toLatin1());
    const auto dy = fromBase64Url(jwk.value(QStringLiteral("y")).toString().toLatin1());
    if (!dx || !dy || dx->size() != 32 || dy->size() != 32)
        return false;
    *x = *dx;
    *y = *dy;
    return true;
}

// The JWK as an OpenSSL public key, refused unless its point lies on P-256.
PKey publicKey(const QByteArray &x, const QByteArray &y)
{
    QByteArray point;
    point.reserve(65);
    point.append('\x04').append(x).append(y); // uncompressed SEC 1 point
    ParamBld bld(OSSL_PARAM_BLD_new());
    char group[] = "prime256v1";
    if (!bld || !OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0)
        || !OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                             size_t(point.size())))
        return nullptr;
    Params params(OSSL_PARAM_BLD_to_param(bld.get()));
    PKeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY *raw = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1
        || EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return nullptr;
    PKey key(raw);
    PKeyCtx check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1)
        return nullptr;
    return key;
}

// JWS carries an ECDSA signature as raw R‖S (RFC 7518 §3.4); OpenSSL verifies DER.
QByteArray derFromRaw(const QByteArray &raw)
{
    if (raw.size() != 64)
        return {};
    const auto *bytes = reinterpret_cast<const unsigned char *>(raw.constData());
    EcdsaSig sig(ECDSA_SIG_new());
    BIGNUM *r = BN_bin2bn(bytes, 32, nullptr);
    BIGNUM *s = BN_bin2bn(bytes + 32, 32, nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        return {};
    }
    unsigned char *der = nullptr;
    const int len = i2d_ECDSA_SIG(sig.get(), &der);
    QByteArray out;
    if (len > 0)
        out = QByteArray(reinterpret_cast<const char *>(der), len);
    OPENSSL_free(der);
    return out;
}

} // namespace

QString HeadVerifier::thumbprint(const QJsonObject &jwk)
{
    QByteArray x, y;
    if (!coordinates(jwk, &x, &y))
        return {};
    // RFC 7638: the required members only, lexicographic order, no whitespace (RFC 8785 is that).
    const QJsonObject required {{QStringLiteral("crv"), QStringLiteral("P-256")},
                                {QStringLiteral("kty"), QStringLiteral("EC")},
                                {QStringLiteral("x"), QString::fromLatin1(x.toBase64(Base64Url))},
                                {QStringLiteral("y"), QString::fromLatin1(y.toBase64(Base64Url))}};
    return QString::fromLatin1(
        QCryptographicHash::hash(CanonicalJson::serialize(required), QCryptographicHash::Sha256).toBase64(Base64Url));
}

bool HeadVerifier::verifyEs256(const QByteArray &compactJws, const QJsonObject &jwk, QJsonObject *header,
                               QJsonObject *payload, QString *why)
{
    const QList<QByteArray> parts = compactJws.split('.');
    if (parts.size() != 3 || compactJws.size() > 16384) {
        *why = tr("The signature is not a compact JWS.");
        return false;
    }
    const auto headerBytes = fromBase64Url(parts.at(0));
    const auto payloadBytes = fromBase64Url(parts.at(1));
    const auto signature = fromBase64Url(parts.at(2));
    if (!headerBytes || !payloadBytes || !signature) {
        *why = tr("The signature is not valid base64url.");
        return false;
    }
    QJsonParseError error;
    const QJsonDocument h = QJsonDocument::fromJson(*headerBytes, &error);
    if (error.error != QJsonParseError::NoError || !h.isObject()) {
        *why = tr("The signature's header is not a JSON object.");
        return false;
    }
    // The algorithm is pinned: whatever the header claims, only ES256 is accepted.
    if (h.object().value(QStringLiteral("alg")).toString() != QLatin1String("ES256")) {
        *why = tr("The head is signed with %1, not ES256.")
                   .arg(h.object().value(QStringLiteral("alg")).toString(tr("no algorithm")));
        return false;
    }
    const QString kid = h.object().value(QStringLiteral("kid")).toString();
    const QString jwkKid = jwk.value(QStringLiteral("kid")).toString();
    if (!kid.isEmpty() && !jwkKid.isEmpty() && kid != jwkKid) {
        *why = tr("The head is signed by key %1 but comes with key %2.").arg(kid, jwkKid);
        return false;
    }
    QByteArray x, y;
    if (!coordinates(jwk, &x, &y)) {
        *why = tr("The head's public key is not an EC P-256 key.");
        return false;
    }
    const PKey key = publicKey(x, y);
    if (!key) {
        *why = tr("The head's public key is not a point on the P-256 curve.");
        return false;
    }
    const QByteArray der = derFromRaw(*signature);
    if (der.isEmpty()) {
        *why = tr("The head's signature is not a 64-byte ES256 signature.");
        return false;
    }
    const QByteArray input = parts.at(0) + '.' + parts.at(1);
    MdCtx md(EVP_MD_CTX_new());
    const bool ok = md && EVP_DigestVerifyInit(md.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1
        && EVP_DigestVerify(md.get(), reinterpret_cast<const unsigned char *>(der.constData()), size_t(der.size()),
                            reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()))
            == 1;
    if (!ok) {
        *why = tr("The head's signature does not verify with its public key.");
        return false;
    }
    const QJsonDocument p = QJsonDocument::fromJson(*payloadBytes, &error);
    if (error.error != QJsonParseError::NoError || !p.isObject()) {
        *why = tr("The signed payload is not a JSON object.");
        return false;
    }
    if (header)
        *header = h.object();
    if (payload)
        *payload = p.object();
    return true;
}

HeadVerification HeadVerifier::verify(const AuditHead &head, const QString &pinnedThumbprint)
{
    HeadVerification v;
    v.thumbprint = thumbprint(head.jwk);
    QJsonObject payload;
    if (!verifyEs256(head.jws, head.jwk, nullptr, &payload, &v.reason))
        return v;
    // The signature covers the payload; the payload must say what the head says.
    const QJsonValue id = payload.value(QStringLiteral("id"));
    const bool idMatches = head.id.isEmpty() ? (id.isNull() || id.isUndefined()) : id.toString() == head.id;
    const QJsonValue seq = payload.value(QStringLiteral("seq"));
    if (!idMatches || !seq.isDouble() || seq.toInteger(-1) != head.seq
        || payload.value(QStringLiteral("hash")).toString() != head.hash
        || payload.value(QStringLiteral("signed_at")).toString() != head.signedAt) {
        v.reason = tr("The signed head says something else than the head it came with.");
        return v;
    }
    if (!pinnedThumbprint.isEmpty() && v.thumbprint != pinnedThumbprint) {
        v.pinMismatch = true;
        v.reason = tr("The head is signed by a key this profile has not seen before (%1); the recorded key is %2.")
                       .arg(v.thumbprint, pinnedThumbprint);
        return v;
    }
    v.ok = true;
    return v;
}

} // namespace keyward

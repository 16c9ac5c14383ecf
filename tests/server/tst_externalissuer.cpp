// SPDX-License-Identifier: GPL-3.0-or-later
// serve --trust-issuer: access tokens from a company's own OpenID Connect provider. The provider
// here is a small in-process fixture (discovery + JWKS on loopback, its own RS256 and ES256
// keys): the fault-injection side of the test, while keyward-server itself is the real binary.
#include "TestServer.h"

#include <QDateTime>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

namespace {
QByteArray b64(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray bn(EVP_PKEY *key, const char *name, int pad = 0)
{
    BIGNUM *v = nullptr;
    EVP_PKEY_get_bn_param(key, name, &v);
    QByteArray out(pad ? pad : BN_num_bytes(v), Qt::Uninitialized);
    BN_bn2binpad(v, reinterpret_cast<unsigned char *>(out.data()), int(out.size()));
    BN_free(v);
    return out;
}

// An identity provider's signing key.
struct ProviderKey
{
    QString kid;
    QByteArray alg;
    EVP_PKEY *key = nullptr;

    QJsonObject jwk() const
    {
        if (alg == "ES256")
            return {{QStringLiteral("kty"), QStringLiteral("EC")}, {QStringLiteral("crv"), QStringLiteral("P-256")},
                    {QStringLiteral("kid"), kid}, {QStringLiteral("use"), QStringLiteral("sig")},
                    {QStringLiteral("x"), QString::fromLatin1(b64(bn(key, OSSL_PKEY_PARAM_EC_PUB_X, 32)))},
                    {QStringLiteral("y"), QString::fromLatin1(b64(bn(key, OSSL_PKEY_PARAM_EC_PUB_Y, 32)))}};
        return {{QStringLiteral("kty"), QStringLiteral("RSA")}, {QStringLiteral("kid"), kid},
                {QStringLiteral("use"), QStringLiteral("sig")},
                {QStringLiteral("n"), QString::fromLatin1(b64(bn(key, OSSL_PKEY_PARAM_RSA_N)))},
                {QStringLiteral("e"), QString::fromLatin1(b64(bn(key, OSSL_PKEY_PARAM_RSA_E)))}};
    }

    QString sign(const QJsonObject &claims, const QByteArray &headerAlg = {}) const
    {
        const QJsonObject header {{QStringLiteral("alg"), QString::fromLatin1(headerAlg.isEmpty() ? alg : headerAlg)},
                                  {QStringLiteral("kid"), kid}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
        const QByteArray input = b64(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
            + b64(QJsonDocument(claims).toJson(QJsonDocument::Compact));
        EVP_MD_CTX *md = EVP_MD_CTX_new();
        size_t len = 0;
        EVP_DigestSignInit(md, nullptr, EVP_sha256(), nullptr, key);
        EVP_DigestSign(md, nullptr, &len, reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()));
        QByteArray sig(qsizetype(len), Qt::Uninitialized);
        EVP_DigestSign(md, reinterpret_cast<unsigned char *>(sig.data()), &len,
                       reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()));
        sig.resize(qsizetype(len));
        EVP_MD_CTX_free(md);
        if (alg == "ES256") {
            const auto *p = reinterpret_cast<const unsigned char *>(sig.constData());
            ECDSA_SIG *s = d2i_ECDSA_SIG(nullptr, &p, long(sig.size()));
            QByteArray raw(64, Qt::Uninitialized);
            BN_bn2binpad(ECDSA_SIG_get0_r(s), reinterpret_cast<unsigned char *>(raw.data()), 32);
            BN_bn2binpad(ECDSA_SIG_get0_s(s), reinterpret_cast<unsigned char *>(raw.data()) + 32, 32);
            ECDSA_SIG_free(s);
            sig = raw;
        }
        return QString::fromLatin1(input + '.' + b64(sig));
    }
};
} // namespace

class TestExternalIssuer : public QObject
{
    Q_OBJECT

private:
    QHttpServer m_provider;
    QTcpServer *m_providerSocket = nullptr;
    QString m_issuer;
    QList<ProviderKey> m_published;
    ProviderKey m_es;
    ProviderKey m_rs;
    ProviderKey m_later; // published only after a rotation
    TestServer m_server;
    const QString m_audience = QStringLiteral("keyward-test-api");

    QJsonObject claims(const QString &email, qint64 expOffset = 300) const
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        return {{QStringLiteral("iss"), m_issuer}, {QStringLiteral("sub"), QStringLiteral("idp|") + email},
                {QStringLiteral("aud"), m_audience}, {QStringLiteral("iat"), now}, {QStringLiteral("exp"), now + expOffset},
                {QStringLiteral("email"), email}, {QStringLiteral("email_verified"), true}};
    }

    int meStatus(const QString &token) { return m_server.get(QStringLiteral("/me"), token).status; }

private Q_SLOTS:
    void initTestCase()
    {
        m_es = {QStringLiteral("es-1"), "ES256", EVP_EC_gen("P-256")};
        m_rs = {QStringLiteral("rs-1"), "RS256", EVP_RSA_gen(2048)};
        m_later = {QStringLiteral("es-2"), "ES256", EVP_EC_gen("P-256")};
        QVERIFY(m_es.key && m_rs.key && m_later.key);
        m_published = {m_es, m_rs};

        m_providerSocket = new QTcpServer(this);
        QVERIFY(m_providerSocket->listen(QHostAddress::LocalHost, 0));
        m_issuer = QStringLiteral("http://127.0.0.1:%1").arg(m_providerSocket->serverPort());
        m_provider.route(QStringLiteral("/.well-known/openid-configuration"), [this] {
            return QJsonObject {{QStringLiteral("issuer"), m_issuer},
                                {QStringLiteral("jwks_uri"), m_issuer + QStringLiteral("/keys")}};
        });
        m_provider.route(QStringLiteral("/keys"), [this] {
            QJsonArray keys;
            for (const ProviderKey &k : std::as_const(m_published))
                keys.append(k.jwk());
            return QJsonObject {{QStringLiteral("keys"), keys}};
        });
        m_provider.bind(m_providerSocket);

        QVERIFY(m_server.start({QStringLiteral("--trust-issuer"), m_issuer, QStringLiteral("--trust-audience"), m_audience},
                               {{QStringLiteral("jwks_refetch_interval_s"), 1},
                                {QStringLiteral("denied_audit_per_minute_per_ip"), 100000}}));
        QProcess add;
        add.start(TestServer::binary(), {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--database"),
                                         m_server.databaseUrl(), QStringLiteral("--email"), QStringLiteral("kim@example.com"),
                                         QStringLiteral("--name"), QStringLiteral("Kim"), QStringLiteral("--role"),
                                         QStringLiteral("developer")});
        QVERIFY(add.waitForFinished(30000));
        QCOMPARE(add.exitCode(), 0);
    }

    void cleanupTestCase()
    {
        for (ProviderKey *k : {&m_es, &m_rs, &m_later})
            EVP_PKEY_free(k->key);
    }

    void acceptsTheProvidersTokens_data()
    {
        QTest::addColumn<bool>("rsa");
        QTest::newRow("ES256") << false;
        QTest::newRow("RS256") << true;
    }
    void acceptsTheProvidersTokens()
    {
        QFETCH(bool, rsa);
        const QString token = (rsa ? m_rs : m_es).sign(claims(QStringLiteral("kim@example.com")));
        // The provider's keys arrive asynchronously after start-up.
        QTRY_COMPARE_WITH_TIMEOUT(meStatus(token), 200, 10000);
        const QJsonObject me = m_server.get(QStringLiteral("/me"), token).json();
        QCOMPARE(me.value(QStringLiteral("type")).toString(), QStringLiteral("user"));
        QCOMPARE(me.value(QStringLiteral("role")).toString(), QStringLiteral("developer"));
        QCOMPARE(m_server.get(QStringLiteral("/payments"), token).status, 200);
        QCOMPARE(m_server.post(QStringLiteral("/secret-keys"), QJsonObject {{QStringLiteral("note"), QStringLiteral("x")},
                                                                          {QStringLiteral("permissions"), QJsonArray {QStringLiteral("payments:read")}}},
                               token).status, 403); // a developer cannot create keys
    }

    void unknownMembersGet403()
    {
        const auto r = m_server.get(QStringLiteral("/me"), m_es.sign(claims(QStringLiteral("stranger@example.com"))));
        QCOMPARE(r.status, 403);
        QVERIFY(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString()
                    .contains(QLatin1String("stranger@example.com")));
    }

    void badTokensAre401_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *k : {"wrong audience", "expired", "unverified email", "alg none", "alg HS256", "untrusted issuer",
                              "tampered", "RS256 header on EC key"})
            QTest::newRow(k) << QString::fromLatin1(k);
    }
    void badTokensAre401()
    {
        QFETCH(QString, kind);
        QJsonObject c = claims(QStringLiteral("kim@example.com"));
        QString token;
        if (kind == QLatin1String("wrong audience")) {
            c.insert(QStringLiteral("aud"), QStringLiteral("another-api"));
            token = m_es.sign(c);
        } else if (kind == QLatin1String("expired")) {
            token = m_es.sign(claims(QStringLiteral("kim@example.com"), -3600));
        } else if (kind == QLatin1String("unverified email")) {
            c.insert(QStringLiteral("email_verified"), false);
            token = m_es.sign(c); // the email may not be trusted, and the subject names no member: 403 or 401
        } else if (kind == QLatin1String("alg none")) {
            const QByteArray h = b64("{\"alg\":\"none\",\"kid\":\"es-1\"}");
            token = QString::fromLatin1(h + '.' + b64(QJsonDocument(c).toJson(QJsonDocument::Compact)) + '.');
        } else if (kind == QLatin1String("alg HS256")) {
            token = m_es.sign(c, "HS256");
        } else if (kind == QLatin1String("untrusted issuer")) {
            c.insert(QStringLiteral("iss"), QStringLiteral("https://evil.example.com"));
            token = m_es.sign(c);
        } else if (kind == QLatin1String("tampered")) {
            const QString good = m_es.sign(c);
            c.insert(QStringLiteral("email"), QStringLiteral("owner@example.com"));
            token = good.section(QLatin1Char('.'), 0, 0) + QLatin1Char('.')
                + QString::fromLatin1(b64(QJsonDocument(c).toJson(QJsonDocument::Compact))) + QLatin1Char('.')
                + good.section(QLatin1Char('.'), 2, 2);
        } else {
            token = m_es.sign(c, "RS256");
        }
        const int status = meStatus(token);
        if (kind == QLatin1String("unverified email"))
            QVERIFY2(status == 403 || status == 401, qPrintable(QString::number(status)));
        else
            QCOMPARE(status, 401);
    }

    void rotatedProviderKeysAreFetchedAgain()
    {
        const QString token = m_later.sign(claims(QStringLiteral("kim@example.com")));
        QCOMPARE(meStatus(token), 401); // unknown kid, not yet published
        m_published.append(m_later);
        // The unknown kid triggers a refetch (at most one per second here); the client retries.
        QTRY_COMPARE_WITH_TIMEOUT(meStatus(token), 200, 10000);
    }
};

QTEST_GUILESS_MAIN(TestExternalIssuer)
#include "tst_externalissuer.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The key API end to end against a real keyward-server: every endpoint, the 401/403 matrix,
// both credential headers, revocation immediacy, idempotency, pagination, validation,
// concurrency, the audit chain and its signed head, and the secret never leaving its one answer.
#include "AuditChain.h"
#include "AuditEvent.h"
#include "KeyFormat.h"
#include "TestServer.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSet>
#include <QTest>
#include <QTimeZone>
#include <QTcpSocket>
#include <QTimer>

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

using keyward::AuditChain;
using keyward::KeyFormat;
using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {
// JSON with single quotes, so the test tables stay readable.
QByteArray j(const char *text)
{
    QByteArray b(text);
    b.replace('\'', '"');
    return b;
}

QString isoIn(qint64 ms)
{
    return QDateTime::currentDateTimeUtc().addMSecs(ms).toString(Qt::ISODateWithMs);
}

QByteArray fromB64Url(const QString &s)
{
    return QByteArray::fromBase64(s.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// Verifies a compact ES256 JWS against a P-256 JWK with OpenSSL, independently of the server.
bool verifyEs256(const QString &jws, const QJsonObject &jwk)
{
    const QStringList parts = jws.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return false;
    const QByteArray pub = QByteArray("\x04", 1) + fromB64Url(jwk.value(QStringLiteral("x")).toString())
        + fromB64Url(jwk.value(QStringLiteral("y")).toString());
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, "P-256", 0);
    OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pub.constData(), size_t(pub.size()));
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX *pctx = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
    EVP_PKEY *key = nullptr;
    EVP_PKEY_fromdata_init(pctx);
    EVP_PKEY_fromdata(pctx, &key, EVP_PKEY_PUBLIC_KEY, params);
    const QByteArray raw = fromB64Url(parts.at(2));
    bool ok = false;
    if (key && raw.size() == 64) {
        ECDSA_SIG *sig = ECDSA_SIG_new();
        ECDSA_SIG_set0(sig, BN_bin2bn(reinterpret_cast<const unsigned char *>(raw.constData()), 32, nullptr),
                       BN_bin2bn(reinterpret_cast<const unsigned char *>(raw.constData()) + 32, 32, nullptr));
        unsigned char *der = nullptr;
        const int derLen = i2d_ECDSA_SIG(sig, &der);
        const QByteArray input = (parts.at(0) + QLatin1Char('.') + parts.at(1)).toLatin1();
        EVP_MD_CTX *md = EVP_MD_CTX_new();
        ok = EVP_DigestVerifyInit(md, nullptr, EVP_sha256(), nullptr, key) == 1
            && EVP_DigestVerify(md, der, size_t(derLen), reinterpret_cast<const unsigned char *>(input.constData()),
                                size_t(input.size())) == 1;
        EVP_MD_CTX_free(md);
        OPENSSL_free(der);
        ECDSA_SIG_free(sig);
    }
    EVP_PKEY_free(key);
    EVP_PKEY_CTX_free(pctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    return ok;
}
} // namespace

class TestApi : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QString m_admin; // every permission in the catalog
    QStringList m_secretsSeen;

    QJsonObject createKey(const QJsonObject &body, const QString &as = {}, int expectStatus = 201)
    {
        const auto r = m_server.post(QStringLiteral("/secret-keys"), body, as.isEmpty() ? m_admin : as);
        // Every 201 carries a secret; keep each one for the final search of the disk and the logs.
        if (r.status != expectStatus)
            qWarning() << "create answered" << r.status << r.body;
        const QJsonObject json = r.json();
        if (json.contains(QStringLiteral("secret")))
            m_secretsSeen.append(json.value(QStringLiteral("secret")).toString());
        return json;
    }

    void checkErrorShape(const TestServer::Response &r, const QString &code)
    {
        const QJsonObject json = r.json();
        QCOMPARE(json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), code);
        QVERIFY(!json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY(json.value(QStringLiteral("timestamp")).toString().endsWith(QLatin1Char('Z')));
        QVERIFY(json.value(QStringLiteral("requestId")).toString().startsWith(QLatin1String("req_")));
        QCOMPARE(r.header("X-Request-Id"), json.value(QStringLiteral("requestId")).toString().toLatin1());
    }

    QList<QJsonObject> wholeAuditChainOldestFirst()
    {
        QList<QJsonObject> events;
        QString cursor;
        for (int page = 0; page < 100; ++page) {
            const auto r = m_server.get(QStringLiteral("/audit-events?limit=500")
                                            + (cursor.isEmpty() ? QString() : QStringLiteral("&starting_after=") + cursor),
                                        m_admin);
            if (r.status != 200)
                return {};
            const QJsonObject json = r.json();
            for (const QJsonValue &v : json.value(QStringLiteral("data")).toArray())
                events.prepend(v.toObject());
            if (!json.value(QStringLiteral("has_more")).toBool())
                break;
            cursor = json.value(QStringLiteral("next_cursor")).toString();
        }
        return events;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start({}, {{QStringLiteral("expiry_sweep_ms"), 200}, {QStringLiteral("usage_flush_ms"), 100},
                                    {QStringLiteral("denied_audit_per_minute_per_ip"), 100000},
                                    {QStringLiteral("rate_limits"),
                                     QJsonObject {{QStringLiteral("free"), QJsonObject {{QStringLiteral("limit"), 1000000}}},
                                                  {QStringLiteral("anonymous"), QJsonObject {{QStringLiteral("limit"), 1000000}}}}}}));
        m_admin = m_server.createKey(QStringLiteral("payments:write,customers:write,refunds:write,webhooks:write,"
                                                    "secret_keys:write,publishable_keys:write,audit_log:read"),
                                     QStringLiteral("test admin"));
        QVERIFY(KeyFormat::isWellFormedSecret(m_admin));
        m_secretsSeen.append(m_admin);
    }

    void healthNeedsNoCredentials()
    {
        const auto r = m_server.get(QStringLiteral("/health"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QVERIFY(!r.header("X-RateLimit-Limit").isEmpty());
        QVERIFY(!r.header("X-RateLimit-Remaining").isEmpty());
        QVERIFY(!r.header("X-RateLimit-Reset").isEmpty());
        QVERIFY(!r.header("X-Request-Id").isEmpty());
    }

    void bearerAndApiKeyHeadersAreEquivalent()
    {
        const auto bearer = m_server.get(QStringLiteral("/me"), m_admin);
        const auto apiKey = m_server.get(QStringLiteral("/me"), {}, {{"api-key", m_admin.toLatin1()}});
        QCOMPARE(bearer.status, 200);
        QCOMPARE(apiKey.status, 200);
        QCOMPARE(bearer.json().value(QStringLiteral("id")), apiKey.json().value(QStringLiteral("id")));
        QCOMPARE(bearer.json().value(QStringLiteral("type")).toString(), QStringLiteral("secret_key"));
        QVERIFY(bearer.json().value(QStringLiteral("permissions")).toArray().contains(QStringLiteral("secret_keys:write")));
        QVERIFY(!bearer.body.contains(m_admin.toLatin1()));
        // The seeds' curl example, as written.
        const auto payments = m_server.get(QStringLiteral("/payments"), m_admin, {{"Content-Type", "application/json"}});
        QCOMPARE(payments.status, 200);
    }

    void unauthenticatedMatrix_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("missing") << QByteArray() << QByteArray();
        QTest::newRow("basic scheme") << QByteArray("Authorization") << QByteArray("Basic dXNlcjpwdw==");
        QTest::newRow("empty bearer") << QByteArray("Authorization") << QByteArray("Bearer ");
        QTest::newRow("garbage") << QByteArray("api-key") << QByteArray("hello");
        QString typo = KeyFormat::assemble(QStringLiteral("skey_"), QByteArray(32, 'k'));
        typo[12] = typo[12] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QTest::newRow("checksum typo") << QByteArray("Authorization") << ("Bearer " + typo.toLatin1());
        QTest::newRow("unknown well-formed key") << QByteArray("Authorization")
                                                 << ("Bearer " + KeyFormat::assemble(QStringLiteral("skey_"), QByteArray(32, 'u')).toLatin1());
        QTest::newRow("other flavor") << QByteArray("api-key")
                                      << KeyFormat::assemble(QStringLiteral("odin_sk_"), QByteArray(32, 'o')).toLatin1();
    }
    void unauthenticatedMatrix()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        Headers h;
        if (!header.isEmpty())
            h.append({header, value});
        for (const QString &path : {QStringLiteral("/me"), QStringLiteral("/payments"), QStringLiteral("/secret-keys"),
                                    QStringLiteral("/audit-events")}) {
            const auto r = m_server.get(path, {}, h);
            QCOMPARE(r.status, 401);
            checkErrorShape(r, QStringLiteral("UNAUTHORIZED"));
            QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer"));
        }
    }

    void validKeyWithoutPermissionIs403()
    {
        const QString reader = m_server.createKey(QStringLiteral("payments:read"), QStringLiteral("reader"));
        m_secretsSeen.append(reader);
        QCOMPARE(m_server.get(QStringLiteral("/payments"), reader).status, 200);
        const auto post = m_server.post(QStringLiteral("/payments"),
                                        QJsonObject {{QStringLiteral("amount"), 100}, {QStringLiteral("currency"), QStringLiteral("eur")}},
                                        reader);
        QCOMPARE(post.status, 403);
        checkErrorShape(post, QStringLiteral("FORBIDDEN"));
        for (const QString &path : {QStringLiteral("/secret-keys"), QStringLiteral("/audit-events"),
                                    QStringLiteral("/audit-events/head"), QStringLiteral("/publishable-keys")}) {
            const auto r = m_server.get(path, reader);
            QCOMPARE(r.status, 403);
            checkErrorShape(r, QStringLiteral("FORBIDDEN"));
        }
        QCOMPARE(m_server.post(QStringLiteral("/secret-keys"), QJsonObject {{QStringLiteral("note"), QStringLiteral("x")},
                                                                          {QStringLiteral("permissions"), QJsonArray {QStringLiteral("payments:read")}}},
                               reader).status, 403);
    }

    void createRevealsTheSecretOnce()
    {
        const QJsonObject created = createKey({{QStringLiteral("note"), QStringLiteral("  billing-service  ")},
                                               {QStringLiteral("permissions"), QJsonArray {QStringLiteral("payments:write"), QStringLiteral("payments:read")}}});
        const QString secret = created.value(QStringLiteral("secret")).toString();
        const QString id = created.value(QStringLiteral("id")).toString();
        QVERIFY(KeyFormat::isWellFormedSecret(secret));
        QVERIFY(secret.startsWith(QLatin1String("skey_")));
        QCOMPARE(created.value(QStringLiteral("note")).toString(), QStringLiteral("billing-service"));
        QCOMPARE(created.value(QStringLiteral("permissions")).toArray(), QJsonArray {QStringLiteral("payments:write")});
        QCOMPARE(created.value(QStringLiteral("last_four")).toString(), secret.right(4));
        QCOMPARE(created.value(QStringLiteral("masked")).toString(), KeyFormat::mask(QStringLiteral("skey_"), secret.right(4)));
        QCOMPARE(created.value(QStringLiteral("status")).toString(), QStringLiteral("active"));

        const auto get = m_server.get(QStringLiteral("/secret-keys/") + id, m_admin);
        QCOMPARE(get.status, 200);
        QVERIFY(!get.json().contains(QStringLiteral("secret")));
        QVERIFY(!get.body.contains(secret.toLatin1()));
        QCOMPARE(get.json().value(QStringLiteral("usage")).toArray().size(), 30);
        const auto list = m_server.get(QStringLiteral("/secret-keys?limit=100"), m_admin);
        QVERIFY(list.body.contains(id.toLatin1()));
        QVERIFY(!list.body.contains(secret.toLatin1()));
        QVERIFY(!list.body.contains("\"secret\""));
        // The new key works at once.
        QCOMPARE(m_server.get(QStringLiteral("/payments"), secret).status, 200);
    }

    void keyCannotGrantWhatItDoesNotHold()
    {
        const QString limited = createKey({{QStringLiteral("note"), QStringLiteral("limited manager")},
                                           {QStringLiteral("permissions"), QJsonArray {QStringLiteral("secret_keys:write"), QStringLiteral("payments:read")}}})
                                    .value(QStringLiteral("secret")).toString();
        QVERIFY(!limited.isEmpty());
        createKey({{QStringLiteral("note"), QStringLiteral("ok")}, {QStringLiteral("permissions"), QJsonArray {QStringLiteral("payments:read")}}},
                  limited, 201);
        const auto escalate = m_server.post(QStringLiteral("/secret-keys"),
                                            QJsonObject {{QStringLiteral("note"), QStringLiteral("escalate")},
                                                         {QStringLiteral("permissions"), QJsonArray {QStringLiteral("payments:write")}}},
                                            limited);
        QCOMPARE(escalate.status, 403);
        checkErrorShape(escalate, QStringLiteral("FORBIDDEN"));
        QVERIFY(!escalate.body.contains("skey_"));
    }

    void validation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QByteArray perms = j("'permissions':['payments:read']");
        QTest::newRow("malformed json") << QByteArray("{\"note\": ") << 400 << "BAD_REQUEST" << "";
        QTest::newRow("array body") << QByteArray("[1,2]") << 400 << "BAD_REQUEST" << "";
        QTest::newRow("empty body") << QByteArray() << 400 << "BAD_REQUEST" << "";
        QTest::newRow("missing note") << ("{" + perms + "}") << 400 << "VALIDATION_FAILED" << "note";
        QTest::newRow("blank note") << ("{\"note\":\"   \"," + perms + "}") << 400 << "VALIDATION_FAILED" << "note";
        QTest::newRow("long note") << ("{\"note\":\"" + QByteArray(201, 'n') + "\"," + perms + "}") << 400 << "VALIDATION_FAILED" << "note";
        QTest::newRow("note not string") << ("{\"note\":5," + perms + "}") << 400 << "VALIDATION_FAILED" << "note";
        QTest::newRow("note control char") << ("{\"note\":\"a\\nb\"," + perms + "}") << 400 << "VALIDATION_FAILED" << "note";
        QTest::newRow("no permissions") << (j("{'note':'x'}")) << 400 << "VALIDATION_FAILED" << "permissions";
        QTest::newRow("empty permissions") << (j("{'note':'x','permissions':[]}")) << 400 << "VALIDATION_FAILED" << "permissions";
        QTest::newRow("permissions string") << (j("{'note':'x','permissions':'payments:read'}")) << 400 << "VALIDATION_FAILED" << "permissions";
        QTest::newRow("unknown resource") << (j("{'note':'x','permissions':['rockets:read']}")) << 400 << "VALIDATION_FAILED" << "permissions";
        QTest::newRow("bad access") << (j("{'note':'x','permissions':['payments:admin']}")) << 400 << "VALIDATION_FAILED" << "permissions";
        QTest::newRow("permission number") << (j("{'note':'x','permissions':[7]}")) << 400 << "VALIDATION_FAILED" << "permissions";
        QTest::newRow("past expiry") << (j("{'note':'x','permissions':['payments:read'],'expires_at':'2001-01-01T00:00:00Z'}")) << 400 << "VALIDATION_FAILED" << "expires_at";
        QTest::newRow("bad expiry") << (j("{'note':'x','permissions':['payments:read'],'expires_at':'tomorrow'}")) << 400 << "VALIDATION_FAILED" << "expires_at";
        QTest::newRow("unknown field") << (j("{'note':'x','permissions':['payments:read'],'admin':true}")) << 400 << "VALIDATION_FAILED" << "admin";
    }
    void validation()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const auto r = m_server.post(QStringLiteral("/secret-keys"), body, m_admin);
        QCOMPARE(r.status, status);
        checkErrorShape(r, code);
        if (!field.isEmpty())
            QVERIFY2(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toObject().contains(field),
                     r.body.constData());
    }

    void unknownIdsAndRoutes()
    {
        QCOMPARE(m_server.get(QStringLiteral("/secret-keys/key_doesnotexist0"), m_admin).status, 404);
        QCOMPARE(m_server.post(QStringLiteral("/secret-keys/key_doesnotexist0/revoke"), QByteArray(), m_admin).status, 404);
        QCOMPARE(m_server.post(QStringLiteral("/secret-keys/key_doesnotexist0/delete"), QByteArray(), m_admin).status, 404);
        const auto missing = m_server.get(QStringLiteral("/nothing-here"), m_admin);
        QCOMPARE(missing.status, 404);
        checkErrorShape(missing, QStringLiteral("NOT_FOUND"));
        const auto wrongMethod = m_server.send("DELETE", QStringLiteral("/secret-keys"), {}, {{"Authorization", "Bearer " + m_admin.toLatin1()}});
        QCOMPARE(wrongMethod.status, 405);
        QVERIFY(wrongMethod.header("Allow").contains("GET"));
        QVERIFY(wrongMethod.header("Allow").contains("POST"));
        const auto badCursor = m_server.get(QStringLiteral("/secret-keys?starting_after=key_nope"), m_admin);
        QCOMPARE(badCursor.status, 400);
        checkErrorShape(badCursor, QStringLiteral("VALIDATION_FAILED"));
        QCOMPARE(m_server.get(QStringLiteral("/secret-keys?limit=0"), m_admin).status, 400);
        QCOMPARE(m_server.get(QStringLiteral("/secret-keys?limit=abc"), m_admin).status, 400);
        QCOMPARE(m_server.get(QStringLiteral("/secret-keys?status=sleeping"), m_admin).status, 400);
        QCOMPARE(m_server.get(QStringLiteral("/secret-keys?colour=red"), m_admin).status, 400);
        QCOMPARE(m_server.get(QStringLiteral("/audit-events?starting_after=evt_x"), m_admin).status, 400);
        QCOMPARE(m_server.get(QStringLiteral("/audit-events?since=yesterday"), m_admin).status, 400);
    }

    void revocationDeletionAndNarrowingTakeEffectOnTheNextRequest()
    {
        for (const QString &action : {QStringLiteral("revoke"), QStringLiteral("delete"), QStringLiteral("narrow")}) {
            const QJsonObject created = createKey({{QStringLiteral("note"), QStringLiteral("victim ") + action},
                                                   {QStringLiteral("permissions"), QJsonArray {QStringLiteral("payments:read")}}});
            const QString secret = created.value(QStringLiteral("secret")).toString();
            const QString id = created.value(QStringLiteral("id")).toString();
            // Warm the credential cache.
            for (int i = 0; i < 3; ++i)
                QCOMPARE(m_server.get(QStringLiteral("/payments"), secret).status, 200);
            TestServer::Response r;
            if (action == QLatin1String("narrow"))
                r = m_server.post(QStringLiteral("/secret-keys/") + id,
                                  QJsonObject {{QStringLiteral("permissions"), QJsonArray {QStringLiteral("refunds:read")}}}, m_admin);
            else
                r = m_server.post(QStringLiteral("/secret-keys/%1/%2").arg(id, action), QByteArray(), m_admin);
            QCOMPARE(r.status, 200);
            const auto after = m_server.get(QStringLiteral("/payments"), secret, {{"api-key", secret.toLatin1()}});
            QCOMPARE(after.status, action == QLatin1String("narrow") ? 403 : 401);
        }
        // A revoked key stays listed as revoked; a deleted one is gone.
        const auto revoked = m_server.get(QStringLiteral("/secret-keys?status=revoked&limit=100"), m_admin);
        QVERIFY(revoked.body.contains("victim revoke"));
        QVERIFY(!m_server.get(QStringLiteral("/secret-keys?limit=100"), m_admin).body.contains("victim delete"));
    }

    void updateChangesNoteAndExpiry()
    {
        const QJsonObject created = createKey({{QStringLiteral("note"), QStringLiteral("to edit")},
                                               {QStringLiteral("permissions"), QJsonArray {QStringLiteral("payments:read")}}});
        const QString id = created.value(QStringLiteral("id")).toString();
        const QString expiry = isoIn(3600'000);
        const auto r = m_server.post(QStringLiteral("/secret-keys/") + id,
                                     QJsonObject {{QStringLiteral("note"), QStringLiteral("edited")}, {QStringLiteral("expires_at"), expiry}}, m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("note")).toString(), QStringLiteral("edited"));
        QVERIFY(!r.json().value(QStringLiteral("expires_at")).isNull());
        const auto nothing = m_server.post(QStringLiteral("/secret-keys/") + id, QJsonObject {}, m_admin);
        QCOMPARE(nothing.status, 400);
        m_server.post(QStringLiteral("/secret-keys/%1/revoke").arg(id), QByteArray(), m_admin);
        QCOMPARE(m_server.post(QStringLiteral("/secret-keys/") + id, QJsonObject {{QStringLiteral("note"), QStringLiteral("again")}}, m_admin).status, 409);
    }

    void idempotentCreateReplaysWithoutTheSecret()
    {
        const QJsonObject body {{QStringLiteral("note"), QStringLiteral("idempotent")},
                                {QStringLiteral("permissions"), QJsonArray {QStringLiteral("payments:read")}}};
        const Headers h {{"Idempotency-Key", "create-once-123"}};
        const auto first = m_server.post(QStringLiteral("/secret-keys"), body, m_admin, h);
        QCOMPARE(first.status, 201);
        m_secretsSeen.append(first.json().value(QStringLiteral("secret")).toString());
        QVERIFY(first.header("Idempotent-Replayed").isEmpty());
        const auto replay = m_server.post(QStringLiteral("/secret-keys"), body, m_admin, h);
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(replay.json().value(QStringLiteral("id")), first.json().value(QStringLiteral("id")));
        QVERIFY(!replay.json().contains(QStringLiteral("secret")));
        QJsonObject other = body;
        other.insert(QStringLiteral("note"), QStringLiteral("something else"));
        const auto conflict = m_server.post(QStringLiteral("/secret-keys"), other, m_admin, h);
        QCOMPARE(conflict.status, 409);
        checkErrorShape(conflict, QStringLiteral("CONFLICT"));
        const auto tooLong = m_server.post(QStringLiteral("/secret-keys"), body, m_admin, {{"Idempotency-Key", QByteArray(256, 'k')}});
        QCOMPARE(tooLong.status, 400);
        checkErrorShape(tooLong, QStringLiteral("VALIDATION_FAILED"));
        const auto list = m_server.get(QStringLiteral("/secret-keys?q=idempotent&limit=100"), m_admin);
        QCOMPARE(list.json().value(QStringLiteral("data")).toArray().size(), 1);
    }

    void paginationCoversEveryKeyOnce()
    {
        for (int i = 0; i < 23; ++i)
            createKey({{QStringLiteral("note"), QStringLiteral("page item %1").arg(i)},
                       {QStringLiteral("permissions"), QJsonArray {QStringLiteral("payments:read")}}});
        QSet<QString> seen;
        QString cursor;
        int pages = 0;
        for (; pages < 20; ++pages) {
            const auto r = m_server.get(QStringLiteral("/secret-keys?limit=7&q=page%20item")
                                            + (cursor.isEmpty() ? QString() : QStringLiteral("&starting_after=") + cursor),
                                        m_admin);
            QCOMPARE(r.status, 200);
            const QJsonObject json = r.json();
            for (const QJsonValue &v : json.value(QStringLiteral("data")).toArray()) {
                const QString id = v.toObject().value(QStringLiteral("id")).toString();
                QVERIFY2(!seen.contains(id), "a key appeared on two pages");
                seen.insert(id);
            }
            if (!json.value(QStringLiteral("has_more")).toBool()) {
                QVERIFY(json.value(QStringLiteral("next_cursor")).isNull());
                break;
            }
            cursor = json.value(QStringLiteral("next_cursor")).toString();
        }
        QCOMPARE(seen.size(), 23);
        QCOMPARE(pages + 1, 4);
    }

    void publishableKeys()
    {
        const auto created = m_server.post(QStringLiteral("/publishable-keys"), QJsonObject {{QStringLiteral("note"), QStringLiteral("web checkout")}}, m_admin);
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(QStringLiteral("id")).toString();
        QVERIFY(created.json().value(QStringLiteral("key")).toString().startsWith(QLatin1String("pk_")));
        QVERIFY(m_server.get(QStringLiteral("/publishable-keys"), m_admin).body.contains(id.toLatin1()));
        QCOMPARE(m_server.post(QStringLiteral("/publishable-keys"), QJsonObject {}, m_admin).status, 400);
        QCOMPARE(m_server.post(QStringLiteral("/publishable-keys/%1/delete").arg(id), QByteArray(), m_admin).status, 200);
        QVERIFY(!m_server.get(QStringLiteral("/publishable-keys"), m_admin).body.contains(id.toLatin1()));
        QCOMPARE(m_server.post(QStringLiteral("/publishable-keys/%1/delete").arg(id), QByteArray(), m_admin).status, 404);
    }

    void paymentsAreGuardedAndValidated()
    {
        const auto created = m_server.post(QStringLiteral("/payments"),
                                           QJsonObject {{QStringLiteral("amount"), 1250}, {QStringLiteral("currency"), QStringLiteral("eur")},
                                                        {QStringLiteral("description"), QStringLiteral("Order #1")}}, m_admin);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(QStringLiteral("amount")).toInteger(), 1250);
        QVERIFY(m_server.get(QStringLiteral("/payments"), m_admin).body.contains(created.json().value(QStringLiteral("id")).toString().toLatin1()));
        // The description is optional: without one the payment is stored with an empty description (was a 500).
        const auto bare = m_server.post(QStringLiteral("/payments"),
                                        QJsonObject {{QStringLiteral("amount"), 100}, {QStringLiteral("currency"), QStringLiteral("eur")}},
                                        m_admin);
        QCOMPARE(bare.status, 201);
        QCOMPARE(bare.json().value(QStringLiteral("description")).toString(), QString());
        for (const QJsonObject &bad : {QJsonObject {{QStringLiteral("amount"), -5}, {QStringLiteral("currency"), QStringLiteral("eur")}},
                                       QJsonObject {{QStringLiteral("amount"), 1.5}, {QStringLiteral("currency"), QStringLiteral("eur")}},
                                       QJsonObject {{QStringLiteral("amount"), 1e300}, {QStringLiteral("currency"), QStringLiteral("eur")}},
                                       QJsonObject {{QStringLiteral("amount"), 100}, {QStringLiteral("currency"), QStringLiteral("EURO")}},
                                       QJsonObject {{QStringLiteral("amount"), QStringLiteral("100")}, {QStringLiteral("currency"), QStringLiteral("eur")}}}) {
            const auto r = m_server.post(QStringLiteral("/payments"), bad, m_admin);
            QCOMPARE(r.status, 400);
            checkErrorShape(r, QStringLiteral("VALIDATION_FAILED"));
        }
    }

    void usageIsRecordedWithoutPerRequestWrites()
    {
        const QJsonObject created = createKey({{QStringLiteral("note"), QStringLiteral("usage")},
                                               {QStringLiteral("permissions"), QJsonArray {QStringLiteral("payments:read")}}});
        const QString secret = created.value(QStringLiteral("secret")).toString();
        const QString id = created.value(QStringLiteral("id")).toString();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_server.get(QStringLiteral("/payments"), secret, {{"User-Agent", "usage-test/1.0"}}).status, 200);
        QJsonObject key;
        QTRY_VERIFY_WITH_TIMEOUT((key = m_server.get(QStringLiteral("/secret-keys/") + id, m_admin).json(),
                                  !key.value(QStringLiteral("last_used_at")).isNull()), 5000);
        QCOMPARE(key.value(QStringLiteral("last_used_ip")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(key.value(QStringLiteral("last_used_user_agent")).toString(), QStringLiteral("usage-test/1.0"));
        QTRY_COMPARE_WITH_TIMEOUT(m_server.get(QStringLiteral("/secret-keys/") + id, m_admin).json()
                                      .value(QStringLiteral("usage_total_30d")).toInteger(), qint64(5), 5000);
        const QJsonArray usage = m_server.get(QStringLiteral("/secret-keys/") + id, m_admin).json().value(QStringLiteral("usage")).toArray();
        QCOMPARE(usage.last().toObject().value(QStringLiteral("date")).toString(),
                 QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));
        QCOMPARE(usage.last().toObject().value(QStringLiteral("count")).toInteger(), qint64(5));
    }

    void scheduledExpiryAnswers401AndIsAuditedOnce()
    {
        const QJsonObject created = createKey({{QStringLiteral("note"), QStringLiteral("short-lived")},
                                               {QStringLiteral("permissions"), QJsonArray {QStringLiteral("payments:read")}},
                                               {QStringLiteral("expires_at"), isoIn(1500)}});
        const QString secret = created.value(QStringLiteral("secret")).toString();
        const QString id = created.value(QStringLiteral("id")).toString();
        QCOMPARE(m_server.get(QStringLiteral("/payments"), secret).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.get(QStringLiteral("/payments"), secret).status, 401, 6000);
        auto expiredEvents = [&] {
            return m_server.get(QStringLiteral("/audit-events?action=secret_key.expired&key_id=") + id, m_admin)
                .json().value(QStringLiteral("data")).toArray().size();
        };
        QTRY_COMPARE_WITH_TIMEOUT(expiredEvents(), qsizetype(1), 5000);
        QTest::qWait(600); // several sweeps later (200 ms apart) there is still exactly one
        QCOMPARE(expiredEvents(), qsizetype(1));
        QCOMPARE(m_server.get(QStringLiteral("/secret-keys/") + id, m_admin).json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("expired"));
    }

    void concurrentCreatesStayDistinctAndKeepTheChain()
    {
        constexpr int Clients = 8;
        constexpr int PerClient = 25;
        QList<std::shared_ptr<QNetworkAccessManager>> nams;
        QStringList ids;
        QStringList secrets;
        int failures = 0;
        int remaining = Clients * PerClient;
        QEventLoop loop;
        std::function<void(int, int)> next = [&](int client, int left) {
            if (left == 0)
                return;
            QNetworkRequest request(m_server.url(QStringLiteral("/secret-keys")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            request.setRawHeader("Authorization", "Bearer " + m_admin.toLatin1());
            request.setTransferTimeout(30000);
            const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("note"), QStringLiteral("concurrent %1-%2").arg(client).arg(left)},
                                                               {QStringLiteral("permissions"), QJsonArray {QStringLiteral("payments:read")}}})
                                        .toJson(QJsonDocument::Compact);
            QNetworkReply *reply = nams[client]->post(request, body);
            connect(reply, &QNetworkReply::finished, this, [&, reply, client, left] {
                const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201) {
                    ids.append(json.value(QStringLiteral("id")).toString());
                    secrets.append(json.value(QStringLiteral("secret")).toString());
                } else {
                    ++failures;
                }
                reply->deleteLater();
                if (--remaining == 0)
                    loop.quit();
                else
                    next(client, left - 1);
            });
        };
        for (int c = 0; c < Clients; ++c) {
            nams.append(std::make_shared<QNetworkAccessManager>());
            next(c, PerClient);
        }
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(failures, 0);
        QCOMPARE(ids.size(), Clients * PerClient);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), Clients * PerClient);
        QCOMPARE(QSet<QString>(secrets.begin(), secrets.end()).size(), Clients * PerClient);
        m_secretsSeen += secrets.mid(0, 20);

        const QList<QJsonObject> chain = wholeAuditChainOldestFirst();
        QVERIFY(chain.size() >= Clients * PerClient);
        const auto v = AuditChain::verify(chain, AuditChain::genesisHash());
        QVERIFY2(v.ok, qPrintable(QStringLiteral("event %1: %2").arg(v.firstBadIndex).arg(v.reason)));
        for (qsizetype i = 1; i < chain.size(); ++i)
            QCOMPARE(chain.at(i).value(QStringLiteral("id")).toString(), QStringLiteral("evt_%1").arg(i + 1));
    }

    void auditRecordsChangesAndDenialsWithFilters()
    {
        const QJsonObject created = createKey({{QStringLiteral("note"), QStringLiteral("audited")},
                                               {QStringLiteral("permissions"), QJsonArray {QStringLiteral("payments:read")}}});
        const QString id = created.value(QStringLiteral("id")).toString();
        const QString secret = created.value(QStringLiteral("secret")).toString();
        m_server.post(QStringLiteral("/secret-keys/") + id, QJsonObject {{QStringLiteral("note"), QStringLiteral("audited!")}}, m_admin);
        m_server.post(QStringLiteral("/secret-keys/%1/revoke").arg(id), QJsonObject {{QStringLiteral("reason"), QStringLiteral("leaked in a log")}}, m_admin);
        QCOMPARE(m_server.get(QStringLiteral("/payments"), secret, {{"User-Agent", "attacker/0.1"}}).status, 401);
        m_server.post(QStringLiteral("/secret-keys/%1/delete").arg(id), QByteArray(), m_admin);

        const auto keyEvents = m_server.get(QStringLiteral("/audit-events?key_id=") + id + QStringLiteral("&action=secret_key."), m_admin);
        QCOMPARE(keyEvents.status, 200);
        QStringList actions;
        for (const QJsonValue &v : keyEvents.json().value(QStringLiteral("data")).toArray()) {
            const QJsonObject e = v.toObject();
            actions.prepend(e.value(QStringLiteral("action")).toString());
            QCOMPARE(e.value(QStringLiteral("actor")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("secret_key"));
            QVERIFY(e.value(QStringLiteral("actor")).toObject().value(QStringLiteral("display")).toString().contains(QLatin1String("test admin")));
            QCOMPARE(e.value(QStringLiteral("ip")).toString(), QStringLiteral("127.0.0.1"));
            QVERIFY(e.value(QStringLiteral("request_id")).toString().startsWith(QLatin1String("req_")));
            QCOMPARE(e.value(QStringLiteral("hash")).toString().size(), 64);
        }
        QCOMPARE(actions, QStringList({QStringLiteral("secret_key.created"), QStringLiteral("secret_key.updated"),
                                       QStringLiteral("secret_key.revoked"), QStringLiteral("secret_key.deleted")}));
        QTRY_VERIFY_WITH_TIMEOUT(m_server.get(QStringLiteral("/audit-events?action=auth.denied&ip=127.0.0.1&limit=500"), m_admin).body.contains("attacker/0.1"), 5000);
        const auto denied = m_server.get(QStringLiteral("/audit-events?action=auth.denied&actor=") + id, m_admin);
        const QJsonArray deniedEvents = denied.json().value(QStringLiteral("data")).toArray();
        QCOMPARE(deniedEvents.size(), 1);
        QCOMPARE(deniedEvents.first().toObject().value(QStringLiteral("details")).toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("revoked key"));
        QCOMPARE(deniedEvents.first().toObject().value(QStringLiteral("user_agent")).toString(), QStringLiteral("attacker/0.1"));
        const auto text = m_server.get(QStringLiteral("/audit-events?q=leaked%20in%20a%20log"), m_admin);
        QCOMPARE(text.json().value(QStringLiteral("data")).toArray().size(), 1);
        const QString now = QDateTime::currentDateTimeUtc().addSecs(60).toString(Qt::ISODate);
        QCOMPARE(m_server.get(QStringLiteral("/audit-events?since=") + now, m_admin).json().value(QStringLiteral("data")).toArray().size(), 0);
    }

    void pipelinedAnswersKeepRequestOrder()
    {
        // The first request needs the database, the second is answered from memory: the second
        // finishes first, yet its answer must not overtake the first one's.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server.port());
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray auth = "Authorization: Bearer " + m_admin.toLatin1() + "\r\n";
        QByteArray requests;
        for (int i = 0; i < 3; ++i) {
            requests += "GET /secret-keys?limit=100 HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n";
            requests += "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
        }
        socket.write(requests);
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll(), received.count("HTTP/1.1 200") == 6), 10000);
        qsizetype pos = 0;
        for (int i = 0; i < 3; ++i) {
            const qsizetype list = received.indexOf("\"object\":\"list\"", pos);
            const qsizetype health = received.indexOf("\"status\":\"ok\"", pos);
            QVERIFY(list >= 0 && health >= 0);
            QVERIFY2(list < health, "an answer overtook the one before it");
            pos = health + 1;
        }
    }

    void deniedRequestsCannotFloodTheAuditLog()
    {
        TestServer other;
        QVERIFY(other.start({}, {{QStringLiteral("denied_audit_per_minute_per_ip"), 3}}));
        const QString auditor = other.createKey(QStringLiteral("audit_log:read"), QStringLiteral("auditor"));
        for (int i = 0; i < 25; ++i)
            QCOMPARE(other.get(QStringLiteral("/payments")).status, 401);
        // Three events are written, the other 22 are counted, not stored.
        auto deniedCount = [&] {
            return other.get(QStringLiteral("/audit-events?action=auth.denied"), auditor)
                .json().value(QStringLiteral("data")).toArray().size();
        };
        QTRY_COMPARE_WITH_TIMEOUT(deniedCount(), qsizetype(3), 5000);
        QTest::qWait(300); // the writer thread has long drained; nothing more may appear
        QCOMPARE(deniedCount(), qsizetype(3));
        QCOMPARE(other.stop(), 0);
    }

    void signedHeadMatchesTheNewestEvent()
    {
        const auto head = m_server.get(QStringLiteral("/audit-events/head"), m_admin);
        QCOMPARE(head.status, 200);
        const QJsonObject h = head.json();
        const auto newest = m_server.get(QStringLiteral("/audit-events?limit=1"), m_admin).json()
                                .value(QStringLiteral("data")).toArray().first().toObject();
        // Denied requests may land between the two calls; the head is never older than the list.
        QVERIFY(h.value(QStringLiteral("seq")).toInteger() <= keyward::AuditEvent::seqFromId(newest.value(QStringLiteral("id")).toString()));
        const QJsonObject jwk = h.value(QStringLiteral("jwk")).toObject();
        QCOMPARE(jwk.value(QStringLiteral("kty")).toString(), QStringLiteral("EC"));
        QCOMPARE(jwk.value(QStringLiteral("crv")).toString(), QStringLiteral("P-256"));
        const QString jws = h.value(QStringLiteral("jws")).toString();
        QVERIFY(verifyEs256(jws, jwk));
        const QJsonObject payload = QJsonDocument::fromJson(fromB64Url(jws.split(QLatin1Char('.')).at(1))).object();
        QCOMPARE(payload.value(QStringLiteral("hash")).toString(), h.value(QStringLiteral("hash")).toString());
        QCOMPARE(payload.value(QStringLiteral("id")).toString(), h.value(QStringLiteral("id")).toString());
        QString tampered = jws;
        tampered[tampered.size() - 5] = tampered.at(tampered.size() - 5) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QVERIFY(!verifyEs256(tampered, jwk));
    }

    void secretsNeverReachTheDatabaseOrTheLogs()
    {
        // Runs last: stopping flushes everything the server buffered.
        QVERIFY(m_secretsSeen.size() > 20);
        QCOMPARE(m_server.stop(), 0);
        const QByteArray stored = m_server.databaseContents();
        QVERIFY(stored.size() > 10000);
        const QByteArray output = m_server.output();
        QVERIFY2(output.contains("/secret-keys"), "the access log was not captured");
        for (const QString &secret : std::as_const(m_secretsSeen)) {
            QVERIFY(!secret.isEmpty());
            const QByteArray body = secret.mid(secret.indexOf(QLatin1Char('_'), 5) + 1).toLatin1().mid(0, 43);
            QVERIFY2(!stored.contains(secret.toLatin1()), "a secret key is in the database");
            QVERIFY2(!stored.contains(body.left(20)), "part of a secret key is in the database");
            QVERIFY2(!output.contains(secret.toLatin1()), "a secret key is in the server's output");
            QVERIFY2(!output.contains(body.left(20)), "part of a secret key is in the server's output");
        }
    }
};

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"

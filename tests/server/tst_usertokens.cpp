// SPDX-License-Identifier: GPL-3.0-or-later
// Users and their access tokens on the key API: roles map to permissions, JWTs are checked
// strictly (algorithm pinned, our key ids, iss, aud, exp), sessions are dropped at once when a
// user is disabled or changes role, and signing keys rotate without breaking live tokens.
// Tokens are minted in-process with the server's own keys (the OAuth endpoints that hand them
// out arrive separately), which is the same code path the token endpoint will use.
#include "AccessTokens.h"
#include "Database.h"
#include "ServerSecrets.h"
#include "TestServer.h"
#include "UserStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QTest>

using namespace keyward::server;

namespace {
QByteArray b64(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
QByteArray fromB64(const QByteArray &data)
{
    return QByteArray::fromBase64(data, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
} // namespace

class TestUserTokens : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    const QString m_issuer = QStringLiteral("https://keys.example.test");

    bool addUser(const QString &email, const QString &role)
    {
        QProcess p;
        p.start(TestServer::binary(), {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--database"),
                                       m_server.databaseUrl(), QStringLiteral("--email"), email, QStringLiteral("--name"),
                                       email.section(QLatin1Char('@'), 0, 0), QStringLiteral("--role"), role,
                                       QStringLiteral("--password-stdin")});
        p.write("a long enough password\n");
        p.closeWriteChannel();
        return p.waitForFinished(30000) && p.exitCode() == 0;
    }

    int cli(const QStringList &args)
    {
        return TestServer::run(QStringList(args) << QStringLiteral("--database") << m_server.databaseUrl());
    }

    // Mints an access token for a user with the database's keys, as the token endpoint does.
    QString token(const QString &email, qint64 atMs = 0, const QString &issuer = {})
    {
        Database db(m_server.databaseUrl());
        QString error;
        if (!db.open(&error))
            return {};
        QSqlDatabase conn = db.connection();
        ServerSecrets secrets;
        if (!secrets.load(conn))
            return {};
        const auto user = UserStore::findByEmail(conn, email);
        if (!user)
            return {};
        AccessTokens tokens(secrets, issuer.isEmpty() ? m_issuer : issuer);
        return QString::fromLatin1(tokens.issue(*user, QStringLiteral("keyward-desktop"), QStringLiteral("keys"),
                                                atMs ? atMs : QDateTime::currentMSecsSinceEpoch()));
    }

    // Re-signs altered claims or header with a foreign key: what an attacker can do at best.
    static QString forge(const QString &jwt, const QJsonObject &header, const QJsonObject &payload, const QByteArray &sig)
    {
        Q_UNUSED(jwt);
        return QString::fromLatin1(b64(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
                                   + b64(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + '.' + sig);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start({QStringLiteral("--issuer"), m_issuer}, {{QStringLiteral("denied_audit_per_minute_per_ip"), 100000}}));
        for (const auto &[email, role] : {std::pair {"owner@example.com", "owner"}, {"admin@example.com", "admin"},
                                          {"dev@example.com", "developer"}, {"viewer@example.com", "viewer"},
                                          {"leaver@example.com", "admin"}, {"mover@example.com", "admin"}})
            QVERIFY(addUser(QLatin1String(email), QLatin1String(role)));
    }

    void jwksPublishesTheSigningKey()
    {
        const auto r = m_server.get(QStringLiteral("/.well-known/jwks.json"));
        QCOMPARE(r.status, 200);
        const QJsonArray keys = r.json().value(QStringLiteral("keys")).toArray();
        QCOMPARE(keys.size(), 1);
        const QJsonObject k = keys.first().toObject();
        QCOMPARE(k.value(QStringLiteral("kty")).toString(), QStringLiteral("EC"));
        QCOMPARE(k.value(QStringLiteral("alg")).toString(), QStringLiteral("ES256"));
        QVERIFY(!k.contains(QStringLiteral("d")));
        const QString jwt = token(QStringLiteral("admin@example.com"));
        const QJsonObject header = QJsonDocument::fromJson(fromB64(jwt.section(QLatin1Char('.'), 0, 0).toLatin1())).object();
        QCOMPARE(header.value(QStringLiteral("kid")).toString(), k.value(QStringLiteral("kid")).toString());
        QCOMPARE(header.value(QStringLiteral("typ")).toString(), QStringLiteral("at+jwt"));
    }

    void meNamesTheUserAndRole()
    {
        const auto r = m_server.get(QStringLiteral("/me"), token(QStringLiteral("admin@example.com")));
        QCOMPARE(r.status, 200);
        const QJsonObject me = r.json();
        QCOMPARE(me.value(QStringLiteral("type")).toString(), QStringLiteral("user"));
        QCOMPARE(me.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(me.value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(),
                 QStringLiteral("admin@example.com"));
        QVERIFY(me.value(QStringLiteral("permissions")).toArray().contains(QStringLiteral("secret_keys:write")));
    }

    void rolesMapToPermissions_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<int>("listKeys");
        QTest::addColumn<int>("createKey");
        QTest::addColumn<int>("readPayments");
        QTest::addColumn<int>("readAudit");
        QTest::newRow("owner") << "owner@example.com" << 200 << 201 << 200 << 200;
        QTest::newRow("admin") << "admin@example.com" << 200 << 201 << 200 << 200;
        QTest::newRow("developer") << "dev@example.com" << 200 << 403 << 200 << 200;
        QTest::newRow("viewer") << "viewer@example.com" << 200 << 403 << 403 << 200;
    }
    void rolesMapToPermissions()
    {
        QFETCH(QString, email);
        QFETCH(int, listKeys);
        QFETCH(int, createKey);
        QFETCH(int, readPayments);
        QFETCH(int, readAudit);
        const QString jwt = token(email);
        QVERIFY(!jwt.isEmpty());
        QCOMPARE(m_server.get(QStringLiteral("/secret-keys"), jwt).status, listKeys);
        const auto created = m_server.post(QStringLiteral("/secret-keys"),
                                           QJsonObject {{QStringLiteral("note"), QStringLiteral("by ") + email},
                                                        {QStringLiteral("permissions"), QJsonArray {QStringLiteral("payments:read")}}},
                                           jwt);
        QCOMPARE(created.status, createKey);
        if (createKey == 403)
            QVERIFY(created.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QLatin1String("role")));
        QCOMPARE(m_server.get(QStringLiteral("/payments"), jwt).status, readPayments);
        QCOMPARE(m_server.get(QStringLiteral("/audit-events?limit=1"), jwt).status, readAudit);
        QCOMPARE(m_server.get(QStringLiteral("/users"), jwt).status, readAudit);
    }

    void userActionsAreAuditedAsTheUser()
    {
        const QString jwt = token(QStringLiteral("owner@example.com"));
        const auto created = m_server.post(QStringLiteral("/secret-keys"),
                                           QJsonObject {{QStringLiteral("note"), QStringLiteral("owner's key")},
                                                        {QStringLiteral("permissions"), QJsonArray {QStringLiteral("refunds:write")}}},
                                           jwt);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(QStringLiteral("created_by")).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("user"));
        const QString id = created.json().value(QStringLiteral("id")).toString();
        const auto events = m_server.get(QStringLiteral("/audit-events?action=secret_key.created&key_id=") + id, jwt);
        const QJsonObject actor = events.json().value(QStringLiteral("data")).toArray().first().toObject()
                                      .value(QStringLiteral("actor")).toObject();
        QCOMPARE(actor.value(QStringLiteral("type")).toString(), QStringLiteral("user"));
        QCOMPARE(actor.value(QStringLiteral("display")).toString(), QStringLiteral("owner <owner@example.com>"));
        const auto users = m_server.get(QStringLiteral("/users"), jwt).json().value(QStringLiteral("data")).toArray();
        QCOMPARE(users.size(), 6);
        QVERIFY(!QJsonDocument(users).toJson().contains("password"));
        QVERIFY(!QJsonDocument(users).toJson().contains("argon2"));
    }

    void badTokensAre401_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *k : {"tampered payload", "tampered signature", "alg none", "alg HS256", "wrong audience",
                              "wrong issuer", "expired", "unknown kid", "foreign key", "garbage", "truncated"})
            QTest::newRow(k) << QString::fromLatin1(k);
    }
    void badTokensAre401()
    {
        QFETCH(QString, kind);
        const QString good = token(QStringLiteral("admin@example.com"));
        const QStringList parts = good.split(QLatin1Char('.'));
        QJsonObject header = QJsonDocument::fromJson(fromB64(parts[0].toLatin1())).object();
        QJsonObject payload = QJsonDocument::fromJson(fromB64(parts[1].toLatin1())).object();
        const QByteArray sig = parts[2].toLatin1();
        QString bad;
        if (kind == QLatin1String("tampered payload")) {
            payload.insert(QStringLiteral("role"), QStringLiteral("owner"));
            payload.insert(QStringLiteral("sub"), QStringLiteral("usr_someoneelse00"));
            bad = forge(good, header, payload, sig);
        } else if (kind == QLatin1String("tampered signature")) {
            QByteArray s = sig;
            s[10] = s[10] == 'A' ? 'B' : 'A';
            bad = parts[0] + QLatin1Char('.') + parts[1] + QLatin1Char('.') + QString::fromLatin1(s);
        } else if (kind == QLatin1String("alg none")) {
            header.insert(QStringLiteral("alg"), QStringLiteral("none"));
            bad = forge(good, header, payload, QByteArray());
        } else if (kind == QLatin1String("alg HS256")) {
            // HMAC "signed" with the public JWK as the secret: the classic confusion attack.
            header.insert(QStringLiteral("alg"), QStringLiteral("HS256"));
            const QByteArray jwks = m_server.get(QStringLiteral("/.well-known/jwks.json")).body;
            const QByteArray input = b64(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
                + b64(QJsonDocument(payload).toJson(QJsonDocument::Compact));
            bad = QString::fromLatin1(input + '.' + b64(QMessageAuthenticationCode::hash(input, jwks, QCryptographicHash::Sha256)));
        } else if (kind == QLatin1String("wrong audience")) {
            Database db(m_server.databaseUrl());
            QString e;
            QVERIFY(db.open(&e));
            QSqlDatabase conn = db.connection();
            ServerSecrets secrets;
            QVERIFY(secrets.load(conn));
            payload.insert(QStringLiteral("aud"), QStringLiteral("some-other-api"));
            bad = QString::fromLatin1(secrets.signJws(QJsonDocument(payload).toJson(QJsonDocument::Compact), "at+jwt"));
        } else if (kind == QLatin1String("wrong issuer")) {
            bad = token(QStringLiteral("admin@example.com"), 0, QStringLiteral("https://evil.example.com"));
        } else if (kind == QLatin1String("expired")) {
            bad = token(QStringLiteral("admin@example.com"), QDateTime::currentMSecsSinceEpoch() - 11 * 60'000 - 61'000);
        } else if (kind == QLatin1String("unknown kid")) {
            header.insert(QStringLiteral("kid"), QStringLiteral("not-one-of-ours"));
            bad = forge(good, header, payload, sig);
        } else if (kind == QLatin1String("foreign key")) {
            // A well-formed token from another keyward-server: valid signature, unknown key.
            TestServer other;
            QVERIFY(TestServer::run({QStringLiteral("init"), QStringLiteral("--database"), other.databaseUrl()}) == 0);
            Database db(other.databaseUrl());
            QString e;
            QVERIFY(db.open(&e));
            QSqlDatabase conn = db.connection();
            ServerSecrets secrets;
            QVERIFY(secrets.load(conn));
            bad = QString::fromLatin1(secrets.signJws(QJsonDocument(payload).toJson(QJsonDocument::Compact), "at+jwt"));
        } else if (kind == QLatin1String("garbage")) {
            bad = QStringLiteral("eyJhbGciOiJFUzI1NiJ9.e30.AAAA");
        } else {
            bad = good.left(good.size() - 20);
        }
        const auto r = m_server.get(QStringLiteral("/me"), bad);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("UNAUTHORIZED"));
        // The good token still works: nothing above poisoned the session cache.
        QCOMPARE(m_server.get(QStringLiteral("/me"), good).status, 200);
    }

    void disablingAUserEndsTheirCachedSession()
    {
        const QString jwt = token(QStringLiteral("leaver@example.com"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_server.get(QStringLiteral("/me"), jwt).status, 200); // cached now
        QCOMPARE(cli({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("--email"), QStringLiteral("leaver@example.com")}), 0);
        // Changed by another process: the server notices within its one-second check.
        QTRY_COMPARE_WITH_TIMEOUT(m_server.get(QStringLiteral("/me"), jwt).status, 401, 5000);
        QCOMPARE(cli({QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("--email"), QStringLiteral("leaver@example.com")}), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.get(QStringLiteral("/me"), jwt).status, 200, 5000);
    }

    void aRoleChangeAppliesToLiveSessions()
    {
        const QString jwt = token(QStringLiteral("mover@example.com"));
        QCOMPARE(m_server.get(QStringLiteral("/payments"), jwt).status, 200);
        QCOMPARE(cli({QStringLiteral("user"), QStringLiteral("set-role"), QStringLiteral("--email"), QStringLiteral("mover@example.com"),
                      QStringLiteral("--role"), QStringLiteral("viewer")}), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.get(QStringLiteral("/payments"), jwt).status, 403, 5000);
        QCOMPARE(m_server.get(QStringLiteral("/me"), jwt).json().value(QStringLiteral("role")).toString(), QStringLiteral("viewer"));
    }

    void rotatedSigningKeysKeepOldTokensValid()
    {
        const QString before = token(QStringLiteral("admin@example.com"));
        const QString oldKid = QJsonDocument::fromJson(fromB64(before.section(QLatin1Char('.'), 0, 0).toLatin1())).object()
                                   .value(QStringLiteral("kid")).toString();
        QCOMPARE(cli({QStringLiteral("signing-key"), QStringLiteral("rotate")}), 0);
        QCOMPARE(m_server.stop(), 0);
        QVERIFY(m_server.start({QStringLiteral("--issuer"), m_issuer}, {{QStringLiteral("denied_audit_per_minute_per_ip"), 100000}}));
        const QJsonArray keys = m_server.get(QStringLiteral("/.well-known/jwks.json")).json().value(QStringLiteral("keys")).toArray();
        QCOMPARE(keys.size(), 2);
        const QString after = token(QStringLiteral("admin@example.com"));
        const QString newKid = QJsonDocument::fromJson(fromB64(after.section(QLatin1Char('.'), 0, 0).toLatin1())).object()
                                   .value(QStringLiteral("kid")).toString();
        QVERIFY(newKid != oldKid);
        QCOMPARE(keys.first().toObject().value(QStringLiteral("kid")).toString(), newKid);
        QCOMPARE(m_server.get(QStringLiteral("/me"), after).status, 200);
        // The token signed with the old key before the rotation still verifies.
        QCOMPARE(m_server.get(QStringLiteral("/me"), before).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestUserTokens)
#include "tst_usertokens.moc"

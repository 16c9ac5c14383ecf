// SPDX-License-Identifier: GPL-3.0-or-later
// Two keyward-server instances on one database, as behind a load balancer: a key revoked,
// deleted or given an expiry on one, a user disabled or demoted, or a sign-in ended, fails on the
// other within a second although the other had it cached; concurrent writes through both make
// one linear audit chain; an Idempotency-Key replays across instances; rate limits count across
// instances (PostgreSQL). Runs on SQLite (two processes on one file) and on PostgreSQL (_pg).
#include "AccessTokens.h"
#include "AuditChain.h"
#include "Database.h"
#include "OAuthStore.h"
#include "ServerSecrets.h"
#include "TestServer.h"
#include "UserStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace keyward::server;
using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// Within a second, as the issue asks; the check runs once a second and on every notification.
constexpr int PropagationMs = 1000;
// The suite's own deadline for a change to show: well above PropagationMs so a loaded CI machine
// does not fail it, while the figure measured is printed and checked against a looser bound.
constexpr int DeadlineMs = 5000;

QJsonObject config(int orgLimit = 1000000)
{
    return {{s("usage_flush_ms"), 100},
            {s("denied_audit_per_minute_per_ip"), 100000},
            {s("session_cache_s"), 300},
            {s("rate_limits"), QJsonObject {{s("free"), QJsonObject {{s("limit"), orgLimit}, {s("window_seconds"), 3600}}},
                                            {s("anonymous"), QJsonObject {{s("limit"), 1000000}}}}}};
}

const QString AllPermissions = s("secret_keys:write,publishable_keys:write,payments:write,audit_log:read");

} // namespace

class TestMultiInstance : public QObject
{
    Q_OBJECT

private:
    TestServer m_a;
    TestServer m_b;
    QString m_admin;
    const QString m_issuer = s("https://keys.multi.example.test");

    // A key created through A and used once through each instance, so both have it cached.
    QJsonObject cachedKey(const QString &note)
    {
        const auto created = m_a.post(s("/secret-keys"),
                                      QJsonObject {{s("note"), note}, {s("permissions"), QJsonArray {s("payments:read")}}},
                                      m_admin);
        if (created.status != 201)
            return {};
        const QString secret = created.json().value(s("secret")).toString();
        for (int i = 0; i < 2; ++i) {
            if (m_a.get(s("/payments"), secret).status != 200 || m_b.get(s("/payments"), secret).status != 200)
                return {};
        }
        return created.json();
    }

    // How long until `server` refuses `secret` with 401 (-1: not within DeadlineMs).
    static qint64 msUntil401(TestServer &server, const QString &path, const QString &secret)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < DeadlineMs) {
            if (server.get(path, secret).status == 401)
                return t.elapsed();
            QTest::qWait(20);
        }
        return -1;
    }

    bool addUser(const QString &email, const QString &role)
    {
        QProcess p;
        p.start(TestServer::binary(), {s("user"), s("add"), s("--database"), m_a.databaseUrl(), s("--email"), email,
                                       s("--name"), email.section(QLatin1Char('@'), 0, 0), s("--role"), role,
                                       s("--password-stdin")});
        p.write("a long enough password\n");
        p.closeWriteChannel();
        return p.waitForFinished(30000) && p.exitCode() == 0;
    }

    // An access token of a sign-in (refresh family) of the user, signed with the database's key,
    // as the token endpoint issues it.
    QString signedInToken(const QString &email)
    {
        Database db(m_a.databaseUrl());
        QString error;
        if (!db.open(&error))
            return {};
        ServerSecrets secrets;
        QSqlDatabase conn = db.connection();
        if (!secrets.load(conn))
            return {};
        const auto user = UserStore::findByEmail(conn, email);
        if (!user)
            return {};
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QString family = db.write([&](QSqlDatabase &w) {
            return OAuthStore::createFamily(w, user->id, s("keyward-desktop"), s("keys"), now);
        });
        AccessTokens tokens(secrets, m_issuer);
        return QString::fromLatin1(tokens.issue(*user, s("keyward-desktop"), s("keys"), now, family));
    }

    QList<QJsonObject> wholeChain(TestServer &server)
    {
        QList<QJsonObject> out;
        qint64 after = 0;
        for (int page = 0; page < 1000; ++page) {
            const auto r = server.get(s("/audit-events/chain?limit=1000&after_seq=%1").arg(after), m_admin);
            if (r.status != 200)
                return {};
            const QJsonArray data = r.json().value(s("data")).toArray();
            for (const QJsonValue &v : data)
                out.append(v.toObject());
            if (!r.json().value(s("has_more")).toBool() || data.isEmpty())
                break;
            after = r.json().value(s("next_after_seq")).toInteger(out.size());
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_a.start({s("--issuer"), m_issuer}, config()), m_a.output().constData());
        QVERIFY2(m_b.start({s("--database"), m_a.databaseUrl(), s("--issuer"), m_issuer}, config()),
                 m_b.output().constData());
        QVERIFY(m_a.port() != m_b.port());
        m_admin = m_a.createKey(AllPermissions, s("multi-instance admin"));
        QVERIFY(!m_admin.isEmpty());
        QCOMPARE(m_b.get(s("/me"), m_admin).status, 200);
    }

    void revocationOnAFailsOnBWithinASecond_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("revoke") << s("revoke");
        QTest::newRow("delete") << s("delete");
        QTest::newRow("expire") << s("expire");
        QTest::newRow("permissions") << s("permissions");
    }

    void revocationOnAFailsOnBWithinASecond()
    {
        QFETCH(QString, how);
        const QJsonObject key = cachedKey(s("cached on both: ") + how);
        QVERIFY(!key.isEmpty());
        const QString id = key.value(s("id")).toString();
        const QString secret = key.value(s("secret")).toString();
        TestServer::Response changed;
        if (how == QLatin1String("revoke")) {
            changed = m_a.post(s("/secret-keys/%1/revoke").arg(id), QJsonObject {{s("reason"), s("leaked")}}, m_admin);
        } else if (how == QLatin1String("delete")) {
            changed = m_a.post(s("/secret-keys/%1/delete").arg(id), QByteArray(), m_admin);
        } else if (how == QLatin1String("expire")) {
            const QString soon = QDateTime::currentDateTimeUtc().addMSecs(300).toString(Qt::ISODateWithMs);
            changed = m_a.post(s("/secret-keys/%1").arg(id), QJsonObject {{s("expires_at"), soon}}, m_admin);
        } else {
            changed = m_a.post(s("/secret-keys/%1").arg(id), QJsonObject {{s("permissions"), QJsonArray {s("audit_log:read")}}},
                               m_admin);
        }
        QVERIFY2(changed.status == 200 || changed.status == 204, changed.body.constData());
        if (how == QLatin1String("permissions")) {
            // Not a 401: the key lives on with other permissions, so B answers 403 for payments.
            QElapsedTimer t;
            t.start();
            QTRY_COMPARE_WITH_TIMEOUT(m_b.get(s("/payments"), secret).status, 403, DeadlineMs);
            qInfo("B applied the permission change after %lld ms", t.elapsed());
            QVERIFY(t.elapsed() <= DeadlineMs);
            QCOMPARE(m_b.get(s("/audit-events?limit=1"), secret).status, 200);
            return;
        }
        const qint64 ms = msUntil401(m_b, s("/payments"), secret);
        qInfo("B refused the %s key after %lld ms", qPrintable(how), ms);
        QVERIFY2(ms >= 0, "B still accepts the key");
        if (how != QLatin1String("expire"))
            QVERIFY2(ms <= PropagationMs + 500, "B took longer than a second (plus slack) to follow A");
        QCOMPARE(m_a.get(s("/payments"), secret).status, 401);
    }

    void userChangesAndSignOutsReachTheOtherInstance()
    {
        QVERIFY(addUser(s("dev@multi.example.com"), s("developer")));
        QVERIFY(addUser(s("leaver@multi.example.com"), s("admin")));
        const QString dev = signedInToken(s("dev@multi.example.com"));
        const QString leaver = signedInToken(s("leaver@multi.example.com"));
        QVERIFY(!dev.isEmpty() && !leaver.isEmpty());
        for (TestServer *server : {&m_a, &m_b}) {
            QCOMPARE(server->get(s("/me"), dev).status, 200);
            QCOMPARE(server->get(s("/me"), leaver).status, 200);
        }
        // Signing out through A ends the session on B.
        QUrlQuery form;
        form.addQueryItem(s("token"), dev);
        const auto signedOut = m_a.send("POST", s("/oauth/revoke"), form.query(QUrl::FullyEncoded).toUtf8(),
                                        {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(signedOut.status, 200);
        const qint64 signOutMs = msUntil401(m_b, s("/me"), dev);
        qInfo("B ended the signed-out session after %lld ms", signOutMs);
        QVERIFY(signOutMs >= 0 && signOutMs <= PropagationMs + 500);
        // A role change by the CLI (a third process) applies on both.
        QCOMPARE(TestServer::run({s("user"), s("set-role"), s("--database"), m_a.databaseUrl(), s("--email"),
                                  s("leaver@multi.example.com"), s("--role"), s("viewer")}),
                 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_b.get(s("/secret-keys?limit=1"), leaver).status, 200, DeadlineMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_b.post(s("/secret-keys"), QJsonObject {{s("note"), s("as viewer")}}, leaver).status,
                                  403, DeadlineMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_a.post(s("/secret-keys"), QJsonObject {{s("note"), s("as viewer")}}, leaver).status,
                                  403, DeadlineMs);
        // Disabling the user ends their sessions everywhere.
        QCOMPARE(TestServer::run({s("user"), s("disable"), s("--database"), m_a.databaseUrl(), s("--email"),
                                  s("leaver@multi.example.com")}),
                 0);
        QVERIFY(msUntil401(m_b, s("/me"), leaver) >= 0);
        QVERIFY(msUntil401(m_a, s("/me"), leaver) >= 0);
    }

    void concurrentWritesMakeOneLinearChain()
    {
        // Creates through both instances at once: one chain, every seq once, each event linked
        // to the one before it.
        const int perInstance = 40;
        QNetworkAccessManager nam;
        int pending = 0;
        int created = 0;
        QSet<QString> ids;
        for (int i = 0; i < perInstance; ++i) {
            for (TestServer *server : {&m_a, &m_b}) {
                QNetworkRequest request(server->url(s("/secret-keys")));
                request.setRawHeader("Authorization", "Bearer " + m_admin.toLatin1());
                request.setHeader(QNetworkRequest::ContentTypeHeader, s("application/json"));
                request.setTransferTimeout(30000);
                const QByteArray body = QJsonDocument(QJsonObject {{s("note"), s("burst %1 via %2").arg(i).arg(server->port())},
                                                                   {s("permissions"), QJsonArray {s("payments:read")}}})
                                            .toJson(QJsonDocument::Compact);
                QNetworkReply *reply = nam.post(request, body);
                ++pending;
                connect(reply, &QNetworkReply::finished, this, [&, reply] {
                    --pending;
                    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201) {
                        ++created;
                        ids.insert(QJsonDocument::fromJson(reply->readAll()).object().value(s("id")).toString());
                    }
                    reply->deleteLater();
                });
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(pending, 0, 60000);
        QCOMPARE(created, 2 * perInstance);
        QCOMPARE(ids.size(), 2 * perInstance);
        const QList<QJsonObject> chainA = wholeChain(m_a);
        const QList<QJsonObject> chainB = wholeChain(m_b);
        QVERIFY(chainA.size() > 2 * perInstance);
        QCOMPARE(chainB.size(), chainA.size());
        const auto verified = keyward::AuditChain::verify(chainA, keyward::AuditChain::genesisHash());
        QVERIFY2(verified.ok, qPrintable(verified.reason));
        QCOMPARE(chainB.last().value(s("hash")), chainA.last().value(s("hash")));
        int createdEvents = 0;
        for (const QJsonObject &e : chainA) {
            const QJsonObject event = e.value(s("event")).toObject().isEmpty() ? e : e.value(s("event")).toObject();
            if (event.value(s("action")).toString() == QLatin1String("secret_key.created")
                && ids.contains(event.value(s("target")).toObject().value(s("id")).toString()))
                ++createdEvents;
        }
        QCOMPARE(createdEvents, 2 * perInstance);
    }

    void idempotencyKeysWorkAcrossInstances()
    {
        const Headers idem {{"Idempotency-Key", "multi-instance-create-1"}};
        const QJsonObject body {{s("note"), s("created once")}, {s("permissions"), QJsonArray {s("payments:read")}}};
        const auto first = m_a.post(s("/secret-keys"), body, m_admin, idem);
        QCOMPARE(first.status, 201);
        const auto again = m_b.post(s("/secret-keys"), body, m_admin, idem);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(again.json().value(s("id")), first.json().value(s("id")));
        // The secret is shown once: a replay does not carry it again.
        QVERIFY(!again.body.contains(first.json().value(s("secret")).toString().toLatin1()));
        const auto different = m_b.post(s("/secret-keys"),
                                        QJsonObject {{s("note"), s("something else")},
                                                     {s("permissions"), QJsonArray {s("payments:read")}}},
                                        m_admin, idem);
        QCOMPARE(different.status, 409);
    }

    void rateLimitsCountAcrossInstances()
    {
        if (!TestServer::usesPostgres())
            QSKIP("rate limits are counted per instance on SQLite; several instances share them on PostgreSQL");
        // A fresh pair with a small organisation limit, so that the window is theirs alone.
        const int limit = 30;
        TestServer a;
        QVERIFY2(a.start({}, config(limit)), a.output().constData());
        TestServer b;
        QVERIFY2(b.start({s("--database"), a.databaseUrl()}, config(limit)), b.output().constData());
        const QString key = a.createKey(s("payments:read"), s("rate limited"));
        // Requests through both instances, alternating: together they let through exactly the
        // limit (each takes its share of the budget from the database before spending it; here
        // a share is one request, a twentieth of the limit), then both refuse.
        int allowed = 0;
        int refusedA = 0;
        int refusedB = 0;
        for (int i = 0; i < 3 * limit && (refusedA == 0 || refusedB == 0); ++i) {
            TestServer &server = i % 3 ? b : a; // unevenly: two through B for one through A
            const auto r = server.get(s("/payments"), key);
            if (r.status == 200) {
                ++allowed;
                QVERIFY(r.header("X-RateLimit-Remaining").toInt() >= 0);
            } else {
                QCOMPARE(r.status, 429);
                QVERIFY(r.header("Retry-After").toInt() > 0);
                QCOMPARE(r.json().value(s("error")).toObject().value(s("code")).toString(), s("RATE_LIMITED"));
                ++(i % 3 ? refusedB : refusedA);
            }
        }
        qInfo("allowed %d of a limit of %d through two instances", allowed, limit);
        QVERIFY(refusedA > 0 && refusedB > 0);
        QCOMPARE(allowed, limit);
    }


    void anonymousLimitsAddUpAcrossInstances()
    {
        if (!TestServer::usesPostgres())
            QSKIP("per-address limits are counted per instance on SQLite");
        // Unauthenticated requests from one address through both instances, paced as a client
        // would send them: the instances add up their counts five times a second, so together
        // they let through the limit and at most what slips through between two additions.
        const int limit = 20;
        QJsonObject cfg = config();
        cfg.insert(s("rate_limits"), QJsonObject {{s("anonymous"), QJsonObject {{s("limit"), limit}, {s("window_seconds"), 3600}}}});
        TestServer a;
        QVERIFY2(a.start({}, cfg), a.output().constData());
        TestServer b;
        QVERIFY2(b.start({s("--database"), a.databaseUrl()}, cfg), b.output().constData());
        int allowed = 0;
        int refused = 0;
        for (int i = 0; i < 4 * limit && refused < 4; ++i) {
            const auto r = (i % 2 ? b : a).get(s("/health"));
            if (r.status == 200)
                ++allowed;
            else if (r.status == 429)
                ++refused;
            else
                QFAIL(r.body.constData());
            QTest::qWait(50); // a client's pace, not a wait for the server
        }
        qInfo("allowed %d unauthenticated requests of a limit of %d through two instances", allowed, limit);
        QVERIFY(refused >= 4);
        QVERIFY(allowed >= limit);
        QVERIFY2(allowed <= limit + limit / 2, "the instances did not add up their counts");
    }
};

QTEST_GUILESS_MAIN(TestMultiInstance)
#include "tst_multiinstance.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// `keyward-server copy-database`: a team moves its database (SQLite to PostgreSQL, or back) and
// everything keeps working on the copy: keys (the pepper travelled), revocations, members, the
// audit chain (same head), ids that continue; a target that is not empty is refused untouched.
// The SQLite run copies SQLite to SQLite; the PostgreSQL run copies PostgreSQL to SQLite and that
// copy on to a new PostgreSQL database.
#include "AuditChain.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

const QString AllPermissions = s("secret_keys:write,payments:write,audit_log:read");
} // namespace

class TestCopyDatabase : public QObject
{
    Q_OBJECT

private:
    TestServer m_source;
    QTemporaryDir m_dir;
    QString m_admin;
    QString m_kept;
    QString m_revoked;
    QStringList m_ids;
    QString m_headHash;
    qint64 m_headSeq = 0;

    static int copy(const QString &from, const QString &to, QByteArray *out, QByteArray *err)
    {
        return TestServer::run({s("copy-database"), s("--database"), from, s("--to"), to}, out, err, 120000);
    }

    static QStringList keyIds(TestServer &server, const QString &key)
    {
        QStringList out;
        QString cursor;
        for (int page = 0; page < 100; ++page) {
            const auto r = server.get(s("/secret-keys?limit=100") + (cursor.isEmpty() ? QString() : s("&after=") + cursor), key);
            if (r.status != 200)
                return {};
            for (const QJsonValue &v : r.json().value(s("data")).toArray())
                out.append(v.toObject().value(s("id")).toString());
            cursor = r.json().value(s("next_cursor")).toString();
            if (!r.json().value(s("has_more")).toBool())
                break;
        }
        return out;
    }

    // Starts a server on the copy and checks that it is the source, working.
    void checkCopy(const QString &url)
    {
        TestServer copy;
        QVERIFY2(copy.start({s("--database"), url}), copy.output().constData());
        // The head first: the refused request below writes an auth.denied event.
        const auto head = copy.get(s("/audit-events/head"), m_admin).json();
        QCOMPARE(head.value(s("seq")).toInteger(), m_headSeq);
        QCOMPARE(head.value(s("hash")).toString(), m_headHash);
        QCOMPARE(copy.get(s("/payments"), m_kept).status, 200);
        QCOMPARE(copy.get(s("/payments"), m_revoked).status, 401);
        QCOMPARE(keyIds(copy, m_admin), m_ids);
        // Ids continue after the copied ones, and the chain goes on from its head.
        const auto created = copy.post(s("/secret-keys"),
                                       QJsonObject {{s("note"), s("after the move")}, {s("permissions"), QJsonArray {s("payments:read")}}},
                                       m_admin);
        QCOMPARE(created.status, 201);
        QCOMPARE(copy.get(s("/payments"), created.json().value(s("secret")).toString()).status, 200);
        const auto after = copy.get(s("/audit-events/chain?after_seq=%1&limit=10").arg(m_headSeq), m_admin).json();
        const QJsonArray events = after.value(s("data")).toArray();
        QVERIFY(!events.isEmpty());
        QList<QJsonObject> list;
        for (const QJsonValue &v : events)
            list.append(v.toObject());
        QVERIFY(keyward::AuditChain::verify(list, m_headHash).ok);
        QCOMPARE(copy.stop(), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_source.start(), m_source.output().constData());
        m_admin = m_source.createKey(AllPermissions, s("admin"));
        m_kept = m_source.createKey(s("payments:read"), s("kept"));
        m_revoked = m_source.createKey(s("payments:read"), s("revoked"));
        QVERIFY(!m_admin.isEmpty() && !m_kept.isEmpty() && !m_revoked.isEmpty());
        const auto me = m_source.get(s("/me"), m_revoked).json();
        const QString revokedId = me.value(s("key")).toObject().value(s("id")).toString();
        QCOMPARE(m_source.post(s("/secret-keys/%1/revoke").arg(revokedId), QJsonObject(), m_admin).status, 200);
        QCOMPARE(m_source.get(s("/payments"), m_revoked).status, 401);
        QCOMPARE(m_source.stop(), 0);
        QCOMPARE(TestServer::run({s("seed-audit"), s("--database"), m_source.databaseUrl(), s("--events"), s("3000"),
                                  s("--days"), s("30")}),
                 0);
        QVERIFY2(m_source.start(), m_source.output().constData());
        m_ids = keyIds(m_source, m_admin);
        QCOMPARE(m_ids.size(), 3);
        const auto head = m_source.get(s("/audit-events/head"), m_admin).json();
        m_headSeq = head.value(s("seq")).toInteger();
        m_headHash = head.value(s("hash")).toString();
        QVERIFY(m_headSeq > 3000);
        QCOMPARE(m_source.stop(), 0);
    }

    void copiesToSqliteAndKeepsWorking()
    {
        const QString target = s("sqlite:") + m_dir.filePath(s("copy.db"));
        QByteArray out;
        QByteArray err;
        QCOMPARE(copy(m_source.databaseUrl(), target, &out, &err), 0);
        QVERIFY2(out.contains("the audit chain verifies"), out.constData());
        QVERIFY2(out.contains(QByteArray::number(m_headSeq) + " events"), out.constData());
        checkCopy(target);
    }

    void copiesOnToPostgres()
    {
        if (!TestServer::usesPostgres())
            QSKIP("the PostgreSQL run copies to PostgreSQL");
        QString error;
        const QString target = TestServer::createPostgresDatabase(&error);
        QVERIFY2(!target.isEmpty(), qPrintable(error));
        QByteArray out;
        QByteArray err;
        // The SQLite copy was used by the previous case (one more key): copy the source again.
        const QString fresh = s("sqlite:") + m_dir.filePath(s("fresh.db"));
        QCOMPARE(copy(m_source.databaseUrl(), fresh, &out, &err), 0);
        QCOMPARE(copy(fresh, target, &out, &err), 0);
        QVERIFY2(out.contains("the audit chain verifies"), out.constData());
        QVERIFY2(!out.contains("password"), out.constData());
        checkCopy(target);
    }

    void refusesATargetThatIsNotEmpty()
    {
        // The source itself is not empty: copying onto it must change nothing.
        const QString target = s("sqlite:") + m_dir.filePath(s("busy.db"));
        QByteArray out;
        QByteArray err;
        QCOMPARE(copy(m_source.databaseUrl(), target, &out, &err), 0);
        const QByteArray before = QFile(m_dir.filePath(s("busy.db"))).exists() ? QByteArray("exists") : QByteArray();
        QCOMPARE(copy(m_source.databaseUrl(), target, &out, &err), 2);
        QVERIFY2(err.contains("copy into a new, empty database"), err.constData());
        QVERIFY(!before.isEmpty());
        TestServer check;
        QVERIFY(check.start({s("--database"), target}));
        QCOMPARE(keyIds(check, m_admin), m_ids); // not doubled
        QCOMPARE(check.get(s("/audit-events/head"), m_admin).json().value(s("seq")).toInteger(), m_headSeq);
    }

    void usageErrors()
    {
        QByteArray out;
        QByteArray err;
        QCOMPARE(TestServer::run({s("copy-database"), s("--database"), m_source.databaseUrl()}, &out, &err), 2);
        QVERIFY2(err.contains("--to"), err.constData());
        QCOMPARE(copy(m_source.databaseUrl(), s("mysql://nowhere/x"), &out, &err), 2);
        QVERIFY2(err.contains("unsupported database URL"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCopyDatabase)
#include "tst_copydatabase.moc"

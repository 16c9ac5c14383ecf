// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox child and the keyward command line: SandboxServer starts keyward-server with
// demo data and stops it; `keyward --sandbox` leaves no orphan server even when killed with
// SIGKILL; bad options exit with code 2.
#include "SandboxServer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace keyward;

namespace {
bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}
} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsAndStops()
    {
        QTemporaryDir dir;
        SandboxServer sandbox;
        sandbox.setServerBinary(qEnvironmentVariable("KEYWARD_SERVER_BINARY"));
        sandbox.setDatabasePath(dir.filePath(QStringLiteral("data/sandbox.db")));
        QSignalSpy ready(&sandbox, &SandboxServer::ready);
        QSignalSpy failed(&sandbox, &SandboxServer::failed);
        QVERIFY(ready.isValid() && failed.isValid());
        sandbox.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60'000);
        QCOMPARE(failed.count(), 0);
        const QUrl url = ready.at(0).at(0).toUrl();
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(url.port() > 0);

        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(url.resolved(QUrl(QStringLiteral("/health")))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10'000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("data/sandbox.db"))));

        const qint64 pid = sandbox.processId();
        QVERIFY(processAlive(pid));
        sandbox.stop(); // asynchronous: the UI never waits for it
        QTRY_VERIFY_WITH_TIMEOUT(!sandbox.isRunning(), 10'000);
        QTRY_VERIFY(!processAlive(pid));
    }

    void missingBinaryFailsClearly()
    {
        SandboxServer sandbox;
        QSignalSpy failed(&sandbox, &SandboxServer::failed);
        QVERIFY(failed.isValid());
        sandbox.setServerBinary(QString());
        sandbox.start();
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("keyward-server")));
        sandbox.setServerBinary(QStringLiteral("/nonexistent/keyward-server"));
        sandbox.start();
        QTRY_COMPARE(failed.count(), 2);
    }

    // `keyward --sandbox`, killed with SIGKILL, takes its server with it.
    void noOrphanServerAfterACrash()
    {
        QTemporaryDir home;
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("KEYWARD_BROWSER"), qEnvironmentVariable("KEYWARD_TEST_BROWSER"));
        env.insert(QStringLiteral("KEYWARD_TEST_BROWSER_ACTION"), QStringLiteral("ignore"));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::MergedChannels);
        app.start(qEnvironmentVariable("KEYWARD_APP_BINARY"), {QStringLiteral("--sandbox")});
        QVERIFY(app.waitForStarted(10'000));
        QByteArray output;
        const QRegularExpression ready(QStringLiteral("sandbox server ready at (\\S+) pid (\\d+)"));
        QRegularExpressionMatch match;
        QDeadlineTimer deadline(60'000);
        while (!deadline.hasExpired()) {
            app.waitForReadyRead(200);
            output += app.readAll();
            match = ready.match(QString::fromUtf8(output));
            if (match.hasMatch() && output.contains("waiting for the browser sign-in"))
                break;
        }
        QVERIFY2(match.hasMatch(), output.constData());
        const qint64 serverPid = match.captured(2).toLongLong();
        QVERIFY(processAlive(serverPid));
        ::kill(pid_t(app.processId()), SIGKILL);
        QVERIFY(app.waitForFinished(10'000));
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(serverPid), 10'000);
        QVERIFY(QFile::exists(home.filePath(QStringLiteral("data/Keyward/keyward/sandbox.db"))));
    }

    void commandLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("version") << QStringList {QStringLiteral("--version")} << 0 << QStringLiteral("keyward 0.");
        QTest::newRow("help") << QStringList {QStringLiteral("--help")} << 0 << QStringLiteral("--sandbox");
        QTest::newRow("unknown option") << QStringList {QStringLiteral("--frobnicate")} << 2
                                        << QStringLiteral("frobnicate");
        QTest::newRow("sandbox and api") << QStringList {QStringLiteral("--sandbox"), QStringLiteral("--api"),
                                                         QStringLiteral("https://api.example.com")}
                                         << 2 << QStringLiteral("--sandbox");
        QTest::newRow("unknown profile") << QStringList {QStringLiteral("--profile"), QStringLiteral("nope")} << 2
                                         << QStringLiteral("no profile named 'nope'");
        QTest::newRow("plain http elsewhere") << QStringList {QStringLiteral("--api"), QStringLiteral("http://example.com")}
                                              << 2 << QStringLiteral("https://");
    }

    void commandLine()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        QTemporaryDir home;
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::MergedChannels);
        app.start(qEnvironmentVariable("KEYWARD_APP_BINARY"), args);
        QVERIFY(app.waitForFinished(30'000));
        const QString output = QString::fromLocal8Bit(app.readAll());
        QCOMPARE(app.exitCode(), exitCode);
        QVERIFY2(output.contains(expected), qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// keyward-server's command line against the real binary: --help and --version, one-line errors
// for unknown options and commands and for databases that cannot be opened, init (idempotent,
// --key-format, --tier, --org-name), key create (one line on stdout, validation), serve
// (--listen parsing, the "listening" line, a clean exit on SIGTERM) and serve --demo.
#include "AuditEvent.h"
#include "KeyFormat.h"
#include "TestServer.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using keyward::AuditEvent;
using keyward::KeyFormat;

namespace {

struct CliResult
{
    int code = -1; // -1: crashed or timed out
    QByteArray out;
    QByteArray err;
};

CliResult cli(const QStringList &args, int timeoutMs = 20000)
{
    CliResult r;
    r.code = TestServer::run(args, &r.out, &r.err, timeoutMs);
    return r;
}

QByteArray describe(const CliResult &r)
{
    return "exit " + QByteArray::number(r.code) + "\nstdout: " + r.out + "\nstderr: " + r.err;
}

QString rfc3339In(qint64 seconds)
{
    return QDateTime::currentDateTimeUtc().addSecs(seconds).toString(Qt::ISODate);
}

std::optional<QDateTime> parseTime(const QJsonValue &v)
{
    if (!v.isString())
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t;
}

} // namespace

// A failed command: a normal, non-zero exit, nothing on stdout, and exactly one line on stderr
// that starts with "keyward-server: ".
#define VERIFY_ONE_LINE_FAILURE(r)                                                                                    \
    do {                                                                                                              \
        QVERIFY2((r).code > 0, describe(r).constData());                                                              \
        QVERIFY2((r).out.isEmpty(), describe(r).constData());                                                         \
        QVERIFY2((r).err.startsWith("keyward-server: "), describe(r).constData());                                    \
        QVERIFY2((r).err.endsWith('\n') && (r).err.count('\n') == 1, describe(r).constData());                        \
    } while (false)

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void help_data();
    void help();
    void noArgumentsIsAUsageError();
    void version_data();
    void version();
    void unknownOptionOrCommand_data();
    void unknownOptionOrCommand();
    void unusableDatabase_data();
    void unusableDatabase();

    void initIsIdempotentAndHonoursItsOptions();
    void initRejectsBadValues_data();
    void initRejectsBadValues();

    void keyCreatePrintsOnlyTheKey();
    void keyCreateRejects_data();
    void keyCreateRejects();

    void serveReportsItsRealPort();
    void serveKeepsStdoutToTheListeningLine();
    void serveRejectsBadListen_data();
    void serveRejectsBadListen();
    void serveReportsAPortInUse();
    void serveDemoFillsAnEmptyDatabase();
    void clientAddRegistersRedirects();
    void initKeepsTheDatabaseToItsOwner();

private:
    // A running server whose database the rejected `key create` calls target; it must stay at
    // exactly the one key created for listing.
    std::unique_ptr<TestServer> m_shared;
    QString m_sharedListKey;
};

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo(TestServer::binary()).isExecutable(), qPrintable(TestServer::binary()));
    m_shared = std::make_unique<TestServer>();
    QVERIFY(m_shared->start());
    m_sharedListKey = m_shared->createKey(QStringLiteral("secret_keys:read"), QStringLiteral("lists the keys"));
    QVERIFY(!m_sharedListKey.isEmpty());
}

void TestCli::cleanupTestCase()
{
    if (m_shared)
        QCOMPARE(m_shared->stop(), 0);
}

// ---------------------------------------------------------------------------------------------
// --help, --version, unknown input

void TestCli::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("--help") << QStringList {QStringLiteral("--help")};
    QTest::newRow("-h") << QStringList {QStringLiteral("-h")};
    QTest::newRow("help") << QStringList {QStringLiteral("help")};
    QTest::newRow("init --help") << QStringList {QStringLiteral("init"), QStringLiteral("--help")};
    QTest::newRow("key --help") << QStringList {QStringLiteral("key"), QStringLiteral("--help")};
    QTest::newRow("key create --help")
        << QStringList {QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--help")};
    QTest::newRow("serve -h") << QStringList {QStringLiteral("serve"), QStringLiteral("-h")};
}

void TestCli::help()
{
    QFETCH(QStringList, args);
    const CliResult r = cli(args);
    QVERIFY2(r.code == 0, describe(r).constData());
    QVERIFY2(r.err.isEmpty(), describe(r).constData());
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.startsWith(QLatin1String("Usage: keyward-server")), qPrintable(text));
    // Each command is listed at the start of its own line, with its options.
    for (const char *command : {"init", "key create", "serve"}) {
        const QRegularExpression line(QStringLiteral("^  %1  +\\S").arg(QLatin1String(command)),
                                      QRegularExpression::MultilineOption);
        QVERIFY2(line.match(text).hasMatch(), command);
    }
    QVERIFY(text.contains(QLatin1String("--database URL")));
    QVERIFY(text.contains(QLatin1String("--listen HOST:PORT")));
    QVERIFY(text.contains(QLatin1String("--permissions")));
    QVERIFY(text.contains(QLatin1String("--key-format odus|odin")));
}

void TestCli::noArgumentsIsAUsageError()
{
    const CliResult r = cli({});
    QVERIFY2(r.code > 0, describe(r).constData());
    QVERIFY2(r.out.isEmpty(), describe(r).constData()); // a usage error keeps stdout clean
    QVERIFY2(r.err.startsWith("Usage: keyward-server"), describe(r).constData());
}

void TestCli::version_data()
{
    QTest::addColumn<QString>("flag");
    QTest::newRow("--version") << QStringLiteral("--version");
    QTest::newRow("-v") << QStringLiteral("-v");
}

void TestCli::version()
{
    QFETCH(QString, flag);
    const CliResult r = cli({flag});
    QVERIFY2(r.code == 0, describe(r).constData());
    QVERIFY2(r.err.isEmpty(), describe(r).constData());
    const QRegularExpression re(QStringLiteral("^keyward-server \\d+\\.\\d+\\.\\d+\\n$"));
    QVERIFY2(re.match(QString::fromUtf8(r.out)).hasMatch(), r.out.constData());
}

void TestCli::unknownOptionOrCommand_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown top-level flag") << QStringList {QStringLiteral("--bogus")} << QStringLiteral("--bogus");
    QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")} << QStringLiteral("frobnicate");
    QTest::newRow("init: unknown flag") << QStringList {QStringLiteral("init"), QStringLiteral("--bogus")}
                                        << QStringLiteral("--bogus");
    QTest::newRow("init: option without value") << QStringList {QStringLiteral("init"), QStringLiteral("--database")}
                                                << QStringLiteral("--database");
    QTest::newRow("serve: unknown flag")
        << QStringList {QStringLiteral("serve"), QStringLiteral("--bogus"), QStringLiteral("x")}
        << QStringLiteral("--bogus");
    QTest::newRow("serve: positional argument")
        << QStringList {QStringLiteral("serve"), QStringLiteral("127.0.0.1:0")} << QStringLiteral("127.0.0.1:0");
    QTest::newRow("key create: unknown flag")
        << QStringList {QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--bogus"), QStringLiteral("1")}
        << QStringLiteral("--bogus");
    QTest::newRow("unknown key subcommand") << QStringList {QStringLiteral("key"), QStringLiteral("delete")}
                                            << QStringLiteral("delete");
    QTest::newRow("key without subcommand") << QStringList {QStringLiteral("key")} << QStringLiteral("key create");
    QTest::newRow("value on a flag")
        << QStringList {QStringLiteral("serve"), QStringLiteral("--demo=yes")} << QStringLiteral("--demo");
}

void TestCli::unknownOptionOrCommand()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const CliResult r = cli(args);
    VERIFY_ONE_LINE_FAILURE(r);
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), describe(r).constData());
}

void TestCli::unusableDatabase_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    const QString forbidden = QStringLiteral("sqlite:/proc/forbidden/x.db");
    QTest::newRow("init") << QStringList {QStringLiteral("init"), QStringLiteral("--database"), forbidden}
                          << QStringLiteral("/proc/forbidden");
    QTest::newRow("key create") << QStringList {QStringLiteral("key"), QStringLiteral("create"),
                                                QStringLiteral("--database"), forbidden,
                                                QStringLiteral("--note"), QStringLiteral("n"),
                                                QStringLiteral("--permissions"), QStringLiteral("payments:read")}
                                << QStringLiteral("/proc/forbidden");
    QTest::newRow("serve") << QStringList {QStringLiteral("serve"), QStringLiteral("--listen"),
                                           QStringLiteral("127.0.0.1:0"), QStringLiteral("--database"), forbidden}
                           << QStringLiteral("/proc/forbidden");
    QTest::newRow("a directory") << QStringList {QStringLiteral("init"), QStringLiteral("--database"),
                                                 QStringLiteral("sqlite:/proc")}
                                 << QStringLiteral("/proc");
    QTest::newRow("unsupported scheme") << QStringList {QStringLiteral("init"), QStringLiteral("--database"),
                                                        QStringLiteral("mysql://db.example/keys")}
                                        << QStringLiteral("mysql://db.example/keys");
    QTest::newRow("no path") << QStringList {QStringLiteral("init"), QStringLiteral("--database"),
                                             QStringLiteral("sqlite:")}
                             << QStringLiteral("sqlite:PATH");
}

void TestCli::unusableDatabase()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const CliResult r = cli(args);
    VERIFY_ONE_LINE_FAILURE(r);
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), describe(r).constData());
}

// ---------------------------------------------------------------------------------------------
// init

void TestCli::initIsIdempotentAndHonoursItsOptions()
{
    TestServer server; // its database, started only at the end
    const QString db = server.databaseUrl();
    const QStringList init {QStringLiteral("init"), QStringLiteral("--database"), db,
                            QStringLiteral("--key-format"), QStringLiteral("odin"),
                            QStringLiteral("--tier"), QStringLiteral("pro"),
                            QStringLiteral("--org-name"), QStringLiteral("Globex CLI Test")};
    const CliResult first = cli(init);
    QVERIFY2(first.code == 0, describe(first).constData());
    QVERIFY2(first.err.isEmpty(), describe(first).constData());

    const QString key = server.createKey(QStringLiteral("payments:read"), QStringLiteral("before re-init"));
    QVERIFY2(key.startsWith(QLatin1String("odin_sk_")), qPrintable(key));
    QVERIFY2(QRegularExpression(QStringLiteral("^odin_sk_[0-9A-Za-z]{49}$")).match(key).hasMatch(), qPrintable(key));
    QVERIFY(KeyFormat::isWellFormedSecret(key));

    // Twice more: with the same options, then with none (which must not reset anything).
    const CliResult second = cli(init);
    QVERIFY2(second.code == 0, describe(second).constData());
    QVERIFY2(second.err.isEmpty(), describe(second).constData());
    const CliResult third = cli({QStringLiteral("init"), QStringLiteral("--database"), db});
    QVERIFY2(third.code == 0, describe(third).constData());
    QVERIFY2(third.err.isEmpty(), describe(third).constData());

    QVERIFY(server.start());
    // The key made before the re-runs still authenticates: init kept the server's secrets.
    const TestServer::Response me = server.get(QStringLiteral("/me"), key);
    QCOMPARE(me.status, 200);
    const QJsonObject org = me.json().value(QStringLiteral("organization")).toObject();
    QCOMPARE(org.value(QStringLiteral("tier")).toString(), QStringLiteral("pro"));
    QCOMPARE(org.value(QStringLiteral("name")).toString(), QStringLiteral("Globex CLI Test"));
    QCOMPARE(org.value(QStringLiteral("key_format")).toString(), QStringLiteral("odin"));
    // A key created while the server runs has the odin format too.
    const QString later = server.createKey(QStringLiteral("payments:read"), QStringLiteral("after re-init"));
    QVERIFY2(later.startsWith(QLatin1String("odin_sk_")), qPrintable(later));
    QCOMPARE(server.get(QStringLiteral("/me"), later).status, 200);
    QCOMPARE(server.stop(), 0);
}

void TestCli::initRejectsBadValues_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("tier") << QStringList {QStringLiteral("--tier"), QStringLiteral("gold")} << QStringLiteral("--tier");
    QTest::newRow("key format") << QStringList {QStringLiteral("--key-format"), QStringLiteral("uuid")}
                                << QStringLiteral("--key-format");
    QTest::newRow("empty org name") << QStringList {QStringLiteral("--org-name"), QString()} << QStringLiteral("--org-name");
    QTest::newRow("blank org name") << QStringList {QStringLiteral("--org-name"), QStringLiteral("  ")}
                                    << QStringLiteral("--org-name");
}

void TestCli::initRejectsBadValues()
{
    QFETCH(QStringList, options);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("k.db"));
    const CliResult r = cli(QStringList {QStringLiteral("init"), QStringLiteral("--database"), db} + options);
    VERIFY_ONE_LINE_FAILURE(r);
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), describe(r).constData());
}

// ---------------------------------------------------------------------------------------------
// key create

void TestCli::keyCreatePrintsOnlyTheKey()
{
    TestServer server;
    const CliResult r = cli({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--database"),
                             server.databaseUrl(), QStringLiteral("--note"), QStringLiteral("ci deploys"),
                             QStringLiteral("--permissions"), QStringLiteral("payments:read")});
    QVERIFY2(r.code == 0, describe(r).constData());
    QVERIFY2(r.err.isEmpty(), describe(r).constData());
    QVERIFY2(r.out.endsWith('\n') && r.out.count('\n') == 1, describe(r).constData());
    const QString key = QString::fromLatin1(r.out.chopped(1));
    QVERIFY2(QRegularExpression(QStringLiteral("^skey_[0-9A-Za-z]{49}$")).match(key).hasMatch(), qPrintable(key));
    QVERIFY(KeyFormat::isWellFormedSecret(key));

    const QString expiresAt = rfc3339In(3 * 24 * 3600);
    const CliResult withExpiry = cli({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--database"),
                                      server.databaseUrl(), QStringLiteral("--note"), QStringLiteral("contractor"),
                                      QStringLiteral("--permissions"), QStringLiteral("payments:read,audit_log:read"),
                                      QStringLiteral("--expires-at"), expiresAt});
    QVERIFY2(withExpiry.code == 0, describe(withExpiry).constData());
    QVERIFY2(withExpiry.err.isEmpty(), describe(withExpiry).constData());
    QVERIFY2(withExpiry.out.count('\n') == 1, describe(withExpiry).constData());
    const QString expiring = QString::fromLatin1(withExpiry.out.trimmed());
    QVERIFY(KeyFormat::isWellFormedSecret(expiring));
    QVERIFY(expiring != key);

    // The printed keys are the real ones, with what was asked for.
    QVERIFY(server.start());
    const TestServer::Response me = server.get(QStringLiteral("/me"), key);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json().value(QStringLiteral("key")).toObject().value(QStringLiteral("note")).toString(),
             QStringLiteral("ci deploys"));
    QCOMPARE(me.json().value(QStringLiteral("permissions")).toArray(), QJsonArray {QStringLiteral("payments:read")});
    QVERIFY(me.json().value(QStringLiteral("key")).toObject().value(QStringLiteral("expires_at")).isNull());
    const TestServer::Response me2 = server.get(QStringLiteral("/me"), expiring);
    QCOMPARE(me2.status, 200);
    const auto expiry = parseTime(me2.json().value(QStringLiteral("key")).toObject().value(QStringLiteral("expires_at")));
    QVERIFY(expiry);
    QCOMPARE(expiry->toSecsSinceEpoch(), QDateTime::fromString(expiresAt, Qt::ISODate).toSecsSinceEpoch());
    QCOMPARE(me2.json().value(QStringLiteral("permissions")).toArray(),
             (QJsonArray {QStringLiteral("audit_log:read"), QStringLiteral("payments:read")}));
    QCOMPARE(server.stop(), 0);
}

void TestCli::keyCreateRejects_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("mentions");
    const QString perms = QStringLiteral("--permissions");
    const QString note = QStringLiteral("--note");
    const QString readPayments = QStringLiteral("payments:read");
    QTest::newRow("empty note") << QStringList {note, QString(), perms, readPayments} << note;
    QTest::newRow("blank note") << QStringList {note, QStringLiteral("   "), perms, readPayments} << note;
    QTest::newRow("no note") << QStringList {perms, readPayments} << note;
    QTest::newRow("note without value") << QStringList {perms, readPayments, note} << note;
    QTest::newRow("unknown resource") << QStringList {note, QStringLiteral("x"), perms, QStringLiteral("nosuch:read")}
                                      << perms;
    QTest::newRow("unknown access") << QStringList {note, QStringLiteral("x"), perms, QStringLiteral("payments:admin")}
                                    << perms;
    QTest::newRow("no access level") << QStringList {note, QStringLiteral("x"), perms, QStringLiteral("payments")}
                                     << perms;
    QTest::newRow("semicolon list")
        << QStringList {note, QStringLiteral("x"), perms, QStringLiteral("payments:read;audit_log:read")} << perms;
    QTest::newRow("JSON array") << QStringList {note, QStringLiteral("x"), perms, QStringLiteral("[\"payments:read\"]")}
                                << perms;
    QTest::newRow("empty permissions") << QStringList {note, QStringLiteral("x"), perms, QString()} << perms;
    QTest::newRow("only commas") << QStringList {note, QStringLiteral("x"), perms, QStringLiteral(",,")} << perms;
    QTest::newRow("trailing comma") << QStringList {note, QStringLiteral("x"), perms, QStringLiteral("payments:read,")}
                                    << perms;
    QTest::newRow("empty entry") << QStringList {note, QStringLiteral("x"), perms,
                                                 QStringLiteral("payments:read,,audit_log:read")} << perms;
    QTest::newRow("no permissions") << QStringList {note, QStringLiteral("x")} << perms;
    QTest::newRow("past expiry") << QStringList {note, QStringLiteral("x"), perms, readPayments,
                                                 QStringLiteral("--expires-at"), rfc3339In(-3600)}
                                 << QStringLiteral("--expires-at");
    QTest::newRow("malformed expiry") << QStringList {note, QStringLiteral("x"), perms, readPayments,
                                                      QStringLiteral("--expires-at"), QStringLiteral("tomorrow")}
                                      << QStringLiteral("--expires-at");
}

void TestCli::keyCreateRejects()
{
    QFETCH(QStringList, options);
    QFETCH(QString, mentions);
    const CliResult r = cli(QStringList {QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--database"),
                                         m_shared->databaseUrl()}
                            + options);
    VERIFY_ONE_LINE_FAILURE(r);
    const QString line = QString::fromUtf8(r.err).trimmed();
    QVERIFY2(line.contains(mentions), qPrintable(line));
    // A sentence, not a bare code: several words after the prefix.
    QVERIFY2(line.mid(int(qstrlen("keyward-server: "))).split(QLatin1Char(' '), Qt::SkipEmptyParts).size() >= 3,
             qPrintable(line));

    // Nothing was created: the database still holds only the listing key.
    const TestServer::Response list = m_shared->get(QStringLiteral("/secret-keys?limit=100"), m_sharedListKey);
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json().value(QStringLiteral("data")).toArray().size(), 1);
}

// ---------------------------------------------------------------------------------------------
// serve

void TestCli::serveReportsItsRealPort()
{
    TestServer server;
    QVERIFY(server.start());
    const QByteArray firstLine = server.output().split('\n').value(0);
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^keyward-server listening on http://127\\.0\\.0\\.1:(\\d+)$"))
            .match(QString::fromUtf8(firstLine));
    QVERIFY2(m.hasMatch(), firstLine.constData());
    const uint port = m.captured(1).toUInt();
    QVERIFY(port > 0 && port <= 65535);
    QCOMPARE(port, uint(server.port()));
    // Something answers HTTP on that port, and it is this server.
    const TestServer::Response health = server.get(QStringLiteral("/health"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(server.stop(), 0); // SIGTERM is a clean stop
}

void TestCli::serveKeepsStdoutToTheListeningLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess p;
    p.start(TestServer::binary(), {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                   QStringLiteral("--database"),
                                   QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("k.db"))});
    QVERIFY(p.waitForStarted(10000));
    QByteArray out;
    QDeadlineTimer deadline(20000);
    while (!out.contains('\n') && !deadline.hasExpired() && p.state() == QProcess::Running) {
        p.waitForReadyRead(100);
        out += p.readAllStandardOutput();
    }
    QVERIFY2(QRegularExpression(QStringLiteral("^keyward-server listening on http://127\\.0\\.0\\.1:[1-9]\\d*\\n$"))
                 .match(QString::fromUtf8(out))
                 .hasMatch(),
             out.constData());
    p.terminate();
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    out += p.readAllStandardOutput();
    QCOMPARE(out.count('\n'), 1); // nothing else ever goes to stdout
}

void TestCli::serveRejectsBadListen_data()
{
    QTest::addColumn<QString>("listen");
    QTest::newRow("nonsense") << QStringLiteral("nonsense");
    QTest::newRow("no port") << QStringLiteral("127.0.0.1");
    QTest::newRow("no host") << QStringLiteral(":8787");
    QTest::newRow("port too large") << QStringLiteral("127.0.0.1:65536");
    QTest::newRow("negative port") << QStringLiteral("127.0.0.1:-1");
    QTest::newRow("named port") << QStringLiteral("127.0.0.1:http");
    QTest::newRow("bad address") << QStringLiteral("999.1.1.1:8787");
    QTest::newRow("empty") << QString();
}

void TestCli::serveRejectsBadListen()
{
    QFETCH(QString, listen);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Bounded: a server that wrongly started would be killed after 15 s and fail the check.
    const CliResult r = cli({QStringLiteral("serve"), QStringLiteral("--listen"), listen, QStringLiteral("--database"),
                             QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("k.db"))},
                            15000);
    VERIFY_ONE_LINE_FAILURE(r);
    QVERIFY2(r.err.contains("--listen"), describe(r).constData());
}

void TestCli::serveReportsAPortInUse()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const CliResult r = cli({QStringLiteral("serve"), QStringLiteral("--listen"),
                             QStringLiteral("127.0.0.1:%1").arg(occupant.serverPort()), QStringLiteral("--database"),
                             QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("k.db"))},
                            15000);
    VERIFY_ONE_LINE_FAILURE(r);
    QVERIFY2(r.err.contains(QByteArray::number(occupant.serverPort())), describe(r).constData());
}

void TestCli::serveDemoFillsAnEmptyDatabase()
{
    QElapsedTimer timer;
    timer.start();
    TestServer server;
    QVERIFY(server.start({QStringLiteral("--demo")}));
    const QString key = server.createKey(QStringLiteral("secret_keys:read,audit_log:read"), QStringLiteral("demo check"));
    QVERIFY(!key.isEmpty());
    const TestServer::Response me = server.get(QStringLiteral("/me"), key);
    QCOMPARE(me.status, 200);
    const QString ownId = me.json().value(QStringLiteral("id")).toString();
    QVERIFY(!ownId.isEmpty());

    // Keys, paged 100 at a time.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSet<QString> ids;
    QHash<QString, int> byStatus;
    int expiringWithin14Days = 0;
    int neverUsed = 0;
    int usedInTheLastHour = 0;
    QString cursor;
    for (int page = 0;; ++page) {
        QVERIFY2(page < 20, "the key listing does not end");
        QString path = QStringLiteral("/secret-keys?limit=100");
        if (!cursor.isEmpty())
            path += QStringLiteral("&starting_after=") + cursor;
        const TestServer::Response r = server.get(path, key);
        QCOMPARE(r.status, 200);
        const QJsonObject body = r.json();
        const QJsonArray data = body.value(QStringLiteral("data")).toArray();
        QVERIFY(data.size() <= 100);
        for (const QJsonValue &v : data) {
            const QJsonObject k = v.toObject();
            const QString id = k.value(QStringLiteral("id")).toString();
            QVERIFY2(!ids.contains(id), qPrintable(id)); // pages do not overlap
            ids.insert(id);
            if (id == ownId)
                continue;
            ++byStatus[k.value(QStringLiteral("status")).toString()];
            if (const auto expires = parseTime(k.value(QStringLiteral("expires_at")))) {
                if (*expires > now && *expires <= now.addDays(14))
                    ++expiringWithin14Days;
            }
            const QJsonValue lastUsed = k.value(QStringLiteral("last_used_at"));
            if (lastUsed.isNull()) {
                ++neverUsed;
            } else {
                const auto t = parseTime(lastUsed);
                QVERIFY2(t, qPrintable(lastUsed.toString()));
                if (*t >= now.addSecs(-3600) && *t <= now.addSecs(60))
                    ++usedInTheLastHour;
            }
        }
        if (!body.value(QStringLiteral("has_more")).toBool())
            break;
        cursor = body.value(QStringLiteral("next_cursor")).toString();
        QVERIFY(!cursor.isEmpty());
    }
    const int demoKeys = int(ids.size()) - 1;
    QVERIFY2(demoKeys >= 40, qPrintable(QString::number(demoKeys)));
    for (const char *status : {"active", "expired", "revoked"})
        QVERIFY2(byStatus.value(QLatin1String(status)) > 0, status);
    QVERIFY(expiringWithin14Days > 0);
    QVERIFY(neverUsed > 0);
    QVERIFY(usedInTheLastHour > 0);

    // Audit events, newest first, 500 at a time.
    qint64 events = 0;
    qint64 newestSeq = 0;
    qint64 previousSeq = std::numeric_limits<qint64>::max();
    QSet<QString> deniedIps;
    cursor.clear();
    for (int page = 0;; ++page) {
        QVERIFY2(page < 200, "the audit listing does not end");
        QString path = QStringLiteral("/audit-events?limit=500");
        if (!cursor.isEmpty())
            path += QStringLiteral("&starting_after=") + cursor;
        const TestServer::Response r = server.get(path, key);
        QCOMPARE(r.status, 200);
        const QJsonObject body = r.json();
        const QJsonArray data = body.value(QStringLiteral("data")).toArray();
        QVERIFY(data.size() <= 500);
        for (const QJsonValue &v : data) {
            const QJsonObject e = v.toObject();
            const qint64 seq = AuditEvent::seqFromId(e.value(QStringLiteral("id")).toString());
            QVERIFY2(seq > 0 && seq < previousSeq, qPrintable(e.value(QStringLiteral("id")).toString()));
            if (!newestSeq)
                newestSeq = seq;
            previousSeq = seq;
            ++events;
            if (e.value(QStringLiteral("action")).toString() == QLatin1String("auth.denied")
                && e.value(QStringLiteral("ip")).isString())
                deniedIps.insert(e.value(QStringLiteral("ip")).toString());
        }
        if (!body.value(QStringLiteral("has_more")).toBool())
            break;
        cursor = body.value(QStringLiteral("next_cursor")).toString();
        QVERIFY(!cursor.isEmpty());
    }
    QVERIFY2(events >= 20000, qPrintable(QString::number(events)));
    QCOMPARE(events, newestSeq); // every event from 1 to the newest, none skipped
    QVERIFY2(deniedIps.size() >= 3, qPrintable(QStringList(deniedIps.values()).join(QLatin1Char(' '))));
    QCOMPARE(server.stop(), 0);
    qInfo("serve --demo: %d keys, %lld audit events checked in %lld ms", demoKeys, events, timer.elapsed());
}

void TestCli::clientAddRegistersRedirects()
{
    TestServer server;
    QVERIFY(server.start());
    const QString db = server.databaseUrl();
    auto run = [&](const QStringList &args, QByteArray *err = nullptr) {
        return TestServer::run(QStringList(args) << QStringLiteral("--database") << db, nullptr, err);
    };
    QCOMPARE(run({QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("--client-id"), QStringLiteral("ci-portal"),
                  QStringLiteral("--name"), QStringLiteral("CI portal"), QStringLiteral("--redirect-uri"),
                  QStringLiteral("https://ci.example.com/oauth/callback")}),
             0);
    QByteArray err;
    QVERIFY(run({QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("--client-id"), QStringLiteral("ci-portal"),
                 QStringLiteral("--name"), QStringLiteral("again"), QStringLiteral("--loopback")}, &err) != 0);
    QVERIFY(err.contains("already exists"));
    // A loopback client has no registered redirect URIs (the column is NOT NULL: this was a database error).
    QCOMPARE(run({QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("--client-id"), QStringLiteral("cli-tool"),
                  QStringLiteral("--name"), QStringLiteral("CLI tool"), QStringLiteral("--loopback")}),
             0);
    QVERIFY(run({QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("--client-id"), QStringLiteral("plain"),
                 QStringLiteral("--name"), QStringLiteral("Plain http"), QStringLiteral("--redirect-uri"),
                 QStringLiteral("http://ci.example.com/cb")}) != 0);
    QVERIFY(run({QStringLiteral("client"), QStringLiteral("add"), QStringLiteral("--client-id"), QStringLiteral("both"),
                 QStringLiteral("--name"), QStringLiteral("Both"), QStringLiteral("--loopback"), QStringLiteral("--redirect-uri"),
                 QStringLiteral("https://x.example.com/cb")}) != 0);
    const QString challenge = QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    auto authorize = [&](const QString &redirect) {
        return server.get(QStringLiteral("/oauth/authorize?response_type=code&client_id=ci-portal&state=s&code_challenge=%1"
                                         "&code_challenge_method=S256&redirect_uri=%2")
                              .arg(challenge, QString::fromLatin1(QUrl::toPercentEncoding(redirect))));
    };
    const auto registered = authorize(QStringLiteral("https://ci.example.com/oauth/callback"));
    QCOMPARE(registered.status, 200);
    QVERIFY(registered.body.contains("CI portal"));
    QCOMPARE(authorize(QStringLiteral("https://ci.example.com/other")).status, 400);
    QCOMPARE(authorize(QStringLiteral("http://127.0.0.1:4000/cb")).status, 400); // not a loopback client
    QCOMPARE(server.stop(), 0);
}

void TestCli::initKeepsTheDatabaseToItsOwner()
{
    // The database holds the pepper and the signing keys: a new folder and file are the owner's only.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("state"));
    const QString path = folder + QStringLiteral("/keyward.db");
    QCOMPARE(TestServer::run({QStringLiteral("init"), QStringLiteral("--database"), QStringLiteral("sqlite:") + path}), 0);
    const auto owner = QFile::ReadOwner | QFile::WriteOwner;
    const auto others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther
                        | QFile::ExeOther;
    QCOMPARE(QFile::permissions(path) & (owner | others), owner);
    QCOMPARE(QFile::permissions(folder) & others, QFileDevice::Permissions());
    QVERIFY(QFileInfo(path).size() > 0); // a real database, not the empty file it started as
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

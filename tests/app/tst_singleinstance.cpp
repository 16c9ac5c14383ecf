// SPDX-License-Identifier: GPL-3.0-or-later
// SingleInstance: the same key in two objects (the second hands over, the first is asked for its
// window, with the launch's activation token); different keys are both primary; a socket left by
// a crash is taken over; a silent instance is reported, not waited for forever; a request that is
// not a launch's is dropped; the primary follows its window to another profile; the profile keys.
// Then the real app: `keyward --api http://127.0.0.1:1` twice (the second hands over and exits 0,
// the first keeps running), after a SIGKILL (the next launch takes the stale socket over), and
// two launches at the same moment (exactly one window).
#include "SingleInstance.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDevice>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <memory>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

using namespace keyward;
using Role = SingleInstance::Role;

namespace {

QString uniqueKey()
{
    return QStringLiteral("test:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// The app under test, in its own home, config, data and runtime folders, offscreen, with no
// session bus (the keychain then fails at once instead of waiting), in English.
class AppHome
{
public:
    AppHome()
    {
        for (const char *sub : {"config", "data", "cache", "run"})
            QDir(m_dir.path()).mkpath(QString::fromLatin1(sub));
        QFile::setPermissions(path("run"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    QString path(const char *sub) const { return QDir(m_dir.path()).filePath(QString::fromLatin1(sub)); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path("config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path("data"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), path("cache"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), path("run"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        env.remove(QStringLiteral("XDG_ACTIVATION_TOKEN"));
        return env;
    }

    std::unique_ptr<QProcess> start(const QStringList &arguments) const
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment());
        process->start(QStringLiteral(KEYWARD_BINARY), arguments);
        return process;
    }

    // The socket path the app computes, from its HOME and XDG_RUNTIME_DIR.
    QString socketPath(const QString &key) const
    {
        const QByteArray home = qgetenv("HOME");
        const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
        qputenv("HOME", m_dir.path().toUtf8());
        qputenv("XDG_RUNTIME_DIR", path("run").toUtf8());
        const QString name = SingleInstance::serverName(key);
        qputenv("HOME", home);
        if (runtime.isNull())
            qunsetenv("XDG_RUNTIME_DIR");
        else
            qputenv("XDG_RUNTIME_DIR", runtime);
        return name;
    }

private:
    QTemporaryDir m_dir;
};

bool listening(const QString &name)
{
    QLocalSocket probe;
    probe.connectToServer(name);
    const bool connected = probe.waitForConnected(1000);
    probe.abort();
    return connected;
}

const QByteArray HandOverMessage = "already running with this profile";

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        QFile::setPermissions(m_runtime.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
        qunsetenv("XDG_ACTIVATION_TOKEN");
    }

    void sameKeyHandsOver()
    {
        const QString key = uniqueKey();
        SingleInstance first;
        QSignalSpy asked(&first, &SingleInstance::activationRequested);
        QVERIFY(asked.isValid());
        QCOMPARE(first.claim(key), Role::Primary);
        QVERIFY(first.isListening());
        QCOMPARE(first.key(), key);

        qputenv("XDG_ACTIVATION_TOKEN", "launch-token-1");
        SingleInstance second;
        QCOMPARE(second.claim(key), Role::Secondary);
        qunsetenv("XDG_ACTIVATION_TOKEN");
        QVERIFY(!second.isListening());
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.at(0).at(0).toString(), QStringLiteral("launch-token-1"));

        // The first goes on answering later launches; one without a token sends none.
        SingleInstance third;
        QCOMPARE(third.claim(key), Role::Secondary);
        QCOMPARE(asked.count(), 2);
        QCOMPARE(asked.at(1).at(0).toString(), QString());
        QVERIFY(first.isListening());
    }

    void differentKeysAreBothPrimary()
    {
        SingleInstance a;
        SingleInstance b;
        QSignalSpy askedA(&a, &SingleInstance::activationRequested);
        QCOMPARE(a.claim(uniqueKey()), Role::Primary);
        QCOMPARE(b.claim(uniqueKey()), Role::Primary);
        QVERIFY(a.isListening() && b.isListening());
        QVERIFY(SingleInstance::serverName(a.key()) != SingleInstance::serverName(b.key()));
        QCOMPARE(askedA.count(), 0);
    }

    void namesArePerUserAndPerKey()
    {
        const QString key = uniqueKey();
        const QString name = SingleInstance::serverName(key);
        QCOMPARE(SingleInstance::serverName(key), name);
        QVERIFY(name.startsWith(m_runtime.path() + QStringLiteral("/keyward-")));
        QVERIFY(!name.contains(key)); // hashed, the profile does not show
        const QByteArray home = qgetenv("HOME");
        qputenv("HOME", "/home/someone-else");
        const QString otherUser = SingleInstance::serverName(key);
        qputenv("HOME", home);
        QVERIFY(otherUser != name);
        QVERIFY(name.size() < 100); // fits sockaddr_un
    }

    void releasedWhenDestroyed()
    {
        const QString key = uniqueKey();
        {
            SingleInstance first;
            QCOMPARE(first.claim(key), Role::Primary);
            QVERIFY(QFile::exists(SingleInstance::serverName(key)));
        }
        QVERIFY(!QFile::exists(SingleInstance::serverName(key)));
        SingleInstance next;
        QCOMPARE(next.claim(key), Role::Primary);
    }

#ifdef Q_OS_UNIX
    // A crashed instance leaves its socket file behind: connecting is refused, so it is replaced.
    void staleSocketIsTakenOver()
    {
        const QString key = uniqueKey();
        const QByteArray path = QFile::encodeName(SingleInstance::serverName(key));
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        QVERIFY(size_t(path.size()) < sizeof address.sun_path);
        std::copy(path.begin(), path.end(), address.sun_path);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        ::close(fd); // bound, never listened: what a killed process leaves
        QVERIFY(QFile::exists(QString::fromLocal8Bit(path)));
        QVERIFY(!listening(QString::fromLocal8Bit(path)));

        SingleInstance instance;
        QCOMPARE(instance.claim(key), Role::Primary);
        QVERIFY(instance.isListening());
        SingleInstance later;
        QCOMPARE(later.claim(key), Role::Secondary);
    }
#endif

    // Something listens but never answers (a hung instance): the launch says so within the timeout.
    void silentInstanceIsReported()
    {
        const QString key = uniqueKey();
        QLocalServer hung;
        QVERIFY(hung.listen(SingleInstance::serverName(key)));
        SingleInstance launch;
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(launch.claim(key, 300), Role::Unanswered);
        QVERIFY(clock.elapsed() < 5000);
        QVERIFY(!launch.isListening());
    }

    void foreignRequestIsDropped()
    {
        const QString key = uniqueKey();
        SingleInstance instance;
        QSignalSpy asked(&instance, &SingleInstance::activationRequested);
        QCOMPARE(instance.claim(key), Role::Primary);
        for (const QByteArray &request : {QByteArray("hello\n"), QByteArray("{\"keyward\":2,\"request\":\"activate\"}\n"),
                                          QByteArray("{\"keyward\":1,\"request\":\"quit\"}\n")}) {
            QLocalSocket client;
            client.connectToServer(SingleInstance::serverName(key));
            QVERIFY(client.waitForConnected(2000));
            client.write(request);
            client.flush();
            QTRY_COMPARE(client.state(), QLocalSocket::UnconnectedState); // dropped without an answer
            QCOMPARE(client.readAll(), QByteArray());
        }
        QCOMPARE(asked.count(), 0);
        SingleInstance launch; // and a real launch is still answered
        QCOMPARE(launch.claim(key), Role::Secondary);
        QCOMPARE(asked.count(), 1);
    }

    // The window switches profile: launches for the old one open a window of their own, launches
    // for the new one come here; a profile another window has stays with that window.
    void followsTheWindowsProfile()
    {
        const QString before = uniqueKey();
        const QString after = uniqueKey();
        SingleInstance window;
        QSignalSpy asked(&window, &SingleInstance::activationRequested);
        QCOMPARE(window.claim(before), Role::Primary);
        QVERIFY(window.follow(after));
        QCOMPARE(window.key(), after);
        QVERIFY(window.follow(after)); // no change
        SingleInstance forBefore;
        QCOMPARE(forBefore.claim(before), Role::Primary);
        SingleInstance forAfter;
        QCOMPARE(forAfter.claim(after), Role::Secondary);
        QCOMPARE(asked.count(), 1);

        QVERIFY(!window.follow(before)); // forBefore has it
        QVERIFY(!window.isListening());
        QVERIFY(forBefore.isListening());
        QCOMPARE(asked.count(), 1); // the probe asked for nothing
    }

    void profileKeys()
    {
        Profile saved;
        saved.id = QStringLiteral("0b6c0f1e");
        saved.name = QStringLiteral("Production");
        saved.apiUrl = QUrl(QStringLiteral("https://api.example.com"));
        saved.issuerUrl = saved.apiUrl;
        Profile renamed = saved;
        renamed.name = QStringLiteral("Prod");
        QCOMPARE(SingleInstance::keyFor(saved), SingleInstance::keyFor(renamed));
        Profile other = saved;
        other.id = QStringLiteral("7d1e2a90");
        QVERIFY(SingleInstance::keyFor(saved) != SingleInstance::keyFor(other));

        Profile sandbox;
        sandbox.id = QStringLiteral("sandbox");
        sandbox.transient = true;
        sandbox.apiUrl = QUrl(QStringLiteral("http://127.0.0.1:40123"));
        QCOMPARE(SingleInstance::keyFor(sandbox), SingleInstance::sandboxKey());

        Profile oneOff;
        oneOff.transient = true;
        oneOff.id = QStringLiteral("transient:127.0.0.1:8787");
        oneOff.apiUrl = QUrl(QStringLiteral("http://127.0.0.1:8787"));
        oneOff.issuerUrl = oneOff.apiUrl;
        Profile otherIssuer = oneOff;
        otherIssuer.issuerUrl = QUrl(QStringLiteral("https://login.example.com"));
        QVERIFY(SingleInstance::keyFor(oneOff) != SingleInstance::keyFor(otherIssuer));
        QVERIFY(SingleInstance::keyFor(oneOff) != SingleInstance::sandboxKey());
        QVERIFY(SingleInstance::keyFor(oneOff) != SingleInstance::keyFor(saved));
        QVERIFY(SingleInstance::keyFor(std::nullopt) != SingleInstance::keyFor(saved));
    }

    // The real app, launched twice for the same one-off profile (no server there: it shows its
    // sign-in page and stays).
    void secondLaunchHandsOverAndExits()
    {
        AppHome home;
        const QStringList args {QStringLiteral("--api"), QStringLiteral("http://127.0.0.1:1")};
        Profile oneOff;
        oneOff.transient = true;
        oneOff.apiUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        oneOff.issuerUrl = oneOff.apiUrl;
        const QString socket = home.socketPath(SingleInstance::keyFor(oneOff));

        auto first = home.start(args);
        QVERIFY(first->waitForStarted(10'000));
        QTRY_VERIFY_WITH_TIMEOUT(listening(socket), 20'000);

        QElapsedTimer clock;
        clock.start();
        auto second = home.start(args);
        QVERIFY(second->waitForFinished(15'000));
        const qint64 handOverMs = clock.elapsed();
        const QByteArray said = second->readAllStandardOutput();
        QCOMPARE(second->exitStatus(), QProcess::NormalExit);
        QCOMPARE(second->exitCode(), 0);
        QVERIFY2(said.contains(HandOverMessage), said.constData());
        QVERIFY2(handOverMs < 5000, qPrintable(QString::number(handOverMs)));
        QCOMPARE(first->state(), QProcess::Running);
        qInfo("the second launch handed over in %lld ms", handOverMs);

        // Killed: its socket stays behind, refusing connections; the next launch takes over.
        first->kill();
        QVERIFY(first->waitForFinished(10'000));
        QVERIFY(QFile::exists(socket));
        QVERIFY(!listening(socket));
        auto third = home.start(args);
        QVERIFY(third->waitForStarted(10'000));
        QTRY_VERIFY_WITH_TIMEOUT(listening(socket), 20'000);
        QCOMPARE(third->state(), QProcess::Running);
        auto fourth = home.start(args);
        QVERIFY(fourth->waitForFinished(15'000));
        QCOMPARE(fourth->exitCode(), 0);
        QVERIFY(fourth->readAllStandardOutput().contains(HandOverMessage));
        QCOMPARE(third->state(), QProcess::Running);

        // A launch for another profile opens its own window.
        auto other = home.start({QStringLiteral("--api"), QStringLiteral("http://127.0.0.1:2")});
        QVERIFY(other->waitForStarted(10'000));
        oneOff.apiUrl = QUrl(QStringLiteral("http://127.0.0.1:2"));
        oneOff.issuerUrl = oneOff.apiUrl;
        QTRY_VERIFY_WITH_TIMEOUT(listening(home.socketPath(SingleInstance::keyFor(oneOff))), 20'000);
        QCOMPARE(other->state(), QProcess::Running);

        for (QProcess *p : {third.get(), other.get()}) {
            p->terminate();
            QVERIFY(p->waitForFinished(10'000));
        }
    }

    // Two launches at the same moment: one window, the other hands over to it.
    void simultaneousLaunchesOpenOneWindow()
    {
        AppHome home;
        const QStringList args {QStringLiteral("--api"), QStringLiteral("http://127.0.0.1:1")};
        auto a = home.start(args);
        auto b = home.start(args);
        QVERIFY(a->waitForStarted(10'000));
        QVERIFY(b->waitForStarted(10'000));
        QTRY_VERIFY_WITH_TIMEOUT(a->state() == QProcess::NotRunning || b->state() == QProcess::NotRunning, 20'000);
        QProcess *ended = a->state() == QProcess::NotRunning ? a.get() : b.get();
        QProcess *running = ended == a.get() ? b.get() : a.get();
        QCOMPARE(ended->exitStatus(), QProcess::NormalExit);
        QCOMPARE(ended->exitCode(), 0);
        QVERIFY(ended->readAllStandardOutput().contains(HandOverMessage));
        QCOMPARE(running->state(), QProcess::Running);
        running->terminate();
        QVERIFY(running->waitForFinished(10'000));
    }

private:
    QTemporaryDir m_runtime;
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"

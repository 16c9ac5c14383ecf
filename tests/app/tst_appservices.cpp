// SPDX-License-Identifier: GPL-3.0-or-later
// The small services of the desktop app that need no server: profiles and their store, the
// command line, PKCE, and the loopback receiver of the browser sign-in.
#include "AppOptions.h"
#include "LoopbackReceiver.h"
#include "Pkce.h"
#include "Profile.h"
#include "ProfileStore.h"

#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <optional>

using keyward::AppOptions;
using keyward::LoopbackReceiver;
using keyward::Pkce;
using keyward::Profile;
using keyward::ProfileStore;

Q_DECLARE_METATYPE(AppOptions::Outcome)
Q_DECLARE_METATYPE(keyward::Profile)

namespace {

Profile makeProfile(const QString &name, const QString &api = QStringLiteral("https://api.example.com/v1"),
    const QString &issuer = QStringLiteral("https://id.example.com"))
{
    Profile p;
    p.id = QStringLiteral("id-") + name; // as the store keeps it, so saved and loaded compare equal
    p.name = name;
    p.apiUrl = QUrl(api);
    p.issuerUrl = QUrl(issuer);
    return p;
}

QStringList names(const QList<Profile> &profiles)
{
    QStringList list;
    for (const Profile &p : profiles)
        list.append(p.name);
    return list;
}

// Writes `request` to 127.0.0.1:port and returns everything that comes back until the peer
// closes (or the time is up). Runs the event loop, so a receiver in this thread can answer.
QByteArray exchange(quint16 port, const QByteArray &request, int timeoutMs = 5000)
{
    QTcpSocket socket;
    QByteArray answer;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&socket, &request] { socket.write(request); });
    QObject::connect(
        &socket, &QTcpSocket::readyRead, &loop, [&socket, &answer] { answer += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, [&socket, &loop] {
        if (socket.state() == QAbstractSocket::UnconnectedState)
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    socket.connectToHost(QHostAddress::LocalHost, port);
    loop.exec();
    answer += socket.readAll();
    return answer;
}

int statusOf(const QByteArray &response)
{
    // "HTTP/1.1 200 OK"
    const QList<QByteArray> parts = response.left(response.indexOf("\r\n")).split(' ');
    return parts.size() >= 2 && parts.at(0).startsWith("HTTP/1.") ? parts.at(1).toInt() : 0;
}

QByteArray headerOf(const QByteArray &response, const QByteArray &name)
{
    const QList<QByteArray> lines = response.left(response.indexOf("\r\n\r\n")).split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QByteArray bodyOf(const QByteArray &response)
{
    const qsizetype end = response.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : response.mid(end + 4);
}

} // namespace

class TestAppServices : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // Profile
    void profileValidate_data();
    void profileValidate();

    // ProfileStore
    void storeStartsEmpty();
    void saveLoadRoundTrip();
    void savedProfilesSortedByName();
    void renameViaPreviousName();
    void renameKeepsCurrent();
    void duplicateNameRefused();
    void saveRefusesInvalid_data();
    void saveRefusesInvalid();
    void removeProfile();
    void removeCurrentFallsBack();
    void removeFallbackCurrent();
    void setCurrentPersisted();
    void transientNotWritten();
    void savingTransientMakesItPermanent();
    void storeSignals();

    // AppOptions
    void optionsExit_data();
    void optionsExit();
    void optionsDefaults();
    void optionsOneOff_data();
    void optionsOneOff();
    void optionsSandbox();
    void optionsProfileAndSignIn();
    void optionsLanguage_data();
    void optionsLanguage();

    // Pkce
    void pkceRfc7636Vector();
    void pkceGenerate();
    void pkceRandomToken_data();
    void pkceRandomToken();

    // LoopbackReceiver
    void receiverListens();
    void receiverCallbackSuccess();
    void receiverCallbackFailure();
    void receiverIgnores_data();
    void receiverIgnores();
    void receiverWithoutHandler();
    void receiverOversizedRequest();
    void receiverEscapesHtml();
    void receiverThroughNetworkAccessManager();
    void receiverClose();

private:
    std::unique_ptr<ProfileStore> newStore();
    QString settingsPath() const { return m_dir->filePath(QStringLiteral("keyward.ini")); }
    QByteArray settingsFileContents();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void TestAppServices::initTestCase()
{
    QCoreApplication::setApplicationVersion(QStringLiteral("1.4.2-test"));
}

void TestAppServices::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
}

void TestAppServices::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<ProfileStore> TestAppServices::newStore()
{
    return std::make_unique<ProfileStore>(m_settings.get());
}

QByteArray TestAppServices::settingsFileContents()
{
    m_settings->sync();
    QFile file(settingsPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// ---------------------------------------------------------------------------------------------

void TestAppServices::profileValidate_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("api");
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("problem"); // a fragment of the sentence; empty: valid

    const QString https = QStringLiteral("https://api.example.com");
    const QString id = QStringLiteral("keyward-desktop");
    QTest::newRow("https ok") << QStringLiteral("Prod") << https << QStringLiteral("https://id.example.com")
                              << id << QString();
    QTest::newRow("https with port and path")
        << QStringLiteral("Prod") << QStringLiteral("https://api.example.com:8443/v1") << https << id
        << QString();
    QTest::newRow("http on 127.0.0.1") << QStringLiteral("Local") << QStringLiteral("http://127.0.0.1:8080")
                                       << QStringLiteral("http://127.0.0.1:8080") << id << QString();
    QTest::newRow("http on localhost") << QStringLiteral("Local") << QStringLiteral("http://localhost:8080")
                                       << QStringLiteral("http://localhost:8080") << id << QString();
    QTest::newRow("http on ::1") << QStringLiteral("Local") << QStringLiteral("http://[::1]:8080")
                                 << QStringLiteral("http://[::1]:8080") << id << QString();
    QTest::newRow("missing name") << QString() << https << https << id
                                  << QStringLiteral("Give the profile a name.");
    QTest::newRow("blank name") << QStringLiteral("   ") << https << https << id
                                << QStringLiteral("Give the profile a name.");
    QTest::newRow("long name") << QString(81, QLatin1Char('n')) << https << https << id
                               << QStringLiteral("80 characters");
    QTest::newRow("80 characters ok") << QString(80, QLatin1Char('n')) << https << https << id << QString();
    QTest::newRow("ftp api") << QStringLiteral("P") << QStringLiteral("ftp://api.example.com") << https << id
                             << QStringLiteral("The API URL must be an http:// or https:// address.");
    QTest::newRow("api without host")
        << QStringLiteral("P") << QStringLiteral("https://") << https << id
        << QStringLiteral("The API URL must be an http:// or https:// address.");
    QTest::newRow("empty api") << QStringLiteral("P") << QString() << https << id
                               << QStringLiteral("The API URL must be an http:// or https:// address.");
    QTest::newRow("ftp issuer") << QStringLiteral("P") << https << QStringLiteral("ftp://id.example.com")
                                << id
                                << QStringLiteral("The issuer URL must be an http:// or https:// address.");
    QTest::newRow("plain http api elsewhere")
        << QStringLiteral("P") << QStringLiteral("http://api.example.com") << https << id
        << QStringLiteral("Use https:// for the API URL");
    QTest::newRow("plain http api on the LAN")
        << QStringLiteral("P") << QStringLiteral("http://192.168.1.20:8080") << https << id
        << QStringLiteral("Use https:// for the API URL");
    QTest::newRow("loopback lookalike")
        << QStringLiteral("P") << QStringLiteral("http://127.0.0.1.example.com") << https << id
        << QStringLiteral("Use https:// for the API URL");
    QTest::newRow("plain http issuer elsewhere")
        << QStringLiteral("P") << https << QStringLiteral("http://id.example.com") << id
        << QStringLiteral("Use https:// for the issuer URL");
    QTest::newRow("empty client id") << QStringLiteral("P") << https << https << QString()
                                     << QStringLiteral("client id");
}

void TestAppServices::profileValidate()
{
    QFETCH(QString, name);
    QFETCH(QString, api);
    QFETCH(QString, issuer);
    QFETCH(QString, clientId);
    QFETCH(QString, problem);
    Profile p = makeProfile(name, api, issuer);
    p.clientId = clientId;
    const QString result = p.validate();
    if (problem.isEmpty()) {
        QVERIFY2(result.isEmpty(), qPrintable(result));
        QVERIFY(p.isValid());
    } else {
        QVERIFY2(result.contains(problem), qPrintable(result));
        QVERIFY2(result.endsWith(QLatin1Char('.')), qPrintable(result));
        QVERIFY(!p.isValid());
    }
}

// ---------------------------------------------------------------------------------------------

void TestAppServices::storeStartsEmpty()
{
    auto store = newStore();
    QVERIFY(store->profiles().isEmpty());
    QVERIFY(!store->current());
    QVERIFY(!store->profile(QStringLiteral("Prod")));
    QVERIFY(!store->setCurrent(QStringLiteral("Prod")));
}

void TestAppServices::saveLoadRoundTrip()
{
    Profile p
        = makeProfile(QStringLiteral("Prod / EU \\ main"), QStringLiteral("https://api.example.com:8443/v1"),
            QStringLiteral("https://login.example.com/realms/ops"));
    p.clientId = QStringLiteral("console-eu");
    p.scopes = QStringLiteral("keys audit");
    {
        auto store = newStore();
        QCOMPARE(store->save(p), QString());
        QVERIFY(store->profile(p.name) == p);
    }
    // A new run: new settings object, new store, same file.
    m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    auto store = newStore();
    QCOMPARE(int(store->profiles().size()), 1);
    const std::optional<Profile> loaded = store->profile(p.name);
    QVERIFY(loaded);
    QCOMPARE(loaded->name, p.name);
    QCOMPARE(loaded->apiUrl, p.apiUrl);
    QCOMPARE(loaded->issuerUrl, p.issuerUrl);
    QCOMPARE(loaded->clientId, p.clientId);
    QCOMPARE(loaded->scopes, p.scopes);
    QVERIFY(!loaded->transient);
    QCOMPARE(*loaded, p);
    // No secret goes to the settings: only what the profile holds.
    QVERIFY(!settingsFileContents().toLower().contains("token"));
}

void TestAppServices::savedProfilesSortedByName()
{
    auto store = newStore();
    for (const QString &name : { QStringLiteral("staging"), QStringLiteral("Prod"), QStringLiteral("dev") })
        QCOMPARE(store->save(makeProfile(name)), QString());
    const QStringList got = names(store->profiles());
    QStringList sorted = got;
    std::sort(sorted.begin(), sorted.end(),
        [](const QString &a, const QString &b) { return QString::localeAwareCompare(a, b) < 0; });
    QCOMPARE(got, sorted);
    QCOMPARE(int(got.size()), 3);
}

void TestAppServices::renameViaPreviousName()
{
    auto store = newStore();
    QCOMPARE(store->save(makeProfile(QStringLiteral("Old"))), QString());
    Profile renamed = makeProfile(QStringLiteral("New"), QStringLiteral("https://api2.example.com"));
    QCOMPARE(store->save(renamed, QStringLiteral("Old")), QString());
    QCOMPARE(names(store->profiles()), QStringList { QStringLiteral("New") });
    QVERIFY(!store->profile(QStringLiteral("Old")));
    QCOMPARE(store->profile(QStringLiteral("New"))->apiUrl, QUrl(QStringLiteral("https://api2.example.com")));
    // Editing in place (same name as before) is not a duplicate.
    renamed.scopes = QStringLiteral("keys admin");
    QCOMPARE(store->save(renamed, QStringLiteral("New")), QString());
    QCOMPARE(store->profile(QStringLiteral("New"))->scopes, QStringLiteral("keys admin"));
    QCOMPARE(int(store->profiles().size()), 1);
    // And it survives a restart.
    m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    QCOMPARE(names(newStore()->profiles()), QStringList { QStringLiteral("New") });
}

void TestAppServices::renameKeepsCurrent()
{
    auto store = newStore();
    QCOMPARE(store->save(makeProfile(QStringLiteral("A"))), QString());
    QCOMPARE(store->save(makeProfile(QStringLiteral("B"))), QString());
    QVERIFY(store->setCurrent(QStringLiteral("B")));
    QSignalSpy current(store.get(), &ProfileStore::currentChanged);
    QVERIFY(current.isValid());
    QCOMPARE(store->save(makeProfile(QStringLiteral("C")), QStringLiteral("B")), QString());
    QCOMPARE(store->current()->name, QStringLiteral("C"));
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.constFirst().constFirst().toString(), QStringLiteral("C"));
    m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    QCOMPARE(newStore()->current()->name, QStringLiteral("C"));
}

void TestAppServices::duplicateNameRefused()
{
    auto store = newStore();
    const Profile first = makeProfile(QStringLiteral("Prod"));
    QCOMPARE(store->save(first), QString());
    QCOMPARE(store->save(makeProfile(QStringLiteral("Staging"))), QString());
    QSignalSpy changed(store.get(), &ProfileStore::profilesChanged);
    QVERIFY(changed.isValid());

    const QString problem
        = store->save(makeProfile(QStringLiteral("Prod"), QStringLiteral("https://other.example.com")));
    QVERIFY2(problem.contains(QStringLiteral("already exists")), qPrintable(problem));
    QVERIFY(problem.contains(QStringLiteral("Prod")));
    // Renaming onto an existing name is refused too, and leaves both alone.
    const QString renameProblem = store->save(makeProfile(QStringLiteral("Prod")), QStringLiteral("Staging"));
    QVERIFY2(renameProblem.contains(QStringLiteral("already exists")), qPrintable(renameProblem));
    QVERIFY(store->profile(QStringLiteral("Prod")) == first);
    QVERIFY(store->profile(QStringLiteral("Staging")));
    QCOMPARE(int(store->profiles().size()), 2);
    QCOMPARE(changed.count(), 0);
}

void TestAppServices::saveRefusesInvalid_data()
{
    QTest::addColumn<Profile>("profile");
    QTest::addColumn<QString>("problem");
    QTest::newRow("missing name") << makeProfile(QString()) << QStringLiteral("Give the profile a name.");
    QTest::newRow("non-http URL") << makeProfile(QStringLiteral("P"), QStringLiteral("file:///etc/passwd"))
                                  << QStringLiteral("The API URL must be an http:// or https:// address.");
    QTest::newRow("plain http elsewhere")
        << makeProfile(QStringLiteral("P"), QStringLiteral("http://api.example.com"))
        << QStringLiteral("Use https:// for the API URL");
}

void TestAppServices::saveRefusesInvalid()
{
    QFETCH(Profile, profile);
    QFETCH(QString, problem);
    auto store = newStore();
    QSignalSpy changed(store.get(), &ProfileStore::profilesChanged);
    QVERIFY(changed.isValid());
    const QString result = store->save(profile);
    QVERIFY2(result.contains(problem), qPrintable(result));
    QCOMPARE(result, profile.validate());
    QVERIFY(store->profiles().isEmpty());
    QCOMPARE(changed.count(), 0);
    QVERIFY(!settingsFileContents().contains("apiUrl"));
}

void TestAppServices::removeProfile()
{
    auto store = newStore();
    QCOMPARE(store->save(makeProfile(QStringLiteral("A"))), QString());
    QCOMPARE(store->save(makeProfile(QStringLiteral("B"))), QString());
    QVERIFY(store->setCurrent(QStringLiteral("A")));
    QSignalSpy changed(store.get(), &ProfileStore::profilesChanged);
    QSignalSpy current(store.get(), &ProfileStore::currentChanged);
    QVERIFY(changed.isValid());
    QVERIFY(current.isValid());
    store->remove(QStringLiteral("B"));
    QCOMPARE(names(store->profiles()), QStringList { QStringLiteral("A") });
    QCOMPARE(changed.count(), 1);
    QCOMPARE(current.count(), 0); // B was not the current one
    QCOMPARE(store->current()->name, QStringLiteral("A"));
    m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    QCOMPARE(names(newStore()->profiles()), QStringList { QStringLiteral("A") });
}

void TestAppServices::removeCurrentFallsBack()
{
    auto store = newStore();
    QCOMPARE(store->save(makeProfile(QStringLiteral("A"))), QString());
    QCOMPARE(store->save(makeProfile(QStringLiteral("B"))), QString());
    QVERIFY(store->setCurrent(QStringLiteral("B")));
    QSignalSpy current(store.get(), &ProfileStore::currentChanged);
    QVERIFY(current.isValid());
    store->remove(QStringLiteral("B"));
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.constFirst().constFirst().toString(), QStringLiteral("A"));
    QCOMPARE(store->current()->name, QStringLiteral("A"));
    QVERIFY(!settingsFileContents().contains("currentProfile"));

    store->remove(QStringLiteral("A"));
    QCOMPARE(current.count(), 2);
    QCOMPARE(current.at(1).constFirst().toString(), QString());
    QVERIFY(!store->current());
    QVERIFY(store->profiles().isEmpty());
}

void TestAppServices::removeFallbackCurrent()
{
    // Nothing chosen: the first profile is the active one, and removing it changes the active one.
    auto store = newStore();
    QCOMPARE(store->save(makeProfile(QStringLiteral("A"))), QString());
    QCOMPARE(store->save(makeProfile(QStringLiteral("B"))), QString());
    QCOMPARE(store->current()->name, QStringLiteral("A"));
    QSignalSpy current(store.get(), &ProfileStore::currentChanged);
    QVERIFY(current.isValid());
    store->remove(QStringLiteral("A"));
    QCOMPARE(store->current()->name, QStringLiteral("B"));
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.constFirst().constFirst().toString(), QStringLiteral("B"));
}

void TestAppServices::setCurrentPersisted()
{
    {
        auto store = newStore();
        QCOMPARE(store->save(makeProfile(QStringLiteral("A"))), QString());
        QCOMPARE(store->save(makeProfile(QStringLiteral("B"))), QString());
        QCOMPARE(store->current()->name, QStringLiteral("A")); // nothing chosen: the first
        QVERIFY(store->setCurrent(QStringLiteral("B")));
        QVERIFY(!store->setCurrent(QStringLiteral("missing")));
        QCOMPARE(store->current()->name, QStringLiteral("B"));
    }
    // Same settings, new store.
    QCOMPARE(newStore()->current()->name, QStringLiteral("B"));
    // And after a restart (the settings object is written when it goes away).
    m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    QCOMPARE(newStore()->current()->name, QStringLiteral("B"));
}

void TestAppServices::transientNotWritten()
{
    auto store = newStore();
    QCOMPARE(store->save(makeProfile(QStringLiteral("Saved"))), QString());
    QVERIFY(store->setCurrent(QStringLiteral("Saved")));

    Profile oneOff = makeProfile(QStringLiteral("127.0.0.1:9443"), QStringLiteral("http://127.0.0.1:9443"),
        QStringLiteral("http://127.0.0.1:9443"));
    QVERIFY(!oneOff.transient);
    QSignalSpy changed(store.get(), &ProfileStore::profilesChanged);
    QSignalSpy current(store.get(), &ProfileStore::currentChanged);
    QVERIFY(changed.isValid());
    QVERIFY(current.isValid());
    store->setTransient(oneOff);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.constFirst().constFirst().toString(), oneOff.name);

    QCOMPARE(store->current()->name, oneOff.name);
    QVERIFY(store->current()->transient);
    QCOMPARE(
        names(store->profiles()), (QStringList { QStringLiteral("Saved"), oneOff.name })); // transient last
    QVERIFY(store->profile(oneOff.name)->transient);

    // Switching away and back does not remember the transient one either.
    QVERIFY(store->setCurrent(QStringLiteral("Saved")));
    QVERIFY(store->setCurrent(oneOff.name));
    const QByteArray file = settingsFileContents();
    QVERIFY2(!file.contains("9443"), file.constData());
    QVERIFY(file.contains("currentProfile=Saved"));

    m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    auto next = newStore();
    QCOMPARE(names(next->profiles()), QStringList { QStringLiteral("Saved") });
    QCOMPARE(next->current()->name, QStringLiteral("Saved"));
}

void TestAppServices::savingTransientMakesItPermanent()
{
    auto store = newStore();
    const Profile oneOff = makeProfile(QStringLiteral("cli"), QStringLiteral("https://api.example.com"));
    store->setTransient(oneOff);
    Profile kept = oneOff;
    kept.transient = false;
    QCOMPARE(store->save(kept), QString()); // not a duplicate of itself
    QCOMPARE(int(store->profiles().size()), 1);
    QVERIFY(!store->profile(QStringLiteral("cli"))->transient);
    m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    QCOMPARE(names(newStore()->profiles()), QStringList { QStringLiteral("cli") });
}

void TestAppServices::storeSignals()
{
    auto store = newStore();
    QSignalSpy changed(store.get(), &ProfileStore::profilesChanged);
    QSignalSpy current(store.get(), &ProfileStore::currentChanged);
    QVERIFY(changed.isValid());
    QVERIFY(current.isValid());

    QCOMPARE(store->save(makeProfile(QStringLiteral("A"))), QString());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(store->save(makeProfile(QStringLiteral("B"))), QString());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(current.count(), 0);

    QVERIFY(store->setCurrent(QStringLiteral("B")));
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.at(0).constFirst().toString(), QStringLiteral("B"));
    QVERIFY(store->setCurrent(QStringLiteral("B"))); // no change, no signal
    QCOMPARE(current.count(), 1);
    QVERIFY(!store->setCurrent(QStringLiteral("nope")));
    QCOMPARE(current.count(), 1);

    store->remove(QStringLiteral("A"));
    QCOMPARE(changed.count(), 3);
    QCOMPARE(current.count(), 1);
}

// ---------------------------------------------------------------------------------------------

void TestAppServices::optionsExit_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<AppOptions::Outcome>("outcome");
    QTest::addColumn<QStringList>("messageContains");

    const auto args = [](std::initializer_list<QString> rest) {
        QStringList list { QStringLiteral("keyward") };
        for (const QString &a : rest)
            list.append(a);
        return list;
    };
    using O = AppOptions::Outcome;
    QTest::newRow("--help") << args({ QStringLiteral("--help") }) << O::ExitSuccess
                            << QStringList { QStringLiteral("--sandbox"), QStringLiteral("--api"),
                                   QStringLiteral("--lang") };
    QTest::newRow("-h") << args({ QStringLiteral("-h") }) << O::ExitSuccess
                        << QStringList { QStringLiteral("--profile") };
    QTest::newRow("--version") << args({ QStringLiteral("--version") }) << O::ExitSuccess
                               << QStringList { QStringLiteral("keyward 1.4.2-test") };
    QTest::newRow("unknown option") << args({ QStringLiteral("--frobnicate") }) << O::ExitUsage
                                    << QStringList { QStringLiteral("frobnicate"), QStringLiteral("--help") };
    QTest::newRow("positional argument")
        << args({ QStringLiteral("prod") }) << O::ExitUsage
        << QStringList { QStringLiteral("unexpected argument 'prod'"), QStringLiteral("--help") };
    QTest::newRow("--sandbox with --api") << args(
        { QStringLiteral("--sandbox"), QStringLiteral("--api"), QStringLiteral("https://api.example.com") })
                                          << O::ExitUsage
                                          << QStringList { QStringLiteral("--sandbox cannot be combined") };
    QTest::newRow("--sandbox with --profile")
        << args({ QStringLiteral("--sandbox"), QStringLiteral("--profile"), QStringLiteral("Prod") })
        << O::ExitUsage << QStringList { QStringLiteral("--sandbox cannot be combined") };
    QTest::newRow("--profile with --api")
        << args({ QStringLiteral("--profile"), QStringLiteral("Prod"), QStringLiteral("--api"),
               QStringLiteral("https://api.example.com") })
        << O::ExitUsage << QStringList { QStringLiteral("--profile cannot be combined") };
    QTest::newRow("--issuer without --api")
        << args({ QStringLiteral("--issuer"), QStringLiteral("https://id.example.com") }) << O::ExitUsage
        << QStringList { QStringLiteral("need --api") };
    QTest::newRow("--client-id without --api")
        << args({ QStringLiteral("--client-id"), QStringLiteral("x") }) << O::ExitUsage
        << QStringList { QStringLiteral("need --api") };
    QTest::newRow("bad URL") << args({ QStringLiteral("--api"), QStringLiteral("not a url") }) << O::ExitUsage
                             << QStringList { QStringLiteral("http:// or https://") };
    QTest::newRow("bad scheme") << args({ QStringLiteral("--api"), QStringLiteral("ftp://api.example.com") })
                                << O::ExitUsage << QStringList { QStringLiteral("http:// or https://") };
    QTest::newRow("http to non-loopback")
        << args({ QStringLiteral("--api"), QStringLiteral("http://api.example.com") }) << O::ExitUsage
        << QStringList { QStringLiteral("Use https://") };
    QTest::newRow("http issuer to non-loopback")
        << args({ QStringLiteral("--api"), QStringLiteral("https://api.example.com"),
               QStringLiteral("--issuer"), QStringLiteral("http://id.example.com") })
        << O::ExitUsage << QStringList { QStringLiteral("issuer URL") };
    QTest::newRow("--lang without value")
        << args({ QStringLiteral("--lang") }) << O::ExitUsage << QStringList { QStringLiteral("lang") };
    QTest::newRow("unknown language")
        << args({ QStringLiteral("--lang"), QStringLiteral("zz") }) << O::ExitUsage
        << QStringList { QStringLiteral("unknown language 'zz'") };
}

void TestAppServices::optionsExit()
{
    QFETCH(QStringList, args);
    QFETCH(AppOptions::Outcome, outcome);
    QFETCH(QStringList, messageContains);
    AppOptions options;
    options.profileName = QStringLiteral("untouched");
    QString message;
    QCOMPARE(AppOptions::parse(args, &options, &message), outcome);
    for (const QString &fragment : std::as_const(messageContains))
        QVERIFY2(message.contains(fragment), qPrintable(message));
    if (outcome == AppOptions::Outcome::ExitUsage)
        QVERIFY2(message.startsWith(QStringLiteral("keyward: ")), qPrintable(message));
    // Nothing is half-applied when the program is about to exit.
    QCOMPARE(options.profileName, QStringLiteral("untouched"));
    QVERIFY(!options.oneOff);
}

void TestAppServices::optionsDefaults()
{
    AppOptions options;
    QString message;
    QCOMPARE(AppOptions::parse({ QStringLiteral("keyward") }, &options, &message), AppOptions::Outcome::Run);
    QVERIFY(!options.sandbox);
    QVERIFY(!options.signIn);
    QVERIFY(options.profileName.isEmpty());
    QVERIFY(!options.oneOff);
    QVERIFY(options.language.isEmpty());
}

void TestAppServices::optionsOneOff_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QUrl>("api");
    QTest::addColumn<QUrl>("issuer");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("scopes");

    QTest::newRow("--api alone") << QStringList { QStringLiteral("keyward"), QStringLiteral("--api"),
        QStringLiteral("https://api.example.com/v1") }
                                 << QStringLiteral("api.example.com")
                                 << QUrl(QStringLiteral("https://api.example.com/v1"))
                                 << QUrl(QStringLiteral("https://api.example.com/v1"))
                                 << QStringLiteral("keyward-desktop") << QStringLiteral("keys");
    QTest::newRow("--api with port") << QStringList { QStringLiteral("keyward"),
        QStringLiteral("--api=http://127.0.0.1:8080") }
                                     << QStringLiteral("127.0.0.1:8080")
                                     << QUrl(QStringLiteral("http://127.0.0.1:8080"))
                                     << QUrl(QStringLiteral("http://127.0.0.1:8080"))
                                     << QStringLiteral("keyward-desktop") << QStringLiteral("keys");
    QTest::newRow("everything") << QStringList { QStringLiteral("keyward"), QStringLiteral("--api"),
        QStringLiteral("https://api.example.com"), QStringLiteral("--issuer"),
        QStringLiteral("https://login.example.com/realms/ops"), QStringLiteral("--client-id"),
        QStringLiteral("console"), QStringLiteral("--scopes"), QStringLiteral("keys audit") }
                                << QStringLiteral("api.example.com")
                                << QUrl(QStringLiteral("https://api.example.com"))
                                << QUrl(QStringLiteral("https://login.example.com/realms/ops"))
                                << QStringLiteral("console") << QStringLiteral("keys audit");
}

void TestAppServices::optionsOneOff()
{
    QFETCH(QStringList, args);
    QFETCH(QString, name);
    QFETCH(QUrl, api);
    QFETCH(QUrl, issuer);
    QFETCH(QString, clientId);
    QFETCH(QString, scopes);
    AppOptions options;
    QString message;
    QCOMPARE(AppOptions::parse(args, &options, &message), AppOptions::Outcome::Run);
    QVERIFY(options.oneOff);
    const Profile &p = *options.oneOff;
    QCOMPARE(p.name, name);
    QCOMPARE(p.apiUrl, api);
    QCOMPARE(p.issuerUrl, issuer);
    QCOMPARE(p.clientId, clientId);
    QCOMPARE(p.scopes, scopes);
    QVERIFY(p.transient);
    QVERIFY(p.isValid());
    QVERIFY(!options.sandbox);
    QVERIFY(!options.signIn);
}

void TestAppServices::optionsSandbox()
{
    AppOptions options;
    QString message;
    QCOMPARE(
        AppOptions::parse({ QStringLiteral("keyward"), QStringLiteral("--sandbox") }, &options, &message),
        AppOptions::Outcome::Run);
    QVERIFY(options.sandbox);
    QVERIFY(options.signIn); // the sandbox signs in by itself
    QVERIFY(!options.oneOff);
    QVERIFY(options.profileName.isEmpty());
}

void TestAppServices::optionsProfileAndSignIn()
{
    AppOptions options;
    QString message;
    QCOMPARE(AppOptions::parse({ QStringLiteral("keyward"), QStringLiteral("--profile"),
                                   QStringLiteral("Prod / EU"), QStringLiteral("--sign-in") },
                 &options, &message),
        AppOptions::Outcome::Run);
    QCOMPARE(options.profileName, QStringLiteral("Prod / EU"));
    QVERIFY(options.signIn);
    QVERIFY(!options.sandbox);
    QVERIFY(!options.oneOff);
}

void TestAppServices::optionsLanguage_data()
{
    QTest::addColumn<QString>("lang");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("fr") << QStringLiteral("fr");
    QTest::newRow("pt_BR") << QStringLiteral("pt_BR");
}

void TestAppServices::optionsLanguage()
{
    QFETCH(QString, lang);
    AppOptions options;
    QString message;
    QCOMPARE(
        AppOptions::parse({ QStringLiteral("keyward"), QStringLiteral("--lang"), lang }, &options, &message),
        AppOptions::Outcome::Run);
    QCOMPARE(options.language, lang);
}

// ---------------------------------------------------------------------------------------------

void TestAppServices::pkceRfc7636Vector()
{
    // RFC 7636, appendix B (also: printf %s VERIFIER | openssl dgst -sha256 -binary | base64url).
    QCOMPARE(Pkce::challengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
        QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    // The verifier is hashed as it is, not decoded first.
    QCOMPARE(Pkce::challengeFor("abc"), QByteArray("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0"));
}

void TestAppServices::pkceGenerate()
{
    const QRegularExpression base64url(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
    const Pkce a = Pkce::generate();
    const Pkce b = Pkce::generate();
    for (const Pkce &p : { a, b }) {
        QCOMPARE(int(p.verifier.size()), 43);
        QVERIFY2(base64url.match(QString::fromLatin1(p.verifier)).hasMatch(), p.verifier.constData());
        QVERIFY2(base64url.match(QString::fromLatin1(p.challenge)).hasMatch(), p.challenge.constData());
        QCOMPARE(p.challenge, Pkce::challengeFor(p.verifier));
        // 32 random bytes behind the 43 characters.
        QCOMPARE(int(QByteArray::fromBase64(p.verifier, QByteArray::Base64UrlEncoding).size()), 32);
    }
    QVERIFY(a.verifier != b.verifier);
    QVERIFY(a.challenge != b.challenge);
}

void TestAppServices::pkceRandomToken_data()
{
    QTest::addColumn<int>("bytes");
    QTest::addColumn<int>("length");
    QTest::newRow("1") << 1 << 2;
    QTest::newRow("3") << 3 << 4;
    QTest::newRow("5") << 5 << 7;
    QTest::newRow("16") << 16 << 22;
    QTest::newRow("32") << 32 << 43;
}

void TestAppServices::pkceRandomToken()
{
    QFETCH(int, bytes);
    QFETCH(int, length);
    const QRegularExpression base64url(QStringLiteral("^[A-Za-z0-9_-]+$"));
    QSet<QByteArray> seen;
    for (int i = 0; i < 50; ++i) {
        const QByteArray token = Pkce::randomToken(bytes);
        QCOMPARE(int(token.size()), length);
        QVERIFY2(base64url.match(QString::fromLatin1(token)).hasMatch(), token.constData());
        QCOMPARE(int(QByteArray::fromBase64(token, QByteArray::Base64UrlEncoding).size()), bytes);
        seen.insert(token);
    }
    // Random, including the bytes past the last whole 32-bit word (one byte has only 256 values).
    QVERIFY2(int(seen.size()) >= (bytes == 1 ? 20 : 50), qPrintable(QString::number(seen.size())));
}

// ---------------------------------------------------------------------------------------------

void TestAppServices::receiverListens()
{
    LoopbackReceiver receiver;
    QVERIFY(!receiver.isListening());
    QVERIFY2(receiver.listen(), qPrintable(receiver.errorString()));
    QVERIFY(receiver.isListening());
    QVERIFY(receiver.listen()); // twice is fine
    const QUrl uri = receiver.redirectUri();
    QCOMPARE(uri.scheme(), QStringLiteral("http"));
    QCOMPARE(uri.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(uri.port() > 0);
    QCOMPARE(uri.path(), QStringLiteral("/callback"));
    QCOMPARE(uri.toString(), QStringLiteral("http://127.0.0.1:%1/callback").arg(uri.port()));
    // A second receiver gets a port of its own.
    LoopbackReceiver other;
    QVERIFY(other.listen());
    QVERIFY(other.redirectUri().port() != uri.port());
}

void TestAppServices::receiverCallbackSuccess()
{
    LoopbackReceiver receiver;
    QVERIFY(receiver.listen());
    int calls = 0;
    QUrlQuery seen;
    receiver.setHandler([&calls, &seen](const QUrlQuery &query) {
        ++calls;
        seen = query;
        return LoopbackReceiver::Page { true, QStringLiteral("Signed in to Keyward"),
            QStringLiteral("You can close this tab.") };
    });
    const QByteArray response = exchange(quint16(receiver.redirectUri().port()),
        "GET /callback?code=abc123&state=xyz789 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "User-Agent: test\r\n\r\n");
    QCOMPARE(statusOf(response), 200);
    QCOMPARE(calls, 1);
    QCOMPARE(seen.queryItemValue(QStringLiteral("code")), QStringLiteral("abc123"));
    QCOMPARE(seen.queryItemValue(QStringLiteral("state")), QStringLiteral("xyz789"));
    QVERIFY(headerOf(response, "Content-Type").startsWith("text/html"));
    QCOMPARE(headerOf(response, "Cache-Control"), QByteArray("no-store"));
    QCOMPARE(headerOf(response, "Referrer-Policy"), QByteArray("no-referrer"));
    const QByteArray body = bodyOf(response);
    QCOMPARE(headerOf(response, "Content-Length").toInt(), int(body.size()));
    QVERIFY(body.contains("Signed in to Keyward"));
    QVERIFY(body.contains("You can close this tab."));
}

void TestAppServices::receiverCallbackFailure()
{
    LoopbackReceiver receiver;
    QVERIFY(receiver.listen());
    int calls = 0;
    receiver.setHandler([&calls](const QUrlQuery &query) {
        ++calls;
        return LoopbackReceiver::Page { false, QStringLiteral("Sign-in failed"),
            QStringLiteral("The server said: ") + query.queryItemValue(QStringLiteral("error")) };
    });
    const QByteArray response = exchange(quint16(receiver.redirectUri().port()),
        "GET /callback?error=access_denied&state=s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QCOMPARE(statusOf(response), 400);
    QCOMPARE(calls, 1);
    QVERIFY(headerOf(response, "Content-Type").startsWith("text/html"));
    QVERIFY(bodyOf(response).contains("Sign-in failed"));
    QVERIFY(bodyOf(response).contains("access_denied"));
}

void TestAppServices::receiverIgnores_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("favicon") << QByteArray("GET /favicon.ico HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTest::newRow("POST /callback") << QByteArray(
        "POST /callback?code=x&state=y HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        "Content-Length: 14\r\n\r\ncode=x&state=y");
    QTest::newRow("other path") << QByteArray(
        "GET /callbackx?code=x&state=y HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTest::newRow("root") << QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTest::newRow("garbage request line") << QByteArray("HELLO\r\n\r\n");
}

void TestAppServices::receiverIgnores()
{
    QFETCH(QByteArray, request);
    LoopbackReceiver receiver;
    QVERIFY(receiver.listen());
    int calls = 0;
    receiver.setHandler([&calls](const QUrlQuery &) {
        ++calls;
        return LoopbackReceiver::Page { true, QStringLiteral("Signed in"), QString() };
    });
    const QByteArray response = exchange(quint16(receiver.redirectUri().port()), request);
    QCOMPARE(statusOf(response), 404);
    QCOMPARE(calls, 0);
    // Still there for the real redirect afterwards.
    const QByteArray real = exchange(quint16(receiver.redirectUri().port()),
        "GET /callback?code=c&state=s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QCOMPARE(statusOf(real), 200);
    QCOMPARE(calls, 1);
}

void TestAppServices::receiverWithoutHandler()
{
    LoopbackReceiver receiver;
    QVERIFY(receiver.listen());
    const QByteArray response = exchange(quint16(receiver.redirectUri().port()),
        "GET /callback?code=c&state=s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QCOMPARE(statusOf(response), 404);
}

void TestAppServices::receiverOversizedRequest()
{
    LoopbackReceiver receiver;
    QVERIFY(receiver.listen());
    int calls = 0;
    receiver.setHandler([&calls](const QUrlQuery &) {
        ++calls;
        return LoopbackReceiver::Page { true, QStringLiteral("Signed in"), QString() };
    });
    // 17 KB of headers, and no end of headers in sight.
    const QByteArray request = "GET /callback?code=c&state=s HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: "
        + QByteArray(17 * 1024, 'a') + "\r\n";
    const QByteArray response = exchange(quint16(receiver.redirectUri().port()), request);
    QCOMPARE(statusOf(response), 431);
    QCOMPARE(calls, 0);
    // A request that fits is still answered.
    const QByteArray small = exchange(quint16(receiver.redirectUri().port()),
        "GET /callback?code=c&state=s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QCOMPARE(statusOf(small), 200);
    QCOMPARE(calls, 1);
}

void TestAppServices::receiverEscapesHtml()
{
    LoopbackReceiver receiver;
    QVERIFY(receiver.listen());
    receiver.setHandler([](const QUrlQuery &query) {
        // The message quotes what came in the redirect: attacker-controlled text.
        return LoopbackReceiver::Page { false, QStringLiteral("Error <b>\"x\"</b>"),
            QStringLiteral("Details: ")
                + query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded) };
    });
    const QByteArray response = exchange(quint16(receiver.redirectUri().port()),
        "GET /callback?error=x&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E%20%26%20more "
        "HTTP/1.1\r\n"
        "Host: 127.0.0.1\r\n\r\n");
    QCOMPARE(statusOf(response), 400);
    const QByteArray body = bodyOf(response);
    QVERIFY2(!body.contains("<script>"), body.constData());
    QVERIFY2(body.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"), body.constData());
    QVERIFY2(!body.contains("<b>"), body.constData());
    QVERIFY2(body.contains("Error &lt;b&gt;&quot;x&quot;&lt;/b&gt;"), body.constData());

    const QByteArray page
        = LoopbackReceiver::renderPage({ true, QStringLiteral("A & B"), QStringLiteral("<i>hi</i>") });
    QVERIFY(page.contains("<title>A &amp; B</title>"));
    QVERIFY(page.contains("&lt;i&gt;hi&lt;/i&gt;"));
    QVERIFY(!page.contains("<i>"));
}

void TestAppServices::receiverThroughNetworkAccessManager()
{
    LoopbackReceiver receiver;
    QVERIFY(receiver.listen());
    QUrlQuery seen;
    receiver.setHandler([&seen](const QUrlQuery &query) {
        seen = query;
        return LoopbackReceiver::Page { true, QStringLiteral("Signed in"),
            QStringLiteral("Back to Keyward.") };
    });
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QUrl url = receiver.redirectUri();
    url.setQuery(QStringLiteral("code=Splx10BeZQQYbYS6WxSbIA&state=af0ifjsldkj"));
    std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url)));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains("Signed in"));
    QCOMPARE(seen.queryItemValue(QStringLiteral("code")), QStringLiteral("Splx10BeZQQYbYS6WxSbIA"));
    QCOMPARE(seen.queryItemValue(QStringLiteral("state")), QStringLiteral("af0ifjsldkj"));
}

void TestAppServices::receiverClose()
{
    LoopbackReceiver receiver;
    QVERIFY(receiver.listen());
    const quint16 port = quint16(receiver.redirectUri().port());
    receiver.close();
    QVERIFY(!receiver.isListening());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
}

QTEST_GUILESS_MAIN(TestAppServices)
#include "tst_appservices.moc"

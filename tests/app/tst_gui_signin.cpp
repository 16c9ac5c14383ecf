// SPDX-License-Identifier: GPL-3.0-or-later
// The main window offscreen, against the real keyward-server, inside the unlocked keyring
// session: welcome page → sign in (keyboard only) → main window showing the identity →
// sign out → welcome page; the settings file never holds a token.
#include "MainWindow.h"
#include "ProfileStore.h"
#include "TestServer.h"
#include "TokenStore.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace keyward;

class TestGuiSignIn : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    T *find(QWidget *root, const char *name)
    {
        auto *w = root->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no widget named %s", name);
        return w;
    }
    QWidget *currentPage(MainWindow &window)
    {
        auto *stack = qobject_cast<QStackedWidget *>(window.centralWidget());
        return stack ? stack->currentWidget() : nullptr;
    }

    TestServer m_server;
    QTemporaryDir m_dir;
    QString m_mode;

private Q_SLOTS:
    void initTestCase()
    {
        m_mode = qEnvironmentVariable("KEYWARD_KEYRING_MODE");
        if (m_mode != QLatin1String("unlocked") && m_mode != QLatin1String("locked"))
            QSKIP("needs the keyring session that CTest sets up");
        QVERIFY(m_server.start({QStringLiteral("--demo")}));
        qputenv("KEYWARD_BROWSER", qgetenv("KEYWARD_TEST_BROWSER"));
    }

    void welcomeSignInSignOut()
    {
        if (m_mode != QLatin1String("unlocked"))
            QSKIP("runs with an unlocked keyring");
        const QString settingsPath = m_dir.filePath(QStringLiteral("keyward.ini"));
        QSettings settings(settingsPath, QSettings::IniFormat);
        ProfileStore profiles(&settings);
        Profile p;
        p.name = QStringLiteral("Local test server");
        p.apiUrl = m_server.url(QString());
        p.issuerUrl = m_server.url(QString());
        QCOMPARE(profiles.save(p), QString());
        QVERIFY(profiles.setCurrent(p.name));
        TokenStore tokens(QStringLiteral("Keyward tst_gui_signin"));
        MainWindow window(&profiles, &tokens, BrowserLauncher(), &settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.startSession(false); // nothing in the keychain yet: back to the welcome page

        auto *welcome = find<QWidget>(&window, "welcomePage");
        QVERIFY(welcome);
        QTRY_COMPARE_WITH_TIMEOUT(currentPage(window), welcome, 20'000);
        auto *name = find<QLabel>(&window, "welcomeProfileName");
        QCOMPARE(name->text(), p.name);
        auto *identity = find<QLabel>(&window, "identityLabel");
        QVERIFY(identity->text().contains(QLatin1String("Not signed in")));

        // Keyboard only: the sign-in button has the focus; Space presses it.
        auto *signIn = find<QPushButton>(&window, "signInButton");
        QVERIFY(signIn->isEnabled());
        window.activateWindow();
        welcome->setFocus();
        QTRY_VERIFY(signIn->hasFocus());
        QTest::keyClick(signIn, Qt::Key_Space);

        // The workspace is built when first needed.
        QTRY_VERIFY_WITH_TIMEOUT(currentPage(window) && currentPage(window)->objectName() == QLatin1String("workspace"),
                                 30'000);
        QTRY_VERIFY(identity->text().contains(QLatin1String("adam.admin@example.com")));
        QVERIFY(identity->text().contains(QLatin1String("Admin")));
        QCOMPARE(find<QLabel>(&window, "overviewEmail")->text(), QStringLiteral("adam.admin@example.com"));
        QCOMPARE(find<QLabel>(&window, "overviewRole")->text(), QStringLiteral("Admin"));
        QVERIFY(window.windowTitle().contains(QLatin1String("Keyward")));
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>(&window, "overviewSession")->text().contains(QLatin1String("keychain")), 10'000);

        auto *signOut = find<QAction>(&window, "signOutAction");
        QVERIFY(signOut->isEnabled());
        QSignalSpy finished(window.session()->auth(), &AuthService::signOutFinished);
        QVERIFY(finished.isValid());
        signOut->trigger();
        QTRY_COMPARE(currentPage(window), welcome);
        QVERIFY(identity->text().contains(QLatin1String("Not signed in")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20'000);
        window.close();

        // Geometry was remembered; no token ever reached the settings file.
        settings.sync();
        QVERIFY(settings.contains(QStringLiteral("window/geometry")));
        QFile f(settingsPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray contents = f.readAll();
        QVERIFY(contents.contains("Local test server"));
        QVERIFY(!contents.contains("eyJ")); // no JWT
        QVERIFY(!contents.contains("token"));
    }

    // A locked keychain: the user is told, chooses "keep in memory only", and works on.
    void lockedKeychainOffersMemoryOnly()
    {
        if (m_mode != QLatin1String("locked"))
            QSKIP("runs with a locked keyring");
        QSettings settings(m_dir.filePath(QStringLiteral("locked.ini")), QSettings::IniFormat);
        ProfileStore profiles(&settings);
        Profile p;
        p.name = QStringLiteral("Locked keychain");
        p.apiUrl = m_server.url(QString());
        p.issuerUrl = m_server.url(QString());
        QCOMPARE(profiles.save(p), QString());
        TokenStore tokens(QStringLiteral("Keyward tst_gui_signin locked"));
        MainWindow window(&profiles, &tokens, BrowserLauncher(), &settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.startSession(false);
        // libsecret does not search a locked keyring, so resuming finds nothing: the welcome page.
        auto *welcome = find<QWidget>(&window, "welcomePage");
        QTRY_COMPARE_WITH_TIMEOUT(currentPage(window), welcome, 20'000);
        find<QPushButton>(&window, "signInButton")->click();
        QMessageBox *prompt = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((prompt = window.findChild<QMessageBox *>(QStringLiteral("keychainPrompt"))), 30'000);
        QTRY_VERIFY(prompt->isVisible());
        QVERIFY(prompt->informativeText().contains(QLatin1String("never stores tokens in a plain file")));
        QTRY_VERIFY_WITH_TIMEOUT(find<QLabel>(&window, "identityLabel")->text().contains(QLatin1String("adam.admin")),
                                 20'000);
        prompt->findChild<QPushButton *>(QStringLiteral("keychainMemoryButton"))->click();
        QTRY_VERIFY(window.session()->auth()->isMemoryOnly());
        QTRY_VERIFY(find<QLabel>(&window, "overviewSession")->text().contains(QLatin1String("memory only")));
        QVERIFY(window.session()->auth()->accessToken().size() > 20);
        find<QAction>(&window, "signOutAction")->trigger();
        QTRY_VERIFY(find<QLabel>(&window, "identityLabel")->text().contains(QLatin1String("Not signed in")));
    }

    // Profiles are managed from the dialog, validated as they are typed in, and switchable.
    void manageProfiles()
    {
        if (m_mode != QLatin1String("unlocked"))
            QSKIP("runs with an unlocked keyring");
        QSettings settings(m_dir.filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
        ProfileStore profiles(&settings);
        TokenStore tokens(QStringLiteral("Keyward tst_gui_signin profiles"));
        MainWindow window(&profiles, &tokens, BrowserLauncher(), &settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.startSession(false);
        QVERIFY(!find<QPushButton>(&window, "signInButton")->isEnabled()); // no profile yet
        find<QPushButton>(&window, "manageProfilesButton")->click();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<QDialog *>(QStringLiteral("profilesDialog"))) && dialog->isVisible());

        QTest::keyClicks(find<QLineEdit>(dialog, "profileName"), QStringLiteral("Staging"));
        QTest::keyClicks(find<QLineEdit>(dialog, "profileApiUrl"), QStringLiteral("http://staging.example.com"));
        find<QPushButton>(dialog, "saveProfileButton")->click();
        QVERIFY(find<QLabel>(dialog, "profileProblem")->text().contains(QLatin1String("https://")));
        QVERIFY(profiles.profiles().isEmpty());

        find<QLineEdit>(dialog, "profileApiUrl")->setText(m_server.url(QString()).toString());
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            dialog->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/profiles.png"));
        find<QPushButton>(dialog, "useProfileButton")->click();
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(profiles.profiles().size(), 1);
        QCOMPARE(profiles.current()->name, QStringLiteral("Staging"));
        QCOMPARE(profiles.current()->issuerUrl, m_server.url(QString())); // defaults to the API URL
        QTRY_COMPARE(find<QLabel>(&window, "welcomeProfileName")->text(), QStringLiteral("Staging"));
        QVERIFY(find<QPushButton>(&window, "signInButton")->isEnabled());
        auto *switcher = find<QComboBox>(&window, "profileSwitcher");
        QCOMPARE(switcher->count(), 1);
        QCOMPARE(switcher->currentText(), QStringLiteral("Staging"));
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            window.grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/welcome.png"));
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_MAIN(TestGuiSignIn)
#include "tst_gui_signin.moc"

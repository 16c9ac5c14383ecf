// SPDX-License-Identifier: GPL-3.0-or-later
// The keys page offscreen against the real keyward-server with demo data: the list loads page by
// page with masked values only, filters as the user types, explains read-only roles, and shows
// a designed error state with Retry.
#include "KeyringSession.h"
#include "ClipboardGuard.h"
#include "CreateKeyDialog.h"
#include "EnglishPlurals.h"
#include "KeyListModel.h"
#include "KeysPage.h"
#include "LogCapture.h"
#include "MainWindow.h"
#include "ProfileStore.h"
#include "SecretRevealDialog.h"
#include "TestServer.h"
#include "TokenStore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLayout>
#include <QMessageBox>
#include <QMimeData>
#include <QMutex>
#include <QAbstractProxyModel>
#include <QTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace keyward;


class TestGuiKeys : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> signIn(const QString &email, const QString &password, QSettings *settings,
                                       ProfileStore *profiles, TokenStore *tokens)
    {
        qputenv("KEYWARD_TEST_EMAIL", email.toUtf8());
        qputenv("KEYWARD_TEST_PASSWORD", password.toUtf8());
        Profile p;
        p.name = QStringLiteral("Demo");
        p.apiUrl = m_server.url(QString());
        p.issuerUrl = m_server.url(QString());
        profiles->setTransient(p);
        auto window = std::make_unique<MainWindow>(profiles, tokens, BrowserLauncher(), settings);
        window->show();
        window->startSession(true);
        return window;
    }

    LogCapture m_log;
    EnglishPlurals m_plurals;
    TestServer m_server;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        m_log.install();
        QCoreApplication::installTranslator(&m_plurals); // "1 key", "2 keys", as the app shows them
        KEYWARD_REQUIRE_UNLOCKED_KEYRING();
        QVERIFY(m_server.start({QStringLiteral("--demo")}));
        qputenv("KEYWARD_BROWSER", qgetenv("KEYWARD_TEST_BROWSER"));
    }

    void listsMaskedKeysAndFilters()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("admin.ini")), QSettings::IniFormat);
        ProfileStore profiles(&settings);
        TokenStore tokens(QStringLiteral("Keyward tst_gui_keys"));
        auto window = signIn(QStringLiteral("adam.admin@example.com"), QStringLiteral("demo-admin-password"), &settings,
                             &profiles, &tokens);
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<QWidget *>(QStringLiteral("workspace")), 30'000);
        QTest::keySequence(window.get(), QKeySequence(Qt::CTRL | Qt::Key_2)); // View → Keys
        auto *page = window->findChild<KeysPage *>(QStringLiteral("keysPage"));
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->isVisible(), 10'000);
        auto *table = page->findChild<QTableView *>(QStringLiteral("keyTable"));
        QTRY_VERIFY_WITH_TIMEOUT(table->isVisible() && table->model()->rowCount() > 0, 30'000);
        // Pages of 10 (the demo organization has over 40 keys): more load as the list scrolls.
        page->model()->clear();
        page->setPageSize(10);
        page->refresh();
        // The view asks for more as long as the window has room for rows: at least one page, and
        // rows arrive in whole pages.
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() >= 10 && !page->model()->isLoading(), 30'000);
        QCOMPARE(page->model()->rowCount() % 10, 0);
        QVERIFY(page->model()->canFetchMore());
        for (int i = 0; i < 10 && page->model()->canFetchMore(); ++i) {
            const int loaded = page->model()->rowCount();
            table->scrollToBottom();
            QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > loaded && !page->model()->isLoading(), 20'000);
        }
        QVERIFY2(page->model()->rowCount() > 40, qPrintable(QString::number(page->model()->rowCount())));
        QVERIFY(!page->model()->canFetchMore());
        const QRegularExpression masked(QStringLiteral("^(skey_|odin_sk_)•{8}[A-Za-z0-9]{4}$"));
        for (int row = 0; row < page->model()->rowCount(); ++row) {
            const QString shown = page->model()->index(row, KeyListModel::Key).data().toString();
            QVERIFY2(masked.match(shown).hasMatch(), qPrintable(shown));
        }
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("hygieneSummary"))->text().contains(QLatin1String("loaded")));
        QVERIFY(!page->findChild<QLabel *>(QStringLiteral("roleNote"))->isVisible());
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            window->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/keys.png"));

        // Ctrl+F goes to the filter; typing narrows the list at once.
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        table->setFocus();
        QTest::keySequence(table, QKeySequence::Find);
        auto *filter = page->findChild<QLineEdit *>(QStringLiteral("keyFilter"));
        QTRY_VERIFY(filter->hasFocus());
        const QString firstNote = table->model()->index(0, KeyListModel::Note).data().toString();
        QTest::keyClicks(filter, firstNote);
        QVERIFY(table->model()->rowCount() >= 1);
        QVERIFY(table->model()->rowCount() < page->model()->rowCount());
        for (int row = 0; row < table->model()->rowCount(); ++row)
            QVERIFY(table->model()->index(row, KeyListModel::Note).data().toString().contains(firstNote, Qt::CaseInsensitive));
        filter->clear();
        QCOMPARE(table->model()->rowCount(), page->model()->rowCount());
    }

    // Create with a preset and an expiry → reveal once → copy (marked secret, cleared after the
    // countdown) → the list shows it masked → it works → revoke in the UI → it answers 401. The
    // secret is then nowhere: not in the settings, the log, or the model.
    void createRevealCopyRevoke()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("create.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("window/page"), 1);
        ProfileStore profiles(&settings);
        TokenStore tokens(QStringLiteral("Keyward tst_gui_keys create"));
        auto window = signIn(QStringLiteral("adam.admin@example.com"), QStringLiteral("demo-admin-password"), &settings,
                             &profiles, &tokens);
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<KeysPage *>(QStringLiteral("keysPage")), 30'000);
        auto *page = window->findChild<KeysPage *>(QStringLiteral("keysPage"));
        QTRY_VERIFY_WITH_TIMEOUT(page->isVisible() && page->model()->rowCount() > 0, 30'000);
        page->clipboard()->setTickInterval(20); // a 30-second countdown in 0.6 s
        auto *newKey = page->findChild<QAction *>(QStringLiteral("newKeyAction"));
        QTRY_VERIFY(newKey->isEnabled());
        newKey->trigger();
        CreateKeyDialog *create = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((create = window->findChild<CreateKeyDialog *>()) && create->isVisible(), 20'000);
        auto *createButton = create->findChild<QPushButton *>(QStringLiteral("createKeyButton"));
        QVERIFY(!createButton->isEnabled()); // no note, no permission yet
        QTest::keyClicks(create->findChild<QLineEdit *>(QStringLiteral("keyNote")), QStringLiteral("GUI test: reporting job"));
        QVERIFY(create->findChild<QLabel *>(QStringLiteral("keyNoteCount"))->text().startsWith(QLatin1String("23 /")));
        create->findChild<QPushButton *>(QStringLiteral("preset1"))->click(); // read only
        QVERIFY(create->findChild<QLabel *>(QStringLiteral("permissionSummary"))->text().contains(QLatin1String("able to")));
        create->findChild<QComboBox *>(QStringLiteral("keyExpiry"))->setCurrentIndex(1); // 30 days
        QVERIFY(createButton->isEnabled());
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR")) {
            create->layout()->activate(); // the summary grew: lay out before the picture
            create->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/create.png"));
        }
        createButton->click();

        SecretRevealDialog *reveal = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((reveal = window->findChild<SecretRevealDialog *>()) && reveal->isVisible(), 20'000);
        const QString secret = reveal->findChild<QLineEdit *>(QStringLiteral("secretField"))->text();
        QVERIFY2(secret.startsWith(QLatin1String("skey_")) || secret.startsWith(QLatin1String("odin_sk_")), qPrintable(secret.left(8)));
        QVERIFY(secret.size() > 40);
        // It cannot be dismissed before the user says the key is stored.
        QTest::keyClick(reveal, Qt::Key_Escape);
        QVERIFY(reveal->isVisible());
        QVERIFY(!reveal->findChild<QPushButton *>(QStringLiteral("revealDoneButton"))->isEnabled());
        reveal->findChild<QPushButton *>(QStringLiteral("copySecretButton"))->click();
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            reveal->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/reveal.png"));
        QClipboard *clipboard = QGuiApplication::clipboard();
        QCOMPARE(clipboard->text(), secret);
        QCOMPARE(clipboard->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
        QTRY_VERIFY_WITH_TIMEOUT(clipboard->text().isEmpty(), 10'000); // the countdown cleared it
        reveal->findChild<QCheckBox *>(QStringLiteral("storedCheckBox"))->setChecked(true);
        reveal->findChild<QPushButton *>(QStringLiteral("revealDoneButton"))->click();
        QTRY_VERIFY(!window->findChild<SecretRevealDialog *>() || !window->findChild<SecretRevealDialog *>()->isVisible());

        // The list shows the new key, masked, from the server's answer.
        const QModelIndex row = page->model()->index(0, KeyListModel::Key);
        QCOMPARE(page->model()->index(0, KeyListModel::Note).data().toString(), QStringLiteral("GUI test: reporting job"));
        QVERIFY(row.data().toString().endsWith(secret.right(4)));
        QVERIFY(page->model()->index(0, KeyListModel::Status).data().toString().startsWith(QLatin1String("Active")));
        QCOMPARE(m_server.get(QStringLiteral("/payments"), secret).status, 200);

        // Revoke it from the UI: the confirmation names it; from then on it answers 401.
        auto *table = page->findChild<QTableView *>(QStringLiteral("keyTable"));
        table->selectionModel()->clearSelection();
        const QModelIndex proxyRow = qobject_cast<QAbstractProxyModel *>(table->model())->mapFromSource(row);
        table->selectRow(proxyRow.row());
        QString confirmText;
        QTimer::singleShot(200, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            confirmText = box->informativeText();
            for (QAbstractButton *b : box->buttons()) {
                if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                    b->click();
            }
        });
        page->findChild<QAction *>(QStringLiteral("revokeKeyAction"))->trigger();
        QVERIFY(confirmText.contains(QLatin1String("GUI test: reporting job")));
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->index(page->model()->indexOfKey(row.data(KeyListModel::KeyIdRole).toString()).row(),
                                                        KeyListModel::Status).data().toString(),
                                  QStringLiteral("Revoked"), 20'000);
        QCOMPARE(m_server.get(QStringLiteral("/payments"), secret).status, 401);

        // Nowhere else: not in the model's data, the settings file or any log line.
        for (int r = 0; r < page->model()->rowCount(); ++r) {
            for (int c = 0; c < KeyListModel::ColumnCount; ++c) {
                for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(KeyListModel::SearchTextRole)})
                    QVERIFY(!page->model()->index(r, c).data(role).toString().contains(secret.mid(5)));
            }
        }
        settings.sync();
        QFile f(settings.fileName());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(secret.toLatin1()));
        QVERIFY(m_log.lines().size() > 10);
        QVERIFY2(m_log.find(secret.mid(5)).isEmpty(), qPrintable(m_log.find(secret.mid(5))));
    }

    // The whole create flow with the keyboard alone: Ctrl+N, type, mnemonics, Enter, Space, Tab.
    void createWithTheKeyboardAlone()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("keyboard.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("window/page"), 1);
        ProfileStore profiles(&settings);
        TokenStore tokens(QStringLiteral("Keyward tst_gui_keys keyboard"));
        auto window = signIn(QStringLiteral("adam.admin@example.com"), QStringLiteral("demo-admin-password"), &settings,
                             &profiles, &tokens);
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<KeysPage *>(QStringLiteral("keysPage")), 30'000);
        auto *page = window->findChild<KeysPage *>(QStringLiteral("keysPage"));
        QTRY_VERIFY_WITH_TIMEOUT(page->isVisible() && page->model()->rowCount() > 0, 30'000);
        const int before = page->model()->rowCount();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        page->findChild<QTableView *>(QStringLiteral("keyTable"))->setFocus();
        QTRY_VERIFY(page->findChild<QAction *>(QStringLiteral("newKeyAction"))->isEnabled());
        QTest::keySequence(QApplication::focusWidget(), QKeySequence::New);

        CreateKeyDialog *create = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((create = window->findChild<CreateKeyDialog *>()) && create->isVisible(), 20'000);
        QVERIFY(QTest::qWaitForWindowActive(create));
        auto *note = create->findChild<QLineEdit *>(QStringLiteral("keyNote"));
        QTRY_VERIFY(note->hasFocus());
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("typed with the keyboard"));
        // Tab along the dialog: to the "Read only" preset, then on to the expiry.
        auto tabTo = [&](const QString &name) {
            for (int i = 0; i < 40 && QApplication::focusWidget()->objectName() != name; ++i)
                QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            return QApplication::focusWidget()->objectName() == name;
        };
        QVERIFY(tabTo(QStringLiteral("preset1")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(!create->draft().permissions.isEmpty());
        QVERIFY(tabTo(QStringLiteral("keyExpiry")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QVERIFY(create->draft().expiresAt.isValid());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // the default button: Create key

        SecretRevealDialog *reveal = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((reveal = window->findChild<SecretRevealDialog *>()) && reveal->isVisible(), 20'000);
        QVERIFY(QTest::qWaitForWindowActive(reveal));
        auto *copy = reveal->findChild<QPushButton *>(QStringLiteral("copySecretButton"));
        QTRY_VERIFY(copy->hasFocus());
        QTest::keyClick(copy, Qt::Key_Space);
        QCOMPARE(QGuiApplication::clipboard()->text(), reveal->findChild<QLineEdit *>(QStringLiteral("secretField"))->text());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_VERIFY(reveal->findChild<QCheckBox *>(QStringLiteral("storedCheckBox"))->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_VERIFY(reveal->findChild<QPushButton *>(QStringLiteral("revealDoneButton"))->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QTRY_VERIFY(!window->findChild<SecretRevealDialog *>() || !window->findChild<SecretRevealDialog *>()->isVisible());
        QCOMPARE(page->model()->rowCount(), before + 1);
        QCOMPARE(page->model()->index(0, KeyListModel::Note).data().toString(), QStringLiteral("typed with the keyboard"));
        page->clipboard()->clearNow();
    }

    void viewerSeesWhyItIsReadOnly()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("viewer.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("window/page"), 1); // the keys page was the last one
        ProfileStore profiles(&settings);
        TokenStore tokens(QStringLiteral("Keyward tst_gui_keys viewer"));
        auto window = signIn(QStringLiteral("victor.viewer@example.com"), QStringLiteral("demo-viewer-password"),
                             &settings, &profiles, &tokens);
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<KeysPage *>(QStringLiteral("keysPage")), 30'000);
        auto *page = window->findChild<KeysPage *>(QStringLiteral("keysPage"));
        QTRY_VERIFY_WITH_TIMEOUT(page->isVisible() && page->model()->rowCount() > 0, 30'000);
        auto *note = page->findChild<QLabel *>(QStringLiteral("roleNote"));
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(QLatin1String("admin role")));
        // Signed out: the list is gone with the account.
        window->signOut();
        QTRY_COMPARE(page->model()->rowCount(), 0);
    }

    void errorStateOffersRetry()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("error.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("window/page"), 1);
        ProfileStore profiles(&settings);
        TokenStore tokens(QStringLiteral("Keyward tst_gui_keys error"));
        auto window = signIn(QStringLiteral("adam.admin@example.com"), QStringLiteral("demo-admin-password"), &settings,
                             &profiles, &tokens);
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<KeysPage *>(QStringLiteral("keysPage")), 30'000);
        auto *page = window->findChild<KeysPage *>(QStringLiteral("keysPage"));
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 0, 30'000);
        page->model()->clear();
        window->session()->api()->setOptions({2'000, 1, 10, 1});
        m_server.stop(); // the server goes away
        page->refresh();
        auto *title = page->findChild<QLabel *>(QStringLiteral("keysStateTitle"));
        QTRY_VERIFY_WITH_TIMEOUT(title->isVisible() && title->text().contains(QLatin1String("Could not load")), 20'000);
        QVERIFY(page->findChild<QLabel *>(QStringLiteral("keysStateText"))->text().contains(QLatin1String("Could not connect")));
        QVERIFY(page->findChild<QPushButton *>(QStringLiteral("keysRetryButton"))->isVisible());
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            window->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/keys-error.png"));
    }
};

QTEST_MAIN(TestGuiKeys)
#include "tst_gui_keys.moc"

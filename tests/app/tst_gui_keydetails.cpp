// SPDX-License-Identifier: GPL-3.0-or-later
// The selected key's details, editing and the empty state, offscreen against the real
// keyward-server with demo data: usage from GET /secret-keys/{id}, copyable id, the note edited in
// place, the edit dialog (only changes are sent; failures keep the form), permissions the user may
// not grant, and "No secret keys yet" with its Create button.
#include "KeyringSession.h"
#include "CreateKeyDialog.h"
#include "EnglishPlurals.h"
#include "KeyDetailsPanel.h"
#include "KeyListModel.h"
#include "KeysPage.h"
#include "PublishableKeyModel.h"
#include "PublishableKeysPanel.h"
#include "LogCapture.h"
#include "MainWindow.h"
#include "ProfileStore.h"
#include "TestServer.h"
#include "TokenStore.h"
#include "UsageSparkline.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QSignalSpy>
#include <QTabWidget>
#include <QJsonArray>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace keyward;

class TestGuiKeyDetails : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> openKeysPage(TestServer &server, const QString &name)
    {
        qputenv("KEYWARD_TEST_EMAIL", "adam.admin@example.com");
        qputenv("KEYWARD_TEST_PASSWORD", "demo-admin-password");
        m_settings = std::make_unique<QSettings>(m_dir.filePath(name + QStringLiteral(".ini")), QSettings::IniFormat);
        m_settings->setValue(QStringLiteral("window/page"), 1); // the keys page
        m_profiles = std::make_unique<ProfileStore>(m_settings.get());
        m_tokens = std::make_unique<TokenStore>(QStringLiteral("Keyward tst_gui_keydetails ") + name);
        Profile p;
        p.name = QStringLiteral("Demo");
        p.apiUrl = server.url(QString());
        p.issuerUrl = server.url(QString());
        m_profiles->setTransient(p);
        auto window = std::make_unique<MainWindow>(m_profiles.get(), m_tokens.get(), BrowserLauncher(), m_settings.get());
        window->resize(1400, 860);
        window->show();
        window->startSession(true);
        return window;
    }

    // Selects the first listed key that satisfies `wanted`; returns its id.
    static QString selectKey(KeysPage *page, const std::function<bool(const ApiKey &)> &wanted)
    {
        auto *table = page->findChild<QTableView *>(QStringLiteral("keyTable"));
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex source = page->model()->indexOfKey(table->model()->index(row, 0).data(KeyListModel::KeyIdRole).toString());
            const ApiKey *key = page->model()->keyFromIndex(source);
            if (key && wanted(*key)) {
                table->setFocus();
                table->selectRow(row);
                return key->id;
            }
        }
        return {};
    }

    QJsonObject serverKey(const QString &id)
    {
        const TestServer::Response r = m_server.get(QStringLiteral("/secret-keys/") + id, m_readKey);
        return r.status == 200 ? r.json() : QJsonObject();
    }

    LogCapture m_log;
    EnglishPlurals m_plurals;
    TestServer m_server;
    QTemporaryDir m_dir;
    QString m_readKey;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<TokenStore> m_tokens;

private Q_SLOTS:
    void initTestCase()
    {
        m_log.install();
        QCoreApplication::installTranslator(&m_plurals); // "1 key", "2 keys", as the app shows them
        KEYWARD_REQUIRE_UNLOCKED_KEYRING();
        QVERIFY(m_server.start({QStringLiteral("--demo")}));
        m_readKey = m_server.createKey(QStringLiteral("secret_keys:write,publishable_keys:read"),
                                      QStringLiteral("tst_gui_keydetails"));
        QVERIFY(!m_readKey.isEmpty());
        qputenv("KEYWARD_BROWSER", qgetenv("KEYWARD_TEST_BROWSER"));
    }

    void cleanup()
    {
        QGuiApplication::clipboard()->clear();
    }

    void detailsShowUsageCopyAndEditNoteInPlace()
    {
        auto window = openKeysPage(m_server, QStringLiteral("details"));
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<KeysPage *>(QStringLiteral("keysPage")), 30'000);
        auto *page = window->findChild<KeysPage *>(QStringLiteral("keysPage"));
        QTRY_VERIFY_WITH_TIMEOUT(page->isVisible() && page->model()->rowCount() > 0 && !page->model()->isLoading(), 30'000);
        KeyDetailsPanel *details = page->details();
        QVERIFY(details->isVisible());
        QVERIFY(details->findChild<QLabel *>(QStringLiteral("keyDetailsNothing"))->isVisible());

        // A demo key in use for over a month: its details fill in with 30 days of usage from the server.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString id = selectKey(page, [now](const ApiKey &k) {
            return k.status == ApiKey::Status::Active && k.createdAt.daysTo(now) > 40 && k.lastUsedAt.isValid()
                && k.lastUsedAt.secsTo(now) < 3600;
        });
        QVERIFY(!id.isEmpty());
        QCOMPARE(details->keyId(), id);
        auto *sparkline = details->findChild<UsageSparkline *>();
        QTRY_COMPARE_WITH_TIMEOUT(sparkline->usage().size(), 30, 10'000);
        qint64 expectedTotal = 0;
        for (const QJsonValue &v : serverKey(id).value(QStringLiteral("usage")).toArray())
            expectedTotal += v.toObject().value(QStringLiteral("count")).toInteger();
        QCOMPARE(sparkline->total(), expectedTotal);
        QVERIFY(expectedTotal > 0);
        QCOMPARE(details->findChild<QLabel *>(QStringLiteral("detailsUsage"))->text(), sparkline->summary());
        QVERIFY(sparkline->summary().contains(QLatin1String("in the last 30 days")));
        QCOMPARE(details->findChild<QLabel *>(QStringLiteral("detailsId"))->text(), id);
        const ApiKey *listed = page->model()->keyFromIndex(page->model()->indexOfKey(id));
        QCOMPARE(details->findChild<QLabel *>(QStringLiteral("detailsMasked"))->text(), listed->masked());
        // Permissions in plain language from GET /permissions, one line each.
        auto *permissions = details->findChild<QLabel *>(QStringLiteral("detailsPermissions"));
        QTRY_VERIFY(permissions->text().contains(QLatin1String("): ")));
        QCOMPARE(permissions->text().count(QLatin1Char('\n')) + 1, listed->permissions.size());

        // The id copies plainly (no secret ceremony).
        QTest::mouseClick(details->findChild<QToolButton *>(QStringLiteral("copyIdButton")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), id);

        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            window->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/key-details.png"));

        // F2 edits the note in place; Esc puts it back; Enter saves through the server.
        const QString before = listed->note;
        QTest::keyClick(page->findChild<QTableView *>(QStringLiteral("keyTable")), Qt::Key_F2);
        auto *note = details->findChild<QLineEdit *>(QStringLiteral("detailsNote"));
        QTRY_VERIFY(note->hasFocus());
        QVERIFY(!note->isReadOnly());
        QTest::keyClicks(note, QStringLiteral("scratch"));
        QTest::keyClick(note, Qt::Key_Escape);
        QCOMPARE(note->text(), before);
        note->selectAll();
        QTest::keyClicks(note, QStringLiteral("Checkout service, renamed in place"));
        QTest::keyClick(note, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(serverKey(id).value(QStringLiteral("note")).toString(),
                                  QStringLiteral("Checkout service, renamed in place"), 10'000);
        QTRY_COMPARE(page->model()->keyFromIndex(page->model()->indexOfKey(id))->note,
                     QStringLiteral("Checkout service, renamed in place"));
        QTRY_VERIFY(details->findChild<QLabel *>(QStringLiteral("detailsNoteStatus"))->text().contains(QLatin1String("saved")));
        // An empty note is refused before it reaches the server, and the server's copy is unchanged.
        note->selectAll();
        QTest::keyClick(note, Qt::Key_Backspace);
        QTest::keyClick(note, Qt::Key_Return);
        QVERIFY(details->findChild<QLabel *>(QStringLiteral("detailsNoteStatus"))->text().contains(QLatin1String("Write a note")));
        QCOMPARE(serverKey(id).value(QStringLiteral("note")).toString(), QStringLiteral("Checkout service, renamed in place"));

        // Several keys selected: the panel says so instead of showing one of them.
        auto *table = page->findChild<QTableView *>(QStringLiteral("keyTable"));
        table->selectAll();
        QVERIFY(details->findChild<QLabel *>(QStringLiteral("keyDetailsNothing"))->text().contains(QLatin1String("selected")));
        QVERIFY(details->keyId().isEmpty());

        // A narrow window puts the details under the list.
        auto *splitter = page->findChild<QSplitter *>(QStringLiteral("keysSplitter"));
        QCOMPARE(splitter->orientation(), Qt::Horizontal);
        window->resize(800, 860);
        QTRY_COMPARE(splitter->orientation(), Qt::Vertical);
    }

    void editDialogSendsOnlyChangesAndKeepsTheFormOnFailure()
    {
        auto window = openKeysPage(m_server, QStringLiteral("edit"));
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<KeysPage *>(QStringLiteral("keysPage")), 30'000);
        auto *page = window->findChild<KeysPage *>(QStringLiteral("keysPage"));
        QTRY_VERIFY_WITH_TIMEOUT(page->isVisible() && page->model()->rowCount() > 0 && !page->model()->isLoading(), 30'000);
        const QString id = selectKey(page, [](const ApiKey &k) {
            return k.status == ApiKey::Status::Active && !k.expiresAt.isValid()
                && k.permissions.contains(QLatin1String("payments:write"));
        });
        QVERIFY2(!id.isEmpty(), "the demo data has a never-expiring key with payments:write");
        const QString noteBefore = serverKey(id).value(QStringLiteral("note")).toString();

        QTest::keySequence(page->findChild<QTableView *>(QStringLiteral("keyTable")), QKeySequence(Qt::CTRL | Qt::Key_E));
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<CreateKeyDialog *>(QStringLiteral("editKeyDialog")), 10'000);
        auto *dialog = window->findChild<CreateKeyDialog *>(QStringLiteral("editKeyDialog"));
        QTRY_VERIFY(dialog->isVisible());
        auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveKeyButton"));
        QVERIFY(!save->isEnabled()); // nothing changed yet
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("keyNote"))->text(), noteBefore);
        QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("perm_payments_2"))->isChecked());

        // Read only, expiring in 30 days.
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("preset1")), Qt::LeftButton);
        auto *expiry = dialog->findChild<QComboBox *>(QStringLiteral("keyExpiry"));
        expiry->setCurrentIndex(expiry->findData(30));
        QVERIFY(save->isEnabled());
        const KeyUpdate change = dialog->changes();
        QVERIFY(!change.note); // the note was not touched, so it is not sent
        QVERIFY(change.permissions);
        QVERIFY(change.changeExpiry);
        dialog->layout()->activate(); // the summary grew: lay out before the picture
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            dialog->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/edit-key.png"));
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!window->findChild<CreateKeyDialog *>(QStringLiteral("editKeyDialog")), 10'000);
        const QJsonObject after = serverKey(id);
        for (const QJsonValue &p : after.value(QStringLiteral("permissions")).toArray())
            QVERIFY2(p.toString().endsWith(QLatin1String(":read")), qPrintable(p.toString()));
        const QDateTime expires = QDateTime::fromString(after.value(QStringLiteral("expires_at")).toString(), Qt::ISODate);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().daysTo(expires) - 30) <= 1);
        QCOMPARE(after.value(QStringLiteral("note")).toString(), noteBefore);
        const ApiKey *listed = page->model()->keyFromIndex(page->model()->indexOfKey(id));
        QCOMPARE(listed->expiresAt, expires);
        QVERIFY(!listed->permissions.contains(QLatin1String("payments:write")));

        // Revoked elsewhere while the dialog is open: the server's refusal shows in the dialog,
        // which keeps what was typed, and the list is left as it was.
        page->findChild<QTableView *>(QStringLiteral("keyTable"))->setFocus();
        window->activateWindow(); // offscreen, nothing gives the window back its focus when a dialog closes
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTest::keySequence(page->findChild<QTableView *>(QStringLiteral("keyTable")), QKeySequence(Qt::CTRL | Qt::Key_E));
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<CreateKeyDialog *>(QStringLiteral("editKeyDialog")), 10'000);
        dialog = window->findChild<CreateKeyDialog *>(QStringLiteral("editKeyDialog"));
        QCOMPARE(m_server.post(QStringLiteral("/secret-keys/%1/revoke").arg(id), QJsonObject(), m_readKey).status, 200);
        auto *noteField = dialog->findChild<QLineEdit *>(QStringLiteral("keyNote"));
        noteField->selectAll();
        QTest::keyClicks(noteField, QStringLiteral("too late"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveKeyButton")), Qt::LeftButton);
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("createKeyError"));
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10'000);
        QVERIFY2(error->text().contains(QLatin1String("revoked")), qPrintable(error->text()));
        QVERIFY(dialog->isVisible());
        QCOMPARE(noteField->text(), QStringLiteral("too late"));
        QCOMPARE(page->model()->keyFromIndex(page->model()->indexOfKey(id))->note, noteBefore);
        dialog->reject();
    }

    // The publishable keys tab sits beside the secret keys; each tab's Ctrl+N and F5 act on its
    // own list, never ambiguously on both.
    void publishableTabKeepsItsOwnShortcuts()
    {
        auto window = openKeysPage(m_server, QStringLiteral("tabs"));
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<KeysPage *>(QStringLiteral("keysPage")), 30'000);
        auto *page = window->findChild<KeysPage *>(QStringLiteral("keysPage"));
        QTRY_VERIFY_WITH_TIMEOUT(page->isVisible() && page->model()->rowCount() > 0 && !page->model()->isLoading(), 30'000);
        QVERIFY(!page->publishable()->isVisible());
        QCOMPARE(page->publishable()->model()->rowCount(), 0); // a hidden tab fetches nothing
        page->tabs()->setCurrentWidget(page->publishable());
        QTRY_VERIFY_WITH_TIMEOUT(page->publishable()->model()->rowCount() > 0, 20'000);
        const int demoKeys = int(m_server.get(QStringLiteral("/publishable-keys"), m_readKey)
                                     .json().value(QStringLiteral("data")).toArray().size());
        QCOMPARE(page->publishable()->model()->rowCount(), demoKeys);
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            window->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/publishable-tab.png"));

        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        auto *table = page->publishable()->findChild<QTableView *>(QStringLiteral("publishableTable"));
        table->setFocus();
        QTest::keySequence(table, QKeySequence::New);
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<QDialog *>(QStringLiteral("createPublishableKeyDialog")), 10'000);
        QVERIFY(!window->findChild<CreateKeyDialog *>(QStringLiteral("createKeyDialog")));
        window->findChild<QDialog *>(QStringLiteral("createPublishableKeyDialog"))->reject();

        // Back on the secret keys, Ctrl+N creates a secret key.
        page->tabs()->setCurrentIndex(0);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        page->findChild<QTableView *>(QStringLiteral("keyTable"))->setFocus();
        QTest::keySequence(page->findChild<QTableView *>(QStringLiteral("keyTable")), QKeySequence::New);
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<CreateKeyDialog *>(QStringLiteral("createKeyDialog")), 10'000);
        QVERIFY(!window->findChild<QDialog *>(QStringLiteral("createPublishableKeyDialog"))
                || !window->findChild<QDialog *>(QStringLiteral("createPublishableKeyDialog"))->isVisible());
        window->findChild<CreateKeyDialog *>(QStringLiteral("createKeyDialog"))->reject();

        // F5 reloads the secret keys (it was bound twice before, which made it ambiguous and dead).
        QSignalSpy loading(page->model(), &KeyListModel::loadingChanged);
        QVERIFY(loading.isValid());
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        page->findChild<QTableView *>(QStringLiteral("keyTable"))->setFocus();
        QTest::keyClick(page->findChild<QTableView *>(QStringLiteral("keyTable")), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(loading.size() >= 2, 10'000); // started and finished
    }

    void permissionsBeyondTheUsersOwnAreDisabled()
    {
        const TestServer::Response catalog = m_server.get(QStringLiteral("/permissions"), m_readKey);
        QCOMPARE(catalog.status, 200);
        QList<PermissionResource> resources;
        for (const QJsonValue &v : catalog.json().value(QStringLiteral("data")).toArray())
            resources.append(PermissionResource::fromJson(v.toObject()));
        QVERIFY(resources.size() > 2);
        CreateKeyDialog dialog(resources);
        dialog.setGrantable({QStringLiteral("payments:write"), QStringLiteral("customers:read")},
                            QStringLiteral("This key"));
        const QString other = resources.constLast().resource;
        QVERIFY(other != QLatin1String("payments") && other != QLatin1String("customers"));
        QVERIFY(dialog.findChild<QRadioButton *>(QStringLiteral("perm_payments_2"))->isEnabled());
        QVERIFY(dialog.findChild<QRadioButton *>(QStringLiteral("perm_customers_1"))->isEnabled());
        auto *customersWrite = dialog.findChild<QRadioButton *>(QStringLiteral("perm_customers_2"));
        QVERIFY(!customersWrite->isEnabled());
        QVERIFY(customersWrite->toolTip().contains(QLatin1String("This key cannot grant")));
        QVERIFY(!dialog.findChild<QRadioButton *>(QStringLiteral("perm_%1_1").arg(other))->isEnabled());
        // "Full access" gives the most the user holds on each resource, nothing beyond it.
        dialog.applyPreset(2);
        QCOMPARE(dialog.draft().permissions, QStringList({QStringLiteral("payments:write"), QStringLiteral("customers:read")}));
    }

    void emptyStateOffersCreate()
    {
        TestServer empty;
        QVERIFY(empty.start({QStringLiteral("--demo")}));
        const QString admin = empty.createKey(QStringLiteral("secret_keys:write"), QStringLiteral("cleaner"));
        // Retire every demo key, then the cleaning key itself.
        for (int guard = 0; guard < 20; ++guard) {
            const TestServer::Response list = empty.get(QStringLiteral("/secret-keys?limit=100"), admin);
            QCOMPARE(list.status, 200);
            QString selfId;
            int others = 0;
            for (const QJsonValue &v : list.json().value(QStringLiteral("data")).toArray()) {
                const QString id = v.toObject().value(QStringLiteral("id")).toString();
                if (v.toObject().value(QStringLiteral("note")).toString() == QLatin1String("cleaner")) {
                    selfId = id;
                    continue;
                }
                ++others;
                QCOMPARE(empty.post(QStringLiteral("/secret-keys/%1/delete").arg(id), QJsonObject(), admin).status, 200);
            }
            if (others == 0) {
                QCOMPARE(empty.post(QStringLiteral("/secret-keys/%1/delete").arg(selfId), QJsonObject(), admin).status, 200);
                break;
            }
        }
        auto window = openKeysPage(empty, QStringLiteral("empty"));
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<KeysPage *>(QStringLiteral("keysPage")), 30'000);
        auto *page = window->findChild<KeysPage *>(QStringLiteral("keysPage"));
        auto *title = page->findChild<QLabel *>(QStringLiteral("keysStateTitle"));
        QTRY_VERIFY_WITH_TIMEOUT(title->isVisible() && title->text() == QLatin1String("No secret keys yet"), 30'000);
        auto *create = page->findChild<QPushButton *>(QStringLiteral("emptyCreateButton"));
        QVERIFY(create->isVisible());
        QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("keysRetryButton"))->isVisible());
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            window->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/keys-empty.png"));
        QTest::mouseClick(create, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window->findChild<CreateKeyDialog *>(QStringLiteral("createKeyDialog")), 10'000);
        window->findChild<CreateKeyDialog *>(QStringLiteral("createKeyDialog"))->reject();
    }
};

QTEST_MAIN(TestGuiKeyDetails)
#include "tst_gui_keydetails.moc"

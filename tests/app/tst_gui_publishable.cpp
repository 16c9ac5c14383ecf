// SPDX-License-Identifier: GPL-3.0-or-later
// The publishable-keys panel offscreen against the real keyward-server with demo data, signed in
// through the browser as demo users: the list shows the server's keys in full; create (keyboard
// only), copy and delete change the server and the list together; viewers can copy but not
// change; a stopped server gives a designed error state (and inline errors) until it is back;
// an organization without publishable keys gets the empty state.
#include "KeyringSession.h"
#include "CreatePublishableKeyDialog.h"
#include "PublishableKeyModel.h"
#include "PublishableKeysPanel.h"
#include "Session.h"
#include "TestServer.h"
#include "TokenStore.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <memory>
#include <optional>

using namespace keyward;

namespace {

template<typename T>
T *find(QObject *root, const char *name)
{
    return root->findChild<T *>(QString::fromLatin1(name));
}

} // namespace

class TestGuiPublishable : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    TokenStore m_tokens {QStringLiteral("Keyward tst_gui_publishable")};
    QString m_apiKey; // a secret key with publishable_keys:write, to check and arrange through the API

    std::unique_ptr<Session> signIn(const QString &email, const QString &password)
    {
        qputenv("KEYWARD_TEST_EMAIL", email.toUtf8());
        qputenv("KEYWARD_TEST_PASSWORD", password.toUtf8());
        Profile p;
        p.name = QStringLiteral("tst_gui_publishable ") + email;
        p.apiUrl = m_server.url(QString());
        p.issuerUrl = m_server.url(QString());
        auto session = std::make_unique<Session>(p, &m_tokens, BrowserLauncher());
        session->auth()->signIn();
        if (!QTest::qWaitFor([&] { return session->identity().has_value(); }, 30'000))
            return nullptr;
        return session;
    }

    std::unique_ptr<PublishableKeysPanel> openPanel(Session *session)
    {
        auto panel = std::make_unique<PublishableKeysPanel>();
        panel->resize(900, 480);
        panel->setSession(session);
        // What the keys page does when the identity changes.
        connect(session, &Session::identityChanged, panel.get(), &PublishableKeysPanel::updateRole);
        panel->show();
        return panel;
    }

    QList<PublishableKey> serverKeys()
    {
        const TestServer::Response r = m_server.get(QStringLiteral("/publishable-keys?limit=100"), m_apiKey);
        if (r.status != 200)
            qWarning("GET /publishable-keys answered %d: %s", r.status, r.body.constData());
        QList<PublishableKey> out;
        for (const QJsonValue &v : r.json().value(QStringLiteral("data")).toArray())
            out.append(PublishableKey::fromJson(v.toObject()));
        return out;
    }

    std::optional<PublishableKey> serverKeyWithNote(const QString &note)
    {
        for (const PublishableKey &k : serverKeys()) {
            if (k.note == note)
                return k;
        }
        return std::nullopt;
    }

    static QString selectedId(PublishableKeysPanel *panel)
    {
        auto *table = find<QTableView>(panel, "publishableTable");
        const QModelIndexList rows = table->selectionModel()->selectedRows();
        return rows.size() == 1 ? rows.constFirst().data(PublishableKeyModel::KeyIdRole).toString() : QString();
    }

    // The offscreen platform activates windows only when asked (a desktop's window manager
    // activates a dialog that opens and gives the activation back when it closes): ask as the
    // window manager would, and wait until the application agrees.
    static bool activate(QWidget *window)
    {
        window->activateWindow();
        return QTest::qWaitFor([window] { return QApplication::activeWindow() == window->window(); }, 5'000);
    }

    static void screenshot(QWidget *widget, const char *name)
    {
        if (qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            return;
        if (widget->layout())
            widget->layout()->activate(); // lay out what just changed before the picture
        widget->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QLatin1Char('/') + QLatin1String(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        KEYWARD_REQUIRE_UNLOCKED_KEYRING();
        QVERIFY(m_server.start({QStringLiteral("--demo")}));
        qputenv("KEYWARD_BROWSER", qgetenv("KEYWARD_TEST_BROWSER"));
        m_apiKey = m_server.createKey(QStringLiteral("publishable_keys:write"), QStringLiteral("tst_gui_publishable"));
        QVERIFY(!m_apiKey.isEmpty());
    }

    void init()
    {
        QGuiApplication::clipboard()->clear();
    }

    void listsTheServersKeysInFull()
    {
        const QList<PublishableKey> onServer = serverKeys();
        QCOMPARE(onServer.size(), 4); // the demo organization's
        auto session = signIn(QStringLiteral("adam.admin@example.com"), QStringLiteral("demo-admin-password"));
        QVERIFY(session);
        auto panel = openPanel(session.get());
        auto *table = find<QTableView>(panel.get(), "publishableTable");
        QVERIFY(table);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), onServer.size(), 20'000);
        QVERIFY(table->isVisible());
        QCOMPARE(panel->model()->rowCount(), onServer.size());

        QHash<QString, PublishableKey> byKey;
        for (const PublishableKey &k : onServer)
            byKey.insert(k.key, k);
        QFontMetrics mono(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        qint64 previous = std::numeric_limits<qint64>::max();
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QString value = table->model()->index(row, PublishableKeyModel::Key).data().toString();
            QVERIFY2(value.startsWith(QLatin1String("pk_")) && value.size() > 20, qPrintable(value));
            QVERIFY2(byKey.contains(value), qPrintable(value));
            QCOMPARE(table->model()->index(row, PublishableKeyModel::Note).data().toString(), byKey.value(value).note);
            QVERIFY(table->model()->index(row, PublishableKeyModel::Created).data(Qt::ToolTipRole).toString().contains(
                QLatin1String("\nby ")));
            // Newest first, by time.
            const qint64 created = table->model()->index(row, PublishableKeyModel::Created).data(PublishableKeyModel::SortRole).toLongLong();
            QVERIFY(created <= previous);
            previous = created;
            // The whole key fits its column: nothing of it is elided.
            QVERIFY2(table->columnWidth(PublishableKeyModel::Key) >= mono.horizontalAdvance(value),
                     qPrintable(QString::number(table->columnWidth(PublishableKeyModel::Key))));
        }
        QVERIFY(find<QLabel>(panel.get(), "publishableIntro")->isVisible());
        QVERIFY(!find<QLabel>(panel.get(), "publishableIntro")->text().isEmpty());
        QVERIFY(!find<QLabel>(panel.get(), "publishableRoleNote")->isVisible());
        QVERIFY(find<QAction>(panel.get(), "newPublishableKeyAction")->isEnabled());
        // Copy and delete wait for a selection.
        QVERIFY(!find<QAction>(panel.get(), "copyPublishableKeyAction")->isEnabled());
        QVERIFY(!find<QAction>(panel.get(), "deletePublishableKeyAction")->isEnabled());
        table->selectRow(0);
        QVERIFY(find<QAction>(panel.get(), "copyPublishableKeyAction")->isEnabled());
        QVERIFY(find<QAction>(panel.get(), "deletePublishableKeyAction")->isEnabled());
        screenshot(panel.get(), "publishable.png");
    }

    // Ctrl+N, type, Enter → the row the server created; Ctrl+C copies exactly that value;
    // Delete asks first (Escape keeps the key), then deletes it on the server and in the list.
    void createCopyDeleteWithTheKeyboard()
    {
        auto session = signIn(QStringLiteral("adam.admin@example.com"), QStringLiteral("demo-admin-password"));
        QVERIFY(session);
        auto panel = openPanel(session.get());
        auto *table = find<QTableView>(panel.get(), "publishableTable");
        QTRY_VERIFY_WITH_TIMEOUT(table->isVisible() && panel->model()->rowCount() > 0, 20'000);
        const int before = panel->model()->rowCount();
        QVERIFY(activate(panel.get()));
        // Start away from the table: after the create the keyboard must land on the new row.
        auto *refreshButton = find<QPushButton>(panel.get(), "refreshPublishableButton");
        refreshButton->setFocus();
        QTRY_VERIFY(refreshButton->hasFocus());
        QTest::keySequence(QApplication::focusWidget(), QKeySequence::New);

        CreatePublishableKeyDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = panel->findChild<CreatePublishableKeyDialog *>()) && dialog->isVisible(), 10'000);
        QPointer<CreatePublishableKeyDialog> dialogAlive(dialog);
        QVERIFY(activate(dialog));
        auto *note = find<QLineEdit>(dialog, "publishableNote");
        auto *count = find<QLabel>(dialog, "publishableNoteCount");
        auto *create = find<QPushButton>(dialog, "createPublishableButton");
        QTRY_VERIFY(note->hasFocus());
        // As the server checks it: required, at most 200 characters, no control characters.
        QVERIFY(!create->isEnabled());
        QCOMPARE(count->text(), QStringLiteral("0 / 200"));
        note->setText(QString(201, QLatin1Char('x')));
        QCOMPARE(count->text(), QStringLiteral("201 / 200"));
        QVERIFY(!create->isEnabled());
        QVERIFY(create->toolTip().contains(QLatin1String("200")));
        note->setText(QString(200, QLatin1Char('x')));
        QVERIFY(create->isEnabled());
        note->setText(QStringLiteral("tab\tinside"));
        QVERIFY(!create->isEnabled());
        note->setText(QStringLiteral("   "));
        QVERIFY(!create->isEnabled());
        note->clear();
        const QString noteText = QStringLiteral("GUI test: partner widget");
        QTest::keyClicks(QApplication::focusWidget(), noteText);
        QCOMPARE(count->text(), QStringLiteral("%1 / 200").arg(noteText.size()));
        QVERIFY(create->isEnabled());
        screenshot(dialog, "publishable-create.png");
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // the default button

        QTRY_VERIFY_WITH_TIMEOUT(!dialogAlive, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), before + 1, 20'000);
        const std::optional<PublishableKey> created = serverKeyWithNote(noteText);
        QVERIFY(created);
        QVERIFY(created->key.startsWith(QLatin1String("pk_")));
        const PublishableKey *shown = panel->model()->keyFromIndex(panel->model()->indexOfKey(created->id));
        QVERIFY(shown);
        QCOMPARE(shown->key, created->key);
        QCOMPARE(shown->note, noteText);
        // The new row is selected, and the keyboard is on the table.
        QCOMPARE(selectedId(panel.get()), created->id);
        QVERIFY(activate(panel.get()));
        QTRY_VERIFY(table->hasFocus());

        // Copy: exactly the value, with a short note that it happened.
        auto *copied = find<QLabel>(panel.get(), "publishableCopied");
        QVERIFY(!copied->isVisible());
        QTest::keySequence(table, QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(), created->key);
        QVERIFY(copied->isVisible());
        QVERIFY(copied->text().contains(noteText));
        QTRY_VERIFY_WITH_TIMEOUT(!copied->isVisible(), PublishableKeysPanel::CopiedFeedbackMs + 3000);

        // Delete, then think better of it: Escape keeps the key.
        QTest::keyClick(table, Qt::Key_Delete);
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = find<QMessageBox>(panel.get(), "deletePublishableConfirm")) && box->isVisible(),
                                 10'000);
        QVERIFY2(box->text().contains(noteText), qPrintable(box->text()));
        QVERIFY(box->informativeText().contains(created->key));
        QPointer<QMessageBox> boxAlive(box);
        QVERIFY(activate(box));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!boxAlive);
        // A negative check: give a (wrong) delete request time to reach the server and come back.
        QTest::qWait(200);
        QVERIFY(panel->model()->indexOfKey(created->id).isValid());
        QVERIFY(serverKeyWithNote(noteText));

        // Delete for real (Alt+D, the button's mnemonic).
        QVERIFY(activate(panel.get()));
        QTRY_VERIFY(table->hasFocus());
        QCOMPARE(selectedId(panel.get()), created->id);
        QTest::keyClick(table, Qt::Key_Delete);
        QTRY_VERIFY_WITH_TIMEOUT((box = find<QMessageBox>(panel.get(), "deletePublishableConfirm")) && box->isVisible(),
                                 10'000);
        boxAlive = box;
        QVERIFY(activate(box));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_D, Qt::AltModifier);
        QTRY_VERIFY(!boxAlive);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->model()->indexOfKey(created->id).isValid(), 20'000);
        QCOMPARE(panel->model()->rowCount(), before);
        QVERIFY(!serverKeyWithNote(noteText));
        QCOMPARE(serverKeys().size(), before);
        // The keyboard stays on a row: the one that took the deleted one's place.
        QVERIFY(!selectedId(panel.get()).isEmpty());
        QVERIFY(!find<QLabel>(panel.get(), "publishableMessage")->isVisible());
    }

    void viewerCopiesButCannotChange()
    {
        auto session = signIn(QStringLiteral("victor.viewer@example.com"), QStringLiteral("demo-viewer-password"));
        QVERIFY(session);
        QCOMPARE(session->identity()->role, QStringLiteral("viewer"));
        auto panel = openPanel(session.get());
        auto *table = find<QTableView>(panel.get(), "publishableTable");
        QTRY_VERIFY_WITH_TIMEOUT(table->isVisible() && panel->model()->rowCount() > 0, 20'000);
        auto *roleNote = find<QLabel>(panel.get(), "publishableRoleNote");
        QVERIFY(roleNote->isVisible());
        QVERIFY(roleNote->text().contains(QLatin1String("owner or admin")));
        auto *newAction = find<QAction>(panel.get(), "newPublishableKeyAction");
        auto *deleteAction = find<QAction>(panel.get(), "deletePublishableKeyAction");
        auto *copyAction = find<QAction>(panel.get(), "copyPublishableKeyAction");
        QVERIFY(!newAction->isEnabled());
        QVERIFY(newAction->toolTip().contains(QLatin1String("owner or admin")));
        QVERIFY(!find<QWidget>(panel.get(), "newPublishableKeyButton")->isEnabled());

        QVERIFY(activate(panel.get()));
        table->setFocus();
        table->selectRow(0);
        QVERIFY(copyAction->isEnabled());
        QVERIFY(!deleteAction->isEnabled());
        QVERIFY(deleteAction->toolTip().contains(QLatin1String("owner or admin")));
        const QString value = table->model()->index(0, PublishableKeyModel::Key).data().toString();
        QTest::keySequence(table, QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(), value);

        // Neither the keys nor the slots open anything for a viewer.
        QTest::keyClick(table, Qt::Key_Delete);
        QTest::keySequence(table, QKeySequence::New);
        panel->deleteSelected();
        panel->createKey();
        // A negative check: nothing may open, not even after a server round trip's worth of time.
        QTest::qWait(300);
        QVERIFY(!panel->findChild<QMessageBox *>());
        QVERIFY(!panel->findChild<CreatePublishableKeyDialog *>());
        screenshot(panel.get(), "publishable-viewer.png");

        // Signed out: nothing of the account stays on screen.
        session->auth()->signOut();
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 0, 10'000);
        QVERIFY(!table->isVisible());
        QVERIFY(!copyAction->isEnabled());
        QVERIFY(!find<QLabel>(panel.get(), "publishableRoleNote")->isVisible());
        QVERIFY(find<QLabel>(panel.get(), "publishableStateTitle")->isVisible());
    }

    // The server goes away: a refresh keeps the list and says why; a create keeps the note and
    // says why in the dialog; a panel with nothing loaded shows the error state with Retry. Once
    // the server is back on the same port, Retry and a second Create both work.
    void serverGoneAndBack()
    {
        auto session = signIn(QStringLiteral("adam.admin@example.com"), QStringLiteral("demo-admin-password"));
        QVERIFY(session);
        auto panel = openPanel(session.get());
        auto *table = find<QTableView>(panel.get(), "publishableTable");
        QTRY_VERIFY_WITH_TIMEOUT(table->isVisible() && panel->model()->rowCount() > 0, 20'000);
        const int rows = panel->model()->rowCount();
        session->api()->setOptions({2'000, 1, 10, 1}); // no retries: fail at once
        const quint16 port = m_server.port();
        m_server.stop();

        // F5 with a list on screen: the list stays, the failure is said above it.
        QVERIFY(activate(panel.get()));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_F5);
        auto *message = find<QLabel>(panel.get(), "publishableMessage");
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 20'000);
        QVERIFY2(message->text().contains(QLatin1String("Could not connect")), qPrintable(message->text()));
        QCOMPARE(panel->model()->rowCount(), rows);
        QVERIFY(table->isVisible());

        // Create while the server is away: the error inline, the note kept, the dialog open.
        find<QAction>(panel.get(), "newPublishableKeyAction")->trigger();
        CreatePublishableKeyDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = panel->findChild<CreatePublishableKeyDialog *>()) && dialog->isVisible(), 10'000);
        const QString noteText = QStringLiteral("GUI test: created after an outage");
        find<QLineEdit>(dialog, "publishableNote")->setText(noteText);
        auto *create = find<QPushButton>(dialog, "createPublishableButton");
        create->click();
        auto *error = find<QLabel>(dialog, "createPublishableError");
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 20'000);
        QVERIFY2(error->text().contains(QLatin1String("Could not connect")), qPrintable(error->text()));
        QVERIFY(dialog->isVisible());
        QCOMPARE(find<QLineEdit>(dialog, "publishableNote")->text(), noteText);
        QTRY_VERIFY(create->isEnabled());
        screenshot(dialog, "publishable-create-error.png");
        QCOMPARE(panel->model()->rowCount(), rows);

        // Nothing loaded yet: the designed error state.
        auto fresh = openPanel(session.get());
        auto *title = find<QLabel>(fresh.get(), "publishableStateTitle");
        QTRY_VERIFY_WITH_TIMEOUT(title->isVisible() && title->text().contains(QLatin1String("Could not load")), 20'000);
        const QString text = find<QLabel>(fresh.get(), "publishableStateText")->text();
        QVERIFY2(text.contains(QLatin1String("Could not connect")) && text.endsWith(QLatin1Char('?')), qPrintable(text));
        auto *retry = find<QPushButton>(fresh.get(), "publishableRetryButton");
        QVERIFY(retry->isVisible());
        QVERIFY(!find<QTableView>(fresh.get(), "publishableTable")->isVisible());
        screenshot(fresh.get(), "publishable-error.png");

        // Back on the same port with the same database.
        QVERIFY(m_server.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                                QStringLiteral("--demo")}));
        QCOMPARE(m_server.port(), port);
        session->api()->setOptions(ApiClient::Options());
        retry->click();
        QTRY_VERIFY_WITH_TIMEOUT(find<QTableView>(fresh.get(), "publishableTable")->isVisible(), 20'000);
        QCOMPARE(fresh->model()->rowCount(), serverKeys().size());
        QVERIFY(!retry->isVisible());

        // The same dialog, the same note: created now.
        QPointer<CreatePublishableKeyDialog> dialogAlive(dialog);
        create->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialogAlive, 20'000);
        const std::optional<PublishableKey> created = serverKeyWithNote(noteText);
        QVERIFY(created);
        QTRY_VERIFY(panel->model()->indexOfKey(created->id).isValid());
        QCOMPARE(panel->model()->rowCount(), rows + 1);
        // Exactly one key for the two attempts.
        int same = 0;
        for (const PublishableKey &k : serverKeys())
            same += k.note == noteText ? 1 : 0;
        QCOMPARE(same, 1);
        // F5 again: the failure note goes with the success.
        QVERIFY(activate(panel.get()));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(!message->isVisible(), 20'000);
    }

    // Last, as it deletes every key: an organization without publishable keys.
    void emptyStateOffersCreate()
    {
        for (const PublishableKey &k : serverKeys()) {
            const TestServer::Response r = m_server.post(QStringLiteral("/publishable-keys/%1/delete").arg(k.id),
                                                         QJsonObject(), m_apiKey);
            QCOMPARE(r.status, 200);
        }
        QCOMPARE(serverKeys().size(), 0);

        // A viewer is told who can create them; the button is there but disabled.
        {
            auto viewer = signIn(QStringLiteral("victor.viewer@example.com"), QStringLiteral("demo-viewer-password"));
            QVERIFY(viewer);
            auto panel = openPanel(viewer.get());
            auto *title = find<QLabel>(panel.get(), "publishableStateTitle");
            QTRY_VERIFY_WITH_TIMEOUT(title->isVisible() && title->text() == QLatin1String("No publishable keys yet"), 20'000);
            auto *button = find<QPushButton>(panel.get(), "publishableEmptyCreateButton");
            QVERIFY(button->isVisible());
            QVERIFY(!button->isEnabled());
            QVERIFY(button->toolTip().contains(QLatin1String("owner or admin")));
        }

        auto session = signIn(QStringLiteral("olivia.owner@example.com"), QStringLiteral("demo-owner-password"));
        QVERIFY(session);
        auto panel = openPanel(session.get());
        auto *title = find<QLabel>(panel.get(), "publishableStateTitle");
        QTRY_VERIFY_WITH_TIMEOUT(title->isVisible() && title->text() == QLatin1String("No publishable keys yet"), 20'000);
        QVERIFY(!find<QTableView>(panel.get(), "publishableTable")->isVisible());
        QVERIFY(!find<QPushButton>(panel.get(), "publishableRetryButton")->isVisible());
        auto *button = find<QPushButton>(panel.get(), "publishableEmptyCreateButton");
        QVERIFY(button->isVisible());
        QVERIFY(button->isEnabled());
        screenshot(panel.get(), "publishable-empty.png");
        button->click();
        CreatePublishableKeyDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = panel->findChild<CreatePublishableKeyDialog *>()) && dialog->isVisible(), 10'000);
        find<QLineEdit>(dialog, "publishableNote")->setText(QStringLiteral("first key"));
        find<QPushButton>(dialog, "createPublishableButton")->click();
        auto *table = find<QTableView>(panel.get(), "publishableTable");
        QTRY_VERIFY_WITH_TIMEOUT(table->isVisible() && panel->model()->rowCount() == 1, 20'000);
        QCOMPARE(table->model()->index(0, PublishableKeyModel::Note).data().toString(), QStringLiteral("first key"));
        QCOMPARE(serverKeys().size(), 1);
        QCOMPARE(serverKeys().constFirst().key, table->model()->index(0, PublishableKeyModel::Key).data().toString());
    }
};

QTEST_MAIN(TestGuiPublishable)
#include "tst_gui_publishable.moc"

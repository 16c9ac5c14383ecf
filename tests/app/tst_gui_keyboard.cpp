// SPDX-License-Identifier: GPL-3.0-or-later
// Keyward with the keyboard alone, offscreen, against the real keyward-server: the main tasks
// (create a key and store its secret, find it, edit its note, revoke it, read the audit log, look
// up a shortcut) with key events only; the Keyboard Shortcuts dialog lists every shortcut of the
// menus; no shortcut and no mnemonic is ambiguous on any page; Tab reaches every control of the
// dialogs and pages in reading order; the custom widgets describe what they show.
#include "KeyringSession.h"
#include "AuditEventDetails.h"
#include "AuditLogPage.h"
#include "AuditTimeline.h"
#include "ClipboardGuard.h"
#include "CreateKeyDialog.h"
#include "CreatePublishableKeyDialog.h"
#include "DeniedSummary.h"
#include "EnglishPlurals.h"
#include "KeyDetailsPanel.h"
#include "KeyListModel.h"
#include "KeysPage.h"
#include "LogCapture.h"
#include "MainWindow.h"
#include "ProfileStore.h"
#include "ProfilesDialog.h"
#include "PublishableKeysPanel.h"
#include "LayoutCheck.h"
#include "RotationGuiKit.h"
#include "RotationWizard.h"
#include "SecretRevealDialog.h"
#include "ShortcutsDialog.h"
#include "TestServer.h"
#include "TokenStore.h"
#include "UsageSparkline.h"

#include <QAbstractButton>
#include <QAbstractProxyModel>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPointer>
#include <QRadioButton>
#include <QSettings>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>
#include <functional>

using namespace keyward;

namespace {

QWidget *focused()
{
    return QApplication::focusWidget();
}

QWidget *keyTarget()
{
    QWidget *target = focused() ? focused() : QApplication::activeWindow();
    if (!target)
        qWarning("No window has the focus: the key goes nowhere");
    return target;
}

// A key press where the user's focus is, as the window system would deliver it.
void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    if (QWidget *target = keyTarget())
        QTest::keyClick(target, Qt::Key(key), modifiers);
}

void pressSequence(const QKeySequence &sequence)
{
    if (QWidget *target = keyTarget())
        QTest::keySequence(target, sequence);
}

// Offscreen there is no window manager to hand the activation back to the main window when a
// dialog closes; this does what it would. The focus returns to where it was in the window.
bool backTo(QWidget *window)
{
    if (QApplication::activeWindow() != window)
        window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

void type(const QString &text)
{
    QTest::keyClicks(focused(), text);
}

// Tab (or Shift+Tab) until the focus satisfies `wanted`; false after `limit` presses.
bool tabUntil(const std::function<bool(QWidget *)> &wanted, int limit = 60, bool backwards = false)
{
    for (int i = 0; i <= limit; ++i) {
        if (focused() && wanted(focused()))
            return true;
        if (!focused())
            return false;
        press(backwards ? Qt::Key_Backtab : Qt::Key_Tab, backwards ? Qt::ShiftModifier : Qt::NoModifier);
    }
    return false;
}

bool tabTo(QWidget *target, int limit = 60, bool backwards = false)
{
    return tabUntil([target](QWidget *w) { return w == target; }, limit, backwards);
}

QString describe(const QWidget *w)
{
    if (!w)
        return QStringLiteral("(none)");
    QString text;
    if (auto *b = qobject_cast<const QAbstractButton *>(w))
        text = b->text();
    else if (auto *l = qobject_cast<const QLabel *>(w))
        text = l->text();
    return QStringLiteral("%1 \"%2\" %3")
        .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(), text.left(40));
}

QString plain(const QString &text)
{
    return ShortcutsDialog::plainText(text);
}

// Whether Qt would consider `action`'s shortcut in context now, reached through `carrier`'s
// widgets (a menu's action stands for the menu), as QShortcutMap's widget matcher decides.
bool inContext(Qt::ShortcutContext context, const QAction *carrier, QWidget *window)
{
    for (QObject *object : carrier->associatedObjects()) {
        auto *w = qobject_cast<QWidget *>(object);
        if (!w)
            continue;
        if (auto *menu = qobject_cast<QMenu *>(w)) {
            if (inContext(context, menu->menuAction(), window))
                return true;
            continue;
        }
        if (!w->isVisible() || !w->isEnabled())
            continue;
        switch (context) {
        case Qt::ApplicationShortcut:
            return true;
        case Qt::WindowShortcut:
            if (w->window() == window)
                return true;
            break;
        case Qt::WidgetShortcut:
            if (focused() == w)
                return true;
            break;
        case Qt::WidgetWithChildrenShortcut:
            for (QWidget *f = focused(); f; f = f->isWindow() ? nullptr : f->parentWidget()) {
                if (f == w)
                    return true;
            }
            break;
        }
    }
    return false;
}

void collectMenu(QMenu *menu, QList<QAction *> &actions)
{
    for (QAction *a : menu->actions()) {
        if (!actions.contains(a))
            actions.append(a);
        if (a->menu())
            collectMenu(a->menu(), actions);
    }
}

// Every QAction of the window: its widgets' and its menus'.
QList<QAction *> allActions(QWidget *window)
{
    QList<QAction *> actions;
    QList<QWidget *> widgets { window };
    widgets += window->findChildren<QWidget *>();
    for (QWidget *w : std::as_const(widgets)) {
        for (QAction *a : w->actions()) {
            if (!actions.contains(a))
                actions.append(a);
        }
        if (auto *menu = qobject_cast<QMenu *>(w))
            collectMenu(menu, actions);
    }
    return actions;
}

// Key sequences that more than one enabled action answers to with the focus where it is now.
// Qt fires none of them (it reports "ambiguous shortcut" and cycles through them instead).
QStringList ambiguousShortcuts(QWidget *window)
{
    QMultiMap<QString, QString> owners;
    for (QAction *a : allActions(window)) {
        if (!a->isEnabled() || !a->isVisible() || a->shortcuts().isEmpty()
            || !inContext(a->shortcutContext(), a, window))
            continue;
        for (const QKeySequence &k : a->shortcuts())
            owners.insert(k.toString(QKeySequence::PortableText),
                a->objectName() + QLatin1Char(' ') + plain(a->text()));
    }
    QStringList clashes;
    for (const QString &key : owners.uniqueKeys()) {
        if (owners.count(key) > 1)
            clashes.append(key + QStringLiteral(": ") + owners.values(key).join(QStringLiteral(" | ")));
    }
    return clashes;
}

// The controls Tab should reach in `root`: visible, enabled, taking focus by Tab.
QList<QWidget *> tabStops(QWidget *root)
{
    QList<QWidget *> stops;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) == Qt::TabFocus
            && !w->focusProxy() && w->window() == root->window())
            stops.append(w);
    }
    return stops;
}

// Tabs from the focus once round the window: the focus widgets in the order Tab visits them.
QList<QWidget *> tabCycle(int limit)
{
    QList<QWidget *> cycle;
    QWidget *start = focused();
    if (!start)
        return cycle;
    cycle.append(start);
    for (int i = 0; i < limit; ++i) {
        press(Qt::Key_Tab);
        if (!focused() || focused() == start)
            break;
        cycle.append(focused());
    }
    return cycle;
}

QString rectText(const QRect &r)
{
    return QStringLiteral("(%1,%2 %3×%4)").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

QRect geometryIn(QWidget *w, QWidget *window)
{
    return QRect(w->mapTo(window, QPoint(0, 0)), w->size());
}

// Reading order from a to b: on the same row to the right, on a lower row, or up into a column
// to the right of a (two-column layouts such as a list beside its form, a table beside details).
bool readsAfter(const QRect &a, const QRect &b)
{
    const bool sameRow = b.center().y() >= a.top() && b.center().y() <= a.bottom();
    const bool sameRowBack = a.center().y() >= b.top() && a.center().y() <= b.bottom();
    if (sameRow || sameRowBack)
        return b.center().x() > a.center().x() || b.left() >= a.right() - 2;
    if (b.center().y() > a.center().y())
        return true;
    return b.left() >= a.right() - 2;
}

struct TabReport
{
    QStringList missed;
    QStringList outOfOrder;
    QStringList visited;
};

// Walks Tab once round from the focus and reports the tab stops of `root` it never reached, and
// the steps that go against reading order. The focus must be in `root` at the start.
TabReport walkTabs(QWidget *root)
{
    TabReport report;
    const QList<QWidget *> expected = tabStops(root);
    const QList<QWidget *> cycle = tabCycle(int(expected.size()) * 2 + 20);
    QWidget *window = root->window();
    QList<QWidget *> inRoot;
    for (QWidget *w : cycle) {
        if (root->isAncestorOf(w))
            inRoot.append(w);
    }
    // Read the cycle from the control that comes first on screen: the step that wraps from the
    // last control back to the first is the only one allowed to go up.
    const auto first = std::min_element(inRoot.cbegin(), inRoot.cend(), [window](QWidget *a, QWidget *b) {
        const QRect ra = geometryIn(a, window);
        const QRect rb = geometryIn(b, window);
        const bool sameRow = (ra.center().y() >= rb.top() && ra.center().y() <= rb.bottom())
            || (rb.center().y() >= ra.top() && rb.center().y() <= ra.bottom());
        return sameRow ? ra.left() < rb.left() : ra.top() < rb.top();
    });
    if (first != inRoot.cend())
        std::rotate(inRoot.begin(), inRoot.begin() + (first - inRoot.cbegin()), inRoot.end());
    for (QWidget *w : std::as_const(inRoot))
        report.visited.append(describe(w));
    for (QWidget *w : expected) {
        if (cycle.contains(w))
            continue;
        // Radio buttons of an exclusive group are one tab stop: the arrow keys move between
        // them (and check them), as on every platform.
        if (auto *radio = qobject_cast<QRadioButton *>(w);
            radio && radio->group() && radio->group()->exclusive()) {
            bool groupReached = false;
            for (QAbstractButton *b : radio->group()->buttons())
                groupReached = groupReached || cycle.contains(b);
            if (groupReached)
                continue;
        }
        report.missed.append(describe(w));
    }
    for (qsizetype i = 1; i < inRoot.size(); ++i) {
        const QRect a = geometryIn(inRoot.at(i - 1), window);
        const QRect b = geometryIn(inRoot.at(i), window);
        if (!readsAfter(a, b))
            report.outOfOrder.append(
                QStringLiteral("%1 %2 → %3 %4")
                    .arg(describe(inRoot.at(i - 1)), rectText(a), describe(inRoot.at(i)), rectText(b)));
    }
    return report;
}

// Runs `act` on the next modal dialog named `name` once it is up (an exec() in the code under
// test blocks the caller's key press until the dialog closes).
void whenModal(QObject *context, const QString &name, std::function<void(QWidget *)> act)
{
    auto *timer = new QTimer(context);
    auto *tries = new int(0);
    QObject::connect(timer, &QTimer::timeout, context, [timer, tries, name, act] {
        QWidget *modal = QApplication::activeModalWidget();
        if ((!modal || modal->objectName() != name) && ++*tries < 750)
            return;
        timer->stop();
        timer->deleteLater();
        delete tries;
        if (modal && modal->objectName() == name)
            act(modal);
    });
    timer->start(20);
}

template <typename T> T *visibleChild(QWidget *window)
{
    T *found = nullptr;
    const bool up = QTest::qWaitFor(
        [&] {
            found = window->findChild<T *>();
            return found && found->isVisible() && QApplication::activeWindow() == found;
        },
        20'000);
    return up ? found : nullptr;
}

} // namespace

class TestGuiKeyboard : public QObject
{
    Q_OBJECT

private:
    rotationkit::SignedInWindow open(const QString &name, int page = 1)
    {
        return rotationkit::openKeysPage(m_server, m_dir.filePath(name + QStringLiteral(".ini")),
            QStringLiteral("Keyward tst_gui_keyboard ") + name, page);
    }

    // Signed in, the keys listed, the window active, the focus in the key list.
    KeysPage *ready(MainWindow *window)
    {
        KeysPage *page = rotationkit::waitForKeys(window);
        if (!page)
            return nullptr;
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window))
            return nullptr;
        page->findChild<QTableView *>(QStringLiteral("keyTable"))->setFocus(Qt::OtherFocusReason);
        return page;
    }

    QJsonObject serverKey(const QString &id) { return rotationkit::serverKey(m_server, m_admin, id); }

    LogCapture m_log;
    EnglishPlurals m_plurals;
    TestServer m_server;
    QTemporaryDir m_dir;
    QString m_admin;

private Q_SLOTS:
    void initTestCase()
    {
        m_log.install();
        QCoreApplication::installTranslator(&m_plurals);
        KEYWARD_REQUIRE_UNLOCKED_KEYRING();
        m_admin = rotationkit::startDemoServer(
            m_server, QStringLiteral("secret_keys:write,audit_log:read"), QStringLiteral("tst_gui_keyboard"));
        QVERIFY(!m_admin.isEmpty());
    }

    // Create a key and store its secret, find it, edit its note twice, revoke it, read the audit
    // log, look up a shortcut: key events only, wherever the focus is.
    void mainTasksWithKeysOnly()
    {
        auto window = open(QStringLiteral("tasks"));
        KeysPage *page = rotationkit::waitForKeys(window.get());
        QVERIFY(page);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        page->clipboard()->setTickInterval(20);
        // Signed in, the focus is on the page list; Tab goes into the page.
        auto *navigation = window->findChild<QListWidget *>(QStringLiteral("navigation"));
        QTRY_COMPARE(focused(), navigation);
        auto *secretTab = page->findChild<QWidget *>(QStringLiteral("secretKeysTab"));
        QVERIFY(tabUntil([secretTab](QWidget *w) { return secretTab->isAncestorOf(w); }, 10));
        QTRY_VERIFY(page->findChild<QAction *>(QStringLiteral("newKeyAction"))->isEnabled());

        // New key: Ctrl+N, a note, Tab to the permissions, Space, Enter.
        pressSequence(QKeySequence::New);
        auto *create = visibleChild<CreateKeyDialog>(window.get());
        QVERIFY(create);
        auto *noteField = create->findChild<QLineEdit *>(QStringLiteral("keyNote"));
        QTRY_COMPARE(focused(), noteField);
        const QString note = QStringLiteral("keyboard-only key");
        type(note);
        QVERIFY(
            tabUntil([](QWidget *w) { return w->objectName().startsWith(QLatin1String("perm_payments_")); }));
        QCOMPARE(focused()->objectName(), QStringLiteral("perm_payments_0")); // the group's checked choice
        press(Qt::Key_Right); // Read
        QCOMPARE(focused()->objectName(), QStringLiteral("perm_payments_1"));
        press(Qt::Key_Space);
        QVERIFY(qobject_cast<QRadioButton *>(focused())->isChecked());
        QCOMPARE(create->draft().permissions, QStringList { QStringLiteral("payments:read") });
        press(Qt::Key_Return); // the default button: Create key

        // The secret, once: Ctrl+C copies it, Alt+S confirms it is stored, Enter closes.
        auto *reveal = visibleChild<SecretRevealDialog>(window.get());
        QVERIFY(reveal);
        const QString secret = reveal->findChild<QLineEdit *>(QStringLiteral("secretField"))->text();
        QVERIFY(secret.startsWith(QLatin1String("skey_")));
        press(Qt::Key_Return); // Done stays shut until the key is stored: Enter copies (the focus is on Copy)
        QVERIFY(reveal->isVisible());
        QGuiApplication::clipboard()->clear();
        pressSequence(QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(), secret);
        press(Qt::Key_Escape);
        QVERIFY(reveal->isVisible()); // not before it is stored
        press(Qt::Key_S, Qt::AltModifier); // a mnemonic clicks after a short animation
        QTRY_VERIFY(reveal->findChild<QCheckBox *>(QStringLiteral("storedCheckBox"))->isChecked());
        press(Qt::Key_Return);
        QTRY_VERIFY(!window->findChild<SecretRevealDialog *>()
            || !window->findChild<SecretRevealDialog *>()->isVisible());
        QVERIFY(backTo(window.get()));
        const QString id = rotationkit::idOf(m_server, m_admin, note);
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_server.get(QStringLiteral("/payments"), secret).status, 200);

        // Find it: Ctrl+F, type, Tab to the list, Space selects it; its details show.
        pressSequence(QKeySequence::Find);
        auto *filter = page->findChild<QLineEdit *>(QStringLiteral("keyFilter"));
        QCOMPARE(focused(), filter);
        type(note);
        auto *table = page->findChild<QTableView *>(QStringLiteral("keyTable"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QVERIFY(tabTo(table, 10));
        press(Qt::Key_Space);
        QTRY_COMPARE(page->details()->keyId(), id);

        // F2 edits the note in place; Enter saves it.
        press(Qt::Key_F2);
        auto *detailsNote = page->details()->findChild<QLineEdit *>(QStringLiteral("detailsNote"));
        QCOMPARE(focused(), detailsNote);
        const QString renamed = QStringLiteral("keyboard-only key, renamed");
        type(renamed);
        press(Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(serverKey(id).value(QStringLiteral("note")).toString(), renamed, 10'000);

        // Ctrl+E from the list edits it in the dialog; Enter saves.
        QVERIFY(tabTo(table, 10, true));
        press(Qt::Key_E, Qt::ControlModifier);
        auto *edit = visibleChild<CreateKeyDialog>(window.get());
        QVERIFY(edit);
        QCOMPARE(edit->objectName(), QStringLiteral("editKeyDialog"));
        QTRY_COMPARE(focused(), edit->findChild<QLineEdit *>(QStringLiteral("keyNote")));
        pressSequence(QKeySequence::SelectAll);
        const QString edited = QStringLiteral("keyboard-only key, edited");
        type(edited);
        press(Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(serverKey(id).value(QStringLiteral("note")).toString(), edited, 10'000);
        QTRY_VERIFY(!window->findChild<CreateKeyDialog *>());
        QVERIFY(backTo(window.get()));
        QTRY_COMPARE(focused(), table);

        // Revoke: its shortcut, then Alt+R in the confirmation (Cancel is its default).
        QString confirmation;
        whenModal(this, QStringLiteral("revokeConfirm"), [&confirmation](QWidget *box) {
            confirmation = static_cast<QMessageBox *>(box)->informativeText();
            QTest::keyClick(focused(), Qt::Key_R, Qt::AltModifier);
        });
        press(Qt::Key_Delete, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY2(confirmation.contains(edited), qPrintable(confirmation));
        QVERIFY(backTo(window.get()));
        QCOMPARE(focused(), table);
        QTRY_COMPARE_WITH_TIMEOUT(
            serverKey(id).value(QStringLiteral("status")).toString(), QStringLiteral("revoked"), 10'000);
        QCOMPARE(m_server.get(QStringLiteral("/payments"), secret).status, 401);
        QTRY_VERIFY(
            page->model()->keyFromIndex(page->model()->indexOfKey(id))->status == ApiKey::Status::Revoked);

        // The audit log: Ctrl+3, Tab to the events, Space selects one, Tab reaches its details.
        press(Qt::Key_3, Qt::ControlModifier);
        auto *audit = window->findChild<AuditLogPage *>(QStringLiteral("auditPage"));
        QTRY_VERIFY(audit->isVisible());
        QTRY_VERIFY(focused() && audit->isAncestorOf(focused()));
        QTRY_VERIFY_WITH_TIMEOUT(audit->model()->rowCount() > 0, 20'000);
        QVERIFY(tabTo(audit->table(), 40));
        press(Qt::Key_Space);
        QTRY_VERIFY(audit->details()->isVisible());
        QTRY_VERIFY(!audit->details()->eventId().isEmpty());
        press(Qt::Key_Tab);
        QVERIFY2(audit->details()->isAncestorOf(focused()), qPrintable(describe(focused())));

        // Help → Keyboard Shortcuts with its key; its filter has the focus; Esc closes it.
        pressSequence(QKeySequence::HelpContents);
        auto *shortcuts = visibleChild<ShortcutsDialog>(window.get());
        QVERIFY(shortcuts);
        QCOMPARE(focused(), shortcuts->findChild<QLineEdit *>(QStringLiteral("shortcutsFilter")));
        const int all = shortcuts->visibleEntryCount();
        type(QStringLiteral("revoke"));
        QVERIFY(shortcuts->visibleEntryCount() >= 1);
        QVERIFY(shortcuts->visibleEntryCount() < all);
        press(Qt::Key_Escape);
        QTRY_VERIFY(!window->findChild<ShortcutsDialog *>());
        QGuiApplication::clipboard()->clear();
    }

    // Every shortcut of the menus is in Help → Keyboard Shortcuts with its native text, and so
    // are the pages' own (F2 on the note) and the keys controls handle themselves.
    void shortcutsDialogListsEveryMenuShortcut()
    {
        auto window = open(QStringLiteral("listed"));
        QVERIFY(ready(window.get()));
        pressSequence(QKeySequence::HelpContents);
        auto *dialog = visibleChild<ShortcutsDialog>(window.get());
        QVERIFY(dialog);
        const QList<ShortcutsDialog::Entry> entries = dialog->entries();
        auto listed = [&entries](const QString &name, const QList<QKeySequence> &keys) {
            for (const ShortcutsDialog::Entry &e : entries) {
                if (e.name == name && e.keys == keys && e.keysText == ShortcutsDialog::keysText(keys))
                    return true;
            }
            return false;
        };
        QList<QAction *> menuActions;
        for (QAction *top : window->menuBar()->actions()) {
            if (top->menu())
                collectMenu(top->menu(), menuActions);
        }
        int withKeys = 0;
        for (QAction *a : std::as_const(menuActions)) {
            if (a->isSeparator() || a->menu() || a->shortcuts().isEmpty())
                continue;
            ++withKeys;
            QVERIFY2(listed(plain(a->text()), a->shortcuts()),
                qPrintable(
                    plain(a->text()) + QStringLiteral(" ") + ShortcutsDialog::keysText(a->shortcuts())));
        }
        // Quit, the three pages, the Keys menu's commands, Keyboard Shortcuts itself.
        QVERIFY2(withKeys >= 11, qPrintable(QString::number(withKeys)));
        for (const ShortcutsDialog::Entry &e : entries)
            QVERIFY2(!e.name.isEmpty() && !e.keysText.isEmpty() && !e.group.isEmpty(),
                qPrintable(e.group + e.name));
        QVERIFY(listed(QStringLiteral("Revoke"), { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete) }));
        QVERIFY(listed(QStringLiteral("Keyboard Shortcuts"),
            window->findChild<QAction *>(QStringLiteral("keyboardShortcutsAction"))->shortcuts()));
        // The pages' own actions, under their page.
        QVERIFY(listed(QStringLiteral("Edit the note of the selected key"), { QKeySequence(Qt::Key_F2) }));
        QVERIFY(listed(QStringLiteral("Search events"), QKeySequence::keyBindings(QKeySequence::Find)));
        QVERIFY(listed(QStringLiteral("New publishable key"), QKeySequence::keyBindings(QKeySequence::New)));
        // Keys inside controls, from the dialog's table.
        int timelineKeys = 0;
        for (const ShortcutsDialog::Entry &e : entries)
            timelineKeys += e.fixed && e.group == QLatin1String("Audit timeline") ? 1 : 0;
        QCOMPARE(timelineKeys, 5);
        QVERIFY(listed(QStringLiteral("Save the edited note"), { QKeySequence(Qt::Key_Return) }));
        // The filter narrows by name, key or group, and says when nothing matches.
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            dialog->grab().save(
                qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/keyboard-shortcuts.png"));
        auto *filter = dialog->findChild<QLineEdit *>(QStringLiteral("shortcutsFilter"));
        QCOMPARE(focused(), filter);
        QCOMPARE(dialog->visibleEntryCount(), int(entries.size()));
        type(QKeySequence(Qt::Key_F2).toString(QKeySequence::NativeText));
        QVERIFY(dialog->visibleEntryCount() >= 1);
        QVERIFY(dialog->visibleEntryCount() < int(entries.size()));
        pressSequence(QKeySequence::SelectAll);
        type(QStringLiteral("timeline"));
        QCOMPARE(dialog->visibleEntryCount(), timelineKeys);
        type(QStringLiteral("zzz"));
        QCOMPARE(dialog->visibleEntryCount(), 0);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("shortcutsNoMatch"))->isVisible());
        QVERIFY(tabTo(dialog->findChild<QTreeWidget *>(QStringLiteral("shortcutsTree")), 5));
        press(Qt::Key_Escape);
        QTRY_VERIFY(!window->findChild<ShortcutsDialog *>());
    }

    // On every page and in every dialog, each key sequence and each Alt+letter belongs to one
    // control: an ambiguous shortcut fires nothing.
    void noShortcutOrMnemonicIsAmbiguous()
    {
        auto check = [](QWidget *window, const QString &where) {
            const QStringList shortcuts = ambiguousShortcuts(window);
            const QStringList mnemonics = layoutcheck::mnemonicClashes(window);
            return (shortcuts + mnemonics).isEmpty()
                ? QString()
                : where + QStringLiteral(": ") + (shortcuts + mnemonics).join(QStringLiteral("; "));
        };
        QStringList problems;
        auto record = [&problems](const QString &problem) {
            if (!problem.isEmpty())
                problems.append(problem);
        };

        {
            // Signed out: the welcome page, with and without a problem to retry; the status page.
            QSettings settings(m_dir.filePath(QStringLiteral("signedout.ini")), QSettings::IniFormat);
            ProfileStore profiles(&settings);
            TokenStore tokens(QStringLiteral("Keyward tst_gui_keyboard signed out"));
            Profile p;
            p.name = QStringLiteral("Demo");
            p.apiUrl = m_server.url(QString());
            p.issuerUrl = p.apiUrl;
            profiles.setTransient(p);
            MainWindow window(&profiles, &tokens, BrowserLauncher(), &settings);
            window.show();
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            record(check(&window, QStringLiteral("welcome")));
            window.showStartupProblem(QStringLiteral("Something went wrong."));
            record(check(&window, QStringLiteral("welcome with a problem")));
            window.showBusy(QStringLiteral("Starting"), QStringLiteral("The sandbox server is starting."));
            record(check(&window, QStringLiteral("status page")));
        }

        auto window = open(QStringLiteral("ambiguous"));
        KeysPage *page = ready(window.get());
        QVERIFY(page);
        QVERIFY(rotationkit::selectKey(page, QStringLiteral("tst_gui_keyboard")));
        QTRY_VERIFY(!page->details()->keyId().isEmpty());
        const auto focusAt = [&](QWidget *w, const QString &where) {
            w->setFocus(Qt::TabFocusReason);
            record(check(window.get(), where));
        };
        focusAt(window->findChild<QListWidget *>(QStringLiteral("navigation")),
            QStringLiteral("keys page, navigation"));
        focusAt(page->findChild<QTableView *>(QStringLiteral("keyTable")), QStringLiteral("keys page, list"));
        focusAt(
            page->findChild<QLineEdit *>(QStringLiteral("keyFilter")), QStringLiteral("keys page, filter"));
        focusAt(page->details()->findChild<QLineEdit *>(QStringLiteral("detailsNote")),
            QStringLiteral("keys page, note"));
        focusAt(page->tabs()->tabBar(), QStringLiteral("keys page, tabs"));

        // Dialogs over the keys page.
        page->findChild<QTableView *>(QStringLiteral("keyTable"))->setFocus(Qt::TabFocusReason);
        pressSequence(QKeySequence::New);
        auto *create = visibleChild<CreateKeyDialog>(window.get());
        QVERIFY(create);
        record(check(create, QStringLiteral("new key dialog")));
        press(Qt::Key_Escape);
        QTRY_VERIFY(!window->findChild<CreateKeyDialog *>());
        QVERIFY(backTo(window.get()));
        press(Qt::Key_E, Qt::ControlModifier);
        auto *edit = visibleChild<CreateKeyDialog>(window.get());
        QVERIFY(edit);
        record(check(edit, QStringLiteral("edit key dialog")));
        press(Qt::Key_Escape);
        QTRY_VERIFY(!window->findChild<CreateKeyDialog *>());
        QVERIFY(backTo(window.get()));
        press(Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        auto *wizard = visibleChild<RotationWizard>(window.get());
        QVERIFY(wizard);
        record(check(wizard, QStringLiteral("rotation, why")));
        press(Qt::Key_Escape);
        QTRY_VERIFY(
            !window->findChild<RotationWizard *>() || !window->findChild<RotationWizard *>()->isVisible());
        QVERIFY(backTo(window.get()));
        window->manageProfiles();
        auto *profilesDialog = visibleChild<ProfilesDialog>(window.get());
        QVERIFY(profilesDialog);
        record(check(profilesDialog, QStringLiteral("profiles dialog")));
        press(Qt::Key_Escape);
        QTRY_VERIFY(!window->findChild<ProfilesDialog *>());
        QVERIFY(backTo(window.get()));
        pressSequence(QKeySequence::HelpContents);
        auto *shortcuts = visibleChild<ShortcutsDialog>(window.get());
        QVERIFY(shortcuts);
        record(check(shortcuts, QStringLiteral("keyboard shortcuts")));
        press(Qt::Key_Escape);
        QTRY_VERIFY(!window->findChild<ShortcutsDialog *>());
        QVERIFY(backTo(window.get()));

        // The publishable keys tab (Alt+P), the audit log (Ctrl+3), the overview (Ctrl+1).
        page->findChild<QTableView *>(QStringLiteral("keyTable"))->setFocus(Qt::TabFocusReason);
        press(Qt::Key_P, Qt::AltModifier);
        QTRY_COMPARE(page->tabs()->currentIndex(), 1);
        QTRY_VERIFY(focused() && page->publishable()->isAncestorOf(focused()));
        record(check(window.get(), QStringLiteral("publishable keys tab")));
        focusAt(page->publishable()->findChild<QTableView *>(QStringLiteral("publishableTable")),
            QStringLiteral("publishable keys, list"));
        pressSequence(QKeySequence::New);
        QPointer<CreatePublishableKeyDialog> publishable
            = visibleChild<CreatePublishableKeyDialog>(window.get());
        QVERIFY(publishable);
        record(check(publishable, QStringLiteral("new publishable key dialog")));
        press(Qt::Key_Escape);
        QTRY_VERIFY(!publishable || !publishable->isVisible());
        QVERIFY(backTo(window.get()));
        press(Qt::Key_S, Qt::AltModifier);
        QTRY_COMPARE(page->tabs()->currentIndex(), 0);
        press(Qt::Key_3, Qt::ControlModifier);
        auto *audit = window->findChild<AuditLogPage *>(QStringLiteral("auditPage"));
        QTRY_VERIFY(audit->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(audit->model()->rowCount() > 0, 20'000);
        audit->table()->selectRow(0);
        QTRY_VERIFY(audit->details()->isVisible());
        focusAt(audit->table(), QStringLiteral("audit log, events"));
        focusAt(audit->timeline(), QStringLiteral("audit log, timeline"));
        focusAt(
            audit->findChild<QLineEdit *>(QStringLiteral("auditText")), QStringLiteral("audit log, search"));
        press(Qt::Key_1, Qt::ControlModifier);
        QTRY_VERIFY(!audit->isVisible());
        record(check(window.get(), QStringLiteral("overview")));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // The rotation wizard from start to finish with keys only: each page's controls answer to
    // their own letter, Tab goes round them in reading order, and the rotation really happens.
    void rotationWizardWithKeysOnly()
    {
        const QString note = QStringLiteral("rotated with the keyboard");
        const QString oldSecret = m_server.createKey(QStringLiteral("payments:read"), note);
        const QString oldId = rotationkit::idOf(m_server, m_admin, note);
        QVERIFY(!oldId.isEmpty());
        auto window = open(QStringLiteral("rotate"));
        KeysPage *page = ready(window.get());
        QVERIFY(page);
        pressSequence(QKeySequence::Find);
        type(note);
        auto *table = page->findChild<QTableView *>(QStringLiteral("keyTable"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QVERIFY(tabTo(table, 10));
        press(Qt::Key_Space);
        QTRY_COMPARE(page->details()->keyId(), oldId);
        press(Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QPointer<RotationWizard> wizard = visibleChild<RotationWizard>(window.get());
        QVERIFY(wizard);

        QStringList problems;
        auto checkPage = [&problems, wizard](const QString &where) {
            for (const QString &p : layoutcheck::mnemonicClashes(wizard) + ambiguousShortcuts(wizard))
                problems.append(where + QStringLiteral(": ") + p);
            if (!wizard->isAncestorOf(focused()))
                problems.append(where + QStringLiteral(": the focus is outside the wizard"));
            const TabReport report = walkTabs(wizard);
            for (const QString &p : report.missed)
                problems.append(where + QStringLiteral(": never reached ") + p);
            for (const QString &p : report.outOfOrder)
                problems.append(where + QStringLiteral(": out of order ") + p);
        };
        QCOMPARE(wizard->currentId(), int(RotationWizard::ReasonPageId));
        checkPage(QStringLiteral("why"));
        press(Qt::Key_K, Qt::AltModifier); // A person who knew the secret left
        QTRY_VERIFY(
            wizard->currentPage()
                ->findChild<QRadioButton *>(QStringLiteral("reason%1").arg(int(RotationReason::PersonLeft)))
                ->isChecked());
        press(Qt::Key_N, Qt::AltModifier); // Next
        QTRY_COMPARE(wizard->currentId(), int(RotationWizard::ReplacementPageId));
        checkPage(QStringLiteral("replacement"));
        press(Qt::Key_C, Qt::AltModifier); // Create the replacement
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(RotationWizard::RevealPageId), 10'000);
        checkPage(QStringLiteral("reveal"));
        QGuiApplication::clipboard()->clear();
        pressSequence(QKeySequence::Copy);
        const QString newSecret = QGuiApplication::clipboard()->text();
        QVERIFY(newSecret.startsWith(QLatin1String("skey_")));
        QVERIFY(newSecret != oldSecret);
        press(Qt::Key_S, Qt::AltModifier); // I have stored this key
        QTRY_VERIFY(wizard->button(QWizard::CommitButton)->isEnabled());
        press(Qt::Key_N, Qt::AltModifier); // Next
        QTRY_COMPARE(wizard->currentId(), int(RotationWizard::VerifyPageId));
        checkPage(QStringLiteral("verify"));
        press(Qt::Key_A, Qt::AltModifier); // Go on anyway
        QTRY_VERIFY(wizard->currentPage()->isComplete());
        press(Qt::Key_N, Qt::AltModifier); // Next
        QTRY_COMPARE(wizard->currentId(), int(RotationWizard::RetirePageId));
        checkPage(QStringLiteral("retire"));
        press(Qt::Key_V, Qt::AltModifier); // Revoke it now
        QTRY_VERIFY(
            wizard->currentPage()->findChild<QRadioButton *>(QStringLiteral("retireRevoke"))->isChecked());
        press(Qt::Key_R, Qt::AltModifier); // Retire the old key
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(RotationWizard::SummaryPageId), 10'000);
        press(Qt::Key_F, Qt::AltModifier); // Finish
        QTRY_VERIFY(!wizard || !wizard->isVisible()); // finished wizards are deleted
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(serverKey(oldId).value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
        QCOMPARE(m_server.get(QStringLiteral("/payments"), oldSecret).status, 401);
        QCOMPARE(m_server.get(QStringLiteral("/payments"), newSecret).status, 200);
        QGuiApplication::clipboard()->clear();
    }

    // What a screen reader hears: the key list's masked key and status cells, the usage chart and
    // the day the arrow keys are on, the timeline's summary, filter, marked range and bar, the
    // verification banner and the leak signals.
    void customWidgetsDescribeThemselves()
    {
        QCOMPARE(
            m_server.get(QStringLiteral("/payments"), QStringLiteral("skey_thisKeyDoesNotExist0001")).status,
            401);
        auto window = open(QStringLiteral("described"));
        KeysPage *page = ready(window.get());
        QVERIFY(page);
        auto *table = page->findChild<QTableView *>(QStringLiteral("keyTable"));

        // The key list: the key by its last four characters, the status with what it means.
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(table);
        QVERIFY(list && list->tableInterface());
        QCOMPARE(list->text(QAccessible::Name), QStringLiteral("Secret keys"));
        const ApiKey *first = page->model()->keyFromIndex(
            qobject_cast<QAbstractProxyModel *>(table->model())->mapToSource(table->model()->index(0, 0)));
        QVERIFY(first);
        QAccessibleInterface *keyCell = list->tableInterface()->cellAt(0, KeyListModel::Key);
        QVERIFY(keyCell);
        QCOMPARE(keyCell->text(QAccessible::Name), QStringLiteral("Key ending in %1").arg(first->lastFour));
        QAccessibleInterface *statusCell = list->tableInterface()->cellAt(0, KeyListModel::Status);
        QVERIFY(statusCell);
        QCOMPARE(statusCell->text(QAccessible::Name),
            table->model()->index(0, KeyListModel::Status).data().toString());
        const QString status = statusCell->text(QAccessible::Description);
        QVERIFY2(status.contains(QLatin1String("Works until"))
                || status.contains(QLatin1String("answers 401"))
                || status.contains(QLatin1String("Never expires")),
            qPrintable(status));

        // The usage chart: its summary, then the day the arrow keys are on.
        QVERIFY(rotationkit::selectKeyId(page, first->id));
        auto *sparkline = page->details()->findChild<UsageSparkline *>();
        QTRY_COMPARE_WITH_TIMEOUT(sparkline->usage().size(), 30, 10'000);
        QCOMPARE(sparkline->accessibleName(), QStringLiteral("Requests per day, last 30 days"));
        QCOMPARE(sparkline->accessibleDescription(), sparkline->summary());
        QVERIFY(tabTo(sparkline, 20));
        press(Qt::Key_Left); // the first key lands on the latest day
        QCOMPARE(sparkline->currentDay(), 29);
        press(Qt::Key_Left);
        QCOMPARE(sparkline->currentDay(), 28);
        QCOMPARE(sparkline->accessibleDescription(),
            sparkline->summary() + QStringLiteral("; ") + sparkline->dayText(28));
        press(Qt::Key_Home);
        QCOMPARE(sparkline->currentDay(), 0);
        QCOMPARE(QAccessible::queryAccessibleInterface(sparkline)->text(QAccessible::Description),
            sparkline->summary() + QStringLiteral("; ") + sparkline->dayText(0));
        press(Qt::Key_Tab);
        QCOMPARE(sparkline->accessibleDescription(), sparkline->summary());

        // The audit log: the timeline, the verification banner, the leak signals.
        press(Qt::Key_3, Qt::ControlModifier);
        auto *audit = window->findChild<AuditLogPage *>(QStringLiteral("auditPage"));
        QTRY_VERIFY_WITH_TIMEOUT(
            audit->isVisible() && audit->timeline()->bucketCount() > 0 && !audit->timeline()->isLoading(),
            20'000);
        AuditTimeline *timeline = audit->timeline();
        QCOMPARE(timeline->accessibleName(), QStringLiteral("Event timeline"));
        QCOMPARE(timeline->accessibleDescription(), timeline->summary());
        QVERIFY(tabTo(timeline, 30));
        QVERIFY2(
            timeline->accessibleDescription().endsWith(QLatin1String("the arrow keys move from bar to bar")),
            qPrintable(timeline->accessibleDescription()));
        press(Qt::Key_End);
        const int last = timeline->focusedBucket();
        QVERIFY(last >= 0);
        QVERIFY2(
            timeline->accessibleDescription().endsWith(QStringLiteral("bar ") + timeline->toolTipFor(last)),
            qPrintable(timeline->accessibleDescription()));
        press(Qt::Key_Left, Qt::ShiftModifier);
        QVERIFY2(timeline->accessibleDescription().contains(QLatin1String("; marked ")),
            qPrintable(timeline->accessibleDescription()));
        press(Qt::Key_Escape);
        QVERIFY(!timeline->accessibleDescription().contains(QLatin1String("; marked ")));
        press(Qt::Key_Tab);
        QCOMPARE(timeline->accessibleDescription(), timeline->summary());

        auto *banner = audit->findChild<QLabel *>(QStringLiteral("verificationBanner"));
        QCOMPARE(banner->accessibleName(), QStringLiteral("Verification"));
        QTRY_VERIFY_WITH_TIMEOUT(
            banner->accessibleDescription().startsWith(QLatin1String("Check passed: ")), 20'000);
        QVERIFY(!banner->accessibleDescription().contains(QStringLiteral("✔")));

        DeniedSummaryView *denied = audit->deniedSummary();
        QTRY_VERIFY_WITH_TIMEOUT(denied->isVisible() && !denied->lineTexts().isEmpty(), 20'000);
        QVERIFY(denied->accessibleDescription().startsWith(denied->lineTexts().constFirst()));
        auto *show = denied->findChild<QLabel *>(QStringLiteral("showDeniedLink"));
        QCOMPARE(show->accessibleName(), QStringLiteral("Show these requests"));
        QCOMPARE(show->accessibleDescription(), denied->lineTexts().constFirst());

        // A time-range filter narrower than the chart is part of the description.
        AuditTimeline standalone;
        AuditHistogram week;
        week.bucket = AuditHistogram::Bucket::Day;
        week.since = QDateTime(QDate(2024, 12, 2), QTime(0, 0), Qt::UTC);
        week.until = week.since.addDays(7);
        week.buckets = { { week.since.addDays(2), 5, { { QStringLiteral("secret_key.created"), 5 } } } };
        standalone.setHistogram(week);
        QCOMPARE(standalone.accessibleDescription(), standalone.summary());
        standalone.setSelection(week.since.addDays(1), week.since.addDays(3));
        QCOMPARE(standalone.accessibleDescription(),
            standalone.summary() + QStringLiteral("; time range filter Tue 3 Dec to Thu 5 Dec"));
        standalone.setSelection(week.since, QDateTime());
        QCOMPARE(standalone.accessibleDescription(), standalone.summary());
        // The bar under the pointer, too.
        standalone.resize(600, 140);
        standalone.show();
        QVERIFY(QTest::qWaitForWindowExposed(&standalone));
        const QPoint over = standalone.barRect(2).center();
        QMouseEvent move(QEvent::MouseMove, over, standalone.mapToGlobal(over), Qt::NoButton, Qt::NoButton,
            Qt::NoModifier);
        QApplication::sendEvent(&standalone, &move);
        QTRY_COMPARE(standalone.accessibleDescription(),
            standalone.summary() + QStringLiteral("; under the pointer ") + standalone.toolTipFor(2));
    }

    void tabReachesEveryControlInReadingOrder_data()
    {
        QTest::addColumn<QString>("where");
        QTest::newRow("new key dialog") << QStringLiteral("create");
        QTest::newRow("edit key dialog") << QStringLiteral("edit");
        QTest::newRow("profiles dialog") << QStringLiteral("profiles");
        QTest::newRow("new publishable key dialog") << QStringLiteral("publishable");
        QTest::newRow("keyboard shortcuts dialog") << QStringLiteral("shortcuts");
        QTest::newRow("keys page") << QStringLiteral("keys");
        QTest::newRow("audit log") << QStringLiteral("audit");
    }

    // Tab from the first control goes once round every visible, enabled control of the dialog or
    // page, top to bottom and left to right (a column beside another comes after it).
    void tabReachesEveryControlInReadingOrder()
    {
        QFETCH(QString, where);
        auto window = open(QStringLiteral("tab-") + where);
        KeysPage *page = ready(window.get());
        QVERIFY(page);
        QVERIFY(rotationkit::selectKey(page, QStringLiteral("tst_gui_keyboard")));
        QTRY_VERIFY(!page->details()->keyId().isEmpty());
        QWidget *root = nullptr;
        if (where == QLatin1String("create")) {
            pressSequence(QKeySequence::New);
            root = visibleChild<CreateKeyDialog>(window.get());
        } else if (where == QLatin1String("edit")) {
            press(Qt::Key_E, Qt::ControlModifier);
            root = visibleChild<CreateKeyDialog>(window.get());
        } else if (where == QLatin1String("publishable")) {
            press(Qt::Key_P, Qt::AltModifier);
            QTRY_VERIFY(focused() && page->publishable()->isAncestorOf(focused()));
            pressSequence(QKeySequence::New);
            root = visibleChild<CreatePublishableKeyDialog>(window.get());
        } else if (where == QLatin1String("profiles")) {
            window->manageProfiles();
            root = visibleChild<ProfilesDialog>(window.get());
        } else if (where == QLatin1String("shortcuts")) {
            pressSequence(QKeySequence::HelpContents);
            root = visibleChild<ShortcutsDialog>(window.get());
        } else {
            if (where == QLatin1String("audit")) {
                // A denied request, so that the leak signals show their links (they are made
                // after the page, and must still come right after the timeline).
                QCOMPARE(
                    m_server.get(QStringLiteral("/payments"), QStringLiteral("skey_thisKeyDoesNotExist0000"))
                        .status,
                    401);
                press(Qt::Key_3, Qt::ControlModifier);
                auto *audit = window->findChild<AuditLogPage *>(QStringLiteral("auditPage"));
                QTRY_VERIFY_WITH_TIMEOUT(audit->isVisible() && audit->model()->rowCount() > 0, 20'000);
                QTRY_VERIFY(!audit->timeline()->isLoading());
                QTRY_VERIFY_WITH_TIMEOUT(audit->deniedSummary()->isVisible()
                        && audit->deniedSummary()->findChild<QLabel *>(QStringLiteral("showDeniedLink")),
                    20'000);
                audit->table()->selectRow(0);
                QTRY_VERIFY(audit->details()->isVisible());
            }
            root = window.get();
            window->findChild<QWidget *>(QStringLiteral("profileSwitcher"))->setFocus(Qt::TabFocusReason);
        }
        QVERIFY(root);
        const QPointer<QWidget> guard(root);
        QTRY_VERIFY(focused() && root->isAncestorOf(focused()));
        if (root != window.get()) {
            // Dialogs open on their first control.
            QWidget *first = focused();
            for (QWidget *w : tabStops(root))
                QVERIFY2(readsAfter(geometryIn(first, root), geometryIn(w, root)) || w == first,
                    qPrintable(describe(first) + QStringLiteral(" before ") + describe(w)));
        }
        const TabReport report = walkTabs(root);
        qDebug().noquote() << where << "tab order:" << report.visited.join(QStringLiteral(" → "));
        QVERIFY2(report.missed.isEmpty(),
            qPrintable(QStringLiteral("never reached: ") + report.missed.join(QStringLiteral("; "))));
        QVERIFY2(report.outOfOrder.isEmpty(),
            qPrintable(QStringLiteral("out of order: ") + report.outOfOrder.join(QStringLiteral("; "))));
        if (root != window.get()) {
            press(Qt::Key_Escape);
            QTRY_VERIFY(!guard || !guard->isVisible()); // closed dialogs delete themselves
        }
    }
};

QTEST_MAIN(TestGuiKeyboard)
#include "tst_gui_keyboard.moc"

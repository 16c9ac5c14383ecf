// SPDX-License-Identifier: GPL-3.0-or-later
// Every page and dialog of the app, in every language it ships (English as the baseline), against
// the real keyward-server with demo data, looked at by LayoutCheck: no text cut off, nothing on
// top of anything else, nothing pushed out of its box, at 1280×800 and at the main window's
// minimum size. The widgets read their strings when they are built, so each language's
// translations are installed before its window exists. With KEYWARD_SCREENSHOT_DIR set, each
// page is saved there as <language>-<page>.png for a translator to look at.
//
// KEYWARD_TEST_EXTRA_QM: .qm files (separated like PATH) installed on top of the compiled ones
// in the language they declare, e.g. a pseudo-translation with lengthened strings to find the
// layouts that will not survive a real one.
//
// The first tests prove the checker on deliberately broken widgets and a clean form.
#include "KeyringSession.h"
#include "AuditEventDetails.h"
#include "AuditLogModel.h"
#include "AuditLogPage.h"
#include "AuditTimeline.h"
#include "ClipboardGuard.h"
#include "CreateKeyDialog.h"
#include "DeniedSummary.h"
#include "EnglishPlurals.h"
#include "KeyDetailsPanel.h"
#include "LayoutCheck.h"
#include "PublishableKeyModel.h"
#include "PublishableKeysPanel.h"
#include "RotationGuiKit.h"
#include "SecretRevealDialog.h"
#include "StatusPage.h"
#include "Translations.h"
#include "UsageSparkline.h"
#include "Workspace.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPointer>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTranslator>
#include <QVBoxLayout>

using namespace keyward;
using namespace rotationkit;

namespace {

// Installs a language as keyward's main() does (plural forms for English, Qt's and Keyward's
// translations, the default locale), plus any extra .qm for it, and takes it all back when it
// goes out of scope.
class LanguageScope
{
public:
    explicit LanguageScope(const QString &language)
        : m_previous(QLocale())
    {
        const QList<QTranslator *> before = qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly);
        QCoreApplication::installTranslator(new EnglishPlurals(qApp));
        const QLocale locale(language);
        QLocale::setDefault(locale);
        m_loaded = installTranslations(qApp, locale);
        const QStringList extra
            = qEnvironmentVariable("KEYWARD_TEST_EXTRA_QM").split(QDir::listSeparator(), Qt::SkipEmptyParts);
        for (const QString &path : extra) {
            auto *translator = new QTranslator(qApp);
            if (!translator->load(path)) {
                m_errors.append(QStringLiteral("KEYWARD_TEST_EXTRA_QM: cannot load %1").arg(path));
                delete translator;
            } else if (translator->language().section(QLatin1Char('_'), 0, 0) != language) {
                delete translator; // another language's
            } else {
                QCoreApplication::installTranslator(translator);
                m_loaded.append(QStringLiteral("extra:") + path);
                m_extra = true;
            }
        }
        for (QTranslator *t : qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly)) {
            if (!before.contains(t))
                m_installed.append(t);
        }
    }
    ~LanguageScope()
    {
        for (QTranslator *t : std::as_const(m_installed)) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QLocale::setDefault(m_previous);
    }
    LanguageScope(const LanguageScope &) = delete;
    LanguageScope &operator=(const LanguageScope &) = delete;

    const QStringList &loaded() const { return m_loaded; }
    const QStringList &errors() const { return m_errors; }
    bool hasExtra() const { return m_extra; }

private:
    QLocale m_previous;
    QStringList m_loaded;
    QStringList m_errors;
    QList<QTranslator *> m_installed;
    bool m_extra = false;
};

// Lets posted layout requests and queued calls run until the window is laid out as it shows.
void settle(QWidget *window)
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        if (window->layout())
            window->layout()->activate();
    }
}

bool showAndSettle(QWidget *window)
{
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        return false;
    settle(window);
    return true;
}

// Whether a problem names the widget and says this.
bool mentions(const QStringList &problems, const QString &objectName, const QString &phrase)
{
    for (const QString &p : problems) {
        if (p.contains(QLatin1Char('#') + objectName) && p.contains(phrase))
            return true;
    }
    return false;
}

// While it lives, runs `act` once on the next modal dialog that shows (a message box from
// exec(), the About box), from the dialog's own event loop.
class ModalWatch
{
public:
    explicit ModalWatch(std::function<void(QWidget *)> act)
        : m_act(std::move(act))
    {
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal || !modal->isVisible())
                return;
            m_timer.stop();
            m_opened = true;
            m_act(modal);
        });
        m_timer.start(20);
    }
    ModalWatch(const ModalWatch &) = delete;
    ModalWatch &operator=(const ModalWatch &) = delete;
    bool opened() const { return m_opened; }

private:
    std::function<void(QWidget *)> m_act;
    QTimer m_timer;
    bool m_opened = false;
};

QString freeLoopbackUrl()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return {};
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now: connecting is refused at once
    return QStringLiteral("http://127.0.0.1:%1").arg(port);
}

} // namespace

class TestGuiI18n : public QObject
{
    Q_OBJECT

private:
    // Checks a window as it is now and saves its picture; problems are printed as found.
    void inspect(QWidget *window, const QString &page)
    {
        settle(window);
        const QStringList found = layoutcheck::check(window) + layoutcheck::mnemonicClashes(window);
        for (const QString &problem : found)
            m_problems.append(QStringLiteral("%1 %2: %3").arg(m_language, page, problem));
        if (!found.isEmpty())
            qWarning().noquote() << QStringLiteral("%1 %2:\n    ").arg(m_language, page)
                    + found.join(QStringLiteral("\n    "));
        m_pages.append(page);
        const QString dir = qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR");
        if (!dir.isEmpty() && QDir().mkpath(dir))
            window->grab().save(QDir(dir).filePath(QStringLiteral("%1-%2.png").arg(m_language, page)));
    }

    // The main window at 1280×800, then at its minimum size (and back). The minimum depends on
    // the layout, which may change with the size (the keys page puts the details under the list
    // in a narrow window): shrink until it holds.
    bool inspectMainWindow(const QString &page)
    {
        MainWindow *window = m_window.get();
        inspect(window, page);
        for (int i = 0; i < 4; ++i) {
            const QSize minimum = window->minimumSizeHint().expandedTo(window->minimumSize());
            if (window->size() == minimum)
                break;
            if (!resizeWindow(minimum))
                return false;
        }
        inspect(window, page + QStringLiteral("-min"));
        return resizeWindow(MainSize);
    }

    bool resizeWindow(const QSize &size)
    {
        MainWindow *window = m_window.get();
        window->resize(size);
        const bool done = QTest::qWaitFor([window, size] { return window->size() == size; }, 5'000);
        settle(window);
        return done;
    }

    static QString selectKeyWhere(KeysPage *page, const std::function<bool(const ApiKey &)> &wanted)
    {
        auto *table = page->findChild<QTableView *>(QStringLiteral("keyTable"));
        auto *proxy = qobject_cast<QAbstractProxyModel *>(table->model());
        for (int row = 0; proxy && row < proxy->rowCount(); ++row) {
            const ApiKey *key = page->model()->keyFromIndex(proxy->mapToSource(proxy->index(row, 0)));
            if (key && wanted(*key)) {
                table->setFocus();
                table->selectRow(row);
                return key->id;
            }
        }
        return {};
    }

    // Before the sign-in: no profile, a server that is not there, the browser step, an error.
    void signedOutPages();
    // Overview, the keys page with a key's details, and the key dialogs.
    void keyPages();
    // The rotation wizard, page by page, stopped halfway, resumed from the keys page, finished.
    void rotationPages();
    void publishablePages();
    void auditPage();
    void otherDialogs();

    static constexpr QSize MainSize { 1280, 800 };

    TestServer m_server;
    QString m_admin;
    QTemporaryDir m_dir;
    SignedInWindow m_window;
    QString m_language;
    QStringList m_problems;
    QStringList m_pages;
    qint64 m_clockOffset = 0;

private Q_SLOTS:
    // ---- The checker itself -------------------------------------------------------------------

    void checkerFindsCutOffText()
    {
        QWidget host;
        auto *layout = new QVBoxLayout(&host);
        auto *label
            = new QLabel(QStringLiteral("A label whose text is far too long for its hundred pixels"), &host);
        label->setObjectName(QStringLiteral("cutLabel"));
        label->setFixedWidth(100);
        auto *lines = new QLabel(QStringLiteral("Two lines of text\nin a label one line high"), &host);
        lines->setObjectName(QStringLiteral("shortLabel"));
        lines->setFixedHeight(lines->fontMetrics().height());
        auto *wrapped
            = new QLabel(QStringLiteral("A word-wrapped label with a long text that needs several lines at "
                                        "this width but is given the height of one."),
                &host);
        wrapped->setObjectName(QStringLiteral("wrappedLabel"));
        wrapped->setWordWrap(true);
        wrapped->setFixedSize(200, wrapped->fontMetrics().height() + 2);
        auto *word = new QLabel(QStringLiteral("Schlüsselberechtigungsverwaltungsübersicht"), &host);
        word->setObjectName(QStringLiteral("longWordLabel"));
        word->setWordWrap(true);
        word->setFixedWidth(90);
        auto *button
            = new QPushButton(QStringLiteral("Go on anyway: requests with the old key will fail"), &host);
        button->setObjectName(QStringLiteral("narrowButton"));
        button->setFixedWidth(120);
        auto *check = new QCheckBox(QStringLiteral("Remember this choice for every profile"), &host);
        check->setObjectName(QStringLiteral("narrowCheckBox"));
        check->setFixedWidth(110);
        auto *combo = new QComboBox(&host);
        combo->setObjectName(QStringLiteral("narrowCombo"));
        combo->addItem(QStringLiteral("Revoked and expired keys"));
        combo->setFixedWidth(80);
        auto *spin = new QSpinBox(&host);
        spin->setObjectName(QStringLiteral("narrowSpin"));
        spin->setRange(0, 1'000'000);
        spin->setSuffix(QStringLiteral(" Minuten"));
        spin->setFixedWidth(50);
        auto *edit = new QLineEdit(&host);
        edit->setObjectName(QStringLiteral("narrowFilter"));
        edit->setPlaceholderText(QStringLiteral("Filter by note, key, permission or creator"));
        edit->setClearButtonEnabled(true);
        edit->setFixedWidth(140);
        auto *roomy = new QLineEdit(&host);
        roomy->setObjectName(QStringLiteral("roomyFilter"));
        roomy->setPlaceholderText(QStringLiteral("Filter"));
        roomy->setClearButtonEnabled(true);
        roomy->setFixedWidth(200);
        auto *box = new QGroupBox(
            QStringLiteral("Permissions of this key and of every key that replaces it"), &host);
        box->setObjectName(QStringLiteral("narrowGroup"));
        new QVBoxLayout(box);
        box->layout()->addWidget(new QRadioButton(box));
        box->setFixedWidth(120);
        for (QWidget *w : std::initializer_list<QWidget *> {
                 label, lines, wrapped, word, button, check, combo, spin, edit, roomy, box })
            layout->addWidget(w);
        QVERIFY(showAndSettle(&host));

        const QStringList problems = layoutcheck::check(&host);
        QVERIFY2(mentions(problems, QStringLiteral("cutLabel"), QStringLiteral("text cut off")),
            qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(mentions(problems, QStringLiteral("cutLabel"), QStringLiteral("A label whose text")),
            qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(mentions(problems, QStringLiteral("shortLabel"), QStringLiteral("cut off at the bottom")));
        QVERIFY(mentions(
            problems, QStringLiteral("wrappedLabel"), QStringLiteral("wrapped text cut off at the bottom")));
        QVERIFY(mentions(problems, QStringLiteral("longWordLabel"), QStringLiteral("a word does not fit")));
        QVERIFY(mentions(problems, QStringLiteral("narrowButton"), QStringLiteral("text cut off")));
        QVERIFY(mentions(problems, QStringLiteral("narrowCheckBox"), QStringLiteral("text cut off")));
        QVERIFY(mentions(problems, QStringLiteral("narrowCombo"), QStringLiteral("current text cut off")));
        QVERIFY(mentions(problems, QStringLiteral("narrowSpin"), QStringLiteral("value cut off")));
        QVERIFY(
            mentions(problems, QStringLiteral("narrowFilter"), QStringLiteral("placeholder text cut off")));
        QVERIFY(mentions(problems, QStringLiteral("narrowGroup"), QStringLiteral("title cut off")));
        QVERIFY2(!mentions(problems, QStringLiteral("roomyFilter"), QString()),
            qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void checkerFindsOverlapsAndOverflow()
    {
        QWidget host;
        host.setWindowTitle(QStringLiteral("Rotate the key of the checkout service in the European region"));
        auto *layout = new QVBoxLayout(&host);
        // Two buttons put in the same cell of a grid.
        auto *grid = new QGridLayout;
        auto *first = new QPushButton(QStringLiteral("First"), &host);
        first->setObjectName(QStringLiteral("firstButton"));
        auto *second = new QPushButton(QStringLiteral("Second"), &host);
        second->setObjectName(QStringLiteral("secondButton"));
        grid->addWidget(first, 0, 0);
        grid->addWidget(second, 0, 0);
        layout->addLayout(grid);
        // A child placed half outside its parent.
        auto *frame = new QWidget(&host);
        frame->setObjectName(QStringLiteral("smallFrame"));
        frame->setFixedSize(100, 40);
        auto *stray = new QPushButton(QStringLiteral("x"), frame);
        stray->setObjectName(QStringLiteral("strayButton"));
        stray->setGeometry(80, 5, 60, 30);
        layout->addWidget(frame);
        // A column narrower than what its layout needs (a centred column with a maximum width).
        auto *column = new QWidget(&host);
        column->setObjectName(QStringLiteral("narrowColumn"));
        column->setMaximumWidth(150);
        auto *columnLayout = new QHBoxLayout(column);
        columnLayout->addWidget(new QPushButton(QStringLiteral("Open the browser again"), column));
        columnLayout->addWidget(new QPushButton(QStringLiteral("Copy the sign-in link"), column));
        layout->addWidget(column);
        // A scroll area that does not scroll sideways, with contents wider than it.
        auto *scroll = new QScrollArea(&host);
        scroll->setFixedSize(200, 120);
        scroll->setWidgetResizable(true);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        auto *content = new QWidget(scroll);
        content->setObjectName(QStringLiteral("wideContent"));
        content->setMinimumWidth(400);
        scroll->setWidget(content);
        layout->addWidget(scroll);
        // Tabs elided, tabs scrolled away, and a column title too long for its column.
        auto *elided = new QTabWidget(&host);
        elided->setObjectName(QStringLiteral("elidedTabs"));
        elided->tabBar()->setObjectName(QStringLiteral("elidedTabBar"));
        elided->setElideMode(Qt::ElideRight);
        elided->setUsesScrollButtons(false);
        elided->addTab(new QWidget, QStringLiteral("Geheime Schlüssel"));
        elided->addTab(new QWidget, QStringLiteral("Veröffentlichbare Schlüssel"));
        elided->setFixedWidth(160);
        layout->addWidget(elided);
        auto *scrolled = new QTabWidget(&host);
        scrolled->tabBar()->setObjectName(QStringLiteral("scrolledTabBar"));
        scrolled->setElideMode(Qt::ElideNone);
        scrolled->setUsesScrollButtons(true);
        for (const QString &t : { QStringLiteral("Übersicht"), QStringLiteral("Schlüssel"),
                 QStringLiteral("Protokoll"), QStringLiteral("Einstellungen") })
            scrolled->addTab(new QWidget, t);
        scrolled->setFixedWidth(160);
        layout->addWidget(scrolled);
        auto *table = new QTableView(&host);
        table->setObjectName(QStringLiteral("narrowTable"));
        auto *model = new QStandardItemModel(2, 2, table);
        model->setHorizontalHeaderLabels(
            { QStringLiteral("Zuletzt verwendet am"), QStringLiteral("Hinweis") });
        table->setModel(model);
        table->horizontalHeader()->setObjectName(QStringLiteral("narrowHeader"));
        table->horizontalHeader()->setStretchLastSection(true);
        table->setColumnWidth(0, 40);
        layout->addWidget(table);
        QVERIFY(showAndSettle(&host));
        host.resize(420, host.height());
        settle(&host);

        const QStringList problems = layoutcheck::check(&host);
        const QByteArray all = problems.join(QLatin1Char('\n')).toUtf8();
        QVERIFY2(mentions(problems, QStringLiteral("firstButton"),
                     QStringLiteral("overlaps QPushButton#secondButton")),
            all.constData());
        QVERIFY2(mentions(problems, QStringLiteral("strayButton"),
                     QStringLiteral("reaches outside its parent QWidget#smallFrame")),
            all.constData());
        QVERIFY2(mentions(problems, QStringLiteral("narrowColumn"), QStringLiteral("contents are squeezed")),
            all.constData());
        QVERIFY2(
            mentions(problems, QStringLiteral("wideContent"), QStringLiteral("does not scroll sideways")),
            all.constData());
        QVERIFY2(mentions(problems, QStringLiteral("elidedTabBar"),
                     QStringLiteral("“Veröffentlichbare Schlüssel” is elided")),
            all.constData());
        QVERIFY2(mentions(problems, QStringLiteral("scrolledTabBar"),
                     QStringLiteral("“Einstellungen” is scrolled out")),
            all.constData());
        QVERIFY2(mentions(problems, QStringLiteral("narrowHeader"),
                     QStringLiteral("column “Zuletzt verwendet am” is cut off")),
            all.constData());
        QVERIFY2(!mentions(problems, QStringLiteral("narrowHeader"), QStringLiteral("“Hinweis”")),
            all.constData());
        QVERIFY2(problems.contains(QStringLiteral(
                     "QWidget “Rotate the key of the checkout service in the European region”: "
                     "the window title is cut off in the title bar: with the frame's icon "
                     "and buttons it needs about %1 px, the window is 420 px wide")
                                       .arg(QFontMetrics([] {
                                           QFont f = QApplication::font("QMdiSubWindowTitleBar");
                                           f.setBold(true);
                                           return f;
                                       }())
                                                .horizontalAdvance(host.windowTitle())
                                           + layoutcheck::Options().titleBarReserve)),
            all.constData());
        // Ignored widgets are not looked at.
        layoutcheck::Options options;
        options.ignoredObjectNames = { QStringLiteral("smallFrame"), QStringLiteral("narrowTable") };
        const QStringList rest = layoutcheck::check(&host, options);
        QVERIFY(!mentions(rest, QStringLiteral("strayButton"), QString()));
        QVERIFY(!mentions(rest, QStringLiteral("narrowHeader"), QString()));
        QVERIFY(mentions(rest, QStringLiteral("firstButton"), QStringLiteral("overlaps")));
    }

    void checkerFindsSharedMnemonics()
    {
        QWidget host;
        auto *layout = new QVBoxLayout(&host);
        auto *save = new QPushButton(QStringLiteral("&Save"), &host);
        auto *send = new QPushButton(QStringLiteral("&Send"), &host);
        auto *label = new QLabel(QStringLiteral("&Note:"), &host);
        auto *note = new QLineEdit(&host);
        label->setBuddy(note);
        auto *literal = new QPushButton(QStringLiteral("Terms && &conditions"), &host);
        auto *hidden = new QPushButton(QStringLiteral("&Nothing"), &host);
        for (QWidget *w : std::initializer_list<QWidget *> { save, send, label, note, literal, hidden })
            layout->addWidget(w);
        hidden->hide(); // a hidden control takes no letter
        QVERIFY(showAndSettle(&host));
        QStringList problems = layoutcheck::mnemonicClashes(&host);
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.constFirst().startsWith(QStringLiteral("Alt+S belongs to 2 controls")), qPrintable(problems.join(QLatin1Char('\n'))));
        send->setText(QStringLiteral("Se&nd"));
        problems = layoutcheck::mnemonicClashes(&host);
        QCOMPARE(problems.size(), 1); // now Send and the note's label share N
        QVERIFY(problems.constFirst().contains(QStringLiteral("Note:")));
        send->setEnabled(false);
        QVERIFY2(layoutcheck::mnemonicClashes(&host).isEmpty(), qPrintable(layoutcheck::mnemonicClashes(&host).join(QLatin1Char('\n'))));
    }

    void checkerPassesACleanLayout()
    {
        QDialog dialog;
        dialog.setWindowTitle(QStringLiteral("New key"));
        auto *layout = new QVBoxLayout(&dialog);
        auto *intro = new QLabel(
            QStringLiteral("A word-wrapped introduction that is long enough to need two or three "
                           "lines in a dialog of this size, as the app's dialogs have."),
            &dialog);
        intro->setWordWrap(true);
        layout->addWidget(intro);
        auto *form = new QFormLayout;
        auto *note = new QLineEdit(&dialog);
        note->setPlaceholderText(QStringLiteral("What is it for?"));
        note->setClearButtonEnabled(true);
        form->addRow(QStringLiteral("&Note:"), note);
        auto *expiry = new QComboBox(&dialog);
        expiry->addItems(
            { QStringLiteral("Never"), QStringLiteral("In 30 days"), QStringLiteral("On a date…") });
        form->addRow(QStringLiteral("&Expires:"), expiry);
        auto *minutes = new QSpinBox(&dialog);
        minutes->setRange(1, 1440);
        minutes->setSuffix(QStringLiteral(" min"));
        form->addRow(QStringLiteral("&Quiet for:"), minutes);
        layout->addLayout(form);
        auto *group = new QGroupBox(QStringLiteral("Permissions"), &dialog);
        auto *groupLayout = new QHBoxLayout(group);
        for (const QString &t : { QStringLiteral("None"), QStringLiteral("Read"), QStringLiteral("Write") })
            groupLayout->addWidget(new QRadioButton(t, group));
        groupLayout->addWidget(new QCheckBox(QStringLiteral("Expires"), group));
        layout->addWidget(group);
        auto *tabs = new QTabWidget(&dialog);
        tabs->setDocumentMode(true);
        auto *table = new QTableView;
        auto *model = new QStandardItemModel(20, 3, table);
        model->setHorizontalHeaderLabels(
            { QStringLiteral("Note"), QStringLiteral("Key"), QStringLiteral("Status") });
        table->setModel(model);
        table->setSortingEnabled(true);
        table->horizontalHeader()->setStretchLastSection(true);
        tabs->addTab(table, QStringLiteral("&Secret keys"));
        auto *scroll = new QScrollArea;
        scroll->setWidgetResizable(true);
        auto *long_ = new QLabel(QStringLiteral("Scrolled\ncontent\n").repeated(20));
        scroll->setWidget(long_);
        tabs->addTab(scroll, QStringLiteral("&Publishable keys"));
        layout->addWidget(tabs, 1);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
        buttons->addButton(QStringLiteral("&Create key"), QDialogButtonBox::AcceptRole);
        layout->addWidget(buttons);
        dialog.resize(dialog.sizeHint().expandedTo(QSize(480, 420)));
        QVERIFY(showAndSettle(&dialog));

        const QStringList problems = layoutcheck::check(&dialog);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        tabs->setCurrentIndex(1); // scrolled contents reach outside the viewport: that is scrolling
        settle(&dialog);
        const QStringList scrolled = layoutcheck::check(&dialog);
        QVERIFY2(scrolled.isEmpty(), qPrintable(scrolled.join(QLatin1Char('\n'))));
        QCOMPARE(layoutcheck::describe(note).left(9), QStringLiteral("QLineEdit"));
        QVERIFY(layoutcheck::describe(note).contains(QStringLiteral("“What is it for?”")));
    }

    // ---- The app, in every language -----------------------------------------------------------

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QStringList languages = availableLanguages();
        QVERIFY2(languages.contains(QStringLiteral("de")) && languages.contains(QStringLiteral("fr")),
            qPrintable(languages.join(QLatin1Char(' '))));
        if (!inUnlockedKeyringSession())
            return; // the app's pages are skipped, the checker's own tests run
        m_admin = startDemoServer(m_server,
            QStringLiteral("secret_keys:write,audit_log:read,publishable_keys:write"),
            QStringLiteral("tst_gui_i18n"));
        QVERIFY(!m_admin.isEmpty());
    }

    void everyPageAndDialog_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &language : availableLanguages())
            QTest::newRow(qPrintable(language)) << language;
    }

    void everyPageAndDialog()
    {
        if (m_admin.isEmpty())
            QSKIP("needs the unlocked keyring session that CTest sets up");
        QFETCH(QString, language);
        QVERIFY2(m_server.get(QStringLiteral("/.well-known/openid-configuration"), QString()).status == 200,
            m_server.output().right(4000).constData());
        QElapsedTimer took;
        took.start();
        const LanguageScope scope(language);
        QVERIFY2(scope.errors().isEmpty(), qPrintable(scope.errors().join(QLatin1Char('\n'))));
        qInfo().noquote() << language << "translations:"
                          << (scope.loaded().isEmpty() ? QStringLiteral("none")
                                                       : scope.loaded().join(QStringLiteral(", ")));
        m_language = language;
        m_problems.clear();
        m_pages.clear();

        // Built after the translations: its widgets read their strings now.
        m_window.settings = std::make_unique<QSettings>(
            m_dir.filePath(language + QStringLiteral(".ini")), QSettings::IniFormat);
        m_window.settings->clear();
        m_window.profiles = std::make_unique<ProfileStore>(m_window.settings.get());
        m_window.tokens = std::make_unique<TokenStore>(QStringLiteral("Keyward tst_gui_i18n ") + language);
        m_window.window = std::make_unique<MainWindow>(
            m_window.profiles.get(), m_window.tokens.get(), BrowserLauncher(), m_window.settings.get());
        m_window->resize(MainSize);
        QVERIFY(showAndSettle(m_window.get()));

        signedOutPages();
        if (!QTest::currentTestFailed())
            keyPages();
        if (!QTest::currentTestFailed())
            rotationPages();
        if (!QTest::currentTestFailed())
            publishablePages();
        if (!QTest::currentTestFailed())
            auditPage();
        if (!QTest::currentTestFailed())
            otherDialogs();
        m_window.close(); // while its language is still installed
        if (QTest::currentTestFailed())
            return;
        qInfo().noquote() << QStringLiteral("%1: %2 pages and dialogs checked in %3 s: %4")
                                 .arg(language)
                                 .arg(m_pages.size())
                                 .arg(took.elapsed() / 1000.0, 0, 'f', 1)
                                 .arg(m_pages.join(QStringLiteral(", ")));
        QVERIFY2(m_problems.isEmpty(),
            qPrintable(QStringLiteral("%1 layout problem(s) in %2, listed above by page")
                           .arg(m_problems.size())
                           .arg(language)));
    }

    // The languages reach the widgets: the main window's menus show what the installed
    // translations say, and once keyward_<language>.qm has translations, they are not English.
    void translationsReachTheWindow_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &language : availableLanguages()) {
            if (language != QLatin1String("en"))
                QTest::newRow(qPrintable(language)) << language;
        }
    }

    void translationsReachTheWindow()
    {
        QFETCH(QString, language);
        QTranslator compiled;
        QVERIFY(compiled.load(QStringLiteral(":/i18n/keyward_") + language + QStringLiteral(".qm")));
        const LanguageScope scope(language);
        QVERIFY2(scope.errors().isEmpty(), qPrintable(scope.errors().join(QLatin1Char('\n'))));
        QVERIFY(scope.loaded().contains(QStringLiteral("keyward_") + language));
        QSettings settings(m_dir.filePath(QStringLiteral("menus-") + language + QStringLiteral(".ini")),
            QSettings::IniFormat);
        ProfileStore profiles(&settings);
        TokenStore tokens(QStringLiteral("Keyward tst_gui_i18n menus"));
        MainWindow window(&profiles, &tokens, BrowserLauncher(), &settings);
        const QList<QAction *> menus = window.menuBar()->actions();
        const char *const context = "keyward::MainWindow";
        const char *const sources[] = { "&File", "&View", "&Keys", "&Help" };
        QCOMPARE(menus.size(), int(std::size(sources)));
        // Every language Keyward ships is complete (i18n_complete checks the .ts files): each menu
        // title is translated, by the compiled file that is installed.
        for (int i = 0; i < menus.size(); ++i) {
            const QString source = QString::fromLatin1(sources[i]);
            const QString installed = QCoreApplication::translate(context, sources[i]);
            QCOMPARE(menus.at(i)->text(), installed);
            if (!scope.hasExtra())
                QCOMPARE(installed, compiled.translate(context, sources[i]));
            QVERIFY2(installed != source,
                qPrintable(QStringLiteral("“%1” is still English in %2").arg(source, language)));
        }
        // Qt's own strings (standard buttons) when its translation is installed on this system.
        if (scope.loaded().contains(QStringLiteral("qtbase_") + language)) {
            QDialogButtonBox buttons(QDialogButtonBox::Cancel);
            QVERIFY2(buttons.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&'))
                    != QLatin1String("Cancel"),
                qPrintable(buttons.button(QDialogButtonBox::Cancel)->text()));
        }
    }

    // A row that failed halfway leaves its window: it goes before the next row builds its own.
    void cleanup()
    {
        m_window.close();
        m_window = SignedInWindow();
    }

    void cleanupTestCase()
    {
        m_window.close();
        if (!m_admin.isEmpty())
            m_server.stop();
    }
};

void TestGuiI18n::signedOutPages()
{
    auto *welcome = m_window->findChild<QWidget *>(QStringLiteral("welcomePage"));
    QVERIFY(welcome);
    QTRY_VERIFY(welcome->isVisible());
    QVERIFY(inspectMainWindow(QStringLiteral("welcome-no-profile")));

    // A server that is not there: the welcome page explains, with Retry.
    const QString nowhere = freeLoopbackUrl();
    QVERIFY(!nowhere.isEmpty());
    Profile unreachable;
    unreachable.name = QStringLiteral("Staging (eu-central)");
    unreachable.apiUrl = QUrl(nowhere);
    unreachable.issuerUrl = QUrl(nowhere);
    m_window.profiles->setTransient(unreachable);
    m_window->startSession(true);
    auto *message = m_window->findChild<QWidget *>(QStringLiteral("welcomeMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible() && welcome->isVisible(), 30'000);
    QVERIFY(inspectMainWindow(QStringLiteral("welcome-problem")));

    // The demo server, with a browser that opens nothing: the window waits for the browser.
    qputenv("KEYWARD_BROWSER", "true");
    qputenv("KEYWARD_TEST_EMAIL", "adam.admin@example.com");
    qputenv("KEYWARD_TEST_PASSWORD", "demo-admin-password");
    Profile demo;
    demo.name = QStringLiteral("Demo");
    demo.apiUrl = m_server.url(QString());
    demo.issuerUrl = m_server.url(QString());
    m_window.profiles->setTransient(demo);
    m_window->startSession(true);
    auto *status = m_window->findChild<StatusPage *>(QStringLiteral("statusPage"));
    QVERIFY(status);
    auto *openAgain = status->findChild<QPushButton *>(QStringLiteral("openBrowserAgainButton"));
    QTRY_VERIFY_WITH_TIMEOUT(status->isVisible() && openAgain->isVisible(), 20'000);
    QVERIFY(inspectMainWindow(QStringLiteral("status-browser")));
    // The same page as an error (what a failed account lookup shows), in the app's own words.
    status->showError(QCoreApplication::translate("keyward::MainWindow", "Could not load your account"),
        QCoreApplication::translate(
            "ApiFailure", "The server at %1 had a problem (HTTP %2). Try again in a moment.")
            .arg(demo.apiUrl.host())
            .arg(503),
        QStringLiteral("req_7f3a9c2e5b1d4a68"));
    QVERIFY(inspectMainWindow(QStringLiteral("status-error")));

    // Now the browser signs in.
    qputenv("KEYWARD_BROWSER", qgetenv("KEYWARD_TEST_BROWSER"));
    QVERIFY(m_window->session()->auth()->openBrowserAgain());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<Workspace *>(QStringLiteral("workspace"))
            && m_window->findChild<Workspace *>(QStringLiteral("workspace"))->isVisible(),
        30'000);
}

void TestGuiI18n::keyPages()
{
    auto *workspace = m_window->findChild<Workspace *>(QStringLiteral("workspace"));
    auto *session = m_window->findChild<QLabel *>(QStringLiteral("overviewSession"));
    QTRY_VERIFY_WITH_TIMEOUT(!session->text().isEmpty()
            && !m_window->findChild<QLabel *>(QStringLiteral("overviewEmail"))->text().isEmpty(),
        10'000);
    workspace->setCurrentPage(0);
    QVERIFY(inspectMainWindow(QStringLiteral("overview")));

    workspace->setCurrentPage(workspace->pageIndex(workspace->keysPage()));
    KeysPage *page = waitForKeys(m_window.get());
    QVERIFY(page);
    // A demo key in use for over a month: its details with 30 days of usage.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString usedId = selectKeyWhere(page, [now](const ApiKey &k) {
        return k.status == ApiKey::Status::Active && k.createdAt.daysTo(now) > 40 && k.lastUsedAt.isValid()
            && k.lastUsedAt.secsTo(now) < 3600 && k.permissions.size() > 1;
    });
    QVERIFY(!usedId.isEmpty());
    auto *sparkline = page->details()->findChild<UsageSparkline *>();
    QTRY_COMPARE_WITH_TIMEOUT(sparkline->usage().size(), 30, 10'000);
    QTRY_VERIFY(
        !page->details()->findChild<QLabel *>(QStringLiteral("detailsPermissions"))->text().isEmpty());
    QVERIFY(inspectMainWindow(QStringLiteral("keys")));

    // New key, filled in, then its secret.
    page->clipboard()->setTickInterval(20);
    auto *newKey = page->findChild<QAction *>(QStringLiteral("newKeyAction"));
    QTRY_VERIFY(newKey->isEnabled());
    newKey->trigger();
    CreateKeyDialog *create = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (create = m_window->findChild<CreateKeyDialog *>(QStringLiteral("createKeyDialog")))
            && create->isVisible(),
        20'000);
    const QString note = QStringLiteral("checkout service, eu-west (%1)").arg(m_language);
    QTest::keyClicks(create->findChild<QLineEdit *>(QStringLiteral("keyNote")), note);
    create->findChild<QPushButton *>(QStringLiteral("preset1"))->click();
    create->findChild<QComboBox *>(QStringLiteral("keyExpiry"))->setCurrentIndex(1);
    inspect(create, QStringLiteral("create-key"));
    create->findChild<QPushButton *>(QStringLiteral("createKeyButton"))->click();
    SecretRevealDialog *reveal = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (reveal = m_window->findChild<SecretRevealDialog *>()) && reveal->isVisible(), 20'000);
    reveal->findChild<QPushButton *>(QStringLiteral("copySecretButton"))->click();
    inspect(reveal, QStringLiteral("reveal"));
    reveal->findChild<QCheckBox *>(QStringLiteral("storedCheckBox"))->setChecked(true);
    reveal->findChild<QPushButton *>(QStringLiteral("revealDoneButton"))->click();
    QTRY_VERIFY(!m_window->findChild<SecretRevealDialog *>()
        || !m_window->findChild<SecretRevealDialog *>()->isVisible());
    page->clipboard()->clearNow();

    // Edit it.
    QVERIFY(selectKey(page, note));
    page->findChild<QAction *>(QStringLiteral("editKeyAction"))->trigger();
    CreateKeyDialog *edit = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (edit = m_window->findChild<CreateKeyDialog *>(QStringLiteral("editKeyDialog"))) && edit->isVisible(),
        10'000);
    inspect(edit, QStringLiteral("edit-key"));
    edit->reject();
    QTRY_VERIFY(!m_window->findChild<CreateKeyDialog *>(QStringLiteral("editKeyDialog")));

    // The confirmations, on the key in use (they name its last use), answered with Cancel.
    QVERIFY(selectKeyId(page, usedId));
    for (const auto &[action, name] : { std::pair { "revokeKeyAction", "revoke-confirm" },
             std::pair { "deleteKeyAction", "delete-confirm" } }) {
        const ModalWatch confirm([this, name = QString::fromLatin1(name)](QWidget *box) {
            inspect(box, name);
            qobject_cast<QMessageBox *>(box)->button(QMessageBox::Cancel)->click();
        });
        page->findChild<QAction *>(QLatin1String(action))->trigger(); // returns when the box closes
        QVERIFY2(confirm.opened(), action);
    }
}

void TestGuiI18n::rotationPages()
{
    KeysPage *page = waitForKeys(m_window.get());
    QVERIFY(page);
    const QString note = QStringLiteral("payments worker (%1)").arg(m_language);
    QVERIFY(!m_server.createKey(QStringLiteral("payments:write,customers:read"), note).isEmpty());
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && !idOf(m_server, m_admin, note).isEmpty()
            && page->model()->indexOfKey(idOf(m_server, m_admin, note)).isValid(),
        20'000);
    m_clockOffset = 0;
    RotationWizard *wizard = startRotation(m_window.get(), note, &m_clockOffset);
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(RotationWizard::ReasonPageId));
    inspect(wizard, QStringLiteral("rotation-1-reason"));
    wizard->currentPage()->findChild<QRadioButton *>(QStringLiteral("reason1"))->click(); // a suspected leak
    inspect(wizard, QStringLiteral("rotation-1-reason-leak"));
    wizard->currentPage()->findChild<QRadioButton *>(QStringLiteral("reason0"))->click();
    wizard->next();
    QCOMPARE(wizard->currentId(), int(RotationWizard::ReplacementPageId));
    inspect(wizard, QStringLiteral("rotation-2-replacement"));
    wizard->next();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(RotationWizard::RevealPageId), 10'000);
    QVERIFY(!copyAndConfirm(wizard).isEmpty());
    inspect(wizard, QStringLiteral("rotation-3-reveal"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(RotationWizard::VerifyPageId));
    auto *verdict = wizard->currentPage()->findChild<QLabel *>(QStringLiteral("verifyVerdict"));
    QTRY_VERIFY_WITH_TIMEOUT(!verdict->text().isEmpty(), 10'000);
    inspect(wizard, QStringLiteral("rotation-4-verify"));

    // Stopped halfway: keep both keys; the keys page offers to go on.
    QPointer<RotationWizard> stopped(wizard);
    {
        const ModalWatch confirm([this](QWidget *box) {
            inspect(box, QStringLiteral("rotation-stop-confirm"));
            box->findChild<QPushButton *>(QStringLiteral("keepBothButton"))->click();
        });
        wizard->reject();
        QVERIFY(confirm.opened());
    }
    QTRY_VERIFY_WITH_TIMEOUT(!stopped || !stopped->isVisible(), 10'000);
    QTRY_VERIFY(!stopped);
    auto *resumeBar = page->findChild<QWidget *>(QStringLiteral("rotationResumeBar"));
    QTRY_VERIFY_WITH_TIMEOUT(resumeBar->isVisible(), 10'000);
    QVERIFY(inspectMainWindow(QStringLiteral("keys-resume")));
    resumeBar->findChild<QPushButton *>(QStringLiteral("resumeRotationButton"))->click();
    wizard = waitForWizard(m_window.get(), &m_clockOffset);
    QVERIFY(wizard);
    QTRY_COMPARE(wizard->currentId(), int(RotationWizard::VerifyPageId));
    verdict = wizard->currentPage()->findChild<QLabel *>(QStringLiteral("verifyVerdict"));
    QTRY_VERIFY_WITH_TIMEOUT(!verdict->text().isEmpty(), 10'000);
    inspect(wizard, QStringLiteral("rotation-4-verify-resumed"));
    wizard->currentPage()->findChild<QCheckBox *>(QStringLiteral("verifyOverride"))->setChecked(true);
    QTRY_VERIFY(wizard->currentPage()->isComplete());
    wizard->next();
    QCOMPARE(wizard->currentId(), int(RotationWizard::RetirePageId));
    inspect(wizard, QStringLiteral("rotation-5-retire"));
    wizard->next();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(RotationWizard::SummaryPageId), 10'000);
    auto *trail = wizard->currentPage()->findChild<QLabel *>(QStringLiteral("rotationTrail"));
    QTRY_VERIFY_WITH_TIMEOUT(trail->text().startsWith(QLatin1String("<table>")), 10'000);
    inspect(wizard, QStringLiteral("rotation-6-summary"));
    wizard->accept();
    QGuiApplication::clipboard()->clear();
}

void TestGuiI18n::publishablePages()
{
    KeysPage *page = waitForKeys(m_window.get());
    QVERIFY(page);
    PublishableKeysPanel *panel = page->publishable();
    page->tabs()->setCurrentWidget(panel);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible() && panel->model()->rowCount() > 0, 20'000);
    panel->findChild<QTableView *>(QStringLiteral("publishableTable"))->selectRow(0);
    QVERIFY(inspectMainWindow(QStringLiteral("publishable")));

    panel->findChild<QAction *>(QStringLiteral("newPublishableKeyAction"))->trigger();
    QDialog *create = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (create = m_window->findChild<QDialog *>(QStringLiteral("createPublishableKeyDialog")))
            && create->isVisible(),
        10'000);
    QTest::keyClicks(create->findChild<QLineEdit *>(QStringLiteral("publishableNote")),
        QStringLiteral("checkout web page"));
    inspect(create, QStringLiteral("create-publishable"));
    create->reject();

    panel->findChild<QAction *>(QStringLiteral("deletePublishableKeyAction"))->trigger();
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (confirm = m_window->findChild<QMessageBox *>(QStringLiteral("deletePublishableConfirm")))
            && confirm->isVisible(),
        10'000);
    inspect(confirm, QStringLiteral("delete-publishable-confirm"));
    confirm->button(QMessageBox::Cancel)->click();
    page->tabs()->setCurrentIndex(0);
}

void TestGuiI18n::auditPage()
{
    // A revoked key that is still used: the leak signal above the table names it.
    const QString note = QStringLiteral("leaked reporting key (%1)").arg(m_language);
    const QString secret = m_server.createKey(QStringLiteral("payments:read"), note);
    const QString id = idOf(m_server, m_admin, note);
    QVERIFY(!id.isEmpty());
    QCOMPARE(
        m_server
            .post(QStringLiteral("/secret-keys/") + id + QStringLiteral("/revoke"), QJsonObject(), m_admin)
            .status,
        200);
    QCOMPARE(m_server.get(QStringLiteral("/payments"), secret).status, 401);

    auto *workspace = m_window->findChild<Workspace *>(QStringLiteral("workspace"));
    AuditLogPage *page = workspace->auditPage();
    workspace->setCurrentPage(workspace->pageIndex(page));
    QTRY_VERIFY_WITH_TIMEOUT(page->isVisible(), 10'000);
    page->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && page->model()->rowCount() > 0
            && page->lastVerification().isIntact() && page->timeline()->bucketCount() > 0
            && !page->deniedSummary()->lineTexts().isEmpty(),
        60'000);
    int denied = -1;
    for (int row = 0; row < page->model()->rowCount() && denied < 0; ++row) {
        if (page->model()->index(row, 0).data(AuditLogModel::ActionRole).toString()
            == QLatin1String("auth.denied"))
            denied = row;
    }
    QVERIFY(denied >= 0);
    page->table()->selectRow(denied);
    auto *json = page->details()->findChild<QPlainTextEdit *>(QStringLiteral("auditDetailsJson"));
    QTRY_VERIFY(page->details()->isVisible() && json && !json->toPlainText().isEmpty());
    QVERIFY(inspectMainWindow(QStringLiteral("audit")));
}

void TestGuiI18n::otherDialogs()
{
    m_window->manageProfiles();
    QDialog *profiles = nullptr;
    QTRY_VERIFY((profiles = m_window->findChild<QDialog *>(QStringLiteral("profilesDialog")))
        && profiles->isVisible());
    inspect(profiles, QStringLiteral("profiles"));
    profiles->close();

    const ModalWatch about([this](QWidget *box) {
        inspect(box, QStringLiteral("about"));
        qobject_cast<QDialog *>(box)->accept();
    });
    m_window->about();
    QVERIFY(about.opened());
}

QTEST_MAIN(TestGuiI18n)
#include "tst_gui_i18n.moc"

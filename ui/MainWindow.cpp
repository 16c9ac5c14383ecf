// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AuditLogPage.h"
#include "Icons.h"
#include "KeysPage.h"
#include "OverviewPage.h"
#include "ProfileStore.h"
#include "ProfilesDialog.h"
#include "Session.h"
#include "ShortcutsDialog.h"
#include "StatusPage.h"
#include "TokenStore.h"
#include "WelcomePage.h"
#include "Workspace.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

namespace keyward {

namespace {
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString PageKey = QStringLiteral("window/page");
} // namespace

MainWindow::MainWindow(ProfileStore *profiles, TokenStore *tokens, const BrowserLauncher &launcher,
                       QSettings *settings, QWidget *parent)
    : QMainWindow(parent), m_profiles(profiles), m_tokens(tokens), m_launcher(launcher), m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Keyward"));
    // Below this the pages' wrapped sentences and the keys toolbar no longer fit (tst_gui_i18n
    // checks every page at it, in every language).
    setMinimumSize(960, 640);
    // Size first, so the pages are laid out once, at their final size.
    if (!restoreGeometry(m_settings->value(GeometryKey).toByteArray()))
        resize(1100, 720);
    buildPages();
    buildActions();
    restoreState(m_settings->value(StateKey).toByteArray());
    rebuildProfileSwitcher();
    connect(m_profiles, &ProfileStore::profilesChanged, this, &MainWindow::rebuildProfileSwitcher);
    updateState();
}

MainWindow::~MainWindow()
{
    // The session goes first, while the widgets its signals reach still exist.
    if (m_session) {
        m_session->disconnect(this);
        m_session->auth()->disconnect(this);
        m_session->api()->disconnect(this);
        delete m_session;
    }
}

void MainWindow::buildPages()
{
    m_stack = new QStackedWidget(this);
    m_welcome = new WelcomePage(m_stack);
    m_stack->addWidget(m_welcome);
    setCentralWidget(m_stack);
    connect(m_welcome, &WelcomePage::signInRequested, this, &MainWindow::signIn);
    connect(m_welcome, &WelcomePage::manageProfilesRequested, this, &MainWindow::manageProfiles);
}

StatusPage *MainWindow::statusPage()
{
    if (m_status)
        return m_status;
    m_status = new StatusPage(m_stack);
    m_stack->addWidget(m_status);
    connect(m_status, &StatusPage::cancelRequested, this, [this] {
        if (m_session)
            m_session->auth()->cancelSignIn();
    });
    connect(m_status, &StatusPage::openBrowserAgainRequested, this, [this] {
        if (m_session && !m_session->auth()->openBrowserAgain())
            statusBar()->showMessage(tr("The browser could not be opened. Copy the link and paste it into a browser."), 8000);
    });
    connect(m_status, &StatusPage::copyLinkRequested, this, &MainWindow::copySignInLink);
    connect(m_status, &StatusPage::retryRequested, this, [this] {
        if (m_session && m_session->auth()->state() == AuthService::State::SignedIn)
            m_session->fetchIdentity();
        else
            signIn();
        updateState();
    });
    connect(m_status, &StatusPage::signOutRequested, this, &MainWindow::signOut);
    return m_status;
}

Workspace *MainWindow::workspace()
{
    if (m_workspace)
        return m_workspace;
    m_workspace = new Workspace(m_stack);
    m_stack->addWidget(m_workspace);
    m_workspace->keysPage()->setSettings(m_settings);
    m_workspace->auditPage()->setSettings(m_settings);
    m_workspace->setSession(m_session);
    for (int i = 0; i < m_workspace->pageCount(); ++i) {
        auto *go = m_viewMenu->addAction(m_workspace->pageTitle(i));
        if (i == m_workspace->pageIndex(m_workspace->keysPage()))
            go->setIcon(icon(IconId::KeysPage));
        else if (i == m_workspace->pageIndex(m_workspace->auditPage()))
            go->setIcon(icon(IconId::AuditLog));
        else if (i == 0)
            go->setIcon(icon(IconId::Overview)); // the first page
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i] { m_workspace->setCurrentPage(i); });
    }
    m_viewMenu->setEnabled(true);
    // The keys page's commands, available while it is the page on show.
    for (QAction *action : m_workspace->keysPage()->menuActions()) {
        if (action)
            m_keysMenu->addAction(action);
        else
            m_keysMenu->addSeparator();
    }
    const int keysIndex = m_workspace->pageIndex(m_workspace->keysPage());
    auto syncKeysMenu = [this, keysIndex](int page) { m_keysMenu->setEnabled(page == keysIndex); };
    connect(m_workspace, &Workspace::currentPageChanged, this, syncKeysMenu);
    m_workspace->setCurrentPage(m_settings->value(PageKey, 0).toInt());
    syncKeysMenu(m_workspace->currentPage());
    connect(m_workspace, &Workspace::currentPageChanged, this, [this](int page) { m_settings->setValue(PageKey, page); });
    return m_workspace;
}

void MainWindow::buildActions()
{
    m_signInAction = new QAction(tr("&Sign In with Browser"), this);
    m_signInAction->setObjectName(QStringLiteral("signInAction"));
    m_signInAction->setIcon(icon(IconId::SignIn));
    connect(m_signInAction, &QAction::triggered, this, &MainWindow::signIn);
    m_signOutAction = new QAction(tr("Sign &Out"), this);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    m_signOutAction->setIcon(icon(IconId::SignOut));
    m_signOutAction->setToolTip(tr("Sign out and revoke this session on the server"));
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOut);
    m_profilesAction = new QAction(tr("Manage &Profiles…"), this);
    m_profilesAction->setObjectName(QStringLiteral("manageProfilesAction"));
    m_profilesAction->setIcon(icon(IconId::Profiles));
    connect(m_profilesAction, &QAction::triggered, this, &MainWindow::manageProfiles);
    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_signInAction);
    file->addAction(m_signOutAction);
    file->addSeparator();
    file->addAction(m_profilesAction);
    file->addSeparator();
    file->addAction(quit);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setEnabled(false); // pages arrive with the workspace, after sign-in

    m_keysMenu = menuBar()->addMenu(tr("&Keys"));
    m_keysMenu->setObjectName(QStringLiteral("keysMenu"));
    m_keysMenu->setEnabled(false); // while the keys page is on show

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    auto *aboutAction = help->addAction(tr("&About Keyward"), this, &MainWindow::about);
    aboutAction->setMenuRole(QAction::AboutRole);
    aboutAction->setIcon(icon(IconId::About));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar *bar = addToolBar(tr("Profile"));
    bar->setObjectName(QStringLiteral("profileToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon); // the actions' icons keep their names beside them
    auto *caption = new QLabel(tr("Profil&e:"), bar); // Alt+R is the pages' Refresh and Retry
    m_profileSwitcher = new QComboBox(bar);
    m_profileSwitcher->setObjectName(QStringLiteral("profileSwitcher"));
    m_profileSwitcher->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_profileSwitcher->setMinimumContentsLength(16);
    m_profileSwitcher->setToolTip(tr("The server you are working with"));
    caption->setBuddy(m_profileSwitcher);
    caption->setContentsMargins(6, 0, 6, 0);
    bar->addWidget(caption);
    bar->addWidget(m_profileSwitcher);
    bar->addAction(m_profilesAction);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_signOutAction);
    connect(m_profileSwitcher, &QComboBox::activated, this, [this](int index) {
        switchToProfile(m_profileSwitcher->itemData(index).toString());
    });

    m_identityLabel = new QLabel(this);
    m_identityLabel->setObjectName(QStringLiteral("identityLabel"));
    m_serverLabel = new QLabel(this);
    m_serverLabel->setObjectName(QStringLiteral("serverLabel"));
    statusBar()->addPermanentWidget(m_serverLabel);
    statusBar()->addPermanentWidget(m_identityLabel);

    // Help → Keyboard Shortcuts, first in the menu: the platform's help key (F1) and Ctrl+?.
    auto *shortcutsAction = new QAction(tr("&Keyboard Shortcuts…"), this);
    shortcutsAction->setObjectName(QStringLiteral("keyboardShortcutsAction"));
    QList<QKeySequence> helpKeys = QKeySequence::keyBindings(QKeySequence::HelpContents);
    if (!helpKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Question)))
        helpKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Question));
    shortcutsAction->setShortcuts(helpKeys);
    connect(shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    QAction *firstHelp = help->actions().value(0);
    help->insertAction(firstHelp, shortcutsAction);
    help->insertSeparator(firstHelp);
}

void MainWindow::showShortcuts()
{
    if (!m_shortcutsDialog) {
        m_shortcutsDialog = new ShortcutsDialog(this, this);
        m_shortcutsDialog->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        m_shortcutsDialog->reload(); // pages and their actions may have arrived since
    }
    m_shortcutsDialog->show();
    m_shortcutsDialog->raise();
    m_shortcutsDialog->activateWindow();
}

void MainWindow::rebuildProfileSwitcher()
{
    const QSignalBlocker blocker(m_profileSwitcher);
    m_profileSwitcher->clear();
    const auto current = m_profiles->current();
    for (const Profile &p : m_profiles->profiles()) {
        m_profileSwitcher->addItem(p.name, p.name);
        if (current && current->name == p.name)
            m_profileSwitcher->setCurrentIndex(m_profileSwitcher->count() - 1);
    }
    m_profileSwitcher->setEnabled(m_profileSwitcher->count() > 0);
    const auto p = m_profiles->current();
    m_welcome->setProfile(p ? &*p : nullptr);
    // The session's profile was edited: the next session uses the new settings.
    if (m_session && p && p->id == m_session->profile().id && !(*p == m_session->profile())
        && m_session->auth()->state() == AuthService::State::SignedOut)
        startSession(false);
}

void MainWindow::startSession(bool signInNow)
{
    m_busyWithoutSession = false;
    closeKeychainPrompt();
    const auto profile = m_profiles->current();
    delete m_session;
    m_session = nullptr;
    rebuildProfileSwitcher();
    if (!profile) {
        updateState();
        return;
    }
    m_session = new Session(*profile, m_tokens, m_launcher, this);
    AuthService *auth = m_session->auth();
    connect(auth, &AuthService::stateChanged, this, &MainWindow::updateState);
    connect(auth, &AuthService::signInFailed, this, [this](const ApiFailure &failure) {
        m_welcome->showProblem(failure.message, failure.requestId);
        updateState();
    });
    connect(auth, &AuthService::sessionEnded, this, [this](const QString &message) {
        m_welcome->showInformation(message);
        updateState();
    });
    connect(auth, &AuthService::keychainProblem, this, &MainWindow::showKeychainProblem);
    connect(auth, &AuthService::storageChanged, this, [this] {
        if (m_workspace)
            m_workspace->refresh();
    });
    connect(auth, &AuthService::signedIn, this, [this] { m_welcome->clearMessage(); });
    connect(m_session, &Session::identityChanged, this, &MainWindow::updateIdentity);
    connect(m_session, &Session::identityFailed, this, [this](const ApiFailure &failure) {
        if (!m_session || m_session->auth()->state() != AuthService::State::SignedIn)
            return;
        statusPage()->showError(tr("Could not load your account"), failure.message, failure.requestId);
        m_stack->setCurrentWidget(statusPage());
    });
    connect(auth, &AuthService::signedOut, this, &MainWindow::closeKeychainPrompt);
    connect(auth, &AuthService::sessionEnded, this, &MainWindow::closeKeychainPrompt);
    connect(m_session->api(), &ApiClient::notice, this, [this](const QString &message) {
        statusBar()->showMessage(message, 10'000);
    });
    if (m_workspace)
        m_workspace->setSession(m_session);
    if (signInNow)
        auth->signIn();
    else
        auth->restoreSession();
    updateState();
}

void MainWindow::switchToProfile(const QString &name)
{
    if (m_session && m_session->profile().name == name)
        return;
    if (!m_profiles->setCurrent(name))
        return;
    m_welcome->clearMessage();
    startSession(false);
}

void MainWindow::showBusy(const QString &title, const QString &detail)
{
    m_busyWithoutSession = true;
    statusPage()->showBusy(title, detail, false);
    m_stack->setCurrentWidget(m_status);
    m_signInAction->setEnabled(false);
    m_signOutAction->setEnabled(false);
}

void MainWindow::showStartupProblem(const QString &message)
{
    m_busyWithoutSession = false;
    m_welcome->showProblem(message, QString());
    updateState();
}

void MainWindow::signIn()
{
    if (!m_session || m_session->profile().name != (m_profiles->current() ? m_profiles->current()->name : QString())) {
        startSession(true);
        return;
    }
    m_welcome->clearMessage();
    m_session->auth()->signIn();
}

void MainWindow::signOut()
{
    if (m_session)
        m_session->auth()->signOut();
}

void MainWindow::copySignInLink()
{
    if (!m_session)
        return;
    QApplication::clipboard()->setText(m_session->auth()->authorizationUrl().toString(QUrl::FullyEncoded));
    statusBar()->showMessage(tr("Sign-in link copied. Paste it into a browser to continue."), 8000);
}

void MainWindow::updateState()
{
    if (m_busyWithoutSession)
        return;
    using State = AuthService::State;
    const State state = m_session ? m_session->auth()->state() : State::SignedOut;
    m_signInAction->setEnabled(m_profiles->current().has_value() && state == State::SignedOut);
    m_signOutAction->setEnabled(state == State::SignedIn || state == State::Restoring);
    m_profileSwitcher->setEnabled(m_profileSwitcher->count() > 0 && state != State::Exchanging);
    const QString server = m_session ? m_session->profile().name : QString();
    switch (state) {
    case State::SignedOut:
        m_stack->setCurrentWidget(m_welcome);
        m_welcome->setFocus();
        break;
    case State::Restoring:
        statusPage()->showBusy(tr("Resuming your session…"), tr("Checking the sign-in remembered for %1.").arg(server), true);
        m_stack->setCurrentWidget(m_status);
        break;
    case State::Discovering:
        statusPage()->showBusy(tr("Contacting the sign-in server…"),
                           tr("Reading the sign-in settings of %1.").arg(m_session->profile().issuerUrl.toDisplayString()),
                           true);
        m_stack->setCurrentWidget(m_status);
        break;
    case State::WaitingForBrowser:
        statusPage()->showBusy(tr("Continue in your browser"),
                           tr("Keyward opened the sign-in page of %1 in your web browser. Sign in there; this window "
                              "continues by itself. If no browser appeared, open it again or copy the link.")
                               .arg(m_session->profile().issuerUrl.host()),
                           true, true);
        m_stack->setCurrentWidget(m_status);
        m_status->setFocus();
        break;
    case State::Exchanging:
        statusPage()->showBusy(tr("Finishing sign-in…"), tr("Exchanging the browser's answer for a session."), false);
        m_stack->setCurrentWidget(m_status);
        break;
    case State::SignedIn:
        if (m_session->identity()) {
            m_stack->setCurrentWidget(workspace());
        } else {
            statusPage()->showBusy(tr("Loading your account…"), tr("Asking %1 who you are.").arg(server), false);
            m_stack->setCurrentWidget(m_status);
        }
        break;
    }
    updateIdentity();
}

void MainWindow::updateIdentity()
{
    const bool signedIn = m_session && m_session->identity();
    if (!signedIn) {
        m_identityLabel->setText(tr("Not signed in"));
        m_serverLabel->setText(m_session ? m_session->profile().apiUrl.toDisplayString() : QString());
        if (m_workspace)
            m_workspace->refresh();
        return;
    }
    const Identity &id = *m_session->identity();
    m_identityLabel->setText(tr("%1 · %2").arg(id.label(), OverviewPage::roleName(id.role)));
    m_identityLabel->setToolTip(tr("Signed in to %1 as %2").arg(id.organizationName, id.label()));
    m_serverLabel->setText(m_session->profile().apiUrl.toDisplayString());
    setWindowTitle(tr("%1 — Keyward").arg(id.organizationName.isEmpty() ? m_session->profile().name : id.organizationName));
    workspace()->refresh();
    if (m_session->auth()->state() == AuthService::State::SignedIn && m_stack->currentWidget() != m_workspace) {
        m_stack->setCurrentWidget(m_workspace);
        m_workspace->focusNavigation();
    }
}

void MainWindow::showKeychainProblem(const QString &message)
{
    if (m_keychainPrompt)
        m_keychainPrompt->close();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Keychain unavailable"),
                                tr("Keyward could not store your sign-in in the system keychain."), QMessageBox::NoButton,
                                this);
    box->setObjectName(QStringLiteral("keychainPrompt"));
    box->setInformativeText(message + QLatin1Char(' ')
                            + tr("Retry after unlocking the keychain, or keep this session in memory only: you will "
                                 "need to sign in again next time. Keyward never stores tokens in a plain file."));
    QPushButton *retry = box->addButton(tr("&Retry"), QMessageBox::AcceptRole);
    retry->setObjectName(QStringLiteral("keychainRetryButton"));
    QPushButton *memory = box->addButton(tr("Keep in &memory only"), QMessageBox::RejectRole);
    memory->setObjectName(QStringLiteral("keychainMemoryButton"));
    box->setDefaultButton(retry);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QPointer<Session> session = m_session;
    connect(box, &QMessageBox::buttonClicked, this, [this, session, retry](QAbstractButton *button) {
        if (!session || session != m_session || session->auth()->state() != AuthService::State::SignedIn)
            return;
        if (button == retry)
            session->auth()->retryKeychain();
        else
            session->auth()->keepInMemoryOnly();
        if (m_workspace)
            m_workspace->refresh();
    });
    m_keychainPrompt = box;
    box->open();
}

void MainWindow::closeKeychainPrompt()
{
    if (m_keychainPrompt)
        m_keychainPrompt->close();
}

void MainWindow::manageProfiles()
{
    if (m_profilesDialog) {
        m_profilesDialog->raise();
        m_profilesDialog->activateWindow();
        return;
    }
    m_profilesDialog = new ProfilesDialog(m_profiles, this);
    m_profilesDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_profilesDialog, &ProfilesDialog::useProfileRequested, this, [this](const QString &name) {
        m_profiles->setCurrent(name);
        m_welcome->clearMessage();
        startSession(false);
    });
    connect(m_profilesDialog, &ProfilesDialog::profileRemoved, this, [this](const Profile &removed) {
        if (m_session && m_session->profile().id == removed.id) {
            // Let the old session finish revoking its refresh token before it goes.
            Session *old = m_session;
            m_session = nullptr;
            old->disconnect(this);
            old->auth()->disconnect(this);
            old->api()->disconnect(this);
            connect(old->auth(), &AuthService::signOutFinished, old, &QObject::deleteLater);
            QTimer::singleShot(30'000, old, &QObject::deleteLater);
            old->auth()->signOut();
            startSession(false);
        } else {
            // Not signed in here: forget what the keychain remembers for it. (A server-side
            // revocation would need its sign-in server; the token expires there by itself.)
            m_tokens->remove(removed.id, this, [](const TokenStore::Outcome &) { });
        }
    });
    m_profilesDialog->show();
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Keyward"),
                       tr("<h3>Keyward %1</h3><p>The desktop console for API keys: list them masked, create keys with "
                          "the least permissions they need, rotate without an outage, revoke leaked keys at once, "
                          "and review the audit log.</p><p>Built with Qt %2. Licensed under the GNU GPL, version 3 "
                          "or later.</p>")
                           .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setValue(GeometryKey, saveGeometry());
    m_settings->setValue(StateKey, saveState());
    QMainWindow::closeEvent(event);
}

} // namespace keyward

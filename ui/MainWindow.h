// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiFailure.h"
#include "AuthService.h"
#include "BrowserLauncher.h"
#include "Session.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QMessageBox;
class QSettings;
class QStackedWidget;

namespace keyward {

class ProfileStore;
class ProfilesDialog;
class ShortcutsDialog;
class StatusPage;
class TokenStore;
class WelcomePage;
class Workspace;

// The shell: welcome page when signed out, progress while the browser is out, and the
// workspace (navigation and pages) when signed in; profile switcher, identity and role in the
// status bar, sign-out, About. Never waits on the network or the keychain.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(ProfileStore *profiles, TokenStore *tokens, const BrowserLauncher &launcher, QSettings *settings,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    Session *session() const { return m_session; }
    // Builds the session for the active profile; signs in through the browser when `signIn`,
    // otherwise resumes a session the keychain remembers.
    void startSession(bool signIn);
    // Before any profile exists (the sandbox server is starting, say).
    void showBusy(const QString &title, const QString &detail);
    void showStartupProblem(const QString &message);

public Q_SLOTS:
    void signIn();
    void signOut();
    void manageProfiles();
    void about();
    // Help → Keyboard Shortcuts (F1).
    void showShortcuts();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildPages();
    // Built on first use, so the first paint only lays out the page it shows.
    StatusPage *statusPage();
    Workspace *workspace();
    void rebuildProfileSwitcher();
    void switchToProfile(const QString &name);
    void updateState();
    void updateIdentity();
    void showKeychainProblem(const QString &message);
    void closeKeychainPrompt();
    void copySignInLink();

    ProfileStore *m_profiles;
    TokenStore *m_tokens;
    BrowserLauncher m_launcher;
    QSettings *m_settings;
    QPointer<Session> m_session;

    QStackedWidget *m_stack;
    WelcomePage *m_welcome;
    StatusPage *m_status = nullptr;
    Workspace *m_workspace = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_keysMenu = nullptr;

    QComboBox *m_profileSwitcher;
    QLabel *m_identityLabel;
    QLabel *m_serverLabel;
    QAction *m_signInAction;
    QAction *m_signOutAction;
    QAction *m_profilesAction;
    QPointer<QMessageBox> m_keychainPrompt;
    QPointer<ProfilesDialog> m_profilesDialog;
    QPointer<ShortcutsDialog> m_shortcutsDialog;
    bool m_busyWithoutSession = false;
};

} // namespace keyward

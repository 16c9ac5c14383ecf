// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "KeysService.h"

#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;

namespace keyward {

class ClipboardGuard;
class KeyCommands;
class KeyDetailsPanel;
class KeyFilterProxy;
class KeyListModel;
class PublishableKeysPanel;
class RotationLauncher;
class RotationResumeBar;
class Session;

// The keys workspace, in two tabs: secret keys and publishable keys. Secret keys: every one, masked, with its note, permissions, status and last use;
// an instant filter, a status filter, hygiene counts over the list, and designed loading, empty
// and error states. Loads page by page as the list scrolls; F5 refreshes in place. The selected
// key's details (usage, permissions in plain language, note edited in place) sit beside the list,
// or below it when the window is narrow.
class KeysPage : public QWidget
{
    Q_OBJECT

public:
    explicit KeysPage(QWidget *parent = nullptr);
    ~KeysPage() override;

    void setSession(Session *session);
    // Where unfinished rotations are remembered (per profile); none: they are not.
    void setSettings(QSettings *settings);
    RotationLauncher *rotations() const;
    // Reloads the first page, keeping the rows that survive (and so selection and scroll).
    void refresh();
    static constexpr int StaleAfterMs = 60'000;
    KeyListModel *model() const { return m_model; }
    // The signed-in role changed: read-only roles see why they cannot change keys.
    void updateRole();
    ClipboardGuard *clipboard() const { return m_clipboard; }
    KeyDetailsPanel *details() const { return m_details; }
    PublishableKeysPanel *publishable() const { return m_publishable; }
    QTabWidget *tabs() const { return m_tabs; }
    // The page's commands for the main window's Keys menu, in menu order (nullptr: a separator).
    QList<QAction *> menuActions() const;
    // Selects this key in the list (and shows its details), if it is listed.
    void selectKey(const QString &id);
    // Below this width the details go under the list instead of beside it.
    static constexpr int SideBySideMinWidth = 980;

Q_SIGNALS:
    // "Show audit history" on a key.
    void showAuditRequested(const QString &keyId);

public Q_SLOTS:
    void createKey();
    void editSelected();
    // Opens the rotation wizard for the selected key.
    void rotateSelected();
    void revokeSelected();
    void deleteSelected();
    // Keys per request (the server allows at most 100).
    void setPageSize(int size);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitCommandButtons();

private:
    void loadPage(const QString &cursor, bool replace);
    void updateState();
    void updateSummary();
    void showError(const QString &message, const QString &requestId);
    QList<ApiKey> selectedKeys() const;
    void updateActions();
    void updateDetails();
    void saveNote(const QString &id, const QString &note);
    void updateResumeBar();
    bool canManage() const;

    QPointer<Session> m_session;
    KeysService *m_service = nullptr;
    KeyListModel *m_model;
    KeyFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QComboBox *m_status;
    QLabel *m_summary;
    QLabel *m_roleNote;
    QStackedWidget *m_stack;
    QTableView *m_table;
    QWidget *m_statePanel;
    QLabel *m_stateTitle;
    QLabel *m_stateText;
    QPushButton *m_retry;
    QPushButton *m_emptyCreate;
    QSplitter *m_splitter;
    QList<QToolButton *> m_commandButtons; // new, edit, rotate, revoke, delete
    QPushButton *m_refreshButton;
    QTabWidget *m_tabs;
    QWidget *m_secretTab;
    PublishableKeysPanel *m_publishable;
    KeyDetailsPanel *m_details;
    quint64 m_detailsGeneration = 0; // answers for an earlier selection are dropped
    ClipboardGuard *m_clipboard;
    KeyCommands *m_commands;
    QAction *m_historyAction;
    RotationLauncher *m_rotations;
    RotationResumeBar *m_resumeBar;
    int m_pageSize = KeysService::DefaultPageSize;
    QElapsedTimer m_sinceLoad; // for the refresh when the app comes back to the front
    bool m_loadedOnce = false;
    bool m_splitterSized = false; // the splitter's sizes suit its orientation and size
    bool m_failed = false;
};

} // namespace keyward

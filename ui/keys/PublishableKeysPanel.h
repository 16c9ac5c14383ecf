// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QMessageBox;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace keyward {

class CreatePublishableKeyDialog;
class PublishableKeyModel;
class PublishableKeysService;
class Session;
struct ApiFailure;
struct PublishableKey;


// The organization's publishable keys (pk_…): public by design, so shown in full and copied
// without any secret handling. Owners and admins create and delete them; other roles see and
// copy them. Designed loading, empty and error states; the list changes only from the
// server's answers.
class PublishableKeysPanel : public QWidget
{
    Q_OBJECT

public:
    explicit PublishableKeysPanel(QWidget *parent = nullptr);
    ~PublishableKeysPanel() override;

    void setSession(Session *session);
    // Reloads every key from the server, keeping rows that survive (and so the selection).
    void refresh();
    // The signed-in identity or its role changed: read-only roles see why they cannot change
    // keys; signed out, nothing of the last account stays on screen.
    void updateRole();
    PublishableKeyModel *model() const { return m_model; }
    // How long the "Copied" note stays.
    static constexpr int CopiedFeedbackMs = 2500;

public Q_SLOTS:
    void createKey();
    void copySelected();
    void deleteSelected();

protected:
    void showEvent(QShowEvent *event) override;

private:
    enum class State { Idle, Loading, Loaded, Failed };

    bool canManage() const;
    bool signedIn() const;
    const PublishableKey *selectedKey() const;
    void selectKey(const QString &id);
    void resetCalls();
    void clearAll();
    void setState(State state);
    void updateView();
    void fitColumns();
    void updateActions();
    void showMessage(const QString &message);
    void listFailed(const ApiFailure &failure);

    QPointer<Session> m_session;
    QMetaObject::Connection m_sessionGone;
    PublishableKeysService *m_service = nullptr;
    QObject *m_calls = nullptr; // the context of every call in flight; replaced to cancel them all
    PublishableKeyModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_roleNote;
    QLabel *m_message;
    QLabel *m_copied;
    QTimer *m_copiedTimer;
    QPushButton *m_refreshButton;
    QStackedWidget *m_stack;
    QTableView *m_table;
    QWidget *m_statePanel;
    QLabel *m_stateTitle;
    QLabel *m_stateText;
    QPushButton *m_retry;
    QPushButton *m_emptyCreate;
    QAction *m_newAction;
    QAction *m_copyAction;
    QAction *m_deleteAction;
    QAction *m_refreshAction;
    QPointer<CreatePublishableKeyDialog> m_createDialog;
    QPointer<QMessageBox> m_deleteConfirm;
    QStringList m_deleting; // ids with a delete in flight
    State m_state = State::Idle;
    QString m_failure; // the list's last failure, shown in the error state
    int m_changes = 0; // creates and deletes answered; a list older than one is fetched again
};

} // namespace keyward

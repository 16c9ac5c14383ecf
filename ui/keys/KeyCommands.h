// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"
#include "Permission.h"
#include "RotationJournal.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QDialog;
class QSettings;
class QWidget;

namespace keyward {

class AuditService;
class ClipboardGuard;
class CreateKeyDialog;
class KeyListModel;
class KeysService;
class RotationLauncher;
class Session;

// The secret-key commands, one user action each: new, edit, rotate, revoke, delete (and revoke
// and replace). It owns their actions (shortcuts, tooltips, enabled state from the selection and
// the role), the dialogs and wizard they open, and the permission catalog they share, fetched once
// per session. What the server answers goes into the model; the page only shows it.
class KeyCommands : public QObject
{
    Q_OBJECT

public:
    using Selection = std::function<QList<ApiKey>()>;

    // Dialogs open over `owner`; `selection` says which keys the commands act on.
    KeyCommands(QWidget *owner, KeyListModel *model, ClipboardGuard *clipboard, Selection selection);
    ~KeyCommands() override;

    void setSession(Session *session, KeysService *service);
    // Where unfinished rotations are remembered; none: they are not.
    void setSettings(QSettings *settings);

    QAction *newAction() const { return m_newAction; }
    QAction *editAction() const { return m_editAction; }
    QAction *rotateAction() const { return m_rotateAction; }
    QAction *revokeAction() const { return m_revokeAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    RotationLauncher *rotations() const { return m_rotations; }

    // The signed-in role may change keys.
    bool canManage() const;
    // Enables the actions for the current selection and role.
    void updateActions();
    // Runs `then` with the permission catalog, fetched once per session; a failure is shown in a
    // message box titled `title` (none when empty).
    void withCatalog(const QString &title, std::function<void(const QList<PermissionResource> &)> then);
    const std::optional<QList<PermissionResource>> &catalog() const { return m_catalog; }

public Q_SLOTS:
    void createKey();
    void editSelected();
    // Opens the rotation wizard for the selected key (or resumes its rotation).
    void rotateSelected();
    void revokeSelected();
    void deleteSelected();
    // Goes on with a rotation the journal remembers.
    void resumeRotation(const keyward::RotationProgress &progress);

Q_SIGNALS:
    // A key was created (or a rotation finished): the page selects it.
    void selectRequested(const QString &id);
    // An edit was saved: the server's view of the key.
    void keySaved(const keyward::ApiKey &key);
    void catalogLoaded(const QList<keyward::PermissionResource> &catalog);
    // Keys were added, changed or removed: actions and details follow.
    void keysChanged();

private:
    void openCreateDialog(const QList<PermissionResource> &catalog);
    void openEditDialog(const ApiKey &key, const QList<PermissionResource> &catalog);
    void setUpDialogGrants(CreateKeyDialog *dialog) const;
    void setUpRotationGrants();
    void updateJournal();
    QString grantor() const;

    QWidget *m_owner;
    KeyListModel *m_model;
    ClipboardGuard *m_clipboard;
    Selection m_selection;
    QPointer<Session> m_session;
    KeysService *m_service = nullptr;
    AuditService *m_audit = nullptr;
    QSettings *m_settings = nullptr;
    std::optional<QList<PermissionResource>> m_catalog;
    QAction *m_newAction;
    QAction *m_editAction;
    QAction *m_rotateAction;
    QAction *m_revokeAction;
    QAction *m_deleteAction;
    RotationLauncher *m_rotations;
    QPointer<QDialog> m_createDialog;
    QPointer<QDialog> m_editDialog;
};

} // namespace keyward

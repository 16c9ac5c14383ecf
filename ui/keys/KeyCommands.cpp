// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyCommands.h"

#include "AuditService.h"
#include "ClipboardGuard.h"
#include "CreateKeyDialog.h"
#include "Icons.h"
#include "KeyListModel.h"
#include "KeysService.h"
#include "RotationLauncher.h"
#include "SecretRevealDialog.h"
#include "Session.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace keyward {

namespace {

// The action's shortcut as the user's platform and language write it ("Strg+N" in German).
QString shortcutText(const QAction *action)
{
    return action->shortcut().toString(QKeySequence::NativeText);
}

} // namespace

KeyCommands::KeyCommands(QWidget *owner, KeyListModel *model, ClipboardGuard *clipboard, Selection selection)
    : QObject(owner), m_owner(owner), m_model(model), m_clipboard(clipboard), m_selection(std::move(selection)),
      m_rotations(new RotationLauncher(owner))
{
    m_newAction = new QAction(tr("&New key…"), this);
    m_newAction->setObjectName(QStringLiteral("newKeyAction"));
    m_newAction->setIcon(icon(IconId::NewKey));
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_editAction = new QAction(tr("&Edit…"), this);
    m_editAction->setObjectName(QStringLiteral("editKeyAction"));
    m_editAction->setIcon(icon(IconId::Edit));
    m_editAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_editAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_rotateAction = new QAction(tr("R&otate…"), this);
    m_rotateAction->setObjectName(QStringLiteral("rotateKeyAction"));
    m_rotateAction->setIcon(icon(IconId::Rotate));
    m_rotateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_rotateAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_revokeAction = new QAction(tr("Re&voke…"), this);
    m_revokeAction->setObjectName(QStringLiteral("revokeKeyAction"));
    m_revokeAction->setIcon(icon(IconId::Revoke));
    m_deleteAction = new QAction(tr("&Delete…"), this);
    m_deleteAction->setObjectName(QStringLiteral("deleteKeyAction"));
    m_deleteAction->setIcon(icon(IconId::Delete));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_newAction, &QAction::triggered, this, &KeyCommands::createKey);
    connect(m_editAction, &QAction::triggered, this, &KeyCommands::editSelected);
    connect(m_rotateAction, &QAction::triggered, this, &KeyCommands::rotateSelected);
    connect(m_revokeAction, &QAction::triggered, this, &KeyCommands::revokeSelected);
    connect(m_deleteAction, &QAction::triggered, this, &KeyCommands::deleteSelected);
    // Revoking a leaked key is the urgent one: a key of its own, next to Delete's.
    m_revokeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    m_revokeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_rotations->setClipboard(m_clipboard);
    connect(m_rotations, &RotationLauncher::keyChanged, this, [this](const ApiKey &changed) {
        m_model->upsert(changed);
        Q_EMIT keysChanged();
    });
    connect(m_rotations, &RotationLauncher::keyDeleted, this, [this](const QString &id) {
        m_model->remove(id);
        Q_EMIT keysChanged();
    });
    // Finished: the new key is selected, its details beside it.
    connect(m_rotations, &RotationLauncher::finished, this, &KeyCommands::selectRequested);
}

KeyCommands::~KeyCommands() = default;

void KeyCommands::setSession(Session *session, KeysService *service)
{
    m_session = session;
    m_service = service;
    m_catalog.reset();
    m_rotations->setService(service);
    delete m_audit;
    m_audit = session ? new AuditService(session->api(), this) : nullptr;
    m_rotations->setAuditService(m_audit);
    updateJournal();
    updateActions();
}

void KeyCommands::setSettings(QSettings *settings)
{
    m_settings = settings;
    updateJournal();
}

void KeyCommands::updateJournal()
{
    if (m_settings && m_session)
        m_rotations->setJournal(RotationJournal(m_settings, m_session->profile().id));
    else
        m_rotations->setJournal(std::nullopt);
}

bool KeyCommands::canManage() const
{
    return m_session && m_session->identity() && m_session->identity()->canManageKeys();
}

QString KeyCommands::grantor() const
{
    const auto &identity = m_session->identity();
    return identity->role.isEmpty() ? tr("The key you signed in with") : tr("Your role (%1)").arg(identity->role);
}

void KeyCommands::updateActions()
{
    const bool manage = canManage();
    const QList<ApiKey> selected = m_selection();
    const QString why = tr("Changing keys needs the owner or admin role.");
    m_newAction->setEnabled(manage && m_service);
    m_newAction->setToolTip(manage ? tr("Create a secret key (%1)").arg(shortcutText(m_newAction)) : why);
    bool anyActive = false;
    for (const ApiKey &k : selected)
        anyActive = anyActive || k.status != ApiKey::Status::Revoked;
    const bool oneLive = selected.size() == 1 && selected.constFirst().status != ApiKey::Status::Revoked;
    m_editAction->setEnabled(manage && oneLive);
    m_editAction->setToolTip(!manage ? why
                             : selected.size() == 1 && !oneLive ? tr("A revoked key cannot be changed.")
                                                                : tr("Change the note, permissions or expiry (%1)").arg(shortcutText(m_editAction)));
    m_rotateAction->setEnabled(manage && oneLive);
    m_rotateAction->setToolTip(!manage ? why
                               : selected.size() == 1 && !oneLive ? tr("A revoked key cannot be rotated.")
                                                                  : tr("Replace the key without an outage (%1)").arg(shortcutText(m_rotateAction)));
    m_revokeAction->setEnabled(manage && anyActive);
    m_revokeAction->setToolTip(manage ? tr("Stop the selected keys now; they stay listed as revoked") : why);
    m_deleteAction->setEnabled(manage && selected.size() == 1);
    m_deleteAction->setToolTip(manage ? tr("Delete the selected key (%1)").arg(shortcutText(m_deleteAction)) : why);
}

void KeyCommands::withCatalog(const QString &title, std::function<void(const QList<PermissionResource> &)> then)
{
    if (m_catalog) {
        then(*m_catalog);
        return;
    }
    if (!m_service)
        return;
    m_service->permissionCatalog(this, [this, title, then](const Result<QList<PermissionResource>> &r) {
        if (!r.ok()) {
            updateActions();
            if (!title.isEmpty())
                QMessageBox::warning(m_owner, title, r.error().text());
            return;
        }
        m_catalog = r.value();
        Q_EMIT catalogLoaded(*m_catalog);
        then(*m_catalog);
    });
}

void KeyCommands::createKey()
{
    if (!canManage() || !m_service)
        return;
    if (m_createDialog) {
        m_createDialog->raise();
        m_createDialog->activateWindow();
        return;
    }
    m_newAction->setEnabled(false);
    withCatalog(tr("New secret key"), [this](const QList<PermissionResource> &catalog) {
        updateActions();
        if (!m_createDialog)
            openCreateDialog(catalog);
    });
}

void KeyCommands::setUpDialogGrants(CreateKeyDialog *dialog) const
{
    const auto &identity = m_session->identity();
    if (!identity)
        return;
    dialog->setGrantable(identity->permissions, grantor());
}

void KeyCommands::resumeRotation(const RotationProgress &progress)
{
    if (!canManage() || !m_service)
        return;
    withCatalog(tr("Resume rotation"), [this, progress](const QList<PermissionResource> &catalog) {
        setUpRotationGrants();
        m_rotations->resume(progress, catalog);
    });
}

void KeyCommands::setUpRotationGrants()
{
    if (m_session && m_session->identity())
        m_rotations->setGrantable(m_session->identity()->permissions, grantor());
}

void KeyCommands::openCreateDialog(const QList<PermissionResource> &catalog)
{
    auto *dialog = new CreateKeyDialog(catalog, m_owner);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    setUpDialogGrants(dialog);
    m_createDialog = dialog;
    connect(dialog, &CreateKeyDialog::createRequested, this, [this, dialog](const KeyDraft &draft) {
        dialog->setBusy(true);
        dialog->showError(QString());
        QPointer<CreateKeyDialog> guard(dialog);
        m_service->create(draft, dialog, [this, guard](Result<CreatedKey> &r) {
            if (!guard)
                return;
            guard->setBusy(false);
            if (!r.ok()) {
                guard->showError(r.error().text()); // nothing is lost: the form stays as it was
                return;
            }
            const ApiKey key = r.value().key;
            SecretBuffer secret(std::move(r.value().secret));
            guard->accept();
            m_model->upsert(key); // the server's answer, masked
            Q_EMIT keysChanged();
            Q_EMIT selectRequested(key.id);
            auto *reveal = new SecretRevealDialog(key, std::move(secret), m_clipboard, m_owner);
            reveal->setAttribute(Qt::WA_DeleteOnClose);
            if (const auto &replaced = r.value().replaced) {
                m_model->upsert(*replaced);
                reveal->setNotice(tr("The server's first answer was lost on the way, so Keyward revoked the key it "
                                     "had created (%1): nobody saw its secret. This is a fresh key in its place.")
                                      .arg(replaced->masked()));
            }
            reveal->open();
        });
    });
    dialog->open();
}

void KeyCommands::editSelected()
{
    const QList<ApiKey> keys = m_selection();
    if (!canManage() || !m_service || keys.size() != 1 || keys.constFirst().status == ApiKey::Status::Revoked)
        return;
    if (m_editDialog) {
        m_editDialog->raise();
        m_editDialog->activateWindow();
        return;
    }
    withCatalog(tr("Edit key"), [this, key = keys.constFirst()](const QList<PermissionResource> &catalog) {
        if (!m_editDialog)
            openEditDialog(key, catalog);
    });
}

void KeyCommands::rotateSelected()
{
    const QList<ApiKey> keys = m_selection();
    if (!canManage() || !m_service || keys.size() != 1 || keys.constFirst().status == ApiKey::Status::Revoked)
        return;
    withCatalog(tr("Rotate key"), [this, key = keys.constFirst()](const QList<PermissionResource> &catalog) {
        setUpRotationGrants();
        m_rotations->rotate(key, catalog);
    });
}

void KeyCommands::openEditDialog(const ApiKey &key, const QList<PermissionResource> &catalog)
{
    auto *dialog = new CreateKeyDialog(catalog, m_owner);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setEditing(key);
    setUpDialogGrants(dialog);
    m_editDialog = dialog;
    connect(dialog, &CreateKeyDialog::saveRequested, this, [this, dialog, id = key.id](const KeyUpdate &change) {
        dialog->setBusy(true);
        dialog->showError(QString());
        QPointer<CreateKeyDialog> guard(dialog);
        m_service->update(id, change, dialog, [this, guard](const Result<ApiKey> &r) {
            if (!guard)
                return;
            guard->setBusy(false);
            if (!r.ok()) {
                guard->showError(r.error().text()); // the form keeps every change, to fix and retry
                return;
            }
            guard->accept();
            m_model->upsert(r.value()); // the list shows what the server now holds
            Q_EMIT keySaved(r.value());
            Q_EMIT keysChanged();
        });
    });
    dialog->open();
}

void KeyCommands::revokeSelected()
{
    QList<ApiKey> keys;
    for (const ApiKey &k : m_selection()) {
        if (k.status != ApiKey::Status::Revoked)
            keys.append(k);
    }
    if (!canManage() || keys.isEmpty())
        return;
    QStringList lines;
    QString recent;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const ApiKey &k : keys) {
        lines.append(QStringLiteral("• %1  %2").arg(k.note, k.masked()));
        if (k.lastUsedAt.isValid() && k.lastUsedAt.secsTo(now) < 24 * 3600 && recent.isEmpty())
            recent = tr("“%1” was used %2 from %3: requests still using it will fail.")
                         .arg(k.note, KeyListModel::relativeTime(k.lastUsedAt, now),
                              k.lastUsedIp.isEmpty() ? tr("an unknown address") : k.lastUsedIp);
    }
    QMessageBox box(QMessageBox::Warning, tr("Revoke keys"),
                    tr("Revoke %n key(s) now? From this moment the server answers 401 to them; they stay listed "
                       "as revoked.", nullptr, int(keys.size())),
                    QMessageBox::Cancel, m_owner);
    box.setObjectName(QStringLiteral("revokeConfirm"));
    box.setInformativeText(lines.join(QLatin1Char('\n')) + (recent.isEmpty() ? QString() : QStringLiteral("\n\n") + recent));
    QPushButton *revoke = box.addButton(tr("&Revoke"), QMessageBox::DestructiveRole);
    // A leaked key usually needs a successor at once: the rotation's emergency path revokes the
    // old key the moment the replacement exists, and shows the new secret.
    QPushButton *replace = nullptr;
    if (keys.size() == 1 && m_rotations->canRotate()) {
        replace = box.addButton(tr("Revoke and re&place…"), QMessageBox::ActionRole);
        replace->setObjectName(QStringLiteral("revokeAndReplaceButton"));
        replace->setToolTip(tr("Create a replacement with the same note and permissions, then revoke this key at once"));
    }
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (replace && box.clickedButton() == replace) {
        withCatalog(tr("Rotate key"), [this, key = keys.constFirst()](const QList<PermissionResource> &catalog) {
            setUpRotationGrants();
            m_rotations->rotate(key, catalog, true);
        });
        return;
    }
    if (box.clickedButton() != revoke)
        return;
    for (const ApiKey &k : keys) {
        m_service->revoke(k.id, this, [this](const Result<ApiKey> &r) {
            if (!r.ok()) {
                QMessageBox::warning(m_owner, tr("Revoke keys"), r.error().text());
                return;
            }
            m_model->upsert(r.value()); // the list shows what the server says, not a guess
            Q_EMIT keysChanged();
        });
    }
}

void KeyCommands::deleteSelected()
{
    const QList<ApiKey> keys = m_selection();
    if (!canManage() || keys.size() != 1)
        return;
    const ApiKey key = keys.constFirst();
    QMessageBox box(QMessageBox::Warning, tr("Delete key"),
                    tr("Delete “%1” (%2)? It stops working and disappears from the list; the audit log keeps its "
                       "history.").arg(key.note, key.masked()),
                    QMessageBox::Cancel, m_owner);
    box.setObjectName(QStringLiteral("deleteConfirm"));
    if (key.lastUsedAt.isValid())
        box.setInformativeText(tr("It was last used %1.").arg(KeyListModel::relativeTime(key.lastUsedAt,
                                                                                         QDateTime::currentDateTimeUtc())));
    QPushButton *remove = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    m_service->remove(key.id, this, [this, id = key.id](const Result<bool> &r) {
        if (!r.ok()) {
            QMessageBox::warning(m_owner, tr("Delete key"), r.error().text());
            return;
        }
        m_model->remove(id);
        Q_EMIT keysChanged();
    });
}

} // namespace keyward

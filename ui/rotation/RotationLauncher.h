// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"
#include "Permission.h"
#include "RotationJournal.h"

#include <QFrame>
#include <QObject>
#include <QPointer>

#include <optional>

class QLabel;
class QPushButton;

namespace keyward {

class AuditService;
class ClipboardGuard;
class KeysService;
class RotationWizard;

// Opens the rotation wizard: a fresh rotation, or one left halfway, found in the journal (this
// computer) or through the server's link from the old key to its replacement (anywhere). Resuming
// first asks the server about both keys, so a rotation whose keys were revoked or deleted in the
// meantime ends with a sentence instead of a wizard that cannot work.
class RotationLauncher : public QObject
{
    Q_OBJECT

public:
    // Dialogs open over `owner`.
    explicit RotationLauncher(QWidget *owner);
    ~RotationLauncher() override;

    void setService(KeysService *service) { m_service = service; }
    void setAuditService(AuditService *audit) { m_audit = audit; }
    void setClipboard(ClipboardGuard *clipboard) { m_clipboard = clipboard; }
    // No journal: nothing is remembered (a profile without settings, or none signed in).
    void setJournal(std::optional<RotationJournal> journal);
    void setGrantable(const QStringList &permissions, const QString &who);

    // Starts rotating `key`, or goes on with the rotation already in progress for it.
    // `emergency`: a suspected leak, revoking the old key as soon as the replacement exists.
    void rotate(const ApiKey &key, const QList<PermissionResource> &catalog, bool emergency = false);
    // Goes on with a rotation from the journal.
    void resume(const RotationProgress &progress, const QList<PermissionResource> &catalog);
    // Drops a rotation from the journal; both keys stay as they are.
    void forget(const QString &oldKeyId);
    QList<RotationProgress> unfinished() const;
    RotationWizard *wizard() const;
    bool isBusy() const { return m_busy; }
    // Nothing is in the way of starting a rotation (no wizard open, no resume being checked).
    bool canRotate() const;

    // The wizard's step, as the keys page names it ("deploy and verify").
    static QString stepName(int step);

Q_SIGNALS:
    void keyChanged(const keyward::ApiKey &key);
    void keyDeleted(const QString &id);
    // Finished: the replacement is the key to select.
    void finished(const QString &newKeyId);
    // The journal changed (a rotation started, stopped or finished).
    void journalChanged();
    void busyChanged(bool busy);

private:
    void open(const ApiKey &oldKey, const QList<PermissionResource> &catalog, const std::optional<ApiKey> &newKey,
              const RotationProgress &progress, bool fromJournal, bool emergency = false);
    // Fetches the old and the new key, then opens the wizard or says why it cannot.
    void fetchAndResume(const QString &oldKeyId, const RotationProgress &progress, bool fromJournal,
                        const QList<PermissionResource> &catalog);
    void setBusy(bool busy);
    // False while a wizard is open (raised instead) or a resume is being checked.
    bool canStart();

    QWidget *m_owner;
    KeysService *m_service = nullptr;
    AuditService *m_audit = nullptr;
    ClipboardGuard *m_clipboard = nullptr;
    std::optional<RotationJournal> m_journal;
    QStringList m_grantable;
    QString m_grantor;
    QPointer<RotationWizard> m_wizard;
    bool m_busy = false;
};

// A bar above the keys list: "A rotation of “Billing backend” (skey_••••3f9a) was left at deploy
// and verify on 7 Dec 11:02." with Resume and Forget.
class RotationResumeBar : public QFrame
{
    Q_OBJECT

public:
    explicit RotationResumeBar(QWidget *parent = nullptr);
    // Shows the oldest of these (and how many more), or hides when empty.
    void setEntries(const QList<RotationProgress> &entries);
    void setBusy(bool busy);

Q_SIGNALS:
    void resumeRequested(const keyward::RotationProgress &progress);
    void forgetRequested(const keyward::RotationProgress &progress);

private:
    QLabel *m_text;
    QPushButton *m_resume;
    QPushButton *m_forget;
    std::optional<RotationProgress> m_shown;
};

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"
#include "KeysService.h"
#include "RotationJournal.h"
#include "SecretBuffer.h"

#include <QWizard>

#include <functional>
#include <optional>

namespace keyward {

class AuditService;
class ClipboardGuard;

// Why a key is being rotated; a suspected leak offers the emergency path.
enum class RotationReason { Scheduled, SuspectedLeak, PersonLeft, Policy };

// How the old key is retired once the new one carries the traffic.
enum class RetireChoice { ExpireAfterGrace, RevokeNow, DeleteNow };

// What the wizard did, for its summary and for the keys page.
struct RotationResult
{
    ApiKey oldKey;
    std::optional<ApiKey> newKey;
    RotationReason reason = RotationReason::Scheduled;
    bool emergency = false; // the old key was revoked as soon as the replacement existed
    std::optional<RetireChoice> retired;
    QDateTime oldExpiresAt; // with ExpireAfterGrace
    bool overrodeVerification = false;
    bool oldGoneElsewhere = false; // deleted by someone else while the rotation ran
};

// Replaces a secret key without an outage, as the Odus guide says (create, deploy, verify, only
// then retire) but watching the traffic instead of trusting memory: why → replacement (the key
// form, prefilled) → the one-time reveal → deploy and verify (live use of both keys) → retire
// (grace period, revoke or delete) → summary. A suspected leak can take the emergency path:
// revoke the old key as soon as the replacement exists. The wizard owns the result; every server
// call goes through KeysService and shows its progress and errors on the page that made it.
class RotationWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { ReasonPageId, ReplacementPageId, RevealPageId, VerifyPageId, RetirePageId, SummaryPageId };
    using Clock = std::function<QDateTime()>;

    RotationWizard(const ApiKey &oldKey, KeysService *service, const QList<PermissionResource> &catalog,
                   ClipboardGuard *clipboard, QWidget *parent = nullptr);
    ~RotationWizard() override;

    void setGrantable(const QStringList &permissions, const QString &who);
    void setClock(Clock clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }
    // How often the verify page asks the server about both keys.
    void setPollInterval(int ms) { m_pollMs = ms; }
    int pollInterval() const { return m_pollMs; }

    KeysService *service() const { return m_service; }
    // Where the summary reads both keys' audit trail; none: it only says what it did.
    void setAuditService(AuditService *audit) { m_audit = audit; }
    AuditService *auditService() const { return m_audit; }
    ClipboardGuard *clipboard() const { return m_clipboard; }
    const QList<PermissionResource> &catalog() const { return m_catalog; }
    const QStringList &grantable() const { return m_grantable; }
    const QString &grantor() const { return m_grantor; }
    RotationResult &result() { return m_result; }
    const RotationResult &result() const { return m_result; }
    // The replacement's secret, handed from the create call to the reveal page (moved, once).
    SecretBuffer takeSecret() { return std::move(m_secret); }
    void setSecret(SecretBuffer secret) { m_secret = std::move(secret); }

    // Keeps the wizard's progress in `journal` from the moment the replacement exists, so that
    // closing the wizard or the app halfway offers to go on later.
    void setJournal(const RotationJournal &journal) { m_journal = journal; }
    // Opens on a suspected leak with the emergency path chosen (revoke as soon as the replacement exists).
    void presetEmergency()
    {
        m_result.reason = RotationReason::SuspectedLeak;
        m_result.emergency = true;
    }
    // Goes on with a rotation left halfway: the replacement exists, so the wizard starts at the
    // verify step. `progress` comes from the journal, or is made up from the server's link between
    // the keys when the journal has none (fromJournal false: started elsewhere).
    void resume(const ApiKey &newKey, const RotationProgress &progress, bool fromJournal);
    bool isResumed() const { return m_resumed; }
    // What the verify step says about a resumed rotation (empty when not resumed).
    QString resumeNotice() const;
    // The progress as last recorded; pages update it and call saveProgress().
    RotationProgress &progress() { return m_progress; }
    // Records that the rotation reached `step` (with what result() holds) in the journal.
    void saveProgress(PageId step);
    // The rotation is over (finished, or the replacement revoked): nothing to resume.
    void forgetProgress();

    void reject() override;

Q_SIGNALS:
    // A key changed on the server (created, revoked, expiry set): the list should show it.
    void keyChanged(const keyward::ApiKey &key);
    void keyDeleted(const QString &id);

private:
    KeysService *m_service;
    AuditService *m_audit = nullptr;
    QList<PermissionResource> m_catalog;
    ClipboardGuard *m_clipboard;
    QStringList m_grantable;
    QString m_grantor;
    Clock m_clock;
    int m_pollMs = 5000;
    RotationResult m_result;
    SecretBuffer m_secret;
    std::optional<RotationJournal> m_journal;
    RotationProgress m_progress;
    bool m_resumed = false;
    bool m_resumedFromJournal = false;
};

} // namespace keyward

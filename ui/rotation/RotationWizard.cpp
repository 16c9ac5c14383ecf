// SPDX-License-Identifier: GPL-3.0-or-later
#include "RotationWizard.h"

#include "RotationPages.h"

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

namespace keyward {

RotationWizard::RotationWizard(const ApiKey &oldKey, KeysService *service, const QList<PermissionResource> &catalog,
                               ClipboardGuard *clipboard, QWidget *parent)
    : QWizard(parent), m_service(service), m_catalog(catalog), m_clipboard(clipboard)
{
    setObjectName(QStringLiteral("rotationWizard"));
    setWindowTitle(tr("Rotate “%1”").arg(oldKey.note));
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setOption(QWizard::NoCancelButtonOnLastPage); // the summary: everything is done
    setMinimumSize(640, 560);
    resize(780, 640); // room for the longer languages' choices and two-line subtitles
    m_result.oldKey = oldKey;
    setPage(ReasonPageId, new ReasonPage(this));
    setPage(ReplacementPageId, new ReplacementPage(this));
    setPage(RevealPageId, new RevealPage(this));
    setPage(VerifyPageId, new VerifyPage(this));
    setPage(RetirePageId, new RetirePage(this));
    setPage(SummaryPageId, new SummaryPage(this));
    setStartId(ReasonPageId);
}

RotationWizard::~RotationWizard()
{
    m_secret.clear();
}

void RotationWizard::setGrantable(const QStringList &permissions, const QString &who)
{
    m_grantable = permissions;
    m_grantor = who;
}

void RotationWizard::resume(const ApiKey &newKey, const RotationProgress &progress, bool fromJournal)
{
    m_progress = progress;
    m_resumed = true;
    m_resumedFromJournal = fromJournal;
    m_result.newKey = newKey;
    m_result.reason = RotationReason(std::clamp(progress.reason, 0, int(RotationReason::Policy)));
    m_result.emergency = progress.emergency;
    setStartId(VerifyPageId);
    saveProgress(VerifyPageId);
}

QString RotationWizard::resumeNotice() const
{
    if (!m_resumed)
        return {};
    const QString started = QLocale().toString(m_progress.startedAt.toLocalTime(), QLocale::ShortFormat);
    if (!m_resumedFromJournal)
        return tr("This rotation was started earlier, on this computer or another, and its new secret cannot be "
                  "shown again. Make sure the new key is deployed, then watch it take over.");
    if (!m_progress.secretStored)
        return tr("Resumed the rotation started %1. Keyward closed before you confirmed that the new secret was "
                  "stored, and it cannot be shown again: if you did not store it, stop here, revoke the new key, "
                  "and rotate again.").arg(started);
    return tr("Resumed the rotation started %1.").arg(started);
}

void RotationWizard::saveProgress(PageId step)
{
    if (!m_result.newKey)
        return;
    m_progress.oldKeyId = m_result.oldKey.id;
    m_progress.oldNote = m_result.oldKey.note;
    m_progress.oldMasked = m_result.oldKey.masked();
    m_progress.newKeyId = m_result.newKey->id;
    m_progress.newMasked = m_result.newKey->masked();
    m_progress.step = step;
    m_progress.reason = int(m_result.reason);
    m_progress.emergency = m_result.emergency;
    if (m_journal)
        m_journal->save(m_progress);
}

void RotationWizard::forgetProgress()
{
    if (m_journal)
        m_journal->forget(m_result.oldKey.id);
}

void RotationWizard::reject()
{
    const bool midway = m_result.newKey && currentId() != SummaryPageId && !m_result.retired;
    if (!midway) {
        QWizard::reject();
        return;
    }
    // The replacement exists: leaving must not strand a live key nobody deploys, nor revoke one
    // somebody already deployed. Ask.
    QMessageBox box(QMessageBox::Question, tr("Stop rotating"),
                    tr("The new key “%1” (%2) already exists. Revoke it now, or keep both keys working?")
                        .arg(m_result.newKey->note, m_result.newKey->masked()),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("cancelRotationConfirm"));
    box.setInformativeText(m_result.emergency
                               ? tr("The old key is already revoked: without the new key nothing can call the API.")
                               : tr("Keep both if the new key is already deployed anywhere. Keyward remembers "
                                    "where the rotation stopped and offers to go on from the keys page."));
    QPushButton *revoke = box.addButton(tr("&Revoke the new key"), QMessageBox::DestructiveRole);
    revoke->setObjectName(QStringLiteral("revokeNewKeyButton"));
    QPushButton *keep = box.addButton(tr("&Keep both, finish later"), QMessageBox::AcceptRole);
    keep->setObjectName(QStringLiteral("keepBothButton"));
    QPushButton *stay = box.addButton(tr("&Continue rotating"), QMessageBox::RejectRole);
    box.setDefaultButton(stay);
    box.exec();
    if (box.clickedButton() == keep) {
        saveProgress(PageId(currentId() == RevealPageId ? RevealPageId : VerifyPageId));
        QWizard::reject();
    } else if (box.clickedButton() == revoke) {
        setEnabled(false);
        m_service->revoke(m_result.newKey->id, this, [this](const Result<ApiKey> &r) {
            setEnabled(true);
            if (!r.ok() && r.error().httpStatus == 404) {
                // Deleted elsewhere: nothing is left to revoke.
                Q_EMIT keyDeleted(m_result.newKey->id);
                forgetProgress();
                QWizard::reject();
                return;
            }
            if (!r.ok()) {
                QMessageBox::warning(this, tr("Stop rotating"), tr("The new key was not revoked: %1").arg(r.error().text()));
                return;
            }
            Q_EMIT keyChanged(r.value());
            forgetProgress();
            QWizard::reject();
        });
    }
}

} // namespace keyward

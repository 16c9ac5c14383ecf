// SPDX-License-Identifier: GPL-3.0-or-later
#include "RotationWizard.h"

#include "RotationPages.h"

#include <QMessageBox>
#include <QPushButton>

namespace keyward {

RotationWizard::RotationWizard(const ApiKey &oldKey, KeysService *service, const QList<PermissionResource> &catalog,
                               ClipboardGuard *clipboard, QWidget *parent)
    : QWizard(parent), m_service(service), m_catalog(catalog), m_clipboard(clipboard)
{
    setObjectName(QStringLiteral("rotationWizard"));
    setWindowTitle(tr("Rotate “%1”").arg(oldKey.note));
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setMinimumSize(640, 560);
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
                               : tr("Keep both if the new key is already deployed anywhere."));
    QPushButton *revoke = box.addButton(tr("&Revoke the new key"), QMessageBox::DestructiveRole);
    revoke->setObjectName(QStringLiteral("revokeNewKeyButton"));
    QPushButton *keep = box.addButton(tr("&Keep both keys"), QMessageBox::AcceptRole);
    keep->setObjectName(QStringLiteral("keepBothButton"));
    QPushButton *stay = box.addButton(tr("&Continue rotating"), QMessageBox::RejectRole);
    box.setDefaultButton(stay);
    box.exec();
    if (box.clickedButton() == keep) {
        QWizard::reject();
    } else if (box.clickedButton() == revoke) {
        setEnabled(false);
        m_service->revoke(m_result.newKey->id, this, [this](const Result<ApiKey> &r) {
            setEnabled(true);
            if (!r.ok()) {
                QMessageBox::warning(this, tr("Stop rotating"), tr("The new key was not revoked: %1").arg(r.error().text()));
                return;
            }
            Q_EMIT keyChanged(r.value());
            QWizard::reject();
        });
    }
}

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#include "CreateKeyDialog.h"

#include <QUuid>

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace keyward {

CreateKeyDialog::CreateKeyDialog(const QList<PermissionResource> &catalog, QWidget *parent)
    : QDialog(parent), m_form(new KeyForm(catalog, this))
{
    setObjectName(QStringLiteral("createKeyDialog"));
    setWindowTitle(tr("New secret key"));
    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grows with the summary, never clips it
    layout->addWidget(m_form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("createKeyError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_submit = m_buttons->addButton(tr("&Create key"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("createKeyButton"));
    m_submit->setDefault(true);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateKeyDialog::submit);
    connect(m_form, &KeyForm::changed, this, &CreateKeyDialog::updateState);
    updateState();
}

void CreateKeyDialog::setEditing(const ApiKey &key)
{
    setObjectName(QStringLiteral("editKeyDialog"));
    setWindowTitle(tr("Edit “%1”").arg(key.note));
    m_submit->setObjectName(QStringLiteral("saveKeyButton"));
    m_form->setEditing(key);
    updateState();
}

void CreateKeyDialog::submit()
{
    if (m_busy || !m_form->problem().isEmpty())
        return;
    if (m_form->isEditing())
        Q_EMIT saveRequested(m_form->changes());
    else
        Q_EMIT createRequested(requestedDraft());
}

KeyDraft CreateKeyDialog::requestedDraft()
{
    // Create pressed again after a failure, with nothing changed, asks for the same key: the same
    // body (the expiry is not recomputed from "in 30 days") and the same Idempotency-Key, so a key
    // the server made while its answer was lost is not made a second time.
    KeyDraft draft = m_form->draft();
    const QString choice = m_form->expiryChoice();
    if (m_lastDraft && m_lastDraft->note == draft.note && m_lastDraft->permissions == draft.permissions
        && m_lastExpiryChoice == choice)
        return *m_lastDraft;
    draft.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    m_lastDraft = draft;
    m_lastExpiryChoice = choice;
    return draft;
}

void CreateKeyDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void CreateKeyDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void CreateKeyDialog::updateState()
{
    const QString problem = m_form->problem();
    m_submit->setEnabled(!m_busy && problem.isEmpty());
    m_submit->setToolTip(problem);
    if (m_form->isEditing())
        m_submit->setText(m_busy ? tr("Saving…") : tr("&Save changes"));
    else
        m_submit->setText(m_busy ? tr("Creating…") : tr("&Create key"));
}

} // namespace keyward

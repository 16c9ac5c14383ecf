// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretRevealDialog.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace keyward {

SecretRevealDialog::SecretRevealDialog(const ApiKey &key, SecretBuffer secret, ClipboardGuard *clipboard,
                                       QWidget *parent)
    : QDialog(parent), m_panel(new SecretRevealPanel(key, std::move(secret), clipboard, this))
{
    setObjectName(QStringLiteral("secretRevealDialog"));
    setWindowTitle(tr("Your new secret key"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_panel);
    auto *buttons = new QDialogButtonBox(this);
    m_done = buttons->addButton(tr("&Done"), QDialogButtonBox::AcceptRole);
    m_done->setObjectName(QStringLiteral("revealDoneButton"));
    m_done->setEnabled(false);
    // Enter from the check box closes once it is ticked (Copy is the default only while focused).
    m_done->setDefault(true);
    m_done->setToolTip(tr("Confirm first that the key is stored: it cannot be shown again."));
    layout->addWidget(buttons);
    connect(m_panel, &SecretRevealPanel::storedChanged, m_done, &QPushButton::setEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
}

SecretRevealDialog::~SecretRevealDialog()
{
    m_panel->wipe();
}

void SecretRevealDialog::done(int result)
{
    // Escape or the window's close button must not lose a secret nobody stored.
    if (!m_panel->isStored())
        return;
    m_panel->wipe();
    QDialog::done(result);
}

} // namespace keyward

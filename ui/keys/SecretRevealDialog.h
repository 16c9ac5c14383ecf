// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SecretRevealPanel.h"

#include <QDialog>

class QPushButton;

namespace keyward {

// The one-time reveal after a create: a SecretRevealPanel and Done, which stays disabled, and
// Escape or the close button do nothing, until the user confirms the key is stored. The secret is
// wiped when the dialog closes.
class SecretRevealDialog : public QDialog
{
    Q_OBJECT

public:
    SecretRevealDialog(const ApiKey &key, SecretBuffer secret, ClipboardGuard *clipboard, QWidget *parent = nullptr);
    ~SecretRevealDialog() override;

    static constexpr int ClipboardSeconds = SecretRevealPanel::ClipboardSeconds;
    void setNotice(const QString &text) { m_panel->setNotice(text); }

public Q_SLOTS:
    void done(int result) override;

private:
    SecretRevealPanel *m_panel;
    QPushButton *m_done;
};

} // namespace keyward

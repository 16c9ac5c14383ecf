// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"
#include "SecretBuffer.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace keyward {

class ClipboardGuard;

// The one time a secret key is shown: the value in a read-only field, Copy (to a clipboard entry
// marked secret and cleared after a countdown), and a confirmation that it is stored before the
// dialog may close. The secret lives in a buffer wiped when the dialog closes; nothing else keeps
// it.
class SecretRevealDialog : public QDialog
{
    Q_OBJECT

public:
    SecretRevealDialog(const ApiKey &key, SecretBuffer secret, ClipboardGuard *clipboard, QWidget *parent = nullptr);
    ~SecretRevealDialog() override;

    static constexpr int ClipboardSeconds = 30;
    // Something the user must know about how the key came to be (shown above the secret).
    void setNotice(const QString &text);

public Q_SLOTS:
    void done(int result) override;

private:
    void copy();
    void wipe();

    SecretBuffer m_secret;
    ClipboardGuard *m_clipboard;
    QLineEdit *m_field;
    QPushButton *m_copy;
    QLabel *m_countdown;
    QLabel *m_notice;
    QCheckBox *m_stored;
    QPushButton *m_done;
};

} // namespace keyward

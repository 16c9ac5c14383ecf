// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"
#include "SecretBuffer.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace keyward {

class ClipboardGuard;

// The one time a secret key is shown: the value in a read-only field, Copy (to a clipboard entry
// marked secret and cleared after a countdown), and a confirmation that it is stored. The secret
// lives in a buffer wiped by wipe() or when the panel goes; nothing else keeps it. Shown by
// SecretRevealDialog after a create and by the rotation wizard.
class SecretRevealPanel : public QWidget
{
    Q_OBJECT

public:
    SecretRevealPanel(const ApiKey &key, SecretBuffer secret, ClipboardGuard *clipboard, QWidget *parent = nullptr);
    ~SecretRevealPanel() override;

    static constexpr int ClipboardSeconds = 30;
    // Something the user must know about how the key came to be (shown above the secret).
    void setNotice(const QString &text);
    bool isStored() const;
    // Overwrites and forgets the secret; the panel shows nothing of it afterwards.
    void wipe();

Q_SIGNALS:
    void storedChanged(bool stored);

private:
    void copy();

    SecretBuffer m_secret;
    ClipboardGuard *m_clipboard;
    QLineEdit *m_field;
    QPushButton *m_copy;
    QLabel *m_countdown;
    QLabel *m_notice;
    QCheckBox *m_stored;
};

} // namespace keyward

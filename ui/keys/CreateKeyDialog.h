// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "KeyForm.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace keyward {

// A new secret key, or changes to one, in a KeyForm; the dialog only gathers the draft. The keys
// page sends it and shows the server's errors here, keeping everything the user entered.
class CreateKeyDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int MaxNoteLength = KeyForm::MaxNoteLength;

    CreateKeyDialog(const QList<PermissionResource> &catalog, QWidget *parent = nullptr);

    KeyForm *form() const { return m_form; }
    void setGrantable(const QStringList &permissions, const QString &who) { m_form->setGrantable(permissions, who); }
    // Turns the dialog into "edit this key": fields start from it, Save sends only what changed.
    void setEditing(const ApiKey &key);
    bool isEditing() const { return m_form->isEditing(); }
    KeyDraft draft() const { return m_form->draft(); }
    KeyUpdate changes() const { return m_form->changes(); }
    void applyPreset(int level) { m_form->applyPreset(level); }
    void setBusy(bool busy);
    void showError(const QString &message);

Q_SIGNALS:
    void createRequested(const keyward::KeyDraft &draft);
    void saveRequested(const keyward::KeyUpdate &changes);

private:
    KeyDraft requestedDraft();
    std::optional<KeyDraft> m_lastDraft; // what the last Create asked for
    QString m_lastExpiryChoice;
    void updateState();
    void submit();

    KeyForm *m_form;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_submit;
    bool m_busy = false;
};

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "KeysService.h"
#include "Permission.h"

#include <QDialog>
#include <QHash>

class QButtonGroup;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace keyward {

// A new secret key: a note (required, as the server validates it), the least permissions it
// needs (None / Read / Write per resource, like restricted keys), presets, a plain-language
// summary of what the key will be able to do, and an expiry. The dialog only gathers the draft;
// the keys page sends it and shows server errors here.
class CreateKeyDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int MaxNoteLength = 200;

    CreateKeyDialog(const QList<PermissionResource> &catalog, QWidget *parent = nullptr);

    KeyDraft draft() const;
    void setBusy(bool busy);
    void showError(const QString &message);
    // Presets: every resource at this access (Read: read only; Write: full access), or none.
    void applyPreset(int level);

Q_SIGNALS:
    void createRequested(const keyward::KeyDraft &draft);

private:
    void updateState();
    QString noteProblem() const;

    QList<PermissionResource> m_catalog;
    QLineEdit *m_note;
    QLabel *m_noteCount;
    QHash<QString, QButtonGroup *> m_levels; // resource → 0 none, 1 read, 2 write
    QLabel *m_summary;
    QComboBox *m_expiry;
    QDateEdit *m_customDate;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace keyward

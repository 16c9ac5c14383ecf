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
class QPushButton;

namespace keyward {

// A new secret key, or changes to one: a note (required, as the server validates it), the least
// permissions it needs (None / Read / Write per resource, like restricted keys), presets, a
// plain-language summary of what the key will be able to do, and an expiry. Permissions the
// signed-in user may not grant are disabled with the reason. The dialog only gathers the draft;
// the keys page sends it and shows server errors here.
class CreateKeyDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int MaxNoteLength = 200;
    // Expiry choices that are not a number of days.
    static constexpr int CustomDate = -1;
    static constexpr int KeepExpiry = -2;

    CreateKeyDialog(const QList<PermissionResource> &catalog, QWidget *parent = nullptr);

    // What the signed-in user holds ("payments:write", …): a key cannot get more. Without a call,
    // everything in the catalog may be granted.
    void setGrantable(const QStringList &permissions, const QString &who);
    // Turns the dialog into "edit this key": fields start from it, Save sends only what changed.
    void setEditing(const ApiKey &key);
    bool isEditing() const { return m_editing.has_value(); }

    KeyDraft draft() const;
    // For editing: the fields that differ from the key being edited.
    KeyUpdate changes() const;
    void setBusy(bool busy);
    void showError(const QString &message);
    // Presets: every resource at this access (Read: read only; Write: full access), or none.
    void applyPreset(int level);

Q_SIGNALS:
    void createRequested(const keyward::KeyDraft &draft);
    void saveRequested(const keyward::KeyUpdate &changes);

private:
    void updateState();
    void submit();
    QString noteProblem() const;
    // The highest level (0 none, 1 read, 2 write) the user may grant on a resource.
    int maxLevel(const QString &resource) const;
    int levelOf(const QString &resource) const;

    QList<PermissionResource> m_catalog;
    QLineEdit *m_note;
    QLabel *m_noteCount;
    QHash<QString, QButtonGroup *> m_levels; // resource → 0 none, 1 read, 2 write
    QLabel *m_summary;
    QComboBox *m_expiry;
    QDateEdit *m_customDate;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_submit;
    std::optional<ApiKey> m_editing;
    std::optional<PermissionSet> m_grantable;
    QString m_grantor;
    bool m_busy = false;
};

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "KeysService.h"
#include "Permission.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QButtonGroup;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace keyward {

// What a secret key is for and may do: a note (required, as the server validates it), the least
// permissions it needs (None / Read / Write per resource, like restricted keys), presets, a
// plain-language summary of what the key will be able to do, and an expiry. Permissions the
// signed-in user may not grant are disabled with the reason. Used by the create and edit dialog
// and by the rotation wizard's replacement page; it only gathers, others send.
class KeyForm : public QWidget
{
    Q_OBJECT

public:
    static constexpr int MaxNoteLength = 200;
    // Expiry choices that are not a number of days.
    static constexpr int CustomDate = -1;
    static constexpr int KeepExpiry = -2;

    explicit KeyForm(const QList<PermissionResource> &catalog, QWidget *parent = nullptr);

    // What the signed-in user holds ("payments:write", …): a key cannot get more. Without a call,
    // everything in the catalog may be granted.
    void setGrantable(const QStringList &permissions, const QString &who);
    // Starts from this key and reports changes against it (editing).
    void setEditing(const ApiKey &key);
    bool isEditing() const { return m_editing.has_value(); }
    // Starts from this key's note and permissions, as a new key (rotation's replacement).
    void setTemplate(const QString &note, const QStringList &permissions);

    KeyDraft draft() const;
    // The expiry as chosen ("in 30 days", a date), not as computed: equal choices, equal keys.
    QString expiryChoice() const;
    // For editing: the fields that differ from the key being edited.
    KeyUpdate changes() const;
    // Why the form cannot be sent as it is; empty when it can.
    QString problem() const;
    // Presets: every resource at this access (Read: read only; Write: full access), or none.
    void applyPreset(int level);
    QLineEdit *noteField() const { return m_note; }

Q_SIGNALS:
    void changed();

private:
    void updateState();
    QString noteProblem() const;
    // The highest level (0 none, 1 read, 2 write) the user may grant on a resource.
    int maxLevel(const QString &resource) const;
    int levelOf(const QString &resource) const;
    void setLevels(const QStringList &permissions);

    QList<PermissionResource> m_catalog;
    QLineEdit *m_note;
    QLabel *m_noteCount;
    QHash<QString, QButtonGroup *> m_levels; // resource → 0 none, 1 read, 2 write
    QLabel *m_summary;
    QComboBox *m_expiry;
    QDateEdit *m_customDate;
    std::optional<ApiKey> m_editing;
    std::optional<PermissionSet> m_grantable;
    QString m_grantor;
};

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"
#include "Permission.h"

#include <QWidget>

#include <functional>
#include <optional>

class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QToolButton;

namespace keyward {

class UsageSparkline;

// Everything about the selected key: its note (edited in place by those who may), id and masked
// value (copyable), status, creator, expiry, last use with address and client, a 30-day usage
// sparkline and the full permission list in plain language. It shows what the list knows at
// once and fills in usage when the page has fetched the key itself.
class KeyDetailsPanel : public QWidget
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    explicit KeyDetailsPanel(QWidget *parent = nullptr);
    QSize minimumSizeHint() const override;

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setCatalog(const QList<PermissionResource> &catalog);
    // Whether the note may be edited here; `why` is the tooltip when not.
    void setCanEdit(bool canEdit, const QString &why);
    // Buttons for the page's actions on the key (edit, revoke, delete), in this order.
    void setActions(const QList<QAction *> &actions);

    // Nothing selected, several selected, or one key (as the list has it: no usage yet).
    void showNothing(int selectedCount);
    void showKey(const ApiKey &key);
    // The key as GET /secret-keys/{id} answered, with usage; ignored if another key is shown now.
    void showDetails(const ApiKey &key);
    void showDetailsError(const QString &id, const QString &message);
    // The outcome of a note edit this panel asked for.
    void noteSaved(const ApiKey &key);
    void noteSaveFailed(const QString &id, const QString &message);

    QString keyId() const { return m_key ? m_key->id : QString(); }
    // Puts the caret in the note field (F2).
    void editNote();

Q_SIGNALS:
    void noteEdited(const QString &id, const QString &note);

private:
    void fill(const ApiKey &key);
    void commitNote();
    void revertNote();
    void copy(const QString &text, QLabel *feedback);
    QString describePermission(const QString &permission) const;
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }

    Clock m_clock;
    std::optional<ApiKey> m_key;
    QList<PermissionResource> m_catalog;
    bool m_canEdit = false;
    QString m_whyNot;
    bool m_saving = false;

    QStackedWidget *m_stack;
    QWidget *m_content; // inside the scroll area
    QLabel *m_nothing;
    QLineEdit *m_note;
    QLabel *m_noteStatus;
    QLabel *m_status;
    QLabel *m_masked;
    QLabel *m_id;
    QLabel *m_copied;
    QLabel *m_created;
    QLabel *m_expires;
    QLabel *m_lastUsed;
    UsageSparkline *m_sparkline;
    QLabel *m_usageText;
    QLabel *m_permissions;
    QHBoxLayout *m_actions;
};

} // namespace keyward

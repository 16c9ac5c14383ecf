// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyDetailsPanel.h"

#include <algorithm>

#include "CreateKeyDialog.h"
#include "KeyListModel.h"
#include "PageLayout.h"
#include "UsageSparkline.h"

#include <QAction>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollArea>
#include <QStyle>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace keyward {

namespace {
QLabel *valueLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setFocusPolicy(Qt::NoFocus);
    return label;
}

// Esc in the note field puts the saved note back.
class NoteEdit : public QLineEdit
{
public:
    NoteEdit(QWidget *parent, std::function<void()> onEscape) : QLineEdit(parent), m_onEscape(std::move(onEscape)) { }

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Escape && isModified()) {
            m_onEscape();
            event->accept();
            return;
        }
        QLineEdit::keyPressEvent(event);
    }

private:
    std::function<void()> m_onEscape;
};
} // namespace

QSize KeyDetailsPanel::minimumSizeHint() const
{
    // The details scroll downwards only: the widest row (the action buttons, a long word in the
    // user's language) sets how narrow the panel may get, and the splitter keeps to it.
    QSize size = QWidget::minimumSizeHint();
    const int content = m_content->minimumSizeHint().width() + style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    size.setWidth(std::max({size.width(), content, 300}));
    return size;
}

KeyDetailsPanel::KeyDetailsPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("keyDetails"));
    setAccessibleName(tr("Key details"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    m_nothing = new QLabel(m_stack);
    m_nothing->setObjectName(QStringLiteral("keyDetailsNothing"));
    m_nothing->setAlignment(Qt::AlignCenter);
    m_nothing->setWordWrap(true);
    m_nothing->setEnabled(false);
    m_stack->addWidget(m_nothing);

    auto *scroll = new QScrollArea(m_stack);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setAccessibleName(tr("Key details")); // a Tab stop: the arrow keys scroll a long list
    auto *content = new QWidget(scroll);
    m_content = content;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 4, 8, 8);

    m_note = new NoteEdit(content, [this] { revertNote(); });
    m_note->setObjectName(QStringLiteral("detailsNote"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setFrame(false);
    QFont noteFont = m_note->font();
    noteFont.setPointSizeF(noteFont.pointSizeF() * 1.25);
    noteFont.setWeight(QFont::DemiBold);
    m_note->setFont(noteFont);
    m_note->setMaxLength(CreateKeyDialog::MaxNoteLength + 20);
    connect(m_note, &QLineEdit::returnPressed, this, &KeyDetailsPanel::commitNote);
    connect(m_note, &QLineEdit::textEdited, this, [this] {
        m_noteStatus->setText(tr("Enter saves the note, Esc puts it back."));
        m_noteStatus->show();
    });
    layout->addWidget(m_note);
    m_noteStatus = valueLabel(content, QStringLiteral("detailsNoteStatus"));
    m_noteStatus->hide();
    layout->addWidget(m_noteStatus);
    m_status = valueLabel(content, QStringLiteral("detailsStatus"));
    layout->addWidget(m_status);

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    m_copied = valueLabel(content, QStringLiteral("detailsCopied"));
    auto copyRow = [this, content](QLabel *value, const QString &buttonName, const QString &tip) {
        auto *row = new QHBoxLayout;
        row->addWidget(value, 1);
        auto *button = new QToolButton(content);
        button->setObjectName(buttonName);
        button->setText(tr("Copy"));
        button->setToolTip(tip);
        button->setAccessibleName(tip);
        row->addWidget(button);
        connect(button, &QToolButton::clicked, this, [this, value] { copy(value->text(), m_copied); });
        return row;
    };
    m_masked = valueLabel(content, QStringLiteral("detailsMasked"));
    m_masked->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    form->addRow(tr("Key:"), copyRow(m_masked, QStringLiteral("copyMaskedButton"), tr("Copy the masked key")));
    m_id = valueLabel(content, QStringLiteral("detailsId"));
    m_id->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    form->addRow(tr("ID:"), copyRow(m_id, QStringLiteral("copyIdButton"), tr("Copy the key's id")));
    form->addRow(QString(), m_copied);
    m_created = valueLabel(content, QStringLiteral("detailsCreated"));
    form->addRow(tr("Created:"), m_created);
    m_expires = valueLabel(content, QStringLiteral("detailsExpires"));
    form->addRow(tr("Expires:"), m_expires);
    m_lastUsed = valueLabel(content, QStringLiteral("detailsLastUsed"));
    form->addRow(tr("Last used:"), m_lastUsed);
    layout->addLayout(form);

    auto *usageTitle = new QLabel(tr("Requests, last 30 days"), content);
    makeHeading(usageTitle, 1.0);
    layout->addSpacing(6);
    layout->addWidget(usageTitle);
    m_sparkline = new UsageSparkline(content);
    layout->addWidget(m_sparkline);
    m_usageText = valueLabel(content, QStringLiteral("detailsUsage"));
    layout->addWidget(m_usageText);

    auto *permTitle = new QLabel(tr("Permissions"), content);
    makeHeading(permTitle, 1.0);
    layout->addSpacing(6);
    layout->addWidget(permTitle);
    m_permissions = valueLabel(content, QStringLiteral("detailsPermissions"));
    layout->addWidget(m_permissions);

    layout->addSpacing(8);
    m_actions = new QHBoxLayout;
    layout->addLayout(m_actions);
    layout->addStretch(1);
    scroll->setWidget(content);
    m_stack->addWidget(scroll);
    showNothing(0);
}

void KeyDetailsPanel::setCatalog(const QList<PermissionResource> &catalog)
{
    m_catalog = catalog;
    if (m_key)
        fill(*m_key);
}

void KeyDetailsPanel::setCanEdit(bool canEdit, const QString &why)
{
    m_canEdit = canEdit;
    m_whyNot = why;
    const bool editable = canEdit && m_key && m_key->status != ApiKey::Status::Revoked;
    m_note->setReadOnly(!editable || m_saving);
    m_note->setFrame(editable);
    m_note->setToolTip(editable ? tr("Edit the note in place (F2); Enter saves")
                       : !canEdit ? why
                                  : tr("A revoked key cannot be changed."));
}

void KeyDetailsPanel::setActions(const QList<QAction *> &actions)
{
    for (QAction *action : actions) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon); // the actions have icons; keep their names
        m_actions->addWidget(button);
    }
    m_actions->addStretch(1);
}

void KeyDetailsPanel::showNothing(int selectedCount)
{
    m_key.reset();
    m_saving = false;
    m_nothing->setText(selectedCount > 1 ? tr("%n key(s) selected.", nullptr, selectedCount)
                                         : tr("Select a key to see its details."));
    m_stack->setCurrentWidget(m_nothing);
}

void KeyDetailsPanel::showKey(const ApiKey &key)
{
    const bool sameKey = m_key && m_key->id == key.id;
    QList<DailyUsage> usage = sameKey ? m_key->usage : QList<DailyUsage>();
    if (!sameKey)
        m_saving = false;
    m_key = key;
    if (key.usage.isEmpty())
        m_key->usage = usage; // the list has no usage: keep what was fetched for this key
    fill(*m_key);
    if (!sameKey) {
        m_noteStatus->hide();
        m_usageText->setText(tr("Loading usage…"));
    }
    m_stack->setCurrentIndex(1);
}

void KeyDetailsPanel::showDetails(const ApiKey &key)
{
    if (!m_key || m_key->id != key.id)
        return;
    m_key = key;
    fill(key);
}

void KeyDetailsPanel::showDetailsError(const QString &id, const QString &message)
{
    if (m_key && m_key->id == id)
        m_usageText->setText(tr("Could not load the usage: %1").arg(message));
}

void KeyDetailsPanel::fill(const ApiKey &key)
{
    const QDateTime current = now();
    const QLocale locale;
    if (!m_note->isModified() || m_note->text().isEmpty())
        m_note->setText(key.note);
    m_note->setCursorPosition(0);
    setCanEdit(m_canEdit, m_whyNot);

    QString status;
    switch (key.status) {
    case ApiKey::Status::Revoked:
        status = key.revokedAt.isValid() ? tr("Revoked %1; it answers 401.").arg(KeyListModel::relativeTime(key.revokedAt, current))
                                         : tr("Revoked; it answers 401.");
        break;
    case ApiKey::Status::Expired:
        status = tr("Expired; it answers 401.");
        break;
    case ApiKey::Status::Active:
        status = tr("Active");
        break;
    }
    m_status->setText(status);
    m_masked->setText(key.masked());
    m_id->setText(key.id);
    const QString created = locale.toString(key.createdAt.toLocalTime(), QLocale::ShortFormat);
    m_created->setText(key.createdBy.display.isEmpty() ? created : tr("%1 by %2").arg(created, key.createdBy.display));
    if (!key.expiresAt.isValid())
        m_expires->setText(tr("Never. Keys that never expire stay dangerous when they leak."));
    else
        m_expires->setText(tr("%1 (%2)").arg(locale.toString(key.expiresAt.toLocalTime(), QLocale::ShortFormat),
                                             KeyListModel::relativeTime(key.expiresAt, current)));
    if (!key.lastUsedAt.isValid()) {
        m_lastUsed->setText(tr("Never"));
    } else {
        QStringList parts {KeyListModel::relativeTime(key.lastUsedAt, current)};
        if (!key.lastUsedIp.isEmpty())
            parts.append(tr("from %1").arg(key.lastUsedIp));
        QString text = parts.join(QLatin1Char(' '));
        if (!key.lastUsedUserAgent.isEmpty())
            text += QLatin1Char('\n') + key.lastUsedUserAgent;
        m_lastUsed->setText(text);
        m_lastUsed->setToolTip(locale.toString(key.lastUsedAt.toLocalTime(), QLocale::LongFormat));
    }
    m_sparkline->setUsage(key.usage);
    if (!key.usage.isEmpty())
        m_usageText->setText(m_sparkline->summary());

    QStringList lines;
    for (const QString &p : key.permissions)
        lines.append(QStringLiteral("• ") + describePermission(p));
    m_permissions->setText(lines.isEmpty() ? tr("None") : lines.join(QLatin1Char('\n')));
}

QString KeyDetailsPanel::describePermission(const QString &permission) const
{
    const auto parsed = Permission::parse(permission);
    if (!parsed)
        return permission;
    const bool write = parsed->access == Permission::Access::Write;
    for (const PermissionResource &r : m_catalog) {
        if (r.resource != parsed->resource)
            continue;
        const QString label = r.label.isEmpty() ? r.resource : r.label;
        const QString what = write ? r.writeDescription : r.readDescription;
        const QString level = write ? tr("read and write") : tr("read");
        return what.isEmpty() ? tr("%1 (%2)").arg(label, level) : tr("%1 (%2): %3").arg(label, level, what);
    }
    return permission;
}

void KeyDetailsPanel::editNote()
{
    if (!m_key)
        return;
    m_note->setFocus(Qt::ShortcutFocusReason);
    m_note->selectAll();
}

void KeyDetailsPanel::commitNote()
{
    if (!m_key || m_note->isReadOnly() || m_saving)
        return;
    const QString note = m_note->text().trimmed();
    if (note == m_key->note) {
        m_note->setModified(false);
        m_noteStatus->hide();
        return;
    }
    if (note.isEmpty() || note.size() > CreateKeyDialog::MaxNoteLength) {
        m_noteStatus->setText(note.isEmpty() ? tr("Write a note that says what the key is for.")
                                             : tr("The note is %1 characters long; at most %2 fit.")
                                                   .arg(note.size()).arg(CreateKeyDialog::MaxNoteLength));
        m_noteStatus->show();
        return;
    }
    m_saving = true;
    m_note->setReadOnly(true);
    m_noteStatus->setText(tr("Saving…"));
    m_noteStatus->show();
    Q_EMIT noteEdited(m_key->id, note);
}

void KeyDetailsPanel::revertNote()
{
    if (!m_key || m_saving)
        return;
    m_note->setText(m_key->note);
    m_note->setModified(false);
    m_noteStatus->hide();
}

void KeyDetailsPanel::noteSaved(const ApiKey &key)
{
    if (!m_key || m_key->id != key.id)
        return;
    m_saving = false;
    const QList<DailyUsage> usage = m_key->usage;
    m_key = key;
    if (m_key->usage.isEmpty())
        m_key->usage = usage;
    m_note->setModified(false);
    fill(*m_key);
    m_noteStatus->setText(tr("Note saved."));
    m_noteStatus->show();
}

void KeyDetailsPanel::noteSaveFailed(const QString &id, const QString &message)
{
    if (!m_key || m_key->id != id)
        return;
    m_saving = false;
    setCanEdit(m_canEdit, m_whyNot); // the edited text stays, to try again
    m_noteStatus->setText(tr("The note was not saved: %1").arg(message));
    m_noteStatus->show();
}

void KeyDetailsPanel::copy(const QString &text, QLabel *feedback)
{
    QGuiApplication::clipboard()->setText(text);
    feedback->setText(tr("Copied to the clipboard."));
    feedback->setToolTip(text);
    QTimer::singleShot(4000, feedback, [feedback, text] {
        if (feedback->toolTip() == text) {
            feedback->clear();
            feedback->setToolTip(QString());
        }
    });
}

} // namespace keyward

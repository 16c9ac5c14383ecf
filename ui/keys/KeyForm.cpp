// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyForm.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace keyward {

KeyForm::KeyForm(const QList<PermissionResource> &catalog, QWidget *parent) : QWidget(parent), m_catalog(catalog)
{
    setObjectName(QStringLiteral("keyForm"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    auto *noteRow = new QHBoxLayout;
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("keyNote"));
    m_note->setPlaceholderText(tr("What is this key for, and where is it deployed?"));
    m_note->setMaxLength(MaxNoteLength + 20); // the count says when it is too long
    m_note->setMinimumWidth(380); // the layout sets the dialog's minimum size from its contents
    m_noteCount = new QLabel(this);
    m_noteCount->setObjectName(QStringLiteral("keyNoteCount"));
    m_noteCount->setMinimumWidth(m_noteCount->fontMetrics().horizontalAdvance(QStringLiteral("0000 / 0000")));
    m_noteCount->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    noteRow->addWidget(m_note, 1);
    noteRow->addWidget(m_noteCount);
    form->addRow(tr("&Note:"), noteRow);
    qobject_cast<QLabel *>(form->labelForField(noteRow))->setBuddy(m_note);
    layout->addLayout(form);

    auto *permissions = new QGroupBox(tr("Permissions"), this);
    auto *permissionsLayout = new QVBoxLayout(permissions);
    auto *presets = new QHBoxLayout;
    presets->addWidget(new QLabel(tr("Presets:"), permissions));
    struct Text
    {
        const char *source;
        const char *comment;
    };
    struct Preset
    {
        Text text;
        int level;
    };
    const Preset presetButtons[] = {
        {QT_TRANSLATE_NOOP3("keyward::KeyForm", "None", "permission preset: grant nothing"), 0},
        {QT_TRANSLATE_NOOP3("keyward::KeyForm", "Read &only", "permission preset"), 1},
        {QT_TRANSLATE_NOOP3("keyward::KeyForm", "F&ull access", "permission preset"), 2}};
    for (const auto &[text, level] : presetButtons) {
        auto *b = new QPushButton(tr(text.source, text.comment), permissions);
        b->setObjectName(QStringLiteral("preset%1").arg(level));
        b->setAutoDefault(false);
        connect(b, &QPushButton::clicked, this, [this, level = level] { applyPreset(level); });
        presets->addWidget(b);
    }
    presets->addStretch(1);
    permissionsLayout->addLayout(presets);
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Resource"), permissions), 0, 0);
    const Text levelNames[] = {QT_TRANSLATE_NOOP3("keyward::KeyForm", "None", "access level column"),
                               QT_TRANSLATE_NOOP3("keyward::KeyForm", "Read", "access level column"),
                               QT_TRANSLATE_NOOP3("keyward::KeyForm", "Write", "access level column")};
    for (int l = 0; l < 3; ++l)
        grid->addWidget(new QLabel(tr(levelNames[l].source, levelNames[l].comment), permissions), 0, l + 1, Qt::AlignCenter);
    int row = 1;
    for (const PermissionResource &r : m_catalog) {
        auto *label = new QLabel(r.label.isEmpty() ? r.resource : r.label, permissions);
        label->setToolTip(r.description);
        grid->addWidget(label, row, 0);
        auto *group = new QButtonGroup(this);
        for (int l = 0; l < 3; ++l) {
            auto *radio = new QRadioButton(permissions);
            radio->setObjectName(QStringLiteral("perm_%1_%2").arg(r.resource).arg(l));
            radio->setAccessibleName(tr("%1: %2").arg(label->text(), tr(levelNames[l].source, levelNames[l].comment)));
            radio->setToolTip(l == 1 ? r.readDescription : l == 2 ? r.writeDescription : tr("No access"));
            group->addButton(radio, l);
            grid->addWidget(radio, row, l + 1, Qt::AlignCenter);
        }
        group->button(0)->setChecked(true);
        connect(group, &QButtonGroup::idClicked, this, &KeyForm::updateState);
        m_levels.insert(r.resource, group);
        ++row;
    }
    grid->setColumnStretch(0, 1);
    permissionsLayout->addLayout(grid);
    m_summary = new QLabel(permissions);
    m_summary->setObjectName(QStringLiteral("permissionSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    permissionsLayout->addWidget(m_summary);
    layout->addWidget(permissions);

    auto *expiryRow = new QHBoxLayout;
    m_expiry = new QComboBox(this);
    m_expiry->setObjectName(QStringLiteral("keyExpiry"));
    m_expiry->addItem(tr("Never"), 0);
    m_expiry->addItem(tr("In 30 days"), 30);
    m_expiry->addItem(tr("In 90 days"), 90);
    m_expiry->addItem(tr("In 365 days"), 365);
    m_expiry->addItem(tr("On a date…"), CustomDate);
    m_customDate = new QDateEdit(QDate::currentDate().addDays(60), this);
    m_customDate->setObjectName(QStringLiteral("keyExpiryDate"));
    m_customDate->setCalendarPopup(true);
    m_customDate->setMinimumDate(QDate::currentDate().addDays(1));
    m_customDate->setEnabled(false);
    m_customDate->setAccessibleName(tr("Expiry date"));
    auto *expiryLabel = new QLabel(tr("&Expires:"), this);
    expiryLabel->setBuddy(m_expiry);
    expiryRow->addWidget(expiryLabel);
    expiryRow->addWidget(m_expiry);
    expiryRow->addWidget(m_customDate);
    expiryRow->addStretch(1);
    layout->addLayout(expiryRow);
    connect(m_expiry, &QComboBox::currentIndexChanged, this, [this] {
        m_customDate->setEnabled(m_expiry->currentData().toInt() == CustomDate);
        updateState();
    });
    connect(m_customDate, &QDateEdit::dateChanged, this, &KeyForm::updateState);

    connect(m_note, &QLineEdit::textChanged, this, &KeyForm::updateState);
    updateState();
}

namespace {
int levelIn(const QStringList &permissions, const QString &resource)
{
    int level = 0;
    for (const QString &p : permissions) {
        const auto parsed = Permission::parse(p);
        if (parsed && parsed->resource == resource)
            level = std::max(level, parsed->access == Permission::Access::Write ? 2 : 1);
    }
    return level;
}
} // namespace

int KeyForm::maxLevel(const QString &resource) const
{
    if (!m_grantable)
        return 2;
    if (m_grantable->allows(resource, Permission::Access::Write))
        return 2;
    return m_grantable->allows(resource, Permission::Access::Read) ? 1 : 0;
}

int KeyForm::levelOf(const QString &resource) const
{
    const QButtonGroup *group = m_levels.value(resource);
    return group ? std::max(0, group->checkedId()) : 0;
}

void KeyForm::setGrantable(const QStringList &permissions, const QString &who)
{
    m_grantable = PermissionSet::parse(permissions).value_or(PermissionSet());
    m_grantor = who;
    const char *levelNames[] = {QT_TR_NOOP("No access"), QT_TR_NOOP("Read"), QT_TR_NOOP("Write")};
    for (const PermissionResource &r : std::as_const(m_catalog)) {
        QButtonGroup *group = m_levels.value(r.resource);
        const int max = maxLevel(r.resource);
        for (int l = 1; l < 3; ++l) {
            QAbstractButton *button = group->button(l);
            const bool allowed = l <= max;
            button->setEnabled(allowed);
            if (!allowed)
                button->setToolTip(tr("%1 cannot grant “%2” on %3: a key never gets more than its creator holds.")
                                       .arg(who, tr(levelNames[l]), r.label.isEmpty() ? r.resource : r.label));
        }
        if (!m_editing && group->checkedId() > max)
            group->button(max)->setChecked(true);
    }
    updateState();
}

void KeyForm::setEditing(const ApiKey &key)
{
    m_editing = key;
    m_note->setText(key.note);
    auto *which = new QLabel(tr("Editing %1, created %2").arg(key.masked(), QLocale().toString(key.createdAt.toLocalTime().date(), QLocale::ShortFormat)), this);
    which->setObjectName(QStringLiteral("editingWhich"));
    which->setWordWrap(true);
    which->setEnabled(false);
    static_cast<QVBoxLayout *>(layout())->insertWidget(0, which);
    setLevels(key.permissions);
    const QString current = key.expiresAt.isValid()
        ? tr("Unchanged (%1)").arg(QLocale().toString(key.expiresAt.toLocalTime().date(), QLocale::ShortFormat))
        : tr("Unchanged (never)");
    m_expiry->insertItem(0, current, KeepExpiry);
    m_expiry->setItemText(1, tr("Never expires"));
    m_expiry->setCurrentIndex(0);
    updateState();
}

void KeyForm::setLevels(const QStringList &permissions)
{
    for (const PermissionResource &r : std::as_const(m_catalog))
        m_levels.value(r.resource)->button(std::min(levelIn(permissions, r.resource), maxLevel(r.resource)))->setChecked(true);
}

void KeyForm::setTemplate(const QString &note, const QStringList &permissions)
{
    m_note->setText(note);
    setLevels(permissions);
    updateState();
}

KeyUpdate KeyForm::changes() const
{
    KeyUpdate update;
    if (!m_editing)
        return update;
    const KeyDraft d = draft();
    if (d.note != m_editing->note)
        update.note = d.note;
    QStringList before = PermissionSet::parse(m_editing->permissions).value_or(PermissionSet()).toStringList();
    QStringList after = PermissionSet::parse(d.permissions).value_or(PermissionSet()).toStringList();
    if (before != after)
        update.permissions = d.permissions;
    if (m_expiry->currentData().toInt() != KeepExpiry) {
        update.changeExpiry = true;
        update.expiresAt = d.expiresAt;
    }
    return update;
}

QString KeyForm::noteProblem() const
{
    const QString note = m_note->text().trimmed();
    if (note.isEmpty())
        return tr("Write a note that says what the key is for.");
    if (note.size() > MaxNoteLength)
        return tr("The note is %1 characters long; at most %2 fit.").arg(note.size()).arg(MaxNoteLength);
    return {};
}

QString KeyForm::expiryChoice() const
{
    return QStringLiteral("%1|%2").arg(m_expiry->currentData().toInt()).arg(m_customDate->date().toString(Qt::ISODate));
}

KeyDraft KeyForm::draft() const
{
    KeyDraft d;
    d.note = m_note->text().trimmed();
    for (const PermissionResource &r : m_catalog) {
        const int level = levelOf(r.resource);
        if (level == 1)
            d.permissions.append(r.resource + QStringLiteral(":read"));
        else if (level == 2)
            d.permissions.append(r.resource + QStringLiteral(":write"));
    }
    const int days = m_expiry->currentData().toInt();
    if (days == KeepExpiry && m_editing)
        d.expiresAt = m_editing->expiresAt;
    else if (days > 0)
        d.expiresAt = QDateTime::currentDateTimeUtc().addDays(days);
    else if (days == CustomDate)
        d.expiresAt = QDateTime(m_customDate->date(), QTime(23, 59, 59)).toUTC();
    return d;
}

void KeyForm::applyPreset(int level)
{
    for (auto it = m_levels.cbegin(); it != m_levels.cend(); ++it)
        it.value()->button(std::min(level, maxLevel(it.key())))->setChecked(true);
    updateState();
}

void KeyForm::updateState()
{
    const int length = m_note->text().trimmed().size();
    m_noteCount->setText(tr("%1 / %2").arg(length).arg(MaxNoteLength));
    m_note->setAccessibleDescription(tr("%1 of at most %2 characters").arg(length).arg(MaxNoteLength));
    m_noteCount->setStyleSheet(length > MaxNoteLength ? QStringLiteral("color: #c0392b") : QString());
    QStringList can;
    auto sentence = [](QString s) {
        s = s.trimmed();
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
        return s;
    };
    for (const PermissionResource &r : m_catalog) {
        const int level = levelOf(r.resource);
        if (level == 1)
            can.append(r.readDescription.isEmpty() ? tr("Read %1").arg(r.resource) : sentence(r.readDescription));
        else if (level == 2)
            can.append(r.writeDescription.isEmpty() ? tr("Read and change %1").arg(r.resource)
                                                    : sentence(r.writeDescription));
    }
    // One line per grant: no wrapping to lay out, and easy to read down.
    const QString heading = m_editing ? tr("After saving, this key will be able to:") : tr("This key will be able to:");
    m_summary->setText(can.isEmpty() ? tr("Choose at least one permission. Grant only what the key's application needs.")
                                     : heading + QStringLiteral("\n• ") + can.join(QStringLiteral("\n• ")));
    Q_EMIT changed();

}

QString KeyForm::problem() const
{
    if (const QString note = noteProblem(); !note.isEmpty())
        return note;
    if (draft().permissions.isEmpty())
        return tr("Choose at least one permission.");
    if (m_editing && changes().isEmpty())
        return tr("Nothing has changed yet.");
    return {};
}

} // namespace keyward

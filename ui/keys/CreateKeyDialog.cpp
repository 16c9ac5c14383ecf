// SPDX-License-Identifier: GPL-3.0-or-later
#include "CreateKeyDialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace keyward {

CreateKeyDialog::CreateKeyDialog(const QList<PermissionResource> &catalog, QWidget *parent)
    : QDialog(parent), m_catalog(catalog)
{
    setObjectName(QStringLiteral("createKeyDialog"));
    setWindowTitle(tr("New secret key"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grows with the summary, never clips it

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    auto *noteRow = new QHBoxLayout;
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("keyNote"));
    m_note->setPlaceholderText(tr("What is this key for, and where is it deployed?"));
    m_note->setMaxLength(MaxNoteLength + 20); // the count says when it is too long
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
    const std::pair<const char *, int> presetButtons[] = {{QT_TR_NOOP("None"), 0}, {QT_TR_NOOP("Read &only"), 1},
                                                           {QT_TR_NOOP("F&ull access"), 2}};
    for (const auto &[text, level] : presetButtons) {
        auto *b = new QPushButton(tr(text), permissions);
        b->setObjectName(QStringLiteral("preset%1").arg(level));
        b->setAutoDefault(false);
        connect(b, &QPushButton::clicked, this, [this, level = level] { applyPreset(level); });
        presets->addWidget(b);
    }
    presets->addStretch(1);
    permissionsLayout->addLayout(presets);
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Resource"), permissions), 0, 0);
    const char *levelNames[] = {QT_TR_NOOP("None"), QT_TR_NOOP("Read"), QT_TR_NOOP("Write")};
    for (int l = 0; l < 3; ++l)
        grid->addWidget(new QLabel(tr(levelNames[l]), permissions), 0, l + 1, Qt::AlignCenter);
    int row = 1;
    for (const PermissionResource &r : m_catalog) {
        auto *label = new QLabel(r.label.isEmpty() ? r.resource : r.label, permissions);
        label->setToolTip(r.description);
        grid->addWidget(label, row, 0);
        auto *group = new QButtonGroup(this);
        for (int l = 0; l < 3; ++l) {
            auto *radio = new QRadioButton(permissions);
            radio->setObjectName(QStringLiteral("perm_%1_%2").arg(r.resource).arg(l));
            radio->setAccessibleName(tr("%1: %2").arg(label->text(), tr(levelNames[l])));
            radio->setToolTip(l == 1 ? r.readDescription : l == 2 ? r.writeDescription : tr("No access"));
            group->addButton(radio, l);
            grid->addWidget(radio, row, l + 1, Qt::AlignCenter);
        }
        group->button(0)->setChecked(true);
        connect(group, &QButtonGroup::idClicked, this, &CreateKeyDialog::updateState);
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
    m_expiry->addItem(tr("On a date…"), -1);
    m_customDate = new QDateEdit(QDate::currentDate().addDays(60), this);
    m_customDate->setObjectName(QStringLiteral("keyExpiryDate"));
    m_customDate->setCalendarPopup(true);
    m_customDate->setMinimumDate(QDate::currentDate().addDays(1));
    m_customDate->setEnabled(false);
    auto *expiryLabel = new QLabel(tr("&Expires:"), this);
    expiryLabel->setBuddy(m_expiry);
    expiryRow->addWidget(expiryLabel);
    expiryRow->addWidget(m_expiry);
    expiryRow->addWidget(m_customDate);
    expiryRow->addStretch(1);
    layout->addLayout(expiryRow);
    connect(m_expiry, &QComboBox::currentIndexChanged, this, [this] {
        m_customDate->setEnabled(m_expiry->currentData().toInt() < 0);
    });

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("createKeyError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *create = m_buttons->addButton(tr("&Create key"), QDialogButtonBox::AcceptRole);
    create->setObjectName(QStringLiteral("createKeyButton"));
    create->setDefault(true);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_busy && noteProblem().isEmpty() && !draft().permissions.isEmpty())
            Q_EMIT createRequested(draft());
    });
    connect(m_note, &QLineEdit::textChanged, this, &CreateKeyDialog::updateState);
    updateState();
}

QString CreateKeyDialog::noteProblem() const
{
    const QString note = m_note->text().trimmed();
    if (note.isEmpty())
        return tr("Write a note that says what the key is for.");
    if (note.size() > MaxNoteLength)
        return tr("The note is %1 characters long; at most %2 fit.").arg(note.size()).arg(MaxNoteLength);
    return {};
}

KeyDraft CreateKeyDialog::draft() const
{
    KeyDraft d;
    d.note = m_note->text().trimmed();
    for (const PermissionResource &r : m_catalog) {
        const int level = m_levels.value(r.resource)->checkedId();
        if (level == 1)
            d.permissions.append(r.resource + QStringLiteral(":read"));
        else if (level == 2)
            d.permissions.append(r.resource + QStringLiteral(":write"));
    }
    const int days = m_expiry->currentData().toInt();
    if (days > 0)
        d.expiresAt = QDateTime::currentDateTimeUtc().addDays(days);
    else if (days < 0)
        d.expiresAt = QDateTime(m_customDate->date(), QTime(23, 59, 59)).toUTC();
    return d;
}

void CreateKeyDialog::applyPreset(int level)
{
    for (QButtonGroup *group : std::as_const(m_levels))
        group->button(level)->setChecked(true);
    updateState();
}

void CreateKeyDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void CreateKeyDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void CreateKeyDialog::updateState()
{
    const int length = m_note->text().trimmed().size();
    m_noteCount->setText(tr("%1 / %2").arg(length).arg(MaxNoteLength));
    const QString problem = noteProblem();
    m_noteCount->setStyleSheet(length > MaxNoteLength ? QStringLiteral("color: #c0392b") : QString());
    QStringList can;
    auto sentence = [](QString s) {
        s = s.trimmed();
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
        return s;
    };
    for (const PermissionResource &r : m_catalog) {
        const int level = m_levels.value(r.resource)->checkedId();
        if (level == 1)
            can.append(r.readDescription.isEmpty() ? tr("Read %1").arg(r.resource) : sentence(r.readDescription));
        else if (level == 2)
            can.append(r.writeDescription.isEmpty() ? tr("Read and change %1").arg(r.resource)
                                                    : sentence(r.writeDescription));
    }
    // One line per grant: no wrapping to lay out, and easy to read down.
    m_summary->setText(can.isEmpty() ? tr("Choose at least one permission. Grant only what the key's application needs.")
                                     : tr("This key will be able to:") + QStringLiteral("\n• ")
                                           + can.join(QStringLiteral("\n• ")));
    QPushButton *create = findChild<QPushButton *>(QStringLiteral("createKeyButton"));
    if (create) {
        create->setEnabled(!m_busy && problem.isEmpty() && !can.isEmpty());
        create->setToolTip(!problem.isEmpty() ? problem
                           : can.isEmpty()    ? tr("Choose at least one permission.")
                                              : QString());
        create->setText(m_busy ? tr("Creating…") : tr("&Create key"));
    }
}

} // namespace keyward

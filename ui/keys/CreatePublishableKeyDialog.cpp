// SPDX-License-Identifier: GPL-3.0-or-later
#include "CreatePublishableKeyDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace keyward {

namespace {
const QString ErrorStyle = QStringLiteral("color: #c0392b");
} // namespace

CreatePublishableKeyDialog::CreatePublishableKeyDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("createPublishableKeyDialog"));
    setWindowTitle(tr("New publishable key"));
    setMinimumWidth(480);
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(tr("Anyone who loads your web page or app can read a publishable key, so it needs no "
                                "secrecy. Say where it will be used, so the key can be recognized and deleted later."),
                             this);
    intro->setObjectName(QStringLiteral("createPublishableIntro"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *row = new QHBoxLayout;
    auto *noteLabel = new QLabel(tr("&Note:"), this);
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("publishableNote"));
    m_note->setPlaceholderText(tr("Where is it used? For example: checkout page"));
    m_note->setMaxLength(MaxNoteLength + 20); // the count says when it is too long
    noteLabel->setBuddy(m_note);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("publishableNoteCount"));
    m_count->setMinimumWidth(m_count->fontMetrics().horizontalAdvance(QStringLiteral("0000 / 0000")));
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    row->addWidget(noteLabel);
    row->addWidget(m_note, 1);
    row->addWidget(m_count);
    layout->addLayout(row);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("createPublishableError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(ErrorStyle);
    m_error->hide();
    layout->addWidget(m_error);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("&Create key"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("createPublishableButton"));
    m_create->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_busy && noteProblem().isEmpty())
            Q_EMIT createRequested(note());
    });
    connect(m_note, &QLineEdit::textChanged, this, &CreatePublishableKeyDialog::updateState);
    updateState();
}

QString CreatePublishableKeyDialog::note() const
{
    return m_note->text().trimmed();
}

QString CreatePublishableKeyDialog::noteProblem() const
{
    const QString text = note();
    if (text.isEmpty())
        return tr("Write a note that says where the key is used.");
    if (text.size() > MaxNoteLength)
        return tr("The note is %1 characters long; at most %2 fit.").arg(text.size()).arg(MaxNoteLength);
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return tr("The note cannot contain control characters such as tabs or line breaks.");
    }
    return {};
}

void CreatePublishableKeyDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void CreatePublishableKeyDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    // Grow with the message (wrapped at the current width) rather than squeeze the rest.
    layout()->activate();
    const int needed = layout()->totalHeightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

void CreatePublishableKeyDialog::updateState()
{
    const qsizetype length = note().size();
    m_count->setText(tr("%1 / %2").arg(length).arg(MaxNoteLength));
    m_count->setStyleSheet(length > MaxNoteLength ? ErrorStyle : QString());
    m_note->setAccessibleDescription(tr("%1 of at most %2 characters").arg(length).arg(MaxNoteLength));
    const QString problem = noteProblem();
    m_create->setEnabled(!m_busy && problem.isEmpty());
    m_create->setToolTip(problem);
    m_create->setText(m_busy ? tr("Creating…") : tr("&Create key"));
}

} // namespace keyward

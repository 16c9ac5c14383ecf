// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretRevealPanel.h"

#include "ClipboardGuard.h"
#include "PageLayout.h"

#include <QAction>
#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace keyward {

SecretRevealPanel::SecretRevealPanel(const ApiKey &key, SecretBuffer secret, ClipboardGuard *clipboard,
                                     QWidget *parent)
    : QWidget(parent), m_secret(std::move(secret)), m_clipboard(clipboard)
{
    setObjectName(QStringLiteral("secretRevealPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("Copy the key now: you will not see it again"), this);
    makeHeading(title, 1.2);
    layout->addWidget(title);
    auto *explain = new QLabel(tr("“%1” was created. Store its secret where the application reads it (a secret "
                                  "manager, your deployment's environment). Keyward and the server keep only a "
                                  "fingerprint; if the secret is lost, create a new key.")
                                   .arg(key.note),
                               this);
    explain->setTextFormat(Qt::PlainText); // the note is the user's text, never markup
    explain->setWordWrap(true);
    layout->addWidget(explain);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("revealNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setMargin(6);
    m_notice->hide();
    layout->addWidget(m_notice);

    auto *row = new QHBoxLayout;
    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("secretField"));
    m_field->setReadOnly(true);
    m_field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_field->setAccessibleName(tr("Secret key"));
    m_field->setText(m_secret.toString());
    m_field->setMinimumWidth(m_field->fontMetrics().horizontalAdvance(m_field->text()) + 24);
    m_field->setContextMenuPolicy(Qt::NoContextMenu); // Copy goes through the guarded clipboard
    // Selecting would put the secret on the X11 primary selection, outside the guard's reach.
    m_field->setFocusPolicy(Qt::NoFocus);
    m_field->setAttribute(Qt::WA_TransparentForMouseEvents);
    row->addWidget(m_field, 1);
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("copySecretButton"));
    m_copy->setToolTip(tr("Copy to the clipboard, marked as secret, and clear it after %n second(s)", nullptr,
                          ClipboardSeconds));
    row->addWidget(m_copy);
    layout->addLayout(row);
    m_countdown = new QLabel(this);
    m_countdown->setObjectName(QStringLiteral("clipboardCountdown"));
    layout->addWidget(m_countdown);

    m_stored = new QCheckBox(tr("I have &stored this key somewhere safe"), this);
    m_stored->setObjectName(QStringLiteral("storedCheckBox"));
    layout->addWidget(m_stored);
    connect(m_copy, &QPushButton::clicked, this, &SecretRevealPanel::copy);
    // The field cannot take the focus (see above), so Ctrl+C anywhere on the panel copies.
    auto *copyAction = new QAction(tr("Copy the secret"), this);
    copyAction->setObjectName(QStringLiteral("copySecretAction"));
    copyAction->setShortcuts(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyAction, &QAction::triggered, m_copy, &QPushButton::click);
    addAction(copyAction);
    connect(m_stored, &QCheckBox::toggled, this, &SecretRevealPanel::storedChanged);
    if (m_clipboard) {
        connect(m_clipboard, &ClipboardGuard::countdownChanged, this, [this](int seconds) {
            // 0: the countdown is over (cleared, or the user copied something else meanwhile).
            m_countdown->setText(seconds > 0 ? tr("Copied. The clipboard is cleared in %n second(s).", nullptr, seconds)
                                             : QString());
            m_copy->setAccessibleDescription(m_countdown->text());
        });
        connect(m_clipboard, &ClipboardGuard::cleared, this, [this] {
            m_countdown->setText(tr("Clipboard cleared."));
            m_copy->setAccessibleDescription(m_countdown->text());
        });
    }
    m_copy->setFocus();
}

SecretRevealPanel::~SecretRevealPanel()
{
    wipe();
}

void SecretRevealPanel::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void SecretRevealPanel::copy()
{
    if (!m_clipboard || m_secret.isEmpty())
        return;
    m_clipboard->copySecret(m_secret.view(), ClipboardSeconds);
    m_countdown->setText(tr("Copied. The clipboard is cleared in %n second(s).", nullptr, ClipboardSeconds));
    m_copy->setAccessibleDescription(m_countdown->text());
}

bool SecretRevealPanel::isStored() const
{
    return m_stored->isChecked();
}

void SecretRevealPanel::wipe()
{
    m_field->setText(QString(m_field->text().size(), QLatin1Char('x')));
    m_field->clear();
    m_secret.clear();
}

} // namespace keyward

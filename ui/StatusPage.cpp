// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusPage.h"

#include "PageLayout.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace keyward {

StatusPage::StatusPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("statusPage"));
    QVBoxLayout *layout = centredColumn(this, 560, 12);
    QWidget *column = layout->parentWidget();
    m_title = new QLabel(column);
    m_title->setObjectName(QStringLiteral("statusTitle"));
    makeHeading(m_title, 1.4);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    m_detail = new QLabel(column);
    m_detail->setObjectName(QStringLiteral("statusDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_detail);
    m_requestId = new QLabel(column);
    m_requestId->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_requestId->setEnabled(false);
    layout->addWidget(m_requestId);
    m_progress = new QProgressBar(column);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_progress->setAccessibleName(tr("Working"));
    layout->addWidget(m_progress);

    auto *buttons = new QHBoxLayout;
    m_openAgain = new QPushButton(tr("&Open the browser again"), column);
    m_openAgain->setObjectName(QStringLiteral("openBrowserAgainButton"));
    m_copyLink = new QPushButton(tr("Copy sign-in &link"), column);
    m_copyLink->setObjectName(QStringLiteral("copyLinkButton"));
    m_copyLink->setToolTip(tr("Copy the sign-in address to paste into a browser yourself."));
    m_retry = new QPushButton(tr("&Retry"), column);
    m_retry->setObjectName(QStringLiteral("statusRetryButton"));
    m_signOut = new QPushButton(tr("Sign &out"), column);
    m_cancel = new QPushButton(tr("&Cancel"), column);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    for (QPushButton *b : {m_openAgain, m_copyLink, m_retry, m_signOut})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);

    connect(m_cancel, &QPushButton::clicked, this, &StatusPage::cancelRequested);
    connect(m_openAgain, &QPushButton::clicked, this, &StatusPage::openBrowserAgainRequested);
    connect(m_copyLink, &QPushButton::clicked, this, &StatusPage::copyLinkRequested);
    connect(m_retry, &QPushButton::clicked, this, &StatusPage::retryRequested);
    connect(m_signOut, &QPushButton::clicked, this, &StatusPage::signOutRequested);
}

void StatusPage::showBusy(const QString &title, const QString &detail, bool cancellable, bool browserActions)
{
    m_title->setText(title);
    m_detail->setText(detail);
    m_requestId->hide();
    m_progress->show();
    m_cancel->setVisible(cancellable);
    m_openAgain->setVisible(browserActions);
    m_copyLink->setVisible(browserActions);
    m_retry->hide();
    m_signOut->hide();
    setFocusProxy(browserActions ? m_openAgain : m_cancel);
}

void StatusPage::showError(const QString &title, const QString &message, const QString &requestId)
{
    m_title->setText(title);
    m_detail->setText(message);
    m_requestId->setText(requestId.isEmpty() ? QString() : tr("Request id: %1").arg(requestId));
    m_requestId->setVisible(!requestId.isEmpty());
    m_progress->hide();
    m_cancel->hide();
    m_openAgain->hide();
    m_copyLink->hide();
    m_retry->show();
    m_signOut->show();
    setFocusProxy(m_retry);
}

} // namespace keyward

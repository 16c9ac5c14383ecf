// SPDX-License-Identifier: GPL-3.0-or-later
#include "WelcomePage.h"

#include "PageLayout.h"
#include "Profile.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace keyward {

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    QVBoxLayout *layout = centredColumn(this, 620, 14);
    QWidget *column = layout->parentWidget();

    auto *title = new QLabel(tr("Welcome to Keyward"), column);
    makeHeading(title, 1.8);
    layout->addWidget(title);

    auto *pitch = new QLabel(tr("Keep your organization's API keys under control: see every key masked with its "
                                "permissions and last use, create keys with the least access they need and see "
                                "their secret exactly once, rotate without an outage, revoke a leaked key at once, "
                                "and review who did what in a tamper-evident audit log."),
                             column);
    pitch->setWordWrap(true);
    layout->addWidget(pitch);

    auto *card = new QFrame(column);
    card->setFrameShape(QFrame::StyledPanel);
    auto *cardLayout = new QVBoxLayout(card);
    auto *serverCaption = new QLabel(tr("Server"), card);
    serverCaption->setEnabled(false);
    cardLayout->addWidget(serverCaption);
    m_profileName = new QLabel(card);
    m_profileName->setObjectName(QStringLiteral("welcomeProfileName"));
    QFont nameFont = m_profileName->font();
    nameFont.setWeight(QFont::DemiBold);
    m_profileName->setFont(nameFont);
    cardLayout->addWidget(m_profileName);
    m_profileDetails = new QLabel(card);
    m_profileDetails->setWordWrap(true);
    m_profileDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cardLayout->addWidget(m_profileDetails);
    layout->addWidget(card);

    auto *buttons = new QHBoxLayout;
    m_signIn = new QPushButton(tr("&Sign in with browser"), column);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    m_signIn->setAutoDefault(true);
    m_signIn->setToolTip(tr("Opens your web browser at the server's sign-in page; Keyward continues when you are done."));
    buttons->addWidget(m_signIn);
    m_manage = new QPushButton(tr("&Manage profiles…"), column);
    m_manage->setObjectName(QStringLiteral("manageProfilesButton"));
    m_manage->setFlat(true);
    buttons->addWidget(m_manage);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_messageBox = new QFrame(column);
    m_messageBox->setObjectName(QStringLiteral("welcomeMessage"));
    m_messageBox->setFrameShape(QFrame::StyledPanel);
    auto *messageLayout = new QHBoxLayout(m_messageBox);
    auto *textColumn = new QVBoxLayout;
    m_message = new QLabel(m_messageBox);
    m_message->setObjectName(QStringLiteral("welcomeMessageText"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    textColumn->addWidget(m_message);
    m_requestId = new QLabel(m_messageBox);
    m_requestId->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_requestId->setEnabled(false);
    textColumn->addWidget(m_requestId);
    messageLayout->addLayout(textColumn, 1);
    m_retry = new QPushButton(tr("&Retry"), m_messageBox);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    messageLayout->addWidget(m_retry, 0, Qt::AlignTop);
    m_messageBox->hide();
    layout->addWidget(m_messageBox);

    connect(m_signIn, &QPushButton::clicked, this, &WelcomePage::signInRequested);
    connect(m_retry, &QPushButton::clicked, this, &WelcomePage::signInRequested);
    connect(m_manage, &QPushButton::clicked, this, &WelcomePage::manageProfilesRequested);
    setFocusProxy(m_signIn);
}

void WelcomePage::setProfile(const Profile *profile)
{
    m_signIn->setEnabled(profile != nullptr);
    if (!profile) {
        m_profileName->setText(tr("No server yet"));
        m_profileDetails->setText(tr("Add a profile with the address of your API and its sign-in server, or start "
                                     "Keyward with --sandbox to try it against a local demo server."));
        m_manage->setText(tr("&Add a profile…"));
        return;
    }
    m_manage->setText(tr("&Manage profiles…"));
    m_profileName->setText(profile->name);
    QString details = tr("API: %1").arg(profile->apiUrl.toDisplayString());
    if (profile->issuerUrl != profile->apiUrl)
        details += QLatin1Char('\n') + tr("Sign-in: %1").arg(profile->issuerUrl.toDisplayString());
    m_profileDetails->setText(details);
}

void WelcomePage::showProblem(const QString &message, const QString &requestId)
{
    m_message->setText(message);
    m_requestId->setText(requestId.isEmpty() ? QString() : tr("Request id: %1").arg(requestId));
    m_requestId->setVisible(!requestId.isEmpty());
    m_retry->show();
    m_messageBox->setStyleSheet(QStringLiteral("#welcomeMessage { border: 1px solid palette(mid); "
                                               "border-left: 4px solid #c0392b; }"));
    m_messageBox->show();
}

void WelcomePage::showInformation(const QString &message)
{
    m_message->setText(message);
    m_requestId->hide();
    m_retry->hide();
    m_messageBox->setStyleSheet(QStringLiteral("#welcomeMessage { border: 1px solid palette(mid); "
                                               "border-left: 4px solid palette(highlight); }"));
    m_messageBox->show();
}

void WelcomePage::clearMessage()
{
    m_messageBox->hide();
}

} // namespace keyward

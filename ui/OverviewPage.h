// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Session.h"

#include <QPointer>
#include <QWidget>

class QLabel;

namespace keyward {


// The signed-in home: who you are, in which organization, what your role lets you do, and
// which server and sign-in this session uses.
class OverviewPage : public QWidget
{
    Q_OBJECT

public:
    explicit OverviewPage(QWidget *parent = nullptr);

    void setSession(Session *session);
    void refresh();

    static QString roleName(const QString &role);
    static QString roleAbilities(const QString &role);

private:
    QPointer<Session> m_session;
    QLabel *m_greeting;
    QLabel *m_email;
    QLabel *m_role;
    QLabel *m_abilities;
    QLabel *m_organization;
    QLabel *m_server;
    QLabel *m_issuer;
    QLabel *m_sessionStorage;
};

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace keyward::server {

// The server-rendered sign-in pages: plain HTML, no external assets, inline style allowed only
// by a per-response nonce. The form contract (ids and field names) is what clients and tests
// drive: login-form with email and password, error text in #error, Cancel as action=cancel.
class LoginPage
{
public:
    struct Login
    {
        QString organization;
        QString client;
        QString requestId;
        QString csrfToken;
        QString email;
        QString error;
        QString demoHint; // shown only in demo mode
    };
    static QByteArray login(const Login &page, const QString &nonce);
    // The second step: a TOTP code; with enrolQrSvg/enrolSecret set, first-time enrolment.
    struct Mfa
    {
        QString organization;
        QString email;
        QString requestId;
        QString csrfToken;
        QString error;
        QString enrolQrSvg;
        QString enrolSecret;
    };
    static QByteArray mfa(const Mfa &page, const QString &nonce);
    static QByteArray error(const QString &title, const QString &message, const QString &nonce);
    static QByteArray contentSecurityPolicy(const QString &nonce);
};

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Organization.h"

#include <QSqlDatabase>

namespace keyward::server {

class ServerSecrets;

// A believable organisation for the sandbox and for demos: keys in every state, publishable
// keys, payments and three months of hash-chained audit history. Deterministic for a given seed.
class DemoData
{
public:
    struct Summary
    {
        int secretKeys = 0;
        int publishableKeys = 0;
        int auditEvents = 0;
        int payments = 0;
        int users = 0;
    };
    // Fills an organisation that has no keys and no audit events yet; call inside Database::write.
    static Summary fill(QSqlDatabase &db, const ServerSecrets &secrets, const Organization &org, qint64 nowMs,
                        quint32 seed = 20261129);
    static bool isEmpty(QSqlDatabase &db);

    // The demo sign-ins, one per role; the developer also has MFA with this TOTP key (base32).
    struct DemoUser
    {
        const char *email;
        const char *name;
        const char *role;
        const char *password;
        bool mfa;
    };
    static QList<DemoUser> users();
    static QByteArray demoTotpSecret();
    // The demo sign-ins for the sign-in page in demo mode: a line per user,
    // "email (role)\tpassword\tMFA key or empty".
    static QString signInHint();
};

} // namespace keyward::server

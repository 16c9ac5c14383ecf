// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QString>
#include <QStringList>

namespace keyward {

struct ApiResponse;

// Who the session acts as, from GET /me.
struct Identity
{
    QString type; // "user" or "secret_key"
    QString id;
    QString display;
    QString email;
    QString name;
    QString role; // owner, admin, developer, viewer; empty for keys
    QStringList permissions;
    QString organizationId;
    QString organizationName;
    QString tier;

    bool canManageKeys() const { return role == QLatin1String("owner") || role == QLatin1String("admin"); }
    // The email for a user, else the display name.
    QString label() const { return email.isEmpty() ? display : email; }

    static Result<Identity> fromResponse(const ApiResponse &response);
};

} // namespace keyward

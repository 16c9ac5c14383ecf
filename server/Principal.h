// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"
#include "Permission.h"

namespace keyward::server {

// Who is calling, once authenticated: a secret key, or a user with an access token.
struct Principal
{
    QString type; // "secret_key" or "user"
    QString id;
    QString display;
    QString orgId;
    PermissionSet permissions;
    qint64 expiresAtMs = 0;  // 0 when the credential never expires; past it: 401
    qint64 cacheUntilMs = 0; // 0: cache as long as valid; past it: validate again
    QString role;            // users only: owner, admin, developer, viewer
    QString email;           // users only
    QString note;
    QString masked;
    QByteArray meJson; // the GET /me body, built once when the credential is cached

    Actor actor() const { return {type, id, display}; }
};

} // namespace keyward::server

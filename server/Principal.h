// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"
#include "Permission.h"

namespace keyward::server {

// Who is calling, once authenticated. For now a secret key; users arrive with OAuth.
struct Principal
{
    QString type; // "secret_key"
    QString id;
    QString display;
    QString orgId;
    PermissionSet permissions;
    qint64 expiresAtMs = 0; // 0 when the credential never expires
    QString note;
    QString masked;
    QByteArray meJson; // the GET /me body, built once when the credential is cached

    Actor actor() const { return {type, id, display}; }
};

} // namespace keyward::server

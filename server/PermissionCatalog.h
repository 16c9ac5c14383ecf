// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Permission.h"

#include <QJsonArray>

namespace keyward::server {

// The resources a key can be granted, as GET /permissions publishes them.
class PermissionCatalog
{
public:
    static const QList<PermissionResource> &resources();
    static bool contains(const Permission &permission);
    static QJsonArray toJson();
};

} // namespace keyward::server

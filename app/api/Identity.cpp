// SPDX-License-Identifier: GPL-3.0-or-later
#include "Identity.h"

#include "ApiClient.h"

namespace keyward {

Result<Identity> Identity::fromResponse(const ApiResponse &response)
{
    const QJsonObject o = response.json.object();
    Identity id;
    id.type = o.value(QStringLiteral("type")).toString();
    id.id = o.value(QStringLiteral("id")).toString();
    if (id.type.isEmpty() || id.id.isEmpty())
        return ApiFailure::unparsable(response.status, response.requestId, ApiFailure::tr("an identity without an id"));
    id.display = o.value(QStringLiteral("display")).toString();
    id.role = o.value(QStringLiteral("role")).toString();
    for (const auto &p : o.value(QStringLiteral("permissions")).toArray())
        id.permissions.append(p.toString());
    const QJsonObject user = o.value(QStringLiteral("user")).toObject();
    id.email = user.value(QStringLiteral("email")).toString();
    id.name = user.value(QStringLiteral("name")).toString();
    const QJsonObject org = o.value(QStringLiteral("organization")).toObject();
    id.organizationId = org.value(QStringLiteral("id")).toString();
    id.organizationName = org.value(QStringLiteral("name")).toString();
    id.tier = org.value(QStringLiteral("tier")).toString();
    return id;
}

} // namespace keyward

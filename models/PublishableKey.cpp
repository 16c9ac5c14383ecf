// SPDX-License-Identifier: GPL-3.0-or-later
#include "PublishableKey.h"

#include "Timestamps.h"

namespace keyward {

QJsonObject PublishableKey::toJson() const
{
    return {{QStringLiteral("object"), QStringLiteral("publishable_key")},
            {QStringLiteral("id"), id},
            {QStringLiteral("note"), note},
            {QStringLiteral("key"), key},
            {QStringLiteral("created_at"), toRfc3339(createdAt)},
            {QStringLiteral("created_by"), createdBy.toJson()}};
}

PublishableKey PublishableKey::fromJson(const QJsonObject &json)
{
    PublishableKey k;
    k.id = json.value(QStringLiteral("id")).toString();
    k.note = json.value(QStringLiteral("note")).toString();
    k.key = json.value(QStringLiteral("key")).toString();
    k.createdAt = parseRfc3339(json.value(QStringLiteral("created_at")).toString()).value_or(QDateTime());
    k.createdBy = Actor::fromJson(json.value(QStringLiteral("created_by")).toObject());
    return k;
}

} // namespace keyward

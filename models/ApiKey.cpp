// SPDX-License-Identifier: GPL-3.0-or-later
#include "ApiKey.h"

#include "KeyFormat.h"
#include "Timestamps.h"

#include <QJsonArray>

namespace keyward {

namespace {
QJsonValue timeOrNull(const QDateTime &dt)
{
    return dt.isValid() ? QJsonValue(toRfc3339(dt)) : QJsonValue(QJsonValue::Null);
}
QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
QDateTime timeFrom(const QJsonValue &v)
{
    return parseRfc3339(v.toString()).value_or(QDateTime());
}
} // namespace

QJsonObject Actor::toJson() const
{
    return {{QStringLiteral("type"), type}, {QStringLiteral("id"), stringOrNull(id)},
            {QStringLiteral("display"), display}};
}

Actor Actor::fromJson(const QJsonObject &json)
{
    return {json.value(QStringLiteral("type")).toString(), json.value(QStringLiteral("id")).toString(),
            json.value(QStringLiteral("display")).toString()};
}

QString ApiKey::masked() const
{
    return KeyFormat::mask(prefix, lastFour);
}

QString ApiKey::statusName(Status status)
{
    switch (status) {
    case Status::Active: return QStringLiteral("active");
    case Status::Expired: return QStringLiteral("expired");
    case Status::Revoked: return QStringLiteral("revoked");
    }
    return {};
}

bool ApiKey::statusFromName(const QString &name, Status *status)
{
    for (Status s : {Status::Active, Status::Expired, Status::Revoked}) {
        if (statusName(s) == name) {
            *status = s;
            return true;
        }
    }
    return false;
}

QJsonObject ApiKey::toJson() const
{
    QJsonObject o {
        {QStringLiteral("object"), QStringLiteral("secret_key")},
        {QStringLiteral("id"), id},
        {QStringLiteral("note"), note},
        {QStringLiteral("prefix"), prefix},
        {QStringLiteral("last_four"), lastFour},
        {QStringLiteral("masked"), masked()},
        {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)},
        {QStringLiteral("status"), statusName(status)},
        {QStringLiteral("created_at"), timeOrNull(createdAt)},
        {QStringLiteral("created_by"), createdBy.toJson()},
        {QStringLiteral("expires_at"), timeOrNull(expiresAt)},
        {QStringLiteral("revoked_at"), timeOrNull(revokedAt)},
        {QStringLiteral("last_used_at"), timeOrNull(lastUsedAt)},
        {QStringLiteral("last_used_ip"), stringOrNull(lastUsedIp)},
        {QStringLiteral("last_used_user_agent"), stringOrNull(lastUsedUserAgent)},
        {QStringLiteral("rotates"), stringOrNull(rotates)},
        {QStringLiteral("rotated_by"), stringOrNull(rotatedBy)},
    };
    return o;
}

ApiKey ApiKey::fromJson(const QJsonObject &json)
{
    ApiKey k;
    k.id = json.value(QStringLiteral("id")).toString();
    k.note = json.value(QStringLiteral("note")).toString();
    k.prefix = json.value(QStringLiteral("prefix")).toString();
    k.lastFour = json.value(QStringLiteral("last_four")).toString();
    for (const QJsonValue &p : json.value(QStringLiteral("permissions")).toArray())
        k.permissions.append(p.toString());
    statusFromName(json.value(QStringLiteral("status")).toString(), &k.status);
    k.createdAt = timeFrom(json.value(QStringLiteral("created_at")));
    k.createdBy = Actor::fromJson(json.value(QStringLiteral("created_by")).toObject());
    k.expiresAt = timeFrom(json.value(QStringLiteral("expires_at")));
    k.revokedAt = timeFrom(json.value(QStringLiteral("revoked_at")));
    k.lastUsedAt = timeFrom(json.value(QStringLiteral("last_used_at")));
    k.lastUsedIp = json.value(QStringLiteral("last_used_ip")).toString();
    k.lastUsedUserAgent = json.value(QStringLiteral("last_used_user_agent")).toString();
    k.rotates = json.value(QStringLiteral("rotates")).toString();
    k.rotatedBy = json.value(QStringLiteral("rotated_by")).toString();
    for (const QJsonValue &u : json.value(QStringLiteral("usage_recent")).toArray()) {
        const QJsonObject o = u.toObject();
        k.recentUsage.append({timeFrom(o.value(QStringLiteral("minute"))), o.value(QStringLiteral("count")).toInteger()});
    }
    for (const QJsonValue &u : json.value(QStringLiteral("usage")).toArray()) {
        const QJsonObject o = u.toObject();
        k.usage.append({QDate::fromString(o.value(QStringLiteral("date")).toString(), Qt::ISODate),
                        o.value(QStringLiteral("count")).toInteger()});
    }
    return k;
}

} // namespace keyward

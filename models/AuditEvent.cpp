// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditEvent.h"

#include "Timestamps.h"

namespace keyward {

namespace {
QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
} // namespace

qint64 AuditEvent::seqFromId(const QString &id)
{
    if (!id.startsWith(QLatin1String("evt_")))
        return 0;
    bool ok = false;
    const qint64 seq = QStringView(id).sliced(4).toLongLong(&ok);
    return ok && seq > 0 ? seq : 0;
}

QJsonObject AuditEvent::toJson() const
{
    QJsonObject o {
        {QStringLiteral("id"), id()},
        {QStringLiteral("at"), toRfc3339Ms(atMs)},
        {QStringLiteral("actor"), actor.toJson()},
        {QStringLiteral("action"), action},
        {QStringLiteral("target"), target.toJson()},
        {QStringLiteral("ip"), stringOrNull(ip)},
        {QStringLiteral("user_agent"), stringOrNull(userAgent)},
        {QStringLiteral("request_id"), stringOrNull(requestId)},
        {QStringLiteral("details"), details},
        {QStringLiteral("prev_hash"), prevHash},
    };
    if (!hash.isEmpty())
        o.insert(QStringLiteral("hash"), hash);
    return o;
}

AuditEvent AuditEvent::fromJson(const QJsonObject &json)
{
    AuditEvent e;
    e.seq = seqFromId(json.value(QStringLiteral("id")).toString());
    const auto at = parseRfc3339(json.value(QStringLiteral("at")).toString());
    e.atMs = at ? at->toMSecsSinceEpoch() : 0;
    e.actor = Actor::fromJson(json.value(QStringLiteral("actor")).toObject());
    e.action = json.value(QStringLiteral("action")).toString();
    e.target = Actor::fromJson(json.value(QStringLiteral("target")).toObject());
    e.ip = json.value(QStringLiteral("ip")).toString();
    e.userAgent = json.value(QStringLiteral("user_agent")).toString();
    e.requestId = json.value(QStringLiteral("request_id")).toString();
    e.details = json.value(QStringLiteral("details")).toObject();
    e.prevHash = json.value(QStringLiteral("prev_hash")).toString();
    e.hash = json.value(QStringLiteral("hash")).toString();
    return e;
}

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"

#include <QJsonObject>

namespace keyward {

// One entry of the hash-chained audit log. toJson() is exactly what the chain hashes (with
// "hash" removed), so the server and the app derive the same bytes from the same event.
struct AuditEvent
{
    qint64 seq = 0;   // position in the chain; the public id is "evt_<seq>"
    qint64 atMs = 0;  // milliseconds since the epoch, UTC
    Actor actor;
    QString action;   // "secret_key.created", "auth.denied", …
    Actor target;     // same shape as an actor: type, id, display
    QString ip;
    QString userAgent;
    QString requestId;
    QJsonObject details;
    QString prevHash;
    QString hash;

    QString id() const { return idForSeq(seq); }
    static QString idForSeq(qint64 seq) { return QStringLiteral("evt_") + QString::number(seq); }
    static qint64 seqFromId(const QString &id); // 0 when not an event id

    QJsonObject toJson() const;
    static AuditEvent fromJson(const QJsonObject &json);
};

} // namespace keyward

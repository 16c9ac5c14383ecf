// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditEvent.h"

#include <QSqlDatabase>
#include <QStringList>

namespace keyward::server {

struct AuditQuery
{
    QStringList actions;  // exact names, or prefixes ending in "." ("secret_key.")
    QString actor;        // actor id
    QString keyId;        // target id
    QString ip;
    qint64 sinceMs = 0;   // inclusive; 0 = unbounded
    qint64 untilMs = 0;   // exclusive; 0 = unbounded
    QString text;         // free text over actor, target and details
    qint64 beforeSeq = 0; // keyset cursor: events older than this; 0 = newest
    int limit = 100;
};

struct AuditPage
{
    QList<AuditEvent> events;
    bool hasMore = false;
};

// The append-only, hash-chained audit log. append() must run inside Database::write so the
// event lands in the same transaction as the change it records and the chain cannot fork.
class AuditLog
{
public:
    static AuditEvent append(QSqlDatabase &db, const QString &orgId, AuditEvent event);
    static AuditPage list(QSqlDatabase &db, const QString &orgId, const AuditQuery &query);
    // The newest event (seq 0 and the genesis hash when the log is empty).
    static AuditEvent head(QSqlDatabase &db);
};

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditEvent.h"

#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>
#include <optional>

namespace keyward::server {

class Sql;

struct AuditQuery
{
    QStringList actions;  // exact names, or prefixes ending in "." ("secret_key.")
    QString actor;        // actor id
    QString keyId;        // target id or actor id
    QString ip;
    qint64 sinceMs = 0;   // inclusive; 0 = unbounded
    qint64 untilMs = 0;   // exclusive; 0 = unbounded
    QString text;         // free text over actor, target, action and details (LIKE semantics)
    qint64 beforeSeq = 0; // keyset cursor: events older than this; 0 = newest
    int limit = 100;
};

struct AuditPage
{
    QList<AuditEvent> events;
    bool hasMore = false;
};

// One histogram bucket: events counted per action from startMs (inclusive) to the next bucket.
struct AuditBucket
{
    qint64 startMs = 0;
    qint64 total = 0;
    QMap<QString, qint64> counts;
};

// Denied requests (auth.denied) of one credential and reason: the key used (empty when the
// caller was not a key: no, malformed or unknown credentials, or a person's session).
struct AuditDeniedIp
{
    QString ip;
    qint64 count = 0;
};

struct AuditDeniedGroup
{
    QString keyId;
    QString keyDisplay;
    QString reason;
    qint64 count = 0;
    qint64 firstMs = 0;
    qint64 lastMs = 0;
    QList<AuditDeniedIp> ips; // the most frequent addresses, at most 5, by count
    qint64 ipCount = 0;       // distinct addresses
};

struct AuditDeniedSummary
{
    QList<AuditDeniedGroup> groups; // a used revoked, expired or deleted key first, then by count
    qint64 groupCount = 0;          // groups in the range, before the limit
};

// An event of the global chain with the organisation it belongs to.
struct AuditChainEntry
{
    AuditEvent event;
    QString orgId;

    // As `GET /audit-events/chain` shows it to a member of `viewerOrg`: the whole event for its own
    // organisation, else a stub {"id", "redacted": true, "prev_hash", "hash"} that keeps the
    // chain's links and nothing of the content.
    QJsonObject toJsonFor(const QString &viewerOrg) const
    {
        if (orgId == viewerOrg)
            return event.toJson();
        return {{QStringLiteral("id"), event.id()},
                {QStringLiteral("redacted"), true},
                {QStringLiteral("prev_hash"), event.prevHash},
                {QStringLiteral("hash"), event.hash}};
    }
};

struct AuditChainPage
{
    QList<AuditChainEntry> entries; // oldest first, contiguous seq
    bool hasMore = false;
};

// The append-only, hash-chained audit log. append() must run inside Database::write so the
// event lands in the same transaction as the change it records and the chain cannot fork.
//
// Time never goes backwards along the chain: an event is stamped no earlier than the newest
// event before it (a writer that computed its time before waiting for the write lock, or a
// clock stepped back, gets the previous event's time). Searches rely on this to turn a time
// range into a seq range. Databases written before schema 6 may have an unordered prefix; its
// extent is recorded in audit_chain_head and searches stay exact over it.
class AuditLog
{
public:
    // The slots audit_event_counts counts in: hours, and quarter hours for the UTC offsets that
    // are not whole hours (every offset in use is a multiple of 15 minutes).
    static constexpr qint64 CountSlotsMs[] = {60 * 60 * 1000, 15 * 60 * 1000};

    // Appends many events in one write transaction with prepared statements (seeding, imports).
    // The chain head is read once: use a Writer only within one Database::write.
    class Writer
    {
    public:
        explicit Writer(QSqlDatabase &db);
        ~Writer();
        Writer(const Writer &) = delete;
        Writer &operator=(const Writer &) = delete;
        AuditEvent append(const QString &orgId, AuditEvent event);

    private:
        QSqlDatabase m_db;
        bool m_headRead = false;
        qint64 m_seq = 0;
        qint64 m_atMs = 0;
        QString m_hash;
        bool m_textIndex = false;
        std::unique_ptr<Sql> m_insert;
        std::unique_ptr<Sql> m_updateHead;
        std::unique_ptr<Sql> m_count;
        std::unique_ptr<Sql> m_text;
    };

    static AuditEvent append(QSqlDatabase &db, const QString &orgId, AuditEvent event);
    static AuditPage list(QSqlDatabase &db, const QString &orgId, const AuditQuery &query);
    // Counts per bucket and action for the query's filters over [query.sinceMs, query.untilMs):
    // buckets of bucketMs starting at whole multiples of bucketMs in local time at offsetMs
    // (since must be such a start). Only non-empty buckets, oldest first.
    static QList<AuditBucket> histogram(QSqlDatabase &db, const QString &orgId, const AuditQuery &query,
                                        qint64 bucketMs, qint64 offsetMs);
    // auth.denied events over the query's time range, key_id and ip, grouped by key and reason:
    // at most `limit` groups (query.actions is ignored).
    static AuditDeniedSummary deniedSummary(QSqlDatabase &db, const QString &orgId, const AuditQuery &query,
                                            int limit);
    // Whether a denial reason says a key that no longer works was used: the leak signal.
    static bool isDeadKeyReason(const QString &reason);
    // Events of every organisation with seq > afterSeq, oldest first.
    static AuditChainPage chain(QSqlDatabase &db, qint64 afterSeq, int limit);
    // The organisation of the event seq, if it exists.
    static std::optional<QString> orgOf(QSqlDatabase &db, qint64 seq);
    // The newest event (seq 0 and the genesis hash when the log is empty).
    static AuditEvent head(QSqlDatabase &db);

    // The columns of an event, in the order readEvent() expects them from column `first` on.
    static QString columns(const QString &tableAlias = {});
    static AuditEvent readEvent(const Sql &q, int first = 0);
};

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditLog.h"

#include "AuditChain.h"
#include "AuditSearch.h"
#include "AuditTextIndex.h"
#include "Database.h"

#include <QJsonDocument>

namespace keyward::server {

namespace {
const char *const ColumnNames[] = {"seq",         "at",          "actor_type", "actor_id",       "actor_display",
                                   "action",      "target_type", "target_id",  "target_display", "ip",
                                   "user_agent",  "request_id",  "details",    "prev_hash",      "hash"};

QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

} // namespace

QString AuditLog::columns(const QString &tableAlias)
{
    QStringList out;
    for (const char *name : ColumnNames)
        out.append(tableAlias.isEmpty() ? QLatin1String(name) : tableAlias + QLatin1Char('.') + QLatin1String(name));
    return out.join(QStringLiteral(", "));
}

AuditEvent AuditLog::readEvent(const Sql &q, int first)
{
    AuditEvent e;
    e.seq = q.integer(first);
    e.atMs = q.integer(first + 1);
    e.actor = {q.text(first + 2), q.text(first + 3), q.text(first + 4)};
    e.action = q.text(first + 5);
    e.target = {q.text(first + 6), q.text(first + 7), q.text(first + 8)};
    e.ip = q.text(first + 9);
    e.userAgent = q.text(first + 10);
    e.requestId = q.text(first + 11);
    e.details = QJsonDocument::fromJson(q.text(first + 12).toUtf8()).object();
    e.prevHash = q.text(first + 13);
    e.hash = q.text(first + 14);
    return e;
}

AuditLog::Writer::Writer(QSqlDatabase &db)
    : m_db(db)
{
}

AuditLog::Writer::~Writer() = default;

AuditEvent AuditLog::Writer::append(const QString &orgId, AuditEvent event)
{
    if (!m_headRead) {
        Sql head(m_db, QStringLiteral("SELECT seq, hash, at FROM audit_chain_head WHERE id = 1"));
        head.exec();
        if (!head.next())
            throw DatabaseError("the audit chain head is missing");
        m_seq = head.integer(0);
        m_hash = head.text(1);
        m_atMs = head.integer(2);
        m_textIndex = AuditTextIndex::exists(m_db);
        m_insert = std::make_unique<Sql>(m_db, QStringLiteral("INSERT INTO audit_events (") + columns()
                                                   + QStringLiteral(", org_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                                                    "?, ?, ?, ?, ?, ?)"));
        m_updateHead = std::make_unique<Sql>(m_db, QStringLiteral("UPDATE audit_chain_head SET seq = ?, hash = ?, "
                                                                  "at = ? WHERE id = 1"));
        m_count = std::make_unique<Sql>(m_db, QStringLiteral("INSERT INTO audit_event_counts (org_id, slot_ms, "
                                                             "slot_start, action, n) VALUES (?, ?, ?, ?, 1), "
                                                             "(?, ?, ?, ?, 1) ON CONFLICT (org_id, slot_ms, "
                                                             "slot_start, action) DO UPDATE SET n = audit_event_counts.n + 1"));
        if (m_textIndex)
            m_text = std::make_unique<Sql>(m_db, AuditTextIndex::insertStatement());
        m_headRead = true;
    }
    event.seq = m_seq + 1;
    event.prevHash = m_hash;
    event.atMs = qMax(event.atMs, m_atMs); // never earlier than the event before it
    event.hash.clear();
    event.hash = AuditChain::computeHash(event.toJson());

    const QString details = QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact));
    m_insert->bind(event.seq).bind(event.atMs).bind(event.actor.type).bind(nullable(event.actor.id))
        .bind(event.actor.display).bind(event.action).bind(event.target.type).bind(nullable(event.target.id))
        .bind(event.target.display).bind(nullable(event.ip)).bind(nullable(event.userAgent))
        .bind(nullable(event.requestId)).bind(details).bind(event.prevHash).bind(event.hash).bind(orgId);
    m_updateHead->bind(event.seq).bind(event.hash).bind(event.atMs);
    for (const qint64 slot : CountSlotsMs)
        m_count->bind(orgId).bind(slot).bind(event.atMs - event.atMs % slot).bind(event.action);
    // The event, the new head and the counts: one round trip on PostgreSQL.
    Sql::execAll(m_db, {m_insert.get(), m_updateHead.get(), m_count.get()});
    if (m_text)
        AuditTextIndex::insert(*m_text, event, details);
    m_seq = event.seq;
    m_hash = event.hash;
    m_atMs = event.atMs;
    return event;
}

AuditEvent AuditLog::append(QSqlDatabase &db, const QString &orgId, AuditEvent event)
{
    Writer writer(db);
    return writer.append(orgId, std::move(event));
}

AuditPage AuditLog::list(QSqlDatabase &db, const QString &orgId, const AuditQuery &query)
{
    return AuditSearch(db, orgId, query).page();
}

QList<AuditBucket> AuditLog::histogram(QSqlDatabase &db, const QString &orgId, const AuditQuery &query,
                                       qint64 bucketMs, qint64 offsetMs)
{
    return AuditSearch::histogram(db, orgId, query, bucketMs, offsetMs);
}

AuditDeniedSummary AuditLog::deniedSummary(QSqlDatabase &db, const QString &orgId, const AuditQuery &query,
                                           int limit)
{
    AuditQuery denied = query;
    denied.actions = {QStringLiteral("auth.denied")};
    denied.actor.clear();
    denied.text.clear();
    denied.beforeSeq = 0;
    return AuditSearch(db, orgId, denied).deniedSummary(limit);
}

bool AuditLog::isDeadKeyReason(const QString &reason)
{
    return reason == QLatin1String("revoked key") || reason == QLatin1String("expired key")
        || reason == QLatin1String("deleted key");
}

AuditChainPage AuditLog::chain(QSqlDatabase &db, qint64 afterSeq, int limit)
{
    Sql q(db, QStringLiteral("SELECT ") + columns()
                  + QStringLiteral(", org_id FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?"));
    q.bind(afterSeq).bind(limit + 1).exec();
    AuditChainPage page;
    while (q.next()) {
        if (page.entries.size() == limit) {
            page.hasMore = true;
            break;
        }
        page.entries.append({readEvent(q), q.text(15)});
    }
    return page;
}

std::optional<QString> AuditLog::orgOf(QSqlDatabase &db, qint64 seq)
{
    Sql q(db, QStringLiteral("SELECT org_id FROM audit_events WHERE seq = ?"));
    q.bind(seq).exec();
    if (!q.next())
        return std::nullopt;
    return q.text(0);
}

AuditEvent AuditLog::head(QSqlDatabase &db)
{
    Sql q(db, QStringLiteral("SELECT ") + columns() + QStringLiteral(" FROM audit_events ORDER BY seq DESC LIMIT 1"));
    q.exec();
    if (q.next())
        return readEvent(q);
    AuditEvent genesis;
    genesis.hash = AuditChain::genesisHash();
    return genesis;
}

} // namespace keyward::server

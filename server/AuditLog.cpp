// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditLog.h"

#include "AuditChain.h"
#include "Database.h"

#include <QJsonDocument>

namespace keyward::server {

namespace {
const QString Columns = QStringLiteral(
    "seq, at, actor_type, actor_id, actor_display, action, target_type, target_id, target_display, "
    "ip, user_agent, request_id, details, prev_hash, hash");

AuditEvent readEvent(const Sql &q)
{
    AuditEvent e;
    e.seq = q.integer(0);
    e.atMs = q.integer(1);
    e.actor = {q.text(2), q.text(3), q.text(4)};
    e.action = q.text(5);
    e.target = {q.text(6), q.text(7), q.text(8)};
    e.ip = q.text(9);
    e.userAgent = q.text(10);
    e.requestId = q.text(11);
    e.details = QJsonDocument::fromJson(q.text(12).toUtf8()).object();
    e.prevHash = q.text(13);
    e.hash = q.text(14);
    return e;
}

QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

} // namespace

AuditEvent AuditLog::append(QSqlDatabase &db, const QString &orgId, AuditEvent event)
{
    Sql head(db, QStringLiteral("SELECT seq, hash FROM audit_chain_head WHERE id = 1"));
    head.exec();
    if (!head.next())
        throw DatabaseError("the audit chain head is missing");
    event.seq = head.integer(0) + 1;
    event.prevHash = head.text(1);
    event.hash.clear();
    event.hash = AuditChain::computeHash(event.toJson());

    Sql insert(db, QStringLiteral("INSERT INTO audit_events (") + Columns
                       + QStringLiteral(", org_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.bind(event.seq).bind(event.atMs).bind(event.actor.type).bind(nullable(event.actor.id))
        .bind(event.actor.display).bind(event.action).bind(event.target.type).bind(nullable(event.target.id))
        .bind(event.target.display).bind(nullable(event.ip)).bind(nullable(event.userAgent))
        .bind(nullable(event.requestId))
        .bind(QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact)))
        .bind(event.prevHash).bind(event.hash).bind(orgId).exec();
    Sql update(db, QStringLiteral("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1"));
    update.bind(event.seq).bind(event.hash).exec();
    return event;
}

AuditPage AuditLog::list(QSqlDatabase &db, const QString &orgId, const AuditQuery &query)
{
    KeysetQuery k(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM audit_events WHERE org_id = ?"), {orgId});
    if (!query.actions.isEmpty()) {
        QStringList ors;
        QVariantList binds;
        for (const QString &a : query.actions) {
            if (a.endsWith(QLatin1Char('.'))) {
                // Prefix match as a range, so the (action, seq) index serves it.
                ors.append(QStringLiteral("(action >= ? AND action < ?)"));
                QString upper = a;
                upper[upper.size() - 1] = QChar(u'.' + 1);
                binds << a << upper;
            } else {
                ors.append(QStringLiteral("action = ?"));
                binds << a;
            }
        }
        k.where(QLatin1Char('(') + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')'), binds);
    }
    if (!query.actor.isEmpty())
        k.where(QStringLiteral("actor_id = ?"), {query.actor});
    if (!query.keyId.isEmpty())
        k.where(QStringLiteral("(target_id = ? OR actor_id = ?)"), {query.keyId, query.keyId});
    if (!query.ip.isEmpty())
        k.where(QStringLiteral("ip = ?"), {query.ip});
    if (query.sinceMs > 0)
        k.where(QStringLiteral("at >= ?"), {query.sinceMs});
    if (query.untilMs > 0)
        k.where(QStringLiteral("at < ?"), {query.untilMs});
    if (!query.text.isEmpty())
        k.containsText({QStringLiteral("actor_display"), QStringLiteral("target_display"), QStringLiteral("details"),
                        QStringLiteral("action")}, query.text);
    Sql q = k.run(db, query.beforeSeq, query.limit);
    AuditPage page;
    while (q.next()) {
        if (page.events.size() == query.limit) {
            page.hasMore = true;
            break;
        }
        page.events.append(readEvent(q));
    }
    return page;
}

AuditEvent AuditLog::head(QSqlDatabase &db)
{
    Sql q(db, QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM audit_events ORDER BY seq DESC LIMIT 1"));
    q.exec();
    if (q.next())
        return readEvent(q);
    AuditEvent genesis;
    genesis.hash = AuditChain::genesisHash();
    return genesis;
}

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
// ApiServer: /audit-events and the signed chain head.
#include "ApiExchange.h"

#include "AuditLog.h"
#include "CanonicalJson.h"
#include "Database.h"
#include "ServerSecrets.h"
#include "Timestamps.h"
#include "UserStore.h"

#include <QJsonArray>

namespace keyward::server {

void ApiServer::listAuditEvents(const ExchangePtr &ex)
{
    if (!checkQuery(ex, {QStringLiteral("action"), QStringLiteral("actor"), QStringLiteral("key_id"),
                         QStringLiteral("ip"), QStringLiteral("since"), QStringLiteral("until"), QStringLiteral("q"),
                         QStringLiteral("limit"), QStringLiteral("starting_after")}))
        return;
    const auto limit = limitParam(ex, 100, 500);
    if (!limit)
        return;
    AuditQuery query;
    query.limit = *limit;
    QJsonObject problems;
    for (const QString &a : ex->query.allQueryItemValues(QStringLiteral("action"), QUrl::FullyDecoded)) {
        for (const QString &part : a.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (part.size() > 100)
                problems.insert(QStringLiteral("action"), QStringLiteral("Too long."));
            else
                query.actions.append(part.trimmed());
        }
    }
    if (query.actions.size() > 20)
        problems.insert(QStringLiteral("action"), QStringLiteral("At most 20 actions."));
    auto item = [&](const char *name) {
        return ex->query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).left(200);
    };
    query.actor = item("actor");
    query.keyId = item("key_id");
    query.ip = item("ip");
    query.text = item("q");
    for (const char *name : {"since", "until"}) {
        const QString value = item(name);
        if (value.isEmpty())
            continue;
        const auto t = parseRfc3339(value);
        if (!t) {
            problems.insert(QLatin1String(name), QStringLiteral("Must be an RFC 3339 time."));
            continue;
        }
        (qstrcmp(name, "since") == 0 ? query.sinceMs : query.untilMs) = t->toMSecsSinceEpoch();
    }
    const QString after = item("starting_after");
    if (!after.isEmpty()) {
        query.beforeSeq = AuditEvent::seqFromId(after);
        if (query.beforeSeq == 0)
            problems.insert(QStringLiteral("starting_after"), QStringLiteral("Must be an event id such as evt_123."));
    }
    if (!problems.isEmpty()) {
        finish(ex, validationError(ex, problems));
        return;
    }
    const QString orgId = ex->principal.orgId;
    runRead(ex, [orgId, query](QSqlDatabase &db) {
        const AuditPage page = AuditLog::list(db, orgId, query);
        QJsonArray data;
        for (const AuditEvent &e : page.events)
            data.append(e.toJson());
        return Reply::json(200, {{QStringLiteral("object"), QStringLiteral("list")},
                                 {QStringLiteral("data"), data},
                                 {QStringLiteral("has_more"), page.hasMore},
                                 {QStringLiteral("next_cursor"), page.hasMore ? QJsonValue(page.events.last().id())
                                                                               : QJsonValue()}});
    });
}

void ApiServer::getAuditHead(const ExchangePtr &ex)
{
    if (!checkQuery(ex, {}))
        return;
    runRead(ex, [this](QSqlDatabase &db) {
        const AuditEvent head = AuditLog::head(db);
        const QString signedAt = toRfc3339Ms(m_now());
        const QJsonObject claims {{QStringLiteral("id"), head.seq ? QJsonValue(head.id()) : QJsonValue()},
                                  {QStringLiteral("seq"), head.seq},
                                  {QStringLiteral("hash"), head.hash},
                                  {QStringLiteral("signed_at"), signedAt}};
        QJsonObject out = claims;
        out.insert(QStringLiteral("object"), QStringLiteral("audit_head"));
        out.insert(QStringLiteral("at"), head.seq ? QJsonValue(toRfc3339Ms(head.atMs)) : QJsonValue());
        out.insert(QStringLiteral("jws"), QString::fromLatin1(m_secrets.signJws(CanonicalJson::serialize(claims))));
        out.insert(QStringLiteral("jwk"), m_secrets.publicJwk());
        return Reply::json(200, out);
    });
}

void ApiServer::listUsers(const ExchangePtr &ex)
{
    if (!checkQuery(ex, {}))
        return;
    const QString orgId = ex->principal.orgId;
    runRead(ex, [orgId](QSqlDatabase &db) {
        QJsonArray data;
        for (const User &u : UserStore::list(db, orgId))
            data.append(u.toJson());
        return Reply::json(200, {{QStringLiteral("object"), QStringLiteral("list")},
                                 {QStringLiteral("data"), data},
                                 {QStringLiteral("has_more"), false},
                                 {QStringLiteral("next_cursor"), QJsonValue()}});
    });
}

void ApiServer::getJwks(const ExchangePtr &ex)
{
    Reply r = Reply::json(200, m_secrets.jwks());
    r.headers.append({QByteArray("Cache-Control"), QByteArray("public, max-age=300")});
    finish(ex, r);
}

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
// ApiServer: /audit-events, its histogram, the denied summary, the chain range for verification and the signed head.
#include "ApiExchange.h"

#include "AuditLog.h"
#include "CanonicalJson.h"
#include "Database.h"
#include "ServerSecrets.h"
#include "Timestamps.h"
#include "UserStore.h"

#include <QJsonArray>

namespace keyward::server {

namespace {
constexpr qint64 HourMs = 3'600'000;
constexpr qint64 DayMs = 24 * HourMs;
constexpr qint64 MaxBuckets = 2000;

QStringList filterParams()
{
    return {QStringLiteral("action"), QStringLiteral("actor"), QStringLiteral("key_id"), QStringLiteral("ip"),
            QStringLiteral("since"),  QStringLiteral("until"), QStringLiteral("q")};
}

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}
} // namespace

void ApiServer::readAuditFilters(const ExchangePtr &ex, AuditQuery &query, QJsonObject &problems) const
{
    for (const QString &a : ex->query.allQueryItemValues(QStringLiteral("action"), QUrl::FullyDecoded)) {
        for (const QString &part : a.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (part.size() > 100)
                problems.insert(QStringLiteral("action"), QStringLiteral("Too long."));
            else if (!part.trimmed().isEmpty())
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
        // 0 means "unbounded": a time at or before 1970 is the first millisecond after it.
        (qstrcmp(name, "since") == 0 ? query.sinceMs : query.untilMs) = qMax<qint64>(1, t->toMSecsSinceEpoch());
    }
}

void ApiServer::listAuditEvents(const ExchangePtr &ex)
{
    if (!checkQuery(ex, filterParams() + QStringList {QStringLiteral("limit"), QStringLiteral("starting_after")}))
        return;
    const auto limit = limitParam(ex, 100, 500);
    if (!limit)
        return;
    AuditQuery query;
    query.limit = *limit;
    QJsonObject problems;
    readAuditFilters(ex, query, problems);
    const QString after = ex->query.queryItemValue(QStringLiteral("starting_after"), QUrl::FullyDecoded);
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
    runRead(ex, [this, ex, orgId, query](QSqlDatabase &db) {
        if (query.beforeSeq > 0 && AuditLog::orgOf(db, query.beforeSeq) != orgId)
            return validationError(ex, {{QStringLiteral("starting_after"),
                                         QStringLiteral("No event of this organisation has this id; pass a "
                                                        "next_cursor you received.")}});
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

void ApiServer::getAuditHistogram(const ExchangePtr &ex)
{
    if (!checkQuery(ex, filterParams() + QStringList {QStringLiteral("bucket"), QStringLiteral("utc_offset")}))
        return;
    AuditQuery query;
    QJsonObject problems;
    readAuditFilters(ex, query, problems);
    const QString bucket = ex->query.queryItemValue(QStringLiteral("bucket"), QUrl::FullyDecoded);
    qint64 bucketMs = 0;
    if (bucket == QLatin1String("hour"))
        bucketMs = HourMs;
    else if (bucket == QLatin1String("day"))
        bucketMs = DayMs;
    else
        problems.insert(QStringLiteral("bucket"), QStringLiteral("Must be hour or day."));
    int offsetMinutes = 0;
    if (ex->query.hasQueryItem(QStringLiteral("utc_offset"))) {
        bool ok = false;
        offsetMinutes = ex->query.queryItemValue(QStringLiteral("utc_offset")).toInt(&ok);
        if (!ok || offsetMinutes < -840 || offsetMinutes > 840)
            problems.insert(QStringLiteral("utc_offset"),
                            QStringLiteral("Must be whole minutes east of UTC, from -840 to 840."));
    }
    if (problems.isEmpty()) {
        // Buckets start at local midnights (day) or whole local hours (hour) for the offset; since
        // is moved back to the start of its bucket, until stays as given (exclusive).
        const qint64 offsetMs = qint64(offsetMinutes) * 60'000;
        const qint64 until = query.untilMs > 0 ? query.untilMs : m_now();
        const qint64 since = query.sinceMs > 0 ? query.sinceMs : until - (bucketMs == DayMs ? 30 : 7) * DayMs;
        query.sinceMs = floorDiv(since + offsetMs, bucketMs) * bucketMs - offsetMs;
        query.untilMs = until;
        const qint64 buckets = floorDiv(query.untilMs - query.sinceMs + bucketMs - 1, bucketMs);
        if (query.sinceMs >= query.untilMs)
            problems.insert(QStringLiteral("since"), QStringLiteral("Must be before until."));
        else if (buckets > MaxBuckets)
            problems.insert(QStringLiteral("since"),
                            QStringLiteral("From since to until is %1 %2 buckets; at most %3 are allowed: move since "
                                           "closer to until or use day buckets.")
                                .arg(buckets).arg(bucket).arg(MaxBuckets));
    }
    if (!problems.isEmpty()) {
        finish(ex, validationError(ex, problems));
        return;
    }
    const QString orgId = ex->principal.orgId;
    runRead(ex, [orgId, query, bucket, bucketMs, offsetMinutes](QSqlDatabase &db) {
        const QList<AuditBucket> buckets = AuditLog::histogram(db, orgId, query, bucketMs, qint64(offsetMinutes) * 60'000);
        QJsonArray data;
        for (const AuditBucket &b : buckets) {
            QJsonObject counts;
            for (auto it = b.counts.cbegin(); it != b.counts.cend(); ++it)
                counts.insert(it.key(), it.value());
            data.append(QJsonObject {{QStringLiteral("start"), toRfc3339Ms(b.startMs)},
                                     {QStringLiteral("total"), b.total},
                                     {QStringLiteral("counts"), counts}});
        }
        return Reply::json(200, {{QStringLiteral("object"), QStringLiteral("audit_histogram")},
                                 {QStringLiteral("bucket"), bucket},
                                 {QStringLiteral("since"), toRfc3339Ms(query.sinceMs)},
                                 {QStringLiteral("until"), toRfc3339Ms(query.untilMs)},
                                 {QStringLiteral("utc_offset"), offsetMinutes},
                                 {QStringLiteral("buckets"), data}});
    });
}

void ApiServer::getAuditDeniedSummary(const ExchangePtr &ex)
{
    if (!checkQuery(ex, {QStringLiteral("since"), QStringLiteral("until"), QStringLiteral("key_id"), QStringLiteral("ip"),
                         QStringLiteral("limit")}))
        return;
    const auto limit = limitParam(ex, 20, 100);
    if (!limit)
        return;
    AuditQuery query;
    QJsonObject problems;
    readAuditFilters(ex, query, problems);
    // The range as asked (readAuditFilters moves times before 1970 to its first millisecond).
    auto asked = [&](const char *name) -> std::optional<qint64> {
        const auto t = parseRfc3339(ex->query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).left(200));
        return t ? std::optional<qint64>(t->toMSecsSinceEpoch()) : std::nullopt;
    };
    const qint64 untilMs = asked("until").value_or(m_now());
    const qint64 sinceMs = asked("since").value_or(untilMs - 30 * DayMs);
    if (problems.isEmpty() && sinceMs >= untilMs)
        problems.insert(QStringLiteral("since"), QStringLiteral("Must be before until."));
    if (!problems.isEmpty()) {
        finish(ex, validationError(ex, problems));
        return;
    }
    query.sinceMs = qMax<qint64>(1, sinceMs);
    query.untilMs = qMax<qint64>(1, untilMs);
    const QString orgId = ex->principal.orgId;
    runRead(ex, [orgId, query, sinceMs, untilMs, limit = *limit](QSqlDatabase &db) {
        if (query.untilMs <= 1) // all before 1970: nothing (0 would mean unbounded)
            return Reply::json(200, {{QStringLiteral("object"), QStringLiteral("denied_summary")},
                                     {QStringLiteral("since"), toRfc3339Ms(sinceMs)},
                                     {QStringLiteral("until"), toRfc3339Ms(untilMs)},
                                     {QStringLiteral("groups"), QJsonArray()},
                                     {QStringLiteral("group_count"), 0}});
        const AuditDeniedSummary summary = AuditLog::deniedSummary(db, orgId, query, limit);
        QJsonArray groups;
        for (const AuditDeniedGroup &g : summary.groups) {
            QJsonArray ips;
            for (const AuditDeniedIp &ip : g.ips)
                ips.append(QJsonObject {{QStringLiteral("ip"), ip.ip}, {QStringLiteral("count"), ip.count}});
            const bool key = !g.keyId.isEmpty();
            groups.append(QJsonObject {
                {QStringLiteral("key_id"), key ? QJsonValue(g.keyId) : QJsonValue()},
                {QStringLiteral("key_display"), key && !g.keyDisplay.isEmpty() ? QJsonValue(g.keyDisplay) : QJsonValue()},
                {QStringLiteral("reason"), g.reason},
                {QStringLiteral("count"), g.count},
                {QStringLiteral("first_at"), toRfc3339Ms(g.firstMs)},
                {QStringLiteral("last_at"), toRfc3339Ms(g.lastMs)},
                {QStringLiteral("ips"), ips},
                {QStringLiteral("ip_count"), g.ipCount}});
        }
        return Reply::json(200, {{QStringLiteral("object"), QStringLiteral("denied_summary")},
                                 {QStringLiteral("since"), toRfc3339Ms(sinceMs)},
                                 {QStringLiteral("until"), toRfc3339Ms(untilMs)},
                                 {QStringLiteral("groups"), groups},
                                 {QStringLiteral("group_count"), summary.groupCount}});
    });
}

void ApiServer::getAuditChain(const ExchangePtr &ex)
{
    if (!checkQuery(ex, {QStringLiteral("after_seq"), QStringLiteral("limit")}))
        return;
    const auto limit = limitParam(ex, 500, 1000);
    if (!limit)
        return;
    qint64 afterSeq = 0;
    if (ex->query.hasQueryItem(QStringLiteral("after_seq"))) {
        bool ok = false;
        afterSeq = ex->query.queryItemValue(QStringLiteral("after_seq")).toLongLong(&ok);
        if (!ok || afterSeq < 0) {
            finish(ex, validationError(ex, {{QStringLiteral("after_seq"),
                                             QStringLiteral("Must be a whole number from 0: the seq of the last "
                                                            "event you have.")}}));
            return;
        }
    }
    const QString orgId = ex->principal.orgId;
    runRead(ex, [orgId, afterSeq, limit = *limit](QSqlDatabase &db) {
        // The chain is global: events of other organisations keep their place and their link
        // (prev_hash, hash) so the range verifies, but nothing of their content.
        const AuditChainPage page = AuditLog::chain(db, afterSeq, limit);
        QJsonArray data;
        for (const AuditChainEntry &entry : page.entries)
            data.append(entry.toJsonFor(orgId));
        return Reply::json(200, {{QStringLiteral("object"), QStringLiteral("list")},
                                 {QStringLiteral("data"), data},
                                 {QStringLiteral("has_more"), page.hasMore},
                                 {QStringLiteral("next_after_seq"), page.entries.isEmpty()
                                      ? QJsonValue()
                                      : QJsonValue(page.entries.last().event.seq)}});
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

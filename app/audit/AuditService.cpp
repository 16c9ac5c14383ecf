// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditService.h"

#include "AuditEvent.h"
#include "Timestamps.h"

#include <QJsonArray>
#include <QPointer>

namespace keyward {

namespace {

const QString EventsPath = QStringLiteral("/audit-events");

bool isHexHash(const QJsonValue &v)
{
    const QString s = v.toString();
    if (s.size() != 64)
        return false;
    for (const QChar c : s) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

// A JSON number that is a whole number (JSON has no integers; QJsonValue keeps doubles).
bool isWholeNumber(const QJsonValue &v, qint64 min = 0)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return d >= double(min) && d <= 9007199254740992.0 && d == double(qint64(d));
}

// The query value as the server reads it back: percent-encoded here, so '%', '+', '&' and '#'
// in a search arrive as typed.
void addItem(QUrlQuery &query, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
}

ApiFailure malformed(const ApiResponse &response, const QString &what)
{
    return ApiFailure::unparsable(response.status, response.requestId, what);
}

} // namespace

bool AuditFilter::isEmpty() const
{
    return actions.isEmpty() && actor.isEmpty() && keyId.isEmpty() && ip.isEmpty() && !since.isValid()
        && !until.isValid() && text.isEmpty();
}

QUrlQuery AuditFilter::toQuery() const
{
    QUrlQuery q;
    QStringList names;
    for (const QString &a : actions) {
        const QString trimmed = a.trimmed();
        if (!trimmed.isEmpty())
            names.append(trimmed);
    }
    addItem(q, QStringLiteral("action"), names.join(QLatin1Char(',')));
    addItem(q, QStringLiteral("actor"), actor);
    addItem(q, QStringLiteral("key_id"), keyId);
    addItem(q, QStringLiteral("ip"), ip);
    if (since.isValid())
        addItem(q, QStringLiteral("since"), toRfc3339Ms(since.toMSecsSinceEpoch()));
    if (until.isValid())
        addItem(q, QStringLiteral("until"), toRfc3339Ms(until.toMSecsSinceEpoch()));
    addItem(q, QStringLiteral("q"), text);
    return q;
}

bool AuditFilter::matches(const QJsonObject &event, bool *decidable) const
{
    if (decidable)
        *decidable = text.isEmpty();
    const QString action = event.value(QStringLiteral("action")).toString();
    if (!actions.isEmpty()) {
        bool any = false;
        for (const QString &raw : actions) {
            const QString a = raw.trimmed();
            if (a.isEmpty())
                continue;
            if (a.endsWith(QLatin1Char('.')) ? action.startsWith(a) : action == a) {
                any = true;
                break;
            }
        }
        if (!any)
            return false;
    }
    const QString actorId = event.value(QStringLiteral("actor")).toObject().value(QStringLiteral("id")).toString();
    const QString targetId = event.value(QStringLiteral("target")).toObject().value(QStringLiteral("id")).toString();
    if (!actor.isEmpty() && actorId != actor)
        return false;
    if (!keyId.isEmpty() && targetId != keyId && actorId != keyId)
        return false;
    if (!ip.isEmpty() && event.value(QStringLiteral("ip")).toString() != ip)
        return false;
    if (since.isValid() || until.isValid()) {
        const auto at = parseRfc3339(event.value(QStringLiteral("at")).toString());
        if (!at)
            return false;
        if (since.isValid() && at->toMSecsSinceEpoch() < since.toMSecsSinceEpoch())
            return false;
        if (until.isValid() && at->toMSecsSinceEpoch() >= until.toMSecsSinceEpoch())
            return false;
    }
    return true; // with a text search: as far as the app can tell
}

qint64 AuditHistogram::total() const
{
    qint64 sum = 0;
    for (const AuditHistogramBucket &b : buckets)
        sum += b.total;
    return sum;
}

AuditService::AuditService(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) { }

bool AuditService::isWellFormedEvent(const QJsonObject &e)
{
    return AuditEvent::seqFromId(e.value(QStringLiteral("id")).toString()) > 0
        && e.value(QStringLiteral("at")).isString()
        && e.value(QStringLiteral("action")).isString() && e.value(QStringLiteral("actor")).isObject()
        && e.value(QStringLiteral("target")).isObject() && isHexHash(e.value(QStringLiteral("hash")))
        && isHexHash(e.value(QStringLiteral("prev_hash")));
}

bool AuditService::isWellFormedStub(const QJsonObject &e)
{
    return AuditEvent::seqFromId(e.value(QStringLiteral("id")).toString()) > 0
        && e.value(QStringLiteral("redacted")).toBool() && isHexHash(e.value(QStringLiteral("hash")))
        && isHexHash(e.value(QStringLiteral("prev_hash")));
}

ApiCall *AuditService::page(const AuditFilter &filter, const QString &cursor, int limit, QObject *context,
                            std::function<void(const Result<AuditPage> &)> done)
{
    const int n = qBound(1, limit, MaxPageSize);
    return m_api->send(JsonPage::request(EventsPath, filter.toQuery(), cursor, n), context,
                       [done, n](const Result<ApiResponse> &r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        const Result<JsonPage> page = JsonPage::fromResponse(r.value());
        if (!page.ok()) {
            done(page.error());
            return;
        }
        if (page.value().items.size() > n) {
            done(malformed(r.value(), ApiFailure::tr("more audit events than asked for")));
            return;
        }
        AuditPage out;
        out.hasMore = page.value().hasMore;
        out.nextCursor = page.value().nextCursor;
        out.events.reserve(page.value().items.size());
        for (const QJsonValue &v : page.value().items) {
            if (!v.isObject() || !isWellFormedEvent(v.toObject())) {
                done(malformed(r.value(), ApiFailure::tr("an audit event without its id, time, action or hashes")));
                return;
            }
            out.events.append(v.toObject());
        }
        if (out.hasMore && AuditEvent::seqFromId(out.nextCursor) == 0) {
            done(malformed(r.value(), ApiFailure::tr("a page of audit events whose cursor is not an event id")));
            return;
        }
        done(out);
    });
}

ApiCall *AuditService::histogram(const AuditFilter &filter, AuditHistogram::Bucket bucket, int utcOffsetMinutes,
                                 QObject *context, std::function<void(const Result<AuditHistogram> &)> done)
{
    QUrlQuery query = filter.toQuery();
    const bool hourly = bucket == AuditHistogram::Bucket::Hour;
    query.addQueryItem(QStringLiteral("bucket"), hourly ? QStringLiteral("hour") : QStringLiteral("day"));
    query.addQueryItem(QStringLiteral("utc_offset"), QString::number(qBound(-14 * 60, utcOffsetMinutes, 14 * 60)));
    return m_api->send(ApiRequest::get(EventsPath + QStringLiteral("/histogram"), query), context,
                       [done](const Result<ApiResponse> &r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        const ApiResponse &response = r.value();
        const QJsonObject o = response.json.object();
        if (o.value(QStringLiteral("object")).toString() != QLatin1String("audit_histogram")
            || !o.value(QStringLiteral("buckets")).isArray()) {
            done(malformed(response, ApiFailure::tr("an audit histogram without buckets")));
            return;
        }
        AuditHistogram h;
        const QString bucketName = o.value(QStringLiteral("bucket")).toString();
        if (bucketName == QLatin1String("hour"))
            h.bucket = AuditHistogram::Bucket::Hour;
        else if (bucketName == QLatin1String("day"))
            h.bucket = AuditHistogram::Bucket::Day;
        else {
            done(malformed(response, ApiFailure::tr("an audit histogram with an unknown bucket size")));
            return;
        }
        if (const auto since = parseRfc3339(o.value(QStringLiteral("since")).toString()))
            h.since = *since;
        if (const auto until = parseRfc3339(o.value(QStringLiteral("until")).toString()))
            h.until = *until;
        h.utcOffsetMinutes = o.value(QStringLiteral("utc_offset")).toInt();
        QDateTime previous;
        for (const QJsonValue &v : o.value(QStringLiteral("buckets")).toArray()) {
            const QJsonObject b = v.toObject();
            const auto start = parseRfc3339(b.value(QStringLiteral("start")).toString());
            if (!start || !isWholeNumber(b.value(QStringLiteral("total")))
                || !b.value(QStringLiteral("counts")).isObject()
                || (previous.isValid() && *start <= previous)) {
                done(malformed(response, ApiFailure::tr("an audit histogram with a malformed bucket")));
                return;
            }
            AuditHistogramBucket bucketOut;
            bucketOut.start = start->toUTC();
            bucketOut.total = b.value(QStringLiteral("total")).toInteger();
            const QJsonObject counts = b.value(QStringLiteral("counts")).toObject();
            for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
                if (!isWholeNumber(it.value())) {
                    done(malformed(response, ApiFailure::tr("an audit histogram with a malformed bucket")));
                    return;
                }
                bucketOut.counts.insert(it.key(), it.value().toInteger());
            }
            previous = bucketOut.start;
            h.buckets.append(bucketOut);
        }
        done(h);
    });
}

bool DeniedSummaryGroup::isDeadKey() const
{
    return !keyId.isEmpty()
        && (reason == QLatin1String("revoked key") || reason == QLatin1String("expired key")
            || reason == QLatin1String("deleted key"));
}

ApiCall *AuditService::deniedSummary(const QDateTime &since, const QDateTime &until, const QString &keyId,
                                     QObject *context, std::function<void(const Result<DeniedSummary> &)> done,
                                     int limit)
{
    AuditFilter filter;
    filter.since = since;
    filter.until = until;
    filter.keyId = keyId;
    QUrlQuery query = filter.toQuery();
    query.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, 100)));
    return m_api->send(ApiRequest::get(EventsPath + QStringLiteral("/denied-summary"), query), context,
                       [done](const Result<ApiResponse> &r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        const ApiResponse &response = r.value();
        const QJsonObject o = response.json.object();
        const auto servedSince = parseRfc3339(o.value(QStringLiteral("since")).toString());
        const auto servedUntil = parseRfc3339(o.value(QStringLiteral("until")).toString());
        if (o.value(QStringLiteral("object")).toString() != QLatin1String("denied_summary")
            || !o.value(QStringLiteral("groups")).isArray() || !servedSince || !servedUntil) {
            done(malformed(response, ApiFailure::tr("a denied-requests summary without groups")));
            return;
        }
        DeniedSummary summary;
        summary.since = servedSince->toUTC();
        summary.until = servedUntil->toUTC();
        auto bad = [&] { done(malformed(response, ApiFailure::tr("a denied-requests summary with a malformed group"))); };
        for (const QJsonValue &v : o.value(QStringLiteral("groups")).toArray()) {
            const QJsonObject g = v.toObject();
            const QJsonValue id = g.value(QStringLiteral("key_id"));
            const QJsonValue display = g.value(QStringLiteral("key_display"));
            const auto first = parseRfc3339(g.value(QStringLiteral("first_at")).toString());
            const auto last = parseRfc3339(g.value(QStringLiteral("last_at")).toString());
            if (!v.isObject() || !(id.isNull() || (id.isString() && !id.toString().isEmpty()))
                || !(display.isNull() || display.isString()) || !g.value(QStringLiteral("reason")).isString()
                || !isWholeNumber(g.value(QStringLiteral("count")), 1) || !first || !last || *last < *first
                || !isWholeNumber(g.value(QStringLiteral("ip_count"))) || !g.value(QStringLiteral("ips")).isArray()) {
                bad();
                return;
            }
            DeniedSummaryGroup group;
            group.keyId = id.toString();
            group.keyDisplay = display.toString();
            group.reason = g.value(QStringLiteral("reason")).toString();
            group.count = g.value(QStringLiteral("count")).toInteger();
            group.firstAt = first->toUTC();
            group.lastAt = last->toUTC();
            group.ipCount = g.value(QStringLiteral("ip_count")).toInteger();
            for (const QJsonValue &ipValue : g.value(QStringLiteral("ips")).toArray()) {
                const QJsonObject ip = ipValue.toObject();
                if (!ip.value(QStringLiteral("ip")).isString() || ip.value(QStringLiteral("ip")).toString().isEmpty()
                    || !isWholeNumber(ip.value(QStringLiteral("count")), 1)) {
                    bad();
                    return;
                }
                group.ips.append({ip.value(QStringLiteral("ip")).toString(), ip.value(QStringLiteral("count")).toInteger()});
            }
            if (group.ips.size() > group.ipCount) {
                bad();
                return;
            }
            summary.groups.append(group);
        }
        const QJsonValue groupCount = o.value(QStringLiteral("group_count"));
        summary.groupCount = isWholeNumber(groupCount) ? qMax<qint64>(groupCount.toInteger(), summary.groups.size())
                                                       : summary.groups.size();
        done(summary);
    });
}

ApiCall *AuditService::head(QObject *context, std::function<void(const Result<AuditHead> &)> done)
{
    return m_api->send(ApiRequest::get(EventsPath + QStringLiteral("/head")), context,
                       [done](const Result<ApiResponse> &r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        const ApiResponse &response = r.value();
        const QJsonObject o = response.json.object();
        AuditHead h;
        const QJsonValue id = o.value(QStringLiteral("id"));
        h.id = id.toString();
        h.seq = o.value(QStringLiteral("seq")).toInteger(-1);
        h.hash = o.value(QStringLiteral("hash")).toString();
        h.signedAt = o.value(QStringLiteral("signed_at")).toString();
        if (const auto at = parseRfc3339(o.value(QStringLiteral("at")).toString()))
            h.at = *at;
        h.jws = o.value(QStringLiteral("jws")).toString().toLatin1();
        h.jwk = o.value(QStringLiteral("jwk")).toObject();
        const bool idOk = h.seq == 0 ? (id.isNull() || id.isUndefined()) : AuditEvent::seqFromId(h.id) == h.seq;
        if (o.value(QStringLiteral("object")).toString() != QLatin1String("audit_head")
            || !isWholeNumber(o.value(QStringLiteral("seq"))) || !idOk || !isHexHash(o.value(QStringLiteral("hash")))
            || h.jws.isEmpty() || h.jwk.isEmpty() || !parseRfc3339(h.signedAt)) {
            done(malformed(response, ApiFailure::tr("a signed audit head that is incomplete")));
            return;
        }
        done(h);
    });
}

ApiCall *AuditService::chain(qint64 afterSeq, int limit, QObject *context,
                             std::function<void(const Result<AuditChainPage> &)> done)
{
    QUrlQuery query;
    const int n = qBound(1, limit, MaxChainPage);
    query.addQueryItem(QStringLiteral("after_seq"), QString::number(qMax<qint64>(0, afterSeq)));
    query.addQueryItem(QStringLiteral("limit"), QString::number(n));
    return m_api->send(ApiRequest::get(EventsPath + QStringLiteral("/chain"), query), context,
                       [done, n](const Result<ApiResponse> &r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        const ApiResponse &response = r.value();
        const QJsonObject o = response.json.object();
        if (!o.value(QStringLiteral("data")).isArray() || !o.value(QStringLiteral("has_more")).isBool()) {
            done(malformed(response, ApiFailure::tr("a piece of the audit chain without data")));
            return;
        }
        AuditChainPage page;
        page.hasMore = o.value(QStringLiteral("has_more")).toBool();
        const QJsonValue next = o.value(QStringLiteral("next_after_seq"));
        if (page.hasMore) {
            if (!isWholeNumber(next, 1)) {
                done(malformed(response, ApiFailure::tr("a piece of the audit chain without a cursor")));
                return;
            }
            page.nextAfterSeq = next.toInteger();
        }
        const QJsonArray data = o.value(QStringLiteral("data")).toArray();
        if (data.size() > n) {
            done(malformed(response, ApiFailure::tr("more of the audit chain than asked for")));
            return;
        }
        page.entries.reserve(data.size());
        for (const QJsonValue &v : data) {
            const QJsonObject e = v.toObject();
            if (!v.isObject() || !(isWellFormedEvent(e) || isWellFormedStub(e))) {
                done(malformed(response, ApiFailure::tr("an entry of the audit chain without its id or hashes")));
                return;
            }
            page.entries.append(e);
        }
        done(page);
    });
}

AuditLogModel::Fetcher AuditService::fetcherFor(const AuditFilter &filter, QObject *context)
{
    QPointer<AuditService> self(this);
    QPointer<QObject> guard(context);
    return [self, guard, filter](const QString &cursor, int limit,
                                 std::function<void(const AuditLogModel::FetchedPage &)> done) {
        if (!self || !guard) {
            done({{}, false, {}, ApiFailure::cancelled().message});
            return;
        }
        self->page(filter, cursor, limit, guard, [done](const Result<AuditPage> &r) {
            AuditLogModel::FetchedPage out;
            if (r.ok()) {
                out.events = r.value().events;
                out.hasMore = r.value().hasMore;
                out.nextCursor = r.value().nextCursor;
            } else {
                out.error = r.error().text();
            }
            done(out);
        });
    };
}

} // namespace keyward

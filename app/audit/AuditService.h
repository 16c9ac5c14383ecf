// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiClient.h"
#include "AuditLogModel.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrlQuery>

#include <functional>

namespace keyward {

// What the audit log view is narrowed to. Every field is optional; they combine with AND.
struct AuditFilter
{
    QStringList actions; // exact names ("secret_key.revoked") or prefixes ending in "." ("auth.")
    QString actor;       // an actor id (usr_…, key_…)
    QString keyId;       // a key as actor or target
    QString ip;
    QDateTime since;     // inclusive
    QDateTime until;     // exclusive
    QString text;        // free text over actor, target, action and details

    bool isEmpty() const;
    // The query items of GET /audit-events and /audit-events/histogram (no paging items).
    QUrlQuery toQuery() const;
    // Whether an event (full JSON) is one the server's filter would list. `decidable` is set
    // false when the answer depends on the free-text search, which only the server evaluates.
    bool matches(const QJsonObject &event, bool *decidable = nullptr) const;

    friend bool operator==(const AuditFilter &, const AuditFilter &) = default;
};

// A page of GET /audit-events: the events exactly as served (their JSON is what the chain
// hashes, so it is never re-serialised from a struct), newest first.
struct AuditPage
{
    QList<QJsonObject> events;
    bool hasMore = false;
    QString nextCursor;
};

struct AuditHistogramBucket
{
    QDateTime start; // UTC; the bucket starts at local midnight/hour for the requested offset
    qint64 total = 0;
    QHash<QString, qint64> counts; // per action
};

struct AuditHistogram
{
    enum class Bucket { Hour, Day };
    Bucket bucket = Bucket::Day;
    QDateTime since;
    QDateTime until;
    int utcOffsetMinutes = 0;
    QList<AuditHistogramBucket> buckets; // non-empty ones, oldest first
    qint64 total() const;
};

// GET /audit-events/denied-summary: the organisation's denied requests grouped by the key used
// and the server's reason.
struct DeniedSummaryIp
{
    QString ip;
    qint64 count = 0;
};

struct DeniedSummaryGroup
{
    QString keyId;      // empty when the caller was not a key (no, malformed or unknown credentials)
    QString keyDisplay; // "billing (skey_••••3f9a)", empty with keyId
    QString reason;     // exactly as the server writes it: "revoked key", "missing credentials", …
    qint64 count = 0;
    QDateTime firstAt;  // UTC
    QDateTime lastAt;   // UTC
    QList<DeniedSummaryIp> ips; // the most frequent addresses (at most 5), most frequent first
    qint64 ipCount = 0;         // distinct addresses

    // A revoked, expired or deleted key still being used: the sign of a leaked key.
    bool isDeadKey() const;
};

struct DeniedSummary
{
    QDateTime since;
    QDateTime until;
    QList<DeniedSummaryGroup> groups; // dead keys first, then by count, as the server ordered them
    qint64 groupCount = 0;            // all groups in the range; more than groups.size() when limited
};

// GET /audit-events/head: the newest event of the whole chain, signed by the server.
struct AuditHead
{
    QString id; // empty when the log is empty
    qint64 seq = 0;
    QString hash;
    QString signedAt;  // as sent: compared with the JWS payload
    QDateTime at;      // the event's time
    QByteArray jws;    // compact ES256 JWS over RFC 8785 JSON {hash,id,seq,signed_at}
    QJsonObject jwk;   // the public key that signed it
};

// A page of GET /audit-events/chain: entries oldest first, events of other organisations as
// stubs {"id","redacted":true,"prev_hash","hash"}.
struct AuditChainPage
{
    QList<QJsonObject> entries;
    bool hasMore = false;
    qint64 nextAfterSeq = 0;
};

// The audit endpoints as typed calls, one instance per session like KeysService. Every answer is
// checked for the shape the API promises; anything else is an ApiFailure with a sentence, never
// a crash or a half-read value. Calls return the ApiCall so a closed page can cancel it. The
// calls are virtual so a test can stand between the verifier and the server.
class AuditService : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultPageSize = AuditLogModel::DefaultPageSize;
    static constexpr int MaxPageSize = 500;
    static constexpr int MaxChainPage = 1000;

    explicit AuditService(ApiClient *api, QObject *parent = nullptr);

    // GET /audit-events, the page after `cursor` (empty: the newest).
    virtual ApiCall *page(const AuditFilter &filter, const QString &cursor, int limit, QObject *context,
                          std::function<void(const Result<AuditPage> &)> done);
    // GET /audit-events/histogram: counts per hour or day (local to utcOffsetMinutes) and action.
    virtual ApiCall *histogram(const AuditFilter &filter, AuditHistogram::Bucket bucket, int utcOffsetMinutes,
                               QObject *context, std::function<void(const Result<AuditHistogram> &)> done);
    // GET /audit-events/denied-summary over [since, until) (invalid: the server's default, the last
    // 30 days), for one key when keyId is set; at most `limit` groups (1 to 100).
    virtual ApiCall *deniedSummary(const QDateTime &since, const QDateTime &until, const QString &keyId,
                                   QObject *context, std::function<void(const Result<DeniedSummary> &)> done,
                                   int limit = 20);
    // GET /audit-events/head. The answer is only parsed here; HeadVerifier checks its signature.
    virtual ApiCall *head(QObject *context, std::function<void(const Result<AuditHead> &)> done);
    // GET /audit-events/chain: up to `limit` entries with seq > afterSeq, oldest first.
    virtual ApiCall *chain(qint64 afterSeq, int limit, QObject *context,
                           std::function<void(const Result<AuditChainPage> &)> done);

    // A fetcher for AuditLogModel over this service and a filter; `context` ends its calls.
    AuditLogModel::Fetcher fetcherFor(const AuditFilter &filter, QObject *context);

    // Shape checks shared with the tests: an event or chain entry as the API promises it.
    static bool isWellFormedEvent(const QJsonObject &event);
    static bool isWellFormedStub(const QJsonObject &entry);

private:
    ApiClient *m_api;
};

} // namespace keyward

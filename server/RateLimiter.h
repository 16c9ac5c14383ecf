// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ServerConfig.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace keyward::server {

// Fixed-window counters per subject (an organisation, or a client IP for anonymous calls).
// Lives on the HTTP thread; no locking, no I/O.
//
// Several instances on one database count together: each one periodically adds what it counted
// since the last time to the shared window in the database and learns the total
// (takeDeltas/applyTotals, driven by the server). A decision uses that total plus what this
// instance counted since, so N instances may together let through at most what each counted
// within one synchronisation period beyond the limit.
class RateLimiter
{
public:
    struct Decision
    {
        bool allowed = true;
        int limit = 0;
        int remaining = 0;
        qint64 resetEpochSeconds = 0; // when the current window ends
        int retryAfterSeconds = 0;
    };

    Decision check(const QString &subject, const RateLimit &limit, qint64 nowMs);
    // True when check() would refuse now; counts nothing.
    bool isExhausted(const QString &subject, const RateLimit &limit, qint64 nowMs) const;

    // Shared limits by leases (several instances, exact): an instance takes a share of the
    // window's budget from the database (leaseRequest, then leaseAnswered with what was granted)
    // and spends it here without I/O. The instances together never pass the limit; unspent
    // shares of idle instances may make the others refuse a little early (at most one share
    // each).
    enum class LeaseCheck { Allowed, Refused, NeedLease };
    LeaseCheck checkLeased(const QString &subject, const RateLimit &limit, qint64 nowMs, Decision *decision);
    struct LeaseRequest
    {
        QString subject;
        qint64 windowStartMs = 0;
        int want = 0;
        int limit = 0;
    };
    // What to ask the database for; nullopt when a request for this subject is already out.
    std::optional<LeaseRequest> leaseRequest(const QString &subject, const RateLimit &limit, qint64 nowMs);
    // granted: units added to this instance's share (0: none left); totalAfter: the window's
    // total in the database afterwards; granted < 0: the database could not be asked, and the
    // instance falls back to counting alone for this share.
    void leaseAnswered(const LeaseRequest &request, int granted, qint64 totalAfter);

    struct Delta
    {
        QString subject;
        qint64 windowStartMs = 0;
        int count = 0; // counted here since the last synchronisation (may be 0: a refresh)
    };
    // The counts of the subjects active in their current window, moved to "in flight" until
    // applyTotals() answers for them. At most maxSubjects, busiest first.
    QList<Delta> takeDeltas(qint64 nowMs, int maxSubjects = 1000);
    // The totals in the shared store after adding each delta (same order); -1 when unknown
    // (the store could not be reached: the counts in flight stay counted here).
    void applyTotals(const QList<Delta> &sent, const QList<qint64> &totals);

private:
    struct Window
    {
        qint64 startMs = 0;
        qint64 windowMs = 0;
        int local = 0;    // counted here, not yet sent
        int inFlight = 0; // sent, not yet answered
        qint64 shared = 0; // the shared total when last answered (this instance's sent counts included)
        qint64 lastUsedMs = 0;
        bool leased = false;       // counted by leases, not by deltas
        bool leaseOut = false;     // a lease request is out
        bool exhausted = false;    // the database said the window's budget is spent
        int share = 0;             // leased units not yet spent
    };
    Window &windowFor(const QString &subject, const RateLimit &limit, qint64 nowMs);
    QHash<QString, Window> m_windows;
    qint64 m_lastPurgeMs = 0;
};

} // namespace keyward::server

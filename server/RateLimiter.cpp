// SPDX-License-Identifier: GPL-3.0-or-later
#include "RateLimiter.h"

#include <algorithm>

namespace keyward::server {

RateLimiter::Window &RateLimiter::windowFor(const QString &subject, const RateLimit &limit, qint64 nowMs)
{
    const qint64 windowMs = qint64(limit.windowSeconds) * 1000;
    if (nowMs - m_lastPurgeMs > 60'000 && m_windows.size() > 1024) {
        m_lastPurgeMs = nowMs;
        m_windows.removeIf([&](const auto &it) { return nowMs - it.value().startMs > 3600'000 && !it.value().leaseOut; });
    }
    Window &w = m_windows[subject];
    const qint64 windowStart = nowMs - nowMs % windowMs;
    if (w.startMs != windowStart) {
        const bool leaseOut = w.leaseOut;
        w = Window();
        w.startMs = windowStart;
        w.windowMs = windowMs;
        w.leaseOut = leaseOut; // answered for the old window; ignored then
    }
    w.lastUsedMs = nowMs;
    return w;
}

RateLimiter::LeaseCheck RateLimiter::checkLeased(const QString &subject, const RateLimit &limit, qint64 nowMs,
                                                 Decision *d)
{
    Window &w = windowFor(subject, limit, nowMs);
    w.leased = true;
    d->limit = limit.limit;
    d->resetEpochSeconds = (w.startMs + w.windowMs + 999) / 1000;
    if (w.share > 0) {
        --w.share;
        ++w.local;
        d->allowed = true;
        d->remaining = int(qBound(qint64(0), qint64(limit.limit) - w.shared + w.share, qint64(limit.limit)));
        return LeaseCheck::Allowed;
    }
    if (w.exhausted) {
        d->allowed = false;
        d->remaining = 0;
        d->retryAfterSeconds = int(qMax<qint64>(1, (w.startMs + w.windowMs - nowMs + 999) / 1000));
        return LeaseCheck::Refused;
    }
    return LeaseCheck::NeedLease;
}

std::optional<RateLimiter::LeaseRequest> RateLimiter::leaseRequest(const QString &subject, const RateLimit &limit,
                                                                   qint64 nowMs)
{
    Window &w = windowFor(subject, limit, nowMs);
    if (w.leaseOut)
        return std::nullopt;
    w.leaseOut = true;
    // A twentieth of the budget at a time (at most 1000): one database round trip per share.
    const int want = qBound(1, limit.limit / 20, 1000);
    return LeaseRequest {subject, w.startMs, want, limit.limit};
}

void RateLimiter::leaseAnswered(const LeaseRequest &request, int granted, qint64 totalAfter)
{
    auto it = m_windows.find(request.subject);
    if (it == m_windows.end())
        return;
    it->leaseOut = false;
    if (it->startMs != request.windowStartMs)
        return; // the window moved on meanwhile
    if (granted < 0) {
        // The database is away: count alone until it answers again.
        it->share += request.want;
        return;
    }
    it->share += granted;
    it->shared = totalAfter;
    it->exhausted = granted == 0;
}

RateLimiter::Decision RateLimiter::check(const QString &subject, const RateLimit &limit, qint64 nowMs)
{
    Window &w = windowFor(subject, limit, nowMs);
    const qint64 windowStart = w.startMs;
    const qint64 windowMs = w.windowMs;
    Decision d;
    d.limit = limit.limit;
    d.resetEpochSeconds = (windowStart + windowMs + 999) / 1000;
    const qint64 used = w.shared + w.inFlight + w.local;
    if (used >= limit.limit) {
        d.allowed = false;
        d.remaining = 0;
        d.retryAfterSeconds = int(qMax<qint64>(1, (windowStart + windowMs - nowMs + 999) / 1000));
        return d;
    }
    ++w.local;
    d.remaining = int(limit.limit - used - 1);
    return d;
}

bool RateLimiter::isExhausted(const QString &subject, const RateLimit &limit, qint64 nowMs) const
{
    const auto it = m_windows.constFind(subject);
    if (it == m_windows.cend())
        return false;
    const qint64 windowMs = qint64(limit.windowSeconds) * 1000;
    if (it->startMs != nowMs - nowMs % windowMs)
        return false; // a new window: check() starts it afresh
    return it->shared + it->inFlight + it->local >= limit.limit;
}

QList<RateLimiter::Delta> RateLimiter::takeDeltas(qint64 nowMs, int maxSubjects)
{
    QList<Delta> out;
    for (auto it = m_windows.begin(); it != m_windows.end(); ++it) {
        Window &w = it.value();
        if (w.leased || w.windowMs <= 0 || nowMs - w.startMs >= w.windowMs || w.inFlight > 0)
            continue; // an old window, or one whose last synchronisation is still out
        out.append({it.key(), w.startMs, w.local});
    }
    std::sort(out.begin(), out.end(), [](const Delta &a, const Delta &b) { return a.count > b.count; });
    if (out.size() > maxSubjects)
        out.resize(maxSubjects);
    for (const Delta &d : std::as_const(out)) {
        Window &w = m_windows[d.subject];
        w.inFlight = d.count;
        w.local = 0;
    }
    return out;
}

void RateLimiter::applyTotals(const QList<Delta> &sent, const QList<qint64> &totals)
{
    for (qsizetype i = 0; i < sent.size(); ++i) {
        const Delta &d = sent.at(i);
        auto it = m_windows.find(d.subject);
        if (it == m_windows.end() || it->startMs != d.windowStartMs)
            continue; // the window moved on meanwhile
        const qint64 total = i < totals.size() ? totals.at(i) : -1;
        if (total < 0) {
            it->local += it->inFlight; // not stored: send it again next time
        } else {
            it->shared = total;
        }
        it->inFlight = 0;
    }
}

} // namespace keyward::server

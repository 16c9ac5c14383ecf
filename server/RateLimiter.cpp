// SPDX-License-Identifier: GPL-3.0-or-later
#include "RateLimiter.h"

namespace keyward::server {

RateLimiter::Decision RateLimiter::check(const QString &subject, const RateLimit &limit, qint64 nowMs)
{
    const qint64 windowMs = qint64(limit.windowSeconds) * 1000;
    if (nowMs - m_lastPurgeMs > 60'000 && m_windows.size() > 1024) {
        m_lastPurgeMs = nowMs;
        m_windows.removeIf([&](const auto &it) { return nowMs - it.value().startMs > 3600'000; });
    }
    Window &w = m_windows[subject];
    const qint64 windowStart = nowMs - nowMs % windowMs;
    if (w.startMs != windowStart) {
        w.startMs = windowStart;
        w.count = 0;
    }
    Decision d;
    d.limit = limit.limit;
    d.resetEpochSeconds = (windowStart + windowMs + 999) / 1000;
    if (w.count >= limit.limit) {
        d.allowed = false;
        d.remaining = 0;
        d.retryAfterSeconds = int(qMax<qint64>(1, (windowStart + windowMs - nowMs + 999) / 1000));
        return d;
    }
    ++w.count;
    d.remaining = limit.limit - w.count;
    return d;
}

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ServerConfig.h"

#include <QHash>
#include <QString>

namespace keyward::server {

// Fixed-window counters per subject (an organisation, or a client IP for anonymous calls).
// Lives on the HTTP thread; no locking.
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

private:
    struct Window
    {
        qint64 startMs = 0;
        int count = 0;
    };
    QHash<QString, Window> m_windows;
    qint64 m_lastPurgeMs = 0;
};

} // namespace keyward::server

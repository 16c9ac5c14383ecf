// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoginThrottle.h"

namespace keyward::server {

qint64 LoginThrottle::lockedFor(const QStringList &keys, qint64 nowMs) const
{
    QMutexLocker lock(&m_mutex);
    qint64 wait = 0;
    for (const QString &key : keys) {
        const auto it = m_entries.constFind(key);
        if (it != m_entries.cend() && it->lockedUntilMs > nowMs)
            wait = qMax(wait, it->lockedUntilMs - nowMs);
    }
    return wait;
}

void LoginThrottle::recordFailure(const QStringList &keys, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    if (m_entries.size() > 100'000)
        m_entries.removeIf([&](const auto &it) { return nowMs - it.value().lastFailureMs > MaxLockMs; });
    for (const QString &key : keys) {
        Entry &e = m_entries[key];
        // A quiet hour forgives earlier failures.
        if (nowMs - e.lastFailureMs > 3600'000)
            e.failures = 0;
        ++e.failures;
        e.lastFailureMs = nowMs;
        if (e.failures >= FreeAttempts) {
            const int doublings = qMin(e.failures - FreeAttempts, 20);
            e.lockedUntilMs = nowMs + qMin<qint64>(1000LL << doublings, MaxLockMs);
        }
    }
}

void LoginThrottle::recordSuccess(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    m_entries.remove(key);
}

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoginThrottle.h"

namespace keyward::server {

int LoginThrottle::freeAttempts(const QString &key)
{
    return key.startsWith(QLatin1String("ip:")) ? FreeAttemptsPerAddress : FreeAttemptsPerAccount;
}

qint64 LoginThrottle::beginAttempt(const QStringList &keys, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    qint64 wait = 0;
    for (const QString &key : keys) {
        const auto it = m_entries.constFind(key);
        if (it != m_entries.cend() && it->lockedUntilMs > nowMs)
            wait = qMax(wait, it->lockedUntilMs - nowMs);
    }
    if (wait > 0)
        return wait;
    if (m_entries.size() > 100'000)
        m_entries.removeIf([&](const auto &it) { return nowMs - it.value().lastFailureMs > MaxLockMs; });
    for (const QString &key : keys) {
        Entry &e = m_entries[key];
        if (nowMs - e.lastFailureMs > 3600'000) // a quiet hour forgives earlier failures
            e.failures = 0;
        ++e.failures;
        e.lastFailureMs = nowMs;
        const int free = freeAttempts(key);
        if (e.failures >= free) {
            const int doublings = qMin(e.failures - free, 20);
            e.lockedUntilMs = nowMs + qMin<qint64>(1000LL << doublings, MaxLockMs);
        }
    }
    return 0;
}

void LoginThrottle::succeeded(const QStringList &keys)
{
    QMutexLocker lock(&m_mutex);
    for (const QString &key : keys) {
        if (!key.startsWith(QLatin1String("ip:"))) {
            m_entries.remove(key);
            continue;
        }
        const auto it = m_entries.find(key);
        if (it == m_entries.end())
            continue;
        if (--it->failures < freeAttempts(key))
            it->lockedUntilMs = 0;
        if (it->failures <= 0)
            m_entries.erase(it);
    }
}

} // namespace keyward::server

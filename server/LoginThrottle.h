// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace keyward::server {

// Failed sign-ins per account and per client address, with growing lockouts: after five
// failures a key is locked for 1 s, then 2, 4, … up to 15 minutes. Thread-safe.
class LoginThrottle
{
public:
    static constexpr int FreeAttempts = 5;
    static constexpr qint64 MaxLockMs = 15 * 60 * 1000;

    // Milliseconds until any of the keys may try again; 0 when none is locked.
    qint64 lockedFor(const QStringList &keys, qint64 nowMs) const;
    void recordFailure(const QStringList &keys, qint64 nowMs);
    void recordSuccess(const QString &key);

private:
    struct Entry
    {
        int failures = 0;
        qint64 lockedUntilMs = 0;
        qint64 lastFailureMs = 0;
    };
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace keyward::server

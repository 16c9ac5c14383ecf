// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace keyward::server {

// Failed sign-ins per account ("acct:…") and per client address ("ip:…"), with growing lockouts:
// once a key has used its free attempts (5 per account, 20 per address, which many people may
// share), it is locked for 1 s, then 2, 4, … up to 15 minutes. An attempt is counted when it
// begins, atomically, so guesses sent in parallel cannot slip past the limit; a successful one
// gives its count back. Thread-safe.
class LoginThrottle
{
public:
    static constexpr int FreeAttemptsPerAccount = 5;
    static constexpr int FreeAttemptsPerAddress = 20;
    static constexpr qint64 MaxLockMs = 15 * 60 * 1000;

    // 0 when the attempt may go ahead (and is now counted); else milliseconds to wait.
    qint64 beginAttempt(const QStringList &keys, qint64 nowMs);
    // After a begun attempt: a success clears the account and refunds the address.
    void succeeded(const QStringList &keys);

private:
    struct Entry
    {
        int failures = 0;
        qint64 lockedUntilMs = 0;
        qint64 lastFailureMs = 0;
    };
    static int freeAttempts(const QString &key);

    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace keyward::server

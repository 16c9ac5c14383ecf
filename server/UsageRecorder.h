// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>

namespace keyward::server {

// Last use and per-day and per-minute request counts of each key, buffered in memory on the HTTP
// thread and written in one transaction per flush (at least once a second), never a disk write
// per request. Per-minute rows are kept for RetainMinutesMs and pruned by the expiry sweep.
class UsageRecorder
{
public:
    static constexpr qint64 MinuteMs = 60'000;
    static constexpr qint64 RetainMinutesMs = 2 * 3600 * 1000;
    static qint64 minuteStart(qint64 ms) { return ms - ((ms % MinuteMs) + MinuteMs) % MinuteMs; }

    struct Entry
    {
        qint64 lastUsedAtMs = 0;
        QString ip;
        QString userAgent;
        QHash<QString, qint64> perDay;    // "2026-11-29" -> requests
        QHash<qint64, qint64> perMinute;  // minute start, ms since the epoch (UTC) -> requests
    };
    using Batch = QHash<QString, Entry>; // by key id

    void record(const QString &keyId, qint64 atMs, const QString &ip, const QString &userAgent);
    Batch take();
    bool isEmpty() const { return m_pending.isEmpty(); }

    // Writes a batch; call inside Database::write.
    static void flush(QSqlDatabase &db, const Batch &batch);
    // Drops per-minute rows of minutes that started before olderThanMs; call inside Database::write.
    static void prune(QSqlDatabase &db, qint64 olderThanMs);

private:
    Batch m_pending;
};

} // namespace keyward::server

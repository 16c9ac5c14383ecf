// SPDX-License-Identifier: GPL-3.0-or-later
#include "UsageRecorder.h"

#include "Database.h"

#include <QDateTime>
#include <QTimeZone>

namespace keyward::server {

void UsageRecorder::record(const QString &keyId, qint64 atMs, const QString &ip, const QString &userAgent)
{
    Entry &e = m_pending[keyId];
    if (atMs >= e.lastUsedAtMs) {
        e.lastUsedAtMs = atMs;
        if (e.ip != ip)
            e.ip = ip;
        if (e.userAgent != userAgent)
            e.userAgent = userAgent;
    }
    // Day keys are cached per entry: formatting a date per request would dominate the cost.
    static thread_local qint64 cachedDayStart = -1;
    static thread_local QString cachedDay;
    constexpr qint64 DayMs = 86'400'000;
    const qint64 dayStart = atMs - atMs % DayMs;
    if (dayStart != cachedDayStart) {
        cachedDayStart = dayStart;
        cachedDay = QDateTime::fromMSecsSinceEpoch(dayStart, QTimeZone::utc()).date().toString(Qt::ISODate);
    }
    ++e.perDay[cachedDay];
    ++e.perMinute[minuteStart(atMs)];
}

UsageRecorder::Batch UsageRecorder::take()
{
    Batch out;
    out.swap(m_pending);
    return out;
}

void UsageRecorder::flush(QSqlDatabase &db, const Batch &batch)
{
    for (auto it = batch.cbegin(); it != batch.cend(); ++it) {
        const Entry &e = it.value();
        {
            Sql q(db, QStringLiteral("UPDATE secret_keys SET last_used_at = ?, last_used_ip = ?, "
                                     "last_used_user_agent = ? WHERE id = ? "
                                     "AND (last_used_at IS NULL OR last_used_at <= ?)"));
            q.bind(e.lastUsedAtMs).bind(e.ip).bind(e.userAgent.left(512)).bind(it.key()).bind(e.lastUsedAtMs).exec();
        }
        for (auto d = e.perDay.cbegin(); d != e.perDay.cend(); ++d) {
            Sql q(db, QStringLiteral("INSERT INTO key_usage_daily (key_id, day, count) VALUES (?, ?, ?) "
                                     "ON CONFLICT (key_id, day) DO UPDATE SET count = key_usage_daily.count + excluded.count"));
            q.bind(it.key()).bind(d.key()).bind(d.value()).exec();
        }
        for (auto m = e.perMinute.cbegin(); m != e.perMinute.cend(); ++m) {
            Sql q(db, QStringLiteral("INSERT INTO key_usage_minute (key_id, minute, count) VALUES (?, ?, ?) "
                                     "ON CONFLICT (key_id, minute) DO UPDATE SET count = key_usage_minute.count + excluded.count"));
            q.bind(it.key()).bind(m.key()).bind(m.value()).exec();
        }
    }
}

void UsageRecorder::prune(QSqlDatabase &db, qint64 olderThanMs)
{
    Sql(db, QStringLiteral("DELETE FROM key_usage_minute WHERE minute < ?")).bind(olderThanMs).exec();
}

} // namespace keyward::server

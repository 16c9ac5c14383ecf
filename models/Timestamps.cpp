// SPDX-License-Identifier: GPL-3.0-or-later
#include "Timestamps.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace keyward {

QString toRfc3339(const QDateTime &dt)
{
    if (!dt.isValid())
        return {};
    return dt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QString toRfc3339Ms(qint64 msecsSinceEpoch)
{
    return toRfc3339(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, QTimeZone::utc()));
}

std::optional<QDateTime> parseRfc3339(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$)"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    int msec = 0;
    if (m.hasCaptured(7))
        msec = m.captured(7).left(3).leftJustified(3, QLatin1Char('0')).toInt();
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), msec);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const QString zone = m.captured(8);
    int offsetSeconds = 0;
    if (zone.compare(QLatin1String("Z"), Qt::CaseInsensitive) != 0) {
        const int sign = zone.startsWith(QLatin1Char('-')) ? -1 : 1;
        const int hh = zone.mid(1, 2).toInt();
        const int mm = zone.mid(4, 2).toInt();
        if (hh > 23 || mm > 59)
            return std::nullopt;
        offsetSeconds = sign * (hh * 3600 + mm * 60);
    }
    QDateTime dt(date, time, QTimeZone(offsetSeconds));
    if (!dt.isValid())
        return std::nullopt;
    return dt.toUTC();
}

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#include "UsageSparkline.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <climits>

namespace keyward {

UsageSparkline::UsageSparkline(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("usageSparkline"));
    setAccessibleName(tr("Requests per day, last 30 days"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void UsageSparkline::setUsage(const QList<DailyUsage> &usage)
{
    m_usage = usage;
    setAccessibleDescription(summary());
    update();
}

qint64 UsageSparkline::total() const
{
    qint64 sum = 0;
    for (const DailyUsage &d : m_usage)
        sum += d.count;
    return sum;
}

QString UsageSparkline::summary() const
{
    if (m_usage.isEmpty())
        return tr("No usage figures.");
    const qint64 sum = total();
    if (sum == 0)
        return tr("No requests in the last %n day(s).", nullptr, int(m_usage.size()));
    const auto busiest = std::max_element(m_usage.cbegin(), m_usage.cend(),
                                          [](const DailyUsage &a, const DailyUsage &b) { return a.count < b.count; });
    const QLocale locale;
    return tr("%1 in the last %Ln day(s); busiest %2 (%3)", nullptr, int(m_usage.size()))
        .arg(tr("%Ln request(s)", nullptr, int(std::min<qint64>(sum, INT_MAX))))
        .arg(locale.toString(busiest->day, QLocale::ShortFormat), locale.toString(busiest->count));
}

QSize UsageSparkline::sizeHint() const
{
    return {240, fontMetrics().height() * 3};
}

QSize UsageSparkline::minimumSizeHint() const
{
    return {90, fontMetrics().height() * 2};
}

QRectF UsageSparkline::barArea() const
{
    return QRectF(rect()).adjusted(1, 2, -1, -1);
}

int UsageSparkline::dayAt(const QPoint &pos) const
{
    const QRectF area = barArea();
    if (m_usage.isEmpty() || !area.contains(pos))
        return -1;
    const int day = int((pos.x() - area.left()) / (area.width() / qreal(m_usage.size())));
    return std::clamp(day, 0, int(m_usage.size()) - 1);
}

void UsageSparkline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = barArea();
    const QPalette pal = palette();
    QColor base = pal.color(QPalette::WindowText);
    base.setAlphaF(0.25f);
    p.setPen(QPen(base, 1));
    p.drawLine(area.bottomLeft(), area.bottomRight());
    if (m_usage.isEmpty())
        return;
    qint64 peak = 0;
    for (const DailyUsage &d : m_usage)
        peak = std::max(peak, d.count);
    const qreal slot = area.width() / qreal(m_usage.size());
    const qreal gap = slot > 5 ? 1.5 : 0.5;
    p.setPen(Qt::NoPen);
    p.setBrush(pal.color(QPalette::Highlight));
    for (int i = 0; i < m_usage.size(); ++i) {
        if (m_usage.at(i).count == 0 || peak == 0)
            continue;
        // At least two pixels for any day with traffic, so a single request still shows.
        const qreal h = std::max<qreal>(2.0, (area.height() - 1) * qreal(m_usage.at(i).count) / qreal(peak));
        p.drawRect(QRectF(area.left() + i * slot + gap / 2, area.bottom() - h, slot - gap, h));
    }
}

bool UsageSparkline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int day = dayAt(help->pos());
        if (day < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const DailyUsage &d = m_usage.at(day);
        QToolTip::showText(help->globalPos(),
                           tr("%1: %2").arg(QLocale().toString(d.day, QLocale::LongFormat),
                                            tr("%Ln request(s)", nullptr, int(std::min<qint64>(d.count, INT_MAX)))),
                           this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace keyward

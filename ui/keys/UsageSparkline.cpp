// SPDX-License-Identifier: GPL-3.0-or-later
#include "UsageSparkline.h"

#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
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
    setFocusPolicy(Qt::TabFocus); // the arrow keys read the days
}

void UsageSparkline::setUsage(const QList<DailyUsage> &usage)
{
    m_usage = usage;
    if (m_current >= m_usage.size())
        m_current = -1; // a refresh of the same key keeps the day the arrow keys are on
    updateAccessibleDescription();
    update();
}

QString UsageSparkline::dayText(int day) const
{
    if (day < 0 || day >= m_usage.size())
        return {};
    const DailyUsage &d = m_usage.at(day);
    return tr("%1: %2").arg(QLocale().toString(d.day, QLocale::LongFormat),
                            tr("%Ln request(s)", nullptr, int(std::min<qint64>(d.count, INT_MAX))));
}

void UsageSparkline::updateAccessibleDescription()
{
    const QString day = hasFocus() ? dayText(m_current) : QString();
    setAccessibleDescription(day.isEmpty() ? summary() : tr("%1; %2").arg(summary(), day));
}

void UsageSparkline::setCurrentDay(int day)
{
    if (m_usage.isEmpty())
        return;
    m_current = std::clamp(day, 0, int(m_usage.size()) - 1);
    updateAccessibleDescription();
    update();
    const QRectF area = barArea();
    const qreal slot = area.width() / qreal(m_usage.size());
    QToolTip::showText(mapToGlobal(QPoint(int(area.left() + (m_current + 0.5) * slot), int(area.top()))),
                       dayText(m_current), this);
}

void UsageSparkline::keyPressEvent(QKeyEvent *event)
{
    const int last = int(m_usage.size()) - 1;
    // The first key lands on the latest day, where a change in traffic shows first.
    switch (event->key()) {
    case Qt::Key_Left:
        setCurrentDay(m_current < 0 ? last : m_current - 1);
        break;
    case Qt::Key_Right:
        setCurrentDay(m_current < 0 ? last : m_current + 1);
        break;
    case Qt::Key_Home:
        setCurrentDay(0);
        break;
    case Qt::Key_End:
        setCurrentDay(last);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void UsageSparkline::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    updateAccessibleDescription();
    update();
}

void UsageSparkline::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    QToolTip::hideText();
    updateAccessibleDescription();
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
    if (hasFocus()) {
        QColor frame = pal.color(QPalette::Highlight);
        frame.setAlphaF(0.6f);
        p.setPen(QPen(frame, 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
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
    if (hasFocus() && m_current >= 0 && m_current < m_usage.size()) {
        p.setPen(QPen(pal.color(QPalette::Text), 1));
        p.setBrush(Qt::NoBrush);
        const QRectF day(area.left() + m_current * slot, area.top(), slot, area.height());
        p.drawRect(day.adjusted(0.5, 0.5, -0.5, -0.5));
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
        QToolTip::showText(help->globalPos(), dayText(day), this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditTimeline.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QToolTip>

#include <algorithm>
#include <climits>
#include <cmath>

namespace keyward {

namespace {

constexpr qint64 HourMs = 3'600'000;
constexpr qint64 DayMs = 24 * HourMs;
constexpr int MaxBuckets = 20'000; // far above the server's 2,000; guards against bad input
constexpr qreal MinColumnWidth = 4; // narrower and neighbouring buckets share a column
constexpr qreal MaxBarWidth = 40;
constexpr qreal Pad = 10;
constexpr qreal TopPad = 8;
constexpr qreal BottomPad = 6;

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int clampInt(qint64 n)
{
    return int(std::clamp<qint64>(n, INT_MIN, INT_MAX));
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
        float(a.greenF() + (b.greenF() - a.greenF()) * t), float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QFont smallFont(QFont f)
{
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 0.9);
    else if (f.pixelSize() > 0)
        f.setPixelSize(std::max(9, f.pixelSize() * 9 / 10));
    return f;
}

// 1, 2 or 5 × 10^n, the smallest at least `value` (and at least 1).
qint64 niceCeiling(qint64 value)
{
    for (qint64 scale = 1;; scale *= 10) {
        for (qint64 step : { 1, 2, 5 }) {
            if (step * scale >= value)
                return step * scale;
        }
        if (scale > LLONG_MAX / 100)
            return value;
    }
}

} // namespace

AuditTimeline::AuditTimeline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("auditTimeline"));
    setAccessibleName(tr("Event timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    updateAccessibleDescription();
}

AuditTimeline::Category AuditTimeline::categoryOf(const QString &action)
{
    if (action.startsWith(QLatin1String("secret_key."))
        || action.startsWith(QLatin1String("publishable_key.")))
        return Category::Keys;
    if (action == QLatin1String("auth.denied"))
        return Category::Denied;
    if (action.startsWith(QLatin1String("auth.")) || action.startsWith(QLatin1String("oauth."))
        || action == QLatin1String("user.mfa_enrolled"))
        return Category::SignIns;
    return Category::Other;
}

QString AuditTimeline::categoryName(Category category)
{
    switch (category) {
    case Category::Keys:
        return tr("Keys");
    case Category::SignIns:
        return tr("Sign-ins");
    case Category::Denied:
        return tr("Denied");
    case Category::Other:
        break;
    }
    return tr("Other");
}

QColor AuditTimeline::categoryColor(Category category) const
{
    // Hues with at least 3:1 contrast against the base they sit on; denied is always red.
    const bool dark = palette().color(QPalette::Base).lightnessF() < 0.5;
    switch (category) {
    case Category::Keys:
        return dark ? QColor(0x6c9ef8) : QColor(0x2f6fd6);
    case Category::SignIns:
        return dark ? QColor(0x3fc1a5) : QColor(0x14907a);
    case Category::Denied:
        return dark ? QColor(0xf2665e) : QColor(0xd32f2f);
    case Category::Other:
        break;
    }
    return dark ? QColor(0x9aa3b0) : QColor(0x8a929e);
}

void AuditTimeline::setHistogram(const AuditHistogram &histogram)
{
    m_unit = histogram.bucket;
    m_bucketMs = m_unit == AuditHistogram::Bucket::Hour ? HourMs : DayMs;
    m_offsetMs = qint64(histogram.utcOffsetMinutes) * 60'000;
    qint64 since = histogram.since.isValid() ? histogram.since.toMSecsSinceEpoch()
        : histogram.buckets.isEmpty()        ? 0
                                             : histogram.buckets.first().start.toMSecsSinceEpoch();
    qint64 until = histogram.until.isValid() ? histogram.until.toMSecsSinceEpoch() : since;
    for (const AuditHistogramBucket &b : histogram.buckets) {
        const qint64 start = b.start.toMSecsSinceEpoch();
        since = std::min(since, start);
        until = std::max(until, start + 1);
    }
    qint64 count = until > since ? floorDiv(until - since - 1, m_bucketMs) + 1 : 0;
    if (count > MaxBuckets) { // keep the newest
        since += (count - MaxBuckets) * m_bucketMs;
        count = MaxBuckets;
    }
    m_sinceMs = since;
    m_untilMs = until;
    m_counts = QList<CategoryCounts>(count, CategoryCounts {});
    m_totals = QList<qint64>(count, 0);
    m_total = 0;
    for (const AuditHistogramBucket &b : histogram.buckets) {
        const qint64 index = floorDiv(b.start.toMSecsSinceEpoch() - since, m_bucketMs);
        if (index < 0 || index >= count)
            continue;
        CategoryCounts &counts = m_counts[index];
        qint64 sum = 0;
        for (auto it = b.counts.constBegin(); it != b.counts.constEnd(); ++it) {
            const qint64 n = std::max<qint64>(0, it.value());
            counts[int(categoryOf(it.key()))] += n;
            sum += n;
        }
        if (b.total > sum) // counts the server did not break down by action
            counts[int(Category::Other)] += b.total - sum;
        const qint64 total = std::max(b.total, sum);
        m_totals[index] += total;
        m_total += total;
    }
    m_hasData = true;
    m_loading = false;
    m_error.clear();
    m_hover = m_focus = m_anchor = m_pressed = m_dragTo = -1;
    m_dragging = false;
    invalidateLayout();
    updateAccessibleDescription();
}

void AuditTimeline::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    if (loading)
        m_error.clear();
    updateAccessibleDescription();
    update();
}

void AuditTimeline::setError(const QString &message)
{
    m_error = message;
    m_loading = false;
    updateAccessibleDescription();
    update();
}

void AuditTimeline::clear()
{
    m_hasData = m_loading = m_dragging = false;
    m_error.clear();
    m_counts.clear();
    m_totals.clear();
    m_total = 0;
    m_sinceMs = m_untilMs = 0;
    m_hover = m_focus = m_anchor = m_pressed = m_dragTo = -1;
    invalidateLayout();
    updateAccessibleDescription();
}

void AuditTimeline::setSelection(const QDateTime &since, const QDateTime &until)
{
    m_selectionSince = since;
    m_selectionUntil = until;
    updateAccessibleDescription();
    update();
}

QDateTime AuditTimeline::bucketStart(int bucket) const
{
    if (bucket < 0 || bucket >= bucketCount())
        return {};
    return QDateTime::fromMSecsSinceEpoch(m_sinceMs + bucket * m_bucketMs, Qt::UTC);
}

QDateTime AuditTimeline::bucketEnd(int bucket) const
{
    if (bucket < 0 || bucket >= bucketCount())
        return {};
    return QDateTime::fromMSecsSinceEpoch(m_sinceMs + (bucket + 1) * m_bucketMs, Qt::UTC);
}

qint64 AuditTimeline::bucketTotal(int bucket) const
{
    return bucket >= 0 && bucket < bucketCount() ? m_totals.at(bucket) : 0;
}

qint64 AuditTimeline::countOf(int bucket, Category category) const
{
    return bucket >= 0 && bucket < bucketCount() ? m_counts.at(bucket).at(int(category)) : 0;
}

QDateTime AuditTimeline::localStart(int bucket) const
{
    return QDateTime::fromMSecsSinceEpoch(m_sinceMs + bucket * m_bucketMs + m_offsetMs, Qt::UTC);
}

void AuditTimeline::invalidateLayout()
{
    m_layoutValid = false;
    update();
}

const AuditTimeline::Layout &AuditTimeline::chartLayout() const
{
    if (m_layoutValid)
        return m_layout;
    Layout l;
    const QFontMetricsF small(smallFont(font()));
    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF caption(bold);
    const int n = bucketCount();
    const qreal w = width();
    l.header = QRectF(Pad, TopPad, w - 2 * Pad, std::max(caption.height(), small.height()));
    const qreal xAxisHeight = small.height() + 4;
    const qreal top = l.header.bottom() + 6 + small.height() / 2;
    const qreal bottom = height() - BottomPad - xAxisHeight;

    // Buckets per column, from the plot width that 4-digit axis labels would leave. Groups are
    // whole local hours, days or Monday-started weeks, so a column reads as "6 hours" or "a week".
    int group = 1;
    const qreal estimate = w - 2 * Pad - small.horizontalAdvance(QStringLiteral("0000")) - 6;
    if (n > 0 && estimate > 0 && estimate / n < MinColumnWidth) {
        static const QList<int> hourGroups { 2, 3, 4, 6, 12, 24, 48, 168, 336, 672 };
        static const QList<int> dayGroups { 2, 7, 14, 28, 56, 91, 182, 364 };
        const QList<int> &groups = m_unit == AuditHistogram::Bucket::Hour ? hourGroups : dayGroups;
        group = groups.last();
        for (int g : groups) {
            if (estimate * g / n >= MinColumnWidth) {
                group = g;
                break;
            }
        }
        group = std::max(group, int(std::ceil(MinColumnWidth * n / estimate)));
    }
    const qint64 unitsPerDay = DayMs / m_bucketMs;
    const qint64 phase = group % (7 * unitsPerDay) == 0 ? 4 * unitsPerDay : 0; // 1970-01-05 was a Monday
    const qint64 unit0 = n > 0 ? floorDiv(m_sinceMs + m_offsetMs, m_bucketMs) : 0;
    qint64 previousKey = 0;
    l.columnOf.resize(n);
    qint64 tallest = 0;
    for (int i = 0; i < n; ++i) {
        const qint64 key = floorDiv(unit0 + i - phase, group);
        if (l.columns.isEmpty() || key != previousKey) {
            if (!l.columns.isEmpty())
                tallest = std::max(tallest, l.columns.last().total);
            l.columns.append(Column { i, i, {}, 0 });
            previousKey = key;
        }
        Column &c = l.columns.last();
        c.last = i + 1;
        for (int k = 0; k < CategoryCount; ++k)
            c.counts[k] += m_counts.at(i).at(k);
        c.total += m_totals.at(i);
        l.columnOf[i] = int(l.columns.size()) - 1;
    }
    if (!l.columns.isEmpty())
        tallest = std::max(tallest, l.columns.last().total);
    l.max = niceCeiling(tallest);
    l.group = group;
    const qreal axisWidth = small.horizontalAdvance(locale().toString(l.max)) + 8;
    l.plot = QRectF(
        Pad + axisWidth, top, std::max<qreal>(1, w - 2 * Pad - axisWidth), std::max<qreal>(1, bottom - top));
    l.xAxis = QRectF(Pad, l.plot.bottom() + 3, w - 2 * Pad, small.height());
    l.slot = n > 0 ? l.plot.width() / n : 0;
    m_layout = l;
    m_layoutValid = true;
    return m_layout;
}

qint64 AuditTimeline::maxValue() const
{
    return chartLayout().max;
}

int AuditTimeline::bucketsPerColumn() const
{
    return chartLayout().group;
}

qreal AuditTimeline::xOfBucket(int bucket) const
{
    const Layout &l = chartLayout();
    return l.plot.left() + bucket * l.slot;
}

qreal AuditTimeline::xOfTime(qint64 ms) const
{
    const Layout &l = chartLayout();
    const qreal x = l.plot.left() + qreal(ms - m_sinceMs) / qreal(m_bucketMs) * l.slot;
    return std::clamp(x, l.plot.left(), l.plot.right());
}

AuditTimeline::Range AuditTimeline::columnRange(int bucket) const
{
    const Layout &l = chartLayout();
    if (bucket < 0 || bucket >= l.columnOf.size())
        return {};
    const Column &c = l.columns.at(l.columnOf.at(bucket));
    return { c.first, c.last };
}

AuditTimeline::Range AuditTimeline::pendingRange() const
{
    int a = -1;
    int b = -1;
    if (m_dragging && m_pressed >= 0 && m_dragTo >= 0) {
        a = m_pressed;
        b = m_dragTo;
    } else if (m_anchor >= 0 && m_focus >= 0) {
        a = m_anchor;
        b = m_focus;
    } else {
        return {};
    }
    return { columnRange(std::min(a, b)).first, columnRange(std::max(a, b)).last };
}

int AuditTimeline::bucketAt(const QPoint &pos) const
{
    const Layout &l = chartLayout();
    if (bucketCount() == 0 || pos.x() < l.plot.left() || pos.x() >= l.plot.right()
        || pos.y() < l.plot.top() - 4 || pos.y() > l.xAxis.bottom())
        return -1;
    return std::clamp(int((pos.x() - l.plot.left()) / l.slot), 0, bucketCount() - 1);
}

QRectF AuditTimeline::columnSlot(const Column &column) const
{
    const Layout &l = chartLayout();
    return QRectF(
        QPointF(xOfBucket(column.first), l.plot.top()), QPointF(xOfBucket(column.last), l.plot.bottom()));
}

std::array<QRectF, AuditTimeline::CategoryCount> AuditTimeline::stack(const Column &column) const
{
    const Layout &l = chartLayout();
    const qreal dpr = devicePixelRatioF();
    const auto snap = [dpr](qreal v) { return std::round(v * dpr) / dpr; };
    const QRectF slot = columnSlot(column);
    const qreal sw = slot.width();
    const qreal barWidth = sw >= 6 ? std::min(sw * 0.72, MaxBarWidth) : sw >= MinColumnWidth ? sw - 1 : sw;
    const qreal left = snap(slot.center().x() - barWidth / 2);
    const qreal right = std::max(left + 1 / dpr, snap(slot.center().x() + barWidth / 2));
    const qreal bottom = snap(l.plot.bottom());
    const qreal scale = l.plot.height() / qreal(l.max);
    std::array<QRectF, CategoryCount> rects;
    qint64 cumulative = 0;
    qreal below = bottom;
    for (int k = 0; k < CategoryCount; ++k) {
        const qint64 n = column.counts[k];
        if (n <= 0) {
            rects[k] = QRectF(left, below, right - left, 0);
            continue;
        }
        cumulative += n;
        // At least one pixel for any category with events, so a single denial still shows.
        const qreal top
            = std::max(l.plot.top(), std::min(below - 1, snap(bottom - qreal(cumulative) * scale)));
        rects[k] = QRectF(QPointF(left, top), QPointF(right, below));
        below = top;
    }
    return rects;
}

QRect AuditTimeline::barRect(int bucket) const
{
    const Layout &l = chartLayout();
    if (bucket < 0 || bucket >= l.columnOf.size())
        return {};
    const auto rects = stack(l.columns.at(l.columnOf.at(bucket)));
    QRectF bar = rects.front();
    for (const QRectF &r : rects)
        bar.setTop(std::min(bar.top(), r.top()));
    return bar.toRect();
}

QRect AuditTimeline::segmentRect(int bucket, Category category) const
{
    const Layout &l = chartLayout();
    if (bucket < 0 || bucket >= l.columnOf.size())
        return {};
    return stack(l.columns.at(l.columnOf.at(bucket))).at(int(category)).toRect();
}

QString AuditTimeline::dayText(const QDate &date) const
{
    const bool years
        = bucketCount() > 0 && localStart(0).date().year() != localStart(bucketCount() - 1).date().year();
    return locale().toString(date, years ? QStringLiteral("ddd d MMM yyyy") : QStringLiteral("ddd d MMM"));
}

QString AuditTimeline::periodText(int first, int last) const
{
    const QDateTime start = localStart(first);
    const QDateTime lastStart = localStart(last - 1);
    if (m_unit == AuditHistogram::Bucket::Day) {
        if (last - first <= 1)
            return dayText(start.date());
        return tr("%1 – %2").arg(dayText(start.date()), dayText(lastStart.date()));
    }
    const QDateTime end = localStart(last);
    const QString hhmm = QStringLiteral("HH:mm");
    if (start.date() == lastStart.date())
        return tr("%1, %2–%3").arg(dayText(start.date()), start.toString(hhmm), end.toString(hhmm));
    return tr("%1 %2 – %3 %4")
        .arg(dayText(start.date()), start.toString(hhmm), dayText(end.date()), end.toString(hhmm));
}

QString AuditTimeline::describe(int first, int last) const
{
    CategoryCounts counts {};
    qint64 total = 0;
    for (int i = first; i < last; ++i) {
        for (int k = 0; k < CategoryCount; ++k)
            counts[k] += m_counts.at(i).at(k);
        total += m_totals.at(i);
    }
    if (total == 0)
        return tr("%1: no events").arg(periodText(first, last));
    const QLocale loc = locale();
    QStringList parts { tr("%Ln event(s)", nullptr, clampInt(total)) };
    if (counts[int(Category::Keys)] > 0)
        parts << tr("keys %1").arg(loc.toString(counts[int(Category::Keys)]));
    if (counts[int(Category::SignIns)] > 0)
        parts << tr("sign-ins %1").arg(loc.toString(counts[int(Category::SignIns)]));
    if (counts[int(Category::Denied)] > 0)
        parts << tr("denied %1").arg(loc.toString(counts[int(Category::Denied)]));
    if (counts[int(Category::Other)] > 0)
        parts << tr("other %1").arg(loc.toString(counts[int(Category::Other)]));
    return tr("%1: %2").arg(periodText(first, last), parts.join(QStringLiteral(" \u00b7 ")));
}

QString AuditTimeline::toolTipFor(int bucket) const
{
    if (bucket < 0 || bucket >= bucketCount())
        return {};
    return describe(bucket, bucket + 1);
}

QString AuditTimeline::summary() const
{
    if (!m_error.isEmpty())
        return tr("Event timeline unavailable: %1").arg(m_error);
    if (!m_hasData)
        return m_loading ? tr("Loading events.") : tr("No events shown.");
    const int n = bucketCount();
    const bool hourly = m_unit == AuditHistogram::Bucket::Hour;
    const QString span = hourly ? tr("%Ln hour(s)", nullptr, n) : tr("%Ln day(s)", nullptr, n);
    if (m_total == 0)
        return tr("%1, no events").arg(span);
    const int busiest = int(std::max_element(m_totals.cbegin(), m_totals.cend()) - m_totals.cbegin());
    const QDateTime when = localStart(busiest);
    const QString events = tr("%Ln event(s)", nullptr, clampInt(m_total));
    if (hourly)
        return tr("%1, %2, most at %3")
            .arg(
                span, events, tr("%1, %2").arg(dayText(when.date()), when.toString(QStringLiteral("HH:mm"))));
    return tr("%1, %2, most on %3").arg(span, events, dayText(when.date()));
}

QString AuditTimeline::timeText(qint64 ms) const
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms + m_offsetMs, Qt::UTC);
    if (m_unit == AuditHistogram::Bucket::Day && local.time() == QTime(0, 0))
        return dayText(local.date());
    return tr("%1, %2").arg(dayText(local.date()), local.toString(QStringLiteral("HH:mm")));
}

QString AuditTimeline::accessibleSummary() const
{
    QStringList parts {summary()};
    if (!m_error.isEmpty() || !m_hasData || bucketCount() == 0)
        return parts.constFirst();
    // The time-range filter, when its band covers less than the chart (a bucket's slack aside).
    const qint64 since = m_selectionSince.isValid() ? m_selectionSince.toMSecsSinceEpoch() : m_sinceMs;
    const qint64 until = m_selectionUntil.isValid() ? m_selectionUntil.toMSecsSinceEpoch() : m_untilMs;
    if (since >= m_sinceMs + m_bucketMs || until <= m_untilMs - m_bucketMs)
        parts << tr("time range filter %1 to %2")
                     .arg(timeText(std::max(since, m_sinceMs)), timeText(std::min(until, m_untilMs)));
    if (const Range marked = pendingRange(); marked.isValid())
        parts << tr("marked %1").arg(describe(marked.first, marked.last));
    if (hasFocus() && m_focus >= 0 && m_focus < bucketCount()) {
        const Range r = columnRange(m_focus);
        parts << tr("bar %1").arg(describe(r.first, r.last));
    } else if (m_hover >= 0 && m_hover < bucketCount()) {
        const Range r = columnRange(m_hover);
        parts << tr("under the pointer %1").arg(describe(r.first, r.last));
    } else if (hasFocus()) {
        parts << tr("the arrow keys move from bar to bar");
    }
    return parts.join(QStringLiteral("; "));
}

void AuditTimeline::updateAccessibleDescription()
{
    setAccessibleDescription(accessibleSummary());
}

QSize AuditTimeline::sizeHint() const
{
    return { 600, 140 };
}

QSize AuditTimeline::minimumSizeHint() const
{
    return { 200, 90 };
}

void AuditTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    // A card on the page: the base colour with a hairline border.
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(mix(base, text, 0.16), 1));
    p.setBrush(base);
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    p.setRenderHint(QPainter::Antialiasing, false);

    if (!m_error.isEmpty()) {
        paintMessage(p, QRectF(rect()).adjusted(Pad, TopPad, -Pad, -BottomPad), m_error, true);
        return;
    }
    if (!m_hasData) {
        if (m_loading)
            paintMessage(p, QRectF(rect()), tr("Loading events…"));
        return;
    }
    const Layout &l = chartLayout();
    paintHeader(p, l);
    if (m_loading)
        p.setOpacity(0.35);
    paintAxes(p, l);

    // Bands behind the bars: the filter in force, the hovered column, a drag or Shift+arrow range.
    if (m_selectionSince.isValid() || m_selectionUntil.isValid()) {
        const qreal x0
            = m_selectionSince.isValid() ? xOfTime(m_selectionSince.toMSecsSinceEpoch()) : l.plot.left();
        const qreal x1
            = m_selectionUntil.isValid() ? xOfTime(m_selectionUntil.toMSecsSinceEpoch()) : l.plot.right();
        if (x1 > x0)
            paintBand(p, l, x0, x1, 0.14);
    }
    if (m_hover >= 0 && m_hover < bucketCount() && !m_dragging) {
        const Range r = columnRange(m_hover);
        QColor hover = text;
        hover.setAlphaF(0.07f);
        p.fillRect(
            QRectF(QPointF(xOfBucket(r.first), l.plot.top()), QPointF(xOfBucket(r.last), l.plot.bottom())),
            hover);
    }
    if (const Range r = pendingRange(); r.isValid())
        paintBand(p, l, xOfBucket(r.first), xOfBucket(r.last), 0.24);

    std::array<QColor, CategoryCount> colors;
    for (int k = 0; k < CategoryCount; ++k)
        colors[k] = categoryColor(Category(k));
    for (const Column &c : l.columns) {
        if (c.total == 0)
            continue;
        const auto rects = stack(c);
        int topmost = -1;
        for (int k = 0; k < CategoryCount; ++k) {
            if (c.counts[k] > 0)
                topmost = k;
        }
        for (int k = 0; k < CategoryCount; ++k) {
            if (c.counts[k] <= 0)
                continue;
            const QRectF &r = rects[k];
            if (k == topmost && r.width() >= 6 && r.height() >= 3) {
                // Rounded top corners on the stack; the rest stays square and crisp.
                const qreal radius = 2;
                QPainterPath path;
                path.moveTo(r.bottomLeft());
                path.lineTo(r.left(), r.top() + radius);
                path.quadTo(r.topLeft(), QPointF(r.left() + radius, r.top()));
                path.lineTo(r.right() - radius, r.top());
                path.quadTo(r.topRight(), QPointF(r.right(), r.top() + radius));
                path.lineTo(r.bottomRight());
                path.closeSubpath();
                p.setRenderHint(QPainter::Antialiasing);
                p.fillPath(path, colors[k]);
                p.setRenderHint(QPainter::Antialiasing, false);
            } else {
                p.fillRect(r, colors[k]);
            }
        }
    }
    // The baseline over the bars' feet.
    p.fillRect(QRectF(l.plot.left(), std::round(l.plot.bottom()), l.plot.width(), 1), mix(base, text, 0.35));

    if (hasFocus() && m_focus >= 0 && m_focus < bucketCount()) {
        const Range r = columnRange(m_focus);
        const QRect outline = QRectF(
            QPointF(xOfBucket(r.first), l.plot.top() - 2), QPointF(xOfBucket(r.last), l.plot.bottom() + 1))
                                  .toRect();
        p.setPen(QPen(pal.color(QPalette::Highlight), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(outline.adjusted(0, 0, -1, -1));
    }
    paintXLabels(p, l);
    p.setOpacity(1);
    if (m_loading)
        paintMessage(p, l.plot, tr("Loading…"));
    else if (m_total == 0)
        paintMessage(p, l.plot, tr("No events in this period"));
}

void AuditTimeline::paintHeader(QPainter &p, const Layout &l) const
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor muted = mix(text, pal.color(QPalette::Base), 0.4);
    const QFont small = smallFont(font());
    const QFontMetricsF sm(small);

    // The legend, right-aligned: a swatch and a name per category.
    const qreal swatch = std::round(sm.height() * 0.6);
    const qreal spacing = std::round(sm.height() * 0.9);
    qreal legendWidth = 0;
    for (int k = 0; k < CategoryCount; ++k)
        legendWidth += swatch + 5 + sm.horizontalAdvance(categoryName(Category(k))) + (k ? spacing : 0);

    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF bm(bold);
    const QString total = tr("%Ln event(s)", nullptr, clampInt(m_total));
    QString period;
    if (bucketCount() > 0) {
        // What one drawn column holds: "per hour", "per 6 hours", "per day", "per week".
        const int hours = l.group * int(m_bucketMs / HourMs);
        const QString unit = hours == 1 ? tr("per hour")
            : hours < 24                ? tr("per %n hour(s)", nullptr, hours)
            : hours == 24               ? tr("per day")
            : hours == 7 * 24           ? tr("per week")
                                        : tr("per %n day(s)", nullptr, hours / 24);
        const QDate first = localStart(0).date();
        const QDate last = QDateTime::fromMSecsSinceEpoch(m_untilMs - 1 + m_offsetMs, Qt::UTC).date();
        const QLocale loc = locale();
        const QString lastText = loc.toString(last, QStringLiteral("d MMM yyyy"));
        const QString range = first == last
            ? lastText
            : tr("%1 – %2").arg(
                loc.toString(first,
                    first.year() == last.year() ? QStringLiteral("d MMM") : QStringLiteral("d MMM yyyy")),
                lastText);
        period = tr("%1 · %2").arg(range, unit);
    }
    const qreal gap = 16;
    const bool showLegend = legendWidth <= l.header.width();
    const qreal room = l.header.width() - (showLegend ? legendWidth + gap : 0);
    const qreal totalWidth = bm.horizontalAdvance(total);
    if (totalWidth <= room) {
        p.setFont(bold);
        p.setPen(text);
        p.drawText(QRectF(l.header.left(), l.header.top(), totalWidth + 1, l.header.height()),
            Qt::AlignLeft | Qt::AlignVCenter, total);
        const QString shown = sm.elidedText(period, Qt::ElideRight, room - totalWidth - 10);
        if (!period.isEmpty() && shown.size() > 6) {
            p.setFont(small);
            p.setPen(muted);
            p.drawText(QRectF(l.header.left() + totalWidth + 10, l.header.top(), room - totalWidth - 10,
                           l.header.height()),
                Qt::AlignLeft | Qt::AlignVCenter, shown);
        }
    }
    if (!showLegend)
        return;
    p.setFont(small);
    qreal x = l.header.right() - legendWidth;
    for (int k = 0; k < CategoryCount; ++k) {
        const QString name = categoryName(Category(k));
        const QRectF sw(x, std::round(l.header.center().y() - swatch / 2), swatch, swatch);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(categoryColor(Category(k)));
        p.drawRoundedRect(sw, 2, 2);
        p.setRenderHint(QPainter::Antialiasing, false);
        x += swatch + 5;
        const qreal nw = sm.horizontalAdvance(name);
        p.setPen(muted);
        p.drawText(
            QRectF(x, l.header.top(), nw + 1, l.header.height()), Qt::AlignLeft | Qt::AlignVCenter, name);
        x += nw + spacing;
    }
}

void AuditTimeline::paintAxes(QPainter &p, const Layout &l) const
{
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QFont small = smallFont(font());
    const QFontMetricsF sm(small);
    p.setFont(small);
    QList<qint64> ticks { 0, l.max };
    if (m_total == 0) // no scale to speak of: the baseline only
        ticks.clear();
    else if (l.max >= 2 && l.max % 2 == 0)
        ticks.insert(1, l.max / 2);
    const QLocale loc = locale();
    for (qint64 t : ticks) {
        const qreal y = std::round(l.plot.bottom() - qreal(t) / qreal(l.max) * l.plot.height());
        if (t > 0)
            p.fillRect(QRectF(l.plot.left(), y, l.plot.width(), 1), mix(base, text, 0.09));
        p.setPen(mix(text, base, 0.4));
        p.drawText(QRectF(Pad, y - sm.height() / 2, l.plot.left() - Pad - 6, sm.height()),
            Qt::AlignRight | Qt::AlignVCenter, loc.toString(t));
    }
}

void AuditTimeline::paintXLabels(QPainter &p, const Layout &l) const
{
    const int n = bucketCount();
    if (n == 0)
        return;
    const QFont small = smallFont(font());
    const QFontMetricsF sm(small);
    const QLocale loc = locale();
    const bool hourly = m_unit == AuditHistogram::Bucket::Hour;
    const qreal gap = sm.horizontalAdvance(QLatin1Char(' ')) * 3;
    const QString dayFormat = QStringLiteral("ddd d");
    const qreal dayWidth
        = sm.horizontalAdvance(loc.toString(QDate(2024, 1, 31), dayFormat)) + gap; // "Wed 31"
    const qreal bucketsPerDay = hourly ? 24 : 1;
    const qint64 firstDay = localStart(0).date().toJulianDay();

    // The label step: whole hours, days, Monday-started weeks or months, wide enough for the text.
    int hourStep = 0;
    int dayStep = 0;
    int monthStep = 0;
    if (hourly) {
        const qreal need = (sm.horizontalAdvance(QStringLiteral("00:00")) + gap) / l.slot;
        for (int h : { 1, 2, 3, 4, 6, 12 }) {
            if (h >= need) {
                hourStep = h;
                break;
            }
        }
    }
    if (!hourStep) {
        const qreal needDays = dayWidth / (l.slot * bucketsPerDay);
        for (int d : { 1, 2, 7, 14 }) {
            if (d >= needDays) {
                dayStep = d;
                break;
            }
        }
        if (!dayStep) {
            monthStep = 12 * std::max(1, int(std::ceil(needDays / 365)));
            for (int m : { 1, 2, 3, 6 }) {
                if (m * 28 >= needDays) {
                    monthStep = m;
                    break;
                }
            }
        }
    }
    struct Label
    {
        int bucket;
        QString text;
        bool strong;
    };
    QList<Label> labels;
    for (int i = 0; i < n; ++i) {
        const QDateTime t = localStart(i);
        const QDate d = t.date();
        const int hour = t.time().hour();
        const bool midnight = !hourly || hour == 0;
        const bool monthStart = midnight && d.day() == 1;
        const QString month
            = loc.toString(d, d.month() == 1 ? QStringLiteral("MMM yyyy") : QStringLiteral("MMM"));
        if (hourStep) {
            if (midnight)
                labels.append({ i, monthStart ? month : loc.toString(d, dayFormat), true });
            else if (hour % hourStep == 0)
                labels.append({ i, t.toString(QStringLiteral("HH:mm")), false });
        } else if (dayStep) {
            if (monthStart)
                labels.append({ i, month, true });
            else if (midnight
                && (dayStep < 7 ? (d.toJulianDay() - firstDay) % dayStep == 0
                                : d.dayOfWeek() == 1 && (dayStep == 7 || (d.toJulianDay() / 7) % 2 == 0)))
                labels.append({ i, loc.toString(d, dayFormat), false });
        } else if (monthStart && (d.month() - 1) % monthStep == 0) {
            labels.append({ i, month, d.month() == 1 });
        }
    }
    // Strong labels (days, months) first, then the rest where they fit; none may overlap.
    std::stable_sort(
        labels.begin(), labels.end(), [](const Label &a, const Label &b) { return a.strong && !b.strong; });
    QList<std::pair<qreal, qreal>> placed;
    QList<std::pair<QRectF, const Label *>> drawn;
    for (const Label &label : labels) {
        const qreal w = sm.horizontalAdvance(label.text);
        qreal left = xOfBucket(label.bucket) + l.slot / 2 - w / 2;
        left = std::clamp(left, l.plot.left() - 4, width() - Pad - w);
        const qreal right = left + w;
        const bool clash = std::any_of(placed.cbegin(), placed.cend(),
            [&](const std::pair<qreal, qreal> &o) { return left < o.second + gap && right + gap > o.first; });
        if (clash)
            continue;
        placed.append({ left, right });
        drawn.append({ QRectF(left, l.xAxis.top(), w + 1, l.xAxis.height()), &label });
    }
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor muted = mix(text, pal.color(QPalette::Base), 0.4);
    p.setFont(small);
    for (const auto &[r, label] : drawn) {
        p.setPen(label->strong ? mix(text, pal.color(QPalette::Base), 0.15) : muted);
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, label->text);
    }
}

void AuditTimeline::paintBand(QPainter &p, const Layout &l, qreal x0, qreal x1, qreal alpha) const
{
    QColor c = palette().color(QPalette::Highlight);
    c.setAlphaF(float(alpha));
    const qreal left = std::round(x0);
    const qreal right = std::round(x1);
    p.fillRect(QRectF(left, l.plot.top(), right - left, l.plot.height()), c);
    c.setAlphaF(float(std::min(1.0, alpha * 4)));
    p.fillRect(QRectF(left, l.plot.top(), 1, l.plot.height()), c);
    p.fillRect(QRectF(right - 1, l.plot.top(), 1, l.plot.height()), c);
}

void AuditTimeline::paintMessage(QPainter &p, const QRectF &area, const QString &message, bool warning) const
{
    const QPalette pal = palette();
    p.setFont(font());
    const QFontMetricsF fm(font());
    const int iconSize = warning ? style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this) : 0;
    const qreal iconRoom = warning ? iconSize + 8 : 0;
    QRectF textRect
        = fm.boundingRect(area.adjusted(iconRoom, 0, 0, 0), Qt::AlignCenter | Qt::TextWordWrap, message);
    textRect.translate(-iconRoom / 2, 0); // centre icon and text together
    // A pill in the base colour so the text reads over bars too.
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    QColor pill = pal.color(QPalette::Base);
    pill.setAlphaF(0.85f);
    p.setBrush(pill);
    p.drawRoundedRect(textRect.adjusted(-10 - iconRoom, -4, 10, 4), 6, 6);
    p.setRenderHint(QPainter::Antialiasing, false);
    if (warning) {
        const QIcon icon = style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this);
        icon.paint(&p,
            QRect(int(textRect.left() - iconRoom), int(textRect.center().y() - iconSize / 2.0), iconSize,
                iconSize));
    }
    p.setPen(mix(pal.color(QPalette::Text), pal.color(QPalette::Base), warning ? 0.1 : 0.3));
    p.drawText(textRect.adjusted(-1, 0, 1, 0), Qt::AlignCenter | Qt::TextWordWrap, message);
}

bool AuditTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int bucket = bucketAt(help->pos());
        if (bucket < 0 || m_dragging) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const Range r = columnRange(bucket);
        QToolTip::showText(help->globalPos(), describe(r.first, r.last), this);
        return true;
    }
    return QWidget::event(event);
}

void AuditTimeline::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::LocaleChange:
    case QEvent::PaletteChange:
        invalidateLayout();
        updateAccessibleDescription();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

void AuditTimeline::resizeEvent(QResizeEvent *event)
{
    invalidateLayout();
    QWidget::resizeEvent(event);
}

void AuditTimeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressed = bucketAt(event->position().toPoint());
    m_pressPos = event->position().toPoint();
    m_dragTo = m_pressed;
    m_dragging = false;
    m_anchor = -1;
    if (m_pressed >= 0) // the arrow keys go on from the bar last pointed at
        m_focus = columnRange(m_pressed).first;
    updateAccessibleDescription();
    update();
    event->accept();
}

void AuditTimeline::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if ((event->buttons() & Qt::LeftButton) && m_pressed >= 0) {
        if (!m_dragging && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance())
            m_dragging = true;
        if (m_dragging) {
            const Layout &l = chartLayout();
            const int x = int(std::clamp<qreal>(pos.x(), l.plot.left(), l.plot.right() - 1));
            m_dragTo = bucketAt(QPoint(x, int(l.plot.center().y())));
            QToolTip::hideText();
            update();
        }
        return;
    }
    const int hover = bucketAt(pos);
    if (hover != m_hover) {
        const Range was = columnRange(m_hover);
        const Range now = columnRange(hover);
        m_hover = hover;
        if (was.first != now.first) {
            updateAccessibleDescription();
            update();
            if (QToolTip::isVisible() && now.isValid())
                QToolTip::showText(event->globalPosition().toPoint(), describe(now.first, now.last), this);
        }
    }
}

void AuditTimeline::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_pressed < 0) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const Range pressed = columnRange(m_pressed);
    const Range dragged = pendingRange();
    const bool dragging = m_dragging;
    const int released = bucketAt(event->position().toPoint());
    if (dragging && m_dragTo >= 0)
        m_focus = columnRange(m_dragTo).first;
    m_pressed = m_dragTo = -1;
    m_dragging = false;
    updateAccessibleDescription();
    update();
    if (dragging && dragged.isValid() && dragged.last - dragged.first > pressed.last - pressed.first)
        Q_EMIT rangeSelected(bucketStart(dragged.first), bucketEnd(dragged.last - 1));
    else if (pressed.isValid() && columnRange(released).first == pressed.first)
        Q_EMIT bucketActivated(bucketStart(pressed.first), bucketEnd(pressed.last - 1));
}

void AuditTimeline::leaveEvent(QEvent *event)
{
    if (m_hover >= 0) {
        m_hover = -1;
        updateAccessibleDescription();
        update();
    }
    QWidget::leaveEvent(event);
}

void AuditTimeline::moveFocus(int bucket, bool extend)
{
    const int n = bucketCount();
    if (n == 0)
        return;
    bucket = std::clamp(bucket, 0, n - 1);
    if (extend && m_anchor < 0)
        m_anchor = m_focus >= 0 ? m_focus : bucket;
    else if (!extend)
        m_anchor = -1;
    m_focus = columnRange(bucket).first;
    updateAccessibleDescription();
    update();
    showFocusToolTip();
}

void AuditTimeline::showFocusToolTip()
{
    if (m_focus < 0 || !isVisible())
        return;
    const Range r = columnRange(m_focus);
    const QRect bar = barRect(m_focus);
    QToolTip::showText(mapToGlobal(QPoint(bar.center().x(), int(chartLayout().plot.top()))),
        describe(r.first, r.last), this);
}

void AuditTimeline::keyPressEvent(QKeyEvent *event)
{
    const int n = bucketCount();
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    const Range current = columnRange(m_focus);
    switch (event->key()) {
    case Qt::Key_Right:
        moveFocus(current.isValid() ? (current.last < n ? current.last : m_focus) : 0, extend);
        break;
    case Qt::Key_Left:
        moveFocus(current.isValid() ? std::max(0, current.first - 1) : n - 1, extend);
        break;
    case Qt::Key_Home:
        moveFocus(0, extend);
        break;
    case Qt::Key_End:
        moveFocus(n - 1, extend);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        if (!current.isValid()) {
            QWidget::keyPressEvent(event);
            return;
        }
        const Range range = pendingRange();
        m_anchor = -1;
        updateAccessibleDescription();
        update();
        if (range.isValid() && range.last - range.first > current.last - current.first)
            Q_EMIT rangeSelected(bucketStart(range.first), bucketEnd(range.last - 1));
        else
            Q_EMIT bucketActivated(bucketStart(current.first), bucketEnd(current.last - 1));
        break;
    }
    case Qt::Key_Escape:
        if (m_dragging || m_pressed >= 0) {
            m_dragging = false;
            m_pressed = m_dragTo = -1;
        } else if (m_anchor >= 0) {
            m_anchor = -1;
        } else {
            QWidget::keyPressEvent(event);
            return;
        }
        updateAccessibleDescription();
        update();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void AuditTimeline::focusInEvent(QFocusEvent *event)
{
    updateAccessibleDescription();
    update();
    QWidget::focusInEvent(event);
}

void AuditTimeline::focusOutEvent(QFocusEvent *event)
{
    updateAccessibleDescription();
    update();
    QWidget::focusOutEvent(event);
}

} // namespace keyward

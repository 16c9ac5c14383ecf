// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditService.h"

#include <QDateTime>
#include <QList>
#include <QWidget>

#include <array>

namespace keyward {

// Audit events per hour or day as stacked bars by kind of action (keys, sign-ins, denied, other),
// drawn above the audit log for its current filter. Dragging across bars (or Shift+arrows and
// Enter) asks for that time range; a click (or Enter) on one bar asks to zoom to it. The current
// time-range filter shows as a band. Up to a few thousand buckets paint fast: when bars would be
// narrower than a couple of pixels, neighbouring buckets share a drawn column (6 hours, a day, a
// week), and a column is then what hovering, clicking and the arrow keys act on.
class AuditTimeline : public QWidget
{
    Q_OBJECT

public:
    enum class Category { Keys, SignIns, Denied, Other };
    Q_ENUM(Category)
    static constexpr int CategoryCount = 4;
    using CategoryCounts = std::array<qint64, CategoryCount>;

    explicit AuditTimeline(QWidget *parent = nullptr);

    // secret_key.* and publishable_key.* are Keys, auth.denied is Denied, the rest of auth.*,
    // oauth.* and user.mfa_enrolled (written while signing in) are SignIns; everything else,
    // user administration included, is Other.
    static Category categoryOf(const QString &action);
    static QString categoryName(Category category);
    // The bar colour of a category for this widget's palette (darker hues on light bases,
    // lighter ones on dark bases).
    QColor categoryColor(Category category) const;

    // Draws h.since to h.until in buckets of h.bucket; buckets the server left out are empty.
    void setHistogram(const AuditHistogram &histogram);
    // While loading, the bars already shown are dimmed under "Loading…".
    void setLoading(bool loading);
    bool isLoading() const { return m_loading; }
    // Shown as text instead of the chart until the next setHistogram() or clear().
    void setError(const QString &message);
    QString errorText() const { return m_error; }
    void clear();
    // The time-range filter in force, drawn as a band; invalid datetimes: none.
    void setSelection(const QDateTime &since, const QDateTime &until);

    int bucketCount() const { return int(m_totals.size()); }
    AuditHistogram::Bucket bucketSize() const { return m_unit; }
    QDateTime bucketStart(int bucket) const; // UTC
    QDateTime bucketEnd(int bucket) const; // UTC, exclusive: the next bucket's start
    qint64 bucketTotal(int bucket) const;
    qint64 countOf(int bucket, Category category) const;
    // The bucket under a point, or -1; any height of the plot's column counts.
    int bucketAt(const QPoint &pos) const;
    // The drawn stack of a bucket (of its column when buckets are grouped), in widget coordinates;
    // empty at the baseline for a bucket without events.
    QRect barRect(int bucket) const;
    // The part of barRect() coloured for one category (empty when it has no events).
    QRect segmentRect(int bucket, Category category) const;
    // The top of the y axis: 1, 2 or 5 × 10^n, at least the tallest drawn stack.
    qint64 maxValue() const;
    // Buckets per drawn column (1 unless the widget is too narrow for one bar per bucket).
    int bucketsPerColumn() const;
    int focusedBucket() const { return m_focus; }
    // "Tue 1 Dec, 09:00–10:00: 12 events · keys 3 · sign-ins 9".
    QString toolTipFor(int bucket) const;
    // "12 days, 1,234 events, most on Tue 1 Dec".
    QString summary() const;
    // The accessible description: summary(), then the time-range filter when it narrows the
    // chart, a marked range, and the bar with the keyboard focus or under the pointer.
    QString accessibleSummary() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // A dragged (or Shift+arrow) range of buckets: UTC bucket edges, `until` exclusive.
    void rangeSelected(const QDateTime &since, const QDateTime &until);
    // One bar clicked or activated with Enter: its bucket (or column) edges in UTC.
    void bucketActivated(const QDateTime &start, const QDateTime &end);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    struct Column
    {
        int first = 0; // buckets [first, last)
        int last = 0;
        CategoryCounts counts {};
        qint64 total = 0;
    };
    struct Layout
    {
        QRectF header;
        QRectF plot;
        QRectF xAxis;
        qreal slot = 0; // width of one bucket
        qint64 max = 1;
        int group = 1; // buckets per column
        QList<Column> columns;
        QList<int> columnOf; // per bucket
    };
    struct Range
    {
        int first = -1; // buckets [first, last)
        int last = -1;
        bool isValid() const { return first >= 0 && last > first; }
    };

    const Layout &chartLayout() const;
    void invalidateLayout();
    Range columnRange(int bucket) const;
    Range pendingRange() const;
    qreal xOfBucket(int bucket) const;
    qreal xOfTime(qint64 ms) const;
    QRectF columnSlot(const Column &column) const;
    std::array<QRectF, CategoryCount> stack(const Column &column) const;
    QDateTime localStart(int bucket) const; // wall time at the histogram's offset, as UTC-labelled
    QString dayText(const QDate &date) const;
    QString periodText(int first, int last) const;
    QString describe(int first, int last) const;
    QString timeText(qint64 ms) const; // at the histogram's offset
    void updateAccessibleDescription();
    void moveFocus(int bucket, bool extend);
    void showFocusToolTip();
    void paintHeader(QPainter &p, const Layout &l) const;
    void paintAxes(QPainter &p, const Layout &l) const;
    void paintXLabels(QPainter &p, const Layout &l) const;
    void paintBand(QPainter &p, const Layout &l, qreal x0, qreal x1, qreal alpha) const;
    void paintMessage(QPainter &p, const QRectF &area, const QString &message, bool warning = false) const;

    AuditHistogram::Bucket m_unit = AuditHistogram::Bucket::Day;
    qint64 m_bucketMs = 0;
    qint64 m_sinceMs = 0;
    qint64 m_untilMs = 0;
    qint64 m_offsetMs = 0;
    qint64 m_total = 0;
    QList<CategoryCounts> m_counts; // per bucket
    QList<qint64> m_totals;
    bool m_hasData = false;
    bool m_loading = false;
    QString m_error;
    QDateTime m_selectionSince;
    QDateTime m_selectionUntil;
    int m_hover = -1;
    int m_focus = -1;
    int m_anchor = -1; // Shift+arrow range start
    int m_pressed = -1;
    int m_dragTo = -1;
    bool m_dragging = false;
    QPoint m_pressPos;
    mutable Layout m_layout;
    mutable bool m_layoutValid = false;
};

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"

#include <QWidget>

namespace keyward {

// Requests per day over the last 30 days as a row of bars, scaled to the busiest day. Hovering a
// bar says its day and count; so do the arrow keys (Home, End) when it has the focus. The
// accessible description sums up the whole period, then the day the keys are on.
class UsageSparkline : public QWidget
{
    Q_OBJECT

public:
    explicit UsageSparkline(QWidget *parent = nullptr);

    void setUsage(const QList<DailyUsage> &usage);
    const QList<DailyUsage> &usage() const { return m_usage; }
    qint64 total() const;
    // The day under a point of the widget, or -1.
    int dayAt(const QPoint &pos) const;
    // "1,234 requests in 30 days, busiest 12 Nov (210)", for the label and screen readers.
    QString summary() const;
    // "Tue 12 Nov 2024: 210 requests".
    QString dayText(int day) const;
    // The day the arrow keys are on, or -1.
    int currentDay() const { return m_current; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    QRectF barArea() const;
    void setCurrentDay(int day);
    void updateAccessibleDescription();
    QList<DailyUsage> m_usage;
    int m_current = -1;
};

} // namespace keyward

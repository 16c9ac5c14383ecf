// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"

#include <QWidget>

namespace keyward {

// Requests per day over the last 30 days as a row of bars, scaled to the busiest day. Hovering a
// bar says its day and count; the accessible description sums up the whole period.
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

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF barArea() const;
    QList<DailyUsage> m_usage;
};

} // namespace keyward

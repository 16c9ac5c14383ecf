// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QObject>
#include <QTimer>

#include <cstdio>

namespace keyward {

// For bench/startup.sh: installed on the main window, prints the milliseconds since `clock`
// started at the window's first paint ("first-paint-ms N") and quits. Shared by keyward and the
// floor program so both are measured the same way.
class FirstPaintProbe : public QObject
{
public:
    explicit FirstPaintProbe(const QElapsedTimer *clock) : m_clock(clock) { }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            std::fprintf(stdout, "first-paint-ms %.2f\n", double(m_clock->nsecsElapsed()) / 1e6);
            std::fflush(stdout);
            QTimer::singleShot(0, QCoreApplication::instance(), &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer *m_clock;
    bool m_done = false;
};

} // namespace keyward

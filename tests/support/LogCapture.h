// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// Records every Qt log message of the process (and passes it on), with all keyward.* debug
// categories on, so suites can prove that a secret never reached a log line.
class LogCapture
{
    bool m_installed = false;

public:
    LogCapture() = default;
    ~LogCapture();
    // Call from initTestCase(): QTest installs its own handler when the test starts, and the
    // capture must come after it (it passes every message on).
    void install();
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    QStringList lines() const;
    // The first line containing `needle`, or an empty string.
    QString find(const QString &needle) const;
};

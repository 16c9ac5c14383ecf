// SPDX-License-Identifier: GPL-3.0-or-later
#include "LogCapture.h"

#include <QLoggingCategory>
#include <QMutex>

namespace {
QMutex mutex;
QStringList captured;
QtMessageHandler previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&mutex);
        captured.append(message);
    }
    if (previous)
        previous(type, context, message);
}
} // namespace

void LogCapture::install()
{
    if (m_installed)
        return;
    m_installed = true;
    previous = qInstallMessageHandler(capture);
    QLoggingCategory::setFilterRules(QStringLiteral("keyward.*.debug=true"));
}

LogCapture::~LogCapture()
{
    if (m_installed)
        qInstallMessageHandler(previous);
}

QStringList LogCapture::lines() const
{
    QMutexLocker lock(&mutex);
    return captured;
}

QString LogCapture::find(const QString &needle) const
{
    QMutexLocker lock(&mutex);
    for (const QString &line : std::as_const(captured)) {
        if (line.contains(needle))
            return line;
    }
    return {};
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "BrowserLauncher.h"

#include <QLoggingCategory>
#include <QProcess>

Q_DECLARE_LOGGING_CATEGORY(lcAuth)

namespace keyward {

QStringList BrowserLauncher::environmentCommand()
{
    const QString command = qEnvironmentVariable("KEYWARD_BROWSER").trimmed();
    return command.isEmpty() ? QStringList() : QProcess::splitCommand(command);
}

bool BrowserLauncher::open(const QUrl &url) const
{
    QStringList command = environmentCommand();
    if (!command.isEmpty()) {
        const QString program = command.takeFirst();
        command.append(url.toString(QUrl::FullyEncoded));
        const bool started = QProcess::startDetached(program, command);
        if (!started)
            qCWarning(lcAuth).noquote() << "KEYWARD_BROWSER command" << program << "could not be started";
        return started;
    }
    return m_systemOpen && m_systemOpen(url);
}

} // namespace keyward

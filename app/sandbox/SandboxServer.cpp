// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxServer.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcSandbox, "keyward.sandbox", QtInfoMsg)

namespace keyward {

namespace {
const QByteArray ListeningPrefix = "keyward-server listening on ";
constexpr int StartTimeoutMs = 60'000;
} // namespace

SandboxServer::SandboxServer(QObject *parent) : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setReadChannel(QProcess::StandardOutput);
#ifdef Q_OS_LINUX
    // No orphan servers: the child gets SIGTERM when this process dies, however it dies.
    const pid_t app = ::getpid();
    m_process.setChildProcessModifier([app] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != app) // the app died before prctl took effect
            ::_exit(1);
    });
#endif
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &SandboxServer::onOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray err = m_process.readAllStandardError();
        for (const QByteArray &line : err.split('\n')) {
            if (!line.trimmed().isEmpty())
                qCDebug(lcSandbox).noquote() << "server:" << QString::fromUtf8(line);
        }
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            m_startTimeout.stop();
            fail(tr("The sandbox server %1 could not be started: %2").arg(m_binary, m_process.errorString()));
        }
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        if (m_url.isEmpty()) {
            m_startTimeout.stop();
            fail(status == QProcess::CrashExit
                              ? tr("The sandbox server crashed while starting.")
                              : tr("The sandbox server stopped while starting (exit code %1).").arg(code));
        } else {
            qCInfo(lcSandbox) << "sandbox server exited with code" << code;
        }
    });
    m_startTimeout.setSingleShot(true);
    connect(&m_startTimeout, &QTimer::timeout, this, [this] {
        stop(1000);
        fail(tr("The sandbox server did not start within %n second(s).", nullptr, StartTimeoutMs / 1000));
    });
    m_databasePath = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/sandbox.db");
}

SandboxServer::~SandboxServer()
{
    // At quit: the one place that waits, so the server is gone when the app is.
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.disconnect(this);
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QString SandboxServer::findServer(const QString &applicationDir)
{
    const QString name = QStringLiteral("keyward-server");
    for (const QString &candidate : {applicationDir + QLatin1Char('/') + name,
                                     applicationDir + QStringLiteral("/../server/") + name}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return QStandardPaths::findExecutable(name);
}

void SandboxServer::start()
{
    m_failed = false;
    if (m_binary.isEmpty()) {
        fail(tr("keyward-server was not found next to Keyward or on the PATH, so the sandbox cannot start."));
        return;
    }
    QDir().mkpath(QFileInfo(m_databasePath).absolutePath());
    const QStringList args {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--database"), QStringLiteral("sqlite:") + m_databasePath,
                            QStringLiteral("--demo")};
    qCInfo(lcSandbox).noquote() << "starting" << m_binary << args.join(QLatin1Char(' '));
    m_url.clear();
    m_buffer.clear();
    m_failed = false;
    m_startTimeout.start(StartTimeoutMs);
    m_process.start(m_binary, args);
}

void SandboxServer::onOutput()
{
    m_buffer.append(m_process.readAllStandardOutput());
    if (!m_url.isEmpty()) {
        m_buffer.clear();
        return;
    }
    const int newline = m_buffer.indexOf('\n');
    if (newline < 0)
        return;
    const QByteArray line = m_buffer.left(newline).trimmed();
    m_buffer.clear();
    m_startTimeout.stop();
    if (!line.startsWith(ListeningPrefix)) {
        stop(1000);
        fail(tr("The sandbox server said something unexpected: %1").arg(QString::fromUtf8(line.left(200))));
        return;
    }
    m_url = QUrl(QString::fromUtf8(line.mid(ListeningPrefix.size())));
    qCInfo(lcSandbox).noquote() << "sandbox server ready at" << m_url.toString() << "pid" << m_process.processId();
    Q_EMIT ready(m_url);
}

void SandboxServer::fail(const QString &message)
{
    if (m_failed)
        return;
    m_failed = true;
    Q_EMIT failed(message);
}

void SandboxServer::stop(int graceMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    QTimer::singleShot(graceMs, &m_process, [this] {
        if (m_process.state() != QProcess::NotRunning)
            m_process.kill();
    });
}

} // namespace keyward

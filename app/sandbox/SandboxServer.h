// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>

namespace keyward {

// `keyward --sandbox`: a keyward-server child with demo data on a free loopback port and a
// database in the user's data folder. The child is stopped on quit, and dies with the app if the
// app crashes (Linux: parent-death signal).
class SandboxServer : public QObject
{
    Q_OBJECT

public:
    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    // keyward-server next to `applicationDir` (or in ../server for a build tree), else on PATH.
    static QString findServer(const QString &applicationDir);

    void setServerBinary(const QString &path) { m_binary = path; }
    void setDatabasePath(const QString &path) { m_databasePath = path; }
    QString databasePath() const { return m_databasePath; }
    void start();
    // SIGTERM, then SIGKILL if it is still there after `graceMs`; returns at once.
    void stop(int graceMs = 5000);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QUrl url() const { return m_url; }
    qint64 processId() const { return m_process.processId(); }

Q_SIGNALS:
    void ready(const QUrl &url);
    void failed(const QString &message);

private:
    void onOutput();

    QProcess m_process;
    QString m_binary;
    QString m_databasePath;
    QByteArray m_buffer;
    QUrl m_url;
    QTimer m_startTimeout;
    bool m_failed = false; // failed() is said once per start

    void fail(const QString &message);
};

} // namespace keyward

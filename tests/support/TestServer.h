// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

// A real keyward-server on 127.0.0.1:0 with a fresh SQLite database in a temporary folder,
// and a small synchronous HTTP client for the suites. The binary comes from
// $KEYWARD_SERVER_BINARY (set by CTest).
class TestServer
{
public:
    struct Response
    {
        int status = 0;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QString networkError; // empty when an HTTP answer arrived

        QJsonObject json() const;
        QByteArray header(const QByteArray &name) const;
    };

    TestServer();
    ~TestServer();

    static QString binary();

    // Options: extra serve arguments (e.g. {"--demo"}), and a JSON config written to a file
    // and passed as --config when not empty.
    bool start(const QStringList &extraArgs = {}, const QJsonObject &config = {});
    // SIGTERM and wait; returns the exit code (or -1 when it had to be killed).
    int stop();
    bool isRunning() const;

    QString databaseUrl() const { return QStringLiteral("sqlite:") + m_dir.path() + QStringLiteral("/keyward.db"); }
    QString databasePath() const { return m_dir.path() + QStringLiteral("/keyward.db"); }
    QString dir() const { return m_dir.path(); }
    quint16 port() const { return m_port; }
    QUrl url(const QString &pathAndQuery) const;
    // Everything the server wrote to stdout and stderr so far.
    QByteArray output();

    // `keyward-server key create` against this database; returns the secret.
    QString createKey(const QString &permissions, const QString &note = QStringLiteral("test key"),
                      const QString &expiresAt = {});
    // Runs the server binary with arguments, collecting exit code, stdout and stderr.
    static int run(const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr,
                   int timeoutMs = 60000);

    Response get(const QString &path, const QString &key = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Response post(const QString &path, const QByteArray &body, const QString &key = {},
                  const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Response post(const QString &path, const QJsonObject &body, const QString &key = {},
                  const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Response send(const QByteArray &method, const QString &path, const QByteArray &body,
                  const QList<QPair<QByteArray, QByteArray>> &headers);

    QNetworkAccessManager &network() { return m_nam; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
    quint16 m_port = 0;
    QNetworkAccessManager m_nam;
};

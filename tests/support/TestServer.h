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

// A real keyward-server on 127.0.0.1:0 with a fresh database, and a small synchronous HTTP
// client for the suites. The binary comes from $KEYWARD_SERVER_BINARY (set by CTest).
//
// The database is SQLite in a temporary folder, or, when $KEYWARD_TEST_BACKEND is "postgres"
// (the suites' "_pg" runs), a fresh database of its own in the throw-away PostgreSQL cluster
// that CTest's pg_cluster fixture started (its address in the file $KEYWARD_TEST_PG_FILE),
// dropped again at the end.
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

    // True in the suites' PostgreSQL runs.
    static bool usesPostgres();
    // The cluster's address without a database ("postgresql://postgres@127.0.0.1:PORT"), or
    // empty (with *error) when the fixture did not start it.
    static QString postgresClusterUrl(QString *error = nullptr);
    // A new, empty database in the cluster (for suites that need more than one); dropped by
    // dropPostgresDatabase or at the end of the process.
    static QString createPostgresDatabase(QString *error = nullptr);
    static void dropPostgresDatabase(const QString &url);

    QString databaseUrl() const;
    // The SQLite file (empty in the PostgreSQL runs).
    QString databasePath() const;
    // Everything the database holds, as bytes to search: the SQLite file with its -wal and -shm,
    // or a plain pg_dump of the PostgreSQL database.
    QByteArray databaseContents() const;
    // A Qt SQL connection of the test's own to the server's database (remove it with
    // QSqlDatabase::removeDatabase(name) when done).
    bool openDatabase(const QString &connectionName, QString *error = nullptr) const;
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
    mutable QString m_pgUrl;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
    quint16 m_port = 0;
    QNetworkAccessManager m_nam;
};

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
    // SIGKILL and wait: the server gets no chance to finish anything (a crash, a power cut as far
    // as the process is concerned). True once it is gone.
    bool kill();
    bool isRunning() const;
    // The running server's process id (0 when none).
    qint64 pid() const;

    // Options for the next start():
    // - the largest file the server may write (RLIMIT_FSIZE, soft limit only, so that it can be
    //   lifted again on the running process; SIGXFSZ is ignored, so a write past it fails with
    //   EFBIG as on a full disk instead of killing the server); negative: no limit. Linux only.
    void setFileSizeLimit(qint64 bytes) { m_fileSizeLimit = bytes; }
    // - the user the server runs as, for tests of file permissions, which root ignores (needs
    //   root; empty: the test's own user). False when there is no such user. Linux only.
    bool setUser(const QString &name);
    // - a database of the suite's own instead of a fresh one (a database URL; not dropped at
    //   the end). For PostgreSQL suites that run their own cluster.
    void setDatabaseUrl(const QString &url) { m_ownUrl = url; }

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
    QString m_ownUrl;
    qint64 m_fileSizeLimit = -1;
    int m_uid = -1;
    int m_gid = -1;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
    quint16 m_port = 0;
    QNetworkAccessManager m_nam;
};

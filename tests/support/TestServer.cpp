// SPDX-License-Identifier: GPL-3.0-or-later
#ifdef __linux__
#include <csignal>
#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>
#endif
#include "TestServer.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

QJsonObject TestServer::Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray TestServer::Response::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

namespace {
// Databases this process created, dropped at exit even if a suite forgot.
QStringList &createdDatabases()
{
    static QStringList names;
    return names;
}

bool adminExec(const QString &statement, QString *error)
{
    const QString clusterUrl = TestServer::postgresClusterUrl(error);
    if (clusterUrl.isEmpty())
        return false;
    const QUrl url(clusterUrl);
    const QString name = QStringLiteral("keyward-test-admin");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                       : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setDatabaseName(QStringLiteral("postgres"));
        if (!db.isOpen() && !db.open()) {
            if (error)
                *error = QStringLiteral("cannot connect to the test cluster: ") + db.lastError().text();
            return false;
        }
        QSqlQuery q(db);
        ok = q.exec(statement);
        if (!ok && error)
            *error = q.lastError().text();
    }
    return ok;
}

void dropCreatedDatabases()
{
    for (const QString &url : createdDatabases()) {
        const QString name = QUrl(url).path().mid(1);
        adminExec(QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(name), nullptr);
    }
    createdDatabases().clear();
    if (QSqlDatabase::contains(QStringLiteral("keyward-test-admin")))
        QSqlDatabase::removeDatabase(QStringLiteral("keyward-test-admin"));
}
} // namespace

bool TestServer::usesPostgres()
{
    return qEnvironmentVariable("KEYWARD_TEST_BACKEND") == QLatin1String("postgres");
}

QString TestServer::postgresClusterUrl(QString *error)
{
    const QString file = qEnvironmentVariable("KEYWARD_TEST_PG_FILE");
    QFile f(file);
    if (file.isEmpty() || !f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("no PostgreSQL test cluster: KEYWARD_TEST_PG_FILE (%1) is not readable; run "
                                    "the suite through ctest, whose pg_cluster fixture starts one").arg(file);
        return {};
    }
    return QString::fromUtf8(f.readAll().trimmed());
}

QString TestServer::createPostgresDatabase(QString *error)
{
    const QString clusterUrl = postgresClusterUrl(error);
    if (clusterUrl.isEmpty())
        return {};
    const QString name = QStringLiteral("kw_%1_%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(QString::number(QRandomGenerator::global()->generate64(), 36));
    if (!adminExec(QStringLiteral("CREATE DATABASE \"%1\"").arg(name), error))
        return {};
    const QString url = clusterUrl + QLatin1Char('/') + name;
    if (createdDatabases().isEmpty())
        qAddPostRoutine(dropCreatedDatabases);
    createdDatabases().append(url);
    return url;
}

void TestServer::dropPostgresDatabase(const QString &url)
{
    const QString name = QUrl(url).path().mid(1);
    adminExec(QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(name), nullptr);
    createdDatabases().removeAll(url);
}

TestServer::TestServer() = default;

TestServer::~TestServer()
{
    if (isRunning())
        stop();
    if (!m_pgUrl.isEmpty())
        dropPostgresDatabase(m_pgUrl);
}

QString TestServer::databaseUrl() const
{
    if (!m_ownUrl.isEmpty())
        return m_ownUrl;
    if (!usesPostgres())
        return QStringLiteral("sqlite:") + databasePath();
    if (m_pgUrl.isEmpty()) {
        QString error;
        m_pgUrl = createPostgresDatabase(&error);
        if (m_pgUrl.isEmpty())
            qFatal("%s", qPrintable(error));
    }
    return m_pgUrl;
}

QString TestServer::databasePath() const
{
    if (m_ownUrl.startsWith(QLatin1String("sqlite:")))
        return m_ownUrl.mid(7);
    if (!m_ownUrl.isEmpty())
        return {};
    return usesPostgres() ? QString() : m_dir.path() + QStringLiteral("/keyward.db");
}

QByteArray TestServer::databaseContents() const
{
    QByteArray stored;
    if (!databasePath().isEmpty()) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile f(databasePath() + suffix);
            if (f.open(QIODevice::ReadOnly))
                stored += f.readAll();
        }
        return stored;
    }
    QProcess dump;
    dump.start(QStringLiteral("pg_dump"), {QStringLiteral("--no-owner"), QStringLiteral("--dbname"), databaseUrl()});
    if (!dump.waitForFinished(60000) || dump.exitCode() != 0)
        qFatal("pg_dump failed: %s", dump.readAllStandardError().constData());
    return dump.readAllStandardOutput();
}

bool TestServer::openDatabase(const QString &connectionName, QString *error) const
{
    QSqlDatabase db;
    if (databasePath().isEmpty()) {
        const QUrl url(databaseUrl());
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(databasePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (db.open())
        return true;
    if (error)
        *error = db.lastError().text();
    return false;
}

QString TestServer::binary()
{
    const QString env = qEnvironmentVariable("KEYWARD_SERVER_BINARY");
    return env.isEmpty() ? QStringLiteral("keyward-server") : env;
}

bool TestServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 TestServer::pid() const
{
    return isRunning() ? m_process->processId() : 0;
}

bool TestServer::setUser(const QString &name)
{
    if (name.isEmpty()) {
        m_uid = m_gid = -1;
        return true;
    }
#ifdef __linux__
    const struct passwd *pw = ::getpwnam(name.toLocal8Bit().constData());
    if (!pw)
        return false;
    m_uid = int(pw->pw_uid);
    m_gid = int(pw->pw_gid);
    return true;
#else
    return false;
#endif
}

bool TestServer::start(const QStringList &extraArgs, const QJsonObject &config)
{
    QStringList args {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--database"), databaseUrl()};
    if (!config.isEmpty()) {
        const QString path = m_dir.path() + QStringLiteral("/config.json");
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(QJsonDocument(config).toJson());
        f.close();
        args << QStringLiteral("--config") << path;
    }
    args << extraArgs;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
#ifdef __linux__
    // In the child between fork and exec: async-signal-safe calls only.
    m_process->setChildProcessModifier([limit = m_fileSizeLimit, uid = m_uid, gid = m_gid] {
        if (limit >= 0) {
            struct rlimit r {};
            ::getrlimit(RLIMIT_FSIZE, &r);
            r.rlim_cur = rlim_t(limit);
            ::setrlimit(RLIMIT_FSIZE, &r);
            ::signal(SIGXFSZ, SIG_IGN); // stays ignored across exec
        }
        if (uid >= 0) {
            // Failing to drop root must not run the server as root by mistake.
            if (::setgroups(0, nullptr) != 0 || ::setgid(gid_t(gid)) != 0 || ::setuid(uid_t(uid)) != 0)
                ::_exit(126);
        }
        // A suite that crashes must not leave its server running (after setuid, which clears it).
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
#endif
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("keyward.server.access.info=true"));
    m_process->setProcessEnvironment(env);
    m_process->start(binary(), args);
    if (!m_process->waitForStarted(10000))
        return false;
    // Filling a demo database on PostgreSQL takes seconds, more on a busy machine.
    QDeadlineTimer deadline(usesPostgres() ? 180000 : 60000);
    const qsizetype from = m_output.size(); // a restarted server appends to the earlier output
    while (!deadline.hasExpired()) {
        m_process->waitForReadyRead(200);
        m_output += m_process->readAll();
        const qsizetype marker = m_output.indexOf("keyward-server listening on http://", from);
        if (marker >= 0) {
            const qsizetype eol = m_output.indexOf('\n', marker);
            if (eol < 0)
                continue;
            const QByteArray line = m_output.mid(marker, eol - marker).trimmed();
            m_port = quint16(line.mid(line.lastIndexOf(':') + 1).toUInt());
            return m_port != 0;
        }
        if (m_process->state() != QProcess::Running)
            return false;
    }
    return false;
}

int TestServer::stop()
{
    if (!m_process)
        return -1;
    if (m_process->state() == QProcess::Running) {
        m_process->terminate();
        if (!m_process->waitForFinished(20000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
            m_output += m_process->readAll();
            return -1;
        }
    }
    m_output += m_process->readAll();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

bool TestServer::kill()
{
    if (!m_process)
        return true;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
    m_output += m_process->readAll();
    return m_process->state() == QProcess::NotRunning;
}

QByteArray TestServer::output()
{
    if (m_process)
        m_output += m_process->readAll();
    return m_output;
}

QUrl TestServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery));
}

int TestServer::run(const QStringList &args, QByteArray *out, QByteArray *err, int timeoutMs)
{
    QProcess p;
    p.start(binary(), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString TestServer::createKey(const QString &permissions, const QString &note, const QString &expiresAt)
{
    QStringList args {QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--database"), databaseUrl(),
                      QStringLiteral("--note"), note, QStringLiteral("--permissions"), permissions};
    if (!expiresAt.isEmpty())
        args << QStringLiteral("--expires-at") << expiresAt;
    QByteArray out;
    if (run(args, &out) != 0)
        return {};
    return QString::fromLatin1(out.trimmed());
}

TestServer::Response TestServer::send(const QByteArray &method, const QString &path, const QByteArray &body,
                                      const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url(path));
    request.setTransferTimeout(30000);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    if (!body.isEmpty() && !request.hasRawHeader("Content-Type"))
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Response r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        r.headers.append(pair);
    if (r.status == 0)
        r.networkError = reply->errorString();
    reply->deleteLater();
    return r;
}

namespace {
QList<QPair<QByteArray, QByteArray>> withKey(const QString &key, QList<QPair<QByteArray, QByteArray>> headers)
{
    if (!key.isEmpty())
        headers.prepend({"Authorization", "Bearer " + key.toLatin1()});
    return headers;
}
} // namespace

TestServer::Response TestServer::get(const QString &path, const QString &key,
                                     const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("GET", path, {}, withKey(key, headers));
}

TestServer::Response TestServer::post(const QString &path, const QByteArray &body, const QString &key,
                                      const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("POST", path, body, withKey(key, headers));
}

TestServer::Response TestServer::post(const QString &path, const QJsonObject &body, const QString &key,
                                      const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return post(path, QJsonDocument(body).toJson(QJsonDocument::Compact), key, headers);
}

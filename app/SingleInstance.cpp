// SPDX-License-Identifier: GPL-3.0-or-later
#include "SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>

Q_LOGGING_CATEGORY(lcInstance, "keyward.instance", QtInfoMsg)

namespace keyward {

namespace {

// One JSON object per line each way:
//   later launch → instance:  {"keyward":1,"request":"activate","activationToken":"…"}
//   instance → later launch:  {"keyward":1,"answer":"activated"}
constexpr int ProtocolVersion = 1;
constexpr qint64 MaxLine = 4096;
constexpr int IdleClientMs = 5000; // a client that says nothing for this long is dropped

const QString SandboxId = QStringLiteral("sandbox"); // the id main.cpp gives the sandbox profile

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QJsonObject parseLine(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes.trimmed(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return {};
    const QJsonObject object = document.object();
    if (object.value(QLatin1String("keyward")).toInt() != ProtocolVersion)
        return {};
    return object;
}

QString lockPath(const QString &serverName)
{
#ifdef Q_OS_WIN
    return QDir::temp().filePath(serverName + QStringLiteral(".lock"));
#else
    return serverName + QStringLiteral(".lock"); // a path already, beside the socket
#endif
}

enum class HandOver { Activated, Closed, Silent };

// Asks the instance on the other end of `socket` for its window and waits for the answer.
HandOver handOver(QLocalSocket *socket, int timeoutMs)
{
    QJsonObject request {{QStringLiteral("keyward"), ProtocolVersion},
                         {QStringLiteral("request"), QStringLiteral("activate")}};
    const QString token = qEnvironmentVariable("XDG_ACTIVATION_TOKEN");
    if (!token.isEmpty())
        request.insert(QStringLiteral("activationToken"), token);
    socket->write(line(request));
    socket->flush();
    if (!socket->canReadLine() && socket->state() == QLocalSocket::ConnectedState) {
        // A local loop rather than waitForReadyRead(): the instance may live in this thread (tests).
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(socket, &QLocalSocket::readyRead, &loop, [&loop, socket] {
            if (socket->canReadLine())
                loop.quit();
        });
        QObject::connect(socket, &QLocalSocket::disconnected, &loop, &QEventLoop::quit);
        QObject::connect(socket, &QLocalSocket::errorOccurred, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    const bool answered = socket->canReadLine();
    const QJsonObject answer = answered ? parseLine(socket->readLine(MaxLine)) : QJsonObject();
    const bool closed = socket->state() != QLocalSocket::ConnectedState;
    socket->disconnectFromServer();
    if (answer.value(QLatin1String("answer")).toString() == QLatin1String("activated"))
        return HandOver::Activated;
    return closed && !answered ? HandOver::Closed : HandOver::Silent;
}

} // namespace

SingleInstance::SingleInstance(QObject *parent) : QObject(parent) {}

SingleInstance::~SingleInstance()
{
    release();
}

QString SingleInstance::sandboxKey()
{
    return QStringLiteral("sandbox");
}

QString SingleInstance::keyFor(const std::optional<Profile> &profile)
{
    if (!profile)
        return QStringLiteral("no-profile");
    if (profile->transient && profile->id == SandboxId)
        return sandboxKey();
    if (profile->transient) {
        return QStringLiteral("api:%1\n%2\n%3")
            .arg(profile->apiUrl.toString(QUrl::FullyEncoded), profile->issuerUrl.toString(QUrl::FullyEncoded),
                 profile->clientId);
    }
    return QStringLiteral("profile:") + profile->id;
}

QString SingleInstance::serverName(const QString &key)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QDir::homePath().toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")).toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(key.toUtf8());
    const QString name = QStringLiteral("keyward-") + QString::fromLatin1(hash.result().toHex().left(24));
#if defined(Q_OS_WIN)
    return name; // a pipe name in the session's namespace
#else
#if defined(Q_OS_MACOS)
    QString dir = QDir::tempPath(); // per user on macOS, and short enough for a socket path
#else
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation); // XDG_RUNTIME_DIR, mode 0700
#endif
    if (dir.isEmpty())
        dir = QDir::tempPath();
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
#endif
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

SingleInstance::Role SingleInstance::claim(const QString &key, int timeoutMs)
{
    release();
    for (int attempt = 0; attempt < 2; ++attempt) {
        QLocalSocket socket;
        bool connected = false;
        {
            QLockFile lock(lockPath(serverName(key)));
            if (!lock.tryLock(timeoutMs))
                qCWarning(lcInstance) << "another launch holds" << lock.fileName() << "- going on without it";
            connected = connectOrListen(key, &socket, timeoutMs);
        }
        if (!connected)
            return m_server ? Role::Primary : Role::Alone;
        switch (handOver(&socket, timeoutMs)) {
        case HandOver::Activated:
            return Role::Secondary;
        case HandOver::Silent:
            return Role::Unanswered;
        case HandOver::Closed:
            break; // the instance quit as we knocked: try once more to become it
        }
    }
    return Role::Unanswered;
}

bool SingleInstance::follow(const QString &key)
{
    if (m_server && key == m_key)
        return true;
    release();
    QLocalSocket probe;
    bool taken = false;
    {
        QLockFile lock(lockPath(serverName(key)));
        if (!lock.tryLock(2000))
            qCWarning(lcInstance) << "another launch holds" << lock.fileName() << "- going on without it";
        taken = connectOrListen(key, &probe, 2000);
    }
    if (taken) {
        probe.disconnectFromServer();
        qCInfo(lcInstance) << "another Keyward window has this profile; launches for it go there";
        return false;
    }
    return m_server != nullptr;
}

void SingleInstance::release()
{
    if (m_server) {
        m_server->close(); // removes the socket file on Unix
        delete m_server;
        m_server = nullptr;
    }
    m_key.clear();
}

bool SingleInstance::connectOrListen(const QString &key, QLocalSocket *socket, int timeoutMs)
{
    const QString name = serverName(key);
    socket->connectToServer(name);
    if (socket->waitForConnected(timeoutMs))
        return true;
    // Nobody listens: there is no socket, or a crashed instance left one that refuses connections.
    if (socket->error() == QLocalSocket::ConnectionRefusedError)
        qCInfo(lcInstance) << "taking over the socket a previous Keyward left behind";
    QLocalServer::removeServer(name);
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(name)) {
        qCWarning(lcInstance) << "cannot listen on" << name << ":" << server->errorString()
                              << "- a second launch for this profile will open another window";
        delete server;
        return false;
    }
    m_server = server;
    m_key = key;
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnections);
    return false;
}

void SingleInstance::acceptConnections()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readRequest(socket); });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(IdleClientMs, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            readRequest(socket);
    }
}

void SingleInstance::readRequest(QLocalSocket *socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > MaxLine) // not a launch of ours: no request is that long
            socket->abort();
        return;
    }
    const QJsonObject request = parseLine(socket->readLine(MaxLine));
    if (request.value(QLatin1String("request")).toString() != QLatin1String("activate")) {
        qCWarning(lcInstance) << "ignored a request that is not a later launch's";
        socket->abort();
        return;
    }
    socket->write(line({{QStringLiteral("keyward"), ProtocolVersion}, {QStringLiteral("answer"), QStringLiteral("activated")}}));
    socket->flush();
    socket->disconnectFromServer();
    qCInfo(lcInstance) << "a later launch for this profile asked for the window";
    Q_EMIT activationRequested(request.value(QLatin1String("activationToken")).toString());
}

} // namespace keyward

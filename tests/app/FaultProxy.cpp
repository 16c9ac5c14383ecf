// SPDX-License-Identifier: GPL-3.0-or-later
#include "FaultProxy.h"

#include <QTcpSocket>
#include <QTimer>

namespace {

// The end of a request's headers: what a fault answer waits for before it says anything.
bool hasRequestHead(const QByteArray &received)
{
    return received.contains("\r\n\r\n");
}

QByteArray httpAnswer(const QByteArray &statusLine, const QList<QByteArray> &headers, const QByteArray &body)
{
    QByteArray out = statusLine + "\r\n";
    for (const QByteArray &h : headers)
        out += h + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    return out;
}

} // namespace

FaultProxy::FaultProxy(quint16 upstreamPort, QObject *parent) : QObject(parent), m_upstreamPort(upstreamPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy()
{
    closeAll();
}

bool FaultProxy::listen()
{
    if (!m_server.listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

QUrl FaultProxy::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(m_port);
    u.setPath(QStringLiteral("/"));
    return u;
}

void FaultProxy::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    // Whatever is open was opened under the old mode: the next request must meet the new one.
    closeAll();
    const Mode old = m_mode;
    m_mode = mode;
    if (mode == Mode::Refuse)
        m_server.close();
    else if (old == Mode::Refuse && !listen()) // the same port again (QTcpServer reuses the address)
        qWarning("FaultProxy: cannot listen on port %u again: %s", unsigned(m_port), qPrintable(m_server.errorString()));
}

void FaultProxy::resetCounters()
{
    m_faultAnswers = 0;
    m_passed = 0;
}

QByteArray FaultProxy::garbageAnswer()
{
    return QByteArrayLiteral("\x16\x03\x01 this is not HTTP \xff\xfe\r\n\r\n");
}

QByteArray FaultProxy::truncatedAnswer()
{
    // A 200 that promises forty bytes of JSON, sends five and hangs up.
    return QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{oops");
}

QByteArray FaultProxy::notJsonAnswer()
{
    return httpAnswer("HTTP/1.1 200 OK", {"Content-Type: text/html"},
                      "<html><body>Welcome to the captive portal</body></html>");
}

QByteArray FaultProxy::unavailableAnswer() const
{
    return httpAnswer("HTTP/1.1 503 Service Unavailable",
                      {"Content-Type: application/json", "Retry-After: " + QByteArray::number(m_retryAfter)},
                      "{\"error\":{\"code\":\"UNAVAILABLE\",\"message\":\"The service is down for maintenance\"}}");
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        switch (m_mode) {
        case Mode::Pass:
        case Mode::Slow:
            startPass(client);
            break;
        case Mode::Drop:
            ++m_faultAnswers;
            client->abort();
            client->deleteLater();
            break;
        case Mode::Refuse: // not listening; one that slipped in before close() gets a 503
        case Mode::GarbageBytes:
        case Mode::Truncated:
        case Mode::NotJson:
        case Mode::Unavailable:
            answerFault(client);
            break;
        }
    }
}

void FaultProxy::answerFault(QTcpSocket *client)
{
    m_faultClients.append(client);
    auto *received = new QByteArray;
    connect(client, &QObject::destroyed, this, [received] { delete received; });
    connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    connect(client, &QTcpSocket::readyRead, this, [this, client, received] {
        received->append(client->readAll());
        if (!hasRequestHead(*received) || client->property("answered").toBool())
            return;
        client->setProperty("answered", true);
        ++m_faultAnswers;
        switch (m_mode) {
        case Mode::GarbageBytes:
            client->write(garbageAnswer());
            break;
        case Mode::Truncated:
            client->write(truncatedAnswer());
            break;
        case Mode::NotJson:
            client->write(notJsonAnswer());
            break;
        default:
            client->write(unavailableAnswer());
            break;
        }
        client->disconnectFromHost(); // after the bytes are written
    });
}

void FaultProxy::startPass(QTcpSocket *client)
{
    ++m_passed;
    auto *link = new Link;
    link->client = client;
    link->upstream = new QTcpSocket(this);
    m_links.append(link);
    link->finish = [this, link] {
        if (!m_links.removeOne(link))
            return;
        if (link->client && !link->toClient.isEmpty() && link->client->state() == QAbstractSocket::ConnectedState)
            link->client->write(link->toClient);
        for (QTcpSocket *s : {link->client.data(), link->upstream.data()}) {
            if (!s)
                continue;
            s->disconnect(this);
            // Closes once what is written has gone out; deleted then, not before.
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            s->disconnectFromHost();
            if (s->state() == QAbstractSocket::UnconnectedState)
                s->deleteLater();
        }
        delete link;
    };
    const auto finishLater = [link] {
        const std::function<void()> finish = link->finish; // it deletes the link
        finish();
    };
    connect(client, &QTcpSocket::readyRead, this, [link] {
        const QByteArray data = link->client->readAll();
        // A request line, not the body of one (the bodies here are JSON).
        if (data.startsWith("POST ") || data.startsWith("GET ") || data.startsWith("PATCH ") || data.startsWith("DELETE "))
            link->lastRequestIsPost = data.startsWith("POST ");
        if (link->upstream->state() == QAbstractSocket::ConnectedState)
            link->upstream->write(data);
        else
            link->pending += data;
    });
    connect(link->upstream, &QTcpSocket::connected, this, [link] {
        link->upstream->write(link->pending);
        link->pending.clear();
    });
    connect(link->upstream, &QTcpSocket::readyRead, this, [this, link] {
        if (m_losePosts > 0 && link->lastRequestIsPost && m_mode == Mode::Pass) {
            --m_losePosts;
            ++m_faultAnswers;
            link->upstream->readAll();
            const std::function<void()> finish = link->finish; // safe if abort() already ended the link
            link->client->abort(); // the answer is lost on its way back
            finish();
            return;
        }
        link->toClient += link->upstream->readAll();
        holdOrForward(link);
    });
    connect(client, &QTcpSocket::disconnected, this, finishLater);
    const auto upstreamGone = [link, finishLater] {
        link->upstreamClosed = true;
        if (!link->flushPending) // else the held answer goes first, then the link closes
            finishLater();
    };
    connect(link->upstream, &QTcpSocket::disconnected, this, upstreamGone);
    connect(link->upstream, &QTcpSocket::errorOccurred, this, upstreamGone);
    link->upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
}

void FaultProxy::holdOrForward(Link *link)
{
    if (m_mode != Mode::Slow) {
        if (link->client)
            link->client->write(link->toClient);
        link->toClient.clear();
        return;
    }
    if (link->flushPending)
        return;
    link->flushPending = true;
    // The link's own context: deleting the link cancels the timer.
    QTimer::singleShot(m_slowMs, &link->context, [link] {
        link->flushPending = false;
        if (link->client)
            link->client->write(link->toClient);
        link->toClient.clear();
        if (link->upstreamClosed) {
            const std::function<void()> finish = link->finish;
            finish();
        }
    });
}

void FaultProxy::closeAll()
{
    const QList<Link *> links = m_links;
    m_links.clear();
    for (Link *link : links) {
        for (QTcpSocket *s : {link->client.data(), link->upstream.data()}) {
            if (!s)
                continue;
            s->disconnect(this);
            s->abort();
            s->deleteLater();
        }
        delete link;
    }
    for (const QPointer<QTcpSocket> &c : std::as_const(m_faultClients)) {
        if (c) {
            c->abort();
            c->deleteLater();
        }
    }
    m_faultClients.clear();
}

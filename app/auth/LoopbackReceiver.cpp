// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoopbackReceiver.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace keyward {

namespace {
constexpr int MaxRequestBytes = 16 * 1024;
constexpr int RequestTimeoutMs = 10'000;
const QString CallbackPath = QStringLiteral("/callback");

QByteArray response(int status, const QByteArray &reason, const QByteArray &body, const QByteArray &type)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type
        + "\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nX-Content-Type-Options: nosniff"
          "\r\nContent-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\nConnection: close\r\n\r\n"
        + body;
}
} // namespace

LoopbackReceiver::LoopbackReceiver(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onNewConnection);
}

LoopbackReceiver::~LoopbackReceiver() = default;

bool LoopbackReceiver::listen()
{
    if (m_server.isListening())
        return true;
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void LoopbackReceiver::close()
{
    m_server.close();
}

QUrl LoopbackReceiver::redirectUri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    url.setPath(CallbackPath);
    return url;
}

QByteArray LoopbackReceiver::renderPage(const Page &page)
{
    const QByteArray colour = page.success ? "#1a7f37" : "#b42318";
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + page.title.toHtmlEscaped().toUtf8()
        + "</title><style>body{font-family:system-ui,sans-serif;background:#f6f7f9;color:#1d2330;display:flex;"
          "align-items:center;justify-content:center;height:100vh;margin:0}main{background:#fff;border-radius:12px;"
          "box-shadow:0 2px 12px rgba(0,0,0,.08);padding:32px 40px;max-width:32rem}h1{font-size:1.3rem;color:"
        + colour + "}</style></head><body><main><h1>" + page.title.toHtmlEscaped().toUtf8() + "</h1><p>"
        + page.message.toHtmlEscaped().toUtf8() + "</p></main></body></html>";
}

void LoopbackReceiver::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        // The answer must outlive the receiver, which the sign-in closes as soon as it has its
        // result: each socket owns itself and goes when it is done (or times out).
        socket->setParent(nullptr);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto *timer = new QTimer(socket);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, socket, &QTcpSocket::abort);
        timer->start(RequestTimeoutMs);
        auto buffer = std::make_shared<QByteArray>();
        QPointer<LoopbackReceiver> self(this);
        connect(socket, &QTcpSocket::readyRead, this, [self, socket, buffer] {
            buffer->append(socket->readAll());
            if (buffer->size() > MaxRequestBytes) {
                socket->disconnect(self); // no more reading
                socket->write(response(431, "Request Header Fields Too Large", {}, "text/plain"));
                socket->disconnectFromHost();
                return;
            }
            const int end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            socket->disconnect(self);
            const QList<QByteArray> requestLine = buffer->left(buffer->indexOf("\r\n")).split(' ');
            QUrl target;
            if (requestLine.size() == 3)
                target = QUrl(QString::fromLatin1(requestLine.at(1)));
            if (requestLine.size() != 3 || requestLine.at(0) != "GET" || target.path() != CallbackPath || !self
                || !self->m_handler) {
                socket->write(response(404, "Not Found", "Not found", "text/plain"));
                socket->disconnectFromHost();
                return;
            }
            const Page page = self->m_handler(QUrlQuery(target));
            socket->write(response(page.success ? 200 : 400, page.success ? "OK" : "Bad Request", renderPage(page),
                                   "text/html; charset=utf-8"));
            socket->disconnectFromHost();
        });
    }
}

} // namespace keyward

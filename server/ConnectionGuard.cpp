// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionGuard.h"

#include "ApiError.h"
#include "ServerConfig.h"
#include "Timestamps.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcGuard, "keyward.server.connection", QtInfoMsg)

namespace keyward::server {

namespace {
QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
    }
}

// A field name is a token (RFC 9110 5.6.2); a value holds no control character but HTAB.
bool isFieldLine(QByteArrayView name, QByteArrayView value)
{
    for (char c : name) {
        const bool token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!token)
            return false;
    }
    for (char c : value) {
        if ((uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7f)
            return false;
    }
    return true;
}

// Length of the header block at the start of `head` (request line, header lines and the empty
// line that ends them), or -1 while it has not ended. Lines may end in CRLF or in a bare LF: Qt's
// parser accepts both, and the guard must see a request end exactly where the parser does.
qsizetype headerBlockLength(const QByteArray &head, qsizetype from)
{
    for (qsizetype i = head.indexOf('\n', from); i >= 0; i = head.indexOf('\n', i + 1)) {
        if (i + 1 < head.size() && head.at(i + 1) == '\n')
            return i + 2;
        if (i + 2 < head.size() && head.at(i + 1) == '\r' && head.at(i + 2) == '\n')
            return i + 3;
    }
    return -1;
}
} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const ServerConfig &config)
    : QObject(socket)
    , m_socket(socket)
    , m_config(config)
{
    setObjectName(QStringLiteral("ConnectionGuard"));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimeout);
    // Connected before QHttpServer connects its own slot, so every chunk is seen first.
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    armIdle();
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QStringLiteral("ConnectionGuard"), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionGuard::armIdle()
{
    m_timer.start(m_config.idleTimeoutMs);
}

void ConnectionGuard::armRequestDeadline()
{
    m_timer.start(m_config.requestTimeoutMs);
}

void ConnectionGuard::onTimeout()
{
    if (m_state == State::Rejected || m_state == State::Idle) {
        // Idle keep-alive connection, or a rejected one whose client never went away.
        m_socket->abort();
        m_socket->deleteLater();
        return;
    }
    qCInfo(lcGuard) << "closing a connection from" << m_socket->peerAddress().toString()
                    << "that did not send its request in time";
    reject(408, "BAD_REQUEST", QStringLiteral("The request did not arrive completely within %1 ms.")
                                   .arg(m_config.requestTimeoutMs));
}

void ConnectionGuard::onReadyRead()
{
    if (m_state == State::Rejected) {
        m_socket->readAll(); // drain, so closing does not reset the connection under the reply
        return;
    }
    // QHttpServer reads everything on each readyRead, so what is available now is new data.
    QByteArray chunk = m_socket->peek(m_socket->bytesAvailable());
    qsizetype pos = 0;
    while (pos < chunk.size() && m_state != State::Rejected) {
        if (m_state == State::Idle) {
            // Empty lines before a request line are skipped, as Qt's parser skips them: they are
            // no request, so they neither await a response nor hold the idle timer off.
            while (pos < chunk.size() && (chunk.at(pos) == '\r' || chunk.at(pos) == '\n'))
                ++pos;
            if (pos == chunk.size())
                return;
            m_state = State::Headers;
            m_head.clear();
            armRequestDeadline();
        }
        if (m_state == State::Headers) {
            const qsizetype oldSize = m_head.size();
            m_head.append(chunk.constData() + pos, chunk.size() - pos);
            // Search from a little before the old end in case the terminator straddles chunks.
            const qsizetype headLength = headerBlockLength(m_head, qMax<qsizetype>(0, oldSize - 2));
            if (headLength < 0) {
                if (m_head.size() > m_config.maxHeaderBytes)
                    reject(431, "BAD_REQUEST", QStringLiteral("The request headers exceed %1 bytes.")
                                                   .arg(m_config.maxHeaderBytes));
                return;
            }
            if (headLength > m_config.maxHeaderBytes) {
                reject(431, "BAD_REQUEST",
                       QStringLiteral("The request headers exceed %1 bytes.").arg(m_config.maxHeaderBytes));
                return;
            }
            pos += headLength - oldSize;
            m_head.truncate(headLength);
            parseHeaders(m_head);
            m_head.clear();
            if (m_state == State::Rejected)
                return;
            if (m_bodyRemaining == 0) {
                m_closeAfterResponse.enqueue(m_closeAfterCurrent);
                m_state = State::Idle;
                m_timer.stop();
            } else {
                m_state = State::Body;
            }
        } else if (m_state == State::Body) {
            const qint64 take = qMin<qint64>(m_bodyRemaining, chunk.size() - pos);
            m_bodyRemaining -= take;
            pos += take;
            if (m_bodyRemaining == 0) {
                m_closeAfterResponse.enqueue(m_closeAfterCurrent);
                m_state = State::Idle;
                m_timer.stop();
            }
        }
    }
}

void ConnectionGuard::parseHeaders(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.value(0).trimmed();
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty() || !parts.at(2).startsWith("HTTP/")) {
        // Qt's parser neither answers nor closes on a request line it cannot read (blank, say):
        // the connection would wait with no deadline.
        reject(400, "BAD_REQUEST", QStringLiteral("The request line must be \"METHOD target HTTP/1.1\"."));
        return;
    }
    const bool http10 = requestLine.endsWith("HTTP/1.0");
    bool keepAlive = !http10;
    qint64 contentLength = 0;
    bool haveLength = false;
    bool upgrade = false;
    bool websocket = false;
    int fields = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &raw = lines.at(i);
        if (!raw.trimmed().isEmpty() && ++fields > MaxHeaderFields) {
            // Qt's parser keeps the first 100 fields and loses track of the body after them (a
            // Content-Length among the lost ones, or not): the body would be read as the next
            // request while the guard counts it as this one's.
            reject(431, "BAD_REQUEST", QStringLiteral("The request has more than %1 header fields.").arg(MaxHeaderFields));
            return;
        }
        if (raw.startsWith(' ') || raw.startsWith('\t')) {
            // A folded continuation line: Qt's parser would glue it to the header above, so a
            // header in it would frame the request differently for the guard and the server.
            reject(400, "BAD_REQUEST", QStringLiteral("Folded header lines are not accepted."));
            return;
        }
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            // Qt's parser reads such a line as part of the next header's name, and frames what
            // follows differently from the guard.
            reject(400, "BAD_REQUEST", QStringLiteral("A header line is not of the form \"name: value\"."));
            return;
        }
        const QByteArray rawName = line.left(colon);
        if (rawName.endsWith(' ') || rawName.endsWith('\t')) {
            // RFC 9112 5.1: a server must reject whitespace between a field name and its colon.
            reject(400, "BAD_REQUEST", QStringLiteral("A header has whitespace before its colon."));
            return;
        }
        if (!isFieldLine(rawName, raw.endsWith('\r') ? raw.chopped(1).mid(colon + 1) : raw.mid(colon + 1))) {
            // RFC 9110 5.1, 5.5: names are tokens; CR, LF and NUL in a value make it invalid.
            reject(400, "BAD_REQUEST", QStringLiteral("A header has a name that is not a token or a value with "
                                                      "control characters."));
            return;
        }
        const QByteArray name = rawName.toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (!ok || length < 0 || (haveLength && length != contentLength)) {
                reject(400, "BAD_REQUEST", QStringLiteral("The Content-Length header is not a valid length."));
                return;
            }
            contentLength = length;
            haveLength = true;
        } else if (name == "transfer-encoding" && value.toLower() != "identity") {
            reject(411, "BAD_REQUEST",
                   QStringLiteral("Chunked request bodies are not accepted; send a Content-Length."));
            return;
        } else if (name == "upgrade") {
            upgrade = true;
            websocket = websocket || value.toLower().contains("websocket");
        } else if (name == "connection") {
            const QByteArray v = value.toLower();
            if (v.contains("close"))
                keepAlive = false;
            else if (v.contains("keep-alive"))
                keepAlive = true;
        }
    }
    if (upgrade && (websocket || contentLength > 0)) {
        // Qt's parser stops at the headers of a request that asks for an upgrade: a body would be
        // read as the next request, and a WebSocket handshake is dropped without an answer (this
        // server speaks plain HTTP/1.1 only). Other upgrade offers without a body are ignored.
        reject(400, "BAD_REQUEST", QStringLiteral("Protocol upgrades are not supported; send plain HTTP/1.1 requests "
                                                  "without an Upgrade header."));
        return;
    }
    if (contentLength > m_config.maxBodyBytes) {
        reject(413, "PAYLOAD_TOO_LARGE",
               QStringLiteral("The request body is %1 bytes; the limit is %2 bytes.")
                   .arg(contentLength)
                   .arg(m_config.maxBodyBytes));
        return;
    }
    m_bodyRemaining = contentLength;
    m_closeAfterCurrent = !keepAlive;
}

void ConnectionGuard::responseWritten()
{
    const bool close = m_closeAfterResponse.isEmpty() ? false : m_closeAfterResponse.dequeue();
    if (close) {
        m_socket->disconnectFromHost(); // after the queued response bytes are written
        return;
    }
    if (m_state == State::Idle && m_closeAfterResponse.isEmpty())
        armIdle();
}

void ConnectionGuard::reject(int status, const QByteArray &code, const QString &message)
{
    if (m_state == State::Rejected)
        return;
    m_state = State::Rejected;
    // Stop QHttpServer from parsing anything more on this connection.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);

    ApiError error;
    error.code = ApiError::codeFromName(QString::fromLatin1(code));
    error.message = message;
    error.requestId = QStringLiteral("req_") + QString::number(QRandomGenerator::global()->generate64(), 36);
    error.timestamp = toRfc3339(QDateTime::currentDateTimeUtc());
    const QByteArray body = QJsonDocument(error.toJson()).toJson(QJsonDocument::Compact);
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n"
        + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nX-Request-Id: " + error.requestId.toLatin1() + "\r\n\r\n" + body;
    m_socket->write(response);
    m_socket->flush();
    m_socket->readAll();
    // Give the client a moment to read the answer before the connection goes away.
    m_timer.start(1000);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() == 0)
            m_socket->disconnectFromHost();
    });
}

} // namespace keyward::server

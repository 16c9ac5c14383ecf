// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpConnection.h"

#include <utility>

namespace keyward::bench {

namespace {
constexpr qsizetype MaxHeaderBytes = 64 * 1024;
constexpr qsizetype MaxBodyBytes = 64 * 1024 * 1024;

// Decodes a chunked body that starts at `from`. Returns 1 when complete (body set), 0 while
// more bytes are needed, -1 on a framing error.
int decodeChunked(const QByteArray &in, qsizetype from, QByteArray *body)
{
    QByteArray out;
    qsizetype pos = from;
    for (;;) {
        const qsizetype lineEnd = in.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return 0;
        QByteArray sizeField = in.mid(pos, lineEnd - pos);
        const qsizetype semicolon = sizeField.indexOf(';');
        if (semicolon >= 0)
            sizeField.truncate(semicolon);
        bool ok = false;
        const qlonglong size = sizeField.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0 || size > MaxBodyBytes)
            return -1;
        pos = lineEnd + 2;
        if (size == 0) {
            // Trailer fields (none expected), then an empty line.
            for (;;) {
                const qsizetype end = in.indexOf("\r\n", pos);
                if (end < 0)
                    return 0;
                if (end == pos) {
                    *body = std::move(out);
                    return 1;
                }
                pos = end + 2;
            }
        }
        if (in.size() < pos + size + 2)
            return 0;
        out.append(in.constData() + pos, size);
        if (in.mid(pos + size, 2) != "\r\n")
            return -1;
        pos += size + 2;
    }
}
} // namespace

HttpConnection::HttpConnection(const QString &host, quint16 port, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_port(port)
    , m_hostHeader(
          (host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host).toLatin1()
          + ':' + QByteArray::number(port))
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] { fail(QStringLiteral("timeout")); });
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        writePending();
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_done)
            fail(m_socket.errorString());
    });
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        if (m_done)
            fail(QStringLiteral("connection closed before the answer was complete"));
    });
}

void HttpConnection::send(const QByteArray &method, const QByteArray &target, const Headers &headers,
    const QByteArray &body, Done done)
{
    Q_ASSERT(!m_done);
    m_done = std::move(done);
    m_in.clear();
    QByteArray request;
    request.reserve(256 + body.size());
    request.append(method)
        .append(' ')
        .append(target)
        .append(" HTTP/1.1\r\nHost: ")
        .append(m_hostHeader)
        .append("\r\nUser-Agent: keyward-bench-loadmix\r\nAccept: application/json\r\n");
    for (const auto &[name, value] : headers)
        request.append(name).append(": ").append(value).append("\r\n");
    if (!body.isEmpty())
        request.append("Content-Type: application/json\r\n");
    if (!body.isEmpty() || method == "POST")
        request.append("Content-Length: ").append(QByteArray::number(body.size())).append("\r\n");
    request.append("\r\n").append(body);
    m_pending = std::move(request);
    m_clock.start();
    m_timeout.start();
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        writePending();
    else if (m_socket.state() == QAbstractSocket::UnconnectedState)
        m_socket.connectToHost(m_host, m_port);
    // Otherwise still connecting: connected() writes it.
}

void HttpConnection::writePending()
{
    if (m_pending.isEmpty())
        return;
    if (m_socket.write(m_pending) != m_pending.size()) {
        fail(QStringLiteral("could not write the request: ") + m_socket.errorString());
        return;
    }
    m_pending.clear();
}

void HttpConnection::onReadyRead()
{
    m_in.append(m_socket.readAll());
    if (!m_done) {
        // Bytes nobody asked for: the connection is out of step, start afresh.
        m_in.clear();
        m_socket.abort();
        return;
    }
    tryParse();
}

bool HttpConnection::tryParse()
{
    const qsizetype headerEnd = m_in.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (m_in.size() > MaxHeaderBytes)
            fail(QStringLiteral("answer headers too large"));
        return m_in.size() > MaxHeaderBytes;
    }
    const qsizetype statusEnd = m_in.indexOf("\r\n");
    const QByteArray statusLine = m_in.left(statusEnd);
    bool ok = false;
    const int status
        = statusLine.startsWith("HTTP/1.") && statusLine.size() >= 12 ? statusLine.mid(9, 3).toInt(&ok) : 0;
    if (!ok || status < 100 || status > 599) {
        fail(QStringLiteral("malformed status line"));
        return true;
    }
    qlonglong contentLength = -1;
    bool chunked = false;
    bool closeAfter = false;
    qsizetype pos = statusEnd + 2;
    while (pos < headerEnd) {
        qsizetype end = m_in.indexOf("\r\n", pos);
        if (end < 0 || end > headerEnd)
            end = headerEnd;
        const QByteArray line = m_in.mid(pos, end - pos);
        pos = end + 2;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0 || contentLength > MaxBodyBytes) {
                fail(QStringLiteral("bad Content-Length"));
                return true;
            }
        } else if (name == "transfer-encoding") {
            chunked = value.toLower().contains("chunked");
        } else if (name == "connection") {
            closeAfter = value.toLower().contains("close");
        }
    }
    const qsizetype bodyStart = headerEnd + 4;
    if (chunked) {
        QByteArray body;
        const int r = decodeChunked(m_in, bodyStart, &body);
        if (r < 0)
            fail(QStringLiteral("bad chunked encoding"));
        else if (r > 0)
            complete(status, std::move(body), closeAfter);
        return r != 0;
    }
    if (contentLength < 0) {
        if (status == 204 || status == 304 || status < 200) {
            complete(status, {}, closeAfter);
            return true;
        }
        fail(QStringLiteral("answer without a length"));
        return true;
    }
    if (m_in.size() < bodyStart + contentLength)
        return false;
    if (m_in.size() > bodyStart + contentLength) {
        fail(QStringLiteral("more bytes than the answer's length"));
        return true;
    }
    complete(status, m_in.mid(bodyStart, contentLength), closeAfter);
    return true;
}

void HttpConnection::complete(int status, QByteArray body, bool closeAfter)
{
    m_timeout.stop();
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.elapsedNs = m_clock.nsecsElapsed();
    m_in.clear();
    Done done = std::exchange(m_done, nullptr); // first, so that abort()'s signals find no request
    if (closeAfter)
        m_socket.abort();
    done(r);
}

void HttpConnection::fail(const QString &why)
{
    m_timeout.stop();
    HttpResponse r;
    r.transportError = why;
    r.elapsedNs = m_clock.nsecsElapsed();
    Done done = std::exchange(m_done, nullptr); // first, so that abort()'s signals find no request
    m_pending.clear();
    m_in.clear();
    m_socket.abort();
    if (done)
        done(r);
}

} // namespace keyward::bench

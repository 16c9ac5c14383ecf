// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTimer>

class QTcpSocket;

namespace keyward::server {

struct ServerConfig;

// Watches one client connection for what Qt HttpServer 6.4 does not: a cap on header and body
// size, a deadline for a started request, an idle timeout, closing after the response when the
// client asked for it (HTTP/1.0, "Connection: close"). It follows the HTTP/1.1 framing of the
// byte stream by peeking at every chunk before QHttpServer consumes it, so it never copies a
// body and never lets an oversized one be buffered. It must see every request end where Qt's
// parser does (bare-LF line endings, blank lines between requests), and it refuses with 400 the
// headers the two could frame differently (whitespace before a colon, folded lines, lines
// without a colon, names that are not tokens, control characters in values, conflicting
// Content-Length values, an upgrade offer with a body or to WebSocket) and with 431 more header
// fields than Qt keeps.
class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    // Qt's parser (QHttpHeaderParser's default) keeps at most this many header fields.
    static constexpr int MaxHeaderFields = 100;

    ConnectionGuard(QTcpSocket *socket, const ServerConfig &config);

    static ConnectionGuard *of(QTcpSocket *socket);

    // The server wrote one response on this connection.
    void responseWritten();
    // Reject the connection with a JSON error (503 over capacity, 413, 431, 408 …) and close it.
    void reject(int status, const QByteArray &code, const QString &message);

private:
    enum class State { Idle, Headers, Body, Rejected };

    void onReadyRead();
    void onTimeout();
    void parseHeaders(const QByteArray &head);
    void armIdle();
    void armRequestDeadline();

    QTcpSocket *m_socket;
    const ServerConfig &m_config;
    State m_state = State::Idle;
    QByteArray m_head;
    qint64 m_bodyRemaining = 0;
    bool m_closeAfterCurrent = false;
    QQueue<bool> m_closeAfterResponse; // one entry per request awaiting its response
    QTimer m_timer;
};

} // namespace keyward::server

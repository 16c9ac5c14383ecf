// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

namespace keyward::bench {

struct HttpResponse
{
    int status = 0; // 0: no answer (connection refused or lost, timeout, bad framing)
    QByteArray body;
    QString transportError; // why, when status is 0
    qint64 elapsedNs = 0; // from send() to the last byte of the answer (or the failure)
};

// One keep-alive HTTP/1.1 connection on loopback, one request at a time, on the thread's event
// loop: a few microseconds per request, where QNetworkAccessManager costs a thread hop and caps
// a host at six connections in Qt 6.4. Answers framed by Content-Length or chunked encoding; a
// connection that fails or times out is dropped and opened again by the next send().
class HttpConnection : public QObject
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    using Done = std::function<void(const HttpResponse &)>;

    HttpConnection(const QString &host, quint16 port, int timeoutMs, QObject *parent = nullptr);

    bool isBusy() const { return bool(m_done); }
    // done runs exactly once, from the event loop or from within send() on an immediate failure;
    // it may call send() again.
    void send(const QByteArray &method, const QByteArray &target, const Headers &headers,
        const QByteArray &body, Done done);

private:
    void writePending();
    void onReadyRead();
    void fail(const QString &why);
    void complete(int status, QByteArray body, bool closeAfter);
    // Returns false while the answer is incomplete; calls complete() or fail() otherwise.
    bool tryParse();

    QTcpSocket m_socket;
    QTimer m_timeout;
    QString m_host;
    quint16 m_port = 0;
    QByteArray m_hostHeader;
    QByteArray m_pending; // request bytes waiting for the connection to open
    QByteArray m_in;
    Done m_done;
    QElapsedTimer m_clock;
};

} // namespace keyward::bench

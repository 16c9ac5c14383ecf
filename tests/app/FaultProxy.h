// SPDX-License-Identifier: GPL-3.0-or-later
// A loopback TCP proxy in front of keyward-server that misbehaves on demand: it passes traffic
// through, refuses or drops connections, answers garbage, holds answers back, or says 503. The
// mode applies to every request from the moment it is set: connections open at that moment
// (the client's keep-alive ones) are closed, so the next request meets the new behaviour.
// Everything runs on the event loop, with timers, never a sleep.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class QTcpSocket;

class FaultProxy : public QObject
{
    Q_OBJECT

public:
    enum class Mode {
        Pass,         // forward both ways, untouched
        Refuse,       // stop listening: connections are refused
        Drop,         // accept, then close at once without a byte
        GarbageBytes, // answer bytes that are not HTTP at all
        Truncated,    // a 200 whose body is cut short of its Content-Length, then close
        NotJson,      // a well-formed HTTP 200 whose body is not JSON
        Slow,         // forward, but hold every chunk of the answer for slowMs first
        Unavailable,  // 503 with a JSON error body and Retry-After
    };
    Q_ENUM(Mode)

    FaultProxy(quint16 upstreamPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen(); // on 127.0.0.1, a free port
    QUrl url() const;
    quint16 port() const { return m_port; }

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void setSlowMs(int ms) { m_slowMs = ms; }
    void setRetryAfterSeconds(int seconds) { m_retryAfter = seconds; }
    // In Pass mode: the next `count` POSTs reach the server, and its answer is thrown away (the
    // connection closed instead): the work is done, the client never hears of it.
    void loseAnswersToPosts(int count) { m_losePosts = count; }

    // Requests answered by a fault (not passed on) since the last reset, and those passed on.
    int faultAnswers() const { return m_faultAnswers; }
    int passedConnections() const { return m_passed; }
    void resetCounters();

    // The fixed answers, for the suites to compare against.
    static QByteArray garbageAnswer();
    static QByteArray truncatedAnswer();
    static QByteArray notJsonAnswer();
    QByteArray unavailableAnswer() const;

private:
    struct Link
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
        QByteArray pending;  // the request, until the server is connected
        QByteArray toClient; // held back in Slow mode
        bool flushPending = false;
        bool upstreamClosed = false;
        bool lastRequestIsPost = false;
        QObject context; // for the Slow mode's timer
        std::function<void()> finish;
    };

    void onNewConnection();
    void startPass(QTcpSocket *client);
    void answerFault(QTcpSocket *client);
    void holdOrForward(Link *link);
    void closeAll();

    quint16 m_upstreamPort;
    QTcpServer m_server;
    quint16 m_port = 0;
    Mode m_mode = Mode::Pass;
    int m_slowMs = 1500;
    int m_retryAfter = 1;
    int m_losePosts = 0;
    int m_faultAnswers = 0;
    int m_passed = 0;
    QList<Link *> m_links;
    QList<QPointer<QTcpSocket>> m_faultClients;
};

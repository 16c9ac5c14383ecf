// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile, slow and broken clients against the real keyward-server: none of them may crash it,
// hold it up, or keep it from serving everybody else. Raw QTcpSocket clients on 127.0.0.1 only.
#include "KeyFormat.h"
#include "TestServer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <limits>
#include <memory>
#include <optional>
#include <thread>

using keyward::KeyFormat;

namespace {

// The config of the shared server: short timeouts so the suite is quick, rate limits out of the
// way (they have their own suite), everything else at its production default.
QJsonObject sharedConfig()
{
    const QJsonObject unlimited {{QStringLiteral("limit"), 1000000}, {QStringLiteral("window_seconds"), 60}};
    return {
        {QStringLiteral("request_timeout_ms"), 800},
        {QStringLiteral("idle_timeout_ms"), 1500},
        {QStringLiteral("max_connections_per_ip"), 64},
        {QStringLiteral("max_body_bytes"), 65536},
        {QStringLiteral("rate_limits"), QJsonObject {{QStringLiteral("free"), unlimited},
                                                     {QStringLiteral("anonymous"), unlimited}}},
    };
}

constexpr int RequestTimeoutMs = 800;
constexpr int IdleTimeoutMs = 1500;
constexpr int MaxBodyBytes = 65536;
constexpr int MaxHeaderBytes = 16 * 1024; // the default

struct HttpReply
{
    int status = 0;
    QByteArray statusLine;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Takes one complete response off the front of `buffer`. A response without Content-Length is
// complete only once the peer has closed (`closed`).
std::optional<HttpReply> takeReply(QByteArray &buffer, bool closed)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    HttpReply r;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    r.statusLine = lines.value(0).trimmed();
    const QList<QByteArray> parts = r.statusLine.split(' ');
    if (parts.value(0).startsWith("HTTP/1."))
        r.status = parts.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            r.headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    qsizetype bodyLength = 0;
    if (r.hasHeader("Content-Length")) {
        bodyLength = qsizetype(r.header("Content-Length").toLongLong());
        if (buffer.size() < end + 4 + bodyLength)
            return std::nullopt;
    } else if (closed) {
        bodyLength = buffer.size() - end - 4;
    } else {
        return std::nullopt;
    }
    r.body = buffer.mid(end + 4, bodyLength);
    buffer.remove(0, end + 4 + bodyLength);
    return r;
}

// One raw connection to the server. Every wait pumps the event loop (so the server's output pipe
// keeps draining) and is bounded in time.
class RawClient
{
public:
    explicit RawClient(quint16 port) { m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port); }

    bool waitConnected(int timeoutMs = 3000) { return m_socket.waitForConnected(timeoutMs); }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    void pump() { m_buffer += m_socket.readAll(); }
    bool closed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    QByteArray &buffer() { return m_buffer; }
    QTcpSocket &socket() { return m_socket; }

    // One complete response, or nothing when it did not come within the time or the server
    // closed the connection without one.
    std::optional<HttpReply> reply(int timeoutMs = 5000)
    {
        QElapsedTimer t;
        t.start();
        for (;;) {
            pump();
            if (auto r = takeReply(m_buffer, closed()))
                return r;
            if (closed() || t.elapsed() > timeoutMs)
                return std::nullopt;
            QTest::qWait(2);
        }
    }
    // True once the server has closed the connection (within the time).
    bool waitClosed(int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        for (;;) {
            pump();
            if (closed())
                return true;
            if (t.elapsed() > timeoutMs)
                return false;
            QTest::qWait(2);
        }
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

QByteArray request(const QByteArray &method, const QByteArray &target, const QByteArray &key = {},
                   const QByteArray &body = {}, const QByteArray &extraHeaders = {})
{
    QByteArray r = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: tst_robustness\r\n";
    if (!key.isEmpty())
        r += "Authorization: Bearer " + key + "\r\n";
    if (!body.isEmpty() || method == "POST")
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    r += extraHeaders;
    r += "\r\n";
    return r + body;
}

// Empty when GET /health answers 200 {"status":"ok"} within maxMs on a fresh connection.
QString healthProblem(TestServer &server, qint64 maxMs = 1000)
{
    if (!server.isRunning())
        return QStringLiteral("the server is not running; its output ends with:\n")
            + QString::fromUtf8(server.output().right(3000));
    server.network().clearConnectionCache();
    QElapsedTimer t;
    t.start();
    const TestServer::Response r = server.get(QStringLiteral("/health"));
    const qint64 ms = t.elapsed();
    if (r.status != 200)
        return QStringLiteral("GET /health answered %1 %2 %3").arg(r.status).arg(r.networkError,
                                                                                  QString::fromUtf8(r.body));
    if (r.json().value(QStringLiteral("status")).toString() != QLatin1String("ok"))
        return QStringLiteral("GET /health body: %1").arg(QString::fromUtf8(r.body));
    if (ms > maxMs)
        return QStringLiteral("GET /health took %1 ms (limit %2 ms)").arg(ms).arg(maxMs);
    return {};
}

// Empty when `r` is the API's JSON error: the status, {"error":{"code","message"},"timestamp",
// "requestId"} and an X-Request-Id header equal to requestId.
QString errorProblem(const std::optional<HttpReply> &r, int status, const QString &code)
{
    if (!r)
        return QStringLiteral("no response (expected %1 %2)").arg(status).arg(code);
    const QString got = QString::fromLatin1(r->statusLine) + QLatin1Char(' ') + QString::fromUtf8(r->body.left(400));
    if (r->status != status)
        return QStringLiteral("expected status %1, got: %2").arg(status).arg(got);
    if (!r->header("Content-Type").startsWith("application/json"))
        return QStringLiteral("Content-Type is \"%1\": %2").arg(QString::fromLatin1(r->header("Content-Type")), got);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r->body, &parseError);
    if (!doc.isObject())
        return QStringLiteral("the body is not a JSON object: %1").arg(got);
    const QJsonObject o = doc.object();
    const QJsonObject error = o.value(QStringLiteral("error")).toObject();
    if (!code.isEmpty() && error.value(QStringLiteral("code")).toString() != code)
        return QStringLiteral("expected code %1: %2").arg(code, got);
    if (error.value(QStringLiteral("message")).toString().isEmpty())
        return QStringLiteral("no error.message: %1").arg(got);
    const QString timestamp = o.value(QStringLiteral("timestamp")).toString();
    if (!QDateTime::fromString(timestamp, Qt::ISODateWithMs).isValid())
        return QStringLiteral("timestamp \"%1\" is not an RFC 3339 time: %2").arg(timestamp, got);
    const QString requestId = o.value(QStringLiteral("requestId")).toString();
    if (requestId.isEmpty())
        return QStringLiteral("no requestId: %1").arg(got);
    if (QString::fromLatin1(r->header("X-Request-Id")) != requestId)
        return QStringLiteral("X-Request-Id \"%1\" differs from requestId \"%2\"")
            .arg(QString::fromLatin1(r->header("X-Request-Id")), requestId);
    return {};
}

} // namespace

#define VERIFY_HEALTHY(server)                                                                                   \
    do {                                                                                                         \
        const QString problem_ = healthProblem(server);                                                          \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                                      \
    } while (false)

#define VERIFY_ERROR(reply, status, code)                                                                        \
    do {                                                                                                         \
        const QString problem_ = errorProblem(reply, status, QStringLiteral(code));                             \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                                      \
    } while (false)

class TestRobustness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void disconnectMidRequest();
    void slowHeadersAreCutOff();
    void slowBodyIsCutOff();
    void idleKeepAliveIsClosed();
    void silentConnectionIsClosed();
    void blankLinesDoNotDefeatIdleTimeout();
    void blankLinesBeforeHttp10Request();
    void oversizedBodyIs413_data();
    void oversizedBodyIs413();
    void bodyAtTheLimitIsAccepted();
    void oversizedHeadersAre431();
    void headersUnderTheLimitAreAccepted();
    void chunkedBodyIs411();
    void http10IsClosedAfterResponse();
    void connectionCloseIsHonoured();
    void http10KeepAliveStaysOpen();
    void keepAliveServesSequentialRequests();
    void pipelinedRequestsAnsweredInOrder();
    void pipelinedDatabaseRequestAnsweredInOrder();
    void lfOnlyRequestGetsNoSpurious408();
    void ambiguousFramingIsRejected_data();
    void ambiguousFramingIsRejected();
    void garbageIsRejected_data();
    void garbageIsRejected();
    void connectionCapPerIp();
    void invalidBodies_data();
    void invalidBodies();
    void fuzz();
    void gracefulShutdownAnswersInFlightRequest();

private:
    QByteArray unknownKey() const;

    TestServer m_server;
    QByteArray m_readKey;
    QByteArray m_writeKey;
};

void TestRobustness::initTestCase()
{
    QVERIFY2(m_server.start({}, sharedConfig()), m_server.output().constData());
    m_readKey = m_server.createKey(QStringLiteral("secret_keys:read"), QStringLiteral("robustness reader")).toLatin1();
    m_writeKey = m_server.createKey(QStringLiteral("secret_keys:write"), QStringLiteral("robustness writer")).toLatin1();
    QVERIFY(KeyFormat::isWellFormedSecret(QString::fromLatin1(m_readKey)));
    QVERIFY(KeyFormat::isWellFormedSecret(QString::fromLatin1(m_writeKey)));
    QCOMPARE(m_server.get(QStringLiteral("/me"), QString::fromLatin1(m_readKey)).status, 200);
    VERIFY_HEALTHY(m_server);
}

void TestRobustness::cleanupTestCase()
{
    // Everything above must leave a server that still shuts down cleanly.
    QVERIFY(m_server.isRunning());
    const int code = m_server.stop();
    QVERIFY2(code == 0, qPrintable(QStringLiteral("exit code %1; output:\n%2").arg(code).arg(
                            QString::fromUtf8(m_server.output().right(3000)))));
}

// A well-formed key (right prefix, length and checksum) that is in no database: every use of
// it costs the server a database lookup on a worker thread.
QByteArray TestRobustness::unknownKey() const
{
    QByteArray random(32, Qt::Uninitialized);
    for (char &c : random)
        c = char(QRandomGenerator::global()->bounded(256));
    return KeyFormat::assemble(KeyFormat::prefixOf(QString::fromLatin1(m_readKey)), random).toLatin1();
}

void TestRobustness::disconnectMidRequest()
{
    const QByteArray body = R"({"note":"abandoned by its client","permissions":["secret_keys:read"]})";
    const QByteArray post = request("POST", "/secret-keys", m_writeKey, body);
    const QByteArray headersOnly = post.left(post.indexOf("\r\n\r\n") + 4);
    const QByteArray halfBody = post.left(headersOnly.size() + body.size() / 2);
    for (int round = 0; round < 20; ++round) {
        const QList<QByteArray> sends {
            "GET /secret-ke",                                                  // half a request line
            headersOnly,                                                       // headers, no body
            halfBody,                                                          // half the body
            request("GET", "/secret-keys", m_readKey),                         // full, read pool
            request("GET", "/secret-keys?limit=5", unknownKey()),              // full, key lookup
            post,                                                              // full, writer thread
            request("GET", "/secret-keys", m_readKey) + request("GET", "/health"), // pipelined
        };
        for (qsizetype i = 0; i < sends.size(); ++i) {
            RawClient c(m_server.port());
            QVERIFY(c.waitConnected());
            c.send(sends.at(i));
            // Leave at different moments: at once, or while the answer is being worked on.
            if ((round + i) % 3 == 1)
                QTest::qWait(1);
            else if ((round + i) % 3 == 2)
                QTest::qWait(4);
            if (round % 2 == 0)
                c.socket().abort();
            else
                c.socket().disconnectFromHost();
        }
    }
    // The writer thread is one FIFO queue: once a later write is answered, all the abandoned
    // ones have run and tried to answer their vanished clients.
    const TestServer::Response created =
        m_server.post(QStringLiteral("/secret-keys"), body, QString::fromLatin1(m_writeKey));
    QCOMPARE(created.status, 201);
    const TestServer::Response list = m_server.get(QStringLiteral("/secret-keys?limit=100"), QString::fromLatin1(m_readKey));
    QCOMPARE(list.status, 200);
    QVERIFY(list.json().value(QStringLiteral("data")).toArray().size() >= 3);
    VERIFY_HEALTHY(m_server);
}

void TestRobustness::slowHeadersAreCutOff()
{
    // About 10 s worth of request at one byte per 100 ms: far longer than request_timeout_ms.
    const QByteArray slowRequest = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slowloris\r\nX-Padding: "
        + QByteArray(40, 'x') + "\r\n\r\n";
    RawClient slow(m_server.port());
    QVERIFY(slow.waitConnected());
    qsizetype sent = 0;
    QTimer drip;
    drip.setInterval(100);
    connect(&drip, &QTimer::timeout, this, [&] {
        if (sent < slowRequest.size() && slow.socket().state() == QAbstractSocket::ConnectedState) {
            slow.send(slowRequest.mid(sent, 1));
            ++sent;
        }
    });
    QElapsedTimer t;
    t.start();
    slow.send(slowRequest.left(1));
    sent = 1;
    drip.start();

    // Others are served while the slow client dribbles.
    QTest::qWait(300);
    VERIFY_HEALTHY(m_server);

    qint64 firstByteAt = -1;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 slow.pump();
                                 if (firstByteAt < 0 && !slow.buffer().isEmpty())
                                     firstByteAt = t.elapsed();
                                 return slow.closed();
                             }()),
                             RequestTimeoutMs + 2500);
    drip.stop();
    const qint64 closedAt = t.elapsed();
    QVERIFY2(sent < slowRequest.size(), "the whole slow request was accepted");
    const qint64 cutAt = firstByteAt >= 0 ? firstByteAt : closedAt;
    QVERIFY2(cutAt >= RequestTimeoutMs - 100, qPrintable(QStringLiteral("cut off after %1 ms").arg(cutAt)));
    QVERIFY2(cutAt <= RequestTimeoutMs + 1000, qPrintable(QStringLiteral("cut off after %1 ms").arg(cutAt)));
    if (!slow.buffer().isEmpty()) {
        const auto r = takeReply(slow.buffer(), true);
        VERIFY_ERROR(r, 408, "");
    }
    VERIFY_HEALTHY(m_server);
}

void TestRobustness::slowBodyIsCutOff()
{
    const QByteArray body = R"({"note":"sent one byte at a time","permissions":["secret_keys:read"]})";
    const QByteArray full = request("POST", "/secret-keys", m_writeKey, body);
    const QByteArray head = full.left(full.size() - body.size());
    RawClient slow(m_server.port());
    QVERIFY(slow.waitConnected());
    qsizetype sent = 0;
    QTimer drip;
    drip.setInterval(100);
    connect(&drip, &QTimer::timeout, this, [&] {
        if (sent < body.size() && slow.socket().state() == QAbstractSocket::ConnectedState) {
            slow.send(body.mid(sent, 1));
            ++sent;
        }
    });
    QElapsedTimer t;
    t.start();
    slow.send(head);
    drip.start();
    QTest::qWait(300);
    VERIFY_HEALTHY(m_server);

    std::optional<HttpReply> r;
    qint64 answeredAt = -1;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 slow.pump();
                                 if (!r) {
                                     r = takeReply(slow.buffer(), slow.closed());
                                     if (r)
                                         answeredAt = t.elapsed();
                                 }
                                 return slow.closed();
                             }()),
                             RequestTimeoutMs + 2500);
    drip.stop();
    QVERIFY2(sent < body.size(), "the whole slow body was accepted");
    if (r) {
        VERIFY_ERROR(r, 408, "");
        QVERIFY2(answeredAt >= RequestTimeoutMs - 100 && answeredAt <= RequestTimeoutMs + 1000,
                 qPrintable(QStringLiteral("answered after %1 ms").arg(answeredAt)));
    }
    VERIFY_HEALTHY(m_server);
}

void TestRobustness::idleKeepAliveIsClosed()
{
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    c.send(request("GET", "/health"));
    const auto r = c.reply();
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QElapsedTimer t;
    t.start();
    // Kept open for a while after the response ...
    QTest::qWait(IdleTimeoutMs / 2);
    c.pump();
    QVERIFY2(!c.closed(), "a keep-alive connection was closed long before the idle timeout");
    // ... and closed once it has idled for idle_timeout_ms.
    QVERIFY2(c.waitClosed(IdleTimeoutMs + 2000), "the idle connection was never closed");
    const qint64 closedAfter = t.elapsed();
    QVERIFY2(closedAfter >= IdleTimeoutMs - 200, qPrintable(QStringLiteral("closed after %1 ms").arg(closedAfter)));
    QVERIFY2(c.buffer().isEmpty(), c.buffer().constData());
    VERIFY_HEALTHY(m_server);
}

void TestRobustness::silentConnectionIsClosed()
{
    // Connects and never says anything.
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    QElapsedTimer t;
    t.start();
    QVERIFY2(c.waitClosed(IdleTimeoutMs + 2000), "a silent connection was held open");
    QVERIFY2(t.elapsed() >= IdleTimeoutMs - 200, qPrintable(QStringLiteral("closed after %1 ms").arg(t.elapsed())));
    VERIFY_HEALTHY(m_server);
}

void TestRobustness::blankLinesDoNotDefeatIdleTimeout()
{
    // HTTP allows (and Qt's parser skips) empty lines before a request line. They are not a
    // request, so they must neither be answered nor keep the connection alive for ever.
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    QElapsedTimer t;
    t.start();
    c.send("\r\n\r\n");
    QVERIFY2(c.waitClosed(IdleTimeoutMs + 2500),
             "a connection that sent only blank lines was held open past the idle timeout");
    QVERIFY2(c.buffer().isEmpty(), c.buffer().constData());

    // The same after a real request on a keep-alive connection.
    RawClient k(m_server.port());
    QVERIFY(k.waitConnected());
    k.send(request("GET", "/health"));
    const auto r = k.reply();
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    k.send("\r\n\r\n\n\n");
    QVERIFY2(k.waitClosed(IdleTimeoutMs + 2500),
             "blank lines after a request kept the connection open past the idle timeout");
    QVERIFY2(k.buffer().isEmpty(), k.buffer().constData());
    VERIFY_HEALTHY(m_server);
}

void TestRobustness::blankLinesBeforeHttp10Request()
{
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    c.send("\r\n\r\nGET /health HTTP/1.0\r\n\r\n");
    const auto r = c.reply();
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QVERIFY2(c.waitClosed(1000), "an HTTP/1.0 request after blank lines left the connection open");
    VERIFY_HEALTHY(m_server);
}

void TestRobustness::oversizedBodyIs413_data()
{
    QTest::addColumn<QByteArray>("eol");
    QTest::addColumn<bool>("sendBody");
    QTest::newRow("declared only") << QByteArray("\r\n") << false;
    QTest::newRow("body sent") << QByteArray("\r\n") << true;
    // Qt's parser accepts bare LF line endings, so the size cap must see them too.
    QTest::newRow("LF line endings") << QByteArray("\n") << false;
}

void TestRobustness::oversizedBodyIs413()
{
    QFETCH(QByteArray, eol);
    QFETCH(bool, sendBody);
    const qsizetype size = MaxBodyBytes + 1;
    QByteArray head = "POST /secret-keys HTTP/1.1" + eol + "Host: 127.0.0.1" + eol + "Authorization: Bearer " + m_writeKey
        + eol + "Content-Type: application/json" + eol + "Content-Length: " + QByteArray::number(size) + eol + eol;
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    c.send(head);
    if (sendBody)
        c.send("{\"note\":\"" + QByteArray(size - 11, 'a') + "\"}");
    const auto r = c.reply(3000);
    VERIFY_ERROR(r, 413, "PAYLOAD_TOO_LARGE");
    QVERIFY(r->json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString()
                .contains(QString::number(MaxBodyBytes)));
    QVERIFY2(c.waitClosed(2500), "the connection stayed open after 413");
    VERIFY_HEALTHY(m_server);
}

void TestRobustness::bodyAtTheLimitIsAccepted()
{
    // Exactly max_body_bytes: read whole and validated (the note is far too long), not 413.
    const QByteArray prefix = R"({"permissions":["secret_keys:read"],"note":")";
    QByteArray body = prefix + QByteArray(MaxBodyBytes - prefix.size() - 2, 'n') + "\"}";
    QCOMPARE(body.size(), MaxBodyBytes);
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    c.send(request("POST", "/secret-keys", m_writeKey, body));
    const auto r = c.reply(5000);
    VERIFY_ERROR(r, 400, "VALIDATION_FAILED");
    QVERIFY(r->json()
                .value(QStringLiteral("error")).toObject()
                .value(QStringLiteral("details")).toObject()
                .contains(QStringLiteral("note")));
    VERIFY_HEALTHY(m_server);
}

void TestRobustness::oversizedHeadersAre431()
{
    {
        RawClient c(m_server.port());
        QVERIFY(c.waitConnected());
        c.send(request("GET", "/health", {}, {}, "X-Big: " + QByteArray(MaxHeaderBytes + 1000, 'a') + "\r\n"));
        const auto r = c.reply(3000);
        VERIFY_ERROR(r, 431, "");
        QVERIFY2(c.waitClosed(2500), "the connection stayed open after 431");
    }
    {
        // Many small headers add up the same way.
        QByteArray many;
        for (int i = 0; many.size() <= MaxHeaderBytes; ++i)
            many += "X-Header-" + QByteArray::number(i) + ": " + QByteArray(30, 'v') + "\r\n";
        RawClient c(m_server.port());
        QVERIFY(c.waitConnected());
        c.send(request("GET", "/health", {}, {}, many));
        const auto r = c.reply(3000);
        VERIFY_ERROR(r, 431, "");
        QVERIFY2(c.waitClosed(2500), "the connection stayed open after 431");
    }
    {
        // Headers that never end are cut off at the limit, not buffered for ever.
        RawClient c(m_server.port());
        QVERIFY(c.waitConnected());
        c.send("GET /health HTTP/1.1\r\nX-Endless: " + QByteArray(MaxHeaderBytes + 100, 'e'));
        const auto r = c.reply(3000);
        VERIFY_ERROR(r, 431, "");
        QVERIFY2(c.waitClosed(2500), "the connection stayed open after 431");
    }
    VERIFY_HEALTHY(m_server);
}

void TestRobustness::headersUnderTheLimitAreAccepted()
{
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    const QByteArray big = "X-Big: " + QByteArray(MaxHeaderBytes - 1024, 'a') + "\r\n";
    c.send(request("GET", "/health", {}, {}, big));
    const auto r = c.reply(3000);
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    // And the connection goes on serving.
    c.send(request("GET", "/health"));
    const auto again = c.reply(3000);
    QVERIFY(again);
    QCOMPARE(again->status, 200);
}

void TestRobustness::chunkedBodyIs411()
{
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    c.send("POST /secret-keys HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_writeKey
           + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
             "10\r\n{\"note\":\"chunk\",\r\n0\r\n\r\n");
    const auto r = c.reply(3000);
    VERIFY_ERROR(r, 411, "");
    QVERIFY2(c.waitClosed(2500), "the connection stayed open after 411");
    VERIFY_HEALTHY(m_server);
}

void TestRobustness::http10IsClosedAfterResponse()
{
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    c.send("GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
    const auto r = c.reply(3000);
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(r->json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QElapsedTimer t;
    t.start();
    // Well before the idle timeout would close it anyway.
    QVERIFY2(c.waitClosed(1000), "the server kept an HTTP/1.0 connection open after the response");
    QVERIFY(t.elapsed() < IdleTimeoutMs);

    // An HTTP/1.0 request answered from the database closes the same way.
    RawClient d(m_server.port());
    QVERIFY(d.waitConnected());
    d.send("GET /secret-keys HTTP/1.0\r\nAuthorization: Bearer " + m_readKey + "\r\n\r\n");
    const auto list = d.reply(3000);
    QVERIFY(list);
    QCOMPARE(list->status, 200);
    QCOMPARE(list->json().value(QStringLiteral("object")).toString(), QStringLiteral("list"));
    QVERIFY2(d.waitClosed(1000), "the server kept an HTTP/1.0 connection open after the response");
    VERIFY_HEALTHY(m_server);
}

void TestRobustness::connectionCloseIsHonoured()
{
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    c.send(request("GET", "/health", {}, {}, "Connection: close\r\n"));
    const auto r = c.reply(3000);
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QVERIFY2(c.waitClosed(1000), "\"Connection: close\" was not honoured");
}

void TestRobustness::http10KeepAliveStaysOpen()
{
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    c.send("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    const auto r = c.reply(3000);
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QTest::qWait(200);
    c.pump();
    QVERIFY2(!c.closed(), "an HTTP/1.0 keep-alive connection was closed");
    c.send("GET /health HTTP/1.0\r\n\r\n");
    const auto second = c.reply(3000);
    QVERIFY(second);
    QCOMPARE(second->status, 200);
    QVERIFY2(c.waitClosed(1000), "the plain HTTP/1.0 request did not close the connection");
}

void TestRobustness::keepAliveServesSequentialRequests()
{
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    c.send(request("GET", "/health"));
    const auto first = c.reply(3000);
    QVERIFY(first);
    QCOMPARE(first->status, 200);
    QVERIFY(!c.closed());
    c.send(request("GET", "/secret-keys", m_readKey));
    const auto second = c.reply(3000);
    QVERIFY(second);
    QCOMPARE(second->status, 200);
    QCOMPARE(second->json().value(QStringLiteral("object")).toString(), QStringLiteral("list"));
    c.send(request("GET", "/no-such-endpoint"));
    const auto third = c.reply(3000);
    VERIFY_ERROR(third, 404, "NOT_FOUND");
    QVERIFY(!c.closed());
    QVERIFY(first->header("X-Request-Id") != second->header("X-Request-Id"));
    QVERIFY(c.buffer().isEmpty());
}

void TestRobustness::pipelinedRequestsAnsweredInOrder()
{
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    c.send(request("GET", "/health") + request("GET", "/no-such-endpoint") + request("GET", "/me"));
    const auto a = c.reply(3000);
    const auto b = c.reply(3000);
    const auto d = c.reply(3000);
    QVERIFY(a && b && d);
    QCOMPARE(a->status, 200);
    QCOMPARE(a->json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    VERIFY_ERROR(b, 404, "NOT_FOUND");
    VERIFY_ERROR(d, 401, "UNAUTHORIZED");
    QVERIFY(c.buffer().isEmpty());
    QVERIFY(!c.closed());
}

void TestRobustness::pipelinedDatabaseRequestAnsweredInOrder()
{
    // HTTP/1.1 pipelining: responses must come back in request order even when the first one
    // is worked on by a database thread (the reader pool, or the writer) and the ones after it
    // are answered at once on the HTTP thread.
    const QByteArray body = R"({"note":"pipelined","permissions":["secret_keys:read"]})";
    QStringList problems;
    for (int round = 0; round < 6; ++round) {
        const bool write = round % 2 == 1;
        RawClient c(m_server.port());
        QVERIFY(c.waitConnected());
        c.send((write ? request("POST", "/secret-keys", m_writeKey, body) : request("GET", "/secret-keys", m_readKey))
               + request("GET", "/health") + request("GET", "/no-such-endpoint") + request("GET", "/me"));
        QList<HttpReply> replies;
        for (int i = 0; i < 4; ++i) {
            const auto r = c.reply(3000);
            QVERIFY2(r, qPrintable(QStringLiteral("round %1: only %2 of 4 responses").arg(round).arg(i)));
            replies.append(*r);
        }
        QStringList got;
        for (const HttpReply &r : std::as_const(replies))
            got.append(QString::number(r.status));
        const QStringList expected {write ? QStringLiteral("201") : QStringLiteral("200"), QStringLiteral("200"),
                                    QStringLiteral("404"), QStringLiteral("401")};
        const bool firstIsFirst = write ? replies.at(0).json().contains(QStringLiteral("secret"))
                                        : replies.at(0).json().value(QStringLiteral("object")).toString()
                                              == QLatin1String("list");
        if (got != expected || !firstIsFirst)
            problems.append(QStringLiteral("round %1 (%2 first): statuses in the order %3, expected %4")
                                .arg(round).arg(write ? QStringLiteral("write") : QStringLiteral("read"),
                                                got.join(QLatin1Char(' ')), expected.join(QLatin1Char(' '))));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestRobustness::lfOnlyRequestGetsNoSpurious408()
{
    // Qt's parser accepts bare LF line endings and answers; the connection guard must see the
    // same request end, or it later sends an unasked-for 408 on a healthy connection.
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    c.send("GET /health HTTP/1.1\nHost: 127.0.0.1\n\n");
    const auto r = c.reply(3000);
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QTest::qWait(RequestTimeoutMs + 200); // past the request deadline, inside the idle timeout
    c.pump();
    QVERIFY2(c.buffer().isEmpty(), c.buffer().constData());
    QVERIFY2(!c.closed(), "the connection was closed inside the idle timeout");
    c.send("GET /health HTTP/1.1\nHost: 127.0.0.1\n\n");
    const auto again = c.reply(3000);
    QVERIFY(again);
    QCOMPARE(again->status, 200);
    VERIFY_HEALTHY(m_server);
}

void TestRobustness::ambiguousFramingIsRejected_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<int>("status");
    // Headers that Qt's parser and the connection guard could read differently; the request
    // must be refused (RFC 9112 5.1, 5.2, 6.3), never framed one way here and another there.
    QTest::newRow("space before colon") << QByteArray("Content-Length : 29\r\n") << 400;
    QTest::newRow("tab before colon") << QByteArray("Content-Length\t: 29\r\n") << 400;
    QTest::newRow("folded line") << QByteArray("X-Folded: a\r\n Content-Length: 29\r\n") << 400;
    QTest::newRow("conflicting lengths") << QByteArray("Content-Length: 29\r\nContent-Length: 0\r\n") << 400;
    QTest::newRow("conflicting lengths, reversed") << QByteArray("Content-Length: 0\r\nContent-Length: 29\r\n") << 400;
    // Identical repeats are unambiguous: one request with a 29-byte body (POST /health: 405).
    QTest::newRow("repeated length") << QByteArray("Content-Length: 29\r\nContent-Length: 29\r\n") << 405;
}

void TestRobustness::ambiguousFramingIsRejected()
{
    QFETCH(QByteArray, headers);
    QFETCH(int, status);
    // Read as a body, or as a second request, depending on who frames the first one.
    const QByteArray inner = "GET /secret-keys HTTP/1.1\r\n\r\n";
    QCOMPARE(inner.size(), 29);
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    c.send("POST /health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n" + inner);
    const auto r = c.reply(3000);
    if (status == 400) {
        VERIFY_ERROR(r, 400, "BAD_REQUEST");
        QVERIFY2(c.waitClosed(2500), "the connection stayed open after 400");
    } else {
        VERIFY_ERROR(r, status, "METHOD_NOT_ALLOWED");
        QTest::qWait(200);
        c.pump();
    }
    QVERIFY2(c.buffer().isEmpty(), qPrintable(QStringLiteral("a second response: ") + QString::fromLatin1(c.buffer().left(200))));
    VERIFY_HEALTHY(m_server);
}

void TestRobustness::garbageIsRejected_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QRandomGenerator rng(0x6a756e6b);
    QByteArray noise(4096, Qt::Uninitialized);
    for (char &ch : noise)
        ch = char(rng.bounded(256));
    const QByteArray tlsHello = QByteArray::fromHex(
        "16030100a5010000a10303000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f000020"
        "c02bc02fc02cc030cca9cca8c009c013c00ac014009c009d002f0035c012000a0100005800000014001200000f6c"
        "6f63616c686f73742e6c6f63616c");
    QTest::newRow("text") << QByteArray("GARBAGE\r\n\r\n");
    QTest::newRow("tls client hello") << tlsHello;
    QTest::newRow("binary noise") << noise;
    QTest::newRow("nul bytes") << QByteArray(256, '\0');
    QTest::newRow("control char in method") << QByteArray("G\x01T /health HTTP/1.1\r\n\r\n");
    QTest::newRow("space in target") << QByteArray("GET /he alth HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::newRow("negative length") << QByteArray("POST /secret-keys HTTP/1.1\r\nContent-Length: -5\r\n\r\n");
    QTest::newRow("length not a number") << QByteArray("POST /secret-keys HTTP/1.1\r\nContent-Length: abc\r\n\r\n");
    QTest::newRow("length overflows") << QByteArray("POST /secret-keys HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n");
    QTest::newRow("h2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    QTest::newRow("request line only, never ends") << QByteArray("GET /health HTTP/1.1");
}

void TestRobustness::garbageIsRejected()
{
    QFETCH(QByteArray, bytes);
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    c.send(bytes);
    // Either an error answer or the connection closed, within the request deadline and grace.
    std::optional<HttpReply> r;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 c.pump();
                                 if (!r)
                                     r = takeReply(c.buffer(), c.closed());
                                 return r.has_value() || c.closed();
                             }()),
                             RequestTimeoutMs + 2500);
    if (r) {
        QVERIFY2(r->status >= 400 && r->status < 500,
                 qPrintable(QString::fromLatin1(r->statusLine) + QLatin1Char(' ') + QString::fromUtf8(r->body)));
    } else {
        QVERIFY2(c.buffer().isEmpty() || c.buffer().startsWith("HTTP/1.1 4"), c.buffer().left(200).constData());
    }
    VERIFY_HEALTHY(m_server);
}

void TestRobustness::connectionCapPerIp()
{
    constexpr int Cap = 5;
    TestServer capped;
    QVERIFY2(capped.start({}, QJsonObject {{QStringLiteral("max_connections_per_ip"), Cap}}), capped.output().constData());

    for (int round = 0; round < 2; ++round) {
        std::vector<std::unique_ptr<RawClient>> idle;
        for (int i = 0; i < Cap; ++i) {
            idle.push_back(std::make_unique<RawClient>(capped.port()));
            QVERIFY(idle.back()->waitConnected());
        }
        RawClient extra(capped.port());
        QVERIFY(extra.waitConnected());
        extra.send(request("GET", "/health"));
        const auto r = extra.reply(3000);
        VERIFY_ERROR(r, 503, "UNAVAILABLE");
        QVERIFY2(extra.waitClosed(2500), "the connection over the cap stayed open");

        // The connections within the cap are unharmed and serve.
        idle.front()->send(request("GET", "/health"));
        const auto ok = idle.front()->reply(3000);
        QVERIFY(ok);
        QCOMPARE(ok->status, 200);
        for (const auto &c : idle) {
            c->pump();
            QVERIFY(!c->closed());
        }
        idle.clear(); // closes them

        // Once the server has seen them go, a new connection is served again.
        const auto served = [&] {
            RawClient c(capped.port());
            if (!c.waitConnected())
                return 0;
            c.send(request("GET", "/health", {}, {}, "Connection: close\r\n"));
            const auto a = c.reply(3000);
            c.waitClosed(2000);
            return a ? a->status : 0;
        };
        QTRY_COMPARE_WITH_TIMEOUT(served(), 200, 3000);
        // The next round proves the count went back down exactly: the cap applies again.
    }
    QCOMPARE(capped.stop(), 0);
}

void TestRobustness::invalidBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("fields");
    const QString bad = QStringLiteral("BAD_REQUEST");
    const QString invalid = QStringLiteral("VALIDATION_FAILED");
    QTest::newRow("malformed") << QByteArray(R"({"note": "x", "permissions": [)") << bad << QStringList();
    QTest::newRow("trailing garbage") << QByteArray(R"({"note":"x"} trailing)") << bad << QStringList();
    QTest::newRow("form encoded") << QByteArray("note=x&permissions=secret_keys:read") << bad << QStringList();
    QTest::newRow("empty") << QByteArray() << bad << QStringList();
    QTest::newRow("array") << QByteArray(R"([{"note":"x","permissions":["secret_keys:read"]}])") << bad << QStringList();
    QTest::newRow("string") << QByteArray(R"("a string")") << bad << QStringList();
    QTest::newRow("number") << QByteArray("42") << bad << QStringList();
    QTest::newRow("null") << QByteArray("null") << bad << QStringList();
    QTest::newRow("invalid utf-8") << QByteArray("{\"note\":\"\xff\xfe\",\"permissions\":[\"secret_keys:read\"]}") << bad
                                   << QStringList();
    QTest::newRow("deep nesting") << QByteArray(QByteArray(5000, '[') + QByteArray(5000, ']')) << bad << QStringList();
    QTest::newRow("unknown field") << QByteArray(R"({"note":"x","permissions":["secret_keys:read"],"colour":"red"})")
                                   << invalid << QStringList {QStringLiteral("colour")};
    QTest::newRow("wrong types") << QByteArray(R"({"note":5,"permissions":"secret_keys:read","expires_at":12})")
                                 << invalid
                                 << QStringList {QStringLiteral("note"), QStringLiteral("permissions"),
                                                 QStringLiteral("expires_at")};
    QTest::newRow("nested wrong types") << QByteArray(R"({"note":{"a":[1]},"permissions":[1,null]})") << invalid
                                        << QStringList {QStringLiteral("note"), QStringLiteral("permissions")};
    QTest::newRow("missing fields") << QByteArray("{}") << invalid
                                    << QStringList {QStringLiteral("note"), QStringLiteral("permissions")};
    QTest::newRow("null fields") << QByteArray(R"({"note":null,"permissions":null})") << invalid
                                 << QStringList {QStringLiteral("note"), QStringLiteral("permissions")};
    QTest::newRow("unknown permission") << QByteArray(R"({"note":"x","permissions":["nope:read"]})") << invalid
                                        << QStringList {QStringLiteral("permissions")};
    QTest::newRow("malformed permission") << QByteArray(R"({"note":"x","permissions":["secret_keys"]})") << invalid
                                          << QStringList {QStringLiteral("permissions")};
    QTest::newRow("empty permissions") << QByteArray(R"({"note":"x","permissions":[]})") << invalid
                                       << QStringList {QStringLiteral("permissions")};
    QTest::newRow("past expiry") << QByteArray(R"({"note":"x","permissions":["secret_keys:read"],"expires_at":"2001-01-01T00:00:00Z"})")
                                 << invalid << QStringList {QStringLiteral("expires_at")};
    QTest::newRow("not a time") << QByteArray(R"({"note":"x","permissions":["secret_keys:read"],"expires_at":"tomorrow"})")
                                << invalid << QStringList {QStringLiteral("expires_at")};
    QTest::newRow("control character") << QByteArray(R"({"note":"a\nb","permissions":["secret_keys:read"]})") << invalid
                                       << QStringList {QStringLiteral("note")};
    QTest::newRow("blank note") << QByteArray(R"({"note":"   ","permissions":["secret_keys:read"]})") << invalid
                                << QStringList {QStringLiteral("note")};
    QTest::newRow("note too long") << QByteArray(R"({"note":")" + QByteArray(201, 'x') + R"(","permissions":["secret_keys:read"]})")
                                   << invalid << QStringList {QStringLiteral("note")};
}

void TestRobustness::invalidBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QStringList, fields);
    RawClient c(m_server.port());
    QVERIFY(c.waitConnected());
    c.send(request("POST", "/secret-keys", m_writeKey, body));
    const auto r = c.reply(5000);
    const QString problem = errorProblem(r, 400, code);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QJsonObject details = r->json().value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toObject();
    for (const QString &field : fields) {
        QVERIFY2(!details.value(field).toString().isEmpty(),
                 qPrintable(QStringLiteral("no message for %1 in %2").arg(field, QString::fromUtf8(r->body))));
    }
    if (code == QLatin1String("VALIDATION_FAILED"))
        QCOMPARE(details.size(), fields.size());
    // The connection survives a rejected body.
    c.send(request("GET", "/health"));
    const auto after = c.reply(3000);
    QVERIFY(after);
    QCOMPARE(after->status, 200);
}

void TestRobustness::fuzz()
{
    // Fixed seed and count, so a failure reproduces; KEYWARD_FUZZ_SEED / KEYWARD_FUZZ_ROUNDS
    // explore further by hand.
    bool seedSet = false;
    const quint32 seed = qEnvironmentVariable("KEYWARD_FUZZ_SEED").toUInt(&seedSet);
    const int rounds = qBound(1, qEnvironmentVariableIntValue("KEYWARD_FUZZ_ROUNDS"), 100000);
    const int count = qEnvironmentVariableIsSet("KEYWARD_FUZZ_ROUNDS") ? rounds : 300;
    QRandomGenerator rng(seedSet ? seed : 20240611u);
    const auto pick = [&rng](const auto &list) { return list.at(qsizetype(rng.bounded(quint32(list.size())))); };

    const QList<QByteArray> seeds {
        R"({"note":"fuzz","permissions":["secret_keys:read"]})",
        R"({"note":"fuzz","permissions":["secret_keys:read","secret_keys:write"],"expires_at":"2031-05-01T10:00:00Z"})",
        R"({"note":"fuzz","expires_at":null})",
        R"({"amount":1200,"currency":"eur","description":"fuzz"})",
        R"({"note":"publishable","allowed_origins":["https://example.com"]})",
        R"({"reason":"fuzz"})",
        R"({})",
    };
    const QList<QByteArray> tokens {
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "-0", "1e999", "-1e999", "18446744073709551616",
        "0.0000001", "\"\\u0000\"", "\"\\ud800\"", "\"\\u202e\"", "\\", "\"permissions\"", "\"note\"",
        "\"expires_at\"", "\"secret_keys:write\"", "\"*:*\"", "\"2031-02-30T25:61:61Z\"", "{\"a\":{\"b\":[[[]]]}}",
        "\"" + QByteArray(300, 'x') + "\"", "\xc3\xa9", "\xf0\x9f\x94\x91", "\xff", QByteArray(1, '\0'),
    };
    const QList<QByteArray> methods {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
    const QList<QByteArray> segments {
        "secret-keys", "publishable-keys", "payments", "audit-events", "head", "me", "health", "permissions",
        "revoke", "delete", "key_0000000000000000", "key_", "..", ".", "%2F", "%2e%2e", "%00", "%FF", "%zz", "%",
        "%C3%A9t%C3%A9", "a+b", "~user", "!$&'()*,;=", ":@", "secret-keys%2Frevoke", QByteArray(300, 'z'),
    };
    const QList<QByteArray> templates {
        "/secret-keys", "/secret-keys/*", "/secret-keys/*/revoke", "/secret-keys/*/delete", "/publishable-keys",
        "/publishable-keys/*/delete", "/payments", "/audit-events", "/audit-events/head", "/me", "/permissions",
        "/health",
    };
    const QList<QByteArray> queryKeys {"limit", "starting_after", "status", "q", "unknown", "", "limit[]", "%00"};
    const QList<QByteArray> queryValues {
        "", "0", "-1", "1", "100", "101", "99999999999999999999", "abc", "active", "expired", "revoked", "%FF", "%00",
        "key_nope", "%27%20OR%201%3D1--", "1e3", QByteArray(500, 'q'),
    };

    const auto randomPath = [&] {
        QByteArray path;
        if (rng.bounded(2) == 0) {
            path = pick(templates);
            while (path.contains('*'))
                path.replace(path.indexOf('*'), 1, pick(segments));
        } else {
            const int n = int(rng.bounded(5));
            for (int i = 0; i < n; ++i)
                path += '/' + pick(segments);
            if (path.isEmpty() || rng.bounded(4) == 0)
                path += '/';
        }
        if (rng.bounded(5) < 2) {
            path += '?';
            const int n = 1 + int(rng.bounded(4));
            for (int i = 0; i < n; ++i) {
                if (i)
                    path += rng.bounded(6) == 0 ? ";" : "&";
                path += pick(queryKeys);
                if (rng.bounded(5) != 0)
                    path += '=' + pick(queryValues);
            }
        }
        return path;
    };
    const auto mutatedBody = [&] {
        QByteArray body = pick(seeds);
        const int mutations = int(rng.bounded(5));
        for (int m = 0; m < mutations && !body.isEmpty(); ++m) {
            const qsizetype at = qsizetype(rng.bounded(quint32(body.size())));
            switch (rng.bounded(6)) {
            case 0: body[at] = char(rng.bounded(256)); break;
            case 1: body.insert(at, pick(tokens)); break;
            case 2: body.remove(at, qsizetype(rng.bounded(8))); break;
            case 3: body.insert(at, body.mid(at, qsizetype(rng.bounded(16)))); break;
            case 4: body.truncate(at); break;
            default: {
                // Swap a value's type: replace from a colon to the next comma or brace.
                const qsizetype colon = body.indexOf(':', at);
                if (colon < 0)
                    break;
                qsizetype end = colon + 1;
                while (end < body.size() && body[end] != ',' && body[end] != '}')
                    ++end;
                body.replace(colon + 1, end - colon - 1, pick(tokens));
                break;
            }
            }
        }
        if (rng.bounded(20) == 0) {
            body = QByteArray(int(rng.bounded(2000)), Qt::Uninitialized);
            for (char &ch : body)
                ch = char(rng.bounded(256));
        }
        return body;
    };

    // A key that may do everything, so that fuzzed requests reach every handler's validation.
    const QByteArray fullKey = m_server.createKey(QStringLiteral("secret_keys:write,publishable_keys:write,payments:write,"
                                                                 "audit_log:read,customers:write"),
                                                  QStringLiteral("fuzz")).toLatin1();
    QVERIFY(!fullKey.isEmpty());
    const QList<QByteArray> bodyTargets {
        "/secret-keys", "/secret-keys", "/secret-keys", "/publishable-keys", "/payments", "/payments",
        "/secret-keys/*", "/secret-keys/*/revoke", "/secret-keys/*/delete", "/publishable-keys/*/delete",
    };
    const QByteArray wrongKey = unknownKey();
    int answered = 0;
    QMap<int, int> byStatus;
    QStringList failures;
    std::unique_ptr<RawClient> c;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < count && total.elapsed() < 40000; ++i) {
        QByteArray method;
        QByteArray path;
        QByteArray body;
        const quint32 mode = rng.bounded(10);
        if (mode < 5) {
            // A mutated body for an endpoint that reads one.
            method = "POST";
            path = pick(bodyTargets);
            if (path.contains('*'))
                path.replace(path.indexOf('*'), 1, rng.bounded(3) ? QByteArray("key_0000000000000000") : pick(segments));
            body = rng.bounded(12) ? mutatedBody() : QByteArray();
        } else {
            // Any method on a random or templated path, with a random query.
            method = mode < 7 ? QByteArray("GET") : pick(methods);
            path = randomPath();
            if (method != "GET" && rng.bounded(3))
                body = mutatedBody();
        }
        QByteArray headers;
        switch (rng.bounded(10)) {
        case 0: break;
        case 1: headers += "Authorization: Bearer " + wrongKey + "\r\n"; break;
        case 2: headers += "api-key: " + fullKey + "\r\n"; break;
        case 3: headers += "Authorization: Basic dXNlcjpwYXNz\r\n"; break;
        case 4: headers += "Authorization: Bearer " + m_readKey + "\r\n"; break;
        default: headers += "Authorization: Bearer " + fullKey + "\r\n"; break;
        }
        if (rng.bounded(8) == 0)
            headers += "Idempotency-Key: fuzz-" + QByteArray::number(rng.bounded(20)) + "\r\n";
        QByteArray raw = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers;
        if (!body.isEmpty() || method != "GET")
            raw += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        raw += "\r\n" + body;

        if (!c || c->closed()) {
            c = std::make_unique<RawClient>(m_server.port());
            QVERIFY2(c->waitConnected(), qPrintable(QStringLiteral("cannot connect at request %1").arg(i)));
        }
        c->send(raw);
        const auto r = c->reply(5000);
        const QString what = QStringLiteral("#%1 %2 %3 body %4").arg(i).arg(QString::fromLatin1(method),
            QString::fromLatin1(path.left(120)), QString::fromLatin1(body.left(120).toPercentEncoding("{}[]\":,")));
        if (!r) {
            failures.append(QStringLiteral("no answer to %1").arg(what));
            c.reset();
            continue;
        }
        ++answered;
        ++byStatus[r->status];
        if (r->status < 200 || r->status >= 500) {
            failures.append(QStringLiteral("%1 answered %2: %3").arg(what).arg(r->status).arg(QString::fromUtf8(r->body.left(300))));
        } else if (r->status >= 400) {
            const QString problem = errorProblem(r, r->status, {});
            if (!problem.isEmpty())
                failures.append(QStringLiteral("%1: %2").arg(what, problem));
        } else if (QJsonDocument::fromJson(r->body).isNull()) {
            failures.append(QStringLiteral("%1 answered %2 with a body that is not JSON").arg(what).arg(r->status));
        }
        if (!m_server.isRunning())
            break;
    }
    QString summary;
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        summary += QStringLiteral(" %1×%2").arg(it.key()).arg(it.value());
    qInfo("fuzz: %d answered in %lld ms:%s", answered, total.elapsed(), qPrintable(summary));
    QVERIFY2(m_server.isRunning(), m_server.output().right(3000).constData());
    QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("%1 failure(s):\n").arg(failures.size())
                                             + failures.mid(0, 10).join(QLatin1Char('\n'))));
    QCOMPARE(answered, count);
    VERIFY_HEALTHY(m_server);
    QCOMPARE(m_server.get(QStringLiteral("/secret-keys"), QString::fromLatin1(m_readKey)).status, 200);
}

void TestRobustness::gracefulShutdownAnswersInFlightRequest()
{
    TestServer server;
    QVERIFY2(server.start({}, QJsonObject {{QStringLiteral("shutdown_grace_ms"), 10000}}), server.output().constData());
    const QByteArray key = server.createKey(QStringLiteral("secret_keys:write"), QStringLiteral("shutdown")).toLatin1();
    QVERIFY(!key.isEmpty());
    QCOMPARE(server.get(QStringLiteral("/me"), QString::fromLatin1(key)).status, 200);

    // Hold SQLite's write lock from another connection, so that the server's writer waits (its
    // busy timeout is 10 s) and the request below stays in flight for as long as we want.
    std::atomic<int> lockState {0}; // 1 locked, -1 failed
    std::atomic<qint64> releaseAtMs {std::numeric_limits<qint64>::max()};
    // On PostgreSQL the servers' write lock is an advisory lock: hold that one.
    const QString name = QStringLiteral("tst_robustness_locker");
    const bool pg = TestServer::usesPostgres();
    std::thread locker([&lockState, &releaseAtMs, &server, name, pg] {
        if (server.openDatabase(name)) {
            QSqlDatabase db = QSqlDatabase::database(name);
            QSqlQuery q(db);
            if (!q.exec(pg ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN EXCLUSIVE"))
                || (pg && !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(1802990180)")))) {
                lockState = -1;
            } else {
                lockState = 1;
                QElapsedTimer held;
                held.start();
                while (QDateTime::currentMSecsSinceEpoch() < releaseAtMs && held.elapsed() < 15000)
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                (void)q.exec(QStringLiteral("COMMIT"));
            }
            q.finish();
            db.close();
        } else {
            lockState = -1;
        }
        QSqlDatabase::removeDatabase(name);
    });
    const auto joinLocker = qScopeGuard([&] {
        releaseAtMs = 0;
        locker.join();
    });
    QTRY_VERIFY_WITH_TIMEOUT(lockState != 0, 6000);
    QCOMPARE(lockState.load(), 1);

    RawClient c(server.port());
    QVERIFY(c.waitConnected());
    c.send(request("POST", "/secret-keys", key, R"({"note":"created during shutdown","permissions":["secret_keys:read"]})"));
    // A request on another connection answered after ours was sent: the server has read ours.
    QCOMPARE(server.get(QStringLiteral("/health")).status, 200);
    c.pump();
    QVERIFY2(c.buffer().isEmpty(), "the write was answered although the database is locked");

    releaseAtMs = QDateTime::currentMSecsSinceEpoch() + 700;
    QElapsedTimer t;
    t.start();
    const int exitCode = server.stop();
    const qint64 stopMs = t.elapsed();
    const QByteArray output = server.output();
    QCOMPARE(exitCode, 0);
    QVERIFY2(output.contains("finishing 1 request(s)"), output.right(2000).constData());
    QVERIFY2(stopMs >= 500, qPrintable(QStringLiteral("stopped after %1 ms, before the request could finish").arg(stopMs)));

    const auto r = c.reply(3000);
    QVERIFY2(r, "the in-flight request got no answer");
    QCOMPARE(r->status, 201);
    QVERIFY(r->json().value(QStringLiteral("secret")).toString().startsWith(KeyFormat::prefixOf(QString::fromLatin1(key))));
    QVERIFY(c.waitClosed(2000));
}

QTEST_GUILESS_MAIN(TestRobustness)
#include "tst_robustness.moc"

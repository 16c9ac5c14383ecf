// SPDX-License-Identifier: GPL-3.0-or-later
// ApiClient and ApiFailure against a fault-injecting HTTP server on 127.0.0.1: each request the
// server reads is answered (or not) by the next scripted reply, so every failure path (server
// error bodies, bare statuses, dropped connections, stalled bodies, rate limits, expired tokens)
// runs through the real QNetworkAccessManager stack.
#include "ApiClient.h"
#include "ApiFailure.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPointer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

using keyward::ApiCall;
using keyward::ApiClient;
using keyward::ApiError;
using keyward::ApiFailure;
using keyward::ApiRequest;
using keyward::ApiResponse;
using keyward::JsonPage;
using keyward::Result;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// What the fault server does with one request.
struct Reply
{
    enum class Action {
        Respond, // a complete answer, then the server closes the connection
        Close, // closes the connection without a byte of answer
        Stall, // sends the headers and part of the body, then nothing more
        Truncate, // sends the headers and part of the body, then closes the connection
        Hang, // reads the request and never answers
    };
    Action action = Action::Respond;
    int status = 200;
    QByteArray body;
    Headers headers;
    int delayMs = 0; // before acting

    static Reply json(int status, const QByteArray &body, const Headers &headers = {})
    {
        Reply r;
        r.status = status;
        r.body = body;
        r.headers = headers;
        return r;
    }
    static Reply html(int status)
    {
        Reply r;
        r.status = status;
        r.body = "<html><body><h1>" + QByteArray::number(status) + " from the proxy</h1></body></html>";
        r.headers = { { "Content-Type", "text/html" } };
        return r;
    }
    static Reply of(Action action)
    {
        Reply r;
        r.action = action;
        return r;
    }
};

// One request as the server read it.
struct Received
{
    QByteArray method;
    QByteArray target; // path and query
    Headers headers;
    QByteArray body;
    qint64 atMs = 0; // since the server started

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
    QUrl url() const { return QUrl(QString::fromLatin1(target)); }
    QUrlQuery query() const { return QUrlQuery(url()); }
};

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

// A tiny HTTP/1.1 server that misbehaves on demand. Replies come from a script (the last one
// repeats) or from a handler that sees the request.
class FaultServer : public QObject
{
public:
    using Handler = std::function<Reply(const Received &request, int index)>;

    FaultServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, &FaultServer::onNewConnection);
        m_clock.start();
    }
    ~FaultServer() override
    {
        // The sockets die with m_server; they must not call back into a half-destroyed object.
        const auto sockets = m_server.findChildren<QTcpSocket *>();
        for (QTcpSocket *socket : sockets)
            socket->disconnect(this);
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &path) const
    {
        QUrl u;
        u.setScheme(QStringLiteral("http"));
        u.setHost(QStringLiteral("127.0.0.1"));
        u.setPort(m_server.serverPort());
        u.setPath(path);
        return u;
    }
    void script(const QList<Reply> &replies) { m_script = replies; }
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    const QList<Received> &requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    // Connections the client closed while the server still owed an answer (cancel, timeout).
    int clientClosedCount() const { return m_clientClosed; }

private:
    struct Connection
    {
        QByteArray buffer;
        bool handled = false;
        bool serverClosing = false;
    };

    void onNewConnection()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            auto state = std::make_shared<Connection>();
            connect(
                socket, &QTcpSocket::readyRead, this, [this, socket, state] { onReadyRead(socket, state); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket, state] {
                if (!state->serverClosing && state->handled)
                    ++m_clientClosed;
                socket->deleteLater();
            });
        }
    }

    void onReadyRead(QTcpSocket *socket, const std::shared_ptr<Connection> &state)
    {
        state->buffer.append(socket->readAll());
        if (state->handled)
            return;
        const qsizetype end = state->buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Received request;
        const QList<QByteArray> lines = state->buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({ name, value });
            if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
        }
        if (state->buffer.size() < end + 4 + contentLength)
            return;
        request.body = state->buffer.mid(end + 4, contentLength);
        request.atMs = m_clock.elapsed();
        state->handled = true;
        const int index = int(m_requests.size());
        m_requests.append(request);

        Reply reply;
        if (m_handler)
            reply = m_handler(request, index);
        else if (!m_script.isEmpty())
            reply = m_script.value(index, m_script.constLast());
        else
            reply = Reply::json(200, "{}");
        if (reply.delayMs > 0) {
            QTimer::singleShot(
                reply.delayMs, socket, [this, socket, state, reply] { act(socket, state, reply); });
        } else {
            act(socket, state, reply);
        }
    }

    void act(QTcpSocket *socket, const std::shared_ptr<Connection> &state, const Reply &reply)
    {
        switch (reply.action) {
        case Reply::Action::Respond: {
            QByteArray head
                = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
            bool hasType = false;
            for (const auto &h : reply.headers) {
                head += h.first + ": " + h.second + "\r\n";
                hasType = hasType || h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
            }
            if (!hasType)
                head += "Content-Type: application/json\r\n";
            head += "Content-Length: " + QByteArray::number(reply.body.size())
                + "\r\nConnection: close\r\n\r\n";
            state->serverClosing = true;
            socket->write(head + reply.body);
            socket->disconnectFromHost();
            break;
        }
        case Reply::Action::Close:
            state->serverClosing = true;
            socket->disconnectFromHost();
            break;
        case Reply::Action::Stall:
        case Reply::Action::Truncate:
            // A complete JSON value, but only a part of the promised body.
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n"
                          "{\"data\": []}");
            if (reply.action == Reply::Action::Truncate) {
                state->serverClosing = true;
                socket->disconnectFromHost();
            }
            break;
        case Reply::Action::Hang:
            break;
        }
    }

    QTcpServer m_server;
    QElapsedTimer m_clock;
    QList<Reply> m_script;
    Handler m_handler;
    QList<Received> m_requests;
    int m_clientClosed = 0;
};

// A token provider with the single-flight behaviour AuthService promises: every call that asks
// while a renewal is in flight waits for that one renewal.
class FakeTokens : public keyward::TokenProvider
{
public:
    QByteArray token;
    QByteArray renewedToken;
    bool renewalSucceeds = true;
    int renewCalls = 0; // how often a call asked
    int refreshes = 0; // how often a renewal actually ran
    QList<QByteArray> rejected;

    QByteArray accessToken() const override { return token; }

    void renewAccessToken(
        const QByteArray &rejectedToken, QObject *context, std::function<void(bool)> done) override
    {
        ++renewCalls;
        rejected.append(rejectedToken);
        if (rejectedToken != token && !token.isEmpty()) {
            // Renewed since that call was sent: nothing to do but try again.
            QTimer::singleShot(0, context, [done] { done(true); });
            return;
        }
        m_waiting.append({ QPointer<QObject>(context), std::move(done) });
        if (m_inFlight)
            return;
        m_inFlight = true;
        QTimer::singleShot(30, &m_timerContext, [this] {
            ++refreshes;
            m_inFlight = false;
            if (renewalSucceeds)
                token = renewedToken;
            const auto waiting = std::exchange(m_waiting, {});
            for (const auto &w : waiting) {
                if (w.first)
                    w.second(renewalSucceeds);
            }
        });
    }

private:
    QObject m_timerContext;
    bool m_inFlight = false;
    QList<QPair<QPointer<QObject>, std::function<void(bool)>>> m_waiting;
};

// One call and what came of it.
struct Pending
{
    QObject context;
    std::optional<Result<ApiResponse>> result;
    int callbacks = 0;
    int attempts = 0; // ApiCall::attempts() when the callback ran
    QPointer<ApiCall> call;
};

// Captures every log line (category: message) while alive.
QStringList *g_log = nullptr;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (g_log)
        g_log->append(QString::fromLatin1(context.category ? context.category : "default")
            + QStringLiteral(": ") + message);
}

class LogCapture
{
public:
    LogCapture()
    {
        g_log = &lines;
        m_previous = qInstallMessageHandler(captureMessage);
        QLoggingCategory::setFilterRules(QStringLiteral("keyward.api.debug=true"));
    }
    ~LogCapture()
    {
        QLoggingCategory::setFilterRules(QString());
        qInstallMessageHandler(m_previous);
        g_log = nullptr;
    }
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    QStringList lines;

private:
    QtMessageHandler m_previous = nullptr;
};

QByteArray errorBody(const QByteArray &code, const QByteArray &message, const QByteArray &requestId,
    const QJsonObject &details = {})
{
    QJsonObject error { { QStringLiteral("code"), QString::fromLatin1(code) },
        { QStringLiteral("message"), QString::fromLatin1(message) } };
    if (!details.isEmpty())
        error.insert(QStringLiteral("details"), details);
    QJsonObject o { { QStringLiteral("error"), error },
        { QStringLiteral("timestamp"), QStringLiteral("2024-05-01T10:00:00Z") } };
    if (!requestId.isEmpty())
        o.insert(QStringLiteral("requestId"), QString::fromLatin1(requestId));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

Q_DECLARE_METATYPE(Reply)
Q_DECLARE_METATYPE(ApiFailure::Kind)

class TestApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // The good path.
    void success();
    void bearerTokenSent();
    void noTokenWithoutProvider();
    void unauthenticatedRequestCarriesNoToken();
    void postSendsBodyAndIdempotencyKey();
    void plainPostHasNoIdempotencyKey();
    void emptyBody();
    void urlJoining_data();
    void urlJoining();

    // Failures, mapped in one place and one order.
    void errorMapping_data();
    void errorMapping();
    void connectionRefused();
    void timeout_data();
    void timeout();
    void fromReply_data();
    void fromReply();
    void failureText();

    // Retries.
    void getRetried_data();
    void getRetried();
    void plainPostNotRetried();
    void plainPostClosedBeforeAnswer();
    void idempotentPostRetriedWithSameKey();
    void retriesStopAfterMaxAttempts_data();
    void retriesStopAfterMaxAttempts();
    void nonTransientStatusNotRetried();

    // 429.
    void rateLimitWaitsAndRetries();
    void rateLimitedPlainPostNotRetried();
    void rateLimitTooLongFailsAtOnce_data();
    void rateLimitTooLongFailsAtOnce();

    // 401.
    void renewsTokenOnceOn401();
    void renewalFailureLosesAuthentication();
    void stillRejectedAfterRenewal();
    void concurrent401sAllComplete();

    // Cancellation.
    void contextDestroyedCancels();
    void cancelStopsCall();
    void contextDestroyedDuringRetryWait();

    // Logging.
    void credentialsNeverLogged();
    void isCredentialHeader_data();
    void isCredentialHeader();
    void describeHeaders_data();
    void describeHeaders();

    // Keyset pagination.
    void pageFromResponse_data();
    void pageFromResponse();
    void pageRequest_data();
    void pageRequest();
    void pagesThroughServer();

private:
    std::unique_ptr<Pending> send(const ApiRequest &request);
    ApiClient::Options fastOptions() const;

    std::unique_ptr<FaultServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FakeTokens> m_tokens;
    std::unique_ptr<ApiClient> m_client;
};

// Waits for the callback of `p` (generous: the CI machine is small and busy).
#define WAIT_FOR_RESULT(p) QTRY_VERIFY_WITH_TIMEOUT((p)->result.has_value(), 10000)

#define VERIFY_OK(r) QVERIFY2((r).ok(), qPrintable((r).ok() ? QString() : (r).error().text()))

void TestApiClient::initTestCase()
{
    qRegisterMetaType<ApiFailure>("keyward::ApiFailure");
    QCoreApplication::setApplicationVersion(QStringLiteral("9.9.9-test"));
}

void TestApiClient::init()
{
    m_server = std::make_unique<FaultServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy); // never a proxy from the environment
    m_tokens = std::make_unique<FakeTokens>();
    m_tokens->token = "tok-initial";
    m_tokens->renewedToken = "tok-renewed";
    m_client = std::make_unique<ApiClient>(
        m_network.get(), m_server->url(QStringLiteral("/api/v1")), m_tokens.get());
    m_client->setOptions(fastOptions());
}

void TestApiClient::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_tokens.reset();
    m_server.reset();
}

ApiClient::Options TestApiClient::fastOptions() const
{
    ApiClient::Options o;
    o.transferTimeoutMs = 5000;
    o.maxAttempts = 3;
    o.backoffBaseMs = 20;
    o.maxRetryAfterS = 5;
    return o;
}

std::unique_ptr<Pending> TestApiClient::send(const ApiRequest &request)
{
    auto pending = std::make_unique<Pending>();
    Pending *p = pending.get();
    p->call = m_client->send(request, &p->context, [p](const Result<ApiResponse> &result) {
        ++p->callbacks;
        p->result = result;
        if (p->call)
            p->attempts = p->call->attempts();
    });
    return pending;
}

// ---------------------------------------------------------------------------------------------

void TestApiClient::success()
{
    m_server->script({ Reply::json(200, "{\"id\":\"k_1\",\"name\":\"Billing\",\"scopes\":[\"read\"]}",
        { { "X-Request-Id", "req-42" }, { "X-Extra", "yes" } }) });
    auto p = send(ApiRequest::get(QStringLiteral("/keys/k_1"), QUrlQuery(QStringLiteral("expand=owner"))));
    WAIT_FOR_RESULT(p);
    QCOMPARE(p->callbacks, 1);
    const Result<ApiResponse> &r = *p->result;
    VERIFY_OK(r);
    QVERIFY(bool(r));
    QCOMPARE(r.value().status, 200);
    QVERIFY(r.value().json.isObject());
    QCOMPARE(r.value().json.object().value(QStringLiteral("name")).toString(), QStringLiteral("Billing"));
    QCOMPARE(r.value().requestId, QStringLiteral("req-42"));
    QCOMPARE(r.value().header("x-extra"), QByteArray("yes"));
    QCOMPARE(r.value().header("X-REQUEST-ID"), QByteArray("req-42"));
    QVERIFY(r.value().header("X-Missing").isEmpty());
    QCOMPARE(p->attempts, 1);

    QCOMPARE(m_server->requestCount(), 1);
    const Received &req = m_server->requests().constFirst();
    QCOMPARE(req.method, QByteArray("GET"));
    QCOMPARE(req.target, QByteArray("/api/v1/keys/k_1?expand=owner"));
    QCOMPARE(req.header("Accept"), QByteArray("application/json"));
    QCOMPARE(req.header("User-Agent"), QByteArray("Keyward/9.9.9-test"));
    QVERIFY(!req.hasHeader("Idempotency-Key"));
    QVERIFY(!req.hasHeader("Content-Type"));
    // The call deletes itself once its callback has run.
    QTRY_VERIFY(p->call.isNull());
}

void TestApiClient::bearerTokenSent()
{
    m_tokens->token = "tok-abc.def";
    auto p = send(ApiRequest::get(QStringLiteral("/me")));
    WAIT_FOR_RESULT(p);
    VERIFY_OK(*p->result);
    QCOMPARE(m_server->requests().constFirst().header("Authorization"), QByteArray("Bearer tok-abc.def"));

    // The token is read for every request: a renewed token is used from then on.
    m_tokens->token = "tok-second";
    auto q = send(ApiRequest::get(QStringLiteral("/me")));
    WAIT_FOR_RESULT(q);
    QCOMPARE(m_server->requests().at(1).header("Authorization"), QByteArray("Bearer tok-second"));

    // Signed out: no header at all rather than "Bearer ".
    m_tokens->token.clear();
    auto s = send(ApiRequest::get(QStringLiteral("/me")));
    WAIT_FOR_RESULT(s);
    QVERIFY(!m_server->requests().at(2).hasHeader("Authorization"));
}

void TestApiClient::noTokenWithoutProvider()
{
    m_client
        = std::make_unique<ApiClient>(m_network.get(), m_server->url(QStringLiteral("/api/v1")), nullptr);
    m_client->setOptions(fastOptions());
    m_server->script({ Reply::json(401, errorBody("UNAUTHORIZED", "Sign in first.", "req-9")) });
    QSignalSpy lost(m_client.get(), &ApiClient::authenticationLost);
    QVERIFY(lost.isValid());
    auto p = send(ApiRequest::get(QStringLiteral("/me")));
    WAIT_FOR_RESULT(p);
    QVERIFY(!p->result->ok());
    QCOMPARE(p->result->error().httpStatus, 401);
    QVERIFY(!m_server->requests().constFirst().hasHeader("Authorization"));
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(lost.count(), 0);
}

void TestApiClient::unauthenticatedRequestCarriesNoToken()
{
    ApiRequest request = ApiRequest::get(QStringLiteral("/.well-known/openid-configuration"));
    request.authenticated = false;
    m_server->script({ Reply::json(401, errorBody("UNAUTHORIZED", "No.", "req-2")) });
    auto p = send(request);
    WAIT_FOR_RESULT(p);
    QVERIFY(!m_server->requests().constFirst().hasHeader("Authorization"));
    // Nothing to renew for a request that carried no token.
    QCOMPARE(m_tokens->renewCalls, 0);
    QCOMPARE(p->result->error().httpStatus, 401);
}

void TestApiClient::postSendsBodyAndIdempotencyKey()
{
    m_server->script({ Reply::json(201, "{\"id\":\"k_9\"}") });
    const QJsonObject body { { QStringLiteral("name"), QStringLiteral("CI deploy") },
        { QStringLiteral("ttl_days"), 30 } };
    const ApiRequest request = ApiRequest::post(QStringLiteral("/keys"), body);
    QCOMPARE(request.method, QByteArray("POST"));
    QVERIFY(request.isRetriable());
    QVERIFY(
        QRegularExpression(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"))
            .match(QString::fromLatin1(request.idempotencyKey))
            .hasMatch());
    // A fresh key per request.
    QVERIFY(ApiRequest::post(QStringLiteral("/keys"), body).idempotencyKey != request.idempotencyKey);

    auto p = send(request);
    WAIT_FOR_RESULT(p);
    VERIFY_OK(*p->result);
    QCOMPARE(p->result->value().status, 201);
    const Received &req = m_server->requests().constFirst();
    QCOMPARE(req.method, QByteArray("POST"));
    QCOMPARE(req.target, QByteArray("/api/v1/keys"));
    QCOMPARE(req.header("Idempotency-Key"), request.idempotencyKey);
    QCOMPARE(req.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(req.header("Authorization"), QByteArray("Bearer tok-initial"));
    QCOMPARE(QJsonDocument::fromJson(req.body).object(), body);
}

void TestApiClient::plainPostHasNoIdempotencyKey()
{
    const ApiRequest request = ApiRequest::post(QStringLiteral("/keys/k_1/revoke"), {}, false);
    QVERIFY(request.idempotencyKey.isEmpty());
    QVERIFY(!request.isRetriable());
    auto p = send(request);
    WAIT_FOR_RESULT(p);
    VERIFY_OK(*p->result);
    QCOMPARE(m_server->requests().constFirst().method, QByteArray("POST"));
    QVERIFY(!m_server->requests().constFirst().hasHeader("Idempotency-Key"));
}

void TestApiClient::emptyBody()
{
    m_server->script({ Reply::json(204, {}) });
    ApiRequest request;
    request.method = "DELETE";
    request.path = QStringLiteral("/keys/k_1");
    auto p = send(request);
    WAIT_FOR_RESULT(p);
    VERIFY_OK(*p->result);
    QCOMPARE(p->result->value().status, 204);
    QVERIFY(p->result->value().json.isNull());
    QCOMPARE(m_server->requests().constFirst().method, QByteArray("DELETE"));
}

void TestApiClient::urlJoining_data()
{
    QTest::addColumn<QString>("basePath");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("base without slash")
        << QStringLiteral("/api/v1") << QStringLiteral("/keys") << QByteArray("/api/v1/keys");
    QTest::newRow("base with slash") << QStringLiteral("/api/v1/") << QStringLiteral("/keys")
                                     << QByteArray("/api/v1/keys");
    QTest::newRow("root base") << QStringLiteral("/") << QStringLiteral("/keys") << QByteArray("/keys");
    QTest::newRow("no base path") << QString() << QStringLiteral("/keys") << QByteArray("/keys");
}

void TestApiClient::urlJoining()
{
    QFETCH(QString, basePath);
    QFETCH(QString, path);
    QFETCH(QByteArray, target);
    QUrl base = m_server->url(basePath);
    m_client = std::make_unique<ApiClient>(m_network.get(), base, m_tokens.get());
    m_client->setOptions(fastOptions());
    auto p = send(ApiRequest::get(path));
    WAIT_FOR_RESULT(p);
    QCOMPARE(m_server->requests().constFirst().target, target);
}

// ---------------------------------------------------------------------------------------------

void TestApiClient::errorMapping_data()
{
    QTest::addColumn<Reply>("reply");
    QTest::addColumn<ApiFailure::Kind>("kind");
    QTest::addColumn<int>("code"); // -1: not checked
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<QStringList>("messageContains");
    QTest::addColumn<int>("requests"); // what the server sees; 0: at least one

    const auto code = [](ApiError::Code c) { return int(c); };

    QTest::newRow("403 server body") << Reply::json(
        403, errorBody("FORBIDDEN", "Only owners may rotate this key", "req-1"))
                                     << ApiFailure::Kind::Server << code(ApiError::Code::Forbidden) << 403
                                     << QStringLiteral("req-1")
                                     << QStringList { QStringLiteral("Only owners may rotate this key.") }
                                     << 1;
    QTest::newRow("server body, request id from the header")
        << Reply::json(409, errorBody("CONFLICT", "A key with this name exists.", {}),
               { { "X-Request-Id", "req-hdr" } })
        << ApiFailure::Kind::Server << code(ApiError::Code::Conflict) << 409 << QStringLiteral("req-hdr")
        << QStringList { QStringLiteral("A key with this name exists.") } << 1;
    QTest::newRow("validation details")
        << Reply::json(400,
               errorBody("VALIDATION_FAILED", "The request is invalid.", "req-v",
                   { { QStringLiteral("name"), QStringLiteral("must not be empty") },
                       { QStringLiteral("expires_at"), QStringLiteral("is in the past") } }))
        << ApiFailure::Kind::Server << code(ApiError::Code::ValidationFailed) << 400
        << QStringLiteral("req-v")
        << QStringList { QStringLiteral("The request is invalid."),
               QStringLiteral("name: must not be empty."), QStringLiteral("expires_at: is in the past.") }
        << 1;
    QTest::newRow("401 server body, unauthenticated request")
        << Reply::json(401, errorBody("UNAUTHORIZED", "The token expired", "req-u"))
        << ApiFailure::Kind::Server << code(ApiError::Code::Unauthorized) << 401 << QStringLiteral("req-u")
        << QStringList { QStringLiteral("The token expired."), QStringLiteral("Sign in again") } << 1;
    QTest::newRow("error body without message")
        << Reply::json(403, "{\"error\":{\"code\":\"FORBIDDEN\"}}") << ApiFailure::Kind::Http
        << code(ApiError::Code::Forbidden) << 403 << QString()
        << QStringList { QStringLiteral("not allowed") } << 1;
    QTest::newRow("404 html") << Reply::html(404) << ApiFailure::Kind::Http << code(ApiError::Code::NotFound)
                              << 404 << QString()
                              << QStringList { QStringLiteral("HTTP 404"), QStringLiteral("127.0.0.1") } << 1;
    QTest::newRow("500 html") << Reply::html(500) << ApiFailure::Kind::Http << code(ApiError::Code::Internal)
                              << 500 << QString() << QStringList { QStringLiteral("HTTP 500") } << 1;
    QTest::newRow("502 html") << Reply::html(502) << ApiFailure::Kind::Http << code(ApiError::Code::Internal)
                              << 502 << QString() << QStringList { QStringLiteral("HTTP 502") } << 1;
    QTest::newRow("503 html with request id")
        << Reply::json(
               503, "<html>down</html>", { { "Content-Type", "text/html" }, { "X-Request-Id", "req-lb" } })
        << ApiFailure::Kind::Http << code(ApiError::Code::Unavailable) << 503 << QStringLiteral("req-lb")
        << QStringList { QStringLiteral("HTTP 503") } << 1;
    QTest::newRow("garbage on 200") << Reply::json(200, "{\"data\": [1, 2", { { "X-Request-Id", "req-g" } })
                                    << ApiFailure::Kind::Parse << -1 << 200 << QStringLiteral("req-g")
                                    << QStringList { QStringLiteral("cannot read"),
                                           QStringLiteral("HTTP 200") }
                                    << 1;
    QTest::newRow("html on 200") << Reply::json(
        200, "<html>login portal</html>", { { "Content-Type", "text/html" } })
                                 << ApiFailure::Kind::Parse << -1 << 200 << QString()
                                 << QStringList { QStringLiteral("cannot read") } << 1;
    QTest::newRow("garbage on 400") << Reply::json(400, "{oops") << ApiFailure::Kind::Http
                                    << code(ApiError::Code::BadRequest) << 400 << QString()
                                    << QStringList { QStringLiteral("HTTP 400") } << 1;
    QTest::newRow("closed without answer")
        << Reply::of(Reply::Action::Close) << ApiFailure::Kind::Network << -1 << 0 << QString()
        << QStringList { QStringLiteral("closed the connection before answering") } << 0;
    // Headers and a parseable start of the body, then the connection drops: a half answer is a
    // network failure, never a success.
    QTest::newRow("truncated body") << Reply::of(Reply::Action::Truncate) << ApiFailure::Kind::Network << -1
                                    << -1 << QString()
                                    << QStringList { QStringLiteral("closed the connection") } << 1;
}

void TestApiClient::errorMapping()
{
    QFETCH(Reply, reply);
    QFETCH(ApiFailure::Kind, kind);
    QFETCH(int, code);
    QFETCH(int, httpStatus);
    QFETCH(QString, requestId);
    QFETCH(QStringList, messageContains);
    QFETCH(int, requests);

    ApiClient::Options options = fastOptions();
    options.maxAttempts = 1; // the mapping, not the retries
    m_client->setOptions(options);
    m_server->script({ reply });
    ApiRequest request = ApiRequest::get(QStringLiteral("/keys"));
    request.authenticated = false; // no token renewal on 401
    auto p = send(request);
    WAIT_FOR_RESULT(p);
    QVERIFY(!p->result->ok());
    const ApiFailure &f = p->result->error();
    QCOMPARE(f.kind, kind);
    if (code >= 0)
        QCOMPARE(int(f.code), code);
    if (httpStatus >= 0) {
        QCOMPARE(f.httpStatus, httpStatus);
        QCOMPARE(f.isAuthentication(), httpStatus == 401);
    }
    QCOMPARE(f.requestId, requestId);
    for (const QString &fragment : std::as_const(messageContains))
        QVERIFY2(f.message.contains(fragment), qPrintable(f.message));
    // A sentence.
    QVERIFY2(QStringLiteral(".?").contains(f.message.back()), qPrintable(f.message));
    if (!requestId.isEmpty())
        QVERIFY(f.text().contains(requestId));
    if (requests > 0)
        QCOMPARE(m_server->requestCount(), requests);
    else
        QVERIFY(m_server->requestCount() >= 1); // see plainPostClosedBeforeAnswer
}

void TestApiClient::connectionRefused()
{
    // A port that nothing listens on: open one, note it, close it.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    QUrl base = m_server->url(QStringLiteral("/api/v1"));
    base.setPort(probe.serverPort());
    probe.close();

    m_client = std::make_unique<ApiClient>(m_network.get(), base, m_tokens.get());
    ApiClient::Options options = fastOptions();
    options.maxAttempts = 2;
    m_client->setOptions(options);
    auto p = send(ApiRequest::get(QStringLiteral("/keys")));
    WAIT_FOR_RESULT(p);
    QVERIFY(!p->result->ok());
    const ApiFailure &f = p->result->error();
    QCOMPARE(f.kind, ApiFailure::Kind::Network);
    QCOMPARE(f.httpStatus, 0);
    QVERIFY2(f.message.contains(QStringLiteral("nothing is listening")), qPrintable(f.message));
    QVERIFY(f.requestId.isEmpty());
    QCOMPARE(f.text(), f.message);
    // Refused is transient: a GET is tried again before giving up.
    QCOMPARE(p->attempts, 2);
}

void TestApiClient::timeout_data()
{
    QTest::addColumn<Reply>("reply");
    QTest::newRow("headers, then a body that never finishes") << Reply::of(Reply::Action::Stall);
    QTest::newRow("no answer at all") << Reply::of(Reply::Action::Hang);
}

void TestApiClient::timeout()
{
    QFETCH(Reply, reply);
    ApiClient::Options options = fastOptions();
    options.transferTimeoutMs = 300;
    options.maxAttempts = 1;
    m_client->setOptions(options);
    m_server->script({ reply });
    QElapsedTimer clock;
    clock.start();
    auto p = send(ApiRequest::get(QStringLiteral("/keys")));
    WAIT_FOR_RESULT(p);
    QVERIFY(clock.elapsed() >= 250);
    QVERIFY(!p->result->ok());
    const ApiFailure &f = p->result->error();
    QVERIFY2(f.kind == ApiFailure::Kind::Timeout, qPrintable(f.message));
    QVERIFY2(f.message.contains(QStringLiteral("did not answer in time")), qPrintable(f.message));
    // The client gave up on the connection.
    QTRY_COMPARE(m_server->clientClosedCount(), 1);
}

void TestApiClient::fromReply_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<bool>("timedOut");
    QTest::addColumn<ApiFailure::Kind>("kind");
    QTest::addColumn<int>("retryAfterSeconds");
    QTest::addColumn<QString>("messageContains");

    // The server body wins over the network error QNAM reports for every 4xx.
    QTest::newRow("server body beats network error")
        << int(QNetworkReply::ContentAccessDenied) << 403 << errorBody("FORBIDDEN", "Owners only.", "req-5")
        << QByteArray() << false << ApiFailure::Kind::Server << -1 << QStringLiteral("Owners only.");
    QTest::newRow("status beats network error")
        << int(QNetworkReply::InternalServerError) << 500 << QByteArray("x") << QByteArray() << false
        << ApiFailure::Kind::Http << -1 << QStringLiteral("HTTP 500");
    QTest::newRow("unknown host") << int(QNetworkReply::HostNotFoundError) << 0 << QByteArray()
                                  << QByteArray() << false << ApiFailure::Kind::Network << -1
                                  << QStringLiteral("api.example.com");
    QTest::newRow("tls") << int(QNetworkReply::SslHandshakeFailedError) << 0 << QByteArray() << QByteArray()
                         << false << ApiFailure::Kind::Tls << -1 << QStringLiteral("certificate");
    QTest::newRow("transfer timeout")
        << int(QNetworkReply::OperationCanceledError) << 0 << QByteArray() << QByteArray() << true
        << ApiFailure::Kind::Timeout << -1 << QStringLiteral("in time");
    QTest::newRow("aborted") << int(QNetworkReply::OperationCanceledError) << 0 << QByteArray()
                             << QByteArray() << false << ApiFailure::Kind::Cancelled << -1
                             << QStringLiteral("cancelled");
    QTest::newRow("429 retry-after") << int(QNetworkReply::UnknownContentError) << 429 << QByteArray()
                                     << QByteArray(" 30 ") << false << ApiFailure::Kind::Http << 30
                                     << QStringLiteral("30 second");
    QTest::newRow("429 unreadable retry-after")
        << int(QNetworkReply::UnknownContentError) << 429 << QByteArray() << QByteArray("soon") << false
        << ApiFailure::Kind::Http << -1 << QStringLiteral("Wait a moment");
    QTest::newRow("no error, not JSON")
        << int(QNetworkReply::NoError) << 200 << QByteArray("<html>") << QByteArray() << false
        << ApiFailure::Kind::Parse << -1 << QStringLiteral("HTTP 200");
}

void TestApiClient::fromReply()
{
    QFETCH(int, error);
    QFETCH(int, httpStatus);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    QFETCH(bool, timedOut);
    QFETCH(ApiFailure::Kind, kind);
    QFETCH(int, retryAfterSeconds);
    QFETCH(QString, messageContains);
    const ApiFailure f = ApiFailure::fromReply(QNetworkReply::NetworkError(error), QStringLiteral("details"),
        httpStatus, body, retryAfter, {}, QUrl(QStringLiteral("https://api.example.com/v1")), timedOut);
    QCOMPARE(f.kind, kind);
    QCOMPARE(f.httpStatus, httpStatus);
    QCOMPARE(f.retryAfterSeconds, retryAfterSeconds);
    QVERIFY2(f.message.contains(messageContains), qPrintable(f.message));
}

void TestApiClient::failureText()
{
    ApiFailure f;
    f.message = QStringLiteral("The server had a problem.");
    QCOMPARE(f.text(), f.message);
    f.requestId = QStringLiteral("req-77");
    QCOMPARE(f.text(), QStringLiteral("The server had a problem. (request id: req-77)"));
    QCOMPARE(ApiFailure::cancelled().kind, ApiFailure::Kind::Cancelled);
    const ApiFailure a = ApiFailure::auth(QStringLiteral("The sign-in was refused."));
    QCOMPARE(a.kind, ApiFailure::Kind::Auth);
    QCOMPARE(a.message, QStringLiteral("The sign-in was refused."));
    const ApiFailure u
        = ApiFailure::unparsable(200, QStringLiteral("req-3"), QStringLiteral("a list without data"));
    QCOMPARE(u.kind, ApiFailure::Kind::Parse);
    QCOMPARE(u.requestId, QStringLiteral("req-3"));
    QVERIFY(u.message.contains(QStringLiteral("a list without data")));
}

// ---------------------------------------------------------------------------------------------

void TestApiClient::getRetried_data()
{
    QTest::addColumn<Reply>("firstReply");
    QTest::newRow("dropped mid-answer") << Reply::of(Reply::Action::Truncate);
    QTest::newRow("503") << Reply::json(503, errorBody("UNAVAILABLE", "Maintenance.", "req-m"));
    QTest::newRow("502 html") << Reply::html(502);
    QTest::newRow("504 html") << Reply::html(504);
    QTest::newRow("timeout") << Reply::of(Reply::Action::Hang);
}

void TestApiClient::getRetried()
{
    QFETCH(Reply, firstReply);
    ApiClient::Options options = fastOptions();
    options.transferTimeoutMs = 500;
    m_client->setOptions(options);
    m_server->script({ firstReply, Reply::json(200, "{\"ok\":true}", { { "X-Request-Id", "req-2nd" } }) });
    auto p = send(ApiRequest::get(QStringLiteral("/keys")));
    WAIT_FOR_RESULT(p);
    VERIFY_OK(*p->result);
    QCOMPARE(p->result->value().requestId, QStringLiteral("req-2nd"));
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(p->attempts, 2);
    QCOMPARE(m_server->requests().at(1).target, m_server->requests().at(0).target);
}

void TestApiClient::plainPostNotRetried()
{
    m_server->script({ Reply::of(Reply::Action::Truncate), Reply::json(201, "{}") });
    auto p = send(ApiRequest::post(
        QStringLiteral("/keys"), { { QStringLiteral("name"), QStringLiteral("x") } }, false));
    WAIT_FOR_RESULT(p);
    QVERIFY(!p->result->ok());
    QCOMPARE(p->result->error().kind, ApiFailure::Kind::Network);
    // Sent once: the server may have created the key before the connection dropped.
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(p->attempts, 1);
}

void TestApiClient::plainPostClosedBeforeAnswer()
{
    // The server reads the POST and closes the connection without a byte of answer. ApiClient does
    // not retry it, but QNetworkAccessManager's HTTP layer resends it once on its own
    // (QHttpNetworkConnectionChannel::handleUnexpectedEOF, whatever the method): for a request
    // that is not safe to repeat the server may act twice.
    m_server->script({ Reply::of(Reply::Action::Close) });
    auto p = send(ApiRequest::post(
        QStringLiteral("/keys"), { { QStringLiteral("name"), QStringLiteral("x") } }, false));
    WAIT_FOR_RESULT(p);
    QVERIFY(!p->result->ok());
    QCOMPARE(p->result->error().kind, ApiFailure::Kind::Network);
    QVERIFY2(p->result->error().message.contains(QStringLiteral("closed the connection")),
        qPrintable(p->result->error().message));
    QCOMPARE(p->attempts, 1); // ApiClient itself sent it once
    QEXPECT_FAIL(
        "", "Qt 6.4 resends a request whose connection closed before any answer, even a POST", Continue);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestApiClient::idempotentPostRetriedWithSameKey()
{
    m_server->script(
        { Reply::of(Reply::Action::Truncate), Reply::html(503), Reply::json(201, "{\"id\":\"k_3\"}") });
    const ApiRequest request
        = ApiRequest::post(QStringLiteral("/keys"), { { QStringLiteral("name"), QStringLiteral("x") } });
    auto p = send(request);
    WAIT_FOR_RESULT(p);
    VERIFY_OK(*p->result);
    QCOMPARE(m_server->requestCount(), 3);
    for (const Received &r : m_server->requests()) {
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.header("Idempotency-Key"), request.idempotencyKey);
        QCOMPARE(r.body, request.body);
    }
}

void TestApiClient::retriesStopAfterMaxAttempts_data()
{
    QTest::addColumn<int>("maxAttempts");
    QTest::newRow("1") << 1;
    QTest::newRow("2") << 2;
    QTest::newRow("4") << 4;
}

void TestApiClient::retriesStopAfterMaxAttempts()
{
    QFETCH(int, maxAttempts);
    ApiClient::Options options = fastOptions();
    options.maxAttempts = maxAttempts;
    m_client->setOptions(options);
    m_server->script({ Reply::html(503) });
    auto p = send(ApiRequest::get(QStringLiteral("/keys")));
    WAIT_FOR_RESULT(p);
    QVERIFY(!p->result->ok());
    QCOMPARE(p->result->error().httpStatus, 503);
    QCOMPARE(m_server->requestCount(), maxAttempts);
    QCOMPARE(p->attempts, maxAttempts);
    // The backoff grows: the gap before the last retry is at least the doubled base.
    if (maxAttempts == 4) {
        const auto &r = m_server->requests();
        QVERIFY(r.at(3).atMs - r.at(2).atMs >= 4 * options.backoffBaseMs - 5);
    }
}

void TestApiClient::nonTransientStatusNotRetried()
{
    m_server->script({ Reply::html(500), Reply::json(200, "{}") });
    auto p = send(ApiRequest::get(QStringLiteral("/keys")));
    WAIT_FOR_RESULT(p);
    // 500 means the server failed on this request: trying it again would fail the same way.
    QVERIFY(!p->result->ok());
    QCOMPARE(m_server->requestCount(), 1);

    m_server->script({ Reply::json(400, errorBody("BAD_REQUEST", "No.", "r")) });
    auto q = send(ApiRequest::get(QStringLiteral("/keys")));
    WAIT_FOR_RESULT(q);
    QCOMPARE(m_server->requestCount(), 2);
}

// ---------------------------------------------------------------------------------------------

void TestApiClient::rateLimitWaitsAndRetries()
{
    QSignalSpy notices(m_client.get(), &ApiClient::notice);
    QVERIFY(notices.isValid());
    m_server->script({ Reply::json(429, errorBody("RATE_LIMITED", "Too many requests.", "req-r"),
                           { { "Retry-After", "1" } }),
        Reply::json(200, "{}") });
    QElapsedTimer clock;
    clock.start();
    auto p = send(ApiRequest::post(QStringLiteral("/keys"), {}));
    WAIT_FOR_RESULT(p);
    VERIFY_OK(*p->result);
    QVERIFY2(clock.elapsed() >= 900, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(m_server->requestCount(), 2);
    const qint64 gap = m_server->requests().at(1).atMs - m_server->requests().at(0).atMs;
    QVERIFY2(gap >= 900, qPrintable(QString::number(gap)));
    QCOMPARE(notices.count(), 1);
    const QString notice = notices.constFirst().constFirst().toString();
    QVERIFY2(notice.contains(QStringLiteral("1 second")), qPrintable(notice));
}

void TestApiClient::rateLimitTooLongFailsAtOnce_data()
{
    QTest::addColumn<Reply>("reply");
    QTest::addColumn<ApiFailure::Kind>("kind");
    QTest::newRow("server body") << Reply::json(
        429, errorBody("RATE_LIMITED", "Slow down.", "req-s"), { { "Retry-After", "60" } })
                                 << ApiFailure::Kind::Server;
    QTest::newRow("bare status") << Reply::json(
        429, {}, { { "Retry-After", "60" }, { "Content-Type", "text/plain" } })
                                 << ApiFailure::Kind::Http;
}

void TestApiClient::rateLimitTooLongFailsAtOnce()
{
    QFETCH(Reply, reply);
    QFETCH(ApiFailure::Kind, kind);
    QSignalSpy notices(m_client.get(), &ApiClient::notice);
    QVERIFY(notices.isValid());
    m_server->script({ reply, Reply::json(200, "{}") });
    QElapsedTimer clock;
    clock.start();
    auto p = send(ApiRequest::get(QStringLiteral("/keys")));
    WAIT_FOR_RESULT(p);
    QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!p->result->ok());
    const ApiFailure &f = p->result->error();
    QCOMPARE(f.kind, kind);
    QCOMPARE(f.code, ApiError::Code::RateLimited);
    QCOMPARE(f.httpStatus, 429);
    QCOMPARE(f.retryAfterSeconds, 60);
    QVERIFY2(f.message.contains(QStringLiteral("60 second")), qPrintable(f.message));
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(notices.count(), 0);
}

// ---------------------------------------------------------------------------------------------

namespace {
// Answers 401 to any token but `good`.
FaultServer::Handler acceptOnly(const QByteArray &good)
{
    return [good](const Received &request, int) {
        if (request.header("Authorization") == "Bearer " + good)
            return Reply::json(200, "{\"me\":\"admin\"}");
        return Reply::json(401, errorBody("UNAUTHORIZED", "The access token expired.", "req-401"));
    };
}
} // namespace

void TestApiClient::renewsTokenOnceOn401()
{
    QSignalSpy lost(m_client.get(), &ApiClient::authenticationLost);
    QVERIFY(lost.isValid());
    m_server->setHandler(acceptOnly("tok-renewed"));
    auto p = send(ApiRequest::get(QStringLiteral("/me")));
    WAIT_FOR_RESULT(p);
    VERIFY_OK(*p->result);
    QCOMPARE(m_tokens->renewCalls, 1);
    QCOMPARE(m_tokens->rejected, QList<QByteArray> { "tok-initial" });
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(m_server->requests().at(0).header("Authorization"), QByteArray("Bearer tok-initial"));
    QCOMPARE(m_server->requests().at(1).header("Authorization"), QByteArray("Bearer tok-renewed"));
    QCOMPARE(lost.count(), 0);
    // The renewal does not use up the retry budget.
    QCOMPARE(p->attempts, 1);
}

// Without an Idempotency-Key a POST is sent once, even on 429: the caller decides.
void TestApiClient::rateLimitedPlainPostNotRetried()
{
    m_server->script({ Reply::json(429, errorBody("RATE_LIMITED", "Too many requests.", "req-r"),
                           { { "Retry-After", "1" } }),
        Reply::json(200, "{}") });
    auto p = send(ApiRequest::post(QStringLiteral("/keys"), {}, false));
    WAIT_FOR_RESULT(p);
    QVERIFY(!p->result->ok());
    QCOMPARE(p->result->error().code, ApiError::Code::RateLimited);
    QCOMPARE(p->result->error().retryAfterSeconds, 1);
    QCOMPARE(m_server->requestCount(), 1);
}

// A failed renewal is the token provider's business (it ends the session when the refresh token
// is refused, keeps it when the server was unreachable): the call fails, nothing more.
void TestApiClient::renewalFailureLosesAuthentication()
{
    QSignalSpy lost(m_client.get(), &ApiClient::authenticationLost);
    QVERIFY(lost.isValid());
    m_tokens->renewalSucceeds = false;
    m_server->setHandler(acceptOnly("tok-renewed"));
    auto p = send(ApiRequest::get(QStringLiteral("/me")));
    WAIT_FOR_RESULT(p);
    QVERIFY(!p->result->ok());
    const ApiFailure &f = p->result->error();
    QCOMPARE(f.httpStatus, 401);
    QVERIFY(f.isAuthentication());
    QCOMPARE(f.kind, ApiFailure::Kind::Server);
    QCOMPARE(f.code, ApiError::Code::Unauthorized);
    QCOMPARE(m_tokens->renewCalls, 1);
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(lost.count(), 0);
}

void TestApiClient::stillRejectedAfterRenewal()
{
    QSignalSpy lost(m_client.get(), &ApiClient::authenticationLost);
    QVERIFY(lost.isValid());
    m_server->setHandler(acceptOnly("tok-never"));
    auto p = send(ApiRequest::get(QStringLiteral("/me")));
    WAIT_FOR_RESULT(p);
    QVERIFY(!p->result->ok());
    QCOMPARE(p->result->error().httpStatus, 401);
    // One renewal per call, never a loop.
    QCOMPARE(m_tokens->renewCalls, 1);
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(lost.count(), 1);
}

void TestApiClient::concurrent401sAllComplete()
{
    QSignalSpy lost(m_client.get(), &ApiClient::authenticationLost);
    QVERIFY(lost.isValid());
    // Answers are held back a little so that all calls are in flight with the old token.
    m_server->setHandler([](const Received &request, int) {
        Reply r = acceptOnly("tok-renewed")(request, 0);
        r.delayMs = 50;
        return r;
    });
    constexpr int Calls = 4;
    std::vector<std::unique_ptr<Pending>> pending;
    for (int i = 0; i < Calls; ++i)
        pending.push_back(send(ApiRequest::get(QStringLiteral("/keys/k_%1").arg(i))));
    for (const auto &p : pending) {
        WAIT_FOR_RESULT(p);
        VERIFY_OK(*p->result);
        QCOMPARE(p->callbacks, 1);
        QCOMPARE(
            p->result->value().json.object().value(QStringLiteral("me")).toString(), QStringLiteral("admin"));
    }
    QCOMPARE(m_tokens->renewCalls, Calls);
    for (const QByteArray &r : std::as_const(m_tokens->rejected))
        QCOMPARE(r, QByteArray("tok-initial"));
    QCOMPARE(m_tokens->refreshes, 1);
    QCOMPARE(m_server->requestCount(), 2 * Calls);
    QCOMPARE(lost.count(), 0);
}

// ---------------------------------------------------------------------------------------------

void TestApiClient::contextDestroyedCancels()
{
    m_server->script({ Reply::of(Reply::Action::Hang) });
    auto callbacks = std::make_shared<int>(0);
    auto context = std::make_unique<QObject>();
    QPointer<ApiCall> call = m_client->send(ApiRequest::get(QStringLiteral("/keys")), context.get(),
        [callbacks](const Result<ApiResponse> &) { ++*callbacks; });
    QVERIFY(call);
    QTRY_COMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_server->clientClosedCount(), 0);
    context.reset(); // the page that asked was closed
    QTRY_VERIFY(call.isNull());
    QTRY_COMPARE(m_server->clientClosedCount(), 1);
    QTest::qWait(100); // anything queued would have run by now
    QCOMPARE(*callbacks, 0);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestApiClient::cancelStopsCall()
{
    m_server->script({ Reply::of(Reply::Action::Hang) });
    auto p = send(ApiRequest::get(QStringLiteral("/keys")));
    QTRY_COMPARE(m_server->requestCount(), 1);
    QVERIFY(p->call);
    p->call->cancel();
    QTRY_VERIFY(p->call.isNull());
    QTRY_COMPARE(m_server->clientClosedCount(), 1);
    QTest::qWait(100);
    QCOMPARE(p->callbacks, 0);
    QVERIFY(!p->result.has_value());
    QCOMPARE(m_server->requestCount(), 1);
}

void TestApiClient::contextDestroyedDuringRetryWait()
{
    QSignalSpy notices(m_client.get(), &ApiClient::notice);
    QVERIFY(notices.isValid());
    m_server->script({ Reply::json(429, {}, { { "Retry-After", "1" } }), Reply::json(200, "{}") });
    auto p = send(ApiRequest::get(QStringLiteral("/keys")));
    QTRY_COMPARE(notices.count(), 1); // now waiting out the Retry-After
    QPointer<ApiCall> call = p->call;
    p.reset();
    QTRY_VERIFY(call.isNull());
    QTest::qWait(1300); // past the moment the retry was due
    QCOMPARE(m_server->requestCount(), 1);
}

// ---------------------------------------------------------------------------------------------

void TestApiClient::credentialsNeverLogged()
{
    const QByteArray secret = "kwt_SECRETtoken_7f3a9c";
    m_tokens->token = secret;
    m_tokens->renewedToken = "kwt_SECRETrenewed_91bd";
    int index = 0;
    m_server->setHandler([&index](const Received &request, int) {
        ++index;
        if (request.header("Authorization") == "Bearer kwt_SECRETtoken_7f3a9c")
            return Reply::json(401, errorBody("UNAUTHORIZED", "Expired.", "req-a"));
        if (request.target.contains("fail"))
            return Reply::json(403, errorBody("FORBIDDEN", "No.", "req-b"));
        return Reply::json(200, "{}", { { "Set-Cookie", "session=kwt_SECRETcookie" } });
    });

    QStringList lines;
    {
        LogCapture capture;
        auto p = send(ApiRequest::get(QStringLiteral("/me")));
        WAIT_FOR_RESULT(p);
        VERIFY_OK(*p->result);
        auto q = send(ApiRequest::post(
            QStringLiteral("/keys/fail"), { { QStringLiteral("name"), QStringLiteral("n") } }));
        WAIT_FOR_RESULT(q);
        QVERIFY(!q->result->ok());
        lines = capture.lines;
    }
    QVERIFY(index >= 3);
    QVERIFY2(lines.size() >= 4, qPrintable(lines.join(QLatin1Char('\n'))));
    bool redacted = false;
    for (const QString &line : std::as_const(lines)) {
        QVERIFY2(!line.contains(QStringLiteral("SECRET")), qPrintable(line));
        redacted = redacted
            || (line.startsWith(QStringLiteral("keyward.api"))
                && line.contains(QStringLiteral("<redacted>")));
    }
    QVERIFY2(redacted, qPrintable(lines.join(QLatin1Char('\n'))));
}

void TestApiClient::isCredentialHeader_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("credential");
    QTest::newRow("Authorization") << QByteArray("Authorization") << true;
    QTest::newRow("authorization") << QByteArray("authorization") << true;
    QTest::newRow("AUTHORIZATION") << QByteArray("AUTHORIZATION") << true;
    QTest::newRow("api-key") << QByteArray("api-key") << true;
    QTest::newRow("Api-Key") << QByteArray("Api-Key") << true;
    QTest::newRow("X-API-Key") << QByteArray("X-API-Key") << true;
    QTest::newRow("Cookie") << QByteArray("Cookie") << true;
    QTest::newRow("COOKIE") << QByteArray("COOKIE") << true;
    QTest::newRow("Set-Cookie") << QByteArray("Set-Cookie") << true;
    QTest::newRow("Proxy-Authorization") << QByteArray("Proxy-Authorization") << true;
    QTest::newRow("Accept") << QByteArray("Accept") << false;
    QTest::newRow("Idempotency-Key") << QByteArray("Idempotency-Key") << false;
    QTest::newRow("X-Request-Id") << QByteArray("X-Request-Id") << false;
    QTest::newRow("Authorization-Info") << QByteArray("Authorization-Info") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestApiClient::isCredentialHeader()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, credential);
    QCOMPARE(ApiClient::isCredentialHeader(name), credential);
}

void TestApiClient::describeHeaders_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("hidden");
    QTest::newRow("bearer") << QByteArray("Authorization") << QByteArray("Bearer kwt_live_123") << true;
    QTest::newRow("lower-case authorization")
        << QByteArray("authorization") << QByteArray("Basic dXNlcjpw") << true;
    QTest::newRow("api-key") << QByteArray("api-key") << QByteArray("kw_live_abcdef") << true;
    QTest::newRow("API-KEY") << QByteArray("API-KEY") << QByteArray("kw_live_abcdef") << true;
    QTest::newRow("cookie") << QByteArray("cookie") << QByteArray("sid=s3cr3t") << true;
    QTest::newRow("Cookie") << QByteArray("Cookie") << QByteArray("sid=s3cr3t") << true;
    QTest::newRow("accept") << QByteArray("Accept") << QByteArray("application/json") << false;
    QTest::newRow("idempotency key") << QByteArray("Idempotency-Key") << QByteArray("6d0f-11") << false;
}

void TestApiClient::describeHeaders()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(bool, hidden);
    QNetworkRequest request(QUrl(QStringLiteral("https://api.example.com/v1/keys")));
    request.setRawHeader("X-Request-Id", "req-1");
    request.setRawHeader(name, value);
    const QString described = ApiClient::describeHeaders(request);
    QVERIFY2(described.contains(QStringLiteral("X-Request-Id: req-1")), qPrintable(described));
    QVERIFY2(described.contains(QString::fromLatin1(name)), qPrintable(described));
    QCOMPARE(described.contains(QString::fromLatin1(value)), !hidden);
    QCOMPARE(described.contains(QStringLiteral("<redacted>")), hidden);
}

// ---------------------------------------------------------------------------------------------

void TestApiClient::pageFromResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("hasMore");
    QTest::addColumn<QString>("cursor");

    QTest::newRow("last page") << QByteArray(
        "{\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"has_more\":false,\"next_cursor\":null}")
                               << true << 2 << false << QString();
    QTest::newRow("more") << QByteArray("{\"data\":[{\"id\":\"a\"}],\"has_more\":true,\"next_cursor\":\"a\"}")
                          << true << 1 << true << QStringLiteral("a");
    QTest::newRow("empty list") << QByteArray("{\"data\":[]}") << true << 0 << false << QString();
    QTest::newRow("missing data") << QByteArray("{\"items\":[],\"has_more\":false}") << false << 0 << false
                                  << QString();
    QTest::newRow("data not an array") << QByteArray("{\"data\":{}}") << false << 0 << false << QString();
    QTest::newRow("not an object") << QByteArray("[1,2,3]") << false << 0 << false << QString();
    QTest::newRow("has_more without cursor")
        << QByteArray("{\"data\":[1],\"has_more\":true}") << false << 0 << false << QString();
    QTest::newRow("has_more with null cursor")
        << QByteArray("{\"data\":[1],\"has_more\":true,\"next_cursor\":null}") << false << 0 << false
        << QString();
}

void TestApiClient::pageFromResponse()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(int, count);
    QFETCH(bool, hasMore);
    QFETCH(QString, cursor);
    ApiResponse response;
    response.status = 200;
    response.body = body;
    response.json = QJsonDocument::fromJson(body);
    response.requestId = QStringLiteral("req-page");
    const Result<JsonPage> page = JsonPage::fromResponse(response);
    QCOMPARE(page.ok(), ok);
    if (ok) {
        QCOMPARE(int(page.value().items.size()), count);
        QCOMPARE(page.value().hasMore, hasMore);
        QCOMPARE(page.value().nextCursor, cursor);
    } else {
        QCOMPARE(page.error().kind, ApiFailure::Kind::Parse);
        QCOMPARE(page.error().httpStatus, 200);
        QCOMPARE(page.error().requestId, QStringLiteral("req-page"));
        QVERIFY(!page.error().message.isEmpty());
    }
}

void TestApiClient::pageRequest_data()
{
    QTest::addColumn<QString>("baseQuery");
    QTest::addColumn<QString>("cursor");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QString>("expectedQuery");
    QTest::newRow("first page") << QString() << QString() << 50 << QStringLiteral("limit=50");
    QTest::newRow("next page") << QString() << QStringLiteral("k_42") << 50
                               << QStringLiteral("starting_after=k_42&limit=50");
    QTest::newRow("filters kept") << QStringLiteral("status=active") << QStringLiteral("k_1") << 10
                                  << QStringLiteral("status=active&starting_after=k_1&limit=10");
    QTest::newRow("stale paging replaced")
        << QStringLiteral("limit=5&status=active&starting_after=old") << QStringLiteral("new") << 20
        << QStringLiteral("status=active&starting_after=new&limit=20");
    QTest::newRow("no limit") << QString() << QStringLiteral("k_1") << 0
                              << QStringLiteral("starting_after=k_1");
}

void TestApiClient::pageRequest()
{
    QFETCH(QString, baseQuery);
    QFETCH(QString, cursor);
    QFETCH(int, limit);
    QFETCH(QString, expectedQuery);
    const ApiRequest r = JsonPage::request(QStringLiteral("/keys"), QUrlQuery(baseQuery), cursor, limit);
    QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(r.path, QStringLiteral("/keys"));
    QCOMPARE(r.query.query(), expectedQuery);
    QVERIFY(r.body.isEmpty());
}

void TestApiClient::pagesThroughServer()
{
    m_server->setHandler([](const Received &request, int) {
        const QString after = request.query().queryItemValue(QStringLiteral("starting_after"));
        if (after.isEmpty())
            return Reply::json(200,
                "{\"data\":[{\"id\":\"k_1\"},{\"id\":\"k_2\"}],\"has_more\":true,\"next_cursor\":\"k_2\"}");
        if (after == QLatin1String("k_2"))
            return Reply::json(200, "{\"data\":[{\"id\":\"k_3\"}],\"has_more\":false,\"next_cursor\":null}");
        return Reply::json(400, errorBody("BAD_REQUEST", "Unknown cursor.", "req-c"));
    });
    QStringList ids;
    QString cursor;
    for (int page = 0; page < 5; ++page) {
        auto p = send(JsonPage::request(
            QStringLiteral("/keys"), QUrlQuery(QStringLiteral("status=active")), cursor, 2));
        WAIT_FOR_RESULT(p);
        VERIFY_OK(*p->result);
        const Result<JsonPage> parsed = JsonPage::fromResponse(p->result->value());
        QVERIFY(parsed.ok());
        for (const QJsonValue &v : parsed.value().items)
            ids.append(v.toObject().value(QStringLiteral("id")).toString());
        if (!parsed.value().hasMore)
            break;
        cursor = parsed.value().nextCursor;
    }
    QCOMPARE(ids, (QStringList { QStringLiteral("k_1"), QStringLiteral("k_2"), QStringLiteral("k_3") }));
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(m_server->requests().at(0).target, QByteArray("/api/v1/keys?status=active&limit=2"));
    QCOMPARE(m_server->requests().at(1).target,
        QByteArray("/api/v1/keys?status=active&starting_after=k_2&limit=2"));
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"

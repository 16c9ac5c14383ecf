// SPDX-License-Identifier: GPL-3.0-or-later
#include "ApiClient.h"

#include <QCoreApplication>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QUuid>

Q_LOGGING_CATEGORY(lcApi, "keyward.api", QtInfoMsg)

namespace keyward {

namespace {

const QByteArray RequestIdHeader = "X-Request-Id";

} // namespace

ApiRequest ApiRequest::get(const QString &path, const QUrlQuery &query)
{
    ApiRequest r;
    r.path = path;
    r.query = query;
    return r;
}

ApiRequest ApiRequest::post(const QString &path, const QJsonObject &body, bool idempotent)
{
    ApiRequest r;
    r.method = "POST";
    r.path = path;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    if (idempotent)
        r.idempotencyKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    return r;
}

QByteArray ApiResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

Result<JsonPage> JsonPage::fromResponse(const ApiResponse &response)
{
    const QJsonObject o = response.json.object();
    if (!o.value(QStringLiteral("data")).isArray())
        return ApiFailure::unparsable(response.status, response.requestId, ApiFailure::tr("a list without data"));
    JsonPage page;
    page.items = o.value(QStringLiteral("data")).toArray();
    page.hasMore = o.value(QStringLiteral("has_more")).toBool();
    page.nextCursor = o.value(QStringLiteral("next_cursor")).toString();
    if (page.hasMore && page.nextCursor.isEmpty())
        return ApiFailure::unparsable(response.status, response.requestId, ApiFailure::tr("a list page without a cursor"));
    return page;
}

ApiRequest JsonPage::request(const QString &path, QUrlQuery query, const QString &cursor, int limit)
{
    query.removeAllQueryItems(QStringLiteral("starting_after"));
    query.removeAllQueryItems(QStringLiteral("limit"));
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("starting_after"), cursor);
    if (limit > 0)
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return ApiRequest::get(path, query);
}

ApiClient::ApiClient(QNetworkAccessManager *network, const QUrl &baseUrl, TokenProvider *tokens, QObject *parent)
    : QObject(parent), m_network(network), m_baseUrl(baseUrl), m_tokens(tokens)
{
}

ApiCall *ApiClient::send(const ApiRequest &request, QObject *context, ApiCall::Callback callback)
{
    Q_ASSERT(context);
    auto *call = new ApiCall(this, request, context, std::move(callback));
    call->start();
    return call;
}

bool ApiClient::isCredentialHeader(const QByteArray &name)
{
    static const QByteArray names[] = {"authorization", "api-key", "cookie", "set-cookie", "proxy-authorization",
                                       "x-api-key"};
    const QByteArray lower = name.toLower();
    for (const auto &n : names) {
        if (lower == n)
            return true;
    }
    return false;
}

QString ApiClient::describeHeaders(const QNetworkRequest &request)
{
    QStringList parts;
    for (const QByteArray &name : request.rawHeaderList()) {
        const QByteArray value = isCredentialHeader(name) ? QByteArray("<redacted>") : request.rawHeader(name);
        parts.append(QString::fromLatin1(name + ": " + value));
    }
    return parts.join(QStringLiteral("; "));
}

ApiCall::ApiCall(ApiClient *client, ApiRequest request, QObject *context, Callback callback)
    : QObject(client), m_client(client), m_request(std::move(request)), m_context(context), m_callback(std::move(callback))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiCall::start);
    // The asker went away: nobody wants the answer, and the transfer stops.
    connect(context, &QObject::destroyed, this, &ApiCall::cancel);
}

void ApiCall::cancel()
{
    if (m_done)
        return;
    m_done = true;
    m_retryTimer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    qCDebug(lcApi).noquote() << m_request.method << m_request.path << "cancelled";
    deleteLater();
}

void ApiCall::start()
{
    if (m_done)
        return;
    ++m_attempt;
    QUrl url = m_client->m_baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + m_request.path);
    if (!m_request.query.isEmpty())
        url.setQuery(m_request.query);

    QNetworkRequest req(url);
    req.setTransferTimeout(m_client->m_options.transferTimeoutMs);
    // A redirect to another origin must not carry the bearer token along.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    req.setRawHeader("Accept", "application/json");
    req.setHeader(QNetworkRequest::UserAgentHeader,
                  QStringLiteral("Keyward/%1").arg(QCoreApplication::applicationVersion()));
    if (!m_request.body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!m_request.idempotencyKey.isEmpty())
        req.setRawHeader("Idempotency-Key", m_request.idempotencyKey);
    m_sentToken.clear();
    if (m_request.authenticated && m_client->m_tokens) {
        m_sentToken = m_client->m_tokens->accessToken();
        if (!m_sentToken.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + m_sentToken);
    }
    qCDebug(lcApi).noquote() << m_request.method << url.toDisplayString(QUrl::RemoveQuery) << "attempt" << m_attempt
                             << "headers:" << ApiClient::describeHeaders(req);
    m_elapsed.start();
    QIODevice *noBody = nullptr;
    if (m_request.body.isEmpty() && m_request.method == "GET")
        m_reply = m_client->m_network->get(req);
    else if (m_request.body.isEmpty())
        m_reply = m_client->m_network->sendCustomRequest(req, m_request.method, noBody);
    else
        m_reply = m_client->m_network->sendCustomRequest(req, m_request.method, m_request.body);
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onFinished);
}

void ApiCall::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_done)
        return;
    reply->deleteLater();
    m_reply = nullptr;
    const ApiClient::Options &opt = m_client->m_options;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // A reply aborted by the transfer timeout is closed: reading it would only print a warning.
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const QByteArray requestId = reply->rawHeader(RequestIdHeader);
    const QNetworkReply::NetworkError netError = reply->error();
    qCInfo(lcApi).noquote() << m_request.method << reply->url().toDisplayString(QUrl::RemoveQuery) << "->"
                            << (status ? QString::number(status) : reply->errorString()) << "in"
                            << m_elapsed.elapsed() << "ms"
                            << (requestId.isEmpty() ? QString() : QStringLiteral("request id ") + QString::fromLatin1(requestId));

    // A 2xx status line followed by a dropped connection or a stalled body is no answer: the body
    // is incomplete, so it goes through the failure mapping (network error or timeout).
    if (netError == QNetworkReply::NoError && status >= 200 && status < 300) {
        ApiResponse response;
        response.status = status;
        response.body = body;
        response.requestId = QString::fromLatin1(requestId);
        response.headers = reply->rawHeaderPairs();
        if (!body.isEmpty()) {
            QJsonParseError parseError;
            response.json = QJsonDocument::fromJson(body, &parseError);
            if (parseError.error != QJsonParseError::NoError || response.json.isNull()) {
                complete(ApiFailure::unparsable(status, response.requestId, ApiFailure::tr("an answer that is not JSON")));
                return;
            }
        }
        complete(response);
        return;
    }

    // A transfer timeout aborts the reply with OperationCanceledError; our own cancel() never gets here.
    const bool timedOut = netError == QNetworkReply::OperationCanceledError || netError == QNetworkReply::TimeoutError;
    const ApiFailure failure = ApiFailure::fromReply(netError, reply->errorString(), status, body,
                                                     reply->rawHeader("Retry-After"), requestId, reply->url(), timedOut);

    // 401 once: renew the token (shared by every waiting call) and try again.
    if (status == 401 && m_request.authenticated && m_client->m_tokens && !m_renewed && !m_sentToken.isEmpty()) {
        m_renewed = true;
        --m_attempt; // the renewal retry does not count against the budget
        QPointer<ApiCall> self(this);
        m_client->m_tokens->renewAccessToken(m_sentToken, this, [self, failure](bool renewed) {
            if (!self || self->m_done)
                return;
            if (renewed)
                self->start();
            else
                self->complete(failure); // the token provider ends the session if it must
        });
        return;
    }
    if (status == 401 && m_request.authenticated && m_client->m_tokens && !m_sentToken.isEmpty()) {
        // Rejected again with a freshly renewed token.
        QPointer<ApiCall> self(this);
        Q_EMIT m_client->authenticationLost(failure);
        if (!self)
            return;
    }

    const bool attemptsLeft = m_attempt < opt.maxAttempts;
    if (status == 429 && attemptsLeft && m_request.isRetriable()) {
        const int wait = failure.retryAfterSeconds >= 0 ? failure.retryAfterSeconds : 1;
        if (wait <= opt.maxRetryAfterS) {
            QPointer<ApiCall> self(this);
            Q_EMIT m_client->notice(ApiClient::tr("Rate limited by the server: retrying in %n second(s).", nullptr, wait));
            if (self)
                retryAfter(wait * 1000);
            return;
        }
    }
    const bool transient = failure.kind == ApiFailure::Kind::Timeout
        || (failure.kind == ApiFailure::Kind::Network && netError != QNetworkReply::HostNotFoundError)
        || status == 502 || status == 503 || status == 504;
    if (transient && attemptsLeft && m_request.isRetriable()) {
        int delay = opt.backoffBaseMs << (m_attempt - 1);
        delay += int(QRandomGenerator::global()->bounded(delay / 4 + 1));
        if (failure.retryAfterSeconds > 0 && failure.retryAfterSeconds <= opt.maxRetryAfterS)
            delay = qMax(delay, failure.retryAfterSeconds * 1000);
        qCInfo(lcApi).noquote() << "retrying" << m_request.method << m_request.path << "in" << delay << "ms";
        retryAfter(delay);
        return;
    }
    complete(failure);
}

void ApiCall::retryAfter(int delayMs)
{
    m_retryTimer.start(delayMs);
}

void ApiCall::complete(const Result<ApiResponse> &result)
{
    if (m_done)
        return;
    m_done = true;
    if (!result.ok())
        qCInfo(lcApi).noquote() << m_request.method << m_request.path << "failed:" << result.error().text();
    // The callback may tear the client (and so this call) down: nothing of `this` after it.
    const Callback callback = std::exchange(m_callback, {});
    const QPointer<QObject> context = m_context;
    deleteLater();
    if (context && callback)
        callback(result);
}

} // namespace keyward

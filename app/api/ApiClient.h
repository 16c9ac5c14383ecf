// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace keyward {

// Supplies the bearer token and renews it when the server rejects it. AuthService implements it;
// tests can supply a fixed token.
class TokenProvider
{
public:
    virtual ~TokenProvider() = default;
    // The current access token, empty when signed out.
    virtual QByteArray accessToken() const = 0;
    // The server answered 401 to `rejected`: obtain a new token (one refresh in flight however
    // many calls ask) and call done(true) when accessToken() holds it, done(false) otherwise.
    virtual void renewAccessToken(const QByteArray &rejected, QObject *context, std::function<void(bool)> done) = 0;
};

struct ApiRequest
{
    QByteArray method = "GET";
    QString path; // below the API base URL, starting with '/'
    QUrlQuery query;
    QByteArray body; // JSON, sent with Content-Type application/json when not empty
    QByteArray idempotencyKey; // lets a POST be retried safely
    bool authenticated = true;

    static ApiRequest get(const QString &path, const QUrlQuery &query = {});
    // A POST carrying a fresh Idempotency-Key, so a lost answer can be retried without a duplicate.
    static ApiRequest post(const QString &path, const QJsonObject &body, bool idempotent = true);
    bool isRetriable() const { return method == "GET" || method == "HEAD" || !idempotencyKey.isEmpty(); }
};

struct ApiResponse
{
    int status = 0;
    QByteArray body;
    QJsonDocument json; // parsed when the body is JSON
    QString requestId;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const;
};

// One page of a keyset-paginated list: {"data": [...], "has_more": bool, "next_cursor": id|null}.
struct JsonPage
{
    QJsonArray items;
    bool hasMore = false;
    QString nextCursor;

    static Result<JsonPage> fromResponse(const ApiResponse &response);
    // The request for the page after `cursor` (none for the first page).
    static ApiRequest request(const QString &path, QUrlQuery query, const QString &cursor, int limit);
};

class ApiClient;

// One call in flight. Owned by the client; deleted after its callback ran or it was cancelled.
class ApiCall : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const Result<ApiResponse> &)>;

    // Stops the call; its callback never runs.
    void cancel();
    int attempts() const { return m_attempt; }

private:
    friend class ApiClient;
    ApiCall(ApiClient *client, ApiRequest request, QObject *context, Callback callback);

    void start();
    void onFinished();
    void retryAfter(int delayMs);
    void complete(const Result<ApiResponse> &result);

    ApiClient *m_client;
    ApiRequest m_request;
    QPointer<QObject> m_context;
    Callback m_callback;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QElapsedTimer m_elapsed;
    QByteArray m_sentToken;
    int m_attempt = 0;
    bool m_renewed = false;
    bool m_done = false;
};

// Typed, asynchronous access to the Keyward API with one QNetworkAccessManager per session:
// stamps the bearer token, times out every transfer, retries what is safe to retry, waits out
// 429, renews the token once on 401, maps every failure to an ApiFailure, and never logs a
// credential.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int transferTimeoutMs = 30'000;
        int maxAttempts = 4;        // first try included
        int backoffBaseMs = 400;    // doubled per retry, with jitter
        int maxRetryAfterS = 120;   // a longer Retry-After fails the call instead of waiting
    };

    ApiClient(QNetworkAccessManager *network, const QUrl &baseUrl, TokenProvider *tokens, QObject *parent = nullptr);

    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }
    QUrl baseUrl() const { return m_baseUrl; }
    QNetworkAccessManager *network() const { return m_network; }

    // Sends the request; `callback` runs once on `context`'s thread unless `context` is destroyed
    // first (which cancels the call).
    ApiCall *send(const ApiRequest &request, QObject *context, ApiCall::Callback callback);

    // Header names whose values are never logged.
    static bool isCredentialHeader(const QByteArray &name);
    static QString describeHeaders(const QNetworkRequest &request);

Q_SIGNALS:
    // A visible wait, e.g. "Rate limited by the server: retrying in 12 seconds."
    void notice(const QString &message);
    // The server rejected a freshly renewed token (account disabled, session revoked): the
    // session is over and the user must sign in again.
    void authenticationLost(const keyward::ApiFailure &failure);

private:
    friend class ApiCall;
    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    TokenProvider *m_tokens;
    Options m_options;
};

} // namespace keyward

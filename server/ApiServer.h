// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiError.h"
#include "AuditEvent.h"
#include "AuthCache.h"
#include "Organization.h"
#include "Principal.h"
#include "RateLimiter.h"
#include "ServerConfig.h"
#include "UsageRecorder.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QUrl>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <exception>
#include <functional>
#include <memory>

class QSqlDatabase;

namespace keyward::server {

class AccessTokens;
class ChangeListener;
class Database;
class ExternalIssuers;
class LoginThrottle;

// An authorization request waiting for its sign-in form.
struct PendingAuthorization
{
    QString clientId;
    QString clientName;
    QString redirectUri;
    QString state;
    QString codeChallenge;
    QString scope;
    QString csrfToken;
    QString requestId;
    qint64 createdAtMs = 0;
    // After the password: the user, and whether a TOTP code (or an enrolment) is still owed.
    enum class Stage { Password, Mfa, Enrol } stage = Stage::Password;
    QString userId;
    QString userEmail;
    QByteArray enrolSecret;
};
class GuardedTcpServer;
class ServerSecrets;

// An answer before it is written: status, JSON body, extra headers, and what the write path
// must do around it.
struct Reply
{
    int status = 200;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray replayBody;   // what an idempotent replay answers instead (create: no secret)
    QString invalidateKeyId; // a key whose cached credential must go before the answer leaves
    bool sensitive = false;  // wipe the body once written
    QByteArray contentType = "application/json";

    static Reply json(int status, const QJsonObject &object);
    static Reply html(int status, const QByteArray &page, const QString &nonce);
    static Reply redirect(const QUrl &location);
};

// keyward-server's HTTP API. Requests arrive on the HTTP thread, are routed, authenticated
// from an in-memory cache where possible, rate limited and checked for permission there;
// database work runs on a reader pool or the single writer thread, and answers come back to
// the HTTP thread, written only if the client is still connected.
class ApiServer : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>;

    ApiServer(Database &database, ServerSecrets &secrets, Organization org, ServerConfig config,
              QObject *parent = nullptr);
    ~ApiServer() override;

    // Returns the port listened on, or 0 with *error set.
    quint16 listen(const QHostAddress &address, quint16 port, QString *error);
    void setClock(Clock clock) { m_now = std::move(clock); }
    const AccessTokens *accessTokens() const { return m_tokens.get(); }

    // Stops accepting, lets in-flight requests finish (up to the configured grace), flushes
    // usage, then emits stopped().
    void shutdown();

    // One route as the router serves it: the method, the path with "{id}" for a segment that
    // names an object, whether it needs a credential and which permission. The router's own
    // table (routes()) read back, so docs/API.md is checked against what is served.
    struct RouteInfo
    {
        QByteArray method;
        QString path;
        bool authenticated = true;
        std::optional<Permission> permission;
    };
    static QList<RouteInfo> routeTable();

Q_SIGNALS:
    void stopped();

public:
    struct Exchange;
    using ExchangePtr = std::shared_ptr<Exchange>;

private:
    using Handler = void (ApiServer::*)(const ExchangePtr &);
    struct Route
    {
        QByteArray method;
        QStringList pattern; // "*" matches one segment
        bool authenticated = true;
        std::optional<Permission> permission;
        Handler handler;
    };

    static QList<Route> routes();
    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void authenticate(const ExchangePtr &ex);
    void proceedAuthenticated(const ExchangePtr &ex, const Principal &principal);
    void checkSharedRate(const ExchangePtr &ex);
    void proceedWithinRate(const ExchangePtr &ex);
    void refuseRate(const ExchangePtr &ex, const RateLimit &limit);
    void deny(const ExchangePtr &ex, int status, const QString &message, const QString &reason,
              const Actor &target = {});
    void finish(const ExchangePtr &ex, Reply reply);
    void write(const ExchangePtr &ex, Reply &reply);
    bool checkRate(const ExchangePtr &ex, const QString &subject, const RateLimit &limit);

    Reply error(const ExchangePtr &ex, ApiError::Code code, const QString &message,
                const QJsonObject &details = {}) const;
    enum class Failure { None, Internal, Unavailable };
    static constexpr int DatabaseRetryAfterSeconds = 5;
    static Failure failureOf(const std::exception &e, const char *what);
    Reply failureReply(const ExchangePtr &ex, Failure failure, const QString &internalMessage) const;
    Reply validationError(const ExchangePtr &ex, const QJsonObject &details) const;
    // Parses the body as a JSON object; on failure finishes the exchange and returns false.
    bool readBody(const ExchangePtr &ex, class JsonInput &input, bool allowEmpty);
    bool checkQuery(const ExchangePtr &ex, const QStringList &allowed);
    std::optional<int> limitParam(const ExchangePtr &ex, int defaultLimit, int maxLimit);

    void runOn(QThreadPool &pool, const ExchangePtr &ex, std::function<Reply(QSqlDatabase &)> work);
    void runRead(const ExchangePtr &ex, std::function<Reply(QSqlDatabase &)> work);
    void runWrite(const ExchangePtr &ex, std::function<Reply(QSqlDatabase &)> work);
    void recordDeniedAsync(const ExchangePtr &ex, int status, const QString &reason, const Actor &target);
    QByteArray meBody(const Principal &principal) const;
    AuditEvent eventFor(const ExchangePtr &ex, const QString &action, const Actor &target,
                        const QJsonObject &details) const;

    void authenticateUserToken(const ExchangePtr &ex, const QByteArray &token, const QByteArray &hash);
    // Changes made by other instances (or the CLI) that cached credentials must follow.
    struct ChangeBatch
    {
        bool read = false;
        bool clearAll = false;
        qint64 lastSeq = 0;
        QStringList targets;
    };
    static constexpr int ChangeCheckMs = 1000;
    static constexpr int MaxChangesPerCheck = 5000;
    void checkChanges();
    static ChangeBatch readChanges(QSqlDatabase &db, qint64 afterSeq);
    void applyChanges(const ChangeBatch &changes);
    void recordChange(QSqlDatabase &db, const QString &principalId);
    // PostgreSQL: rate-limit counts shared with the other instances this often.
    static constexpr int RateSyncMs = 200;
    void syncRateLimits();
    void flushUsage();
    void sweepExpired();

    // Endpoints.
    void getHealth(const ExchangePtr &ex);
    void getMe(const ExchangePtr &ex);
    void getPermissions(const ExchangePtr &ex);
    void listSecretKeys(const ExchangePtr &ex);
    void createSecretKey(const ExchangePtr &ex);
    void getSecretKey(const ExchangePtr &ex);
    void updateSecretKey(const ExchangePtr &ex);
    void revokeSecretKey(const ExchangePtr &ex);
    void deleteSecretKey(const ExchangePtr &ex);
    void listPublishableKeys(const ExchangePtr &ex);
    void createPublishableKey(const ExchangePtr &ex);
    void deletePublishableKey(const ExchangePtr &ex);
    void listPayments(const ExchangePtr &ex);
    void createPayment(const ExchangePtr &ex);
    void listAuditEvents(const ExchangePtr &ex);
    void getAuditHistogram(const ExchangePtr &ex);
    void getAuditDeniedSummary(const ExchangePtr &ex);
    void getAuditChain(const ExchangePtr &ex);
    void getAuditHead(const ExchangePtr &ex);
    // The filters /audit-events and /audit-events/histogram share; problems get one entry per bad field.
    void readAuditFilters(const ExchangePtr &ex, struct AuditQuery &query, QJsonObject &problems) const;
    void listUsers(const ExchangePtr &ex);
    void getJwks(const ExchangePtr &ex);
    void getAuthorizationServerMetadata(const ExchangePtr &ex);
    void getAuthorize(const ExchangePtr &ex);
    void postAuthorize(const ExchangePtr &ex);
    void postToken(const ExchangePtr &ex);
    void postRevoke(const ExchangePtr &ex);
    Reply oauthError(const ExchangePtr &ex, int status, const QString &error, const QString &description) const;
    Reply signInPage(const ExchangePtr &ex, int status, const struct PendingAuthorization &pending,
                     const QString &email, const QString &error) const;
    Reply mfaPage(int status, const struct PendingAuthorization &pending, const QString &error) const;
    void verifySecondFactor(const ExchangePtr &ex, const struct PendingAuthorization &pending, const QString &code);
    Reply issueCode(const ExchangePtr &ex, const struct PendingAuthorization &pending, const struct User &user,
                    const QString &method);
    void runOnHashPool(const ExchangePtr &ex, std::function<Reply(QSqlDatabase &)> work);

    Database &m_db;
    ServerSecrets &m_secrets;
    Organization m_org;
    ServerConfig m_config;
    Clock m_now;

    QHttpServer m_http;
    GuardedTcpServer *m_tcp = nullptr;
    QList<Route> m_routes;
    QThreadPool m_readPool;
    QThreadPool m_writePool;
    AuthCache m_authCache;
    RateLimiter m_rateLimiter;
    QTimer m_rateSyncTimer;
    bool m_sharedRateLimits = false;
    QList<ExchangePtr> m_leaseWaiting;
    bool m_rateSyncRunning = false;
    UsageRecorder m_usage;
    QTimer m_usageTimer;
    QTimer m_expiryTimer;
    std::atomic_bool m_sweepQueued {false};
    qint64 m_expiryCheckedUntilMs = 0; // writer thread only, after listen()
    QTimer m_changeTimer;
    QString m_userChangeStamp;
    qint64 m_changeSeq = -1;
    bool m_changeCheckRunning = false;
    bool m_changeCheckAgain = false;
    std::atomic<bool> m_changeCheckFailing {false};
    std::unique_ptr<ChangeListener> m_changeListener;
    std::unique_ptr<AccessTokens> m_tokens;
    ExternalIssuers *m_external = nullptr;
    QByteArray m_orgJson;
    QString m_orgRateSubject;
    RateLimit m_orgRateLimit;

    struct DeniedWindow
    {
        qint64 startMs = 0;
        int count = 0;
        int suppressed = 0;
    };
    QHash<QString, DeniedWindow> m_deniedByIp;

    // Answers leave each connection in the order its requests arrived (HTTP/1.1 pipelining),
    // even when a later request finished first.
    struct ResponseOrder
    {
        quint64 assigned = 0;
        quint64 written = 0;
        QMap<quint64, std::pair<ExchangePtr, Reply>> waiting;
    };
    QHash<const QObject *, ResponseOrder> m_order;

    // Authorization requests between the sign-in page and its form post, by request id.
    QMutex m_pendingMutex;
    QHash<QString, struct PendingAuthorization> m_pending;
    // Argon2id is memory-hard: at most two hashes at a time, never on the HTTP thread.
    QThreadPool m_hashPool;
    std::unique_ptr<class LoginThrottle> m_loginThrottle;

    int m_inFlight = 0;
    bool m_shuttingDown = false;
};

} // namespace keyward::server

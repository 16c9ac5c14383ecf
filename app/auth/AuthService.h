// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiClient.h"
#include "BrowserLauncher.h"
#include "LoopbackReceiver.h"
#include "Pkce.h"
#include "Profile.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class QNetworkAccessManager;

Q_DECLARE_LOGGING_CATEGORY(lcAuth)

namespace keyward {

class TokenStore;

// What discovery found out about an issuer (RFC 8414 / OpenID Connect Discovery).
struct AuthorizationServer
{
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint; // may be empty
    bool issParameterSupported = false;
};

// OAuth 2.0 for a native app (RFC 8252): authorization code with PKCE S256 through the system
// browser and a loopback redirect; the access token in memory, the refresh token in the OS
// keychain; refresh ahead of expiry and once on a 401 with a single refresh in flight; sign-out
// revokes (RFC 7009). Works against any standard provider given its issuer URL.
class AuthService : public QObject, public TokenProvider
{
    Q_OBJECT

public:
    enum class State { SignedOut, Restoring, Discovering, WaitingForBrowser, Exchanging, SignedIn };
    Q_ENUM(State)
    using Clock = std::function<qint64()>; // milliseconds since the epoch

    AuthService(QNetworkAccessManager *network, TokenStore *store, const Profile &profile, QObject *parent = nullptr);
    ~AuthService() override;

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setBrowserLauncher(const BrowserLauncher &launcher) { m_launcher = launcher; }
    // Refresh shortly before the access token expires (on by default; tests turn it off to
    // exercise the 401 path).
    void setRefreshAhead(bool on);
    void setTimeouts(int transferTimeoutMs, int browserTimeoutMs);

    State state() const { return m_state; }
    const Profile &profile() const { return m_profile; }
    // The page the browser was sent to, for "open again" and "copy the link".
    QUrl authorizationUrl() const { return m_authorizationUrl; }
    qint64 accessTokenExpiresAtMs() const { return m_expiresAtMs; }
    bool isMemoryOnly() const { return m_memoryOnly; }
    // The keychain holds the current refresh token.
    bool isStoredInKeychain() const { return m_storedInKeychain; }
    bool hasRefreshToken() const { return !m_refreshToken.isEmpty(); }
    const AuthorizationServer &authorizationServer() const { return m_server; }
    // Claims of a JWT without checking its signature: only for display (sub, email).
    static QJsonObject unverifiedClaims(const QByteArray &jwt);
    // The keychain entry of this profile (its stable id).
    QString keychainEntry() const { return m_profile.id.isEmpty() ? m_profile.name : m_profile.id; }
    // The email or subject the tokens name, for the sign-in log line.
    QString subject() const;

    QByteArray accessToken() const override;
    void renewAccessToken(const QByteArray &rejected, QObject *context, std::function<void(bool)> done) override;

public Q_SLOTS:
    void signIn();
    void cancelSignIn();
    bool openBrowserAgain();
    // Signs in silently with the refresh token the keychain holds for this profile, if any.
    void restoreSession();
    void signOut();
    // After keychainProblem: try to store the refresh token again, or keep it for this run only.
    void retryKeychain();
    void keepInMemoryOnly();
    // The API rejected a fresh token (the account was disabled or its session revoked): end the
    // session, forget the refresh token, and say why.
    void endSession(const QString &message);

Q_SIGNALS:
    void stateChanged(keyward::AuthService::State state);
    void signedIn();
    void signedOut();
    void signInFailed(const keyward::ApiFailure &failure);
    // The session cannot be renewed any more (refresh refused or revoked): sign in again.
    void sessionEnded(const QString &message);
    // The keychain did not take the refresh token: ask the user to retry or keep it in memory.
    void keychainProblem(const QString &message);
    void tokensRefreshed();
    // isStoredInKeychain() or isMemoryOnly() changed.
    void storageChanged();
    // Revocation and keychain removal after signOut() have both finished.
    void signOutFinished();

private:
    struct TokenReply
    {
        int status = 0;
        QJsonObject json;
        std::optional<ApiFailure> failure;
    };
    using Waiter = std::pair<QPointer<QObject>, std::function<void(bool)>>;

    void setState(State state);
    void discover(std::function<void(bool)> then);
    void discoverAt(const QList<QUrl> &candidates, int index, std::function<void(bool)> then);
    void startAuthorization();
    LoopbackReceiver::Page handleRedirect(const QUrlQuery &query);
    void exchangeCode(const QString &code);
    // `guarded`: the answer is dropped when the attempt it belongs to was abandoned meanwhile.
    void postForm(const QUrl &url, const QUrlQuery &form, std::function<void(const TokenReply &)> done,
                  bool guarded = true);
    bool acceptTokens(const QJsonObject &json, QString *problem);
    void storeRefreshToken();
    void refresh();
    void finishRefresh(bool ok);
    void scheduleRefresh();
    // Stops the browser sign-in in progress: listener, timer, PKCE verifier and state.
    void abandonAttempt();
    void failSignIn(const ApiFailure &failure);
    void failRestore(const QString &message);
    void clearTokens();
    static ApiFailure oauthFailure(const TokenReply &reply, const QString &stage);

    QNetworkAccessManager *m_network;
    TokenStore *m_store;
    Profile m_profile;
    Clock m_clock;
    BrowserLauncher m_launcher;
    State m_state = State::SignedOut;
    AuthorizationServer m_server;
    bool m_discovered = false;

    LoopbackReceiver *m_receiver = nullptr;
    Pkce m_pkce;
    QByteArray m_expectedState;
    QUrl m_redirectUri;
    QUrl m_authorizationUrl;
    QTimer m_browserTimeout;

    QByteArray m_accessToken;
    QByteArray m_refreshToken;
    QByteArray m_idToken;
    qint64 m_expiresAtMs = 0;
    bool m_memoryOnly = false;
    bool m_storedInKeychain = false;
    bool m_refreshAhead = true;
    bool m_refreshing = false;
    QList<Waiter> m_waiters;
    QTimer m_refreshTimer;
    int m_transferTimeoutMs = 30'000;
    quint64 m_generation = 0; // bumps on sign-out/cancel so late answers are dropped
};

} // namespace keyward

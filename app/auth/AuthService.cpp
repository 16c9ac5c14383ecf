// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuthService.h"

#include "TokenStore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

Q_LOGGING_CATEGORY(lcAuth, "keyward.auth", QtInfoMsg)

namespace keyward {

namespace {

constexpr int DefaultBrowserTimeoutMs = 10 * 60 * 1000;
constexpr int RefreshRetryMs = 30'000;

// Compares without an early exit, so timing says nothing about how much of a guess was right.
bool equalConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.isEmpty() || a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

QString trimmedIssuer(QString issuer)
{
    while (issuer.endsWith(QLatin1Char('/')))
        issuer.chop(1);
    return issuer;
}

} // namespace

AuthService::AuthService(QNetworkAccessManager *network, TokenStore *store, const Profile &profile, QObject *parent)
    : QObject(parent), m_network(network), m_store(store), m_profile(profile),
      m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_browserTimeout.setSingleShot(true);
    m_browserTimeout.setInterval(DefaultBrowserTimeoutMs);
    connect(&m_browserTimeout, &QTimer::timeout, this, [this] {
        failSignIn(ApiFailure::auth(tr("No answer came back from the browser in time. Start the sign-in again.")));
    });
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::SignedIn && !m_refreshToken.isEmpty())
            refresh();
    });
}

AuthService::~AuthService()
{
    // Waiters belong to the same session, which is going away with us: nobody to answer.
    m_waiters.clear();
    // Wipe without announcing anything: whoever listens may be half destroyed itself.
    const QSignalBlocker quiet(this);
    clearTokens();
}

void AuthService::setRefreshAhead(bool on)
{
    m_refreshAhead = on;
    if (!on)
        m_refreshTimer.stop();
    else
        scheduleRefresh();
}

void AuthService::setTimeouts(int transferTimeoutMs, int browserTimeoutMs)
{
    m_transferTimeoutMs = transferTimeoutMs;
    m_browserTimeout.setInterval(browserTimeoutMs);
}

void AuthService::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QJsonObject AuthService::unverifiedClaims(const QByteArray &jwt)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return {};
    const auto decoded = QByteArray::fromBase64Encoding(parts.at(1), QByteArray::Base64UrlEncoding
                                                                         | QByteArray::OmitTrailingEquals);
    if (!decoded)
        return {};
    return QJsonDocument::fromJson(*decoded).object();
}

QString AuthService::subject() const
{
    const QJsonObject id = unverifiedClaims(m_idToken);
    if (!id.value(QStringLiteral("email")).toString().isEmpty())
        return id.value(QStringLiteral("email")).toString();
    const QJsonObject access = unverifiedClaims(m_accessToken);
    if (!access.value(QStringLiteral("email")).toString().isEmpty())
        return access.value(QStringLiteral("email")).toString();
    const QString sub = id.value(QStringLiteral("sub")).toString();
    return sub.isEmpty() ? access.value(QStringLiteral("sub")).toString() : sub;
}

QByteArray AuthService::accessToken() const
{
    return m_state == State::SignedIn ? m_accessToken : QByteArray();
}

// ---- discovery -------------------------------------------------------------------------------

void AuthService::discover(std::function<void(bool)> then)
{
    if (m_discovered) {
        then(true);
        return;
    }
    const QString issuer = trimmedIssuer(m_profile.issuerUrl.toString());
    QUrl oidc(issuer + QStringLiteral("/.well-known/openid-configuration"));
    // RFC 8414 §3.1 inserts the well-known segment between host and path.
    QUrl oauth = m_profile.issuerUrl;
    oauth.setPath(QStringLiteral("/.well-known/oauth-authorization-server") + trimmedIssuer(m_profile.issuerUrl.path()));
    discoverAt({oidc, oauth}, 0, std::move(then));
}

void AuthService::discoverAt(const QList<QUrl> &candidates, int index, std::function<void(bool)> then)
{
    QNetworkRequest req(candidates.at(index));
    req.setTransferTimeout(m_transferTimeoutMs);
    req.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network->get(req);
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, candidates, index, then, generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        const bool usable = status == 200 && !json.isEmpty();
        if (!usable && index + 1 < candidates.size() && (status == 404 || status == 200 || status == 400)) {
            discoverAt(candidates, index + 1, then);
            return;
        }
        if (!usable) {
            ApiFailure f = status >= 400 || reply->error() != QNetworkReply::NoError
                ? ApiFailure::fromReply(reply->error(), reply->errorString(), status, body, {}, {}, reply->url(),
                                        reply->error() == QNetworkReply::OperationCanceledError)
                : ApiFailure::unparsable(status, {}, tr("sign-in settings"));
            f.kind = f.kind == ApiFailure::Kind::Server || f.kind == ApiFailure::Kind::Http ? ApiFailure::Kind::Auth : f.kind;
            f.message = tr("Could not read the sign-in settings of %1: %2")
                            .arg(m_profile.issuerUrl.toDisplayString(), f.message);
            failSignIn(f);
            then(false);
            return;
        }
        AuthorizationServer s;
        s.issuer = json.value(QStringLiteral("issuer")).toString();
        s.authorizationEndpoint = QUrl(json.value(QStringLiteral("authorization_endpoint")).toString());
        s.tokenEndpoint = QUrl(json.value(QStringLiteral("token_endpoint")).toString());
        s.revocationEndpoint = QUrl(json.value(QStringLiteral("revocation_endpoint")).toString());
        s.issParameterSupported = json.value(QStringLiteral("authorization_response_iss_parameter_supported")).toBool();
        const QJsonArray methods = json.value(QStringLiteral("code_challenge_methods_supported")).toArray();
        QString problem;
        // RFC 8414 §3.3: the metadata must name the issuer we asked, or it may be an impostor's.
        if (trimmedIssuer(s.issuer) != trimmedIssuer(m_profile.issuerUrl.toString()))
            problem = tr("the server calls itself “%1”, not “%2”").arg(s.issuer, m_profile.issuerUrl.toString());
        else if (!s.authorizationEndpoint.isValid() || s.authorizationEndpoint.isRelative()
                 || !s.tokenEndpoint.isValid() || s.tokenEndpoint.isRelative())
            problem = tr("it names no authorization or token endpoint");
        else if (!methods.isEmpty() && !methods.contains(QStringLiteral("S256")))
            problem = tr("it does not support PKCE with S256, which Keyward requires");
        else if (!Profile::isSafeUrl(s.authorizationEndpoint) || !Profile::isSafeUrl(s.tokenEndpoint)
                 || (!s.revocationEndpoint.isEmpty() && !Profile::isSafeUrl(s.revocationEndpoint)))
            problem = tr("it names an endpoint without https://, where codes and tokens would travel in clear text");
        if (!problem.isEmpty()) {
            failSignIn(ApiFailure::auth(tr("The sign-in server %1 cannot be used: %2.")
                                            .arg(m_profile.issuerUrl.toDisplayString(), problem)));
            then(false);
            return;
        }
        m_server = s;
        m_discovered = true;
        then(true);
    });
}

// ---- interactive sign-in ---------------------------------------------------------------------

void AuthService::signIn()
{
    if (m_state == State::SignedIn || m_state == State::Restoring)
        return; // sign out first
    if (m_state == State::WaitingForBrowser || m_state == State::Exchanging || m_state == State::Discovering)
        cancelSignIn();
    const QString problem = m_profile.validate();
    if (!problem.isEmpty()) {
        failSignIn(ApiFailure::auth(problem));
        return;
    }
    ++m_generation;
    setState(State::Discovering);
    QPointer<AuthService> self(this);
    discover([self](bool ok) {
        if (self && ok && self->m_state == State::Discovering)
            self->startAuthorization();
    });
}

void AuthService::startAuthorization()
{
    delete m_receiver;
    m_receiver = new LoopbackReceiver(this);
    if (!m_receiver->listen()) {
        failSignIn(ApiFailure::auth(tr("Keyward could not open a local port for the browser to return to: %1")
                                        .arg(m_receiver->errorString())));
        return;
    }
    m_receiver->setHandler([this](const QUrlQuery &query) { return handleRedirect(query); });
    m_pkce = Pkce::generate();
    m_expectedState = Pkce::randomToken(24);
    m_redirectUri = m_receiver->redirectUri();
    QUrlQuery q(m_server.authorizationEndpoint);
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), m_profile.clientId);
    q.addQueryItem(QStringLiteral("redirect_uri"), QString::fromUtf8(QUrl::toPercentEncoding(m_redirectUri.toString())));
    if (!m_profile.scopes.trimmed().isEmpty())
        q.addQueryItem(QStringLiteral("scope"), QString::fromUtf8(QUrl::toPercentEncoding(m_profile.scopes.simplified())));
    q.addQueryItem(QStringLiteral("state"), QString::fromLatin1(m_expectedState));
    q.addQueryItem(QStringLiteral("code_challenge"), QString::fromLatin1(m_pkce.challenge));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    m_authorizationUrl = m_server.authorizationEndpoint;
    m_authorizationUrl.setQuery(q.query(QUrl::FullyEncoded), QUrl::StrictMode);
    setState(State::WaitingForBrowser);
    m_browserTimeout.start();
    qCInfo(lcAuth).noquote() << "waiting for the browser sign-in at" << m_server.issuer << "redirect" << m_redirectUri.toString();
    if (!m_launcher.open(m_authorizationUrl))
        qCWarning(lcAuth) << "the browser could not be opened; the user can copy the link";
}

bool AuthService::openBrowserAgain()
{
    if (m_state != State::WaitingForBrowser)
        return false;
    return m_launcher.open(m_authorizationUrl);
}

void AuthService::cancelSignIn()
{
    if (m_state != State::WaitingForBrowser && m_state != State::Exchanging && m_state != State::Discovering
        && m_state != State::Restoring)
        return;
    abandonAttempt();
    if (m_state == State::Restoring)
        clearTokens(); // the keychain keeps its entry for next time
    m_authorizationUrl.clear();
    setState(State::SignedOut);
    qCInfo(lcAuth) << "sign-in cancelled";
}

LoopbackReceiver::Page AuthService::handleRedirect(const QUrlQuery &query)
{
    auto value = [&](const char *name) { return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded); };
    const QString closeTab = tr("You can close this tab and return to Keyward.");
    if (m_state != State::WaitingForBrowser)
        return {false, tr("Sign-in not expected"), tr("Keyward is not waiting for a sign-in. %1").arg(closeTab)};
    const QByteArray state = value("state").toUtf8();
    // A redirect with someone else's state is a forged or stale answer (RFC 6749 §10.12).
    if (!equalConstantTime(state, m_expectedState)) {
        failSignIn(ApiFailure::auth(tr("The browser returned an answer that does not belong to this sign-in (the state "
                                       "did not match), so Keyward stopped for safety. Sign in again.")));
        return {false, tr("Sign-in stopped"), tr("This answer does not belong to the sign-in Keyward started. %1").arg(closeTab)};
    }
    // RFC 9207: the answer must come from the issuer we sent the user to.
    const QString iss = value("iss");
    if ((!iss.isEmpty() || m_server.issParameterSupported) && trimmedIssuer(iss) != trimmedIssuer(m_server.issuer)) {
        failSignIn(ApiFailure::auth(tr("The sign-in answer came from “%1” instead of “%2”, so Keyward stopped for safety.")
                                        .arg(iss.isEmpty() ? tr("an unnamed server") : iss, m_server.issuer)));
        return {false, tr("Sign-in stopped"), tr("The answer came from an unexpected server. %1").arg(closeTab)};
    }
    const QString error = value("error");
    if (!error.isEmpty()) {
        const QString description = value("error_description");
        const QString message = error == QLatin1String("access_denied")
            ? tr("The sign-in was cancelled or refused in the browser.")
            : tr("The sign-in server reported an error: %1").arg(description.isEmpty() ? error : description);
        failSignIn(ApiFailure::auth(message));
        return {false, tr("Sign-in did not complete"), message + QLatin1Char(' ') + closeTab};
    }
    const QString code = value("code");
    if (code.isEmpty()) {
        failSignIn(ApiFailure::auth(tr("The browser returned without an authorization code. Sign in again.")));
        return {false, tr("Sign-in did not complete"), closeTab};
    }
    m_browserTimeout.stop();
    if (m_receiver)
        m_receiver->close(); // one answer only; the current connection still gets its page
    setState(State::Exchanging);
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(this, [this, code, generation] {
        if (generation == m_generation && m_state == State::Exchanging)
            exchangeCode(code);
    }, Qt::QueuedConnection);
    return {true, tr("Signed in to Keyward"), closeTab};
}

void AuthService::exchangeCode(const QString &code)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), code);
    form.addQueryItem(QStringLiteral("redirect_uri"), m_redirectUri.toString()); // exactly as sent
    form.addQueryItem(QStringLiteral("client_id"), m_profile.clientId);
    form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(m_pkce.verifier));
    postForm(m_server.tokenEndpoint, form, [this](const TokenReply &reply) {
        if (m_state != State::Exchanging)
            return;
        m_pkce = {};
        if (reply.failure) {
            failSignIn(oauthFailure(reply, tr("The sign-in server did not accept the sign-in")));
            return;
        }
        QString problem;
        if (!acceptTokens(reply.json, &problem)) {
            failSignIn(ApiFailure::auth(tr("The sign-in server answered with unusable tokens: %1").arg(problem)));
            return;
        }
        if (m_receiver) {
            m_receiver->deleteLater();
            m_receiver = nullptr;
        }
        setState(State::SignedIn);
        storeRefreshToken();
        scheduleRefresh();
        Q_EMIT signedIn();
    });
}

// ---- token endpoint --------------------------------------------------------------------------

void AuthService::postForm(const QUrl &url, const QUrlQuery &form, std::function<void(const TokenReply &)> done,
                           bool guarded)
{
    QNetworkRequest req(url);
    req.setTransferTimeout(m_transferTimeoutMs);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    req.setRawHeader("Accept", "application/json");
    // Form encoding: '+' and friends must be escaped, which QUrlQuery leaves alone.
    QByteArray body;
    for (const auto &item : form.queryItems(QUrl::FullyDecoded)) {
        if (!body.isEmpty())
            body.append('&');
        body.append(QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second));
    }
    QNetworkReply *reply = m_network->post(req, body);
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this, [this, reply, done, generation, guarded] {
        reply->deleteLater();
        if (guarded && generation != m_generation)
            return;
        TokenReply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        r.json = QJsonDocument::fromJson(answer).object();
        // 200 with a JSON object, or with no body at all (revocation answers that way).
        if (r.status == 200 && (!r.json.isEmpty() || answer.trimmed().isEmpty())) {
            done(r);
            return;
        }
        if (r.status >= 400 && !r.json.value(QStringLiteral("error")).toString().isEmpty()) {
            ApiFailure f = ApiFailure::auth(QString());
            f.httpStatus = r.status;
            f.requestId = QString::fromLatin1(reply->rawHeader("X-Request-Id"));
            r.failure = f;
        } else if (r.status == 200) {
            r.failure = ApiFailure::unparsable(r.status, {}, tr("a token answer"));
        } else {
            r.failure = ApiFailure::fromReply(reply->error(), reply->errorString(), r.status, answer,
                                              reply->rawHeader("Retry-After"), reply->rawHeader("X-Request-Id"),
                                              reply->url(), reply->error() == QNetworkReply::OperationCanceledError);
        }
        done(r);
    });
}

ApiFailure AuthService::oauthFailure(const TokenReply &reply, const QString &stage)
{
    ApiFailure f = *reply.failure;
    if (f.kind == ApiFailure::Kind::Auth) {
        const QString error = reply.json.value(QStringLiteral("error")).toString();
        const QString description = reply.json.value(QStringLiteral("error_description")).toString();
        f.message = tr("%1: %2").arg(stage, description.isEmpty() ? error : description);
    } else {
        f.message = tr("%1: %2").arg(stage, f.message);
    }
    return f;
}

bool AuthService::acceptTokens(const QJsonObject &json, QString *problem)
{
    const QByteArray access = json.value(QStringLiteral("access_token")).toString().toLatin1();
    const QString type = json.value(QStringLiteral("token_type")).toString();
    if (access.isEmpty()) {
        *problem = tr("no access token");
        return false;
    }
    if (!type.isEmpty() && type.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0) {
        *problem = tr("token type %1 instead of Bearer").arg(type);
        return false;
    }
    const int expiresIn = json.value(QStringLiteral("expires_in")).toInt(3600);
    m_accessToken = access;
    m_expiresAtMs = m_clock() + qint64(qMax(expiresIn, 1)) * 1000;
    const QByteArray refreshToken = json.value(QStringLiteral("refresh_token")).toString().toLatin1();
    if (!refreshToken.isEmpty())
        m_refreshToken = refreshToken; // rotation: the old one is now worthless
    const QByteArray idToken = json.value(QStringLiteral("id_token")).toString().toLatin1();
    if (!idToken.isEmpty())
        m_idToken = idToken;
    return true;
}

void AuthService::storeRefreshToken()
{
    if (m_refreshToken.isEmpty() || m_memoryOnly)
        return;
    const QByteArray token = m_refreshToken;
    m_store->write(keychainEntry(), token, this, [this, token](const TokenStore::Outcome &o) {
        if (token != m_refreshToken || m_state != State::SignedIn)
            return;
        m_storedInKeychain = o.ok();
        Q_EMIT storageChanged();
        if (!o.ok())
            Q_EMIT keychainProblem(o.message);
    });
}

void AuthService::retryKeychain()
{
    m_memoryOnly = false;
    storeRefreshToken();
}

void AuthService::keepInMemoryOnly()
{
    m_memoryOnly = true;
    m_storedInKeychain = false;
    qCInfo(lcAuth) << "keeping this session in memory only";
    Q_EMIT storageChanged();
}

void AuthService::scheduleRefresh()
{
    m_refreshTimer.stop();
    if (!m_refreshAhead || m_state != State::SignedIn || m_refreshToken.isEmpty())
        return;
    const qint64 lifetime = m_expiresAtMs - m_clock();
    // A minute ahead for usual lifetimes, a quarter ahead for short ones.
    const qint64 in = qMax<qint64>(qMax(lifetime * 3 / 4, lifetime - 60'000), 0);
    m_refreshTimer.start(int(qMin<qint64>(in, 24LL * 3600 * 1000)));
}

// ---- refresh -----------------------------------------------------------------------------------

void AuthService::renewAccessToken(const QByteArray &rejected, QObject *context, std::function<void(bool)> done)
{
    if (m_state == State::SignedIn && !m_accessToken.isEmpty() && m_accessToken != rejected && !m_refreshing) {
        // Another call renewed it already.
        QMetaObject::invokeMethod(context, [done] { done(true); }, Qt::QueuedConnection);
        return;
    }
    if (m_refreshToken.isEmpty() || (m_state != State::SignedIn && m_state != State::Restoring)) {
        QMetaObject::invokeMethod(context, [done] { done(false); }, Qt::QueuedConnection);
        return;
    }
    m_waiters.append({QPointer<QObject>(context), std::move(done)});
    if (!m_refreshing)
        refresh();
}

void AuthService::refresh()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    m_refreshTimer.stop();
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), QString::fromLatin1(m_refreshToken));
    form.addQueryItem(QStringLiteral("client_id"), m_profile.clientId);
    postForm(m_server.tokenEndpoint, form, [this](const TokenReply &reply) {
        if (reply.failure) {
            const QString error = reply.json.value(QStringLiteral("error")).toString();
            if (error == QLatin1String("invalid_grant") || error == QLatin1String("invalid_client")
                || error == QLatin1String("unauthorized_client")) {
                const ApiFailure f = oauthFailure(reply, tr("Your session has ended"));
                finishRefresh(false);
                endSession(f.message + QLatin1Char(' ') + tr("Sign in again."));
                return;
            }
            // The server could not be reached: keep the session, try again soon.
            qCWarning(lcAuth).noquote() << "token refresh failed:" << reply.failure->message;
            finishRefresh(false);
            if (m_state == State::Restoring)
                failRestore(reply.failure->text());
            else if (m_state == State::SignedIn && m_refreshAhead)
                m_refreshTimer.start(RefreshRetryMs);
            return;
        }
        QString problem;
        if (!acceptTokens(reply.json, &problem)) {
            qCWarning(lcAuth).noquote() << "token refresh gave unusable tokens:" << problem;
            finishRefresh(false);
            if (m_state == State::Restoring)
                failRestore(tr("The sign-in server answered with unusable tokens: %1").arg(problem));
            return;
        }
        qCInfo(lcAuth) << "access token refreshed";
        const bool restoring = m_state == State::Restoring;
        setState(State::SignedIn);
        storeRefreshToken();
        scheduleRefresh();
        finishRefresh(true);
        Q_EMIT tokensRefreshed();
        if (restoring)
            Q_EMIT signedIn();
    });
}

void AuthService::finishRefresh(bool ok)
{
    m_refreshing = false;
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &w : waiters) {
        if (w.first && w.second)
            w.second(ok);
    }
}

void AuthService::restoreSession()
{
    if (m_state != State::SignedOut || !m_profile.isValid())
        return;
    ++m_generation;
    setState(State::Restoring);
    const quint64 generation = m_generation;
    m_store->read(keychainEntry(), this, [this, generation](const TokenStore::Outcome &o) {
        if (generation != m_generation || m_state != State::Restoring)
            return;
        if (!o.ok()) {
            setState(State::SignedOut);
            if (o.status != TokenStore::Status::NotFound) {
                ApiFailure f = ApiFailure::auth(o.message + QLatin1Char(' ') + tr("Sign in with the browser."));
                f.kind = ApiFailure::Kind::Keychain;
                Q_EMIT signInFailed(f);
            }
            return;
        }
        m_refreshToken = o.token;
        QPointer<AuthService> self(this);
        discover([self](bool ok) {
            if (!self)
                return;
            if (!ok) {
                self->clearTokens();
                return;
            }
            self->refresh();
        });
    });
}

// ---- ending --------------------------------------------------------------------------------------

void AuthService::abandonAttempt()
{
    ++m_generation; // answers still on their way are dropped
    m_browserTimeout.stop();
    if (m_receiver) {
        m_receiver->close();
        m_receiver->deleteLater();
        m_receiver = nullptr;
    }
    m_pkce = {};
    m_expectedState.clear();
    if (m_refreshing)
        finishRefresh(false);
}

void AuthService::failRestore(const QString &message)
{
    // The remembered session could not be resumed now (offline, say): signed out, but the
    // keychain keeps the refresh token for the next try.
    abandonAttempt();
    clearTokens();
    Q_EMIT signInFailed(ApiFailure::auth(tr("Your previous session could not be resumed: %1").arg(message)));
}

void AuthService::failSignIn(const ApiFailure &failure)
{
    abandonAttempt();
    qCWarning(lcAuth).noquote() << "sign-in failed:" << failure.text();
    setState(State::SignedOut);
    Q_EMIT signInFailed(failure);
}

void AuthService::clearTokens()
{
    auto wipe = [](QByteArray &b) {
        b.fill('\0');
        b.clear();
    };
    wipe(m_accessToken);
    wipe(m_refreshToken);
    wipe(m_idToken);
    m_expiresAtMs = 0;
    m_storedInKeychain = false;
    m_refreshTimer.stop();
    if (m_state != State::SignedOut) {
        m_state = State::SignedOut;
        Q_EMIT stateChanged(m_state);
    }
}

void AuthService::endSession(const QString &message)
{
    if (m_state != State::SignedIn && m_state != State::Restoring)
        return;
    const bool wasRestoring = m_state == State::Restoring;
    clearTokens();
    if (!m_memoryOnly)
        m_store->remove(keychainEntry(), this, [](const TokenStore::Outcome &) { });
    qCInfo(lcAuth).noquote() << "session ended:" << message;
    if (!wasRestoring)
        Q_EMIT sessionEnded(message);
    else
        Q_EMIT sessionEnded(tr("Your previous session has ended. Sign in again."));
}

void AuthService::signOut()
{
    if (m_state == State::WaitingForBrowser || m_state == State::Exchanging || m_state == State::Discovering) {
        cancelSignIn();
    }
    ++m_generation;
    const QByteArray refreshToken = m_refreshToken;
    const QUrl revocation = m_server.revocationEndpoint;
    const bool memoryOnly = m_memoryOnly;
    clearTokens();
    finishRefresh(false);
    qCInfo(lcAuth) << "signed out";
    Q_EMIT signedOut();

    auto pending = std::make_shared<int>(0);
    QPointer<AuthService> self(this);
    auto oneDone = [self, pending] {
        if (--*pending == 0 && self)
            Q_EMIT self->signOutFinished();
    };
    if (!refreshToken.isEmpty() && revocation.isValid() && !revocation.isEmpty()) {
        ++*pending;
        // RFC 7009: revoking the refresh token ends the whole session on the server.
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("token"), QString::fromLatin1(refreshToken));
        form.addQueryItem(QStringLiteral("token_type_hint"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("client_id"), m_profile.clientId);
        postForm(revocation, form, [oneDone](const TokenReply &reply) {
            if (reply.failure)
                qCWarning(lcAuth).noquote() << "revoking the refresh token failed:" << reply.failure->message;
            oneDone();
        }, false);
    }
    if (!memoryOnly) {
        ++*pending;
        m_store->remove(keychainEntry(), this, [oneDone](const TokenStore::Outcome &o) {
            if (!o.ok() && o.status != TokenStore::Status::NotFound)
                qCWarning(lcAuth).noquote() << "removing the refresh token from the keychain failed:" << o.message;
            oneDone();
        });
    }
    m_memoryOnly = false;
    if (*pending == 0) // nothing to revoke or remove: done, but never before signOut() returns
        QMetaObject::invokeMethod(this, &AuthService::signOutFinished, Qt::QueuedConnection);
}

} // namespace keyward

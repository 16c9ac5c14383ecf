// SPDX-License-Identifier: GPL-3.0-or-later
// AuthService against the real keyward-server: the browser sign-in (played by
// keyward-test-browser or by the test itself), state and issuer checks, error redirects,
// discovery failures, refresh ahead of expiry and on 401 with one refresh in flight, sign-out.
// The keychain is not used here (memory-only sessions); tst_signin covers it.
#include "ApiClient.h"
#include "AuthService.h"
#include "Identity.h"
#include "TestServer.h"
#include "TokenStore.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace keyward;

namespace {

struct Fixture
{
    QNetworkAccessManager network;
    TokenStore store {QStringLiteral("Keyward tst_auth")};
    AuthService auth;
    ApiClient api;
    QList<QUrl> opened;

    explicit Fixture(const Profile &profile, bool playBrowser)
        : auth(&network, &store, profile), api(&network, profile.apiUrl, &auth)
    {
        auth.keepInMemoryOnly();
        auth.setTimeouts(10'000, 60'000);
        if (!playBrowser) {
            auth.setBrowserLauncher(BrowserLauncher([this](const QUrl &url) {
                opened.append(url);
                return true;
            }));
        }
    }
};

QString queryValue(const QUrl &url, const char *name)
{
    return QUrlQuery(url).queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
}

} // namespace

class TestAuth : public QObject
{
    Q_OBJECT

private:
    Profile profile() const
    {
        Profile p;
        p.name = QStringLiteral("tst_auth");
        p.apiUrl = m_server.url(QString());
        p.issuerUrl = m_server.url(QString());
        return p;
    }
    // Answers the loopback redirect the way a browser would; returns the HTTP status.
    int redirect(Fixture &f, const QList<QPair<QString, QString>> &items)
    {
        if (f.opened.isEmpty())
            return -1;
        QUrl target(queryValue(f.opened.last(), "redirect_uri"));
        QUrlQuery q;
        for (const auto &item : items)
            q.addQueryItem(item.first, QString::fromUtf8(QUrl::toPercentEncoding(item.second)));
        target.setQuery(q);
        QNetworkReply *reply = m_client.get(QNetworkRequest(target));
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(10'000))
            return -2;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_lastPage = reply->readAll();
        reply->deleteLater();
        return status;
    }
    bool waitForBrowser(Fixture &f)
    {
        // QTRY_* only works in void functions; helpers that return use QTest::qWaitFor.
        return QTest::qWaitFor([&] { return f.auth.state() == AuthService::State::WaitingForBrowser; }, 10'000)
            && !f.opened.isEmpty();
    }
    bool signInWithTestBrowser(Fixture &f)
    {
        f.auth.signIn();
        return QTest::qWaitFor([&] { return f.auth.state() == AuthService::State::SignedIn; }, 30'000);
    }
    Result<Identity> me(Fixture &f)
    {
        std::optional<Result<Identity>> result;
        QObject context;
        f.api.send(ApiRequest::get(QStringLiteral("/me")), &context, [&](const Result<ApiResponse> &r) {
            result = r.ok() ? Identity::fromResponse(r.value()) : Result<Identity>(r.error());
        });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20'000))
            return ApiFailure::auth(QStringLiteral("no answer to /me"));
        return *result;
    }

    TestServer m_server;
    QNetworkAccessManager m_client;
    QByteArray m_lastPage;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("KEYWARD_TEST_BROWSER"), "run through CTest");
        // Short tokens and no clock-skew leeway so expiry can be watched within seconds.
        QVERIFY(m_server.start({QStringLiteral("--demo")},
                               QJsonObject {{QStringLiteral("access_token_lifetime_s"), 10},
                                            {QStringLiteral("access_token_leeway_s"), 0}}));
    }

    void init()
    {
        qputenv("KEYWARD_BROWSER", qgetenv("KEYWARD_TEST_BROWSER"));
        qunsetenv("KEYWARD_TEST_BROWSER_ACTION");
        qunsetenv("KEYWARD_TEST_EMAIL");
        qunsetenv("KEYWARD_TEST_PASSWORD");
    }

    void signsInThroughTheBrowser()
    {
        Fixture f(profile(), true);
        QSignalSpy states(&f.auth, &AuthService::stateChanged);
        QSignalSpy signedIn(&f.auth, &AuthService::signedIn);
        QVERIFY(states.isValid() && signedIn.isValid());
        QVERIFY(signInWithTestBrowser(f));
        QCOMPARE(signedIn.count(), 1);
        QList<AuthService::State> seen;
        for (const auto &args : states)
            seen.append(args.at(0).value<AuthService::State>());
        QCOMPARE(seen, (QList<AuthService::State> {AuthService::State::Discovering, AuthService::State::WaitingForBrowser,
                                                   AuthService::State::Exchanging, AuthService::State::SignedIn}));
        QVERIFY(!f.auth.accessToken().isEmpty());
        QVERIFY(f.auth.hasRefreshToken());
        QVERIFY(f.auth.accessTokenExpiresAtMs() > QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(f.auth.authorizationServer().issuer, m_server.url(QString()).toString());
        // The authorization request carried PKCE S256 and a loopback redirect.
        QUrl authorize = f.auth.authorizationUrl();
        QCOMPARE(queryValue(authorize, "code_challenge_method"), QStringLiteral("S256"));
        QCOMPARE(queryValue(authorize, "code_challenge").size(), 43);
        QVERIFY(queryValue(authorize, "redirect_uri").startsWith(QStringLiteral("http://127.0.0.1:")));
        const Result<Identity> id = me(f);
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().text()));
        QCOMPARE(id.value().email, QStringLiteral("adam.admin@example.com"));
        QCOMPARE(id.value().role, QStringLiteral("admin"));
        QVERIFY(!f.auth.subject().isEmpty());
    }

    void cancelInTheBrowserIsReported()
    {
        qputenv("KEYWARD_TEST_BROWSER_ACTION", "cancel");
        Fixture f(profile(), true);
        QSignalSpy failed(&f.auth, &AuthService::signInFailed);
        QVERIFY(failed.isValid());
        f.auth.signIn();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30'000);
        const auto failure = failed.at(0).at(0).value<ApiFailure>();
        QVERIFY2(failure.message.contains(QLatin1String("cancelled")), qPrintable(failure.message));
        QCOMPARE(f.auth.state(), AuthService::State::SignedOut);
        QVERIFY(f.auth.accessToken().isEmpty());
    }

    void wrongPasswordNeverSignsIn()
    {
        qputenv("KEYWARD_TEST_PASSWORD", "not-the-password");
        QTemporaryDir dir;
        const QString browserLog = dir.filePath(QStringLiteral("browser.log"));
        qputenv("KEYWARD_TEST_BROWSER_LOG", browserLog.toLocal8Bit());
        Fixture f(profile(), true);
        f.auth.signIn();
        QTRY_COMPARE_WITH_TIMEOUT(f.auth.state(), AuthService::State::WaitingForBrowser, 10'000);
        // The browser is done once the server has turned the password away.
        auto browserSaid = [&] {
            QFile log(browserLog);
            return log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(browserSaid().contains(QLatin1String("sign-in form: HTTP")), 30'000);
        qunsetenv("KEYWARD_TEST_BROWSER_LOG");
        QCOMPARE(f.auth.state(), AuthService::State::WaitingForBrowser);
        f.auth.cancelSignIn();
        QCOMPARE(f.auth.state(), AuthService::State::SignedOut);
    }

    void redirectChecks_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("iss");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("description");
        QTest::addColumn<QString>("expected");
        const QString good = QStringLiteral("<good>");
        QTest::newRow("wrong state") << QStringLiteral("forged-state") << good << QString() << QString() << QStringLiteral("state");
        QTest::newRow("missing state") << QString() << good << QString() << QString() << QStringLiteral("state");
        QTest::newRow("wrong issuer") << good << QStringLiteral("http://evil.example") << QString() << QString()
                                      << QStringLiteral("evil.example");
        QTest::newRow("missing issuer") << good << QString() << QString() << QString() << QStringLiteral("unnamed");
        QTest::newRow("access denied") << good << good << QStringLiteral("access_denied") << QString()
                                       << QStringLiteral("cancelled or refused");
        QTest::newRow("server error") << good << good << QStringLiteral("server_error")
                                      << QStringLiteral("Database is on fire") << QStringLiteral("Database is on fire");
    }

    void redirectChecks()
    {
        QFETCH(QString, state);
        QFETCH(QString, iss);
        QFETCH(QString, error);
        QFETCH(QString, description);
        QFETCH(QString, expected);
        qunsetenv("KEYWARD_BROWSER");
        Fixture f(profile(), false);
        QSignalSpy failed(&f.auth, &AuthService::signInFailed);
        QVERIFY(failed.isValid());
        f.auth.signIn();
        QVERIFY(waitForBrowser(f));
        const QUrl sent = f.opened.last();
        QList<QPair<QString, QString>> items {{QStringLiteral("code"), QStringLiteral("some-code")}};
        if (!state.isEmpty())
            items.append({QStringLiteral("state"), state == QLatin1String("<good>") ? queryValue(sent, "state") : state});
        if (!iss.isEmpty())
            items.append({QStringLiteral("iss"), iss == QLatin1String("<good>") ? f.auth.authorizationServer().issuer : iss});
        if (!error.isEmpty()) {
            items.removeFirst();
            items.append({QStringLiteral("error"), error});
        }
        if (!description.isEmpty())
            items.append({QStringLiteral("error_description"), description});
        QCOMPARE(redirect(f, items), 400);
        QVERIFY(m_lastPage.contains("close this tab"));
        QTRY_COMPARE(failed.count(), 1);
        const auto failure = failed.at(0).at(0).value<ApiFailure>();
        QVERIFY2(failure.message.contains(expected), qPrintable(failure.message));
        QCOMPARE(failure.kind, ApiFailure::Kind::Auth);
        QCOMPARE(f.auth.state(), AuthService::State::SignedOut);
        // The listener is gone: a second answer cannot sneak in.
        QCOMPARE(redirect(f, items), 0);
    }

    void secondAnswerIsIgnored()
    {
        qunsetenv("KEYWARD_BROWSER");
        Fixture f(profile(), false);
        f.auth.signIn();
        QVERIFY(waitForBrowser(f));
        // An unknown path and a favicon request do not end the sign-in.
        QUrl favicon(queryValue(f.opened.last(), "redirect_uri"));
        favicon.setPath(QStringLiteral("/favicon.ico"));
        QNetworkReply *reply = m_client.get(QNetworkRequest(favicon));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10'000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        reply->deleteLater();
        QCOMPARE(f.auth.state(), AuthService::State::WaitingForBrowser);
        f.auth.cancelSignIn();
        QCOMPARE(f.auth.state(), AuthService::State::SignedOut);
        QVERIFY(f.auth.accessToken().isEmpty());
    }

    void discoveryFailures_data()
    {
        QTest::addColumn<QString>("issuer");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("kind");
        // keyward-server names itself http://127.0.0.1:PORT; "localhost" is a different issuer.
        QTest::newRow("issuer mismatch") << QStringLiteral("http://localhost:%1") << QStringLiteral("calls itself")
                                         << int(ApiFailure::Kind::Auth);
        QTest::newRow("nothing listening") << QStringLiteral("http://127.0.0.1:1") << QStringLiteral("Could not connect")
                                           << int(ApiFailure::Kind::Network);
        QTest::newRow("not an issuer") << QStringLiteral("http://127.0.0.1:%1/oauth") << QStringLiteral("sign-in settings")
                                       << int(ApiFailure::Kind::Auth);
    }

    void discoveryFailures()
    {
        QFETCH(QString, issuer);
        QFETCH(QString, expected);
        QFETCH(int, kind);
        Profile p = profile();
        p.issuerUrl = QUrl(issuer.contains(QLatin1String("%1")) ? issuer.arg(m_server.port()) : issuer);
        Fixture f(p, false);
        QSignalSpy failed(&f.auth, &AuthService::signInFailed);
        QVERIFY(failed.isValid());
        f.auth.signIn();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20'000);
        const auto failure = failed.at(0).at(0).value<ApiFailure>();
        QVERIFY2(failure.message.contains(expected), qPrintable(failure.message));
        QCOMPARE(int(failure.kind), kind);
        QVERIFY(f.opened.isEmpty());
        QCOMPARE(f.auth.state(), AuthService::State::SignedOut);
    }

    // Expired access token, refresh ahead off: every call gets 401, one refresh serves all.
    void refreshOnceFor401s()
    {
        Fixture f(profile(), true);
        f.auth.setRefreshAhead(false);
        QVERIFY(signInWithTestBrowser(f));
        const QByteArray first = f.auth.accessToken();
        QSignalSpy refreshed(&f.auth, &AuthService::tokensRefreshed);
        QVERIFY(refreshed.isValid());
        const qint64 expiry = f.auth.accessTokenExpiresAtMs();
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() > expiry + 1500, 20'000);
        QCOMPARE(m_server.get(QStringLiteral("/me"), QString::fromLatin1(first)).status, 401);

        QObject context;
        int ok = 0, failedCalls = 0;
        for (int i = 0; i < 6; ++i) {
            f.api.send(ApiRequest::get(QStringLiteral("/me")), &context, [&](const Result<ApiResponse> &r) {
                r.ok() ? ++ok : ++failedCalls;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(ok + failedCalls, 6, 20'000);
        QCOMPARE(failedCalls, 0);
        QCOMPARE(refreshed.count(), 1);
        QVERIFY(f.auth.accessToken() != first);
    }

    void refreshesAheadOfExpiry()
    {
        Fixture f(profile(), true);
        QVERIFY(signInWithTestBrowser(f));
        QSignalSpy refreshed(&f.auth, &AuthService::tokensRefreshed);
        QVERIFY(refreshed.isValid());
        const QByteArray first = f.auth.accessToken();
        const qint64 expiry = f.auth.accessTokenExpiresAtMs();
        // 10 s tokens: renewed a quarter ahead, i.e. after about 7.5 s, before they lapse.
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 15'000);
        QVERIFY(QDateTime::currentMSecsSinceEpoch() < expiry);
        QVERIFY(f.auth.accessToken() != first);
        QVERIFY(f.auth.accessTokenExpiresAtMs() > expiry);
        QVERIFY(me(f).ok());
    }

    void signOutRevokesTheSession()
    {
        Fixture f(profile(), true);
        QVERIFY(signInWithTestBrowser(f));
        const QByteArray access = f.auth.accessToken();
        QCOMPARE(m_server.get(QStringLiteral("/me"), QString::fromLatin1(access)).status, 200);
        QSignalSpy finished(&f.auth, &AuthService::signOutFinished);
        QSignalSpy signedOut(&f.auth, &AuthService::signedOut);
        QVERIFY(finished.isValid() && signedOut.isValid());
        f.auth.signOut();
        QCOMPARE(signedOut.count(), 1); // at once, without waiting for the server
        QCOMPARE(f.auth.state(), AuthService::State::SignedOut);
        QVERIFY(f.auth.accessToken().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10'000);
        // Revoking the refresh token ends the whole sign-in, access tokens included.
        QCOMPARE(m_server.get(QStringLiteral("/me"), QString::fromLatin1(access)).status, 401);
    }

    void refusedRefreshEndsTheSession()
    {
        qputenv("KEYWARD_TEST_EMAIL", "victor.viewer@example.com");
        qputenv("KEYWARD_TEST_PASSWORD", "demo-viewer-password");
        Fixture f(profile(), true);
        f.auth.setRefreshAhead(false);
        QVERIFY(signInWithTestBrowser(f));
        QByteArray out, err;
        QCOMPARE(TestServer::run({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("--database"),
                                  m_server.databaseUrl(), QStringLiteral("--email"),
                                  QStringLiteral("victor.viewer@example.com")},
                                 &out, &err),
                 0);
        QSignalSpy ended(&f.auth, &AuthService::sessionEnded);
        QVERIFY(ended.isValid());
        std::optional<bool> renewed;
        QObject context;
        f.auth.renewAccessToken(f.auth.accessToken(), &context, [&](bool ok) { renewed = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(renewed.has_value(), 10'000);
        QVERIFY(!*renewed);
        QCOMPARE(ended.count(), 1);
        QVERIFY2(ended.at(0).at(0).toString().contains(QLatin1String("Sign in again")),
                 qPrintable(ended.at(0).at(0).toString()));
        QCOMPARE(f.auth.state(), AuthService::State::SignedOut);
        QVERIFY(!f.auth.hasRefreshToken());
        TestServer::run({QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("--database"),
                         m_server.databaseUrl(), QStringLiteral("--email"), QStringLiteral("victor.viewer@example.com")});
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"

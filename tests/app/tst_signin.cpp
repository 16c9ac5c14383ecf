// SPDX-License-Identifier: GPL-3.0-or-later
// End to end against the real keyward-server, inside a private D-Bus session with an unlocked
// GNOME Keyring (tests/support/keyring-session.sh): sign in through the browser (played by
// keyward-test-browser), call /me, survive an access-token expiry through refresh, resume the
// session from the keychain in a new run, sign out, and check that the refresh token is gone
// from the keychain and rejected by the server, and that no token reached a log line.
#include "KeyringSession.h"
#include "LogCapture.h"
#include "Session.h"
#include "TestServer.h"
#include "TokenStore.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>

using namespace keyward;


class TestSignIn : public QObject
{
    Q_OBJECT

private:
    Profile profile() const
    {
        Profile p;
        p.name = QStringLiteral("tst_signin");
        p.apiUrl = m_server.url(QString());
        p.issuerUrl = m_server.url(QString());
        return p;
    }
    QByteArray keychainToken(TokenStore::Status *status)
    {
        std::optional<TokenStore::Outcome> outcome;
        m_store.read(profile().name, this, [&](const TokenStore::Outcome &o) { outcome = o; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20'000))
            qWarning("the keychain did not answer within 20 s");
        *status = outcome ? outcome->status : TokenStore::Status::Failed;
        return outcome ? outcome->token : QByteArray();
    }

    LogCapture m_log;
    TestServer m_server;
    TokenStore m_store {QStringLiteral("Keyward tst_signin")};

private Q_SLOTS:
    void initTestCase()
    {
        m_log.install();
        KEYWARD_REQUIRE_UNLOCKED_KEYRING();
        QVERIFY(m_server.start({QStringLiteral("--demo")},
                               QJsonObject {{QStringLiteral("access_token_lifetime_s"), 10},
                                            {QStringLiteral("access_token_leeway_s"), 0}}));
        qputenv("KEYWARD_BROWSER", qgetenv("KEYWARD_TEST_BROWSER"));
    }

    void endToEnd()
    {
        QByteArray firstRefresh, rotatedRefresh, accessTokens;
        TokenStore::Status status;
        {
            Session session(profile(), &m_store, BrowserLauncher());
            session.auth()->setRefreshAhead(false);
            QSignalSpy identity(&session, &Session::identityChanged);
            QSignalSpy keychainProblem(session.auth(), &AuthService::keychainProblem);
            QVERIFY(identity.isValid() && keychainProblem.isValid());
            session.auth()->signIn();
            QTRY_VERIFY_WITH_TIMEOUT(session.identity().has_value(), 30'000);
            QCOMPARE(session.identity()->email, QStringLiteral("adam.admin@example.com"));
            QCOMPARE(session.identity()->role, QStringLiteral("admin"));
            QCOMPARE(session.identity()->organizationName.isEmpty(), false);
            QVERIFY(m_log.lines().filter(QStringLiteral("signed in as adam.admin@example.com at http://127.0.0.1:")).size() == 1);
            // The refresh token is in the keychain, not only in memory.
            QTRY_VERIFY_WITH_TIMEOUT(!(firstRefresh = keychainToken(&status)).isEmpty(), 20'000);
            QCOMPARE(status, TokenStore::Status::Ok);
            QCOMPARE(keychainProblem.count(), 0);
            accessTokens += session.auth()->accessToken() + '\n';

            // Let the access token lapse; the next call gets 401, refreshes once and goes on.
            QSignalSpy refreshed(session.auth(), &AuthService::tokensRefreshed);
            QVERIFY(refreshed.isValid());
            const qint64 expiry = session.auth()->accessTokenExpiresAtMs();
            QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() > expiry + 1500, 20'000);
            session.fetchIdentity();
            QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 20'000);
            QTRY_COMPARE_WITH_TIMEOUT(identity.count(), 2, 20'000);
            accessTokens += session.auth()->accessToken() + '\n';
            // Refresh tokens rotate, and the keychain follows.
            QTRY_VERIFY_WITH_TIMEOUT((rotatedRefresh = keychainToken(&status)) != firstRefresh, 20'000);
            QVERIFY(!rotatedRefresh.isEmpty());
        }

        // A new run resumes from the keychain without a browser.
        qputenv("KEYWARD_BROWSER", "/bin/false");
        Session resumed(profile(), &m_store, BrowserLauncher());
        QSignalSpy signedIn(resumed.auth(), &AuthService::signedIn);
        QVERIFY(signedIn.isValid());
        resumed.auth()->restoreSession();
        QTRY_VERIFY_WITH_TIMEOUT(resumed.identity().has_value(), 30'000);
        QCOMPARE(resumed.identity()->email, QStringLiteral("adam.admin@example.com"));
        QCOMPARE(signedIn.count(), 1);
        accessTokens += resumed.auth()->accessToken() + '\n';
        const QByteArray current = keychainToken(&status);
        QVERIFY(!current.isEmpty());
        QVERIFY(current != rotatedRefresh);

        // Sign out: revoked on the server, gone from the keychain.
        QSignalSpy finished(resumed.auth(), &AuthService::signOutFinished);
        QVERIFY(finished.isValid());
        resumed.auth()->signOut();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20'000);
        keychainToken(&status);
        QCOMPARE(status, TokenStore::Status::NotFound);
        const TestServer::Response refused = m_server.post(
            QStringLiteral("/oauth/token"),
            QByteArray("grant_type=refresh_token&client_id=keyward-desktop&refresh_token=")
                + QUrl::toPercentEncoding(QString::fromLatin1(current)),
            QString(), {{QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")}});
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));

        // No token of this session ever reached a log line.
        const QStringList logLines = m_log.lines();
        QVERIFY(logLines.size() > 10);
        QList<QByteArray> secrets {firstRefresh, rotatedRefresh, current};
        secrets += accessTokens.trimmed().split('\n');
        for (const QByteArray &secret : secrets) {
            QVERIFY(secret.size() > 20);
            for (const QString &line : std::as_const(logLines))
                QVERIFY2(!line.contains(QString::fromLatin1(secret)), qPrintable(line));
        }
    }

    // Offline at start: resuming fails with a sentence, the keychain keeps the token for later.
    void resumeWhileOfflineKeepsTheToken()
    {
        Profile offline = profile();
        offline.name = QStringLiteral("tst_signin offline");
        offline.apiUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        offline.issuerUrl = offline.apiUrl;
        std::optional<TokenStore::Outcome> written;
        m_store.write(offline.name, "a-remembered-refresh-token", this, [&](const TokenStore::Outcome &o) { written = o; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 20'000);
        QVERIFY(written->ok());

        Session session(offline, &m_store, BrowserLauncher());
        QSignalSpy failed(session.auth(), &AuthService::signInFailed);
        QVERIFY(failed.isValid());
        session.auth()->restoreSession();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30'000);
        QCOMPARE(session.auth()->state(), AuthService::State::SignedOut);
        QVERIFY(failed.at(0).at(0).value<ApiFailure>().message.contains(QLatin1String("Could not connect")));
        std::optional<TokenStore::Outcome> kept;
        m_store.read(offline.name, this, [&](const TokenStore::Outcome &o) { kept = o; });
        QTRY_VERIFY_WITH_TIMEOUT(kept.has_value(), 20'000);
        QCOMPARE(kept->token, QByteArray("a-remembered-refresh-token"));
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestSignIn)
#include "tst_signin.moc"

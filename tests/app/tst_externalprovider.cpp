// SPDX-License-Identifier: GPL-3.0-or-later
// Signing in at a provider other than the API server: the profile's issuer is one
// keyward-server (standing in for a company's OpenID Connect provider), the API another that
// trusts it with --trust-issuer. The app discovers the provider, signs in there through the
// browser, and the API maps the provider's token to its own user by verified email.
#include "Session.h"
#include "TestServer.h"
#include "TokenStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace keyward;

class TestExternalProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_provider.start({QStringLiteral("--demo")}));
        QVERIFY(m_api.start({QStringLiteral("--demo"), QStringLiteral("--trust-issuer"),
                             m_provider.url(QString()).toString(), QStringLiteral("--trust-audience"),
                             QStringLiteral("keyward-api")}));
        qputenv("KEYWARD_BROWSER", qgetenv("KEYWARD_TEST_BROWSER"));
        qputenv("KEYWARD_TEST_EMAIL", "olivia.owner@example.com");
        qputenv("KEYWARD_TEST_PASSWORD", "demo-owner-password");
    }

    void signsInAtTheProviderAndCallsTheApi()
    {
        Profile p;
        p.name = QStringLiteral("external");
        p.apiUrl = m_api.url(QString());
        p.issuerUrl = m_provider.url(QString());
        TokenStore store(QStringLiteral("Keyward tst_externalprovider"));
        Session session(p, &store, BrowserLauncher());
        session.auth()->keepInMemoryOnly();
        session.auth()->signIn();
        QTRY_VERIFY_WITH_TIMEOUT(session.identity().has_value(), 30'000);
        QCOMPARE(session.auth()->authorizationServer().issuer, m_provider.url(QString()).toString());
        QCOMPARE(session.identity()->email, QStringLiteral("olivia.owner@example.com"));
        QCOMPARE(session.identity()->role, QStringLiteral("owner"));
        // The API server, not the provider, answered: its own log shows the call.
        QVERIFY(m_api.output().contains("/me"));
        QCOMPARE(session.auth()->subject(), QStringLiteral("olivia.owner@example.com"));
    }

    void cleanupTestCase()
    {
        m_api.stop();
        m_provider.stop();
    }

private:
    TestServer m_provider;
    TestServer m_api;
};

QTEST_GUILESS_MAIN(TestExternalProvider)
#include "tst_externalprovider.moc"

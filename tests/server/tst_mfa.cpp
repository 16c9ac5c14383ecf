// SPDX-License-Identifier: GPL-3.0-or-later
// Two-step sign-in: TOTP codes (RFC 6238) on the sign-in pages, each code once, enrolment when
// the organisation requires MFA, and the command line's otpauth URI.
#include "TestServer.h"
#include "Totp.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

using keyward::server::Totp;

namespace {
const QString Password = QStringLiteral("a long enough password");
const QString Redirect = QStringLiteral("http://127.0.0.1:5555/callback");

QByteArray b64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString hidden(const QByteArray &html, const char *name)
{
    const QRegularExpression re(QStringLiteral("name=\"%1\" value=\"([^\"]*)\"").arg(QLatin1String(name)));
    return re.match(QString::fromUtf8(html)).captured(1);
}

// A browser with cookies that does not follow redirects.
struct Browser
{
    QNetworkAccessManager nam;
    struct Page
    {
        int status = 0;
        QByteArray body;
        QUrl location;
    };

    Page send(const QUrl &url, const QByteArray &form = {})
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(30000);
        QNetworkReply *reply = form.isNull() ? nam.get(request)
                                             : (request.setHeader(QNetworkRequest::ContentTypeHeader,
                                                                  QStringLiteral("application/x-www-form-urlencoded")),
                                                nam.post(request, form));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Page p;
        p.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        p.body = reply->readAll();
        p.location = QUrl::fromEncoded(reply->rawHeader("Location"));
        reply->deleteLater();
        return p;
    }
};

// RFC 4648 base32, as an authenticator app reads the key.
QByteArray base32Decode(const QString &text)
{
    QByteArray out;
    quint64 buffer = 0;
    int bits = 0;
    for (QChar ch : text) {
        const char c = char(ch.unicode());
        buffer = (buffer << 5) | quint64(c >= 'A' && c <= 'Z' ? c - 'A' : c - '2' + 26);
        bits += 5;
        if (bits >= 8) {
            out.append(char((buffer >> (bits - 8)) & 0xFF));
            bits -= 8;
        }
    }
    return out;
}

QByteArray form(const QList<std::pair<QString, QString>> &fields)
{
    QUrlQuery q;
    for (const auto &f : fields)
        q.addQueryItem(f.first, QString::fromLatin1(QUrl::toPercentEncoding(f.second)));
    return q.query(QUrl::FullyEncoded).toLatin1();
}
} // namespace

class TestMfa : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QByteArray m_secret; // of mia@example.com, from the otpauth URI

    int cli(const QStringList &args, QByteArray *out = nullptr, const QByteArray &stdinData = {})
    {
        QProcess p;
        p.start(TestServer::binary(), QStringList(args) << QStringLiteral("--database") << m_server.databaseUrl());
        p.write(stdinData);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000))
            return -1;
        if (out)
            *out = p.readAllStandardOutput();
        return p.exitCode();
    }

    // Starts a sign-in and submits email and password; returns the page that follows.
    Browser::Page signIn(Browser &browser, const QString &email, QString *requestId, QString *csrf)
    {
        const QByteArray challenge = b64url(QCryptographicHash::hash(QByteArray(43, 'v'), QCryptographicHash::Sha256));
        QUrl url = m_server.url(QStringLiteral("/oauth/authorize"));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
        q.addQueryItem(QStringLiteral("client_id"), QStringLiteral("keyward-desktop"));
        q.addQueryItem(QStringLiteral("redirect_uri"), QString::fromLatin1(QUrl::toPercentEncoding(Redirect)));
        q.addQueryItem(QStringLiteral("state"), QStringLiteral("st"));
        q.addQueryItem(QStringLiteral("code_challenge"), QString::fromLatin1(challenge));
        q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
        url.setQuery(q);
        const auto login = browser.send(url);
        *requestId = hidden(login.body, "request_id");
        *csrf = hidden(login.body, "csrf_token");
        return browser.send(m_server.url(QStringLiteral("/oauth/authorize")),
                            form({{QStringLiteral("request_id"), *requestId}, {QStringLiteral("csrf_token"), *csrf},
                                  {QStringLiteral("email"), email}, {QStringLiteral("password"), Password},
                                  {QStringLiteral("action"), QStringLiteral("login")}}));
    }

    Browser::Page submitCode(Browser &browser, const QString &requestId, const QString &csrf, const QString &code)
    {
        return browser.send(m_server.url(QStringLiteral("/oauth/authorize")),
                            form({{QStringLiteral("request_id"), requestId}, {QStringLiteral("csrf_token"), csrf},
                                  {QStringLiteral("code"), code}, {QStringLiteral("action"), QStringLiteral("verify")}}));
    }

    static QString nextUnusedCode(const QByteArray &secret)
    {
        // The code of the next 30-second step: valid now (one step of drift) and not used before.
        return Totp::codeAt(secret, QDateTime::currentSecsSinceEpoch() + Totp::StepSeconds);
    }

private Q_SLOTS:
    void totpMatchesRfc6238()
    {
        // RFC 6238 appendix B, SHA-1 seed, truncated to six digits.
        const QByteArray seed("12345678901234567890");
        QCOMPARE(Totp::codeAt(seed, 59), QStringLiteral("287082"));
        QCOMPARE(Totp::codeAt(seed, 1111111109), QStringLiteral("081804"));
        QCOMPARE(Totp::codeAt(seed, 1234567890), QStringLiteral("005924"));
        QVERIFY(Totp::verify(seed, QStringLiteral("287082"), 59, 0).has_value());
        QVERIFY(Totp::verify(seed, QStringLiteral("287082"), 59 + 30, 0).has_value());  // one step late
        QVERIFY(!Totp::verify(seed, QStringLiteral("287082"), 59 + 90, 0).has_value()); // too late
        const auto step = Totp::verify(seed, QStringLiteral("287 082"), 59, 0);
        QVERIFY(step);
        QVERIFY(!Totp::verify(seed, QStringLiteral("287082"), 59, *step).has_value()); // used once already
        QVERIFY(!Totp::verify(seed, QStringLiteral("28708x"), 59, 0).has_value());
        QCOMPARE(Totp::base32(QByteArray("12345678901234567890")), QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        QVERIFY(Totp::qrSvg(QStringLiteral("otpauth://totp/x")).startsWith(QLatin1String("<svg")));
        QVERIFY(Totp::qrTerminal(QStringLiteral("otpauth://totp/x")).count(QLatin1Char('\n')) > 10);
    }

    void initTestCase()
    {
        QVERIFY(m_server.start({}, {{QStringLiteral("denied_audit_per_minute_per_ip"), 100000}}));
        QByteArray out;
        QCOMPARE(cli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--email"), QStringLiteral("mia@example.com"),
                      QStringLiteral("--name"), QStringLiteral("Mia"), QStringLiteral("--role"), QStringLiteral("admin"),
                      QStringLiteral("--password-stdin"), QStringLiteral("--mfa")},
                     &out, Password.toUtf8() + '\n'),
                 0);
        const QString text = QString::fromUtf8(out);
        const QRegularExpression uri(QStringLiteral("^otpauth://totp/[^?]+\\?secret=([A-Z2-7]+)&.*digits=6&period=30$"),
                                     QRegularExpression::MultilineOption);
        const auto m = uri.match(text);
        QVERIFY2(m.hasMatch(), qPrintable(text.left(400)));
        m_secret = base32Decode(m.captured(1));
        QCOMPARE(m_secret.size(), 20);
        QVERIFY(text.contains(QChar(0x2588))); // the QR code for the terminal
        QCOMPARE(cli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--email"), QStringLiteral("noah@example.com"),
                      QStringLiteral("--name"), QStringLiteral("Noah"), QStringLiteral("--role"), QStringLiteral("viewer"),
                      QStringLiteral("--password-stdin")},
                     nullptr, Password.toUtf8() + '\n'),
                 0);
    }

    void passwordAloneIsNotEnoughWithMfa()
    {
        Browser browser;
        QString requestId, csrf;
        const auto page = signIn(browser, QStringLiteral("mia@example.com"), &requestId, &csrf);
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("id=\"mfa-form\""));
        QVERIFY(page.body.contains("name=\"code\""));
        QVERIFY(page.location.isEmpty());

        const auto wrong = submitCode(browser, requestId, csrf, QStringLiteral("000000"));
        QCOMPARE(wrong.status, 401);
        QVERIFY(wrong.body.contains("id=\"error\""));

        const QString code = nextUnusedCode(m_secret);
        const auto ok = submitCode(browser, requestId, csrf, code);
        QCOMPARE(ok.status, 302);
        QVERIFY(QUrlQuery(ok.location).hasQueryItem(QStringLiteral("code")));

        // The same code cannot sign in a second time.
        Browser other;
        QString requestId2, csrf2;
        QCOMPARE(signIn(other, QStringLiteral("mia@example.com"), &requestId2, &csrf2).status, 200);
        const auto reused = submitCode(other, requestId2, csrf2, code);
        QCOMPARE(reused.status, 401);
        QVERIFY(reused.body.contains("already used"));
    }

    void codeFormNeedsTheCsrfToken()
    {
        Browser browser;
        QString requestId, csrf;
        QCOMPARE(signIn(browser, QStringLiteral("mia@example.com"), &requestId, &csrf).status, 200);
        const auto forged = submitCode(browser, requestId, QStringLiteral("forged"), nextUnusedCode(m_secret));
        QCOMPARE(forged.status, 400);
        QVERIFY(forged.body.contains("id=\"error\""));
    }

    void requiredMfaEnrolsOnTheNextSignIn()
    {
        QByteArray out;
        QCOMPARE(cli({QStringLiteral("org"), QStringLiteral("set"), QStringLiteral("--require-mfa")}, &out), 0);
        QVERIFY(out.contains("MFA required"));
        Browser browser;
        QString requestId, csrf;
        const auto enrol = signIn(browser, QStringLiteral("noah@example.com"), &requestId, &csrf);
        QCOMPARE(enrol.status, 200);
        QVERIFY(enrol.body.contains("id=\"mfa-form\""));
        QVERIFY(enrol.body.contains("<svg"));
        const QRegularExpression keyRe(QStringLiteral("<code>([A-Z2-7 ]+)</code>")); // shown in groups of four
        const QString key = keyRe.match(QString::fromUtf8(enrol.body)).captured(1).remove(QLatin1Char(' '));
        QCOMPARE(key.size(), 32);
        const QByteArray secret = base32Decode(key);
        const auto done = submitCode(browser, requestId, csrf, Totp::codeAt(secret, QDateTime::currentSecsSinceEpoch()));
        QCOMPARE(done.status, 302);
        QVERIFY(QUrlQuery(done.location).hasQueryItem(QStringLiteral("code")));
        // Enrolled now: the next sign-in asks for a code, not for enrolment.
        Browser again;
        const auto next = signIn(again, QStringLiteral("noah@example.com"), &requestId, &csrf);
        QVERIFY(next.body.contains("id=\"mfa-form\""));
        QVERIFY(!next.body.contains("<svg"));
        QByteArray list;
        QCOMPARE(cli({QStringLiteral("user"), QStringLiteral("list")}, &list), 0);
        QVERIFY(list.contains("noah@example.com"));
        QCOMPARE(cli({QStringLiteral("org"), QStringLiteral("set"), QStringLiteral("--no-require-mfa")}), 0);
    }

    void resetMfaRemovesTheSecondStep()
    {
        QCOMPARE(cli({QStringLiteral("user"), QStringLiteral("reset-mfa"), QStringLiteral("--email"), QStringLiteral("mia@example.com")}), 0);
        Browser browser;
        QString requestId, csrf;
        const auto page = signIn(browser, QStringLiteral("mia@example.com"), &requestId, &csrf);
        QCOMPARE(page.status, 302);
    }
};

QTEST_GUILESS_MAIN(TestMfa)
#include "tst_mfa.moc"

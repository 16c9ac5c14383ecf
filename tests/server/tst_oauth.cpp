// SPDX-License-Identifier: GPL-3.0-or-later
// The OAuth 2.0 authorization server, end to end against the real binary: discovery metadata,
// the browser side of the authorization-code flow (hardened login page, CSRF, throttling,
// cancel), the native client's side (PKCE S256, loopback redirect URI, RFC 9207 iss), the token
// endpoint (code exchange, refresh rotation with reuse detection), revocation (sign-out) and the
// audit trail. A small Browser plays the user agent: it keeps cookies, never follows redirects
// and reads forms out of the HTML; the tests play the desktop app that owns the redirect URI.
#include "TestServer.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

#include <memory>

namespace {

const QString kIssuer = QStringLiteral("https://keys.example.test");
const QString kClientId = QStringLiteral("keyward-desktop");
const QString kPassword = QStringLiteral("correct horse battery staple");

using Params = QList<QPair<QString, QString>>;

QByteArray b64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray fromB64url(const QByteArray &data)
{
    return QByteArray::fromBase64(data, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// application/x-www-form-urlencoded, every reserved character percent-encoded.
QByteArray formEncode(const Params &params)
{
    QByteArray out;
    for (const auto &p : params) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(p.first) + '=' + QUrl::toPercentEncoding(p.second);
    }
    return out;
}

// Decodes a query string the way a form parser does ('+' is a space), as RFC 6749 appendix B says.
QMap<QString, QString> formDecode(const QByteArray &query)
{
    QMap<QString, QString> out;
    for (const QByteArray &part : query.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        QByteArray key = eq < 0 ? part : part.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        out.insert(QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value));
    }
    return out;
}

void setParam(Params &params, const QString &name, const QString &value)
{
    for (auto &p : params) {
        if (p.first == name) {
            p.second = value;
            return;
        }
    }
    params.append({name, value});
}

void dropParam(Params &params, const QString &name)
{
    params.removeIf([&](const QPair<QString, QString> &p) { return p.first == name; });
}

QString htmlUnescape(QString s)
{
    s.replace(QLatin1String("&quot;"), QLatin1String("\""));
    s.replace(QLatin1String("&#34;"), QLatin1String("\""));
    s.replace(QLatin1String("&#39;"), QLatin1String("'"));
    s.replace(QLatin1String("&#x27;"), QLatin1String("'"));
    s.replace(QLatin1String("&apos;"), QLatin1String("'"));
    s.replace(QLatin1String("&lt;"), QLatin1String("<"));
    s.replace(QLatin1String("&gt;"), QLatin1String(">"));
    s.replace(QLatin1String("&#x2F;"), QLatin1String("/"));
    s.replace(QLatin1String("&#x3D;"), QLatin1String("="));
    s.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return s;
}

// The attributes of one start tag, names lower-cased, values unescaped.
QMap<QString, QString> tagAttributes(const QString &tag)
{
    static const QRegularExpression re(QStringLiteral(
        "([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?"));
    QMap<QString, QString> out;
    // Skip "<tagname".
    const qsizetype start = tag.indexOf(QRegularExpression(QStringLiteral("\\s")));
    if (start < 0)
        return out;
    auto it = re.globalMatch(tag.mid(start, tag.size() - start - 1));
    while (it.hasNext()) {
        const auto m = it.next();
        const QString value = m.hasCaptured(2) ? m.captured(2) : m.hasCaptured(3) ? m.captured(3) : m.captured(4);
        out.insert(m.captured(1).toLower(), htmlUnescape(value));
    }
    return out;
}

bool hasErrorElement(const QByteArray &html)
{
    static const QRegularExpression re(QStringLiteral("<[a-zA-Z][^>]*\\sid\\s*=\\s*[\"']?error[\"'\\s/>]"));
    return re.match(QString::fromUtf8(html)).hasMatch();
}

struct Control
{
    QString tag; // "input" or "button"
    QMap<QString, QString> attrs;
    QString name() const { return attrs.value(QStringLiteral("name")); }
    QString type() const
    {
        const QString t = attrs.value(QStringLiteral("type")).toLower();
        if (t.isEmpty())
            return tag == QLatin1String("button") ? QStringLiteral("submit") : QStringLiteral("text");
        return t;
    }
};

// The sign-in form of the authorize page.
struct LoginForm
{
    bool found = false;
    QMap<QString, QString> formAttrs;
    QList<Control> controls;

    static LoginForm parse(const QByteArray &html)
    {
        LoginForm f;
        const QString text = QString::fromUtf8(html);
        static const QRegularExpression formRe(QStringLiteral("<form\\b[^>]*>"), QRegularExpression::CaseInsensitiveOption);
        auto forms = formRe.globalMatch(text);
        while (forms.hasNext()) {
            const auto m = forms.next();
            const auto attrs = tagAttributes(m.captured(0));
            if (attrs.value(QStringLiteral("id")) != QLatin1String("login-form"))
                continue;
            f.found = true;
            f.formAttrs = attrs;
            qsizetype end = text.indexOf(QLatin1String("</form"), m.capturedEnd(0), Qt::CaseInsensitive);
            if (end < 0)
                end = text.size();
            const QString inner = text.mid(m.capturedEnd(0), end - m.capturedEnd(0));
            static const QRegularExpression controlRe(QStringLiteral("<(input|button)\\b[^>]*>"),
                                                      QRegularExpression::CaseInsensitiveOption);
            auto controls = controlRe.globalMatch(inner);
            while (controls.hasNext()) {
                const auto c = controls.next();
                f.controls.append({c.captured(1).toLower(), tagAttributes(c.captured(0))});
            }
            break;
        }
        return f;
    }

    const Control *find(const QString &name, const QString &value = {}) const
    {
        for (const Control &c : controls) {
            if (c.name() == name && (value.isNull() || c.attrs.value(QStringLiteral("value")) == value))
                return &c;
        }
        return nullptr;
    }
    QString hidden(const QString &name) const
    {
        const Control *c = find(name);
        return c && c->type() == QLatin1String("hidden") ? c->attrs.value(QStringLiteral("value")) : QString();
    }
};

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;

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
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    bool isHtml() const { return header("Content-Type").toLower().startsWith("text/html"); }
    bool isJson() const { return header("Content-Type").toLower().startsWith("application/json"); }
    // The Location target without its query, and its query parameters form-decoded.
    QString locationBase() const
    {
        const QByteArray loc = header("Location");
        const qsizetype q = loc.indexOf('?');
        return QString::fromUtf8(q < 0 ? loc : loc.left(q));
    }
    QMap<QString, QString> locationQuery() const
    {
        QByteArray loc = header("Location");
        const qsizetype hash = loc.indexOf('#');
        if (hash >= 0)
            loc.truncate(hash);
        const qsizetype q = loc.indexOf('?');
        return q < 0 ? QMap<QString, QString>() : formDecode(loc.mid(q + 1));
    }
    QString describe() const
    {
        QString s = QStringLiteral("HTTP %1").arg(status);
        if (!networkError.isEmpty())
            s += QStringLiteral(" (network error: %1)").arg(networkError);
        if (hasHeader("Content-Type"))
            s += QStringLiteral(", Content-Type: ") + QString::fromUtf8(header("Content-Type"));
        if (hasHeader("Location"))
            s += QStringLiteral(", Location: ") + QString::fromUtf8(header("Location"));
        QString b = QString::fromUtf8(body.left(400)).simplified();
        if (body.size() > 400)
            b += QStringLiteral(" …");
        return s + QStringLiteral(", body: ") + b;
    }
};

// Browsers treat loopback as a secure context, so a Secure (or __Host-) cookie set by the
// server, which in production sits behind https, still round-trips on http://127.0.0.1.
class LoopbackCookieJar : public QNetworkCookieJar
{
public:
    using QNetworkCookieJar::QNetworkCookieJar;
    QList<QNetworkCookie> cookiesForUrl(const QUrl &url) const override { return QNetworkCookieJar::cookiesForUrl(secured(url)); }
    bool setCookiesFromUrl(const QList<QNetworkCookie> &cookies, const QUrl &url) override
    {
        return QNetworkCookieJar::setCookiesFromUrl(cookies, secured(url));
    }
    int count() const { return int(allCookies().size()); }

private:
    static QUrl secured(QUrl url)
    {
        if (url.scheme() == QLatin1String("http") && QHostAddress(url.host()).isLoopback())
            url.setScheme(QStringLiteral("https"));
        return url;
    }
};

// The user agent: one cookie jar for its lifetime, redirects are reported and never followed.
class Browser
{
public:
    explicit Browser(TestServer &server)
        : m_server(server)
    {
        m_nam.setProxy(QNetworkProxy::NoProxy);
        dropCookies();
    }

    void dropCookies()
    {
        m_jar = new LoopbackCookieJar;
        m_nam.setCookieJar(m_jar); // deletes the previous jar, which it owns
    }
    int cookieCount() const { return m_jar->count(); }
    // The Cookie header this browser would send to the server.
    QByteArray cookieHeader(const QString &path) const
    {
        QByteArray out;
        const QUrl url(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.port()).arg(path));
        for (const QNetworkCookie &c : m_jar->cookiesForUrl(url))
            out += (out.isEmpty() ? QByteArray() : QByteArray("; ")) + c.toRawForm(QNetworkCookie::NameAndValueOnly);
        return out;
    }

    HttpResponse send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                      const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        const QUrl url = QUrl::fromEncoded(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()).toLatin1()
                                           + pathAndQuery.toLatin1());
        QNetworkRequest request(url);
        request.setTransferTimeout(30000);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        for (const auto &h : headers)
            request.setRawHeader(h.first, h.second);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        HttpResponse r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        for (const auto &pair : reply->rawHeaderPairs())
            r.headers.append(pair);
        if (r.status == 0)
            r.networkError = reply->errorString();
        reply->deleteLater();
        return r;
    }

    HttpResponse get(const QString &pathAndQuery, const QString &bearer = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!bearer.isEmpty())
            headers.append({"Authorization", "Bearer " + bearer.toLatin1()});
        return send("GET", pathAndQuery, {}, headers);
    }

    HttpResponse postForm(const QString &path, const Params &fields)
    {
        return send("POST", path, formEncode(fields), {{"Content-Type", "application/x-www-form-urlencoded"}});
    }

private:
    TestServer &m_server;
    QNetworkAccessManager m_nam;
    LoopbackCookieJar *m_jar = nullptr;
};

// RFC 7636: 32 random bytes as the verifier, its SHA-256 as the challenge.
struct Pkce
{
    QString verifier;
    QString challenge;

    static Pkce make()
    {
        quint32 words[8];
        QRandomGenerator::system()->fillRange(words);
        const QByteArray raw(reinterpret_cast<const char *>(words), sizeof(words));
        Pkce p;
        const QByteArray v = b64url(raw);
        p.verifier = QString::fromLatin1(v);
        p.challenge = QString::fromLatin1(b64url(QCryptographicHash::hash(v, QCryptographicHash::Sha256)));
        return p;
    }
};

struct Tokens
{
    QString access;
    QString refresh;
    QJsonObject json;
};

QString randomState()
{
    return QStringLiteral("st-") + QString::number(QRandomGenerator::system()->generate64(), 36);
}

} // namespace

class TestOAuth : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QTcpServer m_callback; // the desktop app's loopback listener; only its port matters here
    QString m_redirect;
    QString m_auditKey;
    const QJsonObject m_config {{QStringLiteral("denied_audit_per_minute_per_ip"), 100000},
                                {QStringLiteral("access_token_lifetime_s"), 600}};

    static bool addUser(TestServer &server, const QString &email, const QString &role)
    {
        QProcess p;
        p.start(TestServer::binary(), {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--database"),
                                       server.databaseUrl(), QStringLiteral("--email"), email, QStringLiteral("--name"),
                                       email.section(QLatin1Char('@'), 0, 0), QStringLiteral("--role"), role,
                                       QStringLiteral("--password-stdin")});
        p.write(kPassword.toUtf8() + '\n');
        p.closeWriteChannel();
        return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    Params authorizeParams(const Pkce &pkce, const QString &state, const QString &redirect = {}) const
    {
        return {{QStringLiteral("response_type"), QStringLiteral("code")},
                {QStringLiteral("client_id"), kClientId},
                {QStringLiteral("redirect_uri"), redirect.isEmpty() ? m_redirect : redirect},
                {QStringLiteral("state"), state},
                {QStringLiteral("code_challenge"), pkce.challenge},
                {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
                {QStringLiteral("scope"), QStringLiteral("keys")}};
    }

    static HttpResponse openAuthorize(Browser &browser, const Params &params)
    {
        return browser.get(QStringLiteral("/oauth/authorize?") + QString::fromLatin1(formEncode(params)));
    }

    // Submits the login form as a browser would: every hidden field, the credentials, the button.
    static HttpResponse submit(Browser &browser, const LoginForm &form, const QString &email, const QString &password,
                               const QString &action = QStringLiteral("login"))
    {
        Params fields;
        for (const Control &c : form.controls) {
            if (c.type() == QLatin1String("hidden") && !c.name().isEmpty())
                fields.append({c.name(), c.attrs.value(QStringLiteral("value"))});
        }
        fields.append({QStringLiteral("email"), email});
        fields.append({QStringLiteral("password"), password});
        fields.append({QStringLiteral("action"), action});
        return browser.postForm(QStringLiteral("/oauth/authorize"), fields);
    }

    // Opens the authorize page and returns its login form (found == false and *why set on failure).
    LoginForm loginPage(Browser &browser, const Params &params, QString *why)
    {
        const HttpResponse page = openAuthorize(browser, params);
        if (page.status != 200) {
            *why = QStringLiteral("GET /oauth/authorize: expected 200 with the login form, got ") + page.describe();
            return {};
        }
        LoginForm form = LoginForm::parse(page.body);
        if (!form.found)
            *why = QStringLiteral("GET /oauth/authorize: no <form id=\"login-form\"> in ") + page.describe();
        else if (form.hidden(QStringLiteral("request_id")).isEmpty() || form.hidden(QStringLiteral("csrf_token")).isEmpty())
            *why = QStringLiteral("GET /oauth/authorize: hidden request_id/csrf_token missing in ") + page.describe();
        return form;
    }

    // Checks a redirect back to the client: 302 to exactly `redirect`, with state and iss.
    static bool isRedirectBack(const HttpResponse &r, const QString &redirect, const QString &state, QString *why)
    {
        if (r.status != 302 && r.status != 303) {
            *why = QStringLiteral("expected a 302 redirect to %1, got %2").arg(redirect, r.describe());
            return false;
        }
        if (r.locationBase() != redirect) {
            *why = QStringLiteral("redirect target should be exactly %1: %2").arg(redirect, r.describe());
            return false;
        }
        const auto q = r.locationQuery();
        if (q.value(QStringLiteral("state")) != state) {
            *why = QStringLiteral("state should round-trip as \"%1\", got \"%2\" (%3)")
                       .arg(state, q.value(QStringLiteral("state")), r.describe());
            return false;
        }
        if (q.value(QStringLiteral("iss")) != kIssuer) {
            *why = QStringLiteral("iss should be %1 (RFC 9207): %2").arg(kIssuer, r.describe());
            return false;
        }
        return true;
    }

    // Authorization request + sign-in; returns the code from the redirect.
    bool signIn(Browser &browser, const QString &email, const QString &password, const Pkce &pkce, const QString &state,
                QString *code, QString *why, const QString &redirect = {})
    {
        const QString target = redirect.isEmpty() ? m_redirect : redirect;
        const LoginForm form = loginPage(browser, authorizeParams(pkce, state, target), why);
        if (!why->isEmpty())
            return false;
        const HttpResponse r = submit(browser, form, email, password);
        if (!isRedirectBack(r, target, state, why)) {
            why->prepend(QStringLiteral("POST /oauth/authorize as %1: ").arg(email));
            return false;
        }
        *code = r.locationQuery().value(QStringLiteral("code"));
        if (code->isEmpty()) {
            *why = QStringLiteral("POST /oauth/authorize: no code in ") + r.describe();
            return false;
        }
        return true;
    }

    static HttpResponse exchangeCode(Browser &browser, const QString &code, const QString &redirect, const QString &verifier,
                                     const QString &clientId = kClientId)
    {
        return browser.postForm(QStringLiteral("/oauth/token"),
                                {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                 {QStringLiteral("code"), code},
                                 {QStringLiteral("redirect_uri"), redirect},
                                 {QStringLiteral("client_id"), clientId},
                                 {QStringLiteral("code_verifier"), verifier}});
    }

    static HttpResponse refresh(Browser &browser, const QString &refreshToken)
    {
        return browser.postForm(QStringLiteral("/oauth/token"), {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                                                 {QStringLiteral("refresh_token"), refreshToken},
                                                                 {QStringLiteral("client_id"), kClientId}});
    }

    static HttpResponse revoke(Browser &browser, const QString &token)
    {
        return browser.postForm(QStringLiteral("/oauth/revoke"),
                                {{QStringLiteral("token"), token}, {QStringLiteral("client_id"), kClientId}});
    }

    static int meStatus(Browser &browser, const QString &accessToken)
    {
        return browser.get(QStringLiteral("/me"), accessToken).status;
    }

    // A successful token response (code exchange or refresh), per RFC 6749 section 5.1.
    static bool isTokenResponse(const HttpResponse &r, Tokens *out, QString *why)
    {
        const QJsonObject j = r.json();
        if (r.status != 200)
            *why = QStringLiteral("expected 200 from /oauth/token, got ") + r.describe();
        else if (!r.header("Cache-Control").contains("no-store"))
            *why = QStringLiteral("token response needs Cache-Control: no-store: ") + r.describe();
        else if (j.value(QStringLiteral("access_token")).toString().split(QLatin1Char('.')).size() != 3)
            *why = QStringLiteral("access_token should be a JWT: ") + r.describe();
        else if (j.value(QStringLiteral("token_type")).toString() != QLatin1String("Bearer"))
            *why = QStringLiteral("token_type should be Bearer: ") + r.describe();
        else if (j.value(QStringLiteral("expires_in")).toInt() < 590 || j.value(QStringLiteral("expires_in")).toInt() > 600)
            *why = QStringLiteral("expires_in should be about 600 (access_token_lifetime_s): ") + r.describe();
        else if (j.value(QStringLiteral("refresh_token")).toString().isEmpty())
            *why = QStringLiteral("refresh_token missing: ") + r.describe();
        else if (!j.value(QStringLiteral("scope")).toString().split(QLatin1Char(' ')).contains(QStringLiteral("keys")))
            *why = QStringLiteral("scope should be \"keys\": ") + r.describe();
        if (!why->isEmpty())
            return false;
        out->access = j.value(QStringLiteral("access_token")).toString();
        out->refresh = j.value(QStringLiteral("refresh_token")).toString();
        out->json = j;
        return true;
    }

    // An RFC 6749 section 5.2 error: 400 (401 allowed for invalid_client) JSON with error and error_description.
    static bool isOAuthError(const HttpResponse &r, const QStringList &errors, QString *why)
    {
        const QString error = r.json().value(QStringLiteral("error")).toString();
        const bool statusOk = r.status == 400 || (r.status == 401 && error == QLatin1String("invalid_client"));
        if (!statusOk || !errors.contains(error) || !r.isJson()
            || !r.json().value(QStringLiteral("error_description")).isString()) {
            *why = QStringLiteral("expected 400 JSON {\"error\": \"%1\", \"error_description\": …}, got %2")
                       .arg(errors.join(QLatin1String("\" or \"")), r.describe());
            return false;
        }
        return true;
    }

    // The whole flow for one sign-in: authorize, log in, exchange the code.
    bool obtainTokens(Browser &browser, const QString &email, Tokens *out, QString *why)
    {
        const Pkce pkce = Pkce::make();
        QString code;
        if (!signIn(browser, email, kPassword, pkce, randomState(), &code, why))
            return false;
        if (!isTokenResponse(exchangeCode(browser, code, m_redirect, pkce.verifier), out, why)) {
            why->prepend(QStringLiteral("code exchange: "));
            return false;
        }
        return true;
    }

    bool hasAuditEvent(const QString &action, const QString &email, const QString &actorType = {})
    {
        const auto r = m_server.get(QStringLiteral("/audit-events?limit=100&action=") + action, m_auditKey);
        if (r.status != 200) {
            qWarning("GET /audit-events?action=%s: HTTP %d %s", qPrintable(action), r.status, r.body.constData());
            return false;
        }
        for (const QJsonValue &v : r.json().value(QStringLiteral("data")).toArray()) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("action")).toString() != action)
                continue;
            if (!QJsonDocument(e).toJson().contains(email.toUtf8()))
                continue;
            if (!actorType.isEmpty() && e.value(QStringLiteral("actor")).toObject().value(QStringLiteral("type")).toString() != actorType)
                continue;
            return true;
        }
        return false;
    }

    QString auditDump(const QString &action)
    {
        return QString::fromUtf8(m_server.get(QStringLiteral("/audit-events?limit=20&action=") + action, m_auditKey).body);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start({QStringLiteral("--issuer"), kIssuer}, m_config),
                 qPrintable(QStringLiteral("could not start %1 (set KEYWARD_SERVER_BINARY): %2")
                                .arg(TestServer::binary(), QString::fromUtf8(m_server.output()))));
        QVERIFY(m_callback.listen(QHostAddress::LocalHost, 0));
        m_redirect = QStringLiteral("http://127.0.0.1:%1/callback").arg(m_callback.serverPort());
        const std::pair<const char *, const char *> users[] = {
            {"ada@example.com", "admin"},        {"bob@example.com", "developer"},   {"cy@example.com", "viewer"},
            {"dee@example.com", "developer"},    {"eve@example.com", "viewer"},      {"fay@example.com", "developer"},
            {"wrongpw@example.com", "viewer"},
            {"disabled@example.com", "viewer"},  {"auditee@example.com", "developer"}, {"replay@example.com", "viewer"},
            {"ipv6@example.com", "viewer"},      {"tamper@example.com", "viewer"},
        };
        for (const auto &[email, role] : users)
            QVERIFY2(addUser(m_server, QLatin1String(email), QLatin1String(role)), email);
        QCOMPARE(TestServer::run({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("--email"),
                                  QStringLiteral("disabled@example.com"), QStringLiteral("--database"), m_server.databaseUrl()}),
                 0);
        m_auditKey = m_server.createKey(QStringLiteral("audit_log:read"));
        QVERIFY(!m_auditKey.isEmpty());
    }

    void discovery_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("oauth-authorization-server") << QStringLiteral("/.well-known/oauth-authorization-server");
        QTest::newRow("openid-configuration") << QStringLiteral("/.well-known/openid-configuration");
    }
    void discovery()
    {
        QFETCH(QString, path);
        Browser browser(m_server);
        const HttpResponse r = browser.get(path);
        QVERIFY2(r.status == 200 && r.isJson(), qPrintable(r.describe()));
        const QJsonObject m = r.json();
        QCOMPARE(m.value(QStringLiteral("issuer")).toString(), kIssuer);
        QCOMPARE(m.value(QStringLiteral("authorization_endpoint")).toString(), kIssuer + QStringLiteral("/oauth/authorize"));
        QCOMPARE(m.value(QStringLiteral("token_endpoint")).toString(), kIssuer + QStringLiteral("/oauth/token"));
        QCOMPARE(m.value(QStringLiteral("revocation_endpoint")).toString(), kIssuer + QStringLiteral("/oauth/revoke"));
        QCOMPARE(m.value(QStringLiteral("jwks_uri")).toString(), kIssuer + QStringLiteral("/.well-known/jwks.json"));
        QCOMPARE(m.value(QStringLiteral("response_types_supported")).toArray(), QJsonArray {QStringLiteral("code")});
        const QJsonArray grants = m.value(QStringLiteral("grant_types_supported")).toArray();
        QVERIFY2(grants.contains(QStringLiteral("authorization_code")), qPrintable(r.describe()));
        QVERIFY2(grants.contains(QStringLiteral("refresh_token")), qPrintable(r.describe()));
        QCOMPARE(m.value(QStringLiteral("code_challenge_methods_supported")).toArray(), QJsonArray {QStringLiteral("S256")});
        QVERIFY2(m.value(QStringLiteral("token_endpoint_auth_methods_supported")).toArray().contains(QStringLiteral("none")),
                 qPrintable(r.describe()));
        QCOMPARE(m.value(QStringLiteral("authorization_response_iss_parameter_supported")), QJsonValue(true));
        // The advertised key set is served here too (only the path: the issuer's host is not ours).
        const HttpResponse jwks = browser.get(QUrl(m.value(QStringLiteral("jwks_uri")).toString()).path());
        QVERIFY2(jwks.status == 200 && !jwks.json().value(QStringLiteral("keys")).toArray().isEmpty(), qPrintable(jwks.describe()));
    }

    void authorizePageIsAHardenedLoginForm()
    {
        Browser browser(m_server);
        const HttpResponse r = openAuthorize(browser, authorizeParams(Pkce::make(), randomState()));
        QVERIFY2(r.status == 200 && r.isHtml(), qPrintable(r.describe()));
        QVERIFY2(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"),
                 r.header("Content-Security-Policy").constData());
        QCOMPARE(r.header("X-Frame-Options").toUpper(), QByteArray("DENY"));
        QVERIFY2(r.header("Cache-Control").contains("no-store"), r.header("Cache-Control").constData());
        QVERIFY2(r.hasHeader("Set-Cookie"), "the CSRF cookie is missing");
        QVERIFY2(browser.cookieCount() > 0, r.header("Set-Cookie").constData());
        const LoginForm form = LoginForm::parse(r.body);
        QVERIFY2(form.found, qPrintable(r.describe()));
        QCOMPARE(form.formAttrs.value(QStringLiteral("method")).toLower(), QStringLiteral("post"));
        const QString action = form.formAttrs.value(QStringLiteral("action"));
        QVERIFY2(action.isEmpty() || QUrl(action).path().endsWith(QLatin1String("/oauth/authorize")), qPrintable(action));
        QVERIFY2(!form.hidden(QStringLiteral("request_id")).isEmpty(), qPrintable(r.describe()));
        QVERIFY2(!form.hidden(QStringLiteral("csrf_token")).isEmpty(), qPrintable(r.describe()));
        const Control *email = form.find(QStringLiteral("email"));
        QVERIFY2(email && email->tag == QLatin1String("input")
                     && (email->type() == QLatin1String("email") || email->type() == QLatin1String("text")),
                 "no text/email input named email");
        const Control *password = form.find(QStringLiteral("password"));
        QVERIFY2(password && password->tag == QLatin1String("input") && password->type() == QLatin1String("password"),
                 "no password input named password");
        const Control *login = form.find(QStringLiteral("action"), QStringLiteral("login"));
        QVERIFY2(login && login->type() == QLatin1String("submit"), "no submit button action=login");
        const Control *cancel = form.find(QStringLiteral("action"), QStringLiteral("cancel"));
        QVERIFY2(cancel && cancel->type() == QLatin1String("submit"), "no submit button action=cancel");
        // The password must never be echoed back into the page.
        QVERIFY(!password->attrs.contains(QStringLiteral("value")) || password->attrs.value(QStringLiteral("value")).isEmpty());
    }

    void signInIssuesTokensThatWorkOnMe()
    {
        Browser browser(m_server);
        const Pkce pkce = Pkce::make();
        const QString state = randomState();
        QString code, why;
        QVERIFY2(signIn(browser, QStringLiteral("ada@example.com"), kPassword, pkce, state, &code, &why), qPrintable(why));
        QCOMPARE(meStatus(browser, code), 401); // the code itself is no access token
        Tokens tokens;
        QVERIFY2(isTokenResponse(exchangeCode(browser, code, m_redirect, pkce.verifier), &tokens, &why), qPrintable(why));
        const QJsonObject header = QJsonDocument::fromJson(fromB64url(tokens.access.section(QLatin1Char('.'), 0, 0).toLatin1())).object();
        QVERIFY2(header.contains(QStringLiteral("alg")), qPrintable(tokens.access));
        const HttpResponse me = browser.get(QStringLiteral("/me"), tokens.access);
        QVERIFY2(me.status == 200, qPrintable(me.describe()));
        QCOMPARE(me.json().value(QStringLiteral("type")).toString(), QStringLiteral("user"));
        QCOMPARE(me.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(),
                 QStringLiteral("ada@example.com"));
        QCOMPARE(me.json().value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        // The refresh token is not an access token.
        QCOMPARE(meStatus(browser, tokens.refresh), 401);
    }

    void ipv6LoopbackRedirectIsAccepted()
    {
        Browser browser(m_server);
        const Pkce pkce = Pkce::make();
        const QString state = randomState();
        const QString redirect = QStringLiteral("http://[::1]:%1/cb/path").arg(m_callback.serverPort() == 65535 ? 1 : m_callback.serverPort() + 1);
        QString code, why;
        QVERIFY2(signIn(browser, QStringLiteral("ipv6@example.com"), kPassword, pkce, state, &code, &why, redirect), qPrintable(why));
        Tokens tokens;
        QVERIFY2(isTokenResponse(exchangeCode(browser, code, redirect, pkce.verifier), &tokens, &why), qPrintable(why));
        QCOMPARE(meStatus(browser, tokens.access), 200);
    }

    void stateRoundTripsExactly()
    {
        // RFC 6749 4.1.2: state comes back exactly as sent, however it needs escaping.
        Browser browser(m_server);
        const QString state = QStringLiteral("a b+c/d?e&f=g%h~\u00e9");
        QString why;
        const LoginForm form = loginPage(browser, authorizeParams(Pkce::make(), state), &why);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const HttpResponse r = submit(browser, form, QString(), QString(), QStringLiteral("cancel"));
        QVERIFY2(isRedirectBack(r, m_redirect, state, &why), qPrintable(why));
    }

    void refreshRotatesTheRefreshToken()
    {
        Browser browser(m_server);
        Tokens first, second, third;
        QString why;
        QVERIFY2(obtainTokens(browser, QStringLiteral("bob@example.com"), &first, &why), qPrintable(why));
        QVERIFY2(isTokenResponse(refresh(browser, first.refresh), &second, &why), qPrintable(why));
        QVERIFY(second.refresh != first.refresh);
        QVERIFY(second.access != first.access);
        QCOMPARE(meStatus(browser, second.access), 200);
        QCOMPARE(browser.get(QStringLiteral("/me"), second.access).json().value(QStringLiteral("user")).toObject()
                     .value(QStringLiteral("email")).toString(),
                 QStringLiteral("bob@example.com"));
        // The rotated token keeps rotating.
        QVERIFY2(isTokenResponse(refresh(browser, second.refresh), &third, &why), qPrintable(why));
        QVERIFY(third.refresh != second.refresh && third.refresh != first.refresh);
        QCOMPARE(meStatus(browser, third.access), 200);
    }

    void refreshReuseRevokesTheFamily()
    {
        Browser browser(m_server);
        Tokens first, second, other;
        QString why;
        QVERIFY2(obtainTokens(browser, QStringLiteral("cy@example.com"), &first, &why), qPrintable(why));
        QVERIFY2(obtainTokens(browser, QStringLiteral("cy@example.com"), &other, &why), qPrintable(why)); // another sign-in
        QVERIFY2(isTokenResponse(refresh(browser, first.refresh), &second, &why), qPrintable(why));
        QCOMPARE(meStatus(browser, second.access), 200);
        // The old refresh token shows up again: someone copied it.
        QVERIFY2(isOAuthError(refresh(browser, first.refresh), {QStringLiteral("invalid_grant")}, &why), qPrintable(why));
        QVERIFY2(isOAuthError(refresh(browser, second.refresh), {QStringLiteral("invalid_grant")}, &why),
                 qPrintable(QStringLiteral("the newest token of a reused family must be revoked too: ") + why));
        QTRY_COMPARE_WITH_TIMEOUT(meStatus(browser, second.access), 401, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(meStatus(browser, first.access), 401, 2000);
        // Another sign-in of the same user is a different family and lives on.
        QCOMPARE(meStatus(browser, other.access), 200);
        Tokens next;
        QVERIFY2(isTokenResponse(refresh(browser, other.refresh), &next, &why), qPrintable(why));
    }

    void revokeSignsOutAtOnce()
    {
        Browser browser(m_server);
        Tokens tokens, other;
        QString why;
        QVERIFY2(obtainTokens(browser, QStringLiteral("dee@example.com"), &tokens, &why), qPrintable(why));
        QVERIFY2(obtainTokens(browser, QStringLiteral("dee@example.com"), &other, &why), qPrintable(why));
        QCOMPARE(meStatus(browser, tokens.access), 200); // cached by the server now
        const HttpResponse r = revoke(browser, tokens.refresh);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QVERIFY2(isOAuthError(refresh(browser, tokens.refresh), {QStringLiteral("invalid_grant")}, &why), qPrintable(why));
        QTRY_COMPARE_WITH_TIMEOUT(meStatus(browser, tokens.access), 401, 2000);
        // Only that sign-in ended.
        QCOMPARE(meStatus(browser, other.access), 200);
    }

    void revokingAnUnknownTokenIs200()
    {
        Browser browser(m_server);
        const HttpResponse r = revoke(browser, QStringLiteral("not-a-token-we-ever-issued"));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
    }

    void cancelIsAccessDenied()
    {
        Browser browser(m_server);
        const QString state = randomState();
        QString why;
        const LoginForm form = loginPage(browser, authorizeParams(Pkce::make(), state), &why);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const HttpResponse r = submit(browser, form, QString(), QString(), QStringLiteral("cancel"));
        QVERIFY2(isRedirectBack(r, m_redirect, state, &why), qPrintable(why));
        QCOMPARE(r.locationQuery().value(QStringLiteral("error")), QStringLiteral("access_denied"));
        QVERIFY(!r.locationQuery().contains(QStringLiteral("code")));
    }

    // Each row sets up one bad request; `expect` says how it must be turned away:
    //   page      400 HTML error page (id="error"), never a redirect
    //   redirect  302 back to the client with error=<detail>, state and iss
    //   oauth     400 JSON error (RFC 6749 5.2), error one of <detail> ("|"-separated)
    //   login     the login form again (200 or 401) with id="error", no redirect
    //   throttled 429 HTML with id="error"
    //   me        401 from GET /me
    // Mind the address budget: the server also locks a client address out after five failed
    // sign-ins (from any accounts), and everything here comes from 127.0.0.1. The shared server
    // sees four (wrong password, unknown email, disabled user, auditEvents); the throttling
    // scenarios run on servers of their own.
    void rejected_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expect");
        QTest::addColumn<QString>("detail");
        QTest::newRow("wrong code_verifier") << "wrong verifier" << "oauth" << "invalid_grant";
        QTest::newRow("missing code_challenge") << "missing challenge" << "redirect" << "invalid_request";
        QTest::newRow("plain code_challenge_method") << "plain challenge" << "redirect" << "invalid_request";
        QTest::newRow("response_type=token") << "implicit" << "redirect" << "unsupported_response_type";
        QTest::newRow("replayed code") << "replayed code" << "oauth" << "invalid_grant";
        QTest::newRow("redirect https://evil.example/cb") << "redirect" << "page" << "https://evil.example/cb";
        QTest::newRow("redirect http://localhost.evil.com:1/cb") << "redirect" << "page" << "http://localhost.evil.com:1/cb";
        QTest::newRow("redirect http://127.0.0.1.evil.com/cb") << "redirect" << "page" << "http://127.0.0.1.evil.com/cb";
        QTest::newRow("redirect http://127.0.0.1@evil.example/cb") << "redirect" << "page" << "http://127.0.0.1@evil.example/cb";
        QTest::newRow("redirect https://127.0.0.1:4000/cb") << "redirect" << "page" << "https://127.0.0.1:4000/cb";
        QTest::newRow("redirect http://localhost:4000/cb") << "redirect" << "page" << "http://localhost:4000/cb";
        QTest::newRow("redirect http://10.0.0.1:4000/cb") << "redirect" << "page" << "http://10.0.0.1:4000/cb";
        QTest::newRow("unregistered client") << "unregistered client" << "page" << "";
        QTest::newRow("other redirect_uri at token endpoint") << "other redirect at token" << "oauth" << "invalid_grant";
        QTest::newRow("other client at token endpoint") << "other client at token" << "oauth" << "invalid_client|invalid_grant";
        QTest::newRow("missing grant_type") << "missing grant_type" << "oauth" << "invalid_request";
        QTest::newRow("grant_type=password") << "password grant" << "oauth" << "unsupported_grant_type";
        QTest::newRow("CSRF token missing") << "csrf missing" << "page" << "";
        QTest::newRow("CSRF token wrong") << "csrf wrong" << "page" << "";
        QTest::newRow("CSRF cookie missing") << "csrf cookie missing" << "page" << "";
        QTest::newRow("wrong password") << "wrong password" << "login" << "wrongpw@example.com";
        QTest::newRow("unknown email") << "unknown email" << "login" << "nobody@example.com";
        QTest::newRow("disabled user") << "disabled user" << "login" << "disabled@example.com";
        QTest::newRow("throttled sign-in") << "throttled" << "throttled" << "throttled@example.com";
        QTest::newRow("tampered access token") << "tampered token" << "me" << "";
    }
    void rejected()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expect);
        QFETCH(QString, detail);
        Browser browser(m_server);
        const Pkce pkce = Pkce::make();
        const QString state = randomState();
        Params params = authorizeParams(pkce, state);
        QString why, code;
        HttpResponse r;

        if (kind == QLatin1String("wrong verifier")) {
            QVERIFY2(signIn(browser, QStringLiteral("eve@example.com"), kPassword, pkce, state, &code, &why), qPrintable(why));
            r = exchangeCode(browser, code, m_redirect, Pkce::make().verifier);
        } else if (kind == QLatin1String("missing challenge")) {
            dropParam(params, QStringLiteral("code_challenge"));
            dropParam(params, QStringLiteral("code_challenge_method"));
            r = openAuthorize(browser, params);
        } else if (kind == QLatin1String("plain challenge")) {
            setParam(params, QStringLiteral("code_challenge"), pkce.verifier);
            setParam(params, QStringLiteral("code_challenge_method"), QStringLiteral("plain"));
            r = openAuthorize(browser, params);
        } else if (kind == QLatin1String("implicit")) {
            setParam(params, QStringLiteral("response_type"), QStringLiteral("token"));
            r = openAuthorize(browser, params);
        } else if (kind == QLatin1String("replayed code")) {
            QVERIFY2(signIn(browser, QStringLiteral("replay@example.com"), kPassword, pkce, state, &code, &why), qPrintable(why));
            Tokens first;
            QVERIFY2(isTokenResponse(exchangeCode(browser, code, m_redirect, pkce.verifier), &first, &why), qPrintable(why));
            QCOMPARE(meStatus(browser, first.access), 200);
            r = exchangeCode(browser, code, m_redirect, pkce.verifier);
            QVERIFY2(isOAuthError(r, {QStringLiteral("invalid_grant")}, &why), qPrintable(why));
            // RFC 6749 4.1.2: a replayed code revokes what the first use handed out.
            QTRY_COMPARE_WITH_TIMEOUT(meStatus(browser, first.access), 401, 2000);
            QVERIFY2(isOAuthError(refresh(browser, first.refresh), {QStringLiteral("invalid_grant")}, &why),
                     qPrintable(QStringLiteral("refresh token from a replayed code: ") + why));
        } else if (kind == QLatin1String("redirect")) {
            setParam(params, QStringLiteral("redirect_uri"), detail);
            r = openAuthorize(browser, params);
        } else if (kind == QLatin1String("unregistered client")) {
            setParam(params, QStringLiteral("client_id"), QStringLiteral("no-such-client"));
            r = openAuthorize(browser, params);
        } else if (kind == QLatin1String("other redirect at token")) {
            QVERIFY2(signIn(browser, QStringLiteral("eve@example.com"), kPassword, pkce, state, &code, &why), qPrintable(why));
            r = exchangeCode(browser, code, QStringLiteral("http://127.0.0.1:%1/other").arg(m_callback.serverPort()), pkce.verifier);
        } else if (kind == QLatin1String("other client at token")) {
            QVERIFY2(signIn(browser, QStringLiteral("eve@example.com"), kPassword, pkce, state, &code, &why), qPrintable(why));
            r = exchangeCode(browser, code, m_redirect, pkce.verifier, QStringLiteral("other-client"));
        } else if (kind == QLatin1String("missing grant_type")) {
            QVERIFY2(signIn(browser, QStringLiteral("eve@example.com"), kPassword, pkce, state, &code, &why), qPrintable(why));
            r = browser.postForm(QStringLiteral("/oauth/token"), {{QStringLiteral("code"), code},
                                                                  {QStringLiteral("redirect_uri"), m_redirect},
                                                                  {QStringLiteral("client_id"), kClientId},
                                                                  {QStringLiteral("code_verifier"), pkce.verifier}});
        } else if (kind == QLatin1String("password grant")) {
            r = browser.postForm(QStringLiteral("/oauth/token"), {{QStringLiteral("grant_type"), QStringLiteral("password")},
                                                                  {QStringLiteral("username"), QStringLiteral("eve@example.com")},
                                                                  {QStringLiteral("password"), kPassword},
                                                                  {QStringLiteral("client_id"), kClientId}});
        } else if (kind.startsWith(QLatin1String("csrf"))) {
            const LoginForm form = loginPage(browser, params, &why);
            QVERIFY2(why.isEmpty(), qPrintable(why));
            Params fields {{QStringLiteral("request_id"), form.hidden(QStringLiteral("request_id"))},
                           {QStringLiteral("email"), QStringLiteral("eve@example.com")},
                           {QStringLiteral("password"), kPassword},
                           {QStringLiteral("action"), QStringLiteral("login")}};
            const QString csrf = form.hidden(QStringLiteral("csrf_token"));
            if (kind == QLatin1String("csrf wrong")) {
                QString forged = csrf;
                forged[0] = forged[0] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
                fields.append({QStringLiteral("csrf_token"), forged});
            } else if (kind == QLatin1String("csrf cookie missing")) {
                fields.append({QStringLiteral("csrf_token"), csrf});
                browser.dropCookies();
            }
            r = browser.postForm(QStringLiteral("/oauth/authorize"), fields);
        } else if (expect == QLatin1String("login")) {
            const LoginForm form = loginPage(browser, params, &why);
            QVERIFY2(why.isEmpty(), qPrintable(why));
            const QString password = kind == QLatin1String("wrong password") ? QStringLiteral("not the password at all") : kPassword;
            r = submit(browser, form, detail, password);
        } else if (kind == QLatin1String("throttled")) {
            // On a server of its own: the server also counts failures per client address, and every
            // row here comes from 127.0.0.1, so on the shared server earlier rows would use up the
            // budget and the row could not tell the account lock from the address lock.
            TestServer isolated;
            QVERIFY2(isolated.start({QStringLiteral("--issuer"), kIssuer}, m_config), isolated.output().constData());
            QVERIFY(addUser(isolated, detail, QStringLiteral("viewer")));
            Browser own(isolated);
            for (int i = 1; i <= 5; ++i) {
                const LoginForm form = loginPage(own, params, &why);
                QVERIFY2(why.isEmpty(), qPrintable(why));
                const HttpResponse failed = submit(own, form, detail, QStringLiteral("wrong password %1").arg(i));
                QVERIFY2((failed.status == 200 || failed.status == 401) && hasErrorElement(failed.body),
                         qPrintable(QStringLiteral("failed attempt %1: ").arg(i) + failed.describe()));
            }
            const LoginForm form = loginPage(own, params, &why);
            QVERIFY2(why.isEmpty(), qPrintable(why));
            r = submit(own, form, detail, kPassword); // the right password, too late
        } else if (kind == QLatin1String("tampered token")) {
            Tokens tokens;
            QVERIFY2(obtainTokens(browser, QStringLiteral("tamper@example.com"), &tokens, &why), qPrintable(why));
            const QStringList parts = tokens.access.split(QLatin1Char('.'));
            QJsonObject payload = QJsonDocument::fromJson(fromB64url(parts[1].toLatin1())).object();
            payload.insert(QStringLiteral("role"), QStringLiteral("owner"));
            payload.insert(QStringLiteral("exp"), payload.value(QStringLiteral("exp")).toInteger() + 86400);
            const QString forged = parts[0] + QLatin1Char('.')
                + QString::fromLatin1(b64url(QJsonDocument(payload).toJson(QJsonDocument::Compact))) + QLatin1Char('.') + parts[2];
            r = browser.get(QStringLiteral("/me"), forged);
            QCOMPARE(meStatus(browser, tokens.access), 200);
        } else {
            QFAIL(qPrintable(QStringLiteral("unknown row kind ") + kind));
        }

        if (expect == QLatin1String("page")) {
            QVERIFY2(r.status == 400 && r.isHtml() && hasErrorElement(r.body),
                     qPrintable(QStringLiteral("expected a 400 HTML page with id=\"error\", got ") + r.describe()));
            QVERIFY2(!r.hasHeader("Location"), qPrintable(QStringLiteral("must never redirect: ") + r.describe()));
        } else if (expect == QLatin1String("redirect")) {
            QVERIFY2(isRedirectBack(r, m_redirect, state, &why), qPrintable(why));
            QVERIFY2(r.locationQuery().value(QStringLiteral("error")) == detail, qPrintable(r.describe()));
            QVERIFY2(!r.locationQuery().contains(QStringLiteral("code")), qPrintable(r.describe()));
        } else if (expect == QLatin1String("oauth")) {
            QVERIFY2(isOAuthError(r, detail.split(QLatin1Char('|')), &why), qPrintable(why));
        } else if (expect == QLatin1String("login")) {
            QVERIFY2((r.status == 200 || r.status == 401) && r.isHtml(), qPrintable(r.describe()));
            QVERIFY2(!r.hasHeader("Location"), qPrintable(QStringLiteral("must not redirect: ") + r.describe()));
            QVERIFY2(hasErrorElement(r.body), qPrintable(QStringLiteral("no id=\"error\" element: ") + r.describe()));
            const LoginForm again = LoginForm::parse(r.body);
            QVERIFY2(again.found, qPrintable(QStringLiteral("the login form should be shown again: ") + r.describe()));
            QVERIFY2(!r.body.contains(kPassword.toUtf8()) && !r.body.contains("not the password at all"),
                     "the password must not be echoed into the page");
            if (kind == QLatin1String("wrong password")) {
                // Trying again on the re-rendered form with the right password gets through.
                const HttpResponse retry = submit(browser, again, detail, kPassword);
                QVERIFY2(isRedirectBack(retry, m_redirect, state, &why), qPrintable(QStringLiteral("retry: ") + why));
                QVERIFY2(!retry.locationQuery().value(QStringLiteral("code")).isEmpty(), qPrintable(retry.describe()));
            }
        } else if (expect == QLatin1String("throttled")) {
            QVERIFY2(r.status == 429 && r.isHtml() && hasErrorElement(r.body),
                     qPrintable(QStringLiteral("expected 429 HTML with id=\"error\", got ") + r.describe()));
            QVERIFY2(!r.hasHeader("Location"), qPrintable(r.describe()));
        } else if (expect == QLatin1String("me")) {
            QVERIFY2(r.status == 401, qPrintable(r.describe()));
        } else {
            QFAIL(qPrintable(QStringLiteral("unknown expectation ") + expect));
        }
    }

    // The five free attempts hold however the guesses arrive: an attacker who submits many at once
    // must not get them all checked because none had failed yet when each one came in.
    void expiredCodeIsRefused()
    {
        QJsonObject config = m_config;
        config.insert(QStringLiteral("authorization_code_lifetime_s"), 1);
        TestServer shortLived;
        QVERIFY2(shortLived.start({QStringLiteral("--issuer"), kIssuer}, config), shortLived.output().constData());
        const QString email = QStringLiteral("slow@example.com");
        QVERIFY(addUser(shortLived, email, QStringLiteral("viewer")));
        Browser browser(shortLived);
        const Pkce pkce = Pkce::make();
        QString code, why;
        QVERIFY2(signIn(browser, email, kPassword, pkce, randomState(), &code, &why), qPrintable(why));
        QTest::qWait(2200); // the code's one-second lifetime passes; no clock seam reaches a child process
        QVERIFY2(isOAuthError(exchangeCode(browser, code, m_redirect, pkce.verifier), {QStringLiteral("invalid_grant")}, &why),
                 qPrintable(why));
        QCOMPARE(shortLived.stop(), 0);
    }

    void throttleHoldsAgainstParallelGuesses()
    {
        TestServer isolated; // a clean failure count for this account and for 127.0.0.1
        QVERIFY2(isolated.start({QStringLiteral("--issuer"), kIssuer}, m_config), isolated.output().constData());
        const QString email = QStringLiteral("racer@example.com");
        QVERIFY(addUser(isolated, email, QStringLiteral("viewer")));
        Browser browser(isolated);
        QString why;
        const LoginForm form = loginPage(browser, authorizeParams(Pkce::make(), randomState()), &why);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const QByteArray cookie = browser.cookieHeader(QStringLiteral("/oauth/authorize"));
        QVERIFY(!cookie.isEmpty());

        // Each guess on a connection of its own, all sent before any answer arrives.
        constexpr int Guesses = 20;
        std::vector<std::unique_ptr<QNetworkAccessManager>> clients;
        QList<QNetworkReply *> replies;
        int open = Guesses;
        QEventLoop loop;
        // The lock starts at the fifth failure, after the first guess was sent: it lasts at least
        // until one second after this point.
        QElapsedTimer sinceBurst;
        sinceBurst.start();
        for (int i = 0; i < Guesses; ++i) {
            auto nam = std::make_unique<QNetworkAccessManager>();
            nam->setProxy(QNetworkProxy::NoProxy);
            QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/oauth/authorize").arg(isolated.port())));
            request.setTransferTimeout(60000);
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
            request.setRawHeader("Cookie", cookie);
            const QByteArray body = formEncode({{QStringLiteral("request_id"), form.hidden(QStringLiteral("request_id"))},
                                                {QStringLiteral("csrf_token"), form.hidden(QStringLiteral("csrf_token"))},
                                                {QStringLiteral("email"), email},
                                                {QStringLiteral("password"), QStringLiteral("guess number %1").arg(i)},
                                                {QStringLiteral("action"), QStringLiteral("login")}});
            QNetworkReply *reply = nam->post(request, body);
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&open, &loop] {
                if (--open == 0)
                    loop.quit();
            });
            replies.append(reply);
            clients.push_back(std::move(nam));
        }
        if (open > 0)
            loop.exec();
        QList<int> statuses;
        for (QNetworkReply *reply : replies) {
            statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
            reply->deleteLater();
        }
        const auto checked = statuses.count(401) + statuses.count(200);
        QStringList shown;
        for (int s : statuses)
            shown.append(QString::number(s));
        QCOMPARE(checked + statuses.count(429), qsizetype(Guesses));
        QVERIFY2(checked <= 5, qPrintable(QStringLiteral("%1 of %2 simultaneous wrong passwords were checked against the "
                                                         "account (at most 5 may be); statuses: %3")
                                              .arg(checked).arg(Guesses).arg(shown.join(QLatin1Char(' ')))));
        // And the account is locked now, right password or not. The first lock lasts one second:
        // on a machine loaded so much that the next page takes longer, it has ended by design.
        const LoginForm again = loginPage(browser, authorizeParams(Pkce::make(), randomState()), &why);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const bool stillLocked = sinceBurst.elapsed() < 800;
        const HttpResponse late = submit(browser, again, email, kPassword);
        if (stillLocked)
            QVERIFY2(late.status == 429, qPrintable(late.describe()));
        else
            qInfo("the one-second lock ended before the check ran (%lld ms); not checked", sinceBurst.elapsed());
    }

    void auditEvents()
    {
        const QString email = QStringLiteral("auditee@example.com");
        Browser browser(m_server);
        Tokens tokens;
        QString why;
        QVERIFY2(obtainTokens(browser, email, &tokens, &why), qPrintable(why));
        QTRY_VERIFY2_WITH_TIMEOUT(hasAuditEvent(QStringLiteral("auth.login"), email, QStringLiteral("user")),
                                  qPrintable(auditDump(QStringLiteral("auth.login"))), 5000);

        const LoginForm form = loginPage(browser, authorizeParams(Pkce::make(), randomState()), &why);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const HttpResponse failed = submit(browser, form, email, QStringLiteral("definitely not it"));
        QVERIFY2(failed.status == 200 || failed.status == 401, qPrintable(failed.describe()));
        QTRY_VERIFY2_WITH_TIMEOUT(hasAuditEvent(QStringLiteral("auth.login_failed"), email),
                                  qPrintable(auditDump(QStringLiteral("auth.login_failed"))), 5000);
        QVERIFY2(!auditDump(QStringLiteral("auth.login_failed")).contains(QLatin1String("definitely not it")),
                 "a failed password must not be written to the audit log");

        QCOMPARE(revoke(browser, tokens.refresh).status, 200);
        QTRY_VERIFY2_WITH_TIMEOUT(hasAuditEvent(QStringLiteral("auth.logout"), email),
                                  qPrintable(auditDump(QStringLiteral("auth.logout"))), 5000);
        // The same trail is readable with an admin's own access token.
        Tokens admin;
        QVERIFY2(obtainTokens(browser, QStringLiteral("ada@example.com"), &admin, &why), qPrintable(why));
        const HttpResponse viaAdmin = browser.get(QStringLiteral("/audit-events?action=auth.logout"), admin.access);
        QVERIFY2(viaAdmin.status == 200 && viaAdmin.body.contains(email.toUtf8()), qPrintable(viaAdmin.describe()));
    }
};

QTEST_GUILESS_MAIN(TestOAuth)
#include "tst_oauth.moc"

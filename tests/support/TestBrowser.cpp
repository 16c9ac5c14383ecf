// SPDX-License-Identifier: GPL-3.0-or-later
// keyward-test-browser URL: plays the user's browser for the sign-in tests (KEYWARD_BROWSER).
// It opens keyward-server's sign-in page, submits the form the way a person would, and follows
// the redirect to the app's loopback address. Environment:
//   KEYWARD_TEST_EMAIL / KEYWARD_TEST_PASSWORD   who signs in (default: the demo admin)
//   KEYWARD_TEST_BROWSER_ACTION  login (default), cancel (press Cancel), or ignore (open nothing)
//   KEYWARD_TEST_BROWSER_LOG     a file to append what happened to
#include <QCoreApplication>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

namespace {

void log(const QString &line)
{
    const QString path = qEnvironmentVariable("KEYWARD_TEST_BROWSER_LOG");
    if (path.isEmpty())
        return;
    QFile f(path);
    if (f.open(QIODevice::Append))
        f.write(line.toUtf8() + '\n');
}

QByteArray fetch(QNetworkAccessManager &nam, const QNetworkRequest &req, const QByteArray &post, int *status,
                 QUrl *location)
{
    QNetworkReply *reply = post.isNull() ? nam.get(req) : nam.post(req, post);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (location)
        *location = reply->url().resolved(QUrl(QString::fromLatin1(reply->rawHeader("Location"))));
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

QString field(const QByteArray &html, const QString &name)
{
    const QRegularExpression re(QStringLiteral("name=\"%1\" value=\"([^\"]*)\"").arg(name));
    return re.match(QString::fromUtf8(html)).captured(1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        log(QStringLiteral("no URL given"));
        return 2;
    }
    const QUrl url(args.last());
    const QString action = qEnvironmentVariable("KEYWARD_TEST_BROWSER_ACTION", QStringLiteral("login"));
    log(QStringLiteral("open %1 (%2)").arg(url.toString(QUrl::RemoveQuery), action));
    if (action == QLatin1String("ignore"))
        return 0;
    QTimer::singleShot(60'000, &app, [] {
        log(QStringLiteral("gave up after 60 s"));
        std::exit(3);
    });

    QNetworkAccessManager nam;
    nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    nam.setCookieJar(new QNetworkCookieJar(&nam));
    int status = 0;
    const QByteArray page = fetch(nam, QNetworkRequest(url), QByteArray(), &status, nullptr);
    const QString requestId = field(page, QStringLiteral("request_id"));
    const QString csrf = field(page, QStringLiteral("csrf_token"));
    if (status != 200 || requestId.isEmpty()) {
        log(QStringLiteral("sign-in page: HTTP %1").arg(status));
        return 4;
    }
    QUrlQuery form;
    auto add = [&](const char *key, const QString &value) {
        form.addQueryItem(QString::fromLatin1(key), QString::fromUtf8(QUrl::toPercentEncoding(value)));
    };
    add("request_id", requestId);
    add("csrf_token", csrf);
    add("email", qEnvironmentVariable("KEYWARD_TEST_EMAIL", QStringLiteral("adam.admin@example.com")));
    add("password", qEnvironmentVariable("KEYWARD_TEST_PASSWORD", QStringLiteral("demo-admin-password")));
    add("action", action == QLatin1String("cancel") ? QStringLiteral("cancel") : QStringLiteral("login"));
    QNetworkRequest post(url.resolved(QUrl(QStringLiteral("/oauth/authorize"))));
    post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QUrl location;
    fetch(nam, post, form.query(QUrl::FullyEncoded).toLatin1(), &status, &location);
    if (status != 302 && status != 303) {
        log(QStringLiteral("sign-in form: HTTP %1").arg(status));
        return 5;
    }
    log(QStringLiteral("redirected to %1").arg(location.toString(QUrl::RemoveQuery)));
    const QByteArray landing = fetch(nam, QNetworkRequest(location), QByteArray(), &status, nullptr);
    log(QStringLiteral("loopback answered HTTP %1: %2").arg(status).arg(QString::fromUtf8(landing.left(400))));
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoginPage.h"

#include <QStringList>

namespace keyward::server {

namespace {
QString page(const QString &title, const QString &body, const QString &nonce)
{
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
               "<title>%1</title><style nonce=\"%3\">"
               "body{font-family:system-ui,sans-serif;background:#f4f5f7;color:#1d2430;margin:0}"
               "main{max-width:26rem;margin:8vh auto;background:#fff;padding:2rem;border-radius:12px;"
               "box-shadow:0 2px 12px rgba(0,0,0,.08)}"
               "h1{font-size:1.4rem;margin:0 0 .25rem}p.sub{color:#5a6475;margin:0 0 1.5rem}"
               "label{display:block;font-weight:600;margin:1rem 0 .35rem}"
               "input[type=email],input[type=password],input[type=text]{width:100%;box-sizing:border-box;padding:.6rem;"
               "font-size:1rem;border:1px solid #9aa3b2;border-radius:6px}"
               "input:focus,button:focus{outline:3px solid #2f6fed;outline-offset:1px}"
               ".actions{display:flex;gap:.75rem;margin-top:1.5rem;flex-wrap:wrap}"
               "button{font-size:1rem;padding:.6rem 1.2rem;border-radius:6px;border:1px solid #2f6fed;cursor:pointer}"
               "button.primary{background:#2f6fed;color:#fff}button.secondary{background:#fff;color:#2f6fed}"
               "#error{background:#fdecec;color:#8a1c1c;border:1px solid #f3b4b4;padding:.6rem;border-radius:6px}"
               ".hint{font-size:.9rem;color:#5a6475;margin-top:1.5rem;border-top:1px solid #e3e6eb}"
               ".hint ul{padding-left:1.1rem;margin:.4rem 0}.hint li{margin:.35rem 0}"
               "code{font-family:ui-monospace,monospace;white-space:nowrap;color:#1d2430}"
               "</style></head><body><main>%2</main></body></html>\n")
        .arg(title.toHtmlEscaped(), body, nonce);
}
} // namespace

QByteArray LoginPage::contentSecurityPolicy(const QString &nonce)
{
    // Forms may post here and be redirected to a loopback client (RFC 8252); nothing else loads.
    return QStringLiteral("default-src 'none'; style-src 'nonce-%1'; form-action 'self' http://127.0.0.1:* "
                          "http://[::1]:*; frame-ancestors 'none'; base-uri 'none'")
        .arg(nonce)
        .toLatin1();
}

QByteArray LoginPage::login(const Login &p, const QString &nonce)
{
    QString body = QStringLiteral("<h1>Sign in to %1</h1><p class=\"sub\">%2 wants to manage API keys for you.</p>")
                       .arg(p.organization.toHtmlEscaped(), p.client.toHtmlEscaped());
    if (!p.error.isEmpty())
        body += QStringLiteral("<p id=\"error\" role=\"alert\">%1</p>").arg(p.error.toHtmlEscaped());
    body += QStringLiteral(
                "<form id=\"login-form\" method=\"post\" action=\"/oauth/authorize\">"
                "<input type=\"hidden\" name=\"request_id\" value=\"%1\">"
                "<input type=\"hidden\" name=\"csrf_token\" value=\"%2\">"
                "<label for=\"email\">Email</label>"
                "<input id=\"email\" type=\"email\" name=\"email\" value=\"%3\" autocomplete=\"username\" required%4>"
                "<label for=\"password\">Password</label>"
                "<input id=\"password\" type=\"password\" name=\"password\" autocomplete=\"current-password\" required%5>"
                "<div class=\"actions\"><button class=\"primary\" type=\"submit\" name=\"action\" value=\"login\">"
                "Sign in</button><button class=\"secondary\" type=\"submit\" name=\"action\" value=\"cancel\" "
                "formnovalidate>Cancel</button></div></form>")
                .arg(p.requestId.toHtmlEscaped(), p.csrfToken.toHtmlEscaped(), p.email.toHtmlEscaped(),
                     p.email.isEmpty() ? QStringLiteral(" autofocus") : QString(),
                     p.email.isEmpty() ? QString() : QStringLiteral(" autofocus"));
    if (!p.demoHint.isEmpty()) {
        // Demo mode only: the sandbox's sign-ins, so nobody has to hunt for them.
        body += QStringLiteral("<section class=\"hint\" aria-label=\"Demo sign-ins\"><p><strong>Demo sign-ins</strong> "
                               "(this server runs with demo data)</p><ul>");
        for (const QString &line : p.demoHint.split(QLatin1Char('\n'))) {
            const QStringList f = line.split(QLatin1Char('\t'));
            body += QStringLiteral("<li><code>%1</code><br>password <code>%2</code>%3</li>")
                        .arg(f.value(0).toHtmlEscaped(), f.value(1).toHtmlEscaped(),
                             f.value(2).isEmpty() ? QString()
                                                  : QStringLiteral("<br>MFA key <code>%1</code>").arg(f.value(2).toHtmlEscaped()));
        }
        body += QStringLiteral("</ul></section>");
    }
    return page(QStringLiteral("Sign in"), body, nonce).toUtf8();
}

QByteArray LoginPage::mfa(const Mfa &p, const QString &nonce)
{
    const bool enrol = !p.enrolSecret.isEmpty();
    QString body = enrol
        ? QStringLiteral("<h1>Set up two-step sign-in</h1><p class=\"sub\">%1 requires a code from an authenticator "
                         "app for %2. Scan the code below, or type the key by hand, then enter the six digits it "
                         "shows.</p>%3<p>Key: <code>%4</code></p>")
              .arg(p.organization.toHtmlEscaped(), p.email.toHtmlEscaped(), p.enrolQrSvg, p.enrolSecret.toHtmlEscaped())
        : QStringLiteral("<h1>Two-step sign-in</h1><p class=\"sub\">Enter the six-digit code from your "
                         "authenticator app for %1.</p>")
              .arg(p.email.toHtmlEscaped());
    if (!p.error.isEmpty())
        body += QStringLiteral("<p id=\"error\" role=\"alert\">%1</p>").arg(p.error.toHtmlEscaped());
    body += QStringLiteral(
                "<form id=\"mfa-form\" method=\"post\" action=\"/oauth/authorize\">"
                "<input type=\"hidden\" name=\"request_id\" value=\"%1\">"
                "<input type=\"hidden\" name=\"csrf_token\" value=\"%2\">"
                "<label for=\"code\">Code</label>"
                "<input id=\"code\" type=\"text\" name=\"code\" inputmode=\"numeric\" pattern=\"[0-9 ]{6,7}\" "
                "autocomplete=\"one-time-code\" required autofocus>"
                "<div class=\"actions\"><button class=\"primary\" type=\"submit\" name=\"action\" value=\"verify\">"
                "Verify</button><button class=\"secondary\" type=\"submit\" name=\"action\" value=\"cancel\" "
                "formnovalidate>Cancel</button></div></form>")
                .arg(p.requestId.toHtmlEscaped(), p.csrfToken.toHtmlEscaped());
    return page(enrol ? QStringLiteral("Set up two-step sign-in") : QStringLiteral("Two-step sign-in"), body, nonce).toUtf8();
}

QByteArray LoginPage::error(const QString &title, const QString &message, const QString &nonce)
{
    const QString body = QStringLiteral("<h1>%1</h1><p id=\"error\" role=\"alert\">%2</p>")
                             .arg(title.toHtmlEscaped(), message.toHtmlEscaped());
    return page(title, body, nonce).toUtf8();
}

} // namespace keyward::server

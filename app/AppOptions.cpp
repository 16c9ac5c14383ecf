// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppOptions.h"

#include <QCommandLineParser>
#include <QLocale>

namespace keyward {

QString AppOptions::requestedLanguage(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if ((a == QLatin1String("--lang") || a == QLatin1String("-lang")) && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (a.startsWith(QLatin1String("--lang=")))
            return a.mid(7);
    }
    return {};
}

AppOptions::Outcome AppOptions::parse(const QStringList &arguments, AppOptions *options, QString *message)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Keyward: the desktop console for API keys."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help and exit."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version and exit."));
    const QCommandLineOption sandbox(QStringLiteral("sandbox"),
                                     tr("Start a local keyward-server with demo data and sign in to it."));
    const QCommandLineOption profile(QStringLiteral("profile"), tr("Use the saved profile <name>."), tr("name"));
    const QCommandLineOption api(QStringLiteral("api"), tr("Use the API at <url> for this run only."), tr("url"));
    const QCommandLineOption issuer(QStringLiteral("issuer"),
                                    tr("Sign in at the OAuth/OpenID Connect issuer <url> (default: the API URL)."),
                                    tr("url"));
    const QCommandLineOption clientId(QStringLiteral("client-id"),
                                      tr("OAuth client id for --api (default: keyward-desktop)."), tr("id"));
    const QCommandLineOption scopes(QStringLiteral("scopes"), tr("OAuth scopes for --api (default: keys)."), tr("scopes"));
    const QCommandLineOption signIn(QStringLiteral("sign-in"), tr("Start the browser sign-in at launch."));
    const QCommandLineOption lang(QStringLiteral("lang"), tr("Use the language <code> (e.g. de, fr) instead of the system's."),
                                  tr("code"));
    parser.addOptions({help, version, sandbox, profile, api, issuer, clientId, scopes, signIn, lang});

    const QString name = QStringLiteral("keyward");
    auto usageError = [&](const QString &error) {
        *message = tr("%1: %2\nTry '%1 --help' for more information.").arg(name, error);
        return Outcome::ExitUsage;
    };
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        // Parsed before the application exists, the parser does not know the program's name.
        *message = parser.helpText().replace(QLatin1String("<executable_name>"), name);
        return Outcome::ExitSuccess;
    }
    if (parser.isSet(version)) {
        *message = QStringLiteral("keyward %1").arg(QCoreApplication::applicationVersion());
        return Outcome::ExitSuccess;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));

    AppOptions o;
    o.sandbox = parser.isSet(sandbox);
    o.signIn = parser.isSet(signIn) || o.sandbox;
    o.profileName = parser.value(profile);
    o.language = parser.value(lang);
    const bool oneOff = parser.isSet(api) || parser.isSet(issuer) || parser.isSet(clientId) || parser.isSet(scopes);
    if (o.sandbox && (oneOff || parser.isSet(profile)))
        return usageError(tr("--sandbox cannot be combined with --profile, --api, --issuer, --client-id or --scopes"));
    if (oneOff && parser.isSet(profile))
        return usageError(tr("--profile cannot be combined with --api, --issuer, --client-id or --scopes"));
    if (oneOff) {
        if (!parser.isSet(api))
            return usageError(tr("--issuer, --client-id and --scopes need --api"));
        Profile p;
        p.apiUrl = QUrl(parser.value(api), QUrl::StrictMode);
        p.issuerUrl = parser.isSet(issuer) ? QUrl(parser.value(issuer), QUrl::StrictMode) : p.apiUrl;
        p.name = p.apiUrl.host().isEmpty() ? tr("Command line") : p.apiUrl.host() + (p.apiUrl.port() > 0
                                                                        ? QLatin1Char(':') + QString::number(p.apiUrl.port())
                                                                        : QString());
        if (parser.isSet(clientId))
            p.clientId = parser.value(clientId);
        if (parser.isSet(scopes))
            p.scopes = parser.value(scopes);
        p.transient = true;
        const QString problem = p.validate();
        if (!problem.isEmpty())
            return usageError(problem);
        o.oneOff = p;
    }
    if (!o.language.isEmpty() && !QLocale(o.language).name().startsWith(o.language.left(2)))
        return usageError(tr("unknown language '%1'").arg(o.language));
    *options = o;
    return Outcome::Run;
}

} // namespace keyward

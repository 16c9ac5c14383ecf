// SPDX-License-Identifier: GPL-3.0-or-later
// keyward: the composition root. Parses the command line, builds the services and the main
// window, and wires them; nothing else lives here.
#include "AppOptions.h"
#include "BrowserLauncher.h"
#include "EnglishPlurals.h"
#include "FirstPaintProbe.h"
#include "Icons.h"
#include "MainWindow.h"
#include "ProfileStore.h"
#include "SandboxServer.h"
#include "SingleInstance.h"
#include "TokenStore.h"
#include "Translations.h"

#include <QApplication>
#include <QDesktopServices>
#include <QElapsedTimer>
#include <QLocale>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <optional>

using namespace keyward;


int main(int argc, char **argv)
{
    QElapsedTimer startClock;
    startClock.start();
    QCoreApplication::setOrganizationName(QStringLiteral("Keyward"));
    QCoreApplication::setApplicationName(QStringLiteral("keyward"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KEYWARD_VERSION));

    // --help, --version and usage errors must work without a display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    AppOptions options;
    QString message;
    AppOptions::Outcome outcome = AppOptions::parse(arguments, &options, &message);
    std::optional<QCoreApplication> core;
    if (outcome != AppOptions::Outcome::Run) {
        // Said again in the user's language: a core application needs no display and carries
        // the translators (--lang as given, even when the rest of the line is wrong).
        core.emplace(argc, argv);
        const QString language = AppOptions::requestedLanguage(arguments);
        installTranslations(&*core, language.isEmpty() ? QLocale::system() : QLocale(language));
        outcome = AppOptions::parse(arguments, &options, &message);
    }
    switch (outcome) {
    case AppOptions::Outcome::ExitSuccess:
        std::fprintf(stdout, "%s\n", qPrintable(message));
        return 0;
    case AppOptions::Outcome::ExitUsage:
        std::fprintf(stderr, "%s\n", qPrintable(message));
        return 2;
    case AppOptions::Outcome::Run:
        break;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Keyward"));
    QGuiApplication::setDesktopFileName(QString::fromLatin1(AppId)); // Wayland app id, before any window
    // Qt's own strings (standard buttons, dialogs) and Keyward's, in the chosen or the system language.
    const QLocale locale = options.language.isEmpty() ? QLocale::system() : QLocale(options.language);
    if (!options.language.isEmpty())
        QLocale::setDefault(locale);
    EnglishPlurals plurals;
    QCoreApplication::installTranslator(&plurals);
    installTranslations(&app, locale);
    QSettings settings;
    ProfileStore profiles(&settings);
    if (options.oneOff) {
        profiles.setTransient(*options.oneOff);
    } else if (!options.profileName.isEmpty() && !profiles.setCurrent(options.profileName)) {
        QStringList names;
        for (const Profile &p : profiles.profiles())
            names.append(p.name);
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("main", "keyward: no profile named '%1' (profiles: %2)")
                                    .arg(options.profileName,
                                         names.isEmpty() ? QCoreApplication::translate("main", "none")
                                                         : names.join(QStringLiteral(", ")))));
        return 2;
    }
    // One window per profile: a second launch for it brings the first one's window to the front.
    SingleInstance instance;
    switch (instance.claim(options.sandbox ? SingleInstance::sandboxKey() : SingleInstance::keyFor(profiles.current()))) {
    case SingleInstance::Role::Secondary:
        std::fprintf(stdout, "%s\n",
                     qPrintable(QCoreApplication::translate("main", "Keyward is already running with this profile; "
                                                                    "its window was brought to the front.")));
        return 0;
    case SingleInstance::Role::Unanswered:
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("main", "Keyward is already running with this profile but "
                                                                    "does not answer. Close it and try again.")));
        return 1;
    case SingleInstance::Role::Primary:
    case SingleInstance::Role::Alone:
        break;
    }
    QApplication::setWindowIcon(appIcon());
    TokenStore tokens;
    const BrowserLauncher launcher([](const QUrl &url) { return QDesktopServices::openUrl(url); });
    MainWindow window(&profiles, &tokens, launcher, &settings);
    QObject::connect(&instance, &SingleInstance::activationRequested, &window, [&window](const QString &token) {
        // Best effort: X11 window managers and Wayland compositors may only mark the window as
        // wanting attention. On Wayland the later launch's activation token is what grants focus;
        // Qt versions that read XDG_ACTIVATION_TOKEN when activating use it.
        if (!token.isEmpty())
            qputenv("XDG_ACTIVATION_TOKEN", token.toUtf8());
        window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
        window.show();
        window.raise();
        window.activateWindow();
    });
    // The window follows the profile switcher (and the first saved profile), and so does the
    // profile it answers later launches for; queued, so it sees the store's final state.
    const auto followProfile = [&] { instance.follow(SingleInstance::keyFor(profiles.current())); };
    QObject::connect(&profiles, &ProfileStore::currentChanged, &instance, followProfile, Qt::QueuedConnection);
    QObject::connect(&profiles, &ProfileStore::profilesChanged, &instance, followProfile, Qt::QueuedConnection);

    FirstPaintProbe probe(&startClock);
    if (qEnvironmentVariableIsSet("KEYWARD_EXIT_AFTER_FIRST_PAINT"))
        window.installEventFilter(&probe);

    SandboxServer sandbox;
    if (options.sandbox) {
        window.showBusy(QCoreApplication::translate("main", "Starting the sandbox server…"),
                        QCoreApplication::translate("main", "A local keyward-server with a demo organization is "
                                                            "starting on this computer."));
        sandbox.setServerBinary(SandboxServer::findServer(QCoreApplication::applicationDirPath()));
        QObject::connect(&sandbox, &SandboxServer::ready, &window, [&](const QUrl &url) {
            Profile p;
            p.id = QStringLiteral("sandbox");
            p.name = QCoreApplication::translate("main", "Sandbox");
            p.apiUrl = url;
            p.issuerUrl = url;
            profiles.setTransient(p);
            window.startSession(true);
        });
        QObject::connect(&sandbox, &SandboxServer::failed, &window,
                         [&](const QString &problem) { window.showStartupProblem(problem); });
        sandbox.start();
    } else {
        window.startSession(options.signIn);
    }
    window.show();
    return app.exec();
}

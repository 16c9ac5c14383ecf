// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Profile.h"

#include <QCoreApplication>
#include <QStringList>
#include <optional>

namespace keyward {

// The command line of `keyward`.
struct AppOptions
{
    Q_DECLARE_TR_FUNCTIONS(AppOptions)

public:
    enum class Outcome { Run, ExitSuccess, ExitUsage };

    bool sandbox = false;
    bool signIn = false;
    QString profileName;
    std::optional<Profile> oneOff; // from --api/--issuer
    QString language;

    // Parses arguments (argv[0] first). For ExitSuccess and ExitUsage, `message` holds what to
    // print (help or version on stdout, the error on stderr; exit code 2 for usage errors).
    static Outcome parse(const QStringList &arguments, AppOptions *options, QString *message);
    // The value of --lang (or --lang=…) on the command line, whatever else is on it; empty if none.
    static QString requestedLanguage(const QStringList &arguments);
};

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Organization.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <memory>
#include <optional>

namespace keyward::server {
class Database;
class ServerSecrets;
} // namespace keyward::server

// What the command-line commands share: output, option parsing and opening the database.
namespace keyward::server::cli {

void out(const QString &line);
// One sentence on stderr, prefixed "keyward-server: "; returns the exit code to use.
int fail(const QString &sentence);
QString usageText();

// Minimal "--name value" parser: every option takes a value except the listed flags.
struct Options
{
    QHash<QString, QString> values;   // the last value of each option
    QHash<QString, QStringList> lists; // every value of repeatable options
    QSet<QString> flags;
};
std::optional<Options> parseOptions(const QStringList &args, const QSet<QString> &valued,
                                    const QSet<QString> &flagNames, QString *error);

struct OpenedStore
{
    std::unique_ptr<Database> db;
    std::unique_ptr<ServerSecrets> secrets;
    Organization org;
};
// Opens the database and makes sure the organisation and secrets exist (init's work).
std::optional<OpenedStore> openStore(const QString &url, const Options &o, bool applyInitOptions, QString *error,
                                     bool *created = nullptr);

// user add|list|set-role|disable|enable|reset-mfa, signing-key rotate
int commandUser(const QStringList &args);
int commandSigningKey(const QStringList &args);
int commandOrg(const QStringList &args);
int commandClient(const QStringList &args);

} // namespace keyward::server::cli

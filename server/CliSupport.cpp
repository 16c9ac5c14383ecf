// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSupport.h"

#include "Database.h"
#include "KeyStore.h"
#include "ServerSecrets.h"

#include <QDateTime>

#include <cstdio>

namespace keyward::server::cli {

namespace {
const char *const Usage = R"(Usage: keyward-server <command> [options]

Commands:
  init        create the schema, the organisation and the server's secrets (idempotent)
              --database URL  [--key-format odus|odin] [--org-name NAME] [--tier free|pro|enterprise]
  key create  create a secret key and print it, alone, on one line
              --database URL --note TEXT --permissions a:write,b:read [--expires-at RFC3339]
  serve       serve the API
              --listen HOST:PORT --database URL [--demo] [--config FILE] [--issuer URL]
              [--trust-issuer URL --trust-audience AUD …]  accept an OpenID Connect provider's tokens
  user add    add a member: --email E --name N --role owner|admin|developer|viewer [--password-stdin] [--mfa]
              (--mfa prints the otpauth:// URI and a QR code for the authenticator app, once)
  user list   list the members
  user set-role --email E --role R;  user disable|enable|reset-mfa --email E
  org set     [--require-mfa | --no-require-mfa] [--org-name NAME] [--tier free|pro|enterprise]
  client add  register an OAuth client: --client-id ID --name N (--loopback | --redirect-uri URI …)
  signing-key rotate
              add a new ES256 signing key; the old one stays published until its tokens expire
  seed-audit  add generated audit history for benchmarks and demos (a year by default)
              --events N [--days D] [--seed S] [--org ID]
  copy-database
              copy everything to a new, empty database (SQLite to PostgreSQL, say), in one
              transaction, and verify the audit chain there: --database SOURCE --to TARGET
              (stop every `serve` on the source first)

Options:
  --database URL   sqlite:PATH, or postgresql://USER@HOST[:PORT]/NAME[?sslmode=…] with the
                   password in PGPASSWORD or ~/.pgpass (default: %1)
  -h, --help       show this help
  -v, --version    show the version

Examples:
  keyward-server serve --listen 127.0.0.1:8787 --database sqlite:/tmp/keyward.db --demo
  keyward-server key create --database sqlite:/tmp/keyward.db --note ci --permissions payments:read
  keyward-server serve --listen 127.0.0.1:8787 --database postgresql://keyward@db.internal/keyward
)";
} // namespace

void out(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

QString usageText()
{
    return QString::fromUtf8(Usage).arg(Database::defaultUrl()).trimmed();
}

int fail(const QString &sentence)
{
    const QByteArray bytes = QStringLiteral("keyward-server: %1\n").arg(sentence).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    return 2;
}

std::optional<Options> parseOptions(const QStringList &args, const QSet<QString> &valued, const QSet<QString> &flagNames,
                                    QString *error)
{
    Options o;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString arg = args.at(i);
        QString value;
        bool hasInlineValue = false;
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        if (arg.startsWith(QLatin1String("--")) && eq > 0) {
            value = arg.mid(eq + 1);
            arg = arg.left(eq);
            hasInlineValue = true;
        }
        if (!hasInlineValue && (arg == QLatin1String("--help") || arg == QLatin1String("-h"))) {
            o.flags.insert(QStringLiteral("help")); // "keyward-server serve --help" shows the usage
            continue;
        }
        const QString name = arg.mid(2);
        if (!arg.startsWith(QLatin1String("--")) || (!valued.contains(name) && !flagNames.contains(name))) {
            *error = QStringLiteral("unknown option \"%1\"; see keyward-server --help").arg(args.at(i));
            return std::nullopt;
        }
        if (flagNames.contains(name)) {
            if (hasInlineValue) {
                *error = QStringLiteral("the option --%1 takes no value").arg(name);
                return std::nullopt;
            }
            o.flags.insert(name);
            continue;
        }
        if (!hasInlineValue) {
            if (i + 1 >= args.size()) {
                *error = QStringLiteral("the option --%1 needs a value").arg(name);
                return std::nullopt;
            }
            value = args.at(++i);
        }
        o.values.insert(name, value);
        o.lists[name].append(value);
    }
    return o;
}


// Opens the database and makes sure the organisation and secrets exist (init's work).
std::optional<OpenedStore> openStore(const QString &url, const Options &o, bool applyInitOptions, QString *error,
                                     bool *created)
{
    if (o.values.contains(QStringLiteral("org-name"))) {
        const QString name = o.values.value(QStringLiteral("org-name")).trimmed();
        if (name.isEmpty() || name.size() > 200) {
            *error = QStringLiteral("--org-name must be 1 to 200 characters");
            return std::nullopt;
        }
    }
    const auto location = DatabaseLocation::parse(url, error);
    if (!location)
        return std::nullopt;
    OpenedStore s;
    s.db = std::make_unique<Database>(url);
    if (!s.db->open(error)) {
        *error = QStringLiteral("cannot open the database %1: %2").arg(location->display(), *error);
        return std::nullopt;
    }
    s.secrets = std::make_unique<ServerSecrets>();
    KeyFormat::Flavor flavor = KeyFormat::Flavor::Odus;
    if (o.values.contains(QStringLiteral("key-format"))
        && !KeyFormat::flavorFromName(o.values.value(QStringLiteral("key-format")), &flavor)) {
        *error = QStringLiteral("--key-format must be odus or odin");
        return std::nullopt;
    }
    const QString tier = o.values.value(QStringLiteral("tier"));
    if (!tier.isEmpty() && !Organization::isValidTier(tier)) {
        *error = QStringLiteral("--tier must be free, pro or enterprise");
        return std::nullopt;
    }
    try {
        s.db->write([&](QSqlDatabase &db) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            s.secrets->ensure(db, now);
            auto org = Organization::load(db);
            if (!org) {
                Organization fresh;
                fresh.id = KeyStore::newId("org_");
                fresh.name = o.values.value(QStringLiteral("org-name"), QStringLiteral("My organisation")).trimmed();
                fresh.tier = tier.isEmpty() ? QStringLiteral("free") : tier;
                fresh.keyFormat = flavor;
                fresh.insert(db, now);
                org = fresh;
                if (created)
                    *created = true;
            } else if (applyInitOptions) {
                if (o.values.contains(QStringLiteral("org-name")))
                    org->name = o.values.value(QStringLiteral("org-name")).trimmed();
                if (!tier.isEmpty())
                    org->tier = tier;
                if (o.values.contains(QStringLiteral("key-format")))
                    org->keyFormat = flavor;
                org->update(db);
            }
            s.org = *org;
        });
    } catch (const DatabaseError &e) {
        *error = QStringLiteral("cannot initialise the database %1: %2").arg(location->display(), QString::fromStdString(e.what()));
        return std::nullopt;
    }
    return s;
}


} // namespace keyward::server::cli

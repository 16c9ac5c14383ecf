// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"

#include "ApiServer.h"
#include "AuditLog.h"
#include "Database.h"
#include "DemoData.h"
#include "JsonInput.h"
#include "KeyStore.h"
#include "Organization.h"
#include "PermissionCatalog.h"
#include "ServerConfig.h"
#include "ServerSecrets.h"
#include "Timestamps.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <openssl/crypto.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

namespace keyward::server {

namespace {

const char *const Usage = R"(Usage: keyward-server <command> [options]

Commands:
  init        create the schema, the organisation and the server's secrets (idempotent)
              --database URL  [--key-format odus|odin] [--org-name NAME] [--tier free|pro|enterprise]
  key create  create a secret key and print it, alone, on one line
              --database URL --note TEXT --permissions a:write,b:read [--expires-at RFC3339]
  serve       serve the API
              --listen HOST:PORT --database URL [--demo] [--config FILE]

Options:
  --database URL   sqlite:PATH (default: %1)
  -h, --help       show this help
  -v, --version    show the version

Examples:
  keyward-server serve --listen 127.0.0.1:8787 --database sqlite:/tmp/keyward.db --demo
  keyward-server key create --database sqlite:/tmp/keyward.db --note ci --permissions payments:read
)";

void out(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

QString usageText()
{
    return QString::fromLatin1(Usage).arg(Database::defaultUrl()).trimmed();
}

int fail(const QString &sentence)
{
    const QByteArray bytes = QStringLiteral("keyward-server: %1\n").arg(sentence).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    return 2;
}

// Minimal "--name value" parser: every option takes a value except the listed flags.
struct Options
{
    QHash<QString, QString> values;
    QSet<QString> flags;
};

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
    }
    return o;
}

struct OpenedStore
{
    std::unique_ptr<Database> db;
    std::unique_ptr<ServerSecrets> secrets;
    Organization org;
};

// Opens the database and makes sure the organisation and secrets exist (init's work).
std::optional<OpenedStore> openStore(const QString &url, const Options &o, bool applyInitOptions, QString *error,
                                     bool *created = nullptr)
{
    if (o.values.contains(QStringLiteral("org-name"))) {
        const QString name = o.values.value(QStringLiteral("org-name")).trimmed();
        if (name.isEmpty() || name.size() > 200) {
            *error = QStringLiteral("--org-name must be 1 to 200 characters");
            return std::nullopt;
        }
    }
    const auto path = Database::sqlitePathFromUrl(url, error);
    if (!path)
        return std::nullopt;
    OpenedStore s;
    s.db = std::make_unique<Database>(*path);
    if (!s.db->open(error)) {
        *error = QStringLiteral("cannot open the database %1: %2").arg(url, *error);
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
        *error = QStringLiteral("cannot initialise the database %1: %2").arg(url, QString::fromStdString(e.what()));
        return std::nullopt;
    }
    return s;
}

int commandInit(const QStringList &args)
{
    QString error;
    const auto o = parseOptions(args, {QStringLiteral("database"), QStringLiteral("key-format"),
                                       QStringLiteral("org-name"), QStringLiteral("tier")}, {}, &error);
    if (!o)
        return fail(error);
    if (o->flags.contains(QStringLiteral("help"))) {
        out(usageText());
        return 0;
    }
    const QString url = o->values.value(QStringLiteral("database"), Database::defaultUrl());
    bool created = false;
    const auto store = openStore(url, *o, true, &error, &created);
    if (!store)
        return fail(error);
    out(QStringLiteral("%1 %2: organisation \"%3\" (%4 tier), %5 keys")
            .arg(created ? QStringLiteral("initialised") : QStringLiteral("up to date"), url, store->org.name,
                 store->org.tier, KeyFormat::flavorName(store->org.keyFormat)));
    return 0;
}

int commandKeyCreate(const QStringList &args)
{
    QString error;
    const auto o = parseOptions(args, {QStringLiteral("database"), QStringLiteral("note"),
                                       QStringLiteral("permissions"), QStringLiteral("expires-at")}, {}, &error);
    if (!o)
        return fail(error);
    if (o->flags.contains(QStringLiteral("help"))) {
        out(usageText());
        return 0;
    }
    // Validate exactly as the API does.
    QJsonObject body {{QStringLiteral("note"), o->values.value(QStringLiteral("note"))}};
    if (!o->values.contains(QStringLiteral("note")))
        body.remove(QStringLiteral("note"));
    if (o->values.contains(QStringLiteral("permissions")))
        body.insert(QStringLiteral("permissions"),
                    QJsonArray::fromStringList(o->values.value(QStringLiteral("permissions")).split(QLatin1Char(','))));
    if (o->values.contains(QStringLiteral("expires-at")))
        body.insert(QStringLiteral("expires_at"), o->values.value(QStringLiteral("expires-at")));
    JsonInput in;
    in.parse(QJsonDocument(body).toJson());
    const auto note = in.note(QStringLiteral("note"), true);
    const auto permissions = in.permissions(QStringLiteral("permissions"), true);
    const auto expires = in.futureTime(QStringLiteral("expires_at"), QDateTime::currentMSecsSinceEpoch(), false);
    if (!in.ok()) {
        const QJsonObject e = in.errors();
        const QString field = e.keys().value(0);
        return fail(QStringLiteral("--%1: %2").arg(field == QLatin1String("expires_at") ? QStringLiteral("expires-at") : field,
                                                   e.value(field).toString()));
    }
    const QString url = o->values.value(QStringLiteral("database"), Database::defaultUrl());
    auto store = openStore(url, *o, false, &error);
    if (!store)
        return fail(error);
    try {
        QByteArray secret = store->db->write([&](QSqlDatabase &db) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            const Actor cli {QStringLiteral("system"), QString(), QStringLiteral("keyward-server CLI")};
            NewSecretKey k = KeyStore::createSecretKey(db, *store->secrets, store->org, *note, *permissions,
                                                       expires.value_or(0), cli, now);
            AuditEvent e;
            e.atMs = now;
            e.actor = cli;
            e.action = QStringLiteral("secret_key.created");
            e.target = {QStringLiteral("secret_key"), k.key.id, KeyStore::displayFor(k.key.note, k.key.masked())};
            e.details = {{QStringLiteral("permissions"), QJsonArray::fromStringList(permissions->toStringList())}};
            AuditLog::append(db, store->org.id, e);
            return k.secret;
        });
        out(QString::fromLatin1(secret));
        OPENSSL_cleanse(secret.data(), size_t(secret.size()));
    } catch (const DatabaseError &e) {
        return fail(QStringLiteral("cannot create the key: %1").arg(QString::fromStdString(e.what())));
    }
    return 0;
}

int s_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(s_signalFds[0], &c, 1);
}

int commandServe(const QStringList &args)
{
    QString error;
    const auto o = parseOptions(args, {QStringLiteral("listen"), QStringLiteral("database"), QStringLiteral("config")},
                                {QStringLiteral("demo")}, &error);
    if (!o)
        return fail(error);
    if (o->flags.contains(QStringLiteral("help"))) {
        out(usageText());
        return 0;
    }
    const QString listen = o->values.value(QStringLiteral("listen"), QStringLiteral("127.0.0.1:8787"));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
    QString host = colon > 0 ? listen.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : host);
    if (!portOk || port > 65535 || address.isNull())
        return fail(QStringLiteral("--listen must be HOST:PORT, such as 127.0.0.1:8787 (got \"%1\")").arg(listen));

    ServerConfig config = ServerConfig::defaults();
    if (o->values.contains(QStringLiteral("config"))) {
        const auto loaded = ServerConfig::fromFile(o->values.value(QStringLiteral("config")), &error);
        if (!loaded)
            return fail(error);
        config = *loaded;
    }
    const QString url = o->values.value(QStringLiteral("database"), Database::defaultUrl());
    auto store = openStore(url, *o, false, &error);
    if (!store)
        return fail(error);
    if (o->flags.contains(QStringLiteral("demo"))) {
        try {
            store->db->write([&](QSqlDatabase &db) {
                if (!DemoData::isEmpty(db))
                    return;
                if (store->org.name == QLatin1String("My organisation")) {
                    store->org.name = QStringLiteral("Acme Payments (demo)");
                    store->org.tier = QStringLiteral("enterprise");
                    store->org.update(db);
                }
                const auto s = DemoData::fill(db, *store->secrets, store->org, QDateTime::currentMSecsSinceEpoch());
                std::fprintf(stderr, "keyward-server: demo data: %d secret keys, %d publishable keys, %d audit events, %d payments\n",
                             s.secretKeys, s.publishableKeys, s.auditEvents, s.payments);
            });
        } catch (const DatabaseError &e) {
            return fail(QStringLiteral("cannot fill the demo database: %1").arg(QString::fromStdString(e.what())));
        }
    }

    ApiServer server(*store->db, *store->secrets, store->org, config);
    const quint16 actualPort = server.listen(address, quint16(port), &error);
    if (!actualPort)
        return fail(error);
    // Signal handling before the "listening" line: a supervisor (or a test) may send SIGTERM as
    // soon as it has read that line, and must get the graceful stop, not the default action.
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s_signalFds) != 0)
        return fail(QStringLiteral("cannot set up signal handling: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    auto *notifier = new QSocketNotifier(s_signalFds[1], QSocketNotifier::Read, &server);
    QObject::connect(notifier, &QSocketNotifier::activated, &server, [&server, notifier] {
        char c;
        [[maybe_unused]] const auto n = ::read(s_signalFds[1], &c, 1);
        notifier->setEnabled(false);
        server.shutdown();
    });
    QObject::connect(&server, &ApiServer::stopped, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    const QString shownHost = address.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + host + QLatin1Char(']') : address.toString();
    out(QStringLiteral("keyward-server listening on http://%1:%2").arg(shownHost).arg(actualPort));
    return QCoreApplication::exec();
}

} // namespace

int runCli(const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty()) {
        // A usage error: the usage goes to stderr so that stdout stays clean for scripts.
        const QByteArray bytes = usageText().toUtf8() + '\n';
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
        return 2;
    }
    if (args.first() == QLatin1String("-h") || args.first() == QLatin1String("--help")
        || args.first() == QLatin1String("help")) {
        out(usageText());
        return 0;
    }
    if (args.first() == QLatin1String("-v") || args.first() == QLatin1String("--version")) {
        out(QStringLiteral("keyward-server %1").arg(QCoreApplication::applicationVersion()));
        return 0;
    }
    const QString command = args.first();
    if (command == QLatin1String("init"))
        return commandInit(args.mid(1));
    if (command == QLatin1String("serve"))
        return commandServe(args.mid(1));
    if (command == QLatin1String("key")) {
        if (args.value(1) == QLatin1String("--help") || args.value(1) == QLatin1String("-h")) {
            out(usageText());
            return 0;
        }
        if (args.value(1) == QLatin1String("create"))
            return commandKeyCreate(args.mid(2));
        if (args.size() < 2)
            return fail(QStringLiteral("\"key\" needs a subcommand: \"key create\"; see keyward-server --help"));
        return fail(QStringLiteral("unknown key command \"%1\"; the key command is \"key create\"").arg(args.value(1)));
    }
    return fail(QStringLiteral("unknown command \"%1\"; see keyward-server --help").arg(command));
}

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"
#include "CliSupport.h"

#include "ApiServer.h"
#include "AuditLog.h"
#include "AuditSeeder.h"
#include "Database.h"
#include "DatabaseCopy.h"
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
#include <QUrl>

#include <openssl/crypto.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

namespace keyward::server {

using namespace cli;

namespace {

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
            .arg(created ? QStringLiteral("initialised") : QStringLiteral("up to date"), store->db->location().display(), store->org.name,
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

int commandSeedAudit(const QStringList &args)
{
    QString error;
    const auto o = parseOptions(args, {QStringLiteral("database"), QStringLiteral("events"), QStringLiteral("days"),
                                       QStringLiteral("seed"), QStringLiteral("org")}, {}, &error);
    if (!o)
        return fail(error);
    if (o->flags.contains(QStringLiteral("help"))) {
        out(usageText());
        return 0;
    }
    AuditSeeder::Options options;
    bool ok = false;
    options.events = o->values.value(QStringLiteral("events")).toLongLong(&ok);
    if (!ok || options.events < 1 || options.events > 100'000'000)
        return fail(QStringLiteral("--events must be a number of events from 1 to 100000000"));
    if (o->values.contains(QStringLiteral("days"))) {
        options.days = o->values.value(QStringLiteral("days")).toInt(&ok);
        if (!ok || options.days < 1 || options.days > 3650)
            return fail(QStringLiteral("--days must be a number of days from 1 to 3650"));
    }
    if (o->values.contains(QStringLiteral("seed"))) {
        options.seed = o->values.value(QStringLiteral("seed")).toUInt(&ok);
        if (!ok)
            return fail(QStringLiteral("--seed must be a whole number"));
    }
    const QString url = o->values.value(QStringLiteral("database"), Database::defaultUrl());
    auto store = openStore(url, *o, false, &error);
    if (!store)
        return fail(error);
    options.orgId = o->values.value(QStringLiteral("org"), store->org.id);
    if (options.orgId.isEmpty() || options.orgId.size() > 100)
        return fail(QStringLiteral("--org must be an organisation id"));
    try {
        const AuditSeeder::Result r = AuditSeeder::seed(*store->db, options);
        out(QStringLiteral("%1 audit events added to %2 (evt_%3 to evt_%4)")
                .arg(r.events).arg(store->db->location().display()).arg(r.firstSeq).arg(r.lastSeq));
    } catch (const DatabaseError &e) {
        return fail(QStringLiteral("cannot add the audit events: %1").arg(QString::fromStdString(e.what())));
    }
    return 0;
}

int commandCopyDatabase(const QStringList &args)
{
    QString error;
    const auto o = parseOptions(args, {QStringLiteral("database"), QStringLiteral("to")}, {}, &error);
    if (!o)
        return fail(error);
    if (o->flags.contains(QStringLiteral("help"))) {
        out(usageText());
        return 0;
    }
    if (!o->values.contains(QStringLiteral("database")) || !o->values.contains(QStringLiteral("to")))
        return fail(QStringLiteral("copy-database needs --database SOURCE_URL and --to TARGET_URL"));
    Database source(o->values.value(QStringLiteral("database")));
    Database target(o->values.value(QStringLiteral("to")));
    if (!source.open(&error))
        return fail(QStringLiteral("cannot open the source %1: %2").arg(source.location().display(), error));
    if (!target.open(&error))
        return fail(QStringLiteral("cannot open the target %1: %2").arg(target.location().display(), error));
    try {
        const DatabaseCopy::Result r = DatabaseCopy::copy(source, target);
        out(QStringLiteral("copied %1 rows in %2 tables from %3 to %4; the audit chain verifies (%5 events)")
                .arg(r.rows).arg(r.tables).arg(source.location().display(), target.location().display())
                .arg(r.auditEvents));
    } catch (const DatabaseError &e) {
        return fail(QStringLiteral("nothing was copied: %1").arg(QString::fromStdString(e.what())));
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
    const auto o = parseOptions(args, {QStringLiteral("listen"), QStringLiteral("database"), QStringLiteral("config"),
                                       QStringLiteral("issuer"), QStringLiteral("trust-issuer"),
                                       QStringLiteral("trust-audience")},
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
    if (o->values.contains(QStringLiteral("issuer"))) {
        const QUrl issuer(o->values.value(QStringLiteral("issuer")));
        if (!issuer.isValid() || (issuer.scheme() != QLatin1String("https") && issuer.scheme() != QLatin1String("http"))
            || issuer.host().isEmpty() || issuer.hasQuery() || issuer.hasFragment())
            return fail(QStringLiteral("--issuer must be the server's public base URL, such as https://keys.example.com"));
        config.issuer = issuer.toString();
    }
    for (const QString &trusted : o->lists.value(QStringLiteral("trust-issuer"))) {
        const QUrl url(trusted);
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
            || url.host().isEmpty())
            return fail(QStringLiteral("--trust-issuer must be an issuer URL such as https://accounts.example.com"));
        config.trustedIssuers.append(trusted); // compared exactly with the tokens' iss
    }
    config.trustedAudiences = o->lists.value(QStringLiteral("trust-audience"));
    if (!config.trustedIssuers.isEmpty() && config.trustedAudiences.isEmpty())
        return fail(QStringLiteral("--trust-issuer needs at least one --trust-audience (the audience your provider puts in tokens for this API)"));
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
                std::fprintf(stderr, "keyward-server: demo data: %d secret keys, %d publishable keys, %d audit events, "
                             "%d payments, %d users\n", s.secretKeys, s.publishableKeys, s.auditEvents, s.payments, s.users);
            });
        } catch (const DatabaseError &e) {
            return fail(QStringLiteral("cannot fill the demo database: %1").arg(QString::fromStdString(e.what())));
        }
    }

    if (o->flags.contains(QStringLiteral("demo")))
        config.signInHint = DemoData::signInHint();
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
    if (command == QLatin1String("user"))
        return commandUser(args.mid(1));
    if (command == QLatin1String("client"))
        return commandClient(args.mid(1));
    if (command == QLatin1String("org"))
        return commandOrg(args.mid(1));
    if (command == QLatin1String("seed-audit"))
        return commandSeedAudit(args.mid(1));
    if (command == QLatin1String("signing-key"))
        return commandSigningKey(args.mid(1));
    if (command == QLatin1String("copy-database"))
        return commandCopyDatabase(args.mid(1));
    return fail(QStringLiteral("unknown command \"%1\"; see keyward-server --help").arg(command));
}

} // namespace keyward::server

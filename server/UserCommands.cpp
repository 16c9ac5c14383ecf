// SPDX-License-Identifier: GPL-3.0-or-later
// keyward-server user … and signing-key … commands.
#include "AuditLog.h"
#include "CliSupport.h"
#include "Database.h"
#include "OAuthStore.h"
#include "PasswordHasher.h"
#include "ServerSecrets.h"
#include "Totp.h"
#include "UserStore.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTextStream>
#include <QUrl>

#include <openssl/crypto.h>

#include <cstdio>
#include <iostream>

namespace keyward::server::cli {

namespace {
const Actor CliActor {QStringLiteral("system"), QString(), QStringLiteral("keyward-server CLI")};

void audit(QSqlDatabase &db, const QString &orgId, const QString &action, const User &user, const QJsonObject &details,
           qint64 nowMs)
{
    AuditEvent e;
    e.atMs = nowMs;
    e.actor = CliActor;
    e.action = action;
    e.target = {QStringLiteral("user"), user.id, user.display()};
    e.details = details;
    AuditLog::append(db, orgId, e);
}

QByteArray readPasswordFromStdin()
{
    std::string line;
    std::getline(std::cin, line);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.pop_back();
    QByteArray out(line.data(), qsizetype(line.size()));
    OPENSSL_cleanse(line.data(), line.size());
    return out;
}

int userAdd(const QStringList &args)
{
    QString error;
    const auto o = parseOptions(args, {QStringLiteral("database"), QStringLiteral("email"), QStringLiteral("name"),
                                       QStringLiteral("role")},
                                {QStringLiteral("password-stdin"), QStringLiteral("mfa")}, &error);
    if (!o)
        return fail(error);
    const QString email = o->values.value(QStringLiteral("email")).trimmed();
    const QString name = o->values.value(QStringLiteral("name")).trimmed();
    User::Role role {};
    if (!UserStore::isPlausibleEmail(email))
        return fail(QStringLiteral("--email must be an email address such as ada@example.com"));
    if (name.isEmpty() || name.size() > 200)
        return fail(QStringLiteral("--name must be 1 to 200 characters"));
    if (!User::roleFromName(o->values.value(QStringLiteral("role")), &role))
        return fail(QStringLiteral("--role must be owner, admin, developer or viewer"));
    QString hash;
    if (o->flags.contains(QStringLiteral("password-stdin"))) {
        QByteArray password = readPasswordFromStdin();
        const QString problem = PasswordHasher::problemWith(QString::fromUtf8(password));
        if (!problem.isEmpty()) {
            OPENSSL_cleanse(password.data(), size_t(password.size()));
            return fail(problem);
        }
        hash = PasswordHasher::hash(password);
        OPENSSL_cleanse(password.data(), size_t(password.size()));
    }
    auto store = openStore(o->values.value(QStringLiteral("database"), Database::defaultUrl()), *o, false, &error);
    if (!store)
        return fail(error);
    const QByteArray totpSecret = o->flags.contains(QStringLiteral("mfa")) ? Totp::newSecret() : QByteArray();
    try {
        const auto added = store->db->write([&](QSqlDatabase &db) -> std::optional<User> {
            if (UserStore::findByEmail(db, email))
                return std::nullopt;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            User u = UserStore::add(db, store->org.id, email, name, role, hash, now);
            if (!totpSecret.isEmpty()) {
                UserStore::setTotpSecret(db, u.id, totpSecret, now);
                u.hasMfa = true;
            }
            audit(db, store->org.id, QStringLiteral("user.created"), u,
                  {{QStringLiteral("role"), User::roleName(role)}, {QStringLiteral("mfa"), u.hasMfa}}, now);
            return u;
        });
        if (!added)
            return fail(QStringLiteral("a user with the email %1 already exists").arg(email));
        out(QStringLiteral("added %1 as %2 (%3)").arg(added->display(), User::roleName(role), added->id));
        if (!totpSecret.isEmpty()) {
            // The enrolment secret, once: as a URI for password managers and as a QR code to scan.
            const QString uri = Totp::otpauthUri(store->org.name, added->email, totpSecret);
            out(uri);
            out(Totp::qrTerminal(uri));
        }
    } catch (const DatabaseError &e) {
        return fail(QStringLiteral("cannot add the user: %1").arg(QString::fromStdString(e.what())));
    }
    return 0;
}

int userList(const QStringList &args)
{
    QString error;
    const auto o = parseOptions(args, {QStringLiteral("database")}, {}, &error);
    if (!o)
        return fail(error);
    auto store = openStore(o->values.value(QStringLiteral("database"), Database::defaultUrl()), *o, false, &error);
    if (!store)
        return fail(error);
    QSqlDatabase db = store->db->connection();
    const QList<User> users = UserStore::list(db, store->org.id);
    out(QStringLiteral("%1  %2  %3  %4  %5").arg(QStringLiteral("EMAIL"), -32).arg(QStringLiteral("NAME"), -24)
            .arg(QStringLiteral("ROLE"), -9).arg(QStringLiteral("STATUS"), -8).arg(QStringLiteral("MFA")));
    for (const User &u : users) {
        out(QStringLiteral("%1  %2  %3  %4  %5").arg(u.email, -32).arg(u.name, -24).arg(User::roleName(u.role), -9)
                .arg(u.disabled ? QStringLiteral("disabled") : QStringLiteral("active"), -8)
                .arg(u.hasMfa ? QStringLiteral("yes") : QStringLiteral("no")));
    }
    return 0;
}

// set-role, disable, enable, reset-mfa: find the user by email, change, audit.
int userChange(const QString &what, const QStringList &args)
{
    QString error;
    QSet<QString> valued {QStringLiteral("database"), QStringLiteral("email")};
    if (what == QLatin1String("set-role"))
        valued.insert(QStringLiteral("role"));
    const auto o = parseOptions(args, valued, {}, &error);
    if (!o)
        return fail(error);
    User::Role role {};
    if (what == QLatin1String("set-role") && !User::roleFromName(o->values.value(QStringLiteral("role")), &role))
        return fail(QStringLiteral("--role must be owner, admin, developer or viewer"));
    const QString email = o->values.value(QStringLiteral("email"));
    if (email.isEmpty())
        return fail(QStringLiteral("--email names the user to change"));
    auto store = openStore(o->values.value(QStringLiteral("database"), Database::defaultUrl()), *o, false, &error);
    if (!store)
        return fail(error);
    try {
        const auto changed = store->db->write([&](QSqlDatabase &db) -> std::optional<User> {
            auto user = UserStore::findByEmail(db, email);
            if (!user)
                return std::nullopt;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (what == QLatin1String("set-role")) {
                const QString from = User::roleName(user->role);
                UserStore::setRole(db, user->id, role, now);
                user->role = role;
                audit(db, store->org.id, QStringLiteral("user.role_changed"), *user,
                      {{QStringLiteral("from"), from}, {QStringLiteral("to"), User::roleName(role)}}, now);
            } else if (what == QLatin1String("disable") || what == QLatin1String("enable")) {
                const bool disable = what == QLatin1String("disable");
                UserStore::setDisabled(db, user->id, disable, now);
                user->disabled = disable;
                audit(db, store->org.id, disable ? QStringLiteral("user.disabled") : QStringLiteral("user.enabled"),
                      *user, {}, now);
            } else {
                UserStore::clearMfa(db, user->id, now);
                audit(db, store->org.id, QStringLiteral("user.mfa_reset"), *user, {}, now);
            }
            return user;
        });
        if (!changed)
            return fail(QStringLiteral("no user has the email %1").arg(email));
        out(QStringLiteral("%1: %2").arg(changed->display(),
                                        what == QLatin1String("set-role") ? QStringLiteral("role is now ") + User::roleName(role)
                                        : what == QLatin1String("disable") ? QStringLiteral("disabled")
                                        : what == QLatin1String("enable")  ? QStringLiteral("enabled")
                                                                           : QStringLiteral("MFA reset")));
    } catch (const DatabaseError &e) {
        return fail(QStringLiteral("cannot change the user: %1").arg(QString::fromStdString(e.what())));
    }
    return 0;
}
} // namespace

int commandUser(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("add"))
        return userAdd(args.mid(1));
    if (sub == QLatin1String("list"))
        return userList(args.mid(1));
    if (sub == QLatin1String("set-role") || sub == QLatin1String("disable") || sub == QLatin1String("enable")
        || sub == QLatin1String("reset-mfa"))
        return userChange(sub, args.mid(1));
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out(usageText());
        return 0;
    }
    return fail(QStringLiteral("unknown user command \"%1\"; use add, list, set-role, disable, enable or reset-mfa")
                    .arg(sub));
}

int commandClient(const QStringList &args)
{
    if (args.value(0) != QLatin1String("add"))
        return fail(QStringLiteral("unknown client command \"%1\"; the command is \"client add\"").arg(args.value(0)));
    QString error;
    const auto o = parseOptions(args.mid(1), {QStringLiteral("database"), QStringLiteral("client-id"), QStringLiteral("name"),
                                              QStringLiteral("redirect-uri")},
                                {QStringLiteral("loopback")}, &error);
    if (!o)
        return fail(error);
    OAuthClient client;
    client.clientId = o->values.value(QStringLiteral("client-id")).trimmed();
    client.name = o->values.value(QStringLiteral("name")).trimmed();
    static const QRegularExpression idRe(QStringLiteral("^[A-Za-z0-9._-]{3,64}$"));
    if (!idRe.match(client.clientId).hasMatch())
        return fail(QStringLiteral("--client-id must be 3 to 64 letters, digits, dots, dashes or underscores"));
    if (client.name.isEmpty() || client.name.size() > 100)
        return fail(QStringLiteral("--name must be 1 to 100 characters"));
    const QStringList uris = o->lists.value(QStringLiteral("redirect-uri"));
    if (o->flags.contains(QStringLiteral("loopback")) == !uris.isEmpty())
        return fail(QStringLiteral("give either --loopback (a native app, RFC 8252) or one or more --redirect-uri"));
    client.redirectPolicy = uris.isEmpty() ? QStringLiteral("loopback") : QStringLiteral("exact");
    for (const QString &uri : uris) {
        const QUrl url(uri, QUrl::StrictMode);
        const bool secure = url.scheme() == QLatin1String("https") || OAuthClient::isLoopbackRedirect(url);
        if (!url.isValid() || url.host().isEmpty() || url.hasFragment() || !secure)
            return fail(QStringLiteral("--redirect-uri %1 must be an https URL (or http on a loopback address) without a fragment").arg(uri));
        client.redirectUris.append(url.toString(QUrl::FullyEncoded));
    }
    auto store = openStore(o->values.value(QStringLiteral("database"), Database::defaultUrl()), *o, false, &error);
    if (!store)
        return fail(error);
    try {
        const bool added = store->db->write([&](QSqlDatabase &db) {
            if (OAuthStore::client(db, client.clientId))
                return false;
            OAuthStore::addClient(db, client, QDateTime::currentMSecsSinceEpoch());
            return true;
        });
        if (!added)
            return fail(QStringLiteral("a client with the id %1 already exists").arg(client.clientId));
        out(QStringLiteral("added client %1 (%2), public, PKCE required").arg(client.clientId, client.name));
    } catch (const DatabaseError &e) {
        return fail(QStringLiteral("cannot add the client: %1").arg(QString::fromStdString(e.what())));
    }
    return 0;
}

int commandOrg(const QStringList &args)
{
    if (args.value(0) != QLatin1String("set"))
        return fail(QStringLiteral("unknown org command \"%1\"; the command is \"org set\"").arg(args.value(0)));
    QString error;
    const auto o = parseOptions(args.mid(1), {QStringLiteral("database"), QStringLiteral("org-name"), QStringLiteral("tier")},
                                {QStringLiteral("require-mfa"), QStringLiteral("no-require-mfa")}, &error);
    if (!o)
        return fail(error);
    if (o->flags.contains(QStringLiteral("require-mfa")) && o->flags.contains(QStringLiteral("no-require-mfa")))
        return fail(QStringLiteral("--require-mfa and --no-require-mfa contradict each other"));
    auto store = openStore(o->values.value(QStringLiteral("database"), Database::defaultUrl()), *o, true, &error);
    if (!store)
        return fail(error);
    try {
        const Organization org = store->db->write([&](QSqlDatabase &db) {
            Organization current = *Organization::load(db);
            if (o->flags.contains(QStringLiteral("require-mfa")) || o->flags.contains(QStringLiteral("no-require-mfa"))) {
                current.requireMfa = o->flags.contains(QStringLiteral("require-mfa"));
                current.update(db);
                AuditEvent e;
                e.atMs = QDateTime::currentMSecsSinceEpoch();
                e.actor = CliActor;
                e.action = QStringLiteral("org.updated");
                e.target = {QStringLiteral("organization"), current.id, current.name};
                e.details = {{QStringLiteral("require_mfa"), current.requireMfa}};
                AuditLog::append(db, current.id, e);
            }
            return current;
        });
        out(QStringLiteral("organisation \"%1\": %2 tier, MFA %3").arg(org.name, org.tier,
                                                                          org.requireMfa ? QStringLiteral("required")
                                                                                         : QStringLiteral("optional")));
    } catch (const DatabaseError &e) {
        return fail(QStringLiteral("cannot change the organisation: %1").arg(QString::fromStdString(e.what())));
    }
    return 0;
}

int commandSigningKey(const QStringList &args)
{
    if (args.value(0) != QLatin1String("rotate"))
        return fail(QStringLiteral("unknown signing-key command \"%1\"; the command is \"signing-key rotate\"")
                        .arg(args.value(0)));
    QString error;
    const auto o = parseOptions(args.mid(1), {QStringLiteral("database")}, {}, &error);
    if (!o)
        return fail(error);
    auto store = openStore(o->values.value(QStringLiteral("database"), Database::defaultUrl()), *o, false, &error);
    if (!store)
        return fail(error);
    try {
        const QString kid = store->db->write([&](QSqlDatabase &db) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            const QString newKid = ServerSecrets::rotateSigningKey(db, now);
            AuditEvent e;
            e.atMs = now;
            e.actor = CliActor;
            e.action = QStringLiteral("signing_key.rotated");
            e.target = {QStringLiteral("signing_key"), newKid, QStringLiteral("ES256 key ") + newKid};
            AuditLog::append(db, store->org.id, e);
            return newKid;
        });
        out(QStringLiteral("new signing key %1; a running server signs with it after its next start").arg(kid));
    } catch (const DatabaseError &e) {
        return fail(QStringLiteral("cannot rotate the signing key: %1").arg(QString::fromStdString(e.what())));
    }
    return 0;
}

} // namespace keyward::server::cli

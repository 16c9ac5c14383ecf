// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoData.h"

#include "AuditLog.h"
#include "Database.h"
#include "KeyStore.h"
#include "ServerSecrets.h"
#include "PasswordHasher.h"
#include "Timestamps.h"
#include "Totp.h"
#include "UserStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTimeZone>

#include <openssl/crypto.h>

#include <algorithm>

namespace keyward::server {

namespace {
constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

struct DemoKey
{
    const char *note;
    const char *permissions;
    int createdDaysAgo;
    enum State { Active, UsedRecently, NeverUsed, ExpiringSoon, Expired, Revoked, Deleted } state;
};

const DemoKey Keys[] = {
    {"production-server", "payments:write,customers:write,refunds:write", 88, DemoKey::UsedRecently},
    {"billing-service", "payments:write,customers:read", 85, DemoKey::UsedRecently},
    // Revoked by Olivia Owner last Tuesday afternoon, and still tried since: the audit page's
    // question "who revoked the billing key last Tuesday, and has it been tried since?".
    {"billing-service (2025 key)", "payments:write,customers:read", 89, DemoKey::Revoked},
    {"GitHub Actions - Production", "payments:read,webhooks:write", 80, DemoKey::Active},
    {"GitHub Actions - Staging", "payments:read,webhooks:write", 80, DemoKey::Active},
    {"checkout-web (EU)", "payments:write", 77, DemoKey::UsedRecently},
    {"checkout-web (US)", "payments:write", 77, DemoKey::UsedRecently},
    {"refund-worker", "refunds:write,payments:read", 70, DemoKey::Active},
    {"reporting cron", "payments:read,refunds:read,customers:read", 69, DemoKey::Active},
    {"data warehouse sync", "payments:read,customers:read,refunds:read", 66, DemoKey::UsedRecently},
    {"support tooling", "customers:read,payments:read", 64, DemoKey::Active},
    {"legacy PHP checkout", "payments:write,customers:write", 88, DemoKey::Revoked},
    {"mobile backend", "payments:write,customers:write", 60, DemoKey::Active},
    {"Zapier integration", "customers:read", 58, DemoKey::NeverUsed},
    {"webhook relay", "webhooks:write", 57, DemoKey::Active},
    {"fraud scoring service", "payments:read,customers:read", 55, DemoKey::UsedRecently},
    {"key automation (ops)", "secret_keys:write,audit_log:read,publishable_keys:write", 89, DemoKey::Active},
    {"security audit export", "audit_log:read", 52, DemoKey::Active},
    {"contractor sandbox - Q3", "payments:read", 50, DemoKey::Expired},
    {"load test harness", "payments:write,customers:write,refunds:write,webhooks:write", 48, DemoKey::Expired},
    {"partner: Acme Books", "payments:read,refunds:read", 47, DemoKey::ExpiringSoon},
    {"partner: Northwind", "payments:read", 46, DemoKey::ExpiringSoon},
    {"ledger reconciliation", "payments:read,refunds:read", 45, DemoKey::Active},
    {"old CI runner", "payments:read,webhooks:write", 86, DemoKey::Revoked},
    {"leaked in pastebin 2026-09", "payments:write,customers:write", 75, DemoKey::Revoked},
    {"customer portal", "customers:write,payments:read", 42, DemoKey::UsedRecently},
    {"subscription renewals", "payments:write,customers:read", 41, DemoKey::Active},
    {"dunning emails", "customers:read,payments:read", 40, DemoKey::Active},
    {"analytics notebook", "payments:read", 39, DemoKey::NeverUsed},
    {"staging-server", "payments:write,customers:write,refunds:write", 38, DemoKey::Active},
    {"QA automation", "payments:write,refunds:write", 37, DemoKey::ExpiringSoon},
    {"terraform provider", "webhooks:write,secret_keys:read", 36, DemoKey::Active},
    {"hackathon demo", "payments:write,customers:write,refunds:write,webhooks:write", 35, DemoKey::Expired},
    {"invoice PDF renderer", "customers:read", 34, DemoKey::Active},
    {"tax calculation service", "payments:read,customers:read", 30, DemoKey::UsedRecently},
    {"marketplace payouts", "payments:write,refunds:write", 28, DemoKey::Active},
    {"retired: v1 API bridge", "payments:write", 84, DemoKey::Deleted},
    {"retired: beta mobile app", "payments:read", 82, DemoKey::Deleted},
    {"chargeback handler", "refunds:write,payments:read", 25, DemoKey::Active},
    {"Slack bot", "payments:read", 21, DemoKey::NeverUsed},
    {"new checkout (canary)", "payments:write", 14, DemoKey::UsedRecently},
    {"incident response (break glass)", "secret_keys:write,audit_log:read", 12, DemoKey::NeverUsed},
    {"ERP connector", "payments:read,customers:write", 9, DemoKey::Active},
    {"customer success dashboard", "customers:read,payments:read,refunds:read", 6, DemoKey::Active},
    {"partner: Globex", "payments:read", 3, DemoKey::ExpiringSoon},
    {"billing-service (rotated)", "payments:write,customers:read", 1, DemoKey::UsedRecently},
    {"pen-test 2026 Q4", "payments:read,customers:read", 20, DemoKey::Revoked},
};

const char *const ScannerIps[] = {"203.0.113.45", "198.51.100.23", "192.0.2.77", "203.0.113.199",
                                  "198.51.100.142", "45.83.64.12"};
const char *const AppIps[] = {"10.20.1.15", "10.20.1.16", "10.20.4.2", "172.16.8.40", "172.16.9.11"};
const char *const ScannerAgents[] = {"python-requests/2.31.0", "curl/8.4.0", "Go-http-client/1.1",
                                     "Mozilla/5.0 (compatible; scanner/1.0)"};
const char *const AppAgents[] = {"odus-node/4.2.0", "odus-python/3.1.1", "okhttp/4.12.0", "odus-go/1.9.3"};
const char *const Paths[] = {"/payments", "/customers", "/refunds", "/secret-keys", "/audit-events"};
} // namespace

QList<DemoData::DemoUser> DemoData::users()
{
    return {{"olivia.owner@example.com", "Olivia Owner", "owner", "demo-owner-password", false},
            {"adam.admin@example.com", "Adam Admin", "admin", "demo-admin-password", false},
            {"dana.developer@example.com", "Dana Developer", "developer", "demo-developer-password", true},
            {"victor.viewer@example.com", "Victor Viewer", "viewer", "demo-viewer-password", false}};
}

QByteArray DemoData::demoTotpSecret()
{
    return QByteArrayLiteral("keyward-demo-totp!!!"); // 20 bytes, public on purpose: demo only
}

QString DemoData::signInHint()
{
    QStringList lines;
    for (const DemoUser &u : users())
        lines.append(QStringLiteral("%1 (%2)\t%3\t%4\t%5")
                         .arg(QLatin1String(u.email), QLatin1String(u.role), QLatin1String(u.password),
                              u.mfa ? Totp::base32(demoTotpSecret()) : QString(), QString()));
    return lines.join(QLatin1Char('\n'));
}

bool DemoData::isEmpty(QSqlDatabase &db)
{
    Sql q(db, QStringLiteral("SELECT (SELECT COUNT(*) FROM secret_keys) + (SELECT COUNT(*) FROM audit_events)"));
    q.exec();
    return q.next() && q.integer(0) == 0;
}

DemoData::Summary DemoData::fill(QSqlDatabase &db, const ServerSecrets &secrets, const Organization &org,
                                 qint64 nowMs, quint32 seed)
{
    QRandomGenerator rng(seed);
    auto pick = [&](const auto &array) { return array[rng.bounded(int(std::size(array)))]; };
    Summary summary;
    QList<AuditEvent> events;
    const Actor cli {QStringLiteral("system"), QString(), QStringLiteral("keyward-server CLI")};
    const Actor sweeper {QStringLiteral("system"), QString(), QStringLiteral("keyward-server")};
    Actor ops = cli;
    QHash<QString, Actor> people; // by email
    // The people first, so that the history can name them.
    for (const DemoUser &u : users()) {
        User::Role role {};
        User::roleFromName(QLatin1String(u.role), &role);
        User added = UserStore::add(db, org.id, QLatin1String(u.email), QLatin1String(u.name), role,
                                          PasswordHasher::hash(QByteArray(u.password)), nowMs - 90 * Day);
        if (u.mfa)
            UserStore::setTotpSecret(db, added.id, demoTotpSecret(), nowMs - 90 * Day);
        ++summary.users;
        people.insert(QLatin1String(u.email), {QStringLiteral("user"), added.id, added.display()});
    }


    struct Created
    {
        ApiKey key;
        DemoKey::State state;
        qint64 createdMs;
    };
    QList<Created> created;
    for (const DemoKey &demo : Keys) {
        const qint64 createdMs = nowMs - demo.createdDaysAgo * Day - rng.bounded(8 * 60) * Minute;
        qint64 expiresMs = 0;
        if (demo.state == DemoKey::ExpiringSoon)
            expiresMs = nowMs + (2 + rng.bounded(11)) * Day;
        else if (demo.state == DemoKey::Expired)
            expiresMs = nowMs - (1 + rng.bounded(20)) * Day;
        const auto perms = PermissionSet::parse(QString::fromLatin1(demo.permissions).split(QLatin1Char(',')));
        const Actor creator = QString::fromLatin1(demo.note).startsWith(QLatin1String("key automation")) ? cli : ops;
        // "X (rotated)" replaces the key "X": a rotation in progress (both keys still in use).
        std::optional<Created> replaced;
        const QString note = QString::fromLatin1(demo.note);
        if (note.endsWith(QLatin1String(" (rotated)"))) {
            for (const Created &c : std::as_const(created)) {
                if (c.key.note == note.chopped(10))
                    replaced = c;
            }
        }
        // Expired keys were created with a future expiry; insert with it directly.
        NewSecretKey k = KeyStore::createSecretKey(db, secrets, org, note, *perms, expiresMs, creator, createdMs,
                                                   replaced ? replaced->key.id : QString());
        OPENSSL_cleanse(k.secret.data(), size_t(k.secret.size()));
        k.secret.clear();
        if (QString::fromLatin1(demo.note).startsWith(QLatin1String("key automation")))
            ops = {QStringLiteral("secret_key"), k.key.id, KeyStore::displayFor(k.key.note, k.key.masked())};
        created.append({k.key, demo.state, createdMs});
        ++summary.secretKeys;

        const Actor target {QStringLiteral("secret_key"), k.key.id, KeyStore::displayFor(k.key.note, k.key.masked())};
        AuditEvent e;
        e.atMs = createdMs;
        e.actor = creator;
        e.action = QStringLiteral("secret_key.created");
        e.target = target;
        e.ip = creator.type == QLatin1String("system") ? QString() : QStringLiteral("10.20.0.5");
        e.userAgent = creator.type == QLatin1String("system") ? QString() : QStringLiteral("terraform-provider-odus/0.9");
        e.details = {{QStringLiteral("permissions"), QJsonArray::fromStringList(perms->toStringList())}};
        if (replaced) {
            e.details.insert(QStringLiteral("rotates"), replaced->key.id);
            e.requestId = QStringLiteral("req_demorotation01");
            AuditEvent rotated = e;
            rotated.action = QStringLiteral("secret_key.rotated");
            rotated.target = {QStringLiteral("secret_key"), replaced->key.id,
                              KeyStore::displayFor(replaced->key.note, replaced->key.masked())};
            rotated.details = {{QStringLiteral("replacement"), QJsonObject {{QStringLiteral("id"), target.id},
                                                                            {QStringLiteral("display"), target.display}}}};
            events.append(e);
            events.append(rotated); // stable sort by time keeps the pair in this order
        } else {
            events.append(e);
        }

        if (rng.bounded(4) == 0 && demo.createdDaysAgo > 5) {
            AuditEvent u = e;
            u.action = QStringLiteral("secret_key.updated");
            u.atMs = createdMs + rng.bounded(qint64(demo.createdDaysAgo - 2) * Day);
            u.details = {{QStringLiteral("changes"),
                          QJsonObject {{QStringLiteral("note"), QJsonObject {{QStringLiteral("from"), QStringLiteral("new key")},
                                                                             {QStringLiteral("to"), k.key.note}}}}}};
            events.append(u);
        }
        qint64 lastUsed = 0;
        switch (demo.state) {
        case DemoKey::UsedRecently: lastUsed = nowMs - (1 + rng.bounded(40)) * Minute; break;
        case DemoKey::Active:
        case DemoKey::ExpiringSoon: lastUsed = nowMs - (2 + rng.bounded(20 * 24)) * Hour; break;
        case DemoKey::Expired: lastUsed = qMin(expiresMs - Hour, nowMs - Day); break;
        case DemoKey::Revoked:
        case DemoKey::Deleted: lastUsed = nowMs - (10 + rng.bounded(20)) * Day; break;
        case DemoKey::NeverUsed: break;
        }
        if (demo.state == DemoKey::Active && demo.createdDaysAgo > 60 && rng.bounded(2) == 0)
            lastUsed = nowMs - (95 + rng.bounded(10)) * Day > createdMs ? nowMs - 95 * Day : lastUsed;
        if (lastUsed > createdMs) {
            Sql(db, QStringLiteral("UPDATE secret_keys SET last_used_at = ?, last_used_ip = ?, "
                                   "last_used_user_agent = ? WHERE id = ?"))
                .bind(lastUsed).bind(QString::fromLatin1(pick(AppIps))).bind(QString::fromLatin1(pick(AppAgents)))
                .bind(k.key.id).exec();
            const int perDay = 50 + int(rng.bounded(4000));
            for (int d = 0; d < 30; ++d) {
                const qint64 dayMs = nowMs - d * Day;
                if (dayMs > lastUsed + Day || dayMs < createdMs)
                    continue;
                const QDate date = QDateTime::fromMSecsSinceEpoch(dayMs, QTimeZone::utc()).date();
                // Business traffic: weekends run at about a third of a weekday.
                const int weekday = perDay / 2 + int(rng.bounded(perDay));
                const int count = date.dayOfWeek() >= 6 ? weekday / 3 : weekday;
                Sql(db, QStringLiteral("INSERT INTO key_usage_daily (key_id, day, count) VALUES (?, ?, ?) "
                                       "ON CONFLICT (key_id, day) DO UPDATE SET count = excluded.count"))
                    .bind(k.key.id).bind(date.toString(Qt::ISODate)).bind(count).exec();
            }
        }
        if (demo.state == DemoKey::Revoked || demo.state == DemoKey::Deleted) {
            const qint64 at = qMax(lastUsed, createdMs) + Hour + rng.bounded(48) * Hour;
            AuditEvent r = e;
            r.atMs = qMin(at, nowMs - Hour);
            r.actor = ops;
            r.ip = QStringLiteral("10.20.0.5");
            r.userAgent = QStringLiteral("keyward/0.1");
            if (QLatin1String(demo.note) == QLatin1String("billing-service (2025 key)")) {
                // Last Tuesday (a week ago on a Tuesday), 14:12 UTC, by the owner at her desk.
                QDate day = QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc()).date().addDays(-1);
                while (day.dayOfWeek() != Qt::Tuesday)
                    day = day.addDays(-1);
                r.atMs = QDateTime(day, QTime(14, 12, 7), QTimeZone::utc()).toMSecsSinceEpoch();
                r.actor = people.value(QStringLiteral("olivia.owner@example.com"), ops);
                r.ip = QStringLiteral("10.20.3.41");
                r.userAgent = QStringLiteral("Keyward/0.1 (Linux)");
            }
            r.action = demo.state == DemoKey::Revoked ? QStringLiteral("secret_key.revoked")
                                                      : QStringLiteral("secret_key.deleted");
            r.details = demo.state == DemoKey::Revoked
                ? QJsonObject {{QStringLiteral("reason"), QStringLiteral("suspected leak; replaced")}}
                : QJsonObject {{QStringLiteral("status_before"), QStringLiteral("active")}};
            events.append(r);
            if (demo.state == DemoKey::Revoked)
                Sql(db, QStringLiteral("UPDATE secret_keys SET revoked_at = ? WHERE id = ?")).bind(r.atMs).bind(k.key.id).exec();
            else
                Sql(db, QStringLiteral("UPDATE secret_keys SET deleted_at = ? WHERE id = ?")).bind(r.atMs).bind(k.key.id).exec();
            // Denied attempts with the revoked key after revocation.
            if (demo.state == DemoKey::Revoked) {
                for (int i = 0; i < 40; ++i) {
                    AuditEvent d;
                    d.atMs = r.atMs + rng.bounded(qMax<qint64>(Hour, nowMs - r.atMs));
                    d.actor = target;
                    d.action = QStringLiteral("auth.denied");
                    d.target = {QStringLiteral("endpoint"), QString(), QStringLiteral("GET /payments")};
                    d.ip = QString::fromLatin1(pick(ScannerIps));
                    d.userAgent = QString::fromLatin1(pick(ScannerAgents));
                    d.details = {{QStringLiteral("status"), 401}, {QStringLiteral("reason"), QStringLiteral("revoked key")},
                                 {QStringLiteral("method"), QStringLiteral("GET")}, {QStringLiteral("path"), QStringLiteral("/payments")}};
                    events.append(d);
                }
            }
        }
        if (demo.state == DemoKey::Expired) {
            AuditEvent x = e;
            x.atMs = expiresMs;
            x.actor = sweeper;
            x.ip.clear();
            x.userAgent.clear();
            x.action = QStringLiteral("secret_key.expired");
            x.details = {{QStringLiteral("expires_at"), toRfc3339Ms(expiresMs)}};
            events.append(x);
            KeyStore::markExpiryLogged(db, k.key.id);
        }
    }

    // Background noise of a real API: scanners guessing keys, and services missing a permission.
    const int denied = 21'000;
    for (int i = 0; i < denied; ++i) {
        AuditEvent d;
        d.atMs = nowMs - 90 * Day + rng.bounded(90 * Day - Minute);
        d.action = QStringLiteral("auth.denied");
        const QString path = QString::fromLatin1(pick(Paths));
        d.target = {QStringLiteral("endpoint"), QString(), QStringLiteral("GET ") + path};
        if (rng.bounded(10) < 7) {
            d.actor = {QStringLiteral("anonymous"), QString(), QStringLiteral("anonymous client")};
            d.ip = QString::fromLatin1(pick(ScannerIps));
            d.userAgent = QString::fromLatin1(pick(ScannerAgents));
            const char *reason = rng.bounded(3) == 0 ? "missing credentials" : (rng.bounded(2) ? "malformed key" : "unknown, revoked or deleted key");
            d.details = {{QStringLiteral("status"), 401}, {QStringLiteral("reason"), QLatin1String(reason)},
                         {QStringLiteral("method"), QStringLiteral("GET")}, {QStringLiteral("path"), path}};
        } else {
            // Only a key that works can be refused for a missing permission: a revoked, deleted or
            // expired key is refused for that instead (above), and a never-used key stays so.
            const Created *pickedKey = nullptr;
            while (!pickedKey) {
                const Created &candidate = created.at(rng.bounded(int(created.size())));
                if (candidate.state == DemoKey::Active || candidate.state == DemoKey::UsedRecently
                    || candidate.state == DemoKey::ExpiringSoon)
                    pickedKey = &candidate;
            }
            const Created &c = *pickedKey;
            if (c.createdMs > d.atMs)
                d.atMs = c.createdMs + rng.bounded(qMax<qint64>(Minute, nowMs - c.createdMs));
            d.actor = {QStringLiteral("secret_key"), c.key.id, KeyStore::displayFor(c.key.note, c.key.masked())};
            d.ip = QString::fromLatin1(pick(AppIps));
            d.userAgent = QString::fromLatin1(pick(AppAgents));
            const QString resource = path.mid(1).replace(QLatin1Char('-'), QLatin1Char('_'));
            d.details = {{QStringLiteral("status"), 403},
                         {QStringLiteral("reason"), QStringLiteral("missing permission %1:read").arg(resource)},
                         {QStringLiteral("method"), QStringLiteral("GET")}, {QStringLiteral("path"), path}};
        }
        events.append(d);
    }

    std::stable_sort(events.begin(), events.end(), [](const AuditEvent &a, const AuditEvent &b) { return a.atMs < b.atMs; });
    AuditLog::Writer writer(db); // one set of prepared statements for the whole history
    for (AuditEvent &e : events) {
        if (e.requestId.isEmpty())
            e.requestId = QStringLiteral("req_demo") + QString::number(rng.generate64(), 36).left(10);
        writer.append(org.id, e);
    }
    summary.auditEvents = int(events.size());

    const char *const pkNotes[] = {"web checkout", "iOS app", "Android app", "marketing site widget"};
    for (const char *note : pkNotes) {
        KeyStore::createPublishableKey(db, org.id, QString::fromLatin1(note), cli, nowMs - rng.bounded(80) * Day);
        ++summary.publishableKeys;
    }
    const char *const currencies[] = {"eur", "usd", "gbp", "chf"};
    const char *const descriptions[] = {"Order #%1", "Subscription renewal %1", "Invoice INV-%1", "Top-up %1"};
    for (int i = 0; i < 60; ++i) {
        const qint64 at = nowMs - (60 - i) * 36 * Hour;
        Sql(db, QStringLiteral("INSERT INTO payments (id, org_id, amount, currency, description, status, created_at) "
                               "VALUES (?, ?, ?, ?, ?, 'succeeded', ?)"))
            .bind(KeyStore::newId("pay_")).bind(org.id).bind(500 + int(rng.bounded(250000)))
            .bind(QString::fromLatin1(pick(currencies)))
            .bind(QString::fromLatin1(pick(descriptions)).arg(10400 + i)).bind(at).exec();
        ++summary.payments;
    }
    return summary;
}

} // namespace keyward::server

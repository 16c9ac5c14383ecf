// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditSeeder.h"

#include "AuditLog.h"
#include "Database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cmath>

namespace keyward::server {

namespace {
constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

const char *const FirstNames[] = {"Olivia", "Adam",  "Dana",  "Victor", "Maya", "Jonas", "Priya", "Tomás",
                                  "Aiko",   "Lena",  "Marco", "Sofia",  "Ravi", "Noor",  "Elena", "Kwame"};
const char *const LastNames[] = {"Owner",  "Admin", "Developer", "Viewer", "Schmidt", "Okafor", "Rossi",
                                 "Tanaka", "Silva", "Nguyen",    "Haddad", "Kowalski"};
const char *const Services[] = {"billing-service", "checkout-web", "refund-worker", "reporting cron",
                                "data warehouse sync", "mobile backend", "webhook relay", "fraud scoring",
                                "customer portal", "ledger reconciliation", "subscription renewals",
                                "terraform provider", "GitHub Actions", "partner", "QA automation",
                                "ERP connector", "invoice renderer", "marketplace payouts"};
const char *const Environments[] = {"production", "staging", "EU", "US", "canary", "sandbox"};
const char *const Permissions[] = {"payments:read", "payments:write", "customers:read", "customers:write",
                                   "refunds:write", "webhooks:write", "secret_keys:read", "audit_log:read"};
const char *const Paths[] = {"/payments", "/customers", "/refunds", "/secret-keys", "/audit-events", "/webhooks"};
const char *const ScannerAgents[] = {"python-requests/2.31.0", "curl/8.4.0", "Go-http-client/1.1",
                                     "Mozilla/5.0 (compatible; scanner/1.0)", "zgrab/0.x"};
const char *const AppAgents[] = {"odus-node/4.2.0", "odus-python/3.1.1", "okhttp/4.12.0", "odus-go/1.9.3"};
const char *const DenyReasons[] = {"missing credentials", "malformed key", "unknown key", "revoked key",
                                   "expired key"};
const char *const RevokeReasons[] = {"suspected leak; replaced", "service retired", "rotation finished",
                                     "contractor left", "found in a public repository"};

struct Pools
{
    QList<Actor> users;
    QList<Actor> keys;
    QList<Actor> automation; // keys that manage keys
    QStringList scannerIps;
    QStringList officeIps;
    QStringList appIps;
};

class Generator
{
public:
    explicit Generator(quint32 seed)
        : m_rng(seed)
    {
        for (int i = 0; i < 60; ++i) {
            const QString first = QString::fromUtf8(pick(FirstNames));
            const QString last = QString::fromUtf8(pick(LastNames));
            const QString email = QStringLiteral("%1.%2%3@example.com").arg(first.toLower(), last.toLower()).arg(i);
            m_pools.users.append({QStringLiteral("user"), id("usr_"), QStringLiteral("%1 %2 <%3>").arg(first, last, email)});
        }
        for (int i = 0; i < 4000; ++i) {
            const QString note = QStringLiteral("%1 (%2) #%3")
                                     .arg(QLatin1String(pick(Services)), QLatin1String(pick(Environments)))
                                     .arg(i);
            const QString masked = QStringLiteral("skey_••••••••") + id("").right(4);
            m_pools.keys.append({QStringLiteral("secret_key"), id("key_"), QStringLiteral("%1 (%2)").arg(note, masked)});
        }
        for (int i = 0; i < 6; ++i)
            m_pools.automation.append(m_pools.keys.at(i * 7));
        for (int i = 0; i < 400; ++i)
            m_pools.scannerIps.append(QStringLiteral("%1.%2.%3.%4")
                                          .arg(std::array {203, 198, 45, 185, 91}[m_rng.bounded(5)])
                                          .arg(m_rng.bounded(256)).arg(m_rng.bounded(256)).arg(1 + m_rng.bounded(254)));
        for (int i = 0; i < 50; ++i)
            m_pools.officeIps.append(QStringLiteral("10.20.0.%1").arg(i + 2));
        for (int i = 0; i < 300; ++i)
            m_pools.appIps.append(QStringLiteral("172.16.%1.%2").arg(m_rng.bounded(32)).arg(1 + m_rng.bounded(254)));
    }

    // Event times, oldest first: more on weekdays and in office hours (UTC+1).
    QList<qint64> times(qint64 count, qint64 endMs, int days)
    {
        QList<qint64> out;
        out.reserve(count);
        const qint64 span = qint64(days) * Day;
        while (out.size() < count) {
            const qint64 t = endMs - span + qint64(m_rng.bounded(double(span)));
            const QDateTime local = QDateTime::fromMSecsSinceEpoch(t + Hour, QTimeZone::utc());
            const int hour = local.time().hour();
            double weight = hour >= 8 && hour < 19 ? 1.0 : 0.35;
            if (local.date().dayOfWeek() >= 6)
                weight *= 0.4;
            if (m_rng.generateDouble() < weight)
                out.append(t);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    AuditEvent event(qint64 atMs)
    {
        AuditEvent e;
        e.atMs = atMs;
        e.requestId = id("req_").left(16);
        const double r = m_rng.generateDouble() * 100;
        if (r < 50)
            denied(e);
        else if (r < 63)
            login(e);
        else if (r < 72)
            logout(e);
        else if (r < 76)
            loginFailed(e);
        else
            keyChange(e, r);
        return e;
    }

    void needle(AuditEvent &e)
    {
        const Actor key = zipf(m_pools.keys);
        e.action = QStringLiteral("secret_key.revoked");
        e.actor = pick(m_pools.users);
        e.target = key;
        e.ip = pick(m_pools.officeIps);
        e.userAgent = QStringLiteral("keyward/0.1");
        e.details = {{QStringLiteral("reason"), AuditSeeder::rareText()}};
    }

private:
    template<typename T, size_t N>
    const T &pick(const T (&array)[N])
    {
        return array[m_rng.bounded(int(N))];
    }
    template<typename T>
    const T &pick(const QList<T> &list)
    {
        return list.at(m_rng.bounded(int(list.size())));
    }
    // A few values very often, most rarely (a scanner hammering from one address).
    template<typename T>
    const T &zipf(const QList<T> &list)
    {
        const double u = m_rng.generateDouble();
        const qsizetype i = qsizetype(std::pow(double(list.size()), u * u)) - 1;
        return list.at(qBound<qsizetype>(0, i, list.size() - 1));
    }
    QString id(const char *prefix)
    {
        static constexpr char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        QString out = QLatin1String(prefix);
        for (int i = 0; i < 16; ++i)
            out += QLatin1Char(alphabet[m_rng.bounded(62)]);
        return out;
    }
    QJsonArray permissions()
    {
        QStringList p;
        const int n = 1 + int(m_rng.bounded(3));
        for (int i = 0; i < n; ++i)
            p.append(QLatin1String(pick(Permissions)));
        p.removeDuplicates();
        p.sort();
        return QJsonArray::fromStringList(p);
    }

    void denied(AuditEvent &e)
    {
        e.action = QStringLiteral("auth.denied");
        const QString path = QLatin1String(pick(Paths));
        const QString method = m_rng.bounded(5) == 0 ? QStringLiteral("POST") : QStringLiteral("GET");
        e.target = {QStringLiteral("endpoint"), QString(), method + QLatin1Char(' ') + path};
        if (m_rng.bounded(10) < 7) {
            e.actor = {QStringLiteral("anonymous"), QString(), QStringLiteral("anonymous client")};
            e.ip = zipf(m_pools.scannerIps);
            e.userAgent = QLatin1String(pick(ScannerAgents));
            e.details = {{QStringLiteral("status"), 401}, {QStringLiteral("reason"), QLatin1String(pick(DenyReasons))},
                         {QStringLiteral("method"), method}, {QStringLiteral("path"), path}};
        } else {
            e.actor = zipf(m_pools.keys);
            e.ip = pick(m_pools.appIps);
            e.userAgent = QLatin1String(pick(AppAgents));
            const QString resource = path == QLatin1String("/audit-events")
                ? QStringLiteral("audit_log")
                : path.mid(1).replace(QLatin1Char('-'), QLatin1Char('_'));
            const QString access = method == QLatin1String("GET") ? QStringLiteral("read") : QStringLiteral("write");
            e.details = {{QStringLiteral("status"), 403},
                         {QStringLiteral("reason"), QStringLiteral("missing permission %1:%2").arg(resource, access)},
                         {QStringLiteral("method"), method}, {QStringLiteral("path"), path}};
        }
    }

    void login(AuditEvent &e)
    {
        e.action = QStringLiteral("auth.login");
        e.actor = pick(m_pools.users);
        e.target = {QStringLiteral("client"), QStringLiteral("keyward-desktop"), QStringLiteral("Keyward desktop app")};
        e.ip = pick(m_pools.officeIps);
        e.userAgent = QStringLiteral("keyward/0.1 (Linux)");
        e.details = {{QStringLiteral("method"), m_rng.bounded(3) == 0 ? QStringLiteral("totp") : QStringLiteral("password")}};
    }

    void logout(AuditEvent &e)
    {
        e.action = QStringLiteral("auth.logout");
        e.actor = pick(m_pools.users);
        e.target = {QStringLiteral("session"), id("fam_"), QStringLiteral("keyward-desktop")};
        e.ip = pick(m_pools.officeIps);
        e.userAgent = QStringLiteral("keyward/0.1 (Linux)");
    }

    void loginFailed(AuditEvent &e)
    {
        e.action = QStringLiteral("auth.login_failed");
        e.actor = {QStringLiteral("anonymous"), QString(), QStringLiteral("anonymous client")};
        e.target = pick(m_pools.users);
        e.ip = m_rng.bounded(4) == 0 ? zipf(m_pools.scannerIps) : pick(m_pools.officeIps);
        e.userAgent = QStringLiteral("Mozilla/5.0 (X11; Linux x86_64)");
        e.details = {{QStringLiteral("reason"), QStringLiteral("wrong password")},
                     {QStringLiteral("client_id"), QStringLiteral("keyward-desktop")}};
    }

    void keyChange(AuditEvent &e, double r)
    {
        const bool automated = m_rng.bounded(3) == 0;
        e.actor = automated ? pick(m_pools.automation) : pick(m_pools.users);
        e.ip = automated ? pick(m_pools.appIps) : pick(m_pools.officeIps);
        e.userAgent = automated ? QStringLiteral("terraform-provider-odus/0.9") : QStringLiteral("keyward/0.1");
        e.target = pick(m_pools.keys);
        if (r < 83) {
            e.action = QStringLiteral("secret_key.created");
            e.details = {{QStringLiteral("permissions"), permissions()}, {QStringLiteral("expires_at"), QJsonValue()}};
        } else if (r < 89) {
            e.action = QStringLiteral("secret_key.updated");
            e.details = {{QStringLiteral("changes"),
                          QJsonObject {{QStringLiteral("permissions"),
                                        QJsonObject {{QStringLiteral("from"), permissions()},
                                                     {QStringLiteral("to"), permissions()}}}}}};
        } else if (r < 91.5) {
            e.action = QStringLiteral("secret_key.revoked");
            e.details = {{QStringLiteral("reason"), QLatin1String(pick(RevokeReasons))}};
        } else if (r < 93) {
            e.action = QStringLiteral("secret_key.deleted");
            e.details = {{QStringLiteral("status_before"), QStringLiteral("revoked")}};
        } else if (r < 95) {
            e.action = QStringLiteral("secret_key.expired");
            e.actor = {QStringLiteral("system"), QString(), QStringLiteral("keyward-server")};
            e.ip.clear();
            e.userAgent.clear();
            e.details = {{QStringLiteral("expires_at"), QDateTime::fromMSecsSinceEpoch(e.atMs, QTimeZone::utc())
                                                             .toString(Qt::ISODateWithMs)}};
        } else if (r < 96.5) {
            e.action = QStringLiteral("secret_key.rotated");
            const Actor replacement = pick(m_pools.keys);
            e.details = {{QStringLiteral("replacement"), QJsonObject {{QStringLiteral("id"), replacement.id},
                                                                      {QStringLiteral("display"), replacement.display}}}};
        } else if (r < 98.5) {
            e.action = m_rng.bounded(3) == 0 ? QStringLiteral("publishable_key.deleted")
                                             : QStringLiteral("publishable_key.created");
            e.target = {QStringLiteral("publishable_key"), id("pkid_"),
                        QStringLiteral("%1 (pk_%2)").arg(QLatin1String(pick(Services)), id("").left(12))};
            e.details = {};
        } else {
            e.action = QStringLiteral("secret_key.created");
            e.details = {{QStringLiteral("permissions"), permissions()},
                         {QStringLiteral("expires_at"), QDateTime::fromMSecsSinceEpoch(e.atMs + 30 * Day, QTimeZone::utc())
                                                            .toString(Qt::ISODateWithMs)}};
        }
    }

    QRandomGenerator m_rng;
    Pools m_pools;
};
} // namespace

AuditSeeder::Result AuditSeeder::seed(Database &db, const Options &options)
{
    Generator gen(options.seed);
    const qint64 end = options.endMs > 0 ? options.endMs : QDateTime::currentMSecsSinceEpoch();
    const QList<qint64> times = gen.times(options.events, end, qMax(1, options.days));
    QRandomGenerator orgPick(options.seed ^ 0x5eed);
    // A handful of needles spread over the history, for searches that find almost nothing.
    QList<qint64> needles;
    for (int i = 1; i <= 5; ++i)
        needles.append(options.events * i / 6);
    Result result;
    qint64 i = 0;
    while (i < options.events) {
        const qint64 chunkEnd = qMin<qint64>(options.events, i + qMax(1, options.eventsPerTransaction));
        db.write([&](QSqlDatabase &conn) {
            AuditLog::Writer writer(conn);
            for (; i < chunkEnd; ++i) {
                AuditEvent e = gen.event(times.at(i));
                if (needles.contains(i))
                    gen.needle(e);
                const bool other = !options.otherOrgId.isEmpty() && orgPick.generateDouble() < options.otherOrgShare;
                const AuditEvent written = writer.append(other ? options.otherOrgId : options.orgId, e);
                if (result.firstSeq == 0)
                    result.firstSeq = written.seq;
                result.lastSeq = written.seq;
                ++result.events;
            }
        });
        if (options.progress)
            options.progress(i);
    }
    return result;
}

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
// keyward-bench-audit [--events N] [--db PATH] [--runs R] [--keep] [--filter TEXT]: the audit log
// at scale, on the server's own code (no HTTP):
//   - seeds N events (default 1,000,000) into a fresh SQLite database in a temporary folder with
//     AuditSeeder, through AuditLog::Writer (the path the server appends with): a year of history,
//     2 % of it another organisation's; reports the rate;
//   - fetches the whole chain in ranges of 1,000 (AuditLog::chain, JSON as /audit-events/chain
//     answers it, other organisations' events as stubs) and verifies it with AuditChain: the
//     fetch-and-verify rate;
//   - times a page of 100 (newest first, as GET /audit-events builds it: the query and the JSON)
//     for every filter and many combinations, newest and deep pages: median, p95 and worst of
//     R runs (default 25), the rows returned and the plan chosen;
//   - times the histogram (GET /audit-events/histogram's query and JSON) for day and hour
//     buckets, UTC offsets, and filters;
//   - prints the database size, table by table.
// --db PATH reuses (or creates) that database: seeding is skipped when it already holds events.
// --filter runs only the scenarios whose name contains TEXT. Figures: docs/PERFORMANCE.md.
#include "AuditChain.h"
#include "AuditLog.h"
#include "AuditSearch.h"
#include "AuditSeeder.h"
#include "Database.h"
#include "Timestamps.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>

using namespace keyward;
using namespace keyward::server;

namespace {
constexpr qint64 Hour = 3'600'000;
constexpr qint64 Day = 24 * Hour;

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

struct Stats
{
    double median = 0;
    double p95 = 0;
    double worst = 0;
};

Stats stats(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    Stats s;
    if (ms.isEmpty())
        return s;
    s.median = ms.at(ms.size() / 2);
    s.p95 = ms.at(qMin(ms.size() - 1, qsizetype(double(ms.size()) * 0.95)));
    s.worst = ms.last();
    return s;
}

QString ms(double v)
{
    return QString::number(v, 'f', v < 10 ? 2 : 1);
}

// Runs fn runs times (after one warm-up run) and returns the wall-clock times in ms.
QList<double> timeRuns(int runs, const std::function<void()> &fn)
{
    fn();
    QList<double> out;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        out.append(double(t.nsecsElapsed()) / 1e6);
    }
    return out;
}

QString scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0).toString();
}

QByteArray pageJson(const AuditPage &page)
{
    QJsonArray data;
    for (const AuditEvent &e : page.events)
        data.append(e.toJson());
    return QJsonDocument(QJsonObject {{QStringLiteral("object"), QStringLiteral("list")},
                                      {QStringLiteral("data"), data},
                                      {QStringLiteral("has_more"), page.hasMore}})
        .toJson(QJsonDocument::Compact);
}

QByteArray histogramJson(const QList<AuditBucket> &buckets)
{
    QJsonArray data;
    for (const AuditBucket &b : buckets) {
        QJsonObject counts;
        for (auto it = b.counts.cbegin(); it != b.counts.cend(); ++it)
            counts.insert(it.key(), it.value());
        data.append(QJsonObject {{QStringLiteral("start"), toRfc3339Ms(b.startMs)},
                                 {QStringLiteral("total"), b.total},
                                 {QStringLiteral("counts"), counts}});
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("buckets"), data}}).toJson(QJsonDocument::Compact);
}

qint64 alignDown(qint64 t, qint64 bucketMs, qint64 offsetMs)
{
    qint64 v = t + offsetMs;
    qint64 q = v / bucketMs;
    if (v % bucketMs != 0 && v < 0)
        --q;
    return q * bucketMs - offsetMs;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char *name) -> std::optional<QString> {
        const qsizetype i = args.indexOf(QLatin1String(name));
        if (i < 0 || i + 1 >= args.size())
            return std::nullopt;
        return args.at(i + 1);
    };
    const qint64 events = option("--events").value_or(QStringLiteral("1000000")).toLongLong();
    const int runs = qMax(20, option("--runs").value_or(QStringLiteral("25")).toInt());
    const QString only = option("--filter").value_or(QString());
    std::optional<QTemporaryDir> tmp;
    if (!option("--db")) {
        tmp.emplace();
        tmp->setAutoRemove(!args.contains(QStringLiteral("--keep")));
    }
    const QString path = option("--db").value_or(tmp ? tmp->path() + QStringLiteral("/audit-bench.db") : QString());
    print(QStringLiteral("database: %1").arg(path));

    Database database(path);
    QString error;
    if (!database.open(&error)) {
        print(QStringLiteral("cannot open: %1").arg(error));
        return 1;
    }
    QSqlDatabase db = database.connection();
    const QString org = QStringLiteral("org_bench");
    if (scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_events")).toLongLong() == 0) {
        AuditSeeder::Options o;
        o.events = events;
        o.orgId = org;
        o.otherOrgId = QStringLiteral("org_neighbour");
        o.otherOrgShare = 0.02;
        QElapsedTimer t;
        t.start();
        o.progress = [&](qint64 written) {
            if (written % 200'000 == 0 || written == events)
                print(QStringLiteral("  seeded %1 events, %2 s").arg(written).arg(double(t.elapsed()) / 1000, 0, 'f', 1));
        };
        AuditSeeder::seed(database, o);
        const double s = double(t.elapsed()) / 1000;
        print(QStringLiteral("seed: %1 events in %2 s (%3 events/s) through AuditLog::Writer")
                  .arg(events).arg(s, 0, 'f', 1).arg(qint64(double(events) / s)));
        QSqlQuery checkpoint(db);
        checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    const qint64 total = scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_events")).toLongLong();
    const QString mainOrg = scalar(db, QStringLiteral("SELECT org_id FROM audit_events GROUP BY org_id ORDER BY COUNT(*) DESC LIMIT 1"));
    print(QStringLiteral("events: %1 (organisation %2: %3)")
              .arg(total).arg(mainOrg, scalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE org_id = '%1'").arg(mainOrg))));

    // Chain fetch and verification, whole log, ranges of 1,000.
    if (only.isEmpty() || only == QLatin1String("chain")) {
        QElapsedTimer t;
        t.start();
        qint64 after = 0;
        qint64 verified = 0;
        qint64 redacted = 0;
        QString prev = AuditChain::genesisHash();
        bool ok = true;
        for (;;) {
            const AuditChainPage page = AuditLog::chain(db, after, 1000);
            QJsonArray data;
            for (const AuditChainEntry &entry : page.entries)
                data.append(entry.toJsonFor(mainOrg)); // as the server sends it
            const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("data"), data}}).toJson(QJsonDocument::Compact);
            // The client's side: parse and verify.
            QList<QJsonObject> received;
            for (const QJsonValue &v : QJsonDocument::fromJson(body).object().value(QStringLiteral("data")).toArray())
                received.append(v.toObject());
            const auto v = AuditChain::verify(received, prev);
            if (!v.ok) {
                print(QStringLiteral("chain: BROKEN at %1: %2").arg(v.firstBadId, v.reason));
                ok = false;
                break;
            }
            verified += received.size();
            redacted += v.redacted;
            if (!received.isEmpty()) {
                prev = received.last().value(QStringLiteral("hash")).toString();
                after = page.entries.last().event.seq;
            }
            if (!page.hasMore)
                break;
        }
        const double s = double(t.elapsed()) / 1000;
        print(QStringLiteral("chain: %1 events fetched as JSON, parsed and verified in %2 s (%3 events/s), %4 "
                             "stubs, %5")
                  .arg(verified).arg(s, 0, 'f', 1).arg(qint64(double(verified) / s)).arg(redacted)
                  .arg(ok ? QStringLiteral("intact") : QStringLiteral("BROKEN")));
    }

    // Values to filter by, found in the data.
    auto top = [&](const QString &column, const QString &where, int rank) {
        return scalar(db, QStringLiteral("SELECT %1 FROM audit_events WHERE org_id = '%2' AND %1 IS NOT NULL %3 "
                                         "GROUP BY %1 ORDER BY COUNT(*) DESC LIMIT 1 OFFSET %4")
                              .arg(column, mainOrg, where).arg(rank));
    };
    const QString hotIp = top(QStringLiteral("ip"), QString(), 0);
    const QString officeIp = top(QStringLiteral("ip"), QStringLiteral("AND ip LIKE '10.%'"), 5);
    const QString hotKey = top(QStringLiteral("actor_id"), QStringLiteral("AND actor_type = 'secret_key'"), 0);
    const QString someKey = top(QStringLiteral("target_id"), QStringLiteral("AND target_type = 'secret_key'"), 500);
    const QString user = top(QStringLiteral("actor_id"), QStringLiteral("AND actor_type = 'user'"), 10);
    const QString requestId = scalar(db, QStringLiteral("SELECT request_id FROM audit_events WHERE seq = %1").arg(total / 3));
    const qint64 newest = scalar(db, QStringLiteral("SELECT MAX(at) FROM audit_events")).toLongLong();
    const qint64 middleSeq = total / 2;
    print(QStringLiteral("values: hot ip %1, office ip %2, hot key %3, a key %4, a user %5, request %6")
              .arg(hotIp, officeIp, hotKey, someKey, user, requestId));

    struct Scenario
    {
        QString name;
        AuditQuery query;
    };
    auto q = [](std::function<void(AuditQuery &)> set) {
        AuditQuery query;
        query.limit = 100;
        set(query);
        return query;
    };
    const QList<Scenario> scenarios = {
        {QStringLiteral("no filter"), q([](AuditQuery &) {})},
        {QStringLiteral("no filter, deep"), q([&](AuditQuery &a) { a.beforeSeq = middleSeq; })},
        {QStringLiteral("action rare (secret_key.rotated)"), q([](AuditQuery &a) { a.actions = {QStringLiteral("secret_key.rotated")}; })},
        {QStringLiteral("action common (auth.denied)"), q([](AuditQuery &a) { a.actions = {QStringLiteral("auth.denied")}; })},
        {QStringLiteral("action rare, deep"), q([&](AuditQuery &a) { a.actions = {QStringLiteral("secret_key.rotated")}; a.beforeSeq = middleSeq; })},
        {QStringLiteral("action prefix (secret_key.)"), q([](AuditQuery &a) { a.actions = {QStringLiteral("secret_key.")}; })},
        {QStringLiteral("action prefix (auth.), deep"), q([&](AuditQuery &a) { a.actions = {QStringLiteral("auth.")}; a.beforeSeq = middleSeq; })},
        {QStringLiteral("two actions"), q([](AuditQuery &a) { a.actions = {QStringLiteral("auth.login"), QStringLiteral("secret_key.revoked")}; })},
        {QStringLiteral("actor (user)"), q([&](AuditQuery &a) { a.actor = user; })},
        {QStringLiteral("actor (user), deep"), q([&](AuditQuery &a) { a.actor = user; a.beforeSeq = middleSeq; })},
        {QStringLiteral("actor (busiest key)"), q([&](AuditQuery &a) { a.actor = hotKey; })},
        {QStringLiteral("key_id (busiest key)"), q([&](AuditQuery &a) { a.keyId = hotKey; })},
        {QStringLiteral("key_id (busiest key), deep"), q([&](AuditQuery &a) { a.keyId = hotKey; a.beforeSeq = middleSeq; })},
        {QStringLiteral("key_id (a quiet key)"), q([&](AuditQuery &a) { a.keyId = someKey; })},
        {QStringLiteral("ip (busiest scanner)"), q([&](AuditQuery &a) { a.ip = hotIp; })},
        {QStringLiteral("ip (busiest scanner), deep"), q([&](AuditQuery &a) { a.ip = hotIp; a.beforeSeq = middleSeq; })},
        {QStringLiteral("ip (office)"), q([&](AuditQuery &a) { a.ip = officeIp; })},
        {QStringLiteral("since (last 7 days)"), q([&](AuditQuery &a) { a.sinceMs = newest - 7 * Day; })},
        {QStringLiteral("since+until (1 day, 200 days ago)"), q([&](AuditQuery &a) { a.sinceMs = newest - 200 * Day; a.untilMs = a.sinceMs + Day; })},
        {QStringLiteral("until (6 months ago)"), q([&](AuditQuery &a) { a.untilMs = newest - 182 * Day; })},
        {QStringLiteral("q rare (INC-4711)"), q([](AuditQuery &a) { a.text = QStringLiteral("INC-4711"); })},
        {QStringLiteral("q one request id"), q([&](AuditQuery &a) { a.text = requestId; })},
        {QStringLiteral("q common (payments)"), q([](AuditQuery &a) { a.text = QStringLiteral("payments"); })},
        {QStringLiteral("q none (xylophone)"), q([](AuditQuery &a) { a.text = QStringLiteral("xylophone"); })},
        {QStringLiteral("q two letters (zq)"), q([](AuditQuery &a) { a.text = QStringLiteral("zq"); })},
        {QStringLiteral("action+since (secret_key.created, 30 days)"), q([&](AuditQuery &a) { a.actions = {QStringLiteral("secret_key.created")}; a.sinceMs = newest - 30 * Day; })},
        {QStringLiteral("key_id+action (busiest key, secret_key.)"), q([&](AuditQuery &a) { a.keyId = hotKey; a.actions = {QStringLiteral("secret_key.")}; })},
        {QStringLiteral("key_id+action (busiest key, auth.denied), deep"), q([&](AuditQuery &a) { a.keyId = hotKey; a.actions = {QStringLiteral("auth.denied")}; a.beforeSeq = middleSeq; })},
        {QStringLiteral("ip+until (busiest scanner, 6 months ago)"), q([&](AuditQuery &a) { a.ip = hotIp; a.untilMs = newest - 182 * Day; })},
        {QStringLiteral("actor+action (user, auth.login)"), q([&](AuditQuery &a) { a.actor = user; a.actions = {QStringLiteral("auth.login")}; })},
        {QStringLiteral("ip+action, none match (scanner, auth.login)"), q([&](AuditQuery &a) { a.ip = hotIp; a.actions = {QStringLiteral("auth.login")}; })},
        {QStringLiteral("key_id+ip, none match (busiest key, scanner)"), q([&](AuditQuery &a) { a.keyId = hotKey; a.ip = hotIp; })},
        {QStringLiteral("actor+ip (user, office ip)"), q([&](AuditQuery &a) { a.actor = user; a.ip = officeIp; })},
        {QStringLiteral("q+action (INC-4711, secret_key.)"), q([](AuditQuery &a) { a.text = QStringLiteral("INC-4711"); a.actions = {QStringLiteral("secret_key.")}; })},
        {QStringLiteral("q+action (payments, secret_key.rotated)"), q([](AuditQuery &a) { a.text = QStringLiteral("payments"); a.actions = {QStringLiteral("secret_key.rotated")}; })},
        {QStringLiteral("q+ip (missing, busiest scanner)"), q([&](AuditQuery &a) { a.text = QStringLiteral("missing"); a.ip = hotIp; })},
        {QStringLiteral("q+ip, none match (permission, busiest scanner)"), q([&](AuditQuery &a) { a.text = QStringLiteral("permission"); a.ip = hotIp; })},
        {QStringLiteral("q+action, none match (payments, auth.login)"), q([](AuditQuery &a) { a.text = QStringLiteral("payments"); a.actions = {QStringLiteral("auth.login")}; })},
        {QStringLiteral("prefix+window (secret_key., 1 day 200 days ago)"), q([&](AuditQuery &a) { a.actions = {QStringLiteral("secret_key.")}; a.sinceMs = newest - 200 * Day; a.untilMs = a.sinceMs + Day; })},
        {QStringLiteral("key_id+since (busiest key, 7 days)"), q([&](AuditQuery &a) { a.keyId = hotKey; a.sinceMs = newest - 7 * Day; })},
    };

    print(QString());
    print(QStringLiteral("page of 100, newest first (%1 runs each; ms)").arg(runs));
    print(QStringLiteral("%1 | %2 | %3 | %4 | %5 | plan").arg(QStringLiteral("scenario"), -52).arg(QStringLiteral("median"), 7)
              .arg(QStringLiteral("p95"), 7).arg(QStringLiteral("worst"), 7).arg(QStringLiteral("rows"), 5));
    double worstOfAll = 0;
    for (const Scenario &s : scenarios) {
        if (!only.isEmpty() && !s.name.contains(only))
            continue;
        qsizetype rows = 0;
        QString plan;
        const Stats st = stats(timeRuns(runs, [&] {
            AuditSearch search(db, mainOrg, s.query);
            const AuditPage page = search.page();
            rows = page.events.size();
            plan = search.plan();
            const QByteArray json = pageJson(page);
            Q_UNUSED(json);
        }));
        worstOfAll = qMax(worstOfAll, st.worst);
        print(QStringLiteral("%1 | %2 | %3 | %4 | %5 | %6").arg(s.name, -52).arg(ms(st.median), 7).arg(ms(st.p95), 7)
                  .arg(ms(st.worst), 7).arg(rows, 5).arg(plan));
    }
    print(QStringLiteral("worst page of all: %1 ms").arg(ms(worstOfAll)));

    struct Histogram
    {
        QString name;
        AuditQuery query;
        qint64 bucketMs;
        int offsetMinutes;
        qint64 spanMs;
    };
    const QList<Histogram> histograms = {
        {QStringLiteral("30 days by day"), q([](AuditQuery &) {}), Day, 0, 30 * Day},
        {QStringLiteral("30 days by day, UTC+05:30"), q([](AuditQuery &) {}), Day, 330, 30 * Day},
        {QStringLiteral("7 days by hour"), q([](AuditQuery &) {}), Hour, 0, 7 * Day},
        {QStringLiteral("83 days by hour (2,000 buckets)"), q([](AuditQuery &) {}), Hour, 60, 83 * Day},
        {QStringLiteral("365 days by day (whole log)"), q([](AuditQuery &) {}), Day, 0, 366 * Day},
        {QStringLiteral("30 days by day, action prefix auth."), q([](AuditQuery &a) { a.actions = {QStringLiteral("auth.")}; }), Day, 60, 30 * Day},
        {QStringLiteral("30 days by day, UTC-00:07 (no slot counts)"), q([](AuditQuery &) {}), Day, -7, 30 * Day},
        {QStringLiteral("30 days by day, ip busiest scanner"), q([&](AuditQuery &a) { a.ip = hotIp; }), Day, 0, 30 * Day},
        {QStringLiteral("30 days by day, key_id busiest key"), q([&](AuditQuery &a) { a.keyId = hotKey; }), Day, 0, 30 * Day},
        {QStringLiteral("30 days by day, actor user"), q([&](AuditQuery &a) { a.actor = user; }), Day, 0, 30 * Day},
        {QStringLiteral("30 days by day, q rare"), q([](AuditQuery &a) { a.text = QStringLiteral("INC-4711"); }), Day, 0, 30 * Day},
        {QStringLiteral("30 days by day, q common (payments)"), q([](AuditQuery &a) { a.text = QStringLiteral("payments"); }), Day, 0, 30 * Day},
    };
    print(QString());
    print(QStringLiteral("histogram (%1 runs each; ms)").arg(runs));
    print(QStringLiteral("%1 | %2 | %3 | %4 | %5 | events").arg(QStringLiteral("scenario"), -52).arg(QStringLiteral("median"), 7)
              .arg(QStringLiteral("p95"), 7).arg(QStringLiteral("worst"), 7).arg(QStringLiteral("bkts"), 5));
    for (const Histogram &h : histograms) {
        if (!only.isEmpty() && !h.name.contains(only))
            continue;
        AuditQuery query = h.query;
        const qint64 offsetMs = qint64(h.offsetMinutes) * 60'000;
        query.untilMs = newest + 1;
        query.sinceMs = alignDown(query.untilMs - h.spanMs, h.bucketMs, offsetMs);
        qsizetype buckets = 0;
        qint64 counted = 0;
        const Stats st = stats(timeRuns(runs, [&] {
            const QList<AuditBucket> result = AuditLog::histogram(db, mainOrg, query, h.bucketMs, offsetMs);
            buckets = result.size();
            counted = 0;
            for (const AuditBucket &b : result)
                counted += b.total;
            const QByteArray json = histogramJson(result);
            Q_UNUSED(json);
        }));
        print(QStringLiteral("%1 | %2 | %3 | %4 | %5 | %6").arg(h.name, -52).arg(ms(st.median), 7).arg(ms(st.p95), 7)
                  .arg(ms(st.worst), 7).arg(buckets, 5).arg(counted));
    }

    print(QString());
    QSqlQuery sizes(db);
    qint64 fileBytes = QFileInfo(path).size();
    print(QStringLiteral("database file: %1 MB (%2 bytes per event)").arg(fileBytes / 1'048'576).arg(fileBytes / qMax<qint64>(1, total)));
    if (sizes.exec(QStringLiteral("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 12"))) {
        while (sizes.next())
            print(QStringLiteral("  %1 %2 MB").arg(sizes.value(0).toString(), -28).arg(sizes.value(1).toLongLong() / 1'048'576));
    }
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// Audit log review against a real keyward-server: every /audit-events filter and combinations
// checked against the same filter applied by hand to the whole log, time boundaries, keyset
// pagination at its edges, the histogram equal to the list for the same filters (hour and day
// buckets, UTC offsets with and without the counts table), its validation, the chain range
// (contiguous, verified with AuditChain, other organisations' events as stubs), a tampered row
// found by id, and the schema 6 upgrade of a log whose times were out of order.
#include "AuditChain.h"
#include "AuditEvent.h"
#include "AuditLog.h"
#include "AuditSearch.h"
#include "AuditSeeder.h"
#include "Database.h"
#include "Organization.h"
#include "TestServer.h"
#include "Timestamps.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <limits>

using keyward::AuditChain;
using keyward::AuditEvent;
using namespace keyward::server;

namespace {

constexpr qint64 HourMs = 3'600'000;
constexpr qint64 DayMs = 24 * HourMs;

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

qint64 msOf(const QJsonValue &rfc3339)
{
    const auto t = keyward::parseRfc3339(rfc3339.toString());
    return t ? t->toMSecsSinceEpoch() : -1;
}

QString rfc(qint64 ms)
{
    return keyward::toRfc3339Ms(ms);
}

QString enc(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

QJsonObject serverConfig()
{
    return {{s("denied_audit_per_minute_per_ip"), 100000},
            {s("rate_limits"), QJsonObject {{s("free"), QJsonObject {{s("limit"), 1000000}}},
                                            {s("anonymous"), QJsonObject {{s("limit"), 1000000}}}}}};
}

// The list filters, applied by the server through its indexes and by the test by hand.
struct Filter
{
    QStringList actions;
    QString actor;
    QString keyId;
    QString ip;
    QString q;
    qint64 since = 0;
    qint64 until = 0;

    Filter withActions(const QStringList &v) const { Filter f = *this; f.actions = v; return f; }
    Filter withActor(const QString &v) const { Filter f = *this; f.actor = v; return f; }
    Filter withKey(const QString &v) const { Filter f = *this; f.keyId = v; return f; }
    Filter withIp(const QString &v) const { Filter f = *this; f.ip = v; return f; }
    Filter withText(const QString &v) const { Filter f = *this; f.q = v; return f; }
    Filter from(qint64 v) const { Filter f = *this; f.since = v; return f; }
    Filter to(qint64 v) const { Filter f = *this; f.until = v; return f; }

    QString query() const
    {
        QStringList items;
        if (!actions.isEmpty())
            items.append(s("action=") + enc(actions.join(QLatin1Char(','))));
        if (!actor.isEmpty())
            items.append(s("actor=") + enc(actor));
        if (!keyId.isEmpty())
            items.append(s("key_id=") + enc(keyId));
        if (!ip.isEmpty())
            items.append(s("ip=") + enc(ip));
        if (!q.isEmpty())
            items.append(s("q=") + enc(q));
        if (since)
            items.append(s("since=") + enc(rfc(since)));
        if (until)
            items.append(s("until=") + enc(rfc(until)));
        return items.join(QLatin1Char('&'));
    }

    bool matches(const QJsonObject &e) const
    {
        const QString action = e.value(s("action")).toString();
        if (!actions.isEmpty()) {
            bool any = false;
            for (const QString &a : actions)
                any = any || (a.endsWith(QLatin1Char('.')) ? action.startsWith(a) : action == a);
            if (!any)
                return false;
        }
        const QJsonObject actorJson = e.value(s("actor")).toObject();
        const QJsonObject target = e.value(s("target")).toObject();
        if (!actor.isEmpty() && actorJson.value(s("id")).toString() != actor)
            return false;
        if (!keyId.isEmpty() && target.value(s("id")).toString() != keyId && actorJson.value(s("id")).toString() != keyId)
            return false;
        if (!ip.isEmpty() && e.value(s("ip")).toString() != ip)
            return false;
        const qint64 at = msOf(e.value(s("at")));
        if ((since && at < since) || (until && at >= until))
            return false;
        if (!q.isEmpty()) {
            // LIKE: a substring, case-insensitive for ASCII letters only.
            auto has = [this](const QString &text) {
                const QString needle = q;
                for (qsizetype i = 0; i + needle.size() <= text.size(); ++i) {
                    bool same = true;
                    for (qsizetype j = 0; j < needle.size() && same; ++j) {
                        const QChar a = text.at(i + j);
                        const QChar b = needle.at(j);
                        same = a == b || (a.unicode() < 128 && b.unicode() < 128 && a.toLower() == b.toLower());
                    }
                    if (same)
                        return true;
                }
                return false;
            };
            const QString details = QString::fromUtf8(QJsonDocument(e.value(s("details")).toObject()).toJson(QJsonDocument::Compact));
            if (!has(actorJson.value(s("display")).toString()) && !has(target.value(s("display")).toString())
                && !has(details) && !has(action))
                return false;
        }
        return true;
    }
};

QStringList ids(const QList<QJsonObject> &events)
{
    QStringList out;
    for (const QJsonObject &e : events)
        out.append(e.value(s("id")).toString());
    return out;
}

// The denied summary's groups computed by hand from listed auth.denied events, one line per group
// ("key|reason|count|first|last|ip_count|ip=n,…"), in the endpoint's order: a used revoked,
// expired or deleted key first, then by count, last use, key and reason.
QStringList deniedGroupsByHand(const QList<QJsonObject> &events, int limit, qint64 *groupCount)
{
    struct Group
    {
        QString key;
        QString reason;
        qint64 count = 0;
        qint64 first = std::numeric_limits<qint64>::max();
        qint64 last = 0;
        QHash<QString, qint64> ips;
        bool dead() const
        {
            return !key.isEmpty()
                && (reason == s("revoked key") || reason == s("expired key") || reason == s("deleted key"));
        }
    };
    QHash<QString, Group> groups;
    for (const QJsonObject &e : events) {
        const QJsonObject actor = e.value(s("actor")).toObject();
        Group g;
        g.key = actor.value(s("type")).toString() == s("secret_key") ? actor.value(s("id")).toString() : QString();
        g.reason = e.value(s("details")).toObject().value(s("reason")).toString();
        Group &into = groups[g.key + QLatin1Char('\n') + g.reason];
        if (into.count == 0)
            into = g;
        ++into.count;
        const qint64 at = msOf(e.value(s("at")));
        into.first = qMin(into.first, at);
        into.last = qMax(into.last, at);
        if (!e.value(s("ip")).toString().isEmpty())
            ++into.ips[e.value(s("ip")).toString()];
    }
    QList<Group> sorted = groups.values();
    std::sort(sorted.begin(), sorted.end(), [](const Group &a, const Group &b) {
        if (a.dead() != b.dead())
            return a.dead();
        if (a.count != b.count)
            return a.count > b.count;
        if (a.last != b.last)
            return a.last > b.last;
        if (a.key != b.key)
            return a.key < b.key;
        return a.reason < b.reason;
    });
    *groupCount = sorted.size();
    QStringList out;
    for (qsizetype i = 0; i < sorted.size() && i < limit; ++i) {
        const Group &g = sorted.at(i);
        QList<QPair<QString, qint64>> ips;
        for (auto it = g.ips.cbegin(); it != g.ips.cend(); ++it)
            ips.append({it.key(), it.value()});
        std::sort(ips.begin(), ips.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        QStringList top;
        for (qsizetype j = 0; j < ips.size() && j < 5; ++j)
            top.append(s("%1=%2").arg(ips.at(j).first).arg(ips.at(j).second));
        out.append(s("%1|%2|%3|%4|%5|%6|%7")
                       .arg(g.key, g.reason).arg(g.count).arg(rfc(g.first), rfc(g.last))
                       .arg(g.ips.size()).arg(top.join(QLatin1Char(','))));
    }
    return out;
}

// The same lines from a GET /audit-events/denied-summary answer.
QStringList deniedGroupsServed(const QJsonObject &summary)
{
    QStringList out;
    for (const QJsonValue &v : summary.value(s("groups")).toArray()) {
        const QJsonObject g = v.toObject();
        QStringList top;
        for (const QJsonValue &ip : g.value(s("ips")).toArray())
            top.append(s("%1=%2").arg(ip.toObject().value(s("ip")).toString()).arg(ip.toObject().value(s("count")).toInteger()));
        out.append(s("%1|%2|%3|%4|%5|%6|%7")
                       .arg(g.value(s("key_id")).toString(), g.value(s("reason")).toString())
                       .arg(g.value(s("count")).toInteger())
                       .arg(g.value(s("first_at")).toString(), g.value(s("last_at")).toString())
                       .arg(g.value(s("ip_count")).toInteger()).arg(top.join(QLatin1Char(','))));
    }
    return out;
}

} // namespace

Q_DECLARE_METATYPE(Filter)

class TestAudit : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QString m_admin;
    QString m_orgId;
    QList<QJsonObject> m_all; // the organisation's events, newest first
    qint64 m_otherOrgEvents = 0;
    // Values found in the seeded log.
    QString m_busyIp;
    QString m_officeIp;
    QString m_busyKey;
    QString m_quietKey;
    QString m_user;
    QString m_requestId;
    qint64 m_newestAt = 0;

    // Every page of a list, following next_cursor; fails the test on anything but 200.
    QList<QJsonObject> listAll(const QString &query, int limit, int *pages = nullptr)
    {
        QList<QJsonObject> out;
        QString cursor;
        int n = 0;
        for (; n < 1000; ++n) {
            QString path = s("/audit-events?limit=%1").arg(limit);
            if (!query.isEmpty())
                path += QLatin1Char('&') + query;
            if (!cursor.isEmpty())
                path += s("&starting_after=") + cursor;
            const auto r = m_server.get(path, m_admin);
            if (r.status != 200) {
                qWarning() << path << r.status << r.body;
                return {};
            }
            const QJsonObject json = r.json();
            const QJsonArray data = json.value(s("data")).toArray();
            for (const QJsonValue &v : data)
                out.append(v.toObject());
            const bool more = json.value(s("has_more")).toBool();
            if (!more) {
                if (!json.value(s("next_cursor")).isNull())
                    qWarning() << "next_cursor without has_more";
                ++n;
                break;
            }
            cursor = json.value(s("next_cursor")).toString();
            if (cursor != data.last().toObject().value(s("id")).toString())
                qWarning() << "next_cursor is not the last id";
        }
        if (pages)
            *pages = n;
        return out;
    }

    QList<QJsonObject> reference(const Filter &f) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &e : m_all) {
            if (f.matches(e))
                out.append(e);
        }
        return out;
    }

    // The whole chain through /audit-events/chain, oldest first.
    QList<QJsonObject> wholeChain(int limit = 1000)
    {
        QList<QJsonObject> out;
        qint64 after = 0;
        for (int page = 0; page < 1000; ++page) {
            const auto r = m_server.get(s("/audit-events/chain?after_seq=%1&limit=%2").arg(after).arg(limit), m_admin);
            if (r.status != 200)
                return {};
            const QJsonObject json = r.json();
            for (const QJsonValue &v : json.value(s("data")).toArray())
                out.append(v.toObject());
            if (!json.value(s("has_more")).toBool())
                break;
            after = json.value(s("next_after_seq")).toInteger();
        }
        return out;
    }

    void expectValidationError(const TestServer::Response &r, const QString &field)
    {
        QCOMPARE(r.status, 400);
        const QJsonObject error = r.json().value(s("error")).toObject();
        QCOMPARE(error.value(s("code")).toString(), s("VALIDATION_FAILED"));
        QVERIFY2(error.value(s("details")).toObject().contains(field), r.body.constData());
        QVERIFY(!r.header("X-Request-Id").isEmpty());
    }

    QJsonObject histogram(const QString &query)
    {
        const auto r = m_server.get(s("/audit-events/histogram?") + query, m_admin);
        if (r.status != 200)
            qWarning() << query << r.status << r.body;
        return r.status == 200 ? r.json() : QJsonObject();
    }

    QJsonObject deniedSummary(const QString &query)
    {
        const auto r = m_server.get(s("/audit-events/denied-summary?") + query, m_admin);
        if (r.status != 200)
            qWarning() << query << r.status << r.body;
        return r.status == 200 ? r.json() : QJsonObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A history with another organisation's events interleaved, written by the server's own
        // append path, ending an hour ago so that the events of this run come after it.
        QCOMPARE(TestServer::run({s("init"), s("--database"), m_server.databaseUrl()}), 0);
        {
            Database db(m_server.databaseUrl());
            QString error;
            QVERIFY2(db.open(&error), qPrintable(error));
            QSqlDatabase conn = db.connection();
            m_orgId = Organization::load(conn)->id;
            AuditSeeder::Options o;
            o.events = 4000;
            o.days = 21;
            o.endMs = QDateTime::currentMSecsSinceEpoch() - HourMs;
            o.orgId = m_orgId;
            o.otherOrgId = s("org_neighbour");
            o.otherOrgShare = 0.05;
            AuditSeeder::seed(db, o);
            QSqlQuery count(conn);
            QVERIFY(count.exec(s("SELECT COUNT(*) FROM audit_events WHERE org_id = 'org_neighbour'")) && count.next());
            m_otherOrgEvents = count.value(0).toLongLong();
            QVERIFY(m_otherOrgEvents > 100);
        }
        QVERIFY(m_server.start({}, serverConfig()));
        m_admin = m_server.createKey(s("secret_keys:write,audit_log:read"), s("audit reviewer"));
        QVERIFY(!m_admin.isEmpty());

        m_all = listAll(QString(), 500);
        QVERIFY(m_all.size() > 3500);
        QHash<QString, int> ipCount, keyActorCount, keyTargetCount, userCount;
        for (const QJsonObject &e : std::as_const(m_all)) {
            QVERIFY(AuditEvent::seqFromId(e.value(s("id")).toString()) > 0);
            ++ipCount[e.value(s("ip")).toString()];
            const QJsonObject actor = e.value(s("actor")).toObject();
            const QJsonObject target = e.value(s("target")).toObject();
            if (actor.value(s("type")).toString() == s("secret_key"))
                ++keyActorCount[actor.value(s("id")).toString()];
            if (actor.value(s("type")).toString() == s("user"))
                ++userCount[actor.value(s("id")).toString()];
            if (target.value(s("type")).toString() == s("secret_key"))
                ++keyTargetCount[target.value(s("id")).toString()];
        }
        auto most = [](const QHash<QString, int> &counts, const std::function<bool(const QString &)> &accept) {
            QString best;
            for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
                if (!it.key().isEmpty() && accept(it.key()) && (best.isEmpty() || it.value() > counts.value(best)))
                    best = it.key();
            }
            return best;
        };
        m_busyIp = most(ipCount, [](const QString &ip) { return !ip.startsWith(QLatin1String("10.")); });
        m_officeIp = most(ipCount, [](const QString &ip) { return ip.startsWith(QLatin1String("10.")); });
        m_busyKey = most(keyActorCount, [](const QString &) { return true; });
        m_quietKey = most(keyTargetCount, [&](const QString &id) { return keyTargetCount.value(id) <= 4 && !keyActorCount.contains(id); });
        m_user = most(userCount, [](const QString &) { return true; });
        m_requestId = m_all.at(m_all.size() / 2).value(s("request_id")).toString();
        m_newestAt = msOf(m_all.first().value(s("at")));
        QVERIFY(!m_busyIp.isEmpty() && !m_officeIp.isEmpty() && !m_busyKey.isEmpty() && !m_quietKey.isEmpty()
                && !m_user.isEmpty() && !m_requestId.isEmpty());
    }

    void listMatchesTheFilterAppliedByHand_data()
    {
        QTest::addColumn<Filter>("filter");
        const qint64 mid = msOf(m_all.at(m_all.size() / 2).value(s("at")));
        const qint64 old = msOf(m_all.at(m_all.size() * 3 / 4).value(s("at")));
        auto row = [](const char *name, const Filter &f) { QTest::newRow(name) << f; };
        row("no filter", Filter());
        row("action exact", Filter().withActions({s("secret_key.revoked")}));
        row("action common", Filter().withActions({s("auth.denied")}));
        row("action prefix", Filter().withActions({s("secret_key.")}));
        row("two actions and a prefix", Filter().withActions({s("auth.login"), s("secret_key.rotated"), s("publishable_key.")}));
        row("action none such", Filter().withActions({s("nothing.here")}));
        row("prefix none such", Filter().withActions({s("nothing.")}));
        row("actor user", Filter().withActor(m_user));
        row("actor key", Filter().withActor(m_busyKey));
        row("key_id busy (as actor)", Filter().withKey(m_busyKey));
        row("key_id quiet (as target)", Filter().withKey(m_quietKey));
        row("ip busy", Filter().withIp(m_busyIp));
        row("ip office", Filter().withIp(m_officeIp));
        row("since", Filter().from(mid));
        row("until", Filter().to(mid));
        row("since and until", Filter().from(old).to(mid));
        row("q rare needle", Filter().withText(AuditSeeder::rareText().left(8)));
        row("q a request id (not searched)", Filter().withText(m_requestId));
        row("q common", Filter().withText(s("payments")));
        row("q other case", Filter().withText(s("PAYMENTS:READ")));
        row("q two characters", Filter().withText(s("zq")));
        row("q LIKE wildcards are literal", Filter().withText(s("%_")));
        row("q with an underscore", Filter().withText(s("t_key.r")));
        row("q with quotes", Filter().withText(s("\"reason\":\"wrong")));
        row("q of spaces and operators", Filter().withText(s(" AND NOT (")));
        row("q non-ASCII", Filter().withText(s("••••")));
        row("action+since", Filter().withActions({s("secret_key.created")}).from(mid));
        row("key_id+action", Filter().withActions({s("auth.denied")}).withKey(m_busyKey));
        row("key_id+action prefix", Filter().withActions({s("secret_key.")}).withKey(m_quietKey));
        row("ip+until", Filter().withIp(m_busyIp).to(mid));
        row("ip+action none match", Filter().withActions({s("auth.login")}).withIp(m_busyIp));
        row("actor+action", Filter().withActions({s("auth.login")}).withActor(m_user));
        row("actor+ip", Filter().withActor(m_user).withIp(m_officeIp));
        row("key_id+ip none match", Filter().withKey(m_busyKey).withIp(m_busyIp));
        row("q+action", Filter().withActions({s("auth.")}).withText(s("missing")));
        row("q+ip", Filter().withIp(m_busyIp).withText(s("malformed")));
        row("everything", Filter().withActions({s("auth.denied")}).withActor(m_busyKey).withKey(m_busyKey).withText(s("missing")).from(old).to(mid));
    }
    void listMatchesTheFilterAppliedByHand()
    {
        QFETCH(Filter, filter);
        const QList<QJsonObject> expected = reference(filter);
        const QList<QJsonObject> got = listAll(filter.query(), 500);
        QCOMPARE(ids(got), ids(expected));
        if (!expected.isEmpty())
            QCOMPARE(got.first(), expected.first()); // the same JSON as the unfiltered list
    }

    void everyPlanGivesTheSameAnswer_data()
    {
        // With the counting caps lowered to a few matches, this small log reaches the plans a
        // million events would: intersecting dense filters, actions or text driving.
        QTest::addColumn<Filter>("filter");
        QTest::addColumn<QString>("plan");
        const qint64 mid = msOf(m_all.at(m_all.size() / 2).value(s("at")));
        auto row = [](const char *name, const Filter &f, const char *plan) { QTest::newRow(name) << f << QString::fromLatin1(plan); };
        row("key_id+ip", Filter().withKey(m_busyKey).withIp(m_busyIp), "intersect");
        row("key_id+ip, office", Filter().withKey(m_busyKey).withIp(m_officeIp), "");
        row("actor+ip", Filter().withActor(m_user).withIp(m_officeIp), "intersect");
        row("ip+key_id+action", Filter().withIp(m_busyIp).withKey(m_busyKey).withActions({s("auth.")}), "intersect");
        row("actor+key_id+ip", Filter().withActor(m_busyKey).withKey(m_busyKey).withIp(m_busyIp), "intersect");
        row("actor+ip+until", Filter().withActor(m_busyKey).withIp(m_busyIp).to(mid), "intersect");
        row("q+action", Filter().withText(s("payments")).withActions({s("secret_key.rotated")}), "");
        row("q+action prefix", Filter().withText(s("missing")).withActions({s("auth.")}), "");
        row("q+ip", Filter().withText(s("malformed")).withIp(m_busyIp), "");
        row("q+key_id+since", Filter().withText(s("permission")).withKey(m_busyKey).from(mid), "");
    }
    void everyPlanGivesTheSameAnswer()
    {
        QFETCH(Filter, filter);
        QFETCH(QString, plan);
        Database db(m_server.databaseUrl());
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        QSqlDatabase conn = db.connection();
        AuditQuery query;
        query.actions = filter.actions;
        query.actor = filter.actor;
        query.keyId = filter.keyId;
        query.ip = filter.ip;
        query.text = filter.q;
        query.sinceMs = filter.since;
        query.untilMs = filter.until;
        query.limit = 7;
        const QStringList expected = ids(reference(filter));
        for (const AuditSearch::Tuning tuning : {AuditSearch::Tuning {}, AuditSearch::Tuning {3, 6}}) {
            QStringList got;
            QString plans;
            query.beforeSeq = 0;
            for (int page = 0; page < 1000; ++page) {
                AuditSearch search(conn, m_orgId, query, tuning);
                const AuditPage p = search.page();
                plans += search.plan() + QLatin1Char(';');
                for (const AuditEvent &e : p.events)
                    got.append(e.id());
                if (!p.hasMore)
                    break;
                query.beforeSeq = p.events.last().seq;
            }
            QCOMPARE(got, expected);
            if (tuning.firstCap == 3)
                QVERIFY2(plans.contains(plan), qPrintable(plans));
        }
    }

    void histogramMatchesTheList_data()
    {
        QTest::addColumn<Filter>("filter");
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<int>("offset");
        const qint64 since = m_newestAt - 6 * DayMs;
        auto row = [](const char *name, const Filter &f, const char *bucket, int offset) {
            QTest::newRow(name) << f << QString::fromLatin1(bucket) << offset;
        };
        row("day, UTC", Filter(), "day", 0);
        row("day, UTC+05:30", Filter(), "day", 330);
        row("day, UTC-07:00", Filter(), "day", -420);
        row("day, UTC+00:07 (no counts table)", Filter(), "day", 7);
        row("hour, UTC", Filter().from(since), "hour", 0);
        row("hour, UTC+05:45", Filter().from(since), "hour", 345);
        row("hour, UTC-09:30", Filter().from(since), "hour", -570);
        row("day, action prefix", Filter().withActions({s("auth.")}), "day", 60);
        row("hour, two actions", Filter().withActions({s("secret_key.created"), s("auth.login")}).from(since), "hour", 120);
        row("day, actor", Filter().withActor(m_user), "day", 0);
        row("day, key_id", Filter().withKey(m_busyKey), "day", 330);
        row("hour, ip", Filter().withIp(m_busyIp).from(since), "hour", 0);
        row("day, q", Filter().withText(s("missing")), "day", -300);
        row("day, q+action", Filter().withActions({s("auth.denied")}).withText(s("payments")), "day", 0);
        row("day, key_id+action", Filter().withActions({s("auth.denied")}).withKey(m_busyKey), "day", 0);
    }
    void histogramMatchesTheList()
    {
        QFETCH(Filter, filter);
        QFETCH(QString, bucket);
        QFETCH(int, offset);
        const qint64 bucketMs = bucket == s("day") ? DayMs : HourMs;
        const qint64 offsetMs = qint64(offset) * 60'000;
        // A range with a partial last bucket: until is not aligned.
        const qint64 until = m_newestAt - 37 * 60'000 - 123;
        Filter ranged = filter;
        ranged.until = until;
        QString query = ranged.query() + s("&bucket=%1&utc_offset=%2").arg(bucket).arg(offset);
        const QJsonObject h = histogram(query);
        QVERIFY(!h.isEmpty());
        QCOMPARE(h.value(s("object")).toString(), s("audit_histogram"));
        QCOMPARE(h.value(s("bucket")).toString(), bucket);
        QCOMPARE(h.value(s("utc_offset")).toInt(), offset);
        QCOMPARE(msOf(h.value(s("until"))), until);
        const qint64 since = msOf(h.value(s("since")));
        // since is the start of its bucket in local time, at or before the one asked for.
        QCOMPARE((since + offsetMs) % bucketMs, qint64(0));
        const qint64 asked = filter.since ? filter.since : until - (bucketMs == DayMs ? 30 : 7) * DayMs;
        QVERIFY(since <= asked && asked - since < bucketMs);

        ranged.since = since;
        QMap<qint64, QMap<QString, qint64>> expected;
        for (const QJsonObject &e : reference(ranged)) {
            const qint64 at = msOf(e.value(s("at")));
            const qint64 start = floorDiv(at + offsetMs, bucketMs) * bucketMs - offsetMs;
            ++expected[start][e.value(s("action")).toString()];
        }
        QVERIFY(!expected.isEmpty());
        const QJsonArray buckets = h.value(s("buckets")).toArray();
        QCOMPARE(buckets.size(), expected.size());
        qint64 previous = 0;
        auto it = expected.cbegin();
        for (const QJsonValue &v : buckets) {
            const QJsonObject b = v.toObject();
            QCOMPARE(b.keys(), QStringList({s("counts"), s("start"), s("total")}));
            const qint64 start = msOf(b.value(s("start")));
            QVERIFY(start > previous);
            previous = start;
            QCOMPARE(start, it.key());
            QCOMPARE(b.value(s("start")).toString(), rfc(start)); // RFC 3339, milliseconds, UTC
            QJsonObject counts;
            qint64 total = 0;
            for (auto c = it.value().cbegin(); c != it.value().cend(); ++c) {
                counts.insert(c.key(), c.value());
                total += c.value();
            }
            QCOMPARE(b.value(s("counts")).toObject(), counts);
            QCOMPARE(b.value(s("total")).toInteger(), total);
            ++it;
        }
    }

    void histogramDefaultsAndValidation()
    {
        // Defaults: until now, since 30 days (day) or 7 days (hour) back, aligned; offset 0.
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const QJsonObject day = histogram(s("bucket=day"));
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(day.keys(), QStringList({s("bucket"), s("buckets"), s("object"), s("since"), s("until"), s("utc_offset")}));
        const qint64 until = msOf(day.value(s("until")));
        QVERIFY(until >= before && until <= after);
        QCOMPARE(msOf(day.value(s("since"))), floorDiv(until - 30 * DayMs, DayMs) * DayMs);
        QCOMPARE(day.value(s("utc_offset")).toInt(), 0);
        const QJsonObject hour = histogram(s("bucket=hour&utc_offset=-90"));
        const qint64 hourUntil = msOf(hour.value(s("until")));
        QCOMPARE(msOf(hour.value(s("since"))), floorDiv(hourUntil - 7 * DayMs - 90 * 60'000, HourMs) * HourMs + 90 * 60'000);

        // 2,000 buckets at most; more is an error that names since.
        const qint64 u = m_newestAt;
        const qint64 aligned = floorDiv(u, HourMs) * HourMs;
        const QString untilQ = s("&until=") + enc(rfc(u));
        QCOMPARE(m_server.get(s("/audit-events/histogram?bucket=hour&since=") + enc(rfc(aligned - 1999 * HourMs)) + untilQ,
                              m_admin).status, 200);
        expectValidationError(m_server.get(s("/audit-events/histogram?bucket=hour&since=")
                                               + enc(rfc(aligned - 2000 * HourMs)) + untilQ, m_admin),
                              s("since"));
        expectValidationError(m_server.get(s("/audit-events/histogram?bucket=day&since=2000-01-01T00:00:00Z"), m_admin),
                              s("since"));
        expectValidationError(m_server.get(s("/audit-events/histogram?bucket=day&since=") + enc(rfc(u)) + s("&until=")
                                               + enc(rfc(u - DayMs)), m_admin),
                              s("since"));
        expectValidationError(m_server.get(s("/audit-events/histogram"), m_admin), s("bucket"));
        expectValidationError(m_server.get(s("/audit-events/histogram?bucket=week"), m_admin), s("bucket"));
        for (const char *offset : {"841", "-841", "1.5", "east", ""})
            expectValidationError(m_server.get(s("/audit-events/histogram?bucket=day&utc_offset=") + QLatin1String(offset),
                                               m_admin),
                                  s("utc_offset"));
        expectValidationError(m_server.get(s("/audit-events/histogram?bucket=day&since=yesterday"), m_admin), s("since"));
        expectValidationError(m_server.get(s("/audit-events/histogram?bucket=day&limit=5"), m_admin), s("limit"));
        expectValidationError(m_server.get(s("/audit-events/histogram?bucket=day&starting_after=evt_1"), m_admin),
                              s("starting_after"));
        expectValidationError(m_server.get(s("/audit-events/histogram?bucket=day&colour=red"), m_admin), s("colour"));
        QCOMPARE(m_server.get(s("/audit-events/histogram?bucket=day&utc_offset=840"), m_admin).status, 200);
        QCOMPARE(m_server.get(s("/audit-events/histogram?bucket=day&utc_offset=-840"), m_admin).status, 200);
    }

    void deniedSummaryMatchesTheList_data()
    {
        QTest::addColumn<Filter>("filter");
        QTest::addColumn<int>("limit");
        const qint64 oldest = msOf(m_all.last().value(s("at")));
        const Filter all = Filter().from(oldest).to(m_newestAt + 1);
        QTest::newRow("whole log") << all << 100;
        QTest::newRow("whole log, first 7") << all << 7;
        QTest::newRow("busy key") << all.withKey(m_busyKey) << 100;
        QTest::newRow("busy address") << all.withIp(m_busyIp) << 100;
        QTest::newRow("three days") << Filter().from(m_newestAt - 5 * DayMs).to(m_newestAt - 2 * DayMs) << 100;
        QTest::newRow("key and address") << all.withKey(m_busyKey).withIp(m_busyIp) << 100;
        QTest::newRow("nothing") << all.withIp(s("192.0.2.255")) << 100;
    }

    void deniedSummaryMatchesTheList()
    {
        QFETCH(Filter, filter);
        QFETCH(int, limit);
        const QList<QJsonObject> listed = listAll(filter.withActions({s("auth.denied")}).query(), 500);
        qint64 groupCount = 0;
        const QStringList expected = deniedGroupsByHand(listed, limit, &groupCount);
        const QJsonObject summary = deniedSummary(filter.query() + s("&limit=%1").arg(limit));
        QCOMPARE(summary.value(s("object")).toString(), s("denied_summary"));
        QCOMPARE(summary.value(s("since")).toString(), rfc(filter.since));
        QCOMPARE(summary.value(s("until")).toString(), rfc(filter.until));
        QCOMPARE(deniedGroupsServed(summary), expected);
        QCOMPARE(summary.value(s("group_count")).toInteger(), groupCount);
        qint64 total = 0;
        for (const QJsonValue &g : summary.value(s("groups")).toArray()) {
            total += g.toObject().value(s("count")).toInteger();
            const QJsonObject group = g.toObject();
            QVERIFY(group.value(s("ips")).toArray().size() <= 5);
            // A key group names the key as its events do; other callers have neither.
            if (group.value(s("key_id")).isNull()) {
                QVERIFY(group.value(s("key_display")).isNull());
            } else {
                bool named = false;
                for (const QJsonObject &e : listed) {
                    const QJsonObject actor = e.value(s("actor")).toObject();
                    named = named || (actor.value(s("id")) == group.value(s("key_id"))
                                      && actor.value(s("display")) == group.value(s("key_display")));
                }
                QVERIFY2(named, qPrintable(group.value(s("key_id")).toString()));
            }
        }
        if (groupCount <= limit)
            QCOMPARE(total, qint64(listed.size()));
        if (QByteArray(QTest::currentDataTag()) == "whole log")
            QVERIFY(groupCount > 10);
    }

    void deniedSummaryRangeBounds()
    {
        // since inclusive, until exclusive, to the millisecond: a denied event alone at its time.
        const QList<QJsonObject> denied = listAll(s("action=auth.denied&until=") + enc(rfc(m_newestAt + 1)), 500);
        QHash<qint64, int> perMs;
        for (const QJsonObject &e : denied)
            ++perMs[msOf(e.value(s("at")))];
        QJsonObject lone;
        for (const QJsonObject &e : denied) {
            const qint64 at = msOf(e.value(s("at")));
            if (perMs.value(at) == 1 && !perMs.contains(at - 1) && !perMs.contains(at + 1)) {
                lone = e;
                break;
            }
        }
        QVERIFY(!lone.isEmpty());
        const qint64 at = msOf(lone.value(s("at")));
        auto count = [&](qint64 since, qint64 until) {
            qint64 n = 0;
            for (const QJsonValue &g : deniedSummary(s("since=%1&until=%2").arg(enc(rfc(since)), enc(rfc(until))))
                                           .value(s("groups")).toArray())
                n += g.toObject().value(s("count")).toInteger();
            return n;
        };
        QCOMPARE(count(at, at + 1), qint64(1));
        QCOMPARE(count(at - 1, at), qint64(0));
        QCOMPARE(count(at + 1, at + 2), qint64(0));
        const QJsonObject one = deniedSummary(s("since=%1&until=%2").arg(enc(rfc(at)), enc(rfc(at + 1))));
        const QJsonObject group = one.value(s("groups")).toArray().first().toObject();
        QCOMPARE(group.value(s("reason")).toString(), lone.value(s("details")).toObject().value(s("reason")).toString());
        QCOMPARE(group.value(s("first_at")).toString(), rfc(at));
        QCOMPARE(group.value(s("last_at")).toString(), rfc(at));
        // Far outside the log, and before 1970.
        QVERIFY(deniedSummary(s("since=") + enc(rfc(m_newestAt + 10 * DayMs)) + s("&until=") + enc(rfc(m_newestAt + 11 * DayMs)))
                    .value(s("groups")).toArray().isEmpty());
        QCOMPARE(deniedSummary(s("since=1950-01-01T00:00:00Z&until=1960-01-01T00:00:00Z")).value(s("group_count")).toInteger(), qint64(0));
    }

    void deniedSummaryPutsUsedDeadKeysFirst()
    {
        // A key that still has callers after it was revoked: the sign of a leak, first however
        // few its requests are.
        const QString leaky = m_server.createKey(s("payments:read"), s("leaky billing"));
        QVERIFY(!leaky.isEmpty());
        const auto me = m_server.get(s("/me"), leaky);
        QCOMPARE(me.status, 200);
        const QString keyId = me.json().value(s("id")).toString();
        QVERIFY(keyId.startsWith(s("key_")));
        QCOMPARE(m_server.post(s("/secret-keys/%1/revoke").arg(keyId), QByteArray(), m_admin).status, 200);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_server.get(s("/payments"), leaky).status, 401);
        // The reviewer lacks payments:read: more denials, but only a missing permission.
        for (int i = 0; i < 8; ++i)
            QCOMPARE(m_server.get(s("/payments"), m_admin).status, 403);
        const QString keyQuery = s("action=auth.denied&key_id=") + keyId;
        QVERIFY(QTest::qWaitFor([&] { return listAll(keyQuery, 100).size() == 3; }, 10000));
        const QString reviewerId = m_server.get(s("/me"), m_admin).json().value(s("id")).toString();
        QVERIFY(QTest::qWaitFor([&] {
            return listAll(s("action=auth.denied&key_id=") + reviewerId, 100).size() >= 8;
        }, 10000));

        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const QJsonObject summary = deniedSummary(QString());
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(summary.keys(), QStringList({s("group_count"), s("groups"), s("object"), s("since"), s("until")}));
        const qint64 until = msOf(summary.value(s("until")));
        QVERIFY(until >= before && until <= after);
        QCOMPARE(msOf(summary.value(s("since"))), until - 30 * DayMs);
        QCOMPARE(summary.value(s("groups")).toArray().size(), qsizetype(20));
        const QJsonObject first = summary.value(s("groups")).toArray().first().toObject();
        QCOMPARE(first.keys(), QStringList({s("count"), s("first_at"), s("ip_count"), s("ips"), s("key_display"), s("key_id"),
                                            s("last_at"), s("reason")}));
        QCOMPARE(first.value(s("key_id")).toString(), keyId);
        QVERIFY2(first.value(s("key_display")).toString().startsWith(s("leaky billing (skey_")),
                 qPrintable(first.value(s("key_display")).toString()));
        QCOMPARE(first.value(s("reason")).toString(), s("revoked key"));
        QCOMPARE(first.value(s("count")).toInteger(), qint64(3));
        QCOMPARE(first.value(s("ip_count")).toInteger(), qint64(1));
        QCOMPARE(first.value(s("ips")).toArray(),
                 QJsonArray({QJsonObject {{s("ip"), s("127.0.0.1")}, {s("count"), 3}}}));
        QVERIFY(msOf(first.value(s("first_at"))) <= msOf(first.value(s("last_at"))));
        QVERIFY(msOf(first.value(s("last_at"))) >= m_newestAt);
        // Anonymous callers with a revoked key's reason (the seeded scanners) are not that signal.
        const QJsonArray all = summary.value(s("groups")).toArray();
        for (qsizetype i = 1; i < all.size(); ++i) {
            const QJsonObject group = all.at(i).toObject();
            QVERIFY(group.value(s("key_id")).isNull() || group.value(s("reason")).toString() != s("revoked key"));
        }
        // Then by count: the reviewer's missing permission among the others.
        const QJsonArray groups = summary.value(s("groups")).toArray();
        for (qsizetype i = 2; i < groups.size(); ++i)
            QVERIFY(groups.at(i - 1).toObject().value(s("count")).toInteger() >= groups.at(i).toObject().value(s("count")).toInteger());
        bool reviewer = false;
        for (const QJsonValue &g : groups)
            reviewer = reviewer || g.toObject().value(s("reason")).toString() == s("missing permission payments:read");
        QVERIFY(reviewer);

        // One key only.
        const QJsonObject mine = deniedSummary(s("key_id=") + keyId);
        QCOMPARE(mine.value(s("groups")).toArray().size(), qsizetype(1));
        QCOMPARE(mine.value(s("groups")).toArray().first().toObject().value(s("count")).toInteger(), qint64(3));
        QVERIFY(deniedSummary(s("key_id=") + keyId + s("&ip=10.9.9.9")).value(s("groups")).toArray().isEmpty());
    }

    void deniedSummaryValidation()
    {
        const QString path = s("/audit-events/denied-summary");
        for (const char *limit : {"0", "101", "-1", "ten", ""})
            expectValidationError(m_server.get(path + s("?limit=") + QLatin1String(limit), m_admin), s("limit"));
        QCOMPARE(m_server.get(path + s("?limit=100"), m_admin).status, 200);
        QCOMPARE(m_server.get(path + s("?limit=1"), m_admin).json().value(s("groups")).toArray().size(), qsizetype(1));
        expectValidationError(m_server.get(path + s("?since=yesterday"), m_admin), s("since"));
        expectValidationError(m_server.get(path + s("?until=2026-13-01T00:00:00Z"), m_admin), s("until"));
        const QString u = enc(rfc(m_newestAt));
        expectValidationError(m_server.get(path + s("?since=") + u + s("&until=") + u, m_admin), s("since"));
        expectValidationError(m_server.get(path + s("?since=") + u + s("&until=") + enc(rfc(m_newestAt - DayMs)), m_admin),
                              s("since"));
        // until alone before 1970: since defaults 30 days before it, still a range, an empty one.
        const auto old = m_server.get(path + s("?until=1960-01-01T00:00:00Z"), m_admin);
        QCOMPARE(old.status, 200);
        QCOMPARE(old.json().value(s("since")).toString(), s("1959-12-02T00:00:00.000Z"));
        QVERIFY(old.json().value(s("groups")).toArray().isEmpty());
        for (const char *other : {"action=auth.login", "actor=usr_1", "q=revoked", "starting_after=evt_1", "bucket=day",
                                  "colour=red"}) {
            const QString name = QString::fromLatin1(other).section(QLatin1Char('='), 0, 0);
            expectValidationError(m_server.get(path + QLatin1Char('?') + QLatin1String(other), m_admin), name);
        }
        // Odd values of the free fields are no error, just nothing.
        QCOMPARE(m_server.get(path + s("?key_id=") + enc(QString(300, QLatin1Char('x'))), m_admin).status, 200);
        QVERIFY(m_server.get(path + s("?ip=") + enc(s("not an address; DROP TABLE audit_events")), m_admin)
                    .json().value(s("groups")).toArray().isEmpty());
        QCOMPARE(m_server.post(path, QJsonObject(), m_admin).status, 405);
    }

    void timeBoundaries()
    {
        // since is inclusive, until exclusive, to the millisecond.
        QJsonObject lone;
        for (qsizetype i = 1; i + 1 < m_all.size() && lone.isEmpty(); ++i) {
            const qint64 at = msOf(m_all.at(i).value(s("at")));
            if (msOf(m_all.at(i - 1).value(s("at"))) != at && msOf(m_all.at(i + 1).value(s("at"))) != at)
                lone = m_all.at(i);
        }
        QVERIFY(!lone.isEmpty());
        const QString id = lone.value(s("id")).toString();
        const qint64 at = msOf(lone.value(s("at")));
        auto window = [&](qint64 since, qint64 until) {
            return ids(listAll(Filter().from(since).to(until).query(), 500));
        };
        QCOMPARE(window(at, at + 1), QStringList {id});
        QVERIFY(window(at + 1, at + 2).isEmpty() || !window(at + 1, at + 2).contains(id));
        QVERIFY(!window(at - 1, at).contains(id));
        QVERIFY(window(at - 1, at + 1).contains(id));
        QVERIFY(window(at, at).isEmpty());
        QVERIFY(window(at + 1, at).isEmpty());
        // Far outside the log, and before 1970.
        QVERIFY(window(m_newestAt + 10 * DayMs, 0).isEmpty());
        QVERIFY(listAll(s("until=1960-01-01T00:00:00Z"), 100).isEmpty());
        QCOMPARE(listAll(s("since=1960-01-01T00:00:00Z&action=auth.login"), 500).size(),
                 reference(Filter().withActions({s("auth.login")})).size());
        // A numeric offset is the same instant.
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(at, QTimeZone(5 * 3600 + 1800));
        QCOMPARE(ids(listAll(s("since=") + enc(local.toString(Qt::ISODateWithMs)) + s("&until=") + enc(rfc(at + 1)), 500)),
                 QStringList {id});
    }

    void paginationEdges()
    {
        // A filter with a known count: pages of exactly that size, an exact multiple, and one.
        const Filter f = Filter().withActions({s("secret_key.rotated")});
        const QList<QJsonObject> expected = reference(f);
        QVERIFY(expected.size() >= 6);
        const int n = int(expected.size());
        int pages = 0;
        QCOMPARE(ids(listAll(f.query(), n, &pages)), ids(expected));
        QCOMPARE(pages, 1); // exactly one full page: has_more false, no empty page after it
        QCOMPARE(ids(listAll(f.query(), n - 1, &pages)), ids(expected));
        QCOMPARE(pages, 2);
        const int divisor = n % 3 == 0 ? 3 : (n % 2 == 0 ? 2 : 1);
        QCOMPARE(ids(listAll(f.query(), n / divisor, &pages)), ids(expected));
        QCOMPARE(pages, divisor);
        const Filter quiet = Filter().withKey(m_quietKey);
        const QList<QJsonObject> few = reference(quiet);
        QVERIFY(!few.isEmpty());
        QCOMPARE(ids(listAll(quiet.query(), 1, &pages)), ids(few));
        QCOMPARE(pages, int(few.size()));
        // The last page says there is no more and has no cursor.
        const auto last = m_server.get(s("/audit-events?limit=2&") + f.query() + s("&starting_after=")
                                           + expected.at(n - 3).value(s("id")).toString(), m_admin);
        QCOMPARE(last.status, 200);
        QCOMPARE(last.json().value(s("data")).toArray().size(), 2);
        QCOMPARE(last.json().value(s("has_more")).toBool(), false);
        QVERIFY(last.json().value(s("next_cursor")).isNull());
        // After the oldest event: an empty page.
        const auto none = m_server.get(s("/audit-events?") + f.query() + s("&starting_after=")
                                           + expected.last().value(s("id")).toString(), m_admin);
        QCOMPARE(none.status, 200);
        QVERIFY(none.json().value(s("data")).toArray().isEmpty());
        QCOMPARE(none.json().value(s("has_more")).toBool(), false);
    }

    void badCursorsAndLimits_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("malformed cursor") << s("starting_after=evt_x") << s("starting_after");
        QTest::newRow("not an event id") << s("starting_after=key_12") << s("starting_after");
        QTest::newRow("zero") << s("starting_after=evt_0") << s("starting_after");
        QTest::newRow("negative") << s("starting_after=evt_-4") << s("starting_after");
        QTest::newRow("unknown event") << s("starting_after=evt_987654321") << s("starting_after");
        QTest::newRow("limit 0") << s("limit=0") << s("limit");
        QTest::newRow("limit 501") << s("limit=501") << s("limit");
        QTest::newRow("limit text") << s("limit=ten") << s("limit");
        QTest::newRow("bad since") << s("since=2026-13-01") << s("since");
        QTest::newRow("unknown parameter") << s("bucket=day") << s("bucket");
        QTest::newRow("too many actions") << s("action=a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u") << s("action");
    }
    void badCursorsAndLimits()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        expectValidationError(m_server.get(s("/audit-events?") + query, m_admin), field);
    }

    void otherOrganisationsStayOutOfListsAndCursors()
    {
        QSet<qint64> ours;
        for (const QJsonObject &e : std::as_const(m_all))
            ours.insert(AuditEvent::seqFromId(e.value(s("id")).toString()));
        const qint64 newest = AuditEvent::seqFromId(m_all.first().value(s("id")).toString());
        QCOMPARE(qint64(ours.size()) + m_otherOrgEvents, newest); // every seq is ours or theirs
        qint64 theirs = 0;
        for (qint64 seq = 1; seq <= newest && !theirs; ++seq) {
            if (!ours.contains(seq))
                theirs = seq;
        }
        QVERIFY(theirs > 0);
        // Another organisation's event id is not a cursor here, and says nothing about it.
        const auto r = m_server.get(s("/audit-events?starting_after=evt_%1").arg(theirs), m_admin);
        expectValidationError(r, s("starting_after"));
        const auto unknown = m_server.get(s("/audit-events?starting_after=evt_987654321"), m_admin);
        QCOMPARE(r.json().value(s("error")).toObject().value(s("details")),
                 unknown.json().value(s("error")).toObject().value(s("details")));
    }

    void chainRangeIsContiguousAndVerifies()
    {
        const QList<QJsonObject> chain = wholeChain(700);
        const auto head = m_server.get(s("/audit-events/head"), m_admin).json();
        QCOMPARE(qint64(chain.size()), head.value(s("seq")).toInteger());
        for (qsizetype i = 0; i < chain.size(); ++i)
            QCOMPARE(chain.at(i).value(s("id")).toString(), s("evt_%1").arg(i + 1));
        const auto v = AuditChain::verify(chain, AuditChain::genesisHash());
        QVERIFY2(v.ok, qPrintable(v.firstBadId + QLatin1Char(' ') + v.reason));
        QCOMPARE(v.redacted, m_otherOrgEvents);
        QCOMPARE(chain.last().value(s("hash")).toString(), head.value(s("hash")).toString());

        // Our events exactly as the list has them; the others as bare stubs.
        QHash<QString, QJsonObject> listed;
        for (const QJsonObject &e : std::as_const(m_all))
            listed.insert(e.value(s("id")).toString(), e);
        for (const QJsonObject &e : chain) {
            const QString id = e.value(s("id")).toString();
            if (AuditChain::isRedactedStub(e)) {
                QCOMPARE(e.keys(), QStringList({s("hash"), s("id"), s("prev_hash"), s("redacted")}));
                QVERIFY(!listed.contains(id));
            } else if (listed.contains(id)) {
                QCOMPARE(e, listed.value(id));
            }
        }

        // A window verifies from the hash of the event before it.
        const auto window = m_server.get(s("/audit-events/chain?after_seq=1234&limit=50"), m_admin).json();
        QList<QJsonObject> part;
        for (const QJsonValue &e : window.value(s("data")).toArray())
            part.append(e.toObject());
        QCOMPARE(part.size(), 50);
        QCOMPARE(part.first().value(s("id")).toString(), s("evt_1235"));
        QCOMPARE(window.value(s("has_more")).toBool(), true);
        QCOMPARE(window.value(s("next_after_seq")).toInteger(), qint64(1284));
        QVERIFY(AuditChain::verify(part, chain.at(1233).value(s("hash")).toString()).ok);
        QVERIFY(!AuditChain::verify(part, chain.at(1232).value(s("hash")).toString()).ok);

        // Defaults, the end, and validation.
        const auto first = m_server.get(s("/audit-events/chain"), m_admin).json();
        QCOMPARE(first.value(s("object")).toString(), s("list"));
        QCOMPARE(first.value(s("data")).toArray().size(), 500);
        QCOMPARE(first.value(s("data")).toArray().first().toObject().value(s("prev_hash")).toString(), AuditChain::genesisHash());
        const qint64 last = head.value(s("seq")).toInteger();
        const auto end = m_server.get(s("/audit-events/chain?after_seq=%1").arg(last), m_admin).json();
        QVERIFY(end.value(s("data")).toArray().isEmpty());
        QCOMPARE(end.value(s("has_more")).toBool(), false);
        QVERIFY(end.value(s("next_after_seq")).isNull());
        const auto tail = m_server.get(s("/audit-events/chain?after_seq=%1&limit=1000").arg(last - 3), m_admin).json();
        QCOMPARE(tail.value(s("data")).toArray().size(), 3);
        QCOMPARE(tail.value(s("has_more")).toBool(), false);
        QCOMPARE(tail.value(s("next_after_seq")).toInteger(), last);
        QCOMPARE(m_server.get(s("/audit-events/chain?limit=1000"), m_admin).status, 200);
        expectValidationError(m_server.get(s("/audit-events/chain?limit=1001"), m_admin), s("limit"));
        expectValidationError(m_server.get(s("/audit-events/chain?after_seq=-1"), m_admin), s("after_seq"));
        expectValidationError(m_server.get(s("/audit-events/chain?after_seq=evt_3"), m_admin), s("after_seq"));
        expectValidationError(m_server.get(s("/audit-events/chain?action=auth.login"), m_admin), s("action"));
    }

    void newEndpointsNeedAuditLogRead()
    {
        const QString payments = m_server.createKey(s("payments:read"), s("no audit"));
        for (const char *path : {"/audit-events/histogram?bucket=day", "/audit-events/chain", "/audit-events/denied-summary"}) {
            const auto r = m_server.get(QLatin1String(path), payments);
            QCOMPARE(r.status, 403);
            QCOMPARE(r.json().value(s("error")).toObject().value(s("code")).toString(), s("FORBIDDEN"));
            QCOMPARE(m_server.get(QLatin1String(path)).status, 401);
            QCOMPARE(m_server.post(QLatin1String(path), QJsonObject(), m_admin).status, 405);
        }
    }

    void seedAuditCommand()
    {
        QTemporaryDir dir;
        const QString url = s("sqlite:") + dir.path() + s("/seed.db");
        QByteArray out;
        QByteArray err;
        QCOMPARE(TestServer::run({s("seed-audit"), s("--database"), url, s("--events"), s("300"), s("--days"), s("3")},
                                 &out, &err),
                 0);
        QVERIFY2(out.startsWith("300 audit events added to "), out.constData());
        QVERIFY(out.contains("(evt_1 to evt_300)"));
        QCOMPARE(TestServer::run({s("seed-audit"), s("--database"), url, s("--events"), s("zero")}, &out, &err), 2);
        QVERIFY(err.contains("--events"));
    }

    void appendNeverGoesBackInTime()
    {
        // Through the library, as a second process on the same database would append.
        Database db(m_server.databaseUrl());
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        const AuditEvent written = db.write([&](QSqlDatabase &conn) {
            AuditEvent e;
            e.atMs = 1'000'000; // 1970, after a clock went wrong
            e.actor = {s("system"), QString(), s("tst_audit")};
            e.action = s("test.clock_skew");
            e.target = {s("test"), QString(), s("clock")};
            return AuditLog::append(conn, m_orgId, e);
        });
        QSqlQuery before(db.connection());
        QVERIFY(before.exec(s("SELECT at FROM audit_events WHERE seq = %1").arg(written.seq - 1)) && before.next());
        QVERIFY(written.atMs > 1'000'000);
        QCOMPARE(written.atMs, before.value(0).toLongLong()); // the newest time before it
        const auto listed = m_server.get(s("/audit-events?action=test.clock_skew"), m_admin).json().value(s("data")).toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(msOf(listed.first().toObject().value(s("at"))), written.atMs);
        QVERIFY(AuditChain::verify(wholeChain(), AuditChain::genesisHash()).ok);
    }

    void upgradeFromSchema5KeepsTimeSearchExact()
    {
        // A schema 5 log whose times went backwards now and then (the race append now prevents):
        // the upgrade records how far the disorder reaches and searches stay exact over it.
        QTemporaryDir dir;
        const QString path = dir.path() + s("/old.db");
        const qint64 base = 1'790'000'000'000;
        // at per seq: out of order up to seq 6, in order from seq 7.
        const QList<qint64> ats {base + 50, base + 10, base + 40, base + 30, base + 60, base + 20,
                                 base + 70, base + 70, base + 80, base + 95, base + 99};
        {
            Database db(path);
            QString error;
            QVERIFY2(db.open(&error), qPrintable(error));
            db.write([&](QSqlDatabase &conn) {
                AuditLog::Writer writer(conn);
                for (qsizetype i = 0; i < ats.size(); ++i) {
                    AuditEvent e;
                    e.atMs = base;
                    e.actor = {s("system"), QString(), s("old server")};
                    e.action = i % 2 ? s("secret_key.created") : s("auth.denied");
                    e.target = {s("test"), QString(), s("row %1").arg(i + 1)};
                    writer.append(s("org_old"), e);
                }
                QSqlQuery q(conn);
                for (qsizetype i = 0; i < ats.size(); ++i)
                    QVERIFY(q.exec(s("UPDATE audit_events SET at = %1 WHERE seq = %2").arg(ats.at(i)).arg(i + 1)));
                // Back to the schema 5 shape.
                for (const char *sql : {"DROP TABLE audit_event_counts", "DROP TABLE audit_text",
                                        "DROP TABLE invalidations", "DROP TABLE rate_windows",
                                        "DROP INDEX audit_events_org_seq", "DROP INDEX audit_events_org_action",
                                        "DROP INDEX audit_events_org_actor", "DROP INDEX audit_events_org_target",
                                        "DROP INDEX audit_events_org_ip",
                                        "CREATE INDEX audit_events_action ON audit_events(action, seq)",
                                        "CREATE INDEX audit_events_actor ON audit_events(actor_id, seq)",
                                        "CREATE INDEX audit_events_target ON audit_events(target_id, seq)",
                                        "CREATE INDEX audit_events_ip ON audit_events(ip, seq)",
                                        "ALTER TABLE audit_chain_head DROP COLUMN at",
                                        "ALTER TABLE audit_chain_head DROP COLUMN ordered_from_seq",
                                        "ALTER TABLE audit_chain_head DROP COLUMN unordered_max_at",
                                        "PRAGMA user_version = 5"})
                    QVERIFY2(q.exec(QLatin1String(sql)), qPrintable(q.lastError().text() + QLatin1Char(' ') + QLatin1String(sql)));
            });
        }
        Database db(path);
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        QSqlDatabase conn = db.connection();
        QSqlQuery head(conn);
        QVERIFY(head.exec(s("SELECT ordered_from_seq, unordered_max_at, at FROM audit_chain_head")) && head.next());
        QCOMPARE(head.value(0).toLongLong(), qint64(7));
        QCOMPARE(head.value(1).toLongLong(), base + 60);
        QCOMPARE(head.value(2).toLongLong(), base + 99);
        QSqlQuery version(conn);
        QVERIFY(version.exec(s("PRAGMA user_version")) && version.next());
        QCOMPARE(version.value(0).toInt(), Database::SchemaVersion);
        for (qint64 since = base; since <= base + 100; since += 5) {
            for (qint64 until = since; until <= base + 101; until += 7) {
                AuditQuery q;
                q.sinceMs = since;
                q.untilMs = until;
                q.limit = 100;
                QStringList expected;
                for (qsizetype i = ats.size() - 1; i >= 0; --i) {
                    if (ats.at(i) >= since && ats.at(i) < until)
                        expected.append(s("evt_%1").arg(i + 1));
                }
                QStringList got;
                for (const AuditEvent &e : AuditLog::list(conn, s("org_old"), q).events)
                    got.append(e.id());
                QVERIFY2(got == expected, qPrintable(s("since +%1 until +%2: %3 instead of %4").arg(since - base)
                                                         .arg(until - base).arg(got.join(QLatin1Char(',')),
                                                                                expected.join(QLatin1Char(',')))));
                // The histogram from the start of that hour agrees with the list up to until.
                AuditQuery h = q;
                h.sinceMs = floorDiv(since, HourMs) * HourMs;
                qint64 total = 0;
                for (const AuditBucket &b : AuditLog::histogram(conn, s("org_old"), h, HourMs, 0))
                    total += b.total;
                QCOMPARE(total, qint64(std::count_if(ats.cbegin(), ats.cend(), [&](qint64 at) { return at < until; })));
            }
        }
        // Whole hours come from the slot counts the migration backfilled.
        AuditQuery hours;
        hours.sinceMs = floorDiv(base, HourMs) * HourMs;
        hours.untilMs = hours.sinceMs + 3 * HourMs;
        const QList<AuditBucket> buckets = AuditLog::histogram(conn, s("org_old"), hours, HourMs, 0);
        QCOMPARE(buckets.size(), 1);
        QCOMPARE(buckets.first().total, qint64(ats.size()));
        QCOMPARE(buckets.first().counts.value(s("auth.denied")), qint64(6));
        // New events never go below the newest time.
        const AuditEvent next = db.write([&](QSqlDatabase &w) {
            AuditEvent e;
            e.atMs = base;
            e.actor = {s("system"), QString(), s("new server")};
            e.action = s("auth.denied");
            e.target = {s("test"), QString(), s("row 12")};
            return AuditLog::append(w, s("org_old"), e);
        });
        QCOMPARE(next.atMs, base + 99);
    }

    void tamperedRowIsFoundById()
    {
        // Runs last: it breaks the chain. The server keeps running; the test edits a row of its
        // organisation directly in the database, as someone with access to it could.
        const QJsonObject victim = m_all.at(m_all.size() / 3);
        const qint64 seq = AuditEvent::seqFromId(victim.value(s("id")).toString());
        QVERIFY(AuditChain::verify(wholeChain(), AuditChain::genesisHash()).ok);
        {
            QVERIFY(m_server.openDatabase(s("tamper")));
            QSqlDatabase db = QSqlDatabase::database(s("tamper"));
            QSqlQuery q(db);
            QVERIFY2(q.exec(s("UPDATE audit_events SET details = '{\"reason\":\"nothing to see\"}', "
                              "actor_display = 'someone else' WHERE seq = %1").arg(seq)),
                     qPrintable(q.lastError().text()));
            QCOMPARE(q.numRowsAffected(), 1);
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(s("tamper"));
        const QList<QJsonObject> chain = wholeChain();
        const auto v = AuditChain::verify(chain, AuditChain::genesisHash());
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadId, victim.value(s("id")).toString());
        QCOMPARE(v.firstBadIndex, qsizetype(seq - 1));
        QVERIFY(v.reason.contains(QLatin1String("hash")));
        // The list shows the changed content; its stored hash no longer matches it.
        const qint64 at = msOf(victim.value(s("at")));
        QJsonObject listed;
        for (const QJsonObject &e : listAll(Filter().from(at).to(at + 1).query(), 500)) {
            if (e.value(s("id")) == victim.value(s("id")))
                listed = e;
        }
        QCOMPARE(listed.value(s("actor")).toObject().value(s("display")).toString(), s("someone else"));
        QVERIFY(AuditChain::computeHash(listed) != listed.value(s("hash")).toString());
        QCOMPARE(m_server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"

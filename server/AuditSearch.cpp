// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditSearch.h"

#include "AuditTextIndex.h"
#include "Database.h"

#include <limits>

namespace keyward::server {

namespace {
constexpr qint64 NoUpperBound = std::numeric_limits<qint64>::max();
// Skipping through an index for the actions present stops here (there are a few dozen).
constexpr int MaxActions = 1000;

// SQLite only: the index a stream walks. Without statistics (no ANALYZE) SQLite guesses between
// usable indexes and may walk a common one while a rare one is at hand; the plan is chosen
// here instead. PostgreSQL gets no hint and plans from its own statistics.
QString indexedBy(const QSqlDatabase &db, const char *index)
{
    if (isPostgres(db))
        return {};
    return QStringLiteral(" INDEXED BY ") + QLatin1String(index);
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), n);
    return marks.join(QStringLiteral(", "));
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

qint64 floorMod(qint64 a, qint64 b)
{
    const qint64 r = a % b;
    return r < 0 ? r + b : r;
}

void runWith(Sql &q, const QVariantList &binds)
{
    for (const QVariant &b : binds)
        q.bind(b);
    q.exec();
}
} // namespace

AuditSearch::AuditSearch(QSqlDatabase db, QString orgId, AuditQuery query, Tuning tuning)
    : m_db(std::move(db))
    , m_orgId(std::move(orgId))
    , m_query(std::move(query))
    , m_tuning(tuning)
{
}

bool AuditSearch::prepare()
{
    m_filterActions = !m_query.actions.isEmpty();
    if (m_filterActions) {
        QStringList resolved;
        for (const QString &a : std::as_const(m_query.actions)) {
            if (a.endsWith(QLatin1Char('.'))) {
                QString below = a;
                below[below.size() - 1] = QChar(u'.' + 1);
                resolved += actionsUnder("audit_events_org_action", QStringLiteral("org_id = ?"), {m_orgId}, a, below);
            } else {
                resolved.append(a);
            }
        }
        resolved.removeDuplicates();
        resolved.sort();
        m_actions = resolved;
        if (m_actions.isEmpty())
            return false; // only prefixes, and no action under them
    }
    if (!m_query.text.isEmpty() && AuditTextIndex::exists(m_db))
        m_match = AuditTextIndex::matchExpression(m_query.text);
    if (!resolveRange())
        return false;

    // The column filters carry the actions in their streams; actions drive on their own only
    // against free text. In order of preference when counts do not decide.
    QList<Driver> candidates;
    if (!m_query.keyId.isEmpty())
        candidates.append(Driver::Key);
    if (!m_query.actor.isEmpty())
        candidates.append(Driver::Actor);
    if (!m_query.ip.isEmpty())
        candidates.append(Driver::Ip);
    if (candidates.isEmpty() && m_filterActions)
        candidates.append(Driver::Action);
    if (!m_match.isEmpty())
        candidates.append(Driver::Text);
    if (candidates.isEmpty())
        candidates.append(Driver::All);
    QList<Group> groups;
    for (const Driver d : std::as_const(candidates))
        groups.append(groupFor(d));
    m_group = groups.first();
    if (groups.size() == 1)
        return true;
    // Count each candidate's matches in the range, up to a cap: counting walks an index only,
    // about ten times cheaper per entry than checking a row, so it pays for itself. A small cap
    // first; when every candidate reaches it, a larger one.
    for (const qint64 cap : {m_tuning.firstCap, m_tuning.secondCap}) {
        qint64 best = cap;
        for (const Group &g : std::as_const(groups)) {
            const qint64 n = countUpTo(g, best);
            if (n < best) {
                best = n;
                m_group = g;
            }
        }
        if (best < cap)
            break;
        m_dense = true; // every candidate reached the first cap
        if (intersects())
            break; // intersecting costs about the same whichever filter leads
    }
    return true;
}

bool AuditSearch::resolveRange()
{
    m_lo = 1;
    m_hi = m_query.beforeSeq > 0 ? m_query.beforeSeq - 1 : NoUpperBound;
    m_rangeExact = true;
    if (m_query.sinceMs <= 0 && m_query.untilMs <= 0)
        return m_lo <= m_hi;
    // Events from ordered_from_seq on have non-decreasing times, none earlier than any event
    // before them (whose times reach at most unordered_max_at): a time bound past that maximum
    // is a seq bound. When the range reaches into the unordered prefix, the queries also test
    // `at` on each row (residual()), so the answer stays exact.
    Sql head(m_db, QStringLiteral("SELECT ordered_from_seq, unordered_max_at FROM audit_chain_head WHERE id = 1"));
    head.exec();
    const qint64 orderedFrom = head.next() ? head.integer(0) : 1;
    const qint64 unorderedMaxAt = head.integer(1);
    const bool unorderedPrefix = orderedFrom > 1;
    Sql first(m_db, QStringLiteral("SELECT seq FROM audit_events") + indexedBy(m_db, "audit_events_at")
                        + QStringLiteral(" WHERE at >= ? ORDER BY at, seq LIMIT 1"));
    auto firstAtOrAfter = [&](qint64 t) -> std::optional<qint64> {
        first.bind(t).exec();
        if (!first.next())
            return std::nullopt;
        return first.integer(0);
    };
    if (m_query.sinceMs > 0 && !(unorderedPrefix && m_query.sinceMs <= unorderedMaxAt)) {
        const auto s = firstAtOrAfter(m_query.sinceMs);
        if (!s)
            return false;
        m_lo = qMax(m_lo, *s);
    }
    if (m_query.untilMs > 0) {
        if (unorderedPrefix && m_query.untilMs <= unorderedMaxAt) {
            m_hi = qMin(m_hi, orderedFrom - 1);
        } else if (const auto f = firstAtOrAfter(m_query.untilMs)) {
            m_hi = qMin(m_hi, *f - 1);
        }
    }
    m_rangeExact = !unorderedPrefix || m_lo >= orderedFrom;
    return m_lo <= m_hi;
}

QStringList AuditSearch::actionsUnder(const char *index, const QString &where, const QVariantList &binds,
                                      const QString &from, const QString &below)
{
    // A loose index scan: each step seeks the next action name after the previous one.
    const QString base = QStringLiteral("SELECT action FROM audit_events") + indexedBy(m_db, index) + QStringLiteral(" WHERE ")
        + where;
    const QString tail = (below.isEmpty() ? QString() : QStringLiteral(" AND action < ?"))
        + QStringLiteral(" ORDER BY action LIMIT 1");
    Sql atOrAfter(m_db, base + QStringLiteral(" AND action >= ?") + tail);
    Sql after(m_db, base + QStringLiteral(" AND action > ?") + tail);
    QStringList out;
    QString previous = from.isNull() ? QStringLiteral("") : from; // a null QString binds as NULL
    for (int i = 0; i < MaxActions; ++i) {
        Sql &q = i == 0 ? atOrAfter : after;
        QVariantList all = binds;
        all.append(previous);
        if (!below.isEmpty())
            all.append(below);
        runWith(q, all);
        if (!q.next())
            break;
        previous = q.text(0);
        out.append(previous);
    }
    return out;
}

QList<AuditSearch::Stream> AuditSearch::columnStreams(const char *column, const char *index, const QString &value,
                                                      const QString &extraWhere, const QVariantList &extraBinds)
{
    const QString equal = QStringLiteral("org_id = ? AND ") + QLatin1String(column) + QStringLiteral(" = ?");
    const QStringList actions = m_filterActions ? m_actions
                                                : actionsUnder(index, equal, {m_orgId, value}, QString(), QString());
    QList<Stream> out;
    for (const QString &action : actions)
        out.append({index, equal + QStringLiteral(" AND action = ?") + extraWhere,
                    QVariantList {m_orgId, value, action} + extraBinds, column, value, action});
    return out;
}

AuditSearch::Group AuditSearch::groupFor(Driver driver)
{
    Group g;
    g.driver = driver;
    switch (driver) {
    case Driver::All:
        g.streams = {{"audit_events_org_seq", QStringLiteral("org_id = ?"), {m_orgId}}};
        break;
    case Driver::Action:
        for (const QString &action : std::as_const(m_actions))
            g.streams.append({"audit_events_org_action", QStringLiteral("org_id = ? AND action = ?"), {m_orgId, action}});
        break;
    case Driver::Actor:
        g.streams = columnStreams("actor_id", "audit_events_org_actor", m_query.actor);
        break;
    case Driver::Ip:
        g.streams = columnStreams("ip", "audit_events_org_ip", m_query.ip);
        break;
    case Driver::Key:
        // The key as target, and as actor where it is not also the target: the streams stay disjoint.
        g.streams = columnStreams("target_id", "audit_events_org_target", m_query.keyId);
        g.streams += columnStreams("actor_id", "audit_events_org_actor", m_query.keyId,
                                   QStringLiteral(" AND (target_id IS NULL OR target_id <> ?)"), {m_query.keyId});
        break;
    case Driver::Text:
        g.streams = {{nullptr, m_match, {}}};
        break;
    }
    return g;
}

qint64 AuditSearch::countUpTo(const Group &group, qint64 cap)
{
    qint64 total = 0;
    for (const Stream &s : group.streams) {
        QString sql;
        QVariantList binds;
        if (s.index) {
            sql = QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM audit_events") + indexedBy(m_db, s.index)
                + QStringLiteral(" WHERE ") + s.where + QStringLiteral(" AND seq >= ? AND seq <= ? LIMIT ?) AS c");
            binds = s.binds;
        } else {
            // Candidates of the trigram index, before LIKE and the organisation: an upper bound.
            sql = QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM audit_text WHERE audit_text MATCH ? "
                                 "AND rowid >= ? AND rowid <= ? LIMIT ?) AS c");
            binds = {s.where};
        }
        binds << m_lo << m_hi << (cap - total);
        Sql q(m_db, sql);
        runWith(q, binds);
        total += q.next() ? q.integer(0) : 0;
        if (total >= cap)
            break;
    }
    return total;
}

QString AuditSearch::residual(Driver driver, const QString &alias, QVariantList *binds) const
{
    const QString p = alias.isEmpty() ? QString() : alias + QLatin1Char('.');
    QString sql;
    const bool streamsHaveActions = driver == Driver::Action || driver == Driver::Actor || driver == Driver::Key
        || driver == Driver::Ip;
    if (m_filterActions && !streamsHaveActions) {
        sql += QStringLiteral(" AND ") + p + QStringLiteral("action IN (") + placeholders(m_actions.size())
            + QLatin1Char(')');
        for (const QString &a : m_actions)
            binds->append(a);
    }
    if (!m_query.actor.isEmpty() && driver != Driver::Actor) {
        sql += QStringLiteral(" AND ") + p + QStringLiteral("actor_id = ?");
        binds->append(m_query.actor);
    }
    if (!m_query.keyId.isEmpty() && driver != Driver::Key) {
        sql += QStringLiteral(" AND (%1target_id = ? OR %1actor_id = ?)").arg(p);
        *binds << m_query.keyId << m_query.keyId;
    }
    if (!m_query.ip.isEmpty() && driver != Driver::Ip) {
        sql += QStringLiteral(" AND ") + p + QStringLiteral("ip = ?");
        binds->append(m_query.ip);
    }
    if (!m_query.text.isEmpty()) {
        // Always LIKE: the trigram index only finds candidates.
        const QString pattern = likePattern(m_query.text);
        QStringList ors;
        for (const char *column : {"actor_display", "target_display", "details", "action"}) {
            ors.append(p + QLatin1String(column) + (isPostgres(m_db) ? QStringLiteral(" ILIKE ? ESCAPE '\\'")
                                                                      : QStringLiteral(" LIKE ? ESCAPE '\\'")));
            binds->append(pattern);
        }
        sql += QStringLiteral(" AND (") + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    // The seq range already is the time range, unless it reaches into an unordered prefix.
    if (m_query.sinceMs > 0 && !m_rangeExact) {
        sql += QStringLiteral(" AND ") + p + QStringLiteral("at >= ?");
        binds->append(m_query.sinceMs);
    }
    if (m_query.untilMs > 0 && !m_rangeExact) {
        sql += QStringLiteral(" AND ") + p + QStringLiteral("at < ?");
        binds->append(m_query.untilMs);
    }
    return sql;
}

QString AuditSearch::streamSelect(const Stream &stream, const QString &what, const QString &tail,
                                  QVariantList *binds) const
{
    // `what` and `tail` name columns as {p}column: "" on an index stream, "e." on the text one.
    QString sql;
    QString prefix;
    if (stream.index) {
        sql = QStringLiteral("SELECT ") + what + QStringLiteral(" FROM audit_events") + indexedBy(m_db, stream.index)
            + QStringLiteral(" WHERE ") + stream.where + QStringLiteral(" AND seq >= ? AND seq <= ?");
        *binds += stream.binds;
        *binds << m_lo << m_hi;
        sql += residual(m_group.driver, QString(), binds);
    } else {
        prefix = QStringLiteral("e.");
        sql = QStringLiteral("SELECT ") + what + QStringLiteral(" FROM audit_text AS t CROSS JOIN audit_events AS e "
                                                                "WHERE t.audit_text MATCH ? AND t.rowid >= ? AND "
                                                                "t.rowid <= ? AND e.seq = t.rowid AND e.org_id = ?");
        *binds << stream.where << m_lo << m_hi << m_orgId;
        sql += residual(Driver::Text, QStringLiteral("e"), binds);
    }
    sql += tail;
    sql.replace(QStringLiteral("{p}"), prefix);
    return sql;
}

bool AuditSearch::intersects() const
{
    const bool columnDriver = m_group.driver == Driver::Actor || m_group.driver == Driver::Key
        || m_group.driver == Driver::Ip;
    return m_dense && columnDriver && m_query.text.isEmpty() && m_rangeExact && !otherColumnFilters().isEmpty();
}

QList<QList<AuditSearch::ColumnFilter>> AuditSearch::otherColumnFilters() const
{
    QList<QList<ColumnFilter>> out;
    if (!m_query.keyId.isEmpty() && m_group.driver != Driver::Key)
        out.append({{"target_id", "audit_events_org_target", m_query.keyId},
                    {"actor_id", "audit_events_org_actor", m_query.keyId}});
    if (!m_query.actor.isEmpty() && m_group.driver != Driver::Actor)
        out.append({{"actor_id", "audit_events_org_actor", m_query.actor}});
    if (!m_query.ip.isEmpty() && m_group.driver != Driver::Ip)
        out.append({{"ip", "audit_events_org_ip", m_query.ip}});
    return out;
}

QString AuditSearch::intersectArms(int want, QVariantList *binds) const
{
    // For each driver stream (column = value, action) and each way the other filters can hold
    // (key_id as target or as actor), the intersection of their index ranges for that action:
    // SQLite merges the seq-ordered index entries without reading a row. The IN around the arms
    // removes duplicates (a key that is both target and actor of an event).
    const QList<QList<ColumnFilter>> others = otherColumnFilters();
    auto part = [&](const char *index, const char *column, const QString &value, const QString &action) {
        *binds << m_orgId << value << action << m_lo << m_hi;
        return QStringLiteral("SELECT seq FROM audit_events") + indexedBy(m_db, index) + QStringLiteral(" WHERE org_id = ? AND ")
            + QLatin1String(column) + QStringLiteral(" = ? AND action = ? AND seq >= ? AND seq <= ?");
    };
    QStringList arms;
    for (const Stream &d : m_group.streams) {
        QList<QList<ColumnFilter>> combos {{}};
        for (const QList<ColumnFilter> &choices : others) {
            QList<QList<ColumnFilter>> next;
            for (const QList<ColumnFilter> &combo : std::as_const(combos)) {
                for (const ColumnFilter &c : choices)
                    next.append(combo + QList<ColumnFilter> {c});
            }
            combos = next;
        }
        for (const QList<ColumnFilter> &combo : std::as_const(combos)) {
            QStringList parts {part(d.index, d.column, d.value, d.action)};
            for (const ColumnFilter &c : combo)
                parts.append(part(c.index, c.column, c.value, d.action));
            binds->append(want);
            arms.append(QStringLiteral("SELECT seq FROM (%1 ORDER BY 1 DESC LIMIT ?) AS s%2")
                            .arg(parts.join(QStringLiteral(" INTERSECT ")))
                            .arg(arms.size()));
        }
    }
    return arms.join(QStringLiteral(" UNION ALL "));
}

AuditPage AuditSearch::page()
{
    AuditPage out;
    if (!prepare() || m_group.streams.isEmpty()) {
        m_plan = QStringLiteral("empty");
        return out;
    }
    static const char *const DriverNames[] = {"all", "action", "actor", "key", "ip", "text"};
    m_plan = QStringLiteral("%1 ×%2").arg(QLatin1String(DriverNames[int(m_group.driver)])).arg(m_group.streams.size());
    const int want = m_query.limit + 1;
    QVariantList binds;
    QString sql;
    if (intersects()) {
        m_plan += QStringLiteral(" intersect");
        sql = QStringLiteral("SELECT ") + AuditLog::columns() + QStringLiteral(" FROM audit_events WHERE seq IN (")
            + intersectArms(want, &binds) + QStringLiteral(") ORDER BY seq DESC LIMIT ?");
        binds.append(want);
    } else if (m_group.streams.size() == 1 && m_group.streams.first().index) {
        sql = streamSelect(m_group.streams.first(), AuditLog::columns(), QStringLiteral(" ORDER BY seq DESC LIMIT ?"),
                           &binds);
        binds.append(want);
    } else {
        // Each stream stops at limit + 1 matches; the newest of them all make the page.
        QStringList parts;
        for (qsizetype i = 0; i < m_group.streams.size(); ++i) {
            const Stream &s = m_group.streams.at(i);
            const QString inner = streamSelect(s, QStringLiteral("{p}seq AS seq"),
                                               s.index ? QStringLiteral(" ORDER BY seq DESC LIMIT ?")
                                                       : QStringLiteral(" ORDER BY t.rowid DESC LIMIT ?"),
                                               &binds);
            binds.append(want);
            parts.append(QStringLiteral("SELECT seq FROM (%1) AS s%2").arg(inner).arg(i));
        }
        sql = QStringLiteral("SELECT ") + AuditLog::columns() + QStringLiteral(" FROM audit_events WHERE seq IN (")
            + parts.join(QStringLiteral(" UNION ALL ")) + QStringLiteral(") ORDER BY seq DESC LIMIT ?");
        binds.append(want);
    }
    Sql q(m_db, sql);
    runWith(q, binds);
    while (q.next()) {
        if (out.events.size() == m_query.limit) {
            out.hasMore = true;
            break;
        }
        out.events.append(AuditLog::readEvent(q));
    }
    return out;
}

void AuditSearch::countInto(qint64 bucketMs, qint64 offsetMs, QMap<qint64, QMap<QString, qint64>> *counts)
{
    if (!prepare())
        return;
    for (const Stream &s : std::as_const(m_group.streams)) {
        QVariantList binds {offsetMs, bucketMs, bucketMs, offsetMs};
        const QString sql = streamSelect(s, QStringLiteral("(({p}at + ?) / ?) * ? - ?, {p}action, COUNT(*)"),
                                         QStringLiteral(" GROUP BY 1, 2"), &binds);
        Sql q(m_db, sql);
        runWith(q, binds);
        while (q.next())
            (*counts)[q.integer(0)][q.text(1)] += q.integer(2);
    }
}

AuditDeniedSummary AuditSearch::deniedSummary(int limit)
{
    AuditDeniedSummary out;
    if (!prepare() || m_group.streams.isEmpty()) {
        m_plan = QStringLiteral("empty");
        return out;
    }
    static const char *const DriverNames[] = {"all", "action", "actor", "key", "ip", "text"};
    m_plan = QStringLiteral("%1 ×%2 grouped").arg(QLatin1String(DriverNames[int(m_group.driver)])).arg(m_group.streams.size());
    // One pass over the driver's rows: counted per (key, reason, address) in d, per (key,
    // reason) in g; the top groups get their five most frequent addresses from d. A caller
    // that is not a key groups under the empty key.
    QVariantList binds;
    QStringList parts;
    for (const Stream &s : std::as_const(m_group.streams))
        parts.append(streamSelect(s,
                                  QStringLiteral("CASE WHEN {p}actor_type = 'secret_key' THEN COALESCE({p}actor_id, '') "
                                                 "ELSE '' END AS k, ")
                                      + jsonTextSql(m_db, QStringLiteral("{p}details"), QStringLiteral("reason"))
                                      + QStringLiteral(" AS r, COALESCE({p}ip, '') AS ip, {p}at AS at"),
                                  QString(), &binds));
    const QString sql = QStringLiteral(
        "WITH d AS (SELECT k, r, ip, COUNT(*) AS n, MIN(at) AS f, MAX(at) AS l FROM (%1) AS e GROUP BY k, r, ip), "
        "g AS (SELECT k, r, SUM(n) AS n, MIN(f) AS f, MAX(l) AS l, SUM(CASE WHEN ip <> '' THEN 1 ELSE 0 END) AS ipc, "
        "CASE WHEN k <> '' AND r IN ('revoked key', 'expired key', 'deleted key') THEN 0 ELSE 1 END AS sev "
        "FROM d GROUP BY k, r), "
        "top AS MATERIALIZED (SELECT * FROM g ORDER BY sev, n DESC, l DESC, k, r LIMIT ?), "
        // Addresses ranked only for the top groups (d looked up through an automatic index).
        "x AS (SELECT * FROM (SELECT d.k, d.r, d.ip, d.n, ROW_NUMBER() OVER (PARTITION BY d.k, d.r "
        "ORDER BY d.n DESC, d.ip) AS rn FROM top %2 d ON d.k = top.k AND d.r = top.r WHERE d.ip <> '') "
        "AS ranked WHERE rn <= 5) "
        "SELECT top.k, top.r, top.n, top.f, top.l, top.ipc, (SELECT COUNT(*) FROM g), x.ip, x.n "
        "FROM top LEFT JOIN x ON x.k = top.k AND x.r = top.r "
        "ORDER BY top.sev, top.n DESC, top.l DESC, top.k, top.r, x.rn")
                            // SQLite: CROSS JOIN keeps top as the outer loop; PostgreSQL plans its own.
                            .arg(parts.join(QStringLiteral(" UNION ALL ")),
                                 isPostgres(m_db) ? QStringLiteral("JOIN") : QStringLiteral("CROSS JOIN"));
    binds.append(limit);
    Sql q(m_db, sql);
    runWith(q, binds);
    while (q.next()) {
        const QString key = q.text(0);
        const QString reason = q.text(1);
        if (out.groups.isEmpty() || out.groups.last().keyId != key || out.groups.last().reason != reason) {
            AuditDeniedGroup g;
            g.keyId = key;
            g.reason = reason;
            g.count = q.integer(2);
            g.firstMs = q.integer(3);
            g.lastMs = q.integer(4);
            g.ipCount = q.integer(5);
            out.groupCount = q.integer(6);
            out.groups.append(g);
        }
        const QString ip = q.text(7);
        if (!ip.isEmpty())
            out.groups.last().ips.append({ip, q.integer(8)});
    }
    // The key as the newest of its denied events names it (its note then).
    Sql display(m_db, QStringLiteral("SELECT actor_display FROM audit_events") + indexedBy(m_db, "audit_events_org_actor")
                          + QStringLiteral(" WHERE org_id = ? AND actor_id = ? AND action = ? AND seq >= ? AND "
                                           "seq <= ? ORDER BY seq DESC LIMIT 1"));
    for (AuditDeniedGroup &g : out.groups) {
        if (g.keyId.isEmpty())
            continue;
        display.bind(m_orgId).bind(g.keyId).bind(QStringLiteral("auth.denied")).bind(m_lo).bind(m_hi).exec();
        if (display.next())
            g.keyDisplay = display.text(0);
    }
    return out;
}

QList<AuditBucket> AuditSearch::histogram(QSqlDatabase db, const QString &orgId, const AuditQuery &query,
                                          qint64 bucketMs, qint64 offsetMs)
{
    QMap<qint64, QMap<QString, qint64>> counts;
    qint64 eventsFrom = query.sinceMs;
    const bool onlyActionsAndTime = query.actor.isEmpty() && query.keyId.isEmpty() && query.ip.isEmpty()
        && query.text.isEmpty();
    qint64 slot = 0;
    for (const qint64 s : AuditLog::CountSlotsMs) {
        if (!slot && floorMod(offsetMs, s) == 0 && floorMod(query.sinceMs, s) == 0 && bucketMs % s == 0)
            slot = s;
    }
    if (onlyActionsAndTime && slot) {
        // Whole slots from the counts table; the unfinished slot at the end from the events.
        const qint64 slotsEnd = qMax(query.sinceMs, query.untilMs - floorMod(query.untilMs, slot));
        if (slotsEnd > query.sinceMs) {
            QString sql = QStringLiteral("SELECT ((slot_start + ?) / ?) * ? - ?, action, SUM(n) FROM audit_event_counts "
                                         "WHERE org_id = ? AND slot_ms = ? AND slot_start >= ? AND slot_start < ?");
            QVariantList binds {offsetMs, bucketMs, bucketMs, offsetMs, orgId, slot, query.sinceMs, slotsEnd};
            if (!query.actions.isEmpty()) {
                QStringList ors;
                for (const QString &a : query.actions) {
                    if (a.endsWith(QLatin1Char('.'))) {
                        QString below = a;
                        below[below.size() - 1] = QChar(u'.' + 1);
                        ors.append(QStringLiteral("(action >= ? AND action < ?)"));
                        binds << a << below;
                    } else {
                        ors.append(QStringLiteral("action = ?"));
                        binds << a;
                    }
                }
                sql += QStringLiteral(" AND (") + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')');
            }
            sql += QStringLiteral(" GROUP BY 1, 2");
            Sql q(db, sql);
            runWith(q, binds);
            while (q.next())
                counts[q.integer(0)][q.text(1)] += q.integer(2);
        }
        eventsFrom = slotsEnd;
    }
    if (eventsFrom < query.untilMs) {
        AuditQuery rest = query;
        rest.sinceMs = eventsFrom;
        rest.beforeSeq = 0;
        AuditSearch(db, orgId, rest).countInto(bucketMs, offsetMs, &counts);
    }
    QList<AuditBucket> out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        AuditBucket b;
        b.startMs = it.key();
        for (auto c = it.value().cbegin(); c != it.value().cend(); ++c) {
            if (c.value() == 0)
                continue;
            b.counts.insert(c.key(), c.value());
            b.total += c.value();
        }
        if (b.total > 0)
            out.append(b);
    }
    return out;
}

} // namespace keyward::server

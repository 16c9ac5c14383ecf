// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditLog.h"

#include <QVariantList>

namespace keyward::server {

// How many matches a filter is counted up to when AuditSearch chooses the driver (tests lower
// them to reach every plan with a small log).
struct AuditSearchTuning
{
    qint64 firstCap = 2'000;
    qint64 secondCap = 50'000;
};

// Plans and runs one audit log query so that a page costs about the same at a thousand events
// or a million.
//
// - since/until become a seq range through the `at` index (times never go backwards along the
//   chain), so every index below is walked only over that range.
// - Each filter becomes "streams": ranges of an index that yield matching seqs newest first.
//   actor, key_id and ip use (org_id, column, action, seq) indexes, one stream per action (the
//   actions given, prefixes expanded to the names present; or, without an action filter, every
//   action the column value has, found by skipping through the index). Actions alone use
//   (org_id, action, seq); no filter uses (org_id, seq); q uses the trigram index.
// - One filter drives: its streams are walked newest first, each up to limit + 1 matches, and
//   the other filters are checked on the rows met. With several candidates, each is counted up
//   to a cap (2,000, then 50,000) and the smallest drives, so a rare filter is never checked
//   against a common one row by row.
// - When two or more column filters all have many matches, checking rows could walk tens of
//   thousands of them for few results; their index ranges are intersected instead (a merge of
//   seq-ordered index entries, no rows read), per action.
// - The histogram sums audit_event_counts (per organisation, hour or quarter-hour slot and
//   action) when only actions and time filter; otherwise it groups the driver's rows.
class AuditSearch
{
public:
    using Tuning = AuditSearchTuning;

    AuditSearch(QSqlDatabase db, QString orgId, AuditQuery query, Tuning tuning = {});

    // query.beforeSeq and query.limit apply.
    AuditPage page();
    static QList<AuditBucket> histogram(QSqlDatabase db, const QString &orgId, const AuditQuery &query,
                                        qint64 bucketMs, qint64 offsetMs);

    // The query's auth.denied events grouped by key and reason (AuditLog::deniedSummary); the
    // query's actions must be exactly auth.denied.
    AuditDeniedSummary deniedSummary(int limit);

    // How the last page() or count ran, for the benchmark: "<driver> ×<streams>".
    QString plan() const { return m_plan; }

private:
    enum class Driver { All, Action, Actor, Key, Ip, Text };
    struct Stream
    {
        const char *index = nullptr; // null for the text index
        QString where;
        QVariantList binds;
        // Column streams: the (column = value, action) range they walk.
        const char *column = nullptr;
        QString value {};
        QString action {};
    };
    // One equality filter on an (org_id, column, action, seq) index.
    struct ColumnFilter
    {
        const char *column;
        const char *index;
        QString value;
    };
    struct Group
    {
        Driver driver = Driver::All;
        QList<Stream> streams;
    };

    bool prepare();
    bool resolveRange();
    QStringList actionsUnder(const char *index, const QString &where, const QVariantList &binds,
                             const QString &from, const QString &below);
    QList<Stream> columnStreams(const char *column, const char *index, const QString &value,
                                const QString &extraWhere = {}, const QVariantList &extraBinds = {});
    Group groupFor(Driver driver);
    qint64 countUpTo(const Group &group, qint64 cap);
    // The filters the driver does not apply, for table `alias` ("" or "e"), each " AND …".
    QString residual(Driver driver, const QString &alias, QVariantList *binds) const;
    QString streamSelect(const Stream &stream, const QString &what, const QString &tail, QVariantList *binds) const;
    // The other column filters, each with the columns that can satisfy it (key_id: two).
    QList<QList<ColumnFilter>> otherColumnFilters() const;
    // Dense column filters with nothing to check on rows: intersect their index ranges.
    bool intersects() const;
    QString intersectArms(int want, QVariantList *binds) const;
    void countInto(qint64 bucketMs, qint64 offsetMs, QMap<qint64, QMap<QString, qint64>> *counts);

    QSqlDatabase m_db;
    QString m_orgId;
    AuditQuery m_query;
    Tuning m_tuning;
    bool m_filterActions = false;
    QStringList m_actions; // exact names, prefixes expanded
    QString m_match;       // FTS expression, when the text index can serve query.text
    qint64 m_lo = 1;       // seq range, inclusive
    qint64 m_hi = 0;
    bool m_rangeExact = true; // the seq range is exactly the time range (no unordered prefix in it)
    bool m_dense = false;     // the driver has many matches: intersect instead of checking rows
    Group m_group;
    QString m_plan;
};

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditTextIndex.h"

#include "Database.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcAuditText, "keyward.server.audit", QtInfoMsg)

namespace keyward::server {

namespace {
// Trigrams per MATCH: enough to make a rare text rare, few enough to stay cheap on common ones.
constexpr int MaxTrigrams = 12;
} // namespace

bool AuditTextIndex::exists(const QSqlDatabase &db)
{
    if (isPostgres(db))
        return false; // SQLite's FTS5 only; PostgreSQL searches with ILIKE
    Sql q(db, QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
    q.bind(QLatin1String(Table)).exec();
    return q.next();
}

bool AuditTextIndex::ensure(QSqlDatabase &db)
{
    if (exists(db)) {
        QSqlQuery probe(db);
        if (!probe.exec(QStringLiteral("SELECT rowid FROM audit_text WHERE audit_text MATCH '\"kwd\"' LIMIT 1")))
            throw DatabaseError("the audit log's text index needs SQLite's FTS5 module with the trigram tokenizer, "
                                "which this SQLite library lacks: "
                                + probe.lastError().text().toStdString());
        return true;
    }
    QSqlQuery create(db);
    if (!create.exec(QStringLiteral("CREATE VIRTUAL TABLE audit_text USING fts5(actor_display, target_display, "
                                    "action, details, tokenize = 'trigram', content = '', detail = 'none', columnsize = 0)"))) {
        qCWarning(lcAuditText).noquote() << "no FTS5 trigram index for the audit log (" << create.lastError().text()
                                         << "); free-text search scans with LIKE";
        return false;
    }
    {
        Sql any(db, QStringLiteral("SELECT 1 FROM audit_events LIMIT 1"));
        any.exec();
        if (any.next())
            qCInfo(lcAuditText) << "indexing the audit log for free-text search (once)";
    }
    Sql(db, QStringLiteral("INSERT INTO audit_text (rowid, actor_display, target_display, action, details) "
                           "SELECT seq, actor_display, target_display, action, details FROM audit_events"))
        .exec();
    return true;
}

QString AuditTextIndex::insertStatement()
{
    return QStringLiteral("INSERT INTO audit_text (rowid, actor_display, target_display, action, details) "
                          "VALUES (?, ?, ?, ?, ?)");
}

void AuditTextIndex::insert(Sql &statement, const AuditEvent &event, const QString &detailsJson)
{
    statement.bind(event.seq).bind(event.actor.display).bind(event.target.display).bind(event.action)
        .bind(detailsJson).exec();
}

QString AuditTextIndex::matchExpression(const QString &text)
{
    const QList<uint> points = text.toUcs4();
    const qsizetype n = points.size();
    if (n < 3)
        return {};
    // Trigrams that cover the text without overlapping, and the last one: any row containing the
    // text contains them all (the tokenizer folds case as LIKE does for ASCII, and more).
    QList<qsizetype> starts;
    for (qsizetype i = 0; i + 3 <= n; i += 3)
        starts.append(i);
    if (starts.last() != n - 3)
        starts.append(n - 3);
    if (starts.size() > MaxTrigrams) {
        // Spread the ones kept over the whole text.
        QList<qsizetype> kept;
        for (int k = 0; k < MaxTrigrams; ++k)
            kept.append(starts.at(k * (starts.size() - 1) / (MaxTrigrams - 1)));
        starts = kept;
    }
    QStringList terms;
    for (const qsizetype i : std::as_const(starts)) {
        QString trigram = QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData() + i), 3);
        trigram.replace(QLatin1Char('"'), QLatin1String("\"\""));
        const QString term = QLatin1Char('"') + trigram + QLatin1Char('"');
        if (!terms.contains(term))
            terms.append(term);
    }
    return terms.join(QStringLiteral(" AND "));
}

} // namespace keyward::server

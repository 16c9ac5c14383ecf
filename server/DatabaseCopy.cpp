// SPDX-License-Identifier: GPL-3.0-or-later
#include "DatabaseCopy.h"

#include "AuditChain.h"
#include "AuditLog.h"
#include "AuditTextIndex.h"
#include "Database.h"

#include <QSet>
#include <QSqlRecord>

namespace keyward::server {

namespace {
// Every table of the schema, parents before the tables that refer to them.
const char *const Tables[] = {"organizations",  "server_secrets", "users",          "oauth_clients",
                              "oauth_families", "oauth_codes",    "oauth_refresh_tokens", "secret_keys",
                              "key_usage_daily", "key_usage_minute", "publishable_keys", "audit_events",
                              "audit_chain_head", "audit_event_counts", "idempotency_keys", "payments",
                              "invalidations",  "rate_windows"};
// Tables whose seq is generated (an identity on PostgreSQL): the generator continues after the copy.
const char *const GeneratedSeq[] = {"secret_keys", "publishable_keys", "payments", "users", "invalidations"};

QSet<QString> tablesOf(QSqlDatabase &db)
{
    QSet<QString> out;
    Sql q(db, isPostgres(db) ? QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                             : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
    q.exec();
    while (q.next()) {
        const QString name = q.text(0);
        // SQLite's own tables, the free-text index (rebuilt on the target) and the schema version.
        if (name.startsWith(QLatin1String("sqlite_")) || name.startsWith(QLatin1String("audit_text"))
            || name == QLatin1String("keyward_schema"))
            continue;
        out.insert(name);
    }
    return out;
}

qint64 count(QSqlDatabase &db, const QString &table)
{
    Sql q(db, QStringLiteral("SELECT COUNT(*) FROM ") + table);
    q.exec();
    return q.next() ? q.integer(0) : 0;
}

void execPlain(QSqlDatabase &db, const QString &statement)
{
    QSqlQuery q(db);
    if (!q.exec(statement))
        Sql::fail(db, q.lastError(), statement.toStdString());
}
} // namespace

DatabaseCopy::Result DatabaseCopy::copy(Database &source, Database &target)
{
    QSqlDatabase from = source.connection();
    QSet<QString> expected;
    for (const char *t : Tables)
        expected.insert(QLatin1String(t));
    const QSet<QString> present = tablesOf(from);
    if (present != expected) {
        QStringList unknown = QStringList(present.begin(), present.end());
        unknown.removeIf([&](const QString &t) { return expected.contains(t); });
        throw DatabaseError("the source's tables are not the ones this keyward-server knows"
                            + (unknown.isEmpty() ? std::string() : " (unknown: " + unknown.join(QLatin1String(", ")).toStdString() + ")")
                            + "; copy with the keyward-server version that wrote it");
    }
    // One snapshot of the source for the whole copy.
    execPlain(from, source.isPostgres() ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                                        : QStringLiteral("BEGIN"));
    Result result;
    try {
        result = target.write([&](QSqlDatabase &to) {
            if (count(to, QStringLiteral("organizations")) > 0 || count(to, QStringLiteral("audit_events")) > 0
                || count(to, QStringLiteral("secret_keys")) > 0 || count(to, QStringLiteral("users")) > 0)
                throw DatabaseError("the target already holds an organisation, keys, members or audit events; "
                                    "copy into a new, empty database");
            // The rows a new database starts with come from the source instead.
            Sql(to, QStringLiteral("DELETE FROM audit_chain_head")).exec();
            Sql(to, QStringLiteral("DELETE FROM oauth_clients")).exec();
            Sql(to, QStringLiteral("DELETE FROM server_secrets")).exec();
            Result r;
            for (const char *name : Tables) {
                const QString table = QLatin1String(name);
                Sql read(from, QStringLiteral("SELECT * FROM ") + table);
                read.exec();
                std::unique_ptr<Sql> insert;
                int columns = 0;
                while (read.next()) {
                    if (!insert) {
                        const QSqlRecord record = read.record();
                        columns = record.count();
                        QStringList names;
                        QStringList marks;
                        for (int c = 0; c < columns; ++c) {
                            names.append(record.fieldName(c));
                            marks.append(QStringLiteral("?"));
                        }
                        insert = std::make_unique<Sql>(to, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                                               .arg(table, names.join(QStringLiteral(", ")),
                                                                    marks.join(QStringLiteral(", "))));
                    }
                    for (int c = 0; c < columns; ++c)
                        insert->bind(read.value(c));
                    insert->exec();
                    ++r.rows;
                }
                ++r.tables;
            }
            if (isPostgres(to)) {
                for (const char *name : GeneratedSeq) {
                    Sql(to, QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'seq'), "
                                           "COALESCE((SELECT MAX(seq) FROM %1), 0) + 1, false)")
                                .arg(QLatin1String(name)))
                        .exec();
                }
            } else if (AuditTextIndex::exists(to)) {
                Sql(to, QStringLiteral("INSERT INTO audit_text (rowid, actor_display, target_display, action, details) "
                                       "SELECT seq, actor_display, target_display, action, details FROM audit_events"))
                    .exec();
            }
            // The chain as the target now holds it, page by page: a copy that does not verify
            // is rolled back.
            QString previous = AuditChain::genesisHash();
            qint64 after = 0;
            for (;;) {
                const AuditChainPage page = AuditLog::chain(to, after, 5000);
                QList<QJsonObject> events;
                for (const AuditChainEntry &e : page.entries)
                    events.append(e.event.toJson());
                const auto verified = AuditChain::verify(events, previous);
                if (!verified.ok)
                    throw DatabaseError("the audit chain does not verify on the target at " + verified.firstBadId.toStdString()
                                        + ": " + verified.reason.toStdString());
                r.auditEvents += events.size();
                if (!events.isEmpty()) {
                    previous = page.entries.last().event.hash;
                    after = page.entries.last().event.seq;
                }
                if (!page.hasMore)
                    break;
            }
            return r;
        });
    } catch (...) {
        QSqlQuery end(from);
        end.exec(QStringLiteral("ROLLBACK"));
        throw;
    }
    QSqlQuery end(from);
    end.exec(QStringLiteral("ROLLBACK")); // read only: nothing to keep
    return result;
}

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditEvent.h"

#include <QSqlDatabase>
#include <QString>

namespace keyward::server {

class Sql;

// The audit log's free-text index, the one SQLite-specific piece of audit search: an FTS5 table
// with the trigram tokenizer, contentless and without positions (`detail=none`), over the texts
// `q` searches (actor and target display, action, details).
//
// It only narrows the candidates: a row that contains the text has every trigram of it, so the
// index returns a superset, and the query keeps its LIKE clauses to decide. The answers are
// therefore exactly those of LIKE with or without the index; without FTS5 (or for texts shorter
// than three characters) search falls back to LIKE alone.
class AuditTextIndex
{
public:
    static constexpr const char *Table = "audit_text";

    // Creates and fills the index when it is missing and this SQLite has FTS5 with the trigram
    // tokenizer (a migration, or a database first opened without FTS5). Throws DatabaseError
    // when the index exists but this SQLite cannot use it: new events would not be indexed.
    // Returns whether the index is there. Runs inside the opening transaction.
    static bool ensure(QSqlDatabase &db);
    static bool exists(const QSqlDatabase &db);

    // Indexes one new event (its seq is the rowid); the statement is insertStatement().
    static QString insertStatement();
    static void insert(Sql &statement, const AuditEvent &event, const QString &detailsJson);

    // An FTS5 MATCH expression that every row containing text (ASCII case-insensitively, as
    // LIKE) satisfies, or an empty string when the text is too short for trigrams.
    static QString matchExpression(const QString &text);
};

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>
#include <stdexcept>

namespace keyward::server {

// A database failure that is the server's fault, never the client's: it maps to 500.
class DatabaseError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Prepared statement helper: bind by position, throw DatabaseError on failure. A statement may
// run again: bind every value again after exec().
class Sql
{
public:
    Sql(const QSqlDatabase &db, const QString &statement);
    Sql &bind(const QVariant &value);
    Sql &exec();
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    QString text(int column) const { return m_query.value(column).toString(); }
    qint64 integer(int column) const { return m_query.value(column).toLongLong(); }
    bool isNull(int column) const { return m_query.isNull(column); }
    int rowsAffected() const { return m_query.numRowsAffected(); }
    QVariant lastInsertId() const { return m_query.lastInsertId(); }

private:
    QSqlQuery m_query;
    QString m_statement;
    int m_nextBind = 0;
};

// A keyset page, newest first: "SELECT … WHERE <filters> AND seq < ? ORDER BY seq DESC LIMIT n+1".
// Filters are added with their bind values; free text becomes escaped LIKE clauses.
class KeysetQuery
{
public:
    explicit KeysetQuery(QString selectWhere, QVariantList binds = {});
    KeysetQuery &where(const QString &clause, const QVariantList &binds = {});
    // Any of the columns contains text (case-insensitive for ASCII, as SQLite's LIKE).
    KeysetQuery &containsText(const QStringList &columns, const QString &text);
    // Runs the query for up to limit + 1 rows older than beforeSeq (0: from the newest).
    Sql run(const QSqlDatabase &db, qint64 beforeSeq, int limit) const;

private:
    QString m_sql;
    QVariantList m_binds;
};

// The server's database: `sqlite:PATH`. One connection per thread (Qt SQL connections must not
// cross threads), WAL mode, versioned migrations, and serialised write transactions so that
// the audit chain never forks.
class Database
{
public:
    static std::optional<QString> sqlitePathFromUrl(const QString &url, QString *error);
    static QString defaultUrl();

    explicit Database(QString sqlitePath);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating the file and its folder if needed) and migrates to the newest schema.
    bool open(QString *error);
    QString path() const { return m_path; }

    // This thread's connection, opened on first use.
    QSqlDatabase connection();

    // Runs fn inside BEGIN IMMEDIATE … COMMIT, one writer at a time in this process (and the
    // SQLite write lock across processes). Rolls back and rethrows on any exception.
    template<typename Fn>
    auto write(Fn &&fn) -> decltype(fn(std::declval<QSqlDatabase &>()))
    {
        QMutexLocker lock(&m_writeMutex);
        QSqlDatabase db = connection();
        begin(db);
        try {
            if constexpr (std::is_void_v<decltype(fn(db))>) {
                fn(db);
                commit(db);
            } else {
                auto result = fn(db);
                commit(db);
                return result;
            }
        } catch (...) {
            rollback(db);
            throw;
        }
    }

    static constexpr int SchemaVersion = 6;

private:
    void begin(QSqlDatabase &db);
    void commit(QSqlDatabase &db);
    void rollback(QSqlDatabase &db);
    void migrate(QSqlDatabase &db);

    QString m_path;
    QString m_connectionPrefix;
    QMutex m_writeMutex;
};

} // namespace keyward::server

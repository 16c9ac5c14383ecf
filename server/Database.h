// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <initializer_list>
#include <optional>
#include <stdexcept>

namespace keyward::server {

// A database failure that is the server's fault, never the client's: it maps to 500.
class DatabaseError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A COMMIT failed: whether the transaction took effect is unknown (the connection may have
// broken after the database committed). Never "unavailable", which promises nothing changed.
class DatabaseCommitUnknown : public DatabaseError
{
public:
    using DatabaseError::DatabaseError;
};

// The database cannot be used right now, through no fault of the request: PostgreSQL is down or
// unreachable, the disk is full, the file is read-only, a lock was not granted in time. Maps to
// 503 with Retry-After; nothing of the request was committed.
class DatabaseUnavailable : public DatabaseError
{
public:
    using DatabaseError::DatabaseError;
};

// Prepared statement helper: bind by position, throw DatabaseError on failure. A statement may
// run again: bind every value again after exec().
class Sql
{
public:
    Sql(const QSqlDatabase &db, const QString &statement);
    // Throws DatabaseUnavailable when the error means the database is away or cannot take
    // writes (and closes a PostgreSQL connection that broke, so that it is opened again),
    // DatabaseError otherwise.
    [[noreturn]] static void fail(QSqlDatabase db, const QSqlError &error, const std::string &what);
    Sql &bind(const QVariant &value);
    Sql &exec();
    // Runs statements that return nothing, each bound, in order: on PostgreSQL in one round trip
    // (one implicit transaction if none is open), on SQLite one after the other.
    static void execAll(QSqlDatabase db, std::initializer_list<Sql *> statements);
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    QString text(int column) const { return m_query.value(column).toString(); }
    qint64 integer(int column) const { return m_query.value(column).toLongLong(); }
    bool isNull(int column) const { return m_query.isNull(column); }
    int rowsAffected() const { return m_query.numRowsAffected(); }
    QVariant lastInsertId() const { return m_query.lastInsertId(); }
    QSqlRecord record() const { return m_query.record(); }

private:
    QString inlined() const;

    QSqlDatabase m_db;
    QSqlQuery m_query;
    QString m_statement;
    int m_nextBind = 0;
    // PostgreSQL: Qt's driver runs a prepared statement as PREPARE, EXECUTE and DEALLOCATE, three
    // round trips. The values are put into the statement instead, as literals formatted by the
    // driver itself (the same escaping its EXECUTE uses), and it runs in one.
    bool m_inline = false;
    QVariantList m_values;
};

// A keyset page, newest first: "SELECT … WHERE <filters> AND seq < ? ORDER BY seq DESC LIMIT n+1".
// Filters are added with their bind values; free text becomes escaped LIKE clauses.
class KeysetQuery
{
public:
    explicit KeysetQuery(QString selectWhere, QVariantList binds = {});
    KeysetQuery &where(const QString &clause, const QVariantList &binds = {});
    // Any of the columns contains text (case-insensitive: LIKE on SQLite, ILIKE on PostgreSQL).
    KeysetQuery &containsText(const QStringList &columns, const QString &text);
    // Runs the query for up to limit + 1 rows older than beforeSeq (0: from the newest).
    Sql run(const QSqlDatabase &db, qint64 beforeSeq, int limit) const;

private:
    QString m_sql;
    QVariantList m_binds;
};

enum class DatabaseBackend { Sqlite, Postgres };

// Where the database is: `sqlite:PATH` (or a bare path), or
// `postgresql://[user[:password]@]host[:port]/name[?sslmode=…&connect_timeout=…]`
// (`postgres://` too). Without a password in the URL, libpq reads PGPASSWORD or ~/.pgpass.
struct DatabaseLocation
{
    DatabaseBackend backend = DatabaseBackend::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString name;
    QStringList options; // libpq connection options, "key=value"

    static std::optional<DatabaseLocation> parse(const QString &urlOrPath, QString *error);
    // The location without its password, for messages and logs.
    QString display() const;
};

// True for a connection to PostgreSQL: the few statements that differ ask this.
bool isPostgres(const QSqlDatabase &db);
// JSON text of one top-level key of a TEXT column holding a JSON object ("" when absent).
QString jsonTextSql(const QSqlDatabase &db, const QString &column, const QString &key);

// The server's database, SQLite or PostgreSQL, with one schema and one set of migrations. One
// connection per thread (Qt SQL connections must not cross threads); on PostgreSQL a connection
// that broke is opened again on next use, and one idle for a while is checked before use.
// Write transactions are serialised so that the audit chain never forks: on SQLite by its write
// lock (BEGIN IMMEDIATE), on PostgreSQL by a transaction-scoped advisory lock taken first in
// every write transaction, which several server instances on one database share.
class Database
{
public:
    static std::optional<QString> sqlitePathFromUrl(const QString &url, QString *error);
    static QString defaultUrl();

    // A database URL, or a bare SQLite path.
    explicit Database(const QString &urlOrPath);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating the SQLite file and its folder if needed) and migrates to the newest schema.
    bool open(QString *error);
    // The SQLite file; empty for PostgreSQL.
    QString path() const { return m_location.sqlitePath; }
    const DatabaseLocation &location() const { return m_location; }
    DatabaseBackend backend() const { return m_location.backend; }
    bool isPostgres() const { return m_location.backend == DatabaseBackend::Postgres; }

    // This thread's connection, opened on first use. Throws DatabaseUnavailable when the
    // database cannot be reached.
    QSqlDatabase connection();
    // Opens a connection of its own under this name (LISTEN needs one that lives on one thread
    // with an event loop); the caller removes it with QSqlDatabase::removeDatabase.
    QSqlDatabase dedicatedConnection(const QString &name);

    // Runs fn inside one write transaction, one writer at a time across threads, processes and
    // (on PostgreSQL) server instances. Rolls back and rethrows on any exception.
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

    static constexpr int SchemaVersion = 7;

private:
    QSqlDatabase openConnection(const QString &name);
    void begin(QSqlDatabase &db);
    void commit(QSqlDatabase &db);
    void rollback(QSqlDatabase &db);
    void migrate(QSqlDatabase &db);
    int schemaVersion(QSqlDatabase &db);
    void setSchemaVersion(QSqlDatabase &db, int version);

    DatabaseLocation m_location;
    QString m_locationError;
    QString m_connectionPrefix;
    QMutex m_writeMutex;
};

} // namespace keyward::server

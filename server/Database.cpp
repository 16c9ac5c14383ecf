// SPDX-License-Identifier: GPL-3.0-or-later
#include "Database.h"

#include "AuditTextIndex.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QStandardPaths>
#include <QThread>

namespace keyward::server {

namespace {
QAtomicInt s_instanceCounter;

// Each entry upgrades the schema by one version; never edit one that has shipped.
const char *const Migrations[] = {
    // 1: organisation, secrets, keys, usage, publishable keys, audit chain, idempotency, payments
    R"SQL(
CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    tier TEXT NOT NULL,
    key_format TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE secret_keys (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    note TEXT NOT NULL,
    prefix TEXT NOT NULL,
    last_four TEXT NOT NULL,
    secret_hash BLOB NOT NULL UNIQUE,
    permissions TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by_type TEXT NOT NULL,
    created_by_id TEXT,
    created_by_display TEXT NOT NULL,
    expires_at INTEGER,
    revoked_at INTEGER,
    deleted_at INTEGER,
    expired_logged INTEGER NOT NULL DEFAULT 0,
    last_used_at INTEGER,
    last_used_ip TEXT,
    last_used_user_agent TEXT
);
CREATE INDEX secret_keys_org_seq ON secret_keys(org_id, seq) WHERE deleted_at IS NULL;
CREATE INDEX secret_keys_expiry ON secret_keys(expires_at)
    WHERE deleted_at IS NULL AND revoked_at IS NULL AND expired_logged = 0;
CREATE TABLE key_usage_daily (
    key_id TEXT NOT NULL,
    day TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (key_id, day)
) WITHOUT ROWID;
CREATE TABLE publishable_keys (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    note TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    created_by_type TEXT NOT NULL,
    created_by_id TEXT,
    created_by_display TEXT NOT NULL,
    deleted_at INTEGER
);
CREATE INDEX publishable_keys_org_seq ON publishable_keys(org_id, seq) WHERE deleted_at IS NULL;
CREATE TABLE audit_events (
    seq INTEGER PRIMARY KEY,
    org_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    actor_type TEXT NOT NULL,
    actor_id TEXT,
    actor_display TEXT NOT NULL,
    action TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT,
    target_display TEXT NOT NULL,
    ip TEXT,
    user_agent TEXT,
    request_id TEXT,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_events_action ON audit_events(action, seq);
CREATE INDEX audit_events_actor ON audit_events(actor_id, seq);
CREATE INDEX audit_events_target ON audit_events(target_id, seq);
CREATE INDEX audit_events_ip ON audit_events(ip, seq);
CREATE INDEX audit_events_at ON audit_events(at);
CREATE TABLE audit_chain_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
CREATE TABLE idempotency_keys (
    credential_id TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (credential_id, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);
CREATE TABLE payments (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL,
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT
);
CREATE INDEX payments_org_seq ON payments(org_id, seq);
)SQL",
    // 2: users of the organisation (identity)
    R"SQL(
CREATE TABLE users (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    email TEXT NOT NULL,
    email_normalized TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT,
    totp_secret BLOB,
    totp_last_step INTEGER,
    disabled_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX users_org ON users(org_id, seq);
)SQL",
    // 3: OAuth 2.0 clients, authorization codes, sign-in families and refresh tokens
    R"SQL(
CREATE TABLE oauth_clients (
    client_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    redirect_policy TEXT NOT NULL,
    redirect_uris TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
INSERT INTO oauth_clients (client_id, name, redirect_policy, created_at)
    VALUES ('keyward-desktop', 'Keyward desktop app', 'loopback', 0);
CREATE TABLE oauth_families (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER,
    revoked_reason TEXT
);
CREATE INDEX oauth_families_user ON oauth_families(user_id);
CREATE TABLE oauth_codes (
    code_hash BLOB PRIMARY KEY,
    client_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    scope TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    family_id TEXT
);
CREATE TABLE oauth_refresh_tokens (
    token_hash BLOB PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES oauth_families(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX oauth_refresh_tokens_family ON oauth_refresh_tokens(family_id);
)SQL",
    // 4: an organisation can require MFA at sign-in
    R"SQL(
ALTER TABLE organizations ADD COLUMN require_mfa INTEGER NOT NULL DEFAULT 0;
)SQL",
    // 5: key rotation links, per-minute usage, and an index for keys whose expiry just passed
    R"SQL(
ALTER TABLE secret_keys ADD COLUMN rotates TEXT;
CREATE INDEX secret_keys_rotates ON secret_keys(rotates, seq) WHERE rotates IS NOT NULL;
CREATE INDEX secret_keys_expires_at ON secret_keys(expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE key_usage_minute (
    key_id TEXT NOT NULL,
    minute INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (key_id, minute)
) WITHOUT ROWID;
CREATE INDEX key_usage_minute_minute ON key_usage_minute(minute);
)SQL",
    // 6: audit log review at a million events. Indexes that start with the organisation and end
    // with (action, seq), so that a filter with or without actions walks seqs newest first; the
    // chain head remembers the newest time (append never goes below it) and from which seq times
    // were already in order; counts per organisation, slot and action for the histogram, in
    // hours and in quarter hours (UTC offsets such as +05:30). The free-text index (FTS5) is
    // created in C++ after the migrations, when the SQLite library has it
    // (AuditTextIndex::ensure).
    R"SQL(
DROP INDEX audit_events_action;
DROP INDEX audit_events_actor;
DROP INDEX audit_events_target;
DROP INDEX audit_events_ip;
CREATE INDEX audit_events_org_seq ON audit_events(org_id, seq);
CREATE INDEX audit_events_org_action ON audit_events(org_id, action, seq);
CREATE INDEX audit_events_org_actor ON audit_events(org_id, actor_id, action, seq);
CREATE INDEX audit_events_org_target ON audit_events(org_id, target_id, action, seq);
CREATE INDEX audit_events_org_ip ON audit_events(org_id, ip, action, seq);
ALTER TABLE audit_chain_head ADD COLUMN at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit_chain_head ADD COLUMN ordered_from_seq INTEGER NOT NULL DEFAULT 1;
ALTER TABLE audit_chain_head ADD COLUMN unordered_max_at INTEGER NOT NULL DEFAULT 0;
UPDATE audit_chain_head SET at = COALESCE((SELECT MAX(at) FROM audit_events), 0);
UPDATE audit_chain_head SET ordered_from_seq = 1 + COALESCE((
    SELECT MAX(seq) FROM (
        SELECT seq, at, MAX(at) OVER (ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_max
        FROM audit_events) AS ordered
    WHERE at < earlier_max), 0);
UPDATE audit_chain_head SET unordered_max_at = COALESCE((
    SELECT MAX(at) FROM audit_events WHERE seq < (SELECT ordered_from_seq FROM audit_chain_head WHERE id = 1)), 0);
CREATE TABLE audit_event_counts (
    org_id TEXT NOT NULL,
    slot_ms INTEGER NOT NULL,
    slot_start INTEGER NOT NULL,
    action TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (org_id, slot_ms, slot_start, action)
) WITHOUT ROWID;
INSERT INTO audit_event_counts (org_id, slot_ms, slot_start, action, n)
    SELECT org_id, 900000, at - at % 900000, action, COUNT(*) FROM audit_events
    GROUP BY org_id, at - at % 900000, action;
INSERT INTO audit_event_counts (org_id, slot_ms, slot_start, action, n)
    SELECT org_id, 3600000, at - at % 3600000, action, COUNT(*) FROM audit_events
    GROUP BY org_id, at - at % 3600000, action;
)SQL",
    // 7: several server instances on one database. Changes that other instances must drop
    // from their credential caches (a key revoked, deleted or changed; a user changed or signed
    // out), written in the same transaction as the change; and rate-limit windows counted
    // across instances.
    R"SQL(
CREATE TABLE invalidations (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    target TEXT NOT NULL
);
CREATE INDEX invalidations_at ON invalidations(at);
CREATE TABLE rate_windows (
    subject TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (subject, window_start)
) WITHOUT ROWID;
CREATE INDEX rate_windows_start ON rate_windows(window_start);
)SQL",
};
static_assert(std::size(Migrations) == Database::SchemaVersion);

QStringList splitStatements(const QString &script)
{
    QStringList out;
    for (const QString &part : script.split(QLatin1Char(';'))) {
        const QString s = part.trimmed();
        if (!s.isEmpty())
            out.append(s);
    }
    return out;
}
// PostgreSQL speaks the same schema with its own type names; the migrations are written once,
// for SQLite, and translated here. Nothing else in them differs.
QString postgresDdl(QString statement)
{
    static const QRegularExpression autoincrement(QStringLiteral("\\bINTEGER PRIMARY KEY AUTOINCREMENT\\b"));
    static const QRegularExpression integer(QStringLiteral("\\bINTEGER\\b"));
    static const QRegularExpression blob(QStringLiteral("\\bBLOB\\b"));
    static const QRegularExpression withoutRowid(QStringLiteral("\\)\\s*WITHOUT ROWID"));
    statement.replace(autoincrement, QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
    statement.replace(integer, QStringLiteral("BIGINT"));
    statement.replace(blob, QStringLiteral("BYTEA"));
    statement.replace(withoutRowid, QStringLiteral(")"));
    return statement;
}

// One number for every keyward-server on a PostgreSQL database: the write lock ("kwrd").
constexpr qint64 WriteLockId = 0x6b777264;
// A PostgreSQL connection unused for this long is checked with a round trip before use, so that
// one broken while idle (the database restarted) is replaced instead of failing a request.
constexpr qint64 IdleCheckMs = 1000;

// SQLite result codes (the primary code is the low byte of an extended one).
enum : int { SqliteBusy = 5, SqliteLocked = 6, SqliteReadOnly = 8, SqliteIoErr = 10, SqliteFull = 13,
             SqliteCantOpen = 14 };

bool unavailableError(const QSqlDatabase &db, const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    if (isPostgres(db)) {
        // SQLSTATE classes: 08 connection exception, 53 insufficient resources (disk full, out of
        // memory, too many connections), 57P operator intervention (shutdown, restart), 55P03
        // lock not available, 25006 read-only transaction (a standby), 40001/40P01 retry.
        if (code.startsWith(QLatin1String("08")) || code.startsWith(QLatin1String("53"))
            || code.startsWith(QLatin1String("57P")) || code == QLatin1String("55P03")
            || code == QLatin1String("25006") || code == QLatin1String("40001") || code == QLatin1String("40P01"))
            return true;
        // A connection that broke reports no SQLSTATE: libpq's own message says so.
        const QString text = error.driverText() + QLatin1Char(' ') + error.databaseText();
        return error.type() == QSqlError::ConnectionError || text.contains(QLatin1String("server closed the connection"))
            || text.contains(QLatin1String("no connection to the server"))
            || text.contains(QLatin1String("terminating connection"))
            || text.contains(QLatin1String("could not connect")) || text.contains(QLatin1String("Connection refused"))
            || text.contains(QLatin1String("could not send data")) || text.contains(QLatin1String("could not receive data"))
            || text.contains(QLatin1String("SSL SYSCALL error")) || text.contains(QLatin1String("connection to server"));
    }
    bool ok = false;
    const int primary = code.toInt(&ok) & 0xff;
    return ok
        && (primary == SqliteBusy || primary == SqliteLocked || primary == SqliteReadOnly || primary == SqliteIoErr
            || primary == SqliteFull || primary == SqliteCantOpen);
}

// A failed COMMIT on SQLite that cannot have written its commit record: the log write itself
// failed (SQLITE_FULL, SQLITE_IOERR_WRITE: a WAL frame is complete only when its page is, and a
// partial one is ignored by recovery), or the file or lock could not be had. Other I/O errors
// may come after the record (syncing, growing the -shm index): their outcome is unknown.
bool sqliteCommitRefused(const QSqlError &error)
{
    constexpr int SqliteIoErrWrite = SqliteIoErr | (3 << 8);
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    const int primary = code & 0xff;
    return ok
        && (primary == SqliteFull || primary == SqliteReadOnly || primary == SqliteBusy || primary == SqliteLocked
            || code == SqliteIoErrWrite);
}

// A new connection's session settings (PRAGMAs, SETs): statements that cannot be prepared.
void applySettings(QSqlDatabase &db, std::initializer_list<const char *> statements)
{
    for (const char *statement : statements) {
        QSqlQuery q(db);
        if (!q.exec(QLatin1String(statement)))
            Sql::fail(db, q.lastError(), std::string("cannot apply ") + statement);
    }
}

struct IdleClock
{
    QHash<QString, qint64> lastUsedMs;
};
thread_local IdleClock t_idle;
} // namespace

bool isPostgres(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL");
}

QString jsonTextSql(const QSqlDatabase &db, const QString &column, const QString &key)
{
    if (isPostgres(db))
        return QStringLiteral("COALESCE(CAST(%1 AS jsonb) ->> '%2', '')").arg(column, key);
    return QStringLiteral("COALESCE(json_extract(%1, '$.%2'), '')").arg(column, key);
}

// An error PostgreSQL's driver did not describe (it happens when the connection died under a
// prepare): ask the connection. A live one answers, or refuses with 25P02 inside a failed
// transaction; a dead one fails otherwise.
static bool postgresConnectionLost(QSqlDatabase &db)
{
    if (!db.isOpen())
        return true;
    QSqlQuery probe(db);
    if (probe.exec(QStringLiteral("SELECT 1")))
        return false;
    return probe.lastError().nativeErrorCode() != QLatin1String("25P02");
}

void Sql::fail(QSqlDatabase db, const QSqlError &error, const std::string &what)
{
    const std::string message = what + ": " + error.text().toStdString();
    if (unavailableError(db, error) || (isPostgres(db) && error.nativeErrorCode().isEmpty() && postgresConnectionLost(db))) {
        if (isPostgres(db)) {
            // Opened again on next use; a transaction on it is gone with it.
            db.close();
        }
        throw DatabaseUnavailable(message);
    }
    throw DatabaseError(message);
}

Sql::Sql(const QSqlDatabase &db, const QString &statement)
    : m_db(db)
    , m_query(db)
    , m_statement(statement)
    , m_inline(isPostgres(db))
{
    m_query.setForwardOnly(true);
    if (m_inline)
        return;
    if (!m_query.prepare(statement))
        fail(m_db, m_query.lastError(), "prepare failed in " + statement.left(120).toStdString());
}

Sql &Sql::bind(const QVariant &value)
{
    if (m_inline) {
        if (m_values.size() <= m_nextBind)
            m_values.resize(m_nextBind + 1);
        m_values[m_nextBind++] = value;
        return *this;
    }
    m_query.bindValue(m_nextBind++, value);
    return *this;
}

QString Sql::inlined() const
{
    QString out;
    out.reserve(m_statement.size() + 16 * m_values.size());
    QSqlDriver *driver = m_db.driver();
    qsizetype next = 0;
    bool quoted = false;
    for (const QChar c : m_statement) {
        if (c == u'\'') {
            quoted = !quoted; // '' inside a literal toggles twice: still inside
        } else if (c == u'?' && !quoted) {
            if (next >= m_values.size())
                throw DatabaseError("a value is missing for " + m_statement.left(120).toStdString());
            const QVariant &value = m_values.at(next++);
            if (value.isNull()) {
                out += QLatin1String("NULL");
            } else {
                QSqlField field(QString(), value.metaType());
                field.setValue(value);
                out += driver->formatValue(field);
            }
            continue;
        }
        out += c;
    }
    if (next != m_values.size())
        throw DatabaseError("more values than placeholders for " + m_statement.left(120).toStdString());
    return out;
}

Sql &Sql::exec()
{
    m_nextBind = 0;
    if (m_inline) {
        const QString statement = inlined();
        m_values.clear();
        if (!m_query.exec(statement))
            fail(m_db, m_query.lastError(), "query failed in " + m_statement.left(120).toStdString());
        return *this;
    }
    if (!m_query.exec())
        fail(m_db, m_query.lastError(), "query failed in " + m_statement.left(120).toStdString());
    return *this;
}

void Sql::execAll(QSqlDatabase db, std::initializer_list<Sql *> statements)
{
    if (!isPostgres(db)) {
        for (Sql *statement : statements)
            statement->exec();
        return;
    }
    QStringList texts;
    for (Sql *statement : statements) {
        texts.append(statement->inlined());
        statement->m_values.clear();
        statement->m_nextBind = 0;
    }
    QSqlQuery q(db);
    if (!q.exec(texts.join(QStringLiteral(";\n"))))
        fail(db, q.lastError(), "statements failed: " + texts.join(QStringLiteral("; ")).left(120).toStdString());
}

KeysetQuery::KeysetQuery(QString selectWhere, QVariantList binds)
    : m_sql(std::move(selectWhere))
    , m_binds(std::move(binds))
{
}

KeysetQuery &KeysetQuery::where(const QString &clause, const QVariantList &binds)
{
    m_sql += QStringLiteral(" AND ") + clause;
    m_binds += binds;
    return *this;
}

KeysetQuery &KeysetQuery::containsText(const QStringList &columns, const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    const QString pattern = QLatin1Char('%') + escaped + QLatin1Char('%');
    QStringList ors;
    for (const QString &column : columns) {
        ors.append(column + QStringLiteral(" {LIKE} ? ESCAPE '\\'"));
        m_binds.append(pattern);
    }
    m_sql += QStringLiteral(" AND (") + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    return *this;
}

Sql KeysetQuery::run(const QSqlDatabase &db, qint64 beforeSeq, int limit) const
{
    QString sql = m_sql;
    // SQLite's LIKE ignores ASCII case; PostgreSQL's does not.
    sql.replace(QLatin1String("{LIKE}"), isPostgres(db) ? QLatin1String("ILIKE") : QLatin1String("LIKE"));
    QVariantList binds = m_binds;
    if (beforeSeq > 0) {
        sql += QStringLiteral(" AND seq < ?");
        binds.append(beforeSeq);
    }
    sql += QStringLiteral(" ORDER BY seq DESC LIMIT ?");
    binds.append(limit + 1);
    Sql q(db, sql);
    for (const QVariant &b : std::as_const(binds))
        q.bind(b);
    q.exec();
    return q;
}

std::optional<DatabaseLocation> DatabaseLocation::parse(const QString &urlOrPath, QString *error)
{
    DatabaseLocation l;
    if (urlOrPath.startsWith(QLatin1String("postgresql://")) || urlOrPath.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(urlOrPath, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()) {
            *error = QStringLiteral("the database URL is not valid; use postgresql://user@host:port/database");
            return std::nullopt;
        }
        l.backend = DatabaseBackend::Postgres;
        l.host = url.host();
        l.port = url.port(5432);
        l.user = url.userName(QUrl::FullyDecoded);
        l.password = url.password(QUrl::FullyDecoded);
        l.name = url.path(QUrl::FullyDecoded).mid(1);
        if (l.name.isEmpty() || l.name.contains(QLatin1Char('/'))) {
            *error = QStringLiteral("the database URL %1 names no database; use postgresql://user@host:port/database")
                         .arg(l.display());
            return std::nullopt;
        }
        static const QStringList allowed {QStringLiteral("sslmode"),  QStringLiteral("sslrootcert"),
                                          QStringLiteral("sslcert"),  QStringLiteral("sslkey"),
                                          QStringLiteral("connect_timeout"), QStringLiteral("application_name"),
                                          QStringLiteral("target_session_attrs")};
        bool timeout = false;
        for (const auto &item : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
            if (!allowed.contains(item.first) || item.second.contains(QLatin1Char(';'))) {
                *error = QStringLiteral("the database URL has an unsupported option \"%1\"; supported: %2")
                             .arg(item.first, allowed.join(QStringLiteral(", ")));
                return std::nullopt;
            }
            timeout = timeout || item.first == QLatin1String("connect_timeout");
            l.options.append(item.first + QLatin1Char('=') + item.second);
        }
        if (!timeout)
            l.options.append(QStringLiteral("connect_timeout=5"));
        return l;
    }
    if (urlOrPath.startsWith(QLatin1String("postgres"))) {
        *error = QStringLiteral("unsupported database URL; use postgresql://user@host:port/database or sqlite:PATH");
        return std::nullopt;
    }
    QString path = urlOrPath;
    if (path.startsWith(QLatin1String("sqlite:"))) {
        path = path.mid(7);
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2);
        if (path.isEmpty()) {
            *error = QStringLiteral("the database URL %1 names no file; use sqlite:PATH").arg(urlOrPath);
            return std::nullopt;
        }
    } else if (urlOrPath.contains(QLatin1String("://")) || urlOrPath.isEmpty()) {
        *error = QStringLiteral("unsupported database URL \"%1\"; use sqlite:PATH or postgresql://user@host:port/database")
                     .arg(urlOrPath);
        return std::nullopt;
    }
    l.sqlitePath = QFileInfo(path).absoluteFilePath();
    return l;
}

QString DatabaseLocation::display() const
{
    if (backend == DatabaseBackend::Sqlite)
        return QStringLiteral("sqlite:") + sqlitePath;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

std::optional<QString> Database::sqlitePathFromUrl(const QString &url, QString *error)
{
    const auto location = DatabaseLocation::parse(url, error);
    if (!location)
        return std::nullopt;
    if (location->backend != DatabaseBackend::Sqlite) {
        *error = QStringLiteral("%1 is not an SQLite database").arg(location->display());
        return std::nullopt;
    }
    return location->sqlitePath;
}

QString Database::defaultUrl()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/keyward-server");
    return QStringLiteral("sqlite:") + dir + QStringLiteral("/keyward.db");
}

Database::Database(const QString &urlOrPath)
    : m_connectionPrefix(QStringLiteral("keyward-%1-").arg(s_instanceCounter.fetchAndAddRelaxed(1)))
{
    if (const auto location = DatabaseLocation::parse(urlOrPath, &m_locationError))
        m_location = *location;
}

Database::~Database()
{
    const QStringList names = QSqlDatabase::connectionNames();
    // Connections of finished pool threads are removed without being touched from this thread
    // (Qt forbids using a connection from another thread); removing one closes it.
    for (const QString &name : names) {
        if (name.startsWith(m_connectionPrefix))
            QSqlDatabase::removeDatabase(name);
    }
}

QSqlDatabase Database::connection()
{
    const QString name = m_connectionPrefix
        + QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()), 16);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen()) {
            qint64 &lastUsed = t_idle.lastUsedMs[name];
            if (isPostgres() && now - lastUsed > IdleCheckMs) {
                QSqlQuery ping(db);
                if (!ping.exec(QStringLiteral("SELECT 1")))
                    db.close(); // broke while idle: open a new one below
            }
            if (db.isOpen()) {
                lastUsed = now;
                return db;
            }
        }
    }
    QSqlDatabase db = openConnection(name);
    t_idle.lastUsedMs[name] = now;
    return db;
}

QSqlDatabase Database::dedicatedConnection(const QString &name)
{
    return openConnection(m_connectionPrefix + name);
}

QSqlDatabase Database::openConnection(const QString &name)
{
    if (!m_locationError.isEmpty())
        throw DatabaseError(m_locationError.toStdString());
    const bool pg = isPostgres();
    QSqlDatabase db = QSqlDatabase::contains(name)
        ? QSqlDatabase::database(name, false)
        : QSqlDatabase::addDatabase(pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
    if (!db.isValid())
        throw DatabaseError(pg ? "this build of Qt has no PostgreSQL driver (install libqt6sql6-psql)"
                               : "this build of Qt has no SQLite driver (install libqt6sql6-sqlite)");
    if (pg) {
        db.setHostName(m_location.host);
        db.setPort(m_location.port);
        db.setUserName(m_location.user);
        db.setPassword(m_location.password);
        db.setDatabaseName(m_location.name);
        QStringList options = m_location.options;
        options.append(QStringLiteral("application_name=keyward-server"));
        db.setConnectOptions(options.join(QLatin1Char(';')));
        if (!db.open()) {
            // Unreachable, refusing, or starting up: the caller answers 503 and tries again later.
            throw DatabaseUnavailable("cannot connect to " + m_location.display().toStdString() + ": "
                                      + db.lastError().text().toStdString());
        }
        // Times in the schema are milliseconds since the epoch; sessions use UTC anyway. A lock
        // wait as long as SQLite's busy timeout, and no statement may hold a connection forever.
        applySettings(db, {"SET TIME ZONE 'UTC'", "SET client_min_messages = 'warning'", "SET lock_timeout = '10s'",
                           "SET statement_timeout = '60s'", "SET idle_in_transaction_session_timeout = '60s'"});
        return db;
    }
    db.setDatabaseName(m_location.sqlitePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        throw DatabaseUnavailable("cannot open " + m_location.sqlitePath.toStdString() + ": "
                                  + db.lastError().text().toStdString());
    // Reads through a memory map (up to SQLite's default ceiling of 2 GiB): a page already in
    // the OS cache costs no system call, which halves the time of searches that check many rows.
    applySettings(db, {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                       "PRAGMA temp_store=MEMORY", "PRAGMA mmap_size=2147418112"});
    return db;
}

bool Database::open(QString *error)
{
    if (!m_locationError.isEmpty()) {
        *error = m_locationError;
        return false;
    }
    try {
        if (!isPostgres()) {
            const QFileInfo info(m_location.sqlitePath);
            // The database holds the server's pepper and signing keys: a folder or file created
            // here is readable by its owner only (SQLite gives the -wal and -shm files the same
            // mode).
            const bool newFolder = !QFileInfo::exists(info.absolutePath());
            if (!QDir().mkpath(info.absolutePath())) {
                *error = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
                return false;
            }
            if (newFolder)
                QFile::setPermissions(info.absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            if (!info.exists()) {
                QFile file(m_location.sqlitePath);
                if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner)
                    && !QFileInfo::exists(m_location.sqlitePath)) {
                    *error = QStringLiteral("cannot create %1: %2").arg(m_location.sqlitePath, file.errorString());
                    return false;
                }
            }
        }
        QSqlDatabase db = connection();
        QMutexLocker lock(&m_writeMutex);
        // The write lock also keeps two instances starting at once from migrating together.
        begin(db);
        try {
            migrate(db);
            if (!isPostgres())
                AuditTextIndex::ensure(db);
            commit(db);
        } catch (...) {
            rollback(db);
            throw;
        }
        return true;
    } catch (const DatabaseError &e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
}

int Database::schemaVersion(QSqlDatabase &db)
{
    if (isPostgres()) {
        QSqlQuery create(db); // DDL cannot be a prepared statement on PostgreSQL
        if (!create.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS keyward_schema (id INTEGER PRIMARY KEY "
                                        "CHECK (id = 1), version INTEGER NOT NULL)")))
            Sql::fail(db, create.lastError(), "cannot create the schema version table");
        Sql version(db, QStringLiteral("SELECT version FROM keyward_schema WHERE id = 1"));
        version.exec();
        return version.next() ? version.value(0).toInt() : 0;
    }
    // Finished before migrating: DROP INDEX fails while any statement is still active.
    Sql version(db, QStringLiteral("PRAGMA user_version"));
    version.exec();
    return version.next() ? version.value(0).toInt() : 0;
}

void Database::setSchemaVersion(QSqlDatabase &db, int version)
{
    if (isPostgres()) {
        Sql(db, QStringLiteral("INSERT INTO keyward_schema (id, version) VALUES (1, ?) "
                               "ON CONFLICT (id) DO UPDATE SET version = excluded.version"))
            .bind(version).exec();
        return;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
        Sql::fail(db, q.lastError(), "cannot record the schema version");
}

void Database::migrate(QSqlDatabase &db)
{
    const int current = schemaVersion(db);
    if (current > SchemaVersion)
        throw DatabaseError("the database was written by a newer keyward-server (schema "
                            + std::to_string(current) + ")");
    for (int v = current; v < SchemaVersion; ++v) {
        for (const QString &sqliteStatement : splitStatements(QString::fromUtf8(Migrations[v]))) {
            const QString statement = isPostgres() ? postgresDdl(sqliteStatement) : sqliteStatement;
            QSqlQuery q(db);
            if (!q.exec(statement))
                Sql::fail(db, q.lastError(), "migration " + std::to_string(v + 1) + " failed");
        }
        setSchemaVersion(db, v + 1);
    }
}

void Database::begin(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE")))
        Sql::fail(db, q.lastError(), "cannot begin a transaction");
    if (isPostgres()) {
        QSqlQuery lock(db);
        if (!lock.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(WriteLockId))) {
            const QSqlError error = lock.lastError();
            rollback(db);
            Sql::fail(db, error, "cannot take the write lock");
        }
    }
}

void Database::commit(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        // SQLite refused the COMMIT before its commit record reached the log (disk full, a write
        // error, a read-only file, a lock): nothing of it happened, and write() rolls the rest
        // back.
        const QSqlError error = q.lastError();
        if (!isPostgres() && sqliteCommitRefused(error))
            throw DatabaseUnavailable("cannot commit: " + error.text().toStdString());
        // Whether a COMMIT that lost its connection took effect is unknown: never "unavailable"
        // (which promises that nothing changed), always an error the client must look into.
        throw DatabaseCommitUnknown("cannot commit: " + error.text().toStdString());
    }
}

void Database::rollback(QSqlDatabase &db)
{
    if (!db.isOpen())
        return;
    QSqlQuery q(db);
    q.exec(QStringLiteral("ROLLBACK"));
}

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#include "Database.h"

#include "AuditTextIndex.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
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
} // namespace

Sql::Sql(const QSqlDatabase &db, const QString &statement)
    : m_query(db)
    , m_statement(statement)
{
    m_query.setForwardOnly(true);
    if (!m_query.prepare(statement))
        throw DatabaseError("prepare failed: " + m_query.lastError().text().toStdString() + " in "
                            + statement.left(120).toStdString());
}

Sql &Sql::bind(const QVariant &value)
{
    m_query.bindValue(m_nextBind++, value);
    return *this;
}

Sql &Sql::exec()
{
    m_nextBind = 0;
    if (!m_query.exec())
        throw DatabaseError("query failed: " + m_query.lastError().text().toStdString() + " in "
                            + m_statement.left(120).toStdString());
    return *this;
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
        ors.append(column + QStringLiteral(" LIKE ? ESCAPE '\\'"));
        m_binds.append(pattern);
    }
    m_sql += QStringLiteral(" AND (") + ors.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    return *this;
}

Sql KeysetQuery::run(const QSqlDatabase &db, qint64 beforeSeq, int limit) const
{
    QString sql = m_sql;
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

std::optional<QString> Database::sqlitePathFromUrl(const QString &url, QString *error)
{
    if (url.startsWith(QLatin1String("sqlite:"))) {
        QString path = url.mid(7);
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2);
        if (path.isEmpty()) {
            *error = QStringLiteral("the database URL %1 names no file; use sqlite:PATH").arg(url);
            return std::nullopt;
        }
        return QFileInfo(path).absoluteFilePath();
    }
    if (url.startsWith(QLatin1String("postgres"))) {
        *error = QStringLiteral("PostgreSQL is not supported by this build yet; use sqlite:PATH");
        return std::nullopt;
    }
    *error = QStringLiteral("unsupported database URL \"%1\"; use sqlite:PATH").arg(url);
    return std::nullopt;
}

QString Database::defaultUrl()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/keyward-server");
    return QStringLiteral("sqlite:") + dir + QStringLiteral("/keyward.db");
}

Database::Database(QString sqlitePath)
    : m_path(std::move(sqlitePath))
    , m_connectionPrefix(QStringLiteral("keyward-%1-").arg(s_instanceCounter.fetchAndAddRelaxed(1)))
{
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
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
    }
    QSqlDatabase db = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                    : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        throw DatabaseError("cannot open " + m_path.toStdString() + ": " + db.lastError().text().toStdString());
    // Reads through a memory map (up to SQLite's default ceiling of 2 GiB): a page already in
    // the OS cache costs no system call, which halves the time of searches that check many rows.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                               "PRAGMA temp_store=MEMORY", "PRAGMA mmap_size=2147418112"}) {
        QSqlQuery q(db);
        if (!q.exec(QLatin1String(pragma)))
            throw DatabaseError(std::string("cannot set ") + pragma + ": " + q.lastError().text().toStdString());
    }
    return db;
}

bool Database::open(QString *error)
{
    try {
        const QFileInfo info(m_path);
        // The database holds the server's pepper and signing keys: a folder or file created here
        // is readable by its owner only (SQLite gives the -wal and -shm files the same mode).
        const bool newFolder = !QFileInfo::exists(info.absolutePath());
        if (!QDir().mkpath(info.absolutePath())) {
            *error = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
            return false;
        }
        if (newFolder)
            QFile::setPermissions(info.absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        if (!info.exists()) {
            QFile file(m_path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner)
                && !QFileInfo::exists(m_path)) {
                *error = QStringLiteral("cannot create %1: %2").arg(m_path, file.errorString());
                return false;
            }
        }
        QSqlDatabase db = connection();
        QMutexLocker lock(&m_writeMutex);
        begin(db);
        try {
            migrate(db);
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

void Database::migrate(QSqlDatabase &db)
{
    int current = 0;
    {
        // Finished before migrating: DROP INDEX fails while any statement is still active.
        Sql version(db, QStringLiteral("PRAGMA user_version"));
        version.exec();
        current = version.next() ? version.value(0).toInt() : 0;
    }
    if (current > SchemaVersion)
        throw DatabaseError("the database was written by a newer keyward-server (schema "
                            + std::to_string(current) + ")");
    for (int v = current; v < SchemaVersion; ++v) {
        for (const QString &statement : splitStatements(QString::fromUtf8(Migrations[v]))) {
            QSqlQuery q(db);
            if (!q.exec(statement))
                throw DatabaseError("migration " + std::to_string(v + 1) + " failed: "
                                    + q.lastError().text().toStdString());
        }
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1)))
            throw DatabaseError("cannot record the schema version: " + q.lastError().text().toStdString());
    }
}

void Database::begin(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        throw DatabaseError("cannot begin a transaction: " + q.lastError().text().toStdString());
}

void Database::commit(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("COMMIT")))
        throw DatabaseError("cannot commit: " + q.lastError().text().toStdString());
}

void Database::rollback(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("ROLLBACK"));
}

} // namespace keyward::server

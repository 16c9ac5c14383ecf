// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyStore.h"

#include "Database.h"
#include "KeyFormat.h"
#include "ServerSecrets.h"
#include "UsageRecorder.h"

#include <QDateTime>
#include <QTimeZone>

#include <openssl/crypto.h>

namespace keyward::server {

namespace {
// rotated_by is not stored: it is the newest key not deleted that names this one in its rotates.
const QString KeyColumns = QStringLiteral(
    "seq, id, note, prefix, last_four, permissions, created_at, created_by_type, created_by_id, "
    "created_by_display, expires_at, revoked_at, last_used_at, last_used_ip, last_used_user_agent, rotates, "
    "(SELECT r.id FROM secret_keys r WHERE r.rotates = secret_keys.id AND r.deleted_at IS NULL "
    "ORDER BY r.seq DESC LIMIT 1)");
constexpr int KeyColumnCount = 17;

QDateTime timeOf(const Sql &q, int column)
{
    return q.isNull(column) ? QDateTime() : QDateTime::fromMSecsSinceEpoch(q.integer(column), QTimeZone::utc());
}

ApiKey readKey(const Sql &q, qint64 nowMs)
{
    ApiKey k;
    k.id = q.text(1);
    k.note = q.text(2);
    k.prefix = q.text(3);
    k.lastFour = q.text(4);
    k.permissions = q.text(5).split(QLatin1Char(','), Qt::SkipEmptyParts);
    k.createdAt = timeOf(q, 6);
    k.createdBy = {q.text(7), q.text(8), q.text(9)};
    k.expiresAt = timeOf(q, 10);
    k.revokedAt = timeOf(q, 11);
    k.lastUsedAt = timeOf(q, 12);
    k.lastUsedIp = q.text(13);
    k.lastUsedUserAgent = q.text(14);
    k.rotates = q.text(15);
    k.rotatedBy = q.text(16);
    if (k.revokedAt.isValid())
        k.status = ApiKey::Status::Revoked;
    else if (!q.isNull(10) && q.integer(10) <= nowMs)
        k.status = ApiKey::Status::Expired;
    else
        k.status = ApiKey::Status::Active;
    return k;
}

QVariant optionalMs(qint64 ms)
{
    return ms > 0 ? QVariant(ms) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

QString KeyStore::newId(const char *prefix)
{
    return QLatin1String(prefix) + KeyFormat::base62(ServerSecrets::randomBytes(12), 16).right(16);
}

QString KeyStore::displayFor(const QString &note, const QString &masked)
{
    return note.isEmpty() ? masked : QStringLiteral("%1 (%2)").arg(note, masked);
}

NewSecretKey KeyStore::createSecretKey(QSqlDatabase &db, const ServerSecrets &secrets, const Organization &org,
                                       const QString &note, const PermissionSet &permissions, qint64 expiresAtMs,
                                       const Actor &createdBy, qint64 nowMs, const QString &rotates)
{
    QByteArray random = ServerSecrets::randomBytes(32);
    const QString secret = KeyFormat::assemble(org.secretPrefix(), random);
    OPENSSL_cleanse(random.data(), size_t(random.size()));

    NewSecretKey out;
    out.secret = secret.toLatin1();
    ApiKey &k = out.key;
    k.id = newId("key_");
    k.note = note;
    k.prefix = org.secretPrefix();
    k.lastFour = secret.right(KeyFormat::DisplaySuffixLength);
    k.permissions = permissions.toStringList();
    k.createdAt = QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc());
    k.createdBy = createdBy;
    if (expiresAtMs > 0)
        k.expiresAt = QDateTime::fromMSecsSinceEpoch(expiresAtMs, QTimeZone::utc());
    k.rotates = rotates;

    Sql q(db, QStringLiteral("INSERT INTO secret_keys (id, org_id, note, prefix, last_four, secret_hash, permissions, "
                             "created_at, created_by_type, created_by_id, created_by_display, expires_at, rotates) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(k.id).bind(org.id).bind(note).bind(k.prefix).bind(k.lastFour).bind(secrets.keyedHash(out.secret))
        .bind(permissions.toString()).bind(nowMs).bind(createdBy.type)
        .bind(createdBy.id.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(createdBy.id))
        .bind(createdBy.display).bind(optionalMs(expiresAtMs))
        .bind(rotates.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(rotates)).exec();
    return out;
}

std::optional<KeyStore::Credential> KeyStore::credentialForHash(QSqlDatabase &db, const QByteArray &hash)
{
    Sql q(db, QStringLiteral("SELECT id, org_id, note, prefix, last_four, permissions, expires_at, revoked_at, "
                             "deleted_at FROM secret_keys WHERE secret_hash = ?"));
    q.bind(hash).exec();
    if (!q.next())
        return std::nullopt;
    Credential c;
    c.revoked = !q.isNull(7);
    c.deleted = !q.isNull(8);
    Principal &p = c.principal;
    p.type = QStringLiteral("secret_key");
    p.id = q.text(0);
    p.orgId = q.text(1);
    p.note = q.text(2);
    p.masked = KeyFormat::mask(q.text(3), q.text(4));
    p.display = displayFor(p.note, p.masked);
    p.permissions = PermissionSet::parse(q.text(5).split(QLatin1Char(','), Qt::SkipEmptyParts)).value_or(PermissionSet());
    p.expiresAtMs = q.isNull(6) ? 0 : q.integer(6);
    return c;
}

KeyPage KeyStore::list(QSqlDatabase &db, const QString &orgId, const KeyListQuery &query, qint64 nowMs)
{
    KeysetQuery k(QStringLiteral("SELECT ") + KeyColumns
                      + QStringLiteral(" FROM secret_keys WHERE org_id = ? AND deleted_at IS NULL"),
                  {orgId});
    if (query.status == QLatin1String("active"))
        k.where(QStringLiteral("revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)"), {nowMs});
    else if (query.status == QLatin1String("expired"))
        k.where(QStringLiteral("revoked_at IS NULL AND expires_at <= ?"), {nowMs});
    else if (query.status == QLatin1String("revoked"))
        k.where(QStringLiteral("revoked_at IS NOT NULL"));
    if (!query.text.isEmpty())
        k.containsText({QStringLiteral("note"), QStringLiteral("prefix || last_four"), QStringLiteral("last_four"),
                        QStringLiteral("permissions"), QStringLiteral("created_by_display"), QStringLiteral("id")},
                       query.text);
    Sql q = k.run(db, query.afterSeq, query.limit);
    KeyPage page;
    while (q.next()) {
        if (page.keys.size() == query.limit) {
            page.hasMore = true;
            break;
        }
        page.keys.append(readKey(q, nowMs));
    }
    return page;
}

std::optional<ApiKey> KeyStore::get(QSqlDatabase &db, const QString &orgId, const QString &id, qint64 nowMs,
                                    bool withUsage)
{
    Sql q(db, QStringLiteral("SELECT ") + KeyColumns
                  + QStringLiteral(" FROM secret_keys WHERE org_id = ? AND id = ? AND deleted_at IS NULL"));
    q.bind(orgId).bind(id).exec();
    if (!q.next())
        return std::nullopt;
    ApiKey key = readKey(q, nowMs);
    if (withUsage) {
        const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc()).date();
        Sql u(db, QStringLiteral("SELECT day, count FROM key_usage_daily WHERE key_id = ? AND day >= ? ORDER BY day"));
        u.bind(id).bind(today.addDays(-29).toString(Qt::ISODate)).exec();
        while (u.next())
            key.usage.append({QDate::fromString(u.text(0), Qt::ISODate), u.integer(1)});
        // The minutes with requests among the last RecentMinutes, oldest first; the caller fills the gaps.
        const qint64 currentMinute = UsageRecorder::minuteStart(nowMs);
        Sql m(db, QStringLiteral("SELECT minute, count FROM key_usage_minute WHERE key_id = ? AND minute >= ? "
                                 "AND minute <= ? ORDER BY minute"));
        m.bind(id).bind(currentMinute - (RecentMinutes - 1) * UsageRecorder::MinuteMs).bind(currentMinute).exec();
        while (m.next())
            key.recentUsage.append({QDateTime::fromMSecsSinceEpoch(m.integer(0), QTimeZone::utc()), m.integer(1)});
    }
    return key;
}

std::optional<qint64> KeyStore::seqOf(QSqlDatabase &db, const QString &orgId, const QString &id)
{
    Sql q(db, QStringLiteral("SELECT seq FROM secret_keys WHERE org_id = ? AND id = ?"));
    q.bind(orgId).bind(id).exec();
    if (!q.next())
        return std::nullopt;
    return q.integer(0);
}

void KeyStore::update(QSqlDatabase &db, const QString &id, const std::optional<QString> &note,
                      const std::optional<PermissionSet> &permissions, const std::optional<qint64> &expiresAtMs)
{
    if (note)
        Sql(db, QStringLiteral("UPDATE secret_keys SET note = ? WHERE id = ?")).bind(*note).bind(id).exec();
    if (permissions)
        Sql(db, QStringLiteral("UPDATE secret_keys SET permissions = ? WHERE id = ?"))
            .bind(permissions->toString()).bind(id).exec();
    if (expiresAtMs)
        Sql(db, QStringLiteral("UPDATE secret_keys SET expires_at = ?, expired_logged = 0 WHERE id = ?"))
            .bind(optionalMs(*expiresAtMs)).bind(id).exec();
}

void KeyStore::revoke(QSqlDatabase &db, const QString &id, qint64 nowMs)
{
    Sql(db, QStringLiteral("UPDATE secret_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"))
        .bind(nowMs).bind(id).exec();
}

void KeyStore::markDeleted(QSqlDatabase &db, const QString &id, qint64 nowMs)
{
    Sql(db, QStringLiteral("UPDATE secret_keys SET deleted_at = ? WHERE id = ?")).bind(nowMs).bind(id).exec();
}

QList<KeyStore::DueExpiry> KeyStore::dueForExpiry(QSqlDatabase &db, qint64 nowMs, int limit)
{
    Sql q(db, QStringLiteral("SELECT ") + KeyColumns
                  + QStringLiteral(", org_id FROM secret_keys WHERE deleted_at IS NULL AND revoked_at IS NULL "
                                   "AND expired_logged = 0 AND expires_at <= ? ORDER BY expires_at LIMIT ?"));
    q.bind(nowMs).bind(limit).exec();
    QList<DueExpiry> out;
    while (q.next())
        out.append({readKey(q, nowMs), q.text(KeyColumnCount)});
    return out;
}

bool KeyStore::claimExpiry(QSqlDatabase &db, const QString &id, const QDateTime &expiresAt, qint64 nowMs)
{
    // Conditional: of several writers (threads, processes) that saw this key due, exactly one
    // changes the row; the others see no row affected and write no event.
    Sql q(db, QStringLiteral("UPDATE secret_keys SET expired_logged = 1 WHERE id = ? AND expired_logged = 0 "
                             "AND deleted_at IS NULL AND revoked_at IS NULL AND expires_at = ? AND expires_at <= ?"));
    q.bind(id).bind(expiresAt.toMSecsSinceEpoch()).bind(nowMs).exec();
    return q.rowsAffected() == 1;
}

void KeyStore::markExpiryLogged(QSqlDatabase &db, const QString &id)
{
    Sql(db, QStringLiteral("UPDATE secret_keys SET expired_logged = 1 WHERE id = ?")).bind(id).exec();
}

QStringList KeyStore::expiredBetween(QSqlDatabase &db, qint64 afterMs, qint64 untilMs)
{
    Sql q(db, QStringLiteral("SELECT id FROM secret_keys WHERE expires_at > ? AND expires_at <= ?"));
    q.bind(afterMs).bind(untilMs).exec();
    QStringList out;
    while (q.next())
        out.append(q.text(0));
    return out;
}

PublishableKey KeyStore::createPublishableKey(QSqlDatabase &db, const QString &orgId, const QString &note,
                                              const Actor &createdBy, qint64 nowMs)
{
    PublishableKey k;
    k.id = newId("pkid_");
    k.note = note;
    k.key = QStringLiteral("pk_") + KeyFormat::base62(ServerSecrets::randomBytes(24), 33);
    k.createdAt = QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc());
    k.createdBy = createdBy;
    Sql(db, QStringLiteral("INSERT INTO publishable_keys (id, org_id, note, key, created_at, created_by_type, "
                           "created_by_id, created_by_display) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
        .bind(k.id).bind(orgId).bind(note).bind(k.key).bind(nowMs).bind(createdBy.type)
        .bind(createdBy.id.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(createdBy.id))
        .bind(createdBy.display).exec();
    return k;
}

namespace {
const QString PkColumns = QStringLiteral(
    "seq, id, note, key, created_at, created_by_type, created_by_id, created_by_display");
PublishableKey readPublishable(const Sql &q)
{
    PublishableKey k;
    k.id = q.text(1);
    k.note = q.text(2);
    k.key = q.text(3);
    k.createdAt = QDateTime::fromMSecsSinceEpoch(q.integer(4), QTimeZone::utc());
    k.createdBy = {q.text(5), q.text(6), q.text(7)};
    return k;
}
} // namespace

QList<PublishableKey> KeyStore::listPublishable(QSqlDatabase &db, const QString &orgId, qint64 afterSeq, int limit,
                                                bool *hasMore)
{
    Sql q(db, QStringLiteral("SELECT ") + PkColumns
                  + QStringLiteral(" FROM publishable_keys WHERE org_id = ? AND deleted_at IS NULL AND seq < ? "
                                   "ORDER BY seq DESC LIMIT ?"));
    q.bind(orgId).bind(afterSeq > 0 ? afterSeq : std::numeric_limits<qint64>::max()).bind(limit + 1).exec();
    QList<PublishableKey> out;
    *hasMore = false;
    while (q.next()) {
        if (out.size() == limit) {
            *hasMore = true;
            break;
        }
        out.append(readPublishable(q));
    }
    return out;
}

std::optional<PublishableKey> KeyStore::getPublishable(QSqlDatabase &db, const QString &orgId, const QString &id,
                                                       qint64 *seq)
{
    Sql q(db, QStringLiteral("SELECT ") + PkColumns
                  + QStringLiteral(" FROM publishable_keys WHERE org_id = ? AND id = ? AND deleted_at IS NULL"));
    q.bind(orgId).bind(id).exec();
    if (!q.next())
        return std::nullopt;
    if (seq)
        *seq = q.integer(0);
    return readPublishable(q);
}

void KeyStore::deletePublishable(QSqlDatabase &db, const QString &id, qint64 nowMs)
{
    Sql(db, QStringLiteral("UPDATE publishable_keys SET deleted_at = ? WHERE id = ?")).bind(nowMs).bind(id).exec();
}

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
// ApiServer: /health, /me, /permissions, /secret-keys and /publishable-keys.
#include "ApiExchange.h"

#include "AuditLog.h"
#include "Database.h"
#include "JsonInput.h"
#include "KeyStore.h"
#include "PermissionCatalog.h"
#include "ServerSecrets.h"
#include "Timestamps.h"
#include "UsageRecorder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUrlQuery>

#include <openssl/crypto.h>

namespace keyward::server {

namespace {
QJsonObject keyJsonWithUsage(const ApiKey &key, qint64 nowMs)
{
    QJsonObject o = key.toJson();
    QHash<QDate, qint64> counts;
    for (const DailyUsage &u : key.usage)
        counts.insert(u.day, u.count);
    QJsonArray usage;
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc()).date();
    qint64 total = 0;
    for (int i = 29; i >= 0; --i) {
        const QDate d = today.addDays(-i);
        const qint64 c = counts.value(d);
        total += c;
        usage.append(QJsonObject {{QStringLiteral("date"), d.toString(Qt::ISODate)}, {QStringLiteral("count"), c}});
    }
    o.insert(QStringLiteral("usage"), usage);
    o.insert(QStringLiteral("usage_total_30d"), total);

    // The last 60 minutes, oldest first, the current (unfinished) minute last, zeros included.
    QHash<qint64, qint64> perMinute;
    for (const MinuteUsage &u : key.recentUsage)
        perMinute.insert(u.minute.toMSecsSinceEpoch(), u.count);
    QJsonArray recent;
    const qint64 currentMinute = UsageRecorder::minuteStart(nowMs);
    for (int i = KeyStore::RecentMinutes - 1; i >= 0; --i) {
        const qint64 minute = currentMinute - i * UsageRecorder::MinuteMs;
        recent.append(QJsonObject {{QStringLiteral("minute"), toRfc3339Ms(minute)},
                                   {QStringLiteral("count"), perMinute.value(minute)}});
    }
    o.insert(QStringLiteral("usage_recent"), recent);
    return o;
}

QJsonObject forbiddenGrant(const PermissionSet &holder, const PermissionSet &wanted, QString *message)
{
    QStringList missing;
    for (const Permission &p : wanted.items()) {
        if (!holder.allows(p))
            missing.append(p.toString());
    }
    *message = QStringLiteral("A key cannot grant permissions it does not hold itself: %1.")
                   .arg(missing.join(QStringLiteral(", ")));
    return {{QStringLiteral("permissions"), QJsonArray::fromStringList(missing)}};
}

QJsonObject listJson(const QJsonArray &data, bool hasMore, const QString &nextCursor)
{
    return {{QStringLiteral("object"), QStringLiteral("list")},
            {QStringLiteral("data"), data},
            {QStringLiteral("has_more"), hasMore},
            {QStringLiteral("next_cursor"), hasMore ? QJsonValue(nextCursor) : QJsonValue(QJsonValue::Null)}};
}

Actor keyTarget(const ApiKey &key)
{
    return {QStringLiteral("secret_key"), key.id, KeyStore::displayFor(key.note, key.masked())};
}
} // namespace

void ApiServer::getHealth(const ExchangePtr &ex)
{
    finish(ex, Reply::json(200, {{QStringLiteral("status"), QStringLiteral("ok")},
                                 {QStringLiteral("version"), QCoreApplication::applicationVersion()}}));
}

void ApiServer::getMe(const ExchangePtr &ex)
{
    Reply r;
    r.body = ex->principal.meJson.isEmpty() ? meBody(ex->principal) : ex->principal.meJson;
    finish(ex, r);
}

void ApiServer::getPermissions(const ExchangePtr &ex)
{
    if (!checkQuery(ex, {}))
        return;
    finish(ex, Reply::json(200, {{QStringLiteral("object"), QStringLiteral("list")},
                                 {QStringLiteral("data"), PermissionCatalog::toJson()},
                                 {QStringLiteral("implication"), QStringLiteral("write implies read")}}));
}

void ApiServer::listSecretKeys(const ExchangePtr &ex)
{
    if (!checkQuery(ex, {QStringLiteral("limit"), QStringLiteral("starting_after"), QStringLiteral("status"),
                         QStringLiteral("q")}))
        return;
    const auto limit = limitParam(ex, 50, 100);
    if (!limit)
        return;
    KeyListQuery query;
    query.limit = *limit;
    query.status = ex->query.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
    if (!query.status.isEmpty() && query.status != QLatin1String("active") && query.status != QLatin1String("expired")
        && query.status != QLatin1String("revoked")) {
        finish(ex, validationError(ex, {{QStringLiteral("status"),
                                         QStringLiteral("Must be active, expired or revoked.")}}));
        return;
    }
    query.text = ex->query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded).left(200);
    const QString after = ex->query.queryItemValue(QStringLiteral("starting_after"), QUrl::FullyDecoded);
    const QString orgId = ex->principal.orgId;
    runRead(ex, [this, ex, query, after, orgId](QSqlDatabase &db) mutable {
        if (!after.isEmpty()) {
            const auto seq = KeyStore::seqOf(db, orgId, after);
            if (!seq)
                return validationError(ex, {{QStringLiteral("starting_after"),
                                             QStringLiteral("No key has this id; pass a next_cursor you received.")}});
            query.afterSeq = *seq;
        }
        const qint64 now = m_now();
        const KeyPage page = KeyStore::list(db, orgId, query, now);
        QJsonArray data;
        for (const ApiKey &k : page.keys)
            data.append(k.toJson());
        return Reply::json(200, listJson(data, page.hasMore, page.keys.isEmpty() ? QString() : page.keys.last().id));
    });
}

void ApiServer::createSecretKey(const ExchangePtr &ex)
{
    JsonInput in;
    if (!readBody(ex, in, false))
        return;
    in.allowOnly({QStringLiteral("note"), QStringLiteral("permissions"), QStringLiteral("expires_at"),
                  QStringLiteral("rotates")});
    // A rotation names the key it replaces; its note and permissions default to that key's.
    const auto rotates = in.string(QStringLiteral("rotates"), 100, false);
    if (rotates && rotates->isEmpty())
        in.fail(QStringLiteral("rotates"), QStringLiteral("Must be the id of the key this one replaces."));
    const bool rotation = rotates.has_value();
    const auto note = in.note(QStringLiteral("note"), !rotation);
    const auto permissions = in.permissions(QStringLiteral("permissions"), !rotation);
    const auto expires = in.futureTime(QStringLiteral("expires_at"), m_now(), true);
    if (!in.ok()) {
        finish(ex, validationError(ex, in.errors()));
        return;
    }
    if (permissions && !ex->principal.permissions.covers(*permissions)) {
        QString message;
        const QJsonObject details = forbiddenGrant(ex->principal.permissions, *permissions, &message);
        finish(ex, error(ex, ApiError::Code::Forbidden, message, details));
        return;
    }
    const qint64 expiresAt = expires.value_or(0);
    runWrite(ex, [this, ex, note, permissions, expiresAt, oldId = rotates.value_or(QString())](QSqlDatabase &db) {
        const qint64 now = m_now();
        std::optional<ApiKey> old;
        if (!oldId.isEmpty()) {
            old = KeyStore::get(db, m_org.id, oldId, now, false);
            if (!old)
                return error(ex, ApiError::Code::NotFound,
                             QStringLiteral("No secret key has the id %1; rotates must name a key of this "
                                            "organisation.").arg(oldId));
            if (old->status == ApiKey::Status::Revoked)
                return error(ex, ApiError::Code::Conflict,
                             QStringLiteral("The key %1 is revoked; a revoked key cannot be rotated. Create a "
                                            "new key instead.").arg(oldId));
        }
        const QString newNote = note ? *note : old->note;
        PermissionSet perms;
        if (permissions) {
            perms = *permissions;
        } else {
            const auto inherited = PermissionSet::parse(old->permissions);
            if (!inherited)
                throw DatabaseError("the key " + oldId.toStdString() + " has unreadable permissions");
            perms = *inherited;
            if (!ex->principal.permissions.covers(perms)) {
                QString message;
                const QJsonObject details = forbiddenGrant(ex->principal.permissions, perms, &message);
                return error(ex, ApiError::Code::Forbidden, message, details);
            }
        }
        NewSecretKey created = KeyStore::createSecretKey(db, m_secrets, m_org, newNote, perms, expiresAt,
                                                         ex->principal.actor(), now, oldId);
        QJsonObject createdDetails {
            {QStringLiteral("permissions"), QJsonArray::fromStringList(perms.toStringList())},
            {QStringLiteral("expires_at"), created.key.expiresAt.isValid() ? QJsonValue(toRfc3339(created.key.expiresAt))
                                                                           : QJsonValue()}};
        if (old)
            createdDetails.insert(QStringLiteral("rotates"), old->id);
        AuditLog::append(db, m_org.id,
                         eventFor(ex, QStringLiteral("secret_key.created"), keyTarget(created.key), createdDetails));
        if (old) {
            const Actor replacement = keyTarget(created.key);
            AuditLog::append(db, m_org.id,
                             eventFor(ex, QStringLiteral("secret_key.rotated"), keyTarget(*old),
                                      {{QStringLiteral("replacement"),
                                        QJsonObject {{QStringLiteral("id"), replacement.id},
                                                     {QStringLiteral("display"), replacement.display}}}}));
        }
        QJsonObject json = created.key.toJson();
        Reply r;
        r.status = 201;
        r.replayBody = QJsonDocument(json).toJson(QJsonDocument::Compact);
        json.insert(QStringLiteral("secret"), QString::fromLatin1(created.secret));
        OPENSSL_cleanse(created.secret.data(), size_t(created.secret.size()));
        r.body = QJsonDocument(json).toJson(QJsonDocument::Compact);
        r.sensitive = true;
        return r;
    });
}

void ApiServer::getSecretKey(const ExchangePtr &ex)
{
    if (!checkQuery(ex, {}))
        return;
    const QString id = ex->args.value(0);
    const QString orgId = ex->principal.orgId;
    runRead(ex, [this, ex, id, orgId](QSqlDatabase &db) {
        const qint64 now = m_now();
        const auto key = KeyStore::get(db, orgId, id, now, true);
        if (!key)
            return error(ex, ApiError::Code::NotFound, QStringLiteral("No secret key has the id %1.").arg(id));
        return Reply::json(200, keyJsonWithUsage(*key, now));
    });
}

void ApiServer::updateSecretKey(const ExchangePtr &ex)
{
    JsonInput in;
    if (!readBody(ex, in, false))
        return;
    in.allowOnly({QStringLiteral("note"), QStringLiteral("permissions"), QStringLiteral("expires_at")});
    const auto note = in.note(QStringLiteral("note"), false);
    const auto permissions = in.permissions(QStringLiteral("permissions"), false);
    const auto expires = in.futureTime(QStringLiteral("expires_at"), m_now(), true);
    if (in.ok() && !note && !permissions && !in.has(QStringLiteral("expires_at")))
        in.fail(QStringLiteral("body"), QStringLiteral("Send at least one of note, permissions, expires_at."));
    if (!in.ok()) {
        finish(ex, validationError(ex, in.errors()));
        return;
    }
    if (permissions && !ex->principal.permissions.covers(*permissions)) {
        finish(ex, error(ex, ApiError::Code::Forbidden,
                         QStringLiteral("A key cannot grant permissions it does not hold itself.")));
        return;
    }
    const QString id = ex->args.value(0);
    runWrite(ex, [this, ex, id, note, permissions, expires](QSqlDatabase &db) {
        const qint64 now = m_now();
        const auto before = KeyStore::get(db, m_org.id, id, now, false);
        if (!before)
            return error(ex, ApiError::Code::NotFound, QStringLiteral("No secret key has the id %1.").arg(id));
        if (before->status == ApiKey::Status::Revoked)
            return error(ex, ApiError::Code::Conflict, QStringLiteral("A revoked key cannot be changed."));
        QJsonObject changes;
        if (note && *note != before->note)
            changes.insert(QStringLiteral("note"), QJsonObject {{QStringLiteral("from"), before->note},
                                                                {QStringLiteral("to"), *note}});
        if (permissions && permissions->toStringList() != before->permissions)
            changes.insert(QStringLiteral("permissions"),
                           QJsonObject {{QStringLiteral("from"), QJsonArray::fromStringList(before->permissions)},
                                        {QStringLiteral("to"), QJsonArray::fromStringList(permissions->toStringList())}});
        if (expires) {
            const QJsonValue from = before->expiresAt.isValid() ? QJsonValue(toRfc3339(before->expiresAt)) : QJsonValue();
            const QJsonValue to = *expires ? QJsonValue(toRfc3339Ms(*expires)) : QJsonValue();
            if (from != to)
                changes.insert(QStringLiteral("expires_at"),
                               QJsonObject {{QStringLiteral("from"), from}, {QStringLiteral("to"), to}});
        }
        KeyStore::update(db, id, note, permissions, expires);
        const auto after = KeyStore::get(db, m_org.id, id, now, false);
        if (!changes.isEmpty())
            AuditLog::append(db, m_org.id, eventFor(ex, QStringLiteral("secret_key.updated"), keyTarget(*after),
                                                    {{QStringLiteral("changes"), changes}}));
        Reply r = Reply::json(200, after->toJson());
        r.invalidateKeyId = id;
        return r;
    });
}

void ApiServer::revokeSecretKey(const ExchangePtr &ex)
{
    JsonInput in;
    if (!readBody(ex, in, true))
        return;
    in.allowOnly({QStringLiteral("reason")});
    const auto reason = in.string(QStringLiteral("reason"), 500, false);
    if (!in.ok()) {
        finish(ex, validationError(ex, in.errors()));
        return;
    }
    const QString id = ex->args.value(0);
    runWrite(ex, [this, ex, id, reason](QSqlDatabase &db) {
        const qint64 now = m_now();
        const auto before = KeyStore::get(db, m_org.id, id, now, false);
        if (!before)
            return error(ex, ApiError::Code::NotFound, QStringLiteral("No secret key has the id %1.").arg(id));
        if (before->status != ApiKey::Status::Revoked) {
            KeyStore::revoke(db, id, now);
            QJsonObject details;
            if (reason)
                details.insert(QStringLiteral("reason"), *reason);
            AuditLog::append(db, m_org.id, eventFor(ex, QStringLiteral("secret_key.revoked"), keyTarget(*before), details));
        }
        Reply r = Reply::json(200, KeyStore::get(db, m_org.id, id, now, false)->toJson());
        r.invalidateKeyId = id;
        return r;
    });
}

void ApiServer::deleteSecretKey(const ExchangePtr &ex)
{
    JsonInput in;
    if (!readBody(ex, in, true))
        return;
    in.allowOnly({});
    if (!in.ok()) {
        finish(ex, validationError(ex, in.errors()));
        return;
    }
    const QString id = ex->args.value(0);
    runWrite(ex, [this, ex, id](QSqlDatabase &db) {
        const qint64 now = m_now();
        const auto before = KeyStore::get(db, m_org.id, id, now, false);
        if (!before)
            return error(ex, ApiError::Code::NotFound, QStringLiteral("No secret key has the id %1.").arg(id));
        KeyStore::markDeleted(db, id, now);
        AuditLog::append(db, m_org.id, eventFor(ex, QStringLiteral("secret_key.deleted"), keyTarget(*before),
                                                {{QStringLiteral("status_before"), ApiKey::statusName(before->status)}}));
        Reply r = Reply::json(200, {{QStringLiteral("object"), QStringLiteral("secret_key")},
                                    {QStringLiteral("id"), id},
                                    {QStringLiteral("deleted"), true}});
        r.invalidateKeyId = id;
        return r;
    });
}

void ApiServer::listPublishableKeys(const ExchangePtr &ex)
{
    if (!checkQuery(ex, {QStringLiteral("limit"), QStringLiteral("starting_after")}))
        return;
    const auto limit = limitParam(ex, 50, 100);
    if (!limit)
        return;
    const QString after = ex->query.queryItemValue(QStringLiteral("starting_after"), QUrl::FullyDecoded);
    const QString orgId = ex->principal.orgId;
    runRead(ex, [this, ex, after, orgId, limit = *limit](QSqlDatabase &db) {
        qint64 afterSeq = 0;
        if (!after.isEmpty() && !KeyStore::getPublishable(db, orgId, after, &afterSeq))
            return validationError(ex, {{QStringLiteral("starting_after"),
                                         QStringLiteral("No publishable key has this id.")}});
        bool hasMore = false;
        const auto keys = KeyStore::listPublishable(db, orgId, afterSeq, limit, &hasMore);
        QJsonArray data;
        for (const PublishableKey &k : keys)
            data.append(k.toJson());
        return Reply::json(200, listJson(data, hasMore, keys.isEmpty() ? QString() : keys.last().id));
    });
}

void ApiServer::createPublishableKey(const ExchangePtr &ex)
{
    JsonInput in;
    if (!readBody(ex, in, false))
        return;
    in.allowOnly({QStringLiteral("note")});
    const auto note = in.note(QStringLiteral("note"), true);
    if (!in.ok()) {
        finish(ex, validationError(ex, in.errors()));
        return;
    }
    runWrite(ex, [this, ex, note = *note](QSqlDatabase &db) {
        const PublishableKey key = KeyStore::createPublishableKey(db, m_org.id, note, ex->principal.actor(), m_now());
        AuditLog::append(db, m_org.id,
                         eventFor(ex, QStringLiteral("publishable_key.created"),
                                  {QStringLiteral("publishable_key"), key.id, note + QStringLiteral(" (") + key.key + QLatin1Char(')')},
                                  {}));
        return Reply::json(201, key.toJson());
    });
}

void ApiServer::deletePublishableKey(const ExchangePtr &ex)
{
    const QString id = ex->args.value(0);
    runWrite(ex, [this, ex, id](QSqlDatabase &db) {
        const auto key = KeyStore::getPublishable(db, m_org.id, id);
        if (!key)
            return error(ex, ApiError::Code::NotFound, QStringLiteral("No publishable key has the id %1.").arg(id));
        KeyStore::deletePublishable(db, id, m_now());
        AuditLog::append(db, m_org.id,
                         eventFor(ex, QStringLiteral("publishable_key.deleted"),
                                  {QStringLiteral("publishable_key"), key->id, key->note + QStringLiteral(" (") + key->key + QLatin1Char(')')},
                                  {}));
        return Reply::json(200, {{QStringLiteral("object"), QStringLiteral("publishable_key")},
                                 {QStringLiteral("id"), id},
                                 {QStringLiteral("deleted"), true}});
    });
}

} // namespace keyward::server

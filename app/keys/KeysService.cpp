// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeysService.h"

#include <QPointer>

namespace keyward {

KeysService::KeysService(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) { }

void KeysService::listPage(const QString &cursor, QObject *context, std::function<void(const Result<KeyPage> &)> done)
{
    m_api->send(JsonPage::request(QStringLiteral("/secret-keys"), {}, cursor, m_pageSize), context,
                [done](const Result<ApiResponse> &r) {
                    if (!r.ok()) {
                        done(r.error());
                        return;
                    }
                    const Result<JsonPage> page = JsonPage::fromResponse(r.value());
                    if (!page.ok()) {
                        done(page.error());
                        return;
                    }
                    KeyPage out;
                    out.hasMore = page.value().hasMore;
                    out.nextCursor = page.value().nextCursor;
                    for (const QJsonValue &v : page.value().items) {
                        ApiKey key = ApiKey::fromJson(v.toObject());
                        if (key.id.isEmpty()) {
                            done(ApiFailure::unparsable(r.value().status, r.value().requestId,
                                                        ApiFailure::tr("a key without an id")));
                            return;
                        }
                        out.keys.append(key);
                    }
                    done(out);
                });
}

void KeysService::permissionCatalog(QObject *context,
                                    std::function<void(const Result<QList<PermissionResource>> &)> done)
{
    m_api->send(ApiRequest::get(QStringLiteral("/permissions")), context, [done](const Result<ApiResponse> &r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        QList<PermissionResource> catalog;
        for (const QJsonValue &v : r.value().json.object().value(QStringLiteral("data")).toArray())
            catalog.append(PermissionResource::fromJson(v.toObject()).localized());
        done(catalog);
    });
}

void KeysService::create(const KeyDraft &draft, QObject *context, std::function<void(Result<CreatedKey> &)> done)
{
    QJsonObject body {{QStringLiteral("note"), draft.note},
                      {QStringLiteral("permissions"), QJsonArray::fromStringList(draft.permissions)}};
    if (draft.expiresAt.isValid())
        body.insert(QStringLiteral("expires_at"), draft.expiresAt.toUTC().toString(Qt::ISODate));
    if (!draft.rotates.isEmpty())
        body.insert(QStringLiteral("rotates"), draft.rotates);
    QPointer<KeysService> self(this);
    ApiRequest request = ApiRequest::post(QStringLiteral("/secret-keys"), body);
    if (!draft.idempotencyKey.isEmpty())
        request.idempotencyKey = draft.idempotencyKey;
    m_api->send(request, context,
                [self, draft, context, done](const Result<ApiResponse> &r) {
        if (!r.ok()) {
            Result<CreatedKey> failure(r.error());
            done(failure);
            return;
        }
        const QJsonObject json = r.value().json.object();
        CreatedKey created;
        created.key = ApiKey::fromJson(json);
        created.secret = json.value(QStringLiteral("secret")).toString().toLatin1();
        if (!created.secret.isEmpty() && !created.key.id.isEmpty()) {
            Result<CreatedKey> ok(std::move(created));
            done(ok);
            return;
        }
        if (r.value().header("Idempotent-Replayed") == "true" && !created.key.id.isEmpty() && self) {
            // Nobody saw this key's secret: retire it and make a fresh one.
            self->revoke(created.key.id, context, [self, draft, context, done](const Result<ApiKey> &revoked) {
                if (!revoked.ok() || !self) {
                    Result<CreatedKey> failure(revoked.ok() ? ApiFailure::cancelled() : revoked.error());
                    done(failure);
                    return;
                }
                // The fresh key carries the news of the one it replaces, for the user and the list.
                // It is a new request: the old Idempotency-Key would only replay the same answer.
                KeyDraft again = draft;
                again.idempotencyKey.clear();
                self->create(again, context, [done, replaced = revoked.value()](Result<CreatedKey> &fresh) {
                    if (fresh.ok())
                        fresh.value().replaced = replaced;
                    done(fresh);
                });
            });
            return;
        }
        Result<CreatedKey> failure(ApiFailure::unparsable(r.value().status, r.value().requestId,
                                                          ApiFailure::tr("a new key without its secret")));
        done(failure);
    });
}

QString KeysService::keyPath(const QString &id, const char *action)
{
    QString path = QStringLiteral("/secret-keys/") + QString::fromLatin1(QUrl::toPercentEncoding(id));
    if (action)
        path += QLatin1Char('/') + QLatin1String(action);
    return path;
}

namespace {
// An answer that must be one key: parsed, or a failure saying what was wrong with it.
Result<ApiKey> keyFrom(const Result<ApiResponse> &r)
{
    if (!r.ok())
        return r.error();
    const ApiKey key = ApiKey::fromJson(r.value().json.object());
    if (key.id.isEmpty())
        return ApiFailure::unparsable(r.value().status, r.value().requestId, ApiFailure::tr("a key without an id"));
    return key;
}
} // namespace

void KeysService::get(const QString &id, QObject *context, std::function<void(const Result<ApiKey> &)> done)
{
    m_api->send(ApiRequest::get(keyPath(id)), context, [done](const Result<ApiResponse> &r) { done(keyFrom(r)); });
}

void KeysService::update(const QString &id, const KeyUpdate &change, QObject *context,
                         std::function<void(const Result<ApiKey> &)> done)
{
    QJsonObject body;
    if (change.note)
        body.insert(QStringLiteral("note"), *change.note);
    if (change.permissions)
        body.insert(QStringLiteral("permissions"), QJsonArray::fromStringList(*change.permissions));
    if (change.changeExpiry)
        body.insert(QStringLiteral("expires_at"), change.expiresAt.isValid()
                                                      ? QJsonValue(change.expiresAt.toUTC().toString(Qt::ISODate))
                                                      : QJsonValue(QJsonValue::Null));
    m_api->send(ApiRequest::post(keyPath(id), body), context,
                [done](const Result<ApiResponse> &r) { done(keyFrom(r)); });
}

void KeysService::revoke(const QString &id, QObject *context, std::function<void(const Result<ApiKey> &)> done)
{
    m_api->send(ApiRequest::post(keyPath(id, "revoke"), {}), context,
                [done](const Result<ApiResponse> &r) { done(keyFrom(r)); });
}

void KeysService::remove(const QString &id, QObject *context, std::function<void(const Result<bool> &)> done)
{
    m_api->send(ApiRequest::post(keyPath(id, "delete"), {}),
                context, [done](const Result<ApiResponse> &r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        done(r.value().json.object().value(QStringLiteral("deleted")).toBool());
    });
}

} // namespace keyward

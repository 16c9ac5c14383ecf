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
            catalog.append(PermissionResource::fromJson(v.toObject()));
        done(catalog);
    });
}

void KeysService::create(const KeyDraft &draft, QObject *context, std::function<void(Result<CreatedKey> &)> done)
{
    QJsonObject body {{QStringLiteral("note"), draft.note},
                      {QStringLiteral("permissions"), QJsonArray::fromStringList(draft.permissions)}};
    if (draft.expiresAt.isValid())
        body.insert(QStringLiteral("expires_at"), draft.expiresAt.toUTC().toString(Qt::ISODate));
    QPointer<KeysService> self(this);
    m_api->send(ApiRequest::post(QStringLiteral("/secret-keys"), body), context,
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
                self->create(draft, context, done);
            });
            return;
        }
        Result<CreatedKey> failure(ApiFailure::unparsable(r.value().status, r.value().requestId,
                                                          ApiFailure::tr("a new key without its secret")));
        done(failure);
    });
}

void KeysService::revoke(const QString &id, QObject *context, std::function<void(const Result<ApiKey> &)> done)
{
    m_api->send(ApiRequest::post(QStringLiteral("/secret-keys/%1/revoke").arg(QString::fromLatin1(QUrl::toPercentEncoding(id))), {}),
                context, [done](const Result<ApiResponse> &r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        const ApiKey key = ApiKey::fromJson(r.value().json.object());
        if (key.id.isEmpty()) {
            done(ApiFailure::unparsable(r.value().status, r.value().requestId, ApiFailure::tr("a key without an id")));
            return;
        }
        done(key);
    });
}

void KeysService::remove(const QString &id, QObject *context, std::function<void(const Result<bool> &)> done)
{
    m_api->send(ApiRequest::post(QStringLiteral("/secret-keys/%1/delete").arg(QString::fromLatin1(QUrl::toPercentEncoding(id))), {}),
                context, [done](const Result<ApiResponse> &r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        done(r.value().json.object().value(QStringLiteral("deleted")).toBool());
    });
}

} // namespace keyward

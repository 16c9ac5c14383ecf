// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeysService.h"

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

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiClient.h"
#include "ApiKey.h"
#include "Permission.h"

#include <QObject>

namespace keyward {

struct KeyPage
{
    QList<ApiKey> keys;
    bool hasMore = false;
    QString nextCursor;
};

// The secret-key endpoints as typed calls.
class KeysService : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultPageSize = 100; // the server's maximum

    explicit KeysService(ApiClient *api, QObject *parent = nullptr);
    void setPageSize(int size) { m_pageSize = size; }

    // GET /secret-keys, the page after `cursor` (empty: the first).
    void listPage(const QString &cursor, QObject *context, std::function<void(const Result<KeyPage> &)> done);
    // GET /permissions: what a key may be granted, with plain-language descriptions.
    void permissionCatalog(QObject *context, std::function<void(const Result<QList<PermissionResource>> &)> done);

private:
    ApiClient *m_api;
    int m_pageSize = DefaultPageSize;
};

} // namespace keyward

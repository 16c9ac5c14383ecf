// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiClient.h"
#include "ApiKey.h"
#include "Permission.h"

#include <QObject>

namespace keyward {

// A key just created: its one-time secret travels only from here to the reveal dialog, which
// moves it into a buffer that is wiped on close.
struct CreatedKey
{
    ApiKey key;
    QByteArray secret;
};

struct KeyDraft
{
    QString note;
    QStringList permissions;
    QDateTime expiresAt; // invalid: never
};

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
    // POST /secret-keys with an Idempotency-Key. A replayed answer (the first one was lost) has no
    // secret: that key is revoked, since nobody saw its secret, and a fresh one is created.
    void create(const KeyDraft &draft, QObject *context, std::function<void(Result<CreatedKey> &)> done);
    // POST /secret-keys/{id}/revoke: the key answers 401 from now on and stays listed as revoked.
    void revoke(const QString &id, QObject *context, std::function<void(const Result<ApiKey> &)> done);
    // POST /secret-keys/{id}/delete (Odus's verb).
    void remove(const QString &id, QObject *context, std::function<void(const Result<bool> &)> done);

private:
    ApiClient *m_api;
    int m_pageSize = DefaultPageSize;
};

} // namespace keyward

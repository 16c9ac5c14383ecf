// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiClient.h"
#include "ApiKey.h"
#include "Permission.h"

#include <QObject>

#include <optional>

namespace keyward {

// A key just created: its one-time secret travels only from here to the reveal dialog, which
// moves it into a buffer that is wiped on close.
struct CreatedKey
{
    ApiKey key;
    QByteArray secret;
    // Set when the first answer was lost: the key it created, now revoked (nobody saw its secret).
    std::optional<ApiKey> replaced;
};

struct KeyDraft
{
    QString note;
    QStringList permissions;
    QDateTime expiresAt; // invalid: never
    QString rotates;     // the id of the key this one replaces (rotation), or empty
    // Sent as the Idempotency-Key when set: asking again with the same key and body cannot make a
    // second key. Empty: a fresh one for this call (and its automatic retries).
    QByteArray idempotencyKey;
};

// What an edit changes: only the fields that are set are sent.
struct KeyUpdate
{
    std::optional<QString> note;
    std::optional<QStringList> permissions;
    bool changeExpiry = false;
    QDateTime expiresAt; // with changeExpiry: the new expiry, invalid for never

    bool isEmpty() const { return !note && !permissions && !changeExpiry; }
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
    // GET /secret-keys/{id}: one key with its last use and per-day usage over 30 days.
    void get(const QString &id, QObject *context, std::function<void(const Result<ApiKey> &)> done);
    // POST /secret-keys/{id}: change note, permissions or expiry; answers the key as it now is.
    void update(const QString &id, const KeyUpdate &change, QObject *context,
                std::function<void(const Result<ApiKey> &)> done);
    // POST /secret-keys/{id}/revoke: the key answers 401 from now on and stays listed as revoked.
    void revoke(const QString &id, QObject *context, std::function<void(const Result<ApiKey> &)> done);
    // POST /secret-keys/{id}/delete (Odus's verb).
    void remove(const QString &id, QObject *context, std::function<void(const Result<bool> &)> done);

private:
    static QString keyPath(const QString &id, const char *action = nullptr);
    ApiClient *m_api;
    int m_pageSize = DefaultPageSize;
};

} // namespace keyward

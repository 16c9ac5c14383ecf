// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiClient.h"
#include "PublishableKey.h"

#include <QObject>

namespace keyward {

struct PublishableKeyPage
{
    QList<PublishableKey> keys;
    bool hasMore = false;
    QString nextCursor;
};

// The publishable-key endpoints as typed calls. Publishable keys are public by design: the full
// "pk_…" value travels in every answer and needs no secret handling.
class PublishableKeysService : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultPageSize = 100; // the server's maximum
    // A list that needs more pages than this is not followed to its end (a server bug, or not
    // the handful of keys an organization has).
    static constexpr int MaxPages = 1000;

    explicit PublishableKeysService(ApiClient *api, QObject *parent = nullptr);
    void setPageSize(int size) { m_pageSize = size; }
    int pageSize() const { return m_pageSize; }

    // GET /publishable-keys, the page after `cursor` (empty: the first).
    void listPage(const QString &cursor, QObject *context,
                  std::function<void(const Result<PublishableKeyPage> &)> done);
    // Every publishable key, following next_cursor from `cursor` (empty: the start) to the last
    // page; newest first, as the server orders them. Fails as a whole when any page fails.
    void list(const QString &cursor, QObject *context,
              std::function<void(const Result<QList<PublishableKey>> &)> done);
    // POST /publishable-keys {note} with an Idempotency-Key, so a retried create whose first
    // answer was lost gets the same key back instead of a second one.
    void create(const QString &note, QObject *context, std::function<void(const Result<PublishableKey> &)> done);
    // POST /publishable-keys/{id}/delete.
    void remove(const QString &id, QObject *context, std::function<void(const Result<bool> &)> done);

private:
    void listFrom(const QString &cursor, QList<PublishableKey> collected, QStringList cursorsSeen, QObject *context,
                  std::function<void(const Result<QList<PublishableKey>> &)> done);

    ApiClient *m_api;
    int m_pageSize = DefaultPageSize;
};

} // namespace keyward

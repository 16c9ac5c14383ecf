// SPDX-License-Identifier: GPL-3.0-or-later
#include "PublishableKeysService.h"

#include <QPointer>

namespace keyward {

namespace {

QString idPath(const QString &id, const char *verb)
{
    return QStringLiteral("/publishable-keys/%1/%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(id)), QLatin1String(verb));
}

} // namespace

PublishableKeysService::PublishableKeysService(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) { }

void PublishableKeysService::listPage(const QString &cursor, QObject *context,
                                      std::function<void(const Result<PublishableKeyPage> &)> done)
{
    m_api->send(JsonPage::request(QStringLiteral("/publishable-keys"), {}, cursor, m_pageSize), context,
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
                    PublishableKeyPage out;
                    out.hasMore = page.value().hasMore;
                    out.nextCursor = page.value().nextCursor;
                    for (const QJsonValue &v : page.value().items) {
                        PublishableKey key = PublishableKey::fromJson(v.toObject());
                        if (key.id.isEmpty() || key.key.isEmpty()) {
                            done(ApiFailure::unparsable(r.value().status, r.value().requestId,
                                                        ApiFailure::tr("a publishable key without an id or value")));
                            return;
                        }
                        out.keys.append(key);
                    }
                    done(out);
                });
}

void PublishableKeysService::list(const QString &cursor, QObject *context,
                                  std::function<void(const Result<QList<PublishableKey>> &)> done)
{
    listFrom(cursor, {}, {}, context, std::move(done));
}

void PublishableKeysService::listFrom(const QString &cursor, QList<PublishableKey> collected, QStringList cursorsSeen,
                                      QObject *context, std::function<void(const Result<QList<PublishableKey>> &)> done)
{
    QPointer<PublishableKeysService> self(this);
    listPage(cursor, context,
             [self, collected, cursorsSeen, context, done](const Result<PublishableKeyPage> &r) mutable {
                 if (!r.ok()) {
                     done(r.error());
                     return;
                 }
                 collected.append(r.value().keys);
                 if (!r.value().hasMore) {
                     done(collected);
                     return;
                 }
                 const QString next = r.value().nextCursor;
                 // A cursor seen before would page forever; so would a list without end.
                 if (cursorsSeen.contains(next) || cursorsSeen.size() + 1 >= MaxPages) {
                     done(ApiFailure::unparsable(200, QString(),
                                                 ApiFailure::tr("a list of publishable keys that does not end")));
                     return;
                 }
                 if (!self) {
                     done(ApiFailure::cancelled());
                     return;
                 }
                 cursorsSeen.append(next);
                 self->listFrom(next, std::move(collected), std::move(cursorsSeen), context, std::move(done));
             });
}

void PublishableKeysService::create(const QString &note, QObject *context,
                                    std::function<void(const Result<PublishableKey> &)> done)
{
    // ApiRequest::post stamps a fresh Idempotency-Key; ApiClient retries with that same key. A
    // replayed answer (Idempotent-Replayed: true) carries the same public key, so it is as good
    // as the first one.
    m_api->send(ApiRequest::post(QStringLiteral("/publishable-keys"), {{QStringLiteral("note"), note}}), context,
                [done](const Result<ApiResponse> &r) {
                    if (!r.ok()) {
                        done(r.error());
                        return;
                    }
                    const PublishableKey key = PublishableKey::fromJson(r.value().json.object());
                    if (key.id.isEmpty() || key.key.isEmpty()) {
                        done(ApiFailure::unparsable(r.value().status, r.value().requestId,
                                                    ApiFailure::tr("a new publishable key without an id or value")));
                        return;
                    }
                    done(key);
                });
}

void PublishableKeysService::remove(const QString &id, QObject *context, std::function<void(const Result<bool> &)> done)
{
    m_api->send(ApiRequest::post(idPath(id, "delete"), {}), context, [done](const Result<ApiResponse> &r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        done(r.value().json.object().value(QStringLiteral("deleted")).toBool());
    });
}

} // namespace keyward

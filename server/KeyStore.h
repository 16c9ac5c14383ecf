// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"
#include "Organization.h"
#include "Permission.h"
#include "Principal.h"
#include "PublishableKey.h"

#include <QSqlDatabase>

#include <optional>

namespace keyward::server {

class ServerSecrets;

struct NewSecretKey
{
    ApiKey key;
    QByteArray secret; // plaintext, for the one response that carries it; wipe after use
};

struct KeyListQuery
{
    QString status;     // "", "active", "expired", "revoked"
    QString text;       // over note, prefix+last four, permissions
    qint64 afterSeq = 0;
    int limit = 50;
};

struct KeyPage
{
    QList<ApiKey> keys;
    bool hasMore = false;
};

// Secret and publishable keys in the database. Every function takes the calling thread's
// connection; writes must run inside Database::write.
class KeyStore
{
public:
    // rotates: the id of the key the new one replaces (checked by the caller), or empty.
    static NewSecretKey createSecretKey(QSqlDatabase &db, const ServerSecrets &secrets, const Organization &org,
                                        const QString &note, const PermissionSet &permissions,
                                        qint64 expiresAtMs, const Actor &createdBy, qint64 nowMs,
                                        const QString &rotates = {});
    // The key behind a keyed hash, whatever its state, so that a denial can say which key was
    // refused and why. Expiry is checked by the caller against its clock.
    struct Credential
    {
        Principal principal;
        bool revoked = false;
        bool deleted = false;
        bool canAuthenticate() const { return !revoked && !deleted; }
    };
    static std::optional<Credential> credentialForHash(QSqlDatabase &db, const QByteArray &hash);

    // Single-key answers carry this many minutes of per-minute usage, the current one last.
    static constexpr int RecentMinutes = 60;

    static KeyPage list(QSqlDatabase &db, const QString &orgId, const KeyListQuery &query, qint64 nowMs);
    static std::optional<ApiKey> get(QSqlDatabase &db, const QString &orgId, const QString &id, qint64 nowMs,
                                     bool withUsage);
    static std::optional<qint64> seqOf(QSqlDatabase &db, const QString &orgId, const QString &id);
    static void update(QSqlDatabase &db, const QString &id, const std::optional<QString> &note,
                       const std::optional<PermissionSet> &permissions, const std::optional<qint64> &expiresAtMs);
    static void revoke(QSqlDatabase &db, const QString &id, qint64 nowMs);
    static void markDeleted(QSqlDatabase &db, const QString &id, qint64 nowMs);

    // Keys whose expiry has passed and whose expiry was not yet recorded in the audit log.
    struct DueExpiry
    {
        ApiKey key;
        QString orgId;
    };
    static QList<DueExpiry> dueForExpiry(QSqlDatabase &db, qint64 nowMs, int limit);
    // Marks the expiry as recorded if no other writer did so first (and the key is still due
    // with this expiry); true when this caller won and must write the audit event.
    static bool claimExpiry(QSqlDatabase &db, const QString &id, const QDateTime &expiresAt, qint64 nowMs);
    static void markExpiryLogged(QSqlDatabase &db, const QString &id);
    // Keys whose expiry fell in (afterMs, untilMs], whatever their state.
    static QStringList expiredBetween(QSqlDatabase &db, qint64 afterMs, qint64 untilMs);

    static PublishableKey createPublishableKey(QSqlDatabase &db, const QString &orgId, const QString &note,
                                               const Actor &createdBy, qint64 nowMs);
    static QList<PublishableKey> listPublishable(QSqlDatabase &db, const QString &orgId, qint64 afterSeq,
                                                 int limit, bool *hasMore);
    static std::optional<PublishableKey> getPublishable(QSqlDatabase &db, const QString &orgId, const QString &id,
                                                        qint64 *seq = nullptr);
    static void deletePublishable(QSqlDatabase &db, const QString &id, qint64 nowMs);

    static QString newId(const char *prefix);
    static QString displayFor(const QString &note, const QString &masked);
};

} // namespace keyward::server

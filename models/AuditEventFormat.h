// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace keyward {

// The one place audit events get their human wording: "created key", "revoked key",
// "denied: revoked key used", "signed in", and actors as people read them ("Ada Admin",
// "key skey_••••••••3f9a"). Every string goes through tr(); an action this build does not know
// is shown by its raw name rather than hidden.
class AuditEventFormat
{
    Q_DECLARE_TR_FUNCTIONS(AuditEventFormat)

public:
    // One action the server writes, with its label, for filter menus.
    struct KnownAction
    {
        QString name;  // "secret_key.revoked", or a prefix ending in "." ("secret_key.")
        QString label; // "revoked key", "any key change"
    };

    // The action in words. `qualifier` is what actionQualifier() found in the details: for
    // auth.denied the server's reason ("revoked key" → "denied: revoked key used"), for
    // secret_key.created "rotation" when the key replaces another one.
    static QString actionText(const QString &action, const QString &qualifier = {});
    // The same, taking what it needs from the event's JSON (action and details).
    static QString actionText(const QJsonObject &event);
    // The part of details that changes the wording of an action, or empty. Small and repetitive
    // (a handful of reasons), so a compact row can keep it interned instead of the details.
    static QString actionQualifier(const QString &action, const QJsonObject &details);

    // A user by display name, a key as "key skey_••••3f9a", the server itself as "Keyward server",
    // an unauthenticated caller as "anonymous client".
    static QString actorText(const Actor &actor);
    // The object an event is about: keys by their note and masked value, endpoints as "GET /path".
    static QString targetText(const Actor &target);
    // The masked key inside a key's display ("Billing (skey_••••3f9a)" → "skey_••••3f9a"), or
    // the display itself when it holds no masked key.
    static QString maskedKeyOf(const QString &display);

    // The actions and prefixes a filter offers, in menu order.
    static QList<KnownAction> knownActions();
};

} // namespace keyward

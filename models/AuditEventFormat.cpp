// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditEventFormat.h"

namespace keyward {

namespace {

const QLatin1String MissingPermission("missing permission ");

bool holdsMaskedKey(QStringView text)
{
    return text.contains(QStringLiteral("\u2022\u2022"));
}

QString deniedText(const QString &reason)
{
    // The reasons keyward-server writes (ApiServer::deny); anything else is shown as it came.
    if (reason.isEmpty())
        return AuditEventFormat::tr("denied");
    if (reason == QLatin1String("revoked key"))
        return AuditEventFormat::tr("denied: revoked key used");
    if (reason == QLatin1String("expired key"))
        return AuditEventFormat::tr("denied: expired key used");
    if (reason == QLatin1String("deleted key"))
        return AuditEventFormat::tr("denied: deleted key used");
    if (reason == QLatin1String("unknown key"))
        return AuditEventFormat::tr("denied: unknown key");
    if (reason == QLatin1String("unknown, revoked or deleted key"))
        return AuditEventFormat::tr("denied: unknown, revoked or deleted key");
    if (reason == QLatin1String("malformed key"))
        return AuditEventFormat::tr("denied: malformed key");
    if (reason == QLatin1String("missing credentials"))
        return AuditEventFormat::tr("denied: no credentials");
    if (reason == QLatin1String("malformed authorization header"))
        return AuditEventFormat::tr("denied: malformed Authorization header");
    if (reason == QLatin1String("not a member"))
        return AuditEventFormat::tr("denied: not a member of the organization");
    if (reason.startsWith(MissingPermission))
        return AuditEventFormat::tr("denied: missing permission %1").arg(reason.mid(MissingPermission.size()));
    return AuditEventFormat::tr("denied: %1").arg(reason);
}

} // namespace

QString AuditEventFormat::actionText(const QString &action, const QString &qualifier)
{
    if (action == QLatin1String("secret_key.created"))
        return qualifier.isEmpty() ? tr("created key") : tr("created key (rotation)");
    if (action == QLatin1String("secret_key.updated"))
        return tr("updated key");
    if (action == QLatin1String("secret_key.revoked"))
        return tr("revoked key");
    if (action == QLatin1String("secret_key.deleted"))
        return tr("deleted key");
    if (action == QLatin1String("secret_key.expired"))
        return tr("key expired");
    if (action == QLatin1String("secret_key.rotated"))
        return tr("rotated key");
    if (action == QLatin1String("publishable_key.created"))
        return tr("created publishable key");
    if (action == QLatin1String("publishable_key.deleted"))
        return tr("deleted publishable key");
    if (action == QLatin1String("auth.login"))
        return tr("signed in");
    if (action == QLatin1String("auth.login_failed"))
        return tr("sign-in failed");
    if (action == QLatin1String("auth.logout"))
        return tr("signed out");
    if (action == QLatin1String("auth.denied"))
        return deniedText(qualifier);
    if (action == QLatin1String("user.created"))
        return tr("added user");
    if (action == QLatin1String("user.disabled"))
        return tr("disabled user");
    if (action == QLatin1String("user.enabled"))
        return tr("enabled user");
    if (action == QLatin1String("user.role_changed"))
        return tr("changed role");
    if (action == QLatin1String("user.mfa_enrolled"))
        return tr("set up two-step sign-in");
    if (action == QLatin1String("user.mfa_reset"))
        return tr("reset two-step sign-in");
    if (action == QLatin1String("org.updated"))
        return tr("changed organization settings");
    return action;
}

QString AuditEventFormat::actionQualifier(const QString &action, const QJsonObject &details)
{
    if (action == QLatin1String("auth.denied"))
        return details.value(QStringLiteral("reason")).toString();
    if (action == QLatin1String("secret_key.created") && !details.value(QStringLiteral("rotates")).toString().isEmpty())
        return QStringLiteral("rotation");
    return {};
}

QString AuditEventFormat::actionText(const QJsonObject &event)
{
    const QString action = event.value(QStringLiteral("action")).toString();
    return actionText(action, actionQualifier(action, event.value(QStringLiteral("details")).toObject()));
}

QString AuditEventFormat::maskedKeyOf(const QString &display)
{
    // keyward-server shows a key as "note (masked)" or just "masked".
    if (display.endsWith(QLatin1Char(')'))) {
        const qsizetype open = display.lastIndexOf(QLatin1Char('('));
        if (open >= 0) {
            const QString inside = display.mid(open + 1, display.size() - open - 2);
            if (holdsMaskedKey(inside))
                return inside;
        }
    }
    return display;
}

QString AuditEventFormat::actorText(const Actor &actor)
{
    const QString shown = actor.display.isEmpty() ? actor.id : actor.display;
    if (actor.type == QLatin1String("secret_key") || actor.type == QLatin1String("publishable_key"))
        return tr("key %1").arg(maskedKeyOf(shown));
    if (actor.type == QLatin1String("anonymous"))
        return tr("anonymous client");
    if (actor.type == QLatin1String("system"))
        return shown.isEmpty() ? tr("Keyward server") : shown;
    if (shown.isEmpty())
        return tr("unknown");
    return shown;
}

QString AuditEventFormat::targetText(const Actor &target)
{
    const QString shown = target.display.isEmpty() ? target.id : target.display;
    if (target.type == QLatin1String("org"))
        return tr("organization");
    if (target.type == QLatin1String("session") && !shown.isEmpty())
        return tr("session %1").arg(shown);
    return shown;
}

QList<AuditEventFormat::KnownAction> AuditEventFormat::knownActions()
{
    return {
        {QStringLiteral("secret_key."), tr("any secret key change")},
        {QStringLiteral("secret_key.created"), actionText(QStringLiteral("secret_key.created"))},
        {QStringLiteral("secret_key.updated"), actionText(QStringLiteral("secret_key.updated"))},
        {QStringLiteral("secret_key.rotated"), actionText(QStringLiteral("secret_key.rotated"))},
        {QStringLiteral("secret_key.revoked"), actionText(QStringLiteral("secret_key.revoked"))},
        {QStringLiteral("secret_key.expired"), actionText(QStringLiteral("secret_key.expired"))},
        {QStringLiteral("secret_key.deleted"), actionText(QStringLiteral("secret_key.deleted"))},
        {QStringLiteral("publishable_key."), tr("any publishable key change")},
        {QStringLiteral("auth."), tr("any sign-in or denial")},
        {QStringLiteral("auth.login"), actionText(QStringLiteral("auth.login"))},
        {QStringLiteral("auth.login_failed"), actionText(QStringLiteral("auth.login_failed"))},
        {QStringLiteral("auth.logout"), actionText(QStringLiteral("auth.logout"))},
        {QStringLiteral("auth.denied"), tr("denied request")},
        {QStringLiteral("user."), tr("any user change")},
        {QStringLiteral("org.updated"), actionText(QStringLiteral("org.updated"))},
    };
}

} // namespace keyward

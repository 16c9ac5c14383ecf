// SPDX-License-Identifier: GPL-3.0-or-later
#include "UserStore.h"

#include "Database.h"
#include "KeyStore.h"
#include "PermissionCatalog.h"
#include "Timestamps.h"

#include <QRegularExpression>

namespace keyward::server {

namespace {
const QString UserColumns = QStringLiteral(
    "id, org_id, email, name, role, disabled_at, password_hash IS NOT NULL, totp_secret IS NOT NULL, created_at");

User readUser(const Sql &q)
{
    User u;
    u.id = q.text(0);
    u.orgId = q.text(1);
    u.email = q.text(2);
    u.name = q.text(3);
    User::roleFromName(q.text(4), &u.role);
    u.disabled = !q.isNull(5);
    u.hasPassword = q.integer(6) != 0;
    u.hasMfa = q.integer(7) != 0;
    u.createdAtMs = q.integer(8);
    return u;
}
} // namespace

QJsonObject User::toJson() const
{
    return {{QStringLiteral("object"), QStringLiteral("user")},
            {QStringLiteral("id"), id},
            {QStringLiteral("email"), email},
            {QStringLiteral("name"), name},
            {QStringLiteral("role"), roleName(role)},
            {QStringLiteral("status"), disabled ? QStringLiteral("disabled") : QStringLiteral("active")},
            {QStringLiteral("mfa"), hasMfa},
            {QStringLiteral("created_at"), toRfc3339Ms(createdAtMs)}};
}

QString User::roleName(Role role)
{
    switch (role) {
    case Role::Owner: return QStringLiteral("owner");
    case Role::Admin: return QStringLiteral("admin");
    case Role::Developer: return QStringLiteral("developer");
    case Role::Viewer: return QStringLiteral("viewer");
    }
    return {};
}

bool User::roleFromName(const QString &name, Role *role)
{
    for (Role r : {Role::Owner, Role::Admin, Role::Developer, Role::Viewer}) {
        if (roleName(r) == name) {
            *role = r;
            return true;
        }
    }
    return false;
}

PermissionSet User::permissionsFor(Role role)
{
    QList<Permission> out;
    for (const PermissionResource &r : PermissionCatalog::resources()) {
        switch (role) {
        case Role::Owner:
        case Role::Admin:
            out.append({r.resource, Permission::Access::Write});
            break;
        case Role::Developer:
            out.append({r.resource, Permission::Access::Read});
            break;
        case Role::Viewer:
            if (r.resource == QLatin1String("secret_keys") || r.resource == QLatin1String("publishable_keys")
                || r.resource == QLatin1String("audit_log"))
                out.append({r.resource, Permission::Access::Read});
            break;
        }
    }
    return PermissionSet(out);
}

QString UserStore::normalizeEmail(const QString &email)
{
    return email.trimmed().toLower();
}

bool UserStore::isPlausibleEmail(const QString &email)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$"));
    return email.size() <= 254 && re.match(email.trimmed()).hasMatch();
}

User UserStore::add(QSqlDatabase &db, const QString &orgId, const QString &email, const QString &name,
                    User::Role role, const QString &passwordHash, qint64 nowMs)
{
    User u;
    u.id = KeyStore::newId("usr_");
    u.orgId = orgId;
    u.email = email.trimmed();
    u.name = name.trimmed();
    u.role = role;
    u.hasPassword = !passwordHash.isEmpty();
    u.createdAtMs = nowMs;
    Sql(db, QStringLiteral("INSERT INTO users (id, org_id, email, email_normalized, name, role, password_hash, "
                           "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        .bind(u.id).bind(orgId).bind(u.email).bind(normalizeEmail(email)).bind(u.name).bind(User::roleName(role))
        .bind(passwordHash.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(passwordHash))
        .bind(nowMs).bind(nowMs).exec();
    return u;
}

std::optional<User> UserStore::findByEmail(QSqlDatabase &db, const QString &email)
{
    Sql q(db, QStringLiteral("SELECT ") + UserColumns + QStringLiteral(" FROM users WHERE email_normalized = ?"));
    q.bind(normalizeEmail(email)).exec();
    if (!q.next())
        return std::nullopt;
    return readUser(q);
}

std::optional<User> UserStore::findById(QSqlDatabase &db, const QString &id)
{
    Sql q(db, QStringLiteral("SELECT ") + UserColumns + QStringLiteral(" FROM users WHERE id = ?"));
    q.bind(id).exec();
    if (!q.next())
        return std::nullopt;
    return readUser(q);
}

QList<User> UserStore::list(QSqlDatabase &db, const QString &orgId)
{
    Sql q(db, QStringLiteral("SELECT ") + UserColumns + QStringLiteral(" FROM users WHERE org_id = ? ORDER BY seq"));
    q.bind(orgId).exec();
    QList<User> out;
    while (q.next())
        out.append(readUser(q));
    return out;
}

QString UserStore::passwordHash(QSqlDatabase &db, const QString &id)
{
    Sql q(db, QStringLiteral("SELECT password_hash FROM users WHERE id = ?"));
    q.bind(id).exec();
    return q.next() ? q.text(0) : QString();
}

void UserStore::setPasswordHash(QSqlDatabase &db, const QString &id, const QString &hash, qint64 nowMs)
{
    Sql(db, QStringLiteral("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?"))
        .bind(hash).bind(nowMs).bind(id).exec();
}

void UserStore::setRole(QSqlDatabase &db, const QString &id, User::Role role, qint64 nowMs)
{
    Sql(db, QStringLiteral("UPDATE users SET role = ?, updated_at = ? WHERE id = ?"))
        .bind(User::roleName(role)).bind(nowMs).bind(id).exec();
}

void UserStore::setDisabled(QSqlDatabase &db, const QString &id, bool disabled, qint64 nowMs)
{
    Sql(db, QStringLiteral("UPDATE users SET disabled_at = ?, updated_at = ? WHERE id = ?"))
        .bind(disabled ? QVariant(nowMs) : QVariant(QMetaType::fromType<qint64>())).bind(nowMs).bind(id).exec();
}

void UserStore::clearMfa(QSqlDatabase &db, const QString &id, qint64 nowMs)
{
    Sql(db, QStringLiteral("UPDATE users SET totp_secret = NULL, totp_last_step = NULL, updated_at = ? WHERE id = ?"))
        .bind(nowMs).bind(id).exec();
}

void UserStore::setTotpSecret(QSqlDatabase &db, const QString &id, const QByteArray &secret, qint64 nowMs)
{
    Sql(db, QStringLiteral("UPDATE users SET totp_secret = ?, totp_last_step = NULL, updated_at = ? WHERE id = ?"))
        .bind(secret).bind(nowMs).bind(id).exec();
}

UserStore::TotpState UserStore::totpState(QSqlDatabase &db, const QString &id)
{
    Sql q(db, QStringLiteral("SELECT totp_secret, totp_last_step FROM users WHERE id = ?"));
    q.bind(id).exec();
    if (!q.next())
        return {};
    return {q.value(0).toByteArray(), q.isNull(1) ? 0 : q.integer(1)};
}

void UserStore::setTotpLastStep(QSqlDatabase &db, const QString &id, qint64 step)
{
    Sql(db, QStringLiteral("UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)"))
        .bind(step).bind(id).bind(step).exec();
}

QString UserStore::changeStamp(QSqlDatabase &db)
{
    Sql q(db, QStringLiteral("SELECT COUNT(*), COALESCE(MAX(updated_at), 0), COALESCE(SUM(updated_at % 1000003), 0) "
                             "FROM users"));
    q.exec();
    return q.next() ? QStringLiteral("%1/%2/%3").arg(q.integer(0)).arg(q.integer(1)).arg(q.integer(2)) : QString();
}

} // namespace keyward::server

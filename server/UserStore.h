// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Permission.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace keyward::server {

// An organisation member who signs in (users never hold secret keys themselves).
struct User
{
    enum class Role { Owner, Admin, Developer, Viewer };

    QString id;
    QString orgId;
    QString email;
    QString name;
    Role role = Role::Viewer;
    bool disabled = false;
    bool hasPassword = false;
    bool hasMfa = false;
    qint64 createdAtMs = 0;

    QString display() const { return QStringLiteral("%1 <%2>").arg(name, email); }
    QJsonObject toJson() const;

    static QString roleName(Role role);
    static bool roleFromName(const QString &name, Role *role);
    // What a role may do on the key API: owner and admin manage keys; developer reads
    // everything; viewer reads masked keys and the audit log.
    static PermissionSet permissionsFor(Role role);
};

// Users in the database; writes must run inside Database::write.
class UserStore
{
public:
    static QString normalizeEmail(const QString &email);
    static bool isPlausibleEmail(const QString &email);

    static User add(QSqlDatabase &db, const QString &orgId, const QString &email, const QString &name,
                    User::Role role, const QString &passwordHash, qint64 nowMs);
    static std::optional<User> findByEmail(QSqlDatabase &db, const QString &email);
    static std::optional<User> findById(QSqlDatabase &db, const QString &id);
    static QList<User> list(QSqlDatabase &db, const QString &orgId);
    static QString passwordHash(QSqlDatabase &db, const QString &id);
    static void setPasswordHash(QSqlDatabase &db, const QString &id, const QString &hash, qint64 nowMs);
    static void setRole(QSqlDatabase &db, const QString &id, User::Role role, qint64 nowMs);
    static void setDisabled(QSqlDatabase &db, const QString &id, bool disabled, qint64 nowMs);
    static void clearMfa(QSqlDatabase &db, const QString &id, qint64 nowMs);
    static void setTotpSecret(QSqlDatabase &db, const QString &id, const QByteArray &secret, qint64 nowMs);
    struct TotpState
    {
        QByteArray secret;
        qint64 lastStep = 0;
    };
    static TotpState totpState(QSqlDatabase &db, const QString &id);
    static void setTotpLastStep(QSqlDatabase &db, const QString &id, qint64 step);
    // Changes whenever any user changes, so a running server can drop cached sessions that a
    // command-line change (another process) made stale.
    static QString changeStamp(QSqlDatabase &db);
};

} // namespace keyward::server

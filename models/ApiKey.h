// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace keyward {

// Who did something: a user, a secret key, or the server itself.
struct Actor
{
    QString type; // "user", "secret_key", "system"
    QString id;
    QString display;

    QJsonObject toJson() const;
    static Actor fromJson(const QJsonObject &json);
    friend bool operator==(const Actor &, const Actor &) = default;
};

struct DailyUsage
{
    QDate day;
    qint64 count = 0;
    friend bool operator==(const DailyUsage &, const DailyUsage &) = default;
};

// Requests in one minute (UTC, the minute's start), for watching a rotation as it happens.
struct MinuteUsage
{
    QDateTime minute;
    qint64 count = 0;
    friend bool operator==(const MinuteUsage &, const MinuteUsage &) = default;
};

// A secret key as the API shows it: masked. The plaintext secret is never part of this type.
struct ApiKey
{
    enum class Status { Active, Expired, Revoked };

    QString id;
    QString note;
    QString prefix;   // "skey_" or "odin_sk_"
    QString lastFour; // the last four characters of the secret, for recognition
    QStringList permissions;
    Status status = Status::Active;
    QDateTime createdAt;
    Actor createdBy;
    QDateTime expiresAt;
    QDateTime revokedAt;
    QDateTime lastUsedAt;
    QString lastUsedIp;
    QString lastUsedUserAgent;
    QString rotates;   // the id of the key this one replaces, if it was created as a rotation
    QString rotatedBy; // the id of the key created to replace this one, if any
    QList<DailyUsage> usage;         // only in single-key answers: the last 30 days
    QList<MinuteUsage> recentUsage;  // only in single-key answers: the last 60 minutes, oldest first

    QString masked() const;
    static QString statusName(Status status);
    static bool statusFromName(const QString &name, Status *status);

    QJsonObject toJson() const;
    static ApiKey fromJson(const QJsonObject &json);
};

} // namespace keyward

// Every member is relocatable, so lists of keys move memory instead of objects (the first insert
// into 100,000 keys reallocated by moving each one).
Q_DECLARE_TYPEINFO(keyward::Actor, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(keyward::DailyUsage, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(keyward::MinuteUsage, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(keyward::ApiKey, Q_RELOCATABLE_TYPE);

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace keyward {

// One grant, "<resource>:read" or "<resource>:write". Write implies read.
struct Permission
{
    enum class Access { Read, Write };

    QString resource;
    Access access = Access::Read;

    static std::optional<Permission> parse(QStringView text);
    QString toString() const;
    bool covers(const Permission &wanted) const;
    friend bool operator==(const Permission &, const Permission &) = default;
};

// A catalog entry as GET /permissions publishes it.
struct PermissionResource
{
    QString resource;
    QString label;
    QString description;
    QString readDescription;
    QString writeDescription;

    QJsonObject toJson() const;
    static PermissionResource fromJson(const QJsonObject &json);
    // The texts in the user's language where Keyward has a translation of them (those of the
    // reference server's catalog); any other text stays as the server wrote it.
    PermissionResource localized() const;
};

// A normalised set of grants: sorted, no duplicates, a read dropped when the write is there.
class PermissionSet
{
public:
    PermissionSet() = default;
    explicit PermissionSet(QList<Permission> permissions);

    // Parses "a:write,b:read" or a list of strings; returns nullopt with the bad entry on failure.
    static std::optional<PermissionSet> parse(const QStringList &items, QString *badItem = nullptr);

    bool allows(const Permission &wanted) const;
    bool allows(const QString &resource, Permission::Access access) const;
    // True when every grant in other is allowed by this set (no privilege escalation).
    bool covers(const PermissionSet &other) const;
    bool isEmpty() const { return m_items.isEmpty(); }
    const QList<Permission> &items() const { return m_items; }
    QStringList toStringList() const;
    QString toString() const { return toStringList().join(QLatin1Char(',')); }
    friend bool operator==(const PermissionSet &, const PermissionSet &) = default;

private:
    QList<Permission> m_items;
};

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#include "Permission.h"

#include <algorithm>

namespace keyward {

namespace {
bool isResourceName(QStringView s)
{
    if (s.isEmpty() || s.size() > 64)
        return false;
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'_'))
            return false;
    }
    return true;
}
} // namespace

std::optional<Permission> Permission::parse(QStringView text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    const QStringView resource = text.first(colon);
    const QStringView access = text.sliced(colon + 1);
    if (!isResourceName(resource))
        return std::nullopt;
    Permission p;
    p.resource = resource.toString();
    if (access == QLatin1String("read"))
        p.access = Access::Read;
    else if (access == QLatin1String("write"))
        p.access = Access::Write;
    else
        return std::nullopt;
    return p;
}

QString Permission::toString() const
{
    return resource + (access == Access::Write ? QLatin1String(":write") : QLatin1String(":read"));
}

bool Permission::covers(const Permission &wanted) const
{
    return resource == wanted.resource && (access == Access::Write || wanted.access == Access::Read);
}

QJsonObject PermissionResource::toJson() const
{
    return QJsonObject {
        {QStringLiteral("resource"), resource},
        {QStringLiteral("label"), label},
        {QStringLiteral("description"), description},
        {QStringLiteral("read"), QJsonObject {{QStringLiteral("permission"), resource + QLatin1String(":read")},
                                              {QStringLiteral("description"), readDescription}}},
        {QStringLiteral("write"), QJsonObject {{QStringLiteral("permission"), resource + QLatin1String(":write")},
                                               {QStringLiteral("description"), writeDescription},
                                               {QStringLiteral("implies"), resource + QLatin1String(":read")}}},
    };
}

PermissionResource PermissionResource::fromJson(const QJsonObject &json)
{
    PermissionResource r;
    r.resource = json.value(QStringLiteral("resource")).toString();
    r.label = json.value(QStringLiteral("label")).toString();
    r.description = json.value(QStringLiteral("description")).toString();
    r.readDescription = json.value(QStringLiteral("read")).toObject().value(QStringLiteral("description")).toString();
    r.writeDescription = json.value(QStringLiteral("write")).toObject().value(QStringLiteral("description")).toString();
    return r;
}

PermissionSet::PermissionSet(QList<Permission> permissions)
{
    std::sort(permissions.begin(), permissions.end(), [](const Permission &a, const Permission &b) {
        return a.resource != b.resource ? a.resource < b.resource : a.access > b.access;
    });
    for (const Permission &p : std::as_const(permissions)) {
        // Sorted with write before read per resource, so a covered entry follows its cover.
        if (!m_items.isEmpty() && m_items.last().covers(p))
            continue;
        m_items.append(p);
    }
}

std::optional<PermissionSet> PermissionSet::parse(const QStringList &items, QString *badItem)
{
    QList<Permission> list;
    for (const QString &raw : items) {
        const QString item = raw.trimmed();
        const auto p = Permission::parse(item);
        if (!p) {
            if (badItem)
                *badItem = item;
            return std::nullopt;
        }
        list.append(*p);
    }
    return PermissionSet(list);
}

bool PermissionSet::allows(const Permission &wanted) const
{
    return std::any_of(m_items.cbegin(), m_items.cend(),
                       [&](const Permission &p) { return p.covers(wanted); });
}

bool PermissionSet::allows(const QString &resource, Permission::Access access) const
{
    return allows(Permission {resource, access});
}

bool PermissionSet::covers(const PermissionSet &other) const
{
    return std::all_of(other.m_items.cbegin(), other.m_items.cend(),
                       [&](const Permission &p) { return allows(p); });
}

QStringList PermissionSet::toStringList() const
{
    QStringList out;
    out.reserve(m_items.size());
    for (const Permission &p : m_items)
        out.append(p.toString());
    return out;
}

} // namespace keyward

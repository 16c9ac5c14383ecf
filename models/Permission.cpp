// SPDX-License-Identifier: GPL-3.0-or-later
#include "Permission.h"

#include <QCoreApplication>

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

namespace {

// The reference server's catalog (server/PermissionCatalog.cpp), for lupdate: a production service
// that words its catalog the same way gets it translated too.
[[maybe_unused]] constexpr const char *CatalogTexts[] = {
    QT_TRANSLATE_NOOP("PermissionCatalog", "Payments"),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Charges taken from customers."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "List and view payments."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Create payments."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Customers"),
    QT_TRANSLATE_NOOP("PermissionCatalog", "The people and companies you bill."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "List and view customers."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Create, change and remove customers."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Refunds"),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Money returned to customers."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "List and view refunds."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Issue refunds."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Webhooks"),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Endpoints that receive event notifications."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "List webhook endpoints and deliveries."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Add, change and remove webhook endpoints."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Secret keys"),
    QT_TRANSLATE_NOOP("PermissionCatalog", "The organisation's secret API keys (always shown masked)."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "List secret keys, masked, with their last use."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Create, change, revoke and delete secret keys."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Publishable keys"),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Public keys for client-side code."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "List publishable keys."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Create and delete publishable keys."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Audit log"),
    QT_TRANSLATE_NOOP("PermissionCatalog", "The tamper-evident record of who did what."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Read audit events and the signed chain head."),
    QT_TRANSLATE_NOOP("PermissionCatalog", "Reserved: the audit log is append-only; nothing can change it."),
};

QString catalogText(const QString &text)
{
    return text.isEmpty() ? text : QCoreApplication::translate("PermissionCatalog", text.toUtf8().constData());
}

} // namespace

PermissionResource PermissionResource::localized() const
{
    PermissionResource r = *this;
    r.label = catalogText(label);
    r.description = catalogText(description);
    r.readDescription = catalogText(readDescription);
    r.writeDescription = catalogText(writeDescription);
    return r;
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

// SPDX-License-Identifier: GPL-3.0-or-later
#include "PermissionCatalog.h"

namespace keyward::server {

const QList<PermissionResource> &PermissionCatalog::resources()
{
    static const QList<PermissionResource> list = {
        {QStringLiteral("payments"), QStringLiteral("Payments"),
         QStringLiteral("Charges taken from customers."),
         QStringLiteral("List and view payments."), QStringLiteral("Create payments.")},
        {QStringLiteral("customers"), QStringLiteral("Customers"),
         QStringLiteral("The people and companies you bill."),
         QStringLiteral("List and view customers."), QStringLiteral("Create, change and remove customers.")},
        {QStringLiteral("refunds"), QStringLiteral("Refunds"),
         QStringLiteral("Money returned to customers."),
         QStringLiteral("List and view refunds."), QStringLiteral("Issue refunds.")},
        {QStringLiteral("webhooks"), QStringLiteral("Webhooks"),
         QStringLiteral("Endpoints that receive event notifications."),
         QStringLiteral("List webhook endpoints and deliveries."),
         QStringLiteral("Add, change and remove webhook endpoints.")},
        {QStringLiteral("secret_keys"), QStringLiteral("Secret keys"),
         QStringLiteral("The organisation's secret API keys (always shown masked)."),
         QStringLiteral("List secret keys, masked, with their last use."),
         QStringLiteral("Create, change, revoke and delete secret keys.")},
        {QStringLiteral("publishable_keys"), QStringLiteral("Publishable keys"),
         QStringLiteral("Public keys for client-side code."),
         QStringLiteral("List publishable keys."), QStringLiteral("Create and delete publishable keys.")},
        {QStringLiteral("audit_log"), QStringLiteral("Audit log"),
         QStringLiteral("The tamper-evident record of who did what."),
         QStringLiteral("Read audit events and the signed chain head."),
         QStringLiteral("Reserved: the audit log is append-only; nothing can change it.")},
    };
    return list;
}

bool PermissionCatalog::contains(const Permission &permission)
{
    for (const PermissionResource &r : resources()) {
        if (r.resource == permission.resource)
            return true;
    }
    return false;
}

QJsonArray PermissionCatalog::toJson()
{
    QJsonArray out;
    for (const PermissionResource &r : resources())
        out.append(r.toJson());
    return out;
}

} // namespace keyward::server

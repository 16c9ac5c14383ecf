// SPDX-License-Identifier: GPL-3.0-or-later
#include "Organization.h"

#include "Database.h"

namespace keyward::server {

bool Organization::isValidTier(const QString &tier)
{
    return tier == QLatin1String("free") || tier == QLatin1String("pro") || tier == QLatin1String("enterprise");
}

std::optional<Organization> Organization::load(QSqlDatabase &db)
{
    Sql q(db, QStringLiteral("SELECT id, name, tier, key_format, require_mfa FROM organizations ORDER BY created_at, id LIMIT 1"));
    q.exec();
    if (!q.next())
        return std::nullopt;
    Organization org;
    org.id = q.text(0);
    org.name = q.text(1);
    org.tier = q.text(2);
    KeyFormat::flavorFromName(q.text(3), &org.keyFormat);
    org.requireMfa = q.integer(4) != 0;
    return org;
}

void Organization::insert(QSqlDatabase &db, qint64 nowMs) const
{
    Sql q(db, QStringLiteral("INSERT INTO organizations (id, name, tier, key_format, created_at) VALUES (?, ?, ?, ?, ?)"));
    q.bind(id).bind(name).bind(tier).bind(KeyFormat::flavorName(keyFormat)).bind(nowMs).exec();
}

void Organization::update(QSqlDatabase &db) const
{
    Sql q(db, QStringLiteral("UPDATE organizations SET name = ?, tier = ?, key_format = ?, require_mfa = ? WHERE id = ?"));
    q.bind(name).bind(tier).bind(KeyFormat::flavorName(keyFormat)).bind(requireMfa ? 1 : 0).bind(id).exec();
}

} // namespace keyward::server

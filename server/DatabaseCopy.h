// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace keyward::server {

class Database;

// Moves a keyward-server database to another one, typically SQLite to PostgreSQL when a team
// outgrows one machine: every table, row for row, in one transaction on the target (all or
// nothing), from one consistent snapshot of the source. The target must be new (migrated, no
// organisation, no audit events). The audit chain is verified on the target before the commit,
// so a copy that would not verify is never kept. The server's secrets (pepper, signing keys)
// travel with it, so every key and sign-in keeps working.
class DatabaseCopy
{
public:
    struct Result
    {
        int tables = 0;
        qint64 rows = 0;
        qint64 auditEvents = 0;
    };
    // Throws DatabaseError with the reason; nothing is written to the target then.
    static Result copy(Database &source, Database &target);
};

} // namespace keyward::server

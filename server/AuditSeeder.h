// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

namespace keyward::server {

class Database;

// Fills the audit log with a large, believable history for benchmarks and manual tests: members
// signing in and out, keys created, changed, rotated, revoked, expired and deleted by people and
// by automation, and the bulk of a real API's log: scanners guessing keys (a few addresses very
// often) and services missing a permission. Busier on weekdays and in office hours.
//
// Every event goes through AuditLog::Writer, the path the server appends with, so the chain,
// the counts and the text index are exactly what the server would have written. Deterministic
// for a given seed (ids included), apart from where the chain already stands.
class AuditSeeder
{
public:
    struct Options
    {
        qint64 events = 10'000;
        int days = 365;             // history ending at endMs
        qint64 endMs = 0;           // 0: now
        quint32 seed = 20261207;
        QString orgId;              // the organisation the events belong to
        QString otherOrgId;         // when set, otherOrgShare of the events belong to it
        double otherOrgShare = 0;
        int eventsPerTransaction = 20'000;
        std::function<void(qint64 written)> progress; // after each transaction
    };
    struct Result
    {
        qint64 events = 0;
        qint64 firstSeq = 0;
        qint64 lastSeq = 0;
    };

    // Times earlier than the newest event already in the log are raised to it (append never
    // lets time go backwards): seed an empty log, or expect the history to bunch up at its end.
    static Result seed(Database &db, const Options &options);

    // Needles for searches: a few events mention this text, nothing else does.
    static QString rareText() { return QStringLiteral("INC-4711 credential stuffing"); }
};

} // namespace keyward::server

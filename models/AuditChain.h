// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace keyward {

// The audit log's hash chain: hash = hex(SHA-256(prev_hash ‖ canonical JSON of the event
// without "hash")). The first event's prev_hash is 64 zeros.
class AuditChain
{
public:
    static QString genesisHash();
    static QString computeHash(const QJsonObject &eventWithOrWithoutHash);

    struct Verification
    {
        bool ok = true;
        qsizetype firstBadIndex = -1; // index into the list given, or -1
        QString reason;
    };
    // Events in chain order (oldest first). When expectedFirstPrev is empty the first event's
    // prev_hash is taken on trust (a window of a longer chain).
    static Verification verify(const QList<QJsonObject> &eventsOldestFirst,
                               const QString &expectedFirstPrev = {});
};

} // namespace keyward

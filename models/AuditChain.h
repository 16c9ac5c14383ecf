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
        QString firstBadId;           // that event's "id", when it has one
        qsizetype redacted = 0;       // stubs checked by their links only (see below)
    };
    // Events in chain order (oldest first). When expectedFirstPrev is empty the first event's
    // prev_hash is taken on trust (a window of a longer chain).
    //
    // The chain is global across organisations, so a range fetched by one organisation holds
    // stubs for the others' events: {"id", "redacted": true, "prev_hash", "hash"} and nothing
    // else. A stub's hash cannot be recomputed without its content, but its prev_hash must link
    // to the event before it and the next event's prev_hash must equal its hash, so removing,
    // inserting or reordering events is still found; a change to a stubbed event's content is
    // for its own organisation to find. A stub carrying any other field fails verification:
    // content that is shown must be verifiable.
    static Verification verify(const QList<QJsonObject> &eventsOldestFirst,
                               const QString &expectedFirstPrev = {});
    static bool isRedactedStub(const QJsonObject &event);
};

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HeadVerifier.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace keyward {

// The outcome of checking audit events against their hash chain, ready for the UI:
// summary() is "Verified: 1,204 events, chain intact, head signed by the server." or names the
// first broken event and what is wrong with it.
struct AuditVerification
{
    Q_DECLARE_TR_FUNCTIONS(AuditVerification)

public:
    enum class Outcome {
        Intact,    // every check held
        Broken,    // evidence of tampering or a server bug: brokenSeq and reason say where and what
        Failed,    // could not finish (network, a server without the chain endpoint): reason says why
        Cancelled, // stopped by the user
    };

    Outcome outcome = Outcome::Failed;
    qint64 eventsVerified = 0;  // the headline: the view's rows, or the organisation's events of the log
    qint64 entriesLinked = 0;   // every chain entry linked, other organisations' stubs included
    qint64 stubsLinked = 0;     // other organisations' entries, linked by hash only
    qint64 gapsUnchecked = 0;   // offline check only: places where the events shown are not consecutive
    qint64 firstSeq = 0;        // the range walked
    qint64 lastSeq = 0;
    bool headSigned = false;    // the head's ES256 signature and payload held
    bool anchored = false;      // the walk ended on the signed head's hash
    HeadVerification head;
    qint64 brokenSeq = 0;       // the first event that does not verify, 0 when none or unknown
    QString reason;             // Broken: what is wrong with it; Failed: why the check stopped

    bool isIntact() const { return outcome == Outcome::Intact; }
    QString brokenId() const;
    QString summary() const;
};

} // namespace keyward

Q_DECLARE_METATYPE(keyward::AuditVerification)

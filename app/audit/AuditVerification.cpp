// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditVerification.h"

#include "AuditEvent.h"

#include <limits>

namespace keyward {

QString AuditVerification::brokenId() const
{
    return brokenSeq > 0 ? AuditEvent::idForSeq(brokenSeq) : QString();
}

QString AuditVerification::summary() const
{
    const int n = int(qMin<qint64>(eventsVerified, std::numeric_limits<int>::max()));
    switch (outcome) {
    case Outcome::Intact:
        if (headSigned && anchored)
            return tr("Verified: %n event(s), chain intact, head signed by the server.", nullptr, n);
        if (gapsUnchecked > 0)
            return tr("Verified: %n event(s), each matching its hash; the chain between them is not checked yet.",
                      nullptr, n);
        return tr("Verified: %n event(s), each matching its hash and linked to the one before; not yet checked "
                  "against the signed head.", nullptr, n);
    case Outcome::Broken:
        if (brokenSeq > 0)
            return tr("Verification failed at %1: %2").arg(brokenId(), reason);
        return tr("Verification failed: %1").arg(reason);
    case Outcome::Failed:
        return tr("Verification could not finish: %1").arg(reason);
    case Outcome::Cancelled:
        return tr("Verification cancelled after %n event(s).", nullptr, n);
    }
    return {};
}

} // namespace keyward

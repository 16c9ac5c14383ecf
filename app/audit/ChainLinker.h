// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditLogModel.h"
#include "AuditService.h"
#include "AuditVerification.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <vector>

namespace keyward {

// Walks the audit chain entry by entry, oldest first, and stops at the first thing that does not
// hold: a seq out of place (an entry removed, inserted or reordered), a prev_hash that is not the
// previous entry's hash, an event whose content does not hash to its hash (altered). Entries of
// other organisations come as redacted stubs and are linked by their hash alone: their content
// is not ours to see, but each following hash commits to theirs, up to the signed head.
//
// A value type without Qt parents or signals, so ChainVerifier can hand it to a worker thread
// page by page and take it back.
class ChainLinker
{
    Q_DECLARE_TR_FUNCTIONS(ChainLinker)

public:
    // A view being verified: the rows it shows (any filter), compared on the way with what the
    // chain holds at their seqs, and the filter, to notice an event the list left out.
    struct View
    {
        std::vector<AuditRowDigest> rows; // ascending seq
        AuditFilter filter;
        bool checkOmissions = true; // between the oldest and the newest row
    };

    // Starts at firstSeq. expectedPrevHash is the genesis hash for a walk from the start of the
    // log; empty to take the first entry's prev_hash on trust (a window of the chain).
    explicit ChainLinker(qint64 firstSeq = 1, QString expectedPrevHash = {}, std::shared_ptr<const View> view = {});

    // Feeds the next entry; false once broken (further entries are ignored).
    bool add(const QJsonObject &entry);

    bool isBroken() const { return m_brokenSeq != 0 || !m_reason.isEmpty(); }
    qint64 brokenSeq() const { return m_brokenSeq; }
    QString reason() const { return m_reason; }
    qint64 nextSeq() const { return m_nextSeq; }
    QString lastHash() const { return m_lastHash; }
    qint64 entries() const { return m_entries; }
    qint64 fullEvents() const { return m_fullEvents; }
    qint64 stubs() const { return m_stubs; }
    qint64 rowsMatched() const { return m_rowsMatched; }

    // The offline check of a list page or a set of pages (newest first, as /audit-events answers,
    // any filter): every event's content against its hash, the order, and the link between events
    // whose seqs are consecutive. Gaps (other organisations, the filter) are counted, not
    // checked: ChainVerifier::verifyView walks the chain across them.
    static AuditVerification checkEvents(const QList<QJsonObject> &newestFirst);

private:
    bool fail(qint64 seq, const QString &reason);

    std::shared_ptr<const View> m_view;
    qint64 m_nextSeq;
    QString m_lastHash;
    qint64 m_viewFirst = 0;
    qint64 m_viewLast = 0;
    qint64 m_entries = 0;
    qint64 m_fullEvents = 0;
    qint64 m_stubs = 0;
    qint64 m_rowsMatched = 0;
    qint64 m_brokenSeq = 0;
    QString m_reason;
};

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChainLinker.h"

#include "AuditChain.h"
#include "AuditEvent.h"

#include <algorithm>

namespace keyward {

namespace {

QString str(const QJsonObject &o, const char *name)
{
    return o.value(QLatin1String(name)).toString();
}

QString hexOf(const std::array<quint8, 32> &hash)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(hash.data()), 32).toHex());
}

} // namespace

ChainLinker::ChainLinker(qint64 firstSeq, QString expectedPrevHash, std::shared_ptr<const View> view)
    : m_view(std::move(view)), m_nextSeq(qMax<qint64>(1, firstSeq)), m_lastHash(std::move(expectedPrevHash))
{
    if (m_view && !m_view->rows.empty()) {
        m_viewFirst = m_view->rows.front().seq;
        m_viewLast = m_view->rows.back().seq;
    }
}

bool ChainLinker::fail(qint64 seq, const QString &reason)
{
    m_brokenSeq = seq;
    m_reason = reason;
    return false;
}

bool ChainLinker::add(const QJsonObject &entry)
{
    if (isBroken())
        return false;
    const qint64 seq = AuditEvent::seqFromId(str(entry, "id"));
    const QString previousId = AuditEvent::idForSeq(m_nextSeq - 1);
    if (seq <= 0)
        return fail(m_nextSeq, tr("the chain holds an entry without an event id where %1 should be.")
                                   .arg(AuditEvent::idForSeq(m_nextSeq)));
    if (seq > m_nextSeq)
        return fail(m_nextSeq, tr("the chain skips from %1 to %2: events are missing or out of order.")
                                   .arg(previousId, AuditEvent::idForSeq(seq)));
    if (seq < m_nextSeq)
        return fail(seq, tr("it comes again after %1: the chain is out of order.").arg(previousId));

    const QString prevHash = str(entry, "prev_hash");
    if (!m_lastHash.isEmpty() && prevHash != m_lastHash) {
        if (seq == 1)
            return fail(seq, tr("its prev_hash is not the genesis hash: the log does not start here."));
        return fail(seq, tr("its prev_hash is not the hash of %1: an event before it was removed, inserted or "
                            "reordered.").arg(previousId));
    }
    const QString hash = str(entry, "hash");
    const bool stub = entry.value(QLatin1String("redacted")).toBool();
    if (stub) {
        // Nothing but its place and links: content that would be shown must be verifiable.
        static const QStringList stubKeys {QStringLiteral("hash"), QStringLiteral("id"), QStringLiteral("prev_hash"),
                                           QStringLiteral("redacted")};
        if (!AuditService::isWellFormedStub(entry))
            return fail(seq, tr("it is a redacted entry without a valid hash."));
        if (entry.keys() != stubKeys)
            return fail(seq, tr("it is a redacted entry that carries content which cannot be verified."));
        ++m_stubs;
    } else {
        if (hash.size() != 64 || AuditChain::computeHash(entry) != hash)
            return fail(seq, tr("its content does not match its hash: the event was altered."));
        ++m_fullEvents;
    }

    if (m_view) {
        const auto &rows = m_view->rows;
        const auto it = std::lower_bound(rows.cbegin(), rows.cend(), seq,
                                         [](const AuditRowDigest &r, qint64 s) { return r.seq < s; });
        if (it != rows.cend() && it->seq == seq) {
            if (stub)
                return fail(seq, tr("the list shows this event, but the chain says it belongs to another "
                                    "organization."));
            if (!it->intact)
                return fail(seq, tr("its content as listed does not match its hash: the event was altered."));
            if (hexOf(it->hash) != hash)
                return fail(seq, tr("the list shows another version of this event than the chain holds."));
            ++m_rowsMatched;
        } else if (!stub && m_view->checkOmissions && seq > m_viewFirst && seq < m_viewLast) {
            bool decidable = true;
            if (m_view->filter.matches(entry, &decidable) && decidable)
                return fail(seq, tr("the chain holds this event, but the list left it out."));
        }
    }
    m_lastHash = hash;
    ++m_nextSeq;
    ++m_entries;
    return true;
}

AuditVerification ChainLinker::checkEvents(const QList<QJsonObject> &newestFirst)
{
    AuditVerification v;
    v.outcome = AuditVerification::Outcome::Intact;
    qint64 previousSeq = 0;
    QString previousPrevHash;
    for (const QJsonObject &e : newestFirst) {
        const qint64 seq = AuditEvent::seqFromId(str(e, "id"));
        auto broken = [&](qint64 at, const QString &reason) {
            v.outcome = AuditVerification::Outcome::Broken;
            v.brokenSeq = at;
            v.reason = reason;
            return v;
        };
        if (seq <= 0)
            return broken(0, tr("the list holds an entry without an event id."));
        if (previousSeq && seq >= previousSeq)
            return broken(seq, tr("it is listed after %1: the list is out of order.")
                                   .arg(AuditEvent::idForSeq(previousSeq)));
        if (AuditChain::computeHash(e) != str(e, "hash"))
            return broken(seq, tr("its content does not match its hash: the event was altered."));
        if (previousSeq) {
            if (previousSeq == seq + 1) {
                if (previousPrevHash != str(e, "hash"))
                    return broken(previousSeq, tr("its prev_hash is not the hash of %1: an event before it was "
                                                  "removed, inserted or reordered.").arg(AuditEvent::idForSeq(seq)));
                ++v.entriesLinked;
            } else {
                ++v.gapsUnchecked;
            }
        }
        if (!v.firstSeq || seq < v.firstSeq)
            v.firstSeq = seq;
        v.lastSeq = qMax(v.lastSeq, seq);
        ++v.eventsVerified;
        previousSeq = seq;
        previousPrevHash = str(e, "prev_hash");
    }
    return v;
}

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChainVerifier.h"

#include "AuditChain.h"
#include "AuditEvent.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace keyward {

namespace {
// Pages waiting for the worker, besides the one it is hashing: enough to keep the network and
// the worker busy at once, few enough to hold at most a few thousand entries.
constexpr qsizetype MaxQueuedPages = 2;
} // namespace

ChainVerifier::ChainVerifier(AuditService *service, QObject *parent) : QObject(parent), m_service(service)
{
    qRegisterMetaType<keyward::AuditVerification>();
}

ChainVerifier::~ChainVerifier()
{
    // The worker holds copies of everything it touches; it only needs to stop early.
    if (m_cancel)
        m_cancel->store(true);
    if (m_call)
        m_call->cancel();
}

bool ChainVerifier::verifyEntireLog()
{
    return start(std::nullopt);
}

bool ChainVerifier::verifyView(std::vector<AuditRowDigest> rows, const AuditFilter &filter)
{
    std::sort(rows.begin(), rows.end(), [](const AuditRowDigest &a, const AuditRowDigest &b) { return a.seq < b.seq; });
    rows.erase(std::unique(rows.begin(), rows.end(),
                           [](const AuditRowDigest &a, const AuditRowDigest &b) { return a.seq == b.seq; }),
               rows.end());
    ChainLinker::View view;
    view.rows = std::move(rows);
    view.filter = filter;
    return start(std::move(view));
}

bool ChainVerifier::start(std::optional<ChainLinker::View> view)
{
    if (m_running)
        return false;
    m_running = true;
    ++m_job;
    m_result = AuditVerification();
    m_head = AuditHead();
    m_view = view ? std::make_shared<const ChainLinker::View>(std::move(*view)) : nullptr;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_linker.reset();
    m_queue.clear();
    m_hashing = false;
    m_fetchDone = false;
    m_requestedAfter = 0;
    m_nextAfter = 0;
    m_call = m_service->head(this, [this](const Result<AuditHead> &head) { onHead(head); });
    return true;
}

void ChainVerifier::onHead(const Result<AuditHead> &head)
{
    m_call = nullptr;
    if (!m_running)
        return;
    if (!head.ok()) {
        finish(AuditVerification::Outcome::Failed, 0, head.error().text());
        return;
    }
    m_head = head.value();
    m_result.head = HeadVerifier::verify(m_head, m_pinned);
    if (!m_result.head.ok) {
        finish(AuditVerification::Outcome::Broken, 0,
               tr("the server's signed head does not verify. %1").arg(m_result.head.reason));
        return;
    }
    m_result.headSigned = true;
    if (m_view) {
        if (m_view->rows.empty()) {
            m_result.anchored = true;
            finish(AuditVerification::Outcome::Intact);
            return;
        }
        if (m_view->rows.back().seq > m_head.seq) {
            finish(AuditVerification::Outcome::Broken, m_view->rows.back().seq,
                   tr("it is newer than the newest event the server signed (%1).")
                       .arg(m_head.seq ? m_head.id : tr("none")));
            return;
        }
        m_firstSeq = m_view->rows.front().seq;
        m_linker.emplace(m_firstSeq, QString(), m_view); // the first link is taken on trust
    } else {
        m_firstSeq = 1;
        m_linker.emplace(1, AuditChain::genesisHash());
    }
    m_result.firstSeq = m_firstSeq;
    m_result.lastSeq = m_head.seq;
    if (m_head.seq == 0) { // an empty log: nothing to walk, the head says so
        m_result.anchored = m_head.hash == AuditChain::genesisHash();
        finish(m_result.anchored ? AuditVerification::Outcome::Intact : AuditVerification::Outcome::Broken, 0,
               m_result.anchored ? QString() : tr("the log is empty but the signed head is not the genesis hash."));
        return;
    }
    QPointer<ChainVerifier> self(this);
    Q_EMIT progress(0, m_head.seq - m_firstSeq + 1);
    if (self && m_running)
        fetchFrom(m_firstSeq - 1);
}

void ChainVerifier::fetchFrom(qint64 afterSeq)
{
    const qint64 remaining = m_head.seq - afterSeq;
    if (remaining <= 0) {
        m_fetchDone = true;
        return;
    }
    const int limit = int(qMin<qint64>(m_pageSize, remaining));
    m_requestedAfter = afterSeq;
    m_call = m_service->chain(afterSeq, limit, this, [this](const Result<AuditChainPage> &page) { onPage(page); });
}

void ChainVerifier::maybeFetch()
{
    if (m_running && !m_fetchDone && !m_call && m_queue.size() < MaxQueuedPages)
        fetchFrom(m_nextAfter);
}

void ChainVerifier::onPage(const Result<AuditChainPage> &page)
{
    m_call = nullptr;
    if (!m_running)
        return;
    if (!page.ok()) {
        finish(AuditVerification::Outcome::Failed, 0, page.error().text());
        return;
    }
    QList<QJsonObject> entries;
    entries.reserve(page.value().entries.size());
    qint64 lastSeq = 0;
    for (const QJsonObject &e : page.value().entries) {
        const qint64 seq = AuditEvent::seqFromId(e.value(QStringLiteral("id")).toString());
        if (seq > m_head.seq)
            continue; // appended after the head was signed: the next verification covers it
        entries.append(e);
        lastSeq = qMax(lastSeq, seq);
    }
    // Fetching goes on from what the page claims to hold; the worker checks that claim. A page
    // that does not move forward ends the fetching, and the walk reports where the chain stops.
    if (entries.isEmpty() || lastSeq >= m_head.seq || lastSeq <= m_requestedAfter)
        m_fetchDone = true;
    m_nextAfter = lastSeq;
    if (!entries.isEmpty())
        m_queue.append(entries);
    hashNext();
    maybeFetch();
    if (m_queue.isEmpty() && !m_hashing && m_fetchDone && m_linker)
        advance(); // nothing arrived to hash: let the end-of-walk checks speak
}

void ChainVerifier::hashNext()
{
    if (!m_running || m_hashing || m_queue.isEmpty() || !m_linker)
        return;
    const QList<QJsonObject> page = m_queue.takeFirst();
    const ChainLinker linker = std::move(*m_linker);
    m_linker.reset();
    m_hashing = true;
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    const quint64 job = m_job;
    // One watcher per page, so the answer of a cancelled job can never be taken for the current
    // one's. The task holds copies only: it may outlive this verifier (cancel, then delete).
    auto *watcher = new QFutureWatcher<Step>(this);
    connect(watcher, &QFutureWatcher<Step>::finished, this, [this, watcher] {
        watcher->deleteLater();
        onWorkerDone(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([linker, page, cancel, job] {
        Step step {linker, job};
        for (const QJsonObject &e : page) {
            if (cancel->load()) {
                step.cancelled = true;
                break;
            }
            if (!step.linker.add(e))
                break;
        }
        return step;
    }));
}

void ChainVerifier::onWorkerDone(const Step &step)
{
    if (!m_running || step.job != m_job)
        return; // the last page of a cancelled job
    m_hashing = false;
    m_linker = step.linker;
    if (step.cancelled)
        return; // cancel() has reported already
    advance();
}

void ChainVerifier::advance()
{
    if (!m_running || !m_linker)
        return;
    const ChainLinker &l = *m_linker;
    m_result.entriesLinked = l.entries();
    m_result.stubsLinked = l.stubs();
    m_result.eventsVerified = m_view ? l.rowsMatched() : l.fullEvents();
    QPointer<ChainVerifier> self(this);
    Q_EMIT progress(l.nextSeq() - m_firstSeq, m_head.seq - m_firstSeq + 1);
    if (!self || !m_running)
        return; // cancelled, or deleted, from a progress slot
    if (l.isBroken()) {
        finish(AuditVerification::Outcome::Broken, l.brokenSeq(), l.reason());
        return;
    }
    if (l.nextSeq() > m_head.seq) {
        if (l.lastHash() != m_head.hash) {
            finish(AuditVerification::Outcome::Broken, m_head.seq,
                   tr("the chain reaches hash %1 here, but the server signed %2.").arg(l.lastHash(), m_head.hash));
            return;
        }
        if (m_view && qsizetype(l.rowsMatched()) != qsizetype(m_view->rows.size())) {
            finish(AuditVerification::Outcome::Broken, 0, tr("some events of the list are not in the chain."));
            return;
        }
        m_result.anchored = true;
        finish(AuditVerification::Outcome::Intact);
        return;
    }
    if (m_queue.isEmpty() && m_fetchDone && !m_call) {
        finish(AuditVerification::Outcome::Broken, l.nextSeq(),
               tr("the chain ends before it, short of the signed head %1.").arg(m_head.id));
        return;
    }
    hashNext();
    maybeFetch();
}

void ChainVerifier::cancel()
{
    finish(AuditVerification::Outcome::Cancelled);
}

void ChainVerifier::finish(AuditVerification::Outcome outcome, qint64 brokenSeq, const QString &reason)
{
    if (!m_running)
        return;
    m_running = false;
    if (m_cancel)
        m_cancel->store(true);
    if (m_call)
        m_call->cancel();
    m_call = nullptr;
    m_queue.clear();
    m_result.outcome = outcome;
    m_result.brokenSeq = brokenSeq;
    m_result.reason = reason;
    Q_EMIT finished(m_result);
}

} // namespace keyward

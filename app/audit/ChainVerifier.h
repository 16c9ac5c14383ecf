// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditService.h"
#include "AuditVerification.h"
#include "ChainLinker.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace keyward {

// One verification of the audit log against its hash chain and the server's signed head, as a
// cancellable background job: fetches the signed head and checks its ES256 signature, then walks
// /audit-events/chain page by page up to that head. Each page is hashed and linked on a worker
// thread (QtConcurrent) while the next one is on its way; the UI thread only receives pages and
// signals. One job per verifier: start another after finished().
//
//  - verifyEntireLog(): from the first event (genesis) to the signed head.
//  - verifyView(rows, filter): a view of any filter. The chain is walked from the oldest row
//    shown up to the signed head; every row must be in it with the same hash and an intact
//    content, and no event of the chain between the oldest and newest row that the filter
//    matches may be missing from the view. Events before the oldest row are not walked (the
//    first link is taken on trust): verifyEntireLog covers them.
class ChainVerifier : public QObject
{
    Q_OBJECT

public:
    explicit ChainVerifier(AuditService *service, QObject *parent = nullptr);
    ~ChainVerifier() override;

    // The profile's recorded thumbprint of the server's signing key; a head signed by another
    // key is then reported as broken (empty: accept any key, and report its thumbprint).
    void setPinnedThumbprint(const QString &thumbprint) { m_pinned = thumbprint; }
    void setPageSize(int entries) { m_pageSize = qBound(1, entries, AuditService::MaxChainPage); }

    bool verifyEntireLog();
    // rows in any order (AuditLogModel::rowDigests() gives them newest first).
    bool verifyView(std::vector<AuditRowDigest> rows, const AuditFilter &filter);
    // Stops fetching and hashing; finished() reports Cancelled at once. The verifier may be
    // deleted right after.
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void finished(const keyward::AuditVerification &result);

private:
    struct Step
    {
        ChainLinker linker;
        quint64 job = 0; // which verification the page belonged to
        bool cancelled = false;
    };

    bool start(std::optional<ChainLinker::View> view);
    void onHead(const Result<AuditHead> &head);
    void fetchFrom(qint64 afterSeq);
    void maybeFetch();
    void onPage(const Result<AuditChainPage> &page);
    void hashNext();
    void onWorkerDone(const Step &step);
    void advance(); // after a page is linked: progress, the end-of-walk checks, the next page
    void finish(AuditVerification::Outcome outcome, qint64 brokenSeq = 0, const QString &reason = {});

    AuditService *m_service;
    QString m_pinned;
    int m_pageSize = AuditService::MaxChainPage;
    bool m_running = false;
    quint64 m_job = 0;

    std::shared_ptr<const ChainLinker::View> m_view;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::optional<ChainLinker> m_linker; // with the worker while a page is hashed
    AuditVerification m_result;
    AuditHead m_head;
    qint64 m_firstSeq = 1;
    qint64 m_requestedAfter = 0; // after_seq of the page on its way
    qint64 m_nextAfter = 0;      // after_seq of the next page to ask for
    bool m_fetchDone = false;
    QPointer<ApiCall> m_call;
    QList<QList<QJsonObject>> m_queue; // fetched pages waiting for the worker
    bool m_hashing = false;             // a page of this job is with the worker
};

} // namespace keyward

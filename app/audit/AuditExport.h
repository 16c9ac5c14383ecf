// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditService.h"

#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QSaveFile>

#include <memory>

namespace keyward {

struct AuditExportResult
{
    enum class Outcome { Written, Cancelled, Failed };
    Outcome outcome = Outcome::Failed;
    qint64 events = 0;
    QString path;
    QString message; // Failed: a sentence saying why; the file was not written
};

// Exports the audit events of a filter to a file, newest first, streaming: one page of the list
// endpoint at a time is fetched, written and dropped, so the whole log is never in memory and the
// UI thread is busy for one page's formatting at a time. The file is a QSaveFile: it appears
// complete when every page is written, or not at all (cancel, a failed page, a full disk); an
// older file at that path stays as it was until the new one is complete.
//
//  - CSV (RFC 4180): UTF-8, a header row, CRLF line ends, fields quoted when they hold a comma,
//    a quote or a line break; a cell starting with = + - @ (or tab, carriage return) is prefixed
//    with ' so a spreadsheet shows it as text instead of running it as a formula. details is its
//    compact JSON.
//  - JSON Lines: each event's JSON exactly as the server sent it, one per line, so the file can be
//    verified against the chain later.
class AuditExport : public QObject
{
    Q_OBJECT

public:
    enum class Format { Csv, JsonLines };

    explicit AuditExport(AuditService *service, QObject *parent = nullptr);
    ~AuditExport() override;

    void setPageSize(int events) { m_pageSize = qBound(1, events, AuditService::MaxPageSize); }

    // Opens the file and starts; false (see errorString()) when it cannot be created or an export
    // is already running. finished() follows exactly once after a true.
    bool start(const AuditFilter &filter, Format format, const QString &path);
    // Stops, discarding what was written; finished() reports Cancelled at once.
    void cancel();
    bool isRunning() const { return m_file != nullptr; }
    QString errorString() const { return m_error; }

    // The formats, for tests and for a "copy rows" action.
    static QByteArray csvHeader();
    static QByteArray csvRecord(const QJsonObject &event);
    static QByteArray csvField(const QString &value);
    static QByteArray jsonLine(const QJsonObject &event);
    static QStringList csvColumns();

Q_SIGNALS:
    // estimatedTotal: the server's count for the filter when it has one, otherwise a guess from
    // the event ids seen so far; equal to done when finished.
    void progress(qint64 done, qint64 estimatedTotal);
    void finished(const keyward::AuditExportResult &result);

private:
    void requestPage();
    void onPage(const Result<AuditPage> &page);
    qint64 estimate() const;
    void finish(AuditExportResult::Outcome outcome, const QString &message = {});

    AuditService *m_service;
    std::unique_ptr<QSaveFile> m_file;
    AuditFilter m_filter;
    Format m_format = Format::Csv;
    QString m_path;
    QString m_error;
    QString m_cursor;
    QPointer<ApiCall> m_call;
    QPointer<ApiCall> m_countCall;
    int m_pageSize = AuditService::MaxPageSize;
    qint64 m_done = 0;
    qint64 m_serverCount = -1;
    qint64 m_newestSeq = 0;
    qint64 m_oldestSeq = 0;
};

} // namespace keyward

Q_DECLARE_METATYPE(keyward::AuditExportResult)

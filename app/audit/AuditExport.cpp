// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditExport.h"

#include "AuditEvent.h"

#include <QJsonDocument>

namespace keyward {

namespace {

// keyward-server answers at most 2,000 buckets; one bucket of slack for the alignment to midnight.
constexpr int MaxCountDays = 1990;

QString text(const QJsonObject &o, const char *name)
{
    return o.value(QLatin1String(name)).toString();
}

} // namespace

AuditExport::AuditExport(AuditService *service, QObject *parent) : QObject(parent), m_service(service)
{
    qRegisterMetaType<keyward::AuditExportResult>();
}

AuditExport::~AuditExport()
{
    if (m_call)
        m_call->cancel();
    if (m_countCall)
        m_countCall->cancel();
    if (m_file)
        m_file->cancelWriting(); // the destructor of QSaveFile then removes the temporary file
}

QStringList AuditExport::csvColumns()
{
    return {QStringLiteral("id"),          QStringLiteral("at"),          QStringLiteral("actor_type"),
            QStringLiteral("actor_id"),    QStringLiteral("actor_display"), QStringLiteral("action"),
            QStringLiteral("target_type"), QStringLiteral("target_id"),   QStringLiteral("target_display"),
            QStringLiteral("ip"),          QStringLiteral("user_agent"),  QStringLiteral("request_id"),
            QStringLiteral("details"),     QStringLiteral("prev_hash"),   QStringLiteral("hash")};
}

QByteArray AuditExport::csvField(const QString &value)
{
    QString v = value;
    // A spreadsheet runs a cell starting with these as a formula (CSV injection): make it text.
    if (!v.isEmpty()) {
        const QChar c = v.front();
        if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
            || c == QLatin1Char('\t') || c == QLatin1Char('\r'))
            v.prepend(QLatin1Char('\''));
    }
    QByteArray utf8 = v.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r')) {
        utf8.replace("\"", "\"\"");
        utf8.prepend('"');
        utf8.append('"');
    }
    return utf8;
}

QByteArray AuditExport::csvHeader()
{
    QByteArray line;
    const QStringList columns = csvColumns();
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (i)
            line.append(',');
        line.append(csvField(columns.at(i)));
    }
    return line.append("\r\n");
}

QByteArray AuditExport::csvRecord(const QJsonObject &e)
{
    const QJsonObject actor = e.value(QLatin1String("actor")).toObject();
    const QJsonObject target = e.value(QLatin1String("target")).toObject();
    const QJsonValue details = e.value(QLatin1String("details"));
    const QString detailsText = details.isObject()
        ? QString::fromUtf8(QJsonDocument(details.toObject()).toJson(QJsonDocument::Compact))
        : QString();
    const QString fields[] = {text(e, "id"),          text(e, "at"),          text(actor, "type"),
                              text(actor, "id"),      text(actor, "display"), text(e, "action"),
                              text(target, "type"),   text(target, "id"),     text(target, "display"),
                              text(e, "ip"),          text(e, "user_agent"),  text(e, "request_id"),
                              detailsText,            text(e, "prev_hash"),   text(e, "hash")};
    QByteArray line;
    line.reserve(512);
    bool first = true;
    for (const QString &f : fields) {
        if (!first)
            line.append(',');
        first = false;
        line.append(csvField(f));
    }
    return line.append("\r\n");
}

QByteArray AuditExport::jsonLine(const QJsonObject &event)
{
    return QJsonDocument(event).toJson(QJsonDocument::Compact).append('\n');
}

bool AuditExport::start(const AuditFilter &filter, Format format, const QString &path)
{
    if (m_file) {
        m_error = tr("An export is already running.");
        return false;
    }
    auto file = std::make_unique<QSaveFile>(path);
    // Never write the target in place: complete or absent is the point.
    file->setDirectWriteFallback(false);
    if (!file->open(QIODevice::WriteOnly)) {
        m_error = tr("Cannot write %1: %2").arg(path, file->errorString());
        return false;
    }
    if (format == Format::Csv && file->write(csvHeader()) < 0) {
        m_error = tr("Cannot write %1: %2").arg(path, file->errorString());
        file->cancelWriting();
        return false;
    }
    m_file = std::move(file);
    m_filter = filter;
    m_format = format;
    m_path = path;
    m_error.clear();
    m_cursor.clear();
    m_done = 0;
    m_serverCount = -1;
    m_newestSeq = 0;
    m_oldestSeq = 0;
    // The server's count per day for this filter, for an honest progress bar; optional. Without a
    // since the server counts the last 30 days only: ask for as many days as it allows.
    AuditFilter counted = filter;
    if (!counted.since.isValid())
        counted.since = (counted.until.isValid() ? counted.until : QDateTime::currentDateTimeUtc())
                            .addDays(-MaxCountDays);
    m_countCall = m_service->histogram(counted, AuditHistogram::Bucket::Day, 0, this,
                                       [this](const Result<AuditHistogram> &h) {
        if (h.ok() && m_file) {
            m_serverCount = h.value().total();
            Q_EMIT progress(m_done, estimate());
        }
    });
    requestPage();
    return true;
}

void AuditExport::requestPage()
{
    m_call = m_service->page(m_filter, m_cursor, m_pageSize, this, [this](const Result<AuditPage> &page) {
        onPage(page);
    });
}

void AuditExport::onPage(const Result<AuditPage> &page)
{
    m_call = nullptr;
    if (!m_file)
        return;
    if (!page.ok()) {
        finish(AuditExportResult::Outcome::Failed, page.error().text());
        return;
    }
    QByteArray chunk;
    chunk.reserve(page.value().events.size() * 700);
    for (const QJsonObject &e : page.value().events) {
        chunk.append(m_format == Format::Csv ? csvRecord(e) : jsonLine(e));
        const qint64 seq = AuditEvent::seqFromId(text(e, "id"));
        if (!m_newestSeq)
            m_newestSeq = seq;
        m_oldestSeq = seq;
    }
    if (m_file->write(chunk) != chunk.size()) {
        finish(AuditExportResult::Outcome::Failed, tr("Cannot write %1: %2").arg(m_path, m_file->errorString()));
        return;
    }
    m_done += page.value().events.size();
    const bool more = page.value().hasMore && !page.value().events.isEmpty();
    if (!more) {
        if (m_countCall)
            m_countCall->cancel();
        if (!m_file->commit()) { // nothing is at the target: QSaveFile removed its temporary file
            finish(AuditExportResult::Outcome::Failed, tr("Cannot write %1: %2").arg(m_path, m_file->errorString()));
            return;
        }
        m_file.reset();
        QPointer<AuditExport> self(this);
        Q_EMIT progress(m_done, m_done);
        if (!self)
            return;
        AuditExportResult r;
        r.outcome = AuditExportResult::Outcome::Written;
        r.events = m_done;
        r.path = m_path;
        Q_EMIT finished(r);
        return;
    }
    m_cursor = page.value().nextCursor;
    QPointer<AuditExport> self(this);
    Q_EMIT progress(m_done, estimate());
    if (self && m_file) // a progress slot may have cancelled, or deleted the export
        requestPage();
}

qint64 AuditExport::estimate() const
{
    if (m_serverCount >= 0)
        return qMax(m_serverCount, m_done + 1);
    // Events older than the oldest one written have seqs below it; the share of seqs so far that
    // matched the filter guesses how many of those will.
    const qint64 span = m_newestSeq - m_oldestSeq + 1;
    if (m_done <= 0 || span <= 0 || m_oldestSeq <= 1)
        return -1;
    return m_done + qMax<qint64>(1, (m_oldestSeq - 1) * m_done / span);
}

void AuditExport::cancel()
{
    finish(AuditExportResult::Outcome::Cancelled);
}

void AuditExport::finish(AuditExportResult::Outcome outcome, const QString &message)
{
    if (!m_file)
        return;
    if (m_call)
        m_call->cancel();
    if (m_countCall)
        m_countCall->cancel();
    m_call = nullptr;
    m_file->cancelWriting();
    m_file.reset(); // removes the temporary file; the target is untouched
    m_error = message;
    AuditExportResult r;
    r.outcome = outcome;
    r.events = m_done;
    r.path = m_path;
    r.message = message;
    Q_EMIT finished(r);
}

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
// keyward-bench-auditclient [--events N] [--db PATH] [--keep]: the app's side of the audit log at
// 1,000,000 events, in one run, against a real keyward-server over loopback HTTP:
//   - seeds N events (default 1,000,000) with `keyward-server seed-audit` into a SQLite database
//     (--db PATH reuses it when the file exists; otherwise a temporary folder, kept with --keep),
//     starts `keyward-server serve` on 127.0.0.1:0 with the rate limits raised out of the way and
//     creates an audit_log:read key (Bearer) with `key create`;
//   - pages AuditLogModel through AuditService::fetcherFor (no filter, the model's page size) until
//     50,000 rows: per page end to end, network + parse (request to AuditService's checked page)
//     and model insert, median/p95/worst, and rows/s;
//   - the memory of those 50,000 rows: VmRSS growth, approximateCompactBytes(),
//     materialisedRowCount();
//   - ChainVerifier::verifyEntireLog() over the whole log: events/s;
//   - AuditExport to CSV and to JSON Lines for a `since` covering about 100,000 events (found with
//     the day histogram): events/s and MB/s.
// Beside each phase: this process's and the server's CPU time, to tell work from waiting on a
// shared machine. The server binary is the one built with this bench ($KEYWARD_SERVER_BINARY
// overrides it). Figures: docs/PERFORMANCE.md.
#ifdef __linux__
#include <csignal>
#include <malloc.h>
#include <sys/prctl.h>
#include <unistd.h>
#endif

#include "AuditExport.h"
#include "AuditLogModel.h"
#include "AuditService.h"
#include "ChainVerifier.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>

using namespace keyward;

namespace {

constexpr int TargetRows = 50'000;

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "keyward-bench-auditclient: %s\n", qPrintable(message));
    std::exit(1);
}

class StaticToken : public TokenProvider
{
public:
    explicit StaticToken(QByteArray token) : m_token(std::move(token)) { }
    QByteArray accessToken() const override { return m_token; }
    void renewAccessToken(const QByteArray &, QObject *, std::function<void(bool)> done) override { done(false); }

private:
    QByteArray m_token;
};

struct Stats
{
    double median = 0;
    double p95 = 0;
    double worst = 0;
    double total = 0;
};

Stats stats(QList<double> values)
{
    Stats s;
    if (values.isEmpty())
        return s;
    for (double v : values)
        s.total += v;
    std::sort(values.begin(), values.end());
    s.median = values.at(values.size() / 2);
    s.p95 = values.at(qMin(values.size() - 1, qsizetype(double(values.size()) * 0.95)));
    s.worst = values.last();
    return s;
}

QString num(double v, int decimals = 1)
{
    return QString::number(v, 'f', decimals);
}

QString grouped(qint64 v)
{
    QString s = QString::number(v);
    for (qsizetype i = s.size() - 3; i > 0; i -= 3)
        s.insert(i, QLatin1Char(','));
    return s;
}

long vmRssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

// User + system CPU seconds of a process (/proc/PID/stat fields 14 and 15).
double cpuSeconds(qint64 pid)
{
    QFile f(pid ? QStringLiteral("/proc/%1/stat").arg(pid) : QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray all = f.readAll();
    const QList<QByteArray> fields = all.mid(all.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ", field 3 (state) is index 0: utime is field 14 -> index 11.
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(::sysconf(_SC_CLK_TCK));
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    const QList<QByteArray> fields = f.readAll().split(' ');
    return QString::fromLatin1(fields.mid(0, 3).join(' '));
}

QString serverBinary()
{
    const QString env = qEnvironmentVariable("KEYWARD_SERVER_BINARY");
    return env.isEmpty() ? QStringLiteral(KEYWARD_SERVER_BINARY_PATH) : env;
}

int runServer(const QStringList &args, QByteArray *out, int timeoutMs)
{
    QProcess p;
    p.start(serverBinary(), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (out)
        *out = p.readAllStandardOutput();
    const QByteArray err = p.readAllStandardError();
    if (!err.isEmpty() && p.exitCode() != 0)
        std::fprintf(stderr, "%s", err.constData());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// Runs `call` with a callback and spins the event loop until the callback ran.
template<typename T, typename Call>
T await(Call call)
{
    std::optional<T> result;
    QEventLoop loop;
    call([&](const T &r) {
        result = r;
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

struct Phase
{
    QElapsedTimer wall;
    double clientCpu0 = 0;
    double serverCpu0 = 0;
    qint64 serverPid = 0;

    explicit Phase(qint64 pid) : serverPid(pid)
    {
        clientCpu0 = cpuSeconds(0);
        serverCpu0 = cpuSeconds(serverPid);
        wall.start();
    }
    double seconds() const { return double(wall.nsecsElapsed()) / 1e9; }
    QString cpu() const
    {
        return QStringLiteral("CPU: bench %1 s, server %2 s")
            .arg(num(cpuSeconds(0) - clientCpu0, 2), num(cpuSeconds(serverPid) - serverCpu0, 2));
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // Every call is logged at info level; a line per page would be part of what is timed.
    QLoggingCategory::setFilterRules(QStringLiteral("keyward.api.info=false"));
    qint64 events = 1'000'000;
    QString dbPath;
    bool keep = false;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--events") && i + 1 < args.size()) {
            bool ok = false;
            events = args.at(++i).toLongLong(&ok);
            if (!ok || events < TargetRows)
                die(QStringLiteral("--events must be a number of at least %1").arg(TargetRows));
        } else if (a == QLatin1String("--db") && i + 1 < args.size()) {
            dbPath = QFileInfo(args.at(++i)).absoluteFilePath();
        } else if (a == QLatin1String("--keep")) {
            keep = true;
        } else {
            die(QStringLiteral("usage: keyward-bench-auditclient [--events N] [--db PATH] [--keep]"));
        }
    }

    QTemporaryDir tmp;
    if (!tmp.isValid())
        die(QStringLiteral("cannot create a temporary folder"));
    tmp.setAutoRemove(!keep);
    if (dbPath.isEmpty())
        dbPath = tmp.filePath(QStringLiteral("audit.db"));
    const QString dbUrl = QStringLiteral("sqlite:") + dbPath;
    print(QStringLiteral("keyward-bench-auditclient: %1 events, database %2, server %3")
              .arg(grouped(events), dbPath, serverBinary()));
    print(QStringLiteral("load average at start: %1").arg(loadAverage()));

    // 1. Seed (or reuse), serve, key.
    if (QFileInfo::exists(dbPath)) {
        print(QStringLiteral("seed: reusing %1 (%2 MB)").arg(dbPath, num(double(QFileInfo(dbPath).size()) / 1e6)));
    } else {
        QElapsedTimer t;
        t.start();
        QByteArray out;
        if (runServer({QStringLiteral("seed-audit"), QStringLiteral("--database"), dbUrl, QStringLiteral("--events"),
                       QString::number(events)},
                      &out, 3'600'000)
            != 0)
            die(QStringLiteral("seed-audit failed"));
        const double s = double(t.elapsed()) / 1000;
        print(QStringLiteral("seed: %1 events in %2 s (%3 events/s) with keyward-server seed-audit")
                  .arg(grouped(events), num(s), grouped(qint64(double(events) / s))));
    }

    const QString configPath = tmp.filePath(QStringLiteral("config.json"));
    {
        const QJsonObject tier {{QStringLiteral("limit"), 100'000'000}, {QStringLiteral("window_seconds"), 60}};
        const QJsonObject config {{QStringLiteral("rate_limits"),
                                   QJsonObject {{QStringLiteral("free"), tier},
                                                {QStringLiteral("pro"), tier},
                                                {QStringLiteral("enterprise"), tier},
                                                {QStringLiteral("anonymous"), tier}}}};
        QFile f(configPath);
        if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(config).toJson()) < 0)
            die(QStringLiteral("cannot write %1").arg(configPath));
    }

    QByteArray keyOut;
    if (runServer({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("--database"), dbUrl,
                   QStringLiteral("--note"), QStringLiteral("audit client bench"), QStringLiteral("--permissions"),
                   QStringLiteral("audit_log:read")},
                  &keyOut, 60'000)
            != 0
        || keyOut.trimmed().isEmpty())
        die(QStringLiteral("key create failed"));
    StaticToken token(keyOut.trimmed());

    QProcess server;
    server.setProcessChannelMode(QProcess::SeparateChannels);
    server.setStandardErrorFile(tmp.filePath(QStringLiteral("server.err")));
#ifdef __linux__
    server.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    server.start(serverBinary(), {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                  QStringLiteral("--database"), dbUrl, QStringLiteral("--config"), configPath});
    if (!server.waitForStarted(10'000))
        die(QStringLiteral("the server did not start"));
    quint16 port = 0;
    {
        QByteArray out;
        QDeadlineTimer deadline(120'000);
        while (!deadline.hasExpired() && server.state() == QProcess::Running && !out.contains('\n')) {
            server.waitForReadyRead(200);
            out += server.readAllStandardOutput();
        }
        const QByteArray line = out.left(out.indexOf('\n')).trimmed();
        if (!line.startsWith("keyward-server listening on http://127.0.0.1:"))
            die(QStringLiteral("unexpected first line from the server: %1").arg(QString::fromUtf8(line)));
        port = quint16(line.mid(line.lastIndexOf(':') + 1).toUInt());
    }
    const qint64 serverPid = server.processId();

    QNetworkAccessManager network;
    ApiClient api(&network, QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), &token);
    AuditService service(&api);

    // Warms the connection (and gives the chain's length).
    const Result<AuditHead> head = await<Result<AuditHead>>(
        [&](auto done) { service.head(&app, done); });
    if (!head.ok())
        die(QStringLiteral("GET /audit-events/head: %1").arg(head.error().text()));
    print(QStringLiteral("server on 127.0.0.1:%1, chain head evt_%2").arg(port).arg(head.value().seq));

    // 2. Page fetch and model insert up to 50,000 rows.
    QList<double> pageMs, networkMs, insertMs;
    const long rssBefore = vmRssKiB();
    auto model = std::make_unique<AuditLogModel>();
    {
        const AuditLogModel::Fetcher inner = service.fetcherFor(AuditFilter {}, &app);
        model->setFetcher([&, inner](const QString &cursor, int limit,
                                     std::function<void(const AuditLogModel::FetchedPage &)> done) {
            QElapsedTimer t;
            t.start();
            inner(cursor, limit, [&, t, done](const AuditLogModel::FetchedPage &page) {
                networkMs.append(double(t.nsecsElapsed()) / 1e6);
                QElapsedTimer insert;
                insert.start();
                done(page);
                insertMs.append(double(insert.nsecsElapsed()) / 1e6);
            });
        });
    }
    Phase paging(serverPid);
    while (model->rowCount() < TargetRows) {
        if (!model->canFetchMore())
            die(QStringLiteral("the model stopped at %1 rows: %2").arg(model->rowCount()).arg(model->lastError()));
        QElapsedTimer t;
        t.start();
        model->fetchMore();
        while (model->isLoading())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        pageMs.append(double(t.nsecsElapsed()) / 1e6);
    }
    const double pagingSeconds = paging.seconds();
    const QString pagingCpu = paging.cpu();
    const int rows = model->rowCount();

    // 3. Memory of those rows.
    const long rssAfter = vmRssKiB();
#ifdef __linux__
    ::malloc_trim(0);
#endif
    const long rssTrimmed = vmRssKiB();
    const qsizetype compact = model->approximateCompactBytes();
    const int materialised = model->materialisedRowCount();
    const int interned = model->internedStringCount();

    const Stats page = stats(pageMs), net = stats(networkMs), ins = stats(insertMs);
    print(QString());
    print(QStringLiteral("Page fetch + model insert: %1 rows in %2 pages of %3 (no filter), %4 s, %5 rows/s; %6")
              .arg(grouped(rows)).arg(pageMs.size()).arg(model->pageSize())
              .arg(num(pagingSeconds, 2), grouped(qint64(double(rows) / pagingSeconds)), pagingCpu));
    print(QStringLiteral("  %1 %2 %3 %4").arg(QStringLiteral("per page, ms"), -34).arg(QStringLiteral("median"), 8)
              .arg(QStringLiteral("p95"), 8).arg(QStringLiteral("worst"), 8));
    const auto row = [](const QString &name, const Stats &s) {
        print(QStringLiteral("  %1 %2 %3 %4").arg(name, -34).arg(num(s.median, 2), 8).arg(num(s.p95, 2), 8)
                  .arg(num(s.worst, 2), 8));
    };
    row(QStringLiteral("end to end (fetchMore to rows in)"), page);
    row(QStringLiteral("network + parse + shape check"), net);
    row(QStringLiteral("model insert (appendEvents)"), ins);
    print(QString());
    print(QStringLiteral("Memory after %1 rows: VmRSS +%2 MiB (%3 -> %4 MiB; %5 MiB after malloc_trim), "
                         "approximateCompactBytes %6 MiB (%7 bytes/row, %8 interned strings), "
                         "materialisedRowCount %9")
              .arg(grouped(rows)).arg(num(double(rssAfter - rssBefore) / 1024))
              .arg(num(double(rssBefore) / 1024), num(double(rssAfter) / 1024), num(double(rssTrimmed) / 1024))
              .arg(num(double(compact) / 1048576.0, 2)).arg(num(double(compact) / rows, 1)).arg(interned)
              .arg(materialised));
    model.reset();

    // 4. The whole chain.
    print(QString());
    {
        ChainVerifier verifier(&service);
        std::optional<AuditVerification> result;
        QEventLoop loop;
        QObject::connect(&verifier, &ChainVerifier::finished, &loop, [&](const AuditVerification &v) {
            result = v;
            loop.quit();
        });
        Phase verifying(serverPid);
        if (!verifier.verifyEntireLog())
            die(QStringLiteral("verifyEntireLog() did not start"));
        if (!result)
            loop.exec();
        const double s = verifying.seconds();
        print(QStringLiteral("Full-chain verification: %1 events (%2 entries linked) in %3 s, %4 events/s; %5")
                  .arg(grouped(result->eventsVerified), grouped(result->entriesLinked), num(s, 2),
                       grouped(qint64(double(result->entriesLinked) / s)), verifying.cpu()));
        print(QStringLiteral("  %1").arg(result->summary()));
        if (!result->isIntact())
            die(QStringLiteral("the chain did not verify"));
    }

    // 5. Export about 100,000 events: the newest days that hold that many, by the day histogram.
    print(QString());
    {
        const qint64 want = qMin<qint64>(100'000, events / 2);
        AuditFilter all;
        all.since = QDateTime::currentDateTimeUtc().addDays(-1000);
        const Result<AuditHistogram> h = await<Result<AuditHistogram>>(
            [&](auto done) { service.histogram(all, AuditHistogram::Bucket::Day, 0, &app, done); });
        if (!h.ok())
            die(QStringLiteral("GET /audit-events/histogram: %1").arg(h.error().text()));
        AuditFilter filter;
        qint64 covered = 0;
        const QList<AuditHistogramBucket> &buckets = h.value().buckets;
        for (auto it = buckets.crbegin(); it != buckets.crend() && covered < want; ++it) {
            covered += it->total;
            filter.since = it->start;
        }
        print(QStringLiteral("Export: since %1 (%2 events by the histogram), newest first, pages of %3")
                  .arg(filter.since.toString(Qt::ISODate), grouped(covered)).arg(AuditService::MaxPageSize));
        struct Format
        {
            QString name;
            AuditExport::Format format;
            QString file;
        };
        const Format formats[] = {{QStringLiteral("CSV"), AuditExport::Format::Csv, QStringLiteral("export.csv")},
                                  {QStringLiteral("JSON Lines"), AuditExport::Format::JsonLines,
                                   QStringLiteral("export.jsonl")}};
        for (const Format &f : formats) {
            AuditExport exporter(&service);
            std::optional<AuditExportResult> result;
            QEventLoop loop;
            QObject::connect(&exporter, &AuditExport::finished, &loop, [&](const AuditExportResult &r) {
                result = r;
                loop.quit();
            });
            const QString path = tmp.filePath(f.file);
            Phase exporting(serverPid);
            if (!exporter.start(filter, f.format, path))
                die(QStringLiteral("export did not start: %1").arg(exporter.errorString()));
            if (!result)
                loop.exec();
            const double s = exporting.seconds();
            if (result->outcome != AuditExportResult::Outcome::Written)
                die(QStringLiteral("export failed: %1").arg(result->message));
            const double mb = double(QFileInfo(path).size()) / 1e6;
            print(QStringLiteral("  %1 %2 events, %3 MB in %4 s: %5 events/s, %6 MB/s; %7")
                      .arg(f.name, -10).arg(grouped(result->events), num(mb, 1), num(s, 2),
                                             grouped(qint64(double(result->events) / s)), num(mb / s, 1),
                                             exporting.cpu()));
            QFile::remove(path);
        }
    }

    print(QString());
    print(QStringLiteral("load average at end: %1").arg(loadAverage()));
    server.terminate();
    if (!server.waitForFinished(30'000)) {
        server.kill();
        server.waitForFinished();
        die(QStringLiteral("the server did not stop on SIGTERM"));
    }
    if (server.exitStatus() != QProcess::NormalExit || server.exitCode() != 0)
        die(QStringLiteral("the server exited with status %1").arg(server.exitCode()));
    if (keep)
        print(QStringLiteral("kept: %1 (database %2)").arg(tmp.path(), dbPath));
    return 0;
}

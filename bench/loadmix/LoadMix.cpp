// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoadMix.h"

#include "AuditChain.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include <sys/resource.h>
#include <unistd.h>

namespace keyward::bench {

namespace {

constexpr int ShownExamples = 5; // examples printed per kind of problem
constexpr int KeyPageSize = 100; // GET /secret-keys page size while verifying
constexpr int ChainPageSize = 1000; // GET /audit-events/chain page size
constexpr int RecheckDelayMs = 2'000; // a revoked key that still worked is tried again after this

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

QString ms(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 2);
}

// Nearest-rank percentile of sorted samples.
qint64 percentile(const std::vector<qint64> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    auto rank = qsizetype(std::ceil(p * double(sorted.size())));
    rank = std::clamp<qsizetype>(rank, 1, qsizetype(sorted.size()));
    return sorted[size_t(rank - 1)];
}

QJsonObject jsonObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

double cpuSeconds()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
        + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// CPU time (user + system, clock ticks) of a process and all its descendants, the reaped ones
// included (their time is in their parent's cutime/cstime). 0 where /proc is not there.
qint64 treeTicks(qint64 root)
{
    QHash<qint64, QList<qint64>> children;
    QHash<qint64, qint64> ticks;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = f.readAll();
        const qsizetype close = line.lastIndexOf(')');
        if (close < 0)
            continue;
        // From field 3 (state) on: ppid is field 4, utime, stime, cutime, cstime fields 14-17.
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() < 15)
            continue;
        children[fields[1].toLongLong()].append(pid);
        ticks.insert(pid,
            fields[11].toLongLong() + fields[12].toLongLong() + fields[13].toLongLong()
                + fields[14].toLongLong());
    }
    qint64 sum = 0;
    QList<qint64> todo { root };
    QSet<qint64> seen;
    while (!todo.isEmpty()) {
        const qint64 pid = todo.takeLast();
        if (seen.contains(pid) || !ticks.contains(pid))
            continue;
        seen.insert(pid);
        sum += ticks.value(pid);
        todo.append(children.value(pid));
    }
    return sum;
}

// Busy and total jiffies of all CPUs together (/proc/stat); busy excludes idle and iowait.
std::pair<qint64, qint64> machineTicks()
{
    QFile f(QStringLiteral("/proc/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return { 0, 0 };
    const QList<QByteArray> fields = f.readLine().simplified().split(' ');
    if (fields.size() < 6 || fields[0] != "cpu")
        return { 0, 0 };
    qint64 total = 0;
    for (qsizetype i = 1; i < fields.size() && i <= 8; ++i)
        total += fields[i].toLongLong();
    const qint64 idle = fields[4].toLongLong() + fields[5].toLongLong();
    return { total - idle, total };
}

void waitMs(int msecs)
{
    QEventLoop loop;
    QTimer::singleShot(msecs, &loop, &QEventLoop::quit);
    loop.exec();
}

bool is2xx(int status)
{
    return status >= 200 && status < 300;
}

} // namespace

LoadMix::LoadMix(Options options)
    : m_o(std::move(options))
    , m_random(m_o.seed)
{
    for (int w : m_o.weights)
        m_weightSum += w;
    m_pool.resize(size_t(m_o.bases.size()));
}

LoadMix::~LoadMix()
{
    for (RunKey &k : m_keys)
        k.secret.fill('\0');
}

QString LoadMix::opName(Op op)
{
    switch (op) {
    case Create:
        return QStringLiteral("POST /secret-keys");
    case List:
        return QStringLiteral("GET /secret-keys");
    case Revoke:
        return QStringLiteral("POST …/revoke");
    case PayKey:
        return QStringLiteral("GET /payments (run key)");
    case PayJwt:
        return QStringLiteral("GET /payments (JWT)");
    case OpCount:
        break;
    }
    return {};
}

QString LoadMix::mixName(Op op)
{
    switch (op) {
    case Create:
        return QStringLiteral("create");
    case List:
        return QStringLiteral("list");
    case Revoke:
        return QStringLiteral("revoke");
    case PayKey:
        return QStringLiteral("payments");
    case PayJwt:
        return QStringLiteral("jwt");
    case OpCount:
        break;
    }
    return {};
}

HttpConnection::Headers LoadMix::admin() const
{
    return { { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_o.adminKey } };
}

QString LoadMix::describe(const HttpResponse &r)
{
    if (r.status == 0)
        return QStringLiteral("no answer (%1)").arg(r.transportError);
    // Error bodies carry a code, a sentence and the request id, never a credential.
    const QJsonObject o = jsonObject(r.body);
    const QJsonObject e = o.value(QLatin1String("error")).toObject();
    if (e.isEmpty())
        return QStringLiteral("HTTP %1").arg(r.status);
    return QStringLiteral("HTTP %1 %2: %3 (%4)")
        .arg(r.status)
        .arg(str(e, "code"), str(e, "message"), str(o, "requestId"));
}

void LoadMix::problem(const QString &text)
{
    print(QStringLiteral("  FAILED: ") + text);
}

HttpConnection *LoadMix::connectionFor(Client &c, int base)
{
    HttpConnection *&conn = c.connections[size_t(base)];
    if (!conn) {
        const Endpoint &e = m_o.bases[base];
        m_owned.push_back(std::make_unique<HttpConnection>(e.host, e.port, m_o.timeoutMs));
        conn = m_owned.back().get();
    }
    return conn;
}

int LoadMix::run()
{
    const qsizetype nBases = m_o.bases.size();
    QStringList bases;
    for (const Endpoint &e : m_o.bases)
        bases.append(e.display);
    QStringList mix;
    for (int i = 0; i < OpCount; ++i)
        mix.append(QStringLiteral("%1=%2").arg(mixName(Op(i))).arg(m_o.weights[size_t(i)]));
    print(QStringLiteral("keyward-bench-loadmix: run %1, %2 client(s) over %3 instance(s) (%4); bounds %5 s "
                         "and %6 requests; mix %7")
              .arg(m_o.runId)
              .arg(m_o.clients)
              .arg(nBases)
              .arg(bases.join(QStringLiteral(", ")))
              .arg(m_o.seconds)
              .arg(m_o.maxRequests)
              .arg(mix.join(QLatin1Char(','))));

    for (int i = 0; i < m_o.clients; ++i) {
        auto c = std::make_unique<Client>();
        c->index = i;
        c->home = int(i % nBases);
        c->connections.resize(size_t(nBases), nullptr);
        m_clients.push_back(std::move(c));
    }

    // Load.
    QList<qint64> watchedBefore;
    for (const auto &[label, pid] : std::as_const(m_o.cpuPids))
        watchedBefore.append(treeTicks(pid));
    const auto machineBefore = machineTicks();
    const double cpuBefore = cpuSeconds();
    QEventLoop loop;
    m_loadLoop = &loop;
    m_clock.start();
    for (auto &c : m_clients)
        step(*c);
    if (m_inFlight > 0
        || std::any_of(m_clients.begin(), m_clients.end(), [](const auto &c) { return !c->done; }))
        loop.exec();
    m_loadLoop = nullptr;
    if (m_loadNs == 0)
        m_loadNs = m_clock.nsecsElapsed();
    const double loadCpu = cpuSeconds() - cpuBefore;
    const auto machineAfter = machineTicks();
    QMap<QString, double> watchedCpu; // seconds, by label
    const double tick = double(sysconf(_SC_CLK_TCK));
    for (qsizetype i = 0; i < m_o.cpuPids.size(); ++i)
        watchedCpu[m_o.cpuPids[i].first]
            += double(treeTicks(m_o.cpuPids[i].second) - watchedBefore[i]) / tick;
    const qint64 machineTotal = machineAfter.second - machineBefore.second;
    const double machineBusy = machineTotal > 0
        ? 100.0 * double(machineAfter.first - machineBefore.first) / double(machineTotal)
        : 0;
    for (auto &c : m_clients) {
        for (HttpConnection *&conn : c->connections)
            conn = nullptr; // idle now; the verification opens its own
    }
    m_owned.clear();
    printReport();
    QStringList cpuParts;
    QStringList cpuFields;
    for (auto it = watchedCpu.cbegin(); it != watchedCpu.cend(); ++it) {
        cpuParts.append(QStringLiteral("%1 %2 s").arg(it.key()).arg(it.value(), 0, 'f', 2));
        cpuFields.append(QStringLiteral("cpu_%1=%2").arg(it.key()).arg(it.value(), 0, 'f', 2));
    }
    cpuParts.append(QStringLiteral("this tool %1 s").arg(loadCpu, 0, 'f', 2));
    cpuFields.append(QStringLiteral("cpu_tool=%1").arg(loadCpu, 0, 'f', 2));
    cpuFields.append(QStringLiteral("machine_busy_pct=%1").arg(machineBusy, 0, 'f', 0));
    print(QStringLiteral(
        "CPU time during the %1 s of load: %2; all %3 CPU(s) together %4 % busy (everything on the machine)")
              .arg(double(m_loadNs) / 1e9, 0, 'f', 2)
              .arg(cpuParts.join(QStringLiteral(", ")))
              .arg(sysconf(_SC_NPROCESSORS_ONLN))
              .arg(machineBusy, 0, 'f', 0));

    // Verification.
    print(QStringLiteral("verification:"));
    const bool keysOk = verifyKeyLists();
    const bool revokedOk = verifyRevocations();
    const bool chainOk = verifyAuditChain();
    const bool verified = keysOk && revokedOk && chainOk;

    qint64 all = 0, errors = 0, limited = 0;
    std::vector<qint64> latencies;
    for (const OpStats &s : m_stats) {
        all += s.answered;
        latencies.insert(latencies.end(), s.latencyNs.begin(), s.latencyNs.end());
        for (auto it = s.byStatus.cbegin(); it != s.byStatus.cend(); ++it)
            (it.key() == 429 ? limited : errors) += it.value();
    }
    std::sort(latencies.begin(), latencies.end());
    const bool clean = m_unexpected == 0;
    if (!clean)
        print(
            QStringLiteral("FAILED: %1 unexpected answer(s) during the load (see above)").arg(m_unexpected));
    print(QStringLiteral(
        "loadmix-summary: run=%1 instances=%2 clients=%3 requests=%4 seconds=%5 rps=%6 p50_ms=%7 p99_ms=%8 "
        "errors=%9 rate_limited=%10 keys_created=%11 keys_revoked=%12 %13 verify=%14")
              .arg(m_o.runId)
              .arg(nBases)
              .arg(m_o.clients)
              .arg(all)
              .arg(double(m_loadNs) / 1e9, 0, 'f', 2)
              .arg(double(all) / (double(m_loadNs) / 1e9), 0, 'f', 1)
              .arg(ms(percentile(latencies, 0.50)), ms(percentile(latencies, 0.99)))
              .arg(errors)
              .arg(limited)
              .arg(m_keys.size())
              .arg(std::count_if(
                  m_keys.begin(), m_keys.end(), [](const RunKey &k) { return k.state == RunKey::Revoked; }))
              .arg(cpuFields.join(QLatin1Char(' ')))
              .arg(verified ? QStringLiteral("ok") : QStringLiteral("FAILED")));
    return verified && clean ? 0 : 1;
}

void LoadMix::step(Client &c)
{
    if (c.done)
        return;
    if (m_clock.nsecsElapsed() >= qint64(m_o.seconds) * 1'000'000'000 || m_issued >= m_o.maxRequests) {
        c.done = true;
        finishLoad();
        return;
    }
    int pick = int(m_random.bounded(quint32(m_weightSum)));
    Op op = Create;
    for (int i = 0; i < OpCount; ++i) {
        if (pick < m_o.weights[size_t(i)]) {
            op = Op(i);
            break;
        }
        pick -= m_o.weights[size_t(i)];
    }
    // A client revokes only while it keeps a key for GET /payments, and creates one when it has none.
    if ((op == Revoke && c.live.size() < 2) || (op == PayKey && c.live.isEmpty()))
        op = Create;
    issue(c, op);
}

void LoadMix::finishLoad()
{
    if (m_inFlight > 0)
        return;
    for (const auto &c : m_clients) {
        if (!c->done)
            return;
    }
    m_loadNs = m_clock.nsecsElapsed();
    if (m_loadLoop)
        m_loadLoop->quit();
}

void LoadMix::issue(Client &c, Op op)
{
    ++m_issued;
    ++m_inFlight;
    int base = c.home;
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray target;
    QByteArray body;
    HttpConnection::Headers headers;
    int keyIndex = -1;
    QString note;
    switch (op) {
    case Create:
        note = QStringLiteral("loadmix-%1 c%2-%3").arg(m_o.runId).arg(c.index).arg(c.created++);
        method = QByteArrayLiteral("POST");
        target = QByteArrayLiteral("/secret-keys");
        body = QJsonDocument(
            QJsonObject { { QStringLiteral("note"), note },
                { QStringLiteral("permissions"), QJsonArray { QStringLiteral("payments:read") } } })
                   .toJson(QJsonDocument::Compact);
        headers = admin();
        break;
    case List:
        target = QByteArrayLiteral("/secret-keys?limit=20");
        headers = admin();
        break;
    case Revoke:
        keyIndex = c.live.takeFirst(); // the oldest: most likely used on every instance already
        method = QByteArrayLiteral("POST");
        target = QByteArrayLiteral("/secret-keys/") + m_keys[size_t(keyIndex)].id.toLatin1()
            + QByteArrayLiteral("/revoke");
        body = QByteArrayLiteral("{\"reason\":\"keyward-bench-loadmix\"}");
        headers = admin();
        break;
    case PayKey: {
        keyIndex = c.live[qsizetype(m_random.bounded(quint32(c.live.size())))];
        ++c.payments;
        base = int((c.home + c.payments) % m_o.bases.size()); // a run key is used on every instance in turn
        target = QByteArrayLiteral("/payments");
        const QByteArray &secret = m_keys[size_t(keyIndex)].secret;
        // Both ways of sending a key, in turn.
        if (c.payments % 2)
            headers = { { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + secret } };
        else
            headers = { { QByteArrayLiteral("api-key"), secret } };
        break;
    }
    case PayJwt:
        target = QByteArrayLiteral("/payments");
        headers = { { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_o.token } };
        break;
    case OpCount:
        Q_UNREACHABLE();
    }
    HttpConnection *conn = connectionFor(c, base);
    Client *client = &c;
    conn->send(
        method, target, headers, body, [this, client, conn, op, keyIndex, note](const HttpResponse &r) {
            --m_inFlight;
            OpStats &s = m_stats[size_t(op)];
            ++s.answered;
            s.latencyNs.push_back(r.elapsedNs);
            bool expected = is2xx(r.status);
            if (expected) {
                ++s.ok;
            } else {
                ++s.byStatus[r.status];
            }
            switch (op) {
            case Create:
                if (is2xx(r.status)) {
                    const QJsonObject o = jsonObject(r.body);
                    RunKey k;
                    k.id = str(o, "id");
                    k.secret = str(o, "secret").toLatin1();
                    k.note = str(o, "note");
                    k.client = client->index;
                    if (!k.id.startsWith(QLatin1String("key_")) || k.secret.isEmpty() || k.note != note) {
                        expected = false;
                        ++m_unknownCreates; // it exists, but not as answered
                        if (m_sampleErrors.size() < 10)
                            m_sampleErrors.append(
                                QStringLiteral("%1: a 2xx answer without the key's id, secret or note")
                                    .arg(opName(op)));
                    } else {
                        client->live.append(int(m_keys.size()));
                        m_keys.push_back(std::move(k));
                    }
                } else if (r.status == 0) {
                    ++m_unknownCreates;
                }
                break;
            case Revoke: {
                RunKey &k = m_keys[size_t(keyIndex)];
                if (is2xx(r.status)) {
                    k.state = RunKey::Revoked;
                    m_lastRevokeNs = m_clock.nsecsElapsed();
                } else {
                    k.state = RunKey::Unknown; // out of the run, and of the checks that need its state
                }
                break;
            }
            case List:
            case PayKey:
            case PayJwt:
            case OpCount:
                break;
            }
            if (!expected && !(r.status == 429 && m_o.allowRateLimited)) {
                ++m_unexpected;
                if (m_sampleErrors.size() < 10 && !is2xx(r.status))
                    m_sampleErrors.append(QStringLiteral("%1: %2").arg(opName(op), describe(r)));
            }
            // Next request from the event loop, not from this call stack.
            QMetaObject::invokeMethod(
                conn, [this, client] { step(*client); }, Qt::QueuedConnection);
        });
}

void LoadMix::printReport()
{
    const double seconds = double(m_loadNs) / 1e9;
    print(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
              .arg(QStringLiteral("operation"), -26)
              .arg(QStringLiteral("requests"), 9)
              .arg(QStringLiteral("req/s"), 9)
              .arg(QStringLiteral("p50 ms"), 8)
              .arg(QStringLiteral("p99 ms"), 8)
              .arg(QStringLiteral("max ms"), 8)
              .arg(QStringLiteral("errors"), 7)
              .arg(QStringLiteral("429"), 6));
    OpStats total;
    auto row = [&](const QString &name, OpStats &s) {
        std::sort(s.latencyNs.begin(), s.latencyNs.end());
        qint64 errors = 0;
        const qint64 limited = s.byStatus.value(429);
        for (auto it = s.byStatus.cbegin(); it != s.byStatus.cend(); ++it)
            errors += it.key() == 429 ? 0 : it.value();
        print(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
                  .arg(name, -26)
                  .arg(s.answered, 9)
                  .arg(double(s.answered) / seconds, 9, 'f', 1)
                  .arg(ms(percentile(s.latencyNs, 0.50)), 8)
                  .arg(ms(percentile(s.latencyNs, 0.99)), 8)
                  .arg(ms(s.latencyNs.empty() ? 0 : s.latencyNs.back()), 8)
                  .arg(errors, 7)
                  .arg(limited, 6));
    };
    for (int i = 0; i < OpCount; ++i) {
        OpStats &s = m_stats[size_t(i)];
        row(opName(Op(i)), s);
        total.answered += s.answered;
        total.ok += s.ok;
        for (auto it = s.byStatus.cbegin(); it != s.byStatus.cend(); ++it)
            total.byStatus[it.key()] += it.value();
        total.latencyNs.insert(total.latencyNs.end(), s.latencyNs.begin(), s.latencyNs.end());
    }
    row(QStringLiteral("all"), total);
    QStringList byStatus;
    for (int i = 0; i < OpCount; ++i) {
        const OpStats &s = m_stats[size_t(i)];
        for (auto it = s.byStatus.cbegin(); it != s.byStatus.cend(); ++it)
            byStatus.append(
                QStringLiteral("%1 %2 × %3")
                    .arg(opName(Op(i)), it.key() ? QString::number(it.key()) : QStringLiteral("no answer"))
                    .arg(it.value()));
    }
    print(QStringLiteral("answers other than 2xx: %1")
              .arg(byStatus.isEmpty() ? QStringLiteral("none") : byStatus.join(QStringLiteral("; "))));
    for (const QString &e : std::as_const(m_sampleErrors))
        print(QStringLiteral("  e.g. ") + e);
    const auto revoked = std::count_if(
        m_keys.begin(), m_keys.end(), [](const RunKey &k) { return k.state == RunKey::Revoked; });
    print(QStringLiteral("keys created in this run: %1 (%2 revoked); %3 request(s) issued")
              .arg(m_keys.size())
              .arg(revoked)
              .arg(m_issued));
}

HttpResponse LoadMix::callOne(const Call &call)
{
    return callAll({ call }, 1).constFirst();
}

QList<HttpResponse> LoadMix::callAll(const QList<Call> &calls, int concurrency)
{
    QList<HttpResponse> results(calls.size());
    if (calls.isEmpty())
        return results;
    QEventLoop loop;
    qsizetype next = 0;
    qsizetype finished = 0;
    std::function<void(int)> go = [&](int worker) {
        if (next >= calls.size())
            return;
        const qsizetype i = next++;
        const Call &call = calls[i];
        std::vector<HttpConnection *> &connections = m_pool[size_t(call.base)];
        while (connections.size() <= size_t(worker)) {
            const Endpoint &e = m_o.bases[call.base];
            m_owned.push_back(std::make_unique<HttpConnection>(e.host, e.port, m_o.timeoutMs));
            connections.push_back(m_owned.back().get());
        }
        connections[size_t(worker)]->send(
            call.method, call.target, call.headers, call.body, [&, i, worker](const HttpResponse &r) {
                results[i] = r;
                if (++finished == calls.size())
                    loop.quit();
                else
                    QMetaObject::invokeMethod(
                        &loop, [&go, worker] { go(worker); }, Qt::QueuedConnection);
            });
    };
    const int workers = int(std::min<qsizetype>(std::max(concurrency, 1), calls.size()));
    for (int w = 0; w < workers; ++w)
        go(w);
    loop.exec();
    return results;
}

bool LoadMix::verifyKeyLists()
{
    const QString tag = QStringLiteral("loadmix-%1 ").arg(m_o.runId);
    const qint64 maxPages = 2 * (qint64(m_keys.size()) + qint64(m_o.maxRequests)) / KeyPageSize + 100;
    bool ok = true;
    qint64 listedOnFirst = 0;
    for (int b = 0; b < m_o.bases.size(); ++b) {
        const QString where = m_o.bases[b].display;
        QHash<QString, int> timesListed;
        QHash<QString, int> notesListed;
        QHash<QString, QString> status;
        QString cursor;
        bool more = true;
        qint64 pages = 0;
        qint64 listed = 0;
        while (more) {
            if (++pages > maxPages) {
                problem(QStringLiteral("%1: GET /secret-keys still has more after %2 pages")
                            .arg(where)
                            .arg(maxPages));
                ok = false;
                break;
            }
            QByteArray target = QByteArrayLiteral("/secret-keys?limit=") + QByteArray::number(KeyPageSize);
            if (!cursor.isEmpty())
                target += QByteArrayLiteral("&starting_after=") + QUrl::toPercentEncoding(cursor);
            const HttpResponse r = callOne({ b, QByteArrayLiteral("GET"), target, admin() });
            if (r.status != 200) {
                problem(QStringLiteral("%1: GET /secret-keys page %2: %3")
                            .arg(where)
                            .arg(pages)
                            .arg(describe(r)));
                ok = false;
                break;
            }
            const QJsonObject page = jsonObject(r.body);
            const QJsonArray data = page.value(QLatin1String("data")).toArray();
            for (const QJsonValue &v : data) {
                const QJsonObject key = v.toObject();
                const QString id = str(key, "id");
                const QString note = str(key, "note");
                ++listed;
                ++timesListed[id];
                status.insert(id, str(key, "status"));
                if (note.startsWith(tag))
                    ++notesListed[note];
            }
            more = page.value(QLatin1String("has_more")).toBool();
            cursor = str(page, "next_cursor");
            if (more && cursor.isEmpty()) {
                problem(QStringLiteral("%1: GET /secret-keys has_more without next_cursor").arg(where));
                ok = false;
                break;
            }
        }
        if (b == 0)
            listedOnFirst = listed;
        QStringList twice, missing, wrongStatus, duplicateNotes;
        for (auto it = timesListed.cbegin(); it != timesListed.cend(); ++it) {
            if (it.value() > 1)
                twice.append(QStringLiteral("%1 (%2 times)").arg(it.key()).arg(it.value()));
        }
        for (const RunKey &k : m_keys) {
            const int n = timesListed.value(k.id);
            if (n == 0) {
                missing.append(k.id);
                continue;
            }
            const QString s = status.value(k.id);
            const QString want
                = k.state == RunKey::Revoked ? QStringLiteral("revoked") : QStringLiteral("active");
            if (k.state != RunKey::Unknown && s != want)
                wrongStatus.append(QStringLiteral("%1 is %2, not %3").arg(k.id, s, want));
        }
        for (auto it = notesListed.cbegin(); it != notesListed.cend(); ++it) {
            if (it.value() > 1)
                duplicateNotes.append(QStringLiteral("\"%1\" (%2 keys)").arg(it.key()).arg(it.value()));
        }
        qint64 tagged = 0;
        for (auto it = notesListed.cbegin(); it != notesListed.cend(); ++it)
            tagged += it.value();
        // Keys with this run's tag that no 2xx answer told us about.
        const qint64 extra = tagged - qint64(m_keys.size() - size_t(missing.size()));
        auto report = [&](const QStringList &items, const QString &what) {
            if (items.isEmpty())
                return;
            ok = false;
            problem(QStringLiteral("%1: %2 %3, e.g. %4")
                        .arg(where)
                        .arg(items.size())
                        .arg(what, items.mid(0, ShownExamples).join(QStringLiteral(", "))));
        };
        report(twice, QStringLiteral("key(s) listed more than once"));
        report(missing, QStringLiteral("key(s) created (2xx) but not listed"));
        report(wrongStatus, QStringLiteral("key(s) listed with the wrong status"));
        report(duplicateNotes,
            QStringLiteral("note(s) of this run on more than one key (a creation done twice)"));
        if (extra > m_unknownCreates) {
            ok = false;
            problem(QStringLiteral("%1: %2 key(s) carry this run's tag but were never answered 2xx (%3 "
                                   "creation(s) had no answer)")
                        .arg(where)
                        .arg(extra)
                        .arg(m_unknownCreates));
        }
    }
    if (ok)
        print(QStringLiteral("  keys: all %1 keys created in this run are listed exactly once, with the "
                             "right status, on every "
                             "instance (%2 keys listed per instance); no other key carries the run's tag")
                  .arg(m_keys.size())
                  .arg(listedOnFirst));
    return ok;
}

bool LoadMix::verifyRevocations()
{
    if (m_lastRevokeNs >= 0) {
        const qint64 waitNs = m_lastRevokeNs + qint64(m_o.revokeGraceMs) * 1'000'000 - m_clock.nsecsElapsed();
        if (waitNs > 0)
            waitMs(int(waitNs / 1'000'000) + 1);
    }
    const qint64 sinceLastMs
        = m_lastRevokeNs < 0 ? -1 : (m_clock.nsecsElapsed() - m_lastRevokeNs) / 1'000'000;
    QList<Call> calls;
    QList<std::pair<size_t, int>> what; // key index, base
    for (size_t i = 0; i < m_keys.size(); ++i) {
        const RunKey &k = m_keys[i];
        if (k.state == RunKey::Unknown)
            continue;
        for (int b = 0; b < m_o.bases.size(); ++b) {
            HttpConnection::Headers h;
            if ((i + size_t(b)) % 2)
                h = { { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + k.secret } };
            else
                h = { { QByteArrayLiteral("api-key"), k.secret } };
            calls.append({ b, QByteArrayLiteral("GET"), QByteArrayLiteral("/me"), h });
            what.append({ i, b });
        }
    }
    const int concurrency = std::clamp(m_o.clients, 4, 64);
    const QList<HttpResponse> answers = callAll(calls, concurrency);
    QStringList stillWorking, refused, other;
    QList<qsizetype> recheck;
    qint64 revokedChecked = 0, liveChecked = 0;
    for (qsizetype j = 0; j < answers.size(); ++j) {
        const RunKey &k = m_keys[what[j].first];
        const QString where = m_o.bases[what[j].second].display;
        const int status = answers[j].status;
        if (k.state == RunKey::Revoked) {
            ++revokedChecked;
            if (status == 200) {
                stillWorking.append(QStringLiteral("%1 on %2").arg(k.id, where));
                recheck.append(j);
            } else if (status != 401) {
                other.append(QStringLiteral("revoked %1 on %2: %3").arg(k.id, where, describe(answers[j])));
            }
        } else {
            ++liveChecked;
            if (status == 401)
                refused.append(QStringLiteral("%1 on %2").arg(k.id, where));
            else if (status != 200)
                other.append(QStringLiteral("live %1 on %2: %3").arg(k.id, where, describe(answers[j])));
        }
    }
    bool ok = true;
    if (!stillWorking.isEmpty()) {
        ok = false;
        problem(QStringLiteral(
            "%1 revoked key(s) still answered 200 on GET /me %2 ms after the last revocation, e.g. %3")
                    .arg(stillWorking.size())
                    .arg(sinceLastMs)
                    .arg(stillWorking.mid(0, ShownExamples).join(QStringLiteral(", "))));
        waitMs(RecheckDelayMs);
        QList<Call> again;
        for (qsizetype j : std::as_const(recheck))
            again.append(calls[j]);
        const QList<HttpResponse> later = callAll(again, concurrency);
        const auto still = std::count_if(
            later.begin(), later.end(), [](const HttpResponse &r) { return r.status == 200; });
        problem(QStringLiteral("  %1 s later, %2 of them still answer 200")
                    .arg(RecheckDelayMs / 1000)
                    .arg(still));
    }
    if (!refused.isEmpty()) {
        ok = false;
        problem(QStringLiteral("%1 live key(s) created in this run answered 401, e.g. %2")
                    .arg(refused.size())
                    .arg(refused.mid(0, ShownExamples).join(QStringLiteral(", "))));
    }
    if (!other.isEmpty()) {
        ok = false;
        problem(QStringLiteral("%1 unexpected answer(s) while checking keys, e.g. %2")
                    .arg(other.size())
                    .arg(other.mid(0, ShownExamples).join(QStringLiteral("; "))));
    }
    if (ok)
        print(QStringLiteral(
            "  revocation: all %1 checks of revoked keys answered 401 and all %2 checks of live keys 200 "
            "(GET /me on every instance, %3)")
                  .arg(revokedChecked)
                  .arg(liveChecked)
                  .arg(sinceLastMs < 0
                          ? QStringLiteral("no revocation in this run")
                          : QStringLiteral("from %1 ms after the last revocation").arg(sinceLastMs)));
    return ok;
}

bool LoadMix::verifyAuditChain()
{
    bool ok = true;
    QList<QStringList> hashesPerBase;
    QHash<QString, size_t> created;
    for (size_t i = 0; i < m_keys.size(); ++i)
        created.insert(m_keys[i].id, i);
    for (int b = 0; b < m_o.bases.size(); ++b) {
        const QString where = m_o.bases[b].display;
        const HttpResponse headAnswer
            = callOne({ b, QByteArrayLiteral("GET"), QByteArrayLiteral("/audit-events/head"), admin() });
        if (headAnswer.status != 200) {
            problem(QStringLiteral("%1: GET /audit-events/head: %2").arg(where, describe(headAnswer)));
            ok = false;
            hashesPerBase.append(QStringList());
            continue;
        }
        const QJsonObject head = jsonObject(headAnswer.body);
        QList<QJsonObject> events;
        qint64 after = 0;
        bool more = true;
        const qint64 maxPages = 10 * (qint64(m_o.maxRequests) + 100'000) / ChainPageSize;
        qint64 pages = 0;
        while (more) {
            if (++pages > maxPages) {
                problem(
                    QStringLiteral("%1: the chain still has more after %2 pages").arg(where).arg(maxPages));
                ok = false;
                break;
            }
            const QByteArray target = QByteArrayLiteral("/audit-events/chain?after_seq=")
                + QByteArray::number(after) + QByteArrayLiteral("&limit=")
                + QByteArray::number(ChainPageSize);
            const HttpResponse r = callOne({ b, QByteArrayLiteral("GET"), target, admin() });
            if (r.status != 200) {
                problem(QStringLiteral("%1: GET /audit-events/chain after %2: %3")
                            .arg(where)
                            .arg(after)
                            .arg(describe(r)));
                ok = false;
                break;
            }
            const QJsonObject page = jsonObject(r.body);
            const QJsonArray data = page.value(QLatin1String("data")).toArray();
            for (const QJsonValue &v : data)
                events.append(v.toObject());
            more = page.value(QLatin1String("has_more")).toBool();
            const QJsonValue next = page.value(QLatin1String("next_after_seq"));
            if (more && (!next.isDouble() || qint64(next.toDouble()) <= after)) {
                problem(QStringLiteral("%1: the chain page after %2 has more but no later next_after_seq")
                            .arg(where)
                            .arg(after));
                ok = false;
                break;
            }
            after = qint64(next.toDouble());
        }
        const AuditChain::Verification v = AuditChain::verify(events, AuditChain::genesisHash());
        if (!v.ok) {
            ok = false;
            problem(QStringLiteral("%1: the audit chain does not verify at event %2 (index %3 of %4): %5")
                        .arg(where, v.firstBadId)
                        .arg(v.firstBadIndex)
                        .arg(events.size())
                        .arg(v.reason));
        }
        // The signed head names an event of the chain we read (the chain may have grown since).
        const QString headId = str(head, "id");
        const auto at = std::find_if(
            events.cbegin(), events.cend(), [&](const QJsonObject &e) { return str(e, "id") == headId; });
        if (at == events.cend() || str(*at, "hash") != str(head, "hash")) {
            ok = false;
            problem(QStringLiteral("%1: the head (%2) is not an event of the chain with the same hash")
                        .arg(where, headId));
        }
        // Exactly one creation event per key created, one revocation event per key revoked.
        QHash<QString, int> createdEvents, revokedEvents;
        QStringList hashes;
        hashes.reserve(events.size());
        for (const QJsonObject &e : std::as_const(events)) {
            hashes.append(str(e, "hash"));
            const QString action = str(e, "action");
            const QString targetId
                = e.value(QLatin1String("target")).toObject().value(QLatin1String("id")).toString();
            if (!created.contains(targetId))
                continue;
            if (action == QLatin1String("secret_key.created"))
                ++createdEvents[targetId];
            else if (action == QLatin1String("secret_key.revoked"))
                ++revokedEvents[targetId];
        }
        QStringList wrong;
        for (const RunKey &k : m_keys) {
            const int c = createdEvents.value(k.id);
            const int r = revokedEvents.value(k.id);
            const bool revokedOk = k.state == RunKey::Revoked ? r == 1
                : k.state == RunKey::Live                     ? r == 0
                                                              : r <= 1;
            if (c != 1 || !revokedOk)
                wrong.append(QStringLiteral("%1 (%2 created, %3 revoked event(s))").arg(k.id).arg(c).arg(r));
        }
        if (!wrong.isEmpty()) {
            ok = false;
            problem(QStringLiteral(
                "%1: %2 key(s) of this run without exactly one creation event and one revocation event "
                "per revocation, e.g. %3")
                        .arg(where)
                        .arg(wrong.size())
                        .arg(wrong.mid(0, ShownExamples).join(QStringLiteral(", "))));
        }
        if (v.ok && b == 0)
            print(QStringLiteral(
                "  audit chain: %1 events verify from the genesis hash to the signed head (%2 stubs of other "
                "organisations); one creation event per key created, one revocation event per key revoked")
                      .arg(events.size())
                      .arg(v.redacted));
        hashesPerBase.append(hashes);
    }
    // Every instance serves the same chain: the shorter read is a prefix of the longer.
    for (qsizetype b = 1; b < hashesPerBase.size(); ++b) {
        const QStringList &first = hashesPerBase.constFirst();
        const QStringList &other = hashesPerBase[b];
        const qsizetype n = std::min(first.size(), other.size());
        if (n > 0 && first[n - 1] != other[n - 1]) {
            ok = false;
            problem(QStringLiteral("%1 and %2 serve different chains (event %3 differs)")
                        .arg(m_o.bases.constFirst().display, m_o.bases[b].display)
                        .arg(n));
        } else if (n > 0 && b == 1) {
            print(QStringLiteral("  audit chain: every instance serves the same chain"));
        }
    }
    return ok;
}

} // namespace keyward::bench

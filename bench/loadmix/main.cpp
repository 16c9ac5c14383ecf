// SPDX-License-Identifier: GPL-3.0-or-later
// keyward-bench-loadmix: a mixed load on one or more keyward-server instances that share one
// database, then checks that nothing was lost, doubled or left working.
//
//   keyward-bench-loadmix --base http://127.0.0.1:PORT [--base …] [--clients N] [--seconds S]
//                         [--max-requests M] --admin-key-file PATH [--token-file PATH]
//                         [--mix create=2,list=2,revoke=1,payments=6,jwt=3] [--run-id ID]
//
// N clients (each one request at a time, on one keep-alive connection per instance, spread over
// the instances) draw operations from the mix until S seconds have passed or M requests were
// sent, whichever comes first:
//   create    POST /secret-keys, a payments:read key whose note carries the run id
//   list      GET /secret-keys?limit=20
//   revoke    POST /secret-keys/{id}/revoke, the client's oldest key of this run
//   payments  GET /payments with one of the client's keys of this run, on each instance in turn,
//             as "Authorization: Bearer" and "api-key" in turn
//   jwt       GET /payments with the access token
// It prints requests/s, p50/p99/max latency per operation and overall, and the answers other than
// 2xx by status (429 apart). Then it verifies, on every instance:
//   - each key created (2xx) is listed exactly once by GET /secret-keys (paged to the end), with
//     status revoked or active as the run left it, and no other key carries the run's tag;
//   - from --revoke-grace-ms (1000) after the last revocation, each revoked key answers 401 on
//     GET /me and each other key of the run 200;
//   - GET /audit-events/chain from seq 0 verifies end to end (keyward::AuditChain::verify from
//     the genesis hash), its last events include the signed head's, the instances serve the same
//     chain, and there is exactly one secret_key.created event per key created and one
//     secret_key.revoked per key revoked.
// Exit status 0 when the load had only 2xx answers (429 too with --allow-rate-limited) and every
// check passed; 1 otherwise; 2 for bad options. Loopback only. The admin key (secret_keys:write,
// secret_keys:read, payments:read, audit_log:read) and the access token are read from files or
// the environment (KEYWARD_BENCH_ADMIN_KEY, KEYWARD_BENCH_TOKEN), never from the command line,
// and neither they nor the keys created are ever printed.
#include "LoadMix.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

using keyward::bench::Endpoint;
using keyward::bench::LoadMix;

namespace {

[[noreturn]] void usageError(const QString &message)
{
    std::fprintf(stderr, "keyward-bench-loadmix: %s\n", qPrintable(message));
    std::exit(2);
}

// A credential from a file (first line, trimmed) or, without one, from the environment.
QByteArray readSecret(const QString &file, const char *variable, const QString &what)
{
    if (!file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            usageError(QStringLiteral("cannot read the %1 file %2: %3").arg(what, file, f.errorString()));
        const QByteArray content = f.read(64 * 1024);
        return content.left(content.indexOf('\n') < 0 ? content.size() : content.indexOf('\n')).trimmed();
    }
    return qgetenv(variable).trimmed();
}

bool isPrintableAscii(const QByteArray &value)
{
    return std::all_of(value.begin(), value.end(), [](char c) { return c > ' ' && c < 0x7f; });
}

Endpoint parseBase(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("http") || url.host().isEmpty() || url.port() <= 0
        || (!url.path().isEmpty() && url.path() != QLatin1String("/")) || url.hasQuery())
        usageError(QStringLiteral("a base URL is http://HOST:PORT (got \"%1\")").arg(text));
    const QString host = url.host();
    const QHostAddress address(host);
    if (host != QLatin1String("localhost") && (address.isNull() || !address.isLoopback()))
        usageError(QStringLiteral("loopback only: %1 is not a loopback address").arg(host));
    const QString shown = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return { host, quint16(url.port()), QStringLiteral("http://%1:%2").arg(shown).arg(url.port()) };
}

qint64 positive(const QCommandLineParser &p, const QString &name, qint64 max)
{
    bool ok = false;
    const qint64 v = p.value(name).toLongLong(&ok);
    if (!ok || v < 1 || v > max)
        usageError(QStringLiteral("--%1 must be a whole number from 1 to %2").arg(name).arg(max));
    return v;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("keyward-bench-loadmix"));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Mixed load on keyward-server instances sharing one database, "
                                               "then checks of keys, revocations and the audit chain."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("base"),
        QStringLiteral("Base URL(s), http://127.0.0.1:PORT (or use --base)."), QStringLiteral("[base…]"));
    p.addOptions({
        { QStringLiteral("base"), QStringLiteral("An instance's base URL (repeat for several)."),
            QStringLiteral("url") },
        { QStringLiteral("clients"),
            QStringLiteral("Concurrent clients, spread over the instances (default 8)."), QStringLiteral("n"),
            QStringLiteral("8") },
        { QStringLiteral("seconds"), QStringLiteral("Stop sending after this many seconds (default 10)."),
            QStringLiteral("s"), QStringLiteral("10") },
        { QStringLiteral("max-requests"),
            QStringLiteral("Stop sending after this many requests (default 100000)."), QStringLiteral("m"),
            QStringLiteral("100000") },
        { QStringLiteral("admin-key-file"),
            QStringLiteral("File holding the admin key (else $KEYWARD_BENCH_ADMIN_KEY)."),
            QStringLiteral("path") },
        { QStringLiteral("token-file"),
            QStringLiteral("File holding the JWT access token (else $KEYWARD_BENCH_TOKEN)."),
            QStringLiteral("path") },
        { QStringLiteral("mix"),
            QStringLiteral("Weights (default create=2,list=2,revoke=1,payments=6,jwt=3)."),
            QStringLiteral("weights") },
        { QStringLiteral("run-id"), QStringLiteral("Tag for the run's keys (default: random)."),
            QStringLiteral("id") },
        { QStringLiteral("seed"), QStringLiteral("Seed of the operation choice (default: random)."),
            QStringLiteral("n") },
        { QStringLiteral("timeout-ms"), QStringLiteral("Limit per request (default 30000)."),
            QStringLiteral("ms"), QStringLiteral("30000") },
        { QStringLiteral("revoke-grace-ms"),
            QStringLiteral("Wait this long after the last revocation before checking it on every instance "
                           "(default 1000)."),
            QStringLiteral("ms"), QStringLiteral("1000") },
        { QStringLiteral("cpu-pid"),
            QStringLiteral("Report the CPU time of this process and its descendants over the load (repeat; "
                           "LABEL=PID, a label may repeat)."),
            QStringLiteral("label=pid") },
        { QStringLiteral("allow-rate-limited"),
            QStringLiteral("429 answers during the load do not fail the run (they are still counted).") },
    });
    p.process(app);

    LoadMix::Options o;
    QStringList bases = p.values(QStringLiteral("base")) + p.positionalArguments();
    if (bases.isEmpty())
        usageError(QStringLiteral("give at least one base URL"));
    for (const QString &b : std::as_const(bases))
        o.bases.append(parseBase(b));
    o.clients = int(positive(p, QStringLiteral("clients"), 1000));
    o.seconds = int(positive(p, QStringLiteral("seconds"), 3600));
    o.maxRequests = positive(p, QStringLiteral("max-requests"), 100'000'000);
    o.timeoutMs = int(positive(p, QStringLiteral("timeout-ms"), 600'000));
    o.revokeGraceMs = int(positive(p, QStringLiteral("revoke-grace-ms"), 600'000));
    o.allowRateLimited = p.isSet(QStringLiteral("allow-rate-limited"));
    for (const QString &watch : p.values(QStringLiteral("cpu-pid"))) {
        const QString label = watch.section(QLatin1Char('='), 0, 0);
        bool ok = false;
        const qint64 pid = watch.section(QLatin1Char('='), 1).toLongLong(&ok);
        static const QRegularExpression labelForm(QStringLiteral("^[a-z][a-z0-9_]{0,30}$"));
        if (!ok || pid <= 0 || !labelForm.match(label).hasMatch())
            usageError(
                QStringLiteral("--cpu-pid takes LABEL=PID (label: lower-case letters, digits, _), not \"%1\"")
                    .arg(watch));
        o.cpuPids.append({ label, pid });
    }
    if (p.isSet(QStringLiteral("mix"))) {
        o.weights.fill(0);
        const QStringList parts = p.value(QStringLiteral("mix")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            const QString name = part.section(QLatin1Char('='), 0, 0).trimmed();
            bool ok = false;
            const int weight = part.section(QLatin1Char('='), 1).toInt(&ok);
            int op = 0;
            while (op < LoadMix::OpCount && LoadMix::mixName(LoadMix::Op(op)) != name)
                ++op;
            if (op == LoadMix::OpCount || !ok || weight < 0 || weight > 1000)
                usageError(QStringLiteral(
                    "--mix takes name=weight pairs (create, list, revoke, payments, jwt; 0–1000), not \"%1\"")
                               .arg(part));
            o.weights[size_t(op)] = weight;
        }
    }
    int sum = 0;
    for (int w : o.weights)
        sum += w;
    if (sum == 0)
        usageError(QStringLiteral("--mix gives every operation weight 0"));
    if (o.weights[LoadMix::Create] == 0 && (o.weights[LoadMix::Revoke] > 0 || o.weights[LoadMix::PayKey] > 0))
        usageError(
            QStringLiteral("--mix: revoke and payments need keys of the run, so create must have a weight"));
    if (p.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        o.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            usageError(QStringLiteral("--seed must be a whole number"));
    } else {
        o.seed = QRandomGenerator::system()->generate64();
    }
    o.runId = p.value(QStringLiteral("run-id"));
    if (o.runId.isEmpty())
        o.runId = QString::number(QRandomGenerator::system()->generate64() % 0x10000000000ULL, 36);
    if (o.runId.size() > 40 || o.runId.contains(QLatin1Char(' ')))
        usageError(QStringLiteral("--run-id: at most 40 characters, no space"));

    o.adminKey = readSecret(
        p.value(QStringLiteral("admin-key-file")), "KEYWARD_BENCH_ADMIN_KEY", QStringLiteral("admin key"));
    if (o.adminKey.isEmpty() || !isPrintableAscii(o.adminKey))
        usageError(QStringLiteral("no admin key: give --admin-key-file PATH or set KEYWARD_BENCH_ADMIN_KEY"));
    o.token = readSecret(
        p.value(QStringLiteral("token-file")), "KEYWARD_BENCH_TOKEN", QStringLiteral("access token"));
    if (o.weights[LoadMix::PayJwt] > 0 && (o.token.isEmpty() || !isPrintableAscii(o.token)))
        usageError(QStringLiteral(
            "no access token: give --token-file PATH, set KEYWARD_BENCH_TOKEN, or use --mix with jwt=0"));

    // Whatever happens to the servers, this process ends: the load is bounded by --seconds and
    // each request by --timeout-ms; the checks afterwards get a generous but finite allowance.
    const auto deadline = std::chrono::seconds(o.seconds) + std::chrono::milliseconds(o.timeoutMs) * 4
        + std::chrono::minutes(10);
    std::thread([deadline] {
        std::this_thread::sleep_for(deadline);
        std::fprintf(stderr, "keyward-bench-loadmix: still running after %lld s, giving up\n",
            static_cast<long long>(std::chrono::duration_cast<std::chrono::seconds>(deadline).count()));
        std::_Exit(3);
    }).detach();

    LoadMix mix(std::move(o));
    return mix.run();
}

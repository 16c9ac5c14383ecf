// SPDX-License-Identifier: GPL-3.0-or-later
// keyward-bench-keytiming [--keys N] [--runs R] [--http-runs H] [--keep]: does the time the server
// takes to check a presented secret key tell a guesser anything? On the server's own code, with
// a fresh SQLite database holding N keys (default 10,000):
//   - in-process, the steps ApiServer::authenticate takes for a key, in its order: the keyed hash
//     (ServerSecrets::keyedHash), the credential cache (AuthCache), the format check
//     (KeyFormat::isWellFormedSecret) and the lookup by keyed hash (KeyStore::credentialForHash);
//   - over loopback, GET /me against an ApiServer in this process (the HTTP stack, the
//     router, the reader pool and the answer), one keep-alive connection, H requests per kind
//     (default 3,000; 0 skips it).
// Kinds, interleaved at random so that drift and noise fall on all of them alike: random
// well-formed wrong keys, a wrong key equal to a real one but for its last character (its checksum
// then fails), wrong keys sharing the real one's prefix and its first 41 of 43 random characters
// (checksum recomputed, so they are looked up), and the real key (cached, and not cached). The
// two kinds of wrong key that are looked up each come from a pool of 3,843 distinct keys.
// Prints median, p90, p99 and mean per kind, and the difference between the two wrong keys that
// are looked up, with a spread from 20 blocks of the runs, next to the same difference for two
// controls: another pool of random wrong keys (what no difference looks like), and keys alike
// among themselves but not like the real key. Not run by CTest.
#include "ApiServer.h"
#include "AuthCache.h"
#include "CliSupport.h"
#include "Database.h"
#include "KeyFormat.h"
#include "KeyStore.h"
#include "ServerSecrets.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace keyward;
using namespace keyward::server;

namespace {

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

struct Kind
{
    QString name;
    QList<QByteArray> credentials; // one per run (or the same one repeated)
    bool useCache = true;
    QList<double> ns;               // one per run, in schedule order
    QList<int> block;               // which of the blocks each run fell in
};

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(qMin(v.size() - 1, qsizetype(double(v.size()) * p)));
}

double mean(const QList<double> &v)
{
    double s = 0;
    for (double x : v)
        s += x;
    return v.isEmpty() ? 0 : s / double(v.size());
}

QString us(double ns)
{
    return QString::number(ns / 1000.0, 'f', ns < 10'000 ? 2 : 1);
}

void compare(const Kind &a, const Kind &b, int blocks);

void report(const QString &title, QList<Kind> &kinds, int compareA, int compareB, int control, int blocks)
{
    print(title);
    print(QStringLiteral("  %1 %2 %3 %4 %5  (µs)").arg(QStringLiteral("kind"), -62).arg(QStringLiteral("median"), 8)
              .arg(QStringLiteral("p90"), 8).arg(QStringLiteral("p99"), 8).arg(QStringLiteral("mean"), 8));
    for (const Kind &k : std::as_const(kinds))
        print(QStringLiteral("  %1 %2 %3 %4 %5").arg(k.name, -62).arg(us(percentile(k.ns, 0.5)), 8)
                  .arg(us(percentile(k.ns, 0.9)), 8).arg(us(percentile(k.ns, 0.99)), 8).arg(us(mean(k.ns)), 8));
    compare(kinds.at(compareA), kinds.at(compareB), blocks);
    // Two pools of random wrong keys: the difference that means nothing, to read the one above by.
    compare(kinds.at(compareA), kinds.at(control), blocks);
    // Guesses alike among themselves but not like the real key.
    compare(kinds.at(compareA), kinds.at(control + 1), blocks);
}

void compare(const Kind &a, const Kind &b, int blocks)
{
    const double dMedian = percentile(b.ns, 0.5) - percentile(a.ns, 0.5);
    const double dP99 = percentile(b.ns, 0.99) - percentile(a.ns, 0.99);
    // The same difference within each block of the schedule: its spread says how much of the
    // overall difference is noise.
    QList<double> perBlock;
    for (int i = 0; i < blocks; ++i) {
        QList<double> x, y;
        for (qsizetype j = 0; j < a.ns.size(); ++j) {
            if (a.block.at(j) == i)
                x.append(a.ns.at(j));
        }
        for (qsizetype j = 0; j < b.ns.size(); ++j) {
            if (b.block.at(j) == i)
                y.append(b.ns.at(j));
        }
        if (!x.isEmpty() && !y.isEmpty())
            perBlock.append(percentile(y, 0.5) - percentile(x, 0.5));
    }
    const double m = mean(perBlock);
    double var = 0;
    for (double d : std::as_const(perBlock))
        var += (d - m) * (d - m);
    const double sd = perBlock.size() > 1 ? std::sqrt(var / double(perBlock.size() - 1)) : 0;
    const double ci = perBlock.isEmpty() ? 0 : 2 * sd / std::sqrt(double(perBlock.size()));
    print(QStringLiteral("  \"%1\" minus \"%2\": median %3 µs (%4 %), p99 %5 µs; per block of the schedule: "
                         "%6 ± %7 µs (mean ± 2 standard errors over %8 blocks)")
              .arg(b.name, a.name)
              .arg(QString::number(dMedian / 1000.0, 'f', 3))
              .arg(QString::number(100.0 * dMedian / qMax(1.0, percentile(a.ns, 0.5)), 'f', 1))
              .arg(QString::number(dP99 / 1000.0, 'f', 3))
              .arg(QString::number(m / 1000.0, 'f', 3), QString::number(ci / 1000.0, 'f', 3))
              .arg(perBlock.size()));
}

// A schedule of (kind, index) pairs, every kind `runs` times, shuffled.
QList<std::pair<int, int>> schedule(int kinds, int runs)
{
    QList<std::pair<int, int>> s;
    for (int k = 0; k < kinds; ++k) {
        for (int i = 0; i < runs; ++i)
            s.append({k, i});
    }
    std::shuffle(s.begin(), s.end(), *QRandomGenerator::global());
    return s;
}

// One blocking keep-alive HTTP/1.1 connection, POSIX sockets (no event loop in this thread).
class Client
{
public:
    bool connectTo(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        return ::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    }
    ~Client()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    // Sends one request and reads its whole answer; returns the status (0 on failure).
    int roundTrip(const QByteArray &request)
    {
        if (::send(m_fd, request.constData(), size_t(request.size()), 0) != request.size())
            return 0;
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end >= 0) {
                const qsizetype cl = m_buffer.indexOf("Content-Length: ");
                const qsizetype length = cl >= 0 && cl < end ? m_buffer.mid(cl + 16, m_buffer.indexOf('\r', cl) - cl - 16).toLongLong() : 0;
                if (m_buffer.size() >= end + 4 + length) {
                    const int status = m_buffer.mid(9, 3).toInt();
                    m_buffer.remove(0, end + 4 + length);
                    return status;
                }
            }
            char chunk[16384];
            const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                return 0;
            m_buffer.append(chunk, n);
        }
    }

private:
    int m_fd = -1;
    QByteArray m_buffer;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char *name, int fallback) {
        const qsizetype i = args.indexOf(QLatin1String(name));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
    };
    const int keyCount = qMax(1, option("--keys", 10000));
    const int runs = qMax(100, option("--runs", 20000));
    const int httpRuns = qMax(0, option("--http-runs", 3000));
    constexpr int Blocks = 20;

    QTemporaryDir tmp;
    tmp.setAutoRemove(!args.contains(QStringLiteral("--keep")));
    const QString url = QStringLiteral("sqlite:") + tmp.path() + QStringLiteral("/keytiming.db");
    QString error;
    auto store = cli::openStore(url, cli::Options {}, false, &error);
    if (!store) {
        print(QStringLiteral("cannot open %1: %2").arg(url, error));
        return 1;
    }
    // The keys: created as the server creates them, in one transaction.
    QElapsedTimer seeding;
    seeding.start();
    QByteArray real;
    store->db->write([&](QSqlDatabase &db) {
        const auto permissions = *PermissionSet::parse({QStringLiteral("secret_keys:read")});
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < keyCount; ++i) {
            NewSecretKey k = KeyStore::createSecretKey(db, *store->secrets, store->org, QStringLiteral("bench %1").arg(i),
                                                       permissions, 0, {QStringLiteral("system"), QString(), QStringLiteral("bench")}, now);
            if (i == keyCount / 2)
                real = k.secret;
        }
    });
    print(QStringLiteral("keyward-bench-keytiming: %1 keys in a fresh SQLite database (%2 ms to create), %3 runs per kind "
                         "in-process, %4 over HTTP, interleaved at random")
              .arg(keyCount).arg(seeding.elapsed()).arg(runs).arg(httpRuns));

    const QString realKey = QString::fromLatin1(real);
    const QString prefix = KeyFormat::prefixOf(realKey);
    auto randomWrong = [&] { return KeyFormat::assemble(prefix, ServerSecrets::randomBytes(32)).toLatin1(); };
    auto lastCharWrong = [&] {
        QByteArray k = real;
        k.back() = k.back() == 'A' ? 'B' : 'A';
        return k;
    };
    static const QByteArray alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    // The 3,843 well-formed keys that share the real one's prefix and first 41 of its 43 random
    // characters (the last two differ, the checksum is recomputed), and as many random wrong
    // keys: both kinds draw from the same number of distinct keys, so that what the CPU and SQLite
    // caches keep of earlier lookups favours neither. (Only 61 keys share 47 characters, the most
    // a well-formed one can: too few to spread over the index like random ones.)
    auto neighboursOf = [&](const QString &key) {
        QList<QByteArray> out;
        const QString head = key.left(key.size() - KeyFormat::ChecksumLength);
        for (char a : alphabet) {
            for (char b : alphabet) {
                QString h = head;
                h[h.size() - 2] = QLatin1Char(a);
                h[h.size() - 1] = QLatin1Char(b);
                if (h != head)
                    out.append((h + KeyFormat::checksum(h)).toLatin1());
            }
        }
        return out;
    };
    const QList<QByteArray> neighbours = neighboursOf(realKey);
    // The same for a key that is in no database: guesses alike among themselves, unlike the real key.
    const QList<QByteArray> strangers = neighboursOf(QString::fromLatin1(randomWrong()));
    QList<QByteArray> randomPool, controlPool;
    for (qsizetype i = 0; i < neighbours.size(); ++i) {
        randomPool.append(randomWrong());
        controlPool.append(randomWrong());
    }
    auto any = [](const QList<QByteArray> &pool) { return pool.at(qsizetype(QRandomGenerator::global()->bounded(quint32(pool.size())))); };
    auto makeKinds = [&](int n) {
        QList<Kind> kinds {
            {QStringLiteral("random wrong key (well-formed: looked up)"), {}, true, {}, {}},
            {QStringLiteral("real key but its last character (checksum fails: no lookup)"), {}, true, {}, {}},
            {QStringLiteral("real key's first 46 characters, checksum fixed (looked up)"), {}, true, {}, {}},
            {QStringLiteral("real key, not cached (looked up, found)"), {}, false, {}, {}},
            {QStringLiteral("real key, cached"), {}, true, {}, {}},
            {QStringLiteral("control: random wrong key from another pool"), {}, true, {}, {}},
            {QStringLiteral("control: first 46 characters of another, unknown key"), {}, true, {}, {}},
        };
        // Each run gets a copy of its own, allocated in turn with the other kinds' copies: where
        // the bytes lie in memory (and how warm that is) then differs by no kind. (Read from the
        // pools themselves, the first pool allocated came out about 0.08 µs faster to hash.)
        auto copy = [](const QByteArray &b) { return QByteArray(b.constData(), b.size()); };
        for (int i = 0; i < n; ++i) {
            kinds[0].credentials.append(copy(any(randomPool)));
            kinds[1].credentials.append(copy(lastCharWrong()));
            kinds[2].credentials.append(copy(any(neighbours)));
            kinds[3].credentials.append(copy(real));
            kinds[4].credentials.append(copy(real));
            kinds[5].credentials.append(copy(any(controlPool)));
            kinds[6].credentials.append(copy(any(strangers)));
        }
        return kinds;
    };

    // In-process: authenticate()'s steps for a key, in its order.
    {
        QList<Kind> kinds = makeKinds(runs);
        AuthCache cache;
        QSqlDatabase db = store->db->connection();
        int accepted = 0;
        auto check = [&](const QByteArray &credential, bool useCache) {
            const QByteArray hash = store->secrets->keyedHash(credential);
            if (useCache) {
                if (const auto cached = cache.find(hash))
                    return true;
            }
            if (!KeyFormat::isWellFormedSecret(QString::fromLatin1(credential)))
                return false;
            const auto found = KeyStore::credentialForHash(db, hash);
            if (found && found->canAuthenticate()) {
                if (useCache)
                    cache.insert(hash, found->principal, cache.generation());
                return true;
            }
            return false;
        };
        // Warm up (and put the real key in the cache, as its first use does).
        for (int i = 0; i < 2000; ++i)
            check(i % 2 ? randomWrong() : real, true);
        const auto plan = schedule(int(kinds.size()), runs);
        for (qsizetype s = 0; s < plan.size(); ++s) {
            Kind &k = kinds[plan.at(s).first];
            const QByteArray &credential = k.credentials.at(plan.at(s).second);
            QElapsedTimer t;
            t.start();
            const bool ok = check(credential, k.useCache);
            k.ns.append(double(t.nsecsElapsed()));
            k.block.append(int(s * Blocks / plan.size()));
            accepted += ok ? 1 : 0;
        }
        if (accepted != 2 * runs) {
            print(QStringLiteral("unexpected: %1 accepted, expected %2").arg(accepted).arg(2 * runs));
            return 1;
        }
        report(QStringLiteral("in-process (keyed hash, cache, format check, lookup by keyed hash):"), kinds, 0, 2, 5, Blocks);
    }

    if (httpRuns == 0)
        return 0;

    // Over loopback: GET /me against this process's ApiServer.
    ServerConfig config = ServerConfig::defaults();
    const RateLimit unlimited {1'000'000'000, 60};
    config.anonymousLimit = unlimited;
    for (const QString &tier : {QStringLiteral("free"), QStringLiteral("pro"), QStringLiteral("enterprise")})
        config.tierLimits.insert(tier, unlimited);
    ApiServer server(*store->db, *store->secrets, store->org, config);
    const quint16 port = server.listen(QHostAddress(QHostAddress::LocalHost), 0, &error);
    if (!port) {
        print(error);
        return 1;
    }
    QList<Kind> kinds = makeKinds(httpRuns);
    kinds.removeAt(3); // the server caches the real key after its first use
    std::atomic<bool> failed {false};
    std::thread client([&] {
        Client c;
        if (!c.connectTo(port)) {
            failed = true;
            QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
            return;
        }
        auto request = [](const QByteArray &key) {
            return "GET /me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key + "\r\n\r\n";
        };
        for (int i = 0; i < 500; ++i) // warm up
            c.roundTrip(request(i % 2 ? randomWrong() : real));
        const auto plan = schedule(int(kinds.size()), httpRuns);
        for (qsizetype s = 0; s < plan.size() && !failed; ++s) {
            Kind &k = kinds[plan.at(s).first];
            const QByteArray bytes = request(k.credentials.at(plan.at(s).second));
            QElapsedTimer t;
            t.start();
            const int status = c.roundTrip(bytes);
            k.ns.append(double(t.nsecsElapsed()));
            k.block.append(int(s * Blocks / plan.size()));
            const bool isReal = k.credentials.at(plan.at(s).second) == real;
            if (status != (isReal ? 200 : 401))
                failed = true;
        }
        QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    app.exec();
    client.join();
    if (failed) {
        print(QStringLiteral("an HTTP request failed or got an unexpected status"));
        return 1;
    }
    report(QStringLiteral("over loopback (GET /me, one keep-alive connection, round trip):"), kinds, 0, 2, 4, Blocks);
    return 0;
}

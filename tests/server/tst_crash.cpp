// SPDX-License-Identifier: GPL-3.0-or-later
// Crashes and storage faults against the real keyward-server (issue 10): SIGKILL in the middle of
// a stream of writes, PostgreSQL crashed or stopped under load, a full disk, a read-only
// database. After each fault the same promises are checked:
// - every change whose 2xx answer arrived is there, exactly once;
// - a request rejected with 4xx left no trace, in the keys or in the audit log;
// - a 503 changed nothing; a request without an answer (or with a 500) may or may not have
//   happened, but at most once, and its resend with the same Idempotency-Key gives the original
//   result (replayed) or a clean new one, never a second key;
// - the audit chain verifies from the first event to the last, with exactly one event per
//   committed change.
// The stream's random choices and kill moments come from a seed printed at the start
// (KEYWARD_CRASH_SEED=N repeats a run).
#include "AuditChain.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>

#ifdef __linux__
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using keyward::AuditChain;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// Rate limits out of the way (they have their own suite); everything else at its default.
QJsonObject serverConfig()
{
    const QJsonObject unlimited {{s("limit"), 1000000}, {s("window_seconds"), 60}};
    return {{s("rate_limits"), QJsonObject {{s("free"), unlimited}, {s("pro"), unlimited},
                                            {s("enterprise"), unlimited}, {s("anonymous"), unlimited}}}};
}

const QString AdminPermissions = s("secret_keys:write,audit_log:read");
constexpr int Width = 6;               // requests in flight at once (QNetworkAccessManager's per-host maximum)
constexpr int ClientTimeoutMs = 15000; // no answer within this is a hang

// One HTTP exchange and what came back.
struct Call
{
    enum class Kind { Create, Revoke, InvalidCreate, ForbiddenCreate, RevokeMissing, Read, Me };
    Kind kind = Kind::Read;
    QByteArray method = "GET";
    QString path;
    QByteArray body;
    QByteArray idempotencyKey;
    QString credential; // empty: the stream's own key
    QString note;       // creates: unique in the run
    QString keyId;      // revokes: the key
    bool abandon = false; // the client gives up once the request is sent: no answer, whatever happens

    bool finished = false;
    int status = 0; // 0: no HTTP answer
    QByteArray reply;
    QByteArray retryAfter;
    QByteArray requestId;
    QByteArray replayed;
    QString networkError;
    qint64 sentAtMs = 0; // on the stream's clock
    qint64 answeredAtMs = 0;

    bool isWrite() const { return kind != Kind::Read && kind != Kind::Me; }
    bool acknowledged() const { return status >= 200 && status < 300; }
    bool rejected() const { return status >= 400 && status < 500; }
    bool unknown() const { return !acknowledged() && !rejected(); }
    QJsonObject json() const { return QJsonDocument::fromJson(reply).object(); }
    QString describe() const
    {
        return QStringLiteral("%1 %2 (note \"%3\", key %4): %5 %6 %7")
            .arg(QString::fromLatin1(method), path, note, keyId)
            .arg(status)
            .arg(networkError, QString::fromUtf8(reply.left(300)));
    }
};
using CallPtr = std::shared_ptr<Call>;

void record(Call &call, QNetworkReply *reply)
{
    call.finished = true;
    call.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    call.reply = reply->readAll();
    call.retryAfter = reply->rawHeader("Retry-After");
    call.requestId = reply->rawHeader("X-Request-Id");
    call.replayed = reply->rawHeader("Idempotent-Replayed");
    if (call.status == 0)
        call.networkError = reply->errorString();
}

// Keeps up to `width` calls in flight on the server's QNetworkAccessManager: each answer (or
// failure) sends the next call from `next`, until stop() or until next() returns none.
class Stream
{
public:
    Stream(TestServer &server, QString key, int width = Width)
        : m_server(server)
        , m_key(std::move(key))
        , m_width(width)
    {
        m_clock.start();
    }

    void start(std::function<CallPtr()> next, std::function<void(const CallPtr &)> done = {})
    {
        m_next = std::move(next);
        m_done = std::move(done);
        sendMore();
    }
    void stop() { m_stopped = true; }
    int inFlight() const { return m_inFlight; }
    bool idle() const { return m_inFlight == 0 && (m_stopped || m_exhausted); }
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    const QList<CallPtr> &calls() const { return m_calls; }

    // Runs these calls, `width` at a time, and waits for all of them.
    static bool runAll(TestServer &server, const QString &key, const QList<CallPtr> &calls)
    {
        Stream stream(server, key);
        qsizetype i = 0;
        stream.start([&]() -> CallPtr { return i < calls.size() ? calls.at(i++) : nullptr; });
        return QTest::qWaitFor([&] { return stream.idle(); }, ClientTimeoutMs + 5000);
    }

private:
    void sendMore()
    {
        while (!m_stopped && !m_exhausted && m_inFlight < m_width) {
            CallPtr call = m_next();
            if (!call) {
                m_exhausted = true;
                return;
            }
            m_calls.append(call);
            send(call);
        }
    }

    void send(const CallPtr &call)
    {
        QNetworkRequest request(m_server.url(call->path));
        request.setTransferTimeout(ClientTimeoutMs);
        request.setRawHeader("Authorization",
                             "Bearer " + (call->credential.isEmpty() ? m_key : call->credential).toLatin1());
        if (!call->idempotencyKey.isEmpty())
            request.setRawHeader("Idempotency-Key", call->idempotencyKey);
        if (!call->body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        call->sentAtMs = m_clock.elapsed();
        ++m_inFlight;
        QNetworkReply *reply = m_server.network().sendCustomRequest(request, call->method, call->body);
        if (call->abandon) {
            QObject::connect(reply, &QNetworkReply::uploadProgress, &m_context, [reply](qint64 sent, qint64 total) {
                if (total > 0 && sent == total)
                    reply->abort();
            });
        }
        QObject::connect(reply, &QNetworkReply::finished, &m_context, [this, call, reply] {
            record(*call, reply);
            call->answeredAtMs = m_clock.elapsed();
            reply->deleteLater();
            --m_inFlight;
            if (m_done)
                m_done(call);
            sendMore();
        });
    }

    TestServer &m_server;
    QString m_key;
    int m_width;
    std::function<CallPtr()> m_next;
    std::function<void(const CallPtr &)> m_done;
    QList<CallPtr> m_calls;
    QElapsedTimer m_clock;
    QObject m_context;
    int m_inFlight = 0;
    bool m_stopped = false;
    bool m_exhausted = false;
};

// Sends one call now (again) and waits for its answer.
void sendNow(TestServer &server, const QString &key, Call &call)
{
    QList<QPair<QByteArray, QByteArray>> headers {
        {"Authorization", "Bearer " + (call.credential.isEmpty() ? key : call.credential).toLatin1()}};
    if (!call.idempotencyKey.isEmpty())
        headers.append({"Idempotency-Key", call.idempotencyKey});
    const TestServer::Response r = server.send(call.method, call.path, call.body, headers);
    call.finished = true;
    call.status = r.status;
    call.reply = r.body;
    call.retryAfter = r.header("Retry-After");
    call.requestId = r.header("X-Request-Id");
    call.replayed = r.header("Idempotent-Replayed");
    call.networkError = r.networkError;
}

CallPtr resendOf(const Call &call)
{
    auto again = std::make_shared<Call>();
    again->kind = call.kind;
    again->method = call.method;
    again->path = call.path;
    again->body = call.body;
    again->idempotencyKey = call.idempotencyKey;
    again->credential = call.credential;
    again->note = call.note;
    again->keyId = call.keyId;
    return again;
}

// The random writes (and reads) of a stream, and the keys it may revoke.
class Workload
{
public:
    Workload(QRandomGenerator &rng, QString tag)
        : m_rng(rng)
        , m_tag(std::move(tag))
    {
    }

    void setRound(int round) { m_round = round; }
    // Percent of reads among the calls.
    void setReadShare(int percent) { m_readShare = percent; }
    // Percent of the creates whose client gives up as soon as the request is sent.
    void setAbandonShare(int percent) { m_abandonShare = percent; }

    CallPtr next()
    {
        auto c = std::make_shared<Call>();
        const int n = ++m_count;
        const int roll = int(m_rng.bounded(100));
        c->idempotencyKey =
            QStringLiteral("%1-r%2-%3-%4").arg(m_tag).arg(m_round).arg(n).arg(m_rng.generate(), 0, 36).toLatin1();
        if (roll < m_readShare) {
            c->kind = Call::Kind::Read;
            c->idempotencyKey.clear();
            if (!m_known.isEmpty() && m_rng.bounded(2) == 0)
                c->path = QStringLiteral("/secret-keys/") + m_known.at(m_rng.bounded(m_known.size()));
            else
                c->path = QStringLiteral("/secret-keys?limit=5");
            return c;
        }
        const int write = int(m_rng.bounded(100));
        c->method = "POST";
        if (write < 25 && !m_revocable.isEmpty()) {
            c->kind = Call::Kind::Revoke;
            c->keyId = m_revocable.takeAt(m_rng.bounded(m_revocable.size()));
            c->path = QStringLiteral("/secret-keys/%1/revoke").arg(c->keyId);
            c->body = "{}";
            return c;
        }
        if (write < 33) {
            c->kind = Call::Kind::RevokeMissing;
            c->keyId = QStringLiteral("key_missing%1r%2n%3").arg(m_tag).arg(m_round).arg(n, 5, 10, QLatin1Char('0'));
            c->path = QStringLiteral("/secret-keys/%1/revoke").arg(c->keyId);
            c->body = "{}";
            return c;
        }
        // Notes are unique and none is a prefix of another (fixed-width counter, closing '#').
        c->note = QStringLiteral("%1 r%2 #%3#").arg(m_tag).arg(m_round).arg(n, 5, 10, QLatin1Char('0'));
        QString permission = QStringLiteral("secret_keys:read");
        if (write < 40) {
            c->kind = Call::Kind::InvalidCreate; // 400: no such permission
            permission = QStringLiteral("nonsense:read");
        } else if (write < 47) {
            c->kind = Call::Kind::ForbiddenCreate; // 403: more than the admin key holds
            permission = QStringLiteral("payments:write");
        } else {
            c->kind = Call::Kind::Create;
            // Some clients give up before the answer: the change happens, its answer is lost.
            c->abandon = m_abandonShare > 0 && int(m_rng.bounded(100)) < m_abandonShare;
        }
        c->path = QStringLiteral("/secret-keys");
        c->body = QJsonDocument(QJsonObject {{s("note"), c->note}, {s("permissions"), QJsonArray {permission}}})
                      .toJson(QJsonDocument::Compact);
        return c;
    }

    // The next plain create (the dice decide only its number).
    CallPtr nextCreate()
    {
        CallPtr c = next();
        for (int i = 0; i < 1000 && (c->kind != Call::Kind::Create || c->abandon); ++i)
            c = next();
        return c;
    }

    // After an answer: acknowledged keys become revocable and readable.
    void answered(const CallPtr &c)
    {
        if (c->kind == Call::Kind::Create && c->status == 201) {
            const QString id = c->json().value(s("id")).toString();
            m_revocable.append(id);
            m_known.append(id);
        }
    }

private:
    QRandomGenerator &m_rng;
    QString m_tag;
    int m_round = 0;
    int m_readShare = 0;
    int m_abandonShare = 0;
    int m_count = 0;
    QStringList m_revocable;
    QStringList m_known;
};

// What a run knows about the keys it made: checked against the server after every fault.
struct KeyRecord
{
    QString id;
    QString note;
    QString secret; // empty when the answer with it was lost (replayed creates)
    bool revoked = false;
};

struct Tally
{
    int acknowledged = 0;
    int rejected = 0;
    int noAnswer = 0;
    int serverErrors = 0; // 5xx
    int resentReplayed = 0;
    int resentNew = 0;
    int resentOther = 0; // revokes and rejected calls sent again

    QString text() const
    {
        return QStringLiteral("%1 acknowledged, %2 rejected, %3 unknown (%4 without an answer, %5 with 5xx); "
                              "resent: %6 replayed, %7 new, %8 other")
            .arg(acknowledged).arg(rejected).arg(noAnswer + serverErrors).arg(noAnswer).arg(serverErrors)
            .arg(resentReplayed).arg(resentNew).arg(resentOther);
    }
};

class Ledger
{
public:
    QHash<QString, KeyRecord> keys;  // by id
    QStringList traces;             // notes and ids of rejected requests: never in the database
};

// Every key of the organisation, by id (revoked ones included).
QHash<QString, QJsonObject> allKeys(TestServer &server, const QString &admin, bool *ok)
{
    QHash<QString, QJsonObject> out;
    *ok = false;
    QString after;
    for (int page = 0; page < 500; ++page) {
        const QString cursor = after.isEmpty() ? QString() : QStringLiteral("&starting_after=") + after;
        const auto r = server.get(QStringLiteral("/secret-keys?limit=100") + cursor, admin);
        if (r.status != 200) {
            qWarning() << "listing keys:" << r.status << r.body << r.networkError;
            return out;
        }
        const QJsonObject json = r.json();
        for (const QJsonValue &v : json.value(s("data")).toArray())
            out.insert(v.toObject().value(s("id")).toString(), v.toObject());
        if (!json.value(s("has_more")).toBool()) {
            *ok = true;
            return out;
        }
        after = json.value(s("next_cursor")).toString();
    }
    return out;
}

QList<QJsonObject> wholeChain(TestServer &server, const QString &admin, bool *ok)
{
    QList<QJsonObject> out;
    *ok = false;
    qint64 after = 0;
    for (int page = 0; page < 1000; ++page) {
        const auto r = server.get(QStringLiteral("/audit-events/chain?after_seq=%1&limit=1000").arg(after), admin);
        if (r.status != 200) {
            qWarning() << "reading the chain:" << r.status << r.body << r.networkError;
            return out;
        }
        const QJsonObject json = r.json();
        for (const QJsonValue &v : json.value(s("data")).toArray())
            out.append(v.toObject());
        if (!json.value(s("has_more")).toBool()) {
            *ok = true;
            return out;
        }
        after = json.value(s("next_after_seq")).toInteger();
    }
    return out;
}

QMultiHash<QString, QString> byNote(const QHash<QString, QJsonObject> &keys)
{
    QMultiHash<QString, QString> out;
    for (auto it = keys.begin(); it != keys.end(); ++it)
        out.insert(it.value().value(s("note")).toString(), it.key());
    return out;
}

// A 503 as the API promises it: Retry-After and the error body with its request id.
void checkUnavailable(const Call &c)
{
    QVERIFY2(c.status == 503, qPrintable(c.describe()));
    QVERIFY2(c.retryAfter.toInt() > 0, qPrintable(c.describe()));
    const QJsonObject error = c.json().value(s("error")).toObject();
    QVERIFY2(error.value(s("code")).toString() == s("UNAVAILABLE"), qPrintable(c.describe()));
    QVERIFY2(error.value(s("message")).toString().contains(s("unavailable")), qPrintable(c.describe()));
    QVERIFY2(!c.requestId.isEmpty() && c.json().value(s("requestId")).toString() == QString::fromLatin1(c.requestId),
             qPrintable(c.describe()));
}

// While the storage refuses writes: three creates answer 503 (and change nothing), reads answer
// 200, and the server stays up.
void writesRefusedReadsServed(TestServer &server, const QString &admin, Workload &work, QList<CallPtr> &calls)
{
    for (int i = 0; i < 3; ++i) {
        CallPtr c = work.nextCreate();
        calls.append(c);
        sendNow(server, admin, *c);
        checkUnavailable(*c);
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(server.get(QStringLiteral("/secret-keys?limit=100"), admin).status, 200);
    QCOMPARE(server.get(QStringLiteral("/audit-events/chain?limit=10"), admin).status, 200);
    QVERIFY(server.isRunning());
}

// A 500 is allowed only for a write whose COMMIT lost the database (its outcome is unknown);
// the server's log names it.
void checkServerError(TestServer &server, const Call &c)
{
    QVERIFY2(c.status == 500, qPrintable(c.describe()));
    QVERIFY2(c.isWrite(), qPrintable(QStringLiteral("a read answered 500: ") + c.describe()));
    const QByteArray line = '"' + c.requestId + "\" failed: cannot commit";
    const QByteArray output = server.output();
    const qsizetype at = c.requestId.isEmpty() ? -1 : output.indexOf(c.requestId + '"');
    const QByteArray logged = at < 0 ? QByteArray("(not in the server's log)")
                                     : output.mid(at, output.indexOf('\n', at) - at);
    QVERIFY2(!c.requestId.isEmpty() && output.contains(line),
             qPrintable(QStringLiteral("500 that is not a lost COMMIT: ") + c.describe() + QStringLiteral("; logged: ")
                        + QString::fromUtf8(logged)));
}

// The checks of the file's header, after the fault is over and the server is up: every write of
// `calls` is accounted for, unknown ones are sent again with their Idempotency-Key, and the keys
// and the audit chain agree with the ledger.
void settle(TestServer &server, const QString &admin, const QList<CallPtr> &calls, Ledger &ledger, Tally &tally)
{
    bool ok = false;
    const QHash<QString, QJsonObject> before = allKeys(server, admin, &ok);
    QVERIFY(ok);
    const QMultiHash<QString, QString> notes = byNote(before);
    QList<CallPtr> touched;

    // What came back, against the keys as they are; unknown calls are sent again, all at once
    // (each touches a key of its own), and their answers checked after.
    struct Resend
    {
        CallPtr original;
        CallPtr again;
        QStringList idsBefore; // creates: the keys with its note before the resend
    };
    QList<Resend> resends;
    for (const CallPtr &c : calls) {
        if (!c->isWrite())
            continue;
        QVERIFY2(c->finished, qPrintable(c->describe()));
        if (c->acknowledged())
            ++tally.acknowledged;
        else if (c->rejected())
            ++tally.rejected;
        else if (c->status == 0)
            ++tally.noAnswer;
        else
            ++tally.serverErrors;
        if (c->status == 503)
            checkUnavailable(*c);
        if (QTest::currentTestFailed())
            return;
        if (c->unknown())
            resends.append({c, resendOf(*c), {}});

        if (c->kind == Call::Kind::Create) {
            const QStringList ids = notes.values(c->note);
            QVERIFY2(!c->rejected(), qPrintable(c->describe()));
            if (c->acknowledged()) {
                QVERIFY2(c->status == 201, qPrintable(c->describe()));
                const QString id = c->json().value(s("id")).toString();
                QVERIFY2(ids == QStringList {id},
                         qPrintable(c->describe() + QStringLiteral(" found: ") + ids.join(u',')));
                ledger.keys.insert(id, {id, c->note, c->json().value(s("secret")).toString(), false});
                touched.append(c);
            } else {
                // Unknown: there at most once; after a 503 not at all.
                QVERIFY2(ids.size() <= 1, qPrintable(c->describe() + QStringLiteral(" found: ") + ids.join(u',')));
                if (c->status == 503)
                    QVERIFY2(ids.isEmpty(),
                             qPrintable(QStringLiteral("a 503 that changed something: ") + c->describe()));
                resends.last().idsBefore = ids;
            }
        } else if (c->kind == Call::Kind::InvalidCreate || c->kind == Call::Kind::ForbiddenCreate) {
            const int expected = c->kind == Call::Kind::InvalidCreate ? 400 : 403;
            QVERIFY2(c->unknown() || c->status == expected, qPrintable(c->describe()));
            QVERIFY2(!notes.contains(c->note),
                     qPrintable(QStringLiteral("a rejected create left a key: ") + c->describe()));
            ledger.traces.append(c->note);
        } else if (c->kind == Call::Kind::Revoke) {
            QVERIFY2(!c->rejected(), qPrintable(c->describe()));
            QVERIFY2(ledger.keys.contains(c->keyId) && before.contains(c->keyId), qPrintable(c->describe()));
            if (c->status == 503) {
                QVERIFY2(before.value(c->keyId).value(s("status")).toString() == s("active"),
                         qPrintable(QStringLiteral("a 503 that changed something: ") + c->describe()));
            }
            ledger.keys[c->keyId].revoked = true; // now, or by its resend
            touched.append(c);
        } else if (c->kind == Call::Kind::RevokeMissing) {
            QVERIFY2(c->unknown() || c->status == 404, qPrintable(c->describe()));
            QVERIFY(!before.contains(c->keyId));
            ledger.traces.append(c->keyId);
        }
        if (QTest::currentTestFailed())
            return;
    }

    // Sent again with the same Idempotency-Key: a create gives the same key (replayed, without
    // its secret) or a new one, never a second; the others their usual answer.
    QList<CallPtr> again;
    for (const Resend &r : std::as_const(resends))
        again.append(r.again);
    QVERIFY(Stream::runAll(server, admin, again));
    for (const Resend &r : std::as_const(resends)) {
        const Call &a = *r.again;
        switch (r.original->kind) {
        case Call::Kind::Create: {
            QVERIFY2(a.status == 201, qPrintable(a.describe()));
            const QString id = a.json().value(s("id")).toString();
            if (r.idsBefore.size() == 1) {
                QVERIFY2(a.replayed == "true" && id == r.idsBefore.first(), qPrintable(a.describe()));
                QVERIFY2(!a.json().contains(s("secret")), qPrintable(a.describe()));
                ++tally.resentReplayed;
            } else {
                QVERIFY2(a.replayed.isEmpty() && !a.json().value(s("secret")).toString().isEmpty(),
                         qPrintable(a.describe()));
                ++tally.resentNew;
            }
            ledger.keys.insert(id, {id, a.note, a.json().value(s("secret")).toString(), false});
            touched.append(r.again);
            break;
        }
        case Call::Kind::InvalidCreate:
            QVERIFY2(a.status == 400, qPrintable(a.describe()));
            ++tally.resentOther;
            break;
        case Call::Kind::ForbiddenCreate:
            QVERIFY2(a.status == 403, qPrintable(a.describe()));
            ++tally.resentOther;
            break;
        case Call::Kind::Revoke:
            QVERIFY2(a.status == 200 && a.json().value(s("status")).toString() == s("revoked"),
                     qPrintable(a.describe()));
            ++tally.resentOther;
            break;
        case Call::Kind::RevokeMissing:
            QVERIFY2(a.status == 404, qPrintable(a.describe()));
            ++tally.resentOther;
            break;
        default:
            break;
        }
        if (QTest::currentTestFailed())
            return;
    }

    // The keys now: exactly the ledger's, each once, revoked exactly when a revoke went through.
    const QHash<QString, QJsonObject> after = allKeys(server, admin, &ok);
    QVERIFY(ok);
    const QMultiHash<QString, QString> notesAfter = byNote(after);
    for (auto it = after.begin(); it != after.end(); ++it)
        QVERIFY2(ledger.keys.contains(it.key()),
                 qPrintable(QStringLiteral("a key nobody created: ")
                            + QString::fromUtf8(QJsonDocument(it.value()).toJson(QJsonDocument::Compact))));
    for (const KeyRecord &k : std::as_const(ledger.keys)) {
        QVERIFY2(after.contains(k.id), qPrintable(QStringLiteral("acknowledged key lost: ") + k.id + u' ' + k.note));
        const QJsonObject key = after.value(k.id);
        QCOMPARE(key.value(s("note")).toString(), k.note);
        QCOMPARE(notesAfter.count(k.note), 1);
        QCOMPARE(key.value(s("status")).toString(), k.revoked ? s("revoked") : s("active"));
    }

    // Secrets of the keys this batch touched: they authenticate exactly while not revoked.
    QList<CallPtr> probes;
    QSet<QString> probed;
    for (const CallPtr &c : std::as_const(touched)) {
        const QString id = c->kind == Call::Kind::Revoke ? c->keyId : c->json().value(s("id")).toString();
        const KeyRecord k = ledger.keys.value(id);
        if (k.secret.isEmpty() || probed.contains(id))
            continue;
        probed.insert(id);
        auto me = std::make_shared<Call>();
        me->kind = Call::Kind::Me;
        me->path = QStringLiteral("/me");
        me->credential = k.secret;
        me->keyId = id;
        probes.append(me);
    }
    QVERIFY(Stream::runAll(server, admin, probes));
    for (const CallPtr &me : std::as_const(probes)) {
        const bool revoked = ledger.keys.value(me->keyId).revoked;
        QVERIFY2(me->status == (revoked ? 401 : 200), qPrintable(me->describe()));
    }

    // The audit chain: verifies end to end, one secret_key.created per key and one
    // secret_key.revoked per revoked key, and nothing of the rejected requests.
    const QList<QJsonObject> chain = wholeChain(server, admin, &ok);
    QVERIFY(ok);
    const auto v = AuditChain::verify(chain, AuditChain::genesisHash());
    QVERIFY2(v.ok, qPrintable(v.firstBadId + u' ' + v.reason));
    const auto head = server.get(QStringLiteral("/audit-events/head"), admin);
    QCOMPARE(head.status, 200);
    QCOMPARE(qint64(chain.size()), head.json().value(s("seq")).toInteger());
    QCOMPARE(chain.last().value(s("hash")).toString(), head.json().value(s("hash")).toString());
    QHash<QString, int> created;
    QHash<QString, int> revokedEvents;
    QByteArray chainText;
    for (const QJsonObject &e : chain) {
        const QString action = e.value(s("action")).toString();
        const QString target = e.value(s("target")).toObject().value(s("id")).toString();
        if (action == s("secret_key.created"))
            ++created[target];
        else if (action == s("secret_key.revoked"))
            ++revokedEvents[target];
        chainText += QJsonDocument(e).toJson(QJsonDocument::Compact);
    }
    QCOMPARE(created.size(), after.size());
    for (auto it = after.begin(); it != after.end(); ++it) {
        QVERIFY2(created.value(it.key()) == 1,
                 qPrintable(QStringLiteral("%1 created events for %2").arg(created.value(it.key())).arg(it.key())));
        const bool isRevoked = it.value().value(s("status")).toString() == s("revoked");
        QVERIFY2(revokedEvents.value(it.key()) == (isRevoked ? 1 : 0),
                 qPrintable(QStringLiteral("%1 revoked events for %2")
                                .arg(revokedEvents.value(it.key()))
                                .arg(it.key())));
    }
    for (auto it = revokedEvents.begin(); it != revokedEvents.end(); ++it)
        QVERIFY2(after.contains(it.key()), qPrintable(it.key()));
    for (const QString &trace : std::as_const(ledger.traces))
        QVERIFY2(!chainText.contains(trace.toUtf8()),
                 qPrintable(QStringLiteral("a rejected request left an event: ") + trace));
}

quint32 runSeed()
{
    bool ok = false;
    const quint32 fromEnv = qEnvironmentVariable("KEYWARD_CRASH_SEED").toUInt(&ok);
    return ok ? fromEnv : QRandomGenerator::global()->generate();
}

// The admin key's id (the CLI created it, so its creation is in the chain too).
QString keyIdOf(TestServer &server, const QString &secret)
{
    const auto me = server.get(QStringLiteral("/me"), secret);
    return me.json().value(s("key")).toObject().value(s("id")).toString();
}

bool isRoot()
{
#ifdef __linux__
    return ::geteuid() == 0;
#else
    return false;
#endif
}

#ifdef __linux__
// The immutable flag (FS_IMMUTABLE_FL, needs root): no write succeeds, not even through a
// descriptor opened before.
bool setImmutable(const QString &file, bool on, QString *error)
{
    const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    int flags = 0;
    bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    if (ok) {
        flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
        ok = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
    if (!ok && error)
        *error = QString::fromLocal8Bit(std::strerror(errno));
    ::close(fd);
    return ok;
}
#endif

QString sqliteIntegrity(const QString &path)
{
    const QString name = QStringLiteral("crash-integrity");
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return db.lastError().text();
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
            result = q.lastError().text();
        while (q.next())
            result += q.value(0).toString();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

// A PostgreSQL cluster of this suite's own (tests/support/pg-cluster.sh), to crash and stop
// without disturbing the other suites' shared one.
class PrivateCluster
{
public:
    ~PrivateCluster()
    {
        if (m_started)
            run(QStringLiteral("stop"), nullptr);
    }

    bool start(QString *error)
    {
        m_started = run(QStringLiteral("start"), error);
        if (!m_started)
            return false;
        QFile f(m_state.path() + QStringLiteral("/url"));
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("the cluster script wrote no url");
            return false;
        }
        m_url = QString::fromUtf8(f.readAll().trimmed());
        return !m_url.isEmpty();
    }
    bool isStarted() const { return m_started; }
    bool isDown() const { return m_down; }
    QString url() const { return m_url; }

    // halt, crash or resume, the script running while the event loop goes on.
    bool run(const QString &command, QString *error)
    {
        const QString script = qEnvironmentVariable("KEYWARD_PG_CLUSTER_SCRIPT");
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KEYWARD_PG_FSYNC"), QStringLiteral("on")); // a crash must keep what was committed
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("bash"), {script, command, m_state.path()});
        const bool done = QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 120000);
        if (!done) {
            p.kill();
            p.waitForFinished();
        }
        const bool ok = done && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (command == QLatin1String("halt") || command == QLatin1String("crash"))
            m_down = true; // even when the script failed half-way: resuming does no harm
        else if (ok && command == QLatin1String("resume"))
            m_down = false;
        if (!ok && error)
            *error = QStringLiteral("pg-cluster.sh %1 failed: %2").arg(command, QString::fromUtf8(p.readAll()));
        return ok;
    }

    // A new database in the cluster; its URL.
    QString createDatabase(const QString &name, QString *error)
    {
        const QString connection = QStringLiteral("crash-cluster-admin");
        const QUrl url(m_url);
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setDatabaseName(QStringLiteral("postgres"));
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(QStringLiteral("CREATE DATABASE \"%1\"").arg(name));
                if (!ok)
                    *error = q.lastError().text();
            } else {
                *error = db.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(connection);
        return ok ? m_url + u'/' + name : QString();
    }

private:
    QTemporaryDir m_state;
    QString m_url;
    bool m_started = false;
    bool m_down = false;
};

// Runs SQL statements on the server's database with a connection of the test's own (which
// may write even when new sessions default to read-only).
bool execOn(const TestServer &server, const QStringList &statements, QString *error)
{
    const QString name = QStringLiteral("crash-admin");
    bool ok = true;
    {
        if (!server.openDatabase(name, error)) {
            QSqlDatabase::removeDatabase(name);
            return false;
        }
        QSqlDatabase db = QSqlDatabase::database(name, false);
        const QStringList all = QStringList {QStringLiteral("SET default_transaction_read_only = off")} + statements;
        for (const QString &statement : all) {
            QSqlQuery q(db);
            if (!q.exec(statement)) {
                if (error)
                    *error = statement + QStringLiteral(": ") + q.lastError().text();
                ok = false;
                break;
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

class TestCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void killMidStream();
    void postgresRestartUnderLoad_data();
    void postgresRestartUnderLoad();
    void fullDisk();
    void readOnlyDatabase();

private:
    quint32 m_seed = 0;
    std::unique_ptr<PrivateCluster> m_cluster;
};

void TestCrash::initTestCase()
{
    m_seed = runSeed();
    qInfo("seed %u (KEYWARD_CRASH_SEED=%u repeats this run); backend %s", m_seed, m_seed,
          TestServer::usesPostgres() ? "PostgreSQL" : "SQLite");
}

void TestCrash::cleanupTestCase()
{
    m_cluster.reset(); // stops and removes the private cluster
}

// SIGKILL while requests are in flight, three times on the same database, each at another moment.
void TestCrash::killMidStream()
{
    QRandomGenerator rng(m_seed);
    TestServer server;
    QVERIFY2(server.start({}, serverConfig()), server.output().constData());
    const QString admin = server.createKey(AdminPermissions, QStringLiteral("crash admin"));
    QVERIFY(!admin.isEmpty());
    Ledger ledger;
    const QString adminId = keyIdOf(server, admin);
    QVERIFY(!adminId.isEmpty());
    ledger.keys.insert(adminId, {adminId, QStringLiteral("crash admin"), admin, false});

    Workload work(rng, QStringLiteral("kill"));
    work.setAbandonShare(20);
    int replayed = 0;
    constexpr int Rounds = 3;
    for (int round = 1; round <= Rounds; ++round) {
        work.setRound(round);
        const int killAtMs = 150 + int(rng.bounded(850));
        Stream stream(server, admin);
        int inFlightAtKill = -1;
        qint64 killedAtMs = -1;
        QObject context;
        QTimer::singleShot(killAtMs, &context, [&] {
            stream.stop();
            inFlightAtKill = stream.inFlight();
            killedAtMs = stream.elapsedMs();
            server.kill();
        });
        int budget = 5000; // calls per round at most, besides the time bound
        stream.start([&]() -> CallPtr { return budget-- > 0 ? work.next() : nullptr; },
                     [&](const CallPtr &c) { work.answered(c); });
        QVERIFY(QTest::qWaitFor([&] { return killedAtMs >= 0 && stream.idle(); }, killAtMs + ClientTimeoutMs + 5000));
        QVERIFY(!server.isRunning());
        QVERIFY2(inFlightAtKill > 0, "the kill must come while requests are in flight");

        QVERIFY2(server.start({}, serverConfig()), server.output().right(3000).constData());
        Tally tally;
        settle(server, admin, stream.calls(), ledger, tally);
        if (QTest::currentTestFailed())
            return;
        qInfo("round %d: SIGKILL at %lld ms with %d in flight; %lld calls: %s", round, killedAtMs, inFlightAtKill,
              qint64(stream.calls().size()), qPrintable(tally.text()));
        replayed += tally.resentReplayed;
    }
    // Abandoned creates went through before the kill: their resends must have been replays.
    QVERIFY2(replayed > 0, "no create committed without its answer: the replay path went unchecked");
    QCOMPARE(server.stop(), 0);
}

void TestCrash::postgresRestartUnderLoad_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("crash") << QStringLiteral("crash"); // immediate stop: no checkpoint, sessions cut
    QTest::newRow("halt") << QStringLiteral("halt");   // fast stop: sessions told to end
}

// The database server goes away under load and comes back: the API answers 503 meanwhile and
// recovers by itself.
void TestCrash::postgresRestartUnderLoad()
{
    if (!TestServer::usesPostgres())
        QSKIP("PostgreSQL only (tst_crash_pg): an SQLite database has no server to crash; see killMidStream "
              "and fullDisk");
    QFETCH(QString, how);
    QVERIFY2(!qEnvironmentVariable("KEYWARD_PG_CLUSTER_SCRIPT").isEmpty(),
             "KEYWARD_PG_CLUSTER_SCRIPT is not set: run through ctest");
    QString error;
    if (!m_cluster) {
        QElapsedTimer t;
        t.start();
        m_cluster = std::make_unique<PrivateCluster>();
        QVERIFY2(m_cluster->start(&error), qPrintable(error));
        qInfo("private cluster %s up in %lld ms", qPrintable(m_cluster->url()), t.elapsed());
    }
    QVERIFY(m_cluster->isStarted());
    const QString url = m_cluster->createDatabase(QStringLiteral("crash_") + how, &error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));

    QRandomGenerator rng(m_seed + (how == QLatin1String("crash") ? 1 : 2));
    TestServer server;
    server.setDatabaseUrl(url);
    QVERIFY2(server.start({}, serverConfig()), server.output().constData());
    const QString admin = server.createKey(AdminPermissions, QStringLiteral("restart admin"));
    QVERIFY(!admin.isEmpty());
    Ledger ledger;
    const QString adminId = keyIdOf(server, admin);
    ledger.keys.insert(adminId, {adminId, QStringLiteral("restart admin"), admin, false});

    // Reads and writes; the database goes down at a random moment, the stream goes on for a
    // while after that, then stops.
    Workload work(rng, how);
    work.setRound(1);
    work.setReadShare(35);
    Stream stream(server, admin);
    const int faultAtMs = 200 + int(rng.bounded(600));
    qint64 downAtMs = -1;
    QObject context;
    auto resumeOnFailure = qScopeGuard([&] { // the next row needs the cluster
        if (m_cluster->isDown())
            m_cluster->run(QStringLiteral("resume"), nullptr);
    });
    QString faultError;
    QTimer::singleShot(faultAtMs, &context, [&] {
        m_cluster->run(how, &faultError); // the stream goes on meanwhile
        downAtMs = stream.elapsedMs();
    });
    int budget = 5000;
    stream.start([&]() -> CallPtr {
        if (downAtMs >= 0 && stream.elapsedMs() > downAtMs + 800)
            return nullptr; // enough traffic against the stopped database
        return budget-- > 0 ? work.next() : nullptr;
    }, [&](const CallPtr &c) { work.answered(c); });
    QVERIFY(QTest::qWaitFor([&] { return downAtMs >= 0 && stream.idle(); }, 60000));
    const qint64 streamMs = stream.elapsedMs();
    QVERIFY2(faultError.isEmpty(), qPrintable(faultError));
    QVERIFY2(server.isRunning(), server.output().right(3000).constData());

    // Nothing hung, nothing was cut off; while the database was down everything that needs it
    // answered 503 as promised; a 500 only for a COMMIT that lost the database.
    int down503 = 0, before2xx = 0, lostCommits = 0;
    for (const CallPtr &c : stream.calls()) {
        QVERIFY2(c->finished && c->status != 0, qPrintable(c->describe()));
        QVERIFY2(c->answeredAtMs - c->sentAtMs < ClientTimeoutMs, qPrintable(c->describe()));
        if (c->sentAtMs > downAtMs && c->kind == Call::Kind::InvalidCreate) {
            QVERIFY2(c->status == 400, qPrintable(c->describe())); // needs no database
        } else if (c->sentAtMs > downAtMs && c->kind == Call::Kind::ForbiddenCreate) {
            QVERIFY2(c->status == 403, qPrintable(c->describe()));
        } else if (c->sentAtMs > downAtMs) {
            checkUnavailable(*c);
            ++down503;
        } else if (c->status == 503) {
            checkUnavailable(*c);
        } else if (c->status >= 500) {
            checkServerError(server, *c);
            ++lostCommits;
        } else if (c->acknowledged()) {
            ++before2xx;
        }
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY2(down503 >= Width, "the stream must go on against the stopped database");

    // Back: the server finds it by itself, without a restart.
    QElapsedTimer resumeClock;
    resumeClock.start();
    QVERIFY2(m_cluster->run(QStringLiteral("resume"), &error), qPrintable(error));
    const qint64 resumeMs = resumeClock.elapsed();
    QElapsedTimer recovery;
    recovery.start();
    Call probeWrite;
    probeWrite.kind = Call::Kind::Create;
    probeWrite.method = "POST";
    probeWrite.path = QStringLiteral("/secret-keys");
    probeWrite.body = QJsonDocument(QJsonObject {{s("note"), QStringLiteral("%1 after resume#").arg(how)},
                                                 {s("permissions"), QJsonArray {s("secret_keys:read")}}})
                          .toJson(QJsonDocument::Compact);
    probeWrite.idempotencyKey = QStringLiteral("%1-after-resume").arg(how).toLatin1();
    probeWrite.note = QStringLiteral("%1 after resume#").arg(how);
    int probes = 0;
    const bool back = QTest::qWaitFor([&] {
        ++probes;
        sendNow(server, admin, probeWrite); // the same Idempotency-Key each time: a 503 changed nothing
        return probeWrite.status != 503;
    }, 15000);
    const qint64 recoveredMs = recovery.elapsed();
    QVERIFY2(back, qPrintable(QStringLiteral("no recovery within 15 s: ") + probeWrite.describe()));
    QVERIFY2(probeWrite.status == 201, qPrintable(probeWrite.describe()));
    QVERIFY2(recoveredMs < 10000, qPrintable(QStringLiteral("recovery took %1 ms").arg(recoveredMs)));
    // And every thread's connection is good again: a burst of reads and writes all succeed.
    QList<CallPtr> burst;
    for (int i = 0; i < 3 * Width; ++i)
        burst.append(work.next());
    QVERIFY(Stream::runAll(server, admin, burst));
    for (const CallPtr &c : std::as_const(burst)) {
        const int expected = c->kind == Call::Kind::InvalidCreate ? 400
            : c->kind == Call::Kind::ForbiddenCreate             ? 403
            : c->kind == Call::Kind::RevokeMissing               ? 404
            : c->kind == Call::Kind::Create                      ? 201
                                                                 : 200;
        QVERIFY2(c->status == expected, qPrintable(c->describe()));
    }

    QList<CallPtr> all = stream.calls();
    all += burst;
    all.append(std::make_shared<Call>(probeWrite));
    QElapsedTimer settleClock;
    settleClock.start();
    Tally tally;
    settle(server, admin, all, ledger, tally);
    if (QTest::currentTestFailed())
        return;
    qInfo("%s at %d ms into the stream; %lld calls (%d acknowledged before, %d answered 503 while down, %d lost "
          "COMMITs); writes: %s; recovered %lld ms after resume (%d probes); stream %lld ms, resume %lld ms, "
          "checks %lld ms",
          qPrintable(how), faultAtMs, qint64(stream.calls().size()), before2xx, down503, lostCommits,
          qPrintable(tally.text()), recoveredMs, probes, streamMs, resumeMs, settleClock.elapsed());
    QCOMPARE(server.stop(), 0);
}

// SQLite: the disk fills up (a file-size limit on the server process), writes answer 503 while
// reads go on, and writes work again once there is room, without a restart.
void TestCrash::fullDisk()
{
#ifndef __linux__
    QSKIP("needs Linux (RLIMIT_FSIZE on the server process)");
#else
    if (TestServer::usesPostgres())
        QSKIP("SQLite only: PostgreSQL's own disk is the database server's business (its 53100 disk_full is "
              "classified as unavailable like the errors postgresRestartUnderLoad provokes)");
    TestServer server;
    QVERIFY2(server.start({}, serverConfig()), server.output().constData());
    const QString admin = server.createKey(AdminPermissions, QStringLiteral("disk admin"));
    Ledger ledger;
    const QString adminId = keyIdOf(server, admin);
    ledger.keys.insert(adminId, {adminId, QStringLiteral("disk admin"), admin, false});
    QCOMPARE(server.stop(), 0);

    // A little room above the largest file: a few writes fit, then the log (-wal) hits the limit.
    const QString path = server.databasePath();
    const qint64 largest = qMax(QFileInfo(path).size(), QFileInfo(path + QStringLiteral("-wal")).size());
    server.setFileSizeLimit(largest + 96 * 1024);
    QVERIFY2(server.start({}, serverConfig()), server.output().constData());
    server.setFileSizeLimit(-1);

    QRandomGenerator rng(m_seed);
    Workload work(rng, QStringLiteral("disk"));
    QList<CallPtr> calls;
    CallPtr firstRefused;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 500 && clock.elapsed() < 20000 && !firstRefused; ++i) {
        CallPtr c = work.next();
        calls.append(c);
        sendNow(server, admin, *c);
        work.answered(c);
        if (c->status == 503)
            firstRefused = c;
        else if (c->status >= 500 || c->status == 0)
            QFAIL(qPrintable(QStringLiteral("a full disk must answer 503: ") + c->describe() + u'\n'
                             + QString::fromUtf8(server.output().right(2000))));
    }
    QVERIFY2(firstRefused, "the file-size limit was never reached");
    const int acceptedBeforeFull =
        int(std::count_if(calls.begin(), calls.end(), [](const CallPtr &c) { return c->acknowledged(); }));
    // Full: every write 503, reads as usual.
    writesRefusedReadsServed(server, admin, work, calls);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(server.get(QStringLiteral("/secret-keys/") + adminId, admin).status, 200);

    // Room again: the limit lifted on the running process; the refused writes go through when
    // sent again (settle checks they had changed nothing), and new ones too.
    struct rlimit limit {};
    QCOMPARE(::prlimit(pid_t(server.pid()), RLIMIT_FSIZE, nullptr, &limit), 0);
    limit.rlim_cur = limit.rlim_max;
    QCOMPARE(::prlimit(pid_t(server.pid()), RLIMIT_FSIZE, &limit, nullptr), 0);
    for (int i = 0; i < 5; ++i) {
        CallPtr c = work.next();
        calls.append(c);
        sendNow(server, admin, *c);
        QVERIFY2(!c->unknown(), qPrintable(c->describe()));
    }
    Tally tally;
    settle(server, admin, calls, ledger, tally);
    if (QTest::currentTestFailed())
        return;
    qInfo("limit %lld bytes: %d writes accepted before the disk was full; %s", largest + 96 * 1024,
          acceptedBeforeFull, qPrintable(tally.text()));
    QCOMPARE(server.stop(), 0);
    QCOMPARE(sqliteIntegrity(path), s("ok"));
#endif
}

// A database the server cannot write: a clear error at start, 503 while running, never a crash.
void TestCrash::readOnlyDatabase()
{
#ifndef __linux__
    QSKIP("needs Linux");
#else
    const QJsonObject config = serverConfig();
    TestServer server;
    QVERIFY2(server.start({}, config), server.output().constData());
    const QString admin = server.createKey(AdminPermissions, QStringLiteral("read-only admin"));
    Ledger ledger;
    const QString adminId = keyIdOf(server, admin);
    ledger.keys.insert(adminId, {adminId, QStringLiteral("read-only admin"), admin, false});
    QRandomGenerator rng(m_seed);
    Workload work(rng, QStringLiteral("readonly"));
    QList<CallPtr> calls;
    QString error;

    if (TestServer::usesPostgres()) {
        // New sessions are read-only, and the server's are ended so that it opens new ones.
        const QString database = QUrl(server.databaseUrl()).path().mid(1);
        auto readOnly = [&](bool on) {
            return execOn(server, {QStringLiteral("ALTER DATABASE \"%1\" SET default_transaction_read_only = %2")
                                       .arg(database, on ? s("on") : s("off")),
                                   QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                                  "WHERE datname = current_database() AND pid <> pg_backend_pid()")},
                          &error);
        };
        QVERIFY2(readOnly(true), qPrintable(error));
        auto restore = qScopeGuard([&] { readOnly(false); });
        // Writes: 503; reads: back to 200 once the server has new connections (the first may
        // find its connection ended: 503 too, never 500).
        for (int i = 0; i < 3; ++i) {
            CallPtr c = work.nextCreate();
            calls.append(c);
            sendNow(server, admin, *c);
            checkUnavailable(*c);
            if (QTest::currentTestFailed())
                return;
        }
        int readStatus = 0;
        QVERIFY(QTest::qWaitFor([&] {
            readStatus = server.get(QStringLiteral("/secret-keys?limit=10"), admin).status;
            return readStatus != 503;
        }, 10000));
        QCOMPARE(readStatus, 200);
        QVERIFY(server.output().contains("read-only transaction"));
        // At start: a clear error and a non-zero exit.
        TestServer second;
        second.setDatabaseUrl(server.databaseUrl());
        QVERIFY(!second.start({}, config));
        const int code = second.stop();
        QVERIFY2(code > 0, qPrintable(QStringLiteral("exit code %1").arg(code)));
        QVERIFY2(second.output().contains("read-only"), second.output().constData());
        // Writable again: the next write goes through, without a restart.
        restore.dismiss();
        // (Only new sessions: the server must drop the connection that failed by itself.)
        QVERIFY2(execOn(server,
                        {QStringLiteral("ALTER DATABASE \"%1\" SET default_transaction_read_only = off").arg(database)},
                        &error),
                 qPrintable(error));
        CallPtr c = work.nextCreate();
        calls.append(c);
        sendNow(server, admin, *c);
        QVERIFY2(c->status == 201, qPrintable(c->describe()));
        Tally tally;
        settle(server, admin, calls, ledger, tally);
        if (QTest::currentTestFailed())
            return;
        qInfo("read-only PostgreSQL database: %s", qPrintable(tally.text()));
        QCOMPARE(server.stop(), 0);
        return;
    }

    // SQLite at start: a file the server may read but not write. Root writes any file whatever
    // its mode: as root the server runs as nobody, in a folder nobody can reach.
    QCOMPARE(server.stop(), 0);
    const QString path = server.databasePath();
    const QString dir = QFileInfo(path).absolutePath();
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    QProcess probe;
    if (isRoot()) {
        probe.start(QStringLiteral("runuser"), {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                                               TestServer::binary(), QStringLiteral("--version")});
        if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
            QSKIP("running as root, and the user nobody cannot run the server binary (a private build folder?)");
        QVERIFY(server.setUser(QStringLiteral("nobody")));
    }
    const auto mode = [](const QString &file, int bits) {
        return ::chmod(QFile::encodeName(file).constData(), mode_t(bits)) == 0;
    };
    QVERIFY(mode(dir, 0755));
    QVERIFY(mode(path, isRoot() ? 0644 : 0444)); // root's file: nobody reads it but cannot write it
    if (!isRoot())
        QVERIFY(mode(dir, 0555)); // nor create the -wal and -shm beside it
    auto restore = qScopeGuard([&] {
        mode(dir, 0700);
        mode(path, 0600);
    });

    // At start: a clear error naming the database, a non-zero exit, no crash.
    QVERIFY(!server.start({}, config));
    const int code = server.stop();
    QVERIFY2(code > 0,
             qPrintable(QStringLiteral("exit code %1: %2").arg(code).arg(QString::fromUtf8(server.output()))));
    QVERIFY2(server.output().contains("readonly database") && server.output().contains(path.toUtf8()),
             server.output().constData());

    // While running: the files become unwritable under the open connections. File modes are
    // checked only when a file is opened, so this takes the immutable flag (root only), which
    // also refuses writes through descriptors already open.
    restore.dismiss();
    QVERIFY(mode(dir, 0700));
    QVERIFY(mode(path, 0600));
    if (!isRoot())
        QSKIP("the read-only file under a running server needs root (the immutable flag); checked at start only");
    server.setUser({});
    QVERIFY2(server.start({}, serverConfig()), server.output().constData());
    QCOMPARE(server.get(QStringLiteral("/secret-keys?limit=10"), admin).status, 200);
    const QStringList files {path, path + QStringLiteral("-wal")}; // not the -shm: it is mapped in memory
    auto writable = qScopeGuard([&] {
        for (const QString &file : files)
            setImmutable(file, false, nullptr);
    });
    for (const QString &file : files) {
        if (!setImmutable(file, true, &error))
            QSKIP(qPrintable(QStringLiteral("this file system has no immutable flag (%1)").arg(error)));
    }
    writesRefusedReadsServed(server, admin, work, calls);
    if (QTest::currentTestFailed())
        return;
    // Writable again: writes go through without a restart (the refused ones too, sent again by
    // settle, which also checks that they had changed nothing).
    for (const QString &file : files)
        QVERIFY2(setImmutable(file, false, &error), qPrintable(error));
    writable.dismiss();
    CallPtr c = work.nextCreate();
    calls.append(c);
    sendNow(server, admin, *c);
    QVERIFY2(c->status == 201, qPrintable(c->describe() + u'\n' + QString::fromUtf8(server.output().right(2000))));
    Tally tally;
    settle(server, admin, calls, ledger, tally);
    if (QTest::currentTestFailed())
        return;
    qInfo("read-only SQLite database while running: %s", qPrintable(tally.text()));
    QCOMPARE(server.stop(), 0);
    QCOMPARE(sqliteIntegrity(path), s("ok"));
#endif
}

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"

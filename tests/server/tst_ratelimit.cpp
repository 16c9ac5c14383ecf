// SPDX-License-Identifier: GPL-3.0-or-later
// Rate limiting of the real keyward-server: fixed windows per organisation (by tier) and per
// client address for anonymous calls, announced on every response.
#include "KeyFormat.h"
#include "TestServer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace {

constexpr int OrgLimit = 5;
constexpr int AnonymousLimit = 3;
constexpr int WindowSeconds = 2;
constexpr qint64 WindowMs = WindowSeconds * 1000;

QJsonObject limitsConfig()
{
    return {{QStringLiteral("rate_limits"),
             QJsonObject {{QStringLiteral("free"), QJsonObject {{QStringLiteral("limit"), OrgLimit},
                                                                {QStringLiteral("window_seconds"), WindowSeconds}}},
                          {QStringLiteral("anonymous"),
                           QJsonObject {{QStringLiteral("limit"), AnonymousLimit},
                                        {QStringLiteral("window_seconds"), WindowSeconds}}}}}};
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Waits (bounded) until a new rate-limit window has just begun, so that a short burst of calls
// falls in one window whatever the previous test left in the last one.
bool waitForFreshWindow()
{
    const qint64 target = (nowMs() / WindowMs + 1) * WindowMs + 30;
    QElapsedTimer t;
    t.start();
    while (nowMs() < target) {
        if (t.elapsed() > WindowMs + 1000)
            return false;
        QTest::qWait(int(qBound(qint64(1), target - nowMs(), qint64(20))));
    }
    return true;
}

struct RateHeaders
{
    bool present = false;
    int limit = -1;
    int remaining = -1;
    qint64 reset = -1;
};

RateHeaders rateOf(const TestServer::Response &r)
{
    RateHeaders h;
    bool okLimit = false, okRemaining = false, okReset = false;
    h.limit = r.header("X-RateLimit-Limit").toInt(&okLimit);
    h.remaining = r.header("X-RateLimit-Remaining").toInt(&okRemaining);
    h.reset = r.header("X-RateLimit-Reset").toLongLong(&okReset);
    h.present = okLimit && okRemaining && okReset;
    return h;
}

QString describe(const TestServer::Response &r)
{
    QString headers;
    for (const auto &h : r.headers)
        headers += QString::fromLatin1(h.first + ": " + h.second) + QLatin1String("; ");
    return QStringLiteral("%1 [%2] %3").arg(r.status).arg(headers, QString::fromUtf8(r.body.left(300)));
}

// Empty when the response carries well-formed rate-limit headers with this limit and remaining
// count, and a reset time that ends the current window (in the future, at most one window on).
QString rateProblem(const TestServer::Response &r, int limit, int remaining, qint64 sentAtMs)
{
    const RateHeaders h = rateOf(r);
    if (!h.present)
        return QStringLiteral("missing or malformed X-RateLimit-* headers: %1").arg(describe(r));
    if (h.limit != limit)
        return QStringLiteral("X-RateLimit-Limit %1, expected %2: %3").arg(h.limit).arg(limit).arg(describe(r));
    if (h.remaining != remaining)
        return QStringLiteral("X-RateLimit-Remaining %1, expected %2: %3").arg(h.remaining).arg(remaining).arg(describe(r));
    // The reset is in whole epoch seconds: after the call, and no later than one window on.
    if (h.reset * 1000 < sentAtMs || h.reset * 1000 > sentAtMs + WindowMs + 1000)
        return QStringLiteral("X-RateLimit-Reset %1 does not end the current window (sent at %2 ms): %3")
            .arg(h.reset).arg(sentAtMs).arg(describe(r));
    return {};
}

// Empty when r is a 429 RATE_LIMITED error with the error body, Retry-After and the limit.
QString limitedProblem(const TestServer::Response &r, int limit, qint64 sentAtMs)
{
    if (r.status != 429)
        return QStringLiteral("expected 429: %1").arg(describe(r));
    const QJsonObject body = r.json();
    const QJsonObject error = body.value(QStringLiteral("error")).toObject();
    if (error.value(QStringLiteral("code")).toString() != QLatin1String("RATE_LIMITED"))
        return QStringLiteral("expected code RATE_LIMITED: %1").arg(describe(r));
    if (error.value(QStringLiteral("message")).toString().isEmpty())
        return QStringLiteral("no error message: %1").arg(describe(r));
    if (!QDateTime::fromString(body.value(QStringLiteral("timestamp")).toString(), Qt::ISODateWithMs).isValid())
        return QStringLiteral("no valid timestamp: %1").arg(describe(r));
    const QString requestId = body.value(QStringLiteral("requestId")).toString();
    if (requestId.isEmpty() || QString::fromLatin1(r.header("X-Request-Id")) != requestId)
        return QStringLiteral("requestId and X-Request-Id differ or are missing: %1").arg(describe(r));
    bool ok = false;
    const int retryAfter = r.header("Retry-After").toInt(&ok);
    if (!ok || retryAfter < 1 || retryAfter > WindowSeconds)
        return QStringLiteral("Retry-After must be 1..%1 seconds: %2").arg(WindowSeconds).arg(describe(r));
    const RateHeaders h = rateOf(r);
    // Retry-After must not send the client back before the window ends.
    if (h.present && sentAtMs + retryAfter * 1000 < h.reset * 1000 - 1000)
        return QStringLiteral("Retry-After %1 s is earlier than the reset %2: %3").arg(retryAfter).arg(h.reset).arg(describe(r));
    return rateProblem(r, limit, 0, sentAtMs);
}

} // namespace

#define VERIFY_EMPTY(expr)                                                                                       \
    do {                                                                                                         \
        const QString problem_ = (expr);                                                                         \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                                      \
    } while (false)

class TestRateLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void everyResponseCarriesRateHeaders();
    void orgLimitCountsDownAndRejects();
    void orgLimitRecoversAfterWindow();
    void limitedRequestsDoNoWork();
    void anonymousLimitIsSeparateFromOrg();
    void unknownKeysCountAsAnonymous();

private:
    TestServer::Response get(const QString &path, const QString &key = {})
    {
        m_lastSentMs = nowMs();
        return m_server.get(path, key);
    }

    TestServer m_server;
    QString m_key;
    QString m_otherKey;
    qint64 m_lastSentMs = 0;
};

void TestRateLimit::initTestCase()
{
    QVERIFY2(m_server.start({}, limitsConfig()), m_server.output().constData());
    m_key = m_server.createKey(QStringLiteral("secret_keys:write"), QStringLiteral("rate limit test"));
    m_otherKey = m_server.createKey(QStringLiteral("secret_keys:read"), QStringLiteral("same organisation"));
    QVERIFY(!m_key.isEmpty());
    QVERIFY(!m_otherKey.isEmpty());
    QVERIFY(waitForFreshWindow());
    const TestServer::Response me = get(QStringLiteral("/me"), m_key);
    QCOMPARE(me.status, 200);
    // The limits below are the free tier's: a fresh database's organisation is on it.
    QCOMPARE(me.json().value(QStringLiteral("organization")).toObject().value(QStringLiteral("tier")).toString(),
             QStringLiteral("free"));
}

void TestRateLimit::cleanupTestCase()
{
    QVERIFY(m_server.isRunning());
    const int code = m_server.stop();
    QVERIFY2(code == 0, qPrintable(QStringLiteral("exit code %1; output:\n%2").arg(code).arg(
                            QString::fromUtf8(m_server.output().right(3000)))));
}

void TestRateLimit::everyResponseCarriesRateHeaders()
{
    QVERIFY(waitForFreshWindow());
    // Anonymous: 200, 404, 401 — each counts against the client address.
    TestServer::Response r = get(QStringLiteral("/health"));
    QCOMPARE(r.status, 200);
    VERIFY_EMPTY(rateProblem(r, AnonymousLimit, AnonymousLimit - 1, m_lastSentMs));
    r = get(QStringLiteral("/no-such-endpoint"));
    QCOMPARE(r.status, 404);
    VERIFY_EMPTY(rateProblem(r, AnonymousLimit, AnonymousLimit - 2, m_lastSentMs));
    r = get(QStringLiteral("/me"));
    QCOMPARE(r.status, 401);
    VERIFY_EMPTY(rateProblem(r, AnonymousLimit, AnonymousLimit - 3, m_lastSentMs));

    // Authenticated: 200, 400, 404 (from the database), 403 — each counts against the organisation.
    r = get(QStringLiteral("/me"), m_key);
    QCOMPARE(r.status, 200);
    VERIFY_EMPTY(rateProblem(r, OrgLimit, OrgLimit - 1, m_lastSentMs));
    r = get(QStringLiteral("/secret-keys?limit=0"), m_key);
    QCOMPARE(r.status, 400);
    VERIFY_EMPTY(rateProblem(r, OrgLimit, OrgLimit - 2, m_lastSentMs));
    r = get(QStringLiteral("/secret-keys/key_doesnotexist00"), m_key);
    QCOMPARE(r.status, 404);
    VERIFY_EMPTY(rateProblem(r, OrgLimit, OrgLimit - 3, m_lastSentMs));
    r = get(QStringLiteral("/audit-events"), m_key);
    QCOMPARE(r.status, 403);
    VERIFY_EMPTY(rateProblem(r, OrgLimit, OrgLimit - 4, m_lastSentMs));
    // All of it in one window: the burst must not have straddled a window boundary.
    QVERIFY(nowMs() / WindowMs == m_lastSentMs / WindowMs);
}

void TestRateLimit::orgLimitCountsDownAndRejects()
{
    QVERIFY(waitForFreshWindow());
    const qint64 windowIndex = nowMs() / WindowMs;
    qint64 reset = -1;
    for (int i = 1; i <= OrgLimit; ++i) {
        // Alternate endpoints and keys: the budget is the organisation's, not a key's or a path's.
        const TestServer::Response r = i % 2 ? get(QStringLiteral("/me"), m_key)
                                             : get(QStringLiteral("/secret-keys"), m_otherKey);
        QCOMPARE(r.status, 200);
        VERIFY_EMPTY(rateProblem(r, OrgLimit, OrgLimit - i, m_lastSentMs));
        if (reset < 0)
            reset = rateOf(r).reset;
        QCOMPARE(rateOf(r).reset, reset);
    }
    const TestServer::Response limited = get(QStringLiteral("/me"), m_key);
    VERIFY_EMPTY(limitedProblem(limited, OrgLimit, m_lastSentMs));
    QCOMPARE(rateOf(limited).reset, reset);
    // Further calls stay rejected, with any key of the organisation and on any endpoint.
    VERIFY_EMPTY(limitedProblem(get(QStringLiteral("/secret-keys"), m_otherKey), OrgLimit, m_lastSentMs));
    VERIFY_EMPTY(limitedProblem(get(QStringLiteral("/permissions"), m_key), OrgLimit, m_lastSentMs));
    QVERIFY2(nowMs() / WindowMs == windowIndex, "the burst straddled a window boundary");
}

void TestRateLimit::orgLimitRecoversAfterWindow()
{
    QVERIFY(waitForFreshWindow());
    for (int i = 1; i <= OrgLimit; ++i)
        QCOMPARE(get(QStringLiteral("/me"), m_key).status, 200);
    const TestServer::Response limited = get(QStringLiteral("/me"), m_key);
    VERIFY_EMPTY(limitedProblem(limited, OrgLimit, m_lastSentMs));
    const qint64 resetMs = rateOf(limited).reset * 1000;
    const int retryAfter = limited.header("Retry-After").toInt();

    // Poll (bounded) until a call is served again; rejected calls do not spend the budget.
    TestServer::Response last;
    QElapsedTimer waited;
    waited.start();
    do {
        QTest::qWait(50);
        last = get(QStringLiteral("/me"), m_key);
    } while (last.status == 429 && waited.elapsed() < 3 * WindowMs);
    QCOMPARE(last.status, 200);
    const qint64 recoveredAt = m_lastSentMs;
    // Not before the window the server announced had ended ...
    QVERIFY2(recoveredAt >= resetMs - 50,
             qPrintable(QStringLiteral("served %1 ms before the announced reset").arg(resetMs - recoveredAt)));
    // ... and it is a fresh budget.
    VERIFY_EMPTY(rateProblem(last, OrgLimit, OrgLimit - 1, m_lastSentMs));
    QVERIFY(retryAfter >= 1);
}

void TestRateLimit::limitedRequestsDoNoWork()
{
    QVERIFY(waitForFreshWindow());
    const TestServer::Response before = get(QStringLiteral("/secret-keys?limit=100"), m_key);
    QCOMPARE(before.status, 200);
    const qsizetype keysBefore = before.json().value(QStringLiteral("data")).toArray().size();
    for (int i = 2; i <= OrgLimit; ++i)
        QCOMPARE(get(QStringLiteral("/me"), m_key).status, 200);
    m_lastSentMs = nowMs();
    const TestServer::Response create =
        m_server.post(QStringLiteral("/secret-keys"),
                      QJsonObject {{QStringLiteral("note"), QStringLiteral("must not be created")},
                                   {QStringLiteral("permissions"), QJsonArray {QStringLiteral("secret_keys:read")}}},
                      m_key);
    VERIFY_EMPTY(limitedProblem(create, OrgLimit, m_lastSentMs));
    QVERIFY(waitForFreshWindow());
    const TestServer::Response after = get(QStringLiteral("/secret-keys?limit=100"), m_key);
    QCOMPARE(after.status, 200);
    QCOMPARE(after.json().value(QStringLiteral("data")).toArray().size(), keysBefore);
}

void TestRateLimit::anonymousLimitIsSeparateFromOrg()
{
    QVERIFY(waitForFreshWindow());
    const qint64 windowIndex = nowMs() / WindowMs;
    TestServer::Response r = get(QStringLiteral("/health"));
    QCOMPARE(r.status, 200);
    VERIFY_EMPTY(rateProblem(r, AnonymousLimit, 2, m_lastSentMs));
    r = get(QStringLiteral("/me")); // no credentials: anonymous
    QCOMPARE(r.status, 401);
    VERIFY_EMPTY(rateProblem(r, AnonymousLimit, 1, m_lastSentMs));

    // The organisation's budget is untouched by anonymous calls from the same address ...
    for (int i = 1; i <= OrgLimit; ++i) {
        r = get(QStringLiteral("/me"), m_key);
        QCOMPARE(r.status, 200);
        VERIFY_EMPTY(rateProblem(r, OrgLimit, OrgLimit - i, m_lastSentMs));
    }
    VERIFY_EMPTY(limitedProblem(get(QStringLiteral("/me"), m_key), OrgLimit, m_lastSentMs));

    // ... and an exhausted organisation leaves the anonymous budget alone.
    r = get(QStringLiteral("/health"));
    QCOMPARE(r.status, 200);
    VERIFY_EMPTY(rateProblem(r, AnonymousLimit, 0, m_lastSentMs));
    VERIFY_EMPTY(limitedProblem(get(QStringLiteral("/health")), AnonymousLimit, m_lastSentMs));
    VERIFY_EMPTY(limitedProblem(get(QStringLiteral("/me")), AnonymousLimit, m_lastSentMs));
    VERIFY_EMPTY(limitedProblem(get(QStringLiteral("/no-such-endpoint")), AnonymousLimit, m_lastSentMs));
    QVERIFY2(nowMs() / WindowMs == windowIndex, "the burst straddled a window boundary");

    // Both recover with the next window.
    QTRY_COMPARE_WITH_TIMEOUT(get(QStringLiteral("/health")).status, 200, 3 * WindowMs);
    QCOMPARE(get(QStringLiteral("/me"), m_key).status, 200);
}

void TestRateLimit::unknownKeysCountAsAnonymous()
{
    // A caller with a made-up or malformed key has no organisation: it spends the anonymous
    // budget of its address, and cannot spend the organisation's.
    QVERIFY(waitForFreshWindow());
    const QString wrong = m_key.left(m_key.size() - 1) + (m_key.endsWith(QLatin1Char('a')) ? QLatin1Char('b') : QLatin1Char('a'));
    // Well-formed (right prefix, length and checksum) but in no database: looked up, not found.
    const QString unknown = keyward::KeyFormat::assemble(keyward::KeyFormat::prefixOf(m_key), QByteArray(32, '\x5a'));
    QVERIFY(keyward::KeyFormat::isWellFormedSecret(unknown));
    const QStringList credentials {unknown, wrong, QStringLiteral("not-a-key")};
    TestServer::Response r;
    for (int i = 1; i <= AnonymousLimit; ++i) {
        r = get(QStringLiteral("/me"), credentials.at(i - 1));
        QCOMPARE(r.status, 401);
        VERIFY_EMPTY(rateProblem(r, AnonymousLimit, AnonymousLimit - i, m_lastSentMs));
    }
    VERIFY_EMPTY(limitedProblem(get(QStringLiteral("/me"), unknown), AnonymousLimit, m_lastSentMs));
    VERIFY_EMPTY(limitedProblem(get(QStringLiteral("/me"), wrong), AnonymousLimit, m_lastSentMs));
    r = get(QStringLiteral("/me"), m_key);
    QCOMPARE(r.status, 200);
    VERIFY_EMPTY(rateProblem(r, OrgLimit, OrgLimit - 1, m_lastSentMs));
}

QTEST_GUILESS_MAIN(TestRateLimit)
#include "tst_ratelimit.moc"

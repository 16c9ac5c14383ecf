// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log's app core against the real keyward-server (serve --demo: three months of
// hash-chained history): AuditService pages and filters exactly like the API, the signed head
// verifies with OpenSSL and forged heads do not, ChainVerifier walks the whole chain to the signed
// head and a filtered view's range, and names the first altered, removed or reordered event when
// fetched JSON is tampered with in memory; AuditExport writes what the API returned in CSV and
// JSON Lines, and leaves no file when cancelled. Malformed answers come from a canned server and
// become failures with a sentence.
#include "ApiClient.h"
#include "AuditChain.h"
#include "AuditEvent.h"
#include "AuditExport.h"
#include "AuditLogModel.h"
#include "AuditService.h"
#include "ChainLinker.h"
#include "ChainVerifier.h"
#include "HeadVerifier.h"
#include "TestServer.h"
#include "Timestamps.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTest>

#include <memory>
#include <optional>

using namespace keyward;

namespace {

class StaticToken : public TokenProvider
{
public:
    explicit StaticToken(QByteArray token) : m_token(std::move(token)) { }
    QByteArray accessToken() const override { return m_token; }
    void renewAccessToken(const QByteArray &, QObject *, std::function<void(bool)> done) override { done(false); }

private:
    QByteArray m_token;
};

// Stands between the verifier and the server and alters what the server said, in memory.
class TamperingAuditService : public AuditService
{
public:
    using AuditService::AuditService;
    std::function<void(QList<QJsonObject> &)> tamperChain;
    std::function<void(AuditHead &)> tamperHead;

    ApiCall *chain(qint64 afterSeq, int limit, QObject *context,
                   std::function<void(const Result<AuditChainPage> &)> done) override
    {
        const auto tamper = tamperChain;
        return AuditService::chain(afterSeq, limit, context, [tamper, done](const Result<AuditChainPage> &r) {
            if (!r.ok() || !tamper) {
                done(r);
                return;
            }
            AuditChainPage page = r.value();
            tamper(page.entries);
            done(page);
        });
    }

    ApiCall *head(QObject *context, std::function<void(const Result<AuditHead> &)> done) override
    {
        const auto tamper = tamperHead;
        return AuditService::head(context, [tamper, done](const Result<AuditHead> &r) {
            if (!r.ok() || !tamper) {
                done(r);
                return;
            }
            AuditHead h = r.value();
            tamper(h);
            done(h);
        });
    }
};

// Answers every request with the same status and body: the server of a wrong URL, a proxy, a
// broken build.
class CannedServer : public QTcpServer
{
public:
    QByteArray body;
    int status = 200;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        auto request = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, request] {
            request->append(socket->readAll());
            if (!request->contains("\r\n\r\n"))
                return;
            QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
            socket->write(response);
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
};

template<typename T, typename Call>
Result<T> await(Call call, int timeoutMs = 30'000)
{
    std::optional<Result<T>> out;
    call([&out](const Result<T> &r) { out = r; });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, timeoutMs))
        return ApiFailure::cancelled();
    return *out;
}

QString guarded(const QString &value)
{
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    return !value.isEmpty() && formulaStarts.contains(value.front()) ? QLatin1Char('\'') + value : value;
}

// RFC 4180, CRLF records; fields quoted with "" as an escaped quote.
QList<QStringList> parseCsv(const QByteArray &data)
{
    QList<QStringList> rows;
    QStringList row;
    QByteArray field;
    bool quoted = false;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < data.size() && data.at(i + 1) == '"') {
                field.append('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field.append(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.append(QString::fromUtf8(field));
            field.clear();
        } else if (c == '\r' && i + 1 < data.size() && data.at(i + 1) == '\n') {
            row.append(QString::fromUtf8(field));
            field.clear();
            rows.append(row);
            row.clear();
            ++i;
        } else {
            field.append(c);
        }
    }
    return rows;
}

QJsonObject reencodedPayload(const QByteArray &jws, const std::function<void(QJsonObject &)> &change, QByteArray *out)
{
    QList<QByteArray> parts = jws.split('.');
    QJsonObject payload = QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object();
    change(payload);
    parts[1] = QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding
                                                                             | QByteArray::OmitTrailingEquals);
    *out = parts.join('.');
    return payload;
}

} // namespace

class TestAuditService : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QString m_admin;
    QString m_adminId;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<StaticToken> m_token;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<TamperingAuditService> m_audit;

    // Every event of a query straight from the API, newest first.
    QList<QJsonObject> rawEvents(const QString &query)
    {
        QList<QJsonObject> out;
        QString cursor;
        for (int page = 0; page < 200; ++page) {
            QString path = QStringLiteral("/audit-events?limit=500") + (query.isEmpty() ? QString() : QLatin1Char('&') + query);
            if (!cursor.isEmpty())
                path += QStringLiteral("&starting_after=") + cursor;
            const TestServer::Response r = m_server.get(path, m_admin);
            if (r.status != 200)
                return {};
            for (const QJsonValue &v : r.json().value(QStringLiteral("data")).toArray())
                out.append(v.toObject());
            if (!r.json().value(QStringLiteral("has_more")).toBool())
                break;
            cursor = r.json().value(QStringLiteral("next_cursor")).toString();
        }
        return out;
    }

    QString createKey(const QString &note)
    {
        const TestServer::Response r = m_server.post(
            QStringLiteral("/secret-keys"),
            QJsonObject {{QStringLiteral("note"), note}, {QStringLiteral("permissions"), QJsonArray {QStringLiteral("payments:read")}}},
            m_admin);
        if (r.status != 201)
            qWarning("creating a key failed: %d %s", r.status, r.body.constData());
        return r.status == 201 ? r.json().value(QStringLiteral("id")).toString() : QString();
    }

    Result<AuditHead> fetchHead()
    {
        return await<AuditHead>([this](auto done) { m_audit->head(this, done); });
    }

    AuditVerification run(ChainVerifier &verifier, const std::function<bool()> &start, int timeoutMs = 120'000)
    {
        QSignalSpy finished(&verifier, &ChainVerifier::finished);
        if (!finished.isValid() || !start())
            return {};
        if (!QTest::qWaitFor([&finished] { return finished.size() > 0; }, timeoutMs))
            return {};
        return finished.first().first().value<AuditVerification>();
    }

    std::vector<AuditRowDigest> digestsOf(const QList<QJsonObject> &events)
    {
        std::vector<AuditRowDigest> out;
        for (const QJsonObject &e : events) {
            AuditRowDigest d;
            d.seq = AuditEvent::seqFromId(e.value(QStringLiteral("id")).toString());
            const QByteArray raw = QByteArray::fromHex(e.value(QStringLiteral("hash")).toString().toLatin1());
            std::copy(raw.cbegin(), raw.cend(), d.hash.begin());
            d.intact = AuditChain::computeHash(e) == e.value(QStringLiteral("hash")).toString();
            out.push_back(d);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("keyward.api.info=false"));
        QVERIFY(m_server.start({QStringLiteral("--demo")}));
        m_admin = m_server.createKey(QStringLiteral("secret_keys:write,audit_log:read,payments:read"), QStringLiteral("tst_auditservice"));
        QVERIFY(!m_admin.isEmpty());
        m_adminId = m_server.get(QStringLiteral("/me"), m_admin).json().value(QStringLiteral("id")).toString();
        QVERIFY(!m_adminId.isEmpty());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_token = std::make_unique<StaticToken>(m_admin.toLatin1());
        m_api = std::make_unique<ApiClient>(m_network.get(), m_server.url(QStringLiteral("/")), m_token.get());
        m_api->setOptions({10'000, 2, 50, 5});
        m_audit = std::make_unique<TamperingAuditService>(m_api.get());
    }

    void init()
    {
        m_audit->tamperChain = nullptr;
        m_audit->tamperHead = nullptr;
    }

    void pagesAreTheServersPages()
    {
        const Result<AuditPage> first = await<AuditPage>([this](auto done) { m_audit->page({}, {}, 50, this, done); });
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().text()));
        QCOMPARE(first.value().events.size(), 50);
        QVERIFY(first.value().hasMore);
        const QJsonObject raw = m_server.get(QStringLiteral("/audit-events?limit=50"), m_admin).json();
        const QJsonArray rawData = raw.value(QStringLiteral("data")).toArray();
        for (qsizetype i = 0; i < rawData.size(); ++i)
            QCOMPARE(first.value().events.at(i), rawData.at(i).toObject());
        QCOMPARE(first.value().nextCursor, raw.value(QStringLiteral("next_cursor")).toString());

        // Keyset paging: the next page starts right below, without overlap.
        const Result<AuditPage> second = await<AuditPage>([&](auto done) {
            m_audit->page({}, first.value().nextCursor, 50, this, done);
        });
        QVERIFY(second.ok());
        const qint64 last = AuditEvent::seqFromId(first.value().events.last().value(QStringLiteral("id")).toString());
        const qint64 next = AuditEvent::seqFromId(second.value().events.first().value(QStringLiteral("id")).toString());
        QCOMPARE(next, last - 1); // one organisation: no gap
        // Larger than the server allows is clamped, not an error.
        const Result<AuditPage> big = await<AuditPage>([this](auto done) { m_audit->page({}, {}, 5000, this, done); });
        QVERIFY(big.ok());
        QCOMPARE(big.value().events.size(), AuditService::MaxPageSize);
    }

    void filtersNarrowLikeTheServer()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        const QString searchable = QStringLiteral("q&a 100% + #1 report");
        const QString keyA = createKey(searchable);
        const QString keyB = createKey(QStringLiteral("refunds, \"nightly\""));
        QVERIFY(!keyA.isEmpty() && !keyB.isEmpty());
        QCOMPARE(m_server.post(QStringLiteral("/secret-keys/") + keyB + QStringLiteral("/revoke"), QJsonObject(), m_admin).status, 200);

        struct Case
        {
            const char *name;
            AuditFilter filter;
            int atLeast;
        };
        AuditFilter prefix;
        prefix.actions = {QStringLiteral("secret_key.")};
        AuditFilter revoked;
        revoked.actions = {QStringLiteral("secret_key.revoked")};
        AuditFilter mine;
        mine.actor = m_adminId;
        AuditFilter forKey;
        forKey.keyId = keyB;
        AuditFilter fromLoopback;
        fromLoopback.ip = QStringLiteral("127.0.0.1");
        AuditFilter recent;
        recent.since = before;
        AuditFilter older;
        older.until = before;
        older.actions = {QStringLiteral("secret_key.created"), QStringLiteral("auth.")};
        AuditFilter search;
        search.text = searchable;
        const Case cases[] = {{"action prefix", prefix, 3}, {"exact action", revoked, 1}, {"actor", mine, 3},
                              {"key", forKey, 2},           {"ip", fromLoopback, 3},      {"since", recent, 3},
                              {"until", older, 100},        {"text", search, 1}};
        for (const Case &c : cases) {
            const Result<AuditPage> page = await<AuditPage>([&](auto done) { m_audit->page(c.filter, {}, 500, this, done); });
            QVERIFY2(page.ok(), page.ok() ? c.name : qPrintable(page.error().text()));
            QVERIFY2(page.value().events.size() >= c.atLeast, c.name);
            for (const QJsonObject &e : page.value().events) {
                bool decidable = false;
                QVERIFY2(c.filter.matches(e, &decidable), c.name);
                QCOMPARE(decidable, c.filter.text.isEmpty());
            }
        }
        const Result<AuditPage> found = await<AuditPage>([&](auto done) { m_audit->page(search, {}, 10, this, done); });
        QVERIFY(found.ok());
        QCOMPARE(found.value().events.size(), 1); // '%', '+', '&' and '#' arrived as typed
        QCOMPARE(found.value().events.first().value(QStringLiteral("target")).toObject().value(QStringLiteral("id")).toString(), keyA);
        // A filter the server refuses is a failure with the server's sentence.
        AuditFilter tooMany;
        for (int i = 0; i < 25; ++i)
            tooMany.actions.append(QStringLiteral("x.a%1").arg(i));
        const Result<AuditPage> refused = await<AuditPage>([&](auto done) { m_audit->page(tooMany, {}, 10, this, done); });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().httpStatus, 400);
        QVERIFY(refused.error().text().contains(QLatin1String("20")));
    }

    void malformedAnswersAreFailures_data()
    {
        QTest::addColumn<QString>("call");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("page: not JSON") << QStringLiteral("page") << QByteArray("<html>gateway</html>");
        QTest::newRow("page: no data") << QStringLiteral("page") << QByteArray("{\"object\":\"list\"}");
        QTest::newRow("page: data not a list") << QStringLiteral("page") << QByteArray("{\"data\":{},\"has_more\":false}");
        QTest::newRow("page: event without id") << QStringLiteral("page")
                                                << QByteArray("{\"data\":[{\"action\":\"x\"}],\"has_more\":false}");
        QTest::newRow("page: event not an object") << QStringLiteral("page") << QByteArray("{\"data\":[42],\"has_more\":false}");
        QTest::newRow("page: more without cursor") << QStringLiteral("page") << QByteArray("{\"data\":[],\"has_more\":true}");
        QTest::newRow("page: cursor not an event") << QStringLiteral("page")
                                                   << QByteArray("{\"data\":[],\"has_more\":true,\"next_cursor\":\"key_1\"}");
        QTest::newRow("head: empty object") << QStringLiteral("head") << QByteArray("{}");
        QTest::newRow("head: seq a string") << QStringLiteral("head")
                                            << QByteArray("{\"object\":\"audit_head\",\"seq\":\"7\",\"id\":\"evt_7\"}");
        QTest::newRow("head: an array") << QStringLiteral("head") << QByteArray("[1,2,3]");
        QTest::newRow("chain: no data") << QStringLiteral("chain") << QByteArray("{\"has_more\":false}");
        QTest::newRow("chain: more without cursor") << QStringLiteral("chain") << QByteArray("{\"data\":[],\"has_more\":true}");
        QTest::newRow("chain: stub without hash") << QStringLiteral("chain")
                                                  << QByteArray("{\"data\":[{\"id\":\"evt_1\",\"redacted\":true}],\"has_more\":false}");
        QTest::newRow("histogram: no buckets") << QStringLiteral("histogram") << QByteArray("{\"object\":\"audit_histogram\"}");
        QTest::newRow("histogram: bad bucket") << QStringLiteral("histogram")
                                               << QByteArray("{\"object\":\"audit_histogram\",\"bucket\":\"day\","
                                                             "\"buckets\":[{\"start\":\"yesterday\",\"total\":1,\"counts\":{}}]}");
        QTest::newRow("histogram: negative count") << QStringLiteral("histogram")
                                                   << QByteArray("{\"object\":\"audit_histogram\",\"bucket\":\"day\","
                                                                 "\"buckets\":[{\"start\":\"2026-01-01T00:00:00Z\","
                                                                 "\"total\":-1,\"counts\":{}}]}");
        QTest::newRow("denied summary: no groups") << QStringLiteral("denied")
                                                   << QByteArray("{\"object\":\"denied_summary\",\"since\":\"2026-01-01T00:00:00Z\","
                                                                 "\"until\":\"2026-01-02T00:00:00Z\"}");
        QTest::newRow("denied summary: another object") << QStringLiteral("denied")
                                                        << QByteArray("{\"object\":\"list\",\"since\":\"2026-01-01T00:00:00Z\","
                                                                      "\"until\":\"2026-01-02T00:00:00Z\",\"groups\":[]}");
        QTest::newRow("denied summary: count a string")
            << QStringLiteral("denied")
            << QByteArray("{\"object\":\"denied_summary\",\"since\":\"2026-01-01T00:00:00Z\",\"until\":\"2026-01-02T00:00:00Z\","
                          "\"groups\":[{\"key_id\":null,\"key_display\":null,\"reason\":\"missing credentials\",\"count\":\"3\","
                          "\"first_at\":\"2026-01-01T01:00:00Z\",\"last_at\":\"2026-01-01T02:00:00Z\",\"ips\":[],\"ip_count\":0}]}");
        QTest::newRow("denied summary: last before first")
            << QStringLiteral("denied")
            << QByteArray("{\"object\":\"denied_summary\",\"since\":\"2026-01-01T00:00:00Z\",\"until\":\"2026-01-02T00:00:00Z\","
                          "\"groups\":[{\"key_id\":\"key_1\",\"key_display\":\"k\",\"reason\":\"revoked key\",\"count\":3,"
                          "\"first_at\":\"2026-01-01T03:00:00Z\",\"last_at\":\"2026-01-01T02:00:00Z\",\"ips\":[],\"ip_count\":0}]}");
        QTest::newRow("denied summary: address without ip")
            << QStringLiteral("denied")
            << QByteArray("{\"object\":\"denied_summary\",\"since\":\"2026-01-01T00:00:00Z\",\"until\":\"2026-01-02T00:00:00Z\","
                          "\"groups\":[{\"key_id\":\"key_1\",\"key_display\":\"k\",\"reason\":\"revoked key\",\"count\":3,"
                          "\"first_at\":\"2026-01-01T01:00:00Z\",\"last_at\":\"2026-01-01T02:00:00Z\",\"ips\":[{\"count\":3}],"
                          "\"ip_count\":1}]}");
    }

    void malformedAnswersAreFailures()
    {
        QFETCH(QString, call);
        QFETCH(QByteArray, body);
        CannedServer canned;
        canned.body = body;
        QVERIFY(canned.listen(QHostAddress::LocalHost, 0));
        QUrl base;
        base.setScheme(QStringLiteral("http"));
        base.setHost(QStringLiteral("127.0.0.1"));
        base.setPort(canned.serverPort());
        ApiClient api(m_network.get(), base, m_token.get());
        api.setOptions({5'000, 1, 50, 1});
        AuditService service(&api);
        std::optional<ApiFailure> failure;
        auto fail = [&failure](const auto &r) {
            QVERIFY(!r.ok());
            failure = r.error();
        };
        if (call == QLatin1String("page"))
            service.page({}, {}, 10, this, [&](const Result<AuditPage> &r) { fail(r); });
        else if (call == QLatin1String("head"))
            service.head(this, [&](const Result<AuditHead> &r) { fail(r); });
        else if (call == QLatin1String("chain"))
            service.chain(0, 10, this, [&](const Result<AuditChainPage> &r) { fail(r); });
        else if (call == QLatin1String("denied"))
            service.deniedSummary({}, {}, {}, this, [&](const Result<DeniedSummary> &r) { fail(r); });
        else
            service.histogram({}, AuditHistogram::Bucket::Day, 0, this, [&](const Result<AuditHistogram> &r) { fail(r); });
        QTRY_VERIFY_WITH_TIMEOUT(failure, 10'000);
        QCOMPARE(failure->kind, ApiFailure::Kind::Parse);
        QVERIFY2(failure->message.endsWith(QLatin1Char('?')) || failure->message.endsWith(QLatin1Char('.')),
                 qPrintable(failure->message));
    }

    void headIsSignedByTheServer()
    {
        const Result<AuditHead> head = fetchHead();
        QVERIFY2(head.ok(), head.ok() ? "" : qPrintable(head.error().text()));
        QVERIFY(head.value().seq > 20000);
        QCOMPARE(head.value().id, AuditEvent::idForSeq(head.value().seq));
        const HeadVerification v = HeadVerifier::verify(head.value());
        QVERIFY2(v.ok, qPrintable(v.reason));
        // The RFC 7638 thumbprint is what keyward-server names its key by, in the JWKS too.
        QCOMPARE(v.thumbprint, head.value().jwk.value(QStringLiteral("kid")).toString());
        const QJsonArray keys = m_server.get(QStringLiteral("/.well-known/jwks.json")).json().value(QStringLiteral("keys")).toArray();
        QCOMPARE(keys.first().toObject().value(QStringLiteral("kid")).toString(), v.thumbprint);
        QVERIFY(HeadVerifier::verify(head.value(), v.thumbprint).ok); // pinned to itself
        // The newest listed event is the head (nothing was denied meanwhile).
        const QJsonObject newest = m_server.get(QStringLiteral("/audit-events?limit=1"), m_admin).json()
                                       .value(QStringLiteral("data")).toArray().first().toObject();
        QCOMPARE(newest.value(QStringLiteral("hash")).toString(), head.value().hash);
    }

    void forgedHeadsAreRejected_data()
    {
        QTest::addColumn<QString>("forgery");
        QTest::addColumn<QString>("reason");
        QTest::newRow("signature byte flipped") << QStringLiteral("signature") << QStringLiteral("does not verify");
        QTest::newRow("signature truncated") << QStringLiteral("short") << QStringLiteral("64-byte");
        QTest::newRow("payload hash swapped") << QStringLiteral("payload") << QStringLiteral("does not verify");
        QTest::newRow("head hash changed") << QStringLiteral("hash") << QStringLiteral("something else");
        QTest::newRow("head seq changed") << QStringLiteral("seq") << QStringLiteral("something else");
        QTest::newRow("alg none") << QStringLiteral("none") << QStringLiteral("not ES256");
        QTest::newRow("alg HS256") << QStringLiteral("hs256") << QStringLiteral("not ES256");
        QTest::newRow("key off the curve") << QStringLiteral("curve") << QStringLiteral("P-256 curve");
        QTest::newRow("RSA key") << QStringLiteral("rsa") << QStringLiteral("not an EC P-256 key");
        QTest::newRow("private key part") << QStringLiteral("private") << QStringLiteral("not an EC P-256 key");
        QTest::newRow("not a JWS") << QStringLiteral("garbage") << QStringLiteral("compact JWS");
    }

    void forgedHeadsAreRejected()
    {
        QFETCH(QString, forgery);
        QFETCH(QString, reason);
        const Result<AuditHead> fetched = fetchHead();
        QVERIFY(fetched.ok());
        AuditHead head = fetched.value();
        QList<QByteArray> parts = head.jws.split('.');
        const auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        if (forgery == QLatin1String("signature")) {
            QByteArray sig = QByteArray::fromBase64(parts.at(2), QByteArray::Base64UrlEncoding);
            sig[10] = char(sig.at(10) ^ 0x01);
            parts[2] = sig.toBase64(b64);
            head.jws = parts.join('.');
        } else if (forgery == QLatin1String("short")) {
            parts[2] = QByteArray::fromBase64(parts.at(2), QByteArray::Base64UrlEncoding).left(48).toBase64(b64);
            head.jws = parts.join('.');
        } else if (forgery == QLatin1String("payload")) {
            // The signed claim says another hash; the head agrees with it, the signature does not.
            const QString other = QString(64, QLatin1Char('a'));
            reencodedPayload(head.jws, [&](QJsonObject &p) { p.insert(QStringLiteral("hash"), other); }, &head.jws);
            head.hash = other;
        } else if (forgery == QLatin1String("hash")) {
            head.hash = QString(64, QLatin1Char('b'));
        } else if (forgery == QLatin1String("seq")) {
            head.seq += 1;
        } else if (forgery == QLatin1String("none") || forgery == QLatin1String("hs256")) {
            const QJsonObject header {{QStringLiteral("alg"), forgery == QLatin1String("none") ? QStringLiteral("none") : QStringLiteral("HS256")},
                                      {QStringLiteral("typ"), QStringLiteral("JWT")}};
            parts[0] = QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(b64);
            if (forgery == QLatin1String("none"))
                parts[2].clear();
            head.jws = parts.join('.');
        } else if (forgery == QLatin1String("curve")) {
            QByteArray x = QByteArray::fromBase64(head.jwk.value(QStringLiteral("x")).toString().toLatin1(), QByteArray::Base64UrlEncoding);
            x[31] = char(x.at(31) ^ 0x01);
            head.jwk.insert(QStringLiteral("x"), QString::fromLatin1(x.toBase64(b64)));
            head.jwk.remove(QStringLiteral("kid"));
        } else if (forgery == QLatin1String("rsa")) {
            head.jwk = {{QStringLiteral("kty"), QStringLiteral("RSA")}, {QStringLiteral("n"), QStringLiteral("AQAB")},
                        {QStringLiteral("e"), QStringLiteral("AQAB")}};
        } else if (forgery == QLatin1String("private")) {
            head.jwk.insert(QStringLiteral("d"), QStringLiteral("AAAA"));
        } else {
            head.jws = "not.a-jws";
        }
        const HeadVerification v = HeadVerifier::verify(head);
        QVERIFY(!v.ok);
        QVERIFY2(v.reason.contains(reason), qPrintable(v.reason));
        QVERIFY(v.reason.endsWith(QLatin1Char('.')));

        // The verifier refuses to vouch for anything under such a head.
        m_audit->tamperHead = [head](AuditHead &h) { h = head; };
        ChainVerifier verifier(m_audit.get());
        const AuditVerification result = run(verifier, [&] { return verifier.verifyEntireLog(); });
        QCOMPARE(result.outcome, AuditVerification::Outcome::Broken);
        QVERIFY(!result.headSigned);
        QVERIFY2(result.summary().contains(QLatin1String("signed head does not verify")), qPrintable(result.summary()));
    }

    void anotherServersKeyFailsThePin()
    {
        TestServer other;
        QVERIFY(other.start());
        const QString reader = other.createKey(QStringLiteral("audit_log:read"), QStringLiteral("other"));
        const Result<AuditHead> mineResult = fetchHead();
        QVERIFY(mineResult.ok());
        const AuditHead mine = mineResult.value();
        const QString pinned = HeadVerifier::verify(mine).thumbprint;
        QVERIFY(!pinned.isEmpty());

        const QJsonObject raw = other.get(QStringLiteral("/audit-events/head"), reader).json();
        AuditHead theirs;
        theirs.id = raw.value(QStringLiteral("id")).toString();
        theirs.seq = raw.value(QStringLiteral("seq")).toInteger();
        theirs.hash = raw.value(QStringLiteral("hash")).toString();
        theirs.signedAt = raw.value(QStringLiteral("signed_at")).toString();
        theirs.jws = raw.value(QStringLiteral("jws")).toString().toLatin1();
        theirs.jwk = raw.value(QStringLiteral("jwk")).toObject();
        // Properly signed, by a key this profile did not record.
        const HeadVerification unpinned = HeadVerifier::verify(theirs);
        QVERIFY2(unpinned.ok, qPrintable(unpinned.reason));
        QVERIFY(unpinned.thumbprint != pinned);
        const HeadVerification v = HeadVerifier::verify(theirs, pinned);
        QVERIFY(!v.ok);
        QVERIFY(v.pinMismatch);
        QVERIFY(v.reason.contains(pinned));
        // Our head presented with their key: the signature does not hold.
        AuditHead swapped = mine;
        swapped.jwk = theirs.jwk;
        const HeadVerification s = HeadVerifier::verify(swapped);
        QVERIFY(!s.ok);
        QVERIFY2(s.reason.contains(QLatin1String("signed by key")), qPrintable(s.reason));
        swapped.jwk.remove(QStringLiteral("kid"));
        QVERIFY(HeadVerifier::verify(swapped).reason.contains(QLatin1String("does not verify")));
        QCOMPARE(other.stop(), 0);
    }

    void offlineCheckOfAListPage()
    {
        const Result<AuditPage> page = await<AuditPage>([this](auto done) { m_audit->page({}, {}, 100, this, done); });
        QVERIFY(page.ok());
        QList<QJsonObject> events = page.value().events;
        const AuditVerification intact = ChainLinker::checkEvents(events);
        QVERIFY2(intact.isIntact(), qPrintable(intact.summary()));
        QCOMPARE(intact.eventsVerified, 100);
        QCOMPARE(intact.entriesLinked, 99); // one organisation: every neighbour is linked
        QCOMPARE(intact.gapsUnchecked, 0);
        QVERIFY(!intact.anchored);
        QVERIFY(intact.summary().contains(QLatin1String("not yet checked against the signed head")));

        const qint64 seq40 = AuditEvent::seqFromId(events.at(40).value(QStringLiteral("id")).toString());
        QList<QJsonObject> altered = events;
        altered[40].insert(QStringLiteral("ip"), QStringLiteral("10.9.8.7"));
        AuditVerification v = ChainLinker::checkEvents(altered);
        QCOMPARE(v.outcome, AuditVerification::Outcome::Broken);
        QCOMPARE(v.brokenSeq, seq40);
        QVERIFY2(v.summary().contains(QLatin1String("was altered")), qPrintable(v.summary()));
        QVERIFY(v.summary().contains(AuditEvent::idForSeq(seq40)));

        QList<QJsonObject> reordered = events;
        reordered.swapItemsAt(40, 41);
        v = ChainLinker::checkEvents(reordered);
        QCOMPARE(v.outcome, AuditVerification::Outcome::Broken);
        QVERIFY2(v.reason.contains(QLatin1String("out of order")), qPrintable(v.reason));

        // Rehashed after the change: the content matches, the next event's link does not.
        QList<QJsonObject> rehashed = events;
        rehashed[40].insert(QStringLiteral("ip"), QStringLiteral("10.9.8.7"));
        rehashed[40].insert(QStringLiteral("hash"), AuditChain::computeHash(rehashed[40]));
        v = ChainLinker::checkEvents(rehashed);
        QCOMPARE(v.outcome, AuditVerification::Outcome::Broken);
        QCOMPARE(v.brokenSeq, seq40 + 1);
        QVERIFY2(v.reason.contains(QLatin1String("prev_hash")), qPrintable(v.reason));

        // Removed: offline, a gap is all one sees (a filter makes gaps too); the chain walk of
        // verifyView tells (viewVerificationCatchesTampering).
        QList<QJsonObject> removed = events;
        removed.removeAt(40);
        v = ChainLinker::checkEvents(removed);
        QVERIFY(v.isIntact());
        QCOMPARE(v.gapsUnchecked, 1);
    }

    void entireLogVerifies()
    {
        ChainVerifier verifier(m_audit.get());
        QSignalSpy progress(&verifier, &ChainVerifier::progress);
        QVERIFY(progress.isValid());
        QElapsedTimer timer;
        timer.start();
        const AuditVerification v = run(verifier, [&] { return verifier.verifyEntireLog(); });
        const qint64 ms = timer.elapsed();
        QVERIFY2(v.isIntact(), qPrintable(v.summary()));
        QVERIFY(v.headSigned);
        QVERIFY(v.anchored);
        QCOMPARE(v.firstSeq, 1);
        QVERIFY(v.lastSeq > 20000);
        QCOMPARE(v.entriesLinked, v.lastSeq);
        QCOMPARE(v.eventsVerified, v.lastSeq); // one organisation: no stubs
        QCOMPARE(v.stubsLinked, 0);
        QVERIFY2(v.summary().startsWith(QLatin1String("Verified: ")), qPrintable(v.summary()));
        QVERIFY(v.summary().endsWith(QLatin1String("chain intact, head signed by the server.")));
        QVERIFY(progress.size() >= 3);
        qint64 previous = -1;
        for (const QList<QVariant> &p : std::as_const(progress)) {
            QVERIFY(p.at(0).toLongLong() >= previous);
            QCOMPARE(p.at(1).toLongLong(), v.lastSeq);
            previous = p.at(0).toLongLong();
        }
        QCOMPARE(previous, v.lastSeq);
        qInfo("verified %lld chained events against the signed head in %lld ms", v.entriesLinked, ms);
    }

    void entireLogDetectsTampering_data()
    {
        QTest::addColumn<QString>("tampering");
        QTest::addColumn<qint64>("brokenSeq");
        QTest::addColumn<QString>("reason");
        QTest::newRow("altered") << QStringLiteral("altered") << qint64(7) << QStringLiteral("was altered");
        QTest::newRow("altered and rehashed") << QStringLiteral("rehashed") << qint64(8)
                                              << QStringLiteral("prev_hash is not the hash of evt_7");
        QTest::newRow("removed") << QStringLiteral("removed") << qint64(7) << QStringLiteral("skips from evt_6 to evt_8");
        QTest::newRow("reordered") << QStringLiteral("reordered") << qint64(7) << QStringLiteral("out of order");
        QTest::newRow("duplicated") << QStringLiteral("duplicated") << qint64(6) << QStringLiteral("comes again");
        QTest::newRow("first link forged") << QStringLiteral("genesis") << qint64(1) << QStringLiteral("genesis");
        QTest::newRow("truncated") << QStringLiteral("truncated") << qint64(20) << QStringLiteral("chain ends before it");
    }

    void entireLogDetectsTampering()
    {
        QFETCH(QString, tampering);
        QFETCH(qint64, brokenSeq);
        QFETCH(QString, reason);
        m_audit->tamperChain = [tampering](QList<QJsonObject> &entries) {
            auto at = [&entries](qint64 seq) {
                for (qsizetype i = 0; i < entries.size(); ++i) {
                    if (entries.at(i).value(QStringLiteral("id")).toString() == AuditEvent::idForSeq(seq))
                        return i;
                }
                return qsizetype(-1);
            };
            const qsizetype i = at(7);
            if (tampering == QLatin1String("truncated")) {
                entries.erase(std::remove_if(entries.begin(), entries.end(), [](const QJsonObject &e) {
                    return AuditEvent::seqFromId(e.value(QStringLiteral("id")).toString()) >= 20;
                }), entries.end());
            } else if (tampering == QLatin1String("genesis") && at(1) >= 0) {
                QJsonObject &first = entries[at(1)];
                first.insert(QStringLiteral("prev_hash"), QString(64, QLatin1Char('f')));
                first.insert(QStringLiteral("hash"), AuditChain::computeHash(first));
            } else if (i < 0) {
                return;
            } else if (tampering == QLatin1String("altered")) {
                entries[i].insert(QStringLiteral("user_agent"), QStringLiteral("innocent/1.0"));
            } else if (tampering == QLatin1String("rehashed")) {
                entries[i].insert(QStringLiteral("user_agent"), QStringLiteral("innocent/1.0"));
                entries[i].insert(QStringLiteral("hash"), AuditChain::computeHash(entries[i]));
            } else if (tampering == QLatin1String("removed")) {
                entries.removeAt(i);
            } else if (tampering == QLatin1String("reordered")) {
                entries.swapItemsAt(i, i + 1);
            } else if (tampering == QLatin1String("duplicated")) {
                entries.insert(i, entries.at(i - 1));
            }
        };
        ChainVerifier verifier(m_audit.get());
        const AuditVerification v = run(verifier, [&] { return verifier.verifyEntireLog(); });
        QCOMPARE(v.outcome, AuditVerification::Outcome::Broken);
        QCOMPARE(v.brokenSeq, brokenSeq);
        QVERIFY2(v.reason.contains(reason), qPrintable(v.reason));
        QVERIFY(v.headSigned);
        QVERIFY(!v.anchored);
        QVERIFY2(v.summary().startsWith(QStringLiteral("Verification failed at ") + AuditEvent::idForSeq(brokenSeq)),
                 qPrintable(v.summary()));
    }

    void viewOfAFilterVerifies()
    {
        AuditLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        AuditFilter filter;
        filter.actions = {QStringLiteral("secret_key.")};
        model.setFetcher(m_audit->fetcherFor(filter, this));
        for (int i = 0; i < 100; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10'000);
            if (!model.canFetchMore())
                break;
            model.fetchMore();
        }
        QVERIFY(model.lastError().isEmpty());
        QVERIFY(model.rowCount() > 50);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.index(row, 0).data(AuditLogModel::IntactRole).toBool());
        ChainVerifier verifier(m_audit.get());
        const AuditVerification v = run(verifier, [&] { return verifier.verifyView(model.rowDigests(), filter); });
        QVERIFY2(v.isIntact(), qPrintable(v.summary()));
        QCOMPARE(v.eventsVerified, qint64(model.rowCount()));
        QVERIFY(v.anchored);
        QCOMPARE(v.firstSeq, model.seqAt(model.rowCount() - 1));
        QVERIFY(v.summary().contains(QLatin1String("chain intact, head signed by the server.")));
    }

    void compactedRowsComeBackFromTheServer()
    {
        // No tester here: it asks for more on every change, like an eager view, and would page
        // through all of the log.
        AuditLogModel model;
        model.setPageSize(50);
        model.setMaxMaterialisedRows(100);
        model.setFetcher(m_audit->fetcherFor({}, this));
        while (model.rowCount() < 300) {
            QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10'000);
            QVERIFY(model.lastError().isEmpty());
            if (model.rowCount() < 300)
                model.fetchMore();
        }
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10'000);
        QVERIFY(model.materialisedRowCount() <= 100);
        QVERIFY(!model.index(120, 0).data(AuditLogModel::MaterialisedRole).toBool());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(changed.isValid());
        QVERIFY(!model.requestEvent(120));
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10'000);
        QVERIFY(model.lastError().isEmpty());
        const QJsonObject event = model.eventAt(120);
        QCOMPARE(event.value(QStringLiteral("id")).toString(), AuditEvent::idForSeq(model.seqAt(120)));
        const QJsonObject raw = m_server.get(QStringLiteral("/audit-events?limit=1&starting_after=")
                                                 + AuditEvent::idForSeq(model.seqAt(119)), m_admin)
                                    .json().value(QStringLiteral("data")).toArray().first().toObject();
        QCOMPARE(event, raw);
        QVERIFY(model.index(120, 0).data(AuditLogModel::IntactRole).toBool());
    }

    void viewVerificationCatchesTampering_data()
    {
        QTest::addColumn<QString>("tampering");
        QTest::addColumn<QString>("reason");
        QTest::newRow("an event left out") << QStringLiteral("removed") << QStringLiteral("the list left it out");
        QTest::newRow("content altered") << QStringLiteral("altered") << QStringLiteral("as listed does not match");
        QTest::newRow("another version") << QStringLiteral("version") << QStringLiteral("another version");
        QTest::newRow("newer than the head") << QStringLiteral("future") << QStringLiteral("newer than the newest event");
    }

    void viewVerificationCatchesTampering()
    {
        QFETCH(QString, tampering);
        QFETCH(QString, reason);
        const Result<AuditPage> page = await<AuditPage>([this](auto done) { m_audit->page({}, {}, 200, this, done); });
        QVERIFY(page.ok());
        QList<QJsonObject> events = page.value().events;
        const qint64 seq = AuditEvent::seqFromId(events.at(50).value(QStringLiteral("id")).toString());
        if (tampering == QLatin1String("removed")) {
            events.removeAt(50);
        } else if (tampering == QLatin1String("altered")) {
            events[50].insert(QStringLiteral("ip"), QStringLiteral("10.0.0.1"));
        } else if (tampering == QLatin1String("version")) {
            // Content and hash agree, but the chain holds another event at this seq.
            events[50].insert(QStringLiteral("ip"), QStringLiteral("10.0.0.1"));
            events[50].insert(QStringLiteral("hash"), AuditChain::computeHash(events[50]));
        }
        std::vector<AuditRowDigest> rows = digestsOf(events);
        qint64 expectedSeq = seq;
        if (tampering == QLatin1String("future")) {
            AuditRowDigest ghost = rows.front();
            ghost.seq += 1000;
            rows.insert(rows.begin(), ghost);
            expectedSeq = ghost.seq;
        }
        ChainVerifier verifier(m_audit.get());
        const AuditVerification v = run(verifier, [&] { return verifier.verifyView(rows, {}); });
        QCOMPARE(v.outcome, AuditVerification::Outcome::Broken);
        QCOMPARE(v.brokenSeq, expectedSeq);
        QVERIFY2(v.reason.contains(reason), qPrintable(v.reason));
    }

    // Lets every hashing job finish and delivers what it and the network queued for this thread,
    // so a signal that should not come would have come by now.
    static void drain()
    {
        for (int round = 0; round < 3; ++round) {
            QThreadPool::globalInstance()->waitForDone();
            QCoreApplication::sendPostedEvents();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            QCoreApplication::processEvents();
        }
    }

    void verificationCanBeCancelled()
    {
        auto verifier = std::make_unique<ChainVerifier>(m_audit.get());
        verifier->setPageSize(100);
        QSignalSpy finished(verifier.get(), &ChainVerifier::finished);
        QVERIFY(finished.isValid());
        ChainVerifier *raw = verifier.get();
        qint64 progressAtCancel = -1;
        connect(raw, &ChainVerifier::progress, raw, [&](qint64 done, qint64) {
            if (done > 0 && progressAtCancel < 0) {
                progressAtCancel = done;
                raw->cancel();
            }
        });
        QVERIFY(verifier->verifyEntireLog());
        QVERIFY(!verifier->verifyEntireLog()); // one job at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
        const auto v = finished.first().first().value<AuditVerification>();
        QCOMPARE(v.outcome, AuditVerification::Outcome::Cancelled);
        QVERIFY(v.eventsVerified < v.lastSeq);
        QVERIFY(!verifier->isRunning());
        // Started again at once, while the cancelled job's last page may still be hashed: the new
        // walk takes nothing from the old one and ends intact.
        progressAtCancel = 1; // no more cancelling
        QVERIFY(verifier->verifyEntireLog());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60'000);
        const auto again = finished.last().first().value<AuditVerification>();
        QVERIFY2(again.isIntact(), qPrintable(again.summary()));
        QCOMPARE(again.eventsVerified, again.lastSeq);
        drain(); // nothing of either job reports again
        QCOMPARE(finished.size(), 2);
        // Deleted mid-walk (once a page is being hashed): nothing dangles.
        QSignalSpy walking(raw, &ChainVerifier::progress);
        QVERIFY(verifier->verifyEntireLog());
        QTRY_VERIFY_WITH_TIMEOUT(!walking.isEmpty(), 30'000);
        verifier.reset();
        drain(); // worker results and answers for the deleted job arrive and find nothing
    }

    void otherOrganisationsAreStubs()
    {
        const Result<AuditHead> first = fetchHead();
        QVERIFY(first.ok());
        const qint64 before = first.value().seq;
        QByteArray out, err;
        const int code = TestServer::run({QStringLiteral("seed-audit"), QStringLiteral("--database"), m_server.databaseUrl(),
                                          QStringLiteral("--events"), QStringLiteral("120"), QStringLiteral("--org"),
                                          QStringLiteral("org_elsewhere")}, &out, &err);
        QVERIFY2(code == 0, err.constData());
        QVERIFY(!createKey(QStringLiteral("after the neighbours")).isEmpty());
        const Result<AuditHead> second = fetchHead();
        QVERIFY(second.ok());
        const AuditHead head = second.value();
        QCOMPARE(head.seq, before + 121);

        // The list shows our events only: the newest two are separated by the other organisation's.
        QList<QJsonObject> newest;
        for (const QJsonValue &e : m_server.get(QStringLiteral("/audit-events?limit=2"), m_admin).json().value(QStringLiteral("data")).toArray())
            newest.append(e.toObject());
        QCOMPARE(newest.size(), 2);
        QCOMPARE(AuditEvent::seqFromId(newest.at(0).value(QStringLiteral("id")).toString()), head.seq);
        QCOMPARE(AuditEvent::seqFromId(newest.at(1).value(QStringLiteral("id")).toString()), before);
        QCOMPARE(ChainLinker::checkEvents(newest).gapsUnchecked, 1);

        ChainVerifier verifier(m_audit.get());
        AuditVerification v = run(verifier, [&] { return verifier.verifyView(digestsOf(newest), {}); });
        QVERIFY2(v.isIntact(), qPrintable(v.summary()));
        QCOMPARE(v.eventsVerified, 2);
        QCOMPARE(v.stubsLinked, 120);

        v = run(verifier, [&] { return verifier.verifyEntireLog(); });
        QVERIFY2(v.isIntact(), qPrintable(v.summary()));
        QCOMPARE(v.stubsLinked, 120);
        QCOMPARE(v.eventsVerified, head.seq - 120);

        // A stub presented as ours is caught.
        std::vector<AuditRowDigest> rows = digestsOf(newest);
        const Result<AuditChainPage> stubPage = await<AuditChainPage>([&](auto done) {
            m_audit->chain(before, 1, this, done);
        });
        QVERIFY(stubPage.ok() && stubPage.value().entries.size() == 1);
        const QJsonObject stub = stubPage.value().entries.first();
        QVERIFY(stub.value(QStringLiteral("redacted")).toBool());
        AuditRowDigest claimed;
        claimed.seq = before + 1;
        const QByteArray raw = QByteArray::fromHex(stub.value(QStringLiteral("hash")).toString().toLatin1());
        std::copy(raw.cbegin(), raw.cend(), claimed.hash.begin());
        claimed.intact = true;
        rows.push_back(claimed);
        v = run(verifier, [&] { return verifier.verifyView(rows, {}); });
        QCOMPARE(v.outcome, AuditVerification::Outcome::Broken);
        QCOMPARE(v.brokenSeq, before + 1);
        QVERIFY(v.reason.contains(QLatin1String("another organization")));
    }

    void histogramCountsWhatTheListHas()
    {
        const QDateTime until = QDateTime::currentDateTimeUtc();
        AuditFilter filter;
        filter.actions = {QStringLiteral("secret_key.")};
        filter.since = QDateTime(until.date().addDays(-100), QTime(0, 0), QTimeZone::utc()); // a UTC midnight
        filter.until = until;
        const Result<AuditHistogram> days = await<AuditHistogram>([&](auto done) {
            m_audit->histogram(filter, AuditHistogram::Bucket::Day, 0, this, done);
        });
        QVERIFY2(days.ok(), days.ok() ? "" : qPrintable(days.error().text()));
        QCOMPARE(days.value().bucket, AuditHistogram::Bucket::Day);
        QCOMPARE(days.value().since, filter.since);
        QString query = QStringLiteral("action=secret_key.&since=") + toRfc3339Ms(filter.since.toMSecsSinceEpoch())
            + QStringLiteral("&until=") + toRfc3339Ms(until.toMSecsSinceEpoch());
        const QList<QJsonObject> listed = rawEvents(query);
        QVERIFY(listed.size() > 50);
        QCOMPARE(days.value().total(), qint64(listed.size()));
        QHash<QString, qint64> perAction;
        for (const QJsonObject &e : listed)
            ++perAction[e.value(QStringLiteral("action")).toString()];
        QHash<QString, qint64> counted;
        for (const AuditHistogramBucket &b : days.value().buckets) {
            QVERIFY(b.total > 0); // only non-empty buckets
            qint64 sum = 0;
            for (auto it = b.counts.cbegin(); it != b.counts.cend(); ++it) {
                counted[it.key()] += it.value();
                sum += it.value();
            }
            QCOMPARE(sum, b.total);
            QCOMPARE(b.start.time(), QTime(0, 0));
        }
        QCOMPARE(counted, perAction);

        // Hours local to UTC+05:30 start at whole local hours.
        AuditFilter recent;
        recent.since = until.addDays(-2);
        const Result<AuditHistogram> hours = await<AuditHistogram>([&](auto done) {
            m_audit->histogram(recent, AuditHistogram::Bucket::Hour, 330, this, done);
        });
        QVERIFY(hours.ok());
        QCOMPARE(hours.value().utcOffsetMinutes, 330);
        QVERIFY(!hours.value().buckets.isEmpty());
        for (const AuditHistogramBucket &b : hours.value().buckets)
            QCOMPARE((b.start.toMSecsSinceEpoch() + 330 * 60'000) % 3'600'000, 0);
    }

    void deniedSummaryShowsARevokedKeyInUseFirst()
    {
        // Since just before the revocation: only this key's denials, whatever the demo has.
        const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-1);
        const QString secret = m_server.createKey(QStringLiteral("payments:read"), QStringLiteral("leaky payments"));
        QVERIFY(!secret.isEmpty());
        const QString leakyId = m_server.get(QStringLiteral("/me"), secret).json().value(QStringLiteral("id")).toString();
        QVERIFY(leakyId.startsWith(QStringLiteral("key_")));
        QCOMPARE(m_server.get(QStringLiteral("/payments"), secret).status, 200);
        QCOMPARE(m_server.post(QStringLiteral("/secret-keys/%1/revoke").arg(leakyId), QByteArray(), m_admin).status, 200);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(m_server.get(QStringLiteral("/payments"), secret).status, 401);
        // Another caller denied more often, for a reason that is no leak.
        for (int i = 0; i < 6; ++i)
            QCOMPARE(m_server.get(QStringLiteral("/payments")).status, 401);
        // The denied events are written after the answers.
        auto fetch = [&](const QString &key) {
            return await<DeniedSummary>([&](auto done) { m_audit->deniedSummary(since, {}, key, this, done); });
        };
        QVERIFY(QTest::qWaitFor([&] {
            const Result<DeniedSummary> r = fetch({});
            qint64 total = 0;
            if (r.ok()) {
                for (const DeniedSummaryGroup &g : r.value().groups)
                    total += g.count;
            }
            return total >= 10;
        }, 10'000));
        const Result<DeniedSummary> summary = fetch({});
        QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().text()));
        QCOMPARE(summary.value().since, since);
        QVERIFY(summary.value().until > since);
        QCOMPARE(summary.value().groups.size(), qsizetype(2));
        QCOMPARE(summary.value().groupCount, qint64(2));
        const DeniedSummaryGroup &first = summary.value().groups.first();
        QCOMPARE(first.keyId, leakyId);
        QVERIFY2(first.keyDisplay.startsWith(QStringLiteral("leaky payments (skey_")), qPrintable(first.keyDisplay));
        QCOMPARE(first.reason, QStringLiteral("revoked key"));
        QVERIFY(first.isDeadKey());
        QCOMPARE(first.count, qint64(4));
        QCOMPARE(first.ipCount, qint64(1));
        QCOMPARE(first.ips.size(), qsizetype(1));
        QCOMPARE(first.ips.first().ip, QStringLiteral("127.0.0.1"));
        QCOMPARE(first.ips.first().count, qint64(4));
        QVERIFY(first.firstAt.isValid() && first.firstAt <= first.lastAt && first.firstAt >= since);
        const DeniedSummaryGroup &second = summary.value().groups.at(1);
        QVERIFY(second.keyId.isEmpty() && second.keyDisplay.isEmpty());
        QCOMPARE(second.reason, QStringLiteral("missing credentials"));
        QCOMPARE(second.count, qint64(6));
        QVERIFY(!second.isDeadKey());

        // For one key, and the same counts as the list.
        const Result<DeniedSummary> one = fetch(leakyId);
        QVERIFY(one.ok());
        QCOMPARE(one.value().groups.size(), qsizetype(1));
        QCOMPARE(one.value().groups.first().count,
                 qint64(rawEvents(QStringLiteral("action=auth.denied&key_id=") + leakyId).size()));
    }

    void deniedSummaryOfAQuietRangeIsEmpty()
    {
        const QDateTime until = QDateTime::currentDateTimeUtc().addYears(-20);
        const Result<DeniedSummary> r = await<DeniedSummary>([&](auto done) {
            m_audit->deniedSummary(until.addDays(-1), until, {}, this, done);
        });
        QVERIFY(r.ok());
        QVERIFY(r.value().groups.isEmpty());
        QCOMPARE(r.value().groupCount, qint64(0));
        // A range the server refuses is a failure with the server's sentence.
        const Result<DeniedSummary> bad = await<DeniedSummary>([&](auto done) {
            m_audit->deniedSummary(until, until.addDays(-1), {}, this, done);
        });
        QVERIFY(!bad.ok());
    }

    void exportWritesWhatTheApiReturned_data()
    {
        QTest::addColumn<bool>("csv");
        QTest::newRow("CSV") << true;
        QTest::newRow("JSON Lines") << false;
    }

    void exportWritesWhatTheApiReturned()
    {
        QFETCH(bool, csv);
        // Notes a spreadsheet would run as formulas, and one that needs quoting.
        static bool created = false;
        if (!created) {
            QVERIFY(!createKey(QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")")).isEmpty());
            QVERIFY(!createKey(QStringLiteral("@SUM(1+1)")).isEmpty());
            QVERIFY(!createKey(QStringLiteral("-2+3")).isEmpty());
            created = true;
        }
        AuditFilter filter;
        filter.actions = {QStringLiteral("secret_key.")};
        const QList<QJsonObject> expected = rawEvents(QStringLiteral("action=secret_key."));
        QVERIFY2(expected.size() > 60, qPrintable(QString::number(expected.size())));

        QTemporaryDir dir;
        const QString path = dir.filePath(csv ? QStringLiteral("audit.csv") : QStringLiteral("audit.jsonl"));
        AuditExport exporter(m_audit.get());
        exporter.setPageSize(20); // several pages
        QSignalSpy progress(&exporter, &AuditExport::progress);
        QSignalSpy finished(&exporter, &AuditExport::finished);
        QVERIFY(progress.isValid() && finished.isValid());
        QVERIFY(exporter.start(filter, csv ? AuditExport::Format::Csv : AuditExport::Format::JsonLines, path));
        QVERIFY(exporter.isRunning());
        QVERIFY(!QFile::exists(path)); // nothing at the target until it is complete
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60'000);
        const auto result = finished.first().first().value<AuditExportResult>();
        QCOMPARE(result.outcome, AuditExportResult::Outcome::Written);
        QCOMPARE(result.events, qint64(expected.size()));
        QVERIFY(progress.size() >= 4);
        for (const QList<QVariant> &p : std::as_const(progress))
            QVERIFY(p.at(1).toLongLong() < 0 || p.at(1).toLongLong() >= p.at(0).toLongLong());
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(expected.size()));
        QCOMPARE(progress.last().at(1).toLongLong(), qint64(expected.size()));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QFileInfo(path).fileName()});

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        if (!csv) {
            const QList<QByteArray> lines = content.split('\n');
            QCOMPARE(lines.size(), expected.size() + 1);
            QVERIFY(lines.last().isEmpty());
            for (qsizetype i = 0; i < expected.size(); ++i)
                QCOMPARE(QJsonDocument::fromJson(lines.at(i)).object(), expected.at(i));
            return;
        }
        const QList<QStringList> rows = parseCsv(content);
        QCOMPARE(rows.size(), expected.size() + 1);
        QCOMPARE(rows.first(), AuditExport::csvColumns());
        int guardedCells = 0;
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject &e = expected.at(i);
            const QJsonObject actor = e.value(QStringLiteral("actor")).toObject();
            const QJsonObject target = e.value(QStringLiteral("target")).toObject();
            const QStringList want {
                e.value(QStringLiteral("id")).toString(), e.value(QStringLiteral("at")).toString(),
                actor.value(QStringLiteral("type")).toString(), actor.value(QStringLiteral("id")).toString(),
                guarded(actor.value(QStringLiteral("display")).toString()), e.value(QStringLiteral("action")).toString(),
                target.value(QStringLiteral("type")).toString(), target.value(QStringLiteral("id")).toString(),
                guarded(target.value(QStringLiteral("display")).toString()), e.value(QStringLiteral("ip")).toString(),
                guarded(e.value(QStringLiteral("user_agent")).toString()), e.value(QStringLiteral("request_id")).toString()};
            const QStringList &got = rows.at(i + 1);
            QCOMPARE(got.size(), AuditExport::csvColumns().size());
            QCOMPARE(got.mid(0, want.size()), want);
            QCOMPARE(QJsonDocument::fromJson(got.at(12).toUtf8()).object(), e.value(QStringLiteral("details")).toObject());
            QCOMPARE(got.at(13), e.value(QStringLiteral("prev_hash")).toString());
            QCOMPARE(got.at(14), e.value(QStringLiteral("hash")).toString());
            if (got.at(8).startsWith(QLatin1Char('\'')))
                ++guardedCells;
        }
        QCOMPARE(guardedCells, 3); // the three notes above, in their created events' targets
    }

    void cancelledExportLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.csv"));
        const QString older = dir.filePath(QStringLiteral("older.csv"));
        {
            QFile f(older);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("an earlier export\r\n");
        }
        for (const QString &target : {path, older}) {
            AuditExport exporter(m_audit.get());
            exporter.setPageSize(50);
            QSignalSpy finished(&exporter, &AuditExport::finished);
            QVERIFY(finished.isValid());
            connect(&exporter, &AuditExport::progress, &exporter, [&exporter](qint64 done, qint64 total) {
                if (done >= 100) {
                    QVERIFY(total > done); // the whole log is far from written
                    exporter.cancel();
                }
            });
            QVERIFY(exporter.start({}, AuditExport::Format::Csv, target));
            QVERIFY(!exporter.start({}, AuditExport::Format::Csv, target)); // one at a time
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30'000);
            const auto result = finished.first().first().value<AuditExportResult>();
            QCOMPARE(result.outcome, AuditExportResult::Outcome::Cancelled);
            QCOMPARE(result.events, 100);
            QVERIFY(!exporter.isRunning());
        }
        // No half file, no temporary left behind; the older file is untouched.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList {QStringLiteral("older.csv")});
        QFile f(older);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("an earlier export\r\n"));
    }

    void exportToAnImpossiblePlaceFailsAtOnce()
    {
        AuditExport exporter(m_audit.get());
        QSignalSpy finished(&exporter, &AuditExport::finished);
        QVERIFY(!exporter.start({}, AuditExport::Format::JsonLines, QStringLiteral("/nonexistent-dir/audit.jsonl")));
        QVERIFY(exporter.errorString().contains(QLatin1String("/nonexistent-dir/audit.jsonl")));
        QVERIFY(!exporter.isRunning());
        drain(); // a queued finished() would be delivered here
        QCOMPARE(finished.size(), 0);
    }

    void csvFields_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("plain") << QStringLiteral("secret_key.created") << QByteArray("secret_key.created");
        QTest::newRow("empty") << QString() << QByteArray();
        QTest::newRow("comma") << QStringLiteral("a,b") << QByteArray("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("line break") << QStringLiteral("two\nlines") << QByteArray("\"two\nlines\"");
        QTest::newRow("formula") << QStringLiteral("=1+1") << QByteArray("'=1+1");
        QTest::newRow("plus") << QStringLiteral("+49 30") << QByteArray("'+49 30");
        QTest::newRow("minus") << QStringLiteral("-2") << QByteArray("'-2");
        QTest::newRow("at") << QStringLiteral("@cmd") << QByteArray("'@cmd");
        QTest::newRow("tab") << QStringLiteral("\tx") << QByteArray("'\tx");
        QTest::newRow("formula with comma") << QStringLiteral("=SUM(1,2)") << QByteArray("\"'=SUM(1,2)\"");
        QTest::newRow("not at the start") << QStringLiteral("a=b") << QByteArray("a=b");
        QTest::newRow("UTF-8") << QStringLiteral("skey_\u2022\u20223f9a") << QByteArray("skey_\xe2\x80\xa2\xe2\x80\xa2" "3f9a");
    }

    void csvFields()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, field);
        QCOMPARE(AuditExport::csvField(value), field);
    }

    void cleanupTestCase()
    {
        m_audit.reset();
        m_api.reset();
        QCOMPARE(m_server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAuditService)
#include "tst_auditservice.moc"

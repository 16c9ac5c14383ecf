// SPDX-License-Identifier: GPL-3.0-or-later
// AuditLogModel over an in-memory source: paging through canFetchMore/fetchMore (synchronous and
// asynchronous answers), raw-value roles, the human wording of actions and actors, a filter change
// resetting the model and ignoring late answers, a failed page that waits for retry(), and the
// memory bound: after 50,000 events at most 5,000 rows keep their JSON and every row costs a
// compact record. The model runs under QAbstractItemModelTester for the whole life of each test.
#include "AuditChain.h"
#include "AuditEvent.h"
#include "AuditEventFormat.h"
#include "AuditLogModel.h"
#include "Timestamps.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <memory>

using namespace keyward;

namespace {

const qint64 BaseMs = QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
const QString Bullets = QStringLiteral("\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022");

QJsonObject party(const QString &type, const QString &id, const QString &display)
{
    return {{QStringLiteral("type"), type},
            {QStringLiteral("id"), id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(id)},
            {QStringLiteral("display"), display}};
}

// A deterministic audit log held as a function of seq, not in memory: event(seq) builds the same
// JSON every time, with a hash that matches its content.
class FakeAuditSource
{
public:
    explicit FakeAuditSource(qint64 count) : m_count(count) { }

    bool async = false;
    int calls = 0;
    int failNext = 0;
    QString action; // only events with this action (a filter), or all
    std::function<void(QList<QJsonObject> &)> tamper;

    static QString fakePrev(qint64 seq)
    {
        return QString::fromLatin1(QCryptographicHash::hash(QByteArray::number(seq), QCryptographicHash::Sha256).toHex());
    }

    QJsonObject event(qint64 seq) const
    {
        static const char *const ips[] = {"198.51.100.7", "203.0.113.9", "192.0.2.44", "198.51.100.23", "203.0.113.200"};
        static const char *const agents[] = {"python-requests/2.31", "curl/8.4.0", "Go-http-client/1.1", "masscan/1.3"};
        QJsonObject e;
        e.insert(QStringLiteral("id"), AuditEvent::idForSeq(seq));
        e.insert(QStringLiteral("at"), toRfc3339Ms(BaseMs + seq * 1000));
        QJsonObject details;
        switch (seq % 10) {
        case 0:
            e.insert(QStringLiteral("action"), QStringLiteral("secret_key.created"));
            e.insert(QStringLiteral("actor"), party(QStringLiteral("user"), QStringLiteral("usr_1"), QStringLiteral("Ada Admin")));
            e.insert(QStringLiteral("target"), party(QStringLiteral("secret_key"), QStringLiteral("key_%1").arg(seq % 40),
                                                     QStringLiteral("Billing (skey_%1%2)").arg(Bullets).arg(seq % 40, 4, 10, QLatin1Char('0'))));
            details.insert(QStringLiteral("permissions"), QJsonArray {QStringLiteral("payments:write")});
            break;
        case 1:
            e.insert(QStringLiteral("action"), QStringLiteral("secret_key.revoked"));
            e.insert(QStringLiteral("actor"), party(QStringLiteral("user"), QStringLiteral("usr_2"), QStringLiteral("Bo Builder")));
            e.insert(QStringLiteral("target"), party(QStringLiteral("secret_key"), QStringLiteral("key_%1").arg(seq % 40),
                                                     QStringLiteral("skey_%1%2").arg(Bullets).arg(seq % 40, 4, 10, QLatin1Char('0'))));
            break;
        default:
            e.insert(QStringLiteral("action"), QStringLiteral("auth.denied"));
            e.insert(QStringLiteral("actor"), seq % 3 ? party(QStringLiteral("anonymous"), {}, QStringLiteral("anonymous client"))
                                                      : party(QStringLiteral("secret_key"), QStringLiteral("key_9"),
                                                              QStringLiteral("Leaked CI (skey_") + Bullets + QStringLiteral("3f9a)")));
            e.insert(QStringLiteral("target"), party(QStringLiteral("endpoint"), {}, QStringLiteral("GET /payments")));
            details = {{QStringLiteral("status"), 401},
                       {QStringLiteral("reason"), seq % 3 ? QStringLiteral("malformed key") : QStringLiteral("revoked key")},
                       {QStringLiteral("method"), QStringLiteral("GET")},
                       {QStringLiteral("path"), QStringLiteral("/payments")}};
        }
        e.insert(QStringLiteral("ip"), QLatin1String(ips[seq % 5]));
        e.insert(QStringLiteral("user_agent"), QLatin1String(agents[seq % 4]));
        e.insert(QStringLiteral("request_id"), QStringLiteral("req_%1").arg(seq));
        e.insert(QStringLiteral("details"), details);
        e.insert(QStringLiteral("prev_hash"), fakePrev(seq - 1));
        e.insert(QStringLiteral("hash"), AuditChain::computeHash(e));
        return e;
    }

    AuditLogModel::FetchedPage page(const QString &cursor, int limit) const
    {
        AuditLogModel::FetchedPage p;
        qint64 seq = cursor.isEmpty() ? m_count : AuditEvent::seqFromId(cursor) - 1;
        for (; seq >= 1; --seq) {
            if (!action.isEmpty() && event(seq).value(QStringLiteral("action")).toString() != action)
                continue;
            if (p.events.size() == limit) {
                p.hasMore = true;
                break;
            }
            p.events.append(event(seq));
        }
        if (p.hasMore)
            p.nextCursor = p.events.last().value(QStringLiteral("id")).toString();
        return p;
    }

    AuditLogModel::Fetcher fetcher(QObject *context)
    {
        QPointer<QObject> guard(context);
        return [this, guard](const QString &cursor, int limit, std::function<void(const AuditLogModel::FetchedPage &)> done) {
            ++calls;
            AuditLogModel::FetchedPage p;
            if (failNext > 0) {
                --failNext;
                p.error = QStringLiteral("The server at example.test did not answer in time.");
            } else {
                p = page(cursor, limit);
                if (tamper)
                    tamper(p.events);
            }
            if (!async) {
                done(p);
                return;
            }
            QTimer::singleShot(0, guard, [done, p] { done(p); });
        };
    }

private:
    qint64 m_count;
};

qsizetype heapInUse()
{
#ifdef __GLIBC__
    return qsizetype(mallinfo2().uordblks);
#else
    return -1;
#endif
}

} // namespace

class TestAuditLogModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<AuditLogModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    void fetchAll(int maxCalls = 1'000'000)
    {
        // The tester may have a page on its way already: wait for it, then ask until the end.
        for (int i = 0; i < maxCalls; ++i) {
            QTRY_VERIFY(!m_model->isLoading());
            if (!m_model->canFetchMore())
                break;
            m_model->fetchMore();
        }
    }

    QString cell(int row, int column) const
    {
        return m_model->data(m_model->index(row, column)).toString();
    }

private Q_SLOTS:
    void init()
    {
        m_tester.reset();
        m_model = std::make_unique<AuditLogModel>();
        m_model->setTimeZone(QTimeZone::utc());
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void columnsAndHeaders()
    {
        QCOMPARE(m_model->columnCount(), int(AuditLogModel::ColumnCount));
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(!m_model->canFetchMore()); // no fetcher yet
        const QStringList expected {QStringLiteral("Time"), QStringLiteral("Actor"), QStringLiteral("Action"),
                                    QStringLiteral("Target"), QStringLiteral("IP address"), QStringLiteral("User agent")};
        for (int c = 0; c < AuditLogModel::ColumnCount; ++c)
            QCOMPARE(m_model->headerData(c, Qt::Horizontal).toString(), expected.at(c));
    }

    void pagesArriveInKeysetOrder_data()
    {
        QTest::addColumn<bool>("async");
        QTest::newRow("synchronous answers") << false;
        QTest::newRow("asynchronous answers") << true;
    }

    void pagesArriveInKeysetOrder()
    {
        QFETCH(bool, async);
        FakeAuditSource source(1000);
        source.async = async;
        m_model->setPageSize(200);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy loading(m_model.get(), &AuditLogModel::loadingChanged);
        QVERIFY(inserted.isValid() && loading.isValid());
        m_model->setFetcher(source.fetcher(this));
        // The tester asks for more on every change, like an eager view; answers given on the spot
        // still arrive through the event loop, never inside fetchMore().
        QVERIFY(m_model->isLoading());
        QVERIFY(!m_model->canFetchMore()); // one page at a time
        QCOMPARE(m_model->rowCount(), 0);
        QTRY_VERIFY(m_model->rowCount() >= 200);
        fetchAll();
        QCOMPARE(m_model->rowCount(), 1000);
        QCOMPARE(source.calls, 5);
        QCOMPARE(inserted.size(), 5);
        QCOMPARE(loading.size(), 10); // on and off per page
        QVERIFY(!m_model->canFetchMore());
        for (int row = 0; row < 1000; ++row)
            QCOMPARE(m_model->seqAt(row), qint64(1000 - row)); // newest first, nothing twice, nothing skipped
        QCOMPARE(m_model->indexOfSeq(357).row(), 1000 - 357);
        QVERIFY(!m_model->indexOfSeq(5000).isValid());
    }

    void rawValueRoles()
    {
        FakeAuditSource source(50);
        m_model->setFetcher(source.fetcher(this));
        fetchAll();
        QCOMPARE(m_model->rowCount(), 50);
        const QModelIndex first = m_model->index(0, AuditLogModel::TimeColumn);
        const QJsonObject expected = source.event(50);
        QCOMPARE(first.data(AuditLogModel::SeqRole).toLongLong(), 50);
        QCOMPARE(first.data(AuditLogModel::EventIdRole).toString(), QStringLiteral("evt_50"));
        QCOMPARE(first.data(AuditLogModel::EventRole).toJsonObject(), expected);
        QCOMPARE(m_model->eventAt(0), expected);
        QCOMPARE(first.data(AuditLogModel::ActionRole).toString(), QStringLiteral("secret_key.created"));
        QCOMPARE(first.data(AuditLogModel::ActorIdRole).toString(), QStringLiteral("usr_1"));
        QCOMPARE(first.data(AuditLogModel::ActorTypeRole).toString(), QStringLiteral("user"));
        QCOMPARE(first.data(AuditLogModel::TargetIdRole).toString(), QStringLiteral("key_10"));
        QCOMPARE(first.data(AuditLogModel::HashRole).toString(), expected.value(QStringLiteral("hash")).toString());
        QVERIFY(first.data(AuditLogModel::IntactRole).toBool());
        QVERIFY(first.data(AuditLogModel::MaterialisedRole).toBool());
        QCOMPARE(first.data(AuditLogModel::TimestampRole).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(BaseMs + 50'000, QTimeZone::utc()));
        // Sorting compares numbers and raw names, not display strings.
        QCOMPARE(first.data(AuditLogModel::SortRole).userType(), QMetaType::LongLong);
        QCOMPARE(first.data(AuditLogModel::SortRole).toLongLong(), BaseMs + 50'000);
        QCOMPARE(m_model->index(0, AuditLogModel::ActionColumn).data(AuditLogModel::SortRole).toString(),
                 QStringLiteral("secret_key.created"));
        QCOMPARE(cell(0, AuditLogModel::TimeColumn), QStringLiteral("2026-11-01 00:00:50"));
        QCOMPARE(m_model->index(0, AuditLogModel::TimeColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("2026-11-01T00:00:50.000Z"));
    }

    void humanWording()
    {
        FakeAuditSource source(30);
        m_model->setFetcher(source.fetcher(this));
        fetchAll();
        QCOMPARE(m_model->rowCount(), 30);
        auto row = [&](qint64 seq) { return m_model->indexOfSeq(seq).row(); };
        // seq 30: a user creates a key.
        QCOMPARE(cell(row(30), AuditLogModel::ActorColumn), QStringLiteral("Ada Admin"));
        QCOMPARE(cell(row(30), AuditLogModel::ActionColumn), QStringLiteral("created key"));
        QCOMPARE(cell(row(30), AuditLogModel::TargetColumn), QStringLiteral("Billing (skey_") + Bullets + QStringLiteral("0030)"));
        // seq 21: a revocation.
        QCOMPARE(cell(row(21), AuditLogModel::ActionColumn), QStringLiteral("revoked key"));
        QCOMPARE(cell(row(21), AuditLogModel::ActorColumn), QStringLiteral("Bo Builder"));
        // seq 27: a revoked key keeps knocking; the actor is the key, shown masked.
        QCOMPARE(cell(row(27), AuditLogModel::ActionColumn), QStringLiteral("denied: revoked key used"));
        QCOMPARE(cell(row(27), AuditLogModel::ActorColumn), QStringLiteral("key skey_") + Bullets + QStringLiteral("3f9a"));
        QCOMPARE(cell(row(27), AuditLogModel::TargetColumn), QStringLiteral("GET /payments"));
        QCOMPARE(cell(row(27), AuditLogModel::IpColumn), QStringLiteral("192.0.2.44"));
        QCOMPARE(cell(row(27), AuditLogModel::UserAgentColumn), QStringLiteral("masscan/1.3"));
        // seq 28: a scanner without a key.
        QCOMPARE(cell(row(28), AuditLogModel::ActionColumn), QStringLiteral("denied: malformed key"));
        QCOMPARE(cell(row(28), AuditLogModel::ActorColumn), QStringLiteral("anonymous client"));
        QCOMPARE(m_model->index(row(28), AuditLogModel::ActionColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("auth.denied"));
    }

    void actionWording_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QJsonObject>("details");
        QTest::addColumn<QString>("text");
        auto reason = [](const char *r) { return QJsonObject {{QStringLiteral("reason"), QLatin1String(r)}}; };
        QTest::newRow("created") << QStringLiteral("secret_key.created") << QJsonObject() << QStringLiteral("created key");
        QTest::newRow("rotation") << QStringLiteral("secret_key.created")
                                  << QJsonObject {{QStringLiteral("rotates"), QStringLiteral("key_1")}}
                                  << QStringLiteral("created key (rotation)");
        QTest::newRow("updated") << QStringLiteral("secret_key.updated") << QJsonObject() << QStringLiteral("updated key");
        QTest::newRow("revoked") << QStringLiteral("secret_key.revoked") << QJsonObject() << QStringLiteral("revoked key");
        QTest::newRow("deleted") << QStringLiteral("secret_key.deleted") << QJsonObject() << QStringLiteral("deleted key");
        QTest::newRow("expired") << QStringLiteral("secret_key.expired") << QJsonObject() << QStringLiteral("key expired");
        QTest::newRow("rotated") << QStringLiteral("secret_key.rotated") << QJsonObject() << QStringLiteral("rotated key");
        QTest::newRow("publishable") << QStringLiteral("publishable_key.created") << QJsonObject()
                                     << QStringLiteral("created publishable key");
        QTest::newRow("sign-in") << QStringLiteral("auth.login") << QJsonObject() << QStringLiteral("signed in");
        QTest::newRow("sign-in failed") << QStringLiteral("auth.login_failed") << QJsonObject()
                                        << QStringLiteral("sign-in failed");
        QTest::newRow("sign-out") << QStringLiteral("auth.logout") << QJsonObject() << QStringLiteral("signed out");
        QTest::newRow("revoked key used") << QStringLiteral("auth.denied") << reason("revoked key")
                                          << QStringLiteral("denied: revoked key used");
        QTest::newRow("expired key used") << QStringLiteral("auth.denied") << reason("expired key")
                                          << QStringLiteral("denied: expired key used");
        QTest::newRow("no credentials") << QStringLiteral("auth.denied") << reason("missing credentials")
                                        << QStringLiteral("denied: no credentials");
        QTest::newRow("permission") << QStringLiteral("auth.denied") << reason("missing permission refunds:write")
                                    << QStringLiteral("denied: missing permission refunds:write");
        QTest::newRow("other reason") << QStringLiteral("auth.denied") << reason("sunspots")
                                      << QStringLiteral("denied: sunspots");
        QTest::newRow("no reason") << QStringLiteral("auth.denied") << QJsonObject() << QStringLiteral("denied");
        QTest::newRow("unknown action") << QStringLiteral("billing.invoice_sent") << QJsonObject()
                                        << QStringLiteral("billing.invoice_sent");
    }

    void actionWording()
    {
        QFETCH(QString, action);
        QFETCH(QJsonObject, details);
        QFETCH(QString, text);
        const QJsonObject event {{QStringLiteral("action"), action}, {QStringLiteral("details"), details}};
        QCOMPARE(AuditEventFormat::actionText(event), text);
        QCOMPARE(AuditEventFormat::actionText(action, AuditEventFormat::actionQualifier(action, details)), text);
    }

    void actorWording_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("text");
        const QString masked = QStringLiteral("skey_") + Bullets + QStringLiteral("3f9a");
        QTest::newRow("user") << QStringLiteral("user") << QStringLiteral("usr_1") << QStringLiteral("Ada Admin")
                              << QStringLiteral("Ada Admin");
        QTest::newRow("key with note") << QStringLiteral("secret_key") << QStringLiteral("key_1")
                                       << QStringLiteral("Billing (%1)").arg(masked) << QStringLiteral("key ") + masked;
        QTest::newRow("key without note") << QStringLiteral("secret_key") << QStringLiteral("key_1") << masked
                                          << QStringLiteral("key ") + masked;
        QTest::newRow("note with brackets") << QStringLiteral("secret_key") << QStringLiteral("key_1")
                                            << QStringLiteral("Batch (nightly) (%1)").arg(masked)
                                            << QStringLiteral("key ") + masked;
        QTest::newRow("anonymous") << QStringLiteral("anonymous") << QString() << QStringLiteral("anonymous client")
                                   << QStringLiteral("anonymous client");
        QTest::newRow("server") << QStringLiteral("system") << QString() << QStringLiteral("keyward-server")
                                << QStringLiteral("keyward-server");
        QTest::newRow("nameless user") << QStringLiteral("user") << QStringLiteral("usr_9") << QString()
                                       << QStringLiteral("usr_9");
    }

    void actorWording()
    {
        QFETCH(QString, type);
        QFETCH(QString, id);
        QFETCH(QString, display);
        QFETCH(QString, text);
        QCOMPARE(AuditEventFormat::actorText({type, id, display}), text);
    }

    void knownActionsAreLabelled()
    {
        const auto actions = AuditEventFormat::knownActions();
        QVERIFY(actions.size() >= 10);
        for (const auto &a : actions) {
            QVERIFY(!a.label.isEmpty());
            QVERIFY2(a.label != a.name, qPrintable(a.name));
        }
    }

    void tamperedEventIsNotIntact()
    {
        FakeAuditSource source(20);
        source.tamper = [](QList<QJsonObject> &events) {
            events[3].insert(QStringLiteral("ip"), QStringLiteral("10.0.0.1")); // content changed, hash kept
        };
        m_model->setFetcher(source.fetcher(this));
        fetchAll();
        QCOMPARE(m_model->rowCount(), 20);
        for (int row = 0; row < 20; ++row)
            QCOMPARE(m_model->index(row, 0).data(AuditLogModel::IntactRole).toBool(), row != 3);
        const auto digests = m_model->rowDigests();
        QCOMPARE(digests.size(), size_t(20));
        QCOMPARE(digests[3].seq, qint64(17));
        QVERIFY(!digests[3].intact);
    }

    void outOfOrderEventsAreDropped()
    {
        FakeAuditSource source(20);
        source.tamper = [&source](QList<QJsonObject> &events) {
            events.insert(5, source.event(19)); // a duplicate, out of place
            events.append(QJsonObject {{QStringLiteral("id"), QStringLiteral("not-an-event")}});
        };
        m_model->setFetcher(source.fetcher(this));
        fetchAll();
        QCOMPARE(m_model->rowCount(), 20);
        QCOMPARE(m_model->droppedEvents(), 2);
    }

    void filterChangeResetsAndIgnoresLateAnswers()
    {
        FakeAuditSource all(500);
        all.async = true;
        m_model->setPageSize(100);
        m_model->setFetcher(all.fetcher(this));
        m_model->fetchMore();
        QTRY_VERIFY(m_model->rowCount() >= 100);
        m_model->fetchMore();
        QVERIFY(m_model->isLoading()); // an answer is on its way when the filter changes

        FakeAuditSource revocations(500);
        revocations.async = true;
        revocations.action = QStringLiteral("secret_key.revoked");
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QVERIFY(reset.isValid());
        m_model->setFetcher(revocations.fetcher(this));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(m_model->rowCount(), 0);
        // The late answer of the old filter lands meanwhile and must add nothing: only the 50
        // revocations of the new filter are rows.
        fetchAll();
        QCoreApplication::processEvents(); // the old filter's answer (a zero-time timer) lands now
        QCOMPARE(m_model->rowCount(), 50);
        for (int row = 0; row < m_model->rowCount(); ++row)
            QCOMPARE(cell(row, AuditLogModel::ActionColumn), QStringLiteral("revoked key"));
    }

    void failedPageWaitsForRetry()
    {
        FakeAuditSource source(300);
        source.failNext = 1;
        QSignalSpy failed(m_model.get(), &AuditLogModel::fetchFailed);
        QVERIFY(failed.isValid());
        m_model->setFetcher(source.fetcher(this));
        m_model->fetchMore();
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(QLatin1String("did not answer")));
        QVERIFY(!m_model->canFetchMore()); // a view would otherwise ask again at once, forever
        QCOMPARE(m_model->rowCount(), 0);
        m_model->retry();
        fetchAll();
        QCOMPARE(m_model->rowCount(), 300);
        QCOMPARE(failed.size(), 1);
        QVERIFY(m_model->lastError().isEmpty());
    }

    void compactedRowComesBackOnRequest()
    {
        FakeAuditSource source(2000);
        source.async = true;
        m_model->setPageSize(200);
        m_model->setMaxMaterialisedRows(400);
        m_model->setFetcher(source.fetcher(this));
        fetchAll();
        QCOMPARE(m_model->rowCount(), 2000);
        QVERIFY(m_model->materialisedRowCount() <= 400);
        // The first page stays (newer events may have arrived since, so it could not be fetched
        // again by cursor); the others but the latest ones are compacted.
        QVERIFY(m_model->index(10, 0).data(AuditLogModel::MaterialisedRole).toBool());
        const QModelIndex old = m_model->index(210, AuditLogModel::ActionColumn);
        QVERIFY(!old.data(AuditLogModel::MaterialisedRole).toBool());
        QVERIFY(!old.data(AuditLogModel::EventRole).isValid());
        QVERIFY(m_model->eventAt(210).isEmpty());
        // Everything a view paints still answers from the compact record.
        QCOMPARE(old.data().toString(), AuditEventFormat::actionText(source.event(1790)));
        QCOMPARE(m_model->index(210, AuditLogModel::IpColumn).data().toString(),
                 source.event(1790).value(QStringLiteral("ip")).toString());

        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(changed.isValid());
        const int callsBefore = source.calls;
        QVERIFY(!m_model->requestEvent(210));
        QVERIFY(!m_model->requestEvent(211)); // the same page: asked once
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(source.calls, callsBefore + 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 200);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 399);
        QCOMPARE(old.data(AuditLogModel::EventRole).toJsonObject(), source.event(1790));
        QVERIFY(m_model->requestEvent(210));
        QVERIFY(m_model->materialisedRowCount() <= 400);
        QVERIFY(m_model->index(10, 0).data(AuditLogModel::MaterialisedRole).toBool());
    }

    void memoryStaysBoundedOver50kEvents()
    {
        constexpr int Events = 50'000;
        FakeAuditSource source(Events);
        // Drop the tester for this one: it is not what is measured, and the model's contract is
        // checked by every other test.
        m_tester.reset();
        m_model->setPageSize(200);
        QCOMPARE(m_model->maxMaterialisedRows(), AuditLogModel::DefaultMaxMaterialisedRows);
        m_model->setFetcher(source.fetcher(this));
        const qsizetype heapBefore = heapInUse();
        QElapsedTimer timer;
        timer.start();
        fetchAll();
        const qint64 ms = timer.elapsed();
        QCOMPARE(m_model->rowCount(), Events);
        QCOMPARE(m_model->pageCount(), Events / 200);
        QVERIFY(m_model->materialisedRowCount() <= AuditLogModel::DefaultMaxMaterialisedRows);
        QVERIFY(m_model->materialisedRowCount() >= AuditLogModel::DefaultMaxMaterialisedRows - 200);
        QVERIFY(AuditLogModel::compactRowBytes() <= 80);
        // 40 keys, 5 addresses, 4 agents, a few people, actions and reasons: interned once each.
        QVERIFY2(m_model->internedStringCount() < 200, qPrintable(QString::number(m_model->internedStringCount())));
        const qsizetype compact = m_model->approximateCompactBytes();
        QVERIFY2(compact / Events < 128, qPrintable(QString::number(compact)));
        // Every row is still there for the view, and the newest and oldest answer.
        QCOMPARE(m_model->seqAt(0), qint64(Events));
        QCOMPARE(m_model->seqAt(Events - 1), qint64(1));
        QCOMPARE(cell(Events - 1, AuditLogModel::UserAgentColumn), source.event(1).value(QStringLiteral("user_agent")).toString());

        const qsizetype heapAfter = heapInUse();
        if (heapBefore >= 0) {
            const qsizetype grown = heapAfter - heapBefore;
            // Measure what a materialised row costs by bringing 5,000 more JSON events to life.
            QList<QJsonObject> json;
            const qsizetype jsonBefore = heapInUse();
            for (int seq = 1; seq <= 5000; ++seq)
                json.append(source.event(seq));
            const qsizetype perJsonEvent = (heapInUse() - jsonBefore) / 5000;
            json.clear();
            qInfo("50,000 events in %lld ms: heap grew %lld KiB (%lld B per row, compact record %lld B, "
                  "%d rows materialised); one event's JSON costs %lld B, so all 50,000 would cost %lld KiB",
                  ms, qint64(grown / 1024), qint64(grown / Events), qint64(AuditLogModel::compactRowBytes()),
                  m_model->materialisedRowCount(), qint64(perJsonEvent), qint64(perJsonEvent * Events / 1024));
            // The bound: compact rows for all, JSON for at most 5,000.
            QVERIFY2(grown < Events * 128 + AuditLogModel::DefaultMaxMaterialisedRows * perJsonEvent * 12 / 10,
                     qPrintable(QString::number(grown)));
            QVERIFY(grown < Events * perJsonEvent / 4);
        }
        // A reset gives the memory back.
        m_model->reset();
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->materialisedRowCount(), 0);
        QCOMPARE(m_model->internedStringCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestAuditLogModel)
#include "tst_auditlogmodel.moc"

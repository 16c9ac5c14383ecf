// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditChain.h"
#include "AuditEvent.h"
#include "CanonicalJson.h"

#include <QCryptographicHash>
#include <QTest>

using namespace keyward;

class TestAuditChain : public QObject
{
    Q_OBJECT

private:
    static QList<QJsonObject> makeChain(int n)
    {
        QList<QJsonObject> out;
        QString prev = AuditChain::genesisHash();
        for (int i = 1; i <= n; ++i) {
            AuditEvent e;
            e.seq = i;
            e.atMs = 1'700'000'000'000 + i * 1000;
            e.actor = {QStringLiteral("secret_key"), QStringLiteral("key_%1").arg(i), QStringLiteral("ci (skey_••••abcd)")};
            e.action = i % 2 ? QStringLiteral("secret_key.created") : QStringLiteral("auth.denied");
            e.target = {QStringLiteral("secret_key"), QStringLiteral("key_x"), QStringLiteral("target")};
            e.ip = i % 3 ? QStringLiteral("203.0.113.%1").arg(i) : QString();
            e.details = {{QStringLiteral("n"), i}, {QStringLiteral("note"), QStringLiteral("é ✓")}};
            e.prevHash = prev;
            e.hash = AuditChain::computeHash(e.toJson());
            prev = e.hash;
            out.append(e.toJson());
        }
        return out;
    }

private Q_SLOTS:
    void genesisIsSixtyFourZeros()
    {
        QCOMPARE(AuditChain::genesisHash(), QString(64, QLatin1Char('0')));
    }

    void hashIsSha256OfPrevHashAndCanonicalEvent()
    {
        const QList<QJsonObject> chain = makeChain(1);
        QJsonObject withoutHash = chain.first();
        withoutHash.remove(QStringLiteral("hash"));
        const QByteArray expected = QCryptographicHash::hash(
            AuditChain::genesisHash().toLatin1() + CanonicalJson::serialize(withoutHash), QCryptographicHash::Sha256).toHex();
        QCOMPARE(chain.first().value(QStringLiteral("hash")).toString().toLatin1(), expected);
    }

    void intactChainVerifies()
    {
        const auto chain = makeChain(50);
        const auto v = AuditChain::verify(chain, AuditChain::genesisHash());
        QVERIFY2(v.ok, qPrintable(v.reason));
        // A window in the middle verifies when its first prev_hash is taken on trust.
        QVERIFY(AuditChain::verify(chain.mid(20, 10)).ok);
    }

    void tamperedContentIsFound()
    {
        auto chain = makeChain(30);
        QJsonObject e = chain[12];
        e.insert(QStringLiteral("ip"), QStringLiteral("10.0.0.1"));
        chain[12] = e;
        const auto v = AuditChain::verify(chain, AuditChain::genesisHash());
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadIndex, qsizetype(12));
    }

    void removedOrReorderedEventsAreFound()
    {
        auto chain = makeChain(30);
        auto removed = chain;
        removed.removeAt(7);
        auto v = AuditChain::verify(removed, AuditChain::genesisHash());
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadIndex, qsizetype(7));
        auto swapped = chain;
        swapped.swapItemsAt(3, 4);
        QVERIFY(!AuditChain::verify(swapped, AuditChain::genesisHash()).ok);
    }

    void tamperedEventIsNamedById()
    {
        auto chain = makeChain(10);
        QJsonObject e = chain[6];
        e.insert(QStringLiteral("details"), QJsonObject {{QStringLiteral("n"), 999}});
        chain[6] = e;
        const auto v = AuditChain::verify(chain, AuditChain::genesisHash());
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadId, QStringLiteral("evt_7"));
        QVERIFY(AuditChain::verify(makeChain(3)).firstBadId.isEmpty());
    }

    static QJsonObject stubOf(const QJsonObject &event)
    {
        return {{QStringLiteral("id"), event.value(QStringLiteral("id"))},
                {QStringLiteral("redacted"), true},
                {QStringLiteral("prev_hash"), event.value(QStringLiteral("prev_hash"))},
                {QStringLiteral("hash"), event.value(QStringLiteral("hash"))}};
    }

    void redactedStubsVerifyByTheirLinks()
    {
        // Another organisation's events arrive as stubs; the chain still verifies end to end.
        auto chain = makeChain(20);
        for (const qsizetype i : {qsizetype(0), qsizetype(5), qsizetype(6), qsizetype(19)})
            chain[i] = stubOf(chain[i]);
        const auto v = AuditChain::verify(chain, AuditChain::genesisHash());
        QVERIFY2(v.ok, qPrintable(v.reason));
        QCOMPARE(v.redacted, qsizetype(4));
        QVERIFY(AuditChain::isRedactedStub(chain[5]));
        QVERIFY(!AuditChain::isRedactedStub(chain[4]));
    }

    void removedStubOrChangedStubHashIsFound()
    {
        auto chain = makeChain(12);
        chain[4] = stubOf(chain[4]);
        auto removed = chain;
        removed.removeAt(4);
        auto v = AuditChain::verify(removed, AuditChain::genesisHash());
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadId, QStringLiteral("evt_6"));

        auto changed = chain;
        QJsonObject stub = changed[4];
        stub.insert(QStringLiteral("hash"), QString(64, QLatin1Char('a')));
        changed[4] = stub;
        v = AuditChain::verify(changed, AuditChain::genesisHash());
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadIndex, qsizetype(5)); // the next event no longer links to it

        auto unlinked = chain;
        stub = unlinked[4];
        stub.insert(QStringLiteral("prev_hash"), QString(64, QLatin1Char('b')));
        unlinked[4] = stub;
        v = AuditChain::verify(unlinked, AuditChain::genesisHash());
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadIndex, qsizetype(4));
    }

    void stubWithContentOrWithoutHashFails()
    {
        // Content that is shown must be verifiable: "redacted" cannot excuse a changed event.
        auto chain = makeChain(6);
        QJsonObject disguised = chain[2];
        disguised.insert(QStringLiteral("redacted"), true);
        chain[2] = disguised;
        auto v = AuditChain::verify(chain, AuditChain::genesisHash());
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadIndex, qsizetype(2));

        chain = makeChain(6);
        QJsonObject stub = stubOf(chain[3]);
        stub.remove(QStringLiteral("hash"));
        chain[3] = stub;
        v = AuditChain::verify(chain, AuditChain::genesisHash());
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadIndex, qsizetype(3));
    }

    void eventJsonRoundTrips()
    {
        const auto chain = makeChain(3);
        for (const QJsonObject &json : chain) {
            const AuditEvent e = AuditEvent::fromJson(json);
            QCOMPARE(e.toJson(), json);
            QCOMPARE(AuditChain::computeHash(e.toJson()), e.hash);
        }
        QCOMPARE(AuditEvent::seqFromId(QStringLiteral("evt_42")), qint64(42));
        QCOMPARE(AuditEvent::seqFromId(QStringLiteral("evt_x")), qint64(0));
        QCOMPARE(AuditEvent::seqFromId(QStringLiteral("key_42")), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_auditchain.moc"

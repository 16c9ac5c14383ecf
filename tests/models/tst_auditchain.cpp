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

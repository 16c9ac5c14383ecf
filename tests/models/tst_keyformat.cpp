// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyFormat.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using keyward::KeyFormat;

class TestKeyFormat : public QObject
{
    Q_OBJECT

private:
    static QByteArray randomBytes(QRandomGenerator &rng)
    {
        QByteArray b(32, Qt::Uninitialized);
        for (char &c : b)
            c = char(rng.bounded(256));
        return b;
    }

private Q_SLOTS:
    void assembledKeyHasTheDocumentedShape_data()
    {
        QTest::addColumn<int>("flavor");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("odus") << int(KeyFormat::Flavor::Odus) << QStringLiteral("skey_");
        QTest::newRow("odin") << int(KeyFormat::Flavor::Odin) << QStringLiteral("odin_sk_");
    }
    void assembledKeyHasTheDocumentedShape()
    {
        QFETCH(int, flavor);
        QFETCH(QString, prefix);
        QRandomGenerator rng(42);
        const QString p = KeyFormat::secretPrefix(KeyFormat::Flavor(flavor));
        QCOMPARE(p, prefix);
        const QRegularExpression re(QLatin1Char('^') + QRegularExpression::escape(prefix) + QStringLiteral("[0-9A-Za-z]{49}$"));
        for (int i = 0; i < 200; ++i) {
            const QString key = KeyFormat::assemble(p, randomBytes(rng));
            QVERIFY2(re.match(key).hasMatch(), qPrintable(key));
            QVERIFY(KeyFormat::isWellFormedSecret(key));
            QCOMPARE(KeyFormat::prefixOf(key), prefix);
        }
    }

    void extremesOfTheRandomBodyEncodeToFullLength()
    {
        const QString zeros = KeyFormat::assemble(QStringLiteral("skey_"), QByteArray(32, '\0'));
        const QString ones = KeyFormat::assemble(QStringLiteral("skey_"), QByteArray(32, '\xff'));
        QCOMPARE(zeros.size(), 5 + 43 + 6);
        QCOMPARE(ones.size(), 5 + 43 + 6);
        QVERIFY(KeyFormat::isWellFormedSecret(zeros));
        QVERIFY(KeyFormat::isWellFormedSecret(ones));
        QVERIFY(zeros != ones);
    }

    void base62MatchesKnownValues()
    {
        QCOMPARE(KeyFormat::base62(QByteArray::fromHex("00"), 1), QStringLiteral("0"));
        QCOMPARE(KeyFormat::base62(QByteArray::fromHex("3d"), 1), QStringLiteral("z"));      // 61
        QCOMPARE(KeyFormat::base62(QByteArray::fromHex("3e"), 1), QStringLiteral("10"));     // 62
        QCOMPARE(KeyFormat::base62(QByteArray::fromHex("0f42"), 4), QStringLiteral("0110")); // 3906 = 62^2 + 62
    }

    void crc32MatchesTheStandardCheckValue()
    {
        // The CRC-32/ISO-HDLC check value for "123456789".
        QCOMPARE(KeyFormat::crc32(QByteArrayView("123456789")), quint32(0xCBF43926));
    }

    void everySingleCharacterTypoIsRejected()
    {
        QRandomGenerator rng(7);
        const QString key = KeyFormat::assemble(QStringLiteral("skey_"), randomBytes(rng));
        static const QString alphabet = QStringLiteral("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
        int tried = 0;
        for (qsizetype pos = 5; pos < key.size(); ++pos) {
            for (QChar c : alphabet) {
                if (c == key.at(pos))
                    continue;
                QString typo = key;
                typo[pos] = c;
                QVERIFY2(!KeyFormat::isWellFormedSecret(typo), qPrintable(typo));
                ++tried;
            }
        }
        QCOMPARE(tried, 49 * 61);
    }

    void transpositionsAndTruncationsAreRejected()
    {
        QRandomGenerator rng(9);
        const QString key = KeyFormat::assemble(QStringLiteral("skey_"), randomBytes(rng));
        for (qsizetype pos = 5; pos + 1 < key.size(); ++pos) {
            if (key.at(pos) == key.at(pos + 1))
                continue;
            QString swapped = key;
            std::swap(swapped[pos], swapped[pos + 1]);
            QVERIFY(!KeyFormat::isWellFormedSecret(swapped));
        }
        QVERIFY(!KeyFormat::isWellFormedSecret(key.chopped(1)));
        QVERIFY(!KeyFormat::isWellFormedSecret(key + QLatin1Char('a')));
        QVERIFY(!KeyFormat::isWellFormedSecret(QString(key).replace(0, 5, QStringLiteral("pkey_"))));
        QVERIFY(!KeyFormat::isWellFormedSecret(QString()));
        QVERIFY(!KeyFormat::isWellFormedSecret(QStringLiteral("skey_")));
        QString withSpace = key;
        withSpace[10] = QLatin1Char(' ');
        QVERIFY(!KeyFormat::isWellFormedSecret(withSpace));
    }

    void distinctRandomnessGivesDistinctKeys()
    {
        QRandomGenerator rng(11);
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i)
            seen.insert(KeyFormat::assemble(QStringLiteral("odin_sk_"), randomBytes(rng)));
        QCOMPARE(seen.size(), 1000);
    }

    void maskShowsPrefixBulletsAndLastFour()
    {
        QCOMPARE(KeyFormat::mask(QStringLiteral("skey_"), QStringLiteral("3f9a")),
                 QStringLiteral("skey_") + QString(8, QChar(0x2022)) + QStringLiteral("3f9a"));
        QCOMPARE(KeyFormat::mask(QStringLiteral("odin_sk_"), QStringLiteral("AbCd")).size(), 8 + 8 + 4);
    }

    void flavorNamesRoundTrip()
    {
        KeyFormat::Flavor f {};
        QVERIFY(KeyFormat::flavorFromName(QStringLiteral("odin"), &f));
        QCOMPARE(f, KeyFormat::Flavor::Odin);
        QVERIFY(KeyFormat::flavorFromName(QStringLiteral("odus"), &f));
        QCOMPARE(f, KeyFormat::Flavor::Odus);
        QVERIFY(!KeyFormat::flavorFromName(QStringLiteral("stripe"), &f));
    }
};

QTEST_GUILESS_MAIN(TestKeyFormat)
#include "tst_keyformat.moc"

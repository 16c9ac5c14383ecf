// SPDX-License-Identifier: GPL-3.0-or-later
#include "CanonicalJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using keyward::CanonicalJson;

class TestCanonicalJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numbersFollowEcmaScript_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("expected");
        // RFC 8785 appendix B and ECMAScript Number::toString.
        QTest::newRow("zero") << 0.0 << QByteArray("0");
        QTest::newRow("minus zero") << -0.0 << QByteArray("0");
        QTest::newRow("min subnormal") << 5e-324 << QByteArray("5e-324");
        QTest::newRow("max double") << 1.7976931348623157e308 << QByteArray("1.7976931348623157e+308");
        QTest::newRow("2^53") << 9007199254740992.0 << QByteArray("9007199254740992");
        QTest::newRow("big integer") << 295147905179352830000.0 << QByteArray("295147905179352830000");
        QTest::newRow("1e21") << 1e21 << QByteArray("1e+21");
        QTest::newRow("1e-7") << 1e-7 << QByteArray("1e-7");
        QTest::newRow("0.000001") << 0.000001 << QByteArray("0.000001");
        QTest::newRow("fraction") << 333333333.33333329 << QByteArray("333333333.3333333");
        QTest::newRow("1e30") << 1e30 << QByteArray("1e+30");
        QTest::newRow("4.50") << 4.50 << QByteArray("4.5");
        QTest::newRow("2e-3") << 2e-3 << QByteArray("0.002");
        QTest::newRow("1e-27") << 0.000000000000000000000000001 << QByteArray("1e-27");
        QTest::newRow("negative") << -1.5 << QByteArray("-1.5");
        QTest::newRow("integer") << 42.0 << QByteArray("42");
    }
    void numbersFollowEcmaScript()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, expected);
        QCOMPARE(CanonicalJson::formatNumber(value), expected);
    }

    void nonFiniteNumbersBecomeNull()
    {
        QCOMPARE(CanonicalJson::formatNumber(std::numeric_limits<double>::infinity()), QByteArray("null"));
        QCOMPARE(CanonicalJson::formatNumber(std::numeric_limits<double>::quiet_NaN()), QByteArray("null"));
    }

    void rfcSampleIsCanonicalised()
    {
        const QByteArray input = "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
                                 " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
                                 " \"literals\": [null, true, false]}";
        const QJsonDocument doc = QJsonDocument::fromJson(input);
        QVERIFY(doc.isObject());
        const QByteArray expected = QByteArray("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"")
            + QByteArray("\xe2\x82\xac") + QByteArray("$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
        QCOMPARE(CanonicalJson::serialize(doc.object()), expected);
    }

    void keysSortByUtf16CodeUnits()
    {
        QJsonObject o;
        o.insert(QStringLiteral("\u20ac"), QStringLiteral("Euro Sign"));
        o.insert(QStringLiteral("\r"), QStringLiteral("Carriage Return"));
        o.insert(QStringLiteral("\ufb33"), QStringLiteral("Hebrew Letter Dalet With Dagesh"));
        o.insert(QStringLiteral("1"), QStringLiteral("One"));
        o.insert(QString::fromUtf16(u"\U0001F600"), QStringLiteral("Emoji: Grinning Face"));
        o.insert(QStringLiteral("\u0080"), QStringLiteral("Control"));
        o.insert(QStringLiteral("\u00f6"), QStringLiteral("Latin Small Letter O With Diaeresis"));
        const QByteArray out = CanonicalJson::serialize(o);
        const QList<QByteArray> order = {"Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis",
                                         "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"};
        qsizetype last = -1;
        for (const QByteArray &v : order) {
            const qsizetype at = out.indexOf(v);
            QVERIFY2(at > last, v.constData());
            last = at;
        }
    }

    void nestedStructuresHaveNoWhitespace()
    {
        const QJsonObject o {{QStringLiteral("b"), QJsonArray {1, QJsonObject {{QStringLiteral("z"), true}, {QStringLiteral("a"), QJsonValue()}}}},
                             {QStringLiteral("a"), QStringLiteral("x y")}};
        QCOMPARE(CanonicalJson::serialize(o), QByteArray("{\"a\":\"x y\",\"b\":[1,{\"a\":null,\"z\":true}]}"));
    }

    void controlCharactersUseShortOrHexEscapes()
    {
        const QString s = QStringLiteral("\b\t\n\f\r") + QChar(0x01) + QChar(0x1f) + QStringLiteral("\x7f");
        QCOMPARE(CanonicalJson::serialize(s), QByteArray("\"\\b\\t\\n\\f\\r\\u0001\\u001f\x7f\""));
    }
};

QTEST_GUILESS_MAIN(TestCanonicalJson)
#include "tst_canonicaljson.moc"

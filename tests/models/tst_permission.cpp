// SPDX-License-Identifier: GPL-3.0-or-later
#include "Permission.h"

#include <QTest>
#include <QTranslator>

using namespace keyward;

class TestPermission : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesOnlyResourceColonAccess_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("read") << QStringLiteral("payments:read") << true;
        QTest::newRow("write") << QStringLiteral("secret_keys:write") << true;
        QTest::newRow("no colon") << QStringLiteral("payments") << false;
        QTest::newRow("bad access") << QStringLiteral("payments:admin") << false;
        QTest::newRow("upper case") << QStringLiteral("Payments:read") << false;
        QTest::newRow("empty resource") << QStringLiteral(":read") << false;
        QTest::newRow("two colons") << QStringLiteral("a:b:read") << false;
        QTest::newRow("space") << QStringLiteral("pay ments:read") << false;
    }
    void parsesOnlyResourceColonAccess()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(Permission::parse(text).has_value(), valid);
    }

    void writeImpliesRead()
    {
        const auto set = PermissionSet::parse({QStringLiteral("payments:write")});
        QVERIFY(set);
        QVERIFY(set->allows(QStringLiteral("payments"), Permission::Access::Read));
        QVERIFY(set->allows(QStringLiteral("payments"), Permission::Access::Write));
        QVERIFY(!set->allows(QStringLiteral("refunds"), Permission::Access::Read));
        const auto readOnly = PermissionSet::parse({QStringLiteral("payments:read")});
        QVERIFY(!readOnly->allows(QStringLiteral("payments"), Permission::Access::Write));
    }

    void setsAreNormalised()
    {
        const auto set = PermissionSet::parse({QStringLiteral("refunds:read"), QStringLiteral("payments:read"),
                                               QStringLiteral("payments:write"), QStringLiteral("refunds:read")});
        QVERIFY(set);
        QCOMPARE(set->toStringList(), QStringList({QStringLiteral("payments:write"), QStringLiteral("refunds:read")}));
    }

    void coversPreventsEscalation()
    {
        const auto holder = *PermissionSet::parse({QStringLiteral("payments:write"), QStringLiteral("secret_keys:write")});
        QVERIFY(holder.covers(*PermissionSet::parse({QStringLiteral("payments:read")})));
        QVERIFY(holder.covers(*PermissionSet::parse({QStringLiteral("payments:write"), QStringLiteral("secret_keys:read")})));
        QVERIFY(!holder.covers(*PermissionSet::parse({QStringLiteral("refunds:read")})));
        QVERIFY(!holder.covers(*PermissionSet::parse({QStringLiteral("payments:read"), QStringLiteral("audit_log:read")})));
    }

    void badItemIsReported()
    {
        QString bad;
        QVERIFY(!PermissionSet::parse({QStringLiteral("payments:read"), QStringLiteral("oops")}, &bad));
        QCOMPARE(bad, QStringLiteral("oops"));
    }

    void catalogTextsAreLocalizedWhereKnown()
    {
        // A translator that knows one catalog text, as keyward_de.qm knows the reference server's.
        class OneText : public QTranslator
        {
        public:
            bool isEmpty() const override { return false; }
            QString translate(const char *context, const char *source, const char *, int) const override
            {
                return QByteArrayView(context) == "PermissionCatalog" && QByteArrayView(source) == "Payments"
                           ? QStringLiteral("Zahlungen")
                           : QString();
            }
        } translator;
        PermissionResource r;
        r.resource = QStringLiteral("payments");
        r.label = QStringLiteral("Payments");
        r.description = QStringLiteral("A text this app has never seen.");
        QCOMPARE(r.localized().label, QStringLiteral("Payments")); // no translator: as the server wrote it
        QVERIFY(QCoreApplication::installTranslator(&translator));
        const PermissionResource shown = r.localized();
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(shown.label, QStringLiteral("Zahlungen"));
        QCOMPARE(shown.description, r.description);
        QCOMPARE(shown.resource, QStringLiteral("payments")); // the id is never translated
    }
};

QTEST_GUILESS_MAIN(TestPermission)
#include "tst_permission.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The keyward executable's command line as a user meets it: --version, and --help and usage
// errors in the language asked for, without a display.
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

class TestAppCli : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run keyward(const QStringList &args, const QString &lang = QStringLiteral("C"))
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // none of these may need a platform plugin
        env.remove(QStringLiteral("LANGUAGE"));
        env.insert(QStringLiteral("LC_ALL"), lang);
        env.insert(QStringLiteral("LANG"), lang);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(KEYWARD_BINARY), args);
        Run r;
        if (!p.waitForFinished(30000))
            return r;
        r.exitCode = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

private Q_SLOTS:
    void versionComesFromTheProject()
    {
        const Run r = keyward({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("keyward " KEYWARD_VERSION));
    }

    void helpSpeaksTheAskedLanguage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("expected");
        QTest::newRow("english") << QStringList{QStringLiteral("--help")} << QStringLiteral("C")
                                 << QStringLiteral("Show this help and exit.");
        QTest::newRow("--lang de") << QStringList{QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--help")}
                                   << QStringLiteral("C") << QStringLiteral("Diese Hilfe anzeigen und beenden.");
        QTest::newRow("--lang=fr") << QStringList{QStringLiteral("--lang=fr"), QStringLiteral("--help")} << QStringLiteral("C")
                                   << QStringLiteral("Afficher cette aide et quitter.");
        QTest::newRow("system de") << QStringList{QStringLiteral("--help")} << QStringLiteral("de_DE.UTF-8")
                                   << QStringLiteral("Diese Hilfe anzeigen und beenden.");
    }

    void helpSpeaksTheAskedLanguage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, locale);
        QFETCH(QString, expected);
        const Run r = keyward(args, locale);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(expected), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("keyward")) && !r.out.contains(QStringLiteral("<executable_name>")),
                 qPrintable(r.out));
    }

    void usageErrorsAreTranslatedToo()
    {
        const Run r = keyward({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("prod")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("unerwartetes Argument „prod“")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestAppCli)
#include "tst_appcli.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The denied-requests summary above the audit log, offscreen and without a server: summaries
// built by hand. Nothing shown without denials; at most three lines in the server's order, a used
// revoked key in red and worded as the leak it is, "and N more"; the links by mouse and keyboard
// with their ids; loading, error and clear; a German-length key name that wraps instead of
// widening the page. KEYWARD_SCREENSHOT_DIR receives denied-summary.png.
#include "AuditService.h"
#include "DeniedSummary.h"
#include "EnglishPlurals.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace keyward;

class TestGuiDeniedSummary : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_now {QDate(2026, 12, 7), QTime(12, 0), QTimeZone::utc()};
    EnglishPlurals m_plurals;
    std::unique_ptr<QWidget> m_window;
    DeniedSummaryView *m_view = nullptr;

    DeniedSummaryGroup group(const QString &keyId, const QString &display, const QString &reason, qint64 count,
                             const QStringList &ips, qint64 ipCount, int minutesAgo) const
    {
        DeniedSummaryGroup g;
        g.keyId = keyId;
        g.keyDisplay = display;
        g.reason = reason;
        g.count = count;
        g.lastAt = m_now.addSecs(-60 * minutesAgo);
        g.firstAt = g.lastAt.addDays(-2);
        qint64 left = count;
        for (const QString &ip : ips) {
            const qint64 n = qMax<qint64>(1, left / 2);
            g.ips.append({ip, n});
            left -= n;
        }
        g.ipCount = ipCount;
        return g;
    }

    DeniedSummary leakSummary() const
    {
        DeniedSummary s;
        s.since = m_now.addDays(-30);
        s.until = m_now;
        s.groups = {group(QStringLiteral("key_billing"), QStringLiteral("billing (skey_••••3f9a)"), QStringLiteral("revoked key"),
                          14, {QStringLiteral("10.0.0.5"), QStringLiteral("10.0.0.7"), QStringLiteral("10.0.0.9")}, 3, 5),
                    group({}, {}, QStringLiteral("missing credentials"), 312,
                          {QStringLiteral("203.0.113.9"), QStringLiteral("198.51.100.4")}, 57, 1),
                    group(QStringLiteral("key_reports"), QStringLiteral("reports (skey_••••77c1)"),
                          QStringLiteral("missing permission payments:write"), 9, {QStringLiteral("172.16.3.4")}, 1, 180),
                    group(QStringLiteral("key_old"), QStringLiteral("old (skey_••••0001)"), QStringLiteral("missing permission payments:read"),
                          4, {QStringLiteral("172.16.3.5")}, 1, 600),
                    group({}, {}, QStringLiteral("malformed key"), 2, {QStringLiteral("45.1.2.3")}, 1, 900)};
        s.groupCount = 7; // two more than sent (limit)
        return s;
    }

    QList<QWidget *> lines() const
    {
        QList<QWidget *> out;
        for (QWidget *w : m_view->findChildren<QWidget *>(QStringLiteral("deniedSummaryLine")))
            out.append(w);
        std::sort(out.begin(), out.end(), [](QWidget *a, QWidget *b) { return a->y() < b->y(); });
        return out;
    }

    static QLabel *link(QWidget *line, const char *name) { return line->findChild<QLabel *>(QLatin1String(name)); }

    static void clickLink(QLabel *label)
    {
        QTest::mouseClick(label, Qt::LeftButton, {}, QPoint(label->contentsRect().left() + 6, label->fontMetrics().height() / 2));
    }

    void settle()
    {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
    }

private Q_SLOTS:
    void initTestCase() { QCoreApplication::installTranslator(&m_plurals); }

    void init()
    {
        m_window = std::make_unique<QWidget>();
        auto *layout = new QVBoxLayout(m_window.get());
        m_view = new DeniedSummaryView(m_window.get());
        m_view->setClock([this] { return m_now; });
        layout->addWidget(m_view);
        layout->addStretch(1);
        m_window->resize(900, 300);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_view = nullptr;
    }

    void nothingWithoutDenials()
    {
        QCOMPARE(m_view->objectName(), QStringLiteral("deniedSummary"));
        QVERIFY(!m_view->isVisible()); // before any summary
        m_view->setLoading(true);
        QVERIFY(!m_view->isVisible()); // no flicker while the first one loads
        m_view->setSummary(DeniedSummary {});
        QVERIFY(!m_view->isVisible());
        QVERIFY(m_view->lineTexts().isEmpty());
        m_view->setSummary(leakSummary());
        QVERIFY(m_view->isVisible());
        m_view->setSummary(DeniedSummary {});
        QVERIFY(!m_view->isVisible());
        QVERIFY(lines().isEmpty());
    }

    void threeLinesInTheServersOrder()
    {
        m_view->setSummary(leakSummary());
        settle();
        QCOMPARE(lines().size(), 3);
        const QStringList texts = m_view->lineTexts();
        QCOMPARE(texts.size(), 3);
        QCOMPARE(texts.at(0), QStringLiteral("⚠ Revoked key “billing (skey_••••3f9a)” used 14 times from 3 addresses "
                                             "(10.0.0.5, 10.0.0.7, …), last 5 minutes ago"));
        QCOMPARE(texts.at(1), QStringLiteral("Denied: no credentials: 312 times from 57 addresses (203.0.113.9, "
                                             "198.51.100.4, …), last 1 minute ago"));
        QCOMPARE(texts.at(2), QStringLiteral("Denied: missing permission payments:write for key “reports (skey_••••77c1)”: "
                                             "9 times from 172.16.3.4, last 3 hours ago"));
        const QList<QWidget *> shown = lines();
        QCOMPARE(shown.at(0)->property("keyId").toString(), QStringLiteral("key_billing"));
        QCOMPARE(shown.at(1)->property("reason").toString(), QStringLiteral("missing credentials"));
        QCOMPARE(shown.at(2)->property("keyId").toString(), QStringLiteral("key_reports"));
        // The leak in red and bold; the rest in the palette's text colour.
        QVERIFY(shown.at(0)->property("leak").toBool());
        QVERIFY(shown.at(0)->findChild<QLabel *>(QStringLiteral("deniedSummaryText"))->styleSheet().contains(QStringLiteral("#c0392b")));
        QVERIFY(!shown.at(1)->property("leak").toBool());
        QVERIFY(shown.at(1)->findChild<QLabel *>(QStringLiteral("deniedSummaryText"))->styleSheet().isEmpty());
        // The rest, counted from every group of the range, not only those sent.
        auto *more = m_view->findChild<QLabel *>(QStringLiteral("deniedSummaryMore"));
        QVERIFY(more->isVisible());
        QVERIFY2(more->text().contains(QStringLiteral(">and 4 more<")), qPrintable(more->text()));
        // Details in the tooltip: times and every top address with its count.
        const QString tip = shown.at(0)->findChild<QLabel *>(QStringLiteral("deniedSummaryText"))->toolTip();
        QVERIFY2(tip.contains(QStringLiteral("10.0.0.5: 7 requests")) && tip.contains(QStringLiteral("10.0.0.9")), qPrintable(tip));

        // Exactly three groups: no "more"; one: one line.
        DeniedSummary three = leakSummary();
        three.groups = three.groups.mid(0, 3);
        three.groupCount = 3;
        m_view->setSummary(three);
        QVERIFY(!more->isVisible());
        three.groups = three.groups.mid(1, 1);
        three.groupCount = 1;
        m_view->setSummary(three);
        settle();
        QCOMPARE(lines().size(), 1);
        QVERIFY(!link(lines().first(), "openKeyLink")); // no key to open for anonymous callers
    }

    void deadKeyWording_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("text");
        QTest::newRow("revoked") << QStringLiteral("revoked key")
                                 << QStringLiteral("⚠ Revoked key “k (skey_••••0001)” used 1 time from 10.1.1.1, last just now");
        QTest::newRow("expired") << QStringLiteral("expired key")
                                 << QStringLiteral("⚠ Expired key “k (skey_••••0001)” used 1 time from 10.1.1.1, last just now");
        QTest::newRow("deleted") << QStringLiteral("deleted key")
                                 << QStringLiteral("⚠ Deleted key “k (skey_••••0001)” used 1 time from 10.1.1.1, last just now");
    }

    void deadKeyWording()
    {
        QFETCH(QString, reason);
        QFETCH(QString, text);
        DeniedSummary s;
        s.groups = {group(QStringLiteral("key_k"), QStringLiteral("k (skey_••••0001)"), reason, 1, {QStringLiteral("10.1.1.1")}, 1, 0)};
        s.groupCount = 1;
        m_view->setSummary(s);
        QCOMPARE(m_view->lineTexts(), QStringList {text});
        QVERIFY(lines().first()->property("leak").toBool());
    }

    void linksSignalTheirIds()
    {
        m_view->setSummary(leakSummary());
        settle();
        QSignalSpy show(m_view, &DeniedSummaryView::showDenied);
        QSignalSpy open(m_view, &DeniedSummaryView::openKeyRequested);
        QSignalSpy all(m_view, &DeniedSummaryView::showAllDenied);
        const QList<QWidget *> shown = lines();
        clickLink(link(shown.at(0), "showDeniedLink"));
        QCOMPARE(show.size(), 1);
        QCOMPARE(show.takeFirst(), QVariantList({QStringLiteral("key_billing"), QStringLiteral("revoked key")}));
        clickLink(link(shown.at(0), "openKeyLink"));
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.takeFirst(), QVariantList {QStringLiteral("key_billing")});
        clickLink(link(shown.at(1), "showDeniedLink"));
        QCOMPARE(show.takeFirst(), QVariantList({QString(), QStringLiteral("missing credentials")}));
        QVERIFY(!link(shown.at(1), "openKeyLink"));
        clickLink(link(shown.at(2), "openKeyLink"));
        QCOMPARE(open.takeFirst(), QVariantList {QStringLiteral("key_reports")});
        clickLink(m_view->findChild<QLabel *>(QStringLiteral("deniedSummaryMore")));
        QCOMPARE(all.size(), 1);

        // Keyboard: Tab reaches each link, Enter follows it.
        QLabel *first = link(shown.at(0), "showDeniedLink");
        first->setFocus(Qt::TabFocusReason);
        QVERIFY(QTest::qWaitFor([first] { return first->hasFocus(); }, 2000));
        QTest::keyClick(first, Qt::Key_Return);
        QCOMPARE(show.size(), 1);
        QCOMPARE(show.takeFirst().at(0).toString(), QStringLiteral("key_billing"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QLabel *openFirst = link(shown.at(0), "openKeyLink");
        QVERIFY(QTest::qWaitFor([openFirst] { return openFirst->hasFocus(); }, 2000));
        QTest::keyClick(openFirst, Qt::Key_Return);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.takeFirst(), QVariantList {QStringLiteral("key_billing")});
    }

    void loadingErrorAndClear()
    {
        m_view->setSummary(leakSummary());
        auto *status = m_view->findChild<QLabel *>(QStringLiteral("deniedSummaryStatus"));
        m_view->setLoading(true);
        QVERIFY(m_view->isVisible());
        QCOMPARE(m_view->lineTexts().size(), 3); // the lines stay while a new summary loads
        QVERIFY(status->isVisible());
        m_view->setLoading(false);
        QVERIFY(!status->isVisible());
        m_view->setError(QStringLiteral("The server did not answer."));
        QVERIFY(m_view->isVisible());
        QVERIFY(m_view->lineTexts().isEmpty());
        QVERIFY(status->isVisible());
        QVERIFY(status->text().contains(QStringLiteral("The server did not answer.")));
        m_view->clear();
        QVERIFY(!m_view->isVisible());
        m_view->setSummary(leakSummary());
        QVERIFY(!status->isVisible());
        QCOMPARE(m_view->lineTexts().size(), 3);
    }

    void germanLengthWraps()
    {
        DeniedSummary s = leakSummary();
        s.groups[0].keyDisplay = QStringLiteral("Zahlungsverkehrsabwicklungsschnittstelle Produktionsumgebung Rechenzentrum "
                                                "Frankfurt am Main (skey_••••3f9a)");
        m_window->resize(520, 400);
        m_view->setSummary(s);
        settle();
        QVERIFY2(m_view->width() <= 520, qPrintable(QString::number(m_view->width())));
        QVERIFY(m_view->minimumSizeHint().width() <= 520);
        QLabel *text = lines().first()->findChild<QLabel *>(QStringLiteral("deniedSummaryText"));
        QVERIFY(text->height() > 2 * text->fontMetrics().height()); // wrapped onto several lines
        QVERIFY(link(lines().first(), "openKeyLink")->isVisible());
    }

    void rendersAtDocumentationSize()
    {
        m_window->resize(900, 160);
        m_view->setSummary(leakSummary());
        settle();
        const QPixmap picture = m_window->grab();
        QVERIFY(!picture.isNull() && m_view->isVisible());
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            QVERIFY(picture.save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/denied-summary.png")));
    }
};

QTEST_MAIN(TestGuiDeniedSummary)
#include "tst_gui_deniedsummary.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log's timeline, offscreen and without a server: actions sorted into categories, gaps
// filled between since and until, a nice axis, drag/click/keyboard selection signals, tooltips,
// painting at two pixel ratios and in a dark palette, 2,000 buckets, and the empty, loading and
// error states. With KEYWARD_SCREENSHOT_DIR set it saves light and dark screenshots there.
#include "AuditTimeline.h"
#include "EnglishPlurals.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

using namespace keyward;

namespace {

using Counts = QHash<QString, qint64>;

const QDateTime Monday = QDateTime(QDate(2024, 12, 2), QTime(0, 0), Qt::UTC); // Mon 2 Dec 2024

AuditHistogramBucket bucket(const QDateTime &start, const Counts &counts)
{
    AuditHistogramBucket b;
    b.start = start;
    b.counts = counts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        b.total += it.value();
    return b;
}

// `n` buckets of `unit` from `since`; `filled` maps bucket indexes to their counts.
AuditHistogram histogram(
    AuditHistogram::Bucket unit, const QDateTime &since, int n, const QMap<int, Counts> &filled)
{
    const qint64 step = unit == AuditHistogram::Bucket::Hour ? 3600 : 86400;
    AuditHistogram h;
    h.bucket = unit;
    h.since = since;
    h.until = since.addSecs(step * n);
    for (auto it = filled.cbegin(); it != filled.cend(); ++it)
        h.buckets.append(bucket(since.addSecs(step * it.key()), it.value()));
    return h;
}

Counts keys(qint64 n)
{
    return { { QStringLiteral("secret_key.created"), n } };
}

// A realistic week: keys, sign-ins, some denials, an org change; one busy day.
AuditHistogram demoWeek(AuditHistogram::Bucket unit, int n)
{
    QMap<int, Counts> filled;
    QRandomGenerator rng(42);
    for (int i = 0; i < n; ++i) {
        const bool busy = i % 11 == 4;
        const bool quiet = i % 5 == 2;
        if (quiet)
            continue;
        Counts c { { QStringLiteral("auth.login"), rng.bounded(busy ? 40 : 12) + 2 },
            { QStringLiteral("secret_key.rotated"), rng.bounded(busy ? 20 : 6) },
            { QStringLiteral("auth.denied"), rng.bounded(i % 3 == 0 ? 9 : 2) } };
        if (i % 4 == 1)
            c.insert(QStringLiteral("org.updated"), rng.bounded(4) + 1);
        filled.insert(i, c);
    }
    return histogram(unit, Monday.addDays(-7), n, filled);
}

QPalette darkPalette()
{
    QPalette pal;
    const QColor window(0x2b2b2e);
    const QColor base(0x1e1e20);
    const QColor text(0xe6e6e6);
    pal.setColor(QPalette::Window, window);
    pal.setColor(QPalette::Base, base);
    pal.setColor(QPalette::AlternateBase, window);
    pal.setColor(QPalette::Text, text);
    pal.setColor(QPalette::WindowText, text);
    pal.setColor(QPalette::ButtonText, text);
    pal.setColor(QPalette::Button, window);
    pal.setColor(QPalette::Highlight, QColor(0x3d8ee6));
    pal.setColor(QPalette::HighlightedText, Qt::white);
    pal.setColor(QPalette::ToolTipBase, base);
    pal.setColor(QPalette::ToolTipText, text);
    return pal;
}

QImage render(QWidget *w, qreal dpr)
{
    QImage image(w->size() * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(w->palette().color(QPalette::Window));
    w->render(&image);
    return image;
}

QColor pixel(const QImage &image, const QPoint &logical)
{
    const qreal dpr = image.devicePixelRatio();
    return image.pixelColor(QPoint(int(logical.x() * dpr), int(logical.y() * dpr)));
}

void saveScreenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
}

} // namespace

class TestGuiAuditTimeline : public QObject
{
    Q_OBJECT

private:
    EnglishPlurals m_plurals;
    std::unique_ptr<AuditTimeline> m_timeline;

    AuditTimeline *shown(const AuditHistogram &h)
    {
        m_timeline->setHistogram(h);
        m_timeline->show();
        if (!QTest::qWaitForWindowExposed(m_timeline.get()))
            return nullptr;
        return m_timeline.get();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::installTranslator(&m_plurals); // "1 event", "12 events"
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void init()
    {
        m_timeline = std::make_unique<AuditTimeline>();
        m_timeline->resize(640, 150);
    }

    void cleanup() { m_timeline.reset(); }

    void categoryOf_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<AuditTimeline::Category>("category");
        const auto row = [](const char *action, AuditTimeline::Category c) {
            QTest::newRow(action) << QString::fromLatin1(action) << c;
        };
        using C = AuditTimeline::Category;
        row("secret_key.created", C::Keys);
        row("secret_key.revoked", C::Keys);
        row("secret_key.rotated", C::Keys);
        row("secret_key.expired", C::Keys);
        row("secret_key.deleted", C::Keys);
        row("publishable_key.created", C::Keys);
        row("publishable_key.deleted", C::Keys);
        row("auth.denied", C::Denied);
        row("auth.login", C::SignIns);
        row("auth.login_failed", C::SignIns);
        row("auth.logout", C::SignIns);
        row("oauth.token_issued", C::SignIns);
        row("user.mfa_enrolled", C::SignIns);
        row("user.created", C::Other);
        row("user.role_changed", C::Other);
        row("user.disabled", C::Other);
        row("org.updated", C::Other);
        row("payment.created", C::Other);
        row("secret_keys.created", C::Other); // not a prefix match
        row("", C::Other);
    }

    void categoryOf()
    {
        QFETCH(QString, action);
        QFETCH(AuditTimeline::Category, category);
        QCOMPARE(AuditTimeline::categoryOf(action), category);
    }

    void categoryNamesAreDistinct()
    {
        QSet<QString> names;
        for (int k = 0; k < AuditTimeline::CategoryCount; ++k)
            names.insert(AuditTimeline::categoryName(AuditTimeline::Category(k)));
        QCOMPARE(names.size(), AuditTimeline::CategoryCount);
    }

    void fillsGaps_data()
    {
        QTest::addColumn<AuditHistogram::Bucket>("unit");
        QTest::addColumn<int>("n");
        QTest::newRow("7 days") << AuditHistogram::Bucket::Day << 7;
        QTest::newRow("30 days") << AuditHistogram::Bucket::Day << 30;
        QTest::newRow("48 hours") << AuditHistogram::Bucket::Hour << 48;
        QTest::newRow("168 hours") << AuditHistogram::Bucket::Hour << 168;
    }

    void fillsGaps()
    {
        QFETCH(AuditHistogram::Bucket, unit);
        QFETCH(int, n);
        const AuditHistogram h = histogram(unit, Monday, n,
            { { 0, keys(2) }, { 3, { { QStringLiteral("auth.login"), 5 } } }, { n - 1, keys(1) } });
        m_timeline->setHistogram(h);
        QCOMPARE(m_timeline->bucketCount(), n);
        const qint64 step = unit == AuditHistogram::Bucket::Hour ? 3600 : 86400;
        for (int i = 0; i < n; ++i) {
            QCOMPARE(m_timeline->bucketStart(i), Monday.addSecs(step * i));
            QCOMPARE(m_timeline->bucketStart(i).timeSpec(), Qt::UTC);
        }
        QCOMPARE(m_timeline->bucketTotal(0), 2);
        QCOMPARE(m_timeline->bucketTotal(1), 0);
        QCOMPARE(m_timeline->bucketTotal(3), 5);
        QCOMPARE(m_timeline->countOf(3, AuditTimeline::Category::SignIns), 5);
        QCOMPARE(m_timeline->bucketTotal(n - 1), 1);
        QVERIFY(!m_timeline->bucketStart(n).isValid());

        // An `until` inside the last bucket (now) still counts that bucket, once.
        AuditHistogram partial = h;
        partial.until = h.until.addSecs(-step / 3);
        m_timeline->setHistogram(partial);
        QCOMPARE(m_timeline->bucketCount(), n);
        QCOMPARE(m_timeline->bucketEnd(n - 1), h.until);
    }

    void totalsWithoutBreakdownCountAsOther()
    {
        AuditHistogram h = histogram(AuditHistogram::Bucket::Day, Monday, 3, { { 1, keys(2) } });
        h.buckets[0].total = 5; // 3 events the server did not break down by action
        m_timeline->setHistogram(h);
        QCOMPARE(m_timeline->bucketTotal(1), 5);
        QCOMPARE(m_timeline->countOf(1, AuditTimeline::Category::Keys), 2);
        QCOMPARE(m_timeline->countOf(1, AuditTimeline::Category::Other), 3);
    }

    void axisMaxIsNice_data()
    {
        QTest::addColumn<qint64>("tallest");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("1") << qint64(1) << qint64(1);
        QTest::newRow("2") << qint64(2) << qint64(2);
        QTest::newRow("3") << qint64(3) << qint64(5);
        QTest::newRow("7") << qint64(7) << qint64(10);
        QTest::newRow("10") << qint64(10) << qint64(10);
        QTest::newRow("11") << qint64(11) << qint64(20);
        QTest::newRow("38") << qint64(38) << qint64(50);
        QTest::newRow("99") << qint64(99) << qint64(100);
        QTest::newRow("101") << qint64(101) << qint64(200);
        QTest::newRow("1234") << qint64(1234) << qint64(2000);
        QTest::newRow("480000") << qint64(480000) << qint64(500000);
    }

    void axisMaxIsNice()
    {
        QFETCH(qint64, tallest);
        QFETCH(qint64, expected);
        // The tallest stack is split across categories; another bucket is lower.
        const qint64 denied = tallest / 3;
        AuditTimeline *t = shown(histogram(AuditHistogram::Bucket::Day, Monday, 7,
            { { 2,
                  { { QStringLiteral("secret_key.created"), tallest - denied },
                      { QStringLiteral("auth.denied"), denied } } },
                { 5, keys(std::max<qint64>(1, tallest / 2)) } }));
        QVERIFY(t);
        QCOMPARE(t->maxValue(), expected);
        QVERIFY(t->maxValue() >= tallest);
        // The tallest bar is as tall as its share of the axis.
        const QRect plotColumn = t->barRect(2);
        QVERIFY(plotColumn.height() > 0);
        QVERIFY(t->barRect(5).height() <= plotColumn.height());
        QVERIFY(t->barRect(1).height() <= 1);
    }

    void emptyHistogramHasAMessageAndAnAxis()
    {
        AuditTimeline *t = shown(histogram(AuditHistogram::Bucket::Day, Monday, 7, {}));
        QVERIFY(t);
        QCOMPARE(t->bucketCount(), 7);
        QCOMPARE(t->maxValue(), 1);
        QVERIFY(t->accessibleDescription().contains(QLatin1String("7 days, no events")));
        QVERIFY(!render(t, 1).isNull());
    }

    void dragSelectsSnappedRange()
    {
        AuditTimeline *t = shown(demoWeek(AuditHistogram::Bucket::Day, 7));
        QVERIFY(t);
        QSignalSpy ranges(t, &AuditTimeline::rangeSelected);
        QSignalSpy activated(t, &AuditTimeline::bucketActivated);
        QVERIFY(ranges.isValid());
        QVERIFY(activated.isValid());
        const QPoint from = QPoint(t->barRect(2).center().x(), t->barRect(2).bottom() - 1);
        const QPoint to = QPoint(t->barRect(4).center().x(), t->barRect(4).bottom() - 1);
        QTest::mousePress(t, Qt::LeftButton, {}, from);
        QTest::mouseMove(t, (from + to) / 2);
        QTest::mouseMove(t, to);
        QTest::mouseRelease(t, Qt::LeftButton, {}, to);
        QCOMPARE(ranges.count(), 1);
        QCOMPARE(activated.count(), 0);
        QCOMPARE(ranges.at(0).at(0).toDateTime(), t->bucketStart(2));
        QCOMPARE(ranges.at(0).at(1).toDateTime(), t->bucketEnd(4));
        QCOMPARE(ranges.at(0).at(1).toDateTime(), Monday.addDays(-7 + 5));

        // Backwards works too, and a drag that leaves the plot snaps to the last bucket.
        QTest::mousePress(t, Qt::LeftButton, {}, to);
        QTest::mouseMove(t, QPoint(t->width() - 2, to.y()));
        QTest::mouseRelease(t, Qt::LeftButton, {}, QPoint(t->width() - 2, to.y()));
        QCOMPARE(ranges.count(), 2);
        QCOMPARE(ranges.at(1).at(0).toDateTime(), t->bucketStart(4));
        QCOMPARE(ranges.at(1).at(1).toDateTime(), t->bucketEnd(6));

        // Escape abandons a drag: nothing on release.
        QTest::mousePress(t, Qt::LeftButton, {}, from);
        QTest::mouseMove(t, to);
        QTest::keyClick(t, Qt::Key_Escape);
        QTest::mouseRelease(t, Qt::LeftButton, {}, to);
        QCOMPARE(ranges.count(), 2);
        QCOMPARE(activated.count(), 0);
    }

    void clickActivatesBucket()
    {
        AuditTimeline *t = shown(demoWeek(AuditHistogram::Bucket::Day, 7));
        QVERIFY(t);
        QSignalSpy ranges(t, &AuditTimeline::rangeSelected);
        QSignalSpy activated(t, &AuditTimeline::bucketActivated);
        QVERIFY(t->bucketTotal(3) > 0);
        QTest::mouseClick(t, Qt::LeftButton, {}, t->barRect(3).center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(ranges.count(), 0);
        QCOMPARE(activated.at(0).at(0).toDateTime(), t->bucketStart(3));
        QCOMPARE(activated.at(0).at(1).toDateTime(), t->bucketEnd(3));
        QCOMPARE(t->bucketEnd(3), t->bucketStart(4));

        // A click on the legend or the axis labels is no bar.
        QTest::mouseClick(t, Qt::LeftButton, {}, QPoint(3, 3));
        QCOMPARE(activated.count(), 1);
    }

    void keyboardMovesExtendsAndActivates()
    {
        AuditTimeline *t = shown(demoWeek(AuditHistogram::Bucket::Day, 7));
        QVERIFY(t);
        t->setFocus();
        QVERIFY(QTest::qWaitFor([t] { return t->hasFocus(); }));
        QSignalSpy ranges(t, &AuditTimeline::rangeSelected);
        QSignalSpy activated(t, &AuditTimeline::bucketActivated);
        QTest::keyClick(t, Qt::Key_Right);
        QTest::keyClick(t, Qt::Key_Right);
        QCOMPARE(t->focusedBucket(), 1);
        QTest::keyClick(t, Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(t->focusedBucket(), 2);
        QTest::keyClick(t, Qt::Key_Return);
        QCOMPARE(activated.count(), 0);
        QCOMPARE(ranges.count(), 1);
        const QDateTime since = ranges.at(0).at(0).toDateTime();
        const QDateTime until = ranges.at(0).at(1).toDateTime();
        QCOMPARE(since, t->bucketStart(1));
        QCOMPARE(until, t->bucketEnd(2));
        QCOMPARE(since.secsTo(until), 2 * 86400);

        // Enter on the focused bucket alone zooms to it; Left stops at the first bucket.
        QTest::keyClick(t, Qt::Key_Enter);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toDateTime(), t->bucketStart(2));
        QCOMPARE(activated.at(0).at(1).toDateTime(), t->bucketEnd(2));
        for (int i = 0; i < 5; ++i)
            QTest::keyClick(t, Qt::Key_Left);
        QCOMPARE(t->focusedBucket(), 0);
        QTest::keyClick(t, Qt::Key_End);
        QCOMPARE(t->focusedBucket(), 6);

        // Escape drops a Shift range, so Enter activates just the focused bucket.
        QTest::keyClick(t, Qt::Key_Left, Qt::ShiftModifier);
        QTest::keyClick(t, Qt::Key_Escape);
        QTest::keyClick(t, Qt::Key_Return);
        QCOMPARE(ranges.count(), 1);
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.at(1).at(0).toDateTime(), t->bucketStart(5));
        QVERIFY(!render(t, 1).isNull()); // with the focus outline
    }

    void toolTipAndSummary()
    {
        AuditHistogram h = histogram(AuditHistogram::Bucket::Hour, Monday.addSecs(-9 * 3600), 24,
            { { 18,
                  { { QStringLiteral("secret_key.created"), 1 }, { QStringLiteral("secret_key.revoked"), 2 },
                      { QStringLiteral("auth.login"), 9 } } },
                { 19, { { QStringLiteral("auth.denied"), 1 } } } });
        h.utcOffsetMinutes = 60; // buckets at local hours of UTC+1
        m_timeline->setHistogram(h);
        // Bucket 18 starts at 09:00 UTC = 10:00 local on Mon 2 Dec.
        const QString tip = m_timeline->toolTipFor(18);
        QVERIFY2(tip.contains(QLatin1String("12 events")), qPrintable(tip));
        QVERIFY2(tip.contains(QLatin1String("keys 3")), qPrintable(tip));
        QVERIFY2(tip.contains(QLatin1String("sign-ins 9")), qPrintable(tip));
        QVERIFY2(!tip.contains(QLatin1String("denied")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Mon 2 Dec, 10:00\u201311:00")), qPrintable(tip));
        QVERIFY2(m_timeline->toolTipFor(19).contains(QStringLiteral("1 event \u00b7 denied 1")),
            qPrintable(m_timeline->toolTipFor(19)));
        QVERIFY2(m_timeline->toolTipFor(0).contains(QLatin1String("no events")),
            qPrintable(m_timeline->toolTipFor(0)));
        QVERIFY(m_timeline->toolTipFor(24).isEmpty());

        const QString summary = m_timeline->accessibleDescription();
        QCOMPARE(summary, m_timeline->summary());
        QVERIFY2(summary.contains(QLatin1String("24 hours, 13 events, most at Mon 2 Dec, 10:00")),
            qPrintable(summary));
        QCOMPARE(m_timeline->accessibleName(), QStringLiteral("Event timeline"));

        AuditHistogram days
            = histogram(AuditHistogram::Bucket::Day, Monday, 12, { { 1, keys(1000) }, { 3, keys(234) } });
        m_timeline->setHistogram(days);
        QCOMPARE(
            m_timeline->accessibleDescription(), QStringLiteral("12 days, 1,234 events, most on Tue 3 Dec"));
        QVERIFY2(m_timeline->toolTipFor(1).startsWith(QLatin1String("Tue 3 Dec: 1,000 events")),
            qPrintable(m_timeline->toolTipFor(1)));
    }

    void hoverShowsToolTipAndHighlight()
    {
        AuditTimeline *t = shown(demoWeek(AuditHistogram::Bucket::Day, 14));
        QVERIFY(t);
        const QPoint pos(t->barRect(4).center().x(), t->barRect(4).top() - 6); // above the bar, in its column
        const QImage before = render(t, 1);
        QMouseEvent move(
            QEvent::MouseMove, pos, t->mapToGlobal(pos), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(t, &move);
        QVERIFY2(pixel(render(t, 1), pos) != pixel(before, pos), "the hovered column is highlighted");
        QHelpEvent help(QEvent::ToolTip, pos, t->mapToGlobal(pos));
        QApplication::sendEvent(t, &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), t->toolTipFor(4));
        QVERIFY(QToolTip::text().contains(QLocale().toString(t->bucketTotal(4))));
        QHelpEvent nowhere(QEvent::ToolTip, QPoint(2, 2), t->mapToGlobal(QPoint(2, 2)));
        QApplication::sendEvent(t, &nowhere);
        QTRY_VERIFY(!QToolTip::isVisible());

        // For the screenshot: a keyboard range being extended over the hover.
        t->setFocus();
        QVERIFY(QTest::qWaitFor([t] { return t->hasFocus(); }));
        QTest::keyClick(t, Qt::Key_Right);
        for (int i = 0; i < 7; ++i)
            QTest::keyClick(t, Qt::Key_Right);
        QTest::keyClick(t, Qt::Key_Right, Qt::ShiftModifier);
        QTest::keyClick(t, Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(t->focusedBucket(), 9);
        QToolTip::hideText();
        saveScreenshot(t, QStringLiteral("audit-timeline-interaction.png"));
        t->setLoading(true);
        saveScreenshot(t, QStringLiteral("audit-timeline-loading.png"));
    }

    void paints_data()
    {
        QTest::addColumn<qreal>("dpr");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light@1") << 1.0 << false;
        QTest::newRow("light@2") << 2.0 << false;
        QTest::newRow("dark@1") << 1.0 << true;
        QTest::newRow("dark@2") << 2.0 << true;
    }

    void paints()
    {
        QFETCH(qreal, dpr);
        QFETCH(bool, dark);
        if (dark)
            m_timeline->setPalette(darkPalette());
        using C = AuditTimeline::Category;
        AuditTimeline *t = shown(histogram(AuditHistogram::Bucket::Day, Monday, 7,
            { { 1, keys(40) },
                { 2, { { QStringLiteral("auth.login"), 20 }, { QStringLiteral("auth.denied"), 20 } } },
                { 4, { { QStringLiteral("org.updated"), 30 } } } }));
        QVERIFY(t);
        const QImage image = render(t, dpr);
        QCOMPARE(image.size(), t->size() * dpr);
        if (const QString dir = qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR"); !dir.isEmpty() && dpr > 1) {
            QDir().mkpath(dir);
            QVERIFY(image.save(dir
                + (dark ? QStringLiteral("/audit-timeline-dark@2x.png")
                        : QStringLiteral("/audit-timeline@2x.png"))));
        }
        const auto sample = [&](int bucket, C c) {
            const QRect r = t->segmentRect(bucket, c);
            return r.isEmpty() ? QColor() : pixel(image, r.center());
        };
        QCOMPARE(sample(1, C::Keys), t->categoryColor(C::Keys));
        QCOMPARE(sample(2, C::SignIns), t->categoryColor(C::SignIns));
        QCOMPARE(sample(2, C::Denied), t->categoryColor(C::Denied));
        QCOMPARE(sample(4, C::Other), t->categoryColor(C::Other));
        QVERIFY(!t->segmentRect(1, C::Denied).isValid() || t->segmentRect(1, C::Denied).isEmpty());
        // Denied reads as red; the base behind an empty bucket is not a bar colour.
        const QColor denied = t->categoryColor(C::Denied);
        QVERIFY(denied.red() > 2 * denied.green() && denied.red() > 2 * denied.blue());
        const QColor empty = pixel(image, QPoint(t->barRect(3).center().x(), t->barRect(1).center().y()));
        for (int k = 0; k < AuditTimeline::CategoryCount; ++k)
            QVERIFY(empty != t->categoryColor(C(k)));
        // Bar colours stand apart from the base in either palette.
        const qreal base = t->palette().color(QPalette::Base).lightnessF();
        for (int k = 0; k < AuditTimeline::CategoryCount; ++k)
            QVERIFY2(std::abs(t->categoryColor(C(k)).lightnessF() - base) > 0.25,
                qPrintable(AuditTimeline::categoryName(C(k))));
        // The sum stacks: keys alone in bucket 1 is as tall as sign-ins + denied in bucket 2.
        QCOMPARE(t->barRect(1).top(), t->barRect(2).top());
    }

    void paintsTwoThousandBuckets()
    {
        QMap<int, Counts> filled;
        QRandomGenerator rng(7);
        for (int i = 0; i < 2000; ++i) {
            if (rng.bounded(10) < 7)
                filled.insert(i,
                    { { QStringLiteral("auth.login"), rng.bounded(30) },
                        { QStringLiteral("auth.denied"), rng.bounded(3) } });
        }
        AuditTimeline *t = shown(histogram(AuditHistogram::Bucket::Hour, Monday.addDays(-80), 2000, filled));
        QVERIFY(t);
        QCOMPARE(t->bucketCount(), 2000);
        QVERIFY(t->bucketsPerColumn() > 1);
        QElapsedTimer timer;
        timer.start();
        const QImage image = render(t, 2);
        qInfo("2,000 buckets in %d px: %d per column, rendered in %lld ms", t->width(), t->bucketsPerColumn(),
            timer.elapsed());
        QVERIFY(!image.isNull());
        // Neighbouring buckets share a drawn column at least 2 px wide.
        QSet<int> columns;
        for (int i = 0; i < t->bucketCount(); ++i)
            columns.insert(t->barRect(i).left());
        QVERIFY(columns.size() * 2 <= t->width());
        QVERIFY(columns.size() > 20);
        saveScreenshot(t, QStringLiteral("audit-timeline-2000h.png"));
        t->resize(1400, 160);
        QVERIFY(!render(t, 1).isNull());
        saveScreenshot(t, QStringLiteral("audit-timeline-2000h-wide.png"));
    }

    void loadingErrorAndClearStates()
    {
        AuditTimeline *t = shown(demoWeek(AuditHistogram::Bucket::Day, 7));
        QVERIFY(t);
        t->setLoading(true);
        QVERIFY(t->isLoading());
        QVERIFY(!render(t, 1).isNull());
        t->setError(QStringLiteral("The server did not answer (request id req_123)."));
        QVERIFY(!t->isLoading());
        QVERIFY(t->accessibleDescription().contains(QLatin1String("req_123")));
        QVERIFY(!render(t, 1).isNull());
        t->setHistogram(demoWeek(AuditHistogram::Bucket::Day, 7));
        QVERIFY(t->errorText().isEmpty());
        t->clear();
        QCOMPARE(t->bucketCount(), 0);
        QCOMPARE(t->barRect(0), QRect());
        QCOMPARE(t->bucketAt(QPoint(100, 80)), -1);
        t->setLoading(true);
        QVERIFY(!render(t, 1).isNull());
        // Keys and clicks on nothing do nothing.
        QSignalSpy activated(t, &AuditTimeline::bucketActivated);
        QTest::keyClick(t, Qt::Key_Right);
        QTest::keyClick(t, Qt::Key_Return);
        QTest::mouseClick(t, Qt::LeftButton, {}, QPoint(100, 80));
        QCOMPARE(activated.count(), 0);
    }

    void selectionBandAndScreenshots()
    {
        AuditTimeline *t = shown(demoWeek(AuditHistogram::Bucket::Day, 30));
        QVERIFY(t);
        t->setSelection(t->bucketStart(9), t->bucketEnd(13));
        const QImage withBand = render(t, 1);
        t->setSelection({}, {});
        const QImage without = render(t, 1);
        // The band tints the plot between bars inside the range.
        const QRect empty = t->barRect(2); // a quiet day (i % 5 == 2)
        QCOMPARE(t->bucketTotal(2), 0);
        const QPoint between(t->barRect(12).left() - 2, t->barRect(12).bottom() - 2); // the gap left of a bar
        QVERIFY(pixel(withBand, between) != pixel(without, between));
        QCOMPARE(pixel(withBand, QPoint(empty.center().x(), between.y())),
            pixel(without, QPoint(empty.center().x(), between.y())));
        t->setSelection(t->bucketStart(9), t->bucketEnd(13));
        t->resize(760, 160);
        saveScreenshot(t, QStringLiteral("audit-timeline.png"));
        t->setPalette(darkPalette());
        saveScreenshot(t, QStringLiteral("audit-timeline-dark.png"));

        AuditHistogram hours = demoWeek(AuditHistogram::Bucket::Hour, 72);
        m_timeline->setPalette(QPalette());
        m_timeline->setHistogram(hours);
        m_timeline->setSelection({}, {});
        saveScreenshot(t, QStringLiteral("audit-timeline-hours.png"));
        m_timeline->resize(220, 95);
        saveScreenshot(t, QStringLiteral("audit-timeline-small.png"));
        m_timeline->setHistogram(histogram(AuditHistogram::Bucket::Day, Monday, 14, {}));
        m_timeline->resize(640, 140);
        saveScreenshot(t, QStringLiteral("audit-timeline-empty.png"));
        m_timeline->setError(
            QStringLiteral("Could not load the timeline: the server did not answer (request id req_8f2c)."));
        saveScreenshot(t, QStringLiteral("audit-timeline-error.png"));
    }
};

QTEST_MAIN(TestGuiAuditTimeline)
#include "tst_gui_audittimeline.moc"

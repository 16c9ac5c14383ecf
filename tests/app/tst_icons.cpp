// SPDX-License-Identifier: GPL-3.0-or-later
// The icons: every IconId has an icon; the bundled SVGs draw something at 16 and 32 px and at a
// device pixel ratio of 2 (drawn at the device size, not scaled up); they take the palette's text
// colour (dark on a light palette, light on a dark one, dimmed when disabled, highlighted text when
// selected) and follow a palette change; a theme that has an icon's freedesktop name wins; the app
// icon's PNGs, .ico and .icns from the build exist at the right sizes.
// With KEYWARD_SCREENSHOT_DIR set, also writes icons-light.png, icons-dark.png and app-icon.png.
#include "Icons.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace keyward;

namespace {

const char *const IconNames[IconCount] = {
    "NewKey",   "Edit",     "Rotate", "Revoke",  "Delete", "Refresh", "Copy",       "AuditLog",
    "Export",   "Verify",   "Filter", "KeysPage", "Overview", "SignIn", "SignOut",  "Profiles",
    "Help",     "About",    "ShowSecret", "HideSecret", "PublishableKey",
};

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf4, 0xf4, 0xf4));
    p.setColor(QPalette::WindowText, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2a, 0x2b, 0x2e));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x78, 0x78, 0x78));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, QColor(0x10, 0x10, 0x10));
    return p;
}

// Pixels that are mostly covered; their colour is the tint (anti-aliased edges round it).
QList<QColor> inkPixels(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    QList<QColor> ink;
    for (int y = 0; y < argb.height(); ++y) {
        for (int x = 0; x < argb.width(); ++x) {
            const QRgb px = argb.pixel(x, y);
            if (qAlpha(px) >= 160)
                ink.append(QColor::fromRgba(px));
        }
    }
    return ink;
}

int coveredPixels(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    int covered = 0;
    for (int y = 0; y < argb.height(); ++y) {
        for (int x = 0; x < argb.width(); ++x)
            covered += qAlpha(argb.pixel(x, y)) > 0 ? 1 : 0;
    }
    return covered;
}

// The device pixels, whatever the device pixel ratio.
QImage devicePixels(const QPixmap &pixmap)
{
    QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    image.setDevicePixelRatio(1.0);
    return image;
}

bool close(const QColor &a, const QColor &b, int tolerance = 3)
{
    return qAbs(a.red() - b.red()) <= tolerance && qAbs(a.green() - b.green()) <= tolerance
        && qAbs(a.blue() - b.blue()) <= tolerance;
}

void addIconRows()
{
    QTest::addColumn<int>("id");
    for (int i = 0; i < IconCount; ++i)
        QTest::newRow(IconNames[i]) << i;
}

// One row per icon: 16, 22, 32 px, 16 px at 200 %, then disabled and selected at 16 px.
QImage iconSheet(const QPalette &palette)
{
    QApplication::setPalette(palette);
    constexpr int Row = 40;
    QImage sheet(420, 12 + Row * IconCount, QImage::Format_ARGB32_Premultiplied);
    sheet.fill(palette.color(QPalette::Window));
    QPainter painter(&sheet);
    QFont font = painter.font();
    font.setPixelSize(12);
    painter.setFont(font);
    for (int i = 0; i < IconCount; ++i) {
        const QIcon icon = bundledIcon(IconId(i));
        const int y = 6 + i * Row;
        painter.setPen(palette.color(QPalette::WindowText));
        painter.drawText(QRect(8, y, 120, 32), Qt::AlignVCenter, QString::fromLatin1(IconNames[i]));
        int x = 130;
        for (const int size : {16, 22, 32}) {
            painter.drawPixmap(x, y + (32 - size) / 2, icon.pixmap(QSize(size, size), 1.0));
            x += size + 14;
        }
        QPixmap hiDpi = icon.pixmap(QSize(16, 16), 2.0); // 32 device pixels, shown 1:1
        hiDpi.setDevicePixelRatio(1.0);
        painter.drawPixmap(x, y, hiDpi);
        x += 32 + 20;
        painter.drawPixmap(x, y + 8, icon.pixmap(QSize(16, 16), 1.0, QIcon::Disabled));
        x += 16 + 14;
        painter.fillRect(QRect(x - 4, y + 4, 24, 24), palette.color(QPalette::Highlight));
        painter.drawPixmap(x, y + 8, icon.pixmap(QSize(16, 16), 1.0, QIcon::Selected));
    }
    return sheet;
}

} // namespace

class TestIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(int(std::size(IconNames)), IconCount);
        m_originalPalette = QApplication::palette();
    }

    void cleanup() { QApplication::setPalette(m_originalPalette); }

    void everyIconExists_data() { addIconRows(); }
    void everyIconExists()
    {
        QFETCH(int, id);
        QVERIFY(!icon(IconId(id)).isNull());
        QVERIFY(!bundledIcon(IconId(id)).isNull());
        QVERIFY2(QFile::exists(iconResource(IconId(id))), qPrintable(iconResource(IconId(id))));
    }

    void bundledIconsDrawAtEverySize_data() { addIconRows(); }
    void bundledIconsDrawAtEverySize()
    {
        QFETCH(int, id);
        QApplication::setPalette(lightPalette());
        const QIcon icon = bundledIcon(IconId(id));
        for (const int size : {16, 32}) {
            const QImage image = icon.pixmap(QSize(size, size), 1.0).toImage();
            QCOMPARE(image.size(), QSize(size, size));
            const int covered = coveredPixels(image);
            // Something is drawn, and it is a line drawing, not a filled square.
            QVERIFY2(covered >= size * size / 10, qPrintable(QString::number(covered)));
            QVERIFY2(covered < size * size * 3 / 4, qPrintable(QString::number(covered)));
        }
        // At 200 %: 32 device pixels drawn from the SVG, the same as asking for 32 px outright.
        const QPixmap hiDpi = icon.pixmap(QSize(16, 16), 2.0);
        QCOMPARE(hiDpi.size(), QSize(32, 32));
        QCOMPARE(hiDpi.devicePixelRatio(), 2.0);
        QCOMPARE(hiDpi.deviceIndependentSize(), QSizeF(16, 16));
        QCOMPARE(devicePixels(hiDpi), devicePixels(icon.pixmap(QSize(32, 32), 1.0)));
        // ...which is not 16 px scaled up.
        QVERIFY(devicePixels(hiDpi) != devicePixels(icon.pixmap(QSize(16, 16), 1.0)).scaled(32, 32));
        // Painted through QIcon::paint on a 200 % device, too.
        QImage device(32, 32, QImage::Format_ARGB32_Premultiplied);
        device.setDevicePixelRatio(2.0);
        device.fill(Qt::transparent);
        QPainter painter(&device);
        icon.paint(&painter, QRect(0, 0, 16, 16));
        painter.end();
        device.setDevicePixelRatio(1.0);
        QCOMPARE(device.convertToFormat(QImage::Format_ARGB32), devicePixels(icon.pixmap(QSize(32, 32), 1.0)));
    }

    void tintFollowsThePalette_data() { addIconRows(); }
    void tintFollowsThePalette()
    {
        QFETCH(int, id);
        const QIcon icon = bundledIcon(IconId(id));
        for (const QPalette &palette : {lightPalette(), darkPalette()}) {
            QApplication::setPalette(palette);
            const QColor text = palette.color(QPalette::WindowText);
            const auto expect = [&](QIcon::Mode mode, const QColor &colour) {
                const QList<QColor> ink = inkPixels(icon.pixmap(QSize(32, 32), 1.0, mode).toImage());
                QVERIFY(!ink.isEmpty());
                for (const QColor &c : ink)
                    QVERIFY2(close(c, colour), qPrintable(c.name() + QStringLiteral(" is not ") + colour.name()));
            };
            expect(QIcon::Normal, text);
            expect(QIcon::Active, text);
            expect(QIcon::Disabled, palette.color(QPalette::Disabled, QPalette::WindowText));
            expect(QIcon::Selected, palette.color(QPalette::HighlightedText));
            // Dark ink on the light palette, light ink on the dark one.
            const QColor ink = inkPixels(icon.pixmap(QSize(32, 32), 1.0).toImage()).constFirst();
            if (palette.color(QPalette::Window).lightness() > 128)
                QVERIFY(ink.lightness() < 64);
            else
                QVERIFY(ink.lightness() > 192);
        }
    }

    void disabledIsDimmedWithoutADisabledColour()
    {
        QPalette flat; // one text colour for every group
        flat.setColor(QPalette::All, QPalette::WindowText, QColor(0x20, 0x20, 0x20));
        QApplication::setPalette(flat);
        const QIcon icon = bundledIcon(IconId::Delete);
        const QImage normal = icon.pixmap(QSize(32, 32), 1.0, QIcon::Normal).toImage().convertToFormat(QImage::Format_ARGB32);
        const QImage disabled = icon.pixmap(QSize(32, 32), 1.0, QIcon::Disabled).toImage().convertToFormat(QImage::Format_ARGB32);
        int maxNormal = 0;
        int maxDisabled = 0;
        for (int y = 0; y < 32; ++y) {
            for (int x = 0; x < 32; ++x) {
                maxNormal = qMax(maxNormal, qAlpha(normal.pixel(x, y)));
                maxDisabled = qMax(maxDisabled, qAlpha(disabled.pixel(x, y)));
            }
        }
        QCOMPARE(maxNormal, 255);
        QVERIFY2(maxDisabled > 60 && maxDisabled < 140, qPrintable(QString::number(maxDisabled)));
    }

    // The desktop theme wins where it has the freedesktop name; the rest stay bundled.
    void themeIconsWin()
    {
        QTemporaryDir themes;
        QVERIFY(themes.isValid());
        QDir root(themes.path());
        QVERIFY(root.mkpath(QStringLiteral("kwtest/16x16/actions")));
        QFile index(root.filePath(QStringLiteral("kwtest/index.theme")));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write("[Icon Theme]\nName=kwtest\nDirectories=16x16/actions\n\n"
                    "[16x16/actions]\nSize=16\nType=Fixed\nContext=Actions\n");
        index.close();
        QImage red(16, 16, QImage::Format_ARGB32);
        red.fill(Qt::red);
        QVERIFY(red.save(root.filePath(QStringLiteral("kwtest/16x16/actions/edit-copy.png"))));

        const QStringList searchPaths = QIcon::themeSearchPaths();
        const QString theme = QIcon::themeName();
        const auto restore = qScopeGuard([&] {
            QIcon::setThemeSearchPaths(searchPaths);
            QIcon::setThemeName(theme);
        });
        QIcon::setThemeSearchPaths({themes.path()});
        QIcon::setThemeName(QStringLiteral("kwtest"));
        // (A theme icon resolves lazily against the current theme: check while it is set.)
        const QIcon copy = icon(IconId::Copy);
        QCOMPARE(copy.name(), QStringLiteral("edit-copy"));
        QCOMPARE(copy.pixmap(16).toImage().pixelColor(8, 8), QColor(Qt::red));
        QVERIFY(themeIconNames(IconId::Copy).contains(QStringLiteral("edit-copy")));
        const QIcon rotate = icon(IconId::Rotate);
        QVERIFY(themeIconNames(IconId::Rotate).isEmpty());
        QVERIFY(rotate.name().isEmpty()); // no freedesktop name: bundled
        QVERIFY(!rotate.isNull());
        const QIcon del = icon(IconId::Delete);
        QVERIFY(del.name().isEmpty()); // a name the theme does not have: bundled
        QVERIFY(!del.isNull());
    }

    void appIconBuildOutputs()
    {
        QVERIFY(!appIcon().isNull());
        QVERIFY(!appIcon().pixmap(QSize(48, 48), 1.0).isNull());
        const QStringList sizes = QStringLiteral(KEYWARD_ICON_SIZES).split(QLatin1Char(','));
        QCOMPARE(sizes.size(), 9);
        for (const QString &text : sizes) {
            const int size = text.toInt();
            const QString path = QStringLiteral("%1/%2x%2/apps/%3.png").arg(QStringLiteral(KEYWARD_ICON_PNG_DIR)).arg(size).arg(QLatin1String(AppId));
            const QImage image(path);
            QVERIFY2(!image.isNull(), qPrintable(path));
            QCOMPARE(image.size(), QSize(size, size));
            QVERIFY(image.hasAlphaChannel());
            QVERIFY(coveredPixels(image) > size * size * 2 / 5); // the shield fills most of it
            QCOMPARE(qAlpha(image.pixel(0, 0)), 0);          // with transparent corners
        }

        QFile ico(QStringLiteral(KEYWARD_ICON_ICO));
        QVERIFY(ico.open(QIODevice::ReadOnly));
        const QByteArray icoData = ico.readAll();
        QCOMPARE(qFromLittleEndian<quint16>(icoData.constData() + 2), quint16(1));
        const int entries = qFromLittleEndian<quint16>(icoData.constData() + 4);
        QCOMPARE(entries, 7);
        QList<int> icoSizes;
        for (int i = 0; i < entries; ++i) {
            const char *entry = icoData.constData() + 6 + 16 * i;
            const int side = quint8(entry[0]) == 0 ? 256 : quint8(entry[0]);
            const quint32 length = qFromLittleEndian<quint32>(entry + 8);
            const quint32 offset = qFromLittleEndian<quint32>(entry + 12);
            QVERIFY(offset + length <= quint32(icoData.size()));
            const QImage image = QImage::fromData(icoData.mid(offset, length), "PNG");
            QCOMPARE(image.size(), QSize(side, side));
            icoSizes.append(side);
        }
        QCOMPARE(icoSizes, (QList<int> {16, 24, 32, 48, 64, 128, 256}));

        QFile icns(QStringLiteral(KEYWARD_ICON_ICNS));
        QVERIFY(icns.open(QIODevice::ReadOnly));
        const QByteArray icnsData = icns.readAll();
        QCOMPARE(icnsData.left(4), QByteArray("icns"));
        QCOMPARE(qFromBigEndian<quint32>(icnsData.constData() + 4), quint32(icnsData.size()));
        QStringList types;
        QList<int> icnsSizes;
        for (qsizetype at = 8; at + 8 <= icnsData.size();) {
            const quint32 length = qFromBigEndian<quint32>(icnsData.constData() + at + 4);
            QVERIFY(length > 8 && at + length <= quint32(icnsData.size()));
            types.append(QString::fromLatin1(icnsData.mid(at, 4)));
            icnsSizes.append(QImage::fromData(icnsData.mid(at + 8, length - 8), "PNG").width());
            at += length;
        }
        QCOMPARE(types, (QStringList {QStringLiteral("ic07"), QStringLiteral("ic08"), QStringLiteral("ic09"), QStringLiteral("ic10")}));
        QCOMPARE(icnsSizes, (QList<int> {128, 256, 512, 1024}));
    }

    void sheetsRenderInBothPalettes()
    {
        // The pictures for a reviewer's eye (saved when KEYWARD_SCREENSHOT_DIR is set); always
        // rendered, and the two palettes must give two different sheets.
        const QString dir = qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR");
        const QImage light = iconSheet(lightPalette());
        const QImage dark = iconSheet(darkPalette());
        QVERIFY(!light.isNull() && !dark.isNull());
        QVERIFY(light != dark);
        QImage app(16 + 32 + 256 + 64, 2 * 276, QImage::Format_ARGB32_Premultiplied);
        app.fill(Qt::white);
        QPainter painter(&app);
        painter.fillRect(QRect(0, 276, app.width(), 276), QColor(0x2a, 0x2b, 0x2e));
        for (const int row : {0, 276}) {
            int x = 10;
            for (const int size : {16, 32, 256}) {
                const QString path = QStringLiteral("%1/%2x%2/apps/%3.png").arg(QStringLiteral(KEYWARD_ICON_PNG_DIR)).arg(size).arg(QLatin1String(AppId));
                painter.drawImage(x, row + 10, QImage(path));
                x += size + 16;
            }
        }
        painter.end();
        if (dir.isEmpty())
            return;
        QVERIFY(light.save(dir + QStringLiteral("/icons-light.png")));
        QVERIFY(dark.save(dir + QStringLiteral("/icons-dark.png")));
        QVERIFY(app.save(dir + QStringLiteral("/app-icon.png")));
    }

private:
    QPalette m_originalPalette;
};

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// keyward-iconrender: renders the app icon's SVG into the PNG sizes of the hicolor theme and
// packs the Windows .ico and macOS .icns the installers need. A build-time host tool: QtSvg and
// QImage only, no widgets and no display.
//
//   keyward-iconrender ICON.svg OUTDIR NAME SIZE…
//
// writes OUTDIR/hicolor/<n>x<n>/apps/NAME.png for each SIZE, OUTDIR/NAME.ico (PNG entries of
// 16 to 256 px) and OUTDIR/NAME.icns (PNG entries ic07 to ic10: 128, 256, 512 and 1024 px).
#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QtEndian>

#include <cstdio>
#include <map>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "keyward-iconrender: %s\n", qPrintable(message));
    return 1;
}

QImage render(QSvgRenderer &svg, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    svg.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    return image;
}

bool blank(const QImage &image)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) != 0)
                return false;
        }
    }
    return true;
}

QByteArray png(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

template<typename T>
void append(QByteArray &out, T value) // little or big endian already applied by the caller
{
    out.append(reinterpret_cast<const char *>(&value), sizeof value);
}

// ICONDIR, one ICONDIRENTRY per image, then the PNG streams (Windows Vista and later read PNG entries).
QByteArray ico(const std::map<int, QByteArray> &pngs)
{
    QByteArray out;
    append(out, qToLittleEndian<quint16>(0));
    append(out, qToLittleEndian<quint16>(1)); // an icon, not a cursor
    append(out, qToLittleEndian<quint16>(quint16(pngs.size())));
    quint32 offset = quint32(6 + 16 * pngs.size());
    for (const auto &[size, data] : pngs) {
        out.append(char(size >= 256 ? 0 : size)); // 0 stands for 256
        out.append(char(size >= 256 ? 0 : size));
        out.append(char(0)); // no palette
        out.append(char(0));
        append(out, qToLittleEndian<quint16>(1));  // colour planes
        append(out, qToLittleEndian<quint16>(32)); // bits per pixel
        append(out, qToLittleEndian<quint32>(quint32(data.size())));
        append(out, qToLittleEndian<quint32>(offset));
        offset += quint32(data.size());
    }
    for (const auto &entry : pngs)
        out.append(entry.second);
    return out;
}

// 'icns', the file length, then (type, length, PNG) per entry; lengths are big endian and count
// their own 8-byte header.
QByteArray icns(const std::map<QByteArray, QByteArray> &entries)
{
    QByteArray body;
    for (const auto &[type, data] : entries) {
        body.append(type);
        append(body, qToBigEndian<quint32>(quint32(8 + data.size())));
        body.append(data);
    }
    QByteArray out("icns");
    append(out, qToBigEndian<quint32>(quint32(8 + body.size())));
    return out + body;
}

bool write(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(data);
    return file.commit();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() < 4)
        return fail(QStringLiteral("usage: keyward-iconrender ICON.svg OUTDIR NAME SIZE…"));
    QSvgRenderer svg(args.at(0));
    if (!svg.isValid())
        return fail(QStringLiteral("%1 is not an SVG QtSvg can render").arg(args.at(0)));
    const QDir out(args.at(1));
    const QString name = args.at(2);

    std::map<int, QImage> images;
    for (const QString &arg : args.mid(3)) {
        bool ok = false;
        const int size = arg.toInt(&ok);
        if (!ok || size < 8 || size > 1024)
            return fail(QStringLiteral("bad size '%1'").arg(arg));
        images[size] = render(svg, size);
    }
    for (const int size : {16, 24, 32, 48, 64, 128, 256, 512, 1024}) {
        if (!images.count(size))
            images[size] = render(svg, size); // the .ico and .icns need these whether installed or not
    }
    for (const auto &[size, image] : images) {
        if (blank(image))
            return fail(QStringLiteral("the %1 px rendering is empty").arg(size));
    }

    for (const QString &arg : args.mid(3)) {
        const int size = arg.toInt();
        const QString dir = QStringLiteral("hicolor/%1x%1/apps").arg(size);
        if (!out.mkpath(dir))
            return fail(QStringLiteral("cannot create %1").arg(out.filePath(dir)));
        const QString path = out.filePath(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
        if (!write(path, png(images[size])))
            return fail(QStringLiteral("cannot write %1").arg(path));
    }

    std::map<int, QByteArray> icoEntries;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icoEntries[size] = png(images[size]);
    const QString icoPath = out.filePath(name + QStringLiteral(".ico"));
    if (!write(icoPath, ico(icoEntries)))
        return fail(QStringLiteral("cannot write %1").arg(icoPath));

    const std::map<QByteArray, QByteArray> icnsEntries {{"ic07", png(images[128])},
                                                        {"ic08", png(images[256])},
                                                        {"ic09", png(images[512])},
                                                        {"ic10", png(images[1024])}};
    const QString icnsPath = out.filePath(name + QStringLiteral(".icns"));
    if (!write(icnsPath, icns(icnsEntries)))
        return fail(QStringLiteral("cannot write %1").arg(icnsPath));
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "Icons.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

#include <memory>

namespace keyward {

namespace {

struct IconInfo
{
    const char *file;        // under :/icons/actions/
    const char *themeNames;  // freedesktop names, ';'-separated, or empty
};

// In IconId's order.
constexpr IconInfo Icons[IconCount] = {
    {"new-key", "list-add"},
    {"edit", "document-edit"},
    {"rotate", ""},
    {"revoke", ""},
    {"delete", "edit-delete"},
    {"refresh", "view-refresh"},
    {"copy", "edit-copy"},
    {"audit-log", ""},
    {"export", "document-export"},
    {"verify", "security-high"},
    {"filter", "edit-find;system-search"},
    {"keys", ""},
    {"overview", ""},
    {"sign-in", ""},
    {"sign-out", ""},
    {"profiles", ""},
    {"help", "help-contents"},
    {"about", "help-about"},
    {"show-secret", ""},
    {"hide-secret", ""},
    {"publishable-key", ""},
};

const IconInfo &info(IconId id)
{
    const int index = int(id);
    Q_ASSERT(index >= 0 && index < IconCount);
    return Icons[index];
}

// The palette colour a monochrome icon takes in each mode; an invalid colour keeps the SVG's own.
QColor tintFor(QIcon::Mode mode)
{
    const QPalette palette = QGuiApplication::palette();
    const QColor text = palette.color(QPalette::Active, QPalette::WindowText);
    switch (mode) {
    case QIcon::Disabled: {
        QColor dim = palette.color(QPalette::Disabled, QPalette::WindowText);
        if (dim == text) // a palette without its own disabled colours
            dim.setAlphaF(0.4f);
        return dim;
    }
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    return text;
}

// Draws an SVG at exactly the device pixels asked for, so it stays sharp at 100 %, 150 % or 200 %,
// either in its own colours (the app icon) or filled with the palette's colour for the mode
// (the monochrome action icons: their shapes give the alpha, the palette the colour).
class SvgIconEngine : public QIconEngine
{
public:
    SvgIconEngine(const QString &file, bool tinted)
        : m_file(file), m_tinted(tinted), m_renderer(std::make_shared<QSvgRenderer>(file))
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        const int side = qMin(rect.width(), rect.height());
        QPixmap drawn = pixmap(QSize(side, side) * scale, mode, state);
        drawn.setDevicePixelRatio(scale);
        painter->drawPixmap(QRect(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side, side),
                            drawn);
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override
    {
        const int side = qMin(size.width(), size.height());
        return QSize(side, side);
    }

    // `size` is in device pixels: QIcon::pixmap() multiplies by the device pixel ratio before it
    // asks (the default scaledPixmap() comes here with that size too).
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override
    {
        const int side = qMin(size.width(), size.height());
        if (side <= 0 || isNull())
            return QPixmap();
        const QColor tint = m_tinted ? tintFor(mode) : QColor();
        const bool faded = !m_tinted && mode == QIcon::Disabled;
        const QString cacheKey = QStringLiteral("keyward-icon:%1:%2:%3:%4")
                                     .arg(m_file)
                                     .arg(side)
                                     .arg(tint.isValid() ? tint.rgba() : 0u, 8, 16, QLatin1Char('0'))
                                     .arg(faded ? 1 : 0);
        QPixmap rendered;
        if (QPixmapCache::find(cacheKey, &rendered))
            return rendered;
        QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        if (faded)
            painter.setOpacity(0.45); // the app icon in its own colours, faded
        m_renderer->render(&painter, QRectF(0, 0, side, side));
        if (tint.isValid()) {
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(image.rect(), tint);
        }
        painter.end();
        rendered = QPixmap::fromImage(std::move(image));
        QPixmapCache::insert(cacheKey, rendered);
        return rendered;
    }

    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        // Scalable; these are the sizes platforms ask a window icon for.
        return {QSize(16, 16), QSize(24, 24), QSize(32, 32), QSize(48, 48), QSize(64, 64), QSize(128, 128),
                QSize(256, 256)};
    }

    QString key() const override { return QStringLiteral("KeywardSvgIconEngine"); }
    QIconEngine *clone() const override { return new SvgIconEngine(*this); }
    bool isNull() override { return !m_renderer->isValid(); }

private:
    SvgIconEngine(const SvgIconEngine &other)
        : QIconEngine(other), m_file(other.m_file), m_tinted(other.m_tinted), m_renderer(other.m_renderer)
    {
    }

    QString m_file;
    bool m_tinted;
    std::shared_ptr<QSvgRenderer> m_renderer; // parsed once, shared by the icon's copies
};

} // namespace

QString iconResource(IconId id)
{
    return QStringLiteral(":/icons/actions/%1.svg").arg(QLatin1String(info(id).file));
}

QStringList themeIconNames(IconId id)
{
    return QString::fromLatin1(info(id).themeNames).split(QLatin1Char(';'), Qt::SkipEmptyParts);
}

QIcon bundledIcon(IconId id)
{
    return QIcon(new SvgIconEngine(iconResource(id), true));
}

QIcon icon(IconId id)
{
    for (const QString &name : themeIconNames(id)) {
        if (QIcon::hasThemeIcon(name))
            return QIcon::fromTheme(name);
    }
    return bundledIcon(id);
}

QIcon appIcon()
{
    const QString name = QString::fromLatin1(AppId);
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    return QIcon(new SvgIconEngine(QStringLiteral(":/icons/app/keyward.svg"), false));
}

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#include "Totp.h"

#include "ServerSecrets.h"

#include <QUrl>

#include <liboath/oath.h>
#include <qrencode.h>

#include <cstdlib>
#include <memory>

namespace keyward::server {

namespace {
void initOath()
{
    static const bool ready = oath_init() == OATH_OK;
    Q_UNUSED(ready);
}

std::unique_ptr<QRcode, void (*)(QRcode *)> encode(const QString &text)
{
    return {QRcode_encodeString(text.toUtf8().constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free};
}
} // namespace

QByteArray Totp::newSecret()
{
    return ServerSecrets::randomBytes(20);
}

QString Totp::base32(const QByteArray &secret)
{
    initOath();
    char *out = nullptr;
    size_t len = 0;
    if (oath_base32_encode(secret.constData(), size_t(secret.size()), &out, &len) != OATH_OK)
        return {};
    QString s = QString::fromLatin1(out, qsizetype(len));
    std::free(out);
    while (s.endsWith(QLatin1Char('=')))
        s.chop(1);
    return s;
}

QString Totp::otpauthUri(const QString &issuer, const QString &account, const QByteArray &secret)
{
    const QString label = QString::fromLatin1(QUrl::toPercentEncoding(issuer + QLatin1Char(':') + account, "@"));
    return QStringLiteral("otpauth://totp/%1?secret=%2&issuer=%3&algorithm=SHA1&digits=%4&period=%5")
        .arg(label, base32(secret), QString::fromLatin1(QUrl::toPercentEncoding(issuer)), QString::number(Digits),
             QString::number(StepSeconds));
}

std::optional<qint64> Totp::verify(const QByteArray &secret, const QString &code, qint64 nowSeconds, qint64 lastStep)
{
    initOath();
    const QString trimmed = code.trimmed().remove(QLatin1Char(' '));
    if (trimmed.size() != Digits || secret.isEmpty())
        return std::nullopt;
    for (QChar c : trimmed) {
        if (!c.isDigit())
            return std::nullopt;
    }
    int offset = 0;
    const int rc = oath_totp_validate2(secret.constData(), size_t(secret.size()), time_t(nowSeconds), StepSeconds, 0, 1,
                                       &offset, trimmed.toLatin1().constData());
    if (rc < 0)
        return std::nullopt;
    const qint64 step = nowSeconds / StepSeconds + offset;
    if (step <= lastStep)
        return std::nullopt; // each code once
    return step;
}

QString Totp::codeAt(const QByteArray &secret, qint64 nowSeconds)
{
    initOath();
    char otp[Digits + 1] = {};
    if (oath_totp_generate2(secret.constData(), size_t(secret.size()), time_t(nowSeconds), StepSeconds, 0, Digits, 0, otp)
        != OATH_OK)
        return {};
    return QString::fromLatin1(otp);
}

QString Totp::qrTerminal(const QString &text)
{
    const auto qr = encode(text);
    if (!qr)
        return {};
    const int w = qr->width;
    const int quiet = 2;
    auto dark = [&](int x, int y) {
        return x >= 0 && y >= 0 && x < w && y < w && (qr->data[y * w + x] & 1);
    };
    // Light modules are printed as blocks so the code reads right on a dark terminal.
    QString out;
    for (int y = -quiet; y < w + quiet; y += 2) {
        for (int x = -quiet; x < w + quiet; ++x) {
            const bool top = !dark(x, y);
            const bool bottom = !dark(x, y + 1);
            out += top && bottom ? QChar(0x2588) : top ? QChar(0x2580) : bottom ? QChar(0x2584) : QLatin1Char(' ');
        }
        out += QLatin1Char('\n');
    }
    return out;
}

QString Totp::qrSvg(const QString &text)
{
    const auto qr = encode(text);
    if (!qr)
        return {};
    const int w = qr->width;
    const int size = w + 8;
    QString path;
    for (int y = 0; y < w; ++y) {
        for (int x = 0; x < w; ++x) {
            if (qr->data[y * w + x] & 1)
                path += QStringLiteral("M%1 %2h1v1h-1z").arg(x + 4).arg(y + 4);
        }
    }
    return QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %1 %1\" width=\"220\" height=\"220\" "
                          "role=\"img\" aria-label=\"QR code for your authenticator app\" shape-rendering=\"crispEdges\">"
                          "<rect width=\"%1\" height=\"%1\" fill=\"#fff\"/><path d=\"%2\" fill=\"#000\"/></svg>")
        .arg(size)
        .arg(path);
}

} // namespace keyward::server

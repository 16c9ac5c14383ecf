// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace keyward::server {

// RFC 6238 time-based one-time passwords through liboath: SHA-1, 6 digits, 30-second steps,
// one step of clock drift either way. A code is accepted once: the caller stores the returned
// step and passes it back as lastStep.
class Totp
{
public:
    static constexpr int Digits = 6;
    static constexpr int StepSeconds = 30;

    static QByteArray newSecret(); // 20 random bytes
    static QString base32(const QByteArray &secret);
    static QString otpauthUri(const QString &issuer, const QString &account, const QByteArray &secret);
    // The accepted time step, or nullopt for a wrong, stale or reused code.
    static std::optional<qint64> verify(const QByteArray &secret, const QString &code, qint64 nowSeconds,
                                        qint64 lastStep);
    static QString codeAt(const QByteArray &secret, qint64 nowSeconds); // for tests and enrolment checks

    // The otpauth URI as a QR code: half-block text for a terminal, or an SVG for a page.
    static QString qrTerminal(const QString &text);
    static QString qrSvg(const QString &text);
};

} // namespace keyward::server

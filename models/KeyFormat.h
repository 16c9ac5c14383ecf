// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace keyward {

// The shape of a secret key: <prefix><43 base62 chars of entropy><6 base62 chars of checksum>.
// The checksum (CRC-32 of prefix and body, base62) lets both the server and the app reject a
// mistyped or truncated key without a database lookup. Generation lives in the server (it needs
// a CSPRNG); everything here is pure and shared.
class KeyFormat
{
public:
    enum class Flavor { Odus, Odin };

    static constexpr int BodyLength = 43;     // ceil(256 / log2(62))
    static constexpr int ChecksumLength = 6;  // 62^6 > 2^32
    static constexpr int DisplaySuffixLength = 4;

    static QString secretPrefix(Flavor flavor);
    static QString flavorName(Flavor flavor);
    static bool flavorFromName(const QString &name, Flavor *flavor);

    // Base62 of 32 random bytes, left-padded to BodyLength.
    static QString encodeBody(const QByteArray &randomBytes);
    static QString checksum(QStringView prefixAndBody);
    static QString assemble(const QString &prefix, const QByteArray &randomBytes);

    // True when the key carries a known secret prefix, the right length and alphabet, and a
    // checksum that matches. Cheap: no I/O, no allocation beyond the checksum string.
    static bool isWellFormedSecret(QStringView key);
    static QString prefixOf(QStringView key);

    // "skey_••••••••3f9a"
    static QString mask(const QString &prefix, const QString &lastFour);

    static QString base62(QByteArray bigEndianNumber, int minLength);
    static quint32 crc32(QByteArrayView data);
};

} // namespace keyward

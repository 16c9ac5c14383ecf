// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyFormat.h"

#include <array>

namespace keyward {

namespace {
constexpr char Alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const QString OdusPrefix = QStringLiteral("skey_");
const QString OdinPrefix = QStringLiteral("odin_sk_");

bool isBase62(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z');
}

std::array<quint32, 256> makeCrcTable()
{
    std::array<quint32, 256> table {};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    return table;
}
} // namespace

QString KeyFormat::secretPrefix(Flavor flavor)
{
    return flavor == Flavor::Odin ? OdinPrefix : OdusPrefix;
}

QString KeyFormat::flavorName(Flavor flavor)
{
    return flavor == Flavor::Odin ? QStringLiteral("odin") : QStringLiteral("odus");
}

bool KeyFormat::flavorFromName(const QString &name, Flavor *flavor)
{
    if (name == QLatin1String("odus")) {
        *flavor = Flavor::Odus;
        return true;
    }
    if (name == QLatin1String("odin")) {
        *flavor = Flavor::Odin;
        return true;
    }
    return false;
}

quint32 KeyFormat::crc32(QByteArrayView data)
{
    static const auto table = makeCrcTable();
    quint32 c = 0xFFFFFFFFu;
    for (char ch : data)
        c = table[(c ^ static_cast<quint8>(ch)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

QString KeyFormat::base62(QByteArray number, int minLength)
{
    // Repeated division of a big-endian byte string by 62.
    QString out;
    auto *digits = reinterpret_cast<quint8 *>(number.data());
    qsizetype start = 0;
    while (start < number.size()) {
        quint32 remainder = 0;
        for (qsizetype i = start; i < number.size(); ++i) {
            const quint32 acc = (remainder << 8) | digits[i];
            digits[i] = static_cast<quint8>(acc / 62);
            remainder = acc % 62;
        }
        out.prepend(QLatin1Char(Alphabet[remainder]));
        while (start < number.size() && digits[start] == 0)
            ++start;
    }
    while (out.size() < minLength)
        out.prepend(QLatin1Char('0'));
    return out;
}

QString KeyFormat::encodeBody(const QByteArray &randomBytes)
{
    return base62(randomBytes, BodyLength);
}

QString KeyFormat::checksum(QStringView prefixAndBody)
{
    const quint32 crc = crc32(prefixAndBody.toLatin1());
    QByteArray be(4, Qt::Uninitialized);
    be[0] = char(crc >> 24);
    be[1] = char(crc >> 16);
    be[2] = char(crc >> 8);
    be[3] = char(crc);
    return base62(be, ChecksumLength);
}

QString KeyFormat::assemble(const QString &prefix, const QByteArray &randomBytes)
{
    const QString head = prefix + encodeBody(randomBytes);
    return head + checksum(head);
}

QString KeyFormat::prefixOf(QStringView key)
{
    if (key.startsWith(OdinPrefix))
        return OdinPrefix;
    if (key.startsWith(OdusPrefix))
        return OdusPrefix;
    return {};
}

bool KeyFormat::isWellFormedSecret(QStringView key)
{
    const QString prefix = prefixOf(key);
    if (prefix.isEmpty() || key.size() != prefix.size() + BodyLength + ChecksumLength)
        return false;
    for (qsizetype i = prefix.size(); i < key.size(); ++i) {
        if (!isBase62(key[i]))
            return false;
    }
    const QStringView head = key.first(key.size() - ChecksumLength);
    return checksum(head) == key.last(ChecksumLength);
}

QString KeyFormat::mask(const QString &prefix, const QString &lastFour)
{
    return prefix + QString(8, QChar(0x2022)) + lastFour;
}

} // namespace keyward

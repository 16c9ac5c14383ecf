// SPDX-License-Identifier: GPL-3.0-or-later
#include "CanonicalJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace keyward {

QByteArray CanonicalJson::serialize(const QJsonValue &value)
{
    QByteArray out;
    out.reserve(256);
    write(out, value);
    return out;
}

void CanonicalJson::write(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        out += formatNumber(value.toDouble());
        break;
    case QJsonValue::String:
        writeString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i)
                out += ',';
            write(out, array.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QStringList keys = object.keys();
        // QString's operator< compares UTF-16 code units, which is what RFC 8785 asks for.
        std::sort(keys.begin(), keys.end());
        out += '{';
        bool first = true;
        for (const QString &key : std::as_const(keys)) {
            if (!first)
                out += ',';
            first = false;
            writeString(out, key);
            out += ':';
            write(out, object.value(key));
        }
        out += '}';
        break;
    }
    }
}

void CanonicalJson::writeString(QByteArray &out, const QString &text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

QByteArray CanonicalJson::formatNumber(double value)
{
    // ECMAScript Number::toString, as RFC 8785 section 3.2.2.3 requires.
    if (!std::isfinite(value))
        return "null"; // JSON cannot carry NaN or Infinity; RFC 8785 forbids them.
    if (value == 0)
        return "0";
    QByteArray out;
    if (value < 0) {
        out += '-';
        value = -value;
    }
    // Shortest round-trip digits and exponent from std::to_chars in scientific form.
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    const std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));
    const auto ePos = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, ePos)) {
        if (c != '.')
            digits += c;
    }
    const int exp10 = std::stoi(std::string(sci.substr(ePos + 1)));
    const int k = static_cast<int>(digits.size());
    const int n = exp10 + 1; // position of the decimal point relative to the digits
    if (k <= n && n <= 21) {
        out += QByteArray::fromStdString(digits);
        out += QByteArray(n - k, '0');
    } else if (0 < n && n <= 21) {
        out += QByteArray::fromStdString(digits.substr(0, static_cast<size_t>(n)));
        out += '.';
        out += QByteArray::fromStdString(digits.substr(static_cast<size_t>(n)));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out += QByteArray(-n, '0');
        out += QByteArray::fromStdString(digits);
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out += QByteArray::fromStdString(digits.substr(1));
        }
        out += 'e';
        out += (n - 1) >= 0 ? '+' : '-';
        out += QByteArray::number(std::abs(n - 1));
    }
    return out;
}

} // namespace keyward

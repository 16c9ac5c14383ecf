// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonValue>

namespace keyward {

// JSON Canonicalization Scheme (RFC 8785): object members sorted by their UTF-16 code units,
// no insignificant whitespace, minimal string escaping, numbers in ECMAScript's shortest form.
// The audit chain hashes these bytes, so the server and the app must agree on them exactly.
class CanonicalJson
{
public:
    static QByteArray serialize(const QJsonValue &value);
    static QByteArray formatNumber(double value);

private:
    static void write(QByteArray &out, const QJsonValue &value);
    static void writeString(QByteArray &out, const QString &text);
};

} // namespace keyward

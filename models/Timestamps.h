// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

namespace keyward {

// RFC 3339 UTC timestamps as the API speaks them: "2025-01-15T10:30:00.123Z".
QString toRfc3339(const QDateTime &dt);
QString toRfc3339Ms(qint64 msecsSinceEpoch);
// Accepts RFC 3339 with "Z" or a numeric offset, with or without fractional seconds.
std::optional<QDateTime> parseRfc3339(const QString &text);

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Permission.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

#include <optional>

namespace keyward::server {

// Validates a request's JSON object field by field and collects per-field messages for a
// VALIDATION_FAILED answer. Unknown fields are errors: a typo must not be silently ignored.
class JsonInput
{
public:
    enum class ParseResult { Ok, Empty, Malformed, NotAnObject };

    ParseResult parse(const QByteArray &body);
    QString parseErrorMessage() const { return m_parseError; }

    void allowOnly(const QSet<QString> &fields);
    bool has(const QString &field) const { return m_object.contains(field); }
    bool isNull(const QString &field) const { return m_object.value(field).isNull(); }

    std::optional<QString> note(const QString &field, bool required);
    std::optional<PermissionSet> permissions(const QString &field, bool required);
    // A future RFC 3339 time in ms since the epoch; 0 when null is allowed and given.
    std::optional<qint64> futureTime(const QString &field, qint64 nowMs, bool allowNull);
    std::optional<qint64> integer(const QString &field, qint64 min, qint64 max, bool required);
    std::optional<QString> string(const QString &field, int maxLength, bool required);

    void fail(const QString &field, const QString &message);
    bool ok() const { return m_errors.isEmpty(); }
    QJsonObject errors() const { return m_errors; }
    const QJsonObject &object() const { return m_object; }

private:
    QJsonObject m_object;
    QJsonObject m_errors;
    QString m_parseError;
};

} // namespace keyward::server

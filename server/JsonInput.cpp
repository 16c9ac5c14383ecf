// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonInput.h"

#include "PermissionCatalog.h"
#include "Timestamps.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace keyward::server {

JsonInput::ParseResult JsonInput::parse(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return ParseResult::Empty;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        m_parseError = QStringLiteral("The request body is not valid JSON: %1 at byte %2.")
                           .arg(error.errorString())
                           .arg(error.offset);
        return ParseResult::Malformed;
    }
    if (!doc.isObject())
        return ParseResult::NotAnObject;
    m_object = doc.object();
    return ParseResult::Ok;
}

void JsonInput::allowOnly(const QSet<QString> &fields)
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!fields.contains(it.key()))
            fail(it.key(), QStringLiteral("Unknown field."));
    }
}

void JsonInput::fail(const QString &field, const QString &message)
{
    if (!m_errors.contains(field))
        m_errors.insert(field, message);
}

std::optional<QString> JsonInput::note(const QString &field, bool required)
{
    if (!m_object.contains(field)) {
        if (required)
            fail(field, QStringLiteral("Required: a short note that says what the key is for."));
        return std::nullopt;
    }
    const QJsonValue v = m_object.value(field);
    if (!v.isString()) {
        fail(field, QStringLiteral("Must be a string."));
        return std::nullopt;
    }
    const QString text = v.toString().trimmed();
    if (text.isEmpty()) {
        fail(field, QStringLiteral("Must not be empty."));
        return std::nullopt;
    }
    if (text.size() > 200) {
        fail(field, QStringLiteral("Must be at most 200 characters (it has %1).").arg(text.size()));
        return std::nullopt;
    }
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control) {
            fail(field, QStringLiteral("Must not contain control characters such as line breaks."));
            return std::nullopt;
        }
    }
    return text;
}

std::optional<PermissionSet> JsonInput::permissions(const QString &field, bool required)
{
    if (!m_object.contains(field)) {
        if (required)
            fail(field, QStringLiteral("Required: the permissions the key needs, such as [\"payments:read\"]."));
        return std::nullopt;
    }
    const QJsonValue v = m_object.value(field);
    if (!v.isArray()) {
        fail(field, QStringLiteral("Must be an array of strings such as \"payments:read\"."));
        return std::nullopt;
    }
    const QJsonArray array = v.toArray();
    if (array.isEmpty()) {
        fail(field, QStringLiteral("Must name at least one permission."));
        return std::nullopt;
    }
    if (array.size() > 64) {
        fail(field, QStringLiteral("Must name at most 64 permissions."));
        return std::nullopt;
    }
    QList<Permission> list;
    for (const QJsonValue &item : array) {
        if (!item.isString()) {
            fail(field, QStringLiteral("Every permission must be a string."));
            return std::nullopt;
        }
        const auto p = Permission::parse(item.toString());
        if (!p) {
            fail(field, QStringLiteral("\"%1\" is not of the form resource:read or resource:write.")
                            .arg(item.toString().left(80)));
            return std::nullopt;
        }
        if (!PermissionCatalog::contains(*p)) {
            fail(field, QStringLiteral("\"%1\" is not a known resource; see GET /permissions.").arg(p->resource));
            return std::nullopt;
        }
        list.append(*p);
    }
    return PermissionSet(list);
}

std::optional<qint64> JsonInput::futureTime(const QString &field, qint64 nowMs, bool allowNull)
{
    if (!m_object.contains(field))
        return std::nullopt;
    const QJsonValue v = m_object.value(field);
    if (v.isNull()) {
        if (allowNull)
            return 0;
        fail(field, QStringLiteral("Must be a time, not null."));
        return std::nullopt;
    }
    if (!v.isString()) {
        fail(field, QStringLiteral("Must be an RFC 3339 time such as \"2030-01-31T12:00:00Z\"."));
        return std::nullopt;
    }
    const auto t = parseRfc3339(v.toString());
    if (!t) {
        fail(field, QStringLiteral("Must be an RFC 3339 time such as \"2030-01-31T12:00:00Z\"."));
        return std::nullopt;
    }
    const qint64 ms = t->toMSecsSinceEpoch();
    if (ms <= nowMs) {
        fail(field, QStringLiteral("Must be in the future."));
        return std::nullopt;
    }
    return ms;
}

std::optional<qint64> JsonInput::integer(const QString &field, qint64 min, qint64 max, bool required)
{
    if (!m_object.contains(field)) {
        if (required)
            fail(field, QStringLiteral("Required."));
        return std::nullopt;
    }
    const QJsonValue v = m_object.value(field);
    const double d = v.toDouble();
    if (!v.isDouble()) {
        fail(field, QStringLiteral("Must be a whole number."));
        return std::nullopt;
    }
    if (!(d >= double(min) && d <= double(max))) {
        fail(field, QStringLiteral("Must be between %1 and %2.").arg(min).arg(max));
        return std::nullopt;
    }
    if (d != double(qint64(d))) {
        fail(field, QStringLiteral("Must be a whole number."));
        return std::nullopt;
    }
    return qint64(d);
}

std::optional<QString> JsonInput::string(const QString &field, int maxLength, bool required)
{
    if (!m_object.contains(field)) {
        if (required)
            fail(field, QStringLiteral("Required."));
        return std::nullopt;
    }
    const QJsonValue v = m_object.value(field);
    if (!v.isString()) {
        fail(field, QStringLiteral("Must be a string."));
        return std::nullopt;
    }
    const QString s = v.toString();
    if (s.size() > maxLength) {
        fail(field, QStringLiteral("Must be at most %1 characters.").arg(maxLength));
        return std::nullopt;
    }
    if (s.contains(QChar(0))) {
        // Never meant, and PostgreSQL refuses it in text.
        fail(field, QStringLiteral("Must not contain the NUL character (\\u0000)."));
        return std::nullopt;
    }
    return s;
}

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ApiError.h"

namespace keyward {

namespace {
struct CodeInfo
{
    ApiError::Code code;
    const char *name;
    int status;
};
constexpr CodeInfo Codes[] = {
    {ApiError::Code::BadRequest, "BAD_REQUEST", 400},
    {ApiError::Code::ValidationFailed, "VALIDATION_FAILED", 400},
    {ApiError::Code::Unauthorized, "UNAUTHORIZED", 401},
    {ApiError::Code::Forbidden, "FORBIDDEN", 403},
    {ApiError::Code::NotFound, "NOT_FOUND", 404},
    {ApiError::Code::MethodNotAllowed, "METHOD_NOT_ALLOWED", 405},
    {ApiError::Code::Conflict, "CONFLICT", 409},
    {ApiError::Code::PayloadTooLarge, "PAYLOAD_TOO_LARGE", 413},
    {ApiError::Code::RateLimited, "RATE_LIMITED", 429},
    {ApiError::Code::Unavailable, "UNAVAILABLE", 503},
    {ApiError::Code::Internal, "INTERNAL", 500},
};
} // namespace

QString ApiError::codeName(Code code)
{
    for (const auto &c : Codes) {
        if (c.code == code)
            return QLatin1String(c.name);
    }
    return QStringLiteral("INTERNAL");
}

ApiError::Code ApiError::codeFromName(const QString &name)
{
    for (const auto &c : Codes) {
        if (name == QLatin1String(c.name))
            return c.code;
    }
    return Code::Internal;
}

int ApiError::httpStatus(Code code)
{
    for (const auto &c : Codes) {
        if (c.code == code)
            return c.status;
    }
    return 500;
}

QJsonObject ApiError::toJson() const
{
    QJsonObject error {{QStringLiteral("code"), codeName(code)}, {QStringLiteral("message"), message}};
    if (!details.isEmpty())
        error.insert(QStringLiteral("details"), details);
    return {{QStringLiteral("error"), error},
            {QStringLiteral("timestamp"), timestamp},
            {QStringLiteral("requestId"), requestId}};
}

ApiError ApiError::fromJson(const QJsonObject &json)
{
    const QJsonObject error = json.value(QStringLiteral("error")).toObject();
    ApiError e;
    e.code = codeFromName(error.value(QStringLiteral("code")).toString());
    e.message = error.value(QStringLiteral("message")).toString();
    e.details = error.value(QStringLiteral("details")).toObject();
    e.requestId = json.value(QStringLiteral("requestId")).toString();
    e.timestamp = json.value(QStringLiteral("timestamp")).toString();
    return e;
}

} // namespace keyward

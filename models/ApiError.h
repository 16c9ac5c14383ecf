// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace keyward {

// The error body both services share (Odin Scan's shape):
// {"error": {"code", "message", "details"?}, "timestamp", "requestId"}
struct ApiError
{
    enum class Code {
        BadRequest,
        ValidationFailed,
        Unauthorized,
        Forbidden,
        NotFound,
        MethodNotAllowed,
        Conflict,
        PayloadTooLarge,
        RateLimited,
        Unavailable,
        Internal,
    };

    Code code = Code::Internal;
    QString message;
    QJsonObject details; // per-field messages for ValidationFailed
    QString requestId;
    QString timestamp;

    static QString codeName(Code code);
    static Code codeFromName(const QString &name);
    static int httpStatus(Code code);

    QJsonObject toJson() const;
    static ApiError fromJson(const QJsonObject &json);
};

} // namespace keyward

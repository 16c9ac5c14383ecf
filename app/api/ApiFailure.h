// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QNetworkReply>
#include <QString>
#include <QUrl>

namespace keyward {

// Why a call to the server did not produce a value, ready to show: a sentence a user understands
// and, when the server answered, the request id to quote to support.
struct ApiFailure
{
    Q_DECLARE_TR_FUNCTIONS(ApiFailure)

public:
    enum class Kind {
        Server,    // the server answered with its JSON error body
        Http,      // an HTTP error status without a readable error body
        Network,   // no answer: refused, dropped, unknown host, proxy
        Timeout,   // no complete answer within the transfer timeout
        Tls,       // the secure connection could not be established or trusted
        Parse,     // an answer arrived but was not what the API promises
        Cancelled, // the asker went away or cancelled
        Keychain,  // the OS keychain refused or is missing
        Auth,      // the sign-in itself failed (OAuth error, state mismatch, refused grant)
    };

    Kind kind = Kind::Network;
    ApiError::Code code = ApiError::Code::Internal; // the server's code when kind == Server
    int httpStatus = 0;
    QString message; // one or two sentences, translated, ending with a full stop
    QString requestId;
    QJsonObject details;        // per-field messages for VALIDATION_FAILED
    int retryAfterSeconds = -1; // from Retry-After on 429/503

    // message, then "(request id: …)" when there is one: what dialogs and logs show.
    QString text() const;
    bool isAuthentication() const { return httpStatus == 401; }

    // The one place answers become failures, in this order: server error body (code, message,
    // requestId) → HTTP status → network or TLS error → unparsable body. Returns a failure with
    // kind Parse when body is expected to be JSON and is not; callers with a good answer never
    // get here.
    static ApiFailure fromReply(QNetworkReply::NetworkError error, const QString &errorString, int httpStatus,
                                const QByteArray &body, const QByteArray &retryAfter, const QByteArray &requestIdHeader,
                                const QUrl &url, bool timedOut);
    static ApiFailure unparsable(int httpStatus, const QString &requestId, const QString &what);
    static ApiFailure cancelled();
    static ApiFailure auth(const QString &message);
};

} // namespace keyward

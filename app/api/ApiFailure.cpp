// SPDX-License-Identifier: GPL-3.0-or-later
#include "ApiFailure.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace keyward {

namespace {

QString withStop(QString s)
{
    s = s.trimmed();
    if (!s.isEmpty() && !s.endsWith(QLatin1Char('.')) && !s.endsWith(QLatin1Char('!')) && !s.endsWith(QLatin1Char('?')))
        s.append(QLatin1Char('.'));
    return s;
}

int parseRetryAfter(const QByteArray &value)
{
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    return ok && seconds >= 0 ? seconds : -1;
}

} // namespace

QString ApiFailure::text() const
{
    if (requestId.isEmpty())
        return message;
    return tr("%1 (request id: %2)").arg(message, requestId);
}

ApiFailure ApiFailure::fromReply(QNetworkReply::NetworkError error, const QString &errorString, int httpStatus,
                                 const QByteArray &body, const QByteArray &retryAfter, const QByteArray &requestIdHeader,
                                 const QUrl &url, bool timedOut)
{
    ApiFailure f;
    f.httpStatus = httpStatus;
    f.requestId = QString::fromLatin1(requestIdHeader);
    f.retryAfterSeconds = parseRetryAfter(retryAfter);
    const QString host = url.host();

    // 1. The server's own error body says best what went wrong.
    if (httpStatus >= 400) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        const QJsonObject errorBody = doc.object().value(QStringLiteral("error")).toObject();
        if (parseError.error == QJsonParseError::NoError && !errorBody.value(QStringLiteral("message")).toString().isEmpty()) {
            const ApiError e = ApiError::fromJson(doc.object());
            f.kind = Kind::Server;
            f.code = e.code;
            f.details = e.details;
            if (!e.requestId.isEmpty())
                f.requestId = e.requestId;
            QString sentence = withStop(e.message);
            switch (httpStatus) {
            case 401:
                f.message = tr("The server did not accept your sign-in: %1 Sign in again.").arg(sentence);
                break;
            case 403:
                f.message = tr("You are not allowed to do this: %1").arg(sentence);
                break;
            case 429:
                f.message = f.retryAfterSeconds >= 0
                    ? tr("The server is rate limiting requests: %1 It accepts more in %n second(s).", nullptr,
                         f.retryAfterSeconds).arg(sentence)
                    : tr("The server is rate limiting requests: %1").arg(sentence);
                break;
            default:
                f.message = sentence;
            }
            if (!f.details.isEmpty()) {
                QStringList fields;
                for (auto it = f.details.constBegin(); it != f.details.constEnd(); ++it)
                    fields.append(tr("%1: %2").arg(it.key(), withStop(it.value().toString())));
                f.message += QLatin1Char(' ') + fields.join(QLatin1Char(' '));
            }
            return f;
        }
    }

    // 2. An HTTP status without a usable body (a proxy, a load balancer, another server).
    if (httpStatus >= 400) {
        f.kind = Kind::Http;
        f.code = httpStatus == 401 ? ApiError::Code::Unauthorized
            : httpStatus == 403    ? ApiError::Code::Forbidden
            : httpStatus == 404    ? ApiError::Code::NotFound
            : httpStatus == 429    ? ApiError::Code::RateLimited
            : httpStatus == 503    ? ApiError::Code::Unavailable
            : httpStatus >= 500    ? ApiError::Code::Internal
                                   : ApiError::Code::BadRequest;
        if (httpStatus == 401)
            f.message = tr("The server did not accept your sign-in. Sign in again.");
        else if (httpStatus == 403)
            f.message = tr("Your account is not allowed to do this.");
        else if (httpStatus == 404)
            f.message = tr("The server at %1 has no such address (HTTP 404). Check the API URL of this profile.").arg(host);
        else if (httpStatus == 429)
            f.message = f.retryAfterSeconds >= 0
                ? tr("The server is rate limiting requests. It accepts more in %n second(s).", nullptr, f.retryAfterSeconds)
                : tr("The server is rate limiting requests. Wait a moment and try again.");
        else if (httpStatus >= 500)
            f.message = tr("The server at %1 had a problem (HTTP %2). Try again in a moment.").arg(host).arg(httpStatus);
        else
            f.message = tr("The server at %1 rejected the request (HTTP %2).").arg(host).arg(httpStatus);
        return f;
    }

    // 3. No (complete) HTTP answer: the network or TLS.
    if (error != QNetworkReply::NoError) {
        f.kind = Kind::Network;
        switch (error) {
        case QNetworkReply::ConnectionRefusedError:
            f.message = tr("Could not connect to %1: nothing is listening there. Is the server running?").arg(host);
            break;
        case QNetworkReply::HostNotFoundError:
            f.message = tr("The server name %1 could not be found. Check the profile's address and your network.").arg(host);
            break;
        case QNetworkReply::RemoteHostClosedError:
            f.message = tr("The server at %1 closed the connection before answering.").arg(host);
            break;
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError:
            if (timedOut || error == QNetworkReply::TimeoutError) {
                f.kind = Kind::Timeout;
                f.message = tr("The server at %1 did not answer in time.").arg(host);
            } else {
                f.kind = Kind::Cancelled;
                f.message = tr("The request was cancelled.");
            }
            break;
        case QNetworkReply::SslHandshakeFailedError:
            f.kind = Kind::Tls;
            f.message = tr("The secure connection to %1 failed: %2. Its certificate may be invalid, expired or "
                           "self-signed.").arg(host, errorString);
            break;
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::NetworkSessionFailedError:
            f.message = tr("The network is unavailable. Check your connection.");
            break;
        case QNetworkReply::ProxyConnectionRefusedError:
        case QNetworkReply::ProxyConnectionClosedError:
        case QNetworkReply::ProxyNotFoundError:
        case QNetworkReply::ProxyTimeoutError:
        case QNetworkReply::ProxyAuthenticationRequiredError:
            f.message = tr("The proxy refused or dropped the connection to %1: %2.").arg(host, errorString);
            break;
        default:
            f.message = tr("The connection to %1 failed: %2.").arg(host, errorString);
        }
        return f;
    }

    // 4. An answer that should have been JSON and was not.
    return unparsable(httpStatus, f.requestId, tr("an unreadable answer"));
}

ApiFailure ApiFailure::unparsable(int httpStatus, const QString &requestId, const QString &what)
{
    ApiFailure f;
    f.kind = Kind::Parse;
    f.httpStatus = httpStatus;
    f.requestId = requestId;
    f.message = tr("The server sent %1 that Keyward cannot read (HTTP %2). Is this the right API address?")
                    .arg(what).arg(httpStatus);
    return f;
}

ApiFailure ApiFailure::cancelled()
{
    ApiFailure f;
    f.kind = Kind::Cancelled;
    f.message = tr("The request was cancelled.");
    return f;
}

ApiFailure ApiFailure::auth(const QString &message)
{
    ApiFailure f;
    f.kind = Kind::Auth;
    f.message = message;
    return f;
}

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One request on its way through ApiServer; shared by the endpoint files, private to the server.
#include "ApiServer.h"

#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <QUrlQuery>

namespace keyward::server {

struct ApiServer::Exchange
{
    explicit Exchange(QHttpServerResponder &&r) : responder(std::move(r)) {}

    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    QString requestId;
    QByteArray method;
    QString path;
    QStringList args;
    QUrlQuery query;
    QByteArray body;
    QByteArray authorization;
    QByteArray apiKey;
    QByteArray idempotencyKey;
    QByteArray cookie;
    QByteArray contentType;
    QString userAgent;
    QString ip;
    qint64 receivedAtMs = 0;
    QElapsedTimer timer;
    RateLimiter::Decision rate;
    bool hasRate = false;
    Principal principal;
    const Route *route = nullptr;
    bool finished = false;
    quint64 orderOnConnection = 0;
};

} // namespace keyward::server

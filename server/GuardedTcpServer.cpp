// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuardedTcpServer.h"

#include "ConnectionGuard.h"
#include "ServerConfig.h"

#include <QTcpSocket>

namespace keyward::server {

GuardedTcpServer::GuardedTcpServer(const ServerConfig &config, QObject *parent)
    : QTcpServer(parent)
    , m_config(config)
{
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    const QString ip = socket->peerAddress().toString();
    ++m_open;
    ++m_perIp[ip];
    connect(socket, &QObject::destroyed, this, [this, ip] {
        --m_open;
        if (--m_perIp[ip] <= 0)
            m_perIp.remove(ip);
    });
    auto *guard = new ConnectionGuard(socket, m_config);
    if (m_open > m_config.maxConnections || m_perIp.value(ip) > m_config.maxConnectionsPerIp) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        guard->reject(503, "UNAVAILABLE",
                      QStringLiteral("Too many open connections; try again shortly."));
        return;
    }
    addPendingConnection(socket);
}

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QTcpServer>

namespace keyward::server {

struct ServerConfig;

// The listener QHttpServer is bound to: caps connections in total and per client address and
// puts a ConnectionGuard on every socket before QHttpServer sees it.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    GuardedTcpServer(const ServerConfig &config, QObject *parent = nullptr);
    int openConnections() const { return m_open; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    const ServerConfig &m_config;
    int m_open = 0;
    QHash<QString, int> m_perIp;
};

} // namespace keyward::server

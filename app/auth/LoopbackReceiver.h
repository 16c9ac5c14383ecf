// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace keyward {

// The redirect target of a native app's browser sign-in (RFC 8252 §7.3): listens on 127.0.0.1
// on a port the system picks, answers GET /callback with a page the handler words, and ignores
// everything else (favicon requests, stray connections, oversized or slow requests).
class LoopbackReceiver : public QObject
{
    Q_OBJECT

public:
    struct Page
    {
        bool success = false;
        QString title;
        QString message;
    };
    using Handler = std::function<Page(const QUrlQuery &query)>;

    explicit LoopbackReceiver(QObject *parent = nullptr);
    ~LoopbackReceiver() override;

    // Starts listening; false (with errorString()) when no port could be opened.
    bool listen();
    void close();
    bool isListening() const { return m_server.isListening(); }
    QString errorString() const { return m_server.errorString(); }
    // http://127.0.0.1:PORT/callback
    QUrl redirectUri() const;
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    static QByteArray renderPage(const Page &page);

private:
    void onNewConnection();

    QTcpServer m_server;
    Handler m_handler;
};

} // namespace keyward

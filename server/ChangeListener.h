// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>

namespace keyward::server {

class Database;

// Wakes the server when another instance on the same PostgreSQL database commits a change that
// caches must drop (LISTEN keyward_changes; the writer NOTIFYs in its transaction, so the wake-up
// comes after the commit). Runs on a thread of its own with its own connection, so that a
// database that is slow or away never blocks the HTTP thread. A connection that broke is opened
// again, and changed() is emitted then too, since notifications sent meanwhile were lost. The
// server also checks for changes once a second without a wake-up: notifications speed that up.
class ChangeListener : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *Channel = "keyward_changes";

    explicit ChangeListener(Database &db);
    ~ChangeListener() override;

    void start();
    void stop();

Q_SIGNALS:
    void changed();

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr;
    bool m_started = false;
};

} // namespace keyward::server

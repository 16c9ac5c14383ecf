// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChangeListener.h"

#include "Database.h"

#include <QLoggingCategory>
#include <QSqlDriver>

Q_LOGGING_CATEGORY(lcChanges, "keyward.server.changes", QtInfoMsg)

namespace keyward::server {

class ChangeListener::Worker : public QObject
{
    Q_OBJECT
public:
    explicit Worker(Database &db) : m_db(db) {}

    void begin()
    {
        m_check = new QTimer(this);
        connect(m_check, &QTimer::timeout, this, &Worker::check);
        m_check->start(2000);
        check();
    }

    void end()
    {
        if (m_check)
            m_check->stop();
        close();
    }

Q_SIGNALS:
    void changed();

private:
    void check()
    {
        if (m_connected) {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            QSqlQuery ping(db);
            if (db.isOpen() && ping.exec(QStringLiteral("SELECT 1")))
                return;
            qCWarning(lcChanges) << "lost the change notification connection; opening it again";
            close();
        }
        try {
            QSqlDatabase db = m_db.dedicatedConnection(QStringLiteral("listen"));
            m_name = db.connectionName();
            if (!db.driver()->subscribeToNotification(QLatin1String(Channel))) {
                qCWarning(lcChanges) << "cannot LISTEN for changes:" << db.driver()->lastError().text();
                close();
                return;
            }
            connect(db.driver(), &QSqlDriver::notification, this, [this] { Q_EMIT changed(); });
            m_connected = true;
            if (m_everConnected)
                qCInfo(lcChanges) << "listening for changes again";
            m_everConnected = true;
            Q_EMIT changed(); // whatever happened while not listening
        } catch (const DatabaseError &e) {
            if (!m_reported)
                qCWarning(lcChanges) << "cannot listen for changes:" << e.what();
            m_reported = true;
        }
    }

    void close()
    {
        m_connected = false;
        if (m_name.isEmpty())
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
        m_name.clear();
    }

    Database &m_db;
    QTimer *m_check = nullptr;
    QString m_name;
    bool m_connected = false;
    bool m_everConnected = false;
    bool m_reported = false;
};

ChangeListener::ChangeListener(Database &db)
{
    m_thread.setObjectName(QStringLiteral("keyward-listen"));
    m_worker = new Worker(db);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &Worker::changed, this, &ChangeListener::changed, Qt::QueuedConnection);
}

ChangeListener::~ChangeListener()
{
    if (!m_started) {
        delete m_worker;
        return;
    }
    stop();
}

void ChangeListener::start()
{
    if (m_started)
        return;
    m_started = true;
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &Worker::begin, Qt::QueuedConnection);
}

void ChangeListener::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(m_worker, &Worker::end, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace keyward::server

#include "ChangeListener.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>

namespace keyward::server {

// Last use and per-day request counts of each key, buffered in memory on the HTTP thread and
// written in one transaction per flush (at least once a second), never a disk write per request.
class UsageRecorder
{
public:
    struct Entry
    {
        qint64 lastUsedAtMs = 0;
        QString ip;
        QString userAgent;
        QHash<QString, qint64> perDay; // "2026-11-29" -> requests
    };
    using Batch = QHash<QString, Entry>; // by key id

    void record(const QString &keyId, qint64 atMs, const QString &ip, const QString &userAgent);
    Batch take();
    bool isEmpty() const { return m_pending.isEmpty(); }

    // Writes a batch; call inside Database::write.
    static void flush(QSqlDatabase &db, const Batch &batch);

private:
    Batch m_pending;
};

} // namespace keyward::server

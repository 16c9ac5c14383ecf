// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace keyward {

// Refresh tokens in the OS keychain through QtKeychain (Secret Service, macOS Keychain, Windows
// Credential Manager), one entry per profile. Never falls back to a plaintext file: a locked,
// missing or refusing keychain is reported, and the caller decides.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    enum class Status { Ok, NotFound, Locked, Unavailable, Failed };
    struct Outcome
    {
        Status status = Status::Ok;
        QString message; // a sentence for the user when status is not Ok or NotFound
        QByteArray token; // read() only
        bool ok() const { return status == Status::Ok; }
    };
    using Callback = std::function<void(const Outcome &)>;

    explicit TokenStore(const QString &service = QStringLiteral("Keyward"), QObject *parent = nullptr);

    QString service() const { return m_service; }
    static QString entryName(const QString &profile);

    // Asynchronous; `done` runs on `context` unless it was destroyed. A call still completes if the
    // store is destroyed first.
    void read(const QString &profile, QObject *context, Callback done);
    void write(const QString &profile, const QByteArray &token, QObject *context, Callback done);
    void remove(const QString &profile, QObject *context, Callback done);

private:
    QString m_service;
};

} // namespace keyward

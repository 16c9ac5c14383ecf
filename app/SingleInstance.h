// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Profile.h"

#include <QObject>
#include <QString>
#include <optional>

class QLocalServer;
class QLocalSocket;

namespace keyward {

// One Keyward window per profile: the first launch for a profile listens on a local socket
// (QLocalServer), a later launch for the same profile connects, asks it to bring its window to
// the front and exits. The socket's name is a hash of the user (home folder and user name) and
// the profile key, so users and profiles never meet; on Linux it lives in XDG_RUNTIME_DIR.
//
// A socket left behind by a crashed instance refuses connections: it is removed and taken over.
// Two launches at the same moment are ordered by a lock file beside the socket, so exactly one
// of them listens and the other hands over to it.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    enum class Role {
        Primary,    // this process has the key and listens for later launches
        Secondary,  // another process has the key and confirmed it brings its window to the front
        Unanswered, // another process has the key but did not answer in time (busy or hung)
        Alone,      // neither listening nor reaching another process worked: run without the check
    };

    explicit SingleInstance(QObject *parent = nullptr);
    ~SingleInstance() override;

    // The key of a profile: saved profiles by id (renames keep it), the sandbox (transient, id
    // "sandbox") as one key whatever its port, a one-off --api profile by its URLs and client.
    static QString keyFor(const std::optional<Profile> &profile);
    static QString sandboxKey();
    // The QLocalServer name for a key: a path in the user's runtime folder on Unix, a pipe
    // name on Windows.
    static QString serverName(const QString &key);

    // Becomes the instance for `key`, or hands over to the process that is. Blocks for at most
    // about `timeoutMs` (twice, at worst: the lock, then the answer); waits for the answer in a
    // local event loop, so an instance in this same thread can answer.
    Role claim(const QString &key, int timeoutMs = 5000);
    // The primary's window moved to another profile: lets the old key go and takes the new one.
    // False when another process already has the new key (this one then holds none).
    bool follow(const QString &key);
    QString key() const { return m_key; }
    bool isListening() const;

Q_SIGNALS:
    // A later launch for this key asked for the window. `activationToken` is that launch's
    // XDG_ACTIVATION_TOKEN (Wayland's permission to take the focus), empty without one.
    void activationRequested(const QString &activationToken);

private:
    void release();
    // Under the lock: connects to the instance that has `key` (true, `socket` connected) or, when
    // none answers, removes a stale socket and listens (false).
    bool connectOrListen(const QString &key, QLocalSocket *socket, int timeoutMs);
    void acceptConnections();
    void readRequest(QLocalSocket *socket);

    QLocalServer *m_server = nullptr;
    QString m_key;
};

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace keyward::server {

// Argon2id password hashes through libsodium. The encoded string carries its own parameters,
// so they can be raised later: needsRehash() tells when a stored hash is older than today's
// parameters and should be replaced at the next successful sign-in. Hashing costs tens of
// milliseconds and 64 MiB: call it off the HTTP thread.
class PasswordHasher
{
public:
    static constexpr int MinimumLength = 12;
    static constexpr int MaximumLength = 1024;

    // A sentence for the user when the password is not acceptable, else empty.
    static QString problemWith(const QString &password);
    static QString hash(const QByteArray &password);
    static bool verify(const QString &encoded, const QByteArray &password);
    static bool needsRehash(const QString &encoded);
};

} // namespace keyward::server

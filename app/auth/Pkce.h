// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

namespace keyward {

// Proof Key for Code Exchange (RFC 7636), S256 only.
struct Pkce
{
    QByteArray verifier;  // 43 base64url characters from 32 random bytes
    QByteArray challenge; // BASE64URL(SHA-256(verifier))

    static Pkce generate();
    static QByteArray challengeFor(const QByteArray &verifier);
    // A random base64url string from `bytes` random bytes (state values).
    static QByteArray randomToken(int bytes);
};

} // namespace keyward

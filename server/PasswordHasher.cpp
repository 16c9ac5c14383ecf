// SPDX-License-Identifier: GPL-3.0-or-later
#include "PasswordHasher.h"

#include <sodium.h>

#include <stdexcept>

namespace keyward::server {

namespace {
void initSodium()
{
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not be initialised");
}
constexpr unsigned long long OpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t MemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
} // namespace

QString PasswordHasher::problemWith(const QString &password)
{
    if (password.size() < MinimumLength)
        return QStringLiteral("The password must be at least %1 characters long.").arg(MinimumLength);
    if (password.size() > MaximumLength)
        return QStringLiteral("The password must be at most %1 characters long.").arg(MaximumLength);
    return {};
}

QString PasswordHasher::hash(const QByteArray &password)
{
    initSodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.constData(), size_t(password.size()), OpsLimit, MemLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &encoded, const QByteArray &password)
{
    initSodium();
    if (encoded.isEmpty())
        return false;
    const QByteArray e = encoded.toLatin1();
    return crypto_pwhash_str_verify(e.constData(), password.constData(), size_t(password.size())) == 0;
}

bool PasswordHasher::needsRehash(const QString &encoded)
{
    initSodium();
    const QByteArray e = encoded.toLatin1();
    return crypto_pwhash_str_needs_rehash(e.constData(), OpsLimit, MemLimit) != 0;
}

} // namespace keyward::server

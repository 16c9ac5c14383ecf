// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuthCache.h"

namespace keyward::server {

std::optional<Principal> AuthCache::find(const QByteArray &hash) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_byHash.constFind(hash);
    if (it == m_byHash.cend())
        return std::nullopt;
    return *it;
}

quint64 AuthCache::generation() const
{
    QMutexLocker lock(&m_mutex);
    return m_generation;
}

void AuthCache::insert(const QByteArray &hash, const Principal &principal, quint64 generationBeforeLookup)
{
    QMutexLocker lock(&m_mutex);
    if (generationBeforeLookup != m_generation)
        return;
    if (m_byHash.size() >= m_capacity) {
        m_byHash.clear();
        m_hashById.clear();
    }
    m_byHash.insert(hash, principal);
    m_hashById.insert(principal.id, hash);
}

void AuthCache::invalidateKey(const QString &keyId)
{
    QMutexLocker lock(&m_mutex);
    ++m_generation;
    const auto it = m_hashById.find(keyId);
    if (it != m_hashById.end()) {
        m_byHash.remove(*it);
        m_hashById.erase(it);
    }
}

void AuthCache::clear()
{
    QMutexLocker lock(&m_mutex);
    ++m_generation;
    m_byHash.clear();
    m_hashById.clear();
}

int AuthCache::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_byHash.size());
}

} // namespace keyward::server

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

void AuthCache::invalidateKey(const QString &id)
{
    QMutexLocker lock(&m_mutex);
    ++m_generation;
    for (const QByteArray &hash : m_hashById.values(id))
        m_byHash.remove(hash);
    m_hashById.remove(id);
}

void AuthCache::invalidateType(const QString &type)
{
    QMutexLocker lock(&m_mutex);
    ++m_generation;
    m_byHash.removeIf([&](const auto &it) {
        if (it.value().type != type)
            return false;
        m_hashById.remove(it.value().id);
        return true;
    });
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

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Principal.h"

#include <QHash>
#include <QMutex>

#include <optional>

namespace keyward::server {

// Validated credentials by keyed hash, so that authentication costs no disk I/O on the hot
// path. Any change to a key invalidates it at once; a lookup that raced with a change cannot
// re-insert stale data because inserts carry the generation seen before the database read.
class AuthCache
{
public:
    explicit AuthCache(int capacity = 20000) : m_capacity(capacity) {}

    std::optional<Principal> find(const QByteArray &hash) const;
    quint64 generation() const;
    void insert(const QByteArray &hash, const Principal &principal, quint64 generationBeforeLookup);
    // Drops every cached credential of this key or user.
    void invalidateKey(const QString &id);
    // Drops every cached credential of a type ("user"): sessions after an out-of-process change.
    void invalidateType(const QString &type);
    void clear();
    int size() const;

private:
    mutable QMutex m_mutex;
    QHash<QByteArray, Principal> m_byHash;
    QMultiHash<QString, QByteArray> m_hashById;
    quint64 m_generation = 0;
    int m_capacity;
};

} // namespace keyward::server

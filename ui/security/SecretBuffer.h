// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstddef>

namespace keyward {

// The bytes of one secret (an API key's value), held in a single private allocation that is
// overwritten with zeros when it is released: on clear(), on destruction and when another secret
// is moved in. Move-only, so the secret is handed on, never copied; the source of a move is left
// empty. Nothing here logs, prints or streams the content.
//
// What it cannot do: wipe copies made before the bytes arrived (a QByteArray that still shared
// them, network buffers, a QString made for display), or stop the operating system from swapping
// the page out. Keep the path from the wire to this buffer short and move all the way.
class SecretBuffer
{
public:
    SecretBuffer() = default;
    // Takes the bytes over. If the array shared its data with another QByteArray (or wrapped raw
    // data), this makes a private copy so that the buffer owns the only copy it can wipe; the
    // other holder's copy is theirs to clean.
    explicit SecretBuffer(QByteArray &&bytes);
    SecretBuffer(SecretBuffer &&other) noexcept;
    // Wipes what this buffer held, then takes other's bytes; other is left empty.
    SecretBuffer &operator=(SecretBuffer &&other) noexcept;
    SecretBuffer(const SecretBuffer &) = delete;
    SecretBuffer &operator=(const SecretBuffer &) = delete;
    ~SecretBuffer();

    // Overwrites the whole allocation (not only size() bytes: a trimmed or chopped array keeps
    // stale bytes around its content) with zeros, then frees it. The buffer is empty afterwards.
    void clear() noexcept;

    bool isEmpty() const { return m_bytes.isEmpty(); }
    int size() const { return int(m_bytes.size()); }
    // The bytes, without a copy. Valid until the buffer is cleared, moved from or destroyed.
    QByteArrayView view() const { return QByteArrayView(m_bytes); }
    // The secret as UTF-8 text, for the reveal field only. The QString is a copy this buffer
    // cannot wipe: hand it straight to the widget and do not keep it anywhere else.
    QString toString() const;

    // Overwrites size bytes at data with zeros in a way the compiler may not drop as a dead store.
    static void wipe(void *data, std::size_t size) noexcept;

private:
    QByteArray m_bytes;
};

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretBuffer.h"

#include <utility>

#if defined(__GLIBC__) || defined(__FreeBSD__) || defined(__OpenBSD__) || defined(__NetBSD__)
#include <string.h> // explicit_bzero
#define KEYWARD_HAVE_EXPLICIT_BZERO 1
#elif defined(_WIN32)
#include <windows.h> // SecureZeroMemory
#endif

namespace keyward {

SecretBuffer::SecretBuffer(QByteArray &&bytes)
    : m_bytes(std::move(bytes))
{
    m_bytes.detach(); // shared or raw data: copy it into an allocation only we hold
}

SecretBuffer::SecretBuffer(SecretBuffer &&other) noexcept
    : m_bytes(std::exchange(other.m_bytes, QByteArray()))
{
}

SecretBuffer &SecretBuffer::operator=(SecretBuffer &&other) noexcept
{
    if (this != &other) {
        clear();
        // QByteArray's move assignment swaps; after clear() ours is null, so other ends up empty.
        m_bytes.swap(other.m_bytes);
    }
    return *this;
}

SecretBuffer::~SecretBuffer()
{
    clear();
}

void SecretBuffer::clear() noexcept
{
    // Only an allocation we hold alone is ours to wipe (a null array owns nothing; the
    // constructor detached anything shared).
    if (m_bytes.isDetached()) {
        QByteArray::DataPointer &d = m_bytes.data_ptr();
        // The allocation starts freeSpaceAtBegin() bytes before data() and spans the allocated
        // capacity; data() on the DataPointer does not detach.
        char *begin = d.data() - d.freeSpaceAtBegin();
        wipe(begin, std::size_t(d.constAllocatedCapacity()));
    }
    m_bytes = QByteArray();
}

QString SecretBuffer::toString() const
{
    return QString::fromUtf8(m_bytes);
}

void SecretBuffer::wipe(void *data, std::size_t size) noexcept
{
    if (!data || size == 0)
        return;
#if defined(KEYWARD_HAVE_EXPLICIT_BZERO)
    explicit_bzero(data, size);
#elif defined(_WIN32)
    SecureZeroMemory(data, size);
#else
    // Stores through a volatile pointer are observable behaviour and are not removed.
    volatile unsigned char *p = static_cast<volatile unsigned char *>(data);
    for (std::size_t i = 0; i < size; ++i)
        p[i] = 0;
#endif
}

} // namespace keyward

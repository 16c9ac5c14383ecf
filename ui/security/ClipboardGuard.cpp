// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClipboardGuard.h"

#include "SecretBuffer.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QMimeData>
#include <QRandomGenerator>
#include <QTimer>

#include <array>

Q_LOGGING_CATEGORY(lcClipboard, "keyward.clipboard", QtInfoMsg)

namespace keyward {

namespace {

constexpr std::size_t SaltWords = 4; // 128 bits

// KDE Klipper (and other Linux clipboard managers that follow it) keep such data out of their
// history. Harmless elsewhere, so it goes on every platform.
void addKdePasswordHint(QMimeData *mime)
{
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
}

// nspasteboard.org's concealed type, honoured by macOS clipboard managers. Qt maps an unknown MIME
// type to a private UTI, so this only reaches the pasteboard as org.nspasteboard.ConcealedType with
// a pasteboard converter registered for it, which Qt 6.4 cannot express (QUtiMimeConverter
// arrives in 6.5); on macOS this marker is therefore best effort, and untested here.
void addMacConcealedType([[maybe_unused]] QMimeData *mime, [[maybe_unused]] const QString &text)
{
#if defined(Q_OS_MACOS)
    // With Qt >= 6.5, a QUtiMimeConverter in a clipboard_mac.mm (as KeePassXC's MacPasteboard)
    // would map this to org.nspasteboard.ConcealedType.
    mime->setData(QStringLiteral("application/x-nspasteboard-concealed-type"), text.toUtf8());
#endif
}

// Windows 10 1809+: keep the value out of Win+V history, Cloud Clipboard and clipboard monitors.
// Qt's Windows backend registers a clipboard format named by the value="..." parameter.
void addWindowsHistoryExclusions([[maybe_unused]] QMimeData *mime)
{
#if defined(Q_OS_WIN)
    const QByteArray dwordZero(4, '\0');
    const QByteArray dwordOne("\x01\x00\x00\x00", 4);
    mime->setData(QStringLiteral("application/x-qt-windows-mime;value=\"ExcludeClipboardContentFromMonitorProcessing\""),
                  dwordOne);
    mime->setData(QStringLiteral("application/x-qt-windows-mime;value=\"CanIncludeInClipboardHistory\""), dwordZero);
    mime->setData(QStringLiteral("application/x-qt-windows-mime;value=\"CanUploadToCloudClipboard\""), dwordZero);
#endif
}

void wipe(QByteArray &bytes)
{
    if (bytes.isDetached())
        SecretBuffer::wipe(bytes.data(), std::size_t(bytes.size()));
    bytes.clear();
}

} // namespace

ClipboardGuard::ClipboardGuard(QClipboard *clipboard, QObject *parent)
    : QObject(parent), m_clipboard(clipboard), m_timer(new QTimer(this))
{
    m_timer->setInterval(m_tickMs);
    connect(m_timer, &QTimer::timeout, this, &ClipboardGuard::tick);
    if (m_clipboard)
        connect(m_clipboard, &QClipboard::dataChanged, this, &ClipboardGuard::onClipboardChanged);
    if (auto *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &ClipboardGuard::clearNow);
}

ClipboardGuard::~ClipboardGuard()
{
    if (m_clipboard)
        disconnect(m_clipboard, nullptr, this, nullptr);
    finish(nullptr);
}

void ClipboardGuard::copySecret(QByteArrayView secret, int clearAfterSeconds)
{
    if (secret.isEmpty())
        return;
    if (!m_clipboard) {
        qCWarning(lcClipboard) << "No clipboard to copy to";
        return;
    }
    const bool wasActive = isActive();
    m_timer->stop();

    const QString text = QString::fromUtf8(secret);
    // Hash what will come back from the clipboard (invalid UTF-8 is replaced on the way in).
    std::array<quint32, SaltWords> salt;
    QRandomGenerator::system()->fillRange(salt.data(), qsizetype(salt.size()));
    m_salt = QByteArray(reinterpret_cast<const char *>(salt.data()), qsizetype(sizeof(salt)));
    m_hash = hashText(text);

    auto *mime = new QMimeData;
    mime->setText(text);
    addKdePasswordHint(mime);
    addMacConcealedType(mime, text);
    addWindowsHistoryExclusions(mime);
    // Clipboard only: the X11 primary selection is pasted by a middle click anywhere, and
    // clipboard managers sync it freely.
    m_clipboard->setMimeData(mime, QClipboard::Clipboard);

    if (clearAfterSeconds > 0) {
        m_secondsLeft = clearAfterSeconds;
        m_timer->start(m_tickMs);
        Q_EMIT countdownChanged(m_secondsLeft);
    } else {
        m_secondsLeft = 0;
        if (wasActive)
            Q_EMIT countdownChanged(0);
    }
}

void ClipboardGuard::clearNow()
{
    bool wasActive = false;
    const bool didClear = finish(&wasActive);
    if (wasActive)
        Q_EMIT countdownChanged(0);
    if (didClear)
        Q_EMIT cleared();
}

void ClipboardGuard::setTickInterval(int ms)
{
    m_tickMs = qMax(1, ms);
    m_timer->setInterval(m_tickMs);
}

bool ClipboardGuard::isActive() const
{
    return m_timer->isActive();
}

void ClipboardGuard::tick()
{
    --m_secondsLeft;
    if (m_secondsLeft > 0) {
        Q_EMIT countdownChanged(m_secondsLeft);
        return;
    }
    clearNow();
}

void ClipboardGuard::onClipboardChanged()
{
    // Our own setMimeData() lands here too; only a foreign value ends the countdown early.
    if (m_hash.isEmpty() || holdsOurValue())
        return;
    m_hash.clear();
    m_salt.clear();
    if (isActive()) {
        m_timer->stop();
        m_secondsLeft = 0;
        Q_EMIT countdownChanged(0);
    }
}

bool ClipboardGuard::finish(bool *wasActive)
{
    if (wasActive)
        *wasActive = isActive();
    m_timer->stop();
    m_secondsLeft = 0;
    const bool ours = !m_hash.isEmpty() && holdsOurValue();
    // Forget first: clear() below emits dataChanged, which must find nothing left to watch.
    m_hash.clear();
    m_salt.clear();
    if (ours && m_clipboard)
        m_clipboard->clear(QClipboard::Clipboard);
    return ours;
}

bool ClipboardGuard::holdsOurValue() const
{
    if (!m_clipboard)
        return false;
    QString current = m_clipboard->text(QClipboard::Clipboard);
    const bool same = !current.isEmpty() && hashText(current) == m_hash;
    // A copy converted just for us (not shared with the clipboard's own data) is ours to wipe.
    if (current.isDetached())
        SecretBuffer::wipe(current.data(), std::size_t(current.size()) * sizeof(QChar));
    return same;
}

QByteArray ClipboardGuard::hashText(const QString &text) const
{
    QByteArray utf8 = text.toUtf8();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(m_salt);
    hash.addData(utf8);
    wipe(utf8);
    return hash.result();
}

} // namespace keyward

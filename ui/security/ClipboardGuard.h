// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QGuiApplication>
#include <QObject>
#include <QPointer>

class QClipboard;
class QTimer;

namespace keyward {

// Puts a secret on the system clipboard the careful way: marked as a password for clipboard
// managers and history on every platform, never on the X11 primary selection, and cleared after a
// countdown, on clearNow(), when the application quits and when the guard is destroyed, but only
// while the clipboard still holds the value we put there: if the user copied something else in
// the meantime, that is left alone and the countdown simply stops.
//
// The guard never keeps the secret. It remembers a salted SHA-256 of the text it put on the
// clipboard and compares it with a hash of whatever the clipboard holds when it is time to clear.
// (The clipboard itself, i.e. the QMimeData Qt owns, holds the text until it is cleared.)
//
// Only QClipboard::Clipboard is ever written, read or cleared.
class ClipboardGuard : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultClearAfterSeconds = 30;

    explicit ClipboardGuard(QClipboard *clipboard = QGuiApplication::clipboard(), QObject *parent = nullptr);
    // Clears the clipboard if it still holds our value (without emitting signals).
    ~ClipboardGuard() override;

    // Copies secret (UTF-8) to the clipboard and starts a countdown of clearAfterSeconds, which
    // replaces any countdown still running. clearAfterSeconds <= 0: no countdown; the value is
    // still cleared by clearNow(), on quit and on destruction. An empty secret changes nothing.
    void copySecret(QByteArrayView secret, int clearAfterSeconds = DefaultClearAfterSeconds);
    // Stops the countdown and clears the clipboard if it still holds our value.
    void clearNow();

    // How long a "second" of the countdown lasts, in milliseconds (tests shorten it).
    void setTickInterval(int ms);
    int tickInterval() const { return m_tickMs; }
    int secondsLeft() const { return m_secondsLeft; }
    // A countdown is running.
    bool isActive() const;

Q_SIGNALS:
    // secondsLeft when copySecret() starts a countdown, then once per tick down to 0. 0 means the
    // countdown is over, for whatever reason (elapsed, clearNow(), the user copied something else);
    // cleared() follows if the guard cleared the clipboard.
    void countdownChanged(int secondsLeft);
    // The guard removed its value from the clipboard.
    void cleared();

private:
    void tick();
    void onClipboardChanged();
    // Ends the countdown; clears the clipboard if it still holds our value. Emits nothing.
    // Returns whether it cleared; wasActive tells whether a countdown was running.
    bool finish(bool *wasActive);
    bool holdsOurValue() const;
    QByteArray hashText(const QString &text) const;

    QPointer<QClipboard> m_clipboard;
    QTimer *m_timer;
    QByteArray m_salt; // fresh per copy, so the stored hash cannot be looked up
    QByteArray m_hash; // empty: nothing of ours is (known to be) on the clipboard
    int m_tickMs = 1000;
    int m_secondsLeft = 0;
};

} // namespace keyward

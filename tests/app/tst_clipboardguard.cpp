// SPDX-License-Identifier: GPL-3.0-or-later
// ClipboardGuard and SecretBuffer on the offscreen platform, whose clipboard lives in the process:
// the secret goes to the clipboard marked for password managers, the countdown ticks down and
// clears, a value the user copied meanwhile is left alone (whether or not the platform tells us it
// changed), clearNow(), destruction and quit clear only our value; the buffer moves, never copies,
// and wipes. Ticks are 50 ms, so a 3-"second" countdown takes about 150 ms.
#include "ClipboardGuard.h"
#include "SecretBuffer.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>
#include <type_traits>

using namespace keyward;

static_assert(!std::is_copy_constructible_v<SecretBuffer>);
static_assert(!std::is_copy_assignable_v<SecretBuffer>);
static_assert(std::is_nothrow_move_constructible_v<SecretBuffer>);
static_assert(std::is_nothrow_move_assignable_v<SecretBuffer>);

namespace {

constexpr int TickMs = 50;

QByteArray sampleSecret()
{
    return QByteArrayLiteral("kw_live_4f9c2a7e1b8d3c6f0a5e9b2d7c1f8a3e");
}

QList<int> spiedSeconds(const QSignalSpy &spy)
{
    QList<int> seconds;
    for (const QList<QVariant> &args : spy)
        seconds.append(args.at(0).toInt());
    return seconds;
}

// The user copies something in another application. `silently`: the platform does not tell us
// (as on macOS until the app is activated again), so only the hash check at the end can notice.
void userCopies(QClipboard *clipboard, const QString &text, bool silently)
{
    const bool wasBlocked = clipboard->blockSignals(silently);
    clipboard->setText(text, QClipboard::Clipboard);
    clipboard->blockSignals(wasBlocked);
}

} // namespace

class TestClipboardGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void copyPutsTextAndPasswordHint();
    void copyLeavesSelectionAlone();
    void emptySecretChangesNothing();
    void countdownTicksDownThenClears();
    void zeroSecondsMeansNoCountdown();
    void newCopyRestartsCountdown();
    void userCopyIsLeftAlone_data();
    void userCopyIsLeftAlone();
    void clearNowClearsOnlyOurs();
    void destructionClears();
    void destructionLeavesUserCopy();
    void invalidUtf8IsStillRecognised();
    void guardKeepsNoReferenceToTheSecret();

    void bufferTakesOwnership();
    void bufferDetachesSharedInput();
    void bufferCopiesRawInput();
    void bufferMoveLeavesSourceEmpty();
    void bufferMoveAssignReplaces();
    void bufferClear();
    void bufferToStringIsUtf8();
    void wipeZeroesExactlyTheRange();

    // Last: it plays QCoreApplication::aboutToQuit.
    void quitClears();

private:
    QClipboard *m_clipboard = nullptr;
};

void TestClipboardGuard::initTestCase()
{
    m_clipboard = QGuiApplication::clipboard();
    QVERIFY(m_clipboard);
    // The offscreen platform's clipboard is the in-process default: make sure it round-trips.
    m_clipboard->setText(QStringLiteral("probe"));
    if (m_clipboard->text() != QStringLiteral("probe"))
        QSKIP("This platform's clipboard does not round-trip text in-process");
    QVERIFY(m_clipboard->mimeData());
}

void TestClipboardGuard::init()
{
    m_clipboard->clear(QClipboard::Clipboard);
    QVERIFY(m_clipboard->text().isEmpty());
}

void TestClipboardGuard::copyPutsTextAndPasswordHint()
{
    ClipboardGuard guard(m_clipboard);
    guard.copySecret(sampleSecret());

    QCOMPARE(m_clipboard->text(), QString::fromUtf8(sampleSecret()));
    const QMimeData *mime = m_clipboard->mimeData(QClipboard::Clipboard);
    QVERIFY(mime);
    QVERIFY(mime->hasText());
    QCOMPARE(mime->data(QStringLiteral("text/plain")), sampleSecret());
    QCOMPARE(mime->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArrayLiteral("secret"));
#if !defined(Q_OS_MACOS)
    // The concealed type carries the secret again: only where it means something.
    QVERIFY(!mime->hasFormat(QStringLiteral("application/x-nspasteboard-concealed-type")));
#endif
    QVERIFY(guard.isActive());
    QCOMPARE(guard.secondsLeft(), ClipboardGuard::DefaultClearAfterSeconds);
}

void TestClipboardGuard::copyLeavesSelectionAlone()
{
    if (!m_clipboard->supportsSelection())
        QSKIP("No primary selection on this platform (offscreen has none)");
    m_clipboard->setText(QStringLiteral("selected words"), QClipboard::Selection);
    ClipboardGuard guard(m_clipboard);
    guard.copySecret(sampleSecret());
    QCOMPARE(m_clipboard->text(QClipboard::Selection), QStringLiteral("selected words"));
    guard.clearNow();
    QCOMPARE(m_clipboard->text(QClipboard::Selection), QStringLiteral("selected words"));
}

void TestClipboardGuard::emptySecretChangesNothing()
{
    m_clipboard->setText(QStringLiteral("keep me"));
    ClipboardGuard guard(m_clipboard);
    QSignalSpy countdown(&guard, &ClipboardGuard::countdownChanged);
    QVERIFY(countdown.isValid());
    guard.copySecret(QByteArrayView());
    QCOMPARE(m_clipboard->text(), QStringLiteral("keep me"));
    QVERIFY(!guard.isActive());
    QCOMPARE(countdown.count(), 0);
}

void TestClipboardGuard::countdownTicksDownThenClears()
{
    ClipboardGuard guard(m_clipboard);
    guard.setTickInterval(TickMs);
    QSignalSpy countdown(&guard, &ClipboardGuard::countdownChanged);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    QVERIFY(countdown.isValid());
    QVERIFY(cleared.isValid());

    guard.copySecret(sampleSecret(), 3);
    QCOMPARE(guard.secondsLeft(), 3);
    QVERIFY(guard.isActive());

    QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 5000);
    QCOMPARE(spiedSeconds(countdown), (QList<int>{3, 2, 1, 0}));
    QVERIFY(m_clipboard->text().isEmpty());
    QVERIFY(!guard.isActive());
    QCOMPARE(guard.secondsLeft(), 0);
}

void TestClipboardGuard::zeroSecondsMeansNoCountdown()
{
    ClipboardGuard guard(m_clipboard);
    guard.setTickInterval(TickMs);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    QVERIFY(cleared.isValid());
    guard.copySecret(sampleSecret(), 0);
    QVERIFY(!guard.isActive());
    QTest::qWait(4 * TickMs);
    QCOMPARE(m_clipboard->text(), QString::fromUtf8(sampleSecret()));
    guard.clearNow(); // still ours, still cleared on demand
    QCOMPARE(cleared.count(), 1);
    QVERIFY(m_clipboard->text().isEmpty());
}

void TestClipboardGuard::newCopyRestartsCountdown()
{
    ClipboardGuard guard(m_clipboard);
    guard.setTickInterval(TickMs);
    QSignalSpy countdown(&guard, &ClipboardGuard::countdownChanged);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    QVERIFY(countdown.isValid());
    QVERIFY(cleared.isValid());

    guard.copySecret(QByteArrayLiteral("first-secret"), 2);
    guard.copySecret(QByteArrayLiteral("second-secret"), 3);
    QCOMPARE(m_clipboard->text(), QStringLiteral("second-secret"));
    QCOMPARE(guard.secondsLeft(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 5000);
    QCOMPARE(spiedSeconds(countdown), (QList<int>{2, 3, 2, 1, 0}));
    QVERIFY(m_clipboard->text().isEmpty());
}

void TestClipboardGuard::userCopyIsLeftAlone_data()
{
    QTest::addColumn<bool>("silently");
    QTest::newRow("platform reports the change") << false;
    QTest::newRow("platform stays quiet") << true;
}

void TestClipboardGuard::userCopyIsLeftAlone()
{
    QFETCH(bool, silently);
    ClipboardGuard guard(m_clipboard);
    guard.setTickInterval(TickMs);
    QSignalSpy countdown(&guard, &ClipboardGuard::countdownChanged);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    QVERIFY(countdown.isValid());
    QVERIFY(cleared.isValid());

    guard.copySecret(sampleSecret(), 3);
    userCopies(m_clipboard, QStringLiteral("the user's own text"), silently);

    // Reported: the countdown stops at once. Quiet: it runs out and finds a foreign value.
    QTRY_VERIFY_WITH_TIMEOUT(!guard.isActive(), 5000);
    QCOMPARE(countdown.last().at(0).toInt(), 0);
    QTest::qWait(5 * TickMs); // past the original deadline: nothing may clear late
    QCOMPARE(m_clipboard->text(), QStringLiteral("the user's own text"));
    QCOMPARE(cleared.count(), 0);

    guard.clearNow(); // nothing of ours is left to clear
    QCOMPARE(m_clipboard->text(), QStringLiteral("the user's own text"));
    QCOMPARE(cleared.count(), 0);
}

void TestClipboardGuard::clearNowClearsOnlyOurs()
{
    ClipboardGuard guard(m_clipboard);
    QSignalSpy countdown(&guard, &ClipboardGuard::countdownChanged);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    QVERIFY(countdown.isValid());
    QVERIFY(cleared.isValid());

    guard.copySecret(sampleSecret(), 30);
    guard.clearNow();
    QVERIFY(m_clipboard->text().isEmpty());
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(countdown.last().at(0).toInt(), 0);
    QVERIFY(!guard.isActive());

    guard.clearNow(); // idempotent
    QCOMPARE(cleared.count(), 1);

    guard.copySecret(sampleSecret(), 30);
    userCopies(m_clipboard, QStringLiteral("unrelated"), true);
    guard.clearNow();
    QCOMPARE(m_clipboard->text(), QStringLiteral("unrelated"));
    QCOMPARE(cleared.count(), 1);
}

void TestClipboardGuard::destructionClears()
{
    auto guard = std::make_unique<ClipboardGuard>(m_clipboard);
    guard->copySecret(sampleSecret(), 30);
    QCOMPARE(m_clipboard->text(), QString::fromUtf8(sampleSecret()));
    guard.reset();
    QVERIFY(m_clipboard->text().isEmpty());
}

void TestClipboardGuard::destructionLeavesUserCopy()
{
    auto guard = std::make_unique<ClipboardGuard>(m_clipboard);
    guard->copySecret(sampleSecret(), 30);
    userCopies(m_clipboard, QStringLiteral("mine"), true);
    guard.reset();
    QCOMPARE(m_clipboard->text(), QStringLiteral("mine"));
}

void TestClipboardGuard::invalidUtf8IsStillRecognised()
{
    // Not valid UTF-8: the clipboard holds the text with replacement characters, and the guard
    // hashes that same text, so it still knows the value as its own.
    const QByteArray bytes("kw_\xff\xfe_tail");
    ClipboardGuard guard(m_clipboard);
    guard.copySecret(bytes, 30);
    QCOMPARE(m_clipboard->text(), QString::fromUtf8(bytes));
    guard.clearNow();
    QVERIFY(m_clipboard->text().isEmpty());
}

void TestClipboardGuard::guardKeepsNoReferenceToTheSecret()
{
    // By design the guard stores only a salted SHA-256 (m_salt, m_hash) and never the secret or
    // the view it was given. What a test can show: the caller may wipe its buffer right after
    // copySecret() and the guard still recognises and clears its value, so it does not read the
    // caller's memory later.
    SecretBuffer secret(sampleSecret());
    ClipboardGuard guard(m_clipboard);
    guard.setTickInterval(TickMs);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    QVERIFY(cleared.isValid());
    guard.copySecret(secret.view(), 2);
    secret.clear();
    QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, 5000);
    QVERIFY(m_clipboard->text().isEmpty());
}

void TestClipboardGuard::bufferTakesOwnership()
{
    QByteArray source = sampleSecret();
    SecretBuffer buffer(std::move(source));
    QVERIFY(source.isEmpty()); // NOLINT(bugprone-use-after-move): moved-from QByteArray is empty
    QVERIFY(!buffer.isEmpty());
    QCOMPARE(buffer.size(), int(sampleSecret().size()));
    QCOMPARE(buffer.view().toByteArray(), sampleSecret());

    const SecretBuffer empty;
    QVERIFY(empty.isEmpty());
    QCOMPARE(empty.size(), 0);
    QVERIFY(empty.view().isEmpty());
    QVERIFY(empty.toString().isEmpty());
}

void TestClipboardGuard::bufferDetachesSharedInput()
{
    const QByteArray other = sampleSecret();
    QByteArray shared = other; // implicitly shared with `other`
    SecretBuffer buffer(std::move(shared));
    QVERIFY(buffer.view().data() != other.constData()); // a private copy
    buffer.clear();
    // Wiping ours did not reach through to the other holder's data.
    QCOMPARE(other, sampleSecret());
}

void TestClipboardGuard::bufferCopiesRawInput()
{
    char raw[] = "raw-secret";
    SecretBuffer buffer(QByteArray::fromRawData(raw, qsizetype(sizeof(raw) - 1)));
    QVERIFY(buffer.view().data() != raw);
    QCOMPARE(buffer.view().toByteArray(), QByteArrayLiteral("raw-secret"));
    buffer.clear();
    QCOMPARE(QByteArray(raw), QByteArrayLiteral("raw-secret")); // not ours: left untouched
}

void TestClipboardGuard::bufferMoveLeavesSourceEmpty()
{
    SecretBuffer a(sampleSecret());
    const char *storage = a.view().data();
    SecretBuffer b(std::move(a));
    QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move)
    QCOMPARE(a.size(), 0);
    QCOMPARE(b.view().toByteArray(), sampleSecret());
    QCOMPARE(b.view().data(), storage); // moved, not copied

    SecretBuffer c;
    c = std::move(b);
    QVERIFY(b.isEmpty()); // NOLINT(bugprone-use-after-move)
    QCOMPARE(c.view().data(), storage);
    QCOMPARE(c.view().toByteArray(), sampleSecret());
}

void TestClipboardGuard::bufferMoveAssignReplaces()
{
    SecretBuffer target(QByteArrayLiteral("old-secret"));
    SecretBuffer source(QByteArrayLiteral("new-secret"));
    target = std::move(source);
    QCOMPARE(target.view().toByteArray(), QByteArrayLiteral("new-secret"));
    // QByteArray's own move assignment swaps; the old secret must not end up in the source.
    QVERIFY(source.isEmpty()); // NOLINT(bugprone-use-after-move)
}

void TestClipboardGuard::bufferClear()
{
    // That clear() zeroes the allocation before freeing it cannot be observed without reading
    // freed memory; it calls wipe() on the whole allocation (tested below) and then releases it.
    SecretBuffer buffer(sampleSecret());
    buffer.clear();
    QVERIFY(buffer.isEmpty());
    QCOMPARE(buffer.size(), 0);
    QVERIFY(buffer.view().isEmpty());
    buffer.clear(); // twice is fine
    QVERIFY(buffer.isEmpty());

    // A chopped array keeps stale bytes past its size; clear() wipes the whole allocation, and
    // the content seen through view() was only the chopped part.
    QByteArray line = sampleSecret() + QByteArrayLiteral("\n");
    line.chop(1);
    SecretBuffer chopped(std::move(line));
    QCOMPARE(chopped.view().toByteArray(), sampleSecret());
    chopped.clear();
    QVERIFY(chopped.isEmpty());

    // Same with bytes removed from the front (the array then starts inside its allocation).
    QByteArray padded = QByteArrayLiteral("  ") + sampleSecret();
    padded.remove(0, 2);
    SecretBuffer trimmed(std::move(padded));
    QCOMPARE(trimmed.view().toByteArray(), sampleSecret());
    trimmed.clear();
    QVERIFY(trimmed.isEmpty());
}

void TestClipboardGuard::bufferToStringIsUtf8()
{
    const QString text = QStringLiteral("cl\u00e9-\u20ac");
    SecretBuffer buffer(text.toUtf8());
    QCOMPARE(buffer.toString(), text);
}

void TestClipboardGuard::wipeZeroesExactlyTheRange()
{
    char bytes[48];
    std::fill(std::begin(bytes), std::end(bytes), 'k');
    SecretBuffer::wipe(bytes + 8, 32);
    QVERIFY(std::all_of(bytes, bytes + 8, [](char c) { return c == 'k'; }));
    QVERIFY(std::all_of(bytes + 8, bytes + 40, [](char c) { return c == 0; }));
    QVERIFY(std::all_of(bytes + 40, bytes + 48, [](char c) { return c == 'k'; }));
    SecretBuffer::wipe(nullptr, 16); // a no-op, not a crash
    SecretBuffer::wipe(bytes, 0);
    QCOMPARE(bytes[0], 'k');
}

void TestClipboardGuard::quitClears()
{
    ClipboardGuard guard(m_clipboard);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    QVERIFY(cleared.isValid());
    guard.copySecret(sampleSecret(), 30);
    // aboutToQuit is a private signal; invoking it by name is how a test can play the quit.
    QVERIFY(QMetaObject::invokeMethod(QCoreApplication::instance(), "aboutToQuit", Qt::DirectConnection));
    QCOMPARE(cleared.count(), 1);
    QVERIFY(m_clipboard->text().isEmpty());
}

QTEST_MAIN(TestClipboardGuard)
#include "tst_clipboardguard.moc"

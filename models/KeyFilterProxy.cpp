// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyFilterProxy.h"

#include "KeyListModel.h"

#include <QHashFunctions>
#include <QLoggingCategory>
#include <QtAlgorithms>

#include <algorithm>
#include <cstring>
#include <limits>
#include <numeric>
#include <utility>

#if defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2)
#define KEYWARD_SSE2 1
#include <emmintrin.h>
#endif

namespace keyward {

Q_LOGGING_CATEGORY(lcKeyFilter, "keyward.models.keyfilter")

namespace {

constexpr qsizetype MaxRemembered = 32;

// Where `word` first occurs in `text` at or after `from`, or -1. With SSE2 (every x86-64), 16
// starting places at a time are checked for the word's first and last bytes together, and only
// where both match is the rest compared: no call per candidate byte, which is what a search per
// row spends most on. On UTF-8 a match can only start on a character boundary, so this answers
// as QString::indexOf would on the same text.
qsizetype findIn(QByteArrayView text, qsizetype from, QByteArrayView word)
{
    const qsizetype n = word.size();
    const qsizetype size = text.size();
    if (n == 0 || from < 0 || from > size - n)
        return n == 0 ? from : -1;
    const char *const s = text.data();
    const char *const w = word.data();
    if (n == 1) {
        const void *at = std::memchr(s + from, w[0], size_t(size - from));
        return at ? static_cast<const char *>(at) - s : -1;
    }
    qsizetype i = from;
#if defined(KEYWARD_SSE2)
    const __m128i first = _mm_set1_epi8(w[0]);
    const __m128i last = _mm_set1_epi8(w[n - 1]);
    for (; i + 16 + n - 1 <= size; i += 16) { // both loads stay inside the text
        const __m128i heads = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + i));
        const __m128i tails = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + i + n - 1));
        uint mask = uint(_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(heads, first), _mm_cmpeq_epi8(tails, last))));
        while (mask) {
            const qsizetype at = i + qCountTrailingZeroBits(mask);
            if (std::memcmp(s + at + 1, w + 1, size_t(n - 2)) == 0)
                return at;
            mask &= mask - 1;
        }
    }
#endif
    for (; i <= size - n; ++i) {
        if (s[i] == w[0] && s[i + n - 1] == w[n - 1] && std::memcmp(s + i + 1, w + 1, size_t(n - 2)) == 0)
            return i;
    }
    return -1;
}

// Byte order, which for UTF-8 is the order of Unicode code points.
int compareBytes(QByteArrayView a, QByteArrayView b)
{
    const qsizetype n = std::min(a.size(), b.size());
    if (n > 0) {
        if (const int c = std::memcmp(a.data(), b.data(), size_t(n)))
            return c;
    }
    return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

// The first eight bytes, big-endian, padded with zeros: compares as the bytes do.
quint64 packBigEndian(QByteArrayView bytes)
{
    quint64 key = 0;
    for (qsizetype i = 0; i < 8; ++i)
        key = (key << 8) | (i < bytes.size() ? quint8(bytes.at(i)) : 0u);
    return key;
}

uint pairBit(uchar a, uchar b)
{
    return (((uint(a) << 8) | b) * 0x9E3779B1u) >> 24; // 0…255
}

QByteArray lastOf(const QList<QByteArray> &words)
{
    return words.isEmpty() ? QByteArray() : words.constLast();
}

// Whether a text that contains every word of `narrow` surely contains every word of `wide`:
// each word of `wide` is part of some word of `narrow`.
bool implies(const QList<QByteArray> &narrow, const QList<QByteArray> &wide)
{
    return std::all_of(wide.cbegin(), wide.cend(), [&narrow](const QByteArray &w) {
        return std::any_of(narrow.cbegin(), narrow.cend(), [&w](const QByteArray &n) { return n.contains(w); });
    });
}

template<typename T>
void rotateBlock(std::vector<T> &v, int start, int end, int destination)
{
    if (destination > end)
        std::rotate(v.begin() + start, v.begin() + end + 1, v.begin() + destination);
    else
        std::rotate(v.begin() + destination, v.begin() + start, v.begin() + end + 1);
}

struct KeyedRow
{
    quint64 key;
    int row;
};

// Least significant digit first, a byte at a time, skipping bytes every key shares (timestamps
// share their top three): stable, so rows with equal keys stay in the order they came in.
void radixSort(std::vector<KeyedRow> &items)
{
    if (items.size() < 2)
        return;
    std::vector<KeyedRow> buffer(items.size());
    for (int shift = 0; shift < 64; shift += 8) {
        std::array<size_t, 256> counts {};
        for (const KeyedRow &item : items)
            ++counts[(item.key >> shift) & 0xff];
        if (counts[(items.front().key >> shift) & 0xff] == items.size())
            continue;
        size_t offset = 0;
        for (size_t &c : counts)
            offset += std::exchange(c, offset);
        for (const KeyedRow &item : items)
            buffer[counts[(item.key >> shift) & 0xff]++] = item;
        items.swap(buffer);
    }
}

} // namespace

void KeyFilterProxy::Signature::add(QByteArrayView text)
{
    const auto *bytes = reinterpret_cast<const uchar *>(text.data());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const uchar c = bytes[i];
        if (c < 0x80) // exact for ASCII; other bytes only count in pairs
            bits[c >> 6] |= quint64(1) << (c & 63);
        if (i > 0) {
            const uint pair = pairBit(bytes[i - 1], c);
            bits[2 + (pair >> 6)] |= quint64(1) << (pair & 63);
        }
    }
}

bool KeyFilterProxy::Signature::covers(const Signature &other) const
{
    bool all = true;
    for (size_t i = 0; i < bits.size(); ++i)
        all = all && (bits[i] & other.bits[i]) == other.bits[i];
    return all;
}

KeyFilterProxy::KeyFilterProxy(QObject *parent) : QAbstractProxyModel(parent) {}

KeyFilterProxy::~KeyFilterProxy() = default;

void KeyFilterProxy::setSourceModel(QAbstractItemModel *sourceModel)
{
    if (sourceModel == this->sourceModel())
        return;
    beginResetModel();
    disconnectSource();
    QAbstractProxyModel::setSourceModel(sourceModel);
    m_keys = qobject_cast<KeyListModel *>(sourceModel);
    if (sourceModel && !m_keys)
        qCWarning(lcKeyFilter) << "KeyFilterProxy shows only a KeyListModel, not" << sourceModel;
    if (m_keys) {
        KeyListModel *src = m_keys;
        const auto begin = [this] { beginResetModel(); };
        const auto end = [this] {
            rebuild();
            endResetModel();
        };
        m_connections = {
            connect(src, &QAbstractItemModel::dataChanged, this, &KeyFilterProxy::sourceDataChanged),
            connect(src, &QAbstractItemModel::headerDataChanged, this, &KeyFilterProxy::sourceHeaderDataChanged),
            connect(src, &QAbstractItemModel::rowsInserted, this, &KeyFilterProxy::sourceRowsInserted),
            connect(src, &QAbstractItemModel::rowsAboutToBeRemoved, this, &KeyFilterProxy::sourceRowsAboutToBeRemoved),
            connect(src, &QAbstractItemModel::rowsRemoved, this, &KeyFilterProxy::sourceRowsRemoved),
            connect(src, &QAbstractItemModel::rowsMoved, this, &KeyFilterProxy::sourceRowsMoved),
            connect(src, &QAbstractItemModel::layoutAboutToBeChanged, this,
                    &KeyFilterProxy::sourceLayoutAboutToBeChanged),
            connect(src, &QAbstractItemModel::layoutChanged, this, &KeyFilterProxy::sourceLayoutChanged),
            connect(src, &QAbstractItemModel::modelAboutToBeReset, this, begin),
            connect(src, &QAbstractItemModel::modelReset, this, end),
            // Columns never change in a KeyListModel; should they, start afresh.
            connect(src, &QAbstractItemModel::columnsAboutToBeInserted, this, begin),
            connect(src, &QAbstractItemModel::columnsAboutToBeRemoved, this, begin),
            connect(src, &QAbstractItemModel::columnsAboutToBeMoved, this, begin),
            connect(src, &QAbstractItemModel::columnsInserted, this, end),
            connect(src, &QAbstractItemModel::columnsRemoved, this, end),
            connect(src, &QAbstractItemModel::columnsMoved, this, end),
            connect(src, &QObject::destroyed, this, &KeyFilterProxy::sourceDestroyed),
        };
    }
    rebuild();
    endResetModel();
}

void KeyFilterProxy::disconnectSource()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
}

void KeyFilterProxy::sourceDestroyed()
{
    beginResetModel();
    m_connections.clear();
    m_keys = nullptr;
    rebuild();
    endResetModel();
}

int KeyFilterProxy::sourceRows() const
{
    return m_keys ? m_keys->rowCount() : 0;
}

// --- what is kept per source row ------------------------------------------------------------

void KeyFilterProxy::loadRow(int row)
{
    const ApiKey &key = m_keys->keyAt(row);
    Row &r = m_rows[size_t(row)];
    qsizetype noteSize = 0;
    const QByteArray text = KeyListModel::searchTextUtf8(key, &noteSize);
    TextRef &ref = m_textRefs[size_t(row)];
    m_deadBytes += ref.size;
    m_liveBytes -= ref.size;
    ref = storeText(text, noteSize);
    const qint64 unused = 0; // the columns read here do not depend on the time
    r.created = KeyListModel::sortNumber(key, KeyListModel::Created, unused);
    r.lastUsed = KeyListModel::sortNumber(key, KeyListModel::LastUsed, unused);
    r.expires = KeyListModel::sortNumber(key, KeyListModel::Expires, unused);
    r.permissions = qint32(KeyListModel::sortNumber(key, KeyListModel::Permissions, unused));
    r.status = quint8(key.status);
    const QByteArray lastFour = KeyListModel::sortText(key, KeyListModel::Key).toUtf8();
    r.lastFour = packBigEndian(lastFour);
    m_longLastFours -= r.longLastFour;
    r.longLastFour = lastFour.size() > 8 || lastFour.contains('\0');
    m_longLastFours += r.longLastFour;
    r.noteHash = qHash(note(row));
    Signature &signature = m_signatures[size_t(row)];
    signature = {};
    signature.add(text);
}

KeyFilterProxy::TextRef KeyFilterProxy::storeText(QByteArrayView text, qsizetype noteSize)
{
    constexpr size_t ChunkSize = 4 * 1024 * 1024;
    const auto size = size_t(text.size());
    if (m_texts.empty() || m_texts.back().capacity() - m_texts.back().size() < size) {
        m_texts.emplace_back();
        m_texts.back().reserve(std::max(ChunkSize, size)); // never reallocated: chunks stay put
    }
    std::vector<char> &chunk = m_texts.back();
    const TextRef ref {quint32(m_texts.size() - 1), quint32(chunk.size()), quint32(size), quint32(noteSize)};
    chunk.insert(chunk.end(), text.cbegin(), text.cend());
    m_liveBytes += size;
    return ref;
}

void KeyFilterProxy::compactTexts()
{
    if (m_deadBytes < 1024 * 1024 || m_deadBytes < m_liveBytes)
        return;
    std::vector<std::vector<char>> dead = std::exchange(m_texts, {});
    m_liveBytes = 0;
    m_deadBytes = 0;
    for (TextRef &ref : m_textRefs) {
        const std::vector<char> &chunk = dead[ref.chunk];
        ref = storeText({chunk.data() + ref.offset, qsizetype(ref.size)}, qsizetype(ref.noteSize));
    }
}

QByteArrayView KeyFilterProxy::searchText(int row) const
{
    const TextRef &ref = m_textRefs[size_t(row)];
    return {m_texts[ref.chunk].data() + ref.offset, qsizetype(ref.size)};
}

QByteArrayView KeyFilterProxy::note(int row) const
{
    const TextRef &ref = m_textRefs[size_t(row)];
    return {m_texts[ref.chunk].data() + ref.offset, qsizetype(ref.noteSize)};
}

void KeyFilterProxy::prefetchText(int row, qint32 from) const
{
    const TextRef &ref = m_textRefs[size_t(row)];
    const char *at = m_texts[ref.chunk].data() + ref.offset + from;
#if defined(KEYWARD_SSE2)
    _mm_prefetch(at, _MM_HINT_T0);
#elif defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(at);
#else
    Q_UNUSED(at);
#endif
}

bool KeyFilterProxy::noteLess(int a, int b) const
{
    const int c = compareBytes(note(a), note(b));
    return c != 0 ? c < 0 : a < b;
}

bool KeyFilterProxy::sameNote(int a, int b) const
{
    return m_rows[size_t(a)].noteHash == m_rows[size_t(b)].noteHash && compareBytes(note(a), note(b)) == 0;
}

// --- filter ---------------------------------------------------------------------------------

void KeyFilterProxy::setText(const QString &text)
{
    const QString normalized = text.simplified().toLower();
    if (normalized == m_text)
        return;
    QList<QByteArray> words;
    for (const QString &word : normalized.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        words.append(word.toUtf8());
    const QList<QByteArray> old = std::exchange(m_words, words);
    m_text = normalized;
    if (!m_keys) {
        m_resumeWord = lastOf(m_words);
        return;
    }
    if (recall())
        return;
    if (implies(m_words, old)) {
        // The query grew: only visible rows can match it, and of its words only the new ones need
        // looking for. The last word, while it is being typed, is looked for from where its
        // shorter form was found.
        Pass pass;
        for (qsizetype i = 0; i + 1 < m_words.size(); ++i) {
            if (!old.contains(m_words.at(i)))
                pass.words.append(m_words.at(i));
        }
        const QByteArray last = lastOf(m_words);
        if (!last.isEmpty() && last != m_resumeWord) {
            pass.last = last;
            pass.resume = !m_resumeWord.isEmpty() && last.startsWith(m_resumeWord);
            if (pass.resume)
                pass.grown = last.mid(m_resumeWord.size());
        }
        finish(pass);
        refilter(Candidates::Visible, pass);
    } else if (implies(old, m_words)) {
        refilter(Candidates::Hidden, fullPass()); // the query shrank: visible rows stay
    } else {
        refilter(Candidates::All, fullPass());
    }
}

void KeyFilterProxy::setStatusFilter(StatusFilter filter)
{
    if (filter == m_status)
        return;
    m_status = filter;
    if (m_keys && !recall())
        refilter(Candidates::All, fullPass());
}

KeyFilterProxy::Pass KeyFilterProxy::fullPass() const
{
    Pass pass;
    pass.status = m_status != StatusFilter::All;
    pass.words = m_words.mid(0, std::max<qsizetype>(0, m_words.size() - 1));
    pass.last = lastOf(m_words);
    finish(pass);
    return pass;
}

void KeyFilterProxy::finish(Pass &pass) const
{
    // The longest word first: it rules out the most rows.
    std::stable_sort(pass.words.begin(), pass.words.end(),
                     [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
    const auto oneAscii = [](const QByteArray &w) { return w.size() == 1 && uchar(w.front()) < 0x80; };
    pass.exact = std::all_of(pass.words.cbegin(), pass.words.cend(), oneAscii)
        && (pass.last.isEmpty() || oneAscii(pass.last));
    for (const QByteArray &word : std::as_const(pass.words))
        pass.signature.add(word);
    pass.signature.add(pass.last);
}

bool KeyFilterProxy::test(int row, const Pass &pass, qint64 nowMs)
{
    const Row &r = m_rows[size_t(row)];
    if (pass.status) {
        using Shown = KeyListModel::DisplayStatus;
        const Shown shown = KeyListModel::displayStatus(ApiKey::Status(r.status), r.expires, nowMs);
        switch (m_status) {
        case StatusFilter::Active:
            if (shown != Shown::Active && shown != Shown::Expiring)
                return false;
            break;
        case StatusFilter::Expiring:
            if (shown != Shown::Expiring)
                return false;
            break;
        case StatusFilter::RevokedOrExpired:
            if (shown != Shown::Revoked && shown != Shown::Expired)
                return false;
            break;
        case StatusFilter::All:
            break;
        }
    }
    if (pass.words.isEmpty() && pass.last.isEmpty())
        return true;
    Follow &follow = m_follow[size_t(row)];
    if (follows(row, pass)) {
        // The word still starts where it did: its first occurrence cannot be any earlier.
        const auto n = size_t(pass.grown.size());
        std::memmove(follow.bytes.data(), follow.bytes.data() + n, follow.bytes.size() - n);
        follow.size = quint8(follow.size - n);
        return true;
    }
    if (!m_signatures[size_t(row)].covers(pass.signature))
        return false;
    if (pass.exact) {
        m_resume[size_t(row)] = 0; // where the last word is was not looked up
        follow.size = 0;
        return true;
    }
    const QByteArrayView text = searchText(row);
    for (const QByteArray &word : pass.words) {
        if (findIn(text, 0, word) < 0)
            return false;
    }
    if (!pass.last.isEmpty()) {
        qint32 &resume = m_resume[size_t(row)];
        const qsizetype at = findIn(text, pass.resume ? resume : 0, pass.last);
        if (at < 0)
            return false;
        resume = qint32(at);
        const qsizetype after = at + pass.last.size();
        follow.size = quint8(std::min<qsizetype>(qsizetype(follow.bytes.size()), text.size() - after));
        std::memcpy(follow.bytes.data(), text.data() + after, follow.size);
    }
    return true;
}

void KeyFilterProxy::refilter(Candidates candidates, const Pass &pass)
{
    const qint64 now = m_keys->nowMs();
    const QByteArray last = lastOf(m_words);
    const int n = sourceRows();
    // Test in source order, the order of the search texts in memory; collect in sort order.
    constexpr int Ahead = 6; // rows whose text is fetched while this one is searched
    if (candidates == Candidates::All) {
        m_flags.resize(size_t(n));
        for (int row = 0; row < n; ++row) {
            if (row + Ahead < n)
                prefetchText(row + Ahead, 0);
            m_flags[size_t(row)] = test(row, pass, now);
        }
    } else {
        flagVisible();
        const bool visible = candidates == Candidates::Visible;
        const bool searchAgain = !visible && last != m_resumeWord;
        for (int row = 0; row < n; ++row) {
            const int ahead = row + Ahead;
            if (ahead < n && visible == bool(m_flags[size_t(ahead)]) && !follows(ahead, pass))
                prefetchText(ahead, pass.resume ? m_resume[size_t(ahead)] : 0);
            quint8 &flag = m_flags[size_t(row)];
            if (visible == bool(flag))
                flag = test(row, pass, now);
            else if (searchAgain && flag)
                forgetWhere(row); // its last word was longer: search the shorter one from the start
        }
    }
    m_resumeWord = last;
    commit(collectFlagged());
    remember();
}

void KeyFilterProxy::remember()
{
    Remembered entry {m_text, m_status, std::vector<quint64>((m_rows.size() + 63) / 64, 0)};
    for (int row : m_proxyToSource)
        entry.visible[size_t(row) >> 6] |= quint64(1) << (row & 63);
    m_remembered.removeIf([this](const Remembered &r) { return r.text == m_text && r.status == m_status; });
    m_remembered.prepend(std::move(entry));
    if (m_remembered.size() > MaxRemembered)
        m_remembered.removeLast();
}

bool KeyFilterProxy::recall()
{
    const auto it = std::find_if(m_remembered.begin(), m_remembered.end(),
                                 [this](const Remembered &r) { return r.text == m_text && r.status == m_status; });
    if (it == m_remembered.end())
        return false;
    m_remembered.move(it - m_remembered.begin(), 0);
    const std::vector<quint64> &bits = m_remembered.constFirst().visible;
    std::vector<int> next;
    next.reserve(m_proxyToSource.size() + 64);
    for (int row : m_order) {
        if ((bits[size_t(row) >> 6] >> (row & 63)) & 1)
            next.push_back(row);
    }
    std::fill(m_resume.begin(), m_resume.end(), 0);
    std::fill(m_follow.begin(), m_follow.end(), Follow {});
    m_resumeWord = lastOf(m_words);
    commit(std::move(next));
    return true;
}

bool KeyFilterProxy::follows(int row, const Pass &pass) const
{
    const Follow &follow = m_follow[size_t(row)];
    return pass.resume && pass.words.isEmpty() && pass.grown.size() <= follow.size
        && std::memcmp(follow.bytes.data(), pass.grown.data(), size_t(pass.grown.size())) == 0;
}

void KeyFilterProxy::forgetWhere(int row)
{
    m_resume[size_t(row)] = 0;
    m_follow[size_t(row)].size = 0;
}

void KeyFilterProxy::flagVisible()
{
    m_flags.assign(m_rows.size(), 0);
    for (int row : m_proxyToSource)
        m_flags[size_t(row)] = 1;
}

std::vector<int> KeyFilterProxy::collectFlagged() const
{
    std::vector<int> next;
    next.reserve(m_proxyToSource.size() + 64);
    for (int row : m_order) {
        if (m_flags[size_t(row)])
            next.push_back(row);
    }
    return next;
}

// --- sort -----------------------------------------------------------------------------------

qint64 KeyFilterProxy::numericKey(int row) const
{
    const Row &r = m_rows[size_t(row)];
    switch (m_sortColumn) {
    case KeyListModel::Key: return qint64(r.lastFour ^ (quint64(1) << 63));
    case KeyListModel::Permissions: return r.permissions;
    case KeyListModel::Status:
        return qint64(KeyListModel::displayStatus(ApiKey::Status(r.status), r.expires, m_statusNow));
    case KeyListModel::Created: return r.created;
    case KeyListModel::LastUsed: return r.lastUsed;
    case KeyListModel::Expires: return r.expires;
    default: return 0;
    }
}

int KeyFilterProxy::compareKeys(int a, int b) const
{
    if (m_sortColumn == KeyListModel::Note)
        return compareBytes(note(a), note(b));
    const qint64 ka = numericKey(a);
    const qint64 kb = numericKey(b);
    if (ka != kb)
        return ka < kb ? -1 : 1;
    if (m_sortColumn == KeyListModel::Key && (m_rows[size_t(a)].longLastFour || m_rows[size_t(b)].longLastFour)) {
        return compareBytes(KeyListModel::sortText(m_keys->keyAt(a), KeyListModel::Key).toUtf8(),
                            KeyListModel::sortText(m_keys->keyAt(b), KeyListModel::Key).toUtf8());
    }
    return 0;
}

bool KeyFilterProxy::less(int a, int b) const
{
    if (m_sortColumn >= 0) {
        const int c = compareKeys(a, b);
        if (c != 0)
            return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
    }
    return a < b; // ties keep the source order, whichever the direction
}

void KeyFilterProxy::sortAll()
{
    const int n = sourceRows();
    m_order.resize(size_t(n));
    if (m_sortColumn < 0 || (m_sortColumn == KeyListModel::Key && m_longLastFours > 0)) {
        std::iota(m_order.begin(), m_order.end(), 0);
        if (m_sortColumn >= 0)
            std::sort(m_order.begin(), m_order.end(), [this](int a, int b) { return less(a, b); });
        return;
    }
    if (m_sortColumn == KeyListModel::Note) {
        // Already in order; descending is the reverse, with each run of equal notes turned back
        // so that ties keep ascending source order.
        if (m_sortOrder == Qt::AscendingOrder) {
            m_order = m_noteOrder;
            return;
        }
        m_order.assign(m_noteOrder.crbegin(), m_noteOrder.crend());
        for (auto run = m_order.begin(); run != m_order.end();) {
            auto runEnd = run + 1;
            while (runEnd != m_order.end() && sameNote(*run, *runEnd))
                ++runEnd;
            std::reverse(run, runEnd);
            run = runEnd;
        }
        return;
    }
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    std::vector<KeyedRow> items(static_cast<size_t>(n));
    for (int row = 0; row < n; ++row) {
        const quint64 key = quint64(numericKey(row)) ^ (quint64(1) << 63); // signed order as unsigned
        items[size_t(row)] = {ascending ? key : ~key, row};
    }
    radixSort(items);
    for (size_t i = 0; i < items.size(); ++i)
        m_order[i] = items[i].row;
}

template<typename Less>
void KeyFilterProxy::insertSorted(std::vector<int> &order, const std::vector<int> &rows, Less lessThan)
{
    if (rows.empty())
        return;
    std::vector<int> merged;
    merged.reserve(order.size() + rows.size());
    auto from = order.cbegin();
    for (int row : rows) {
        const auto at = std::lower_bound(from, order.cend(), row, lessThan);
        merged.insert(merged.end(), from, at);
        merged.push_back(row);
        from = at;
    }
    merged.insert(merged.end(), from, order.cend());
    order = std::move(merged);
}

template<typename Less>
void KeyFilterProxy::reinsert(std::vector<int> &order, std::vector<int> rows, Less lessThan)
{
    if (rows.empty())
        return;
    std::vector<quint8> taken(m_rows.size(), 0);
    for (int row : rows)
        taken[size_t(row)] = 1;
    std::erase_if(order, [&taken](int row) { return taken[size_t(row)] != 0; });
    std::sort(rows.begin(), rows.end(), lessThan);
    insertSorted(order, rows, lessThan);
}

void KeyFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= KeyListModel::ColumnCount)
        column = -1;
    if (column == m_sortColumn && order == m_sortOrder && column != KeyListModel::Status)
        return; // kept in this order through every change since
    m_sortColumn = column;
    m_sortOrder = order;
    if (!m_keys)
        return;
    m_statusNow = m_keys->nowMs();
    sortAll();
    flagVisible();
    commit(collectFlagged(), VerticalSortHint);
}

void KeyFilterProxy::rebuild()
{
    const int n = sourceRows();
    forget();
    m_rows.assign(size_t(n), Row {});
    m_signatures.assign(size_t(n), Signature {});
    m_sourceToProxy.assign(size_t(n), -1);
    m_resume.assign(size_t(n), 0);
    m_follow.assign(size_t(n), Follow {});
    m_textRefs.assign(size_t(n), TextRef {});
    m_texts.clear();
    m_liveBytes = 0;
    m_deadBytes = 0;
    m_longLastFours = 0;
    m_proxyToSource.clear();
    m_flags.clear();
    m_resumeWord = lastOf(m_words);
    m_noteOrder.resize(size_t(n));
    std::iota(m_noteOrder.begin(), m_noteOrder.end(), 0);
    if (!m_keys) {
        m_order.clear();
        return;
    }
    for (int row = 0; row < n; ++row)
        loadRow(row);
    std::sort(m_noteOrder.begin(), m_noteOrder.end(), [this](int a, int b) { return noteLess(a, b); });
    m_statusNow = m_keys->nowMs();
    sortAll();
    const Pass pass = fullPass();
    for (int row : m_order) {
        if (test(row, pass, m_statusNow)) {
            m_sourceToProxy[size_t(row)] = int(m_proxyToSource.size());
            m_proxyToSource.push_back(row);
        }
    }
}

// --- telling the views ----------------------------------------------------------------------

void KeyFilterProxy::commit(std::vector<int> &&next, LayoutChangeHint hint)
{
    const std::vector<int> &prev = m_proxyToSource;
    const size_t common = std::min(prev.size(), next.size());
    size_t head = 0;
    while (head < common && prev[head] == next[head])
        ++head;
    size_t tail = 0;
    while (tail < common - head && prev[prev.size() - 1 - tail] == next[next.size() - 1 - tail])
        ++tail;
    if (head == prev.size() && head == next.size())
        return; // nothing moved, nothing came or went

    if (head + tail == prev.size()) { // one block of rows came
        beginInsertRows({}, int(head), int(next.size() - tail) - 1);
        m_proxyToSource = std::move(next);
        for (size_t i = head; i < m_proxyToSource.size(); ++i)
            m_sourceToProxy[size_t(m_proxyToSource[i])] = int(i);
        endInsertRows();
        return;
    }
    if (head + tail == next.size()) { // one block of rows went
        beginRemoveRows({}, int(head), int(prev.size() - tail) - 1);
        for (size_t i = head; i < prev.size() - tail; ++i)
            m_sourceToProxy[size_t(prev[i])] = -1;
        m_proxyToSource = std::move(next);
        for (size_t i = head; i < m_proxyToSource.size(); ++i)
            m_sourceToProxy[size_t(m_proxyToSource[i])] = int(i);
        endRemoveRows();
        return;
    }

    // Anything else (a keystroke, a sort, rows landing in several places): one layout change.
    // Selection, current row and every other persistent index follow their key; those whose
    // key is filtered out become invalid.
    Q_EMIT layoutAboutToBeChanged({}, hint);
    const QModelIndexList from = persistentIndexList();
    const std::vector<int> old = std::exchange(m_proxyToSource, std::move(next));
    std::fill(m_sourceToProxy.begin(), m_sourceToProxy.end(), -1);
    for (size_t i = 0; i < m_proxyToSource.size(); ++i)
        m_sourceToProxy[size_t(m_proxyToSource[i])] = int(i);
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from) {
        const int row = size_t(index.row()) < old.size() ? m_sourceToProxy[size_t(old[size_t(index.row())])] : -1;
        to.append(row < 0 ? QModelIndex() : createIndex(row, index.column()));
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, hint);
}

// --- following the source -------------------------------------------------------------------

void KeyFilterProxy::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                       const QList<int> &roles)
{
    if (!m_keys || !topLeft.isValid() || !bottomRight.isValid() || topLeft.parent().isValid())
        return;
    forget();
    const int first = topLeft.row();
    const int last = bottomRight.row();
    const qint64 now = m_keys->nowMs();
    const Pass pass = fullPass();
    // Sorted by status, which depends on the time: changes are placed by the status they have
    // now, and if the time moved, every row is placed again.
    const bool statusTimeMoved = m_sortColumn == KeyListModel::Status && now != m_statusNow;
    std::vector<int> moved;
    std::vector<int> renamed;
    std::vector<quint8> accepted(size_t(last - first + 1));
    bool shownOrHidden = false;
    for (int row = first; row <= last; ++row) {
        const Row before = m_rows[size_t(row)];
        const bool numeric = m_sortColumn >= 0 && m_sortColumn != KeyListModel::Note;
        const qint64 keyBefore = numeric ? numericKey(row) : 0;
        loadRow(row);
        const Row &after = m_rows[size_t(row)];
        const bool noteChanged = after.noteHash != before.noteHash;
        if (noteChanged)
            renamed.push_back(row);
        if ((m_sortColumn == KeyListModel::Note && noteChanged) || (numeric && numericKey(row) != keyBefore)
            || (m_sortColumn == KeyListModel::Key && (before.longLastFour || after.longLastFour)))
            moved.push_back(row);
        const bool accept = test(row, pass, now);
        accepted[size_t(row - first)] = accept;
        shownOrHidden = shownOrHidden || accept != (m_sourceToProxy[size_t(row)] >= 0);
    }
    compactTexts();
    reinsert(m_noteOrder, std::move(renamed), [this](int a, int b) { return noteLess(a, b); });
    if (statusTimeMoved)
        m_statusNow = now;
    if (statusTimeMoved || !moved.empty() || shownOrHidden) {
        if (statusTimeMoved || moved.size() > m_order.size() / 8)
            sortAll();
        else
            reinsert(m_order, std::move(moved), [this](int a, int b) { return less(a, b); });
        flagVisible();
        std::copy(accepted.cbegin(), accepted.cend(), m_flags.begin() + first);
        commit(collectFlagged());
    }
    int top = std::numeric_limits<int>::max();
    int bottom = -1;
    for (int row = first; row <= last; ++row) {
        const int proxyRow = m_sourceToProxy[size_t(row)];
        if (proxyRow >= 0) {
            top = std::min(top, proxyRow);
            bottom = std::max(bottom, proxyRow);
        }
    }
    if (bottom >= 0)
        Q_EMIT dataChanged(index(top, topLeft.column()), index(bottom, bottomRight.column()), roles);
}

void KeyFilterProxy::sourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (!m_keys || parent.isValid())
        return;
    forget();
    const int count = last - first + 1;
    if (size_t(first) < m_rows.size()) {
        // Rows from `first` on moved down by `count`; the proxy's rows still show the same keys.
        const auto shift = [first, count](int &row) {
            if (row >= first)
                row += count;
        };
        std::for_each(m_order.begin(), m_order.end(), shift);
        std::for_each(m_noteOrder.begin(), m_noteOrder.end(), shift);
        std::for_each(m_proxyToSource.begin(), m_proxyToSource.end(), shift);
    }
    m_rows.insert(m_rows.begin() + first, size_t(count), Row {});
    m_signatures.insert(m_signatures.begin() + first, size_t(count), Signature {});
    m_sourceToProxy.insert(m_sourceToProxy.begin() + first, size_t(count), -1);
    m_textRefs.insert(m_textRefs.begin() + first, size_t(count), TextRef {});
    m_resume.insert(m_resume.begin() + first, size_t(count), 0);
    m_follow.insert(m_follow.begin() + first, size_t(count), Follow {});
    std::vector<int> fresh(static_cast<size_t>(count));
    std::iota(fresh.begin(), fresh.end(), first);
    for (int row : fresh)
        loadRow(row);
    const auto byNote = [this](int a, int b) { return noteLess(a, b); };
    std::sort(fresh.begin(), fresh.end(), byNote);
    insertSorted(m_noteOrder, fresh, byNote);
    const auto inOrder = [this](int a, int b) { return less(a, b); };
    std::sort(fresh.begin(), fresh.end(), inOrder);

    const qint64 now = m_keys->nowMs();
    const Pass pass = fullPass();
    if (m_order.empty() || less(m_order.back(), fresh.front())) {
        // The usual page while scrolling: the new keys all come after every key there is.
        m_order.insert(m_order.end(), fresh.cbegin(), fresh.cend());
        std::vector<int> next;
        next.reserve(m_proxyToSource.size() + fresh.size());
        next = m_proxyToSource;
        for (int row : fresh) {
            if (test(row, pass, now))
                next.push_back(row);
        }
        commit(std::move(next));
        return;
    }
    insertSorted(m_order, fresh, inOrder);
    flagVisible();
    for (int row = first; row <= last; ++row)
        m_flags[size_t(row)] = test(row, pass, now);
    commit(collectFlagged());
}

void KeyFilterProxy::sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (!m_keys || parent.isValid())
        return;
    // While the source still has the rows: views may still read them as they go.
    std::vector<int> next;
    next.reserve(m_proxyToSource.size());
    for (int row : m_proxyToSource) {
        if (row < first || row > last)
            next.push_back(row);
    }
    commit(std::move(next));
}

void KeyFilterProxy::sourceRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (!m_keys || parent.isValid())
        return;
    forget();
    const int count = last - first + 1;
    for (int row = first; row <= last; ++row) {
        m_longLastFours -= m_rows[size_t(row)].longLastFour;
        m_deadBytes += m_textRefs[size_t(row)].size;
        m_liveBytes -= m_textRefs[size_t(row)].size;
    }
    const auto gone = [first, last](int row) { return row >= first && row <= last; };
    std::erase_if(m_order, gone);
    std::erase_if(m_noteOrder, gone);
    const auto shift = [last, count](int &row) {
        if (row > last)
            row -= count;
    };
    std::for_each(m_order.begin(), m_order.end(), shift);
    std::for_each(m_noteOrder.begin(), m_noteOrder.end(), shift);
    std::for_each(m_proxyToSource.begin(), m_proxyToSource.end(), shift);
    m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
    m_signatures.erase(m_signatures.begin() + first, m_signatures.begin() + last + 1);
    m_sourceToProxy.erase(m_sourceToProxy.begin() + first, m_sourceToProxy.begin() + last + 1);
    m_textRefs.erase(m_textRefs.begin() + first, m_textRefs.begin() + last + 1);
    m_resume.erase(m_resume.begin() + first, m_resume.begin() + last + 1);
    m_follow.erase(m_follow.begin() + first, m_follow.begin() + last + 1);
    compactTexts();
}

void KeyFilterProxy::sourceRowsMoved(const QModelIndex &parent, int start, int end, const QModelIndex &destination,
                                     int row)
{
    if (!m_keys || parent.isValid() || destination.isValid())
        return;
    forget();
    const int count = end - start + 1;
    const int to = row > end ? row - count : row; // where the block starts afterwards
    const auto renumber = [start, end, row, count, to](int &r) {
        if (r >= start && r <= end)
            r = to + (r - start);
        else if (row > end && r > end && r < row)
            r -= count;
        else if (row < start && r >= row && r < start)
            r += count;
    };
    std::for_each(m_order.begin(), m_order.end(), renumber);
    std::for_each(m_noteOrder.begin(), m_noteOrder.end(), renumber);
    std::for_each(m_proxyToSource.begin(), m_proxyToSource.end(), renumber);
    rotateBlock(m_rows, start, end, row);
    rotateBlock(m_signatures, start, end, row);
    rotateBlock(m_sourceToProxy, start, end, row);
    rotateBlock(m_textRefs, start, end, row);
    rotateBlock(m_resume, start, end, row);
    rotateBlock(m_follow, start, end, row);
    // Every other row kept its order relative to the rest; the moved ones may now tie-break
    // differently against them (ties follow the source order), so only they are placed again.
    std::vector<int> block(static_cast<size_t>(count));
    std::iota(block.begin(), block.end(), to);
    reinsert(m_noteOrder, block, [this](int a, int b) { return noteLess(a, b); });
    reinsert(m_order, std::move(block), [this](int a, int b) { return less(a, b); });
    flagVisible();
    commit(collectFlagged(), VerticalSortHint);
}

void KeyFilterProxy::sourceLayoutAboutToBeChanged()
{
    Q_EMIT layoutAboutToBeChanged();
    m_layoutProxy = persistentIndexList();
    m_layoutSource.clear();
    m_layoutSource.reserve(m_layoutProxy.size());
    for (const QModelIndex &index : std::as_const(m_layoutProxy))
        m_layoutSource.append(QPersistentModelIndex(mapToSource(index)));
}

void KeyFilterProxy::sourceLayoutChanged()
{
    rebuild();
    QModelIndexList to;
    to.reserve(m_layoutSource.size());
    for (const QPersistentModelIndex &source : std::as_const(m_layoutSource))
        to.append(mapFromSource(source));
    changePersistentIndexList(m_layoutProxy, to);
    m_layoutProxy.clear();
    m_layoutSource.clear();
    Q_EMIT layoutChanged();
}

void KeyFilterProxy::sourceHeaderDataChanged(Qt::Orientation orientation, int first, int last)
{
    if (orientation == Qt::Horizontal)
        Q_EMIT headerDataChanged(orientation, first, last);
    else if (!m_proxyToSource.empty())
        Q_EMIT headerDataChanged(orientation, 0, rowCount() - 1);
}

// --- the model interface --------------------------------------------------------------------

QModelIndex KeyFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex KeyFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex KeyFilterProxy::sibling(int row, int column, const QModelIndex &idx) const
{
    return idx.isValid() ? index(row, column) : QModelIndex();
}

int KeyFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_proxyToSource.size());
}

int KeyFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_keys ? 0 : m_keys->columnCount();
}

bool KeyFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_proxyToSource.empty();
}

QVariant KeyFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_keys)
        return {};
    if (orientation == Qt::Horizontal)
        return m_keys->headerData(section, orientation, role);
    if (section < 0 || section >= rowCount())
        return {};
    return m_keys->headerData(m_proxyToSource[size_t(section)], orientation, role);
}

bool KeyFilterProxy::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_keys && m_keys->canFetchMore({});
}

void KeyFilterProxy::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid() && m_keys)
        m_keys->fetchMore({});
}

QModelIndex KeyFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_keys || !proxyIndex.isValid() || proxyIndex.model() != this)
        return {};
    const int row = proxyIndex.row();
    if (row < 0 || size_t(row) >= m_proxyToSource.size())
        return {};
    return m_keys->index(m_proxyToSource[size_t(row)], proxyIndex.column());
}

QModelIndex KeyFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_keys || !sourceIndex.isValid() || sourceIndex.model() != m_keys)
        return {};
    const int row = sourceIndex.row();
    if (row < 0 || size_t(row) >= m_rows.size())
        return {};
    const int proxyRow = m_sourceToProxy[size_t(row)];
    return proxyRow < 0 ? QModelIndex() : createIndex(proxyRow, sourceIndex.column());
}

} // namespace keyward

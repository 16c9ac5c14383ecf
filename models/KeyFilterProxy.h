// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractProxyModel>
#include <QByteArray>
#include <QList>
#include <QPersistentModelIndex>

#include <array>
#include <vector>

namespace keyward {

class KeyListModel;

// Filters the key list by free text (note, prefix, last four, permission, creator) and status,
// and sorts it by KeyListModel's raw sort values. Its source must be a KeyListModel.
//
// Built for 100,000 keys and more. What filtering and sorting need of a key is read once, when
// the key arrives or changes: its sort values, a signature of the byte pairs in its search text
// (to rule most keys out of a query without searching their text), and where in the note order
// it stands. The visible rows are a vector of source rows, and every source row is kept in sort
// order, so a filter keystroke is one pass over the rows that can change (the visible ones when
// the query only grew, with the search for a word being typed resumed where its shorter form
// was found; the hidden ones when the query only shrank; none when the same query was seen a
// moment ago) followed by one layoutChanged, never a removal signal per row. A sort is a radix
// sort of precomputed keys, or for the note a copy of the note order. Source changes are merged
// in place and announced as one contiguous insert or removal when they are one, else as one
// layout change that carries every persistent index (selection, current row) along.
class KeyFilterProxy : public QAbstractProxyModel
{
    Q_OBJECT

public:
    enum class StatusFilter { All, Active, Expiring, RevokedOrExpired };
    Q_ENUM(StatusFilter)

    explicit KeyFilterProxy(QObject *parent = nullptr);
    ~KeyFilterProxy() override;

    // Anything but a KeyListModel is shown as an empty list.
    void setSourceModel(QAbstractItemModel *sourceModel) override;

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setStatusFilter(StatusFilter filter);
    StatusFilter statusFilter() const { return m_status; }
    // -1 while the rows are in the source's order.
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // By KeyListModel::SortRole (text by Unicode code point); ties keep the source order in both
    // directions. A column of -1 restores the source order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

private:
    // Per source row: its sort values and filter state.
    struct Row
    {
        qint64 created = 0;
        qint64 lastUsed = 0;
        qint64 expires = 0;
        quint64 lastFour = 0; // lower-case UTF-8, big-endian: compares as the text does
        size_t noteHash = 0;
        qint32 permissions = 0;
        quint8 status = 0; // ApiKey::Status
        bool longLastFour = false; // more than 8 bytes: equal keys need the full text
    };
    // Where a row's search text is: which chunk of m_texts, where in it, how long, and how long
    // the note it starts with is.
    struct TextRef
    {
        quint32 chunk = 0;
        quint32 offset = 0;
        quint32 size = 0;
        quint32 noteSize = 0;
    };

    // Which ASCII bytes and which hashed byte pairs occur in a text. A text can contain a word
    // only if its signature covers the word's; for a word of one ASCII character the signature
    // is the answer.
    struct Signature
    {
        std::array<quint64, 6> bits {};
        void add(QByteArrayView text);
        bool covers(const Signature &other) const;
    };
    // What a filter pass tests on each candidate row.
    struct Pass
    {
        bool status = false;
        QList<QByteArray> words; // each must occur anywhere
        QByteArray last;         // must occur too; where it starts is kept in m_resume
        bool resume = false;     // search `last` from m_resume instead of the start
        QByteArray grown;        // with `resume`: what `last` adds to m_resumeWord
        bool exact = false;      // every word is one ASCII character: the signature says it all
        Signature signature;
    };
    enum class Candidates { All, Visible, Hidden };
    // A recent query's result, to answer it again without searching (erasing a query retraces
    // the states typing it went through).
    struct Remembered
    {
        QString text;
        StatusFilter status;
        std::vector<quint64> visible; // a bit per source row
    };

    int sourceRows() const;
    void loadRow(int row);
    TextRef storeText(QByteArrayView text, qsizetype noteSize);
    void compactTexts();
    void prefetchText(int row, qint32 from) const;
    QByteArrayView searchText(int row) const;
    QByteArrayView note(int row) const;
    bool noteLess(int a, int b) const;
    bool sameNote(int a, int b) const;

    Pass fullPass() const;
    void finish(Pass &pass) const;
    bool test(int row, const Pass &pass, qint64 nowMs);
    void refilter(Candidates candidates, const Pass &pass);
    void remember();
    bool recall();
    void forget() { m_remembered.clear(); }
    // m_flags[row] = whether the source row is visible now; collectFlagged() lists the flagged
    // rows in sort order.
    void flagVisible();
    // Whether the row's cached bytes show that the word being typed still starts where it did.
    bool follows(int row, const Pass &pass) const;
    // Row `row` no longer knows where the last word starts.
    void forgetWhere(int row);
    std::vector<int> collectFlagged() const;

    qint64 numericKey(int row) const;
    int compareKeys(int a, int b) const;
    // The proxy's order: by key in the sort order, ties by ascending source row.
    bool less(int a, int b) const;
    // Puts every source row in m_order in the proxy's order.
    void sortAll();
    // Merges `rows` (sorted by `lessThan`, not in `order`) into `order` at their sorted places.
    template<typename Less>
    static void insertSorted(std::vector<int> &order, const std::vector<int> &rows, Less lessThan);
    // Takes `rows` out of `order` and merges them back at their sorted places.
    template<typename Less>
    void reinsert(std::vector<int> &order, std::vector<int> rows, Less lessThan);
    void rebuild();

    // Makes `next` the visible rows, telling views the least that describes the change.
    void commit(std::vector<int> &&next, LayoutChangeHint hint = NoLayoutChangeHint);
    void disconnectSource();

    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void sourceRowsInserted(const QModelIndex &parent, int first, int last);
    void sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void sourceRowsRemoved(const QModelIndex &parent, int first, int last);
    void sourceRowsMoved(const QModelIndex &parent, int start, int end, const QModelIndex &destination, int row);
    void sourceLayoutAboutToBeChanged();
    void sourceLayoutChanged();
    void sourceHeaderDataChanged(Qt::Orientation orientation, int first, int last);
    void sourceDestroyed();

    KeyListModel *m_keys = nullptr;
    QList<QMetaObject::Connection> m_connections;

    QString m_text; // lower case, simplified
    QList<QByteArray> m_words; // its words in UTF-8, as typed
    QByteArray m_resumeWord;
    StatusFilter m_status = StatusFilter::All;
    QList<Remembered> m_remembered; // most recent first

    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    qint64 m_statusNow = 0; // the time the status column was sorted at
    int m_longLastFours = 0;

    std::vector<Row> m_rows;
    std::vector<Signature> m_signatures;
    std::vector<TextRef> m_textRefs;
    // Per source row: its proxy row (-1 when filtered out), and for visible rows an offset in its
    // search text before which m_resumeWord does not start. Apart from Row: they are written by
    // the thousand on every keystroke.
    std::vector<int> m_sourceToProxy;
    std::vector<qint32> m_resume;
    // Per source row, when m_resume is where m_resumeWord does start: the bytes that follow it
    // there, so that a word typed one more character can be checked without reading the text.
    struct Follow
    {
        std::array<char, 15> bytes {};
        quint8 size = 0; // 0: nothing known
    };
    std::vector<Follow> m_follow;
    // Every row's search text, one after the other in chunks of a few MiB that never move, so
    // that a filter pass reads memory in order instead of a heap block per key, and growing never
    // copies what is there. A changed or removed row leaves its old text behind until the dead
    // bytes outweigh the live ones.
    std::vector<std::vector<char>> m_texts;
    size_t m_liveBytes = 0;
    size_t m_deadBytes = 0;
    // Every source row by note, ascending (ties by source row), kept through every change so
    // that sorting by note never compares strings.
    std::vector<int> m_noteOrder;
    // Every source row in the proxy's order, and the visible ones in that order.
    std::vector<int> m_order;
    std::vector<int> m_proxyToSource;
    // Scratch flags per source row, kept to avoid an allocation per keystroke.
    std::vector<quint8> m_flags;
    // Across a source layout change: our persistent indexes and where they were in the source.
    QModelIndexList m_layoutProxy;
    QList<QPersistentModelIndex> m_layoutSource;
};

} // namespace keyward

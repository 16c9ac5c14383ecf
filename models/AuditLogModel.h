// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QTimeZone>

#include <array>
#include <functional>
#include <unordered_map>
#include <vector>

namespace keyward {

// What the model keeps of an event for verifying a view against the chain: its position, the
// hash it claims and whether its content hashes to that (checked when the page arrived).
struct AuditRowDigest
{
    qint64 seq = 0;
    std::array<quint8, 32> hash {};
    bool intact = false;
};

// The audit log as a table, newest first, loaded page by page through a fetcher (no network code
// here: the app hands in a fetcher over AuditService, tests an in-memory source).
//
// Memory is bounded per row, not by the log's length. Every fetched row is kept as a compact
// record (80 bytes: seq, time, interned indexes for actor, action, target, IP and user agent, the
// 32-byte chain hash and flags); the strings shown in the columns are interned, so a million
// denied requests from the same scanner cost one copy of its user agent. The full JSON of an
// event (details, request id, prev_hash) is kept only for the first page and the most recently
// used others, at most maxMaterialisedRows() rows; the others drop it, and requestEvent() fetches
// such a page again by keyset cursor (the last row of the page before) when someone wants the
// detail of one of its rows. Every column and role but EventRole
// answers from the compact record, so scrolling a compacted region never touches the network.
// A filter change is a new fetcher: setFetcher() resets the model.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, ActorColumn, ActionColumn, TargetColumn, IpColumn, UserAgentColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw values: time in ms, raw action name, lower-case text
        SeqRole,                     // qint64, the event's place in the chain
        EventIdRole,                 // "evt_<seq>"
        EventRole,                   // QJsonObject exactly as the server sent it; invalid when compacted
        ActionRole,                  // the raw action name, "secret_key.revoked"
        TimestampRole,               // QDateTime, UTC
        ActorIdRole,
        ActorTypeRole,
        TargetIdRole,
        HashRole,                    // the chain hash, 64 hex digits
        IntactRole,                  // bool: the content hashes to the event's hash
        MaterialisedRole,            // bool: EventRole has the JSON right now
    };

    struct FetchedPage
    {
        QList<QJsonObject> events; // newest first, as the list endpoint answers
        bool hasMore = false;
        QString nextCursor;
        QString error; // a sentence to show when the page could not be fetched
    };
    // Asks for up to `limit` events after the keyset `cursor` (empty: the newest) and calls done
    // once, synchronously or later. The model ignores an answer meant for before its last reset.
    using Fetcher =
        std::function<void(const QString &cursor, int limit, std::function<void(const FetchedPage &)> done)>;

    static constexpr int DefaultPageSize = 200;
    static constexpr int DefaultMaxMaterialisedRows = 5000;

    explicit AuditLogModel(QObject *parent = nullptr);
    ~AuditLogModel() override;

    // A new source (a filter change): forgets every row and starts over.
    void setFetcher(Fetcher fetcher);
    // Forgets every row; the next fetchMore() loads the newest page again.
    void reset();
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    // The most rows whose JSON stays in memory; at least two pages.
    void setMaxMaterialisedRows(int rows);
    int maxMaterialisedRows() const { return m_maxMaterialised; }
    // Times show in this zone (default: the system's), as "yyyy-MM-dd HH:mm:ss".
    void setTimeZone(const QTimeZone &zone);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

    bool isLoading() const { return m_loading; }
    bool hasMore() const { return m_hasMore; }
    // After a failed page canFetchMore() is false (no retry storm from the view) until retry().
    QString lastError() const { return m_lastError; }
    void retry();

    qint64 seqAt(int row) const;
    QModelIndex indexOfSeq(qint64 seq, int column = 0) const;
    // The event's JSON when its page is in memory; an empty object otherwise.
    QJsonObject eventAt(int row) const;
    // Brings a compacted row's page back (one keyset request); its EventRole changes when it lands.
    // Returns true when the JSON is already there.
    bool requestEvent(int row);

    // Seq, hash and integrity of every row, newest first, for ChainVerifier.
    std::vector<AuditRowDigest> rowDigests() const;

    // Memory accounting, for the bound's test and the about box.
    int materialisedRowCount() const { return m_materialisedRows; }
    int pageCount() const { return int(m_pages.size()); }
    int internedStringCount() const { return int(m_strings.size() + m_parties.size()); }
    static constexpr qsizetype compactRowBytes();
    // Rows, interned strings and their tables; the materialised JSON is not counted (QJsonObject
    // keeps its size to itself), only bounded by maxMaterialisedRows().
    qsizetype approximateCompactBytes() const;
    // Events dropped because they broke the newest-first order or had no event id.
    int droppedEvents() const { return m_dropped; }

Q_SIGNALS:
    void loadingChanged(bool loading);
    void fetchFailed(const QString &message);

private:
    struct Row
    {
        qint64 seq = 0;
        qint64 atMs = 0;
        quint32 actor = 0;     // m_parties
        quint32 target = 0;    // m_parties
        quint32 action = 0;    // m_strings
        quint32 qualifier = 0; // m_strings: what changes the action's wording (a denial's reason)
        quint32 ip = 0;        // m_strings
        quint32 userAgent = 0; // m_strings
        std::array<quint8, 32> hash {};
        quint32 page = 0;
        quint32 flags = 0;
    };
    enum RowFlag : quint32 { Intact = 1 };

    struct Page
    {
        int firstRow = 0;
        int count = 0;
        QList<QJsonObject> events; // empty when compacted
        mutable quint64 lastUse = 0;
        bool refetching = false;
    };

    struct ActorHash
    {
        size_t operator()(const Actor &a) const noexcept;
    };

    quint32 intern(const QString &text);
    quint32 internParty(const Actor &party);
    void callFetcher(const QString &cursor, int limit, std::function<void(const FetchedPage &)> handle);
    void onPage(const QString &cursor, const FetchedPage &page);
    void onRefetched(int pageIndex, const FetchedPage &answer);
    void appendEvents(const FetchedPage &page);
    void materialise(int pageIndex, const QList<QJsonObject> &events);
    void touch(int pageIndex) const;
    void evictBeyondBound(int keepPage);
    void setLoading(bool loading);
    QString displayText(const Row &row, int column) const;

    Fetcher m_fetcher;
    std::vector<Row> m_rows;
    std::vector<Page> m_pages;
    QList<QString> m_strings;
    QHash<QString, quint32> m_stringIndex;
    QList<Actor> m_parties;
    std::unordered_map<Actor, quint32, ActorHash> m_partyIndex;
    QTimeZone m_zone;
    QString m_cursor;
    QString m_lastError;
    mutable quint64 m_useClock = 0;
    quint64 m_generation = 0;
    int m_pageSize = DefaultPageSize;
    int m_maxMaterialised = DefaultMaxMaterialisedRows;
    int m_materialisedRows = 0;
    int m_dropped = 0;
    bool m_hasMore = true;
    bool m_loading = false;
    bool m_inFetcher = false;
};

constexpr qsizetype AuditLogModel::compactRowBytes()
{
    return qsizetype(sizeof(Row));
}

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>

#include <functional>

namespace keyward {

// The organization's secret keys as a table: masked values only (the plaintext secret is never
// part of ApiKey, so it can never be here). Display strings are made here; views only show them.
// Rows load page by page (canFetchMore/fetchMore ask a loader for the next keyset page) and
// refresh in place, keeping rows that survive so selection and scroll stay.
class KeyListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Note, Key, Permissions, Status, Created, LastUsed, Expires, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw values: timestamps in ms, status rank, lower-case text
        KeyIdRole,
        BadgesRole,     // Badges flags
        SearchTextRole, // lower-case note, prefix, last four, permissions and creator
        StatusRole,     // DisplayStatus
    };
    enum Badge {
        NoBadge = 0,
        UnusedFor90Days = 1,
        NeverExpires = 2,
        BroadPermissions = 4, // write on every resource
        ExpiresSoon = 8,      // within 14 days
    };
    Q_DECLARE_FLAGS(Badges, Badge)
    enum class DisplayStatus { Active, Expiring, Expired, Revoked };
    Q_ENUM(DisplayStatus)

    using Clock = std::function<QDateTime()>;
    // Asks for the page after `cursor` (empty: the first); answer with appendPage() or pageFailed().
    using PageLoader = std::function<void(const QString &cursor)>;

    explicit KeyListModel(QObject *parent = nullptr);

    void setClock(Clock clock);
    void setPageLoader(PageLoader loader) { m_loader = std::move(loader); }
    // Every resource the server knows, for the "broad permissions" badge.
    void setAllResources(const QStringList &resources);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

    // Pages arriving from the server.
    void appendPage(const QList<ApiKey> &keys, bool hasMore, const QString &nextCursor);
    void pageFailed();
    // A fresh first page (refresh): surviving rows are updated in place, gone ones removed,
    // new ones inserted, in the server's order.
    void replaceAll(const QList<ApiKey> &keys, bool hasMore, const QString &nextCursor);
    // One key changed (edit, revoke): updated from the server's answer; inserted on top when new.
    void upsert(const ApiKey &key);
    void remove(const QString &id);
    void clear();

    const ApiKey *keyFromIndex(const QModelIndex &index) const;
    QModelIndex indexOfKey(const QString &id, int column = 0) const;
    bool isLoading() const { return m_loading; }
    // A refresh is on its way (fetchMore marks its own pages).
    void markLoading() { setLoading(true); }

    Badges badges(const ApiKey &key) const;
    DisplayStatus displayStatus(const ApiKey &key) const;
    // The same at a given time (ms since the epoch), for callers that read the clock once per pass;
    // expiresKey is sortNumber(key, Expires).
    static DisplayStatus displayStatus(const ApiKey &key, qint64 nowMs);
    static DisplayStatus displayStatus(ApiKey::Status status, qint64 expiresKey, qint64 nowMs);
    qint64 nowMs() const;
    // Counts over the loaded keys, for the hygiene summary line.
    int countWithBadge(Badge badge) const;

    static QString relativeTime(const QDateTime &when, const QDateTime &now);
    QString permissionSummary(const QStringList &permissions) const;

    // Typed access for KeyFilterProxy, which builds its filter and sort keys from these once per
    // change instead of going through data() and a QVariant for every row and every comparison.
    const ApiKey &keyAt(int row) const { return m_keys.at(row); }
    // SearchTextRole of a key, in UTF-8. It starts with the lower-case note (the Note column's
    // SortRole), noteSize bytes of it.
    static QByteArray searchTextUtf8(const ApiKey &key, qsizetype *noteSize = nullptr);
    // SortRole without the QVariant: columns that sort as text (Note, Key) have a lower-case
    // sortText(), the others a sortNumber() (Status: at nowMs).
    static bool sortsAsText(int column) { return column == Note || column == Key; }
    static QString sortText(const ApiKey &key, int column);
    static qint64 sortNumber(const ApiKey &key, int column, qint64 nowMs);

Q_SIGNALS:
    void loadingChanged(bool loading);

private:
    QString statusText(const ApiKey &key) const;
    QString plainStatusText(const ApiKey &key) const;
    // The status cell's accessible description: what the status means, and the hygiene badges.
    QString statusDescription(const ApiKey &key) const;
    void setLoading(bool loading);
    // Replaces the key in a row and says so (dataChanged).
    void setKey(int row, const ApiKey &key);

    QList<ApiKey> m_keys;
    Clock m_clock;
    PageLoader m_loader;
    QStringList m_allResources;
    QString m_cursor;
    bool m_hasMore = false;
    bool m_loading = false;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(KeyListModel::Badges)

} // namespace keyward

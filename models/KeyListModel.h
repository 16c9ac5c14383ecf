// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"

#include <QAbstractTableModel>
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
    // Counts over the loaded keys, for the hygiene summary line.
    int countWithBadge(Badge badge) const;

    static QString relativeTime(const QDateTime &when, const QDateTime &now);
    QString permissionSummary(const QStringList &permissions) const;

Q_SIGNALS:
    void loadingChanged(bool loading);

private:
    QString statusText(const ApiKey &key) const;
    QString searchText(const ApiKey &key) const;
    void setLoading(bool loading);
    const QString &cachedSearchText(int row) const;

    QList<ApiKey> m_keys;
    // Lower-case search text per row, built once after a change and reused by every keystroke
    // of the filter (building it per call dominated filtering at 100,000 keys).
    mutable QList<QString> m_search;
    Clock m_clock;
    PageLoader m_loader;
    QStringList m_allResources;
    QString m_cursor;
    bool m_hasMore = false;
    bool m_loading = false;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(KeyListModel::Badges)

} // namespace keyward

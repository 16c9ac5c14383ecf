// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PublishableKey.h"

#include <QAbstractTableModel>
#include <QList>

namespace keyward {

// The organization's publishable keys as a table. They are public by design, so the full
// "pk_…" value is shown. Display strings are made here; views only show them.
class PublishableKeyModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Note, Key, Created, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw values: lower-case note, the key, creation time in ms
        KeyIdRole,
        KeyValueRole, // the full pk_… value, whatever the column
    };

    explicit PublishableKeyModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The server's list: surviving rows are updated in place (so selection and scroll stay),
    // gone ones removed, new ones inserted, in the order given.
    void setKeys(const QList<PublishableKey> &list);
    // One key from the server's answer: updated when known, inserted on top when new.
    void upsert(const PublishableKey &key);
    void remove(const QString &id);
    void clear();

    const QList<PublishableKey> &keys() const { return m_keys; }
    const PublishableKey *keyFromIndex(const QModelIndex &index) const;
    QModelIndex indexOfKey(const QString &id, int column = 0) const;

private:
    int rowOf(const QString &id) const;
    void rowChanged(int row);

    QList<PublishableKey> m_keys;
};

} // namespace keyward

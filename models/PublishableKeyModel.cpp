// SPDX-License-Identifier: GPL-3.0-or-later
#include "PublishableKeyModel.h"

#include <QLocale>
#include <QSet>

namespace keyward {

PublishableKeyModel::PublishableKeyModel(QObject *parent) : QAbstractTableModel(parent) { }

int PublishableKeyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int PublishableKeyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PublishableKeyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PublishableKey &key = m_keys.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Note: return key.note;
        case Key: return key.key; // public by design: shown in full
        case Created:
            return key.createdAt.isValid() ? QLocale().toString(key.createdAt.toLocalTime().date(), QLocale::ShortFormat)
                                           : QString();
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Note: return key.note;
        case Key: return tr("%1\nPublic by design: safe to put in web pages and apps.").arg(key.key);
        case Created: {
            const QString when = key.createdAt.isValid()
                ? QLocale().toString(key.createdAt.toLocalTime(), QLocale::LongFormat)
                : tr("Unknown time");
            return key.createdBy.display.isEmpty() ? when : tr("%1\nby %2").arg(when, key.createdBy.display);
        }
        }
        break;
    case Qt::AccessibleTextRole:
        if (index.column() == Created && !key.createdBy.display.isEmpty())
            return tr("%1, by %2").arg(data(index, Qt::DisplayRole).toString(), key.createdBy.display);
        break;
    case SortRole:
        switch (index.column()) {
        case Note: return key.note.toLower();
        case Key: return key.key;
        case Created: return key.createdAt.isValid() ? key.createdAt.toMSecsSinceEpoch() : qint64(0);
        }
        break;
    case KeyIdRole:
        return key.id;
    case KeyValueRole:
        return key.key;
    default:
        break;
    }
    return {};
}

QVariant PublishableKeyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Note: return tr("Note");
    case Key: return tr("Key");
    case Created: return tr("Created");
    }
    return {};
}

void PublishableKeyModel::rowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void PublishableKeyModel::setKeys(const QList<PublishableKey> &list)
{
    // One row per id: a repeated id keeps its first place.
    QSet<QString> incoming;
    QList<PublishableKey> keys;
    keys.reserve(list.size());
    for (const PublishableKey &k : list) {
        if (!incoming.contains(k.id)) {
            incoming.insert(k.id);
            keys.append(k);
        }
    }
    for (int row = int(m_keys.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_keys.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_keys.removeAt(row);
            endRemoveRows();
        }
    }
    // Every row left is in `keys`. Walk them into the server's order: after step i the first
    // i + 1 rows are keys[0..i].
    for (int i = 0; i < keys.size(); ++i) {
        const PublishableKey &k = keys.at(i);
        if (i < m_keys.size() && m_keys.at(i).id == k.id) {
            m_keys[i] = k;
            rowChanged(i);
            continue;
        }
        const int existing = rowOf(k.id);
        if (existing > i) {
            beginMoveRows({}, existing, existing, {}, i);
            m_keys.move(existing, i);
            endMoveRows();
            m_keys[i] = k;
            rowChanged(i);
            continue;
        }
        beginInsertRows({}, i, i);
        m_keys.insert(i, k);
        endInsertRows();
    }
}

void PublishableKeyModel::upsert(const PublishableKey &key)
{
    const int row = rowOf(key.id);
    if (row >= 0) {
        m_keys[row] = key;
        rowChanged(row);
        return;
    }
    beginInsertRows({}, 0, 0);
    m_keys.prepend(key);
    endInsertRows();
}

void PublishableKeyModel::remove(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_keys.removeAt(row);
    endRemoveRows();
}

void PublishableKeyModel::clear()
{
    if (m_keys.isEmpty())
        return;
    beginResetModel();
    m_keys.clear();
    endResetModel();
}

const PublishableKey *PublishableKeyModel::keyFromIndex(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_keys.size())
        return nullptr;
    return &m_keys.at(index.row());
}

QModelIndex PublishableKeyModel::indexOfKey(const QString &id, int column) const
{
    const int row = rowOf(id);
    return row >= 0 ? index(row, column) : QModelIndex();
}

int PublishableKeyModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_keys.size(); ++row) {
        if (m_keys.at(row).id == id)
            return row;
    }
    return -1;
}

} // namespace keyward

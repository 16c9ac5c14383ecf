// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyFilterProxy.h"

#include "KeyListModel.h"

namespace keyward {

KeyFilterProxy::KeyFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(KeyListModel::SortRole);
    setDynamicSortFilter(true);
}

void KeyFilterProxy::setText(const QString &text)
{
    const QString normalized = text.simplified().toLower();
    if (normalized == m_text)
        return;
    m_text = normalized;
    m_words = m_text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void KeyFilterProxy::setStatusFilter(StatusFilter filter)
{
    if (filter == m_status)
        return;
    m_status = filter;
    invalidateFilter();
}

bool KeyFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_status != StatusFilter::All) {
        const auto status = index.data(KeyListModel::StatusRole).value<KeyListModel::DisplayStatus>();
        switch (m_status) {
        case StatusFilter::Active:
            if (status != KeyListModel::DisplayStatus::Active && status != KeyListModel::DisplayStatus::Expiring)
                return false;
            break;
        case StatusFilter::Expiring:
            if (status != KeyListModel::DisplayStatus::Expiring)
                return false;
            break;
        case StatusFilter::RevokedOrExpired:
            if (status != KeyListModel::DisplayStatus::Revoked && status != KeyListModel::DisplayStatus::Expired)
                return false;
            break;
        case StatusFilter::All:
            break;
        }
    }
    if (m_words.isEmpty())
        return true;
    const QString haystack = index.data(KeyListModel::SearchTextRole).toString();
    for (const QString &word : m_words) {
        if (!haystack.contains(word))
            return false;
    }
    return true;
}

} // namespace keyward

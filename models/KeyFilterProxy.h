// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace keyward {

// Filters the key list by free text (note, prefix, last four, permission, creator) and status,
// and sorts by KeyListModel::SortRole (raw values, not display strings). Its own predicate
// instead of Qt's string filters, which cost far more per keystroke on large lists.
class KeyFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class StatusFilter { All, Active, Expiring, RevokedOrExpired };
    Q_ENUM(StatusFilter)

    explicit KeyFilterProxy(QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setStatusFilter(StatusFilter filter);
    StatusFilter statusFilter() const { return m_status; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text; // lower case, trimmed
    QStringList m_words;
    StatusFilter m_status = StatusFilter::All;
};

} // namespace keyward

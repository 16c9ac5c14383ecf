// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFontDatabase>
#include <QStyledItemDelegate>

namespace keyward {

// Keys in a fixed-width font, so they line up and read character by character.
class MonospaceDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        option->fontMetrics = QFontMetrics(option->font);
    }
};

} // namespace keyward

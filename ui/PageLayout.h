// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

namespace keyward {

// The layout of the full-window pages (welcome, progress): a column of at most `maxWidth`
// pixels, centred, a little above the middle. Returns the column's layout to fill.
inline QVBoxLayout *centredColumn(QWidget *page, int maxWidth, int spacing)
{
    auto *outer = new QVBoxLayout(page);
    outer->addStretch(1);
    auto *column = new QWidget(page);
    column->setMaximumWidth(maxWidth);
    auto *layout = new QVBoxLayout(column);
    layout->setSpacing(spacing);
    auto *centre = new QHBoxLayout;
    centre->addStretch(1);
    centre->addWidget(column, 3);
    centre->addStretch(1);
    outer->addLayout(centre);
    outer->addStretch(2);
    return layout;
}

// A page heading: the application font, larger by `scale`, semi-bold.
inline void makeHeading(QLabel *label, qreal scale)
{
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * scale);
    f.setWeight(QFont::DemiBold);
    label->setFont(f);
}

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
// Looks at a window the way a translator's screenshot review does and lists what a user would
// see as broken: text cut off, widgets on top of each other, contents pushed out of their box.
// Any GUI suite can run it on a shown, laid-out window (a translation is the usual reason
// things stop fitting, but a long note or a narrow window are others).
#pragma once

#include <QStringList>

class QWidget;

namespace layoutcheck {

struct Options
{
    // Pixels a size may be short before it counts (rounding in the styles' arithmetic).
    int tolerance = 1;
    // What a window manager's title bar keeps for the window icon and its buttons: a window
    // title longer than the window's width minus this is shown truncated.
    int titleBarReserve = 130;
    // Object names of widgets (and their descendants) not to look at, e.g. a custom widget
    // that elides its text on purpose. Keyward elides only inside painted widgets (the audit
    // timeline) and in text it builds with QFontMetrics::elidedText before setting it, which
    // then fits by construction: no label or button elides at paint time.
    QStringList ignoredObjectNames;
};

// Checks `window` (a top-level widget, shown and laid out at the size to judge) and every
// visible widget inside it that belongs to that window (child dialogs are windows of their own
// and are not looked at). Returns one readable sentence per problem, naming the widget by class,
// object name, text and the named widgets around it:
// - a QLabel without word wrap whose text is wider or taller than the label; a word-wrapped one
//   whose longest word is wider than it, or whose text at its width needs more height than it has;
// - a button (push, tool, check, radio) narrower than its text needs; a non-editable combo box
//   narrower than its current text; a spin box or date edit narrower than its longest value;
//   a line edit's placeholder longer than the room for text; a group box title wider than the box;
// - a tab whose text is elided or that is scrolled out of its tab bar; a header section narrower
//   than its title (and the sort indicator, on the sorted column);
// - a menu bar or tool bar whose items overflow into its extension menu;
// - a widget whose layout needs more room than the widget has (its contents are squeezed);
//   widgets of the same layout that overlap; a widget that reaches outside its parent (except
//   the contents of scroll areas, unless the scroll bar in that direction is switched off);
// - a window title too long for the title bar.
QStringList check(QWidget *window, const Options &options = {});

// Alt+letter mnemonics that two visible, enabled controls of `window` share (buttons, labels
// with a buddy, group boxes, tabs, and a main window's menu titles): pressing the letter then
// cycles between them instead of acting. One sentence per shared letter.
QStringList mnemonicClashes(QWidget *window);

// "QLabel#name “text…” in page/panel": how problems name a widget.
QString describe(const QWidget *widget);

} // namespace layoutcheck

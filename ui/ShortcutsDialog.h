// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QPointer>

class QAction;
class QLabel;
class QLineEdit;
class QMainWindow;
class QTreeWidget;
class QWidget;

namespace keyward {

// Help → Keyboard Shortcuts: every shortcut of the main window, read at run time from its
// QActions (the menus first, by menu, then the actions pages and tabs hold for themselves, by
// page), and the keys that controls handle themselves (Enter in the note field, the timeline's
// arrow keys, …) from one table here, which is the only place that lists them. A filter field
// narrows the list by action, key or page.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Entry
    {
        QString group; // the menu or page ("Keys", "Audit log › Timeline")
        QString name; // what it does, without mnemonic ampersands or a trailing ellipsis
        QList<QKeySequence> keys;
        QString keysText; // native text, as shown: "Ctrl+N", "Left, Right"
        bool fixed = false; // handled inside a control rather than by a QAction
    };

    explicit ShortcutsDialog(QMainWindow *window, QWidget *parent = nullptr);

    // Reads the window's actions again (pages appear after sign-in, actions get enabled).
    void reload();
    // Everything listed (filtered or not), in the order shown.
    const QList<Entry> &entries() const { return m_entries; }
    // Entries the filter lets through now.
    int visibleEntryCount() const;
    void setFilterText(const QString &text);

    // The window's actions that have a shortcut: menu actions grouped by menu, the others by the
    // page or tab whose widget holds them. Each action once.
    static QList<Entry> actionEntries(QMainWindow *window);
    // Keys handled inside controls, which no QAction describes.
    static QList<Entry> fixedEntries();
    // "Ne&w key…" → "New key"; "Save && close" → "Save & close".
    static QString plainText(const QString &text);
    static QString keysText(const QList<QKeySequence> &keys);

private:
    void applyFilter();

    QPointer<QMainWindow> m_window;
    QList<Entry> m_entries;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
    QLabel *m_empty;
};

} // namespace keyward

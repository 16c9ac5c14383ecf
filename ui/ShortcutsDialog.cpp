// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShortcutsDialog.h"

#include "Workspace.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSet>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace keyward {

namespace {

constexpr int EntryRole = Qt::UserRole + 1; // index into m_entries on entry items

// "Keys › Publishable keys": the workspace page and the tabs that hold `widget`.
QString pageOf(QWidget *widget, QWidget *window)
{
    QStringList parts;
    for (QWidget *w = widget; w && w != window; w = w->parentWidget()) {
        auto *stack = qobject_cast<QStackedWidget *>(w->parentWidget());
        if (!stack)
            continue;
        if (auto *tabs = qobject_cast<QTabWidget *>(stack->parentWidget())) {
            if (const int i = tabs->indexOf(w); i >= 0)
                parts.prepend(ShortcutsDialog::plainText(tabs->tabText(i)));
        } else if (auto *workspace = qobject_cast<Workspace *>(stack->parentWidget())) {
            if (const int i = workspace->pageIndex(w); i >= 0)
                parts.prepend(workspace->pageTitle(i));
        }
    }
    return parts.join(QStringLiteral(" \u203a "));
}

void addMenu(
    QList<ShortcutsDialog::Entry> &entries, QSet<const QAction *> &seen, QMenu *menu, const QString &group)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || seen.contains(action))
            continue;
        seen.insert(action);
        if (QMenu *sub = action->menu()) {
            addMenu(entries, seen, sub,
                group + QStringLiteral(" \u203a ") + ShortcutsDialog::plainText(sub->title()));
            continue;
        }
        if (action->shortcuts().isEmpty())
            continue;
        entries.append({ group, ShortcutsDialog::plainText(action->text()), action->shortcuts(),
            ShortcutsDialog::keysText(action->shortcuts()), false });
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QMainWindow *window, QWidget *parent)
    : QDialog(parent)
    , m_window(window)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(this);
    auto *filterRow = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("&Find:"), this);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("shortcutsFilter"));
    m_filter->setPlaceholderText(tr("An action, a key or a page"));
    m_filter->setClearButtonEnabled(true);
    filterLabel->setBuddy(m_filter);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    layout->addLayout(filterRow);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("shortcutsTree"));
    m_tree->setAccessibleName(tr("Keyboard shortcuts"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({ tr("Action"), tr("Keys") });
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_tree, 1);
    m_empty = new QLabel(tr("No shortcut matches."), this);
    m_empty->setObjectName(QStringLiteral("shortcutsNoMatch"));
    m_empty->setEnabled(false);
    m_empty->hide();
    layout->addWidget(m_empty);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::applyFilter);
    resize(640, 640);
    reload();
    m_filter->setFocus();
}

QString ShortcutsDialog::plainText(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('&'))
                plain += text.at(++i);
            continue;
        }
        plain += text.at(i);
    }
    plain = plain.trimmed();
    if (plain.endsWith(QStringLiteral("\u2026")))
        plain.chop(1);
    else if (plain.endsWith(QLatin1String("...")))
        plain.chop(3);
    return plain.trimmed();
}

QString ShortcutsDialog::keysText(const QList<QKeySequence> &keys)
{
    QStringList parts;
    for (const QKeySequence &k : keys)
        parts.append(k.toString(QKeySequence::NativeText));
    return parts.join(QStringLiteral(", "));
}

QList<ShortcutsDialog::Entry> ShortcutsDialog::actionEntries(QMainWindow *window)
{
    QList<Entry> entries;
    if (!window)
        return entries;
    QSet<const QAction *> seen;
    // The menus, in the menu bar's order: what the user sees first.
    for (QAction *top : window->menuBar()->actions()) {
        if (QMenu *menu = top->menu())
            addMenu(entries, seen, menu, plainText(menu->title()));
    }
    // Actions that pages, tabs and lists hold for themselves (Find, F2 on the note, …).
    QList<QWidget *> widgets { window };
    widgets += window->findChildren<QWidget *>();
    for (QWidget *w : std::as_const(widgets)) {
        if (qobject_cast<QMenu *>(w) || qobject_cast<QMenuBar *>(w) || w->window() != window)
            continue; // menus are done; dialogs are windows of their own
        for (QAction *action : w->actions()) {
            if (seen.contains(action) || action->shortcuts().isEmpty() || action->isSeparator())
                continue;
            seen.insert(action);
            QString page = pageOf(w, window);
            if (page.isEmpty())
                page = tr("Main window");
            QString name = plainText(action->text());
            if (name.isEmpty())
                name = action->toolTip();
            entries.append({ page, name, action->shortcuts(), keysText(action->shortcuts()), false });
        }
    }
    return entries;
}

QList<ShortcutsDialog::Entry> ShortcutsDialog::fixedEntries()
{
    // Keys that controls handle themselves: this table is the one place that lists them.
    QList<Entry> entries;
    auto add = [&entries](const QString &group, const QString &name, const QList<QKeySequence> &keys,
                   const QString &text = QString()) {
        entries.append({ group, name, keys, text.isEmpty() ? keysText(keys) : text, true });
    };
    const QString everywhere = tr("Everywhere");
    add(everywhere, tr("Next or previous control"),
        { QKeySequence(Qt::Key_Tab), QKeySequence(Qt::SHIFT | Qt::Key_Tab) });
    add(everywhere, tr("Go to the control with that letter underlined"), {}, tr("Alt+underlined letter"));
    add(everywhere, tr("Press the default button of a dialog"), { QKeySequence(Qt::Key_Return) });
    add(everywhere, tr("Close a dialog, or cancel it"), { QKeySequence(Qt::Key_Escape) });
    const QString lists = tr("Lists and tables");
    add(lists, tr("Move through the rows"),
        { QKeySequence(Qt::Key_Up), QKeySequence(Qt::Key_Down), QKeySequence(Qt::Key_PageUp),
            QKeySequence(Qt::Key_PageDown) });
    add(lists, tr("Select the current row"), { QKeySequence(Qt::Key_Space) });
    add(lists, tr("Extend the selection"),
        { QKeySequence(Qt::SHIFT | Qt::Key_Up), QKeySequence(Qt::SHIFT | Qt::Key_Down) });
    add(lists, tr("Add or remove the current row"), { QKeySequence(Qt::CTRL | Qt::Key_Space) });
    const QString keyList = tr("Secret key list");
    add(keyList, tr("Edit the selected key"), { QKeySequence(Qt::Key_Return) });
    const QString note = tr("Note in the key details");
    add(note, tr("Save the edited note"), { QKeySequence(Qt::Key_Return) });
    add(note, tr("Put the saved note back"), { QKeySequence(Qt::Key_Escape) });
    const QString usage = tr("Usage chart in the key details");
    add(usage, tr("Previous or next day"), { QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_Right) });
    add(usage, tr("First or last day"), { QKeySequence(Qt::Key_Home), QKeySequence(Qt::Key_End) });
    const QString reveal = tr("New secret, shown once");
    add(reveal, tr("Copy the secret (cleared from the clipboard after 30 seconds)"),
        QKeySequence::keyBindings(QKeySequence::Copy));
    const QString timeline = tr("Audit timeline");
    add(timeline, tr("Previous or next bar"), { QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_Right) });
    add(timeline, tr("First or last bar"), { QKeySequence(Qt::Key_Home), QKeySequence(Qt::Key_End) });
    add(timeline, tr("Mark a range of bars"),
        { QKeySequence(Qt::SHIFT | Qt::Key_Left), QKeySequence(Qt::SHIFT | Qt::Key_Right),
            QKeySequence(Qt::SHIFT | Qt::Key_Home), QKeySequence(Qt::SHIFT | Qt::Key_End) });
    add(timeline, tr("Show the events of the bar, or of the marked range"), { QKeySequence(Qt::Key_Return) });
    add(timeline, tr("Drop the marked range"), { QKeySequence(Qt::Key_Escape) });
    const QString links = tr("Links in the audit log");
    add(links, tr("Follow the focused link"), { QKeySequence(Qt::Key_Return) });
    return entries;
}

void ShortcutsDialog::reload()
{
    m_entries = actionEntries(m_window);
    m_entries += fixedEntries();
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> groups;
    QFont bold = m_tree->font();
    bold.setBold(true);
    for (int i = 0; i < m_entries.size(); ++i) {
        const Entry &e = m_entries.at(i);
        QTreeWidgetItem *group = groups.value(e.group);
        if (!group) {
            group = new QTreeWidgetItem(m_tree, { e.group });
            group->setFont(0, bold);
            group->setFlags(Qt::ItemIsEnabled);
            group->setFirstColumnSpanned(true);
            groups.insert(e.group, group);
        }
        auto *item = new QTreeWidgetItem(group, { e.name, e.keysText });
        item->setData(0, EntryRole, i);
        item->setData(1, Qt::AccessibleTextRole, e.keysText);
        item->setToolTip(0, e.name);
    }
    m_tree->expandAll();
    applyFilter();
    m_tree->scrollToTop();
}

void ShortcutsDialog::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

void ShortcutsDialog::applyFilter()
{
    const QString needle = m_filter->text().trimmed();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        const bool groupMatches = needle.isEmpty() || group->text(0).contains(needle, Qt::CaseInsensitive);
        int shown = 0;
        for (int c = 0; c < group->childCount(); ++c) {
            QTreeWidgetItem *item = group->child(c);
            const bool match = groupMatches || item->text(0).contains(needle, Qt::CaseInsensitive)
                || item->text(1).contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match ? 1 : 0;
        }
        group->setHidden(shown == 0);
    }
    m_empty->setVisible(visibleEntryCount() == 0);
}

int ShortcutsDialog::visibleEntryCount() const
{
    int count = 0;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = m_tree->topLevelItem(g);
        for (int c = 0; !group->isHidden() && c < group->childCount(); ++c)
            count += group->child(c)->isHidden() ? 0 : 1;
    }
    return count;
}

} // namespace keyward

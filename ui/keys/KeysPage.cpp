// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeysPage.h"

#include "ClipboardGuard.h"
#include "Icons.h"
#include "KeyCommands.h"
#include "KeyDetailsPanel.h"
#include "KeyFilterProxy.h"
#include "KeyListModel.h"
#include "KeysService.h"
#include "PublishableKeysPanel.h"
#include "RotationLauncher.h"
#include "RotationWizard.h"
#include "MonospaceDelegate.h"
#include "PageLayout.h"
#include "Session.h"

#include <algorithm>

#include <QAction>
#include <QComboBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QMessageBox>
#include <QStyle>
#include <QToolButton>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QResizeEvent>
#include <QVBoxLayout>

namespace keyward {

namespace {
} // namespace

KeysPage::KeysPage(QWidget *parent)
    : QWidget(parent), m_model(new KeyListModel(this)), m_proxy(new KeyFilterProxy(this))
{
    setObjectName(QStringLiteral("keysPage"));
    m_proxy->setSourceModel(m_model);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(16, 12, 16, 12);
    auto *title = new QLabel(tr("API keys"), this);
    makeHeading(title, 1.4);
    outer->addWidget(title);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("keysTabs"));
    m_tabs->setDocumentMode(true);
    outer->addWidget(m_tabs, 1);
    // The secret keys' shortcuts live on their tab, so the publishable tab's own Ctrl+N, Delete
    // and F5 are never ambiguous with them.
    m_secretTab = new QWidget(m_tabs);
    m_secretTab->setObjectName(QStringLiteral("secretKeysTab"));
    auto *layout = new QVBoxLayout(m_secretTab);
    layout->setContentsMargins(0, 8, 0, 0);

    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("keyFilter"));
    m_filter->setPlaceholderText(tr("Filter keys"));
    m_filter->setToolTip(tr("Filter by note, key, permission or creator"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter keys"));
    // Room for a few words of the placeholder in any language; the buttons give way first.
    m_filter->setMinimumWidth(m_filter->fontMetrics().averageCharWidth() * 22);
    m_filter->addAction(icon(IconId::Filter), QLineEdit::LeadingPosition);
    auto *find = new QAction(tr("Filter keys"), this);
    find->setObjectName(QStringLiteral("findKeysAction"));
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    m_secretTab->addAction(find);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setAccessibleName(tr("Status filter"));
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_status->setMinimumContentsLength(12);
    m_status->addItem(tr("All"), int(KeyFilterProxy::StatusFilter::All));
    m_status->addItem(tr("Active"), int(KeyFilterProxy::StatusFilter::Active));
    m_status->addItem(tr("Expiring"), int(KeyFilterProxy::StatusFilter::Expiring));
    m_status->addItem(tr("Revoked and expired"), int(KeyFilterProxy::StatusFilter::RevokedOrExpired));
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refreshKeysButton"));
    refreshButton->setIcon(icon(IconId::Refresh));
    refreshButton->setToolTip(tr("Reload the keys from the server (F5)"));
    auto *refreshAction = new QAction(tr("&Refresh"), this);
    refreshAction->setObjectName(QStringLiteral("refreshKeysAction"));
    refreshAction->setIcon(icon(IconId::Refresh));
    // The platform's Refresh keys and F5 everywhere, each once: a key bound twice is ambiguous.
    QList<QKeySequence> refreshKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    if (!refreshKeys.contains(QKeySequence(Qt::Key_F5)))
        refreshKeys.append(QKeySequence(Qt::Key_F5));
    refreshAction->setShortcuts(refreshKeys);
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshAction, &QAction::triggered, this, &KeysPage::refresh);
    m_secretTab->addAction(refreshAction);
    m_clipboard = new ClipboardGuard(QGuiApplication::clipboard(), this);
    m_commands = new KeyCommands(this, m_model, m_clipboard, [this] { return selectedKeys(); });
    for (QAction *a : {m_commands->newAction(), m_commands->editAction(), m_commands->rotateAction(),
                       m_commands->revokeAction(), m_commands->deleteAction()})
        m_secretTab->addAction(a);
    connect(m_commands, &KeyCommands::keysChanged, this, &KeysPage::updateActions);
    connect(m_commands, &KeyCommands::keySaved, this, [this](const ApiKey &key) { m_details->noteSaved(key); });
    connect(m_commands, &KeyCommands::catalogLoaded, this,
            [this](const QList<PermissionResource> &catalog) { m_details->setCatalog(catalog); });
    connect(m_commands, &KeyCommands::selectRequested, this, &KeysPage::selectKey);
    m_historyAction = new QAction(tr("Show audit &history"), this);
    m_historyAction->setObjectName(QStringLiteral("keyHistoryAction"));
    m_historyAction->setIcon(icon(IconId::AuditLog));
    m_historyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_historyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_historyAction->setToolTip(tr("Everything the audit log holds about the selected key (%1)")
                                    .arg(m_historyAction->shortcut().toString(QKeySequence::NativeText)));
    m_secretTab->addAction(m_historyAction);
    connect(m_historyAction, &QAction::triggered, this, [this] {
        const QList<ApiKey> keys = selectedKeys();
        if (keys.size() == 1)
            Q_EMIT showAuditRequested(keys.constFirst().id);
    });
    // The commands show their names beside their icons where the row has room, and only their
    // icons (names in the tooltips and to screen readers) where it has not: see fitCommandButtons().
    QToolButton *newButton = nullptr, *editButton = nullptr, *rotateButton = nullptr, *revokeButton = nullptr,
                *deleteButton = nullptr;
    for (auto [button, action] : {std::pair{&newButton, m_commands->newAction()}, std::pair{&editButton, m_commands->editAction()},
                                  std::pair{&rotateButton, m_commands->rotateAction()},
                                  std::pair{&revokeButton, m_commands->revokeAction()},
                                  std::pair{&deleteButton, m_commands->deleteAction()}}) {
        *button = new QToolButton(this);
        (*button)->setDefaultAction(action);
        (*button)->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_commandButtons.append(*button);
    }
    m_refreshButton = refreshButton;
    bar->addWidget(newButton);
    bar->addWidget(editButton);
    bar->addWidget(rotateButton);
    bar->addWidget(revokeButton);
    bar->addWidget(deleteButton);
    bar->addSpacing(12);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_status);
    bar->addWidget(refreshButton);
    layout->addLayout(bar);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("hygieneSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_roleNote = new QLabel(this);
    m_roleNote->setObjectName(QStringLiteral("roleNote"));
    m_roleNote->setWordWrap(true);
    m_roleNote->setEnabled(false);
    layout->addWidget(m_roleNote);
    m_resumeBar = new RotationResumeBar(this);
    layout->addWidget(m_resumeBar);
    m_rotations = m_commands->rotations();
    connect(m_resumeBar, &RotationResumeBar::resumeRequested, m_commands, &KeyCommands::resumeRotation);
    connect(m_resumeBar, &RotationResumeBar::forgetRequested, this,
            [this](const RotationProgress &progress) { m_rotations->forget(progress.oldKeyId); });
    connect(m_rotations, &RotationLauncher::busyChanged, m_resumeBar, &RotationResumeBar::setBusy);
    connect(m_rotations, &RotationLauncher::journalChanged, this, &KeysPage::updateResumeBar);

    m_stack = new QStackedWidget(this);
    m_table = new QTableView(m_stack);
    m_table->setObjectName(QStringLiteral("keyTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(KeyListModel::Created, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false); // Tab leaves the list for the details; arrows move in it
    m_table->setAccessibleName(tr("Secret keys"));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setItemDelegateForColumn(KeyListModel::Key, new MonospaceDelegate(m_table));
    // The note says what a key is for: it gets the room; the rest fits its content.
    m_table->setColumnWidth(KeyListModel::Note, 210);
    m_table->setColumnWidth(KeyListModel::Key, 150);
    m_table->setColumnWidth(KeyListModel::Permissions, 150);
    m_table->setColumnWidth(KeyListModel::Status, 120);
    m_table->setColumnWidth(KeyListModel::Created, 100);
    m_table->setColumnWidth(KeyListModel::LastUsed, 120);
    m_stack->addWidget(m_table);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addAction(m_commands->editAction());
    m_table->addAction(m_commands->rotateAction());
    m_table->addAction(m_commands->revokeAction());
    m_table->addAction(m_commands->deleteAction());
    m_table->addAction(m_historyAction);
    auto selectionMoved = [this] {
        updateActions();
        updateDetails();
    };
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, selectionMoved);
    // A filter keystroke is one layout change: rows it hides leave the selection without a
    // selectionChanged signal, so the actions and details follow the layout too.
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, selectionMoved);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, selectionMoved);
    // Short columns fit their words in the user's language ("Läuft in 2 Tagen ab"); the note and
    // the permissions keep the widths above and elide.
    const auto fitShortColumns = [this] {
        for (int column : {int(KeyListModel::Status), int(KeyListModel::Created), int(KeyListModel::LastUsed)})
            m_table->setColumnWidth(column, std::min(std::max(static_cast<QAbstractItemView *>(m_table)->sizeHintForColumn(column),
                                                              m_table->horizontalHeader()->sectionSizeHint(column)),
                                                     260));
    };
    connect(m_model, &QAbstractItemModel::modelReset, m_table, fitShortColumns);
    // The first page of a load arrives as inserted rows after an empty reset: fit to it once.
    connect(m_model, &QAbstractItemModel::rowsInserted, m_table, [fitShortColumns](const QModelIndex &, int first) {
        if (first == 0)
            fitShortColumns();
    });
    // Double-click or Enter on a key: edit it (those who may), as in a file manager's properties.
    connect(m_table, &QTableView::activated, this, [this] {
        if (canManage())
            editSelected();
    });

    m_statePanel = new QWidget(m_stack);
    m_statePanel->setObjectName(QStringLiteral("keysState"));
    QVBoxLayout *state = centredColumn(m_statePanel, 520, 10);
    m_stateTitle = new QLabel(m_statePanel);
    m_stateTitle->setObjectName(QStringLiteral("keysStateTitle"));
    makeHeading(m_stateTitle, 1.2);
    m_stateText = new QLabel(m_statePanel);
    m_stateText->setObjectName(QStringLiteral("keysStateText"));
    m_stateText->setWordWrap(true);
    m_stateText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(tr("Re&try"), m_statePanel); // Alt+R is Refresh, beside it
    m_retry->setObjectName(QStringLiteral("keysRetryButton"));
    m_retry->setIcon(icon(IconId::Refresh));
    state->addWidget(m_stateTitle);
    state->addWidget(m_stateText);
    state->addWidget(m_retry, 0, Qt::AlignLeft);
    m_emptyCreate = new QPushButton(tr("&Create a secret key…"), m_statePanel);
    m_emptyCreate->setObjectName(QStringLiteral("emptyCreateButton"));
    m_emptyCreate->setIcon(icon(IconId::NewKey));
    connect(m_emptyCreate, &QPushButton::clicked, m_commands, &KeyCommands::createKey);
    state->addWidget(m_emptyCreate, 0, Qt::AlignLeft);
    m_stack->addWidget(m_statePanel);

    m_details = new KeyDetailsPanel(this);
    m_details->setActions({m_commands->editAction(), m_commands->rotateAction(), m_commands->revokeAction(),
                           m_commands->deleteAction()});
    connect(m_details, &KeyDetailsPanel::noteEdited, this, &KeysPage::saveNote);
    auto *editNote = new QAction(tr("Edit the note of the selected key"), this);
    editNote->setObjectName(QStringLiteral("editNoteAction"));
    editNote->setShortcut(QKeySequence(Qt::Key_F2));
    editNote->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(editNote, &QAction::triggered, m_details, &KeyDetailsPanel::editNote);
    m_secretTab->addAction(editNote);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("keysSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({900, 360});
    layout->addWidget(m_splitter, 1);
    m_tabs->addTab(m_secretTab, tr("&Secret keys"));
    m_tabs->setTabIcon(m_tabs->indexOf(m_secretTab), icon(IconId::KeysPage));
    m_publishable = new PublishableKeysPanel(m_tabs);
    m_tabs->addTab(m_publishable, tr("&Publishable keys"));
    m_tabs->setTabIcon(m_tabs->indexOf(m_publishable), icon(IconId::PublishableKey));
    // Tab follows the screen: the command buttons, then the filter bar beside them (created
    // first), then the list and the details.
    QWidget::setTabOrder(deleteButton, m_filter);
    QWidget::setTabOrder(m_filter, m_status);
    QWidget::setTabOrder(m_status, refreshButton);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &KeyFilterProxy::setText);
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStatusFilter(KeyFilterProxy::StatusFilter(m_status->currentData().toInt()));
    });
    connect(refreshButton, &QPushButton::clicked, this, &KeysPage::refresh);
    connect(m_retry, &QPushButton::clicked, this, &KeysPage::refresh);
    connect(m_model, &KeyListModel::loadingChanged, this, &KeysPage::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &KeysPage::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &KeysPage::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &KeysPage::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        // A refresh or an edit changed the key on show: show the server's newer view of it.
        const QModelIndex shown = m_model->indexOfKey(m_details->keyId());
        if (shown.isValid() && shown.row() >= from.row() && shown.row() <= to.row())
            m_details->showKey(*m_model->keyFromIndex(shown));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &KeysPage::updateSummary);
    m_model->setPageLoader([this](const QString &cursor) { loadPage(cursor, false); });
    // Back to Keyward after a while elsewhere (a deploy, a dashboard): show what changed meanwhile.
    connect(qGuiApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState appState) {
        if (appState == Qt::ApplicationActive && isVisible() && m_sinceLoad.isValid()
            && m_sinceLoad.elapsed() > StaleAfterMs) {
            refresh();
            if (m_publishable->isVisible())
                m_publishable->refresh();
        }
    });
    updateState();
    updateActions();
}

QList<QAction *> KeysPage::menuActions() const
{
    return {m_commands->newAction(), m_commands->editAction(), m_commands->rotateAction(),
            m_commands->revokeAction(), m_commands->deleteAction(), nullptr, m_historyAction, nullptr,
            findChild<QAction *>(QStringLiteral("refreshKeysAction"))};
}

bool KeysPage::canManage() const
{
    return m_commands->canManage();
}

void KeysPage::selectKey(const QString &id)
{
    const QModelIndex row = m_proxy->mapFromSource(m_model->indexOfKey(id));
    if (row.isValid()) {
        m_table->selectRow(row.row());
        m_table->scrollTo(row);
    }
}

void KeysPage::updateActions()
{
    m_commands->updateActions();
    m_historyAction->setEnabled(selectedKeys().size() == 1 && m_session && m_session->identity());
    const bool manage = canManage();
    m_emptyCreate->setVisible(manage && m_service);
    m_details->setCanEdit(manage, tr("Changing keys needs the owner or admin role."));
}

void KeysPage::createKey()
{
    m_commands->createKey();
}

void KeysPage::editSelected()
{
    m_commands->editSelected();
}

void KeysPage::rotateSelected()
{
    m_commands->rotateSelected();
}

void KeysPage::revokeSelected()
{
    m_commands->revokeSelected();
}

void KeysPage::deleteSelected()
{
    m_commands->deleteSelected();
}

QList<ApiKey> KeysPage::selectedKeys() const
{
    QList<ApiKey> keys;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows()) {
        if (const ApiKey *k = m_model->keyFromIndex(m_proxy->mapToSource(row)))
            keys.append(*k);
    }
    return keys;
}

void KeysPage::setSettings(QSettings *settings)
{
    m_commands->setSettings(settings);
}

void KeysPage::updateResumeBar()
{
    // Only those who may change keys can finish a rotation, and only once the list is there.
    const bool show = canManage() && m_loadedOnce && !m_failed && !m_rotations->wizard();
    m_resumeBar->setEntries(show ? m_rotations->unfinished() : QList<RotationProgress>());
}

RotationLauncher *KeysPage::rotations() const
{
    return m_rotations;
}

void KeysPage::saveNote(const QString &id, const QString &note)
{
    if (!m_service || !canManage()) {
        m_details->noteSaveFailed(id, tr("Changing keys needs the owner or admin role."));
        return;
    }
    KeyUpdate change;
    change.note = note;
    m_service->update(id, change, this, [this, id](const Result<ApiKey> &r) {
        if (!r.ok()) {
            m_details->noteSaveFailed(id, r.error().text());
            return;
        }
        m_model->upsert(r.value());
        m_details->noteSaved(r.value());
    });
}

void KeysPage::updateDetails()
{
    const QList<ApiKey> keys = selectedKeys();
    ++m_detailsGeneration;
    if (keys.size() != 1) {
        m_details->showNothing(int(keys.size()));
        return;
    }
    const ApiKey key = keys.constFirst();
    const bool sameKey = m_details->keyId() == key.id;
    m_details->showKey(key);
    if (sameKey || !m_service)
        return;
    if (const auto &catalog = m_commands->catalog())
        m_details->setCatalog(*catalog);
    else
        m_commands->withCatalog(QString(), [](const QList<PermissionResource> &) { }); // descriptions follow quietly
    m_service->get(key.id, this, [this, generation = m_detailsGeneration, id = key.id](const Result<ApiKey> &r) {
        if (generation != m_detailsGeneration)
            return; // the selection moved on
        if (!r.ok()) {
            m_details->showDetailsError(id, r.error().text());
            return;
        }
        m_details->showDetails(r.value());
    });
}

void KeysPage::fitCommandButtons()
{
    // What the row needs with the names shown, measured in that style so that a language's longer
    // names count; the filter, the status list and Refresh keep their own minimums.
    int named = 0;
    for (QToolButton *button : std::as_const(m_commandButtons)) {
        const Qt::ToolButtonStyle was = button->toolButtonStyle();
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        // The layout may squeeze a button down to its icon, so the window can get narrower than
        // the named row; the style below follows before anything is painted.
        button->setMinimumWidth(button->sizeHint().width());
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        named += button->sizeHint().width();
        button->setToolButtonStyle(was);
    }
    const int spacing = std::max(style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, this), 6);
    const int rest = m_filter->minimumWidth() + m_status->minimumSizeHint().width() + m_refreshButton->sizeHint().width()
                     + 12 + 8 * spacing;
    const QMargins margins = m_secretTab->layout()->contentsMargins();
    const int room = m_secretTab->width() - margins.left() - margins.right();
    const Qt::ToolButtonStyle wanted = named + rest <= room ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly;
    for (QToolButton *button : std::as_const(m_commandButtons))
        button->setToolButtonStyle(wanted);
}

void KeysPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitCommandButtons();
    const Qt::Orientation wanted = width() >= SideBySideMinWidth ? Qt::Horizontal : Qt::Vertical;
    if (m_splitter->orientation() != wanted) {
        m_splitter->setOrientation(wanted);
        m_splitterSized = false;
    }
    if (!m_splitterSized && isVisible()) {
        // After the layout has given the splitter its new size: the list keeps most of it.
        m_splitterSized = true;
        // In pixels: given proportions, QSplitter shares the rest by the panes' size policies and
        // the details (a scroll area) took most of it.
        QMetaObject::invokeMethod(this, [this] {
            const bool across = m_splitter->orientation() == Qt::Horizontal;
            const int total = (across ? m_splitter->width() : m_splitter->height()) - m_splitter->handleWidth();
            const int list = total * (across ? 70 : 72) / 100;
            m_splitter->setSizes({list, total - list});
        }, Qt::QueuedConnection);
    }
}

KeysPage::~KeysPage() = default;

void KeysPage::setSession(Session *session)
{
    if (session == m_session)
        return;
    m_session = session;
    m_publishable->setSession(session);
    delete m_service;
    m_service = session ? new KeysService(session->api(), this) : nullptr;
    if (m_service)
        m_service->setPageSize(m_pageSize);
    m_commands->setSession(session, m_service);
    m_model->clear();
    m_details->showNothing(0);
    m_loadedOnce = false;
    m_failed = false;
    updateRole();
    if (isVisible())
        refresh();
    updateState();
}

void KeysPage::updateRole()
{
    updateActions();
    m_publishable->updateRole();
    if (!m_session || !m_session->identity()) {
        // Signed out: nothing of the last account's keys stays on screen.
        m_model->clear();
        m_loadedOnce = false;
        m_failed = false;
    } else if (!m_loadedOnce && isVisible()) {
        refresh();
    }
    const bool readOnly = m_session && m_session->identity() && !m_session->identity()->canManageKeys();
    m_roleNote->setText(readOnly ? tr("You can see keys but not change them: creating, rotating and revoking keys "
                                      "needs the owner or admin role.")
                                 : QString());
    m_roleNote->setVisible(readOnly);
    updateResumeBar();
}

void KeysPage::setPageSize(int size)
{
    m_pageSize = size;
    if (m_service)
        m_service->setPageSize(size);
}

void KeysPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_splitterSized) {
        QResizeEvent again(size(), size());
        resizeEvent(&again);
    }
    if (!m_loadedOnce && m_session && !m_model->isLoading())
        refresh();
}

void KeysPage::refresh()
{
    if (!m_service || m_model->isLoading())
        return;
    m_failed = false;
    loadPage(QString(), true);
}

void KeysPage::loadPage(const QString &cursor, bool replace)
{
    if (!m_service)
        return;
    if (replace)
        m_model->markLoading(); // fetchMore marked the others
    m_loadedOnce = true;
    updateState();
    m_service->listPage(cursor, this, [this, replace](const Result<KeyPage> &r) {
        if (!r.ok()) {
            m_model->pageFailed();
            showError(r.error().message, r.error().requestId);
            return;
        }
        m_failed = false;
        if (replace) {
            m_sinceLoad.start();
            m_model->replaceAll(r.value().keys, r.value().hasMore, r.value().nextCursor);
        } else {
            m_model->appendPage(r.value().keys, r.value().hasMore, r.value().nextCursor);
        }
        updateState();
        updateResumeBar();
    });
}

void KeysPage::showError(const QString &message, const QString &requestId)
{
    m_failed = true;
    if (m_model->rowCount() > 0) {
        // Keep the list the user was looking at; say what failed above it.
        m_summary->setText(requestId.isEmpty() ? message : tr("%1 (request id: %2)").arg(message, requestId));
        return;
    }
    m_stateTitle->setText(tr("Could not load the keys"));
    m_stateText->setText(requestId.isEmpty() ? message : tr("%1\nRequest id: %2").arg(message, requestId));
    m_retry->show();
    m_stack->setCurrentWidget(m_statePanel);
}

void KeysPage::updateState()
{
    if (m_failed && m_model->rowCount() == 0)
        return; // the error panel stays until Retry
    if (m_model->rowCount() > 0) {
        m_stack->setCurrentWidget(m_table);
        updateSummary();
        return;
    }
    m_retry->hide();
    if (!m_loadedOnce || m_model->isLoading() || !m_service) {
        m_stateTitle->setText(tr("Loading keys…"));
        m_stateText->setText(tr("Fetching the organization's secret keys."));
    } else {
        m_stateTitle->setText(tr("No secret keys yet"));
        m_stateText->setText(tr("Keys your applications use to call the API will be listed here, masked, with "
                                "their permissions and last use."));
    }
    m_stack->setCurrentWidget(m_statePanel);
    updateSummary();
}

void KeysPage::updateSummary()
{
    if (m_model->rowCount() == 0) {
        m_summary->clear();
        m_summary->hide();
        return;
    }
    QStringList parts;
    parts.append(tr("%n key(s) loaded", nullptr, m_model->rowCount()));
    const int unused = m_model->countWithBadge(KeyListModel::UnusedFor90Days);
    const int never = m_model->countWithBadge(KeyListModel::NeverExpires);
    const int broad = m_model->countWithBadge(KeyListModel::BroadPermissions);
    const int soon = m_model->countWithBadge(KeyListModel::ExpiresSoon);
    if (unused)
        parts.append(tr("%n unused for 90 days", nullptr, unused));
    if (soon)
        parts.append(tr("%n expiring within 14 days", nullptr, soon));
    if (broad)
        parts.append(tr("%n with write access to everything", nullptr, broad));
    if (never)
        parts.append(tr("%n never expiring", nullptr, never));
    m_summary->setText(parts.join(QStringLiteral(" · ")));
    m_summary->show();
    if (m_stack->currentWidget() != m_table)
        m_stack->setCurrentWidget(m_table);
}

} // namespace keyward

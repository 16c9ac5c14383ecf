// SPDX-License-Identifier: GPL-3.0-or-later
#include "PublishableKeysPanel.h"

#include "CreatePublishableKeyDialog.h"
#include "Icons.h"
#include "MonospaceDelegate.h"
#include "PageLayout.h"
#include "PublishableKeyModel.h"
#include "PublishableKeysService.h"
#include "Session.h"

#include <QAction>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace keyward {

namespace {

const QString ErrorStyle = QStringLiteral("color: #c0392b");

QString shortcutText(QKeySequence::StandardKey key)
{
    return QKeySequence(key).toString(QKeySequence::NativeText);
}

} // namespace

PublishableKeysPanel::PublishableKeysPanel(QWidget *parent)
    : QWidget(parent), m_calls(new QObject(this)), m_model(new PublishableKeyModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_copiedTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("publishableKeysPanel"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PublishableKeyModel::SortRole);
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(tr("Publishable keys identify your account in client-side code such as web pages and "
                                "mobile apps. They are public by design: anyone can read them there, so they cannot "
                                "call the endpoints that need a secret key."),
                             this);
    intro->setObjectName(QStringLiteral("publishableIntro"));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addSpacing(4);

    m_newAction = new QAction(tr("&New publishable key…"), this);
    m_newAction->setObjectName(QStringLiteral("newPublishableKeyAction"));
    m_newAction->setIcon(icon(IconId::NewKey));
    m_newAction->setIconText(m_newAction->text()); // the button shows the ellipsis and the mnemonic
    m_newAction->setShortcut(QKeySequence::New);
    m_copyAction = new QAction(tr("&Copy"), this);
    m_copyAction->setObjectName(QStringLiteral("copyPublishableKeyAction"));
    m_copyAction->setIcon(icon(IconId::Copy));
    m_copyAction->setIconText(m_copyAction->text());
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_deleteAction = new QAction(tr("&Delete…"), this);
    m_deleteAction->setObjectName(QStringLiteral("deletePublishableKeyAction"));
    m_deleteAction->setIcon(icon(IconId::Delete));
    m_deleteAction->setIconText(m_deleteAction->text());
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_refreshAction = new QAction(tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshPublishableKeysAction"));
    m_refreshAction->setIcon(icon(IconId::Refresh));
    // The platform's Refresh keys, and F5 everywhere; a key bound twice would be ambiguous.
    QList<QKeySequence> refreshKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    if (!refreshKeys.contains(QKeySequence(Qt::Key_F5)))
        refreshKeys.append(QKeySequence(Qt::Key_F5));
    m_refreshAction->setShortcuts(refreshKeys);
    for (QAction *a : {m_newAction, m_copyAction, m_deleteAction, m_refreshAction}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    connect(m_newAction, &QAction::triggered, this, &PublishableKeysPanel::createKey);
    connect(m_copyAction, &QAction::triggered, this, &PublishableKeysPanel::copySelected);
    connect(m_deleteAction, &QAction::triggered, this, &PublishableKeysPanel::deleteSelected);
    connect(m_refreshAction, &QAction::triggered, this, &PublishableKeysPanel::refresh);

    auto *bar = new QHBoxLayout;
    for (QAction *a : {m_newAction, m_copyAction, m_deleteAction}) {
        auto *button = new QToolButton(this);
        button->setObjectName(a->objectName().replace(QLatin1String("Action"), QLatin1String("Button")));
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        bar->addWidget(button);
    }
    m_copied = new QLabel(this);
    m_copied->setObjectName(QStringLiteral("publishableCopied"));
    m_copied->setWordWrap(true); // wraps in a narrow window instead of pushing the buttons out
    m_copied->hide();
    bar->addSpacing(8);
    bar->addWidget(m_copied, 1);
    bar->addStretch(0); // the room goes to the copied note when it shows, else pushes Refresh right
    m_refreshButton = new QPushButton(tr("&Refresh"), this);
    m_refreshButton->setObjectName(QStringLiteral("refreshPublishableButton"));
    m_refreshButton->setIcon(icon(IconId::Refresh));
    m_refreshButton->setToolTip(tr("Reload the publishable keys from the server (%1)").arg(shortcutText(QKeySequence::Refresh)));
    connect(m_refreshButton, &QPushButton::clicked, this, &PublishableKeysPanel::refresh);
    bar->addWidget(m_refreshButton);
    layout->addLayout(bar);
    m_copiedTimer->setSingleShot(true);
    connect(m_copiedTimer, &QTimer::timeout, m_copied, &QLabel::hide);

    m_roleNote = new QLabel(this);
    m_roleNote->setObjectName(QStringLiteral("publishableRoleNote"));
    m_roleNote->setWordWrap(true);
    m_roleNote->hide();
    layout->addWidget(m_roleNote);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("publishableMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(ErrorStyle);
    m_message->hide();
    layout->addWidget(m_message);

    m_stack = new QStackedWidget(this);
    m_table = new QTableView(m_stack);
    m_table->setObjectName(QStringLiteral("publishableTable"));
    m_table->setAccessibleName(tr("Publishable keys"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PublishableKeyModel::Created, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false); // Tab leaves the list; the arrows move in it
    m_table->verticalHeader()->hide();
    m_table->setItemDelegateForColumn(PublishableKeyModel::Key, new MonospaceDelegate(m_table));
    // The note says what a key is for and gets the room left; key and date fit their content
    // (fitColumns), and stay resizable by hand.
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(PublishableKeyModel::Note, QHeaderView::Stretch);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addAction(m_copyAction);
    m_table->addAction(m_deleteAction);
    m_stack->addWidget(m_table);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PublishableKeysPanel::updateActions);

    m_statePanel = new QWidget(m_stack);
    m_statePanel->setObjectName(QStringLiteral("publishableState"));
    QVBoxLayout *state = centredColumn(m_statePanel, 520, 10);
    m_stateTitle = new QLabel(m_statePanel);
    m_stateTitle->setObjectName(QStringLiteral("publishableStateTitle"));
    m_stateTitle->setWordWrap(true);
    makeHeading(m_stateTitle, 1.2);
    m_stateText = new QLabel(m_statePanel);
    m_stateText->setObjectName(QStringLiteral("publishableStateText"));
    m_stateText->setWordWrap(true);
    m_stateText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(tr("Re&try"), m_statePanel);
    m_retry->setObjectName(QStringLiteral("publishableRetryButton"));
    m_retry->setIcon(icon(IconId::Refresh));
    m_emptyCreate = new QPushButton(tr("Create a publishable ke&y…"), m_statePanel); // Alt+P: the tab
    m_emptyCreate->setObjectName(QStringLiteral("publishableEmptyCreateButton"));
    m_emptyCreate->setIcon(icon(IconId::NewKey));
    auto *stateButtons = new QHBoxLayout;
    stateButtons->addWidget(m_retry);
    stateButtons->addWidget(m_emptyCreate);
    stateButtons->addStretch(1);
    state->addWidget(m_stateTitle);
    state->addWidget(m_stateText);
    state->addLayout(stateButtons);
    m_stack->addWidget(m_statePanel);
    layout->addWidget(m_stack, 1);
    connect(m_retry, &QPushButton::clicked, this, &PublishableKeysPanel::refresh);
    connect(m_emptyCreate, &QPushButton::clicked, this, &PublishableKeysPanel::createKey);

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_model, signal, this, [this] {
            fitColumns();
            updateView();
            updateActions();
        });
    }
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        fitColumns();
        updateView();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PublishableKeysPanel::fitColumns);
    updateView();
    updateActions();
}

PublishableKeysPanel::~PublishableKeysPanel()
{
    delete m_calls; // nothing answers into a half-destroyed panel
    m_calls = nullptr;
}

bool PublishableKeysPanel::signedIn() const
{
    return m_session && m_session->identity().has_value();
}

bool PublishableKeysPanel::canManage() const
{
    return signedIn() && m_session->identity()->canManageKeys();
}

void PublishableKeysPanel::setSession(Session *session)
{
    if (session == m_session && (session || !m_service)) {
        updateRole();
        return;
    }
    disconnect(m_sessionGone);
    clearAll();
    delete m_service;
    m_service = nullptr;
    m_session = session;
    if (session) {
        m_service = new PublishableKeysService(session->api(), this);
        // The session (and its API client) may go before the panel is told.
        m_sessionGone = connect(session, &QObject::destroyed, this, [this] { setSession(nullptr); });
    }
    updateRole();
}

void PublishableKeysPanel::updateRole()
{
    if (!signedIn())
        clearAll(); // nothing of the last account stays on screen
    else if (m_state == State::Idle && isVisible())
        refresh();
    const bool readOnly = signedIn() && !canManage();
    m_roleNote->setText(readOnly ? tr("You can see and copy publishable keys but not change them: creating and "
                                      "deleting them needs the owner or admin role.")
                                 : QString());
    m_roleNote->setVisible(readOnly);
    updateView();
    updateActions();
}

void PublishableKeysPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_state == State::Idle && signedIn())
        refresh();
}

void PublishableKeysPanel::resetCalls()
{
    delete m_calls; // cancels every call that still has to answer
    m_calls = new QObject(this);
}

void PublishableKeysPanel::clearAll()
{
    resetCalls();
    if (m_createDialog)
        m_createDialog->close();
    if (m_deleteConfirm)
        m_deleteConfirm->close(); // it names a key of the last account
    m_deleting.clear();
    m_failure.clear();
    m_model->clear();
    showMessage(QString());
    m_copied->hide();
    setState(State::Idle);
}

void PublishableKeysPanel::refresh()
{
    if (!m_service || !signedIn() || m_state == State::Loading)
        return;
    setState(State::Loading);
    const int changesBefore = m_changes;
    m_service->list(QString(), m_calls, [this, changesBefore](const Result<QList<PublishableKey>> &r) {
        if (!r.ok()) {
            listFailed(r.error());
            return;
        }
        if (m_changes != changesBefore) {
            // A key was created or deleted meanwhile: this list may predate it.
            m_state = State::Idle;
            refresh();
            return;
        }
        m_model->setKeys(r.value());
        m_failure.clear();
        showMessage(QString());
        setState(State::Loaded);
    });
}

void PublishableKeysPanel::listFailed(const ApiFailure &failure)
{
    m_failure = failure.requestId.isEmpty() ? failure.message
                                            : tr("%1\nRequest id: %2").arg(failure.message, failure.requestId);
    if (m_model->rowCount() > 0) {
        // Keep the list the user was looking at; say above it what failed.
        showMessage(tr("Could not refresh the publishable keys. %1").arg(failure.text()));
        setState(State::Loaded);
        return;
    }
    setState(State::Failed);
}

void PublishableKeysPanel::setState(State state)
{
    m_state = state;
    updateView();
    updateActions();
}

void PublishableKeysPanel::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void PublishableKeysPanel::updateView()
{
    if (signedIn() && m_model->rowCount() > 0) {
        m_stack->setCurrentWidget(m_table);
        return;
    }
    const bool tableHadFocus = m_table->hasFocus();
    m_retry->hide();
    m_emptyCreate->hide();
    if (!signedIn()) {
        m_stateTitle->setText(tr("Not signed in"));
        m_stateText->setText(tr("Sign in to see the organization's publishable keys."));
    } else if (m_state == State::Failed) {
        m_stateTitle->setText(tr("Could not load the publishable keys"));
        m_stateText->setText(m_failure);
        m_retry->show();
    } else if (m_state == State::Loaded) {
        m_stateTitle->setText(tr("No publishable keys yet"));
        m_stateText->setText(canManage()
                                 ? tr("Create one for each web page or app that calls the API from the client side. "
                                      "Publishable keys can be shown and copied at any time.")
                                 : tr("An owner or admin of the organization can create them. Once they exist you "
                                      "can see and copy them here."));
        m_emptyCreate->show();
    } else {
        m_stateTitle->setText(tr("Loading publishable keys…"));
        m_stateText->setText(tr("Fetching the organization's publishable keys from the server."));
    }
    m_stack->setCurrentWidget(m_statePanel);
    if (tableHadFocus) {
        if (m_retry->isVisibleTo(this))
            m_retry->setFocus();
        else if (m_emptyCreate->isVisibleTo(this) && m_emptyCreate->isEnabled())
            m_emptyCreate->setFocus();
    }
}

void PublishableKeysPanel::fitColumns()
{
    // Set by hand rather than with ResizeToContents, which does not follow rows added later.
    const QAbstractItemView *view = m_table; // QTableView hides the public sizeHintForColumn
    const int padding = 2 * m_table->fontMetrics().averageCharWidth();
    for (int column : {int(PublishableKeyModel::Key), int(PublishableKeyModel::Created)}) {
        const int content = qMax(view->sizeHintForColumn(column), m_table->horizontalHeader()->sectionSizeHint(column));
        m_table->setColumnWidth(column, content + padding);
    }
}

const PublishableKey *PublishableKeysPanel::selectedKey() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return nullptr;
    return m_model->keyFromIndex(m_proxy->mapToSource(rows.constFirst()));
}

void PublishableKeysPanel::selectKey(const QString &id)
{
    const QModelIndex row = m_proxy->mapFromSource(m_model->indexOfKey(id));
    if (!row.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(row);
}

void PublishableKeysPanel::updateActions()
{
    const bool manage = canManage() && m_service;
    const PublishableKey *key = selectedKey();
    const QString why = tr("Creating and deleting publishable keys needs the owner or admin role.");
    m_newAction->setEnabled(manage);
    m_newAction->setToolTip(manage ? tr("Create a publishable key (%1)").arg(shortcutText(QKeySequence::New)) : why);
    m_emptyCreate->setEnabled(manage);
    m_emptyCreate->setToolTip(manage ? QString() : why);
    m_copyAction->setEnabled(key != nullptr);
    m_copyAction->setToolTip(tr("Copy the selected key to the clipboard (%1)").arg(shortcutText(QKeySequence::Copy)));
    m_deleteAction->setEnabled(manage && key && !m_deleting.contains(key->id));
    m_deleteAction->setToolTip(manage ? tr("Delete the selected key (%1)").arg(shortcutText(QKeySequence::Delete)) : why);
    const bool canLoad = m_service && signedIn() && m_state != State::Loading;
    m_refreshAction->setEnabled(canLoad);
    m_refreshButton->setEnabled(canLoad);
}

void PublishableKeysPanel::copySelected()
{
    const PublishableKey *key = selectedKey();
    if (!key)
        return;
    // Public by design: no secret marker, no countdown.
    QGuiApplication::clipboard()->setText(key->key);
    // A long note would push the buttons aside: only its start and end.
    const QString note = m_copied->fontMetrics().elidedText(
        key->note, Qt::ElideMiddle, m_copied->fontMetrics().averageCharWidth() * 32);
    m_copied->setText(tr("Copied “%1” to the clipboard.").arg(note));
    m_copied->setToolTip(key->key);
    m_copied->show();
    m_copiedTimer->start(CopiedFeedbackMs);
}

void PublishableKeysPanel::createKey()
{
    if (!canManage() || !m_service)
        return;
    if (m_createDialog) {
        m_createDialog->raise();
        m_createDialog->activateWindow();
        return;
    }
    auto *dialog = new CreatePublishableKeyDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_createDialog = dialog;
    connect(dialog, &CreatePublishableKeyDialog::createRequested, this, [this, dialog](const QString &note) {
        if (!m_service)
            return;
        dialog->setBusy(true);
        dialog->showError(QString());
        QPointer<CreatePublishableKeyDialog> guard(dialog);
        // The panel's context, not the dialog's: a key created after the dialog was closed
        // still shows up in the list.
        m_service->create(note, m_calls, [this, guard](const Result<PublishableKey> &r) {
            if (!r.ok()) {
                if (guard) {
                    guard->setBusy(false);
                    guard->showError(r.error().text()); // nothing is lost: the note stays as typed
                } else {
                    showMessage(tr("Could not create the publishable key. %1").arg(r.error().text()));
                }
                return;
            }
            ++m_changes;
            const bool wholeListKnown = m_state == State::Loaded;
            m_model->upsert(r.value()); // the server's answer
            if (guard)
                guard->accept();
            selectKey(r.value().id);
            m_table->setFocus();
            if (!wholeListKnown)
                refresh(); // the rest of the list was never loaded
        });
    });
    dialog->open();
}

void PublishableKeysPanel::deleteSelected()
{
    const PublishableKey *selected = selectedKey();
    if (!canManage() || !m_service || !selected || m_deleting.contains(selected->id))
        return;
    const PublishableKey key = *selected;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete publishable key"),
                                tr("Delete the publishable key “%1”?").arg(key.note), QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deletePublishableConfirm"));
    box->setInformativeText(tr("%1\n\nWeb pages and apps that still use it stop working with it. The audit log keeps "
                               "its history.")
                                .arg(key.key));
    QPushButton *confirm = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmDeletePublishableButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_deleteConfirm = box;
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm, key](QAbstractButton *clicked) {
        if (clicked != confirm || !m_service || !canManage())
            return;
        m_deleting.append(key.id);
        updateActions();
        m_service->remove(key.id, m_calls, [this, key](const Result<bool> &r) {
            m_deleting.removeAll(key.id);
            if (!r.ok()) {
                showMessage(tr("Could not delete “%1”. %2").arg(key.note, r.error().text()));
                updateActions();
                if (r.error().kind == ApiFailure::Kind::Server && r.error().code == ApiError::Code::NotFound)
                    refresh(); // gone already: show what the server has
                return;
            }
            ++m_changes;
            const int row = m_proxy->mapFromSource(m_model->indexOfKey(key.id)).row();
            m_model->remove(key.id);
            showMessage(QString());
            // Keep the keyboard where it was: on the row that took the deleted one's place.
            if (row >= 0 && m_proxy->rowCount() > 0) {
                const QModelIndex next = m_proxy->index(qMin(row, m_proxy->rowCount() - 1), 0);
                m_table->selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect
                                                                     | QItemSelectionModel::Rows);
            }
            updateActions();
        });
    });
    box->open();
}

} // namespace keyward

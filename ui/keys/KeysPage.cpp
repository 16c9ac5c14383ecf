// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeysPage.h"

#include "KeyFilterProxy.h"
#include "KeyListModel.h"
#include "KeysService.h"
#include "PageLayout.h"
#include "Session.h"

#include <QAction>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace keyward {

namespace {
// The masked key in a fixed-width font, so keys line up and read character by character.
class MonospaceDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    }
};
} // namespace

KeysPage::KeysPage(QWidget *parent)
    : QWidget(parent), m_model(new KeyListModel(this)), m_proxy(new KeyFilterProxy(this))
{
    setObjectName(QStringLiteral("keysPage"));
    m_proxy->setSourceModel(m_model);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);

    auto *title = new QLabel(tr("Secret keys"), this);
    makeHeading(title, 1.4);
    layout->addWidget(title);

    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("keyFilter"));
    m_filter->setPlaceholderText(tr("Filter by note, key, permission or creator"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter keys"));
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    addAction(find);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setAccessibleName(tr("Status filter"));
    m_status->addItem(tr("All"), int(KeyFilterProxy::StatusFilter::All));
    m_status->addItem(tr("Active"), int(KeyFilterProxy::StatusFilter::Active));
    m_status->addItem(tr("Expiring"), int(KeyFilterProxy::StatusFilter::Expiring));
    m_status->addItem(tr("Revoked and expired"), int(KeyFilterProxy::StatusFilter::RevokedOrExpired));
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refreshKeysButton"));
    refreshButton->setToolTip(tr("Reload the keys from the server (F5)"));
    auto *refreshAction = new QAction(this);
    refreshAction->setShortcuts({QKeySequence::Refresh, QKeySequence(Qt::Key_F5)});
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshAction, &QAction::triggered, this, &KeysPage::refresh);
    addAction(refreshAction);
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
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setItemDelegateForColumn(KeyListModel::Key, new MonospaceDelegate(m_table));
    // The note says what a key is for: it gets the room; the rest fits its content.
    m_table->setColumnWidth(KeyListModel::Note, 230);
    m_table->setColumnWidth(KeyListModel::Key, 170);
    m_table->setColumnWidth(KeyListModel::Permissions, 160);
    m_table->setColumnWidth(KeyListModel::Status, 130);
    m_table->setColumnWidth(KeyListModel::Created, 100);
    m_table->setColumnWidth(KeyListModel::LastUsed, 120);
    m_stack->addWidget(m_table);

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
    m_retry = new QPushButton(tr("&Retry"), m_statePanel);
    m_retry->setObjectName(QStringLiteral("keysRetryButton"));
    state->addWidget(m_stateTitle);
    state->addWidget(m_stateText);
    state->addWidget(m_retry, 0, Qt::AlignLeft);
    m_stack->addWidget(m_statePanel);
    layout->addWidget(m_stack, 1);

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
    connect(m_model, &QAbstractItemModel::modelReset, this, &KeysPage::updateSummary);
    m_model->setPageLoader([this](const QString &cursor) { loadPage(cursor, false); });
    updateState();
}

KeysPage::~KeysPage() = default;

void KeysPage::setSession(Session *session)
{
    if (session == m_session)
        return;
    m_session = session;
    delete m_service;
    m_service = session ? new KeysService(session->api(), this) : nullptr;
    if (m_service)
        m_service->setPageSize(m_pageSize);
    m_model->clear();
    m_loadedOnce = false;
    m_failed = false;
    updateRole();
    if (isVisible())
        refresh();
    updateState();
}

void KeysPage::updateRole()
{
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
        if (replace)
            m_model->replaceAll(r.value().keys, r.value().hasMore, r.value().nextCursor);
        else
            m_model->appendPage(r.value().keys, r.value().hasMore, r.value().nextCursor);
        updateState();
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

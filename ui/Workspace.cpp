// SPDX-License-Identifier: GPL-3.0-or-later
#include "Workspace.h"

#include "AuditLogPage.h"
#include "Icons.h"
#include "KeysPage.h"
#include "OverviewPage.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QStackedWidget>

namespace keyward {

Workspace::Workspace(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("workspace"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setMaximumWidth(220);
    m_navigation->setMinimumWidth(160);
    m_navigation->setIconSize(QSize(20, 20));
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_pages->setCurrentIndex(row);
        Q_EMIT currentPageChanged(row);
    });
    m_overview = new OverviewPage(m_pages);
    addPage(m_overview, icon(IconId::Overview), tr("Overview"),
            tr("Who you are signed in as and what you can do"));
    m_keys = new KeysPage(m_pages);
    addPage(m_keys, icon(IconId::KeysPage), tr("Keys"),
            tr("The organization's secret keys, masked"));
    m_audit = new AuditLogPage(m_pages);
    addPage(m_audit, icon(IconId::AuditLog), tr("Audit log"),
            tr("Who did what to which key, when and from where"));
    // From a key to its history, and from an event back to its key.
    connect(m_keys, &KeysPage::showAuditRequested, this, [this](const QString &keyId) {
        m_audit->showKey(keyId);
        setCurrentPage(pageIndex(m_audit));
    });
    connect(m_audit, &AuditLogPage::openKeyRequested, this, [this](const QString &keyId) {
        setCurrentPage(pageIndex(m_keys));
        m_keys->selectKey(keyId);
    });
}

void Workspace::addPage(QWidget *page, const QIcon &icon, const QString &title, const QString &toolTip)
{
    m_pages->addWidget(page);
    auto *item = new QListWidgetItem(icon, title, m_navigation);
    item->setToolTip(toolTip);
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(0);
}

int Workspace::pageCount() const
{
    return m_navigation->count();
}

QString Workspace::pageTitle(int index) const
{
    return m_navigation->item(index) ? m_navigation->item(index)->text() : QString();
}

int Workspace::pageIndex(const QWidget *page) const
{
    return m_pages->indexOf(const_cast<QWidget *>(page));
}

int Workspace::currentPage() const
{
    return m_navigation->currentRow();
}

void Workspace::setCurrentPage(int index)
{
    if (index >= 0 && index < m_navigation->count())
        m_navigation->setCurrentRow(index);
}

void Workspace::setSession(Session *session)
{
    m_overview->setSession(session);
    m_keys->setSession(session);
    m_audit->setSession(session);
}

void Workspace::refresh()
{
    m_overview->refresh();
    m_keys->updateRole();
}

void Workspace::focusNavigation()
{
    m_navigation->setFocus();
}

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QListWidget;
class QStackedWidget;

namespace keyward {

class AuditLogPage;
class KeysPage;
class OverviewPage;
class Session;

// The signed-in area: navigation on the left, the current page on the right. Later pages
// (keys, audit log) plug in with addPage().
class Workspace : public QWidget
{
    Q_OBJECT

public:
    explicit Workspace(QWidget *parent = nullptr);

    void addPage(QWidget *page, const QIcon &icon, const QString &title, const QString &toolTip);
    int pageCount() const;
    QString pageTitle(int index) const;
    int currentPage() const;
    void setCurrentPage(int index);

    void setSession(Session *session);
    // The session's identity or state changed.
    void refresh();
    void focusNavigation();
    KeysPage *keysPage() const { return m_keys; }
    AuditLogPage *auditPage() const { return m_audit; }
    int pageIndex(const QWidget *page) const;

Q_SIGNALS:
    void currentPageChanged(int index);

private:
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    OverviewPage *m_overview;
    KeysPage *m_keys;
    AuditLogPage *m_audit;
};

} // namespace keyward

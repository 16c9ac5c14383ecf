// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace keyward {

// Work in progress (waiting for the browser, resuming a session, starting the sandbox) with
// Cancel and, while the browser is out, "open again" and "copy the link"; or a problem with
// its request id and Retry.
class StatusPage : public QWidget
{
    Q_OBJECT

public:
    explicit StatusPage(QWidget *parent = nullptr);

    void showBusy(const QString &title, const QString &detail, bool cancellable, bool browserActions = false);
    void showError(const QString &title, const QString &message, const QString &requestId);

Q_SIGNALS:
    void cancelRequested();
    void openBrowserAgainRequested();
    void copyLinkRequested();
    void retryRequested();
    void signOutRequested();

private:
    QLabel *m_title;
    QLabel *m_detail;
    QLabel *m_requestId;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_openAgain;
    QPushButton *m_copyLink;
    QPushButton *m_retry;
    QPushButton *m_signOut;
};

} // namespace keyward

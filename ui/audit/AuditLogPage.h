// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditService.h"
#include "AuditVerification.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;
class QVBoxLayout;

namespace keyward {

class AuditEventDetails;
class DeniedSummaryView;
class AuditExport;
class AuditLogModel;
class AuditTimeline;
class ChainVerifier;
class Session;

// The audit log as something to look at: who did what to which key, when and from where. A filter
// bar (category, time range, free text, key, actor, IP; remembered), a timeline of the filter's
// events per hour or day (drag to narrow the time range, click a bar to zoom), the events in a
// table that loads as it scrolls and keeps memory bounded, and the selected event's details.
// Denied requests stand out. What is shown is verified against the server's hash chain and signed
// head ("Verified: N events, chain intact, head signed by the server", or a red banner naming the
// first broken event); "Verify entire log" walks everything in the background. Export writes the
// current filter to CSV or JSON Lines, complete or not at all.
class AuditLogPage : public QWidget
{
    Q_OBJECT

public:
    // The time ranges the filter offers.
    enum class Range { LastHour, Last24Hours, Last7Days, Last30Days, AllTime, Custom };

    explicit AuditLogPage(QWidget *parent = nullptr);
    ~AuditLogPage() override;

    void setSession(Session *session);
    // Where the filter is remembered; none: it is not.
    void setSettings(QSettings *settings);
    // The filter as the controls say, with the range resolved against now.
    AuditFilter filter() const;
    // The filter the table and the timeline show (the controls may be ahead of it while typing).
    const AuditFilter &appliedFilter() const { return m_applied; }
    // Shows one key's events (from the keys page's "Show audit history").
    void showKey(const QString &keyId);
    // Reloads the table and the timeline.
    void refresh();
    // Walks the whole chain with progress and Cancel.
    void verifyEntireLog();
    // Asks for a file and exports the current filter to it.
    void exportEvents();
    // Exports without asking (tests and scripts): format from the suffix (.csv or .jsonl).
    bool exportTo(const QString &path);

    AuditLogModel *model() const { return m_model; }
    AuditTimeline *timeline() const { return m_timeline; }
    DeniedSummaryView *deniedSummary() const { return m_denied; }
    AuditEventDetails *details() const { return m_details; }
    QTableView *table() const { return m_table; }
    // The banner's sentence: verified, broken at an event, or why it could not be checked.
    QString verificationText() const;
    const AuditVerification &lastVerification() const { return m_lastVerification; }
    // Trusts the signing key of the last verification's head from now on (after a deliberate
    // `keyward-server signing-key rotate`).
    void trustNewSigningKey();

Q_SIGNALS:
    // The details' "show the key in the keys list".
    void openKeyRequested(const QString &keyId);
    // A verification (of the view or of everything) ended.
    void verified(const keyward::AuditVerification &result);
    void exportFinished(bool written, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildFilterBar(QWidget *parent, QVBoxLayout *layout);
    // The controls changed: remember them, reset the model, ask for the histogram, re-verify.
    void applyFilter();
    void scheduleApply(int delayMs);
    void loadHistogram();
    // Denied requests grouped by key and reason for the time range: a revoked key still in use
    // is how a leak shows itself.
    void loadDeniedSummary();
    void verifyView();
    void showVerification(const AuditVerification &result);
    void setBanner(const QString &text, const QString &tone);
    void updateDetails();
    void setRange(const QDateTime &since, const QDateTime &until);
    void saveFilter() const;
    // The thumbprint of the server's head-signing key this profile trusts (first sight), or empty.
    QString pinnedThumbprint() const;
    void setPinnedThumbprint(const QString &thumbprint);
    QString pinKey() const;
    void restoreFilter();
    void updateState();

    QPointer<Session> m_session;
    QSettings *m_settings = nullptr;
    AuditService *m_service = nullptr;
    AuditLogModel *m_model;
    ChainVerifier *m_viewVerifier = nullptr;
    QPointer<ChainVerifier> m_fullVerifier;
    QPointer<AuditExport> m_export;
    QComboBox *m_category;
    QComboBox *m_range;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLineEdit *m_text;
    QLineEdit *m_key;
    QLineEdit *m_actor;
    QLineEdit *m_ip;
    QPushButton *m_clear;
    AuditTimeline *m_timeline;
    DeniedSummaryView *m_denied;
    QLabel *m_banner;
    QPushButton *m_verifyAll;
    QPushButton *m_trustKey;
    QPushButton *m_exportButton;
    QProgressBar *m_progress;
    QPushButton *m_cancelJob;
    QStackedWidget *m_stack;
    QTableView *m_table;
    QLabel *m_state;
    AuditEventDetails *m_details;
    QSplitter *m_splitter;
    QTimer *m_applyTimer;
    QTimer *m_verifyTimer;
    AuditVerification m_lastVerification;
    AuditFilter m_applied;
    bool m_restoring = false;
    bool m_loadedOnce = false;
    quint64 m_histogramGeneration = 0;
    quint64 m_deniedGeneration = 0;
};

} // namespace keyward

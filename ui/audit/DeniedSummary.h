// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditService.h"

#include <QDateTime>
#include <QFrame>
#include <QList>

#include <functional>

class QLabel;
class QVBoxLayout;

namespace keyward {

// The aggregate of denied requests above the audit log: at most three lines, most alarming first
// ("⚠ Revoked key “billing (skey_••••3f9a)” used 14 times from 3 addresses (10.0.0.5, 10.0.0.7,
// …), last 5 minutes ago"), then "and N more". A revoked, expired or deleted key still being used
// is the sign of a leaked key and is shown in red; other reasons in normal text. Each line links
// to its requests (showDenied) and, for a key, to the key (openKeyRequested). Shows nothing when
// there are no denials; the page fetches (AuditService::deniedSummary) and calls setSummary.
//
// The class is DeniedSummaryView because DeniedSummary is the data it shows (AuditService.h).
class DeniedSummaryView : public QFrame
{
    Q_OBJECT

public:
    static constexpr int MaxLines = 3;

    explicit DeniedSummaryView(QWidget *parent = nullptr);

    // Shows the summary's first groups in the server's order; hides itself when it has none.
    void setSummary(const DeniedSummary &summary);
    // While a new summary is on its way the lines shown stay, marked as updating.
    void setLoading(bool loading);
    // A sentence about the failure in place of the lines (the page stays usable).
    void setError(const QString &message);
    // Nothing shown, as before the first summary.
    void clear();

    // The lines shown (tests): the text of each, in order.
    QStringList lineTexts() const;
    // The clock "last 5 minutes ago" is measured against (tests pin it).
    void setClock(std::function<QDateTime()> now);

Q_SIGNALS:
    // "Show these requests": auth.denied events of keyId (empty: callers that were not a key)
    // with this reason, exactly as the server wrote it.
    void showDenied(const QString &keyId, const QString &reason);
    // "Open key": the key in the keys list.
    void openKeyRequested(const QString &keyId);
    // "and N more": every denied request of the range.
    void showAllDenied();

private:
    QWidget *lineFor(const DeniedSummaryGroup &group);
    QString lineText(const DeniedSummaryGroup &group) const;
    void clearLines();
    void placeInTabOrder();

    QVBoxLayout *m_lines = nullptr;
    QLabel *m_more = nullptr;
    QLabel *m_status = nullptr;
    QList<QWidget *> m_lineWidgets;
    QStringList m_texts;
    std::function<QDateTime()> m_now;
};

} // namespace keyward

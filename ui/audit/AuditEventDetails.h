// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTimeZone>
#include <QWidget>

#include <functional>

class QFormLayout;
class QFrame;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;

namespace keyward {

// Everything about the selected audit event, beside or below the audit log table: the action in
// words (and its raw name), when it happened, who did it to what, from where, the request id to
// quote, the event's id and chain hash with whether its content still matches that hash, the
// details pretty-printed, and for a denied request a sentence on what was refused and what it may
// mean. Links lead to the key's or the actor's other events and to the key itself; the page acts
// on them. All wording of actions and parties comes from AuditEventFormat.
//
// It shows whatever the JSON holds: a partial or malformed event (missing fields, wrong types)
// shows what is there and leaves the rest as "not recorded".
class AuditEventDetails : public QWidget
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    // What the event's own hash says about its content.
    enum class Integrity {
        Intact,   // the content hashes to the event's "hash"
        Altered,  // it does not: the content was changed after it was chained
        NoHash,   // the event carries no hash to check
        Redacted, // another organisation's stub: only its place in the chain can be checked
    };

    explicit AuditEventDetails(QWidget *parent = nullptr);

    // For "3 hours ago"; the system clock when unset.
    void setClock(Clock clock) { m_clock = std::move(clock); }
    // Times show in this zone (default: the system's), with the UTC instant in the tooltip.
    void setTimeZone(const QTimeZone &zone);

    // Nothing or several events selected.
    void showNothing(int selectedCount);
    // The selected event's JSON is being fetched again (its page was dropped from memory).
    void showLoading();
    // The event could not be fetched; `message` is the sentence to show.
    void showError(const QString &message);
    // One event, exactly as the server sent it (AuditLogModel::EventRole).
    void showAuditEvent(const QJsonObject &event);

    // The event shown now ("evt_<seq>"), empty in the other states.
    QString eventId() const { return m_eventId; }
    Integrity integrity() const { return m_integrity; }

    // For auth.denied: what was refused and what it may mean, from the details the server writes
    // (status, reason, method, path, suppressed_before) and the credential that was refused.
    static QString denialExplanation(const QJsonObject &details, const Actor &actor);

Q_SIGNALS:
    // "Show all events of this key": the key is the event's target or its actor.
    void keyClicked(const QString &keyId);
    // "Show all events by this actor".
    void actorClicked(const QString &actorId);
    // "Show the key in the keys list".
    void openKeyRequested(const QString &keyId);

private:
    void showMessage(const QString &text, bool enabled);
    void fillParty(QLabel *text, QLabel *meta, const Actor &party, const QString &shown);
    void fillIntegrity(const QJsonObject &event);
    void fillDetails(const QJsonValue &details);
    void copy(const QString &text);
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }

    Clock m_clock;
    QTimeZone m_zone;
    QString m_eventId;
    QString m_keyId;
    QString m_actorId;
    QString m_fullRequestId;
    QString m_fullHash;
    Integrity m_integrity = Integrity::NoHash;

    QStackedWidget *m_stack;
    QLabel *m_message;
    QLabel *m_heading;
    QLabel *m_rawAction;
    QLabel *m_integrityLine;
    QFrame *m_deniedBox;
    QLabel *m_denied;
    QFormLayout *m_form;
    QLabel *m_when;
    QLabel *m_whenRelative;
    QLabel *m_actor;
    QLabel *m_actorMeta;
    QLabel *m_target;
    QLabel *m_targetMeta;
    QLabel *m_ip;
    QLabel *m_userAgent;
    QLabel *m_requestId;
    QToolButton *m_copyRequestId;
    QLabel *m_id;
    QLabel *m_hash;
    QToolButton *m_copyHash;
    QLabel *m_copied;
    QLabel *m_keyEventsLink;
    QLabel *m_actorEventsLink;
    QLabel *m_openKeyLink;
    QLabel *m_noDetails;
    QPlainTextEdit *m_detailsJson;
};

} // namespace keyward

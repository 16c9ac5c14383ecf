// SPDX-License-Identifier: GPL-3.0-or-later
#include "RotationPages.h"

#include "AuditEventFormat.h"
#include "AuditService.h"
#include "KeyForm.h"
#include "KeyListModel.h"
#include "SecretRevealPanel.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <memory>
#include <limits>

namespace keyward {

namespace {
QLabel *paragraph(QWidget *parent, const QString &text = {}, const QString &objectName = {})
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    return label;
}

// Requests in the last `minutes` whole minutes (the current one included).
qint64 recentRequests(const ApiKey &key, int minutes)
{
    qint64 sum = 0;
    for (qsizetype i = std::max<qsizetype>(0, key.recentUsage.size() - minutes); i < key.recentUsage.size(); ++i)
        sum += key.recentUsage.at(i).count;
    return sum;
}

int countOf(qint64 n)
{
    return int(std::min<qint64>(n, INT_MAX));
}
} // namespace

// ---- RotationPage --------------------------------------------------------------------------------

RotationPage::RotationPage(QWidget *parent) : QWizardPage(parent) { }

void RotationPage::addStatusLine()
{
    m_status = paragraph(this, {}, QStringLiteral("rotationStatus"));
    m_status->hide();
    layout()->addWidget(m_status);
}

void RotationPage::setStatus(const QString &text, bool error)
{
    if (!m_status)
        return;
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c0392b") : QString());
    m_status->setVisible(!text.isEmpty());
}

void RotationPage::setBusy(bool busy)
{
    m_busy = busy;
    if (wizard()) {
        wizard()->button(QWizard::NextButton)->setEnabled(!busy && isComplete());
        wizard()->button(QWizard::CommitButton)->setEnabled(!busy && isComplete());
        wizard()->button(QWizard::BackButton)->setEnabled(!busy);
    }
}

// ---- 1. Why ------------------------------------------------------------------------------------

ReasonPage::ReasonPage(QWidget *parent) : RotationPage(parent)
{
    setObjectName(QStringLiteral("reasonPage"));
    setTitle(tr("Why rotate this key?"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(paragraph(this, tr("Keyward creates a replacement, watches your application switch to it, "
                                         "and only then retires the old key, so no request fails along the way.")));
    layout->addSpacing(6);
    m_reasons = new QButtonGroup(this);
    const std::pair<RotationReason, const char *> reasons[] = {
        {RotationReason::Scheduled, QT_TR_NOOP("&Scheduled rotation")},
        {RotationReason::SuspectedLeak, QT_TR_NOOP("Suspected &leak: the secret may be known to someone else")},
        {RotationReason::PersonLeft, QT_TR_NOOP("A person who &knew the secret left")}, // Alt+P: Policy
        {RotationReason::Policy, QT_TR_NOOP("&Policy or audit requirement")},
    };
    for (const auto &[reason, text] : reasons) {
        auto *radio = new QRadioButton(tr(text), this);
        radio->setObjectName(QStringLiteral("reason%1").arg(int(reason)));
        m_reasons->addButton(radio, int(reason));
        layout->addWidget(radio);
    }
    m_reasons->button(int(RotationReason::Scheduled))->setChecked(true);
    m_leakWarning = paragraph(this, tr("If the secret leaked, every minute the old key keeps working is a minute "
                                       "someone else can use it. The emergency path revokes it as soon as the "
                                       "replacement exists: requests from your own application fail until it "
                                       "runs with the new key."),
                              QStringLiteral("leakWarning"));
    m_leakWarning->setFrameShape(QFrame::StyledPanel);
    m_leakWarning->setMargin(8);
    layout->addSpacing(8);
    layout->addWidget(m_leakWarning);
    m_emergency = new QCheckBox(tr("&Revoke the old key as soon as the replacement exists (accept the outage)"), this);
    m_emergency->setObjectName(QStringLiteral("emergencyCheckBox"));
    layout->addWidget(m_emergency);
    layout->addStretch(1);
    connect(m_reasons, &QButtonGroup::idToggled, this, &ReasonPage::updateLeak);
    updateLeak();
}

void ReasonPage::initializePage()
{
    // What the wizard was opened for (the revoke confirmation's "revoke and replace" is a leak).
    m_reasons->button(int(result().reason))->setChecked(true);
    m_emergency->setChecked(result().emergency);
    const ApiKey &old = result().oldKey;
    QString text = tr("Key to replace: “%1” (%2).").arg(old.note, old.masked());
    if (old.lastUsedAt.isValid())
        text += QLatin1Char(' ') + tr("Last used %1.").arg(KeyListModel::relativeTime(old.lastUsedAt, rotation()->now()));
    setSubTitle(text);
}

void ReasonPage::updateLeak()
{
    const bool leak = m_reasons->checkedId() == int(RotationReason::SuspectedLeak);
    m_leakWarning->setVisible(leak);
    m_emergency->setVisible(leak);
    if (!leak)
        m_emergency->setChecked(false);
}

bool ReasonPage::validatePage()
{
    result().reason = RotationReason(m_reasons->checkedId());
    result().emergency = m_emergency->isChecked();
    return true;
}

// ---- 2. Replacement ----------------------------------------------------------------------------

ReplacementPage::ReplacementPage(QWidget *parent) : RotationPage(parent)
{
    setObjectName(QStringLiteral("replacementPage"));
    setTitle(tr("The replacement key"));
    setSubTitle(tr("It starts as a copy of the old key's note and permissions. Grant only what the application "
                   "needs: a rotation is a good moment to narrow them."));
    setCommitPage(true); // Next creates the key: there is no coming back to before it
    auto *layout = new QVBoxLayout(this);
    m_hint = paragraph(this, {}, QStringLiteral("narrowingHint"));
    layout->addWidget(m_hint);
    addStatusLine();
}

void ReplacementPage::initializePage()
{
    setButtonText(QWizard::CommitButton, tr("&Create the replacement"));
    if (m_form)
        return; // coming back from the next page never happens (it is a commit page), but be safe
    const ApiKey &old = result().oldKey;
    m_form = new KeyForm(rotation()->catalog(), this);
    if (!rotation()->grantor().isEmpty())
        m_form->setGrantable(rotation()->grantable(), rotation()->grantor());
    m_form->setTemplate(old.note, old.permissions);
    static_cast<QVBoxLayout *>(layout())->insertWidget(0, m_form);
    connect(m_form, &KeyForm::changed, this, &QWizardPage::completeChanged);
    bool writes = false;
    for (const QString &p : old.permissions)
        writes = writes || p.endsWith(QLatin1String(":write"));
    m_hint->setText(writes ? tr("The old key can write. If the application only reads, choose Read here.")
                           : QString());
    m_hint->setVisible(writes);
}

bool ReplacementPage::isComplete() const
{
    return m_form && m_form->problem().isEmpty() && !isBusy();
}

bool ReplacementPage::validatePage()
{
    if (m_proceed)
        return true;
    if (isBusy() || !m_form)
        return false;
    KeyDraft draft = m_form->draft();
    draft.rotates = result().oldKey.id;
    setBusy(true);
    setStatus(tr("Creating the replacement…"));
    rotation()->service()->create(draft, this, [this](Result<CreatedKey> &r) {
        if (!r.ok()) {
            setBusy(false);
            setStatus(tr("The replacement was not created: %1").arg(r.error().text()), true);
            return;
        }
        result().newKey = r.value().key;
        rotation()->setSecret(SecretBuffer(std::move(r.value().secret)));
        rotation()->saveProgress(RotationWizard::RevealPageId);
        if (r.value().replaced)
            Q_EMIT rotation()->keyChanged(*r.value().replaced);
        Q_EMIT rotation()->keyChanged(r.value().key);
        if (!result().emergency) {
            created(r.value().key);
            return;
        }
        setStatus(tr("Revoking the old key…"));
        rotation()->service()->revoke(result().oldKey.id, this, [this, key = r.value().key](const Result<ApiKey> &revoked) {
            if (!revoked.ok()) {
                // The new key exists and its secret must be shown; say the old one still works.
                result().emergency = false;
                setStatus(tr("The old key was NOT revoked: %1. It still works; retire it after the new key "
                             "is deployed.").arg(revoked.error().text()), true);
            } else {
                result().oldKey = revoked.value();
                Q_EMIT rotation()->keyChanged(revoked.value());
            }
            created(key);
        });
    });
    return false;
}

void ReplacementPage::created(const ApiKey &)
{
    setBusy(false);
    m_proceed = true;
    rotation()->saveProgress(RotationWizard::RevealPageId); // the emergency revoke may have failed
    rotation()->next();
}

// ---- 3. Reveal ---------------------------------------------------------------------------------

RevealPage::RevealPage(QWidget *parent) : RotationPage(parent)
{
    setObjectName(QStringLiteral("revealPage"));
    setTitle(tr("Copy the new secret"));
    setSubTitle(tr("This is the only time it is shown. Put it where the application reads its key (a secret "
                   "manager, the deployment's environment) before you go on."));
    setCommitPage(true); // the key exists now: there is no way back to before it
    new QVBoxLayout(this);
}

void RevealPage::initializePage()
{
    setButtonText(QWizard::CommitButton, tr("&Next"));
    if (m_panel || !result().newKey)
        return;
    m_panel = new SecretRevealPanel(*result().newKey, rotation()->takeSecret(), rotation()->clipboard(), this);
    if (result().emergency)
        m_panel->setNotice(tr("The old key %1 is revoked: it answers 401 from now on.").arg(result().oldKey.masked()));
    layout()->addWidget(m_panel);
    static_cast<QVBoxLayout *>(layout())->addStretch(1);
    connect(m_panel, &SecretRevealPanel::storedChanged, this, &QWizardPage::completeChanged);
}

bool RevealPage::isComplete() const
{
    return m_panel && m_panel->isStored();
}

bool RevealPage::validatePage()
{
    if (m_panel)
        m_panel->wipe(); // from here on the secret exists only where the user stored it
    rotation()->progress().secretStored = true;
    rotation()->saveProgress(RotationWizard::VerifyPageId);
    return true;
}

// ---- 4. Deploy and verify ----------------------------------------------------------------------

VerifyPage::VerifyPage(QWidget *parent) : RotationPage(parent), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("verifyPage"));
    setTitle(tr("Deploy the new key and watch it take over"));
    setSubTitle(tr("Keyward asks the server about both keys every few seconds. Go on once the new key carries "
                   "the traffic and the old key has gone quiet."));
    auto *layout = new QVBoxLayout(this);
    m_resumeNote = paragraph(this, {}, QStringLiteral("resumeNotice"));
    m_resumeNote->setFrameShape(QFrame::StyledPanel);
    m_resumeNote->setMargin(8);
    m_resumeNote->hide();
    layout->addWidget(m_resumeNote);
    m_checklist = paragraph(this, {}, QStringLiteral("deployChecklist"));
    layout->addWidget(m_checklist);
    m_verdict = paragraph(this, {}, QStringLiteral("verifyVerdict"));
    QFont f = m_verdict->font();
    f.setWeight(QFont::DemiBold);
    m_verdict->setFont(f);
    m_verdict->setFrameShape(QFrame::StyledPanel);
    m_verdict->setMargin(8);
    layout->addSpacing(6);
    layout->addWidget(m_verdict);
    m_newLine = paragraph(this, {}, QStringLiteral("verifyNewKey"));
    m_oldLine = paragraph(this, {}, QStringLiteral("verifyOldKey"));
    layout->addWidget(m_newLine);
    layout->addWidget(m_oldLine);
    auto *quietRow = new QHBoxLayout;
    auto *quietLabel = new QLabel(tr("Old key &quiet for at least:"), this);
    m_quietMinutes = new QSpinBox(this);
    m_quietMinutes->setObjectName(QStringLiteral("quietMinutes"));
    m_quietMinutes->setRange(1, 24 * 60);
    m_quietMinutes->setValue(5);
    m_quietMinutes->setSuffix(tr(" min"));
    quietLabel->setBuddy(m_quietMinutes);
    quietRow->addWidget(quietLabel);
    quietRow->addWidget(m_quietMinutes);
    quietRow->addStretch(1);
    layout->addLayout(quietRow);
    m_override = new QCheckBox(tr("Go on &anyway: requests that still use the old key will fail once it is retired"),
                               this);
    m_override->setObjectName(QStringLiteral("verifyOverride"));
    layout->addWidget(m_override);
    layout->addStretch(1);
    addStatusLine();
    connect(m_quietMinutes, &QSpinBox::valueChanged, this, [this](int minutes) {
        if (!wizard())
            return;
        rotation()->progress().quietMinutes = minutes;
        rotation()->saveProgress(RotationWizard::VerifyPageId);
        evaluate();
    });
    connect(m_override, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    connect(m_timer, &QTimer::timeout, this, &VerifyPage::poll);
}

void VerifyPage::initializePage()
{
    const ApiKey &old = result().oldKey;
    QStringList steps {
        tr("Put the new key where “%1” is used (the note says where it is deployed).").arg(old.note),
        tr("Restart or reload that application so it reads the new key."),
        result().emergency ? tr("Watch below until the new key is in use.")
                           : tr("Watch below until the new key is in use and the old key is quiet."),
    };
    m_checklist->setText(QStringLiteral("☐ ") + steps.join(QStringLiteral("\n☐ ")));
    const QString notice = rotation()->resumeNotice();
    m_resumeNote->setText(notice);
    m_resumeNote->setVisible(!notice.isEmpty());
    {
        const QSignalBlocker quiet(m_quietMinutes);
        m_quietMinutes->setValue(rotation()->progress().quietMinutes);
    }
    m_quietMinutes->setEnabled(!result().emergency);
    m_newGone = m_oldGone = false;
    m_verdict->setText(tr("Waiting for the first answer from the server…"));
    m_timer->start(rotation()->pollInterval());
    poll();
}

void VerifyPage::cleanupPage()
{
    m_timer->stop();
}

void VerifyPage::poll()
{
    if (m_pending > 0 || !result().newKey)
        return;
    const QStringList ids {result().newKey->id, result().oldKey.id};
    m_pending = int(ids.size());
    for (const QString &id : ids) {
        rotation()->service()->get(id, this, [this, id](const Result<ApiKey> &r) {
            --m_pending;
            const bool old = id == result().oldKey.id;
            if (r.ok()) {
                setStatus(QString());
                (old ? m_oldSeen : m_newSeen) = r.value();
            } else if (r.error().httpStatus == 404) {
                // Deleted elsewhere: the old key's absence retires it; the new key's ends the rotation.
                (old ? m_oldGone : m_newGone) = true;
                if (old && m_oldSeen)
                    m_oldSeen->status = ApiKey::Status::Revoked;
            } else {
                // Keep polling: a dropped connection or a restarting server usually comes back.
                setStatus(tr("Could not ask the server about %1: %2 Trying again in a few seconds.")
                              .arg(old ? result().oldKey.masked() : result().newKey->masked(), r.error().text()),
                          true);
            }
            if (m_pending == 0)
                evaluate();
        });
    }
}

void VerifyPage::evaluate()
{
    if (m_newGone) {
        m_timer->stop();
        m_verdict->setText(tr("The new key %1 no longer exists: it was deleted elsewhere. The rotation cannot go "
                              "on; the old key keeps working. Cancel, then rotate again.")
                               .arg(result().newKey->masked()));
        m_verdict->setStyleSheet(QStringLiteral("color: #b02a37"));
        if (m_green) {
            m_green = false;
            Q_EMIT completeChanged();
        }
        m_override->setEnabled(false);
        return;
    }
    m_override->setEnabled(true);
    if (m_oldGone && !m_oldSeen) {
        ApiKey gone = result().oldKey;
        gone.status = ApiKey::Status::Revoked;
        m_oldSeen = gone;
    }
    if (!m_newSeen || !m_oldSeen)
        return;
    const QDateTime now = rotation()->now();
    const ApiKey &fresh = *m_newSeen;
    const ApiKey &old = *m_oldSeen;
    const bool newUsed = fresh.lastUsedAt.isValid();
    const qint64 newRecent = recentRequests(fresh, 5);
    const qint64 oldRecent = recentRequests(old, 5);
    const bool oldStopped = old.status != ApiKey::Status::Active;
    const qint64 quietSecs = old.lastUsedAt.isValid() ? old.lastUsedAt.secsTo(now) : std::numeric_limits<qint64>::max();
    const bool oldQuiet = oldStopped || quietSecs >= qint64(m_quietMinutes->value()) * 60;

    m_newLine->setText(newUsed ? tr("New key %1: last used %2; %Ln request(s) in the last 5 minutes.", nullptr, countOf(newRecent))
                                     .arg(fresh.masked(), KeyListModel::relativeTime(fresh.lastUsedAt, now))
                               : tr("New key %1: not used yet.").arg(fresh.masked()));
    if (m_oldGone)
        m_oldLine->setText(tr("Old key %1: deleted elsewhere; it answers 401.").arg(old.masked()));
    else if (oldStopped)
        m_oldLine->setText(old.status == ApiKey::Status::Revoked ? tr("Old key %1: revoked; it answers 401.").arg(old.masked())
                                                                   : tr("Old key %1: expired; it answers 401.").arg(old.masked()));
    else if (!old.lastUsedAt.isValid())
        m_oldLine->setText(tr("Old key %1: never used.").arg(old.masked()));
    else
        m_oldLine->setText(tr("Old key %1: last used %2; %Ln request(s) in the last 5 minutes.", nullptr, countOf(oldRecent))
                               .arg(old.masked(), KeyListModel::relativeTime(old.lastUsedAt, now)));

    QString verdict;
    if (!newUsed)
        verdict = tr("Not yet: the new key has not been used. Deploy it and restart the application.");
    else if (!oldQuiet)
        verdict = tr("Almost: the new key is in use, but the old key was used %1. Something still runs with it.")
                      .arg(KeyListModel::relativeTime(old.lastUsedAt, now));
    else if (oldStopped || !old.lastUsedAt.isValid())
        verdict = tr("Done: the new key is in use (%Ln request(s) in the last 5 minutes).", nullptr, countOf(newRecent));
    else
        verdict = tr("Safe to retire: the new key is in use (%Ln request(s) in the last 5 minutes) and the old key "
                     "has been quiet for %1.", nullptr, countOf(newRecent))
                      .arg(tr("%n minute(s)", nullptr, int(quietSecs / 60)));
    const bool green = newUsed && oldQuiet;
    m_verdict->setText(verdict);
    m_verdict->setStyleSheet(green ? QStringLiteral("color: #1e7e34") : QString());
    if (green != m_green) {
        m_green = green;
        Q_EMIT completeChanged();
    }
}

bool VerifyPage::isComplete() const
{
    return !m_newGone && (m_green || m_override->isChecked());
}

bool VerifyPage::validatePage()
{
    result().overrodeVerification = !m_green;
    result().oldGoneElsewhere = m_oldGone;
    if (m_oldSeen)
        result().oldKey = *m_oldSeen;
    if (m_newSeen)
        result().newKey = *m_newSeen;
    m_timer->stop();
    rotation()->saveProgress(RotationWizard::RetirePageId);
    return true;
}

int VerifyPage::nextId() const
{
    // The emergency path already revoked the old key: nothing is left to retire.
    const bool retired = result().emergency || m_oldGone
                         || (m_oldSeen && m_oldSeen->status == ApiKey::Status::Revoked);
    return retired ? RotationWizard::SummaryPageId : RotationWizard::RetirePageId;
}

// ---- 5. Retire the old key ---------------------------------------------------------------------

RetirePage::RetirePage(QWidget *parent) : RotationPage(parent)
{
    setObjectName(QStringLiteral("retirePage"));
    setTitle(tr("Retire the old key"));
    setSubTitle(tr("The replacement carries the traffic. Choose how the old key stops working."));
    setCommitPage(true);
    auto *layout = new QVBoxLayout(this);
    m_advice = paragraph(this, {}, QStringLiteral("retireAdvice"));
    layout->addWidget(m_advice);
    m_choice = new QButtonGroup(this);
    auto *expire = new QRadioButton(tr("Let it &expire after a grace period:"), this);
    expire->setObjectName(QStringLiteral("retireExpire"));
    auto *graceRow = new QHBoxLayout;
    graceRow->addWidget(expire);
    m_grace = new QComboBox(this);
    m_grace->setObjectName(QStringLiteral("graceChoice"));
    m_grace->setAccessibleName(tr("Grace period"));
    m_grace->addItem(tr("1 hour"), 3600);
    m_grace->addItem(tr("24 hours"), 24 * 3600);
    m_grace->addItem(tr("7 days"), 7 * 24 * 3600);
    m_grace->addItem(tr("Until a date…"), -1);
    m_grace->setCurrentIndex(1);
    graceRow->addWidget(m_grace);
    m_custom = new QDateTimeEdit(this);
    m_custom->setObjectName(QStringLiteral("graceCustom"));
    m_custom->setAccessibleName(tr("End of the grace period"));
    m_custom->setCalendarPopup(true);
    m_custom->setEnabled(false);
    graceRow->addWidget(m_custom);
    graceRow->addStretch(1);
    layout->addLayout(graceRow);
    // Alt+R is the commit button, "Retire the old key".
    auto *revoke = new QRadioButton(tr("Re&voke it now: it answers 401 at once and stays listed as revoked"), this);
    revoke->setObjectName(QStringLiteral("retireRevoke"));
    auto *remove = new QRadioButton(tr("&Delete it now: it stops working and leaves the list; the audit log keeps "
                                       "its history"), this);
    remove->setObjectName(QStringLiteral("retireDelete"));
    m_choice->addButton(expire, int(RetireChoice::ExpireAfterGrace));
    m_choice->addButton(revoke, int(RetireChoice::RevokeNow));
    m_choice->addButton(remove, int(RetireChoice::DeleteNow));
    layout->addWidget(revoke);
    layout->addWidget(remove);
    layout->addSpacing(8);
    m_consequence = paragraph(this, {}, QStringLiteral("retireConsequence"));
    m_consequence->setFrameShape(QFrame::StyledPanel);
    m_consequence->setMargin(8);
    layout->addWidget(m_consequence);
    layout->addStretch(1);
    addStatusLine();
    connect(m_grace, &QComboBox::currentIndexChanged, this, [this] {
        m_custom->setEnabled(m_grace->currentData().toInt() < 0);
        updateConsequence();
    });
    connect(m_custom, &QDateTimeEdit::dateTimeChanged, this, &RetirePage::updateConsequence);
    connect(m_choice, &QButtonGroup::idToggled, this, [this] {
        updateConsequence();
        Q_EMIT completeChanged();
    });
}

void RetirePage::initializePage()
{
    setButtonText(QWizard::CommitButton, tr("&Retire the old key"));
    const QDateTime now = rotation()->now();
    m_custom->setMinimumDateTime(now.toLocalTime());
    m_custom->setDateTime(now.toLocalTime().addDays(2));
    // The default follows what the verify page saw: quiet and verified → revoke now is safe; a
    // skipped verification or recent use → a grace period that forgives stragglers.
    if (result().overrodeVerification) {
        m_choice->button(int(RetireChoice::ExpireAfterGrace))->setChecked(true);
        m_grace->setCurrentIndex(1);
        m_advice->setText(tr("The old key may still be in use, so the safest choice is a grace period: requests "
                             "keep working for a while, and the key then expires by itself."));
    } else {
        m_choice->button(int(RetireChoice::ExpireAfterGrace))->setChecked(true);
        m_grace->setCurrentIndex(0);
        m_advice->setText(tr("The new key carries the traffic and the old key is quiet. A short grace period "
                             "costs nothing; revoke now if the old secret may have leaked."));
    }
    if (result().reason == RotationReason::SuspectedLeak)
        m_choice->button(int(RetireChoice::RevokeNow))->setChecked(true);
    updateConsequence();
}

void RetirePage::updateConsequence()
{
    if (!wizard())
        return;
    const QDateTime now = rotation()->now();
    switch (RetireChoice(m_choice->checkedId())) {
    case RetireChoice::ExpireAfterGrace: {
        const QDateTime end = graceEnd();
        m_consequence->setText(tr("Until %1 (%2) both keys work, so anything you missed keeps running. Then the "
                                  "old key answers 401 by itself and the audit log records that it expired. You "
                                  "can still revoke it sooner from the keys page.")
                                   .arg(QLocale().toString(end.toLocalTime(), QLocale::ShortFormat),
                                        KeyListModel::relativeTime(end, now)));
        break;
    }
    case RetireChoice::RevokeNow:
        m_consequence->setText(tr("From the moment you click, every request with the old key answers 401. It stays "
                                  "in the list as revoked, so its history is easy to find."));
        break;
    case RetireChoice::DeleteNow:
        m_consequence->setText(tr("From the moment you click, every request with the old key answers 401 and the "
                                  "key leaves the list. The audit log keeps its history."));
        break;
    default:
        m_consequence->clear();
    }
}

QDateTime RetirePage::graceEnd() const
{
    const int secs = m_grace->currentData().toInt();
    return secs > 0 ? rotation()->now().addSecs(secs) : m_custom->dateTime().toUTC();
}

bool RetirePage::isComplete() const
{
    return m_choice->checkedId() >= 0 && !isBusy();
}

bool RetirePage::validatePage()
{
    if (m_proceed)
        return true;
    if (isBusy())
        return false;
    const auto choice = RetireChoice(m_choice->checkedId());
    const QString id = result().oldKey.id;
    auto finish = [this, choice](const QString &error) {
        setBusy(false);
        if (!error.isEmpty()) {
            setStatus(tr("The old key was not retired: %1").arg(error), true);
            return;
        }
        result().retired = choice;
        rotation()->forgetProgress();
        m_proceed = true;
        rotation()->next();
    };
    // Deleted elsewhere in the meantime: nothing is left to retire, which is what was wanted.
    auto failed = [this, finish, id](const ApiFailure &error) {
        if (error.httpStatus != 404) {
            finish(error.text());
            return;
        }
        result().oldGoneElsewhere = true;
        Q_EMIT rotation()->keyDeleted(id);
        finish(QString());
    };
    setBusy(true);
    KeysService *service = rotation()->service();
    switch (choice) {
    case RetireChoice::ExpireAfterGrace: {
        setStatus(tr("Setting the old key's expiry…"));
        KeyUpdate change;
        change.changeExpiry = true;
        change.expiresAt = graceEnd();
        service->update(id, change, this, [this, finish, failed](const Result<ApiKey> &r) {
            if (!r.ok()) {
                failed(r.error());
                return;
            }
            result().oldKey = r.value();
            result().oldExpiresAt = r.value().expiresAt;
            Q_EMIT rotation()->keyChanged(r.value());
            finish(QString());
        });
        break;
    }
    case RetireChoice::RevokeNow:
        setStatus(tr("Revoking the old key…"));
        service->revoke(id, this, [this, finish, failed](const Result<ApiKey> &r) {
            if (!r.ok()) {
                failed(r.error());
                return;
            }
            result().oldKey = r.value();
            Q_EMIT rotation()->keyChanged(r.value());
            finish(QString());
        });
        break;
    case RetireChoice::DeleteNow:
        setStatus(tr("Deleting the old key…"));
        service->remove(id, this, [this, finish, failed, id](const Result<bool> &r) {
            if (!r.ok()) {
                failed(r.error());
                return;
            }
            Q_EMIT rotation()->keyDeleted(id);
            finish(QString());
        });
        break;
    }
    return false;
}

// ---- 6. Summary --------------------------------------------------------------------------------

SummaryPage::SummaryPage(QWidget *parent) : RotationPage(parent)
{
    setObjectName(QStringLiteral("summaryPage"));
    setTitle(tr("Rotation complete"));
    setSubTitle(tr("The replacement carries the traffic and the old key is on its way out."));
    setFinalPage(true);
    auto *layout = new QVBoxLayout(this);
    m_text = paragraph(this, {}, QStringLiteral("rotationSummary"));
    layout->addWidget(m_text);
    layout->addSpacing(8);
    m_trailTitle = new QLabel(tr("In the audit log"), this);
    QFont bold = m_trailTitle->font();
    bold.setWeight(QFont::DemiBold);
    m_trailTitle->setFont(bold);
    layout->addWidget(m_trailTitle);
    m_trail = paragraph(this, {}, QStringLiteral("rotationTrail"));
    m_trail->setTextFormat(Qt::RichText);
    layout->addWidget(m_trail);
    layout->addSpacing(8);
    m_next = paragraph(this, {}, QStringLiteral("rotationNext"));
    layout->addWidget(m_next);
    layout->addStretch(1);
}

void SummaryPage::initializePage()
{
    rotation()->forgetProgress();
    const RotationResult &r = result();
    const QLocale locale;
    auto esc = [](const QString &t) { return t.toHtmlEscaped(); };
    auto row = [](const QString &mark, const QString &head, const QString &text) {
        return QStringLiteral("<tr><td style='padding:4px 8px 4px 0'>%1</td><td style='padding:4px 12px 4px 0'><b>%2</b></td>"
                              "<td style='padding:4px 0'>%3</td></tr>").arg(mark, head, text);
    };
    const QString done = QStringLiteral("✔");
    QString html = QStringLiteral("<table>");
    if (r.newKey)
        html += row(done, tr("New key"),
                    tr("“%1” <tt>%2</tt><br>Permissions: %3<br><span style='color:gray'>%4</span>")
                        .arg(esc(r.newKey->note), esc(r.newKey->masked()),
                             esc(r.newKey->permissions.join(QStringLiteral(", "))), esc(r.newKey->id)));
    QString oldText;
    if (r.oldGoneElsewhere)
        oldText = tr("deleted elsewhere while the rotation ran.");
    else if (r.emergency)
        oldText = tr("revoked as soon as the replacement existed.");
    else if (r.retired == RetireChoice::ExpireAfterGrace)
        oldText = tr("expires %1 (%2), then answers 401.")
                      .arg(esc(locale.toString(r.oldExpiresAt.toLocalTime(), QLocale::LongFormat)),
                           esc(KeyListModel::relativeTime(r.oldExpiresAt, rotation()->now())));
    else if (r.retired == RetireChoice::RevokeNow)
        oldText = tr("revoked: it answers 401.");
    else if (r.retired == RetireChoice::DeleteNow)
        oldText = tr("deleted: it answers 401 and has left the list.");
    else if (r.oldKey.status == ApiKey::Status::Revoked)
        oldText = tr("already revoked.");
    html += row(done, tr("Old key"),
                QStringLiteral("<tt>%1</tt> %2<br><span style='color:gray'>%3</span>")
                    .arg(esc(r.oldKey.masked()), oldText, esc(r.oldKey.id)));
    if (r.overrodeVerification)
        html += row(QStringLiteral("⚠"), tr("Check"),
                    tr("The traffic check was skipped: watch the application's errors for a while."));
    html += QStringLiteral("</table>");
    m_text->setTextFormat(Qt::RichText);
    m_text->setText(html);
    m_next->setText(tr("After Finish, the new key is selected in the list with its details."));
    loadTrail();
}

void SummaryPage::loadTrail()
{
    AuditService *audit = rotation()->auditService();
    const RotationResult &r = result();
    m_trailTitle->setVisible(audit && r.newKey);
    m_trail->setVisible(audit && r.newKey);
    if (!audit || !r.newKey)
        return;
    m_trail->setText(tr("Reading both keys' events…"));
    // Two small pages, one per key; the rotation's own events are among the newest of each.
    auto events = std::make_shared<QMap<QString, QJsonObject>>(); // by id: the rotation event is in both
    auto pending = std::make_shared<int>(2);
    auto failure = std::make_shared<QString>();
    for (const QString &keyId : {r.oldKey.id, r.newKey->id}) {
        AuditFilter filter;
        filter.keyId = keyId;
        audit->page(filter, QString(), 20, this, [this, events, pending, failure](const Result<AuditPage> &page) {
            if (page.ok()) {
                for (const QJsonObject &e : page.value().events)
                    events->insert(e.value(QStringLiteral("id")).toString(), e);
            } else if (failure->isEmpty()) {
                *failure = page.error().httpStatus == 403
                               ? tr("Your role cannot read the audit log, so the trail is not shown here.")
                               : tr("The audit trail could not be read: %1").arg(page.error().text());
            }
            if (--*pending > 0)
                return;
            if (events->isEmpty()) {
                m_trail->setText(failure->isEmpty() ? tr("No events yet.") : failure->toHtmlEscaped());
                return;
            }
            QList<QJsonObject> ordered = events->values();
            std::sort(ordered.begin(), ordered.end(), [](const QJsonObject &a, const QJsonObject &b) {
                return a.value(QStringLiteral("at")).toString() < b.value(QStringLiteral("at")).toString();
            });
            if (ordered.size() > MaxTrailRows) // the rotation's own events are the newest
                ordered = ordered.mid(ordered.size() - MaxTrailRows);
            const QLocale locale;
            const QDate today = rotation()->now().toLocalTime().date();
            QString html = QStringLiteral("<table>");
            for (const QJsonObject &e : ordered) {
                const QDateTime at = QDateTime::fromString(e.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs)
                                         .toLocalTime();
                const QString when = at.date() == today ? locale.toString(at.time(), QLocale::ShortFormat)
                                                        : locale.toString(at, QLocale::ShortFormat);
                // "Ada Admin <ada@example.com>" reads as the name here; the audit page shows the rest.
                QString actor = AuditEventFormat::actorText(Actor::fromJson(e.value(QStringLiteral("actor")).toObject()));
                if (const qsizetype angle = actor.indexOf(QStringLiteral(" <")); angle > 0)
                    actor.truncate(angle);
                const QString target = AuditEventFormat::maskedKeyOf(
                    e.value(QStringLiteral("target")).toObject().value(QStringLiteral("display")).toString());
                html += QStringLiteral("<tr><td style='padding:1px 12px 1px 0; color:gray; white-space:nowrap'>%1</td>"
                                       "<td style='padding:1px 12px 1px 0; white-space:nowrap'>%2</td>"
                                       "<td style='padding:1px 12px 1px 0; white-space:nowrap'><b>%3</b></td>"
                                       "<td style='padding:1px 0; white-space:nowrap'><tt>%4</tt></td></tr>")
                            .arg(when.toHtmlEscaped(), actor.toHtmlEscaped(),
                                 AuditEventFormat::actionText(e).toHtmlEscaped(), target.toHtmlEscaped());
            }
            html += QStringLiteral("</table>");
            if (!failure->isEmpty())
                html += QStringLiteral("<p>%1</p>").arg(failure->toHtmlEscaped());
            m_trail->setText(html);
        });
    }
}

} // namespace keyward

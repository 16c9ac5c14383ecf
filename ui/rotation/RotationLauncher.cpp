// SPDX-License-Identifier: GPL-3.0-or-later
#include "RotationLauncher.h"

#include "KeysService.h"
#include "RotationWizard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace keyward {

RotationLauncher::RotationLauncher(QWidget *owner) : QObject(owner), m_owner(owner)
{
}

RotationLauncher::~RotationLauncher() = default;

void RotationLauncher::setJournal(std::optional<RotationJournal> journal)
{
    m_journal = std::move(journal);
    Q_EMIT journalChanged();
}

void RotationLauncher::setGrantable(const QStringList &permissions, const QString &who)
{
    m_grantable = permissions;
    m_grantor = who;
}

QList<RotationProgress> RotationLauncher::unfinished() const
{
    return m_journal ? m_journal->all() : QList<RotationProgress>();
}

void RotationLauncher::forget(const QString &oldKeyId)
{
    if (!m_journal)
        return;
    m_journal->forget(oldKeyId);
    Q_EMIT journalChanged();
}

bool RotationLauncher::canRotate() const
{
    return !m_wizard && !m_busy && m_service;
}

RotationWizard *RotationLauncher::wizard() const
{
    return m_wizard;
}

void RotationLauncher::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

QString RotationLauncher::stepName(int step)
{
    switch (step) {
    case RotationWizard::RevealPageId:
        return tr("copying the new secret");
    case RotationWizard::RetirePageId:
        return tr("retiring the old key");
    default:
        return tr("deploying and verifying the new key");
    }
}

bool RotationLauncher::canStart()
{
    if (m_wizard) { // one rotation at a time: bring it to the front
        m_wizard->raise();
        m_wizard->activateWindow();
        return false;
    }
    return !m_busy && m_service;
}

void RotationLauncher::rotate(const ApiKey &key, const QList<PermissionResource> &catalog, bool emergency)
{
    if (!canStart())
        return;
    if (const auto saved = m_journal ? m_journal->find(key.id) : std::nullopt) {
        fetchAndResume(key.id, *saved, true, catalog);
        return;
    }
    if (!key.rotatedBy.isEmpty() && key.status == ApiKey::Status::Active) {
        // Started elsewhere (or the journal was lost): the server knows the replacement.
        RotationProgress progress;
        progress.oldKeyId = key.id;
        progress.newKeyId = key.rotatedBy;
        progress.secretStored = true;
        fetchAndResume(key.id, progress, false, catalog);
        return;
    }
    open(key, catalog, std::nullopt, {}, false, emergency);
}

void RotationLauncher::resume(const RotationProgress &progress, const QList<PermissionResource> &catalog)
{
    if (!canStart())
        return;
    fetchAndResume(progress.oldKeyId, progress, true, catalog);
}

void RotationLauncher::fetchAndResume(const QString &oldKeyId, const RotationProgress &progress, bool fromJournal,
                                      const QList<PermissionResource> &catalog)
{
    setBusy(true);
    const QString title = tr("Resume rotation");
    m_service->get(oldKeyId, this, [=, this](const Result<ApiKey> &old) {
        if (!old.ok()) {
            setBusy(false);
            if (old.error().httpStatus == 404) {
                QMessageBox::information(m_owner, title,
                                         tr("The key %1 no longer exists: it was deleted, so the rotation has "
                                            "nothing left to retire. Keyward forgets it.")
                                             .arg(progress.oldMasked.isEmpty() ? oldKeyId : progress.oldMasked));
                forget(oldKeyId);
                Q_EMIT keyDeleted(oldKeyId);
            } else {
                QMessageBox::warning(m_owner, title, tr("The rotation cannot go on yet: %1").arg(old.error().text()));
            }
            return;
        }
        m_service->get(progress.newKeyId, this, [=, this, oldKey = old.value()](const Result<ApiKey> &fresh) {
            setBusy(false);
            if (!fresh.ok() && fresh.error().httpStatus != 404) {
                QMessageBox::warning(m_owner, title, tr("The rotation cannot go on yet: %1").arg(fresh.error().text()));
                return;
            }
            if (!fresh.ok() || fresh.value().status != ApiKey::Status::Active) {
                const QString masked = progress.newMasked.isEmpty() ? progress.newKeyId : progress.newMasked;
                QMessageBox::information(m_owner, title,
                                         tr("The replacement %1 was revoked, deleted or has expired, so this rotation "
                                            "cannot go on. The old key %2 is unchanged; rotate it again when you are "
                                            "ready.").arg(masked, oldKey.masked()));
                forget(oldKeyId);
                if (fresh.ok())
                    Q_EMIT keyChanged(fresh.value());
                return;
            }
            Q_EMIT keyChanged(oldKey);
            Q_EMIT keyChanged(fresh.value());
            open(oldKey, catalog, fresh.value(), progress, fromJournal);
        });
    });
}

void RotationLauncher::open(const ApiKey &oldKey, const QList<PermissionResource> &catalog,
                            const std::optional<ApiKey> &newKey, const RotationProgress &progress, bool fromJournal,
                            bool emergency)
{
    auto *wizard = new RotationWizard(oldKey, m_service, catalog, m_clipboard, m_owner);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setAuditService(m_audit);
    if (!m_grantor.isEmpty())
        wizard->setGrantable(m_grantable, m_grantor);
    if (m_journal)
        wizard->setJournal(*m_journal);
    if (newKey)
        wizard->resume(*newKey, progress, fromJournal);
    else if (emergency)
        wizard->presetEmergency();
    connect(wizard, &RotationWizard::keyChanged, this, &RotationLauncher::keyChanged);
    connect(wizard, &RotationWizard::keyDeleted, this, &RotationLauncher::keyDeleted);
    connect(wizard, &QDialog::finished, this, [this] {
        m_wizard = nullptr; // closing, deleted later
        Q_EMIT journalChanged();
    });
    connect(wizard, &QDialog::accepted, this, [this, wizard] {
        if (wizard->result().newKey)
            Q_EMIT finished(wizard->result().newKey->id);
    });
    m_wizard = wizard;
    wizard->open();
    Q_EMIT journalChanged();
}

// ---- the bar -----------------------------------------------------------------------------------

RotationResumeBar::RotationResumeBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("rotationResumeBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("rotationResumeText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text, 1);
    m_resume = new QPushButton(tr("Resu&me rotation"), this);
    m_resume->setObjectName(QStringLiteral("resumeRotationButton"));
    m_forget = new QPushButton(tr("Forge&t"), this);
    m_forget->setObjectName(QStringLiteral("forgetRotationButton"));
    m_forget->setToolTip(tr("Stop reminding me. Both keys keep working; Rotate on the old key still finds the "
                            "replacement."));
    layout->addWidget(m_resume);
    layout->addWidget(m_forget);
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (m_shown)
            Q_EMIT resumeRequested(*m_shown);
    });
    connect(m_forget, &QPushButton::clicked, this, [this] {
        if (m_shown)
            Q_EMIT forgetRequested(*m_shown);
    });
    hide();
}

void RotationResumeBar::setEntries(const QList<RotationProgress> &entries)
{
    if (entries.isEmpty()) {
        m_shown.reset();
        hide();
        return;
    }
    m_shown = entries.constFirst();
    const RotationProgress &p = *m_shown;
    QString text = tr("<b>Unfinished rotation:</b> “%1” <tt>%2</tt> → <tt>%3</tt>, stopped while %4 on %5.")
                       .arg(p.oldNote.toHtmlEscaped(), p.oldMasked.toHtmlEscaped(), p.newMasked.toHtmlEscaped(),
                            RotationLauncher::stepName(p.step),
                            QLocale().toString(p.updatedAt.toLocalTime(), QLocale::ShortFormat));
    if (entries.size() > 1)
        text += QLatin1Char(' ') + tr("%n more rotation(s) are unfinished.", nullptr, int(entries.size() - 1));
    m_text->setText(text);
    show();
}

void RotationResumeBar::setBusy(bool busy)
{
    m_resume->setEnabled(!busy);
    m_forget->setEnabled(!busy);
    m_resume->setText(busy ? tr("Checking both keys…") : tr("Resu&me rotation"));
}

} // namespace keyward

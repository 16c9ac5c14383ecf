// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RotationWizard.h"

#include <QPointer>
#include <QWizardPage>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QSpinBox;
class QTimer;

namespace keyward {

class KeyForm;
class SecretRevealPanel;

// The base of the wizard's pages: typed access to the wizard and its result, and a status line
// for the server call a page is waiting on.
class RotationPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit RotationPage(QWidget *parent = nullptr);

protected:
    RotationWizard *rotation() const { return static_cast<RotationWizard *>(wizard()); }
    RotationResult &result() const { return rotation()->result(); }
    // Shows progress ("Creating the replacement…") or an error; empty hides it.
    void setStatus(const QString &text, bool error = false);
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    QLabel *statusLabel() const { return m_status; }
    // Adds the status line at the end of the page's layout.
    void addStatusLine();

private:
    QLabel *m_status = nullptr;
    bool m_busy = false;
};

class ReasonPage : public RotationPage
{
    Q_OBJECT

public:
    explicit ReasonPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool validatePage() override;

private:
    void updateLeak();
    QButtonGroup *m_reasons;
    QLabel *m_leakWarning;
    QCheckBox *m_emergency;
};

class ReplacementPage : public RotationPage
{
    Q_OBJECT

public:
    explicit ReplacementPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void created(const ApiKey &key);
    KeyForm *m_form = nullptr;
    QLabel *m_hint;
    bool m_proceed = false; // the replacement exists: the next Next goes on
};

class RevealPage : public RotationPage
{
    Q_OBJECT

public:
    explicit RevealPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    QPointer<SecretRevealPanel> m_panel;
};

class VerifyPage : public RotationPage
{
    Q_OBJECT

public:
    explicit VerifyPage(QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;
    // Asks the server about both keys now (the timer does it every poll interval).
    void poll();
    bool isGreen() const { return m_green; }

private:
    void evaluate();
    QLabel *m_resumeNote;
    QLabel *m_checklist;
    QLabel *m_verdict;
    QLabel *m_newLine;
    QLabel *m_oldLine;
    QSpinBox *m_quietMinutes;
    QCheckBox *m_override;
    QTimer *m_timer;
    std::optional<ApiKey> m_newSeen;
    std::optional<ApiKey> m_oldSeen;
    int m_pending = 0;
    bool m_green = false;
    bool m_newGone = false; // 404: deleted elsewhere
    bool m_oldGone = false;
};

class RetirePage : public RotationPage
{
    Q_OBJECT

public:
    explicit RetirePage(QWidget *parent = nullptr);
    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;

private:
    QDateTime graceEnd() const;
    // Says what the chosen way of retiring means for requests still using the old key.
    void updateConsequence();
    QButtonGroup *m_choice;
    QLabel *m_consequence;
    QComboBox *m_grace;
    QDateTimeEdit *m_custom;
    QLabel *m_advice;
    bool m_proceed = false;
};

class SummaryPage : public RotationPage
{
    Q_OBJECT

public:
    explicit SummaryPage(QWidget *parent = nullptr);
    void initializePage() override;

private:
    // Both keys' audit events, oldest first, once the server has them.
    void loadTrail();
    static constexpr int MaxTrailRows = 12;
    QLabel *m_text;
    QLabel *m_trailTitle;
    QLabel *m_trail;
    QLabel *m_next;
};

} // namespace keyward

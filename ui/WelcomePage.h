// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QFrame;

namespace keyward {

struct ApiFailure;
struct Profile;

// Signed out: what Keyward does, the active profile, "Sign in with browser", and the last
// problem with a retry.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

    void setProfile(const Profile *profile); // nullptr: no profile yet
    void showProblem(const QString &message, const QString &requestId);
    void showInformation(const QString &message);
    void clearMessage();

Q_SIGNALS:
    void signInRequested();
    void manageProfilesRequested();

private:
    QLabel *m_profileName;
    QLabel *m_profileDetails;
    QPushButton *m_signIn;
    QPushButton *m_manage;
    QFrame *m_messageBox;
    QLabel *m_message;
    QLabel *m_requestId;
    QPushButton *m_retry;
};

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Profile.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace keyward {

class ProfileStore;

// Add, edit, remove and switch the servers the admin manages. Profiles hold no secrets.
class ProfilesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProfilesDialog(ProfileStore *store, QWidget *parent = nullptr);

Q_SIGNALS:
    void useProfileRequested(const QString &name);
    void profileRemoved(const keyward::Profile &profile);

private:
    void reload(const QString &select);
    void showSelected();
    void addNew();
    bool saveCurrent();
    void removeSelected();

    ProfileStore *m_store;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_api;
    QLineEdit *m_issuer;
    QLineEdit *m_clientId;
    QLineEdit *m_scopes;
    QLabel *m_problem;
    QPushButton *m_save;
    QPushButton *m_remove;
    QPushButton *m_use;
    QString m_editing; // name of the profile in the form; empty for a new one
};

} // namespace keyward

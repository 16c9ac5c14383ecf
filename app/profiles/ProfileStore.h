// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Profile.h"

#include <QList>
#include <QObject>
#include <optional>

class QSettings;

namespace keyward {

// The admin's profiles in QSettings (no secrets), plus which one is active. A transient profile
// (from the command line or the sandbox) is active for this run without being saved.
class ProfileStore : public QObject
{
    Q_OBJECT

public:
    explicit ProfileStore(QSettings *settings, QObject *parent = nullptr);

    QList<Profile> profiles() const; // saved ones, sorted by name, then the transient one
    std::optional<Profile> profile(const QString &name) const;
    std::optional<Profile> current() const;

    // Adds or replaces by name; returns an error sentence or empty. `previousName` renames.
    QString save(const Profile &profile, const QString &previousName = {});
    void remove(const QString &name);
    // Makes `name` the active profile (remembered unless transient).
    bool setCurrent(const QString &name);
    // A profile for this run only, made active.
    void setTransient(const Profile &profile);

Q_SIGNALS:
    void profilesChanged();
    void currentChanged(const QString &name);

private:
    QSettings *m_settings;
    std::optional<Profile> m_transient;
    QString m_current;
};

} // namespace keyward

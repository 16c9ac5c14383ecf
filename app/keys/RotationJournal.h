// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class QSettings;

namespace keyward {

// Where a rotation was left, so that closing the wizard or the app halfway and coming back offers
// to go on. Ids, masked values, the step and the choices made: never a secret. The rotation wizard
// defines what `step` and `reason` mean; the journal only keeps them.
struct RotationProgress
{
    QString oldKeyId;
    QString oldNote;
    QString oldMasked;
    QString newKeyId;
    QString newMasked;
    int step = 0;
    int reason = 0;
    bool emergency = false;     // the old key was revoked as soon as the replacement existed
    bool secretStored = false;  // the admin confirmed the new secret is stored
    int quietMinutes = 5;       // the verify step's threshold
    QDateTime startedAt;        // UTC
    QDateTime updatedAt;        // UTC

    bool isValid() const { return !oldKeyId.isEmpty() && !newKeyId.isEmpty(); }
};

// The rotations in progress of one profile, kept in the app's settings under
// rotations/<profile id>/<old key id>. Cheap to construct; every call reads or writes the settings.
class RotationJournal
{
public:
    RotationJournal(QSettings *settings, const QString &profileId);

    // Oldest first.
    QList<RotationProgress> all() const;
    std::optional<RotationProgress> find(const QString &oldKeyId) const;
    // The rotation whose replacement is this key, if any.
    std::optional<RotationProgress> findByNewKey(const QString &newKeyId) const;
    // Adds or replaces the entry for progress.oldKeyId; stamps updatedAt (and startedAt if unset).
    void save(RotationProgress progress);
    void forget(const QString &oldKeyId);

private:
    QString group() const;

    QSettings *m_settings;
    QString m_profileId;
};

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#include "RotationJournal.h"

#include <QSettings>

#include <algorithm>

namespace keyward {

namespace {

// QSettings keys must not hold '/' or '\\'; ids and profile ids are URL-safe, but be sure.
QString safeKey(const QString &s)
{
    return QString::fromLatin1(s.toUtf8().toPercentEncoding("-_.~"));
}

} // namespace

RotationJournal::RotationJournal(QSettings *settings, const QString &profileId)
    : m_settings(settings), m_profileId(profileId)
{
}

QString RotationJournal::group() const
{
    return QStringLiteral("rotations/") + safeKey(m_profileId.isEmpty() ? QStringLiteral("default") : m_profileId);
}

QList<RotationProgress> RotationJournal::all() const
{
    QList<RotationProgress> out;
    if (!m_settings)
        return out;
    m_settings->beginGroup(group());
    const QStringList entries = m_settings->childGroups();
    for (const QString &entry : entries) {
        m_settings->beginGroup(entry);
        RotationProgress p;
        p.oldKeyId = m_settings->value(QStringLiteral("old_key_id")).toString();
        p.oldNote = m_settings->value(QStringLiteral("old_note")).toString();
        p.oldMasked = m_settings->value(QStringLiteral("old_masked")).toString();
        p.newKeyId = m_settings->value(QStringLiteral("new_key_id")).toString();
        p.newMasked = m_settings->value(QStringLiteral("new_masked")).toString();
        p.step = m_settings->value(QStringLiteral("step")).toInt();
        p.reason = m_settings->value(QStringLiteral("reason")).toInt();
        p.emergency = m_settings->value(QStringLiteral("emergency")).toBool();
        p.secretStored = m_settings->value(QStringLiteral("secret_stored")).toBool();
        p.quietMinutes = std::clamp(m_settings->value(QStringLiteral("quiet_minutes"), 5).toInt(), 1, 24 * 60);
        p.startedAt = m_settings->value(QStringLiteral("started_at")).toDateTime().toUTC();
        p.updatedAt = m_settings->value(QStringLiteral("updated_at")).toDateTime().toUTC();
        m_settings->endGroup();
        if (p.isValid())
            out.append(p);
    }
    m_settings->endGroup();
    std::sort(out.begin(), out.end(), [](const RotationProgress &a, const RotationProgress &b) {
        return a.startedAt < b.startedAt;
    });
    return out;
}

std::optional<RotationProgress> RotationJournal::find(const QString &oldKeyId) const
{
    for (const RotationProgress &p : all()) {
        if (p.oldKeyId == oldKeyId)
            return p;
    }
    return std::nullopt;
}

std::optional<RotationProgress> RotationJournal::findByNewKey(const QString &newKeyId) const
{
    for (const RotationProgress &p : all()) {
        if (p.newKeyId == newKeyId)
            return p;
    }
    return std::nullopt;
}

void RotationJournal::save(RotationProgress progress)
{
    if (!m_settings || !progress.isValid())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!progress.startedAt.isValid())
        progress.startedAt = now;
    progress.updatedAt = now;
    m_settings->beginGroup(group() + QLatin1Char('/') + safeKey(progress.oldKeyId));
    m_settings->setValue(QStringLiteral("old_key_id"), progress.oldKeyId);
    m_settings->setValue(QStringLiteral("old_note"), progress.oldNote);
    m_settings->setValue(QStringLiteral("old_masked"), progress.oldMasked);
    m_settings->setValue(QStringLiteral("new_key_id"), progress.newKeyId);
    m_settings->setValue(QStringLiteral("new_masked"), progress.newMasked);
    m_settings->setValue(QStringLiteral("step"), progress.step);
    m_settings->setValue(QStringLiteral("reason"), progress.reason);
    m_settings->setValue(QStringLiteral("emergency"), progress.emergency);
    m_settings->setValue(QStringLiteral("secret_stored"), progress.secretStored);
    m_settings->setValue(QStringLiteral("quiet_minutes"), progress.quietMinutes);
    m_settings->setValue(QStringLiteral("started_at"), progress.startedAt);
    m_settings->setValue(QStringLiteral("updated_at"), progress.updatedAt);
    m_settings->endGroup();
    m_settings->sync(); // the app may be killed mid-rotation: that is the point of the journal
}

void RotationJournal::forget(const QString &oldKeyId)
{
    if (!m_settings)
        return;
    m_settings->remove(group() + QLatin1Char('/') + safeKey(oldKeyId));
    m_settings->sync();
}

} // namespace keyward

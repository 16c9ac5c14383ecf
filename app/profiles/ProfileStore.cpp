// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProfileStore.h"

#include <QSettings>
#include <QUuid>

#include <algorithm>

namespace keyward {

namespace {
const QString Group = QStringLiteral("profiles");
const QString CurrentKey = QStringLiteral("currentProfile");

// QSettings keys may not hold '/' or '\\': store each profile under an index-free encoded name.
QString groupKey(const QString &name)
{
    return QString::fromLatin1(name.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

ProfileStore::ProfileStore(QSettings *settings, QObject *parent) : QObject(parent), m_settings(settings)
{
    m_current = m_settings->value(CurrentKey).toString();
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> list;
    m_settings->beginGroup(Group);
    const QStringList groups = m_settings->childGroups();
    for (const QString &g : groups) {
        m_settings->beginGroup(g);
        Profile p;
        p.id = m_settings->value(QStringLiteral("id")).toString();
        p.name = m_settings->value(QStringLiteral("name")).toString();
        p.apiUrl = QUrl(m_settings->value(QStringLiteral("apiUrl")).toString());
        p.issuerUrl = QUrl(m_settings->value(QStringLiteral("issuerUrl")).toString());
        p.clientId = m_settings->value(QStringLiteral("clientId"), p.clientId).toString();
        p.scopes = m_settings->value(QStringLiteral("scopes"), p.scopes).toString();
        m_settings->endGroup();
        if (p.id.isEmpty()) // written before profiles had ids
            p.id = p.name;
        if (!p.name.isEmpty())
            list.append(p);
    }
    m_settings->endGroup();
    std::sort(list.begin(), list.end(), [](const Profile &a, const Profile &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    if (m_transient)
        list.append(*m_transient);
    return list;
}

std::optional<Profile> ProfileStore::profile(const QString &name) const
{
    for (const Profile &p : profiles()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

std::optional<Profile> ProfileStore::current() const
{
    if (auto p = profile(m_current))
        return p;
    const QList<Profile> all = profiles();
    if (!all.isEmpty())
        return all.first();
    return std::nullopt;
}

QString ProfileStore::save(const Profile &profile, const QString &previousName)
{
    const QString problem = profile.validate();
    if (!problem.isEmpty())
        return problem;
    if (profile.name != previousName && this->profile(profile.name) && !(m_transient && m_transient->name == profile.name))
        return tr("A profile named “%1” already exists.").arg(profile.name);
    QString id = profile.id;
    if (id.isEmpty() && !previousName.isEmpty()) {
        if (const auto before = this->profile(previousName); before && !before->transient)
            id = before->id; // a rename keeps the keychain entry
    }
    if (id.isEmpty())
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!previousName.isEmpty() && previousName != profile.name)
        m_settings->remove(Group + QLatin1Char('/') + groupKey(previousName));
    if (m_transient && (m_transient->name == profile.name || m_transient->name == previousName))
        m_transient.reset();
    m_settings->beginGroup(Group + QLatin1Char('/') + groupKey(profile.name));
    m_settings->setValue(QStringLiteral("id"), id);
    m_settings->setValue(QStringLiteral("name"), profile.name);
    m_settings->setValue(QStringLiteral("apiUrl"), profile.apiUrl.toString());
    m_settings->setValue(QStringLiteral("issuerUrl"), profile.issuerUrl.toString());
    m_settings->setValue(QStringLiteral("clientId"), profile.clientId);
    m_settings->setValue(QStringLiteral("scopes"), profile.scopes);
    m_settings->endGroup();
    if (m_current == previousName && !previousName.isEmpty())
        setCurrent(profile.name);
    m_settings->sync();
    Q_EMIT profilesChanged();
    return {};
}

void ProfileStore::remove(const QString &name)
{
    const std::optional<Profile> before = current();
    if (m_transient && m_transient->name == name)
        m_transient.reset();
    m_settings->remove(Group + QLatin1Char('/') + groupKey(name));
    if (m_current == name) {
        m_current.clear();
        m_settings->remove(CurrentKey);
    }
    m_settings->sync();
    Q_EMIT profilesChanged();
    // The active profile is the chosen one or, when none is chosen, the first: either may go.
    const std::optional<Profile> after = current();
    if ((before ? before->name : QString()) != (after ? after->name : QString()))
        Q_EMIT currentChanged(after ? after->name : QString());
}

bool ProfileStore::setCurrent(const QString &name)
{
    const auto p = profile(name);
    if (!p)
        return false;
    const bool changed = m_current != name;
    m_current = name;
    if (!p->transient)
        m_settings->setValue(CurrentKey, name);
    if (changed)
        Q_EMIT currentChanged(name);
    return true;
}

void ProfileStore::setTransient(const Profile &profile)
{
    m_transient = profile;
    m_transient->transient = true;
    if (m_transient->id.isEmpty())
        m_transient->id = QStringLiteral("transient:") + profile.name;
    Q_EMIT profilesChanged();
    const bool changed = m_current != profile.name;
    m_current = profile.name;
    if (changed)
        Q_EMIT currentChanged(profile.name);
}

} // namespace keyward

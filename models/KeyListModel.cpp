// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyListModel.h"

#include "Permission.h"

#include <QSet>

#include <limits>

namespace keyward {

namespace {
constexpr qint64 Day = 24LL * 3600 * 1000;
constexpr qint64 UnusedThreshold = 90 * Day;
constexpr qint64 ExpiringThreshold = 14 * Day;
constexpr qint64 NeverExpiresKey = std::numeric_limits<qint64>::max(); // sorts after every date

qint64 msOrZero(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}
} // namespace

KeyListModel::KeyListModel(QObject *parent)
    : QAbstractTableModel(parent), m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

void KeyListModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
    if (!m_keys.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void KeyListModel::setAllResources(const QStringList &resources)
{
    m_allResources = resources;
    if (!m_keys.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int KeyListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int KeyListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 KeyListModel::nowMs() const
{
    return m_clock().toMSecsSinceEpoch();
}

KeyListModel::DisplayStatus KeyListModel::displayStatus(const ApiKey &key) const
{
    return displayStatus(key, nowMs());
}

KeyListModel::DisplayStatus KeyListModel::displayStatus(const ApiKey &key, qint64 now)
{
    return displayStatus(key.status, sortNumber(key, Expires, now), now);
}

KeyListModel::DisplayStatus KeyListModel::displayStatus(ApiKey::Status status, qint64 expiresKey, qint64 now)
{
    const bool expires = expiresKey != NeverExpiresKey;
    if (status == ApiKey::Status::Revoked)
        return DisplayStatus::Revoked;
    if (status == ApiKey::Status::Expired || (expires && expiresKey <= now))
        return DisplayStatus::Expired;
    if (expires && expiresKey - now <= ExpiringThreshold)
        return DisplayStatus::Expiring;
    return DisplayStatus::Active;
}

KeyListModel::Badges KeyListModel::badges(const ApiKey &key) const
{
    Badges b;
    const DisplayStatus status = displayStatus(key);
    if (status == DisplayStatus::Revoked || status == DisplayStatus::Expired)
        return b; // hygiene is about keys that still work
    const qint64 now = m_clock().toMSecsSinceEpoch();
    const qint64 lastSign = key.lastUsedAt.isValid() ? msOrZero(key.lastUsedAt) : msOrZero(key.createdAt);
    if (lastSign > 0 && now - lastSign >= UnusedThreshold)
        b |= UnusedFor90Days;
    if (!key.expiresAt.isValid())
        b |= NeverExpires;
    if (status == DisplayStatus::Expiring)
        b |= ExpiresSoon;
    if (!m_allResources.isEmpty()) {
        const auto set = PermissionSet::parse(key.permissions);
        bool all = set.has_value();
        for (const QString &resource : m_allResources) {
            if (!all)
                break;
            all = set->allows(resource, Permission::Access::Write);
        }
        if (all)
            b |= BroadPermissions;
    }
    return b;
}

int KeyListModel::countWithBadge(Badge badge) const
{
    int n = 0;
    for (const ApiKey &k : m_keys) {
        if (badges(k).testFlag(badge))
            ++n;
    }
    return n;
}

QString KeyListModel::relativeTime(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return tr("never");
    const qint64 seconds = when.secsTo(now);
    if (seconds < 0) {
        const qint64 ahead = -seconds;
        if (ahead < 3600)
            return tr("in %n minute(s)", nullptr, int(qMax<qint64>(1, ahead / 60)));
        if (ahead < 2 * 86400)
            return tr("in %n hour(s)", nullptr, int(ahead / 3600));
        return tr("in %n day(s)", nullptr, int(ahead / 86400));
    }
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n minute(s) ago", nullptr, int(seconds / 60));
    if (seconds < 2 * 86400)
        return tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    if (seconds < 60 * 86400)
        return tr("%n day(s) ago", nullptr, int(seconds / 86400));
    return tr("%n month(s) ago", nullptr, int(seconds / (30 * 86400)));
}

QString KeyListModel::permissionSummary(const QStringList &permissions) const
{
    if (permissions.isEmpty())
        return tr("No permissions");
    int writes = 0;
    for (const QString &p : permissions) {
        if (p.endsWith(QLatin1String(":write")))
            ++writes;
    }
    if (!m_allResources.isEmpty() && writes == m_allResources.size())
        return tr("Full access");
    if (permissions.size() <= 2)
        return permissions.join(QStringLiteral(", "));
    return tr("%1 and %n more", nullptr, int(permissions.size() - 1)).arg(permissions.constFirst());
}

QString KeyListModel::statusText(const ApiKey &key) const
{
    const QString status = plainStatusText(key);
    // A live key with a replacement is mid-rotation: say so until it is retired.
    const DisplayStatus shown = displayStatus(key);
    if (!key.rotatedBy.isEmpty() && (shown == DisplayStatus::Active || shown == DisplayStatus::Expiring))
        return tr("%1 · being replaced").arg(status);
    return status;
}

QString KeyListModel::plainStatusText(const ApiKey &key) const
{
    switch (displayStatus(key)) {
    case DisplayStatus::Revoked:
        return tr("Revoked");
    case DisplayStatus::Expired:
        return tr("Expired");
    case DisplayStatus::Expiring: {
        const qint64 days = m_clock().daysTo(key.expiresAt);
        return days <= 0 ? tr("Expires today") : tr("Expires in %n day(s)", nullptr, int(days));
    }
    case DisplayStatus::Active:
        return tr("Active");
    }
    return {};
}

QString KeyListModel::statusDescription(const ApiKey &key) const
{
    // What the status means, then the hygiene badges the summary line counts.
    QStringList parts;
    switch (displayStatus(key)) {
    case DisplayStatus::Revoked:
    case DisplayStatus::Expired:
        parts.append(tr("The server answers 401 to this key."));
        break;
    case DisplayStatus::Expiring:
    case DisplayStatus::Active:
        if (key.expiresAt.isValid()) {
            const QString until = QLocale().toString(key.expiresAt.toLocalTime(), QLocale::ShortFormat);
            parts.append(tr("Works until %1.").arg(until));
        } else {
            parts.append(tr("Never expires: works until it is revoked."));
        }
        break;
    }
    const Badges b = badges(key);
    if (b.testFlag(ExpiresSoon))
        parts.append(tr("Expires within 14 days."));
    if (b.testFlag(UnusedFor90Days))
        parts.append(tr("Unused for 90 days."));
    if (b.testFlag(BroadPermissions))
        parts.append(tr("Write access to everything."));
    return parts.join(QLatin1Char(' '));
}

QByteArray KeyListModel::searchTextUtf8(const ApiKey &key, qsizetype *noteSize)
{
    // Case conversion in Qt does not look at neighbouring characters, so lowering each part and
    // joining them is lowering the whole. The note comes first so that its lower-case UTF-8 (the
    // Note column's sort text) is a prefix of the search text rather than a second copy.
    QByteArray text = key.note.toLower().toUtf8();
    if (noteSize)
        *noteSize = text.size();
    text += '\n';
    text += QStringList {key.prefix, key.lastFour, key.masked(), key.permissions.join(QLatin1Char(' ')),
                         key.createdBy.display, key.id}
                .join(QLatin1Char('\n'))
                .toLower()
                .toUtf8();
    return text;
}

QString KeyListModel::sortText(const ApiKey &key, int column)
{
    switch (column) {
    case Note: return key.note.toLower();
    case Key: return key.lastFour.toLower();
    default: return {};
    }
}

qint64 KeyListModel::sortNumber(const ApiKey &key, int column, qint64 nowMs)
{
    switch (column) {
    case Permissions: return key.permissions.size();
    case Status: return qint64(displayStatus(key, nowMs));
    case Created: return msOrZero(key.createdAt);
    case LastUsed: return msOrZero(key.lastUsedAt);
    case Expires: return key.expiresAt.isValid() ? msOrZero(key.expiresAt) : NeverExpiresKey;
    default: return 0;
    }
}

QVariant KeyListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApiKey &key = m_keys.at(index.row());
    const QDateTime now = m_clock();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Note: return key.note;
        case Key: return key.masked(); // masking happens here, and only masked values exist
        case Permissions: return permissionSummary(key.permissions);
        case Status: return statusText(key);
        case Created: return QLocale().toString(key.createdAt.toLocalTime().date(), QLocale::ShortFormat);
        case LastUsed: return relativeTime(key.lastUsedAt, now);
        case Expires:
            return key.expiresAt.isValid() ? QLocale().toString(key.expiresAt.toLocalTime().date(), QLocale::ShortFormat)
                                           : tr("Never");
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Permissions: return key.permissions.isEmpty() ? tr("No permissions") : key.permissions.join(QLatin1Char('\n'));
        case Created:
            return key.createdBy.display.isEmpty()
                ? key.createdAt.toLocalTime().toString(Qt::ISODate)
                : tr("%1 by %2").arg(key.createdAt.toLocalTime().toString(Qt::ISODate), key.createdBy.display);
        case LastUsed:
            if (!key.lastUsedAt.isValid())
                return tr("Never used");
            return tr("%1\nfrom %2\n%3")
                .arg(key.lastUsedAt.toLocalTime().toString(Qt::ISODate),
                     key.lastUsedIp.isEmpty() ? tr("an unknown address") : key.lastUsedIp, key.lastUsedUserAgent)
                .trimmed();
        case Note: return key.note;
        case Expires: return key.expiresAt.isValid() ? key.expiresAt.toLocalTime().toString(Qt::ISODate) : tr("Never expires");
        default: break;
        }
        break;
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        // Read aloud, "skey_••••••••3f9a" is a string of bullets: say what identifies the key.
        case Key: return tr("Key ending in %1").arg(key.lastFour);
        case Status: return statusText(key);
        default: break;
        }
        break;
    case Qt::AccessibleDescriptionRole:
        if (index.column() == Status)
            return statusDescription(key);
        break;
    case SortRole:
        if (sortsAsText(index.column()))
            return sortText(key, index.column());
        if (index.column() == Status)
            return int(displayStatus(key, now.toMSecsSinceEpoch()));
        return qlonglong(sortNumber(key, index.column(), now.toMSecsSinceEpoch()));
    case KeyIdRole:
        return key.id;
    case BadgesRole:
        return int(badges(key));
    case SearchTextRole:
        return QString::fromUtf8(searchTextUtf8(key));
    case StatusRole:
        return QVariant::fromValue(displayStatus(key));
    default:
        break;
    }
    return {};
}

QVariant KeyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Note: return tr("Note");
    case Key: return tr("Key");
    case Permissions: return tr("Permissions");
    case Status: return tr("Status");
    case Created: return tr("Created");
    case LastUsed: return tr("Last used");
    case Expires: return tr("Expires");
    }
    return {};
}

bool KeyListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_loading && m_loader;
}

void KeyListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    setLoading(true);
    m_loader(m_cursor);
}

void KeyListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void KeyListModel::appendPage(const QList<ApiKey> &keys, bool hasMore, const QString &nextCursor)
{
    // A key created while paging shifts later pages by a few rows: repeats can only come from
    // the end of what is loaded, so only that is checked (the whole list would make loading
    // quadratic).
    QSet<QString> known;
    const qsizetype window = qMin<qsizetype>(m_keys.size(), 2 * qMax<qsizetype>(keys.size(), 100));
    for (qsizetype i = m_keys.size() - window; i < m_keys.size(); ++i)
        known.insert(m_keys.at(i).id);
    QList<ApiKey> fresh;
    for (const ApiKey &k : keys) {
        if (!known.contains(k.id)) // a key created meanwhile can shift pages: never twice
            fresh.append(k);
    }
    if (!fresh.isEmpty()) {
        beginInsertRows({}, rowCount(), rowCount() + int(fresh.size()) - 1);
        m_keys.append(fresh);
        endInsertRows();
    }
    m_hasMore = hasMore;
    m_cursor = nextCursor;
    setLoading(false);
}

void KeyListModel::pageFailed()
{
    setLoading(false);
}

void KeyListModel::replaceAll(const QList<ApiKey> &keys, bool hasMore, const QString &nextCursor)
{
    QSet<QString> incoming;
    for (const ApiKey &k : keys)
        incoming.insert(k.id);
    // Keys beyond the first page stay (they are refreshed when scrolled to); only keys that
    // should be on this page and are not are removed.
    const QDateTime oldest = keys.isEmpty() ? QDateTime() : keys.constLast().createdAt;
    for (int row = int(m_keys.size()) - 1; row >= 0; --row) {
        const ApiKey &k = m_keys.at(row);
        const bool withinPage = !hasMore || (oldest.isValid() && k.createdAt >= oldest);
        if (withinPage && !incoming.contains(k.id)) {
            beginRemoveRows({}, row, row);
            m_keys.removeAt(row);
            endRemoveRows();
        }
    }
    for (int i = 0; i < keys.size(); ++i) {
        const ApiKey &k = keys.at(i);
        if (i < m_keys.size() && m_keys.at(i).id == k.id) {
            setKey(i, k);
            continue;
        }
        const QModelIndex existing = indexOfKey(k.id);
        if (existing.isValid()) {
            beginMoveRows({}, existing.row(), existing.row(), {}, i);
            m_keys.move(existing.row(), i);
            endMoveRows();
            setKey(i, k);
            continue;
        }
        beginInsertRows({}, i, i);
        m_keys.insert(i, k);
        endInsertRows();
    }
    if (m_keys.size() <= keys.size()) {
        m_hasMore = hasMore;
        m_cursor = nextCursor;
    }
    setLoading(false);
}

void KeyListModel::upsert(const ApiKey &key)
{
    const QModelIndex existing = indexOfKey(key.id);
    if (existing.isValid()) {
        setKey(existing.row(), key);
        return;
    }
    beginInsertRows({}, 0, 0);
    m_keys.prepend(key);
    endInsertRows();
}

void KeyListModel::setKey(int row, const ApiKey &key)
{
    m_keys[row] = key;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void KeyListModel::remove(const QString &id)
{
    const QModelIndex existing = indexOfKey(id);
    if (!existing.isValid())
        return;
    beginRemoveRows({}, existing.row(), existing.row());
    m_keys.removeAt(existing.row());
    endRemoveRows();
}

void KeyListModel::clear()
{
    beginResetModel();
    m_keys.clear();
    m_hasMore = false;
    m_cursor.clear();
    endResetModel();
    setLoading(false);
}

const ApiKey *KeyListModel::keyFromIndex(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_keys.size())
        return nullptr;
    return &m_keys.at(index.row());
}

QModelIndex KeyListModel::indexOfKey(const QString &id, int column) const
{
    for (int row = 0; row < m_keys.size(); ++row) {
        if (m_keys.at(row).id == id)
            return index(row, column);
    }
    return {};
}

} // namespace keyward

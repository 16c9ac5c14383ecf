// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditLogModel.h"

#include "AuditChain.h"
#include "AuditEvent.h"
#include "AuditEventFormat.h"
#include "Timestamps.h"

#include <QDateTime>
#include <QPointer>

#include <algorithm>
#include <limits>

namespace keyward {

namespace {

const QString TimeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");

QString str(const QJsonObject &o, const char *name)
{
    return o.value(QLatin1String(name)).toString();
}

bool hexHash(const QString &hex, std::array<quint8, 32> *out)
{
    if (hex.size() != 64)
        return false;
    const QByteArray raw = QByteArray::fromHex(hex.toLatin1());
    if (raw.size() != 32)
        return false;
    std::copy(raw.cbegin(), raw.cend(), out->begin());
    return true;
}

} // namespace

size_t AuditLogModel::ActorHash::operator()(const Actor &a) const noexcept
{
    return qHashMulti(0, a.type, a.id, a.display);
}

AuditLogModel::AuditLogModel(QObject *parent) : QAbstractTableModel(parent), m_zone(QTimeZone::systemTimeZone())
{
    m_strings.append(QString()); // index 0: empty
    m_stringIndex.insert(QString(), 0);
    m_parties.append(Actor());
    m_partyIndex.emplace(Actor(), 0);
}

AuditLogModel::~AuditLogModel() = default;

void AuditLogModel::setFetcher(Fetcher fetcher)
{
    m_fetcher = std::move(fetcher);
    reset();
}

void AuditLogModel::reset()
{
    beginResetModel();
    ++m_generation; // answers to earlier requests are ignored from now on
    m_rows.clear();
    m_rows.shrink_to_fit();
    m_pages.clear();
    m_pages.shrink_to_fit();
    m_materialisedRows = 0;
    m_dropped = 0;
    m_cursor.clear();
    m_lastError.clear();
    m_hasMore = true;
    // The interned strings go too: a new filter shows other people, keys and addresses.
    m_strings.resize(1);
    m_stringIndex.clear();
    m_stringIndex.insert(QString(), 0);
    m_parties.resize(1);
    m_partyIndex.clear();
    m_partyIndex.emplace(Actor(), 0);
    setLoading(false); // before the end: whoever reacts to modelReset may start a fetch at once
    endResetModel();
}

void AuditLogModel::setPageSize(int rows)
{
    m_pageSize = qBound(1, rows, 500);
    m_maxMaterialised = qMax(m_maxMaterialised, 2 * m_pageSize);
}

void AuditLogModel::setMaxMaterialisedRows(int rows)
{
    m_maxMaterialised = qMax(rows, 2 * m_pageSize);
    evictBeyondBound(-1);
}

void AuditLogModel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn), {Qt::DisplayRole});
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditLogModel::displayText(const Row &row, int column) const
{
    switch (column) {
    case TimeColumn:
        return row.atMs ? QDateTime::fromMSecsSinceEpoch(row.atMs, m_zone).toString(TimeFormat) : QString();
    case ActorColumn:
        return AuditEventFormat::actorText(m_parties.at(row.actor));
    case ActionColumn:
        return AuditEventFormat::actionText(m_strings.at(row.action), m_strings.at(row.qualifier));
    case TargetColumn:
        return AuditEventFormat::targetText(m_parties.at(row.target));
    case IpColumn:
        return m_strings.at(row.ip);
    case UserAgentColumn:
        return m_strings.at(row.userAgent);
    }
    return {};
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return toRfc3339Ms(row.atMs);
        case ActorColumn: {
            const Actor &a = m_parties.at(row.actor);
            return a.id.isEmpty() ? a.display : tr("%1 (%2)").arg(a.display, a.id);
        }
        case ActionColumn:
            return m_strings.at(row.action);
        case TargetColumn: {
            const Actor &t = m_parties.at(row.target);
            return t.id.isEmpty() ? t.display : tr("%1 (%2)").arg(t.display, t.id);
        }
        default:
            return displayText(row, index.column());
        }
    case SortRole:
        switch (index.column()) {
        case TimeColumn:
            return row.atMs;
        case ActionColumn:
            return m_strings.at(row.action);
        default:
            return displayText(row, index.column()).toLower();
        }
    case SeqRole:
        return row.seq;
    case EventIdRole:
        return AuditEvent::idForSeq(row.seq);
    case EventRole: {
        const Page &page = m_pages[row.page];
        if (page.events.isEmpty())
            return {};
        touch(int(row.page));
        return page.events.at(index.row() - page.firstRow);
    }
    case ActionRole:
        return m_strings.at(row.action);
    case TimestampRole:
        return QDateTime::fromMSecsSinceEpoch(row.atMs, QTimeZone::utc());
    case ActorIdRole:
        return m_parties.at(row.actor).id;
    case ActorTypeRole:
        return m_parties.at(row.actor).type;
    case TargetIdRole:
        return m_parties.at(row.target).id;
    case HashRole:
        return QString::fromLatin1(
            QByteArray(reinterpret_cast<const char *>(row.hash.data()), qsizetype(row.hash.size())).toHex());
    case IntactRole:
        return (row.flags & Intact) != 0;
    case MaterialisedRole:
        return !m_pages[row.page].events.isEmpty();
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("Actor");
    case ActionColumn:
        return tr("Action");
    case TargetColumn:
        return tr("Target");
    case IpColumn:
        return tr("IP address");
    case UserAgentColumn:
        return tr("User agent");
    }
    return {};
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_fetcher && m_hasMore && !m_loading && m_lastError.isEmpty();
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    setLoading(true);
    const quint64 generation = m_generation;
    const QString cursor = m_cursor;
    QPointer<AuditLogModel> self(this);
    callFetcher(cursor, m_pageSize, [self, generation, cursor](const FetchedPage &page) {
        if (self && self->m_generation == generation && self->m_loading)
            self->onPage(cursor, page);
    });
}

void AuditLogModel::callFetcher(const QString &cursor, int limit, std::function<void(const FetchedPage &)> handle)
{
    // Rows never change inside fetchMore(): views and QAbstractItemModelTester call it from their
    // own slots (rowsInserted among them), so an answer given on the spot waits for the event loop.
    QPointer<AuditLogModel> self(this);
    m_inFetcher = true;
    m_fetcher(cursor, limit, [self, handle](const FetchedPage &page) {
        if (!self)
            return;
        if (self->m_inFetcher)
            QMetaObject::invokeMethod(self, [handle, page] { handle(page); }, Qt::QueuedConnection);
        else
            handle(page);
    });
    if (self)
        m_inFetcher = false;
}

void AuditLogModel::onPage(const QString &cursor, const FetchedPage &page)
{
    setLoading(false);
    if (!page.error.isEmpty()) {
        m_lastError = page.error;
        Q_EMIT fetchFailed(page.error);
        return;
    }
    if (page.events.isEmpty() && page.hasMore && page.nextCursor == cursor) {
        // A source that answers nothing and points back at the same place would loop forever.
        m_hasMore = false;
        m_lastError = tr("The server's list of audit events does not move on past %1.").arg(cursor);
        Q_EMIT fetchFailed(m_lastError);
        return;
    }
    appendEvents(page);
}

void AuditLogModel::retry()
{
    m_lastError.clear();
    fetchMore();
}

quint32 AuditLogModel::intern(const QString &text)
{
    const auto it = m_stringIndex.constFind(text);
    if (it != m_stringIndex.cend())
        return it.value();
    const auto i = quint32(m_strings.size());
    m_strings.append(text);
    m_stringIndex.insert(text, i);
    return i;
}

quint32 AuditLogModel::internParty(const Actor &party)
{
    const auto it = m_partyIndex.find(party);
    if (it != m_partyIndex.end())
        return it->second;
    const auto i = quint32(m_parties.size());
    m_parties.append(party);
    m_partyIndex.emplace(party, i);
    return i;
}

void AuditLogModel::appendEvents(const FetchedPage &page)
{
    qint64 lastSeq = m_rows.empty() ? std::numeric_limits<qint64>::max() : m_rows.back().seq;
    const auto pageIndex = quint32(m_pages.size());
    std::vector<Row> fresh;
    fresh.reserve(size_t(page.events.size()));
    QList<QJsonObject> kept;
    kept.reserve(page.events.size());
    for (const QJsonObject &e : page.events) {
        const qint64 seq = AuditEvent::seqFromId(str(e, "id"));
        // Keyset paging is newest first without overlap; anything else would break indexOfSeq.
        if (seq <= 0 || seq >= lastSeq) {
            ++m_dropped;
            continue;
        }
        Row r;
        r.seq = seq;
        const auto at = parseRfc3339(str(e, "at"));
        r.atMs = at ? at->toMSecsSinceEpoch() : 0;
        r.actor = internParty(Actor::fromJson(e.value(QLatin1String("actor")).toObject()));
        r.target = internParty(Actor::fromJson(e.value(QLatin1String("target")).toObject()));
        const QString action = str(e, "action");
        r.action = intern(action);
        r.qualifier = intern(AuditEventFormat::actionQualifier(action, e.value(QLatin1String("details")).toObject()));
        r.ip = intern(str(e, "ip"));
        r.userAgent = intern(str(e, "user_agent"));
        const QString hash = str(e, "hash");
        if (hexHash(hash, &r.hash) && AuditChain::computeHash(e) == hash)
            r.flags |= Intact;
        r.page = pageIndex;
        fresh.push_back(r);
        kept.append(e);
        lastSeq = seq;
    }
    m_hasMore = page.hasMore;
    if (!fresh.empty()) {
        m_cursor = page.nextCursor.isEmpty() ? AuditEvent::idForSeq(fresh.back().seq) : page.nextCursor;
        const int first = int(m_rows.size());
        const int count = int(fresh.size());
        beginInsertRows({}, first, first + count - 1);
        m_rows.insert(m_rows.end(), fresh.cbegin(), fresh.cend());
        Page p;
        p.firstRow = first;
        p.count = count;
        m_pages.push_back(p);
        endInsertRows();
        materialise(int(pageIndex), kept);
    } else if (!page.nextCursor.isEmpty()) {
        m_cursor = page.nextCursor;
    }
}

void AuditLogModel::materialise(int pageIndex, const QList<QJsonObject> &events)
{
    Page &p = m_pages[size_t(pageIndex)];
    if (p.events.isEmpty())
        m_materialisedRows += p.count;
    p.events = events;
    touch(pageIndex);
    evictBeyondBound(pageIndex);
}

void AuditLogModel::touch(int pageIndex) const
{
    m_pages[size_t(pageIndex)].lastUse = ++m_useClock;
}

void AuditLogModel::evictBeyondBound(int keepPage)
{
    while (m_materialisedRows > m_maxMaterialised) {
        int victim = -1;
        for (int i = 0; i < int(m_pages.size()); ++i) {
            const Page &p = m_pages[size_t(i)];
            if (i == 0 || i == keepPage || p.events.isEmpty())
                continue; // the first page stays: see requestEvent()
            if (victim < 0 || p.lastUse < m_pages[size_t(victim)].lastUse)
                victim = i;
        }
        if (victim < 0)
            return;
        Page &p = m_pages[size_t(victim)];
        p.events = QList<QJsonObject>(); // releases the JSON, not just its elements
        m_materialisedRows -= p.count;
        // Nobody is told: only EventRole and MaterialisedRole change, and views never ask
        // for them to paint. requestEvent() brings the JSON back on demand.
    }
}

qint64 AuditLogModel::seqAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[size_t(row)].seq : 0;
}

QModelIndex AuditLogModel::indexOfSeq(qint64 seq, int column) const
{
    // Rows are strictly newest first: binary search on a descending sequence.
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), seq,
                                     [](const Row &r, qint64 s) { return r.seq > s; });
    if (it == m_rows.cend() || it->seq != seq)
        return {};
    return index(int(it - m_rows.cbegin()), column);
}

QJsonObject AuditLogModel::eventAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const Row &r = m_rows[size_t(row)];
    const Page &p = m_pages[r.page];
    if (p.events.isEmpty())
        return {};
    touch(int(r.page));
    return p.events.at(row - p.firstRow);
}

bool AuditLogModel::requestEvent(int row)
{
    if (row < 0 || row >= rowCount() || !m_fetcher)
        return false;
    const quint32 pageIndex = m_rows[size_t(row)].page;
    Page &page = m_pages[pageIndex];
    if (!page.events.isEmpty()) {
        touch(int(pageIndex));
        return true;
    }
    if (page.refetching)
        return false;
    page.refetching = true;
    // The same keyset query again: "after the last row of the page before". The cursor must be an
    // event the server listed to us (keyward-server refuses other ids), which that row is; the
    // first page has no such row and is never compacted, since newer events may have arrived.
    Q_ASSERT(page.firstRow > 0);
    const QString cursor = AuditEvent::idForSeq(m_rows[size_t(page.firstRow - 1)].seq);
    const quint64 generation = m_generation;
    QPointer<AuditLogModel> self(this);
    callFetcher(cursor, page.count, [self, generation, pageIndex](const FetchedPage &answer) {
        if (self && self->m_generation == generation)
            self->onRefetched(int(pageIndex), answer);
    });
    return false;
}

void AuditLogModel::onRefetched(int pageIndex, const FetchedPage &answer)
{
    Page &p = m_pages[size_t(pageIndex)];
    p.refetching = false;
    if (!answer.error.isEmpty()) {
        Q_EMIT fetchFailed(answer.error);
        return;
    }
    QHash<qint64, QJsonObject> bySeq;
    for (const QJsonObject &e : answer.events)
        bySeq.insert(AuditEvent::seqFromId(str(e, "id")), e);
    QList<QJsonObject> events;
    events.reserve(p.count);
    bool changed = false;
    for (int i = p.firstRow; i < p.firstRow + p.count; ++i) {
        Row &r = m_rows[size_t(i)];
        const auto it = bySeq.constFind(r.seq);
        if (it == bySeq.cend()) {
            Q_EMIT fetchFailed(tr("The server no longer lists %1.").arg(AuditEvent::idForSeq(r.seq)));
            return;
        }
        // An event must never change; one that did is no longer intact.
        std::array<quint8, 32> hash {};
        if (!hexHash(str(*it, "hash"), &hash) || hash != r.hash || AuditChain::computeHash(*it) != str(*it, "hash")) {
            changed = changed || (r.flags & Intact);
            r.flags &= ~quint32(Intact);
        }
        events.append(*it);
    }
    const int first = p.firstRow;
    const int last = p.firstRow + p.count - 1;
    materialise(pageIndex, events);
    QList<int> roles {EventRole, MaterialisedRole};
    if (changed)
        roles.append(IntactRole);
    Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1), roles);
}

std::vector<AuditRowDigest> AuditLogModel::rowDigests() const
{
    std::vector<AuditRowDigest> out;
    out.reserve(m_rows.size());
    for (const Row &r : m_rows)
        out.push_back({r.seq, r.hash, (r.flags & Intact) != 0});
    return out;
}

qsizetype AuditLogModel::approximateCompactBytes() const
{
    // QString: a header of about 24 bytes plus UTF-16 data; hash tables about 3 pointers per entry.
    qsizetype bytes = qsizetype(m_rows.capacity() * sizeof(Row) + m_pages.capacity() * sizeof(Page));
    for (const QString &s : m_strings)
        bytes += 24 + s.size() * 2 + qsizetype(sizeof(QString)) + 24;
    for (const Actor &a : m_parties)
        bytes += qsizetype(sizeof(Actor)) + 3 * 24 + (a.type.size() + a.id.size() + a.display.size()) * 2 + 32;
    return bytes;
}

void AuditLogModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

} // namespace keyward

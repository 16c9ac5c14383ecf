// SPDX-License-Identifier: GPL-3.0-or-later
// KeyFilterProxy against a brute-force reference on a few thousand generated keys: the reference
// filters with SearchTextRole and StatusRole and orders with a stable sort on SortRole (text by
// code point, ties by source row), exactly as documented for the proxy. Queries are typed and
// erased a character at a time, jump about, change the status filter and the sort, while the
// source grows, shrinks, changes and refreshes; the visible keys and their order must equal the
// reference after every step. Selection and persistent indexes must follow their key through
// sorts, filters and source updates. Both models run under QAbstractItemModelTester for the
// whole life of every test.
#include "KeyFilterProxy.h"
#include "KeyListModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace keyward;
using StatusFilter = KeyFilterProxy::StatusFilter;

namespace {

const QDateTime Now = QDateTime(QDate(2026, 11, 29), QTime(12, 0), Qt::UTC);

// Words for notes: ASCII in both cases, accents, CJK, and characters whose order differs between
// UTF-16 code units and code points (an emoji, a surrogate pair, against fullwidth letters).
const QStringList NoteWords {
    QStringLiteral("Billing"), QStringLiteral("reporting"), QStringLiteral("partner"), QStringLiteral("CI"),
    QStringLiteral("staging"), QStringLiteral("payments"), QStringLiteral("webhook"), QStringLiteral("mobile"),
    QStringLiteral("backend"), QStringLiteral("analytics"), QStringLiteral("export"), QStringLiteral("legacy"),
    QStringLiteral("EU"), QStringLiteral("us"), QStringLiteral("canary"), QStringLiteral("Zürich"),
    QStringLiteral("café"), QStringLiteral("NAÏVE"), QStringLiteral("日本"), QStringLiteral("😀deploy"),
    QStringLiteral("ＡＢ"), QStringLiteral("billing-v2"), QStringLiteral("a"), QStringLiteral("ab")};
const QStringList Resources {QStringLiteral("payments"), QStringLiteral("customers"), QStringLiteral("refunds"),
                             QStringLiteral("webhooks")};
const QStringList Creators {QStringLiteral("adam.admin@example.com"), QStringLiteral("Olga.Owner@example.com"),
                            QStringLiteral("ci-bot")};

class Generator
{
public:
    explicit Generator(quint32 seed) : m_rng(seed) {}

    ApiKey key()
    {
        ApiKey k;
        const int serial = m_next++;
        k.id = QStringLiteral("sk_%1").arg(serial);
        if (!m_notes.isEmpty() && bounded(8) == 0) {
            k.note = m_notes.at(bounded(int(m_notes.size()))); // equal notes: ties to break
        } else if (bounded(30) != 0) {
            QStringList words;
            for (int w = 0, n = 1 + bounded(3); w < n; ++w)
                words.append(NoteWords.at(bounded(int(NoteWords.size()))));
            if (bounded(3) == 0)
                words.append(QStringLiteral("#%1").arg(serial));
            k.note = words.join(QLatin1Char(' '));
            m_notes.append(k.note);
        }
        k.prefix = bounded(5) == 0 ? QStringLiteral("odin_sk_") : QStringLiteral("skey_");
        static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int c = 0; c < 4; ++c)
            k.lastFour.append(QLatin1Char(alphabet[bounded(3) == 0 ? bounded(4) : bounded(62)])); // some repeat
        for (const QString &resource : Resources) {
            const int level = bounded(3);
            if (level)
                k.permissions.append(resource + (level == 1 ? QStringLiteral(":read") : QStringLiteral(":write")));
        }
        const int status = bounded(20);
        k.status = status == 0 ? ApiKey::Status::Revoked
            : status == 1      ? ApiKey::Status::Expired
                               : ApiKey::Status::Active;
        k.createdAt = Now.addDays(-bounded(400)); // whole days: many equal timestamps
        k.createdBy = {QStringLiteral("user"), QStringLiteral("usr_1"), Creators.at(bounded(int(Creators.size())))};
        if (bounded(4) != 0)
            k.lastUsedAt = Now.addDays(-bounded(200));
        if (bounded(3) == 0)
            k.expiresAt = Now.addDays(bounded(230) - 30); // expired, expiring within 14 days, later
        return k;
    }

    QList<ApiKey> keys(int count)
    {
        QList<ApiKey> out;
        for (int i = 0; i < count; ++i)
            out.append(key());
        return out;
    }

    int bounded(int n) { return int(m_rng.bounded(quint32(n))); }
    QRandomGenerator &rng() { return m_rng; }

private:
    QRandomGenerator m_rng;
    QStringList m_notes;
    int m_next = 0;
};

bool statusAccepted(KeyListModel::DisplayStatus status, StatusFilter filter)
{
    using S = KeyListModel::DisplayStatus;
    switch (filter) {
    case StatusFilter::All: return true;
    case StatusFilter::Active: return status == S::Active || status == S::Expiring;
    case StatusFilter::Expiring: return status == S::Expiring;
    case StatusFilter::RevokedOrExpired: return status == S::Revoked || status == S::Expired;
    }
    return false;
}

// SortRole values compared as the proxy documents: numbers as numbers, text by code point.
int compareSortValues(const QVariant &a, const QVariant &b)
{
    if (a.typeId() == QMetaType::QString) {
        const QList<uint> x = a.toString().toUcs4();
        const QList<uint> y = b.toString().toUcs4();
        return std::lexicographical_compare(x.cbegin(), x.cend(), y.cbegin(), y.cend()) ? -1
            : std::lexicographical_compare(y.cbegin(), y.cend(), x.cbegin(), x.cend()) ? 1
                                                                                    : 0;
    }
    const qlonglong x = a.toLongLong();
    const qlonglong y = b.toLongLong();
    return x < y ? -1 : x > y ? 1 : 0;
}

// What the proxy must show: filtered by brute force, then stable-sorted from source order.
QStringList reference(const KeyListModel &model, const QString &text, StatusFilter status, int column,
                      Qt::SortOrder order)
{
    const QStringList words = text.simplified().toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QList<int> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (!statusAccepted(index.data(KeyListModel::StatusRole).value<KeyListModel::DisplayStatus>(), status))
            continue;
        const QString haystack = index.data(KeyListModel::SearchTextRole).toString();
        if (std::all_of(words.cbegin(), words.cend(), [&haystack](const QString &w) { return haystack.contains(w); }))
            rows.append(row);
    }
    if (column >= 0) {
        QHash<int, QVariant> values;
        for (int row : std::as_const(rows))
            values.insert(row, model.index(row, column).data(KeyListModel::SortRole));
        std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
            const int c = compareSortValues(values.value(a), values.value(b));
            return order == Qt::AscendingOrder ? c < 0 : c > 0;
        });
    }
    QStringList ids;
    for (int row : std::as_const(rows))
        ids.append(model.index(row, 0).data(KeyListModel::KeyIdRole).toString());
    return ids;
}

QStringList shownIds(const QAbstractItemModel &proxy)
{
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.append(proxy.index(row, 0).data(KeyListModel::KeyIdRole).toString());
    return ids;
}

QString idAt(const QModelIndex &index)
{
    return index.siblingAtColumn(0).data(KeyListModel::KeyIdRole).toString();
}

// A query someone might type: part of a key's search text (a note word, a permission, the last
// four, the creator, the id), in any case, sometimes two of them, sometimes something absent.
QString randomQuery(const KeyListModel &model, Generator &gen)
{
    if (model.rowCount() == 0 || gen.bounded(8) == 0)
        return QStringLiteral("zq%1x").arg(gen.bounded(100));
    QStringList parts;
    for (int w = 0, n = 1 + (gen.bounded(4) == 0); w < n; ++w) {
        const QModelIndex key = model.index(gen.bounded(model.rowCount()), 0);
        const QString text = key.data(KeyListModel::SearchTextRole).toString();
        const QStringList fields = text.split(QLatin1Char('\n'));
        QString field = fields.at(gen.bounded(int(fields.size())));
        const QStringList words = field.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        QString word = words.at(gen.bounded(int(words.size())));
        const int from = gen.bounded(int(word.size()));
        word = word.mid(from, 1 + gen.bounded(int(word.size()) - from + 2));
        if (gen.bounded(3) == 0)
            word = word.toUpper();
        parts.append(word);
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestKeyFilterProxy : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<KeyListModel> m_model;
    std::unique_ptr<KeyFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;

    QStringList expected() const
    {
        return reference(*m_model, m_proxy->text(), m_proxy->statusFilter(), m_proxy->sortColumn(),
                         m_proxy->sortOrder());
    }

    // Compares with the reference; on a difference, says where the lists part.
    bool matchesReference(const QString &step)
    {
        const QStringList want = expected();
        const QStringList got = shownIds(*m_proxy);
        if (want == got)
            return true;
        qsizetype at = 0;
        while (at < want.size() && at < got.size() && want.at(at) == got.at(at))
            ++at;
        qWarning("%s: text \"%s\", status %d, sort %d/%d: %lld rows shown, %lld expected, "
                 "first difference at %lld (%s vs %s)",
                 qPrintable(step), qPrintable(m_proxy->text()), int(m_proxy->statusFilter()), m_proxy->sortColumn(),
                 int(m_proxy->sortOrder()), qlonglong(got.size()), qlonglong(want.size()), qlonglong(at),
                 qPrintable(got.value(at)), qPrintable(want.value(at)));
        return false;
    }

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<KeyListModel>();
        m_model->setClock([] { return Now; });
        m_proxy = std::make_unique<KeyFilterProxy>();
        m_proxy->setSourceModel(m_model.get());
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
        m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(), mode);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(), mode);
    }

    void cleanup()
    {
        m_proxyTester.reset();
        m_modelTester.reset();
        m_proxy.reset();
        m_model.reset();
    }

    // Typing and erasing a character at a time (the proxy narrows what it shows, or only looks
    // at what it hid, or answers from its memory of recent queries), jumps to unrelated queries,
    // status filters and sorts, with the source changing in between: always the reference.
    void randomQueriesMatchReference()
    {
        Generator gen(20261129);
        m_model->appendPage(gen.keys(2000), true, QStringLiteral("cursor"));
        m_proxy->sort(KeyListModel::Created, Qt::DescendingOrder);
        int checks = 0;
        for (int step = 0; step < 60; ++step) {
            const QString target = randomQuery(*m_model, gen);
            const QString base = gen.bounded(3) == 0 ? m_proxy->text() + QLatin1Char(' ') : QString();
            for (qsizetype i = 1; i <= target.size(); ++i) {
                m_proxy->setText(base + target.left(i));
                QVERIFY(matchesReference(QStringLiteral("step %1 typing").arg(step)));
                ++checks;
            }
            switch (gen.bounded(7)) {
            case 0:
                m_proxy->setStatusFilter(StatusFilter(gen.bounded(4)));
                break;
            case 1:
                m_proxy->sort(gen.bounded(KeyListModel::ColumnCount + 1) - 1,
                              gen.bounded(2) ? Qt::AscendingOrder : Qt::DescendingOrder);
                break;
            case 2: { // a key edited: its note, status, expiry or sort values change
                ApiKey k = m_model->keyAt(gen.bounded(m_model->rowCount()));
                const ApiKey other = gen.key();
                k.note = gen.bounded(2) ? other.note : k.note + QStringLiteral(" billing");
                k.status = other.status;
                k.expiresAt = other.expiresAt;
                k.lastUsedAt = other.lastUsedAt;
                k.lastFour = other.lastFour;
                m_model->upsert(k);
                break;
            }
            case 3:
                m_model->upsert(gen.key()); // created: on top
                break;
            case 4:
                m_model->remove(m_model->keyAt(gen.bounded(m_model->rowCount())).id);
                break;
            case 5:
                m_model->appendPage(gen.keys(1 + gen.bounded(30)), true, QStringLiteral("cursor"));
                break;
            case 6: { // a refresh: the first page, reordered, one key gone, one new, one edited
                QList<ApiKey> page;
                for (int row = 0; row < 20; ++row)
                    page.append(m_model->keyAt(row));
                const int from = gen.bounded(12);
                std::reverse(page.begin() + from, page.begin() + from + 2 + gen.bounded(6));
                page.removeAt(gen.bounded(int(page.size())));
                page.insert(gen.bounded(int(page.size())), gen.key());
                page[gen.bounded(int(page.size()))].note += QStringLiteral(" refreshed");
                m_model->replaceAll(page, true, QStringLiteral("cursor"));
                break;
            }
            }
            QVERIFY(matchesReference(QStringLiteral("step %1 after a change").arg(step)));
            const qsizetype erase = gen.bounded(int(m_proxy->text().size()) + 2);
            for (qsizetype i = 0; i < erase && !m_proxy->text().isEmpty(); ++i) {
                m_proxy->setText(m_proxy->text().chopped(1));
                QVERIFY(matchesReference(QStringLiteral("step %1 erasing").arg(step)));
                ++checks;
            }
        }
        QVERIFY(checks > 200);
    }

    void sortsLikeTheReference_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        for (int column = 0; column < KeyListModel::ColumnCount; ++column) {
            const QByteArray name = KeyListModel().headerData(column, Qt::Horizontal).toString().toUtf8();
            QTest::newRow(name.constData()) << column << QString();
            QTest::newRow((name + ", filtered").constData()) << column << QStringLiteral("a");
        }
        QTest::newRow("source order") << -1 << QString();
    }

    // Every column, both directions, twice in a row each (the second direction comes from the
    // first), all keys or filtered.
    void sortsLikeTheReference()
    {
        QFETCH(int, column);
        QFETCH(QString, text);
        Generator gen(7);
        m_model->appendPage(gen.keys(3000), false, {});
        m_proxy->setText(text);
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder, Qt::AscendingOrder}) {
            m_proxy->sort(column, order);
            QVERIFY(matchesReference(QStringLiteral("sorted")));
        }
        m_proxy->sort(KeyListModel::Status, Qt::DescendingOrder);
        m_proxy->sort(column, Qt::DescendingOrder);
        QVERIFY(matchesReference(QStringLiteral("sorted from another column")));
    }

    // A created key shows up at its sorted place if it matches, and not at all if it does not; an
    // edited key leaves, comes back or moves; a removed key goes.
    void upsertAndRemoveWhileFilteredAndSorted()
    {
        Generator gen(11);
        m_model->appendPage(gen.keys(1500), false, {});
        m_proxy->setText(QStringLiteral("billing"));
        m_proxy->sort(KeyListModel::Note, Qt::AscendingOrder);
        QVERIFY(matchesReference(QStringLiteral("start")));
        const int shown = m_proxy->rowCount();
        QVERIFY(shown > 10 && shown < m_model->rowCount());

        ApiKey matching = gen.key();
        matching.note = QStringLiteral("Billing mmm (new)");
        m_model->upsert(matching);
        QCOMPARE(m_proxy->rowCount(), shown + 1);
        QVERIFY(matchesReference(QStringLiteral("a matching key created")));
        const QStringList ids = shownIds(*m_proxy);
        const qsizetype at = ids.indexOf(matching.id);
        QVERIFY(at > 0 && at < ids.size() - 1); // in the middle of the notes, not on top

        ApiKey other = gen.key();
        other.note = QStringLiteral("reporting");
        m_model->upsert(other);
        QCOMPARE(m_proxy->rowCount(), shown + 1);
        QVERIFY(!shownIds(*m_proxy).contains(other.id));

        other.note = QStringLiteral("!!! billing"); // now it matches, and sorts first
        m_model->upsert(other);
        QCOMPARE(shownIds(*m_proxy).constFirst(), other.id);
        QVERIFY(matchesReference(QStringLiteral("edited to match")));

        const char32_t last[] = {0x10FFFD};
        matching.note = QString::fromUcs4(last, 1) + QStringLiteral(" billing"); // the highest code point: to the end
        m_model->upsert(matching);
        QCOMPARE(shownIds(*m_proxy).constLast(), matching.id);
        QVERIFY(matchesReference(QStringLiteral("edited to move")));

        matching.note = QStringLiteral("nothing to see");
        m_model->upsert(matching);
        QVERIFY(!shownIds(*m_proxy).contains(matching.id));
        QVERIFY(matchesReference(QStringLiteral("edited not to match")));

        m_model->remove(other.id);
        QVERIFY(!shownIds(*m_proxy).contains(other.id));
        QCOMPARE(m_proxy->rowCount(), shown);
        QVERIFY(matchesReference(QStringLiteral("removed")));
        m_model->remove(m_proxy->index(3, 0).data(KeyListModel::KeyIdRole).toString());
        QCOMPARE(m_proxy->rowCount(), shown - 1);
        QVERIFY(matchesReference(QStringLiteral("a shown key removed")));
    }

    // A refresh removes, moves, edits and inserts rows in the source one at a time.
    void replaceAllWhileFilteredAndSorted()
    {
        Generator gen(13);
        QList<ApiKey> keys = gen.keys(1000);
        m_model->appendPage(keys.mid(0, 500), true, keys.at(499).id);
        m_model->appendPage(keys.mid(500), false, {});
        m_proxy->setText(QStringLiteral("e"));
        m_proxy->setStatusFilter(StatusFilter::Active);
        // Few distinct values, many ties: rows moved in the source must move among their equals.
        m_proxy->sort(KeyListModel::Permissions, Qt::DescendingOrder);
        QVERIFY(matchesReference(QStringLiteral("start")));
        // The server's first page now: some keys gone, a few new, some edited, some reordered.
        QList<ApiKey> page;
        for (int i = 0; i < 150; ++i) {
            if (i % 7 == 3)
                continue;
            ApiKey k = keys.at(i);
            if (i % 5 == 0)
                k.note = QStringLiteral("edited ") + k.note;
            if (i % 11 == 0)
                k.status = ApiKey::Status::Revoked;
            page.append(k);
        }
        for (int i = 0; i < 10; ++i)
            page.insert(gen.bounded(int(page.size())), gen.key());
        std::swap(page[10], page[120]);
        std::swap(page[50], page[51]);
        m_model->replaceAll(page, false, {});
        QVERIFY(matchesReference(QStringLiteral("refreshed")));
        std::reverse(page.begin() + 60, page.begin() + 90); // the next refresh moves thirty keys
        m_model->replaceAll(page, false, {});
        QVERIFY(matchesReference(QStringLiteral("refreshed again")));
        m_proxy->sort(KeyListModel::Status, Qt::AscendingOrder);
        std::reverse(page.begin(), page.begin() + 40);
        m_model->replaceAll(page, false, {});
        QVERIFY(matchesReference(QStringLiteral("refreshed sorted by status")));
        m_model->clear();
        QCOMPARE(m_proxy->rowCount(), 0);
        m_model->appendPage(keys.mid(0, 100), false, {});
        QVERIFY(matchesReference(QStringLiteral("after a reset")));
    }

    // The view keeps its selection and current row on the same keys whatever the sort, through
    // filters that keep them and source changes around them; a key filtered out leaves the
    // selection.
    void selectionFollowsKeys()
    {
        Generator gen(17);
        m_model->appendPage(gen.keys(800), false, {});
        m_proxy->sort(KeyListModel::Created, Qt::DescendingOrder);
        QItemSelectionModel selection(m_proxy.get());
        const QModelIndex first = m_proxy->index(10, 0);
        const QString firstId = idAt(first);
        // The second key must not match a filter on the first one's id (sk_12 is in sk_123).
        int secondRow = 400;
        while (m_proxy->index(secondRow, 0).data(KeyListModel::SearchTextRole).toString().contains(firstId))
            ++secondRow;
        const QModelIndex second = m_proxy->index(secondRow, 0);
        const QString secondId = idAt(second);
        selection.select(first, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        selection.select(second, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        selection.setCurrentIndex(m_proxy->index(10, 2), QItemSelectionModel::NoUpdate);
        const QPersistentModelIndex persistent(m_proxy->index(secondRow, 3));
        const auto selectedIds = [&selection] {
            QStringList ids;
            for (const QModelIndex &row : selection.selectedRows())
                ids.append(idAt(row));
            ids.sort();
            return ids;
        };
        QStringList both {firstId, secondId};
        both.sort();
        const auto check = [&](const QString &when) {
            if (selectedIds() != both || idAt(selection.currentIndex()) != firstId
                || selection.currentIndex().column() != 2 || idAt(persistent) != secondId || persistent.column() != 3) {
                qWarning("%s: selected %s, current %s, persistent %s", qPrintable(when),
                         qPrintable(selectedIds().join(QLatin1Char(','))), qPrintable(idAt(selection.currentIndex())),
                         qPrintable(idAt(persistent)));
                return false;
            }
            return true;
        };
        QVERIFY(check(QStringLiteral("selected")));
        for (int column = 0; column < KeyListModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                m_proxy->sort(column, order);
                QVERIFY(check(QStringLiteral("sorted by %1/%2").arg(column).arg(int(order))));
                QCOMPARE(persistent.row(), shownIds(*m_proxy).indexOf(secondId));
            }
        }
        m_proxy->sort(-1);
        QVERIFY(check(QStringLiteral("source order")));

        // A filter both keys pass, typed and erased: "sk_" is in every id.
        for (const QString &text :
             {QStringLiteral("s"), QStringLiteral("sk"), QStringLiteral("sk_"), QStringLiteral("sk"), QString()}) {
            m_proxy->setText(text);
            QVERIFY(check(QStringLiteral("filtered by \"%1\"").arg(text)));
        }
        m_proxy->sort(KeyListModel::Note, Qt::AscendingOrder);
        m_model->upsert(gen.key());
        QVERIFY(check(QStringLiteral("a key created")));
        QStringList others = shownIds(*m_proxy);
        others.removeAll(firstId);
        others.removeAll(secondId);
        m_model->remove(others.at(5));
        QVERIFY(check(QStringLiteral("another key removed")));
        const int rowBefore = persistent.row();
        ApiKey edited = m_model->keyAt(m_model->indexOfKey(secondId).row());
        edited.note = QStringLiteral("0000 sorts early now");
        m_model->upsert(edited);
        QVERIFY(check(QStringLiteral("a selected key edited to sort elsewhere")));
        QVERIFY(persistent.row() != rowBefore);
        QCOMPARE(persistent.row(), shownIds(*m_proxy).indexOf(secondId));
        QVERIFY(matchesReference(QStringLiteral("after the edit")));

        // Now filter the second key out: only the first stays selected.
        m_proxy->setText(firstId);
        QVERIFY(!persistent.isValid());
        QStringList only {firstId};
        QCOMPARE(selectedIds(), only);
        QCOMPARE(idAt(selection.currentIndex()), firstId);
    }

    // A word typed to the end of a key's text and one character further: the key must go,
    // whatever the proxy kept of where the shorter word was.
    void aWordGrowingPastTheEndOfAText()
    {
        Generator gen(41);
        m_model->appendPage(gen.keys(50), false, {});
        const QString extra = QStringLiteral("_:.@-0123456789abcdefghijklmnopqrstuvwxyz");
        for (const QString &id : {QStringLiteral("sk_7"), QStringLiteral("sk_12"), QStringLiteral("sk_49")}) {
            for (const QChar c : extra) {
                m_model->upsert(gen.key()); // a change: no remembered query answers the next ones
                const QString word = id + c;
                for (qsizetype i = 1; i <= word.size(); ++i) {
                    m_proxy->setText(word.left(i));
                    QVERIFY(matchesReference(QStringLiteral("typing \"%1\"").arg(word.left(i))));
                }
                m_proxy->setText(QString());
            }
        }
    }

    // A keystroke is one layout change, never a removal or insertion per row.
    void aKeystrokeIsOneLayoutChange()
    {
        Generator gen(19);
        m_model->appendPage(gen.keys(2000), false, {});
        QSignalSpy removed(m_proxy.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(m_proxy.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy layout(m_proxy.get(), &QAbstractItemModel::layoutChanged);
        QSignalSpy reset(m_proxy.get(), &QAbstractItemModel::modelReset);
        QVERIFY(removed.isValid() && inserted.isValid() && layout.isValid() && reset.isValid());
        m_proxy->setText(QStringLiteral("bi"));
        QVERIFY(m_proxy->rowCount() > 0 && m_proxy->rowCount() < 2000);
        m_proxy->setText(QString());
        QCOMPARE(m_proxy->rowCount(), 2000);
        QCOMPARE(layout.count(), 2);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(reset.count(), 0);
        // A sort is a layout change with the vertical sort hint (views keep their columns).
        m_proxy->sort(KeyListModel::Note);
        QCOMPARE(layout.count(), 3);
        QCOMPARE(layout.constLast().at(1).value<QAbstractItemModel::LayoutChangeHint>(),
                 QAbstractItemModel::VerticalSortHint);
        // A page arriving at the end of the source order is one insertion.
        m_proxy->sort(-1);
        const int before = m_proxy->rowCount();
        m_model->appendPage(gen.keys(50), false, {});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.constLast().at(1).toInt(), before);
        QCOMPARE(inserted.constLast().at(2).toInt(), before + 49);
    }

    // Loading more is the source's: the view asks the proxy when scrolled to the end.
    void forwardsFetchMoreAndHeaders()
    {
        Generator gen(23);
        const QList<ApiKey> keys = gen.keys(20);
        m_model->appendPage(keys, true, keys.constLast().id);
        m_proxy->setText(QStringLiteral("nothing matches this"));
        QCOMPARE(m_proxy->rowCount(), 0);
        // Only now a loader: the model testers call fetchMore() on every signal.
        QStringList asked;
        m_model->setPageLoader([&asked](const QString &cursor) { asked.append(cursor); });
        QVERIFY(m_proxy->canFetchMore({}));
        m_proxy->fetchMore({});
        QCOMPARE(asked, QStringList {keys.constLast().id});
        QVERIFY(!m_proxy->canFetchMore({})); // one page in flight
        m_model->appendPage(gen.keys(5), false, {});
        QVERIFY(!m_proxy->canFetchMore({})); // the last page
        // Headers even with no row shown.
        for (int column = 0; column < KeyListModel::ColumnCount; ++column)
            QCOMPARE(m_proxy->headerData(column, Qt::Horizontal), m_model->headerData(column, Qt::Horizontal));
        QCOMPARE(m_proxy->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Note"));
        m_proxy->setText(QString());
        m_proxy->sort(KeyListModel::Created, Qt::AscendingOrder);
        const int sourceRow = m_proxy->mapToSource(m_proxy->index(0, 0)).row();
        QCOMPARE(m_proxy->headerData(0, Qt::Vertical), m_model->headerData(sourceRow, Qt::Vertical));
    }

    void mapsBothWays()
    {
        Generator gen(29);
        m_model->appendPage(gen.keys(300), false, {});
        m_proxy->setText(QStringLiteral("a"));
        m_proxy->sort(KeyListModel::Key, Qt::DescendingOrder);
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex proxyIndex = m_proxy->index(row, KeyListModel::Status);
            const QModelIndex source = m_proxy->mapToSource(proxyIndex);
            QCOMPARE(source.model(), m_model.get());
            QCOMPARE(source.column(), int(KeyListModel::Status));
            QCOMPARE(m_proxy->mapFromSource(source), proxyIndex);
            QCOMPARE(proxyIndex.data(), source.data());
        }
        int hidden = 0;
        for (int row = 0; row < m_model->rowCount(); ++row)
            hidden += !m_proxy->mapFromSource(m_model->index(row, 0)).isValid();
        QCOMPARE(hidden, m_model->rowCount() - m_proxy->rowCount());
        QVERIFY(!m_proxy->mapToSource({}).isValid());
        QVERIFY(!m_proxy->mapFromSource({}).isValid());
    }

    // Only a KeyListModel can be shown; anything else is an empty list, and a source that goes
    // away leaves an empty list too.
    void otherSourcesAndASourceThatGoes()
    {
        QStringListModel strings({QStringLiteral("a"), QStringLiteral("b")});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("only a KeyListModel")));
        m_proxy->setSourceModel(&strings);
        QCOMPARE(m_proxy->rowCount(), 0);
        QCOMPARE(m_proxy->columnCount(), 0);
        m_proxy->setSourceModel(m_model.get());
        Generator gen(31);
        m_model->appendPage(gen.keys(10), false, {});
        QCOMPARE(m_proxy->rowCount(), 10);

        auto doomed = std::make_unique<KeyListModel>();
        KeyFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(doomed.get());
        doomed->appendPage(gen.keys(10), false, {});
        proxy.setText(QStringLiteral("a"));
        proxy.sort(KeyListModel::Note);
        QVERIFY(proxy.rowCount() > 0);
        doomed.reset();
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setText(QStringLiteral("b"));
        proxy.sort(KeyListModel::Created);
        QCOMPARE(proxy.rowCount(), 0);
    }

    // The clock moves (or the model says everything changed): statuses are read again.
    void statusFollowsTheClock()
    {
        Generator gen(37);
        m_model->appendPage(gen.keys(600), false, {});
        m_proxy->setStatusFilter(StatusFilter::Expiring);
        m_proxy->sort(KeyListModel::Status, Qt::AscendingOrder);
        QVERIFY(matchesReference(QStringLiteral("now")));
        const QStringList before = shownIds(*m_proxy);
        m_model->setClock([] { return Now.addDays(20); });
        QVERIFY(matchesReference(QStringLiteral("20 days later")));
        QVERIFY(shownIds(*m_proxy) != before);
        m_proxy->setStatusFilter(StatusFilter::All);
        m_proxy->sort(KeyListModel::Status, Qt::DescendingOrder);
        QVERIFY(matchesReference(QStringLiteral("sorted by status 20 days later")));
        // Sorted by status, every key shown: the order must follow the clock too.
        const QStringList sorted = shownIds(*m_proxy);
        m_model->setClock([] { return Now.addDays(60); });
        QVERIFY(matchesReference(QStringLiteral("60 days later")));
        QVERIFY(shownIds(*m_proxy) != sorted);
    }
};

QTEST_GUILESS_MAIN(TestKeyFilterProxy)
#include "tst_keyfilterproxy.moc"

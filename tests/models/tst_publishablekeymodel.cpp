// SPDX-License-Identifier: GPL-3.0-or-later
// PublishableKeyModel: full pk_ values, dates with the creator in the tooltip, raw-value sorting
// through a proxy, refresh in place (rows that survive keep their persistent indexes), upsert,
// remove and the index helpers. The model and the proxy run under QAbstractItemModelTester for
// the whole life of every test.
#include "PublishableKeyModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <memory>

using namespace keyward;

namespace {

PublishableKey makeKey(const QString &id, const QString &note, const QDateTime &createdAt,
                       const QString &creator = QStringLiteral("Adam Admin"))
{
    PublishableKey k;
    k.id = id;
    k.note = note;
    k.key = QStringLiteral("pk_") + id.toUpper().leftJustified(33, QLatin1Char('x'));
    k.createdAt = createdAt;
    if (!creator.isEmpty())
        k.createdBy = {QStringLiteral("user"), QStringLiteral("usr_1"), creator};
    return k;
}

QDateTime utc(int y, int m, int d, int h = 12)
{
    return QDateTime(QDate(y, m, d), QTime(h, 0), Qt::UTC);
}

// Ids a list is made of, by letter: "cab" → keys c, a, b.
QList<PublishableKey> keysOf(const QString &letters)
{
    QList<PublishableKey> out;
    for (QChar c : letters)
        out.append(makeKey(QStringLiteral("pkid_") + c, QStringLiteral("note ") + c, utc(2026, 1, 1 + c.unicode() - 'a')));
    return out;
}

} // namespace

class TestPublishableKeyModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PublishableKeyModel> m_model;
    std::unique_ptr<QSortFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;

    QStringList ids(const QAbstractItemModel &model) const
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.append(model.index(row, 0).data(PublishableKeyModel::KeyIdRole).toString());
        return out;
    }
    static QStringList idsOf(const QString &letters)
    {
        QStringList out;
        for (QChar c : letters)
            out.append(QStringLiteral("pkid_") + c);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Short dates as M/d/yy: their text order differs from their time order.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        m_model = std::make_unique<PublishableKeyModel>();
        m_proxy = std::make_unique<QSortFilterProxyModel>();
        m_proxy->setSortRole(PublishableKeyModel::SortRole);
        m_proxy->setSourceModel(m_model.get());
        m_modelTester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_proxyTester.reset();
        m_modelTester.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void columnsAndHeaders()
    {
        QCOMPARE(m_model->columnCount(), 3);
        QCOMPARE(int(PublishableKeyModel::ColumnCount), 3);
        QCOMPARE(m_model->headerData(PublishableKeyModel::Note, Qt::Horizontal).toString(), QStringLiteral("Note"));
        QCOMPARE(m_model->headerData(PublishableKeyModel::Key, Qt::Horizontal).toString(), QStringLiteral("Key"));
        QCOMPARE(m_model->headerData(PublishableKeyModel::Created, Qt::Horizontal).toString(), QStringLiteral("Created"));
        QCOMPARE(m_model->rowCount(), 0);
        m_model->setKeys(keysOf(QStringLiteral("ab")));
        QCOMPARE(m_model->rowCount(), 2);
        // A table: no children under a row.
        QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 0);
        QCOMPARE(m_model->columnCount(m_model->index(0, 0)), 0);
    }

    void showsTheFullKeyAndTheCreator()
    {
        const PublishableKey withCreator = makeKey(QStringLiteral("pkid_web"), QStringLiteral("web checkout"),
                                                   utc(2026, 3, 14));
        const PublishableKey withoutCreator = makeKey(QStringLiteral("pkid_ios"), QStringLiteral("iOS app"),
                                                      utc(2026, 3, 15), QString());
        m_model->setKeys({withCreator, withoutCreator});
        const QModelIndex note = m_model->index(0, PublishableKeyModel::Note);
        const QModelIndex key = m_model->index(0, PublishableKeyModel::Key);
        const QModelIndex created = m_model->index(0, PublishableKeyModel::Created);
        QCOMPARE(note.data().toString(), QStringLiteral("web checkout"));
        // Public by design: the whole value, not a mask.
        QCOMPARE(key.data().toString(), withCreator.key);
        QVERIFY(key.data().toString().startsWith(QLatin1String("pk_")));
        QCOMPARE(key.data().toString().size(), 36);
        QVERIFY(key.data(Qt::ToolTipRole).toString().startsWith(withCreator.key));
        QCOMPARE(m_model->index(0, PublishableKeyModel::Note).data(PublishableKeyModel::KeyValueRole).toString(),
                 withCreator.key);
        QCOMPARE(created.data().toString(), QLocale().toString(withCreator.createdAt.toLocalTime().date(), QLocale::ShortFormat));
        QVERIFY2(created.data(Qt::ToolTipRole).toString().endsWith(QLatin1String("by Adam Admin")),
                 qPrintable(created.data(Qt::ToolTipRole).toString()));
        const QString noCreator = m_model->index(1, PublishableKeyModel::Created).data(Qt::ToolTipRole).toString();
        QVERIFY(!noCreator.isEmpty());
        QVERIFY2(!noCreator.contains(QLatin1String("\nby ")), qPrintable(noCreator));
        QCOMPARE(m_model->index(1, PublishableKeyModel::Note).data(PublishableKeyModel::KeyIdRole).toString(),
                 QStringLiteral("pkid_ios"));
        // Nothing for roles the model does not know.
        QVERIFY(!note.data(Qt::DecorationRole).isValid());
    }

    void sortsByRawValues_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<QStringList>("expected");
        // Created: 12/31/25 (c), 1/9/26 (a), 1/10/26 (b); as text "1/10/26" would sort first.
        QTest::newRow("created ascending") << int(PublishableKeyModel::Created) << Qt::AscendingOrder
                                           << idsOf(QStringLiteral("cab"));
        QTest::newRow("created descending") << int(PublishableKeyModel::Created) << Qt::DescendingOrder
                                            << idsOf(QStringLiteral("bac"));
        // Notes compare without case: "apple" < "Banana" < "cherry".
        QTest::newRow("note ascending") << int(PublishableKeyModel::Note) << Qt::AscendingOrder
                                        << idsOf(QStringLiteral("bca"));
        QTest::newRow("key ascending") << int(PublishableKeyModel::Key) << Qt::AscendingOrder
                                       << idsOf(QStringLiteral("abc"));
    }

    void sortsByRawValues()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QFETCH(QStringList, expected);
        m_model->setKeys({makeKey(QStringLiteral("pkid_a"), QStringLiteral("cherry"), utc(2026, 1, 9)),
                          makeKey(QStringLiteral("pkid_b"), QStringLiteral("apple"), utc(2026, 1, 10)),
                          makeKey(QStringLiteral("pkid_c"), QStringLiteral("Banana"), utc(2025, 12, 31))});
        QCOMPARE(m_model->index(0, PublishableKeyModel::Created).data(PublishableKeyModel::SortRole).toLongLong(),
                 utc(2026, 1, 9).toMSecsSinceEpoch());
        QCOMPARE(m_model->index(2, PublishableKeyModel::Note).data(PublishableKeyModel::SortRole).toString(),
                 QStringLiteral("banana"));
        m_proxy->sort(column, order);
        QCOMPARE(ids(*m_proxy), expected);
    }

    void setKeysFollowsTheServer_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("first load") << QString() << QStringLiteral("abc");
        QTest::newRow("all gone") << QStringLiteral("abc") << QString();
        QTest::newRow("same") << QStringLiteral("abc") << QStringLiteral("abc");
        QTest::newRow("new on top") << QStringLiteral("abc") << QStringLiteral("dabc");
        QTest::newRow("one deleted") << QStringLiteral("abcd") << QStringLiteral("abd");
        QTest::newRow("reversed") << QStringLiteral("abcd") << QStringLiteral("dcba");
        QTest::newRow("mixed") << QStringLiteral("abcde") << QStringLiteral("fdbgae");
        QTest::newRow("a repeated id once") << QStringLiteral("ab") << QStringLiteral("cacb");
    }

    void setKeysFollowsTheServer()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        m_model->setKeys(keysOf(before));
        QCOMPARE(ids(*m_model), idsOf(before));
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QVERIFY(reset.isValid());
        m_model->setKeys(keysOf(after));
        QStringList expected;
        for (const QString &id : idsOf(after)) {
            if (!expected.contains(id))
                expected.append(id);
        }
        QCOMPARE(ids(*m_model), expected);
        QCOMPARE(reset.count(), 0); // in place: views keep selection and scroll
    }

    void refreshKeepsSurvivingRows()
    {
        m_model->setKeys(keysOf(QStringLiteral("abc")));
        const QPersistentModelIndex b(m_model->index(1, PublishableKeyModel::Note));
        const QPersistentModelIndex c(m_model->index(2, PublishableKeyModel::Note));
        QList<PublishableKey> fresh = keysOf(QStringLiteral("db"));
        fresh[1].note = QStringLiteral("renamed on the server");
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(changed.isValid());
        m_model->setKeys(fresh);
        QVERIFY(b.isValid());
        QCOMPARE(b.row(), 1);
        QCOMPARE(b.data().toString(), QStringLiteral("renamed on the server"));
        QVERIFY(!c.isValid()); // gone from the server, gone from the list
        QVERIFY(changed.count() >= 1);
    }

    void upsertAndRemove()
    {
        m_model->setKeys(keysOf(QStringLiteral("ab")));
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(inserted.isValid() && changed.isValid());

        // New: on top.
        m_model->upsert(makeKey(QStringLiteral("pkid_new"), QStringLiteral("new"), utc(2026, 5, 1)));
        QCOMPARE(ids(*m_model), (QStringList {QStringLiteral("pkid_new"), QStringLiteral("pkid_a"), QStringLiteral("pkid_b")}));
        QCOMPARE(inserted.count(), 1);

        // Known: updated where it is.
        PublishableKey b = keysOf(QStringLiteral("b")).constFirst();
        b.note = QStringLiteral("updated");
        m_model->upsert(b);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_model->index(2, PublishableKeyModel::Note).data().toString(), QStringLiteral("updated"));

        // Unknown ids change nothing.
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QVERIFY(removed.isValid());
        m_model->remove(QStringLiteral("pkid_nope"));
        QCOMPARE(removed.count(), 0);
        QCOMPARE(m_model->rowCount(), 3);
        m_model->remove(QStringLiteral("pkid_a"));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(ids(*m_model), (QStringList {QStringLiteral("pkid_new"), QStringLiteral("pkid_b")}));
    }

    void indexHelpers()
    {
        m_model->setKeys(keysOf(QStringLiteral("abc")));
        const QModelIndex c = m_model->indexOfKey(QStringLiteral("pkid_c"), PublishableKeyModel::Key);
        QVERIFY(c.isValid());
        QCOMPARE(c.row(), 2);
        QCOMPARE(c.column(), int(PublishableKeyModel::Key));
        QCOMPARE(m_model->indexOfKey(QStringLiteral("pkid_c")).column(), 0);
        QVERIFY(!m_model->indexOfKey(QStringLiteral("pkid_z")).isValid());
        const PublishableKey *key = m_model->keyFromIndex(c);
        QVERIFY(key);
        QCOMPARE(key->id, QStringLiteral("pkid_c"));
        QCOMPARE(key->note, QStringLiteral("note c"));
        QVERIFY(!m_model->keyFromIndex(QModelIndex()));
        // An index of another model (the proxy) is not taken for one of ours.
        m_proxy->sort(PublishableKeyModel::Created, Qt::DescendingOrder);
        QVERIFY(!m_model->keyFromIndex(m_proxy->index(0, 0)));
        QCOMPARE(m_model->keyFromIndex(m_proxy->mapToSource(m_proxy->index(0, 0)))->id, QStringLiteral("pkid_c"));
        QCOMPARE(m_model->keys().size(), 3);
    }

    void clearEmptiesOnce()
    {
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QVERIFY(reset.isValid());
        m_model->clear(); // already empty: nothing to tell the views
        QCOMPARE(reset.count(), 0);
        m_model->setKeys(keysOf(QStringLiteral("abc")));
        m_model->clear();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_proxy->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPublishableKeyModel)
#include "tst_publishablekeymodel.moc"

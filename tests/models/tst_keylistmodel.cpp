// SPDX-License-Identifier: GPL-3.0-or-later
// KeyListModel and KeyFilterProxy: masking, raw-value sorting, filtering by text and status,
// hygiene badges against an injected clock, page-by-page loading, refresh in place. Both models
// run under QAbstractItemModelTester for the whole life of every test.
#include "KeyFilterProxy.h"
#include "KeyListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

// Plural strings use %n; without a translation loaded (the tests load none) Qt leaves the "(s)"
// of the source text, which an English .qm resolves in the app.
using namespace keyward;

namespace {

const QDateTime Now = QDateTime(QDate(2026, 11, 29), QTime(12, 0), Qt::UTC);

ApiKey makeKey(const QString &id, const QString &note, const QStringList &permissions, int createdDaysAgo,
               int lastUsedDaysAgo = -1, int expiresInDays = 0, ApiKey::Status status = ApiKey::Status::Active)
{
    ApiKey k;
    k.id = id;
    k.note = note;
    k.prefix = QStringLiteral("skey_");
    k.lastFour = id.right(4).rightJustified(4, QLatin1Char('0'));
    k.permissions = permissions;
    k.status = status;
    k.createdAt = Now.addDays(-createdDaysAgo);
    k.createdBy = {QStringLiteral("user"), QStringLiteral("usr_1"), QStringLiteral("adam.admin@example.com")};
    if (lastUsedDaysAgo >= 0) {
        k.lastUsedAt = Now.addDays(-lastUsedDaysAgo);
        k.lastUsedIp = QStringLiteral("203.0.113.7");
        k.lastUsedUserAgent = QStringLiteral("curl/8.0");
    }
    if (expiresInDays != 0)
        k.expiresAt = Now.addDays(expiresInDays);
    return k;
}

QList<ApiKey> sample()
{
    return {
        makeKey(QStringLiteral("sk_a1b2"), QStringLiteral("Billing service"), {QStringLiteral("payments:write")}, 10, 0, 200),
        makeKey(QStringLiteral("sk_c3d4"), QStringLiteral("Old reporting job"), {QStringLiteral("payments:read")}, 400, 120),
        makeKey(QStringLiteral("sk_e5f6"), QStringLiteral("Everything (admin script)"),
                {QStringLiteral("payments:write"), QStringLiteral("refunds:write")}, 30, 1, 7),
        makeKey(QStringLiteral("sk_g7h8"), QStringLiteral("Leaked CI key"), {QStringLiteral("refunds:read")}, 50, 2, 0,
                ApiKey::Status::Revoked),
        makeKey(QStringLiteral("sk_i9j0"), QStringLiteral("Expired partner key"), {QStringLiteral("payments:read")}, 90, 40,
                -3),
    };
}

} // namespace

class TestKeyListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<KeyListModel> m_model;
    std::unique_ptr<KeyFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;

    QStringList column(const QAbstractItemModel &model, int col, int role = Qt::DisplayRole)
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.append(model.index(row, col).data(role).toString());
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<KeyListModel>();
        m_model->setClock([] { return Now; });
        m_model->setAllResources({QStringLiteral("payments"), QStringLiteral("refunds")});
        m_proxy = std::make_unique<KeyFilterProxy>();
        m_proxy->setSourceModel(m_model.get());
        m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_proxyTester.reset();
        m_modelTester.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void displaysMaskedValuesAndStatus()
    {
        m_model->appendPage(sample(), false, {});
        QCOMPARE(m_model->rowCount(), 5);
        QCOMPARE(m_model->columnCount(), int(KeyListModel::ColumnCount));
        const QString masked = m_model->index(0, KeyListModel::Key).data().toString();
        QCOMPARE(masked, QStringLiteral("skey_••••••••a1b2"));
        QCOMPARE(column(*m_model, KeyListModel::Status),
                 (QStringList {QStringLiteral("Active"), QStringLiteral("Active"), QStringLiteral("Expires in 7 day(s)"),
                               QStringLiteral("Revoked"), QStringLiteral("Expired")}));
        QCOMPARE(m_model->index(1, KeyListModel::LastUsed).data().toString(), QStringLiteral("4 month(s) ago"));
        QCOMPARE(m_model->index(0, KeyListModel::LastUsed).data().toString(), QStringLiteral("just now"));
        QVERIFY(m_model->index(0, KeyListModel::LastUsed).data(Qt::ToolTipRole).toString().contains(QLatin1String("203.0.113.7")));
        QCOMPARE(m_model->index(2, KeyListModel::Permissions).data().toString(), QStringLiteral("Full access"));
        QCOMPARE(m_model->index(1, KeyListModel::Expires).data().toString(), QStringLiteral("Never"));
        QCOMPARE(m_model->index(0, KeyListModel::Note).data(KeyListModel::KeyIdRole).toString(), QStringLiteral("sk_a1b2"));
        QCOMPARE(m_model->indexOfKey(QStringLiteral("sk_g7h8")).row(), 3);
        QCOMPARE(m_model->keyFromIndex(m_model->index(3, 0))->note, QStringLiteral("Leaked CI key"));
    }

    // A live key with a replacement is mid-rotation and says so; a retired one does not.
    void statusShowsARotationInProgress()
    {
        QList<ApiKey> keys = sample();
        keys[0].rotatedBy = QStringLiteral("sk_new1");
        keys[2].rotatedBy = QStringLiteral("sk_new2"); // expiring within days: its grace period
        keys[3].rotatedBy = QStringLiteral("sk_new3"); // revoked: the rotation is over
        m_model->appendPage(keys, false, {});
        QCOMPARE(m_model->index(0, KeyListModel::Status).data().toString(), QStringLiteral("Active · being replaced"));
        QCOMPARE(m_model->index(2, KeyListModel::Status).data().toString(),
                 QStringLiteral("Expires in 7 day(s) · being replaced"));
        QCOMPARE(m_model->index(3, KeyListModel::Status).data().toString(), QStringLiteral("Revoked"));
        QCOMPARE(m_model->index(1, KeyListModel::Status).data().toString(), QStringLiteral("Active"));
    }

    void hygieneBadges()
    {
        m_model->appendPage(sample(), false, {});
        auto badges = [&](int row) { return KeyListModel::Badges(m_model->index(row, 0).data(KeyListModel::BadgesRole).toInt()); };
        QCOMPARE(badges(0), KeyListModel::Badges());
        QCOMPARE(badges(1), KeyListModel::UnusedFor90Days | KeyListModel::NeverExpires);
        QCOMPARE(badges(2), KeyListModel::BroadPermissions | KeyListModel::ExpiresSoon);
        QCOMPARE(badges(3), KeyListModel::Badges()); // revoked: no longer a hygiene concern
        QCOMPARE(badges(4), KeyListModel::Badges());
        QCOMPARE(m_model->countWithBadge(KeyListModel::UnusedFor90Days), 1);
        QCOMPARE(m_model->countWithBadge(KeyListModel::BroadPermissions), 1);
        // Time passes: the billing key goes unused for 90 days.
        m_model->setClock([] { return Now.addDays(95); });
        QVERIFY(badges(0).testFlag(KeyListModel::UnusedFor90Days));
    }

    void sortsByRawValues_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("ascendingIds");
        QTest::newRow("created") << int(KeyListModel::Created)
                                 << QStringList {QStringLiteral("sk_c3d4"), QStringLiteral("sk_i9j0"), QStringLiteral("sk_g7h8"),
                                                 QStringLiteral("sk_e5f6"), QStringLiteral("sk_a1b2")};
        QTest::newRow("last used") << int(KeyListModel::LastUsed)
                                   << QStringList {QStringLiteral("sk_c3d4"), QStringLiteral("sk_i9j0"), QStringLiteral("sk_g7h8"),
                                                   QStringLiteral("sk_e5f6"), QStringLiteral("sk_a1b2")};
        QTest::newRow("expires, never last") << int(KeyListModel::Expires)
                                             << QStringList {QStringLiteral("sk_i9j0"), QStringLiteral("sk_e5f6"),
                                                             QStringLiteral("sk_a1b2"), QStringLiteral("sk_c3d4"),
                                                             QStringLiteral("sk_g7h8")};
        QTest::newRow("status") << int(KeyListModel::Status)
                                << QStringList {QStringLiteral("sk_a1b2"), QStringLiteral("sk_c3d4"), QStringLiteral("sk_e5f6"),
                                                QStringLiteral("sk_i9j0"), QStringLiteral("sk_g7h8")};
    }

    void sortsByRawValues()
    {
        QFETCH(int, column);
        QFETCH(QStringList, ascendingIds);
        m_model->appendPage(sample(), false, {});
        m_proxy->sort(column, Qt::AscendingOrder);
        QCOMPARE(this->column(*m_proxy, 0, KeyListModel::KeyIdRole), ascendingIds);
    }

    // The typed accessors KeyFilterProxy builds its keys from say what the roles say.
    void typedAccessMatchesRoles()
    {
        QList<ApiKey> keys = sample();
        keys[0].note = QStringLiteral("Café Zürich\nsecond line"); // a new line inside the note
        keys[1].lastFour = QStringLiteral("AbCd");
        m_model->appendPage(keys, false, {});
        const qint64 now = Now.toMSecsSinceEpoch();
        QCOMPARE(m_model->nowMs(), now);
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const ApiKey &key = m_model->keyAt(row);
            QCOMPARE(&key, m_model->keyFromIndex(m_model->index(row, 0)));
            for (int column = 0; column < KeyListModel::ColumnCount; ++column) {
                const QVariant role = m_model->index(row, column).data(KeyListModel::SortRole);
                if (KeyListModel::sortsAsText(column))
                    QCOMPARE(KeyListModel::sortText(key, column), role.toString());
                else
                    QCOMPARE(KeyListModel::sortNumber(key, column, now), role.toLongLong());
            }
            qsizetype noteSize = -1;
            const QByteArray search = KeyListModel::searchTextUtf8(key, &noteSize);
            QCOMPARE(QString::fromUtf8(search), m_model->index(row, 0).data(KeyListModel::SearchTextRole).toString());
            QCOMPARE(search.first(noteSize), key.note.toLower().toUtf8());
            const auto status = m_model->index(row, 0).data(KeyListModel::StatusRole).value<KeyListModel::DisplayStatus>();
            QCOMPARE(m_model->displayStatus(key), status);
            QCOMPARE(KeyListModel::displayStatus(key, now), status);
            QCOMPARE(KeyListModel::displayStatus(key.status, KeyListModel::sortNumber(key, KeyListModel::Expires, now), now),
                     status);
        }
        QCOMPARE(m_model->index(1, KeyListModel::Key).data(KeyListModel::SortRole).toString(), QStringLiteral("abcd"));
        QVERIFY(m_model->index(0, 0).data(KeyListModel::SearchTextRole).toString().startsWith(
            QStringLiteral("café zürich\nsecond line\nskey_\n")));
    }

    void filtersByTextAndStatus_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("ids");
        const auto all = int(KeyFilterProxy::StatusFilter::All);
        QTest::newRow("note words, any case") << QStringLiteral("  BILLING  serv ") << all << QStringList {QStringLiteral("sk_a1b2")};
        QTest::newRow("last four") << QStringLiteral("e5f6") << all << QStringList {QStringLiteral("sk_e5f6")};
        QTest::newRow("permission") << QStringLiteral("refunds:") << all
                                    << QStringList {QStringLiteral("sk_e5f6"), QStringLiteral("sk_g7h8")};
        QTest::newRow("creator") << QStringLiteral("adam.admin") << all << QStringList {QStringLiteral("sk_a1b2"), QStringLiteral("sk_c3d4"),
                                                                                     QStringLiteral("sk_e5f6"), QStringLiteral("sk_g7h8"),
                                                                                     QStringLiteral("sk_i9j0")};
        QTest::newRow("nothing") << QStringLiteral("zzz") << all << QStringList {};
        QTest::newRow("active") << QString() << int(KeyFilterProxy::StatusFilter::Active)
                                << QStringList {QStringLiteral("sk_a1b2"), QStringLiteral("sk_c3d4"), QStringLiteral("sk_e5f6")};
        QTest::newRow("expiring") << QString() << int(KeyFilterProxy::StatusFilter::Expiring) << QStringList {QStringLiteral("sk_e5f6")};
        QTest::newRow("revoked and expired") << QString() << int(KeyFilterProxy::StatusFilter::RevokedOrExpired)
                                             << QStringList {QStringLiteral("sk_g7h8"), QStringLiteral("sk_i9j0")};
        QTest::newRow("text and status") << QStringLiteral("payments") << int(KeyFilterProxy::StatusFilter::RevokedOrExpired)
                                         << QStringList {QStringLiteral("sk_i9j0")};
    }

    void filtersByTextAndStatus()
    {
        QFETCH(QString, text);
        QFETCH(int, status);
        QFETCH(QStringList, ids);
        m_model->appendPage(sample(), false, {});
        m_proxy->setText(text);
        m_proxy->setStatusFilter(KeyFilterProxy::StatusFilter(status));
        QCOMPARE(column(*m_proxy, 0, KeyListModel::KeyIdRole), ids);
        m_proxy->setText(QString());
        m_proxy->setStatusFilter(KeyFilterProxy::StatusFilter::All);
        QCOMPARE(m_proxy->rowCount(), 5);
    }

    void fetchesPageByPage()
    {
        QStringList asked;
        m_model->setPageLoader([&](const QString &cursor) { asked.append(cursor); });
        QSignalSpy loading(m_model.get(), &KeyListModel::loadingChanged);
        QVERIFY(loading.isValid());
        QVERIFY(!m_model->canFetchMore()); // nothing says there is more yet
        const QList<ApiKey> keys = sample();
        m_model->appendPage(keys.mid(0, 2), true, keys.at(1).id);
        QVERIFY(m_model->canFetchMore());
        m_model->fetchMore();
        QCOMPARE(asked, QStringList {QStringLiteral("sk_c3d4")});
        QVERIFY(m_model->isLoading());
        QVERIFY(!m_model->canFetchMore()); // one page in flight at a time
        m_model->fetchMore();
        QCOMPARE(asked.size(), 1);
        // A key created meanwhile shifts the pages: the repeated key is not listed twice.
        m_model->appendPage(keys.mid(1, 3), false, {});
        QCOMPARE(m_model->rowCount(), 4);
        QVERIFY(!m_model->canFetchMore());
        QVERIFY(!m_model->isLoading());
        QCOMPARE(loading.count(), 2);
    }

    void refreshesInPlace()
    {
        QList<ApiKey> keys = sample();
        m_model->appendPage(keys, false, {});
        QPersistentModelIndex billing = m_model->indexOfKey(QStringLiteral("sk_a1b2"));
        QPersistentModelIndex leaked = m_model->indexOfKey(QStringLiteral("sk_g7h8"));
        // On the server: a new key on top, the expired one deleted, the billing note edited.
        keys.removeAt(4);
        keys[0].note = QStringLiteral("Billing service (eu)");
        keys.prepend(makeKey(QStringLiteral("sk_k1l2"), QStringLiteral("New key"), {QStringLiteral("payments:read")}, 0));
        m_model->replaceAll(keys, false, {});
        QCOMPARE(column(*m_model, 0, KeyListModel::KeyIdRole),
                 (QStringList {QStringLiteral("sk_k1l2"), QStringLiteral("sk_a1b2"), QStringLiteral("sk_c3d4"),
                               QStringLiteral("sk_e5f6"), QStringLiteral("sk_g7h8")}));
        QVERIFY(billing.isValid() && leaked.isValid()); // the same rows survived
        QCOMPARE(billing.data().toString(), QStringLiteral("Billing service (eu)"));
        QCOMPARE(leaked.data(KeyListModel::KeyIdRole).toString(), QStringLiteral("sk_g7h8"));
    }

    void upsertAndRemove()
    {
        m_model->appendPage(sample(), false, {});
        ApiKey revoked = sample().at(0);
        revoked.status = ApiKey::Status::Revoked;
        m_model->upsert(revoked);
        QCOMPARE(m_model->index(0, KeyListModel::Status).data().toString(), QStringLiteral("Revoked"));
        m_model->upsert(makeKey(QStringLiteral("sk_m3n4"), QStringLiteral("Fresh"), {}, 0));
        QCOMPARE(m_model->index(0, KeyListModel::Note).data().toString(), QStringLiteral("Fresh"));
        QCOMPARE(m_model->index(0, KeyListModel::Permissions).data().toString(), QStringLiteral("No permissions"));
        m_model->remove(QStringLiteral("sk_m3n4"));
        m_model->remove(QStringLiteral("unknown"));
        QCOMPARE(m_model->rowCount(), 5);
        m_model->clear();
        QCOMPARE(m_model->rowCount(), 0);
    }

    void relativeTimes_data()
    {
        QTest::addColumn<qint64>("secondsAgo");
        QTest::addColumn<QString>("expected");
        QTest::newRow("seconds") << qint64(20) << QStringLiteral("just now");
        QTest::newRow("minutes") << qint64(4 * 60) << QStringLiteral("4 minute(s) ago");
        QTest::newRow("one hour") << qint64(3600) << QStringLiteral("1 hour(s) ago");
        QTest::newRow("days") << qint64(3 * 86400) << QStringLiteral("3 day(s) ago");
        QTest::newRow("months") << qint64(75 * 86400) << QStringLiteral("2 month(s) ago");
        QTest::newRow("ahead") << qint64(-2 * 86400) << QStringLiteral("in 2 day(s)");
    }

    void relativeTimes()
    {
        QFETCH(qint64, secondsAgo);
        QFETCH(QString, expected);
        QCOMPARE(KeyListModel::relativeTime(Now.addSecs(-secondsAgo), Now), expected);
        QCOMPARE(KeyListModel::relativeTime(QDateTime(), Now), QStringLiteral("never"));
    }
};

QTEST_GUILESS_MAIN(TestKeyListModel)
#include "tst_keylistmodel.moc"

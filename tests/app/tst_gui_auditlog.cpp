// SPDX-License-Identifier: GPL-3.0-or-later
// The audit page end to end, offscreen, against the real keyward-server with demo data: the view
// verifies against the chain and the signed head (green banner), filters by kind of event and by
// a time range dragged on the timeline, shows an event's details, exports what the API returns,
// and names the event an edit made directly in the database broke (red banner).
#include "KeyringSession.h"
#include "AuditEventDetails.h"
#include "AuditLogModel.h"
#include "AuditLogPage.h"
#include "AuditTimeline.h"
#include "DeniedSummary.h"
#include "KeyDetailsPanel.h"
#include "EnglishPlurals.h"
#include "LogCapture.h"
#include "RotationGuiKit.h"
#include "Workspace.h"

#include <QComboBox>
#include <QFile>
#include <QLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrlQuery>

using namespace keyward;
using namespace rotationkit;

class TestGuiAuditLog : public QObject
{
    Q_OBJECT

private:
    // Every event the API lists for this query, paging to the end.
    QList<QJsonObject> apiEvents(const QString &query)
    {
        QList<QJsonObject> out;
        QString cursor;
        for (int guard = 0; guard < 200; ++guard) {
            QString path = QStringLiteral("/audit-events?limit=500&") + query;
            if (!cursor.isEmpty())
                path += QStringLiteral("&starting_after=") + cursor;
            const QJsonObject page = m_server.get(path, m_admin).json();
            for (const QJsonValue &v : page.value(QStringLiteral("data")).toArray())
                out.append(v.toObject());
            if (!page.value(QStringLiteral("has_more")).toBool())
                break;
            cursor = page.value(QStringLiteral("next_cursor")).toString();
        }
        return out;
    }

    static bool settled(AuditLogPage *page)
    {
        return !page->model()->isLoading() && page->model()->rowCount() > 0
               && page->verificationText().contains(QLatin1String("Verified"));
    }

    LogCapture m_log;
    EnglishPlurals m_plurals;
    TestServer m_server;
    QString m_admin;
    QTemporaryDir m_dir;
    SignedInWindow m_window;
    AuditLogPage *m_page = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        m_log.install();
        QCoreApplication::installTranslator(&m_plurals);
        KEYWARD_REQUIRE_UNLOCKED_KEYRING();
        m_admin = startDemoServer(m_server, QStringLiteral("secret_keys:write,audit_log:read"), QStringLiteral("tst_gui_audit"));
        QVERIFY(!m_admin.isEmpty());
        m_window = openKeysPage(m_server, m_dir.filePath(QStringLiteral("audit.ini")),
                                QStringLiteral("Keyward tst_gui_audit"), 2);
        QVERIFY(QTest::qWaitFor([this] { return m_window->findChild<AuditLogPage *>(QStringLiteral("auditPage")); }, 30'000));
        m_page = m_window->findChild<AuditLogPage *>(QStringLiteral("auditPage"));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->isVisible(), 30'000);
    }

    void theViewIsVerified()
    {
        QTRY_VERIFY_WITH_TIMEOUT(settled(m_page), 60'000);
        QVERIFY2(m_page->verificationText().contains(QLatin1String("chain intact")), qPrintable(m_page->verificationText()));
        QVERIFY(m_page->verificationText().contains(QLatin1String("head signed by the server")));
        QVERIFY(m_page->lastVerification().isIntact());
        QTRY_VERIFY_WITH_TIMEOUT(m_page->timeline()->bucketCount() > 0, 10'000);
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR")) {
            m_window->layout()->activate();
            m_window->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/audit-page.png"));
        }
    }

    void theSigningKeyIsPinnedOnFirstSight()
    {
        // The first verified head named the key; a head signed by another key is refused until
        // the admin says the change was deliberate.
        const QStringList pins = [this] {
            m_window.settings->beginGroup(QStringLiteral("audit/signing_key_pins"));
            const QStringList keys = m_window.settings->childKeys();
            m_window.settings->endGroup();
            return keys;
        }();
        QCOMPARE(pins.size(), 1);
        const QString key = QStringLiteral("audit/signing_key_pins/") + pins.constFirst();
        const QString pinned = m_window.settings->value(key).toString();
        QCOMPARE(pinned, m_page->lastVerification().head.thumbprint);
        m_window.settings->setValue(key, QStringLiteral("another-key-thumbprint"));
        m_page->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(m_page->lastVerification().head.pinMismatch, 30'000);
        QVERIFY(m_page->verificationText().contains(QLatin1String("another-key-thumbprint")));
        auto *trust = m_page->findChild<QPushButton *>(QStringLiteral("trustSigningKeyButton"));
        QVERIFY(trust->isVisible());
        trust->click();
        QTRY_VERIFY_WITH_TIMEOUT(settled(m_page), 30'000);
        QCOMPARE(m_window.settings->value(key).toString(), pinned);
        QVERIFY(!trust->isVisible());
    }

    void filterByKindOfEvent()
    {
        auto *category = m_page->findChild<QComboBox *>(QStringLiteral("auditCategory"));
        category->setCurrentIndex(category->findText(QStringLiteral("Denied requests")));
        QTRY_COMPARE(m_page->appliedFilter().actions, QStringList {QStringLiteral("auth.denied")});
        QTRY_VERIFY_WITH_TIMEOUT(settled(m_page), 30'000);
        for (int row = 0; row < m_page->model()->rowCount(); ++row)
            QCOMPARE(m_page->model()->index(row, 0).data(AuditLogModel::ActionRole).toString(), QStringLiteral("auth.denied"));
        // As many as the API lists for the same filter, once scrolled to the end.
        while (m_page->model()->canFetchMore()) {
            m_page->model()->fetchMore();
            QTRY_VERIFY_WITH_TIMEOUT(!m_page->model()->isLoading(), 10'000);
        }
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("action"), QStringLiteral("auth.denied"));
        q.addQueryItem(QStringLiteral("since"), m_page->filter().since.toString(Qt::ISODateWithMs));
        const qsizetype expected = apiEvents(q.toString(QUrl::FullyEncoded)).size();
        QVERIFY(expected > 0);
        QVERIFY(qAbs(m_page->model()->rowCount() - expected) <= 1); // "last 30 days" moved by a moment
    }

    void narrowTheTimeRangeOnTheTimeline()
    {
        AuditTimeline *timeline = m_page->timeline();
        QTRY_VERIFY_WITH_TIMEOUT(timeline->bucketCount() > 5, 10'000);
        const int first = timeline->bucketCount() - 5;
        const int last = timeline->bucketCount() - 2;
        QSignalSpy selected(timeline, &AuditTimeline::rangeSelected);
        QTest::mousePress(timeline, Qt::LeftButton, {}, timeline->barRect(first).center());
        QTest::mouseMove(timeline, timeline->barRect(first + 1).center());
        QTest::mouseMove(timeline, timeline->barRect(last).center());
        QTest::mouseRelease(timeline, Qt::LeftButton, {}, timeline->barRect(last).center());
        QCOMPARE(selected.size(), 1);
        const QDateTime since = timeline->bucketStart(first);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->filter().since == since && !m_page->model()->isLoading(), 10'000);
        const QDateTime until = m_page->filter().until;
        QVERIFY(until > since);
        for (int row = 0; row < m_page->model()->rowCount(); ++row) {
            const QDateTime at = m_page->model()->index(row, 0).data(AuditLogModel::TimestampRole).toDateTime();
            QVERIFY(at >= since && at < until);
        }
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR")) {
            QTRY_VERIFY_WITH_TIMEOUT(settled(m_page), 30'000);
            m_window->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/audit-denied-range.png"));
        }
    }

    void openAnEventAndExportAKeysHistory()
    {
        // One key's history: the keys page's "Show audit history" lands here the same way.
        const QString secret = m_server.createKey(QStringLiteral("payments:read"), QStringLiteral("audited key"));
        const QJsonArray keys = m_server.get(QStringLiteral("/secret-keys?limit=100"), m_admin).json().value(QStringLiteral("data")).toArray();
        QString keyId;
        for (const QJsonValue &k : keys) {
            if (k.toObject().value(QStringLiteral("note")).toString() == QLatin1String("audited key"))
                keyId = k.toObject().value(QStringLiteral("id")).toString();
        }
        QVERIFY(!keyId.isEmpty());
        QCOMPARE(m_server.post(QStringLiteral("/secret-keys/") + keyId + QStringLiteral("/revoke"), QJsonObject(), m_admin).status, 200);
        QCOMPARE(m_server.get(QStringLiteral("/payments"), secret).status, 401); // denied: revoked key used
        m_page->showKey(keyId);
        QCOMPARE(m_page->appliedFilter().keyId, keyId);
        QTRY_VERIFY_WITH_TIMEOUT(settled(m_page) && m_page->model()->rowCount() >= 3, 30'000);
        // The revoked key was still used: the leak signal above the table says so.
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->deniedSummary()->lineTexts().isEmpty(), 10'000);
        QVERIFY2(m_page->deniedSummary()->lineTexts().constFirst().contains(QLatin1String("Revoked key")),
                 qPrintable(m_page->deniedSummary()->lineTexts().join(QLatin1Char('\n'))));
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            m_window->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/audit-leak.png"));
        m_page->table()->selectRow(0);
        auto *json = m_page->details()->findChild<QPlainTextEdit *>(QStringLiteral("auditDetailsJson"));
        QVERIFY(json);
        QTRY_VERIFY(!json->toPlainText().isEmpty());

        const QString path = m_dir.filePath(QStringLiteral("key.jsonl"));
        QSignalSpy done(m_page, &AuditLogPage::exportFinished);
        QVERIFY(m_page->exportTo(path));
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30'000);
        QVERIFY2(done.first().first().toBool(), qPrintable(done.first().at(1).toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        const QList<QJsonObject> expected = apiEvents(QStringLiteral("key_id=") + keyId);
        QCOMPARE(lines.size(), expected.size());
        for (qsizetype i = 0; i < lines.size(); ++i)
            QCOMPARE(QJsonDocument::fromJson(lines.at(i)).object(), expected.at(i));
    }

    void fromAKeyToItsHistoryAndBack()
    {
        auto *workspace = m_window->findChild<Workspace *>(QStringLiteral("workspace"));
        KeysPage *keys = workspace->keysPage();
        workspace->setCurrentPage(workspace->pageIndex(keys));
        QTRY_VERIFY_WITH_TIMEOUT(keys->isVisible() && keys->model()->rowCount() > 0 && !keys->model()->isLoading(), 30'000);
        QVERIFY(selectKey(keys, QStringLiteral("audited key")));
        const QString keyId = keys->details()->keyId();
        QVERIFY(!keyId.isEmpty());
        auto *history = keys->findChild<QAction *>(QStringLiteral("keyHistoryAction"));
        QVERIFY(history && history->isEnabled());
        history->trigger();
        QTRY_VERIFY(m_page->isVisible());
        QCOMPARE(m_page->appliedFilter().keyId, keyId);
        QTRY_VERIFY_WITH_TIMEOUT(settled(m_page), 30'000);
        // And from one of its events back to the key in the list.
        m_page->table()->selectRow(0);
        auto *open = m_page->details()->findChild<QWidget *>(QStringLiteral("openKeyLink"));
        QVERIFY(open);
        Q_EMIT m_page->openKeyRequested(keyId);
        QTRY_VERIFY(keys->isVisible());
        QCOMPARE(keys->details()->keyId(), keyId);
        workspace->setCurrentPage(workspace->pageIndex(m_page));
    }

    void whoRevokedTheBillingKeyAndHasItBeenTriedSince()
    {
        // The question the page is for, on the demo data: from the key in the list, its history.
        auto *workspace = m_window->findChild<Workspace *>(QStringLiteral("workspace"));
        KeysPage *keys = workspace->keysPage();
        workspace->setCurrentPage(workspace->pageIndex(keys));
        QTRY_VERIFY_WITH_TIMEOUT(keys->isVisible() && !keys->model()->isLoading(), 30'000);
        QVERIFY(selectKey(keys, QStringLiteral("billing-service (2025 key)")));
        keys->findChild<QAction *>(QStringLiteral("keyHistoryAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_page->isVisible() && settled(m_page), 30'000);
        QDateTime revokedAt;
        QString revokedBy;
        for (int row = 0; row < m_page->model()->rowCount(); ++row) {
            const QModelIndex index = m_page->model()->index(row, AuditLogModel::ActorColumn);
            if (index.data(AuditLogModel::ActionRole).toString() == QLatin1String("secret_key.revoked")) {
                revokedAt = index.data(AuditLogModel::TimestampRole).toDateTime();
                revokedBy = index.data().toString();
            }
        }
        QVERIFY2(revokedBy.contains(QLatin1String("Olivia Owner")), qPrintable(revokedBy));
        QCOMPARE(revokedAt.toUTC().date().dayOfWeek(), int(Qt::Tuesday));
        QVERIFY(revokedAt.daysTo(QDateTime::currentDateTimeUtc()) <= 7);
        // Tried since: the leak signal above the table counts the attempts with the revoked key.
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->deniedSummary()->lineTexts().isEmpty(), 10'000);
        const QString signal = m_page->deniedSummary()->lineTexts().constFirst();
        QVERIFY2(signal.contains(QLatin1String("Revoked key")) && signal.contains(QLatin1String("billing-service (2025 key)")),
                 qPrintable(signal));
        // "All time" draws the key's own history (created 89 days ago), not an empty year.
        QTRY_VERIFY(m_page->timeline()->bucketCount() > 0);
        QVERIFY2(m_page->timeline()->bucketStart(0).daysTo(QDateTime::currentDateTimeUtc()) <= 92,
                 qPrintable(m_page->timeline()->bucketStart(0).toString(Qt::ISODate)));
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            m_window->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/audit-billing.png"));
    }

    void anEditedEventTurnsTheBannerRed()
    {
        // Runs last: it breaks the chain. Someone with access to the database file edits an event.
        auto *key = m_page->findChild<QLineEdit *>(QStringLiteral("auditKey"));
        key->clear();
        auto *category = m_page->findChild<QComboBox *>(QStringLiteral("auditCategory"));
        category->setCurrentIndex(0);
        auto *range = m_page->findChild<QComboBox *>(QStringLiteral("auditRange"));
        range->setCurrentIndex(range->findData(int(AuditLogPage::Range::Last7Days)));
        QTRY_VERIFY(m_page->appliedFilter().keyId.isEmpty() && m_page->appliedFilter().actions.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(settled(m_page), 30'000);
        const qint64 seq = m_page->model()->index(5, 0).data(AuditLogModel::SeqRole).toLongLong();
        QVERIFY(seq > 0);
        {
            QVERIFY(m_server.openDatabase(QStringLiteral("tamper")));
            QSqlDatabase db = QSqlDatabase::database(QStringLiteral("tamper"));
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("UPDATE audit_events SET actor_display = 'someone else' WHERE seq = %1").arg(seq)),
                     qPrintable(q.lastError().text()));
            QCOMPARE(q.numRowsAffected(), 1);
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        m_page->refresh();
        const QString id = QStringLiteral("evt_%1").arg(seq);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->verificationText().contains(id), 30'000);
        QVERIFY(m_page->lastVerification().outcome == AuditVerification::Outcome::Broken);
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            m_window->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/audit-broken.png"));
    }

    void cleanupTestCase()
    {
        m_window.close();
    }
};

QTEST_MAIN(TestGuiAuditLog)
#include "tst_gui_auditlog.moc"

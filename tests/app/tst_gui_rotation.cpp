// SPDX-License-Identifier: GPL-3.0-or-later
// The rotation wizard end to end, offscreen, against the real keyward-server: a traffic generator
// in the test calls /payments with the old key; the wizard creates the replacement, the
// generator switches to it, the verify page turns green (an injectable clock stands in for the
// minutes of quiet), the old key is given a grace period, and after it the old key answers 401
// and the audit log holds secret_key.rotated and secret_key.expired. Also the leak path (revoke
// at once) and cancelling after the replacement exists.
#include "KeyringSession.h"
#include "ClipboardGuard.h"
#include "RotationGuiKit.h"
#include "EnglishPlurals.h"
#include "KeyDetailsPanel.h"
#include "KeyListModel.h"
#include "KeysPage.h"
#include "LogCapture.h"
#include "MainWindow.h"
#include "ProfileStore.h"
#include "RotationWizard.h"
#include "TestServer.h"
#include "TokenStore.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace keyward;

using rotationkit::TrafficGenerator;

class TestGuiRotation : public QObject
{
    Q_OBJECT

private:
    rotationkit::SignedInWindow openKeysPage(const QString &name)
    {
        return rotationkit::openKeysPage(m_server, m_dir.filePath(name + QStringLiteral(".ini")),
                                         QStringLiteral("Keyward tst_gui_rotation ") + name);
    }

    RotationWizard *startRotation(MainWindow *window, const QString &note)
    {
        return rotationkit::startRotation(window, note, &m_clockOffsetSecs);
    }

    QJsonObject serverKey(const QString &id) { return rotationkit::serverKey(m_server, m_admin, id); }
    QString idOf(const QString &note) { return rotationkit::idOf(m_server, m_admin, note); }

    QStringList auditActions(const QString &keyId)
    {
        QStringList actions;
        const TestServer::Response r = m_server.get(QStringLiteral("/audit-events?key_id=") + keyId, m_admin);
        for (const QJsonValue &v : r.json().value(QStringLiteral("data")).toArray())
            actions.append(v.toObject().value(QStringLiteral("action")).toString());
        return actions;
    }

    static QString copyAndConfirm(RotationWizard *wizard) { return rotationkit::copyAndConfirm(wizard); }

    LogCapture m_log;
    EnglishPlurals m_plurals;
    TestServer m_server;
    QTemporaryDir m_dir;
    QString m_admin;
    qint64 m_clockOffsetSecs = 0;

private Q_SLOTS:
    void initTestCase()
    {
        m_log.install();
        QCoreApplication::installTranslator(&m_plurals);
        KEYWARD_REQUIRE_UNLOCKED_KEYRING();
        m_admin = rotationkit::startDemoServer(m_server, QStringLiteral("secret_keys:write,audit_log:read"),
                                               QStringLiteral("tst_gui_rotation"),
                                               {{QStringLiteral("expiry_sweep_interval_ms"), 200}});
        QVERIFY(!m_admin.isEmpty());
    }

    void init()
    {
        m_clockOffsetSecs = 0;
    }

    void rotateWithoutAnOutage()
    {
        const QString oldSecret = m_server.createKey(QStringLiteral("payments:write"), QStringLiteral("checkout service (eu-west)"));
        const QString oldId = idOf(QStringLiteral("checkout service (eu-west)"));
        QVERIFY(!oldId.isEmpty());
        TrafficGenerator traffic(m_server.url(QString()));
        traffic.use(oldSecret);
        QTRY_VERIFY_WITH_TIMEOUT(traffic.ok(oldSecret) > 5, 10'000);

        auto window = openKeysPage(QStringLiteral("rotate"));
        RotationWizard *wizard = startRotation(window.get(), QStringLiteral("checkout service (eu-west)"));
        QVERIFY(wizard);
        QCOMPARE(wizard->currentId(), int(RotationWizard::ReasonPageId));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(RotationWizard::ReplacementPageId));
        // Prefilled from the old key.
        QCOMPARE(wizard->currentPage()->findChild<QLineEdit *>(QStringLiteral("keyNote"))->text(),
                 QStringLiteral("checkout service (eu-west)"));
        QVERIFY(wizard->currentPage()->findChild<QRadioButton *>(QStringLiteral("perm_payments_2"))->isChecked());
        QVERIFY(wizard->currentPage()->findChild<QLabel *>(QStringLiteral("narrowingHint"))->isVisible());
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            wizard->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/rotation-2-replacement.png"));
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(RotationWizard::RevealPageId), 10'000);
        QVERIFY(wizard->result().newKey);
        const QString newId = wizard->result().newKey->id;
        QCOMPARE(serverKey(newId).value(QStringLiteral("rotates")).toString(), oldId);
        QCOMPARE(serverKey(oldId).value(QStringLiteral("rotated_by")).toString(), newId);
        QVERIFY(!wizard->button(QWizard::CommitButton)->isEnabled()); // not before the secret is stored
        const QString newSecret = copyAndConfirm(wizard);
        QVERIFY(newSecret.startsWith(QLatin1String("skey_")));
        QVERIFY(newSecret != oldSecret);
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            wizard->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/rotation-3-reveal.png"));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(RotationWizard::VerifyPageId));
        auto *verdict = wizard->currentPage()->findChild<QLabel *>(QStringLiteral("verifyVerdict"));
        QTRY_VERIFY_WITH_TIMEOUT(verdict->text().contains(QLatin1String("has not been used")), 10'000);
        QVERIFY(!wizard->currentPage()->isComplete());

        // The application is redeployed with the new key.
        traffic.use(newSecret);
        QTRY_VERIFY_WITH_TIMEOUT(traffic.ok(newSecret) > 5, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(verdict->text().contains(QLatin1String("still runs with it")), 10'000);
        QVERIFY(!wizard->currentPage()->isComplete());
        // Minutes pass (the wizard's clock): the old key has been quiet long enough.
        m_clockOffsetSecs = 6 * 60;
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 10'000);
        QVERIFY2(verdict->text().contains(QLatin1String("Safe to retire")), qPrintable(verdict->text()));
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            wizard->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/rotation-4-verify.png"));
        m_clockOffsetSecs = 0;
        wizard->next();
        QCOMPARE(wizard->currentId(), int(RotationWizard::RetirePageId));
        QVERIFY(wizard->currentPage()->findChild<QRadioButton *>(QStringLiteral("retireExpire"))->isChecked());
        // A grace period of a few seconds, through "Until a date…".
        auto *grace = wizard->currentPage()->findChild<QComboBox *>(QStringLiteral("graceChoice"));
        grace->setCurrentIndex(grace->findData(-1));
        auto *custom = wizard->currentPage()->findChild<QDateTimeEdit *>(QStringLiteral("graceCustom"));
        custom->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        const QDateTime graceEnd = QDateTime::currentDateTimeUtc().addSecs(3);
        custom->setDateTime(graceEnd.toLocalTime());
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            wizard->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/rotation-5-retire.png"));
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(RotationWizard::SummaryPageId), 10'000);
        QVERIFY(wizard->currentPage()->findChild<QLabel *>(QStringLiteral("rotationSummary"))->text().contains(QLatin1String("expires")));
        // The summary reads both keys' trail from the audit log: created as a rotation, rotated,
        // and the old key's new expiry, by the signed-in admin.
        auto *trail = wizard->currentPage()->findChild<QLabel *>(QStringLiteral("rotationTrail"));
        QTRY_VERIFY_WITH_TIMEOUT(trail->text().contains(QLatin1String("updated key")), 10'000);
        QVERIFY2(trail->text().contains(QLatin1String("created key (rotation)")), qPrintable(trail->text()));
        QVERIFY(trail->text().contains(QLatin1String("rotated key")));
        QVERIFY(trail->text().contains(QLatin1String("Adam Admin")));
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            wizard->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/rotation-6-summary.png"));
        // Nothing failed that was meant to work: every call with either key was answered 200.
        QCOMPARE(traffic.failed(oldSecret), 0);
        QCOMPARE(traffic.failed(newSecret), 0);
        // The old key still works in its grace period, then answers 401 and expires once.
        QCOMPARE(m_server.get(QStringLiteral("/payments"), oldSecret).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.get(QStringLiteral("/payments"), oldSecret).status, 401, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(auditActions(oldId).contains(QLatin1String("secret_key.expired")), 10'000);
        QVERIFY(auditActions(oldId).contains(QLatin1String("secret_key.rotated")));
        QCOMPARE(auditActions(oldId).count(QLatin1String("secret_key.expired")), 1);
        QCOMPARE(m_server.get(QStringLiteral("/payments"), newSecret).status, 200);
        wizard->accept();
        // Back in the list: the new key is selected, and the list knows both ends of the link.
        auto *page = window->findChild<KeysPage *>(QStringLiteral("keysPage"));
        QTRY_COMPARE(page->details()->keyId(), newId);
        QCOMPARE(page->model()->keyFromIndex(page->model()->indexOfKey(newId))->rotates, oldId);
        // The secret reached nothing but the clipboard the user asked for.
        QVERIFY(m_log.lines().size() > 10);
        QVERIFY2(m_log.find(newSecret.mid(5)).isEmpty(), qPrintable(m_log.find(newSecret.mid(5))));
        QGuiApplication::clipboard()->clear();
    }

    void suspectedLeakRevokesAtOnce()
    {
        const QString oldSecret = m_server.createKey(QStringLiteral("payments:read"), QStringLiteral("leaked reporting key"));
        const QString oldId = idOf(QStringLiteral("leaked reporting key"));
        auto window = openKeysPage(QStringLiteral("leak"));
        RotationWizard *wizard = startRotation(window.get(), QStringLiteral("leaked reporting key"));
        QVERIFY(wizard);
        QTest::mouseClick(wizard->currentPage()->findChild<QRadioButton *>(QStringLiteral("reason1")), Qt::LeftButton);
        auto *emergency = wizard->currentPage()->findChild<QCheckBox *>(QStringLiteral("emergencyCheckBox"));
        QVERIFY(emergency->isVisible());
        QVERIFY(wizard->currentPage()->findChild<QLabel *>(QStringLiteral("leakWarning"))->isVisible());
        emergency->setChecked(true);
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            wizard->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/rotation-1-reason.png"));
        wizard->next();
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(RotationWizard::RevealPageId), 10'000);
        // The old key stopped the moment the replacement existed.
        QCOMPARE(m_server.get(QStringLiteral("/payments"), oldSecret).status, 401);
        QCOMPARE(serverKey(oldId).value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
        QVERIFY(wizard->currentPage()->findChild<QLabel *>(QStringLiteral("revealNotice"))->text().contains(QLatin1String("revoked")));
        const QString newSecret = copyAndConfirm(wizard);
        wizard->next();
        QCOMPARE(wizard->currentId(), int(RotationWizard::VerifyPageId));
        QCOMPARE(m_server.get(QStringLiteral("/payments"), newSecret).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 10'000);
        wizard->next(); // nothing left to retire: straight to the summary
        QCOMPARE(wizard->currentId(), int(RotationWizard::SummaryPageId));
        QVERIFY(wizard->currentPage()->findChild<QLabel *>(QStringLiteral("rotationSummary"))->text().contains(QLatin1String("revoked as soon")));
        wizard->accept();
        QGuiApplication::clipboard()->clear();
    }

    void cancelAfterCreationOffersToRevokeTheNewKey()
    {
        m_server.createKey(QStringLiteral("payments:read"), QStringLiteral("abandoned rotation"));
        const QString oldId = idOf(QStringLiteral("abandoned rotation"));
        auto window = openKeysPage(QStringLiteral("cancel"));
        RotationWizard *wizard = startRotation(window.get(), QStringLiteral("abandoned rotation"));
        QVERIFY(wizard);
        wizard->next();
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(RotationWizard::RevealPageId), 10'000);
        const QString newId = wizard->result().newKey->id;
        copyAndConfirm(wizard);
        QPointer<RotationWizard> alive(wizard);
        QTimer::singleShot(0, this, [window = window.get()] {
            auto *box = window->findChild<QMessageBox *>(QStringLiteral("cancelRotationConfirm"));
            if (box)
                box->findChild<QPushButton *>(QStringLiteral("revokeNewKeyButton"))->click();
        });
        wizard->reject();
        QTRY_VERIFY_WITH_TIMEOUT(!alive || !alive->isVisible(), 10'000);
        QCOMPARE(serverKey(newId).value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
        QCOMPARE(serverKey(oldId).value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QGuiApplication::clipboard()->clear();
    }
};

QTEST_MAIN(TestGuiRotation)
#include "tst_gui_rotation.moc"

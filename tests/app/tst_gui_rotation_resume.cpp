// SPDX-License-Identifier: GPL-3.0-or-later
// The rotation wizard when things do not go straight: the app closes halfway and comes back (the
// journal offers to resume, and holds no secret), the rotation was started elsewhere (the
// server's link finds it), and the server refuses or the keys change under the wizard at each
// step that calls it. Offscreen, against the real keyward-server.
#include "KeyringSession.h"
#include "EnglishPlurals.h"
#include "KeyDetailsPanel.h"
#include "LogCapture.h"
#include "RotationGuiKit.h"
#include "RotationJournal.h"
#include "RotationLauncher.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLayout>
#include <QPointer>
#include <QRadioButton>
#include <QSpinBox>
#include <QTemporaryDir>

using namespace keyward;
using namespace rotationkit;

class TestGuiRotationResume : public QObject
{
    Q_OBJECT

private:
    SignedInWindow openKeysPage(const QString &name)
    {
        return rotationkit::openKeysPage(m_server, settingsFile(name),
                                         QStringLiteral("Keyward tst_gui_rotation_resume ") + name);
    }
    QString settingsFile(const QString &name) const { return m_dir.filePath(name + QStringLiteral(".ini")); }
    QByteArray settingsText(const QString &name) const
    {
        QFile f(settingsFile(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QJsonObject serverKey(const QString &id) { return rotationkit::serverKey(m_server, m_admin, id); }
    QString idOf(const QString &note) { return rotationkit::idOf(m_server, m_admin, note); }

    bool changeKey(const QString &id, const char *action)
    {
        return m_server.post(QStringLiteral("/secret-keys/") + id + QLatin1Char('/') + QLatin1String(action),
                             QJsonObject(), m_admin).status == 200;
    }

    // Reason → replacement (created on the server) → the reveal page.
    static bool toReveal(RotationWizard *wizard)
    {
        wizard->next();
        wizard->next();
        return QTest::qWaitFor([wizard] { return wizard->currentId() == RotationWizard::RevealPageId; }, 10'000);
    }

    static QString pageText(RotationWizard *wizard, const char *name)
    {
        auto *label = wizard->currentPage()->findChild<QLabel *>(QLatin1String(name));
        return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    }

    static RotationResumeBar *resumeBar(KeysPage *page)
    {
        return page->findChild<RotationResumeBar *>(QStringLiteral("rotationResumeBar"));
    }

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
        m_admin = startDemoServer(m_server, QStringLiteral("secret_keys:write,audit_log:read,payments:write"),
                                  QStringLiteral("tst_gui_rotation_resume"),
                                  {{QStringLiteral("expiry_sweep_interval_ms"), 200}});
        QVERIFY(!m_admin.isEmpty());
    }

    void init()
    {
        m_clockOffsetSecs = 0;
    }

    void cleanup()
    {
        QGuiApplication::clipboard()->clear();
    }

    void resumeAfterTheAppCloses()
    {
        const QString note = QStringLiteral("invoice mailer");
        const QString oldSecret = m_server.createKey(QStringLiteral("payments:read"), note);
        const QString oldId = idOf(note);
        TrafficGenerator traffic(m_server.url(QString()));
        traffic.use(oldSecret);

        QString newId;
        QString newSecret;
        {
            SignedInWindow window = openKeysPage(QStringLiteral("quit"));
            RotationWizard *wizard = startRotation(window.get(), note, &m_clockOffsetSecs);
            QVERIFY(wizard);
            QVERIFY(toReveal(wizard));
            newId = wizard->result().newKey->id;
            newSecret = copyAndConfirm(wizard);
            QVERIFY(newSecret.startsWith(QLatin1String("skey_")));
            wizard->next();
            QCOMPARE(wizard->currentId(), int(RotationWizard::VerifyPageId));
            wizard->currentPage()->findChild<QSpinBox *>(QStringLiteral("quietMinutes"))->setValue(3);
            // The journal has the ids and the step; never the secret.
            const QByteArray saved = settingsText(QStringLiteral("quit"));
            QVERIFY2(saved.contains(newId.toLatin1()), saved.constData());
            QVERIFY(saved.contains(oldId.toLatin1()));
            QVERIFY(!saved.contains(newSecret.mid(5).toLatin1()));
            QVERIFY(!saved.contains(newSecret.right(12).toLatin1()));
            // The app quits with the wizard open: nothing asks, nothing is revoked.
        }
        QCOMPARE(serverKey(newId).value(QStringLiteral("status")).toString(), QStringLiteral("active"));

        SignedInWindow again = openKeysPage(QStringLiteral("quit"));
        KeysPage *page = waitForKeys(again.get());
        QVERIFY(page);
        RotationResumeBar *bar = resumeBar(page);
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 10'000);
        const QString barText = bar->findChild<QLabel *>(QStringLiteral("rotationResumeText"))->text();
        QVERIFY2(barText.contains(note) && barText.contains(QLatin1String("deploying and verifying")), qPrintable(barText));
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR")) {
            again->layout()->activate();
            again->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/rotation-resume-bar.png"));
        }
        QTest::mouseClick(bar->findChild<QPushButton *>(QStringLiteral("resumeRotationButton")), Qt::LeftButton);
        RotationWizard *wizard = waitForWizard(again.get(), &m_clockOffsetSecs);
        QVERIFY(wizard);
        QVERIFY(!bar->isVisible());
        QCOMPARE(wizard->currentId(), int(RotationWizard::VerifyPageId));
        QVERIFY(wizard->isResumed());
        QVERIFY2(pageText(wizard, "resumeNotice").startsWith(QLatin1String("Resumed the rotation started")),
                 qPrintable(pageText(wizard, "resumeNotice")));
        QCOMPARE(wizard->currentPage()->findChild<QSpinBox *>(QStringLiteral("quietMinutes"))->value(), 3);
        if (!qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            wizard->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QStringLiteral("/rotation-resumed.png"));

        // The deployment switches; minutes pass; the old key is revoked.
        traffic.use(newSecret);
        QTRY_VERIFY_WITH_TIMEOUT(traffic.ok(newSecret) > 3, 10'000);
        m_clockOffsetSecs = 4 * 60;
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 10'000);
        wizard->next();
        QCOMPARE(wizard->currentId(), int(RotationWizard::RetirePageId));
        wizard->currentPage()->findChild<QRadioButton *>(QStringLiteral("retireRevoke"))->setChecked(true);
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(RotationWizard::SummaryPageId), 10'000);
        QCOMPARE(serverKey(oldId).value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
        QTRY_VERIFY_WITH_TIMEOUT(pageText(wizard, "rotationTrail").contains(QLatin1String("revoked key")), 10'000);
        QCOMPARE(traffic.failed(newSecret), 0);
        // Done: nothing left to resume.
        QVERIFY(!settingsText(QStringLiteral("quit")).contains(oldId.toLatin1()));
        wizard->accept();
        QTRY_COMPARE(page->details()->keyId(), newId);
        QVERIFY(!bar->isVisible());
        QVERIFY(m_log.find(newSecret.mid(5)).isEmpty());
    }

    void resumeAfterLeavingTheRevealUnconfirmed()
    {
        const QString note = QStringLiteral("nightly export");
        m_server.createKey(QStringLiteral("payments:read"), note);
        SignedInWindow window = openKeysPage(QStringLiteral("reveal"));
        RotationWizard *wizard = startRotation(window.get(), note, &m_clockOffsetSecs);
        QVERIFY(wizard);
        QVERIFY(toReveal(wizard));
        const QString newId = wizard->result().newKey->id;
        // Cancel without confirming the secret is stored, keeping both keys for later.
        QString asked;
        answerNextMessageBox(this, QStringLiteral("keepBothButton"), &asked);
        QPointer<RotationWizard> first(wizard);
        wizard->reject();
        QTRY_VERIFY_WITH_TIMEOUT(!first, 10'000); // closed and deleted
        QVERIFY2(asked.contains(QLatin1String("finish")) || asked.contains(QLatin1String("Keep both")), qPrintable(asked));
        KeysPage *page = window.keysPage();
        RotationResumeBar *bar = resumeBar(page);
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 5'000);
        QVERIFY(bar->findChild<QLabel *>(QStringLiteral("rotationResumeText"))->text().contains(QLatin1String("copying the new secret")));

        QTest::mouseClick(bar->findChild<QPushButton *>(QStringLiteral("resumeRotationButton")), Qt::LeftButton);
        wizard = waitForWizard(window.get(), &m_clockOffsetSecs);
        QVERIFY(wizard);
        QCOMPARE(wizard->currentId(), int(RotationWizard::VerifyPageId));
        const QString notice = pageText(wizard, "resumeNotice");
        QVERIFY2(notice.contains(QLatin1String("cannot be shown again")) && notice.contains(QLatin1String("revoke the new key")),
                 qPrintable(notice));
        // The admin did not store it: stop, and revoke the replacement.
        answerNextMessageBox(this, QStringLiteral("revokeNewKeyButton"), nullptr);
        wizard->reject();
        QTRY_COMPARE_WITH_TIMEOUT(serverKey(newId).value(QStringLiteral("status")).toString(), QStringLiteral("revoked"), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(!bar->isVisible(), 5'000);
        QVERIFY(!settingsText(QStringLiteral("reveal")).contains(newId.toLatin1()));
    }

    void resumeARotationStartedElsewhere()
    {
        const QString note = QStringLiteral("warehouse sync");
        m_server.createKey(QStringLiteral("payments:read"), note);
        const QString oldId = idOf(note);
        // Another admin (or this one on another computer) created the replacement.
        const TestServer::Response created = m_server.post(QStringLiteral("/secret-keys"),
                                                           QJsonObject {{QStringLiteral("rotates"), oldId}}, m_admin);
        QCOMPARE(created.status, 201);
        const QString newId = created.json().value(QStringLiteral("id")).toString();
        QVERIFY(!newId.isEmpty());

        SignedInWindow window = openKeysPage(QStringLiteral("elsewhere"));
        KeysPage *page = waitForKeys(window.get());
        QVERIFY(page);
        QVERIFY(!resumeBar(page)->isVisible()); // this computer's journal knows nothing of it
        // The replacement has the old key's note: pick the old key by id.
        QVERIFY(selectKeyId(page, oldId));
        QVERIFY(page->model()->keyFromIndex(page->model()->indexOfKey(oldId))->rotatedBy == newId);
        page->rotateSelected();
        RotationWizard *wizard = waitForWizard(window.get(), &m_clockOffsetSecs);
        QVERIFY(wizard);
        QCOMPARE(wizard->currentId(), int(RotationWizard::VerifyPageId));
        QCOMPARE(wizard->result().newKey->id, newId);
        QVERIFY(pageText(wizard, "resumeNotice").contains(QLatin1String("started earlier")));

        // Put aside for later, then the replacement is revoked elsewhere: resuming says why it cannot.
        answerNextMessageBox(this, QStringLiteral("keepBothButton"), nullptr);
        wizard->reject();
        QTRY_VERIFY_WITH_TIMEOUT(resumeBar(page)->isVisible(), 10'000);
        QVERIFY(changeKey(newId, "revoke"));
        QString said;
        answerNextMessageBox(this, QString(), &said);
        QTest::mouseClick(resumeBar(page)->findChild<QPushButton *>(QStringLiteral("resumeRotationButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!said.isEmpty(), 10'000);
        QVERIFY2(said.contains(QLatin1String("cannot go on")), qPrintable(said));
        QTRY_VERIFY(!resumeBar(page)->isVisible());
        QVERIFY(!window->findChild<RotationWizard *>() || !window->findChild<RotationWizard *>()->isVisible());
        QCOMPARE(serverKey(oldId).value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    }

    void createRefusedKeepsTheForm()
    {
        const QString note = QStringLiteral("report builder");
        m_server.createKey(QStringLiteral("payments:read"), note);
        const QString oldId = idOf(note);
        SignedInWindow window = openKeysPage(QStringLiteral("refused"));
        RotationWizard *wizard = startRotation(window.get(), note, &m_clockOffsetSecs);
        QVERIFY(wizard);
        wizard->next();
        QCOMPARE(wizard->currentId(), int(RotationWizard::ReplacementPageId));
        QVERIFY(changeKey(oldId, "revoke")); // revoked elsewhere meanwhile: the server answers 409
        wizard->next();
        QTRY_VERIFY_WITH_TIMEOUT(pageText(wizard, "rotationStatus").contains(QLatin1String("was not created")), 10'000);
        QCOMPARE(wizard->currentId(), int(RotationWizard::ReplacementPageId));
        QVERIFY(!wizard->result().newKey);
        QVERIFY(wizard->currentPage()->isComplete()); // the form is kept for another try or Back
        QVERIFY(serverKey(oldId).value(QStringLiteral("rotated_by")).isNull()
                || serverKey(oldId).value(QStringLiteral("rotated_by")).toString().isEmpty());
        wizard->reject(); // nothing was created: it closes without asking
        QTRY_VERIFY(!wizard->isVisible());
    }

    void replacementDeletedDuringVerification()
    {
        const QString note = QStringLiteral("label printer");
        m_server.createKey(QStringLiteral("payments:read"), note);
        SignedInWindow window = openKeysPage(QStringLiteral("newgone"));
        RotationWizard *wizard = startRotation(window.get(), note, &m_clockOffsetSecs);
        QVERIFY(wizard);
        QVERIFY(toReveal(wizard));
        const QString newId = wizard->result().newKey->id;
        copyAndConfirm(wizard);
        wizard->next();
        QVERIFY(changeKey(newId, "delete"));
        QTRY_VERIFY_WITH_TIMEOUT(pageText(wizard, "verifyVerdict").contains(QLatin1String("no longer exists")), 10'000);
        QVERIFY(!wizard->currentPage()->isComplete());
        QVERIFY(!wizard->currentPage()->findChild<QCheckBox *>(QStringLiteral("verifyOverride"))->isEnabled());
        // Stopping: revoking a key that is gone is no error; the wizard closes and forgets.
        answerNextMessageBox(this, QStringLiteral("revokeNewKeyButton"), nullptr);
        wizard->reject();
        QTRY_VERIFY_WITH_TIMEOUT(!window->findChild<RotationWizard *>() || !window->findChild<RotationWizard *>()->isVisible(), 10'000);
        QVERIFY(!settingsText(QStringLiteral("newgone")).contains(newId.toLatin1()));
    }

    void oldKeyDeletedBeforeRetiring()
    {
        const QString note = QStringLiteral("fraud scorer");
        m_server.createKey(QStringLiteral("payments:read"), note);
        const QString oldId = idOf(note);
        SignedInWindow window = openKeysPage(QStringLiteral("oldgone"));
        RotationWizard *wizard = startRotation(window.get(), note, &m_clockOffsetSecs);
        QVERIFY(wizard);
        QVERIFY(toReveal(wizard));
        copyAndConfirm(wizard);
        wizard->next();
        // Nothing uses either key: go on anyway, with the warning.
        auto *override = wizard->currentPage()->findChild<QCheckBox *>(QStringLiteral("verifyOverride"));
        QTRY_VERIFY_WITH_TIMEOUT(override->isEnabled(), 5'000);
        override->setChecked(true);
        QVERIFY(wizard->currentPage()->isComplete());
        wizard->next();
        QCOMPARE(wizard->currentId(), int(RotationWizard::RetirePageId));
        QVERIFY(changeKey(oldId, "delete"));
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(RotationWizard::SummaryPageId), 10'000);
        QVERIFY2(pageText(wizard, "rotationSummary").contains(QLatin1String("deleted elsewhere")),
                 qPrintable(pageText(wizard, "rotationSummary")));
        wizard->accept();
        KeysPage *page = window.keysPage();
        QTRY_VERIFY(!page->model()->indexOfKey(oldId).isValid());
    }

    void revokeAndReplaceFromTheRevokeConfirmation()
    {
        const QString note = QStringLiteral("leaked webhook relay");
        const QString oldSecret = m_server.createKey(QStringLiteral("payments:read"), note);
        const QString oldId = idOf(note);
        SignedInWindow window = openKeysPage(QStringLiteral("revokereplace"));
        KeysPage *page = waitForKeys(window.get());
        QVERIFY(page);
        QVERIFY(selectKeyId(page, oldId));
        answerNextMessageBox(this, QStringLiteral("revokeAndReplaceButton"), nullptr);
        page->revokeSelected();
        RotationWizard *wizard = waitForWizard(window.get(), &m_clockOffsetSecs);
        QVERIFY(wizard);
        // The wizard opens on the emergency path, already chosen.
        QCOMPARE(wizard->currentId(), int(RotationWizard::ReasonPageId));
        QVERIFY(wizard->currentPage()->findChild<QRadioButton *>(QStringLiteral("reason1"))->isChecked());
        QVERIFY(wizard->currentPage()->findChild<QCheckBox *>(QStringLiteral("emergencyCheckBox"))->isChecked());
        QCOMPARE(serverKey(oldId).value(QStringLiteral("status")).toString(), QStringLiteral("active")); // not yet
        QVERIFY(toReveal(wizard));
        QCOMPARE(serverKey(oldId).value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
        QCOMPARE(m_server.get(QStringLiteral("/payments"), oldSecret).status, 401);
        const QString newSecret = copyAndConfirm(wizard);
        wizard->next();
        QCOMPARE(m_server.get(QStringLiteral("/payments"), newSecret).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 10'000);
        wizard->next();
        QCOMPARE(wizard->currentId(), int(RotationWizard::SummaryPageId));
        wizard->accept();
        QVERIFY(!settingsText(QStringLiteral("revokereplace")).contains(oldId.toLatin1()));
    }
};

QTEST_MAIN(TestGuiRotationResume)
#include "tst_gui_rotation_resume.moc"

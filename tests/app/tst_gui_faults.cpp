// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app under faults: a signed-in window whose API goes through FaultProxy, which
// refuses, drops, answers garbage, holds answers back or says 503 on demand. Every page shows the
// error, stays responsive and recovers when the server comes back; the create dialog keeps what
// the user typed; no secret ends up in the settings or the log.
#include "KeyringSession.h"
#include "AuditLogModel.h"
#include "AuditLogPage.h"
#include "CreateKeyDialog.h"
#include "FaultProxy.h"
#include "KeyListModel.h"
#include "KeysPage.h"
#include "LogCapture.h"
#include "RotationGuiKit.h"
#include "SecretRevealDialog.h"
#include "Session.h"

#include <QAction>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMetaEnum>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace keyward;
using rotationkit::SignedInWindow;

class TestGuiFaults : public QObject
{
    Q_OBJECT

private:
    // A zero-delay timer queued now fires within `ms` (and *latencyMs says how soon): the event
    // loop is turning, the window is not frozen.
    static bool eventLoopTurns(qint64 *latencyMs = nullptr, int ms = 1'000)
    {
        QObject context; // cancels the timer if it never fired
        bool fired = false;
        QElapsedTimer clock;
        clock.start();
        qint64 latency = -1;
        QTimer::singleShot(0, &context, [&] {
            fired = true;
            latency = clock.elapsed();
        });
        const bool ok = QTest::qWaitFor([&] { return fired; }, ms);
        if (latencyMs)
            *latencyMs = latency;
        return ok;
    }

    // The keys the server lists (as the admin key, straight to the server, not through the proxy).
    int serverKeyCount()
    {
        const TestServer::Response r = m_server.get(QStringLiteral("/secret-keys?limit=100"), m_admin);
        if (r.status != 200 || r.json().value(QStringLiteral("has_more")).toBool())
            return -1;
        return int(r.json().value(QStringLiteral("data")).toArray().size());
    }

    // The window signed in through the proxy: the API calls go through it, the sign-in (the
    // issuer) straight to the server, so the token is real and only the API misbehaves.
    SignedInWindow openThroughProxy()
    {
        qputenv("KEYWARD_TEST_EMAIL", "adam.admin@example.com");
        qputenv("KEYWARD_TEST_PASSWORD", "demo-admin-password");
        SignedInWindow w;
        w.settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("faults.ini")), QSettings::IniFormat);
        w.settings->setValue(QStringLiteral("window/page"), 1);
        w.profiles = std::make_unique<ProfileStore>(w.settings.get());
        w.tokens = std::make_unique<TokenStore>(QStringLiteral("Keyward tst_gui_faults"));
        Profile p;
        p.name = QStringLiteral("Demo through a faulty network");
        p.apiUrl = m_proxy->url();
        p.issuerUrl = m_server.url(QString());
        w.profiles->setTransient(p);
        w.window = std::make_unique<MainWindow>(w.profiles.get(), w.tokens.get(), BrowserLauncher(), w.settings.get());
        w.window->resize(1300, 860);
        w.window->show();
        w.window->startSession(true);
        return w;
    }

    // The main window active again (a dialog may have had the focus), for its shortcuts.
    bool activate()
    {
        m_window->activateWindow();
        return QTest::qWaitForWindowActive(m_window.get());
    }

    static const char *modeName(FaultProxy::Mode mode)
    {
        return QMetaEnum::fromType<FaultProxy::Mode>().valueToKey(int(mode));
    }

    KeysPage *showKeysPage()
    {
        if (!activate())
            return nullptr;
        QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_2));
        KeysPage *page = m_window.keysPage();
        return page && QTest::qWaitFor([page] { return page->isVisible(); }, 5'000) ? page : nullptr;
    }

    // The keys page's New key dialog, once the list is loaded, with `note` typed and Read only chosen.
    CreateKeyDialog *openCreateDialog(const QString &note)
    {
        KeysPage *page = showKeysPage();
        if (!page || !QTest::qWaitFor([page] { return !page->model()->isLoading() && page->model()->rowCount() > 0; }, 15'000))
            return nullptr;
        auto *newKey = page->findChild<QAction *>(QStringLiteral("newKeyAction"));
        if (!QTest::qWaitFor([newKey] { return newKey->isEnabled(); }, 5'000))
            return nullptr;
        newKey->trigger();
        CreateKeyDialog *create = nullptr;
        if (!QTest::qWaitFor([&] { return (create = m_window->findChild<CreateKeyDialog *>()) && create->isVisible(); }, 15'000))
            return nullptr;
        QTest::keyClicks(create->findChild<QLineEdit *>(QStringLiteral("keyNote")), note);
        create->findChild<QPushButton *>(QStringLiteral("preset1"))->click(); // read only
        return create;
    }

    // Ticks "stored" in the reveal dialog and closes it; true once it is gone.
    bool closeReveal(SecretRevealDialog *reveal)
    {
        reveal->findChild<QCheckBox *>(QStringLiteral("storedCheckBox"))->setChecked(true);
        reveal->findChild<QPushButton *>(QStringLiteral("revealDoneButton"))->click();
        return QTest::qWaitFor([this] {
            auto *open = m_window->findChild<SecretRevealDialog *>();
            return !open || !open->isVisible();
        }, 5'000);
    }

    // On the server, asked directly: how many keys with this note are active and how many revoked.
    std::pair<int, int> activeAndRevoked(const QString &note)
    {
        int active = 0;
        int revoked = 0;
        for (const QJsonValue &v : m_server.get(QStringLiteral("/secret-keys?limit=100"), m_admin)
                                       .json().value(QStringLiteral("data")).toArray()) {
            const QJsonObject k = v.toObject();
            if (k.value(QStringLiteral("note")).toString() == note)
                ++(k.value(QStringLiteral("revoked_at")).isNull() ? active : revoked);
        }
        return {active, revoked};
    }

    // Presses F5 on the key table, as the user would.
    static void pressRefresh(KeysPage *page)
    {
        auto *table = page->findChild<QTableView *>(QStringLiteral("keyTable"));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_F5);
    }

    LogCapture m_log;
    TestServer m_server;
    QTemporaryDir m_dir;
    QString m_admin;
    std::unique_ptr<FaultProxy> m_proxy;
    SignedInWindow m_window;
    QElapsedTimer m_caseClock;

private Q_SLOTS:
    void initTestCase()
    {
        m_log.install();
        KEYWARD_REQUIRE_UNLOCKED_KEYRING();
        m_admin = rotationkit::startDemoServer(m_server, QStringLiteral("secret_keys:write,audit_log:read"),
                                               QStringLiteral("tst_gui_faults admin"));
        QVERIFY(!m_admin.isEmpty());
        m_proxy = std::make_unique<FaultProxy>(quint16(m_server.url(QString()).port()));
        QVERIFY(m_proxy->listen());
        m_window = openThroughProxy();
        QVERIFY(rotationkit::waitForKeys(m_window.get()));
        QVERIFY(m_proxy->passedConnections() > 0); // the API really goes through the proxy
        // Fewer, quicker retries than the app's defaults (4 tries from 400 ms), so the suite stays
        // short; retrying itself is still on, and Retry-After is honoured up to 5 s.
        m_window->session()->api()->setOptions({5'000, 2, 100, 5});
    }

    void init()
    {
        m_proxy->setMode(FaultProxy::Mode::Pass);
        m_proxy->setSlowMs(1'500);
        m_proxy->resetCounters();
        m_caseClock.start();
    }

    void cleanup()
    {
        qInfo("case took %lld ms", m_caseClock.elapsed());
    }

    // The list on show when the server goes away stays on show, with the error above it; F5 once
    // the server is back brings the server's list and clears the error.
    void keysListKeptWhenTheServerStops()
    {
        KeysPage *page = showKeysPage();
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 0 && !page->model()->isLoading(), 15'000);
        const int shown = page->model()->rowCount();
        auto *summary = page->findChild<QLabel *>(QStringLiteral("hygieneSummary"));

        m_proxy->setMode(FaultProxy::Mode::Refuse);
        pressRefresh(page);
        QVERIFY(page->model()->isLoading()); // F5 started it
        QVERIFY(eventLoopTurns()); // retries are timers, not a blocked window
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(QLatin1String("Could not connect")), 15'000);
        QVERIFY(!page->model()->isLoading());
        QCOMPARE(page->model()->rowCount(), shown); // nothing the user was looking at is lost
        QVERIFY(summary->isVisible());

        m_proxy->setMode(FaultProxy::Mode::Pass);
        pressRefresh(page);
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && summary->text().contains(QLatin1String("loaded")), 15'000);
        QVERIFY(!summary->text().contains(QLatin1String("Could not connect")));
        QCOMPARE(page->model()->rowCount(), serverKeyCount());
    }

    // With nothing on show, each fault fills the page with a readable error and a Retry button;
    // Retry once the server is back lists the server's keys.
    void keysPageErrorAndRetry_data()
    {
        QTest::addColumn<FaultProxy::Mode>("mode");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("minAnswers"); // fault answers: retried ones are asked twice
        QTest::newRow("refused") << FaultProxy::Mode::Refuse << QStringLiteral("Could not connect") << 0;
        QTest::newRow("dropped") << FaultProxy::Mode::Drop << QStringLiteral("closed the connection") << 2;
        QTest::newRow("not HTTP") << FaultProxy::Mode::GarbageBytes << QStringLiteral("closed the connection") << 2;
        QTest::newRow("truncated 200") << FaultProxy::Mode::Truncated << QStringLiteral("closed the connection") << 2;
        QTest::newRow("200 not JSON") << FaultProxy::Mode::NotJson << QStringLiteral("not JSON") << 1;
        QTest::newRow("503 Retry-After") << FaultProxy::Mode::Unavailable << QStringLiteral("down for maintenance") << 2;
    }

    void keysPageErrorAndRetry()
    {
        QFETCH(FaultProxy::Mode, mode);
        QFETCH(QString, expected);
        QFETCH(int, minAnswers);
        KeysPage *page = showKeysPage();
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading(), 15'000);
        page->model()->clear();
        auto *title = page->findChild<QLabel *>(QStringLiteral("keysStateTitle"));
        auto *text = page->findChild<QLabel *>(QStringLiteral("keysStateText"));
        auto *retry = page->findChild<QPushButton *>(QStringLiteral("keysRetryButton"));

        m_proxy->setMode(mode);
        QElapsedTimer clock;
        clock.start();
        page->refresh();
        QVERIFY(page->model()->isLoading());
        QVERIFY(eventLoopTurns());
        QTRY_VERIFY_WITH_TIMEOUT(title->isVisible() && title->text().contains(QLatin1String("Could not load")), 15'000);
        const qint64 tookMs = clock.elapsed();
        QVERIFY2(text->text().contains(expected), qPrintable(text->text()));
        // Readable: a sentence of ours, never the bytes the "server" sent.
        QVERIFY2(!text->text().contains(QLatin1String("not HTTP")) && !text->text().contains(QLatin1String("oops"))
                     && !text->text().contains(QLatin1String("<html")),
                 qPrintable(text->text()));
        QVERIFY(retry->isVisible());
        QVERIFY(!page->model()->isLoading());
        QVERIFY2(m_proxy->faultAnswers() >= minAnswers, qPrintable(QString::number(m_proxy->faultAnswers())));
        if (mode == FaultProxy::Mode::Unavailable) // the second try waited out Retry-After: 1
            QVERIFY2(tookMs >= 900, qPrintable(QString::number(tookMs)));
        qInfo("error shown after %lld ms: %s", tookMs, qPrintable(text->text()));

        m_proxy->setMode(FaultProxy::Mode::Pass);
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && page->model()->rowCount() > 0, 15'000);
        QCOMPARE(page->model()->rowCount(), serverKeyCount());
        QVERIFY(!title->isVisible() || !title->text().contains(QLatin1String("Could not load")));
        QVERIFY(page->findChild<QTableView *>(QStringLiteral("keyTable"))->isVisible());
    }

    // A slow server: the window keeps handling events (timers, typing) while the list loads, and
    // the list arrives when the answer does.
    void slowServerKeepsTheWindowResponsive()
    {
        KeysPage *page = showKeysPage();
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading(), 15'000);
        page->model()->clear();
        m_proxy->setSlowMs(2'000);
        m_proxy->setMode(FaultProxy::Mode::Slow);
        QElapsedTimer clock;
        clock.start();
        page->refresh();
        QVERIFY(page->model()->isLoading());
        qint64 latency = -1;
        QVERIFY(eventLoopTurns(&latency));
        QVERIFY2(latency < 250, qPrintable(QString::number(latency)));
        QVERIFY(page->model()->isLoading()); // still waiting for the server
        auto *filter = page->findChild<QLineEdit *>(QStringLiteral("keyFilter"));
        filter->setFocus();
        QTest::keyClicks(filter, QStringLiteral("zzz"));
        QVERIFY(eventLoopTurns(&latency));
        QCOMPARE(filter->text(), QStringLiteral("zzz"));
        QVERIFY(page->model()->isLoading());
        filter->clear();
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && page->model()->rowCount() > 0, 15'000);
        QVERIFY2(clock.elapsed() >= 1'900, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(page->model()->rowCount(), serverKeyCount());
    }

    // Slower than the transfer timeout: "did not answer in time", then recovery.
    void tooSlowTimesOutAndRecovers()
    {
        KeysPage *page = showKeysPage();
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading(), 15'000);
        ApiClient *api = m_window->session()->api();
        const ApiClient::Options saved = api->options();
        api->setOptions({800, 2, 100, 5});
        page->model()->clear();
        m_proxy->setSlowMs(3'000);
        m_proxy->setMode(FaultProxy::Mode::Slow);
        page->refresh();
        auto *title = page->findChild<QLabel *>(QStringLiteral("keysStateTitle"));
        auto *text = page->findChild<QLabel *>(QStringLiteral("keysStateText"));
        QVERIFY(eventLoopTurns());
        QTRY_VERIFY_WITH_TIMEOUT(title->isVisible() && title->text().contains(QLatin1String("Could not load")), 15'000);
        QVERIFY2(text->text().contains(QLatin1String("did not answer in time")), qPrintable(text->text()));
        api->setOptions(saved);
        m_proxy->setMode(FaultProxy::Mode::Pass);
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("keysRetryButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && page->model()->rowCount() > 0, 15'000);
        QCOMPARE(page->model()->rowCount(), serverKeyCount());
    }

    // Create while the server is away: the dialog says so and keeps the note and the permissions;
    // Create again once it is back makes the key on the server. The secret is then in neither the
    // settings file nor the log.
    void createKeepsWhatWasTyped()
    {
        KeysPage *page = showKeysPage();
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && page->model()->rowCount() > 0, 15'000);
        const QString note = QStringLiteral("Fault test: nightly export");
        CreateKeyDialog *create = openCreateDialog(note);
        QVERIFY(create);
        const KeyDraft typed = create->draft();
        QCOMPARE(typed.note, note);
        QVERIFY(!typed.permissions.isEmpty());
        auto *createButton = create->findChild<QPushButton *>(QStringLiteral("createKeyButton"));
        auto *error = create->findChild<QLabel *>(QStringLiteral("createKeyError"));
        QVERIFY(createButton->isEnabled());

        for (FaultProxy::Mode mode : {FaultProxy::Mode::Refuse, FaultProxy::Mode::Unavailable, FaultProxy::Mode::NotJson}) {
            m_proxy->setMode(mode);
            QTest::mouseClick(createButton, Qt::LeftButton);
            QVERIFY(eventLoopTurns());
            QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() && createButton->isEnabled(), 15'000);
            QVERIFY2(!error->text().isEmpty(), modeName(mode));
            qInfo("create under %s: %s", modeName(mode), qPrintable(error->text()));
            QVERIFY(create->isVisible());
            QCOMPARE(create->draft().note, typed.note);
            QCOMPARE(create->draft().permissions, typed.permissions);
            QCOMPARE(create->findChild<QLineEdit *>(QStringLiteral("keyNote"))->text(), note);
            QVERIFY(!m_window->findChild<SecretRevealDialog *>());
        }
        QVERIFY(rotationkit::idOf(m_server, m_admin, note).isEmpty()); // nothing reached the server

        m_proxy->setMode(FaultProxy::Mode::Pass);
        QTest::mouseClick(createButton, Qt::LeftButton);
        SecretRevealDialog *reveal = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((reveal = m_window->findChild<SecretRevealDialog *>()) && reveal->isVisible(), 15'000);
        const QString secret = reveal->findChild<QLineEdit *>(QStringLiteral("secretField"))->text();
        QVERIFY(secret.size() > 40);
        // On the server, asked directly: the key exists once, with what was typed.
        const QString id = rotationkit::idOf(m_server, m_admin, note);
        QVERIFY(!id.isEmpty());
        const QJsonObject onServer = rotationkit::serverKey(m_server, m_admin, id);
        QCOMPARE(onServer.value(QStringLiteral("note")).toString(), note);
        QCOMPARE(m_server.get(QStringLiteral("/payments"), secret).status, 200); // and the secret works
        QVERIFY(closeReveal(reveal));
        QTRY_VERIFY(page->model()->indexOfKey(id).isValid());

        // The secret is nowhere it should not be.
        m_window.settings->sync();
        QFile f(m_window.settings->fileName());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray stored = f.readAll();
        QVERIFY(!stored.isEmpty());
        QVERIFY(!stored.contains(secret.toLatin1()));
        QVERIFY(!stored.contains(secret.mid(5).toLatin1()));
        QVERIFY(m_log.lines().size() > 10);
        QVERIFY2(m_log.find(secret.mid(5)).isEmpty(), qPrintable(m_log.find(secret.mid(5))));
    }

    // The server creates the key but its answer is lost on the way back: the retry (same
    // Idempotency-Key) gets the replay without the secret, so the app retires that key, nobody
    // having seen its secret, and makes a fresh one whose secret it shows. One active key results.
    void lostAnswerLeavesNoUnseenKey()
    {
        const QString note = QStringLiteral("Fault test: answer lost");
        CreateKeyDialog *create = openCreateDialog(note);
        QVERIFY(create);
        m_proxy->loseAnswersToPosts(1);
        QTest::mouseClick(create->findChild<QPushButton *>(QStringLiteral("createKeyButton")), Qt::LeftButton);
        SecretRevealDialog *reveal = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((reveal = m_window->findChild<SecretRevealDialog *>()) && reveal->isVisible(), 15'000);
        QCOMPARE(m_proxy->faultAnswers(), 1); // the answer really was lost once
        const QString secret = reveal->findChild<QLineEdit *>(QStringLiteral("secretField"))->text();
        QVERIFY(secret.size() > 40);
        QCOMPARE(m_server.get(QStringLiteral("/payments"), secret).status, 200);
        QVERIFY(closeReveal(reveal));

        // On the server: the key whose answer was lost is revoked, the shown one is the only
        // active key with this note.
        const auto [active, revoked] = activeAndRevoked(note);
        QCOMPARE(active, 1);
        QCOMPARE(revoked, 1);
        QVERIFY2(m_log.find(secret.mid(5)).isEmpty(), qPrintable(m_log.find(secret.mid(5))));
    }

    // Every try's answer is lost, so the dialog shows the error; the user presses Create again once
    // the network is back. The second press repeats the first request (same body, same
    // Idempotency-Key): the server replays its answer without the secret, so Keyward revokes the
    // key nobody saw and makes a fresh one. One key stays active, its secret shown once.
    void createAgainAfterLostAnswersLeavesOneActiveKey()
    {
        const QString note = QStringLiteral("Fault test: every answer lost");
        CreateKeyDialog *create = openCreateDialog(note);
        QVERIFY(create);
        auto *createButton = create->findChild<QPushButton *>(QStringLiteral("createKeyButton"));
        auto *error = create->findChild<QLabel *>(QStringLiteral("createKeyError"));
        m_proxy->loseAnswersToPosts(1'000);
        QTest::mouseClick(createButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() && createButton->isEnabled(), 15'000);
        QVERIFY(m_proxy->faultAnswers() >= 2); // every try reached the server and lost its answer
        QCOMPARE(create->draft().note, note);
        m_proxy->loseAnswersToPosts(0);
        QTest::mouseClick(createButton, Qt::LeftButton);
        SecretRevealDialog *reveal = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((reveal = m_window->findChild<SecretRevealDialog *>()) && reveal->isVisible(), 15'000);
        QVERIFY(closeReveal(reveal));

        const auto [active, revoked] = activeAndRevoked(note);
        QCOMPARE(active, 1);  // the key whose secret was shown
        QCOMPARE(revoked, 1); // the one the lost answers carried, revoked since nobody saw its secret
    }

    // The audit log page: the error while the server is away, the events when it is back.
    void auditLogShowsErrorAndRecovers()
    {
        QVERIFY(activate());
        QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_3));
        auto *page = m_window->findChild<AuditLogPage *>(QStringLiteral("auditPage"));
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->isVisible(), 5'000);
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && page->model()->rowCount() > 0, 15'000);
        auto *state = page->findChild<QLabel *>(QStringLiteral("auditState"));

        m_proxy->setMode(FaultProxy::Mode::Refuse);
        page->findChild<QAction *>(QStringLiteral("refreshAuditAction"))->trigger();
        QVERIFY(eventLoopTurns());
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && !page->model()->lastError().isEmpty(), 15'000);
        QVERIFY2(page->model()->lastError().contains(QLatin1String("Could not connect")), qPrintable(page->model()->lastError()));
        QVERIFY(state->isVisible());
        QVERIFY2(state->text().contains(QLatin1String("could not be loaded")), qPrintable(state->text()));
        qInfo("audit page: %s | %s", qPrintable(state->text()), qPrintable(page->verificationText()));

        m_proxy->setMode(FaultProxy::Mode::Pass);
        page->findChild<QAction *>(QStringLiteral("refreshAuditAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && page->model()->rowCount() > 0, 15'000);
        QVERIFY(page->model()->lastError().isEmpty());
        QVERIFY(page->findChild<QTableView *>(QStringLiteral("auditTable"))->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(page->verificationText().contains(QLatin1String("Verified")), 15'000);
    }

    void cleanupTestCase()
    {
        m_window.close(); // before the proxy it talks to
        m_proxy.reset();
    }
};

QTEST_MAIN(TestGuiFaults)
#include "tst_gui_faults.moc"

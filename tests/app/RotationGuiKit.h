// SPDX-License-Identifier: GPL-3.0-or-later
// What the rotation GUI suites share: a signed-in main window on the keys page of a real
// keyward-server (its own settings file, so a second window with the same file is "the app
// started again"), a traffic generator standing in for the deployed application, and the steps
// an admin takes in the wizard.
#pragma once

#include "KeyListModel.h"
#include "KeysPage.h"
#include "MainWindow.h"
#include "ProfileStore.h"
#include "RotationWizard.h"
#include "TestServer.h"
#include "TokenStore.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace rotationkit {

using namespace keyward;

// Calls GET /payments every 50 ms with whichever secret it holds, as a deployed app would, and
// counts the answers per secret.
class TrafficGenerator : public QObject
{
public:
    explicit TrafficGenerator(const QUrl &base) : m_base(base)
    {
        connect(&m_timer, &QTimer::timeout, this, [this] { fire(); });
        m_timer.start(50);
    }
    void use(const QString &secret) { m_secret = secret; }
    int ok(const QString &secret) const { return m_ok.value(secret); }
    int failed(const QString &secret) const { return m_failed.value(secret); }

private:
    void fire()
    {
        if (m_secret.isEmpty() || m_inFlight > 2)
            return;
        QNetworkRequest request(m_base.resolved(QUrl(QStringLiteral("/payments"))));
        request.setRawHeader("Authorization", "Bearer " + m_secret.toLatin1());
        QNetworkReply *reply = m_network.get(request);
        ++m_inFlight;
        connect(reply, &QNetworkReply::finished, this, [this, reply, secret = m_secret] {
            --m_inFlight;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            (status == 200 ? m_ok : m_failed)[secret]++;
            reply->deleteLater();
        });
    }

    QUrl m_base;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    QString m_secret;
    QHash<QString, int> m_ok;
    QHash<QString, int> m_failed;
    int m_inFlight = 0;
};

// GET /secret-keys/{id} as `admin` (empty when it is gone).
inline QJsonObject serverKey(TestServer &server, const QString &admin, const QString &id)
{
    const TestServer::Response r = server.get(QStringLiteral("/secret-keys/") + id, admin);
    return r.status == 200 ? r.json() : QJsonObject();
}

// The id of the first key listed with this note.
inline QString idOf(TestServer &server, const QString &admin, const QString &note)
{
    const TestServer::Response r = server.get(QStringLiteral("/secret-keys?limit=100"), admin);
    for (const QJsonValue &v : r.json().value(QStringLiteral("data")).toArray()) {
        if (v.toObject().value(QStringLiteral("note")).toString() == note)
            return v.toObject().value(QStringLiteral("id")).toString();
    }
    return {};
}

// Starts the demo server for a GUI suite, creates the admin key the suite checks the server
// with, and points the sign-in at the test browser. Empty on failure.
inline QString startDemoServer(TestServer &server, const QString &permissions, const QString &note,
                               const QJsonObject &config = {})
{
    if (!server.start({QStringLiteral("--demo")}, config))
        return {};
    qputenv("KEYWARD_BROWSER", qgetenv("KEYWARD_TEST_BROWSER"));
    return server.createKey(permissions, note);
}

// A main window signed in as the demo admin, with the stores it needs. Destroying it is the app
// quitting: whatever was open (a wizard included) goes away without being asked.
struct SignedInWindow
{
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<ProfileStore> profiles;
    std::unique_ptr<TokenStore> tokens;
    std::unique_ptr<MainWindow> window;

    SignedInWindow() = default;
    SignedInWindow(SignedInWindow &&) = default;
    SignedInWindow &operator=(SignedInWindow &&) = default;
    ~SignedInWindow() { close(); }
    void close()
    {
        window.reset(); // before the stores it points to
    }
    MainWindow *operator->() const { return window.get(); }
    MainWindow *get() const { return window.get(); }
    KeysPage *keysPage() const { return window ? window->findChild<KeysPage *>(QStringLiteral("keysPage")) : nullptr; }
};

// `page`: the workspace page to open on (1 keys, 2 audit log).
inline SignedInWindow openKeysPage(const TestServer &server, const QString &settingsFile, const QString &tokenName,
                                   int page = 1)
{
    qputenv("KEYWARD_TEST_EMAIL", "adam.admin@example.com");
    qputenv("KEYWARD_TEST_PASSWORD", "demo-admin-password");
    SignedInWindow w;
    w.settings = std::make_unique<QSettings>(settingsFile, QSettings::IniFormat);
    w.settings->setValue(QStringLiteral("window/page"), page);
    w.profiles = std::make_unique<ProfileStore>(w.settings.get());
    w.tokens = std::make_unique<TokenStore>(tokenName);
    Profile p;
    p.name = QStringLiteral("Demo");
    p.apiUrl = server.url(QString());
    p.issuerUrl = server.url(QString());
    w.profiles->setTransient(p);
    w.window = std::make_unique<MainWindow>(w.profiles.get(), w.tokens.get(), BrowserLauncher(), w.settings.get());
    w.window->resize(1300, 860);
    w.window->show();
    w.window->startSession(true);
    return w;
}

// The keys page once signed in and its first page of keys is listed.
inline KeysPage *waitForKeys(MainWindow *window)
{
    if (!QTest::qWaitFor([window] { return window->findChild<KeysPage *>(QStringLiteral("keysPage")); }, 30'000))
        return nullptr;
    auto *page = window->findChild<KeysPage *>(QStringLiteral("keysPage"));
    if (!QTest::qWaitFor([page] { return page->isVisible() && page->model()->rowCount() > 0 && !page->model()->isLoading(); }, 30'000))
        return nullptr;
    return page;
}

inline bool selectKey(KeysPage *page, const QString &note)
{
    auto *table = page->findChild<QTableView *>(QStringLiteral("keyTable"));
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, KeyListModel::Note).data().toString() == note) {
            table->setFocus();
            table->selectRow(row);
            return true;
        }
    }
    return false;
}

inline bool selectKeyId(KeysPage *page, const QString &id)
{
    auto *table = page->findChild<QTableView *>(QStringLiteral("keyTable"));
    auto *proxy = qobject_cast<QAbstractProxyModel *>(table->model());
    for (int row = 0; proxy && row < proxy->rowCount(); ++row) {
        const ApiKey *key = page->model()->keyFromIndex(proxy->mapToSource(proxy->index(row, 0)));
        if (key && key->id == id) {
            table->setFocus();
            table->selectRow(row);
            return true;
        }
    }
    return false;
}

// Polls fast, and reads the clock `offsetSecs` ahead (minutes of quiet pass at once).
inline RotationWizard *waitForWizard(MainWindow *window, const qint64 *offsetSecs)
{
    if (!QTest::qWaitFor([window] { return window->findChild<RotationWizard *>() && window->findChild<RotationWizard *>()->isVisible(); }, 15'000))
        return nullptr;
    auto *wizard = window->findChild<RotationWizard *>();
    wizard->setPollInterval(150);
    wizard->setClock([offsetSecs] { return QDateTime::currentDateTimeUtc().addSecs(*offsetSecs); });
    return wizard;
}

// Signs in, selects the key with this note and opens the wizard on it.
inline RotationWizard *startRotation(MainWindow *window, const QString &note, const qint64 *offsetSecs)
{
    KeysPage *page = waitForKeys(window);
    if (!page || !selectKey(page, note))
        return nullptr;
    page->rotateSelected();
    return waitForWizard(window, offsetSecs);
}

// Copies the secret from the reveal page (as the admin would) and confirms it is stored.
inline QString copyAndConfirm(RotationWizard *wizard)
{
    auto *copy = wizard->currentPage()->findChild<QPushButton *>(QStringLiteral("copySecretButton"));
    if (!copy)
        return {};
    QTest::mouseClick(copy, Qt::LeftButton);
    const QString secret = QGuiApplication::clipboard()->text();
    wizard->currentPage()->findChild<QCheckBox *>(QStringLiteral("storedCheckBox"))->setChecked(true);
    return secret;
}

// Answers the next message box that opens (within 15 s) by clicking the button with this object
// name, or its default button when the name is empty; its text lands in *text.
inline void answerNextMessageBox(QObject *context, const QString &buttonName, QString *text)
{
    auto *timer = new QTimer(context);
    auto *elapsed = new QElapsedTimer;
    elapsed->start();
    QObject::connect(timer, &QTimer::timeout, context, [timer, elapsed, buttonName, text] {
        QMessageBox *box = nullptr;
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *b = qobject_cast<QMessageBox *>(w); b && b->isVisible())
                box = b;
        }
        if (!box && elapsed->elapsed() < 15'000)
            return;
        timer->stop();
        timer->deleteLater();
        delete elapsed;
        if (!box)
            return;
        if (text)
            *text = box->text() + QLatin1Char(' ') + box->informativeText();
        if (!buttonName.isEmpty())
            box->findChild<QPushButton *>(buttonName)->click();
        else if (box->defaultButton())
            box->defaultButton()->click();
        else
            box->accept();
    });
    timer->start(20);
}

} // namespace rotationkit

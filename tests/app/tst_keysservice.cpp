// SPDX-License-Identifier: GPL-3.0-or-later
// KeysService against the real keyward-server, with a relay in between that can lose an answer:
// a create whose first response never arrives is retried with the same Idempotency-Key, the
// server replays the key without its secret, and the service revokes that key (nobody saw its
// secret) and creates a fresh one, reporting the one it replaced. Also get/update round trips.
#include "ApiClient.h"
#include "KeysService.h"
#include "LogCapture.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <optional>

using namespace keyward;

namespace {

// Relays loopback connections to the server. When armed with a request line prefix, the first
// request that starts with it reaches the server, but its answer is thrown away and the client's
// connection is cut: the response "was lost on the way".
class LossyRelay : public QTcpServer
{
public:
    explicit LossyRelay(quint16 upstreamPort) : m_upstream(upstreamPort) { }
    void loseAnswerTo(const QByteArray &requestLinePrefix) { m_lose = requestLinePrefix; }
    int lost() const { return m_lost; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *client = new QTcpSocket(this);
        client->setSocketDescriptor(descriptor);
        auto *server = new QTcpSocket(this);
        auto dropping = std::make_shared<bool>(false);
        connect(client, &QTcpSocket::readyRead, server, [this, client, server, dropping] {
            const QByteArray data = client->readAll();
            if (!m_lose.isEmpty() && data.startsWith(m_lose)) {
                *dropping = true;
                m_lose.clear();
            }
            server->write(data);
        });
        connect(server, &QTcpSocket::readyRead, client, [this, client, server, dropping] {
            const QByteArray data = server->readAll();
            if (*dropping) {
                ++m_lost;
                client->abort(); // the answer existed, the client never gets it
                server->abort();
                return;
            }
            client->write(data);
        });
        connect(client, &QTcpSocket::disconnected, server, &QTcpSocket::disconnectFromHost);
        connect(server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(server, &QTcpSocket::disconnected, server, &QObject::deleteLater);
        server->connectToHost(QHostAddress::LocalHost, m_upstream);
    }

private:
    quint16 m_upstream;
    QByteArray m_lose;
    int m_lost = 0;
};

class StaticToken : public TokenProvider
{
public:
    explicit StaticToken(QByteArray token) : m_token(std::move(token)) { }
    QByteArray accessToken() const override { return m_token; }
    void renewAccessToken(const QByteArray &, QObject *, std::function<void(bool)> done) override { done(false); }

private:
    QByteArray m_token;
};

} // namespace

class TestKeysService : public QObject
{
    Q_OBJECT

private:
    LogCapture m_log;
    TestServer m_server;
    QString m_admin;
    std::unique_ptr<LossyRelay> m_relay;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<StaticToken> m_token;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<KeysService> m_keys;

    QList<QJsonObject> serverKeysNamed(const QString &note)
    {
        QList<QJsonObject> out;
        const TestServer::Response r = m_server.get(QStringLiteral("/secret-keys?limit=100"), m_admin);
        for (const QJsonValue &v : r.json().value(QStringLiteral("data")).toArray()) {
            if (v.toObject().value(QStringLiteral("note")).toString() == note)
                out.append(v.toObject());
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_log.install();
        QVERIFY(m_server.start());
        m_admin = m_server.createKey(QStringLiteral("secret_keys:write,payments:write"), QStringLiteral("tst_keysservice"));
        QVERIFY(!m_admin.isEmpty());
        m_relay = std::make_unique<LossyRelay>(m_server.port());
        QVERIFY(m_relay->listen(QHostAddress::LocalHost, 0));
        m_network = std::make_unique<QNetworkAccessManager>();
        m_token = std::make_unique<StaticToken>(m_admin.toLatin1());
        QUrl base;
        base.setScheme(QStringLiteral("http"));
        base.setHost(QStringLiteral("127.0.0.1"));
        base.setPort(m_relay->serverPort());
        m_api = std::make_unique<ApiClient>(m_network.get(), base, m_token.get());
        m_api->setOptions({5'000, 4, 50, 5});
        m_keys = std::make_unique<KeysService>(m_api.get());
    }

    void createSurvivesALostAnswer()
    {
        KeyDraft draft;
        draft.note = QStringLiteral("lost answer");
        draft.permissions = {QStringLiteral("payments:read")};
        m_relay->loseAnswerTo("POST /secret-keys ");
        std::optional<CreatedKey> created;
        std::optional<ApiFailure> failure;
        m_keys->create(draft, this, [&](Result<CreatedKey> &r) {
            if (r.ok())
                created = std::move(r.value());
            else
                failure = r.error();
        });
        QTRY_VERIFY_WITH_TIMEOUT(created || failure, 20'000);
        QVERIFY2(created, failure ? qPrintable(failure->text()) : "");
        QCOMPARE(m_relay->lost(), 1);
        QVERIFY(created->key.id.startsWith(QLatin1String("key_")));
        QVERIFY(created->secret.startsWith("skey_"));
        QVERIFY(created->replaced);
        QVERIFY(created->replaced->id != created->key.id);
        QCOMPARE(created->replaced->status, ApiKey::Status::Revoked);

        // On the server: two keys with that note, the lost one revoked, the fresh one live and
        // working with the secret the service handed over.
        const QList<QJsonObject> keys = serverKeysNamed(QStringLiteral("lost answer"));
        QCOMPARE(keys.size(), 2);
        for (const QJsonObject &k : keys) {
            const bool fresh = k.value(QStringLiteral("id")).toString() == created->key.id;
            QCOMPARE(k.value(QStringLiteral("status")).toString(), fresh ? QStringLiteral("active") : QStringLiteral("revoked"));
        }
        QCOMPARE(m_server.get(QStringLiteral("/payments"), QString::fromLatin1(created->secret)).status, 200);
    }

    void createWithoutLossReplacesNothing()
    {
        KeyDraft draft;
        draft.note = QStringLiteral("plain create");
        draft.permissions = {QStringLiteral("payments:read")};
        std::optional<CreatedKey> created;
        m_keys->create(draft, this, [&](Result<CreatedKey> &r) {
            QVERIFY(r.ok());
            created = std::move(r.value());
        });
        QTRY_VERIFY_WITH_TIMEOUT(created, 10'000);
        QVERIFY(!created->replaced);
        QCOMPARE(serverKeysNamed(QStringLiteral("plain create")).size(), 1);
    }

    void getAndUpdateRoundTrip()
    {
        const QList<QJsonObject> keys = serverKeysNamed(QStringLiteral("plain create"));
        QCOMPARE(keys.size(), 1);
        const QString id = keys.constFirst().value(QStringLiteral("id")).toString();
        std::optional<Result<ApiKey>> got;
        m_keys->get(id, this, [&](const Result<ApiKey> &r) { got = r; });
        QTRY_VERIFY_WITH_TIMEOUT(got, 10'000);
        QVERIFY(got->ok());
        QCOMPARE(got->value().usage.size(), 30); // one entry per day, zeros included

        KeyUpdate change;
        change.note = QStringLiteral("renamed");
        change.changeExpiry = true;
        change.expiresAt = QDateTime::currentDateTimeUtc().addDays(7);
        std::optional<Result<ApiKey>> updated;
        m_keys->update(id, change, this, [&](const Result<ApiKey> &r) { updated = r; });
        QTRY_VERIFY_WITH_TIMEOUT(updated, 10'000);
        QVERIFY(updated->ok());
        QCOMPARE(updated->value().note, QStringLiteral("renamed"));
        QCOMPARE(updated->value().permissions, QStringList {QStringLiteral("payments:read")}); // not sent, not changed
        QVERIFY(qAbs(updated->value().expiresAt.secsTo(change.expiresAt)) <= 1);

        // Back to never expiring: expires_at null.
        KeyUpdate never;
        never.changeExpiry = true;
        updated.reset();
        m_keys->update(id, never, this, [&](const Result<ApiKey> &r) { updated = r; });
        QTRY_VERIFY_WITH_TIMEOUT(updated, 10'000);
        QVERIFY(updated->ok());
        QVERIFY(!updated->value().expiresAt.isValid());

        // A missing key is a sentence, not a crash.
        updated.reset();
        m_keys->update(QStringLiteral("key_doesnotexist"), never, this, [&](const Result<ApiKey> &r) { updated = r; });
        QTRY_VERIFY_WITH_TIMEOUT(updated, 10'000);
        QVERIFY(!updated->ok());
        QCOMPARE(updated->error().httpStatus, 404);
    }
};

QTEST_MAIN(TestKeysService)
#include "tst_keysservice.moc"

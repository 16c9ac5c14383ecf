// SPDX-License-Identifier: GPL-3.0-or-later
// Key rotation on a real keyward-server: POST /secret-keys with "rotates" (defaults, links both
// ways, audit, errors, escalation, idempotent replay), scheduled expiry enforced by the sweep
// (401 past expires_at even from the credential cache, exactly one secret_key.expired across
// restarts and two server processes on one database), and per-minute usage (usage_recent).
#include "AuditChain.h"
#include "AuditEvent.h"
#include "KeyFormat.h"
#include "TestServer.h"
#include "Timestamps.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using keyward::KeyFormat;
using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

constexpr int SweepMs = 100;
constexpr qint64 MinuteMs = 60'000;

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QJsonObject serverConfig()
{
    return {{s("expiry_sweep_interval_ms"), SweepMs},
            {s("usage_flush_ms"), 100},
            {s("denied_audit_per_minute_per_ip"), 100000},
            {s("rate_limits"), QJsonObject {{s("free"), QJsonObject {{s("limit"), 1000000}}},
                                            {s("anonymous"), QJsonObject {{s("limit"), 1000000}}}}}};
}

QString isoIn(qint64 ms)
{
    return QDateTime::currentDateTimeUtc().addMSecs(ms).toString(Qt::ISODateWithMs);
}

qint64 msOf(const QJsonValue &rfc3339)
{
    const auto t = keyward::parseRfc3339(rfc3339.toString());
    return t ? t->toMSecsSinceEpoch() : -1;
}

QStringList strings(const QJsonValue &array)
{
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out.append(v.toString());
    return out;
}

const QString AllPermissions = s("payments:write,customers:write,refunds:write,webhooks:write,"
                                 "secret_keys:write,publishable_keys:write,audit_log:read");

} // namespace

class TestRotation : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QString m_admin;

    TestServer::Response create(const QJsonObject &body, const QString &as = {}, const Headers &headers = {})
    {
        return m_server.post(s("/secret-keys"), body, as.isEmpty() ? m_admin : as, headers);
    }

    // A fresh key to rotate: {id, secret}.
    QJsonObject newKey(const QString &note, const QStringList &permissions, TestServer *server = nullptr,
                       const QString &as = {})
    {
        TestServer &on = server ? *server : m_server;
        const auto r = on.post(s("/secret-keys"),
                               QJsonObject {{s("note"), note}, {s("permissions"), QJsonArray::fromStringList(permissions)}},
                               as.isEmpty() ? m_admin : as);
        if (r.status != 201)
            qWarning() << "create answered" << r.status << r.body;
        return r.json();
    }

    QJsonObject getKey(const QString &id, TestServer *server = nullptr)
    {
        TestServer &on = server ? *server : m_server;
        const auto r = on.get(s("/secret-keys/") + id, m_admin);
        if (r.status != 200)
            qWarning() << "get answered" << r.status << r.body;
        return r.json();
    }

    // The key as the list shows it (searched by id), or an empty object.
    QJsonObject listed(const QString &id, const QString &status = {})
    {
        QString path = s("/secret-keys?limit=100&q=") + id;
        if (!status.isEmpty())
            path += s("&status=") + status;
        const auto r = m_server.get(path, m_admin);
        for (const QJsonValue &v : r.json().value(s("data")).toArray()) {
            if (v.toObject().value(s("id")).toString() == id)
                return v.toObject();
        }
        return {};
    }

    QJsonArray events(const QString &keyId, const QString &action, TestServer *server = nullptr)
    {
        TestServer &on = server ? *server : m_server;
        const auto r = on.get(s("/audit-events?limit=500&key_id=%1&action=%2").arg(keyId, action), m_admin);
        if (r.status != 200)
            qWarning() << "audit answered" << r.status << r.body;
        return r.json().value(s("data")).toArray();
    }

    // Waits until a sweep that started after this call has finished: a key expiring in a moment
    // gets its secret_key.expired event. A bounded barrier instead of a blind sleep.
    bool sweepsHaveRun(TestServer &server, const QString &admin)
    {
        const auto r = server.post(s("/secret-keys"),
                                   QJsonObject {{s("note"), s("sweep barrier")},
                                                {s("permissions"), QJsonArray {s("payments:read")}},
                                                {s("expires_at"), isoIn(150)}},
                                   admin);
        if (r.status != 201)
            return false;
        const QString id = r.json().value(s("id")).toString();
        return QTest::qWaitFor([&] {
            const auto e = server.get(s("/audit-events?action=secret_key.expired&key_id=") + id, admin);
            return e.json().value(s("data")).toArray().size() == 1;
        }, 5000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start({}, serverConfig()));
        m_admin = m_server.createKey(AllPermissions, s("rotation admin"));
        QVERIFY(KeyFormat::isWellFormedSecret(m_admin));
    }

    // ---- rotation ----

    void rotationDefaultsToTheOldKeysNoteAndPermissions()
    {
        const QJsonObject old = newKey(s("billing-service"), {s("payments:write"), s("customers:read")});
        const QString oldId = old.value(s("id")).toString();
        QVERIFY(!oldId.isEmpty());
        QVERIFY(old.value(s("rotates")).isNull());
        QVERIFY(old.value(s("rotated_by")).isNull());

        const auto r = create({{s("rotates"), oldId}});
        QCOMPARE(r.status, 201);
        const QJsonObject created = r.json();
        const QString newId = created.value(s("id")).toString();
        const QString secret = created.value(s("secret")).toString();
        QVERIFY(KeyFormat::isWellFormedSecret(secret));
        QVERIFY(newId != oldId);
        QCOMPARE(created.value(s("note")).toString(), s("billing-service"));
        QCOMPARE(strings(created.value(s("permissions"))), strings(old.value(s("permissions"))));
        QCOMPARE(created.value(s("rotates")).toString(), oldId);
        QVERIFY(created.value(s("rotated_by")).isNull());
        QCOMPARE(created.value(s("status")).toString(), s("active"));
        QVERIFY(created.value(s("expires_at")).isNull());

        // Linked both ways, in single-key answers and in the list.
        QCOMPARE(getKey(oldId).value(s("rotated_by")).toString(), newId);
        QVERIFY(getKey(oldId).value(s("rotates")).isNull());
        QCOMPARE(getKey(newId).value(s("rotates")).toString(), oldId);
        QVERIFY(getKey(newId).value(s("rotated_by")).isNull());
        QCOMPARE(listed(oldId).value(s("rotated_by")).toString(), newId);
        QCOMPARE(listed(newId).value(s("rotates")).toString(), oldId);

        // Both work: rotation alone does not stop the old key.
        QCOMPARE(m_server.get(s("/payments"), secret).status, 200);
        QCOMPARE(m_server.get(s("/payments"), old.value(s("secret")).toString()).status, 200);
        // An update answer carries the link too.
        const auto updated = m_server.post(s("/secret-keys/") + oldId, QJsonObject {{s("note"), s("billing-service (old)")}},
                                           m_admin);
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.json().value(s("rotated_by")).toString(), newId);
    }

    void rotationWithNarrowerPermissionsAndOwnNote()
    {
        const QJsonObject old = newKey(s("reporting"), {s("payments:write"), s("refunds:write")});
        const QString oldId = old.value(s("id")).toString();
        const QString expiry = isoIn(3600'000);
        const auto r = create({{s("rotates"), oldId}, {s("note"), s("reporting v2")},
                               {s("permissions"), QJsonArray {s("payments:read")}}, {s("expires_at"), expiry}});
        QCOMPARE(r.status, 201);
        const QJsonObject created = r.json();
        QCOMPARE(created.value(s("note")).toString(), s("reporting v2"));
        QCOMPARE(strings(created.value(s("permissions"))), QStringList {s("payments:read")});
        QCOMPARE(msOf(created.value(s("expires_at"))), msOf(QJsonValue(expiry)));
        QCOMPARE(created.value(s("rotates")).toString(), oldId);
        // The old key keeps its own note and permissions.
        const QJsonObject oldNow = getKey(oldId);
        QCOMPARE(oldNow.value(s("note")).toString(), s("reporting"));
        QCOMPARE(strings(oldNow.value(s("permissions"))), QStringList({s("payments:write"), s("refunds:write")}));
        QCOMPARE(oldNow.value(s("rotated_by")).toString(), created.value(s("id")).toString());
        // Narrower really means narrower.
        const QString secret = created.value(s("secret")).toString();
        QCOMPARE(m_server.get(s("/payments"), secret).status, 200);
        QCOMPARE(m_server.post(s("/payments"), QJsonObject {{s("amount"), 100}, {s("currency"), s("eur")}}, secret).status,
                 403);
    }

    void rotationIsAuditedInOneTransaction()
    {
        const QJsonObject old = newKey(s("audited rotation"), {s("customers:read")});
        const QString oldId = old.value(s("id")).toString();
        const auto r = create({{s("rotates"), oldId}});
        QCOMPARE(r.status, 201);
        const QString newId = r.json().value(s("id")).toString();
        const QString newMasked = r.json().value(s("masked")).toString();

        const QJsonArray rotated = events(oldId, s("secret_key.rotated"));
        QCOMPARE(rotated.size(), qsizetype(1));
        const QJsonObject rot = rotated.first().toObject();
        QVERIFY(rot.value(s("id")).toString().startsWith(QLatin1String("evt_")));
        QCOMPARE(rot.value(s("target")).toObject().value(s("type")).toString(), s("secret_key"));
        QCOMPARE(rot.value(s("target")).toObject().value(s("id")).toString(), oldId);
        QCOMPARE(rot.value(s("actor")).toObject().value(s("type")).toString(), s("secret_key"));
        QVERIFY(rot.value(s("actor")).toObject().value(s("display")).toString().contains(QLatin1String("rotation admin")));
        const QJsonObject replacement = rot.value(s("details")).toObject().value(s("replacement")).toObject();
        QCOMPARE(replacement.value(s("id")).toString(), newId);
        QVERIFY2(replacement.value(s("display")).toString().contains(newMasked), qPrintable(replacement.value(s("display")).toString()));

        const QJsonArray createdEvents = events(newId, s("secret_key.created"));
        QCOMPARE(createdEvents.size(), qsizetype(1));
        const QJsonObject cre = createdEvents.first().toObject();
        QCOMPARE(cre.value(s("target")).toObject().value(s("id")).toString(), newId);
        QCOMPARE(cre.value(s("details")).toObject().value(s("rotates")).toString(), oldId);
        QCOMPARE(strings(cre.value(s("details")).toObject().value(s("permissions"))), QStringList {s("customers:read")});
        // Written together: consecutive in the chain, created first, same request.
        const qint64 creSeq = keyward::AuditEvent::seqFromId(cre.value(s("id")).toString());
        const qint64 rotSeq = keyward::AuditEvent::seqFromId(rot.value(s("id")).toString());
        QVERIFY(creSeq > 0);
        QCOMPARE(rotSeq, creSeq + 1);
        QCOMPARE(rot.value(s("request_id")).toString(), cre.value(s("request_id")).toString());
        // A plain create has no rotates in its details, and the old key no second rotation event.
        QVERIFY(!events(oldId, s("secret_key.created")).first().toObject().value(s("details")).toObject().contains(s("rotates")));
    }

    void newestReplacementIsTheLink()
    {
        const QString oldId = newKey(s("rotated twice"), {s("payments:read")}).value(s("id")).toString();
        const auto first = create({{s("rotates"), oldId}});
        QCOMPARE(first.status, 201);
        const auto second = create({{s("rotates"), oldId}});
        QCOMPARE(second.status, 201);
        const QString firstId = first.json().value(s("id")).toString();
        const QString secondId = second.json().value(s("id")).toString();
        QCOMPARE(getKey(oldId).value(s("rotated_by")).toString(), secondId);
        QCOMPARE(events(oldId, s("secret_key.rotated")).size(), qsizetype(2));
        // A deleted replacement is no longer the link; the one before it is again.
        QCOMPARE(m_server.post(s("/secret-keys/%1/delete").arg(secondId), QByteArray(), m_admin).status, 200);
        QCOMPARE(getKey(oldId).value(s("rotated_by")).toString(), firstId);
        QCOMPARE(listed(oldId).value(s("rotated_by")).toString(), firstId);
        // A rotated key can itself be rotated: a chain.
        const auto third = create({{s("rotates"), firstId}});
        QCOMPARE(third.status, 201);
        const QJsonObject middle = getKey(firstId);
        QCOMPARE(middle.value(s("rotates")).toString(), oldId);
        QCOMPARE(middle.value(s("rotated_by")).toString(), third.json().value(s("id")).toString());
    }

    void rotationErrors_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown id") << s("unknown") << 404 << s("NOT_FOUND");
        QTest::newRow("deleted key") << s("deleted") << 404 << s("NOT_FOUND");
        QTest::newRow("revoked key") << s("revoked") << 409 << s("CONFLICT");
        QTest::newRow("empty id") << s("empty") << 400 << s("VALIDATION_FAILED");
        QTest::newRow("not a string") << s("number") << 400 << s("VALIDATION_FAILED");
    }
    void rotationErrors()
    {
        QFETCH(QString, which);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QString note = s("error case ") + which;
        QJsonValue rotates;
        if (which == QLatin1String("unknown")) {
            rotates = s("key_doesnotexist00");
        } else if (which == QLatin1String("empty")) {
            rotates = s("");
        } else if (which == QLatin1String("number")) {
            rotates = 42;
        } else {
            const QString id = newKey(note, {s("payments:read")}).value(s("id")).toString();
            QCOMPARE(m_server.post(s("/secret-keys/%1/%2").arg(id, which == QLatin1String("revoked") ? s("revoke") : s("delete")),
                                   QByteArray(), m_admin).status, 200);
            rotates = id;
        }
        const auto r = create({{s("rotates"), rotates}});
        QCOMPARE(r.status, status);
        const QJsonObject error = r.json().value(s("error")).toObject();
        QCOMPARE(error.value(s("code")).toString(), code);
        QVERIFY(!error.value(s("message")).toString().isEmpty());
        if (status == 400)
            QVERIFY(error.value(s("details")).toObject().contains(s("rotates")));
        QVERIFY(!r.body.contains("\"secret\""));
        // Nothing was created: no key carries this note twice, no new key links to it.
        const auto list = m_server.get(s("/secret-keys?limit=100&q=") + QString(note).replace(QLatin1Char(' '), s("%20")),
                                       m_admin);
        QCOMPARE(list.json().value(s("data")).toArray().size(), qsizetype(which == QLatin1String("revoked") ? 1 : 0));
        if (rotates.isString() && !rotates.toString().isEmpty())
            QCOMPARE(events(rotates.toString(), s("secret_key.rotated")).size(), qsizetype(0));
    }

    void rotationCannotEscalate()
    {
        const QString limited = newKey(s("limited rotator"), {s("secret_keys:write"), s("payments:read")})
                                    .value(s("secret")).toString();
        QVERIFY(!limited.isEmpty());
        const QString oldId = newKey(s("powerful"), {s("payments:write"), s("refunds:read")}).value(s("id")).toString();
        // Inherited permissions the caller lacks.
        const auto inherited = create({{s("rotates"), oldId}}, limited);
        QCOMPARE(inherited.status, 403);
        const QJsonObject error = inherited.json().value(s("error")).toObject();
        QCOMPARE(error.value(s("code")).toString(), s("FORBIDDEN"));
        const QStringList missing = strings(error.value(s("details")).toObject().value(s("permissions")));
        QVERIFY2(missing.contains(s("payments:write")) && missing.contains(s("refunds:read")), qPrintable(missing.join(s(","))));
        // Explicit permissions the caller lacks.
        QCOMPARE(create({{s("rotates"), oldId}, {s("permissions"), QJsonArray {s("payments:write")}}}, limited).status, 403);
        QVERIFY(getKey(oldId).value(s("rotated_by")).isNull());
        QCOMPARE(events(oldId, s("secret_key.rotated")).size(), qsizetype(0));
        // Explicit permissions within the caller's own.
        const auto narrowed = create({{s("rotates"), oldId}, {s("permissions"), QJsonArray {s("payments:read")}}}, limited);
        QCOMPARE(narrowed.status, 201);
        QCOMPARE(getKey(oldId).value(s("rotated_by")).toString(), narrowed.json().value(s("id")).toString());
    }

    void idempotentRotationReplaysWithoutASecondLink()
    {
        const QString oldId = newKey(s("idempotent rotation"), {s("payments:read")}).value(s("id")).toString();
        const QJsonObject body {{s("rotates"), oldId}};
        const Headers h {{"Idempotency-Key", "rotate-" + oldId.toLatin1()}};
        const auto first = create(body, {}, h);
        QCOMPARE(first.status, 201);
        QVERIFY(first.json().contains(s("secret")));
        const QString newId = first.json().value(s("id")).toString();
        const auto replay = create(body, {}, h);
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(replay.json().value(s("id")).toString(), newId);
        QCOMPARE(replay.json().value(s("rotates")).toString(), oldId);
        QVERIFY(!replay.json().contains(s("secret")));
        QVERIFY(!replay.body.contains(first.json().value(s("secret")).toString().toLatin1()));
        // One link, one pair of events.
        QCOMPARE(getKey(oldId).value(s("rotated_by")).toString(), newId);
        QCOMPARE(events(oldId, s("secret_key.rotated")).size(), qsizetype(1));
        const auto list = m_server.get(s("/secret-keys?limit=100&q=idempotent%20rotation"), m_admin);
        int linked = 0;
        for (const QJsonValue &v : list.json().value(s("data")).toArray())
            linked += v.toObject().value(s("rotates")).toString() == oldId ? 1 : 0;
        QCOMPARE(linked, 1);
        // The same Idempotency-Key with another rotation target is a conflict.
        const QString otherId = newKey(s("idempotent other"), {s("payments:read")}).value(s("id")).toString();
        QCOMPARE(create({{s("rotates"), otherId}}, {}, h).status, 409);
        QVERIFY(getKey(otherId).value(s("rotated_by")).isNull());
    }

    // ---- scheduled expiry ----

    void gracePeriodEndsWith401AndOneExpiredEvent()
    {
        const QJsonObject old = newKey(s("grace period"), {s("payments:read")});
        const QString id = old.value(s("id")).toString();
        const QString secret = old.value(s("secret")).toString();
        // Warm the credential cache while the key has no expiry at all.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_server.get(s("/payments"), secret).status, 200);
        const QString expiresAt = isoIn(2000);
        const qint64 expiresMs = msOf(QJsonValue(expiresAt));
        const auto set = m_server.post(s("/secret-keys/") + id, QJsonObject {{s("expires_at"), expiresAt}}, m_admin);
        QCOMPARE(set.status, 200);
        QCOMPARE(msOf(set.json().value(s("expires_at"))), expiresMs);
        QCOMPARE(set.json().value(s("status")).toString(), s("active"));
        // Still works during the grace period, from the cache and from the database alike.
        QCOMPARE(m_server.get(s("/payments"), secret).status, 200);
        QCOMPARE(m_server.get(s("/payments"), secret).status, 200);
        QVERIFY2(QDateTime::currentMSecsSinceEpoch() < expiresMs, "the grace period passed before the check");
        QVERIFY(events(id, s("secret_key.expired")).isEmpty());

        // Poll: 200 until expires_at, then 401 and never 200 again.
        int status = 0;
        qint64 firstRefusedAt = 0;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 5000) {
            status = m_server.get(s("/payments"), secret).status;
            const qint64 at = QDateTime::currentMSecsSinceEpoch();
            if (status == 401) {
                firstRefusedAt = at;
                break;
            }
            QCOMPARE(status, 200);
            QTest::qWait(20); // a paced poll: the point is when the first 401 comes, measured to 20 ms
        }
        QCOMPARE(status, 401);
        QVERIFY2(firstRefusedAt >= expiresMs, "refused before its expiry");
        QVERIFY2(firstRefusedAt - expiresMs < 2000, "still accepted well past its expiry");
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_server.get(s("/payments"), secret, {{"api-key", secret.toLatin1()}}).status, 401);

        // The sweep records it exactly once, as the system, with the expiry it passed.
        QTRY_COMPARE_WITH_TIMEOUT(events(id, s("secret_key.expired")).size(), qsizetype(1), 5000);
        QVERIFY(sweepsHaveRun(m_server, m_admin));
        const QJsonArray expired = events(id, s("secret_key.expired"));
        QCOMPARE(expired.size(), qsizetype(1));
        const QJsonObject e = expired.first().toObject();
        QCOMPARE(e.value(s("actor")).toObject().value(s("type")).toString(), s("system"));
        QCOMPARE(e.value(s("target")).toObject().value(s("id")).toString(), id);
        QCOMPARE(msOf(e.value(s("details")).toObject().value(s("expires_at"))), expiresMs);
        QVERIFY(msOf(e.value(s("at"))) >= expiresMs);

        // Listed as expired, and an expired key may still be rotated.
        QCOMPARE(listed(id, s("expired")).value(s("status")).toString(), s("expired"));
        QVERIFY(listed(id, s("active")).isEmpty());
        QCOMPARE(getKey(id).value(s("status")).toString(), s("expired"));
        const auto rotated = create({{s("rotates"), id}});
        QCOMPARE(rotated.status, 201);
        QCOMPARE(getKey(id).value(s("rotated_by")).toString(), rotated.json().value(s("id")).toString());
    }

    void expiryIsAuditedOnceAcrossProcessesAndRestarts()
    {
        // Two server processes on one database, both sweeping every 100 ms.
        TestServer a;
        QVERIFY(a.start({}, serverConfig()));
        const QString admin = a.createKey(AllPermissions, s("admin of a"));
        TestServer b;
        QVERIFY(b.start({s("--database"), a.databaseUrl()}, serverConfig()));
        QVERIFY(a.port() != b.port());

        const auto created = a.post(s("/secret-keys"),
                                    QJsonObject {{s("note"), s("shared expiry")}, {s("permissions"), QJsonArray {s("payments:read")}},
                                                 {s("expires_at"), isoIn(1500)}},
                                    admin);
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(s("id")).toString();
        const QString secret = created.json().value(s("secret")).toString();
        QCOMPARE(a.get(s("/payments"), secret).status, 200);
        QCOMPARE(b.get(s("/payments"), secret).status, 200);
        // A second key, cached by a while it has no expiry; b gives it one: a must refuse it
        // once that time passes although its cached entry predates the change.
        const auto other = a.post(s("/secret-keys"),
                                  QJsonObject {{s("note"), s("changed elsewhere")}, {s("permissions"), QJsonArray {s("payments:read")}}},
                                  admin);
        QCOMPARE(other.status, 201);
        const QString otherId = other.json().value(s("id")).toString();
        const QString otherSecret = other.json().value(s("secret")).toString();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(a.get(s("/payments"), otherSecret).status, 200);
        const QString otherExpiry = isoIn(1500);
        QCOMPARE(b.post(s("/secret-keys/") + otherId, QJsonObject {{s("expires_at"), otherExpiry}}, admin).status, 200);
        QCOMPARE(a.get(s("/payments"), otherSecret).status, 200);
        // And the reverse: a caches a key with an expiry that b then extends; past the old
        // expiry a must ask the database rather than trust its cached entry.
        const QString shortExpiry = isoIn(1500);
        const auto extended = a.post(s("/secret-keys"),
                                     QJsonObject {{s("note"), s("extended elsewhere")}, {s("permissions"), QJsonArray {s("payments:read")}},
                                                  {s("expires_at"), shortExpiry}},
                                     admin);
        QCOMPARE(extended.status, 201);
        const QString extendedSecret = extended.json().value(s("secret")).toString();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(a.get(s("/payments"), extendedSecret).status, 200);
        QCOMPARE(b.post(s("/secret-keys/") + extended.json().value(s("id")).toString(),
                        QJsonObject {{s("expires_at"), isoIn(3600'000)}}, admin).status, 200);

        QTRY_COMPARE_WITH_TIMEOUT(a.get(s("/payments"), secret).status, 401, 5000);
        QCOMPARE(b.get(s("/payments"), secret).status, 401);
        QTRY_COMPARE_WITH_TIMEOUT(a.get(s("/payments"), otherSecret).status, 401, 5000);
        QVERIFY(QDateTime::currentMSecsSinceEpoch() >= msOf(QJsonValue(otherExpiry)));
        QCOMPARE(b.get(s("/payments"), otherSecret).status, 401);
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() > msOf(QJsonValue(shortExpiry)) + 50, 5000);
        QCOMPARE(a.get(s("/payments"), extendedSecret).status, 200);
        QCOMPARE(b.get(s("/payments"), extendedSecret).status, 200);

        auto expiredCount = [&](TestServer &server, const QString &keyId) {
            return server.get(s("/audit-events?action=secret_key.expired&key_id=") + keyId, admin)
                .json().value(s("data")).toArray().size();
        };
        QTRY_COMPARE_WITH_TIMEOUT(expiredCount(a, id), qsizetype(1), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(expiredCount(a, otherId), qsizetype(1), 5000);
        QVERIFY(sweepsHaveRun(a, admin));
        QVERIFY(sweepsHaveRun(b, admin));
        QCOMPARE(expiredCount(a, id), qsizetype(1));
        QCOMPARE(expiredCount(b, id), qsizetype(1));
        QCOMPARE(expiredCount(b, otherId), qsizetype(1));

        // Restart both on the same database: the start-up sweeps write nothing more.
        QCOMPARE(b.stop(), 0);
        QCOMPARE(a.stop(), 0);
        QVERIFY(a.start({}, serverConfig()));
        QVERIFY(b.start({s("--database"), a.databaseUrl()}, serverConfig()));
        QCOMPARE(a.get(s("/payments"), secret).status, 401);
        QVERIFY(sweepsHaveRun(a, admin));
        QVERIFY(sweepsHaveRun(b, admin));
        QCOMPARE(expiredCount(a, id), qsizetype(1));
        QCOMPARE(expiredCount(a, otherId), qsizetype(1));
        QCOMPARE(a.get(s("/secret-keys/") + id, admin).json().value(s("status")).toString(), s("expired"));

        // Two processes writing one chain: it still verifies.
        QList<QJsonObject> chain;
        QString cursor;
        for (int page = 0; page < 20; ++page) {
            const auto r = a.get(s("/audit-events?limit=500") + (cursor.isEmpty() ? QString() : s("&starting_after=") + cursor),
                                 admin);
            QCOMPARE(r.status, 200);
            for (const QJsonValue &v : r.json().value(s("data")).toArray())
                chain.prepend(v.toObject());
            if (!r.json().value(s("has_more")).toBool())
                break;
            cursor = r.json().value(s("next_cursor")).toString();
        }
        QVERIFY(chain.size() > 8);
        const auto verified = keyward::AuditChain::verify(chain, keyward::AuditChain::genesisHash());
        QVERIFY2(verified.ok, qPrintable(verified.reason));
        QCOMPARE(b.stop(), 0);
        QCOMPARE(a.stop(), 0);
    }

    // ---- per-minute usage ----

    void recentUsageCountsRequestsPerMinute()
    {
        const QJsonObject key = newKey(s("per-minute usage"), {s("payments:read")});
        const QString id = key.value(s("id")).toString();
        const QString secret = key.value(s("secret")).toString();
        constexpr int Calls = 7;
        for (int i = 0; i < Calls; ++i)
            QCOMPARE(m_server.get(s("/payments"), secret).status, 200);

        // The last two entries hold every call even if a minute boundary fell in between.
        auto lastTwo = [&](const QJsonArray &recent) {
            if (recent.size() < 2)
                return qint64(-1);
            return recent.at(recent.size() - 1).toObject().value(s("count")).toInteger()
                + recent.at(recent.size() - 2).toObject().value(s("count")).toInteger();
        };
        QJsonArray recent;
        QTRY_COMPARE_WITH_TIMEOUT((recent = getKey(id).value(s("usage_recent")).toArray(), lastTwo(recent)), qint64(Calls),
                                  5000);
        const qint64 askedAt = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(recent.size(), qsizetype(60));
        qint64 previous = 0;
        qint64 total = 0;
        for (qsizetype i = 0; i < recent.size(); ++i) {
            const QJsonObject entry = recent.at(i).toObject();
            const QString minute = entry.value(s("minute")).toString();
            QVERIFY2(minute.endsWith(QLatin1Char('Z')), qPrintable(minute));
            const qint64 ms = msOf(entry.value(s("minute")));
            QVERIFY2(ms > 0, qPrintable(minute));
            QCOMPARE(ms % MinuteMs, qint64(0));
            if (i > 0)
                QCOMPARE(ms - previous, MinuteMs); // oldest first, no gaps
            previous = ms;
            QVERIFY(entry.value(s("count")).isDouble());
            total += entry.value(s("count")).toInteger();
        }
        QCOMPARE(total, qint64(Calls)); // a fresh key: the rest are zeros, not left out
        // The current minute is last.
        QVERIFY(previous <= askedAt);
        QVERIFY(askedAt - previous < 2 * MinuteMs);
        // The admin's own calls count for the admin key, not this one; and the count is not
        // inflated later: one more call makes exactly one more.
        QCOMPARE(m_server.get(s("/payments"), secret).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT((recent = getKey(id).value(s("usage_recent")).toArray(), lastTwo(recent)),
                                  qint64(Calls + 1), 5000);
        // The list stays lean: per-minute usage only in the single-key answer.
        const QJsonObject inList = listed(id);
        QCOMPARE(inList.value(s("id")).toString(), id);
        QVERIFY(!inList.contains(s("usage_recent")));
    }

    void recentUsageReadsStoredMinutesAndPrunesOldOnes()
    {
        const QString id = newKey(s("stored minutes"), {s("payments:read")}).value(s("id")).toString();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 currentMinute = now - now % MinuteMs;
        const qint64 halfHourAgo = currentMinute - 30 * MinuteMs;
        const qint64 threeHoursAgo = currentMinute - 180 * MinuteMs;
        {
            QVERIFY(m_server.openDatabase(s("rotation-test")));
            QSqlDatabase db = QSqlDatabase::database(s("rotation-test"));
            QSqlQuery q(db);
            QVERIFY(q.prepare(s("INSERT INTO key_usage_minute (key_id, minute, count) VALUES (?, ?, ?)")));
            const qint64 rows[][2] = {{halfHourAgo, 11}, {threeHoursAgo, 13}};
            for (const auto &row : rows) {
                q.addBindValue(id);
                q.addBindValue(row[0]);
                q.addBindValue(row[1]);
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
            auto minutesOf = [&db, &id] {
                QSqlQuery c(db);
                c.prepare(s("SELECT minute FROM key_usage_minute WHERE key_id = ? ORDER BY minute"));
                c.addBindValue(id);
                QList<qint64> out;
                if (c.exec()) {
                    while (c.next())
                        out.append(c.value(0).toLongLong());
                }
                return out;
            };
            // The sweep (every 100 ms, so perhaps already) prunes minutes older than two hours
            // and keeps the rest.
            QTRY_COMPARE_WITH_TIMEOUT(minutesOf(), QList<qint64> {halfHourAgo}, 5000);
            db.close();
        }
        QSqlDatabase::removeDatabase(s("rotation-test"));
        const QJsonArray recent = getKey(id).value(s("usage_recent")).toArray();
        QCOMPARE(recent.size(), qsizetype(60));
        qint64 seen = -1;
        for (const QJsonValue &v : recent) {
            if (msOf(v.toObject().value(s("minute"))) == halfHourAgo)
                seen = v.toObject().value(s("count")).toInteger();
        }
        QCOMPARE(seen, qint64(11));
    }

    void cleanupTestCase()
    {
        // Two processes, restarts and rotations: the main server's chain still verifies.
        QList<QJsonObject> chain;
        QString cursor;
        for (int page = 0; page < 20; ++page) {
            const auto r = m_server.get(s("/audit-events?limit=500") + (cursor.isEmpty() ? QString() : s("&starting_after=") + cursor),
                                        m_admin);
            QCOMPARE(r.status, 200);
            for (const QJsonValue &v : r.json().value(s("data")).toArray())
                chain.prepend(v.toObject());
            if (!r.json().value(s("has_more")).toBool())
                break;
            cursor = r.json().value(s("next_cursor")).toString();
        }
        const auto verified = keyward::AuditChain::verify(chain, keyward::AuditChain::genesisHash());
        QVERIFY2(verified.ok, qPrintable(verified.reason));
        QCOMPARE(m_server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRotation)
#include "tst_rotation.moc"

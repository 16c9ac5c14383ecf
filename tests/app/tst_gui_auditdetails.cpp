// SPDX-License-Identifier: GPL-3.0-or-later
// The selected audit event's details, offscreen and without a server: events built by hand and
// chained with AuditChain::computeHash, so the integrity line is green until a field is changed.
// Fields of a key event and of a sign-in, the explanation of a denied request, the details as
// pretty JSON, copying the request id, the links and their signals, malformed JSON, and a
// German-length name that must not widen the panel.
#include "AuditChain.h"
#include "AuditEventDetails.h"
#include "AuditEventFormat.h"
#include "EnglishPlurals.h"

#include <QApplication>
#include <QClipboard>
#include <QFontMetrics>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLayout>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace keyward;

class TestGuiAuditDetails : public QObject
{
    Q_OBJECT

private:
    static QString prevHash() { return QString(64, QLatin1Char('a')); }

    // The event as the server would send it, with the hash the chain gives its content.
    static QJsonObject chained(QJsonObject e)
    {
        e.insert(QStringLiteral("hash"), AuditChain::computeHash(e));
        return e;
    }

    static QJsonObject party(const QString &type, const QString &id, const QString &display)
    {
        return {{QStringLiteral("type"), type},
                {QStringLiteral("id"), id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(id)},
                {QStringLiteral("display"), display}};
    }

    static QJsonObject makeEvent(const QString &action, const QJsonObject &actor, const QJsonObject &target,
                             const QJsonObject &details)
    {
        return chained({{QStringLiteral("id"), QStringLiteral("evt_4711")},
                        {QStringLiteral("at"), QStringLiteral("2025-03-14T12:00:00.000Z")},
                        {QStringLiteral("actor"), actor},
                        {QStringLiteral("action"), action},
                        {QStringLiteral("target"), target},
                        {QStringLiteral("ip"), QStringLiteral("203.0.113.7")},
                        {QStringLiteral("user_agent"), QStringLiteral("keyward/0.1 (Linux; Debian 12) Qt/6.4.2")},
                        {QStringLiteral("request_id"), QStringLiteral("req_01HV5ZK3M9Q8W2")},
                        {QStringLiteral("details"), details},
                        {QStringLiteral("prev_hash"), prevHash()}});
    }

    static QJsonObject billingKey()
    {
        return party(QStringLiteral("secret_key"), QStringLiteral("key_7Hq2Lm"),
                     QStringLiteral("Billing service (skey_\u2022\u2022\u2022\u20223f9a)"));
    }
    static QJsonObject ada() { return party(QStringLiteral("user"), QStringLiteral("usr_ada"), QStringLiteral("Ada Admin")); }

    static QJsonObject keyRevoked()
    {
        return makeEvent(QStringLiteral("secret_key.revoked"), ada(), billingKey(),
                     {{QStringLiteral("reason"), QStringLiteral("suspected leak; replaced")},
                      {QStringLiteral("replaced_by"), QStringLiteral("key_9Xc4Rt")}});
    }

    static QJsonObject signIn()
    {
        return makeEvent(QStringLiteral("auth.login"), ada(),
                     party(QStringLiteral("client"), QStringLiteral("keyward-desktop"), QStringLiteral("Keyward desktop app")),
                     {{QStringLiteral("method"), QStringLiteral("totp")}});
    }

    static QJsonObject deniedRevokedKey()
    {
        QJsonObject e = makeEvent(QStringLiteral("auth.denied"), billingKey(),
                              party(QStringLiteral("endpoint"), QString(), QStringLiteral("GET /payments")),
                              {{QStringLiteral("status"), 401},
                               {QStringLiteral("reason"), QStringLiteral("revoked key")},
                               {QStringLiteral("method"), QStringLiteral("GET")},
                               {QStringLiteral("path"), QStringLiteral("/payments")}});
        e.insert(QStringLiteral("ip"), QStringLiteral("198.51.100.23"));
        e.insert(QStringLiteral("user_agent"), QStringLiteral("python-requests/2.31.0"));
        e.remove(QStringLiteral("hash"));
        return chained(e);
    }

    template<typename T = QLabel>
    T *child(const char *name) const
    {
        T *w = m_details->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }
    QString text(const char *name) const { return child(name)->text(); }
    bool shown(const char *name) const { return child<QWidget>(name)->isVisible(); }

    // A click on a link label's link, which starts at its left edge.
    static void clickLink(QLabel *link)
    {
        QTest::mouseClick(link, Qt::LeftButton, {}, QPoint(link->contentsRect().left() + 6, link->fontMetrics().height() / 2));
    }

    void screenshot(const QString &name)
    {
        if (qEnvironmentVariableIsEmpty("KEYWARD_SCREENSHOT_DIR"))
            return;
        // Lay out the scroll area's content too, then let the scroll bars follow (a queued call).
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
        QVERIFY(m_details->grab().save(qEnvironmentVariable("KEYWARD_SCREENSHOT_DIR") + QLatin1Char('/') + name));
    }

    EnglishPlurals m_plurals;
    const QDateTime m_now {QDate(2025, 3, 14), QTime(15, 0), QTimeZone::utc()};
    std::unique_ptr<AuditEventDetails> m_details;

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::installTranslator(&m_plurals); // "3 hours ago", as the app shows it
    }

    void init()
    {
        m_details = std::make_unique<AuditEventDetails>();
        m_details->setClock([this] { return m_now; });
        m_details->setTimeZone(QTimeZone::utc());
        m_details->resize(380, 760);
        m_details->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_details.get()));
    }

    void cleanup()
    {
        m_details.reset();
        QGuiApplication::clipboard()->clear();
    }

    void statesWithoutAnEvent()
    {
        QCOMPARE(m_details->objectName(), QStringLiteral("auditEventDetails"));
        QVERIFY(shown("auditDetailsMessage"));
        QCOMPARE(text("auditDetailsMessage"), QStringLiteral("Select an event to see its details."));
        m_details->showNothing(3);
        QCOMPARE(text("auditDetailsMessage"), QStringLiteral("3 events selected."));
        m_details->showAuditEvent(keyRevoked());
        QCOMPARE(m_details->eventId(), QStringLiteral("evt_4711"));
        QVERIFY(!shown("auditDetailsMessage"));
        m_details->showLoading();
        QVERIFY(shown("auditDetailsMessage"));
        QVERIFY(text("auditDetailsMessage").startsWith(QLatin1String("Loading")));
        QVERIFY(m_details->eventId().isEmpty());
        m_details->showError(QStringLiteral("The server did not answer (request req_9)."));
        QVERIFY(text("auditDetailsMessage").contains(QLatin1String("The server did not answer (request req_9).")));
        QVERIFY(child("auditDetailsMessage")->isEnabled()); // an error reads as text, not as a dimmed hint
    }

    void keyEventShowsEveryField()
    {
        const QJsonObject e = keyRevoked();
        m_details->showAuditEvent(e);
        QCOMPARE(text("auditDetailsHeading"), QStringLiteral("Revoked key"));
        QCOMPARE(text("auditDetailsAction"), QStringLiteral("secret_key.revoked"));
        QVERIFY(shown("auditDetailsAction"));
        QVERIFY2(text("auditDetailsWhen").contains(QLatin1String("2025")), qPrintable(text("auditDetailsWhen")));
        QVERIFY(text("auditDetailsWhen").contains(QLatin1String("12:00:00")));
        QVERIFY(child("auditDetailsWhen")->toolTip().contains(QLatin1String("2025-03-14T12:00:00.000Z")));
        QCOMPARE(text("auditDetailsWhenRelative"), QStringLiteral("3 hours ago"));
        QCOMPARE(text("auditDetailsActor"), QStringLiteral("Ada Admin"));
        QCOMPARE(text("auditDetailsActorMeta"), QStringLiteral("user \u00b7 usr_ada"));
        QCOMPARE(text("auditDetailsTarget"), AuditEventFormat::targetText(Actor::fromJson(billingKey())));
        QCOMPARE(text("auditDetailsTargetMeta"), QStringLiteral("secret_key \u00b7 key_7Hq2Lm"));
        QCOMPARE(text("auditDetailsIp"), QStringLiteral("203.0.113.7"));
        QCOMPARE(text("auditDetailsUserAgent"), QStringLiteral("keyward/0.1 (Linux; Debian 12) Qt/6.4.2"));
        QCOMPARE(text("auditDetailsRequestId"), QStringLiteral("req_01HV5ZK3M9Q8W2"));
        QCOMPARE(text("auditDetailsEventId"), QStringLiteral("evt_4711"));

        // The hash shortened, in full in the tooltip; the content matches it.
        const QString hash = e.value(QStringLiteral("hash")).toString();
        QVERIFY(text("auditDetailsHash").startsWith(hash.left(12)));
        QVERIFY(text("auditDetailsHash").size() < hash.size());
        QVERIFY(child("auditDetailsHash")->toolTip().contains(hash));
        QVERIFY(child("auditDetailsHash")->toolTip().contains(prevHash()));
        QCOMPARE(m_details->integrity(), AuditEventDetails::Integrity::Intact);
        QVERIFY(text("auditDetailsIntegrity").endsWith(QLatin1String("Content matches its hash")));
        QVERIFY(!shown("auditDeniedBox"));

        // The details, pretty-printed in a read-only monospace box.
        auto *json = child<QPlainTextEdit>("auditDetailsJson");
        QVERIFY(json->isVisible());
        QVERIFY(json->isReadOnly());
        QVERIFY(!shown("auditDetailsNone"));
        const QJsonObject details = e.value(QStringLiteral("details")).toObject();
        QCOMPARE(json->toPlainText(), QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Indented)).trimmed());
        QVERIFY(json->toPlainText().contains(QLatin1String("\n    \"reason\": \"suspected leak; replaced\"")));
        const QFontMetrics metrics(json->font()); // monospace: "iiii" is as wide as "MMMM"
        QCOMPARE(metrics.horizontalAdvance(QStringLiteral("iiii")), metrics.horizontalAdvance(QStringLiteral("MMMM")));

        // A key is the target: both key links and the actor's link.
        QVERIFY(shown("showKeyEventsLink"));
        QVERIFY(shown("openKeyLink"));
        QVERIFY(shown("showActorEventsLink"));

        // Values are selectable and named for assistive technology.
        for (const char *name : {"auditDetailsHeading", "auditDetailsWhen", "auditDetailsActor", "auditDetailsTarget",
                                 "auditDetailsIp", "auditDetailsUserAgent", "auditDetailsRequestId", "auditDetailsEventId",
                                 "auditDetailsHash"}) {
            QVERIFY2(child(name)->textInteractionFlags().testFlag(Qt::TextSelectableByMouse), name);
            QVERIFY2(child(name)->textInteractionFlags().testFlag(Qt::TextSelectableByKeyboard), name);
            QVERIFY2(!child(name)->accessibleName().isEmpty(), name);
        }
        screenshot(QStringLiteral("audit-details.png"));
    }

    void signInShowsTheUserAndTheClient()
    {
        m_details->showAuditEvent(signIn());
        QCOMPARE(text("auditDetailsHeading"), QStringLiteral("Signed in"));
        QCOMPARE(text("auditDetailsAction"), QStringLiteral("auth.login"));
        QCOMPARE(text("auditDetailsActor"), QStringLiteral("Ada Admin"));
        QCOMPARE(text("auditDetailsTarget"), QStringLiteral("Keyward desktop app"));
        QCOMPARE(text("auditDetailsTargetMeta"), QStringLiteral("client \u00b7 keyward-desktop"));
        QVERIFY(child<QPlainTextEdit>("auditDetailsJson")->toPlainText().contains(QLatin1String("\"method\": \"totp\"")));
        QCOMPARE(m_details->integrity(), AuditEventDetails::Integrity::Intact);
        // No key involved: only the actor's link.
        QVERIFY(!shown("showKeyEventsLink"));
        QVERIFY(!shown("openKeyLink"));
        QVERIFY(shown("showActorEventsLink"));
        QVERIFY(!shown("auditDeniedBox"));
    }

    void deniedRequestIsExplained()
    {
        m_details->showAuditEvent(deniedRevokedKey());
        QCOMPARE(text("auditDetailsHeading"), QStringLiteral("Denied: revoked key used"));
        QVERIFY(shown("auditDeniedBox"));
        QCOMPARE(text("auditDeniedExplanation"),
                 QStringLiteral("A request with a revoked key was refused (401). Repeated attempts from the same "
                                "address suggest the key leaked."));
        QCOMPARE(text("auditDetailsActor"), QStringLiteral("key skey_\u2022\u2022\u2022\u20223f9a"));
        QCOMPARE(text("auditDetailsTarget"), QStringLiteral("GET /payments"));
        QCOMPARE(text("auditDetailsTargetMeta"), QStringLiteral("endpoint"));
        QCOMPARE(text("auditDetailsUserAgent"), QStringLiteral("python-requests/2.31.0"));
        // The refused key is the actor: its links lead to it.
        QVERIFY(shown("showKeyEventsLink"));
        QVERIFY(shown("openKeyLink"));
        screenshot(QStringLiteral("audit-details-denied.png"));

        // A scanner without credentials: nothing to follow.
        QJsonObject anonymous = deniedRevokedKey();
        anonymous.insert(QStringLiteral("actor"), party(QStringLiteral("anonymous"), QString(), QStringLiteral("anonymous client")));
        anonymous.insert(QStringLiteral("details"), QJsonObject {{QStringLiteral("status"), 401},
                                                                 {QStringLiteral("reason"), QStringLiteral("missing credentials")}});
        m_details->showAuditEvent(chained(anonymous));
        QCOMPARE(text("auditDetailsActor"), QStringLiteral("anonymous client"));
        QVERIFY(text("auditDeniedExplanation").startsWith(QLatin1String("A request without credentials was refused (401).")));
        QVERIFY(!shown("showKeyEventsLink"));
        QVERIFY(!shown("openKeyLink"));
        QVERIFY(!shown("showActorEventsLink"));
    }

    void denialExplanation_data()
    {
        QTest::addColumn<QJsonObject>("details");
        QTest::addColumn<QString>("actorType");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing permission, key")
            << QJsonObject {{QStringLiteral("status"), 403}, {QStringLiteral("reason"), QStringLiteral("missing permission payments:write")}}
            << QStringLiteral("secret_key")
            << QStringLiteral("The key lacks the payments:write permission, so its request was refused (403).");
        QTest::newRow("missing permission, user")
            << QJsonObject {{QStringLiteral("reason"), QStringLiteral("missing permission audit_log:read")}}
            << QStringLiteral("user")
            << QStringLiteral("The caller's role does not include the audit_log:read permission, so the request was refused (403).");
        QTest::newRow("expired key")
            << QJsonObject {{QStringLiteral("status"), 401}, {QStringLiteral("reason"), QStringLiteral("expired key")}}
            << QStringLiteral("secret_key") << QStringLiteral("A request with an expired key was refused (401).");
        QTest::newRow("a reason this build does not know")
            << QJsonObject {{QStringLiteral("status"), 401}, {QStringLiteral("reason"), QStringLiteral("token from the future")}}
            << QStringLiteral("user") << QStringLiteral("A request was refused (401): token from the future.");
        QTest::newRow("suppressed before")
            << QJsonObject {{QStringLiteral("status"), 401}, {QStringLiteral("reason"), QStringLiteral("malformed key")},
                            {QStringLiteral("suppressed_before"), 12}}
            << QStringLiteral("anonymous") << QStringLiteral("12 more refused requests from the same address");
        QTest::newRow("no details") << QJsonObject() << QString() << QStringLiteral("A request was refused (401).");
    }

    void denialExplanation()
    {
        QFETCH(QJsonObject, details);
        QFETCH(QString, actorType);
        QFETCH(QString, expected);
        const QString explained = AuditEventDetails::denialExplanation(details, Actor {actorType, QStringLiteral("x"), QString()});
        QVERIFY2(explained.contains(expected), qPrintable(explained));
    }

    void alteredContentIsFlaggedInRed()
    {
        QJsonObject e = keyRevoked();
        e.insert(QStringLiteral("ip"), QStringLiteral("192.0.2.99")); // changed after it was chained
        m_details->showAuditEvent(e);
        QCOMPARE(m_details->integrity(), AuditEventDetails::Integrity::Altered);
        QVERIFY(text("auditDetailsIntegrity").endsWith(QLatin1String("Content does not match its hash: this event was altered")));
        QVERIFY(child("auditDetailsIntegrity")->styleSheet().contains(QLatin1String("#c0392b")));
        QCOMPARE(text("auditDetailsIp"), QStringLiteral("192.0.2.99")); // still shown: it is the evidence
        screenshot(QStringLiteral("audit-details-altered.png"));

        // Back to the original: green again.
        m_details->showAuditEvent(keyRevoked());
        QCOMPARE(m_details->integrity(), AuditEventDetails::Integrity::Intact);
        QVERIFY(child("auditDetailsIntegrity")->styleSheet().contains(QLatin1String("#1e7e34")));

        // No hash at all: said so, not called altered.
        e = keyRevoked();
        e.remove(QStringLiteral("hash"));
        m_details->showAuditEvent(e);
        QCOMPARE(m_details->integrity(), AuditEventDetails::Integrity::NoHash);
        QVERIFY(!child<QToolButton>("copyHashButton")->isEnabled());
    }

    void emptyDetailsSayNoDetails()
    {
        QJsonObject e = signIn();
        e.insert(QStringLiteral("details"), QJsonObject());
        m_details->showAuditEvent(chained(e));
        QVERIFY(shown("auditDetailsNone"));
        QCOMPARE(text("auditDetailsNone"), QStringLiteral("No details."));
        QVERIFY(!shown("auditDetailsJson"));
        e.remove(QStringLiteral("details"));
        m_details->showAuditEvent(chained(e));
        QVERIFY(shown("auditDetailsNone"));
        // And back to an event with details.
        m_details->showAuditEvent(signIn());
        QVERIFY(shown("auditDetailsJson"));
        QVERIFY(!shown("auditDetailsNone"));
    }

    void copyRequestIdAndHash()
    {
        QClipboard *clipboard = QGuiApplication::clipboard();
        clipboard->setText(QStringLiteral("probe"));
        if (clipboard->text() != QStringLiteral("probe"))
            QSKIP("This platform's clipboard does not round-trip text in-process");
        const QJsonObject e = keyRevoked();
        m_details->showAuditEvent(e);
        QVERIFY(!shown("auditDetailsCopied"));
        QTest::mouseClick(child<QToolButton>("copyRequestIdButton"), Qt::LeftButton);
        QCOMPARE(clipboard->text(), QStringLiteral("req_01HV5ZK3M9Q8W2"));
        QVERIFY(shown("auditDetailsCopied"));
        QVERIFY(text("auditDetailsCopied").contains(QLatin1String("Copied")));
        QTest::mouseClick(child<QToolButton>("copyHashButton"), Qt::LeftButton);
        QCOMPARE(clipboard->text(), e.value(QStringLiteral("hash")).toString()); // the full hash, not the shortened one

        // No request id: nothing to copy.
        QJsonObject without = e;
        without.remove(QStringLiteral("request_id"));
        m_details->showAuditEvent(chained(without));
        QVERIFY(!child<QToolButton>("copyRequestIdButton")->isEnabled());
        QCOMPARE(text("auditDetailsRequestId"), QStringLiteral("Not recorded"));
    }

    void linksEmitTheirIds()
    {
        QSignalSpy keyClicked(m_details.get(), &AuditEventDetails::keyClicked);
        QSignalSpy actorClicked(m_details.get(), &AuditEventDetails::actorClicked);
        QSignalSpy openKey(m_details.get(), &AuditEventDetails::openKeyRequested);
        QVERIFY(keyClicked.isValid());
        QVERIFY(actorClicked.isValid());
        QVERIFY(openKey.isValid());

        m_details->showAuditEvent(keyRevoked());
        clickLink(child("showKeyEventsLink"));
        QCOMPARE(keyClicked.size(), 1);
        QCOMPARE(keyClicked.takeFirst().at(0).toString(), QStringLiteral("key_7Hq2Lm"));
        clickLink(child("showActorEventsLink"));
        QCOMPARE(actorClicked.size(), 1);
        QCOMPARE(actorClicked.takeFirst().at(0).toString(), QStringLiteral("usr_ada"));
        clickLink(child("openKeyLink"));
        QCOMPARE(openKey.size(), 1);
        QCOMPARE(openKey.takeFirst().at(0).toString(), QStringLiteral("key_7Hq2Lm"));

        // The links are reachable from the keyboard: Tab moves through the panel in reading order,
        // Enter follows a link.
        m_details->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_details.get()));
        child<QToolButton>("copyRequestIdButton")->setFocus(Qt::TabFocusReason);
        QStringList order;
        for (int i = 0; i < 5; ++i) {
            QVERIFY(QApplication::focusWidget());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QVERIFY(QApplication::focusWidget());
            order.append(QApplication::focusWidget()->objectName());
        }
        QCOMPARE(order, QStringList({QStringLiteral("copyHashButton"), QStringLiteral("showKeyEventsLink"),
                                     QStringLiteral("showActorEventsLink"), QStringLiteral("openKeyLink"),
                                     QStringLiteral("auditDetailsJson")}));
        child("showActorEventsLink")->setFocus(Qt::TabFocusReason);
        QTest::keyClick(child("showActorEventsLink"), Qt::Key_Return);
        QCOMPARE(actorClicked.size(), 1);

        // A denied request by a key: the key's links carry the actor's id.
        m_details->showAuditEvent(deniedRevokedKey());
        clickLink(child("showKeyEventsLink"));
        QCOMPARE(keyClicked.size(), 1);
        QCOMPARE(keyClicked.takeFirst().at(0).toString(), QStringLiteral("key_7Hq2Lm"));
    }

    void malformedEventsShowWhatIsThere_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::newRow("empty") << QJsonObject();
        QTest::newRow("action is a number") << QJsonObject {{QStringLiteral("action"), 5}};
        QTest::newRow("wrong types everywhere")
            << QJsonObject {{QStringLiteral("id"), true},
                            {QStringLiteral("at"), QStringLiteral("yesterday")},
                            {QStringLiteral("actor"), QStringLiteral("Ada")},
                            {QStringLiteral("action"), QJsonArray {1, 2}},
                            {QStringLiteral("target"), 7},
                            {QStringLiteral("ip"), QJsonObject {{QStringLiteral("v"), 4}}},
                            {QStringLiteral("user_agent"), QJsonValue(QJsonValue::Null)},
                            {QStringLiteral("request_id"), 12.5},
                            {QStringLiteral("details"), QStringLiteral("not an object")},
                            {QStringLiteral("hash"), 42}};
        QTest::newRow("denied with details as an array")
            << QJsonObject {{QStringLiteral("action"), QStringLiteral("auth.denied")},
                            {QStringLiteral("actor"), QJsonObject {{QStringLiteral("type"), 3}}},
                            {QStringLiteral("details"), QJsonArray {1, QStringLiteral("two")}}};
        QTest::newRow("redacted stub")
            << QJsonObject {{QStringLiteral("id"), QStringLiteral("evt_9")},
                            {QStringLiteral("redacted"), true},
                            {QStringLiteral("prev_hash"), prevHash()},
                            {QStringLiteral("hash"), QString(64, QLatin1Char('b'))}};
    }

    void malformedEventsShowWhatIsThere()
    {
        QFETCH(QJsonObject, json);
        m_details->showAuditEvent(json);
        QVERIFY(!text("auditDetailsHeading").isEmpty());
        QVERIFY(!shown("auditDetailsMessage"));
        const QJsonValue action = json.value(QStringLiteral("action"));
        if (!action.isString())
            QCOMPARE(text("auditDetailsHeading"), QStringLiteral("Unknown action"));
        if (action.isDouble())
            QCOMPARE(text("auditDetailsAction"), QStringLiteral("5"));
        if (json.isEmpty()) {
            QVERIFY(!shown("auditDetailsAction"));
            QCOMPARE(text("auditDetailsActor"), QStringLiteral("Not recorded"));
            QCOMPARE(text("auditDetailsWhen"), QStringLiteral("Not recorded"));
            QCOMPARE(m_details->integrity(), AuditEventDetails::Integrity::NoHash);
            QVERIFY(shown("auditDetailsNone"));
        }
        if (json.contains(QStringLiteral("user_agent"))) { // the wrong-types row
            QCOMPARE(text("auditDetailsWhen"), QStringLiteral("yesterday"));
            QCOMPARE(text("auditDetailsActor"), QStringLiteral("Ada"));
            QCOMPARE(text("auditDetailsTarget"), QStringLiteral("7"));
            QCOMPARE(text("auditDetailsRequestId"), QStringLiteral("12.5"));
            QCOMPARE(child<QPlainTextEdit>("auditDetailsJson")->toPlainText(), QStringLiteral("not an object"));
            QCOMPARE(m_details->integrity(), AuditEventDetails::Integrity::Altered);
        }
        if (action == QJsonValue(QStringLiteral("auth.denied")))
            QCOMPARE(text("auditDeniedExplanation"), QStringLiteral("A request was refused (401)."));
        if (json.contains(QStringLiteral("redacted")))
            QCOMPARE(m_details->integrity(), AuditEventDetails::Integrity::Redacted);
        for (const char *link : {"showKeyEventsLink", "showActorEventsLink", "openKeyLink"})
            QVERIFY2(!shown(link), link);
    }

    void longNamesWrapInsteadOfWidening()
    {
        // A German-length display name (200 characters) and an unbroken 200-character user agent.
        QString longName = QStringLiteral("Sicherheitsbeauftragte der Zahlungsverkehrsabwicklung und "
                                          "Zugangsschlüsselverwaltungsabteilung, Niederlassung "
                                          "Donaudampfschifffahrtsgesellschaftskapitän-Straße, Vertretung");
        while (longName.size() < 200)
            longName += QStringLiteral(" Zusatz");
        longName.truncate(200);
        QJsonObject e = keyRevoked();
        e.insert(QStringLiteral("actor"), party(QStringLiteral("user"), QStringLiteral("usr_lang"), longName));
        e.insert(QStringLiteral("user_agent"), QString(200, QLatin1Char('x')));
        m_details->showAuditEvent(chained(e));
        m_details->layout()->activate();
        QApplication::processEvents();

        QVERIFY2(m_details->minimumSizeHint().width() <= 400, qPrintable(QString::number(m_details->minimumSizeHint().width())));
        auto *scroll = child<QScrollArea>("auditDetailsScroll");
        QWidget *content = scroll->widget();
        QVERIFY2(content->width() <= scroll->viewport()->width(),
                 qPrintable(QStringLiteral("%1 > %2").arg(content->width()).arg(scroll->viewport()->width())));
        QLabel *actor = child("auditDetailsActor");
        QCOMPARE(actor->text(), longName);
        QVERIFY(actor->height() > 2 * actor->fontMetrics().height()); // wrapped onto several lines
        QVERIFY(actor->geometry().right() <= content->width());

        // Narrower still: the panel follows.
        m_details->resize(300, 760);
        QApplication::processEvents();
        QVERIFY(content->width() <= scroll->viewport()->width());
        screenshot(QStringLiteral("audit-details-long.png"));
    }
};

QTEST_MAIN(TestGuiAuditDetails)
#include "tst_gui_auditdetails.moc"

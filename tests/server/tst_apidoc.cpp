// SPDX-License-Identifier: GPL-3.0-or-later
// docs/API.md against the routes keyward-server serves. The routes come from the router's own
// table (ApiServer::routeTable()), and a real server confirms that table is what answers. Every
// route must have its section ("### `METHOD /path`", then "**Auth:** … · **Permission:** …" with
// the credential and permission it really needs) and its row in the summary table under
// "## Routes"; the document may name no route that is not served, and none twice.
#include "ApiServer.h"
#include "TestServer.h"

#include <QFile>
#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>

using keyward::server::ApiServer;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QString documentPath()
{
    return QStringLiteral(KEYWARD_SOURCE_DIR "/docs/API.md");
}

// "GET /secret-keys/{id}": any parameter name in braces reads as {id}, as routeTable() spells it.
QString routeKey(const QString &method, const QString &path)
{
    static const QRegularExpression parameter(QStringLiteral("\\{[^}/]*\\}"));
    QString p = path;
    p.replace(parameter, QStringLiteral("{id}"));
    return method + QLatin1Char(' ') + p;
}

QString routeKey(const ApiServer::RouteInfo &route)
{
    return routeKey(QString::fromLatin1(route.method), route.path);
}

struct Section
{
    QString route;
    int line = 0;          // 1-based, for the failure message
    QString auth;          // what follows **Auth:**; empty when the line is missing
    QString permission;    // what follows **Permission:**
};

struct ApiDocument
{
    bool read = false;
    QList<Section> sections;
    QList<std::pair<QString, int>> summaryRows; // route, line
};

ApiDocument readDocument()
{
    ApiDocument doc;
    QFile file(documentPath());
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return doc;
    doc.read = true;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    static const QRegularExpression heading(QStringLiteral("^###\\s+`([A-Z]+) (/[^`\\s]*)`\\s*$"));
    static const QRegularExpression meta(
        QStringLiteral("^\\*\\*Auth:\\*\\*\\s*(.+?)\\s*·\\s*\\*\\*Permission:\\*\\*\\s*(.+?)\\s*$"));
    static const QRegularExpression row(QStringLiteral("^\\|\\s*`([A-Z]+) (/[^`\\s]*)`\\s*\\|"));
    bool inRoutes = false;
    bool inCode = false;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.startsWith(QLatin1String("```"))) {
            inCode = !inCode;
            continue;
        }
        if (inCode)
            continue;
        if (line.startsWith(QLatin1String("## ")))
            inRoutes = line == QLatin1String("## Routes");
        if (inRoutes) {
            const auto m = row.match(line);
            if (m.hasMatch())
                doc.summaryRows.append({routeKey(m.captured(1), m.captured(2)), i + 1});
        }
        const auto h = heading.match(line);
        if (!h.hasMatch())
            continue;
        Section section;
        section.route = routeKey(h.captured(1), h.captured(2));
        section.line = i + 1;
        for (int j = i + 1; j < lines.size(); ++j) {
            const QString next = lines.at(j).trimmed();
            if (next.isEmpty())
                continue;
            const auto m = meta.match(next);
            if (m.hasMatch()) {
                section.auth = m.captured(1);
                section.permission = m.captured(2);
            }
            break; // the line right under the heading, or nothing
        }
        doc.sections.append(section);
    }
    return doc;
}

QString expectedPermission(const ApiServer::RouteInfo &route)
{
    return route.permission ? QLatin1Char('`') + route.permission->toString() + QLatin1Char('`') : s("none");
}
} // namespace

class TestApiDoc : public QObject
{
    Q_OBJECT

private:
    ApiDocument m_doc;
    TestServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_doc = readDocument();
        QVERIFY2(m_doc.read, qPrintable(s("cannot read %1").arg(documentPath())));
        // The checks below mean something only if the parser finds the document's routes at all.
        QVERIFY2(m_doc.sections.size() >= 20, qPrintable(s("only %1 route sections found").arg(m_doc.sections.size())));
        QVERIFY(!m_doc.summaryRows.isEmpty());
        QVERIFY(ApiServer::routeTable().size() >= 20);
        QVERIFY(m_server.start());
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_server.stop(), 0);
    }

    // The table is the router's: each of its routes answers, none with "no such endpoint" (404)
    // or "wrong method" (405), while a route outside it does.
    void routeTableIsWhatTheServerServes_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("authenticated");
        for (const ApiServer::RouteInfo &route : ApiServer::routeTable()) {
            QString path = route.path;
            path.replace(QStringLiteral("{id}"), QStringLiteral("key_doesnotexist"));
            QTest::newRow(qPrintable(routeKey(route))) << route.method << path << route.authenticated;
        }
    }

    void routeTableIsWhatTheServerServes()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(bool, authenticated);
        const auto r = m_server.send(method, path, {}, {});
        QVERIFY2(r.networkError.isEmpty(), qPrintable(r.networkError));
        QVERIFY2(r.status != 404 && r.status != 405, qPrintable(s("%1 %2 answered %3: %4")
                                                                   .arg(QString::fromLatin1(method), path)
                                                                   .arg(r.status)
                                                                   .arg(QString::fromUtf8(r.body.left(200)))));
        if (authenticated)
            QCOMPARE(r.status, 401); // matched, then refused for want of a credential
        else
            QVERIFY2(r.status != 401, qPrintable(s("%1 needs no credential but answered 401").arg(path)));
    }

    void routesOutsideTheTableAreNotServed()
    {
        QCOMPARE(m_server.get(s("/no-such-route")).status, 404);
        QCOMPARE(m_server.send("DELETE", s("/health"), {}, {}).status, 405);
        QCOMPARE(m_server.send("GET", s("/secret-keys/key_1/revoke"), {}, {}).status, 405);
    }

    void everyRouteHasASection_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<bool>("authenticated");
        QTest::addColumn<QString>("permission");
        for (const ApiServer::RouteInfo &route : ApiServer::routeTable())
            QTest::newRow(qPrintable(routeKey(route))) << routeKey(route) << route.authenticated
                                                       << expectedPermission(route);
    }

    void everyRouteHasASection()
    {
        QFETCH(QString, route);
        QFETCH(bool, authenticated);
        QFETCH(QString, permission);
        const auto it = std::find_if(m_doc.sections.cbegin(), m_doc.sections.cend(),
                                     [&](const Section &section) { return section.route == route; });
        QVERIFY2(it != m_doc.sections.cend(),
                 qPrintable(s("keyward-server serves %1, but docs/API.md has no \"### `%1`\" section").arg(route)));
        QVERIFY2(!it->auth.isEmpty(),
                 qPrintable(s("docs/API.md:%1: the line under \"### `%2`\" must be "
                              "\"**Auth:** … · **Permission:** …\"").arg(it->line).arg(route)));
        if (authenticated)
            QVERIFY2(it->auth != QLatin1String("none"),
                     qPrintable(s("docs/API.md:%1: %2 needs a credential, the document says none").arg(it->line).arg(route)));
        else
            QVERIFY2(it->auth == QLatin1String("none"),
                     qPrintable(s("docs/API.md:%1: %2 needs no credential; write \"**Auth:** none\"").arg(it->line).arg(route)));
        QVERIFY2(it->permission == permission,
                 qPrintable(s("docs/API.md:%1: %2 needs the permission %3, the document says %4")
                                .arg(it->line).arg(route, permission, it->permission)));
    }

    void everyRouteHasASummaryRow_data()
    {
        QTest::addColumn<QString>("route");
        for (const ApiServer::RouteInfo &route : ApiServer::routeTable())
            QTest::newRow(qPrintable(routeKey(route))) << routeKey(route);
    }

    void everyRouteHasASummaryRow()
    {
        QFETCH(QString, route);
        const bool listed = std::any_of(m_doc.summaryRows.cbegin(), m_doc.summaryRows.cend(),
                                        [&](const auto &row) { return row.first == route; });
        QVERIFY2(listed, qPrintable(s("docs/API.md: the table under \"## Routes\" has no row \"| `%1` |\"").arg(route)));
    }

    void documentNamesOnlyServedRoutesOnce()
    {
        QSet<QString> served;
        for (const ApiServer::RouteInfo &route : ApiServer::routeTable())
            served.insert(routeKey(route));
        QStringList problems;
        QHash<QString, int> sectionCount;
        for (const Section &section : std::as_const(m_doc.sections)) {
            if (!served.contains(section.route))
                problems.append(s("line %1: section for %2, which keyward-server does not serve")
                                    .arg(section.line).arg(section.route));
            if (++sectionCount[section.route] == 2)
                problems.append(s("line %1: a second section for %2").arg(section.line).arg(section.route));
        }
        QHash<QString, int> rowCount;
        for (const auto &[route, line] : std::as_const(m_doc.summaryRows)) {
            if (!served.contains(route))
                problems.append(s("line %1: summary row for %2, which keyward-server does not serve").arg(line).arg(route));
            if (++rowCount[route] == 2)
                problems.append(s("line %1: a second summary row for %2").arg(line).arg(route));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(s("docs/API.md:\n  ") + problems.join(s("\n  "))));
    }
};

QTEST_GUILESS_MAIN(TestApiDoc)
#include "tst_apidoc.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// keyward-bench-keys [COUNT] [--view] [--each]: loads COUNT generated keys (default 100,000) into
// KeyListModel the way the keys page does (JSON pages of 100 parsed with ApiKey::fromJson, the
// proxy already sorted by Created, newest first), then reports in one run:
//   - load time and resident memory per key (model and proxy);
//   - the time of every filter keystroke through KeyFilterProxy: five queries typed character
//     by character and erased character by character (one matching about 1 % of the keys, one
//     matching every key, one about a third, one a handful, one none); median, p95 and worst;
//   - status filter changes;
//   - a sort by each column in both orders, with every key visible;
//   - source updates with a filter and the sort active (a page of 100 arriving, a key created,
//     edited, deleted);
// --view also shows a QTableView on the proxy (offscreen unless QT_QPA_PLATFORM says otherwise)
// and counts, for each keystroke and sort, the view's own work until the event queue is empty
// (relayout and paint), as a user would see it. --each prints every keystroke's time. Beside
// each wall-clock figure is the thread's CPU time, to tell work from waiting on a shared machine.
#include "KeyFilterProxy.h"
#include "KeyListModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTableView>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>
#include <utility>

using namespace keyward;

namespace {

long residentKiB()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLong() * 4 : -1; // pages of 4 KiB
}

QJsonObject keyJson(int i, QRandomGenerator &rng)
{
    static const char *words[] = {"billing", "reporting", "partner", "ci", "staging", "payments", "webhook",
                                  "mobile", "backend", "analytics", "export", "legacy", "eu", "us", "canary"};
    static const char *resources[] = {"payments", "customers", "refunds", "webhooks", "audit_log"};
    static const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString note = QString::fromLatin1(words[rng.bounded(15)]) + QLatin1Char(' ')
        + QString::fromLatin1(words[rng.bounded(15)]) + QStringLiteral(" service #%1").arg(i);
    QJsonArray permissions;
    for (int r = 0; r < 5; ++r) {
        const int level = rng.bounded(3);
        if (level)
            permissions.append(QString::fromLatin1(resources[r])
                               + (level == 1 ? QStringLiteral(":read") : QStringLiteral(":write")));
    }
    QString lastFour;
    for (int c = 0; c < 4; ++c)
        lastFour.append(QLatin1Char(alphabet[rng.bounded(62)]));
    const qint64 created = 1'700'000'000'000LL + qint64(i) * 60'000;
    QJsonObject key {
        {QStringLiteral("object"), QStringLiteral("secret_key")},
        {QStringLiteral("id"), QStringLiteral("sk_%1").arg(i)},
        {QStringLiteral("note"), note},
        {QStringLiteral("prefix"), QStringLiteral("skey_")},
        {QStringLiteral("last_four"), lastFour},
        {QStringLiteral("permissions"), permissions},
        {QStringLiteral("status"), rng.bounded(10) == 0 ? QStringLiteral("revoked") : QStringLiteral("active")},
        {QStringLiteral("created_at"), QDateTime::fromMSecsSinceEpoch(created, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("created_by"), QJsonObject {{QStringLiteral("type"), QStringLiteral("user")},
                                                    {QStringLiteral("id"), QStringLiteral("usr_1")},
                                                    {QStringLiteral("display"), QStringLiteral("adam.admin@example.com")}}},
        {QStringLiteral("last_used_at"),
         rng.bounded(4) == 0
             ? QJsonValue()
             : QJsonValue(QDateTime::fromMSecsSinceEpoch(created + rng.bounded(1'000'000'000), Qt::UTC)
                              .toString(Qt::ISODateWithMs))},
        {QStringLiteral("last_used_ip"), QStringLiteral("203.0.113.%1").arg(rng.bounded(250))}};
    if (rng.bounded(3) == 0)
        key.insert(QStringLiteral("expires_at"),
                   QDateTime::fromMSecsSinceEpoch(created + 90LL * 86'400'000, Qt::UTC).toString(Qt::ISODateWithMs));
    return key;
}

QByteArray page(int first, int count, QRandomGenerator &rng)
{
    QJsonArray data;
    for (int i = first; i < first + count; ++i)
        data.append(keyJson(i, rng));
    return QJsonDocument(QJsonObject {{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

QList<ApiKey> parse(const QByteArray &json)
{
    QList<ApiKey> keys;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).object().value(QStringLiteral("data")).toArray())
        keys.append(ApiKey::fromJson(v.toObject()));
    return keys;
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

struct Stats
{
    double median = 0, p95 = 0, worst = 0;
};

Stats stats(QList<double> times)
{
    if (times.isEmpty())
        return {};
    std::sort(times.begin(), times.end());
    const auto rank = [&times](double q) {
        return times.at(qBound<qsizetype>(0, qsizetype(std::ceil(q * double(times.size()))) - 1, times.size() - 1));
    };
    return {times.at(times.size() / 2), rank(0.95), times.constLast()};
}

void printStats(const char *what, const QList<double> &times, const QList<double> &cpu = {})
{
    const Stats s = stats(times);
    std::printf("  %-27s n=%-3lld median %6.2f  p95 %6.2f  worst %6.2f ms", what, qlonglong(times.size()), s.median,
                s.p95, s.worst);
    if (!cpu.isEmpty()) {
        const Stats c = stats(cpu);
        std::printf("   (CPU: median %5.2f  p95 %5.2f  worst %5.2f)", c.median, c.p95, c.worst);
    }
    std::printf("\n");
}

// The thread's CPU time; 0 where there is no POSIX clock for it (the CPU column then reads 0).
double threadCpuMs()
{
#if defined(Q_OS_UNIX)
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
#else
    return 0;
#endif
}

// Runs `step`, then (with a view) lets the view relayout and paint, and returns the wall-clock
// milliseconds. The machine may be shared: the thread's CPU time of every step is kept too, to
// tell the work from the waiting.
class Timer
{
public:
    explicit Timer(QTableView *view) : m_view(view) {}
    template<typename Step>
    double operator()(Step &&step) const
    {
        const double cpu = threadCpuMs();
        QElapsedTimer t;
        t.start();
        step();
        if (m_view) {
            QCoreApplication::processEvents(); // the view's delayed relayout
            m_view->viewport()->repaint();     // and the paint a user waits for
        }
        const double wall = ms(t);
        m_cpu.append(threadCpuMs() - cpu);
        return wall;
    }
    // CPU milliseconds of the steps since the last call.
    QList<double> takeCpu() const { return std::exchange(m_cpu, {}); }

private:
    QTableView *m_view;
    mutable QList<double> m_cpu;
};

} // namespace

int main(int argc, char **argv)
{
    bool withView = false;
    bool each = false;
    int count = 100'000;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--view")
            withView = true;
        else if (arg == "--each")
            each = true;
        else
            count = arg.toInt();
    }
    if (withView && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app = withView ? std::make_unique<QApplication>(argc, argv)
                                                     : std::make_unique<QCoreApplication>(argc, argv);
    QRandomGenerator rng(42);
    // The JSON pages are made first, so the load figure is parsing plus model only.
    QList<QByteArray> pages;
    for (int first = 0; first < count; first += 100)
        pages.append(page(first, qMin(100, count - first), rng));

    const long before = residentKiB();
    KeyListModel model;
    model.setAllResources({QStringLiteral("payments"), QStringLiteral("customers"), QStringLiteral("refunds"),
                           QStringLiteral("webhooks"), QStringLiteral("audit_log")});
    KeyFilterProxy proxy;
    proxy.setSourceModel(&model);
    std::unique_ptr<QTableView> view;
    if (withView) {
        view = std::make_unique<QTableView>();
        view->setModel(&proxy);
        view->setSortingEnabled(true);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->verticalHeader()->hide();
        view->resize(1200, 800);
        view->show();
    }
    proxy.sort(KeyListModel::Created, Qt::DescendingOrder); // as the keys page shows them
    QElapsedTimer load;
    load.start();
    for (QByteArray &json : pages) {
        const QList<ApiKey> keys = parse(json);
        json.clear();
        json.squeeze();
        model.appendPage(keys, true, keys.constLast().id);
    }
    const double loadMs = ms(load);
    pages.clear();
    const long after = residentKiB();
    std::printf("keys: %d%s\nload from JSON pages: %.0f ms   resident: +%ld KiB (%.0f B per key, model and proxy)\n",
                model.rowCount(), withView ? "   (with a QTableView: times include its relayout and paint)" : "",
                loadMs, after - before, double(after - before) * 1024.0 / count);
    const Timer timed(view.get());
    if (view) {
        view->selectionModel()->select(proxy.index(3, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCoreApplication::processEvents();
        // What any change costs the view whatever the model: painting the rows on screen.
        QList<double> paints;
        for (int i = 0; i < 20; ++i)
            paints.append(timed([] {}));
        printStats("a repaint alone (no change)", paints, timed.takeCpu());
    }

    // Filter keystrokes: type each query, then erase it, one character at a time.
    const QStringList queries {QStringLiteral("billing rep"), QStringLiteral("adam.admin"),
                               QStringLiteral("payments:write"), QStringLiteral("sk_4711"),
                               QStringLiteral("xylophone")};
    QList<double> allTyping, allErasing, cpuTyping, cpuErasing;
    std::printf("\nfilter keystrokes (sorted by Created, newest first):\n");
    for (const QString &query : queries) {
        QList<double> typing, erasing;
        for (qsizetype i = 1; i <= query.size(); ++i)
            typing.append(timed([&] { proxy.setText(query.left(i)); }));
        const QList<double> typingCpu = timed.takeCpu();
        const int matching = proxy.rowCount();
        for (qsizetype i = query.size() - 1; i >= 0; --i)
            erasing.append(timed([&] { proxy.setText(query.left(i)); }));
        const QList<double> erasingCpu = timed.takeCpu();
        if (each) {
            for (qsizetype i = 0; i < typing.size(); ++i)
                std::printf("    %-16s %7.2f ms (CPU %6.2f)\n", qPrintable(query.left(i + 1)), typing.at(i),
                            typingCpu.at(i));
            for (qsizetype i = 0; i < erasing.size(); ++i)
                std::printf("    %-16s %7.2f ms (CPU %6.2f) erasing\n", qPrintable(query.left(query.size() - 1 - i)),
                            erasing.at(i), erasingCpu.at(i));
        }
        cpuTyping += typingCpu;
        cpuErasing += erasingCpu;
        const Stats t = stats(typing);
        const Stats e = stats(erasing);
        std::printf("  %-16s %6d rows   typing median %6.2f worst %6.2f   erasing median %6.2f worst %6.2f ms\n",
                    qPrintable(QLatin1Char('"') + query + QLatin1Char('"')), matching, t.median, t.worst, e.median,
                    e.worst);
        allTyping += typing;
        allErasing += erasing;
    }
    printStats("typing", allTyping, cpuTyping);
    printStats("erasing", allErasing, cpuErasing);
    printStats("every keystroke", allTyping + allErasing, cpuTyping + cpuErasing);

    std::printf("\nstatus filter (text empty, then \"billing\"):\n");
    QList<double> statusTimes;
    timed.takeCpu();
    for (const QString &text : {QString(), QStringLiteral("billing")}) {
        proxy.setText(text);
        for (auto filter : {KeyFilterProxy::StatusFilter::Active, KeyFilterProxy::StatusFilter::Expiring,
                            KeyFilterProxy::StatusFilter::RevokedOrExpired, KeyFilterProxy::StatusFilter::All})
            statusTimes.append(timed([&] { proxy.setStatusFilter(filter); }));
    }
    printStats("status filter change", statusTimes, timed.takeCpu());
    proxy.setText(QString());

    std::printf("\nsort, every key visible (ascending after another column, then descending):\n");
    QList<double> sorts;
    timed.takeCpu();
    for (int column = 0; column < KeyListModel::ColumnCount; ++column) {
        const double up = timed([&] { proxy.sort(column, Qt::AscendingOrder); });
        const double down = timed([&] { proxy.sort(column, Qt::DescendingOrder); });
        sorts << up << down;
        std::printf("  %-12s ascending %7.2f ms   descending %7.2f ms\n",
                    qPrintable(model.headerData(column, Qt::Horizontal).toString()), up, down);
    }
    printStats("sort", sorts, timed.takeCpu());
    const double back = timed([&] { proxy.sort(KeyListModel::Created, Qt::DescendingOrder); });
    std::printf("  back to Created, newest first: %.2f ms\n", back);

    std::printf("\nsource updates, filtered by \"billing\" and sorted by Created, newest first:\n");
    proxy.setText(QStringLiteral("billing"));
    struct Times
    {
        QList<double> wall, cpu;
    } appends, creates, edits, removes;
    const auto run = [&timed](Times &times, const auto &step) {
        times.wall.append(timed(step));
        times.cpu += timed.takeCpu();
    };
    timed.takeCpu();
    for (int round = 0; round < 5; ++round) {
        const QList<ApiKey> more = parse(page(count + round * 100, 100, rng));
        run(appends, [&] { model.appendPage(more, true, more.constLast().id); });
        ApiKey fresh = parse(page(2 * count + round, 1, rng)).constFirst();
        fresh.createdAt = QDateTime::currentDateTimeUtc();
        run(creates, [&] { model.upsert(fresh); });
        ApiKey edited = model.keyAt(model.rowCount() / 2);
        edited.note = QStringLiteral("billing edited %1").arg(round);
        run(edits, [&] { model.upsert(edited); });
        const QString id = model.keyAt(model.rowCount() / 3).id;
        timed.takeCpu();
        run(removes, [&] { model.remove(id); });
    }
    printStats("a page of 100 arrives", appends.wall, appends.cpu);
    printStats("a key is created (upsert)", creates.wall, creates.cpu);
    printStats("a key is edited (upsert)", edits.wall, edits.cpu);
    printStats("a key is deleted (remove)", removes.wall, removes.cpu);
    proxy.setText(QString());

    const long end = residentKiB();
    std::printf("\nresident at the end: +%ld KiB (%.0f B per key)\n", end - before,
                double(end - before) * 1024.0 / model.rowCount());
    return 0;
}

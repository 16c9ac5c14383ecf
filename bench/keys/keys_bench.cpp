// SPDX-License-Identifier: GPL-3.0-or-later
// keyward-bench-keys [COUNT]: loads COUNT generated keys (default 100,000) into KeyListModel the
// way the app does, from JSON pages of 100 parsed with ApiKey::fromJson, and reports in one run:
// load time, resident memory per key, the time of each filter keystroke through KeyFilterProxy
// (typing a word, then deleting it), and the time of each column sort.
#include "KeyFilterProxy.h"
#include "KeyListModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

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

QByteArray page(int first, int count, QRandomGenerator &rng)
{
    static const char *words[] = {"billing", "reporting", "partner", "ci", "staging", "payments", "webhook",
                                  "mobile", "backend", "analytics", "export", "legacy", "eu", "us", "canary"};
    static const char *resources[] = {"payments", "customers", "refunds", "webhooks", "audit_log"};
    static const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QJsonArray data;
    for (int i = first; i < first + count; ++i) {
        QString note = QString::fromLatin1(words[rng.bounded(15)]) + QLatin1Char(' ')
            + QString::fromLatin1(words[rng.bounded(15)]) + QStringLiteral(" service #%1").arg(i);
        QJsonArray permissions;
        for (int r = 0; r < 5; ++r) {
            const int level = rng.bounded(3);
            if (level)
                permissions.append(QString::fromLatin1(resources[r]) + (level == 1 ? QStringLiteral(":read")
                                                                                  : QStringLiteral(":write")));
        }
        QString lastFour;
        for (int c = 0; c < 4; ++c)
            lastFour.append(QLatin1Char(alphabet[rng.bounded(62)]));
        const qint64 created = 1'700'000'000'000LL + qint64(i) * 60'000;
        QJsonObject key {{QStringLiteral("object"), QStringLiteral("secret_key")},
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
                         {QStringLiteral("last_used_at"), rng.bounded(4) == 0 ? QJsonValue()
                              : QJsonValue(QDateTime::fromMSecsSinceEpoch(created + rng.bounded(1'000'000'000), Qt::UTC).toString(Qt::ISODateWithMs))},
                         {QStringLiteral("last_used_ip"), QStringLiteral("203.0.113.%1").arg(rng.bounded(250))}};
        if (rng.bounded(3) == 0)
            key.insert(QStringLiteral("expires_at"),
                       QDateTime::fromMSecsSinceEpoch(created + 90LL * 86'400'000, Qt::UTC).toString(Qt::ISODateWithMs));
        data.append(key);
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

void report(const char *what, QList<double> times)
{
    std::sort(times.begin(), times.end());
    std::printf("%-34s n=%-3lld median %7.2f ms   max %7.2f ms\n", what, qlonglong(times.size()),
                times.at(times.size() / 2), times.constLast());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 100'000;
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
    QElapsedTimer load;
    load.start();
    for (QByteArray &json : pages) {
        QList<ApiKey> keys;
        for (const QJsonValue &v : QJsonDocument::fromJson(json).object().value(QStringLiteral("data")).toArray())
            keys.append(ApiKey::fromJson(v.toObject()));
        json.clear();
        json.squeeze();
        model.appendPage(keys, true, keys.constLast().id);
    }
    const double loadMs = ms(load);
    pages.clear();
    const long after = residentKiB();
    std::printf("keys: %d   load from JSON pages: %.0f ms   resident: +%ld KiB (%.0f B per key, model and proxy)\n",
                model.rowCount(), loadMs, after - before, double(after - before) * 1024.0 / count);

    QElapsedTimer t;
    t.start();
    proxy.setText(QStringLiteral("x")); // builds the search cache once
    proxy.setText(QString());
    std::printf("%-34s %7.2f ms (once, after each change of the list)\n", "first filter (search cache)", ms(t));

    const QString word = QStringLiteral("billing rep");
    QList<double> typing, erasing;
    for (int i = 1; i <= word.size(); ++i) {
        t.start();
        proxy.setText(word.left(i));
        typing.append(ms(t));
    }
    std::printf("rows matching \"%s\": %d\n", qPrintable(word), proxy.rowCount());
    for (int i = word.size() - 1; i >= 0; --i) {
        t.start();
        proxy.setText(word.left(i));
        erasing.append(ms(t));
    }
    report("filter keystroke (typing)", typing);
    report("filter keystroke (erasing)", erasing);

    QList<double> sorts;
    for (int column = 0; column < KeyListModel::ColumnCount; ++column) {
        t.start();
        proxy.sort(column, Qt::AscendingOrder);
        sorts.append(ms(t));
    }
    report("sort by a column", sorts);
    return 0;
}

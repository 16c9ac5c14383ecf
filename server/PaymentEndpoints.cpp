// SPDX-License-Identifier: GPL-3.0-or-later
// ApiServer: /payments, the small demo resource that makes a key's use real.
#include "ApiExchange.h"

#include "Database.h"
#include "JsonInput.h"
#include "KeyStore.h"
#include "Timestamps.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace keyward::server {

namespace {
const QString PaymentColumns = QStringLiteral("seq, id, amount, currency, description, status, created_at");

QJsonObject paymentJson(const Sql &q)
{
    return {{QStringLiteral("object"), QStringLiteral("payment")},
            {QStringLiteral("id"), q.text(1)},
            {QStringLiteral("amount"), q.integer(2)},
            {QStringLiteral("currency"), q.text(3)},
            {QStringLiteral("description"), q.text(4)},
            {QStringLiteral("status"), q.text(5)},
            {QStringLiteral("created_at"), toRfc3339Ms(q.integer(6))}};
}
} // namespace

void ApiServer::listPayments(const ExchangePtr &ex)
{
    if (!checkQuery(ex, {QStringLiteral("limit"), QStringLiteral("starting_after")}))
        return;
    const auto limit = limitParam(ex, 20, 100);
    if (!limit)
        return;
    const QString after = ex->query.queryItemValue(QStringLiteral("starting_after"), QUrl::FullyDecoded);
    const QString orgId = ex->principal.orgId;
    runRead(ex, [this, ex, after, orgId, limit = *limit](QSqlDatabase &db) {
        qint64 afterSeq = std::numeric_limits<qint64>::max();
        if (!after.isEmpty()) {
            Sql s(db, QStringLiteral("SELECT seq FROM payments WHERE org_id = ? AND id = ?"));
            s.bind(orgId).bind(after).exec();
            if (!s.next())
                return validationError(ex, {{QStringLiteral("starting_after"), QStringLiteral("No payment has this id.")}});
            afterSeq = s.integer(0);
        }
        Sql q(db, QStringLiteral("SELECT ") + PaymentColumns
                      + QStringLiteral(" FROM payments WHERE org_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?"));
        q.bind(orgId).bind(afterSeq).bind(limit + 1).exec();
        QJsonArray data;
        bool hasMore = false;
        QString last;
        while (q.next()) {
            if (data.size() == limit) {
                hasMore = true;
                break;
            }
            data.append(paymentJson(q));
            last = q.text(1);
        }
        return Reply::json(200, {{QStringLiteral("object"), QStringLiteral("list")},
                                 {QStringLiteral("data"), data},
                                 {QStringLiteral("has_more"), hasMore},
                                 {QStringLiteral("next_cursor"), hasMore ? QJsonValue(last) : QJsonValue()}});
    });
}

void ApiServer::createPayment(const ExchangePtr &ex)
{
    JsonInput in;
    if (!readBody(ex, in, false))
        return;
    in.allowOnly({QStringLiteral("amount"), QStringLiteral("currency"), QStringLiteral("description")});
    const auto amount = in.integer(QStringLiteral("amount"), 1, 99'999'999, true);
    const auto currency = in.string(QStringLiteral("currency"), 3, true);
    static const QRegularExpression currencyRe(QStringLiteral("^[a-z]{3}$"));
    if (currency && !currencyRe.match(*currency).hasMatch())
        in.fail(QStringLiteral("currency"), QStringLiteral("Must be a three-letter ISO 4217 code in lower case, such as \"eur\"."));
    const auto description = in.string(QStringLiteral("description"), 500, false);
    if (!in.ok()) {
        finish(ex, validationError(ex, in.errors()));
        return;
    }
    // Without a description the column holds an empty string (it is NOT NULL; a null QString binds as NULL).
    runWrite(ex, [this, ex, amount = *amount, currency = *currency, description = description.value_or(QStringLiteral(""))](
                     QSqlDatabase &db) {
        const QString id = KeyStore::newId("pay_");
        const qint64 now = m_now();
        Sql(db, QStringLiteral("INSERT INTO payments (id, org_id, amount, currency, description, status, created_at, "
                               "created_by) VALUES (?, ?, ?, ?, ?, 'succeeded', ?, ?)"))
            .bind(id).bind(m_org.id).bind(amount).bind(currency).bind(description).bind(now).bind(ex->principal.id)
            .exec();
        Sql q(db, QStringLiteral("SELECT ") + PaymentColumns + QStringLiteral(" FROM payments WHERE id = ?"));
        q.bind(id).exec();
        q.next();
        return Reply::json(201, paymentJson(q));
    });
}

} // namespace keyward::server

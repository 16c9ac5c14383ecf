// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditChain.h"

#include "CanonicalJson.h"

#include <QCryptographicHash>

namespace keyward {

QString AuditChain::genesisHash()
{
    return QString(64, QLatin1Char('0'));
}

QString AuditChain::computeHash(const QJsonObject &event)
{
    QJsonObject body = event;
    body.remove(QStringLiteral("hash"));
    QCryptographicHash sha(QCryptographicHash::Sha256);
    sha.addData(body.value(QStringLiteral("prev_hash")).toString().toLatin1());
    sha.addData(CanonicalJson::serialize(body));
    return QString::fromLatin1(sha.result().toHex());
}

AuditChain::Verification AuditChain::verify(const QList<QJsonObject> &events,
                                            const QString &expectedFirstPrev)
{
    Verification v;
    QString prev = expectedFirstPrev;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject &e = events.at(i);
        const QString prevHash = e.value(QStringLiteral("prev_hash")).toString();
        if (!prev.isEmpty() && prevHash != prev) {
            v = {false, i, QStringLiteral("prev_hash does not link to the previous event")};
            return v;
        }
        const QString hash = e.value(QStringLiteral("hash")).toString();
        if (computeHash(e) != hash) {
            v = {false, i, QStringLiteral("hash does not match the event's content")};
            return v;
        }
        prev = hash;
    }
    return v;
}

} // namespace keyward

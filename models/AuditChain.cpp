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

bool AuditChain::isRedactedStub(const QJsonObject &event)
{
    return event.value(QStringLiteral("redacted")).toBool();
}

AuditChain::Verification AuditChain::verify(const QList<QJsonObject> &events,
                                            const QString &expectedFirstPrev)
{
    Verification v;
    auto fail = [&v, &events](qsizetype i, const QString &reason) {
        v.ok = false;
        v.firstBadIndex = i;
        v.reason = reason;
        v.firstBadId = events.at(i).value(QStringLiteral("id")).toString();
        return v;
    };
    QString prev = expectedFirstPrev;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject &e = events.at(i);
        const QString prevHash = e.value(QStringLiteral("prev_hash")).toString();
        if (!prev.isEmpty() && prevHash != prev)
            return fail(i, QStringLiteral("prev_hash does not link to the previous event"));
        const QString hash = e.value(QStringLiteral("hash")).toString();
        if (isRedactedStub(e)) {
            static const QStringList stubKeys {QStringLiteral("hash"), QStringLiteral("id"), QStringLiteral("prev_hash"),
                                               QStringLiteral("redacted")};
            if (e.keys() != stubKeys)
                return fail(i, QStringLiteral("a redacted event carries content that cannot be verified"));
            if (hash.size() != 64)
                return fail(i, QStringLiteral("a redacted event has no hash to link to"));
            ++v.redacted;
        } else if (computeHash(e) != hash) {
            return fail(i, QStringLiteral("hash does not match the event's content"));
        }
        prev = hash;
    }
    return v;
}

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKey.h"

namespace keyward {

// A publishable key ("pk_…"): public by design, read-only by construction, shown in full.
struct PublishableKey
{
    QString id;
    QString note;
    QString key;
    QDateTime createdAt;
    Actor createdBy;

    QJsonObject toJson() const;
    static PublishableKey fromJson(const QJsonObject &json);
};

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "KeyFormat.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace keyward::server {

struct Organization
{
    QString id;
    QString name;
    QString tier = QStringLiteral("free"); // free | pro | enterprise
    KeyFormat::Flavor keyFormat = KeyFormat::Flavor::Odus;
    bool requireMfa = false;

    QString secretPrefix() const { return KeyFormat::secretPrefix(keyFormat); }

    static bool isValidTier(const QString &tier);
    // The server's organisation (the first one created), if init has run.
    static std::optional<Organization> load(QSqlDatabase &db);
    void insert(QSqlDatabase &db, qint64 nowMs) const;
    void update(QSqlDatabase &db) const;
};

} // namespace keyward::server

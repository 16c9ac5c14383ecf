// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace keyward {

// A server the admin manages. Holds no secret: tokens live in the keychain under the name.
struct Profile
{
    Q_DECLARE_TR_FUNCTIONS(Profile)

public:
    QString id; // stable across renames; names the keychain entry
    QString name;
    QUrl apiUrl;
    QUrl issuerUrl;
    QString clientId = QStringLiteral("keyward-desktop");
    QString scopes = QStringLiteral("keys");
    bool transient = false; // from --api/--issuer or the sandbox: not written to settings

    bool isValid() const { return validate().isEmpty(); }
    // An empty string, or what is wrong in a sentence.
    QString validate() const;
    bool operator==(const Profile &other) const = default;
    // https://, or plain http:// to this computer only: where tokens may travel.
    static bool isSafeUrl(const QUrl &url);
};

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiClient.h"
#include "AuthService.h"
#include "Identity.h"
#include "Profile.h"

#include <QObject>
#include <QPointer>
#include <optional>

class QNetworkAccessManager;

namespace keyward {

class TokenStore;

// Everything that belongs to one signed-in profile: its network access manager, its
// credentials (AuthService, which stamps the bearer token) and its API client. A profile switch
// replaces the whole session.
class Session : public QObject
{
    Q_OBJECT

public:
    Session(const Profile &profile, TokenStore *store, const BrowserLauncher &launcher, QObject *parent = nullptr);
    ~Session() override;

    const Profile &profile() const { return m_profile; }
    AuthService *auth() const { return m_auth; }
    ApiClient *api() const { return m_api; }
    const std::optional<Identity> &identity() const { return m_identity; }

    // GET /me; emits identityChanged or identityFailed.
    void fetchIdentity();

Q_SIGNALS:
    void identityChanged();
    void identityFailed(const keyward::ApiFailure &failure);

private:
    Profile m_profile;
    QNetworkAccessManager *m_network;
    AuthService *m_auth;
    ApiClient *m_api;
    std::optional<Identity> m_identity;
    QPointer<ApiCall> m_identityCall;
};

} // namespace keyward

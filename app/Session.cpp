// SPDX-License-Identifier: GPL-3.0-or-later
#include "Session.h"

#include <QNetworkAccessManager>

namespace keyward {

Session::Session(const Profile &profile, TokenStore *store, const BrowserLauncher &launcher, QObject *parent)
    : QObject(parent), m_profile(profile), m_network(new QNetworkAccessManager(this)),
      m_auth(new AuthService(m_network, store, profile, this)), m_api(new ApiClient(m_network, profile.apiUrl, m_auth, this))
{
    m_network->setStrictTransportSecurityEnabled(true);
    m_auth->setBrowserLauncher(launcher);
    connect(m_auth, &AuthService::signedIn, this, &Session::fetchIdentity);
    connect(m_auth, &AuthService::stateChanged, this, [this](AuthService::State state) {
        if (state != AuthService::State::SignedOut)
            return;
        if (m_identityCall)
            m_identityCall->cancel(); // an answer after sign-out must not bring the identity back
        if (m_identity) {
            m_identity.reset();
            Q_EMIT identityChanged();
        }
    });
    // The API turned a freshly renewed token away: the account or its session is gone.
    connect(m_api, &ApiClient::authenticationLost, m_auth, [this](const ApiFailure &failure) {
        m_auth->endSession(failure.message);
    }, Qt::QueuedConnection);
}

Session::~Session()
{
    // Calls first (they hold replies of the network manager), then the credentials, then the
    // network manager itself.
    delete m_api;
    delete m_auth;
    delete m_network;
}

void Session::fetchIdentity()
{
    if (m_identityCall)
        m_identityCall->cancel();
    m_identityCall = m_api->send(ApiRequest::get(QStringLiteral("/me")), this, [this](const Result<ApiResponse> &r) {
        if (m_auth->state() != AuthService::State::SignedIn)
            return;
        if (!r.ok()) {
            Q_EMIT identityFailed(r.error());
            return;
        }
        Result<Identity> id = Identity::fromResponse(r.value());
        if (!id.ok()) {
            Q_EMIT identityFailed(id.error());
            return;
        }
        const bool first = !m_identity;
        m_identity = id.value();
        if (first) {
            const QString who = m_identity->email.isEmpty() ? m_auth->subject() : m_identity->email;
            qCInfo(lcAuth).noquote() << "signed in as" << (who.isEmpty() ? m_identity->id : who) << "at"
                                     << m_auth->authorizationServer().issuer;
        }
        Q_EMIT identityChanged();
    });
}

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#include "Profile.h"

namespace keyward {

namespace {
bool isHttpUrl(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}
bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("::1") || host == QLatin1String("localhost");
}
} // namespace

bool Profile::isSafeUrl(const QUrl &url)
{
    return isHttpUrl(url) && (url.scheme() == QLatin1String("https") || isLoopback(url));
}

QString Profile::validate() const
{
    if (name.trimmed().isEmpty())
        return tr("Give the profile a name.");
    if (name.size() > 80)
        return tr("The profile name is longer than 80 characters.");
    if (!isHttpUrl(apiUrl))
        return tr("The API URL must be an http:// or https:// address.");
    if (!isHttpUrl(issuerUrl))
        return tr("The issuer URL must be an http:// or https:// address.");
    // Tokens travel to both: plain http only where nothing leaves the machine.
    if (apiUrl.scheme() == QLatin1String("http") && !isLoopback(apiUrl))
        return tr("Use https:// for the API URL; plain http is only allowed on this computer (127.0.0.1).");
    if (issuerUrl.scheme() == QLatin1String("http") && !isLoopback(issuerUrl))
        return tr("Use https:// for the issuer URL; plain http is only allowed on this computer (127.0.0.1).");
    if (clientId.trimmed().isEmpty())
        return tr("Enter the client id registered with the sign-in server.");
    return {};
}

} // namespace keyward

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace keyward::server {

struct RateLimit
{
    int limit = 0;          // requests per window
    int windowSeconds = 60;
};

// Tunables of a running server. Defaults suit a production install; `serve --config FILE`
// overrides any of them from a JSON file (tests use small limits and short timeouts).
struct ServerConfig
{
    QHash<QString, RateLimit> tierLimits; // "free", "pro", "enterprise"
    RateLimit anonymousLimit;             // per client IP, for unauthenticated requests
    qint64 maxBodyBytes = 64 * 1024;
    int maxHeaderBytes = 16 * 1024;
    int requestTimeoutMs = 10'000;  // a started request must arrive whole within this
    int idleTimeoutMs = 60'000;     // a keep-alive connection may idle this long
    int maxConnections = 1024;
    int maxConnectionsPerIp = 256;
    int deniedAuditPerMinutePerIp = 20;
    int expirySweepMs = 5'000;      // expiry_sweep_interval_ms: expiry audit, cache and usage pruning
    int usageFlushMs = 1'000;
    int databaseThreads = 4;
    int shutdownGraceMs = 10'000;
    int accessTokenLifetimeSeconds = 600;
    int accessTokenLeewaySeconds = 60; // clock skew tolerated on exp/nbf
    int sessionCacheSeconds = 900;
    int authorizationCodeLifetimeSeconds = 60; // validated access tokens are trusted this long at most
    QString issuer;                // the server's public base URL; default http://LISTEN
    QStringList trustedIssuers;    // external OpenID Connect providers (serve --trust-issuer)
    QStringList trustedAudiences;  // audiences accepted in their tokens (serve --trust-audience)
    int jwksRefetchSeconds = 60;   // at most one refetch per issuer in this interval
    QString signInHint;            // demo mode only: the demo credentials on the sign-in page

    static ServerConfig defaults();
    // Reads a JSON object whose keys mirror the fields above (snake_case); unknown keys are
    // an error so that a typo does not silently leave a default in place.
    static std::optional<ServerConfig> fromFile(const QString &path, QString *error);
    RateLimit limitForTier(const QString &tier) const;
};

} // namespace keyward::server

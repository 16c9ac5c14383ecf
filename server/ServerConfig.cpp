// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerConfig.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace keyward::server {

ServerConfig ServerConfig::defaults()
{
    ServerConfig c;
    c.tierLimits.insert(QStringLiteral("free"), {120, 60});
    c.tierLimits.insert(QStringLiteral("pro"), {1200, 60});
    c.tierLimits.insert(QStringLiteral("enterprise"), {12000, 60});
    c.anonymousLimit = {600, 60};
    return c;
}

RateLimit ServerConfig::limitForTier(const QString &tier) const
{
    return tierLimits.value(tier, tierLimits.value(QStringLiteral("free"), RateLimit {120, 60}));
}

namespace {
bool readLimit(const QJsonValue &v, RateLimit *out, QString *error, const QString &where)
{
    const QJsonObject o = v.toObject();
    if (!v.isObject() || !o.value(QStringLiteral("limit")).isDouble()) {
        *error = QStringLiteral("%1 needs {\"limit\": N, \"window_seconds\": S}").arg(where);
        return false;
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != QLatin1String("limit") && it.key() != QLatin1String("window_seconds")) {
            *error = QStringLiteral("unknown setting %1.%2").arg(where, it.key());
            return false;
        }
    }
    out->limit = o.value(QStringLiteral("limit")).toInt();
    out->windowSeconds = o.value(QStringLiteral("window_seconds")).toInt(60);
    if (out->limit < 1 || out->windowSeconds < 1) {
        *error = QStringLiteral("%1 must have a positive limit and window").arg(where);
        return false;
    }
    return true;
}
} // namespace

std::optional<ServerConfig> ServerConfig::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the config file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(1024 * 1024), &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("the config file %1 is not a JSON object (%2)").arg(path, parseError.errorString());
        return std::nullopt;
    }
    ServerConfig c = defaults();
    struct IntSetting { const char *name; int *target; int min; };
    const IntSetting ints[] = {
        {"max_header_bytes", &c.maxHeaderBytes, 1024},
        {"request_timeout_ms", &c.requestTimeoutMs, 50},
        {"idle_timeout_ms", &c.idleTimeoutMs, 50},
        {"max_connections", &c.maxConnections, 1},
        {"max_connections_per_ip", &c.maxConnectionsPerIp, 1},
        {"denied_audit_per_minute_per_ip", &c.deniedAuditPerMinutePerIp, 0},
        {"expiry_sweep_interval_ms", &c.expirySweepMs, 50},
        {"expiry_sweep_ms", &c.expirySweepMs, 50}, // the earlier name, still read
        {"usage_flush_ms", &c.usageFlushMs, 10},
        {"database_threads", &c.databaseThreads, 1},
        {"shutdown_grace_ms", &c.shutdownGraceMs, 0},
        {"access_token_lifetime_s", &c.accessTokenLifetimeSeconds, 10},
        {"access_token_leeway_s", &c.accessTokenLeewaySeconds, 0},
        {"session_cache_s", &c.sessionCacheSeconds, 0},
        {"authorization_code_lifetime_s", &c.authorizationCodeLifetimeSeconds, 1},
        {"jwks_refetch_interval_s", &c.jwksRefetchSeconds, 0},
    };
    const QJsonObject root = doc.object();
    if (root.contains(QStringLiteral("expiry_sweep_interval_ms")) && root.contains(QStringLiteral("expiry_sweep_ms"))) {
        *error = QStringLiteral("give expiry_sweep_interval_ms only (expiry_sweep_ms is its earlier name)");
        return std::nullopt;
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("rate_limits")) {
            const QJsonObject tiers = it.value().toObject();
            for (auto t = tiers.begin(); t != tiers.end(); ++t) {
                RateLimit limit;
                if (!readLimit(t.value(), &limit, error, QStringLiteral("rate_limits.") + t.key()))
                    return std::nullopt;
                if (t.key() == QLatin1String("anonymous"))
                    c.anonymousLimit = limit;
                else if (t.key() == QLatin1String("free") || t.key() == QLatin1String("pro")
                         || t.key() == QLatin1String("enterprise"))
                    c.tierLimits.insert(t.key(), limit);
                else {
                    *error = QStringLiteral("unknown tier rate_limits.%1 (free, pro, enterprise, anonymous)").arg(t.key());
                    return std::nullopt;
                }
            }
            continue;
        }
        if (key == QLatin1String("max_body_bytes")) {
            c.maxBodyBytes = it.value().toInteger(-1);
            if (c.maxBodyBytes < 1) {
                *error = QStringLiteral("max_body_bytes must be a positive number");
                return std::nullopt;
            }
            continue;
        }
        bool known = false;
        for (const auto &s : ints) {
            if (key == QLatin1String(s.name)) {
                known = true;
                if (!it.value().isDouble() || it.value().toInt(-1) < s.min) {
                    *error = QStringLiteral("%1 must be a number of at least %2").arg(key).arg(s.min);
                    return std::nullopt;
                }
                *s.target = it.value().toInt();
            }
        }
        if (!known) {
            *error = QStringLiteral("unknown setting %1 in %2").arg(key, path);
            return std::nullopt;
        }
    }
    return c;
}

} // namespace keyward::server

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpConnection.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QList>
#include <QMap>
#include <QRandomGenerator>
#include <QString>

#include <array>
#include <memory>
#include <vector>

namespace keyward::bench {

struct Endpoint
{
    QString host;
    quint16 port = 0;
    QString display; // http://host:port
};

// A mixed load on one or more keyward-server instances that share a database, then checks of
// what it did: see main.cpp for the options and bench/README.md for what is checked.
class LoadMix
{
public:
    enum Op { Create, List, Revoke, PayKey, PayJwt, OpCount };

    struct Options
    {
        QList<Endpoint> bases;
        int clients = 8;
        int seconds = 10;
        qint64 maxRequests = 100'000;
        QByteArray adminKey; // never printed
        QByteArray token; // never printed
        QString runId;
        std::array<int, OpCount> weights { 2, 2, 1, 6, 3 };
        int timeoutMs = 30'000;
        int revokeGraceMs = 1'000;
        bool allowRateLimited = false;
        quint64 seed = 0;
        // Processes whose CPU time over the load is reported, each with its descendants
        // (Linux /proc), by label: several PIDs may share one.
        QList<QPair<QString, qint64>> cpuPids;
    };

    explicit LoadMix(Options options);
    ~LoadMix();

    // Runs the load, prints the report, verifies; returns the process exit status.
    int run();

    static QString opName(Op op);
    static QString mixName(Op op);

private:
    struct RunKey
    {
        QString id;
        QByteArray secret; // never printed
        QString note;
        int client = 0;
        enum State { Live, Revoked, Unknown } state = Live; // Unknown: a revoke without a clear answer
    };
    struct Client
    {
        int index = 0;
        int home = 0; // index into bases
        std::vector<HttpConnection *> connections; // one per base, opened when first needed
        QList<int> live; // indices into m_keys, oldest first
        int created = 0;
        int payments = 0;
        bool done = false;
    };
    struct OpStats
    {
        qint64 answered = 0; // every finished request, errors included
        qint64 ok = 0; // 2xx
        QMap<int, qint64> byStatus; // non-2xx; 0 = no answer
        std::vector<qint64> latencyNs;
    };
    struct Call
    {
        int base = 0;
        QByteArray method;
        QByteArray target;
        HttpConnection::Headers headers;
        QByteArray body = {};
    };

    HttpConnection *connectionFor(Client &c, int base);
    void step(Client &c);
    void issue(Client &c, Op op);
    void finishLoad();
    void printReport();

    // Verification, after the load: each returns false and prints why on a failure.
    bool verifyKeyLists();
    bool verifyRevocations();
    bool verifyAuditChain();

    // Runs the calls with up to `concurrency` at a time (a nested event loop); answers in order.
    QList<HttpResponse> callAll(const QList<Call> &calls, int concurrency);
    HttpResponse callOne(const Call &call);
    HttpConnection::Headers admin() const;
    static QString describe(const HttpResponse &r);
    void problem(const QString &text);

    Options m_o;
    QRandomGenerator m_random;
    std::vector<std::unique_ptr<Client>> m_clients;
    std::vector<std::unique_ptr<HttpConnection>> m_owned;
    std::vector<RunKey> m_keys;
    std::array<OpStats, OpCount> m_stats;
    int m_weightSum = 0;
    QElapsedTimer m_clock;
    QEventLoop *m_loadLoop = nullptr;
    qint64 m_issued = 0;
    int m_inFlight = 0;
    qint64 m_loadNs = 0;
    qint64 m_lastRevokeNs = -1; // on m_clock, when the last revoke was answered 2xx
    qint64 m_unknownCreates = 0; // creates without an answer: a key may exist that we never saw
    qint64 m_unexpected = 0; // unexpected answers during the load
    QList<QString> m_sampleErrors; // the first few unexpected answers, described
    std::vector<std::vector<HttpConnection *>> m_pool; // per base, for callAll
};

} // namespace keyward::bench

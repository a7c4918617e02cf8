#pragma once

#include <exec/httplimits.h>
#include <result.h>

#include <QString>
#include <QStringList>

#include <chrono>

namespace Cronhelm {

// How a cronhelm-node runs. Filled from the command line, CRONHELM_DB and an optional
// INI config file (command line wins).
struct NodeConfig
{
    QString conninfo;
    QString nodeId;  // default hostname:pid
    QString logFile; // empty: stderr only
    double leaseTtlSeconds = 10.0;
    // How often a standby tries to take the lease; a crashed executor's lease is free as
    // soon as its session ends, so this bounds the SIGKILL failover time.
    std::chrono::milliseconds standbyPoll{200};
    std::chrono::milliseconds heartbeatInterval{1000};
    // A node whose heartbeat is older than this is dead: its running runs are abandoned.
    double deadAfterSeconds = 15.0;
    // Re-read every job now and then, in case a notification was missed.
    std::chrono::milliseconds resyncInterval{30000};
    int maxParallel = 256;
    // This node's labels (--labels a,b): jobs with run_on labels run only on nodes that have
    // all of them.
    QStringList labels;
    // Runs are recorded this long before their slot and started at the instant from a local
    // timer, so database latency does not delay fires.
    std::chrono::milliseconds fireLead{250};
    // On SIGTERM: how long running jobs may go on before they are stopped.
    std::chrono::milliseconds shutdownGrace{30000};
    // Time between SIGTERM and SIGKILL when a shell job is stopped.
    std::chrono::milliseconds killGrace{10000};
    // HTTP jobs: connect and idle limits (--http-connect-timeout, --http-idle-timeout).
    HttpLimits http;
    // For tests only (cronhelm-node reads CRONHELM_NODE_TEST_TAKEOVER_DELAY_MS): hold the
    // jobs a takeover loaded this long before applying them, so that changes made while a
    // takeover loads can be tested deterministically.
    std::chrono::milliseconds takeoverApplyDelay{0};
    // Retention (docs/semantics.md): runs deleted per batch, and the rest between sweeps once
    // nothing is due. Tests shorten the rest (CRONHELM_NODE_TEST_RETENTION_REST_MS) and the
    // batch (CRONHELM_NODE_TEST_RETENTION_BATCH).
    int retentionBatch = 500;
    std::chrono::milliseconds retentionRest{std::chrono::minutes(10)};

    static QString defaultNodeId();
    // "a, b,,a" -> {a, b}
    static QStringList splitLabels(const QString &text);
    // Reads keys db, node_id, log_file, lease_ttl, max_parallel, labels, shutdown_grace,
    // http_connect_timeout, http_idle_timeout from an INI file (section-less). Unknown keys are
    // an error, so typos do not pass silently.
    Status loadFile(const QString &path);
    Status validate() const;
};

} // namespace Cronhelm

#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Cronhelm::Bench {

// A scheduled run's start as its node logged it: the instant the process was created or the
// request written to a connection, against the slot, with microsecond resolution.
struct LoggedStart
{
    qint64 runId = 0;
    qint64 slotUs = 0;
    double lateMs = 0;
};

// A private PostgreSQL server, a migrated database and cronhelm-node processes for the
// benchmarks. Everything lives under a temporary directory and stops with this object.
class BenchCluster
{
public:
    BenchCluster();
    ~BenchCluster();

    bool startStore();
    QString conninfo() const { return m_conninfo; }

    // Runs SQL as the owner (superuser); returns the first cell of the first row.
    QString sql(const QString &statement);

    // Starts a node (CRONHELM_BENCH_NODE, if set, names another cronhelm-node binary, e.g. an
    // older build to compare with); returns its index.
    int startNode(const QString &nodeId, double leaseTtl = 10.0,
                  const QStringList &extraArguments = {});
    QProcess *node(int index) { return m_nodes.at(index).get(); }
    qint64 nodePid(int index) const { return m_nodes.at(index)->processId(); }
    // Waits until the node's log shows a line containing `text`.
    bool waitForLog(int index, const QString &text, int timeoutMs);
    QString log(int index) const { return m_logs.at(index); }
    // The first attempts of scheduled runs the node has logged as started.
    QList<LoggedStart> loggedStarts(int index) const;
    int nodeCount() const { return int(m_nodes.size()); }

    // Starts `count` nodes, bench-a, bench-b, ...: the first takes the lease (waits for its
    // jobs to be loaded), the others join as workers the executor assigns runs to (waits for
    // their control channel). Prints the log of a node that does not come up.
    bool startNodes(int count, const QStringList &extraArguments = {});
    QList<qint64> nodePids() const;
    // Sums over all nodes started.
    double cpuSecondsOfNodes() const;
    qint64 rssKiBOfNodes() const;
    // "bench-a 30 MiB, bench-b 29 MiB, ..."
    QString rssPerNode() const;

    // Figures from the store for the runs matching `where` (an SQL condition on
    // cronhelm.runs): runs per node ("bench-a 1168, bench-b 1166, ..."); and how many started
    // more than 1 s after their slot (or not at all) while the cluster had a free slot, i.e.
    // fewer runs in flight at the slot than the live nodes' capacity together: a run only
    // waits, queued with a reason, when no node has room, so this must be 0.
    QString runsPerNode(const QString &where);
    QString lateWhileCapacityFree(const QString &where);
    // Now: "bench-a 583/1000, ..." (queued or running on the node / its capacity).
    QString busyPerNode();
    // Now: "bench-a 583, ..." (runs running on the node: started, not ended).
    QString runningPerNode();

    // Raises this process's soft limit on open files to at least `wanted` (up to the hard
    // limit); the nodes started afterwards inherit it. Returns the soft limit in effect.
    static qint64 raiseOpenFileLimit(qint64 wanted);

    // CPU seconds (user + system) and resident memory of a process, from /proc.
    static double cpuSeconds(qint64 pid);
    static qint64 rssKiB(qint64 pid);

private:
    QTemporaryDir m_dir;
    QString m_pgDir;
    QString m_port;
    QString m_conninfo;
    std::vector<std::unique_ptr<QProcess>> m_nodes;
    QStringList m_logs;
};

struct Percentiles
{
    double p50 = 0;
    double p90 = 0;
    double p95 = 0;
    double p99 = 0;
    double max = 0;
    qsizetype count = 0;
};
Percentiles percentiles(QList<double> values);

// Microseconds since the Unix epoch (system clock), comparable with the nodes' records.
qint64 nowUs();
// Runs the event loop for `ms` milliseconds.
void spin(qint64 ms);

} // namespace Cronhelm::Bench

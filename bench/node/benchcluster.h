#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Cronhelm::Bench {

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

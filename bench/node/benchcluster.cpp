#include "benchcluster.h"

#include <store/migrator.h>
#include <store/storeconnection.h>

#include <pqxx/pqxx>

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

namespace Cronhelm::Bench {

namespace {
const QString pgScript = QStringLiteral(CRONHELM_SOURCE_DIR "/scripts/pg-local.sh");
}

BenchCluster::BenchCluster()
    : m_dir(QStringLiteral("/tmp/cronhelm-bench-XXXXXX"))
{
    QFile::setPermissions(m_dir.path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                              | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    m_pgDir = m_dir.path() + QStringLiteral("/pg");
    m_port = QString::number(30000 + QRandomGenerator::global()->bounded(20000));
}

BenchCluster::~BenchCluster()
{
    for (auto &node : m_nodes) {
        if (node->state() != QProcess::NotRunning) {
            node->kill();
            node->waitForFinished(3000);
        }
    }
    QProcess::execute(pgScript, {QStringLiteral("destroy"), m_pgDir});
}

bool BenchCluster::startStore()
{
    QProcess start;
    start.start(pgScript, {QStringLiteral("start"), m_pgDir, m_port});
    if (!start.waitForFinished(60000) || start.exitCode() != 0) {
        std::fprintf(stderr, "cannot start PostgreSQL: %s\n",
                     start.readAllStandardError().constData());
        return false;
    }
    m_conninfo =
        QStringLiteral("host=%1/sock port=%2 user=cronhelm dbname=cronhelm").arg(m_pgDir, m_port);
    StoreConnection connection(m_conninfo);
    Result<int> migrated = Migrator(connection).migrate();
    if (!migrated) {
        std::fprintf(stderr, "migrate: %s\n", qPrintable(migrated.errorMessage()));
        return false;
    }
    return true;
}

QString BenchCluster::sql(const QString &statement)
{
    pqxx::connection c(m_conninfo.toStdString());
    pqxx::work tx(c);
    const pqxx::result r = tx.exec(statement.toStdString());
    tx.commit();
    if (r.empty() || r[0].empty() || r[0][0].is_null())
        return {};
    return QString::fromUtf8(r[0][0].c_str());
}

int BenchCluster::startNode(const QString &nodeId, double leaseTtl,
                            const QStringList &extraArguments)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessChannelMode(QProcess::SeparateChannels);
    const int index = int(m_nodes.size());
    m_logs.append(QString());
    QProcess *raw = process.get();
    QObject::connect(raw, &QProcess::readyReadStandardError, raw, [this, raw, index] {
        m_logs[index] += QString::fromUtf8(raw->readAllStandardError());
    });
    const QString binary =
        qEnvironmentVariable("CRONHELM_BENCH_NODE", QStringLiteral(CRONHELM_NODE_BINARY));
    process->start(binary,
                   QStringList{QStringLiteral("--db"), m_conninfo, QStringLiteral("--node-id"),
                               nodeId, QStringLiteral("--lease-ttl"), QString::number(leaseTtl)}
                       + extraArguments);
    process->waitForStarted();
    m_nodes.push_back(std::move(process));
    return index;
}

bool BenchCluster::waitForLog(int index, const QString &text, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!m_logs.at(index).contains(text)) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

QList<LoggedStart> BenchCluster::loggedStarts(int index) const
{
    static const QRegularExpression started(
        QStringLiteral("run (\\d+) \\(schedule, attempt 1\\) slot (\\S+) started (-?[\\d.]+) ms "
                       "after it"));
    QList<LoggedStart> starts;
    for (auto it = started.globalMatch(m_logs.at(index)); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        starts.append(
            {m.captured(1).toLongLong(),
             QDateTime::fromString(m.captured(2), Qt::ISODateWithMs).toMSecsSinceEpoch() * 1000,
             m.captured(3).toDouble()});
    }
    return starts;
}

bool BenchCluster::startNodes(int count, const QStringList &extraArguments)
{
    for (int n = 0; n < count; ++n) {
        const int index =
            startNode(QStringLiteral("bench-%1").arg(QChar(u'a' + n)), 10.0, extraArguments);
        const QString ready =
            n == 0 ? QStringLiteral("jobs loaded") : QStringLiteral("control: connected");
        if (!waitForLog(index, ready, 60000)) {
            std::fprintf(stderr, "node did not start:\n%s\n", qPrintable(log(index)));
            return false;
        }
    }
    return true;
}

QList<qint64> BenchCluster::nodePids() const
{
    QList<qint64> pids;
    for (const auto &node : m_nodes)
        pids.append(node->processId());
    return pids;
}

double BenchCluster::cpuSecondsOfNodes() const
{
    double sum = 0;
    for (qint64 pid : nodePids())
        sum += cpuSeconds(pid);
    return sum;
}

qint64 BenchCluster::rssKiBOfNodes() const
{
    qint64 sum = 0;
    for (qint64 pid : nodePids())
        sum += rssKiB(pid);
    return sum;
}

QString BenchCluster::rssPerNode() const
{
    QStringList parts;
    for (int n = 0; n < nodeCount(); ++n)
        parts.append(QStringLiteral("bench-%1 %2 MiB")
                         .arg(QChar(u'a' + n))
                         .arg(rssKiB(m_nodes.at(n)->processId()) / 1024));
    return parts.join(QStringLiteral(", "));
}

QString BenchCluster::runsPerNode(const QString &where)
{
    return sql(QStringLiteral("SELECT string_agg(coalesce(node_id, '(none)') || ' ' || n, ', ' "
                              "ORDER BY node_id) FROM (SELECT node_id, count(*) AS n FROM "
                              "cronhelm.runs WHERE %1 GROUP BY 1) x")
                   .arg(where));
}

QString BenchCluster::lateWhileCapacityFree(const QString &where)
{
    // In flight at an instant: started before it and not finished by then.
    return sql(
        QStringLiteral(
            "WITH capacity AS (SELECT sum(capacity) AS total FROM cronhelm.cluster_nodes WHERE "
            "role IN ('executor', 'standby')) "
            "SELECT count(*) FROM cronhelm.runs r, capacity WHERE %1 AND (r.started_at IS NULL "
            "OR r.started_at > r.scheduled_for + interval '1 second') AND (SELECT count(*) FROM "
            "cronhelm.runs o WHERE o.started_at <= r.scheduled_for AND (o.finished_at IS NULL "
            "OR o.finished_at > r.scheduled_for)) < capacity.total")
            .arg(where));
}

QString BenchCluster::busyPerNode()
{
    return sql(QStringLiteral("SELECT string_agg(id || ' ' || busy || '/' || capacity, ', ' "
                              "ORDER BY id) FROM cronhelm.cluster_nodes"));
}

QString BenchCluster::runningPerNode()
{
    return sql(QStringLiteral("SELECT string_agg(n.id || ' ' || (SELECT count(*) FROM "
                              "cronhelm.runs r WHERE r.node_id = n.id AND r.status = 'running'), "
                              "', ' ORDER BY n.id) FROM cronhelm.nodes n"));
}

qint64 BenchCluster::raiseOpenFileLimit(qint64 wanted)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur != RLIM_INFINITY && rlim_t(wanted) > limit.rlim_cur) {
        limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? rlim_t(wanted)
                                                         : std::min(rlim_t(wanted), limit.rlim_max);
        setrlimit(RLIMIT_NOFILE, &limit);
        getrlimit(RLIMIT_NOFILE, &limit);
    }
    return limit.rlim_cur == RLIM_INFINITY ? -1 : qint64(limit.rlim_cur);
}

double BenchCluster::cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // Fields after the ")" that ends the command name; utime and stime are 14 and 15.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double ticks = fields.value(11).toDouble() + fields.value(12).toDouble();
    return ticks / double(sysconf(_SC_CLK_TCK));
}

qint64 BenchCluster::rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

Percentiles percentiles(QList<double> values)
{
    Percentiles p;
    p.count = values.size();
    if (values.isEmpty())
        return p;
    std::sort(values.begin(), values.end());
    auto at = [&values](double q) {
        const qsizetype i = std::min(values.size() - 1, qsizetype(q * double(values.size())));
        return values.at(i);
    };
    p.p50 = at(0.50);
    p.p90 = at(0.90);
    p.p95 = at(0.95);
    p.p99 = at(0.99);
    p.max = values.last();
    return p;
}

qint64 nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void spin(qint64 ms)
{
    QEventLoop loop;
    QTimer::singleShot(std::chrono::milliseconds(ms), &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace Cronhelm::Bench

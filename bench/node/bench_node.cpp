// Benchmarks of cronhelm-node against a private PostgreSQL, with real node processes and
// real HTTP receivers on 127.0.0.1. Prints its figures; docs/benchmarks.md records them.
//
//   bench_node fire     [--schedules N] [--firing N] [--seconds S] [--node-log F]
//                       [--receiver-threads N] [--target http|shell|mixed]
//                       [--nodes 1,3] [--command CMD]   fire precision (per cluster size,
//                                                        one after another in the same run)
//   bench_node runnow   [--samples N]                   Run now latency
//   bench_node failover [--kills N] [--stop] [--ttl S]  failover after SIGKILL / SIGSTOP
//   bench_node idle     [--schedules N] [--seconds S]   memory and CPU while idle

#include "benchcluster.h"

#include <httptestserver.h>

#include <pqxx/pqxx>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>

using namespace Cronhelm;
using namespace Cronhelm::Bench;
using Test::HttpTestServer;
using Test::RecordedRequest;

namespace {

// Spins the event loop until `done()` or the timeout; returns whether it is done.
template<typename Fn>
bool spinUntil(Fn done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::usleep(200);
    }
    return true;
}

void printPercentiles(const char *what, const Percentiles &p, double targetMs,
                      const char *targetName)
{
    std::printf("%s: n=%lld p50=%.2f ms p90=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms", what,
                static_cast<long long>(p.count), p.p50, p.p90, p.p95, p.p99, p.max);
    if (targetMs > 0)
        std::printf("  (%s target %.0f ms: ratio %.2f)", targetName, targetMs,
                    (std::strcmp(targetName, "p50") == 0 ? p.p50 : p.p99) / targetMs);
    std::printf("\n");
}

// Receivers on several ports: Qt opens at most 6 connections per host:port, and real jobs
// call many different services, so a single port would measure that queue, not the node.
// With `threads` > 0 the servers are spread over that many threads of their own (real
// services do not share one event loop either); arrivals are then guarded by `mutex`.
struct Receivers
{
    std::vector<std::unique_ptr<HttpTestServer>> servers; // threads == 0
    std::vector<std::unique_ptr<QThread>> threads;
    std::vector<quint16> ports;
    QMutex mutex;
    QList<std::pair<QString, qint64>> arrivals; // path, arrival (us since epoch)

    ~Receivers()
    {
        for (auto &thread : threads) {
            thread->quit();
            thread->wait();
        }
    }

    void record(const RecordedRequest &r)
    {
        const qint64 at = nowUs();
        QMutexLocker lock(&mutex);
        arrivals.append({r.path, at});
    }

    bool start(int count, int threadCount = 0)
    {
        if (threadCount <= 0) {
            for (int i = 0; i < count; ++i) {
                auto server = std::make_unique<HttpTestServer>();
                if (!server->listen())
                    return false;
                QObject::connect(server.get(), &HttpTestServer::requestReceived, server.get(),
                                 [this](const RecordedRequest &r) { record(r); });
                ports.push_back(server->port());
                servers.push_back(std::move(server));
            }
            return true;
        }
        for (int t = 0; t < threadCount; ++t) {
            auto thread = std::make_unique<QThread>();
            thread->setObjectName(QStringLiteral("receivers-%1").arg(t));
            thread->start();
            auto *home = new QObject;
            home->moveToThread(thread.get());
            QObject::connect(thread.get(), &QThread::finished, home, &QObject::deleteLater);
            bool ok = true;
            QMetaObject::invokeMethod(
                home,
                [this, home, t, count, threadCount, &ok] {
                    for (int i = t; i < count; i += threadCount) {
                        auto *server = new HttpTestServer(home);
                        if (!server->listen()) {
                            ok = false;
                            return;
                        }
                        QObject::connect(server, &HttpTestServer::requestReceived, server,
                                         [this](const RecordedRequest &r) { record(r); });
                        QMutexLocker lock(&mutex);
                        ports.push_back(server->port());
                    }
                },
                Qt::BlockingQueuedConnection);
            threads.push_back(std::move(thread));
            if (!ok)
                return false;
        }
        return true;
    }
    QString portArray() const
    {
        QStringList list;
        for (quint16 port : ports)
            list.append(QString::number(port));
        return QStringLiteral("ARRAY[%1]").arg(list.join(QLatin1Char(',')));
    }
    QList<std::pair<QString, qint64>> take()
    {
        QMutexLocker lock(&mutex);
        return std::exchange(arrivals, {});
    }
};

// Bulk set-up straight into the table (as the owner): the benchmark measures the node, not
// create_job(), and 100,000 calls would take minutes. `typeSql` and `targetSql` are SQL
// expressions of i for target_type and target.
// The firing jobs' timeout (fire --job-timeout): long calls need more than the default.
int g_jobTimeoutSeconds = 30;

void insertTargets(BenchCluster &cluster, int count, const QString &cronSql, const QString &typeSql,
                   const QString &targetSql)
{
    cluster.sql(
        QStringLiteral(
            "INSERT INTO cronhelm.jobs (name, target_type, target, schedule_kind, cron_expr,"
            " time_zone, concurrency, timeout_s)"
            " SELECT 'bench-' || i, %2, %3, 'cron', %1,"
            " 'UTC', 'allow', %5 FROM generate_series(0, %4 - 1) AS i")
            .arg(cronSql, typeSql, targetSql)
            .arg(count)
            .arg(g_jobTimeoutSeconds));
}

void insertJobs(BenchCluster &cluster, int count, const QString &cronSql, const QString &urlSql)
{
    insertTargets(cluster, count, cronSql, QStringLiteral("'http'"),
                  QStringLiteral("jsonb_build_object('url', %1)").arg(urlSql));
}

int benchFire(int schedules, int firing, int seconds, const QString &nodeLogPath,
              int receiverThreads, const QString &targetKind, int nodeCount,
              const QString &shellCommand, const QStringList &nodeArguments)
{
    // Which of the firing jobs are shell jobs ("true", run by the node's real runner): none,
    // all, or every other one.
    QString shellIf;
    if (targetKind == QLatin1String("http"))
        shellIf = QStringLiteral("false");
    else if (targetKind == QLatin1String("shell"))
        shellIf = QStringLiteral("true");
    else if (targetKind == QLatin1String("mixed"))
        shellIf = QStringLiteral("i % 2 = 1");
    else {
        std::fprintf(stderr, "--target: http, shell or mixed\n");
        return 2;
    }
    BenchCluster cluster;
    Receivers receivers;
    if (!cluster.startStore() || !receivers.start(16, receiverThreads))
        return 1;
    // Job i < firing fires every minute at second i % 60 (firing/60 fires every second);
    // the other schedules are active but fire on 1 January only.
    insertTargets(
        cluster, firing, QStringLiteral("(i % 60) || ' * * * * *'"),
        QStringLiteral("CASE WHEN %1 THEN 'shell' ELSE 'http' END").arg(shellIf),
        QStringLiteral("CASE WHEN %1 THEN jsonb_build_object('command', $cmd$%3$cmd$) ELSE "
                       "jsonb_build_object('url', format('http://127.0.0.1:%s/j/%s', (%2)[1 + i "
                       "% 16], i)) END")
            .arg(shellIf, receivers.portArray(), shellCommand));
    if (schedules > firing) {
        cluster.sql(QStringLiteral("UPDATE cronhelm.jobs SET name = 'firing-' || id"));
        insertJobs(cluster, schedules - firing, QStringLiteral("'0 0 1 1 *'"),
                   QStringLiteral("'http://127.0.0.1:1/never'"));
    }
    // The first node takes the lease; the others are workers the executor assigns runs to.
    if (!cluster.startNodes(nodeCount, nodeArguments))
        return 1;
    spin(5000); // warm up: connections opened, caches filled
    receivers.take();
    const qint64 startUs = nowUs();
    const double cpuBefore = cluster.cpuSecondsOfNodes();
    spin(seconds * 1000);
    const qint64 endUs = nowUs();
    const double cpu = cluster.cpuSecondsOfNodes() - cpuBefore;
    QString logs;
    for (int n = 0; n < nodeCount; ++n)
        logs += cluster.log(n);

    QList<double> lateness;
    const QList<std::pair<QString, qint64>> arrivals = receivers.take();
    for (const auto &[path, arrival] : arrivals) {
        const int i = path.section(QLatin1Char('/'), 2, 2).toInt();
        const qint64 second = i % 60;
        const qint64 arrivalMs = arrival / 1000;
        qint64 slotMs = arrivalMs - arrivalMs % 60000 + second * 1000;
        if (slotMs > arrivalMs)
            slotMs -= 60000;
        lateness.append(double(arrival - slotMs * 1000) / 1000.0);
    }
    spin(1500); // the last starts marked, their log lines written
    // The node's own view: slot -> the instant the target reported its real start (process
    // created / request handed to the network manager), in microseconds, from its log; for
    // the slots of the measured window only.
    QList<double> nodeLateness;
    QList<double> nodeLatenessShell;
    QList<double> nodeLatenessHttp;
    QHash<qint64, bool> shellRun; // run id -> shell target
    for (const QString &row :
         cluster
             .sql(QStringLiteral("SELECT string_agg(r.id || ':' || (j.target_type = 'shell')::int,"
                                 " ',') FROM cronhelm.runs r JOIN cronhelm.jobs j ON j.id ="
                                 " r.job_id WHERE r.trigger = 'schedule'"))
             .split(QLatin1Char(','), Qt::SkipEmptyParts))
        shellRun.insert(row.section(QLatin1Char(':'), 0, 0).toLongLong(),
                        row.section(QLatin1Char(':'), 1, 1) == QLatin1String("1"));
    for (int n = 0; n < nodeCount; ++n) {
        for (const LoggedStart &start : cluster.loggedStarts(n)) {
            if (start.slotUs < startUs || start.slotUs >= endUs)
                continue;
            nodeLateness.append(start.lateMs);
            (shellRun.value(start.runId) ? nodeLatenessShell : nodeLatenessHttp)
                .append(start.lateMs);
        }
    }
    // The same from the store: runs.started_at (mark_started, millisecond resolution) minus
    // scheduled_for, for the slots of the window; and how many of those slots have no start.
    const QString window =
        QStringLiteral("trigger = 'schedule' AND scheduled_for >= to_timestamp(%1 / 1e6) AND "
                       "scheduled_for < to_timestamp(%2 / 1e6)")
            .arg(startUs)
            .arg(endUs);
    QList<double> storeLateness;
    for (const QString &value :
         cluster
             .sql(QStringLiteral("SELECT string_agg((extract(epoch FROM started_at - "
                                 "scheduled_for) * 1000)::text, ',') FROM cronhelm.runs WHERE "
                                 "%1 AND started_at IS NOT NULL")
                      .arg(window))
             .split(QLatin1Char(','), Qt::SkipEmptyParts))
        storeLateness.append(value.toDouble());
    const QString slotsInWindow =
        cluster.sql(QStringLiteral("SELECT count(*) || ' runs, ' || count(*) FILTER (WHERE "
                                   "started_at IS NULL) || ' without started_at, ' || count(*) "
                                   "FILTER (WHERE status = 'succeeded') || ' succeeded' FROM "
                                   "cronhelm.runs WHERE %1")
                        .arg(window));
    static const QRegularExpression slow(QStringLiteral("recording (\\d+) slots took (\\d+) ms"));
    QList<double> slowRecords;
    for (auto it = slow.globalMatch(logs); it.hasNext();)
        slowRecords.append(it.next().captured(2).toDouble());
    const double expected = double(firing) * double(endUs - startUs) / 60e6;
    std::printf("fire precision, %d node(s): %d active schedules, %d of them every minute (spread "
                "over the seconds: %.1f fires/s), targets %s%s, %d s measured; receivers on %s\n",
                nodeCount, schedules, firing, firing / 60.0, qPrintable(targetKind),
                targetKind == QLatin1String("http")
                    ? ""
                    : qPrintable(QStringLiteral(" (shell: %1)").arg(shellCommand)),
                seconds,
                receiverThreads > 0 ? qPrintable(QStringLiteral("%1 threads").arg(receiverThreads))
                                    : "the benchmark's main thread");
    if (!lateness.isEmpty())
        printPercentiles("  lateness (slot -> HTTP request at the receiver)", percentiles(lateness),
                         20, "p99");
    printPercentiles("  node: slot -> process created / request issued (node log, us)",
                     percentiles(nodeLateness), 20, "p99");
    if (!nodeLatenessShell.isEmpty() && !nodeLatenessHttp.isEmpty()) {
        printPercentiles("    of which shell", percentiles(nodeLatenessShell), 20, "p99");
        printPercentiles("    of which http", percentiles(nodeLatenessHttp), 20, "p99");
    }
    printPercentiles("  store: slot -> runs.started_at (ms resolution)", percentiles(storeLateness),
                     20, "p99");
    std::printf("  slots in the window: %s\n", qPrintable(slotsInWindow));
    std::printf("  runs per node in the window: %s\n", qPrintable(cluster.runsPerNode(window)));
    // A run waits (queued, with a reason) only when no node has a free slot.
    std::printf("  runs of the window that started > 1 s after their slot while a node had a "
                "free slot: %s\n",
                qPrintable(cluster.lateWhileCapacityFree(window)));
    std::printf("  in flight at the end (queued or running): %s; busy of capacity now: %s\n",
                qPrintable(cluster.sql(QStringLiteral(
                    "SELECT count(*) FROM cronhelm.runs WHERE status IN ('queued', 'running')"))),
                qPrintable(cluster.busyPerNode()));
    printPercentiles("  node log: fire batches that took > 20 ms to record",
                     percentiles(slowRecords), 0, "");
    const qint64 rssKiB = cluster.rssKiBOfNodes();
    std::printf("  HTTP requests received %lld of ~%.0f fires expected; nodes' CPU %.1f %% of one "
                "core, RSS %lld MiB (all nodes together)\n",
                static_cast<long long>(lateness.size()), expected,
                100.0 * cpu / (double(endUs - startUs) / 1e6),
                static_cast<long long>(rssKiB / 1024));
    if (!nodeLogPath.isEmpty()) {
        QFile file(nodeLogPath);
        if (file.open(QIODevice::WriteOnly))
            file.write(logs.toUtf8());
    }
    return 0;
}

int benchRunNow(int samples, int backgroundSchedules)
{
    BenchCluster cluster;
    Receivers receivers;
    if (!cluster.startStore() || !receivers.start(1))
        return 1;
    // Background schedules that stay in the queue without firing (1 January, 00:00 UTC).
    insertJobs(cluster, backgroundSchedules, QStringLiteral("'0 0 1 1 *'"),
               QStringLiteral("'http://127.0.0.1:1/never'"));
    const QString target =
        cluster.sql(QStringLiteral("SELECT cronhelm.create_job(jsonb_build_object('name', 'runnow',"
                                   " 'target_type', 'http', 'target', jsonb_build_object('url',"
                                   " 'http://127.0.0.1:%1/runnow'), 'cron', '0 0 1 1 *'))")
                        .arg(receivers.servers.front()->port()));
    const int node = cluster.startNode(QStringLiteral("bench-a"));
    if (!cluster.waitForLog(node, QStringLiteral("jobs loaded"), 60000))
        return 1;
    spin(1000);
    pqxx::connection client(cluster.conninfo().toStdString());
    QList<double> latency;
    for (int i = 0; i < samples + 5; ++i) {
        const qsizetype before = receivers.arrivals.size();
        const qint64 t0 = nowUs();
        {
            pqxx::work tx(client);
            tx.exec_params("SELECT cronhelm.run_now($1)", target.toLongLong());
            tx.commit();
        }
        if (!spinUntil([&] { return receivers.arrivals.size() > before; }, 5000)) {
            std::fprintf(stderr, "run %d never arrived\n", i);
            return 1;
        }
        if (i >= 5) // the first few open connections
            latency.append(double(receivers.arrivals.at(before).second - t0) / 1000.0);
        spin(20 + QRandomGenerator::global()->bounded(30));
    }
    std::printf("run now: %d samples, %d other schedules loaded\n", samples, backgroundSchedules);
    const Percentiles p = percentiles(latency);
    printPercentiles("  latency (SQL call -> HTTP request at the receiver)", p, 10, "p50");
    std::printf("  p99 %.2f ms (target 50 ms: ratio %.2f)\n", p.p99, p.p99 / 50.0);
    return 0;
}

int benchFailover(int kills, bool freeze, double ttl)
{
    BenchCluster cluster;
    Receivers receivers;
    if (!cluster.startStore() || !receivers.start(1))
        return 1;
    cluster.sql(QStringLiteral("SELECT cronhelm.create_job(jsonb_build_object('name', 'tick',"
                               " 'target_type', 'http', 'target', jsonb_build_object('url',"
                               " 'http://127.0.0.1:%1/tick'), 'cron', '* * * * * *',"
                               " 'concurrency', 'allow'))")
                    .arg(receivers.servers.front()->port()));
    QHash<QString, int> indexOf;
    auto start = [&](const QString &id) {
        indexOf.insert(id, cluster.startNode(id, ttl));
        cluster.waitForLog(indexOf.value(id), QStringLiteral("control: connected"), 10000);
    };
    start(QStringLiteral("node-0"));
    spin(500);
    start(QStringLiteral("node-1"));
    int nextId = 2;
    spin(2000);
    QList<double> takeover;
    QList<double> firesAgain;
    for (int k = 0; k < kills; ++k) {
        const QString executor =
            cluster.sql(QStringLiteral("SELECT executor FROM cronhelm.executor_lease"));
        const qint64 term =
            cluster.sql(QStringLiteral("SELECT term FROM cronhelm.executor_lease")).toLongLong();
        if (!indexOf.contains(executor)) {
            std::fprintf(stderr, "no executor known (%s)\n", qPrintable(executor));
            return 1;
        }
        spin(QRandomGenerator::global()->bounded(1000)); // anywhere within a second
        const qint64 pid = cluster.nodePid(indexOf.value(executor));
        const qint64 killUs = nowUs();
        ::kill(pid_t(pid), freeze ? SIGSTOP : SIGKILL);
        QString acquired;
        const bool tookOver = spinUntil(
            [&] {
                acquired = cluster.sql(
                    QStringLiteral(
                        "SELECT (extract(epoch FROM acquired_at) * 1e6)::bigint FROM "
                        "cronhelm.leadership_changes WHERE term > %1 ORDER BY term LIMIT 1")
                        .arg(term));
                return !acquired.isEmpty();
            },
            int(ttl * 1000) + 10000);
        if (!tookOver) {
            std::fprintf(stderr, "no takeover after kill %d\n", k);
            return 1;
        }
        const qint64 acquiredUs = acquired.toLongLong();
        takeover.append(double(acquiredUs - killUs) / 1000.0);
        const bool fired = spinUntil(
            [&] {
                return !receivers.arrivals.isEmpty()
                    && receivers.arrivals.last().second > acquiredUs;
            },
            5000);
        if (fired) {
            for (const auto &[path, at] : std::as_const(receivers.arrivals)) {
                if (at > acquiredUs) {
                    firesAgain.append(double(at - killUs) / 1000.0);
                    break;
                }
            }
        }
        if (freeze)
            ::kill(pid_t(pid), SIGKILL);
        start(QStringLiteral("node-%1").arg(nextId++));
        spin(1500);
    }
    std::printf("failover: %d x %s of the executor, lease TTL %.0f s, 2 nodes\n", kills,
                freeze ? "SIGSTOP" : "SIGKILL", ttl);
    printPercentiles("  kill -> standby holds the lease", percentiles(takeover),
                     freeze ? (ttl + 1) * 1000 : 2000, "p99");
    printPercentiles("  kill -> first fire by the new executor (per-second job)",
                     percentiles(firesAgain), freeze ? (ttl + 1) * 1000 + 1000 : 2000, "p99");
    return 0;
}

int benchIdle(int schedules, int seconds)
{
    BenchCluster cluster;
    if (!cluster.startStore())
        return 1;
    insertJobs(cluster, schedules, QStringLiteral("(i % 60) || ' ' || (i % 24) || ' 1 1 *'"),
               QStringLiteral("'http://127.0.0.1:1/never'"));
    QElapsedTimer load;
    load.start();
    const int node = cluster.startNode(QStringLiteral("bench-a"));
    if (!cluster.waitForLog(node, QStringLiteral("jobs loaded"), 300000))
        return 1;
    const qint64 loadMs = load.elapsed();
    spin(3000);
    const qint64 pid = cluster.nodePid(node);
    const double cpuBefore = BenchCluster::cpuSeconds(pid);
    spin(seconds * 1000);
    const double cpu = BenchCluster::cpuSeconds(pid) - cpuBefore;
    std::printf("idle: %d active schedules: start to all scheduled %lld ms; RSS %lld MiB; CPU %.2f "
                "%% of one core over %d s\n",
                schedules, static_cast<long long>(loadMs),
                static_cast<long long>(BenchCluster::rssKiB(pid) / 1024), 100.0 * cpu / seconds,
                seconds);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("cronhelm-node benchmarks"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("what"),
                                 QStringLiteral("fire | runnow | failover | idle"));
    const QCommandLineOption schedules(QStringLiteral("schedules"), QStringLiteral("Schedules."),
                                       QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption firing(QStringLiteral("firing"),
                                    QStringLiteral("Of the schedules, how many fire every minute "
                                                   "(fire: default all)."),
                                    QStringLiteral("n"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Measured seconds."),
                                     QStringLiteral("s"), QStringLiteral("60"));
    const QCommandLineOption samples(QStringLiteral("samples"), QStringLiteral("Run now samples."),
                                     QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption kills(QStringLiteral("kills"), QStringLiteral("Executor kills."),
                                   QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption stop(QStringLiteral("stop"),
                                  QStringLiteral("SIGSTOP instead of SIGKILL."));
    const QCommandLineOption ttl(QStringLiteral("ttl"), QStringLiteral("Lease TTL (s)."),
                                 QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption receiverThreads(
        QStringLiteral("receiver-threads"),
        QStringLiteral("fire: run the 16 HTTP receivers on this many threads (0: the main "
                       "thread)."),
        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption targetKind(
        QStringLiteral("target"),
        QStringLiteral("fire: the firing jobs' targets: http, shell (\"true\") or mixed (every "
                       "other one)."),
        QStringLiteral("kind"), QStringLiteral("http"));
    const QCommandLineOption nodeLog(QStringLiteral("node-log"),
                                     QStringLiteral("fire: write the node's log to this file."),
                                     QStringLiteral("file"));
    const QCommandLineOption nodes(
        QStringLiteral("nodes"),
        QStringLiteral("fire: cluster sizes to measure, one after another (e.g. 1,3)."),
        QStringLiteral("list"), QStringLiteral("1"));
    const QCommandLineOption command(QStringLiteral("command"),
                                     QStringLiteral("fire: the shell jobs' command."),
                                     QStringLiteral("cmd"), QStringLiteral("true"));
    const QCommandLineOption jobTimeout(QStringLiteral("job-timeout"),
                                        QStringLiteral("fire: the firing jobs' timeout (s)."),
                                        QStringLiteral("s"), QStringLiteral("30"));
    const QCommandLineOption maxParallel(QStringLiteral("max-parallel"),
                                         QStringLiteral("fire: each node's --max-parallel."),
                                         QStringLiteral("n"));
    parser.addOptions({schedules, firing, seconds, samples, kills, stop, ttl, nodeLog,
                       receiverThreads, targetKind, nodes, command, jobTimeout, maxParallel});
    parser.process(app);
    const QString what = parser.positionalArguments().value(0);
    if (what == QLatin1String("fire")) {
        g_jobTimeoutSeconds = parser.value(jobTimeout).toInt();
        const QStringList nodeArguments = parser.isSet(maxParallel)
            ? QStringList{QStringLiteral("--max-parallel"), parser.value(maxParallel)}
            : QStringList{};
        const QStringList sizes = parser.value(nodes).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &size : sizes) {
            const int rc =
                benchFire(parser.value(schedules).toInt(),
                          parser.isSet(firing) ? parser.value(firing).toInt()
                                               : parser.value(schedules).toInt(),
                          parser.value(seconds).toInt(), parser.value(nodeLog),
                          parser.value(receiverThreads).toInt(), parser.value(targetKind),
                          std::max(1, size.toInt()), parser.value(command), nodeArguments);
            if (rc != 0)
                return rc;
        }
        return 0;
    }
    if (what == QLatin1String("runnow"))
        return benchRunNow(parser.value(samples).toInt(), parser.value(schedules).toInt());
    if (what == QLatin1String("failover"))
        return benchFailover(parser.value(kills).toInt(), parser.isSet(stop),
                             parser.value(ttl).toDouble());
    if (what == QLatin1String("idle"))
        return benchIdle(parser.value(schedules).toInt(), parser.value(seconds).toInt());
    parser.showHelp(2);
}

// Issue 9 §5: one node or a cluster, many HTTP runs in flight to ONE host (127.0.0.1, one
// port), each held by the host for a long time, new ones every minute. Measures when each
// request reaches the host after its slot, the runs per node and the nodes' RSS and CPU as
// the in-flight count grows.
//
//   bench_http_inflight [--jobs 1000] [--hold 600] [--minutes 12] [--period P]
//                       [--nodes N] [--max-parallel M]
//
// Job i fires at second 0 of every minute m with m % P == i % P (P = hold / 60 unless
// given; P = 1 is cron "* * * * *"), so jobs / P runs start every minute and, once the first
// ones are answered, jobs * hold / (60 P) are in flight. With --nodes N the first node holds
// the lease and assigns runs to all N (one store). Each node runs with --max-parallel M
// (default 2 * jobs). CRONHELM_BENCH_NODE names another cronhelm-node binary to compare
// with (see BenchCluster).

#include "benchcluster.h"

#include <httptestserver.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace Cronhelm;
using namespace Cronhelm::Bench;
using Test::HttpTestServer;
using Test::RecordedRequest;

namespace {

void printPercentiles(const char *what, const Percentiles &p)
{
    std::printf("%s: n=%lld p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms\n", what,
                static_cast<long long>(p.count), p.p50, p.p90, p.p99, p.max);
}

int run(int jobs, int holdSeconds, int minutes, int period, int nodes, int maxParallel)
{
    if (period <= 0)
        period = std::max(1, holdSeconds / 60); // minutes between two runs of a job
    const qint64 inFlight = qint64(jobs) * std::max(1, holdSeconds / 60) / period;
    // The host (this process) holds one socket per call in flight, each node its share; the
    // nodes inherit this process's limit.
    const qint64 fileLimit = BenchCluster::raiseOpenFileLimit(inFlight + 1024);
    if (fileLimit >= 0 && fileLimit < inFlight + 256) {
        std::fprintf(stderr, "open file limit %lld is too low for %lld calls in flight\n",
                     static_cast<long long>(fileLimit), static_cast<long long>(inFlight));
        return 1;
    }
    BenchCluster cluster;
    HttpTestServer host;
    if (!cluster.startStore() || !host.listen())
        return 1;
    Test::TestResponse held;
    held.delay = std::chrono::seconds(holdSeconds);
    held.body = "synced";
    host.setDefaultResponse(held);
    QList<std::pair<int, qint64>> arrivals; // job index, arrival (us)
    qint64 answered = 0;
    QObject::connect(&host, &HttpTestServer::requestReceived, &host,
                     [&arrivals](const RecordedRequest &r) {
                         arrivals.append({r.path.section(QLatin1Char('/'), 2, 2).toInt(), nowUs()});
                     });

    const QString cronSql = period == 1
        ? QStringLiteral("'* * * * *'")
        : QStringLiteral("format('%s-59/%1 * * * *', i % %1)").arg(period);
    cluster.sql(
        QStringLiteral(
            "INSERT INTO cronhelm.jobs (name, target_type, target, schedule_kind, cron_expr,"
            " time_zone, concurrency, timeout_s)"
            " SELECT 'hold-' || i, 'http', jsonb_build_object('url',"
            " format('http://127.0.0.1:%1/j/%s', i)), 'cron', %2, 'UTC', 'allow', %3"
            " FROM generate_series(0, %4 - 1) AS i")
            .arg(host.port())
            .arg(cronSql)
            .arg(holdSeconds + 300)
            .arg(jobs));
    if (maxParallel <= 0)
        maxParallel = jobs * 2;
    if (!cluster.startNodes(nodes,
                            {QStringLiteral("--max-parallel"), QString::number(maxParallel)}))
        return 1;
    // Measure from the next whole minute.
    const qint64 startMs = ((QDateTime::currentMSecsSinceEpoch() + 1000) / 60000 + 1) * 60000;
    spin(startMs - 500 - QDateTime::currentMSecsSinceEpoch());
    // Calls of a slot passed while the nodes were starting stay in flight (and are counted
    // as such) but out of the figures, which cover the slots from startMs on.
    qint64 received = arrivals.size();
    std::printf("bench_http_inflight: %d node(s), --max-parallel %d each; %d jobs, each call "
                "held %d s by one host (127.0.0.1:%u), %d new runs a minute, %d minutes; open "
                "file limit %lld\n",
                nodes, maxParallel, jobs, holdSeconds, host.port(), jobs / period, minutes,
                static_cast<long long>(fileLimit));
    std::printf("minute  arrived  in-flight(at host)  nodes' RSS MiB  nodes' CPU %% (that "
                "minute)  running per node (store)\n");
    double cpuBefore = cluster.cpuSecondsOfNodes();
    const double cpuAtStart = cpuBefore;
    // The last minute's figures, taken a second before its end.
    QString runningAtEnd;
    QString busyAtEnd;
    QString rssAtEnd;
    for (int m = 1; m <= minutes; ++m) {
        spin(startMs + m * 60000 - 1000 - QDateTime::currentMSecsSinceEpoch());
        // The host's count first: the store queries below block this thread, which also
        // serves the host, and may end after the next slot's runs were assigned (counted as
        // queued in busyPerNode, not as running).
        const qint64 arrivedThisMinute = arrivals.size() - received;
        received = arrivals.size();
        // Each request is answered holdSeconds after it arrived.
        const qint64 cutoff = nowUs() - qint64(holdSeconds) * 1000000;
        answered = 0;
        for (const auto &[job, at] : std::as_const(arrivals))
            answered += at <= cutoff ? 1 : 0;
        const double cpu = cluster.cpuSecondsOfNodes();
        runningAtEnd = cluster.runningPerNode();
        busyAtEnd = cluster.busyPerNode();
        rssAtEnd = cluster.rssPerNode();
        std::printf("%6d  %7lld  %18lld  %14lld  %8.1f  %s\n", m,
                    static_cast<long long>(arrivedThisMinute),
                    static_cast<long long>(received - answered),
                    static_cast<long long>(cluster.rssKiBOfNodes() / 1024),
                    100.0 * (cpu - cpuBefore) / 60.0, qPrintable(runningAtEnd));
        std::fflush(stdout);
        cpuBefore = cpu;
        spin(1000);
    }
    const qint64 endMs = startMs + qint64(minutes) * 60000;

    // Lateness: arrival minus the job's latest slot at or before the arrival.
    QList<double> lateness;
    qsizetype withinMinute = 0;
    for (const auto &[job, at] : std::as_const(arrivals)) {
        const qint64 atMs = at / 1000;
        qint64 slotMs = atMs - atMs % 60000;
        while ((slotMs / 60000) % period != job % period)
            slotMs -= 60000;
        if (slotMs < startMs || slotMs >= endMs)
            continue;
        const double late = double(at - slotMs * 1000) / 1000.0;
        lateness.append(late);
        withinMinute += late < 60000.0 ? 1 : 0;
    }
    qint64 expected = 0;
    for (qint64 slot = startMs; slot < endMs; slot += 60000)
        for (int i = 0; i < jobs; ++i)
            expected += (slot / 60000) % period == i % period ? 1 : 0;
    std::printf("requests at the host: %lld of %lld slots; %lld within their minute\n",
                static_cast<long long>(lateness.size()), static_cast<long long>(expected),
                static_cast<long long>(withinMinute));
    printPercentiles("  arrival at the host after the slot", percentiles(lateness));

    // The node's own record: runs.started_at - scheduled_for for the window.
    const QString window = QStringLiteral("trigger = 'schedule' AND scheduled_for >= "
                                          "to_timestamp(%1 / 1e3) AND scheduled_for < "
                                          "to_timestamp(%2 / 1e3)")
                               .arg(startMs)
                               .arg(endMs);
    QList<double> recorded;
    for (const QString &value :
         cluster
             .sql(QStringLiteral("SELECT string_agg((extract(epoch FROM started_at - "
                                 "scheduled_for) * 1000)::text, ',') FROM cronhelm.runs WHERE "
                                 "%1 AND started_at IS NOT NULL")
                      .arg(window))
             .split(QLatin1Char(','), Qt::SkipEmptyParts))
        recorded.append(value.toDouble());
    printPercentiles("  runs.started_at after the slot (store)", percentiles(recorded));
    // Each node's own view, from its log: slot -> request written to its connection (us).
    for (int n = 0; n < cluster.nodeCount(); ++n) {
        QList<double> started;
        for (const LoggedStart &start : cluster.loggedStarts(n)) {
            if (start.slotUs >= startMs * 1000 && start.slotUs < endMs * 1000)
                started.append(start.lateMs);
        }
        printPercentiles(
            qPrintable(
                QStringLiteral("  bench-%1 log: slot -> request written").arg(QChar(u'a' + n))),
            percentiles(started));
    }
    std::printf("  runs per node: %s\n", qPrintable(cluster.runsPerNode(window)));
    std::printf("  runs that started > 1 s after their slot (or not at all) while a node had a "
                "free slot: %s\n",
                qPrintable(cluster.lateWhileCapacityFree(window)));
    std::printf("  1 s before the end: running per node %s; queued or running / capacity %s\n",
                qPrintable(runningAtEnd), qPrintable(busyAtEnd));
    std::printf("  1 s before the end: RSS %s; CPU of all nodes over the %d minutes %.1f %% of "
                "one core\n",
                qPrintable(rssAtEnd), minutes,
                100.0 * (cpuBefore - cpuAtStart) / (double(minutes) * 60.0));
    std::printf("  runs by status: %s\n",
                qPrintable(cluster.sql(QStringLiteral(
                    "SELECT string_agg(status || ' ' || n, ', ') FROM (SELECT status, count(*) n "
                    "FROM cronhelm.runs GROUP BY status ORDER BY status) s"))));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("One node, many long HTTP calls in flight to one host."));
    parser.addHelpOption();
    const QCommandLineOption jobs(QStringLiteral("jobs"), QStringLiteral("Jobs."),
                                  QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption hold(QStringLiteral("hold"),
                                  QStringLiteral("Seconds the host holds each call (a multiple "
                                                 "of 60)."),
                                  QStringLiteral("s"), QStringLiteral("600"));
    const QCommandLineOption minutes(QStringLiteral("minutes"), QStringLiteral("Minutes measured."),
                                     QStringLiteral("n"), QStringLiteral("12"));
    const QCommandLineOption period(
        QStringLiteral("period"),
        QStringLiteral("Minutes between two runs of a job (default hold / 60; 1: every minute)."),
        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption nodes(QStringLiteral("nodes"),
                                   QStringLiteral("Node processes on the one store."),
                                   QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption maxParallel(QStringLiteral("max-parallel"),
                                         QStringLiteral("Each node's --max-parallel (default 2 * "
                                                        "jobs)."),
                                         QStringLiteral("n"), QStringLiteral("0"));
    parser.addOptions({jobs, hold, minutes, period, nodes, maxParallel});
    parser.process(app);
    return run(parser.value(jobs).toInt(), parser.value(hold).toInt(),
               parser.value(minutes).toInt(), parser.value(period).toInt(),
               std::max(1, parser.value(nodes).toInt()), parser.value(maxParallel).toInt());
}

// Issue 9 §5: one node, many HTTP runs in flight to ONE host (127.0.0.1, one port), each
// held by the host for a long time, new ones every minute. Measures when each request
// reaches the host after its slot, and the node's RSS and CPU as the in-flight count grows.
//
//   bench_http_inflight [--jobs 1000] [--hold 600] [--minutes 12]
//
// Job i fires at second 0 of every minute m with m % (hold / 60) == i % (hold / 60), so
// jobs / (hold / 60) runs start every minute and, once the first ones are answered, `jobs`
// are in flight. The node runs with --max-parallel above that. CRONHELM_BENCH_NODE names
// another cronhelm-node binary to compare with (see BenchCluster).

#include "benchcluster.h"

#include <httptestserver.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QRegularExpression>
#include <QTimer>

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

int run(int jobs, int holdSeconds, int minutes)
{
    const int period = std::max(1, holdSeconds / 60); // minutes between two runs of a job
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

    cluster.sql(
        QStringLiteral(
            "INSERT INTO cronhelm.jobs (name, target_type, target, schedule_kind, cron_expr,"
            " time_zone, concurrency, timeout_s)"
            " SELECT 'hold-' || i, 'http', jsonb_build_object('url',"
            " format('http://127.0.0.1:%1/j/%s', i)), 'cron',"
            " format('%s-59/%2 * * * *', i % %2), 'UTC', 'allow', %3"
            " FROM generate_series(0, %4 - 1) AS i")
            .arg(host.port())
            .arg(period)
            .arg(holdSeconds + 300)
            .arg(jobs));
    const int node =
        cluster.startNode(QStringLiteral("bench-inflight"), 10.0,
                          {QStringLiteral("--max-parallel"), QString::number(jobs * 2)});
    if (!cluster.waitForLog(node, QStringLiteral("jobs loaded"), 60000)) {
        std::fprintf(stderr, "node did not start:\n%s\n", qPrintable(cluster.log(node)));
        return 1;
    }
    const qint64 pid = cluster.nodePid(node);
    // Measure from the next whole minute.
    const qint64 startMs = (QDateTime::currentMSecsSinceEpoch() / 60000 + 1) * 60000;
    spin(startMs - 500 - QDateTime::currentMSecsSinceEpoch());
    arrivals.clear(); // before the first measured slot: nothing is in flight yet
    std::printf("bench_http_inflight: %d jobs, each call held %d s by one host (127.0.0.1:%u), "
                "%d new runs a minute, %d minutes\n",
                jobs, holdSeconds, host.port(), jobs / period, minutes);
    std::printf("minute  arrived  in-flight(at host)  node RSS MiB  node CPU %% (that minute)\n");
    double cpuBefore = BenchCluster::cpuSeconds(pid);
    qint64 received = 0;
    for (int m = 1; m <= minutes; ++m) {
        spin(startMs + m * 60000 - 1000 - QDateTime::currentMSecsSinceEpoch());
        const double cpu = BenchCluster::cpuSeconds(pid);
        const qint64 arrivedThisMinute = arrivals.size() - received;
        received = arrivals.size();
        // Each request is answered holdSeconds after it arrived.
        const qint64 cutoff = nowUs() - qint64(holdSeconds) * 1000000;
        answered = 0;
        for (const auto &[job, at] : std::as_const(arrivals))
            answered += at <= cutoff ? 1 : 0;
        std::printf("%6d  %7lld  %18lld  %12lld  %8.1f\n", m,
                    static_cast<long long>(arrivedThisMinute),
                    static_cast<long long>(received - answered),
                    static_cast<long long>(BenchCluster::rssKiB(pid) / 1024),
                    100.0 * (cpu - cpuBefore) / 60.0);
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
    QList<double> recorded;
    for (const QString &value :
         cluster
             .sql(QStringLiteral("SELECT string_agg((extract(epoch FROM started_at - "
                                 "scheduled_for) * 1000)::text, ',') FROM cronhelm.runs WHERE "
                                 "scheduled_for >= to_timestamp(%1 / 1e3) AND scheduled_for < "
                                 "to_timestamp(%2 / 1e3) AND started_at IS NOT NULL")
                      .arg(startMs)
                      .arg(endMs))
             .split(QLatin1Char(','), Qt::SkipEmptyParts))
        recorded.append(value.toDouble());
    printPercentiles("  runs.started_at after the slot (store)", percentiles(recorded));
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
    parser.addOptions({jobs, hold, minutes});
    parser.process(app);
    return run(parser.value(jobs).toInt(), parser.value(hold).toInt(),
               parser.value(minutes).toInt());
}

// Retention at scale (docs/benchmarks.md, "Retention"): a history of 10 million runs (with a
// log chunk each and 1 % retries), then
//   1. what deleting a few old runs costs with and without the index on first_run_id
//      (the foreign-key check of every deleted row),
//   2. the fire path's cost per run (fire_slots, mark_started, finish_runs: what the executor
//      does for every slot) with the index set of schema 4 and of schema 6, alternated,
//   3. a real cronhelm-node firing shell jobs every second: fire precision for a baseline
//      window, then while its RetentionSweeper deletes ~1 million old runs and their logs
//      (policy changed from "keep 100 years" to "keep 360 days" of a 400-day history), and
//      how long that took.
// With --large-keep N it measures only this instead (schema 14): one job of N + 10,000 old
// runs under keep_runs = N; the time of each retention_sweep(500) when the job's boundary is
// found again for every batch (the cursor cut back to schema 6's two fields) against when it
// is carried in the cursor.
//
// bench_retention [--runs N] [--jobs N] [--firing N] [--baseline S] [--fire-rounds N]
// bench_retention --large-keep N

#include "benchcluster.h"

#include <pqxx/pqxx>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QThread>

#include <cstdio>

using namespace Cronhelm;
using namespace Cronhelm::Bench;

namespace {

QElapsedTimer g_clock;

void say(const char *format, auto... args)
{
    std::printf("[%7.1f s] ", double(g_clock.elapsed()) / 1000.0);
    std::printf(format, args...);
    std::printf("\n");
    std::fflush(stdout);
}

double timed(pqxx::connection &c, const std::string &sql)
{
    QElapsedTimer t;
    t.start();
    pqxx::nontransaction tx(c);
    tx.exec(sql);
    return double(t.nsecsElapsed()) / 1e9;
}

std::string scalar(pqxx::connection &c, const std::string &sql)
{
    pqxx::nontransaction tx(c);
    const pqxx::result r = tx.exec(sql);
    return r.empty() || r[0][0].is_null() ? std::string() : r[0][0].c_str();
}

// Lets the event loop read the node's output while waiting.
void pump(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
}

QList<double> fireDelays(const QString &log)
{
    static const QRegularExpression started(QStringLiteral("started (-?[0-9.]+) ms after it"));
    QList<double> out;
    for (auto it = started.globalMatch(log); it.hasNext();)
        out.append(it.next().captured(1).toDouble());
    return out;
}

void printPrecision(const char *what, const QList<double> &delays)
{
    const Percentiles p = percentiles(delays);
    say("fire precision %s: %lld starts, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", what,
        static_cast<long long>(p.count), p.p50, p.p90, p.p99, p.max);
}

// The executor's work for `jobs` slots at once, `rounds` times: fire_slots (reserved), then
// mark_started, then finish_runs, each its own statement as on the node. Returns µs per run.
double firePathCost(pqxx::connection &c, qint64 term, qint64 firstJob, int jobs, int rounds,
                    int &slotSeq)
{
    QElapsedTimer t;
    qint64 ns = 0;
    for (int r = 0; r < rounds; ++r) {
        const std::string slot = "timestamptz '2100-01-01 00:00:00Z' + " + std::to_string(++slotSeq)
            + " * interval '1 s'";
        const std::string ids = "(SELECT array_agg(g) FROM generate_series("
            + std::to_string(firstJob) + ", " + std::to_string(firstJob + jobs - 1) + ") g)";
        const std::string n = std::to_string(jobs);
        t.start();
        pqxx::nontransaction tx(c);
        const pqxx::result fired =
            tx.exec("SELECT array_agg(run_id)::text FROM cronhelm.fire_slots('bench', "
                    + std::to_string(term) + ", " + ids + ", array_fill(" + slot + ", ARRAY[" + n
                    + "]), array_fill('schedule'::text, ARRAY[" + n
                    + "]), array_fill('reserved'::text, ARRAY[" + n
                    + "]), array_fill(NULL::text, ARRAY[" + n + "]))");
        const std::string runIds = std::string("'") + fired[0][0].c_str() + "'::bigint[]";
        tx.exec("SELECT cronhelm.mark_started('bench', " + runIds
                + ", array_fill(clock_timestamp(), ARRAY[" + n + "]))");
        tx.exec("SELECT count(*) FROM cronhelm.finish_runs('bench', " + runIds
                + ", array_fill('succeeded'::text, ARRAY[" + n + "]), array_fill(0, ARRAY[" + n
                + "]), array_fill(NULL::integer, ARRAY[" + n + "]), array_fill(NULL::text, ARRAY["
                + n + "]), array_fill(0::bigint, ARRAY[" + n + "]), array_fill(false, ARRAY[" + n
                + "]), array_fill(clock_timestamp(), ARRAY[" + n
                + "]), array_fill(NULL::timestamptz, ARRAY[" + n + "]))");
        ns += t.nsecsElapsed();
    }
    return double(ns) / 1000.0 / double(rounds * jobs);
}

// --large-keep: the cost of a sweep batch under a large keep_runs, boundary found per batch
// (as schema 6 did) against carried in the cursor (schema 14).
int largeKeep(pqxx::connection &c, qint64 keep)
{
    const int batch = 500;
    const int calls = 10;
    timed(c,
          "SELECT cronhelm.create_job(jsonb_build_object('name', 'kept', 'target_type', 'shell',"
          " 'target', jsonb_build_object('command', 'true'), 'cron', '0 0 1 1 *'))");
    timed(c, "SELECT cronhelm.set_retention_policy(1, " + std::to_string(keep) + ")");
    const qint64 total = keep + 2 * batch * calls;
    QElapsedTimer load;
    load.start();
    timed(c,
          "INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, due_at, created_at,"
          " started_at, finished_at, status)"
          " SELECT (SELECT min(id) FROM cronhelm.jobs), 'schedule', t, t, t, t, t, 'succeeded'"
          " FROM generate_series(1, "
              + std::to_string(total)
              + ") g, LATERAL (SELECT now() - interval '10 days' + g * interval '1 ms' AS t) s"
                " ORDER BY g");
    timed(c, "VACUUM ANALYZE cronhelm.runs");
    say("one job, %lld runs 10 days old, keep_runs %lld: loaded in %.1f s",
        static_cast<long long>(total), static_cast<long long>(keep),
        double(load.elapsed()) / 1000.0);
    for (const bool carried : {false, true}) {
        QList<double> ms;
        qint64 deleted = 0;
        for (int i = 0; i < calls; ++i) {
            if (!carried) {
                timed(c,
                      "UPDATE cronhelm.settings SET value = split_part(value, ',', 1) || ','"
                      " || split_part(value, ',', 2) WHERE key = 'retention_sweep_cursor'");
            }
            QElapsedTimer t;
            t.start();
            deleted += std::stoll(
                scalar(c, "SELECT cronhelm.retention_sweep(" + std::to_string(batch) + ")"));
            ms.append(double(t.nsecsElapsed()) / 1e6);
        }
        const Percentiles p = percentiles(ms);
        say("retention_sweep(%d) x %d, boundary %s: %lld runs deleted; per batch p50 %.1f ms,"
            " max %.1f ms, first %.1f ms",
            batch, calls,
            carried ? "carried in the cursor (schema 14)" : "found per batch (schema 6)",
            static_cast<long long>(deleted), p.p50, p.max, ms.first());
    }
    say("left: %s runs", scalar(c, "SELECT count(*) FROM cronhelm.runs").c_str());
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("History size."),
                                        QStringLiteral("n"), QStringLiteral("10000000"));
    const QCommandLineOption jobsOption(QStringLiteral("jobs"),
                                        QStringLiteral("Jobs the history belongs to."),
                                        QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption firingOption(QStringLiteral("firing"),
                                          QStringLiteral("Shell jobs firing every second."),
                                          QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption baselineOption(QStringLiteral("baseline"),
                                            QStringLiteral("Seconds of firing before the sweep."),
                                            QStringLiteral("s"), QStringLiteral("60"));
    const QCommandLineOption roundsOption(
        QStringLiteral("fire-rounds"),
        QStringLiteral("Fire-path rounds of 100 slots per index set."), QStringLiteral("n"),
        QStringLiteral("200"));
    const QCommandLineOption timeoutOption(QStringLiteral("sweep-timeout"),
                                           QStringLiteral("Give up on the sweep after this long."),
                                           QStringLiteral("s"), QStringLiteral("14400"));
    const QCommandLineOption largeKeepOption(
        QStringLiteral("large-keep"),
        QStringLiteral("Measure only sweep batches of one job under this keep_runs."),
        QStringLiteral("n"), QStringLiteral("0"));
    parser.addOptions({runsOption, jobsOption, firingOption, baselineOption, roundsOption,
                       timeoutOption, largeKeepOption});
    parser.process(app);
    const qint64 runs = parser.value(runsOption).toLongLong();
    const int jobs = parser.value(jobsOption).toInt();
    const int firing = parser.value(firingOption).toInt();
    const int baseline = parser.value(baselineOption).toInt();
    const int rounds = parser.value(roundsOption).toInt();
    const int sweepTimeout = parser.value(timeoutOption).toInt();
    g_clock.start();

    BenchCluster cluster;
    if (!cluster.startStore())
        return 1;
    pqxx::connection c(cluster.conninfo().toStdString());
    timed(c, "SET maintenance_work_mem = '1GB'");
    if (const qint64 keep = parser.value(largeKeepOption).toLongLong(); keep > 0)
        return largeKeep(c, keep);

    // The history ---------------------------------------------------------------------------
    timed(c,
          "SELECT count(cronhelm.create_job(jsonb_build_object('name', 'history ' || g,"
          " 'target_type', 'shell', 'target', jsonb_build_object('command', 'true'),"
          " 'cron', '0 0 1 1 *', 'misfire', 'skip'))) FROM generate_series(1, "
              + std::to_string(jobs) + ") g");
    const qint64 firstJob = std::stoll(scalar(c, "SELECT min(id) FROM cronhelm.jobs"));
    timed(c, "SELECT cronhelm.set_retention_policy(36500, 100)");
    // Bulk load without the secondary indexes and the foreign-key triggers, then build the
    // indexes once: the same end state as years of inserts, in minutes.
    const std::string indexDefs =
        scalar(c,
               "SELECT string_agg(pg_get_indexdef(indexrelid), ';') FROM pg_index"
               " WHERE indrelid = 'cronhelm.runs'::regclass AND NOT indisprimary");
    const std::string indexNames =
        scalar(c,
               "SELECT string_agg('cronhelm.' || relname, ', ') FROM pg_index JOIN pg_class"
               " ON pg_class.oid = indexrelid WHERE indrelid = 'cronhelm.runs'::regclass"
               " AND NOT indisprimary");
    say("runs has %s indexes besides its primary key (schema 6)",
        scalar(c,
               "SELECT count(*) FROM pg_index WHERE indrelid = 'cronhelm.runs'::regclass"
               " AND NOT indisprimary")
            .c_str());
    timed(c, "DROP INDEX " + indexNames);
    timed(c, "SET session_replication_role = replica");
    const qint64 chunk = 1000000;
    QElapsedTimer load;
    load.start();
    for (qint64 from = 0; from < runs; from += chunk) {
        const qint64 to = std::min(runs, from + chunk) - 1;
        timed(c,
              "INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, due_at, created_at,"
              " started_at, finished_at, status, node_id, term, exit_code, log_bytes)"
              " SELECT "
                  + std::to_string(firstJob) + " + g % " + std::to_string(jobs)
                  + ", 'schedule', t, t, t,"
                    " t + interval '10 ms', t + interval '800 ms',"
                    " CASE WHEN g % 20 = 7 THEN 'failed' ELSE 'succeeded' END, 'node-a', 1,"
                    " CASE WHEN g % 20 = 7 THEN 1 ELSE 0 END, 32"
                    " FROM generate_series("
                  + std::to_string(from) + ", " + std::to_string(to)
                  + ") g,"
                    " LATERAL (SELECT now() - interval '400 days' + interval '400 days' * "
                    "(g::float8 / "
                  + std::to_string(runs) + ") AS t) s ORDER BY g");
        say("loaded %lld runs", static_cast<long long>(to + 1));
    }
    // About 1 % are retries of the job's previous run, which is a first attempt (first_run_id
    // always names the first attempt).
    timed(c,
          "UPDATE cronhelm.runs SET trigger = 'retry', attempt = 2, first_run_id = id - "
              + std::to_string(jobs) + " WHERE id % 97 = 0 AND id > " + std::to_string(jobs)
              + " AND (id - " + std::to_string(jobs) + ") % 97 <> 0");
    for (qint64 from = 0; from < runs; from += chunk) {
        timed(c,
              "INSERT INTO cronhelm.run_logs (run_id, seq, at, stream, data)"
              " SELECT id, 0, finished_at, 'stdout', 'processed 1234 records in 0.8 s' || chr(10)"
              " FROM cronhelm.runs WHERE id > "
                  + std::to_string(from) + " AND id <= " + std::to_string(from + chunk)
                  + " ORDER BY id");
    }
    timed(c, "SET session_replication_role = origin");
    say("history of %lld runs and as many log chunks loaded in %.1f s",
        static_cast<long long>(runs), double(load.elapsed()) / 1000.0);
    QElapsedTimer build;
    build.start();
    timed(c, indexDefs);
    timed(c, "VACUUM ANALYZE cronhelm.runs");
    timed(c, "VACUUM ANALYZE cronhelm.run_logs");
    say("indexes built and tables analysed in %.1f s; runs %s, run_logs %s",
        double(build.elapsed()) / 1000.0,
        scalar(c, "SELECT pg_size_pretty(pg_total_relation_size('cronhelm.runs'))").c_str(),
        scalar(c, "SELECT pg_size_pretty(pg_total_relation_size('cronhelm.run_logs'))").c_str());
    const std::string due = scalar(
        c, "SELECT count(*) FROM cronhelm.runs WHERE finished_at < now() - interval '360 days'");
    say("runs older than 360 days: %s", due.c_str());

    // 1. The foreign-key check of a deleted run -------------------------------------------
    const std::string fewOld = "DELETE FROM cronhelm.runs WHERE id IN ("
        + scalar(c,
                 "SELECT string_agg(id::text, ',') FROM (SELECT id FROM cronhelm.runs r"
                 " WHERE finished_at < now() - interval '360 days' AND first_run_id IS NULL"
                 " AND NOT EXISTS (SELECT 1 FROM cronhelm.runs x WHERE x.first_run_id = r.id)"
                 " ORDER BY id LIMIT 20) s")
        + ")";
    {
        timed(c, "BEGIN");
        timed(c, "DROP INDEX cronhelm.runs_first_run_id");
        const double without = timed(c, fewOld);
        timed(c, "ROLLBACK");
        timed(c, "BEGIN");
        const double with = timed(c, fewOld);
        timed(c, "ROLLBACK");
        say("deleting 20 runs: %.3f s without an index on first_run_id (schema 4), %.4f s with it"
            " (%.0f x)",
            without, with, without / with);
    }

    // 2. The fire path's cost per run, index set of schema 4 against schema 6 --------------
    const qint64 term = std::stoll(scalar(c, "SELECT cronhelm.acquire_lease('bench', 3600)"));
    int slotSeq = 0;
    firePathCost(c, term, firstJob, 100, 20, slotSeq); // warm-up
    double old4 = 0;
    double new6 = 0;
    for (int rep = 0; rep < 2; ++rep) {
        new6 += firePathCost(c, term, firstJob, 100, rounds, slotSeq);
        timed(c, "CREATE INDEX runs_scheduled_for ON cronhelm.runs (scheduled_for)");
        timed(c, "DROP INDEX cronhelm.runs_first_run_id");
        old4 += firePathCost(c, term, firstJob, 100, rounds, slotSeq);
        timed(c, "DROP INDEX cronhelm.runs_scheduled_for");
        timed(c,
              "CREATE INDEX runs_first_run_id ON cronhelm.runs (first_run_id)"
              " WHERE first_run_id IS NOT NULL");
    }
    say("fire path per run (fire_slots + mark_started + finish_runs, 100 slots a call, %d calls"
        " x 2 each): schema 4 indexes %.1f us, schema 6 indexes %.1f us (%+.1f %%)",
        rounds, old4 / 2, new6 / 2, (new6 - old4) / old4 * 100.0);
    timed(c, "SELECT cronhelm.release_lease('bench')");

    // 3. A node fires while it sweeps ------------------------------------------------------
    timed(c,
          "SELECT count(cronhelm.create_job(jsonb_build_object('name', 'tick ' || g,"
          " 'target_type', 'shell', 'target', jsonb_build_object('command', 'true'),"
          " 'cron', '* * * * * *', 'concurrency', 'allow'))) FROM generate_series(1, "
              + std::to_string(firing) + ") g");
    qputenv("CRONHELM_NODE_TEST_RETENTION_REST_MS", "2000");
    const int node = cluster.startNode(QStringLiteral("bench-node"));
    if (!cluster.waitForLog(node, QStringLiteral("jobs loaded"), 60000)) {
        std::fprintf(stderr, "the node did not load its jobs:\n%s\n",
                     qPrintable(cluster.log(node)));
        return 1;
    }
    pump(5000);
    qsizetype mark = cluster.log(node).size();
    say("baseline: %d jobs firing every second for %d s", firing, baseline);
    pump(baseline * 1000);
    const QList<double> before = fireDelays(cluster.log(node).mid(mark));
    mark = cluster.log(node).size();

    const std::string firstId = scalar(c, "SELECT min(id) FROM cronhelm.runs");
    timed(c, "SELECT cronhelm.set_retention_policy(360, 100)");
    QElapsedTimer sweep;
    sweep.start();
    qint64 startedMs = -1;
    while (!cluster.log(node).mid(mark).contains(QLatin1String("retention: deleted"))) {
        pump(200);
        if (startedMs < 0 && scalar(c, "SELECT min(id) FROM cronhelm.runs") != firstId)
            startedMs = sweep.elapsed();
        if (sweep.elapsed() > 1000LL * sweepTimeout) {
            std::fprintf(stderr, "the sweep did not end within %d s; the node's log ends:\n%s\n",
                         sweepTimeout, qPrintable(cluster.log(node).right(3000)));
            return 1;
        }
    }
    const qint64 endedMs = sweep.elapsed();
    const QString tail = cluster.log(node).mid(mark);
    const QList<double> during = fireDelays(tail);
    static const QRegularExpression deletedLine(QStringLiteral("retention: deleted (\\d+) runs"));
    const qint64 deleted = deletedLine.match(tail).captured(1).toLongLong();
    const double seconds = double(endedMs - std::max<qint64>(startedMs, 0)) / 1000.0;
    say("sweep: %lld runs (and their logs) deleted in %.1f s from the first batch (%.1f s after the"
        " policy changed), %.0f runs/s",
        static_cast<long long>(deleted), seconds, double(endedMs) / 1000.0,
        double(deleted) / seconds);
    printPrecision("before the sweep", before);
    printPrecision("during the sweep", during);
    say("left: %s runs, %s older than 360 days (the last 100 of their job)",
        scalar(c, "SELECT count(*) FROM cronhelm.runs").c_str(),
        scalar(c,
               "SELECT count(*) FROM cronhelm.runs WHERE finished_at < now() - interval '360 days'")
            .c_str());
    say("missed or late ticks: %s slots without a run in the measured time",
        scalar(c,
               "SELECT count(*) FROM (SELECT scheduled_for - lag(scheduled_for) OVER"
               " (PARTITION BY job_id ORDER BY scheduled_for) AS step FROM cronhelm.runs"
               " WHERE job_id > "
                   + std::to_string(firstJob + jobs - 1) + ") s WHERE step > interval '1 second'")
            .c_str());
    return 0;
}

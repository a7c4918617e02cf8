// The desktop app's run history on a large store: the real RunHistoryModel and StoreClient
// (store thread, results by signal) paging through millions of runs on the offscreen
// platform, the longest GUI-thread stall seen by the event loop, and the CSV export
// (RunStore::exportCsv) against psql's \copy of the same SELECT.
//
//   bench_history [--runs N] [--paging-rows N] [--export-rows N]

#include "benchcluster.h"
#include "benchgui.h"

#include <runhistorymodel.h>
#include <store/historyquery.h>
#include <store/runstore.h>
#include <store/storeconnection.h>
#include <storeclient.h>

#include <pqxx/pqxx>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Cronhelm;
using Cronhelm::Bench::BenchCluster;
using Cronhelm::Bench::StallMeter;
using Cronhelm::Bench::waitFor;

namespace {

QString execNoTx(const QString &conninfo, const QString &statement)
{
    pqxx::connection c(conninfo.toStdString());
    pqxx::nontransaction tx(c);
    const pqxx::result r = tx.exec(statement.toStdString());
    if (r.empty() || r[0].empty() || r[0][0].is_null())
        return {};
    return QString::fromUtf8(r[0][0].c_str());
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

qint64 countLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    qint64 lines = 0;
    while (!f.atEnd()) {
        const QByteArray chunk = f.read(1 << 22);
        lines += chunk.count('\n');
    }
    return lines;
}

// The SELECT of RunStore::exportCsv (core/store/runstore.cpp), with the since/until filter.
QString exportSelect()
{
    auto isoUtc = [](const char *c) {
        return QStringLiteral("to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")
            .arg(QLatin1String(c));
    };
    auto isoLocal = [](const char *c) {
        return QStringLiteral("to_char(%1 AT TIME ZONE current_setting('cronhelm.f_zone'), "
                              "'YYYY-MM-DD HH24:MI:SS')")
            .arg(QLatin1String(c));
    };
    return QStringLiteral("SELECT run_id, job, trigger, ") + isoUtc("scheduled_for")
        + QStringLiteral(" AS scheduled_for, ") + isoUtc("started_at")
        + QStringLiteral(" AS started_at, ") + isoUtc("finished_at")
        + QStringLiteral(" AS finished_at, status, attempt, node, term, exit_code, http_status, "
                         "duration_ms, triggered_by, error, ")
        + isoLocal("scheduled_for") + QStringLiteral(" AS scheduled_for_local, ")
        + isoLocal("started_at") + QStringLiteral(" AS started_at_local, ")
        + isoLocal("finished_at")
        + QStringLiteral(" AS finished_at_local FROM cronhelm.run_history WHERE true"
                         " AND scheduled_for >= current_setting('cronhelm.f_since')::timestamptz"
                         " AND scheduled_for < current_setting('cronhelm.f_until')::timestamptz"
                         " ORDER BY run_id");
}

const char *verdict(bool ok)
{
    return ok ? "OK" : "MISSED";
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    qint64 runs = 10'000'000;
    qint64 pagingRows = 1'000'000;
    qint64 exportRows = 1'000'000;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--runs"))
            runs = args.at(i + 1).toLongLong();
        else if (args.at(i) == QLatin1String("--paging-rows"))
            pagingRows = args.at(i + 1).toLongLong();
        else if (args.at(i) == QLatin1String("--export-rows"))
            exportRows = args.at(i + 1).toLongLong();
    }
    exportRows = std::min(exportRows, runs / 2);
    pagingRows = std::min(pagingRows, runs);
    const QString localZone = QStringLiteral("Europe/Berlin");

    std::printf("== bench_history: %lld runs, 50 jobs ==\n", runs);
    BenchCluster cluster;
    if (!cluster.startStore())
        return 1;
    const QString conninfo = cluster.conninfo();

    // 1. Load ------------------------------------------------------------------------------
    // A bulk load writes far more WAL than the default max_wal_size (1 GB); without this
    // the load is dominated by forced checkpoints. Reads are unaffected.
    execNoTx(conninfo, QStringLiteral("ALTER SYSTEM SET max_wal_size = '32GB'"));
    execNoTx(conninfo, QStringLiteral("ALTER SYSTEM SET checkpoint_timeout = '1h'"));
    execNoTx(conninfo, QStringLiteral("SELECT pg_reload_conf()"));
    execNoTx(
        conninfo,
        QStringLiteral(
            "INSERT INTO cronhelm.jobs (name, description, owner, target_type, target,"
            " schedule_kind, cron_expr)"
            " SELECT 'job-' || lpad(i::text, 2, '0'), 'benchmark job ' || i, 'bench', 'http',"
            " jsonb_build_object('url', 'https://example.invalid/hook/' || i, 'method', 'POST'),"
            " 'cron', '*/5 * * * *' FROM generate_series(1, 50) i"));
    const qint64 stepMs = 365LL * 24 * 3600 * 1000 / runs;
    const QString insert = QStringLiteral(R"(
INSERT INTO cronhelm.runs (job_id, trigger, triggered_by, scheduled_for, due_at, created_at,
                           started_at, finished_at, status, attempt, node_id, term, exit_code,
                           http_status, error, log_bytes)
SELECT job_id, trig, CASE WHEN trig = 'manual' THEN 'alice' END, sf, sf, sf,
       CASE WHEN st <> 'skipped' THEN sf + (h3 % 900) * interval '1 millisecond' END,
       CASE WHEN st <> 'skipped' THEN sf + (h3 % 900 + dur) * interval '1 millisecond' END,
       st, CASE WHEN trig = 'retry' THEN 2 ELSE 1 END,
       CASE WHEN st <> 'skipped' THEN 'node-' || (1 + (g / 250000) % 3) END,
       CASE WHEN st <> 'skipped' THEN 1 + g / 250000 END,
       NULL,
       CASE st WHEN 'succeeded' THEN 200 WHEN 'failed' THEN 500 END,
       CASE st WHEN 'failed' THEN 'HTTP 500 Internal Server Error'
               WHEN 'timed_out' THEN 'timed out after 60 s'
               WHEN 'skipped' THEN 'previous run still running' END,
       CASE WHEN st <> 'skipped' THEN 200 + h3 % 4000 ELSE 0 END
  FROM (SELECT g, sf, job_id, h3, 20 + (h3 / 1000) % 30000 AS dur,
               CASE WHEN hs < 930 THEN 'succeeded' WHEN hs < 970 THEN 'failed'
                    WHEN hs < 985 THEN 'timed_out' ELSE 'skipped' END AS st,
               CASE WHEN ht < 950 THEN 'schedule' WHEN ht < 980 THEN 'retry'
                    WHEN ht < 990 THEN 'catch_up' ELSE 'manual' END AS trig
          FROM (SELECT g,
                       date_trunc('second', now()) - interval '365 days'
                           + (g * %2) * interval '1 millisecond' AS sf,
                       1 + (hashint8(g) & 2147483647) % 50 AS job_id,
                       (hashint8(g + 1000000000000) & 2147483647) % 1000 AS hs,
                       (hashint8(g + 2000000000000) & 2147483647) % 1000 AS ht,
                       (hashint8(g + 3000000000000) & 2147483647) AS h3
                  FROM generate_series(1::bigint, %1) g) a) b
)")
                               .arg(runs)
                               .arg(stepMs);
    QElapsedTimer t;
    t.start();
    execNoTx(conninfo, insert);
    const double loadS = double(t.elapsed()) / 1000.0;
    t.restart();
    // VACUUM as well as ANALYZE: otherwise autovacuum starts on the fresh table in the
    // middle of the measurements (and the first reader pays for the hint bits).
    execNoTx(conninfo, QStringLiteral("VACUUM (ANALYZE) cronhelm.runs"));
    execNoTx(conninfo, QStringLiteral("ANALYZE cronhelm.jobs"));
    const double vacuumS = double(t.elapsed()) / 1000.0;
    const QString size = execNoTx(
        conninfo, QStringLiteral("SELECT pg_size_pretty(pg_total_relation_size('cronhelm.runs'))"));
    std::printf("\n[1] load\n");
    std::printf("  INSERT ... SELECT generate_series of %lld runs: %.1f s (%.0f rows/s)\n", runs,
                loadS, double(runs) / loadS);
    std::printf("  VACUUM (ANALYZE):                          %.1f s\n", vacuumS);
    std::printf("  cronhelm.runs with indexes:                %s\n", qPrintable(size));
    std::printf("  mix: %s\n",
                qPrintable(execNoTx(
                    conninfo,
                    QStringLiteral("SELECT string_agg(status || ' ' || n, ', ' ORDER BY n DESC)"
                                   " FROM (SELECT status, count(*) n FROM cronhelm.runs"
                                   " GROUP BY status) s"))));
    std::fflush(stdout);

    // 2. GUI-side history ---------------------------------------------------------------------
    StallMeter stalls;
    StoreClient client;
    RunHistoryModel model(&client);
    stalls.start();
    QObject::connect(&client, &StoreClient::connectFailed, [](const QString &m) {
        std::fprintf(stderr, "connect failed: %s\n", qPrintable(m));
    });
    QObject::connect(&model, &RunHistoryModel::loadFailed, [](const QString &m) {
        std::fprintf(stderr, "load failed: %s\n", qPrintable(m));
    });

    std::printf("\n[2] run history in the desktop app's RunHistoryModel (page size 200, "
                "offscreen QApplication)\n");
    stalls.phase("connect + first page");
    t.restart();
    client.connectTo(conninfo);
    double connectedMs = -1;
    QObject::connect(&client, &StoreClient::connected,
                     [&] { connectedMs = double(t.nsecsElapsed()) / 1e6; });
    if (!waitFor([&] { return model.rowCount() > 0; }, 60000)) {
        std::fprintf(stderr, "first page never arrived\n");
        return 1;
    }
    const double firstPageMs = double(t.nsecsElapsed()) / 1e6;
    std::printf("  connect -> first page in model:  %7.1f ms (session ready after %.1f ms)"
                "   target <= 200 ms  %s\n",
                firstPageMs, connectedMs, verdict(firstPageMs <= 200));
    std::printf("    longest GUI stall in this phase: %.1f ms\n", stalls.phaseMax());

    struct Change
    {
        const char *name;
        RunFilter filter;
        int sortColumn = -1;
    };
    RunFilter oneJob;
    oneJob.jobId = 7;
    RunFilter problems;
    problems.statuses = problemStatuses();
    RunFilter timedOut;
    timedOut.statuses = {RunStatus::TimedOut};
    RunFilter jobProblems = problems;
    jobProblems.jobId = 23;
    RunFilter manual;
    manual.triggers = {RunTrigger::Manual};
    RunFilter skipped;
    skipped.statuses = {RunStatus::Skipped};
    const QList<Change> changes = {
        {"one job (job 7)", oneJob},
        {"problems only", problems},
        {"status timed_out", timedOut},
        {"one job + problems only", jobProblems},
        {"trigger manual", manual},
        {"status skipped", skipped},
        {"all runs again", RunFilter{}},
        {"sort by duration (desc)", RunFilter{}, RunHistoryModel::Duration},
        {"sort by scheduled (desc)", RunFilter{}, RunHistoryModel::Scheduled},
        {"sort by run id (desc)", RunFilter{}, RunHistoryModel::Run},
    };
    double worstChange = 0;
    for (const Change &c : changes) {
        stalls.phase(c.name);
        t.restart();
        if (c.sortColumn >= 0)
            model.sort(c.sortColumn, Qt::DescendingOrder);
        else
            model.setFilter(c.filter);
        if (!waitFor([&] { return model.rowCount() > 0 && !model.isLoading(); }, 60000)) {
            std::fprintf(stderr, "filter '%s' never loaded\n", c.name);
            return 1;
        }
        const double ms = double(t.nsecsElapsed()) / 1e6;
        worstChange = std::max(worstChange, ms);
        std::printf("  change to %-26s -> first page: %7.1f ms  (%d rows; GUI stall max %.1f ms)"
                    "  %s\n",
                    c.name, ms, model.rowCount(), stalls.phaseMax(), verdict(ms <= 200));
    }
    std::printf("  worst filter/sort change: %.1f ms   target <= 200 ms  %s\n", worstChange,
                verdict(worstChange <= 200));
    std::fflush(stdout);

    // Scrolling to row N: what a view does at the bottom (canFetchMore -> fetchMore).
    stalls.phase("paging");
    t.restart();
    qint64 lastReport = 0;
    double lastReportS = 0;
    const int pagingTimeoutMs = 600000;
    const bool reached = waitFor(
        [&] {
            const int rows = model.rowCount();
            if (rows >= pagingRows)
                return true;
            if (model.canFetchMore({}))
                model.fetchMore({});
            if (rows - lastReport >= 200000) {
                const double s = double(t.nsecsElapsed()) / 1e9;
                std::printf("    %8d rows after %6.1f s (last 200k at %.0f rows/s)\n", rows, s,
                            double(rows - lastReport) / (s - lastReportS));
                std::fflush(stdout);
                lastReport = rows;
                lastReportS = s;
            }
            return false;
        },
        pagingTimeoutMs);
    const double pagingS = double(t.nsecsElapsed()) / 1e9;
    const int pagedRows = model.rowCount();
    std::printf("  scroll to row %lld by fetchMore: %s %d rows in %.1f s = %.0f rows/s "
                "(%d pages)\n",
                pagingRows, reached ? "reached," : "NOT reached within the time limit:", pagedRows,
                pagingS, double(pagedRows) / pagingS, pagedRows / 200);
    std::printf("    longest GUI stall while paging: %.1f ms (%d gaps > 16 ms)\n",
                stalls.phaseMax(), stalls.phaseOver16());
    std::printf("    process RSS with %d rows in the model: %lld MiB\n", pagedRows,
                BenchCluster::rssKiB(QCoreApplication::applicationPid()) / 1024);

    stalls.phase("filter change with the rows loaded");
    t.restart();
    model.setFilter(problems);
    waitFor([&] { return model.rowCount() > 0 && !model.isLoading(); }, 60000);
    const double bigChangeMs = double(t.nsecsElapsed()) / 1e6;
    std::printf("  filter change (problems only) with %d rows loaded -> first page: %.1f ms "
                "(GUI stall max %.1f ms)  %s\n",
                pagedRows, bigChangeMs, stalls.phaseMax(), verdict(bigChangeMs <= 200));
    stalls.phase("idle");
    waitFor([] { return false; }, 300);
    const double maxStall = stalls.overallMax();
    std::printf("  longest GUI-thread stall overall: %.1f ms (during: %s)\n", maxStall,
                qPrintable(stalls.overallWhere()));
    std::fflush(stdout);

    // 3. CSV export --------------------------------------------------------------------------
    const qint64 fromId = runs / 2;
    const qint64 sinceMs =
        execNoTx(conninfo,
                 QStringLiteral("SELECT (extract(epoch FROM scheduled_for) * 1000)::bigint"
                                " FROM cronhelm.runs WHERE id = %1")
                     .arg(fromId))
            .toLongLong();
    const qint64 untilMs =
        execNoTx(conninfo,
                 QStringLiteral("SELECT (extract(epoch FROM scheduled_for) * 1000)::bigint"
                                " FROM cronhelm.runs WHERE id = %1")
                     .arg(fromId + exportRows))
            .toLongLong();
    RunFilter range;
    range.since = QDateTime::fromMSecsSinceEpoch(sinceMs, Qt::UTC);
    range.until = QDateTime::fromMSecsSinceEpoch(untilMs, Qt::UTC);
    const QString sinceText = QString::fromStdString(toPgTimestamp(range.since));
    const QString untilText = QString::fromStdString(toPgTimestamp(range.until));
    std::printf("\n[3] CSV export of the runs scheduled in [%s, %s)\n", qPrintable(sinceText),
                qPrintable(untilText));

    QTemporaryDir outDir(QStringLiteral("/tmp/cronhelm-bench-csv-XXXXXX"));
    const QString ourFile = outDir.filePath(QStringLiteral("cronhelm.csv"));
    const QString psqlFile = outDir.filePath(QStringLiteral("psql.csv"));
    const QString host =
        conninfo.section(QStringLiteral("host="), 1).section(QLatin1Char(' '), 0, 0);
    const QString port =
        conninfo.section(QStringLiteral("port="), 1).section(QLatin1Char(' '), 0, 0);
    const QString settings = QStringLiteral("SELECT set_config('cronhelm.f_since', '%1', false),"
                                            " set_config('cronhelm.f_until', '%2', false),"
                                            " set_config('cronhelm.f_zone', '%3', false)")
                                 .arg(sinceText, untilText, localZone);
    const QString copy = QStringLiteral("\\copy (") + exportSelect() + QStringLiteral(") TO '")
        + psqlFile + QStringLiteral("' WITH (FORMAT csv, HEADER true)");
    const QStringList psqlArgs = {QStringLiteral("-X"), QStringLiteral("-q"),
                                  QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                                  QStringLiteral("-h"), host,
                                  QStringLiteral("-p"), port,
                                  QStringLiteral("-U"), QStringLiteral("cronhelm"),
                                  QStringLiteral("-d"), QStringLiteral("cronhelm"),
                                  QStringLiteral("-c"), settings,
                                  QStringLiteral("-c"), copy};

    QList<double> ours, theirs;
    qint64 exported = 0;
    for (int round = 0; round < 3; ++round) {
        {
            QFile::remove(ourFile);
            t.restart();
            StoreConnection connection(conninfo);
            QFile out(ourFile);
            out.open(QIODevice::WriteOnly);
            Result<qint64> n = RunStore(connection).exportCsv(range, out, localZone);
            out.close();
            const double s = double(t.nsecsElapsed()) / 1e9;
            if (!n) {
                std::fprintf(stderr, "export failed: %s\n", qPrintable(n.errorMessage()));
                return 1;
            }
            exported = *n;
            ours.append(s);
            std::printf("  round %d  cronhelm RunStore::exportCsv: %6.2f s (%lld rows)\n",
                        round + 1, s, exported);
        }
        {
            QFile::remove(psqlFile);
            QProcess psql;
            psql.setStandardOutputFile(QProcess::nullDevice());
            t.restart();
            psql.start(QStringLiteral("/usr/bin/psql"), psqlArgs);
            psql.waitForFinished(-1);
            const double s = double(t.nsecsElapsed()) / 1e9;
            if (psql.exitCode() != 0) {
                std::fprintf(stderr, "psql failed: %s\n", psql.readAllStandardError().constData());
                return 1;
            }
            theirs.append(s);
            std::printf("  round %d  psql \\copy:                   %6.2f s\n", round + 1, s);
        }
        std::fflush(stdout);
    }
    const qint64 ourLines = countLines(ourFile);
    const qint64 psqlLines = countLines(psqlFile);
    const double ourMedian = median(ours);
    const double psqlMedian = median(theirs);
    const double ratio = (double(exported) / ourMedian) / (double(exported) / psqlMedian);
    std::printf("  cronhelm: median %.2f s = %.0f rows/s  (%lld lines, %lld bytes, CRLF)\n",
                ourMedian, double(exported) / ourMedian, ourLines, QFile(ourFile).size());
    std::printf("  psql:     median %.2f s = %.0f rows/s  (%lld lines, %lld bytes, LF)\n",
                psqlMedian, double(exported) / psqlMedian, psqlLines, QFile(psqlFile).size());
    std::printf("  line counts %s\n", ourLines == psqlLines ? "match" : "DIFFER");
    std::printf("  throughput cronhelm/psql: %.2f   target >= 0.80  %s\n", ratio,
                verdict(ratio >= 0.80));

    // 4. Summary ------------------------------------------------------------------------------
    std::printf("\n== summary (%lld runs) ==\n", runs);
    std::printf("  load (INSERT ... SELECT):        %.1f s, VACUUM ANALYZE %.1f s\n", loadS,
                vacuumS);
    std::printf("  first page after connect:        %.1f ms   (<= 200 ms) %s\n", firstPageMs,
                verdict(firstPageMs <= 200));
    std::printf("  worst filter/sort change:        %.1f ms   (<= 200 ms) %s\n", worstChange,
                verdict(worstChange <= 200));
    std::printf("  change with %d rows loaded:  %.1f ms   (<= 200 ms) %s\n", pagedRows, bigChangeMs,
                verdict(bigChangeMs <= 200));
    std::printf("  paging to row %d:           %.1f s = %.0f rows/s\n", pagedRows, pagingS,
                double(pagedRows) / pagingS);
    std::printf("  longest GUI-thread stall:        %.1f ms (%s)\n", maxStall,
                qPrintable(stalls.overallWhere()));
    std::printf(
        "  CSV export %lld rows:         cronhelm %.2f s, psql %.2f s, ratio %.2f (>= 0.80) %s\n",
        exported, ourMedian, psqlMedian, ratio, verdict(ratio >= 0.80));
    QFile::remove(ourFile);
    QFile::remove(psqlFile);
    return 0;
}

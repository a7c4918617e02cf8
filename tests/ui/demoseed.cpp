// cronhelm-demo-seed CONNINFO: installs the schema and fills a database with sample jobs,
// runs, logs and scheduler nodes, for trying the desktop app and taking its screenshots.
// A developer tool, not a test.

#include <store/jobstore.h>
#include <store/migrator.h>
#include <store/storeconnection.h>

#include <pqxx/pqxx>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

using namespace Cronhelm;

namespace {

QJsonObject http(const QString &name, const QString &owner, const QString &cron,
                 const QString &zone, const QString &url, const QString &description)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("owner"), owner},
            {QStringLiteral("description"), description},
            {QStringLiteral("target_type"), QStringLiteral("http")},
            {QStringLiteral("target"),
             QJsonObject{
                 {QStringLiteral("method"), QStringLiteral("POST")},
                 {QStringLiteral("url"), url},
                 {QStringLiteral("expect_status"), QStringLiteral("200-299")},
                 {QStringLiteral("fail_if_body_matches"), QStringLiteral("\"error\":\\s*true")}}},
            {QStringLiteral("cron"), cron},
            {QStringLiteral("time_zone"), zone},
            {QStringLiteral("timeout_s"), 1800},
            {QStringLiteral("retries"), 2},
            {QStringLiteral("notify"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("kind"), QStringLiteral("slack")},
                 {QStringLiteral("url"), QStringLiteral("https://hooks.slack.example/T000/B000")},
                 {QStringLiteral("on"),
                  QJsonArray{QStringLiteral("failure"), QStringLiteral("recovery")}}}}}};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fputs("usage: cronhelm-demo-seed CONNINFO [RUNS]\n", stderr);
        return 2;
    }
    const QString conninfo = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 5000;
    StoreConnection connection(conninfo);
    if (Result<int> r = Migrator(connection).migrate(); !r) {
        std::fprintf(stderr, "migrate: %s\n", qPrintable(r.errorMessage()));
        return 1;
    }
    JobStore jobs(connection);
    const QList<QJsonObject> specs = {
        http(QStringLiteral("CRM sync (Salesforce → warehouse)"), QStringLiteral("Data team"),
             QStringLiteral("0 2 * * *"), QStringLiteral("Europe/Berlin"),
             QStringLiteral("https://europe-west3-acme.cloudfunctions.net/crm-sync"),
             QStringLiteral("Copies yesterday's CRM changes into the warehouse. Takes ~20 min.")),
        http(QStringLiteral("Invoice run"), QStringLiteral("Finance"),
             QStringLiteral("30 6 * * 1-5"), QStringLiteral("Europe/London"),
             QStringLiteral("https://billing.acme.example/run"),
             QStringLiteral("Creates and sends the day's invoices.")),
        http(QStringLiteral("Stock levels import"), QStringLiteral("Operations"),
             QStringLiteral("*/5 * * * *"), QStringLiteral("Europe/Berlin"),
             QStringLiteral("https://erp.acme.example/api/stock/import"),
             QStringLiteral("Pulls stock levels from the warehouse system.")),
        http(QStringLiteral("US orders export"), QStringLiteral("Sales US"),
             QStringLiteral("0 9 * * 1-5"), QStringLiteral("America/New_York"),
             QStringLiteral("https://orders.acme.example/export"),
             QStringLiteral("Daily order export for the US team.")),
        http(QStringLiteral("Monthly close report"), QStringLiteral("Finance"),
             QStringLiteral("0 18 LW * *"), QStringLiteral("Europe/Berlin"),
             QStringLiteral("https://reports.acme.example/monthly-close"),
             QStringLiteral("Runs on the last weekday of each month.")),
        http(QStringLiteral("Newsletter send"), QStringLiteral("Marketing"),
             QStringLiteral("0 10 * * 2,4"), QStringLiteral("Europe/Paris"),
             QStringLiteral("https://mail.acme.example/campaigns/send"),
             QStringLiteral("Tuesday and Thursday newsletter.")),
        http(QStringLiteral("Search index refresh"), QStringLiteral("Web team"),
             QStringLiteral("15 * * * *"), QStringLiteral("UTC"),
             QStringLiteral("https://search.acme.example/reindex"),
             QStringLiteral("Hourly search index refresh.")),
        http(QStringLiteral("APAC settlement"), QStringLiteral("Finance APAC"),
             QStringLiteral("0 23 * * *"), QStringLiteral("Asia/Singapore"),
             QStringLiteral("https://billing.acme.example/apac/settle"),
             QStringLiteral("Settles the APAC payments.")),
    };
    QList<qint64> ids;
    for (const QJsonObject &spec : specs) {
        Result<qint64> id = jobs.create(spec);
        if (!id) {
            std::fprintf(stderr, "create: %s\n", qPrintable(id.errorMessage()));
            return 1;
        }
        ids.append(*id);
    }
    QJsonObject shell{{QStringLiteral("name"), QStringLiteral("Nightly DB backup")},
                      {QStringLiteral("owner"), QStringLiteral("Platform")},
                      {QStringLiteral("description"),
                       QStringLiteral("pg_dump of the ERP database to object storage.")},
                      {QStringLiteral("target_type"), QStringLiteral("shell")},
                      {QStringLiteral("target"),
                       QJsonObject{{QStringLiteral("command"),
                                    QStringLiteral("/opt/backup/erp-dump.sh --upload")},
                                   {QStringLiteral("workdir"), QStringLiteral("/var/lib/backup")}}},
                      {QStringLiteral("cron"), QStringLiteral("30 1 * * *")},
                      {QStringLiteral("time_zone"), QStringLiteral("Europe/Berlin")}};
    ids.append(*jobs.create(shell));
    QJsonObject once{{QStringLiteral("name"), QStringLiteral("Deploy price list 2027")},
                     {QStringLiteral("owner"), QStringLiteral("Sales ops")},
                     {QStringLiteral("target_type"), QStringLiteral("http")},
                     {QStringLiteral("target"),
                      QJsonObject{{QStringLiteral("url"),
                                   QStringLiteral("https://erp.acme.example/prices/activate")}}},
                     {QStringLiteral("once_local"), QStringLiteral("2027-02-10T03:00:00")},
                     {QStringLiteral("once_at"), QStringLiteral("2027-02-10T02:00:00.000Z")},
                     {QStringLiteral("time_zone"), QStringLiteral("Europe/Berlin")}};
    ids.append(*jobs.create(once));
    (void)jobs.pause(ids.at(5));

    try {
        pqxx::connection c(conninfo.toStdString());
        pqxx::work tx(c);
        tx.exec("SET TimeZone = 'UTC'");
        // Nodes, lease and leadership history.
        tx.exec(
            "SELECT cronhelm.heartbeat('node-fra-1', 'sched-fra-1.acme.internal', 812, '0.1.0', "
            "now() - interval '3 days', now(), 'executor', 1)");
        tx.exec(
            "SELECT cronhelm.heartbeat('node-ams-1', 'sched-ams-1.acme.internal', 1204, '0.1.0', "
            "now() - interval '3 days 2 hours', now(), 'standby', 0)");
        tx.exec(
            "SELECT cronhelm.heartbeat('node-lon-1', 'sched-lon-1.acme.internal', 977, '0.1.0', "
            "now() - interval '26 hours', now(), 'standby', 0)");
        tx.exec("INSERT INTO cronhelm.leadership_history (term, holder, acquired_at, "
                "previous_holder, reason, ended_at, end_reason) VALUES "
                "(1, 'node-ams-1', now() - interval '9 days', NULL, 'first', now() - interval '3 "
                "days', 'released'),"
                "(2, 'node-lon-1', now() - interval '3 days', 'node-ams-1', 'released', now() - "
                "interval '26 hours', 'expired')");
        tx.exec("UPDATE cronhelm.lease SET term = 2");
        tx.exec("SELECT cronhelm.acquire_lease('node-fra-1', 600)");
        // History: the given number of runs over the last days, mostly successful.
        tx.exec_params(
            "INSERT INTO cronhelm.runs (job_id, trigger, triggered_by, scheduled_for, due_at, "
            "started_at, finished_at, status, attempt, node_id, term, exit_code, http_status, "
            "error, log_bytes) "
            "SELECT j, CASE WHEN g % 41 = 0 THEN 'manual' WHEN g % 53 = 0 THEN 'retry' ELSE "
            "'schedule' END, "
            "       CASE WHEN g % 41 = 0 THEN 'maria' END, t, t, t + interval '0.2 s', "
            "       t + (interval '1 s' * (20 + (g * 7919) % 1400)), "
            "       CASE WHEN g % 29 = 0 THEN 'failed' WHEN g % 97 = 0 THEN 'timed_out' ELSE "
            "'succeeded' END, "
            "       CASE WHEN g % 53 = 0 THEN 2 ELSE 1 END, "
            "       (ARRAY['node-fra-1','node-ams-1','node-lon-1'])[1 + g % 3], 3, NULL, "
            "       CASE WHEN g % 29 = 0 THEN 502 ELSE 200 END, "
            "       CASE WHEN g % 29 = 0 THEN 'HTTP 502 Bad Gateway' WHEN g % 97 = 0 THEN 'timed "
            "out after 30 min' END, 2048 "
            "FROM generate_series(1, $1::int) AS g, "
            "     LATERAL (SELECT ($2::bigint[])[1 + (g % $3::int)] AS j, "
            "                     now() - (interval '1 minute' * (($1::int - g) * 3 + 5)) AS t) x",
            runs,
            "{" +
                [&] {
                    std::string s;
                    for (int i = 0; i < 9; ++i)
                        s += (i ? "," : "") + std::to_string(ids.at(i));
                    return s;
                }()
                + "}",
            9);
        // A running run of the CRM sync with some log output, and a failed one with a log.
        const auto running =
            tx.exec_params1(
                  "INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, due_at, started_at, "
                  "status, node_id, term) "
                  "VALUES ($1, 'schedule', now() - interval '7 minutes', now() - interval '7 "
                  "minutes', "
                  "now() - interval '7 minutes', 'running', 'node-fra-1', 3) RETURNING id",
                  ids.at(0))[0]
                .as<qint64>();
        tx.exec_params("INSERT INTO cronhelm.run_logs (run_id, seq, at, stream, data) "
                       "SELECT $1, g, now() - interval '7 minutes' + g * interval '10 s', "
                       "CASE WHEN g = 1 THEN 'system' ELSE 'stdout' END, "
                       "CASE WHEN g = 1 THEN 'POST "
                       "https://europe-west3-acme.cloudfunctions.net/crm-sync (attempt 1)' "
                       "ELSE format(E'[%s] synced batch %s: %s accounts, %s contacts\\n', "
                       "to_char(now() - interval '7 minutes' + g * interval '10 s', 'HH24:MI:SS'), "
                       "g - 1, 200 + g * 3, 800 + g * 11) END "
                       "FROM generate_series(1, 40) g",
                       running);
        const auto failed =
            tx.exec_params1(
                  "INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, due_at, started_at, "
                  "finished_at, status, node_id, term, http_status, error, log_bytes, "
                  "log_truncated) "
                  "VALUES ($1, 'schedule', now() - interval '50 minutes', now() - interval '50 "
                  "minutes', now() - interval '50 minutes', now() - interval '49 minutes', "
                  "'failed', 'node-fra-1', 3, 200, 'the response matches the failure pattern', "
                  "1048576, true) RETURNING id",
                  ids.at(2))[0]
                .as<qint64>();
        tx.exec_params(
            "INSERT INTO cronhelm.run_logs (run_id, seq, at, stream, data) VALUES "
            "($1, 1, now() - interval '50 minutes', 'system', 'POST "
            "https://erp.acme.example/api/stock/import (attempt 1)'),"
            "($1, 2, now() - interval '50 minutes', 'stdout', E'HTTP 200 OK\\n'),"
            "($1, 3, now() - interval '49 minutes', 'stdout', E'{\"imported\": 1200, \"error\": "
            "true, \"message\": \"warehouse API rate limit\"}\\n'),"
            "($1, 4, now() - interval '49 minutes', 'stderr', E'the response body matches the "
            "failure pattern\\n'),"
            "($1, 5, now() - interval '49 minutes', 'system', '[output truncated at 1 MiB]')",
            failed);
        tx.commit();
    } catch (const std::exception &e) {
        std::fprintf(stderr, "seed: %s\n", e.what());
        return 1;
    }
    std::printf("seeded %lld jobs and %d runs\n", qint64(ids.size()), runs);
    return 0;
}

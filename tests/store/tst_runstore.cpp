// RunStore: keyset paging of the run history (newest first, no duplicates or gaps,
// server-side filters) and the CSV export (exact columns, RFC 4180 quoting, NULL as an
// empty cell, UTC ISO-8601 with milliseconds, CRLF, cancellation).

#include "storetesthelpers.h"

#include <domaintesthelpers.h>

#include <store/jobstore.h>
#include <store/runstore.h>
#include <store/storeconnection.h>

#include <QBuffer>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

// Three jobs (alpha, beta, gamma) and `count` runs spread over them, every status and
// trigger, one every 7 minutes from 2026-01-01T00:00Z. `padding` widens the node and
// error cells (for exports of some size). Returns the job ids.
QList<qint64> seedHistory(TestDatabase &db, int count, int padding = 0)
{
    QList<qint64> ids;
    StoreConnection connection(db.conninfo());
    JobStore jobs(connection);
    for (const char *name : {"alpha", "beta", "gamma"}) {
        Result<qint64> id = jobs.create(httpJob(QString::fromLatin1(name)));
        if (!id)
            return {};
        ids.append(*id);
    }
    const Result<QList<QStringList>> inserted = db.query(
        QStringLiteral(
            "INSERT INTO cronhelm.runs (job_id, trigger, triggered_by, scheduled_for, due_at,"
            "  started_at, finished_at, status, attempt, node_id, term, exit_code, http_status,"
            "  error)"
            " SELECT (ARRAY[%1, %2, %3])[1 + g % 3],"
            "  (ARRAY['schedule', 'schedule', 'manual', 'retry', 'catch_up'])[1 + g % 5],"
            "  CASE WHEN g % 5 = 2 THEN 'alice' END,"
            "  t, t,"
            "  CASE WHEN g % 8 NOT IN (4, 5) THEN t + interval '1 second' END,"
            "  CASE WHEN g % 8 NOT IN (3, 4, 5) THEN t + (g % 13 + 1) * interval '1 second' END,"
            "  (ARRAY['succeeded', 'failed', 'timed_out', 'running', 'queued', 'skipped',"
            "         'cancelled', 'abandoned'])[1 + g % 8],"
            "  CASE WHEN g % 5 = 3 THEN 2 ELSE 1 END,"
            "  'node-' || (g % 2) || repeat('x', %4), g / 50 + 1,"
            "  CASE WHEN g % 8 = 1 THEN 1 END, CASE WHEN g % 8 = 0 THEN 200 END,"
            "  CASE WHEN g % 8 = 1 THEN 'failed, said \"the job\"' || repeat('x', %4) END"
            " FROM generate_series(1, %5) AS g,"
            "      LATERAL (SELECT '2026-01-01 00:00:00Z'::timestamptz"
            "                      + g * interval '7 minutes' AS t) AS s")
            .arg(ids.at(0))
            .arg(ids.at(1))
            .arg(ids.at(2))
            .arg(padding)
            .arg(count));
    if (!inserted)
        qWarning("seedHistory: %s", qPrintable(inserted.errorMessage()));
    return inserted ? ids : QList<qint64>{};
}

QList<qint64> idsWhere(TestDatabase &db, const QString &where, const char *order = "DESC")
{
    QList<qint64> out;
    Result<QList<QStringList>> rows = db.query(
        QStringLiteral("SELECT run_id FROM cronhelm.run_history WHERE %1 ORDER BY run_id %2")
            .arg(where, QString::fromLatin1(order)));
    if (rows) {
        for (const QStringList &row : *rows)
            out.append(row.at(0).toLongLong());
    }
    return out;
}

// Pages through the whole filtered history; fails the test on duplicates or disorder.
QList<qint64> pageAll(RunStore &runs, const RunFilter &filter, int pageSize, int *pages)
{
    QList<qint64> all;
    std::optional<qint64> before;
    *pages = 0;
    while (true) {
        Result<QList<RunRecord>> page = runs.page(filter, pageSize, before);
        if (!page) {
            qWarning("page: %s", qPrintable(page.errorMessage()));
            return {};
        }
        ++*pages;
        for (const RunRecord &r : *page)
            all.append(r.id);
        if (page->size() < pageSize)
            break;
        before = page->last().id;
    }
    return all;
}

} // namespace

class TestRunStore : public QObject
{
    Q_OBJECT

private slots:
    void paging_data();
    void paging();
    void filters_data();
    void filters();
    void byId();
    void exportExactFormat();
    void exportFiltered();
    void exportEmpty();
    void exportProgressAndCancel();

private:
    FunctionDatabase m_db;
    QList<qint64> m_jobs;
};

void TestRunStore::paging_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::newRow("1") << 1;
    QTest::newRow("7") << 7;
    QTest::newRow("50 (divides the total)") << 50;
    QTest::newRow("larger than the history") << 1000;
}

void TestRunStore::paging()
{
    QFETCH(int, pageSize);
    CH_FUNCTION_DATABASE(db, m_db);
    if (QByteArray(QTest::currentDataTag()) == "1") {
        m_jobs = seedHistory(*db, 300);
        QCOMPARE(m_jobs.size(), 3);
    }
    CH_LOGIN_ROLE(viewer, db, "cronhelm_viewer");
    StoreConnection connection(db->conninfoAs(viewer));
    RunStore runs(connection);
    int pages = 0;
    const QList<qint64> got = pageAll(runs, {}, pageSize, &pages);
    const QList<qint64> expected = idsWhere(*db, QStringLiteral("true"));
    QCOMPARE(expected.size(), 300);
    QCOMPARE(got, expected); // newest first, each once, none missing
    QCOMPARE(pages, 300 / pageSize + 1);

    // New runs arriving while paging do not disturb the pages already being read.
    if (pageSize == 50) {
        Result<QList<RunRecord>> first = runs.page({}, 50);
        CH_VERIFY_OK(first);
        StoreConnection owner(db->conninfo());
        JobStore jobs(owner);
        CH_VERIFY_OK(jobs.runNow(m_jobs.at(0)));
        Result<QList<RunRecord>> second = runs.page({}, 50, first->last().id);
        CH_VERIFY_OK(second);
        QCOMPARE(second->first().id, first->last().id - 1);
        CH_EXEC(db,
                QStringLiteral("DELETE FROM cronhelm.runs WHERE id > %1").arg(expected.first()));
    }
}

void TestRunStore::filters_data()
{
    QTest::addColumn<int>("job"); // index into the seeded jobs, -1 for none
    QTest::addColumn<QString>("jobName");
    QTest::addColumn<QStringList>("statuses");
    QTest::addColumn<QStringList>("triggers");
    QTest::addColumn<QString>("since");
    QTest::addColumn<QString>("until");
    QTest::addColumn<QString>("where"); // the same filter in SQL (JOB = the job's id)

    const QStringList none;
    QTest::newRow("job id") << 1 << QString() << none << none << QString() << QString()
                            << QStringLiteral("job_id = JOB");
    QTest::newRow("job name") << -1 << QStringLiteral("gamma") << none << none << QString()
                              << QString() << QStringLiteral("job = 'gamma'");
    QTest::newRow("one status") << -1 << QString() << QStringList{QStringLiteral("failed")} << none
                                << QString() << QString() << QStringLiteral("status = 'failed'");
    QTest::newRow("problems") << -1 << QString()
                              << QStringList{QStringLiteral("failed"), QStringLiteral("timed_out"),
                                             QStringLiteral("abandoned")}
                              << none << QString() << QString()
                              << QStringLiteral("status IN ('failed', 'timed_out', 'abandoned')");
    QTest::newRow("triggers") << -1 << QString() << none
                              << QStringList{QStringLiteral("manual"), QStringLiteral("retry")}
                              << QString() << QString()
                              << QStringLiteral("trigger IN ('manual', 'retry')");
    QTest::newRow("since") << -1 << QString() << none << none
                           << QStringLiteral("2026-01-01T20:00:00Z") << QString()
                           << QStringLiteral("scheduled_for >= '2026-01-01 20:00Z'");
    QTest::newRow("until") << -1 << QString() << none << none << QString()
                           << QStringLiteral("2026-01-01T10:00:00Z")
                           << QStringLiteral("scheduled_for < '2026-01-01 10:00Z'");
    QTest::newRow("window on a boundary")
        << -1 << QString() << none << none << QStringLiteral("2026-01-01T01:10:00Z")
        << QStringLiteral("2026-01-01T02:20:00Z")
        << QStringLiteral("scheduled_for >= '2026-01-01 01:10Z'"
                          " AND scheduled_for < '2026-01-01 02:20Z'");
    QTest::newRow("everything at once")
        << 0 << QStringLiteral("alpha")
        << QStringList{QStringLiteral("succeeded"), QStringLiteral("failed")}
        << QStringList{QStringLiteral("schedule"), QStringLiteral("retry")}
        << QStringLiteral("2026-01-01T05:00:00Z") << QStringLiteral("2026-01-02T06:00:00Z")
        << QStringLiteral("job_id = JOB AND job = 'alpha' AND status IN ('succeeded', 'failed')"
                          " AND trigger IN ('schedule', 'retry')"
                          " AND scheduled_for >= '2026-01-01 05:00Z'"
                          " AND scheduled_for < '2026-01-02 06:00Z'");
    QTest::newRow("id and name disagree") << 0 << QStringLiteral("beta") << none << none
                                          << QString() << QString() << QStringLiteral("false");
    QTest::newRow("unknown job name") << -1 << QStringLiteral("nope") << none << none << QString()
                                      << QString() << QStringLiteral("false");
}

void TestRunStore::filters()
{
    QFETCH(int, job);
    QFETCH(QString, jobName);
    QFETCH(QStringList, statuses);
    QFETCH(QStringList, triggers);
    QFETCH(QString, since);
    QFETCH(QString, until);
    QFETCH(QString, where);
    CH_FUNCTION_DATABASE(db, m_db);
    if (QByteArray(QTest::currentDataTag()) == "job id") {
        m_jobs = seedHistory(*db, 400);
        QCOMPARE(m_jobs.size(), 3);
    }
    RunFilter filter;
    if (job >= 0) {
        filter.jobId = m_jobs.at(job);
        where.replace(QLatin1String("JOB"), QString::number(m_jobs.at(job)));
    }
    filter.jobName = jobName;
    filter.statuses = Test::enumsFrom<RunStatus>(statuses);
    filter.triggers = Test::enumsFrom<RunTrigger>(triggers);
    filter.since = since.isEmpty() ? QDateTime() : QDateTime::fromString(since, Qt::ISODate);
    filter.until = until.isEmpty() ? QDateTime() : QDateTime::fromString(until, Qt::ISODate);

    StoreConnection connection(db->conninfo());
    RunStore runs(connection);
    int pages = 0;
    const QList<qint64> got = pageAll(runs, filter, 13, &pages);
    const QList<qint64> expected = idsWhere(*db, where);
    QCOMPARE(got, expected);
    if (where != QLatin1String("false"))
        QVERIFY2(!expected.isEmpty(), "the filter should match some of the seeded runs");

    // The export applies the same filter (oldest first).
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    Result<qint64> exported = runs.exportCsv(filter, out, {});
    CH_VERIFY_OK(exported);
    QCOMPARE(*exported, qint64(expected.size()));
    QList<QStringList> records;
    QVERIFY(parseCsv(out.data(), &records));
    QList<qint64> exportedIds;
    for (qsizetype i = 1; i < records.size(); ++i)
        exportedIds.append(records.at(i).at(0).toLongLong());
    QCOMPARE(exportedIds, idsWhere(*db, where, "ASC"));
}

void TestRunStore::byId()
{
    CH_DATABASE(db);
    const QList<qint64> jobs = seedHistory(*db, 16);
    QCOMPARE(jobs.size(), 3);
    StoreConnection connection(db->conninfo());
    RunStore runs(connection);
    const QList<qint64> ids = idsWhere(*db, QStringLiteral("status = 'failed'"));
    QVERIFY(!ids.isEmpty());
    Result<RunRecord> run = runs.byId(ids.first());
    CH_VERIFY_OK(run);
    QCOMPARE(run->status, RunStatus::Failed);
    QCOMPARE(run->exitCode.value_or(-1), 1);
    QVERIFY(!run->httpStatus.has_value());
    QVERIFY(run->error.startsWith(QLatin1String("failed, said \"the job\"")));
    QVERIFY(run->durationMs.has_value());
    QCOMPARE(run->startedAt.msecsTo(run->finishedAt), *run->durationMs);
    QCOMPARE(kindOf(runs.byId(ids.first() + 100000)), QStringLiteral("NotFound"));
}

// Two runs with every kind of value, compared byte for byte.
void TestRunStore::exportExactFormat()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    RunStore runs(connection);
    const QString name = QStringLiteral("csv, \"quoted\" name");
    Result<qint64> job = jobs.create(httpJob(name));
    CH_VERIFY_OK(job);
    Result<QList<QStringList>> inserted = db->query(
        QStringLiteral(
            "INSERT INTO cronhelm.runs (job_id, trigger, triggered_by, scheduled_for, due_at,"
            "  started_at, finished_at, status, attempt, node_id, term, exit_code, http_status,"
            "  error)"
            " VALUES (%1, 'schedule', NULL, '2026-03-08 07:30:00.123456Z', '2026-03-08 07:30:00Z',"
            "         '2026-03-08 07:30:00.2Z', '2026-03-08 07:30:01.7Z', 'succeeded', 1, 'n1', 3,"
            "         NULL, 200, NULL),"
            "        (%1, 'manual', 'alice', '2026-03-08 07:31:00Z', '2026-03-08 07:31:00Z',"
            "         NULL, NULL, 'queued', 1, NULL, NULL, NULL, NULL,"
            "         E'line1\\nline2, \"x\"'),"
            "        (%1, 'retry', '', '2026-03-08 07:30:00.123456Z', '2026-03-08 07:32:00Z',"
            "         '2026-03-08 07:32:00.999Z', '2026-03-08 07:32:02Z', 'failed', 2, 'n2', 4,"
            "         -1, NULL, '')"
            " RETURNING id")
            .arg(*job));
    CH_VERIFY_OK(inserted);
    QCOMPARE(inserted->size(), 3);
    const QString r1 = inserted->at(0).at(0);
    const QString r2 = inserted->at(1).at(0);
    const QString r3 = inserted->at(2).at(0);

    QBuffer out;
    out.open(QIODevice::WriteOnly);
    Result<qint64> exported = runs.exportCsv({}, out, QStringLiteral("Europe/Berlin"));
    CH_VERIFY_OK(exported);
    QCOMPARE(*exported, qint64(3));

    const QByteArray header = RunStore::csvColumns().join(QLatin1Char(',')).toUtf8() + "\r\n";
    QVERIFY(header.startsWith("run_id,job,trigger,scheduled_for,started_at,finished_at,status,"
                              "attempt,node,term,exit_code,http_status,duration_ms"));
    const QByteArray quotedName = "\"csv, \"\"quoted\"\" name\"";
    const QByteArray expected = header
        // Milliseconds are always there; NULL is an empty, unquoted cell; local times are
        // in the zone asked for (CET, +01:00, on that day).
        + r1.toUtf8() + "," + quotedName
        + ",schedule,2026-03-08T07:30:00.123Z,2026-03-08T07:30:00.200Z,"
          "2026-03-08T07:30:01.700Z,succeeded,1,n1,3,,200,1500,,,"
          "2026-03-08 08:30:00,2026-03-08 08:30:00,2026-03-08 08:30:01\r\n"
        + r2.toUtf8() + "," + quotedName
        + ",manual,2026-03-08T07:31:00.000Z,,,queued,1,,,,,,alice,\"line1\nline2, \"\"x\"\"\","
          "2026-03-08 08:31:00,,\r\n"
        // An empty string is not NULL: it is quoted.
        + r3.toUtf8() + "," + quotedName
        + ",retry,2026-03-08T07:30:00.123Z,2026-03-08T07:32:00.999Z,2026-03-08T07:32:02.000Z,"
          "failed,2,n2,4,-1,,1001,\"\",\"\","
          "2026-03-08 08:30:00,2026-03-08 08:32:00,2026-03-08 08:32:02\r\n";
    QCOMPARE(out.data(), expected);

    QList<QStringList> records;
    QVERIFY(parseCsv(out.data(), &records));
    QCOMPARE(records.size(), 4);
    QCOMPARE(records.at(0), RunStore::csvColumns());
    QCOMPARE(records.at(1).at(1), name);
    QVERIFY(records.at(1).at(10).isNull());  // exit_code NULL
    QVERIFY(!records.at(3).at(13).isNull()); // triggered_by ''
    QVERIFY(records.at(3).at(13).isEmpty());
}

void TestRunStore::exportFiltered()
{
    CH_DATABASE(db);
    const QList<qint64> jobs = seedHistory(*db, 200);
    QCOMPARE(jobs.size(), 3);
    CH_LOGIN_ROLE(viewer, db, "cronhelm_viewer");
    StoreConnection connection(db->conninfoAs(viewer));
    RunStore runs(connection);
    RunFilter filter;
    filter.statuses = {RunStatus::Failed};
    filter.jobId = jobs.at(2);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    Result<qint64> exported = runs.exportCsv(filter, out, QStringLiteral("UTC"));
    CH_VERIFY_OK(exported);
    QList<QStringList> records;
    QVERIFY(parseCsv(out.data(), &records));
    const QList<qint64> expected =
        idsWhere(*db, QStringLiteral("status = 'failed' AND job_id = %1").arg(jobs.at(2)), "ASC");
    QVERIFY(!expected.isEmpty());
    QCOMPARE(*exported, qint64(expected.size()));
    QCOMPARE(records.size(), expected.size() + 1);
    for (qsizetype i = 1; i < records.size(); ++i) {
        const QStringList &r = records.at(i);
        QCOMPARE(r.size(), RunStore::csvColumns().size());
        QCOMPARE(r.at(0).toLongLong(), expected.at(i - 1));
        QCOMPARE(r.at(1), QStringLiteral("gamma"));
        QCOMPARE(r.at(6), QStringLiteral("failed"));
        // UTC cells and the local cells (here also UTC) agree.
        const QDateTime scheduled = QDateTime::fromString(r.at(3), Qt::ISODateWithMs);
        QVERIFY(scheduled.isValid());
        QCOMPARE(scheduled.timeSpec(), Qt::UTC);
        QCOMPARE(r.at(15), scheduled.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    }
}

void TestRunStore::exportEmpty()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    RunStore runs(connection);
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    QList<qint64> progress;
    Result<qint64> exported = runs.exportCsv({}, out, {}, [&progress](qint64 rows) {
        progress.append(rows);
        return true;
    });
    CH_VERIFY_OK(exported);
    QCOMPARE(*exported, qint64(0));
    QCOMPARE(out.data(), RunStore::csvColumns().join(QLatin1Char(',')).toUtf8() + "\r\n");
    QCOMPARE(progress, QList<qint64>{0});
}

// Big enough for several progress reports (~2.5 MB); cancelling stops the export, which
// is an error, and leaves the connection usable.
void TestRunStore::exportProgressAndCancel()
{
    CH_DATABASE(db);
    const int total = 12000;
    const QList<qint64> jobs = seedHistory(*db, total, 160);
    QCOMPARE(jobs.size(), 3);
    StoreConnection connection(db->conninfo());
    RunStore runs(connection);

    QBuffer full;
    full.open(QIODevice::WriteOnly);
    QList<qint64> progress;
    Result<qint64> exported =
        runs.exportCsv({}, full, QStringLiteral("Asia/Tokyo"), [&](qint64 rows) {
            progress.append(rows);
            return true;
        });
    CH_VERIFY_OK(exported);
    QCOMPARE(*exported, qint64(total));
    QVERIFY2(progress.size() >= 3, qPrintable(QString::number(progress.size())));
    QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
    QCOMPARE(progress.last(), qint64(total));
    QList<QStringList> records;
    QVERIFY(parseCsv(full.data(), &records));
    QCOMPARE(records.size(), total + 1);

    QBuffer partial;
    partial.open(QIODevice::WriteOnly);
    int calls = 0;
    Result<qint64> cancelled = runs.exportCsv({}, partial, {}, [&calls](qint64) {
        ++calls;
        return false;
    });
    QVERIFY(!cancelled.ok());
    QVERIFY2(cancelled.errorMessage().contains(QLatin1String("cancel")),
             qPrintable(cancelled.errorMessage()));
    QCOMPARE(calls, 1);
    QVERIFY(partial.size() < full.size() / 2);
    // The connection is usable right away.
    Result<QList<RunRecord>> page = runs.page({}, 5);
    CH_VERIFY_OK(page);
    QCOMPARE(page->size(), 5);
}

QTEST_GUILESS_MAIN(TestRunStore)
#include "tst_runstore.moc"

// Retention (core/migrations/0006_retention.sql, RetentionStore): the store-wide policy, who
// may set it and what it refuses, and the sweep: which runs go (old and beyond the last M of
// their job, per-job overrides, never unfinished ones, first attempts with their retries),
// their logs with them, and batches of the size asked for.

#include "storetesthelpers.h"

#include <store/jobstore.h>
#include <store/retentionstore.h>
#include <store/storeconnection.h>

#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

// Inserts `count` finished runs of `job`, the first `daysAgo` days ago and one a minute after
// another, each with two log chunks. Returns false on a database error.
bool addRuns(TestDatabase &db, qint64 job, int count, int daysAgo,
             const QString &status = QStringLiteral("succeeded"))
{
    const bool finished = status != QLatin1String("running") && status != QLatin1String("queued");
    const auto runs = db.query(
        QStringLiteral("WITH new AS ("
                       " INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, due_at,"
                       "   created_at, started_at, finished_at, status)"
                       " SELECT %1, 'schedule', t, t, t, t, %5, '%4'"
                       "   FROM generate_series(1, %2) g,"
                       "   LATERAL (SELECT now() - interval '%3 days' + g * interval '1 minute'"
                       "            AS t) s"
                       " ORDER BY g RETURNING id)"
                       " INSERT INTO cronhelm.run_logs (run_id, seq, stream, data)"
                       " SELECT id, seq, 'stdout', 'line' FROM new, generate_series(0, 1) seq")
            .arg(job)
            .arg(count)
            .arg(daysAgo)
            .arg(status,
                 finished ? QStringLiteral("t + interval '1 second'") : QStringLiteral("NULL")));
    if (!runs)
        qWarning("addRuns: %s", qPrintable(runs.errorMessage()));
    return runs.ok();
}

int count(TestDatabase &db, const QString &sql)
{
    const Result<QString> n = db.scalar(sql);
    return n ? n->toInt() : -1;
}

int runsOf(TestDatabase &db, qint64 job)
{
    return count(db,
                 QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1").arg(job));
}

// Sweeps in batches of `batch` until nothing is due; returns the total, or -1 on an error.
// (A batch may exceed `batch` by the retries of its last first attempt, which go with it.)
int sweepAll(RetentionStore &store, int batch)
{
    int total = 0;
    for (;;) {
        const Result<int> n = store.sweep(batch);
        if (!n)
            return -1;
        if (*n == 0)
            return total;
        total += *n;
    }
}

} // namespace

class TestRetention : public QObject
{
    Q_OBJECT

private slots:
    void defaultPolicy();
    void adminSetsPolicy();
    void invalidPolicy_data();
    void invalidPolicy();
    void nonAdminsMayNotSetPolicy_data();
    void nonAdminsMayNotSetPolicy();
    void sweepKeepsDaysAndCount();
    void perJobOverride();
    void unfinishedRunsStay();
    void retriesGoWithTheirFirstAttempt();
    void chainsWrittenByHandNeverBreakTheSweep();
    void batchesAreBounded();
    void largeKeepRunsKeepsExactlyTheNewest();
    void applyRetentionSweepsEverything();
    void clientRulesAgree();
};

void TestRetention::defaultPolicy()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    RetentionStore store(connection);
    const Result<RetentionPolicy> policy = store.policy();
    CH_VERIFY_OK(policy);
    QCOMPARE(policy->keepDays, 365);
    QCOMPARE(policy->keepRuns, 100);
    // The manual settings of version 1 are gone, not left to mislead.
    QCOMPARE(count(*db,
                   QStringLiteral("SELECT count(*) FROM cronhelm.settings"
                                  " WHERE key LIKE '%_retention_days'")),
             0);
}

void TestRetention::adminSetsPolicy()
{
    CH_DATABASE(db);
    CH_LOGIN_ROLE(admin, db, "cronhelm_admin");
    CH_LOGIN_ROLE(viewer, db, "cronhelm_viewer");
    StoreConnection adminConnection(db->conninfoAs(admin));
    RetentionStore asAdmin(adminConnection);
    CH_VERIFY_OK(asAdmin.setPolicy({30, 5}));

    // Every reader sees it.
    StoreConnection viewerConnection(db->conninfoAs(viewer));
    const Result<RetentionPolicy> seen = RetentionStore(viewerConnection).policy();
    CH_VERIFY_OK(seen);
    QCOMPARE(*seen, (RetentionPolicy{30, 5}));

    // And the audit says who changed what.
    CH_SCALAR(audit, db,
              QStringLiteral("SELECT actor || ' ' || old_value::text || ' ' || new_value::text"
                             " FROM cronhelm.audit_log WHERE action = 'set_retention_policy'"));
    QCOMPARE(audit,
             admin
                 + QStringLiteral(R"( {"keep_days": 365, "keep_runs": 100})"
                                  R"( {"keep_days": 30, "keep_runs": 5})"));
}

void TestRetention::invalidPolicy_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<int>("runs");
    QTest::addColumn<QString>("field");
    QTest::newRow("no days") << 0 << 10 << QStringLiteral("keep_days");
    QTest::newRow("too many days") << 36501 << 10 << QStringLiteral("keep_days");
    QTest::newRow("negative count") << 30 << -1 << QStringLiteral("keep_runs");
    QTest::newRow("too many runs") << 30 << 1000001 << QStringLiteral("keep_runs");
}

void TestRetention::invalidPolicy()
{
    QFETCH(int, days);
    QFETCH(int, runs);
    QFETCH(QString, field);
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    RetentionStore store(connection);
    const Status set = store.setPolicy({days, runs});
    QCOMPARE(kindOf(set), QStringLiteral("BadInput"));
    QCOMPARE(set.error().field, field);
    QCOMPARE(set.error().sqlstate, QStringLiteral("CHINV"));
    QCOMPARE(*store.policy(), RetentionPolicy{});
}

void TestRetention::nonAdminsMayNotSetPolicy_data()
{
    QTest::addColumn<QString>("role");
    QTest::newRow("viewer") << QStringLiteral("cronhelm_viewer");
    QTest::newRow("operator") << QStringLiteral("cronhelm_operator");
    QTest::newRow("node") << QStringLiteral("cronhelm_node");
}

void TestRetention::nonAdminsMayNotSetPolicy()
{
    QFETCH(QString, role);
    CH_DATABASE(db);
    const Result<QString> login = db->createLoginRole(role);
    CH_VERIFY_OK(login);
    StoreConnection connection(db->conninfoAs(*login));
    RetentionStore store(connection);
    const Status set = store.setPolicy({1, 0});
    QCOMPARE(kindOf(set), QStringLiteral("Permission"));
    QCOMPARE(count(*db, QStringLiteral("SELECT keep_days FROM cronhelm.retention_policy")), 365);
}

void TestRetention::sweepKeepsDaysAndCount()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    RetentionStore store(connection);
    CH_VERIFY_OK(store.setPolicy({30, 10}));
    const Result<qint64> busy = jobs.create(httpJob(QStringLiteral("busy")));
    const Result<qint64> rare = jobs.create(httpJob(QStringLiteral("rare")));
    CH_VERIFY_OK(busy);
    CH_VERIFY_OK(rare);
    // busy: 50 runs 40 days ago, 20 recent ones. rare: 4 runs 90 days ago and nothing since.
    QVERIFY(addRuns(*db, *busy, 50, 40));
    QVERIFY(addRuns(*db, *busy, 20, 1));
    QVERIFY(addRuns(*db, *rare, 4, 90));

    QCOMPARE(sweepAll(store, 7), 50);
    // busy keeps its recent runs (more than the last 10); rare keeps its last 4, however old.
    QCOMPARE(runsOf(*db, *busy), 20);
    QCOMPARE(count(*db,
                   QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1"
                                  " AND finished_at < now() - interval '30 days'")
                       .arg(*busy)),
             0);
    QCOMPARE(runsOf(*db, *rare), 4);
    // Their logs went with them, and only theirs.
    QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM cronhelm.run_logs")), 2 * 24);

    // With a smaller count the old runs of rare go too, but the last 2 stay.
    CH_VERIFY_OK(store.setPolicy({30, 2}));
    QCOMPARE(sweepAll(store, 7), 2);
    QCOMPARE(runsOf(*db, *rare), 2);
    // The two that stay are its newest.
    CH_SCALAR(newest, db,
              QStringLiteral("SELECT bool_and(id >= (SELECT max(id) - 1 FROM cronhelm.runs"
                             " WHERE job_id = %1)) FROM cronhelm.runs WHERE job_id = %1")
                  .arg(*rare));
    QCOMPARE(newest, QStringLiteral("t"));
}

void TestRetention::perJobOverride()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    RetentionStore store(connection);
    CH_VERIFY_OK(store.setPolicy({30, 0}));
    QJsonObject longer = httpJob(QStringLiteral("audited"));
    longer.insert(QStringLiteral("keep_days"), 100);
    QJsonObject shorter = httpJob(QStringLiteral("chatty"));
    shorter.insert(QStringLiteral("keep_days"), 1);
    shorter.insert(QStringLiteral("keep_runs"), 3);
    const Result<qint64> audited = jobs.create(longer);
    const Result<qint64> chatty = jobs.create(shorter);
    const Result<qint64> plain = jobs.create(httpJob(QStringLiteral("plain")));
    CH_VERIFY_OK(audited);
    CH_VERIFY_OK(chatty);
    CH_VERIFY_OK(plain);
    for (qint64 job : {*audited, *chatty, *plain})
        QVERIFY(addRuns(*db, job, 10, 50));
    QVERIFY(addRuns(*db, *chatty, 10, 5));

    QCOMPARE(sweepAll(store, 100), 10 + 10 + 7);
    QCOMPARE(runsOf(*db, *audited), 10); // 50 days < 100
    QCOMPARE(runsOf(*db, *plain), 0);    // 50 days > 30, no count kept
    QCOMPARE(runsOf(*db, *chatty), 3);   // older than 1 day, but the last 3 stay
}

void TestRetention::unfinishedRunsStay()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    RetentionStore store(connection);
    CH_VERIFY_OK(store.setPolicy({1, 0}));
    const Result<qint64> job = jobs.create(httpJob(QStringLiteral("stuck")));
    CH_VERIFY_OK(job);
    // An old run still running, older finished runs behind and after it.
    QVERIFY(addRuns(*db, *job, 3, 20));
    QVERIFY(addRuns(*db, *job, 1, 10, QStringLiteral("running")));
    QVERIFY(addRuns(*db, *job, 1, 9, QStringLiteral("queued")));
    QVERIFY(addRuns(*db, *job, 3, 5));
    QCOMPARE(sweepAll(store, 2), 6);
    CH_SCALAR(left, db,
              QStringLiteral("SELECT string_agg(status, ',' ORDER BY id) FROM cronhelm.runs"
                             " WHERE job_id = %1")
                  .arg(*job));
    QCOMPARE(left, QStringLiteral("running,queued"));
}

void TestRetention::retriesGoWithTheirFirstAttempt()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    RetentionStore store(connection);
    CH_VERIFY_OK(store.setPolicy({30, 0}));
    const Result<qint64> job = jobs.create(httpJob(QStringLiteral("retried")));
    CH_VERIFY_OK(job);
    QVERIFY(addRuns(*db, *job, 4, 60));
    // Runs 1 and 3 (in id order) were retried: 1 long ago, 3 only yesterday.
    CH_EXEC(db,
            QStringLiteral("INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, due_at,"
                           "  created_at, finished_at, status, attempt, first_run_id)"
                           " SELECT job_id, 'retry', scheduled_for, due_at, c, c, 'failed', 2, id"
                           "   FROM (SELECT r.*, row_number() OVER (ORDER BY id) AS n"
                           "           FROM cronhelm.runs r WHERE job_id = %1) r,"
                           "   LATERAL (SELECT CASE WHEN n = 1 THEN now() - interval '59 days'"
                           "                   ELSE now() - interval '1 day' END AS c) c"
                           "  WHERE n IN (1, 3)")
                .arg(*job));
    // The batch of 1 still makes progress: a first attempt takes its retry along.
    QCOMPARE(sweepAll(store, 1), 4);
    CH_SCALAR(left, db,
              QStringLiteral("SELECT string_agg(trigger, ',' ORDER BY id) FROM cronhelm.runs"
                             " WHERE job_id = %1")
                  .arg(*job));
    // The first attempt whose retry is recent stays for it.
    QCOMPARE(left, QStringLiteral("schedule,retry"));
}

// Cronhelm's retries all point at their first attempt; rows written through psql may form
// chains. The sweep keeps whatever a staying run points at, however deep, and still works.
void TestRetention::chainsWrittenByHandNeverBreakTheSweep()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    RetentionStore store(connection);
    CH_VERIFY_OK(store.setPolicy({30, 0}));
    const Result<qint64> job = jobs.create(httpJob(QStringLiteral("chained")));
    CH_VERIFY_OK(job);
    QVERIFY(addRuns(*db, *job, 5, 60));
    QVERIFY(addRuns(*db, *job, 1, 1));
    // Old runs 2 → 1, 3 → 2, 4 → 3 and the recent run 6 → 4; run 5 stands alone.
    CH_EXEC(db,
            QStringLiteral("WITH r AS (SELECT id, row_number() OVER (ORDER BY id) AS n"
                           "   FROM cronhelm.runs WHERE job_id = %1)"
                           " UPDATE cronhelm.runs u SET first_run_id = p.id"
                           "   FROM r c, r p"
                           "  WHERE u.id = c.id AND p.n = CASE c.n WHEN 6 THEN 4 ELSE c.n - 1 END"
                           "    AND c.n IN (2, 3, 4, 6)")
                .arg(*job));
    for (int batch : {1, 2, 500}) {
        const Result<int> swept = store.sweep(batch);
        CH_VERIFY_OK(swept);
    }
    QCOMPARE(sweepAll(store, 3), 0);
    // Run 5 went; the chain stays for the recent run at its end.
    QCOMPARE(runsOf(*db, *job), 5);
}

void TestRetention::batchesAreBounded()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    RetentionStore store(connection);
    CH_VERIFY_OK(store.setPolicy({7, 0}));
    for (const char *name : {"a", "b", "c"}) {
        const Result<qint64> job = jobs.create(httpJob(QString::fromLatin1(name)));
        CH_VERIFY_OK(job);
        QVERIFY(addRuns(*db, *job, 5, 10));
    }
    // 15 runs due, batches of 4: 4, 4, 4, 3, then nothing.
    QList<int> batches;
    for (int n = -1; n != 0;) {
        const Result<int> swept = store.sweep(4);
        CH_VERIFY_OK(swept);
        n = *swept;
        batches.append(n);
    }
    QCOMPARE(batches, (QList<int>{4, 4, 4, 3, 0}));
    const Result<int> zero = store.sweep(0);
    QCOMPARE(kindOf(zero), QStringLiteral("BadInput"));
}

// A large keep_runs (a hundred thousand; the limit is a million): the boundary (the newest
// run the count lets go) is found once and carried in the cursor from batch to batch, not
// walked to again for each batch (schema 14). A carried boundary is only used while the count is
// the one it was found for, and runs added meanwhile are caught by the next pass: exactly the
// newest keep_runs stay.
void TestRetention::largeKeepRunsKeepsExactlyTheNewest()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    RetentionStore store(connection);
    CH_VERIFY_OK(store.setPolicy({1, 99990}));
    const Result<qint64> job = jobs.create(httpJob(QStringLiteral("every second")));
    CH_VERIFY_OK(job);
    // 100,030 runs ten days old, without logs (they are not what this is about).
    CH_EXEC(db,
            QStringLiteral("INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, due_at,"
                           "  created_at, started_at, finished_at, status)"
                           " SELECT %1, 'schedule', t, t, t, t, t, 'succeeded'"
                           "   FROM generate_series(1, 100030) g,"
                           "   LATERAL (SELECT now() - interval '10 days' + g * interval '1 ms'"
                           "            AS t) s ORDER BY g")
                .arg(*job));
    CH_SCALAR(firstId, db,
              QStringLiteral("SELECT min(id) FROM cronhelm.runs WHERE job_id = %1").arg(*job));
    const qint64 first = firstId.toLongLong();

    // 40 are due; a batch of 7 leaves the cursor on this job with its boundary, the 40th.
    const Result<int> swept = store.sweep(7);
    CH_VERIFY_OK(swept);
    QCOMPARE(*swept, 7);
    CH_SCALAR(cursor, db,
              QStringLiteral("SELECT value FROM cronhelm.settings"
                             " WHERE key = 'retention_sweep_cursor'"));
    QCOMPARE(cursor, QStringLiteral("%1,%2,%3,99990").arg(*job).arg(first + 6).arg(first + 39));

    // Meanwhile the job ran 5 times more, and an admin raised the count to 100,000.
    CH_EXEC(db,
            QStringLiteral("INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, due_at,"
                           "  created_at, started_at, finished_at, status)"
                           " SELECT %1, 'schedule', t, t, t, t, t, 'succeeded'"
                           "   FROM generate_series(1, 5) g,"
                           "   LATERAL (SELECT now() + g * interval '1 s' AS t) s")
                .arg(*job));
    CH_VERIFY_OK(store.setPolicy({1, 100000}));
    // 100,028 runs, the newest 100,000 stay: 28 more go (not the 33 up to the old boundary).
    QCOMPARE(sweepAll(store, 7), 28);
    QCOMPARE(runsOf(*db, *job), 100000);
    CH_SCALAR(oldest, db,
              QStringLiteral("SELECT min(id) FROM cronhelm.runs WHERE job_id = %1").arg(*job));
    QCOMPARE(oldest.toLongLong(), first + 35);
    // And the pass ended: the cursor starts over.
    CH_SCALAR(reset, db,
              QStringLiteral("SELECT value FROM cronhelm.settings"
                             " WHERE key = 'retention_sweep_cursor'"));
    QCOMPARE(reset, QStringLiteral("0,0"));
}

void TestRetention::applyRetentionSweepsEverything()
{
    CH_DATABASE(db);
    StoreConnection connection(db->conninfo());
    JobStore jobs(connection);
    RetentionStore store(connection);
    CH_VERIFY_OK(store.setPolicy({7, 1}));
    const Result<qint64> job = jobs.create(httpJob(QStringLiteral("nightly")));
    CH_VERIFY_OK(job);
    QVERIFY(addRuns(*db, *job, 12000, 20));
    CH_SCALAR(result, db, QStringLiteral("SELECT cronhelm.apply_retention()::text"));
    QCOMPARE(result, QStringLiteral(R"({"runs_deleted": 11999})"));
    QCOMPARE(runsOf(*db, *job), 1);
}

void TestRetention::clientRulesAgree()
{
    // The client's check (the dialog and the CLI use it) finds what the SQL API refuses.
    QCOMPARE(RetentionPolicy({0, 5}).problems().value(0).field, QStringLiteral("keep_days"));
    QCOMPARE(RetentionPolicy({5, -1}).problems().value(0).field, QStringLiteral("keep_runs"));
    QVERIFY(RetentionPolicy({36500, 1000000}).problems().isEmpty());
    QCOMPARE(RetentionPolicy({36501, 1000001}).problems().size(), 2);
}

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"

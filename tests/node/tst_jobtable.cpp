// The JobTable (core/node/jobtable.h) against a real PostgreSQL, without a node process: a
// takeover loads every job and schedules the active ones (next fire times written to
// job_state); a change notified while the takeover loads is applied after it; a resync
// applies what a missed notification would have; a lost lease drops the load in flight.

#include "leasesession.h"
#include "nodetesthelpers.h"

#include <node/jobtable.h>

#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

constexpr const char *nodeId = "table-node";

// The table's connections and the lease it loads under.
struct Fixture
{
    explicit Fixture(const QString &conninfo, std::chrono::milliseconds applyDelay = {})
        : session(conninfo, QString::fromLatin1(nodeId))
        , read(conninfo, QStringLiteral("test-read"))
        , fire(conninfo, QStringLiteral("test-fire"))
        , table(config(conninfo, applyDelay), identity(), read, fire)
    {}
    static NodeConfig config(const QString &conninfo, std::chrono::milliseconds applyDelay)
    {
        NodeConfig c;
        c.conninfo = conninfo;
        c.takeoverApplyDelay = applyDelay;
        return c;
    }
    static NodeIdentity identity()
    {
        return {QString::fromLatin1(nodeId), QStringLiteral("host"), 1, QStringLiteral("0.1.0"),
                QDateTime::currentDateTimeUtc()};
    }
    qint64 lead() { return session.beat(4) ? session.lead() : 0; }
    // Waits until every answer posted to the read thread so far has come back.
    bool drainRead()
    {
        bool drained = false;
        read.post(
            &table, [](StoreConnection &) { return 0; }, [&drained](int) { drained = true; });
        return QTest::qWaitFor([&drained] { return drained; }, 5000);
    }

    LeaseSession session;
    StoreWorker read;
    StoreWorker fire;
    JobTable table;
};

QDateTime nextMinuteAfter(const QDateTime &t, int every = 1)
{
    QDateTime next = t.toUTC();
    next.setTime(QTime(next.time().hour(), next.time().minute()));
    do {
        next = next.addSecs(60);
    } while (next.time().minute() % every != 0);
    return next;
}

} // namespace

class JobTableTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takeoverLoadsAndSchedulesEveryJob();
    void changeNotifiedDuringTheTakeoverIsAppliedAfterIt();
    void resyncAppliesWhatANotificationMissed();
    void lostLeaseDropsTheLoad();
};

void JobTableTest::takeoverLoadsAndSchedulesEveryJob()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(
        active, probe,
        shellJob(QStringLiteral("active"), QStringLiteral("true"), QStringLiteral("* * * * *")));
    QJsonObject pausedSpec =
        shellJob(QStringLiteral("paused"), QStringLiteral("true"), QStringLiteral("* * * * *"));
    pausedSpec.insert(QStringLiteral("enabled"), false);
    CH_CREATE_JOB(paused, probe, pausedSpec);
    Fixture f(db->conninfo());
    const qint64 term = f.lead();
    QVERIFY(term > 0);
    QList<std::pair<JobTable::Snapshot, QDateTime>> loads;
    connect(&f.table, &JobTable::loaded, this,
            [&loads](const JobTable::Snapshot &s, const QDateTime &now) {
                loads.append({s, now});
            });

    f.table.load(term);
    QVERIFY(!f.table.isLoaded());
    QTRY_COMPARE_WITH_TIMEOUT(loads.size(), 1, 5000);
    QVERIFY(f.table.isLoaded());
    QCOMPARE(loads.first().first.jobs.size(), 2);
    QCOMPARE(f.table.size(), 2);
    QVERIFY(f.table.find(active) && f.table.find(paused));
    QCOMPARE(f.table.find(active)->data.job.spec.name, QStringLiteral("active"));
    // Only the active job has a next slot: the minute after the takeover.
    const QDateTime next = nextMinuteAfter(loads.first().second);
    QCOMPARE(f.table.queue().slotOf(active), next);
    QVERIFY(!f.table.queue().slotOf(paused).isValid());
    QCOMPARE(f.table.queue().size(), 1);
    // Its next fire time is written (once a second, or now).
    f.table.flushStates();
    CH_WAIT(probe,
            QStringLiteral("(SELECT next_fire_at FROM cronhelm.job_state WHERE job_id = %1) = %2")
                .arg(active)
                .arg(SqlProbe::timestamp(next)),
            5000);

    // A fired slot schedules the job's next one.
    f.table.scheduleNext(active, next);
    QCOMPARE(f.table.queue().slotOf(active), next.addSecs(60));
}

void JobTableTest::changeNotifiedDuringTheTakeoverIsAppliedAfterIt()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(
        job, probe,
        shellJob(QStringLiteral("edited"), QStringLiteral("true"), QStringLiteral("* * * * *")));
    // The loaded jobs are held for a while before they are applied (the test hook).
    Fixture f(db->conninfo(), std::chrono::milliseconds(500));
    const qint64 term = f.lead();
    QVERIFY(term > 0);
    int loads = 0;
    connect(&f.table, &JobTable::loaded, this, [&loads] { ++loads; });
    f.table.load(term);
    // Read (version 1) but not applied yet: the edit is notified meanwhile.
    QVERIFY(f.drainRead());
    QCOMPARE(loads, 0);
    QVERIFY2(
        probe.updateJob(job, QJsonObject{{QStringLiteral("cron"), QStringLiteral("*/5 * * * *")}}),
        qPrintable(probe.lastError()));
    f.table.jobChanged(job);
    QTRY_COMPARE_WITH_TIMEOUT(loads, 1, 5000);
    QCOMPARE(f.table.find(job)->data.job.version, 1);
    f.table.reloadChangedWhileLoading();
    QTRY_COMPARE_WITH_TIMEOUT(f.table.find(job)->data.job.version, 2, 5000);
    QCOMPARE(f.table.queue().slotOf(job).time().minute() % 5, 0);

    // Loaded: a change is reloaded at once; a deleted job is unscheduled.
    CH_EXEC(probe, QStringLiteral("SELECT cronhelm.delete_job(%1)").arg(job));
    f.table.jobChanged(job);
    QTRY_VERIFY_WITH_TIMEOUT(!f.table.find(job), 5000);
    QVERIFY(!f.table.queue().slotOf(job).isValid());
}

void JobTableTest::resyncAppliesWhatANotificationMissed()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(
        kept, probe,
        shellJob(QStringLiteral("kept"), QStringLiteral("true"), QStringLiteral("* * * * *")));
    Fixture f(db->conninfo());
    const qint64 term = f.lead();
    QVERIFY(term > 0);
    QList<ActiveRun> queued;
    connect(&f.table, &JobTable::queuedFound, this,
            [&queued](const QList<ActiveRun> &runs) { queued.append(runs); });
    f.table.load(term);
    QTRY_VERIFY_WITH_TIMEOUT(f.table.isLoaded(), 5000);

    // Changed behind the table's back (no jobChanged()).
    CH_CREATE_JOB(
        added, probe,
        shellJob(QStringLiteral("added"), QStringLiteral("true"), QStringLiteral("* * * * *")));
    QVERIFY2(
        probe.updateJob(kept, QJsonObject{{QStringLiteral("cron"), QStringLiteral("*/5 * * * *")}}),
        qPrintable(probe.lastError()));
    CH_VALUE(runId, probe,
             QStringLiteral("INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, due_at, "
                            "status) VALUES (%1, 'manual', now(), now(), 'queued') RETURNING id")
                 .arg(added));
    QVERIFY(!f.table.find(added));
    f.table.resync();
    QTRY_VERIFY_WITH_TIMEOUT(f.table.find(added), 5000);
    QVERIFY(f.table.queue().slotOf(added).isValid());
    QCOMPARE(f.table.find(kept)->data.job.version, 2);
    QCOMPARE(f.table.queue().slotOf(kept).time().minute() % 5, 0);
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued.first().runId, runId.toLongLong());
}

void JobTableTest::lostLeaseDropsTheLoad()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(
        job, probe,
        shellJob(QStringLiteral("job"), QStringLiteral("true"), QStringLiteral("* * * * *")));
    Fixture f(db->conninfo());
    const qint64 term = f.lead();
    QVERIFY(term > 0);
    int loads = 0;
    connect(&f.table, &JobTable::loaded, this, [&loads] { ++loads; });
    f.table.load(term);
    f.table.unload(); // before the answer
    QVERIFY(f.drainRead());
    QCOMPARE(loads, 0);
    QVERIFY(!f.table.isLoaded());
    QCOMPARE(f.table.queue().size(), 0);
    // Not the executor: a notified change is not read.
    f.table.jobChanged(job);
    f.table.resync();
    QVERIFY(f.drainRead());
    QCOMPARE(f.table.size(), 0);
}

QTEST_GUILESS_MAIN(JobTableTest)
#include "tst_jobtable.moc"

// The QueuedRunPlacer (core/node/queuedrunplacer.h) against a real PostgreSQL, without a
// node process: the test holds the lease and a heartbeat on a connection of its own and
// plays the executor's part (what runs where, the concurrency policy). A Run now is claimed
// and started at once; runs no node can take wait and get the freed slot oldest first; a
// forbid job's scheduled run waits for the running one; a run placed on another node is
// left to it; a claim whose answer was lost with the connection starts once, when resolved.

#include "leasesession.h"
#include "nodetesthelpers.h"

#include <node/queuedrunplacer.h>

#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

constexpr const char *nodeId = "place-node";

// The executor's side, as the placer sees it.
class FakeExecutor : public QueuedRunPlacer::Node
{
public:
    qint64 term() const override { return leaseTerm; }
    bool canFire() const override { return leaseTerm != 0; }
    bool isLoaded() const override { return true; }
    bool isDraining() const override { return false; }
    int runningOfJob(qint64 jobId) const override
    {
        return runningJobs.count(jobId) + placer->claimingOfJob(jobId);
    }
    bool forbidsOverlap(qint64 jobId) const override { return forbidJobs.contains(jobId); }
    bool isRunningHere(qint64 runId) const override { return started.contains(runId); }
    void startHere(const ActiveRun &run) override
    {
        started.append(run.runId);
        runningJobs.append(run.jobId);
    }
    void startedElsewhere(qint64, qint64 runId, const QString &node) override
    {
        elsewhere.append({runId, node});
    }
    // The run ended here (its end as the Recorder would write it).
    void end(SqlProbe &probe, qint64 runId, qint64 jobId)
    {
        runningJobs.removeOne(jobId);
        (void)probe.query(QStringLiteral("UPDATE cronhelm.runs SET status = 'succeeded', "
                                         "finished_at = now() WHERE id = %1")
                              .arg(runId));
    }

    qint64 leaseTerm = 0;
    QueuedRunPlacer *placer = nullptr;
    QList<qint64> started;
    QList<qint64> runningJobs; // a job id per run running here
    QSet<qint64> forbidJobs;
    QList<std::pair<qint64, QString>> elsewhere;
};

// A queued, unassigned run of `job` scheduled `agoSeconds` ago (due now).
ActiveRun queuedRun(SqlProbe &probe, qint64 job, RunTrigger trigger, int agoSeconds)
{
    ActiveRun run;
    run.jobId = job;
    run.trigger = trigger;
    run.status = RunStatus::Queued;
    run.scheduledFor = QDateTime::currentDateTimeUtc().addSecs(-agoSeconds);
    run.dueAt = run.scheduledFor;
    Result<QString> id = probe.value(
        QStringLiteral("INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, due_at, "
                       "status) VALUES (%1, '%2', %3, %3, 'queued') RETURNING id")
            .arg(job)
            .arg(wireName(trigger), SqlProbe::timestamp(run.scheduledFor)));
    run.runId = id ? id->toLongLong() : 0;
    return run;
}

// This node holding the lease with `capacity` slots, and a placer working for a fake
// executor on a fire connection of its own, as in the Executor.
struct Placing
{
    explicit Placing(const QString &conninfo)
        : session(conninfo, QString::fromLatin1(nodeId))
        , fire(conninfo, QStringLiteral("test-fire"))
        , placer(executor, session.id, fire)
    {
        executor.placer = &placer;
    }
    // Beats with `capacity` free slots and takes the lease.
    bool lead(int capacity)
    {
        if (!session.beat(capacity))
            return false;
        executor.leaseTerm = session.lead();
        return executor.leaseTerm > 0;
    }

    LeaseSession session;
    FakeExecutor executor;
    StoreWorker fire;
    QueuedRunPlacer placer;
};

} // namespace

class QueuedRunPlacerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runNowIsClaimedAndStarted();
    void freedSlotGoesToTheOldestWaitingRun();
    void forbidMakesAScheduledRunWait();
    void runGivenToAnotherNodeIsLeftToIt();
    void lostClaimIsResolvedAndStartsOnce();
};

void QueuedRunPlacerTest::runNowIsClaimedAndStarted()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, shellJob(QStringLiteral("place"), QStringLiteral("true")));
    Placing p(db->conninfo());
    QVERIFY(p.lead(4));

    const ActiveRun run = queuedRun(probe, job, RunTrigger::Manual, 0);
    QVERIFY(run.runId > 0);
    p.placer.consider(run.runId);
    QVERIFY(p.placer.isClaiming(run.runId));
    QTRY_COMPARE_WITH_TIMEOUT(p.executor.started, QList<qint64>({run.runId}), 5000);
    QVERIFY(!p.placer.isClaiming(run.runId));
    CH_VALUE(row, probe,
             QStringLiteral("SELECT status || ' ' || node_id FROM cronhelm.runs WHERE id = %1")
                 .arg(run.runId));
    QCOMPARE(row, QStringLiteral("running %1").arg(QLatin1String(nodeId)));
    // Named again (a repeated notification): not claimed twice.
    p.placer.consider(run.runId);
    QVERIFY(!p.placer.isClaiming(run.runId));
}

void QueuedRunPlacerTest::freedSlotGoesToTheOldestWaitingRun()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    QJsonObject spec = shellJob(QStringLiteral("place"), QStringLiteral("true"));
    spec.insert(QStringLiteral("concurrency"), QStringLiteral("allow"));
    CH_CREATE_JOB(job, probe, spec);
    Placing p(db->conninfo());
    QVERIFY(p.lead(1)); // one slot in the whole cluster

    // Offered in this order; the two that find no slot wait, the newer one first.
    const ActiveRun first = queuedRun(probe, job, RunTrigger::Manual, 300);
    const ActiveRun newer = queuedRun(probe, job, RunTrigger::Manual, 60);
    const ActiveRun older = queuedRun(probe, job, RunTrigger::Manual, 120);
    p.placer.schedule(first);
    p.placer.schedule(newer);
    p.placer.schedule(older);
    QTRY_COMPARE_WITH_TIMEOUT(p.placer.waitingCount(), 2, 5000);
    QCOMPARE(p.executor.started, QList<qint64>({first.runId}));
    CH_VALUE(
        reason, probe,
        QStringLiteral("SELECT wait_reason FROM cronhelm.runs WHERE id = %1").arg(newer.runId));
    QVERIFY2(reason.contains(QLatin1String("1 of 1 busy")), qPrintable(reason));

    p.executor.end(probe, first.runId, job);
    p.placer.placeWaiting();
    QTRY_COMPARE_WITH_TIMEOUT(p.executor.started, QList<qint64>({first.runId, older.runId}), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(p.placer.waitingCount(), 1, 5000);
    p.executor.end(probe, older.runId, job);
    p.placer.placeWaiting();
    QTRY_COMPARE_WITH_TIMEOUT(p.executor.started,
                              QList<qint64>({first.runId, older.runId, newer.runId}), 5000);
    QCOMPARE(p.placer.waitingCount(), 0);
}

void QueuedRunPlacerTest::forbidMakesAScheduledRunWait()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, shellJob(QStringLiteral("place"), QStringLiteral("true")));
    Placing p(db->conninfo());
    QVERIFY(p.lead(8));
    p.executor.forbidJobs.insert(job);

    const ActiveRun running = queuedRun(probe, job, RunTrigger::Manual, 30);
    p.placer.schedule(running);
    QTRY_COMPARE_WITH_TIMEOUT(p.executor.started, QList<qint64>({running.runId}), 5000);
    // A scheduled run and a catch-up of the busy job wait, though slots are free; a Run
    // now is not bound by the policy.
    const ActiveRun scheduled = queuedRun(probe, job, RunTrigger::Schedule, 20);
    const ActiveRun catchUp = queuedRun(probe, job, RunTrigger::CatchUp, 10);
    const ActiveRun manual = queuedRun(probe, job, RunTrigger::Manual, 5);
    p.placer.schedule(scheduled);
    p.placer.schedule(catchUp);
    p.placer.schedule(manual);
    QTRY_COMPARE_WITH_TIMEOUT(p.executor.started, QList<qint64>({running.runId, manual.runId}),
                              5000);
    QTRY_COMPARE_WITH_TIMEOUT(p.placer.waitingCount(), 2, 5000);
    CH_VALUE(waiting, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE status = 'queued' AND "
                            "node_id IS NULL"));
    QCOMPARE(waiting, QStringLiteral("2"));

    // Both end: the older waiting run goes, and the other waits for it in turn.
    p.executor.end(probe, running.runId, job);
    p.executor.end(probe, manual.runId, job);
    p.placer.placeWaiting();
    QTRY_COMPARE_WITH_TIMEOUT(p.executor.started.size(), 3, 5000);
    QCOMPARE(p.executor.started.last(), scheduled.runId);
    QTRY_COMPARE_WITH_TIMEOUT(p.placer.waitingCount(), 1, 5000);
    p.executor.end(probe, scheduled.runId, job);
    p.placer.placeWaiting();
    QTRY_COMPARE_WITH_TIMEOUT(p.executor.started.size(), 4, 5000);
    QCOMPARE(p.executor.started.last(), catchUp.runId);
}

void QueuedRunPlacerTest::runGivenToAnotherNodeIsLeftToIt()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, shellJob(QStringLiteral("place"), QStringLiteral("true")));
    Placing p(db->conninfo());
    QVERIFY(p.lead(1));
    LeaseSession worker(db->conninfo(), QStringLiteral("place-worker"));
    QVERIFY(worker.beat(16)); // more free slots: the database picks it

    const ActiveRun run = queuedRun(probe, job, RunTrigger::Manual, 0);
    p.placer.consider(run.runId);
    QTRY_COMPARE_WITH_TIMEOUT(p.executor.elsewhere.size(), 1, 5000);
    QCOMPARE(p.executor.elsewhere.first().first, run.runId);
    QCOMPARE(p.executor.elsewhere.first().second, worker.id);
    QVERIFY(p.executor.started.isEmpty());
    CH_VALUE(row, probe,
             QStringLiteral("SELECT status || ' ' || node_id FROM cronhelm.runs WHERE id = %1")
                 .arg(run.runId));
    QCOMPARE(row, QStringLiteral("queued place-worker"));
}

void QueuedRunPlacerTest::lostClaimIsResolvedAndStartsOnce()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, shellJob(QStringLiteral("place"), QStringLiteral("true")));
    Placing p(db->conninfo());
    QVERIFY(p.lead(4));

    // The fire connection open (a first claim), then cut by the server.
    const ActiveRun warm = queuedRun(probe, job, RunTrigger::Manual, 0);
    p.placer.consider(warm.runId);
    QTRY_COMPARE_WITH_TIMEOUT(p.executor.started.size(), 1, 5000);
    CH_EXEC(probe,
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname "
                           "= current_database() AND pid <> pg_backend_pid() AND pid NOT IN "
                           "(SELECT backend_pid FROM cronhelm.nodes WHERE backend_pid IS NOT "
                           "NULL)"));
    const ActiveRun run = queuedRun(probe, job, RunTrigger::Manual, 0);
    p.placer.schedule(run);
    // The claim's answer is lost: in doubt, counted for its job, not claimed again.
    QTRY_VERIFY_WITH_TIMEOUT(p.placer.isInDoubt(run.runId), 5000);
    QVERIFY(p.placer.isClaiming(run.runId));
    QCOMPARE(p.placer.claimingOfJob(job), 1);
    p.placer.consider(run.runId);
    p.placer.schedule(run);
    // Resolved once the connection is back (here: at once): claimed now, started once.
    p.placer.resolveInDoubt();
    QTRY_COMPARE_WITH_TIMEOUT(p.executor.started, QList<qint64>({warm.runId, run.runId}), 5000);
    QVERIFY(!p.placer.isInDoubt(run.runId));
    QCOMPARE(p.placer.claimingOfJob(job), 0);
    CH_VALUE(row, probe,
             QStringLiteral("SELECT status || ' ' || node_id FROM cronhelm.runs WHERE id = %1")
                 .arg(run.runId));
    QCOMPARE(row, QStringLiteral("running %1").arg(QLatin1String(nodeId)));
}

QTEST_GUILESS_MAIN(QueuedRunPlacerTest)
#include "tst_queuedrunplacer.moc"

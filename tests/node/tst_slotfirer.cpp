// The SlotFirer (core/node/slotfirer.h) against a real PostgreSQL, without a node process:
// the test holds the lease on a session of its own and plays the executor's part. A due
// slot is recorded and its run reserved here, the job's next slot scheduled; the forbid
// policy records a skipped slot; slots due while the lease is unproven are held and fired
// once it is proven; a refused term fences; a run no node can take is queued; a run given
// to another node is left to it.

#include "leasesession.h"
#include "nodetesthelpers.h"

#include <node/slotfirer.h>

#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

constexpr const char *nodeId = "fire-node";

// The executor's side, as the firer sees it.
class FakeExecutor : public SlotFirer::Node
{
public:
    qint64 term() const override { return leaseTerm; }
    bool canFire() const override { return leaseTerm != 0 && proven; }
    bool isDraining() const override { return false; }
    void fenced() override
    {
        proven = false;
        ++fences;
    }
    int runningOfJob(qint64 jobId) const override { return running.value(jobId); }
    void replaceRunning(qint64 jobId, const QDateTime &) override { replaced.append(jobId); }
    void reserveFired(qint64 runId, const SlotFire &fire) override
    {
        reserved.append({runId, fire});
    }
    void startFired(qint64 runId, const SlotFire &fire) override { started.append({runId, fire}); }
    void queueFired(const ActiveRun &run) override { queued.append(run); }
    void startedElsewhere(qint64, qint64 runId, const QString &node) override
    {
        elsewhere.append({runId, node});
    }

    qint64 leaseTerm = 0;
    bool proven = true;
    int fences = 0;
    QHash<qint64, int> running;
    QList<qint64> replaced;
    QList<std::pair<qint64, SlotFire>> reserved;
    QList<std::pair<qint64, SlotFire>> started;
    QList<ActiveRun> queued;
    QList<std::pair<qint64, QString>> elsewhere;
};

// The lease, the jobs loaded, and a firer.
struct Fixture
{
    explicit Fixture(const QString &conninfo, int capacity = 4)
        : session(conninfo, QString::fromLatin1(nodeId))
        , read(conninfo, QStringLiteral("test-read"))
        , fire(conninfo, QStringLiteral("test-fire"))
        , jobs(config(conninfo), identity(), read, fire)
        , firer(executor, jobs, QString::fromLatin1(nodeId), fire)
    {
        if (session.beat(capacity))
            executor.leaseTerm = session.lead();
    }
    static NodeConfig config(const QString &conninfo)
    {
        NodeConfig c;
        c.conninfo = conninfo;
        return c;
    }
    static NodeIdentity identity()
    {
        return {QString::fromLatin1(nodeId), QStringLiteral("host"), 1, QStringLiteral("0.1.0"),
                QDateTime::currentDateTimeUtc()};
    }
    bool load()
    {
        jobs.load(executor.leaseTerm);
        return QTest::qWaitFor([this] { return jobs.isLoaded(); }, 5000);
    }
    // Waits until every answer posted to the fire thread so far has come back.
    bool drainFire()
    {
        bool drained = false;
        fire.post(
            &firer, [](StoreConnection &) { return 0; }, [&drained](int) { drained = true; });
        return QTest::qWaitFor([&drained] { return drained; }, 5000);
    }

    LeaseSession session;
    StoreWorker read;
    StoreWorker fire;
    FakeExecutor executor;
    JobTable jobs;
    SlotFirer firer;
};

QJsonObject everyMinute(const QString &name, const QString &concurrency)
{
    QJsonObject spec = shellJob(name, QStringLiteral("true"), QStringLiteral("* * * * *"));
    spec.insert(QStringLiteral("concurrency"), concurrency);
    return spec;
}

QString rowOf(SqlProbe &probe, qint64 job, const QDateTime &slot)
{
    Result<QString> row = probe.value(
        QStringLiteral("SELECT status || ' ' || coalesce(node_id, '-') FROM cronhelm.runs WHERE "
                       "job_id = %1 AND scheduled_for = %2")
            .arg(job)
            .arg(SqlProbe::timestamp(slot)));
    return row ? *row : QString();
}

} // namespace

class SlotFirerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dueSlotIsRecordedAndReservedHere();
    void forbidWhileRunningRecordsASkip();
    void slotsDueWhileTheLeaseIsUnprovenAreHeld();
    void refusedTermFences();
    void runNoNodeCanTakeIsQueued();
    void runGivenToAnotherNodeIsLeftToIt();
};

void SlotFirerTest::dueSlotIsRecordedAndReservedHere()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, everyMinute(QStringLiteral("due"), QStringLiteral("allow")));
    Fixture f(db->conninfo());
    QVERIFY(f.executor.leaseTerm > 0);
    QVERIFY(f.load());
    const QDateTime slot = f.jobs.queue().slotOf(job);
    QVERIFY(slot.isValid());

    f.executor.running.insert(job, 2); // allow: runs alongside
    f.firer.onDue({{job, slot}});
    // The next slot is scheduled at once, while the fire is being recorded.
    QCOMPARE(f.jobs.queue().slotOf(job), slot.addSecs(60));
    QTRY_COMPARE_WITH_TIMEOUT(f.executor.reserved.size(), 1, 5000);
    const auto &[runId, fire] = f.executor.reserved.first();
    QCOMPARE(fire.jobId, job);
    QCOMPARE(fire.slot, slot);
    QCOMPARE(fire.decision, SlotDecision::Reserve);
    QCOMPARE(rowOf(probe, job, slot), QStringLiteral("queued %1").arg(QLatin1String(nodeId)));
    CH_VALUE(id, probe, QStringLiteral("SELECT id FROM cronhelm.runs WHERE job_id = %1").arg(job));
    QCOMPARE(runId, id.toLongLong());
    QVERIFY(f.executor.started.isEmpty() && f.executor.queued.isEmpty());
}

void SlotFirerTest::forbidWhileRunningRecordsASkip()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, everyMinute(QStringLiteral("busy"), QStringLiteral("forbid")));
    Fixture f(db->conninfo());
    QVERIFY(f.load());
    const QDateTime slot = f.jobs.queue().slotOf(job);
    f.executor.running.insert(job, 1);
    f.firer.onDue({{job, slot}});
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'skipped')")
                .arg(job),
            5000);
    QVERIFY(f.drainFire());
    QVERIFY(f.executor.reserved.isEmpty());
    QVERIFY(f.executor.queued.isEmpty());
}

void SlotFirerTest::slotsDueWhileTheLeaseIsUnprovenAreHeld()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, everyMinute(QStringLiteral("held"), QStringLiteral("allow")));
    Fixture f(db->conninfo());
    QVERIFY(f.load());
    const QDateTime slot = f.jobs.queue().slotOf(job);
    f.executor.proven = false; // the renewal is late
    f.firer.onDue({{job, slot}});
    QVERIFY(f.drainFire());
    CH_VALUE(none, probe, QStringLiteral("SELECT count(*) FROM cronhelm.runs"));
    QCOMPARE(none, QStringLiteral("0"));
    f.firer.fireHeld(); // still unproven: still held
    QVERIFY(f.drainFire());
    QVERIFY(f.executor.reserved.isEmpty());

    f.executor.proven = true;
    f.firer.fireHeld();
    QTRY_COMPARE_WITH_TIMEOUT(f.executor.reserved.size(), 1, 5000);
    QCOMPARE(f.executor.reserved.first().second.slot, slot);
    // Fired once: held slots are not fired again.
    f.firer.fireHeld();
    QVERIFY(f.drainFire());
    QCOMPARE(f.executor.reserved.size(), 1);

    // A new lease drops what was held under the old one.
    f.executor.proven = false;
    f.firer.onDue({{job, slot.addSecs(60)}});
    f.firer.reset();
    f.executor.proven = true;
    f.firer.fireHeld();
    QVERIFY(f.drainFire());
    QCOMPARE(f.executor.reserved.size(), 1);
}

void SlotFirerTest::refusedTermFences()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, everyMinute(QStringLiteral("fenced"), QStringLiteral("allow")));
    Fixture f(db->conninfo());
    QVERIFY(f.load());
    const QDateTime slot = f.jobs.queue().slotOf(job);
    ++f.executor.leaseTerm; // a term the database never gave
    f.firer.onDue({{job, slot}});
    QTRY_COMPARE_WITH_TIMEOUT(f.executor.fences, 1, 5000);
    QVERIFY(!f.executor.canFire());
    QVERIFY(f.executor.reserved.isEmpty());
    CH_VALUE(none, probe, QStringLiteral("SELECT count(*) FROM cronhelm.runs"));
    QCOMPARE(none, QStringLiteral("0"));
}

void SlotFirerTest::runNoNodeCanTakeIsQueued()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, everyMinute(QStringLiteral("full"), QStringLiteral("allow")));
    Fixture f(db->conninfo(), 1);
    QVERIFY(f.load());
    // The node's one slot is taken by a run of its own.
    CH_EXEC(probe,
            QStringLiteral("INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, "
                           "due_at, status, node_id, started_at) VALUES (%1, 'manual', "
                           "now(), now(), 'running', '%2', now())")
                .arg(job)
                .arg(QLatin1String(nodeId)));
    const QDateTime slot = f.jobs.queue().slotOf(job);
    f.firer.onDue({{job, slot}});
    QTRY_COMPARE_WITH_TIMEOUT(f.executor.queued.size(), 1, 5000);
    const ActiveRun &run = f.executor.queued.first();
    QCOMPARE(run.jobId, job);
    QCOMPARE(run.scheduledFor, slot);
    QCOMPARE(run.dueAt, slot);
    QCOMPARE(run.status, RunStatus::Queued);
    QCOMPARE(rowOf(probe, job, slot), QStringLiteral("queued -"));
    QVERIFY(f.executor.reserved.isEmpty());
}

void SlotFirerTest::runGivenToAnotherNodeIsLeftToIt()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, everyMinute(QStringLiteral("spread"), QStringLiteral("allow")));
    Fixture f(db->conninfo(), 1);
    LeaseSession worker(db->conninfo(), QStringLiteral("fire-worker"));
    QVERIFY(worker.beat(16)); // more free slots: the database picks it
    QVERIFY(f.load());
    const QDateTime slot = f.jobs.queue().slotOf(job);
    f.firer.onDue({{job, slot}});
    QTRY_COMPARE_WITH_TIMEOUT(f.executor.elsewhere.size(), 1, 5000);
    QCOMPARE(f.executor.elsewhere.first().second, worker.id);
    QCOMPARE(rowOf(probe, job, slot), QStringLiteral("queued fire-worker"));
    QVERIFY(f.executor.reserved.isEmpty());
}

QTEST_GUILESS_MAIN(SlotFirerTest)
#include "tst_slotfirer.moc"

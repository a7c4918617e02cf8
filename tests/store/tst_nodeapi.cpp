// The node's side of the SQL API through NodeStore, logged in as cronhelm_node: fencing,
// exactly-once slots (also under concurrent fires), claiming queued runs, recording
// outcomes with retries, abandoning orphaned runs, run logs and the executor's job state.

#include "storetesthelpers.h"

#include <store/jobstore.h>
#include <store/nodestore.h>
#include <store/runstore.h>
#include <store/storeconnection.h>

#include <QtTest>

#include <latch>
#include <set>
#include <thread>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

struct Node
{
    Node(const QString &conninfo, const QString &nodeId)
        : id(nodeId)
        , connection(conninfo)
        , store(connection)
    {}
    QString id;
    StoreConnection connection;
    NodeStore store;

    // Heartbeats and takes the lease; returns the term (or -1).
    qint64 lead(double ttl = 30)
    {
        (void)store.heartbeat({id, QStringLiteral("host"), 1, QStringLiteral("0.1.0"),
                               QDateTime::currentDateTimeUtc()},
                              NodeRole::Standby, 0);
        Result<std::optional<qint64>> term = store.acquireLease(id, ttl);
        return term && term->has_value() ? **term : -1;
    }
};

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

SlotFire fire(qint64 job, const QDateTime &slot, const char *decision = "running",
              const char *trigger = "schedule", const QString &error = {})
{
    SlotFire f{job, slot, *fromWireName<RunTrigger>(QString::fromLatin1(trigger)),
               SlotDecision::Start, error};
    for (SlotDecision d :
         {SlotDecision::Reserve, SlotDecision::Start, SlotDecision::Queue, SlotDecision::Skip}) {
        if (wireName(d) == QLatin1String(decision))
            f.decision = d;
    }
    return f;
}

FinishedRun outcome(qint64 runId, const char *status)
{
    FinishedRun f;
    f.runId = runId;
    f.status = *fromWireName<RunStatus>(QString::fromLatin1(status));
    return f;
}

} // namespace

class TestNodeApi : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void fencing_data();
    void fencing();
    void fireSlotsExactlyOnce();
    void fireSlotsRespectsJobState();
    void fireSlotsConcurrently();
    void claimRun();
    void retries_data();
    void retries();
    void noRetry_data();
    void noRetry();
    void finishRunChecks();
    void abandonOrphanedRuns();
    void runLog();
    void batchedRecording();
    void activeRuns();
    void jobState();
    void loadJobs();
    void settleOutcomesSeeOtherNodes();

private:
    FunctionDatabase m_db;
    TestDatabase *m_current = nullptr;
    QByteArray m_function;
    QString m_nodeRole;
    std::unique_ptr<StoreConnection> m_adminConnection;
    std::unique_ptr<JobStore> m_jobs;

    qint64 createJob(const QJsonObject &spec)
    {
        Result<qint64> id = m_jobs->create(spec);
        return id ? *id : -1;
    }
};

void TestNodeApi::init()
{
    m_jobs.reset();
    m_adminConnection.reset();
    Result<TestDatabase *> db = m_db.get();
    QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
    m_current = *db;
    if (m_function != QTest::currentTestFunction()) {
        m_function = QTest::currentTestFunction();
        Result<QString> role = m_current->createLoginRole(QStringLiteral("cronhelm_node"));
        QVERIFY2(role.ok(), qPrintable(role.errorMessage()));
        m_nodeRole = *role;
    }
    m_adminConnection = std::make_unique<StoreConnection>(m_current->conninfo());
    m_jobs = std::make_unique<JobStore>(*m_adminConnection);
    // Rows of a data-driven test share the database: start each with no executor.
    CH_EXEC(m_current,
            QStringLiteral("UPDATE cronhelm.lease SET holder = NULL, holder_pid = NULL,"
                           " expires_at = clock_timestamp()"));
}

void TestNodeApi::fencing_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("lease handed over") << QStringLiteral("handed over");
    QTest::newRow("lease expired") << QStringLiteral("expired");
    QTest::newRow("wrong term") << QStringLiteral("wrong term");
    QTest::newRow("never held") << QStringLiteral("never held");
}

void TestNodeApi::fencing()
{
    QFETCH(QString, scenario);
    Node a(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-a"));
    Node b(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-b"));
    const qint64 job = createJob(httpJob(QString::fromLatin1(QTest::currentDataTag())));
    QVERIFY(job > 0);
    Result<qint64> queued = m_jobs->runNow(job);
    CH_VERIFY_OK(queued);

    qint64 staleTerm = 0;
    if (scenario == QLatin1String("handed over")) {
        staleTerm = a.lead();
        QVERIFY(staleTerm > 0);
        CH_VERIFY_OK(a.store.releaseLease(a.id));
        QCOMPARE(b.lead(), staleTerm + 1);
    } else if (scenario == QLatin1String("expired")) {
        staleTerm = a.lead(0.2);
        QVERIFY(staleTerm > 0);
        QVERIFY(QTest::qWaitFor(
            [&] {
                Result<QString> expired = m_current->scalar(QStringLiteral(
                    "SELECT (expires_at <= clock_timestamp())::text FROM cronhelm.lease"));
                return expired && *expired == QLatin1String("true");
            },
            5000));
    } else if (scenario == QLatin1String("wrong term")) {
        const qint64 term = a.lead();
        QVERIFY(term > 0);
        staleTerm = term - 1;
    }

    const QDateTime slot = at("2026-03-08T07:30:00Z");
    Result<QList<FiredRun>> fired = a.store.fireSlots(a.id, staleTerm, {fire(job, slot)});
    QCOMPARE(kindOf(fired), QStringLiteral("Fenced"));
    QVERIFY2(fired.errorMessage().contains(a.id), qPrintable(fired.errorMessage()));
    QVERIFY2(fired.errorMessage().contains(QString::number(staleTerm)),
             qPrintable(fired.errorMessage()));
    QCOMPARE(kindOf(a.store.claimRun(a.id, staleTerm, *queued)), QStringLiteral("Fenced"));
    QCOMPARE(kindOf(a.store.abandonOrphanedRuns(a.id, staleTerm, 30)), QStringLiteral("Fenced"));

    // Nothing was recorded, and the queued run is still there for the real executor.
    CH_SCALAR(runs, m_current,
              QStringLiteral("SELECT count(*) || ',' || min(status) FROM cronhelm.runs"
                             " WHERE job_id = %1")
                  .arg(job));
    QCOMPARE(runs, QStringLiteral("1,queued"));
    // The fenced node's connection is still usable.
    CH_VERIFY_OK(a.store.activeRuns(a.id));
}

void TestNodeApi::fireSlotsExactlyOnce()
{
    Node a(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-a"));
    const qint64 term = a.lead();
    QVERIFY(term > 0);
    const qint64 j1 = createJob(httpJob(QStringLiteral("j1")));
    const qint64 j2 = createJob(httpJob(QStringLiteral("j2")));
    QVERIFY(j1 > 0 && j2 > 0);
    const QDateTime s1 = at("2026-03-08T07:30:00.123Z");
    const QDateTime s2 = at("2026-03-08T07:35:00Z");

    Result<QList<FiredRun>> fired = a.store.fireSlots(a.id, term, {fire(j1, s1), fire(j2, s1)});
    CH_VERIFY_OK(fired);
    QCOMPARE(fired->size(), 2);
    QCOMPARE(fired->at(0).index, 0);
    QCOMPARE(fired->at(1).index, 1);
    QVERIFY(fired->at(0).runId != fired->at(1).runId);

    RunStore runs(a.connection);
    Result<RunRecord> run = runs.byId(fired->at(0).runId);
    CH_VERIFY_OK(run);
    QCOMPARE(run->jobId, j1);
    QCOMPARE(run->trigger, RunTrigger::Schedule);
    QCOMPARE(run->status, RunStatus::Running);
    QCOMPARE(run->scheduledFor, s1); // to the millisecond
    QCOMPARE(run->dueAt, s1);
    QCOMPARE(run->node, a.id);
    QCOMPARE(run->term.value_or(-1), term);
    QCOMPARE(run->attempt, 1);
    QVERIFY(run->startedAt.isValid());
    QVERIFY(!run->finishedAt.isValid());

    // The same (job, slot) again: recorded already, so not returned; the new slot is.
    fired = a.store.fireSlots(a.id, term, {fire(j1, s1), fire(j1, s2, "running", "catch_up")});
    CH_VERIFY_OK(fired);
    QCOMPARE(fired->size(), 1);
    QCOMPARE(fired->at(0).index, 1);
    run = runs.byId(fired->at(0).runId);
    CH_VERIFY_OK(run);
    QCOMPARE(run->trigger, RunTrigger::CatchUp);
    // A catch-up of a slot that ran on schedule is the same slot.
    fired = a.store.fireSlots(a.id, term, {fire(j2, s1, "running", "catch_up")});
    CH_VERIFY_OK(fired);
    QCOMPARE(fired->size(), 0);

    // The same slot twice in one call still makes one run, returned once.
    const QDateTime s3 = at("2026-03-08T07:40:00Z");
    fired = a.store.fireSlots(a.id, term, {fire(j2, s3), fire(j2, s3)});
    CH_VERIFY_OK(fired);
    QCOMPARE(fired->size(), 1);

    // A skipped slot is recorded as finished, with the reason.
    const QDateTime s4 = at("2026-03-08T07:45:00Z");
    fired = a.store.fireSlots(
        a.id, term,
        {fire(j1, s4, "skipped", "schedule", QStringLiteral("the previous run is still running"))});
    CH_VERIFY_OK(fired);
    QCOMPARE(fired->size(), 1);
    run = runs.byId(fired->at(0).runId);
    CH_VERIFY_OK(run);
    QCOMPARE(run->status, RunStatus::Skipped);
    QVERIFY(run->finishedAt.isValid());
    QVERIFY(!run->startedAt.isValid());
    QCOMPARE(run->error, QStringLiteral("the previous run is still running"));

    CH_SCALAR(total, m_current, QStringLiteral("SELECT count(*) FROM cronhelm.runs"));
    QCOMPARE(total.toInt(), 5);
}

void TestNodeApi::fireSlotsRespectsJobState()
{
    Node a(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-a"));
    const qint64 term = a.lead();
    QVERIFY(term > 0);
    const qint64 paused = createJob(httpJob(QStringLiteral("paused")));
    const qint64 deleted = createJob(httpJob(QStringLiteral("deleted")));
    const qint64 live = createJob(httpJob(QStringLiteral("live")));
    CH_VERIFY_OK(m_jobs->pause(paused));
    CH_VERIFY_OK(m_jobs->remove(deleted));
    const QDateTime slot = at("2026-03-08T08:00:00Z");

    Result<QList<FiredRun>> fired = a.store.fireSlots(
        a.id, term,
        {fire(paused, slot), fire(deleted, slot), fire(live, slot),
         fire(paused, slot.addSecs(60), "skipped", "schedule", QStringLiteral("paused")),
         fire(deleted, slot.addSecs(60), "skipped")});
    CH_VERIFY_OK(fired);
    // The live job runs; a paused job's slot may only be recorded as skipped; a deleted
    // job gets nothing.
    QCOMPARE(fired->size(), 2);
    QCOMPARE(fired->at(0).index, 2);
    QCOMPARE(fired->at(1).index, 3);
}

// Two connections of the executor fire the same slots at the same moment: every slot
// makes exactly one run, and each is returned to exactly one of the callers. A second
// node without the lease is fenced off.
void TestNodeApi::fireSlotsConcurrently()
{
    Node a1(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-a"));
    Node a2(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-a"));
    Node b(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-b"));
    const qint64 term = a1.lead();
    QVERIFY(term > 0);
    QList<SlotFire> fires;
    QList<qint64> jobs;
    for (int j = 0; j < 4; ++j) {
        jobs.append(createJob(httpJob(QStringLiteral("race %1").arg(j))));
        QVERIFY(jobs.last() > 0);
    }
    const QDateTime base = at("2026-03-08T09:00:00Z");
    for (int minute = 0; minute < 25; ++minute) {
        for (qint64 job : std::as_const(jobs))
            fires.append(fire(job, base.addSecs(60 * minute)));
    }

    std::latch start(3);
    Result<QList<FiredRun>> results[3] = {QList<FiredRun>{}, QList<FiredRun>{}, QList<FiredRun>{}};
    Node *callers[3] = {&a1, &a2, &b};
    auto work = [&](int i) {
        start.arrive_and_wait();
        results[i] = callers[i]->store.fireSlots(callers[i]->id, term, fires);
    };
    std::thread t0(work, 0);
    std::thread t1(work, 1);
    std::thread t2(work, 2);
    t0.join();
    t1.join();
    t2.join();

    CH_VERIFY_OK(results[0]);
    CH_VERIFY_OK(results[1]);
    QCOMPARE(kindOf(results[2]), QStringLiteral("Fenced"));
    std::set<int> indexes;
    std::set<qint64> runIds;
    for (int i = 0; i < 2; ++i) {
        for (const FiredRun &f : *results[i]) {
            QVERIFY2(indexes.insert(f.index).second, "a slot was returned to both callers");
            runIds.insert(f.runId);
        }
    }
    QCOMPARE(int(indexes.size()), int(fires.size()));
    QCOMPARE(int(runIds.size()), int(fires.size()));
    CH_SCALAR(total, m_current, QStringLiteral("SELECT count(*) FROM cronhelm.runs"));
    QCOMPARE(total.toInt(), int(fires.size()));
}

void TestNodeApi::claimRun()
{
    Node a(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-a"));
    const qint64 term = a.lead();
    QVERIFY(term > 0);
    const qint64 job = createJob(httpJob(QStringLiteral("manual")));
    Result<qint64> queued = m_jobs->runNow(job);
    CH_VERIFY_OK(queued);
    Result<qint64> cancelled = m_jobs->runNow(job);
    CH_VERIFY_OK(cancelled);
    CH_VERIFY_OK(m_jobs->cancelRun(*cancelled));

    Result<bool> claimed = a.store.claimRun(a.id, term, *queued);
    CH_VERIFY_OK(claimed);
    QVERIFY(*claimed);
    Result<std::optional<ActiveRun>> active = a.store.activeRun(*queued);
    CH_VERIFY_OK(active);
    QVERIFY(active->has_value());
    QCOMPARE((*active)->status, RunStatus::Running);
    QCOMPARE((*active)->node, a.id);
    QCOMPARE((*active)->trigger, RunTrigger::Manual);
    QCOMPARE((*active)->triggeredBy, QStringLiteral("cronhelm"));
    CH_SCALAR(termOf, m_current,
              QStringLiteral("SELECT term FROM cronhelm.runs WHERE id = %1").arg(*queued));
    QCOMPARE(termOf.toLongLong(), term);

    // Claimed already, cancelled, or missing: false, not an error.
    const qint64 claimedRun = *queued;
    claimed = a.store.claimRun(a.id, term, *queued);
    CH_VERIFY_OK(claimed);
    QVERIFY(!*claimed);
    claimed = a.store.claimRun(a.id, term, *cancelled);
    CH_VERIFY_OK(claimed);
    QVERIFY(!*claimed);
    claimed = a.store.claimRun(a.id, term, 999999);
    CH_VERIFY_OK(claimed);
    QVERIFY(!*claimed);

    // The claim's moment is not the start: the node's true start (the process executed, the
    // request written) replaces it when the run ends.
    FinishedRun done = outcome(claimedRun, "succeeded");
    done.startedAt = QDateTime::currentDateTimeUtc().addSecs(2);
    done.finishedAt = done.startedAt.addSecs(1);
    CH_VERIFY_OK(a.store.finishRuns(a.id, {done}));
    Result<RunRecord> ended = RunStore(a.connection).byId(claimedRun);
    CH_VERIFY_OK(ended);
    QCOMPARE(ended->startedAt.toMSecsSinceEpoch(), done.startedAt.toMSecsSinceEpoch());
}

void TestNodeApi::retries_data()
{
    QTest::addColumn<QString>("backoff");
    QTest::addColumn<QList<int>>("delays"); // seconds before each retry may start
    QTest::newRow("fixed") << QStringLiteral("fixed") << QList<int>{40, 40, 40};
    QTest::newRow("exponential") << QStringLiteral("exponential") << QList<int>{40, 80, 160};
}

// A failed attempt queues the next one (same slot, attempt + 1, due after the backoff)
// until the job's retries are used up.
void TestNodeApi::retries()
{
    QFETCH(QString, backoff);
    QFETCH(QList<int>, delays);
    Node a(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-a"));
    const qint64 term = a.lead();
    QVERIFY(term > 0);
    QJsonObject spec = httpJob(QString::fromLatin1(QTest::currentDataTag()));
    spec.insert(QStringLiteral("retries"), int(delays.size()));
    spec.insert(QStringLiteral("retry_backoff"), backoff);
    spec.insert(QStringLiteral("retry_delay_s"), 40);
    const qint64 job = createJob(spec);
    QVERIFY(job > 0);
    const QDateTime slot = at("2026-03-08T07:30:00Z");
    Result<QList<FiredRun>> fired = a.store.fireSlots(a.id, term, {fire(job, slot)});
    CH_VERIFY_OK(fired);
    QCOMPARE(fired->size(), 1);
    const qint64 first = fired->at(0).runId;
    RunStore runs(a.connection);

    qint64 current = first;
    const char *failures[] = {"failed", "timed_out", "failed", "failed"};
    for (int attempt = 1; attempt <= int(delays.size()) + 1; ++attempt) {
        FinishedRun done = outcome(current, failures[attempt - 1]);
        done.exitCode = 3;
        done.error = QStringLiteral("exit code 3");
        Result<std::optional<qint64>> retry = a.store.finishRun(a.id, done);
        CH_VERIFY_OK(retry);
        Result<RunRecord> finished = runs.byId(current);
        CH_VERIFY_OK(finished);
        QCOMPARE(wireName(finished->status), QString::fromLatin1(failures[attempt - 1]));
        QCOMPARE(finished->exitCode.value_or(-1), 3);
        QCOMPARE(finished->attempt, attempt);
        if (attempt > delays.size()) {
            QVERIFY2(!retry->has_value(), "retried beyond the job's retries");
            break;
        }
        QVERIFY(retry->has_value());
        Result<RunRecord> next = runs.byId(**retry);
        CH_VERIFY_OK(next);
        QCOMPARE(next->trigger, RunTrigger::Retry);
        QCOMPARE(next->status, RunStatus::Queued);
        QCOMPARE(next->attempt, attempt + 1);
        QCOMPARE(next->firstRunId, first);
        QCOMPARE(next->scheduledFor, slot);
        const qint64 delay = finished->finishedAt.msecsTo(next->dueAt);
        QVERIFY2(qAbs(delay - delays.at(attempt - 1) * 1000) < 2000,
                 qPrintable(QStringLiteral("attempt %1: due %2 ms after the failure, want %3 s")
                                .arg(attempt)
                                .arg(delay)
                                .arg(delays.at(attempt - 1))));
        Result<bool> claimed = a.store.claimRun(a.id, term, **retry);
        CH_VERIFY_OK(claimed);
        QVERIFY(*claimed);
        current = **retry;
    }
    CH_SCALAR(total, m_current,
              QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1").arg(job));
    QCOMPARE(total.toInt(), int(delays.size()) + 1);
}

void TestNodeApi::noRetry_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("cancelRequested");
    QTest::newRow("succeeded") << QStringLiteral("succeeded") << false;
    QTest::newRow("cancelled") << QStringLiteral("cancelled") << false;
    QTest::newRow("failed after a cancel request") << QStringLiteral("failed") << true;
}

void TestNodeApi::noRetry()
{
    QFETCH(QString, status);
    QFETCH(bool, cancelRequested);
    Node a(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-a"));
    const qint64 term = a.lead();
    QVERIFY(term > 0);
    QJsonObject spec = httpJob(QString::fromLatin1(QTest::currentDataTag()));
    spec.insert(QStringLiteral("retries"), 3);
    const qint64 job = createJob(spec);
    Result<QList<FiredRun>> fired =
        a.store.fireSlots(a.id, term, {fire(job, at("2026-03-08T07:30:00Z"))});
    CH_VERIFY_OK(fired);
    QCOMPARE(fired->size(), 1);
    if (cancelRequested)
        CH_VERIFY_OK(m_jobs->cancelRun(fired->at(0).runId));
    Result<std::optional<qint64>> retry =
        a.store.finishRun(a.id, outcome(fired->at(0).runId, status.toLatin1().constData()));
    CH_VERIFY_OK(retry);
    QVERIFY(!retry->has_value());
    CH_SCALAR(total, m_current,
              QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1").arg(job));
    QCOMPARE(total.toInt(), 1);
}

void TestNodeApi::finishRunChecks()
{
    Node a(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-a"));
    Node b(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-b"));
    const qint64 term = a.lead();
    QVERIFY(term > 0);
    const qint64 job = createJob(httpJob(QStringLiteral("finish")));
    Result<QList<FiredRun>> fired =
        a.store.fireSlots(a.id, term, {fire(job, at("2026-03-08T07:30:00Z"))});
    CH_VERIFY_OK(fired);
    const qint64 runId = fired->at(0).runId;

    // Not a final status.
    QCOMPARE(kindOf(a.store.finishRun(a.id, outcome(runId, "queued"))), QStringLiteral("BadInput"));
    // Another node cannot finish A's run.
    Result<std::optional<qint64>> other = b.store.finishRun(b.id, outcome(runId, "succeeded"));
    CH_VERIFY_OK(other);
    RunStore runs(a.connection);
    QCOMPARE(runs.byId(runId)->status, RunStatus::Running);

    // The outcome is recorded even after the lease moved on: the work really happened.
    CH_VERIFY_OK(a.store.releaseLease(a.id));
    FinishedRun done = outcome(runId, "succeeded");
    done.httpStatus = 204;
    done.logBytes = 12345;
    done.logTruncated = true;
    Result<RunRecord> started = runs.byId(runId);
    CH_VERIFY_OK(started);
    done.finishedAt = started->startedAt.addMSecs(1500);
    CH_VERIFY_OK(a.store.finishRun(a.id, done));
    Result<RunRecord> run = runs.byId(runId);
    CH_VERIFY_OK(run);
    QCOMPARE(run->status, RunStatus::Succeeded);
    QCOMPARE(run->httpStatus.value_or(-1), 204);
    QVERIFY(!run->exitCode.has_value());
    QCOMPARE(run->logBytes, qint64(12345));
    QCOMPARE(run->logTruncated, true);
    QCOMPARE(run->finishedAt, done.finishedAt);
    QVERIFY(qAbs(run->durationMs.value_or(-1) - 1500) <= 1); // started_at has microseconds
    QVERIFY(run->error.isNull());
    // Finishing twice changes nothing.
    Result<std::optional<qint64>> again = a.store.finishRun(a.id, outcome(runId, "failed"));
    CH_VERIFY_OK(again);
    QVERIFY(!again->has_value());
    QCOMPARE(runs.byId(runId)->status, RunStatus::Succeeded);
    // The job overview shows it as the last run.
    Result<JobRecord> overview = m_jobs->byId(job);
    CH_VERIFY_OK(overview);
    QCOMPARE(overview->lastRunId, runId);
    QCOMPARE(overview->lastStatus, RunStatus::Succeeded);
    QVERIFY(qAbs(overview->lastDurationMs.value_or(-1) - 1500) <= 1);
    QCOMPARE(overview->runningCount, 0);
}

// A new executor marks the runs of nodes that are gone as abandoned (and retries them);
// runs of live nodes are left alone.
void TestNodeApi::abandonOrphanedRuns()
{
    CH_SCALAR(before, m_current, QStringLiteral("SELECT count(*) FROM cronhelm.runs"));
    QCOMPARE(before.toInt(), 0);
    Node crashed(m_current->conninfoAs(m_nodeRole), QStringLiteral("crashed"));
    Node live(m_current->conninfoAs(m_nodeRole), QStringLiteral("live"));
    Node silent(m_current->conninfoAs(m_nodeRole), QStringLiteral("silent"));
    Node stopped(m_current->conninfoAs(m_nodeRole), QStringLiteral("stopped"));
    Node next(m_current->conninfoAs(m_nodeRole), QStringLiteral("next"));
    QJsonObject spec = httpJob(QStringLiteral("orphan"));
    spec.insert(QStringLiteral("retries"), 1);
    spec.insert(QStringLiteral("retry_delay_s"), 0);
    const qint64 job = createJob(spec);
    const qint64 other = createJob(httpJob(QStringLiteral("no retries")));

    // Every node heartbeats and runs something while it holds the lease in turn.
    QMap<QString, qint64> runOf;
    const QDateTime slot = at("2026-03-08T07:30:00Z");
    int minute = 0;
    for (Node *n : {&crashed, &live, &silent, &stopped, &next}) {
        const qint64 term = n->lead();
        QVERIFY2(term > 0, qPrintable(n->id));
        Result<QList<FiredRun>> fired = n->store.fireSlots(
            n->id, term, {fire(n == &crashed ? job : other, slot.addSecs(60 * minute++))});
        CH_VERIFY_OK(fired);
        QCOMPARE(fired->size(), 1);
        runOf.insert(n->id, fired->at(0).runId);
        CH_VERIFY_OK(n->store.releaseLease(n->id));
    }
    CH_EXEC(m_current,
            QStringLiteral("UPDATE cronhelm.nodes SET last_seen = now() - interval '10 minutes'"
                           " WHERE id = 'silent'"));
    CH_VERIFY_OK(stopped.store.heartbeat({stopped.id, QStringLiteral("host"), 1,
                                          QStringLiteral("0.1.0"), QDateTime::currentDateTimeUtc()},
                                         NodeRole::Stopped, 0));
    const int crashedPid = backendPid(crashed.connection);
    crashed.connection.close();
    QVERIFY(waitForBackendGone(*m_current, crashedPid));

    const qint64 term = next.lead();
    QVERIFY(term > 0);
    Result<int> abandoned = next.store.abandonOrphanedRuns(next.id, term, 30);
    CH_VERIFY_OK(abandoned);
    QCOMPARE(*abandoned, 3);

    RunStore runs(next.connection);
    for (const char *id : {"crashed", "silent", "stopped"}) {
        Result<RunRecord> run = runs.byId(runOf.value(QString::fromLatin1(id)));
        CH_VERIFY_OK(run);
        QCOMPARE(run->status, RunStatus::Abandoned);
        QVERIFY(run->finishedAt.isValid());
        QVERIFY2(run->error.contains(QString::fromLatin1(id)), qPrintable(run->error));
    }
    for (const char *id : {"live", "next"})
        QCOMPARE(runs.byId(runOf.value(QString::fromLatin1(id)))->status, RunStatus::Running);

    // The crashed node's job retries; the others do not.
    RunFilter retries;
    retries.triggers = {RunTrigger::Retry};
    Result<QList<RunRecord>> queued = runs.page(retries, 10);
    CH_VERIFY_OK(queued);
    QCOMPARE(queued->size(), 1);
    QCOMPARE(queued->at(0).jobId, job);
    QCOMPARE(queued->at(0).attempt, 2);
    QCOMPARE(queued->at(0).firstRunId, runOf.value(QStringLiteral("crashed")));
    QCOMPARE(queued->at(0).status, RunStatus::Queued);

    // Again: nothing left to abandon.
    abandoned = next.store.abandonOrphanedRuns(next.id, term, 30);
    CH_VERIFY_OK(abandoned);
    QCOMPARE(*abandoned, 0);

    // The crashed node comes back and reports the outcome after all: recorded, and the
    // retry that was already queued is not queued twice.
    Result<std::optional<qint64>> late = crashed.store.finishRun(
        crashed.id, outcome(runOf.value(QStringLiteral("crashed")), "failed"));
    CH_VERIFY_OK(late);
    QVERIFY(!late->has_value());
    QCOMPARE(runs.byId(runOf.value(QStringLiteral("crashed")))->status, RunStatus::Failed);
    queued = runs.page(retries, 10);
    CH_VERIFY_OK(queued);
    QCOMPARE(queued->size(), 1);
}

// finish_runs and append_logs (schema 3) record many runs in one call, each exactly as
// finish_run and append_log do, as the node role; a repeated call changes nothing.
void TestNodeApi::batchedRecording()
{
    Node a(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-a"));
    const qint64 term = a.lead();
    QVERIFY(term > 0);
    QJsonObject flakySpec = shellJob(QStringLiteral("flaky"));
    flakySpec.insert(QStringLiteral("retries"), 1);
    const qint64 flaky = createJob(flakySpec);
    const qint64 steady = createJob(shellJob(QStringLiteral("steady")));
    QVERIFY(flaky > 0 && steady > 0);
    const QDateTime slot = at("2026-03-08T07:30:00Z");
    Result<QList<FiredRun>> fired =
        a.store.fireSlots(a.id, term, {fire(flaky, slot), fire(steady, slot)});
    CH_VERIFY_OK(fired);
    QCOMPARE(fired->size(), 2);
    const qint64 flakyRun = fired->at(0).runId;
    const qint64 steadyRun = fired->at(1).runId;

    CH_VERIFY_OK(a.store.appendLogs(
        {{flakyRun, {{0, {}, LogStream::Stdout, QStringLiteral("a \" \\ {x}, ✅")}}},
         {steadyRun,
          {{0, {}, LogStream::System, QStringLiteral("started")},
           {1, {}, LogStream::Stdout, QStringLiteral("done")}}}}));
    RunStore runs(a.connection);
    Result<QList<LogChunk>> log = runs.logChunks(steadyRun);
    CH_VERIFY_OK(log);
    QCOMPARE(log->size(), 2);
    QCOMPARE(log->at(1).data, QStringLiteral("done"));
    log = runs.logChunks(flakyRun);
    CH_VERIFY_OK(log);
    QCOMPARE(log->size(), 1);
    QCOMPARE(log->at(0).data, QStringLiteral("a \" \\ {x}, ✅"));

    FinishedRun failed = outcome(flakyRun, "failed");
    failed.exitCode = 3;
    failed.error = QStringLiteral("exit code 3");
    FinishedRun succeeded = outcome(steadyRun, "succeeded");
    succeeded.httpStatus = 204;
    succeeded.logBytes = 6;
    Result<QList<std::optional<qint64>>> ends = a.store.finishRuns(a.id, {failed, succeeded});
    CH_VERIFY_OK(ends);
    QCOMPARE(ends->size(), 2);
    QVERIFY2(ends->at(0).has_value(), "the failed run's retry was not queued");
    QVERIFY(!ends->at(1).has_value());
    Result<RunRecord> first = runs.byId(flakyRun);
    CH_VERIFY_OK(first);
    QCOMPARE(first->status, RunStatus::Failed);
    QCOMPARE(first->exitCode.value_or(-1), 3);
    Result<RunRecord> second = runs.byId(steadyRun);
    CH_VERIFY_OK(second);
    QCOMPARE(second->status, RunStatus::Succeeded);
    QCOMPARE(second->httpStatus.value_or(-1), 204);
    Result<RunRecord> retry = runs.byId(*ends->at(0));
    CH_VERIFY_OK(retry);
    QCOMPARE(retry->attempt, 2);
    QCOMPARE(retry->status, RunStatus::Queued);

    // Again (an answer lost with the connection): nothing changes, no second retry.
    ends = a.store.finishRuns(a.id, {failed, succeeded});
    CH_VERIFY_OK(ends);
    QCOMPARE(ends->size(), 2);
    QVERIFY(!ends->at(0).has_value() && !ends->at(1).has_value());
    CH_SCALAR(total, m_current,
              QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id IN (%1, %2)")
                  .arg(flaky)
                  .arg(steady));
    QCOMPARE(total.toInt(), 3);
}

void TestNodeApi::runLog()
{
    Node a(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-a"));
    const qint64 term = a.lead();
    const qint64 job = createJob(shellJob(QStringLiteral("chatty")));
    Result<QList<FiredRun>> fired =
        a.store.fireSlots(a.id, term, {fire(job, at("2026-03-08T07:30:00Z"))});
    CH_VERIFY_OK(fired);
    const qint64 runId = fired->at(0).runId;

    const QString tricky =
        QStringLiteral("quote \" backslash \\ comma, brace {x} NULL\nline 2 ✅ 🚀\t");
    CH_VERIFY_OK(a.store.appendLog(runId,
                                   {{0, {}, LogStream::System, QStringLiteral("started")},
                                    {1, {}, LogStream::Stdout, tricky},
                                    {2, {}, LogStream::Stderr, QStringLiteral("warn")}}));
    // Out of order, and a repeated chunk (a retried append) that must not replace the first.
    CH_VERIFY_OK(a.store.appendLog(runId,
                                   {{5, {}, LogStream::Stdout, QStringLiteral("five")},
                                    {3, {}, LogStream::Stdout, QStringLiteral("three")},
                                    {1, {}, LogStream::Stdout, QStringLiteral("dup")},
                                    {4, {}, LogStream::Stdout, QString()}}));
    RunStore runs(a.connection);
    Result<QList<LogChunk>> log = runs.logChunks(runId);
    CH_VERIFY_OK(log);
    QCOMPARE(log->size(), 6);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(log->at(i).seq, i);
    QCOMPARE(log->at(0).stream, LogStream::System);
    QCOMPARE(log->at(1).data, tricky);
    QCOMPARE(log->at(2).stream, LogStream::Stderr);
    QCOMPARE(log->at(3).data, QStringLiteral("three"));
    QCOMPARE(log->at(4).data, QString());
    QCOMPARE(log->at(5).data, QStringLiteral("five"));
    QVERIFY(log->at(0).at.isValid());

    // Tailing: only what came after the last seen chunk, at most `limit`.
    log = runs.logChunks(runId, 2, 2);
    CH_VERIFY_OK(log);
    QCOMPARE(log->size(), 2);
    QCOMPARE(log->at(0).seq, 3);
    QCOMPARE(log->at(1).seq, 4);
    log = runs.logChunks(runId, 5);
    CH_VERIFY_OK(log);
    QVERIFY(log->isEmpty());
}

void TestNodeApi::activeRuns()
{
    Node a(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-a"));
    Node b(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-b"));
    const qint64 term = a.lead();
    const qint64 job = createJob(httpJob(QStringLiteral("active")));
    Result<QList<FiredRun>> fired =
        a.store.fireSlots(a.id, term, {fire(job, at("2026-03-08T07:30:00Z"))});
    CH_VERIFY_OK(fired);
    Result<qint64> queued = m_jobs->runNow(job);
    CH_VERIFY_OK(queued);
    CH_VERIFY_OK(m_jobs->cancelRun(fired->at(0).runId));

    Result<QList<ActiveRun>> mine = a.store.activeRuns(a.id);
    CH_VERIFY_OK(mine);
    QCOMPARE(mine->size(), 2);
    QCOMPARE(mine->at(0).runId, fired->at(0).runId); // due first
    QCOMPARE(mine->at(0).status, RunStatus::Running);
    QCOMPARE(mine->at(0).cancelRequested, true);
    QCOMPARE(mine->at(1).runId, *queued);
    QCOMPARE(mine->at(1).status, RunStatus::Queued);
    QCOMPARE(mine->at(1).triggeredBy, QStringLiteral("cronhelm"));
    // A new executor sees the other node's running run too (for the concurrency policy
    // across a failover).
    Result<QList<ActiveRun>> theirs = b.store.activeRuns(b.id);
    CH_VERIFY_OK(theirs);
    QCOMPARE(theirs->size(), 2);
    QCOMPARE(theirs->at(0).node, a.id);
    QCOMPARE(theirs->at(1).runId, *queued);

    CH_VERIFY_OK(a.store.finishRun(a.id, outcome(fired->at(0).runId, "cancelled")));
    Result<std::optional<ActiveRun>> gone = a.store.activeRun(fired->at(0).runId);
    CH_VERIFY_OK(gone);
    QVERIFY(!gone->has_value());
}

void TestNodeApi::jobState()
{
    Node a(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-a"));
    const qint64 j1 = createJob(httpJob(QStringLiteral("state 1")));
    const qint64 j2 = createJob(httpJob(QStringLiteral("state 2")));
    const QDateTime next = at("2026-03-08T07:30:00.250Z");
    CH_VERIFY_OK(a.store.setJobState({{j1, next, {}},
                                      {j2, {}, QStringLiteral("minute: 61 is out of range (0-59)")},
                                      {424242, next, {}}})); // an unknown job is ignored
    Result<JobRecord> job = m_jobs->byId(j1);
    CH_VERIFY_OK(job);
    QCOMPARE(job->nextFireAt, next);
    QVERIFY(job->scheduleError.isNull());
    job = m_jobs->byId(j2);
    CH_VERIFY_OK(job);
    QVERIFY(!job->nextFireAt.isValid());
    QCOMPARE(job->scheduleError, QStringLiteral("minute: 61 is out of range (0-59)"));

    // Recomputed: replaced, not merged.
    CH_VERIFY_OK(a.store.setJobState({{j1, {}, {}}, {j2, next.addDays(1), {}}}));
    job = m_jobs->byId(j1);
    CH_VERIFY_OK(job);
    QVERIFY(!job->nextFireAt.isValid());
    job = m_jobs->byId(j2);
    CH_VERIFY_OK(job);
    QCOMPARE(job->nextFireAt, next.addDays(1));
    QVERIFY(job->scheduleError.isNull());
}

void TestNodeApi::loadJobs()
{
    Node a(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-a"));
    const qint64 term = a.lead();
    const qint64 j1 = createJob(httpJob(QStringLiteral("load 1")));
    const qint64 j2 = createJob(httpJob(QStringLiteral("load 2")));
    const qint64 gone = createJob(httpJob(QStringLiteral("load gone")));
    CH_VERIFY_OK(m_jobs->pause(j2));
    CH_VERIFY_OK(m_jobs->remove(gone));
    CH_VERIFY_OK(a.store.fireSlots(a.id, term,
                                   {fire(j1, at("2026-03-08T07:30:00Z")),
                                    fire(j1, at("2026-03-08T07:35:00Z"), "running", "catch_up")}));
    CH_VERIFY_OK(m_jobs->runNow(j1)); // manual runs are not slots

    Result<QList<NodeJob>> jobs = a.store.loadJobs();
    CH_VERIFY_OK(jobs);
    QCOMPARE(jobs->size(), 2); // paused jobs are loaded, deleted ones are not
    Result<QList<NodeJob>> one = a.store.loadJobs(j1);
    CH_VERIFY_OK(one);
    QCOMPARE(one->size(), 1);
    const NodeJob &n = one->at(0);
    QCOMPARE(n.job.spec.name, QStringLiteral("load 1"));
    QCOMPARE(n.job.spec.target.http.url, QStringLiteral("https://hooks.example.org/sync"));
    QCOMPARE(n.lastSlot, at("2026-03-08T07:35:00Z"));
    one = a.store.loadJobs(j2);
    CH_VERIFY_OK(one);
    QCOMPARE(one->at(0).job.spec.enabled, false);
    QVERIFY(!one->at(0).lastSlot.isValid());
}

// Two nodes end runs of one job: each decides against the outcome the other recorded; a job
// that does not exist is left out.
void TestNodeApi::settleOutcomesSeeOtherNodes()
{
    Node a(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-a"));
    Node b(m_current->conninfoAs(m_nodeRole), QStringLiteral("node-b"));
    const qint64 job = createJob(httpJob(QStringLiteral("settle")));
    QHash<qint64, JobOutcome> seen;
    const auto settle = [&seen, job](Node &node, std::optional<OutcomeChange> change) {
        return node.store.settleOutcomes({job, job + 1000000}, [&](const auto &current) {
            seen = current;
            QList<std::pair<qint64, OutcomeChange>> out;
            if (change)
                out.append({job, *change});
            return out;
        });
    };
    CH_VERIFY_OK(settle(a, std::nullopt));
    QCOMPARE(seen.size(), 1);                   // a job that does not exist is not there
    QVERIFY(!seen.value(job).last.has_value()); // never ran
    CH_VERIFY_OK(settle(a, OutcomeChange{RunStatus::Failed, true}));
    CH_VERIFY_OK(settle(b, std::nullopt));
    QCOMPARE(seen.value(job).last, RunStatus::Failed); // recorded by the other node
    QVERIFY(seen.value(job).lastFailureNotifiedAt.isValid());
    // A success clears the "failure announced" mark, so the next failure is announced.
    CH_VERIFY_OK(settle(b, OutcomeChange{RunStatus::Succeeded, false}));
    CH_VERIFY_OK(settle(a, std::nullopt));
    QCOMPARE(seen.value(job).last, RunStatus::Succeeded);
    QVERIFY(!seen.value(job).lastFailureNotifiedAt.isValid());
}

QTEST_GUILESS_MAIN(TestNodeApi)
#include "tst_nodeapi.moc"

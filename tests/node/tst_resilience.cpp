// Changes and writes that race with the node's own trouble: a job changed (or a run
// queued) while a takeover is still loading the jobs is applied as soon as the load is,
// and a claim or outcome write that fails on a lost connection is retried once the
// connection is back — without running anything twice. The node's periodic resync (every
// 30 s) would catch up eventually; these tests allow a few seconds.

#include "nodetesthelpers.h"

#include <QStandardPaths>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

// Ends every session of `nodeId` with the database but its control session (which holds
// the lease): the node's store threads find their connections gone at their next call.
QString dropStoreSessions(const QString &nodeId)
{
    return QStringLiteral(
               "SELECT count(pg_terminate_backend(a.pid)) FROM pg_stat_activity a"
               " WHERE a.datname = current_database() AND a.application_name = 'cronhelm'"
               "   AND a.pid <> pg_backend_pid()"
               "   AND a.pid <> (SELECT backend_pid FROM cronhelm.nodes WHERE id = '%1')")
        .arg(nodeId);
}

// Starts a job with Run now and waits until it succeeded, so that every store thread of
// the node has opened its connection (they connect on first use).
bool warmUp(SqlProbe &probe)
{
    const qint64 job =
        probe.createJob(shellJob(QStringLiteral("warm-up"), QStringLiteral("echo warm")));
    if (job <= 0)
        return false;
    Result<QString> run = probe.value(QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));
    return run
        && probe.waitUntil(
            QStringLiteral("(SELECT status FROM cronhelm.runs WHERE id = %1) = 'succeeded' AND "
                           "(SELECT last_outcome FROM cronhelm.job_state WHERE job_id = %2) = "
                           "'succeeded'")
                .arg(*run)
                .arg(job),
            5000);
}

} // namespace

class ResilienceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void changesDuringTakeover();
    void queuedRunClaimedAfterConnectionLoss();
    void retryClaimedAfterConnectionLoss();
    void outcomeRecordedAfterConnectionLoss();
    void slowLeaseRenewalIsReported();
};

// The takeover has read the jobs but not applied them yet (held by the test hook) when a
// job is rescheduled, another is created and a third gets a Run now: all three must be
// applied when the takeover is, not at the next resync.
void ResilienceTest::changesDuringTakeover()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(edited, probe, shellJob(QStringLiteral("edited"), QStringLiteral("true")));
    CH_CREATE_JOB(pressed, probe, shellJob(QStringLiteral("pressed"), QStringLiteral("true")));

    auto node = std::make_unique<NodeProcess>(db->conninfo(), QStringLiteral("loader"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CRONHELM_NODE_TEST_TAKEOVER_DELAY_MS"), QStringLiteral("2000"));
    node->setEnvironment(env);
    node->setLeaseTtl(10);
    QVERIFY(node->start());
    CH_WAIT_LINE(*node, QStringLiteral("test hook: holding the loaded jobs"), 15000, 0);
    QVERIFY2(!node->findLine(QRegularExpression(loadedLine())).hasMatch(),
             "the takeover was applied already; the test hook did not hold it");

    // While held: these changes are newer than what the takeover loaded.
    QVERIFY2(probe.updateJob(edited,
                             QJsonObject{{QStringLiteral("cron"), QStringLiteral("* * * * * *")}}),
             qPrintable(probe.lastError()));
    CH_CREATE_JOB(
        created, probe,
        shellJob(QStringLiteral("created"), QStringLiteral("true"), QStringLiteral("* * * * * *")));
    CH_VALUE(run, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(pressed));
    QVERIFY2(!node->findLine(QRegularExpression(loadedLine())).hasMatch(),
             "the takeover was applied before the changes were made");

    CH_WAIT_LINE(*node, loadedLine(), 10000, 0);
    // Every second for both jobs, and the Run now: seconds, not the 30 s resync.
    for (qint64 job : {edited, created}) {
        CH_WAIT(probe,
                QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND trigger "
                               "= 'schedule' AND status = 'succeeded')")
                    .arg(job),
                6000);
    }
    CH_WAIT(
        probe,
        QStringLiteral("(SELECT status FROM cronhelm.runs WHERE id = %1) = 'succeeded'").arg(run),
        6000);
}

// A Run now whose read-and-claim hits a dead connection: read again once it is back.
void ResilienceTest::queuedRunClaimedAfterConnectionLoss()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, shellJob(QStringLiteral("press"), QStringLiteral("echo pressed")));
    CH_START_NODE(node, db->conninfo(), QStringLiteral("solo"), 10);
    CH_WAIT_LINE(*node, loadedLine(), 15000, 0);
    QVERIFY2(warmUp(probe), qPrintable(probe.lastError()));

    CH_VALUE(dropped, probe, dropStoreSessions(node->nodeId()));
    QVERIFY2(dropped.toInt() >= 3, qPrintable(dropped)); // fire, record, read, log
    const qsizetype from = node->lineCount();
    CH_VALUE(run, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));

    CH_WAIT(
        probe,
        QStringLiteral("(SELECT status FROM cronhelm.runs WHERE id = %1) = 'succeeded'").arg(run),
        6000);
    QVERIFY2(node->findLine(QRegularExpression(QStringLiteral("run %1: cannot read the queued "
                                                              "run \\(connection lost\\)")
                                                   .arg(run)),
                            from)
                 .hasMatch(),
             qPrintable(node->describeLog(30)));
    CH_VALUE(runs, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1").arg(job));
    QCOMPARE(runs, QStringLiteral("1"));
    QCOMPARE(node->findLine(QRegularExpression(QStringLiteral("not starting it twice"))).hasMatch(),
             false);
}

// A retry becomes due while the fire thread's connection is dead: the claim's answer is
// lost, the claim is resolved once the connection is back, and the retry runs once.
void ResilienceTest::retryClaimedAfterConnectionLoss()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    QJsonObject spec = shellJob(QStringLiteral("flaky"), QStringLiteral("echo trying; exit 3"));
    spec.insert(QStringLiteral("retries"), 1);
    spec.insert(QStringLiteral("retry_backoff"), QStringLiteral("fixed"));
    spec.insert(QStringLiteral("retry_delay_s"), 2);
    CH_CREATE_JOB(job, probe, spec);
    CH_START_NODE(node, db->conninfo(), QStringLiteral("solo"), 10);
    CH_WAIT_LINE(*node, loadedLine(), 15000, 0);
    QVERIFY2(warmUp(probe), qPrintable(probe.lastError()));

    const qsizetype before = node->lineCount();
    CH_VALUE(first, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));
    // The retry is queued (due 2 s after the first attempt ended) and known to the node.
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND attempt = 2 "
                           "AND status = 'queued' AND due_at > clock_timestamp() + interval "
                           "'0.5 s')")
                .arg(job),
            5000);
    // Its notification has reached the node: it waits for the retry's due time.
    CH_VALUE(
        retry, probe,
        QStringLiteral("SELECT id FROM cronhelm.runs WHERE job_id = %1 AND attempt = 2").arg(job));
    CH_WAIT_LINE(*node, QStringLiteral("run %1: queued for job %2, claimed in").arg(retry).arg(job),
                 5000, before);
    const qsizetype from = node->lineCount();
    CH_VALUE(dropped, probe, dropStoreSessions(node->nodeId()));
    QVERIFY2(dropped.toInt() >= 3, qPrintable(dropped));

    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'failed') = 2")
                .arg(job),
            8000);
    QVERIFY2(node->findLine(QRegularExpression(QStringLiteral("claim's answer was lost")), from)
                 .hasMatch(),
             qPrintable(node->describeLog(30)));
    CH_VALUE(runs, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1").arg(job));
    QCOMPARE(runs, QStringLiteral("2"));
    CH_VALUE(lines, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.run_logs l JOIN cronhelm.runs r ON "
                            "r.id = l.run_id WHERE r.job_id = %1 AND r.attempt = 2 AND l.stream "
                            "= 'stdout' AND l.data LIKE '%trying%'")
                 .arg(job));
    QCOMPARE(lines, QStringLiteral("1")); // started once
    Q_UNUSED(first);
}

// The job's outcome (what decides "recovered" notifications after a failover) is written
// after the run ends; its connection is dead by then: written once it is back.
void ResilienceTest::outcomeRecordedAfterConnectionLoss()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe,
                  shellJob(QStringLiteral("slow-fail"), QStringLiteral("sleep 1; exit 4")));
    CH_START_NODE(node, db->conninfo(), QStringLiteral("solo"), 10);
    CH_WAIT_LINE(*node, loadedLine(), 15000, 0);
    QVERIFY2(warmUp(probe), qPrintable(probe.lastError()));

    const qsizetype before = node->lineCount();
    CH_VALUE(run, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));
    CH_WAIT(probe,
            QStringLiteral("(SELECT status FROM cronhelm.runs WHERE id = %1) = 'running'").arg(run),
            5000);
    // Everything about the start is written: the node has logged the start it recorded.
    CH_WAIT_LINE(*node, QStringLiteral("fire: job %1 .* run %2 .* started").arg(job).arg(run), 5000,
                 before);
    const qsizetype from = node->lineCount();
    CH_VALUE(dropped, probe, dropStoreSessions(node->nodeId()));
    QVERIFY2(dropped.toInt() >= 3, qPrintable(dropped));

    CH_WAIT(probe,
            QStringLiteral("(SELECT status FROM cronhelm.runs WHERE id = %1) = 'failed'").arg(run),
            6000);
    CH_WAIT(probe,
            QStringLiteral("(SELECT last_outcome FROM cronhelm.job_state WHERE job_id = %1) = "
                           "'failed'")
                .arg(job),
            6000);
    QVERIFY2(node->findLine(QRegularExpression(QStringLiteral("could not settle job outcomes "
                                                              "\\(1 runs ended\\)")),
                            from)
                 .hasMatch(),
             qPrintable(node->describeLog(30)));
    CH_VALUE(runs, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1").arg(job));
    QCOMPARE(runs, QStringLiteral("1"));
}

// A lease renewal held up by the database (here: a lock on the lease row) is said in the
// log before it costs the lease; held for less than the TTL, the lease stays this node's.
void ResilienceTest::slowLeaseRenewalIsReported()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_START_NODE(node, db->conninfo(), QStringLiteral("solo"), 10);
    CH_WAIT_LINE(*node, loadedLine(), 15000, 0);
    CH_VALUE(term, probe, QStringLiteral("SELECT term FROM cronhelm.lease"));
    const qsizetype from = node->lineCount();

    SqlProbe blocker(db->conninfo());
    CH_VERIFY_OK(blocker.query(QStringLiteral("BEGIN")));
    CH_VERIFY_OK(blocker.query(QStringLiteral("SELECT 1 FROM cronhelm.lease FOR SHARE")));
    // The node's next renewal (every TTL/3) waits for the lock; keep it waiting 2.5 s.
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM pg_locks WHERE NOT granted AND pid = (SELECT "
                           "backend_pid FROM cronhelm.nodes WHERE id = 'solo'))"),
            5000);
    QTest::qWait(2500);
    CH_VERIFY_OK(blocker.query(QStringLiteral("COMMIT")));
    CH_WAIT_LINE(*node, QStringLiteral("control: the lease call took \\d+ ms"), 5000, from);
    CH_VALUE(after, probe, QStringLiteral("SELECT term FROM cronhelm.lease"));
    QCOMPARE(after, term);
}

QTEST_GUILESS_MAIN(ResilienceTest)
#include "tst_resilience.moc"

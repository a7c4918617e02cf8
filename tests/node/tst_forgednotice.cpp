// Any login may NOTIFY on any channel: PostgreSQL checks no privilege. A viewer forges the
// notices the store sends on cronhelm_runs ("job,run,cancel", "job,run,succeeded",
// "job,run,queued") and the
// real cronhelm-node must change nothing: it reads the run and acts on the database's state
// (docs/security.md, "Notifications are hints").

#include "nodetesthelpers.h"

#include <QStandardPaths>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class ForgedNoticeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void forgedCancelStopsNothing();
    void forgedEndKeepsForbidding();
    void forgedQueuedKeepsForbidding();

private:
    // A viewer sends `notices` (SQL statements, %1 the job, %2 the run) about the run a
    // forbid job has going on another node; the executor must go on skipping its slots.
    void forgedNoticeKeepsForbidding(const QStringList &notices);
};

namespace {

QString runStatus(qint64 run)
{
    return QStringLiteral(
               "SELECT status || ' ' || cancel_requested FROM cronhelm.runs WHERE id = %1")
        .arg(run);
}

} // namespace

// A viewer's "cancel" for a running run: the run keeps running. A real cancel of another run
// sent afterwards is acted on, so the node has seen (and re-read) the forged one by then.
void ForgedNoticeTest::forgedCancelStopsNothing()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    Result<QString> viewerRole = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    CH_VERIFY_OK(viewerRole);
    SqlProbe viewer(db->conninfoAs(*viewerRole));
    CH_CREATE_JOB(victim, probe,
                  shellJob(QStringLiteral("victim"), QStringLiteral("exec sleep 60")));
    CH_CREATE_JOB(marker, probe,
                  shellJob(QStringLiteral("marker"), QStringLiteral("exec sleep 60")));
    CH_START_NODE(node, db->conninfo(), QStringLiteral("solo"), 10);
    CH_WAIT_LINE(*node, loadedLine(), 15000, 0);

    CH_VALUE(victimRun, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(victim));
    CH_VALUE(markerRun, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(marker));
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM cronhelm.runs WHERE id IN (%1, %2) AND status = "
                           "'running') = 2")
                .arg(victimRun, markerRun),
            10000);

    // The attack, both ways a session can notify.
    CH_EXEC(viewer,
            QStringLiteral("SELECT pg_notify('cronhelm_runs', '%1,%2,cancel')")
                .arg(victim)
                .arg(victimRun));
    CH_EXEC(viewer,
            QStringLiteral("NOTIFY cronhelm_runs, '%1,%2,cancel'").arg(victim).arg(victimRun));
    // The viewer cannot cancel through the API either.
    QVERIFY(!viewer.query(QStringLiteral("SELECT cronhelm.cancel_run(%1)").arg(victimRun)).ok());

    CH_EXEC(probe, QStringLiteral("SELECT cronhelm.cancel_run(%1)").arg(markerRun));
    CH_WAIT(probe,
            QStringLiteral("(SELECT status = 'cancelled' FROM cronhelm.runs WHERE id = %1)")
                .arg(markerRun),
            10000);
    CH_VALUE(victimState, probe, runStatus(victimRun.toLongLong()));
    QCOMPARE(victimState, QStringLiteral("running false"));

    // A real cancel still works.
    CH_EXEC(probe, QStringLiteral("SELECT cronhelm.cancel_run(%1)").arg(victimRun));
    CH_WAIT(probe,
            QStringLiteral("(SELECT status = 'cancelled' FROM cronhelm.runs WHERE id = %1)")
                .arg(victimRun),
            10000);
}

// A forbid job's run goes on on a node that handed the lease over (graceful shutdown with a
// long grace); the new executor skips the job's slots while it runs. A viewer's forged
// "succeeded" for that run must not make the executor start a second, overlapping run.
void ForgedNoticeTest::forgedEndKeepsForbidding()
{
    forgedNoticeKeepsForbidding(
        {QStringLiteral("SELECT pg_notify('cronhelm_runs', '%1,%2,succeeded')")});
}

// The same with "queued", which is what a node handing a run back sends: the executor must
// not take it for a run no longer running anywhere while the database says it runs.
void ForgedNoticeTest::forgedQueuedKeepsForbidding()
{
    forgedNoticeKeepsForbidding(
        {QStringLiteral("NOTIFY cronhelm_runs, '%1,%2,queued'"),
         QStringLiteral("SELECT pg_notify('cronhelm_runs', '%1,%2,queued')")});
}

void ForgedNoticeTest::forgedNoticeKeepsForbidding(const QStringList &notices)
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    Result<QString> viewerRole = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    CH_VERIFY_OK(viewerRole);
    SqlProbe viewer(db->conninfoAs(*viewerRole));
    CH_CREATE_JOB(job, probe,
                  shellJob(QStringLiteral("exclusive"), QStringLiteral("exec sleep 60"),
                           QStringLiteral("* * * * * *")));
    const QString runs = QStringLiteral("cronhelm.runs WHERE job_id = %1").arg(job);

    auto first = std::make_unique<NodeProcess>(db->conninfo(), QStringLiteral("first"));
    first->setLeaseTtl(10);
    first->setShutdownGrace(120);
    QVERIFY2(first->start(), "cannot start cronhelm-node");
    CH_WAIT_LINE(*first, loadedLine(), 15000, 0);
    CH_START_NODE(second, db->conninfo(), QStringLiteral("second"), 10);
    CH_WAIT_LINE(*second, connectedLine(), 15000, 0);
    CH_WAIT(probe, QStringLiteral("EXISTS (SELECT 1 FROM %1 AND status = 'running')").arg(runs),
            10000);
    CH_VALUE(longRun, probe, QStringLiteral("SELECT id FROM %1 AND status = 'running'").arg(runs));

    // The first node hands the lease over and lets its run go on.
    QVERIFY(first->terminate());
    CH_WAIT_LINE(*second, loadedLine(), 15000, 0);
    // The new executor skips slots because of the other node's run.
    CH_VALUE(takenOver, probe, QStringLiteral("SELECT clock_timestamp()"));
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM %1 AND status = 'skipped' AND scheduled_for > "
                           "'%2') >= 1")
                .arg(runs, takenOver),
            10000);

    CH_VALUE(forgedAt, probe, QStringLiteral("SELECT clock_timestamp()"));
    for (const QString &notice : notices)
        CH_EXEC(viewer, notice.arg(job).arg(longRun));
    // Three slots later the run is still the only one: every slot since was skipped.
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM %1 AND status <> 'queued' AND scheduled_for > "
                           "timestamptz '%2' + interval '1 second') >= 3")
                .arg(runs, forgedAt),
            10000);
    CH_VALUE(others, probe,
             QStringLiteral("SELECT count(*) FROM %1 AND id <> %2 AND status NOT IN ('skipped', "
                            "'queued')")
                 .arg(runs, longRun));
    QCOMPARE(others, QStringLiteral("0"));
    CH_VALUE(longState, probe, runStatus(longRun.toLongLong()));
    QCOMPARE(longState, QStringLiteral("running false"));

    // Clean up: the real cancel reaches the draining node.
    CH_EXEC(probe, QStringLiteral("SELECT cronhelm.pause_job(%1)").arg(job));
    CH_EXEC(probe, QStringLiteral("SELECT cronhelm.cancel_run(%1)").arg(longRun));
    CH_WAIT(probe, QStringLiteral("NOT EXISTS (SELECT 1 FROM %1 AND status = 'running')").arg(runs),
            10000);
    QVERIFY(first->waitForExit(15000));
}

QTEST_GUILESS_MAIN(ForgedNoticeTest)
#include "tst_forgednotice.moc"

// The RunHost (core/node/runhost.h) on its own, with real shell targets: a run starts once
// and reports its real start and its end; it cannot be started twice while it runs; a
// cancel stops it; a job whose stored definition breaks the rules is not prepared. Its
// ends go to a Recorder on a real database (runs that are not in it: recorded as nothing).

#include "nodetesthelpers.h"

#include <exec/targetrun.h>
#include <node/runhost.h>

#include <QSignalSpy>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

JobRecord shellRecord(qint64 id, const QString &command)
{
    JobRecord job;
    job.id = id;
    job.spec.name = QStringLiteral("host-%1").arg(id);
    job.spec.target.kind = TargetKind::Shell;
    job.spec.target.shell.command = command;
    job.spec.timeoutSeconds = 30;
    return job;
}

RunStart startOf(qint64 runId, const JobRecord &job)
{
    RunStart start;
    start.runId = runId;
    start.jobId = job.id;
    start.jobName = job.spec.name;
    start.scheduledFor = QDateTime::currentDateTimeUtc();
    start.leaseValid = LeaseDeadline::after(std::chrono::minutes(1));
    return start;
}

} // namespace

class RunHostTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerExecMetaTypes(); }
    void runsOnceAndReportsItsEnd();
    void cancelStopsARun();
    void invalidDefinitionIsNotPrepared();
};

void RunHostTest::runsOnceAndReportsItsEnd()
{
    CH_DATABASE(db);
    NodeConfig config;
    config.conninfo = db->conninfo();
    Recorder recorder(config.conninfo, QStringLiteral("host-node"));
    RunHost host(config, recorder);
    QSignalSpy ended(&host, &RunHost::ended);
    const JobRecord job = shellRecord(7, QStringLiteral("echo hello; sleep 0.3; exit 3"));
    QString error;
    TargetRunPtr target = host.prepare(101, job, 1, QDateTime::currentDateTimeUtc(), &error);
    QVERIFY2(target, qPrintable(error));
    QVERIFY(host.start(startOf(101, job), std::move(target)));
    QVERIFY(host.isRunning(101));
    QCOMPARE(host.countOfJob(7), 1);
    QVERIFY(!host.isIdle());
    // The same run again while it runs: refused.
    TargetRunPtr again = host.prepare(101, job, 1, QDateTime::currentDateTimeUtc(), &error);
    QVERIFY(again);
    QVERIFY(!host.start(startOf(101, job), std::move(again)));
    QVERIFY(ended.wait(10000));
    const RunEnd end = ended.first().first().value<RunEnd>();
    QCOMPARE(end.jobId, qint64(7));
    QCOMPARE(end.run.runId, qint64(101));
    QCOMPARE(end.run.status, RunStatus::Failed);
    QCOMPARE(end.run.exitCode, std::optional<int>(3));
    QVERIFY(end.run.startedAt.isValid());
    QVERIFY(end.run.startedAt <= end.run.finishedAt);
    QVERIFY(!host.isRunning(101));
    QTRY_VERIFY_WITH_TIMEOUT(host.isIdle(), 5000);
    QCOMPARE(ended.size(), 1);
}

void RunHostTest::cancelStopsARun()
{
    CH_DATABASE(db);
    NodeConfig config;
    config.conninfo = db->conninfo();
    config.killGrace = std::chrono::milliseconds(500);
    Recorder recorder(config.conninfo, QStringLiteral("host-node"));
    RunHost host(config, recorder);
    QSignalSpy ended(&host, &RunHost::ended);
    const JobRecord job = shellRecord(8, QStringLiteral("sleep 30"));
    QString error;
    QVERIFY(host.start(startOf(201, job),
                       host.prepare(201, job, 1, QDateTime::currentDateTimeUtc(), &error)));
    QVERIFY(!host.cancel(999, QStringLiteral("not here")));
    QVERIFY(host.cancel(201, QStringLiteral("stop it")));
    QVERIFY(ended.wait(10000));
    const RunEnd end = ended.first().first().value<RunEnd>();
    QCOMPARE(end.run.status, RunStatus::Cancelled);
    QVERIFY2(end.run.error.contains(QLatin1String("stop it")), qPrintable(end.run.error));
}

void RunHostTest::invalidDefinitionIsNotPrepared()
{
    NodeConfig config;
    config.conninfo = QStringLiteral("host=/nonexistent");
    Recorder recorder(config.conninfo, QStringLiteral("host-node"));
    RunHost host(config, recorder);
    JobRecord job = shellRecord(9, QStringLiteral("true"));
    job.specProblems.append({QStringLiteral("target.command"), QStringLiteral("too long")});
    QString error;
    QVERIFY(!host.prepare(301, job, 1, QDateTime::currentDateTimeUtc(), &error));
    QVERIFY2(error.contains(QLatin1String("target.command: too long")), qPrintable(error));
    QVERIFY(host.isIdle());
}

QTEST_GUILESS_MAIN(RunHostTest)
#include "tst_runhost.moc"

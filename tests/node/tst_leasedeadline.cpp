// The lease deadline counts a suspend (CLOCK_BOOTTIME), and a target handed out under a
// lease that has expired by the moment it would start is not started.
#include <exec/targetrun.h>
#include <node/leasedeadline.h>
#include <node/targetthreads.h>

#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <time.h>

using namespace Cronhelm;
using namespace std::chrono_literals;

namespace {

qint64 clockNs(clockid_t clock)
{
    timespec now{};
    ::clock_gettime(clock, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

RunContext touchJob(const QString &marker)
{
    RunContext context;
    context.runId = 1;
    context.jobId = 1;
    context.jobName = QStringLiteral("touch");
    context.scheduledFor = QDateTime::currentDateTimeUtc();
    auto spec = TargetSpec::parse(
        TargetKind::Shell,
        QJsonObject{{QStringLiteral("command"), QStringLiteral("touch '%1'").arg(marker)}});
    if (!spec) {
        qFatal("bad target");
    }
    context.target = *spec;
    context.secrets = QProcessEnvironment();
    return context;
}

} // namespace

class TestLeaseDeadline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        registerExecMetaTypes();
    }

    void usesBootTime()
    {
        const qint64 before = clockNs(CLOCK_BOOTTIME);
        const LeaseDeadline deadline = LeaseDeadline::after(0ns);
        const qint64 after = clockNs(CLOCK_BOOTTIME);
        QVERIFY(deadline.bootTimeNs() >= before && deadline.bootTimeNs() <= after);
        // Where this machine has been suspended (or booted a while before the monotonic
        // clock started), the clocks differ and the deadline must follow BOOTTIME.
        const qint64 monotonic = clockNs(CLOCK_MONOTONIC);
        const qint64 offset = clockNs(CLOCK_BOOTTIME) - monotonic;
        if (offset > 1'000'000) {
            QVERIFY(deadline.bootTimeNs() > monotonic);
        }
        qInfo("CLOCK_BOOTTIME - CLOCK_MONOTONIC here: %.3f ms", double(offset) / 1e6);
    }

    void expires()
    {
        QVERIFY(LeaseDeadline().hasExpired());
        const LeaseDeadline deadline = LeaseDeadline::after(100ms);
        QVERIFY(!deadline.hasExpired());
        QVERIFY(deadline.remaining() <= 100ms);
        QTRY_VERIFY_WITH_TIMEOUT(deadline.hasExpired(), 2000);
        QCOMPARE(deadline.remaining(), 0ns);
    }

    // The check at the moment of the start: a run handed out under a lease that has since
    // expired ends as skipped and its command never runs.
    void expiredLeaseStartsNothing()
    {
        QTemporaryDir dir;
        const QString marker = dir.filePath(QStringLiteral("ran"));
        auto run = createTargetRun(touchJob(marker));
        QSignalSpy finished(run.get(), &TargetRun::finished);
        QSignalSpy started(run.get(), &TargetRun::started);
        startOnItsThread(run.get(), LeaseDeadline());
        QVERIFY(finished.wait(5000));
        const auto outcome = finished.at(0).at(0).value<RunOutcome>();
        QCOMPARE(outcome.status, RunStatus::Skipped);
        QCOMPARE(outcome.error,
                 QStringLiteral("the node's executor lease (or, on a worker, its heartbeat "
                                "proof) expired before the start"));
        QCOMPARE(started.count(), 0);
        QVERIFY(!QFile::exists(marker));

        // Under a valid lease the same job runs.
        auto valid = createTargetRun(touchJob(marker));
        QSignalSpy validFinished(valid.get(), &TargetRun::finished);
        startOnItsThread(valid.get(), LeaseDeadline::after(10s));
        QVERIFY(validFinished.wait(5000));
        QCOMPARE(validFinished.at(0).at(0).value<RunOutcome>().status, RunStatus::Succeeded);
        QVERIFY(QFile::exists(marker));
    }
};

QTEST_GUILESS_MAIN(TestLeaseDeadline)
#include "tst_leasedeadline.moc"

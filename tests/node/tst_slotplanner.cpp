// The executor's slot decisions (core/node/slotplanner.h) without a database or a node:
// the concurrency policy for a due slot and the misfire policy for slots missed while no
// executor was alive (docs/semantics.md).

#include <node/slotplanner.h>

#include <QTimeZone>
#include <QtTest>

using namespace Cronhelm;

namespace {

JobRecord everyMinute(ConcurrencyPolicy concurrency = ConcurrencyPolicy::Forbid,
                      MisfirePolicy misfire = MisfirePolicy::RunOnce, int bound = 100)
{
    JobRecord job;
    job.id = 42;
    job.spec.name = QStringLiteral("every-minute");
    job.spec.scheduleKind = ScheduleKind::Cron;
    job.spec.cron = QStringLiteral("* * * * *");
    job.spec.timeZone = QStringLiteral("UTC");
    job.spec.enabled = true;
    job.spec.concurrency = concurrency;
    job.spec.misfire = misfire;
    job.spec.misfireBound = bound;
    return job;
}

const QDateTime slot(QDate(2026, 3, 8), QTime(7, 30), QTimeZone::utc());

} // namespace

class SlotPlannerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dueSlotFollowsTheConcurrencyPolicy();
    void missedSlotsFollowTheMisfirePolicy_data();
    void missedSlotsFollowTheMisfirePolicy();
};

void SlotPlannerTest::dueSlotFollowsTheConcurrencyPolicy()
{
    const JobRecord forbid = everyMinute();
    SlotFire fire = SlotPlanner::decide(forbid, slot, RunTrigger::Schedule, 0);
    QCOMPARE(fire.decision, SlotDecision::Reserve);
    QCOMPARE(fire.jobId, qint64(42));
    QCOMPARE(fire.slot, slot);
    fire = SlotPlanner::decide(forbid, slot, RunTrigger::Schedule, 1);
    QCOMPARE(fire.decision, SlotDecision::Skip);
    QVERIFY(fire.error.contains(QLatin1String("forbid")));

    const JobRecord allow = everyMinute(ConcurrencyPolicy::Allow);
    QCOMPARE(SlotPlanner::decide(allow, slot, RunTrigger::Schedule, 3).decision,
             SlotDecision::Reserve);
    // A catch-up is late already: it starts at once.
    QCOMPARE(SlotPlanner::decide(allow, slot, RunTrigger::CatchUp, 0).decision,
             SlotDecision::Start);

    const JobRecord replace = everyMinute(ConcurrencyPolicy::Replace);
    const SlotFire reserved = SlotPlanner::decide(replace, slot, RunTrigger::Schedule, 1);
    QCOMPARE(reserved.decision, SlotDecision::Reserve);
    QVERIFY(!SlotPlanner::replacesRunning(replace, reserved, 1)); // at its instant, not now
    const SlotFire now = SlotPlanner::decide(replace, slot, RunTrigger::CatchUp, 1);
    QVERIFY(SlotPlanner::replacesRunning(replace, now, 1));
    QVERIFY(!SlotPlanner::replacesRunning(replace, now, 0));
}

void SlotPlannerTest::missedSlotsFollowTheMisfirePolicy_data()
{
    QTest::addColumn<int>("misfire");
    QTest::addColumn<int>("bound");
    QTest::addColumn<QString>("expected"); // per slot, oldest first: decision letter
    // 10 slots missed: 07:21 .. 07:30.
    QTest::newRow("run_once") << int(MisfirePolicy::RunOnce) << 100 << QStringLiteral("kkkkkkkkkS");
    QTest::newRow("skip") << int(MisfirePolicy::Skip) << 100 << QStringLiteral("kkkkkkkkkk");
    QTest::newRow("run_all") << int(MisfirePolicy::RunAll) << 100 << QStringLiteral("qqqqqqqqqq");
    QTest::newRow("run_all, bound 3")
        << int(MisfirePolicy::RunAll) << 3 << QStringLiteral("kkkkkkkqqq");
}

void SlotPlannerTest::missedSlotsFollowTheMisfirePolicy()
{
    QFETCH(int, misfire);
    QFETCH(int, bound);
    QFETCH(QString, expected);
    NodeJob job;
    job.job = everyMinute(ConcurrencyPolicy::Forbid, MisfirePolicy(misfire), bound);
    job.job.scheduleSince = slot.addSecs(-3600);
    job.lastSlot = slot.addSecs(-600); // the last slot recorded: 07:20
    const JobSchedule schedule = JobSchedule::compile(job.job);
    QVERIFY(schedule.isValid());
    const SlotPlanner::Missed missed = SlotPlanner::missedSlots(job, schedule, slot.addSecs(20), 0);
    QCOMPARE(missed.total, 10);
    QString got;
    for (const SlotFire &fire : missed.fires) {
        got.append(fire.decision == SlotDecision::Skip        ? QLatin1Char('k')
                       : fire.decision == SlotDecision::Queue ? QLatin1Char('q')
                       : fire.decision == SlotDecision::Start ? QLatin1Char('S')
                                                              : QLatin1Char('R'));
        if (fire.decision == SlotDecision::Skip)
            QVERIFY2(!fire.error.isEmpty(), "a skipped slot says why");
        else
            QCOMPARE(fire.trigger, RunTrigger::CatchUp);
    }
    QCOMPARE(got, expected);
    QCOMPARE(missed.fires.first().slot, slot.addSecs(-540));
    QCOMPARE(missed.fires.last().slot, slot);
}

QTEST_GUILESS_MAIN(SlotPlannerTest)
#include "tst_slotplanner.moc"

// JobSchedule, the one source of a job's slots and "next run" (executor, CLI, app), without
// a database: the DST rules of docs/semantics.md, one-off states, pausing, and what an
// executor finds it missed after a gap.

#include <domain/jobschedule.h>

#include <QtTest>

using namespace Cronhelm;

namespace {

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toUTC();
}

JobRecord cronJob(const QString &cron, const QString &zone = QStringLiteral("Europe/Berlin"))
{
    JobRecord job;
    job.id = 1;
    job.spec.scheduleKind = ScheduleKind::Cron;
    job.spec.cron = cron;
    job.spec.timeZone = zone;
    return job;
}

QList<QDateTime> firstSlots(const JobSchedule &schedule, QDateTime after, int count)
{
    QList<QDateTime> out;
    for (int i = 0; i < count; ++i) {
        after = schedule.nextAfter(after);
        if (!after.isValid())
            break;
        out.append(after.toUTC());
    }
    return out;
}

} // namespace

class TestJobSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restrictedHourInTheSpringGapFiresOnceAfterTheJump();
    void unrestrictedHourHasNoSlotsInTheSpringGap();
    void restrictedHourInTheAutumnOverlapFiresInTheFirstOnly();
    void unrestrictedHourFollowsRealTimeThroughTheOverlap();
    void pausedJobHasNoNextRun();
    void oneOffRunsOnceWhilePending();
    void invalidDefinitionKeepsItsError();
    void missedSlotsKeepTheNewestAndCountAll();
    void sameSlotsIgnoresWhatDoesNotMoveSlots();
    void slotsAheadAreCountedNotKept_data();
    void slotsAheadAreCountedNotKept();
    void slotsAheadStopWhenCancelled();
};

void TestJobSchedule::restrictedHourInTheSpringGapFiresOnceAfterTheJump()
{
    // 29 March 2026, Berlin: 02:00 CET becomes 03:00 CEST; 02:30 does not exist and is read
    // with the offset before the jump, 03:30 CEST.
    const JobSchedule s = JobSchedule::compile(cronJob(QStringLiteral("30 2 * * *")));
    QVERIFY2(s.isValid(), qPrintable(s.error()));
    QCOMPARE(firstSlots(s, utc("2026-03-28T00:00:00Z"), 3),
             (QList<QDateTime>{utc("2026-03-28T01:30:00Z"), utc("2026-03-29T01:30:00Z"),
                               utc("2026-03-30T00:30:00Z")}));
}

void TestJobSchedule::unrestrictedHourHasNoSlotsInTheSpringGap()
{
    const JobSchedule s = JobSchedule::compile(cronJob(QStringLiteral("30 * * * *")));
    // 01:30 CET (00:30 UTC), then 03:30 CEST (01:30 UTC): no 02:30.
    QCOMPARE(firstSlots(s, utc("2026-03-29T00:00:00Z"), 2),
             (QList<QDateTime>{utc("2026-03-29T00:30:00Z"), utc("2026-03-29T01:30:00Z")}));
}

void TestJobSchedule::restrictedHourInTheAutumnOverlapFiresInTheFirstOnly()
{
    // 25 October 2026, Berlin: 03:00 CEST becomes 02:00 CET; 02:30 happens twice.
    const JobSchedule s = JobSchedule::compile(cronJob(QStringLiteral("30 2 * * *")));
    QCOMPARE(firstSlots(s, utc("2026-10-24T12:00:00Z"), 2),
             (QList<QDateTime>{utc("2026-10-25T00:30:00Z"), utc("2026-10-26T01:30:00Z")}));
}

void TestJobSchedule::unrestrictedHourFollowsRealTimeThroughTheOverlap()
{
    const JobSchedule s = JobSchedule::compile(cronJob(QStringLiteral("*/30 * * * *")));
    // 02:00 and 02:30 CEST, then 02:00 and 02:30 CET.
    QCOMPARE(firstSlots(s, utc("2026-10-24T23:59:00Z"), 4),
             (QList<QDateTime>{utc("2026-10-25T00:00:00Z"), utc("2026-10-25T00:30:00Z"),
                               utc("2026-10-25T01:00:00Z"), utc("2026-10-25T01:30:00Z")}));
}

void TestJobSchedule::pausedJobHasNoNextRun()
{
    JobRecord job = cronJob(QStringLiteral("* * * * *"));
    job.spec.enabled = false;
    const JobSchedule s = JobSchedule::compile(job);
    QVERIFY(s.isValid());
    QVERIFY(!s.isActive());
    QVERIFY(!s.nextAfter(utc("2026-01-01T00:00:00Z")).isValid());
    QVERIFY(!nextRunOf(job, utc("2026-01-01T00:00:00Z")).isValid());
}

void TestJobSchedule::oneOffRunsOnceWhilePending()
{
    JobRecord job;
    job.spec.scheduleKind = ScheduleKind::Once;
    job.spec.timeZone = QStringLiteral("Europe/Berlin");
    job.spec.onceAt = utc("2026-06-01T07:00:00Z");
    JobSchedule s = JobSchedule::compile(job);
    QVERIFY(s.isActive());
    QCOMPARE(s.nextAfter(utc("2026-05-31T00:00:00Z")), utc("2026-06-01T07:00:00Z"));
    QVERIFY(!s.nextAfter(utc("2026-06-01T07:00:00Z")).isValid());
    const JobSchedule::Missed missed =
        s.missedBetween(utc("2026-06-01T06:00:00Z"), utc("2026-06-01T08:00:00Z"), 10);
    QCOMPARE(missed.total, qint64(1));
    QCOMPARE(missed.newest, QList<QDateTime>{utc("2026-06-01T07:00:00Z")});

    for (OnceState done : {OnceState::Completed, OnceState::Cancelled}) {
        job.onceState = done;
        s = JobSchedule::compile(job);
        QVERIFY(!s.isActive());
        QVERIFY(!nextRunOf(job, utc("2026-05-31T00:00:00Z")).isValid());
    }
}

void TestJobSchedule::invalidDefinitionKeepsItsError()
{
    const JobSchedule badCron = JobSchedule::compile(cronJob(QStringLiteral("61 * * * *")));
    QVERIFY(!badCron.isValid());
    QVERIFY(!badCron.error().isEmpty());
    const JobSchedule badZone =
        JobSchedule::compile(cronJob(QStringLiteral("* * * * *"), QStringLiteral("Mars/Olympus")));
    QVERIFY(!badZone.isValid());
    QVERIFY2(badZone.error().contains(QLatin1String("Mars/Olympus")), qPrintable(badZone.error()));
}

void TestJobSchedule::missedSlotsKeepTheNewestAndCountAll()
{
    const JobSchedule s = JobSchedule::compile(cronJob(QStringLiteral("* * * * *")));
    // (from, until]: 10:01 … 10:10.
    const JobSchedule::Missed missed =
        s.missedBetween(utc("2026-02-01T10:00:00Z"), utc("2026-02-01T10:10:00Z"), 3);
    QCOMPARE(missed.total, qint64(10));
    QCOMPARE(missed.newest,
             (QList<QDateTime>{utc("2026-02-01T10:08:00Z"), utc("2026-02-01T10:09:00Z"),
                               utc("2026-02-01T10:10:00Z")}));
    QCOMPARE(s.missedBetween(utc("2026-02-01T10:00:00Z"), utc("2026-02-01T10:10:00Z"), 0).total,
             qint64(0));
}

void TestJobSchedule::sameSlotsIgnoresWhatDoesNotMoveSlots()
{
    JobRecord job = cronJob(QStringLiteral("0 7 * * 1-5"));
    const JobSchedule before = JobSchedule::compile(job);
    job.spec.name = QStringLiteral("renamed");
    job.spec.description = QStringLiteral("only the words changed");
    QVERIFY(before.sameSlotsAs(JobSchedule::compile(job)));
    job.spec.timeZone = QStringLiteral("America/New_York");
    QVERIFY(!before.sameSlotsAs(JobSchedule::compile(job)));
    job = cronJob(QStringLiteral("0 7 * * 1-5"));
    job.spec.enabled = false;
    QVERIFY(!before.sameSlotsAs(JobSchedule::compile(job)));
}

QTEST_APPLESS_MAIN(TestJobSchedule)
#include "tst_jobschedule.moc"

void TestJobSchedule::slotsAheadAreCountedNotKept_data()
{
    QTest::addColumn<QString>("cron");
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<QDateTime>("last");
    const QDateTime day = utc("2027-01-10T00:00:00Z");
    QTest::newRow("every second for a day")
        << QStringLiteral("* * * * * *") << day << day.addDays(1) << qint64(86400)
        << day.addDays(1).addSecs(-1);
    QTest::newRow("every second for a week")
        << QStringLiteral("* * * * * *") << day << day.addDays(7) << qint64(7 * 86400)
        << day.addDays(7).addSecs(-1);
    QTest::newRow("from is in, to is out")
        << QStringLiteral("0 * * * *") << utc("2027-01-10T10:00:00Z") << utc("2027-01-10T12:00:00Z")
        << qint64(2) << utc("2027-01-10T11:00:00Z");
    // Berlin's spring-forward day has 23 hours: 00:00 CET to 00:00 CEST.
    QTest::newRow("hourly on a 23-hour day")
        << QStringLiteral("0 * * * *") << utc("2026-03-28T23:00:00Z") << utc("2026-03-29T22:00:00Z")
        << qint64(23) << utc("2026-03-29T21:00:00Z");
    QTest::newRow("nothing in the window")
        << QStringLiteral("0 9 1 1 *") << day << day.addDays(1) << qint64(0) << QDateTime();
}

// However many slots lie ahead, all are counted and only the first few are kept.
void TestJobSchedule::slotsAheadAreCountedNotKept()
{
    QFETCH(QString, cron);
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QFETCH(qint64, total);
    QFETCH(QDateTime, last);
    const JobSchedule s = JobSchedule::compile(cronJob(cron));
    QVERIFY2(s.isValid(), qPrintable(s.error()));
    const JobSchedule::Slots ahead = s.slotsBetween(from, to, 5);
    QCOMPARE(ahead.total, total);
    QCOMPARE(ahead.last, last);
    QCOMPARE(ahead.first.size(), qsizetype(std::min<qint64>(total, 5)));
    if (total > 0)
        QCOMPARE(ahead.first.constFirst(), s.nextAfter(from.addSecs(-1)));
    for (const QDateTime &at : ahead.first)
        QVERIFY(at >= from && at < to);
}

void TestJobSchedule::slotsAheadStopWhenCancelled()
{
    const JobSchedule s = JobSchedule::compile(cronJob(QStringLiteral("* * * * * *")));
    const QDateTime from = utc("2027-01-10T00:00:00Z");
    int asked = 0;
    const JobSchedule::Slots ahead =
        s.slotsBetween(from, from.addDays(7), 5, [&asked] { return ++asked > 2; });
    QVERIFY(asked > 2);
    QVERIFY(ahead.total > 0);
    QVERIFY(ahead.total < 7 * 86400);
    JobRecord paused = cronJob(QStringLiteral("* * * * * *"));
    paused.spec.enabled = false;
    QCOMPARE(JobSchedule::compile(paused).slotsBetween(from, from.addDays(1), 5).total, qint64(0));
}

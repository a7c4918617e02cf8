// ReservedStarts (core/node/reservedstarts.h) without a database or a node: runs reserved
// ahead start at their instant, all runs of one instant together; a run dropped or taken
// back before its instant never starts; and what becomes of a run at its instant (no
// session, lease lost, job paused or rescheduled since).

#include <node/reservedstarts.h>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimeZone>
#include <QtTest>

using namespace Cronhelm;

namespace {

struct Started
{
    qint64 runId = 0;
    qint64 atMs = 0; // since the test's clock started
};

JobRecord everyMinute()
{
    JobRecord job;
    job.id = 7;
    job.spec.name = QStringLiteral("every-minute");
    job.spec.scheduleKind = ScheduleKind::Cron;
    job.spec.cron = QStringLiteral("* * * * *");
    job.spec.timeZone = QStringLiteral("UTC");
    job.spec.enabled = true;
    return job;
}

Reservation reservationOf(const QDateTime &slot, bool assigned = false)
{
    Reservation r;
    r.jobId = 7;
    r.slot = slot;
    r.assigned = assigned;
    return r;
}

const QDateTime slot(QDate(2026, 3, 8), QTime(7, 30), QTimeZone::utc());

} // namespace

class ReservedStartsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsStartAtTheirInstantTogether();
    void droppedRunsDoNotStart();
    void aRunThatDoesNotStartIsNotCounted();
    void whatHappensAtTheInstant();
};

void ReservedStartsTest::runsStartAtTheirInstantTogether()
{
    QElapsedTimer clock;
    clock.start();
    QList<Started> started;
    ReservedStarts starts([&](qint64 runId, Reservation) {
        started.append({runId, clock.elapsed()});
        return true;
    });
    QSignalSpy handedOut(&starts, &ReservedStarts::handedOut);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    starts.reserve(3, reservationOf(slot), now.addMSecs(400));
    starts.reserve(1, reservationOf(slot), now.addMSecs(200));
    starts.reserve(2, reservationOf(slot), now.addMSecs(200));
    QCOMPARE(starts.count(), 3);
    QVERIFY(started.isEmpty()); // nothing before its instant
    QTRY_COMPARE_WITH_TIMEOUT(handedOut.size(), 2, 5000);
    // One hand-out per instant, in the order of the instants.
    QCOMPARE(handedOut.at(0).at(0).toInt(), 2);
    QCOMPARE(handedOut.at(1).at(0).toInt(), 1);
    QCOMPARE(started.size(), 3);
    QCOMPARE(started.at(0).runId, qint64(1));
    QCOMPARE(started.at(1).runId, qint64(2));
    QCOMPARE(started.at(2).runId, qint64(3));
    // Not before the instant (the clock started before `now` was read).
    QVERIFY2(started.at(0).atMs >= 195, qPrintable(QString::number(started.at(0).atMs)));
    QVERIFY2(started.at(2).atMs >= 395, qPrintable(QString::number(started.at(2).atMs)));
    QVERIFY(starts.isEmpty());
}

void ReservedStartsTest::droppedRunsDoNotStart()
{
    QList<qint64> started;
    ReservedStarts starts([&](qint64 runId, Reservation) {
        started.append(runId);
        return true;
    });
    QSignalSpy handedOut(&starts, &ReservedStarts::handedOut);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    starts.reserve(1, reservationOf(slot, true), now.addMSecs(100));
    starts.reserve(2, reservationOf(slot), now.addMSecs(100));
    starts.reserve(3, reservationOf(slot), now.addMSecs(150));
    starts.reserve(4, reservationOf(slot), now.addMSecs(150));
    QVERIFY(starts.isAssigned(1));
    QVERIFY(!starts.isAssigned(2));
    QVERIFY(starts.drop(1)); // e.g. cancelled before its instant
    QVERIFY(!starts.drop(1));
    QVERIFY(!starts.contains(1));
    QVERIFY(starts.contains(2));
    // Handed back at shutdown: none of them starts.
    QList<qint64> taken = starts.takeAll();
    std::sort(taken.begin(), taken.end());
    QCOMPARE(taken, QList<qint64>({2, 3, 4}));
    QVERIFY(starts.isEmpty());
    // A run reserved after that, at a later instant, starts alone.
    starts.reserve(5, reservationOf(slot), now.addMSecs(250));
    QTRY_COMPARE_WITH_TIMEOUT(started, QList<qint64>({5}), 5000);
    QCOMPARE(handedOut.size(), 1);
}

void ReservedStartsTest::aRunThatDoesNotStartIsNotCounted()
{
    QList<qint64> asked;
    ReservedStarts starts([&](qint64 runId, Reservation) {
        asked.append(runId);
        return runId == 2; // runs 1 and 3 are refused (e.g. the lease lapsed)
    });
    QSignalSpy handedOut(&starts, &ReservedStarts::handedOut);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    starts.reserve(1, reservationOf(slot), now.addMSecs(50));
    starts.reserve(2, reservationOf(slot), now.addMSecs(50));
    starts.reserve(3, reservationOf(slot), now.addMSecs(100)); // refused alone: no hand-out
    starts.reserve(1, reservationOf(slot), now.addMSecs(100));
    QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 3, 5000);
    QCOMPARE(handedOut.size(), 1);
    QCOMPARE(handedOut.at(0).at(0).toInt(), 1);
    // Run 1 reserved again (before its first instant) started at the first instant, once.
    QCOMPARE(asked.count(1), 1);
    QVERIFY(starts.isEmpty());
}

void ReservedStartsTest::whatHappensAtTheInstant()
{
    using At = ReservedStarts::AtInstant;
    JobRecord job = everyMinute();
    JobSchedule schedule = JobSchedule::compile(job);
    QVERIFY(schedule.isValid());

    // Given to this node: only its session matters, not the lease.
    const Reservation assigned = reservationOf(slot, true);
    QCOMPARE(ReservedStarts::check(assigned, true, false, nullptr, nullptr), At::Start);
    QCOMPARE(ReservedStarts::check(assigned, false, true, &job, &schedule), At::NoSession);

    // Reserved as executor: the lease, then the job as known now.
    const Reservation own = reservationOf(slot);
    QCOMPARE(ReservedStarts::check(own, true, true, &job, &schedule), At::Start);
    QCOMPARE(ReservedStarts::check(own, false, true, &job, &schedule), At::Start);
    QCOMPARE(ReservedStarts::check(own, true, false, &job, &schedule), At::LeaseLost);
    QCOMPARE(ReservedStarts::check(own, true, true, nullptr, nullptr), At::NotWanted); // deleted
    // A slot the schedule no longer has (rescheduled to every 5 minutes; 07:30 is on it,
    // 07:31 is not).
    const Reservation offSchedule = reservationOf(slot.addSecs(60));
    QCOMPARE(ReservedStarts::check(offSchedule, true, true, &job, &schedule), At::Start);
    JobRecord rescheduled = job;
    rescheduled.spec.cron = QStringLiteral("*/5 * * * *");
    const JobSchedule every5 = JobSchedule::compile(rescheduled);
    QCOMPARE(ReservedStarts::check(own, true, true, &rescheduled, &every5), At::Start);
    QCOMPARE(ReservedStarts::check(offSchedule, true, true, &rescheduled, &every5), At::NotWanted);
    JobRecord paused = job;
    paused.spec.enabled = false;
    QCOMPARE(ReservedStarts::check(own, true, true, &paused, &schedule), At::NotWanted);

    // A one-off: wanted at its own instant unless cancelled.
    JobRecord once = job;
    once.spec.scheduleKind = ScheduleKind::Once;
    once.spec.onceAt = slot;
    const JobSchedule onceSchedule = JobSchedule::compile(once);
    QVERIFY(onceSchedule.isValid());
    QVERIFY(ReservedStarts::slotStillWanted(once, onceSchedule, slot));
    QVERIFY(!ReservedStarts::slotStillWanted(once, onceSchedule, slot.addSecs(60)));
    once.onceState = OnceState::Cancelled;
    QVERIFY(!ReservedStarts::slotStillWanted(once, onceSchedule, slot));
}

QTEST_GUILESS_MAIN(ReservedStartsTest)
#include "tst_reservedstarts.moc"

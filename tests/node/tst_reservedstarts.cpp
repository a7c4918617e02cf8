// ReservedStarts (core/node/reservedstarts.h) without a database or a node: runs reserved
// ahead start at their instant, all runs of one instant together; a run dropped or taken
// back before its instant never starts; and what becomes of a run at its instant (no
// session, lease lost, job paused or rescheduled since).

#include <node/controlchannel.h>
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
    void expiredHeartbeatProofStartsNothing();
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
    const LeaseDeadline alive = LeaseDeadline::after(std::chrono::minutes(1));

    // Given to this node: only its heartbeat proof matters, not the lease.
    const Reservation assigned = reservationOf(slot, true);
    QCOMPARE(ReservedStarts::check(assigned, alive, false, nullptr, nullptr), At::Start);
    QCOMPARE(ReservedStarts::check(assigned, LeaseDeadline(), true, &job, &schedule),
             At::NoSession);

    // Reserved as executor: the lease, then the job as known now.
    const Reservation own = reservationOf(slot);
    QCOMPARE(ReservedStarts::check(own, alive, true, &job, &schedule), At::Start);
    QCOMPARE(ReservedStarts::check(own, LeaseDeadline(), true, &job, &schedule), At::Start);
    QCOMPARE(ReservedStarts::check(own, alive, false, &job, &schedule), At::LeaseLost);
    QCOMPARE(ReservedStarts::check(own, alive, true, nullptr, nullptr), At::NotWanted); // deleted
    // A slot the schedule no longer has (rescheduled to every 5 minutes; 07:30 is on it,
    // 07:31 is not).
    const Reservation offSchedule = reservationOf(slot.addSecs(60));
    QCOMPARE(ReservedStarts::check(offSchedule, alive, true, &job, &schedule), At::Start);
    JobRecord rescheduled = job;
    rescheduled.spec.cron = QStringLiteral("*/5 * * * *");
    const JobSchedule every5 = JobSchedule::compile(rescheduled);
    QCOMPARE(ReservedStarts::check(own, alive, true, &rescheduled, &every5), At::Start);
    QCOMPARE(ReservedStarts::check(offSchedule, alive, true, &rescheduled, &every5), At::NotWanted);
    JobRecord paused = job;
    paused.spec.enabled = false;
    QCOMPARE(ReservedStarts::check(own, alive, true, &paused, &schedule), At::NotWanted);

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

// Issue 10 (worker side): a run assigned to this node starts only while its last heartbeat
// proves it alive. The proof of a heartbeat runs out dead_after (minus a margin) after it was
// sent, counted on CLOCK_BOOTTIME: a node frozen or suspended longer than that may have been
// taken for dead, and its runs given to other nodes.
void ReservedStartsTest::expiredHeartbeatProofStartsNothing()
{
    using At = ReservedStarts::AtInstant;
    const Reservation assigned = reservationOf(slot, true);
    const LeaseDeadline proof = ControlChannel::aliveProofFromNow(0.5);
    QVERIFY(!proof.hasExpired());
    // dead_after 0.5 s, margin 0.2 s: proven for 0.3 s.
    QVERIFY(proof.remaining() <= std::chrono::milliseconds(300));
    QVERIFY(proof.remaining() > std::chrono::milliseconds(200));
    QCOMPARE(ReservedStarts::check(assigned, proof, false, nullptr, nullptr), At::Start);
    QTRY_VERIFY_WITH_TIMEOUT(proof.hasExpired(), 2000);
    QCOMPARE(ReservedStarts::check(assigned, proof, false, nullptr, nullptr), At::NoSession);
    // The default: dead_after 15 s is proven for 13.5 s.
    const LeaseDeadline usual = ControlChannel::aliveProofFromNow(15.0);
    QVERIFY(usual.remaining() <= std::chrono::milliseconds(13500));
    QVERIFY(usual.remaining() > std::chrono::milliseconds(13000));

    // A proof that ran out: the runs given to this node are forgotten (to be read again),
    // those it reserved as executor stay.
    QList<qint64> asked;
    ReservedStarts starts([&](qint64 runId, Reservation) {
        asked.append(runId);
        return true;
    });
    const QDateTime later = QDateTime::currentDateTimeUtc().addMSecs(200);
    starts.reserve(1, reservationOf(slot, true), later);
    starts.reserve(2, reservationOf(slot), later);
    starts.reserve(3, reservationOf(slot, true), later);
    QList<qint64> taken = starts.takeAssigned();
    std::sort(taken.begin(), taken.end());
    QCOMPARE(taken, QList<qint64>({1, 3}));
    QTRY_COMPARE_WITH_TIMEOUT(asked, QList<qint64>({2}), 5000);
    QVERIFY(starts.isEmpty());
}

QTEST_GUILESS_MAIN(ReservedStartsTest)
#include "tst_reservedstarts.moc"

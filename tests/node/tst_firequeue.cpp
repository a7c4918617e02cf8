// FireQueue, the executor's in-memory schedule, without a database or a node: slots come out
// earliest first and once, a new slot replaces the old one, removed jobs never fire, and the
// lead brings each slot out that much early.

#include <node/firequeue.h>

#include <QSignalSpy>
#include <QtTest>

using namespace Cronhelm;

Q_DECLARE_METATYPE(QList<Cronhelm::FireQueue::Due>)

namespace {

QDateTime inMs(qint64 ms)
{
    return QDateTime::currentDateTimeUtc().addMSecs(ms);
}

QList<qint64> jobsOf(const QList<FireQueue::Due> &due)
{
    QList<qint64> ids;
    for (const FireQueue::Due &d : due)
        ids.append(d.jobId);
    return ids;
}

// Every job that came out of the queue, in order, until `count` did (or 5 s passed).
QList<FireQueue::Due> collect(FireQueue &queue, int count)
{
    QList<FireQueue::Due> out;
    QObject guard;
    QObject::connect(&queue, &FireQueue::due, &guard,
                     [&out](const QList<FireQueue::Due> &due) { out += due; });
    (void)QTest::qWaitFor([&out, count] { return out.size() >= count; }, 5000); // callers compare
    return out;
}

} // namespace

class TestFireQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slotsComeOutEarliestFirstAndOnce();
    void aNewSlotReplacesTheOld();
    void removedAndClearedJobsNeverFire();
    void theLeadBringsSlotsOutEarly();
    void manyReschedulesKeepOneEntryPerJob();
};

void TestFireQueue::slotsComeOutEarliestFirstAndOnce()
{
    FireQueue queue;
    queue.schedule(3, inMs(150));
    queue.schedule(1, inMs(50));
    queue.schedule(2, inMs(100));
    QCOMPARE(queue.size(), 3);
    const QList<FireQueue::Due> due = collect(queue, 3);
    QCOMPARE(jobsOf(due), (QList<qint64>{1, 2, 3}));
    QCOMPARE(queue.size(), 0);
    // Each left the queue when due: nothing more comes.
    QSignalSpy more(&queue, &FireQueue::due);
    QVERIFY(!more.wait(300));
}

void TestFireQueue::aNewSlotReplacesTheOld()
{
    FireQueue queue;
    const QDateTime later = inMs(250);
    queue.schedule(7, inMs(30));
    queue.schedule(7, later);
    QCOMPARE(queue.slotOf(7), later.toUTC());
    QCOMPARE(queue.size(), 1);
    QSignalSpy spy(&queue, &FireQueue::due);
    const QList<FireQueue::Due> due = collect(queue, 1);
    // Only the new slot came out, and not before its time.
    QCOMPARE(jobsOf(due), QList<qint64>{7});
    QCOMPARE(due.first().slot, later.toUTC());
    QVERIFY(QDateTime::currentDateTimeUtc() >= later);
    QVERIFY(!spy.wait(200));
    QCOMPARE(spy.count(), 1);
}

void TestFireQueue::removedAndClearedJobsNeverFire()
{
    FireQueue queue;
    queue.schedule(1, inMs(40));
    queue.schedule(2, inMs(60));
    queue.schedule(3, inMs(120));
    queue.remove(1);
    queue.schedule(2, QDateTime()); // no next slot: removed as well
    QVERIFY(!queue.slotOf(2).isValid());
    QCOMPARE(jobsOf(collect(queue, 1)), QList<qint64>{3});

    queue.schedule(4, inMs(40));
    queue.clear();
    QSignalSpy spy(&queue, &FireQueue::due);
    QVERIFY(!spy.wait(200));
}

void TestFireQueue::theLeadBringsSlotsOutEarly()
{
    FireQueue queue;
    // A lead much longer than any scheduling delay of a loaded test machine.
    queue.setLead(std::chrono::milliseconds(3000));
    const QDateTime slot = inMs(3100);
    queue.schedule(9, slot);
    const QList<FireQueue::Due> due = collect(queue, 1);
    // Out about 3 s before the slot, with the slot itself (not the moment it came out).
    QVERIFY(QDateTime::currentDateTimeUtc() < slot);
    QCOMPARE(due.first().slot, slot.toUTC());
}

void TestFireQueue::manyReschedulesKeepOneEntryPerJob()
{
    // Rescheduling leaves stale heap entries behind; none of them may fire.
    FireQueue queue;
    for (int round = 0; round < 3000; ++round)
        queue.schedule(round % 5, inMs(60 + (round % 5) * 10));
    QCOMPARE(queue.size(), 5);
    const QList<FireQueue::Due> due = collect(queue, 5);
    QCOMPARE(jobsOf(due), (QList<qint64>{0, 1, 2, 3, 4}));
    QSignalSpy more(&queue, &FireQueue::due);
    QVERIFY(!more.wait(200));
}

QTEST_GUILESS_MAIN(TestFireQueue)
#include "tst_firequeue.moc"

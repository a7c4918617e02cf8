// The Recorder's run-end batching (FinishBatcher) and its Backoff, without a database: a burst
// is one finish_runs call after the 100 ms window, one call at a time; a refused batch is
// written again one by one; a batch lost with the connection is kept, in order, and tried
// again after a backoff of 250 ms doubling to 5 s, or at once when the connection is back.

#include <node/backoff.h>
#include <node/finishbatcher.h>

#include <QtTest>

using namespace Cronhelm;
using namespace std::chrono_literals;

using Step = FinishBatcher::Step;
using Kind = FinishBatcher::Step::Kind;
using Answer = FinishBatcher::Answer;

namespace {

FinishedRun ended(qint64 runId)
{
    FinishedRun run;
    run.runId = runId;
    run.status = RunStatus::Succeeded;
    return run;
}

QList<qint64> idsOf(const QList<FinishBatcher::Entry> &entries)
{
    QList<qint64> ids;
    for (const auto &[run, jobId] : entries)
        ids.append(run.runId);
    return ids;
}

QList<int> delaysOf(const QList<std::chrono::milliseconds> &delays)
{
    QList<int> out;
    for (const auto delay : delays)
        out.append(int(delay.count()));
    return out;
}

const Step window{Kind::WriteAfter, 100ms};
const Step now{Kind::WriteNow, 0ms};
const Step nothing{};

} // namespace

namespace QTest {
template<>
char *toString(const Step &step)
{
    static const char *const names[] = {"Nothing", "WriteAfter", "WriteNow", "RetryAfter"};
    const QByteArray text = QByteArray(names[int(step.kind)]) + ' '
        + QByteArray::number(qint64(step.delay.count())) + " ms";
    return qstrdup(text.constData());
}
} // namespace QTest

class RecorderBatchingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backoffDoublesToFiveSeconds();
    void burstIsOneCallAfterTheWindow();
    void oneCallAtATime();
    void refusedBatchIsWrittenOneByOne();
    void lostBatchIsKeptInOrderWithBackoff();
    void lostSingleStaysSingle();
    void retryWithNothingKeptDoesNothing();
};

void RecorderBatchingTest::backoffDoublesToFiveSeconds()
{
    Backoff backoff;
    QList<std::chrono::milliseconds> delays;
    for (int i = 0; i < 8; ++i)
        delays.append(backoff.next());
    QCOMPARE(delaysOf(delays), (QList<int>{250, 500, 1000, 2000, 4000, 5000, 5000, 5000}));
    backoff.reset();
    QCOMPARE(backoff.next(), 250ms);
    QCOMPARE(backoff.next(), 500ms);
}

void RecorderBatchingTest::burstIsOneCallAfterTheWindow()
{
    FinishBatcher batcher;
    QCOMPARE(FinishBatcher::window, 100ms);
    // The first end of a burst opens the window; the others join it.
    QCOMPARE(batcher.add(ended(1), 10), window);
    for (qint64 id = 2; id <= 5; ++id)
        QCOMPARE(batcher.add(ended(id), 10), nothing);
    QVERIFY(!batcher.isIdle());

    const QList<FinishBatcher::Entry> batch = batcher.takeBatch();
    QCOMPARE(idsOf(batch), (QList<qint64>{1, 2, 3, 4, 5}));
    QCOMPARE(batch.first().second, 10);
    QVERIFY(batcher.isWriting());
    QCOMPARE(batcher.queued(), 0);

    const FinishBatcher::Settled settled = batcher.onAnswer(Answer::Written);
    QCOMPARE(settled.batch, 5);
    QCOMPARE(idsOf(settled.ends), (QList<qint64>{1, 2, 3, 4, 5}));
    QCOMPARE(settled.next, nothing);
    QVERIFY(batcher.isIdle());
    QVERIFY(batcher.takeBatch().isEmpty());
    // The next burst opens a window of its own.
    QCOMPARE(batcher.add(ended(6), 10), window);
}

void RecorderBatchingTest::oneCallAtATime()
{
    FinishBatcher batcher;
    QCOMPARE(batcher.add(ended(1), 10), window);
    QCOMPARE(idsOf(batcher.takeBatch()), QList<qint64>{1});
    // Ends during the call wait for it, then for a window of their own.
    QCOMPARE(batcher.add(ended(2), 11), nothing);
    QCOMPARE(batcher.add(ended(3), 12), nothing);
    QVERIFY(batcher.takeBatch().isEmpty());
    const FinishBatcher::Settled settled = batcher.onAnswer(Answer::Written);
    QCOMPARE(idsOf(settled.ends), QList<qint64>{1});
    QCOMPARE(settled.next, window);
    QCOMPARE(batcher.add(ended(4), 13), nothing); // joins the open window
    QCOMPARE(idsOf(batcher.takeBatch()), (QList<qint64>{2, 3, 4}));
}

void RecorderBatchingTest::refusedBatchIsWrittenOneByOne()
{
    FinishBatcher batcher;
    for (qint64 id = 1; id <= 3; ++id)
        batcher.add(ended(id), 10);
    QCOMPARE(batcher.takeBatch().size(), 3);
    QCOMPARE(batcher.add(ended(4), 10), nothing); // came in during the call

    FinishBatcher::Settled settled = batcher.onAnswer(Answer::Refused);
    QCOMPARE(settled.batch, 3);
    QVERIFY(settled.ends.isEmpty()); // none is done with yet
    QCOMPARE(settled.next, now);

    // One by one, back to back: the bad one is logged, the others are written.
    QCOMPARE(idsOf(batcher.takeBatch()), QList<qint64>{1});
    settled = batcher.onAnswer(Answer::Written);
    QCOMPARE(idsOf(settled.ends), QList<qint64>{1});
    QCOMPARE(settled.next, now);
    QCOMPARE(idsOf(batcher.takeBatch()), QList<qint64>{2});
    settled = batcher.onAnswer(Answer::Refused);
    QCOMPARE(idsOf(settled.ends), QList<qint64>{2});
    QCOMPARE(settled.next, now);
    QCOMPARE(idsOf(batcher.takeBatch()), QList<qint64>{3});
    settled = batcher.onAnswer(Answer::Written);
    QCOMPARE(idsOf(settled.ends), QList<qint64>{3});
    // What came later is a batch again.
    QCOMPARE(settled.next, window);
    QCOMPARE(batcher.add(ended(5), 10), nothing);
    QCOMPARE(idsOf(batcher.takeBatch()), (QList<qint64>{4, 5}));
}

void RecorderBatchingTest::lostBatchIsKeptInOrderWithBackoff()
{
    FinishBatcher batcher;
    batcher.add(ended(1), 10);
    batcher.add(ended(2), 11);
    QCOMPARE(batcher.takeBatch().size(), 2);
    batcher.add(ended(3), 12);

    QList<std::chrono::milliseconds> delays;
    FinishBatcher::Settled settled = batcher.onAnswer(Answer::ConnectionLost);
    QVERIFY(settled.ends.isEmpty());
    QCOMPARE(settled.next.kind, Kind::RetryAfter);
    delays.append(settled.next.delay);
    // While the retry waits, nothing is written and nothing opens a window.
    QVERIFY(batcher.isWaitingToRetry());
    QCOMPARE(batcher.add(ended(4), 13), nothing);
    QVERIFY(batcher.takeBatch().isEmpty());

    for (int i = 0; i < 6; ++i) {
        QCOMPARE(batcher.retryNow(), now);
        QCOMPARE(idsOf(batcher.takeBatch()), (QList<qint64>{1, 2, 3, 4}));
        settled = batcher.onAnswer(Answer::ConnectionLost);
        QCOMPARE(settled.next.kind, Kind::RetryAfter);
        delays.append(settled.next.delay);
    }
    QCOMPARE(delaysOf(delays), (QList<int>{250, 500, 1000, 2000, 4000, 5000, 5000}));

    // The connection is back: all of it, in the order the runs ended, in one call.
    QCOMPARE(batcher.retryNow(), now);
    QCOMPARE(idsOf(batcher.takeBatch()), (QList<qint64>{1, 2, 3, 4}));
    settled = batcher.onAnswer(Answer::Written);
    QCOMPARE(idsOf(settled.ends), (QList<qint64>{1, 2, 3, 4}));
    QCOMPARE((QList<qint64>{settled.ends.at(2).second}), QList<qint64>{12});
    QVERIFY(batcher.isIdle());

    // An answer starts the backoff over.
    batcher.add(ended(5), 10);
    QCOMPARE(idsOf(batcher.takeBatch()), QList<qint64>{5});
    QCOMPARE(batcher.onAnswer(Answer::ConnectionLost).next, (Step{Kind::RetryAfter, 250ms}));
}

void RecorderBatchingTest::lostSingleStaysSingle()
{
    FinishBatcher batcher;
    batcher.add(ended(1), 10);
    batcher.add(ended(2), 10);
    QCOMPARE(batcher.takeBatch().size(), 2);
    QCOMPARE(batcher.onAnswer(Answer::Refused).next, now);
    QCOMPARE(idsOf(batcher.takeBatch()), QList<qint64>{1});
    QCOMPARE(batcher.onAnswer(Answer::ConnectionLost).next, (Step{Kind::RetryAfter, 250ms}));
    // Still one by one once the connection is back: the bad end is still among them.
    QCOMPARE(batcher.retryNow(), now);
    QCOMPARE(idsOf(batcher.takeBatch()), QList<qint64>{1});
    QCOMPARE(batcher.onAnswer(Answer::Written).next, now);
    QCOMPARE(idsOf(batcher.takeBatch()), QList<qint64>{2});
}

void RecorderBatchingTest::retryWithNothingKeptDoesNothing()
{
    FinishBatcher batcher;
    QCOMPARE(batcher.retryNow(), nothing);
    batcher.add(ended(1), 10);
    batcher.takeBatch();
    // A reconnect while a call is in flight changes nothing about it.
    QCOMPARE(batcher.retryNow(), nothing);
    QVERIFY(batcher.isWriting());
    // An answer nobody waits for is ignored.
    QCOMPARE(batcher.onAnswer(Answer::Written).ends.size(), 1);
    QCOMPARE(batcher.onAnswer(Answer::Written).ends.size(), 0);
}

QTEST_GUILESS_MAIN(RecorderBatchingTest)
#include "tst_recorderbatching.moc"

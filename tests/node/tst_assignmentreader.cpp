// The AssignmentReader (core/node/assignmentreader.h) against a real PostgreSQL, without a
// node process: it reads the runs assigned to its node with their jobs and sorts them —
// new ones to start, ones given to an earlier process with the node's id (abandoned), ones
// given while the node shuts down (handed back) — and skips runs known here; a node without
// its control session reads nothing; reads asked for during a read make one more.

#include "nodetesthelpers.h"

#include <node/assignmentreader.h>

#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

constexpr const char *nodeId = "assign-node";

// A queued run of `job` assigned to `node` `assignedAgo` seconds ago; its id.
qint64 assignedRun(SqlProbe &probe, qint64 job, const QString &node, int assignedAgo = 0)
{
    Result<QString> id = probe.value(
        QStringLiteral("INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, due_at, "
                       "status, node_id, assigned_at) VALUES (%1, 'schedule', now(), now(), "
                       "'queued', %2, now() - make_interval(secs => %3)) RETURNING id")
            .arg(job)
            .arg(probe.quote(node))
            .arg(assignedAgo));
    return id ? id->toLongLong() : 0;
}

NodeIdentity identity()
{
    // Started a minute ago: runs assigned an hour ago were given to an earlier process.
    return {QString::fromLatin1(nodeId), QStringLiteral("host"), 1, QStringLiteral("0.1.0"),
            QDateTime::currentDateTimeUtc().addSecs(-60)};
}

QList<qint64> idsOf(const QList<ActiveRun> &runs)
{
    QList<qint64> ids;
    for (const ActiveRun &run : runs)
        ids.append(run.runId);
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

class AssignmentReaderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sortsTheRunsItReads();
    void runsGivenWhileShuttingDownGoBack();
    void readsOnlyWithItsSessionAndOneAtATime();
};

void AssignmentReaderTest::sortsTheRunsItReads()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, shellJob(QStringLiteral("assigned"), QStringLiteral("true")));
    const QString node = QString::fromLatin1(nodeId);
    const qint64 fresh = assignedRun(probe, job, node);
    const qint64 stale = assignedRun(probe, job, node, 3600);
    const qint64 known = assignedRun(probe, job, node);
    const qint64 other = assignedRun(probe, job, QStringLiteral("other-node"));
    QVERIFY(fresh && stale && known && other);

    StoreWorker worker(db->conninfo(), QStringLiteral("test-read"));
    AssignmentReader reader(identity(), worker,
                            {[] { return true; }, [] { return false; },
                             [known](qint64 runId) {
                                 return runId == known;
                             }},
                            std::chrono::hours(1));
    QList<AssignmentReader::Sorted> reads;
    connect(&reader, &AssignmentReader::read, this,
            [&reads](const AssignmentReader::Sorted &sorted) { reads.append(sorted); });
    QVERIFY(!reader.job(job));
    reader.sync();
    QTRY_COMPARE_WITH_TIMEOUT(reads.size(), 1, 5000);
    const AssignmentReader::Sorted &sorted = reads.first();
    QCOMPARE(idsOf(sorted.toStart), QList<qint64>({fresh}));
    QCOMPARE(idsOf(sorted.abandoned), QList<qint64>({stale}));
    QVERIFY(sorted.handBack.isEmpty());
    QCOMPARE(sorted.toStart.first().jobId, job);
    // The job came with its runs: a worker has no other copy.
    QVERIFY(reader.job(job));
    QCOMPARE(reader.job(job)->job.spec.name, QStringLiteral("assigned"));
}

void AssignmentReaderTest::runsGivenWhileShuttingDownGoBack()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, shellJob(QStringLiteral("assigned"), QStringLiteral("true")));
    const QString node = QString::fromLatin1(nodeId);
    const qint64 fresh = assignedRun(probe, job, node);
    const qint64 stale = assignedRun(probe, job, node, 3600);
    StoreWorker worker(db->conninfo(), QStringLiteral("test-read"));
    AssignmentReader reader(identity(), worker,
                            {[] { return true; }, [] { return true; },
                             [](qint64) {
                                 return false;
                             }},
                            std::chrono::hours(1));
    QList<AssignmentReader::Sorted> reads;
    connect(&reader, &AssignmentReader::read, this,
            [&reads](const AssignmentReader::Sorted &sorted) { reads.append(sorted); });
    reader.sync();
    QTRY_COMPARE_WITH_TIMEOUT(reads.size(), 1, 5000);
    QList<qint64> handBack = reads.first().handBack;
    std::sort(handBack.begin(), handBack.end());
    QCOMPARE(handBack, QList<qint64>({fresh, stale}));
    QVERIFY(reads.first().toStart.isEmpty());
    QVERIFY(reads.first().abandoned.isEmpty());
}

void AssignmentReaderTest::readsOnlyWithItsSessionAndOneAtATime()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, shellJob(QStringLiteral("assigned"), QStringLiteral("true")));
    const qint64 run = assignedRun(probe, job, QString::fromLatin1(nodeId));
    StoreWorker worker(db->conninfo(), QStringLiteral("test-read"));
    bool connected = false;
    AssignmentReader reader(identity(), worker,
                            {[&connected] { return connected; }, [] { return false; },
                             [](qint64) {
                                 return false;
                             }},
                            std::chrono::hours(1));
    QList<AssignmentReader::Sorted> reads;
    connect(&reader, &AssignmentReader::read, this,
            [&reads](const AssignmentReader::Sorted &sorted) { reads.append(sorted); });
    // Without its session the node is gone for the cluster: nothing is read.
    reader.sync();
    reader.sync();
    connected = true;
    // Three hints while the first read is in flight: one read now, one more after it.
    reader.sync();
    reader.sync();
    reader.sync();
    QTRY_COMPARE_WITH_TIMEOUT(reads.size(), 2, 5000);
    // No third read: a probe posted to the same read thread after them is answered while
    // the count is still two.
    bool drained = false;
    worker.post(
        this, [](StoreConnection &) { return 0; }, [&drained](int) { drained = true; });
    QTRY_VERIFY_WITH_TIMEOUT(drained, 5000);
    QCOMPARE(reads.size(), 2);
    for (const AssignmentReader::Sorted &sorted : std::as_const(reads))
        QCOMPARE(idsOf(sorted.toStart), QList<qint64>({run}));
}

QTEST_GUILESS_MAIN(AssignmentReaderTest)
#include "tst_assignmentreader.moc"

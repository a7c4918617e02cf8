// A worker frozen (SIGSTOP: a suspended VM, a stalled process) longer than dead_after while
// it holds a run assigned to it: the executor takes it for dead and gives the run to another
// node. When the worker wakes up, its TCP session is still up and the timer of the run's
// instant fires at once; it must not start the run too (docs/security.md, "A node that lost
// its lease starts nothing"). A worker starts an assigned run only while its last heartbeat
// proves it alive.

#include "nodetesthelpers.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class FrozenWorkerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void frozenWorkerStartsNothing();
};

namespace {

// A node with label `w` and a HOME of its own (shell jobs get the node's HOME: the marker a
// job leaves there says which node ran it).
std::unique_ptr<NodeProcess> startWorker(const QString &conninfo, const QString &id,
                                         const QString &home)
{
    auto node = std::make_unique<NodeProcess>(conninfo, id);
    node->setLeaseTtl(5);
    node->setExtraArguments({QStringLiteral("--labels"), QStringLiteral("w")});
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    node->setEnvironment(env);
    if (!node->start())
        return {};
    return node;
}

} // namespace

void FrozenWorkerTest::frozenWorkerStartsNothing()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    QTemporaryDir home1;
    QTemporaryDir home2;
    QVERIFY(home1.isValid() && home2.isValid());

    // The executor assigns 35 s ahead (a test hook), so that the worker can be frozen for
    // longer than dead_after (15 s) while it holds the run, before the run's instant.
    auto executor = std::make_unique<NodeProcess>(db->conninfo(), QStringLiteral("node-a"));
    executor->setLeaseTtl(5);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CRONHELM_NODE_TEST_FIRE_LEAD_MS"), QStringLiteral("35000"));
    executor->setEnvironment(env);
    QVERIFY(executor->start());
    CH_WAIT_LINE(*executor, loadedLine(), 15000, 0);
    auto w1 = startWorker(db->conninfo(), QStringLiteral("node-w1"), home1.path());
    QVERIFY(w1);
    CH_WAIT(probe,
            QStringLiteral("(SELECT labels FROM cronhelm.cluster_nodes WHERE id = 'node-w1') = "
                           "'{w}'"),
            15000);

    const QDateTime instant = wholeSecondAfter(37000);
    QJsonObject spec = shellJob(QStringLiteral("once, somewhere"),
                                QStringLiteral("touch \"$HOME/ran\""), cronAt(instant));
    spec.insert(QStringLiteral("run_on"), QJsonArray{QStringLiteral("w")});
    CH_CREATE_JOB(job, probe, spec);
    CH_WAIT_LINE(*w1, QStringLiteral("assign: run \\d+ of job %1 given to this node").arg(job),
                 10000, 0);
    QVERIFY(w1->stop()); // SIGSTOP
    auto w2 = startWorker(db->conninfo(), QStringLiteral("node-w2"), home2.path());
    QVERIFY(w2);

    // Taken for dead (no heartbeat for dead_after), its future run goes back to the queue;
    // at the instant the executor gives it to the other worker.
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'queued' AND node_id IS NULL)")
                .arg(job),
            30000);
    QVERIFY2(QDateTime::currentDateTimeUtc() < instant,
             "requeued after the instant: the test proves nothing");
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'succeeded' AND node_id = 'node-w2')")
                .arg(job),
            30000);

    // The frozen worker wakes up: the timer of its instant fires at once, its TCP session is
    // still there. It must start nothing.
    CH_VALUE(wokeAt, probe, QStringLiteral("SELECT clock_timestamp()"));
    QVERIFY(w1->cont()); // SIGCONT
    // Alive again (it heartbeats), and its start would long have left its marker.
    CH_WAIT(probe,
            QStringLiteral("(SELECT last_seen > timestamptz '%1' + interval '2 seconds' FROM "
                           "cronhelm.nodes WHERE id = 'node-w1')")
                .arg(wokeAt),
            10000);
    QVERIFY(QFile::exists(home2.filePath(QStringLiteral("ran"))));
    QVERIFY2(!QFile::exists(home1.filePath(QStringLiteral("ran"))),
             "the frozen worker ran the slot another node had been given");
    CH_VALUE(count, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1").arg(job));
    QCOMPARE(count, QStringLiteral("1"));
}

QTEST_GUILESS_MAIN(FrozenWorkerTest)
#include "tst_frozenworker.moc"

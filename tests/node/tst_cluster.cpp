// Cluster execution (docs/semantics.md "Cluster execution"): real cronhelm-node processes
// sharing one PostgreSQL. Runs spread over every live node; a node's --max-parallel holds
// during a burst (the rest wait, queued, with the reason); run_on labels are honoured; a
// worker killed mid-run has its run recorded abandoned and retried once, never run twice;
// a killed executor does not stop the workers' runs; and random SIGKILLs of workers and
// executor leave no slot run twice and none unrecorded.

#include "nodetesthelpers.h"

#include <httptestserver.h>

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <vector>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

std::unique_ptr<NodeProcess> startNode(const QString &conninfo, const QString &id,
                                       const QStringList &extra = {})
{
    auto node = std::make_unique<NodeProcess>(conninfo, id);
    node->setLeaseTtl(5);
    node->setExtraArguments(extra);
    if (!node->start())
        return {};
    return node;
}

// A node with `labels`, returned once the cluster lists it with them (so that the next
// assignment may go to it); null if it did not start or was not listed within 15 s.
std::unique_ptr<NodeProcess> startLabelledNode(SqlProbe &probe, const QString &conninfo,
                                               const QString &id, const QString &labels,
                                               const QStringList &extra = {})
{
    auto node = startNode(conninfo, id, QStringList{QStringLiteral("--labels"), labels} + extra);
    const QString listed =
        QStringLiteral("(SELECT labels FROM cronhelm.cluster_nodes WHERE id = '%1') = '{%2}'")
            .arg(id, labels);
    if (!node || !probe.waitUntil(listed, 15000)) {
        qWarning("node %s was not listed with labels %s: %s", qPrintable(id), qPrintable(labels),
                 qPrintable(probe.lastError()));
        return {};
    }
    return node;
}

// Jobs firing together at `instant` (concurrency allow), each running `command`.
QList<qint64> burst(SqlProbe &probe, const QString &prefix, int count, const QDateTime &instant,
                    const QString &command, const QJsonObject &extra = {})
{
    QList<qint64> ids;
    for (int i = 0; i < count; ++i) {
        QJsonObject spec =
            shellJob(QStringLiteral("%1-%2").arg(prefix).arg(i), command, cronAt(instant));
        spec.insert(QStringLiteral("concurrency"), QStringLiteral("allow"));
        for (auto it = extra.begin(); it != extra.end(); ++it)
            spec.insert(it.key(), it.value());
        const qint64 id = probe.createJob(spec);
        if (id <= 0)
            return {};
        ids.append(id);
    }
    return ids;
}

QStringList lines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class ClusterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void runsSpreadOverThreeNodes();
    void maxParallelHoldsInABurst();
    void runOnLabelsAreHonoured();
    void workerKilledMidRun();
    void executorKilledWhileWorkersRun();
    void workerConnectionCut();
    void gracefulWorkerHandsBack();
    void chaos();
    void notificationsFollowTheJobAcrossNodes();
};

void ClusterTest::runsSpreadOverThreeNodes()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    auto a = startNode(db->conninfo(), QStringLiteral("node-a"));
    QVERIFY(a);
    CH_WAIT_LINE(*a, loadedLine(), 15000, 0);
    auto b = startNode(db->conninfo(), QStringLiteral("node-b"));
    auto c = startNode(db->conninfo(), QStringLiteral("node-c"));
    QVERIFY(b && c);
    CH_WAIT(probe, QStringLiteral("(SELECT count(*) FROM cronhelm.cluster_nodes) = 3"), 15000);
    const QDateTime instant = wholeSecondAfter(3000);
    const QList<qint64> jobs =
        burst(probe, QStringLiteral("spread"), 30, instant, QStringLiteral("sleep 1"));
    QCOMPARE(jobs.size(), 30);
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM cronhelm.runs WHERE status = 'succeeded') = 30"),
            20000);
    CH_VALUE(perNode, probe,
             QStringLiteral("SELECT string_agg(node_id || '=' || n, ' ' ORDER BY node_id) FROM "
                            "(SELECT node_id, count(*) AS n FROM cronhelm.runs GROUP BY 1) x"));
    qInfo("runs per node: %s", qPrintable(perNode));
    CH_VALUE(nodes, probe, QStringLiteral("SELECT count(DISTINCT node_id) FROM cronhelm.runs"));
    QCOMPARE(nodes, QStringLiteral("3"));
    CH_VALUE(least, probe,
             QStringLiteral("SELECT min(n) FROM (SELECT count(*) AS n FROM cronhelm.runs "
                            "GROUP BY node_id) x"));
    QVERIFY2(least.toInt() >= 5, qPrintable(perNode));
    // Each started at its instant, on whichever node: a worker's own timer started it.
    CH_VALUE(latest, probe,
             QStringLiteral("SELECT max(extract(epoch FROM started_at - scheduled_for) * 1000) "
                            "FROM cronhelm.runs"));
    qInfo("latest start after the slot: %s ms", qPrintable(latest));
    QVERIFY2(latest.toDouble() < 200.0, qPrintable(latest));
    CH_VALUE(perJob, probe,
             QStringLiteral("SELECT max(n) FROM (SELECT count(*) AS n FROM "
                            "cronhelm.runs GROUP BY job_id) x"));
    QCOMPARE(perJob, QStringLiteral("1"));
}

void ClusterTest::maxParallelHoldsInABurst()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    auto a = startNode(db->conninfo(), QStringLiteral("node-a"),
                       {QStringLiteral("--max-parallel"), QStringLiteral("10")});
    QVERIFY(a);
    CH_WAIT_LINE(*a, loadedLine(), 15000, 0);
    const QDateTime instant = wholeSecondAfter(2000);
    QCOMPARE(burst(probe, QStringLiteral("burst"), 24, instant, QStringLiteral("sleep 2")).size(),
             24);
    // 10 run, 14 wait with the reason.
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM cronhelm.run_history WHERE status = 'queued' "
                           "AND wait_reason = 'waiting for a free slot on any node, 10 of 10 "
                           "busy') = 14"),
            8000);
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM cronhelm.runs WHERE status = 'succeeded') = 24"),
            30000);
    // Never more than 10 at once: the most runs whose [start, end) covers one of the starts.
    CH_VALUE(most, probe,
             QStringLiteral("SELECT max((SELECT count(*) FROM cronhelm.runs o WHERE o.started_at "
                            "<= r.started_at AND o.finished_at > r.started_at)) FROM "
                            "cronhelm.runs r"));
    QVERIFY2(most.toInt() == 10, qPrintable(most));
    // Those that waited started as slots freed, not after all of them.
    CH_VALUE(waited, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE started_at > scheduled_for "
                            "+ interval '1 second'"));
    QCOMPARE(waited, QStringLiteral("14"));
}

void ClusterTest::runOnLabelsAreHonoured()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    auto a = startNode(db->conninfo(), QStringLiteral("node-a"));
    QVERIFY(a);
    CH_WAIT_LINE(*a, loadedLine(), 15000, 0);
    auto gpu = startLabelledNode(probe, db->conninfo(), QStringLiteral("node-gpu"),
                                 QStringLiteral("gpu,eu"));
    QVERIFY(gpu);
    QJsonObject onGpu = shellJob(QStringLiteral("needs-gpu"), QStringLiteral("true"),
                                 QStringLiteral("* * * * * *"));
    onGpu.insert(QStringLiteral("run_on"), QJsonArray{QStringLiteral("gpu")});
    CH_CREATE_JOB(gpuJob, probe, onGpu);
    QJsonObject onTpu = shellJob(QStringLiteral("needs-tpu"), QStringLiteral("true"),
                                 QStringLiteral("* * * * * *"));
    onTpu.insert(QStringLiteral("run_on"), QJsonArray{QStringLiteral("tpu")});
    CH_CREATE_JOB(tpuJob, probe, onTpu);
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'succeeded') >= 4")
                .arg(gpuJob),
            15000);
    CH_VALUE(where, probe,
             QStringLiteral("SELECT string_agg(DISTINCT node_id, ',') FROM cronhelm.runs WHERE "
                            "job_id = %1")
                 .arg(gpuJob));
    QCOMPARE(where, QStringLiteral("node-gpu"));
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.run_history WHERE job_id = %1 AND "
                           "status = 'queued' AND wait_reason = 'no live node has the labels "
                           "tpu')")
                .arg(tpuJob),
            5000);
    CH_VALUE(ran, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1 AND started_at "
                            "IS NOT NULL")
                 .arg(tpuJob));
    QCOMPARE(ran, QStringLiteral("0"));
}

void ClusterTest::workerKilledMidRun()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString marks = dir.filePath(QStringLiteral("runs"));
    auto a = startNode(db->conninfo(), QStringLiteral("node-a"));
    QVERIFY(a);
    CH_WAIT_LINE(*a, loadedLine(), 15000, 0);
    auto worker =
        startLabelledNode(probe, db->conninfo(), QStringLiteral("node-w1"), QStringLiteral("w"));
    QVERIFY(worker);
    const QDateTime instant = wholeSecondAfter(2000);
    QJsonObject extra{{QStringLiteral("run_on"), QJsonArray{QStringLiteral("w")}},
                      {QStringLiteral("retries"), 1},
                      {QStringLiteral("retry_delay_s"), 1}};
    const QList<qint64> jobs =
        burst(probe, QStringLiteral("killed"), 1, instant,
              QStringLiteral("echo $CRONHELM_RUN_ID >> '%1'; sleep 4").arg(marks), extra);
    QCOMPARE(jobs.size(), 1);
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE status = 'running' AND "
                           "node_id = 'node-w1')"),
            10000);
    QVERIFY(worker->kill());
    QVERIFY(worker->waitForExit(5000));
    QElapsedTimer found;
    found.start();
    // Found through its heartbeat (its session ended) within the lease TTL.
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE attempt = 1 AND status = "
                           "'abandoned' AND error LIKE 'node node-w1 stopped%')"),
            10000);
    qInfo("abandoned %lld ms after the kill", found.elapsed());
    // The retry waits for a node with the label, then runs there, once.
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.run_history WHERE attempt = 2 AND "
                           "status = 'queued' AND wait_reason = 'no live node has the labels w')"),
            10000);
    auto replacement = startNode(db->conninfo(), QStringLiteral("node-w2"),
                                 {QStringLiteral("--labels"), QStringLiteral("w")});
    QVERIFY(replacement);
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE attempt = 2 AND status = "
                           "'succeeded' AND node_id = 'node-w2')"),
            20000);
    CH_VALUE(count, probe, QStringLiteral("SELECT count(*) FROM cronhelm.runs"));
    QCOMPARE(count, QStringLiteral("2"));
    const QStringList started = lines(marks);
    QCOMPARE(started.size(), 2);
    QVERIFY(started.at(0) != started.at(1));
}

void ClusterTest::executorKilledWhileWorkersRun()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    auto a = startNode(db->conninfo(), QStringLiteral("node-a"));
    QVERIFY(a);
    CH_WAIT_LINE(*a, loadedLine(), 15000, 0);
    auto worker =
        startLabelledNode(probe, db->conninfo(), QStringLiteral("node-w"), QStringLiteral("w"));
    QVERIFY(worker);
    const QDateTime instant = wholeSecondAfter(2000);
    const QList<qint64> jobs =
        burst(probe, QStringLiteral("on-worker"), 5, instant, QStringLiteral("sleep 3"),
              {{QStringLiteral("run_on"), QJsonArray{QStringLiteral("w")}}});
    QCOMPARE(jobs.size(), 5);
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM cronhelm.runs WHERE status = 'running' AND "
                           "node_id = 'node-w') = 5"),
            10000);
    QVERIFY(a->kill());
    QVERIFY(a->waitForExit(5000));
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM cronhelm.runs WHERE status = 'succeeded' AND "
                           "node_id = 'node-w') = 5"),
            15000);
    CH_VALUE(count, probe, QStringLiteral("SELECT count(*) FROM cronhelm.runs"));
    QCOMPARE(count, QStringLiteral("5"));
}

// A worker's database connection is cut for 20 s (its role may not log in, its sessions
// are ended): it starts nothing new meanwhile, the run it had started goes on, and its end
// is recorded once the worker is back.
void ClusterTest::workerConnectionCut()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    Result<QString> role = db->createLoginRole(QStringLiteral("cronhelm_node"));
    CH_VERIFY_OK(role);
    auto a = startNode(db->conninfo(), QStringLiteral("node-a"));
    QVERIFY(a);
    CH_WAIT_LINE(*a, loadedLine(), 15000, 0);
    auto worker = startLabelledNode(probe, db->conninfoAs(*role), QStringLiteral("node-w"),
                                    QStringLiteral("w"));
    QVERIFY(worker);
    const QJsonObject onW{{QStringLiteral("run_on"), QJsonArray{QStringLiteral("w")}}};
    const QList<qint64> longJob = burst(probe, QStringLiteral("long"), 1, wholeSecondAfter(2000),
                                        QStringLiteral("sleep 24"), onW);
    QCOMPARE(longJob.size(), 1);
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'running' AND node_id = 'node-w')")
                .arg(longJob.first()),
            10000);
    QJsonObject tick = shellJob(QStringLiteral("tick-on-w"), QStringLiteral("true"),
                                QStringLiteral("* * * * * *"));
    tick.insert(QStringLiteral("run_on"), QJsonArray{QStringLiteral("w")});
    tick.insert(QStringLiteral("concurrency"), QStringLiteral("allow"));
    CH_CREATE_JOB(tickJob, probe, tick);
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'succeeded' AND node_id = 'node-w')")
                .arg(tickJob),
            10000);

    // Cut.
    CH_VERIFY_OK(db->query(QStringLiteral("ALTER ROLE %1 NOLOGIN").arg(*role)));
    CH_VERIFY_OK(db->query(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM "
                                          "pg_stat_activity WHERE usename = '%1'")
                               .arg(*role)));
    const QDateTime cutAt = QDateTime::currentDateTimeUtc();
    CH_WAIT_LINE(*worker, QStringLiteral("control: connection lost"), 5000, 0);
    // While cut off, the worker takes nothing: its slots wait for a node with the label.
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.run_history WHERE job_id = %1 AND "
                           "status = 'queued' AND wait_reason = 'no live node has the labels w')")
                .arg(tickJob),
            10000);
    QTest::qWait(int(std::max<qint64>(0, 20000 - cutAt.msecsTo(QDateTime::currentDateTimeUtc()))));
    CH_VALUE(startedWhileCut, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1 AND started_at "
                            "> %2 + interval '1 second'")
                 .arg(tickJob)
                 .arg(SqlProbe::timestamp(cutAt)));
    QCOMPARE(startedWhileCut, QStringLiteral("0"));
    QVERIFY(worker->isRunning());
    CH_VERIFY_OK(db->query(QStringLiteral("ALTER ROLE %1 LOGIN").arg(*role)));

    // Back: the long run's end is recorded by the worker, and the worker takes runs again.
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'succeeded' AND node_id = 'node-w')")
                .arg(longJob.first()),
            20000);
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'succeeded' AND node_id = 'node-w' AND started_at > now() - interval "
                           "'3 seconds')")
                .arg(tickJob),
            15000);
    CH_VALUE(longRuns, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1")
                 .arg(longJob.first()));
    QCOMPARE(longRuns, QStringLiteral("1"));
}

// SIGTERM to a worker hands back the runs assigned to it that have not started: another
// node with the labels runs them, on time.
void ClusterTest::gracefulWorkerHandsBack()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    // The executor assigns 5 s ahead (a test hook), so that the worker can be stopped while
    // it holds the run and before its instant, without racing the 250 ms of the default.
    auto a = std::make_unique<NodeProcess>(db->conninfo(), QStringLiteral("node-a"));
    a->setLeaseTtl(5);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CRONHELM_NODE_TEST_FIRE_LEAD_MS"), QStringLiteral("5000"));
    a->setEnvironment(env);
    QVERIFY(a->start());
    CH_WAIT_LINE(*a, loadedLine(), 15000, 0);
    auto w1 =
        startLabelledNode(probe, db->conninfo(), QStringLiteral("node-w1"), QStringLiteral("w"));
    QVERIFY(w1);
    const QDateTime instant = wholeSecondAfter(7000);
    QJsonObject spec =
        shellJob(QStringLiteral("handed-back"), QStringLiteral("true"), cronAt(instant));
    spec.insert(QStringLiteral("run_on"), QJsonArray{QStringLiteral("w")});
    CH_CREATE_JOB(job, probe, spec);
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'queued' AND node_id = 'node-w1')")
                .arg(job),
            10000);
    CH_WAIT_LINE(*w1, QStringLiteral("assign: run \\d+ of job %1 given to this node").arg(job),
                 5000, 0);
    QVERIFY(w1->terminate());
    QVERIFY(w1->waitForExit(15000));
    QVERIFY2(QDateTime::currentDateTimeUtc() < instant, "stopped after the instant: no proof");
    QVERIFY(w1->findLine(QRegularExpression(QStringLiteral("fire: job %1 ").arg(job))).hasMatch()
            == false);
    // Handed back, and waiting for a node with the label.
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.run_history WHERE job_id = %1 AND "
                           "status = 'queued' AND node IS NULL)")
                .arg(job),
            5000);
    auto w2 = startNode(db->conninfo(), QStringLiteral("node-w2"),
                        {QStringLiteral("--labels"), QStringLiteral("w")});
    QVERIFY(w2);
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'succeeded' AND node_id = 'node-w2')")
                .arg(job),
            20000);
    CH_VALUE(count, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1").arg(job));
    QCOMPARE(count, QStringLiteral("1"));
}

void ClusterTest::chaos()
{
    CH_TEST_SEED(seed);
    const int kills = qEnvironmentVariableIntValue("CRONHELM_CHAOS_KILLS") > 0
        ? qEnvironmentVariableIntValue("CRONHELM_CHAOS_KILLS")
        : 8;
    qInfo("chaos: %d kills", kills);
    QRandomGenerator random(seed);
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString marks = dir.filePath(QStringLiteral("starts"));
    QList<qint64> jobs;
    for (int i = 0; i < 20; ++i) {
        QJsonObject spec = shellJob(
            QStringLiteral("chaos-%1").arg(i),
            QStringLiteral("echo \"$CRONHELM_JOB_ID $CRONHELM_SCHEDULED_FOR\" >> '%1'; sleep 0.3")
                .arg(marks),
            QStringLiteral("* * * * * *"));
        spec.insert(QStringLiteral("concurrency"), QStringLiteral("allow"));
        CH_CREATE_JOB(id, probe, spec);
        jobs.append(id);
    }
    std::vector<std::unique_ptr<NodeProcess>> nodes;
    std::vector<std::unique_ptr<NodeProcess>> crashed;
    int started = 0;
    auto addNode = [&]() -> NodeProcess * {
        auto node = startNode(db->conninfo(), QStringLiteral("chaos-%1").arg(started++));
        if (!node)
            return nullptr;
        nodes.push_back(std::move(node));
        return nodes.back().get();
    };
    for (int i = 0; i < 3; ++i)
        QVERIFY(addNode());
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(DISTINCT node_id) FROM cronhelm.runs WHERE status = "
                           "'succeeded') >= 2"),
            20000);
    for (int k = 0; k < kills; ++k) {
        QTest::qWait(1000 + int(random.bounded(2000)));
        const int victim = int(random.bounded(quint32(nodes.size())));
        qInfo("kill %d: %s", k + 1, qPrintable(nodes.at(victim)->nodeId()));
        QVERIFY(nodes.at(victim)->kill());
        QVERIFY(nodes.at(victim)->waitForExit(5000));
        crashed.push_back(std::move(nodes.at(victim)));
        nodes.erase(nodes.begin() + victim);
        QVERIFY(addNode());
    }
    // Settle: an executor fires and every node's runs ended.
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM cronhelm.runs WHERE status = 'succeeded' AND "
                           "scheduled_for > now() + interval '-2 seconds') > 0"),
            20000);
    // The runs the killed nodes left behind are found (their sessions ended) and recorded.
    QStringList dead;
    for (const auto &node : crashed)
        dead.append(QLatin1Char('\'') + node->nodeId() + QLatin1Char('\''));
    CH_WAIT(probe,
            QStringLiteral("NOT EXISTS (SELECT 1 FROM cronhelm.runs WHERE status IN ('running', "
                           "'queued') AND node_id IN (%1))")
                .arg(dead.join(QLatin1Char(','))),
            20000);
    for (auto &node : nodes)
        node->terminate();
    for (auto &node : nodes)
        QVERIFY(node->waitForExit(15000));
    const QString jobList = [&] {
        QStringList ids;
        for (qint64 id : jobs)
            ids.append(QString::number(id));
        return ids.join(QStringLiteral(", "));
    }();
    // No slot ran twice: neither two rows (the constraint) nor two starts (the marks file).
    CH_VALUE(doubleRows, probe, slotsRunTwiceSql());
    QCOMPARE(doubleRows, QStringLiteral("0"));
    const QStringList starts = lines(marks);
    QSet<QString> distinct(starts.begin(), starts.end());
    qInfo("%lld starts, %lld distinct", qlonglong(starts.size()), qlonglong(distinct.size()));
    QCOMPARE(qsizetype(distinct.size()), starts.size());
    // No holes: every second between a job's first and last slot has a row.
    const Result<QStringList> missing = missingSlots(probe, jobList);
    CH_VERIFY_OK(missing);
    QVERIFY2(missing->isEmpty(), qPrintable(missing->join(QStringLiteral(", "))));
    Result<QList<QStringList>> statuses =
        probe.query(QStringLiteral("SELECT status, count(*), count(DISTINCT node_id) FROM "
                                   "cronhelm.runs GROUP BY 1 ORDER BY 1"));
    CH_VERIFY_OK(statuses);
    QStringList summary;
    for (const QStringList &row : *statuses)
        summary.append(row.join(QLatin1Char(' ')));
    qInfo("runs (status, count, nodes): %s", qPrintable(summary.join(QStringLiteral(", "))));
    // Nothing left behind as running or assigned once every node stopped.
    CH_VALUE(left, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE status = 'running'"));
    QCOMPARE(left, QStringLiteral("0"));
}

// A job's consecutive runs end on different nodes: the node that runs it successfully
// knows it failed on the other and announces the recovery, once (the outcome before a run
// is the cluster's, not a node's). Each node takes one run at a time, so a run goes where
// the other node is busy.
void ClusterTest::notificationsFollowTheJobAcrossNodes()
{
    HttpTestServer receiver;
    QVERIFY(receiver.listen());
    receiver.setResponse(QStringLiteral("/hook"), TestResponse{});
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    const QStringList onePerNode{QStringLiteral("--max-parallel"), QStringLiteral("1")};
    auto a = startLabelledNode(probe, db->conninfo(), QStringLiteral("node-a"), QStringLiteral("a"),
                               onePerNode);
    QVERIFY(a);
    CH_WAIT_LINE(*a, loadedLine(), 15000, 0);
    auto b = startLabelledNode(probe, db->conninfo(), QStringLiteral("node-b"), QStringLiteral("b"),
                               onePerNode);
    QVERIFY(b);

    const auto holder = [](const char *label) {
        QJsonObject spec = shellJob(QStringLiteral("hold-%1").arg(QLatin1String(label)),
                                    QStringLiteral("sleep 60"));
        spec.insert(QStringLiteral("run_on"), QJsonArray{QLatin1String(label)});
        return spec;
    };
    CH_CREATE_JOB(holdA, probe, holder("a"));
    CH_CREATE_JOB(holdB, probe, holder("b"));
    // Fails the first time, succeeds after.
    QJsonObject flakySpec = shellJob(QStringLiteral("flaky"),
                                     QStringLiteral("test -e '%1' || { touch '%1'; exit 3; }")
                                         .arg(dir.filePath(QStringLiteral("ran"))));
    flakySpec.insert(QStringLiteral("notify"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("kind"), QStringLiteral("webhook")},
                         {QStringLiteral("url"), receiver.url(QStringLiteral("/hook")).toString()},
                         {QStringLiteral("on"),
                          QJsonArray{QStringLiteral("failure"), QStringLiteral("recovery")}}}});
    CH_CREATE_JOB(flaky, probe, flakySpec);

    const auto runNow = [&probe](qint64 job) {
        const Result<QString> run =
            probe.value(QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));
        return run ? *run : QString();
    };
    const auto runOn = [&](qint64 holdJob, const QString &busyNode, const QString &freeNode,
                           const QString &status) -> QString {
        const QString hold = runNow(holdJob);
        if (!probe.waitUntil(QStringLiteral("(SELECT status = 'running' AND node_id = '%1' FROM "
                                            "cronhelm.runs WHERE id = %2)")
                                 .arg(busyNode, hold),
                             10000))
            return QStringLiteral("hold run %1 never ran on %2").arg(hold, busyNode);
        const QString run = runNow(flaky);
        const bool ended = probe.waitUntil(
            QStringLiteral("(SELECT status = '%1' AND node_id = '%2' FROM cronhelm.runs WHERE "
                           "id = %3)")
                .arg(status, freeNode, run),
            10000);
        (void)probe.value(QStringLiteral("SELECT cronhelm.cancel_run(%1)").arg(hold));
        if (!probe.waitUntil(QStringLiteral("(SELECT status = 'cancelled' FROM cronhelm.runs "
                                            "WHERE id = %1)")
                                 .arg(hold),
                             10000))
            return QStringLiteral("hold run %1 was not cancelled").arg(hold);
        return ended ? QString()
                     : QStringLiteral("run %1 did not end %2 on %3").arg(run, status, freeNode);
    };

    // Failed on B (A busy), then succeeded on A (B busy): A announces the recovery.
    QString problem =
        runOn(holdA, QStringLiteral("node-a"), QStringLiteral("node-b"), QStringLiteral("failed"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QTRY_COMPARE_WITH_TIMEOUT(receiver.requests(QStringLiteral("/hook")).size(), 1, 5000);
    problem = runOn(holdB, QStringLiteral("node-b"), QStringLiteral("node-a"),
                    QStringLiteral("succeeded"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QTRY_COMPARE_WITH_TIMEOUT(receiver.requests(QStringLiteral("/hook")).size(), 2, 5000);
    const QList<RecordedRequest> hooks = receiver.requests(QStringLiteral("/hook"));
    const QJsonObject failure = QJsonDocument::fromJson(hooks.at(0).body).object();
    const QJsonObject recovery = QJsonDocument::fromJson(hooks.at(1).body).object();
    QCOMPARE(failure.value(QStringLiteral("event")).toString(), QStringLiteral("failure"));
    QCOMPARE(failure.value(QStringLiteral("node")).toString(), QStringLiteral("node-b"));
    QCOMPARE(recovery.value(QStringLiteral("event")).toString(), QStringLiteral("recovery"));
    QCOMPARE(recovery.value(QStringLiteral("node")).toString(), QStringLiteral("node-a"));
    QTest::qWait(500); // and nothing more
    QCOMPARE(receiver.requests(QStringLiteral("/hook")).size(), 2);
}

QTEST_GUILESS_MAIN(ClusterTest)
#include "tst_cluster.moc"

// Exactly once per slot under repeated crashes: per-second jobs on a cluster of three
// cronhelm-node processes whose executor is SIGKILLed over and over (at varying moments
// relative to the slots), each victim replaced by a fresh node. Afterwards no slot ran
// twice and no slot between the first and the last went unrecorded (docs/semantics.md "Exactly
// once per slot").
//
// The crash moments are random. The seed is printed first; CRONHELM_TEST_SEED=<seed>
// replays the same choices.

#include "nodetesthelpers.h"

#include <QRandomGenerator>
#include <QStandardPaths>
#include <QtTest>

#include <cstdio>
#include <vector>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class ExactlyOnceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void repeatedExecutorCrashes();
};

void ExactlyOnceTest::repeatedExecutorCrashes()
{
    const int kills = qEnvironmentVariableIntValue("CRONHELM_EXACTLYONCE_KILLS") > 0
        ? qEnvironmentVariableIntValue("CRONHELM_EXACTLYONCE_KILLS")
        : 22;
    CH_TEST_SEED(seed);
    QRandomGenerator random(seed);
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    // Quick jobs and one that is often still running when its executor dies.
    const QStringList commands = {QStringLiteral("true"), QStringLiteral("echo tick"),
                                  QStringLiteral("sleep 0.4; echo slow")};
    QList<qint64> jobs;
    for (int i = 0; i < commands.size(); ++i) {
        QJsonObject spec = shellJob(QStringLiteral("every-second-%1").arg(i), commands.at(i),
                                    QStringLiteral("* * * * * *"));
        spec.insert(QStringLiteral("concurrency"), QStringLiteral("allow"));
        spec.insert(QStringLiteral("misfire"), QStringLiteral("run_once"));
        CH_CREATE_JOB(id, probe, spec);
        jobs.append(id);
    }
    const QString jobList = QStringLiteral("%1, %2, %3").arg(jobs[0]).arg(jobs[1]).arg(jobs[2]);

    std::vector<std::unique_ptr<NodeProcess>> nodes;
    std::vector<std::unique_ptr<NodeProcess>> crashed;
    int started = 0;
    auto startNode = [&]() -> NodeProcess * {
        auto node =
            std::make_unique<NodeProcess>(db->conninfo(), QStringLiteral("node-%1").arg(started++));
        if (!node->start())
            return nullptr;
        nodes.push_back(std::move(node));
        return nodes.back().get();
    };
    NodeProcess *first = startNode();
    QVERIFY(first);
    CH_WAIT_LINE(*first, loadedLine(), 15000, 0);
    for (int i = 0; i < 2; ++i) {
        NodeProcess *standby = startNode();
        QVERIFY(standby);
        CH_WAIT_LINE(*standby, connectedLine(), 15000, 0);
    }

    QElapsedTimer elapsed;
    elapsed.start();
    QList<double> failovers;
    for (int kill = 0; kill < kills; ++kill) {
        CH_VALUE(lease, probe,
                 QStringLiteral("SELECT term || ' ' || executor FROM cronhelm.executor_lease"));
        const qint64 term = lease.section(QLatin1Char(' '), 0, 0).toLongLong();
        const QString executorId = lease.section(QLatin1Char(' '), 1);
        auto victim = std::find_if(nodes.begin(), nodes.end(),
                                   [&](const auto &node) { return node->nodeId() == executorId; });
        QVERIFY2(victim != nodes.end(), qPrintable(lease));
        // Let the executor fire one to three slots under its term, then crash it at a random
        // moment of the second.
        const int slotsToFire = 1 + int(random.bounded(3));
        CH_WAIT(probe,
                QStringLiteral("(SELECT count(DISTINCT scheduled_for) FROM cronhelm.runs WHERE "
                               "term = %1 AND started_at IS NOT NULL) >= %2")
                    .arg(term)
                    .arg(slotsToFire),
                slotsToFire * 1000 + 5000);
        QTest::qWait(int(random.bounded(1000)));
        const QDateTime killedAt = QDateTime::currentDateTimeUtc();
        QVERIFY((*victim)->kill());
        QVERIFY((*victim)->waitForExit(5000));
        crashed.push_back(std::move(*victim)); // its log is shown if the test fails
        nodes.erase(victim);
        CH_WAIT(probe,
                QStringLiteral("(SELECT term FROM cronhelm.executor_lease "
                               "WHERE executor IS NOT NULL) > %1")
                    .arg(term),
                5000);
        // Taken over from the crashed node, because its session was gone (not because a
        // live executor's lease ran out).
        CH_VALUE(change, probe,
                 QStringLiteral("SELECT previous_holder || ' ' || reason FROM "
                                "cronhelm.leadership_changes WHERE term = %1")
                     .arg(term + 1));
        QCOMPARE(change, executorId + QStringLiteral(" holder_gone"));
        const double takeover =
            probe.number(QStringLiteral("SELECT extract(epoch FROM acquired_at - %1) FROM "
                                        "cronhelm.leadership_changes WHERE term = %2")
                             .arg(SqlProbe::timestamp(killedAt))
                             .arg(term + 1));
        // The node killed was the executor until then.
        QVERIFY2(takeover >= 0,
                 qPrintable(QStringLiteral("term %1 began %2 s before the kill of %3: %4")
                                .arg(term + 1)
                                .arg(-takeover)
                                .arg(executorId,
                                     probe
                                         .query(QStringLiteral(
                                             "SELECT string_agg(term || ' ' || holder || ' ' || "
                                             "reason || ' ' || acquired_at, '; ' ORDER BY term) "
                                             "FROM cronhelm.leadership_changes"))
                                         ->value(0)
                                         .value(0))));
        failovers.append(takeover);
        NodeProcess *replacement = startNode();
        QVERIFY(replacement);
        CH_WAIT_LINE(*replacement, connectedLine(), 15000, 0);
    }
    // The last executor fires on.
    CH_VALUE(lastTerm, probe, QStringLiteral("SELECT term FROM cronhelm.executor_lease"));
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(DISTINCT job_id) FROM cronhelm.runs WHERE term = %1 "
                           "AND status = 'succeeded') = 3")
                .arg(lastTerm),
            5000);
    for (auto &node : nodes)
        node->kill();
    for (auto &node : nodes)
        QVERIFY(node->waitForExit(5000));
    std::sort(failovers.begin(), failovers.end());
    qInfo("%d SIGKILLs in %.1f s; lease taken over after min %.3f s, median %.3f s, max %.3f s",
          kills, elapsed.elapsed() / 1000.0, failovers.first(), failovers.at(failovers.size() / 2),
          failovers.last());

    // At most one run per (job, slot, attempt): the database constraint.
    CH_VALUE(duplicates, probe,
             QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM cronhelm.runs WHERE trigger <> "
                            "'manual' GROUP BY job_id, scheduled_for, attempt HAVING count(*) > 1) "
                            "d"));
    QCOMPARE(duplicates, QStringLiteral("0"));
    // No slot ran twice, whatever the attempt or trigger.
    CH_VALUE(doubleRuns, probe, slotsRunTwiceSql());
    QCOMPARE(doubleRuns, QStringLiteral("0"));
    // No silent gaps: every second between a job's first and last slot has a run row.
    const Result<QStringList> missing = missingSlots(probe, jobList);
    CH_VERIFY_OK(missing);
    QVERIFY2(missing->isEmpty(), qPrintable(missing->join(QStringLiteral(", "))));
    // Every slot row is a run or an explained skip; none was left behind as running.
    Result<QList<QStringList>> statuses = probe.query(
        QStringLiteral("SELECT status, trigger, count(*) FROM cronhelm.runs GROUP BY 1, 2 "
                       "ORDER BY 1, 2"));
    CH_VERIFY_OK(statuses);
    QStringList summary;
    for (const QStringList &row : *statuses)
        summary.append(row.join(QLatin1Char(' ')));
    qInfo("runs: %s", qPrintable(summary.join(QStringLiteral(", "))));
    // Each job has a row for about every second of the run.
    CH_VALUE(
        slotRows, probe,
        QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id IN (%1)").arg(jobList));
    const int seconds = int(elapsed.elapsed() / 1000);
    QVERIFY2(slotRows.toInt() >= 3 * (seconds - 3), qPrintable(slotRows));
    CH_VALUE(unexplained, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE status = 'skipped' AND "
                            "coalesce(error, '') = ''"));
    QCOMPARE(unexplained, QStringLiteral("0"));
}

QTEST_GUILESS_MAIN(ExactlyOnceTest)
#include "tst_exactlyonce.moc"

// Failover between real cronhelm-node processes: the executor crashes (SIGKILL), freezes
// (SIGSTOP, then SIGCONT) or shuts down gracefully (SIGTERM), and a standby takes over —
// within the bounds of docs/semantics.md ("The executor lease and fencing") and docs/benchmarks.md
// ("Failover": SIGKILL → fires again within 2 s; SIGSTOP → within lease TTL + 1 s).

#include "nodetesthelpers.h"

#include <QStandardPaths>
#include <QtTest>

#include <vector>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

using Nodes = std::vector<std::unique_ptr<NodeProcess>>;

NodeProcess *nodeById(const Nodes &nodes, const QString &id)
{
    for (const auto &node : nodes) {
        if (node->nodeId() == id)
            return node.get();
    }
    return nullptr;
}

// Waits until the wall clock is `phaseMs` into a second, so that a signal lands well away
// from the slots of a per-second job.
void alignToPhase(int phaseMs)
{
    const int now = int(QDateTime::currentMSecsSinceEpoch() % 1000);
    QTest::qWait((phaseMs - now + 1000) % 1000);
}

} // namespace

class FailoverTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void sigkill_data();
    void sigkill();
    void sigstop();
    void sigterm();

private:
    // Starts `count` nodes: the first becomes executor, the others stand by.
    void startCluster(const QString &conninfo, int count, double ttl, Nodes &nodes);
};

void FailoverTest::startCluster(const QString &conninfo, int count, double ttl, Nodes &nodes)
{
    for (int i = 0; i < count; ++i) {
        CH_START_NODE(node, conninfo, QStringLiteral("node-%1").arg(QChar(u'a' + i)), ttl);
        if (i == 0)
            CH_WAIT_LINE(*node, loadedLine(), 15000, 0);
        else
            CH_WAIT_LINE(*node, connectedLine(), 15000, 0);
        nodes.push_back(std::move(node));
    }
}

void FailoverTest::sigkill_data()
{
    QTest::addColumn<int>("nodeCount");
    QTest::addColumn<int>("phaseMs"); // when in the second the executor is killed
    QTest::newRow("two nodes") << 2 << 300;
    QTest::newRow("three nodes") << 3 << 300;
    // The dying executor has already reserved the next slot (it records slots a moment
    // ahead of their instant): the slot goes to the new executor and runs on time.
    QTest::newRow("two nodes, slot reserved") << 2 << 770;
    // The takeover may come after the reserved slot: the dead executor may have started
    // it, so it can only be recorded as abandoned.
    QTest::newRow("two nodes, just before a slot") << 2 << 900;
}

// The executor crashes: its session ends with it, so a standby sees the lease holder gone
// and takes over without waiting for the lease to expire (TTL 10 s here). With three
// nodes the new executor is killed too, and the last one takes over.
void FailoverTest::sigkill()
{
    QFETCH(int, nodeCount);
    QFETCH(int, phaseMs);
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe,
                  with(shellJob(QStringLiteral("tick"), QStringLiteral("true"),
                                QStringLiteral("* * * * * *")),
                       QStringLiteral("concurrency"), QStringLiteral("allow")));
    Nodes nodes;
    startCluster(db->conninfo(), nodeCount, 10, nodes);
    if (QTest::currentTestFailed())
        return;

    for (int kill = 1; kill < nodeCount; ++kill) {
        CH_VALUE(term, probe, QStringLiteral("SELECT term FROM cronhelm.executor_lease"));
        CH_VALUE(executor, probe, QStringLiteral("SELECT executor FROM cronhelm.executor_lease"));
        NodeProcess *victim = nodeById(nodes, executor);
        QVERIFY2(victim, qPrintable(executor));
        // The executor is firing under its term.
        CH_WAIT(probe,
                QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND term "
                               "= %2 AND status = 'succeeded')")
                    .arg(job)
                    .arg(term),
                5000);
        alignToPhase(phaseMs);

        const QDateTime killedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(victim->kill());
        QVERIFY(victim->waitForExit(5000));
        const QString after = QStringLiteral("job_id = %1 AND term > %2 AND scheduled_for > %3 "
                                             "AND started_at IS NOT NULL")
                                  .arg(job)
                                  .arg(term, SqlProbe::timestamp(killedAt));
        CH_WAIT(probe, QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE %1)").arg(after),
                10000);
        const double seconds = probe.number(
            QStringLiteral("SELECT extract(epoch FROM min(started_at) - %1) FROM cronhelm.runs "
                           "WHERE %2")
                .arg(SqlProbe::timestamp(killedAt), after));
        const double takeover =
            probe.number(QStringLiteral("SELECT extract(epoch FROM acquired_at - %1) FROM "
                                        "cronhelm.leadership_changes WHERE term = %2")
                             .arg(SqlProbe::timestamp(killedAt))
                             .arg(term.toLongLong() + 1));
        const QString nextSlotRun =
            QStringLiteral("cronhelm.runs WHERE job_id = %1 AND scheduled_for = "
                           "date_trunc('second', %2) + interval '1 second'")
                .arg(job)
                .arg(SqlProbe::timestamp(killedAt));
        CH_WAIT(probe, QStringLiteral("EXISTS (SELECT 1 FROM %1)").arg(nextSlotRun), 3000);
        CH_VALUE(nextSlot, probe,
                 QStringLiteral("SELECT status || ' (' || trigger || ', term ' || coalesce(term, "
                                "0) || CASE WHEN created_at < %2 THEN ', reserved before the kill' "
                                "ELSE '' END || ')' FROM %1")
                     .arg(nextSlotRun, SqlProbe::timestamp(killedAt)));
        qInfo("SIGKILL failover (%d nodes, kill %d at +%d ms): lease taken over after %.3f s, "
              "a slot started %.3f s after the kill; the slot after the kill: %s",
              nodeCount, kill, phaseMs, takeover, seconds, qPrintable(nextSlot));
        QVERIFY2(seconds <= 2.0, qPrintable(QString::number(seconds)));
        // Whenever the new executor was in place a little before the first slot after the
        // kill, that slot ran, at its instant (not half a second later).
        CH_VALUE(inTime, probe,
                 QStringLiteral("SELECT acquired_at < date_trunc('second', %1) + interval "
                                "'900 milliseconds' FROM cronhelm.leadership_changes WHERE term "
                                "= %2")
                     .arg(SqlProbe::timestamp(killedAt))
                     .arg(term.toLongLong() + 1));
        if (inTime == QLatin1String("t")) {
            CH_VALUE(ranOnTime, probe,
                     QStringLiteral("SELECT status IN ('running', 'succeeded') AND started_at < "
                                    "scheduled_for + interval '500 milliseconds' FROM %1")
                         .arg(nextSlotRun));
            QVERIFY2(ranOnTime == QLatin1String("t"), qPrintable(nextSlot));
        }

        // The crash was detected from the session, not from the lease expiry.
        CH_VALUE(reason, probe,
                 QStringLiteral("SELECT reason FROM cronhelm.leadership_changes WHERE term = %1")
                     .arg(term.toLongLong() + 1));
        QCOMPARE(reason, QStringLiteral("holder_gone"));
        CH_VALUE(successor, probe,
                 QStringLiteral("SELECT holder FROM cronhelm.leadership_changes WHERE term = %1")
                     .arg(term.toLongLong() + 1));
        QVERIFY(successor != victim->nodeId());
        NodeProcess *next = nodeById(nodes, successor);
        QVERIFY(next);
        CH_WAIT_LINE(*next,
                     QStringLiteral("lease: this node is now the executor \\(term %1\\)")
                         .arg(term.toLongLong() + 1),
                     5000, 0);
    }
    // Nothing was fired twice across the failovers.
    CH_VALUE(duplicates, probe,
             QStringLiteral("SELECT count(*) FROM (SELECT scheduled_for FROM cronhelm.runs WHERE "
                            "job_id = %1 GROUP BY 1 HAVING count(*) > 1) d")
                 .arg(job));
    QCOMPARE(duplicates, QStringLiteral("0"));
}

// The executor freezes (SIGSTOP) with a short lease: a standby takes over once the lease
// has expired. Resumed, the stale node must fire nothing under its old term: it notices it
// lost its session (the new executor ended it), logs that it stopped firing and stands by.
void FailoverTest::sigstop()
{
    constexpr double ttl = 3;
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe,
                  with(shellJob(QStringLiteral("tick"), QStringLiteral("true"),
                                QStringLiteral("* * * * * *")),
                       QStringLiteral("concurrency"), QStringLiteral("allow")));
    Nodes nodes;
    startCluster(db->conninfo(), 2, ttl, nodes);
    if (QTest::currentTestFailed())
        return;
    NodeProcess &frozen = *nodes.at(0);
    NodeProcess &standby = *nodes.at(1);
    // Another store on the same server, with an executor of its own: the takeover here
    // must not disturb it.
    CH_DATABASE(otherDb);
    CH_START_NODE(bystander, otherDb->conninfo(), QStringLiteral("bystander"), ttl);
    CH_WAIT_LINE(*bystander, loadedLine(), 15000, 0);
    CH_VALUE(term, probe, QStringLiteral("SELECT term FROM cronhelm.executor_lease"));
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND term = %2 "
                           "AND status = 'succeeded')")
                .arg(job)
                .arg(term),
            5000);
    alignToPhase(500);

    const qsizetype from = frozen.lineCount();
    const QDateTime stoppedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(frozen.stop());
    const qint64 newTerm = term.toLongLong() + 1;
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.leadership_changes WHERE term = %1)")
                .arg(newTerm),
            int((ttl + 3) * 1000));
    const double takeover =
        probe.number(QStringLiteral("SELECT extract(epoch FROM acquired_at - %1) FROM "
                                    "cronhelm.leadership_changes WHERE term = %2")
                         .arg(SqlProbe::timestamp(stoppedAt))
                         .arg(newTerm));
    qInfo("SIGSTOP failover (lease TTL %.0f s): the standby took over %.3f s after the stop", ttl,
          takeover);
    QVERIFY2(takeover <= ttl + 1, qPrintable(QString::number(takeover)));
    CH_VALUE(holder, probe,
             QStringLiteral("SELECT holder || ' ' || reason FROM cronhelm.leadership_changes "
                            "WHERE term = %1")
                 .arg(newTerm));
    QCOMPARE(holder, standby.nodeId() + QStringLiteral(" expired"));
    CH_WAIT_LINE(standby, loadedLine(), 5000, 0);
    CH_VALUE(acquired, probe,
             QStringLiteral("SELECT acquired_at FROM cronhelm.leadership_changes WHERE term = %1")
                 .arg(newTerm));
    // The new executor fires.
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND term = %2 "
                           "AND status = 'succeeded')")
                .arg(job)
                .arg(newTerm),
            3000);

    // Wake the stale executor up. Its overdue timers fire at once; its lease is gone.
    const QDateTime resumedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(frozen.cont());
    CH_WAIT_LINE(frozen, stoppedFiringLine(term.toLongLong()), 5000, from);
    CH_WAIT_LINE(frozen, connectedLine(), 10000, from);
    // Give it two more slots to misbehave in.
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM cronhelm.runs WHERE job_id = %1 AND term = %2 "
                           "AND scheduled_for > %3) >= 2")
                .arg(job)
                .arg(newTerm)
                .arg(SqlProbe::timestamp(resumedAt)),
            5000);
    QVERIFY(frozen.isRunning());
    CH_VALUE(stale, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE term = %1 AND (scheduled_for "
                            "> %2 OR started_at > '%3'::timestamptz)")
                 .arg(term)
                 .arg(SqlProbe::timestamp(stoppedAt), acquired));
    QCOMPARE(stale, QStringLiteral("0"));
    QVERIFY2(!bystander
                  ->findLine(QRegularExpression(QStringLiteral("connection lost|stopped "
                                                               "firing")))
                  .hasMatch(),
             qPrintable(bystander->describeLog()));
    SqlProbe otherProbe(otherDb->conninfo());
    CH_VALUE(otherTerm, otherProbe,
             QStringLiteral("SELECT term || ' ' || executor FROM cronhelm.executor_lease"));
    QCOMPARE(otherTerm, QStringLiteral("1 bystander"));
    // Awake, it is a worker: it starts only what the new executor gave it, never a slot of
    // its own.
    const QRegularExpression givenLine(QStringLiteral("assign: run (\\d+) of job \\d+ given"));
    const QRegularExpression firedLine(QStringLiteral("fire: job \\d+ \"[^\"]*\" run (\\d+)"));
    QSet<QString> given;
    const QStringList log = frozen.lines();
    for (qsizetype i = from; i < log.size(); ++i) {
        if (const QRegularExpressionMatch m = givenLine.match(log.at(i)); m.hasMatch())
            given.insert(m.captured(1));
        const QRegularExpressionMatch fired = firedLine.match(log.at(i));
        QVERIFY2(!fired.hasMatch() || given.contains(fired.captured(1)), qPrintable(log.at(i)));
    }
    // Every slot since the stop was accounted for by the new executor (run or recorded as
    // missed), exactly once.
    CH_VALUE(gaps, probe,
             QStringLiteral("SELECT count(*) FROM generate_series(date_trunc('second', %1) + "
                            "interval '1 second', (SELECT max(scheduled_for) FROM cronhelm.runs "
                            "WHERE job_id = %2), interval '1 second') s WHERE (SELECT count(*) "
                            "FROM cronhelm.runs r WHERE r.job_id = %2 AND r.scheduled_for = s) "
                            "<> 1")
                 .arg(SqlProbe::timestamp(stoppedAt))
                 .arg(job));
    QCOMPARE(gaps, QStringLiteral("0"));
}

// A graceful shutdown hands the lease over at once: the standby does not wait for the TTL.
void FailoverTest::sigterm()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe,
                  with(shellJob(QStringLiteral("tick"), QStringLiteral("true"),
                                QStringLiteral("* * * * * *")),
                       QStringLiteral("concurrency"), QStringLiteral("allow")));
    Nodes nodes;
    startCluster(db->conninfo(), 2, 10, nodes);
    if (QTest::currentTestFailed())
        return;
    NodeProcess &leaving = *nodes.at(0);
    CH_VALUE(term, probe, QStringLiteral("SELECT term FROM cronhelm.executor_lease"));
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND term = %2 "
                           "AND status = 'succeeded')")
                .arg(job)
                .arg(term),
            5000);
    alignToPhase(300);

    const QDateTime terminatedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(leaving.terminate());
    const qint64 newTerm = term.toLongLong() + 1;
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.leadership_changes WHERE term = %1)")
                .arg(newTerm),
            5000);
    const double takeover =
        probe.number(QStringLiteral("SELECT extract(epoch FROM acquired_at - %1) FROM "
                                    "cronhelm.leadership_changes WHERE term = %2")
                         .arg(SqlProbe::timestamp(terminatedAt))
                         .arg(newTerm));
    qInfo("SIGTERM hand-over (lease TTL 10 s): the standby took over %.3f s after the signal",
          takeover);
    QVERIFY2(takeover <= 1.0, qPrintable(QString::number(takeover)));
    CH_VALUE(reason, probe,
             QStringLiteral("SELECT holder || ' ' || reason FROM cronhelm.leadership_changes "
                            "WHERE term = %1")
                 .arg(newTerm));
    QCOMPARE(reason, nodes.at(1)->nodeId() + QStringLiteral(" released"));
    CH_VALUE(ended, probe,
             QStringLiteral("SELECT end_reason FROM cronhelm.leadership_changes WHERE term = %1")
                 .arg(term));
    QCOMPARE(ended, QStringLiteral("released"));

    QVERIFY(leaving.waitForExit(10000));
    QCOMPARE(leaving.exitStatus(), QProcess::NormalExit);
    QCOMPARE(leaving.exitCode(), 0);
    CH_VALUE(state, probe,
             QStringLiteral("SELECT role FROM cronhelm.cluster_nodes WHERE id = '%1'")
                 .arg(leaving.nodeId()));
    QCOMPARE(state, QStringLiteral("stopped"));
    // The new executor fires.
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND term = %2 "
                           "AND status = 'succeeded')")
                .arg(job)
                .arg(newTerm),
            3000);
}

QTEST_GUILESS_MAIN(FailoverTest)
#include "tst_failover.moc"

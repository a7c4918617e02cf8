// The job policies as a running cronhelm-node applies them: concurrency (forbid, replace,
// allow), misfire after a gap without executor (run_once, skip, run_all), and recovery of
// a run whose node crashed (abandoned, then retried) — docs/semantics.md "Exactly once per slot",
// "Jobs".

#include "nodetesthelpers.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/types.h>

using namespace Cronhelm;
using namespace Cronhelm::Test;

#define CH_START_EXECUTOR(var, db)                                                                 \
    CH_START_NODE(var, (db)->conninfo(), QStringLiteral("solo"), 10);                              \
    CH_WAIT_LINE(*var, loadedLine(), 15000, 0)

class PoliciesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void concurrency_data();
    void concurrency();
    void misfire_data();
    void misfire();
    void abandonedRunIsRetried();
};

void PoliciesTest::concurrency_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("command");
    QTest::newRow("forbid") << QStringLiteral("forbid") << QStringLiteral("sleep 1.5");
    QTest::newRow("replace") << QStringLiteral("replace") << QStringLiteral("exec sleep 10");
    QTest::newRow("allow") << QStringLiteral("allow") << QStringLiteral("sleep 2");
}

// A job every second that runs longer than a second.
void PoliciesTest::concurrency()
{
    QFETCH(QString, policy);
    QFETCH(QString, command);
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe,
                  with(shellJob(QStringLiteral("long"), command, QStringLiteral("* * * * * *")),
                       QStringLiteral("concurrency"), policy));
    CH_START_EXECUTOR(node, db);
    const QString runs = QStringLiteral("cronhelm.runs WHERE job_id = %1").arg(job);
    // Pairs of runs whose processes overlapped in time.
    const QString overlaps =
        QStringLiteral("SELECT count(*) FROM cronhelm.runs a JOIN cronhelm.runs b ON "
                       "a.job_id = b.job_id AND a.id < b.id WHERE a.job_id = %1 AND a.status "
                       "<> 'skipped' AND b.status <> 'skipped' AND b.started_at < "
                       "coalesce(a.finished_at, 'infinity')")
            .arg(job);

    if (policy == QLatin1String("forbid")) {
        // Slots while the previous run is still running are recorded as skipped.
        CH_WAIT(probe,
                QStringLiteral("(SELECT count(*) FROM %1 AND status = 'succeeded') >= 2 AND "
                               "(SELECT count(*) FROM %1 AND status = 'skipped') >= 2")
                    .arg(runs),
                8000);
        CH_VALUE(overlapping, probe, overlaps);
        QCOMPARE(overlapping, QStringLiteral("0"));
        CH_VALUE(reasons, probe,
                 QStringLiteral("SELECT string_agg(DISTINCT error, ' | ') FROM %1 AND status = "
                                "'skipped'")
                     .arg(runs));
        QVERIFY2(reasons.contains(QLatin1String("forbid")), qPrintable(reasons));
    } else if (policy == QLatin1String("replace")) {
        // Each slot cancels the run before it.
        CH_WAIT(probe,
                QStringLiteral("(SELECT count(*) FROM %1 AND status = 'cancelled') >= 2").arg(runs),
                8000);
        Result<QList<QStringList>> cancelled = probe.query(
            QStringLiteral("SELECT error, extract(epoch FROM finished_at - started_at) FROM %1 "
                           "AND status = 'cancelled'")
                .arg(runs));
        CH_VERIFY_OK(cancelled);
        for (const QStringList &row : *cancelled) {
            QVERIFY2(row.at(0).contains(QLatin1String("replace")), qPrintable(row.at(0)));
            // Cut short at the next slot (and a SIGTERM), not left to sleep on.
            QVERIFY2(row.at(1).toDouble() < 2.0, qPrintable(row.at(1)));
        }
        CH_VALUE(other, probe,
                 QStringLiteral("SELECT count(*) FROM %1 AND status NOT IN ('running', "
                                "'cancelled')")
                     .arg(runs));
        QCOMPARE(other, QStringLiteral("0"));
        CH_VALUE(running, probe,
                 QStringLiteral("SELECT count(*) <= 2 FROM %1 AND status = 'running'").arg(runs));
        QCOMPARE(running, QStringLiteral("t"));
        // Leave no sleeping job behind: pause, and cancel what still runs.
        CH_EXEC(probe, QStringLiteral("SELECT cronhelm.pause_job(%1)").arg(job));
        CH_EXEC(probe,
                QStringLiteral("SELECT cronhelm.cancel_run(id) FROM %1 AND status = 'running'")
                    .arg(runs));
        CH_WAIT(probe,
                QStringLiteral("NOT EXISTS (SELECT 1 FROM %1 AND status = 'running')").arg(runs),
                5000);
    } else {
        // Runs overlap; none is skipped.
        CH_WAIT(probe,
                QStringLiteral("(SELECT count(*) FROM %1 AND status = 'succeeded') >= 2").arg(runs),
                8000);
        CH_VALUE(overlapping, probe, overlaps);
        QVERIFY2(overlapping.toInt() >= 1, qPrintable(overlapping));
        CH_VALUE(skipped, probe,
                 QStringLiteral("SELECT count(*) FROM %1 AND status <> 'succeeded' AND status <> "
                                "'running'")
                     .arg(runs));
        QCOMPARE(skipped, QStringLiteral("0"));
    }
}

void PoliciesTest::misfire_data()
{
    QTest::addColumn<QString>("policy");
    QTest::newRow("run_once") << QStringLiteral("run_once");
    QTest::newRow("skip") << QStringLiteral("skip");
    QTest::newRow("run_all") << QStringLiteral("run_all");
}

// An every-minute job whose last ten slots passed while no executor was running (its
// schedule_since moved back, as if the cluster had been down). The node that takes over
// applies the misfire policy to exactly those slots.
void PoliciesTest::misfire()
{
    QFETCH(QString, policy);
    constexpr int bound = 3;
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    QJsonObject spec =
        shellJob(QStringLiteral("minutely"), QStringLiteral("sleep 0.3; echo caught up"),
                 QStringLiteral("* * * * *"));
    spec.insert(QStringLiteral("misfire"), policy);
    spec.insert(QStringLiteral("misfire_bound"), bound);
    CH_CREATE_JOB(job, probe, spec);
    CH_EXEC(probe,
            QStringLiteral("UPDATE cronhelm.jobs SET schedule_since = date_trunc('minute', now()) "
                           "- interval '10 minutes' + interval '1 second' WHERE id = %1")
                .arg(job));
    CH_VALUE(since, probe,
             QStringLiteral("SELECT schedule_since FROM cronhelm.jobs WHERE id = %1").arg(job));
    // The node plans missed slots up to its own "now", a moment after the lease's
    // acquired_at that bounds the range below; keep a minute boundary out of that moment
    // (a busy machine can stretch it to a second or more).
    if (QTime::currentTime().second() >= 55)
        QTest::qWait((61 - QTime::currentTime().second()) * 1000);
    CH_START_EXECUTOR(node, db);
    CH_VALUE(takeover, probe, QStringLiteral("SELECT acquired_at FROM cronhelm.executor_lease"));

    // The missed slots: every minute in (schedule_since, takeover].
    CH_VALUE(expectedText, probe,
             QStringLiteral("SELECT count(*) FROM generate_series(date_trunc('minute', '%1'::"
                            "timestamptz) + interval '1 minute', '%2', interval '1 minute')")
                 .arg(since, takeover));
    const int expected = expectedText.toInt();
    QVERIFY(expected >= 10);
    const QString missed =
        QStringLiteral("cronhelm.runs WHERE job_id = %1 AND scheduled_for > '%2' AND "
                       "scheduled_for <= '%3'")
            .arg(job)
            .arg(since, takeover);
    const int catchUps = policy == QLatin1String("skip") ? 0
        : policy == QLatin1String("run_once")            ? 1
                                                         : bound;
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM %1) = %2 AND (SELECT count(*) FROM %1 AND "
                           "status = 'succeeded') = %3")
                .arg(missed)
                .arg(expected)
                .arg(catchUps),
            catchUps * 2000 + 5000);
    // One row per missed slot, each minute once.
    CH_VALUE(distinctSlots, probe,
             QStringLiteral("SELECT count(DISTINCT scheduled_for) FROM %1").arg(missed));
    QCOMPARE(distinctSlots.toInt(), expected);
    // The newest ones ran as catch-ups; the others were recorded as skipped, with a reason.
    Result<QList<QStringList>> rows = probe.query(
        QStringLiteral("SELECT trigger, status, coalesce(error, ''), rank() OVER (ORDER BY "
                       "scheduled_for DESC), started_at, finished_at FROM %1 ORDER BY "
                       "scheduled_for")
            .arg(missed));
    CH_VERIFY_OK(rows);
    QString previousFinish;
    for (const QStringList &row : *rows) {
        const int newestRank = row.at(3).toInt();
        if (newestRank <= catchUps) {
            QCOMPARE(row.at(0), QStringLiteral("catch_up"));
            QCOMPARE(row.at(1), QStringLiteral("succeeded"));
            // run_all: one after another, oldest first.
            if (!previousFinish.isEmpty()) {
                CH_VALUE(inOrder, probe,
                         QStringLiteral("SELECT '%1'::timestamptz >= '%2'::timestamptz")
                             .arg(row.at(4), previousFinish));
                QCOMPARE(inOrder, QStringLiteral("t"));
            }
            previousFinish = row.at(5);
        } else {
            QCOMPARE(row.at(0), QStringLiteral("schedule"));
            QCOMPARE(row.at(1), QStringLiteral("skipped"));
            QVERIFY2(row.at(2).startsWith(QLatin1String("missed while no executor was running")),
                     qPrintable(row.at(2)));
        }
    }
}

// The executor is killed while it runs a long job: the next executor marks the run
// abandoned (its node's session is gone) and, as the job allows one retry, runs it again.
void PoliciesTest::abandonedRunIsRetried()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString flag = dir.filePath(QStringLiteral("flag"));
    const QString pidFile = dir.filePath(QStringLiteral("pid"));
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    QJsonObject spec = shellJob(
        QStringLiteral("long"),
        QStringLiteral("if [ -e '%1' ]; then echo second attempt; else touch '%1'; echo $$ > '%2'; "
                       "echo first attempt; exec sleep 20; fi")
            .arg(flag, pidFile));
    spec.insert(QStringLiteral("retries"), 1);
    spec.insert(QStringLiteral("retry_backoff"), QStringLiteral("fixed"));
    spec.insert(QStringLiteral("retry_delay_s"), 1);
    CH_CREATE_JOB(job, probe, spec);
    CH_START_NODE(crashing, db->conninfo(), QStringLiteral("node-a"), 10);
    CH_WAIT_LINE(*crashing, loadedLine(), 15000, 0);
    CH_START_NODE(standby, db->conninfo(), QStringLiteral("node-b"), 10);
    CH_WAIT_LINE(*standby, connectedLine(), 15000, 0);

    CH_VALUE(run, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs r JOIN cronhelm.run_log l ON "
                           "l.run_id = r.id WHERE r.id = %1 AND r.status = 'running' AND "
                           "l.data LIKE '%first attempt%')")
                .arg(run),
            5000);
    QVERIFY(crashing->kill());
    QVERIFY(crashing->waitForExit(5000));
    // The orphaned sleep would outlive the test: it is this test's to end.
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const qint64 orphan = file.readAll().trimmed().toLongLong();
    QVERIFY(orphan > 0);
    ::kill(pid_t(orphan), SIGKILL);

    CH_WAIT(
        probe,
        QStringLiteral("(SELECT status FROM cronhelm.runs WHERE id = %1) = 'abandoned'").arg(run),
        5000);
    CH_VALUE(error, probe,
             QStringLiteral("SELECT error FROM cronhelm.runs WHERE id = %1").arg(run));
    QVERIFY2(error.contains(crashing->nodeId()), qPrintable(error));
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE first_run_id = %1 AND "
                           "attempt = 2 AND trigger = 'retry' AND status = 'succeeded' AND "
                           "node_id = '%2')")
                .arg(run)
                .arg(standby->nodeId()),
            8000);
    CH_VALUE(log, probe,
             QStringLiteral("SELECT string_agg(data, '' ORDER BY seq) FROM cronhelm.run_log WHERE "
                            "run_id = (SELECT id FROM cronhelm.runs WHERE first_run_id = %1)")
                 .arg(run));
    QVERIFY2(log.contains(QLatin1String("second attempt")), qPrintable(log));
    CH_VALUE(total, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1").arg(job));
    QCOMPARE(total, QStringLiteral("2"));
}

QTEST_GUILESS_MAIN(PoliciesTest)
#include "tst_policies.moc"

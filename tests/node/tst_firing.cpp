// How one cronhelm-node fires jobs, seen from the store: Run now, pause and resume, a
// schedule edited or a job deleted while the node has it scheduled, timeouts, retries and
// one-off jobs (docs/semantics.md "Runs").

#include "nodetesthelpers.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

// Waits until the wall clock is `phaseMs` into a second.
void alignToPhase(int phaseMs)
{
    const int now = int(QDateTime::currentMSecsSinceEpoch() % 1000);
    QTest::qWait((phaseMs - now + 1000) % 1000);
}

bool processAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && text.size() > close + 2 && text.at(close + 2) != 'Z';
}

} // namespace

// A single node that has become executor and loaded the jobs.
#define CH_START_EXECUTOR(var, db)                                                                 \
    CH_START_NODE(var, (db)->conninfo(), QStringLiteral("solo"), 10);                              \
    CH_WAIT_LINE(*var, loadedLine(), 15000, 0)

class FiringTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void runNow();
    void pauseResume_data();
    void pauseResume();
    void editWhileScheduled();
    void deleteWhileRunning();
    void timeout();
    void retries();
    void oneOff();
};

// "Run now" by an operator: starts at once, recorded as manual with who pressed it.
void FiringTest::runNow()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, shellJob(QStringLiteral("press"), QStringLiteral("echo pressed")));
    CH_START_EXECUTOR(node, db);
    auto role = db->createLoginRole(QStringLiteral("cronhelm_operator"));
    CH_VERIFY_OK(role);
    SqlProbe operatorSession(db->conninfoAs(*role));
    CH_VALUE(run, operatorSession, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));

    CH_WAIT(
        probe,
        QStringLiteral("(SELECT status FROM cronhelm.runs WHERE id = %1) = 'succeeded'").arg(run),
        5000);
    Result<QList<QStringList>> rows = probe.query(
        QStringLiteral("SELECT h.trigger, h.triggered_by, h.node, extract(epoch FROM "
                       "h.started_at - r.created_at), h.exit_code FROM cronhelm.run_history h "
                       "JOIN cronhelm.runs r ON r.id = h.run_id WHERE h.run_id = %1")
            .arg(run));
    CH_VERIFY_OK(rows);
    const QStringList row = rows->value(0);
    QCOMPARE(row.value(0), QStringLiteral("manual"));
    QCOMPARE(row.value(1), *role);
    QCOMPARE(row.value(2), node->nodeId());
    const double startDelay = row.value(3).toDouble();
    qInfo("Run now: started %.3f s after the request", startDelay);
    QVERIFY2(startDelay <= 1.0, qPrintable(row.value(3)));
    QCOMPARE(row.value(4), QStringLiteral("0"));
    CH_VALUE(log, probe,
             QStringLiteral("SELECT string_agg(data, '' ORDER BY seq) FROM cronhelm.run_log "
                            "WHERE run_id = %1")
                 .arg(run));
    QVERIFY2(log.contains(QLatin1String("pressed")), qPrintable(log));
}

void FiringTest::pauseResume_data()
{
    QTest::addColumn<int>("phaseMs");
    QTest::newRow("mid-second") << 500;
    QTest::newRow("just before a slot") << 900;
}

// Pausing stops the scheduled runs at once; resuming starts them again from now, without
// catching up on the slots of the paused period.
void FiringTest::pauseResume()
{
    QFETCH(int, phaseMs);
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe,
                  with(shellJob(QStringLiteral("tick"), QStringLiteral("true"),
                                QStringLiteral("* * * * * *")),
                       QStringLiteral("concurrency"), QStringLiteral("allow")));
    CH_START_EXECUTOR(node, db);
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'succeeded') >= 2")
                .arg(job),
            5000);

    alignToPhase(phaseMs);
    CH_EXEC(probe, QStringLiteral("SELECT cronhelm.pause_job(%1)").arg(job));
    CH_VALUE(pausedAt, probe,
             QStringLiteral("SELECT updated_at FROM cronhelm.jobs WHERE id = %1").arg(job));
    // A slot the executor had already reserved (recorded just ahead of its instant) is
    // recorded as skipped; nothing starts.
    const QString afterPause =
        QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status <> "
                       "'skipped' AND (scheduled_for > '%2' OR started_at > '%2'))")
            .arg(job)
            .arg(pausedAt);
    // The executor unschedules it...
    CH_WAIT(probe,
            QStringLiteral("(SELECT next_fire_at IS NULL FROM cronhelm.job_state WHERE job_id = "
                           "%1)")
                .arg(job),
            3000);
    // ...and nothing runs for the next two slots (nor the one that was imminent).
    QVERIFY2(!probe.waitUntil(afterPause, 2500),
             qPrintable(probe
                            .query(QStringLiteral("SELECT id, scheduled_for, started_at, status "
                                                  "FROM cronhelm.runs WHERE job_id = %1 ORDER "
                                                  "BY id DESC LIMIT 3")
                                       .arg(job))
                            ->value(0)
                            .join(QLatin1Char(' '))));
    CH_VALUE(unexplained, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1 AND "
                            "scheduled_for > '%2' AND coalesce(error, '') NOT LIKE '%paused%'")
                 .arg(job)
                 .arg(pausedAt));
    QCOMPARE(unexplained, QStringLiteral("0"));

    CH_EXEC(probe, QStringLiteral("SELECT cronhelm.resume_job(%1)").arg(job));
    CH_VALUE(resumedAt, probe,
             QStringLiteral("SELECT updated_at FROM cronhelm.jobs WHERE id = %1").arg(job));
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'succeeded' AND scheduled_for > '%2') >= 2")
                .arg(job)
                .arg(resumedAt),
            5000);
    CH_VALUE(during, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1 AND "
                            "scheduled_for > '%2' AND scheduled_for <= '%3' AND status <> "
                            "'skipped'")
                 .arg(job)
                 .arg(pausedAt, resumedAt));
    QCOMPARE(during, QStringLiteral("0"));
    CH_VALUE(catchUps, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1 AND trigger <> "
                            "'schedule' AND scheduled_for > '%2'")
                 .arg(job)
                 .arg(pausedAt));
    QCOMPARE(catchUps, QStringLiteral("0"));
}

// Changing the cron expression of a scheduled job takes effect at once, both ways.
void FiringTest::editWhileScheduled()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe,
                  with(shellJob(QStringLiteral("edited"), QStringLiteral("true")),
                       QStringLiteral("concurrency"), QStringLiteral("allow")));
    CH_START_EXECUTOR(node, db);
    CH_WAIT(probe,
            QStringLiteral("(SELECT next_fire_at > now() + interval '1 day' FROM "
                           "cronhelm.job_state WHERE job_id = %1)")
                .arg(job),
            3000);

    alignToPhase(300);
    const QDateTime editedAt = QDateTime::currentDateTimeUtc();
    QVERIFY2(probe.updateJob(job, {{QStringLiteral("cron"), QStringLiteral("* * * * * *")}}),
             qPrintable(probe.lastError()));
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'succeeded')")
                .arg(job),
            3000);
    const double firstStart = probe.number(
        QStringLiteral("SELECT extract(epoch FROM min(started_at) - %1) FROM cronhelm.runs "
                       "WHERE job_id = %2")
            .arg(SqlProbe::timestamp(editedAt))
            .arg(job));
    qInfo("edited schedule: first run started %.3f s after the edit", firstStart);
    // The first slot after the edit (0.7 s later) runs.
    QVERIFY2(firstStart <= 1.2, qPrintable(QString::number(firstStart)));
    CH_WAIT(probe,
            QStringLiteral("(SELECT next_fire_at < now() + interval '2 seconds' FROM "
                           "cronhelm.job_state WHERE job_id = %1)")
                .arg(job),
            3000);

    // Back to a yearly schedule: no more runs.
    alignToPhase(300);
    QVERIFY2(probe.updateJob(job, {{QStringLiteral("cron"), never()}}),
             qPrintable(probe.lastError()));
    CH_VALUE(editedAgain, probe,
             QStringLiteral("SELECT updated_at FROM cronhelm.jobs WHERE id = %1").arg(job));
    QVERIFY(!probe.waitUntil(QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = "
                                            "%1 AND status <> 'skipped' AND scheduled_for > "
                                            "'%2')")
                                 .arg(job)
                                 .arg(editedAgain),
                             2500));
    CH_VALUE(next, probe,
             QStringLiteral("SELECT next_fire_at > now() + interval '1 day' FROM "
                            "cronhelm.job_state WHERE job_id = %1")
                 .arg(job));
    QCOMPARE(next, QStringLiteral("t"));
}

// A job deleted while it runs: the run finishes and is recorded; nothing runs after.
void FiringTest::deleteWhileRunning()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe,
                  shellJob(QStringLiteral("doomed"),
                           QStringLiteral("echo begin; sleep 2; echo finished"),
                           QStringLiteral("* * * * * *")));
    CH_START_EXECUTOR(node, db);
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs r JOIN cronhelm.run_log l ON "
                           "l.run_id = r.id WHERE r.job_id = %1 AND r.status = 'running' AND "
                           "l.data LIKE '%begin%')")
                .arg(job),
            5000);
    CH_VALUE(run, probe,
             QStringLiteral("SELECT id FROM cronhelm.runs WHERE job_id = %1 AND status = "
                            "'running'")
                 .arg(job));
    CH_EXEC(probe, QStringLiteral("SELECT cronhelm.delete_job(%1)").arg(job));
    CH_VALUE(deletedAt, probe,
             QStringLiteral("SELECT deleted_at FROM cronhelm.jobs WHERE id = %1").arg(job));

    CH_WAIT(probe,
            QStringLiteral("(SELECT status FROM cronhelm.run_history WHERE run_id = %1) = "
                           "'succeeded'")
                .arg(run),
            5000);
    CH_VALUE(log, probe,
             QStringLiteral("SELECT string_agg(data, '' ORDER BY seq) FROM cronhelm.run_log "
                            "WHERE run_id = %1")
                 .arg(run));
    QVERIFY2(log.contains(QLatin1String("finished")), qPrintable(log));
    QVERIFY(!probe.waitUntil(QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = "
                                            "%1 AND status <> 'skipped' AND (scheduled_for > "
                                            "'%2' OR started_at > '%2'))")
                                 .arg(job)
                                 .arg(deletedAt),
                             2000));
    CH_VALUE(listed, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.job_overview WHERE id = %1").arg(job));
    QCOMPARE(listed, QStringLiteral("0"));
    CH_VALUE(stillRunning, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1 AND status IN "
                            "('queued', 'running')")
                 .arg(job));
    QCOMPARE(stillRunning, QStringLiteral("0"));
}

// A job over its timeout is stopped (its process group gets SIGTERM) and recorded as
// timed out.
void FiringTest::timeout()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pidFile = dir.filePath(QStringLiteral("pid"));
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe,
                  with(shellJob(QStringLiteral("slow"),
                                QStringLiteral("echo $$ > '%1'; exec sleep 30").arg(pidFile)),
                       QStringLiteral("timeout_s"), 1));
    CH_START_EXECUTOR(node, db);
    CH_VALUE(run, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));
    CH_WAIT(
        probe,
        QStringLiteral("(SELECT status FROM cronhelm.runs WHERE id = %1) = 'timed_out'").arg(run),
        8000);
    CH_VALUE(duration, probe,
             QStringLiteral("SELECT extract(epoch FROM finished_at - started_at) FROM "
                            "cronhelm.runs WHERE id = %1")
                 .arg(run));
    qInfo("timeout 1 s: the run ended as timed_out after %s s", qPrintable(duration));
    QVERIFY2(duration.toDouble() >= 0.95 && duration.toDouble() <= 3.0, qPrintable(duration));
    CH_VALUE(error, probe,
             QStringLiteral("SELECT error FROM cronhelm.runs WHERE id = %1").arg(run));
    QVERIFY2(error.contains(QLatin1String("timed out")), qPrintable(error));
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const qint64 pid = file.readAll().trimmed().toLongLong();
    QVERIFY(pid > 0);
    QVERIFY2(!processAlive(pid), "the job's process is still running");
}

// A failing job with two retries and a fixed delay: three attempts, linked to the first,
// each one second after the previous ended.
void FiringTest::retries()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_START_EXECUTOR(node, db);
    const QDateTime slot = wholeSecondAfter(1500);
    QJsonObject spec =
        shellJob(QStringLiteral("flaky"), QStringLiteral("echo trying; exit 3"), cronAt(slot));
    spec.insert(QStringLiteral("retries"), 2);
    spec.insert(QStringLiteral("retry_backoff"), QStringLiteral("fixed"));
    spec.insert(QStringLiteral("retry_delay_s"), 1);
    CH_CREATE_JOB(job, probe, spec);

    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'failed') = 3")
                .arg(job),
            10000);
    Result<QList<QStringList>> rows = probe.query(
        QStringLiteral("SELECT id, attempt, trigger, coalesce(first_run_id::text, '-'), "
                       "scheduled_for = %2, exit_code, extract(epoch FROM started_at - lag("
                       "finished_at) OVER (ORDER BY attempt)) FROM cronhelm.runs WHERE job_id = "
                       "%1 ORDER BY attempt")
            .arg(job)
            .arg(SqlProbe::timestamp(slot)));
    CH_VERIFY_OK(rows);
    QCOMPARE(rows->size(), 3);
    const QString first = rows->at(0).at(0);
    const QStringList triggers = {QStringLiteral("schedule"), QStringLiteral("retry"),
                                  QStringLiteral("retry")};
    for (int i = 0; i < 3; ++i) {
        const QStringList &row = rows->at(i);
        QCOMPARE(row.at(1), QString::number(i + 1));
        QCOMPARE(row.at(2), triggers.at(i));
        QCOMPARE(row.at(3), i == 0 ? QStringLiteral("-") : first);
        QCOMPARE(row.at(4), QStringLiteral("t"));
        QCOMPARE(row.at(5), QStringLiteral("3"));
        if (i > 0) {
            const double delay = row.at(6).toDouble();
            qInfo("attempt %d started %.3f s after attempt %d ended", i + 1, delay, i);
            QVERIFY2(delay >= 0.95 && delay <= 2.0, qPrintable(row.at(6)));
        }
    }
}

// A one-off job fires once at its instant and is marked completed; a cancelled one never
// fires. The instants are given in a zone other than UTC.
void FiringTest::oneOff()
{
    const QTimeZone zone("America/New_York");
    QVERIFY(zone.isValid());
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_START_EXECUTOR(node, db);
    auto onceSpec = [&](const QString &name, const QDateTime &at) {
        return QJsonObject{
            {QStringLiteral("name"), name},
            {QStringLiteral("target_type"), QStringLiteral("shell")},
            {QStringLiteral("target"),
             QJsonObject{{QStringLiteral("command"), QStringLiteral("echo once")}}},
            {QStringLiteral("schedule_kind"), QStringLiteral("once")},
            {QStringLiteral("time_zone"), QString::fromLatin1(zone.id())},
            {QStringLiteral("once_local"),
             at.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))},
            {QStringLiteral("once_at"), at.toString(Qt::ISODate)},
        };
    };
    const QDateTime at = wholeSecondAfter(1500);
    const QDateTime cancelledAt = at.addSecs(1);
    CH_CREATE_JOB(once, probe, onceSpec(QStringLiteral("deploy"), at));
    CH_CREATE_JOB(cancelled, probe, onceSpec(QStringLiteral("called off"), cancelledAt));
    CH_EXEC(probe, QStringLiteral("SELECT cronhelm.cancel_once(%1)").arg(cancelled));

    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'succeeded')")
                .arg(once),
            5000);
    CH_VALUE(slot, probe,
             QStringLiteral("SELECT scheduled_for = %1 AND trigger = 'schedule' AND started_at >= "
                            "%1 FROM cronhelm.runs WHERE job_id = %2")
                 .arg(SqlProbe::timestamp(at))
                 .arg(once));
    QCOMPARE(slot, QStringLiteral("t"));
    CH_WAIT(probe,
            QStringLiteral("(SELECT once_state FROM cronhelm.job_overview WHERE id = %1) = "
                           "'completed'")
                .arg(once),
            3000);
    // Past the cancelled one's instant, and a while longer: it never ran, the other ran once.
    const int window = int(QDateTime::currentDateTimeUtc().msecsTo(cancelledAt.addMSecs(1500)));
    QVERIFY(!probe.waitUntil(
        QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1) OR (SELECT "
                       "count(*) FROM cronhelm.runs WHERE job_id = %2) > 1")
            .arg(cancelled)
            .arg(once),
        std::max(window, 0)));
    CH_VALUE(state, probe,
             QStringLiteral("SELECT once_state || ' ' || coalesce(next_fire_at::text, '-') FROM "
                            "cronhelm.job_overview WHERE id = %1")
                 .arg(cancelled));
    QCOMPARE(state, QStringLiteral("cancelled -"));
}

QTEST_GUILESS_MAIN(FiringTest)
#include "tst_firing.moc"

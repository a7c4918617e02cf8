// The Recorder (core/node/recorder.h) against a real PostgreSQL, without a node process:
// start marks and run ends of a burst are written in batches; a run end the database
// refuses does not cost the others of its batch theirs; a failed end queues the retry
// its job asks for; runs handed back lose their node.

#include "nodetesthelpers.h"

#include <node/recorder.h>

#include <QSignalSpy>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

constexpr const char *node = "rec-node";

// `count` runs of `job` assigned to `node`, queued (as fire_slots_assigned leaves them);
// their ids, comma-separated.
QString assignedRuns(SqlProbe &probe, qint64 job, int count)
{
    Result<QString> ids = probe.value(
        QStringLiteral("WITH ins AS (INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, "
                       "due_at, status, node_id, assigned_at) SELECT %1, 'schedule', "
                       "now() - make_interval(secs => i), now() - make_interval(secs => i), "
                       "'queued', '%2', now() FROM generate_series(1, %3) i RETURNING id) SELECT "
                       "string_agg(id::text, ',' ORDER BY id) FROM ins")
            .arg(job)
            .arg(QLatin1String(node))
            .arg(count));
    return ids ? *ids : QString();
}

FinishedRun ended(qint64 runId, RunStatus status)
{
    FinishedRun run;
    run.runId = runId;
    run.status = status;
    run.exitCode = status == RunStatus::Succeeded ? 0 : 1;
    run.finishedAt = QDateTime::currentDateTimeUtc();
    return run;
}

} // namespace

class RecorderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstIsRecordedInBatches();
    void oneBadEndDoesNotCostTheOthers();
    void handBackClearsTheNode();
};

void RecorderTest::burstIsRecordedInBatches()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    QJsonObject spec = shellJob(QStringLiteral("rec"), QStringLiteral("true"));
    spec.insert(QStringLiteral("retries"), 1);
    CH_CREATE_JOB(job, probe, spec);
    const QStringList ids = assignedRuns(probe, job, 20).split(QLatin1Char(','));
    QCOMPARE(ids.size(), 20);
    Recorder recorder(db->conninfo(), QString::fromLatin1(node));
    const QDateTime at = QDateTime::currentDateTimeUtc();
    for (const QString &id : ids)
        recorder.markStarted(id.toLongLong(), at);
    CH_WAIT(probe,
            QStringLiteral("(SELECT count(*) FROM cronhelm.runs WHERE status = 'running') = 20"),
            5000);
    for (int i = 0; i < ids.size(); ++i) {
        const qint64 runId = ids.at(i).toLongLong();
        recorder.noteEnding(runId);
        recorder.recordFinish(ended(runId, i == 0 ? RunStatus::Failed : RunStatus::Succeeded), job);
    }
    QVERIFY(!recorder.isIdle());
    QVERIFY(recorder.isEnding(ids.first().toLongLong()));
    QSignalSpy settled(&recorder, &Recorder::settled);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.isIdle(), 5000);
    // One finish_runs call for the whole burst (each write says so with one settled()).
    QCOMPARE(settled.size(), 1);
    QVERIFY(!recorder.isEnding(ids.first().toLongLong()));
    CH_VALUE(done, probe,
             QStringLiteral("SELECT count(*) FILTER (WHERE status = 'succeeded') || ' ' || "
                            "count(*) FILTER (WHERE status = 'failed') || ' ' || count(*) FILTER "
                            "(WHERE trigger = 'retry' AND status = 'queued') FROM cronhelm.runs"));
    QCOMPARE(done, QStringLiteral("19 1 1"));
}

void RecorderTest::oneBadEndDoesNotCostTheOthers()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, shellJob(QStringLiteral("rec"), QStringLiteral("true")));
    const QStringList ids = assignedRuns(probe, job, 3).split(QLatin1Char(','));
    Recorder recorder(db->conninfo(), QString::fromLatin1(node));
    // "queued" is no final status: finish_run refuses it, and with it the whole batch.
    recorder.recordFinish(ended(ids.at(0).toLongLong(), RunStatus::Succeeded), job);
    recorder.recordFinish(ended(ids.at(1).toLongLong(), RunStatus::Queued), job);
    recorder.recordFinish(ended(ids.at(2).toLongLong(), RunStatus::Succeeded), job);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.isIdle(), 5000);
    CH_VALUE(statuses, probe,
             QStringLiteral("SELECT string_agg(status, ',' ORDER BY id) FROM cronhelm.runs"));
    QCOMPARE(statuses, QStringLiteral("succeeded,queued,succeeded"));
}

void RecorderTest::handBackClearsTheNode()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe, shellJob(QStringLiteral("rec"), QStringLiteral("true")));
    const QStringList ids = assignedRuns(probe, job, 2).split(QLatin1Char(','));
    Recorder recorder(db->conninfo(), QString::fromLatin1(node));
    bool released = false;
    recorder.releaseReservations({ids.at(0).toLongLong(), ids.at(1).toLongLong()},
                                 [&released](const Status &s) { released = s.ok(); });
    QVERIFY(!recorder.isIdle());
    QTRY_VERIFY_WITH_TIMEOUT(released, 5000);
    QVERIFY(recorder.isIdle());
    CH_VALUE(unassigned, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE node_id IS NULL AND status "
                            "= 'queued'"));
    QCOMPARE(unassigned, QStringLiteral("2"));
}

QTEST_GUILESS_MAIN(RecorderTest)
#include "tst_recorder.moc"

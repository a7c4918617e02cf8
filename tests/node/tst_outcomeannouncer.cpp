// The OutcomeAnnouncer (core/node/outcomeannouncer.h) with a real webhook receiver on
// 127.0.0.1 and a Recorder on a real PostgreSQL, without a node process: a failure is
// announced and recorded, a second one within the quiet period is not announced, the
// success after it is announced as a recovery; each outcome reaches job_state, from which
// the next decision is taken (tst_cluster: a job's runs on two nodes).

#include "nodetesthelpers.h"

#include <httptestserver.h>
#include <node/outcomeannouncer.h>

#include <QJsonDocument>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

constexpr const char *nodeId = "announce-node";

RunEnd endOf(qint64 jobId, qint64 runId, RunStatus status)
{
    RunEnd end;
    end.jobId = jobId;
    end.run.runId = runId;
    end.run.status = status;
    end.run.exitCode = status == RunStatus::Succeeded ? 0 : 1;
    end.run.startedAt = QDateTime::currentDateTimeUtc().addSecs(-1);
    end.run.finishedAt = QDateTime::currentDateTimeUtc();
    end.scheduledFor = end.run.startedAt;
    return end;
}

QStringList eventsOf(const QList<RecordedRequest> &requests)
{
    QStringList events;
    for (const RecordedRequest &request : requests)
        events.append(QJsonDocument::fromJson(request.body)
                          .object()
                          .value(QStringLiteral("event"))
                          .toString());
    return events;
}

} // namespace

class OutcomeAnnouncerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerExecMetaTypes(); }
    void failureThenRecoveryAreAnnouncedOnce();
};

void OutcomeAnnouncerTest::failureThenRecoveryAreAnnouncedOnce()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(jobId, probe, shellJob(QStringLiteral("announced"), QStringLiteral("false")));
    HttpTestServer server;
    QVERIFY(server.listen());
    TestResponse ok;
    ok.status = 200;
    server.setDefaultResponse(ok);
    Recorder recorder(db->conninfo(), QString::fromLatin1(nodeId));
    OutcomeAnnouncer announcer(QString::fromLatin1(nodeId), recorder);

    NodeJob job;
    job.job.id = jobId;
    job.job.spec.name = QStringLiteral("announced");
    job.job.spec.notifyQuietSeconds = 3600;
    NotificationTarget hook;
    hook.url = server.url(QStringLiteral("/hook")).toString();
    job.job.spec.notify = {hook};

    announcer.announce(endOf(jobId, 1, RunStatus::Failed), job);
    QTRY_COMPARE_WITH_TIMEOUT(server.requests(QStringLiteral("/hook")).size(), 1, 5000);
    QCOMPARE(eventsOf(server.requests()), QStringList({QStringLiteral("failure")}));
    CH_WAIT(probe,
            QStringLiteral("(SELECT last_outcome FROM cronhelm.job_state WHERE job_id = %1) = "
                           "'failed'")
                .arg(jobId),
            5000);

    // Failing again within the quiet period: recorded, not announced.
    announcer.announce(endOf(jobId, 2, RunStatus::Failed), job);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.isIdle(), 5000);
    QCOMPARE(announcer.notifier().pendingCount(), 0);
    QCOMPARE(server.requests(QStringLiteral("/hook")).size(), 1);
    // Back to success: a recovery.
    announcer.announce(endOf(jobId, 3, RunStatus::Succeeded), job);
    QTRY_COMPARE_WITH_TIMEOUT(server.requests(QStringLiteral("/hook")).size(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(announcer.notifier().pendingCount(), 0, 5000);
    QCOMPARE(eventsOf(server.requests()),
             QStringList({QStringLiteral("failure"), QStringLiteral("recovery")}));
    CH_WAIT(probe,
            QStringLiteral("(SELECT last_outcome FROM cronhelm.job_state WHERE job_id = %1) = "
                           "'succeeded'")
                .arg(jobId),
            5000);
    // The run's node is in the announcement.
    QVERIFY2(QString::fromUtf8(server.requests().last().body).contains(QLatin1String(nodeId)),
             server.requests().last().body.constData());
}

QTEST_GUILESS_MAIN(OutcomeAnnouncerTest)
#include "tst_outcomeannouncer.moc"

// NOTIFY: a listening StoreConnection hears about every change on the right channel
// with the documented payload, only after commit, and keeps listening across a reconnect.

#include "storetesthelpers.h"

#include <store/jobstore.h>
#include <store/nodestore.h>
#include <store/storeconnection.h>

#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

const QString jobsChannel = QStringLiteral("cronhelm_jobs");
const QString runsChannel = QStringLiteral("cronhelm_runs");
const QString clusterChannel = QStringLiteral("cronhelm_cluster");
const QString logChannel = QStringLiteral("cronhelm_log");

QString describe(const QList<StoreNotification> &seen)
{
    QStringList out;
    for (const StoreNotification &n : seen)
        out.append(n.channel + QLatin1Char(':') + n.payload);
    return out.join(QLatin1String(", "));
}

} // namespace

class TestNotify : public QObject
{
    Q_OBJECT

private slots:
    void jobChanges_data();
    void jobChanges();
    void runChanges();
    void clusterAndLog();
    void nothingForRefusedChanges();
    void listenSurvivesReconnect();

private:
    FunctionDatabase m_db;
};

void TestNotify::jobChanges_data()
{
    QTest::addColumn<int>("operation");
    QTest::newRow("create") << 0;
    QTest::newRow("update") << 1;
    QTest::newRow("pause") << 2;
    QTest::newRow("resume") << 3;
    QTest::newRow("delete") << 4;
    QTest::newRow("cancel once") << 5;
}

void TestNotify::jobChanges()
{
    QFETCH(int, operation);
    CH_FUNCTION_DATABASE(db, m_db);
    CH_LOGIN_ROLE(viewer, db, "cronhelm_viewer");
    StoreConnection listener(db->conninfoAs(viewer));
    CH_VERIFY_OK(listener.listen(jobsChannel));
    StoreConnection actor(db->conninfo());
    JobStore jobs(actor);

    QJsonObject spec = shellJob(QString::fromLatin1(QTest::currentDataTag()));
    if (operation == 5) {
        spec.remove(QStringLiteral("cron"));
        spec.insert(QStringLiteral("once_local"), QStringLiteral("2030-01-01T00:00:00"));
        spec.insert(QStringLiteral("once_at"), QStringLiteral("2030-01-01T00:00:00Z"));
    }
    Result<qint64> id = jobs.create(spec);
    CH_VERIFY_OK(id);
    if (operation == 3)
        CH_VERIFY_OK(jobs.pause(*id));
    if (operation != 0)
        drainNotifications(listener);

    switch (operation) {
    case 1:
        CH_VERIFY_OK(jobs.update(*id, 1, {{QStringLiteral("retries"), 1}}));
        break;
    case 2:
        CH_VERIFY_OK(jobs.pause(*id));
        break;
    case 3:
        CH_VERIFY_OK(jobs.resume(*id));
        break;
    case 4:
        CH_VERIFY_OK(jobs.remove(*id));
        break;
    case 5:
        CH_VERIFY_OK(jobs.cancelOnce(*id));
        break;
    }
    QList<StoreNotification> seen;
    QVERIFY2(waitForNotification(listener, jobsChannel, QString::number(*id), 5000, &seen),
             qPrintable(describe(seen)));
}

void TestNotify::runChanges()
{
    CH_DATABASE(db);
    CH_LOGIN_ROLE(nodeRole, db, "cronhelm_node");
    StoreConnection listener(db->conninfoAs(nodeRole));
    CH_VERIFY_OK(listener.listen(runsChannel));
    StoreConnection actor(db->conninfo());
    JobStore jobs(actor);
    StoreConnection nodeConnection(db->conninfoAs(nodeRole));
    NodeStore node(nodeConnection);
    QJsonObject spec = httpJob(QStringLiteral("runs"));
    spec.insert(QStringLiteral("retries"), 1);
    Result<qint64> job = jobs.create(spec);
    CH_VERIFY_OK(job);
    const QString j = QString::number(*job);
    QList<StoreNotification> seen;

    // Run now: the executor is woken with "job,run,queued".
    Result<qint64> run = jobs.runNow(*job);
    CH_VERIFY_OK(run);
    const QString r = QString::number(*run);
    QVERIFY2(waitForNotification(listener, runsChannel, j + u',' + r + u",queued", 5000, &seen),
             qPrintable(describe(seen)));

    // Cancelling a queued run.
    CH_VERIFY_OK(jobs.cancelRun(*run));
    QVERIFY2(waitForNotification(listener, runsChannel, j + u',' + r + u",cancelled", 5000, &seen),
             qPrintable(describe(seen)));

    // The executor claims a run, is asked to cancel it, it fails and is retried.
    run = jobs.runNow(*job);
    CH_VERIFY_OK(run);
    const QString r2 = QString::number(*run);
    Result<std::optional<qint64>> term = node.acquireLease(QStringLiteral("n1"), 30);
    CH_VERIFY_OK(term);
    QVERIFY(term->has_value());
    CH_VERIFY_OK(node.claimRun(QStringLiteral("n1"), **term, *run));
    QVERIFY2(waitForNotification(listener, runsChannel, j + u',' + r2 + u",running", 5000, &seen),
             qPrintable(describe(seen)));
    FinishedRun failed;
    failed.runId = *run;
    failed.status = RunStatus::Failed;
    Result<std::optional<qint64>> retry = node.finishRun(QStringLiteral("n1"), failed);
    CH_VERIFY_OK(retry);
    QVERIFY(retry->has_value());
    QVERIFY2(waitForNotification(listener, runsChannel, j + u',' + r2 + u",failed", 5000, &seen),
             qPrintable(describe(seen)));
    const QString r3 = QString::number(**retry);
    QVERIFY2(waitForNotification(listener, runsChannel, j + u',' + r3 + u",queued", 5000, &seen),
             qPrintable(describe(seen)));
    CH_VERIFY_OK(node.claimRun(QStringLiteral("n1"), **term, **retry));
    CH_VERIFY_OK(jobs.cancelRun(**retry));
    QVERIFY2(waitForNotification(listener, runsChannel, j + u',' + r3 + u",cancel", 5000, &seen),
             qPrintable(describe(seen)));

    // A fired slot announces itself too: queued, assigned to the node that will start it at
    // its instant (mark_started then says running).
    Result<QList<FiredRun>> fired = node.fireSlots(
        QStringLiteral("n1"), **term,
        {{*job, QDateTime::currentDateTimeUtc(), RunTrigger::Schedule, SlotDecision::Start, {}}});
    CH_VERIFY_OK(fired);
    QCOMPARE(fired->size(), 1);
    QVERIFY2(waitForNotification(listener, runsChannel,
                                 j + u',' + QString::number(fired->at(0).runId) + u",queued", 5000,
                                 &seen),
             qPrintable(describe(seen)));
}

void TestNotify::clusterAndLog()
{
    CH_DATABASE(db);
    CH_LOGIN_ROLE(nodeRole, db, "cronhelm_node");
    StoreConnection listener(db->conninfoAs(nodeRole));
    CH_VERIFY_OK(listener.listen(clusterChannel));
    CH_VERIFY_OK(listener.listen(logChannel));
    StoreConnection nodeConnection(db->conninfoAs(nodeRole));
    NodeStore node(nodeConnection);
    StoreConnection actor(db->conninfo());
    JobStore jobs(actor);
    QList<StoreNotification> seen;

    Result<std::optional<qint64>> term = node.acquireLease(QStringLiteral("node-a"), 30);
    CH_VERIFY_OK(term);
    QVERIFY2(waitForNotification(listener, clusterChannel, QStringLiteral("node-a,1"), 5000, &seen),
             qPrintable(describe(seen)));
    CH_VERIFY_OK(node.releaseLease(QStringLiteral("node-a")));
    QVERIFY2(waitForNotification(listener, clusterChannel, QStringLiteral("node-a,released"), 5000,
                                 &seen),
             qPrintable(describe(seen)));

    Result<qint64> job = jobs.create(shellJob(QStringLiteral("log")));
    CH_VERIFY_OK(job);
    Result<qint64> run = jobs.runNow(*job);
    CH_VERIFY_OK(run);
    CH_VERIFY_OK(node.appendLog(*run, {{0, {}, LogStream::Stdout, QStringLiteral("hi")}}));
    QVERIFY2(waitForNotification(listener, logChannel, QString::number(*run), 5000, &seen),
             qPrintable(describe(seen)));
}

// Notifications are sent on commit: a refused change sends none.
void TestNotify::nothingForRefusedChanges()
{
    CH_DATABASE(db);
    CH_LOGIN_ROLE(viewer, db, "cronhelm_viewer");
    StoreConnection listener(db->conninfo());
    CH_VERIFY_OK(listener.listen(jobsChannel));
    CH_VERIFY_OK(listener.listen(runsChannel));
    StoreConnection actor(db->conninfo());
    JobStore jobs(actor);
    StoreConnection viewerConnection(db->conninfoAs(viewer));
    JobStore viewerJobs(viewerConnection);
    Result<qint64> job = jobs.create(httpJob(QStringLiteral("quiet")));
    CH_VERIFY_OK(job);
    QVERIFY(waitForNotification(listener, jobsChannel, QString::number(*job)));

    QCOMPARE(kindOf(jobs.update(*job, 7, {})), QStringLiteral("Conflict"));
    QCOMPARE(kindOf(jobs.update(*job, 1, {{QStringLiteral("cron"), QStringLiteral("x")}})),
             QStringLiteral("BadInput"));
    QCOMPARE(kindOf(viewerJobs.runNow(*job)), QStringLiteral("Permission"));
    QCOMPARE(kindOf(jobs.create(httpJob(QStringLiteral("quiet")))), QStringLiteral("Conflict"));
    CH_VERIFY_OK(jobs.resume(*job)); // already enabled: no change, no notification
    const QList<StoreNotification> seen = drainNotifications(listener, 300);
    QVERIFY2(seen.isEmpty(), qPrintable(describe(seen)));
}

// The listening connection is dropped; open() reconnects and listens again.
void TestNotify::listenSurvivesReconnect()
{
    CH_DATABASE(db);
    StoreConnection listener(db->conninfo());
    CH_VERIFY_OK(listener.listen(jobsChannel));
    const int pid = backendPid(listener);
    QVERIFY(pid > 0);
    CH_EXEC(db, QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid));
    QVERIFY(waitForBackendGone(*db, pid));

    // The loss is reported, not hidden.
    QVERIFY(QTest::qWaitFor(
        [&] {
            Result<QList<StoreNotification>> polled = listener.pollNotifications();
            return !polled && polled.errorKind() == ErrorKind::ConnectionLost;
        },
        5000));
    QVERIFY(!listener.isOpen());

    CH_VERIFY_OK(listener.open());
    StoreConnection actor(db->conninfo());
    JobStore jobs(actor);
    Result<qint64> job = jobs.create(httpJob(QStringLiteral("after reconnect")));
    CH_VERIFY_OK(job);
    QList<StoreNotification> seen;
    QVERIFY2(waitForNotification(listener, jobsChannel, QString::number(*job), 5000, &seen),
             qPrintable(describe(seen)));
}

QTEST_GUILESS_MAIN(TestNotify)
#include "tst_notify.moc"

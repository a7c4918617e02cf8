// The audit trail: every change made through the SQL API writes one row with the login
// role (session_user, not the SECURITY DEFINER owner), the action and old/new values;
// refused or no-op calls write none.

#include "storetesthelpers.h"

#include <store/auditstore.h>
#include <store/jobstore.h>
#include <store/storeconnection.h>

#include <QJsonDocument>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

struct AuditRow
{
    QString actor;
    QString action;
    qint64 jobId = 0;
    qint64 runId = 0;
    QJsonObject oldValue;
    QJsonObject newValue;
    bool oldNull = true;
    bool newNull = true;
};

QList<AuditRow> readAudit(PsqlSession &session)
{
    const SqlOutcome r = session.exec(
        QStringLiteral("SELECT actor, action, job_id, run_id, old_value::text, new_value::text"
                       " FROM cronhelm.audit ORDER BY id"));
    QList<AuditRow> out;
    for (const QStringList &row : r.rows) {
        AuditRow a;
        a.actor = row.at(0);
        a.action = row.at(1);
        a.jobId = row.at(2).toLongLong();
        a.runId = row.at(3).toLongLong();
        a.oldNull = row.at(4).isNull();
        a.newNull = row.at(5).isNull();
        a.oldValue = QJsonDocument::fromJson(row.at(4).toUtf8()).object();
        a.newValue = QJsonDocument::fromJson(row.at(5).toUtf8()).object();
        out.append(a);
    }
    return out;
}

QString str(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : QString::number(v.toDouble());
}

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT

private slots:
    void everyChangeIsAudited();
    void refusedOrNoOpNotAudited_data();
    void refusedOrNoOpNotAudited();
    void auditStoreReadsAJobsChangesAndTheDeletedJobs();

private:
    FunctionDatabase m_db;
};

void TestAudit::everyChangeIsAudited()
{
    CH_DATABASE(db);
    CH_LOGIN_ROLE(alice, db, "cronhelm_shell_admin"); // she creates a shell job too
    CH_LOGIN_ROLE(olga, db, "cronhelm_operator");
    CH_LOGIN_ROLE(victor, db, "cronhelm_viewer");
    StoreConnection aliceConnection(db->conninfoAs(alice));
    StoreConnection olgaConnection(db->conninfoAs(olga));
    JobStore admin(aliceConnection);
    JobStore op(olgaConnection);

    QJsonObject spec = httpJob(QStringLiteral("audited"));
    spec.insert(QStringLiteral("description"), QStringLiteral("a"));
    Result<qint64> job = admin.create(spec);
    CH_VERIFY_OK(job);
    CH_VERIFY_OK(admin.update(*job, 1, {{QStringLiteral("description"), QStringLiteral("b")}}));
    CH_VERIFY_OK(op.pause(*job));
    CH_VERIFY_OK(op.resume(*job));
    Result<qint64> run = op.runNow(*job);
    CH_VERIFY_OK(run);
    CH_VERIFY_OK(op.cancelRun(*run));
    Result<qint64> running = op.runNow(*job);
    CH_VERIFY_OK(running);
    CH_EXEC(
        db,
        QStringLiteral("UPDATE cronhelm.runs SET status = 'running' WHERE id = %1").arg(*running));
    CH_VERIFY_OK(op.cancelRun(*running));
    QJsonObject once = shellJob(QStringLiteral("once"));
    once.remove(QStringLiteral("cron"));
    once.insert(QStringLiteral("once_local"), QStringLiteral("2030-01-01T00:00:00"));
    once.insert(QStringLiteral("once_at"), QStringLiteral("2030-01-01T00:00:00Z"));
    Result<qint64> onceJob = admin.create(once);
    CH_VERIFY_OK(onceJob);
    CH_VERIFY_OK(op.cancelOnce(*onceJob));
    CH_VERIFY_OK(admin.remove(*job));

    // Anyone with a Cronhelm role can read the trail.
    PsqlSession viewer(db->conninfoAs(victor));
    const QList<AuditRow> rows = readAudit(viewer);
    QStringList actions;
    for (const AuditRow &r : rows)
        actions.append(r.actor + QLatin1Char(':') + r.action);
    const QStringList expected = {
        alice + QStringLiteral(":create_job"), alice + QStringLiteral(":update_job"),
        olga + QStringLiteral(":pause_job"),   olga + QStringLiteral(":resume_job"),
        olga + QStringLiteral(":run_now"),     olga + QStringLiteral(":cancel_run"),
        olga + QStringLiteral(":run_now"),     olga + QStringLiteral(":cancel_run"),
        alice + QStringLiteral(":create_job"), olga + QStringLiteral(":cancel_once"),
        alice + QStringLiteral(":delete_job"),
    };
    QCOMPARE(actions, expected);
    for (int i = 0; i < rows.size(); ++i)
        QCOMPARE(rows[i].jobId, i == 8 || i == 9 ? *onceJob : *job);

    // create: the whole new job, no old value.
    QVERIFY(rows[0].oldNull);
    QCOMPARE(str(rows[0].newValue, "name"), QStringLiteral("audited"));
    QCOMPARE(str(rows[0].newValue, "description"), QStringLiteral("a"));
    QCOMPARE(str(rows[0].newValue, "created_by"), alice);
    // update: before and after.
    QCOMPARE(str(rows[1].oldValue, "description"), QStringLiteral("a"));
    QCOMPARE(str(rows[1].newValue, "description"), QStringLiteral("b"));
    QCOMPARE(str(rows[1].oldValue, "version"), QStringLiteral("1"));
    QCOMPARE(str(rows[1].newValue, "version"), QStringLiteral("2"));
    // pause / resume: the enabled flag.
    QCOMPARE(rows[2].oldValue, QJsonObject({{QStringLiteral("enabled"), true}}));
    QCOMPARE(rows[2].newValue, QJsonObject({{QStringLiteral("enabled"), false}}));
    QCOMPARE(rows[3].oldValue, QJsonObject({{QStringLiteral("enabled"), false}}));
    QCOMPARE(rows[3].newValue, QJsonObject({{QStringLiteral("enabled"), true}}));
    // run now: the run it queued.
    QCOMPARE(rows[4].runId, *run);
    QVERIFY(rows[4].oldNull);
    QCOMPARE(str(rows[4].newValue, "status"), QStringLiteral("queued"));
    QCOMPARE(str(rows[4].newValue, "trigger"), QStringLiteral("manual"));
    // cancel: the run's status before and after.
    QCOMPARE(rows[5].runId, *run);
    QCOMPARE(str(rows[5].oldValue, "status"), QStringLiteral("queued"));
    QCOMPARE(str(rows[5].newValue, "status"), QStringLiteral("cancelled"));
    QCOMPARE(rows[7].runId, *running);
    QCOMPARE(rows[7].oldValue.value(QStringLiteral("cancel_requested")), QJsonValue(false));
    QCOMPARE(rows[7].newValue.value(QStringLiteral("cancel_requested")), QJsonValue(true));
    // cancel once: the one-off's state.
    QCOMPARE(str(rows[9].oldValue, "once_state"), QStringLiteral("pending"));
    QCOMPARE(str(rows[9].newValue, "once_state"), QStringLiteral("cancelled"));
    // delete: what was deleted, nothing after.
    QCOMPARE(str(rows[10].oldValue, "name"), QStringLiteral("audited"));
    QCOMPARE(str(rows[10].oldValue, "description"), QStringLiteral("b"));
    QVERIFY(rows[10].newNull);
    for (const AuditRow &r : rows) {
        QVERIFY2(r.oldNull || !r.oldValue.isEmpty(), qPrintable(r.action));
        QVERIFY2(r.newNull || !r.newValue.isEmpty(), qPrintable(r.action));
        QVERIFY2(!(r.oldNull && r.newNull), qPrintable(r.action + QStringLiteral(": no values")));
    }
}

void TestAudit::refusedOrNoOpNotAudited_data()
{
    QTest::addColumn<int>("operation");
    QTest::newRow("invalid create") << 0;
    QTest::newRow("duplicate name") << 1;
    QTest::newRow("stale update") << 2;
    QTest::newRow("viewer pauses") << 3;
    QTest::newRow("operator deletes") << 4;
    QTest::newRow("pause a paused job") << 5;
    QTest::newRow("resume a running job") << 6;
    QTest::newRow("cancel a finished run") << 7;
}

void TestAudit::refusedOrNoOpNotAudited()
{
    QFETCH(int, operation);
    CH_FUNCTION_DATABASE(db, m_db);
    CH_LOGIN_ROLE(viewer, db, "cronhelm_viewer");
    CH_LOGIN_ROLE(op, db, "cronhelm_operator");
    StoreConnection ownerConnection(db->conninfo());
    StoreConnection viewerConnection(db->conninfoAs(viewer));
    StoreConnection opConnection(db->conninfoAs(op));
    JobStore owner(ownerConnection);
    const QString name = QString::fromLatin1(QTest::currentDataTag());
    Result<qint64> job = owner.create(httpJob(name));
    CH_VERIFY_OK(job);
    CH_VERIFY_OK(owner.update(*job, 1, {}));
    CH_VERIFY_OK(owner.pause(*job));
    Result<qint64> run = owner.runNow(*job);
    CH_VERIFY_OK(run);
    CH_EXEC(db,
            QStringLiteral("UPDATE cronhelm.runs SET status = 'failed' WHERE id = %1").arg(*run));
    if (operation == 6)
        CH_VERIFY_OK(owner.resume(*job));
    CH_SCALAR(before, db, QStringLiteral("SELECT count(*) FROM cronhelm.audit_log"));

    bool ok = true;
    auto keep = [&ok](const auto &r) {
        ok = r.ok();
    };
    switch (operation) {
    case 0:
        keep(owner.create(httpJob(QString())));
        break;
    case 1:
        keep(owner.create(httpJob(name)));
        break;
    case 2:
        keep(owner.update(*job, 1, {{QStringLiteral("retries"), 2}}));
        break;
    case 3:
        keep(JobStore(viewerConnection).pause(*job));
        break;
    case 4:
        keep(JobStore(opConnection).remove(*job));
        break;
    case 5:
        keep(owner.pause(*job));
        break;
    case 6:
        keep(owner.resume(*job));
        break;
    case 7:
        keep(owner.cancelRun(*run));
        break;
    }
    QVERIFY(operation >= 5 && operation <= 6 ? ok : !ok);
    CH_SCALAR(after, db, QStringLiteral("SELECT count(*) FROM cronhelm.audit_log"));
    QCOMPARE(after, before);
}

// AuditStore (the app's Changes tab): a job's own changes, newest first, readable by a
// viewer; the deleted jobs only by an administrator.
void TestAudit::auditStoreReadsAJobsChangesAndTheDeletedJobs()
{
    CH_DATABASE(db);
    CH_LOGIN_ROLE(alice, db, "cronhelm_admin");
    CH_LOGIN_ROLE(victor, db, "cronhelm_viewer");
    StoreConnection aliceConnection(db->conninfoAs(alice));
    StoreConnection victorConnection(db->conninfoAs(victor));
    JobStore admin(aliceConnection);
    Result<qint64> job = admin.create(httpJob(QStringLiteral("audited")));
    CH_VERIFY_OK(job);
    CH_VERIFY_OK(admin.update(*job, 1, {{QStringLiteral("description"), QStringLiteral("b")}}));
    CH_VERIFY_OK(admin.runNow(*job)); // a run's entry, not the job's own change
    CH_VERIFY_OK(admin.pause(*job));

    Result<QList<JobChange>> changes = AuditStore(victorConnection).jobChanges(*job);
    CH_VERIFY_OK(changes);
    QStringList actions;
    for (const JobChange &c : *changes)
        actions.append(c.action);
    QCOMPARE(actions,
             (QStringList{QStringLiteral("pause_job"), QStringLiteral("update_job"),
                          QStringLiteral("create_job")}));
    const JobChange &edit = changes->at(1);
    QCOMPARE(edit.actor, alice);
    QVERIFY(edit.at.isValid());
    QCOMPARE(edit.after.value(QStringLiteral("description")).toString(), QStringLiteral("b"));
    QVERIFY(edit.before.value(QStringLiteral("description")).toString() != QStringLiteral("b"));
    QVERIFY(changes->at(2).before.isEmpty());

    CH_VERIFY_OK(admin.remove(*job));
    Result<QList<DeletedJob>> deleted = AuditStore(aliceConnection).deletedJobs();
    CH_VERIFY_OK(deleted);
    QCOMPARE(deleted->size(), 1);
    QCOMPARE(deleted->first().name, QStringLiteral("audited"));
    QCOMPARE(deleted->first().deletedBy, alice);
    QVERIFY(!deleted->first().nameTaken);
    Result<QList<DeletedJob>> refused = AuditStore(victorConnection).deletedJobs();
    QVERIFY(!refused);
    QCOMPARE(refused.errorKind(), ErrorKind::Permission);
}

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"

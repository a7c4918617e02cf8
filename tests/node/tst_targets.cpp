// Job targets through a running cronhelm-node: HTTP requests to a local test server
// (Idempotency-Key, status, body sample), notifications (generic webhook and Slack), a job
// that prints 100 MB, secrets the node does not have, and output that shows up in the
// run log while the job still runs (docs/semantics.md "Runs").

#include "nodetesthelpers.h"

#include <domain/logtext.h>
#include <exec/idempotencykey.h>
#include <httptestserver.h>
#include <stalledlistener.h>

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace Cronhelm;
using namespace Cronhelm::Test;

#define CH_START_EXECUTOR(var, db)                                                                 \
    CH_START_NODE(var, (db)->conninfo(), QStringLiteral("solo"), 10);                              \
    CH_WAIT_LINE(*var, loadedLine(), 15000, 0)

namespace {

QString runLogSql(const QString &run)
{
    return QStringLiteral("SELECT coalesce(string_agg(data, '' ORDER BY seq), '') FROM "
                          "cronhelm.run_log WHERE run_id = %1")
        .arg(run);
}

QString finished(const QString &run)
{
    return QStringLiteral("(SELECT status NOT IN ('queued', 'running') FROM cronhelm.runs WHERE "
                          "id = %1)")
        .arg(run);
}

// "status: error" of a run, as one value to compare.
QString statusAndError(const QString &run)
{
    return QStringLiteral("SELECT status || ': ' || error FROM cronhelm.runs WHERE id = %1")
        .arg(run);
}

// How a run ends whose host never completes the TCP handshake, with a connect limit of 1 s.
QString connectTimedOut(quint16 port)
{
    return QStringLiteral("failed: could not connect to 127.0.0.1:%1 within 1 s (connect timeout)")
        .arg(port);
}

QJsonObject jsonBody(const RecordedRequest &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

} // namespace

class TargetsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void httpJob();
    void httpStartIsWhenTheRequestLeaves();
    void httpConnectTimeout();
    void httpErrorWithNulIsRecorded();
    void httpJobConnectTimeout();
    void notifications();
    void hugeOutput();
    void missingSecret();
    void nodeCredentialsOutOfReach();
    void nodeEnvironOutOfReach();
    void binaryOutputKept();
    void secretIsNotShellText();
    void liveLog();
};

// An HTTP job fired on its slot: one request with the slot's Idempotency-Key; the status
// and a sample of the body are recorded. A 500 is a failure.
void TargetsTest::httpJob()
{
    HttpTestServer server;
    QVERIFY(server.listen());
    TestResponse ok;
    ok.headers = {{"Content-Type", "text/plain"}};
    ok.body = "sync ok: 42 rows copied";
    server.setResponse(QStringLiteral("/sync"), ok);
    TestResponse broken;
    broken.status = 500;
    broken.body = "database is down";
    server.setResponse(QStringLiteral("/broken"), broken);

    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_START_EXECUTOR(node, db);
    const QDateTime slot = wholeSecondAfter(1500);
    CH_CREATE_JOB(
        job, probe,
        Test::httpJob(QStringLiteral("crm sync"),
                      {{QStringLiteral("method"), QStringLiteral("POST")},
                       {QStringLiteral("url"), server.url(QStringLiteral("/sync")).toString()},
                       {QStringLiteral("body"), QJsonObject{{QStringLiteral("full"), true}}}},
                      cronAt(slot)));
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status "
                           "NOT IN ('queued', 'running'))")
                .arg(job),
            5000);
    CH_VALUE(run, probe, QStringLiteral("SELECT id FROM cronhelm.runs WHERE job_id = %1").arg(job));
    CH_VALUE(outcome, probe,
             QStringLiteral("SELECT status || ' ' || http_status || ' ' || (scheduled_for = %1) "
                            "FROM cronhelm.runs WHERE id = %2")
                 .arg(SqlProbe::timestamp(slot), run));
    QCOMPARE(outcome, QStringLiteral("succeeded 200 true"));
    const QList<RecordedRequest> requests = server.requests(QStringLiteral("/sync"));
    QCOMPARE(requests.size(), 1);
    const RecordedRequest &request = requests.first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(jsonBody(request).value(QStringLiteral("full")).toBool(), true);
    QCOMPARE(QString::fromLatin1(request.header("Idempotency-Key")), idempotencyKey(job, slot, 1));
    CH_VALUE(log, probe, runLogSql(run));
    QVERIFY2(log.contains(QLatin1String("HTTP 200")), qPrintable(log));
    QVERIFY2(log.contains(QLatin1String("sync ok: 42 rows copied")), qPrintable(log));

    // A server error fails the run, with the status and the body sample recorded.
    CH_CREATE_JOB(
        failing, probe,
        Test::httpJob(QStringLiteral("broken endpoint"),
                      {{QStringLiteral("url"), server.url(QStringLiteral("/broken")).toString()}}));
    CH_VALUE(failedRun, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(failing));
    CH_WAIT(probe, finished(failedRun), 5000);
    CH_VALUE(failure, probe,
             QStringLiteral("SELECT status || ' ' || http_status FROM cronhelm.runs WHERE id = %1")
                 .arg(failedRun));
    QCOMPARE(failure, QStringLiteral("failed 500"));
    CH_VALUE(failedLog, probe, runLogSql(failedRun));
    QVERIFY2(failedLog.contains(QLatin1String("database is down")), qPrintable(failedLog));
    QCOMPARE(server.requests(QStringLiteral("/broken")).size(), 1);
    QVERIFY(
        !server.requests(QStringLiteral("/broken")).first().header("Idempotency-Key").isEmpty());
}

// Issue 9: runs.started_at of an HTTP run is when its request was written, not when the node
// handed it to a runner. The host takes no connection until 2 s after the slot (its accept
// queue is full).
void TargetsTest::httpStartIsWhenTheRequestLeaves()
{
    StalledListener host;
    QVERIFY(host.isListening());
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_START_EXECUTOR(node, db);
    const QDateTime slot = wholeSecondAfter(1500);
    CH_CREATE_JOB(
        job, probe,
        Test::httpJob(QStringLiteral("stalled host"),
                      {{QStringLiteral("url"), host.url(QStringLiteral("/x")).toString()}},
                      cronAt(slot)));
    QTimer::singleShot(QDateTime::currentDateTimeUtc().msecsTo(slot) + 2000, &host,
                       &StalledListener::acceptFromNow);
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status "
                           "NOT IN ('queued', 'running'))")
                .arg(job),
            20000);
    CH_VALUE(
        outcome, probe,
        QStringLiteral("SELECT status || ' ' || (extract(epoch FROM started_at) * 1e6)::bigint "
                       "FROM cronhelm.runs WHERE job_id = %1")
            .arg(job));
    QCOMPARE(outcome.section(QLatin1Char(' '), 0, 0), QStringLiteral("succeeded"));
    const qint64 startedUs = outcome.section(QLatin1Char(' '), 1, 1).toLongLong();
    QVERIFY(host.acceptingSinceUs() > 0);
    QCOMPARE(host.arrivalsUs().size(), 1);
    // The node reports milliseconds.
    QVERIFY2(startedUs >= host.acceptingSinceUs() - 1000,
             qPrintable(QStringLiteral("started_at is %1 ms before the host took connections")
                            .arg((host.acceptingSinceUs() - startedUs) / 1000.0)));
    QVERIFY(startedUs <= host.arrivalsUs().constFirst());
}

// A host that takes no connection fails the run after the node's --http-connect-timeout,
// not after the job's one-hour timeout.
void TargetsTest::httpConnectTimeout()
{
    StalledListener host;
    QVERIFY(host.isListening());
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    auto node = std::make_unique<NodeProcess>(db->conninfo(), QStringLiteral("solo"));
    node->setLeaseTtl(10);
    node->setExtraArguments({QStringLiteral("--http-connect-timeout"), QStringLiteral("1")});
    QVERIFY2(node->start(), "cannot start cronhelm-node");
    CH_WAIT_LINE(*node, loadedLine(), 15000, 0);
    CH_CREATE_JOB(
        job, probe,
        Test::httpJob(QStringLiteral("dead host"),
                      {{QStringLiteral("url"), host.url(QStringLiteral("/x")).toString()}}));
    CH_VALUE(run, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));
    CH_WAIT(probe, finished(run), 10000);
    CH_VALUE(outcome, probe, statusAndError(run));
    QCOMPARE(outcome, connectTimedOut(host.port()));
}

// A job's own connect_timeout_s wins over the node's limit (left at its 30 s default).
void TargetsTest::httpJobConnectTimeout()
{
    StalledListener host;
    QVERIFY(host.isListening());
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_START_EXECUTOR(node, db);
    CH_CREATE_JOB(job, probe,
                  Test::httpJob(QStringLiteral("dead host, impatient job"),
                                {{QStringLiteral("url"), host.url(QStringLiteral("/x")).toString()},
                                 {QStringLiteral("connect_timeout_s"), 1}}));
    CH_VALUE(run, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));
    CH_WAIT(probe, finished(run), 10000);
    CH_VALUE(outcome, probe, statusAndError(run));
    QCOMPARE(outcome, connectTimedOut(host.port()));
}

// Issue 10: a NUL in the part of a body fail_if_body_matches quotes in the run's error made
// libpq cut the node's finish_runs call short: the end was never recorded and the run stayed
// `running`. It ends `failed`, the NUL shown as \x00.
void TargetsTest::httpErrorWithNulIsRecorded()
{
    HttpTestServer server;
    QVERIFY(server.listen());
    static const char body[] = "error:\0x";
    TestResponse response;
    response.body = QByteArray(body, sizeof(body) - 1);
    server.setResponse(QStringLiteral("/nul"), response);
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_START_EXECUTOR(node, db);
    CH_CREATE_JOB(
        job, probe,
        Test::httpJob(QStringLiteral("nul in error"),
                      {{QStringLiteral("url"), server.url(QStringLiteral("/nul")).toString()},
                       {QStringLiteral("fail_if_body_matches"), QStringLiteral("error.*")}}));
    CH_VALUE(run, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));
    CH_WAIT(probe, finished(run), 10000);
    CH_VALUE(outcome, probe, statusAndError(run));
    QCOMPARE(outcome,
             QStringLiteral("failed: response body matches \"error.*\": \"error:\\x00x\""));
}

// A failing job tells a generic webhook and a Slack webhook; once fixed, they hear of the
// recovery.
void TargetsTest::notifications()
{
    HttpTestServer receiver;
    QVERIFY(receiver.listen());
    receiver.setResponse(QStringLiteral("/hook"), TestResponse{});
    receiver.setResponse(QStringLiteral("/slack"), TestResponse{});
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    QJsonObject spec =
        shellJob(QStringLiteral("nightly export"), QStringLiteral("echo 'disk full' >&2; exit 2"));
    spec.insert(
        QStringLiteral("notify"),
        QJsonArray{
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("webhook")},
                        {QStringLiteral("url"), receiver.url(QStringLiteral("/hook")).toString()},
                        {QStringLiteral("on"),
                         QJsonArray{QStringLiteral("failure"), QStringLiteral("recovery")}}},
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("slack")},
                        {QStringLiteral("url"), receiver.url(QStringLiteral("/slack")).toString()}},
        });
    CH_CREATE_JOB(job, probe, spec);
    CH_START_EXECUTOR(node, db);

    CH_VALUE(failedRun, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));
    QVERIFY(QTest::qWaitFor(
        [&] {
            return receiver.requests(QStringLiteral("/hook")).size() >= 1
                && receiver.requests(QStringLiteral("/slack")).size() >= 1;
        },
        8000));
    const QJsonObject failure = jsonBody(receiver.requests(QStringLiteral("/hook")).first());
    QCOMPARE(failure.value(QStringLiteral("event")).toString(), QStringLiteral("failure"));
    QCOMPARE(
        failure.value(QStringLiteral("job")).toObject().value(QStringLiteral("name")).toString(),
        QStringLiteral("nightly export"));
    QCOMPARE(
        failure.value(QStringLiteral("job")).toObject().value(QStringLiteral("id")).toInteger(),
        job);
    const QJsonObject failedRunObject = failure.value(QStringLiteral("run")).toObject();
    QCOMPARE(failedRunObject.value(QStringLiteral("id")).toInteger(), failedRun.toLongLong());
    QCOMPARE(failedRunObject.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(failedRunObject.value(QStringLiteral("exit_code")).toInt(), 2);
    QCOMPARE(failure.value(QStringLiteral("node")).toString(), node->nodeId());
    const QString slackFailure = jsonBody(receiver.requests(QStringLiteral("/slack")).first())
                                     .value(QStringLiteral("text"))
                                     .toString();
    QVERIFY2(slackFailure.contains(QLatin1String("\"nightly export\" failed on solo")),
             qPrintable(slackFailure));

    // Fixed: the next run succeeds and both hear of the recovery.
    QVERIFY2(probe.updateJob(
                 job,
                 {{QStringLiteral("target"),
                   QJsonObject{{QStringLiteral("command"), QStringLiteral("echo exported")}}}}),
             qPrintable(probe.lastError()));
    CH_VALUE(fixedRun, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));
    QVERIFY(QTest::qWaitFor(
        [&] {
            return receiver.requests(QStringLiteral("/hook")).size() >= 2
                && receiver.requests(QStringLiteral("/slack")).size() >= 2;
        },
        8000));
    const QJsonObject recovery = jsonBody(receiver.requests(QStringLiteral("/hook")).at(1));
    QCOMPARE(recovery.value(QStringLiteral("event")).toString(), QStringLiteral("recovery"));
    const QJsonObject recoveredRun = recovery.value(QStringLiteral("run")).toObject();
    QCOMPARE(recoveredRun.value(QStringLiteral("id")).toInteger(), fixedRun.toLongLong());
    QCOMPARE(recoveredRun.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(recovery.value(QStringLiteral("node")).toString(), node->nodeId());
    const QString slackRecovery = jsonBody(receiver.requests(QStringLiteral("/slack")).at(1))
                                      .value(QStringLiteral("text"))
                                      .toString();
    QVERIFY2(slackRecovery.contains(QLatin1String("\"nightly export\" recovered on solo")),
             qPrintable(slackRecovery));
    // Exactly one notification per event and target.
    CH_WAIT(probe, finished(fixedRun), 3000);
    QCOMPARE(receiver.requests(QStringLiteral("/hook")).size(), 2);
    QCOMPARE(receiver.requests(QStringLiteral("/slack")).size(), 2);
}

// 100 MB of output: the run finishes, the log is capped at the job's limit (10 MB by
// default) with a visible marker, and the node's memory stays bounded meanwhile.
void TargetsTest::hugeOutput()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe,
                  shellJob(QStringLiteral("chatty"),
                           QStringLiteral("head -c 100000000 /dev/zero | tr '\\0' x; echo; "
                                          "echo done")));
    CH_START_EXECUTOR(node, db);
    CH_VALUE(run, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));
    qint64 peakKiB = 0;
    const QDeadlineTimer deadline(60000);
    bool done = false;
    while (!done && !deadline.hasExpired()) {
        peakKiB = std::max(peakKiB, node->residentKiB());
        Result<QString> state = probe.value(QStringLiteral("SELECT %1").arg(finished(run)));
        done = state && *state == QLatin1String("t");
        if (!done)
            QTest::qWait(25);
    }
    QVERIFY2(done, "the run did not finish within 60 s");
    qInfo("100 MB of output: node peak RSS sampled %lld KiB", peakKiB);
    QVERIFY2(peakKiB > 0 && peakKiB < 300 * 1024, qPrintable(QString::number(peakKiB)));
    CH_VALUE(outcome, probe,
             QStringLiteral("SELECT status || ' ' || log_truncated || ' ' || log_bytes FROM "
                            "cronhelm.runs WHERE id = %1")
                 .arg(run));
    // log_bytes counts all that was produced, the discarded part too.
    QCOMPARE(outcome, QStringLiteral("succeeded true 100000006"));
    CH_VALUE(
        stored, probe,
        QStringLiteral("SELECT sum(octet_length(data)) FROM cronhelm.run_log WHERE run_id = %1")
            .arg(run));
    CH_VALUE(limit, probe,
             QStringLiteral("SELECT log_limit_bytes FROM cronhelm.jobs WHERE id = %1").arg(job));
    QVERIFY2(stored.toLongLong() >= limit.toLongLong()
                 && stored.toLongLong() <= limit.toLongLong() + 1024,
             qPrintable(stored));
    CH_VALUE(marker, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.run_log WHERE run_id = %1 AND stream = "
                            "'system' AND data LIKE '%[cronhelm] output truncated%'")
                 .arg(run));
    QCOMPARE(marker, QStringLiteral("1"));
    QVERIFY(node->isRunning());
}

// A job that refers to a secret the node does not have fails with a clear error; the
// reference is never executed or sent. One the node has is resolved on the node.
void TargetsTest::missingSecret()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString leak = dir.filePath(QStringLiteral("leak"));
    HttpTestServer server;
    QVERIFY(server.listen());
    server.setDefaultResponse(TestResponse{});
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("CRONHELM_SECRET_NOPE"));
    environment.insert(QStringLiteral("CRONHELM_SECRET_KNOWN"), QStringLiteral("s3cr3t"));
    auto node = std::make_unique<NodeProcess>(db->conninfo(), QStringLiteral("solo"));
    node->setEnvironment(environment);
    QVERIFY(node->start());
    CH_WAIT_LINE(*node, loadedLine(), 15000, 0);

    CH_CREATE_JOB(shell, probe,
                  shellJob(QStringLiteral("shell secret"),
                           QStringLiteral("echo ${env:CRONHELM_SECRET_NOPE} > '%1'").arg(leak)));
    CH_CREATE_JOB(
        http, probe,
        Test::httpJob(QStringLiteral("http secret"),
                      {{QStringLiteral("url"), server.url(QStringLiteral("/secret")).toString()},
                       {QStringLiteral("headers"),
                        QJsonObject{{QStringLiteral("X-Api-Key"),
                                     QStringLiteral("${env:CRONHELM_SECRET_NOPE}")}}}}));
    CH_CREATE_JOB(
        known, probe,
        shellJob(
            QStringLiteral("known secret"),
            QStringLiteral("[ \"${env:CRONHELM_SECRET_KNOWN}\" = \"$(printf 's3%s' cr3t)\" ] && "
                           "echo matched")));
    CH_VALUE(shellRun, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(shell));
    CH_VALUE(httpRun, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(http));
    CH_VALUE(knownRun, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(known));
    CH_WAIT(probe,
            finished(shellRun) + QStringLiteral(" AND ") + finished(httpRun)
                + QStringLiteral(" AND ") + finished(knownRun),
            5000);

    for (const QString &run : {shellRun, httpRun}) {
        Result<QList<QStringList>> row = probe.query(
            QStringLiteral("SELECT status, error FROM cronhelm.runs WHERE id = %1").arg(run));
        CH_VERIFY_OK(row);
        QCOMPARE(row->value(0).value(0), QStringLiteral("failed"));
        const QString error = row->value(0).value(1);
        QVERIFY2(error.contains(QLatin1String("${env:CRONHELM_SECRET_NOPE}"))
                     && error.contains(QLatin1String("not set")),
                 qPrintable(error));
    }
    QVERIFY2(!QFile::exists(leak), "the shell command ran without its secret");
    QVERIFY(server.requests(QStringLiteral("/secret")).isEmpty());
    CH_VALUE(knownOutcome, probe,
             QStringLiteral("SELECT status FROM cronhelm.runs WHERE id = %1").arg(knownRun));
    QCOMPARE(knownOutcome, QStringLiteral("succeeded"));
    CH_VALUE(knownLog, probe, runLogSql(knownRun));
    QVERIFY2(knownLog.contains(QLatin1String("matched")), qPrintable(knownLog));
    QVERIFY2(!knownLog.contains(QLatin1String("s3cr3t")), qPrintable(knownLog));
}

// The attack of issue 10: a job reads the node's database password, through its environment
// or through a ${env:...} reference sent elsewhere. A shell job's environment holds only
// PATH, HOME, LANG, TZ, its own env and the run's variables; a reference to a variable
// outside CRONHELM_SECRET_* fails the run, saying why, and nothing is run or sent.
void TargetsTest::nodeCredentialsOutOfReach()
{
    HttpTestServer server;
    QVERIFY(server.listen());
    server.setDefaultResponse(TestResponse{});
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("node-db-pa55"));
    environment.insert(QStringLiteral("CRONHELM_SECRET_UNUSED"), QStringLiteral("other-job"));
    auto node = std::make_unique<NodeProcess>(db->conninfo(), QStringLiteral("solo"));
    node->setEnvironment(environment);
    QVERIFY(node->start());
    CH_WAIT_LINE(*node, loadedLine(), 15000, 0);

    CH_CREATE_JOB(printEnv, probe, shellJob(QStringLiteral("print env"), QStringLiteral("env")));
    CH_CREATE_JOB(shellRef, probe,
                  shellJob(QStringLiteral("shell ref"), QStringLiteral("echo ${env:PGPASSWORD}")));
    CH_CREATE_JOB(
        httpRef, probe,
        Test::httpJob(
            QStringLiteral("http ref"),
            {{QStringLiteral("url"), server.url(QStringLiteral("/steal")).toString()},
             {QStringLiteral("headers"),
              QJsonObject{{QStringLiteral("X-Stolen"), QStringLiteral("${env:PGPASSWORD}")}}}}));
    CH_VALUE(envRun, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(printEnv));
    CH_VALUE(shellRun, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(shellRef));
    CH_VALUE(httpRun, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(httpRef));
    CH_WAIT(probe,
            finished(envRun) + QStringLiteral(" AND ") + finished(shellRun)
                + QStringLiteral(" AND ") + finished(httpRun),
            5000);

    CH_VALUE(envLog, probe,
             QStringLiteral("SELECT coalesce(string_agg(data, '' ORDER BY seq), '') FROM "
                            "cronhelm.run_log WHERE run_id = %1 AND stream = 'stdout'")
                 .arg(envRun));
    const QStringList allowed{QStringLiteral("PATH"),
                              QStringLiteral("HOME"),
                              QStringLiteral("LANG"),
                              QStringLiteral("TZ"),
                              QStringLiteral("PWD"),
                              QStringLiteral("OLDPWD"),
                              QStringLiteral("SHLVL"),
                              QStringLiteral("_"),
                              QStringLiteral("CRONHELM_RUN_ID"),
                              QStringLiteral("CRONHELM_JOB_ID"),
                              QStringLiteral("CRONHELM_JOB_NAME"),
                              QStringLiteral("CRONHELM_ATTEMPT"),
                              QStringLiteral("CRONHELM_SCHEDULED_FOR")};
    QStringList seen;
    for (const QString &line : envLog.split(u'\n', Qt::SkipEmptyParts))
        seen.append(line.section(u'=', 0, 0));
    QVERIFY2(seen.contains(QStringLiteral("CRONHELM_RUN_ID")), qPrintable(envLog));
    for (const QString &name : std::as_const(seen))
        QVERIFY2(allowed.contains(name), qPrintable(name + QStringLiteral(" in ") + envLog));
    QVERIFY(!envLog.contains(QLatin1String("node-db-pa55")));
    QVERIFY(!envLog.contains(QLatin1String("other-job")));

    for (const QString &run : {shellRun, httpRun}) {
        Result<QList<QStringList>> row = probe.query(
            QStringLiteral("SELECT status, error FROM cronhelm.runs WHERE id = %1").arg(run));
        CH_VERIFY_OK(row);
        QCOMPARE(row->value(0).value(0), QStringLiteral("failed"));
        QCOMPARE(row->value(0).value(1),
                 QStringLiteral("secret reference ${env:PGPASSWORD} is refused: jobs may only "
                                "use variables whose names start with CRONHELM_SECRET_"));
        CH_VALUE(log, probe, runLogSql(run));
        QVERIFY(!log.contains(QLatin1String("node-db-pa55")));
    }
    QVERIFY(server.requests(QStringLiteral("/steal")).isEmpty());
}

// Issue 10: a shell job runs as the node's user, so it could read the node's whole
// environment (PGPASSWORD, every CRONHELM_SECRET_) from /proc/<node>/environ. The node makes
// itself not dumpable: the file then belongs to root, and the job's attempt is refused. As
// root (where a job can read anything anyway) the node runs with another group, and the
// owner of that file shows whether the node is dumpable.
void TargetsTest::nodeEnvironOutOfReach()
{
    const bool asRoot = ::geteuid() == 0;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray binaryBefore = qgetenv("CRONHELM_NODE_BINARY");
    const auto restoreBinary = qScopeGuard([&] {
        if (binaryBefore.isEmpty())
            qunsetenv("CRONHELM_NODE_BINARY");
        else
            qputenv("CRONHELM_NODE_BINARY", binaryBefore);
    });
    if (asRoot) {
        const QString wrapper = dir.filePath(QStringLiteral("node-as-nogroup"));
        QFile script(wrapper);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(QStringLiteral("#!/bin/sh\nexec setpriv --regid=65534 --clear-groups '%1' "
                                    "\"$@\"\n")
                         .arg(NodeProcess::binaryPath())
                         .toUtf8());
        script.close();
        QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("CRONHELM_NODE_BINARY", QFile::encodeName(wrapper));
    }
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("node-db-pa55"));
    auto node = std::make_unique<NodeProcess>(db->conninfo(), QStringLiteral("solo"));
    node->setEnvironment(environment);
    QVERIFY(node->start());
    CH_WAIT_LINE(*node, loadedLine(), 15000, 0);
    CH_CREATE_JOB(job, probe,
                  shellJob(QStringLiteral("read the node's environ"),
                           QStringLiteral("cat /proc/$PPID/comm; stat -c 'group %g' "
                                          "/proc/$PPID/environ; if tr '\\0' '\\n' < "
                                          "/proc/$PPID/environ; then echo readable; else echo "
                                          "refused; fi")));
    CH_VALUE(run, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));
    CH_WAIT(probe, finished(run), 5000);
    CH_VALUE(out, probe,
             QStringLiteral("SELECT coalesce(string_agg(data, '' ORDER BY seq), '') FROM "
                            "cronhelm.run_log WHERE run_id = %1 AND stream = 'stdout'")
                 .arg(run));
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 3, qPrintable(out));
    QCOMPARE(lines.at(0), QStringLiteral("cronhelm-node")); // the parent is the node
    // Not dumpable: /proc/<node>/ belongs to root:root, not to the node's user and group.
    QCOMPARE(lines.at(1), QStringLiteral("group 0"));
    if (!asRoot) {
        QCOMPARE(lines.constLast(), QStringLiteral("refused"));
        QVERIFY2(!out.contains(QLatin1String("node-db-pa55")), qPrintable(out));
    }
}

// Issue 10: a secret pasted into the sh -c text was visible to every local user (ps) and
// ran as shell code when it held quotes, ";" or "$(". Through a real node: the value
// neither runs nor appears on the job's command line, and reaches the job as data.
void TargetsTest::secretIsNotShellText()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pwned = dir.filePath(QStringLiteral("pwned"));
    const QString secret = QStringLiteral("'; touch '%1'; '$(touch '%1')").arg(pwned);
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CRONHELM_SECRET_EVIL"), secret);
    auto node = std::make_unique<NodeProcess>(db->conninfo(), QStringLiteral("solo"));
    node->setEnvironment(environment);
    QVERIFY(node->start());
    CH_WAIT_LINE(*node, loadedLine(), 15000, 0);
    CH_CREATE_JOB(job, probe,
                  shellJob(QStringLiteral("evil secret"),
                           QStringLiteral("tr '\\0' ' ' < /proc/$$/cmdline; echo; "
                                          "echo '${env:CRONHELM_SECRET_EVIL}'; "
                                          "printf '%s\\n' \"${env:CRONHELM_SECRET_EVIL}\"")));
    CH_VALUE(run, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));
    CH_WAIT(probe, finished(run), 5000);
    CH_VALUE(status, probe,
             QStringLiteral("SELECT status FROM cronhelm.runs WHERE id = %1").arg(run));
    QCOMPARE(status, QStringLiteral("succeeded"));
    CH_VALUE(out, probe,
             QStringLiteral("SELECT coalesce(string_agg(data, '' ORDER BY seq), '') FROM "
                            "cronhelm.run_log WHERE run_id = %1 AND stream = 'stdout'")
                 .arg(run));
    const QStringList lines = out.split(u'\n');
    QVERIFY2(lines.size() >= 3, qPrintable(out));
    // What ps shows: the command with the parameter expansion, not the value.
    QVERIFY2(lines.at(0).contains(QLatin1String("${CRONHELM_SECRET_EVIL}")), qPrintable(out));
    QVERIFY2(!lines.at(0).contains(QLatin1String("touch")), qPrintable(out));
    QCOMPARE(lines.at(1), QStringLiteral("${CRONHELM_SECRET_EVIL}"));
    QCOMPARE(lines.at(2), secret);
    QVERIFY2(!QFile::exists(pwned), "the secret ran as shell code");
}

// Issue 10: a NUL in a job's output made the node drop the whole log batch (the text array
// went through libpq as a C string). Every byte is kept, and the other runs' output in the
// same batch too.
void TargetsTest::binaryOutputKept()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_START_EXECUTOR(node, db);
    CH_CREATE_JOB(binary, probe,
                  shellJob(QStringLiteral("binary"), QStringLiteral("printf 'a\\0b\\377c'")));
    CH_CREATE_JOB(neighbour, probe,
                  shellJob(QStringLiteral("neighbour"), QStringLiteral("echo neighbour")));
    CH_VALUE(binaryRun, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(binary));
    CH_VALUE(neighbourRun, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(neighbour));
    CH_WAIT(probe, finished(binaryRun) + QStringLiteral(" AND ") + finished(neighbourRun), 5000);
    CH_VALUE(stdoutText, probe,
             QStringLiteral("SELECT coalesce(string_agg(data, '' ORDER BY seq), '') FROM "
                            "cronhelm.run_log WHERE run_id = %1 AND stream = 'stdout'")
                 .arg(binaryRun));
    QCOMPARE(LogText::toBytes(stdoutText), QByteArray("a\0b\377c", 5));
    QCOMPARE(LogText::toDisplay(stdoutText), QStringLiteral("a\\x00b\\xffc"));
    CH_VALUE(neighbourLog, probe, runLogSql(neighbourRun));
    QVERIFY2(neighbourLog.contains(QLatin1String("neighbour\n")), qPrintable(neighbourLog));
    CH_VALUE(systemLines, probe, runLogSql(binaryRun));
    QVERIFY2(systemLines.contains(QLatin1String("exited with code 0")), qPrintable(systemLines));
    QVERIFY(!node->findLine(QRegularExpression(QStringLiteral("log: dropping"))).hasMatch());
}

// Output appears in cronhelm.run_log while the job is still running.
void TargetsTest::liveLog()
{
    CH_DATABASE(db);
    SqlProbe probe(db->conninfo());
    CH_CREATE_JOB(job, probe,
                  shellJob(QStringLiteral("ticker"),
                           QStringLiteral("for i in 1 2 3 4 5 6 7 8 9 10; do echo line $i; sleep "
                                          "0.2; done")));
    CH_START_EXECUTOR(node, db);
    CH_VALUE(run, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));
    // Status and log read in one snapshot: the third line is there while the run runs.
    CH_WAIT(probe,
            QStringLiteral("(SELECT status FROM cronhelm.runs WHERE id = %1) = 'running' AND "
                           "(%2) LIKE '%line 3%'")
                .arg(run, runLogSql(run)),
            5000);
    CH_WAIT(probe, finished(run), 5000);
    CH_VALUE(log, probe,
             QStringLiteral("SELECT string_agg(data, '' ORDER BY seq) FROM cronhelm.run_log "
                            "WHERE run_id = %1 AND stream = 'stdout'")
                 .arg(run));
    QString expected;
    for (int i = 1; i <= 10; ++i)
        expected += QStringLiteral("line %1\n").arg(i);
    QCOMPARE(log, expected);
}

QTEST_GUILESS_MAIN(TargetsTest)
#include "tst_targets.moc"

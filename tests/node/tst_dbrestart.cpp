// PostgreSQL restarted while a job runs: the node survives, reconnects, records the run's
// end (and its last log lines) once the server is back, and goes on scheduling.
//
// Runs a PostgreSQL server of its own (scripts/pg-local.sh), so that stopping it does not
// disturb the tests that share the harness's server.

#include "nodetesthelpers.h"

#include <httptestserver.h>
#include <store/migrator.h>
#include <store/storeconnection.h>

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class DbRestartTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void restartDuringRun_data();
    void restartDuringRun();

private:
    // Runs scripts/pg-local.sh with `arguments`; the event loop keeps running meanwhile.
    bool pgLocal(const QStringList &arguments);
    QString conninfo(const QString &database) const;

    QString m_dir;
    quint16 m_port = 0;
    int m_databases = 0;
};

bool DbRestartTest::pgLocal(const QStringList &arguments)
{
    const QString script =
        qEnvironmentVariable("CRONHELM_SOURCE_DIR") + QStringLiteral("/scripts/pg-local.sh");
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral("bash"), QStringList{script} + arguments);
    if (!finished.wait(90000)) {
        qWarning("pg-local.sh %s: no answer", qPrintable(arguments.join(QLatin1Char(' '))));
        process.kill();
        process.waitForFinished();
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("pg-local.sh %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                 process.readAll().constData());
        return false;
    }
    return true;
}

QString DbRestartTest::conninfo(const QString &database) const
{
    return QStringLiteral("host=%1/sock port=%2 dbname=%3 user=cronhelm")
        .arg(m_dir)
        .arg(m_port)
        .arg(database);
}

void DbRestartTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!qEnvironmentVariable("CRONHELM_SOURCE_DIR").isEmpty(),
             "CRONHELM_SOURCE_DIR is not set: run the tests through ctest");
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/cronhelm-dbrestart-XXXXXX"));
    QVERIFY(dir.isValid());
    dir.setAutoRemove(false); // pg-local.sh destroy removes it
    m_dir = dir.path();
    // The server runs as 'postgres' when the tests run as root: let it in.
    QVERIFY(QFile::setPermissions(m_dir,
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                      | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                                      | QFile::ExeOther));
    m_port = HttpTestServer::unusedPort();
    QVERIFY(pgLocal({QStringLiteral("start"), m_dir, QString::number(m_port)}));
}

void DbRestartTest::cleanupTestCase()
{
    if (!m_dir.isEmpty())
        pgLocal({QStringLiteral("destroy"), m_dir});
}

void DbRestartTest::restartDuringRun_data()
{
    QTest::addColumn<bool>("busy");
    // Only the running job: nothing else writes to the store meanwhile. A job every second
    // is created once the server is back.
    QTest::newRow("quiet node") << false;
    // A job every second goes on throughout.
    QTest::newRow("busy node") << true;
}

void DbRestartTest::restartDuringRun()
{
    QFETCH(bool, busy);
    const QString database = QStringLiteral("restart_%1").arg(++m_databases);
    {
        SqlProbe admin(conninfo(QStringLiteral("cronhelm")));
        CH_EXEC(admin, QStringLiteral("CREATE DATABASE %1").arg(database));
        StoreConnection connection(conninfo(database));
        Migrator migrator(connection);
        CH_VERIFY_OK(migrator.migrate());
    }
    SqlProbe probe(conninfo(database));
    // One retry allowed: were the run wrongly taken for abandoned, a second attempt would
    // show.
    QJsonObject slowSpec = shellJob(QStringLiteral("slow"),
                                    QStringLiteral("echo start; sleep 3; "
                                                   "echo done"));
    slowSpec.insert(QStringLiteral("retries"), 1);
    slowSpec.insert(QStringLiteral("retry_backoff"), QStringLiteral("fixed"));
    slowSpec.insert(QStringLiteral("retry_delay_s"), 0);
    CH_CREATE_JOB(slow, probe, slowSpec);
    const QJsonObject tickSpec = with(shellJob(QStringLiteral("tick"), QStringLiteral("echo tick"),
                                               QStringLiteral("* * * * * *")),
                                      QStringLiteral("concurrency"), QStringLiteral("allow"));
    qint64 tick = 0;
    if (busy) {
        tick = probe.createJob(tickSpec);
        QVERIFY2(tick > 0, qPrintable(probe.lastError()));
    }
    CH_START_NODE(node, conninfo(database), QStringLiteral("survivor"), 10);
    CH_WAIT_LINE(*node, loadedLine(), 15000, 0);
    if (busy) {
        CH_WAIT(probe,
                QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status "
                               "= 'succeeded')")
                    .arg(tick),
                5000);
    }

    CH_VALUE(run, probe, QStringLiteral("SELECT cronhelm.run_now(%1)").arg(slow));
    CH_WAIT(probe,
            QStringLiteral("(SELECT status FROM cronhelm.runs WHERE id = %1) = 'running' AND "
                           "EXISTS (SELECT 1 FROM cronhelm.run_log WHERE run_id = %1 AND data "
                           "LIKE '%start%')")
                .arg(run),
            5000);

    // The server goes away while the job runs, and stays away until the job has ended.
    const qsizetype from = node->lineCount();
    QVERIFY(pgLocal({QStringLiteral("stop"), m_dir}));
    CH_WAIT_LINE(
        *node, QStringLiteral("run end: job %1 run %2: succeeded").arg(slow).arg(run.toLongLong()),
        10000, from);
    CH_WAIT_LINE(*node, QStringLiteral("executor: stopped firing"), 10000, from);
    QVERIFY(node->isRunning());

    QVERIFY(pgLocal({QStringLiteral("start"), m_dir, QString::number(m_port)}));
    const QDateTime restartedAt = QDateTime::currentDateTimeUtc();
    CH_WAIT_LINE(*node, connectedLine(), 15000, from);
    CH_WAIT(
        probe,
        QStringLiteral("(SELECT status FROM cronhelm.runs WHERE id = %1) = 'succeeded'").arg(run),
        15000);
    // Its last lines were written before its end was recorded.
    CH_WAIT(probe,
            QStringLiteral("(SELECT string_agg(data, '' ORDER BY seq) FROM cronhelm.run_log WHERE "
                           "run_id = %1 AND stream = 'stdout') = E'start\\ndone\\n'")
                .arg(run),
            1000);
    // It really ended while the server was down, and was neither abandoned nor retried.
    CH_VALUE(finishedBefore, probe,
             QStringLiteral("SELECT finished_at < %1 FROM cronhelm.runs WHERE id = %2")
                 .arg(SqlProbe::timestamp(restartedAt), run));
    QCOMPARE(finishedBefore, QStringLiteral("t"));
    CH_VALUE(attempts, probe,
             QStringLiteral("SELECT count(*) FROM cronhelm.runs WHERE job_id = %1").arg(slow));
    QCOMPARE(attempts, QStringLiteral("1"));

    // Scheduling goes on: the node is executor again and fires.
    if (!busy) {
        tick = probe.createJob(tickSpec);
        QVERIFY2(tick > 0, qPrintable(probe.lastError()));
    }
    CH_WAIT(probe,
            QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status = "
                           "'succeeded' AND scheduled_for > %2)")
                .arg(tick)
                .arg(SqlProbe::timestamp(restartedAt)),
            10000);
    CH_VALUE(executor, probe, QStringLiteral("SELECT executor FROM cronhelm.executor_lease"));
    QCOMPARE(executor, node->nodeId());
    if (busy) {
        // The slots of the outage were recorded (run once, the others skipped), none twice.
        CH_VALUE(gaps, probe,
                 QStringLiteral("SELECT count(*) FROM (SELECT s FROM generate_series((SELECT "
                                "min(scheduled_for) FROM cronhelm.runs WHERE job_id = %1), "
                                "(SELECT max(scheduled_for) FROM cronhelm.runs WHERE job_id = "
                                "%1), interval '1 second') s WHERE (SELECT count(*) FROM "
                                "cronhelm.runs r WHERE r.job_id = %1 AND r.scheduled_for = s) "
                                "<> 1) g")
                     .arg(tick));
        QCOMPARE(gaps, QStringLiteral("0"));
    }

    // And it still shuts down cleanly.
    QVERIFY(node->terminate());
    QVERIFY(node->waitForExit(15000));
    QCOMPARE(node->exitStatus(), QProcess::NormalExit);
    QCOMPARE(node->exitCode(), 0);
}

QTEST_GUILESS_MAIN(DbRestartTest)
#include "tst_dbrestart.moc"

// `cronhelmctl runs list|show|log|cancel` against a real store, with runs and log chunks
// written by SQL as a node would: newest-first listing and its filters, the human and JSON
// forms, the whole log in order (across pages), --follow until the run finishes, and
// cancelling queued, running and finished runs.

#include "ctlrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace Cronhelm::Test;

namespace {

QStringList ctlArgs(std::initializer_list<const char *> words)
{
    QStringList out;
    for (const char *word : words)
        out.append(QString::fromUtf8(word));
    return out;
}

QString createJob(TestDatabase &db, const QString &name)
{
    return db
        .scalar(QStringLiteral("SELECT cronhelm.create_job(jsonb_build_object('name', %1::text, "
                               "'cron', '@hourly', 'target_type', 'shell', 'target', "
                               "'{\"command\": \"true\"}'::jsonb))")
                    .arg(QStringLiteral("'")
                         + QString(name).replace(QLatin1Char('\''), QStringLiteral("''"))
                         + QStringLiteral("'")))
        .value();
}

// Inserts a run as the node would have recorded it; returns its id.
QString insertRun(TestDatabase &db, const QString &jobId, const QString &columns,
                  const QString &values)
{
    return db
        .scalar(QStringLiteral("INSERT INTO cronhelm.runs (job_id, %1) VALUES (%2, %3) "
                               "RETURNING id")
                    .arg(columns, jobId, values))
        .value();
}

QList<qint64> listedIds(const CtlResult &r)
{
    QList<qint64> ids;
    const QJsonArray runs = QJsonDocument::fromJson(r.out).array();
    for (const QJsonValue &run : runs)
        ids.append(run.toObject().value(QStringLiteral("id")).toInteger());
    return ids;
}

// Four runs of two jobs as a node would have recorded them: r0 alpha succeeded, r1 beta
// failed (HTTP), r2 alpha failed (exit code), r3 alpha queued manual run.
QList<qint64> fillHistory(TestDatabase &db)
{
    const QString a = createJob(db, QStringLiteral("alpha"));
    const QString b = createJob(db, QStringLiteral("beta"));
    const QString cols = QStringLiteral("trigger, scheduled_for, due_at, started_at, finished_at, "
                                        "status, node_id, term, exit_code, http_status, error");
    return {
        insertRun(db, a, cols,
                  QStringLiteral("'schedule', '2026-01-01T10:00Z', '2026-01-01T10:00Z', "
                                 "'2026-01-01T10:00:00.010Z', '2026-01-01T10:00:01.510Z', "
                                 "'succeeded', 'node-a', 3, 0, NULL, NULL"))
            .toLongLong(),
        insertRun(db, b, cols,
                  QStringLiteral("'schedule', '2026-01-02T10:00Z', '2026-01-02T10:00Z', "
                                 "'2026-01-02T10:00:00Z', '2026-01-02T10:25:00Z', 'failed', "
                                 "'node-b', 4, NULL, 500, 'HTTP 500 from the function'"))
            .toLongLong(),
        insertRun(db, a, cols,
                  QStringLiteral("'schedule', '2026-01-03T10:00Z', '2026-01-03T10:00Z', "
                                 "'2026-01-03T10:00:00Z', '2026-01-03T10:00:02Z', 'failed', "
                                 "'node-a', 4, 1, NULL, 'exit code 1'"))
            .toLongLong(),
        insertRun(db, a, QStringLiteral("trigger, triggered_by, scheduled_for, due_at, status"),
                  QStringLiteral("'manual', 'alice', '2026-01-04T08:00Z', '2026-01-04T08:00Z', "
                                 "'queued'"))
            .toLongLong(),
    };
}

} // namespace

class TestCtlRuns : public QObject
{
    Q_OBJECT

private slots:
    void list_data();
    void list();
    void listTable();
    void show();
    void logInOrder();
    void logAcrossPages();
    void logKeepsBinaryBytes();
    void logFollowUntilFinished();
    void cancel();
};

void TestCtlRuns::list_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QList<int>>("expected"); // indexes into fillHistory(), in output order
    QTest::newRow("all, newest first") << QStringList() << QList<int>{3, 2, 1, 0};
    QTest::newRow("one job") << ctlArgs({"--job", "alpha"}) << QList<int>{3, 2, 0};
    QTest::newRow("status") << ctlArgs({"--status", "failed"}) << QList<int>{2, 1};
    QTest::newRow("status and job")
        << ctlArgs({"--status", "failed", "--job", "alpha"}) << QList<int>{2};
    QTest::newRow("statuses comma-separated")
        << ctlArgs({"--status", "succeeded,queued"}) << QList<int>{3, 0};
    QTest::newRow("statuses repeated")
        << ctlArgs({"--status", "succeeded", "--status", "queued"}) << QList<int>{3, 0};
    QTest::newRow("since and until")
        << ctlArgs({"--since", "2026-01-02T00:00:00Z", "--until", "2026-01-03T10:00:00Z"})
        << QList<int>{1};
    QTest::newRow("since with an offset")
        << ctlArgs({"--since", "2026-01-03T11:00:00+01:00"}) << QList<int>{3, 2};
    QTest::newRow("trigger") << ctlArgs({"--trigger", "manual"}) << QList<int>{3};
    QTest::newRow("limit") << ctlArgs({"--limit", "2"}) << QList<int>{3, 2};
    QTest::newRow("unknown job") << ctlArgs({"--job", "gamma"}) << QList<int>{};
}

void TestCtlRuns::list()
{
    QFETCH(QStringList, args);
    QFETCH(QList<int>, expected);
    CTL_DATABASE(db, QStringLiteral("cli runs list"));
    const QList<qint64> runs = fillHistory(*db);
    const CtlResult r = runCtlOn(db->conninfo(), ctlArgs({"runs", "list", "--json"}) + args);
    CTL_EXPECT_EXIT(r, 0);
    QList<qint64> ids;
    for (int index : expected)
        ids.append(runs.at(index));
    QCOMPARE(listedIds(r), ids);
}

void TestCtlRuns::listTable()
{
    CTL_DATABASE(db, QStringLiteral("cli runs table"));
    const QList<qint64> runs = fillHistory(*db);
    const CtlResult r = runCtlOn(db->conninfo(), ctlArgs({"runs", "list"}));
    CTL_EXPECT_EXIT(r, 0);
    const QStringList lines = r.lines();
    QCOMPARE(lines.size(), 5);
    for (const char *column : {"ID", "JOB", "TRIGGER", "SCHEDULED", "STATUS", "DURATION"})
        QVERIFY2(lines.at(0).contains(QLatin1String(column)), r.describe().constData());
    QVERIFY(lines.at(1).startsWith(QString::number(runs.at(3))));
    QVERIFY(lines.at(2).contains(QLatin1String("exit 1")));
    QVERIFY(lines.at(3).contains(QLatin1String("HTTP 500")));
    QVERIFY(lines.at(3).contains(QLatin1String("25 min 00 s")));
    QVERIFY(lines.at(4).contains(QLatin1String("2026-01-01T10:00:00Z")));
    QVERIFY(lines.at(4).contains(QLatin1String("1.5 s")));
}

void TestCtlRuns::show()
{
    CTL_DATABASE(db, QStringLiteral("cli runs show"));
    const QList<qint64> runs = fillHistory(*db);
    const QString id = QString::number(runs.at(1));
    CtlResult r =
        runCtlOn(db->conninfo(),
                 {QStringLiteral("runs"), QStringLiteral("show"), id, QStringLiteral("--json")});
    CTL_EXPECT_EXIT(r, 0);
    const QJsonObject run = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(run.value(QStringLiteral("id")).toInteger(), runs.at(1));
    QCOMPARE(run.value(QStringLiteral("job")).toString(), QStringLiteral("beta"));
    QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(run.value(QStringLiteral("http_status")).toInt(), 500);
    QVERIFY(run.value(QStringLiteral("exit_code")).isNull());
    QCOMPARE(run.value(QStringLiteral("duration_ms")).toInteger(), 25 * 60 * 1000);
    QCOMPARE(run.value(QStringLiteral("node")).toString(), QStringLiteral("node-b"));
    QCOMPARE(run.value(QStringLiteral("term")).toInt(), 4);
    QCOMPARE(run.value(QStringLiteral("scheduled_for")).toString(),
             QStringLiteral("2026-01-02T10:00:00.000Z"));
    QCOMPARE(run.value(QStringLiteral("error")).toString(),
             QStringLiteral("HTTP 500 from the function"));

    r = runCtlOn(db->conninfo(), {QStringLiteral("runs"), QStringLiteral("show"), id});
    CTL_EXPECT_EXIT(r, 0);
    for (const char *expected : {"beta", "failed", "HTTP 500", "node-b",
                                 "HTTP 500 from the function", "2026-01-02T10:25:00Z"})
        QVERIFY2(r.text().contains(QString::fromUtf8(expected)), r.describe().constData());
    r = runCtlOn(db->conninfo(),
                 {QStringLiteral("runs"), QStringLiteral("show"), QString::number(runs.at(3))});
    QVERIFY2(r.text().contains(QLatin1String("manual by alice")), r.describe().constData());
    QVERIFY2(!r.text().contains(QLatin1String("waiting")), r.describe().constData());

    // A queued run no node can take says why, in show, list and JSON.
    const QString reason = QStringLiteral("waiting for a free slot on any node, 30 of 30 busy");
    QVERIFY(db->query(QStringLiteral("UPDATE cronhelm.runs SET wait_reason = '%1' WHERE id = %2")
                          .arg(reason)
                          .arg(runs.at(3))));
    r = runCtlOn(db->conninfo(),
                 {QStringLiteral("runs"), QStringLiteral("show"), QString::number(runs.at(3))});
    QVERIFY2(r.text().contains(QRegularExpression(QStringLiteral("\nwaiting: +")
                                                  + QRegularExpression::escape(reason))),
             r.describe().constData());
    r = runCtlOn(db->conninfo(), ctlArgs({"runs", "list", "--status", "queued"}));
    QVERIFY2(r.text().contains(reason), r.describe().constData());
    r = runCtlOn(db->conninfo(),
                 {QStringLiteral("runs"), QStringLiteral("show"), QString::number(runs.at(3)),
                  QStringLiteral("--json")});
    QCOMPARE(
        QJsonDocument::fromJson(r.out).object().value(QStringLiteral("wait_reason")).toString(),
        reason);
    // Once it is no longer queued, the reason is history: not shown.
    QVERIFY(db->query(QStringLiteral("UPDATE cronhelm.runs SET status = 'cancelled' WHERE id = %1")
                          .arg(runs.at(3))));
    r = runCtlOn(db->conninfo(),
                 {QStringLiteral("runs"), QStringLiteral("show"), QString::number(runs.at(3))});
    QVERIFY2(!r.text().contains(QLatin1String("waiting")), r.describe().constData());
}

void TestCtlRuns::logInOrder()
{
    CTL_DATABASE(db, QStringLiteral("cli log"));
    const QString run = insertRun(*db, createJob(*db, QStringLiteral("j")),
                                  QStringLiteral("trigger, scheduled_for, due_at, status"),
                                  QStringLiteral("'manual', now(), now(), 'succeeded'"));
    QVERIFY(db->query(QStringLiteral("INSERT INTO cronhelm.run_logs (run_id, seq, stream, data) "
                                     "VALUES (%1, 2, 'stderr', E'warning: 🚀\\n'), "
                                     "(%1, 1, 'stdout', E'partial '), "
                                     "(%1, 0, 'system', E'started\\n'), "
                                     "(%1, 3, 'stdout', E'line \"two\"\\n')")
                          .arg(run))
                .ok());
    const CtlResult r =
        runCtlOn(db->conninfo(), {QStringLiteral("runs"), QStringLiteral("log"), run});
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.text(), QStringLiteral("started\npartial warning: 🚀\nline \"two\"\n"));
}

// Output stored with LogText escapes (NUL, bytes that are not UTF-8) comes out as the bytes
// the job printed.
void TestCtlRuns::logKeepsBinaryBytes()
{
    CTL_DATABASE(db, QStringLiteral("cli log binary"));
    const QString run = insertRun(*db, createJob(*db, QStringLiteral("j")),
                                  QStringLiteral("trigger, scheduled_for, due_at, status"),
                                  QStringLiteral("'manual', now(), now(), 'succeeded'"));
    QVERIFY(db->query(QStringLiteral("INSERT INTO cronhelm.run_logs (run_id, seq, stream, data) "
                                     "VALUES (%1, 0, 'stdout', U&'a\\F700b\\F7FFc\\00E9')")
                          .arg(run))
                .ok());
    const CtlResult r =
        runCtlOn(db->conninfo(), {QStringLiteral("runs"), QStringLiteral("log"), run});
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.out, QByteArray("a\0b\377c\xc3\xa9", 7));
}

void TestCtlRuns::logAcrossPages()
{
    CTL_DATABASE(db, QStringLiteral("cli log pages"));
    const QString run = insertRun(*db, createJob(*db, QStringLiteral("j")),
                                  QStringLiteral("trigger, scheduled_for, due_at, status"),
                                  QStringLiteral("'manual', now(), now(), 'succeeded'"));
    QVERIFY(db->query(QStringLiteral("INSERT INTO cronhelm.run_logs (run_id, seq, stream, data) "
                                     "SELECT %1, g, 'stdout', 'line ' || g || E'\\n' "
                                     "FROM generate_series(0, 25006) g")
                          .arg(run))
                .ok());
    const CtlResult r =
        runCtlOn(db->conninfo(), {QStringLiteral("runs"), QStringLiteral("log"), run});
    CTL_EXPECT_EXIT(r, 0);
    const QStringList lines = r.lines();
    QCOMPARE(lines.size(), 25007);
    QCOMPARE(lines.first(), QStringLiteral("line 0"));
    QCOMPARE(lines.at(10000), QStringLiteral("line 10000"));
    QCOMPARE(lines.last(), QStringLiteral("line 25006"));
}

void TestCtlRuns::logFollowUntilFinished()
{
    CTL_DATABASE(db, QStringLiteral("cli log follow"));
    const QString run =
        insertRun(*db, createJob(*db, QStringLiteral("j")),
                  QStringLiteral("trigger, scheduled_for, due_at, started_at, status"),
                  QStringLiteral("'manual', now(), now(), now(), 'running'"));
    QVERIFY(db->query(QStringLiteral("INSERT INTO cronhelm.run_logs (run_id, seq, stream, data) "
                                     "VALUES (%1, 0, 'stdout', E'first\\n')")
                          .arg(run))
                .ok());
    QProcess follow;
    follow.setProcessEnvironment(cleanEnvironment());
    follow.start(ctlPath(),
                 {QStringLiteral("runs"), QStringLiteral("log"), run, QStringLiteral("--follow"),
                  QStringLiteral("--interval"), QStringLiteral("100"), QStringLiteral("--db"),
                  db->conninfo()});
    QVERIFY(follow.waitForStarted());
    QByteArray out;
    QDeadlineTimer deadline(15000);
    while (!out.contains("first\n") && !deadline.hasExpired() && follow.waitForReadyRead(1000))
        out += follow.readAllStandardOutput();
    QCOMPARE(out, QByteArray("first\n"));
    // Still following: the run has not finished.
    QVERIFY(!follow.waitForFinished(400));
    QCOMPARE(follow.state(), QProcess::Running);

    QVERIFY(db->query(QStringLiteral("INSERT INTO cronhelm.run_logs (run_id, seq, stream, data) "
                                     "VALUES (%1, 1, 'stdout', E'second\\n')")
                          .arg(run))
                .ok());
    QVERIFY(db->query(QStringLiteral("UPDATE cronhelm.runs SET status = 'succeeded', "
                                     "finished_at = now() WHERE id = %1")
                          .arg(run))
                .ok());
    QVERIFY2(follow.waitForFinished(15000),
             "runs log --follow did not stop after the run finished");
    out += follow.readAllStandardOutput();
    QCOMPARE(follow.exitCode(), 0);
    QCOMPARE(out, QByteArray("first\nsecond\n"));
}

void TestCtlRuns::cancel()
{
    CTL_DATABASE(db, QStringLiteral("cli cancel"));
    const QString job = createJob(*db, QStringLiteral("j"));
    const QString cols = QStringLiteral("trigger, scheduled_for, due_at, status");
    const QString queued =
        insertRun(*db, job, cols, QStringLiteral("'manual', now(), now(), 'queued'"));
    const QString running =
        insertRun(*db, job, cols, QStringLiteral("'manual', now(), now(), 'running'"));
    const QString done =
        insertRun(*db, job, cols, QStringLiteral("'manual', now(), now(), 'succeeded'"));

    Cronhelm::Result<QString> viewer = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    QVERIFY(viewer.ok());
    CTL_EXPECT_EXIT(runCtlOn(db->conninfoAs(*viewer),
                             {QStringLiteral("runs"), QStringLiteral("cancel"), queued}),
                    3);

    CtlResult r =
        runCtlOn(db->conninfo(), {QStringLiteral("runs"), QStringLiteral("cancel"), queued});
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(r.text(), QStringLiteral("run %1 cancelled\n").arg(queued));
    QCOMPARE(
        db->scalar(QStringLiteral("SELECT status FROM cronhelm.runs WHERE id = %1").arg(queued))
            .value(),
        QStringLiteral("cancelled"));

    r = runCtlOn(db->conninfo(), {QStringLiteral("runs"), QStringLiteral("cancel"), running});
    CTL_EXPECT_EXIT(r, 0);
    QVERIFY2(r.text().contains(QLatin1String("being cancelled")), r.describe().constData());
    QCOMPARE(db->scalar(QStringLiteral("SELECT cancel_requested FROM cronhelm.runs WHERE id = %1")
                            .arg(running))
                 .value(),
             QStringLiteral("t"));

    r = runCtlOn(db->conninfo(), {QStringLiteral("runs"), QStringLiteral("cancel"), done});
    CTL_EXPECT_EXIT(r, 5);
    QVERIFY2(r.err.contains(QLatin1String("already finished")), r.describe().constData());
}

QTEST_GUILESS_MAIN(TestCtlRuns)
#include "tst_ctlruns.moc"

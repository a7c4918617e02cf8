// `cronhelmctl runs export --csv`: the header contract, RFC 4180 quoting of awkward job
// names, empty cells for unknown values, UTC instants with milliseconds, the filters, the
// *_local columns in the system zone or --tz, and --output.

#include "ctlrunner.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace Cronhelm::Test;

namespace {

const QStringList contractColumns = {
    QStringLiteral("run_id"),        QStringLiteral("job"),        QStringLiteral("trigger"),
    QStringLiteral("scheduled_for"), QStringLiteral("started_at"), QStringLiteral("finished_at"),
    QStringLiteral("status"),        QStringLiteral("attempt"),    QStringLiteral("node"),
    QStringLiteral("term"),          QStringLiteral("exit_code"),  QStringLiteral("http_status"),
    QStringLiteral("duration_ms")};

const QString awkwardName = QStringLiteral("sync, \"full\"\nsecond line 🚀");

QStringList ctlArgs(std::initializer_list<const char *> words)
{
    QStringList out;
    for (const char *word : words)
        out.append(QString::fromUtf8(word));
    return out;
}

QString sqlText(QString text)
{
    return QStringLiteral("'") + text.replace(QLatin1Char('\''), QStringLiteral("''"))
        + QStringLiteral("'");
}

QString createJob(TestDatabase &db, const QString &name)
{
    return db
        .scalar(QStringLiteral("SELECT cronhelm.create_job(jsonb_build_object('name', %1::text, "
                               "'cron', '@hourly', 'target_type', 'shell', 'target', "
                               "'{\"command\": \"true\"}'::jsonb))")
                    .arg(sqlText(name)))
        .value();
}

// r0: "plain" succeeded with every value; r1: the awkward name, failed over HTTP;
// r2: "plain" queued, nothing known yet. Returns the run ids.
QStringList fillHistory(TestDatabase &db)
{
    const QString plain = createJob(db, QStringLiteral("plain"));
    // Names may no longer hold line breaks, but a store upgraded from before that rule may
    // have them; the CSV must still quote them.
    const QString awkward = createJob(db, QStringLiteral("awkward"));
    db.scalar(QStringLiteral("UPDATE cronhelm.jobs SET name = %1 WHERE id = %2 RETURNING id")
                  .arg(sqlText(awkwardName), awkward))
        .value();
    const QString insert = QStringLiteral(
        "INSERT INTO cronhelm.runs (job_id, trigger, triggered_by, scheduled_for, due_at, "
        "started_at, finished_at, status, attempt, node_id, term, exit_code, http_status, error) "
        "VALUES (%1) RETURNING id");
    QStringList ids;
    const QStringList rows = {
        plain
            + QStringLiteral(", 'schedule', NULL, '2026-01-01T10:00:00.123Z', "
                             "'2026-01-01T10:00:00Z', '2026-01-01T10:00:00.200Z', "
                             "'2026-01-01T10:00:01.700Z', 'succeeded', 1, 'node-a', 7, 0, "
                             "NULL, NULL"),
        awkward
            + QStringLiteral(", 'retry', NULL, '2026-01-02T12:00:00Z', "
                             "'2026-01-02T12:00:30Z', '2026-01-02T12:00:30Z', "
                             "'2026-01-02T12:00:31.005Z', 'failed', 2, 'node-b', 8, NULL, "
                             "503, 'HTTP 503, \"unavailable\"'"),
        plain
            + QStringLiteral(", 'manual', 'bob', '2026-01-03T00:00:00Z', "
                             "'2026-01-03T00:00:00Z', NULL, NULL, 'queued', 1, NULL, NULL, "
                             "NULL, NULL, NULL")};
    for (const QString &values : rows)
        ids.append(db.scalar(insert.arg(values)).value());
    return ids;
}

QStringList column(const QList<QStringList> &records, const QString &name)
{
    const qsizetype index = records.value(0).indexOf(name);
    QStringList values;
    for (qsizetype i = 1; i < records.size(); ++i)
        values.append(records.at(i).value(index));
    return values;
}

} // namespace

class TestCtlExport : public QObject
{
    Q_OBJECT

private slots:
    void headerQuotingAndEmptyCells();
    void filters_data();
    void filters();
    void localColumns_data();
    void localColumns();
    void toFile();
    void emptyHistory();
    void viewerMayExport();
};

void TestCtlExport::headerQuotingAndEmptyCells()
{
    CTL_DATABASE(db, QStringLiteral("cli export"));
    const QStringList ids = fillHistory(*db);
    const CtlResult r = runCtlOn(db->conninfo(), ctlArgs({"runs", "export", "--csv"}));
    CTL_EXPECT_EXIT(r, 0);
    QVERIFY2(r.err.isEmpty(), r.describe().constData());
    QVERIFY2(r.out.startsWith(contractColumns.join(QLatin1Char(',')).toUtf8()),
             r.describe().constData());
    // RFC 4180 quoting of the awkward name: doubled quotes, the comma and line break inside.
    QVERIFY2(r.out.contains("\"sync, \"\"full\"\"\nsecond line 🚀\""), r.describe().constData());

    const QList<QStringList> records = parseCsv(r.out);
    QCOMPARE(records.size(), 4); // header + 3 runs, and no empty records
    QCOMPARE(records.at(0).mid(0, contractColumns.size()), contractColumns);
    for (const QStringList &record : records)
        QCOMPARE(record.size(), records.at(0).size());

    QCOMPARE(column(records, QStringLiteral("run_id")), ids); // oldest first
    QCOMPARE(column(records, QStringLiteral("job")),
             QStringList({QStringLiteral("plain"), awkwardName, QStringLiteral("plain")}));
    QCOMPARE(column(records, QStringLiteral("scheduled_for")),
             QStringList({QStringLiteral("2026-01-01T10:00:00.123Z"),
                          QStringLiteral("2026-01-02T12:00:00.000Z"),
                          QStringLiteral("2026-01-03T00:00:00.000Z")}));
    QCOMPARE(column(records, QStringLiteral("finished_at")),
             QStringList({QStringLiteral("2026-01-01T10:00:01.700Z"),
                          QStringLiteral("2026-01-02T12:00:31.005Z"), QString()}));
    QCOMPARE(column(records, QStringLiteral("trigger")),
             QStringList(
                 {QStringLiteral("schedule"), QStringLiteral("retry"), QStringLiteral("manual")}));
    QCOMPARE(column(records, QStringLiteral("attempt")),
             QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("1")}));
    QCOMPARE(column(records, QStringLiteral("node")),
             QStringList({QStringLiteral("node-a"), QStringLiteral("node-b"), QString()}));
    QCOMPARE(column(records, QStringLiteral("term")),
             QStringList({QStringLiteral("7"), QStringLiteral("8"), QString()}));
    QCOMPARE(column(records, QStringLiteral("exit_code")),
             QStringList({QStringLiteral("0"), QString(), QString()}));
    QCOMPARE(column(records, QStringLiteral("http_status")),
             QStringList({QString(), QStringLiteral("503"), QString()}));
    QCOMPARE(column(records, QStringLiteral("duration_ms")),
             QStringList({QStringLiteral("1500"), QStringLiteral("1005"), QString()}));
    QCOMPARE(column(records, QStringLiteral("error")),
             QStringList({QString(), QStringLiteral("HTTP 503, \"unavailable\""), QString()}));

    // Every instant is UTC ISO-8601 with milliseconds, or empty when unknown.
    static const QRegularExpression iso(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
    for (const char *name : {"scheduled_for", "started_at", "finished_at"}) {
        for (const QString &cell : column(records, QString::fromLatin1(name)))
            QVERIFY2(cell.isEmpty() || iso.match(cell).hasMatch(), qPrintable(cell));
    }
    // Unknown values are empty, unquoted cells.
    QVERIFY2(r.out.contains(",queued,1,,,,,,"), r.describe().constData());
}

void TestCtlExport::filters_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QList<int>>("expected"); // indexes into fillHistory(), oldest first
    QTest::newRow("no filter") << QStringList() << QList<int>{0, 1, 2};
    QTest::newRow("job") << ctlArgs({"--job", "plain"}) << QList<int>{0, 2};
    QTest::newRow("awkward job") << QStringList{QStringLiteral("--job"), awkwardName}
                                 << QList<int>{1};
    QTest::newRow("status") << ctlArgs({"--status", "failed"}) << QList<int>{1};
    QTest::newRow("statuses comma-separated")
        << ctlArgs({"--status", "failed,queued"}) << QList<int>{1, 2};
    QTest::newRow("statuses repeated")
        << ctlArgs({"--status", "succeeded", "--status", "queued"}) << QList<int>{0, 2};
    QTest::newRow("since") << ctlArgs({"--since", "2026-01-02T12:00:00Z"}) << QList<int>{1, 2};
    QTest::newRow("until is exclusive")
        << ctlArgs({"--until", "2026-01-02T12:00:00Z"}) << QList<int>{0};
    QTest::newRow("since and until, fractional")
        << ctlArgs({"--since", "2026-01-01T10:00:00.123Z", "--until", "2026-01-02T12:00:00.001Z"})
        << QList<int>{0, 1};
    QTest::newRow("job and status")
        << ctlArgs({"--job", "plain", "--status", "queued"}) << QList<int>{2};
}

void TestCtlExport::filters()
{
    QFETCH(QStringList, args);
    QFETCH(QList<int>, expected);
    CTL_DATABASE(db, QStringLiteral("cli export filters"));
    const QStringList ids = fillHistory(*db);
    const CtlResult r = runCtlOn(db->conninfo(), ctlArgs({"runs", "export", "--csv"}) + args);
    CTL_EXPECT_EXIT(r, 0);
    QStringList expectedIds;
    for (int index : expected)
        expectedIds.append(ids.at(index));
    const QList<QStringList> records = parseCsv(r.out);
    QCOMPARE(records.value(0).mid(0, contractColumns.size()), contractColumns);
    QCOMPARE(column(records, QStringLiteral("run_id")), expectedIds);
}

void TestCtlExport::localColumns_data()
{
    QTest::addColumn<QString>("systemZone");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("scheduledLocal");
    // 2026-01-01T10:00:00.123Z
    QTest::newRow("system zone") << QStringLiteral("America/New_York") << QStringList()
                                 << QStringLiteral("2026-01-01 05:00:00");
    QTest::newRow("--tz wins") << QStringLiteral("America/New_York")
                               << ctlArgs({"--tz", "Asia/Tokyo"})
                               << QStringLiteral("2026-01-01 19:00:00");
}

void TestCtlExport::localColumns()
{
    QFETCH(QString, systemZone);
    QFETCH(QStringList, args);
    QFETCH(QString, scheduledLocal);
    CTL_DATABASE(db, QStringLiteral("cli export local"));
    fillHistory(*db);
    QProcessEnvironment env = cleanEnvironment();
    env.insert(QStringLiteral("TZ"), systemZone);
    const CtlResult r = runCtl(ctlArgs({"runs", "export", "--csv", "--status", "succeeded"}) + args
                                   + QStringList{QStringLiteral("--db"), db->conninfo()},
                               env);
    CTL_EXPECT_EXIT(r, 0);
    const QList<QStringList> records = parseCsv(r.out);
    QCOMPARE(column(records, QStringLiteral("scheduled_for_local")), QStringList{scheduledLocal});
}

void TestCtlExport::toFile()
{
    CTL_DATABASE(db, QStringLiteral("cli export file"));
    fillHistory(*db);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("runs.csv"));
    const CtlResult toFile = runCtlOn(db->conninfo(),
                                      {QStringLiteral("runs"), QStringLiteral("export"),
                                       QStringLiteral("--csv"), QStringLiteral("--output"), path});
    CTL_EXPECT_EXIT(toFile, 0);
    QVERIFY2(toFile.out.isEmpty(), toFile.describe().constData());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const CtlResult toStdout = runCtlOn(db->conninfo(), ctlArgs({"runs", "export", "--csv"}));
    CTL_EXPECT_EXIT(toStdout, 0);
    QCOMPARE(file.readAll(), toStdout.out);

    // An unwritable place is an error, and leaves nothing behind.
    const QString bad = dir.filePath(QStringLiteral("missing/dir/runs.csv"));
    const CtlResult failed = runCtlOn(db->conninfo(),
                                      {QStringLiteral("runs"), QStringLiteral("export"),
                                       QStringLiteral("--csv"), QStringLiteral("--output"), bad});
    CTL_EXPECT_EXIT(failed, 1);
    QVERIFY(!QFile::exists(bad));
}

void TestCtlExport::emptyHistory()
{
    CTL_DATABASE(db, QStringLiteral("cli export empty"));
    const CtlResult r = runCtlOn(db->conninfo(), ctlArgs({"runs", "export", "--csv"}));
    CTL_EXPECT_EXIT(r, 0);
    const QList<QStringList> records = parseCsv(r.out);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.at(0).mid(0, contractColumns.size()), contractColumns);
}

void TestCtlExport::viewerMayExport()
{
    CTL_DATABASE(db, QStringLiteral("cli export viewer"));
    fillHistory(*db);
    Cronhelm::Result<QString> viewer = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    QVERIFY(viewer.ok());
    const CtlResult r = runCtlOn(db->conninfoAs(*viewer), ctlArgs({"runs", "export", "--csv"}));
    CTL_EXPECT_EXIT(r, 0);
    QCOMPARE(parseCsv(r.out).size(), 4);
}

QTEST_GUILESS_MAIN(TestCtlExport)
#include "tst_ctlexport.moc"

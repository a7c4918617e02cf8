#include "uitestsupport.h"

#include <runhistorymodel.h>
#include <store/historyquery.h>
#include <storeclient.h>

#include <QAbstractItemModelTester>
#include <QSet>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class TestRunHistoryModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pagesThroughEverything();
    void sortsOnTheServer_data();
    void sortsOnTheServer();
    void filtersOnTheServer_data();
    void filtersOnTheServer();
    void liveRunsAppearAndUpdate();

private:
    // One database with fixed history for the read-only tests.
    std::unique_ptr<TestDatabase> m_db;
    qint64 m_jobA = 0;
    qint64 m_jobB = 0;
};

namespace {

// Loads every page; returns the run ids in the model's order.
QList<qint64> loadAll(RunHistoryModel &model)
{
    QSignalSpy pages(&model, &RunHistoryModel::pageLoaded);
    if (!model.isComplete() && model.rowCount() == 0 && !pages.wait(5000))
        return {};
    // QAbstractItemModelTester fetches more by itself now and then; either way, wait for
    // each page until the last one arrived.
    while (!model.isComplete()) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        if (!pages.wait(5000))
            return {};
    }
    QList<qint64> ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.append(model.index(r, 0).data(RunHistoryModel::RunIdRole).toLongLong());
    return ids;
}

QList<qint64> idsFrom(TestDatabase &db, const QString &sql)
{
    QList<qint64> ids;
    Result<QList<QStringList>> rows = db.query(sql);
    if (rows) {
        for (const QStringList &row : *rows)
            ids.append(row.first().toLongLong());
    }
    return ids;
}

} // namespace

void TestRunHistoryModel::initTestCase()
{
    prepareGuiTestEnvironment();
    auto db = TestDatabase::create(QStringLiteral("history"));
    QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
    m_db = std::move(db).value();
    m_jobA = createJob(*m_db, httpJobSpec(QStringLiteral("alpha")));
    m_jobB = createJob(*m_db, httpJobSpec(QStringLiteral("beta")));
    QVERIFY(m_jobA && m_jobB);
    // 450 runs with many ties in every sort key, so keyset paging must break them right.
    CH_VERIFY_OK(m_db->query(
        QStringLiteral(
            "INSERT INTO cronhelm.runs (job_id, trigger, triggered_by, scheduled_for, due_at,"
            " started_at, finished_at, status, node_id, term, attempt)"
            " SELECT CASE WHEN g % 3 = 0 THEN %2 ELSE %1 END,"
            "        CASE WHEN g % 10 = 0 THEN 'manual' ELSE 'schedule' END,"
            "        CASE WHEN g % 10 = 0 THEN 'maria' END,"
            "        timestamptz '2026-01-01 00:00Z' + (g / 5) * interval '1 hour',"
            "        timestamptz '2026-01-01 00:00Z' + (g / 5) * interval '1 hour',"
            "        CASE WHEN g % 50 = 0 THEN NULL"
            "             ELSE timestamptz '2026-01-01 00:00Z' + (g / 5) * interval '1 hour' END,"
            "        CASE WHEN g % 25 = 0 THEN NULL"
            "             ELSE timestamptz '2026-01-01 00:00Z' + (g / 5) * interval '1 hour'"
            "                  + (g % 7) * interval '1 second' END,"
            "        CASE WHEN g % 50 = 0 THEN 'queued' WHEN g % 25 = 0 THEN 'running'"
            "             WHEN g % 11 = 0 THEN 'failed' WHEN g % 17 = 0 THEN 'timed_out'"
            "             ELSE 'succeeded' END, 'n1', 1, 1 + g % 5"
            " FROM generate_series(1, 450) g")
            .arg(m_jobA)
            .arg(m_jobB)));
}

void TestRunHistoryModel::cleanupTestCase()
{
    m_db.reset();
}

void TestRunHistoryModel::pagesThroughEverything()
{
    StoreClient client;
    RunHistoryModel model(&client);
    model.setPageSize(100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &RunHistoryModel::pageLoaded);
    QVERIFY(connectClient(client, m_db->conninfo()));
    QVERIFY(pages.wait(5000));
    QVERIFY(model.rowCount() >= 100); // the tester may have asked for more already
    QVERIFY(!model.isComplete());
    const QList<qint64> ids = loadAll(model);
    QCOMPARE(ids.size(), 450);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(model.isComplete());
    QCOMPARE(ids, idsFrom(*m_db, QStringLiteral("SELECT id FROM cronhelm.runs ORDER BY id DESC")));
}

void TestRunHistoryModel::sortsOnTheServer_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QString>("sql");
    QTest::newRow("run ascending")
        << int(RunHistoryModel::Run) << Qt::AscendingOrder << "ORDER BY run_id";
    QTest::newRow("duration descending") << int(RunHistoryModel::Duration) << Qt::DescendingOrder
                                         << "ORDER BY coalesce(duration_ms, -1) DESC, run_id DESC";
    QTest::newRow("duration ascending") << int(RunHistoryModel::Duration) << Qt::AscendingOrder
                                        << "ORDER BY coalesce(duration_ms, -1), run_id";
    QTest::newRow("scheduled descending") << int(RunHistoryModel::Scheduled) << Qt::DescendingOrder
                                          << "ORDER BY scheduled_for DESC, run_id DESC";
    QTest::newRow("status ascending")
        << int(RunHistoryModel::Status) << Qt::AscendingOrder << "ORDER BY status, run_id";
}

void TestRunHistoryModel::sortsOnTheServer()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QString, sql);
    StoreClient client;
    RunHistoryModel model(&client);
    model.setPageSize(37); // page ends fall inside runs of equal keys
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &RunHistoryModel::pageLoaded);
    QVERIFY(connectClient(client, m_db->conninfo()));
    QVERIFY(pages.wait(5000));
    model.sort(column, order);
    QCOMPARE(model.sortColumn(), column);
    const QList<qint64> ids = loadAll(model);
    QCOMPARE(ids, idsFrom(*m_db, QStringLiteral("SELECT run_id FROM cronhelm.run_history ") + sql));
    // Columns without an index are not sorted (and the order stays).
    model.sort(RunHistoryModel::Node, Qt::AscendingOrder);
    QCOMPARE(model.sortColumn(), column);
}

void TestRunHistoryModel::filtersOnTheServer_data()
{
    QTest::addColumn<QString>("filterName");
    QTest::addColumn<QString>("where");
    QTest::newRow("problems only") << "problems"
                                   << "status IN ('failed','timed_out','abandoned')";
    QTest::newRow("one status") << "running"
                                << "status = 'running'";
    QTest::newRow("manual trigger") << "manual"
                                    << "trigger = 'manual'";
    QTest::newRow("one job") << "job"
                             << "job = 'beta'";
    QTest::newRow("date range")
        << "range"
        << "scheduled_for >= '2026-01-02 00:00Z' AND scheduled_for < '2026-01-03 00:00Z'";
    QTest::newRow("job and problems")
        << "job+problems"
        << "job = 'beta' AND status IN ('failed','timed_out','abandoned')";
}

void TestRunHistoryModel::filtersOnTheServer()
{
    QFETCH(QString, filterName);
    QFETCH(QString, where);
    RunFilter filter;
    if (filterName.contains(QLatin1String("problems")))
        filter.statuses = problemStatuses();
    if (filterName == QLatin1String("running"))
        filter.statuses = {RunStatus::Running};
    if (filterName == QLatin1String("manual"))
        filter.triggers = {RunTrigger::Manual};
    if (filterName.startsWith(QLatin1String("job")))
        filter.jobId = m_jobB;
    if (filterName == QLatin1String("range")) {
        filter.since = QDateTime(QDate(2026, 1, 2), QTime(0, 0), Qt::UTC);
        filter.until = QDateTime(QDate(2026, 1, 3), QTime(0, 0), Qt::UTC);
    }
    StoreClient client;
    RunHistoryModel model(&client);
    model.setPageSize(50);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &RunHistoryModel::pageLoaded);
    QVERIFY(connectClient(client, m_db->conninfo()));
    QVERIFY(pages.wait(5000));
    model.setFilter(filter);
    QVERIFY(pages.wait(5000));
    const QList<qint64> ids = loadAll(model);
    const QList<qint64> expected = idsFrom(
        *m_db,
        QStringLiteral("SELECT run_id FROM cronhelm.run_history WHERE %1 ORDER BY run_id DESC")
            .arg(where));
    QVERIFY(!expected.isEmpty());
    QCOMPARE(ids, expected);
}

void TestRunHistoryModel::liveRunsAppearAndUpdate()
{
    CH_DATABASE(db);
    const qint64 job = createJob(*db, httpJobSpec(QStringLiteral("live")));
    const qint64 other = createJob(*db, httpJobSpec(QStringLiteral("other")));
    StoreClient client;
    RunHistoryModel model(&client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &RunHistoryModel::pageLoaded);
    QVERIFY(connectClient(client, db->conninfo()));
    QVERIFY(pages.wait(5000));
    RunFilter onlyLive;
    onlyLive.jobId = job;
    model.setFilter(onlyLive);
    QVERIFY(pages.wait(5000));
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    FakeNode node(*db);
    QVERIFY(node.start());
    const qint64 first = node.fire(job);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 1000);
    QCOMPARE(model.index(0, RunHistoryModel::Status).data().toString(), QStringLiteral("Running"));
    QVERIFY(node.fire(other)); // another job's run stays out
    Result<QString> manual = db->scalar(QStringLiteral("SELECT cronhelm.run_now(%1)").arg(job));
    CH_VERIFY_OK(manual);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 1000);
    QCOMPARE(model.index(0, 0).data(RunHistoryModel::RunIdRole).toLongLong(), manual->toLongLong());
    QCOMPARE(model.index(0, RunHistoryModel::Status).data().toString(), QStringLiteral("Queued"));
    // No node can take it: the executor records why, and the history says so.
    CH_VERIFY_OK(db->query(QStringLiteral("UPDATE cronhelm.runs SET wait_reason = 'waiting for "
                                          "a free slot on any node, 30 of 30 busy' WHERE id = %1; "
                                          "SELECT pg_notify('cronhelm_runs', '%2,%1,queued')")
                               .arg(*manual)
                               .arg(job)));
    QTRY_VERIFY_WITH_TIMEOUT(model.index(0, RunHistoryModel::Outcome)
                                 .data()
                                 .toString()
                                 .contains(QLatin1String("30 of 30 busy")),
                             2000);
    QVERIFY(model.index(0, RunHistoryModel::Outcome)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QLatin1String("waiting for a free slot")));
    QVERIFY(node.finish(first, QStringLiteral("failed"), 2));
    QTRY_COMPARE_WITH_TIMEOUT(model.index(1, RunHistoryModel::Status).data().toString(),
                              QStringLiteral("Failed"), 1000);
    QVERIFY(model.index(1, RunHistoryModel::Outcome)
                .data()
                .toString()
                .contains(QLatin1String("exit code 2")));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(resets.count(), 0);
}

QTEST_MAIN(TestRunHistoryModel)
#include "tst_runhistorymodel.moc"

#include "uitestsupport.h"

#include <clustermodel.h>
#include <clusterview.h>
#include <connectionstatus.h>
#include <csvexporter.h>
#include <durationchart.h>
#include <jobchangesmodel.h>
#include <jobdetailpane.h>
#include <jobsmodel.h>
#include <messagebar.h>
#include <runhistorymodel.h>
#include <storeclient.h>
#include <traynotifier.h>
#include <upcomingmodel.h>

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QWidget>

#include <pqxx/pqxx>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class TestViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { prepareGuiTestEnvironment(); }
    void upcomingMarksDstAndOneOffs();
    void upcomingCountsEverySecondJobs();
    void upcomingModelFollowsJobs();
    void upcomingNeverWaitsOnTheGuiThread();
    void clusterShowsExecutorAndLease();
    void clusterAndJobsSayWhenTheyAreStale();
    void leadershipFollowsNewTerms();
    void durationChartDrawsRecentRuns();
    void trayNotifiesWatchedFailures();
    void trayIgnoresForgedNotices();
    void csvExportIsAllOrNothing();
};

namespace {

JobRecord cronJob(qint64 id, const QString &name, const QString &cron, const QString &zone)
{
    JobRecord j;
    j.id = id;
    j.spec.name = name;
    j.spec.cron = cron;
    j.spec.timeZone = zone;
    return j;
}

} // namespace

void TestViews::upcomingMarksDstAndOneOffs()
{
    const QDateTime from(QDate(2027, 3, 27), QTime(12, 0), Qt::UTC);
    const QDateTime to = from.addDays(2);
    JobRecord once;
    once.id = 4;
    once.spec.name = QStringLiteral("deploy");
    once.spec.scheduleKind = ScheduleKind::Once;
    once.onceState = OnceState::Pending;
    once.spec.timeZone = QStringLiteral("Europe/Berlin");
    once.spec.onceAt = QDateTime(QDate(2027, 3, 28), QTime(8, 0), Qt::UTC);
    JobRecord paused =
        cronJob(5, QStringLiteral("paused"), QStringLiteral("0 * * * *"), QStringLiteral("UTC"));
    paused.spec.enabled = false;
    const QList<UpcomingEntry> entries = UpcomingModel::compute(
        {cronJob(1, QStringLiteral("nightly"), QStringLiteral("30 2 * * *"),
                 QStringLiteral("Europe/Berlin")),
         cronJob(2, QStringLiteral("often"), QStringLiteral("*/5 * * * *"), QStringLiteral("UTC")),
         cronJob(3, QStringLiteral("broken"), QStringLiteral("not cron"), QStringLiteral("UTC")),
         once, paused},
        from, to);

    QList<UpcomingEntry> nightly, transitions, oneOffs, frequent;
    for (const UpcomingEntry &e : entries) {
        QVERIFY(e.at >= from && e.at < to);
        if (e.kind == UpcomingEntry::Kind::Transition)
            transitions.append(e);
        else if (e.kind == UpcomingEntry::Kind::OneOff)
            oneOffs.append(e);
        else if (e.kind == UpcomingEntry::Kind::Frequent)
            frequent.append(e);
        else if (e.jobId == 1)
            nightly.append(e);
        QVERIFY(e.jobId != 3 && e.jobId != 5);
    }
    // Berlin springs forward at 01:00 UTC on 28 March 2027.
    QCOMPARE(transitions.size(), 1);
    QCOMPARE(transitions.first().at, QDateTime(QDate(2027, 3, 28), QTime(1, 0), Qt::UTC));
    QCOMPARE(transitions.first().offsetBefore, 3600);
    QCOMPARE(transitions.first().offsetAfter, 7200);
    // 02:30 does not exist that night: the restricted-hour job runs at 03:30 CEST (01:30 UTC).
    QCOMPARE(nightly.size(), 2);
    QCOMPARE(nightly.at(0).at, QDateTime(QDate(2027, 3, 28), QTime(1, 30), Qt::UTC));
    QCOMPARE(oneOffs.size(), 1);
    QCOMPARE(frequent.size(), 1);
    QCOMPARE(frequent.first().count, 2 * 24 * 12);
    // Sorted by time.
    for (qsizetype i = 1; i < entries.size(); ++i)
        QVERIFY(entries.at(i - 1).at <= entries.at(i).at);
}

// A job that fires every second has 86,400 runs in a day: the summary line counts them all
// and ends at the last one, not at a cap a few hours in.
void TestViews::upcomingCountsEverySecondJobs()
{
    const QDateTime from(QDate(2027, 1, 10), QTime(0, 0), Qt::UTC);
    const QList<UpcomingEntry> entries =
        UpcomingModel::compute({cronJob(1, QStringLiteral("pulse"), QStringLiteral("* * * * * *"),
                                        QStringLiteral("Europe/Berlin"))},
                               from, from.addDays(1));
    QCOMPARE(entries.size(), 1);
    const UpcomingEntry &pulse = entries.first();
    QCOMPARE(pulse.kind, UpcomingEntry::Kind::Frequent);
    QCOMPARE(pulse.count, 86400);
    QCOMPARE(pulse.at, from);
    QCOMPARE(pulse.last, from.addDays(1).addSecs(-1));
}

void TestViews::upcomingModelFollowsJobs()
{
    CH_DATABASE(db);
    createJob(
        *db,
        httpJobSpec(QStringLiteral("hourly"), QStringLiteral("0 * * * *"), QStringLiteral("UTC")));
    StoreClient client;
    JobsModel jobs(&client);
    UpcomingModel model(&jobs);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy computed(&model, &UpcomingModel::computed);
    QVERIFY(connectClient(client, db->conninfo()));
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= 24, 5000);
    QCOMPARE(model.index(0, UpcomingModel::Job).data().toString(), QStringLiteral("hourly"));
    model.setWindowHours(24 * 7);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() == 1, 5000); // 168 runs: one summary line
    QVERIFY(model.index(0, UpcomingModel::Note).data().toString().contains(QLatin1String("168")));
}

// Recomputing while a computation runs cancels it instead of waiting for it on the GUI
// thread: ten recomputes in a row cost far less than one computation, and only the last
// one's answer is shown.
void TestViews::upcomingNeverWaitsOnTheGuiThread()
{
    CH_DATABASE(db);
    CH_VERIFY_OK(db->query(QStringLiteral(
        "SELECT cronhelm.create_job(jsonb_build_object('name', 'every minute ' || i, 'cron', "
        "'* * * * *', 'time_zone', 'Europe/Berlin', 'target_type', 'http', 'target', "
        "jsonb_build_object('url', 'http://127.0.0.1:9/'))) FROM generate_series(1, 150) i")));
    StoreClient client;
    JobsModel jobs(&client);
    QVERIFY(connectClient(client, db->conninfo()));
    QTRY_COMPARE_WITH_TIMEOUT(jobs.rowCount(), 150, 10000);
    auto model = std::make_unique<UpcomingModel>(&jobs);
    QAbstractItemModelTester tester(model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy computed(model.get(), &UpcomingModel::computed);
    QTRY_VERIFY_WITH_TIMEOUT(computed.size() >= 1 && model->rowCount() == 150, 10000);

    // One computation over a week: 150 × 10,080 instants.
    QElapsedTimer one;
    one.start();
    computed.clear();
    model->setWindowHours(24 * 7);
    QVERIFY(computed.wait(30000));
    const qint64 oneMs = one.elapsed();
    QVERIFY2(oneMs >= 20, qPrintable(QString::number(oneMs))); // long enough to overlap

    computed.clear();
    QElapsedTimer ten;
    ten.start();
    for (int i = 0; i < 10; ++i)
        model->recompute();
    const qint64 tenMs = ten.elapsed();
    QVERIFY2(tenMs * 2 < oneMs,
             qPrintable(QStringLiteral("10 recomputes took %1 ms, one "
                                       "computation %2 ms")
                            .arg(tenMs)
                            .arg(oneMs)));
    QVERIFY(computed.wait(30000));
    QTest::qWait(oneMs); // a cancelled computation would have answered by now
    QCOMPARE(computed.size(), 1);
    QCOMPARE(model->rowCount(), 150); // one summary line per job
    // Going away mid-computation neither waits nor crashes.
    model->recompute();
    QElapsedTimer gone;
    gone.start();
    model.reset();
    QVERIFY2(gone.elapsed() * 2 < oneMs, qPrintable(QString::number(gone.elapsed())));
}

void TestViews::clusterShowsExecutorAndLease()
{
    CH_DATABASE(db);
    StoreClient client;
    ClusterModel cluster(&client);
    QAbstractItemModelTester tester(&cluster,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    // A view may ask for its rows until the reset begins: they are still the old ones then.
    int rowsSeen = 0;
    QList<int> rowsAtResetStart;
    connect(&cluster, &QAbstractItemModel::modelAboutToBeReset, this,
            [&] { rowsAtResetStart.append(cluster.rowCount()); });
    connect(&cluster, &QAbstractItemModel::modelReset, this,
            [&] { rowsSeen = cluster.rowCount(); });
    ClusterView view(&cluster);
    view.show();
    QVERIFY(connectClient(client, db->conninfo()));
    QTRY_VERIFY_WITH_TIMEOUT(cluster.hasStatus(), 5000);
    QVERIFY(view.executorText().contains(QLatin1String("No executor")));
    QVERIFY(cluster.executorSummary().contains(QLatin1String("No scheduler node")));

    FakeNode node(*db, QStringLiteral("node-a"));
    QVERIFY(node.start());
    CH_VERIFY_OK(db->query(QStringLiteral(
        "SELECT cronhelm.heartbeat('node-b', 'host-b', 7, '0.1.0', now(), now(), 'standby', 0)")));
    QTRY_COMPARE_WITH_TIMEOUT(cluster.rowCount(), 2, 5000);
    QVERIFY(!rowsAtResetStart.isEmpty());
    QCOMPARE(rowsAtResetStart.constFirst(), 0);
    QCOMPARE(rowsAtResetStart.constLast() < 2, true);
    QCOMPARE(rowsSeen, 2);
    QTRY_VERIFY_WITH_TIMEOUT(view.executorText().contains(QLatin1String("node-a")), 3000);
    QCOMPARE(cluster.index(0, ClusterModel::Node).data().toString(), QStringLiteral("node-a"));
    QCOMPARE(cluster.index(0, ClusterModel::Role).data().toString(), QStringLiteral("Executor"));
    QCOMPARE(cluster.index(1, ClusterModel::Role).data().toString(), QStringLiteral("Worker"));
    QCOMPARE(cluster.index(1, ClusterModel::Load).data().toString(), QStringLiteral("0 / 256"));
    QCOMPARE(cluster.slotsSummary(), QStringLiteral("2 nodes · 0 of 512 slots busy"));
    // The lease counts down between refreshes (60 s lease).
    const QString before = view.leaseText();
    QVERIFY2(before.contains(QLatin1String("expires in")), qPrintable(before));
    const qint64 left = *cluster.leaseRemainingMs();
    QVERIFY(left > 50000 && left <= 60000);
    QTest::qWait(500);
    QVERIFY(*cluster.leaseRemainingMs() < left);
    QTRY_VERIFY_WITH_TIMEOUT(view.leaseText() != before, 1000);
    QCOMPARE(cluster.recentChanges().size(), 1);
    QCOMPARE(cluster.executorSummary(), QStringLiteral("Executor: node-a (term 1)"));
}

// A refresh the store refuses leaves the last picture on screen, marked as such; the next
// good refresh clears the mark. A job change that cannot be read is reported, not dropped.
void TestViews::clusterAndJobsSayWhenTheyAreStale()
{
    CH_DATABASE(db);
    const qint64 job = createJob(*db, httpJobSpec(QStringLiteral("report")));
    QVERIFY(job > 0);
    Result<QString> login = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    QVERIFY2(login.ok(), qPrintable(login.errorMessage()));
    FakeNode node(*db, QStringLiteral("node-a"));
    QVERIFY(node.start());
    StoreClient client;
    ClusterModel cluster(&client);
    QAbstractItemModelTester tester(&cluster,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    JobsModel jobs(&client);
    ClusterView view(&cluster);
    view.show();
    ConnectionStatus status(&client, &cluster);
    JobDetailPane pane(&client, &jobs);
    QVERIFY(connectClient(client, db->conninfoAs(*login)));
    QTRY_VERIFY_WITH_TIMEOUT(cluster.hasStatus(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(jobs.rowCount(), 1, 5000);
    QCOMPARE(cluster.rowCount(), 1);
    QVERIFY(view.staleText().isEmpty());
    QVERIFY2(status.executorText().contains(QLatin1String("node-a")),
             qPrintable(status.executorText()));
    QSignalSpy changesLoaded(pane.changes(), &JobChangesModel::loaded);
    pane.showJob(job);
    QVERIFY(changesLoaded.wait(5000));
    QVERIFY(pane.messageBar()->text().isEmpty());

    QSignalSpy failed(&cluster, &ClusterModel::refreshFailed);
    QSignalSpy jobsFailed(&jobs, &JobsModel::loadFailed);
    CH_VERIFY_OK(db->query(QStringLiteral("REVOKE cronhelm_viewer FROM %1").arg(*login)));
    cluster.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 5000);
    QVERIFY2(view.staleText().contains(QLatin1String("could not be refreshed")),
             qPrintable(view.staleText()));
    QCOMPARE(cluster.rowCount(), 1); // what was known stays
    QCOMPARE(cluster.index(0, ClusterModel::Node).data().toString(), QStringLiteral("node-a"));
    // The status bar keeps the executor it knew, marked as not current.
    QVERIFY2(status.executorText().contains(QLatin1String("node-a"))
                 && status.executorText().contains(QLatin1String("as of")),
             qPrintable(status.executorText()));
    QVERIFY2(status.executorToolTip().contains(QLatin1String("could not be refreshed")),
             qPrintable(status.executorToolTip()));
    // The node now looks overdue to the model (its heartbeats cannot be read): it asks again
    // at the poll's pace (5 s), not on every tick of the clock (5 times in 6 s before), while
    // the store refuses.
    view.hide(); // the view polls every 2 s while shown
    failed.clear();
    QTest::qWait(6000);
    QVERIFY2(failed.size() <= 2, qPrintable(QString::number(failed.size())));
    view.show();
    CH_VERIFY_OK(
        db->query(QStringLiteral("SELECT cronhelm.pause_job(%1)").arg(job))); // notifies the app
    QTRY_VERIFY_WITH_TIMEOUT(!jobsFailed.isEmpty(), 5000);
    // The job's recent runs and changes say they could not be read, and offer Reload.
    pane.runs()->reload();
    pane.changes()->reload();
    QTRY_VERIFY_WITH_TIMEOUT(
        pane.messageBar()->text().contains(QLatin1String("recent runs and the changes")), 5000);
    QCOMPARE(pane.messageBar()->actionTexts(), QStringList{QStringLiteral("Reload")});

    CH_VERIFY_OK(db->query(QStringLiteral("GRANT cronhelm_viewer TO %1").arg(*login)));
    cluster.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(view.staleText().isEmpty(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!status.executorText().contains(QLatin1String("as of")), 5000);
    QVERIFY(pane.messageBar()->trigger(QStringLiteral("Reload")));
    QTRY_VERIFY_WITH_TIMEOUT(pane.messageBar()->text().isEmpty(), 5000);
}

// The recent executor changes follow new terms: new ones on top, the oldest falling off the
// bottom, and a history that no longer continues the shown one resets; the model stays
// consistent through all of it.
void TestViews::leadershipFollowsNewTerms()
{
    CH_DATABASE(db);
    FakeNode first(*db, QStringLiteral("node-a"));
    QVERIFY(first.start());
    StoreClient client;
    ClusterModel cluster(&client);
    LeadershipModel leadership(&cluster);
    QAbstractItemModelTester tester(&leadership,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(connectClient(client, db->conninfo()));
    QTRY_COMPARE_WITH_TIMEOUT(leadership.rowCount(), 1, 5000);
    QCOMPARE(leadership.index(0, LeadershipModel::Holder).data().toString(),
             QStringLiteral("node-a"));

    QSignalSpy inserted(&leadership, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&leadership, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&leadership, &QAbstractItemModel::modelReset);
    // A second node takes over term after term (each from a session of its own, so the one
    // before is gone); the store keeps the last 20 and the model shows them.
    constexpr int terms = 25;
    for (int term = 2; term <= terms; ++term) {
        const QString node = term % 2 ? QStringLiteral("node-a") : QStringLiteral("node-b");
        QVERIFY(QTest::qWaitFor(
            [&] {
                const Result<QString> got =
                    db->scalar(QStringLiteral("SELECT cronhelm.acquire_lease('%1', 60)").arg(node));
                return got && got->toLongLong() == term;
            },
            5000));
        if (term == 3) // rows arrive on top of what is shown
            QTRY_COMPARE_WITH_TIMEOUT(leadership.rowCount(), 3, 5000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(leadership.index(0, LeadershipModel::Term).data().toInt(), terms,
                              5000);
    QCOMPARE(leadership.rowCount(), 20);
    QCOMPARE(leadership.index(19, LeadershipModel::Term).data().toInt(), terms - 19);
    QCOMPARE(leadership.index(0, LeadershipModel::Holder).data().toString(),
             QStringLiteral("node-a"));
    QVERIFY(!inserted.isEmpty());
    QVERIFY(!removed.isEmpty());
    QCOMPARE(reset.count(), 0);

    // History rewritten under the view (a term gone from the middle): one reset.
    CH_VERIFY_OK(db->query(
        QStringLiteral("DELETE FROM cronhelm.leadership_history WHERE term = %1").arg(terms - 5)));
    cluster.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(reset.count(), 1, 5000);
    QCOMPARE(leadership.rowCount(), 20);
    QCOMPARE(leadership.index(5, LeadershipModel::Term).data().toInt(), terms - 6);
}

void TestViews::durationChartDrawsRecentRuns()
{
    CH_DATABASE(db);
    const qint64 job = createJob(*db, httpJobSpec(QStringLiteral("crm")));
    CH_VERIFY_OK(db->query(
        QStringLiteral(
            "INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, due_at, started_at, "
            "finished_at, status)"
            " SELECT %1, 'schedule', now() - g * interval '1 hour', now() - g * interval '1 hour',"
            " now() - g * interval '1 hour', now() - g * interval '1 hour' + g * interval '1 "
            "second',"
            " CASE WHEN g = 3 THEN 'failed' ELSE 'succeeded' END FROM generate_series(5, 1, -1) g")
            .arg(job)));
    StoreClient client;
    RunHistoryModel runs(&client);
    DurationChart chart;
    chart.setModel(&runs);
    chart.resize(400, 110);
    chart.show();
    QVERIFY(connectClient(client, db->conninfo()));
    QTRY_COMPARE_WITH_TIMEOUT(runs.rowCount(), 5, 3000);
    chart.grab(); // paints
    const QList<DurationChart::Bar> bars = chart.bars();
    QCOMPARE(bars.size(), 5);
    // Oldest first; the oldest ran longest (5 s) and so is the tallest bar.
    QCOMPARE(bars.first().durationMs, 5000);
    QCOMPARE(bars.last().durationMs, 1000);
    QVERIFY(bars.first().rect.height() > bars.last().rect.height());
    QVERIFY(bars.first().rect.left() < bars.last().rect.left());
    QCOMPARE(bars.at(2).status, RunStatus::Failed);
    QSignalSpy clicked(&chart, &DurationChart::runClicked);
    QTest::mouseClick(&chart, Qt::LeftButton, {}, bars.at(2).rect.center().toPoint());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.first().first().toLongLong(), bars.at(2).runId);
}

namespace {

// A tray watching one of two jobs, connected and loaded, after each job ran once: the
// watched one succeeded, the other failed (neither is announced).
struct WatchingTray
{
    explicit WatchingTray(TestDatabase &db)
        : db(db)
        , watched(createJob(db, httpJobSpec(QStringLiteral("watched"))))
        , other(createJob(db, httpJobSpec(QStringLiteral("other"))))
        , jobs(&client)
        , tray(&client, &jobs, &window)
        , notified(&tray, &TrayNotifier::notified)
        , node(db)
    {
        tray.setWatchedJobs({watched});
    }

    bool start()
    {
        QSignalSpy loaded(&jobs, &JobsModel::loaded);
        if (!connectClient(client, db.conninfo()) || !loaded.wait(5000) || !node.start())
            return false;
        okRun = node.fire(watched);
        if (!node.finish(okRun, QStringLiteral("succeeded")))
            return false;
        otherRun = node.fire(other);
        return node.finish(otherRun, QStringLiteral("failed"), 1);
    }

    // The watched job fails (a slot after its success): the run announced.
    qint64 failWatched()
    {
        if (!db.query(QStringLiteral("UPDATE cronhelm.runs SET scheduled_for = scheduled_for - "
                                     "interval '1 minute' WHERE id = %1")
                          .arg(okRun))
                 .ok())
            return 0;
        const qint64 bad = node.fire(watched);
        return node.finish(bad, QStringLiteral("failed"), 3) ? bad : 0;
    }

    TestDatabase &db;
    const qint64 watched;
    const qint64 other;
    StoreClient client;
    JobsModel jobs;
    QWidget window;
    TrayNotifier tray;
    QSignalSpy notified;
    FakeNode node;
    qint64 okRun = 0;
    qint64 otherRun = 0;
};

} // namespace

void TestViews::trayNotifiesWatchedFailures()
{
    CH_DATABASE(db);
    WatchingTray t(*db);
    QVERIFY(t.start());
    const qint64 bad = t.failWatched();
    QVERIFY(bad > 0);
    QVERIFY(t.notified.wait(2000));
    QCOMPARE(t.notified.count(), 1);
    QCOMPARE(t.notified.first().at(2).toLongLong(), bad);
    QVERIFY2(t.notified.first().at(0).toString().contains(QLatin1String("watched")),
             qPrintable(t.notified.first().at(0).toString()));
    QTest::qWait(300);
    QCOMPARE(t.notified.count(), 1);
}

// Any login may NOTIFY: a viewer forges "failed" for a watched job's run that succeeded, and
// for another job's failure under the watched job's id. The tray announces neither; the real
// failure after them is announced, once.
void TestViews::trayIgnoresForgedNotices()
{
    CH_DATABASE(db);
    WatchingTray t(*db);
    QVERIFY(t.start());

    Result<QString> viewer = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    CH_VERIFY_OK(viewer);
    QSignalSpy forged(&t.client, &StoreClient::runChanged);
    try {
        pqxx::connection attacker(db->conninfoAs(*viewer).toStdString());
        pqxx::nontransaction tx(attacker);
        for (const qint64 run : {t.okRun, t.otherRun})
            tx.exec(QStringLiteral("NOTIFY cronhelm_runs, '%1,%2,failed'")
                        .arg(t.watched)
                        .arg(run)
                        .toStdString());
    } catch (const std::exception &e) {
        QFAIL(e.what());
    }
    // Delivered: the second forged notice (sent last) names a pair no real notice does.
    const auto heardForgery = [&] {
        for (const QList<QVariant> &args : std::as_const(forged)) {
            if (args.at(0).toLongLong() == t.watched && args.at(1).toLongLong() == t.otherRun)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(heardForgery(), 5000);

    const qint64 bad = t.failWatched();
    QVERIFY(bad > 0);
    QVERIFY(t.notified.wait(2000));
    QCOMPARE(t.notified.count(), 1);
    QCOMPARE(t.notified.first().at(2).toLongLong(), bad);
}

void TestViews::csvExportIsAllOrNothing()
{
    CH_DATABASE(db);
    const qint64 job = createJob(*db, httpJobSpec(QStringLiteral("crm")));
    CH_VERIFY_OK(db->query(
        QStringLiteral("INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, due_at, status)"
                       " SELECT %1, 'schedule', now() - g * interval '1 minute', now(), 'skipped'"
                       " FROM generate_series(1, 3000) g")
            .arg(job)));
    QTemporaryDir dir;

    // Cancelled: no file at all, not half a file.
    const QString cancelledPath = dir.filePath(QStringLiteral("cancelled.csv"));
    CsvExporter cancelled(db->conninfo());
    QSignalSpy cancelledSpy(&cancelled, &CsvExporter::cancelled);
    cancelled.start(RunFilter(), cancelledPath, QStringLiteral("Europe/Berlin"));
    cancelled.cancel();
    QVERIFY(cancelledSpy.wait(10000));
    QVERIFY(!QFile::exists(cancelledPath));

    // Completed: every row, with the local-time columns in the viewer's zone.
    const QString path = dir.filePath(QStringLiteral("all.csv"));
    CsvExporter exporter(db->conninfo());
    QSignalSpy finished(&exporter, &CsvExporter::finished);
    exporter.start(RunFilter(), path, QStringLiteral("Europe/Berlin"));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toLongLong(), 3000);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3002); // header, rows, and the empty piece after the last newline
    QVERIFY(lines.first().contains("scheduled_for_local"));

    // An unwritable place is a clear failure.
    CsvExporter failing(db->conninfo());
    QSignalSpy failed(&failing, &CsvExporter::failed);
    failing.start(RunFilter(), QStringLiteral("/nonexistent/dir/x.csv"), QStringLiteral("UTC"));
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().first().toString().contains(QLatin1String("cannot be written")));
}

QTEST_MAIN(TestViews)
#include "tst_views.moc"

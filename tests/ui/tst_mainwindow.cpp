#include "uitestsupport.h"

#include <clustermodel.h>
#include <columnsizer.h>
#include <connectionstatus.h>
#include <deletedjobsdialog.h>
#include <displayformat.h>
#include <helpwindows.h>
#include <historyview.h>
#include <jobchangesmodel.h>
#include <jobdetailpane.h>
#include <jobsfilterproxy.h>
#include <jobsmodel.h>
#include <jobsview.h>
#include <logviewer.h>
#include <mainwindow.h>
#include <messagebar.h>
#include <placeholdertableview.h>
#include <runactions.h>
#include <runhistorymodel.h>
#include <store/jobstore.h>
#include <store/runstore.h>
#include <store/storeconnection.h>
#include <storeclient.h>
#include <traynotifier.h>
#include <zonepicker.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QHelpEvent>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QStatusTipEvent>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QToolTip>

using namespace Cronhelm;
using namespace Cronhelm::Test;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { prepareGuiTestEnvironment(); }
    void mirrorsTheRole_data();
    void mirrorsTheRole();
    void explainsAnEmptyJobsTable();
    void runNowShowsTheRunAndItsLog();
    void pausesAndResumes();
    void deletesAfterConfirmation();
    void refusedCallShowsTheReason();
    void filtersHistoryAndExportsCsv();
    void showsReconnectingAndExecutor();
    void statusBarSurvivesHoverAndTitleNamesTheStoreOnce();
    void runStartedBannerGoesByItself();
    void saysInPlainWordsWhenANodeStopsResponding();
    void resultSaysTheExitCodeOnceAndZonesAlike();
    void showsWhatIsFailingAtAGlance();
    void sizesColumnsByContentAndElidesInTheMiddle();
    void runContextMenuActsOnTheRun();
    void helpShowsTheGuideAndTheShortcuts();
    void showsWhoChangedAJobAndRestoresADeletedOne();
};

namespace {

// Right-clicks the row of `runId` in `table` and returns the menu that pops up.
QMenu *openRunMenu(QTableView *table, qint64 runId)
{
    QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, RunHistoryModel::Status);
        if (index.data(RunHistoryModel::RunIdRole).toLongLong() != runId)
            continue;
        const QPoint at = table->visualRect(index).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
        // What the platform sends for a right click (or the Menu key).
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, table->viewport()->mapToGlobal(at));
        QApplication::sendEvent(table->viewport(), &event);
        return qobject_cast<QMenu *>(QApplication::activePopupWidget());
    }
    return nullptr;
}

void clickMenuItem(QMenu *menu, const char *name)
{
    QAction *action = menu->findChild<QAction *>(QLatin1String(name));
    QVERIFY2(action, name);
    QVERIFY2(action->isEnabled(), name);
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
}

} // namespace

namespace {

// A main window connected to `conninfo`, with its jobs loaded.
struct Session
{
    StoreClient client;
    std::unique_ptr<MainWindow> window;

    bool open(const QString &conninfo)
    {
        window = std::make_unique<MainWindow>(&client);
        window->show();
        QSignalSpy loaded(window->jobsModel(), &JobsModel::loaded);
        client.connectTo(conninfo);
        return loaded.wait(10000);
    }
    JobsView *jobs() const { return window->jobsView(); }
};

} // namespace

void TestMainWindow::mirrorsTheRole_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("canRun");
    QTest::addColumn<bool>("canEdit");
    QTest::newRow("viewer") << "cronhelm_viewer" << false << false;
    QTest::newRow("operator") << "cronhelm_operator" << true << false;
    QTest::newRow("admin") << "cronhelm_admin" << true << true;
}

void TestMainWindow::mirrorsTheRole()
{
    QFETCH(QString, role);
    QFETCH(bool, canRun);
    QFETCH(bool, canEdit);
    CH_DATABASE(db);
    const qint64 id = createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    Result<QString> login = db->createLoginRole(role);
    CH_VERIFY_OK(login);
    Session s;
    QVERIFY(s.open(db->conninfoAs(*login)));
    s.jobs()->selectJob(id);
    const JobsView::Actions &a = s.jobs()->actions();
    QCOMPARE(a.runNow->isEnabled(), canRun);
    QCOMPARE(a.pauseResume->isEnabled(), canRun);
    QCOMPARE(a.edit->isEnabled(), canEdit);
    QCOMPARE(a.create->isEnabled(), canEdit);
    QCOMPARE(a.remove->isEnabled(), canEdit);
    if (!canRun)
        QVERIFY2(a.runNow->toolTip().contains(QLatin1String("cronhelm_operator")),
                 qPrintable(a.runNow->toolTip()));
    if (!canEdit)
        QVERIFY2(a.edit->toolTip().contains(QLatin1String("cronhelm_admin")),
                 qPrintable(a.edit->toolTip()));
    QVERIFY(a.refresh->isEnabled());
}

void TestMainWindow::explainsAnEmptyJobsTable()
{
    CH_DATABASE(db);
    Session s;
    QVERIFY(s.open(db->conninfo()));
    auto *table = qobject_cast<PlaceholderTableView *>(s.jobs()->table());
    QVERIFY(table);
    // An empty store tells an administrator how to start.
    QVERIFY2(table->placeholderText().contains(QLatin1String("No jobs yet. Use New Job")),
             qPrintable(table->placeholderText()));

    createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QVERIFY(table->placeholderText().isEmpty());

    auto *filter = s.jobs()->findChild<QLineEdit *>(QStringLiteral("jobsFilter"));
    QVERIFY(filter);
    filter->setText(QStringLiteral("payroll"));
    QTRY_COMPARE(table->model()->rowCount(), 0);
    QCOMPARE(table->placeholderText(), QStringLiteral("No job matches \u201cpayroll\u201d."));

    // A viewer cannot create jobs, so it is not told to.
    CH_DATABASE(empty);
    Result<QString> viewer = empty->createLoginRole(QStringLiteral("cronhelm_viewer"));
    CH_VERIFY_OK(viewer);
    Session v;
    QVERIFY(v.open(empty->conninfoAs(*viewer)));
    auto *viewerTable = qobject_cast<PlaceholderTableView *>(v.jobs()->table());
    QCOMPARE(viewerTable->placeholderText(),
             QStringLiteral("No jobs yet. An administrator can create them."));
}

void TestMainWindow::runNowShowsTheRunAndItsLog()
{
    CH_DATABASE(db);
    const qint64 id = createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    Session s;
    QVERIFY(s.open(db->conninfo()));
    s.jobs()->selectJob(id);
    QCOMPARE(s.window->jobDetail()->jobId(), id);
    QSignalSpy queued(s.jobs(), &JobsView::runQueued);
    s.jobs()->actions().runNow->trigger();
    QVERIFY(queued.wait(5000));
    const qint64 runId = queued.first().at(2).toLongLong();
    MessageBar *bar = s.window->messageBar();
    QVERIFY2(bar->text().contains(QString::number(runId)), qPrintable(bar->text()));
    QCOMPARE(bar->actionTexts(), QStringList{QStringLiteral("Show Log")});

    // The node starts it, as cronhelm-node would.
    FakeNode node(*db);
    QVERIFY(node.start());
    QVERIFY(node.claim(runId));
    QVERIFY(node.log(runId, 1, QStringLiteral("POST https://example.org/hook\n"),
                     QStringLiteral("system")));
    QVERIFY(node.log(runId, 2, QStringLiteral("synced 120 accounts\n")));
    JobsModel *jobs = s.window->jobsModel();
    const int row = jobs->rowOfJob(id);
    QTRY_COMPARE_WITH_TIMEOUT(jobs->index(row, JobsModel::LastResult).data().toString(),
                              QStringLiteral("Running"), 1000);
    RunHistoryModel *recent = s.window->jobDetail()->runs();
    QTRY_COMPARE_WITH_TIMEOUT(recent->rowCount(), 1, 1000);
    QCOMPARE(recent->index(0, RunHistoryModel::Status).data().toString(),
             QStringLiteral("Running"));

    QVERIFY(bar->trigger(QStringLiteral("Show Log")));
    auto *viewer = s.window->findChild<LogViewer *>();
    QVERIFY(viewer);
    QCOMPARE(viewer->runId(), runId);
    QTRY_VERIFY_WITH_TIMEOUT(
        viewer->text()->toPlainText().contains(QLatin1String("synced 120 accounts")), 2000);
    QVERIFY(viewer->isFollowing());
    QVERIFY(node.log(runId, 3, QStringLiteral("synced 240 accounts\n")));
    QTRY_VERIFY_WITH_TIMEOUT(
        viewer->text()->toPlainText().contains(QLatin1String("synced 240 accounts")), 1000);

    QVERIFY(node.finish(runId, QStringLiteral("succeeded")));
    QTRY_COMPARE_WITH_TIMEOUT(recent->index(0, RunHistoryModel::Status).data().toString(),
                              QStringLiteral("Succeeded"), 1000);
    QTRY_COMPARE_WITH_TIMEOUT(jobs->index(row, JobsModel::LastResult).data().toString(),
                              QStringLiteral("Succeeded"), 1000);
    QTRY_VERIFY_WITH_TIMEOUT(viewer->windowTitle().contains(QLatin1String("crm-sync")), 1000);
    // The same run's log opens in the same window.
    QCOMPARE(s.window->openLog(runId), viewer);
}

void TestMainWindow::pausesAndResumes()
{
    CH_DATABASE(db);
    const qint64 id = createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    Session s;
    QVERIFY(s.open(db->conninfo()));
    s.jobs()->selectJob(id);
    QAction *toggle = s.jobs()->actions().pauseResume;
    QCOMPARE(toggle->text(), QStringLiteral("&Pause"));
    toggle->trigger();
    JobsModel *jobs = s.window->jobsModel();
    QTRY_COMPARE_WITH_TIMEOUT(jobs->index(0, JobsModel::State).data().toString(),
                              QStringLiteral("Paused"), 2000);
    QCOMPARE(toggle->text(), QStringLiteral("Res&ume"));
    QCOMPARE(
        db->scalar(
              QStringLiteral("SELECT enabled FROM cronhelm.job_overview WHERE id = %1").arg(id))
            .value(),
        QStringLiteral("f"));
    toggle->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(jobs->index(0, JobsModel::State).data().toString(),
                              QStringLiteral("Active"), 2000);
    // The selection survived both live updates.
    QCOMPARE(s.jobs()->selectedJob()->id, id);
}

void TestMainWindow::deletesAfterConfirmation()
{
    CH_DATABASE(db);
    const qint64 id = createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    createJob(*db, httpJobSpec(QStringLiteral("keep")));
    Session s;
    QVERIFY(s.open(db->conninfo()));
    s.jobs()->selectJob(id);
    QString asked;
    // First answer Cancel, then Delete.
    for (const char *button : {"Cancel", "Delete"}) {
        QTimer::singleShot(200, this, [&asked, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            asked = box->text();
            for (QAbstractButton *b : box->buttons()) {
                if (b->text().remove(QLatin1Char('&')) == QLatin1String(button))
                    b->click();
            }
        });
        s.jobs()->actions().remove->trigger();
        QVERIFY2(asked.contains(QLatin1String("crm-sync")), qPrintable(asked));
        if (qstrcmp(button, "Cancel") == 0) {
            QTest::qWait(300);
            QCOMPARE(s.window->jobsModel()->rowCount(), 2);
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(s.window->jobsModel()->rowCount(), 1, 2000);
    QCOMPARE(
        db->scalar(
              QStringLiteral("SELECT count(*) FROM cronhelm.job_overview WHERE id = %1").arg(id))
            .value(),
        QStringLiteral("0"));
}

void TestMainWindow::refusedCallShowsTheReason()
{
    CH_DATABASE(db);
    const qint64 id = createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    Result<QString> login = db->createLoginRole(QStringLiteral("cronhelm_operator"));
    CH_VERIFY_OK(login);
    Session s;
    QVERIFY(s.open(db->conninfoAs(*login)));
    s.jobs()->selectJob(id);
    QVERIFY(s.jobs()->actions().runNow->isEnabled());
    // The administrator takes the role away while the app is open: the database refuses.
    CH_VERIFY_OK(
        db->query(QStringLiteral("REVOKE cronhelm_operator FROM %1; GRANT cronhelm_viewer TO %1")
                      .arg(*login)));
    s.jobs()->actions().runNow->trigger();
    MessageBar *bar = s.window->messageBar();
    QTRY_VERIFY_WITH_TIMEOUT(bar->type() == MessageBar::Type::Error && !bar->text().isEmpty(),
                             5000);
    QVERIFY2(bar->text().contains(QLatin1String("cronhelm_operator")), qPrintable(bar->text()));
}

void TestMainWindow::filtersHistoryAndExportsCsv()
{
    CH_DATABASE(db);
    const qint64 a = createJob(*db, httpJobSpec(QStringLiteral("alpha")));
    const qint64 b = createJob(*db, httpJobSpec(QStringLiteral("beta")));
    CH_VERIFY_OK(db->query(
        QStringLiteral(
            "INSERT INTO cronhelm.runs (job_id, trigger, scheduled_for, due_at, started_at, "
            "finished_at, status, node_id, error)"
            " SELECT CASE WHEN g % 2 = 0 THEN %1 ELSE %2 END, 'schedule', now() - g * interval '1 "
            "minute',"
            " now() - g * interval '1 minute', now() - g * interval '1 minute', now() - g * "
            "interval '1 minute' + interval '3 s',"
            " CASE WHEN g % 5 = 0 THEN 'failed' ELSE 'succeeded' END, 'n1',"
            " CASE WHEN g % 5 = 0 THEN 'HTTP 500, \"quoted\"' END FROM generate_series(1, 60) g")
            .arg(a)
            .arg(b)));
    Session s;
    QVERIFY(s.open(db->conninfo()));
    HistoryView *history = s.window->historyView();
    RunHistoryModel *model = history->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 60, 3000);

    history->statusFilter()->setCurrentIndex(
        history->statusFilter()->findText(QStringLiteral("Problems only")));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 12, 3000);
    history->jobFilter()->setCurrentIndex(history->jobFilter()->findText(QStringLiteral("beta")));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 6, 3000);
    for (int r = 0; r < model->rowCount(); ++r) {
        QCOMPARE(model->index(r, RunHistoryModel::Job).data().toString(), QStringLiteral("beta"));
        QCOMPARE(model->index(r, RunHistoryModel::Status)
                     .data(RunHistoryModel::StatusRole)
                     .value<RunStatus>(),
                 RunStatus::Failed);
    }

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.csv"));
    history->exportTo(path, CsvExporter::Format::Programs);
    MessageBar *bar = s.window->messageBar();
    QTRY_VERIFY_WITH_TIMEOUT(bar->text().contains(QLatin1String("exported")), 5000);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first().trimmed(), RunStore::csvColumns().join(QLatin1Char(',')).toUtf8());
    QCOMPARE(lines.size() - 2, 6); // header + 6 rows + the empty piece after the last newline
    QVERIFY(lines.at(1).contains(",beta,"));
    QVERIFY(lines.at(1).contains("\"HTTP 500, \"\"quoted\"\"\""));
    QVERIFY(RunStore::csvColumns().contains(QStringLiteral("scheduled_for_local")));
    // Byte for byte what the CLI writes (RunStore::exportCsv).
    {
        StoreConnection connection(db->conninfo());
        RunStore runs(connection);
        QBuffer cli;
        cli.open(QIODevice::WriteOnly);
        CH_VERIFY_OK(runs.exportCsv(history->currentFilter(), cli,
                                    QString::fromUtf8(Display::viewerZone().id()), {}));
        QVERIFY(file.seek(0));
        QCOMPARE(file.readAll(), cli.data());
    }

    // For a spreadsheet (the default): BOM, titles as on screen with the zone, newest
    // first as on screen, local times, formula-like cells neutralised.
    CH_VERIFY_OK(
        db->query(QStringLiteral("UPDATE cronhelm.runs SET error = '=HYPERLINK(\"http://x\",\"y\")'"
                                 " WHERE id = (SELECT max(id) FROM cronhelm.runs WHERE job_id = %1"
                                 " AND status = 'failed')")
                      .arg(b)));
    model->reload();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 6, 3000);
    const QString sheetPath = dir.filePath(QStringLiteral("sheet.csv"));
    bar->clearMessage();
    history->exportTo(sheetPath);
    QTRY_VERIFY_WITH_TIMEOUT(bar->text().contains(QLatin1String("exported")), 5000);
    QFile sheet(sheetPath);
    QVERIFY(sheet.open(QIODevice::ReadOnly));
    const QByteArray bytes = sheet.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList rows =
        QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    const QString zone = Display::zoneName(QString::fromUtf8(Display::viewerZone().id()));
    QCOMPARE(rows.first(),
             QStringLiteral("Run,Job,Status,Started by,Scheduled for (%1),"
                            "Started (%1),Duration,Node,Result")
                 .arg(zone));
    QCOMPARE(rows.size(), 7);
    for (int r = 0; r < model->rowCount(); ++r) {
        const QStringList cells = rows.at(r + 1).split(QLatin1Char(','));
        QCOMPARE(cells.at(0), model->index(r, RunHistoryModel::Run).data().toString());
        QCOMPARE(cells.at(2), model->index(r, RunHistoryModel::Status).data().toString());
        const RunRecord run = model->runAt(r);
        QCOMPARE(cells.at(4),
                 run.scheduledFor.toTimeZone(Display::viewerZone())
                     .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    }
    QVERIFY(rows.at(1).split(QLatin1Char(',')).at(0).toLongLong()
            > rows.at(2).split(QLatin1Char(',')).at(0).toLongLong()); // newest first
    QVERIFY2(rows.at(1).endsWith(QStringLiteral(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")),
             qPrintable(rows.at(1)));
}

void TestMainWindow::showsReconnectingAndExecutor()
{
    CH_DATABASE(db);
    createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    Session s;
    QVERIFY(s.open(db->conninfo()));
    ConnectionStatus *status = s.window->connectionStatus();
    QCOMPARE(status->stateText(), QStringLiteral("Connected"));

    FakeNode node(*db, QStringLiteral("node-fra-1"));
    QVERIFY(node.start());
    QTRY_VERIFY_WITH_TIMEOUT(status->executorText().contains(QLatin1String("node-fra-1")), 3000);

    CH_VERIFY_OK(db->query(QStringLiteral(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'cronhelm'"
        " AND datname = current_database() AND pid <> pg_backend_pid()")));
    QTRY_VERIFY_WITH_TIMEOUT(status->stateText().contains(QLatin1String("Reconnecting")), 3000);
    QVERIFY(!s.jobs()->actions().runNow->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(status->stateText(), QStringLiteral("Connected"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        s.window->messageBar()->text().contains(QLatin1String("Connected again")), 3000);
}

// Hovering a toolbar button shows its status tip; the connection, role and executor stay.
// The platform adds the application name to the title, so the window does not.
void TestMainWindow::statusBarSurvivesHoverAndTitleNamesTheStoreOnce()
{
    CH_DATABASE(db);
    Session s;
    QVERIFY(s.open(db->conninfo()));
    ConnectionStatus *status = s.window->connectionStatus();
    QVERIFY(status->isVisible());
    auto *bar = s.window->findChild<QToolBar *>(QStringLiteral("jobsToolBar"));
    QVERIFY(bar);
    QWidget *newJob = bar->widgetForAction(s.jobs()->actions().create);
    QVERIFY(newJob);
    QTest::mouseMove(newJob);
    QStatusTipEvent tip(QStringLiteral("Creates a job")); // what hovering sends
    QApplication::sendEvent(newJob, &tip);
    QCOMPARE(s.window->statusBar()->currentMessage(), QStringLiteral("Creates a job"));
    QVERIFY(status->isVisible());
    QCOMPARE(status->stateText(), QStringLiteral("Connected"));

    const QString title = s.window->windowTitle();
    QVERIFY2(!title.isEmpty() && !title.contains(QLatin1String("Cronhelm")), qPrintable(title));
}

// "Started as run N" is news, not a question: it goes after a few seconds by itself.
void TestMainWindow::runStartedBannerGoesByItself()
{
    CH_DATABASE(db);
    const qint64 id = createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    Session s;
    QVERIFY(s.open(db->conninfo()));
    s.jobs()->selectJob(id);
    auto *bar = s.window->findChild<QToolBar *>(QStringLiteral("jobsToolBar"));
    QWidget *runNow = bar->widgetForAction(s.jobs()->actions().runNow);
    QVERIFY(runNow && runNow->isEnabled());
    QSignalSpy queued(s.jobs(), &JobsView::runQueued);
    QTest::mouseClick(runNow, Qt::LeftButton);
    QVERIFY(queued.wait(5000));
    MessageBar *messages = s.window->messageBar();
    QVERIFY2(messages->text().contains(QLatin1String("was started as run")),
             qPrintable(messages->text()));
    QElapsedTimer shown;
    shown.start();
    QTRY_VERIFY_WITH_TIMEOUT(messages->text().isEmpty(), 15000);
    QVERIFY(shown.elapsed() >= 7000); // long enough to read
}

// A node killed with -9 shows as not responding after two missed heartbeats, long before
// the store calls it lost; a takeover is announced in plain words, and in the tray when the
// window is minimised. The status bar says where jobs run, without the term.
void TestMainWindow::saysInPlainWordsWhenANodeStopsResponding()
{
    CH_DATABASE(db);
    Session s;
    QVERIFY(s.open(db->conninfo()));
    ConnectionStatus *status = s.window->connectionStatus();
    ClusterModel *cluster = s.window->clusterModel();
    FakeNode nodeA(*db, QStringLiteral("node-a"));
    QVERIFY(nodeA.start());
    QTRY_VERIFY_WITH_TIMEOUT(
        status->executorText().startsWith(QLatin1String("Jobs planned by node-a")), 8000);
    auto *executorLabel = status->findChild<QLabel *>(QStringLiteral("executorLabel"));
    QVERIFY(executorLabel);
    QVERIFY2(executorLabel->toolTip().contains(QLatin1String("term 1")),
             qPrintable(executorLabel->toolTip()));
    QCOMPARE(cluster->index(0, ClusterModel::Role).data().toString(), QStringLiteral("Executor"));

    // node-a's last heartbeat was 3 s ago (two missed at one a second): not responding.
    CH_VERIFY_OK(db->query(
        QStringLiteral("UPDATE cronhelm.nodes SET last_seen = clock_timestamp() - interval '3 s'"
                       " WHERE id = 'node-a'")));
    QTRY_COMPARE_WITH_TIMEOUT(cluster->index(0, ClusterModel::Role).data().toString(),
                              QStringLiteral("Not responding"), 8000);
    QVERIFY(cluster->index(0, ClusterModel::Role)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("Executor")));

    // node-b takes over (node-a's session is gone, as after kill -9).
    const Result<QString> epochA = db->scalar(QStringLiteral(
        "SELECT extract(epoch FROM last_seen) FROM cronhelm.nodes WHERE id = 'node-a'"));
    CH_VERIFY_OK(epochA);
    const QDateTime lastSeenA =
        QDateTime::fromMSecsSinceEpoch(qRound64(epochA->toDouble() * 1000), Qt::UTC);
    QVERIFY(lastSeenA.isValid());
    FakeNode nodeB(*db, QStringLiteral("node-b"));
    QVERIFY(nodeB.start());
    MessageBar *messages = s.window->messageBar();
    const QString expected =
        QStringLiteral("node-b took over running jobs from node-a, which stopped responding at %1.")
            .arg(QLocale().toString(lastSeenA.toTimeZone(Display::viewerZone()).time(),
                                    QStringLiteral("HH:mm:ss")));
    QTRY_COMPARE_WITH_TIMEOUT(messages->text(), expected, 8000);
    QCOMPARE(messages->type(), MessageBar::Type::Warning);
    QVERIFY2(status->executorText().startsWith(QLatin1String("Jobs planned by node-b")),
             qPrintable(status->executorText()));

    // Minimised, the next takeover also reaches the tray (or the window manager).
    QSignalSpy tray(s.window->trayNotifier(), &TrayNotifier::clusterMessageShown);
    s.window->showMinimized();
    CH_VERIFY_OK(db->query(
        QStringLiteral("UPDATE cronhelm.nodes SET last_seen = clock_timestamp() - interval '3 s'"
                       " WHERE id = 'node-b'")));
    QVERIFY(nodeA.start());
    QTRY_COMPARE_WITH_TIMEOUT(tray.size(), 1, 8000);
    QCOMPARE(tray.first().at(0).toString(), QStringLiteral("Jobs now run on node-a"));
    QVERIFY(tray.first().at(1).toString().startsWith(
        QLatin1String("node-a took over running jobs from node-b")));
}

// The node's "exited with code 1" is not repeated after "exit code 1", and the log's header
// keeps "exit code 1" on one line. UTC is "UTC" everywhere, not "Etc/UTC" here and there.
void TestMainWindow::resultSaysTheExitCodeOnceAndZonesAlike()
{
    CH_DATABASE(db);
    const qint64 id = createJob(*db,
                                httpJobSpec(QStringLiteral("nightly"), QStringLiteral("0 7 * * *"),
                                            QStringLiteral("Etc/UTC")));
    FakeNode node(*db);
    QVERIFY(node.start());
    const qint64 runId = node.fire(id);
    QVERIFY(runId > 0); // fired as running
    CH_VERIFY_OK(
        db->query(QStringLiteral("SELECT cronhelm.finish_run('node-test', %1, 'failed', 1, NULL,"
                                 " 'exited with code 1', 100, false)")
                      .arg(runId)));
    Session s;
    QVERIFY(s.open(db->conninfo()));
    JobsModel *jobs = s.window->jobsModel();
    const QModelIndex schedule = jobs->index(jobs->rowOfJob(id), JobsModel::Schedule);
    QVERIFY2(schedule.data().toString().contains(QLatin1String("(UTC)")),
             qPrintable(schedule.data().toString()));
    QVERIFY2(schedule.data(Qt::ToolTipRole).toString().endsWith(QLatin1String(" in UTC")),
             qPrintable(schedule.data(Qt::ToolTipRole).toString()));

    s.jobs()->selectJob(id);
    RunHistoryModel *recent = s.window->jobDetail()->runs();
    QTRY_COMPARE_WITH_TIMEOUT(recent->rowCount(), 1, 5000);
    QCOMPARE(recent->index(0, RunHistoryModel::Outcome).data().toString(),
             QStringLiteral("exit code 1"));

    auto *table = s.window->jobDetail()->findChild<QTableView *>(QStringLiteral("recentRunsTable"));
    QVERIFY(table);
    const QRect cell = table->visualRect(recent->index(0, RunHistoryModel::Status));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    LogViewer *viewer = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((viewer = s.window->findChild<LogViewer *>()) != nullptr, 3000);
    auto *details = viewer->findChild<QLabel *>(QStringLiteral("runDetails"));
    QVERIFY(details);
    QTRY_VERIFY_WITH_TIMEOUT(details->text().contains(QStringLiteral("exit\u00a0code\u00a01")),
                             5000);
    QVERIFY2(!details->text().contains(QLatin1String("exited")), qPrintable(details->text()));

    // The editor's zone field says "UTC" too, and takes the alias typed.
    ZonePicker picker;
    picker.show();
    picker.setZoneId(QStringLiteral("Etc/UTC"));
    QCOMPARE(picker.currentText(), QStringLiteral("UTC"));
    picker.lineEdit()->selectAll();
    QTest::keyClicks(picker.lineEdit(), QStringLiteral("Etc/UTC"));
    QCOMPARE(picker.zoneId(), QStringLiteral("UTC"));
}

// The Jobs tab and the status bar count the failing jobs; a button shows only them and a
// check box puts them on top of any sort.
void TestMainWindow::showsWhatIsFailingAtAGlance()
{
    CH_DATABASE(db);
    FakeNode node(*db);
    QVERIFY(node.start());
    QHash<QString, qint64> ids;
    for (const QString &name : {QStringLiteral("alpha"), QStringLiteral("bravo"),
                                QStringLiteral("charlie"), QStringLiteral("delta")}) {
        ids[name] = createJob(*db, httpJobSpec(name));
        QVERIFY(ids[name] > 0);
    }
    auto finish = [&](const QString &name, const QString &status) {
        const qint64 run = node.fire(ids[name]);
        return run > 0 && node.finish(run, status, status == QLatin1String("failed") ? 2 : 0);
    };
    QVERIFY(finish(QStringLiteral("alpha"), QStringLiteral("succeeded")));
    QVERIFY(finish(QStringLiteral("bravo"), QStringLiteral("failed")));
    QVERIFY(finish(QStringLiteral("delta"), QStringLiteral("failed")));

    Session s;
    QVERIFY(s.open(db->conninfo()));
    QAbstractItemModelTester tester(s.jobs()->proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTabWidget *tabs = s.window->tabs();
    QTRY_COMPARE_WITH_TIMEOUT(tabs->tabText(0), QStringLiteral("&Jobs (2 failing)"), 5000);
    auto *failing = s.window->findChild<QLabel *>(QStringLiteral("failingStatus"));
    QVERIFY(failing && failing->isVisible());
    QVERIFY2(failing->text().contains(QLatin1String("2 failing")), qPrintable(failing->text()));
    QCOMPARE(s.jobs()->failingButton()->text(), QStringLiteral("Failing (2)"));

    QTableView *table = s.jobs()->table();
    auto namesShown = [table] {
        QStringList names;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            names.append(table->model()->index(row, JobsModel::Name).data().toString());
        return names;
    };
    QTest::mouseClick(s.jobs()->failingButton(), Qt::LeftButton);
    QCOMPARE(namesShown(), (QStringList{QStringLiteral("bravo"), QStringLiteral("delta")}));
    QTest::mouseClick(s.jobs()->failingButton(), Qt::LeftButton);
    QCOMPARE(namesShown().size(), 4);

    QCheckBox *first = s.jobs()->failingFirstBox();
    QTest::mouseClick(first, Qt::LeftButton, {}, QPoint(4, first->height() / 2));
    QVERIFY(first->isChecked());
    QCOMPARE(namesShown(),
             (QStringList{QStringLiteral("bravo"), QStringLiteral("delta"), QStringLiteral("alpha"),
                          QStringLiteral("charlie")}));
    // Sorted by name the other way round, failing jobs stay on top.
    QHeaderView *header = table->horizontalHeader();
    QTest::mouseClick(
        header->viewport(), Qt::LeftButton, {},
        QPoint(header->sectionViewportPosition(JobsModel::Name) + 10, header->height() / 2));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(namesShown(),
             (QStringList{QStringLiteral("delta"), QStringLiteral("bravo"),
                          QStringLiteral("charlie"), QStringLiteral("alpha")}));

    // A new success takes a job off the count.
    const Result<QString> again =
        db->scalar(QStringLiteral("SELECT cronhelm.run_now(%1)").arg(ids[QStringLiteral("bravo")]));
    CH_VERIFY_OK(again);
    QVERIFY(node.claim(again->toLongLong()));
    QVERIFY(node.finish(again->toLongLong(), QStringLiteral("succeeded")));
    QTRY_COMPARE_WITH_TIMEOUT(tabs->tabText(0), QStringLiteral("&Jobs (1 failing)"), 5000);
    // The status bar's count opens the failing jobs.
    tabs->setCurrentIndex(1);
    QMetaObject::invokeMethod(failing, "linkActivated", Q_ARG(QString, QStringLiteral("#failing")));
    QCOMPARE(tabs->currentIndex(), 0);
    QVERIFY(s.jobs()->failingButton()->isChecked());
    QCOMPARE(namesShown(), QStringList{QStringLiteral("delta")});
}

// Maximised, spare width goes to the schedule, not to Owner; narrow, the least important
// columns give way first, no header is ever clipped, and a cut text shows in full in its
// tooltip.
void TestMainWindow::sizesColumnsByContentAndElidesInTheMiddle()
{
    CH_DATABASE(db);
    const qint64 id = createJob(*db,
                                httpJobSpec(QStringLiteral("quarterly-ledger-export"),
                                            QStringLiteral("0,15,30,45 6-18 * 1,3,5,7,9,11 1-5")));
    QVERIFY(id > 0);
    Session s;
    QVERIFY(s.open(db->conninfo()));
    QTableView *table = s.jobs()->table();
    QHeaderView *header = table->horizontalHeader();
    const QModelIndex schedule = table->model()->index(0, JobsModel::Schedule);
    const QString scheduleText = schedule.data().toString();
    const int scheduleWidth = table->fontMetrics().horizontalAdvance(scheduleText);

    s.window->resize(1920, 1080);
    QTRY_VERIFY_WITH_TIMEOUT(header->sectionSize(JobsModel::Schedule) > scheduleWidth, 2000);
    QVERIFY(header->sectionSize(JobsModel::Owner) <= 200);
    for (int column = 0; column < JobsModel::ColumnCount; ++column)
        QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column),
                 qPrintable(QStringLiteral("column %1 is clipped").arg(column)));
    auto *delegate = qobject_cast<ElidingDelegate *>(table->itemDelegate());
    QVERIFY(delegate);

    // Short of room at 1280: the long schedule gives way first (it reads cut in the middle);
    // "Never ran" and the next run's date keep what their text needs.
    s.window->resize(1280, 800);
    QTRY_VERIFY_WITH_TIMEOUT(header->sectionSize(JobsModel::Schedule) < scheduleWidth, 2000);
    const QAbstractItemView *view = table;
    for (int column : {int(JobsModel::NextRun), int(JobsModel::LastResult), int(JobsModel::State)})
        QVERIFY2(header->sectionSize(column) >= view->sizeHintForColumn(column),
                 qPrintable(QStringLiteral("column %1 cuts its text").arg(column)));

    // Narrower still: once the schedule is down to its floor, Owner (least important)
    // gives way before Name (most important).
    s.window->resize(640, 600);
    // The window fits a 1,024-px screen (the History filters once kept it 1,089 px wide).
    QTRY_VERIFY2_WITH_TIMEOUT(s.window->width() <= 1024,
                              qPrintable(QString::number(s.window->width())), 2000);
    QTRY_COMPARE_WITH_TIMEOUT(header->sectionSize(JobsModel::Owner),
                              header->sectionSizeHint(JobsModel::Owner), 2000);
    QVERIFY(header->sectionSize(JobsModel::Schedule) < scheduleWidth);
    for (int column = 0; column < JobsModel::ColumnCount; ++column)
        QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column),
                 qPrintable(QStringLiteral("column %1 is clipped").arg(column)));
    QVERIFY(header->sectionSize(JobsModel::Name)
            >= table->fontMetrics().horizontalAdvance(QStringLiteral("quarterly-ledger-export")));

    const QRect cell = table->visualRect(schedule);
    QHelpEvent tip(QEvent::ToolTip, cell.center(), table->viewport()->mapToGlobal(cell.center()));
    QApplication::sendEvent(table->viewport(), &tip);
    QTRY_VERIFY_WITH_TIMEOUT(QToolTip::isVisible(), 2000);
    QVERIFY2(QToolTip::text().contains(scheduleText.toHtmlEscaped()), qPrintable(QToolTip::text()));

    // A column dragged by hand keeps its width.
    // A saved header state (restored at start) is not a drag.
    const QByteArray narrow = s.jobs()->saveHeaderState();
    const int narrowSchedule = header->sectionSize(JobsModel::Schedule);
    s.window->resize(1600, 900);
    QTRY_VERIFY_WITH_TIMEOUT(header->sectionSize(JobsModel::Schedule) > narrowSchedule, 2000);
    s.jobs()->restoreHeaderState(narrow); // resizes every section back
    QVERIFY(!s.jobs()->columnSizer()->userResized());
    s.jobs()->columnSizer()->fit();
    QVERIFY(header->sectionSize(JobsModel::Schedule) > narrowSchedule);
    // Drag Owner's right edge 60 px to the left.
    const int edge = header->sectionViewportPosition(JobsModel::Owner)
        + header->sectionSize(JobsModel::Owner) - 1;
    const int y = header->height() / 2;
    const int before = header->sectionSize(JobsModel::Owner);
    QTest::mousePress(header->viewport(), Qt::LeftButton, {}, QPoint(edge, y));
    QTest::mouseMove(header->viewport(), QPoint(edge - 30, y));
    QTest::mouseMove(header->viewport(), QPoint(edge - 60, y));
    QTest::mouseRelease(header->viewport(), Qt::LeftButton, {}, QPoint(edge - 60, y));
    QVERIFY(s.jobs()->columnSizer()->userResized());
    const int dragged = header->sectionSize(JobsModel::Owner);
    QVERIFY2(dragged < before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(dragged)));
    s.window->resize(1280, 800);
    // A fit runs from a zero timer: let it run (twice, for the resize it follows).
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QCOMPARE(header->sectionSize(JobsModel::Owner), dragged);
}

// Right-click a run in History or in the job's recent runs: run again, cancel while it
// runs, go to its job, copy or save its log.
void TestMainWindow::runContextMenuActsOnTheRun()
{
    CH_DATABASE(db);
    const qint64 id = createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    FakeNode node(*db);
    QVERIFY(node.start());
    const qint64 runId = node.fire(id);
    QVERIFY(runId > 0);
    QVERIFY(node.log(runId, 1, QStringLiteral("synced 120 accounts\n")));
    QVERIFY(node.log(runId, 2, QStringLiteral("synced 240 accounts\n")));
    Session s;
    QVERIFY(s.open(db->conninfo()));
    QTest::keyClick(s.window.get(), Qt::Key_2, Qt::AltModifier);
    QCOMPARE(s.window->tabs()->currentWidget(), s.window->historyView());
    QTableView *history = s.window->historyView()->table();
    QTRY_COMPARE_WITH_TIMEOUT(history->model()->rowCount(), 1, 5000);

    // Cancel, while it runs.
    QMenu *menu = openRunMenu(history, runId);
    QVERIFY(menu);
    clickMenuItem(menu, "cancelRun");
    QTRY_COMPARE_WITH_TIMEOUT(
        *db->scalar(
            QStringLiteral("SELECT cancel_requested FROM cronhelm.runs WHERE id = %1").arg(runId)),
        QStringLiteral("t"), 5000);
    QVERIFY(node.finish(runId, QStringLiteral("cancelled")));
    QTRY_COMPARE_WITH_TIMEOUT(history->model()->index(0, RunHistoryModel::Status).data().toString(),
                              QStringLiteral("Cancelled"), 5000);
    menu = openRunMenu(history, runId);
    QVERIFY(menu);
    QVERIFY(!menu->findChild<QAction *>(QStringLiteral("cancelRun"))->isEnabled());

    // Copy the log.
    QSignalSpy copied(s.window->runActions(), &RunActions::logCopied);
    clickMenuItem(menu, "copyLog");
    QVERIFY(copied.wait(5000));
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("synced 120 accounts\nsynced 240 accounts\n"));

    // Run again.
    QSignalSpy queued(s.window->runActions(), &RunActions::runQueued);
    menu = openRunMenu(history, runId);
    clickMenuItem(menu, "runAgain");
    QVERIFY(queued.wait(5000));
    QCOMPARE(queued.first().at(0).toLongLong(), id);
    QVERIFY2(s.window->messageBar()->text().contains(QLatin1String("was started as run")),
             qPrintable(s.window->messageBar()->text()));

    // Go to the job, then the same menu in its recent runs; save its log.
    menu = openRunMenu(history, runId);
    clickMenuItem(menu, "goToJob");
    QCOMPARE(s.window->tabs()->currentIndex(), 0);
    QCOMPARE(s.jobs()->selectedJob()->id, id);
    QTableView *recent = s.window->jobDetail()->table();
    QTRY_COMPARE_WITH_TIMEOUT(recent->model()->rowCount(), 2, 5000);
    menu = openRunMenu(recent, runId);
    QVERIFY(menu);
    menu->close();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.log"));
    QSignalSpy saved(s.window->runActions(), &RunActions::logSaved);
    s.window->runActions()->saveLog(runId, path); // the file dialog is the platform's
    QVERIFY(saved.wait(5000));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("synced 120 accounts\nsynced 240 accounts\n"));
}

// F1 opens the user guide shipped with the app, offline, with its screenshots; the
// shortcuts dialog lists what the keys really do.
void TestMainWindow::helpShowsTheGuideAndTheShortcuts()
{
    CH_DATABASE(db);
    Session s;
    QVERIFY(s.open(db->conninfo()));
    s.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(s.window.get()));
    QTest::keyClick(s.window.get(), Qt::Key_F1);
    UserGuideWindow *guide = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((guide = s.window->findChild<UserGuideWindow *>()) != nullptr, 2000);
    QVERIFY(guide->isVisible());
    QVERIFY(!UserGuideWindow::guidePath().isEmpty());
    const QString text = guide->browser()->toPlainText();
    QVERIFY2(text.contains(QLatin1String("The jobs list")), qPrintable(text.left(200)));
    const QVariant image = guide->browser()->loadResource(
        QTextDocument::ImageResource, QUrl(QStringLiteral("images/main-window.png")));
    QVERIFY(image.isValid());
    guide->close();

    s.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(s.window.get()));
    QTest::keyClick(s.window.get(), Qt::Key_Slash, Qt::ControlModifier);
    ShortcutsDialog *keys = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((keys = s.window->findChild<ShortcutsDialog *>()) != nullptr, 2000);
    QHash<QString, QString> shortcuts;
    for (int row = 0; row < keys->table()->rowCount(); ++row)
        shortcuts.insert(keys->table()->item(row, 0)->text(), keys->table()->item(row, 1)->text());
    QCOMPARE(shortcuts.value(QStringLiteral("User Guide")), QStringLiteral("F1"));
    QCOMPARE(shortcuts.value(QStringLiteral("Run Now")),
             s.jobs()->actions().runNow->shortcut().toString(QKeySequence::NativeText));
    QCOMPARE(shortcuts.value(QStringLiteral("History")), QStringLiteral("Alt+2"));
}

// The job's Changes tab reads the audit trail: who, when, which fields, old → new, with
// secrets masked. An administrator brings a deleted job back from Job → Deleted Jobs….
void TestMainWindow::showsWhoChangedAJobAndRestoresADeletedOne()
{
    CH_DATABASE(db);
    const qint64 id = createJob(*db, httpJobSpec(QStringLiteral("crm-sync")));
    QVERIFY(id > 0);
    {
        StoreConnection connection(db->conninfo());
        JobStore jobs(connection);
        const QJsonObject target{
            {QStringLiteral("method"), QStringLiteral("POST")},
            {QStringLiteral("url"), QStringLiteral("https://example.org/hook")},
            {QStringLiteral("headers"),
             QJsonObject{{QStringLiteral("Authorization"), QStringLiteral("Bearer s3cr3t")}}}};
        CH_VERIFY_OK(jobs.update(id, 1,
                                 QJsonObject{{QStringLiteral("cron"), QStringLiteral("0 8 * * *")},
                                             {QStringLiteral("target"), target}}));
    }
    Session s;
    QVERIFY(s.open(db->conninfo()));
    JobDetailPane *detail = s.window->jobDetail();
    QAbstractItemModelTester tester(detail->changes(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    s.jobs()->selectJob(id);
    QTabBar *tabBar = detail->tabs()->tabBar();
    QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(1).center());
    QCOMPARE(detail->tabs()->currentWidget(), detail->changesTable());
    JobChangesModel *changes = detail->changes();
    QTRY_COMPARE_WITH_TIMEOUT(changes->rowCount(), 2, 5000);
    QCOMPARE(changes->index(0, JobChangesModel::What).data().toString(), QStringLiteral("Changed"));
    QCOMPARE(changes->index(1, JobChangesModel::What).data().toString(), QStringLiteral("Created"));
    QVERIFY(!changes->index(0, JobChangesModel::Who).data().toString().isEmpty());
    const QString details = changes->index(0, JobChangesModel::Details).data().toString();
    QVERIFY2(details.contains(QStringLiteral("Schedule: */5 * * * * → 0 8 * * *")),
             qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("Header Authorization: (none) → ********")),
             qPrintable(details));
    QVERIFY2(!details.contains(QLatin1String("s3cr3t")), qPrintable(details));
    QVERIFY2(!details.contains(QLatin1String("version")), qPrintable(details));

    // Deleted, then restored by an administrator.
    {
        StoreConnection connection(db->conninfo());
        CH_VERIFY_OK(JobStore(connection).remove(id));
    }
    QTRY_COMPARE_WITH_TIMEOUT(s.window->jobsModel()->rowCount(), 0, 5000);
    auto *deletedAction = s.window->findChild<QAction *>(QStringLiteral("deletedJobsAction"));
    QVERIFY(deletedAction && deletedAction->isEnabled());
    deletedAction->trigger();
    auto *dialog = s.window->findChild<DeletedJobsDialog *>();
    QVERIFY(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->table()->rowCount(), 1, 5000);
    QCOMPARE(dialog->table()->item(0, 0)->text(), QStringLiteral("crm-sync"));
    QVERIFY(!dialog->restoreButton()->isEnabled());
    QTableWidget *table = dialog->table();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(0, 0)).center());
    QVERIFY(dialog->restoreButton()->isEnabled());
    QSignalSpy restored(dialog, &DeletedJobsDialog::restored);
    QTest::mouseClick(dialog->restoreButton(), Qt::LeftButton);
    QVERIFY(restored.wait(5000));
    QVERIFY2(dialog->statusText().contains(QLatin1String("is back, paused")),
             qPrintable(dialog->statusText()));
    QTRY_COMPARE_WITH_TIMEOUT(s.window->jobsModel()->rowCount(), 1, 5000);
    QCOMPARE(s.window->jobsModel()->jobById(id)->spec.enabled, false);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->table()->rowCount(), 0, 5000);
    dialog->close();

    // A viewer may not.
    Result<QString> login = db->createLoginRole(QStringLiteral("cronhelm_viewer"));
    CH_VERIFY_OK(login);
    Session viewer;
    QVERIFY(viewer.open(db->conninfoAs(*login)));
    QVERIFY(!viewer.window->findChild<QAction *>(QStringLiteral("deletedJobsAction"))->isEnabled());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

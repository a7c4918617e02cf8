// The desktop app end to end: the real widgets (main window, job editor, history view, log
// viewer, status bar, cluster view) on the offscreen platform, a real cronhelm-node process
// that runs the jobs, and the harness's real PostgreSQL between them. The test functions
// are one user's session, but each stands on its own: a test that needs a job creates it
// (through the editor, as a user would), and init() puts the window back as a session
// starts (Jobs tab, the history unfiltered, no log open), so any one of them can be run
// alone or in any order.

#include "uitestsupport.h"

#include <nodeprocess.h>
#include <sqlprobe.h>

#include <clustermodel.h>
#include <clusterview.h>
#include <connectionstatus.h>
#include <historyview.h>
#include <jobdetailpane.h>
#include <jobeditor.h>
#include <jobsmodel.h>
#include <jobsview.h>
#include <logviewer.h>
#include <mainwindow.h>
#include <messagebar.h>
#include <runhistorymodel.h>
#include <store/runstore.h>
#include <storeclient.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Cronhelm;
using namespace Cronhelm::Test;

namespace {

// Generous: CI is a shared 2-core machine.
constexpr int kWaitMs = 30000;

const QString kNodeId = QStringLiteral("e2e-node");
// A cron expression that does not fire while the test runs (midnight on 1 January).
const QString kNever = QStringLiteral("0 0 1 1 *");

// RFC 4180: fields separated by commas, quoted when they hold commas, quotes or newlines.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size()
                && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
        } else if (c == QLatin1Char('\n')) {
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
        } else if (c != QLatin1Char('\r')) {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

// The text of a run's row in a history model, in `column` (empty while the run is not there).
QString runCell(const RunHistoryModel *model, qint64 runId, int column, int role = Qt::DisplayRole)
{
    const int row = model->rowOfRun(runId);
    return row < 0 ? QString() : model->index(row, column).data(role).toString();
}

std::optional<RunStatus> runStatus(const RunHistoryModel *model, qint64 runId)
{
    const int row = model->rowOfRun(runId);
    if (row < 0)
        return std::nullopt;
    return model->index(row, RunHistoryModel::Status)
        .data(RunHistoryModel::StatusRole)
        .value<RunStatus>();
}

bool isRed(const QColor &c)
{
    // #da4453, the colour of failures (resources/icons/status-failed.svg, the log viewer).
    return qAbs(c.red() - 0xda) < 24 && qAbs(c.green() - 0x44) < 24 && qAbs(c.blue() - 0x53) < 24;
}

} // namespace

class TestEndToEnd : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void createsAShellJobInTheEditor();
    void runNowShowsTheRunAndItsLiveLog();
    void failedRunShowsItsStatus();
    void showsTheNodeAsExecutor();
    void pauseStopsTheScheduleAndResumeStartsItAgain();
    void exportsTheJobHistoryAsCsv();

private:
    // Opens the editor through the New Job action, types a shell job into it like a user and
    // saves it; sets *id to the new job's id once the jobs table shows it.
    void createShellJob(const QString &name, const QString &command, const QString &cron,
                        qint64 *id);
    // Clicks the job's row in the jobs table.
    void clickJob(qint64 id);
    // Triggers Run now on the selected job; sets *runId to the queued run.
    void runNow(qint64 *runId);
    // The "ticker" job (prints three lines, then waits for the gate), created the first time
    // a test asks for it; 0 when creating it failed.
    qint64 tickerJob();
    // Lets the job gather at least `runs` succeeded scheduled runs, then pauses it through
    // the Pause action and waits until nothing of it is queued or running.
    void letRunThenPause(qint64 job, int runs);
    JobsView *jobsView() const { return m_window->jobsView(); }
    QString jobState(qint64 id) const;
    QString gatePath() const { return m_dir.filePath(QStringLiteral("gate")); }

    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<SqlProbe> m_probe;
    std::unique_ptr<NodeProcess> m_node;
    std::unique_ptr<StoreClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_tickJob = 0;
};

void TestEndToEnd::initTestCase()
{
    prepareGuiTestEnvironment();
    QVERIFY(m_dir.isValid());
    // Two test processes creating their databases at once can race for the cluster-wide
    // roles the schema creates; the loser tries again.
    for (int attempt = 1; !m_db; ++attempt) {
        Result<std::unique_ptr<TestDatabase>> db = TestDatabase::create(QStringLiteral("e2e"));
        if (!db && attempt < 3
            && db.errorMessage().contains(QLatin1String("pg_authid_rolname_index"))) {
            continue;
        }
        QVERIFY2(db.ok(), qPrintable(db.errorMessage()));
        m_db = std::move(db).value();
    }
    m_probe = std::make_unique<SqlProbe>(m_db->conninfo());

    m_node = std::make_unique<NodeProcess>(m_db->conninfo(), kNodeId);
    m_node->setLeaseTtl(10);
    QVERIFY2(m_node->start(), "cannot start cronhelm-node");
    QVERIFY2(m_node->waitForLine(QStringLiteral("executor: term (\\d+): \\d+ jobs loaded"), kWaitMs)
                 .hasMatch(),
             qPrintable(m_node->describeLog()));

    m_client = std::make_unique<StoreClient>();
    m_window = std::make_unique<MainWindow>(m_client.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy loaded(m_window->jobsModel(), &JobsModel::loaded);
    m_client->connectTo(m_db->conninfo());
    QVERIFY(loaded.wait(kWaitMs));
}

// Whatever the test before left: back to the Jobs tab, the history of every job in every
// status and from every trigger, and no log viewer open.
void TestEndToEnd::init()
{
    for (LogViewer *viewer : m_window->findChildren<LogViewer *>())
        viewer->close();
    HistoryView *history = m_window->historyView();
    history->jobFilter()->setCurrentIndex(history->jobFilter()->findData(qint64(0)));
    history->statusFilter()->setCurrentIndex(history->statusFilter()->findData(QString()));
    history->triggerFilter()->setCurrentIndex(history->triggerFilter()->findData(QString()));
    QCOMPARE(history->jobFilter()->currentText(), QStringLiteral("All jobs"));
    m_window->tabs()->setCurrentIndex(0);
    QVERIFY(jobsView()->isVisible());
}

void TestEndToEnd::cleanup()
{
    if (QTest::currentTestFailed() && m_node)
        std::fprintf(stderr, "%s\n", qPrintable(m_node->describeLog(60)));
}

void TestEndToEnd::cleanupTestCase()
{
    // Lets a run still waiting for the gate end, then stops everything before the database
    // is dropped.
    QFile gate(gatePath());
    if (gate.open(QIODevice::WriteOnly))
        gate.close();
    m_window.reset();
    m_client.reset();
    if (m_node) {
        m_node->terminate();
        if (!m_node->waitForExit(15000))
            m_node->kill();
        m_node->waitForExit(5000);
        m_node.reset();
    }
    m_probe.reset();
    m_db.reset();
}

QString TestEndToEnd::jobState(qint64 id) const
{
    JobsModel *jobs = m_window->jobsModel();
    const int row = jobs->rowOfJob(id);
    return row < 0 ? QString() : jobs->index(row, JobsModel::State).data().toString();
}

void TestEndToEnd::createShellJob(const QString &name, const QString &command, const QString &cron,
                                  qint64 *id)
{
    *id = 0;
    m_window->tabs()->setCurrentIndex(0);
    QAction *create = jobsView()->actions().create;
    QVERIFY2(create->isEnabled(), qPrintable(create->toolTip()));
    create->trigger();
    QPointer<JobEditor> editor;
    auto findEditor = [this, &editor] {
        const QList<JobEditor *> editors = m_window->findChildren<JobEditor *>();
        for (JobEditor *e : editors) {
            if (e->isVisible() && e->mode() == JobEditor::Mode::Create)
                editor = e;
        }
        return !editor.isNull();
    };
    QTRY_VERIFY_WITH_TIMEOUT(findEditor(), 5000);
    QVERIFY(QTest::qWaitForWindowExposed(editor));

    auto *tabs = editor->findChild<QTabWidget *>(QStringLiteral("tabs"));
    auto *nameEdit = editor->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    auto *typeCombo = editor->findChild<QComboBox *>(QStringLiteral("targetTypeCombo"));
    auto *commandEdit = editor->findChild<QLineEdit *>(QStringLiteral("commandEdit"));
    auto *cronEdit = editor->findChild<QLineEdit *>(QStringLiteral("cronEdit"));
    auto *buttons = editor->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QVERIFY(tabs && nameEdit && typeCombo && commandEdit && cronEdit && buttons);
    QPushButton *save = buttons->button(QDialogButtonBox::Save);
    QVERIFY(save);

    // General: the name.
    tabs->setCurrentWidget(editor->findChild<QWidget *>(QStringLiteral("generalTab")));
    QTest::keyClicks(nameEdit, name);
    // Target: a shell command.
    tabs->setCurrentWidget(editor->findChild<QWidget *>(QStringLiteral("targetTab")));
    const int shell = typeCombo->findData(QStringLiteral("shell"));
    QVERIFY(shell >= 0);
    typeCombo->setCurrentIndex(shell);
    QTRY_VERIFY(commandEdit->isVisible());
    QTest::keyClicks(commandEdit, command);
    QCOMPARE(commandEdit->text(), command);
    // Schedule: the cron expression, typed over the default.
    tabs->setCurrentWidget(editor->findChild<QWidget *>(QStringLiteral("scheduleTab")));
    cronEdit->setFocus();
    cronEdit->selectAll();
    QTest::keyClicks(cronEdit, cron);
    QCOMPARE(cronEdit->text(), cron);

    // The form validates as the user types (debounced); then Save is enabled.
    QTRY_VERIFY2_WITH_TIMEOUT(editor->problems().isEmpty() && save->isEnabled(),
                              qPrintable(editor->problems().values().join(QLatin1Char(';'))), 5000);
    QSignalSpy saved(editor, &JobEditor::saved);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kWaitMs);
    const qint64 newId = saved.first().first().toLongLong();
    QVERIFY(newId > 0);
    QTRY_VERIFY_WITH_TIMEOUT(editor.isNull() || !editor->isVisible(), 5000);

    // The row arrives by NOTIFY and is selected; the table shows it under its name.
    JobsModel *jobs = m_window->jobsModel();
    QTRY_VERIFY_WITH_TIMEOUT(jobs->rowOfJob(newId) >= 0, kWaitMs);
    QTableView *table = jobsView()->table();
    QStringList names;
    for (int r = 0; r < table->model()->rowCount(); ++r)
        names.append(table->model()->index(r, JobsModel::Name).data().toString());
    QVERIFY2(names.contains(name), qPrintable(names.join(QLatin1Char(','))));
    const std::optional<JobRecord> job = jobs->jobById(newId);
    QVERIFY(job);
    QCOMPARE(job->spec.name, name);
    QCOMPARE(job->spec.target.kind, TargetKind::Shell);
    QCOMPARE(job->spec.target.shell.command, command);
    QCOMPARE(job->spec.cron, cron);
    QVERIFY(job->spec.enabled);
    *id = newId;
}

void TestEndToEnd::clickJob(qint64 id)
{
    m_window->tabs()->setCurrentIndex(0);
    QTableView *table = jobsView()->table();
    const std::optional<JobRecord> job = m_window->jobsModel()->jobById(id);
    QVERIFY(job);
    QModelIndex index;
    for (int r = 0; r < table->model()->rowCount() && !index.isValid(); ++r) {
        const QModelIndex cell = table->model()->index(r, JobsModel::Name);
        if (cell.data().toString() == job->spec.name)
            index = cell;
    }
    QVERIFY2(index.isValid(), qPrintable(job->spec.name));
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    QTRY_VERIFY(jobsView()->selectedJob() && jobsView()->selectedJob()->id == id);
}

void TestEndToEnd::runNow(qint64 *runId)
{
    *runId = 0;
    QAction *run = jobsView()->actions().runNow;
    QVERIFY2(run->isEnabled(), qPrintable(run->toolTip()));
    QSignalSpy queued(jobsView(), &JobsView::runQueued);
    run->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(queued.count(), 1, kWaitMs);
    *runId = queued.first().at(2).toLongLong();
    QVERIFY(*runId > 0);
    MessageBar *bar = m_window->messageBar();
    QVERIFY2(bar->text().contains(QString::number(*runId)), qPrintable(bar->text()));
}

qint64 TestEndToEnd::tickerJob()
{
    if (m_tickJob > 0)
        return m_tickJob;
    // Prints three lines over ~0.6 s, then waits (at most ~60 s) for the test to open the
    // gate before its last line, so the test sees the log while the run is still going.
    const QString command =
        QStringLiteral("for i in 1 2 3; do echo \"tick $i\"; sleep 0.3; done; n=0; "
                       "while [ ! -e '%1' ] && [ $n -lt 1200 ]; do sleep 0.05; n=$((n+1)); "
                       "done; echo finished")
            .arg(gatePath());
    createShellJob(QStringLiteral("ticker"), command, kNever, &m_tickJob);
    return m_tickJob;
}

void TestEndToEnd::letRunThenPause(qint64 job, int runs)
{
    QVERIFY2(m_probe->waitUntil(QStringLiteral("(SELECT count(*) FROM cronhelm.runs WHERE job_id "
                                               "= %1 AND status = 'succeeded') >= %2")
                                    .arg(job)
                                    .arg(runs),
                                kWaitMs, 100),
             qPrintable(m_probe->lastError()));
    clickJob(job);
    QAction *toggle = jobsView()->actions().pauseResume;
    QCOMPARE(toggle->text(), QStringLiteral("&Pause"));
    toggle->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(jobState(job), QStringLiteral("Paused"), kWaitMs);
    QVERIFY2(m_probe->waitUntil(
                 QStringLiteral("(SELECT next_fire_at IS NULL FROM cronhelm.job_state WHERE "
                                "job_id = %1) AND NOT EXISTS (SELECT 1 FROM cronhelm.runs WHERE "
                                "job_id = %1 AND status IN ('queued', 'running'))")
                     .arg(job),
                 kWaitMs, 100),
             qPrintable(m_probe->lastError()));
}

void TestEndToEnd::createsAShellJobInTheEditor()
{
    qint64 job = 0;
    createShellJob(QStringLiteral("nightly backup"), QStringLiteral("echo backing up"),
                   QStringLiteral("0 2 * * *"), &job);
    QVERIFY(job > 0);
    // The editor's new job is the selected one.
    QTRY_VERIFY_WITH_TIMEOUT(jobsView()->selectedJob() && jobsView()->selectedJob()->id == job,
                             kWaitMs);
    QCOMPARE(jobState(job), QStringLiteral("Active"));
}

void TestEndToEnd::runNowShowsTheRunAndItsLiveLog()
{
    const qint64 ticker = tickerJob();
    QVERIFY(ticker > 0);
    // Closed, whoever opened it before: the run waits for the test.
    QVERIFY(!QFile::exists(gatePath()) || QFile::remove(gatePath()));
    clickJob(ticker);
    qint64 run = 0;
    runNow(&run);
    if (QTest::currentTestFailed())
        return;

    // The message bar offers the log.
    QVERIFY(m_window->messageBar()->trigger(QStringLiteral("Show Log")));
    LogViewer *viewer = nullptr;
    for (LogViewer *v : m_window->findChildren<LogViewer *>()) {
        if (v->runId() == run)
            viewer = v;
    }
    QVERIFY(viewer);
    QVERIFY(viewer->isVisible());

    // The History tab shows the run.
    auto *showHistory = m_window->findChild<QAction *>(QStringLiteral("showHistory"));
    QVERIFY(showHistory);
    showHistory->trigger();
    HistoryView *history = m_window->historyView();
    QCOMPARE(m_window->tabs()->currentWidget(), history);
    RunHistoryModel *runs = history->model();
    QTRY_VERIFY_WITH_TIMEOUT(runs->rowOfRun(run) >= 0, kWaitMs);
    QCOMPARE(runCell(runs, run, RunHistoryModel::Job), QStringLiteral("ticker"));

    // While it runs, its output fills the log and the view follows it. (The node's own first
    // line quotes the command, so the output is looked for as whole lines.)
    auto logLines = [viewer] {
        return viewer->text()->toPlainText().split(QLatin1Char('\n'));
    };
    QTRY_VERIFY_WITH_TIMEOUT(logLines().contains(QStringLiteral("tick 3")), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(runCell(runs, run, RunHistoryModel::Status),
                              QStringLiteral("Running"), kWaitMs);
    QVERIFY2(!logLines().contains(QStringLiteral("finished")),
             qPrintable(viewer->text()->toPlainText()));
    QVERIFY(viewer->isFollowing());
    QTRY_COMPARE_WITH_TIMEOUT(
        m_window->jobsModel()
            ->index(m_window->jobsModel()->rowOfJob(ticker), JobsModel::LastResult)
            .data()
            .toString(),
        QStringLiteral("Running"), kWaitMs);

    // Let it finish.
    QFile gate(gatePath());
    QVERIFY(gate.open(QIODevice::WriteOnly));
    gate.close();
    QTRY_VERIFY_WITH_TIMEOUT(logLines().contains(QStringLiteral("finished")), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(runCell(runs, run, RunHistoryModel::Status),
                              QStringLiteral("Succeeded"), kWaitMs);
    QCOMPARE(runStatus(runs, run), RunStatus::Succeeded);
    QCOMPARE(runCell(runs, run, RunHistoryModel::Node), kNodeId);
    // Every line once, in order.
    const QStringList lines = logLines();
    const QStringList output{QStringLiteral("tick 1"), QStringLiteral("tick 2"),
                             QStringLiteral("tick 3"), QStringLiteral("finished")};
    qsizetype previous = -1;
    for (const QString &line : output) {
        QCOMPARE(lines.count(line), 1);
        QVERIFY2(lines.indexOf(line) > previous, qPrintable(lines.join(QLatin1Char('\n'))));
        previous = lines.indexOf(line);
    }
    // The viewer's heading shows the final state.
    auto headingSays = [viewer](const QString &status) {
        const QList<QLabel *> labels = viewer->findChildren<QLabel *>();
        for (const QLabel *label : labels) {
            if (label->text().contains(QLatin1String("ticker")) && label->text().endsWith(status))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(headingSays(QStringLiteral("Succeeded")), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!viewer->isFollowing(), kWaitMs);

    // The jobs table and the job's recent runs agree.
    JobsModel *jobs = m_window->jobsModel();
    QTRY_COMPARE_WITH_TIMEOUT(
        jobs->index(jobs->rowOfJob(ticker), JobsModel::LastResult).data().toString(),
        QStringLiteral("Succeeded"), kWaitMs);
    QCOMPARE(m_window->jobDetail()->jobId(), ticker);
    QTRY_COMPARE_WITH_TIMEOUT(runCell(m_window->jobDetail()->runs(), run, RunHistoryModel::Status),
                              QStringLiteral("Succeeded"), kWaitMs);
    viewer->close();
}

void TestEndToEnd::failedRunShowsItsStatus()
{
    // A succeeded run of its own to tell the icons apart.
    qint64 fine = 0;
    createShellJob(QStringLiteral("exit-zero"), QStringLiteral("true"), kNever, &fine);
    QVERIFY(fine > 0);
    clickJob(fine);
    qint64 reference = 0;
    runNow(&reference);
    if (QTest::currentTestFailed())
        return;

    qint64 job = 0;
    createShellJob(QStringLiteral("exit-three"), QStringLiteral("echo 'about to fail' >&2; exit 3"),
                   kNever, &job);
    QVERIFY(job > 0);
    clickJob(job);
    qint64 run = 0;
    runNow(&run);
    if (QTest::currentTestFailed())
        return;

    RunHistoryModel *runs = m_window->historyView()->model();
    QTRY_COMPARE_WITH_TIMEOUT(runCell(runs, run, RunHistoryModel::Status), QStringLiteral("Failed"),
                              kWaitMs);
    QCOMPARE(runStatus(runs, run), RunStatus::Failed);
    QTRY_COMPARE_WITH_TIMEOUT(runStatus(runs, reference), RunStatus::Succeeded, kWaitMs);
    const QString outcome = runCell(runs, run, RunHistoryModel::Outcome);
    QVERIFY2(outcome.contains(QLatin1String("exit code 3")), qPrintable(outcome));

    // The status cell's icon is the red one, and differs from a succeeded run's.
    auto iconColour = [runs](qint64 runId) {
        const int row = runs->rowOfRun(runId);
        const auto icon = qvariant_cast<QIcon>(
            runs->index(row, RunHistoryModel::Status).data(Qt::DecorationRole));
        const QImage image = icon.pixmap(16, 16).toImage();
        // Inside the circle, clear of the mark drawn on it.
        return image.isNull() ? QColor() : image.pixelColor(8, 2);
    };
    const QColor failed = iconColour(run);
    QVERIFY2(isRed(failed), qPrintable(failed.name()));
    const QColor succeeded = iconColour(reference);
    QVERIFY2(succeeded.isValid() && !isRed(succeeded), qPrintable(succeeded.name()));

    // Its log shows what it wrote to stderr, in red.
    QTRY_COMPARE_WITH_TIMEOUT(
        m_window->jobsModel()
            ->index(m_window->jobsModel()->rowOfJob(job), JobsModel::LastResult)
            .data()
            .toString(),
        QStringLiteral("Failed"), kWaitMs);
    LogViewer *viewer = m_window->openLog(run);
    QVERIFY(viewer);
    // (The node's first line quotes the command: the output is the line on its own.)
    QTRY_VERIFY_WITH_TIMEOUT(viewer->text()
                                 ->toPlainText()
                                 .split(QLatin1Char('\n'))
                                 .contains(QStringLiteral("about to fail")),
                             kWaitMs);
    QTextBlock block = viewer->text()->document()->begin();
    while (block.isValid() && block.text() != QLatin1String("about to fail"))
        block = block.next();
    QVERIFY(block.isValid());
    QTextBlock::iterator fragments = block.begin();
    QVERIFY(!fragments.atEnd());
    const QColor logColour = fragments.fragment().charFormat().foreground().color();
    QVERIFY2(isRed(logColour), qPrintable(logColour.name()));
    viewer->close();
}

void TestEndToEnd::showsTheNodeAsExecutor()
{
    ConnectionStatus *status = m_window->connectionStatus();
    QTRY_VERIFY_WITH_TIMEOUT(status->executorText().contains(kNodeId), kWaitMs);
    QVERIFY2(status->executorText().contains(QLatin1String("Jobs planned by")),
             qPrintable(status->executorText()));
    // The cluster's slots: one node, its default capacity.
    QTRY_VERIFY_WITH_TIMEOUT(status->executorText().contains(QRegularExpression(
                                 QStringLiteral("1 node · \\d+ of 256 slots busy"))),
                             kWaitMs);
    QCOMPARE(status->stateText(), QStringLiteral("Connected"));

    m_window->tabs()->setCurrentWidget(m_window->clusterView());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->clusterView()->executorText().contains(kNodeId), kWaitMs);
    ClusterModel *cluster = m_window->clusterModel();
    QTRY_COMPARE_WITH_TIMEOUT(cluster->rowCount(), 1, kWaitMs);
    QCOMPARE(cluster->index(0, ClusterModel::Node).data().toString(), kNodeId);
    QCOMPARE(cluster->index(0, ClusterModel::Role).data().toString(), QStringLiteral("Executor"));
    // The term the node logged.
    const QRegularExpressionMatch term =
        m_node->findLine(QRegularExpression(QStringLiteral("now the executor \\(term (\\d+)\\)")));
    QVERIFY(term.hasMatch());
    QVERIFY2(cluster->executorSummary().contains(QStringLiteral("term %1").arg(term.captured(1))),
             qPrintable(cluster->executorSummary()));
}

void TestEndToEnd::pauseStopsTheScheduleAndResumeStartsItAgain()
{
    // Every second (the engine's 6-field form, seconds first).
    qint64 job = 0;
    createShellJob(QStringLiteral("every-second"), QStringLiteral("echo beat"),
                   QStringLiteral("* * * * * *"), &job);
    QVERIFY(job > 0);

    // The history, filtered to this job, fills with scheduled runs.
    HistoryView *history = m_window->historyView();
    m_window->tabs()->setCurrentWidget(history);
    QComboBox *jobFilter = history->jobFilter();
    QTRY_VERIFY_WITH_TIMEOUT(jobFilter->findText(QStringLiteral("every-second")) >= 0, kWaitMs);
    jobFilter->setCurrentIndex(jobFilter->findText(QStringLiteral("every-second")));
    RunHistoryModel *runs = history->model();
    auto count = [runs](RunStatus status, const QDateTime &after = QDateTime()) {
        int n = 0;
        for (int r = 0; r < runs->rowCount(); ++r) {
            const RunRecord run = runs->runAt(r);
            if (run.status == status && (!after.isValid() || run.scheduledFor > after))
                ++n;
        }
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(count(RunStatus::Succeeded) >= 2, kWaitMs);
    for (int r = 0; r < runs->rowCount(); ++r) {
        QCOMPARE(runs->runAt(r).jobId, job);
        QCOMPARE(runs->runAt(r).trigger, RunTrigger::Schedule);
    }

    // Pause it through the action.
    clickJob(job);
    QAction *toggle = jobsView()->actions().pauseResume;
    QCOMPARE(toggle->text(), QStringLiteral("&Pause"));
    toggle->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(jobState(job), QStringLiteral("Paused"), kWaitMs);
    QCOMPARE(toggle->text(), QStringLiteral("Res&ume"));
    Result<QList<QStringList>> paused = m_probe->query(
        QStringLiteral("SELECT updated_at::text, floor(extract(epoch FROM updated_at) * 1000) "
                       "FROM cronhelm.jobs WHERE id = %1")
            .arg(job));
    QVERIFY2(paused.ok() && paused->size() == 1, qPrintable(paused.errorMessage()));
    const QString pausedSql =
        m_probe->quote(paused->first().at(0)) + QStringLiteral("::timestamptz");
    const QDateTime pausedAt =
        QDateTime::fromMSecsSinceEpoch(paused->first().at(1).toLongLong(), QTimeZone::utc());
    // The node unschedules it...
    QVERIFY2(m_probe->waitUntil(QStringLiteral("(SELECT next_fire_at IS NULL FROM "
                                               "cronhelm.job_state WHERE job_id = %1)")
                                    .arg(job),
                                kWaitMs, 100),
             qPrintable(m_probe->lastError()));
    // ...and starts nothing for the next slots. (A slot reserved just before the pause is
    // recorded as skipped.)
    const QString startedAfterPause =
        QStringLiteral("EXISTS (SELECT 1 FROM cronhelm.runs WHERE job_id = %1 AND status <> "
                       "'skipped' AND (scheduled_for > %2 OR started_at > %2))")
            .arg(job)
            .arg(pausedSql);
    QVERIFY2(!m_probe->waitUntil(startedAfterPause, 3500, 100),
             "a run started after the job was paused");
    QCOMPARE(count(RunStatus::Succeeded, pausedAt), 0);
    QCOMPARE(count(RunStatus::Running, pausedAt), 0);

    // Resume it: it fires again on its schedule.
    QVERIFY(jobsView()->selectedJob() && jobsView()->selectedJob()->id == job);
    toggle->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(jobState(job), QStringLiteral("Active"), kWaitMs);
    QCOMPARE(toggle->text(), QStringLiteral("&Pause"));
    QTRY_VERIFY_WITH_TIMEOUT(count(RunStatus::Succeeded, pausedAt) >= 1, kWaitMs);
}

void TestEndToEnd::exportsTheJobHistoryAsCsv()
{
    qint64 job = 0;
    createShellJob(QStringLiteral("exported"), QStringLiteral("echo beat"),
                   QStringLiteral("* * * * * *"), &job);
    QVERIFY(job > 0);
    // A history that stands still while it is exported.
    letRunThenPause(job, 3);
    if (QTest::currentTestFailed())
        return;
    HistoryView *history = m_window->historyView();
    m_window->tabs()->setCurrentWidget(history);
    QComboBox *jobFilter = history->jobFilter();
    QTRY_VERIFY_WITH_TIMEOUT(jobFilter->findText(QStringLiteral("exported")) >= 0, kWaitMs);
    jobFilter->setCurrentIndex(jobFilter->findText(QStringLiteral("exported")));
    RunHistoryModel *runs = history->model();

    // What the database holds for the job, and the history shows once it caught up.
    Result<QList<QStringList>> expected = m_probe->query(
        QStringLiteral("SELECT id, status FROM cronhelm.runs WHERE job_id = %1 ORDER BY id")
            .arg(job));
    QVERIFY2(expected.ok(), qPrintable(expected.errorMessage()));
    QVERIFY(expected->size() >= 3);
    QHash<QString, QString> statusById;
    for (const QStringList &row : *expected)
        statusById.insert(row.at(0), row.at(1));
    QTRY_COMPARE_WITH_TIMEOUT(runs->rowCount(), int(expected->size()), kWaitMs);

    // Filtering by status narrows it down on the server.
    QComboBox *statusFilter = history->statusFilter();
    statusFilter->setCurrentIndex(statusFilter->findData(QStringLiteral("succeeded")));
    const auto succeeded =
        std::count(statusById.cbegin(), statusById.cend(), QStringLiteral("succeeded"));
    QTRY_COMPARE_WITH_TIMEOUT(runs->rowCount(), int(succeeded), kWaitMs);
    for (int r = 0; r < runs->rowCount(); ++r)
        QCOMPARE(runs->runAt(r).status, RunStatus::Succeeded);
    statusFilter->setCurrentIndex(statusFilter->findData(QString()));
    QTRY_COMPARE_WITH_TIMEOUT(runs->rowCount(), int(expected->size()), kWaitMs);

    // Export through the File menu's action: answer its save dialog.
    const QString path = m_dir.filePath(QStringLiteral("exported.csv"));
    // Answers the save dialog as a user would: the file name, then Save. A dialog that stays
    // open is answered again, and after ten tries cancelled (then the checks below fail).
    int answered = 0;
    QTimer dialogWatch;
    dialogWatch.setInterval(100);
    connect(&dialogWatch, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        if (++answered > 10) {
            dialog->reject();
            return;
        }
        if (QWidget *popup = QApplication::activePopupWidget())
            popup->close(); // the file name completer
        // The form for programs (the CLI's CSV), chosen in the dialog's file type box; the
        // spreadsheet form is the default.
        auto *type = dialog->findChild<QComboBox *>(QStringLiteral("fileTypeCombo"));
        QVERIFY(type);
        QCOMPARE(type->currentIndex(), 0);
        QVERIFY(type->itemText(0).contains(QLatin1String("spreadsheet")));
        QTest::keyClick(type, Qt::Key_Down);
        QCOMPARE(type->currentIndex(), 1);
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        name->setText(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() is protected
    });
    dialogWatch.start();
    QAction *exportAction = history->exportAction();
    QVERIFY(exportAction->isEnabled());
    exportAction->trigger(); // returns once the dialog was answered
    dialogWatch.stop();
    QVERIFY(answered > 0);
    MessageBar *bar = m_window->messageBar();
    QTRY_VERIFY_WITH_TIMEOUT(bar->text().contains(QLatin1String("exported")), kWaitMs);
    QVERIFY2(bar->text().contains(QString::number(expected->size())), qPrintable(bar->text()));
    QVERIFY2(bar->text().contains(QDir::toNativeSeparators(path)), qPrintable(bar->text()));

    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(file.readAll()));
    QVERIFY(!rows.isEmpty());
    const QStringList columns = RunStore::csvColumns();
    QCOMPARE(rows.first(), columns);
    const qsizetype idColumn = columns.indexOf(QStringLiteral("run_id"));
    const qsizetype jobColumn = columns.indexOf(QStringLiteral("job"));
    const qsizetype triggerColumn = columns.indexOf(QStringLiteral("trigger"));
    const qsizetype statusColumn = columns.indexOf(QStringLiteral("status"));
    const qsizetype nodeColumn = columns.indexOf(QStringLiteral("node"));
    const qsizetype exitColumn = columns.indexOf(QStringLiteral("exit_code"));
    QVERIFY(idColumn >= 0 && jobColumn >= 0 && triggerColumn >= 0 && statusColumn >= 0
            && nodeColumn >= 0 && exitColumn >= 0);
    QCOMPARE(rows.size() - 1, expected->size());
    QSet<QString> seen;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList &row = rows.at(i);
        QCOMPARE(row.size(), columns.size());
        const QString id = row.at(idColumn);
        QVERIFY2(statusById.contains(id), qPrintable(id));
        QVERIFY2(!seen.contains(id), qPrintable(id));
        seen.insert(id);
        QCOMPARE(row.at(jobColumn), QStringLiteral("exported"));
        QCOMPARE(row.at(triggerColumn), QStringLiteral("schedule"));
        QCOMPARE(row.at(statusColumn), statusById.value(id));
        if (row.at(statusColumn) == QLatin1String("succeeded")) {
            QCOMPARE(row.at(nodeColumn), kNodeId);
            QCOMPARE(row.at(exitColumn), QStringLiteral("0"));
        }
    }
    QCOMPARE(seen.size(), statusById.size());
}

QTEST_MAIN(TestEndToEnd)
#include "tst_endtoend.moc"

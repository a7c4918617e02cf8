#include "mainwindow.h"

#include "clusterview.h"
#include "connectiondialog.h"
#include "connectionstatus.h"
#include "deletedjobsdialog.h"
#include "helpwindows.h"
#include "historyview.h"
#include "jobdetailpane.h"
#include "jobsview.h"
#include "logviewer.h"
#include "messagebar.h"
#include "passwordstore.h"
#include "retentiondialog.h"
#include "runactions.h"
#include "traynotifier.h"
#include "upcomingview.h"

#include <clustermodel.h>
#include <connectionprofiles.h>
#include <displayformat.h>
#include <jobsmodel.h>
#include <localstorecontroller.h>
#include <permissions.h>
#include <storeclient.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Cronhelm {

namespace {
// How long good news (a run started) stays before it goes by itself.
constexpr int kNewsTimeoutMs = 8000;
} // namespace

MainWindow::MainWindow(StoreClient *client, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_jobsModel(new JobsModel(client, this))
    , m_clusterModel(new ClusterModel(client, this))
    , m_messages(new MessageBar(this))
    , m_tabs(new QTabWidget(this))
    , m_jobsSplitter(new QSplitter(Qt::Vertical, this))
    , m_jobsView(new JobsView(client, m_jobsModel, m_messages, this))
    , m_jobDetail(new JobDetailPane(client, m_jobsModel, this))
    , m_historyView(new HistoryView(client, m_jobsModel, m_messages, this))
    , m_clusterView(new ClusterView(m_clusterModel, this))
    , m_upcomingView(new UpcomingView(m_jobsModel, this))
    , m_tray(new TrayNotifier(client, m_jobsModel, this))
    , m_passwords(new PasswordStore(this))
    , m_localStore(new LocalStoreController(client, this))
    , m_status(new ConnectionStatus(client, m_clusterModel, this))
    , m_failing(new QLabel(this))
    , m_runActions(new RunActions(client, m_messages, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Display::icon(QStringLiteral("cronhelm")));
    m_jobsSplitter->setObjectName(QStringLiteral("jobsSplitter"));
    m_jobsSplitter->addWidget(m_jobsView);
    m_jobsSplitter->addWidget(m_jobDetail);
    m_jobsSplitter->setChildrenCollapsible(false);
    m_jobsSplitter->setStretchFactor(0, 3);
    m_jobsSplitter->setStretchFactor(1, 2);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_jobsSplitter, Display::icon(QStringLiteral("jobs")), tr("&Jobs"));
    m_tabs->addTab(m_historyView, Display::icon(QStringLiteral("history")), tr("&History"));
    m_tabs->addTab(m_upcomingView, Display::icon(QStringLiteral("upcoming")), tr("&Upcoming"));
    m_tabs->addTab(m_clusterView, Display::icon(QStringLiteral("cluster")), tr("&Cluster"));
    connect(m_upcomingView, &UpcomingView::jobRequested, this, [this](qint64 jobId) {
        m_tabs->setCurrentWidget(m_jobsSplitter);
        m_jobsView->openJob(jobId);
    });
    connect(m_jobsView, &JobsView::failingCountChanged, this, &MainWindow::showFailingCount);
    connect(m_jobsView, &JobsView::watchedJobsChanged, this,
            [this] { m_tray->setWatchedJobs(m_jobsView->watchedJobs()); });
    connect(m_tray, &TrayNotifier::openRunRequested, this, &MainWindow::openLog);
    connect(m_tray, &TrayNotifier::notified, this,
            [this](const QString &title, const QString &text, qint64 runId) {
                auto *show =
                    new QAction(Display::icon(QStringLiteral("log")), tr("Show Log"), m_messages);
                connect(show, &QAction::triggered, this, [this, runId] { openLog(runId); });
                m_messages->showMessage(MessageBar::Type::Error, tr("%1. %2").arg(title, text),
                                        {show});
            });
    connect(m_jobsView, &JobsView::currentJobChanged, m_jobDetail, &JobDetailPane::showJob);
    connect(m_jobDetail, &JobDetailPane::logRequested, this, &MainWindow::openLog);
    connect(m_historyView, &HistoryView::logRequested, this, &MainWindow::openLog);
    connect(m_jobDetail, &JobDetailPane::allRunsRequested, this, [this](qint64 jobId) {
        m_historyView->showJob(jobId);
        m_tabs->setCurrentWidget(m_historyView);
    });

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_messages);
    layout->addWidget(m_tabs);
    setCentralWidget(central);
    // Permanent: a toolbar button's status tip must not hide the connection and executor.
    statusBar()->addPermanentWidget(m_status, 1);
    m_failing->setObjectName(QStringLiteral("failingStatus"));
    m_failing->setToolTip(tr("Jobs whose last run failed, timed out or was abandoned. Click "
                             "to list them."));
    m_failing->setTextFormat(Qt::RichText);
    connect(m_failing, &QLabel::linkActivated, this, [this] {
        m_tabs->setCurrentWidget(m_jobsSplitter);
        m_jobsView->failingButton()->setChecked(true);
    });
    statusBar()->addPermanentWidget(m_failing);
    showFailingCount(m_jobsView->failingCount());

    createMenus();
    watchLocalStore();

    connect(client, &StoreClient::connectFailed, this, [this](const QString &message) {
        auto *retry = new QAction(tr("Connect…"), m_messages);
        connect(retry, &QAction::triggered, this, [this] { showConnectionDialog(); });
        m_messages->showMessage(MessageBar::Type::Error,
                                tr("Cronhelm could not connect to the database. %1").arg(message),
                                {retry});
    });
    connect(client, &StoreClient::stateChanged, this, [this](ConnectionState state) {
        updateTitle();
        if (state == ConnectionState::Offline && !m_client->stateMessage().isEmpty()
            && !m_client->conninfo().isEmpty() && m_messages->text().isEmpty()) {
            m_messages->showMessage(MessageBar::Type::Error, m_client->stateMessage());
        }
    });
    connect(client, &StoreClient::connected, this, [this](bool reconnected) {
        if (!reconnected && m_localStore->isClientOnLocalStore()) {
            m_messages->showMessage(
                MessageBar::Type::Information,
                tr("Connected to the local store on this computer. Its jobs run while Cronhelm "
                   "is open."));
            return;
        }
        if (reconnected) {
            m_messages->showMessage(MessageBar::Type::Information,
                                    tr("Connected again. The lists are up to date."));
        } else if (m_messages->type() == MessageBar::Type::Error) {
            m_messages->clearMessage();
        }
    });
    // A job whose run_on labels no live node has is shown with a warning.
    connect(m_clusterModel, &ClusterModel::statusChanged, this, [this] {
        QList<QStringList> live;
        for (const NodeRecord &node : m_clusterModel->nodes()) {
            if (node.role == NodeRole::Executor || node.role == NodeRole::Standby)
                live.append(node.labels);
        }
        m_jobsModel->setLiveNodeLabels(live);
    });
    connect(m_jobsModel, &JobsModel::loadFailed, this, [this](const QString &message) {
        m_messages->showMessage(MessageBar::Type::Error,
                                tr("The jobs could not be loaded: %1").arg(message));
    });
    auto queued = [this](qint64, const QString &name, qint64 runId) {
        showRunQueued(name, runId);
    };
    connect(m_jobsView, &JobsView::runQueued, this, queued);
    connect(m_runActions, &RunActions::runQueued, this, queued);
    m_runActions->attach(m_historyView->table());
    m_runActions->attach(m_jobDetail->table());
    connect(m_runActions, &RunActions::logRequested, this, &MainWindow::openLog);
    connect(m_runActions, &RunActions::jobRequested, this, [this](qint64 jobId) {
        m_tabs->setCurrentWidget(m_jobsSplitter);
        m_jobsView->selectJob(jobId);
        m_jobsView->table()->setFocus();
    });
    connect(m_clusterModel, &ClusterModel::executorTookOver, this, &MainWindow::announceTakeover);
    connect(m_passwords, &PasswordStore::writeFailed, this, [this](const QString &message) {
        m_messages->showMessage(MessageBar::Type::Warning,
                                tr("The password was not saved. %1").arg(message));
    });
    restoreSettings();
    updateTitle();
}

ConnectionDialog *MainWindow::showConnectionDialog(const QString &profile, bool autoConnect)
{
    if (!m_connectionDialog) {
        m_connectionDialog = new ConnectionDialog(m_client, m_passwords, this);
        m_connectionDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_connectionDialog, &QDialog::rejected, this, [this] {
            if (m_client->isConnected())
                return;
            auto *again =
                new QAction(Display::icon(QStringLiteral("connect")), tr("Connect…"), m_messages);
            connect(again, &QAction::triggered, this, [this] { showConnectionDialog(); });
            m_messages->showMessage(MessageBar::Type::Information,
                                    tr("Not connected to a database. Connect to see your jobs."),
                                    {again});
        });
    }
    m_connectionDialog->setLocalStore(m_localStore);
    if (!profile.isEmpty())
        m_connectionDialog->selectProfile(profile);
    m_connectionDialog->open();
    if (autoConnect)
        m_connectionDialog->connectWhenReady();
    return m_connectionDialog;
}

MainWindow::~MainWindow() = default;

void MainWindow::setLocalStack(LocalStack *local)
{
    m_localStore->setStack(local);
}

void MainWindow::connectToLocalStore()
{
    m_localStore->start();
}

void MainWindow::watchLocalStore()
{
    // Only what this window started is shown here; the dialog shows its own.
    connect(m_localStore, &LocalStoreController::progress, this, [this](const QString &message) {
        if (!m_connectionDialog || !m_connectionDialog->isVisible())
            m_messages->showMessage(MessageBar::Type::Information, message);
    });
    connect(m_localStore, &LocalStoreController::failed, this, [this](const QString &message) {
        if (m_connectionDialog && m_connectionDialog->isVisible())
            return;
        auto *retry =
            new QAction(Display::icon(QStringLiteral("refresh")), tr("Try Again"), m_messages);
        connect(retry, &QAction::triggered, this, &MainWindow::connectToLocalStore);
        auto *other =
            new QAction(Display::icon(QStringLiteral("connect")), tr("Connect…"), m_messages);
        connect(other, &QAction::triggered, this, [this] { showConnectionDialog(); });
        m_messages->showMessage(MessageBar::Type::Error, message, {retry, other});
    });
    connect(m_localStore, &LocalStoreController::nodeStopped, this, [this](const QString &message) {
        m_messages->showMessage(MessageBar::Type::Warning, message);
    });
}

void MainWindow::createMenus()
{
    const JobsView::Actions &jobs = m_jobsView->actions();

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction =
        file->addAction(Display::icon(QStringLiteral("connect")), tr("&Connect to Database…"));
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(connectAction, &QAction::triggered, this, [this] { showConnectionDialog(); });
    QAction *disconnectAction = file->addAction(tr("&Disconnect"));
    connect(disconnectAction, &QAction::triggered, m_client, &StoreClient::disconnectFromStore);
    file->addSeparator();
    file->addAction(m_historyView->exportAction());
    QAction *retention = file->addAction(tr("History &Retention…"));
    retention->setToolTip(tr("How long the run history is kept"));
    retention->setEnabled(m_client->isConnected());
    connect(m_client, &StoreClient::stateChanged, retention,
            [this, retention] { retention->setEnabled(m_client->isConnected()); });
    connect(retention, &QAction::triggered, this, [this] {
        auto *dialog = new RetentionDialog(m_client, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *job = menuBar()->addMenu(tr("&Job"));
    job->setToolTipsVisible(true);
    job->addActions({jobs.create, jobs.edit, jobs.duplicate});
    job->addSeparator();
    job->addActions({jobs.pauseResume, jobs.runNow, jobs.watch});
    job->addSeparator();
    job->addAction(jobs.remove);
    QAction *deleted = job->addAction(tr("Deleted &Jobs…"));
    deleted->setObjectName(QStringLiteral("deletedJobsAction"));
    auto updateDeleted = [this, deleted] {
        const Permission p = permissionFor(m_client->role(), JobAction::Delete);
        deleted->setEnabled(p.allowed && m_client->isConnected());
        deleted->setToolTip(p.allowed ? tr("See deleted jobs and restore one") : p.reason);
    };
    connect(m_client, &StoreClient::stateChanged, deleted, updateDeleted);
    connect(m_client, &StoreClient::connected, deleted, updateDeleted);
    updateDeleted();
    connect(deleted, &QAction::triggered, this, [this] {
        auto *dialog = new DeletedJobsDialog(m_client, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &DeletedJobsDialog::restored, this, [this](qint64 jobId) {
            m_jobsModel->reload();
            connect(
                m_jobsModel, &JobsModel::loaded, this,
                [this, jobId] { m_jobsView->selectJob(jobId); }, Qt::SingleShotConnection);
        });
        dialog->open();
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(jobs.refresh);
    view->addSeparator();
    auto *jobsTab = view->addAction(Display::icon(QStringLiteral("jobs")), tr("&Jobs"));
    jobsTab->setShortcut(QKeySequence(Qt::ALT | Qt::Key_1));
    connect(jobsTab, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_jobsSplitter);
        m_jobsView->table()->setFocus();
    });
    auto *historyTab = view->addAction(Display::icon(QStringLiteral("history")), tr("&History"));
    historyTab->setShortcut(QKeySequence(Qt::ALT | Qt::Key_2));
    connect(historyTab, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_historyView);
        m_historyView->table()->setFocus();
    });
    historyTab->setObjectName(QStringLiteral("showHistory"));
    auto *upcomingTab = view->addAction(Display::icon(QStringLiteral("upcoming")), tr("&Upcoming"));
    upcomingTab->setShortcut(QKeySequence(Qt::ALT | Qt::Key_3));
    connect(upcomingTab, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_upcomingView);
        m_upcomingView->table()->setFocus();
    });
    auto *clusterTab = view->addAction(Display::icon(QStringLiteral("cluster")), tr("&Cluster"));
    clusterTab->setShortcut(QKeySequence(Qt::ALT | Qt::Key_4));
    connect(clusterTab, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_clusterView);
        m_clusterView->nodesTable()->setFocus();
    });
    auto *filter = view->addAction(Display::icon(QStringLiteral("find")), tr("&Filter Jobs"));
    filter->setShortcut(QKeySequence::Find);
    connect(filter, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_jobsSplitter);
        m_jobsView->filterEdit()->setFocus();
        m_jobsView->filterEdit()->selectAll();
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide = help->addAction(tr("&User Guide"));
    guide->setObjectName(QStringLiteral("userGuideAction"));
    guide->setShortcut(QKeySequence::HelpContents);
    connect(guide, &QAction::triggered, this, [this] {
        if (!m_userGuide) {
            m_userGuide = new UserGuideWindow(this);
            m_userGuide->setAttribute(Qt::WA_DeleteOnClose);
        }
        m_userGuide->show();
        m_userGuide->raise();
        m_userGuide->activateWindow();
    });
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"));
    keys->setObjectName(QStringLiteral("shortcutsAction"));
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(keys, &QAction::triggered, this, [this] {
        auto *dialog = new ShortcutsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Cronhelm"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Cronhelm"),
                           tr("<p><b>Cronhelm %1</b></p><p>Highly available cron for teams: "
                              "see every job, every run and its log, and run jobs yourself.</p>")
                               .arg(QStringLiteral(CRONHELM_VERSION)));
    });

    QToolBar *bar = addToolBar(tr("Jobs"));
    bar->setObjectName(QStringLiteral("jobsToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    bar->addActions({jobs.create, jobs.edit, jobs.duplicate});
    bar->addSeparator();
    bar->addActions({jobs.pauseResume, jobs.runNow});
    bar->addSeparator();
    bar->addActions({jobs.remove, jobs.refresh});
}

LogViewer *MainWindow::openLog(qint64 runId)
{
    if (runId <= 0)
        return nullptr;
    QPointer<LogViewer> &viewer = m_logs[runId];
    if (!viewer) {
        viewer = new LogViewer(m_client, runId, this);
        viewer->setAttribute(Qt::WA_DeleteOnClose);
    }
    viewer->show();
    viewer->raise();
    viewer->activateWindow();
    return viewer;
}

void MainWindow::announceTakeover(const QString &newExecutor, const QString &oldExecutor,
                                  const QDateTime &stoppedAt)
{
    //: %1 new node, %2 old node, %3 time of its last heartbeat
    const QString text = stoppedAt.isValid()
        ? tr("%1 took over running jobs from %2, which stopped responding at %3.")
              .arg(newExecutor, oldExecutor,
                   QLocale().toString(stoppedAt.toTimeZone(Display::viewerZone()).time(),
                                      QStringLiteral("HH:mm:ss")))
        : tr("%1 took over running jobs from %2, which stopped responding.")
              .arg(newExecutor, oldExecutor);
    m_messages->showMessage(MessageBar::Type::Warning, text);
    if (isMinimized() || !isVisible())
        m_tray->showClusterMessage(tr("Jobs now run on %1").arg(newExecutor), text);
}

void MainWindow::showRunQueued(const QString &jobName, qint64 runId)
{
    auto *show = new QAction(Display::icon(QStringLiteral("log")), tr("Show Log"), m_messages);
    connect(show, &QAction::triggered, this, [this, runId] { openLog(runId); });
    m_messages->showMessage(MessageBar::Type::Information,
                            tr("“%1” was started as run %2.").arg(jobName, QString::number(runId)),
                            {show}, kNewsTimeoutMs);
}

void MainWindow::showFailingCount(int count)
{
    m_tabs->setTabText(m_tabs->indexOf(m_jobsSplitter),
                       count > 0 ? tr("&Jobs (%n failing)", nullptr, count) : tr("&Jobs"));
    m_failing->setVisible(count > 0);
    m_failing->setText(QStringLiteral("<a href=\"#failing\">%1</a>")
                           .arg(tr("%n failing", nullptr, count).toHtmlEscaped()));
}

void MainWindow::updateTitle()
{
    // The platform adds the application's display name ("… — Cronhelm") itself.
    const QString target = m_client->isConnected() ? m_client->session().target : QString();
    setWindowTitle(target);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        resize(1180, 720);
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_jobsSplitter->restoreState(settings.value(QStringLiteral("jobsSplitter")).toByteArray());
    m_jobsView->restoreHeaderState(settings.value(QStringLiteral("jobsHeader")).toByteArray());
    m_historyView->restoreHeaderState(
        settings.value(QStringLiteral("historyHeader")).toByteArray());
    QList<qint64> watched;
    for (const QVariant &v : settings.value(QStringLiteral("watchedJobs")).toList())
        watched.append(v.toLongLong());
    m_jobsView->setWatchedJobs(watched);
    m_tray->setWatchedJobs(watched);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("jobsSplitter"), m_jobsSplitter->saveState());
    settings.setValue(QStringLiteral("jobsHeader"), m_jobsView->saveHeaderState());
    settings.setValue(QStringLiteral("historyHeader"), m_historyView->saveHeaderState());
    QVariantList watched;
    for (qint64 id : m_jobsView->watchedJobs())
        watched.append(id);
    settings.setValue(QStringLiteral("watchedJobs"), watched);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    for (const QPointer<LogViewer> &viewer : std::as_const(m_logs)) {
        if (viewer)
            viewer->close();
    }
    QMainWindow::closeEvent(event);
}

} // namespace Cronhelm

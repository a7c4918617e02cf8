#pragma once

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QLabel;
class QTabWidget;
class QSplitter;

namespace Cronhelm {

class ClusterModel;
class ClusterView;
class ConnectionDialog;
class ConnectionStatus;
class PasswordStore;
class RunActions;
class TrayNotifier;
class UpcomingView;
class UserGuideWindow;
class HistoryView;
class JobDetailPane;
class LogViewer;
class JobsModel;
class JobsView;
class LocalStack;
class LocalStoreController;
class MessageBar;
class StoreClient;

// The main window composes the views (jobs, history, upcoming, cluster); each view owns its
// actions. The window adds the menus, the toolbar, the inline message bar and the status
// bar, and remembers its geometry, splitters and column widths.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(StoreClient *client, QWidget *parent = nullptr);
    ~MainWindow() override;

    JobsModel *jobsModel() const { return m_jobsModel; }
    JobsView *jobsView() const { return m_jobsView; }
    ClusterModel *clusterModel() const { return m_clusterModel; }
    MessageBar *messageBar() const { return m_messages; }
    ConnectionStatus *connectionStatus() const { return m_status; }
    QTabWidget *tabs() const { return m_tabs; }
    HistoryView *historyView() const { return m_historyView; }
    JobDetailPane *jobDetail() const { return m_jobDetail; }

    ClusterView *clusterView() const { return m_clusterView; }
    UpcomingView *upcomingView() const { return m_upcomingView; }
    TrayNotifier *trayNotifier() const { return m_tray; }
    PasswordStore *passwordStore() const { return m_passwords; }
    RunActions *runActions() const { return m_runActions; }

    // Opens (or raises) the log window of a run.
    LogViewer *openLog(qint64 runId);
    // Asks where to connect; with a profile, preselected (and, with autoConnect, connecting
    // as soon as its password is read from the keychain).
    ConnectionDialog *showConnectionDialog(const QString &profile = QString(),
                                           bool autoConnect = false);
    // The local store this window may start (owned by the caller, who stops it on exit).
    void setLocalStack(LocalStack *local);
    // Starts (or reuses) the local store and its node, showing the progress in the message
    // bar, and connects: for `cronhelm --local` and the next start after choosing it.
    void connectToLocalStore();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void restoreSettings();
    void saveSettings() const;
    void updateTitle();
    void showFailingCount(int count);
    void showRunQueued(const QString &jobName, qint64 runId);
    void announceTakeover(const QString &newExecutor, const QString &oldExecutor,
                          const QDateTime &stoppedAt);
    void watchLocalStore();

    StoreClient *m_client;
    JobsModel *m_jobsModel;
    ClusterModel *m_clusterModel;
    MessageBar *m_messages;
    QTabWidget *m_tabs;
    QSplitter *m_jobsSplitter;
    JobsView *m_jobsView;
    JobDetailPane *m_jobDetail;
    HistoryView *m_historyView;
    ClusterView *m_clusterView;
    UpcomingView *m_upcomingView;
    TrayNotifier *m_tray;
    PasswordStore *m_passwords;
    QPointer<ConnectionDialog> m_connectionDialog;
    LocalStoreController *m_localStore;
    ConnectionStatus *m_status;
    QLabel *m_failing;
    RunActions *m_runActions;
    QHash<qint64, QPointer<LogViewer>> m_logs;
    QPointer<UserGuideWindow> m_userGuide;
};

} // namespace Cronhelm

#pragma once

#include <domain/records.h>

#include <QObject>
#include <QSet>

class QSystemTrayIcon;
class QWidget;

namespace Cronhelm {

class JobsModel;
class StoreClient;

// A desktop notification when a watched job's run fails, times out or is abandoned: in the
// system tray where there is one, otherwise by asking the window manager for attention.
class TrayNotifier : public QObject
{
    Q_OBJECT

public:
    TrayNotifier(StoreClient *client, JobsModel *jobs, QWidget *window);

    void setWatchedJobs(const QList<qint64> &ids);
    bool hasTray() const { return m_tray != nullptr; }
    // A cluster event for someone who minimised the window (a takeover).
    void showClusterMessage(const QString &title, const QString &text);

signals:
    // Every notification shown (for the main window's own message, and tests).
    void notified(const QString &title, const QString &text, qint64 runId);
    void clusterMessageShown(const QString &title, const QString &text);
    void openRunRequested(qint64 runId);

private:
    void runChanged(qint64 jobId, qint64 runId);
    void announce(const RunRecord &run);

    StoreClient *m_client;
    JobsModel *m_jobs;
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QSet<qint64> m_watched;
    QSet<qint64> m_announced;
    qint64 m_lastRun = 0;
};

} // namespace Cronhelm

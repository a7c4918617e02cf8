#include "traynotifier.h"

#include <displayformat.h>
#include <jobsmodel.h>
#include <storeclient.h>

#include <QApplication>
#include <QSystemTrayIcon>
#include <QWidget>

namespace Cronhelm {

TrayNotifier::TrayNotifier(StoreClient *client, JobsModel *jobs, QWidget *window)
    : QObject(window)
    , m_client(client)
    , m_jobs(jobs)
    , m_window(window)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(Display::icon(QStringLiteral("cronhelm")), this);
        m_tray->setToolTip(tr("Cronhelm"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
            if (m_lastRun)
                emit openRunRequested(m_lastRun);
        });
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            m_window->showNormal();
            m_window->raise();
            m_window->activateWindow();
        });
    }
    connect(client, &StoreClient::runChanged, this, &TrayNotifier::runChanged);
}

void TrayNotifier::setWatchedJobs(const QList<qint64> &ids)
{
    m_watched = QSet<qint64>(ids.cbegin(), ids.cend());
    if (m_tray)
        m_tray->setVisible(!m_watched.isEmpty());
}

void TrayNotifier::runChanged(qint64 jobId, qint64 runId)
{
    if (!m_watched.contains(jobId) || m_announced.contains(runId))
        return;
    // The notification is a hint (any session may send one): what is announced is what the
    // database says about the run.
    m_client->fetchRun(this, runId, [this, runId](Result<RunRecord> run) {
        if (!run || !isProblem(run->status) || !m_watched.contains(run->jobId)
            || m_announced.contains(runId))
            return;
        announce(*run);
    });
}

void TrayNotifier::showClusterMessage(const QString &title, const QString &text)
{
    m_lastRun = 0; // a click on this message opens the window, no log
    if (m_tray) {
        m_tray->show();
        m_tray->showMessage(title, text, QSystemTrayIcon::Warning, 15000);
    } else {
        QApplication::alert(m_window);
    }
    emit clusterMessageShown(title, text);
}

void TrayNotifier::announce(const RunRecord &run)
{
    m_announced.insert(run.id);
    m_lastRun = run.id;
    const std::optional<JobRecord> job = m_jobs->jobById(run.jobId);
    const QString name = job ? job->spec.name : run.job;
    //: %1 job name, %2 what happened ("Failed", "Timed out")
    const QString title = tr("%1: %2").arg(name, Display::statusText(run.status));
    const QString text = tr("Run %1 of “%2” did not succeed. Open Cronhelm to read its log.")
                             .arg(QString::number(run.id), name);
    if (m_tray) {
        m_tray->show();
        m_tray->showMessage(title, text, QSystemTrayIcon::Critical, 15000);
    } else {
        QApplication::alert(m_window);
    }
    emit notified(title, text, run.id);
}

} // namespace Cronhelm

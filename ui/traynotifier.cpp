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

void TrayNotifier::runChanged(qint64 jobId, qint64 runId, const QString &status)
{
    if (!m_watched.contains(jobId) || !Display::isProblemStatus(status)
        || m_announced.contains(runId))
        return;
    m_announced.insert(runId);
    m_lastRun = runId;
    const std::optional<JobRecord> job = m_jobs->jobById(jobId);
    const QString name = job ? job->name : tr("Job %1").arg(jobId);
    //: %1 job name, %2 what happened ("Failed", "Timed out")
    const QString title = tr("%1: %2").arg(name, Display::statusText(status));
    const QString text = tr("Run %1 of “%2” did not succeed. Open Cronhelm to read its log.")
                             .arg(QString::number(runId), name);
    if (m_tray) {
        m_tray->show();
        m_tray->showMessage(title, text, QSystemTrayIcon::Critical, 15000);
    } else {
        QApplication::alert(m_window);
    }
    emit notified(title, text, runId);
}

} // namespace Cronhelm

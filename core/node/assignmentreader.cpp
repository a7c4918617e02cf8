#include "assignmentreader.h"

#include <spdlog/spdlog.h>

namespace Cronhelm {

AssignmentReader::AssignmentReader(const NodeIdentity &identity, StoreWorker &readWorker,
                                   Hooks hooks, std::chrono::milliseconds every, QObject *parent)
    : QObject(parent)
    , m_identity(identity)
    , m_worker(readWorker)
    , m_hooks(std::move(hooks))
{
    m_timer.setInterval(every);
    connect(&m_timer, &QTimer::timeout, this, &AssignmentReader::sync);
    m_timer.start();
}

NodeJob *AssignmentReader::job(qint64 jobId)
{
    const auto it = m_jobs.find(jobId);
    return it != m_jobs.end() ? &*it : nullptr;
}

// Reads the runs assigned to this node that it has not started, with their jobs.
void AssignmentReader::sync()
{
    if (!m_hooks.connected())
        return; // not alive for the cluster: it takes nothing new
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    const QString node = m_identity.id;
    struct Assignments
    {
        QList<ActiveRun> runs;
        QList<NodeJob> jobs;
        QString error;
    };
    m_worker.post(
        this,
        [node](StoreConnection &c) {
            NodeStore store(c);
            Assignments a;
            Result<QList<ActiveRun>> runs = store.assignedRuns(node);
            if (!runs) {
                a.error = runs.errorMessage();
                return a;
            }
            a.runs = *runs;
            QList<qint64> jobIds;
            for (const ActiveRun &r : std::as_const(a.runs)) {
                if (!jobIds.contains(r.jobId))
                    jobIds.append(r.jobId);
            }
            if (Result<QList<NodeJob>> jobs = store.loadJobs(jobIds); jobs)
                a.jobs = *jobs;
            else
                a.error = jobs.errorMessage();
            return a;
        },
        [this](const Assignments &a) {
            m_reading = false;
            if (!a.error.isEmpty()) {
                spdlog::warn("assign: cannot read this node's runs: {}", a.error.toStdString());
            } else {
                keepJobs(a.jobs);
                Q_EMIT read(sort(a.runs));
            }
            if (std::exchange(m_readAgain, false))
                sync();
        });
}

void AssignmentReader::keepJobs(const QList<NodeJob> &jobs)
{
    for (const NodeJob &job : jobs)
        m_jobs[job.job.id] = job;
}

AssignmentReader::Sorted AssignmentReader::sort(const QList<ActiveRun> &runs) const
{
    Sorted sorted;
    for (const ActiveRun &run : runs) {
        if (m_hooks.known(run.runId))
            continue;
        if (m_hooks.draining())
            sorted.handBack.append(run.runId);
        else if (!run.assignedAt.isValid() || run.assignedAt < m_identity.startedAt.addSecs(-1))
            sorted.abandoned.append(run);
        else
            sorted.toStart.append(run);
    }
    return sorted;
}

} // namespace Cronhelm

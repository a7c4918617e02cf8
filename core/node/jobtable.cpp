#include "jobtable.h"

#include <spdlog/spdlog.h>

namespace Cronhelm {

JobTable::JobTable(const NodeConfig &config, const NodeIdentity &identity, StoreWorker &readWorker,
                   StoreWorker &fireWorker, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_identity(identity)
    , m_readWorker(readWorker)
    , m_fireWorker(fireWorker)
{
    m_queue.setLead(config.fireLead);
    m_stateTimer.setInterval(1000);
    connect(&m_stateTimer, &QTimer::timeout, this, &JobTable::flushStates);
    m_stateTimer.start();
}

const JobTable::Entry *JobTable::find(qint64 jobId) const
{
    const auto it = m_jobs.constFind(jobId);
    return it != m_jobs.cend() ? &*it : nullptr;
}

JobTable::Entry *JobTable::find(qint64 jobId)
{
    const auto it = m_jobs.find(jobId);
    return it != m_jobs.end() ? &*it : nullptr;
}

void JobTable::load(qint64 term)
{
    m_term = term;
    ++m_generation;
    m_loaded = false;
    m_queue.clear();
    m_jobs.clear();
    m_changedWhileLoading.clear();
    read(m_generation);
}

void JobTable::unload()
{
    m_term = 0;
    ++m_generation;
    m_queue.clear();
    m_changedWhileLoading.clear();
}

void JobTable::read(quint64 generation)
{
    const QString node = m_identity.id;
    const qint64 term = m_term;
    const double deadAfter = m_config.deadAfterSeconds;
    m_readWorker.post(
        this,
        [node, term, deadAfter](StoreConnection &c) {
            NodeStore store(c);
            Snapshot t;
            if (Result<int> n = store.abandonOrphanedRuns(node, term, deadAfter); n)
                t.abandoned = *n;
            else
                t.error = n.errorMessage();
            if (t.error.isEmpty()) {
                if (Result<QList<NodeJob>> jobs = store.loadJobs(); jobs)
                    t.jobs = *jobs;
                else
                    t.error = jobs.errorMessage();
            }
            if (t.error.isEmpty()) {
                if (Result<QList<ActiveRun>> active = store.activeRuns(node); active)
                    t.active = *active;
                else
                    t.error = active.errorMessage();
            }
            return t;
        },
        [this, generation](Snapshot t) {
            if (generation != m_generation)
                return;
            if (!t.error.isEmpty()) {
                spdlog::error("executor: cannot load the jobs: {}; retrying",
                              t.error.toStdString());
                QTimer::singleShot(1000, this, [this, generation] {
                    if (generation == m_generation)
                        read(generation);
                });
                return;
            }
            if (m_config.takeoverApplyDelay.count() > 0) {
                spdlog::info("executor: test hook: holding the loaded jobs for {} ms",
                             m_config.takeoverApplyDelay.count());
                auto held = std::make_shared<Snapshot>(std::move(t));
                QTimer::singleShot(m_config.takeoverApplyDelay, this, [this, generation, held] {
                    if (generation == m_generation)
                        apply(*held);
                });
                return;
            }
            apply(t);
        });
}

void JobTable::apply(const Snapshot &snapshot)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const NodeJob &job : snapshot.jobs) {
        Entry entry{job, JobSchedule::compile(job.job)};
        const qint64 id = job.job.id;
        if (!entry.schedule.isValid()) {
            spdlog::error("job {} \"{}\": {}", id, job.job.spec.name.toStdString(),
                          entry.schedule.error().toStdString());
            noteState(id, {}, entry.schedule.error());
        } else if (entry.schedule.isActive()) {
            const QDateTime next = entry.schedule.nextAfter(now);
            m_queue.schedule(id, next);
            noteState(id, next);
        } else {
            noteState(id, {});
        }
        m_jobs.insert(id, std::move(entry));
    }
    m_loaded = true;
    Q_EMIT loaded(snapshot, now);
}

// Changes notified while the jobs were loading may be newer than what was loaded.
void JobTable::reloadChangedWhileLoading()
{
    const QSet<qint64> changed = std::exchange(m_changedWhileLoading, {});
    for (qint64 jobId : changed)
        reload(jobId);
}

void JobTable::jobChanged(qint64 jobId)
{
    if (m_term == 0)
        return;
    if (m_loaded)
        reload(jobId);
    else // loading: the change may postdate what is being loaded
        m_changedWhileLoading.insert(jobId);
}

void JobTable::scheduleNext(qint64 jobId, const QDateTime &slot)
{
    const auto it = m_jobs.constFind(jobId);
    if (it == m_jobs.cend())
        return;
    const QDateTime next = it->schedule.nextAfter(slot);
    m_queue.schedule(jobId, next);
    noteState(jobId, next);
}

void JobTable::setJob(const NodeJob &job, const QDateTime &now)
{
    Entry entry{job, JobSchedule::compile(job.job)};
    const qint64 id = job.job.id;
    const auto old = m_jobs.constFind(id);
    const bool sameSlots = old != m_jobs.cend() && old->schedule.sameSlotsAs(entry.schedule);
    if (!entry.schedule.isValid()) {
        m_queue.remove(id);
        noteState(id, {}, entry.schedule.error());
    } else if (!entry.schedule.isActive()) {
        m_queue.remove(id);
        noteState(id, {});
    } else if (!sameSlots || !m_queue.slotOf(id).isValid()) {
        // A changed schedule starts from now: the database moved schedule_since too.
        const QDateTime next = entry.schedule.nextAfter(now);
        m_queue.schedule(id, next);
        noteState(id, next);
    }
    m_jobs.insert(id, std::move(entry));
}

void JobTable::removeJob(qint64 jobId)
{
    m_queue.remove(jobId);
    m_jobs.remove(jobId);
}

void JobTable::reload(qint64 jobId)
{
    const quint64 generation = m_generation;
    // On the fire thread, which also claims queued runs: a change notified before a Run
    // now (or a retry) is applied before that run starts, so "edit, then run now" runs the
    // edited job, and "create, then run now" finds it.
    m_fireWorker.post(
        this, [jobId](StoreConnection &c) { return NodeStore(c).loadJobs(jobId); },
        [this, generation, jobId](const Result<QList<NodeJob>> &jobs) {
            if (generation != m_generation || !m_loaded)
                return;
            if (!jobs) {
                spdlog::warn("executor: cannot reload job {}: {}; trying again", jobId,
                             jobs.errorMessage().toStdString());
                QTimer::singleShot(m_reloadBackoff.next(), this, [this, generation, jobId] {
                    if (generation == m_generation)
                        reload(jobId);
                });
                return;
            }
            if (jobs->isEmpty()) {
                spdlog::info("job {}: deleted; unscheduled", jobId);
                removeJob(jobId);
            } else {
                const NodeJob &job = jobs->first();
                spdlog::info("job {} \"{}\": changed (version {})", jobId,
                             job.job.spec.name.toStdString(), job.job.version);
                setJob(job, QDateTime::currentDateTimeUtc());
            }
        });
}

void JobTable::resync()
{
    const quint64 generation = m_generation;
    const QString node = m_identity.id;
    m_readWorker.post(
        this,
        [node](StoreConnection &c) {
            NodeStore store(c);
            Snapshot t;
            if (Result<QList<NodeJob>> jobs = store.loadJobs(); jobs)
                t.jobs = *jobs;
            else
                t.error = jobs.errorMessage();
            if (Result<QList<ActiveRun>> active = store.activeRuns(node); active)
                t.active = *active;
            return t;
        },
        [this, generation](const Snapshot &t) {
            if (generation != m_generation || !m_loaded || !t.error.isEmpty())
                return;
            const QDateTime now = QDateTime::currentDateTimeUtc();
            QSet<qint64> seen;
            for (const NodeJob &job : t.jobs) {
                seen.insert(job.job.id);
                const auto it = m_jobs.constFind(job.job.id);
                if (it == m_jobs.cend() || it->data.job.version != job.job.version)
                    setJob(job, now);
            }
            const QList<qint64> known = m_jobs.keys();
            for (qint64 id : known) {
                if (!seen.contains(id))
                    removeJob(id);
            }
            QList<ActiveRun> queued;
            for (const ActiveRun &run : t.active) {
                if (run.status == RunStatus::Queued && run.node.isEmpty())
                    queued.append(run);
            }
            if (!queued.isEmpty())
                Q_EMIT queuedFound(queued);
        });
}

void JobTable::noteState(qint64 jobId, const QDateTime &next, const QString &error)
{
    m_states.insert(jobId, {jobId, next, error});
}

void JobTable::flushStates()
{
    if (m_states.isEmpty() || m_term == 0)
        return;
    QList<JobStateUpdate> updates = m_states.values();
    m_states.clear();
    m_readWorker.post([updates](StoreConnection &c) {
        if (Status s = NodeStore(c).setJobState(updates); !s)
            spdlog::warn("executor: could not record next fire times: {}",
                         s.errorMessage().toStdString());
    });
}

} // namespace Cronhelm

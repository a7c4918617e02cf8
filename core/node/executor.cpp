#include "executor.h"

#include "slotplanner.h"

#include <domain/runnotice.h>
#include <domain/targetspec.h>
#include <store/storeconnection.h>

#include <spdlog/spdlog.h>

namespace Cronhelm {

namespace {

QDateTime nowUtc()
{
    return QDateTime::currentDateTimeUtc();
}

std::string iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

// The end of a run that produced no output: never started, or lost with its node.
FinishedRun endedWithoutOutput(qint64 runId, RunStatus status, const QString &error)
{
    FinishedRun run;
    run.runId = runId;
    run.status = status;
    run.error = error;
    run.finishedAt = nowUtc();
    return run;
}

} // namespace

Executor::Executor(const NodeConfig &config, const NodeIdentity &identity, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_identity(identity)
    , m_announcer(identity.id, m_recorder)
    , m_jobs(config, identity, m_readWorker, m_fireWorker)
    , m_host(config, m_recorder)
    , m_firer(*this, m_jobs, identity.id, m_fireWorker)
    , m_reserved([this](qint64 runId, Reservation r) { return startReserved(runId, std::move(r)); })
    , m_assignments(identity, m_readWorker,
                    {[this] { return m_connected; }, [this] { return m_draining; },
                     [this](qint64 runId) {
                         return m_reserved.contains(runId) || m_host.isRunning(runId)
                             || m_recorder.isEnding(runId) || m_placer.isClaiming(runId)
                             || m_placer.isInDoubt(runId);
                     }})
    , m_placer(*this, identity.id, m_fireWorker)
    , m_retention(config.conninfo,
                  {config.retentionBatch, config.retentionRest, config.fireLead,
                   std::chrono::milliseconds(250)},
                  [this] { return m_jobs.queue().earliest(); })
    , m_readWorker(config.conninfo, QStringLiteral("cronhelm-read"))
    , m_recorder(config.conninfo, identity.id)
    , m_fireWorker(config.conninfo, QStringLiteral("cronhelm-fire"))
{
    registerExecMetaTypes();
    connect(&m_jobs, &JobTable::loaded, this, &Executor::applyTakeover);
    connect(&m_jobs, &JobTable::queuedFound, this, [this](const QList<ActiveRun> &runs) {
        for (const ActiveRun &run : runs)
            m_placer.schedule(run);
    });

    m_resyncTimer.setInterval(config.resyncInterval);
    connect(&m_resyncTimer, &QTimer::timeout, &m_jobs, &JobTable::resync);
    m_abandonTimer.setInterval(5000);
    connect(&m_abandonTimer, &QTimer::timeout, this, [this] {
        const qint64 term = m_term;
        const QString node = m_identity.id;
        const double deadAfter = m_config.deadAfterSeconds;
        m_readWorker.post(
            this,
            [node, term, deadAfter](StoreConnection &c) {
                return NodeStore(c).abandonOrphanedRuns(node, term, deadAfter);
            },
            [](const Result<int> &n) {
                if (n && *n > 0)
                    spdlog::warn("recovery: marked {} runs of dead nodes as abandoned", *n);
            });
    });
    connect(&m_recorder, &Recorder::settled, this, &Executor::checkIdle);
    connect(&m_host, &RunHost::settled, this, &Executor::checkIdle);
    connect(&m_host, &RunHost::ended, this, &Executor::onRunEnded);
    connect(&m_reserved, &ReservedStarts::handedOut, this,
            [this] { Q_EMIT runningCountChanged(runningCount()); });
    connect(&m_assignments, &AssignmentReader::read, this, &Executor::adoptAssignments);
}

Executor::~Executor()
{
    m_jobs.queue().clear();
    // Targets still running are stopped by their destructors (SIGKILL / abort), while the
    // Recorder they would report to still exists.
    m_host.stopAll();
    m_reserved.takeAll();
}

bool Executor::canFire() const
{
    return m_term != 0 && !m_draining && !m_leaseValid.hasExpired();
}

bool Executor::isIdle() const
{
    return m_host.isIdle() && m_reserved.isEmpty() && m_recorder.isIdle() && m_recording == 0;
}

void Executor::checkIdle()
{
    if (isIdle())
        Q_EMIT becameIdle();
}

// Lease ------------------------------------------------------------------------------

LeaseDeadline Executor::startDeadline() const
{
    if (m_term != 0)
        return m_leaseValid;
    return aliveUntil();
}

void Executor::onLeaseAcquired(qint64 term, LeaseDeadline validUntil)
{
    m_term = term;
    m_leaseValid = validUntil;
    ++m_epoch;
    m_firer.reset();
    m_placer.forgetPlans();
    m_foreignRunning.clear();
    m_queuedWhileLoading.clear();
    m_jobs.load(term);
    m_retention.start();
}

void Executor::onLeaseRenewed(qint64 term, LeaseDeadline validUntil)
{
    if (term != m_term)
        return;
    m_leaseValid = validUntil;
    m_firer.fireHeld();
}

void Executor::onLeaseLost(const QString &reason)
{
    if (m_term == 0)
        return;
    spdlog::warn("executor: stopped firing (term {}): {}", m_term, reason.toStdString());
    m_term = 0;
    ++m_epoch;
    m_jobs.unload();
    m_firer.reset();
    m_placer.forgetPlans();
    m_queuedWhileLoading.clear();
    m_resyncTimer.stop();
    m_abandonTimer.stop();
    m_retention.stop();
}

void Executor::onReconnected()
{
    // The control session came back; if we are (again) executor, a takeover reloads
    // everything. Writes and claims that failed meanwhile are retried now.
    m_placer.resetBackoff();
    m_connected = true;
    m_recorder.retryNow();
    m_placer.resolveInDoubt();
    m_assignments.sync();
}

void Executor::onConnectionLost()
{
    m_connected = false;
    m_aliveValid = LeaseDeadline();
}

void Executor::onHeartbeatProven(LeaseDeadline validUntil)
{
    const bool lapsed = m_aliveValid.hasExpired();
    m_aliveValid = validUntil;
    if (!lapsed || m_draining)
        return;
    // The proof had run out (the node was frozen, suspended, or its heartbeats failed): an
    // executor may have taken it for dead meanwhile and given its runs to other nodes. What
    // is still this node's is read again before anything assigned starts.
    const QList<qint64> dropped = m_reserved.takeAssigned();
    if (dropped.isEmpty())
        return;
    spdlog::warn("assign: this node's heartbeat proof had run out; {} assigned runs are read "
                 "again before they start",
                 dropped.size());
    m_assignments.sync();
    checkIdle();
}

void Executor::stopTakingWork()
{
    m_draining = true;
    m_retention.stop();
    m_jobs.queue().clear();
    m_placer.clearWaiting();
    m_resyncTimer.stop();
    // Slots reserved but not started yet go back to the queue for the next executor.
    const QList<qint64> reserved = m_reserved.takeAll();
    if (!reserved.isEmpty()) {
        const QString node = m_identity.id;
        ++m_recording;
        m_fireWorker.post(
            this,
            [node, reserved](StoreConnection &c) {
                return NodeStore(c).releaseReservations(node, reserved);
            },
            [this, count = reserved.size()](const Status &released) {
                --m_recording;
                if (released)
                    spdlog::info("shutdown: handed {} reserved slots to the next executor", count);
                else
                    spdlog::warn("shutdown: could not hand reserved slots over: {}",
                                 released.errorMessage().toStdString());
                checkIdle();
            });
    }
}

void Executor::cancelAll(const QString &reason)
{
    m_host.cancelAll(reason);
}

// Takeover ---------------------------------------------------------------------------

void Executor::applyTakeover(const JobTable::Snapshot &takeover, const QDateTime &now)
{
    if (takeover.abandoned > 0)
        spdlog::warn("recovery: marked {} runs of dead nodes as abandoned", takeover.abandoned);

    // Before the runs below are counted: as the slots were when no executor was alive.
    const QList<SlotFire> fires = m_firer.missedSlots(takeover.jobs, now);

    for (const ActiveRun &run : std::as_const(takeover.active)) {
        const bool mine = run.node == m_identity.id;
        if (run.status == RunStatus::Queued && run.node.isEmpty()) {
            m_placer.schedule(run);
        } else if (mine && run.status == RunStatus::Queued) {
            // Assigned to this node: AssignmentReader reads it (or records it abandoned
            // when an earlier process with this id was given it).
        } else if (mine && !m_host.isRunning(run.runId) && !m_reserved.contains(run.runId)
                   && !m_recorder.isEnding(run.runId) && !m_placer.isInDoubt(run.runId)) {
            // Left behind by an earlier process with this node id (not one that ended in
            // this process while the database was away, and is yet to be recorded).
            const FinishedRun lost =
                endedWithoutOutput(run.runId, RunStatus::Abandoned,
                                   QStringLiteral("node %1 restarted while the run was in progress")
                                       .arg(m_identity.id));
            m_recorder.recordFinish(lost, run.jobId);
        } else if (run.node != m_identity.id) {
            m_foreignRunning[run.jobId].insert(run.runId);
        }
    }
    spdlog::info("executor: term {}: {} jobs loaded, {} scheduled, {} missed slots to record",
                 m_term, m_jobs.size(), m_jobs.queue().size(), fires.size());
    m_firer.record(fires);
    m_jobs.flushStates();
    m_resyncTimer.start();
    m_abandonTimer.start();
    // Before the queued runs: "edit, then run now" runs the edited job.
    m_jobs.reloadChangedWhileLoading();
    const QSet<qint64> queued = std::exchange(m_queuedWhileLoading, {});
    for (qint64 runId : queued)
        m_placer.consider(runId);
    m_assignments.sync();
}

// Notifications ----------------------------------------------------------------------

void Executor::onNotification(const QString &channel, const QString &payload)
{
    if (channel == QLatin1String("cronhelm_jobs")) {
        m_jobs.jobChanged(payload.toLongLong());
        return;
    }
    if (channel == QLatin1String("cronhelm_assign")) {
        if (payload == m_identity.id)
            m_assignments.sync(); // a hint: what is ours is read from the database
        return;
    }
    if (channel != QLatin1String("cronhelm_runs"))
        return;
    const std::optional<RunNotice> notice = RunNotice::parse(payload);
    if (!notice)
        return;
    const qint64 jobId = notice->jobId;
    const qint64 runId = notice->runId;
    // Any session may NOTIFY, a viewer's included (PostgreSQL checks no privilege): a
    // cancel or an end is only a hint to read the run; the database's state decides.
    if (notice->cancelRequest) {
        if (m_host.isRunning(runId))
            recheckRun(jobId, runId);
        return;
    }
    if (notice->status == RunStatus::Queued) {
        // Handed back (a node shut down, or was found gone)? Another node's run counts for its
        // job's policy until the database says it is queued with no node: read it first, and
        // place it only then (placed first, it could be counted as running elsewhere and then
        // forgotten by a read that came back late).
        if (m_foreignRunning.value(jobId).contains(runId))
            recheckRun(jobId, runId);
        else
            placeQueued(runId);
        return;
    }
    if (notice->status && isFinal(*notice->status)) {
        if (m_reserved.isAssigned(runId) || m_foreignRunning.value(jobId).contains(runId))
            recheckRun(jobId, runId);
        m_placer.placeWaiting(); // a slot may have freed somewhere; the database decides
    }
}

void Executor::recheckRun(qint64 jobId, qint64 runId)
{
    const quint64 epoch = m_epoch;
    m_readWorker.post(
        this, [runId](StoreConnection &c) { return NodeStore(c).activeRun(runId); },
        [this, jobId, runId, epoch](const Result<std::optional<ActiveRun>> &run) {
            if (!run) {
                // Not read: read again shortly, while the run still matters here.
                QTimer::singleShot(std::chrono::seconds(1), this, [this, jobId, runId, epoch] {
                    if (epoch == m_epoch
                        && (m_host.isRunning(runId) || m_reserved.contains(runId)
                            || m_foreignRunning.value(jobId).contains(runId)))
                        recheckRun(jobId, runId);
                });
                return;
            }
            if (run->has_value()) {
                const ActiveRun &active = **run;
                if (active.cancelRequested
                    && m_host.cancel(runId, QStringLiteral("cancelled by an operator")))
                    spdlog::info("run {}: cancel requested", runId);
                // Handed back: queued with no node is what a real "queued" notice means (a
                // forged one finds the run still running on its node).
                if (active.status == RunStatus::Queued && active.node.isEmpty()
                    && forgetForeign(epoch, jobId, runId))
                    placeQueued(runId);
                return;
            }
            // Ended in the database. Cancelled before its instant: not to be started here.
            if (m_reserved.isAssigned(runId) && m_reserved.drop(runId)) {
                spdlog::info("run {}: ended before it started here; dropped", runId);
                checkIdle();
            }
            // Another node's run no longer holds the job's policy.
            if (forgetForeign(epoch, jobId, runId))
                m_placer.placeWaiting();
        });
}

bool Executor::forgetForeign(quint64 epoch, qint64 jobId, qint64 runId)
{
    auto it = m_foreignRunning.find(jobId);
    if (epoch != m_epoch || it == m_foreignRunning.end() || !it->remove(runId))
        return false;
    if (it->isEmpty())
        m_foreignRunning.erase(it);
    return true;
}

void Executor::placeQueued(qint64 runId)
{
    if (m_jobs.isLoaded())
        m_placer.consider(runId);
    else if (m_term != 0)
        m_queuedWhileLoading.insert(runId);
}

// Concurrency and reserved starts ---------------------------------------------------

int Executor::runningOfJob(qint64 jobId) const
{
    // A queued run being claimed is as good as running.
    return int(m_foreignRunning.value(jobId).size()) + m_placer.claimingOfJob(jobId)
        + m_host.countOfJob(jobId);
}

void Executor::replaceRunning(qint64 jobId, const QDateTime &slot)
{
    m_host.cancelJob(jobId,
                     QStringLiteral("replaced by the run of %1 (concurrency policy: replace)")
                         .arg(slot.toString(Qt::ISODate)));
}

// The instant of a reserved run: start it, unless this node may no longer (see
// ReservedStarts::check). Returns whether it started.
bool Executor::startReserved(qint64 runId, Reservation reservation)
{
    const JobRuntime *job = m_jobs.find(reservation.jobId);
    const bool leaseProven = m_term != 0 && !m_leaseValid.hasExpired();
    switch (ReservedStarts::check(reservation, aliveUntil(), leaseProven,
                                  job ? &job->data.job : nullptr, job ? &job->schedule : nullptr)) {
    case ReservedStarts::AtInstant::NoSession:
        spdlog::warn("skip: job {} run {} slot {}: not started, this node's heartbeat is not "
                     "proven (connection lost, or older than dead_after): it may count as dead",
                     reservation.jobId, runId, iso(reservation.slot));
        checkIdle();
        return false;
    case ReservedStarts::AtInstant::LeaseLost:
        spdlog::warn("skip: job {} run {} slot {}: this node lost the executor lease before the "
                     "slot",
                     reservation.jobId, runId, iso(reservation.slot));
        m_recorder.recordFinish(
            endedWithoutOutput(runId, RunStatus::Skipped,
                               QStringLiteral("the node lost the executor lease before "
                                              "the slot")),
            reservation.jobId);
        checkIdle();
        return false;
    case ReservedStarts::AtInstant::NotWanted:
        // Reserved before the job was paused, rescheduled or deleted: not to be run now.
        spdlog::info("skip: job {} run {} slot {}: the job was paused, changed or deleted after "
                     "the slot was reserved",
                     reservation.jobId, runId, iso(reservation.slot));
        m_recorder.recordFinish(
            endedWithoutOutput(runId, RunStatus::Skipped,
                               QStringLiteral("the job was paused, changed or deleted "
                                              "just before the slot")),
            reservation.jobId);
        checkIdle();
        return false;
    case ReservedStarts::AtInstant::Start:
        break;
    }
    if (reservation.assigned) {
        const NodeJob *assignedJob = knownJob(reservation.jobId);
        if (assignedJob && reservation.version != assignedJob->job.version)
            reservation.prepared.reset();
        startTarget(runId, reservation.jobId, reservation.trigger, reservation.attempt,
                    reservation.slot, std::move(reservation.prepared), true);
        return m_host.isRunning(runId);
    }
    if (job->data.job.spec.concurrency == ConcurrencyPolicy::Replace)
        replaceRunning(reservation.jobId, reservation.slot);
    // Prepared for the job as it was then; a job edited since gets a fresh target.
    if (reservation.version != job->data.job.version)
        reservation.prepared.reset();
    startTarget(runId, reservation.jobId, RunTrigger::Schedule, 1, reservation.slot,
                std::move(reservation.prepared), true);
    return m_host.isRunning(runId); // marked as started when it reports its start
}

// Runs assigned to this node ---------------------------------------------------------

// The executor's own jobs when it has them loaded; else (a worker) as read with the runs
// assigned to this node.
NodeJob *Executor::knownJob(qint64 jobId)
{
    if (m_jobs.isLoaded()) {
        if (JobRuntime *rt = m_jobs.find(jobId))
            return &rt->data;
    }
    if (NodeJob *job = m_assignments.job(jobId))
        return job;
    JobRuntime *rt = m_jobs.find(jobId);
    return rt ? &rt->data : nullptr;
}

void Executor::adoptAssignments(const AssignmentReader::Sorted &runs)
{
    for (const ActiveRun &run : runs.abandoned) {
        m_recorder.recordFinish(
            endedWithoutOutput(run.runId, RunStatus::Abandoned,
                               QStringLiteral("node %1 restarted while the run was "
                                              "in progress")
                                   .arg(m_identity.id)),
            run.jobId);
        m_recorder.noteEnding(run.runId);
    }
    for (const ActiveRun &run : runs.toStart) {
        Reservation reservation;
        reservation.jobId = run.jobId;
        reservation.slot = run.scheduledFor;
        reservation.assigned = true;
        reservation.trigger = run.trigger;
        reservation.attempt = run.attempt;
        if (const NodeJob *job = knownJob(run.jobId)) {
            reservation.version = job->job.version;
            QString error;
            reservation.prepared =
                createTarget(run.runId, run.jobId, run.attempt, run.scheduledFor, &error);
        }
        const QDateTime at = std::max(run.scheduledFor, run.dueAt);
        spdlog::info("assign: run {} of job {} given to this node, starts at {}", run.runId,
                     run.jobId, iso(at));
        m_reserved.reserve(run.runId, std::move(reservation), at);
    }
    if (!runs.handBack.isEmpty()) {
        m_recorder.releaseReservations(runs.handBack, [](const Status &released) {
            if (!released)
                spdlog::warn("shutdown: could not hand runs back: {}",
                             released.errorMessage().toStdString());
        });
    }
}

// Where SlotFirer and QueuedRunPlacer put a run ----------------------------------------

void Executor::reserveFired(qint64 runId, const SlotFire &fire)
{
    // Built now, during the lead, so that the instant costs only the start itself.
    Reservation reservation;
    reservation.jobId = fire.jobId;
    reservation.slot = fire.slot;
    if (const JobRuntime *job = m_jobs.find(fire.jobId)) {
        reservation.version = job->data.job.version;
        QString error;
        reservation.prepared = createTarget(runId, fire.jobId, 1, fire.slot, &error);
    }
    m_reserved.reserve(runId, std::move(reservation), fire.slot);
}

void Executor::startFired(qint64 runId, const SlotFire &fire)
{
    startTarget(runId, fire.jobId, fire.trigger, 1, fire.slot);
}

void Executor::startHere(const ActiveRun &run)
{
    startTarget(run.runId, run.jobId, run.trigger, run.attempt, run.scheduledFor);
}

void Executor::startedElsewhere(qint64 jobId, qint64 runId, const QString &node)
{
    // Counted as running for the concurrency policy until its end is notified.
    m_foreignRunning[jobId].insert(runId);
    spdlog::info("assign: job {} run {} to node {}", jobId, runId, node.toStdString());
}

bool Executor::forbidsOverlap(qint64 jobId) const
{
    const JobRuntime *job = m_jobs.find(jobId);
    return job && job->data.job.spec.concurrency == ConcurrencyPolicy::Forbid;
}

// Targets ----------------------------------------------------------------------------

TargetRunPtr Executor::createTarget(qint64 runId, qint64 jobId, int attempt,
                                    const QDateTime &scheduledFor, QString *error)
{
    const NodeJob *job = knownJob(jobId);
    if (!job) {
        *error = QStringLiteral("job %1 is not known to the executor").arg(jobId);
        return {};
    }
    return m_host.prepare(runId, job->job, attempt, scheduledFor, error);
}

void Executor::startTarget(qint64 runId, qint64 jobId, RunTrigger trigger, int attempt,
                           const QDateTime &scheduledFor, TargetRunPtr prepared, bool reserved)
{
    m_placer.noteStarted(runId);
    if (m_host.isRunning(runId)) {
        spdlog::error("run {} is already running on this node; not starting it twice", runId);
        return;
    }
    TargetRunPtr target = std::move(prepared);
    if (!target) {
        QString error;
        target = createTarget(runId, jobId, attempt, scheduledFor, &error);
        if (!target) {
            // Unknown here (deleted meanwhile, or not loaded), or not runnable: record it
            // rather than lose it.
            m_recorder.recordFinish(endedWithoutOutput(runId, RunStatus::Failed, error), jobId);
            return;
        }
    }
    RunStart start;
    start.runId = runId;
    start.jobId = jobId;
    if (const NodeJob *job = knownJob(jobId))
        start.jobName = job->job.spec.name;
    start.trigger = trigger;
    start.attempt = attempt;
    start.scheduledFor = scheduledFor;
    start.reserved = reserved;
    start.leaseValid = startDeadline();
    if (!m_host.start(start, std::move(target)))
        return;
    if (!reserved) // ReservedStarts says so once for the whole instant
        Q_EMIT runningCountChanged(runningCount());
}

// A run of this node ended (its end is on its way to the store through the Recorder).
void Executor::onRunEnded(const RunEnd &end)
{
    if (NodeJob *job = knownJob(end.jobId))
        m_announcer.announce(end, *job);
    Q_EMIT runningCountChanged(runningCount());
    m_placer.placeWaiting();
}

} // namespace Cronhelm

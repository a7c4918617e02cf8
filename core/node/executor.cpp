#include "executor.h"

#include "slotplanner.h"

#include <domain/notificationtarget.h>
#include <domain/runnotice.h>
#include <domain/targetspec.h>
#include <exec/notificationpayload.h>
#include <exec/notifypolicy.h>
#include <store/storeconnection.h>

#include <spdlog/spdlog.h>

#include <QElapsedTimer>

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
    , m_notifier(&m_network)
    , m_jobs(config, identity, m_readWorker, m_fireWorker)
    , m_host(config, m_recorder)
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
    connect(&m_jobs.queue(), &FireQueue::due, this, &Executor::onDue);
    connect(&m_jobs, &JobTable::loaded, this, &Executor::applyTakeover);
    connect(&m_jobs, &JobTable::queuedFound, this, [this](const QList<ActiveRun> &runs) {
        for (const ActiveRun &run : runs)
            m_placer.schedule(run);
    });
    // Notifier logs failed deliveries itself; they never affect the run.

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
    if (!m_connected)
        return {};
    return LeaseDeadline::after(std::chrono::milliseconds(qint64(m_config.leaseTtlSeconds * 1000)));
}

void Executor::onLeaseAcquired(qint64 term, LeaseDeadline validUntil)
{
    m_term = term;
    m_leaseValid = validUntil;
    ++m_epoch;
    m_deferred.clear();
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
    if (!m_deferred.isEmpty() && canFire()) {
        // Slots that came due while the renewal was late: still ours, fire them now.
        QList<FireQueue::Due> deferred;
        deferred.swap(m_deferred);
        onDue(deferred);
    }
}

void Executor::onLeaseLost(const QString &reason)
{
    if (m_term == 0)
        return;
    spdlog::warn("executor: stopped firing (term {}): {}", m_term, reason.toStdString());
    m_term = 0;
    ++m_epoch;
    m_jobs.unload();
    m_deferred.clear();
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

    QList<SlotFire> fires;
    for (const NodeJob &job : takeover.jobs) {
        const JobRuntime *rt = m_jobs.find(job.job.id);
        if (rt && rt->schedule.isValid() && rt->schedule.isActive())
            planMissedSlots(*rt, now, fires);
    }

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
    postFires(fires);
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

// A gap without an executor: the job's misfire policy decides what happens to the slots
// in (last recorded slot, now].
void Executor::planMissedSlots(const JobRuntime &rt, const QDateTime &now, QList<SlotFire> &fires)
{
    const SlotPlanner::Missed missed =
        SlotPlanner::missedSlots(rt.data, rt.schedule, now, runningOfJob(rt.data.job.id));
    if (missed.total > missed.fires.size()) {
        spdlog::warn("job {} \"{}\": {} slots were missed; recording the newest {}", rt.data.job.id,
                     rt.data.job.spec.name.toStdString(), missed.total, missed.fires.size());
    }
    const int running = runningOfJob(rt.data.job.id);
    for (const SlotFire &fire : missed.fires) {
        if (SlotPlanner::replacesRunning(rt.data.job, fire, running))
            cancelReplaced(fire.jobId, fire.slot);
    }
    fires.append(missed.fires);
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
        // Handed back (a node shut down, or was found gone): no longer running anywhere.
        if (auto it = m_foreignRunning.find(jobId); it != m_foreignRunning.end()) {
            it->remove(runId);
            if (it->isEmpty())
                m_foreignRunning.erase(it);
        }
        if (m_jobs.isLoaded())
            m_placer.consider(runId);
        else if (m_term != 0)
            m_queuedWhileLoading.insert(runId);
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
                if ((*run)->cancelRequested
                    && m_host.cancel(runId, QStringLiteral("cancelled by an operator")))
                    spdlog::info("run {}: cancel requested", runId);
                return;
            }
            // Ended in the database. Cancelled before its instant: not to be started here.
            if (m_reserved.isAssigned(runId) && m_reserved.drop(runId)) {
                spdlog::info("run {}: ended before it started here; dropped", runId);
                checkIdle();
            }
            // Another node's run no longer holds the job's policy.
            auto it = m_foreignRunning.find(jobId);
            if (epoch != m_epoch || it == m_foreignRunning.end() || !it->remove(runId))
                return;
            if (it->isEmpty())
                m_foreignRunning.erase(it);
            m_placer.placeWaiting();
        });
}

// Firing -----------------------------------------------------------------------------

void Executor::onDue(const QList<FireQueue::Due> &due)
{
    if (!canFire()) {
        if (m_term != 0 && !m_draining) {
            // The renewal is late: hold the slots until the lease is proven again.
            m_deferred.append(due);
            spdlog::warn("executor: lease not proven; holding {} due slots", due.size());
        }
        return;
    }
    QList<SlotFire> fires;
    fires.reserve(due.size());
    for (const FireQueue::Due &d : due) {
        if (const JobRuntime *rt = m_jobs.find(d.jobId))
            fires.append(decideFire(*rt, d.slot, RunTrigger::Schedule));
    }
    // Record first (on the fire thread), compute the next slots while that is in flight.
    postFires(fires);
    for (const FireQueue::Due &d : due)
        m_jobs.scheduleNext(d.jobId, d.slot);
}

int Executor::runningOfJob(qint64 jobId) const
{
    // A queued run being claimed is as good as running.
    return int(m_foreignRunning.value(jobId).size()) + m_placer.claimingOfJob(jobId)
        + m_host.countOfJob(jobId);
}

SlotFire Executor::decideFire(const JobRuntime &rt, const QDateTime &slot, RunTrigger trigger)
{
    const JobRecord &job = rt.data.job;
    const int running = runningOfJob(job.id);
    const SlotFire fire = SlotPlanner::decide(job, slot, trigger, running);
    if (SlotPlanner::replacesRunning(job, fire, running))
        cancelReplaced(job.id, slot); // reserved slots replace at their instant
    return fire;
}

void Executor::postFires(const QList<SlotFire> &fires)
{
    if (fires.isEmpty())
        return;
    const QString node = m_identity.id;
    const qint64 term = m_term;
    const quint64 epoch = m_epoch;
    QElapsedTimer sent;
    sent.start();
    m_fireWorker.post(
        this,
        [node, term, fires, sent](StoreConnection &c) {
            const qint64 queued = sent.elapsed();
            Result<QList<FiredRun>> result = NodeStore(c).fireSlots(node, term, fires);
            return std::make_pair(std::move(result), std::make_pair(queued, sent.elapsed()));
        },
        [this, fires, sent, epoch](const auto &answer) {
            const Result<QList<FiredRun>> &result = answer.first;
            // Slow recording delays every fire: say so, it points at the database.
            if (sent.elapsed() > 20)
                spdlog::warn("fire: recording {} slots took {} ms (waited {} ms for the fire "
                             "thread, {} ms in the database)",
                             fires.size(), sent.elapsed(), answer.second.first,
                             answer.second.second - answer.second.first);
            if (!result && result.errorKind() == ErrorKind::ConnectionLost && epoch == m_epoch
                && m_term != 0) {
                // The fire thread's connection often learns only now that the server went
                // away (and may be back): nothing was recorded, and no later takeover would
                // see these slots as missed while this lease lasts. Try again on a fresh
                // connection; the unique slot index makes a repeat harmless.
                spdlog::warn("executor: could not record {} fires: {}; trying again", fires.size(),
                             result.errorMessage().toStdString());
                QTimer::singleShot(250, this, [this, fires, epoch] {
                    if (epoch == m_epoch && m_term != 0)
                        postFires(fires);
                });
                return;
            }
            onFired(fires, result);
        });
}

void Executor::onFired(const QList<SlotFire> &fires, const Result<QList<FiredRun>> &result)
{
    if (!result) {
        if (result.errorKind() == ErrorKind::Fenced) {
            spdlog::warn("executor: the database refused {} fires: {}", fires.size(),
                         result.errorMessage().toStdString());
            m_leaseValid = LeaseDeadline();
        } else {
            spdlog::error("executor: could not record {} fires: {}", fires.size(),
                          result.errorMessage().toStdString());
        }
        // Not recorded means not run: the next takeover treats them as missed slots.
        return;
    }
    // Rows inserted under a valid term are this node's to run, even if the lease moved
    // since: the decision was made, and recorded, while it was held.
    for (const FiredRun &fired : *result) {
        const SlotFire &fire = fires.at(fired.index);
        const bool toRun =
            fire.decision == SlotDecision::Reserve || fire.decision == SlotDecision::Start;
        if (toRun && !fired.node.isEmpty() && fired.node != m_identity.id) {
            // Given to another node, which starts it at the instant with its own timer.
            startedElsewhere(fire.jobId, fired.runId, fired.node);
            continue;
        }
        if (toRun && fired.node.isEmpty()) {
            // No node had a free slot (or none has the job's labels): queued, with the
            // reason recorded; assigned as soon as a slot frees, oldest slot first.
            ActiveRun queued;
            queued.runId = fired.runId;
            queued.jobId = fire.jobId;
            queued.trigger = fire.trigger;
            queued.status = RunStatus::Queued;
            queued.scheduledFor = fire.slot;
            queued.dueAt = fire.slot;
            spdlog::info("queue: job {} run {} slot {}: no node can take it now", fire.jobId,
                         fired.runId, iso(fire.slot));
            m_placer.schedule(queued);
            continue;
        }
        if (fire.decision == SlotDecision::Reserve) {
            // Built now, during the lead, so that the instant costs only the start itself.
            Reservation reservation;
            reservation.jobId = fire.jobId;
            reservation.slot = fire.slot;
            if (const JobRuntime *job = m_jobs.find(fire.jobId)) {
                reservation.version = job->data.job.version;
                QString error;
                reservation.prepared = createTarget(fired.runId, fire.jobId, 1, fire.slot, &error);
            }
            m_reserved.reserve(fired.runId, std::move(reservation), fire.slot);
        } else if (fire.decision == SlotDecision::Start) {
            startTarget(fired.runId, fire.jobId, fire.trigger, 1, fire.slot);
        } else if (fire.decision == SlotDecision::Queue) {
            ActiveRun queued;
            queued.runId = fired.runId;
            queued.jobId = fire.jobId;
            queued.trigger = fire.trigger;
            queued.status = RunStatus::Queued;
            queued.scheduledFor = fire.slot;
            queued.dueAt = fire.slot;
            m_placer.schedule(queued);
        } else {
            spdlog::info("skip: job {} slot {}: {}", fire.jobId, iso(fire.slot),
                         fire.error.toStdString());
        }
    }
}

void Executor::cancelReplaced(qint64 jobId, const QDateTime &slot)
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
    switch (ReservedStarts::check(reservation, m_connected, leaseProven,
                                  job ? &job->data.job : nullptr, job ? &job->schedule : nullptr)) {
    case ReservedStarts::AtInstant::NoSession:
        spdlog::warn("skip: job {} run {} slot {}: not started, the database connection is "
                     "lost",
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
        cancelReplaced(reservation.jobId, reservation.slot);
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

// Where QueuedRunPlacer put a run ---------------------------------------------------

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
    announce(end);
    Q_EMIT runningCountChanged(runningCount());
    m_placer.placeWaiting();
}

void Executor::announce(const RunEnd &end)
{
    const qint64 jobId = end.jobId;
    const FinishedRun &run = end.run;
    NodeJob *known = knownJob(jobId);
    if (!known)
        return;
    NodeJob &data = *known;
    NotifyPolicyInput input;
    input.runStatus = run.status;
    input.previousOutcome = data.lastOutcome;
    input.lastFailureAnnouncedAt = data.lastFailureNotifiedAt;
    input.quietSeconds = data.job.spec.notifyQuietSeconds;
    input.now = run.finishedAt;
    const NotifyDecision decision = decideNotification(input);
    if (decision.outcome == data.lastOutcome && !decision.failureAnnounced
        && decision.event == NotifyEvent::None) {
        return;
    }
    data.lastOutcome = decision.outcome;
    if (decision.failureAnnounced)
        data.lastFailureNotifiedAt = run.finishedAt;
    if (decision.event != NotifyEvent::None && !data.job.spec.notify.isEmpty()) {
        {
            RunSummary summary;
            summary.jobId = jobId;
            summary.jobName = data.job.spec.name;
            summary.runId = run.runId;
            summary.status = run.status;
            summary.attempt = end.attempt;
            summary.scheduledFor = end.scheduledFor;
            summary.startedAt = run.startedAt;
            summary.finishedAt = run.finishedAt;
            summary.exitCode = run.exitCode;
            summary.httpStatus = run.httpStatus;
            summary.error = run.error;
            summary.node = m_identity.id;
            m_notifier.notify(decision.event, data.job.spec.notify, summary);
        }
    }
    if (decision.outcome)
        m_recorder.recordOutcome(jobId, *decision.outcome, decision.failureAnnounced);
}

} // namespace Cronhelm

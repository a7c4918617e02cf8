#include "executor.h"

#include <exec/notificationpayload.h>
#include <exec/notificationtarget.h>
#include <exec/notifypolicy.h>
#include <exec/targetspec.h>
#include <store/storeconnection.h>

#include <spdlog/spdlog.h>

#include <QElapsedTimer>

namespace Cronhelm {

namespace {

// Missed slots recorded as skipped after a gap, per job; older ones are only counted.
constexpr int maxSkippedRecords = 1000;

QDateTime nowUtc()
{
    return QDateTime::currentDateTimeUtc();
}

std::string iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

// The end of a run that produced no output: never started, or lost with its node.
FinishedRun endedWithoutOutput(qint64 runId, const QString &status, const QString &error)
{
    FinishedRun run;
    run.runId = runId;
    run.status = status;
    run.error = error;
    run.finishedAt = nowUtc();
    return run;
}

bool isFinalStatus(QStringView status)
{
    return status != u"queued" && status != u"running" && status != u"cancel";
}

// Whether a slot reserved ahead is still one the job wants, as the executor knows the job
// now: paused, rescheduled or deleted meanwhile, it is not.
bool slotStillWanted(const JobRecord &job, const JobSchedule &schedule, const QDateTime &slot)
{
    if (!job.enabled || !schedule.isValid())
        return false;
    if (job.scheduleKind == QLatin1String("once")) // completed by its own reservation
        return job.onceState != QLatin1String("cancelled") && job.onceAt == slot;
    return schedule.nextAfter(slot.addMSecs(-1)) == slot;
}

} // namespace

struct Executor::Takeover
{
    QString error;
    int abandoned = 0;
    QList<NodeJob> jobs;
    QList<ActiveRun> active;
};

Executor::Executor(const NodeConfig &config, const NodeIdentity &identity, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_identity(identity)
    , m_notifier(&m_network)
    , m_logs(config.conninfo)
    , m_readWorker(config.conninfo, QStringLiteral("cronhelm-read"))
    , m_recordWorker(config.conninfo, QStringLiteral("cronhelm-record"))
    , m_fireWorker(config.conninfo, QStringLiteral("cronhelm-fire"))
{
    registerExecMetaTypes();
    m_queue.setLead(config.fireLead);
    connect(&m_queue, &FireQueue::due, this, &Executor::onDue);
    // Notifier logs failed deliveries itself; they never affect the run.

    m_resyncTimer.setInterval(config.resyncInterval);
    connect(&m_resyncTimer, &QTimer::timeout, this, &Executor::resync);
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
    m_unrecordedTimer.setInterval(1000);
    connect(&m_unrecordedTimer, &QTimer::timeout, this, &Executor::retryUnrecorded);
    m_stateTimer.setInterval(1000);
    connect(&m_stateTimer, &QTimer::timeout, this, &Executor::flushJobStates);
    m_stateTimer.start();
}

Executor::~Executor()
{
    m_queue.clear();
    // Targets still running are stopped by their destructors (SIGKILL / abort).
    m_running.clear();
}

bool Executor::canFire() const
{
    return m_term != 0 && !m_draining && !m_leaseValid.hasExpired();
}

bool Executor::isIdle() const
{
    return m_running.empty() && m_reserved.isEmpty() && m_unrecorded.isEmpty() && m_recording == 0;
}

void Executor::checkIdle()
{
    if (isIdle())
        Q_EMIT becameIdle();
}

// Lease ------------------------------------------------------------------------------

void Executor::onLeaseAcquired(qint64 term, QDeadlineTimer validUntil)
{
    m_term = term;
    m_leaseValid = validUntil;
    ++m_epoch;
    m_loaded = false;
    m_queue.clear();
    m_jobs.clear();
    m_deferred.clear();
    m_knownQueued.clear();
    m_waiting.clear();
    m_foreignRunning.clear();
    loadForTakeover(m_epoch);
}

void Executor::onLeaseRenewed(qint64 term, QDeadlineTimer validUntil)
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
    m_queue.clear();
    m_deferred.clear();
    m_waiting.clear();
    m_knownQueued.clear();
    m_resyncTimer.stop();
    m_abandonTimer.stop();
}

void Executor::onReconnected()
{
    // The control session came back; if we are (again) executor, a takeover reloads
    // everything. Records that failed meanwhile are retried by their own timer.
    retryUnrecorded();
}

void Executor::stopTakingWork()
{
    m_draining = true;
    m_queue.clear();
    m_waiting.clear();
    m_resyncTimer.stop();
    // Slots reserved but not started yet go back to the queue for the next executor.
    const QList<qint64> reserved = m_reserved.keys();
    m_reserved.clear();
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
    for (auto &[runId, target] : m_running)
        target.run->cancel(reason);
}

// Takeover ---------------------------------------------------------------------------

void Executor::loadForTakeover(quint64 epoch)
{
    const QString node = m_identity.id;
    const qint64 term = m_term;
    const double deadAfter = m_config.deadAfterSeconds;
    m_readWorker.post(
        this,
        [node, term, deadAfter](StoreConnection &c) {
            NodeStore store(c);
            Takeover t;
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
        [this, epoch](Takeover t) {
            if (epoch != m_epoch)
                return;
            if (!t.error.isEmpty()) {
                spdlog::error("executor: cannot load the jobs: {}; retrying",
                              t.error.toStdString());
                QTimer::singleShot(1000, this, [this, epoch] {
                    if (epoch == m_epoch)
                        loadForTakeover(epoch);
                });
                return;
            }
            applyTakeover(t);
        });
}

void Executor::applyTakeover(Takeover &takeover)
{
    const QDateTime now = nowUtc();
    if (takeover.abandoned > 0)
        spdlog::warn("recovery: marked {} runs of dead nodes as abandoned", takeover.abandoned);

    QList<SlotFire> fires;
    for (const NodeJob &job : std::as_const(takeover.jobs)) {
        JobRuntime rt{job, JobSchedule::compile(job.job)};
        const qint64 id = job.job.id;
        if (!rt.schedule.isValid()) {
            spdlog::error("job {} \"{}\": {}", id, job.job.name.toStdString(),
                          rt.schedule.error().toStdString());
            queueJobState(id, {}, rt.schedule.error());
        } else if (rt.schedule.isActive()) {
            planMissedSlots(rt, now, fires);
            const QDateTime next = rt.schedule.nextAfter(now);
            m_queue.schedule(id, next);
            queueJobState(id, next);
        } else {
            queueJobState(id, {});
        }
        m_jobs.insert(id, std::move(rt));
    }
    m_loaded = true;

    for (const ActiveRun &run : std::as_const(takeover.active)) {
        const bool mine = run.node == m_identity.id;
        if (run.status == QLatin1String("queued") && run.node.isEmpty()) {
            scheduleClaim(run);
        } else if (mine && !m_running.count(run.runId) && !m_reserved.contains(run.runId)
                   && !m_ending.contains(run.runId)) {
            // Left behind by an earlier process with this node id (not one that ended in
            // this process while the database was away, and is yet to be recorded).
            const FinishedRun lost =
                endedWithoutOutput(run.runId, QStringLiteral("abandoned"),
                                   QStringLiteral("node %1 restarted while the run was in progress")
                                       .arg(m_identity.id));
            recordFinish(lost, run.jobId);
        } else if (run.node != m_identity.id) {
            m_foreignRunning[run.jobId].insert(run.runId);
        }
    }
    spdlog::info("executor: term {}: {} jobs loaded, {} scheduled, {} missed slots to record",
                 m_term, m_jobs.size(), m_queue.size(), fires.size());
    postFires(fires);
    flushJobStates();
    m_resyncTimer.start();
    m_abandonTimer.start();
}

// A gap without an executor: the job's misfire policy decides what happens to the slots
// in (last recorded slot, now].
void Executor::planMissedSlots(const JobRuntime &rt, const QDateTime &now, QList<SlotFire> &fires)
{
    const JobRecord &job = rt.data.job;
    QDateTime from = job.scheduleSince;
    if (rt.data.lastSlot.isValid() && rt.data.lastSlot > from)
        from = rt.data.lastSlot;
    const bool runAll = job.misfire == QLatin1String("run_all");
    const int keep = runAll ? std::max(job.misfireBound, maxSkippedRecords) : maxSkippedRecords;
    const JobSchedule::Missed missed = rt.schedule.missedBetween(from, now, keep);
    if (missed.total == 0)
        return;
    if (missed.total > missed.newest.size()) {
        spdlog::warn("job {} \"{}\": {} slots were missed; recording the newest {}", job.id,
                     job.name.toStdString(), missed.total, missed.newest.size());
    }
    const int n = int(missed.newest.size());
    for (int i = 0; i < n; ++i) {
        const QDateTime &slot = missed.newest.at(i);
        const bool newest = i == n - 1;
        if (job.misfire == QLatin1String("skip")) {
            fires.append({job.id, slot, QStringLiteral("schedule"), QStringLiteral("skipped"),
                          QStringLiteral("missed while no executor was running (misfire "
                                         "policy: skip)")});
        } else if (runAll && i >= n - job.misfireBound) {
            // Each missed slot runs, in order, one after another (claimed from the queue).
            fires.append({job.id, slot, QStringLiteral("catch_up"), QStringLiteral("queued"), {}});
        } else if (!runAll && newest) {
            SlotFire fire = decideFire(rt, slot, QStringLiteral("catch_up"));
            fires.append(fire);
        } else {
            fires.append({job.id, slot, QStringLiteral("schedule"), QStringLiteral("skipped"),
                          runAll ? QStringLiteral("missed while no executor was running, beyond "
                                                  "the run_all bound")
                                 : QStringLiteral("missed while no executor was running (misfire "
                                                  "policy: run_once ran only the latest slot)")});
        }
    }
}

void Executor::setJob(const NodeJob &job, const QDateTime &now)
{
    JobRuntime rt{job, JobSchedule::compile(job.job)};
    const qint64 id = job.job.id;
    const auto old = m_jobs.constFind(id);
    const bool sameSlots = old != m_jobs.cend() && old->schedule.sameSlotsAs(rt.schedule);
    if (old != m_jobs.cend()) {
        // This executor records the outcomes itself, on another thread: what the database
        // returned may predate the last one (and a recovery would go unannounced).
        rt.data.lastOutcome = old->data.lastOutcome;
        rt.data.lastFailureNotifiedAt = old->data.lastFailureNotifiedAt;
    }
    if (!rt.schedule.isValid()) {
        m_queue.remove(id);
        queueJobState(id, {}, rt.schedule.error());
    } else if (!rt.schedule.isActive()) {
        m_queue.remove(id);
        queueJobState(id, {});
    } else if (!sameSlots || !m_queue.slotOf(id).isValid()) {
        // A changed schedule starts from now: the database moved schedule_since too.
        const QDateTime next = rt.schedule.nextAfter(now);
        m_queue.schedule(id, next);
        queueJobState(id, next);
    }
    m_jobs.insert(id, std::move(rt));
}

void Executor::removeJob(qint64 jobId)
{
    m_queue.remove(jobId);
    m_jobs.remove(jobId);
}

void Executor::reloadJob(qint64 jobId)
{
    const quint64 epoch = m_epoch;
    // On the fire thread, which also claims queued runs: a change notified before a Run
    // now (or a retry) is applied before that run starts, so "edit, then run now" runs the
    // edited job, and "create, then run now" finds it.
    m_fireWorker.post(
        this, [jobId](StoreConnection &c) { return NodeStore(c).loadJobs(jobId); },
        [this, epoch, jobId](const Result<QList<NodeJob>> &jobs) {
            if (epoch != m_epoch || !m_loaded)
                return;
            if (!jobs) {
                spdlog::warn("executor: cannot reload job {}: {}", jobId,
                             jobs.errorMessage().toStdString());
                return; // the periodic resync will catch up
            }
            if (jobs->isEmpty()) {
                spdlog::info("job {}: deleted; unscheduled", jobId);
                removeJob(jobId);
            } else {
                const NodeJob &job = jobs->first();
                spdlog::info("job {} \"{}\": changed (version {})", jobId,
                             job.job.name.toStdString(), job.job.version);
                setJob(job, nowUtc());
            }
        });
}

void Executor::resync()
{
    const quint64 epoch = m_epoch;
    const QString node = m_identity.id;
    m_readWorker.post(
        this,
        [node](StoreConnection &c) {
            NodeStore store(c);
            Takeover t;
            if (Result<QList<NodeJob>> jobs = store.loadJobs(); jobs)
                t.jobs = *jobs;
            else
                t.error = jobs.errorMessage();
            if (Result<QList<ActiveRun>> active = store.activeRuns(node); active)
                t.active = *active;
            return t;
        },
        [this, epoch](const Takeover &t) {
            if (epoch != m_epoch || !m_loaded || !t.error.isEmpty())
                return;
            const QDateTime now = nowUtc();
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
            for (const ActiveRun &run : t.active) {
                if (run.status == QLatin1String("queued") && run.node.isEmpty())
                    scheduleClaim(run);
            }
        });
}

// Notifications ----------------------------------------------------------------------

void Executor::onNotification(const QString &channel, const QString &payload)
{
    if (channel == QLatin1String("cronhelm_jobs")) {
        if (m_term != 0 && m_loaded)
            reloadJob(payload.toLongLong());
        return;
    }
    if (channel != QLatin1String("cronhelm_runs"))
        return;
    // "job_id,run_id,status"
    const QStringList parts = payload.split(QLatin1Char(','));
    if (parts.size() != 3)
        return;
    const qint64 jobId = parts.at(0).toLongLong();
    const qint64 runId = parts.at(1).toLongLong();
    const QString &status = parts.at(2);
    if (status == QLatin1String("cancel")) {
        const auto it = m_running.find(runId);
        if (it != m_running.end()) {
            spdlog::info("run {}: cancel requested", runId);
            it->second.run->cancel(QStringLiteral("cancelled by an operator"));
        }
        return;
    }
    if (status == QLatin1String("queued")) {
        if (m_term != 0 && m_loaded)
            considerQueuedRun(runId);
        return;
    }
    if (isFinalStatus(status)) {
        auto it = m_foreignRunning.find(jobId);
        if (it != m_foreignRunning.end()) {
            it->remove(runId);
            if (it->isEmpty())
                m_foreignRunning.erase(it);
            claimWaiting();
        }
    }
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
        const auto it = m_jobs.constFind(d.jobId);
        if (it == m_jobs.cend())
            continue;
        fires.append(decideFire(*it, d.slot, QStringLiteral("schedule")));
    }
    // Record first (on the fire thread), compute the next slots while that is in flight.
    postFires(fires);
    for (const FireQueue::Due &d : due) {
        const auto it = m_jobs.constFind(d.jobId);
        if (it == m_jobs.cend())
            continue;
        const QDateTime next = it->schedule.nextAfter(d.slot);
        m_queue.schedule(d.jobId, next);
        queueJobState(d.jobId, next);
    }
}

int Executor::runningOfJob(qint64 jobId) const
{
    // A queued run being claimed is as good as running.
    int n = int(m_foreignRunning.value(jobId).size()) + m_claiming.value(jobId);
    for (const auto &[runId, t] : m_running) {
        if (t.jobId == jobId)
            ++n;
    }
    return n;
}

SlotFire Executor::decideFire(const JobRuntime &rt, const QDateTime &slot, const QString &trigger)
{
    const JobRecord &job = rt.data.job;
    // Scheduled slots are reserved ahead and started by a local timer at the instant;
    // catch-ups are late already and start at once.
    const bool ahead = trigger == QLatin1String("schedule");
    SlotFire fire{
        job.id, slot, trigger, ahead ? QStringLiteral("reserved") : QStringLiteral("running"), {}};
    const int running = runningOfJob(job.id);
    if (running > 0 && job.concurrency == QLatin1String("forbid")) {
        fire.status = QStringLiteral("skipped");
        fire.error = QStringLiteral("the previous run was still running (concurrency policy: "
                                    "forbid)");
        return fire;
    }
    if (running > 0 && job.concurrency == QLatin1String("replace") && !ahead)
        cancelReplaced(job.id, slot); // reserved slots replace at their instant
    if (qsizetype(m_running.size()) >= m_config.maxParallel) {
        fire.status = QStringLiteral("queued"); // started when capacity frees up
    }
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
        [node, term, fires](StoreConnection &c) {
            return NodeStore(c).fireSlots(node, term, fires);
        },
        [this, fires, sent, epoch](const Result<QList<FiredRun>> &result) {
            // Slow recording delays every fire: say so, it points at the database.
            if (sent.elapsed() > 20)
                spdlog::warn("fire: recording {} slots took {} ms", fires.size(), sent.elapsed());
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
            m_leaseValid = QDeadlineTimer(0);
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
        if (fire.status == QLatin1String("reserved")) {
            m_reserved.insert(fired.runId, {fire.jobId, fire.slot});
            const qint64 wait = std::max<qint64>(0, nowUtc().msecsTo(fire.slot));
            const qint64 runId = fired.runId;
            QTimer::singleShot(std::chrono::milliseconds(wait), Qt::PreciseTimer, this,
                               [this, runId] { startReserved(runId); });
        } else if (fire.status == QLatin1String("running")) {
            startTarget(fired.runId, fire.jobId, fire.trigger, 1, fire.slot);
        } else if (fire.status == QLatin1String("queued")) {
            ActiveRun queued;
            queued.runId = fired.runId;
            queued.jobId = fire.jobId;
            queued.trigger = fire.trigger;
            queued.status = QStringLiteral("queued");
            queued.scheduledFor = fire.slot;
            queued.dueAt = fire.slot;
            scheduleClaim(queued);
        } else {
            spdlog::info("skip: job {} slot {}: {}", fire.jobId, iso(fire.slot),
                         fire.error.toStdString());
        }
    }
}

void Executor::cancelReplaced(qint64 jobId, const QDateTime &slot)
{
    for (auto &[runId, target] : m_running) {
        if (target.jobId == jobId) {
            target.run->cancel(QStringLiteral("replaced by the run of %1 (concurrency policy: "
                                              "replace)")
                                   .arg(slot.toString(Qt::ISODate)));
        }
    }
}

// The instant of a reserved slot: start it, unless the lease can no longer be proven.
void Executor::startReserved(qint64 runId)
{
    const auto it = m_reserved.constFind(runId);
    if (it == m_reserved.cend())
        return; // handed over at shutdown
    const Reservation reservation = *it;
    m_reserved.erase(it);
    if (m_term == 0 || m_leaseValid.hasExpired()) {
        spdlog::warn("skip: job {} run {} slot {}: this node lost the executor lease before the "
                     "slot",
                     reservation.jobId, runId, iso(reservation.slot));
        recordFinish(endedWithoutOutput(runId, QStringLiteral("skipped"),
                                        QStringLiteral("the node lost the executor lease before "
                                                       "the slot")),
                     reservation.jobId);
        checkIdle();
        return;
    }
    const auto job = m_jobs.constFind(reservation.jobId);
    if (job == m_jobs.cend() || !slotStillWanted(job->data.job, job->schedule, reservation.slot)) {
        // Reserved before the job was paused, rescheduled or deleted: not to be run now.
        spdlog::info("skip: job {} run {} slot {}: the job was paused, changed or deleted after "
                     "the slot was reserved",
                     reservation.jobId, runId, iso(reservation.slot));
        recordFinish(endedWithoutOutput(runId, QStringLiteral("skipped"),
                                        QStringLiteral("the job was paused, changed or deleted "
                                                       "just before the slot")),
                     reservation.jobId);
        checkIdle();
        return;
    }
    if (job->data.job.concurrency == QLatin1String("replace"))
        cancelReplaced(reservation.jobId, reservation.slot);
    startTarget(runId, reservation.jobId, QStringLiteral("schedule"), 1, reservation.slot);
    if (m_started.isEmpty())
        QTimer::singleShot(0, this, &Executor::flushStarted);
    m_started.append({runId, nowUtc()});
}

// One statement for all the reserved runs that started in this turn of the event loop.
void Executor::flushStarted()
{
    QList<std::pair<qint64, QDateTime>> started;
    started.swap(m_started);
    const QString node = m_identity.id;
    m_fireWorker.post([node, started](StoreConnection &c) {
        if (Status s = NodeStore(c).markStarted(node, started); !s) {
            spdlog::warn("could not mark {} runs as started: {}", started.size(),
                         s.errorMessage().toStdString());
        }
    });
}

// Queued runs (Run now, retries, capacity, run_all catch-ups) ----------------------------

void Executor::considerQueuedRun(qint64 runId)
{
    if (m_knownQueued.contains(runId))
        return;
    // Run now's hot path: read the run and, if it may start, claim it in the same trip to
    // the fire thread.
    const QString node = m_identity.id;
    const qint64 term = m_term;
    const bool capacity = qsizetype(m_running.size()) < m_config.maxParallel && canFire();
    struct Checked
    {
        std::optional<ActiveRun> run;
        bool claimed = false;
    };
    m_fireWorker.post(
        this,
        [node, term, runId, capacity](StoreConnection &c) {
            NodeStore store(c);
            Checked checked;
            Result<std::optional<ActiveRun>> run = store.activeRun(runId);
            // A run reserved by a node (a scheduled slot) is started by that node only.
            if (!run || !run->has_value() || !(*run)->node.isEmpty())
                return checked;
            checked.run = **run;
            const ActiveRun &r = *checked.run;
            const bool unconditional =
                r.trigger == QLatin1String("manual") || r.trigger == QLatin1String("retry");
            if (capacity && unconditional && r.status == QLatin1String("queued")
                && r.dueAt <= QDateTime::currentDateTimeUtc().addMSecs(5)) {
                Result<bool> claimed = store.claimRun(node, term, runId);
                checked.claimed = claimed && *claimed;
            }
            return checked;
        },
        [this, runId](const Checked &checked) {
            if (!checked.run)
                return;
            const ActiveRun &r = *checked.run;
            if (checked.claimed) {
                startTarget(runId, r.jobId, r.trigger, r.attempt, r.scheduledFor);
                return;
            }
            if (r.status == QLatin1String("queued") && m_term != 0)
                scheduleClaim(r);
        });
}

void Executor::scheduleClaim(const ActiveRun &run)
{
    if (m_knownQueued.contains(run.runId) || m_running.count(run.runId))
        return;
    m_knownQueued.insert(run.runId);
    const qint64 wait = std::max<qint64>(0, nowUtc().msecsTo(run.dueAt));
    const quint64 epoch = m_epoch;
    QTimer::singleShot(std::chrono::milliseconds(wait), Qt::PreciseTimer, this, [this, run, epoch] {
        if (epoch == m_epoch)
            tryClaim(run);
    });
}

void Executor::tryClaim(const ActiveRun &run)
{
    if (m_term == 0 || m_draining)
        return;
    const bool policyBound =
        run.trigger == QLatin1String("schedule") || run.trigger == QLatin1String("catch_up");
    const auto job = m_jobs.constFind(run.jobId);
    const bool busy = runningOfJob(run.jobId) > 0;
    // Missed slots caught up (run_all) run one after another, whatever the concurrency
    // policy; forbid makes every scheduled run wait for the previous one.
    const bool forbidden = busy
        && (run.trigger == QLatin1String("catch_up")
            || (policyBound && job != m_jobs.cend()
                && job->data.job.concurrency == QLatin1String("forbid")));
    if (!canFire() || qsizetype(m_running.size()) >= m_config.maxParallel || forbidden) {
        m_waiting.push_back(run);
        return;
    }
    const QString node = m_identity.id;
    const qint64 term = m_term;
    const qint64 runId = run.runId;
    ++m_claiming[run.jobId];
    m_fireWorker.post(
        this,
        [node, term, runId](StoreConnection &c) {
            return NodeStore(c).claimRun(node, term, runId);
        },
        [this, run](const Result<bool> &claimed) {
            m_knownQueued.remove(run.runId);
            if (--m_claiming[run.jobId] <= 0)
                m_claiming.remove(run.jobId);
            if (claimed && *claimed) {
                startTarget(run.runId, run.jobId, run.trigger, run.attempt, run.scheduledFor);
                return;
            }
            if (!claimed) {
                spdlog::warn("run {}: could not claim: {}", run.runId,
                             claimed.errorMessage().toStdString());
            }
            claimWaiting(); // runs of the same job may have waited for this one
        });
}

void Executor::claimWaiting()
{
    if (m_waiting.empty() || !canFire())
        return;
    std::deque<ActiveRun> waiting;
    waiting.swap(m_waiting);
    for (const ActiveRun &run : waiting)
        tryClaim(run);
}

// Targets ----------------------------------------------------------------------------

void Executor::startTarget(qint64 runId, qint64 jobId, const QString &trigger, int attempt,
                           const QDateTime &scheduledFor)
{
    m_knownQueued.remove(runId);
    if (m_running.count(runId)) {
        spdlog::error("run {} is already running on this node; not starting it twice", runId);
        return;
    }
    const auto job = m_jobs.constFind(jobId);
    if (job == m_jobs.cend()) {
        // Unknown here (deleted meanwhile, or not loaded): record it rather than lose it.
        recordFinish(
            endedWithoutOutput(runId, QStringLiteral("failed"),
                               QStringLiteral("job %1 is not known to the executor").arg(jobId)),
            jobId);
        return;
    }
    const JobRecord &def = job->data.job;
    Result<TargetSpec> target = TargetSpec::fromJson(def.targetType, def.target);
    if (!target) {
        recordFinish(endedWithoutOutput(runId, QStringLiteral("failed"), target.errorMessage()),
                     jobId);
        return;
    }
    RunContext context;
    context.runId = runId;
    context.jobId = jobId;
    context.jobName = def.name;
    context.scheduledFor = scheduledFor;
    context.attempt = attempt;
    context.target = *target;
    context.timeoutSeconds = def.timeoutSeconds;
    context.logLimitBytes = def.logLimitBytes;
    context.network = &m_network;
    context.killGrace = m_config.killGrace;

    ActiveTarget active;
    active.run = createTargetRun(context, this);
    active.jobId = jobId;
    active.trigger = trigger;
    active.attempt = attempt;
    active.scheduledFor = scheduledFor;
    active.startedAt = nowUtc();
    TargetRun *run = active.run.get();
    connect(run, &TargetRun::output, this, [this, runId](LogStream stream, const QString &text) {
        m_logs.append(runId, stream, text);
    });
    connect(run, &TargetRun::finished, this,
            [this, runId](const RunOutcome &outcome) { onTargetFinished(runId, outcome); });
    m_running.emplace(runId, std::move(active));
    run->start();
    const qint64 lateMs = scheduledFor.msecsTo(QDateTime::currentDateTimeUtc());
    spdlog::info("fire: job {} \"{}\" run {} ({}, attempt {}) slot {} started {} ms after it",
                 jobId, def.name.toStdString(), runId, trigger.toStdString(), attempt,
                 iso(scheduledFor), lateMs);
    Q_EMIT runningCountChanged(runningCount());
}

void Executor::onTargetFinished(qint64 runId, const RunOutcome &outcome)
{
    auto it = m_running.find(runId);
    if (it == m_running.end())
        return;
    ActiveTarget target = std::move(it->second);
    m_running.erase(it);
    // finished() is being emitted by this object: delete it later, not here.
    target.run.release()->deleteLater();

    FinishedRun finished;
    finished.runId = runId;
    finished.status = runStatusName(outcome.status);
    finished.exitCode = outcome.exitCode;
    finished.httpStatus = outcome.httpStatus;
    finished.error = outcome.error;
    finished.logBytes = outcome.logBytes;
    finished.logTruncated = outcome.logTruncated;
    finished.finishedAt = nowUtc();
    finished.startedAt = target.startedAt;
    spdlog::info("run end: job {} run {}: {} in {} ms{}{}", target.jobId, runId,
                 finished.status.toStdString(), target.startedAt.msecsTo(finished.finishedAt),
                 outcome.error.isEmpty() ? "" : ": ", outcome.error.toStdString());

    const qint64 jobId = target.jobId;
    m_ending.insert(runId);
    ++m_recording;
    m_logs.close(runId, [this, finished, jobId] {
        --m_recording;
        recordFinish(finished, jobId);
    });
    announce(jobId, finished, target);
    Q_EMIT runningCountChanged(runningCount());
    claimWaiting();
}

void Executor::recordFinish(const FinishedRun &run, qint64 jobId)
{
    ++m_recording;
    const QString node = m_identity.id;
    m_recordWorker.post(
        this, [node, run](StoreConnection &c) { return NodeStore(c).finishRun(node, run); },
        [this, run, jobId](const Result<std::optional<qint64>> &retry) {
            --m_recording;
            if (!retry && retry.errorKind() == ErrorKind::ConnectionLost) {
                // Recorded when the connection returns; the outcome is not lost.
                m_unrecorded.append({run, jobId});
                m_unrecordedTimer.start();
                checkIdle();
                return;
            }
            m_ending.remove(run.runId);
            if (!retry) {
                spdlog::error("run {}: could not record its end: {}", run.runId,
                              retry.errorMessage().toStdString());
            } else if (retry->has_value()) {
                spdlog::info("retry: job {} run {} queued as run {}", jobId, run.runId, **retry);
            }
            checkIdle();
        });
}

void Executor::retryUnrecorded()
{
    if (m_unrecorded.isEmpty()) {
        m_unrecordedTimer.stop();
        return;
    }
    QList<std::pair<FinishedRun, qint64>> pending;
    pending.swap(m_unrecorded);
    for (const auto &[run, jobId] : std::as_const(pending))
        recordFinish(run, jobId);
}

void Executor::announce(qint64 jobId, const FinishedRun &run, const ActiveTarget &target)
{
    auto job = m_jobs.find(jobId);
    if (job == m_jobs.end())
        return;
    NodeJob &data = job->data;
    NotifyPolicyInput input;
    input.runStatus = run.status;
    input.previousOutcome = data.lastOutcome;
    input.lastFailureAnnouncedAt = data.lastFailureNotifiedAt;
    input.quietSeconds = data.job.notifyQuietSeconds;
    input.now = run.finishedAt;
    const NotifyDecision decision = decideNotification(input);
    if (decision.outcome == data.lastOutcome && !decision.failureAnnounced
        && decision.event == NotifyEvent::None) {
        return;
    }
    data.lastOutcome = decision.outcome;
    if (decision.failureAnnounced)
        data.lastFailureNotifiedAt = run.finishedAt;
    if (decision.event != NotifyEvent::None && !data.job.notify.isEmpty()) {
        Result<QList<NotificationTarget>> targets =
            NotificationTarget::listFromJson(data.job.notify);
        if (targets) {
            RunSummary summary;
            summary.jobId = jobId;
            summary.jobName = data.job.name;
            summary.runId = run.runId;
            summary.status = run.status;
            summary.attempt = target.attempt;
            summary.scheduledFor = target.scheduledFor;
            summary.startedAt = target.startedAt;
            summary.finishedAt = run.finishedAt;
            summary.exitCode = run.exitCode;
            summary.httpStatus = run.httpStatus;
            summary.error = run.error;
            summary.node = m_identity.id;
            m_notifier.notify(decision.event, *targets, summary);
        } else {
            spdlog::warn("job {}: notification targets are invalid: {}", jobId,
                         targets.errorMessage().toStdString());
        }
    }
    const QString outcome = decision.outcome;
    const bool announced = decision.failureAnnounced;
    m_recordWorker.post([jobId, outcome, announced](StoreConnection &c) {
        if (Status s = NodeStore(c).recordOutcome(jobId, outcome, announced); !s)
            spdlog::warn("job {}: could not record its outcome: {}", jobId,
                         s.errorMessage().toStdString());
    });
}

void Executor::queueJobState(qint64 jobId, const QDateTime &next, const QString &error)
{
    m_stateUpdates.insert(jobId, {jobId, next, error});
}

void Executor::flushJobStates()
{
    if (m_stateUpdates.isEmpty() || m_term == 0)
        return;
    QList<JobStateUpdate> updates = m_stateUpdates.values();
    m_stateUpdates.clear();
    m_readWorker.post([updates](StoreConnection &c) {
        if (Status s = NodeStore(c).setJobState(updates); !s)
            spdlog::warn("executor: could not record next fire times: {}",
                         s.errorMessage().toStdString());
    });
}

} // namespace Cronhelm

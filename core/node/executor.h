#pragma once

#include "firequeue.h"
#include "nodeconfig.h"
#include "recorder.h"
#include "retentionsweeper.h"
#include "runhost.h"
#include <domain/jobschedule.h>

#include <exec/notifier.h>
#include <exec/runoutcome.h>
#include <exec/targetrun.h>
#include <store/nodestore.h>
#include <store/storeworker.h>

#include "leasedeadline.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <memory>
#include <unordered_map>

namespace Cronhelm {

// Fires jobs while this node holds the executor lease, and runs the runs assigned to this
// node whether it holds the lease or not.
//
// Every active schedule is in a FireQueue; when slots are due the executor decides per
// job (concurrency policy), records the runs in one fire_slots_assigned() call — the
// database's unique slot constraint and term check make that the moment of truth, and the
// same statement gives each run to a live node with a free slot — and starts the targets
// given to itself. Other nodes learn of theirs by NOTIFY cronhelm_assign (a hint: they
// re-read their assignments, and also do so every two seconds) and start them at their
// instant with their own timers. Run now, retries and cancel requests arrive by NOTIFY.
// The executor never blocks its event loop on the database: store work runs on StoreWorker
// threads and answers with values.
class Executor : public QObject
{
    Q_OBJECT

public:
    Executor(const NodeConfig &config, const NodeIdentity &identity, QObject *parent = nullptr);
    ~Executor() override;

    bool isExecutor() const { return m_term != 0; }
    int runningCount() const { return m_host.count(); }
    // Nothing running and nothing left to record.
    bool isIdle() const;

    void onLeaseAcquired(qint64 term, LeaseDeadline validUntil);
    void onLeaseRenewed(qint64 term, LeaseDeadline validUntil);
    void onLeaseLost(const QString &reason);
    void onNotification(const QString &channel, const QString &payload);
    void onReconnected();
    // The control session is gone: this node is no longer seen as alive, so it starts
    // nothing more that was assigned to it until the session is back.
    void onConnectionLost();

    // Graceful shutdown: fire nothing more; running targets go on.
    void stopTakingWork();
    // Stops every running target; they finish as cancelled with `reason`.
    void cancelAll(const QString &reason);

Q_SIGNALS:
    void runningCountChanged(int count);
    void becameIdle();

private:
    struct JobRuntime
    {
        NodeJob data;
        JobSchedule schedule;
    };
    struct Takeover;

    bool canFire() const;
    // Until when a run handed out now may start (checked on its thread, on CLOCK_BOOTTIME):
    // the lease's proven end on the executor; on a worker, a lease TTL from now while its
    // control session is up, else already over.
    LeaseDeadline startDeadline() const;
    void loadForTakeover(quint64 epoch);
    void applyTakeover(Takeover &takeover);
    void planMissedSlots(const JobRuntime &rt, const QDateTime &now, QList<SlotFire> &fires);
    void setJob(const NodeJob &job, const QDateTime &now);
    void removeJob(qint64 jobId);
    void reloadJob(qint64 jobId);
    void resync();

    void onDue(const QList<FireQueue::Due> &due);
    SlotFire decideFire(const JobRuntime &rt, const QDateTime &slot, RunTrigger trigger);
    int runningOfJob(qint64 jobId) const;
    void postFires(const QList<SlotFire> &fires);
    void onFired(const QList<SlotFire> &fires, const Result<QList<FiredRun>> &result);

    void considerQueuedRun(qint64 runId);
    // Reads the run a notification named and acts on its state in the database.
    void recheckRun(qint64 jobId, qint64 runId);
    void scheduleClaim(const ActiveRun &run);
    // Returns whether an assignment was asked for (else the run waits, or is in flight).
    bool tryClaim(const ActiveRun &run, bool fromWaiting = false);
    void claimWaiting();

    void claimed(const ActiveRun &run, const Result<bool> &claimed);
    void assigned(const ActiveRun &run, const Result<std::optional<QString>> &node);
    void noteForeign(qint64 jobId, qint64 runId, const QString &node);

    // Runs assigned to this node (as a worker, or before it became executor).
    void syncAssignments();
    void adoptAssignments(const QList<ActiveRun> &runs, const QList<NodeJob> &jobs);
    void reserveAt(qint64 runId, const QDateTime &instant);
    NodeJob *knownJob(qint64 jobId);
    void resolveInDoubtClaims();

    TargetRunPtr createTarget(qint64 runId, qint64 jobId, int attempt,
                              const QDateTime &scheduledFor, QString *error);
    void startTarget(qint64 runId, qint64 jobId, RunTrigger trigger, int attempt,
                     const QDateTime &scheduledFor, TargetRunPtr prepared = {},
                     bool reserved = false);
    void startInstant(qint64 slotMs);
    bool startReserved(qint64 runId);
    void cancelReplaced(qint64 jobId, const QDateTime &slot);
    void onRunEnded(const RunEnd &end);
    void announce(const RunEnd &end);
    void queueJobState(qint64 jobId, const QDateTime &next, const QString &error = {});
    void flushJobStates();
    void checkIdle();

    NodeConfig m_config;
    NodeIdentity m_identity;
    QNetworkAccessManager m_network; // notifications
    Notifier m_notifier;
    FireQueue m_queue;
    RunHost m_host; // this node's runs: started, watched, cancelled

    qint64 m_term = 0;
    quint64 m_epoch = 0;        // changes whenever the lease changes; stale replies are dropped
    LeaseDeadline m_leaseValid; // CLOCK_BOOTTIME: counts a suspend
    bool m_draining = false;
    bool m_loaded = false;
    bool m_connected = true; // the control session (this node's pulse) is up
    bool m_syncing = false;  // an assignedRuns() read in flight
    bool m_syncAgain = false;
    int m_waitingInFlight = 0; // assignments asked for by claimWaiting()'s round
    bool m_waitingAgain = false;

    QHash<qint64, JobRuntime> m_jobs;
    QHash<qint64, QSet<qint64>> m_foreignRunning; // jobId -> runs running on other nodes
    QSet<qint64> m_knownQueued;                   // queued runs with a claim planned
    std::deque<ActiveRun> m_waiting;              // claimable once capacity/policy allows
    QList<FireQueue::Due> m_deferred;             // due while the lease was unproven
    struct Reservation
    {
        qint64 jobId = 0;
        QDateTime slot;
        int version = 0;       // of the job when the target was prepared
        TargetRunPtr prepared; // built during the lead, started at the slot
        // Given to this node by the executor (read from the database), rather than reserved
        // by this node as executor: started without holding the lease.
        bool assigned = false;
        RunTrigger trigger = RunTrigger::Schedule;
        int attempt = 1;
    };
    // Jobs of the runs assigned to this node, as read with them (a worker has no m_jobs).
    QHash<qint64, NodeJob> m_assignedJobs;
    std::unordered_map<qint64, Reservation> m_reserved; // recorded ahead, started at the slot
    QHash<qint64, QList<qint64>> m_instants;            // slot (ms) -> reserved runs
    QHash<qint64, int> m_claiming; // jobId -> claims of its queued runs in flight
    // Runs with a claim in flight, or whose claim's reply was lost with the connection (in
    // doubt: it may have been recorded). No second claim is sent for them meanwhile.
    QSet<qint64> m_claimingRuns;
    QHash<qint64, ActiveRun> m_inDoubt;
    bool m_resolvingClaims = false;
    int m_recording = 0;
    QHash<qint64, JobStateUpdate> m_stateUpdates;
    // Job changes and queued runs notified while a takeover was loading: applied after it.
    QSet<qint64> m_changedWhileLoading;
    QSet<qint64> m_queuedWhileLoading;
    Backoff m_reloadBackoff;
    Backoff m_claimBackoff;

    QTimer m_resyncTimer;
    QTimer m_abandonTimer;
    QTimer m_claimRetryTimer;
    QTimer m_stateTimer;
    QTimer m_assignTimer;  // re-reads this node's assignments (NOTIFY is only a hint)
    QTimer m_waitingTimer; // retries runs waiting for a free slot

    // Deletes old runs while this node is the executor, on a connection of its own.
    RetentionSweeper m_retention;

    // One connection each, so that no kind of work queues behind another: the fire thread
    // only records fires and claims (the hot path), run ends go to the record thread,
    // loads and bookkeeping to the read thread. Declared last: destroyed first, so no reply
    // arrives into a half-destroyed executor.
    StoreWorker m_readWorker;
    Recorder m_recorder; // run starts, ends and outcomes (its own connection)
    StoreWorker m_fireWorker;
};

} // namespace Cronhelm

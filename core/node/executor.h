#pragma once

#include "assignmentreader.h"
#include "firequeue.h"
#include "jobtable.h"
#include "leasedeadline.h"
#include "nodeconfig.h"
#include "outcomeannouncer.h"
#include "queuedrunplacer.h"
#include "recorder.h"
#include "reservedstarts.h"
#include "retentionsweeper.h"
#include "runhost.h"
#include "slotfirer.h"
#include <domain/jobschedule.h>

#include <exec/runoutcome.h>
#include <exec/targetrun.h>
#include <store/nodestore.h>
#include <store/storeworker.h>

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <unordered_map>

namespace Cronhelm {

// The node's orchestrator: fires jobs while this node holds the executor lease, and runs
// the runs assigned to this node whether it holds the lease or not. It follows the lease
// and the notifications and hands each piece of work to the class whose one job it is
// (docs/architecture.md, "Inside a node").
//
// Every active job is in the JobTable and its next slot in a FireQueue; when slots are due
// the executor decides per job (SlotPlanner: concurrency policy), records the runs in one
// fire_slots_assigned() call — the database's unique slot constraint and term check make
// that the moment of truth, and the same statement gives each run to a live node with a
// free slot — and reserves the runs given to itself (ReservedStarts). Other nodes read
// theirs (AssignmentReader) and start them at their instant with their own timers. Queued
// runs — Run now, retries, catch-ups, runs no node could take — are placed by the
// QueuedRunPlacer. Started runs live in the RunHost; what happens to them is written by the
// Recorder; outcomes are announced by the OutcomeAnnouncer, decided against the job's last
// outcome in the store (whichever node recorded it). The executor never blocks
// its event loop on the database: store work runs on StoreWorker threads and answers with
// values.
class Executor : public QObject, private QueuedRunPlacer::Node, private SlotFirer::Node
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
    // A heartbeat was recorded: this node counts as alive until `validUntil`. Runs assigned
    // to it start only while such a proof holds (a frozen or suspended node is taken for
    // dead and its runs are given to others).
    void onHeartbeatProven(LeaseDeadline validUntil);

    // Graceful shutdown: fire nothing more; running targets go on.
    void stopTakingWork();
    // Stops every running target; they finish as cancelled with `reason`.
    void cancelAll(const QString &reason);

Q_SIGNALS:
    void runningCountChanged(int count);
    void becameIdle();

private:
    using JobRuntime = JobTable::Entry;

    // QueuedRunPlacer::Node and SlotFirer::Node
    qint64 term() const override { return m_term; }
    bool canFire() const override;
    bool isLoaded() const override { return m_jobs.isLoaded(); }
    bool isDraining() const override { return m_draining; }
    int runningOfJob(qint64 jobId) const override;
    bool forbidsOverlap(qint64 jobId) const override;
    bool isRunningHere(qint64 runId) const override { return m_host.isRunning(runId); }
    void startHere(const ActiveRun &run) override;
    void startedElsewhere(qint64 jobId, qint64 runId, const QString &node) override;
    // SlotFirer::Node
    void fenced() override { m_leaseValid = LeaseDeadline(); }
    void replaceRunning(qint64 jobId, const QDateTime &slot) override;
    void reserveFired(qint64 runId, const SlotFire &fire) override;
    void startFired(qint64 runId, const SlotFire &fire) override;
    void queueFired(const ActiveRun &run) override { m_placer.schedule(run); }

    // Until when a run handed out now may start (checked on its thread, on CLOCK_BOOTTIME):
    // the lease's proven end on the executor; on a worker, the end of its last heartbeat's
    // proof while its control session is up, else already over.
    LeaseDeadline startDeadline() const;
    // Until when this node is proven alive (its last heartbeat), while its session is up.
    LeaseDeadline aliveUntil() const { return m_connected ? m_aliveValid : LeaseDeadline(); }
    // The takeover's jobs are loaded: plan their missed slots, sort out the runs.
    void applyTakeover(const JobTable::Snapshot &takeover, const QDateTime &now);

    // Reads the run a notification named and acts on its state in the database.
    void recheckRun(qint64 jobId, qint64 runId);
    // Another node's run no longer counts for its job (when read under the current lease);
    // returns whether it was counted.
    bool forgetForeign(quint64 epoch, qint64 jobId, qint64 runId);
    // A queued run (as read or notified) for the placer, or for after the takeover loads.
    void placeQueued(qint64 runId);

    // Runs assigned to this node (as a worker, or before it became executor), newly read.
    void adoptAssignments(const AssignmentReader::Sorted &runs);
    NodeJob *knownJob(qint64 jobId);

    TargetRunPtr createTarget(qint64 runId, qint64 jobId, int attempt,
                              const QDateTime &scheduledFor, QString *error);
    void startTarget(qint64 runId, qint64 jobId, RunTrigger trigger, int attempt,
                     const QDateTime &scheduledFor, TargetRunPtr prepared = {},
                     bool reserved = false);
    // A reserved run's instant came (ReservedStarts): start it, or record why not.
    bool startReserved(qint64 runId, Reservation reservation);
    void onRunEnded(const RunEnd &end);
    void checkIdle();

    NodeConfig m_config;
    NodeIdentity m_identity;
    // Notifications (its own network manager); outcomes written through m_recorder.
    OutcomeAnnouncer m_announcer;
    // The jobs this node fires while it holds the lease, and their next slots.
    JobTable m_jobs;
    RunHost m_host;    // this node's runs: started, watched, cancelled
    SlotFirer m_firer; // decides and records the due slots while this node holds the lease

    qint64 m_term = 0;
    quint64 m_epoch = 0;        // changes whenever the lease changes; stale replies are dropped
    LeaseDeadline m_leaseValid; // CLOCK_BOOTTIME: counts a suspend
    LeaseDeadline m_aliveValid; // the last heartbeat's proof, CLOCK_BOOTTIME too
    bool m_draining = false;
    bool m_connected = true; // the control session (this node's pulse) is up

    QHash<qint64, QSet<qint64>> m_foreignRunning; // jobId -> runs running on other nodes
    ReservedStarts m_reserved; // recorded ahead, started at their instant by this node
    // The runs the executor assigned to this node, read from the database (read thread).
    AssignmentReader m_assignments;
    // Queued runs placed on nodes while this node holds the lease (claims on the fire thread).
    QueuedRunPlacer m_placer;
    int m_recording = 0;
    // Queued runs notified while a takeover was loading: placed after it.
    QSet<qint64> m_queuedWhileLoading;

    QTimer m_resyncTimer;
    QTimer m_abandonTimer;

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

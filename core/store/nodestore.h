#pragma once

#include <domain/records.h>

#include <result.h>

#include <QHash>

#include <functional>
#include <optional>

namespace Cronhelm {

class StoreConnection;

struct NodeIdentity
{
    QString id;
    QString host;
    int pid = 0;
    QString version;
    QDateTime startedAt;
};

// A job's last outcome, as the notification policy reads it (job_state).
struct JobOutcome
{
    std::optional<RunStatus> last; // Succeeded or Failed; nothing: never ran
    QDateTime lastFailureNotifiedAt;
};

// What a node records as a job's last outcome once it has decided what a run announces.
struct OutcomeChange
{
    RunStatus outcome = RunStatus::Succeeded;
    bool failureNotified = false; // a failure was announced now
};

// A job as the executor needs it: the definition plus what decides catch-up across
// failovers. (What decides notifications is read when a run ends: settleOutcomes.)
struct NodeJob
{
    JobRecord job;
    QDateTime lastSlot; // newest scheduled/catch-up slot recorded for the job
};

// What the executor decided for a slot (the p_statuses of cronhelm.fire_slots).
enum class SlotDecision {
    Reserve, // recorded ahead, started by this node's timer at the instant
    Start,   // recorded as running now (a late slot: catch-up)
    Queue,   // recorded as queued: started when capacity or the policy allows
    Skip,    // recorded as skipped, with the reason
};
QString wireName(SlotDecision decision);

struct SlotFire
{
    qint64 jobId = 0;
    QDateTime slot;
    RunTrigger trigger = RunTrigger::Schedule; // Schedule or CatchUp
    SlotDecision decision = SlotDecision::Reserve;
    QString error; // why skipped
};

struct FiredRun
{
    int index = 0; // position in the fireSlots() input
    qint64 runId = 0;
    // The node the run was given to (schema 8); empty: skipped, or queued without a node.
    QString node;
};

struct ActiveRun
{
    qint64 runId = 0;
    qint64 jobId = 0;
    RunTrigger trigger = RunTrigger::Schedule;
    QString triggeredBy;
    RunStatus status = RunStatus::Queued; // Queued or Running
    QDateTime scheduledFor;
    QDateTime dueAt;
    int attempt = 1;
    qint64 firstRunId = 0;
    QString node;
    bool cancelRequested = false;
    QDateTime assignedAt; // when it was given to `node` (assignedRuns() only)
};

struct FinishedRun
{
    qint64 runId = 0;
    RunStatus status = RunStatus::Failed; // a final status
    std::optional<int> exitCode;
    std::optional<int> httpStatus;
    QString error;
    qint64 logBytes = 0;
    bool logTruncated = false;
    QDateTime finishedAt;
    QDateTime startedAt; // when the target started, if known (for reserved slots)
};

struct JobStateUpdate
{
    qint64 jobId = 0;
    QDateTime nextFireAt;
    QString scheduleError;
};

// The node's side of the SQL API: heartbeats, the executor lease, recording fires and
// outcomes, logs. All fencing is done by the database (see cronhelm._assert_term).
class NodeStore
{
public:
    explicit NodeStore(StoreConnection &connection);

    // Returns the database clock at the heartbeat. Reports the node's state (any role but
    // Lost, which only the cluster view concludes) and what it offers (schema 8): how many
    // targets it runs at once, and its labels.
    Result<QDateTime> heartbeat(const NodeIdentity &node, NodeRole state, int runningJobs,
                                int capacity = 256, const QStringList &labels = {});
    // The term held after the call, or nullopt when another node holds the lease.
    Result<std::optional<qint64>> acquireLease(const QString &nodeId, double ttlSeconds);
    Result<bool> releaseLease(const QString &nodeId);

    Result<QList<NodeJob>> loadJobs(std::optional<qint64> onlyJob = std::nullopt);
    Result<QList<NodeJob>> loadJobs(const QList<qint64> &jobIds);

    // Inserts one run per slot, each to run given to a live node with a free slot (schema 8,
    // cronhelm.fire_slots_assigned); fires already recorded are left out of the result.
    // Fenced error when this node does not hold the lease under `term`.
    Result<QList<FiredRun>> fireSlots(const QString &nodeId, qint64 term,
                                      const QList<SlotFire> &fires);
    Result<bool> claimRun(const QString &nodeId, qint64 term, qint64 runId);
    // Gives a queued, unassigned run to the live node with the most free slots (running at
    // once when that is nodeId). The node; an empty string when the run is no longer queued
    // and unassigned; nothing when no node can take it now (the reason is recorded with it).
    Result<std::optional<QString>> assignRun(const QString &nodeId, qint64 term, qint64 runId);
    // The runs assigned to this node that it has not started yet.
    Result<QList<ActiveRun>> assignedRuns(const QString &nodeId);
    // Reserved runs (SlotFire status "reserved") whose targets started at these instants.
    Status markStarted(const QString &nodeId, const QList<std::pair<qint64, QDateTime>> &started);
    // Gives reserved runs that did not start back to any executor (graceful shutdown).
    Status releaseReservations(const QString &nodeId, const QList<qint64> &runIds);
    // Returns the id of the queued retry, if the job's policy asked for one.
    Result<std::optional<qint64>> finishRun(const QString &nodeId, const FinishedRun &run);
    // Many run ends in one call (schema 3); per run, in input order, the queued retry's id.
    // All or nothing: on an error nothing was recorded.
    Result<QList<std::optional<qint64>>> finishRuns(const QString &nodeId,
                                                    const QList<FinishedRun> &runs);
    Result<int> abandonOrphanedRuns(const QString &nodeId, qint64 term, double deadAfterSeconds);

    // Queued runs, and every running run (this node's, and others' for the concurrency policy).
    Result<QList<ActiveRun>> activeRuns(const QString &nodeId);
    Result<std::optional<ActiveRun>> activeRun(qint64 runId);

    Status appendLog(qint64 runId, const QList<LogChunk> &chunks);
    // The chunks of several runs in one call (schema 3). All or nothing.
    Status appendLogs(const QList<std::pair<qint64, QList<LogChunk>>> &batches);
    Status setJobState(const QList<JobStateUpdate> &updates);
    // Reads the jobs' last outcomes under row locks, lets `decide` say what to record in
    // their place (jobs it leaves out stay as they are) and records that, in one
    // transaction: nodes that end runs of one job at the same time take turns, each seeing
    // the other's outcome. A job deleted meanwhile is missing from what `decide` gets.
    // `decide` may be called again if the transaction is retried.
    Status settleOutcomes(const QList<qint64> &jobIds,
                          const std::function<QList<std::pair<qint64, OutcomeChange>>(
                              const QHash<qint64, JobOutcome> &)> &decide);

private:
    StoreConnection &m_connection;
};

} // namespace Cronhelm

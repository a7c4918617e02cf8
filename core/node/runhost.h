#pragma once

#include "logbatcher.h"
#include "nodeconfig.h"
#include "recorder.h"
#include "targetthreads.h"

#include <exec/runoutcome.h>
#include <exec/targetrun.h>

#include <QObject>

#include <unordered_map>

namespace Cronhelm {

// What a run being started is.
struct RunStart
{
    qint64 runId = 0;
    qint64 jobId = 0;
    QString jobName;
    RunTrigger trigger = RunTrigger::Schedule;
    int attempt = 1;
    QDateTime scheduledFor;
    // Assigned ahead (a reserved slot, or given to this node): its start is recorded by
    // mark_started once the target reports it.
    bool reserved = false;
    // The target starts only if this has not passed when its thread gets to it.
    LeaseDeadline leaseValid;
};

// How a run that ran here ended.
struct RunEnd
{
    FinishedRun run;
    qint64 jobId = 0;
    int attempt = 1;
    QDateTime scheduledFor;
};

// Starts, watches and cancels the runs of this node — every node has one, lease or not.
// Targets are built during the lead on this thread (prepare) and started on the target
// threads (TargetThreads), so an instant's burst costs this thread only the hand-out. Their
// output goes to the LogBatcher; a run's real start (the process created, the request
// issued) is logged and, for runs assigned ahead, marked through the Recorder; its end is
// recorded by the Recorder once its log is closed, and announced with ended().
class RunHost : public QObject
{
    Q_OBJECT

public:
    RunHost(const NodeConfig &config, Recorder &recorder, QObject *parent = nullptr);
    ~RunHost() override;

    // The target of a run, built and prepared to start at its instant; nothing (with the
    // reason) when the job cannot run (its stored definition breaks today's rules).
    TargetRunPtr prepare(qint64 runId, const JobRecord &job, int attempt,
                         const QDateTime &scheduledFor, QString *error);
    // Starts a prepared target. False when the run is running here already.
    bool start(const RunStart &run, TargetRunPtr target);

    bool isRunning(qint64 runId) const { return m_running.count(runId) > 0; }
    int count() const { return int(m_running.size()); }
    int countOfJob(qint64 jobId) const;
    // Each returns whether a run was asked to stop.
    bool cancel(qint64 runId, const QString &reason);
    void cancelJob(qint64 jobId, const QString &reason);
    void cancelAll(const QString &reason);
    // Stops every target now (their destructors kill them); nothing is recorded.
    void stopAll();
    // Nothing running, and every ended run's end handed to the Recorder.
    bool isIdle() const { return m_running.empty() && m_closing == 0; }

Q_SIGNALS:
    void ended(const RunEnd &end);
    // An ended run's log was closed and its end handed to the Recorder.
    void settled();

private:
    struct Active
    {
        TargetRunPtr run;
        RunStart start;
        // When the target was handed out, until it reports its real start (started()):
        // then the instant the process was created / the request was issued.
        QDateTime startedAt;
    };

    void onStarted(qint64 runId, qint64 atUs);
    void onFinished(qint64 runId, const RunOutcome &outcome);

    NodeConfig m_config;
    Recorder &m_recorder;
    // Targets run on these threads, so that a burst of requests and processes at one
    // instant is started in parallel (see TargetThreads).
    TargetThreads m_targets;
    LogBatcher m_logs;
    std::unordered_map<qint64, Active> m_running; // holds move-only TargetRuns
    int m_closing = 0;                            // ended runs whose log is being closed
};

} // namespace Cronhelm

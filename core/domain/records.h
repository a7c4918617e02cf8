#pragma once

#include "enums.h"
#include "fieldproblem.h"
#include "jobspec.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Cronhelm {

// A stored job: its definition plus what the store, the executor and the run history say
// about it (the job_overview view). Plain values, safe to copy across threads.
struct JobRecord
{
    qint64 id = 0;
    int version = 0;
    JobSpec spec;
    // What today's rules say about a definition stored earlier (or written by psql into a
    // column directly): a job with problems is not run; the node records why.
    FieldProblems specProblems;
    OnceState onceState = OnceState::Pending; // one-off jobs only
    QDateTime scheduleSince;
    QDateTime createdAt;
    QString createdBy;
    QDateTime updatedAt;
    QString updatedBy;

    QDateTime nextFireAt; // as the executor computed it (job_state)
    QString scheduleError;
    qint64 lastRunId = 0;
    std::optional<RunStatus> lastStatus; // nothing: never ran
    QDateTime lastStartedAt;
    QDateTime lastFinishedAt;
    std::optional<qint64> lastDurationMs;
    int runningCount = 0;

    bool isOnce() const { return spec.scheduleKind == ScheduleKind::Once; }
    bool isFailing() const { return lastStatus && isProblem(*lastStatus); }
};

struct RunRecord
{
    qint64 id = 0;
    qint64 jobId = 0;
    QString job;
    RunTrigger trigger = RunTrigger::Schedule;
    QString triggeredBy;
    QDateTime scheduledFor;
    QDateTime dueAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    RunStatus status = RunStatus::Queued;
    int attempt = 1;
    qint64 firstRunId = 0;
    QString node;
    std::optional<qint64> term;
    std::optional<int> exitCode;
    std::optional<int> httpStatus;
    QString error;
    std::optional<qint64> durationMs;
    qint64 logBytes = 0;
    bool logTruncated = false;
    bool cancelRequested = false;
    // Why a queued run waits ("waiting for a free slot on any node, 30 of 30 busy"); empty
    // for a run that is not queued, or is assigned to a node already.
    QString waitReason;
};

struct LogChunk
{
    int seq = 0;
    QDateTime at;
    LogStream stream = LogStream::Stdout;
    QString data;
};

struct NodeRecord
{
    QString id;
    QString host;
    int pid = 0;
    QString version;
    QDateTime startedAt;
    QDateTime lastSeen;
    double lastSeenAgeSeconds = 0;
    std::optional<double> clockOffsetMs;
    int runningJobs = 0;
    NodeRole role = NodeRole::Standby;
    int capacity = 0;   // --max-parallel
    int busy = 0;       // runs assigned to it and not ended, reservations included
    QStringList labels; // --labels
};

struct LeaseRecord
{
    QString executor; // empty when no valid lease
    QString lastHolder;
    qint64 term = 0;
    QDateTime acquiredAt;
    QDateTime renewedAt;
    QDateTime expiresAt;
    QDateTime dbNow;
};

struct LeadershipChange
{
    qint64 term = 0;
    QString holder;
    QDateTime acquiredAt;
    QString previousHolder;
    QString reason;
    QDateTime endedAt;
    QString endReason;
};

struct ClusterStatus
{
    LeaseRecord lease;
    QList<NodeRecord> nodes;
    QList<LeadershipChange> recentChanges;
};

// Server-side filter of the run history. Empty members do not filter.
struct RunFilter
{
    std::optional<qint64> jobId;
    QString jobName;
    QList<RunStatus> statuses;
    QList<RunTrigger> triggers;
    QDateTime since; // scheduled_for >= since
    QDateTime until; // scheduled_for < until
};

} // namespace Cronhelm

// Every member is relocatable (implicitly shared Qt types, optionals of integers, enums), so
// lists of runs grow with memmove: the history model holds up to millions of them.
Q_DECLARE_TYPEINFO(Cronhelm::RunRecord, Q_RELOCATABLE_TYPE);

Q_DECLARE_METATYPE(Cronhelm::JobRecord)
Q_DECLARE_METATYPE(Cronhelm::RunRecord)
Q_DECLARE_METATYPE(Cronhelm::ClusterStatus)

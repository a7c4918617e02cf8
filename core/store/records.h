#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Cronhelm {

// A job as the job_overview view shows it: its definition plus what the executor and the
// run history say about it. Plain values, safe to copy across threads.
struct JobRecord
{
    qint64 id = 0;
    int version = 0;
    QString name;
    QString description;
    QString owner;
    QString targetType; // "http" | "shell"
    QJsonObject target;
    QString scheduleKind; // "cron" | "once"
    QString cronExpr;
    QString timeZone;
    QDateTime onceLocal; // the wall-clock digits the user chose in timeZone (spec unused)
    QDateTime onceAt;    // UTC
    QString onceState;   // pending | completed | cancelled
    bool enabled = true;
    int timeoutSeconds = 3600;
    int retries = 0;
    QString retryBackoff;
    int retryDelaySeconds = 30;
    QString concurrency;
    QString misfire;
    int misfireBound = 100;
    QJsonArray notify;
    int notifyQuietSeconds = 3600;
    qint64 logLimitBytes = 0;
    QDateTime scheduleSince;
    QDateTime createdAt;
    QString createdBy;
    QDateTime updatedAt;
    QString updatedBy;

    QDateTime nextFireAt;
    QString scheduleError;
    qint64 lastRunId = 0;
    QString lastStatus;
    QDateTime lastStartedAt;
    QDateTime lastFinishedAt;
    std::optional<qint64> lastDurationMs;
    int runningCount = 0;

    // The definition as a job spec (the JSON accepted by cronhelm.create_job).
    QJsonObject toSpec() const;
};

struct RunRecord
{
    qint64 id = 0;
    qint64 jobId = 0;
    QString job;
    QString trigger; // schedule | manual | retry | catch_up
    QString triggeredBy;
    QDateTime scheduledFor;
    QDateTime dueAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString status;
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
};

struct LogChunk
{
    int seq = 0;
    QDateTime at;
    QString stream; // stdout | stderr | system
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
    QString role; // executor | standby | stopping | stopped | lost
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
    QStringList statuses;
    QStringList triggers;
    QDateTime since; // scheduled_for >= since
    QDateTime until; // scheduled_for < until
};

} // namespace Cronhelm

// Every member is relocatable (implicitly shared Qt types, optionals of integers), so lists
// of runs grow with memmove: the history model holds up to millions of them.
Q_DECLARE_TYPEINFO(Cronhelm::RunRecord, Q_RELOCATABLE_TYPE);

Q_DECLARE_METATYPE(Cronhelm::JobRecord)
Q_DECLARE_METATYPE(Cronhelm::RunRecord)
Q_DECLARE_METATYPE(Cronhelm::ClusterStatus)

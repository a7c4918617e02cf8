#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include <optional>

namespace Cronhelm {

// One enum per concept of the domain, each with its spelling in the SQL API (the text of
// runs.status, jobs.concurrency, …) in exactly one place: enums.cpp. Code compares enums;
// strings appear only where a value crosses into SQL, JSON or a payload.

enum class RunStatus {
    Queued,
    Running,
    Succeeded,
    Failed,
    TimedOut,
    Abandoned,
    Cancelled,
    Skipped
};
enum class RunTrigger { Schedule, Manual, Retry, CatchUp };
enum class TargetKind { Http, Shell };
enum class ScheduleKind { Cron, Once };
enum class OnceState { Pending, Completed, Cancelled };
enum class ConcurrencyPolicy { Allow, Forbid, Replace };
enum class MisfirePolicy { RunOnce, Skip, RunAll };
enum class RetryBackoff { Fixed, Exponential };
// Where a piece of run output came from. System lines are written by Cronhelm itself
// (request line, HTTP status, truncation marker), never by the job.
enum class LogStream { Stdout, Stderr, System };
enum class NotifyKind { Slack, Webhook };
// The event a finished run is, for notifications.
enum class NotifyEvent { None, Failure, Success, Recovery };
// What cronhelm.my_role() says the session may do.
enum class StoreRole { None, Viewer, Operator, Admin };
// A node as the cluster_nodes view sees it.
enum class NodeRole { Executor, Standby, Stopping, Stopped, Lost };
// Why a term of the executor lease began or ended (leadership_history.reason, end_reason).
enum class LeaseChangeReason { First, Released, Expired, HolderGone };
// What an audit row records (audit_log.action): the SQL API call that wrote it.
enum class AuditAction {
    CreateJob,
    UpdateJob,
    DeleteJob,
    RestoreJob,
    PauseJob,
    ResumeJob,
    CancelOnce,
    RunNow,
    CancelRun,
    SetRetentionPolicy
};

// The SQL API's spelling of a value, e.g. "timed_out".
QString wireName(RunStatus value);
QString wireName(RunTrigger value);
QString wireName(TargetKind value);
QString wireName(ScheduleKind value);
QString wireName(OnceState value);
QString wireName(ConcurrencyPolicy value);
QString wireName(MisfirePolicy value);
QString wireName(RetryBackoff value);
QString wireName(LogStream value);
QString wireName(NotifyKind value);
QString wireName(NotifyEvent value);
QString wireName(StoreRole value);
QString wireName(NodeRole value);
QString wireName(LeaseChangeReason value);
QString wireName(AuditAction value);

// The value spelled `text`, or nothing when no value is spelled so. Exact and
// case-sensitive, as the database stores them.
template<typename Enum>
std::optional<Enum> fromWireName(QStringView text);

// Every value, in declaration order.
template<typename Enum>
QList<Enum> allValues();

// Whether a run is over (nothing more will happen to it but a retry row).
constexpr bool isFinal(RunStatus status)
{
    return status != RunStatus::Queued && status != RunStatus::Running;
}
// The statuses that count as a job failing (and that notifications call failures).
constexpr bool isProblem(RunStatus status)
{
    return status == RunStatus::Failed || status == RunStatus::TimedOut
        || status == RunStatus::Abandoned;
}
// The statuses that count as a problem ("problems only" in the history), in wire order.
QList<RunStatus> problemStatuses();

// Triggers whose runs the concurrency and misfire policies govern; a person's Run now and
// retries of any run are not scheduled slots.
constexpr bool isScheduled(RunTrigger trigger)
{
    return trigger == RunTrigger::Schedule || trigger == RunTrigger::CatchUp;
}

} // namespace Cronhelm

Q_DECLARE_METATYPE(Cronhelm::RunStatus)
Q_DECLARE_METATYPE(Cronhelm::RunTrigger)
Q_DECLARE_METATYPE(Cronhelm::LogStream)
Q_DECLARE_METATYPE(Cronhelm::StoreRole)
Q_DECLARE_METATYPE(Cronhelm::NodeRole)

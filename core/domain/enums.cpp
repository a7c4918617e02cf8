#include "enums.h"

#include <array>
#include <utility>

namespace Cronhelm {

namespace {

template<typename Enum>
struct Spelling;

// Each enum's spellings, in declaration order (allValues() relies on it).
#define CRONHELM_SPELLING(Enum, ...)                                                               \
    template<>                                                                                     \
    struct Spelling<Enum>                                                                          \
    {                                                                                              \
        static constexpr std::pair<Enum, const char *> table[] = {__VA_ARGS__};                    \
    };

CRONHELM_SPELLING(RunStatus, {RunStatus::Queued, "queued"}, {RunStatus::Running, "running"},
                  {RunStatus::Succeeded, "succeeded"}, {RunStatus::Failed, "failed"},
                  {RunStatus::TimedOut, "timed_out"}, {RunStatus::Abandoned, "abandoned"},
                  {RunStatus::Cancelled, "cancelled"}, {RunStatus::Skipped, "skipped"})
CRONHELM_SPELLING(RunTrigger, {RunTrigger::Schedule, "schedule"}, {RunTrigger::Manual, "manual"},
                  {RunTrigger::Retry, "retry"}, {RunTrigger::CatchUp, "catch_up"})
CRONHELM_SPELLING(TargetKind, {TargetKind::Http, "http"}, {TargetKind::Shell, "shell"})
CRONHELM_SPELLING(ScheduleKind, {ScheduleKind::Cron, "cron"}, {ScheduleKind::Once, "once"})
CRONHELM_SPELLING(OnceState, {OnceState::Pending, "pending"}, {OnceState::Completed, "completed"},
                  {OnceState::Cancelled, "cancelled"})
CRONHELM_SPELLING(ConcurrencyPolicy, {ConcurrencyPolicy::Allow, "allow"},
                  {ConcurrencyPolicy::Forbid, "forbid"}, {ConcurrencyPolicy::Replace, "replace"})
CRONHELM_SPELLING(MisfirePolicy, {MisfirePolicy::RunOnce, "run_once"},
                  {MisfirePolicy::Skip, "skip"}, {MisfirePolicy::RunAll, "run_all"})
CRONHELM_SPELLING(RetryBackoff, {RetryBackoff::Fixed, "fixed"},
                  {RetryBackoff::Exponential, "exponential"})
CRONHELM_SPELLING(LogStream, {LogStream::Stdout, "stdout"}, {LogStream::Stderr, "stderr"},
                  {LogStream::System, "system"})
CRONHELM_SPELLING(NotifyKind, {NotifyKind::Slack, "slack"}, {NotifyKind::Webhook, "webhook"})
CRONHELM_SPELLING(NotifyEvent, {NotifyEvent::None, "none"}, {NotifyEvent::Failure, "failure"},
                  {NotifyEvent::Success, "success"}, {NotifyEvent::Recovery, "recovery"})
CRONHELM_SPELLING(StoreRole, {StoreRole::None, "none"}, {StoreRole::Viewer, "viewer"},
                  {StoreRole::Operator, "operator"}, {StoreRole::Admin, "admin"})
CRONHELM_SPELLING(NodeRole, {NodeRole::Executor, "executor"}, {NodeRole::Standby, "standby"},
                  {NodeRole::Stopping, "stopping"}, {NodeRole::Stopped, "stopped"},
                  {NodeRole::Lost, "lost"})
CRONHELM_SPELLING(LeaseChangeReason, {LeaseChangeReason::First, "first"},
                  {LeaseChangeReason::Released, "released"},
                  {LeaseChangeReason::Expired, "expired"},
                  {LeaseChangeReason::HolderGone, "holder_gone"})
CRONHELM_SPELLING(AuditAction, {AuditAction::CreateJob, "create_job"},
                  {AuditAction::UpdateJob, "update_job"}, {AuditAction::DeleteJob, "delete_job"},
                  {AuditAction::RestoreJob, "restore_job"}, {AuditAction::PauseJob, "pause_job"},
                  {AuditAction::ResumeJob, "resume_job"}, {AuditAction::CancelOnce, "cancel_once"},
                  {AuditAction::RunNow, "run_now"}, {AuditAction::CancelRun, "cancel_run"},
                  {AuditAction::SetRetentionPolicy, "set_retention_policy"})

#undef CRONHELM_SPELLING

template<typename Enum>
QString spell(Enum value)
{
    for (const auto &[v, text] : Spelling<Enum>::table) {
        if (v == value)
            return QString::fromLatin1(text);
    }
    return {};
}

} // namespace

template<typename Enum>
std::optional<Enum> fromWireName(QStringView text)
{
    for (const auto &[v, spelling] : Spelling<Enum>::table) {
        if (text == QLatin1String(spelling))
            return v;
    }
    return std::nullopt;
}

template<typename Enum>
QList<Enum> allValues()
{
    QList<Enum> values;
    for (const auto &[v, text] : Spelling<Enum>::table)
        values.append(v);
    return values;
}

#define CRONHELM_ENUM_API(Enum)                                                                    \
    QString wireName(Enum value)                                                                   \
    {                                                                                              \
        return spell(value);                                                                       \
    }                                                                                              \
    template std::optional<Enum> fromWireName<Enum>(QStringView);                                  \
    template QList<Enum> allValues<Enum>();

CRONHELM_ENUM_API(RunStatus)
CRONHELM_ENUM_API(RunTrigger)
CRONHELM_ENUM_API(TargetKind)
CRONHELM_ENUM_API(ScheduleKind)
CRONHELM_ENUM_API(OnceState)
CRONHELM_ENUM_API(ConcurrencyPolicy)
CRONHELM_ENUM_API(MisfirePolicy)
CRONHELM_ENUM_API(RetryBackoff)
CRONHELM_ENUM_API(LogStream)
CRONHELM_ENUM_API(NotifyKind)
CRONHELM_ENUM_API(NotifyEvent)
CRONHELM_ENUM_API(StoreRole)
CRONHELM_ENUM_API(NodeRole)
CRONHELM_ENUM_API(LeaseChangeReason)
CRONHELM_ENUM_API(AuditAction)

#undef CRONHELM_ENUM_API

QList<RunStatus> problemStatuses()
{
    QList<RunStatus> problems;
    for (RunStatus status : allValues<RunStatus>()) {
        if (isProblem(status))
            problems.append(status);
    }
    return problems;
}

} // namespace Cronhelm

#pragma once

#include <domain/enums.h>

#include <QDateTime>
#include <QMetaType>

#include <optional>

namespace Cronhelm {

struct NotifyPolicyInput
{
    RunStatus runStatus = RunStatus::Failed; // the finished run's (final) status
    // The job's outcome before this run (job_state.last_outcome): Succeeded, Failed, or
    // nothing when it never ran.
    std::optional<RunStatus> previousOutcome;
    // When a failure of this job was last announced (job_state.last_failure_notified_at);
    // invalid when never.
    QDateTime lastFailureAnnouncedAt;
    int quietSeconds = 3600; // jobs.notify_quiet_s
    QDateTime now;
};

struct NotifyDecision
{
    NotifyEvent event = NotifyEvent::None;
    // What to store as job_state.last_outcome now: Succeeded, Failed, or the previous value
    // unchanged when the run says nothing about the job's health (cancelled, skipped).
    std::optional<RunStatus> outcome;
    // Store `now` as job_state.last_failure_notified_at when true.
    bool failureAnnounced = false;
};

// The pure rules of what a finished run announces:
//   - failed / timed_out / abandoned count as failures: the first failure after a success
//     (or ever) is announced; a repeated failure only once the last failure announcement is
//     at least quietSeconds old (quietSeconds 0: every failure);
//   - a success after a failure is a Recovery, any other success a Success;
//   - cancelled and skipped (and anything else) announce nothing.
NotifyDecision decideNotification(const NotifyPolicyInput &input);

} // namespace Cronhelm

Q_DECLARE_METATYPE(Cronhelm::NotifyEvent)

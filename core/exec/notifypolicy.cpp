#include "notifypolicy.h"

namespace Cronhelm {

NotifyDecision decideNotification(const NotifyPolicyInput &input)
{
    NotifyDecision decision;
    decision.outcome = input.previousOutcome;
    const bool wasFailing = input.previousOutcome == RunStatus::Failed;

    if (isProblem(input.runStatus)) {
        decision.outcome = RunStatus::Failed;
        bool announce = true;
        if (wasFailing && input.lastFailureAnnouncedAt.isValid()) {
            const qint64 since = input.lastFailureAnnouncedAt.secsTo(input.now);
            announce = since >= input.quietSeconds;
        }
        if (announce) {
            decision.event = NotifyEvent::Failure;
            decision.failureAnnounced = true;
        }
    } else if (input.runStatus == RunStatus::Succeeded) {
        decision.outcome = RunStatus::Succeeded;
        decision.event = wasFailing ? NotifyEvent::Recovery : NotifyEvent::Success;
    }
    return decision;
}

} // namespace Cronhelm

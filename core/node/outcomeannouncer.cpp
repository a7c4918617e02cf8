#include "outcomeannouncer.h"

#include <exec/notificationpayload.h>
#include <exec/notifypolicy.h>

namespace Cronhelm {

OutcomeAnnouncer::OutcomeAnnouncer(const QString &nodeId, Recorder &recorder)
    : m_nodeId(nodeId)
    , m_recorder(recorder)
    , m_notifier(&m_network)
{}

void OutcomeAnnouncer::announce(const RunEnd &end, NodeJob &data)
{
    const qint64 jobId = end.jobId;
    const FinishedRun &run = end.run;
    NotifyPolicyInput input;
    input.runStatus = run.status;
    input.previousOutcome = data.lastOutcome;
    input.lastFailureAnnouncedAt = data.lastFailureNotifiedAt;
    input.quietSeconds = data.job.spec.notifyQuietSeconds;
    input.now = run.finishedAt;
    const NotifyDecision decision = decideNotification(input);
    if (decision.outcome == data.lastOutcome && !decision.failureAnnounced
        && decision.event == NotifyEvent::None) {
        return;
    }
    data.lastOutcome = decision.outcome;
    if (decision.failureAnnounced)
        data.lastFailureNotifiedAt = run.finishedAt;
    if (decision.event != NotifyEvent::None && !data.job.spec.notify.isEmpty()) {
        {
            RunSummary summary;
            summary.jobId = jobId;
            summary.jobName = data.job.spec.name;
            summary.runId = run.runId;
            summary.status = run.status;
            summary.attempt = end.attempt;
            summary.scheduledFor = end.scheduledFor;
            summary.startedAt = run.startedAt;
            summary.finishedAt = run.finishedAt;
            summary.exitCode = run.exitCode;
            summary.httpStatus = run.httpStatus;
            summary.error = run.error;
            summary.node = m_nodeId;
            m_notifier.notify(decision.event, data.job.spec.notify, summary);
        }
    }
    if (decision.outcome)
        m_recorder.recordOutcome(jobId, *decision.outcome, decision.failureAnnounced);
}

} // namespace Cronhelm

#include "outcomeannouncer.h"

#include <exec/notificationpayload.h>
#include <exec/notifypolicy.h>

namespace Cronhelm {

OutcomeAnnouncer::OutcomeAnnouncer(const QString &nodeId, Recorder &recorder)
    : m_nodeId(nodeId)
    , m_recorder(recorder)
    , m_notifier(&m_network)
{}

void OutcomeAnnouncer::announce(const RunEnd &end, const NodeJob &job)
{
    const FinishedRun &run = end.run;
    NotifyPolicyInput input;
    input.runStatus = run.status;
    input.quietSeconds = job.job.spec.notifyQuietSeconds;
    input.now = run.finishedAt;
    RunSummary summary;
    summary.jobId = end.jobId;
    summary.jobName = job.job.spec.name;
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
    // The outcome before this run is the cluster's (the run before may have ended on
    // another node): the Recorder reads it, decides and records in one transaction. The
    // targets are the job's as it was when the run ended.
    m_recorder.settleOutcome(
        end.jobId, input,
        [this, summary, targets = job.job.spec.notify](const NotifyDecision &decision) {
            if (decision.event != NotifyEvent::None && !targets.isEmpty())
                m_notifier.notify(decision.event, targets, summary);
        });
}

} // namespace Cronhelm

#pragma once

#include "recorder.h"
#include "runhost.h"

#include <exec/notifier.h>
#include <store/nodestore.h>

#include <QNetworkAccessManager>

namespace Cronhelm {

// Announces how a run that ran on this node ended, as its job's notification policy asks
// (a failure, once per quiet period; a recovery; every success if wanted). Every node has
// one: outcomes are announced by the node the run ran on. What a run announces depends on
// the job's outcome before it, which another node may have recorded, so the decision is
// taken by the Recorder against job_state, under a row lock, and the announcement goes out
// once the new outcome is recorded. Deliveries go out on the node's main thread with a
// network manager of their own; a failed delivery is logged and never affects the run.
class OutcomeAnnouncer
{
public:
    OutcomeAnnouncer(const QString &nodeId, Recorder &recorder);

    // The run `end` of `job` ended: settle its outcome and announce it if the policy says so.
    void announce(const RunEnd &end, const NodeJob &job);

    Notifier &notifier() { return m_notifier; }

private:
    QString m_nodeId;
    Recorder &m_recorder;
    QNetworkAccessManager m_network;
    Notifier m_notifier;
};

} // namespace Cronhelm

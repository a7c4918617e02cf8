#pragma once

#include "recorder.h"
#include "runhost.h"

#include <exec/notifier.h>
#include <store/nodestore.h>

#include <QNetworkAccessManager>

namespace Cronhelm {

// Announces how a run that ran on this node ended, as its job's notification policy asks
// (a failure, once per quiet period; a recovery; every success if wanted), and remembers
// the job's last outcome for the next decision: in the job as this node knows it, and in
// job_state through the Recorder. Every node has one: outcomes are announced by the node
// the run ran on. Deliveries go out on the node's main thread with a network manager of
// their own; a failed delivery is logged and never affects the run.
class OutcomeAnnouncer
{
public:
    OutcomeAnnouncer(const QString &nodeId, Recorder &recorder);

    // The run `end` of `job` ended: announce it if the policy says so, and note the outcome.
    void announce(const RunEnd &end, NodeJob &job);

    Notifier &notifier() { return m_notifier; }

private:
    QString m_nodeId;
    Recorder &m_recorder;
    QNetworkAccessManager m_network;
    Notifier m_notifier;
};

} // namespace Cronhelm

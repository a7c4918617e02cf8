#pragma once

#include "backoff.h"
#include "finishbatcher.h"

#include <exec/notifypolicy.h>
#include <store/nodestore.h>
#include <store/storeworker.h>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>

namespace Cronhelm {

// Writes what happened to runs, batched, on its own store connection (cronhelm-record):
// start marks of reserved runs (one mark_started call 100 ms after a burst), run ends (one
// finish_runs call per 100 ms), and each job's last outcome for the notification policy
// (read, decided and written in one transaction, so that nodes take turns).
// A write lost with the connection is kept and written again, in order, with backoff and
// at once after a reconnect (retryNow); the store functions are idempotent, so an answer
// lost after the commit does no harm. One bad run end never costs the others theirs: a
// failed batch is written again one by one (the run ends' decisions: FinishBatcher). Used by
// every node, lease or not.
class Recorder : public QObject
{
    Q_OBJECT

public:
    Recorder(const QString &conninfo, const QString &nodeId, QObject *parent = nullptr);

    // A run ended here: its end is recorded with the next batch.
    void recordFinish(const FinishedRun &run, qint64 jobId);
    // A run assigned to this node started at `at` (recorded by mark_started, batched).
    void markStarted(qint64 runId, const QDateTime &at);
    // A run of the job ended: decides what it announces against the job's last outcome in
    // the store (whichever node recorded it) and records the new one; batched, one
    // transaction per batch, in the order the runs ended. `announce` gets the decision on
    // this thread once it is recorded; nothing is announced for a job deleted meanwhile.
    void settleOutcome(qint64 jobId, const NotifyPolicyInput &run,
                       std::function<void(const NotifyDecision &)> announce);
    // Gives runs assigned to this node that it will not start back to the executor.
    void releaseReservations(const QList<qint64> &runIds, std::function<void(const Status &)> done);
    // The connection is back: write what failed now rather than after the backoff.
    void retryNow();

    // A run that ended here, its end not recorded yet (recordFinish, or about to be).
    void noteEnding(qint64 runId) { m_ending.insert(runId); }
    bool isEnding(qint64 runId) const { return m_ending.contains(runId); }
    // Nothing left to write (start marks are not waited for: a lost one changes nothing).
    bool isIdle() const;

    struct PendingOutcome
    {
        qint64 jobId = 0;
        NotifyPolicyInput run; // its previous outcome is read from the store
        std::function<void(const NotifyDecision &)> announce;
    };

Q_SIGNALS:
    // A write finished (or was given up): whoever waits for isIdle() may look again.
    void settled();

private:
    using Started = QList<std::pair<qint64, QDateTime>>;

    void flushStarted();
    void follow(FinishBatcher::Step step);
    void flushFinished();
    void onFinishedRecorded(const Result<QList<std::optional<qint64>>> &result);
    void flushOutcomes();

    QString m_nodeId;
    Started m_started;  // reserved runs started, to be marked
    Started m_unmarked; // mark_started lost with the connection
    QSet<qint64> m_ending;
    // Run ends waiting to be recorded, in one finish_runs call per batch.
    FinishBatcher m_finishes;
    std::deque<PendingOutcome> m_outcomes; // run ends whose outcome is to be settled
    bool m_outcomesInFlight = false;
    int m_releasing = 0;
    Backoff m_backoff; // start marks and outcomes (run ends have their own)
    QTimer m_finishTimer;
    QTimer m_retryTimer;
    // Last: destroyed first, so no answer arrives into a half-destroyed recorder.
    StoreWorker m_worker;
};

} // namespace Cronhelm

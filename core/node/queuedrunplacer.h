#pragma once

#include "backoff.h"

#include <store/nodestore.h>
#include <store/storeworker.h>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>

namespace Cronhelm {

// Places the queued runs — Run now, retries, run_all catch-ups, slots no node could take
// when they were fired, runs handed back — while this node holds the lease: each is given
// to a node by assign_run (the database picks the live node with the most free slots) when
// it is due and the job's concurrency policy lets it run. A run no node can take waits, and
// the waiting runs are offered again, oldest slot first and a bounded round at a time,
// whenever a slot may have freed. A claim whose answer was lost with the connection is in
// doubt: no second claim is sent for it, and once the connection is back the run is read
// and started here at most once. Its store work runs on the fire thread (the hot path).
class QueuedRunPlacer : public QObject
{
    Q_OBJECT

public:
    // What the placer needs of the node it places runs for (the Executor).
    class Node
    {
    public:
        virtual ~Node() = default;
        // The lease term held (0: not the executor).
        virtual qint64 term() const = 0;
        // The lease held and proven, and not shutting down: runs may be placed.
        virtual bool canFire() const = 0;
        // The takeover's jobs are loaded.
        virtual bool isLoaded() const = 0;
        virtual bool isDraining() const = 0;
        // The job's runs going on anywhere in the cluster, those being placed included.
        virtual int runningOfJob(qint64 jobId) const = 0;
        // Whether the job's scheduled runs wait for its running one (forbid policy).
        virtual bool forbidsOverlap(qint64 jobId) const = 0;
        virtual bool isRunningHere(qint64 runId) const = 0;
        // The run was given to this node, running: start its target now.
        virtual void startHere(const ActiveRun &run) = 0;
        // The run was given to another node, which starts it.
        virtual void startedElsewhere(qint64 jobId, qint64 runId, const QString &node) = 0;
    };

    // fireWorker: the store connection that records fires; claims share it.
    QueuedRunPlacer(Node &node, const QString &nodeId, StoreWorker &fireWorker,
                    QObject *parent = nullptr);

    // A notification named a queued run: read it and, if it may start now, claim it in the
    // same trip to the fire thread (Run now's hot path); else plan its claim.
    void consider(qint64 runId);
    // Claims a queued run when it is due.
    void schedule(const ActiveRun &run);
    // Offers the waiting runs again, oldest slot first: a slot may have freed.
    void placeWaiting();
    // The connection is back: resolve the claims in doubt now.
    void resolveInDoubt();
    void resetBackoff() { m_backoff.reset(); }
    // The lease changed: runs planned or waiting are forgotten (the next takeover reads them
    // again); answers still in flight are applied as they come.
    void forgetPlans();
    // Shutting down: nothing waits for a slot any more.
    void clearWaiting() { m_waiting.clear(); }
    // The run started here (however it came): no claim is planned for it any more.
    void noteStarted(qint64 runId) { m_planned.remove(runId); }

    // A claim for the run is in flight or in doubt: it may be (about to be) this node's.
    bool isClaiming(qint64 runId) const { return m_claimingRuns.contains(runId); }
    bool isInDoubt(qint64 runId) const { return m_inDoubt.contains(runId); }
    // The job's runs being placed or in doubt (counted as running by the policy).
    int claimingOfJob(qint64 jobId) const;
    int waitingCount() const { return int(m_waiting.size()); }

    // Waiting runs offered per round (placeWaiting): with thousands waiting, asking the
    // database for each of them every time one slot frees would keep the fire thread from
    // firing.
    static constexpr int maxRound = 32;

private:
    // Returns whether an assignment was asked for (else the run waits, or is in flight).
    bool tryClaim(const ActiveRun &run, bool fromWaiting = false);
    void assigned(const ActiveRun &run, const Result<std::optional<QString>> &node);
    void claimed(const ActiveRun &run, const Result<bool> &claimed);

    Node &m_node;
    QString m_nodeId;
    StoreWorker &m_fireWorker;
    quint64 m_generation = 0;        // changes with the lease: stale timers do nothing
    QSet<qint64> m_planned;          // queued runs with a claim planned
    std::deque<ActiveRun> m_waiting; // claimable once capacity/policy allows
    int m_waitingInFlight = 0;       // assignments asked for by placeWaiting()'s round
    bool m_waitingAgain = false;
    QHash<qint64, int> m_claiming; // jobId -> claims of its queued runs in flight
    // Runs with a claim in flight, or whose claim's reply was lost with the connection (in
    // doubt: it may have been recorded). No second claim is sent for them meanwhile.
    QSet<qint64> m_claimingRuns;
    QHash<qint64, ActiveRun> m_inDoubt;
    bool m_resolving = false;
    Backoff m_backoff;
    QTimer m_retryTimer; // resolves the claims in doubt
    // A slot frees when any node's run ends; the owner hears of most by NOTIFY (and calls
    // placeWaiting()), of the rest (a node that joined, a missed notification) here.
    QTimer m_waitingTimer;
};

} // namespace Cronhelm

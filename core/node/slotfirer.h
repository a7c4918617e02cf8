#pragma once

#include "firequeue.h"
#include "jobtable.h"

#include <store/nodestore.h>
#include <store/storeworker.h>

#include <QObject>

namespace Cronhelm {

// Fires the jobs' slots while this node holds the lease: per due slot (and per slot missed
// while no executor was alive) it decides with SlotPlanner, records the runs on the fire
// thread in one fire_slots_assigned() call — the database's unique slot constraint and term
// check make that the moment of truth, and the same statement gives each run to a live
// node with a free slot — and hands each recorded run to the node: reserved or started
// here, left to the node it was given to, or queued for placement. Slots that come due
// while the lease renewal is late are held until it is proven again; fires lost with the
// fire connection are recorded again (the unique slot index makes a repeat harmless).
class SlotFirer : public QObject
{
    Q_OBJECT

public:
    // What the firer needs of the node it fires for (the Executor).
    class Node
    {
    public:
        virtual ~Node() = default;
        virtual qint64 term() const = 0;  // 0: not the executor
        virtual bool canFire() const = 0; // the lease held and proven, not shutting down
        virtual bool isDraining() const = 0;
        // The database refused the term: the lease can no longer be proven.
        virtual void fenced() = 0;
        // The job's runs going on anywhere in the cluster, those being placed included.
        virtual int runningOfJob(qint64 jobId) const = 0;
        // The slot replaces the job's running runs (concurrency policy replace).
        virtual void replaceRunning(qint64 jobId, const QDateTime &slot) = 0;
        // A recorded run given to this node: to start at its slot's instant, or now.
        virtual void reserveFired(qint64 runId, const SlotFire &fire) = 0;
        virtual void startFired(qint64 runId, const SlotFire &fire) = 0;
        // A recorded run no node could take, or to wait its turn: placed later.
        virtual void queueFired(const ActiveRun &run) = 0;
        // A recorded run given to another node, which starts it.
        virtual void startedElsewhere(qint64 jobId, qint64 runId, const QString &node) = 0;
    };

    SlotFirer(Node &node, JobTable &jobs, const QString &nodeId, StoreWorker &fireWorker,
              QObject *parent = nullptr);

    // Slots due (FireQueue::due): decided, recorded, and the jobs' next slots scheduled.
    void onDue(const QList<FireQueue::Due> &due);
    // The lease is proven again: the slots held meanwhile are still ours, fired now.
    void fireHeld();
    // The lease changed: held slots are dropped, answers in flight are not retried.
    void reset();
    // The slots of the takeover's jobs missed while no executor was alive, decided by each
    // job's misfire policy (not recorded yet: record()).
    QList<SlotFire> missedSlots(const QList<NodeJob> &jobs, const QDateTime &now);
    // Records decided slots and hands out the runs.
    void record(const QList<SlotFire> &fires);

private:
    SlotFire decide(const JobTable::Entry &rt, const QDateTime &slot, RunTrigger trigger);
    void onRecorded(const QList<SlotFire> &fires, const Result<QList<FiredRun>> &result);

    Node &m_node;
    JobTable &m_jobs;
    QString m_nodeId;
    StoreWorker &m_fireWorker;
    quint64 m_generation = 0;
    QList<FireQueue::Due> m_held; // due while the lease was unproven
};

} // namespace Cronhelm

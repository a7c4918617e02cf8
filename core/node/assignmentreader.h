#pragma once

#include <store/nodestore.h>
#include <store/storeworker.h>

#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace Cronhelm {

// Reads the runs the executor assigned to this node (assigned_runs) with their jobs, and
// sorts out which of them this node is to start. Every node has one, lease or not: the
// executor's NOTIFY cronhelm_assign is only a hint, so the database is read on it, every
// two seconds, and after a reconnect — one read at a time, a request during a read making
// one more read after it. A node whose control session is lost reads nothing: to the
// cluster it is gone, and starts nothing new. The jobs read with the runs are kept: a
// worker has no other copy of them (the executor loads every job).
class AssignmentReader : public QObject
{
    Q_OBJECT

public:
    struct Hooks
    {
        std::function<bool()> connected; // the control session is up
        std::function<bool()> draining;  // shutting down: new runs are for another node
        // Whether the run is known here already: reserved, running, ending or being claimed.
        std::function<bool(qint64 runId)> known;
    };
    // The runs of one read that are new here, sorted.
    struct Sorted
    {
        QList<ActiveRun> toStart;   // to be started at their instant
        QList<ActiveRun> abandoned; // given to an earlier process with this node id, gone
        QList<qint64> handBack;     // given while this node shuts down: for another node
    };

    // `every`: how often the assignments are read without a hint.
    AssignmentReader(const NodeIdentity &identity, StoreWorker &readWorker, Hooks hooks,
                     std::chrono::milliseconds every = std::chrono::seconds(2),
                     QObject *parent = nullptr);

    // Reads this node's assignments (now, or after the read in flight).
    void sync();
    // A job of a run assigned to this node, as last read with it (nullptr if none was).
    NodeJob *job(qint64 jobId);

    Sorted sort(const QList<ActiveRun> &runs) const;

Q_SIGNALS:
    void read(const Cronhelm::AssignmentReader::Sorted &runs);

private:
    void keepJobs(const QList<NodeJob> &jobs);

    NodeIdentity m_identity;
    StoreWorker &m_worker;
    Hooks m_hooks;
    QHash<qint64, NodeJob> m_jobs;
    bool m_reading = false; // an assigned_runs() read in flight
    bool m_readAgain = false;
    QTimer m_timer; // re-reads: NOTIFY is only a hint, and may be missed (a reconnect)
};

} // namespace Cronhelm

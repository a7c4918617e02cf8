#pragma once

#include "targetthreads.h"

#include <domain/jobschedule.h>

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>

#include <functional>
#include <unordered_map>

namespace Cronhelm {

// A run recorded ahead of its instant, to be started at that instant by this node.
struct Reservation
{
    qint64 jobId = 0;
    QDateTime slot;
    int version = 0;       // of the job when the target was prepared
    TargetRunPtr prepared; // built during the lead, started at the slot
    // Given to this node by the executor (read from the database), rather than reserved
    // by this node as executor: started without holding the lease.
    bool assigned = false;
    RunTrigger trigger = RunTrigger::Schedule;
    int attempt = 1;
};

// Holds the runs this node will start at their instant — slots it reserved as executor and
// runs the executor assigned to it — and starts them from its own precise timers, so that
// database latency never delays a start. Every node has one, lease or not. All runs of one
// instant share one timer: the instant costs only the hand-out. Whether a run may still
// start when its instant comes is decided by check(); the start itself is the owner's
// (the Executor's start function).
class ReservedStarts : public QObject
{
    Q_OBJECT

public:
    // Starts a run whose instant came; returns whether it started.
    using Start = std::function<bool(qint64 runId, Reservation reservation)>;

    explicit ReservedStarts(Start start, QObject *parent = nullptr);

    // Starts the run at `instant` (at once when it has passed). A run reserved again
    // replaces its earlier reservation.
    void reserve(qint64 runId, Reservation reservation, const QDateTime &instant);
    bool contains(qint64 runId) const { return m_reserved.count(runId) > 0; }
    // Whether the run was given to this node by the executor (see Reservation::assigned).
    bool isAssigned(qint64 runId) const;
    bool isEmpty() const { return m_reserved.empty(); }
    int count() const { return int(m_reserved.size()); }
    // Forgets a run: it is not started. Returns whether it was reserved.
    bool drop(qint64 runId);
    // Forgets every run (their targets are discarded unstarted); returns their ids.
    QList<qint64> takeAll();
    // Forgets the runs given to this node by the executor; returns their ids.
    QList<qint64> takeAssigned();

    // What becomes of a reserved run at its instant.
    enum class AtInstant {
        Start,
        NoSession, // assigned, but this node's heartbeat is not proven: it may count as gone
        LeaseLost, // reserved as executor, but the lease can no longer be proven
        NotWanted, // reserved as executor, but the job was paused, changed or deleted since
    };
    // `aliveUntil`: until when this node's last heartbeat proves it alive (already over
    // without a session); only consulted for assigned runs. `job`/`schedule`: the job as the
    // executor knows it now (null when deleted); only consulted for runs reserved as executor.
    static AtInstant check(const Reservation &reservation, const LeaseDeadline &aliveUntil,
                           bool leaseProven, const JobRecord *job, const JobSchedule *schedule);
    // Whether a slot reserved ahead is still one the job wants, as known now.
    static bool slotStillWanted(const JobRecord &job, const JobSchedule &schedule,
                                const QDateTime &slot);

Q_SIGNALS:
    // The runs of one instant were handed out; `started` of them started (at least one).
    void handedOut(int started);

private:
    void startInstant(qint64 slotMs);

    Start m_start;
    std::unordered_map<qint64, Reservation> m_reserved; // holds move-only targets
    QHash<qint64, QList<qint64>> m_instants;            // instant (ms) -> its runs
};

} // namespace Cronhelm

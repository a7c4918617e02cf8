#include "slotfirer.h"

#include "slotplanner.h"

#include <spdlog/spdlog.h>

#include <QElapsedTimer>
#include <QTimer>

namespace Cronhelm {

namespace {

std::string iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

// A recorded run that waits to be placed.
ActiveRun queuedRun(qint64 runId, const SlotFire &fire)
{
    ActiveRun queued;
    queued.runId = runId;
    queued.jobId = fire.jobId;
    queued.trigger = fire.trigger;
    queued.status = RunStatus::Queued;
    queued.scheduledFor = fire.slot;
    queued.dueAt = fire.slot;
    return queued;
}

} // namespace

SlotFirer::SlotFirer(Node &node, JobTable &jobs, const QString &nodeId, StoreWorker &fireWorker,
                     QObject *parent)
    : QObject(parent)
    , m_node(node)
    , m_jobs(jobs)
    , m_nodeId(nodeId)
    , m_fireWorker(fireWorker)
{
    connect(&m_jobs.queue(), &FireQueue::due, this, &SlotFirer::onDue);
}

void SlotFirer::reset()
{
    ++m_generation;
    m_held.clear();
}

void SlotFirer::onDue(const QList<FireQueue::Due> &due)
{
    if (!m_node.canFire()) {
        if (m_node.term() != 0 && !m_node.isDraining()) {
            // The renewal is late: hold the slots until the lease is proven again.
            m_held.append(due);
            spdlog::warn("executor: lease not proven; holding {} due slots", due.size());
        }
        return;
    }
    QList<SlotFire> fires;
    fires.reserve(due.size());
    for (const FireQueue::Due &d : due) {
        if (const JobTable::Entry *rt = m_jobs.find(d.jobId))
            fires.append(decide(*rt, d.slot, RunTrigger::Schedule));
    }
    // Record first (on the fire thread), compute the next slots while that is in flight.
    record(fires);
    for (const FireQueue::Due &d : due)
        m_jobs.scheduleNext(d.jobId, d.slot);
}

void SlotFirer::fireHeld()
{
    if (!m_held.isEmpty() && m_node.canFire()) {
        // Slots that came due while the renewal was late: still ours, fire them now.
        QList<FireQueue::Due> held;
        held.swap(m_held);
        onDue(held);
    }
}

SlotFire SlotFirer::decide(const JobTable::Entry &rt, const QDateTime &slot, RunTrigger trigger)
{
    const JobRecord &job = rt.data.job;
    const int running = m_node.runningOfJob(job.id);
    const SlotFire fire = SlotPlanner::decide(job, slot, trigger, running);
    if (SlotPlanner::replacesRunning(job, fire, running))
        m_node.replaceRunning(job.id, slot); // reserved slots replace at their instant
    return fire;
}

// A gap without an executor: each job's misfire policy decides what happens to the slots
// in (last recorded slot, now].
QList<SlotFire> SlotFirer::missedSlots(const QList<NodeJob> &jobs, const QDateTime &now)
{
    QList<SlotFire> fires;
    for (const NodeJob &job : jobs) {
        const JobTable::Entry *rt = m_jobs.find(job.job.id);
        if (!rt || !rt->schedule.isValid() || !rt->schedule.isActive())
            continue;
        const qint64 id = rt->data.job.id;
        const SlotPlanner::Missed missed =
            SlotPlanner::missedSlots(rt->data, rt->schedule, now, m_node.runningOfJob(id));
        if (missed.total > missed.fires.size()) {
            spdlog::warn("job {} \"{}\": {} slots were missed; recording the newest {}", id,
                         rt->data.job.spec.name.toStdString(), missed.total, missed.fires.size());
        }
        const int running = m_node.runningOfJob(id);
        for (const SlotFire &fire : missed.fires) {
            if (SlotPlanner::replacesRunning(rt->data.job, fire, running))
                m_node.replaceRunning(fire.jobId, fire.slot);
        }
        fires.append(missed.fires);
    }
    return fires;
}

void SlotFirer::record(const QList<SlotFire> &fires)
{
    if (fires.isEmpty())
        return;
    const QString node = m_nodeId;
    const qint64 term = m_node.term();
    const quint64 generation = m_generation;
    QElapsedTimer sent;
    sent.start();
    m_fireWorker.post(
        this,
        [node, term, fires, sent](StoreConnection &c) {
            const qint64 queued = sent.elapsed();
            Result<QList<FiredRun>> result = NodeStore(c).fireSlots(node, term, fires);
            return std::make_pair(std::move(result), std::make_pair(queued, sent.elapsed()));
        },
        [this, fires, sent, generation](const auto &answer) {
            const Result<QList<FiredRun>> &result = answer.first;
            // Slow recording delays every fire: say so, it points at the database.
            if (sent.elapsed() > 20)
                spdlog::warn("fire: recording {} slots took {} ms (waited {} ms for the fire "
                             "thread, {} ms in the database)",
                             fires.size(), sent.elapsed(), answer.second.first,
                             answer.second.second - answer.second.first);
            if (!result && result.errorKind() == ErrorKind::ConnectionLost
                && generation == m_generation && m_node.term() != 0) {
                // The fire thread's connection often learns only now that the server went
                // away (and may be back): nothing was recorded, and no later takeover would
                // see these slots as missed while this lease lasts. Try again on a fresh
                // connection; the unique slot index makes a repeat harmless.
                spdlog::warn("executor: could not record {} fires: {}; trying again", fires.size(),
                             result.errorMessage().toStdString());
                QTimer::singleShot(250, this, [this, fires, generation] {
                    if (generation == m_generation && m_node.term() != 0)
                        record(fires);
                });
                return;
            }
            onRecorded(fires, result);
        });
}

void SlotFirer::onRecorded(const QList<SlotFire> &fires, const Result<QList<FiredRun>> &result)
{
    if (!result) {
        if (result.errorKind() == ErrorKind::Fenced) {
            spdlog::warn("executor: the database refused {} fires: {}", fires.size(),
                         result.errorMessage().toStdString());
            m_node.fenced();
        } else {
            spdlog::error("executor: could not record {} fires: {}", fires.size(),
                          result.errorMessage().toStdString());
        }
        // Not recorded means not run: the next takeover treats them as missed slots.
        return;
    }
    // Rows inserted under a valid term are this node's to run, even if the lease moved
    // since: the decision was made, and recorded, while it was held.
    for (const FiredRun &fired : *result) {
        const SlotFire &fire = fires.at(fired.index);
        const bool toRun =
            fire.decision == SlotDecision::Reserve || fire.decision == SlotDecision::Start;
        if (toRun && !fired.node.isEmpty() && fired.node != m_nodeId) {
            // Given to another node, which starts it at the instant with its own timer.
            m_node.startedElsewhere(fire.jobId, fired.runId, fired.node);
            continue;
        }
        if (toRun && fired.node.isEmpty()) {
            // No node had a free slot (or none has the job's labels): queued, with the
            // reason recorded; assigned as soon as a slot frees, oldest slot first.
            spdlog::info("queue: job {} run {} slot {}: no node can take it now", fire.jobId,
                         fired.runId, iso(fire.slot));
            m_node.queueFired(queuedRun(fired.runId, fire));
            continue;
        }
        if (fire.decision == SlotDecision::Reserve) {
            m_node.reserveFired(fired.runId, fire);
        } else if (fire.decision == SlotDecision::Start) {
            m_node.startFired(fired.runId, fire);
        } else if (fire.decision == SlotDecision::Queue) {
            m_node.queueFired(queuedRun(fired.runId, fire));
        } else {
            spdlog::info("skip: job {} slot {}: {}", fire.jobId, iso(fire.slot),
                         fire.error.toStdString());
        }
    }
}

} // namespace Cronhelm

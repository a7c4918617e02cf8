#include "queuedrunplacer.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace Cronhelm {

QueuedRunPlacer::QueuedRunPlacer(Node &node, const QString &nodeId, StoreWorker &fireWorker,
                                 QObject *parent)
    : QObject(parent)
    , m_node(node)
    , m_nodeId(nodeId)
    , m_fireWorker(fireWorker)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &QueuedRunPlacer::resolveInDoubt);
    m_waitingTimer.setInterval(1000);
    connect(&m_waitingTimer, &QTimer::timeout, this, &QueuedRunPlacer::placeWaiting);
    m_waitingTimer.start();
}

void QueuedRunPlacer::forgetPlans()
{
    ++m_generation;
    m_planned.clear();
    m_waiting.clear();
}

int QueuedRunPlacer::claimingOfJob(qint64 jobId) const
{
    int n = m_claiming.value(jobId);
    for (const ActiveRun &run : m_inDoubt) { // may be this node's already
        if (run.jobId == jobId)
            ++n;
    }
    return n;
}

void QueuedRunPlacer::consider(qint64 runId)
{
    if (m_planned.contains(runId) || m_claimingRuns.contains(runId) || m_node.isRunningHere(runId))
        return;
    const QString node = m_nodeId;
    const qint64 term = m_node.term();
    const quint64 generation = m_generation;
    const bool capacity = m_node.canFire(); // the database counts the free slots
    struct Checked
    {
        std::optional<ActiveRun> run;
        std::optional<Result<std::optional<QString>>> claim;
        bool readLost = false; // the read failed on a lost connection
    };
    m_claimingRuns.insert(runId);
    m_fireWorker.post(
        this,
        [node, term, runId, capacity](StoreConnection &c) {
            NodeStore store(c);
            Checked checked;
            Result<std::optional<ActiveRun>> run = store.activeRun(runId);
            if (!run) {
                checked.readLost = run.errorKind() == ErrorKind::ConnectionLost;
                return checked;
            }
            // A run reserved by a node (a scheduled slot) is started by that node only.
            if (!run->has_value() || !(*run)->node.isEmpty())
                return checked;
            checked.run = **run;
            const ActiveRun &r = *checked.run;
            const bool unconditional = !isScheduled(r.trigger);
            if (capacity && unconditional && r.status == RunStatus::Queued
                && r.dueAt <= QDateTime::currentDateTimeUtc().addMSecs(5)) {
                checked.claim = store.assignRun(node, term, runId);
            }
            return checked;
        },
        [this, runId, generation](const Checked &checked) {
            m_claimingRuns.remove(runId);
            if (checked.readLost) {
                // Not claimed: look again once the connection is back.
                const auto delay = m_backoff.next();
                spdlog::warn("run {}: cannot read the queued run (connection lost); trying again "
                             "in {} ms",
                             runId, delay.count());
                QTimer::singleShot(delay, this, [this, runId, generation] {
                    if (generation == m_generation && m_node.term() != 0 && m_node.isLoaded())
                        consider(runId);
                });
                return;
            }
            if (!checked.run)
                return;
            const ActiveRun &r = *checked.run;
            if (checked.claim) {
                assigned(r, *checked.claim);
                return;
            }
            if (r.status == RunStatus::Queued && m_node.term() != 0)
                schedule(r);
        });
}

void QueuedRunPlacer::schedule(const ActiveRun &run)
{
    if (m_planned.contains(run.runId) || m_node.isRunningHere(run.runId)
        || m_claimingRuns.contains(run.runId))
        return;
    m_planned.insert(run.runId);
    const qint64 wait = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(run.dueAt));
    spdlog::info("run {}: queued for job {}, claimed in {} ms", run.runId, run.jobId, wait);
    const quint64 generation = m_generation;
    QTimer::singleShot(std::chrono::milliseconds(wait), Qt::PreciseTimer, this,
                       [this, run, generation] {
                           if (generation == m_generation)
                               tryClaim(run);
                       });
}

bool QueuedRunPlacer::tryClaim(const ActiveRun &run, bool fromWaiting)
{
    if (m_node.term() == 0 || m_node.isDraining())
        return false;
    if (m_claimingRuns.contains(run.runId)) {
        m_planned.remove(run.runId); // the claim in flight decides
        return false;
    }
    const bool busy = m_node.runningOfJob(run.jobId) > 0;
    // Missed slots caught up (run_all) run one after another, whatever the concurrency
    // policy; forbid makes every scheduled run wait for the previous one.
    const bool forbidden = busy
        && (run.trigger == RunTrigger::CatchUp
            || (isScheduled(run.trigger) && m_node.forbidsOverlap(run.jobId)));
    if (!m_node.canFire() || forbidden) {
        m_waiting.push_back(run);
        return false;
    }
    const QString node = m_nodeId;
    const qint64 term = m_node.term();
    const qint64 runId = run.runId;
    ++m_claiming[run.jobId];
    m_claimingRuns.insert(runId);
    if (fromWaiting)
        ++m_waitingInFlight;
    m_fireWorker.post(
        this,
        [node, term, runId](StoreConnection &c) {
            return NodeStore(c).assignRun(node, term, runId);
        },
        [this, run, fromWaiting](const Result<std::optional<QString>> &result) {
            m_planned.remove(run.runId);
            m_claimingRuns.remove(run.runId);
            if (--m_claiming[run.jobId] <= 0)
                m_claiming.remove(run.jobId);
            assigned(run, result);
            if (!fromWaiting)
                return;
            // A run placed: there may be room for the next ones of the queue.
            if (result && result->has_value() && !(*result)->isEmpty())
                m_waitingAgain = true;
            if (--m_waitingInFlight == 0 && std::exchange(m_waitingAgain, false))
                placeWaiting();
        });
    return true;
}

// The answer to assign_run: this node (running now), another node (which starts it), no
// longer queued (empty), or no node with a free slot (nothing: it waits, reason recorded).
void QueuedRunPlacer::assigned(const ActiveRun &run, const Result<std::optional<QString>> &node)
{
    if (!node) {
        // A lost answer is in doubt exactly like a lost claim.
        claimed(run, Result<bool>(node.error()));
        return;
    }
    if (!node->has_value()) {
        m_backoff.reset();
        m_waiting.push_back(run);
        return;
    }
    const QString &to = **node;
    if (to.isEmpty()) {
        claimed(run, Result<bool>(false));
    } else if (to == m_nodeId) {
        claimed(run, Result<bool>(true));
    } else {
        m_backoff.reset();
        m_node.startedElsewhere(run.jobId, run.runId, to);
    }
}

// The answer to a claim. A claim whose answer was lost with the connection is in doubt:
// the database may have recorded it (then the run is this node's, and not started yet) or
// not. It is resolved once the connection is back, and started at most once either way.
void QueuedRunPlacer::claimed(const ActiveRun &run, const Result<bool> &claimed)
{
    if (claimed && *claimed) {
        m_backoff.reset();
        m_node.startHere(run);
        return;
    }
    if (!claimed && claimed.errorKind() == ErrorKind::ConnectionLost) {
        spdlog::warn("run {}: the claim's answer was lost with the connection: {}; resolving it "
                     "when the connection is back",
                     run.runId, claimed.errorMessage().toStdString());
        m_claimingRuns.insert(run.runId);
        m_inDoubt.insert(run.runId, run);
        if (!m_retryTimer.isActive())
            m_retryTimer.start(m_backoff.next());
        return;
    }
    if (!claimed) {
        spdlog::warn("run {}: could not claim: {}", run.runId,
                     claimed.errorMessage().toStdString());
    }
    placeWaiting(); // runs of the same job may have waited for this one
}

void QueuedRunPlacer::resolveInDoubt()
{
    if (m_inDoubt.isEmpty() || m_resolving)
        return;
    m_retryTimer.stop();
    enum class Verdict { Start, Drop, Lost };
    const QList<ActiveRun> runs = m_inDoubt.values();
    const QString node = m_nodeId;
    const qint64 term = m_node.canFire() ? m_node.term() : 0;
    m_resolving = true;
    m_fireWorker.post(
        this,
        [node, term, runs](StoreConnection &c) {
            NodeStore store(c);
            QList<Verdict> verdicts;
            for (const ActiveRun &run : runs) {
                Result<std::optional<ActiveRun>> now = store.activeRun(run.runId);
                if (!now) {
                    verdicts.append(now.errorKind() == ErrorKind::ConnectionLost ? Verdict::Lost
                                                                                 : Verdict::Drop);
                } else if (!now->has_value()) {
                    verdicts.append(Verdict::Drop); // ended or cancelled meanwhile
                } else if ((*now)->status == RunStatus::Running && (*now)->node == node) {
                    // The lost claim was recorded: this node's run, never started here.
                    verdicts.append(Verdict::Start);
                } else if ((*now)->status == RunStatus::Queued && (*now)->node.isEmpty()
                           && term != 0) {
                    // It was not: claim it now.
                    Result<bool> claim = store.claimRun(node, term, run.runId);
                    verdicts.append(claim && *claim ? Verdict::Start
                                        : !claim && claim.errorKind() == ErrorKind::ConnectionLost
                                        ? Verdict::Lost
                                        : Verdict::Drop);
                } else {
                    // Another node's, or queued for whichever executor holds the lease.
                    verdicts.append(Verdict::Drop);
                }
            }
            return verdicts;
        },
        [this, runs](const QList<Verdict> &verdicts) {
            m_resolving = false;
            bool lost = false;
            for (qsizetype i = 0; i < runs.size(); ++i) {
                const ActiveRun &run = runs.at(i);
                if (verdicts.at(i) == Verdict::Lost) {
                    lost = true;
                    continue;
                }
                m_inDoubt.remove(run.runId);
                m_claimingRuns.remove(run.runId);
                if (verdicts.at(i) == Verdict::Start) {
                    spdlog::info("run {}: claim confirmed after the connection came back",
                                 run.runId);
                    m_node.startHere(run);
                } else if (m_node.term() != 0 && m_node.isLoaded()) {
                    consider(run.runId); // still queued: claimable as usual
                }
            }
            if (lost)
                m_retryTimer.start(m_backoff.next());
            else
                m_backoff.reset();
            placeWaiting();
        });
}

void QueuedRunPlacer::placeWaiting()
{
    if (m_waiting.empty() || !m_node.canFire())
        return;
    if (m_waitingInFlight > 0) {
        m_waitingAgain = true; // once the round in flight is answered
        return;
    }
    std::deque<ActiveRun> waiting;
    waiting.swap(m_waiting);
    // Oldest scheduled first, so that a freed slot goes to the run that waited longest.
    std::stable_sort(waiting.begin(), waiting.end(), [](const ActiveRun &a, const ActiveRun &b) {
        return a.scheduledFor < b.scheduledFor;
    });
    int sent = 0;
    while (!waiting.empty() && sent < maxRound) {
        const ActiveRun run = waiting.front();
        waiting.pop_front();
        if (tryClaim(run, true))
            ++sent;
    }
    for (const ActiveRun &run : waiting)
        m_waiting.push_back(run);
}

} // namespace Cronhelm

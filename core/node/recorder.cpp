#include "recorder.h"

#include <store/storeconnection.h>

#include <spdlog/spdlog.h>

namespace Cronhelm {

namespace {

// Reserved runs started at an instant are marked as started this much later (batched).
constexpr std::chrono::milliseconds markStartedDelay{100};

} // namespace

Recorder::Recorder(const QString &conninfo, const QString &nodeId, QObject *parent)
    : QObject(parent)
    , m_nodeId(nodeId)
    , m_worker(conninfo, QStringLiteral("cronhelm-record"))
{
    // Run ends that come about together (a burst of jobs at one instant) are recorded in
    // one statement, after the burst rather than during it.
    m_finishTimer.setSingleShot(true);
    connect(&m_finishTimer, &QTimer::timeout, this, &Recorder::flushFinished);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Recorder::retryNow);
}

bool Recorder::isIdle() const
{
    return m_finishes.isIdle() && m_outcomes.empty() && !m_outcomesInFlight && m_releasing == 0;
}

void Recorder::markStarted(qint64 runId, const QDateTime &at)
{
    if (m_started.isEmpty()) {
        // Marked a little later, so that the database is not busy during the burst of a
        // busy instant; the end may overtake it, which finish_run allows for.
        QTimer::singleShot(markStartedDelay, this, &Recorder::flushStarted);
    }
    m_started.append({runId, at});
}

void Recorder::releaseReservations(const QList<qint64> &runIds,
                                   std::function<void(const Status &)> done)
{
    ++m_releasing;
    const QString node = m_nodeId;
    m_worker.post(
        this,
        [node, runIds](StoreConnection &c) {
            return NodeStore(c).releaseReservations(node, runIds);
        },
        [this, done = std::move(done)](const Status &released) {
            --m_releasing;
            if (done)
                done(released);
            Q_EMIT settled();
        });
}

// One statement for all the reserved runs that started since the last one.
void Recorder::flushStarted()
{
    QList<std::pair<qint64, QDateTime>> started;
    started.swap(m_started);
    if (started.isEmpty())
        return;
    const QString node = m_nodeId;
    // On the record thread, like the ends of the same runs: two connections updating the
    // same rows would wait for each other's row locks (and deadlock, as batches), and the
    // fire thread must never wait behind a run's bookkeeping.
    m_worker.post(
        this,
        [node, started](StoreConnection &c) { return NodeStore(c).markStarted(node, started); },
        [this, started](const Status &marked) {
            if (marked)
                return;
            spdlog::warn("could not mark {} runs as started: {}", started.size(),
                         marked.errorMessage().toStdString());
            if (marked.errorKind() == ErrorKind::ConnectionLost) {
                // Marked when the connection is back (a no-op for runs that ended since).
                m_unmarked.append(started);
                if (!m_retryTimer.isActive())
                    m_retryTimer.start(m_backoff.next());
            }
        });
}

void Recorder::recordFinish(const FinishedRun &run, qint64 jobId)
{
    follow(m_finishes.add(run, jobId));
}

void Recorder::follow(FinishBatcher::Step step)
{
    switch (step.kind) {
    case FinishBatcher::Step::Kind::Nothing:
        break;
    case FinishBatcher::Step::Kind::WriteAfter:
        m_finishTimer.start(step.delay);
        break;
    case FinishBatcher::Step::Kind::WriteNow:
        flushFinished();
        break;
    case FinishBatcher::Step::Kind::RetryAfter:
        m_retryTimer.start(step.delay);
        break;
    }
}

// One finish_runs call for the run ends queued meanwhile; one at a time, in order.
void Recorder::flushFinished()
{
    const QList<FinishBatcher::Entry> batch = m_finishes.takeBatch();
    if (batch.isEmpty())
        return;
    QList<FinishedRun> runs;
    runs.reserve(batch.size());
    for (const auto &[run, jobId] : batch)
        runs.append(run);
    const QString node = m_nodeId;
    m_worker.post(
        this, [node, runs](StoreConnection &c) { return NodeStore(c).finishRuns(node, runs); },
        [this](const Result<QList<std::optional<qint64>>> &result) { onFinishedRecorded(result); });
}

void Recorder::onFinishedRecorded(const Result<QList<std::optional<qint64>>> &result)
{
    using Answer = FinishBatcher::Answer;
    const bool lost = !result && result.errorKind() == ErrorKind::ConnectionLost;
    const FinishBatcher::Settled answered = m_finishes.onAnswer(
        result ? Answer::Written : (lost ? Answer::ConnectionLost : Answer::Refused));
    if (lost) {
        spdlog::warn("could not record {} run ends: {}; trying again in {} ms", answered.batch,
                     result.errorMessage().toStdString(), answered.next.delay.count());
    } else if (!result && answered.ends.isEmpty()) {
        spdlog::warn("could not record {} run ends together: {}; recording them one by one",
                     answered.batch, result.errorMessage().toStdString());
    }
    for (qsizetype i = 0; i < answered.ends.size(); ++i) {
        const auto &[run, jobId] = answered.ends.at(i);
        m_ending.remove(run.runId);
        if (!result) {
            spdlog::error("run {}: could not record its end: {}", run.runId,
                          result.errorMessage().toStdString());
        } else if (i < result->size() && result->at(i).has_value()) {
            spdlog::info("retry: job {} run {} queued as run {}", jobId, run.runId, *result->at(i));
        }
    }
    follow(answered.next);
    Q_EMIT settled();
}

void Recorder::settleOutcome(qint64 jobId, const NotifyPolicyInput &run,
                             std::function<void(const NotifyDecision &)> announce)
{
    m_outcomes.push_back({jobId, run, std::move(announce)});
    if (!m_retryTimer.isActive())
        flushOutcomes();
}

namespace {

struct SettledBatch
{
    Status status = Done{};
    // Per run, in order: what it announces; nothing for a job deleted meanwhile.
    std::vector<std::optional<NotifyDecision>> decisions;
};

// The policy applied to a batch of run ends in the order they ended, each against the
// outcome the one before it left (a job can have several runs in one batch).
QList<std::pair<qint64, OutcomeChange>>
decideBatch(const std::vector<Recorder::PendingOutcome> &batch, QHash<qint64, JobOutcome> state,
            std::vector<std::optional<NotifyDecision>> &decisions)
{
    decisions.assign(batch.size(), std::nullopt);
    QHash<qint64, OutcomeChange> changes;
    QList<qint64> order;
    for (size_t i = 0; i < batch.size(); ++i) {
        const Recorder::PendingOutcome &pending = batch[i];
        const auto it = state.find(pending.jobId);
        if (it == state.end())
            continue; // the job is gone
        NotifyPolicyInput input = pending.run;
        input.previousOutcome = it->last;
        input.lastFailureAnnouncedAt = it->lastFailureNotifiedAt;
        const NotifyDecision decision = decideNotification(input);
        decisions[i] = decision;
        if (!decision.outcome || (decision.outcome == it->last && !decision.failureAnnounced))
            continue;
        // As record_outcome() will leave it.
        it->last = decision.outcome;
        if (decision.failureAnnounced)
            it->lastFailureNotifiedAt = input.now;
        else if (*decision.outcome == RunStatus::Succeeded)
            it->lastFailureNotifiedAt = QDateTime();
        if (!changes.contains(pending.jobId))
            order.append(pending.jobId);
        OutcomeChange &change = changes[pending.jobId];
        // A failure announced earlier in the batch stays announced unless the job has
        // recovered since.
        change.failureNotified = decision.failureAnnounced
            || (change.failureNotified && *decision.outcome != RunStatus::Succeeded);
        change.outcome = *decision.outcome;
    }
    QList<std::pair<qint64, OutcomeChange>> out;
    for (qint64 jobId : std::as_const(order))
        out.append({jobId, changes.value(jobId)});
    return out;
}

} // namespace

void Recorder::flushOutcomes()
{
    if (m_outcomesInFlight || m_outcomes.empty())
        return;
    std::vector<PendingOutcome> batch(std::make_move_iterator(m_outcomes.begin()),
                                      std::make_move_iterator(m_outcomes.end()));
    m_outcomes.clear();
    m_outcomesInFlight = true;
    QSet<qint64> seen;
    QList<qint64> jobIds;
    for (const PendingOutcome &pending : batch) {
        if (!seen.contains(pending.jobId)) {
            seen.insert(pending.jobId);
            jobIds.append(pending.jobId);
        }
    }
    auto shared = std::make_shared<std::vector<PendingOutcome>>(std::move(batch));
    m_worker.post(
        this,
        [shared, jobIds](StoreConnection &c) {
            SettledBatch result;
            result.status =
                NodeStore(c).settleOutcomes(jobIds, [&](const QHash<qint64, JobOutcome> &current) {
                    return decideBatch(*shared, current, result.decisions);
                });
            return result;
        },
        [this, shared](const SettledBatch &result) {
            m_outcomesInFlight = false;
            const ErrorKind kind = result.status ? ErrorKind::Other : result.status.errorKind();
            if (!result.status
                && (kind == ErrorKind::ConnectionLost || kind == ErrorKind::Conflict)) {
                // Again, before anything that ended since, once the backoff has passed.
                m_outcomes.insert(m_outcomes.begin(), std::make_move_iterator(shared->begin()),
                                  std::make_move_iterator(shared->end()));
                const auto delay = m_backoff.next();
                spdlog::warn(
                    "could not settle job outcomes ({} runs ended): {}; trying again in {} ms",
                    shared->size(), result.status.errorMessage().toStdString(), delay.count());
                if (!m_retryTimer.isActive())
                    m_retryTimer.start(delay);
                Q_EMIT settled();
                return;
            }
            if (!result.status) {
                spdlog::warn("could not settle job outcomes ({} runs ended): {}", shared->size(),
                             result.status.errorMessage().toStdString());
            } else {
                for (size_t i = 0; i < shared->size(); ++i) {
                    const PendingOutcome &pending = (*shared)[i];
                    if (i < result.decisions.size() && result.decisions[i] && pending.announce)
                        pending.announce(*result.decisions[i]);
                }
            }
            if (!m_outcomes.empty() && !m_retryTimer.isActive())
                flushOutcomes();
            Q_EMIT settled();
        });
}

// Writes that failed on a lost connection, once more (the store worker reconnects first).
void Recorder::retryNow()
{
    m_retryTimer.stop();
    follow(m_finishes.retryNow());
    flushOutcomes();
    if (!m_unmarked.isEmpty()) {
        if (m_started.isEmpty())
            m_started.swap(m_unmarked);
        else
            m_started = std::exchange(m_unmarked, {}) + m_started;
        flushStarted();
    }
}

} // namespace Cronhelm

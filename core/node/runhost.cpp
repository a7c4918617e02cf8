#include "runhost.h"

#include <spdlog/spdlog.h>

namespace Cronhelm {

namespace {

// Threads for targets (see TargetThreads), with an HTTP engine each.
constexpr int targetThreadCount = 2;

std::string iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

} // namespace

RunHost::RunHost(const NodeConfig &config, Recorder &recorder, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_recorder(recorder)
    , m_targets(targetThreadCount)
    , m_logs(config.conninfo)
{}

RunHost::~RunHost()
{
    stopAll();
}

void RunHost::stopAll()
{
    // Targets still running are stopped by their destructors (SIGKILL / abort).
    m_running.clear();
}

TargetRunPtr RunHost::prepare(qint64 runId, const JobRecord &job, int attempt,
                              const QDateTime &scheduledFor, QString *error)
{
    if (!job.specProblems.isEmpty()) {
        // Stored before today's rules (or written into the table directly): not runnable.
        const FieldProblem &problem = job.specProblems.constFirst();
        *error = QStringLiteral("the job's definition is invalid: %1: %2")
                     .arg(problem.field, problem.message);
        return {};
    }
    RunContext context;
    context.runId = runId;
    context.jobId = job.id;
    context.jobName = job.spec.name;
    context.scheduledFor = scheduledFor;
    context.attempt = attempt;
    context.target = job.spec.target;
    context.timeoutSeconds = job.spec.timeoutSeconds;
    context.logLimitBytes = job.spec.logLimitBytes;
    context.network = m_targets.network(runId);
    context.killGrace = m_config.killGrace;
    context.httpLimits = m_config.http;
    TargetRunPtr run(createTargetRun(context).release());
    // Built here, started from a target thread: an instant's burst of requests and process
    // starts (each posix_spawn holds its thread until the child has exec'd) is spread
    // over those threads, while this one only hands them out.
    run->prepare();
    m_targets.adopt(run.get(), runId);
    return run;
}

bool RunHost::start(const RunStart &start, TargetRunPtr target)
{
    const qint64 runId = start.runId;
    if (m_running.count(runId)) {
        spdlog::error("run {} is already running on this node; not starting it twice", runId);
        return false;
    }
    Active active;
    active.run = std::move(target);
    active.start = start;
    TargetRun *run = active.run.get();
    connect(run, &TargetRun::output, this, [this, runId](LogStream stream, const QString &text) {
        m_logs.append(runId, stream, text);
    });
    // Queued (also should a target live on this thread: started() comes from inside start()):
    // the start is logged and marked after the instant's hand-out, not during it. It still
    // arrives before finished(), which never comes from inside start().
    connect(
        run, &TargetRun::started, this, [this, runId](qint64 atUs) { onStarted(runId, atUs); },
        Qt::QueuedConnection);
    connect(run, &TargetRun::finished, this,
            [this, runId](const RunOutcome &outcome) { onFinished(runId, outcome); });
    auto &started = m_running.emplace(runId, std::move(active)).first->second;
    started.startedAt = QDateTime::currentDateTimeUtc(); // until the target reports its start
    startOnItsThread(run, start.leaseValid);
    return true;
}

int RunHost::countOfJob(qint64 jobId) const
{
    int n = 0;
    for (const auto &[runId, active] : m_running) {
        if (active.start.jobId == jobId)
            ++n;
    }
    return n;
}

bool RunHost::cancel(qint64 runId, const QString &reason)
{
    const auto it = m_running.find(runId);
    if (it == m_running.end())
        return false;
    cancelOnItsThread(it->second.run.get(), reason);
    return true;
}

void RunHost::cancelJob(qint64 jobId, const QString &reason)
{
    for (auto &[runId, active] : m_running) {
        if (active.start.jobId == jobId)
            cancelOnItsThread(active.run.get(), reason);
    }
}

void RunHost::cancelAll(const QString &reason)
{
    for (auto &[runId, active] : m_running)
        cancelOnItsThread(active.run.get(), reason);
}

// The target's process was created / its request issued, at `atUs`: that is the run's
// start, logged here and (for runs assigned ahead) recorded by mark_started.
void RunHost::onStarted(qint64 runId, qint64 atUs)
{
    const auto it = m_running.find(runId);
    if (it == m_running.end())
        return; // over already; its end carries the hand-out instant
    Active &a = it->second;
    a.startedAt = QDateTime::fromMSecsSinceEpoch(atUs / 1000, Qt::UTC);
    if (a.start.reserved)
        m_recorder.markStarted(runId, a.startedAt);
    const double lateMs = double(atUs - a.start.scheduledFor.toMSecsSinceEpoch() * 1000) / 1000.0;
    spdlog::info("fire: job {} \"{}\" run {} ({}, attempt {}) slot {} started {:.3f} ms after it",
                 a.start.jobId, a.start.jobName.toStdString(), runId,
                 wireName(a.start.trigger).toStdString(), a.start.attempt,
                 iso(a.start.scheduledFor), lateMs);
}

void RunHost::onFinished(qint64 runId, const RunOutcome &outcome)
{
    auto it = m_running.find(runId);
    if (it == m_running.end())
        return;
    Active active = std::move(it->second);
    m_running.erase(it);
    // finished() is being emitted by this object: delete it later, not here.
    active.run.release()->deleteLater();

    RunEnd end;
    end.jobId = active.start.jobId;
    end.attempt = active.start.attempt;
    end.scheduledFor = active.start.scheduledFor;
    FinishedRun &finished = end.run;
    finished.runId = runId;
    finished.status = outcome.status;
    finished.exitCode = outcome.exitCode;
    finished.httpStatus = outcome.httpStatus;
    finished.error = outcome.error;
    finished.logBytes = outcome.logBytes;
    finished.logTruncated = outcome.logTruncated;
    finished.finishedAt = QDateTime::currentDateTimeUtc();
    finished.startedAt = active.startedAt;
    spdlog::info("run end: job {} run {}: {} in {} ms{}{}", end.jobId, runId,
                 wireName(finished.status).toStdString(),
                 active.startedAt.msecsTo(finished.finishedAt), outcome.error.isEmpty() ? "" : ": ",
                 outcome.error.toStdString());

    m_recorder.noteEnding(runId);
    ++m_closing;
    const qint64 jobId = end.jobId;
    m_logs.close(runId, [this, finished, jobId] {
        --m_closing;
        m_recorder.recordFinish(finished, jobId);
        Q_EMIT settled();
    });
    Q_EMIT ended(end);
}

} // namespace Cronhelm

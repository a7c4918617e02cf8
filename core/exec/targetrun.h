#pragma once

#include "httplimits.h"
#include "runoutcome.h"
#include <domain/targetspec.h>

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>

#include <chrono>
#include <memory>

namespace Cronhelm {

class CurlEngine;
class OutputSink;

// Everything one attempt of a job needs; plain values apart from the network manager.
struct RunContext
{
    qint64 runId = 0;
    qint64 jobId = 0;
    QString jobName;
    QDateTime scheduledFor; // the slot; feeds the Idempotency-Key
    int attempt = 1;
    TargetSpec target;
    int timeoutSeconds = 3600;       // <= 0: no timeout
    qint64 logLimitBytes = 10485760; // <= 0: no limit
    // Where ${env:CRONHELM_SECRET_NAME} references are looked up: the node's environment in
    // production (QProcessEnvironment::systemEnvironment()), a chosen one in tests.
    QProcessEnvironment secrets = QProcessEnvironment::systemEnvironment();
    // HTTP jobs only: the engine that carries the requests (CurlEngine); must live in the
    // thread the run lives in, and outlive the run.
    CurlEngine *network = nullptr;
    // HTTP jobs only: the node's connect and idle limits.
    HttpLimits httpLimits;
    // Shell jobs: time between SIGTERM and SIGKILL on timeout or cancel.
    std::chrono::milliseconds killGrace = std::chrono::seconds(10);
};

// One attempt of a job's target. Connect, then call start() once. finished() is emitted
// exactly once (never from inside start()), after the last output() piece. Destroying a
// run that has not finished stops it at once (SIGKILL / abort) without emitting finished().
// started() is emitted at most once, before finished(): from inside start() for a shell
// target, from the event loop for an HTTP target.
class TargetRun : public QObject
{
    Q_OBJECT

public:
    ~TargetRun() override;

    // Does ahead of time whatever start() can do without sending anything (resolve
    // secrets, build the request), so that start() at a slot's instant is quick. Optional;
    // start() prepares if this was not called. Never reports anything by itself.
    virtual void prepare() {}
    virtual void start() = 0;
    // Stops the run; it then finishes as Cancelled (unless it finished already).
    virtual void cancel(const QString &reason) = 0;
    // Instead of start(): the run will not be started (e.g. the node's lease expired just
    // before); it finishes with `status` and `reason` from the event loop.
    void refuseStart(RunStatus status, const QString &reason) { finishLater(status, reason); }

    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    // The job really started: its program was executed (posix_spawn returned, which glibc
    // does once the child has exec'd) or its request was written to its connection (libcurl
    // wrote the request head to the socket; a request waiting for a connection has not
    // started). `atUs`: that instant, microseconds since the Unix epoch (system clock), taken
    // on the run's own thread. Not emitted for a run that failed before that point (bad
    // secret, invalid URL, spawn failure, host unreachable) or was cancelled before it started.
    void started(qint64 atUs);
    void output(Cronhelm::LogStream stream, const QString &text);
    void finished(const Cronhelm::RunOutcome &outcome);

protected:
    TargetRun(const RunContext &context, QObject *parent);

    const RunContext &context() const { return m_context; }
    OutputSink &sink() { return *m_sink; }

    // Emits started() with the current instant (once).
    void reportStarted();
    // Flushes the output, fills in the log counters and emits finished() (once).
    void finish(RunOutcome outcome);
    // For failures found before anything ran: reports them from the event loop, so that
    // finished() never fires inside start().
    void finishLater(RunStatus status, const QString &error);

private:
    RunContext m_context;
    OutputSink *m_sink;
    bool m_finished = false;
    bool m_startReported = false;
};

// A ShellRun or an HttpRun for context.target. The unique_ptr owns the run; `parent` only
// places it in a thread and object tree, so it must not be destroyed before the pointer.
std::unique_ptr<TargetRun> createTargetRun(const RunContext &context, QObject *parent = nullptr);

// Registers the exec value types for queued connections across threads.
void registerExecMetaTypes();

} // namespace Cronhelm

Q_DECLARE_METATYPE(Cronhelm::RunContext)

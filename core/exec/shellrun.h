#pragma once

#include "targetrun.h"

#include "childprocess.h"

#include <QElapsedTimer>
#include <QTimer>

#include <optional>

namespace Cronhelm {

// A shell job: "/bin/sh -c <command>" or argv, in its own session and process group, so
// that a timeout or cancel (SIGTERM, then SIGKILL after RunContext::killGrace) reaches
// everything the job started. Processes the job leaves behind in its group when it exits
// are sent SIGTERM, and SIGKILL if they are still there after the grace: an attempt does
// not outlive its run. (Daemons must detach with setsid.)
//
// The child gets a clean environment: PATH, HOME, LANG and TZ of the node, the job's "env"
// (secrets resolved), the secrets its command refers to (each ${env:CRONHELM_SECRET_X} is
// passed as the variable CRONHELM_SECRET_X and the command text says ${CRONHELM_SECRET_X},
// so no secret is ever parsed by the shell or shown by ps), and CRONHELM_RUN_ID,
// CRONHELM_JOB_ID, CRONHELM_JOB_NAME, CRONHELM_ATTEMPT and CRONHELM_SCHEDULED_FOR
// (ISO 8601 UTC); stdin is /dev/null. Secret references in argv are refused.
//
// Started with posix_spawn through ChildProcess: program, arguments and environment are
// prepared by prepare() (during the lead), so start() at the instant is one spawn call.
class ShellRun final : public TargetRun
{
    Q_OBJECT

public:
    explicit ShellRun(const RunContext &context, QObject *parent = nullptr);
    ~ShellRun() override;

    void prepare() override;
    void start() override;
    void cancel(const QString &reason) override;

private:
    void onExited(int waitStatus);
    void stop(RunStatus status, const QString &error);
    void escalate();
    void stopLeftovers();
    QString describeCommand() const;
    QString elapsedText() const;

    // Parented: moveToThread() takes them along (the node starts shell jobs on its target
    // threads).
    ChildProcess m_child{this};
    QTimer m_timeoutTimer{this};
    QTimer m_killTimer{this};
    QElapsedTimer m_clock;
    bool m_prepared = false;
    SpawnRequest m_request;
    QString m_prepareError; // set by prepare(): the run fails with it instead of starting
    bool m_startCalled = false;
    // Set once a timeout or cancel has begun stopping the job: how it will be reported.
    std::optional<RunStatus> m_stopStatus;
    QString m_stopError;
};

} // namespace Cronhelm

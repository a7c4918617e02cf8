#pragma once

#include "targetrun.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTimer>

#include <optional>

namespace Cronhelm {

// A shell job: "/bin/sh -c <command>" or argv, in its own session and process group, so
// that a timeout or cancel (SIGTERM, then SIGKILL after RunContext::killGrace) reaches
// everything the job started. Processes the job leaves behind in its group when it exits
// are sent SIGTERM: an attempt does not outlive its run. (Daemons must detach with setsid.)
//
// The child gets a clean environment: PATH, HOME, LANG and TZ of the node, the job's "env"
// (secrets resolved), the secrets its command refers to (each ${env:CRONHELM_SECRET_X} is
// passed as the variable CRONHELM_SECRET_X and the command text says ${CRONHELM_SECRET_X},
// so no secret is ever parsed by the shell or shown by ps), and CRONHELM_RUN_ID,
// CRONHELM_JOB_ID, CRONHELM_JOB_NAME, CRONHELM_ATTEMPT and CRONHELM_SCHEDULED_FOR
// (ISO 8601 UTC); stdin is /dev/null. Secret references in argv are refused.
//
// The only POSIX calls of the project (setsid, kill) live in shellrun.cpp.
class ShellRun final : public TargetRun
{
    Q_OBJECT

public:
    explicit ShellRun(const RunContext &context, QObject *parent = nullptr);
    ~ShellRun() override;

    void start() override;
    void cancel(const QString &reason) override;

private:
    void onStarted();
    void onProcessFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void onProcessError(QProcess::ProcessError error);
    void readOutput();
    void stop(RunStatus status, const QString &error);
    void escalate();
    bool signalGroup(int signal);
    QString describeCommand() const;
    QString elapsedText() const;

    // Parented: moveToThread() takes them along (the node starts shell jobs on its target
    // threads).
    QProcess m_process{this};
    QTimer m_timeoutTimer{this};
    QTimer m_killTimer{this};
    QElapsedTimer m_clock;
    qint64 m_groupId = 0;
    bool m_startCalled = false;
    // Set once a timeout or cancel has begun stopping the job: how it will be reported.
    std::optional<RunStatus> m_stopStatus;
    QString m_stopError;
};

} // namespace Cronhelm

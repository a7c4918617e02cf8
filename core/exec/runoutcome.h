#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace Cronhelm {

// Where a piece of run output came from. System lines are written by Cronhelm itself
// (request line, HTTP status, truncation marker), never by the job.
enum class LogStream { Stdout, Stderr, System };

// How one attempt ended, as far as the runner can tell. The executor adds the states only
// it knows about (abandoned, skipped) when it records the run.
enum class RunStatus { Succeeded, Failed, TimedOut, Cancelled };

// The spellings of the runs.status / run_logs.stream columns.
QString logStreamName(LogStream stream);
QString runStatusName(RunStatus status);

struct RunOutcome
{
    RunStatus status = RunStatus::Failed;
    std::optional<int> exitCode;   // shell jobs that exited normally
    std::optional<int> httpStatus; // HTTP jobs that got a final response
    QString error;                 // empty on success; one human-readable line otherwise
    // Bytes of job output (stdout + stderr, or the logged sample of an HTTP response
    // body) that the job produced, INCLUDING what was discarded after the log limit.
    // Cronhelm's own System lines are not counted. The bytes kept are at most the limit.
    qint64 logBytes = 0;
    bool logTruncated = false;
};

} // namespace Cronhelm

Q_DECLARE_METATYPE(Cronhelm::LogStream)
Q_DECLARE_METATYPE(Cronhelm::RunStatus)
Q_DECLARE_METATYPE(Cronhelm::RunOutcome)

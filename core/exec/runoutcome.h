#pragma once

#include <domain/enums.h>

#include <QMetaType>
#include <QString>

#include <optional>

namespace Cronhelm {

// How one attempt ended, as far as the runner can tell: Succeeded, Failed, TimedOut or
// Cancelled. The executor adds the states only it knows about (abandoned, skipped) when it
// records the run.
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

Q_DECLARE_METATYPE(Cronhelm::RunOutcome)

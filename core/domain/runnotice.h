#pragma once

#include "enums.h"

#include <QString>

#include <optional>

namespace Cronhelm {

// A notification on the cronhelm_runs channel: "job_id,run_id,what". `what` is a run
// status, or "cancel" when someone asked for a running run to stop.
//
// Any session may NOTIFY on any channel (PostgreSQL checks no privilege), so a notice is
// only a hint that something about the run may have changed: whoever acts on it reads the
// run through the API first and acts on what the database says.
struct RunNotice
{
    qint64 jobId = 0;
    qint64 runId = 0;
    std::optional<RunStatus> status; // nothing for a cancel request
    bool cancelRequest = false;

    // The notice in a payload, or nothing when the payload is not one.
    static std::optional<RunNotice> parse(const QString &payload);
    QString toPayload() const;
};

} // namespace Cronhelm

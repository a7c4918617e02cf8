#pragma once

#include <store/records.h>

#include <QDateTime>
#include <QString>

namespace Cronhelm::JobFormat {

// When the job runs next: the executor's computation, or — while no executor has computed
// one (none running yet, or the job just changed) — the same rule evaluated here.
// Invalid for a paused job, a finished or cancelled one-off, or a schedule that never fires.
QDateTime nextRun(const JobRecord &job, const QDateTime &now);

// The schedule column: the cron expression, or "once 2027-02-10 03:00:00".
QString schedule(const JobRecord &job);

// Everything about a job, human readable (`job show`).
QString details(const JobRecord &job, const QDateTime &now);

} // namespace Cronhelm::JobFormat

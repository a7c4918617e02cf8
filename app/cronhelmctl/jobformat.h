#pragma once

#include <domain/records.h>

#include <QDateTime>
#include <QString>

namespace Cronhelm::JobFormat {

// The schedule column: the cron expression, or "once 2027-02-10 03:00:00".
QString schedule(const JobRecord &job);

// Everything about a job, human readable (`job show`).
QString details(const JobRecord &job, const QDateTime &now);

} // namespace Cronhelm::JobFormat

#pragma once

#include "fieldproblem.h"

#include <QList>
#include <QString>

#include <optional>

namespace Cronhelm {

// How much run history the store keeps (docs/semantics.md, "Retention"): a run goes once it
// finished more than keepDays ago and is not among the last keepRuns runs of its job. The
// store-wide policy is this; a job's own keep_days / keep_runs (JobSpec) replace either part.
struct RetentionPolicy
{
    int keepDays = 365;
    int keepRuns = 100;

    bool operator==(const RetentionPolicy &other) const = default;

    // The problems cronhelm.set_retention_policy would raise, with the same fields
    // ("keep_days", "keep_runs") and limits (JobLimits::maxKeepDays / maxKeepRuns).
    FieldProblems problems() const;
};

// A job that keeps its run history its own way: either number set replaces the store-wide
// policy's (an unset one follows it).
struct JobRetention
{
    qint64 jobId = 0;
    QString job;
    std::optional<int> keepDays;
    std::optional<int> keepRuns;

    bool operator==(const JobRetention &other) const = default;
};

} // namespace Cronhelm

Q_DECLARE_METATYPE(Cronhelm::RetentionPolicy)

#pragma once

#include "fieldproblem.h"

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

} // namespace Cronhelm

Q_DECLARE_METATYPE(Cronhelm::RetentionPolicy)

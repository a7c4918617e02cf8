#include "retentionpolicy.h"

#include "joblimits.h"

#include "coretr.h"

namespace Cronhelm {

FieldProblems RetentionPolicy::problems() const
{
    FieldProblems out;
    if (keepDays < JobLimits::minKeepDays || keepDays > JobLimits::maxKeepDays)
        out.append({QStringLiteral("keep_days"),
                    CoreTr::tr("Must be from %1 to %2.")
                        .arg(JobLimits::minKeepDays)
                        .arg(JobLimits::maxKeepDays)});
    if (keepRuns < 0 || keepRuns > JobLimits::maxKeepRuns)
        out.append({QStringLiteral("keep_runs"),
                    CoreTr::tr("Must be from %1 to %2.").arg(0).arg(JobLimits::maxKeepRuns)});
    return out;
}

} // namespace Cronhelm

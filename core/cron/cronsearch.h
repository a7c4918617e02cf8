#pragma once

#include "cronmatcher.h"

#include <memory>
#include <optional>

namespace Cronhelm {

class ZoneRules;

// The DST-aware search for the next fire instant (internal to the cron engine).
//
// Hour field unrestricted: an instant fires when its wall-clock time matches; walking the
// zone's segments of constant offset gives both occurrences in an overlap and nothing in a gap.
// Hour field restricted: every matching wall-clock time fires exactly once — at its first
// occurrence, or, when it falls in a gap, read with the offset in force before the transition.
// Wall-clock time is then partitioned among the segments: segment i owns the local times
// [start_i + offsetBefore_i, end_i + offset_i), its gap part (if any) mapping with the offset
// before, the rest with its own.
class CronSearch
{
public:
    // One Gregorian cycle: if no wall-clock time matches within it, none ever will.
    static constexpr qint64 kHorizonSeconds = qint64(146097) * 86400;

    CronSearch(const CronMatcher &matcher, std::shared_ptr<ZoneRules> rules);

    // The first fire instant (UTC seconds) at or after `utc`.
    std::optional<qint64> firstAtOrAfter(qint64 utc);

    // The first matching local time (local seconds) at or after `local`, within the horizon.
    std::optional<qint64> nextLocalMatch(qint64 local);

private:
    std::optional<qint64> searchLocal(qint64 from);
    std::optional<qint64> followRealTime(qint64 utc);
    std::optional<qint64> onceEachWallClockTime(qint64 utc);

    const CronMatcher &m_matcher;
    std::shared_ptr<ZoneRules> m_rules;
    qint64 m_limit = 0; // local seconds: the search horizon

    // Memo of the last local search: no match in [m_memoFrom, m_memoResult).
    bool m_haveMemo = false;
    qint64 m_memoFrom = 0;
    std::optional<qint64> m_memoResult;

    // The day mask of the month last looked at.
    qint64 m_maskYear = 0;
    int m_maskMonth = 0;
    quint32 m_mask = 0;
};

} // namespace Cronhelm

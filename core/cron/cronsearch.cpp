#include "cronsearch.h"

#include "civil.h"
#include "zonerules.h"

#include <algorithm>
#include <bit>

namespace Cronhelm {

namespace {

// Guards against endless loops on corrupt zone data; far above any real walk.
constexpr int kMaxSteps = 1'000'000;

} // namespace

CronSearch::CronSearch(const CronMatcher &matcher, std::shared_ptr<ZoneRules> rules)
    : m_matcher(matcher)
    , m_rules(std::move(rules))
{}

std::optional<qint64> CronSearch::firstAtOrAfter(qint64 utc)
{
    return m_matcher.hourRestricted() ? onceEachWallClockTime(utc) : followRealTime(utc);
}

std::optional<qint64> CronSearch::searchLocal(qint64 from)
{
    if (m_haveMemo && m_memoResult && from >= m_memoFrom && from <= *m_memoResult)
        return *m_memoResult < m_limit ? m_memoResult : std::nullopt;
    m_haveMemo = true;
    m_memoFrom = from;
    m_memoResult = nextLocalMatch(from);
    return m_memoResult;
}

std::optional<qint64> CronSearch::nextLocalMatch(qint64 local)
{
    using namespace Civil;
    if (local >= m_limit)
        return std::nullopt;
    qint64 days = floorDiv(local, kSecondsPerDay);
    int secondOfDay = int(local - days * kSecondsPerDay);
    Ymd date = civilFromDays(days);
    const quint16 months = m_matcher.months();

    auto startOfNextMonth = [&] {
        if (++date.month == 13) {
            date.month = 1;
            ++date.year;
        }
        date.day = 1;
        secondOfDay = 0;
        days = daysFromCivil(date.year, date.month, 1);
    };

    for (int step = 0; step < kMaxSteps; ++step) {
        if (days * kSecondsPerDay >= m_limit)
            return std::nullopt;
        if (!(months & (1u << date.month))) {
            const quint16 later = quint16(months >> (date.month + 1) << (date.month + 1));
            if (later) {
                date.month = std::countr_zero(later);
            } else {
                date.month = std::countr_zero(months);
                ++date.year;
            }
            date.day = 1;
            secondOfDay = 0;
            days = daysFromCivil(date.year, date.month, 1);
            continue;
        }
        if (date.year != m_maskYear || date.month != m_maskMonth) {
            m_maskYear = date.year;
            m_maskMonth = date.month;
            m_mask = m_matcher.dayMask(date.year, date.month);
        }
        const quint32 remaining = m_mask >> date.day << date.day;
        if (!remaining) {
            startOfNextMonth();
            continue;
        }
        const int day = std::countr_zero(remaining);
        if (day != date.day) {
            days += day - date.day;
            date.day = day;
            secondOfDay = 0;
        }
        const int time = m_matcher.nextTimeOfDay(secondOfDay);
        if (time < 0) {
            if (date.day == daysInMonth(date.year, date.month)) {
                startOfNextMonth();
            } else {
                ++date.day;
                ++days;
                secondOfDay = 0;
            }
            continue;
        }
        const qint64 result = days * kSecondsPerDay + time;
        if (result >= m_limit)
            return std::nullopt;
        return result;
    }
    return std::nullopt;
}

std::optional<qint64> CronSearch::followRealTime(qint64 utc)
{
    SegmentCursor segment(m_rules, utc);
    qint64 from = utc + segment.offset();
    m_limit = from + kHorizonSeconds;
    for (int step = 0; step < kMaxSteps; ++step) {
        const auto local = searchLocal(from);
        if (!local)
            return std::nullopt;
        if (*local < segment.end() + segment.offset())
            return *local - segment.offset();
        if (!segment.next())
            return std::nullopt;
        // After a fall-back the new segment's wall clock starts lower and repeats times.
        from = segment.start() + segment.offset();
    }
    return std::nullopt;
}

std::optional<qint64> CronSearch::onceEachWallClockTime(qint64 utc)
{
    SegmentCursor segment(m_rules, utc);
    m_limit = utc + segment.offset() + kHorizonSeconds;

    // The segment holding `utc`: its gap part maps to [start, start + gap); its own part from
    // `utc` on. Take the earlier of the two.
    std::optional<qint64> best;
    const int offset = segment.offset();
    const int before = segment.previousOffset();
    const qint64 start = segment.start();
    if (before < offset) {
        const auto local = searchLocal(utc + before);
        if (local && *local < start + offset)
            best = *local - before;
    }
    const auto own = searchLocal(std::max(utc + offset, start + std::max(offset, before)));
    if (!own)
        return best;
    if (*own < segment.end() + offset) {
        const qint64 instant = *own - offset;
        return best ? std::min(*best, instant) : instant;
    }
    if (best)
        return best;

    // Later segments: everything they own maps after `utc`. Find the one owning `local`.
    const qint64 local = *own;
    for (int step = 0; step < kMaxSteps; ++step) {
        if (!segment.next())
            return std::nullopt;
        const int off = segment.offset();
        if (local >= segment.end() + off)
            continue;
        const int prev = segment.previousOffset();
        const qint64 begin = segment.start();
        if (prev < off && local < begin + off) {
            // In the gap: fires at local - prev, unless a real time just after the gap fires
            // earlier (the mapping is not monotone there).
            const qint64 mapped = local - prev;
            const auto after = searchLocal(begin + off);
            if (after && *after < segment.end() + off && *after - off < mapped)
                return *after - off;
            return mapped;
        }
        return local - off;
    }
    return std::nullopt;
}

} // namespace Cronhelm

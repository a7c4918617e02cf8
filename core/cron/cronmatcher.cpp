#include "cronmatcher.h"

#include "civil.h"

#include <bit>

namespace Cronhelm {

namespace {

// The lowest set bit at position >= from, or -1.
template<typename T>
int nextBit(T mask, int from)
{
    if (from >= int(sizeof(T) * 8))
        return -1;
    const T rest = T(mask >> from) << from;
    return rest ? std::countr_zero(rest) : -1;
}

// Quartz "nW": the weekday nearest to day n, never leaving the month.
int nearestWeekday(int day, int length, int weekday)
{
    if (weekday == 6) // Saturday: the Friday before, or the Monday after on the 1st
        return day == 1 ? 3 : day - 1;
    if (weekday == 0) // Sunday: the Monday after, or the Friday before on the last day
        return day == length ? day - 2 : day + 1;
    return day;
}

int lastWeekdayOfMonth(int length, int lastWeekday)
{
    if (lastWeekday == 6)
        return length - 1;
    if (lastWeekday == 0)
        return length - 2;
    return length;
}

} // namespace

CronMatcher::CronMatcher(const std::array<CronField, 6> &fields)
    : m_fields(fields)
    , m_seconds(fields[0].values)
    , m_minutes(fields[1].values)
    , m_hours(quint32(fields[2].values))
    , m_days(quint32(fields[3].values))
    , m_months(quint16(fields[4].values))
    , m_weekdays(quint8(fields[5].values))
    , m_hourRestricted(fields[2].restricted)
    , m_domRestricted(fields[3].restricted)
    , m_dowRestricted(fields[5].restricted)
    , m_allDays(!fields[3].hasExtensions() && !fields[5].hasExtensions()
                && fields[3].values == 0xFFFFFFFEull && (fields[5].values & 0x7F) == 0x7F)
{}

quint32 CronMatcher::dayOfMonthMask(int length, int firstWeekday) const
{
    const CronField &dom = m_fields[3];
    const quint32 all = quint32((quint64(1) << (length + 1)) - 2);
    quint32 mask = m_days & all;
    for (quint32 offsets = dom.lastDayOffsets; offsets; offsets &= offsets - 1) {
        const int day = length - std::countr_zero(offsets);
        if (day >= 1)
            mask |= 1u << day;
    }
    if (dom.lastWeekday)
        mask |= 1u << lastWeekdayOfMonth(length, (firstWeekday + length - 1) % 7);
    for (quint32 days = dom.nearestWeekdays & all; days; days &= days - 1) {
        const int day = std::countr_zero(days);
        mask |= 1u << nearestWeekday(day, length, (firstWeekday + day - 1) % 7);
    }
    return mask;
}

quint32 CronMatcher::dayOfWeekMask(int length, int firstWeekday) const
{
    const CronField &dow = m_fields[5];
    quint32 mask = 0;
    for (int weekday = 0; weekday < 7; ++weekday) {
        const int first = (weekday - firstWeekday + 7) % 7 + 1; // first such day of the month
        if (m_weekdays & (1u << weekday)) {
            for (int day = first; day <= length; day += 7)
                mask |= 1u << day;
        }
        if (dow.lastWeekdays & (1u << weekday))
            mask |= 1u << (first + (length - first) / 7 * 7);
        for (int nth = 1; nth <= 5; ++nth) {
            const int day = first + (nth - 1) * 7;
            if ((dow.nthWeekdays[std::size_t(nth)] & (1u << weekday)) && day <= length)
                mask |= 1u << day;
        }
    }
    return mask;
}

quint32 CronMatcher::dayMask(qint64 y, int m) const
{
    const int length = Civil::daysInMonth(y, m);
    const quint32 all = quint32((quint64(1) << (length + 1)) - 2);
    if (m_allDays)
        return all;
    const int firstWeekday = Civil::weekdayFromDays(Civil::daysFromCivil(y, m, 1));
    const quint32 dom = dayOfMonthMask(length, firstWeekday);
    const quint32 dow = dayOfWeekMask(length, firstWeekday);
    // Vixie: both restricted -> either matches; otherwise both must (an unrestricted field
    // such as "*/2" still narrows the days).
    return (m_domRestricted && m_dowRestricted) ? (dom | dow) : (dom & dow);
}

bool CronMatcher::matchesDay(qint64 y, int m, int d) const
{
    if (!(m_months & (1u << m)))
        return false;
    const int length = Civil::daysInMonth(y, m);
    if (d < 1 || d > length)
        return false;
    auto weekdayOf = [&](int day) {
        return Civil::weekdayFromDays(Civil::daysFromCivil(y, m, day));
    };
    const int weekday = weekdayOf(d);

    const CronField &dom = m_fields[3];
    bool domMatch = (m_days >> d) & 1u;
    for (int offset = 0; offset <= 30; ++offset) {
        if ((dom.lastDayOffsets >> offset & 1u) && d == length - offset)
            domMatch = true;
    }
    if (dom.lastWeekday) {
        int last = length;
        while (weekdayOf(last) == 0 || weekdayOf(last) == 6)
            --last;
        domMatch = domMatch || d == last;
    }
    for (int n = 1; n <= length; ++n) {
        if (dom.nearestWeekdays >> n & 1u) {
            int target = n;
            const int wd = weekdayOf(n);
            if (wd == 6)
                target = n > 1 ? n - 1 : n + 2;
            else if (wd == 0)
                target = n < length ? n + 1 : n - 2;
            domMatch = domMatch || d == target;
        }
    }

    const CronField &dow = m_fields[5];
    bool dowMatch = (m_weekdays >> weekday) & 1u;
    if ((dow.lastWeekdays >> weekday & 1u) && d + 7 > length)
        dowMatch = true;
    const int nth = (d - 1) / 7 + 1;
    if (dow.nthWeekdays[std::size_t(nth)] >> weekday & 1u)
        dowMatch = true;

    if (m_domRestricted && m_dowRestricted)
        return domMatch || dowMatch;
    return domMatch && dowMatch;
}

bool CronMatcher::matchesTime(int hour, int minute, int second) const
{
    return (m_hours >> hour & 1u) && (m_minutes >> minute & 1u) && (m_seconds >> second & 1u);
}

int CronMatcher::nextTimeOfDay(int secondOfDay) const
{
    int hour = secondOfDay / 3600;
    int minute = secondOfDay / 60 % 60;
    int second = secondOfDay % 60;
    while (hour < 24) {
        const int h = nextBit(m_hours, hour);
        if (h < 0)
            return -1;
        if (h != hour) {
            hour = h;
            minute = 0;
            second = 0;
        }
        const int m = nextBit(m_minutes, minute);
        if (m < 0) {
            ++hour;
            minute = 0;
            second = 0;
            continue;
        }
        if (m != minute) {
            minute = m;
            second = 0;
        }
        const int s = nextBit(m_seconds, second);
        if (s < 0) {
            if (++minute == 60) {
                ++hour;
                minute = 0;
            }
            second = 0;
            continue;
        }
        return hour * 3600 + minute * 60 + s;
    }
    return -1;
}

} // namespace Cronhelm

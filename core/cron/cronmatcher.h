#pragma once

#include "cronfield.h"

#include <QtGlobal>

#include <array>

namespace Cronhelm {

// Which wall-clock date-times a parsed cron expression matches, as bit sets (internal to the
// cron engine). Knows nothing about time zones: see CronSearch for that.
class CronMatcher
{
public:
    CronMatcher() = default;
    explicit CronMatcher(const std::array<CronField, 6> &fields);

    bool hourRestricted() const { return m_hourRestricted; }
    bool dayOfMonthRestricted() const { return m_domRestricted; }
    bool dayOfWeekRestricted() const { return m_dowRestricted; }
    quint16 months() const { return m_months; } // bits 1..12

    // Days of month `m` of year `y` that match, as bits 1..31. Fast (bit arithmetic).
    quint32 dayMask(qint64 y, int m) const;
    // The same question for one day, answered the plain way (used by the reference oracle).
    bool matchesDay(qint64 y, int m, int d) const;
    bool matchesTime(int hour, int minute, int second) const;

    // The first matching second of the day at or after `secondOfDay`, or -1.
    int nextTimeOfDay(int secondOfDay) const;

    const std::array<CronField, 6> &fields() const { return m_fields; }

private:
    quint32 dayOfMonthMask(int length, int firstWeekday) const;
    quint32 dayOfWeekMask(int length, int firstWeekday) const;

    std::array<CronField, 6> m_fields;
    quint64 m_seconds = 0;
    quint64 m_minutes = 0;
    quint32 m_hours = 0;
    quint32 m_days = 0;
    quint16 m_months = 0;
    quint8 m_weekdays = 0;
    bool m_hourRestricted = false;
    bool m_domRestricted = false;
    bool m_dowRestricted = false;
    bool m_allDays = false; // every day of every month matches
};

} // namespace Cronhelm

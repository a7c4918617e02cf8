#pragma once

#include <QtGlobal>

// Proleptic Gregorian calendar arithmetic on plain integers (internal to the cron engine).
// Days are counted from 1970-01-01 (day 0); "local seconds" are wall-clock seconds since
// 1970-01-01T00:00 read as if the wall clock were UTC. Algorithms: H. Hinnant,
// "chrono-Compatible Low-Level Date Algorithms".
namespace Cronhelm::Civil {

constexpr qint64 kSecondsPerDay = 86400;

constexpr qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

constexpr bool isLeapYear(qint64 y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

constexpr int daysInMonth(qint64 y, int m)
{
    constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return (m == 2 && isLeapYear(y)) ? 29 : lengths[m - 1];
}

constexpr qint64 daysFromCivil(qint64 y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = floorDiv(y, 400);
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct Ymd
{
    qint64 year;
    int month;
    int day;
};

constexpr Ymd civilFromDays(qint64 z)
{
    z += 719468;
    const qint64 era = floorDiv(z, 146097);
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int d = int(doy - (153 * mp + 2) / 5 + 1);
    const int m = int(mp < 10 ? mp + 3 : mp - 9);
    return Ymd{yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

// 0 = Sunday ... 6 = Saturday.
constexpr int weekdayFromDays(qint64 z)
{
    return int(z + 4 - floorDiv(z + 4, 7) * 7);
}

static_assert(daysFromCivil(1970, 1, 1) == 0);
static_assert(daysFromCivil(2000, 3, 1) == 11017);
static_assert(civilFromDays(11017).year == 2000 && civilFromDays(11017).month == 3);
static_assert(weekdayFromDays(0) == 4);  // Thursday
static_assert(weekdayFromDays(-1) == 3); // Wednesday

} // namespace Cronhelm::Civil

#pragma once

#include <result.h>

#include <QString>
#include <QStringView>

#include <array>

namespace Cronhelm {

enum class CronFieldKind { Second, Minute, Hour, DayOfMonth, Month, DayOfWeek };

// The field's name as used in error messages ("day-of-month"), translated.
QString cronFieldName(CronFieldKind kind);
int cronFieldMin(CronFieldKind kind);
int cronFieldMax(CronFieldKind kind); // 7 for day-of-week (7 = Sunday again)

// One parsed field of a cron expression (internal to the cron engine).
struct CronField
{
    quint64 values = 0;      // bit v set: value v matches (day-of-week normalised: 7 -> 0)
    bool restricted = false; // Vixie: the text neither starts with '*' nor is '?'

    // Day-of-month extensions.
    quint32 lastDayOffsets = 0;  // bit n: "L-n" ("L" is bit 0)
    quint32 nearestWeekdays = 0; // bit n: "nW"
    bool lastWeekday = false;    // "LW"

    // Day-of-week extensions.
    quint8 lastWeekdays = 0;             // bit w: "wL", the last weekday w of the month
    std::array<quint8, 6> nthWeekdays{}; // [k] bit w: "w#k", the k-th weekday w (k 1..5)

    bool hasExtensions() const;

    static Result<CronField> parse(CronFieldKind kind, QStringView text);
};

} // namespace Cronhelm

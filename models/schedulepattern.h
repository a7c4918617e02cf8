#pragma once

#include <QList>
#include <QString>
#include <QTime>

namespace Cronhelm {

// The schedule builder for people who do not know cron: a few everyday shapes that map to
// a cron expression and back. Anything else is "Advanced" (the raw expression).
struct SchedulePattern
{
    enum class Kind {
        EveryMinutes, // every N minutes (N divides 60, so the gaps are even)
        Hourly,       // every hour at :MM
        Daily,        // every day at HH:MM
        Weekdays,     // Monday to Friday at HH:MM
        Weekly,       // on chosen days of the week at HH:MM
        Monthly,      // on day N of every month at HH:MM
        LastWeekday,  // on the last weekday (Mon-Fri) of every month at HH:MM
        Advanced,     // a cron expression the builder does not express
    };

    Kind kind = Kind::Daily;
    int interval = 15;
    int minute = 0;
    QTime time = QTime(9, 0);
    QList<int> weekdays = {1}; // 0 = Sunday ... 6 = Saturday
    int dayOfMonth = 1;

    // The cron expression; empty for Advanced.
    QString toCron() const;
    // The builder shape of an expression, or Kind::Advanced.
    static SchedulePattern fromCron(const QString &expression);
    // The minute intervals offered: the divisors of 60.
    static QList<int> minuteIntervals();

    bool operator==(const SchedulePattern &other) const = default;
};

} // namespace Cronhelm

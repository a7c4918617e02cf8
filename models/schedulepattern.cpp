#include "schedulepattern.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace Cronhelm {

namespace {

bool number(const QString &text, int low, int high, int *out)
{
    static const QRegularExpression digits(QStringLiteral("^\\d{1,2}$"));
    if (!digits.match(text).hasMatch())
        return false;
    const int value = text.toInt();
    if (value < low || value > high)
        return false;
    *out = value;
    return true;
}

} // namespace

QList<int> SchedulePattern::minuteIntervals()
{
    return {1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30};
}

QString SchedulePattern::toCron() const
{
    const QString hm = QStringLiteral("%1 %2").arg(time.minute()).arg(time.hour());
    switch (kind) {
    case Kind::EveryMinutes:
        return interval <= 1 ? QStringLiteral("* * * * *")
                             : QStringLiteral("*/%1 * * * *").arg(interval);
    case Kind::Hourly:
        return QStringLiteral("%1 * * * *").arg(minute);
    case Kind::Daily:
        return hm + QStringLiteral(" * * *");
    case Kind::Weekdays:
        return hm + QStringLiteral(" * * 1-5");
    case Kind::Weekly: {
        QList<int> days = weekdays;
        std::sort(days.begin(), days.end());
        days.erase(std::unique(days.begin(), days.end()), days.end());
        if (days.isEmpty())
            return {};
        QStringList parts;
        for (int d : std::as_const(days))
            parts.append(QString::number(d));
        return hm + QStringLiteral(" * * ") + parts.join(QLatin1Char(','));
    }
    case Kind::Monthly:
        return hm + QStringLiteral(" %1 * *").arg(dayOfMonth);
    case Kind::LastWeekday:
        return hm + QStringLiteral(" LW * *");
    case Kind::Advanced:
        return {};
    }
    return {};
}

SchedulePattern SchedulePattern::fromCron(const QString &expression)
{
    SchedulePattern p;
    p.kind = Kind::Advanced;
    const QStringList f = expression.simplified().split(QLatin1Char(' '));
    if (f.size() != 5)
        return p;
    const QString &min = f[0], &hour = f[1], &dom = f[2], &month = f[3], &dow = f[4];
    if (month != QLatin1String("*"))
        return p;

    if (hour == QLatin1String("*") && dom == QLatin1String("*") && dow == QLatin1String("*")) {
        int n = 0;
        if (min == QLatin1String("*")) {
            p.kind = Kind::EveryMinutes;
            p.interval = 1;
        } else if (min.startsWith(QLatin1String("*/")) && number(min.mid(2), 1, 59, &n)
                   && minuteIntervals().contains(n)) {
            p.kind = Kind::EveryMinutes;
            p.interval = n;
        } else if (number(min, 0, 59, &n)) {
            p.kind = Kind::Hourly;
            p.minute = n;
        }
        return p;
    }

    int m = 0, h = 0;
    if (!number(min, 0, 59, &m) || !number(hour, 0, 23, &h))
        return p;
    p.time = QTime(h, m);
    if (dom == QLatin1String("*") && dow == QLatin1String("*")) {
        p.kind = Kind::Daily;
    } else if (dom == QLatin1String("*")
               && (dow == QLatin1String("1-5")
                   || dow.compare(QLatin1String("MON-FRI"), Qt::CaseInsensitive) == 0)) {
        p.kind = Kind::Weekdays;
    } else if (dom == QLatin1String("*")) {
        QList<int> days;
        for (const QString &part : dow.split(QLatin1Char(','))) {
            int d = 0;
            if (!number(part, 0, 7, &d))
                return p;
            days.append(d == 7 ? 0 : d);
        }
        std::sort(days.begin(), days.end());
        days.erase(std::unique(days.begin(), days.end()), days.end());
        p.kind = Kind::Weekly;
        p.weekdays = days;
    } else if (dow == QLatin1String("*") && dom == QLatin1String("LW")) {
        p.kind = Kind::LastWeekday;
    } else if (dow == QLatin1String("*")) {
        int d = 0;
        if (number(dom, 1, 31, &d)) {
            p.kind = Kind::Monthly;
            p.dayOfMonth = d;
        }
    }
    return p;
}

} // namespace Cronhelm

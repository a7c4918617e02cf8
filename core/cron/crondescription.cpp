#include "crondescription.h"

#include "cronexpression.h"
#include "cronmatcher.h"

#include <coretr.h>

#include <QStringList>

#include <bit>
#include <optional>

namespace Cronhelm {

namespace {

const char *const kWeekdays[] = {
    QT_TRANSLATE_NOOP("Cronhelm::Core", "Sunday"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "Monday"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "Tuesday"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "Wednesday"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "Thursday"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "Friday"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "Saturday"),
};

const char *const kMonths[] = {
    QT_TRANSLATE_NOOP("Cronhelm::Core", "January"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "February"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "March"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "April"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "May"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "June"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "July"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "August"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "September"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "October"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "November"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "December"),
};

const char *const kOrdinals[] = {
    "",
    QT_TRANSLATE_NOOP("Cronhelm::Core", "first"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "second"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "third"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "fourth"),
    QT_TRANSLATE_NOOP("Cronhelm::Core", "fifth"),
};

QString weekdayName(int weekday)
{
    return CoreTr::tr(kWeekdays[weekday]);
}

QString monthName(int month)
{
    return CoreTr::tr(kMonths[month - 1]);
}

QList<int> bitsOf(quint64 mask)
{
    QList<int> values;
    for (; mask; mask &= mask - 1)
        values.append(std::countr_zero(mask));
    return values;
}

// "a", "a and b", "a, b and c".
QString joinList(const QStringList &items)
{
    if (items.isEmpty())
        return QString();
    if (items.size() == 1)
        return items.front();
    //: joins the last item of a list: "Monday, Wednesday and Friday"
    return CoreTr::tr("%1 and %2")
        .arg(items.mid(0, items.size() - 1).join(QLatin1String(", ")), items.back());
}

QString twoDigits(int value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

quint64 fullMask(int min, int max)
{
    quint64 mask = 0;
    for (int v = min; v <= max; ++v)
        mask |= quint64(1) << v;
    return mask;
}

// The step n when `mask` is exactly {0, n, 2n, ...} over [0, size) and n divides size.
std::optional<int> evenStep(quint64 mask, int size)
{
    const QList<int> values = bitsOf(mask);
    if (values.size() < 2 || values.front() != 0)
        return std::nullopt;
    const int step = values.at(1);
    if (size % step != 0 || mask != [&] {
            quint64 expected = 0;
            for (int v = 0; v < size; v += step)
                expected |= quint64(1) << v;
            return expected;
        }())
        return std::nullopt;
    return step;
}

class Describer
{
public:
    Describer(const CronExpression &expr)
        : m_expr(expr)
        , m_fields(expr.matcher().fields())
    {}

    QString describe(const QString &zoneName) const;

private:
    struct Day
    {
        bool everyDay = false;
        QString phrase; // "on Monday to Friday"
    };
    std::optional<QString> timePhrase(bool &isFrequency) const;
    std::optional<Day> dayPhrase() const;
    std::optional<QString> weekdaysPhrase(quint64 weekdays) const;
    QString generic(const QString &zoneName) const;
    QString listValues(int field) const;

    bool isAll(int field) const
    {
        const CronField &f = m_fields[std::size_t(field)];
        const int max = field == 5 ? 6 : cronFieldMax(CronFieldKind(field));
        return !f.hasExtensions() && f.values == fullMask(cronFieldMin(CronFieldKind(field)), max);
    }

    const CronExpression &m_expr;
    const std::array<CronField, 6> &m_fields;
};

std::optional<QString> Describer::timePhrase(bool &isFrequency) const
{
    const quint64 seconds = m_fields[0].values;
    const quint64 minutes = m_fields[1].values;
    const quint64 hours = m_fields[2].values;
    const bool allHours = isAll(2);
    const bool allMinutes = isAll(1);
    const bool onTheMinute = seconds == 1;
    isFrequency = true;

    if (allHours && allMinutes && isAll(0))
        return CoreTr::tr("Every second");
    if (allHours && allMinutes && !onTheMinute) {
        if (auto step = evenStep(seconds, 60))
            return CoreTr::tr("Every %n seconds", nullptr, *step);
    }
    if (allHours && allMinutes && onTheMinute)
        return CoreTr::tr("Every minute");
    if (allHours && onTheMinute) {
        if (auto step = evenStep(minutes, 60))
            return CoreTr::tr("Every %n minutes", nullptr, *step);
        if (std::popcount(minutes) == 1)
            return CoreTr::tr("At minute %1 of every hour").arg(std::countr_zero(minutes));
    }

    if (onTheMinute && std::popcount(minutes) == 1) {
        if (auto step = evenStep(hours, 24)) {
            //: %1 hours apart from midnight, %2 minute: "Every 2 hours at minute 0"
            return CoreTr::tr("Every %1 hours at minute %2")
                .arg(*step)
                .arg(std::countr_zero(minutes));
        }
    }

    isFrequency = false;
    const QList<int> h = bitsOf(hours);
    const bool hourRange = h.size() >= 2 && h.back() - h.front() + 1 == h.size();
    auto clock = [](int hour, int minute) -> QString {
        return twoDigits(hour) + QLatin1Char(':') + twoDigits(minute);
    };
    if (onTheMinute && hourRange && std::popcount(minutes) == 1) {
        const int minute = std::countr_zero(minutes);
        //: "Every hour from 09:00 to 17:00"
        return CoreTr::tr("Every hour from %1 to %2")
            .arg(clock(h.front(), minute), clock(h.back(), minute));
    }
    if (onTheMinute && (hourRange || h.size() == 1) && !allMinutes) {
        if (auto step = evenStep(minutes, 60)) {
            //: %1 minutes apart, %2/%3 the first and last clock time: "Every 15 minutes from
            //: 09:00 to 17:45"
            return CoreTr::tr("Every %1 minutes from %2 to %3")
                .arg(QString::number(*step), clock(h.front(), 0), clock(h.back(), 60 - *step));
        }
    }
    const QList<int> m = bitsOf(minutes);
    const QList<int> s = bitsOf(seconds);
    if (h.size() * m.size() * s.size() > 6)
        return std::nullopt;
    QStringList times;
    for (int hour : h) {
        for (int minute : m) {
            for (int second : s) {
                QString time = twoDigits(hour) + QLatin1Char(':') + twoDigits(minute);
                if (!onTheMinute)
                    time += QLatin1Char(':') + twoDigits(second);
                times.append(time);
            }
        }
    }
    //: %1 one or more clock times: "09:30", "09:00 and 17:00"
    return CoreTr::tr("At %1").arg(joinList(times));
}

std::optional<QString> Describer::weekdaysPhrase(quint64 weekdays) const
{
    // Monday-first order; a run of three or more days reads "Monday to Friday".
    QList<int> days;
    for (int i = 1; i <= 7; ++i) {
        if (weekdays & (quint64(1) << (i % 7)))
            days.append(i);
    }
    if (days.isEmpty())
        return std::nullopt;
    if (days.size() >= 3 && days.back() - days.front() + 1 == days.size()) {
        //: a run of weekdays: "Monday to Friday"
        return CoreTr::tr("on %1 to %2")
            .arg(weekdayName(days.front() % 7), weekdayName(days.back() % 7));
    }
    QStringList names;
    for (int day : days)
        names.append(weekdayName(day % 7));
    //: %1 one or more weekdays: "Monday", "Saturday and Sunday"
    return CoreTr::tr("on %1").arg(joinList(names));
}

std::optional<Describer::Day> Describer::dayPhrase() const
{
    const CronField &dom = m_fields[3];
    const CronField &dow = m_fields[5];
    const CronMatcher &matcher = m_expr.matcher();
    const bool domR = matcher.dayOfMonthRestricted();
    const bool dowR = matcher.dayOfWeekRestricted();

    if (!isAll(4)) {
        // Only the plain yearly shape: one day of one month.
        const QList<int> days = bitsOf(dom.values);
        if (domR && !dowR && isAll(5) && !dom.hasExtensions() && days.size() == 1
            && std::popcount(m_fields[4].values) == 1) {
            //: %1 day of month, %2 month name: "on 1 January"
            return Day{false,
                       CoreTr::tr("on %1 %2")
                           .arg(days.front())
                           .arg(monthName(std::countr_zero(m_fields[4].values)))};
        }
        return std::nullopt;
    }
    if (domR && dowR)
        return std::nullopt; // either rule: leave to the generic description
    // Otherwise both must match: an unrestricted "*/2" still narrows the days.
    if (!domR && !dowR)
        return (isAll(3) && isAll(5)) ? std::optional(Day{true, CoreTr::tr("every day")})
                                      : std::nullopt;
    if (dowR && !isAll(3))
        return std::nullopt;
    if (domR && !isAll(5))
        return std::nullopt;
    if (dowR) {
        if (!dow.hasExtensions()) {
            if (isAll(5))
                return Day{true, CoreTr::tr("every day")};
            if (auto phrase = weekdaysPhrase(dow.values))
                return Day{false, *phrase};
            return std::nullopt;
        }
        if (dow.values || std::popcount(dow.lastWeekdays) > 1)
            return std::nullopt;
        int nthCount = 0;
        int nth = 0;
        int weekday = 0;
        for (int k = 1; k <= 5; ++k) {
            if (const quint8 bits = dow.nthWeekdays[std::size_t(k)]) {
                nthCount += std::popcount(bits);
                nth = k;
                weekday = std::countr_zero(bits);
            }
        }
        if (dow.lastWeekdays && nthCount == 0) {
            //: "on the last Friday of every month"
            return Day{false,
                       CoreTr::tr("on the last %1 of every month")
                           .arg(weekdayName(std::countr_zero(dow.lastWeekdays)))};
        }
        if (!dow.lastWeekdays && nthCount == 1) {
            //: %1 ordinal ("second"), %2 weekday: "on the second Monday of every month"
            return Day{false,
                       CoreTr::tr("on the %1 %2 of every month")
                           .arg(CoreTr::tr(kOrdinals[nth]), weekdayName(weekday))};
        }
        return std::nullopt;
    }
    // Day of month only.
    const int extensions = std::popcount(dom.lastDayOffsets) + std::popcount(dom.nearestWeekdays)
        + (dom.lastWeekday ? 1 : 0);
    if (!dom.hasExtensions()) {
        QStringList days;
        for (int day : bitsOf(dom.values))
            days.append(QString::number(day));
        if (days.size() == 31)
            return Day{true, CoreTr::tr("every day")};
        if (days.size() > 6)
            return std::nullopt;
        if (days.size() == 1)
            return Day{false, CoreTr::tr("on day %1 of every month").arg(days.front())};
        //: %1 days of the month: "on days 1 and 15 of every month"
        return Day{false, CoreTr::tr("on days %1 of every month").arg(joinList(days))};
    }
    if (dom.values || extensions != 1)
        return std::nullopt;
    if (dom.lastWeekday)
        return Day{false, CoreTr::tr("on the last weekday of every month")};
    if (dom.lastDayOffsets == 1)
        return Day{false, CoreTr::tr("on the last day of every month")};
    if (dom.lastDayOffsets == 2)
        return Day{false, CoreTr::tr("on the day before the last day of every month")};
    if (dom.lastDayOffsets) {
        return Day{false,
                   CoreTr::tr("on the day %1 days before the last day of every month")
                       .arg(std::countr_zero(dom.lastDayOffsets))};
    }
    //: "on the weekday nearest day 15 of every month"
    return Day{false,
               CoreTr::tr("on the weekday nearest day %1 of every month")
                   .arg(std::countr_zero(dom.nearestWeekdays))};
}

QString Describer::listValues(int field) const
{
    const CronField &f = m_fields[std::size_t(field)];
    QStringList items;
    const QList<int> values = bitsOf(f.values);
    auto name = [&](int v) {
        if (field == 4)
            return monthName(v);
        if (field == 5)
            return weekdayName(v);
        return QString::number(v);
    };
    // Runs of three or more consecutive values read "9 to 17".
    for (qsizetype i = 0; i < values.size();) {
        qsizetype j = i;
        while (j + 1 < values.size() && values.at(j + 1) == values.at(j) + 1)
            ++j;
        if (j - i >= 2) {
            //: a range of values: "9 to 17", "Monday to Friday"
            items.append(CoreTr::tr("%1 to %2").arg(name(values.at(i)), name(values.at(j))));
        } else {
            for (qsizetype k = i; k <= j; ++k)
                items.append(name(values.at(k)));
        }
        i = j + 1;
    }
    for (int offset : bitsOf(f.lastDayOffsets)) {
        if (offset == 0)
            items.append(CoreTr::tr("the last day"));
        else if (offset == 1)
            items.append(CoreTr::tr("the day before the last day"));
        else
            items.append(CoreTr::tr("the day %1 days before the last day").arg(offset));
    }
    if (f.lastWeekday)
        items.append(CoreTr::tr("the last weekday"));
    for (int day : bitsOf(f.nearestWeekdays))
        items.append(CoreTr::tr("the weekday nearest day %1").arg(day));
    for (int weekday : bitsOf(f.lastWeekdays))
        items.append(CoreTr::tr("the last %1").arg(weekdayName(weekday)));
    for (int k = 1; k <= 5; ++k) {
        for (int weekday : bitsOf(f.nthWeekdays[std::size_t(k)]))
            items.append(
                CoreTr::tr("the %1 %2").arg(CoreTr::tr(kOrdinals[k]), weekdayName(weekday)));
    }
    return items.join(QLatin1String(", "));
}

QString Describer::generic(const QString &zoneName) const
{
    QStringList parts;
    if (m_expr.hasSeconds() && !isAll(0))
        parts.append(CoreTr::tr("second %1").arg(listValues(0)));
    if (!isAll(1))
        parts.append(CoreTr::tr("minute %1").arg(listValues(1)));
    if (!isAll(2))
        parts.append(CoreTr::tr("hour %1").arg(listValues(2)));
    const CronMatcher &matcher = m_expr.matcher();
    if (matcher.dayOfMonthRestricted() && matcher.dayOfWeekRestricted()) {
        //: cron's rule when both day fields are given: either may match
        parts.append(
            CoreTr::tr("day of month %1, or day of week %2").arg(listValues(3), listValues(5)));
    } else {
        if (!isAll(3))
            parts.append(CoreTr::tr("day of month %1").arg(listValues(3)));
        if (!isAll(5))
            parts.append(CoreTr::tr("day of week %1").arg(listValues(5)));
    }
    if (!isAll(4))
        parts.append(CoreTr::tr("month %1").arg(listValues(4)));
    if (parts.isEmpty())
        parts.append(m_expr.hasSeconds() ? CoreTr::tr("every second") : CoreTr::tr("every minute"));
    //: %1 the expression, %2 its fields in words ("minute 0, 30; hour 9 to 17"), %3 time zone
    return CoreTr::tr("Cron schedule \"%1\": %2 (%3)")
        .arg(m_expr.text(), parts.join(QLatin1String("; ")), zoneName);
}

QString Describer::describe(const QString &zoneName) const
{
    bool isFrequency = false;
    const auto time = timePhrase(isFrequency);
    const auto day = dayPhrase();
    if (!time || !day)
        return generic(zoneName);
    if (day->everyDay && isFrequency) {
        //: %1 how often ("Every 5 minutes"), %2 time zone
        return CoreTr::tr("%1 (%2)").arg(*time, zoneName);
    }
    //: %1 when ("At 09:30", "Every 5 minutes"), %2 which days ("on Monday to Friday",
    //: "every day"), %3 time zone
    return CoreTr::tr("%1 %2 (%3)").arg(*time, day->phrase, zoneName);
}

} // namespace

QString zoneDisplayName(const QTimeZone &zone)
{
    if (!zone.isValid())
        return CoreTr::tr("UTC");
    static const QByteArray utcAliases[] = {"Etc/UTC", "Etc/UCT",   "Etc/Universal", "Etc/Zulu",
                                            "UCT",     "Universal", "Zulu"};
    const QByteArray id = zone.id();
    for (const QByteArray &alias : utcAliases) {
        if (id == alias)
            return QStringLiteral("UTC");
    }
    return QString::fromUtf8(id);
}

QString describeCron(const CronExpression &expr, const QTimeZone &zone)
{
    const QString zoneName = zoneDisplayName(zone);
    if (!expr.isValid())
        return CoreTr::tr("No schedule");
    return Describer(expr).describe(zoneName);
}

} // namespace Cronhelm

#include "localtime.h"

#include "civil.h"
#include "zonerules.h"

#include <coretr.h>

#include <QList>

namespace Cronhelm {

namespace {

bool isPlausibleZoneId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64 || id.startsWith(QLatin1Char('/'))
        || id.contains(QLatin1String("..")))
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')
            || u == '/' || u == '_' || u == '-' || u == '+' || u == ':';
        if (!ok)
            return false;
    }
    return true;
}

// "UTC-4", "UTC+5:30", "UTC+0".
QString formatOffset(int seconds)
{
    const QChar sign = seconds < 0 ? QLatin1Char('-') : QLatin1Char('+');
    const int magnitude = qAbs(seconds);
    const int hours = magnitude / 3600;
    const int minutes = magnitude / 60 % 60;
    QString text = QStringLiteral("UTC") + sign + QString::number(hours);
    if (minutes)
        text += QLatin1Char(':') + QStringLiteral("%1").arg(minutes, 2, 10, QLatin1Char('0'));
    return text;
}

// "(EDT, UTC-4)", or "(UTC+10:30)" where the zone has only a numeric abbreviation.
QString describeOffset(const QTimeZone &zone, qint64 utc, int offset)
{
    const QString abbreviation = zone.abbreviation(QDateTime::fromSecsSinceEpoch(utc, Qt::UTC));
    const bool numeric = abbreviation.isEmpty() || abbreviation.startsWith(QLatin1Char('+'))
        || abbreviation.startsWith(QLatin1Char('-'))
        || abbreviation.startsWith(QLatin1String("UTC"))
        || abbreviation.startsWith(QLatin1String("GMT+"))
        || abbreviation.startsWith(QLatin1String("GMT-"));
    if (numeric)
        return QLatin1Char('(') + formatOffset(offset) + QLatin1Char(')');
    return QLatin1Char('(') + abbreviation + QLatin1String(", ") + formatOffset(offset)
        + QLatin1Char(')');
}

QDateTime wallClock(qint64 localSeconds)
{
    return QDateTime::fromSecsSinceEpoch(localSeconds, Qt::UTC);
}

// The two wall-clock readings around a transition: "02:00" and "03:00", with dates when the
// change crosses midnight ("2011-12-30 00:00" and "2011-12-31 00:00").
std::pair<QString, QString> formatChange(qint64 fromLocal, qint64 toLocal, bool &sameDay)
{
    const QDateTime from = wallClock(fromLocal);
    const QDateTime to = wallClock(toLocal);
    sameDay = from.date() == to.date();
    const QString format = sameDay ? QStringLiteral("HH:mm") : QStringLiteral("yyyy-MM-dd HH:mm");
    return {from.toString(format), to.toString(format)};
}

QDateTime utcFromSeconds(qint64 seconds, int msec)
{
    return QDateTime::fromMSecsSinceEpoch(seconds * 1000 + msec, Qt::UTC);
}

} // namespace

Result<QTimeZone> zoneFromId(const QString &ianaId)
{
    const QString id = ianaId.trimmed();
    if (isPlausibleZoneId(id)) {
        QTimeZone zone(id.toUtf8());
        if (zone.isValid())
            return zone;
    }
    return makeError(ErrorKind::BadInput, CoreTr::tr("unknown time zone \"%1\"").arg(ianaId));
}

LocalTimeResolution resolveLocalTime(const QDate &date, const QTime &time, const QTimeZone &zone)
{
    LocalTimeResolution resolution;
    if (!date.isValid() || !time.isValid() || !zone.isValid()) {
        resolution.explanation = CoreTr::tr("The date, time or time zone is not valid.");
        return resolution;
    }
    const qint64 local =
        Civil::daysFromCivil(date.year(), date.month(), date.day()) * Civil::kSecondsPerDay
        + time.msecsSinceStartOfDay() / 1000;
    const int msec = time.msec();
    const bool withSeconds = time.second() != 0;
    const QString when = date.toString(Qt::ISODate) + QLatin1Char(' ')
        + time.toString(withSeconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    const QString zoneName = QString::fromUtf8(zone.id());

    // Offsets never exceed a day: every segment that could hold `local` overlaps this window.
    const qint64 windowFrom = local - 2 * Civil::kSecondsPerDay;
    const qint64 windowTo = local + 2 * Civil::kSecondsPerDay;
    const auto table = ZoneRules::forZone(zone)->covering(windowFrom, windowTo);
    struct Hit
    {
        qint64 utc;
        int offset;
    };
    QList<Hit> hits;
    int gapIndex = -1;
    for (int i = table->indexAt(windowFrom); i < table->count() && table->start(i) < windowTo;
         ++i) {
        const qint64 utc = local - table->offset(i);
        if (utc >= table->start(i) && utc < table->end(i))
            hits.append({utc, table->offset(i)});
        const int before = table->previousOffset(i);
        if (i > 0 && before < table->offset(i) && local >= table->start(i) + before
            && local < table->start(i) + table->offset(i))
            gapIndex = i;
    }

    if (hits.size() == 1) {
        resolution.kind = LocalTimeResolution::Kind::Unique;
        resolution.first = utcFromSeconds(hits.front().utc, msec);
        return resolution;
    }
    if (hits.size() >= 2) {
        const Hit earlier = hits.front();
        const Hit later = hits.back();
        resolution.kind = LocalTimeResolution::Kind::Ambiguous;
        resolution.first = utcFromSeconds(earlier.utc, msec);
        resolution.second = utcFromSeconds(later.utc, msec);
        const qint64 transition = table->start(table->indexAt(later.utc));
        bool sameDay = true;
        const auto [from, to] =
            formatChange(transition + earlier.offset, transition + later.offset, sameDay);
        const QString firstUtc = resolution.first.time().toString(QStringLiteral("HH:mm"));
        const QString secondUtc = resolution.second.time().toString(QStringLiteral("HH:mm"));
        const QString firstOffset = describeOffset(zone, earlier.utc, earlier.offset);
        const QString secondOffset = describeOffset(zone, later.utc, later.offset);
        if (sameDay) {
            //: %1 local date and time, %2 zone id, %3/%4 wall-clock times, %5/%6 UTC times,
            //: %7/%8 "(EDT, UTC-4)"
            resolution.explanation =
                CoreTr::tr("%1 happens twice in %2: clocks go back from %3 to %4 that day, so "
                           "it occurs first at %5 UTC %7 and again at %6 UTC %8.")
                    .arg(when, zoneName, from, to, firstUtc, secondUtc, firstOffset, secondOffset);
        } else {
            //: as above, with dates in %3/%4 because the change crosses midnight
            resolution.explanation =
                CoreTr::tr("%1 happens twice in %2: clocks go back from %3 to %4, so it occurs "
                           "first at %5 UTC %7 and again at %6 UTC %8.")
                    .arg(when, zoneName, from, to, firstUtc, secondUtc, firstOffset, secondOffset);
        }
        return resolution;
    }

    resolution.kind = LocalTimeResolution::Kind::Nonexistent;
    if (gapIndex < 0) { // cannot happen with consistent zone data
        resolution.explanation = CoreTr::tr("%1 does not exist in %2.").arg(when, zoneName);
        return resolution;
    }
    const qint64 transition = table->start(gapIndex);
    const int before = table->previousOffset(gapIndex);
    const int after = table->offset(gapIndex);
    resolution.first = utcFromSeconds(local - before, msec);
    bool sameDay = true;
    const auto [from, to] = formatChange(transition + before, transition + after, sameDay);
    if (sameDay) {
        //: %1 local date and time, %2 zone id, %3 and %4 wall-clock times ("02:00", "03:00")
        resolution.explanation =
            CoreTr::tr("%1 does not exist in %2: clocks jump from %3 to %4 that day.")
                .arg(when, zoneName, from, to);
    } else {
        //: as above, with dates in %3/%4 because the jump crosses midnight
        resolution.explanation = CoreTr::tr("%1 does not exist in %2: clocks jump from %3 to %4.")
                                     .arg(when, zoneName, from, to);
    }
    return resolution;
}

} // namespace Cronhelm

#pragma once

#include <result.h>

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace Cronhelm {

// An IANA time zone id ("Europe/Berlin") -> QTimeZone.
// BadInput "unknown time zone \"Mars/Olympus\"" otherwise.
Result<QTimeZone> zoneFromId(const QString &ianaId);

// Where a local wall-clock date-time of a zone falls in real time (one-off schedules).
struct LocalTimeResolution
{
    enum class Kind { Unique, Ambiguous, Nonexistent };
    Kind kind = Kind::Nonexistent;
    // UTC. Unique: the instant. Ambiguous: the earlier instant (e.g. daylight time).
    // Nonexistent: the instant a cron job with a restricted hour would use (the wall-clock
    // time read with the offset in force before the transition), for information only.
    QDateTime first;
    QDateTime second;    // UTC; only for Ambiguous: the later instant
    QString explanation; // for Ambiguous and Nonexistent: a translated sentence for people
};

LocalTimeResolution resolveLocalTime(const QDate &date, const QTime &time, const QTimeZone &zone);

} // namespace Cronhelm

#pragma once

#include <result.h>

#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <QTimeZone>

namespace Cronhelm::Format {

// Output ------------------------------------------------------------------------------
// "2026-03-08T07:30:00Z"; empty for an invalid instant.
QString utc(const QDateTime &instant);
// "2026-03-08 03:30:00 EDT": the wall-clock time in `zone` and the zone's abbreviation.
QString local(const QDateTime &instant, const QTimeZone &zone);
// JSON: "2026-03-08T07:30:00.000Z", or null for an invalid instant.
QJsonValue jsonInstant(const QDateTime &instant);
// `text`, or "-" when it is empty (table cells).
QString orDash(const QString &text);

// Input -------------------------------------------------------------------------------
// An ISO-8601 instant: "2026-03-08T06:59:30Z", with an offset ("+01:00", "+0100", "+01"),
// fractional seconds, a space for the "T", or a date alone (midnight). Without an
// offset the digits are read as UTC. "now" is the current time. BadInput names `what`.
Result<QDateTime> parseInstant(const QString &text, const QString &what);
// A duration in seconds: "90", "90s", "25m", "2h", "1d".
Result<qint64> parseSeconds(const QString &text, const QString &what);
// A size in bytes: "1048576", "512k", "10M", "1G" (powers of 1024).
Result<qint64> parseBytes(const QString &text, const QString &what);
// A whole number in [min, max].
Result<qint64> parseInteger(const QString &text, const QString &what, qint64 min, qint64 max);

} // namespace Cronhelm::Format

#pragma once

#include <result.h>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <memory>

namespace Cronhelm {

class CronMatcher;

// A parsed cron expression: 5 fields (minute hour day-of-month month day-of-week), 6 fields
// (leading seconds) or a macro (@yearly @annually @monthly @weekly @daily @midnight @hourly).
// Fields match wall-clock time in a zone; see docs/semantics.md, "Cron expressions".
// Cheap to copy (implicitly shared, immutable) and safe to use from several threads.
class CronExpression
{
public:
    CronExpression(); // invalid/empty

    // On error: ErrorKind::BadInput and a message naming the field and the problem.
    static Result<CronExpression> parse(const QString &text);

    bool isValid() const { return bool(m_data); }
    QString text() const; // as given (trimmed)
    bool hasSeconds() const;
    // False when the hour field starts with '*' (hours follow real time across DST changes).
    bool isHourRestricted() const;

    // The first fire instant strictly after `after` (any timespec), in UTC (Qt::UTC).
    // Invalid when there is none (within one 400-year Gregorian cycle: then never), when this
    // expression is invalid, or when `after` or `zone` is.
    QDateTime nextAfter(const QDateTime &after, const QTimeZone &zone) const;
    QList<QDateTime> nextInstants(const QDateTime &after, const QTimeZone &zone, int count) const;

    // Whether a wall-clock date and time matches the fields (no time zone involved).
    bool matchesLocal(const QDate &date, const QTime &time) const;

    const CronMatcher &matcher() const; // engine internals, for the oracle and the description

private:
    struct Data;
    std::shared_ptr<const Data> m_data;
};

} // namespace Cronhelm

#pragma once

#include "records.h"
#include <cron/cronexpression.h>

#include <QDateTime>
#include <QList>
#include <QTimeZone>

#include <functional>

namespace Cronhelm {

// A job's schedule compiled: the parsed cron expression and zone, or the one-off instant.
// The one source of a job's slots and of its "next run", for the executor, the CLI and the
// desktop app alike. Invalid definitions keep their error for job_state.schedule_error.
class JobSchedule
{
public:
    JobSchedule() = default;
    static JobSchedule compile(const JobRecord &job);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    // Whether the job has slots at all: enabled and either cron or a pending one-off.
    bool isActive() const { return m_active; }
    bool isOnce() const { return m_once; }

    // The first slot strictly after `after` (UTC), or invalid when there is none.
    QDateTime nextAfter(const QDateTime &after) const;

    struct Missed
    {
        QList<QDateTime> newest; // the newest `limit` slots, oldest first
        qint64 total = 0;        // how many there were in all (may exceed newest.size())
    };
    // Slots in (from, until]: what an executor finds it missed after a gap.
    Missed missedBetween(const QDateTime &from, const QDateTime &until, int limit) const;

    struct Slots
    {
        QList<QDateTime> first; // the first `keep` slots, oldest first
        QDateTime last;         // the last slot (invalid when there is none)
        qint64 total = 0;       // how many there are in all
    };
    // Slots in [from, to) (UTC): what lies ahead in a window, e.g. the desktop app's
    // Upcoming. Only the first `keep` are kept; the rest are counted, however many (an
    // every-second job has 604,800 in a week). `cancelled` is asked every few thousand
    // slots: when it says yes, the walk stops and what it has is incomplete.
    Slots slotsBetween(const QDateTime &from, const QDateTime &to, int keep,
                       const std::function<bool()> &cancelled = {}) const;

    // Same slots as `other` (so a change to the job does not need a new next slot).
    bool sameSlotsAs(const JobSchedule &other) const;

private:
    QString m_error;
    bool m_active = false;
    bool m_once = false;
    QDateTime m_onceAt;
    CronExpression m_cron;
    QTimeZone m_zone;
    QString m_signature;
};

// When `job` runs next after `after` (UTC), as the executor will fire it: invalid when it
// will not (paused, one-off done or cancelled, invalid definition, never).
QDateTime nextRunOf(const JobRecord &job, const QDateTime &after);

} // namespace Cronhelm

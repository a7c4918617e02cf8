#include "jobschedule.h"

#include <cron/localtime.h>

#include <coretr.h>

#include <deque>

namespace Cronhelm {

JobSchedule JobSchedule::compile(const JobRecord &job)
{
    JobSchedule s;
    Result<QTimeZone> zone = zoneFromId(job.timeZone);
    if (!zone) {
        s.m_error = zone.errorMessage();
        return s;
    }
    s.m_zone = *zone;
    if (job.scheduleKind == QLatin1String("once")) {
        s.m_once = true;
        s.m_onceAt = job.onceAt.toUTC();
        s.m_active =
            job.enabled && job.onceState == QLatin1String("pending") && s.m_onceAt.isValid();
    } else {
        Result<CronExpression> cron = CronExpression::parse(job.cronExpr);
        if (!cron) {
            s.m_error = cron.errorMessage();
            return s;
        }
        s.m_cron = *cron;
        s.m_active = job.enabled;
    }
    s.m_signature = QStringLiteral("%1|%2|%3|%4|%5")
                        .arg(job.scheduleKind, job.cronExpr, job.timeZone,
                             job.onceAt.toString(Qt::ISODateWithMs))
                        .arg(s.m_active);
    return s;
}

QDateTime JobSchedule::nextAfter(const QDateTime &after) const
{
    if (!m_active)
        return {};
    if (m_once)
        return m_onceAt > after ? m_onceAt : QDateTime();
    return m_cron.nextAfter(after, m_zone);
}

JobSchedule::Missed JobSchedule::missedBetween(const QDateTime &from, const QDateTime &until,
                                               int limit) const
{
    Missed missed;
    if (!m_active || limit <= 0)
        return missed;
    if (m_once) {
        if (m_onceAt > from && m_onceAt <= until) {
            missed.newest.append(m_onceAt);
            missed.total = 1;
        }
        return missed;
    }
    // Walk forward keeping only the newest `limit`; give up counting after a bound so a
    // per-second job after a week-long outage costs milliseconds, not minutes.
    constexpr qint64 walkBound = 2'000'000;
    std::deque<QDateTime> window;
    QDateTime t = m_cron.nextAfter(from, m_zone);
    while (t.isValid() && t <= until && missed.total < walkBound) {
        window.push_back(t);
        if (qsizetype(window.size()) > limit)
            window.pop_front();
        ++missed.total;
        t = m_cron.nextAfter(t, m_zone);
    }
    if (missed.total == walkBound && t.isValid() && t <= until) {
        // Too many to walk: the newest slots are what matter; restart close to `until`.
        window.clear();
        QDateTime probe = until.addSecs(-qint64(limit) * 60);
        for (QDateTime s = m_cron.nextAfter(probe, m_zone); s.isValid() && s <= until;
             s = m_cron.nextAfter(s, m_zone)) {
            window.push_back(s);
            if (qsizetype(window.size()) > limit)
                window.pop_front();
        }
    }
    missed.newest = QList<QDateTime>(window.begin(), window.end());
    return missed;
}

bool JobSchedule::sameSlotsAs(const JobSchedule &other) const
{
    return m_signature == other.m_signature && m_error == other.m_error;
}

} // namespace Cronhelm

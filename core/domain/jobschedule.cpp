#include "jobschedule.h"

#include <cron/localtime.h>

#include <coretr.h>

#include <deque>

namespace Cronhelm {

JobSchedule JobSchedule::compile(const JobRecord &job)
{
    JobSchedule s;
    const JobSpec &spec = job.spec;
    Result<QTimeZone> zone = zoneFromId(spec.timeZone);
    if (!zone) {
        s.m_error = zone.errorMessage();
        return s;
    }
    s.m_zone = *zone;
    if (spec.scheduleKind == ScheduleKind::Once) {
        s.m_once = true;
        s.m_onceAt = spec.onceAt.toUTC();
        s.m_active = spec.enabled && job.onceState == OnceState::Pending && s.m_onceAt.isValid();
    } else {
        Result<CronExpression> cron = CronExpression::parse(spec.cron);
        if (!cron) {
            s.m_error = cron.errorMessage();
            return s;
        }
        s.m_cron = *cron;
        s.m_active = spec.enabled;
    }
    s.m_signature = QStringLiteral("%1|%2|%3|%4|%5")
                        .arg(wireName(spec.scheduleKind), spec.cron, spec.timeZone,
                             spec.onceAt.toString(Qt::ISODateWithMs))
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

JobSchedule::Slots JobSchedule::slotsBetween(const QDateTime &from, const QDateTime &to, int keep,
                                             const std::function<bool()> &cancelled) const
{
    Slots found;
    if (!m_active || !from.isValid() || !to.isValid() || from >= to)
        return found;
    if (m_once) {
        if (m_onceAt >= from && m_onceAt < to) {
            if (keep > 0)
                found.first.append(m_onceAt);
            found.last = m_onceAt;
            found.total = 1;
        }
        return found;
    }
    // In batches that share one search (cheaper than a nextAfter per slot); nothing but
    // the first `keep` and the last is held, so a week of seconds costs no memory.
    constexpr int batchSize = 4096;
    QDateTime after = from.addMSecs(-1); // `from` itself is in the window
    while (true) {
        if (cancelled && cancelled())
            return found;
        const QList<QDateTime> batch = m_cron.nextInstants(after, m_zone, batchSize);
        for (const QDateTime &at : batch) {
            if (at >= to)
                return found;
            if (found.total < keep)
                found.first.append(at);
            found.last = at;
            ++found.total;
        }
        if (batch.size() < batchSize)
            return found;
        after = batch.constLast();
    }
}

bool JobSchedule::sameSlotsAs(const JobSchedule &other) const
{
    return m_signature == other.m_signature && m_error == other.m_error;
}

QDateTime nextRunOf(const JobRecord &job, const QDateTime &after)
{
    return JobSchedule::compile(job).nextAfter(after);
}

} // namespace Cronhelm

#include "reservedstarts.h"

#include <spdlog/spdlog.h>

#include <QElapsedTimer>
#include <QTimer>

namespace Cronhelm {

ReservedStarts::ReservedStarts(Start start, QObject *parent)
    : QObject(parent)
    , m_start(std::move(start))
{}

// One timer per instant, however many runs share it.
void ReservedStarts::reserve(qint64 runId, Reservation reservation, const QDateTime &instant)
{
    m_reserved.insert_or_assign(runId, std::move(reservation));
    const qint64 slotMs = instant.toMSecsSinceEpoch();
    QList<qint64> &atInstant = m_instants[slotMs];
    if (atInstant.isEmpty()) {
        const qint64 wait = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(instant));
        QTimer::singleShot(std::chrono::milliseconds(wait), Qt::PreciseTimer, this,
                           [this, slotMs] { startInstant(slotMs); });
    }
    atInstant.append(runId);
}

bool ReservedStarts::isAssigned(qint64 runId) const
{
    const auto it = m_reserved.find(runId);
    return it != m_reserved.end() && it->second.assigned;
}

bool ReservedStarts::drop(qint64 runId)
{
    return m_reserved.erase(runId) > 0;
}

QList<qint64> ReservedStarts::takeAll()
{
    QList<qint64> runs;
    runs.reserve(qsizetype(m_reserved.size()));
    for (const auto &[runId, reservation] : m_reserved)
        runs.append(runId);
    m_reserved.clear();
    m_instants.clear(); // their timers find nothing to start
    return runs;
}

QList<qint64> ReservedStarts::takeAssigned()
{
    QList<qint64> runs;
    for (auto it = m_reserved.begin(); it != m_reserved.end();) {
        if (it->second.assigned) {
            runs.append(it->first);
            it = m_reserved.erase(it);
        } else {
            ++it;
        }
    }
    return runs; // their instants' timers find nothing for them
}

// The instant shared by reserved slots: hand them all out (each is logged and marked as
// started when its target reports its real start).
void ReservedStarts::startInstant(qint64 slotMs)
{
    const QList<qint64> runs = m_instants.take(slotMs);
    QElapsedTimer clock;
    clock.start();
    int started = 0;
    for (qint64 runId : runs) {
        const auto it = m_reserved.find(runId);
        if (it == m_reserved.end())
            continue; // dropped, handed over at shutdown, or reserved again for later
        Reservation reservation = std::move(it->second);
        m_reserved.erase(it);
        if (m_start(runId, std::move(reservation)))
            ++started;
    }
    const qint64 loopMs = clock.elapsed();
    if (started == 0)
        return;
    // Handed out: each start is logged (with its real instant) when the target reports
    // it, after this loop.
    if (started > 1) {
        spdlog::info("instant {}: {} targets handed out in {} ms",
                     QDateTime::fromMSecsSinceEpoch(slotMs, Qt::UTC)
                         .toString(Qt::ISODateWithMs)
                         .toStdString(),
                     started, loopMs);
    }
    Q_EMIT handedOut(started);
}

ReservedStarts::AtInstant ReservedStarts::check(const Reservation &reservation,
                                                const LeaseDeadline &aliveUntil, bool leaseProven,
                                                const JobRecord *job, const JobSchedule *schedule)
{
    if (reservation.assigned) {
        // Without its session, or once its last heartbeat is older than dead_after (frozen,
        // suspended), this node may count as gone: the executor hands the run to another node
        // (or records it abandoned). Starting it here could run it twice.
        return aliveUntil.hasExpired() ? AtInstant::NoSession : AtInstant::Start;
    }
    if (!leaseProven)
        return AtInstant::LeaseLost;
    if (!job || !schedule || !slotStillWanted(*job, *schedule, reservation.slot))
        return AtInstant::NotWanted;
    return AtInstant::Start;
}

// Paused, rescheduled or deleted since the slot was reserved, it is not wanted.
bool ReservedStarts::slotStillWanted(const JobRecord &job, const JobSchedule &schedule,
                                     const QDateTime &slot)
{
    if (!job.spec.enabled || !schedule.isValid())
        return false;
    if (job.isOnce()) // completed by its own reservation
        return job.onceState != OnceState::Cancelled && job.spec.onceAt == slot;
    return schedule.nextAfter(slot.addMSecs(-1)) == slot;
}

} // namespace Cronhelm

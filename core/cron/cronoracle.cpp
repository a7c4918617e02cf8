#include "cronoracle.h"

#include "civil.h"

#include <QList>

namespace Cronhelm {

namespace {

struct Transition
{
    qint64 at;
    int before;
    int after;
};

class Walker
{
public:
    explicit Walker(const QTimeZone &zone)
        : m_zone(zone)
    {}

    int offsetAt(qint64 utc) const
    {
        return m_zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utc, Qt::UTC));
    }

    // Records the transition between two instants of different offset (exact to the second).
    void noteChange(qint64 from, int fromOffset, qint64 to, int toOffset)
    {
        while (to - from > 1) {
            const qint64 middle = from + (to - from) / 2;
            const int offset = offsetAt(middle);
            if (offset == fromOffset) {
                from = middle;
            } else {
                to = middle;
                toOffset = offset;
            }
        }
        m_transitions.append({to, fromOffset, toOffset});
    }

    const Transition *lastAtOrBefore(qint64 utc) const
    {
        for (auto it = m_transitions.crbegin(); it != m_transitions.crend(); ++it) {
            if (it->at <= utc)
                return &*it;
        }
        return nullptr;
    }

private:
    QTimeZone m_zone;
    QList<Transition> m_transitions;
};

bool matchesLocalSeconds(const CronExpression &expr, qint64 local)
{
    const QDateTime wallClock = QDateTime::fromSecsSinceEpoch(local, Qt::UTC);
    return expr.matchesLocal(wallClock.date(), wallClock.time());
}

} // namespace

QDateTime CronOracle::nextAfter(const CronExpression &expr, const QDateTime &after,
                                const QTimeZone &zone, qint64 maxSeconds)
{
    if (!expr.isValid() || !after.isValid() || !zone.isValid())
        return QDateTime();
    const qint64 step = expr.hasSeconds() ? 1 : 60;
    qint64 first = Civil::floorDiv(after.toMSecsSinceEpoch(), 1000) + 1;
    first = Civil::floorDiv(first + step - 1, step) * step;

    Walker walker(zone);
    // Look back a day so that a transition just before `after` is known.
    constexpr qint64 lookBack = 26 * 3600;
    qint64 previous = first - lookBack;
    int previousOffset = walker.offsetAt(previous);
    for (qint64 u = previous + 900; u < first; u += 900) { // changes are hours apart
        const int offset = walker.offsetAt(u);
        if (offset != previousOffset)
            walker.noteChange(previous, previousOffset, u, offset);
        previous = u;
        previousOffset = offset;
    }

    for (qint64 u = first; u <= first + maxSeconds; u += step) {
        const QDateTime instant = QDateTime::fromSecsSinceEpoch(u, zone);
        const int offset = instant.offsetFromUtc();
        if (offset != previousOffset)
            walker.noteChange(previous, previousOffset, u, offset);
        previous = u;
        previousOffset = offset;

        const bool matches = expr.matchesLocal(instant.date(), instant.time());
        bool fires = false;
        if (!expr.isHourRestricted()) {
            fires = matches;
        } else {
            const Transition *last = walker.lastAtOrBefore(u);
            const qint64 since = last ? u - last->at : 0;
            const bool repeated =
                last && last->before > last->after && since < last->before - last->after;
            const bool standsForSkipped =
                last && last->before < last->after && since < last->after - last->before;
            fires = (matches && !repeated)
                || (standsForSkipped && matchesLocalSeconds(expr, u + last->before));
        }
        if (fires)
            return QDateTime::fromSecsSinceEpoch(u, Qt::UTC);
    }
    return QDateTime();
}

} // namespace Cronhelm

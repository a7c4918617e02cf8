#include "zonerules.h"

#include "civil.h"

#include <QDateTime>
#include <QHash>

#include <algorithm>

namespace Cronhelm {

namespace {

constexpr qint64 kYear = 366 * Civil::kSecondsPerDay;
// Margins around a request: lookups near the table's low edge must still see the transition
// that started their segment, and extending in large steps keeps rebuilds rare.
constexpr qint64 kMarginBefore = 2 * kYear;
constexpr qint64 kMarginAfter = 10 * kYear;
// Requests further than this from the shared table get a private one instead of growing it.
constexpr qint64 kMaxSharedSpan = 600 * kYear;
// Longer than any search horizon (400 years, one Gregorian cycle).
constexpr qint64 kMaxSegmentLookahead = 500 * kYear;

QDateTime utcDateTime(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

// QTimeZone::nextTransition() in Qt 6.4 returns nothing when asked exactly at the last
// transition of a tz file's table (e.g. New_York 2037-11-01T06:00Z, Lord_Howe's 2038-01-19
// marker) although the file's POSIX rule continues; asking a moment later works.
QTimeZone::OffsetData nextTransition(const QTimeZone &zone, qint64 after)
{
    for (qint64 nudge : {qint64(0), qint64(1), Civil::kSecondsPerDay}) {
        QTimeZone::OffsetData data = zone.nextTransition(utcDateTime(after + nudge));
        if (data.atUtc.isValid())
            return data;
    }
    return {};
}

} // namespace

int ZoneTable::indexAt(qint64 utc) const
{
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), utc);
    return int(std::max<std::ptrdiff_t>(0, (it - m_starts.begin()) - 1));
}

std::shared_ptr<const ZoneTable> ZoneTable::build(const QTimeZone &zone, qint64 from, qint64 to)
{
    auto table = std::make_shared<ZoneTable>();
    if (!zone.hasTransitions()) {
        table->m_starts.push_back(-kFar);
        table->m_offsets.push_back(zone.offsetFromUtc(utcDateTime(0)));
        return table;
    }
    table->m_low = from;
    table->m_high = to;
    table->m_starts.push_back(from);
    table->m_offsets.push_back(zone.offsetFromUtc(utcDateTime(from)));
    qint64 at = from;
    while (true) {
        const QTimeZone::OffsetData data = nextTransition(zone, at);
        if (!data.atUtc.isValid()) {
            table->m_high = kFar; // no transitions ever after: the last offset lasts
            break;
        }
        const qint64 when = data.atUtc.toSecsSinceEpoch();
        if (when >= to)
            break;
        if (when <= at) { // defensive: never loop on a transition that does not advance
            at += 1;
            continue;
        }
        at = when;
        if (data.offsetFromUtc == table->m_offsets.back())
            continue; // a change of name or DST flag only
        table->m_starts.push_back(when);
        table->m_offsets.push_back(data.offsetFromUtc);
    }
    return table;
}

ZoneRules::ZoneRules(QTimeZone zone)
    : m_zone(std::move(zone))
{}

std::shared_ptr<ZoneRules> ZoneRules::forZone(const QTimeZone &zone)
{
    static std::mutex mutex;
    static QHash<QByteArray, std::shared_ptr<ZoneRules>> cache;
    const QByteArray id = zone.id();
    std::lock_guard lock(mutex);
    auto &rules = cache[id];
    if (!rules)
        rules = std::make_shared<ZoneRules>(zone);
    return rules;
}

std::shared_ptr<const ZoneTable> ZoneRules::covering(qint64 from, qint64 to)
{
    std::lock_guard lock(m_mutex);
    if (m_table && m_table->covers(from, to))
        return m_table;
    qint64 low = from - kMarginBefore;
    qint64 high = to + kMarginAfter;
    if (m_table) {
        const qint64 mergedLow = std::min(low, m_table->low());
        const qint64 mergedHigh = std::max(high, m_table->high());
        if (mergedHigh - mergedLow > kMaxSharedSpan)
            return ZoneTable::build(m_zone, low, high); // far away: private table
        // Grow in proportion to what is already there, so repeated extensions stay rare.
        const qint64 span = m_table->high() - m_table->low();
        if (high > m_table->high())
            high = std::max(high, m_table->high() + span);
        low = mergedLow;
        high = std::max(high, mergedHigh);
    }
    m_table = ZoneTable::build(m_zone, low, high);
    return m_table;
}

SegmentCursor::SegmentCursor(std::shared_ptr<ZoneRules> rules, qint64 utc)
    : m_rules(std::move(rules))
    , m_table(m_rules->covering(utc, utc + 1))
    , m_index(m_table->indexAt(utc))
{}

qint64 SegmentCursor::end()
{
    // The last segment of a table ends at the table's edge, which is not a transition: look
    // further (bounded: beyond the search horizon a segment may as well last forever).
    while (m_index + 1 == m_table->count() && m_table->high() < ZoneTable::kFar
           && m_table->high() - start() < kMaxSegmentLookahead)
        extendPast(m_table->high());
    return m_table->end(m_index);
}

bool SegmentCursor::next()
{
    end();
    if (m_index + 1 < m_table->count()) {
        ++m_index;
        return true;
    }
    return false;
}

void SegmentCursor::extendPast(qint64 utc)
{
    const qint64 currentStart = start();
    m_table = m_rules->covering(currentStart, utc + kYear);
    m_index = m_table->indexAt(currentStart);
}

} // namespace Cronhelm

#pragma once

#include <QByteArray>
#include <QTimeZone>

#include <memory>
#include <mutex>
#include <vector>

namespace Cronhelm {

// A time zone's UTC offsets as segments of constant offset over a covered span of UTC seconds
// (internal to the cron engine). Immutable once built.
class ZoneTable
{
public:
    static constexpr qint64 kFar = qint64(1) << 50; // "forever", in seconds

    qint64 low() const { return m_low; }
    qint64 high() const { return m_high; }
    bool covers(qint64 from, qint64 to) const { return m_low <= from && to <= m_high; }

    int count() const { return int(m_starts.size()); }
    // The segment holding `utc` (low() <= utc < high()).
    int indexAt(qint64 utc) const;
    qint64 start(int i) const { return m_starts[std::size_t(i)]; }
    // Segment end: the next segment's start, or high() for the last one.
    qint64 end(int i) const { return i + 1 < count() ? m_starts[std::size_t(i) + 1] : m_high; }
    int offset(int i) const { return m_offsets[std::size_t(i)]; }
    // The offset in force before segment i began (its own for the first one).
    int previousOffset(int i) const { return m_offsets[std::size_t(i > 0 ? i - 1 : 0)]; }

    static std::shared_ptr<const ZoneTable> build(const QTimeZone &zone, qint64 from, qint64 to);

private:
    qint64 m_low = -kFar;
    qint64 m_high = kFar;
    std::vector<qint64> m_starts;
    std::vector<int> m_offsets;
};

// The shared, lazily extended table of one zone. Thread-safe.
class ZoneRules
{
public:
    explicit ZoneRules(QTimeZone zone);

    // The cached rules of `zone` (one instance per zone id per process).
    static std::shared_ptr<ZoneRules> forZone(const QTimeZone &zone);

    // A table covering at least [from, to) (UTC seconds).
    std::shared_ptr<const ZoneTable> covering(qint64 from, qint64 to);

private:
    QTimeZone m_zone;
    std::mutex m_mutex;
    std::shared_ptr<const ZoneTable> m_table;
};

// Walks the segments of a zone forward, extending the table when it runs out.
class SegmentCursor
{
public:
    SegmentCursor(std::shared_ptr<ZoneRules> rules, qint64 utc);

    qint64 start() const { return m_table->start(m_index); }
    qint64 end();
    int offset() const { return m_table->offset(m_index); }
    int previousOffset() const { return m_table->previousOffset(m_index); }
    // Moves to the next segment; false when there is none (the last one lasts forever).
    bool next();

private:
    void extendPast(qint64 utc);

    std::shared_ptr<ZoneRules> m_rules;
    std::shared_ptr<const ZoneTable> m_table;
    int m_index = 0;
};

} // namespace Cronhelm

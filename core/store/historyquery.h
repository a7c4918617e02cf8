#pragma once

#include <domain/records.h>

#include <result.h>

#include <optional>

namespace Cronhelm {

class StoreConnection;

// The orders the run history can be read in. Each is backed by an index on (key, id) (see
// migration 0002), so a page costs the same on ten rows or ten million.
enum class HistorySortKey { RunId, ScheduledFor, Status, Duration };

struct HistorySort
{
    HistorySortKey key = HistorySortKey::RunId;
    bool descending = true;
};

// Where the next page starts: the exact sort value (as the server prints it) and run id of
// the last row of the previous page.
struct HistoryCursor
{
    std::string key;
    qint64 runId = 0;
};

struct HistoryPage
{
    QList<RunRecord> runs;
    std::optional<HistoryCursor> next; // empty when this was the last page
};

// Keyset-paged, server-side filtered and sorted reads of cronhelm.run_history for the
// desktop app. Only the listed columns are read, never SELECT *.
class HistoryQuery
{
public:
    explicit HistoryQuery(StoreConnection &connection);

    Result<HistoryPage> page(const RunFilter &filter, const HistorySort &sort, int limit,
                             const std::optional<HistoryCursor> &after = std::nullopt);

    // The runs with these ids that exist (in no particular order).
    Result<QList<RunRecord>> byIds(const QList<qint64> &runIds);

    // Whether a run passes the filter, as the server would decide it (for live updates).
    static bool matches(const RunFilter &filter, const RunRecord &run);

private:
    StoreConnection &m_connection;
};

} // namespace Cronhelm

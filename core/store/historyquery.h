#pragma once

#include <domain/historypage.h>
#include <domain/records.h>

#include <result.h>

#include <optional>

namespace Cronhelm {

class StoreConnection;

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

#pragma once

#include "records.h"

#include <optional>
#include <string>

namespace Cronhelm {

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

} // namespace Cronhelm

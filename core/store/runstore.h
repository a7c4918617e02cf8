#pragma once

#include <domain/records.h>

#include <result.h>

#include <functional>

class QIODevice;

namespace Cronhelm {

class StoreConnection;

// The run history and run logs. Filtering and ordering happen in SQL with keyset paging,
// so a page costs the same on ten rows or ten million.
class RunStore
{
public:
    explicit RunStore(StoreConnection &connection);

    // Newest first. `beforeRunId` continues after the last row of the previous page.
    Result<QList<RunRecord>> page(const RunFilter &filter, int limit,
                                  std::optional<qint64> beforeRunId = std::nullopt);
    Result<RunRecord> byId(qint64 runId);

    // Log chunks of a run with seq > afterSeq, in order, at most `limit`.
    Result<QList<LogChunk>> logChunks(qint64 runId, int afterSeq = -1, int limit = 10000);

    // The CSV columns, in order: the contract of `cronhelmctl runs export --csv`.
    static QStringList csvColumns();

    // Streams the filtered history (oldest first) as RFC 4180 CSV into `out`, with the
    // header row, straight from PostgreSQL's COPY: constant memory whatever the size.
    // `localZone` names the zone of the *_local columns. `progress(rows)` is called now
    // and then; returning false cancels. Returns the number of data rows written.
    Result<qint64> exportCsv(const RunFilter &filter, QIODevice &out, const QString &localZone,
                             const std::function<bool(qint64)> &progress = {});

private:
    StoreConnection &m_connection;
};

} // namespace Cronhelm

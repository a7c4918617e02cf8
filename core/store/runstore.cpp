#include "runstore.h"

#include "rowreader_p.h"

#include <coretr.h>

#include <QIODevice>

namespace Cronhelm {

namespace {

// The filter travels as session settings read by current_setting() in static SQL text:
// COPY cannot take bind parameters, and this keeps every value out of the SQL string.
// Only the conditions of active filters are added, so the planner sees a simple query.
struct FilterSql
{
    std::string where;
};

FilterSql applyFilter(pqxx::transaction_base &tx, const RunFilter &f)
{
    auto set = [&tx](const char *name, const std::string &value) {
        tx.exec_params("SELECT set_config($1, $2, true)", std::string(name), value);
    };
    std::string where = " WHERE true";
    if (f.jobId) {
        set("cronhelm.f_job_id", std::to_string(*f.jobId));
        where += " AND job_id = current_setting('cronhelm.f_job_id')::bigint";
    }
    if (!f.jobName.isEmpty()) {
        set("cronhelm.f_job", f.jobName.toStdString());
        where += " AND job = current_setting('cronhelm.f_job')";
    }
    if (!f.statuses.isEmpty()) {
        QStringList statuses;
        for (RunStatus status : f.statuses)
            statuses.append(wireName(status));
        set("cronhelm.f_status", statuses.join(QLatin1Char(',')).toStdString());
        where += " AND status = ANY (string_to_array(current_setting('cronhelm.f_status'), ','))";
    }
    if (!f.triggers.isEmpty()) {
        QStringList triggers;
        for (RunTrigger trigger : f.triggers)
            triggers.append(wireName(trigger));
        set("cronhelm.f_trigger", triggers.join(QLatin1Char(',')).toStdString());
        where += " AND trigger = ANY (string_to_array(current_setting('cronhelm.f_trigger'), ','))";
    }
    if (f.since.isValid()) {
        set("cronhelm.f_since", toPgTimestamp(f.since));
        where += " AND scheduled_for >= current_setting('cronhelm.f_since')::timestamptz";
    }
    if (f.until.isValid()) {
        set("cronhelm.f_until", toPgTimestamp(f.until));
        where += " AND scheduled_for < current_setting('cronhelm.f_until')::timestamptz";
    }
    return {where};
}

std::string isoUtc(const char *column)
{
    return std::string("to_char(") + column
        + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
}

std::string isoLocal(const char *column)
{
    return std::string("to_char(") + column
        + " AT TIME ZONE current_setting('cronhelm.f_zone'), 'YYYY-MM-DD HH24:MI:SS')";
}

} // namespace

const char *const runHistoryColumns =
    "run_id, job_id, job, trigger, triggered_by, scheduled_for, due_at, started_at, finished_at, "
    "status, attempt, first_run_id, node, term, exit_code, http_status, error, duration_ms, "
    "log_bytes, log_truncated, cancel_requested, wait_reason";

RunRecord runFromRow(const pqxx::row &row)
{
    using namespace Rows;
    RunRecord r;
    r.id = value<qint64>(row, "run_id");
    r.jobId = value<qint64>(row, "job_id");
    r.waitReason = text(row, "wait_reason");
    r.job = text(row, "job");
    r.trigger = fromWireName<RunTrigger>(text(row, "trigger")).value_or(RunTrigger::Manual);
    r.triggeredBy = text(row, "triggered_by");
    r.scheduledFor = instant(row, "scheduled_for");
    r.dueAt = instant(row, "due_at");
    r.startedAt = instant(row, "started_at");
    r.finishedAt = instant(row, "finished_at");
    r.status = fromWireName<RunStatus>(text(row, "status")).value_or(RunStatus::Queued);
    r.attempt = value<int>(row, "attempt", 1);
    r.firstRunId = value<qint64>(row, "first_run_id");
    r.node = text(row, "node");
    r.term = optional<qint64>(row, "term");
    r.exitCode = optional<int>(row, "exit_code");
    r.httpStatus = optional<int>(row, "http_status");
    r.error = text(row, "error");
    r.durationMs = optional<qint64>(row, "duration_ms");
    r.logBytes = value<qint64>(row, "log_bytes");
    r.logTruncated = value<bool>(row, "log_truncated");
    r.cancelRequested = value<bool>(row, "cancel_requested");
    return r;
}

RunStore::RunStore(StoreConnection &connection)
    : m_connection(connection)
{}

Result<QList<RunRecord>> RunStore::page(const RunFilter &filter, int limit,
                                        std::optional<qint64> beforeRunId)
{
    return m_connection.transact([&](pqxx::transaction_base &tx) {
        FilterSql sql = applyFilter(tx, filter);
        std::string query =
            std::string("SELECT ") + runHistoryColumns + " FROM cronhelm.run_history" + sql.where;
        pqxx::result r;
        if (beforeRunId) {
            query += " AND run_id < $2 ORDER BY run_id DESC LIMIT $1";
            r = tx.exec_params(query, limit, *beforeRunId);
        } else {
            query += " ORDER BY run_id DESC LIMIT $1";
            r = tx.exec_params(query, limit);
        }
        QList<RunRecord> out;
        out.reserve(int(r.size()));
        for (const pqxx::row &row : r)
            out.append(runFromRow(row));
        return out;
    });
}

Result<RunRecord> RunStore::byId(qint64 runId)
{
    Result<std::optional<RunRecord>> found =
        m_connection.transact([runId](pqxx::transaction_base &tx) -> std::optional<RunRecord> {
            const pqxx::result r =
                tx.exec_params(std::string("SELECT ") + runHistoryColumns
                                   + " FROM cronhelm.run_history WHERE run_id = $1",
                               runId);
            if (r.empty())
                return std::nullopt;
            return runFromRow(r[0]);
        });
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorKind::NotFound, CoreTr::tr("run %1 does not exist").arg(runId));
    return **found;
}

Result<QList<LogChunk>> RunStore::logChunks(qint64 runId, int afterSeq, int limit)
{
    return m_connection.transact([&](pqxx::transaction_base &tx) {
        const pqxx::result r =
            tx.exec_params("SELECT seq, at, stream, data FROM cronhelm.run_log"
                           " WHERE run_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                           runId, afterSeq, limit);
        QList<LogChunk> out;
        out.reserve(int(r.size()));
        for (const pqxx::row &row : r) {
            out.append(
                {Rows::value<int>(row, "seq"), Rows::instant(row, "at"),
                 fromWireName<LogStream>(Rows::text(row, "stream")).value_or(LogStream::System),
                 Rows::text(row, "data")});
        }
        return out;
    });
}

QStringList RunStore::csvColumns()
{
    return {QStringLiteral("run_id"),
            QStringLiteral("job"),
            QStringLiteral("trigger"),
            QStringLiteral("scheduled_for"),
            QStringLiteral("started_at"),
            QStringLiteral("finished_at"),
            QStringLiteral("status"),
            QStringLiteral("attempt"),
            QStringLiteral("node"),
            QStringLiteral("term"),
            QStringLiteral("exit_code"),
            QStringLiteral("http_status"),
            QStringLiteral("duration_ms"),
            QStringLiteral("triggered_by"),
            QStringLiteral("error"),
            QStringLiteral("scheduled_for_local"),
            QStringLiteral("started_at_local"),
            QStringLiteral("finished_at_local")};
}

Result<qint64> RunStore::exportCsv(const RunFilter &filter, QIODevice &out,
                                   const QString &localZone,
                                   const std::function<bool(qint64)> &progress)
{
    return m_connection.transact([&](pqxx::transaction_base &tx) -> qint64 {
        FilterSql sql = applyFilter(tx, filter);
        tx.exec_params("SELECT set_config('cronhelm.f_zone', $1, true)",
                       (localZone.isEmpty() ? QStringLiteral("UTC") : localZone).toStdString());
        const std::string select = "(SELECT run_id, job, trigger, " + isoUtc("scheduled_for")
            + " AS scheduled_for, " + isoUtc("started_at") + " AS started_at, "
            + isoUtc("finished_at")
            + " AS finished_at, status, attempt, node, term, exit_code, http_status, duration_ms, "
              "triggered_by, error, "
            + isoLocal("scheduled_for") + " AS scheduled_for_local, " + isoLocal("started_at")
            + " AS started_at_local, " + isoLocal("finished_at")
            + " AS finished_at_local FROM cronhelm.run_history" + sql.where + " ORDER BY run_id)";
        // libpqxx 6's stream_from issues "COPY <name> TO STDOUT"; the trailing comment
        // turns its suffix into a no-op so the server produces CSV itself (RFC 4180
        // quoting, empty unquoted cells for NULL) and we pass the bytes through untouched.
        pqxx::stream_from stream(tx, select + " TO STDOUT WITH (FORMAT csv, HEADER true) --");
        std::string line;
        qint64 rows = -1; // the header is not a data row
        QByteArray buffer;
        buffer.reserve(1 << 20);
        bool cancelled = false;
        while (stream.get_raw_line(line)) {
            // COPY ends each record with a bare LF (libpqxx 6 keeps it); RFC 4180 wants
            // CRLF. Line breaks inside quoted fields stay as they are.
            qsizetype length = qsizetype(line.size());
            if (length > 0 && line[size_t(length - 1)] == '\n')
                --length;
            buffer.append(line.data(), length);
            buffer.append("\r\n", 2);
            ++rows;
            if (buffer.size() >= (1 << 20)) {
                if (out.write(buffer) != buffer.size())
                    throw std::runtime_error(out.errorString().toStdString());
                buffer.clear();
                if (progress && !progress(rows)) {
                    cancelled = true;
                    break;
                }
            }
        }
        if (cancelled) {
            // Ending the transaction is what stops the server's COPY.
            throw std::runtime_error(CoreTr::tr("export cancelled").toStdString());
        }
        stream.complete();
        if (!buffer.isEmpty() && out.write(buffer) != buffer.size())
            throw std::runtime_error(out.errorString().toStdString());
        if (progress)
            progress(rows);
        return std::max<qint64>(rows, 0);
    });
}

} // namespace Cronhelm

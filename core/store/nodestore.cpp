#include "nodestore.h"

#include "rowreader_p.h"

#include <algorithm>

namespace Cronhelm {

namespace {

// libpqxx 6 has no array parameters: build the literal with its own escaping.
template<typename T, typename Fn>
std::string arrayLiteral(const QList<T> &items, Fn &&toText)
{
    std::string out = "{";
    bool first = true;
    for (const T &item : items) {
        if (!first)
            out += ',';
        first = false;
        const std::optional<std::string> text = toText(item);
        if (!text) {
            out += "NULL";
            continue;
        }
        out += '"';
        for (char c : *text) {
            if (c == '\0') {
                // libpq would end the whole literal here: written as the text \x00.
                out += "\\\\x00";
                continue;
            }
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    out += '}';
    return out;
}

std::optional<std::string> optionalInstant(const QDateTime &t)
{
    if (!t.isValid())
        return std::nullopt;
    return toPgTimestamp(t);
}

// Text for a parameter: libpq reads a parameter up to its first NUL, so a NUL (which a
// PostgreSQL text cannot hold anyway) is written as the four characters \x00.
std::optional<std::string> textOrNull(const QString &s)
{
    if (s.isNull())
        return std::nullopt;
    if (s.contains(QChar(0))) {
        QString copy = s;
        return copy.replace(QChar(0), QStringLiteral("\\x00")).toStdString();
    }
    return s.toStdString();
}

ActiveRun activeRunFromRow(const pqxx::row &row)
{
    using namespace Rows;
    ActiveRun r;
    r.runId = value<qint64>(row, "id");
    r.jobId = value<qint64>(row, "job_id");
    r.trigger = fromWireName<RunTrigger>(text(row, "trigger")).value_or(RunTrigger::Manual);
    r.triggeredBy = text(row, "triggered_by");
    r.status = fromWireName<RunStatus>(text(row, "status")).value_or(RunStatus::Queued);
    r.scheduledFor = instant(row, "scheduled_for");
    r.dueAt = instant(row, "due_at");
    r.attempt = value<int>(row, "attempt", 1);
    r.firstRunId = value<qint64>(row, "first_run_id");
    r.node = text(row, "node_id");
    r.cancelRequested = value<bool>(row, "cancel_requested");
    return r;
}

constexpr const char *activeRunColumns =
    "id, job_id, trigger, triggered_by, status, scheduled_for, due_at, attempt, first_run_id, "
    "node_id, cancel_requested";

} // namespace

QString wireName(SlotDecision decision)
{
    switch (decision) {
    case SlotDecision::Reserve:
        return QStringLiteral("reserved");
    case SlotDecision::Start:
        return QStringLiteral("running");
    case SlotDecision::Queue:
        return QStringLiteral("queued");
    case SlotDecision::Skip:
        return QStringLiteral("skipped");
    }
    return QStringLiteral("skipped");
}

NodeStore::NodeStore(StoreConnection &connection)
    : m_connection(connection)
{}

Result<QDateTime> NodeStore::heartbeat(const NodeIdentity &node, NodeRole state, int runningJobs,
                                       int capacity, const QStringList &labels)
{
    return m_connection.transact([&](pqxx::transaction_base &tx) {
        const std::string labelArray =
            arrayLiteral(labels, [](const QString &l) { return textOrNull(l); });
        const pqxx::result r = tx.exec_params(
            "SELECT cronhelm.heartbeat($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text[])",
            node.id.toStdString(), node.host.toStdString(), node.pid, node.version.toStdString(),
            toPgTimestamp(node.startedAt), toPgTimestamp(QDateTime::currentDateTimeUtc()),
            wireName(state).toStdString(), runningJobs, capacity, labelArray);
        return parsePgTimestamp(r[0][0].c_str());
    });
}

Result<std::optional<qint64>> NodeStore::acquireLease(const QString &nodeId, double ttlSeconds)
{
    return m_connection.transact([&](pqxx::transaction_base &tx) -> std::optional<qint64> {
        const pqxx::result r = tx.exec_params("SELECT cronhelm.acquire_lease($1, $2)",
                                              nodeId.toStdString(), ttlSeconds);
        if (r[0][0].is_null())
            return std::nullopt;
        return r[0][0].as<qint64>();
    });
}

Result<bool> NodeStore::releaseLease(const QString &nodeId)
{
    return m_connection.transact([&](pqxx::transaction_base &tx) {
        return tx.exec_params("SELECT cronhelm.release_lease($1)", nodeId.toStdString())[0][0]
            .as<bool>();
    });
}

Result<QList<NodeJob>> NodeStore::loadJobs(std::optional<qint64> onlyJob)
{
    return m_connection.transact([&](pqxx::transaction_base &tx) {
        const std::string query =
            "SELECT id, version, spec::text AS spec, once_state, schedule_since, created_at,"
            " created_by, updated_at, updated_by, NULL::timestamptz AS next_fire_at,"
            " NULL::text AS schedule_error, NULL::bigint AS last_run_id,"
            " NULL::text AS last_status, NULL::timestamptz AS last_started_at,"
            " NULL::timestamptz AS last_finished_at, NULL::bigint AS last_duration_ms,"
            " 0 AS running_count, last_slot"
            " FROM cronhelm.node_jobs";
        const pqxx::result r =
            onlyJob ? tx.exec_params(query + " WHERE id = $1", *onlyJob) : tx.exec(query);
        QList<NodeJob> out;
        out.reserve(int(r.size()));
        for (const pqxx::row &row : r) {
            out.append({jobFromRow(row), Rows::instant(row, "last_slot")});
        }
        return out;
    });
}

Result<QList<NodeJob>> NodeStore::loadJobs(const QList<qint64> &jobIds)
{
    if (jobIds.isEmpty())
        return QList<NodeJob>{};
    return m_connection.transact([&](pqxx::transaction_base &tx) {
        const std::string ids = arrayLiteral(
            jobIds, [](qint64 id) { return std::optional<std::string>(std::to_string(id)); });
        const pqxx::result r = tx.exec_params(
            "SELECT id, version, spec::text AS spec, once_state, schedule_since, created_at,"
            " created_by, updated_at, updated_by, NULL::timestamptz AS next_fire_at,"
            " NULL::text AS schedule_error, NULL::bigint AS last_run_id,"
            " NULL::text AS last_status, NULL::timestamptz AS last_started_at,"
            " NULL::timestamptz AS last_finished_at, NULL::bigint AS last_duration_ms,"
            " 0 AS running_count, NULL::timestamptz AS last_slot"
            " FROM cronhelm.node_jobs WHERE id = ANY ($1::bigint[])",
            ids);
        QList<NodeJob> out;
        for (const pqxx::row &row : r) {
            out.append({jobFromRow(row), QDateTime()});
        }
        return out;
    });
}

Result<QList<FiredRun>> NodeStore::fireSlots(const QString &nodeId, qint64 term,
                                             const QList<SlotFire> &fires)
{
    if (fires.isEmpty())
        return QList<FiredRun>{};
    return m_connection.statement([&](pqxx::transaction_base &tx) {
        const std::string jobs = arrayLiteral(fires, [](const SlotFire &s) {
            return std::optional<std::string>(std::to_string(s.jobId));
        });
        const std::string instants = arrayLiteral(fires, [](const SlotFire &s) {
            return std::optional<std::string>(toPgTimestamp(s.slot));
        });
        const std::string triggers =
            arrayLiteral(fires, [](const SlotFire &s) { return textOrNull(wireName(s.trigger)); });
        const std::string statuses =
            arrayLiteral(fires, [](const SlotFire &s) { return textOrNull(wireName(s.decision)); });
        const std::string errors = arrayLiteral(fires, [](const SlotFire &s) {
            return s.error.isEmpty() ? std::nullopt : textOrNull(s.error);
        });
        const pqxx::result r = tx.exec_params(
            "SELECT slot_index, run_id, assigned_node FROM cronhelm.fire_slots_assigned($1, $2,"
            " $3::bigint[], $4::timestamptz[], $5::text[], $6::text[], $7::text[])",
            nodeId.toStdString(), term, jobs, instants, triggers, statuses, errors);
        QList<FiredRun> out;
        out.reserve(int(r.size()));
        for (const pqxx::row &row : r) {
            out.append({row[0].as<int>() - 1, row[1].as<qint64>(),
                        row[2].is_null() ? QString() : QString::fromUtf8(row[2].c_str())});
        }
        return out;
    });
}

Result<bool> NodeStore::claimRun(const QString &nodeId, qint64 term, qint64 runId)
{
    return m_connection.statement([&](pqxx::transaction_base &tx) {
        return tx
            .exec_params("SELECT cronhelm.claim_run($1, $2, $3)", nodeId.toStdString(), term,
                         runId)[0][0]
            .as<bool>();
    });
}

Result<std::optional<QString>> NodeStore::assignRun(const QString &nodeId, qint64 term,
                                                    qint64 runId)
{
    return m_connection.statement([&](pqxx::transaction_base &tx) -> std::optional<QString> {
        const pqxx::result r = tx.exec_params("SELECT cronhelm.assign_run($1, $2, $3)",
                                              nodeId.toStdString(), term, runId);
        if (r[0][0].is_null())
            return std::nullopt;
        return QString::fromUtf8(r[0][0].c_str());
    });
}

Result<QList<ActiveRun>> NodeStore::assignedRuns(const QString &nodeId)
{
    return m_connection.statement([&](pqxx::transaction_base &tx) {
        const pqxx::result r = tx.exec_params(std::string("SELECT ") + activeRunColumns
                                                  + ", assigned_at FROM cronhelm.assigned_runs($1)",
                                              nodeId.toStdString());
        QList<ActiveRun> out;
        for (const pqxx::row &row : r) {
            out.append(activeRunFromRow(row));
            out.last().assignedAt = Rows::instant(row, "assigned_at");
        }
        return out;
    });
}

Status NodeStore::markStarted(const QString &nodeId,
                              const QList<std::pair<qint64, QDateTime>> &started)
{
    if (started.isEmpty())
        return Done{};
    Result<bool> r = m_connection.statement([&](pqxx::transaction_base &tx) {
        using Started = std::pair<qint64, QDateTime>;
        const std::string ids = arrayLiteral(started, [](const Started &s) {
            return std::optional<std::string>(std::to_string(s.first));
        });
        const std::string at = arrayLiteral(started, [](const Started &s) {
            return std::optional<std::string>(toPgTimestamp(s.second));
        });
        tx.exec_params("SELECT cronhelm.mark_started($1, $2::bigint[], $3::timestamptz[])",
                       nodeId.toStdString(), ids, at);
        return true;
    });
    if (!r)
        return r.error();
    return Done{};
}

Status NodeStore::releaseReservations(const QString &nodeId, const QList<qint64> &runIds)
{
    if (runIds.isEmpty())
        return Done{};
    Result<bool> r = m_connection.transact([&](pqxx::transaction_base &tx) {
        const std::string ids = arrayLiteral(
            runIds, [](qint64 id) { return std::optional<std::string>(std::to_string(id)); });
        tx.exec_params("SELECT cronhelm.release_reservations($1, $2::bigint[])",
                       nodeId.toStdString(), ids);
        return true;
    });
    if (!r)
        return r.error();
    return Done{};
}

Result<std::optional<qint64>> NodeStore::finishRun(const QString &nodeId, const FinishedRun &run)
{
    return m_connection.transact([&](pqxx::transaction_base &tx) -> std::optional<qint64> {
        const std::optional<std::string> error =
            textOrNull(run.error.isEmpty() ? QString() : run.error);
        const pqxx::result r =
            tx.exec_params("SELECT cronhelm.finish_run($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                           nodeId.toStdString(), run.runId, wireName(run.status).toStdString(),
                           run.exitCode, run.httpStatus, error, run.logBytes, run.logTruncated,
                           optionalInstant(run.finishedAt), optionalInstant(run.startedAt));
        if (r[0][0].is_null())
            return std::nullopt;
        return r[0][0].as<qint64>();
    });
}

Result<QList<std::optional<qint64>>> NodeStore::finishRuns(const QString &nodeId,
                                                           const QList<FinishedRun> &runs)
{
    using Out = QList<std::optional<qint64>>;
    if (runs.isEmpty())
        return Out{};
    return m_connection.statement([&](pqxx::transaction_base &tx) {
        auto number = [](const std::optional<int> &v) {
            return v ? std::optional<std::string>(std::to_string(*v)) : std::nullopt;
        };
        const std::string ids = arrayLiteral(runs, [](const FinishedRun &r) {
            return std::optional<std::string>(std::to_string(r.runId));
        });
        const std::string statuses =
            arrayLiteral(runs, [](const FinishedRun &r) { return textOrNull(wireName(r.status)); });
        const std::string exitCodes =
            arrayLiteral(runs, [&](const FinishedRun &r) { return number(r.exitCode); });
        const std::string httpStatuses =
            arrayLiteral(runs, [&](const FinishedRun &r) { return number(r.httpStatus); });
        const std::string errors = arrayLiteral(runs, [](const FinishedRun &r) {
            return r.error.isEmpty() ? std::nullopt : textOrNull(r.error);
        });
        const std::string logBytes = arrayLiteral(runs, [](const FinishedRun &r) {
            return std::optional<std::string>(std::to_string(r.logBytes));
        });
        const std::string truncated = arrayLiteral(runs, [](const FinishedRun &r) {
            return std::optional<std::string>(r.logTruncated ? "t" : "f");
        });
        const std::string finished =
            arrayLiteral(runs, [](const FinishedRun &r) { return optionalInstant(r.finishedAt); });
        const std::string started =
            arrayLiteral(runs, [](const FinishedRun &r) { return optionalInstant(r.startedAt); });
        const pqxx::result r = tx.exec_params(
            "SELECT run_id, retry_run_id FROM cronhelm.finish_runs($1, $2::bigint[], $3::text[],"
            " $4::integer[], $5::integer[], $6::text[], $7::bigint[], $8::boolean[],"
            " $9::timestamptz[], $10::timestamptz[])",
            nodeId.toStdString(), ids, statuses, exitCodes, httpStatuses, errors, logBytes,
            truncated, finished, started);
        Out out;
        out.reserve(int(r.size()));
        for (const pqxx::row &row : r) {
            out.append(row[1].is_null() ? std::nullopt
                                        : std::optional<qint64>(row[1].as<qint64>()));
        }
        return out;
    });
}

Result<int> NodeStore::abandonOrphanedRuns(const QString &nodeId, qint64 term,
                                           double deadAfterSeconds)
{
    return m_connection.transact([&](pqxx::transaction_base &tx) {
        return tx
            .exec_params("SELECT cronhelm.abandon_orphaned_runs($1, $2, $3)", nodeId.toStdString(),
                         term, deadAfterSeconds)[0][0]
            .as<int>();
    });
}

Result<QList<ActiveRun>> NodeStore::activeRuns(const QString &nodeId)
{
    return m_connection.transact([&](pqxx::transaction_base &tx) {
        const pqxx::result r =
            tx.exec_params(std::string("SELECT ") + activeRunColumns
                               + " FROM cronhelm.runs_active_for_node($1) ORDER BY due_at, id",
                           nodeId.toStdString());
        QList<ActiveRun> out;
        for (const pqxx::row &row : r)
            out.append(activeRunFromRow(row));
        return out;
    });
}

Result<std::optional<ActiveRun>> NodeStore::activeRun(qint64 runId)
{
    return m_connection.statement([&](pqxx::transaction_base &tx) -> std::optional<ActiveRun> {
        const pqxx::result r = tx.exec_params(
            std::string("SELECT ") + activeRunColumns + " FROM cronhelm.active_run($1)", runId);
        if (r.empty() || r[0][0].is_null())
            return std::nullopt;
        return activeRunFromRow(r[0]);
    });
}

Status NodeStore::appendLog(qint64 runId, const QList<LogChunk> &chunks)
{
    if (chunks.isEmpty())
        return Done{};
    Result<bool> r = m_connection.statement([&](pqxx::transaction_base &tx) {
        const std::string seqs = arrayLiteral(chunks, [](const LogChunk &c) {
            return std::optional<std::string>(std::to_string(c.seq));
        });
        const std::string streams =
            arrayLiteral(chunks, [](const LogChunk &c) { return textOrNull(wireName(c.stream)); });
        const std::string data = arrayLiteral(chunks, [](const LogChunk &c) {
            return std::optional<std::string>(c.data.toStdString());
        });
        tx.exec_params("SELECT cronhelm.append_log($1, $2::integer[], $3::text[], $4::text[])",
                       runId, seqs, streams, data);
        return true;
    });
    if (!r)
        return r.error();
    return Done{};
}

Status NodeStore::appendLogs(const QList<std::pair<qint64, QList<LogChunk>>> &batches)
{
    QList<std::pair<qint64, LogChunk>> rows;
    for (const auto &[runId, chunks] : batches) {
        for (const LogChunk &c : chunks)
            rows.append({runId, c});
    }
    if (rows.isEmpty())
        return Done{};
    Result<bool> r = m_connection.statement([&](pqxx::transaction_base &tx) {
        using Row = std::pair<qint64, LogChunk>;
        const std::string runs = arrayLiteral(rows, [](const Row &row) {
            return std::optional<std::string>(std::to_string(row.first));
        });
        const std::string seqs = arrayLiteral(rows, [](const Row &row) {
            return std::optional<std::string>(std::to_string(row.second.seq));
        });
        const std::string streams = arrayLiteral(
            rows, [](const Row &row) { return textOrNull(wireName(row.second.stream)); });
        const std::string data = arrayLiteral(rows, [](const Row &row) {
            return std::optional<std::string>(row.second.data.toStdString());
        });
        tx.exec_params(
            "SELECT cronhelm.append_logs($1::bigint[], $2::integer[], $3::text[], $4::text[])",
            runs, seqs, streams, data);
        return true;
    });
    if (!r)
        return r.error();
    return Done{};
}

Status NodeStore::setJobState(const QList<JobStateUpdate> &unordered)
{
    if (unordered.isEmpty())
        return Done{};
    // job_state rows in id order, as lock_job_outcomes() takes them: two writers of
    // overlapping rows then wait for each other instead of deadlocking.
    QList<JobStateUpdate> updates = unordered;
    std::sort(updates.begin(), updates.end(),
              [](const JobStateUpdate &a, const JobStateUpdate &b) { return a.jobId < b.jobId; });
    Result<bool> r = m_connection.statement([&](pqxx::transaction_base &tx) {
        const std::string ids = arrayLiteral(updates, [](const JobStateUpdate &u) {
            return std::optional<std::string>(std::to_string(u.jobId));
        });
        const std::string next = arrayLiteral(updates, [](const JobStateUpdate &u) {
            return u.nextFireAt.isValid() ? std::optional<std::string>(toPgTimestamp(u.nextFireAt))
                                          : std::nullopt;
        });
        const std::string errors = arrayLiteral(updates, [](const JobStateUpdate &u) {
            return u.scheduleError.isEmpty() ? std::nullopt : textOrNull(u.scheduleError);
        });
        tx.exec_params("SELECT cronhelm.set_job_state($1::bigint[], $2::timestamptz[], $3::text[])",
                       ids, next, errors);
        return true;
    });
    if (!r)
        return r.error();
    return Done{};
}

Status NodeStore::settleOutcomes(
    const QList<qint64> &jobIds,
    const std::function<QList<std::pair<qint64, OutcomeChange>>(const QHash<qint64, JobOutcome> &)>
        &decide)
{
    if (jobIds.isEmpty())
        return Done{};
    Result<bool> r = m_connection.transact([&](pqxx::transaction_base &tx) {
        const std::string ids = arrayLiteral(
            jobIds, [](qint64 id) { return std::optional<std::string>(std::to_string(id)); });
        const pqxx::result locked =
            tx.exec_params("SELECT job_id, last_outcome, last_failure_notified_at"
                           " FROM cronhelm.lock_job_outcomes($1::bigint[])",
                           ids);
        QHash<qint64, JobOutcome> current;
        for (const pqxx::row &row : locked) {
            current.insert(row["job_id"].as<qint64>(),
                           {fromWireName<RunStatus>(Rows::text(row, "last_outcome")),
                            Rows::instant(row, "last_failure_notified_at")});
        }
        for (const auto &[jobId, change] : decide(current)) {
            tx.exec_params("SELECT cronhelm.record_outcome($1, $2, $3)", jobId,
                           wireName(change.outcome).toStdString(), change.failureNotified);
        }
        return true;
    });
    if (!r)
        return r.error();
    return Done{};
}

} // namespace Cronhelm

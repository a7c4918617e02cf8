#include "jobstore.h"

#include "rowreader_p.h"

#include <coretr.h>

namespace Cronhelm {

namespace {

constexpr const char *overviewColumns =
    "id, version, spec::text AS spec, once_state, schedule_since, created_at, created_by, "
    "updated_at, updated_by, next_fire_at, schedule_error, last_run_id, last_status, "
    "last_started_at, last_finished_at, last_duration_ms, running_count";

} // namespace

JobRecord jobFromRow(const pqxx::row &row)
{
    using namespace Rows;
    JobRecord j;
    j.id = value<qint64>(row, "id");
    j.version = value<int>(row, "version");
    // The definition arrives as one job spec and is read by the same rules that check
    // what clients send, so a definition stored earlier under looser rules says so.
    JobSpecReading reading = JobRules::read(object(row, "spec"));
    j.spec = std::move(reading.spec);
    j.specProblems = std::move(reading.problems);
    j.onceState = fromWireName<OnceState>(text(row, "once_state")).value_or(OnceState::Pending);
    j.scheduleSince = instant(row, "schedule_since");
    j.createdAt = instant(row, "created_at");
    j.createdBy = text(row, "created_by");
    j.updatedAt = instant(row, "updated_at");
    j.updatedBy = text(row, "updated_by");
    j.nextFireAt = instant(row, "next_fire_at");
    j.scheduleError = text(row, "schedule_error");
    j.lastRunId = value<qint64>(row, "last_run_id");
    j.lastStatus = fromWireName<RunStatus>(text(row, "last_status"));
    j.lastStartedAt = instant(row, "last_started_at");
    j.lastFinishedAt = instant(row, "last_finished_at");
    j.lastDurationMs = optional<qint64>(row, "last_duration_ms");
    j.runningCount = value<int>(row, "running_count");
    return j;
}

JobStore::JobStore(StoreConnection &connection)
    : m_connection(connection)
{}

Result<QList<JobRecord>> JobStore::list()
{
    return m_connection.transact([](pqxx::transaction_base &tx) {
        const pqxx::result r = tx.exec(std::string("SELECT ") + overviewColumns
                                       + " FROM cronhelm.job_overview ORDER BY name");
        QList<JobRecord> out;
        out.reserve(int(r.size()));
        for (const pqxx::row &row : r)
            out.append(jobFromRow(row));
        return out;
    });
}

// One job from job_overview matching `condition` ($1 = key), or NotFound with `missing`.
template<typename Key>
static Result<JobRecord> findJob(StoreConnection &connection, const char *condition, const Key &key,
                                 const QString &missing)
{
    Result<std::optional<JobRecord>> found =
        connection.transact([&](pqxx::transaction_base &tx) -> std::optional<JobRecord> {
            const pqxx::result r =
                tx.exec_params(std::string("SELECT ") + overviewColumns
                                   + " FROM cronhelm.job_overview WHERE " + condition,
                               key);
            if (r.empty())
                return std::nullopt;
            return jobFromRow(r[0]);
        });
    if (!found)
        return found.error();
    if (!found->has_value())
        return makeError(ErrorKind::NotFound, missing);
    return **found;
}

Result<JobRecord> JobStore::byId(qint64 id)
{
    return findJob(m_connection, "id = $1", id, CoreTr::tr("job %1 does not exist").arg(id));
}

Result<JobRecord> JobStore::byName(const QString &name)
{
    // Names are unique regardless of case (folded the same way on every server, schema 12)
    // and Unicode form (schema 4): the job is found that way too, the exact spelling first
    // (as cronhelm.job_id() does).
    return findJob(m_connection,
                   "lower(name COLLATE cronhelm.name_fold) = "
                   "lower(normalize($1, NFC) COLLATE cronhelm.name_fold) "
                   "ORDER BY name = $1 DESC LIMIT 1",
                   name.toStdString(), CoreTr::tr("no job named \"%1\"").arg(name));
}

Result<qint64> JobStore::create(const QJsonObject &spec)
{
    return m_connection.transact([&spec](pqxx::transaction_base &tx) {
        return tx.exec_params("SELECT cronhelm.create_job($1::jsonb)", Rows::json(spec))[0][0]
            .as<qint64>();
    });
}

Result<int> JobStore::update(qint64 id, int expectedVersion, const QJsonObject &changes)
{
    return m_connection.transact([&](pqxx::transaction_base &tx) {
        return tx
            .exec_params("SELECT cronhelm.update_job($1, $2, $3::jsonb)", id, expectedVersion,
                         Rows::json(changes))[0][0]
            .as<int>();
    });
}

Status JobStore::remove(qint64 id, std::optional<int> expectedVersion)
{
    Result<bool> r = m_connection.transact([&](pqxx::transaction_base &tx) {
        if (expectedVersion)
            tx.exec_params("SELECT cronhelm.delete_job($1, $2)", id, *expectedVersion);
        else
            tx.exec_params("SELECT cronhelm.delete_job($1)", id);
        return true;
    });
    if (!r)
        return r.error();
    return Done{};
}

Result<bool> JobStore::pause(qint64 id)
{
    return m_connection.transact([id](pqxx::transaction_base &tx) {
        return tx.exec_params("SELECT cronhelm.pause_job($1)", id)[0][0].as<bool>();
    });
}

Result<bool> JobStore::resume(qint64 id)
{
    return m_connection.transact([id](pqxx::transaction_base &tx) {
        return tx.exec_params("SELECT cronhelm.resume_job($1)", id)[0][0].as<bool>();
    });
}

Result<qint64> JobStore::runNow(qint64 id)
{
    return m_connection.transact([id](pqxx::transaction_base &tx) {
        return tx.exec_params("SELECT cronhelm.run_now($1)", id)[0][0].as<qint64>();
    });
}

Status JobStore::cancelOnce(qint64 id)
{
    Result<bool> r = m_connection.transact([id](pqxx::transaction_base &tx) {
        tx.exec_params("SELECT cronhelm.cancel_once($1)", id);
        return true;
    });
    if (!r)
        return r.error();
    return Done{};
}

Result<QString> JobStore::cancelRun(qint64 runId)
{
    return m_connection.transact([runId](pqxx::transaction_base &tx) {
        return QString::fromStdString(
            tx.exec_params("SELECT cronhelm.cancel_run($1)", runId)[0][0].as<std::string>());
    });
}

Result<StoreRole> JobStore::myRole()
{
    Result<QString> role = m_connection.transact([](pqxx::transaction_base &tx) {
        return QString::fromStdString(tx.exec("SELECT cronhelm.my_role()")[0][0].as<std::string>());
    });
    // A login with no Cronhelm role may not even use the schema, so my_role() itself is
    // refused: that refusal is the answer "none".
    if (!role && role.errorKind() == ErrorKind::Permission)
        return StoreRole::None;
    if (!role)
        return role.error();
    return fromWireName<StoreRole>(*role).value_or(StoreRole::None);
}

Result<bool> JobStore::mayWriteShell()
{
    Result<bool> may = m_connection.transact([](pqxx::transaction_base &tx) {
        return tx.exec("SELECT cronhelm.may_write_shell()")[0][0].as<bool>();
    });
    // A login with no Cronhelm role may not call it either.
    if (!may && may.errorKind() == ErrorKind::Permission)
        return false;
    return may;
}

Result<int> JobStore::restore(qint64 id)
{
    return m_connection.transact([id](pqxx::transaction_base &tx) {
        return tx.exec_params("SELECT cronhelm.restore_job($1)", id)[0][0].as<int>();
    });
}

} // namespace Cronhelm

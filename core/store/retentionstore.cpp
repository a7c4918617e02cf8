#include "retentionstore.h"

#include "rowreader_p.h"

namespace Cronhelm {

RetentionStore::RetentionStore(StoreConnection &connection)
    : m_connection(connection)
{}

Result<RetentionPolicy> RetentionStore::policy()
{
    return m_connection.transact([](pqxx::transaction_base &tx) {
        const pqxx::row row =
            tx.exec1("SELECT keep_days, keep_runs FROM cronhelm.retention_policy");
        RetentionPolicy p;
        p.keepDays = row["keep_days"].as<int>();
        p.keepRuns = row["keep_runs"].as<int>();
        return p;
    });
}

Result<QList<JobRetention>> RetentionStore::overrides()
{
    return m_connection.transact([](pqxx::transaction_base &tx) {
        const pqxx::result r =
            tx.exec("SELECT id, name, keep_days, keep_runs FROM cronhelm.job_overview"
                    " WHERE keep_days IS NOT NULL OR keep_runs IS NOT NULL ORDER BY name, id");
        QList<JobRetention> out;
        out.reserve(int(r.size()));
        for (const pqxx::row &row : r) {
            out.append({Rows::value<qint64>(row, "id"), Rows::text(row, "name"),
                        Rows::optional<int>(row, "keep_days"),
                        Rows::optional<int>(row, "keep_runs")});
        }
        return out;
    });
}

Status RetentionStore::setPolicy(const RetentionPolicy &policy)
{
    Result<bool> r = m_connection.transact([&policy](pqxx::transaction_base &tx) {
        tx.exec_params("SELECT cronhelm.set_retention_policy($1, $2)", policy.keepDays,
                       policy.keepRuns);
        return true;
    });
    if (!r)
        return r.error();
    return Done{};
}

Result<int> RetentionStore::sweep(int batch)
{
    return m_connection.transact([batch](pqxx::transaction_base &tx) {
        return tx.exec_params1("SELECT cronhelm.retention_sweep($1)", batch)[0].as<int>();
    });
}

} // namespace Cronhelm

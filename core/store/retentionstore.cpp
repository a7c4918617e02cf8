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

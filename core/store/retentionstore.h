#pragma once

#include <domain/retentionpolicy.h>

#include <result.h>

namespace Cronhelm {

class StoreConnection;

// The store-wide retention policy and the sweep that applies it (cronhelm.retention_policy,
// set_retention_policy, retention_sweep; core/migrations/0006_retention.sql).
class RetentionStore
{
public:
    explicit RetentionStore(StoreConnection &connection);

    Result<RetentionPolicy> policy();
    // The jobs (not deleted) with a keep_days or keep_runs of their own, by name.
    Result<QList<JobRetention>> overrides();
    // Admins only (Permission otherwise); BadInput naming "keep_days" or "keep_runs".
    Status setPolicy(const RetentionPolicy &policy);
    // Deletes up to `batch` runs the policy no longer keeps, with their logs, in one short
    // transaction; returns how many went (0: nothing is due).
    Result<int> sweep(int batch);

private:
    StoreConnection &m_connection;
};

} // namespace Cronhelm

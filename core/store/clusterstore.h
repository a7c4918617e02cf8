#pragma once

#include <domain/records.h>

#include <result.h>

namespace Cronhelm {

class StoreConnection;

// Which node is executor, since when, until when; the nodes and recent leadership changes.
class ClusterStore
{
public:
    explicit ClusterStore(StoreConnection &connection);

    Result<ClusterStatus> status(int recentChanges = 20);

private:
    StoreConnection &m_connection;
};

} // namespace Cronhelm

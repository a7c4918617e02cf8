#pragma once

// A node's control session played by a test (tests/node/tst_*.cpp that drive one node
// class without a node process): heartbeats (capacity, liveness) and the lease. Kept open
// for the whole test: a node is live for assign_run while its session is.

#include <store/nodestore.h>
#include <store/storeconnection.h>

#include <QDateTime>

namespace Cronhelm::Test {

struct LeaseSession
{
    LeaseSession(const QString &conninfo, const QString &nodeId)
        : id(nodeId)
        , connection(conninfo)
        , store(connection)
    {}
    // A heartbeat offering `capacity` slots; whether it was recorded.
    bool beat(int capacity)
    {
        return store
            .heartbeat({id, QStringLiteral("host"), 1, QStringLiteral("0.1.0"),
                        QDateTime::currentDateTimeUtc()},
                       NodeRole::Standby, 0, capacity)
            .ok();
    }
    // Takes the lease; the term, or 0.
    qint64 lead()
    {
        Result<std::optional<qint64>> term = store.acquireLease(id, 30);
        return term && term->has_value() ? **term : 0;
    }
    QString id;
    StoreConnection connection;
    NodeStore store;
};

} // namespace Cronhelm::Test

#include "clusterstore.h"

#include "rowreader_p.h"

namespace Cronhelm {

ClusterStore::ClusterStore(StoreConnection &connection)
    : m_connection(connection)
{}

Result<ClusterStatus> ClusterStore::status(int recentChanges)
{
    return m_connection.transact([recentChanges](pqxx::transaction_base &tx) {
        using namespace Rows;
        ClusterStatus s;
        const pqxx::result lease = tx.exec("SELECT * FROM cronhelm.executor_lease");
        if (!lease.empty()) {
            const pqxx::row &row = lease[0];
            s.lease.executor = text(row, "executor");
            s.lease.lastHolder = text(row, "last_holder");
            s.lease.term = value<qint64>(row, "term");
            s.lease.acquiredAt = instant(row, "acquired_at");
            s.lease.renewedAt = instant(row, "renewed_at");
            s.lease.expiresAt = instant(row, "expires_at");
            s.lease.dbNow = instant(row, "db_now");
        }
        const pqxx::result nodes =
            tx.exec("SELECT id, host, pid, version, started_at, last_seen, last_seen_age_s,"
                    " clock_offset_ms, running_jobs, role, capacity, busy,"
                    " array_to_string(labels, ',') AS labels FROM cronhelm.cluster_nodes"
                    " ORDER BY role = 'executor' DESC, id");
        for (const pqxx::row &row : nodes) {
            NodeRecord n;
            n.id = text(row, "id");
            n.host = text(row, "host");
            n.pid = value<int>(row, "pid");
            n.version = text(row, "version");
            n.startedAt = instant(row, "started_at");
            n.lastSeen = instant(row, "last_seen");
            n.lastSeenAgeSeconds = value<double>(row, "last_seen_age_s");
            n.clockOffsetMs = optional<double>(row, "clock_offset_ms");
            n.runningJobs = value<int>(row, "running_jobs");
            n.role = fromWireName<NodeRole>(text(row, "role")).value_or(NodeRole::Lost);
            n.capacity = value<int>(row, "capacity");
            n.busy = value<int>(row, "busy");
            n.labels = text(row, "labels").split(QLatin1Char(','), Qt::SkipEmptyParts);
            s.nodes.append(n);
        }
        const pqxx::result changes = tx.exec_params(
            "SELECT * FROM cronhelm.leadership_changes ORDER BY term DESC LIMIT $1", recentChanges);
        for (const pqxx::row &row : changes) {
            s.recentChanges.append({value<qint64>(row, "term"), text(row, "holder"),
                                    instant(row, "acquired_at"), text(row, "previous_holder"),
                                    text(row, "reason"), instant(row, "ended_at"),
                                    text(row, "end_reason")});
        }
        return s;
    });
}

} // namespace Cronhelm

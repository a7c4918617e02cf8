#include "auditstore.h"

#include "rowreader_p.h"
#include "storeconnection.h"

namespace Cronhelm {

AuditStore::AuditStore(StoreConnection &connection)
    : m_connection(connection)
{}

Result<QList<JobChange>> AuditStore::jobChanges(qint64 jobId, int limit)
{
    return m_connection.transact([jobId, limit](pqxx::transaction_base &tx) {
        using namespace Rows;
        const pqxx::result rows =
            tx.exec_params("SELECT id, at, actor, action, old_value::text AS old_value,"
                           " new_value::text AS new_value FROM cronhelm.audit"
                           " WHERE job_id = $1 AND run_id IS NULL ORDER BY id DESC LIMIT $2",
                           jobId, limit);
        QList<JobChange> out;
        for (const pqxx::row &row : rows) {
            out.append({value<qint64>(row, "id"), instant(row, "at"), text(row, "actor"),
                        text(row, "action"), object(row, "old_value"), object(row, "new_value")});
        }
        return out;
    });
}

Result<QList<DeletedJob>> AuditStore::deletedJobs()
{
    return m_connection.transact([](pqxx::transaction_base &tx) {
        using namespace Rows;
        const pqxx::result rows =
            tx.exec("SELECT id, name, deleted_at, deleted_by, name_taken"
                    " FROM cronhelm.deleted_jobs ORDER BY deleted_at DESC, id DESC");
        QList<DeletedJob> out;
        for (const pqxx::row &row : rows) {
            out.append({value<qint64>(row, "id"), text(row, "name"), instant(row, "deleted_at"),
                        text(row, "deleted_by"), value<bool>(row, "name_taken")});
        }
        return out;
    });
}

} // namespace Cronhelm

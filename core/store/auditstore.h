#pragma once

#include <domain/auditrecords.h>
#include <result.h>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Cronhelm {

class StoreConnection;

// Reads the audit trail and the deleted jobs through the store's views (no table access).
class AuditStore
{
public:
    explicit AuditStore(StoreConnection &connection);

    // The job's own changes (not its runs'), newest first.
    Result<QList<JobChange>> jobChanges(qint64 jobId, int limit = 200);
    // Deleted jobs, newest first; administrators only (the view is theirs).
    Result<QList<DeletedJob>> deletedJobs();

private:
    StoreConnection &m_connection;
};

} // namespace Cronhelm

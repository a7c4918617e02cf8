#pragma once

#include <result.h>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Cronhelm {

class StoreConnection;

// One change to a job from the audit trail (cronhelm.audit): who, when, what, and the job
// row before and after (empty where there is none, e.g. before a creation).
struct JobChange
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString action; // create_job, update_job, delete_job, restore_job, pause_job, ...
    QJsonObject before;
    QJsonObject after;
};

// A deleted job an administrator may bring back (cronhelm.deleted_jobs).
struct DeletedJob
{
    qint64 id = 0;
    QString name;
    QDateTime deletedAt;
    QString deletedBy;
    bool nameTaken = false; // a live job has its name now: restoring it is refused
};

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

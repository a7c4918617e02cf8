#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Cronhelm {

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

} // namespace Cronhelm

#pragma once

#include <domain/records.h>

#include <result.h>

namespace Cronhelm {

class StoreConnection;

// Jobs through the store's SQL API (cronhelm.create_job, update_job, ...). The database
// checks permissions and business rules; this class turns calls and rows into values.
class JobStore
{
public:
    explicit JobStore(StoreConnection &connection);

    Result<QList<JobRecord>> list();
    Result<JobRecord> byId(qint64 id);
    Result<JobRecord> byName(const QString &name);

    // spec: the JSON object of docs/store-api.md ("Job spec").
    Result<qint64> create(const QJsonObject &spec);
    // Applies the keys in `changes` if the job is still at `expectedVersion`; returns the
    // new version. A stale version is a Conflict naming who changed the job and when.
    Result<int> update(qint64 id, int expectedVersion, const QJsonObject &changes);
    Status remove(qint64 id, std::optional<int> expectedVersion = std::nullopt);
    // true when the state changed (pausing a paused job is not an error).
    Result<bool> pause(qint64 id);
    Result<bool> resume(qint64 id);
    // Queues a manual run; returns its run id.
    Result<qint64> runNow(qint64 id);
    Status cancelOnce(qint64 id);
    // "cancelled" or "cancelling".
    Result<QString> cancelRun(qint64 runId);

    // The session's Cronhelm role.
    Result<StoreRole> myRole();
    // Whether the login may write shell jobs (cronhelm_shell_admin, or a superuser).
    Result<bool> mayWriteShell();
    // Brings a deleted job back (paused); returns its new version.
    Result<int> restore(qint64 id);

private:
    StoreConnection &m_connection;
};

} // namespace Cronhelm

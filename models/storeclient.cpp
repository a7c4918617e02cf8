#include "storeclient.h"

#include "storeclientcall.h"

#include <domain/runnotice.h>

#include <store/auditstore.h>
#include <store/clusterstore.h>
#include <store/connectionsecurity.h>
#include <store/historyquery.h>
#include <store/jobstore.h>
#include <store/runstore.h>

namespace Cronhelm {

StoreClient::StoreClient(QObject *parent)
    : QObject(parent)
    , m_worker(new SessionWorker)
{
    m_thread.setObjectName(QStringLiteral("cronhelm-store"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SessionWorker::stateChanged, this, &StoreClient::onStateChanged);
    connect(m_worker, &SessionWorker::sessionStarted, this, &StoreClient::onSessionStarted);
    connect(m_worker, &SessionWorker::connectFailed, this, &StoreClient::connectFailed);
    connect(m_worker, &SessionWorker::notificationsArrived, this, &StoreClient::onNotifications);
    m_thread.start();
}

StoreClient::~StoreClient()
{
    SessionWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->disconnectNow(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void StoreClient::connectTo(const QString &conninfo)
{
    m_conninfo = conninfo;
    SessionWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, conninfo] { worker->connectTo(conninfo); }, Qt::QueuedConnection);
}

void StoreClient::disconnectFromStore()
{
    SessionWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->disconnectNow(); }, Qt::QueuedConnection);
}

void StoreClient::reconnectNow()
{
    SessionWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->reconnectNow(); }, Qt::QueuedConnection);
}

void StoreClient::onStateChanged(ConnectionState state, const QString &message, int retryInMs)
{
    m_stateMessage = message;
    m_retryInMs = retryInMs;
    if (state == ConnectionState::Connected)
        return; // announced with the session, once the role is known
    m_state = state;
    emit stateChanged(state);
}

void StoreClient::onSessionStarted(const SessionInfo &info, bool reconnected)
{
    m_session = info;
    m_state = ConnectionState::Connected;
    emit stateChanged(m_state);
    emit connected(reconnected);
}

void StoreClient::onNotifications(const QList<StoreNotification> &notifications)
{
    bool cluster = false;
    for (const StoreNotification &n : notifications) {
        if (n.channel == QLatin1String("cronhelm_jobs")) {
            emit jobChanged(n.payload.toLongLong());
        } else if (n.channel == QLatin1String("cronhelm_runs")) {
            // A hint only: anyone may NOTIFY. Receivers read the run before acting on it.
            if (const std::optional<RunNotice> notice = RunNotice::parse(n.payload))
                emit runChanged(notice->jobId, notice->runId);
        } else if (n.channel == QLatin1String("cronhelm_cluster")) {
            cluster = true;
        } else if (n.channel == QLatin1String("cronhelm_log")) {
            emit logAppended(n.payload.toLongLong());
        }
    }
    if (cluster)
        emit clusterChanged();
}

void StoreClient::fetchJobs(QObject *context, Reply<QList<JobRecord>> done)
{
    call(
        context, [](StoreConnection &c) { return JobStore(c).list(); }, std::move(done));
}

void StoreClient::fetchJob(QObject *context, qint64 id, Reply<JobRecord> done)
{
    call(
        context, [id](StoreConnection &c) { return JobStore(c).byId(id); }, std::move(done));
}

void StoreClient::refreshJobs(QObject *context, const QList<qint64> &ids,
                              Reply<QList<JobRefresh>> done)
{
    call(
        context,
        [ids](StoreConnection &c) -> Result<QList<JobRefresh>> {
            JobStore store(c);
            QList<JobRefresh> out;
            for (qint64 id : ids) {
                Result<JobRecord> job = store.byId(id);
                if (job)
                    out.append({id, *job});
                else if (job.errorKind() == ErrorKind::NotFound)
                    out.append({id, std::nullopt});
                else
                    return job.error();
            }
            return out;
        },
        std::move(done));
}

void StoreClient::createJob(QObject *context, const QJsonObject &spec, Reply<qint64> done)
{
    call(
        context, [spec](StoreConnection &c) { return JobStore(c).create(spec); }, std::move(done));
}

void StoreClient::updateJob(QObject *context, qint64 id, int expectedVersion,
                            const QJsonObject &changes, Reply<int> done)
{
    call(
        context,
        [id, expectedVersion, changes](StoreConnection &c) {
            return JobStore(c).update(id, expectedVersion, changes);
        },
        std::move(done));
}

void StoreClient::deleteJob(QObject *context, qint64 id, int expectedVersion, Reply<Done> done)
{
    call(
        context,
        [id, expectedVersion](StoreConnection &c) {
            return JobStore(c).remove(id, expectedVersion);
        },
        std::move(done));
}

void StoreClient::pauseJob(QObject *context, qint64 id, Reply<bool> done)
{
    call(
        context, [id](StoreConnection &c) { return JobStore(c).pause(id); }, std::move(done));
}

void StoreClient::resumeJob(QObject *context, qint64 id, Reply<bool> done)
{
    call(
        context, [id](StoreConnection &c) { return JobStore(c).resume(id); }, std::move(done));
}

void StoreClient::runNow(QObject *context, qint64 id, Reply<qint64> done)
{
    call(
        context, [id](StoreConnection &c) { return JobStore(c).runNow(id); }, std::move(done));
}

void StoreClient::cancelRun(QObject *context, qint64 runId, Reply<QString> done)
{
    call(
        context, [runId](StoreConnection &c) { return JobStore(c).cancelRun(runId); },
        std::move(done));
}

void StoreClient::fetchHistory(QObject *context, const RunFilter &filter, const HistorySort &sort,
                               int limit, const std::optional<HistoryCursor> &after,
                               Reply<HistoryPage> done)
{
    call(
        context,
        [filter, sort, limit, after](StoreConnection &c) {
            return HistoryQuery(c).page(filter, sort, limit, after);
        },
        std::move(done));
}

void StoreClient::fetchRuns(QObject *context, const QList<qint64> &runIds,
                            Reply<QList<RunRecord>> done)
{
    call(
        context, [runIds](StoreConnection &c) { return HistoryQuery(c).byIds(runIds); },
        std::move(done));
}

void StoreClient::fetchRun(QObject *context, qint64 runId, Reply<RunRecord> done)
{
    call(
        context, [runId](StoreConnection &c) { return RunStore(c).byId(runId); }, std::move(done));
}

void StoreClient::fetchLog(QObject *context, qint64 runId, int afterSeq, int limit,
                           Reply<QList<LogChunk>> done)
{
    call(
        context,
        [runId, afterSeq, limit](StoreConnection &c) {
            return RunStore(c).logChunks(runId, afterSeq, limit);
        },
        std::move(done));
}

void StoreClient::fetchCluster(QObject *context, Reply<ClusterStatus> done)
{
    call(
        context, [](StoreConnection &c) { return ClusterStore(c).status(); }, std::move(done));
}

void StoreClient::fetchJobChanges(QObject *context, qint64 jobId, Reply<QList<JobChange>> done)
{
    call(
        context, [jobId](StoreConnection &c) { return AuditStore(c).jobChanges(jobId); },
        std::move(done));
}

void StoreClient::fetchDeletedJobs(QObject *context, Reply<QList<DeletedJob>> done)
{
    call(
        context, [](StoreConnection &c) { return AuditStore(c).deletedJobs(); }, std::move(done));
}

void StoreClient::restoreJob(QObject *context, qint64 id, Reply<int> done)
{
    call(
        context, [id](StoreConnection &c) { return JobStore(c).restore(id); }, std::move(done));
}

void StoreClient::fetchConnectionSecurity(QObject *context, Reply<ConnectionSecurity> done)
{
    call(
        context, [](StoreConnection &c) { return readConnectionSecurity(c); }, std::move(done));
}

} // namespace Cronhelm

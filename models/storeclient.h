#pragma once

#include "sessionstate.h"

#include <domain/auditrecords.h>
#include <domain/connectionsecurity.h>
#include <domain/historypage.h>
#include <domain/records.h>
#include <replyguard.h>

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>
#include <type_traits>

namespace Cronhelm {

class SessionWorker;
class StoreConnection;
struct StoreNotification;

template<typename T>
using Reply = std::function<void(Result<T>)>;

// One job fetched again after a NOTIFY: the record, or nothing when it was deleted.
struct JobRefresh
{
    qint64 id = 0;
    std::optional<JobRecord> job;
};

// The GUI side of the store session. Owns the store thread and its SessionWorker; every
// request is posted there and its answer (a Result value) comes back on the thread of the
// context object given with the request, unless that object is gone by then. Models ask,
// the worker answers with values; no model or widget ever holds a connection.
class StoreClient : public QObject
{
    Q_OBJECT

public:
    explicit StoreClient(QObject *parent = nullptr);
    // Finishes the request under way, closes the connection and stops the thread.
    ~StoreClient() override;

    void connectTo(const QString &conninfo);
    void disconnectFromStore();
    void reconnectNow();

    ConnectionState state() const { return m_state; }
    bool isConnected() const { return m_state == ConnectionState::Connected; }
    QString stateMessage() const { return m_stateMessage; }
    // When the next reconnect attempt is due (Reconnecting only), in ms from the change.
    int retryInMs() const { return m_retryInMs; }
    SessionInfo session() const { return m_session; }
    StoreRole role() const { return m_session.role; }
    bool mayWriteShell() const { return m_session.mayWriteShell; }
    // The conninfo in use (with the password, if one was given): for a second connection.
    QString conninfo() const { return m_conninfo; }

    // Runs work(StoreConnection &) -> Result<T> on the store thread and done(Result<T>) on
    // context's thread. Defined in storeclientcall.h, which only models/ includes: the
    // widgets see this class without the store's connection.
    template<typename Work, typename Done>
    void call(QObject *context, Work &&work, Done &&done);

    // Jobs.
    void fetchJobs(QObject *context, Reply<QList<JobRecord>> done);
    void fetchJob(QObject *context, qint64 id, Reply<JobRecord> done);
    void refreshJobs(QObject *context, const QList<qint64> &ids, Reply<QList<JobRefresh>> done);
    void createJob(QObject *context, const QJsonObject &spec, Reply<qint64> done);
    void updateJob(QObject *context, qint64 id, int expectedVersion, const QJsonObject &changes,
                   Reply<int> done);
    void deleteJob(QObject *context, qint64 id, int expectedVersion, Reply<Done> done);
    void pauseJob(QObject *context, qint64 id, Reply<bool> done);
    void resumeJob(QObject *context, qint64 id, Reply<bool> done);
    void runNow(QObject *context, qint64 id, Reply<qint64> done);
    void cancelRun(QObject *context, qint64 runId, Reply<QString> done);

    // Runs and logs.
    void fetchHistory(QObject *context, const RunFilter &filter, const HistorySort &sort, int limit,
                      const std::optional<HistoryCursor> &after, Reply<HistoryPage> done);
    void fetchRuns(QObject *context, const QList<qint64> &runIds, Reply<QList<RunRecord>> done);
    void fetchRun(QObject *context, qint64 runId, Reply<RunRecord> done);
    void fetchLog(QObject *context, qint64 runId, int afterSeq, int limit,
                  Reply<QList<LogChunk>> done);

    // Cluster.
    void fetchCluster(QObject *context, Reply<ClusterStatus> done);

    // Audit: a job's changes (newest first), deleted jobs, and bringing one back (admins).
    void fetchJobChanges(QObject *context, qint64 jobId, Reply<QList<JobChange>> done);
    void fetchDeletedJobs(QObject *context, Reply<QList<DeletedJob>> done);
    void restoreJob(QObject *context, qint64 id, Reply<int> done);

    // How the current connection is protected (TLS, verification), as libpq on this side sees it.
    void fetchConnectionSecurity(QObject *context, Reply<ConnectionSecurity> done);

signals:
    void stateChanged(Cronhelm::ConnectionState state);
    // The session is ready (role known); `reconnected` after a loss. Models reload here.
    void connected(bool reconnected);
    // The first connection attempt failed; a human message.
    void connectFailed(const QString &message);
    // NOTIFY from the store, parsed.
    void jobChanged(qint64 jobId);
    // Something about a run may have changed (a NOTIFY, which any session can send: a hint,
    // never a fact; read the run through the API before acting on it).
    void runChanged(qint64 jobId, qint64 runId);
    void clusterChanged();
    void logAppended(qint64 runId);

private:
    void onStateChanged(ConnectionState state, const QString &message, int retryInMs);
    void onSessionStarted(const SessionInfo &info, bool reconnected);
    void onNotifications(const QList<StoreNotification> &notifications);

    QThread m_thread;
    SessionWorker *m_worker = nullptr; // lives on m_thread
    ConnectionState m_state = ConnectionState::Offline;
    QString m_stateMessage;
    int m_retryInMs = -1;
    SessionInfo m_session;
    QString m_conninfo;
};

} // namespace Cronhelm

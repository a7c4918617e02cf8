#pragma once

#include "backoff.h"
#include "firequeue.h"
#include "nodeconfig.h"

#include <domain/jobschedule.h>
#include <store/nodestore.h>
#include <store/storeworker.h>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace Cronhelm {

// The jobs the executor fires, while this node holds the lease: every job as last read,
// its compiled schedule, and its next slot in the FireQueue. Loaded at a takeover (runs of
// dead nodes marked abandoned first, retried every second until it works); kept current by
// the job notifications (each job reloaded on the fire thread, so that "edit, then run now"
// runs the edited job; a change notified while the takeover loads is reloaded right after
// it) and by a periodic resync against a missed notification. The next fire time of each
// job is written to job_state once a second. What the takeover and the resync read about
// runs is handed to the Executor, which decides what to do with them.
class JobTable : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        NodeJob data;
        JobSchedule schedule;
    };
    // What a takeover or a resync read.
    struct Snapshot
    {
        QString error;
        int abandoned = 0; // runs of dead nodes marked abandoned (takeover only)
        QList<NodeJob> jobs;
        QList<ActiveRun> active; // runs not ended, of every node
    };

    JobTable(const NodeConfig &config, const NodeIdentity &identity, StoreWorker &readWorker,
             StoreWorker &fireWorker, QObject *parent = nullptr);

    // This node took the lease with `term`: forget everything and load it all again.
    void load(qint64 term);
    // The lease is gone: nothing fires; answers still in flight are dropped.
    void unload();
    bool isLoaded() const { return m_term != 0 && m_loaded; }

    // The jobs and their next slots (FireQueue::due() says when one is due).
    FireQueue &queue() { return m_queue; }
    const Entry *find(qint64 jobId) const;
    Entry *find(qint64 jobId);
    int size() const { return int(m_jobs.size()); }

    // A job notified as changed (created, edited, deleted).
    void jobChanged(qint64 jobId);
    // Reloads the jobs notified as changed while the takeover was loading.
    void reloadChangedWhileLoading();
    // A fired slot: the job's next one.
    void scheduleNext(qint64 jobId, const QDateTime &slot);
    // Reads every job again and applies what differs (a missed notification).
    void resync();
    // Writes the next fire times noted since the last write (also done every second).
    void flushStates();

Q_SIGNALS:
    // The takeover's jobs are in the table and scheduled (their next slot after `now`);
    // `snapshot` also has the runs. The changes notified meanwhile are not applied yet
    // (reloadChangedWhileLoading()).
    void loaded(const Cronhelm::JobTable::Snapshot &snapshot, const QDateTime &now);
    // A resync read these runs queued for no node (placed by the executor).
    void queuedFound(const QList<Cronhelm::ActiveRun> &runs);

private:
    void read(quint64 generation);
    void apply(const Snapshot &snapshot);
    void reload(qint64 jobId);
    void setJob(const NodeJob &job, const QDateTime &now);
    void removeJob(qint64 jobId);
    void noteState(qint64 jobId, const QDateTime &next, const QString &error = {});

    NodeConfig m_config;
    NodeIdentity m_identity;
    StoreWorker &m_readWorker;
    StoreWorker &m_fireWorker;
    FireQueue m_queue;
    QHash<qint64, Entry> m_jobs;
    qint64 m_term = 0;
    quint64 m_generation = 0; // changes with the lease: stale answers are dropped
    bool m_loaded = false;
    QSet<qint64> m_changedWhileLoading; // reloaded right after the takeover
    QHash<qint64, JobStateUpdate> m_states;
    Backoff m_reloadBackoff;
    QTimer m_stateTimer;
};

} // namespace Cronhelm

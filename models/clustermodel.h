#pragma once

#include <domain/records.h>

#include <QAbstractTableModel>
#include <QElapsedTimer>

#include <optional>

class QTimer;

namespace Cronhelm {

class StoreClient;

// The cluster: every node with its heartbeat age and running jobs, the executor lease, and
// recent leadership changes. Refreshed on the store's cronhelm_cluster NOTIFY and by a poll
// (heartbeats do not notify); ages and the lease expiry count on locally between refreshes,
// measured against the database clock, never this computer's.
class ClusterModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Node,
        Host,
        Role,
        Version,
        Started,
        Heartbeat,
        RunningJobs,
        Labels,
        Load,
        ColumnCount
    };
    // LoadRole: the share of the node's slots in use (0..1), for the Load column's bar.
    enum RoleValue { RoleRole = Qt::UserRole + 1, NodeIdRole, LoadRole };

    explicit ClusterModel(StoreClient *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void refresh();
    // How often to poll; the status bar needs little, an open cluster view more.
    void setPollInterval(int ms);

    bool hasStatus() const { return m_hasStatus; }
    // When the shown status was read (local clock).
    QDateTime lastRefreshed() const { return m_refreshedAt; }
    LeaseRecord lease() const { return m_status.lease; }
    QList<NodeRecord> nodes() const { return m_status.nodes; }
    QList<LeadershipChange> recentChanges() const { return m_status.recentChanges; }
    // The database's clock now, extrapolated from the last refresh.
    QDateTime databaseNow() const;
    // Milliseconds until the executor's lease expires (negative when overdue); none when
    // there is no executor.
    std::optional<qint64> leaseRemainingMs() const;
    // "node-a (term 7)" or a warning that no node is executing jobs; for the cluster view.
    QString executorSummary() const;
    // "3 nodes · 27 of 768 slots busy" over the live nodes (executor and workers).
    QString slotsSummary() const;
    // "Jobs planned by node-a", without the term (jargon for most users); for the status bar.
    QString executorStatusText() const;
    // The same with the term and lease, for the status bar's tooltip.
    QString executorStatusToolTip() const;

    // How often a node writes its heartbeat (the node's default; the store does not record
    // it) and how many in a row it may miss before it is shown as not responding.
    static constexpr qint64 kHeartbeatIntervalMs = 1000;
    static constexpr int kMissedHeartbeats = 2;
    // A running node (executor or standby) whose last heartbeat, as the database saw it at the
    // last refresh, is more than two intervals late: killed, frozen or cut off. The store
    // only calls it lost after 30 s.
    static bool isNotResponding(const NodeRecord &node);

signals:
    void statusChanged();
    void refreshFailed(const QString &message);
    // A new executor took the lease from one that stopped responding (not a handover).
    // `stoppedAt` is the old executor's last heartbeat (invalid when unknown).
    void executorTookOver(const QString &newExecutor, const QString &oldExecutor,
                          const QDateTime &stoppedAt);

private:
    void apply(const ClusterStatus &status);
    void announceTakeover(const ClusterStatus &status);
    // Refreshes early when a node's heartbeat, counted on locally, is overdue: the status
    // bar then learns of a dead node within about a second instead of at the next poll.
    void refreshIfHeartbeatOverdue();
    QString roleText(NodeRole role) const;

    StoreClient *m_client;
    ClusterStatus m_status;
    QElapsedTimer m_sinceRefresh;
    // The last refresh failed: a node that looks overdue does not make the model ask again
    // every second then; the poll (and the store's notifications) keep trying.
    bool m_lastRefreshFailed = false;
    QDateTime m_refreshedAt;
    bool m_hasStatus = false;
    bool m_inFlight = false;
    bool m_again = false;
    QTimer *m_poll;
    QTimer *m_tick;
};

// Recent leadership changes, newest first.
class LeadershipModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Term, Holder, Acquired, Reason, Previous, Ended, ColumnCount };

    explicit LeadershipModel(ClusterModel *cluster, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void update();
    static QString reasonText(const QString &reason);

    ClusterModel *m_cluster;
    QList<LeadershipChange> m_changes;
};

} // namespace Cronhelm

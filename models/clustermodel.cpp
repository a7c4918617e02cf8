#include "clustermodel.h"

#include "displayformat.h"
#include "storeclient.h"

#include <QTimer>

namespace Cronhelm {

ClusterModel::ClusterModel(StoreClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_poll(new QTimer(this))
    , m_tick(new QTimer(this))
{
    m_poll->setInterval(5000);
    connect(m_poll, &QTimer::timeout, this, &ClusterModel::refresh);
    m_poll->start();
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        if (!m_status.nodes.isEmpty())
            emit dataChanged(index(0, Heartbeat), index(rowCount() - 1, Heartbeat));
        refreshIfHeartbeatOverdue();
    });
    m_tick->start();
    connect(client, &StoreClient::connected, this, &ClusterModel::refresh);
    connect(client, &StoreClient::clusterChanged, this, &ClusterModel::refresh);
    if (client->isConnected())
        refresh();
}

void ClusterModel::setPollInterval(int ms)
{
    m_poll->setInterval(ms);
}

void ClusterModel::refresh()
{
    if (!m_client->isConnected())
        return;
    if (m_inFlight) {
        m_again = true; // something changed after the query under way started
        return;
    }
    m_inFlight = true;
    m_client->fetchCluster(this, [this](Result<ClusterStatus> status) {
        m_inFlight = false;
        if (m_again) {
            m_again = false;
            refresh();
        }
        if (!status) {
            m_lastRefreshFailed = true;
            emit refreshFailed(status.errorMessage());
            return;
        }
        m_lastRefreshFailed = false;
        apply(*status);
    });
}

bool ClusterModel::isNotResponding(const NodeRecord &node)
{
    if (node.role != NodeRole::Executor && node.role != NodeRole::Standby)
        return false;
    // Half an interval of slack: a heartbeat written a little late is not a missed one.
    const double limitSeconds = double(kHeartbeatIntervalMs) * (kMissedHeartbeats + 0.5) / 1000.0;
    return node.lastSeenAgeSeconds > limitSeconds;
}

void ClusterModel::refreshIfHeartbeatOverdue()
{
    if (!m_hasStatus || m_inFlight || m_lastRefreshFailed
        || m_sinceRefresh.elapsed() < kHeartbeatIntervalMs)
        return;
    const double elapsedSeconds = m_sinceRefresh.elapsed() / 1000.0;
    for (const NodeRecord &node : std::as_const(m_status.nodes)) {
        if (isNotResponding(node))
            continue; // already shown
        NodeRecord later = node;
        later.lastSeenAgeSeconds += elapsedSeconds;
        if (isNotResponding(later)) {
            refresh();
            return;
        }
    }
}

void ClusterModel::announceTakeover(const ClusterStatus &status)
{
    // Only a change seen while watching: the first status read is history, not news.
    if (!m_hasStatus || status.lease.term <= m_status.lease.term || status.recentChanges.isEmpty())
        return;
    const LeadershipChange &change = status.recentChanges.first();
    if (change.term != status.lease.term || change.previousHolder.isEmpty()
        || change.previousHolder == change.holder)
        return;
    // A handover ("released") is a planned stop, not news; "first" has no predecessor.
    const std::optional<LeaseChangeReason> reason = fromWireName<LeaseChangeReason>(change.reason);
    if (reason != LeaseChangeReason::Expired && reason != LeaseChangeReason::HolderGone)
        return;
    QDateTime stoppedAt;
    for (const NodeRecord &node : status.nodes) {
        if (node.id == change.previousHolder)
            stoppedAt = node.lastSeen;
    }
    emit executorTookOver(change.holder, change.previousHolder, stoppedAt);
}

void ClusterModel::apply(const ClusterStatus &status)
{
    announceTakeover(status);
    m_sinceRefresh.start();
    m_refreshedAt = QDateTime::currentDateTime();
    m_hasStatus = true;
    // Nodes keep their rows (ordered by the store: executor first, then by id); only a
    // changed set of nodes changes rows.
    QStringList oldIds, newIds;
    for (const NodeRecord &n : std::as_const(m_status.nodes))
        oldIds.append(n.id);
    for (const NodeRecord &n : status.nodes)
        newIds.append(n.id);
    if (oldIds != newIds) {
        // Views may ask for the old rows until the reset begins: change the data inside it.
        beginResetModel();
        m_status = status;
        endResetModel();
    } else {
        m_status = status;
        if (!status.nodes.isEmpty())
            emit dataChanged(index(0, 0), index(int(status.nodes.size()) - 1, ColumnCount - 1));
    }
    emit statusChanged();
}

QDateTime ClusterModel::databaseNow() const
{
    if (!m_hasStatus || !m_status.lease.dbNow.isValid())
        return QDateTime::currentDateTimeUtc();
    return m_status.lease.dbNow.addMSecs(m_sinceRefresh.elapsed());
}

std::optional<qint64> ClusterModel::leaseRemainingMs() const
{
    if (!m_hasStatus || m_status.lease.executor.isEmpty() || !m_status.lease.expiresAt.isValid())
        return std::nullopt;
    return databaseNow().msecsTo(m_status.lease.expiresAt);
}

QString ClusterModel::executorSummary() const
{
    if (!m_hasStatus)
        return tr("Executor: unknown");
    if (m_status.lease.executor.isEmpty()) {
        if (m_status.nodes.isEmpty())
            return tr("No scheduler node has started yet: jobs will not run.");
        return tr("No executor: jobs are not running right now.");
    }
    return tr("Executor: %1 (term %2)")
        .arg(m_status.lease.executor, QString::number(m_status.lease.term));
}

QString ClusterModel::slotsSummary() const
{
    int live = 0;
    int busy = 0;
    int capacity = 0;
    for (const NodeRecord &n : m_status.nodes) {
        if (n.role != NodeRole::Executor && n.role != NodeRole::Standby)
            continue;
        ++live;
        busy += n.busy;
        capacity += n.capacity;
    }
    if (live == 1)
        return tr("1 node · %1 of %2 slots busy").arg(busy).arg(capacity);
    return tr("%1 nodes · %2 of %3 slots busy").arg(live).arg(busy).arg(capacity);
}

QString ClusterModel::executorStatusText() const
{
    if (!m_hasStatus || m_status.lease.executor.isEmpty())
        return executorSummary();
    //: %1 the executor node: it decides when jobs run; every live node runs them
    return tr("Jobs planned by %1").arg(m_status.lease.executor);
}

QString ClusterModel::executorStatusToolTip() const
{
    if (!m_hasStatus || m_status.lease.executor.isEmpty())
        return tr("No node holds the executor lease, so no scheduled job starts until one "
                  "takes it.");
    //: %1 node, %2 lease term number
    return tr("%1 holds the executor lease (term %2): it decides when every job runs and "
              "which node runs it. Every live node runs jobs; another takes over the lease "
              "if it stops.")
        .arg(m_status.lease.executor, QString::number(m_status.lease.term));
}

int ClusterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_status.nodes.size());
}

int ClusterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClusterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Node:
        return tr("Node");
    case Host:
        return tr("Host");
    case Role:
        return tr("Role");
    case Version:
        return tr("Version");
    case Started:
        return tr("Started");
    case Heartbeat:
        return tr("Last heartbeat");
    case RunningJobs:
        return tr("Running jobs");
    case Labels:
        return tr("Labels");
    case Load:
        return tr("Busy / capacity");
    }
    return {};
}

QString ClusterModel::roleText(NodeRole role) const
{
    switch (role) {
    case NodeRole::Executor:
        return tr("Executor");
    case NodeRole::Standby:
        // Not the lease holder, but it runs the jobs assigned to it.
        return tr("Worker");
    case NodeRole::Stopping:
        return tr("Stopping");
    case NodeRole::Stopped:
        return tr("Stopped");
    case NodeRole::Lost:
        return tr("Lost (no heartbeat)");
    }
    return wireName(role);
}

QVariant ClusterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NodeRecord &node = m_status.nodes.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Node:
            return node.id;
        case Host:
            return node.pid ? tr("%1 (pid %2)").arg(node.host, QString::number(node.pid))
                            : node.host;
        case Role:
            return isNotResponding(node) ? tr("Not responding") : roleText(node.role);
        case Version:
            return node.version;
        case Started:
            return Display::dateTime(node.startedAt, Display::viewerZone());
        case Heartbeat: {
            const qint64 ageMs = qint64(node.lastSeenAgeSeconds * 1000)
                + (m_hasStatus ? m_sinceRefresh.elapsed() : 0);
            return tr("%1 ago").arg(formatElapsed(ageMs));
        }
        case RunningJobs:
            return node.runningJobs;
        case Labels:
            return node.labels.join(QStringLiteral(", "));
        case Load:
            return tr("%1 / %2").arg(node.busy).arg(node.capacity);
        }
    } else if (role == Qt::DecorationRole && index.column() == Node) {
        if (node.role == NodeRole::Executor)
            return Display::icon(QStringLiteral("executor"));
        if (node.role == NodeRole::Lost || isNotResponding(node))
            return Display::icon(QStringLiteral("warning"));
        return Display::icon(QStringLiteral("node"));
    } else if (role == Qt::ToolTipRole && index.column() == Role && isNotResponding(node)) {
        //: %1 the role it had ("Executor", "Standby")
        return tr("No heartbeat for %n s (nodes write one every second). It was %1; the store "
                  "declares it lost after 30 s.",
                  nullptr, int(node.lastSeenAgeSeconds))
            .arg(roleText(node.role));
    } else if (role == Qt::ToolTipRole && index.column() == Heartbeat && node.clockOffsetMs) {
        return tr("This node's clock differs from the database's by %1 ms.")
            .arg(qRound64(*node.clockOffsetMs));
    } else if (role == Qt::TextAlignmentRole && index.column() == RunningJobs) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == LoadRole) {
        return node.capacity > 0 ? std::clamp(double(node.busy) / node.capacity, 0.0, 1.0) : 0.0;
    } else if (role == Qt::ToolTipRole && index.column() == Load) {
        return tr("%1 runs assigned to this node (started or about to start) of the %2 it runs "
                  "at once (--max-parallel).")
            .arg(node.busy)
            .arg(node.capacity);
    } else if (role == RoleRole) {
        return QVariant::fromValue(node.role);
    } else if (role == NodeIdRole) {
        return node.id;
    }
    return {};
}

LeadershipModel::LeadershipModel(ClusterModel *cluster, QObject *parent)
    : QAbstractTableModel(parent)
    , m_cluster(cluster)
{
    connect(cluster, &ClusterModel::statusChanged, this, &LeadershipModel::update);
    update();
}

void LeadershipModel::update()
{
    const QList<LeadershipChange> changes = m_cluster->recentChanges();
    // New terms appear on top and the oldest fall off the bottom; rows otherwise change in
    // place (an end time). Anything else (a different database) resets.
    const qint64 newestKnown = m_changes.isEmpty() ? -1 : m_changes.first().term;
    qsizetype fresh = 0;
    while (fresh < changes.size() && changes.at(fresh).term > newestKnown)
        ++fresh;
    const qsizetype kept = changes.size() - fresh;
    bool continues = kept <= m_changes.size();
    for (qsizetype i = 0; continues && i < kept; ++i)
        continues = m_changes.at(i).term == changes.at(fresh + i).term;
    if (!continues) {
        beginResetModel();
        m_changes = changes;
        endResetModel();
        return;
    }
    if (m_changes.size() > kept) {
        beginRemoveRows({}, int(kept), int(m_changes.size()) - 1);
        m_changes.resize(kept);
        endRemoveRows();
    }
    if (fresh > 0) {
        beginInsertRows({}, 0, int(fresh) - 1);
        m_changes = changes.mid(0, fresh) + m_changes;
        endInsertRows();
    }
    m_changes = changes;
    if (!m_changes.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_changes.size()) - 1, ColumnCount - 1));
}

int LeadershipModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

int LeadershipModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeadershipModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Term:
        return tr("Term");
    case Holder:
        return tr("Executor");
    case Acquired:
        return tr("Since");
    case Reason:
        return tr("Why");
    case Previous:
        return tr("Previous executor");
    case Ended:
        return tr("Ended");
    }
    return {};
}

QString LeadershipModel::reasonText(const QString &reason)
{
    const std::optional<LeaseChangeReason> known = fromWireName<LeaseChangeReason>(reason);
    if (!known)
        return reason; // written by a newer version
    switch (*known) {
    case LeaseChangeReason::First:
        return tr("first executor");
    case LeaseChangeReason::Released:
        return tr("handed over");
    case LeaseChangeReason::Expired:
        return tr("previous lease expired");
    case LeaseChangeReason::HolderGone:
        return tr("previous executor disappeared");
    }
    return reason;
}

QVariant LeadershipModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LeadershipChange &c = m_changes.at(index.row());
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Term:
        return c.term;
    case Holder:
        return c.holder;
    case Acquired:
        return Display::dateTime(c.acquiredAt, Display::viewerZone(), true);
    case Reason:
        return reasonText(c.reason);
    case Previous:
        return c.previousHolder;
    case Ended:
        if (!c.endedAt.isValid())
            return tr("current");
        return tr("%1 (%2)").arg(Display::dateTime(c.endedAt, Display::viewerZone(), true),
                                 reasonText(c.endReason));
    }
    return {};
}

} // namespace Cronhelm

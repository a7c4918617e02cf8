#pragma once

#include "leasedeadline.h"
#include "nodeconfig.h"

#include <store/nodestore.h>
#include <store/storeconnection.h>

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

class QSocketNotifier;

namespace Cronhelm {

// The node's control session, on a thread of its own: heartbeats, the executor lease, and
// LISTEN for changes. Lease and heartbeat share this one connection on purpose: the
// advisory lock that lets standbys detect a crashed executor at once belongs to this
// session, and the nodes table records this session's backend as the node's pulse.
class ControlChannel : public QObject
{
    Q_OBJECT

public:
    ControlChannel(const NodeConfig &config, const NodeIdentity &identity);
    ~ControlChannel() override;

    // Thread-safe: reported in the heartbeat.
    void setRunningJobs(int count) { m_runningJobs = count; }

    // Call on the channel's thread (queued).
    void start();
    // Hands the lease over at once (graceful shutdown) and stops competing for it.
    void releaseLease();
    // Last heartbeat with the final state, then disconnect.
    void stop();

Q_SIGNALS:
    // This node now holds the lease under `term` (a new term each acquisition).
    void leaseAcquired(qint64 term, LeaseDeadline validUntil);
    // Renewed: it is provably held until validUntil (measured from before the request).
    void leaseRenewed(qint64 term, LeaseDeadline validUntil);
    // It is no longer held, or can no longer be proven: stop firing at once.
    void leaseLost(const QString &reason);
    void leaseReleased();
    void notification(const QString &channel, const QString &payload);
    // The session came back after a loss: notifications may have been missed.
    void reconnected();
    void connectionLost(const QString &message);
    // A heartbeat was recorded: no executor takes this node for dead before validUntil
    // (dead_after from before the request, minus a margin; CLOCK_BOOTTIME).
    void heartbeatProven(LeaseDeadline validUntil);

public:
    // How long a heartbeat sent now proves this node alive: dead_after minus a margin for
    // clocks that run at different rates, counted from before the request.
    static LeaseDeadline aliveProofFromNow(double deadAfterSeconds);

private:
    void leaseTick();
    void heartbeatTick();
    void drainNotifications();
    void handleFailure(const Error &error);
    void warnIfSlow(const char *what, qint64 elapsedMs) const;
    void tryReconnect();
    void watchSocket();
    void scheduleLeaseTick(std::chrono::milliseconds after);

    NodeConfig m_config;
    NodeIdentity m_identity;
    StoreConnection m_connection;
    NodeStore m_store;
    // Parented, so that moveToThread() takes them along.
    QTimer m_leaseTimer{this};
    QTimer m_heartbeatTimer{this};
    QTimer m_reconnectTimer{this};
    QSocketNotifier *m_notifier = nullptr;
    std::atomic<int> m_runningJobs{0};
    qint64 m_term = 0;
    bool m_competing = true;
    bool m_connected = false;
    bool m_everConnected = false;
    bool m_stopped = false;
    std::chrono::milliseconds m_backoff{250};
    QDateTime m_lastClockWarning;
};

} // namespace Cronhelm

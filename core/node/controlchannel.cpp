#include "controlchannel.h"

#include <spdlog/spdlog.h>

#include <QElapsedTimer>
#include <QSocketNotifier>

namespace Cronhelm {

namespace {

const QStringList channels = {QStringLiteral("cronhelm_jobs"), QStringLiteral("cronhelm_runs"),
                              QStringLiteral("cronhelm_cluster"),
                              // A hint to the node named in the payload: runs were assigned to it.
                              QStringLiteral("cronhelm_assign")};

// Safety margin subtracted from the lease TTL: the node stops firing this much before the
// database would let another node take over, so clock-rate differences cannot overlap.
std::chrono::milliseconds leaseMargin(double ttlSeconds)
{
    return std::chrono::milliseconds(qint64(std::clamp(ttlSeconds * 100.0, 200.0, 2000.0)));
}

} // namespace

LeaseDeadline ControlChannel::aliveProofFromNow(double deadAfterSeconds)
{
    const auto deadAfter = std::chrono::milliseconds(qint64(deadAfterSeconds * 1000));
    return LeaseDeadline::after(deadAfter - leaseMargin(deadAfterSeconds));
}

ControlChannel::ControlChannel(const NodeConfig &config, const NodeIdentity &identity)
    : m_config(config)
    , m_identity(identity)
    , m_connection(config.conninfo)
    , m_store(m_connection)
{
    m_leaseTimer.setSingleShot(true);
    m_leaseTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_leaseTimer, &QTimer::timeout, this, &ControlChannel::leaseTick);
    m_heartbeatTimer.setInterval(config.heartbeatInterval);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &ControlChannel::heartbeatTick);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ControlChannel::tryReconnect);
}

ControlChannel::~ControlChannel() = default;

void ControlChannel::start()
{
    for (const QString &channel : channels)
        (void)m_connection.listen(channel); // registers even if the connect fails now
    tryReconnect();
}

void ControlChannel::tryReconnect()
{
    if (m_stopped)
        return;
    if (!m_connection.isOpen()) {
        if (Status opened = m_connection.open(); !opened) {
            spdlog::warn("control: cannot connect: {}; retrying in {} ms",
                         opened.errorMessage().toStdString(), m_backoff.count());
            m_reconnectTimer.start(m_backoff);
            m_backoff = std::min(m_backoff * 2, std::chrono::milliseconds(5000));
            return;
        }
    }
    const bool wasConnectedBefore = m_everConnected;
    m_everConnected = true;
    m_connected = true;
    m_backoff = std::chrono::milliseconds(250);
    watchSocket();
    spdlog::info("control: connected to {}", m_connection.describeTarget().toStdString());
    heartbeatTick();
    m_heartbeatTimer.start();
    if (m_competing)
        scheduleLeaseTick(std::chrono::milliseconds(0));
    if (wasConnectedBefore)
        Q_EMIT reconnected();
}

void ControlChannel::watchSocket()
{
    delete m_notifier;
    m_notifier = nullptr;
    const int fd = m_connection.socket();
    if (fd < 0)
        return;
    m_notifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ControlChannel::drainNotifications);
}

void ControlChannel::drainNotifications()
{
    if (!m_connection.isOpen())
        return;
    Result<QList<StoreNotification>> notes = m_connection.pollNotifications();
    if (!notes) {
        handleFailure(notes.error());
        return;
    }
    for (const StoreNotification &n : std::as_const(*notes))
        Q_EMIT notification(n.channel, n.payload);
}

void ControlChannel::scheduleLeaseTick(std::chrono::milliseconds after)
{
    m_leaseTimer.start(after);
}

void ControlChannel::leaseTick()
{
    if (!m_competing || !m_connected)
        return;
    const auto ttl = std::chrono::milliseconds(qint64(m_config.leaseTtlSeconds * 1000));
    // Counted from before the request: the database's expiry is later than this.
    const LeaseDeadline validUntil =
        LeaseDeadline::after(ttl - leaseMargin(m_config.leaseTtlSeconds));
    QElapsedTimer took;
    took.start();
    Result<std::optional<qint64>> r = m_store.acquireLease(m_identity.id, m_config.leaseTtlSeconds);
    warnIfSlow("lease", took.elapsed());
    if (!r) {
        handleFailure(r.error());
        return;
    }
    if (r->has_value()) {
        const qint64 term = **r;
        if (term != m_term) {
            m_term = term;
            spdlog::info("lease: this node is now the executor (term {})", term);
            Q_EMIT leaseAcquired(term, validUntil);
        } else {
            Q_EMIT leaseRenewed(term, validUntil);
        }
        scheduleLeaseTick(ttl / 3);
    } else {
        if (m_term != 0) {
            spdlog::warn("lease: lost the executor lease (term {}) to another node", m_term);
            m_term = 0;
            Q_EMIT leaseLost(QStringLiteral("another node holds the lease"));
        }
        scheduleLeaseTick(m_config.standbyPoll);
    }
    drainNotifications();
}

void ControlChannel::heartbeatTick()
{
    if (!m_connected)
        return;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const NodeRole state = m_stopped ? NodeRole::Stopped
        : !m_competing               ? NodeRole::Stopping
        : m_term                     ? NodeRole::Executor
                                     : NodeRole::Standby;
    // Counted from before the request: the database records the heartbeat later than this.
    const LeaseDeadline aliveUntil = aliveProofFromNow(m_config.deadAfterSeconds);
    QElapsedTimer took;
    took.start();
    Result<QDateTime> dbNow =
        m_store.heartbeat(m_identity, state, m_runningJobs, m_config.maxParallel, m_config.labels);
    warnIfSlow("heartbeat", took.elapsed());
    if (!dbNow) {
        handleFailure(dbNow.error());
        return;
    }
    if (!m_stopped)
        Q_EMIT heartbeatProven(aliveUntil);
    const QDateTime after = QDateTime::currentDateTimeUtc();
    const qint64 midpoint = (before.toMSecsSinceEpoch() + after.toMSecsSinceEpoch()) / 2;
    const qint64 offset = midpoint - dbNow->toMSecsSinceEpoch();
    if (std::abs(offset) > 1000
        && (!m_lastClockWarning.isValid() || m_lastClockWarning.secsTo(after) > 60)) {
        spdlog::warn("clock: this node's clock is {} ms off the database's; the lease uses the "
                     "database clock, but log times will disagree",
                     offset);
        m_lastClockWarning = after;
    }
    drainNotifications();
}

// A lease renewal or heartbeat that takes seconds is how a node comes to lose its lease
// (or be taken for dead) while it is alive: said in the log, with the budget it ate into.
void ControlChannel::warnIfSlow(const char *what, qint64 elapsedMs) const
{
    const qint64 budgetMs = qint64(m_config.leaseTtlSeconds * 1000) / 3;
    if (elapsedMs < std::max<qint64>(1000, budgetMs / 2))
        return;
    spdlog::warn("control: the {} call took {} ms; the lease is renewed every {} ms and lasts {} "
                 "s: the database is slow to answer (or a lock held it)",
                 what, elapsedMs, budgetMs, m_config.leaseTtlSeconds);
}

void ControlChannel::handleFailure(const Error &error)
{
    if (error.kind != ErrorKind::ConnectionLost && m_connection.isOpen()) {
        spdlog::error("control: {}", error.message.toStdString());
        if (m_competing)
            scheduleLeaseTick(m_config.standbyPoll);
        return;
    }
    spdlog::warn("control: connection lost: {}", error.message.toStdString());
    m_connected = false;
    delete m_notifier;
    m_notifier = nullptr;
    m_heartbeatTimer.stop();
    m_leaseTimer.stop();
    m_connection.close();
    if (m_term != 0) {
        // Without the session the lease cannot be proven: self-fence now.
        m_term = 0;
        Q_EMIT leaseLost(QStringLiteral("the connection to the database was lost"));
    }
    Q_EMIT connectionLost(error.message);
    m_reconnectTimer.start(m_backoff);
}

void ControlChannel::releaseLease()
{
    m_competing = false;
    m_leaseTimer.stop();
    if (m_term != 0 && m_connected) {
        Result<bool> released = m_store.releaseLease(m_identity.id);
        if (released && *released)
            spdlog::info("lease: handed over the executor lease (term {})", m_term);
        else if (!released)
            spdlog::warn("lease: could not release: {}", released.errorMessage().toStdString());
    }
    if (m_term != 0) {
        m_term = 0;
        Q_EMIT leaseLost(QStringLiteral("this node is shutting down"));
    }
    heartbeatTick();
    Q_EMIT leaseReleased();
}

void ControlChannel::stop()
{
    m_stopped = true;
    m_competing = false;
    m_leaseTimer.stop();
    m_reconnectTimer.stop();
    m_heartbeatTimer.stop();
    if (m_connected)
        heartbeatTick();
    delete m_notifier;
    m_notifier = nullptr;
    m_connection.close();
    m_connected = false;
}

} // namespace Cronhelm

#include "nodedaemon.h"

#include "controlchannel.h"
#include "executor.h"

#include <store/connectionsecurity.h>
#include <store/migrator.h>
#include <store/storeconnection.h>
#include <store/storeworker.h>

#include <spdlog/spdlog.h>

#include <QCoreApplication>
#include <QHostInfo>

#include <cerrno>
#include <cstring>
#include <optional>

#include <sys/prctl.h>

namespace Cronhelm {

NodeDaemon::NodeDaemon(const NodeConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{
    m_identity.id = config.nodeId;
    m_identity.host = QHostInfo::localHostName();
    m_identity.pid = int(QCoreApplication::applicationPid());
    m_identity.version = QStringLiteral(CRONHELM_VERSION);
    m_identity.startedAt = QDateTime::currentDateTimeUtc();
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, [this] {
        spdlog::warn("shutdown: grace period over; stopping {} running jobs",
                     m_executor ? m_executor->runningCount() : 0);
        if (m_executor)
            m_executor->cancelAll(QStringLiteral("the node is shutting down"));
        m_hardStopTimer.start();
    });
    // After the stop signal, targets end within the kill grace; then give up waiting.
    m_hardStopTimer.setSingleShot(true);
    m_hardStopTimer.setInterval(m_config.killGrace + std::chrono::seconds(5));
    connect(&m_hardStopTimer, &QTimer::timeout, this, &NodeDaemon::finish);
}

NodeDaemon::~NodeDaemon()
{
    if (m_control) {
        QMetaObject::invokeMethod(m_control, &ControlChannel::stop, Qt::BlockingQueuedConnection);
        m_controlThread.quit();
        m_controlThread.wait();
    }
}

void NodeDaemon::start()
{
    keepJobsOutOfThisProcess();
    spdlog::info("node {} starting (cronhelm {}, lease TTL {} s)", m_identity.id.toStdString(),
                 CRONHELM_VERSION, m_config.leaseTtlSeconds);
    m_checker = std::make_unique<StoreWorker>(m_config.conninfo, QStringLiteral("cronhelm-check"));
    checkSchema();
}

void NodeDaemon::keepJobsOutOfThisProcess()
{
    // Shell jobs run as this process's user: without this, any of them could read this
    // process's environment (PGPASSWORD, every CRONHELM_SECRET_) from /proc/<pid>/environ,
    // or its memory (the desktop app, which runs a node for its local store, holds the
    // passwords of its other stores there). Not dumpable, those files belong to root and
    // ptrace is refused to the user; the jobs are dumpable again (execve resets it). The
    // price: no core dumps of this process.
    if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        spdlog::warn("cannot keep jobs out of this process (prctl PR_SET_DUMPABLE): {}",
                     std::strerror(errno));
}

namespace {

struct StoreCheck
{
    Status compatible;
    std::optional<ConnectionSecurity> security;
};

// A node connected over the network without verify-full can be talked to by anyone on the
// path posing as the store, and the store decides which commands this node runs.
void warnIfUnverified(const ConnectionSecurity &s)
{
    if (s.localSocket || s.serverVerified()) {
        spdlog::info("database connection: {}",
                     s.localSocket ? std::string("local socket")
                                   : "TLS " + s.tlsVersion.toStdString() + ", server verified");
        return;
    }
    spdlog::warn("database connection is {} (sslmode={}): anyone on the network path could pose "
                 "as the store and make this node run commands; use sslmode=verify-full with "
                 "sslrootcert (see the operator guide, TLS)",
                 s.encrypted ? "encrypted but the server is not verified" : "not encrypted",
                 s.sslMode.toStdString());
}

} // namespace

void NodeDaemon::checkSchema()
{
    m_checker->post(
        this,
        [](StoreConnection &c) {
            StoreCheck check{Migrator(c).checkCompatible(), std::nullopt};
            if (check.compatible) {
                if (Result<ConnectionSecurity> s = readConnectionSecurity(c))
                    check.security = *s;
            }
            return check;
        },
        [this](const StoreCheck &check) {
            const Status &compatible = check.compatible;
            if (check.security)
                warnIfUnverified(*check.security);
            if (m_stopping) {
                finish();
                return;
            }
            if (!compatible && compatible.errorKind() == ErrorKind::ConnectionLost) {
                spdlog::warn("database unreachable: {}; retrying in {} ms",
                             compatible.errorMessage().toStdString(), m_backoff.count());
                QTimer::singleShot(m_backoff, this, &NodeDaemon::checkSchema);
                m_backoff = std::min(m_backoff * 2, std::chrono::milliseconds(5000));
                return;
            }
            if (!compatible) {
                spdlog::critical("cannot run against this database: {}",
                                 compatible.errorMessage().toStdString());
                m_finished = true;
                Q_EMIT finished(1);
                return;
            }
            m_checker.reset();
            startRunning();
        });
}

void NodeDaemon::startRunning()
{
    m_executor = std::make_unique<Executor>(m_config, m_identity);
    m_control = new ControlChannel(m_config, m_identity);
    m_control->moveToThread(&m_controlThread);
    connect(&m_controlThread, &QThread::finished, m_control, &QObject::deleteLater);
    m_controlThread.setObjectName(QStringLiteral("cronhelm-control"));

    Executor *executor = m_executor.get();
    connect(m_control, &ControlChannel::leaseAcquired, executor, &Executor::onLeaseAcquired);
    connect(m_control, &ControlChannel::leaseRenewed, executor, &Executor::onLeaseRenewed);
    connect(m_control, &ControlChannel::leaseLost, executor, &Executor::onLeaseLost);
    connect(m_control, &ControlChannel::notification, executor, &Executor::onNotification);
    connect(m_control, &ControlChannel::reconnected, executor, &Executor::onReconnected);
    connect(m_control, &ControlChannel::connectionLost, executor, &Executor::onConnectionLost);
    connect(m_control, &ControlChannel::heartbeatProven, executor, &Executor::onHeartbeatProven);
    connect(m_control, &ControlChannel::leaseReleased, this, &NodeDaemon::afterRelease);
    ControlChannel *control = m_control;
    connect(executor, &Executor::runningCountChanged, this,
            [control](int count) { control->setRunningJobs(count); });
    connect(executor, &Executor::becameIdle, this, [this] {
        if (m_stopping)
            finish();
    });
    m_controlThread.start();
    QMetaObject::invokeMethod(m_control, &ControlChannel::start, Qt::QueuedConnection);
}

void NodeDaemon::shutdown()
{
    if (m_stopping) {
        spdlog::warn("shutdown: asked again; stopping running jobs now");
        m_graceTimer.stop();
        if (m_executor)
            m_executor->cancelAll(QStringLiteral("the node is shutting down"));
        m_hardStopTimer.start();
        return;
    }
    m_stopping = true;
    spdlog::info("shutdown: handing over the lease; running jobs get {} s to finish",
                 m_config.shutdownGrace.count() / 1000.0);
    if (!m_executor) {
        if (!m_checker)
            finish();
        return; // checkSchema's reply finishes
    }
    m_executor->stopTakingWork();
    QMetaObject::invokeMethod(m_control, &ControlChannel::releaseLease, Qt::QueuedConnection);
}

void NodeDaemon::afterRelease()
{
    if (m_executor->isIdle()) {
        finish();
        return;
    }
    m_graceTimer.start(m_config.shutdownGrace);
}

void NodeDaemon::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_graceTimer.stop();
    m_hardStopTimer.stop();
    if (m_control) {
        QMetaObject::invokeMethod(m_control, &ControlChannel::stop, Qt::BlockingQueuedConnection);
        m_controlThread.quit();
        m_controlThread.wait();
        m_control = nullptr;
    }
    // Destroying the executor flushes its logs and waits for its store threads.
    m_executor.reset();
    spdlog::info("node {} stopped", m_identity.id.toStdString());
    Q_EMIT finished(0);
}

} // namespace Cronhelm

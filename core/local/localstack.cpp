#include "localstack.h"

#include "localstore.h"

#include <node/nodeconfig.h>
#include <node/nodedaemon.h>
#include <node/privatelogfile.h>

#include <spdlog/spdlog.h>

#include <QHostInfo>

namespace Cronhelm {

namespace {

// The embedded node logs as cronhelm-node does, but to its own file only: the app's own
// messages (Qt's logging) stay where they were.
void setUpNodeLogging(const QString &nodeId, const QString &logFile)
{
    try {
        // Readable by the app's user only (mode 0600), like the store it sits next to.
        auto sink = makePrivateLogFileSink(logFile, 10 * 1024 * 1024, 3);
        auto logger = std::make_shared<spdlog::logger>("cronhelm-desktop-node", sink);
        logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%l%$ [" + nodeId.toStdString() + "] %v",
                            spdlog::pattern_time_type::utc);
        logger->flush_on(spdlog::level::info);
        spdlog::set_default_logger(logger);
    } catch (const std::exception &e) {
        // The node runs without its file log rather than not at all.
        qWarning("cronhelm: cannot write the local node's log %s: %s", qPrintable(logFile),
                 e.what());
    }
}

} // namespace

LocalStack::LocalStack(QObject *parent)
    : LocalStack(Options(), parent)
{}

LocalStack::LocalStack(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_store(std::make_unique<LocalStore>(options.root))
    , m_storeHost(new QObject)
    , m_nodeHost(new QObject)
{
    m_root = m_store->root();
    m_nodeId = options.nodeId.isEmpty() ? QHostInfo::localHostName() + QStringLiteral("-desktop")
                                        : options.nodeId;
    m_logFile =
        options.logFile.isEmpty() ? m_root + QStringLiteral("/desktop-node.log") : options.logFile;
    m_storeThread.setObjectName(QStringLiteral("cronhelm-local"));
    m_storeHost->moveToThread(&m_storeThread);
    connect(&m_storeThread, &QThread::finished, m_storeHost, &QObject::deleteLater);
    m_nodeThread.setObjectName(QStringLiteral("cronhelm-desktop-node"));
    m_nodeHost->moveToThread(&m_nodeThread);
    connect(&m_nodeThread, &QThread::finished, m_nodeHost, &QObject::deleteLater);
    m_nodeStopBound.setSingleShot(true);
    m_nodeStopBound.setInterval(options.nodeStopBound);
    connect(&m_nodeStopBound, &QTimer::timeout, this, [this] {
        qWarning("cronhelm: the local node did not stop within %lld s; stopping it now",
                 qlonglong(m_options.nodeStopBound.count() / 1000));
        disposeNode();
    });
}

LocalStack::~LocalStack()
{
    // Normally shutdown() has run and everything is stopped; otherwise stop what is left,
    // blocking, so that no server this process started outlives it.
    if (m_nodeThread.isRunning()) {
        NodeDaemon **daemon = &m_daemon;
        QMetaObject::invokeMethod(
            m_nodeHost,
            [daemon] {
                delete *daemon;
                *daemon = nullptr;
            },
            Qt::BlockingQueuedConnection);
        m_nodeThread.quit();
        m_nodeThread.wait();
    } else {
        delete m_nodeHost;
    }
    if (m_storeThread.isRunning()) {
        LocalStore *store = m_store.get();
        if (m_state != State::Stopped) {
            QMetaObject::invokeMethod(
                m_storeHost, [store] { (void)store->stop(); }, Qt::BlockingQueuedConnection);
        }
        m_storeThread.quit();
        m_storeThread.wait();
    } else {
        delete m_storeHost;
    }
}

void LocalStack::start()
{
    switch (m_state) {
    case State::Running:
        // Asked again (e.g. after the node stopped by itself): the node runs again.
        if (m_options.runNode && !m_nodeRunning)
            startNode();
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT ready(m_conninfo); }, Qt::QueuedConnection);
        return;
    case State::Starting:
        m_stopWhenStarted = false;
        return;
    case State::Stopping:
        QMetaObject::invokeMethod(
            this,
            [this] { Q_EMIT failed(tr("The local store is stopping. Try again in a moment.")); },
            Qt::QueuedConnection);
        return;
    case State::Stopped:
        break;
    }
    m_state = State::Starting;
    m_stopWhenStarted = false;
    // The threads start with the first use: an app that never opens the local store has none.
    if (!m_storeThread.isRunning()) {
        m_storeThread.start();
        m_nodeThread.start();
    }
    LocalStore *store = m_store.get();
    QMetaObject::invokeMethod(
        m_storeHost,
        [this, store] {
            const Status started = store->start([this](const QString &message) {
                QMetaObject::invokeMethod(
                    this, [this, message] { Q_EMIT progress(message); }, Qt::QueuedConnection);
            });
            const bool startedServer = store->startedServer();
            const bool createdCluster = store->createdCluster();
            if (!started)
                (void)store->stop(); // leave nothing running after a failed start
            const QString conninfo = store->conninfo();
            const QString message = started.errorMessage();
            const bool ok = started.ok();
            QMetaObject::invokeMethod(
                this,
                [=, this] { onStoreStarted(ok, message, conninfo, startedServer, createdCluster); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void LocalStack::onStoreStarted(bool ok, const QString &message, const QString &conninfo,
                                bool startedServer, bool createdCluster)
{
    if (!ok) {
        m_state = State::Stopped;
        m_startedServer = false;
        Q_EMIT failed(message);
        if (m_stopWhenStarted) {
            m_stopWhenStarted = false;
            Q_EMIT stopped();
        }
        return;
    }
    m_conninfo = conninfo;
    m_startedServer = startedServer;
    m_createdCluster = createdCluster;
    if (m_stopWhenStarted) {
        m_stopWhenStarted = false;
        m_state = State::Stopping;
        stopStore();
        return;
    }
    if (m_options.runNode) {
        Q_EMIT progress(tr("Starting the scheduler node %1…").arg(m_nodeId));
        startNode();
    }
    m_state = State::Running;
    Q_EMIT ready(m_conninfo);
}

void LocalStack::startNode()
{
    NodeConfig config;
    config.conninfo = m_conninfo;
    config.nodeId = m_nodeId;
    config.logFile = m_logFile;
    config.shutdownGrace = m_options.shutdownGrace;
    config.killGrace = m_options.killGrace;
    setUpNodeLogging(m_nodeId, m_logFile);
    m_nodeRunning = true;
    NodeDaemon **daemon = &m_daemon;
    QMetaObject::invokeMethod(
        m_nodeHost,
        [this, daemon, config] {
            // Created on the node thread, so its timers and children live there.
            *daemon = new NodeDaemon(config);
            connect(*daemon, &NodeDaemon::finished, this, &LocalStack::onNodeFinished,
                    Qt::QueuedConnection);
            (*daemon)->start();
        },
        Qt::QueuedConnection);
}

void LocalStack::shutdown()
{
    switch (m_state) {
    case State::Stopped:
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT stopped(); }, Qt::QueuedConnection);
        return;
    case State::Starting:
        m_stopWhenStarted = true;
        return;
    case State::Stopping:
        return;
    case State::Running:
        break;
    }
    m_state = State::Stopping;
    if (!m_nodeRunning) {
        stopStore();
        return;
    }
    m_nodeStopBound.start();
    NodeDaemon **daemon = &m_daemon;
    QMetaObject::invokeMethod(
        m_nodeHost,
        [daemon] {
            if (*daemon)
                (*daemon)->shutdown();
        },
        Qt::QueuedConnection);
}

void LocalStack::onNodeFinished(int exitCode)
{
    if (!m_nodeRunning)
        return;
    if (m_state != State::Stopping) {
        m_nodeRunning = false;
        //: %1 the node's exit code, %2 its log file
        Q_EMIT nodeStopped(tr("The local scheduler node stopped (code %1), so the local jobs "
                              "do not run. Its log is in %2.")
                               .arg(exitCode)
                               .arg(m_logFile));
        disposeNode();
        return;
    }
    disposeNode();
}

void LocalStack::disposeNode()
{
    m_nodeStopBound.stop();
    NodeDaemon **daemon = &m_daemon;
    QMetaObject::invokeMethod(
        m_nodeHost,
        [this, daemon] {
            delete *daemon;
            *daemon = nullptr;
            QMetaObject::invokeMethod(this, &LocalStack::onNodeGone, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void LocalStack::onNodeGone()
{
    // A node that stopped by itself was marked stopped already; the store keeps running.
    if (m_state != State::Stopping || !m_nodeRunning)
        return;
    m_nodeRunning = false;
    stopStore();
}

void LocalStack::stopStore()
{
    LocalStore *store = m_store.get();
    QMetaObject::invokeMethod(
        m_storeHost,
        [this, store] {
            const Status stoppedServer = store->stop();
            const QString error = stoppedServer.errorMessage();
            QMetaObject::invokeMethod(
                this, [this, error] { onStoreStopped(error); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void LocalStack::onStoreStopped(const QString &error)
{
    m_state = State::Stopped;
    m_startedServer = false;
    if (!error.isEmpty())
        Q_EMIT failed(error);
    Q_EMIT stopped();
}

} // namespace Cronhelm

#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <memory>

namespace Cronhelm {

class LocalStore;
class NodeDaemon;

// "Use a local store on this computer": a private PostgreSQL for the current user
// (LocalStore) plus an embedded scheduler node (NodeDaemon), so the desktop app alone is a
// one-machine Cronhelm. The jobs of the local store run while the app is open.
//
// Threads: the store's blocking steps (initdb, pg_ctl, the schema) run on the
// "cronhelm-local" thread; the node runs on "cronhelm-desktop-node" (its own control and
// store threads below it, as in cronhelm-node). This object lives on the caller's thread
// and reports by signals; nothing here blocks it.
class LocalStack : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Starting, Running, Stopping };

    struct Options
    {
        QString root;    // empty: LocalStore::defaultRoot()
        QString nodeId;  // empty: "<hostname>-desktop"
        QString logFile; // empty: <root>/desktop-node.log
        bool runNode = true;
        // Running jobs get this long to finish when the app closes, then they are stopped.
        std::chrono::milliseconds shutdownGrace{3000};
        std::chrono::milliseconds killGrace{2000};
        // How long to wait for the node to stop before the server is stopped anyway.
        std::chrono::milliseconds nodeStopBound{20000};
    };

    explicit LocalStack(QObject *parent = nullptr);
    explicit LocalStack(const Options &options, QObject *parent = nullptr);
    // Call shutdown() and wait for stopped() first; this only makes sure, blocking, that
    // nothing is left running.
    ~LocalStack() override;

    // Starts (or reuses) the server, brings the schema up to date and starts the node, then
    // emits ready(); or failed(). When already running, emits ready() again.
    void start();
    // Stops the node (handing the executor lease over), waits for it within a bound, then
    // stops the server if this object started it; emits stopped().
    void shutdown();

    State state() const { return m_state; }
    bool isActive() const { return m_state != State::Stopped; }
    QString root() const { return m_root; }
    QString conninfo() const { return m_conninfo; }
    QString nodeId() const { return m_nodeId; }
    QString nodeLogFile() const { return m_logFile; }
    bool startedServer() const { return m_startedServer; }
    bool createdCluster() const { return m_createdCluster; }
    bool isNodeRunning() const { return m_nodeRunning; }

Q_SIGNALS:
    void progress(const QString &message);
    void ready(const QString &conninfo);
    void failed(const QString &message);
    // The embedded node stopped by itself (not through shutdown()).
    void nodeStopped(const QString &message);
    void stopped();

private:
    void onStoreStarted(bool ok, const QString &message, const QString &conninfo,
                        bool startedServer, bool createdCluster);
    void startNode();
    void onNodeFinished(int exitCode);
    void disposeNode();
    void onNodeGone();
    void stopStore();
    void onStoreStopped(const QString &error);

    Options m_options;
    QString m_root;
    QString m_nodeId;
    QString m_logFile;
    std::unique_ptr<LocalStore> m_store; // used on m_storeThread only
    QThread m_storeThread;
    QObject *m_storeHost = nullptr; // lives on m_storeThread
    QThread m_nodeThread;
    QObject *m_nodeHost = nullptr;  // lives on m_nodeThread
    NodeDaemon *m_daemon = nullptr; // lives on m_nodeThread, touched only there
    QTimer m_nodeStopBound;
    State m_state = State::Stopped;
    QString m_conninfo;
    bool m_startedServer = false;
    bool m_createdCluster = false;
    bool m_nodeRunning = false;
    bool m_stopWhenStarted = false;
};

} // namespace Cronhelm

#pragma once

#include "nodeconfig.h"

#include <store/nodestore.h>

#include <QObject>
#include <QThread>
#include <QTimer>

#include <memory>

namespace Cronhelm {

class ControlChannel;
class Executor;
class StoreWorker;

// One cronhelm-node process: checks the schema, then runs the control channel (its own
// thread) and the executor (this thread), and shuts both down in order.
class NodeDaemon : public QObject
{
    Q_OBJECT

public:
    explicit NodeDaemon(const NodeConfig &config, QObject *parent = nullptr);
    ~NodeDaemon() override;

    // Starts asynchronously: waits for the database (retrying with backoff), refuses an
    // incompatible schema (finished(1)), then competes for the lease.
    void start();
    // Makes this process unreadable to the jobs it starts (not dumpable). start() does it;
    // cronhelm-node also calls it first thing, before its secrets are read.
    static void keepJobsOutOfThisProcess();
    // Graceful stop: hand the lease over at once, let running jobs finish within the grace
    // period, then stop them. A second call stops running jobs at once.
    void shutdown();

    const NodeIdentity &identity() const { return m_identity; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void checkSchema();
    void startRunning();
    void afterRelease();
    void finish();

    NodeConfig m_config;
    NodeIdentity m_identity;
    std::unique_ptr<StoreWorker> m_checker;
    std::unique_ptr<Executor> m_executor;
    QThread m_controlThread;
    ControlChannel *m_control = nullptr;
    QTimer m_graceTimer;
    QTimer m_hardStopTimer;
    std::chrono::milliseconds m_backoff{250};
    bool m_stopping = false;
    bool m_finished = false;
};

} // namespace Cronhelm

#pragma once

#include "leasedeadline.h"

#include <QList>
#include <QThread>

#include <memory>
#include <vector>

class QObject;

namespace Cronhelm {

class CurlEngine;
class TargetRun;

// Threads that run targets, each with an event loop and an HTTP engine of its own (a
// CurlEngine: every request of the thread's runs, however many, is driven by that loop). At
// a busy instant hundreds of requests are started at once; spreading them over these
// threads starts them in parallel while the executor's thread only hands them out.
//
// A run is created on the executor's thread, prepared there, then moved with adopt() to a
// thread of the pool, where it lives (signals to the executor are queued) until it is
// deleted there (deleteLater). Shell targets too: posix_spawn() holds the calling thread
// until the child has exec'd (glibc clones with CLONE_VFORK), so an instant's processes are
// started on several threads at once.
class TargetThreads
{
public:
    explicit TargetThreads(int threads);
    // Stops the threads after the work already posted; runs still there are deleted first.
    ~TargetThreads();
    TargetThreads(const TargetThreads &) = delete;
    TargetThreads &operator=(const TargetThreads &) = delete;

    // The HTTP engine a run with this key uses (key: the run id, to spread them).
    CurlEngine *network(qint64 key) const;
    // Moves `run` (parentless, created with network(key)) to the thread of that engine.
    void adopt(TargetRun *run, qint64 key) const;

private:
    struct Worker
    {
        QThread thread;
        CurlEngine *engine = nullptr; // lives in thread
    };
    Worker &workerFor(qint64 key) const;

    std::vector<std::unique_ptr<Worker>> m_workers;
};

// Calls run->start() on the run's own thread, unless the lease (on a worker: the heartbeat
// proof) under which it was handed out has expired by then (checked at that moment, on
// CLOCK_BOOTTIME): such a run is not started and ends as skipped.
void startOnItsThread(TargetRun *run, LeaseDeadline leaseValid);
// Calls run->cancel() on the run's own thread.
void cancelOnItsThread(TargetRun *run, const QString &reason);

// Deletes a run on its own thread (later), or at once when that is this thread.
struct TargetRunDeleter
{
    void operator()(TargetRun *run) const;
};
using TargetRunPtr = std::unique_ptr<TargetRun, TargetRunDeleter>;

} // namespace Cronhelm

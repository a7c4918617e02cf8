#include "targetthreads.h"

#include <exec/curlengine.h>
#include <exec/targetrun.h>

namespace Cronhelm {

TargetThreads::TargetThreads(int threads)
{
    for (int i = 0; i < std::max(1, threads); ++i) {
        auto worker = std::make_unique<Worker>();
        worker->thread.setObjectName(QStringLiteral("cronhelm-target-%1").arg(i + 1));
        worker->engine = new CurlEngine;
        worker->engine->moveToThread(&worker->thread);
        // Deleted on its thread, after the runs deleted before it (deferred deletes run in
        // order when the thread finishes).
        QObject::connect(&worker->thread, &QThread::finished, worker->engine,
                         &QObject::deleteLater);
        worker->thread.start();
        m_workers.push_back(std::move(worker));
    }
}

TargetThreads::~TargetThreads()
{
    for (auto &worker : m_workers)
        worker->thread.quit();
    for (auto &worker : m_workers)
        worker->thread.wait();
}

TargetThreads::Worker &TargetThreads::workerFor(qint64 key) const
{
    return *m_workers.at(size_t(key) % m_workers.size());
}

CurlEngine *TargetThreads::network(qint64 key) const
{
    return workerFor(key).engine;
}

void TargetThreads::adopt(TargetRun *run, qint64 key) const
{
    run->moveToThread(&workerFor(key).thread);
}

namespace {

void startIfLeaseHolds(TargetRun *run, LeaseDeadline leaseValid)
{
    if (leaseValid.hasExpired()) {
        run->refuseStart(
            RunStatus::Skipped,
            QStringLiteral("the node's executor lease (or, on a worker, its heartbeat proof) "
                           "expired before the start"));
        return;
    }
    run->start();
}

} // namespace

void startOnItsThread(TargetRun *run, LeaseDeadline leaseValid)
{
    if (run->thread() == QThread::currentThread()) {
        startIfLeaseHolds(run, leaseValid);
        return;
    }
    QMetaObject::invokeMethod(
        run, [run, leaseValid] { startIfLeaseHolds(run, leaseValid); }, Qt::QueuedConnection);
}

void cancelOnItsThread(TargetRun *run, const QString &reason)
{
    if (run->thread() == QThread::currentThread()) {
        run->cancel(reason);
        return;
    }
    QMetaObject::invokeMethod(
        run, [run, reason] { run->cancel(reason); }, Qt::QueuedConnection);
}

void TargetRunDeleter::operator()(TargetRun *run) const
{
    if (!run)
        return;
    if (run->thread() == QThread::currentThread())
        delete run;
    else
        run->deleteLater();
}

} // namespace Cronhelm

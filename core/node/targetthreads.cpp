#include "targetthreads.h"

#include <exec/targetrun.h>

#include <QNetworkAccessManager>

namespace Cronhelm {

TargetThreads::TargetThreads(int threads, int managersPerThread)
    : m_managersPerThread(std::max(1, managersPerThread))
{
    for (int i = 0; i < threads; ++i) {
        auto worker = std::make_unique<Worker>();
        worker->thread.setObjectName(QStringLiteral("cronhelm-target-%1").arg(i + 1));
        worker->home = new QObject;
        for (int m = 0; m < m_managersPerThread; ++m)
            worker->managers.push_back(new QNetworkAccessManager(worker->home));
        worker->home->moveToThread(&worker->thread);
        // Deleted on its thread, after the runs deleted before it (deferred deletes run in
        // order when the thread finishes).
        QObject::connect(&worker->thread, &QThread::finished, worker->home, &QObject::deleteLater);
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

QNetworkAccessManager *TargetThreads::network(qint64 key) const
{
    const size_t slot = size_t(key) % (m_workers.size() * size_t(m_managersPerThread));
    const Worker &worker = *m_workers.at(slot % m_workers.size());
    return worker.managers.at(slot / m_workers.size());
}

void TargetThreads::adopt(TargetRun *run, qint64 key) const
{
    const size_t slot = size_t(key) % (m_workers.size() * size_t(m_managersPerThread));
    run->moveToThread(&m_workers.at(slot % m_workers.size())->thread);
}

namespace {

void startIfLeaseHolds(TargetRun *run, LeaseDeadline leaseValid)
{
    if (leaseValid.hasExpired()) {
        run->refuseStart(RunStatus::Skipped,
                         QStringLiteral("the node's executor lease expired before the start"));
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

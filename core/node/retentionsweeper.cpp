#include "retentionsweeper.h"

#include <store/retentionstore.h>
#include <store/storeconnection.h>

#include <spdlog/spdlog.h>

namespace Cronhelm {

RetentionSweeper::RetentionSweeper(const QString &conninfo, Settings settings,
                                   std::function<QDateTime()> nextFire, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_nextFire(std::move(nextFire))
    , m_worker(conninfo, QStringLiteral("cronhelm-retention"))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RetentionSweeper::step);
}

void RetentionSweeper::start()
{
    if (m_active)
        return;
    m_active = true;
    ++m_generation;
    m_burst = 0;
    // Not at once: a new executor first loads its jobs and fires what is due.
    m_timer.start(std::chrono::seconds(1));
}

void RetentionSweeper::stop()
{
    if (!m_active)
        return;
    m_active = false;
    ++m_generation;
    m_inFlight = false;
    m_timer.stop();
}

void RetentionSweeper::step()
{
    if (!m_active || m_inFlight)
        return;
    const QDateTime next = m_nextFire();
    if (next.isValid()) {
        const qint64 until = QDateTime::currentDateTimeUtc().msecsTo(next);
        if (until < m_settings.before.count() + 2 * m_lastBatchMs) {
            // Close to (or just past) a slot: try again once the executor is done with it.
            m_timer.start(int(std::max<qint64>(until, 0) + m_settings.after.count()));
            return;
        }
    }
    m_inFlight = true;
    m_batchTimer.start();
    const int batch = m_settings.batch;
    const quint64 generation = m_generation;
    m_worker.post(
        this, [batch](StoreConnection &c) { return RetentionStore(c).sweep(batch); },
        [this, generation](const Result<int> &deleted) {
            onSwept(generation, deleted ? *deleted : -1, deleted.errorMessage());
        });
}

void RetentionSweeper::onSwept(quint64 generation, int deleted, const QString &error)
{
    if (generation != m_generation)
        return;
    m_inFlight = false;
    m_lastBatchMs = m_batchTimer.elapsed();
    if (deleted < 0) {
        spdlog::warn("retention: sweep failed, trying again later: {}", error.toStdString());
        m_timer.start(m_settings.rest);
        return;
    }
    m_burst += deleted;
    Q_EMIT swept(deleted);
    // A short batch is not the end (a first attempt and its retries do not split across
    // batches): only an empty one says nothing more is due.
    if (deleted > 0) {
        m_timer.start(0);
        return;
    }
    if (m_burst > 0)
        spdlog::info("retention: deleted {} runs the policy no longer keeps", m_burst);
    m_burst = 0;
    m_timer.start(m_settings.rest);
}

} // namespace Cronhelm

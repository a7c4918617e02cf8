#include "firequeue.h"

namespace Cronhelm {

FireQueue::FireQueue(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &FireQueue::fireDue);
}

void FireQueue::schedule(qint64 jobId, const QDateTime &slot)
{
    if (!slot.isValid()) {
        remove(jobId);
        return;
    }
    const Current current{slot.toMSecsSinceEpoch(), ++m_generation};
    m_current.insert(jobId, current);
    m_heap.push({current.atMs, current.generation, jobId});
    // Lazy deletion leaves stale entries behind; rebuild when they dominate the heap.
    if (m_heap.size() > 4 * size_t(m_current.size()) + 1024) {
        decltype(m_heap) fresh;
        for (auto it = m_current.cbegin(); it != m_current.cend(); ++it)
            fresh.push({it->atMs, it->generation, it.key()});
        m_heap.swap(fresh);
    }
    rearm();
}

void FireQueue::remove(qint64 jobId)
{
    if (m_current.remove(jobId))
        rearm();
}

void FireQueue::clear()
{
    m_current.clear();
    m_heap = {};
    m_timer.stop();
}

QDateTime FireQueue::slotOf(qint64 jobId) const
{
    const auto it = m_current.constFind(jobId);
    if (it == m_current.cend())
        return {};
    return QDateTime::fromMSecsSinceEpoch(it->atMs, Qt::UTC);
}

QDateTime FireQueue::earliest()
{
    dropStaleHead();
    if (m_heap.empty())
        return {};
    return QDateTime::fromMSecsSinceEpoch(m_heap.top().atMs, Qt::UTC);
}

void FireQueue::dropStaleHead()
{
    while (!m_heap.empty()) {
        const Entry &top = m_heap.top();
        const auto it = m_current.constFind(top.jobId);
        if (it != m_current.cend() && it->generation == top.generation)
            return;
        m_heap.pop();
    }
}

void FireQueue::rearm()
{
    dropStaleHead();
    if (m_heap.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 wait = m_heap.top().atMs - m_leadMs - QDateTime::currentMSecsSinceEpoch();
    m_timer.start(int(std::clamp<qint64>(wait, 0, 3600 * 1000)));
}

void FireQueue::fireDue()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch() + m_leadMs;
    QList<Due> due;
    dropStaleHead();
    while (!m_heap.empty() && m_heap.top().atMs <= now) {
        const Entry top = m_heap.top();
        m_heap.pop();
        m_current.remove(top.jobId);
        due.append({top.jobId, QDateTime::fromMSecsSinceEpoch(top.atMs, Qt::UTC)});
        dropStaleHead();
    }
    rearm();
    if (!due.isEmpty())
        Q_EMIT this->due(due);
}

} // namespace Cronhelm

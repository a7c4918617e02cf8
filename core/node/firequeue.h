#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <queue>
#include <vector>

namespace Cronhelm {

// The executor's schedule in memory: each job's next slot in a priority queue, and one
// precise timer armed for the earliest. No polling: with 100,000 schedules the node sleeps
// until the next slot is due.
class FireQueue : public QObject
{
    Q_OBJECT

public:
    struct Due
    {
        qint64 jobId = 0;
        QDateTime slot;
    };

    explicit FireQueue(QObject *parent = nullptr);

    // Emit due() this long before each slot (the executor reserves runs ahead).
    void setLead(std::chrono::milliseconds lead) { m_leadMs = lead.count(); }

    // Sets the job's next slot, replacing any previous one.
    void schedule(qint64 jobId, const QDateTime &slot);
    void remove(qint64 jobId);
    void clear();
    int size() const { return int(m_current.size()); }
    QDateTime slotOf(qint64 jobId) const;
    // The earliest slot in the queue (invalid when empty): background work stays clear of it.
    QDateTime earliest();

Q_SIGNALS:
    // The slots that are due now (within the lead), earliest first. Each job leaves the queue when
    // due; the receiver schedules its next slot.
    void due(const QList<Cronhelm::FireQueue::Due> &slots);

private:
    struct Entry
    {
        qint64 atMs;
        quint64 generation;
        qint64 jobId;
        bool operator>(const Entry &o) const
        {
            return atMs != o.atMs ? atMs > o.atMs : generation > o.generation;
        }
    };
    struct Current
    {
        qint64 atMs;
        quint64 generation;
    };

    void rearm();
    void fireDue();
    void dropStaleHead();

    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> m_heap;
    QHash<qint64, Current> m_current;
    quint64 m_generation = 0;
    qint64 m_leadMs = 0;
    QTimer m_timer;
};

} // namespace Cronhelm

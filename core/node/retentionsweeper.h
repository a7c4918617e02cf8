#pragma once

#include <store/storeworker.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace Cronhelm {

// Applies the retention policy (docs/semantics.md, "Retention") while this node is the
// executor: deletes due runs in small batches (cronhelm.retention_sweep) on a store
// connection and thread of its own, so the fire path never waits behind it. Before each
// batch it asks when the next slot fires and stays out of the way of that instant, when the
// executor records and starts runs. When a batch finds nothing, nothing more is due: it
// rests, then looks again.
class RetentionSweeper : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        int batch = 500;
        // Between sweeps once nothing is due (and after an error).
        std::chrono::milliseconds rest{std::chrono::minutes(10)};
        // No batch starts this long before a slot fires (plus twice the last batch's time,
        // so that it ends before the executor records the slot), nor until this long after.
        std::chrono::milliseconds before{250};
        std::chrono::milliseconds after{250};
    };
    // nextFire: when the executor next fires a slot (invalid: nothing scheduled).
    RetentionSweeper(const QString &conninfo, Settings settings,
                     std::function<QDateTime()> nextFire, QObject *parent = nullptr);

    // Starts sweeping (the lease was acquired) / stops (lost, or shutting down). A batch in
    // flight when stopped still finishes; its answer is ignored.
    void start();
    void stop();
    bool isActive() const { return m_active; }

Q_SIGNALS:
    // After each batch: how many runs it deleted.
    void swept(int deleted);

private:
    void step();
    void onSwept(quint64 generation, int deleted, const QString &error);

    Settings m_settings;
    std::function<QDateTime()> m_nextFire;
    QTimer m_timer;
    bool m_active = false;
    bool m_inFlight = false;
    quint64 m_generation = 0;   // changes on start/stop: answers of an earlier one are dropped
    qint64 m_burst = 0;         // deleted since the last rest, for the log
    qint64 m_lastBatchMs = 100; // how long the last batch took, answer included
    QElapsedTimer m_batchTimer;
    // Declared last: destroyed first, so no answer arrives into a half-destroyed sweeper.
    StoreWorker m_worker;
};

} // namespace Cronhelm

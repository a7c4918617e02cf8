#pragma once

#include <domain/records.h>
#include <exec/runoutcome.h>
#include <store/storeworker.h>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace Cronhelm {

// Streams job output into run_logs in batches: every 100 ms, or sooner when a run has
// buffered a lot or ended. The output of all runs goes in one statement per batch
// (append_logs), so a second in which hundreds of jobs start and end costs the database a
// few transactions, not hundreds. Writes happen on a store thread of their own so a chatty
// job never delays a fire. Batches that fail because the connection dropped are kept
// (bounded) and written once it is back, in order: retried every second until then.
class LogBatcher : public QObject
{
    Q_OBJECT

public:
    LogBatcher(const QString &conninfo, QObject *parent = nullptr);
    ~LogBatcher() override;

    void append(qint64 runId, LogStream stream, const QString &text);
    // Writes what is buffered for the run (with the other runs that end about now: within
    // closeDelay); `done` runs on this thread once it is stored (or given up on), so the
    // run's end is recorded after its last line. While the database is unreachable that is
    // when the connection is back.
    void close(qint64 runId, std::function<void()> done);

    static constexpr std::chrono::milliseconds closeDelay{50};

private:
    struct Buffer
    {
        int nextSeq = 0;
        QList<LogChunk> chunks;
        qsizetype bytes = 0;
    };
    struct Backlog;

    struct Closing
    {
        std::function<void()> done;
        quint64 post = 0; // the post that carries its last lines
    };

    void flushAll();
    void post(QList<std::pair<qint64, QList<LogChunk>>> batches);
    void retryBacklog();
    // After post number `post` was handled: the runs that still have batches in the backlog.
    void afterDrain(quint64 post, const QSet<qint64> &pending);

    QHash<qint64, Buffer> m_buffers;
    QHash<qint64, Closing> m_closing; // closed, waiting for their lines to be stored
    quint64 m_posts = 0;
    QTimer m_timer;
    QTimer m_closeTimer;
    QTimer m_retryTimer;
    std::shared_ptr<Backlog> m_backlog; // touched only on the worker thread
    StoreWorker m_worker;
};

} // namespace Cronhelm

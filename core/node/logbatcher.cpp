#include "logbatcher.h"

#include <store/nodestore.h>
#include <store/storeconnection.h>

#include <spdlog/spdlog.h>

#include <deque>

namespace Cronhelm {

namespace {
constexpr qsizetype chunkBytes = 64 * 1024;
constexpr qsizetype flushBytes = 256 * 1024;
constexpr qsizetype backlogLimitBytes = 64 * 1024 * 1024;
} // namespace

struct LogBatcher::Backlog
{
    std::deque<std::pair<qint64, QList<LogChunk>>> batches;
    qsizetype bytes = 0;

    // Writes the backlog in order; stops at a lost connection (kept for next time).
    void drain(StoreConnection &connection)
    {
        NodeStore store(connection);
        while (!batches.empty()) {
            auto &[runId, chunks] = batches.front();
            Status written = store.appendLog(runId, chunks);
            if (!written && written.errorKind() == ErrorKind::ConnectionLost)
                return;
            if (!written) {
                spdlog::error("log: dropping {} chunks of run {}: {}", chunks.size(), runId,
                              written.errorMessage().toStdString());
            }
            for (const LogChunk &c : std::as_const(chunks))
                bytes -= c.data.size();
            batches.pop_front();
        }
    }

    QSet<qint64> runs() const
    {
        QSet<qint64> ids;
        for (const auto &batch : batches)
            ids.insert(batch.first);
        return ids;
    }

    void add(qint64 runId, QList<LogChunk> chunks)
    {
        for (const LogChunk &c : std::as_const(chunks))
            bytes += c.data.size();
        batches.emplace_back(runId, std::move(chunks));
        while (bytes > backlogLimitBytes && batches.size() > 1) {
            spdlog::error("log: the database is unreachable and the log backlog is full; "
                          "dropping the oldest batch of run {}",
                          batches.front().first);
            for (const LogChunk &c : std::as_const(batches.front().second))
                bytes -= c.data.size();
            batches.pop_front();
        }
    }
};

LogBatcher::LogBatcher(const QString &conninfo, QObject *parent)
    : QObject(parent)
    , m_backlog(std::make_shared<Backlog>())
    , m_worker(conninfo, QStringLiteral("cronhelm-log"))
{
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &LogBatcher::flushAll);
    m_timer.start();
    // Nothing else may write for a long time (the run whose output is pending has ended):
    // keep trying the backlog on our own.
    m_retryTimer.setInterval(1000);
    connect(&m_retryTimer, &QTimer::timeout, this, &LogBatcher::retryBacklog);
}

LogBatcher::~LogBatcher()
{
    flushAll();
    auto backlog = m_backlog;
    m_worker.post([backlog](StoreConnection &c) { backlog->drain(c); });
}

void LogBatcher::append(qint64 runId, LogStream stream, const QString &text)
{
    if (text.isEmpty())
        return;
    Buffer &buffer = m_buffers[runId];
    const QString streamName = logStreamName(stream);
    // Consecutive output of one stream shares a chunk, up to a size.
    if (!buffer.chunks.isEmpty() && buffer.chunks.last().stream == streamName
        && buffer.chunks.last().data.size() + text.size() <= chunkBytes) {
        buffer.chunks.last().data += text;
    } else {
        buffer.chunks.append({buffer.nextSeq++, QDateTime(), streamName, text});
    }
    buffer.bytes += text.size();
    if (buffer.bytes >= flushBytes)
        flush(runId, buffer);
}

void LogBatcher::flush(qint64 runId, Buffer &buffer)
{
    if (buffer.chunks.isEmpty())
        return;
    QList<LogChunk> chunks;
    chunks.swap(buffer.chunks);
    buffer.bytes = 0;
    auto backlog = m_backlog;
    m_worker.post(
        this,
        [backlog, runId, chunks = std::move(chunks)](StoreConnection &c) mutable {
            backlog->add(runId, std::move(chunks));
            backlog->drain(c);
            return backlog->runs();
        },
        [this](const QSet<qint64> &pending) { afterDrain(pending); });
}

void LogBatcher::retryBacklog()
{
    auto backlog = m_backlog;
    m_worker.post(
        this,
        [backlog](StoreConnection &c) {
            backlog->drain(c);
            return backlog->runs();
        },
        [this](const QSet<qint64> &pending) { afterDrain(pending); });
}

void LogBatcher::afterDrain(const QSet<qint64> &pending)
{
    for (auto it = m_closing.begin(); it != m_closing.end();) {
        if (pending.contains(it.key())) {
            ++it;
            continue;
        }
        const std::function<void()> done = std::move(it.value());
        it = m_closing.erase(it);
        done();
    }
    if (pending.isEmpty())
        m_retryTimer.stop();
    else if (!m_retryTimer.isActive())
        m_retryTimer.start();
}

void LogBatcher::flushAll()
{
    for (auto it = m_buffers.begin(); it != m_buffers.end(); ++it)
        flush(it.key(), it.value());
}

void LogBatcher::close(qint64 runId, std::function<void()> done)
{
    auto it = m_buffers.find(runId);
    if (it != m_buffers.end()) {
        flush(runId, it.value());
        m_buffers.erase(it);
    }
    auto backlog = m_backlog;
    m_worker.post(
        this,
        [backlog](StoreConnection &c) {
            backlog->drain(c);
            return backlog->runs();
        },
        [this, runId, done = std::move(done)](const QSet<qint64> &pending) mutable {
            // Its lines are still waiting for the database: its end waits for them.
            if (pending.contains(runId))
                m_closing.insert(runId, std::move(done));
            else
                done();
            afterDrain(pending);
        });
}

} // namespace Cronhelm

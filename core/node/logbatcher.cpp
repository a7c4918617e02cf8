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
    m_worker.post([backlog, runId, chunks = std::move(chunks)](StoreConnection &c) mutable {
        backlog->add(runId, std::move(chunks));
        backlog->drain(c);
    });
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
            return true;
        },
        [done = std::move(done)](bool) { done(); });
}

} // namespace Cronhelm

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
// Log text written in one statement, at most (about).
constexpr qsizetype maxGroupBytes = 1024 * 1024;
} // namespace

struct LogBatcher::Backlog
{
    std::deque<std::pair<qint64, QList<LogChunk>>> batches;
    qsizetype bytes = 0;

    void drop(qsizetype count)
    {
        for (qsizetype i = 0; i < count; ++i) {
            for (const LogChunk &c : std::as_const(batches.front().second))
                bytes -= c.data.size();
            batches.pop_front();
        }
    }

    // Writes the backlog in order, many runs per statement; stops at a lost connection
    // (kept for next time).
    void drain(StoreConnection &connection)
    {
        NodeStore store(connection);
        while (!batches.empty()) {
            QList<std::pair<qint64, QList<LogChunk>>> group;
            qsizetype groupBytes = 0;
            for (auto it = batches.cbegin(); it != batches.cend() && groupBytes < maxGroupBytes;
                 ++it) {
                group.append(*it);
                for (const LogChunk &c : it->second)
                    groupBytes += c.data.size();
            }
            Status written = store.appendLogs(group);
            if (!written && written.errorKind() == ErrorKind::ConnectionLost)
                return;
            if (!written) {
                // One bad batch (its run deleted meanwhile, say) must not cost the others
                // their lines: write them one by one.
                for (const auto &[runId, chunks] : std::as_const(group)) {
                    Status one = store.appendLog(runId, chunks);
                    if (!one && one.errorKind() == ErrorKind::ConnectionLost)
                        return;
                    if (!one) {
                        spdlog::error("log: dropping {} chunks of run {}: {}", chunks.size(), runId,
                                      one.errorMessage().toStdString());
                    }
                    drop(1);
                }
                continue;
            }
            drop(group.size());
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
            drop(1);
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
    // Runs that end about together (a burst of jobs at one instant) share one write.
    m_closeTimer.setSingleShot(true);
    m_closeTimer.setInterval(closeDelay);
    connect(&m_closeTimer, &QTimer::timeout, this, &LogBatcher::flushAll);
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
    // Consecutive output of one stream shares a chunk, up to a size.
    if (!buffer.chunks.isEmpty() && buffer.chunks.last().stream == stream
        && buffer.chunks.last().data.size() + text.size() <= chunkBytes) {
        buffer.chunks.last().data += text;
    } else {
        buffer.chunks.append({buffer.nextSeq++, QDateTime(), stream, text});
    }
    buffer.bytes += text.size();
    if (buffer.bytes >= flushBytes) {
        QList<LogChunk> chunks;
        chunks.swap(buffer.chunks);
        buffer.bytes = 0;
        post({{runId, std::move(chunks)}});
    }
}

void LogBatcher::post(QList<std::pair<qint64, QList<LogChunk>>> batches)
{
    const quint64 number = ++m_posts;
    auto backlog = m_backlog;
    m_worker.post(
        this,
        [backlog, batches = std::move(batches)](StoreConnection &c) mutable {
            for (auto &[runId, chunks] : batches)
                backlog->add(runId, std::move(chunks));
            backlog->drain(c);
            return backlog->runs();
        },
        [this, number](const QSet<qint64> &pending) { afterDrain(number, pending); });
}

void LogBatcher::retryBacklog()
{
    post({});
}

void LogBatcher::afterDrain(quint64 post, const QSet<qint64> &pending)
{
    for (auto it = m_closing.begin(); it != m_closing.end();) {
        // Lines of a run posted later than this are not written yet.
        if (it->post > post || pending.contains(it.key())) {
            ++it;
            continue;
        }
        const std::function<void()> done = std::move(it->done);
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
    m_closeTimer.stop();
    QList<std::pair<qint64, QList<LogChunk>>> batches;
    for (auto it = m_buffers.begin(); it != m_buffers.end();) {
        Buffer &buffer = it.value();
        if (!buffer.chunks.isEmpty()) {
            QList<LogChunk> chunks;
            chunks.swap(buffer.chunks);
            buffer.bytes = 0;
            batches.append({it.key(), std::move(chunks)});
        }
        if (m_closing.contains(it.key()))
            it = m_buffers.erase(it);
        else
            ++it;
    }
    bool closing = false;
    for (auto it = m_closing.begin(); it != m_closing.end(); ++it) {
        if (it->post == 0) {
            it->post = m_posts + 1;
            closing = true;
        }
    }
    if (batches.isEmpty() && !closing)
        return;
    post(std::move(batches));
}

void LogBatcher::close(qint64 runId, std::function<void()> done)
{
    m_closing.insert(runId, {std::move(done), 0});
    if (!m_closeTimer.isActive())
        m_closeTimer.start();
}

} // namespace Cronhelm

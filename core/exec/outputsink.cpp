#include "outputsink.h"

#include "coretr.h"

namespace Cronhelm {

namespace {

// Short enough for a live log tail, long enough to batch a chatty job.
constexpr int flushDelayMs = 50;

bool isUtf8Continuation(char byte)
{
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

} // namespace

OutputSink::OutputSink(qint64 limitBytes, QObject *parent)
    : QObject(parent)
    , m_limit(limitBytes)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(flushDelayMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &OutputSink::flush);
}

void OutputSink::append(LogStream stream, QByteArrayView data)
{
    if (data.isEmpty()) {
        return;
    }
    m_produced += data.size();
    if (m_truncated) {
        return; // drained and dropped
    }
    qsizetype take = data.size();
    const bool limited = m_limit > 0 && m_kept + take > m_limit;
    if (limited) {
        take = static_cast<qsizetype>(m_limit - m_kept);
        // Cut before a character, not inside one, so the kept text decodes cleanly.
        while (take > 0 && take < data.size() && isUtf8Continuation(data[take])) {
            --take;
        }
    }
    if (!m_pending.isEmpty() && stream != m_pendingStream) {
        flush();
    }
    m_pendingStream = stream;
    m_pending.append(data.first(take));
    m_kept += take;

    if (limited) {
        m_truncated = true;
        systemLine(CoreTr::tr("[cronhelm] output truncated: log limit of %1 bytes reached; "
                              "further output was discarded")
                       .arg(m_limit));
        return;
    }
    while (m_pending.size() >= pieceBytes) {
        // Prefer whole lines; a line longer than a piece is split.
        const qsizetype newline = m_pending.lastIndexOf('\n', pieceBytes - 1);
        emitPending(newline >= 0 ? newline + 1 : pieceBytes);
    }
    if (!m_pending.isEmpty() && !m_flushTimer.isActive()) {
        m_flushTimer.start();
    }
}

void OutputSink::systemLine(const QString &line)
{
    flush();
    QString text = m_atLineStart ? line : u'\n' + line;
    if (!text.endsWith(u'\n')) {
        text += u'\n';
    }
    m_atLineStart = true;
    Q_EMIT output(LogStream::System, text);
}

void OutputSink::flush()
{
    m_flushTimer.stop();
    if (!m_pending.isEmpty()) {
        emitPending(m_pending.size());
    }
}

void OutputSink::emitPending(qsizetype bytes)
{
    const QString text = encoderFor(m_pendingStream).encode(QByteArrayView(m_pending).first(bytes));
    m_pending.remove(0, bytes);
    if (!text.isEmpty()) {
        m_atLineStart = text.endsWith(u'\n');
        Q_EMIT output(m_pendingStream, text);
    }
}

LogTextEncoder &OutputSink::encoderFor(LogStream stream)
{
    // Separate encoders: a character split across reads continues in its own stream.
    return stream == LogStream::Stderr ? m_stderrEncoder : m_stdoutEncoder;
}

void OutputSink::finish()
{
    flush();
    for (LogStream stream : {LogStream::Stdout, LogStream::Stderr}) {
        const QString rest = encoderFor(stream).finish();
        if (!rest.isEmpty()) {
            m_atLineStart = false;
            Q_EMIT output(stream, rest);
        }
    }
}

} // namespace Cronhelm

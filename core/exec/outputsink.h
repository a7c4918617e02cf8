#pragma once

#include "runoutcome.h"

#include <QByteArray>
#include <QObject>
#include <QStringDecoder>
#include <QTimer>

namespace Cronhelm {

// Turns the raw bytes a job produces into log pieces for the node: coalesced (at most one
// piece per ~50 ms or per 64 KiB, cut after a newline where possible), decoded as UTF-8
// with invalid bytes replaced, ordered across streams, and capped at the job's log limit.
// Past the limit it keeps counting but drops the bytes, so memory stays bounded whatever
// the job prints.
class OutputSink : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype pieceBytes = 64 * 1024;

    // limitBytes <= 0 means no limit.
    explicit OutputSink(qint64 limitBytes, QObject *parent = nullptr);

    // Job output (Stdout or Stderr).
    void append(LogStream stream, QByteArrayView data);
    // A line of Cronhelm's own (System). Not counted against the limit: these lines are
    // few and written by us. Flushes pending job output first, to keep the order.
    void systemLine(const QString &line);
    // Emits whatever is pending (call before reporting the outcome).
    void flush();

    qint64 producedBytes() const { return m_produced; }
    qint64 keptBytes() const { return m_kept; }
    bool truncated() const { return m_truncated; }

Q_SIGNALS:
    void output(Cronhelm::LogStream stream, const QString &text);

private:
    void emitPending(qsizetype bytes);
    QStringDecoder &decoderFor(LogStream stream);

    qint64 m_limit;
    qint64 m_produced = 0;
    qint64 m_kept = 0;
    bool m_truncated = false;
    bool m_atLineStart = true;
    LogStream m_pendingStream = LogStream::Stdout;
    QByteArray m_pending;
    QStringDecoder m_stdoutDecoder{QStringDecoder::Utf8};
    QStringDecoder m_stderrDecoder{QStringDecoder::Utf8};
    QTimer m_flushTimer{this}; // parented: moveToThread() takes it along
};

} // namespace Cronhelm
